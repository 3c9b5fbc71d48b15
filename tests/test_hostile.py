"""Hostile input found by a deep probe (issue 29): files that hang a run, PDF content-stream
bombs, formulas and markup from notice text in every output, and the smaller ones."""

import os
import shutil
import time

import pytest

from badfiles import NOTICE, slow_files
from conftest import SHENMU
from policydiff.ingest import ingest

# ---------------------------------------------------------------- 3. files that hang the run


def test_whitespace_runs_and_repeated_headings_parse_in_linear_time(tmp_path):
    from policydiff.parse import parse_file

    shapes = slow_files(tmp_path)
    for name, shape in shapes.items():  # 40 KB each: quadratic patterns took 10 s to minutes
        started = time.perf_counter()
        try:
            parse_file(tmp_path / name, tmp_path)
        except Exception:  # refused or parsed: either way, quickly
            pass
        assert time.perf_counter() - started < 15, shape  # (quadratic: minutes; a busy machine: seconds)


def test_a_named_pipe_or_a_device_is_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(folder / "x.txt")  # opening it for reading would block for ever
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.changed_ids == ["ok"]
    assert [(os.path.basename(f.path), f.reason) for f in report.failures] == [
        ("x.txt", "not a regular file (a named pipe); not read")]
    os.symlink("/dev/zero", folder / "zero.txt")  # would be read until memory runs out
    report = ingest([folder], tmp_path / "p.db", workers=1, follow_links=True)
    reasons = sorted((os.path.basename(f.path), f.reason.split(" (the link")[0]) for f in report.failures)
    assert reasons == [("x.txt", "not a regular file (a named pipe); not read"),
                       ("zero.txt", "not a regular file (a character device); not read")]


def test_a_named_pipe_given_by_name_is_not_read(tmp_path):
    from policydiff.read import read

    os.mkfifo(tmp_path / "x.txt")
    report = ingest([tmp_path / "x.txt"], tmp_path / "p.db", workers=1)
    assert [f.reason for f in report.failures] == ["not a regular file (a named pipe); not read"]
    with pytest.raises(Exception, match="not a regular file"):
        read(tmp_path / "x.txt")


def _slow_parse(original, how):
    def parse(file, root=None):
        if "stuck" in str(file):
            if how == "python":
                while True:  # a loop in Python: interrupted at the time limit
                    pass
            import hashlib
            hashlib.pbkdf2_hmac("sha256", b"x", b"y", 10**9)  # C that never returns to Python: killed
        return original(file, root)
    return parse


@pytest.mark.parametrize("how", ["python", "c"])
def test_a_file_that_takes_too_long_is_its_own_failure_and_nothing_after_it_waits(tmp_path, monkeypatch, how):
    import policydiff.ingest as ingest_module

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_stuck.txt").write_text(NOTICE, encoding="utf-8")
    for name in ("b.txt", "c.txt"):
        (folder / name).write_text(NOTICE.replace("神木", "府谷" if name == "b.txt" else "榆林"), encoding="utf-8")
    monkeypatch.setattr(ingest_module, "parse_file", _slow_parse(ingest_module.parse_file, how))
    started = time.monotonic()
    report = ingest([folder], tmp_path / "p.db", workers=1, time_limit=1)
    assert time.monotonic() - started < 30
    assert report.changed_ids == ["b", "c"]
    assert [(os.path.basename(f.path), f.reason.split(";")[0]) for f in report.failures] == [
        ("a_stuck.txt", "took longer than 1 s to parse")]


def test_the_cli_takes_a_time_limit(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import policydiff.ingest as ingest_module
    from policydiff.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_stuck.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "b.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setattr(ingest_module, "parse_file", _slow_parse(ingest_module.parse_file, "python"))
    monkeypatch.delenv("POLICYDIFF_MAX_SECONDS", raising=False)
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "p.db"), "--time-limit", "1.5"])
    assert result.exit_code == 1
    assert "a_stuck.txt: took longer than 1.5 s to parse; not stored" in result.output
    assert "added 1" in result.output


# ---------------------------------------------------------------- 4. PDF content-stream bombs


@pytest.mark.parametrize("content, compress, refused", [
    (b" " * (6 * 2**20), 1, "page content streams that expand past the limit"),  # blanks: 6 KB → 6 MB
    (b" " * (6 * 2**20), 2, "page content streams that expand past the limit"),  # Flate twice over: 1 KB
    (b"BT /F1 12 Tf " + b"(a)Tj " * 6_000 + b"ET", 1, "6,000 text operations"),  # 6,000 text objects
    (b"BT /F1 12 Tf " + b"(a)' " * 6_000 + b"ET", 0, "6,000 text operations"),  # stored as is, the ' operator
])
def test_a_pdf_content_stream_bomb_is_refused_before_pdfium_parses_it(tmp_path, monkeypatch, content, compress,
                                                                       refused):
    from badfiles import text_page, write_pdf
    from policydiff.read import read

    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(2**20))  # limits scaled down: 5 MB expanded, 5,000 operations
    with pytest.raises(Exception, match=refused):
        read(write_pdf(tmp_path / "bomb.pdf", text_page() + content, compress=compress))
    assert "Health notice line 39" in read(write_pdf(tmp_path / "ok.pdf", text_page(), compress=compress)).text


def test_content_split_over_streams_counts_as_one_budget(tmp_path, monkeypatch):
    from badfiles import write_pdf
    from policydiff.read import read

    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(2**20))
    with pytest.raises(Exception, match="page content streams that expand past the limit"):
        read(write_pdf(tmp_path / "bomb.pdf", b" " * (2 * 2**20), streams=3))  # 3 × 2 MB
