"""Ruled tables of a PDF page, read with pypdfium2 from the page's drawn lines.

pdfplumber's table finder gives the same rows on the notices' annex tables but
costs ~70 ms a page (pdfminer parses the whole page and its CJK fonts); this
reads the ruling lines from the path objects, builds the grid and puts every
character into the cell that holds its centre, in ~1.5 ms. Cells merged across
columns or rows come out as pdfplumber writes them: the text in the first
(top-left) position, empty strings in the positions it covers.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace

SNAP = 3.0  # points: edges this close are one ruling line (stroke widths, double borders)
MIN_EDGE = 8.0  # points: shorter strokes are not table rules
WORD_GAP = 3.0  # points: a wider gap between two characters of a cell line is a space


@dataclass
class Edge:
    at: float  # y of a horizontal edge, x of a vertical one (top-down page coordinates)
    start: float
    end: float


@dataclass
class Table:
    rows: list[tuple[float, float, float, list[str]]]  # (x0, x1, top, cell texts) per row
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom

    def holds(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 <= x <= x1 and top <= y <= bottom


def page_tables(page, textpage, height: float, text: str, paths: list | None = None) -> list[Table]:
    """The ruled tables of ``page`` (pdfium's raw page and text page handles; the page's
    ``height`` and the text of its characters), each with its rows' cell texts;
    ``paths``: the page's path objects when the caller has them (:func:`page_paths`)."""
    grids = list(_grids(*_edges(height, page_paths(page) if paths is None else paths)))
    chars = _chars(textpage, height, text) if grids else []
    return [_read_grid(*grid, chars) for grid in grids]


# ------------------------------------------------------------------ pdfium calls


class _Handle(ctypes.c_void_p):
    """A pdfium handle an untyped call returns (a plain ``c_void_p`` result would become an int)."""


@functools.cache
def pdfium_calls() -> SimpleNamespace:
    """pdfium's functions that are called once a character, page object or path segment,
    without pypdfium2's declared argument types: ctypes then passes the handles, pointers and
    ints as they are instead of converting each through its declared type (~0.4 µs a call
    instead of ~1.1). Only functions whose arguments are all handles, pointers or ints (a float
    passed without its type would be wrong).

    They are also called without releasing Python's lock around each call (ctypes'
    ``PYFUNCTYPE``, as ``ctypes.pythonapi`` calls are): these return in a microsecond and touch
    nothing of Python's, and letting the lock go and taking it back was ~12% of a call's
    instructions. The calls that take long (a page's loading) keep pypdfium2's own."""
    import pypdfium2.raw as pdfium_c

    def untyped(function, restype=ctypes.c_int):
        try:
            return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
        except (TypeError, ValueError, AttributeError, ctypes.ArgumentError):  # not a ctypes function (other
            return function  # bindings in a later pypdfium2): its own typed call, slower but the same answers

    return SimpleNamespace(
        loose_box=untyped(pdfium_c.FPDFText_GetLooseCharBox),  # (text page, index, FS_RECTF*) -> bool
        text_index=untyped(pdfium_c.FPDFText_GetTextIndexFromCharIndex),  # (text page, index) -> index
        get_object=untyped(pdfium_c.FPDFPage_GetObject, _Handle),  # (page, index) -> object
        object_type=untyped(pdfium_c.FPDFPageObj_GetType),  # (object) -> type
        get_matrix=untyped(pdfium_c.FPDFPageObj_GetMatrix),  # (object, FS_MATRIX*) -> bool
        count_segments=untyped(pdfium_c.FPDFPath_CountSegments),  # (path) -> count
        get_segment=untyped(pdfium_c.FPDFPath_GetPathSegment, _Handle),  # (path, index) -> segment
        segment_point=untyped(pdfium_c.FPDFPathSegment_GetPoint),  # (segment, float*, float*) -> bool
        segment_type=untyped(pdfium_c.FPDFPathSegment_GetType),  # (segment) -> type
        segment_close=untyped(pdfium_c.FPDFPathSegment_GetClose),  # (segment) -> bool
    )


# ------------------------------------------------------------------ edges


def page_paths(page) -> list:
    """Handles of the page's top-level path objects (``page``: pdfium's raw page handle), in
    one pass over its objects."""
    import pypdfium2.raw as pdfium_c

    calls, kind = pdfium_calls(), pdfium_c.FPDF_PAGEOBJ_PATH
    get_object, get_type = calls.get_object, calls.object_type
    paths = []
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = get_object(page, index)
        if get_type(obj) == kind:
            paths.append(obj)
    return paths


def _edges(height: float, paths: list) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical straight segments of the page's top-level path
    objects ``paths`` (a nested object's matrix is relative to its form)."""
    import pypdfium2.raw as pdfium_c

    calls = pdfium_calls()
    horizontal, vertical = [], []
    matrix = pdfium_c.FS_MATRIX()
    matrix_out = ctypes.byref(matrix)
    for obj in paths:
        calls.get_matrix(obj, matrix_out)
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points = [(a * x + c * y + e, height - (b * x + d * y + f), move)
                  for x, y, move in _path_points(obj, calls, pdfium_c.FPDF_SEGMENT_MOVETO)]
        for (ax, ay, _), (bx, by, move) in itertools.pairwise(points):
            if move:
                continue  # a new subpath starts: no segment between the two points
            if abs(ay - by) < 0.5 and abs(ax - bx) >= MIN_EDGE:
                horizontal.append(Edge((ay + by) / 2, min(ax, bx), max(ax, bx)))
            elif abs(ax - bx) < 0.5 and abs(ay - by) >= MIN_EDGE:
                vertical.append(Edge((ax + bx) / 2, min(ay, by), max(ay, by)))
    return _merge(horizontal), _merge(vertical)


def _path_points(path, calls: SimpleNamespace, moveto: int) -> list[tuple[float, float, bool]]:
    """(x, y, starts a new subpath) of each segment end; a closed subpath returns to its start."""
    points: list[tuple[float, float, bool]] = []
    first = None
    x, y = ctypes.c_float(), ctypes.c_float()
    x_out, y_out = ctypes.byref(x), ctypes.byref(y)
    get_segment, get_point = calls.get_segment, calls.segment_point
    get_type, get_close = calls.segment_type, calls.segment_close
    for i in range(calls.count_segments(path)):
        segment = get_segment(path, i)
        get_point(segment, x_out, y_out)
        move = get_type(segment) == moveto
        if move:
            first = (x.value, y.value)
        points.append((x.value, y.value, move))
        if get_close(segment) and first:
            points.append((*first, False))
    return points


def _merge(edges: list[Edge]) -> list[Edge]:
    """Snap edges to shared positions and join collinear pieces that touch."""
    merged: list[Edge] = []
    for edge in sorted(edges, key=lambda e: (round(e.at / SNAP), e.start)):
        last = merged[-1] if merged else None
        if last and abs(last.at - edge.at) <= SNAP and edge.start <= last.end + SNAP:
            last.end = max(last.end, edge.end)
        else:
            merged.append(Edge(edge.at, edge.start, edge.end))
    return merged


def _positions(edges: list[Edge]) -> list[float]:
    positions: list[float] = []
    for at in sorted(e.at for e in edges):
        if not positions or at - positions[-1] > SNAP:
            positions.append(at)
    return positions


def _covers(edges: list[Edge], at: float, start: float, end: float) -> bool:
    """Whether a ruling line at ``at`` runs over the middle of ``start``–``end``."""
    middle = (start + end) / 2
    return any(abs(e.at - at) <= SNAP and e.start - SNAP <= middle <= e.end + SNAP for e in edges)


# ------------------------------------------------------------------ grids


def _grids(horizontal: list[Edge], vertical: list[Edge]) -> Iterator[tuple[list[float], list[float], list[Edge], list[Edge]]]:
    """Each table's row and column positions: the connected groups of rules that
    cross or touch one another (a table needs two rows of rules and two columns)."""
    edges = [("h", e) for e in horizontal] + [("v", e) for e in vertical]
    group = list(range(len(edges)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, (kind_i, a) in enumerate(edges):
        for j in range(i + 1, len(edges)):
            kind_j, b = edges[j]
            if kind_i != kind_j and _cross(a if kind_i == "h" else b, b if kind_i == "h" else a):
                group[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in range(len(edges)):
        members.setdefault(root(i), []).append(i)
    for indices in sorted(members.values()):
        h_group = [edges[i][1] for i in indices if edges[i][0] == "h"]
        v_group = [edges[i][1] for i in indices if edges[i][0] == "v"]
        rows_at, columns_at = _positions(h_group), _positions(v_group)
        if len(rows_at) >= 2 and len(columns_at) >= 2:
            yield rows_at, columns_at, h_group, v_group


def _cross(h: Edge, v: Edge) -> bool:
    """Whether a horizontal and a vertical rule meet (within the snap tolerance)."""
    return v.start - SNAP <= h.at <= v.end + SNAP and h.start - SNAP <= v.at <= h.end + SNAP


def _read_grid(rows_at, columns_at, h_edges, v_edges, chars) -> Table:
    n_rows, n_cols = len(rows_at) - 1, len(columns_at) - 1
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            top, bottom = rows_at[i], rows_at[i + 1]
            left, right = columns_at[j], columns_at[j + 1]
            if j and not _covers(v_edges, left, top, bottom):
                owner[i, j] = owner[i, j - 1]  # no rule on the left: merged with the cell before
            elif i and not _covers(h_edges, top, left, right):
                owner[i, j] = owner[i - 1, j]  # no rule above: merged with the cell above
            else:
                owner[i, j] = (i, j)
    extent: dict[tuple[int, int], list[float]] = {}
    for (i, j), cell in owner.items():
        box = extent.setdefault(cell, [columns_at[j], rows_at[i], columns_at[j + 1], rows_at[i + 1]])
        box[2], box[3] = max(box[2], columns_at[j + 1]), max(box[3], rows_at[i + 1])
    in_cell: dict[tuple[int, int], list] = {}
    top, bottom, left, right = rows_at[0], rows_at[-1], columns_at[0], columns_at[-1]
    find = bisect.bisect
    for char in chars:  # each character goes to the cell that holds its centre
        y = (char[3] + char[4]) / 2
        if top <= y < bottom:  # bisect's row index is then in range (0 to n_rows - 1), as the column's below
            x = (char[1] + char[2]) / 2
            if left <= x < right:
                in_cell.setdefault(owner[find(rows_at, y) - 1, find(columns_at, x) - 1], []).append(char)
    texts = {cell: _cell_text(in_cell.get(cell, [])) for cell in extent}
    rows = []
    for i in range(n_rows):
        starts = [j for j in range(n_cols) if owner[i, j] == (i, j)]
        if not starts:
            continue
        cells = [texts[i, j] if owner[i, j] == (i, j) else "" for j in range(n_cols)]
        x1 = max(extent[i, j][2] for j in starts)
        rows.append((columns_at[starts[0]], x1, rows_at[i], cells))
    return Table(rows, (columns_at[0], rows_at[0], columns_at[-1], rows_at[-1]))


# ------------------------------------------------------------------ cell text


def _chars(textpage, height: float, text: str) -> list[tuple[str, float, float, float, float]]:
    """(char, left, right, top, bottom) of every character of ``text`` (the text page's
    characters, one a place), top-down coordinates."""
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    raw, pointer, loose_box = textpage, ctypes.byref(rect), pdfium_calls().loose_box
    chars = []
    for index, char in enumerate(text):
        if char not in "\r\n":
            loose_box(raw, index, pointer)
            chars.append((char, rect.left, rect.right, height - rect.top, height - rect.bottom))
    return chars


def _cell_text(chars) -> str:
    """A cell's characters line by line, left to right; the lines of a cell are
    joined without a break (a wrapped cell is one text)."""
    lines: list[list] = []
    for char in sorted(chars, key=_TOP):
        if lines and abs(lines[-1][0][3] - char[3]) <= SNAP:
            lines[-1].append(char)
        else:
            lines.append([char])
    return "".join(_line_text(sorted(line, key=_LEFT)) for line in lines)


_TOP, _LEFT = operator.itemgetter(3), operator.itemgetter(1)


def _line_text(line) -> str:
    parts, previous = [], None
    for char in line:
        if previous is not None and char[1] - previous[2] > WORD_GAP:
            parts.append(" ")
        parts.append(char[0])
        previous = char
    return _BLANKS.sub(" ", "".join(parts)).strip()


_BLANKS = re.compile(r"\s+")
