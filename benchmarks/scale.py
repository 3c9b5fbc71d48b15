"""Scaling rows of the benchmark: the same measures at several corpus sizes.

    python benchmarks/run.py --scale 3000,30000

For each size: a generated text corpus (no PDFs), the ingest as the command a
researcher types with the peak RSS of every process of it (the writer and each
worker, sampled from /proc), `who` and `diff` latency, and each whole-corpus
command (graphs, matrix --across, baseline build, units) with its wall time and
peak RSS. Goal: flat writer memory (peak within 10% between sizes), an unchanged
ingest rate, graphs of 30,000 notices in under 10 s and 0.5 GB each.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


class TreePeaks:
    """Peak RSS (VmHWM) of a process and all its descendants, polled from /proc."""

    def __init__(self, root_pid: int, every: float = 0.05):
        self.root, self.every, self.peaks, self.names = root_pid, every, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _poll(self):
        while not self._stop.is_set():
            for pid in self._tree():
                peak = _status_kb(pid, "VmHWM")
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)
            self._stop.wait(self.every)

    def _tree(self) -> list[int]:
        parents = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, frontier = [self.root], [self.root]
        while frontier:
            frontier = [pid for pid, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree

    def summary(self) -> dict:
        """The root's peak and each child's, in MB."""
        root = self.peaks.get(self.root, 0) / 1024
        children = sorted((kb / 1024 for pid, kb in self.peaks.items() if pid != self.root), reverse=True)
        return {"root_mb": root, "children_mb": children}


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(command: list[str], **kwargs) -> dict:
    """Run ``command``; its wall time, exit status and the peak RSS of its process tree."""
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, env=env, **kwargs)
        with TreePeaks(process.pid) as peaks:
            # the command's own peak from the kernel (polling can miss a short command's last moments)
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        stderr.seek(0)
        if process.returncode not in (0, 1):
            print(f"{' '.join(command)} exited {process.returncode}: {stderr.read().decode(errors='replace')[-500:]}",
                  file=sys.stderr)
    summary = peaks.summary()
    # not ru_maxrss: a child forked from this harness starts with the harness's own high-water
    # mark (Linux copies it across fork and keeps it across exec), so every command would
    # report at least the harness's peak; only a command too short to be sampled falls back to it
    if not summary["root_mb"]:
        summary["root_mb"] = usage.ru_maxrss / 1024
    return {"s": seconds, "rc": process.returncode, **summary}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "policydiff.cli", *args]


WHOLE_CORPUS = {
    "graph: citation (graphml)": lambda db, out: cli("graph", "--db", db, "--kind", "citation", "--format",
                                                      "graphml", "-o", str(out / "citation.graphml")),
    "graph: responsibility (graphml)": lambda db, out: cli("graph", "--db", db, "--kind", "responsibility",
                                                            "--format", "graphml", "-o", str(out / "resp.graphml")),
    "matrix --across (csv)": lambda db, out: cli("matrix", "--db", db, "--across", "-o", str(out / "across.csv")),
    "targets --across (csv)": lambda db, out: cli("targets", "--across", "--db", db, "-o", str(out / "targets.csv"),
                                                  "--force"),
    "baseline build": lambda db, out: cli("baseline", "build", "--db", db, "-o", str(out / "frame.json")),
    "units --json": lambda db, _out: cli("units", "--db", db, "--json"),
    "adoption (csv, every frame entry)": lambda db, out: cli("adoption", "--db", db, "-o", str(out / "adoption.csv"),
                                                             "--force"),
}


def bench_size(n: int, work: Path, seed: int, skip: set[str] = frozenset()) -> dict:
    folder = work / f"scale{n}"
    corpus = folder / "corpus"
    if not (corpus / "text").exists() or len(list((corpus / "text").glob("*.txt"))) != n:
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--n", str(n), "--pdf", "0", "--seed", str(seed),
                        "--out", str(corpus)], check=True)
    db = folder / "bench.db"
    for leftover in folder.glob("bench.db*"):
        leftover.unlink()
    for leftover in folder.glob("*.json"):
        leftover.unlink()
    result = {"n": n, "ingest": run_measured(cli("ingest", str(corpus / "text"), "--db", str(db), "--quiet",
                                                 "--workers", "2"))}
    _progress(n, "ingest", result["ingest"])
    result["queries"] = query_latency(db)
    _progress(n, "queries", result["queries"])
    result["commands"] = {}
    for name, make in WHOLE_CORPUS.items():
        if name not in skip:
            result["commands"][name] = run_measured(make(str(db), folder))
            _progress(n, name, result["commands"][name])
    return result


def _progress(n: int, name: str, figures: dict) -> None:
    """Each measurement as it is taken (a long run's partial figures survive an interruption)."""
    print(f"[{n}] {name}: {figures}", file=sys.stderr, flush=True)


def query_latency(db_path: Path, rounds: int = 3) -> dict:
    """`who`, `duties` and `diff` (against the shipped frame) as a library caller sees them, in ms."""
    sys.path.insert(0, str(SRC))
    from run import TOPICS, UNITS, percentile, timed

    from policydiff import store
    from policydiff.compare.diff import choose_reference, diff_document
    from policydiff.query import duties, who

    db = store.open_db(db_path)
    whos = [timed(who, db, topic, limit=50)[0] * 1000 for _ in range(rounds) for topic in TOPICS]
    unit_duties = [timed(duties, db, unit)[0] * 1000 for _ in range(rounds) for unit in UNITS]
    ids = [row[0] for row in db.execute("select id from documents order by id")]
    diffs = []
    for doc_id in random.Random(1).sample(ids, min(10, len(ids))):
        seconds, _ = timed(lambda d: diff_document(store.load_record(db, d), choose_reference(db)), doc_id)
        diffs.append(seconds * 1000)
    db.close()
    return {"who_p50": percentile(whos, 0.5), "who_p95": percentile(whos, 0.95),
            "duties_p50": percentile(unit_duties, 0.5), "duties_p95": percentile(unit_duties, 0.95),
            "diff_p50": percentile(diffs, 0.5), "diff_p95": percentile(diffs, 0.95)}


def scale_rows(results: list[dict]) -> list[tuple[str, str, str, str]]:
    """Benchmark rows (measure, result, goal, verdict) comparing the sizes."""
    sizes = " / ".join(f"{r['n']:,}" for r in results)
    rates = [r["n"] / r["ingest"]["s"] for r in results]
    writers = [r["ingest"]["root_mb"] for r in results]
    rows = [
        (f"ingest rate at {sizes} notices", " / ".join(f"{x:.0f} notices/s" for x in rates), "unchanged",
         _verdict(min(rates) >= 0.9 * max(rates))),
        (f"peak RSS of the ingest's writer at {sizes}", " / ".join(f"{x:.0f} MB" for x in writers),
         "within 10%", _verdict(max(writers) <= 1.1 * min(writers))),
        (f"peak RSS of the ingest's workers at {sizes}",
         " / ".join(", ".join(f"{x:.0f}" for x in r["ingest"]["children_mb"]) + " MB" for r in results), "—", ""),
        (f"who latency at {sizes}", " / ".join(f"p50 {r['queries']['who_p50']:.0f} ms, p95 {r['queries']['who_p95']:.0f} ms"
                                               for r in results), "p95 ≤ 100 ms at 30,000",
         _verdict(results[-1]["queries"]["who_p95"] <= 100)),
        (f"duties latency at {sizes}", " / ".join(
            f"p50 {r['queries']['duties_p50']:.0f} ms, p95 {r['queries']['duties_p95']:.0f} ms" for r in results),
         "p95 ≤ 100 ms at 30,000", _verdict(results[-1]["queries"]["duties_p95"] <= 100)),
        (f"diff latency (shipped frame) at {sizes}",
         " / ".join(f"p50 {r['queries']['diff_p50']:.0f} ms, p95 {r['queries']['diff_p95']:.0f} ms" for r in results),
         "—", ""),
    ]
    for name in results[-1]["commands"]:
        runs = [r["commands"].get(name) for r in results]
        text = " / ".join(f"{x['s']:.1f} s, {x['root_mb']:.0f} MB" if x else "not run" for x in runs)
        goal = "< 10 s, < 0.5 GB at 30,000" if name.startswith("graph") else \
            "< 30 s at 30,000" if name.startswith("adoption") else "linear or better"
        last = runs[-1]
        ok = last["s"] < 10 and last["root_mb"] < 512 if name.startswith("graph") else \
            last["s"] < 30 if name.startswith("adoption") and results[-1]["n"] >= 30000 else _linear(results, runs)
        rows.append((f"{name} at {sizes}", text, goal, _verdict(ok)))
    return rows


def _linear(results, runs) -> bool:
    first, last = runs[0], runs[-1]
    if not first or not last:
        return False
    growth = results[-1]["n"] / results[0]["n"]
    return last["s"] <= max(first["s"] * growth * 1.2, 1.0)


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"
