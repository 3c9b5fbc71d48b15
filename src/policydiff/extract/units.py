"""Responsible units: inline 牵头/配合/责任单位 markers and the 部门职责 paragraph.

Unit strings are kept raw, as printed; canonical forms are the job of
:mod:`policydiff.units`.
"""

from __future__ import annotations

import re

from .. import patterns as P
from ..models import Duty, Measure, UnitMention
from ..textutils import split_units

_ROLE_OF = [(role, re.compile(f"^(?:{alt})$")) for role, alt in P.ROLE_KEYWORDS]


def find_marker(text: str) -> tuple[int, int] | None:
    """The span (within ``text``) of a trailing responsibility marker, if any.

    A marker is a bracket whose content starts with a role keyword and a colon,
    e.g. （牵头科室：…，配合单位：…） or [责任单位：…]; brackets nested inside it
    (县（市、区）) are skipped.
    """
    for m in P.ROLE_LABEL.finditer(text):
        open_at = m.start() - 1
        while open_at >= 0 and text[open_at] == " ":
            open_at -= 1
        if open_at < 0 or text[open_at] not in P.MARKER_OPEN:
            continue
        close_at = _matching_close(text, open_at)
        return open_at, close_at
    return None


def marker_mentions(body: str, offset: int) -> list[UnitMention]:
    """The units of a measure's trailing marker, labelled （牵头单位：…） or verb-form
    （…牵头，…配合）, each with its role and span in document offsets.

    >>> [(m.unit, m.role) for m in marker_mentions("开展义诊。（县卫健局牵头，县医保局、县民政局配合）", 0)]
    [('县卫健局', 'lead'), ('县医保局', 'support'), ('县民政局', 'support')]
    """
    marker = find_marker(body)
    if marker:
        return parse_marker(body[marker[0]:marker[1]], offset + marker[0])
    return verb_marker_mentions(body, offset)


def verb_marker_mentions(body: str, offset: int) -> list[UnitMention]:
    """Units of every bracket in ``body`` whose each clause is units followed by a role verb
    (（区国土分局牵头，区规划分局配合）, （市医保局负责）); a bracket with any other clause
    (（不含6亩）, （涉及水土保持项目）) names no unit."""
    mentions = []
    for open_at, ch in enumerate(body):
        if ch not in "（(":
            continue
        close_at = _matching_close(body, open_at)
        if close_at > len(body) or body[close_at - 1] not in "）)":
            continue
        found = _verb_clauses(body[open_at + 1:close_at - 1], offset + open_at + 1)
        mentions.extend(found or [])
    return mentions


def _verb_clauses(inner: str, offset: int) -> list[UnitMention] | None:
    """Mentions of one bracket's clauses; a clause without a verb takes the next clause's
    (…区水务局等部门，区国投公司配合: both support); None when the bracket is no marker."""
    mentions: list[UnitMention] = []
    pending: list[tuple[str, int]] = []  # verbless clauses waiting for a verb
    for clause, start in split_clauses(inner, offset):
        m = P.ROLE_VERB_SEGMENT.match(clause)
        if not m:
            if not P.UNIT_LIST_CLAUSE.match(clause):
                return None
            pending.append((clause, start))
            continue
        role = next(r for r, alt in P.ROLE_VERBS if re.fullmatch(alt, m.group("verb")))
        for units, at in [*pending, (m.group("units"), start + m.start("units"))]:
            mentions.extend(_role_units(units, at, role))
        pending = []
    return mentions if mentions and not pending else None


def article_mentions(body: str, offset: int) -> list[UnitMention]:
    """The units an article names as the subject of its clauses (市卫生健康委负责…; 由县级财政部门
    负责保障; 县财政局应当…), each once, role ``responsible``, source ``article_subject``.

    >>> [(m.unit, m.span) for m in article_mentions("乡镇卫生院负责考核，由县级财政部门负责保障。", 100)]
    [('乡镇卫生院', (100, 105)), ('县级财政部门', (111, 117))]
    """
    mentions: list[UnitMention] = []
    for clause, start in split_clauses(body, offset):
        lead = len(clause) - len(clause.lstrip())
        m = P.ARTICLE_SUBJECT.match(clause.strip())
        if not m:
            continue
        group = "by" if m.group("by") else "unit"
        unit = m.group(group)
        at = start + lead + m.start(group)
        if unit not in {u.unit for u in mentions} and not unit.startswith(("任何", "其他", "有关")):
            mentions.append(UnitMention(unit, "responsible", "article_subject", (at, at + len(unit))))
    return mentions


def _role_units(units: str, offset: int, role: str) -> list[UnitMention]:
    mentions = []
    for unit, span in split_units(units, offset, with_spans=True):
        unit, span = _trim_unit(unit, span)
        if unit:
            mentions.append(UnitMention(unit, role, "inline_marker", span))
    return mentions


def split_clauses(text: str, offset: int) -> list[tuple[str, int]]:
    """The ，/；-separated clauses of a marker, each with its start (brackets inside kept whole).

    >>> split_clauses("县卫健局牵头，县（市、区）政府配合", 0)
    [('县卫健局牵头', 0), ('县（市、区）政府配合', 7)]
    """
    clauses, depth, start = [], 0, 0
    for i, ch in enumerate(text + "，"):
        if ch in "（([【":
            depth += 1
        elif ch in "）)]】":
            depth -= 1
        elif ch in "，,；;" and depth <= 0:
            raw = text[start:i]
            if raw.strip():
                clauses.append((raw.strip(), offset + start + len(raw) - len(raw.lstrip())))
            start = i + 1
    return clauses


def _matching_close(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        ch = text[i]
        if ch in "（([【［":
            depth += 1
        elif ch in "）)]】］":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)  # an unclosed marker runs to the end of the item


def parse_marker(marker: str, offset: int) -> list[UnitMention]:
    """Units in one marker, each with its role and span (in document offsets).

    >>> [(m.unit, m.role) for m in parse_marker("（牵头科室：市卫健局公卫科，配合单位：市疾控中心）", 0)]
    [('市卫健局公卫科', 'lead'), ('市疾控中心', 'support')]
    """
    inner_start, inner_end = 1, len(marker) - (1 if marker[-1] in "）)]】］" else 0)
    labels = list(P.ROLE_LABEL.finditer(marker, inner_start, inner_end))
    mentions = []
    for i, label in enumerate(labels):
        role = role_of(label.group("kw"))
        seg_start = label.end()
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else inner_end
        segment = marker[seg_start:seg_end]
        for unit, span in split_units(segment, offset + seg_start, with_spans=True):
            unit, span = _trim_unit(unit, span)
            if unit:
                mentions.append(UnitMention(unit, role, "inline_marker", span))
    return mentions


def role_of(keyword: str) -> str:
    for role, pattern in _ROLE_OF:
        if pattern.match(keyword):
            return role
    return "responsible"


def _trim_unit(unit: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    trimmed = unit.rstrip("。.；;，,、 ")
    trimmed = P.UNIT_TRAILING_PHRASES.sub("", trimmed) or trimmed
    return trimmed, (span[0], span[0] + len(trimmed))


def split_lead_cell(cell: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    """Units in a task-table 牵头 cell: 、-separated, 'A及B' split when both are units.

    >>> [u for u, _ in split_lead_cell("财务处、疾控处按照职责分工分别负责", 0)]
    ['财务处', '疾控处']
    """
    units = []
    for unit, span in split_units(cell, offset, with_spans=True):
        unit, span = _trim_unit(unit, span)
        both = P.UNIT_CONJUNCTION.match(unit)
        if both:
            a, b = both.group("a"), both.group("b")
            units.append((a, (span[0], span[0] + len(a))))
            units.append((b, (span[1] - len(b), span[1])))
        elif unit:
            units.append((unit, span))
    return units


def extract_duties(body: str, offset: int, path: str | None = None) -> list[Duty]:
    """Clauses of the form 'X负责Y' in a 部门协作 paragraph.

    >>> [(d.unit, d.duty) for d in extract_duties("财政局负责做好资金保障；民政局负责低保认定。", 0)]
    [('财政局', '做好资金保障'), ('民政局', '低保认定')]
    """
    duties = []
    for m in re.finditer(r"[^。；;\n]+", body):
        clause = m.group(0)
        lead_ws = len(clause) - len(clause.lstrip())
        found = P.DUTY_CLAUSE.match(clause.strip())
        if not found or not _looks_like_unit(found.group("unit")):
            continue
        start = offset + m.start() + lead_ws
        duty_text = found.group("duty").rstrip("，, ")
        duties.append(Duty(found.group("unit"), duty_text,
                           (start, start + len(found.group(0).rstrip("，, "))), path))
    return duties


def _looks_like_unit(text: str) -> bool:
    return bool(re.search(r"(?:局|委|厅|部门|办公室|单位|中心|院|所|办)$", text))


# words every duty says; they tell no measure apart
_DUTY_GENERIC = {"统筹", "推进", "落实", "做好", "工作", "政策", "相关", "按照", "职责", "分工", "督促", "支持", "加强",
                 "协调", "符合", "条件", "及时", "各项", "通过", "现行", "渠道", "保障", "有效", "衔接", "巩固", "拓展",
                 "健康", "成果", "乡村", "振兴", "脱贫", "地区", "医疗卫生", "等", "医疗", "建设", "能力", "人口",
                 "对象", "人员", "农村", "信息", "共享", "认定", "参加", "医生", "争取", "中央", "省级", "防止",
                 "数据", "对接", "临时", "责任", "资金", "运动", "符合条件", "预算内", "投资"}


def duty_terms(duty: str) -> set[str]:
    """The words of a duty that can name a measure's topic (jieba words of two or more characters)."""
    import jieba

    jieba.setLogLevel(60)
    return {w for w in jieba.lcut(duty) if len(w) >= 2 and w not in _DUTY_GENERIC}


def assign_duties(measures: list[Measure], duties: list[Duty]) -> None:
    """Where a notice has no inline markers, its duty paragraph (民政部门负责…低保…) assigns each
    unit to the measures its duty speaks of: two of the duty's words in the measure, or one
    word of four characters or more (爱国卫生, 远程医疗). Marked source "duty_paragraph".

    >>> m = Measure("二/（一）", "构建低收入人口帮扶机制", "对特困人员、低保对象开展帮扶。", (0, 20))
    >>> assign_duties([m], [Duty("民政部门", "低保对象、特困人员认定", (30, 45), "三/（二）")])
    >>> [(u.unit, u.source) for u in m.unit_mentions]
    [('民政部门', 'duty_paragraph')]
    """
    if not duties or any(m.unit_mentions for m in measures):
        return
    duty_paths = {d.path for d in duties}
    for duty in duties:
        terms = duty_terms(duty.duty)
        for measure in measures:
            if measure.path in duty_paths:
                continue  # the duty paragraph itself
            text = measure.title + measure.text
            found = [t for t in terms if t in text]
            if len(found) >= 2 or any(len(t) >= 4 for t in found):
                measure.unit_mentions.append(UnitMention(duty.unit, "responsible", "duty_paragraph", duty.span))
                if duty.unit not in measure.responsible_units:
                    measure.responsible_units.append(duty.unit)


def assign_sole_issuer(measures: list[Measure], issuers: list[str], text: str) -> None:
    """A notice issued by one body that names no unit anywhere (no marker, task table or duty
    clause): its measures are that body's to carry out. Marked source "sole_issuer" (in
    ``unit_mentions`` only, not among the printed ``responsible_units``), so that a reader
    sees the unit is implied by who issued the notice, not printed beside the measure.

    >>> m = Measure("一/一是", "健全动态监测机制", "依托监测系统。", (40, 60))
    >>> assign_sole_issuer([m], ["某市卫生健康委员会"], "某市卫生健康委员会文件")
    >>> [(u.unit, u.role, u.source, u.span) for u in m.unit_mentions]
    [('某市卫生健康委员会', 'responsible', 'sole_issuer', (0, 9))]
    """
    if len(issuers) != 1 or any(m.unit_mentions for m in measures):
        return
    at = text.find(issuers[0])
    span = (at, at + len(issuers[0])) if at >= 0 else (0, 0)
    for measure in measures:
        measure.unit_mentions.append(UnitMention(issuers[0], "responsible", "sole_issuer", span))

