"""Measures: the lowest-level numbered items that prescribe action."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from .. import patterns as P
from ..models import Duty, Measure, OutlineNode, UnitMention
from .units import (
    article_mentions,
    find_markers,
    lead_convention,
    looks_like_unit,
    marker_mentions,
    sentence_mentions,
    split_unit_list,
    subject_mentions,
)


def extract_measures(text: str, nodes: list[OutlineNode]) -> list[Measure]:
    """Leaves of the body outline, without 指导思想/主要目标 and annex rows.

    Each measure's units come from its 牵头/配合/责任单位 markers, labelled or verb-form (an item
    with several holds their union; each mention keeps the clause its marker closes), read
    with the notice's lead convention (列第一位者为牵头单位，下同) where it states one.
    """
    by_path = {n.path: n for n in nodes}
    convention = lead_convention(text)
    measures = []
    for node in nodes:
        if not is_measure_node(node, by_path, text) or (node.children and node.kind != "第一条"):
            continue
        start, end = node.body_span
        if node.children:  # an article with 项: the article's own rule is its lead-in, the 项 are measures too
            end = min(by_path[c].span[0] for c in node.children)
        body = text[start:end]
        measure = Measure(path=node.path, title=_title(node, body), text=body, span=(start, end))
        printed = marker_mentions(body, start, convention)
        mentions = printed or sentence_mentions(body, start, convention)
        if mentions and not printed and not in_article(node, by_path):  # 由甲局牵头，乙局负责落实: 乙局 too
            named = {m.unit for m in mentions}
            mentions += [m for m in _subject_mentions(body, start, node, by_path) if m.unit not in named]
        if not mentions and in_article(node, by_path):
            mentions = article_mentions(body, start)  # an article names who acts as its subject
        if not mentions and not in_article(node, by_path):
            mentions = _subject_mentions(body, start, node, by_path)  # 市卫健局负责…… in the item's sentence
        for mention in mentions or _lead_in_mentions(text, node, by_path, convention):
            measure.unit_mentions.append(mention)
            printed = getattr(measure, f"{mention.role}_units")
            if mention.unit not in printed:
                printed.append(mention.unit)
        measures.append(measure)
    _share_run_line(measures, text, by_path)
    _items_each_assigned(measures, text)
    return measures


def _items_each_assigned(measures: list[Measure], text: str) -> None:
    """以上三、四项工作由县妇幼保健院和县疾控中心分别负责: as many bodies as items named, in order — each item
    (by its top-level label) that names no unit of its own takes its body (printed, at the sentence)."""
    if "分别" not in text:
        return
    for m in P.ITEMS_EACH_ASSIGNED.finditer(text):
        labels = re.split(r"[、和]", m.group("items"))
        units = split_unit_list(m.group("units"), m.start("units"))
        if len(units) != len(labels) or not all(looks_like_unit(u.unit) for u in units):
            continue  # not one body an item: say nothing
        for label, unit in zip(labels, units):
            for measure in measures:
                if (measure.path == label or measure.path.startswith(label + "/")) and not measure.unit_mentions:
                    measure.unit_mentions.append(UnitMention(unit.unit, "responsible", "inline_marker", unit.span,
                                                             clause_span=(m.start(), m.end())))
                    measure.responsible_units.append(unit.unit)


def _share_run_line(measures: list[Measure], text: str, by_path: dict[str, OutlineNode]) -> None:
    """一是…⏎二是…⏎三是…⏎责任单位：甲、乙 — the label line after a run of 一是 items on lines of their own
    (read with the last) is the run's: the items before it that name no unit of their own take its units,
    with their spans (printed, at the line)."""
    runs: dict[str, list[Measure]] = {}
    for m in measures:
        node = by_path.get(m.path)
        if node is not None and node.kind == "一是" and node.parent:
            runs.setdefault(node.parent, []).append(m)
    for run in runs.values():
        last = run[-1]
        if len(run) < 2 or not last.unit_mentions:
            continue
        first = min(u.span[0] for u in last.unit_mentions)
        line_start = text.rfind("\n", last.span[0], first)
        if line_start < 0 or not _LABEL_LINE.match(text, line_start + 1):
            continue  # the units are the last item's own (in its sentence or its bracket)
        for m in run[:-1]:
            if m.unit_mentions:
                continue
            for u in last.unit_mentions:
                m.unit_mentions.append(dataclasses.replace(u))
                printed = getattr(m, f"{u.role}_units")
                if u.unit not in printed:
                    printed.append(u.unit)


_LABEL_LINE = re.compile(r"\s*(?:【|〔|\[)?(?:牵头|责任|配合|协办|参与|主责|负责)[^：:\n]{0,6}[：:]")


def without_duty_sections(measures: list[Measure], duties: list[Duty], nodes: list[OutlineNode]) -> list[Measure]:
    """The measures less the items that divide duties among bodies: an item with duty clauses under a
    职责分工 / 部门职责 / 部门协作 heading (its own or an ancestor's), any other item of such a
    section whose items are duties (4.各有关部门要密切配合), or a closing item (保障措施) whose duty
    clauses make up half its text or more. Their clauses are the notice's ``division_of_duties``
    entries; listed as measures too they would be counted as work the notice prescribes.

    >>> nodes = [OutlineNode("三", "三、", "一、", 1, "保障措施", (0, 60), (2, 60), None, ["三/（一）"]),
    ...          OutlineNode("三/（一）", "（一）", "（一）", 2, "加强部门协作", (6, 60), (9, 60), "三")]
    >>> kept = without_duty_sections([Measure("三/（一）", "加强部门协作", "……", (9, 60))],
    ...                              [Duty("财政局", "做好资金保障", (16, 27), "三/（一）")], nodes)
    >>> kept
    []
    """
    by_path = {n.path: n for n in nodes}
    covered: dict[str, int] = {}
    for duty in duties:
        if duty.path:
            covered[duty.path] = covered.get(duty.path, 0) + duty.span[1] - duty.span[0]

    def duty_section(measure: Measure) -> bool:
        node = by_path.get(measure.path)
        if node is None:
            return False
        named = [a for a in ancestors(node, by_path) if a.heading and P.DUTY_HEADINGS.search(a.heading)]
        if measure.path not in covered:  # 4.各有关部门要密切配合 closing a 部门职责 list whose items are duties
            return any(a is not node and any(p.startswith(a.path + "/") for p in covered) for a in named)
        if named:
            return True
        own = len(measure.text) - (len(node.heading) if node.heading and measure.text.startswith(node.heading) else 0)
        return 2 * covered[measure.path] >= own

    return [m for m in measures if not duty_section(m)]


def _subject_mentions(body: str, start: int, node: OutlineNode, by_path: dict[str, OutlineNode]) -> list:
    """:func:`subject_mentions` of an item, not of a division-of-duties item (部门职责: its clauses are
    duties, attached elsewhere), nor of a closing item (组织保障) that names two bodies or more."""
    found = subject_mentions(body, start)
    if not found:
        return found
    chain = ancestors(node, by_path)
    if any(n.heading and P.DUTY_HEADINGS.search(n.heading) for n in chain):
        return []
    closing = any(n.heading and P.SAFEGUARD_HEADINGS.search(n.heading) for n in chain)
    return [] if closing and len({m.unit for m in found}) > 1 else found


def _lead_in_mentions(text: str, node: OutlineNode, by_path: dict[str, OutlineNode], convention) -> list:
    """The markers of the nearest enclosing item whose lead-in has some (（三）做好救治（牵头单位：甲局）
    1.…… 2.……): printed for the item, they cover each of its sub-items that names no unit itself."""
    for ancestor in ancestors(node, by_path)[1:]:
        first_child = min((by_path[c].span[0] for c in ancestor.children if c in by_path), default=None)
        if first_child is None or first_child <= ancestor.body_span[0]:
            continue
        found = marker_mentions(text[ancestor.body_span[0]:first_child], ancestor.body_span[0], convention)
        if found:
            return found
    return []


def is_measure_node(node: OutlineNode, by_path: dict[str, OutlineNode], text: str = "") -> bool:
    """Not in an annex (unless the annex holds rules in article form: a notice enclosing a 细则),
    not a goal/guiding-idea item, not an article that sets no rule (purpose, scope, definitions,
    interpretation, commencement), and with some content."""
    chain = ancestors(node, by_path)
    if node.path.startswith("附件") and not in_article(node, by_path):
        return False
    if node.path.startswith(P.COVER_LETTER_PREFIX + "/"):  # the covering letter's requests, not the plan's work
        return False
    for ancestor in chain:
        if ancestor.heading and _not_measure_heading(ancestor.heading) and not _assigned(node, text):
            return False
        if ancestor.kind == "第一条" and P.NON_RULE_ARTICLE.match(_article_text(ancestor, text)):
            return False
    if text and not node.children and node.body_span[1] - node.body_span[0] <= 400 \
            and _only_commencement(text[node.body_span[0]:node.body_span[1]]):  # such an item is short
        return False
    return node.body_span[1] > node.body_span[0] and node.kind not in ("第一章", "第一节")


def _only_commencement(body: str) -> bool:
    """An item whose every sentence says when the notice applies, for how long, or what it repeals (施行时间。本通知
    自…起施行。《…》同时废止。): it prescribes no work (probe 4b: such items were measures implied to the issuer).

    >>> _only_commencement("施行时间。本通知自2022年7月1日起施行，有效期至2025年12月31日。")
    True
    >>> _only_commencement("本方案自印发之日起施行，各镇要抓好落实。")
    False
    """
    if not any(word in body for word in ("施行", "执行", "实施", "生效", "有效期", "废止", "解释")):
        return False
    rest = P.COMMENCEMENT_HEADING.sub("", body.strip(), count=1)
    sentences = (s.group().strip() for s in _SENTENCE.finditer(rest))  # read one at a time: most fail at the first
    return bool(rest.strip("。；; \n")) and all(not s or P.COMMENCEMENT_CLAUSE.fullmatch(s) for s in sentences)


_SENTENCE = re.compile("[^。；;]+")


@lru_cache(maxsize=4096)  # a pure test of a heading, asked for each item under it (and again by the targets)
def _not_measure_heading(heading: str) -> bool:
    """A 总体要求 / 指导思想 / 基本原则 heading, or a goal paragraph's (主要目标, 具体目标, 2022年工作目标)."""
    return bool(P.NON_MEASURE_HEADINGS.match(heading) or P.GOAL_PARAGRAPH.match(heading.strip().rstrip("。：:"))
                or P.ROSTER_HEADINGS.match(heading.strip().rstrip("。：:")))


def _assigned(node: OutlineNode, text: str) -> bool:
    """An item under a goal heading whose own text names who carries it out (a State Council
    division-of-work notice's （一）总体要求和主要预期目标 / 1.…（国务院各部门分别负责）) is a measure."""
    return bool(text) and not node.children and bool(find_markers(text[node.body_span[0]:node.body_span[1]], 0))


def _article_text(node: OutlineNode, text: str) -> str:
    """An article's text where the caller has it, else its heading."""
    return text[node.body_span[0]:node.body_span[1]] if text else (node.heading or "")


def in_article(node: OutlineNode, by_path: dict[str, OutlineNode]) -> bool:
    """Whether ``node`` is an article (第N条) or one of its 项."""
    return any(a.kind == "第一条" for a in ancestors(node, by_path))


def is_goal_node(node: OutlineNode, by_path: dict[str, OutlineNode]) -> bool:
    return any(a.heading and _goal_heading(a.heading) for a in ancestors(node, by_path))


@lru_cache(maxsize=4096)  # a pure test of a heading, asked for each item under it
def _goal_heading(heading: str) -> bool:
    return bool(P.GOAL_HEADINGS.search(heading) or P.GOAL_PARAGRAPH.match(heading.strip().rstrip("。：:")))


def ancestors(node: OutlineNode, by_path: dict[str, OutlineNode]) -> list[OutlineNode]:
    """``node`` and its ancestors, nearest first."""
    chain = []
    current: OutlineNode | None = node
    while current is not None:
        chain.append(current)
        current = by_path.get(current.parent) if current.parent else None
    return chain


def _title(node: OutlineNode, body: str) -> str:
    if node.heading:
        return node.heading
    first = body.split("。", 1)[0]
    return first.split("\n", 1)[0]
