"""Text and PDF ingest speed alone (issue 30): the two rows of run.py's table, without the rest.

    python benchmarks/make_corpus.py --n 3000 --pdf 120 --out /tmp/corpus
    python benchmarks/ingest_speed.py /tmp/corpus --work /tmp/work

Text: ``policydiff ingest <corpus>/text`` as a researcher types it (default workers, fresh
database), notices/s over the wall time and the CPU of the command and its workers. PDF: the
ingest of ``<corpus>/pdf`` against pypdfium2's raw text extraction of the same files, as
run.py's ``bench_pdf`` measures it (the ratio of the two wall times). ``--parse N``: the CPU of
``parse_file`` alone, in this process, over the first N text notices (after one to warm up).
"""

from __future__ import annotations

import argparse
import os
import resource
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
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f}")
    for _ in range(args.rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        text = run.bench_text(args.corpus / "text", args.work)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"text: {text['files']} files, {text['ingest_s']:.1f} s, {text['files'] / text['ingest_s']:.0f} notices/s, "
              f"CPU {cpu:.1f} s ({cpu * 1000 / text['files']:.1f} ms a notice), {text['failed']} failed")
    if any((args.corpus / "pdf").glob("*.pdf")):
        for _ in range(args.rounds):
            pdf = run.bench_pdf(args.corpus / "pdf", args.work)
            print(f"pdf: {pdf['files']} files, {pdf['pages']} pages, raw {pdf['raw_s']:.2f} s, ours {pdf['ingest_s']:.2f} s, "
                  f"ratio {pdf['ingest_s'] / pdf['raw_s']:.2f}x (both warm; fresh command {pdf['cold_s']:.2f} s, "
                  f"{pdf['cold_s'] / pdf['raw_s']:.2f}x); steps (CPU ms a file): "
                  + ", ".join(f"{k} {v:.1f}" for k, v in pdf["stages"].items()))
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


if __name__ == "__main__":
    main()
