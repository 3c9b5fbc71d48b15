"""A plan's indicator table in the text (主要指标: 指标 | 单位 | 2020年 | 2025年 | 属性), one tab-separated row a
line: each value cell is a number with its role — a status figure for a column before the notice's own year or
headed 现状/基期, a target (its deadline the column's year, its 约束性/预期性 the row's) otherwise. The header says
what each column holds (``patterns.TABLE_COLUMNS``).

>>> text = "序号\\t指标\\t单位\\t2020年\\t2025年\\t属性\\n1\\t家庭医生签约服务覆盖率\\t%\\t70\\t≥75\\t预期性\\n"
>>> [(t.role, t.indicator, t.comparator, t.value, t.unit, t.deadline_year, t.year, t.binding)
...  for t in table_targets(text, (0, len(text)), "goal", 2021)[0]]
[('status', '家庭医生签约服务覆盖率', '=', 70, '%', None, 2020, None), \
('target', '家庭医生签约服务覆盖率', '>=', 75, '%', 2025, None, '预期性')]
"""

from __future__ import annotations

import itertools
import re

from .. import patterns as P
from ..models import Target

_SYMBOL = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "＞": ">", "<": "<", "＜": "<"}
_AFTER = {"以上": ">=", "以下": "<=", "以内": "<="}


def table_targets(text: str, region: tuple[int, int], path: str,
                  issue_year: int | None = None) -> tuple[list[Target], list[tuple[int, int]]]:
    """The numbers of every indicator table in ``text[region]``, and the spans of the lines read (the
    sentence reader leaves them alone)."""
    found: list[Target] = []
    taken: list[tuple[int, int]] = []
    if text.find("\t", region[0], region[1]) < 0:
        return found, taken  # a table row is tab-separated: a region without a tab holds none
    columns: list[tuple[str, int | None]] | None = None
    for line in re.finditer(r"[^\n]+", text[region[0]:region[1]]):
        start, row = region[0] + line.start(), line.group()
        if "\t" not in row:
            columns = None
            continue
        cells = row.split("\t")
        if P.TABLE_HEADER_ROW.search(row) and not any(P.TABLE_VALUE.match(c) for c in cells[1:]):
            columns = _columns(cells, issue_year)
            taken.append((start, start + len(row)))
            continue
        if columns and any(role == "indicator" for role, _ in columns):
            made = _row_targets(text, start, cells, columns, path)
            if made:
                found.extend(made)
                taken.append((start, start + len(row)))
    return found, taken


def _columns(cells: list[str], issue_year: int | None) -> list[tuple[str, int | None]]:
    """(what the column holds, its year) for each header cell."""
    columns: list[tuple[str, int | None]] = []
    bare_years = []  # the bare year columns (2022年⇥2025年): the first, in the notice's year or before, is the base
    for cell in cells:
        cell = cell.strip()
        role = next((name for name, pattern in P.TABLE_COLUMNS if pattern.search(cell)), "other")
        year_match = re.search(r"(?:19|20)\d{2}", cell)
        year = int(year_match.group()) if year_match else None
        if role == "year":
            bare_years.append(len(columns))
            role = "status" if issue_year and year is not None and year < issue_year else "target"
        columns.append((role, year))
    if issue_year and _schedule(columns, bare_years):
        return columns  # 2023年⇥2024年⇥2025年: a target a year (a three-year plan's schedule), none of them a base
    if issue_year and len(bare_years) >= 2 and not any(role == "status" for role, _ in columns):
        first, year = bare_years[0], columns[bare_years[0]][1]
        if year is not None and year <= issue_year < max(y or 0 for _, y in columns):
            columns[first] = ("status", year)  # 指标⇥单位⇥2022年⇥2025年 in a 2022 plan: 2022 is the base year
    years = [y for role, y in columns if role == "target" and y]
    if issue_year is None and len(years) >= 2:  # no issue year: the earliest year column is the baseline
        columns = [("status", y) if role == "target" and y == min(years) else (role, y) for role, y in columns]
    return columns


def _schedule(columns: list[tuple[str, int | None]], bare_years: list[int]) -> bool:
    """Three bare year columns or more, one year apart, none before the notice's year: the plan's figure for each
    year (2023年⇥2024年⇥2025年), not a base year and its targets (2022年⇥2025年, or a 2020年 column before them).
    Only where the notice's year is known (an undated table of 2019年⇥2020年⇥2021年 may be a record of the past)."""
    years = [columns[i][1] for i in bare_years]
    return len(years) >= 3 and all(role == "target" for role, _ in (columns[i] for i in bare_years)) and all(
        a is not None and b == a + 1 for a, b in itertools.pairwise(years))


def _row_targets(text: str, start: int, cells: list[str], columns, path: str) -> list[Target]:
    if len(cells) < len(columns):  # a merged first cell (领域) is missing from the row: align from the right
        cells = [""] * (len(columns) - len(cells)) + cells
    offsets, at = [], start
    for cell in cells[-len(columns):] if len(cells) > len(columns) else cells:
        offsets.append(at)
        at += len(cell) + 1
    if len(cells) > len(columns):
        cells = cells[-len(columns):]
        offsets = offsets[-len(columns):]
    named = dict((role, cell.strip()) for (role, _), cell in zip(columns, cells) if role in ("indicator", "binding",
                                                                                             "unit"))
    indicator = named.get("indicator", "")
    if not indicator or P.TABLE_VALUE.match(indicator):
        return []
    marked = re.match(r"^\s*[（(]?(约束性|预期性)", named.get("binding") or "")  # 约束性指标, （预期性）: the same
    binding = marked.group(1) if marked else None
    unit_in_name = P.TABLE_UNIT_IN_NAME.search(indicator)
    unit = named.get("unit") or (unit_in_name.group("unit") if unit_in_name else "")
    unit = re.sub(r"^1\s*/\s*(?=(?:10|1|10)?万|千|百)", "/", unit)  # （1/10万）: per 100,000, as a sentence prints /10万
    name = indicator[:unit_in_name.start()].rstrip() if unit_in_name else indicator
    name = re.sub(r"^\d{1,2}[.．、]\s*", "", name)  # 1.人均预期寿命: the row's number apart
    row_end = start + len(text[start:].split("\n", 1)[0])
    made = []
    for (role, year), cell, offset in zip(columns, cells, offsets):
        value = P.TABLE_VALUE.match(cell) if role in ("status", "target") else None
        if not value:
            if role == "target":  # 较2020年提高10个百分点, 动态清零: a target said in words
                made.extend(_worded_target(text, start, row_end, cell, offset, name, unit, year, binding, path))
            continue
        comparator = _SYMBOL.get(value.group("cmp") or "") or _AFTER.get(value.group("after") or "") or "="
        v0 = offset + value.start("cmp" if value.group("cmp") else "value")
        t = Target(path, text[start:row_end], name, comparator, float(value.group("value")),
                   (value.group("unit") or unit).replace("％", "%"), year if role == "target" else None,
                   binding if role == "target" else None,  # a baseline binds nothing
                   (start, row_end), (v0, offset + value.end()), approximate=value.group("after") == "左右")
        t.value = int(t.value) if t.value.is_integer() else t.value
        t.role, t.role_cue = role, f"a {'baseline' if role == 'status' else 'target'} column of an indicator table"
        t.year = year if role == "status" else None
        made.append(t)
    return made


def _worded_target(text, start, row_end, cell, offset, name, unit, year, binding, path) -> list[Target]:
    """A target cell said in words: a change (较2020年提高10个百分点 → +10个百分点, never a level of 10), a count
    kept at zero (动态清零 → = 0) or full coverage in a % row (全覆盖 → 100%); its cue says how it was read."""
    change = P.TABLE_CHANGE_VALUE.match(cell)
    if change:
        direction = "-" if P.CHANGE_DOWN.match(change.group("verb")) else "+"
        comparator = direction + _AFTER.get(change.group("after") or "", "")
        value: float | int = float(change.group("value"))
        span = (offset + change.start("value"), offset + change.end("value") + len(change.group("unit") or ""))
        cue = "a target column of an indicator table: a change (较…提高), not a level"
        t_unit = (change.group("unit") or ("个百分点" if unit == "%" else unit)).replace("％", "%")
    elif P.TABLE_FULL_VALUE.match(cell) and unit in ("%", "％"):
        comparator, value, t_unit = "=", 100, "%"
        span = (offset + len(cell) - len(cell.lstrip()), offset + len(cell.rstrip()))
        cue = "a target column of an indicator table: 全覆盖 in a % row read as 100%"
    elif P.TABLE_ZERO_VALUE.match(cell):
        comparator, value, t_unit = "=", 0, ""
        span = (offset + len(cell) - len(cell.lstrip()), offset + len(cell.rstrip()))
        cue = "a target column of an indicator table: 动态清零 read as a count kept at 0"
    else:
        return []
    t = Target(path, text[start:row_end], name, comparator, int(value) if float(value).is_integer() else value,
               t_unit, year, binding, (start, row_end), span)
    t.role, t.role_cue = "target", cue
    return [t]


def indicator_annex(text: str, annexes: list, issue_year: int | None = None):
    """The annex that holds the indicator table (附件1 分工表, 附件2 指标表: the second), else the first annex.
    An annex holds one when a tab-separated header row names an indicator column and a target, baseline,
    year or 属性 column (``table_targets`` reads it), or when a numbered row ends in 约束性/预期性.

    >>> from types import SimpleNamespace as N
    >>> text = ("附件1\\n序号\\t任务\\t牵头单位\\n1\\t义诊\\t县卫健局\\n"
    ...         "附件2\\n序号\\t指标\\t2025年\\t属性\\n1\\t签约率\\t80\\t预期性\\n")
    >>> indicator_annex(text, [N(span=(0, 26)), N(span=(26, len(text)))]).span[0]
    26
    """
    for annex in annexes:
        if _holds_indicator_table(text, annex.span, issue_year):
            return annex
    return annexes[0] if annexes else None


def _holds_indicator_table(text: str, span: tuple[int, int], issue_year: int | None) -> bool:
    region = text[span[0]:span[1]]
    if P.INDICATOR_ROW_WITH_BINDING.search(region) or P.INDICATOR_ROW_WITH_BINDING_WORDED.search(region):
        return True
    for line in re.finditer(r"[^\n]*\t[^\n]*", region):
        cells = line.group().split("\t")
        if P.TABLE_HEADER_ROW.search(line.group()) and not any(P.TABLE_VALUE.match(c) for c in cells[1:]):
            roles = {role for role, _ in _columns(cells, issue_year)}
            if "indicator" in roles and roles & {"status", "target", "binding"}:
                return True
    return False


def is_indicator_header(names: list[str]) -> bool:
    """A header row of an indicator table: it names an indicator column and a target, baseline, year or 属性
    column, and no unit column but the measure's 单位 (a task table's 单位 is a body's: 牵头单位, 责任单位).

    >>> is_indicator_header(["指标", "单位", "2023年目标值", "属性"]), is_indicator_header(["序号", "指标名称", "2025年目标"])
    (True, True)
    >>> is_indicator_header(["序号", "目标任务", "牵头单位"]), is_indicator_header(["项目", "责任单位", "目标"])
    (False, False)
    """
    cells = [n.strip() for n in names if n.strip()]
    if any(P.INDICATOR_HEADER_UNIT_ROLE.search(c) for c in cells):
        return False
    roles = {role for role, _ in _columns(cells, None)}
    return "indicator" in roles and bool(roles & {"status", "target", "binding"})
