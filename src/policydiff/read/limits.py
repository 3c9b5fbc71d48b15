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
import zlib
from collections.abc import Iterator
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


def max_text_objects() -> int:
    """Text-showing and form-drawing operations of one PDF content stream: 100,000 at the
    default (a dense page has a few thousand; pdfium spends ~0.5 KB on each)."""
    return _scaled(100_000)


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


# A PDF's streams as they sit in the file: the dictionary before ``stream`` and the data after it
# (``_stream_starts`` finds what this pattern's finditer finds, without trying it at every byte).
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_BLANKS = frozenset(b" \t\n\r\x0b\x0c")  # what \s matches in a bytes pattern
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTER_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_FONT_OR_IMAGE = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)\b")
# operators that make pdfium build an object: Tj TJ ' " (text) and Do (an image or a form);
# counted as byte strings (an upper bound: a literal string may hold them too)
_TEXT_OPERATORS = (b"Tj", b"TJ", b"'", b'"', b"Do")
_ONE_BYTE_OPERATORS = tuple(op for op in _TEXT_OPERATORS if len(op) == 1)
_TWO_BYTE_OPERATORS = tuple(op for op in _TEXT_OPERATORS if len(op) == 2)


# Flate's densest output: a 258-byte match in two bits (zlib's documented bound, 1032:1)
FLATE_MAX_RATIO = 1032


def check_pdf(path, data: bytes | None = None) -> None:
    """A PDF's content streams, expanded a megabyte at a time and counted, before pdfium
    parses a page: their expanded size (a 1 MB Flate stream can hold 1 GB of blanks) and the
    text objects each would make (a 350 kB file can hold six million). Images and fonts are
    measured only by their own expanded size, and expanded only when their stored size times
    Flate's densest ratio (once per layer) could pass the limit. ``data``: the file's bytes
    when the caller has read them (the PDF reader hands the same bytes to pdfium)."""
    if data is not None:
        return _check_pdf_data(path, data)
    import mmap

    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        _check_pdf_data(path, mapped)


def _check_pdf_data(path, data) -> None:
    content_bytes = 0
    size_limit, operation_limit = max_pdf_bytes(), max_text_objects()  # read once: each reads the environment
    for start, data_start in _stream_starts(data):
        header = data[max(0, start - 2048):start]
        header = header[header.rfind(b"obj") + 1:] if b"obj" in header else header
        end = data.find(b"endstream", data_start)
        content = not _FONT_OR_IMAGE.search(header)
        stop, layers = end if end >= 0 else len(data), _flate_layers(header)
        if not content and (stop - data_start + 1) * FLATE_MAX_RATIO ** layers <= size_limit:
            continue  # a font or image too short to expand past the limit: not expanded to learn it
        size, operations = _expand_and_count(data, data_start, stop, layers, content, size_limit, operation_limit)
        if not content:
            if size > size_limit:
                raise _too_large(path, "an image or font stream that expands past the limit",
                                 f"{_mb(size_limit)} expanded")
            continue
        content_bytes += size
        if content_bytes > size_limit:
            raise _too_large(path, "page content streams that expand past the limit",
                             f"{_mb(size_limit)} expanded")
        if operations > operation_limit:  # counting stopped there: the stream holds at least this many
            raise _too_large(path, f"over {operation_limit:,} text operations in one page content stream",
                             f"{operation_limit:,}")


def _stream_starts(data) -> Iterator[tuple[int, int]]:
    """(start, end) of every match of ``_STREAM`` in ``data``, in order, as its ``finditer``
    gives them: each ``stream`` keyword found by ``find`` (a fast scan), then the line end after
    it and the ``>>`` before the blanks before it checked. A match's ``>>`` is the one just
    before the blanks that precede its ``stream`` (``>>`` holds no blank), and no match can
    start inside another, so the matches are the pattern's."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        line_end = 2 if data[after:after + 2] == b"\r\n" else 1 if data[after:after + 1] in (b"\n", b"\r") else 0
        if line_end:
            blank = at
            while blank and data[blank - 1] in _BLANKS:
                blank -= 1
            if blank >= 2 and data[blank - 2:blank] == b">>":
                yield blank - 2, after + line_end
                after += line_end
        at = data.find(b"stream", after)


def _flate_layers(header: bytes) -> int:
    """How many Flate layers to undo (0: read as stored; other filters are measured as stored)."""
    m = _FILTERS.search(header)
    if not m:
        return 0
    names = _FILTER_NAME.findall(m.group(1))
    return len(names) if names and all(n in (b"FlateDecode", b"Fl") for n in names) else 0


def _expand_and_count(data, start: int, end: int, layers: int, count: bool,
                      size_limit: int, operation_limit: int) -> tuple[int, int]:
    """Expanded size of ``data[start:end]`` (``layers`` of Flate undone, a megabyte at a time,
    nothing kept but what waits to be counted) and, with ``count``, whether its text objects can
    pass the operation limit.

    Every counted operator (``Tj TJ ' " Do``) holds one of the bytes ``T ' " D`` at a place of
    its own, so the number of those bytes bounds the operations from above, and so does the
    stream's length: while the stream is no longer than the limit nothing is counted (its
    pieces wait, at most the limit's bytes); once it is longer, the waiting bytes are measured
    (:func:`_operator_bytes_bound`) and every later piece by one pass deleting those bytes
    (``bytes.translate``). While the bound stays within the limit the stream cannot pass it and
    the count returned is 0 (the caller reads it so: not past the limit); once it does, the
    stream is expanded again and its operators counted one by one
    (:func:`_expand_and_count_exactly`), so a refusal is the same as counting from the start."""
    pieces = _expanded(data, start, end, layers)
    size = bound = 0
    waiting: list[bytes] | None = []  # pieces not measured yet (None once the stream outgrew the limit)
    try:
        for piece in pieces:
            size += len(piece)
            if count:
                if waiting is None:
                    bound += len(piece) - len(piece.translate(None, _OPERATOR_BYTES))
                else:
                    waiting.append(piece)
                    if size > operation_limit:
                        bound, waiting = _operator_bytes_bound(b"".join(waiting), operation_limit), None
                if bound > operation_limit:
                    return _expand_and_count_exactly(data, start, end, layers, size_limit, operation_limit)
            if size > size_limit:
                break
    except zlib.error:
        pass  # a damaged stream: pdfium reads what it can, and that much is counted
    return size, 0


def _operator_bytes_bound(expanded: bytes, limit: int) -> int:
    """A bound on the operator bytes (``T ' " D``) of ``expanded`` (longer than ``limit``): those
    of a prefix twice as long as the excess plus the length of the rest, when that keeps within
    the limit (the prefix then has room for them); otherwise their exact number. Either is no
    lower than the exact number, and the exact number is returned whenever the bound passes the
    limit (a 128 KB font map of zeros, 31 KB over the limit, is measured by its first 62 KB)."""
    prefix = expanded[:2 * (len(expanded) - limit)]
    if len(prefix) < len(expanded):
        bound = len(prefix) - len(prefix.translate(None, _OPERATOR_BYTES)) + len(expanded) - len(prefix)
        if bound <= limit:
            return bound
    return len(expanded) - len(expanded.translate(None, _OPERATOR_BYTES))


_OPERATOR_BYTES = b"T'\"D"  # one of them in each operator of _TEXT_OPERATORS


def _expanded(data, start: int, end: int, layers: int) -> Iterator[bytes]:
    pieces: Iterator[bytes] = (data[i:min(i + (1 << 16), end)] for i in range(start, end, 1 << 16))
    for _ in range(layers):
        pieces = _inflate(zlib.decompressobj(), pieces)
    return pieces


def _expand_and_count_exactly(data, start: int, end: int, layers: int,
                              size_limit: int, operation_limit: int) -> tuple[int, int]:
    """Expanded size of ``data[start:end]`` and its text objects, counted operator by operator;
    stops once past the limits.

    Each counted operator holds at least one byte of its own, so a stream no longer than the
    operation limit cannot pass it: its pieces are counted only once the stream grows past
    that length (the pieces before are kept until then: at most the limit's bytes). Below it
    the count returned is 0, which the caller reads the same way (not past the limit).
    A two-byte operator cut by a piece boundary is counted: the last byte counted before is
    put in front of the next pieces for those (it cannot end one and start another)."""
    size = operations = 0
    uncounted: list[bytes] = []
    tail = b""
    try:
        for piece in _expanded(data, start, end, layers):
            size += len(piece)
            uncounted.append(piece)
            if size > operation_limit:
                joined = b"".join(uncounted)
                operations += (sum(joined.count(operator) for operator in _ONE_BYTE_OPERATORS)
                               + sum((tail + joined).count(operator) for operator in _TWO_BYTE_OPERATORS))
                tail = joined[-1:]
                uncounted.clear()
            if size > size_limit or operations > operation_limit:
                break
    except zlib.error:
        pass
    return size, operations


def _inflate(decoder, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Expand ``pieces`` through ``decoder``, a megabyte of output at a time."""
    for piece in pieces:
        while piece:
            out = decoder.decompress(piece, 1 << 20)
            piece = decoder.unconsumed_tail
            if out:
                yield out
            if decoder.eof:
                return


def check_html(path, data: bytes) -> None:
    """A web page's tags, counted on the bytes before lxml builds a tree of them."""
    check_count(path, data.count(b"<"), max_nodes(), "tags in the web page")
