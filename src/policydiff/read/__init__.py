"""Stage 1, read: turn a file (text, PDF, Word, web page) into a :class:`~policydiff.models.SourceText`.

Readers are the only stage that opens notice files; there is one module per format
(:mod:`.text`, :mod:`.pdf` with :mod:`.pdf_tables` and :mod:`.ocr`, :mod:`.docx`,
:mod:`.html`) and positioned PDF/OCR lines share :class:`.lines.Line`. Each reader
raises a :class:`~policydiff.errors.BadFileError` subclass naming the file and the reason.
A new format is a new module here plus its suffixes in :data:`READERS`.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import errors
from ..models import SourceText
from .docx import OLE_SIGNATURE, read_docx
from .html import read_html
from .limits import check_chars
from .pdf import read_pdf
from .text import decode_bytes, read_text


def read_by_content(path) -> SourceText:
    """A .doc or .wps file read by what its bytes are: a Word package (.docx saved under the old name) or a web page
    (Word's 另存为网页 kept as .doc), said in the record's warnings; the old binary format itself is refused with how
    to convert it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "n.doc"
    >>> _ = p.write_bytes(OLE_SIGNATURE + bytes(504))
    >>> try:
    ...     read_by_content(p)
    ... except errors.UnsupportedFormatError as exc:
    ...     print(exc.detail[:25])
    a Word 97–2003 .doc file:
    """
    suffix = Path(path).suffix.lower()
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"PK\x03\x04"):
        source = read_docx(path)
        kind = "a Word .docx package"
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" and re.search(rb"(?i)<html|<!doctype html|<body|<p[ >]", head):
        source = read_html(path)
        kind = "a web page (HTML)"
    elif head.startswith(OLE_SIGNATURE[:4]) or not head:
        raise errors.UnsupportedFormatError(path, unsupported_reason(suffix))
    else:
        raise errors.UnsupportedFormatError(path, f"a {suffix} file that is neither a Word 97–2003 file, a .docx "
                                                  "package nor a web page: open it in Word or WPS, save it as .docx "
                                                  "and ingest that")
    source.warnings.insert(0, f"read as {kind}: the file is one under a {suffix} name")
    return source


READERS = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html, ".htm": read_html, ".shtml": read_html, ".shtm": read_html, ".xhtml": read_html,
    ".doc": read_by_content, ".wps": read_by_content,
}
SUPPORTED_SUFFIXES = set(READERS)

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "decode_bytes", "read", "read_docx", "read_html", "read_pdf",
           "read_text", "unsupported_reason"]


# formats no reader takes, with what to do instead
CONVERT = {
    ".doc": "a Word 97–2003 .doc file: save it as .docx (Word or LibreOffice: Save As → .docx) and ingest that",
    ".wps": "a WPS Writer file: save it as .docx (WPS: 另存为 → .docx) and ingest that",
    ".ofd": "an OFD file (版式文件, the fixed-layout format of official documents): not read; export it to PDF "
            "(an OFD reader: 另存为/导出 → PDF) and ingest that",
    ".et": "a WPS spreadsheet: spreadsheets are not read as notices; print it to PDF (or paste its table into the "
           "notice's .docx) and ingest that",
    ".xls": "a spreadsheet: spreadsheets are not read as notices; print it to PDF (or paste its table into the "
            "notice's .docx) and ingest that",
    ".xlsx": "a spreadsheet: spreadsheets are not read as notices; print it to PDF (or paste its table into the "
             "notice's .docx) and ingest that",
    ".mht": "a web archive: open it in a browser, save it as a web page (.html) and ingest that",
    ".mhtml": "a web archive: open it in a browser, save it as a web page (.html) and ingest that",
    ".zip": "an archive: unpack it and ingest the folder",
    ".rar": "an archive: unpack it and ingest the folder",
    ".7z": "an archive: unpack it and ingest the folder",
}


def unsupported_reason(suffix: str) -> str:
    """Why a file of this suffix is refused, and how to make it readable where there is a way.

    >>> unsupported_reason(".doc")[:25]
    'a Word 97–2003 .doc file:'
    """
    return CONVERT.get(suffix.lower(), f"unsupported file type '{suffix}'")


def read(path) -> SourceText:
    """Read one notice file, choosing the reader by its suffix.

    >>> read("corpus/000_43efd9dc9d6528e3.txt").encoding
    'utf_8'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise errors.UnsupportedFormatError(path, unsupported_reason(suffix or path.name))
    source = reader(path)
    check_chars(path, source.text)  # what a reader expanded, before later stages multiply it
    return source
