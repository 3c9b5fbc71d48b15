"""The ingest's non-parse CPU alone (issue 30): the writer, and a worker's part outside ``parse_file``.

    python benchmarks/writer_speed.py /tmp/corpus --work /tmp/work --n 600 [--rounds 2] [--profile]

The first N text notices are parsed once in this process (``parse_file``, not timed); then, per
round: the worker's part after ``parse_file`` (the record's JSON, its table rows, the bytes the
writer receives and their pickling), CPU a notice; and the writer: ``ingest()`` into a fresh
database with the pool replaced by the pickled results (so only the command's own work is timed:
transactions, inserts, JSON files, the search index), CPU a notice. Rows per notice per table are
printed once. ``--profile`` prints the writer's cProfile (top 25 by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path, help="make_corpus.py's --out (text/)")
    parser.add_argument("--work", type=Path, default=HERE / "generated" / "writer")
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--idle", type=int, default=0,
                        help="call the writer's idle hook every N results, as the pool does when the writer waits "
                             "for a worker (the pipeline's chunks are ingest.CHUNK notices); 0: never")
    parser.add_argument("--save", type=Path, help="keep the workers' results (pickled) in this file, and stop")
    parser.add_argument("--load", type=Path, help="the writer alone, from the results --save kept (for valgrind)")
    args = parser.parse_args(argv)

    from policydiff import ingest, store
    from policydiff.parse import parse_file

    files = sorted((args.corpus / "text").glob("*.txt"))[:args.n]
    if args.load:
        results = pickle.loads(args.load.read_bytes())
        files = files[:len(results)]
        shutil.rmtree(args.work, ignore_errors=True)
        args.work.mkdir(parents=True)
        ingest._run = _pool_replaced_by(results, args.idle)
        cpu = time.process_time()
        ingest.ingest([str(f) for f in files], args.work / "p.db", json_dir=args.work / "extracted")
        print(f"writer {(time.process_time() - cpu) * 1000 / len(files):.2f} ms CPU a notice")
        return
    ids = ingest.document_ids([(str(f), str(f.parent)) for f in files])
    records = []
    for f, doc_id in zip(files, ids):
        record = parse_file(f, f.parent)
        record["id"] = doc_id
        records.append(record)
    print(f"load average {os.getloadavg()[0]:.2f}")
    n = len(records)
    figures = []
    for _ in range(args.rounds):
        cpu = time.process_time()
        results = []
        for chunk in range(0, n, ingest.CHUNK):
            part = []
            for f, record in zip(files[chunk:chunk + ingest.CHUNK], records[chunk:chunk + ingest.CHUNK]):
                record = dict(record)
                record.pop("_json", None)
                record["_json"] = getattr(store, "record_json_bytes", store.record_json)(record)  # as _parse_job
                parsed = ingest.ParsedNotice(record["id"], record["path"], record["sha256"],
                                             record.get("warnings") or [], record["_json"],
                                             store.document_rows(record))
                part.append((str(f), ingest._as_bytes(parsed), None))
            results.extend(pickle.loads(pickle.dumps(part)))
        worker = (time.process_time() - cpu) * 1000 / n
        if args.save:
            args.save.write_bytes(pickle.dumps(results))
            return
        shutil.rmtree(args.work, ignore_errors=True)
        args.work.mkdir(parents=True)
        original = ingest._run
        ingest._run = _pool_replaced_by(results, args.idle)
        profile = cProfile.Profile(time.process_time) if args.profile else None
        try:
            cpu = time.process_time()
            usage = resource.getrusage(resource.RUSAGE_SELF)
            if profile:
                profile.enable()
            report = ingest.ingest([str(f) for f in files], args.work / "p.db", json_dir=args.work / "extracted")
            if profile:
                profile.disable()
            writer = (time.process_time() - cpu) * 1000 / n
            after = resource.getrusage(resource.RUSAGE_SELF)
            user, system = ((after.ru_utime - usage.ru_utime) * 1000 / n, (after.ru_stime - usage.ru_stime) * 1000 / n)
        finally:
            ingest._run = original
        print(f"{n} notices: worker outside parse_file {worker:.2f} ms CPU a notice, writer {writer:.2f} ms CPU a "
              f"notice (user {user:.2f}, system {system:.2f}; added {report.added}, failed {report.failed}, "
              f"duplicates {report.duplicated}); load average {os.getloadavg()[0]:.2f}", flush=True)
        figures.append((worker, writer))
        if profile:
            pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(45)
    if args.rounds > 1:
        print(f"least of {args.rounds} rounds: worker outside parse_file {min(w for w, _ in figures):.2f} ms, "
              f"writer {min(w for _, w in figures):.2f} ms CPU a notice")
    db = store.open_db(args.work / "p.db")
    counts = {t: db.execute(f"select count(*) from [{t}]").fetchone()[0]
              for t in ["documents", *store.CHILD_TABLES, "units", "json_files"]}
    print("rows a notice: " + ", ".join(f"{t} {c / n:.1f}" for t, c in sorted(counts.items(), key=lambda x: -x[1])))


def _pool_replaced_by(results: list, idle_every: int = 0):
    """A stand-in for ingest._run: the workers' results, one per job, in order; ``idle`` called
    before every ``idle_every``-th result (the pool calls it whenever the next chunk is not ready)."""
    queue = iter(results)

    def run(jobs, _workers, idle=None):
        for n, _ in enumerate(jobs):
            if idle is not None and idle_every and n and n % idle_every == 0:
                idle()
            yield next(queue)
    return run


if __name__ == "__main__":
    main()
