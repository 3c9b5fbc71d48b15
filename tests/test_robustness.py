"""Robustness: huge files, symlink loops, hostile strings everywhere, and a kill -9
in the middle of an ingest."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import ALL_IDS, CORPUS, HUAINAN, SHENMU
from policydiff.cli import cli
from policydiff.ingest import ingest


def test_a_50_mb_text_is_refused_in_one_line(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write(("神木市卫生健康局。" * 1000 + "\n").encode() * 1900)  # ~50 MB
    shutil.copy(CORPUS / f"{SHENMU}.txt", tmp_path / "ok.txt")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "p.db"), "--workers", "1"])
    assert result.exit_code == 1
    assert "Error: " in result.output and "big.txt: too large for a notice (48.9 MB; limit 20 MB; raise it with ingest --max-size" in result.output
    assert "added 1" in result.output


def test_a_directory_symlink_loop_is_not_followed(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder / "sub" / "a.txt")
    os.symlink(folder, folder / "sub" / "loop")
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.added == 1 and report.changed_ids == ["sub__a"] and not report.failures


@pytest.mark.parametrize("ref", ['"', "' or 1=1 --", "神木\x00", "x" * 10_000, "%", "_"])
def test_show_and_duties_with_hostile_strings(tmp_path_factory, ref):
    db = tmp_path_factory.getbasetemp() / "hostile.db"
    if not db.exists():
        CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(db), "--workers", "1"])
    for command in (["show", ref], ["duties", ref], ["diff", ref], ["matrix", ref]):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert ("Traceback" not in result.output and result.exception is None) or isinstance(result.exception, SystemExit)


def test_kill_9_mid_ingest_leaves_only_complete_documents(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):  # enough files that the kill lands mid-run, even on a fast machine
        source = CORPUS / f"{ALL_IDS[i % 5]}.txt"
        (folder / f"n{i:04d}.txt").write_text(source.read_text(encoding="utf-8") + f"\n（{i}）", encoding="utf-8")
    db = tmp_path / "p.db"
    proc = subprocess.Popen([sys.executable, "-m", "policydiff.cli", "ingest", str(folder), "--db", str(db),
                             "--workers", "1", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    for _ in range(600):
        time.sleep(0.05)
        try:
            stored = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 10:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = conn.execute("select id, n_measures, n_targets from documents").fetchall()
    assert 10 <= len(docs) < 400
    for doc_id, n_measures, n_targets in docs:  # every stored document is complete
        assert conn.execute("select count(*) from measures where doc_id = ?", [doc_id]).fetchone()[0] == n_measures
        assert conn.execute("select count(*) from targets where doc_id = ?", [doc_id]).fetchone()[0] == n_targets
    report = ingest([folder], db, workers=1)
    assert report.unchanged == len(docs) and report.added == 400 - len(docs)


# ------------------------------------------------------------------ issue 17

from badfiles import NOTICE, hostile_files  # noqa: E402
from policydiff import store  # noqa: E402
from policydiff.read import read  # noqa: E402


def test_every_reader_refuses_what_expands_past_its_limit_before_expanding_it(tmp_path):
    for name, reason in hostile_files(tmp_path).items():
        with pytest.raises(Exception, match="too large for a notice") as caught:
            read(tmp_path / name)
        assert reason in str(caught.value), name


def test_a_text_past_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text(NOTICE * 2, encoding="utf-8")
    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(len(NOTICE.encode())))  # the limit the user sets
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read before the size check"))
    with pytest.raises(Exception, match=r"too large for a notice .*raise it with ingest --max-size"):
        read(big)


def test_max_size_raises_the_limits(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(20 * 2**20))  # restored after the test (--max-size sets it)
    hostile_files(tmp_path / "in")
    (tmp_path / "in" / "bomb.docx").unlink()
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "p.db"),
                                      "--workers", "1", "--max-size", "200"])
    assert result.exit_code == 1 and "too large" not in result.output  # 200 MB: 500,000 paragraphs, 3,000,000 tags
    assert "paragraphs.docx: empty file" in result.output  # read, and found empty


def _killing_parse(original):
    def parse(file, root=None):
        if "killer" in str(file):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does to a worker out of memory
        return original(file, root)
    return parse


def test_a_worker_killed_is_the_failure_of_its_file_and_the_run_goes_on(tmp_path, monkeypatch):
    import policydiff.parse as parse_module  # ingest's workers import parse_file from it when they start parsing

    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id in ALL_IDS:
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
    (folder / "003_killer.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setattr(parse_module, "parse_file", _killing_parse(parse_module.parse_file))
    report = ingest([folder], tmp_path / "p.db", workers=2)
    assert sorted(report.changed_ids) == sorted(ALL_IDS)
    assert [(os.path.basename(f.path), "died" in f.reason) for f in report.failures] == [("003_killer.txt", True)]


def test_spreadsheet_cells_are_text_not_formulas(tmp_path):
    from openpyxl import load_workbook

    from policydiff.report.export import write_csv, write_xlsx

    rows = [{"target": "=1所", "plus": "+86", "minus": "-2+3", "at": "@SUM(A1)", "tab": "\t=x", "count": 3,
             "plain": "神木市"}]
    write_csv(rows, tmp_path / "x.csv")
    lines = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == "'=1所,'+86,'-2+3,'@SUM(A1),'\t=x,3,神木市"
    write_xlsx({"s": rows}, tmp_path / "x.xlsx")
    cells = {c.value: c.data_type for c in load_workbook(tmp_path / "x.xlsx")["s"][2]}
    assert cells == {"=1所": "s", "+86": "s", "-2+3": "s", "@SUM(A1)": "s", "\t=x": "s", 3: "n", "神木市": "s"}


def test_diff_huainan_to_xlsx_writes_its_targets_as_text(tmp_path):
    from openpyxl import load_workbook

    db = tmp_path / "p.db"
    ingest([CORPUS], db, workers=1)
    result = CliRunner().invoke(cli, ["diff", "淮南", "--db", str(db), "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 0, result.output
    cells = [c for sheet in load_workbook(tmp_path / "x.xlsx") for row in sheet.iter_rows() for c in row]
    starting = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert starting and all(c.data_type == "s" for c in starting)  # 淮南's target =1所 among them


def test_a_stored_notice_always_has_its_json_and_a_missing_or_stale_one_is_restored(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id in ALL_IDS:
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
    db = tmp_path / "p.db"
    calls = []
    real_save = store.save_rows

    def save_then_ctrl_c(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # between the JSON and the commit
        return real_save(*args, **kwargs)

    monkeypatch.setattr(store, "save_rows", save_then_ctrl_c)
    report = ingest([folder], db, workers=1)
    assert report.interrupted and report.added == 2
    monkeypatch.setattr(store, "save_rows", real_save)
    conn = sqlite3.connect(db)
    for doc_id, record in conn.execute("select id, record from documents"):
        assert (tmp_path / f"{doc_id}.json").read_text(encoding="utf-8") == record
    (tmp_path / f"{ALL_IDS[0]}.json").unlink()  # lost by hand
    (tmp_path / f"{ALL_IDS[1]}.json").write_text("{}", encoding="utf-8")  # stale
    report = ingest([folder], db, workers=1)
    assert report.restored == 2 and report.added == 3
    for doc_id, record in sqlite3.connect(db).execute("select id, record from documents"):
        assert (tmp_path / f"{doc_id}.json").read_text(encoding="utf-8") == record


def _many_notices(folder, count):
    folder.mkdir()
    for i in range(count):
        source = CORPUS / f"{ALL_IDS[i % 5]}.txt"
        (folder / f"n{i:04d}.txt").write_text(source.read_text(encoding="utf-8") + f"\n（{i}）", encoding="utf-8")


def _wait_for_documents(db, count):
    for _ in range(1200):
        time.sleep(0.05)
        try:
            if sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0] >= count:
                return
        except sqlite3.Error:
            continue


def test_ctrl_c_ends_with_one_line_saying_what_was_stored(tmp_path):
    _many_notices(tmp_path / "in", 1000)  # a run long enough to be stopped half way on a fast machine
    db = tmp_path / "out" / "p.db"
    # a test run started in the background (nohup, `cmd &`) ignores SIGINT, and so would the ingest it starts:
    # give the ingest the disposition a terminal gives it
    proc = subprocess.Popen([sys.executable, "-m", "policydiff.cli", "ingest", str(tmp_path / "in"), "--db", str(db),
                             "--workers", "2", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_for_documents(db, 5)
    proc.send_signal(signal.SIGINT)
    try:
        _out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"ingest did not stop after Ctrl-C; it printed: {proc.communicate()[1][-2000:]}")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and len([line for line in err.splitlines() if line.strip()]) == 1
    assert err.startswith("Interrupted: stored ")
    for doc_id, record in sqlite3.connect(db).execute("select id, record from documents"):
        assert (db.parent / f"{doc_id}.json").read_text(encoding="utf-8") == record


def _children(pid):
    result = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in result.stdout.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_killed_parent(tmp_path):
    _many_notices(tmp_path / "in", 1000)  # a run long enough to be stopped half way on a fast machine
    db = tmp_path / "p.db"
    proc = subprocess.Popen([sys.executable, "-m", "policydiff.cli", "ingest", str(tmp_path / "in"), "--db", str(db),
                             "--workers", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_documents(db, 3)
    workers = _children(proc.pid)
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    for _ in range(100):
        if not any(os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert not any(os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid) for pid in workers)


def _state(pid):
    try:
        return open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def _open_new(path):
    store.open_db(path).close()


def test_processes_creating_the_schema_at_once_all_succeed(tmp_path):
    import multiprocessing

    for round_ in range(6):
        path = tmp_path / f"p{round_}.db"
        with multiprocessing.get_context("fork").Pool(4) as pool:
            pool.map(_open_new, [path] * 4)
        names = {r[0] for r in sqlite3.connect(path).execute("select name from sqlite_master")}
        assert set(store.SCHEMA_TABLES) <= names


def test_a_half_built_schema_is_repaired(tmp_path):
    path = tmp_path / "p.db"
    store.open_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute("drop table search_pending")  # what a crash of an older policydiff left
    conn.commit()
    conn.close()
    db = store.open_db(path)
    assert "search_pending" in db.table_names()


def test_the_same_file_name_in_two_folders_gives_two_stable_documents(tmp_path):
    folder = tmp_path / "site"
    for sub, doc_id in (("a", ALL_IDS[0]), ("b", ALL_IDS[3]), ("2021/5", ALL_IDS[1])):
        (folder / sub).mkdir(parents=True)
        shutil.copy(CORPUS / f"{doc_id}.txt", folder / sub / "notice.txt")
    db = tmp_path / "p.db"
    report = ingest([folder], db, workers=1)
    assert sorted(report.changed_ids) == ["2021__5__notice", "a__notice", "b__notice"]
    report = ingest([folder], db, workers=1)
    assert report.unchanged == 3 and not report.added
    assert sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0] == 3


def test_a_file_symlink_loop_is_a_failed_file_and_links_out_are_followed_on_request(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder / "a.txt")
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(CORPUS / f"{ALL_IDS[1]}.txt", outside)
    os.symlink(outside, folder / "out.txt")
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.changed_ids == ["a"]
    assert [(os.path.basename(f.path), f.reason) for f in report.failures] == [("loop.txt", "symbolic link loop")]
    assert [os.path.basename(link) for link, _ in report.skipped_links] == ["out.txt"]
    report = ingest([folder], tmp_path / "p.db", workers=1, follow_links=True)
    assert report.changed_ids == ["out"]


def test_canonical_unit_names_do_not_depend_on_ingest_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    huainan = (CORPUS / f"{HUAINAN}.txt").read_text(encoding="utf-8")
    (folder / "new.txt").write_text(huainan, encoding="utf-8")
    # the same body under its name before the 2018 reform, in an older notice
    (folder / "old.txt").write_text(huainan.replace("淮南市卫生健康委员会", "淮南市卫生和计划生育委员会")
                                    .replace("2022", "2017"), encoding="utf-8")

    def units_after(order, name):
        db = tmp_path / name / "p.db"
        for file in order:
            ingest([folder / file], db, workers=1)
        ingest([folder / order[0]], db, workers=1, force=True)  # --force on one file
        return (sorted(sqlite3.connect(db).execute("select * from units")),
                dict(sqlite3.connect(db).execute("select doc_id, name from unit_aliases where raw like '淮南市卫生%'")))

    forward, backward = units_after(["old.txt", "new.txt"], "forward"), units_after(["new.txt", "old.txt"], "backward")
    assert forward == backward
    assert forward[1] == {"new": "淮南市卫生健康委员会", "old": "淮南市卫生和计划生育委员会"}  # each notice's own name


def test_a_schema_7_database_is_migrated_in_place_not_emptied(tmp_path):
    db = tmp_path / "p.db"
    ingest([CORPUS / f"{SHENMU}.txt", CORPUS / f"{HUAINAN}.txt"], db, workers=1)
    conn = sqlite3.connect(db)
    named = sorted(conn.execute("select id, name, named_by from units"))
    conn.execute("alter table units drop column named_by")  # what schema 7 had
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    store.open_db(db).close()  # a read command: no ingest, nothing emptied
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("select count(*) from documents").fetchone()[0] == 2
    assert sorted(conn.execute("select id, name, named_by from units")) == named
    assert all(row[2] for row in named)


def test_output_never_replaces_the_database_or_another_kind_of_file(tmp_path):
    db = tmp_path / "p.db"
    ingest([CORPUS / f"{SHENMU}.txt"], db, workers=1)
    size = db.stat().st_size
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    for target, force in ((db, True), (notes, False)):
        result = CliRunner().invoke(cli, ["render", "神木", "--db", str(db), "-o", str(target)]
                                    + (["--force"] if force else []))
        assert result.exit_code == 1 and result.output.startswith("Error: ") and "Traceback" not in result.output
    assert db.stat().st_size == size and notes.read_text(encoding="utf-8") == "mine"
    result = CliRunner().invoke(cli, ["render", "神木", "--db", str(db), "-o", str(notes), "--force"])
    assert result.exit_code == 0 and "<html" in notes.read_text(encoding="utf-8").lower()
    result = CliRunner().invoke(cli, ["matrix", "神木", "--db", str(db), "-o", str(tmp_path / "new" / "m.csv")])
    assert result.exit_code == 0 and (tmp_path / "new" / "m.csv").exists()


def test_failures_are_one_error_line(tmp_path):
    empty = tmp_path / "empty.db"
    store.open_db(empty).close()
    result = CliRunner().invoke(cli, ["docs", "--db", str(empty)])
    assert result.exit_code == 0 and "no documents" in result.output
    result = CliRunner().invoke(cli, ["matrix", "--across", "--db", str(empty), "--frame", str(tmp_path / "no.json")])
    assert result.exit_code in (1, 2) and result.output.startswith("Error: ") and len(result.output.splitlines()) == 1
    old = tmp_path / "old.db"
    ingest([CORPUS / f"{SHENMU}.txt"], old, workers=1)
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    result = CliRunner().invoke(cli, ["docs", "--db", str(old)])
    assert result.exit_code == 1 and "older policydiff" in result.output
    assert conn.execute("select count(*) from documents").fetchone()[0] == 1  # not emptied


def test_utf16_without_a_bom_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(NOTICE.encode(encoding))
        assert read(path).text == NOTICE.replace("\r\n", "\n") or read(path).text.startswith(NOTICE[:50])


def test_a_nul_in_an_argument_is_refused(tmp_path):
    for command in (["who", "医保\x00"], ["duties", "\x00"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "p.db")])
        assert result.exit_code == 2 and "NUL" in result.output


def test_control_characters_in_file_names_cannot_forge_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nError: forged.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "p.db"), "--workers", "1"])
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "x\\nError: forged.txt: empty file" in errors[0]


def test_canned_queries_treat_percent_and_underscore_literally(tmp_path):
    # the browser's canned queries call these (the Datasette plugin), as the command line does
    from policydiff.report.web import duties_rows, who_rows

    db_path = tmp_path / "p.db"
    ingest([CORPUS], db_path, workers=1)
    db = store.open_db(db_path)
    for wildcard in ("医%保", "医_", "卫生%委"):  # as wildcards each would match many rows
        assert who_rows(db, wildcard) == []
        assert duties_rows(db, wildcard) == []
    assert who_rows(db, "医保")


def test_serve_leaves_no_temporary_file(tmp_path, monkeypatch):
    import tempfile

    db = tmp_path / "p.db"
    store.open_db(db).close()
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))

    class Server:  # Datasette, ended at once
        def __init__(self, command):
            self.command = command

        def wait(self):
            return 0

        def terminate(self):
            pass

    monkeypatch.setattr(subprocess, "Popen", Server)
    monkeypatch.setattr(os, "execv", lambda *args: sys.exit(0))  # were the server to replace this process
    monkeypatch.setattr("importlib.util.find_spec", lambda name: True)
    CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert list(spool.iterdir()) == []
