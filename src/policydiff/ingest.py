"""Ingest a folder of notices: parse each file (in a process pool) and store it.

Parsing happens in workers; the parent process alone writes, one transaction
per document, in a fixed (sorted) order so that output does not depend on the
number of workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import signal
import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    restored: list[str] = field(default_factory=list)  # JSON files rewritten from the stored record
    skipped_links: list[tuple[str, str]] = field(default_factory=list)  # (link, where it leads)
    interrupted: bool = False  # Ctrl-C: what is listed was stored, the rest was not read

    @property
    def ok(self) -> bool:
        return not self.failures


def collect_files(paths: Iterable, follow_links: bool = False, skipped_links: list | None = None
                  ) -> tuple[list[tuple[Path, Path]], list[Failure]]:
    """(file, root) pairs under ``paths``, sorted. Folder links are not followed (no
    loops); a file link that loops or is broken is a failed file; one that leads out
    of its folder is followed only with ``follow_links`` (else listed in ``skipped_links``)."""
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
        elif path.is_symlink():
            failures.append(Failure(str(path), _link_problem(path)))
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    unique = []
    for file, root in found:
        try:
            key = file.resolve(strict=True)
        except (OSError, RuntimeError):  # a symlink loop, or a link to nothing
            failures.append(Failure(str(file), _link_problem(file)))
            continue
        if file.is_symlink() and not follow_links and not key.is_relative_to(Path(root).resolve()):
            if skipped_links is not None:
                skipped_links.append((str(file), str(key)))
            continue
        if key not in seen:
            seen.add(key)
            unique.append((file, root))
    return sorted(unique, key=lambda fr: str(fr[0])), failures


def _link_problem(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        return f"broken symbolic link ({exc.strerror or type(exc).__name__})"
    return "not a regular file"


def document_ids(files: list[tuple[Path, Path]]) -> list[str]:
    """The id of each (file, root): its path under the root (:func:`document_id`); two
    files that still share one (``a__b/x.txt`` and ``a/b__x.txt``) each get a hash of
    their relative path added, so that neither replaces the other."""
    ids = [document_id(file, root) for file, root in files]
    clashes = {doc_id for doc_id, n in Counter(ids).items() if n > 1}
    for i, (file, root) in enumerate(files):
        if ids[i] in clashes:
            relative = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
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
    file, root, doc_id = job
    try:
        suffix = Path(file).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise errors.UnsupportedFormatError(file, f"unsupported file type '{suffix or Path(file).name}'")
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
           follow_links: bool = False) -> IngestReport:
    """Parse and store every notice under ``paths``; skip files whose sha256 is stored.

    Ctrl-C stops the run cleanly: what was stored stays (records and JSON agree) and
    ``report.interrupted`` is set."""
    report = IngestReport()
    files, report.failures = collect_files(paths, follow_links, report.skipped_links)
    db = store.open_db(db_path, rebuild=True)
    json_dir = Path(json_dir) if json_dir else Path(db_path).parent
    json_dir.mkdir(parents=True, exist_ok=True)
    stored = store.stored_hashes(db)
    jobs = []
    for (file, root), doc_id in zip(files, document_ids(files)):
        if not force and doc_id in stored and stored[doc_id] == _sha256(file):
            report.unchanged.append(doc_id)
            if progress:
                progress(str(file))
            continue
        jobs.append((str(file), str(root), doc_id))
    indexed = 0
    seen_hashes = {sha: doc_id for doc_id, sha in stored.items()}
    results = _run(jobs, workers)
    try:
        _restore_json(db, json_dir, report)
        for file, parsed, error in results:
            if progress:
                progress(file)
            if error:
                report.failures.append(Failure(file, error))
                continue
            _store_one(db, file, parsed, json_dir, stored, seen_hashes, report)
            if len(report.added) + len(report.updated) >= INDEX_EVERY + indexed:
                indexed += store.index_pending(db)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        results.close()  # stops the workers now, not when the generator is collected
        store.index_pending(db)
        db.close()
    return report


def _restore_json(db, json_dir: Path, report: IngestReport) -> None:
    """Rewrite ``<id>.json`` from the stored record where it is missing or not the
    stored record's size (a run killed between the JSON and the commit, or a file
    deleted by hand)."""
    for doc_id, size in store.record_sizes(db).items():
        path = json_dir / f"{doc_id}.json"
        try:
            if path.stat().st_size == size:
                continue
        except OSError:
            pass
        try:
            _write_text(path, store.load_record_json(db, doc_id))
            report.restored.append(doc_id)
        except OSError as exc:
            report.failures.append(Failure(str(path), f"cannot restore it from the database ({exc.strerror or exc})"))


def _store_one(db, file: str, parsed: ParsedNotice, json_dir, stored, seen_hashes, report) -> None:
    """Write the JSON record (atomically), then commit the rows: an interrupt between
    the two leaves a JSON the next ingest replaces, never a stored notice without one."""
    doc_id = parsed.id
    twin = seen_hashes.get(parsed.sha256)
    if twin and twin != doc_id:
        report.duplicates.append((parsed.path, twin))
        return
    json_path = Path(json_dir) / f"{doc_id}.json"
    try:
        _write_text(json_path, parsed.json)
    except OSError as exc:
        report.failures.append(Failure(file, f"its JSON file could not be written ({exc.strerror or exc}); "
                                             "not stored — run ingest again once the folder is writable"))
        return
    try:
        store.save_rows(db, doc_id, parsed.rows, index=False)  # index_pending indexes in bulk
    except sqlite3.Error as exc:  # this notice's transaction rolled back; the run goes on
        report.failures.append(Failure(file, f"cannot store it ({type(exc).__name__}: {exc})"))
        _put_back_json(db, doc_id, json_path)
        return
    seen_hashes[parsed.sha256] = doc_id
    (report.updated if doc_id in stored else report.added).append(doc_id)
    report.warnings.extend(f"{parsed.path}: {w}" for w in parsed.warnings)


def _put_back_json(db, doc_id: str, json_path: Path) -> None:
    """The JSON of the record still stored (or none), after a failed commit."""
    try:
        _write_text(json_path, store.load_record_json(db, doc_id))
    except errors.DocumentNotFound:
        json_path.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
        pass  # the next ingest restores it


def _run(jobs, workers):
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) <= 1:
        yield from map(_parse_job, jobs)
        return
    yield from _run_pooled(jobs, workers)


def _run_pooled(jobs, workers):
    """Results in job order from a pool of ``workers``. A worker that dies (the kernel
    kills it for memory, a crash in a C library) breaks the pool: the jobs then in
    flight are run again one at a time, each in a fresh process, so that the one that
    kills its process is reported as failed; the pool is restarted for the rest."""
    pending = deque(jobs)
    while pending:
        pool = _new_pool(workers)
        window = deque()  # (job, future), in job order
        finished = False
        try:
            while pending or window:
                while pending and len(window) < workers * 4:
                    job = pending.popleft()
                    window.append((job, pool.submit(_parse_job, job)))
                job, future = window[0]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    break
                window.popleft()
                yield result
            finished = True
        finally:
            pool.shutdown() if finished else _stop_pool(pool)
        for job, future in window:  # after a broken pool; empty otherwise
            done = future.done() and not future.cancelled() and future.exception() is None
            yield future.result() if done else _run_alone(job)


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
