"""PDF ingest speed alone (issue 30): run.py's ``bench_pdf`` row, with CPU and load averages.

    python benchmarks/pdf_speed.py /tmp/p30/corpus --work /tmp/work --rounds 2 --stages
    python benchmarks/pdf_speed.py /tmp/p30/corpus --read 5        # the reader alone against raw text

Per round: pypdfium2's raw text extraction of every PDF in one process (this one, pypdfium2
imported) and on as many processes as the ingest's pool (forked from this warm process, files
dealt out in turn); ``ingest`` of the folder (its default pool, forked from this process after
the parser's set-up); and the same ingest as a fresh ``policydiff ingest`` command. Wall time
and CPU (this process + its finished children, user + system) of each, with the load average.

Two ratios are printed. The old one, the RESULTS row's (``bench_pdf``): the ingest's wall time on
its pool (two workers and the writer: two cores) over raw's on one process: it compares unlike
sides (raw gets one core, the ingest two, and the ingest also parses, builds rows and writes), so
it moves with how many cores the machine has free. The like one: both sides on the same number
of processes, forked warm from this process (wall), and the CPU of every process of each side
(independent of free cores). ``--stages`` adds the steps of a PDF in one process (CPU ms a file)
beside raw text's CPU a file in the same process.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (puts this checkout's src first)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path, help="make_corpus.py's --out (its pdf/ folder is read)")
    parser.add_argument("--work", type=Path, default=HERE / "generated" / "work")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--stages", action="store_true", help="also the steps in one process (ms a file)")
    parser.add_argument("--read", type=int, default=0, metavar="N",
                        help="only the reader: N passes of raw text and read_pdf over every PDF, alternating (CPU)")
    parser.add_argument("--loop", nargs=2, metavar=("WHAT", "N"),
                        help="only N untimed passes of WHAT (read_pdf or raw) over the first --files PDFs, the first "
                             "file read once before: for counting instructions (valgrind's Ir of N=2 less N=1)")
    parser.add_argument("--files", type=int, default=40, help="with --loop: how many PDFs")
    parser.add_argument("--no-warm", action="store_true",
                        help="fork the workers before the parser's set-up (bench_pdf before issue 30's PDF work)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    folder = args.corpus / "pdf"
    files = sorted(folder.glob("*.pdf"))
    if args.read:
        return read_passes(files, args.read)
    if args.loop:
        return loop(files[:args.files], args.loop[0], int(args.loop[1]))
    from policydiff.parse import parse_file

    if not args.no_warm:
        parse_file(files[0])  # warm, as bench_pdf does: the workers fork from this process
    workers = os.cpu_count() or 1
    for n in range(args.rounds):
        load = os.getloadavg()[0]
        raw = run.raw_pdf_text(files)
        pooled = run.raw_pdf_text_pooled(files, workers)
        ours = run.ingest_pdf(folder, args.work)
        cold = run.ingest_pdf_command(folder, args.work)
        print(f"round {n + 1}: {raw['files']} PDFs, {raw['pages']} pages; load {load:.2f} -> {os.getloadavg()[0]:.2f}\n"
              f"  raw text, one process         {raw['s']:5.2f} s wall, CPU {raw['cpu_s']:.2f} s\n"
              f"  raw text, {workers} processes         {pooled['s']:5.2f} s wall, CPU {pooled['cpu_s']:.2f} s\n"
              f"  ingest, warm ({workers} workers + writer) {ours['s']:5.2f} s wall, CPU {ours['cpu_s']:.2f} s "
              f"({ours['failed']} failed); fresh command {cold['s']:.2f} s wall, CPU {cold['cpu_s']:.2f} s\n"
              f"  old ratio (ingest on {workers} cores / raw on one, wall): {ours['s'] / raw['s']:.2f}x; "
              f"fresh command / raw {cold['s'] / raw['s']:.2f}x\n"
              f"  alike: wall, both on {workers} processes {ours['s'] / pooled['s']:.2f}x; "
              f"CPU, all processes {ours['cpu_s'] / pooled['cpu_s']:.2f}x ({ours['cpu_s'] / raw['cpu_s']:.2f}x "
              f"one-process raw's)")
    if args.stages:
        stages = run.pdf_stages(files, args.work)
        raw_ms = min(run.raw_pdf_text(files)["cpu_s"] for _ in range(3)) * 1000 / len(files)
        total = sum(stages.values())
        print("steps, one process (CPU ms a file): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
              + f"; total {total:.1f} against raw text {raw_ms:.1f} ({total / raw_ms:.2f}x), "
              f"the reader alone {stages['read (layout + tables)'] / raw_ms:.2f}x; load {os.getloadavg()[0]:.2f}")


def loop(files: list[Path], what: str, passes: int) -> None:
    """``passes`` passes of ``read_pdf`` (``what`` "read_pdf") or raw text ("raw") over ``files``, untimed:

        valgrind --tool=cachegrind --cache-sim=no python benchmarks/pdf_speed.py <corpus> --loop read_pdf 2

    and the same with 1: the difference over the number of files is the instructions a PDF."""
    from policydiff.read import read_pdf

    def raw(f: Path) -> None:
        run.raw_pdf_text([f])

    fn = read_pdf if what == "read_pdf" else raw
    fn(files[0])
    for _ in range(passes):
        for f in files:
            fn(f)


def read_passes(files: list[Path], passes: int) -> None:
    """CPU ms a file of pypdfium2's raw text and of ``read_pdf`` (guards, layout, tables), alternating."""
    import time

    from policydiff.read import read_pdf

    read_pdf(files[0])
    best = {"raw": float("inf"), "read_pdf": float("inf")}
    for n in range(passes):
        for name, fn in (("raw", run.raw_pdf_text), ("read_pdf", lambda fs: [read_pdf(f) for f in fs])):
            start = time.process_time()
            fn(files)
            best[name] = min(best[name], (time.process_time() - start) * 1000 / len(files))
        print(f"pass {n + 1}: best so far raw {best['raw']:.2f}, read_pdf {best['read_pdf']:.2f} ms CPU a file; "
              f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
