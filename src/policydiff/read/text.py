"""Plain-text notices: detect the encoding (UTF-8/16, GB18030 …), refuse binary data."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from .. import errors
from ..models import SourceText

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# A notice is 3–30k characters; a text file this large is not one notice (and would
# cost gigabytes in the character-level offset map).
MAX_TEXT_BYTES = 20 * 1024 * 1024


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
