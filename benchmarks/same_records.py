"""Whether two checkouts' parsers give byte-identical records (a speed-up must change no answer).

    python benchmarks/same_records.py BASE_SRC NEW_SRC FILE_OR_FOLDER… [--every 5] [--fixtures DIR]

Each side runs ``parse_file`` → ``store.record_json`` (and the record's source map, which the
JSON leaves out) in its own subprocess with its ``src`` first
on the path, over the same files; the texts are then compared byte for byte (a file that fails
must fail alike, with the same message). A folder stands for its notices (``*.txt``, ``*.pdf``,
``*.html``, ``*.htm``, ``*.docx``), every ``--every``-th of them (``FOLDER:N``: every N-th of
that folder). ``--fixtures DIR`` first writes
into DIR the renderings the tests build from the bundled corpus (official-layout PDFs, government
HTML pages in three layouts, one in traditional characters, DOCX files) and adds them. Example,
against the branch point exported with ``git archive``::

    python benchmarks/same_records.py /tmp/base/src src /tmp/p30/corpus/text:5 /tmp/p30/corpus/pdf:3 \\
        corpus tests/data --fixtures /tmp/fixtures
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".docx")

# run by each side: one JSON line per file, {"path", "json"} or {"path", "error"}
_SIDE = r"""
import json, sys
from policydiff.parse import parse_file
from policydiff.store import record_json
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        path = line.rstrip("\n")
        try:
            record = parse_file(path)
            row = {"path": path, "json": record_json(record), "source_map": json.dumps(record["source_map"])}
        except Exception as error:  # a failure must be the same failure on both sides
            row = {"path": path, "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
"""


def collect(arguments: list[str], every: int) -> list[Path]:
    """The files named, and every ``every``-th notice of each folder named (sorted by name)."""
    files: list[Path] = []
    for argument in arguments:
        name, _, step = argument.rpartition(":")
        path, step_here = (Path(name), int(step)) if name and step.isdigit() else (Path(argument), every)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            files.extend(found[::step_here])
        else:
            files.append(path)
    return files


def write_fixtures(folder: Path) -> list[Path]:
    """The tests' renderings of the five bundled notices, written into ``folder``."""
    sys.path.insert(0, str(ROOT / "tests"))
    import docx

    from renderings.gov_html import render_div_layout, render_page, render_table_layout
    from renderings.official_pdf import render_notice

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for notice in sorted((ROOT / "corpus").glob("*.txt")):
        text, stem = notice.read_text(encoding="utf-8"), folder / notice.stem
        written.append(render_notice(text, stem.with_suffix(".pdf")))
        written.append(render_page(text, folder / f"{notice.stem}.page.html", info_table=True))
        written.append(render_table_layout(text, folder / f"{notice.stem}.table.html", charset="gb18030"))
        written.append(render_div_layout(text, folder / f"{notice.stem}.div.html"))
        written.append(render_div_layout(text, folder / f"{notice.stem}.trad.html", traditional=True))
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(str(stem.with_suffix(".docx")))
        written.append(stem.with_suffix(".docx"))
    return [Path(p) for p in written]


def run_side(src: Path, files: list[Path], work: Path, name: str) -> dict[str, dict]:
    listing, output = work / f"{name}.files", work / f"{name}.jsonl"
    listing.write_text("".join(f"{f.resolve()}\n" for f in files), encoding="utf-8")
    env = {"PYTHONPATH": str(src.resolve()), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    subprocess.run([sys.executable, "-c", _SIDE, str(listing), str(output)], check=True, env=env)
    rows = (json.loads(line) for line in output.read_text(encoding="utf-8").splitlines())
    return {row["path"]: row for row in rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", type=Path, help="the baseline's src folder")
    parser.add_argument("new", type=Path, help="the changed checkout's src folder")
    parser.add_argument("files", nargs="*", help="files, or folders of notices")
    parser.add_argument("--every", type=int, default=1, help="take every N-th notice of a folder")
    parser.add_argument("--fixtures", type=Path, help="write the tests' renderings here and add them")
    args = parser.parse_args(argv)
    files = collect(args.files, args.every)
    if args.fixtures:
        files += write_fixtures(args.fixtures)
    with tempfile.TemporaryDirectory() as work:
        base = run_side(args.base, files, Path(work), "base")
        new = run_side(args.new, files, Path(work), "new")
    differing = [p for p in base if base[p] != new.get(p)]
    failed = sum("error" in row for row in base.values())
    print(f"{len(files)} files ({failed} fail alike on both sides): {len(base) - len(differing)} identical, "
          f"{len(differing)} differ")
    for path in differing[:5]:
        key = "json" if base[path].get("json") != new.get(path, {}).get("json") else "source_map"
        before = base[path].get(key) or base[path].get("error", "")
        after = new.get(path, {}).get(key) or new.get(path, {}).get("error", "")
        if key == "source_map":  # one line: split its runs apart to see where they part
            before, after = before.replace("], [", "],\n["), after.replace("], [", "],\n[")
        diff = difflib.unified_diff(before.splitlines(), after.splitlines(), "base", "new", n=1, lineterm="")
        print(f"--- {path}\n" + "\n".join(list(diff)[:40]))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
