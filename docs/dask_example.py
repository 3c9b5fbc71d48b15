"""Run policydiff's per-file parse on Dask (optional extra: pip install -e '.[scale]').

    python docs/dask_example.py corpus/ out/records
"""

import json
import sys
from pathlib import Path

import dask.bag as db

from policydiff.parse import parse_file
from policydiff.store import public_record


def to_line(record: dict) -> str:
    return json.dumps(public_record(record), ensure_ascii=False)


def main(folder: str, out: str) -> None:
    files = sorted(str(p) for p in Path(folder).glob("*.txt"))
    bag = db.from_sequence(files, npartitions=max(1, len(files) // 50)).map(parse_file, folder)
    Path(out).mkdir(parents=True, exist_ok=True)
    bag.map(to_line).to_textfiles(str(Path(out) / "records-*.jsonl"), encoding="utf-8")
    print(f"{len(files)} notices → {out}/records-*.jsonl")


if __name__ == "__main__":
    main(*sys.argv[1:3])
