"""PDF ingest speed alone (issue 30): run.py's ``bench_pdf`` row, with CPU and load averages.

    python benchmarks/pdf_speed.py /tmp/p30/corpus --work /tmp/work --rounds 2

Per round, as ``bench_pdf`` measures them: pypdfium2's raw text extraction of every PDF (one
process, this one, pypdfium2 imported), ``ingest`` of the folder (its default worker pool, forked
from this process after the parser's set-up), and the same ingest as a fresh ``policydiff ingest``
command; wall time and CPU (this process + its finished children, user + system) of each, with
the load average (1 min) before and after. ``--stages`` also prints ``pdf_stages`` (ms a file, one process).
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
    parser.add_argument("--no-warm", action="store_true",
                        help="fork the workers before the parser's set-up (bench_pdf before issue 30's PDF work)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    folder = args.corpus / "pdf"
    files = sorted(folder.glob("*.pdf"))
    if args.read:
        return read_passes(files, args.read)
    from policydiff.parse import parse_file

    if not args.no_warm:
        parse_file(files[0])  # warm, as bench_pdf does: the workers fork from this process
    for _ in range(args.rounds):
        load = os.getloadavg()[0]
        raw = run.raw_pdf_text(files)
        pooled = run.raw_pdf_text_pooled(files)
        ours = run.ingest_pdf(folder, args.work)
        cold = run.ingest_pdf_command(folder, args.work)
        print(f"pdf: {raw['files']} files, {raw['pages']} pages; raw {raw['s']:.2f} s (CPU {raw['cpu_s']:.2f} s), "
              f"raw on {os.cpu_count()} processes {pooled['s']:.2f} s (CPU {pooled['cpu_s']:.2f} s); "
              f"ingest warm {ours['s']:.2f} s (CPU {ours['cpu_s']:.2f} s): {ours['s'] / raw['s']:.2f}x wall, "
              f"{ours['cpu_s'] / raw['cpu_s']:.2f}x CPU; fresh command {cold['s']:.2f} s (CPU {cold['cpu_s']:.2f} s): "
              f"{cold['s'] / raw['s']:.2f}x wall; warm ingest / pooled raw {ours['s'] / pooled['s']:.2f}x wall; "
              f"load {load:.2f} -> {os.getloadavg()[0]:.2f}")
    if args.stages:
        stages = run.pdf_stages(sorted(folder.glob("*.pdf")), args.work)
        print("steps (ms a file): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))


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
