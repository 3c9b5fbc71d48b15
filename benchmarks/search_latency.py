"""`who` and `duties` latency on a database already built, as a library caller sees them (ms).

    PYTHONPATH=src python benchmarks/search_latency.py /tmp/scale30000/bench.db [--rounds 3] [--json out.json]

Wall time and this process's CPU time (user + system: on a shared machine, what the other work
running does not inflate). The topics and units are benchmarks/run.py's (the harness's `who` and `duties` rows); each is asked
``--rounds`` times, the first asking included (no warm-up), `who` with the harness's limit of 50
and `duties` with its default limit (50). The code measured is the one on PYTHONPATH, so that two
versions can be timed on copies of one database (a database of an older schema is migrated in
place by the newer code's open: time that apart, with ``--open-only``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every timing here")
    parser.add_argument("--open-only", action="store_true", help="only open (migrate) the database, timed")
    args = parser.parse_args(argv)

    from policydiff import store  # the code on PYTHONPATH (run.py, imported next, would put ./src first)
    from policydiff.query import duties, who

    start = time.perf_counter()
    db = store.open_db(args.db)
    opened = time.perf_counter() - start
    print(f"open: {opened * 1000:.0f} ms ({db.execute('select count(*) from documents').fetchone()[0]} documents)")
    if args.open_only:
        return
    sys.path.insert(0, str(HERE))
    from run import TOPICS, UNITS, percentile

    timings: dict[str, dict[str, list[float]]] = {"who": {}, "duties": {}, "who cpu": {}, "duties cpu": {}}
    for _ in range(args.rounds):
        for topic in TOPICS:
            wall, cpu = _ms(who, db, topic, limit=50)
            timings["who"].setdefault(topic, []).append(wall)
            timings["who cpu"].setdefault(topic, []).append(cpu)
        for unit in UNITS:
            wall, cpu = _ms(duties, db, unit)
            timings["duties"].setdefault(unit, []).append(wall)
            timings["duties cpu"].setdefault(unit, []).append(cpu)
    with open("/proc/loadavg", encoding="ascii") as fh:
        print(f"load average after: {fh.read().split()[0]} (2 cores)")
    for command, by_query in timings.items():
        values = [t for ts in by_query.values() for t in ts]
        slowest = max(by_query, key=lambda q: max(by_query[q]))
        print(f"{command}: p50 {percentile(values, 0.5):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
              f"max {max(values):.1f} ms ({slowest}); n = {len(values)}")
        print("   " + ", ".join(f"{q} {sorted(ts)[len(ts) // 2]:.0f}" for q, ts in by_query.items()))
    if args.json:
        args.json.write_text(json.dumps(timings, ensure_ascii=False, indent=1), encoding="utf-8")


def _ms(fn, *args, **kwargs) -> tuple[float, float]:
    """Wall and CPU time (this process's: what the machine's other work does not inflate) in ms."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


if __name__ == "__main__":
    main()
