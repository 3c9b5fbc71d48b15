"""Ingest a folder of notices: parse each file (in a process pool) and store it.

Parsing happens in workers; the parent process alone writes, one transaction
per document, in a fixed (sorted) order so that output does not depend on the
number of workers. What the writer keeps does not grow with the corpus (counts and
the first problems); a worker that dies is the failure of the file it held; Ctrl-C
stops with what was stored intact (records and JSON agree). Every file has a time
limit (``time_limit``, ``ingest --time-limit``): one that takes longer is its own failure,
and the files after it wait at most that long for their turn.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import gc
import hashlib
import itertools
import os
import signal
import sqlite3
import stat
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import errors, store
from .models import Failure
from .paths import UnsafeNameError, document_id, inside

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
    restored: int = 0  # JSON files rewritten from the stored record
    changed_ids: list[str] = field(default_factory=list)  # first KEEP ids added or updated
    failures: list[Failure] = field(default_factory=list)  # first KEEP
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # first KEEP (path, twin id)
    warnings: list[str] = field(default_factory=list)  # first KEEP
    skipped_links: list[tuple[str, str]] = field(default_factory=list)  # first KEEP (link, where it leads)
    interrupted: bool = False  # Ctrl-C: what is counted was stored, the rest was not read
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


def collect_files(paths: Iterable, follow_links: bool = False, skipped_links: list | None = None
                  ) -> tuple[list[tuple[str, str]], list[Failure]]:
    """(file, root) pairs under ``paths``, sorted. Folder links are not followed (no
    loops); a file link that loops or is broken is a failed file; one that leads out
    of its folder is followed only with ``follow_links`` (else listed in ``skipped_links``).

    Paths are kept as strings (a root's string shared by its files): a Path object
    costs ~0.9 KB, and the list lives as long as the run (~26 MB for 30,000 notices)."""
    found: list[tuple[str, str]] = []
    failures: list[Failure] = []
    for raw in paths:
        path = Path(raw)
        root = str(path)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or os.path.splitext(name)[1].lower() in IGNORED_SUFFIXES:
                        continue
                    file = os.path.join(dirpath, name)
                    problem = _not_a_file(file)
                    if problem:
                        failures.append(Failure(file, problem))
                    else:
                        found.append((file, root))
        elif path.is_file():
            found.append((root, str(path.parent)))
        elif path.is_symlink():
            failures.append(Failure(root, _link_problem(path)))
        elif path.exists():
            failures.append(Failure(root, _not_a_file(root) or "not a regular file"))
        else:
            failures.append(Failure(root, "no such file or folder"))
    unique = _first_of_each_file(found, follow_links, skipped_links, failures)
    return sorted(unique, key=lambda fr: fr[0]), failures


def _first_of_each_file(found: list[tuple[str, str]], follow_links: bool, skipped_links: list | None,
                        failures: list[Failure]) -> list[tuple[str, str]]:
    """``found`` without later paths to a file already found, without broken or looping links
    (failed files) and without links out of their folder unless ``follow_links``. Within one
    walk only a link can reach a file twice, so real paths are remembered only where there
    are links or several roots, not for every file of a large corpus."""
    remember = any(os.path.islink(f) for f, _ in found) or len({root for _, root in found}) > 1
    seen, unique = set(), []
    for file, root in found:
        key = file
        if os.path.islink(file):
            try:
                key = str(Path(file).resolve(strict=True))
            except (OSError, RuntimeError):  # a symlink loop, or a link to nothing
                failures.append(Failure(file, _link_problem(Path(file))))
                continue
            if not follow_links and not Path(key).is_relative_to(Path(root).resolve()):
                if skipped_links is not None:
                    _keep(skipped_links, (file, key))
                continue
            if problem := _not_a_file(key):  # a link to a named pipe or to /dev/zero
                failures.append(Failure(file, f"{problem} (the link leads to {key})"))
                continue
        elif remember:
            key = os.path.realpath(file)
        if remember and key in seen:
            continue
        if remember:
            seen.add(key)
        unique.append((file, root))
    return unique


def _not_a_file(path: str) -> str | None:
    """Why ``path`` is not read (a named pipe would block the run, a device never end), or None
    for a regular file or a link (links are followed, and checked, later)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return f"cannot read file ({exc.strerror or type(exc).__name__})"
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return None
    from .read.limits import not_regular  # the readers load only when a path needs them

    return not_regular(mode)


def _link_problem(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        return f"broken symbolic link ({exc.strerror or type(exc).__name__})"
    return "not a regular file"


def document_ids(files: list[tuple[str, str]]) -> list[str]:
    """The id of each (file, root): its path under the root (:func:`document_id`); two
    files that still share one (``a__b/x.txt`` and ``a/b__x.txt``) each get a hash of
    their relative path added, so that neither replaces the other."""
    ids = [_id_in_root(file, root) or document_id(Path(file), Path(root)) for file, root in files]
    clashes = {doc_id for doc_id, n in Counter(ids).items() if n > 1}
    for i, (file, root) in enumerate(files):
        if ids[i] in clashes:
            path = Path(file)
            relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else file
            ids[i] += "_" + hashlib.sha1(relative.encode()).hexdigest()[:8]
    return ids


def _id_in_root(file: str, root: str) -> str | None:
    """:func:`document_id` of a file directly in its root folder, from the strings alone (pathlib
    took ~0.25 ms a file); None for any other file, whose id pathlib gives."""
    folder, name = os.path.split(file)
    if folder != root or not name or name in (".", ".."):
        return None
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:  # pathlib's suffix: not a leading dot, not a trailing one
        stem, suffix = name[:dot], name[dot:].lower()
        return stem if suffix == ".txt" else f"{stem}_{suffix[1:]}"
    return name


@dataclass
class ParsedNotice:
    """What a worker hands the writer: the rows and JSON text, ready to write
    (cheap to pass between processes, nothing left to compute in the writer). From a
    worker of the pool the JSON and the long texts of the rows are UTF-8 bytes (:func:`_as_bytes`)."""

    id: str
    path: str
    sha256: str
    warnings: list[str]
    json: str | bytes
    rows: store.DocumentRows


def _as_bytes(parsed: ParsedNotice) -> ParsedNotice:
    """``parsed`` with its JSON and long texts as UTF-8 bytes, the record's JSON one object in
    both places (pickled once): the writer writes and stores them without decoding them."""
    rows = store.rows_as_bytes(parsed.rows)
    columns, values = rows["documents"]
    at = columns.index("record")
    record = values[0][at]
    return ParsedNotice(parsed.id, parsed.path, parsed.sha256, parsed.warnings, record, rows)


class _TookTooLong(BaseException):
    """Raised by a worker's alarm; a BaseException, so that no reader's ``except Exception`` keeps it."""


def took_too_long(seconds: float) -> str:
    from .read.limits import SECONDS_ENV

    return (f"took longer than {seconds:g} s to parse; not stored (a notice takes under a second; raise the "
            f"limit with ingest --time-limit or ${SECONDS_ENV})")


def _parse_job(job: tuple) -> tuple[str, ParsedNotice | None, str | None]:
    """(file, root, id[, seconds]) → (file, parsed notice or None, failure or None)."""
    # the parser (every reader and extractor: ~0.3 s to import) loads with the first changed
    # file, not for a run that finds every file unchanged
    from .parse import parse_file
    from .read import SUPPORTED_SUFFIXES, unsupported_reason

    file, root, doc_id, *limit = job
    try:
        with _time_limit(limit[0] if limit else 0):
            suffix = Path(file).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                raise errors.UnsupportedFormatError(file, unsupported_reason(suffix or Path(file).name))
            record = parse_file(file, root)
            record["id"] = doc_id  # unique within the run (document_ids)
            record["_json"] = store.record_json_bytes(record)  # bytes: the writer stores them as they are
            parsed = ParsedNotice(record["id"], record["path"], record["sha256"], record.get("warnings") or [],
                                  record["_json"], store.document_rows(record))
        return file, parsed, None
    except _TookTooLong:
        return file, None, took_too_long(limit[0])
    except errors.BadFileError as exc:
        return file, None, exc.detail
    except OSError as exc:
        return file, None, f"cannot read file ({exc.strerror or type(exc).__name__})"
    except Exception as exc:  # a parser bug must not stop the run or lose stored work
        return file, None, f"internal error while parsing ({type(exc).__name__}: {exc})"


def ingest(paths, db_path=store.DEFAULT_DB, workers: int | None = None, force: bool = False,
           json_dir=None, progress: Callable[[str], None] | None = None,
           follow_links: bool = False, on_problem: Callable[[str], None] | None = None,
           time_limit: float | None = None) -> IngestReport:
    """Parse and store every notice under ``paths``; skip files whose sha256 is stored.

    ``on_problem`` receives each ``Error: …``/``Warning: …``/``Skipped: …`` line as it
    happens (the report keeps only the first ones, and counts). Ctrl-C stops the run
    cleanly: what was stored stays (records and JSON agree) and ``report.interrupted`` is set.
    A file that takes longer than ``time_limit`` seconds (default :func:`limits.max_seconds`)
    to parse fails with "took longer than N s"; the run goes on."""
    report = IngestReport(on_problem=on_problem)
    files, missing = collect_files(paths, follow_links, report.skipped_links)
    for failure in missing:
        report.fail(failure)
    db = store.open_db(db_path, rebuild=True)
    store.tune_for_bulk_writes(db)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    jobs = _with_time_limit(_changed_files(db, files, force, report, progress), time_limit)
    batch = _Batch(db, json_dir, report)
    results = _run(jobs, workers, idle=batch.commit)  # committed whenever the writer would wait
    try:
        _restore_json(db, json_dir, report)
        for file, parsed, error in results:
            if progress:
                progress(file)
            if error or parsed is None:
                report.fail(Failure(file, error or "not parsed"))
                continue
            batch.store(file, parsed)
            if not batch.pending:
                _index(db, db_path, report, at_least=INDEX_EVERY)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        results.close()  # stops the workers now, not when the generator is collected
        try:
            batch.commit()  # what was stored before a Ctrl-C stays
        except KeyboardInterrupt:
            report.interrupted = True
        _index(db, db_path, report)
        db.close()
    return report


# Notices stored in one transaction (each in a savepoint of its own), at most: a commit per notice
# wrote each table's and index's last pages again for every notice (~2.5× the rows' own bytes)
BATCH = 32


class _Batch:
    """The notices stored since the last commit. Each is stored in a savepoint of the open
    transaction, so that one that cannot be stored loses nothing else; they are reported
    stored once committed. The transaction is committed every :data:`BATCH` notices and
    whenever the writer would wait for a worker (no write lock held while parsing); a commit
    that fails (a full disk) rolls the batch back and stores its notices again one at a time,
    each then stored or failed on its own."""

    def __init__(self, db, json_dir: Path, report: IngestReport):
        self.db, self.json_dir, self.report = db, json_dir, report
        self.pending: list[tuple[str, ParsedNotice, bool]] = []  # (file, notice, replaced)

    def store(self, file: str, parsed: ParsedNotice) -> None:
        if not store.in_transaction(self.db):
            store.begin(self.db)
        _store_one(self.db, file, parsed, self.json_dir, self.report, batch=self)
        if self.pending and not store.in_transaction(self.db):  # an error ended the whole transaction
            self._again_one_by_one()
        elif len(self.pending) >= BATCH:
            self.commit()

    def commit(self) -> None:
        if not store.in_transaction(self.db):
            self._again_one_by_one()  # nothing, unless an error ended the transaction
            return
        try:
            store.commit(self.db)
        except sqlite3.Error:
            store.rollback(self.db)
            self._again_one_by_one()
            return
        for _, parsed, replaced in self.pending:
            _reported_stored(self.report, parsed, replaced)
        self.pending = []

    def _again_one_by_one(self) -> None:
        pending, self.pending = self.pending, []
        for file, parsed, _ in pending:  # each in its own transaction; its JSON written again
            _store_one(self.db, file, parsed, self.json_dir, self.report)


def _with_time_limit(jobs: Iterator[tuple[str, str, str]], time_limit: float | None) -> Iterator[tuple]:
    """Each job with its time limit, read when a first file needs parsing (the readers'
    limits module loads the readers: an unchanged run needs none of them)."""
    seconds = time_limit
    for job in jobs:
        if not seconds:
            from .read.limits import max_seconds

            seconds = max_seconds()
        yield (*job, seconds)


def _index(db, db_path, report: IngestReport, at_least: int = 0) -> None:
    """Index what was stored; on a full disk, say so and go on (the stored notices stay,
    the next run indexes them) rather than lose the run's summary to a traceback."""
    try:
        store.index_pending(db, at_least=at_least)
    except sqlite3.Error as exc:
        report.fail(Failure(str(db_path), f"the search index could not be brought up to date ({exc}); "
                                          "run ingest again once there is room"))


def _changed_files(db, files, force: bool, report: IngestReport, progress) -> Iterator[tuple[str, str, str]]:
    """(file, root, id) jobs of the files not stored with their current hash, lazily: the
    stored hashes are looked up one by one, not held for the run. A file whose content is
    stored under another id, where that twin is not changed by this run, is reported as
    its duplicate here, unparsed (it used to be parsed on every run, then skipped)."""
    ids = document_ids(files)
    file_of = dict(zip(ids, (file for file, _ in files)))  # a twin's file in this run, if any
    for (file, root), doc_id in zip(files, ids):
        if force:
            yield file, root, doc_id
            continue
        stored = store.stored_hash(db, doc_id)
        digest = _sha256_or_none(file)  # a few µs a notice against its ~8 ms of parsing
        if stored is not None and stored == digest:
            report.unchanged += 1
        elif digest is None or not _known_twin(db, digest, doc_id, file_of, report, file, root):
            yield file, root, doc_id
            continue
        if progress:
            progress(file)


def _known_twin(db, digest: str, doc_id: str, file_of: dict[str, str], report: IngestReport,
                file: str, root: str) -> bool:
    """Whether ``file`` (hash ``digest``) duplicates a document stored under another id that
    this run leaves as it is (not in the run, or its file still has that content); reported so."""
    twin = store.document_with_hash(db, digest, prefer=doc_id)
    if twin is None or twin == doc_id:
        return False
    twin_file = file_of.get(twin)
    if twin_file is not None and _sha256_or_none(twin_file) != digest:
        return False  # the twin changes in this run: this file may be the only copy left
    path = Path(file)
    report.duplicate(str(path.relative_to(root) if path.is_relative_to(root) else path.name), twin)
    return True


def _sha256_or_none(file: str) -> str | None:
    """The file's hash, or None where it cannot be read (its parser then says why)."""
    try:
        return _sha256(file)
    except OSError:
        return None


def _restore_json(db, json_dir: Path, report: IngestReport) -> None:
    """Rewrite ``<id>.json`` from the stored record where it is missing or differs from
    the stored record (a run killed between the JSON and the commit, two ingests whose ids
    collide, a file deleted or edited by hand). A file whose status (size, modification and
    change times, inode) is the one stored when it was written or last found equal is not
    read: an unchanged run is a ``stat`` a file and one query. Any other file is read and its
    hash compared with the record's (a 64号 → 65号 edit keeps the size, and may keep an older
    modification time; its change time or inode still differ)."""
    statuses: list[tuple[str, str | None]] = []  # (id, status) of files found equal or rewritten
    folder = os.fspath(json_dir)
    for doc_id, digest, known in store.json_checks(db):
        try:
            path = inside(folder, doc_id, ".json")
        except UnsafeNameError as exc:
            report.fail(Failure(folder, f"a stored document id is refused: {exc}"))
            continue
        status = _status_or_none(path)
        if status is not None and status == known:
            continue
        if status is not None and _holds_record(db, path, doc_id, digest, known, status):
            statuses.append((doc_id, status))
            continue
        try:
            _write_text(path, store.load_record_json(db, doc_id))
            report.restored += 1
            statuses.append((doc_id, _status_or_none(path)))
        except OSError as exc:
            report.fail(Failure(str(path), f"cannot restore it from the database ({exc.strerror or exc})"))
    if statuses:
        with contextlib.suppress(sqlite3.Error):  # only a shortcut for the next run is lost
            store.set_json_statuses(db, statuses)


def _holds_record(db, path: Path, doc_id: str, digest: str | None, known: str | None, status: str) -> bool:
    """Whether the JSON file at ``path`` (whose status differs from the one stored) holds the
    stored record: a file of another size does not; else its hash is compared with the
    record's (the record itself for a document stored before the hash was kept)."""
    size = int(status.split(" ", 1)[0])
    if known is not None and size != int(known.split(" ", 1)[0]):
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if digest is not None:
        return hashlib.sha256(data).hexdigest() == digest
    return data == store.load_record_json(db, doc_id).encode()


def _status_or_none(path: Path) -> str | None:
    """What tells a JSON file unchanged without reading it: ``"size mtime_ns ctime_ns inode"``
    (a file rewritten in place keeps its inode but not its change time; one replaced through a
    temporary file, as every ingest writes, has a new inode). None where it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"


def _store_one(db, file: str, parsed: ParsedNotice, json_dir, report: IngestReport,
               batch: _Batch | None = None) -> None:
    """Write the JSON record (atomically), then commit the rows: an interrupt between
    the two leaves a JSON the next ingest replaces, never a stored notice without one.
    With a ``batch``, the rows are stored in a savepoint of its open transaction, and the
    notice reported stored when the batch commits."""
    doc_id = parsed.id
    twin = store.document_with_hash(db, parsed.sha256, prefer=doc_id)  # from this run or before
    if twin and twin != doc_id:
        report.duplicate(parsed.path, twin)
        return
    try:
        json_path = inside(json_dir, doc_id, ".json")
    except UnsafeNameError as exc:
        report.fail(Failure(file, f"not stored: {exc}"))
        return
    replaced = store.stored_hash(db, doc_id) is not None
    try:
        try:
            _write_text(json_path, parsed.json)
        except OSError as exc:
            report.fail(Failure(file, f"its JSON file could not be written ({exc.strerror or exc}); "
                                      "not stored — run ingest again once the folder is writable"))
            return
        try:
            with store.writing(db):  # the rows and the JSON file's status (the next run's shortcut)
                store.save_rows(db, doc_id, parsed.rows, index=False)  # index_pending indexes in bulk
                store.set_json_status(db, doc_id, _status_or_none(json_path))
        except sqlite3.Error as exc:  # this notice's transaction (or savepoint) rolled back; the run goes on
            report.fail(Failure(file, f"cannot store it ({type(exc).__name__}: {exc})"))
            _put_back_json(db, doc_id, json_path)
            return
    except KeyboardInterrupt:  # between the JSON and the commit: the JSON of what is stored, or none
        _put_back_json(db, doc_id, json_path)
        raise
    if batch is not None:
        batch.pending.append((file, parsed, replaced))
    else:
        _reported_stored(report, parsed, replaced)


def _reported_stored(report: IngestReport, parsed: ParsedNotice, replaced: bool) -> None:
    report.stored(parsed.id, replaced)
    for warning in parsed.warnings:
        report.warn(f"{parsed.path}: {warning}")


def _put_back_json(db, doc_id: str, json_path: Path) -> None:
    """The JSON of the record still stored (or none), after a failed commit."""
    try:
        _write_text(json_path, store.load_record_json(db, doc_id))
    except errors.DocumentNotFound:
        json_path.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
        pass  # the next ingest restores it


# Parsed notices waiting for the writer, per worker: the workers outpace the single
# writer, and a pool.map over the whole run would hold every notice parsed ahead of it.
CHUNK = 8
CHUNKS_AHEAD = 4


def _run(jobs: Iterable[tuple], workers, idle: Callable[[], None] | None = None):
    """Results of ``jobs`` in order, parsed in worker processes (even with one worker or
    one file: only a process of its own can be stopped when a file takes too long);
    ``idle`` is called before waiting for a result not ready yet."""
    jobs = iter(jobs)
    first = list(itertools.islice(jobs, 2))
    workers = min(workers or os.cpu_count() or 1, max(1, len(first)))
    if len(first) > 1 and workers > 1:
        _warm_parser()
    yield from _run_pooled(_chunks(itertools.chain(first, jobs), CHUNK), workers, idle)


def _warm_parser() -> None:
    """Load, once and in this process, what every worker needs before its first notice — the
    parser's modules, the patterns compiled, the jieba dictionary (~1 s of CPU) — so that the
    workers forked after it start warm, instead of each paying that second. Only where workers
    are forked (elsewhere they would start from nothing anyway)."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=False) != "fork":
        return
    import jieba

    from . import parse, patterns  # noqa: F401 (parse: the readers, normaliser and extractors)

    jieba.setLogLevel(60)
    jieba.initialize()
    patterns.compile_all()
    gc.freeze()  # never collected: the writer's collections do not walk them, the workers share their pages


def _parse_chunk(jobs: list[tuple]) -> list:
    return [(file, _as_bytes(parsed) if parsed is not None else None, error)
            for file, parsed, error in map(_parse_job, jobs)]


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := [item for _, item in zip(range(size), items)]:
        yield chunk


def _run_pooled(chunks: Iterator[list], workers: int, idle: Callable[[], None] | None = None):
    """Results in job order from a pool of ``workers``, at most ``CHUNKS_AHEAD`` chunks a
    worker submitted and not yet taken (so that finished results wait in bounded number).
    A worker that dies (the kernel kills it for memory, a crash in a C library) breaks the
    pool: the jobs then in flight are run again one at a time, each in a fresh process, so
    that the one that kills its process is reported as failed; the pool is restarted."""
    while True:
        pool = _new_pool(workers)
        window: deque = deque()  # (chunk, future), in job order
        finished = False
        try:
            while True:
                while len(window) < workers * CHUNKS_AHEAD and (chunk := next(chunks, None)) is not None:
                    window.append((chunk, pool.submit(_parse_chunk, chunk)))
                if not window:
                    finished = True
                    break
                chunk, future = window[0]
                if idle is not None and not future.done():
                    idle()
                try:  # a stuck worker is stopped by its own alarms; this waits for a lost one
                    results = future.result(timeout=_patience(chunk))
                except (BrokenProcessPool, FutureTimeout):
                    break
                window.popleft()
                yield from results
        finally:
            pool.shutdown() if finished else _stop_pool(pool)
        if finished:
            return
        for chunk, future in window:  # after a broken pool
            done = future.done() and not future.cancelled() and future.exception() is None
            if done:
                yield from future.result()
            else:
                yield from (_run_alone(job) for job in chunk)


def _run_alone(job):
    pool = _new_pool(1)
    started = time.monotonic()
    seconds = job[3] if len(job) > 3 else 0
    try:
        return pool.submit(_parse_job, job).result(timeout=_patience([job]))
    except (BrokenProcessPool, FutureTimeout):
        if seconds and time.monotonic() - started >= seconds:  # killed by its own CPU alarm, or lost
            return job[0], None, took_too_long(seconds)
        return job[0], None, ("the parser process died while reading it (killed — out of memory? "
                              "a file this large or deep may need ingest --max-size lower)")
    finally:
        _stop_pool(pool)


# A worker's alarms: at the time limit a parse is interrupted where Python runs; code that
# never returns to Python (a C library's loop) is ended with its worker at twice the limit plus
# this (faulthandler's watchdog thread needs no GIL). The writer waits longer still for a lost worker.
HARD_GRACE = 1.0


def _patience(chunk: list) -> float | None:
    limits_ = [job[3] for job in chunk if isinstance(job, tuple) and len(job) > 3 and job[3]]
    if len(limits_) < len(chunk):
        return None
    return sum(3 * seconds + 2 * HARD_GRACE for seconds in limits_) + 30


_WATCHDOG_OUT = None  # where the watchdog writes the stack of a worker it ends (nowhere): set in a worker


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Interrupt the parse in this worker after ``seconds`` (SIGALRM raises _TookTooLong);
    end the worker after twice that (a C loop that never lets the alarm's handler run)."""
    if not seconds or _WATCHDOG_OUT is None:
        yield
        return
    faulthandler.dump_traceback_later(2 * seconds + HARD_GRACE, exit=True, file=_WATCHDOG_OUT)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()


def _time_up(_signum, _frame):
    raise _TookTooLong()


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C, a broken pool, or the end): queued jobs cancelled, workers killed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def _worker_init(parent_pid: int) -> None:
    """Ctrl-C is the parent's to handle (no tracebacks from every worker), and a worker
    dies with its parent (kill -9 of the ingest leaves no parser running)."""
    global _WATCHDOG_OUT
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _time_up)
        _WATCHDOG_OUT = open(os.devnull, "w")  # noqa: SIM115 (open for the worker's life)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _write_text(path: Path, text: str | bytes) -> Path:
    """Write ``extracted/<id>.json`` (text, or its UTF-8 bytes) through a temporary file
    (never half a record; on a full disk, no temporary file left behind)."""
    tmp = path.with_suffix(".json.tmp")
    try:
        if isinstance(text, bytes):
            tmp.write_bytes(text)
        else:
            tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _sha256(path: Path | str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()
