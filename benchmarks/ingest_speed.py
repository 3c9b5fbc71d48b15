"""Text and PDF ingest speed alone (issue 30): the two rows of run.py's table, without the rest.

    python benchmarks/make_corpus.py --n 3000 --pdf 120 --out /tmp/corpus
    python benchmarks/ingest_speed.py /tmp/corpus --work /tmp/work

Text: ``policydiff ingest <corpus>/text`` as a researcher types it (default workers, fresh
database), notices/s over the wall time and the CPU of the command and its workers. PDF: the
ingest of ``<corpus>/pdf`` against pypdfium2's raw text extraction of the same files, as
run.py's ``bench_pdf`` measures it (the ratio of the two wall times). ``--parse N``: the CPU of
``parse_file`` alone, in this process, over the first N text notices (after one to warm up).
``--split``: the text ingest's CPU told apart, the command (the writer) and its workers.
``--reingest N``: the first N text notices ingested into a fresh database, then ``policydiff
ingest`` of the same folder again three times (nothing changed): wall and CPU of each command.
``--no-pdf`` leaves the PDF row out. ``--inside N``: the first N text notices ingested (default workers)
with each worker's CPU told apart — ``parse_file``, the rest of its share (the record's JSON, rows and
bytes) and what it spends outside them (pickling its results, taking the next jobs) — and the writer's
user and system time and its commits (where the pipeline's CPU goes beyond what each part costs alone).

    python benchmarks/ingest_speed.py /tmp/corpus --work /tmp/work --split --reingest 600 --no-pdf
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (puts this checkout's src first)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path, help="make_corpus.py's --out (text/ and pdf/)")
    parser.add_argument("--work", type=Path, default=HERE / "generated" / "work")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--parse", type=int, default=0, help="also parse_file's CPU over this many text notices")
    parser.add_argument("--split", action="store_true", help="the text ingest's CPU: writer and workers apart")
    parser.add_argument("--reingest", type=int, default=0, help="an unchanged re-ingest of this many notices")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--inside", type=int, default=0, help="the workers' CPU told apart inside the pipeline")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f}")
    for _ in range(args.rounds if args.split else 0):
        shutil.rmtree(args.work / "split", ignore_errors=True)  # the database and its JSON records
        ingest_cpu(args.corpus / "text", args.work / "split" / "p.db", "text (writer and workers apart)")
    if args.reingest:
        folder = args.work / f"first{args.reingest}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for f in sorted((args.corpus / "text").glob("*.txt"))[:args.reingest]:
            shutil.copy(f, folder)
        shutil.rmtree(args.work / "reingest", ignore_errors=True)
        db = args.work / "reingest" / "p.db"
        ingest_cpu(folder, db, f"first ingest of {args.reingest}")
        for _ in range(3):
            ingest_cpu(folder, db, "unchanged re-ingest", per_notice=False)
    for _ in range(args.rounds if not (args.split or args.reingest or args.inside) else 0):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        text = run.bench_text(args.corpus / "text", args.work)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"text: {text['files']} files, {text['ingest_s']:.1f} s, {text['files'] / text['ingest_s']:.0f} notices/s, "
              f"CPU {cpu:.1f} s ({cpu * 1000 / text['files']:.1f} ms a notice), {text['failed']} failed")
    if any((args.corpus / "pdf").glob("*.pdf")) and not args.no_pdf:
        for _ in range(args.rounds):
            pdf = run.bench_pdf(args.corpus / "pdf", args.work)
            print(f"pdf: {pdf['files']} files, {pdf['pages']} pages, raw {pdf['raw_s']:.2f} s, ours {pdf['ingest_s']:.2f} s, "
                  f"ratio {pdf['ingest_s'] / pdf['raw_s']:.2f}x (both warm; fresh command {pdf['cold_s']:.2f} s, "
                  f"{pdf['cold_s'] / pdf['raw_s']:.2f}x); steps (CPU ms a file): "
                  + ", ".join(f"{k} {v:.1f}" for k, v in pdf["stages"].items()))
    if args.inside:
        inside_pipeline(args.corpus / "text", args.work / "inside", args.inside)
    if args.parse:
        from policydiff.parse import parse_file

        files = sorted((args.corpus / "text").glob("*.txt"))[:args.parse]
        parse_file(files[0])  # imports, lazily compiled patterns, the jieba dictionary
        wall, cpu = time.perf_counter(), time.process_time()
        for f in files:
            parse_file(f)
        print(f"parse_file: {len(files)} files, {(time.perf_counter() - wall) * 1000 / len(files):.2f} ms wall, "
              f"{(time.process_time() - cpu) * 1000 / len(files):.2f} ms CPU a notice")
    print(f"load average {os.getloadavg()[0]:.2f}")


# runs `policydiff ingest` in a process of its own and reports its CPU and its workers' apart
_COMMAND = """
import json, resource, sys, time
start = time.perf_counter()
from policydiff.cli import cli
try:
    cli.main(["ingest", *sys.argv[1:], "--quiet"], standalone_mode=False)
finally:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": time.perf_counter() - start, "writer": own.ru_utime + own.ru_stime,
                      "workers": workers.ru_utime + workers.ru_stime}), file=sys.stderr)
"""


def ingest_cpu(folder: Path, db: Path, label: str, per_notice: bool = True) -> dict:
    """``policydiff ingest folder --db db`` as a command of its own: its wall time (from the
    interpreter's start) and the CPU of the command (imports, writer) and of its workers."""
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    load = os.getloadavg()[0]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _COMMAND, str(folder), "--db", str(db)],
                            capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    figures = json.loads(result.stderr.strip().splitlines()[-1])
    n = sum(1 for _ in folder.glob("*.txt"))
    cpu = figures["writer"] + figures["workers"]
    line = (f"{label}: {n} files, wall {wall:.2f} s, CPU {cpu:.2f} s (command {figures['writer']:.2f} s, "
            f"workers {figures['workers']:.2f} s)")
    if per_notice:
        line += (f" = {cpu * 1000 / n:.1f} ms a notice (command {figures['writer'] * 1000 / n:.1f}, workers "
                 f"{figures['workers'] * 1000 / n:.1f}), {n / wall:.0f} notices/s")
    print(f"{line}; load average {load:.2f}", flush=True)
    return figures


# run in a process of its own: the ingest with each worker's parse_file and _parse_chunk timed (the pool
# forks, so the wrappers put in this process are the workers' too); each worker writes its figures
_INSIDE = """
import glob, json, os, resource, sys, time
from pathlib import Path
from policydiff import ingest, parse
folder, work = Path(sys.argv[1]), Path(sys.argv[2])
figures = {"parse": 0.0, "chunk": 0.0, "n": 0}
parse_file, parse_chunk, commit = parse.parse_file, ingest._parse_chunk, ingest._Batch.commit
def timed_parse(*args, **kwargs):
    cpu = time.process_time()
    try:
        return parse_file(*args, **kwargs)
    finally:
        figures["parse"] += time.process_time() - cpu
def timed_chunk(jobs):
    cpu = time.process_time()
    results = parse_chunk(jobs)
    figures["chunk"] += time.process_time() - cpu
    figures["n"] += len(jobs)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures.update(user=usage.ru_utime, system=usage.ru_stime, switches=usage.ru_nivcsw)
    (work / f"worker{os.getpid()}.json").write_text(json.dumps(figures))
    return results
commits = [0]
def counted_commit(self):
    commits[0] += bool(self.pending)
    return commit(self)
parse.parse_file, ingest._parse_chunk, ingest._Batch.commit = timed_parse, timed_chunk, counted_commit
before = resource.getrusage(resource.RUSAGE_SELF)
ingest.ingest([str(folder)], db_path=work / "p.db")
after = resource.getrusage(resource.RUSAGE_SELF)
n = sum(1 for _ in folder.glob("*.txt"))
user, system = (after.ru_utime - before.ru_utime) * 1000 / n, (after.ru_stime - before.ru_stime) * 1000 / n
print(f"writer: user {user:.2f}, system {system:.2f} ms CPU a notice, {commits[0]} commits for {n} notices")
for path in sorted(work.glob("worker*.json")):
    w = json.loads(path.read_text())
    k = w["n"]
    rest, outside = (w["chunk"] - w["parse"]) * 1000 / k, (w["user"] + w["system"] - w["chunk"]) * 1000 / k
    print(f"worker ({k} notices): parse_file {w['parse'] * 1000 / k:.2f}, the rest of its share {rest:.2f}, "
          f"outside them {outside:.2f} ms CPU a notice (system {w['system'] * 1000 / k:.2f}); "
          f"{w['switches'] / k:.1f} involuntary switches a notice")
"""


def inside_pipeline(texts: Path, work: Path, n: int) -> None:
    """The first ``n`` notices of ``texts`` ingested with the workers' CPU told apart (see ``--inside``)."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "in").mkdir(parents=True)
    for f in sorted(texts.glob("*.txt"))[:n]:
        shutil.copy(f, work / "in")
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    load = os.getloadavg()[0]
    result = subprocess.run([sys.executable, "-c", _INSIDE, str(work / "in"), str(work)],
                            capture_output=True, text=True, env=env)
    print(result.stdout.rstrip() or result.stderr.rstrip())
    print(f"(inside the pipeline, {n} notices; load average {load:.2f})", flush=True)


if __name__ == "__main__":
    main()
