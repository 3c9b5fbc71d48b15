"""PDF notices: text lines by layout and ruled tables (pypdfium2; pdfplumber optional, for checking)."""

from __future__ import annotations

import codecs
import ctypes
import logging
import operator

from .. import errors
from ..models import SourceText
from . import limits, pdf_tables
from .lines import Line, drop_running_headers, join_layout_lines, without_page_numbers

log = logging.getLogger(__name__)


def read_pdf(path, engine: str = "auto") -> SourceText:
    """Extract the text layer of a PDF (pypdfium2), tables as tab-separated rows.

    Page-number footers and running headers are dropped. Lines are rejoined into
    paragraphs by layout: a line that starts at the left margin right after a
    line that filled the measure continues it (also across a page break); an
    indented, centred or right-aligned line starts a new paragraph.
    ``page_starts`` gives the offset where each page begins in the returned text.

    ``engine="auto"`` reads everything with pypdfium2 (fast): text lines, and the
    ruled tables from the page's drawn lines (:mod:`policydiff.read.pdf_tables`);
    ``engine="pdfplumber-tables"`` hands pages with ruled lines to pdfplumber's
    table finder; ``engine="pdfplumber"`` uses pdfplumber for every page. Both give the same text.
    """
    limits.check_file_size(path, limits.max_pdf_bytes())
    with open(path, "rb") as fh:
        data = fh.read()  # read once: the guard scans these bytes and pdfium parses them
    _check_pdf_header(path, data[:1024])
    limits.check_pdf(path, data)  # expanded content streams and their text objects, before pdfium parses them
    confidence: dict[int, float] = {}
    if engine == "pdfplumber":
        pages = _pdf_page_lines(path)
    else:
        pages = _pdfium_page_lines(path, confidence, engine, data)
    pages = drop_running_headers(pages)
    text, page_starts = join_layout_lines(pages)
    if not text.strip():
        from . import ocr

        hint = "" if ocr.available() else "; to read scans, install OCR: .venv/bin/pip install -e '.[ocr]'"
        raise errors.NoTextLayerError(path, f"no text layer (scanned?){hint}")
    return SourceText(path=str(path), text=text, page_starts=page_starts, source_format="pdf",
                      ocr=bool(confidence), page_confidence=[confidence.get(i) for i in range(len(pages))])


def _pdf_page_lines(path, page_numbers: list[int] | None = None) -> list[list[Line]]:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError as exc:
        raise errors.UnsupportedFormatError(
            path, "the pdfplumber engine is an extra: .venv/bin/pip install -e '.[pdfplumber]'") from exc

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
                       engine: str = "auto", data: bytes | None = None) -> list[list[Line]]:
    """Lines of every page through pypdfium2's characters; on pages with ruled
    lines, tables come out as tab-separated rows (:mod:`policydiff.read.pdf_tables`, or
    pdfplumber's table finder with ``engine="pdfplumber-tables"``); pages
    with images and no text are recognised by OCR when it is installed (their
    mean confidence goes into ``confidence``). ``data``: the file's bytes, when read
    already (pdfium parses them from memory).

    Pages and text pages are pdfium's raw handles, closed here as soon as a page is read
    (pypdfium2's wrapper objects and their finalizers cost ~0.3 ms a PDF)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if data is None:
        _check_pdf_header(path)
    try:
        document = pdfium.PdfDocument(data if data is not None else str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise errors.EncryptedPdfError(path) from exc
        raise errors.BrokenPdfError(path, f"truncated or damaged PDF ({exc})") from exc
    limits.check_count(path, len(document), limits.max_pages(), "pages")
    pages: list[list[Line]] = []
    table_pages: list[int] = []
    try:
        for index in range(len(document)):
            page = pdfium_c.FPDF_LoadPage(document.raw, index)
            if not page:
                raise pdfium.PdfiumError("Failed to load page.")
            try:
                paths = pdf_tables.page_paths(page)
                if len(paths) >= TABLE_PATHS and engine == "pdfplumber-tables":
                    table_pages.append(index)
                    pages.append([])
                    continue
                lines = _pdfium_lines(page, paths if len(paths) >= TABLE_PATHS else None)
                scanned = not lines and confidence is not None and _has_images(page, pdfium_c)
            finally:
                pdfium_c.FPDF_ClosePage(page)
            if scanned and confidence is not None:
                log.info("%s: OCR page %d/%d", path, index + 1, len(document))
                lines = _ocr_page(document[index], index, confidence)
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


def _pdfium_lines(page, table_paths: list | None = None) -> list[Line]:
    """Text lines of a page (pdfium's raw page handle), positioned by their characters' loose
    (advance) boxes so that a line's extent matches pdfplumber's; with ``table_paths``
    (the page's path objects), its ruled tables as rows.

    pdfium ends each visual line with a generated line break; a line is measured
    by its first and last characters (two box calls instead of one per character)
    unless they disagree on the baseline, when it is split character by character."""
    import pypdfium2.raw as pdfium_c

    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        from pypdfium2 import PdfiumError

        raise PdfiumError("Failed to load text page.")
    try:
        return _textpage_lines(page, textpage, table_paths, pdfium_c)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)


def _textpage_lines(page, textpage, table_paths: list | None, pdfium_c) -> list[Line]:
    height = pdfium_c.FPDF_GetPageHeightF(page)
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count == -1:
        from pypdfium2 import PdfiumError

        raise PdfiumError("Failed to get character count.")
    text = _page_text(textpage, count, pdfium_c)[:count] if count else ""
    rect = pdfium_c.FS_RECTF()  # raw calls: no wrapper object a character box
    raw, pointer, loose_box = textpage, ctypes.byref(rect), pdf_tables.pdfium_calls().loose_box
    lines: list[Line] = []
    add = lines.append
    start = 0
    # the text's runs between line breaks (pdfium ends each visual line with \r\n), each at its offset
    for piece in text.replace("\r", "\n").split("\n"):
        at, start = start, start + len(piece) + 1
        stripped = piece.strip()
        if not stripped:
            continue
        first = at + len(piece) - len(piece.lstrip())
        loose_box(raw, first, pointer)
        left, top_first = rect.left, rect.top
        loose_box(raw, first + len(stripped) - 1, pointer)
        top_last = rect.top
        if abs(top_first - top_last) >= SAME_LINE:
            lines.extend(_split_by_baseline(textpage, height, piece, at))
        else:  # the higher top, as max(top_first, top_last)
            add(Line(stripped, left, rect.right, height - (top_last if top_last > top_first else top_first)))
    if table_paths is not None:
        lines = _with_table_rows(lines, pdf_tables.page_tables(page, textpage, height, text, table_paths))
    lines.sort(key=_TOP)
    return without_page_numbers(lines)


_TOP = operator.attrgetter("top")


def _page_text(textpage, count: int, pdfium_c) -> str:
    """The text of a page's ``count`` characters, as pypdfium2's ``get_text_range(0, count)``
    gives it: characters that have no place in the text (pdfium's -1) at either end are left
    out of the range asked for, and the output is decoded leniently."""
    text_index = pdf_tables.pdfium_calls().text_index
    start, end = 0, count - 1
    while start <= end and text_index(textpage, start) == -1:
        start += 1
    if start > end:
        return ""
    while text_index(textpage, end) == -1:
        end -= 1
    size = text_index(textpage, end) + 2 - text_index(textpage, start)
    # a buffer of a power-of-two length: ctypes makes (and keeps) a new array type for every
    # length asked for, ~24 µs each, and nearly every page asks for a length of its own
    buffer = (ctypes.c_ushort * (1 << max(8, (size - 1).bit_length()) if size > 0 else size))()
    written = pdfium_c.FPDFText_GetText(textpage, start, end - start + 1, buffer)
    return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", errors="ignore")


def _with_table_rows(lines: list[Line], tables) -> list[Line]:
    """Text lines outside the tables, plus one tab-joined line per table row."""
    outside = [ln for ln in lines if not any(t.holds((ln.x0 + ln.x1) / 2, ln.top + 1.0) for t in tables)]
    rows = [Line("\t".join(cells), x0, x1, top, table=True)
            for table in tables for x0, x1, top, cells in table.rows]
    return outside + rows


def _split_by_baseline(textpage, height: float, piece: str, start: int) -> list[Line]:
    """A piece pdfium did not break: split where a character's top moves."""
    lines: list[Line] = []
    current: list = []  # (char, left, right, top)

    def flush():
        if "".join(c for c, *_ in current).strip():
            lines.append(Line("".join(c for c, *_ in current).strip(), min(c[1] for c in current),
                               max(c[2] for c in current), min(c[3] for c in current)))
        current.clear()

    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    for offset, char in enumerate(piece):
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, start + offset, ctypes.byref(rect)):
            from pypdfium2 import PdfiumError

            raise PdfiumError("Failed to get charbox.")
        left, right, top = rect.left, rect.right, rect.top
        if current and abs(current[-1][3] - (height - top)) >= SAME_LINE:
            flush()
        current.append((char, left, right, height - top))
    flush()
    return lines


def _has_images(page, pdfium_c) -> bool:
    """Whether an image is among the page's objects (pdfium's raw page handle) or among those
    of a form drawn on it (one level down)."""
    get_type, image, form = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        kind = get_type(obj)
        if kind == image:
            return True
        if kind == form and any(get_type(pdfium_c.FPDFFormObj_GetObject(obj, inner)) == image
                                for inner in range(pdfium_c.FPDFFormObj_CountObjects(obj))):
            return True
    return False


OCR_SAME_LINE = 6.0  # points; recognised boxes of one line differ more than a text layer's


def _ocr_page(page, index: int, confidence: dict[int, float]) -> list[Line]:
    from . import ocr

    if not ocr.available():
        return []
    lines, mean = ocr.page_lines(page, OCR_SAME_LINE)
    confidence[index] = round(mean, 4)
    return without_page_numbers(lines)


def _check_pdf_header(path, head: bytes | None = None) -> None:
    """An empty file or one without ``%PDF`` in its first kilobyte (``head``, when read already) is refused."""
    if head is None:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    if not head.strip():
        raise errors.EmptyFileError(path)
    if b"%PDF" not in head:
        raise errors.BrokenPdfError(path, "not a PDF (no %PDF header)")


def _page_lines(page) -> list[Line]:
    """Text lines of one page in reading order, ruled tables as tab-joined rows."""
    tables = page.find_tables()
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    # strip=False: with stripping, pdfplumber drops the last glyph of a full CJK line
    lines = [Line(ln["text"].strip(), ln["x0"], ln["x1"], ln["top"])
             for ln in rest.extract_text_lines(strip=False) if ln["text"].strip()]
    for table in tables:
        for row, cells in zip(table.rows, table.extract()):
            joined = "\t".join((cell or "").replace("\n", "") for cell in cells)
            lines.append(Line(joined, row.bbox[0], row.bbox[2], row.bbox[1], table=True))
    lines.sort(key=lambda line: line.top)
    return without_page_numbers(lines)


