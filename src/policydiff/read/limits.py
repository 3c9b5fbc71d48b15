"""Size and expansion limits every reader checks before it reads (or expands) a file.

A notice is 3–30k characters; the limits are far above that and stop a hostile or
mistaken file (a 3 GB log, a zip bomb of a Word file, a page of a million nodes)
before it costs gigabytes. ``POLICYDIFF_MAX_BYTES`` (``ingest --max-size``) raises
them all in proportion: the file size (and a Word file's uncompressed size) may be
that many bytes, the paragraphs, web-page nodes and PDF pages scale with it.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

from .. import errors

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ENV = "POLICYDIFF_MAX_BYTES"
# Seconds one file may take to parse in an ingest (``ingest --time-limit``): a notice takes
# well under one; a file that takes a minute is hostile or broken, and is reported as such.
DEFAULT_MAX_SECONDS = 60.0
SECONDS_ENV = "POLICYDIFF_MAX_SECONDS"


def max_bytes() -> int:
    """The byte limit: ``$POLICYDIFF_MAX_BYTES`` or 20 MB."""
    try:
        return max(1, int(os.environ.get(ENV, "")))
    except ValueError:
        return DEFAULT_MAX_BYTES


def max_seconds() -> float:
    """The time limit of one file in an ingest: ``$POLICYDIFF_MAX_SECONDS`` or 60 s."""
    try:
        return max(0.1, float(os.environ.get(SECONDS_ENV, "")))
    except ValueError:
        return DEFAULT_MAX_SECONDS


def _scaled(per_default_limit: int) -> int:
    return max(1, per_default_limit * max_bytes() // DEFAULT_MAX_BYTES)


def max_chars() -> int:
    """Characters of extracted text: 5 million at the default limit (a notice has ~30k)."""
    return _scaled(5_000_000)


def max_paragraphs() -> int:
    """Paragraphs (and table cells) of a Word file: 50,000 at the default (a notice has hundreds)."""
    return _scaled(50_000)


def max_nodes() -> int:
    """Tags of a web page: 300,000 at the default (a government page has a few thousand)."""
    return _scaled(300_000)


def max_pdf_bytes() -> int:
    """PDFs carry fonts and scans: five times the byte limit."""
    return 5 * max_bytes()


def max_pages() -> int:
    return _scaled(2_000)


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def _too_large(path, what: str, limit: str):
    return errors.TooLargeError(path, f"too large for a notice ({what}; limit {limit}; "
                                      f"raise it with ingest --max-size or ${ENV})")


def check_file_size(path, limit: int | None = None) -> int:
    """Refuse a file larger than ``limit`` (default :func:`max_bytes`) before reading it, and
    anything but a regular file (a named pipe blocks its reader, ``/dev/zero`` never ends)."""
    limit = limit or max_bytes()
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise errors.BadFileError(path, not_regular(info.st_mode))
    size = info.st_size
    if size > limit:
        raise _too_large(path, _mb(size), f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} bytes")
    return size


def not_regular(mode: int) -> str:
    """Why a path that is not a regular file is not read.

    >>> not_regular(stat.S_IFIFO)
    'not a regular file (a named pipe); not read'
    """
    kinds = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")]
    kind = next((name for test, name in kinds if test(mode)), "not a file")
    return f"not a regular file ({kind}); not read"


def check_chars(path, text: str) -> None:
    if len(text) > max_chars():
        raise _too_large(path, f"{len(text):,} characters of text", f"{max_chars():,} characters")


def check_count(path, count: int, limit: int, what: str) -> None:
    if count > limit:
        raise _too_large(path, f"{count:,} {what}", f"{limit:,}")


_PARAGRAPH_OR_CELL = re.compile(rb"<w:(?:p|tc)[\s/>]")


def check_docx(path) -> None:
    """A Word file's uncompressed size and paragraph count, from the zip directory and
    a streamed scan of ``word/document.xml`` — before python-docx builds its tree."""
    check_file_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_count(path, len(infos), 10_000, "parts in the Word file")
            unpacked = sum(info.file_size for info in infos)
            if unpacked > max_bytes():
                raise _too_large(path, f"{_mb(unpacked)} uncompressed", f"{max_bytes() // 2**20} MB")
            names = {info.filename for info in infos}
            if "word/document.xml" in names:
                check_count(path, _count_in_member(archive, "word/document.xml", _PARAGRAPH_OR_CELL),
                            max_paragraphs(), "paragraphs and table cells")
    except (zipfile.BadZipFile, EOFError) as exc:
        raise errors.BadFileError(path, f"cannot open Word file (not a zip archive: {exc})") from exc


def _count_in_member(archive: zipfile.ZipFile, name: str, pattern: re.Pattern) -> int:
    """Matches of a short pattern in a zip member, read 1 MB at a time (a match may span chunks)."""
    count, tail = 0, b""
    with archive.open(name) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            count += sum(1 for m in pattern.finditer(data) if m.end() > len(tail))
            tail = data[-5:]
    return count


def check_html(path, data: bytes) -> None:
    """A web page's tags, counted on the bytes before lxml builds a tree of them."""
    check_count(path, data.count(b"<"), max_nodes(), "tags in the web page")
