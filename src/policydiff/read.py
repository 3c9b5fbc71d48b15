"""Readers: turn a file (text, PDF, Word, HTML) into a :class:`SourceText`.

Readers are the only stage that opens notice files. Each raises a
:class:`~policydiff.errors.BadFileError` subclass naming the file and the reason.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from charset_normalizer import from_bytes

from . import errors, pdftables
from . import patterns as P
from .models import SourceText

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES

PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# A notice is 3–30k characters; a text file this large is not one notice (and would
# cost gigabytes in the character-level offset map).
MAX_TEXT_BYTES = 20 * 1024 * 1024


def read(path) -> SourceText:
    """Read one notice file, choosing the reader by its suffix.

    >>> read("corpus/000_43efd9dc9d6528e3.txt").encoding
    'utf_8'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(path)
    if suffix in PDF_SUFFIXES:
        return read_pdf(path)
    if suffix in DOCX_SUFFIXES:
        return read_docx(path)
    if suffix in HTML_SUFFIXES:
        return read_html(path)
    raise errors.UnsupportedFormatError(path, f"unsupported file type '{suffix or path.name}'")


def read_text(path) -> SourceText:
    """Decode a plain-text notice, detecting its encoding (UTF-8/16, GB18030 …)."""
    size = Path(path).stat().st_size
    if size > MAX_TEXT_BYTES:
        raise errors.TooLargeError(path, f"too large for a notice ({size / 2**20:.1f} MB; limit "
                                         f"{MAX_TEXT_BYTES // 2**20} MB)")
    data = Path(path).read_bytes()
    if not data.strip():
        raise errors.EmptyFileError(path, "empty file" if not data else "only whitespace")
    text, encoding = decode_bytes(path, data)
    if not text.strip():
        raise errors.EmptyFileError(path, "only whitespace")
    return SourceText(path=str(path), text=text, encoding=encoding)


def decode_bytes(path, data: bytes) -> tuple[str, str]:
    """Detect the encoding of ``data``; refuse binary content."""
    if not data.startswith(BOMS) and b"\x00" in data[:4096]:
        raise errors.BinaryFileError(path)
    try:
        return data.decode("utf-8-sig"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise errors.EncodingError(path)
    text = str(best)
    if _looks_binary(text):
        raise errors.BinaryFileError(path)
    return text, best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.02


def read_pdf(path, engine: str = "auto") -> SourceText:
    """Extract the text layer of a PDF with pdfplumber, tables as tab-separated rows.

    Page-number footers and running headers are dropped. Lines are rejoined into
    paragraphs by layout: a line that starts at the left margin right after a
    line that filled the measure continues it (also across a page break); an
    indented, centred or right-aligned line starts a new paragraph.
    ``page_starts`` gives the offset where each page begins in the returned text.

    ``engine="auto"`` reads everything with pypdfium2 (fast): text lines, and the
    ruled tables from the page's drawn lines (:mod:`policydiff.pdftables`);
    ``engine="pdfplumber-tables"`` hands pages with ruled lines to pdfplumber's
    table finder; ``engine="pdfplumber"`` uses pdfplumber for every page. Both give the same text.
    """
    confidence: dict[int, float] = {}
    if engine == "pdfplumber":
        pages = _pdf_page_lines(path)
    else:
        pages = _pdfium_page_lines(path, confidence, engine)
    pages = _drop_running_headers(pages)
    text, page_starts = _join_layout_lines(pages)
    if not text.strip():
        from . import ocr

        hint = "" if ocr.available() else "; to read scans, install OCR: pip install -e '.[ocr]'"
        raise errors.NoTextLayerError(path, f"no text layer (scanned?){hint}")
    return SourceText(path=str(path), text=text, page_starts=page_starts, source_format="pdf",
                      ocr=bool(confidence), page_confidence=[confidence.get(i) for i in range(len(pages))])


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    table: bool = False


def _pdf_page_lines(path, page_numbers: list[int] | None = None) -> list[list[_Line]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    _check_pdf_header(path)
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages if page_numbers is None else [pdf.pages[i] for i in page_numbers]
            return [_page_lines(page) for page in pages]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise errors.EncryptedPdfError(path) from exc
    except errors.BadFileError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        causes = [exc, *getattr(exc, "args", ())]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) \
                or "password" in repr(causes).lower():
            raise errors.EncryptedPdfError(path) from exc
        raise errors.BrokenPdfError(path, f"truncated or damaged PDF ({type(exc).__name__})") from exc


def _pdfium_page_lines(path, confidence: dict[int, float] | None = None,
                       engine: str = "auto") -> list[list[_Line]]:
    """Lines of every page through pypdfium2's characters; on pages with ruled
    lines, tables come out as tab-separated rows (:mod:`policydiff.pdftables`, or
    pdfplumber's table finder with ``engine="pdfplumber-tables"``); pages
    with images and no text are recognised by OCR when it is installed (their
    mean confidence goes into ``confidence``)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    _check_pdf_header(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise errors.EncryptedPdfError(path) from exc
        raise errors.BrokenPdfError(path, f"truncated or damaged PDF ({exc})") from exc
    pages, table_pages = [], []
    try:
        for index, page in enumerate(document):
            paths = sum(1 for _ in pdftables.page_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH))
            if paths >= TABLE_PATHS and engine == "pdfplumber-tables":
                table_pages.append(index)
                pages.append([])
                continue
            lines = _pdfium_lines(page, with_tables=paths >= TABLE_PATHS)
            if not lines and confidence is not None and _has_images(page, pdfium_c):
                log.info("%s: OCR page %d/%d", path, index + 1, len(document))
                lines = _ocr_page(page, index, confidence)
            pages.append(lines)
    finally:
        document.close()
    if table_pages:
        plumber_pages = _pdf_page_lines(path, table_pages)
        for index, lines in zip(table_pages, plumber_pages):
            pages[index] = lines
    return pages


TABLE_PATHS = 4  # a page with this many drawn paths probably holds a ruled table
SAME_LINE = 3.0  # points: text rectangles whose tops differ by less are one line


def _pdfium_lines(page, with_tables: bool = False) -> list[_Line]:
    """Text lines of a page from pypdfium2, positioned by their characters' loose
    (advance) boxes so that a line's extent matches pdfplumber's.

    pdfium ends each visual line with a generated line break; a line is measured
    by its first and last characters (two box calls instead of one per character)
    unless they disagree on the baseline, when it is split character by character."""
    textpage = page.get_textpage()
    height = page.get_height()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)[:count] if count else ""
    box = pdftables.loose_boxes(textpage)
    lines: list[_Line] = []
    for m in _TEXT_LINE.finditer(text):
        piece = m.group(0)
        stripped = piece.strip()
        if not stripped:
            continue
        first = m.start() + piece.index(stripped[0])
        last = first + len(stripped) - 1
        (left, top_first, _, _), (_, top_last, right, _) = box(first), box(last)
        if abs(top_first - top_last) >= SAME_LINE:
            lines.extend(_split_by_baseline(textpage, height, piece, m.start()))
        else:
            lines.append(_Line(stripped, left, right, height - max(top_first, top_last)))
    if with_tables:
        lines = _with_table_rows(lines, pdftables.page_tables(page, textpage))
    textpage.close()
    lines.sort(key=lambda line: line.top)
    return [line for line in lines if not PAGE_NUMBER_LINE.match(line.text)]


_TEXT_LINE = re.compile(r"[^\r\n]+")


def _with_table_rows(lines: list[_Line], tables) -> list[_Line]:
    """Text lines outside the tables, plus one tab-joined line per table row."""
    outside = [ln for ln in lines if not any(t.holds((ln.x0 + ln.x1) / 2, ln.top + 1.0) for t in tables)]
    rows = [_Line("\t".join(cells), x0, x1, top, table=True)
            for table in tables for x0, x1, top, cells in table.rows]
    return outside + rows


def _split_by_baseline(textpage, height: float, piece: str, start: int) -> list[_Line]:
    """A piece pdfium did not break: split where a character's top moves."""
    lines: list[_Line] = []
    current: list = []  # (char, left, right, top)

    def flush():
        if "".join(c for c, *_ in current).strip():
            lines.append(_Line("".join(c for c, *_ in current).strip(), min(c[1] for c in current),
                               max(c[2] for c in current), min(c[3] for c in current)))
        current.clear()

    for offset, char in enumerate(piece):
        left, _bottom, right, top = textpage.get_charbox(start + offset, loose=True)
        if current and abs(current[-1][3] - (height - top)) >= SAME_LINE:
            flush()
        current.append((char, left, right, height - top))
    flush()
    return lines


def _has_images(page, pdfium_c) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


OCR_SAME_LINE = 6.0  # points; recognised boxes of one line differ more than a text layer's


def _ocr_page(page, index: int, confidence: dict[int, float]) -> list[_Line]:
    from . import ocr

    if not ocr.available():
        return []
    lines, mean = ocr.page_lines(page, _Line, OCR_SAME_LINE)
    confidence[index] = round(mean, 4)
    return [line for line in lines if not PAGE_NUMBER_LINE.match(line.text)]


def _check_pdf_header(path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head.strip():
        raise errors.EmptyFileError(path)
    if b"%PDF" not in head:
        raise errors.BrokenPdfError(path, "not a PDF (no %PDF header)")


def _page_lines(page) -> list[_Line]:
    """Text lines of one page in reading order, ruled tables as tab-joined rows."""
    tables = page.find_tables()
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    # strip=False: with stripping, pdfplumber drops the last glyph of a full CJK line
    lines = [_Line(ln["text"].strip(), ln["x0"], ln["x1"], ln["top"])
             for ln in rest.extract_text_lines(strip=False) if ln["text"].strip()]
    for table in tables:
        for row, cells in zip(table.rows, table.extract()):
            joined = "\t".join((cell or "").replace("\n", "") for cell in cells)
            lines.append(_Line(joined, row.bbox[0], row.bbox[2], row.bbox[1], table=True))
    lines.sort(key=lambda line: line.top)
    return [line for line in lines if not PAGE_NUMBER_LINE.match(line.text)]


def _join_layout_lines(pages: list[list[_Line]]) -> tuple[str, list[int]]:
    body = [ln for page in pages for ln in page if not ln.table and len(ln.text) > 8]
    if not body:
        return "\n".join(ln.text for page in pages for ln in page), [0] * len(pages)
    left = min(ln.x0 for ln in body)
    right = max(ln.x1 for ln in body)
    char = median((ln.x1 - ln.x0) / max(len(ln.text), 1) for ln in body)
    parts: list[str] = []
    page_starts: list[int] = []
    offset, prev = 0, None
    for page in pages:
        page_starts.append(offset)
        for line in page:
            continues = prev is not None and _continues(prev, line, left, right, char)
            piece = line.text if continues or prev is None else "\n" + line.text
            parts.append(piece)
            offset += len(piece)
            prev = line
    return "".join(parts) + "\n", page_starts


def _continues(prev: _Line, line: _Line, left: float, right: float, char: float) -> bool:
    """Whether ``line`` wraps on from ``prev``: a full line followed by a line at the
    left margin, or a full-width centred line followed by a centred line (a title)."""
    if prev.table or line.table or prev.x1 < right - 1.0 * char:
        return False
    if prev.x0 <= left + 2.5 * char and line.x0 <= left + 0.5 * char:
        return True
    centred = abs((line.x0 - left) - (right - line.x1)) < 0.8 * char and line.x0 > left + 2.5 * char
    return prev.x0 <= left + 0.5 * char and centred


def _drop_running_headers(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove a first line repeated on most pages (a running header)."""
    if len(pages) < 3:
        return pages
    firsts = Counter(lines[0].text.strip() for lines in pages[1:] if lines)
    header, count = firsts.most_common(1)[0] if firsts else ("", 0)
    if not header or count < (len(pages) - 1) * 0.6:
        return pages
    return [pages[0]] + [lines[1:] if lines and lines[0].text.strip() == header else lines
                         for lines in pages[1:]]


def read_docx(path) -> SourceText:
    """Read a Word notice: paragraphs in order, tables as tab-separated rows."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise errors.UnsupportedFormatError(path, "python-docx is not installed") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise errors.BadFileError(path, f"cannot open Word file ({type(exc).__name__})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.replace("\n", "") for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise errors.EmptyFileError(path)
    return SourceText(path=str(path), text=text, source_format="docx")


# Lines of a government web page around the notice, not part of it.
PAGE_CHROME = re.compile(r"^\s*(?:当前位置|您的位置|发布时间|发布日期|来源[:：]|浏览次数|访问次数|字号|【?字体|打印本页|"
                         r"关闭窗口|分享到|扫一扫|责任编辑|【打印】|【关闭】)")
SITE_NAME = re.compile(r"^.{0,20}(?:门户网站|政府网|网站)$")  # a site's header, e.g. 卫生健康委员会门户网站
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def read_html(path) -> SourceText:
    """Read a notice published as a web page.

    The article is the element whose own paragraphs hold the most text (on
    government sites the ``#zoom``/``TRS_Editor`` container); navigation, header,
    footer and scripts are dropped first. Its paragraphs come out one per line and
    its tables as tab-separated rows, as for PDF and Word, and the page's own lines
    (当前位置, 发布时间 …) are dropped. (trafilatura was tried: it drops repeated short
    paragraphs such as a second ``约束性`` cell, which a notice cannot lose.)"""
    import lxml.html

    data = Path(path).read_bytes()
    if not data.strip():
        raise errors.EmptyFileError(path)
    text, encoding = _decode_html(path, data)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a declaration in a decoded string
    try:
        page = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml refuses documents with nothing to parse
        raise errors.BadFileError(path, f"cannot parse the web page ({type(exc).__name__})") from exc
    labelled_number = _labelled_doc_number(page)
    _drop_page_chrome(page)
    article = _article(page)
    lines = [] if article is None else [  # tabs kept: a row's empty first cell marks a continued row
        line.strip(" \u3000\u00a0\r") for line in _block_lines(article)
        if line.strip() and not PAGE_CHROME.match(line) and not SITE_NAME.match(line.strip())]
    if not lines:
        raise errors.EmptyFileError(path, "no article text in the web page")
    if labelled_number and not any(P.DOC_NUMBER.search(line) for line in lines[:12]):
        lines.insert(0, labelled_number)  # the page's 发文字号 field, where the article does not print it
    return SourceText(path=str(path), text="\n".join(lines), encoding=encoding, source_format="html")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHROME_TAGS = ("script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "form", "button")
_CHROME_NAME = re.compile(r"nav|menu|crumb|footer|bottom|header|share|tools?$|toolbar|copyright|sidebar",
                          re.IGNORECASE)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "section", "article",
           "blockquote", "pre", "center"}


_LABELLED_NUMBER = re.compile(r"(?:发文字号|文\s*号)\s*[：:]?\s*")


def _labelled_doc_number(page) -> str | None:
    """The 文号 of a page's information table (发文字号：神卫健发〔2021〕64号), if it has one."""
    text = page.text_content()
    for label in _LABELLED_NUMBER.finditer(text):
        number = P.DOC_NUMBER.match(text, label.end())
        if number:
            return number.group(0).strip()
    return None


def _drop_page_chrome(page) -> None:
    for element in list(page.iter(*_CHROME_TAGS)):
        element.drop_tree()
    for element in list(page.iter()):
        name = f"{element.get('class', '')} {element.get('id', '')}"
        if element.getparent() is not None and _CHROME_NAME.search(name) and element.tag != "body":
            element.drop_tree()


def _article(page):
    """The element whose direct paragraphs (and tables) hold the most text."""
    best, best_score = None, 0
    for element in page.iter("div", "td", "article", "section", "body", "center"):
        score = sum(len(child.text_content().strip()) for child in element
                    if child.tag in ("p", "table", "h1", "h2", "h3", "h4", "pre") or
                    (child.tag in ("div", "span", "font") and not any(c.tag in _BLOCKS for c in child)))
        if score > best_score:
            best, best_score = element, score
    return best


def _block_lines(element) -> list[str]:
    """Text of ``element`` line by line: a line per block element and ``<br>``,
    a tab-joined line per table row."""
    lines, current = [], []

    def flush():
        lines.append("".join(current))
        current.clear()

    def walk(node):
        if node.tag == "table":
            flush()
            for row in node.iter("tr"):
                lines.append("\t".join(cell.text_content().replace("\n", "").strip()
                                        for cell in row if cell.tag in ("td", "th")))
            return
        block = node.tag in _BLOCKS
        if block:
            flush()
        if node.tag == "br":
            flush()
        if node.text and isinstance(node.tag, str):
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return [" ".join(line.split("\n")) for line in lines]


def _decode_html(path, data: bytes) -> tuple[str, str]:
    """The page's declared charset (gb2312 pages are read as GB18030, its superset),
    else detection as for text files."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode_bytes(path, data)

