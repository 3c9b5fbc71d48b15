"""Plain-text notices: detect the encoding (UTF-8/16, GB18030 …), refuse binary data."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from .. import errors
from ..models import SourceText
from . import limits

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
BOM_ENCODINGS = {b"\xef\xbb\xbf": "utf-8", b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def read_text(path) -> SourceText:
    """Decode a plain-text notice, detecting its encoding (UTF-8/16, GB18030 …)."""
    limits.check_file_size(path)  # before reading: a text this large is not one notice
    data = Path(path).read_bytes()
    if not data.strip():
        raise errors.EmptyFileError(path, "empty file" if not data else "only whitespace")
    text, encoding = decode_bytes(path, data)
    if not text.strip():
        raise errors.EmptyFileError(path, "only whitespace")
    declared = next((name for bom, name in BOM_ENCODINGS.items() if data.startswith(bom)), None)
    return SourceText(path=str(path), text=text, encoding=encoding,
                      warnings=override_warning("the file's byte-order mark", declared, encoding))


# encodings that read the same bytes alike: a page declaring gb2312 read as GB18030 is not overridden
_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
           "utf-8-sig": "utf-8"}


def _family(name: str) -> str:
    try:
        name = codecs.lookup(name).name
    except LookupError:
        name = name.lower()
    return _FAMILY.get(name, name)


def override_warning(declaration: str, declared: str | None, encoding: str) -> list[str]:
    """A warning when bytes that declare one encoding were read in another.

    >>> override_warning("the page's meta charset", "gb2312", "utf-8")
    ["encoding overridden: the page's meta charset declares gb2312, the bytes were read as utf-8"]
    >>> override_warning("the page's meta charset", "gbk", "gb18030")
    []
    """
    if not declared or _family(declared) == _family(encoding):
        return []
    return [f"encoding overridden: {declaration} declares {declared}, the bytes were read as {encoding}"]


def decode_bytes(path, data: bytes) -> tuple[str, str]:
    """Detect the encoding of ``data``; refuse binary content."""
    bom = data.startswith(BOMS)
    if not bom and b"\x00" in data[:4096]:  # binary, or UTF-16 of text with ASCII in it
        found = _utf16_without_bom(data)
        if found is None:
            raise errors.BinaryFileError(path)
        return found
    try:
        return data.decode("utf-8-sig"), "utf_8"
    except UnicodeDecodeError:
        pass
    found = None if bom else _utf16_without_bom(data)  # all-Chinese UTF-16 has no NUL bytes
    if found:
        return found
    # a UTF-8 byte-order mark before bytes that are not UTF-8 (an editor added it) misleads detection
    best = from_bytes(data[3:] if data.startswith(BOMS[0]) else data).best()
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


# What a Chinese notice is made of: CJK ideographs and punctuation, full-width forms, ASCII, line breaks.
_NOTICE_CHARS = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027\x20-\x7e\n\r\t\u00b7\u00d7]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do): it decodes
    cleanly and is almost all notice characters in one byte order only. GB18030 or
    binary data read as UTF-16 gives surrogates, Hangul, Yi and private-use characters."""
    if len(data) % 2 or len(data) < 4:
        return None
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if len(_NOTICE_CHARS.findall(sample)) >= 0.97 * len(sample):
            return text, encoding
    return None
