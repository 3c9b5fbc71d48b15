"""The ruled-table reader's grid logic on hand-made edges and characters (the PDF
path itself is compared with pdfplumber in test_pdf.py)."""

import pytest

from policydiff.read.pdf_tables import Edge, _grids, _merge, _read_grid


def box(x0, x1, y0, y1):
    """The four edges of a rectangle, top-down coordinates."""
    return [Edge(y0, x0, x1), Edge(y1, x0, x1)], [Edge(x0, y0, y1), Edge(x1, y0, y1)]


def grid_of(*rects):
    horizontal, vertical = [], []
    for rect in rects:
        h, v = box(*rect)
        horizontal += h
        vertical += v
    return list(_grids(_merge(horizontal), _merge(vertical)))


def char(c, x, y):
    return (c, x, x + 10, y, y + 10)  # (char, left, right, top, bottom)


@pytest.mark.parametrize("edges, expected", [
    ([Edge(100, 0, 50), Edge(100.8, 50, 90)], [(100, 0, 90)]),  # collinear pieces, stroke jitter
    ([Edge(100, 0, 50), Edge(100, 52, 90)], [(100, 0, 90)]),  # a gap under the snap tolerance
    ([Edge(100, 0, 50), Edge(100, 60, 90)], [(100, 0, 50), (100, 60, 90)]),  # a real gap
    ([Edge(100, 0, 50), Edge(110, 0, 50)], [(100, 0, 50), (110, 0, 50)]),  # two rules
])
def test_merge_edges(edges, expected):
    assert [(e.at, e.start, e.end) for e in _merge(edges)] == expected


def test_a_plain_grid_gives_one_row_per_band():
    grids = grid_of((0, 40, 0, 20), (40, 100, 0, 20), (0, 40, 20, 40), (40, 100, 20, 40))
    assert len(grids) == 1
    table = _read_grid(*grids[0], [char("1", 5, 25), char("任", 50, 25), char("务", 60, 25)])
    assert [cells for *_, cells in table.rows] == [["", ""], ["1", "任务"]]
    assert table.bbox == (0, 0, 100, 40)


def test_cells_merged_across_columns_and_rows():
    # row 1: one cell over both columns; rows 2-3: a left cell spanning both rows
    grids = grid_of((0, 100, 0, 20), (0, 40, 20, 60), (40, 100, 20, 40), (40, 100, 40, 60))
    chars = [char("合", 45, 5), char("左", 5, 45), char("上", 50, 25), char("下", 50, 45)]
    rows = [cells for *_, cells in _read_grid(*grids[0], chars).rows]
    assert rows == [["合", ""], ["左", "上"], ["", "下"]]


def test_tables_apart_are_two_grids_and_lone_rules_none():
    assert len(grid_of((0, 100, 0, 20), (0, 100, 200, 220))) == 2
    side_by_side = grid_of((0, 100, 0, 20), (0, 100, 20, 40), (150, 250, 0, 20), (150, 250, 20, 40))
    assert [columns for _, columns, _, _ in side_by_side] == [[0, 100], [150, 250]]
    assert list(_grids(_merge([Edge(10, 0, 100), Edge(30, 0, 100)]), [])) == []  # 三线表: rules only
