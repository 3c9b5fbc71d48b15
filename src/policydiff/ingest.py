"""Ingest a folder of notices: parse each file (in a process pool) and store it.

Parsing happens in workers; the parent process alone writes, one transaction
per document, in a fixed (sorted) order so that output does not depend on the
number of workers. What the writer keeps does not grow with the corpus (counts and
the first problems); a worker that dies is the failure of the file it held; Ctrl-C
stops with what was stored intact (records and JSON agree).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import itertools
import os
import signal
import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
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
                    found.append((os.path.join(dirpath, name), root))
        elif path.is_file():
            found.append((root, str(path.parent)))
        elif path.is_symlink():
            failures.append(Failure(root, _link_problem(path)))
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
        elif remember:
            key = os.path.realpath(file)
        if remember and key in seen:
            continue
        if remember:
            seen.add(key)
        unique.append((file, root))
    return unique


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
    ids = [document_id(Path(file), Path(root)) for file, root in files]
    clashes = {doc_id for doc_id, n in Counter(ids).items() if n > 1}
    for i, (file, root) in enumerate(files):
        if ids[i] in clashes:
            path = Path(file)
            relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else file
            ids[i] += "_" + hashlib.sha1(relative.encode()).hexdigest()[:8]
    return ids


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


def _parse_job(job: tuple[str, str, str]) -> tuple[str, ParsedNotice | None, str | None]:
    # the parser (every reader and extractor: ~0.3 s to import) loads with the first changed
    # file, not for a run that finds every file unchanged
    from .parse import parse_file
    from .read import SUPPORTED_SUFFIXES, unsupported_reason

    file, root, doc_id = job
    try:
        suffix = Path(file).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise errors.UnsupportedFormatError(file, unsupported_reason(suffix or Path(file).name))
        record = parse_file(file, root)
        record["id"] = doc_id  # unique within the run (document_ids)
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
           follow_links: bool = False, on_problem: Callable[[str], None] | None = None) -> IngestReport:
    """Parse and store every notice under ``paths``; skip files whose sha256 is stored.

    ``on_problem`` receives each ``Error: …``/``Warning: …``/``Skipped: …`` line as it
    happens (the report keeps only the first ones, and counts). Ctrl-C stops the run
    cleanly: what was stored stays (records and JSON agree) and ``report.interrupted`` is set."""
    report = IngestReport(on_problem=on_problem)
    files, missing = collect_files(paths, follow_links, report.skipped_links)
    for failure in missing:
        report.fail(failure)
    db = store.open_db(db_path, rebuild=True)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    results = _run(_changed_files(db, files, force, report, progress), workers)
    try:
        _restore_json(db, json_dir, report)
        for file, parsed, error in results:
            if progress:
                progress(file)
            if error or parsed is None:
                report.fail(Failure(file, error or "not parsed"))
                continue
            _store_one(db, file, parsed, json_dir, report)
            store.index_pending(db, at_least=INDEX_EVERY)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        results.close()  # stops the workers now, not when the generator is collected
        store.index_pending(db)
        db.close()
    return report


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
        return _sha256(Path(file))
    except OSError:
        return None


def _restore_json(db, json_dir: Path, report: IngestReport) -> None:
    """Rewrite ``<id>.json`` from the stored record where it is missing or not the
    stored record's size (a run killed between the JSON and the commit, or a file
    deleted by hand)."""
    for doc_id, size in store.record_sizes(db).items():
        try:
            path = inside(json_dir, doc_id, ".json")
        except UnsafeNameError as exc:
            report.fail(Failure(str(json_dir), f"a stored document id is refused: {exc}"))
            continue
        try:
            if path.stat().st_size == size:
                continue
        except OSError:
            pass
        try:
            _write_text(path, store.load_record_json(db, doc_id))
            report.restored += 1
        except OSError as exc:
            report.fail(Failure(str(path), f"cannot restore it from the database ({exc.strerror or exc})"))


def _store_one(db, file: str, parsed: ParsedNotice, json_dir, report: IngestReport) -> None:
    """Write the JSON record (atomically), then commit the rows: an interrupt between
    the two leaves a JSON the next ingest replaces, never a stored notice without one."""
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
        _write_text(json_path, parsed.json)
    except OSError as exc:
        report.fail(Failure(file, f"its JSON file could not be written ({exc.strerror or exc}); "
                                  "not stored — run ingest again once the folder is writable"))
        return
    try:
        store.save_rows(db, doc_id, parsed.rows, index=False)  # index_pending indexes in bulk
    except sqlite3.Error as exc:  # this notice's transaction rolled back; the run goes on
        report.fail(Failure(file, f"cannot store it ({type(exc).__name__}: {exc})"))
        _put_back_json(db, doc_id, json_path)
        return
    report.stored(doc_id, replaced)
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


def _run(jobs: Iterable[tuple[str, str, str]], workers):
    workers = workers or os.cpu_count() or 1
    jobs = iter(jobs)
    first = list(itertools.islice(jobs, 2))  # one job (a changed file) is not worth a pool
    jobs = itertools.chain(first, jobs)
    if workers == 1 or len(first) <= 1:
        yield from map(_parse_job, jobs)
        return
    yield from _run_pooled(_chunks(jobs, CHUNK), workers)


def _parse_chunk(jobs: list[tuple[str, str, str]]) -> list:
    return [_parse_job(job) for job in jobs]


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := [item for _, item in zip(range(size), items)]:
        yield chunk


def _run_pooled(chunks: Iterator[list], workers: int):
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
                try:
                    results = future.result()
                except BrokenProcessPool:
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
    try:
        return pool.submit(_parse_job, job).result()
    except BrokenProcessPool:
        return job[0], None, ("the parser process died while reading it (killed — out of memory? "
                              "a file this large or deep may need ingest --max-size lower)")
    finally:
        _stop_pool(pool)


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
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _write_text(path: Path, text: str) -> Path:
    """Write ``extracted/<id>.json`` through a temporary file (never half a record)."""
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
