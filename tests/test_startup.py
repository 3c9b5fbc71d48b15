"""A command's start: importing the command line loads click and policydiff's leaf modules
only; the database layer, rich, pandas, the parser and cn2an load when a command needs them."""

import json
import os
import subprocess
import sys

from conftest import ROOT

HEAVY = ["pandas", "numpy", "sqlite_utils", "rich", "cn2an", "jieba", "networkx", "rapidfuzz",
         "policydiff.store", "policydiff.parse", "policydiff.read", "importlib.metadata"]


def loaded_after(code: str) -> set[str]:
    """Which of HEAVY a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_command_line_loads_nothing_heavy():
    assert loaded_after("import policydiff.cli") == set()


def test_version_and_help_load_nothing_heavy():
    code = ("from policydiff.cli import cli\n"
            "for args in (['--version'], ['--help'], ['who', '--help']):\n"
            "    try:\n        cli(args)\n    except SystemExit:\n        pass")
    assert loaded_after(code) - {"importlib.metadata"} == set()  # --version reads the installed version


def test_the_store_imports_sqlite_utils_without_pandas_and_pandas_still_imports_later():
    assert "pandas" not in loaded_after("from policydiff import store")
    # pandas and numpy are not blocked for later: a Parquet export imports them as usual
    both = loaded_after("from policydiff import store\ntry:\n    import pandas\nexcept ImportError:\n    pass")
    assert "sqlite_utils" in both


def test_patterns_compile_on_first_use_and_then_behave_as_compiled():
    from policydiff import patterns as P

    assert P.DOC_NUMBER.search("依据神卫健发〔2021〕64号").group("serial") == "64"
    assert "(?P<year>" in P.DATE_LINE.pattern  # a pattern built from another's text


def test_an_unchanged_reingest_loads_no_parser(tmp_path):
    notice = ROOT / "corpus" / "000_43efd9dc9d6528e3.txt"
    code = (f"from policydiff.ingest import ingest\n"
            f"ingest([{str(notice)!r}], {str(tmp_path / 'p.db')!r}, workers=1)\n"
            "import sys\nfor m in [m for m in sys.modules if m.startswith(('policydiff.parse', 'policydiff.read'))]:\n"
            "    del sys.modules[m]\n"
            f"report = ingest([{str(notice)!r}], {str(tmp_path / 'p.db')!r}, workers=1)\n"
            "assert report.unchanged == 1, report")
    assert not {"policydiff.parse", "policydiff.read"} & loaded_after(code)
