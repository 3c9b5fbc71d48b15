"""Annex tables: task-division tables of any shape (序号 / 工作任务 / 牵头单位 / 配合单位 /
局内科室 / 完成时限 …) and the indicator table (指标/属性 with 约束性/预期性)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from .. import patterns as P
from ..models import AnnexIndicator, Measure, OutlineNode, TaskRow, UnitMention
from ..outline import paragraphs
from ..textutils import is_org_line, split_units
from .indicator_table import is_indicator_header
from .units import lead_convention, parse_marker, split_lead_cell, verb_marker_mentions

LINK_THRESHOLD = 85
_ROLE_OF_COLUMN = [(role, re.compile(p)) for role, p in P.TASK_COLUMN_ROLES]


def extract_task_table(text: str, start: int = 0) -> list[TaskRow] | None:
    r"""Rows of every task-division table after ``start``, whatever its shape: a row a line,
    cells apart by tabs (the normaliser writes runs of spaces and pipes as tabs). A header
    row naming a 牵头/责任/配合/协办 column starts a table; an item spread over sub-rows
    (its merged cells printed only on the first, or repeated as a Word reader gives them,
    or a row broken across a page) is one row; the unit columns keep their role.

    >>> rows = extract_task_table("序号\t工作任务\t牵头单位\t配合单位\n1\t开展义诊。\t县卫健局\t县医保局")
    >>> [(r.no, r.task, r.lead, r.support) for r in rows]
    [(1, '开展义诊。', ['县卫健局'], ['县医保局'])]
    """
    items: list[_Item] = []
    table: _Table | None = None
    paras = paragraphs(text)
    for k, para in enumerate(paras):
        if table is not None and _signs_off(paras, k):
            table = None  # the issuer's name (a row of names) on its line, the date under it: the notice's signature
        if para.start < start or (table is None and "\t" not in para.text):
            continue  # a header row has two cells or more: outside a table, a line without a tab starts none
        cells = _cells(para.text, para.start)
        names = [c.strip() for c, _ in cells]
        roles = header_roles(names)
        if roles and is_indicator_header(names):
            table = None  # 指标 | 单位 | 2025年目标值 | 属性: an indicator table (its 单位 is a measure's), no task table
            continue
        if roles and table is not None and names == table.names:
            table.repeated = True  # the header printed again on the next page: the rows go on
            continue
        if roles:
            table = _Table(roles, names)
            continue
        if table is None:
            continue
        if table.repeated and _subheader_roles(names):
            table.repeated = False
            continue
        if table.fresh and table.widen(names):
            continue  # the second line of a two-level header (牵头单位 / 配合单位 under 责任单位)
        table.fresh = table.repeated = False
        texts = [c for c in names if c]
        if (len(cells) == 1 and _ends_table(cells[0][0])) or (texts and len(texts) <= 2 and P.DATE_LINE.match(texts[-1])):
            table = None  # a note, the next annex, a sign-off (某市卫生健康委员会 / 2022年3月1日) after the table
            continue
        item = table.add(cells)
        if item is not None:
            items.append(item)
    rows = [item.row() for item in items if item.has_content()] or _card_rows(text, start)
    if not rows:
        return None
    _number(rows)
    _first_listed_leads(rows, text)
    return rows


def _signs_off(paras: list, k: int) -> bool:
    r"""Paragraph ``k`` opens a signature: one line or two of bodies' names (a joint notice's row of names,
    its spaces made tabs) and the date line right under them. A table printed in a notice's body closes
    on it; its last row does not take the issuer as a unit.

    >>> _signs_off(paragraphs("某县卫生健康局\n2023年2月10日"), 0)
    True
    >>> _signs_off(paragraphs("县医保局\n2\t统一招聘\t人事股"), 0)
    False
    """
    for j in range(k, min(k + 3, len(paras))):
        line = paras[j].text.strip()
        if j > k and P.DATE_LINE.match(line):
            return True
        if "\t" in line:
            names = [c for c in line.split("\t") if c.strip()]
            if len(names) < 2 or not all(is_org_line(c.strip()) for c in names):
                return False
        elif not is_org_line(line):
            return False
    return False


# how far from a table its 列第一位者为牵头单位 note may be printed (under its title, or under the table)
_CONVENTION_REACH = 300


def _first_listed_leads(rows: list[TaskRow], text: str) -> None:
    r"""列第一位者为牵头单位 printed above or under the table (or as a note for the whole notice, or
    carried by 下同): in each row that names no lead, the first unit of its 责任单位 cell leads; the
    others stay responsible (the note names the lead only).

    >>> rows = extract_task_table("（列第一位者为牵头单位）\n序号\t工作任务\t责任单位\n1\t开展义诊。\t市卫健委、市医保局")
    >>> [(r.lead, r.responsible) for r in rows]
    [(['市卫健委'], ['市医保局'])]
    """
    spans = [r.span for r in rows if r.span != (0, 0)]
    if not spans:
        return
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if not any(not inside or (carried and at < start) or start - _CONVENTION_REACH <= at <= end + _CONVENTION_REACH
               for at, carried, inside in lead_convention(text)):
        return
    for row in rows:
        responsible = [m for m in row.mentions if m.role == "responsible"]
        if row.lead or len(responsible) < 2:  # a unit alone in its cell is first of none
            continue
        first = responsible[0]
        first.role = "lead"
        row.responsible.remove(first.unit)
        row.lead.append(first.unit)
        row.lead_spans.append(first.span)


def _card_rows(text: str, start: int) -> list[TaskRow]:
    r"""Task cards, a table a web page gives one cell a line: a task label alone on its line (具体任务),
    its text on the next, then unit and deadline labels (责任单位 / 配合单位 / 完成时限), each with its
    value on the line after it. One row a card; the units keep their label's role.

    >>> rows = _card_rows("具体任务\n开展义诊。\n责任单位\n县卫健局\n配合单位\n各乡镇\n完成时限\n年底前", 0)
    >>> [(r.task, r.responsible, r.support, r.deadline) for r in rows]
    [('开展义诊。', ['县卫健局'], ['各乡镇'], '年底前')]
    """
    paras = [p for p in paragraphs(text) if p.start >= start]
    is_label = [_is_label_cell(p.text) for p in paras]
    rows, i = [], 0
    while i < len(paras) - 1:
        if not (is_label[i] and column_role(paras[i].text) == "task" and not is_label[i + 1]):
            i += 1
            continue
        roles: list[str] = []
        placed: dict[int, tuple[str, tuple[int, int]]] = {}
        while i < len(paras) - 1 and is_label[i] and not is_label[i + 1]:
            role = column_role(paras[i].text)
            if role == "task" and roles:
                break  # the next card
            value = paras[i + 1]
            roles.append(role)
            if role not in P.UNIT_COLUMN_ROLES or cell_kind(value.text) in ("units", "offices"):
                placed[len(roles) - 1] = (value.text, (value.start, value.start + len(value.text)))
            i += 2
        if any(roles[k] in P.UNIT_COLUMN_ROLES for k in placed):
            item = _Item(roles)
            item.take(placed, first=True)
            rows.append(item.row())
    return rows


def _is_label_cell(line: str) -> bool:
    """A card's label cell alone on its line (责任单位), spaces around it allowed."""
    if len(line) > 7 and not (line[0].isspace() or line[-1].isspace()):
        return False  # a label is at most seven characters (牵头科室及单位): nothing to strip, too long
    return bool(P.CELL_LABEL_LINE.fullmatch(line.strip()))


def header_roles(names: list[str]) -> list[str] | None:
    """The role of each column when ``names`` is a task table's header row, else None.

    >>> header_roles(["序号", "工作事项", "主要内容", "牵头单位", "配合单位", "局内牵头科室", "完成时限"])
    ['no', 'task', 'task', 'lead', 'support', 'office', 'deadline']
    """
    named = [n.strip() for n in names if n.strip()]
    if len(named) < 2 or any(len(n) > P.TASK_HEADER_CELL_MAX or re.search("[。；;，,]", n) for n in named):
        return None
    roles = [column_role(n) for n in names]
    units = [i for i, r in enumerate(roles) if r in P.UNIT_COLUMN_ROLES]
    if not units or not any(r in ("task", "no") for r in roles):
        return None
    if any(not P.OFFICE_COLUMN.search(names[i]) for i in units):  # the bodies' columns beside the offices'
        roles = ["office" if r in P.UNIT_COLUMN_ROLES and P.OFFICE_COLUMN.search(n) and _offices_apart(n, r, roles, names)
                 else r for r, n in zip(roles, names)]
    return roles


def _offices_apart(name: str, role: str, roles: list[str], names: list[str]) -> bool:
    """An office column kept apart from the bodies' columns: the notice's own (局内牵头科室, 委内责任处室), or one
    beside a bodies' column of the same role (牵头单位 and 牵头科室). A 牵头股室 column beside 配合单位 alone
    names the row's lead, whatever the kind of body it holds."""
    return bool(P.INTERNAL_OFFICE_COLUMN.search(name)) or any(
        r == role and not P.OFFICE_COLUMN.search(n) for r, n in zip(roles, names))


def column_role(name: str) -> str:
    """no / task / lead / support / responsible / deadline / other, from a header cell."""
    name = re.sub(r"\s", "", name)
    name = _WITH_PERSON.sub("", name)  # 责任单位及责任人: the units' column (the person in brackets beside each)
    if not name or P.SUPERVISOR_COLUMN.search(name):
        return "other"  # an empty cell; 督导单位: who oversees the task, not who carries it out
    if P.TASK_COLUMN_INDICATOR.match(name):
        return "task"  # 指标名称 beside 责任单位: the indicator is what the row assigns
    if P.TASK_COLUMN_FIGURE.search(name) and not any(p.search(name) for r, p in _ROLE_OF_COLUMN if r in P.UNIT_COLUMN_ROLES):
        return "other"  # 2023年目标, 目标值, 指标属性: figures, not the task's text
    return next((role for role, pattern in _ROLE_OF_COLUMN if pattern.search(name)), "other")


def _subheader_roles(names: list[str]) -> list[str] | None:
    """The roles of a second header line (牵头单位 / 配合单位), None when it is not one."""
    named = [n for n in names if n.strip()]
    sub = [column_role(n) for n in named]
    if not named or any(r not in P.UNIT_COLUMN_ROLES and r != "deadline" for r in sub) or \
            any(len(n) > P.TASK_HEADER_CELL_MAX or not P.ROLE_HEADER_START.match(n) for n in named):
        return None
    return sub


def _ends_table(line: str) -> bool:
    """A line that is no row: the next annex, a note under the table, a sign-off, the next table's title."""
    return bool(P.ANNEX_START.match(line) or P.ANNEX_REFERENCE.match(line) or P.TASK_TABLE_END.match(line)
                or P.DATE_LINE.match(line) or (len(line) <= 40 and _SIGNED.search(line)))


_SIGNED = re.compile(rf"(?:委员会|局|厅|办公室|政府|部){P.DATE.pattern}$")  # 某市卫生健康委员会2022年3月1日


class _Table:
    """One task table being read: its columns' roles and the item its rows add to."""

    def __init__(self, roles: list[str], names: list[str]):
        self.roles = roles
        self.names = names
        self.fresh = True
        self.repeated = False
        self.item: _Item | None = None

    def widen(self, names: list[str]) -> bool:
        """Read a second header line whose cells all name unit roles: they split the top
        header's unit column (责任单位 → 牵头单位, 配合单位), in place or by position."""
        sub = _subheader_roles(names)
        if not sub:
            return False
        if len(names) == len(self.roles):
            self.roles = [column_role(n) if n.strip() else r for n, r in zip(names, self.roles)]
            return True
        spanning = next((i for i, r in enumerate(self.roles) if r in P.UNIT_COLUMN_ROLES), None)
        if spanning is None:
            return False
        self.roles = self.roles[:spanning] + sub + self.roles[spanning + 1:]
        return True

    def add(self, cells: list[tuple[str, tuple[int, int]]]) -> _Item | None:
        """Add one line; returns the item it starts, if it starts one."""
        filled = [(c.strip(), _stripped_span(c, s)) for c, s in cells]
        if not any(c for c, _ in filled):
            return None
        if _is_section(list(dict.fromkeys(c for c, _ in filled if c))):  # a Word row repeats a merged cell
            self.item = None  # 一、基础设施 across the whole width: a section of the table, not a task
            return None
        width = len(filled)
        while width > len(self.roles) and not filled[width - 1][0]:
            width -= 1
        if width > len(self.roles):  # a header cell spanning two columns (责任单位 over 牵头 / 配合)
            self._span([c for c, _ in filled[:width]])
        placed = _place(filled, self.roles)
        if self.item is None or self._starts_item(placed):
            placed = self._merged_group(placed, self.item)
            self.item = _Item(self.roles)
            self.item.take(placed, first=True)
            return self.item
        # a row shorter than the header left out its merged cells: a sub-row of the item, not a broken cell
        self.item.take(placed, first=False, clause=len(filled) < len(self.roles))
        return None

    def _span(self, texts: list[str]) -> None:
        """A row wider than the header: its (first) unit column spans the extra columns where the
        extra cells name units; a deadline printed past the last column (2022年底前 under no 完成时限
        header) is the row's deadline; any other extra cell has no column and is left out."""
        extra = len(texts) - len(self.roles)
        at = next((i for i, r in enumerate(self.roles) if r in P.UNIT_COLUMN_ROLES), len(self.roles) - 1)
        kinds = {cell_kind(t) for t in texts[at + 1:at + 1 + extra] if t}
        if kinds <= {"units", "offices"}:
            self.roles = self.roles[:at + 1] + [self.roles[at]] * extra + self.roles[at + 1:]
        elif "deadline" not in self.roles and {cell_kind(t) for t in texts[len(self.roles):] if t} == {"deadline"}:
            self.roles = self.roles + ["deadline"] * extra

    def _merged_group(self, placed: dict[int, tuple[str, tuple[int, int]]], prev: _Item | None
                      ) -> dict[int, tuple[str, tuple[int, int]]]:
        """A numbered row whose group column (重点任务, the first of two task columns) is empty while its
        measure (具体措施) is printed: the group's cell is merged over it, as a text file or a PDF prints a
        merged cell (on its first row only). The row takes the group's cell, and its empty 牵头/责任 cells
        the ones printed beside the group (merged with it); a 配合 cell is the row's own, never carried."""
        tasks = [i for i, r in enumerate(self.roles) if r == "task"]
        if prev is None or len(tasks) < 2 or placed.get(tasks[0], ("", (0, 0)))[0] \
                or not any(placed.get(i, ("", (0, 0)))[0] for i in tasks[1:]) or tasks[0] not in prev.cells:
            return placed
        carried = dict(placed)
        for i, role in enumerate(self.roles):
            if (i == tasks[0] or role in ("lead", "responsible")) and not carried.get(i, ("", (0, 0)))[0] \
                    and i in prev.cells:
                cell, span, _ = prev.cells[i][0]
                carried[i] = (cell, span)
        return carried

    def _starts_item(self, placed: dict[int, tuple[str, tuple[int, int]]]) -> bool:
        key = self.roles.index("no") if "no" in self.roles else self.roles.index("task") if "task" in self.roles else 0
        cell = placed.get(key, ("", (0, 0)))[0]
        first = self.item.first if self.item else {}
        return bool(cell) and cell != first.get(key)  # a Word reader repeats merged cells


def _is_section(texts: list[str]) -> bool:
    """A row that heads the rows below it: 一、医疗保障 alone, or 一 | 医疗保障 with no unit.

    >>> _is_section(["二、基层服务"]), _is_section(["一", "医疗保障"]), _is_section(["1", "开展义诊", "县卫健局"])
    (True, True, False)
    """
    if len(texts) == 1:
        return bool(P.TASK_SECTION_ROW.match(texts[0]))
    return len(texts) == 2 and bool(P.TASK_SECTION_NUMBER.fullmatch(texts[0])) and cell_kind(texts[1]) == "prose" \
        and len(texts[1]) <= 30


class _Item:
    """One task of the table: its cells gathered over its sub-rows, by column."""

    def __init__(self, roles: list[str]):
        self.roles = roles
        self.first: dict[int, str] = {}
        self.cells: dict[int, list[tuple[str, tuple[int, int], bool]]] = {}  # column → (text, span, joins on)

    def take(self, placed: dict[int, tuple[str, tuple[int, int]]], first: bool, clause: bool = False) -> None:
        # a sub-row with a unit or a deadline of its own, or with merged cells left out, is a clause of
        # the item; a full-width one without is the rest of a cell broken across a page (…的对口帮扶 / 力度。)
        own = clause or any(self.role(i) in (*P.UNIT_COLUMN_ROLES, "deadline") for i, (c, _) in placed.items() if c)
        for i, (cell, span) in placed.items():
            if not cell:
                continue
            if first:
                self.first[i] = cell
            seen = self.cells.setdefault(i, [])
            if any(cell == c for c, _, _ in seen):
                continue  # a merged cell repeated on the sub-row
            seen.append((cell, span, own))

    def role(self, i: int) -> str:
        """Column ``i``'s role; a cell beyond the header's columns (a row with more cells than its
        header, a damaged or shifted line) has none and is left out."""
        return self.roles[i] if i < len(self.roles) else ""

    def has_content(self) -> bool:
        return any(self.role(i) == "task" for i in self.cells) or any(
            self.role(i) in P.UNIT_COLUMN_ROLES for i in self.cells)

    def row(self) -> TaskRow:
        tasks = [i for i in sorted(self.cells) if self.role(i) == "task"]
        parts, spans = [], []
        for i in tasks:
            text = ""
            for cell, span, own in self.cells[i]:
                text += ("；" if own and text and text[-1] not in "。；;！!：:" else "") + cell
                spans.append(span)
            parts.append(text)
        task = "".join(p + ("：" if p[-1] not in "。；;：:，," and k < len(parts) - 1 else "")
                       for k, p in enumerate(parts) if p)
        span = (spans[0][0], spans[-1][1]) if spans else (0, 0)
        no_col = self.roles.index("no") if "no" in self.roles else None
        label = self.first.get(no_col, "") if no_col is not None else ""
        row = TaskRow(0, task, [], span, task_spans=spans, label=label)
        for i in sorted(self.cells):
            role = self.role(i)
            if role == "deadline":
                row.deadline = "；".join(c for c, _, _ in self.cells[i])
            elif role in P.UNIT_COLUMN_ROLES:
                for cell, cell_span, _ in self.cells[i]:
                    _add_cell(row, role, cell, cell_span)
        return row


def _add_cell(row: TaskRow, role: str, cell: str, span: tuple[int, int]) -> None:
    """The units of one unit cell under its column's role; a cell that hands the row to each
    unit by its duties (按照职责分工分别负责) makes them responsible, whatever the column."""
    if role == "lead":
        row.lead_raw += ("、" if row.lead_raw else "") + cell
        row.lead_spans.append(span)
    if P.DUTY_SHARE.search(cell) and role != "office":
        role = "responsible"
    if _CELL_LABEL.search(cell):  # 牵头：县卫健局；配合：县委编办 — the cell labels each unit's role itself
        mentions = parse_marker("（" + cell + "）", span[0] - 1)
    else:
        mentions = verb_marker_mentions("（" + cell + "）", span[0] - 1) if _has_role_verb(cell) else \
            _tagged_units(cell, span, role)
    for m in mentions:
        names = {"lead": row.lead, "support": row.support, "responsible": row.responsible,
                 "office": row.office}[m.role if role != "office" else "office"]
        if m.unit not in names:
            names.append(m.unit)
            row.mentions.append(UnitMention(m.unit, m.role if role != "office" else "office", "task_table", m.span))


# a unit cell that labels its units' roles (牵头：甲局；配合：乙局, 牵头单位：甲局，配合单位：乙局)
_CELL_LABEL = re.compile(r"(?:^|[；;，,\s])(?:牵头|配合|协办|协助|责任|主责)(?:单位|部门|科室|股室|处室)?\s*[：:]")


# a unit column that names the person beside each unit (责任单位及责任人, 牵头单位及联系人)
_WITH_PERSON = re.compile(r"(?<=单位|部门|科室|股室|处室)(?:及|和|/|、)(?:责任人|联系人|负责人)$")
# a person's name in brackets after a unit in such a cell (县卫健局（王立）): no part of the unit
_PERSON_NOTE = re.compile(r"[（(](?P<name>[\u4e00-\u9fff·]{2,4})[）)]")
_BODY_NOTE_END = re.compile(r"(?:局|委|办|院|室|所|会|厅|部|股|科|处|中心|站|队|组|牵头|配合|协办)$")


def _without_persons(cell: str) -> str:
    """县卫健局（王立）、县医保局（张华）: the persons' brackets blanked (same length: spans stay), a body's kept."""
    return _PERSON_NOTE.sub(lambda m: m.group(0) if _BODY_NOTE_END.search(m.group("name")) else " " * len(m.group(0)),
                            cell)


def _tagged_units(cell: str, span: tuple[int, int], role: str) -> list[UnitMention]:
    """The units of a cell in the column's role; a unit tagged （牵头） leads and the untagged
    others of its cell keep the column's role (责任单位: 市卫健委（牵头）、市医保局 — 市医保局 责任, as printed;
    in a 牵头单位 cell they support); names a page's <br> ran together (区卫健局区医保局) apart."""
    cell = _without_persons(cell) if "（" in cell or "(" in cell else cell
    units = [piece for unit, unit_span in split_lead_cell(cell, span[0]) for piece in unglued(unit, unit_span)]
    tags = [P.CELL_ROLE_TAG.search(unit) for unit, _ in units]
    tagged_lead = role != "office" and any(t and t.group("tag") == "牵头" for t in tags)
    mentions = []
    for (unit, unit_span), tag in zip(units, tags):
        own = role
        if tag:
            unit, unit_span = unit[:tag.start()], (unit_span[0], unit_span[0] + tag.start())
            own = role if role == "office" else "lead" if tag.group("tag") == "牵头" else "support"
        elif tagged_lead:  # in a 责任单位 column the others stay 责任 as printed (as inline: 责任单位：甲（牵头）、乙)
            own = "support" if role == "lead" else role
        if unit:
            mentions.append(UnitMention(unit, own, "task_table", unit_span))
    return mentions


_UNIT_ENDS = ("局", "委", "办", "厅", "部", "会", "中心", "政府", "部门", "单位", "公司", "院", "站", "所")
_UNIT_STARTS = ("市", "县", "区", "省", "各", "州", "旗")
_NOT_A_PLACE = ("区县", "县区", "市县", "县市", "市场", "市政", "区域", "县域")  # 商务部市场运行司 is one name


def unglued(unit: str, span: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
    """A cell's names run together (a page's line breaks inside the cell dropped) split where one
    name ends (局, 委, 政府 …) and the next begins with its place (市, 县, 区, 各 …).

    >>> [u for u, _ in unglued("区卫生健康局区医疗保障局各街道办事处", (0, 18))]
    ['区卫生健康局', '区医疗保障局', '各街道办事处']
    >>> [u for u, _ in unglued("县（市、区）人民政府", (0, 10))]
    ['县（市、区）人民政府']
    """
    cuts, depth = [0], 0
    for i, ch in enumerate(unit):
        depth += ch in "（("
        depth -= ch in "）)"
        if depth == 0 and i - cuts[-1] >= 3 and len(unit) - i >= 3 and unit.startswith(_UNIT_STARTS, i) \
                and unit[:i].endswith(_UNIT_ENDS) and not unit.startswith(_NOT_A_PLACE, i):
            cuts.append(i)
    cuts.append(len(unit))
    return [(unit[a:b], (span[0] + a, span[0] + b)) for a, b in itertools.pairwise(cuts)]


def _has_role_verb(cell: str) -> bool:
    """A cell in the verb form of a marker: 市卫健委牵头，市医保局配合."""
    return bool(re.search(r"(?:牵头|配合|协助)(?:[，,；;]|$)", cell)) and bool(re.search("[，,；;]", cell))


def _number(rows: list[TaskRow]) -> None:
    """Each row's number: its printed 序号 where those are numbers, unique across the notice's
    tables; else its place (a table without 序号, or numbering restarted per section)."""
    printed = [int(m.group(1)) if (m := re.fullmatch(r"[（(]?(\d{1,3})[）).、．]?", r.label)) else 0 for r in rows]
    unique = 0 not in printed and len(set(printed)) == len(printed)
    for i, row in enumerate(rows, start=1):
        row.no = printed[i - 1] if unique else i


# a cell's kind, for placing the cells of a row shorter than its header (merged cells left out)
_FIT = {  # column role → {cell kind: score}
    "no": {"number": 3, "units": -9, "offices": -9, "deadline": -9, "prose": -9},
    "task": {"number": -5, "units": 0, "offices": 0, "deadline": -2, "prose": 2},
    "deadline": {"number": -5, "units": -3, "offices": -3, "deadline": 3, "prose": -1},
    "other": {"number": -1, "units": 0, "offices": 0, "deadline": 0, "prose": 0},
    # the bodies' columns take bodies best; an internal-office column takes offices (医政科, 规划信息处)
    "body": {"number": -5, "units": 3, "offices": 2, "deadline": -3, "prose": -1},
    "office": {"number": -5, "units": 1, "offices": 3, "deadline": -3, "prose": -1},
}


def cell_kind(cell: str) -> str:
    """number / deadline / units / offices (units all 科, 处, 室, 股) / prose.

    >>> [cell_kind(c) for c in ["3", "2022年底前", "市医保局、市民政局", "医政科、财务科", "扩大救治病种范围"]]
    ['number', 'deadline', 'units', 'offices', 'prose']
    """
    if P.TASK_NUMBER_CELL.match(cell):
        return "number"
    if len(cell) <= 24 and P.TASK_DEADLINE_CELL.match(cell):
        return "deadline"
    if "。" not in cell and len(cell) <= 120:
        pieces = [u for p in split_units(P.DUTY_SHARE.sub("", cell)) for u, _ in unglued(p, (0, len(p)))]
        pieces = [re.sub(r"(?:牵头|配合|协助|等有关部门|等部门|等单位|等)$", "", P.CELL_ROLE_TAG.sub("", p))
                  for p in pieces if p]
        named = [p for p in pieces if P.TASK_UNIT_END.search(p) and len(p) <= 24]
        if pieces and len(named) * 2 >= len(pieces):
            return "offices" if all(P.OFFICE_UNIT_END.search(p) for p in named) else "units"
    return "prose"


def _place(cells: list[tuple[str, tuple[int, int]]], roles: list[str]) -> dict[int, tuple[str, tuple[int, int]]]:
    """Column index → cell. A row as wide as the header is read by position; a shorter one
    (a web page leaves out the merged cells) is fitted in order by what each cell holds,
    the cells pushed right on a tie (merged cells are the item's first columns)."""
    while len(cells) > len(roles) and not cells[-1][0]:
        cells = cells[:-1]
    if len(cells) >= len(roles):
        return dict(enumerate(cells[:len(roles)]))
    cells = [c for c in cells if c[0]] if len(cells) > 1 else cells
    n, k = len(roles), len(cells)
    kinds = [cell_kind(c) for c, _ in cells]
    fit = [[_FIT["body" if r in ("lead", "support", "responsible") else r if r in _FIT else "other"][kind]
            for r in roles] for kind in kinds]
    # best[i][j]: the best score placing cells i.. in columns j..
    best = [[float("-inf")] * (n + 1) for _ in range(k + 1)]
    for j in range(n + 1):
        best[k][j] = 0.0
    for i in range(k - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            best[i][j] = max(best[i][j + 1], fit[i][j] + best[i + 1][j + 1])
    placed, j = {}, 0
    for i in range(k):
        while best[i][j + 1] >= fit[i][j] + best[i + 1][j + 1]:
            j += 1  # skipping the column does as well: leave it to the merged cell
        placed[j] = cells[i]
        j += 1
    return placed


def _stripped_span(cell: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of ``cell.strip()`` inside ``span``."""
    start = span[0] + len(cell) - len(cell.lstrip())
    return (start, start + len(cell.strip()))


def _cells(line: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    cells, pos = [], 0
    for part in line.split("\t"):
        cells.append((part, (offset + pos, offset + pos + len(part))))
        pos += len(part) + 1
    return cells


def link_task_rows(rows: list[TaskRow], measures: list[Measure]) -> None:
    """Point each task row at the measure whose text restates it, and give that
    measure the row's units, each in its role (source: task_table). A table printed inside a
    measure's own text (a table under its last item) is left out of that text: its rows do not
    restate the item they stand under."""
    texts = [_without_rows(m, rows) for m in measures]
    characters: list[Counter | None] = [None] * len(texts)  # each text's characters, counted when first needed
    for row in rows:
        scores = _restatement_scores_that_count(row.task, texts, characters)
        # an item over sub-rows restates its measure in one of them (the others add clauses): each is scored too
        pieces = [p for p in re.split("[；：]", row.task) if len(p) >= 6]
        for piece in pieces if len(pieces) > 1 else []:
            scores = [max(a, b) for a, b in zip(scores, _restatement_scores_that_count(piece, texts, characters))]
        best_score = max(scores, default=0.0)
        if best_score <= 0.0 or best_score < LINK_THRESHOLD:
            continue
        best = measures[scores.index(best_score)]  # the first of equals, as before
        row.measure_path = best.path
        for mention in row.mentions:
            best.unit_mentions.append(mention)
            names = {"lead": best.lead_units, "support": best.support_units,
                     "responsible": best.responsible_units}.get(mention.role)
            if names is not None and mention.unit not in names:
                names.append(mention.unit)


def _without_rows(measure: Measure, rows: list[TaskRow]) -> str:
    """``measure.text`` with the table rows inside it blanked (same length, so offsets hold)."""
    start, end = measure.span
    inside = [r.span for r in rows if r.span != (0, 0) and start <= r.span[0] < end]
    if not inside:
        return measure.text
    text = measure.text
    first, last = min(s for s, _ in inside) - start, min(max(e for _, e in inside), end) - start
    return text[:first] + " " * (last - first) + text[last:]


def restatement_scores(task: str, measure_texts: list[str]) -> list[float]:
    """How well a table row restates each measure: the mean best-match score of the
    row's clauses inside the measure text (rows shorten and merge sentences).
    Each pair scored by rapidfuzz's ``partial_ratio``, the clauses' scores added as
    ``process.cdist(...).sum(axis=0)`` added them (the same floats, without loading numpy in every worker)."""
    clauses, candidates = _clauses_and_candidates(task, measure_texts)
    scores = [0.0] * len(measure_texts)
    if not clauses or not candidates:
        return scores
    add = _pairwise_sum if len(candidates) == 1 else _sequential_sum
    for i in candidates:
        text = measure_texts[i]
        scores[i] = add([fuzz.partial_ratio(clause, text) for clause in clauses]) / len(clauses)
    return scores


def _clauses_and_candidates(task: str, measure_texts: list[str]) -> tuple[list[str], list[int]]:
    """The task's clauses of four characters or more, and the measures that may restate it: a measure that
    shares no three characters in a row with the task does not (only the others are scored: partial_ratio
    over long texts is the cost here)."""
    clauses = [c for c in re.split(r"[，。；,;]", task) if len(c) >= 4]
    trigrams = {c[i:i + 3] for c in clauses for i in range(len(c) - 2)}
    return clauses, [i for i, text in enumerate(measure_texts) if not trigrams.isdisjoint(_trigrams(text))]


def _restatement_scores_that_count(task: str, measure_texts: list[str], characters: list) -> list[float]:
    """:func:`restatement_scores` where a score can decide the link, 0.0 where it cannot (the largest
    score and the first measure holding it are :func:`restatement_scores`'s, and so is every score
    given; :func:`link_task_rows` reads no other). The measures are scored from the likeliest down,
    and one is left unscored when the most its clauses could score is below :data:`LINK_THRESHOLD` or
    below a score already found. The most: a clause's ``partial_ratio`` against a text is 2·LCS / (n + w)
    for its best window of w characters, n the shorter string's length; the LCS is at most k, the
    clause's characters that the text holds (each as often as the clause holds it), so the ratio is at
    most 2k / (n + k). ``characters``: each text's set of characters, kept by the caller across rows
    (None until needed)."""
    clauses, candidates = _clauses_and_candidates(task, measure_texts)
    scores = [0.0] * len(measure_texts)
    if not clauses or not candidates:
        return scores
    most = {}
    counted = [Counter(c) for c in clauses]
    for i in candidates:
        if characters[i] is None:
            characters[i] = set(measure_texts[i])
        held, length, total = characters[i], len(measure_texts[i]), 0.0
        for clause, count in zip(clauses, counted):
            shared = sum([count[ch] for ch in held.intersection(count)])
            total += 200 * shared / (min(len(clause), length) + shared) if shared else 0.0
        most[i] = total / len(clauses) + 1e-6  # (a margin for the floats' last bits)
    add = _pairwise_sum if len(candidates) == 1 else _sequential_sum  # as restatement_scores sums
    best = 0.0
    for i in sorted(candidates, key=lambda i: -most[i]):
        if most[i] < LINK_THRESHOLD or most[i] < best:
            break  # (in order: every later one can score less still)
        text = measure_texts[i]
        scores[i] = add([fuzz.partial_ratio(clause, text) for clause in clauses]) / len(clauses)
        best = max(best, scores[i])
    return scores


@lru_cache(maxsize=1024)  # every row of a table is checked against the same measures
def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


def _sequential_sum(values: list[float]) -> float:
    """numpy's sum down the columns of a matrix of several columns: row after row."""
    total = 0.0
    for value in values:
        total += value
    return total


def _pairwise_sum(values: list[float]) -> float:
    """numpy's sum of a contiguous column (a one-column matrix): its pairwise summation, eight
    running sums over blocks of up to 128 values (the last bit of the float depends on it)."""
    n = len(values)
    if n < 8:
        return _sequential_sum(values)
    if n > 128:
        half = n // 2
        half -= half % 8
        return _pairwise_sum(values[:half]) + _pairwise_sum(values[half:])
    sums = values[:8]
    end = n - n % 8
    for i in range(8, end, 8):
        for k in range(8):
            sums[k] += values[i + k]
    total = ((sums[0] + sums[1]) + (sums[2] + sums[3])) + ((sums[4] + sums[5]) + (sums[6] + sums[7]))
    for value in values[end:]:
        total += value
    return total


def _tabbed_indicator_row(line: str, start: int) -> AnnexIndicator | None:
    """A tab-separated indicator row: its number, the indicator cell (the first after the number that is no
    value), and 约束性/预期性 in its last cell; its span runs from the indicator to the last value (the row's
    values are read in it); None for any other line.

    >>> _tabbed_indicator_row("2\\t高血压患者规范管理率（%）\\t58\\t≥65\\t预期性", 10)
    AnnexIndicator(no=2, indicator='高血压患者规范管理率（%）', binding='预期性', span=(12, 32))
    """
    if "\t" not in line:
        return None
    cells = line.split("\t")
    filled = [c.strip() for c in cells if c.strip()]
    worded = P.BINDING_CELL_WORDED.match(filled[-1]) if len(filled) >= 3 else None  # 约束性, 约束性指标 → 约束性
    if worded is None or not re.fullmatch(r"\d{1,2}", cells[0].strip()):
        return None
    at = start + len(cells[0]) + 1
    end = start + len(line.rstrip()) - len(filled[-1])  # the row up to its 属性 cell: the values the row prints
    for cell in cells[1:-1]:
        name = cell.strip()
        if name and not P.TABLE_VALUE.match(name) and not P.BINDING_CELL_WORDED.match(name):
            begin = at + len(cell) - len(cell.lstrip())
            return AnnexIndicator(int(cells[0].strip()), name, worded.group(1),
                                  (begin, len(line[:end - start].rstrip()) + start))
        at += len(cell) + 1
    return None


def extract_annex_indicators(text: str, annex: OutlineNode | None) -> list[AnnexIndicator] | None:
    """Numbered rows of an indicator table with their 约束性/预期性 attribute."""
    if annex is None:
        return None
    region = [p for p in paragraphs(text) if annex.span[0] <= p.start < annex.span[1]]
    indicators: list[AnnexIndicator] = []
    for i, para in enumerate(region):
        m = re.match(r"^(?P<no>\d{1,2})[.．、]\s*", para.text)
        if not m:
            row = _tabbed_indicator_row(para.text, para.start)  # 1⇥村卫生室达标率（%）⇥78⇥100⇥约束性
            if row:
                indicators.append(row)
            continue
        body = para.text[m.end():]
        binding = P.BINDING_SUFFIX_WORDED.search(body)
        if binding:
            body = body[:binding.start()]
        elif i + 1 < len(region) and P.BINDING_CELL_WORDED.match(region[i + 1].text):
            binding = P.BINDING_CELL_WORDED.match(region[i + 1].text)
        if binding is None:
            continue
        start = para.start + m.end()
        indicators.append(AnnexIndicator(int(m.group("no")), body.rstrip("\t "), binding.group(1),
                                         (start, start + len(body.rstrip("\t ")))))
    return indicators or None
