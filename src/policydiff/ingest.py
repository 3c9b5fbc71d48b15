"""Ingest a folder of notices: parse each file (in a process pool) and store it.

Parsing happens in workers; the parent process alone writes, one transaction
per document, in a fixed (sorted) order so that output does not depend on the
number of workers.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import errors, store
from .models import Failure
from .parse import document_id, parse_file
from .read import SUPPORTED_SUFFIXES

# Files that sit beside notices and are not notices (the corpus README, manifests).
IGNORED_SUFFIXES = {".md", ".json", ".csv", ".tsv", ".yml", ".yaml", ".db", ".sqlite"}


# Stored documents are added to the search index in bulk, at the latest after this many
# (so that a long run's search lags by a bounded amount) and at the end of the run.
INDEX_EVERY = 1000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def collect_files(paths: Iterable) -> tuple[list[tuple[Path, Path]], list[Failure]]:
    """(file, root) pairs under ``paths``, sorted; symlink loops are not followed."""
    found, failures, seen = [], [], set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    file = Path(dirpath) / name
                    if name.startswith(".") or file.suffix.lower() in IGNORED_SUFFIXES:
                        continue
                    found.append((file, path))
        elif path.is_file():
            found.append((path, path.parent))
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    unique = []
    for file, root in found:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((file, root))
    return sorted(unique, key=lambda fr: str(fr[0])), failures


@dataclass
class ParsedNotice:
    """What a worker hands the writer: the rows and JSON text, ready to write
    (cheap to pass between processes, nothing left to compute in the writer)."""

    id: str
    path: str
    sha256: str
    warnings: list[str]
    json: str
    rows: store.DocumentRows


def _parse_job(job: tuple[str, str]) -> tuple[str, ParsedNotice | None, str | None]:
    file, root = job
    try:
        suffix = Path(file).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise errors.UnsupportedFormatError(file, f"unsupported file type '{suffix or Path(file).name}'")
        record = parse_file(file, root)
        record["_json"] = store.record_json(record)
        parsed = ParsedNotice(record["id"], record["path"], record["sha256"], record.get("warnings") or [],
                              record["_json"], store.document_rows(record))
        return file, parsed, None
    except errors.BadFileError as exc:
        return file, None, exc.detail
    except OSError as exc:
        return file, None, f"cannot read file ({exc.strerror or type(exc).__name__})"
    except Exception as exc:  # a parser bug must not stop the run or lose stored work
        return file, None, f"internal error while parsing ({type(exc).__name__}: {exc})"


def ingest(paths, db_path=store.DEFAULT_DB, workers: int | None = None, force: bool = False,
           json_dir=None, progress: Callable[[str], None] | None = None) -> IngestReport:
    """Parse and store every notice under ``paths``; skip files whose sha256 is stored."""
    report = IngestReport()
    files, report.failures = collect_files(paths)
    db = store.open_db(db_path)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    stored = store.stored_hashes(db)
    jobs = []
    for file, root in files:
        doc_id = document_id(file)
        if not force and doc_id in stored and stored[doc_id] == _sha256(file):
            report.unchanged.append(doc_id)
            if progress:
                progress(str(file))
            continue
        jobs.append((str(file), str(root)))
    indexed = 0
    seen_hashes = {sha: doc_id for doc_id, sha in stored.items()}
    try:
        for file, parsed, error in _run(jobs, workers):
            if progress:
                progress(file)
            if error:
                report.failures.append(Failure(file, error))
                continue
            _store_one(db, file, parsed, json_dir, stored, seen_hashes, report)
            if len(report.added) + len(report.updated) >= INDEX_EVERY + indexed:
                indexed += store.index_pending(db)
    finally:
        store.index_pending(db)
        db.close()
    return report


def _store_one(db, file: str, parsed: ParsedNotice, json_dir, stored, seen_hashes, report) -> None:
    doc_id = parsed.id
    twin = seen_hashes.get(parsed.sha256)
    if twin and twin != doc_id:
        report.duplicates.append((parsed.path, twin))
        return
    try:
        store.save_rows(db, doc_id, parsed.rows, index=False)  # index_pending indexes in bulk
    except sqlite3.Error as exc:  # this notice's transaction rolled back; the run goes on
        report.failures.append(Failure(file, f"cannot store it ({type(exc).__name__}: {exc})"))
        return
    seen_hashes[parsed.sha256] = doc_id
    try:
        _write_text(Path(json_dir) / f"{doc_id}.json", parsed.json)
    except OSError as exc:
        report.failures.append(Failure(file, f"stored, but its JSON file could not be written ({exc.strerror or exc}); "
                                             "run ingest --force once the folder is writable"))
    (report.updated if doc_id in stored else report.added).append(doc_id)
    report.warnings.extend(f"{parsed.path}: {w}" for w in parsed.warnings)


def _run(jobs, workers):
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) <= 1:
        yield from map(_parse_job, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def _write_text(path: Path, text: str) -> Path:
    """Write ``extracted/<id>.json`` through a temporary file (never half a record)."""
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
