"""A newcomer's first hour: a checkout that stands on its own, a record schema the project
owns, output that pipes, exit statuses as the README says, and figures the README computes."""

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ALL_IDS, CORPUS, ROOT, SHENMU
from policydiff.cli import cli

jsonschema = pytest.importorskip("jsonschema", reason="the test extra: .venv/bin/pip install -e '.[test]'")


@pytest.fixture(scope="module")
def db(corpus_db):
    return corpus_db("x.db")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# ------------------------------------------------------------------ the checkout stands alone

def test_no_file_of_the_checkout_points_outside_it():
    # the tests' data and the record's schema live in the project, not in ../shared or ../examples
    for path in [ROOT / "README.md", ROOT / "corpus" / "README.md", ROOT / "tests" / "conftest.py"]:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "../examples" not in text and "../record-schema" not in text, path


def test_the_example_record_is_the_projects_own():
    from conftest import EXAMPLE

    assert EXAMPLE.is_relative_to(ROOT) and EXAMPLE.exists()


def test_git_tracks_no_database():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    assert [f for f in files if f.endswith((".db", ".sqlite", ".sqlite3"))] == []
    head = ROOT / ".gitignore"
    assert "*.db" in head.read_text(encoding="utf-8").split("\n")


# ------------------------------------------------------------------ the record's schema

def validator():
    from policydiff.schema import record_schema

    return jsonschema.Draft202012Validator(record_schema())


def test_the_shipped_schema_is_the_generated_one_and_the_command_prints_it():
    from policydiff.schema import schema_text

    shipped = (ROOT / "src" / "policydiff" / "data" / "record.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text()  # regenerate: policydiff schema > src/policydiff/data/record.schema.json
    assert run("schema").output == shipped
    jsonschema.Draft202012Validator.check_schema(json.loads(shipped))


def test_every_record_parsed_from_the_bundled_notices_is_valid(records, pdf_records):
    check = validator()
    for record in [*records.values(), *pdf_records.values()]:
        public = json.loads(json.dumps({k: v for k, v in record.items() if k != "source_map"}))
        assert [e.message for e in check.iter_errors(public)] == []


def test_records_of_web_pages_and_traditional_text_are_valid(tmp_path):
    # the keys only web pages and traditional text have: source_metadata (with *_iso dates),
    # field_conflicts, filled_from_source_metadata, script
    from opencc import OpenCC

    from policydiff.parse import parse_file
    from renderings.gov_html import box_fields, render_div_layout, render_table_layout

    check = validator()
    made = []
    for doc_id in ALL_IDS:
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        box = {**box_fields(text), "written_date": "2020年01月02日", "doc_number": ""}  # a date the article contradicts
        made.append(parse_file(render_table_layout(text, tmp_path / f"{doc_id}_t.html", box=box), tmp_path))
        made.append(parse_file(render_div_layout(text, tmp_path / f"{doc_id}_d.html"), tmp_path))
        (tmp_path / f"{doc_id}_trad.txt").write_text(OpenCC("s2t").convert(text), encoding="utf-8")
        made.append(parse_file(tmp_path / f"{doc_id}_trad.txt", tmp_path))
    keys = {key for record in made for key, value in record.items() if value}
    assert {"source_metadata", "field_conflicts", "script"} <= keys  # the rows above reach those keys
    for record in made:
        public = json.loads(json.dumps({k: v for k, v in record.items() if k != "source_map"}))
        assert [e.message for e in check.iter_errors(public)] == [], record["id"]


def test_every_json_record_ingest_writes_is_valid(db):
    check = validator()
    written = sorted(db.parent.glob("*.json"))
    assert {p.stem for p in written} == set(ALL_IDS)  # beside the database given with --db
    for path in written:
        assert [e.message for e in check.iter_errors(json.loads(path.read_text(encoding="utf-8")))] == [], path


def test_the_schema_refuses_a_record_of_the_wrong_shape(records):
    check = validator()
    bad = json.loads(json.dumps({k: v for k, v in records[SHENMU].items() if k != "source_map"}))
    bad["issuers"] = "神木市卫生健康局"  # a string where a list is due
    del bad["measures"][0]["lead_units"]  # an item missing a key
    messages = [e.message for e in check.iter_errors(bad)]
    assert len(messages) == 2 and any("lead_units" in m for m in messages)


def test_docs_record_md_explains_every_key_of_the_schema():
    from policydiff.schema import ITEMS, record_schema

    page = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    for key in record_schema()["properties"]:
        assert f"| `{key}` |" in page, key
    for fields in ITEMS.values():
        for key in fields:
            assert f"| `{key}` |" in page, key
    # the keys the first schema lacked are there
    for key in ("script", "source_metadata", "field_conflicts", "repairs", "genre", "locality_chain", "qualifier",
                "sole_issuer", "named_by", "_iso"):
        assert key in page, key


# ------------------------------------------------------------------ output that pipes

def test_docs_piped_keeps_the_id_and_title_one_line_a_document(db):
    result = run("docs", "--db", db)  # CliRunner's output is not a terminal
    lines = result.output.splitlines()
    assert sorted(line.split("\t")[0] for line in lines) == sorted(ALL_IDS)
    shenmu = next(line.split("\t") for line in lines if line.startswith(SHENMU))
    assert shenmu[1] == "神卫健发〔2021〕64号" and shenmu[-1].startswith("关于印发《神木市")
    assert all(line.count("\t") == 6 for line in lines)


def test_a_reader_that_stops_early_ends_the_command_quietly(db):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", "from policydiff.cli import cli; cli()", "who", "医", "--db", str(db)]
    read_end, write_end = os.pipe()
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("no F_SETPIPE_SZ (Linux's)")
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the answers (~16 KB): the writer waits for the reader
    process = subprocess.Popen(command, stdout=write_end, stderr=subprocess.PIPE, env=env)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        reader.read(100)  # as `| head -c 100` does: a little, then the pipe is closed
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Broken pipe" not in stderr and "Error" not in stderr and "Traceback" not in stderr, stderr


def test_the_ingest_table_is_not_printed_with_no_table(tmp_path):
    result = run("ingest", CORPUS, "--db", tmp_path / "p.db", "--workers", "1", "--no-table")
    assert result.exit_code == 0 and result.output.strip().splitlines() == [
        f"added 5, updated 0, unchanged 0, failed 0, duplicates 0 → {tmp_path / 'p.db'}"]


def test_run_sh_lists_the_documents_once():
    script = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert "ingest corpus/ --no-table" in script and script.count("policydiff docs") == 1


# ------------------------------------------------------------------ exit statuses and hints

def test_exit_statuses_are_those_the_readme_gives(db):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "1 failed files or a fixable error (a DOC that names no stored document" in readme
    assert run("show", "北京市", "--db", db).exit_code == 1  # not stored: not a usage error
    assert run("show", "--no-such-option", "--db", db).exit_code == 2
    assert run("who", "", "--db", db).exit_code == 2
    assert run("show").exit_code == 2  # a missing argument


def test_the_references_own_number_points_to_baseline_show(db):
    result = run("diff", "国卫扶贫发〔2021〕6号", "--db", db)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "policydiff baseline show" in result.output


@pytest.mark.parametrize("name, says", [
    ("old.doc", "save it as .docx"),  # Word 97–2003
    ("old.wps", "save it as .docx"),  # WPS Writer
])
def test_formats_that_can_be_converted_say_how(tmp_path, name, says):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0 not read")
    result = run("ingest", tmp_path / name, "--db", tmp_path / "p.db")
    assert result.exit_code == 1 and says in result.output


def test_a_web_page_with_no_notice_is_a_failure_not_a_stored_notice(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hello.html").write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    result = run("ingest", folder, "--db", tmp_path / "p.db")
    assert result.exit_code == 1
    assert re.search(r"Error: .*hello\.html: no notice in the web page", result.output)
    assert "added 0" in result.output


def test_install_hints_are_the_readmes_way(monkeypatch, tmp_path):
    from policydiff import cli as cli_module

    assert cli_module.install_hint("web") == ".venv/bin/pip install -e '.[web]'"
    src = (ROOT / "src" / "policydiff").rglob("*.py")
    bare = [p for p in src if re.search(r"(?<!bin/)pip install -e", p.read_text(encoding="utf-8"))]
    assert [p.name for p in bare] == ["ocr.py"]  # a module docstring; every message says .venv/bin/pip


# ------------------------------------------------------------------ figures the README gives

def test_the_readme_gives_the_responsibility_graphs_node_count(db, tmp_path):
    result = run("graph", "--db", db, "--kind", "responsibility", "--format", "json", "-o", tmp_path / "g")
    nodes = int(re.search(r"\((\d+) nodes", result.output).group(1))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"The responsibility graph ({nodes} nodes" in readme


def test_a_fresh_clone_alone_runs_the_example_tests_without_skipping(tmp_path):
    """A clone with nothing beside it (no ../shared): the tests that compare with the hand-made
    example record run (they used to skip with "../shared/examples is not beside the checkout")."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "alone" / "policydiff"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    assert not (clone.parent.parent / "shared").exists() and not (clone.parent / "shared").exists()
    env = {**os.environ, "PYTHONPATH": str(clone / "src")}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                             "tests/test_records.py", "tests/test_metadata.py"],
                            cwd=clone, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "skipped" not in result.stdout and "not beside the checkout" not in result.stdout
