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

from conftest import ALL_IDS, CORPUS, SHENMU
from policydiff.cli import cli
from policydiff.ingest import ingest


def test_a_50_mb_text_is_refused_in_one_line(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write(("神木市卫生健康局。" * 1000 + "\n").encode() * 1900)  # ~50 MB
    shutil.copy(CORPUS / f"{SHENMU}.txt", tmp_path / "ok.txt")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "p.db"), "--workers", "1"])
    assert result.exit_code == 1
    assert "Error: " in result.output and "big.txt: too large for a notice (48.9 MB; limit 20 MB)" in result.output
    assert "added 1" in result.output


def test_a_directory_symlink_loop_is_not_followed(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder / "sub" / "a.txt")
    os.symlink(folder, folder / "sub" / "loop")
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.added == 1 and report.changed_ids == ["a"] and not report.failures


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
    for i in range(120):  # enough files that the kill lands mid-run
        source = CORPUS / f"{ALL_IDS[i % 5]}.txt"
        (folder / f"n{i:03d}.txt").write_text(source.read_text(encoding="utf-8") + f"\n（{i}）", encoding="utf-8")
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
    assert 10 <= len(docs) < 120
    for doc_id, n_measures, n_targets in docs:  # every stored document is complete
        assert conn.execute("select count(*) from measures where doc_id = ?", [doc_id]).fetchone()[0] == n_measures
        assert conn.execute("select count(*) from targets where doc_id = ?", [doc_id]).fetchone()[0] == n_targets
    report = ingest([folder], db, workers=1)
    assert report.unchanged == len(docs) and report.added == 120 - len(docs)
