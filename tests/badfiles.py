"""Makers of hostile and broken input files, shared by the reader and CLI tests."""

from pathlib import Path

from conftest import CORPUS, SHENMU

NOTICE = (CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")


def make_bad_files(folder: Path, pdf_source: Path | None = None) -> dict[str, str]:
    """Write one file per kind of bad input; return {file name: expected reason}."""
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    expected = {}

    def write(name, data, reason):
        (folder / name).write_bytes(data)
        expected[name] = reason

    write("empty.txt", b"", "empty file")
    write("blank.txt", b"  \n\n \t\n", "only whitespace")
    write("noise.txt", bytes(range(256)) * 40, "binary content, not text")
    write("photo.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200, "not a PDF (no %PDF header)")
    write("notes.xyz", "随便写点什么".encode(), "unsupported file type '.xyz'")
    write("menu.html", "<html><body><ul class='nav'><li>首页</li><li>政务公开</li></ul></body></html>".encode(),
          "no article text in the web page")
    if pdf_source is not None:
        data = pdf_source.read_bytes()
        write("truncated.pdf", data[: len(data) // 3], "truncated or damaged PDF")
    scanned = FPDF()
    scanned.add_page()
    scanned.set_fill_color(20, 20, 20)
    scanned.rect(20, 20, 150, 200, style="F")  # a page with marks but no text layer
    write("scanned.pdf", bytes(scanned.output()), "no text layer (scanned?)")
    locked = FPDF()
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.cell(0, 10, "secret")
    locked.set_encryption(owner_password="owner", user_password="user")
    write("locked.pdf", bytes(locked.output()), "encrypted PDF")
    return expected
