"""Positioned lines (from a PDF text layer or OCR) and their join into paragraphs by layout."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)


@dataclass
class Line:
    """One line of a page: its text and where it sits (PDF points, top from the page top).
    A table row is one line with its cells joined by tabs (``table=True``)."""

    text: str
    x0: float
    x1: float
    top: float
    table: bool = False


def without_page_numbers(lines: list[Line]) -> list[Line]:
    """Drop page-number footers (``— 3 —``, ``第3页``, ``3/12``)."""
    return [line for line in lines if not PAGE_NUMBER_LINE.match(line.text)]


def join_layout_lines(pages: list[list[Line]]) -> tuple[str, list[int]]:
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


def _continues(prev: Line, line: Line, left: float, right: float, char: float) -> bool:
    """Whether ``line`` wraps on from ``prev``: a full line followed by a line at the
    left margin, or a full-width centred line followed by a centred line (a title)."""
    if prev.table or line.table or prev.x1 < right - 1.0 * char:
        return False
    if prev.x0 <= left + 2.5 * char and line.x0 <= left + 0.5 * char:
        return True
    centred = abs((line.x0 - left) - (right - line.x1)) < 0.8 * char and line.x0 > left + 2.5 * char
    return prev.x0 <= left + 0.5 * char and centred


def drop_running_headers(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove a first line repeated on most pages (a running header)."""
    if len(pages) < 3:
        return pages
    firsts = Counter(lines[0].text.strip() for lines in pages[1:] if lines)
    header, count = firsts.most_common(1)[0] if firsts else ("", 0)
    if not header or count < (len(pages) - 1) * 0.6:
        return pages
    return [pages[0]] + [lines[1:] if lines and lines[0].text.strip() == header else lines
                         for lines in pages[1:]]

