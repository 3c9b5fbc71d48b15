"""OCR for PDF pages without a text layer (scans of stamped paper notices).

Pages are rendered with pypdfium2 and recognised with rapidocr-onnxruntime,
whose wheel carries the PP-OCRv4 Chinese models (nothing is downloaded at run
time). Recognised boxes become the same positioned lines the PDF reader builds
from a text layer, so the same layout join and normaliser apply. Confusions that
OCR makes in this genre are repaired where the context is unambiguous.
Install with ``pip install -e '.[ocr]'``.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import NamedTuple

from .. import patterns as P
from ..textutils import format_doc_number
from .lines import Line

DPI = 150
TAB_GAP_CHARS = 2.0  # boxes on one line further apart than this (in characters) are table cells
SKEW_PIXELS = 7  # half the drift of a ruling line across a page tilted by 0.5° at 150 dpi

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class Box(NamedTuple):
    """One recognised box, in PDF points; the centre is on the straightened page."""

    top: float
    x0: float
    x1: float
    text: str
    confidence: float
    centre_x: float
    centre_y: float


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def engine():
    """The OCR engine, loaded once per process."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def repair_line(text: str) -> str:
    """Repair what OCR does to notices where the context makes it unambiguous.

    >>> repair_line("神卫健发〔2021】64")
    '神卫健发〔2021〕64号'
    >>> repair_line("各镇人民政府丶街道办事处")
    '各镇人民政府、街道办事处'
    """
    text = text.translate(_FULLWIDTH_DIGITS).replace("丶", "、")
    return P.OCR_DOC_NUMBER.sub(lambda m: m.group("code") + format_doc_number("", m.group("year"), m.group("serial")), text)


def page_lines(page, same_line: float) -> tuple[list[Line], float]:
    """OCR one pypdfium2 page into positioned lines (PDF points) and the mean confidence."""
    import numpy as np

    scale = DPI / 72
    image = page.render(scale=scale).to_pil().convert("RGB")
    results, _ = engine()(np.array(image))
    skew = _skew_degrees(results)
    boxes = []
    for points, text, confidence in results or []:
        xs = [p[0] / scale for p in points]
        ys = [p[1] / scale for p in points]
        centre = _straighten(sum(p[0] for p in points) / 4, sum(p[1] for p in points) / 4, skew, image.size)
        boxes.append(Box(min(ys), min(xs), max(xs), text.strip(), float(confidence),
                         centre[0] / scale, centre[1] / scale))
    boxes = [b for b in boxes if b.text]
    if not boxes:
        return [], 0.0
    mean = sum(b.confidence for b in boxes) / len(boxes)
    gray = image.convert("L")
    if abs(skew) > 0.05:  # straighten a page scanned askew, so its rulings are level
        gray = gray.rotate(skew, fillcolor=255)
    grid = ruling_grid(np.array(gray), scale)
    table_rows, boxes = _table_rows(boxes, grid, gray, scale) if grid else ([], boxes)
    return sorted(_text_lines(boxes, same_line) + table_rows, key=lambda line: line.top), mean


def _text_lines(boxes: list[Box], same_line: float) -> list[Line]:
    if not boxes:
        return []
    boxes.sort(key=lambda b: (b.top, b.x0))
    lines: list[Line] = []
    current: list[Box] = []
    for box in boxes:
        if current and abs(current[0].top - box.top) >= same_line:
            lines.append(_join_boxes(current))
            current = []
        current.append(box)
    lines.append(_join_boxes(current))
    return lines


def _straighten(x: float, y: float, degrees: float, size) -> tuple[float, float]:
    """Where pixel (x, y) lands when the page is rotated by ``degrees`` the way
    PIL's ``Image.rotate`` turns it (counter-clockwise, about the centre)."""
    import math

    cx, cy = size[0] / 2, size[1] / 2
    theta = math.radians(degrees)
    dx, dy = x - cx, y - cy
    return (cx + dx * math.cos(theta) + dy * math.sin(theta), cy - dx * math.sin(theta) + dy * math.cos(theta))


def _skew_degrees(results) -> float:
    """The page's tilt, from the baselines of the wide recognised boxes (median)."""
    import math

    angles = []
    for points, _, _ in results or []:
        (x0, y0), (x1, y1) = points[0], points[1]
        if x1 - x0 > 100:
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    return sorted(angles)[len(angles) // 2] if angles else 0.0


def _read_number_cell(gray, scale: float, rows, columns) -> str:
    """Recognise a 序号 cell the detector passed over (a lone digit in a tall cell):
    recognition only, on a text-line band through the middle of the cell."""
    import numpy as np

    middle = (rows[0] + rows[1]) / 2 * scale
    crop = gray.crop((int(columns[0] * scale) + 3, int(middle - 20), int(columns[1] * scale) - 3, int(middle + 20)))
    result, _ = engine()(np.array(crop.convert("RGB")), use_det=False, use_cls=False, use_rec=True)
    text, confidence = (result[0] if result else ("", 0.0))
    return text.strip() if text.strip().isdigit() and confidence >= 0.8 else ""


def ruling_grid(gray, scale: float):
    """(row edges, column edges) in PDF points of a ruled table drawn on the page,
    found as pixel rows and columns that are mostly dark; None if there is none."""
    dark = gray < 128
    _height, width = dark.shape
    rows = _collapse((dark.sum(axis=1) > 0.45 * width).nonzero()[0].tolist())
    if len(rows) < 2:
        return None
    top, bottom = int(rows[0]), int(rows[-1])
    band = dark[top:bottom + 1]
    columns = _collapse((band.sum(axis=0) > 0.8 * (bottom - top)).nonzero()[0].tolist())
    if len(columns) < 2:
        return None
    return [y / scale for y in rows], [x / scale for x in columns]


def _collapse(positions: list[int], gap: int = 3) -> list[float]:
    """Runs of adjacent pixel positions (a ruling line is a few pixels thick) → centres."""
    runs: list[list[int]] = []
    for p in positions:
        if runs and p - runs[-1][-1] <= gap:
            runs[-1].append(p)
        else:
            runs.append([p])
    return [sum(r) / len(r) for r in runs]


def _table_rows(boxes: list[Box], grid, gray, scale: float) -> tuple[list[Line], list[Box]]:
    """Boxes inside the ruled grid become tab-separated rows; the rest are returned."""
    row_edges, column_edges = grid
    cells: dict[tuple[int, int], list] = {}
    outside = []
    for box in boxes:
        cx, cy = box.centre_x, box.centre_y
        row = next((i for i in range(len(row_edges) - 1) if row_edges[i] <= cy < row_edges[i + 1]), None)
        col = next((j for j in range(len(column_edges) - 1) if column_edges[j] <= cx < column_edges[j + 1]), None)
        if row is None or col is None:
            outside.append(box)
        else:
            cells.setdefault((row, col), []).append(box)
    rows = []
    for i in range(len(row_edges) - 1):
        texts = []
        for j in range(len(column_edges) - 1):
            parts = sorted(cells.get((i, j), []), key=lambda b: (round(b.top / 6), b.x0))
            texts.append(repair_line("".join(b.text for b in parts)))
        if not texts[0] and any(texts[1:]):
            texts[0] = _read_number_cell(gray, scale, row_edges[i:i + 2], column_edges[:2])
        if any(texts):
            rows.append(Line("\t".join(texts), column_edges[0], column_edges[-1], row_edges[i], table=True))
    return rows, outside


def _join_boxes(boxes: list[Box]) -> Line:
    """Boxes of one line, left to right; a wide gap between boxes is a table cell break."""
    boxes = sorted(boxes, key=lambda b: b.x0)
    char = max(min((b.x1 - b.x0) / max(len(b.text), 1) for b in boxes), 1.0)
    text = boxes[0].text
    for prev, box in itertools.pairwise(boxes):
        text += ("\t" if box.x0 - prev.x1 > TAB_GAP_CHARS * char else "") + box.text
    return Line(repair_line(text), boxes[0].x0, max(b.x1 for b in boxes), min(b.top for b in boxes))
