"""Ingest on a Dask cluster: parse on the workers into Parquet partitions, then load them.

The workers run the per-file parse of a local ingest (``ingest._parse_job``) over
partitions of the sorted file list; each partition becomes one Parquet file per
table under ``DIR/<table>/<part>.parquet`` (the columns of the SQLite tables,
typed as the schema declares them, plus ``doc_id`` on ``units``) and a manifest
``DIR/_parts/<part>.json`` (written last: a partition without one is incomplete)
naming its notices and its failed files. :func:`load_partitions` then writes each
notice into SQLite in its own transaction with the local ingest's writer and builds
the search index in bulk — so both paths store the same rows.

Needs the ``scale`` extra (dask[distributed], pyarrow). Workers must see the input
files and ``DIR`` at the same paths (a shared disk on a real cluster).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import store
from .ingest import (
    IngestReport,
    ParsedNotice,
    _parse_job,
    _sha256,
    _store_one,
    _TookTooLong,
    _with_time_limit,
    collect_files,
    document_ids,
    took_too_long,
)
from .models import Failure
from .paths import inside

# The tables of one document as store.document_rows gives them, in insertion order (foreign keys first).
# every table a notice writes (store.document_rows), in an order the foreign keys allow
PARTITION_TABLES = ["units", "documents", *(t for t in store.CHILD_TABLES if t != "unit_aliases"), "unit_aliases"]
MANIFESTS = "_parts"
# a partition is a few hundred notices: large enough that a task's overhead (~ms) vanishes
# beside its parse (~10 ms a notice), small enough to spread over the workers
MAX_PARTITION = 250
# seconds to wait for a scheduler to answer before the ingest fails with one line
CONNECT_TIMEOUT = 20
LOCAL_START_TIMEOUT = 180


def missing_packages() -> list[str]:
    """The packages of the ``scale`` extra that are not installed."""
    import importlib.util

    return [name for name in ("distributed", "pyarrow") if importlib.util.find_spec(name) is None]


def arrow_types(types: dict[str, type]):
    """The pyarrow schema of columns typed as Python types (str, int, float)."""
    import pyarrow as pa

    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    return pa.schema([(name, kinds[kind]) for name, kind in types.items()])


def arrow_table(types: dict[str, type], rows: list[tuple]):
    """A pyarrow table of ``rows`` (tuples in the order of ``types``), typed column by column."""
    import pyarrow as pa

    schema = arrow_types(types)
    columns = list(zip(*rows)) if rows else [() for _ in types]
    return pa.Table.from_arrays([pa.array(list(values), type=field.type) for values, field in zip(columns, schema)],
                                schema=schema)


def write_parquet(table, path: Path) -> None:
    """Write through a temporary name, so that a reader never sees half a file."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)


def write_parquet_batches(path: Path, types: dict[str, type], batches) -> None:
    """Rows (tuples in the order of ``types``) a batch at a time into one Parquet file, through a
    temporary name: a table too large to hold is written as it comes."""
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with pq.ParquetWriter(tmp, arrow_types(types)) as writer:
        for batch in batches:
            writer.write_table(arrow_table(types, batch))
    tmp.replace(path)


def partition_types(table: str) -> dict[str, type]:
    """A partition table's columns: the SQLite table's, and on ``units`` the notice that named it."""
    types = store.column_types(table)
    return {"doc_id": str, **types} if table == "units" else types


def write_partition(name: str, jobs: list[tuple], out: str) -> dict:
    """Parse ``jobs`` ((file, root, id[, seconds]) as a local ingest makes them) and write them as partition ``name``
    under ``out`` (runs on a worker). A file that takes longer than its seconds fails as in a local ingest
    ("took longer than N s"). Returns the manifest."""
    rows: dict[str, list[tuple]] = {table: [] for table in PARTITION_TABLES}
    notices, failures = [], []
    for job in jobs:
        file, parsed, error = parse_within(job)
        if error or parsed is None:
            failures.append([file, error])
            continue
        notices.append({"id": parsed.id, "file": file, "path": parsed.path, "sha256": parsed.sha256,
                        "warnings": parsed.warnings})
        for table, (columns, values) in parsed.rows.items():
            extra = {"doc_id": parsed.id} if table == "units" else {}
            rows[table].extend(_in_order({**extra, **dict(zip(columns, v))}, partition_types(table)) for v in values)
    for table, table_rows in rows.items():
        write_parquet(arrow_table(partition_types(table), table_rows), Path(out) / table / f"{name}.parquet")
    manifest = {"part": name, "notices": notices, "failures": failures}
    path = Path(out) / MANIFESTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".tmp").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    path.with_suffix(".tmp").replace(path)
    return manifest


def parse_within(job: tuple) -> tuple:
    """``ingest._parse_job`` of ``job`` (file, root, id[, seconds]) bounded by its seconds in the calling thread:
    a Dask task runs in a worker's thread, which no SIGALRM reaches (the local pool's bound is the main thread's
    alarm), so a timer raises the same ``_TookTooLong`` in it at its next Python instruction."""
    seconds = job[3] if len(job) > 3 else 0
    try:
        with _thread_time_limit(seconds):
            return _parse_job(job)
    except _TookTooLong:  # raised just as the parse returned: the bound still holds
        return job[0], None, took_too_long(seconds)


@contextmanager
def _thread_time_limit(seconds: float):
    """Raise ``_TookTooLong`` in this thread after ``seconds`` (none pending once the block is left)."""
    if not seconds:
        yield
        return
    import ctypes
    import threading

    thread = ctypes.c_ulong(threading.get_ident())
    fired = threading.Event()

    def fire() -> None:
        fired.set()
        ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(_TookTooLong))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        if fired.is_set():  # fired after the parse ended: take back an exception not yet raised
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)


def _in_order(row: dict, types: dict[str, type]) -> tuple:
    return tuple(row.get(column) for column in types)


@contextmanager
def dask_client(address: str, workers: int | None = None, processes: bool = True) -> Iterator:
    """A distributed ``Client`` of the scheduler at ``address`` (``tcp://host:8786``), or of a
    ``LocalCluster`` of ``workers`` single-threaded workers when ``address`` is ``local``."""
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.WARNING)  # not a line per worker start in the ingest output

    if address != "local":
        with Client(address, timeout=CONNECT_TIMEOUT) as client:
            yield client
        return
    import dask

    workers = workers or os.cpu_count() or 1
    # room for worker processes to start on a busy shared machine (the default is 30 s)
    with dask.config.set({"distributed.comm.timeouts.connect": f"{LOCAL_START_TIMEOUT}s"}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def ingest_dask(paths, db_path=store.DEFAULT_DB, address: str = "local", parts_dir=None, force: bool = False,
                json_dir=None, workers: int | None = None, processes: bool = True,
                partition_size: int | None = None, progress: Callable[[str], None] | None = None,
                time_limit: float | None = None) -> IngestReport:
    """Parse every notice under ``paths`` on Dask into Parquet partitions under ``parts_dir``
    (default: ``parts`` beside the database), then load them into the database. Files whose
    sha256 is stored are skipped, as in a local ingest; a file that takes longer than ``time_limit``
    seconds (default ``read.limits.max_seconds``, as a local ingest) fails with "took longer than N s"."""
    from distributed import as_completed

    report = IngestReport()
    files, missing = collect_files(paths)
    for failure in missing:
        report.fail(failure)
    parts_dir = Path(parts_dir) if parts_dir else Path(db_path).parent / "parts"
    jobs = list(_with_time_limit(iter(_jobs(files, db_path, force, report, progress)), time_limit))
    names: list[str] = []
    if jobs:
        with dask_client(address, workers, processes) as client:
            chunks = _chunks(jobs, partition_size or _partition_size(len(jobs), client))
            now = time.time()  # names sort by run, then by position in the file list
            stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{now % 1:.6f}"[1:]
            names = [f"part-{stamp}-{k:05d}" for k in range(len(chunks))]
            futures = client.map(write_partition, names, chunks, out=str(parts_dir.resolve()), pure=False)
            lost = dict(zip(futures, chunks))
            for future in as_completed(futures):
                if future.status == "error":  # a worker died or could not write: its files failed
                    reason = f"not parsed: the Dask task failed ({type(future.exception()).__name__}: {future.exception()})"
                    for file, *_ in lost[future]:
                        report.fail(Failure(file, reason))
                elif progress:
                    for file, *_ in lost[future]:
                        progress(file)
    loaded = load_partitions(parts_dir, db_path, force=force, json_dir=json_dir, names=names, report=report)
    return loaded


def _jobs(files, db_path, force, report, progress) -> list[tuple[str, str, str]]:
    db = store.open_db(db_path)
    stored = store.stored_hashes(db)
    db.close()
    jobs = []
    for (file, root), doc_id in zip(files, document_ids(files)):  # the local ingest's ids
        if not force and doc_id in stored and stored[doc_id] == _sha256(file):
            report.unchanged += 1
            if progress:
                progress(str(file))
            continue
        jobs.append((str(file), str(root), doc_id))
    return jobs


def _partition_size(n_jobs: int, client) -> int:
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return max(1, min(MAX_PARTITION, -(-n_jobs // (workers * 4))))  # ≥ 4 partitions a worker to balance


def _chunks(jobs: list, size: int) -> list[list]:
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def load_partitions(parts_dir, db_path=store.DEFAULT_DB, force: bool = False, json_dir=None,
                    names: list[str] | None = None, report: IngestReport | None = None,
                    progress: Callable[[str], None] | None = None) -> IngestReport:
    """Store the notices of the partitions under ``parts_dir`` (only ``names`` if given), each in
    its own transaction; the search index is built in bulk at the end. A notice in several
    partitions is taken from the latest; one stored with the same sha256 is left alone."""
    report = report or IngestReport()
    manifests = _manifests(Path(parts_dir), names)
    latest = {n["id"]: m["part"] for m in manifests for n in m["notices"]}
    latest_file = {**{f: m["part"] for m in manifests for f, _ in m["failures"]},
                   **{n["file"]: m["part"] for m in manifests for n in m["notices"]}}
    db = store.open_db(db_path)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    stored = store.stored_hashes(db)
    try:
        for manifest in manifests:
            for f, reason in manifest["failures"]:
                if latest_file[f] == manifest["part"]:
                    report.fail(Failure(f, reason))
            notices = [n for n in manifest["notices"] if latest[n["id"]] == manifest["part"]]
            todo = [n for n in notices if force or stored.get(n["id"]) != n["sha256"]]
            report.unchanged += sum(1 for n in notices if n not in todo)
            rows = read_partition(Path(parts_dir), manifest["part"]) if todo else {}
            for notice in todo:
                if notice["id"] not in rows:  # a manifest edited or damaged by hand
                    report.fail(Failure(notice["file"], f"partition {manifest['part']!r} has no rows for id "
                                                        f"{notice['id']!r}; not stored"))
                    continue
                parsed = ParsedNotice(notice["id"], notice["path"], notice["sha256"], notice["warnings"],
                                      _record_json(rows[notice["id"]]), rows[notice["id"]])
                _store_one(db, notice["file"], parsed, json_dir, report)
                if progress:
                    progress(notice["file"])
    finally:
        store.index_pending(db)
        db.close()
    return report


def _record_json(rows: store.DocumentRows) -> str:
    columns, values = rows["documents"]
    return values[0][columns.index("record")]


def _manifests(parts_dir: Path, names: list[str] | None) -> list[dict]:
    paths = ([inside(parts_dir / MANIFESTS, n, ".json") for n in names] if names is not None
             else sorted((parts_dir / MANIFESTS).glob("*.json")))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths if p.exists()]


def read_partition(parts_dir: Path, name: str) -> dict[str, store.DocumentRows]:
    """The rows of partition ``name``, notice by notice, as :func:`store.save_rows` takes them."""
    import pyarrow.parquet as pq

    by_doc: dict[str, store.DocumentRows] = {}
    for table in PARTITION_TABLES:
        types = partition_types(table)
        columns = [c for c in types if not (table == "units" and c == "doc_id")]
        key = "id" if table == "documents" else "doc_id"
        data = pq.read_table(inside(parts_dir / table, name, ".parquet")).to_pydict()
        for i, doc_id in enumerate(data[key]):
            entry = by_doc.setdefault(doc_id, {}).setdefault(table, (columns, []))
            entry[1].append(tuple(data[c][i] if c in data else None for c in columns))  # older parts lack new columns
    return by_doc
