"""Stage 1, read: turn a file (text, PDF, Word, web page) into a :class:`~policydiff.models.SourceText`.

Readers are the only stage that opens notice files; there is one module per format
(:mod:`.text`, :mod:`.pdf` with :mod:`.pdf_tables` and :mod:`.ocr`, :mod:`.docx`,
:mod:`.html`) and positioned PDF/OCR lines share :class:`.lines.Line`. Each reader
raises a :class:`~policydiff.errors.BadFileError` subclass naming the file and the reason.
A new format is a new module here plus its suffixes in :data:`READERS`.
"""

from __future__ import annotations

from pathlib import Path

from .. import errors
from ..models import SourceText
from .docx import read_docx
from .html import read_html
from .limits import check_chars
from .pdf import read_pdf
from .text import decode_bytes, read_text

READERS = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html, ".htm": read_html,
}
SUPPORTED_SUFFIXES = set(READERS)

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "decode_bytes", "read", "read_docx", "read_html", "read_pdf",
           "read_text", "unsupported_reason"]


# formats no reader takes, with what to do instead
CONVERT = {
    ".doc": "a Word 97–2003 .doc file: save it as .docx (Word or LibreOffice: Save As → .docx) and ingest that",
    ".wps": "a WPS Writer file: save it as .docx (WPS: 另存为 → .docx) and ingest that",
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
