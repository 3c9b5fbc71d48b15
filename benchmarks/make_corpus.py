"""Generate a large synthetic corpus from the five real notices, for benchmarks.

Each generated notice is one of the five bundled notices moved to another real
locality (benchmarks/localities.csv) and varied the way a county's re-issue
varies: renumbered 文号 and dates, some measures dropped, a few words re-worded,
numbers changed, units swapped, lines re-wrapped as PDF extraction would. A
fraction is rendered as official-layout PDF. Deterministic from --seed. The
output (benchmarks/generated/) stays out of git. These are load-test inputs,
not policy texts: never cite them.

    python benchmarks/make_corpus.py --n 3000 --pdf 120
    python benchmarks/make_corpus.py --n 3000 --pdf 0 --ladders 20   # + notices with a known adoption answer
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt"))
SOURCE_LOCALITY = {"000": "神木市", "001": "广西壮族自治区", "002": "开封市", "003": "淮南市", "004": "连云港市"}
REWORDS = [("加强", "强化"), ("推进", "推动"), ("持续", "继续"), ("进一步", "切实"), ("做好", "抓好")]
UNIT_SWAPS = [("公卫科", "医政科"), ("医政处", "基层卫生处"), ("民政厅", "民政局")]
LABEL = re.compile(r"^\s*(?:\*\*)?(?:（[一二三四五六七八九十]+）|\(\S+\)|\d+\.|[一二三四五六七八九十]是)")


def localities() -> list[dict]:
    with open(HERE / "localities.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def vary(text: str, source_key: str, place: dict, rnd: random.Random) -> str:
    old = SOURCE_LOCALITY[source_key]
    new = place["county"] if old.endswith(("市", "县")) and source_key in ("000",) else place["prefecture"]
    if source_key == "001":
        new = place["province"]
    text = text.replace(old, new).replace(old.removesuffix("市"), new.removesuffix("市").removesuffix("县"))
    year = rnd.choice([2021, 2022, 2023])
    text = re.sub(r"〔(20\d\d)〕\s*(\d+)\s*号", lambda _m: f"〔{year}〕{rnd.randint(1, 300)}号", text, count=1)
    text = re.sub(r"(20\d\d)\s*年\s*(\d+)\s*月\s*(\d+)\s*日",
                  lambda _m: f"{year}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日", text)
    paragraphs = text.split("\n")
    kept = [p for p in paragraphs if not (LABEL.match(p) and len(p) > 60 and rnd.random() < 0.12)]
    text = "\n".join(kept)
    for a, b in rnd.sample(REWORDS, 2):
        text = text.replace(a, b, rnd.randint(1, 3))
    text = re.sub(r"(\d+)(种|%)", lambda m: f"{int(m.group(1)) + rnd.choice([0, 0, 1, 2, 4])}{m.group(2)}", text)
    a, b = rnd.choice(UNIT_SWAPS)
    text = text.replace(a, b, 1)
    if rnd.random() < 0.3:
        text = rewrap(text, rnd.choice([26, 28, 30]))
    return text


def rewrap(text: str, width: int) -> str:
    """Hard-wrap long lines with blank lines between, as PDF extraction leaves them."""
    out = []
    for line in text.split("\n"):
        if "\t" in line or len(line) <= width:
            out.append(line)
            continue
        out.extend(line[i:i + width] + "\n" for i in range(0, len(line), width))
    return "\n".join(out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="text notices to generate")
    parser.add_argument("--pdf", type=int, default=120, help="of which also rendered as PDF (~0.3 s each)")
    parser.add_argument("--seed", type=int, default=20211)
    parser.add_argument("--out", type=Path, default=HERE / "generated")
    parser.add_argument("--ladders", type=int, default=0,
                        help="also write this many province → prefecture → county ladders with a known answer "
                             "(ladders/, key in ladders-key.json; see ladders.py)")
    args = parser.parse_args(argv)
    rnd = random.Random(args.seed)
    places = localities()
    for sub in ("text", "pdf"):
        shutil.rmtree(args.out / sub, ignore_errors=True)
        (args.out / sub).mkdir(parents=True)
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SOURCES}
    for i in range(args.n):
        key = rnd.choice(sorted(texts))
        text = vary(texts[key], key, rnd.choice(places), rnd)
        (args.out / "text" / f"g{i:05d}_{key}.txt").write_text(text, encoding="utf-8")
    if args.pdf:
        import sys

        sys.path.insert(0, str(ROOT / "src"))
        sys.path.insert(0, str(ROOT / "tests"))  # the renderings (test helpers)
        from renderings.official_pdf import render_notice

        for i in range(args.pdf):
            name = next((args.out / "text").glob(f"g{i:05d}_*.txt"))
            render_notice(name.read_text(encoding="utf-8"), args.out / "pdf" / name.with_suffix(".pdf").name)
    if args.ladders:
        from ladders import write_ladders

        shutil.rmtree(args.out / "ladders", ignore_errors=True)
        key = write_ladders(args.ladders, args.out / "ladders", args.seed)
        print(f"wrote {len(key)} ladder notices under {args.out / 'ladders'} (key: {args.out / 'ladders-key.json'})")
    print(f"wrote {args.n} text notices and {args.pdf} PDFs under {args.out}")


if __name__ == "__main__":
    main()
