"""Ingest on Dask (a two-worker LocalCluster) into Parquet partitions, loaded into SQLite:
the same rows, JSON files, failures and search answers as a local ingest; reruns skip what is stored."""

import importlib.util
import shutil
import sqlite3
import sys

import pytest
from click.testing import CliRunner
from test_ingest import table_rows

from badfiles import make_bad_files
from conftest import ALL_IDS, CORPUS, ROOT, SHENMU
from policydiff.ingest import ingest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from policydiff.cli import cli
from policydiff.distributed import ingest_dask, load_partitions

# threads, not processes: the same code path on the workers, without starting two interpreters per test
CLUSTER = {"address": "local", "workers": 2, "processes": False}


def json_files(folder):
    return {p.name: p.read_bytes() for p in folder.glob("*.json")}


def search(db_path, term):
    conn = sqlite3.connect(db_path)
    return sorted(conn.execute("select m.doc_id, m.path from measures_fts f join measures m on m.rowid = f.rowid "
                               "where measures_fts match ?", [term]).fetchall())


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory, pdf_dir):
    """Generated notices (text and PDF), a web page, and broken files: every reader and failure."""
    folder = tmp_path_factory.mktemp("mixed")
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    make_corpus.main(["--n", "9", "--pdf", "2", "--seed", "7", "--out", str(folder / "generated")])
    from renderings.gov_html import render_page

    render_page((CORPUS / f"{ALL_IDS[2]}.txt").read_text(encoding="utf-8"), folder / "page.html", info_table=True)
    make_bad_files(folder / "bad", pdf_dir / f"{ALL_IDS[4]}.pdf")
    return folder


@pytest.mark.parametrize("corpus", ["bundled", "mixed"])
def test_dask_and_local_ingest_store_the_same(tmp_path, corpus, mixed_corpus):
    folder = CORPUS if corpus == "bundled" else mixed_corpus
    local = ingest([folder], tmp_path / "local" / "p.db", workers=1)
    # partitions of three files: several partitions per worker, notices spread over both
    dask = ingest_dask([folder], tmp_path / "dask" / "p.db", partition_size=3, **CLUSTER)
    assert table_rows(tmp_path / "dask" / "p.db") == table_rows(tmp_path / "local" / "p.db")
    assert json_files(tmp_path / "dask") == json_files(tmp_path / "local")
    assert sorted(dask.changed_ids) == sorted(local.changed_ids) and dask.duplicates == local.duplicates
    assert (dask.added, dask.failed) == (local.added, local.failed)
    assert sorted(map(str, dask.failures)) == sorted(map(str, local.failures))
    assert sorted(dask.warnings) == sorted(local.warnings)
    for term in ("家庭医生", "先诊疗后付费"):  # the search index built in bulk answers as the local one
        assert search(tmp_path / "dask" / "p.db", term) == search(tmp_path / "local" / "p.db", term)
    if corpus == "mixed":
        assert local.failed >= 8 and local.added >= 10


def test_rerun_skips_what_is_stored_and_parses_only_the_changed(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    db = tmp_path / "p.db"
    ingest_dask([folder], db, **CLUSTER)
    partitions = sorted((tmp_path / "parts" / "_parts").glob("*.json"))
    again = ingest_dask([folder], db, **CLUSTER)
    assert again.unchanged == len(ALL_IDS) and not again.added and not again.updated
    assert sorted((tmp_path / "parts" / "_parts").glob("*.json")) == partitions  # nothing parsed again
    notice = folder / f"{SHENMU}.txt"
    notice.write_text(notice.read_text(encoding="utf-8").split("三、加强政策供给")[0], encoding="utf-8")
    changed = ingest_dask([folder], db, **CLUSTER)
    assert changed.updated == 1 and changed.changed_ids == [SHENMU] and changed.unchanged == 4
    assert sqlite3.connect(db).execute("select count(*) from measures where doc_id = ?", [SHENMU]).fetchone()[0] == 5


def test_load_takes_each_notice_from_its_latest_partition(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    notice = folder / f"{SHENMU}.txt"
    shutil.copy(CORPUS / notice.name, notice)
    ingest_dask([folder], tmp_path / "a" / "p.db", parts_dir=tmp_path / "parts", **CLUSTER)
    notice.write_text(notice.read_text(encoding="utf-8").split("三、加强政策供给")[0], encoding="utf-8")
    ingest_dask([folder], tmp_path / "a" / "p.db", parts_dir=tmp_path / "parts", **CLUSTER)
    # both partitions hold the notice; a fresh database gets the newer one only
    fresh = load_partitions(tmp_path / "parts", tmp_path / "b" / "p.db")
    assert fresh.added == 1 and fresh.changed_ids == [SHENMU]
    assert table_rows(tmp_path / "b" / "p.db") == table_rows(tmp_path / "a" / "p.db")
    assert load_partitions(tmp_path / "parts", tmp_path / "b" / "p.db").unchanged == 1


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_ingest_dask_then_load_elsewhere(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    (folder / "empty.txt").write_bytes(b"")
    monkeypatch.setattr("policydiff.distributed.dask_client.__defaults__", (None, False))  # threads in tests
    result = run("ingest", folder, "--dask", "local", "--workers", "2", "--db", tmp_path / "a" / "p.db")
    assert result.exit_code == 1  # one failed file, reported as a local ingest does
    assert "Error: " in result.output and "empty.txt: empty file" in result.output
    assert "added 5, updated 0, unchanged 0, failed 1" in result.output
    loaded = run("load", tmp_path / "a" / "parts", "--db", tmp_path / "b" / "p.db")
    assert "added 5, updated 0, unchanged 0, failed 1" in loaded.output
    assert table_rows(tmp_path / "b" / "p.db") == table_rows(tmp_path / "a" / "p.db")
    again = run("load", tmp_path / "a" / "parts", "--db", tmp_path / "b" / "p.db")
    assert "added 0, updated 0, unchanged 5" in again.output


def test_load_of_a_folder_without_partitions_is_one_line(tmp_path):
    result = run("load", tmp_path, "--db", tmp_path / "p.db")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("Error: ") and "no partitions" in result.output


def test_missing_dask_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the scale extra were not installed
    result = run("ingest", CORPUS, "--dask", "local", "--db", tmp_path / "p.db")
    assert result.exit_code == 1 and "pip install -e '.[scale]'" in result.output


TIME_LIMIT_CASES = [
    # (seconds the parse runs, --time-limit, fails) — the parse is a Python loop, as a pathological notice's is
    (3.0, 0.3, True),    # past its bound: one line "took longer than 0.3 s", nothing stored, the run goes on
    (0.0, 30.0, False),  # well within its bound: stored as ever
]


@pytest.mark.parametrize("runs, limit, fails", TIME_LIMIT_CASES, ids=["past", "within"])
def test_dask_ingest_bounds_each_file_as_the_pool_does(tmp_path, monkeypatch, runs, limit, fails):
    # a Dask task runs in a worker's thread, which no SIGALRM reaches: the bound must hold there too
    import time

    import policydiff.parse as parse
    from policydiff.ingest import took_too_long

    real = parse.parse_file

    def slow(path, root=None):
        end = time.monotonic() + runs
        while time.monotonic() < end:
            pass
        return real(path, root)

    monkeypatch.setattr(parse, "parse_file", slow)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder)
    report = ingest_dask([folder], tmp_path / "p.db", time_limit=limit, **CLUSTER)
    assert [f.line() for f in report.failures] == (
        [f"{folder / f'{SHENMU}.txt'}: {took_too_long(limit)}"] if fails else [])
    assert report.added == (0 if fails else 1)
