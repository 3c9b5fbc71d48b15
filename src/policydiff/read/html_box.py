"""The information box of a government page (信息公开 box: 索引号, 发文机关, 发文字号, 成文日期 …).

Read whenever the page has one, as table rows (``<td><b>发文字号：</b></td><td>…</td>``,
``<th>…</th><td>…</td>``, a label and its value in one cell) or as ``label：value`` lines
(``<li><span>发布机构：</span>…</li>``, ``<dt>``/``<dd>``, several pairs on one line). The
box's elements are dropped from the page so that its lines never enter the article.
"""

from __future__ import annotations

import re

from .. import patterns as P

# The labels of an information box are the ones the text-side reader knows
# (patterns.META_LABELS: normalised key -> labels, None: labels to skip), plus a few that
# only a page's markup makes safe to read as labels (分类 alone would match prose in a text).
_MARKUP_ONLY = {
    "topic": ("主题类别", "分类", "所属主题", "所屬主題"),
    "published_date": ("公开时间",),
    "validity": ("效力状态",),
    "source": ("信息来源",),
}
BOX_LABELS = {key: (*labels, *_MARKUP_ONLY.get(key, ())) for key, labels in P.META_LABELS.items() if key}
# Labels read only so that they end the value before them.
OTHER_LABELS = (*P.META_LABELS[None], "公开范围", "服务对象", "访问次数", "点击数", "阅读次数", "责任编辑", "文种")

_PAD = r"[\s\u3000\u00a0]*"


def _label_pattern(label: str) -> str:
    return _PAD.join(map(re.escape, label))


_LABEL_OF = {label: key for key, labels in BOX_LABELS.items() for label in labels}
_ALL_LABELS = sorted([*_LABEL_OF, *OTHER_LABELS], key=len, reverse=True)  # 发文字号 before 文号
# A label starts a cell or follows a space (never inside a value such as a title) and ends
# with a colon, or with the cell (``<th>发文字号</th><td>…``); 【发文字号】 as in law databases.
_LABEL = re.compile(
    r"(?:^|(?<=[\t\s\u3000\u00a0|│]))【?(?P<label>"
    + "|".join(_label_pattern(label) for label in _ALL_LABELS)
    + rf")】?{_PAD}(?:[：:]|(?=\t|$))")
_VALUE_PADDING = " \t\r\n\u3000\u00a0|│：:"
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "h1", "h2", "h3", "h4",
               "h5", "h6", "section", "article"}
MAX_BOX_CELL = 300  # characters; a longer cell is article text, not a box value


def box_pairs(line: str) -> list[tuple[str, str]]:
    """The (key, value) pairs of one box line, cells separated by tabs; a label of
    :data:`OTHER_LABELS` ends a value but gives no pair, an empty value gives ``""``.

    >>> box_pairs("发文字号：\\t神卫健发〔2021〕64号\\t成文日期：\\t\\t发布机构：某县卫生健康局")
    [('doc_number', '神卫健发〔2021〕64号'), ('written_date', ''), ('issuer', '某县卫生健康局')]
    """
    labels = list(_LABEL.finditer(line))
    pairs = []
    for label, following in zip(labels, [*labels[1:], None]):
        value = line[label.end():following.start() if following else len(line)]
        key = _LABEL_OF.get(re.sub(_PAD, "", label.group("label")))
        if key:
            pairs.append((key, " ".join(value.strip(_VALUE_PADDING).split())))
    return pairs


# a cell that opens with a label of its own (known or not: 所属类别：, 文种：): the value before it ends there
_LABEL_CELL = re.compile(rf"^【?[\u4e00-\u9fff]{_PAD}(?:[\u4e00-\u9fff]{_PAD}){{1,7}}】?[：:]")


def cell_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """The (key, value) pairs of a box's cells: a value is the rest of its label's cell (up to
    the next label in it), else the cell after it when that one is not a label of its own — never
    more cells (a byline 来源：本站 over the article is no box value swallowing the article).

    >>> cell_pairs(["文　号：", "所属主题：政策文件", "发布机构：", "某县卫生健康局"])
    [('doc_number', ''), ('topic', '政策文件'), ('issuer', '某县卫生健康局')]
    >>> cell_pairs(["发布时间：2022-06-01　来源：本站", "各乡镇卫生院：为做实签约服务，现通知如下"])
    [('published_date', '2022-06-01'), ('source', '本站')]
    """
    pairs: list[tuple[str, str]] = []
    cells = [cell.strip(" \t\r\n\u3000\u00a0|│") for cell in cells]
    for i, cell in enumerate(cells):
        labels = list(_LABEL.finditer(cell))
        if not labels:
            continue
        for label, following in zip(labels, [*labels[1:], None]):
            value = cell[label.end():following.start() if following else len(cell)].strip(_VALUE_PADDING)
            if not value and following is None and i + 1 < len(cells) and not _starts_label(cells[i + 1]):
                value = cells[i + 1].strip(_VALUE_PADDING)
            key = _LABEL_OF.get(re.sub(_PAD, "", label.group("label")))
            if key:
                pairs.append((key, " ".join(value.split())))
    return pairs


def _covered(cells: list[str]) -> int:
    """Characters of the cells that are box lines: a cell opening with a label, and the cell
    after a label left without its value."""
    covered, taken = 0, False
    for cell in cells:
        cell = cell.strip(" \t\r\n\u3000\u00a0|│")
        label = _LABEL.match(cell)
        if label:
            covered += len(cell)
            taken = not cell[label.end():].strip(_VALUE_PADDING) and not list(_LABEL.finditer(cell))[1:]
        elif taken and not _LABEL_CELL.match(cell):
            covered += len(cell)
            taken = False
        else:
            taken = False
    return covered


def _starts_label(cell: str) -> bool:
    cell = cell.strip(" \t\r\n\u3000\u00a0|│")
    return bool(_LABEL.match(cell) or _LABEL_CELL.match(cell))


def read_info_box(page) -> dict[str, str]:
    """The box's fields under normalised keys (title, doc_number, issuer, written_date,
    published_date, index_no, topic, validity, source); the box's elements are removed
    from ``page``. The fullest box wins a key printed twice (a 发布时间 line under the
    headline repeats the box's 发布日期)."""
    boxes = [*_table_boxes(page), *_line_boxes(page)]
    fields: dict[str, str] = {}
    for elements, pairs in sorted(boxes, key=lambda box: -len(box[1])):
        for key, value in pairs:
            if value and not _LABEL.match(value):
                fields.setdefault(key, value)
        for element in elements:
            if element.getparent() is not None:
                element.drop_tree()
    return fields


def _table_boxes(page):
    """Rows of a table (its own rows, none holding a nested table or a long cell)
    that together give values to at least two box labels (a data table's header row
    序号/文件名称/文号/发布日期 gives none)."""
    boxes = []
    for table in page.iter("table"):
        rows = [row for row in table.iter("tr") if _nearest_table(row) is table and not _has_descendant(row, "table")]
        labelled = []
        for row in rows:
            cells = [cell.text_content() for cell in row if cell.tag in ("td", "th")]
            if cells and max(map(len, cells)) <= MAX_BOX_CELL:
                pairs = cell_pairs(cells)
                if pairs and _starts_with_label(cells):
                    labelled.append((row, pairs))
        if len({key for _, pairs in labelled for key, value in pairs if value}) >= 2:
            boxes.append(([row for row, _ in labelled], [pair for _, pairs in labelled for pair in pairs]))
    return boxes


def _line_boxes(page):
    """Elements outside tables whose children are ``label：value`` lines (at least two
    labels, and the labelled lines most of the element's text)."""
    boxes = []
    for element in page.iter(*_BLOCK_TAGS - {"table", "tr", "td", "th", "dt", "dd", "h2", "h3", "h4", "h5", "h6"}):
        if _nearest_table(element) is not None and element.tag not in ("div", "ul", "dl"):
            continue
        text = element.text_content()
        if len(text) > 40 * MAX_BOX_CELL or _has_descendant(element, "table"):
            continue
        cells = _child_cells(element)
        if not cells or max(map(len, cells)) > MAX_BOX_CELL:
            continue
        pairs = cell_pairs(cells)
        covered = _covered(cells)
        if len({key for key, value in pairs if value}) >= 2 and covered >= 0.6 * len(text.strip()):
            boxes.append(([element], pairs))
    return _outermost(boxes)


def _child_cells(element) -> list[str]:
    """The element's cells: each block child (and each run between ``<br>``s) one cell, its inline
    children and loose text joined by tabs (``<span>发文字号：</span><span>…</span>`` stays one cell)."""
    cells, current = [], [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and (child.tag in _BLOCK_TAGS or child.tag == "br"):
            cells.append("\t".join(current))
            if child.tag != "br":  # a row of blocks (<div>发文字号</div><div>…</div>) keeps its parts apart
                content = child.text_content()
                nested = len(content) <= MAX_BOX_CELL and any(
                    d.tag in _BLOCK_TAGS for d in child.iterdescendants() if isinstance(d.tag, str))
                cells.append("\t".join(_child_cells(child)) if nested else content)
            current = [child.tail or ""]
            continue
        if isinstance(child.tag, str):
            current.append(child.text_content())
        current.append(child.tail or "")
    cells.append("\t".join(current))
    return [cell.strip(" \t\r\n") for cell in cells if cell.strip(" \t\r\n\u3000\u00a0")]


def _outermost(boxes):
    """A box inside another box is the same box."""
    elements = {id(element) for found, _ in boxes for element in found}
    return [(found, pairs) for found, pairs in boxes
            if not any(id(ancestor) in elements for ancestor in found[0].iterancestors())]


def _starts_with_label(cells: list[str]) -> bool:
    return any(_LABEL.match(cell.strip()) for cell in cells)


def _nearest_table(element):
    return next(element.iterancestors("table"), None)


def _has_descendant(element, tag: str) -> bool:
    return next(element.iterdescendants(tag), None) is not None
