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


def write_docx_xml(path: Path, body: bytes) -> Path:
    """A minimal Word file whose document body is ``body`` (hostile shapes python-docx would expand)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                         b'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")
    return path


def hostile_files(folder: Path) -> dict[str, str]:
    """One file per format that expands far past its size; {file name: what the refusal names}."""
    folder.mkdir(parents=True, exist_ok=True)
    write_docx_xml(folder / "paragraphs.docx", b"<w:p/>" * 60_001)  # 360 kB of XML, 60,001 paragraphs
    write_docx_xml(folder / "bomb.docx", b"<w:p><w:r><w:t>" + b" " * (21 * 2**20) + b"</w:t></w:r></w:p>")
    (folder / "tags.html").write_bytes(b"<html><body>" + b"<i>x" * 300_001 + b"</body></html>")
    return {"paragraphs.docx": "60,001 paragraphs and table cells", "bomb.docx": "uncompressed",
            "tags.html": "tags in the web page"}


TITLE = "关于做好健康帮扶工作的通知\n各县卫生健康局：\n"


def slow_files(folder: Path, size: int = 40_000) -> dict[str, str]:
    """Small text files that once took quadratic time (minutes at 150 KB): runs of whitespace
    before a label or a binding suffix, runs of digits before a unit, thousands of identical
    headings. {file name: the shape}; each should parse in about a second."""
    folder.mkdir(parents=True, exist_ok=True)
    shapes = {
        "tabs-in-a-line.txt": (TITLE + "\t" * size + "x\n", "a run of tabs inside a line (metadata label)"),
        "tabs-after-a-title.txt": ("通知" + "\t" * size, "a title line ending in tabs (title clean-up)"),
        "spaces-before-binding.txt": (TITLE + "1.指标" + " " * size + "约束性x\n", "blanks before 约束性"),
        "wide-spaces.txt": (TITLE + "\u3000" * size + "x\n", "a run of ideographic spaces"),
        "tab-lines.txt": (TITLE + "\t\n" * (size // 2) + "x\n", "lines of one tab (page furniture)"),
        "digits.txt": (TITLE + "1" * size + "x\n", "a run of digits (quantities, ranges)"),
        "headings.txt": (TITLE + "一、总体要求\n" * (size // 20), "thousands of identical headings"),
        # a published rule's note under its title whose blanks run on (the note's pattern between its parts)
        "note-blanks.txt": ("桐溪县村医管理办法\n（2022年6月10日" + "\t" * (size // 2) + "桐卫发" + "\t" * (size // 2) + "\n",
                            "blanks inside a published note under a title"),
        "dotted-lines.txt": (TITLE + "桐溪县卫生健康局\n2021.12.20\n" * (size // 24), "thousands of dotted date lines"),
    }
    for name, (text, _) in shapes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: shape for name, (_, shape) in shapes.items()}


def write_pdf(path: Path, content: bytes, compress: int = 1, streams: int = 1, body: bytes | None = None) -> Path:
    """A one-page PDF whose content is ``content`` (Flate-compressed ``compress`` times over),
    in ``streams`` content streams: the shape of a content-stream bomb. ``body``: the stream
    as stored, already compressed ``compress`` times."""
    import zlib

    if body is None:
        body = content
        for _ in range(compress):
            body = zlib.compress(body, 9)
    filters = "[" + " ".join(["/FlateDecode"] * compress) + "]" if compress else ""
    stream_ids = list(range(5, 5 + streams))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents [" + b" ".join(b"%d 0 R" % i for i in stream_ids) + b"] >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for _ in stream_ids:
        objects.append(b"<< /Length %d /Filter %s >>\nstream\n" % (len(body), filters.encode())
                       + body + b"\nendstream" if compress else
                       b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def text_page(lines: int = 40) -> bytes:
    """The content stream of a page of text: one line a Tj."""
    return b"BT /F1 12 Tf 72 800 Td " + b"".join(b"(Health notice line %d) Tj 0 -14 Td " % i
                                                 for i in range(lines)) + b"ET"


def deflated(unit: bytes, count: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head + unit * count + tail`` Flate-compressed without ever holding it whole."""
    import zlib

    packer = zlib.compressobj(9)
    out = [packer.compress(head)]
    block = unit * max(1, (1 << 20) // len(unit))
    per_block = len(block) // len(unit)
    for _ in range(count // per_block):
        out.append(packer.compress(block))
    out.append(packer.compress(unit * (count % per_block) + tail))
    out.append(packer.flush())
    return b"".join(out)


def pdf_bombs(folder: Path) -> dict[str, str]:
    """The two PDF content-stream bombs of issue 29, full size: {file name: its shape}."""
    folder.mkdir(parents=True, exist_ok=True)
    page = text_page()
    write_pdf(folder / "blank-stream-bomb.pdf", b"", body=deflated(b" ", 2**30, head=page))
    write_pdf(folder / "text-operations-bomb.pdf", b"",
              body=deflated(b"(a)Tj ", 6_000_000, head=b"BT /F1 12 Tf ", tail=b"ET"))
    return {"blank-stream-bomb.pdf": "a Flate stream that expands to 1 GB of blanks",
            "text-operations-bomb.pdf": "six million text operations on one page"}
