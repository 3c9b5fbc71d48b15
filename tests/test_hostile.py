"""Hostile input found by a deep probe (issue 29): files that hang a run, PDF content-stream
bombs, formulas and markup from notice text in every output, and the smaller ones."""

import contextlib
import json
import os
import shutil
import signal
import time

import pytest

from badfiles import NOTICE, slow_files
from conftest import CORPUS, SHENMU
from policydiff.ingest import ingest

# ---------------------------------------------------------------- 3. files that hang the run


def test_whitespace_runs_and_repeated_headings_parse_in_linear_time(tmp_path):
    from policydiff.parse import parse_file

    shapes = slow_files(tmp_path)
    for name, shape in shapes.items():  # 40 KB each: quadratic patterns took 10 s to minutes
        started = time.perf_counter()
        with contextlib.suppress(Exception):  # refused or parsed: either way, quickly
            parse_file(tmp_path / name, tmp_path)
        assert time.perf_counter() - started < 15, shape  # (quadratic: minutes; a busy machine: seconds)


@contextlib.contextmanager
def fails_after(seconds: int):
    """Turn a hang into a failure: a run that blocks on a pipe or reads a device for ever is
    interrupted here (the alarm breaks a blocking open or read in this process) instead of
    waiting for CI's time limit."""
    def stop(_signum, _frame):
        raise TimeoutError(f"still running after {seconds} s: the pipe or device was opened and read")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_named_pipe_or_a_device_is_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(folder / "x.txt")  # opening it for reading would block for ever
    with fails_after(60):
        report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.changed_ids == ["ok"]
    assert [(os.path.basename(f.path), f.reason) for f in report.failures] == [
        ("x.txt", "not a regular file (a named pipe); not read")]
    os.symlink("/dev/zero", folder / "zero.txt")  # would be read until memory runs out
    with fails_after(60):
        report = ingest([folder], tmp_path / "p.db", workers=1, follow_links=True)
    reasons = sorted((os.path.basename(f.path), f.reason.split(" (the link")[0]) for f in report.failures)
    assert reasons == [("x.txt", "not a regular file (a named pipe); not read"),
                       ("zero.txt", "not a regular file (a character device); not read")]


def test_a_named_pipe_given_by_name_is_not_read(tmp_path):
    from policydiff.read import read

    os.mkfifo(tmp_path / "x.txt")
    with fails_after(60):
        report = ingest([tmp_path / "x.txt"], tmp_path / "p.db", workers=1)
    assert [f.reason for f in report.failures] == ["not a regular file (a named pipe); not read"]
    with fails_after(60), pytest.raises(Exception, match="not a regular file"):
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
    import policydiff.parse as parse_module  # the ingest imports parse_file when a file needs parsing

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_stuck.txt").write_text(NOTICE, encoding="utf-8")
    for name in ("b.txt", "c.txt"):
        (folder / name).write_text(NOTICE.replace("神木", "府谷" if name == "b.txt" else "榆林"), encoding="utf-8")
    monkeypatch.setattr(parse_module, "parse_file", _slow_parse(parse_module.parse_file, how))
    started = time.monotonic()
    # 6 s: a real notice parses in well under a second, but the limit is wall time and a loaded machine
    # (load 8–13, the parser's first set-up in the worker) has taken over 2 s for one
    report = ingest([folder], tmp_path / "p.db", workers=1, time_limit=6)
    assert time.monotonic() - started < 40
    assert report.changed_ids == ["b", "c"], "\n".join(f.line()[-120:] for f in report.failures)
    assert [(os.path.basename(f.path), f.reason.split(";")[0]) for f in report.failures] == [
        ("a_stuck.txt", "took longer than 6 s to parse")]


def test_the_cli_takes_a_time_limit(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import policydiff.parse as parse_module  # the ingest imports parse_file when a file needs parsing
    from policydiff.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_stuck.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "b.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setattr(parse_module, "parse_file", _slow_parse(parse_module.parse_file, "python"))
    monkeypatch.delenv("POLICYDIFF_MAX_SECONDS", raising=False)
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "p.db"), "--time-limit", "1.5"])
    assert result.exit_code == 1
    assert "a_stuck.txt: took longer than 1.5 s to parse; not stored" in result.output
    assert "added 1" in result.output


# ---------------------------------------------------------------- 4. PDF content-stream bombs


@pytest.mark.parametrize("content, compress, refused", [
    (b" " * (6 * 2**20), 1, "page content streams that expand past the limit"),  # blanks: 6 KB → 6 MB
    (b" " * (6 * 2**20), 2, "page content streams that expand past the limit"),  # Flate twice over: 1 KB
    (b"BT /F1 12 Tf " + b"(a)Tj " * 6_000 + b"ET", 1, "over 5,000 text operations"),  # 6,000 text objects (and the page's 40)
    (b"BT /F1 12 Tf " + b"(a)' " * 6_000 + b"ET", 0, "over 5,000 text operations"),  # stored as is, the ' operator
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


def _one_stream(path, header: bytes, body: bytes):
    """A file holding one stream object as check_pdf scans it (the rest of a PDF is not needed)."""
    path.write_bytes(b"%%PDF-1.4\n1 0 obj\n<< /Length %d " % len(body) + header + b" >>\nstream\n" + body
                     + b"\nendstream\nendobj\n%%EOF\n")
    return path


def _flate(data: bytes, times: int = 1) -> bytes:
    import zlib

    for _ in range(times):
        data = zlib.compress(data, 9)
    return data


@pytest.mark.parametrize("header, body, refused, expanded", [
    # a font 6 KB stored, 6 MB of blanks expanded: 6 KB × 1032 could pass 5 MB, so it is expanded and refused
    (b"/Length1 6291456 /Filter /FlateDecode", _flate(b" " * (6 * 2**20)), "an image or font stream", True),
    # the same font at 4 MB: 4 KB × 1032 cannot reach 5 MB, so it is neither expanded nor refused
    (b"/Length1 4194304 /Filter /FlateDecode", _flate(b" " * (4 * 2**20)), None, False),
    # an image Flate-compressed twice (a few hundred bytes): 1032² per stored byte could pass, expanded, refused
    (b"/Subtype /Image /Filter [/FlateDecode /FlateDecode]", _flate(b" " * (6 * 2**20), 2), "an image or font", True),
    # an image stored as is (no filter), 6 MB: its stored size is its size; refused without expanding anything
    (b"/Subtype /Image", b"\xff" * (6 * 2**20), "an image or font stream", False),
    # a content stream (no font or image key) is always expanded: 4 MB of blanks, under the 5 MB budget
    (b"/Filter /FlateDecode", _flate(b" " * (4 * 2**20)), None, True),
])
def test_a_font_or_image_is_expanded_only_when_its_stored_size_could_pass_the_limit(
        tmp_path, monkeypatch, header, body, refused, expanded):
    from policydiff.read import limits

    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(2**20))  # 5 MB expanded
    calls = []
    original = limits._expand_and_count
    monkeypatch.setattr(limits, "_expand_and_count", lambda *a: calls.append(a[3]) or original(*a))
    path = _one_stream(tmp_path / "one.pdf", header, body)
    with pytest.raises(Exception, match=refused) if refused else contextlib.nullcontext():
        limits.check_pdf(path)
    assert bool([layers for layers in calls if layers]) is expanded


@pytest.mark.parametrize("operators, refused", [
    (200_001, True),  # 200,001 one-byte ' operators stored as is: over the 200,000 limit, though the first
                      # three 64 KB pieces (196,608 bytes) are no longer than the limit and wait to be counted
    (200_000, False),  # exactly the limit: not over it
    (150_000, False),  # shorter than the limit: never counted (no stream this short can pass it)
])
def test_operations_in_the_pieces_before_a_stream_outgrows_the_limit_are_counted(tmp_path, monkeypatch,
                                                                                   operators, refused):
    from policydiff.read import limits

    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(2 * 20 * 2**20))  # 200,000 text operations, 200 MB
    path = _one_stream(tmp_path / "ops.pdf", b"", b"'" * operators)
    with pytest.raises(Exception, match="over 200,000 text operations") if refused else contextlib.nullcontext():
        limits.check_pdf(path)


@pytest.mark.parametrize("body, refused, counted_one_by_one", [
    # 300,000 bytes none of which is T ' " D: no operator can be there; the one-pass bound (0) settles it
    (b"x" * 300_000, False, False),
    # 100,001 Tj: the bound (100,001 T bytes) stays within the limit, so no operator-by-operator count
    (b"Tj " * 100_001, False, False),
    # 250,000 D bytes that are no Do: the bound passes the limit, the exact count (0) clears the stream
    (b"D " * 250_000, False, True),
    # 200,001 Tj: the bound passes the limit and so does the exact count: refused as before the bound
    # (the 600 KB are read in 64 KB pieces; a Tj cut by a piece's boundary counts: 199,998 without it)
    (b"Tj " * 200_001, True, True),
    # exactly 200,000 Tj and ten stray D: the bound passes the limit, the count does not (some Tj cut by pieces)
    (b"Tj " * 200_000 + b"D" * 10, False, True),
])
def test_operations_are_counted_one_by_one_only_when_their_byte_bound_passes_the_limit(
        tmp_path, monkeypatch, body, refused, counted_one_by_one):
    from policydiff.read import limits

    monkeypatch.setenv("POLICYDIFF_MAX_BYTES", str(2 * 20 * 2**20))  # 200,000 text operations, 200 MB
    calls = []
    exact = limits._expand_and_count_exactly
    monkeypatch.setattr(limits, "_expand_and_count_exactly", lambda *a: calls.append(a) or exact(*a))
    path = _one_stream(tmp_path / "ops.pdf", b"", body)
    with pytest.raises(Exception, match="over 200,000 text operations") if refused else contextlib.nullcontext():
        limits.check_pdf(path)
    with pytest.raises(Exception, match="over 200,000 text operations") if refused else contextlib.nullcontext():
        limits.check_pdf(path, path.read_bytes())  # the bytes the PDF reader hands over: the same answer
    assert bool(calls) is counted_one_by_one


@pytest.mark.parametrize("expanded, limit, bound", [
    # a font's glyph map of zeros, 31,072 bytes over the limit: its first 62,144 bytes hold no operator
    # byte, so the bound is the rest's length (68,928), within the limit, and the map is not read to its end
    (b"\0" * 131_072, 100_000, 68_928),
    # the same map with its 12 operator bytes in the prefix: they are added to the rest's length
    (b"D" * 12 + b"\0" * 131_060, 100_000, 68_940),
    # operator bytes all through: the prefix's bound passes the limit, so the exact number is given
    (b"T" * 131_072, 100_000, 131_072),
    # just past the limit, with a few operator bytes near its end: the prefix (2 bytes) leaves the rest
    # (99,999 bytes) as the bound, within the limit
    (b"x" * 99_990 + b"Tj" * 5 + b"x", 100_000, 99_999),
    # twice the limit: the prefix is the whole stream, so its operator bytes are counted exactly
    (b"Tj " * 1_000, 1_500, 1_000),
])
def test_the_operator_bound_of_a_long_stream_is_measured_on_a_prefix_when_that_keeps_within_the_limit(
        expanded, limit, bound):
    from policydiff.read import limits

    exact = len(expanded) - len(expanded.translate(None, b"T'\"D"))
    assert limits._operator_bytes_bound(expanded, limit) == bound
    assert bound >= exact  # never below the exact number: no stream that could pass the limit is let through
    assert bound <= limit or bound == exact  # past the limit only when it is the exact number


@pytest.mark.parametrize("data", [
    b"1 0 obj << /Length 5 >>\nstream\nhello\nendstream",  # the usual shape: >>, a line end, stream, a line end
    b"<< >>stream\r\nx\r\nendstream",  # no blank before the keyword; \r\n after it (both bytes belong to the match)
    b"<< >> \t\x0b\x0c\r\n stream\rx",  # every blank a bytes pattern's \s takes; a bare \r ends the line
    b">>>stream\n",  # three >: the match starts at the second
    b"> >stream\n>>stream",  # a broken >> and a keyword with no line end after it: no match
    b"endstream\n>>\nstream\n>>stream\n",  # endstream is no match; two matches, the second right after the first
    b"stream\n",  # a keyword at the very start, nothing before it
    b"x" * 10 + b">>" + b" " * 5000 + b"stream\n",  # a long run of blanks walked back over once
])
def test_streams_are_found_where_the_stream_pattern_finds_them(data):
    from policydiff.read import limits

    assert list(limits._stream_starts(data)) == [(m.start(), m.end()) for m in limits._STREAM.finditer(data)]


# ---------------------------------------------------------------- 5, 6, 8. notice text in every output

HOSTILE_LINE = ('做好健康帮扶工作 "><img src=x onerror=alert(1)> <!-- [/bold] [link=http://evil.example]点我[/link] '
                '\x1b[31m红\x1b[0m \x0b\x01 。')


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """Two notices that name no place: one in a file whose name holds a formula, one whose
    text holds HTML, rich markup, an escape sequence and control characters."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    (folder / "in" / "x,=1+1,.txt").write_text(
        "关于做好健康帮扶工作的通知\n各有关单位：\n一、总体要求\n坚持问题导向，做好健康帮扶工作。\n二、主要措施\n"
        "（一）加强家庭医生签约服务。由卫生健康部门牵头负责，医保部门配合。\n\n2021年5月1日\n", encoding="utf-8")
    (folder / "in" / "y.txt").write_text(
        f"关于做好健康帮扶工作的通知\n各有关单位：\n一、总体要求\n{HOSTILE_LINE}\n二、主要措施\n"
        "（一）加强大病专项救治[/]<!--<img src=x onerror=alert(1)// \x1b[31m红\x1b[0m。由卫生健康部门[/bold]"
        "[link=http://evil.example]牵头[/link]负责\x0b，\x01医保部门配合。\n\n2021年5月2日\n",
        encoding="utf-8")
    (folder / "in" / "z.txt").write_text(  # a title that opens a comment and a script inside the page's JSON
        "关于<!--<script/做好健康帮扶工作的通知\n各有关单位：\n一、主要措施\n（一）加强家庭医生签约服务。\n\n"
        "2021年5月3日\n", encoding="utf-8")
    db = folder / "p.db"
    report = ingest([folder / "in"], db, workers=1)
    assert report.added == 3
    return db


def _run(*args):
    from click.testing import CliRunner

    from policydiff.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("command", [
    ["diff", "x,=1+1,"],  # the document line of the header names the file
    ["compare", "x,=1+1,", "y"],
    ["compare", "y", "x,=1+1,"],
    ["targets", "--across", "x,=1+1,", "y"],
])
def test_csv_header_lines_hold_no_formula(hostile_db, command):
    result = _run(*command, "--db", hostile_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    headers = [line for line in result.output.lstrip("\ufeff").splitlines() if line.startswith("#")]
    assert headers and any("x," in line for line in headers)
    fields = [field.strip(' "') for line in headers for field in line.split(",")[1:]]
    assert not [f for f in fields if f.startswith(("=", "+", "-", "@"))], headers


def test_markdown_carries_no_raw_html(hostile_db, tmp_path):
    result = _run("show", "y", "--db", hostile_db, "--json")
    assert "<!--<img" in result.output  # the record keeps the text as printed
    for command in (["compare", "x,=1+1,", "y"], ["diff", "y"]):
        out = tmp_path / "x.md"
        result = _run(*command, "--db", hostile_db, "-o", out, "--force")
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "大病专项救治" in text and "<img" not in text and "<!--" not in text


@pytest.mark.parametrize("command", [
    ["who", "大病"],  # a measure with [/] and [/bold]: rich read them as closing tags and crashed
    ["show", "y"],
    ["compare", "x,=1+1,", "y"],  # no locality on either side: the table had a column named None
    ["diff", "y"],
    ["docs"],
])
@pytest.mark.parametrize("width", [80, 200])  # narrow: answers as blocks; wide: tables, the docs id column
def test_terminal_output_shows_notice_text_as_data(hostile_db, command, width, monkeypatch):
    from policydiff import cli

    monkeypatch.setattr(cli.console, "width", width)
    result = _run(*command, "--db", hostile_db)
    assert result.exit_code == 0, (result.output, result.exception)
    assert "\x1b" not in result.output and "\x0b" not in result.output and "\x01" not in result.output
    assert "]8;" not in result.output  # no hidden hyperlink


def test_an_id_with_a_line_break_forges_no_docs_line():
    from rich.console import Console

    from policydiff.cli import _documents_table

    row = {"id": "a\nError: forged", "doc_number": "某卫发〔2021〕1号\x1b]8;;http://evil\x1b\\", "locality": "[/]",
           "admin_level": None, "issue_date": None, "n_measures": 1, "n_targets": 0, "n_citations": 0,
           "title": "[link=http://evil.example]通知[/link]", "ocr": False}  # as a loaded Parquet part may hold
    console = Console(width=200, file=__import__("io").StringIO(), markup=False)
    console.print(_documents_table([row], width=200))
    lines = console.file.getvalue().splitlines()
    assert any("a\\nError: forged" in line for line in lines)
    assert not any(line.lstrip().startswith("Error") for line in lines) and "\x1b" not in console.file.getvalue()


@pytest.mark.parametrize("fmt", ["table", "md", "html", "csv", "xlsx"])
def test_compare_of_notices_with_no_locality(hostile_db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    args = ["-o", out] if fmt in ("html", "xlsx") else ["--format", fmt]
    result = _run("compare", "x,=1+1,", "y", "--db", hostile_db, *args)
    assert result.exit_code == 0, (result.output, result.exception)
    text = result.output if fmt not in ("html", "xlsx") else ""
    assert fmt in ("html", "xlsx") or "None" not in text


def test_control_characters_in_a_measure_go_to_xlsx(hostile_db, tmp_path):
    from openpyxl import load_workbook

    result = _run("diff", "y", "--db", hostile_db, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 0, (result.output, result.exception)
    cells = [c.value for sheet in load_workbook(tmp_path / "x.xlsx") for row in sheet.iter_rows() for c in row]
    assert any("大病专项救治" in str(v) for v in cells)


@pytest.mark.parametrize("kind", ["citation", "responsibility"])
def test_a_title_with_a_comment_and_a_script_does_not_blank_the_graph_page(hostile_db, tmp_path, kind):
    out = tmp_path / f"{kind}.html"
    result = _run("graph", "--db", hostile_db, "--kind", kind, "--format", "html", "-o", out)
    assert result.exit_code == 0, (result.output, result.exception)
    page = out.read_text(encoding="utf-8")
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\\u003c!--\\u003cscript/" in data  # the title, escaped inside the JSON
    assert json.loads(data)["docs"]["z"]["title"].startswith("关于<!--<script/")


# ---------------------------------------------------------------- 7, 8. records and JSON agree


def test_a_stale_json_of_the_same_size_is_restored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder)
    db = tmp_path / "p.db"
    ingest([folder], db, workers=1)
    json_path = tmp_path / f"{SHENMU}.json"
    stored = json_path.read_text(encoding="utf-8")
    number = json.loads(stored)["doc_number"]
    stale = stored.replace(number, number.replace("号", "").replace(number[-2], str((int(number[-2]) + 1) % 10))
                           + "号")  # as another ingest of a colliding id left it: 64号 → 65号, same size
    assert stale != stored and len(stale.encode()) == len(stored.encode())
    json_path.write_text(stale, encoding="utf-8")
    report = ingest([folder], db, workers=1)
    assert report.restored == 1 and json_path.read_text(encoding="utf-8") == stored


def _stale(stored: str) -> str:
    """The record with its 文号's serial moved on by one: 64号 → 65号, the same size."""
    number = json.loads(stored)["doc_number"]
    stale = stored.replace(number, number[:-2] + str((int(number[-2]) + 1) % 10) + "号")
    assert stale != stored and len(stale.encode()) == len(stored.encode())
    return stale


def _shenmu_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder)
    ingest([folder], tmp_path / "p.db", workers=1)
    return folder, tmp_path / f"{SHENMU}.json"


@pytest.mark.parametrize("how", [
    "in place, its modification time set back",  # same size, same inode, an older mtime: the change time differs
    "in place, both times kept",  # same size, same inode, the old mtime restored to the nanosecond (touch -r)
    "replaced, its modification time set back",  # a new inode (written elsewhere, moved in), the old mtime
])
def test_a_same_size_edit_is_restored_whatever_its_times(tmp_path, how):
    folder, json_path = _shenmu_ingested(tmp_path)
    stored = json_path.read_text(encoding="utf-8")
    before = os.stat(json_path)
    time.sleep(0.02)  # past the file system's clock tick
    if how.startswith("in place"):
        with open(json_path, "r+b") as f:  # rewritten where it is: the same inode
            f.write(_stale(stored).encode())
    else:
        other = tmp_path / "elsewhere.json"
        other.write_text(_stale(stored), encoding="utf-8")
        other.replace(json_path)
    earlier = before.st_mtime_ns - (0 if how.endswith("kept") else 10**9)
    os.utime(json_path, ns=(before.st_atime_ns, earlier))
    assert os.stat(json_path).st_size == before.st_size and os.stat(json_path).st_mtime_ns == earlier
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.restored == 1 and json_path.read_text(encoding="utf-8") == stored
    assert ingest([folder], tmp_path / "p.db", workers=1).restored == 0  # and it stays put


def test_an_unchanged_run_reads_no_json_file_and_no_record(tmp_path, monkeypatch):
    from pathlib import Path

    from policydiff import store

    folder, _ = _shenmu_ingested(tmp_path)
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self.name}") if self.suffix == ".json"
                        else real_read(self))
    monkeypatch.setattr(store, "load_record_json", lambda *a: pytest.fail("read a stored record"))
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.unchanged == 1 and report.restored == 0


def test_a_json_not_yet_checked_is_compared_once_then_known_by_its_status(tmp_path, monkeypatch):
    """A database from before the hashes (json_sha256 empty, no file status): each JSON is compared
    with its record once; the next run knows it by its status; a stale one is still restored."""
    import sqlite3

    from policydiff import store

    folder, json_path = _shenmu_ingested(tmp_path)
    conn = sqlite3.connect(tmp_path / "p.db")
    conn.execute("update documents set json_sha256 = null")
    conn.execute("delete from json_files")
    conn.commit()
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.restored == 0
    assert conn.execute("select status from json_files").fetchone()[0].split()[0] == str(json_path.stat().st_size)
    monkeypatch.setattr(store, "load_record_json", lambda *a: pytest.fail("read a stored record"))
    assert ingest([folder], tmp_path / "p.db", workers=1).restored == 0
    monkeypatch.undo()
    stored = json_path.read_text(encoding="utf-8")
    json_path.write_text(_stale(stored), encoding="utf-8")
    assert ingest([folder], tmp_path / "p.db", workers=1).restored == 1
    assert json_path.read_text(encoding="utf-8") == stored


def test_the_migration_hashes_each_stored_record(tmp_path):
    import hashlib
    import sqlite3

    from policydiff import store

    _, json_path = _shenmu_ingested(tmp_path)
    conn = sqlite3.connect(tmp_path / "p.db")
    conn.execute("alter table documents drop column json_sha256")
    conn.commit()
    db = store.open_db(tmp_path / "p.db")
    store._add_json_hashes(db)
    assert db.execute("select json_sha256 from documents").fetchone()[0] == \
        hashlib.sha256(json_path.read_bytes()).hexdigest()


def test_ctrl_c_between_the_json_and_the_commit_leaves_no_json_without_its_row(tmp_path, monkeypatch):
    from policydiff import store

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder)

    def ctrl_c_before_the_commit(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "save_rows", ctrl_c_before_the_commit)
    report = ingest([folder], tmp_path / "p.db", workers=1)
    assert report.interrupted and report.added == 0
    assert not list(tmp_path.glob("*.json")) and not list(tmp_path.glob("*.tmp"))


def test_a_full_disk_leaves_no_temporary_json_and_keeps_the_summary(tmp_path, monkeypatch):
    import errno
    import pathlib
    import sqlite3

    from policydiff import store

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder)
    real_write = {"write_text": pathlib.Path.write_text, "write_bytes": pathlib.Path.write_bytes}

    def filling(how):
        def full(self, data, *args, **kwargs):
            if self.suffix == ".tmp":
                real_write[how](self, data[:10], *args, **kwargs)  # the disk filled up part way through
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write[how](self, data, *args, **kwargs)
        return full

    def index_full(db, at_least=0):
        raise sqlite3.OperationalError("database or disk is full")

    for how in real_write:  # the JSON as text, or as the UTF-8 bytes a worker of the pool sends
        monkeypatch.setattr(pathlib.Path, how, filling(how))
    monkeypatch.setattr(store, "index_pending", index_full)
    report = ingest([folder], tmp_path / "p.db", workers=1)  # returns its report: the summary is printed
    reasons = [f.reason for f in report.failures]
    assert any("No space left on device" in r for r in reasons) and any("disk is full" in r for r in reasons)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.json"))


def test_a_failed_output_leaves_no_partial_file(hostile_db, tmp_path, monkeypatch):
    import errno

    from policydiff.report import export

    def full(rows, out, *args, **kwargs):
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("id,entry")
        raise OSError(errno.ENOSPC, "No space left on device", str(out))

    monkeypatch.setattr(export, "write_csv", full)
    out = tmp_path / "x.csv"
    result = _run("diff", "y", "--db", hostile_db, "-o", out)
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert not out.exists()


def test_a_database_in_a_read_only_folder_can_be_read(tmp_path, monkeypatch):
    from policydiff import cli

    db = tmp_path / "ro" / "p.db"
    ingest([CORPUS / f"{SHENMU}.txt"], db, workers=1)
    before = sorted(p.name for p in db.parent.iterdir())
    real_access = os.access
    # a folder this user cannot write to (root, running the tests, can write anywhere)
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    for command in (["docs"], ["who", "家庭医生"], ["show", SHENMU]):
        result = _run(*command, "--db", db)
        assert result.exit_code == 0, (command, result.output)
    assert sorted(p.name for p in db.parent.iterdir()) == before  # no -shm, no -wal made beside it
    (db.parent / "p.db-wal").write_bytes(b"\0" * 100)  # changes not yet checkpointed into the database
    result = _run("docs", "--db", db)
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "read-only and its last changes are still in p.db-wal" in result.output
