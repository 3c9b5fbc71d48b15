"""Ingest on Dask from Python — what `policydiff ingest PATH --dask ADDRESS` runs
(needs the scale extra: pip install -e '.[scale]').

    python docs/dask_example.py corpus/ extracted/policydiff.db             # a LocalCluster here
    python docs/dask_example.py corpus/ extracted/policydiff.db tcp://scheduler:8786

The workers parse into Parquet partitions (extracted/parts/<table>/*.parquet, readable by
pandas, R and DuckDB as they are); the partitions are then loaded into SQLite, one
transaction a notice, the search index built in bulk.
"""

import sys

from policydiff.distributed import ingest_dask


def main(folder: str, db_path: str, address: str = "local") -> None:
    report = ingest_dask([folder], db_path, address)
    for failure in report.failures:
        print(f"Error: {failure.line()}", file=sys.stderr)
    print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
          f"failed {report.failed} → {db_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
