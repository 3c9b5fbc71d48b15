"""Word notices (.docx): paragraphs in order, tables as tab-separated rows."""

from __future__ import annotations

from .. import errors
from ..models import SourceText
from . import limits


def read_docx(path) -> SourceText:
    """Read a Word notice: paragraphs in order, tables as tab-separated rows."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise errors.UnsupportedFormatError(path, "python-docx is not installed") from exc
    limits.check_docx(path)  # uncompressed size and paragraphs, before python-docx expands them
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

