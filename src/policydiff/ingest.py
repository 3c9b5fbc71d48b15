"""Ingest a folder of notices: parse each file (in a process pool) and store it.

Parsing happens in workers; the parent process alone writes, one transaction
per document, in a fixed (sorted) order so that output does not depend on the
number of workers.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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


# What the writer keeps of a run does not grow with the corpus: counts, and the first
# KEEP problems and changed ids (a caller that needs every problem line passes on_problem).
KEEP = 100


@dataclass
class IngestReport:
    """Counts of a run, with its first problems and the first ids it stored."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicated: int = 0
    warned: int = 0
    changed_ids: list[str] = field(default_factory=list)  # first KEEP ids added or updated
    failures: list[Failure] = field(default_factory=list)  # first KEEP
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # first KEEP (path, twin id)
    warnings: list[str] = field(default_factory=list)  # first KEEP
    on_problem: Callable[[str], None] | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.failed

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        _keep(self.failures, failure)
        self._tell(f"Error: {failure.line()}")

    def duplicate(self, path: str, twin: str) -> None:
        self.duplicated += 1
        _keep(self.duplicates, (path, twin))
        self._tell(f"Skipped: {path}: same content as {twin}")

    def warn(self, warning: str) -> None:
        self.warned += 1
        _keep(self.warnings, warning)
        self._tell(f"Warning: {warning}")

    def stored(self, doc_id: str, replaced: bool) -> None:
        if replaced:
            self.updated += 1
        else:
            self.added += 1
        _keep(self.changed_ids, doc_id)

    def _tell(self, line: str) -> None:
        if self.on_problem:
            self.on_problem(line)


def _keep(items: list, item) -> None:
    if len(items) < KEEP:
        items.append(item)


def collect_files(paths: Iterable) -> tuple[list[tuple[str, str]], list[Failure]]:
    """(file, root) pairs under ``paths``, sorted; symlink loops are not followed.

    Paths are kept as strings (a root's string shared by its files): a Path object
    costs ~0.9 KB, and the list lives as long as the run (~26 MB for 30,000 notices)."""
    found, failures = [], []
    paths = list(paths)
    for raw in paths:
        path = Path(raw)
        root = str(path)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or os.path.splitext(name)[1].lower() in IGNORED_SUFFIXES:
                        continue
                    found.append((os.path.join(dirpath, name), root))
        elif path.is_file():
            found.append((root, str(path.parent)))
        else:
            failures.append(Failure(root, "no such file or folder"))
    return sorted(_first_of_each_file(found, one_walk=len(paths) == 1), key=lambda fr: fr[0]), failures


def _first_of_each_file(found: list[tuple[str, str]], one_walk: bool) -> list[tuple[str, str]]:
    """``found`` without later paths to a file already found. Within one walk (which does
    not follow linked folders) only a symlink can reach a file twice, so only the targets
    of symlinks are remembered, not every path of the corpus."""
    links = {os.path.realpath(file) for file, _ in found if os.path.islink(file)} if one_walk else None
    seen, unique = set(), []
    for file, root in found:
        key = os.path.realpath(file)
        if key not in seen:
            if links is None or key in links:
                seen.add(key)
            unique.append((file, root))
    return unique


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
           json_dir=None, progress: Callable[[str], None] | None = None,
           on_problem: Callable[[str], None] | None = None) -> IngestReport:
    """Parse and store every notice under ``paths``; skip files whose sha256 is stored.

    ``on_problem`` receives each ``Error: …``/``Warning: …``/``Skipped: …`` line as it
    happens (the report keeps only the first ones, and counts)."""
    report = IngestReport(on_problem=on_problem)
    files, missing = collect_files(paths)
    for failure in missing:
        report.fail(failure)
    db = store.open_db(db_path)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    jobs = _changed_files(db, files, force, report, progress)
    try:
        for file, parsed, error in _run(jobs, workers):
            if progress:
                progress(file)
            if error:
                report.fail(Failure(file, error))
                continue
            _store_one(db, file, parsed, json_dir, report)
            store.index_pending(db, at_least=INDEX_EVERY)
    finally:
        store.index_pending(db)
        db.close()
    return report


def _changed_files(db, files, force: bool, report: IngestReport, progress) -> Iterator[tuple[str, str]]:
    """(file, root) jobs of the files not stored with their current hash, lazily: the
    stored hashes are looked up one by one, not held for the run."""
    for file, root in files:
        if not force and store.stored_hash(db, document_id(Path(file))) == _sha256(file):
            report.unchanged += 1
            if progress:
                progress(file)
            continue
        yield file, root


def _store_one(db, file: str, parsed: ParsedNotice, json_dir, report: IngestReport) -> None:
    doc_id = parsed.id
    twin = store.document_with_hash(db, parsed.sha256, prefer=doc_id)  # from this run or before
    if twin and twin != doc_id:
        report.duplicate(parsed.path, twin)
        return
    replaced = store.stored_hash(db, doc_id) is not None
    try:
        store.save_rows(db, doc_id, parsed.rows, index=False)  # index_pending indexes in bulk
    except sqlite3.Error as exc:  # this notice's transaction rolled back; the run goes on
        report.fail(Failure(file, f"cannot store it ({type(exc).__name__}: {exc})"))
        return
    try:
        _write_text(Path(json_dir) / f"{doc_id}.json", parsed.json)
    except OSError as exc:
        report.fail(Failure(file, f"stored, but its JSON file could not be written ({exc.strerror or exc}); "
                                  "run ingest --force once the folder is writable"))
    report.stored(doc_id, replaced)
    for warning in parsed.warnings:
        report.warn(f"{parsed.path}: {warning}")


# Parsed notices waiting for the writer, per worker: the workers outpace the single
# writer, and a pool.map over the whole run would hold every notice parsed ahead of it.
CHUNK = 8
CHUNKS_AHEAD = 4


def _run(jobs: Iterable[tuple[str, str]], workers):
    workers = workers or os.cpu_count() or 1
    jobs = iter(jobs)
    first = list(itertools.islice(jobs, 2))  # one job (a changed file) is not worth a pool
    jobs = itertools.chain(first, jobs)
    if workers == 1 or len(first) <= 1:
        yield from map(_parse_job, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk in _bounded_map(pool, _parse_chunk, _chunks(jobs, CHUNK), ahead=workers * CHUNKS_AHEAD):
            yield from chunk


def _parse_chunk(jobs: list[tuple[str, str]]) -> list:
    return [_parse_job(job) for job in jobs]


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := [item for _, item in zip(range(size), items)]:
        yield chunk


def _bounded_map(pool, fn, items: Iterator, ahead: int) -> Iterator:
    """``pool.map(fn, items)`` in order, with at most ``ahead`` items submitted and not yet
    taken by the caller (so that finished results wait in bounded number)."""
    pending = deque(pool.submit(fn, item) for _, item in zip(range(ahead), items))
    while pending:
        result = pending.popleft().result()
        following = next(items, None)
        if following is not None:
            pending.append(pool.submit(fn, following))
        yield result


def _write_text(path: Path, text: str) -> Path:
    """Write ``extracted/<id>.json`` through a temporary file (never half a record)."""
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
