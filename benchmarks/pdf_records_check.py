"""Whether two checkouts give byte-identical records for the same PDFs (issue 30's PDF reader work).

    python benchmarks/pdf_records_check.py --before /tmp/base --after . \\
        /tmp/p30/corpus/pdf --fixtures /tmp/pdfcheck

Each side runs in its own subprocess with its own ``src`` first on PYTHONPATH, parses every
``*.pdf`` of the folders given (``parse_file`` → ``store.record_json``, the bytes the ingest
writes) and prints one line per file: the record's sha256, or the refusal (error class and
reason) for a file it does not read. ``--fixtures DIR`` first writes the tests' PDFs there (the
five bundled notices in the official layout, the merged-cell tables of test_pdf.py, the bad and
hostile PDFs of tests/badfiles.py) and checks them too. Exit status 1 if any file differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def records(folders: list[str]) -> None:
    """Worker side: {file: sha256 of its record JSON, or its refusal} as JSON on stdout."""
    from policydiff import errors, store
    from policydiff.parse import parse_file

    out = {}
    for folder in folders:
        for f in sorted(Path(folder).glob("*.pdf")):
            try:
                record = parse_file(f, folder)
                out[str(f)] = hashlib.sha256(store.record_json(record).encode("utf-8")).hexdigest()
            except errors.BadFileError as exc:
                out[str(f)] = f"{type(exc).__name__}: {exc.detail}"
    print(json.dumps(out))


def make_fixtures(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "src"))
    from test_pdf import _merged_cells_pdf

    from badfiles import make_bad_files, pdf_bombs
    from conftest import ALL_IDS, CORPUS
    from renderings.official_pdf import render_notice

    folder.mkdir(parents=True, exist_ok=True)
    for doc_id in ALL_IDS:
        render_notice((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"), folder / f"{doc_id}.pdf")
    _merged_cells_pdf(folder / "merged-cells.pdf")
    make_bad_files(folder / "bad", folder / f"{ALL_IDS[0]}.pdf")
    pdf_bombs(folder / "bombs")


def side(checkout: Path, folders: list[str]) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve() / "src"))
    result = subprocess.run([sys.executable, __file__, "--records", *folders], env=env, capture_output=True,
                            text=True, check=True, cwd=checkout)
    return json.loads(result.stdout)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--before", type=Path)
    parser.add_argument("--after", type=Path, default=ROOT)
    parser.add_argument("--fixtures", type=Path, help="write the tests' PDFs here first, and check them too")
    parser.add_argument("--records", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.records:
        return records(args.folders)
    folders = [str(Path(f).resolve()) for f in args.folders]
    if args.fixtures:
        make_fixtures(args.fixtures)
        folders += [str(args.fixtures.resolve() / sub) for sub in ("", "bad", "bombs")]
    before, after = side(args.before, folders), side(args.after, folders)
    differ = sorted(f for f in before.keys() | after.keys() if before.get(f) != after.get(f))
    for f in differ:
        print(f"differs: {f}\n  before {before.get(f)}\n  after  {after.get(f)}")
    refused = sum(1 for v in after.values() if ":" in v)
    print(f"{len(after)} PDFs ({refused} refused), {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
