"""Responsible units: the markers that close an item, the lists they hold, and the duty paragraph.

A marker is a bracket (or a line) that names units: labelled （牵头单位：甲；配合单位：乙；适用范围：…）,
where only unit labels name units, or verb-form （甲牵头，乙、丙配合）, （由甲负责）, （甲会同乙负责）,
（甲、乙按职责分工负责）. A notice may say once that the first unit listed leads
(列第一位者为牵头单位，下同): every later marker is read so. Lists are split on 、，和 及 以及 会同 等和
between bodies; a trailing 等 is dropped from the name and kept as ``open_list``; a suffix the list
shares is given to each (农业农村、生态环境等部门 → 农业农村部门, 生态环境部门).

Unit strings are kept as printed; canonical forms are the job of :mod:`policydiff.canonical`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .. import patterns as P
from ..models import Duty, Measure, UnitMention
from ..resources import load_json
from ..textutils import split_units

_ROLE_OF = [(role, re.compile(f"^(?:{alt})$")) for role, alt in P.ROLE_KEYWORDS]
_VERB_ROLE_OF = [(role, re.compile(f"^(?:{alt})$")) for role, alt in P.ROLE_VERBS]
Span = tuple[int, int]


# ---------------------------------------------------------------- lists of units

@dataclass(frozen=True)
class ListedUnit:
    """One body of a list: its name, the span of its own characters, whether the list it closes
    ends in 等, and the joiner before it (会同: the bodies after it join the one before)."""

    unit: str
    span: Span
    open_list: bool = False
    joiner: str | None = None


def split_unit_list(text: str, offset: int = 0) -> list[ListedUnit]:
    """The bodies a list names, each with the span of its own characters.

    >>> [(u.unit, u.open_list) for u in split_unit_list("甲部、乙委等和各省级人民政府")]
    [('甲部', True), ('乙委', True), ('各省级人民政府', False)]
    >>> [(u.unit, u.span) for u in split_unit_list("农业农村、住房城乡建设、生态环境等部门")]
    [('农业农村部门', (0, 4)), ('住房城乡建设部门', (5, 11)), ('生态环境部门', (12, 16))]
    """
    listed = _listed_units(text)
    if not offset:
        return list(listed)
    # built directly: dataclasses.replace looks the fields up again on every call
    return [ListedUnit(u.unit, (u.span[0] + offset, u.span[1] + offset), u.open_list, u.joiner) for u in listed]


@lru_cache(maxsize=8192)  # the same lists recur within a notice (markers, duty heads) and across a folder
def _listed_units(text: str) -> tuple[ListedUnit, ...]:
    """:func:`split_unit_list` at offset 0 (a span moves with the offset; ListedUnit is frozen)."""
    pieces: list[tuple[str, int, str | None]] = []
    for part, (start, _) in split_units(text, 0, with_spans=True):
        part, start = _strip_edges(part, start)
        for word, at in _space_apart(part, start):  # 县卫健局 县财政局 县人社局: bodies apart by spaces
            pieces.extend(_split_joined(word, at))
    return tuple(_share_parents(_share_levels(_share_suffixes(_close_open_lists(pieces)))))


def _space_apart(part: str, start: int) -> list[tuple[str, int]]:
    """``part`` cut at its spaces when every piece is a body (a list printed with spaces for 、), else whole."""
    if not part:
        return []
    if " " not in part and "\u3000" not in part and "\t" not in part:  # the normaliser writes 　 between words as a tab
        return _run_together(part, start)
    words = [(m.group(), start + m.start()) for m in re.finditer(r"[^ \u3000\t]+", part)]
    if any(w.startswith("国家") and w.endswith("总局") for w, _ in words[:-1]):
        return [(part, start)]  # 国家税务总局 湖南省税务局: one body's two halves
    return words if len(words) >= 2 and all(_is_body(w) for w, _ in words) else [(part, start)]


def _strip_edges(part: str, start: int) -> tuple[str, int]:
    """Without trailing punctuation and the role phrase (按职责分工负责), nor a leading 由."""
    trimmed = part.rstrip("。.；;，,、 \n\u3000\t")
    trimmed = P.UNIT_TRAILING_PHRASES.sub("", trimmed) if len(trimmed) > 3 else trimmed
    if trimmed.endswith(("）", ")")) and len(trimmed) > 3:  # 县医保局（按职责分工负责）: the role note is no name
        trimmed = _BRACKETED_SHARE.sub("", trimmed)
    if trimmed.startswith("由") and len(trimmed) > 3:
        return trimmed[1:], start + 1
    return trimmed, start


_BRACKETED_SHARE = re.compile(rf"\s*[（(]\s*(?:{P.DUTY_SHARE.pattern})\s*[）)]$")


_LEVEL_LEADS = "省市县区"
_NAME_ENDS = "局委办院室所会厅部"


def _run_together(part: str, start: int) -> list[tuple[str, int]]:
    """``part`` cut where one body's name ends and the next starts with the same level word, when every piece
    is a body of four characters or more (县卫健局县财政局县人社局: a list printed with spaces the normaliser
    dropped), else whole."""
    lead = part[:1]
    if len(part) < 8 or lead not in _LEVEL_LEADS:
        return [(part, start)]
    cuts = [0, *(i for i in range(4, len(part) - 3) if part[i] == lead and part[i - 1] in _NAME_ENDS)]
    cuts = [c for i, c in enumerate(cuts) if i == 0 or c - cuts[i - 1] >= 4]
    pieces = [(part[a:b], start + a) for a, b in zip(cuts, [*cuts[1:], len(part)])]
    if len(pieces) > 1 and all(len(p) >= 4 and _is_body(p) for p, _ in pieces):
        return pieces
    return [(part, start)]


def _split_joined(part: str, start: int) -> list[tuple[str, int, str | None]]:
    """``part`` cut at 和/及/以及/会同/等和 where both sides are bodies (人力资源和社会保障局 stays whole)."""
    pieces: list[tuple[str, int, str | None]] = []
    cut, joiner = 0, None
    for m in P.UNIT_JOINERS.finditer(part):
        left_end = m.start() + (1 if m.group(0) == "等和" else 0)  # 等 stays with the list it closes
        if m.start() < cut:
            continue
        left, right = part[cut:left_end], part[m.end():]
        if _closes_bodies(left) and _starts_with_body(right):
            pieces.append((left, start + cut, joiner))
            cut, joiner = m.end(), m.group(0).removeprefix("等")
    pieces.append((part[cut:], start + cut, joiner))
    return pieces


def _closes_bodies(text: str) -> bool:
    """A body, or a list closed by 等部门 / 等单位 (生态环境等部门和各省级人民政府)."""
    end = P.OPEN_LIST_END.search(text)
    return _is_body(_without_open_end(text)) or bool(end and end.group("suffix") and end.start() >= 2)


def _starts_with_body(text: str) -> bool:
    if _is_body(_without_open_end(text)):
        return True
    return any(_is_body(text[:m.start()]) for m in P.UNIT_JOINERS.finditer(text))


def _without_open_end(text: str) -> str:
    m = P.OPEN_LIST_END.search(text)
    return text[:m.start()] if m and m.start() >= 2 else text


def _close_open_lists(pieces: list[tuple[str, int, str | None]]) -> list[ListedUnit]:
    """A piece ending in 等 (等部门, 等有关单位) closes an open list: the 等 is dropped and every body
    since the last open list (or the last 会同) is marked; a bare function before 等部门 takes the suffix."""
    units: list[ListedUnit] = []
    group_start = 0
    for text, start, joiner in pieces:
        if joiner == "会同":  # 甲部会同乙委、丙局等: the open list is the one 甲部 is joined with
            group_start = len(units)
        m = P.OPEN_LIST_END.search(text)
        if not m or m.start() < 2:
            units.append(ListedUnit(text, (start, start + len(text)), False, joiner))
            continue
        stem, suffix = text[:m.start()], m.group("suffix")
        shared = suffix if suffix in ("部门", "单位", "机构", "主管部门") and not _is_body(stem) else ""
        units.append(ListedUnit(stem + shared, (start, start + len(stem)), True, joiner))
        for i in range(group_start, len(units) - 1):
            bare = shared and not _is_body(units[i].unit)
            units[i] = replace(units[i], unit=units[i].unit + (shared if bare else ""), open_list=True)
        group_start = len(units)
    return units


def _share_suffixes(units: list[ListedUnit]) -> list[ListedUnit]:
    """农业农村、住房城乡建设部门 → 农业农村部门: a bare function name takes the generic suffix (部门,
    单位, 机构) of the next body that carries one; 通信管理部门、单位 is one body."""
    # a bare suffix after a body (通信管理部门、单位) names that body's kind again, no other body
    out = [u for i, u in enumerate(units)
           if not (i and P.SHARED_SUFFIX.fullmatch(u.unit) and P.SHARED_SUFFIX.search(units[i - 1].unit))]
    suffix = None
    for i in range(len(out) - 1, -1, -1):
        carried = P.SHARED_SUFFIX.search(out[i].unit)
        if carried and carried.start() >= 2:
            suffix = carried.group("suffix")
        elif _is_body(out[i].unit):
            suffix = None
        elif suffix:
            out[i] = replace(out[i], unit=out[i].unit + suffix)
    return out


def _share_levels(units: list[ListedUnit]) -> list[ListedUnit]:
    """省、市、县卫生健康部门 → 省卫生健康部门, 市卫生健康部门, 县卫生健康部门: a bare level word takes
    what follows the level word of the next body (each span stays on its own characters)."""
    out = list(units)
    rest = None
    for i in range(len(out) - 1, -1, -1):
        name = out[i].unit
        level = P.LEADING_LEVEL.match(name)
        bare = level is not None and (level.end() == len(name) or name[level.end():] in _SUFFIX_ONLY)
        if bare and rest and level is not None:
            out[i] = replace(out[i], unit=name[:level.end()] + rest)
        elif level is not None and len(name) - level.end() >= 2 and _is_body(name):
            rest = name[level.end():]
        else:
            rest = None
    return out


def _share_parents(units: list[ListedUnit]) -> list[ListedUnit]:
    """国家卫生健康委医政司、乡村振兴司 → …, 国家卫生健康委乡村振兴司: a bare department (司, 处) after one named
    with its ministry or commission is that body's too (its span stays on its own characters) — not the
    乡村振兴 body a bare 乡村振兴司 would read as."""
    out = list(units)
    parent = None
    for i, u in enumerate(out):
        if parent and P.BARE_DIVISION.match(u.unit):
            out[i] = replace(u, unit=parent + u.unit)
            continue
        named = P.DIVISION_PARENT.match(u.unit)
        parent = named.group("parent") if named else None
    return out


# what the shared-suffix step may have glued to a bare level word (省部门 from 省、市、县卫生健康部门)
_SUFFIX_ONLY = ("部门", "单位", "机构", "主管部门", "行政部门")


def _is_body(name: str) -> bool:
    """The name ends as a body's does (局, 委, 部门, 人民政府 …) or is a placeholder (各有关部门, 各地)."""
    return len(name) >= 2 and bool(P.BODY_END.search(name) or P.PLACEHOLDER_BODY.match(name)
                                   or P.TOWNSHIP_BRACKET_BODY.match(name) or P.MINISTRY_DIVISION.search(name))


@cache
def _function_aliases() -> tuple[str, ...]:
    return tuple(a for names in load_json("units.json")["functions"].values() for a in names if len(a) >= 2)


def looks_like_unit(name: str) -> bool:
    """A body's name, a placeholder, or a bare function a notice uses as a unit (医保, 民政).

    >>> looks_like_unit("国家卫生健康委"), looks_like_unit("各县（市、区）人民政府"), looks_like_unit("群众自愿")
    (True, True, False)
    """
    return _is_body(name) or (len(name) <= 8 and any(a in name for a in _function_aliases()))


# ---------------------------------------------------------------- markers

@dataclass
class Marker:
    """One marker of an item: its span in document offsets and the units it names."""

    span: Span
    mentions: list[UnitMention]


def lead_convention(text: str) -> list[tuple[int, bool, bool]]:
    """Where a notice says that the first unit listed leads: (offset, carried by 下同, inside a bracket).

    >>> lead_convention("（甲部、乙委负责。列第一位者为牵头单位，下同）")
    [(9, True, True)]
    """
    found: list[tuple[int, bool, bool]] = []
    if "为牵头" not in text:
        return found  # each form of the convention says 为牵头: a text without it states none
    for m in P.LEAD_FIRST.finditer(text):
        after = text[m.end():m.end() + 12]
        carried = bool(P.CARRIED_ON.search(after.split("）")[0].split(")")[0]))
        before = text[max(0, m.start() - 300):m.start()]
        last_open = max(before.rfind(ch) for ch in "（(【[")
        last_close = max(before.rfind(ch) for ch in "）)】]")
        found.append((m.start(), carried, last_open > last_close))
    return found


def _lead_first_applies(span: Span, convention: list[tuple[int, bool, bool]]) -> bool:
    return any(span[0] <= at < span[1] or (carried and at < span[0]) or not in_bracket
               for at, carried, in_bracket in convention)


def _next_candidate(body: str, i: int) -> int | None:
    """The first place at or after ``i`` (> 0) where a marker may start: a bracket of
    MARKER_OPEN, or right after a line break or a 。 (found from the stop before ``i`` on)."""
    stop = P.MARKER_STOP.search(body, i - 1)
    while stop is not None:
        at = stop.start()
        if body[at] in "\n。":
            return at + 1
        if at >= i:
            return at
        stop = P.MARKER_STOP.search(body, at + 1)  # a bracket just before i starts nothing at i
    return None


def find_markers(body: str, offset: int, convention: list[tuple[int, bool, bool]] | None = None) -> list[Marker]:
    """Every marker of an item, in order: brackets naming units and 责任单位：… lines.

    >>> [[(u.unit, u.role) for u in m.mentions] for m in find_markers("甲。（乙局负责）丙。（丁局牵头，戊委配合）", 0)]
    [[('乙局', 'responsible')], [('丁局', 'lead'), ('戊委', 'support')]]
    """
    if convention is None:  # not given the notice's: the one the item itself states
        convention = [(at + offset, carried, inside) for at, carried, inside in lead_convention(body)]
    markers = []
    colon = "：" in body or ":" in body  # every 责任单位：… line (ROLE_LABEL, LEADER_LABEL) has one
    i = 0
    while i < len(body):
        ch = body[i]
        if i and ch not in P.MARKER_OPEN and body[i - 1] not in "\n。":
            # neither a bracket nor a line's or sentence's start: on to the next one of those
            nxt = _next_candidate(body, i)
            if nxt is None or nxt == len(body):  # after a closing 。: the very end
                break
            i = nxt
            ch = body[i]
        if ch in P.MARKER_OPEN:
            close_at = _matching_close(body, i)
            inner_end = close_at - 1 if body[close_at - 1:close_at] in ("）", ")", "】", "]", "］", "〕") else close_at
            label = P.BRACKETED_LABEL.fullmatch(body[i + 1:inner_end].strip())
            tag = ch in "（(" or (ch == "〔" and label is not None and label.group() in ("牵头", "配合", "协办"))
            if label and tag and i and body[i - 1] not in P.TAG_NOT_AFTER:
                # 县医保局（牵头）会同县卫健局、县民政局（配合）建立……: the tag is the role of the bodies before it
                # (县卫健局〔牵头〕、县医保局〔配合〕 too; read as a label before its units, 县医保局〔配合〕 led)
                tagged = _tagged_run(body, i, offset)
                if tagged:
                    markers.append(tagged)
                if tagged or ch != "〔":  # 〔牵头〕 after other words: left to the label form below
                    i = tagged.span[1] - offset if tagged else close_at
                    continue
            if label:  # 【牵头单位】甲局【配合单位】乙局: the units follow the bracket
                end = _label_units_end(body, close_at)
                mentions = _segment_mentions(body[close_at:end], offset + close_at, role_of(label.group("kw")))
                if mentions:
                    markers.append(Marker((offset + i, offset + end), mentions))
                i = max(end, close_at)
                continue
            mentions = _bracket_mentions(body[i + 1:inner_end], offset + i + 1) or \
                _bare_bracket_mentions(body, i, inner_end, offset)
            if mentions:
                markers.append(Marker((offset + i, offset + close_at), mentions))
            i = close_at
            continue
        bare = _bare_label(body, i, offset)
        if bare:
            markers.append(bare)
            i = bare.span[1] - offset
            continue
        line = _label_line(body, i) if colon else None
        if line:
            mentions = _labelled(body[i:line], offset + i)
            if mentions:
                markers.append(Marker((offset + i, offset + line), mentions))
                i = line
                continue
        i += 1
    for marker in markers:
        if _lead_first_applies(marker.span, convention):
            _first_leads(marker.mentions)
    return markers


def _tagged_run(body: str, i: int, offset: int) -> Marker | None:
    """The bodies a clause names before each role tag from the one at ``i`` on (县医保局（牵头）会同县卫健局、
    县乡村振兴局（配合）建立预警机制 → 县医保局 lead, 县卫健局 and 县乡村振兴局 support): each tag gives its role
    to the list between the previous tag (or the clause's start) and itself, less a leading 由 / 会同 / 和.
    None unless every list names government bodies only (a tag after other words gives no unit)."""
    start = max(body.rfind(ch, 0, i) for ch in P.TAG_CLAUSE_STOPS) + 1
    clause_end = min((at for at in (body.find(ch, i) for ch in "。；;\n") if at >= 0), default=len(body))
    mentions: list[UnitMention] = []
    pos, at, end = start, i, i
    while True:
        close_at = _matching_close(body, at)
        label = P.BRACKETED_LABEL.fullmatch(body[at + 1:close_at - 1].strip())
        segment = body[pos:at]
        lead = P.TAG_LIST_LEAD.match(segment)
        units = segment[lead.end():] if lead else segment
        if not label or not units or not _government_bodies(units):
            return None
        found = _role_units(units, offset + pos + len(segment) - len(units), role_of(label.group("kw")))
        if not found:
            return None
        mentions.extend(found)
        end = close_at
        nxt = P.TAG_NEXT.match(body, close_at, clause_end)
        if not nxt:
            break
        pos, at = close_at, nxt.end() - 1
    stop = min((at for at in (body.find(ch, end + 1) for ch in "，,。；;\n") if at >= 0), default=len(body))
    rest = P.ROLE_VERB_SEGMENT.match(body[end + 1:stop]) if body[end:end + 1] in "、，," else None
    if rest and _government_bodies(rest.group("units")):  # 甲局（牵头）、乙局、丙局按职责分工负责: the rest take the verb's role
        role = next(r for r, p in _VERB_ROLE_OF if p.match(rest.group("verb")))
        mentions.extend(_role_units(rest.group("units"), offset + end + 1 + rest.start("units"), role))
        end = end + 1 + rest.end()
    clause = _clause_span(body, offset, offset + start, offset + clause_end)
    for mention in mentions:
        mention.clause_span = clause
    return Marker((mentions[0].span[0], offset + end), mentions)


def _label_units_end(body: str, start: int) -> int:
    """Where the units after a bracketed label end: the next bracket, line or sentence end."""
    ends = [at for at in (body.find(ch, start) for ch in "【[［〔\n。") if at >= 0]
    return min(ends) if ends else len(body)


def _label_line(body: str, i: int) -> int | None:
    """The end of an unbracketed 责任单位：… starting at ``i`` (at a line's or a sentence's start)."""
    if i and body[i - 1] not in "\n。":
        return None
    m = P.ROLE_LABEL.match(body, i)
    if not m:
        leader = P.LEADER_LABEL.match(body, i)  # 牵头领导：分管副局长；责任单位：县医保局
        if not leader:
            return None
        end = min((at for at in (body.find("\n", i), body.find("。", i)) if at >= 0), default=len(body))
        return end if P.ROLE_LABEL.search(body, leader.end(), end) else None
    ends = [at for at in (body.find("\n", i), body.find("。", i)) if at >= 0]
    return min(ends) if ends else len(body)


def _bare_label(body: str, i: int, offset: int) -> Marker | None:
    """A unit label alone on its line (at ``i``) and the units on the next line, as a web page gives a
    task card's cells (责任单位 / 县卫健局、县文旅局), its colon printed or not (责任单位： ⏎ 州医保局); the next
    line must name only bodies."""
    if i and body[i - 1] != "\n":
        return None
    label_end = body.find("\n", i)
    if label_end < 0:
        return None
    label = body[i:label_end].rstrip(" \t\u3000")
    colon = label.endswith(("：", ":"))
    if colon:  # 责任单位： alone on its line: the same label (its units were lost)
        label = label[:-1].rstrip(" \t\u3000")
    elif label_end - i > 7 and body[label_end - 1] not in " \t":
        return None  # a label is at most seven characters (牵头科室及单位), then only spaces or tabs
    if len(label) > 7 or not P.ROLE_LABEL_ALONE.fullmatch(label):
        return None
    end = body.find("\n", label_end + 1)
    end = len(body) if end < 0 else end
    role = role_of(label.strip())
    mentions = _segment_mentions(body[label_end + 1:end], offset + label_end + 1, role)
    if not mentions or not all(looks_like_unit(m.unit) for m in mentions):
        return None
    return Marker((offset + i, offset + end), mentions)


def _bare_bracket_mentions(body: str, i: int, inner_end: int, offset: int) -> list[UnitMention]:
    """A bracket of units with no marker word, a sentence of its own at an item's close
    (……。（省卫生健康委、省财政厅）; 国办/省政府 分工 lists, 工作要点): responsible, printed. Only
    where the bracket follows a sentence's end or starts a line, and every part is a body's
    name: a gloss after a noun (基层医疗卫生机构（乡镇卫生院、村卫生室）) or a bracket of
    examples (（如：县医院）, （含中医医院）) names no unit."""
    j = i - 1
    while j >= 0 and body[j] in " \t\u3000":  # back over spaces (no copy of the text before: items can be long)
        j -= 1
    if j >= 0 and body[j] not in "。；;！!\n":
        return []
    inner = body[i + 1:inner_end]
    tail = P.BRACKET_DEADLINE_TAIL.search(inner)
    if tail:  # 〔县卫健局、县人社局，2022年9月〕: the deadline is no unit
        inner = inner[:tail.start()]
    if not inner.strip() or P.BARE_BRACKET_NOT_UNITS.search(inner):
        return []
    found = _role_units(inner, offset + i + 1, "responsible")
    listed = split_unit_list(inner)
    if not found or len(found) != len(listed) or not all(_is_body(u.unit) for u in found):
        return []
    return found


def _first_leads(mentions: list[UnitMention]) -> None:
    """列第一位者为牵头单位: in a marker that names no lead, the first unit listed as responsible leads;
    a unit listed alone stays responsible; the others keep the role the marker prints
    (（甲委、乙厅负责，丙办参与。注：排在首位的部门为牵头部门） → 甲委 lead, 乙厅 responsible, 丙办
    support): the convention names the lead only, and the others are printed 负责 / 按职责分工负责,
    not 配合."""
    if not mentions or any(m.role == "lead" for m in mentions):
        return
    responsible = [m for m in mentions if m.role == "responsible"]
    if len(responsible) >= 2:  # a unit listed alone is first of none: it stays responsible (（省卫生健康委负责）)
        responsible[0].role = "lead"


def _bracket_mentions(inner: str, offset: int) -> list[UnitMention]:
    stripped = inner.lstrip()
    first = P.PART_LABEL.match(stripped) or P.ROLE_LABEL.match(stripped)
    if first and P.ROLE_LABEL.search(inner):
        return _labelled(inner, offset)
    return _verb_clauses(inner, offset) or []


def _labels(inner: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every label part, unit labels found even without a separator before them."""
    found: dict[int, tuple[int, int, str]] = {}
    for m in P.ROLE_LABEL.finditer(inner):
        found[m.end()] = (m.start(), m.end(), m.group("kw"))
    for m in P.PART_LABEL.finditer(inner):
        found.setdefault(m.end(), (m.start("label"), m.end(), m.group("label")))
    for m in P.CARD_FIELD_LINE.finditer(inner):  # 区医保局完成时间：…: a deadline's label glued to the last unit
        found.setdefault(m.end(), (m.start(), m.end(), m.group().rstrip("：: ")))
    labels, last_end = [], -1
    for start, end, label in sorted(found.values()):
        if start >= last_end:
            labels.append((start, end, label))
            last_end = end
    return labels


def _labelled(inner: str, offset: int) -> list[UnitMention]:
    """Units of the unit-label parts (牵头单位, 配合单位, 责任单位, 负责部门 …); other parts name none."""
    labels = _labels(inner)
    mentions = []
    for i, (_, end, label) in enumerate(labels):
        role = role_of(label) if any(p.match(label) for _, p in _ROLE_OF) else None
        seg_end = labels[i + 1][0] if i + 1 < len(labels) else len(inner)
        if role:
            found = _segment_mentions(inner[end:seg_end], offset + end, role)
            if label in _WEAK_LABELS:  # 责任：要落实到人 names nobody: such a label names bodies only
                found = [m for m in found if looks_like_unit(m.unit)]
            mentions.extend(found)
    return mentions


# unit labels that are also common words (责任：…, 股室：…): what follows must name bodies
_WEAK_LABELS = ("责任", "股室")


def _segment_mentions(segment: str, offset: int, role: str) -> list[UnitMention]:
    """A labelled part's units: its verb clauses when it has some (甲牵头，乙配合), else its list."""
    return _verb_clauses(segment, offset, role, labelled=True) or _role_units(segment, offset, role)


def _all_bodies(clause: str) -> bool:
    """Every part of a verbless clause is a body (县卫健局医政股、县人民医院、各镇卫生院)."""
    listed = split_unit_list(clause)
    return bool(listed) and all(looks_like_unit(u.unit) for u in listed)


def marker_mentions(body: str, offset: int, convention: list[tuple[int, bool, bool]] | None = None
                    ) -> list[UnitMention]:
    """The units of every marker of an item, each with its role, span and the clause its marker closes.

    >>> [(m.unit, m.role) for m in marker_mentions("开展义诊。（县卫健局牵头，县医保局、县民政局配合）", 0)]
    [('县卫健局', 'lead'), ('县医保局', 'support'), ('县民政局', 'support')]
    """
    mentions, clause_start = [], offset
    for marker in find_markers(body, offset, convention):
        clause = _clause_span(body, offset, clause_start, marker.span[0])
        for mention in marker.mentions:
            mention.clause_span = mention.clause_span or clause  # a tagged run keeps its own sentence
        mentions.extend(marker.mentions)
        clause_start = marker.span[1]
    return mentions


# verbs that assign an item by a sentence only with 会同 (由甲会同乙负责); alone they may name who pays or runs
# a service (由定点医疗机构负责垫付), so 由甲负责 without 会同 is no assignment
_JOINT_ONLY_VERBS = ("负责", "研究提出", "研究制定", "牵头")


def sentence_mentions(body: str, offset: int, convention: list[tuple[int, bool, bool]] | None = None
                      ) -> list[UnitMention]:
    """Units an item assigns in a sentence of its own, not a bracket: 由甲部会同乙委、丙局等部门负责落实
    (甲部 leads, the others support), 由甲部、乙委等分工负责 (all responsible). Printed at the item.

    >>> [(m.unit, m.role, m.open_list) for m in sentence_mentions("关于甲的问题，由甲部会同乙委等部门研究提出意见。", 0)]
    [('甲部', 'lead', False), ('乙委', 'support', True)]
    """
    mentions: list[UnitMention] = []
    if "由" not in body:  # every assigning sentence has it: most items are not scanned
        return mentions
    for m in P.ASSIGNING_SENTENCE.finditer(body):
        units, at = m.group("units"), offset + m.start("units")
        verb = m.group("verb")
        if "会同" not in units and verb in _JOINT_ONLY_VERBS and not _closing_assignment(body, m, verb):
            continue
        found = _role_units(units, at, "lead" if verb == "牵头" and "会同" not in units else "responsible")
        if not found or not all(looks_like_unit(u.unit) for u in found):
            continue
        clause = _clause_span(body, offset, offset + m.start(), offset + m.end())
        for mention in found:
            mention.clause_span = clause
        if convention and _lead_first_applies((offset + m.start(), offset + m.end()), convention):
            _first_leads(found)
        mentions.extend(found)
        joined = _JOINED_AFTER_LEAD.match(body, m.end()) if verb == "牵头" and "会同" not in units else None
        if joined and _government_bodies(joined.group("units")):  # 由甲局牵头，会同乙局、丙局负责…: they support
            clause = _clause_span(body, offset, offset + m.start(), offset + joined.end())
            for u in _role_units(joined.group("units"), offset + joined.start("units"), "support"):
                u.clause_span = clause
                mentions.append(u)
    return mentions


# the clause after 由甲局牵头 that joins others to the lead (，会同乙局、丙局负责评估): they support
_JOINED_AFTER_LEAD = re.compile(r"\s*[，,]\s*会同(?P<units>[^，,。；;“”（）()\n]{2,80}?)"
                                r"(?=按照?职责分工负责|共同负责|负责|共同|做好|开展|推进|落实|研究|制定|组织)")


def _closing_assignment(body: str, m: re.Match, verb: str) -> bool:
    """由甲局、乙局负责。 / 由甲局牵头。: the verb closes its clause (nothing it pays or runs follows, as in
    由定点医疗机构负责垫付) and every unit is a government body or office."""
    end = m.end()
    closes = end == len(body) or body[end] in "。，,；;\n）)"
    return verb in ("负责", "牵头") and closes and _government_bodies(m.group("units"))


@lru_cache(maxsize=4096)  # a pure test of a printed list (most recur in a notice's clauses: 县卫健局, 各镇)
def _government_bodies(units: str) -> bool:
    """Every part of ``units`` is a government body, its office or a placeholder for one (县卫健局,
    局医政股, 各镇), or an institution named by its place (县医院, 各镇卫生院): not a provider named by
    kind (定点医疗机构, 医疗机构), a person or 各地."""
    listed = split_unit_list(units)
    return bool(listed) and all(
        (P.SUBJECT_BODY_END.search(u.unit) or P.PLACEHOLDER_BODY.match(u.unit) or P.GRASSROOTS_ACTOR.match(u.unit)
         or P.TOWN_STATION.match(u.unit)
         or (P.SUBJECT_PLACED_INSTITUTION.search(u.unit) and P.LEADING_LEVEL.match(u.unit))) and len(u.unit) >= 2
        and not P.GENERIC_BODY.match(u.unit) and u.unit not in ("各地", "各地区")
        and not P.SUBJECT_NOT_BODY.search(u.unit) for u in listed)


# the words every verb of patterns.SUBJECT_ASSIGNING holds one of (a cheap test before the clauses are read)
_SUBJECT_VERB_WORDS = ("负责", "牵头", "具体", "组织实施")


def subject_mentions(body: str, offset: int) -> list[UnitMention]:
    """The units an item's own clauses make the subject of an assigning verb (市卫健局负责统筹推进……;
    县卫健局负责制定标准，各镇负责组织实施; 局医政股牵头做好督导): printed in the item's sentence,
    so source ``article_subject`` (a clause's subject, as in an article), ``牵头`` leads, the other
    verbs make responsible; each with the clause it heads. Only government bodies and offices.

    >>> [(m.unit, m.role) for m in subject_mentions("对大病患者分类救治，县卫健局负责组织专家会诊。", 0)]
    [('县卫健局', 'responsible')]
    """
    mentions: list[UnitMention] = []
    if not any(verb in body for verb in _SUBJECT_VERB_WORDS):  # most items: no clause to read
        return _bound_subjects(body, offset)
    clauses = [c for sentence in re.finditer(r"[^。\n]+", body) if any(v in sentence.group() for v in _SUBJECT_VERB_WORDS)
               for c in split_clauses(sentence.group(), offset + sentence.start(), "，,；;")]
    for clause, start in clauses:
        if not any(verb in clause for verb in _SUBJECT_VERB_WORDS):
            continue
        m = P.SUBJECT_ASSIGNING.match(clause)
        if not m or not _government_bodies(m.group("units")):
            # 资金的清算由县财政局负责; 负责系统改造的是县医保局信息股: the work first, the body after it
            m = P.OBJECT_FIRST_ASSIGNING.match(clause) or P.INVERTED_RESPONSIBLE.match(clause)
            if not m or not _government_bodies(m.group("units")):
                continue
        role = "lead" if m.group("verb") in ("牵头", "牵头负责") else "responsible"
        clause_end = start + len(clause)
        for u in _role_units(m.group("units"), start + m.start("units"), role):
            if u.unit not in {x.unit for x in mentions}:
                mentions.append(UnitMention(u.unit, u.role, "article_subject", u.span, u.open_list,
                                            (start, clause_end)))
    bound = [m for m in _bound_subjects(body, offset) if m.unit not in {x.unit for x in mentions}]
    return sorted(mentions + bound, key=lambda m: m.span) if bound else mentions


def _bound_subjects(body: str, offset: int) -> list[UnitMention]:
    """The named bodies an item's clauses tell what to do (县医保局要落实资助参保，县民政局要做好救助衔接):
    responsible, source ``article_subject``. Only bodies named by place and function (not 各县区, 各有关部门,
    各级卫生健康部门: a call to every level names no one in particular).

    >>> [(m.unit, m.role) for m in _bound_subjects("县医保局要落实资助参保政策，各地要加强宣传。", 0)]
    [('县医保局', 'responsible')]
    """
    mentions: list[UnitMention] = []
    if not P.SUBJECT_ACTING_WORD.search(body) and "由" not in body:
        return mentions
    before = None  # the clause before this one
    for run in _CLAUSE_RUN.finditer(body):  # the clauses (a regex: every item is read, and the speed tells)
        clause, start = run.group(), offset + run.start()
        previous, before = before, run
        if previous is not None and clause[:1] in "要应须必" and _SUBJECTLESS.match(clause):
            mentions.extend(_named_before(body, offset, previous, run, mentions))
            continue
        if not _BODY_CHAR.search(clause, 0, 62):  # no body's name can head it (most clauses)
            continue
        m = P.SUBJECT_BOUND.match(clause)
        acting = None if m else P.SUBJECT_ACTING.match(clause)
        if m is None and (acting is None or not _government_bodies(acting.group("units"))) and "由" in clause:
            m = P.OBJECT_FIRST_ACTING.match(clause)  # 身份信息由县乡村振兴局每月推送: the bodies after 由
            acting = None
        if acting and (acting.group("explicit") or
                       not any(P.PROVIDER_BY_KIND.search(u.unit) and P.PROVIDER_END.search(u.unit)
                               and not P.TOWNSHIP_INSTITUTION.match(u.unit)  # 各镇卫生院组织……: each one named
                               for u in split_unit_list(acting.group("units")))):
            m = acting  # 县医保局会同县民政局给予……; 县卫健局是……责任主体 (with a common verb, no provider named by kind)
        if not m or not _government_bodies(m.group("units")):
            continue
        role = "support" if m is acting and acting.group("support") else "responsible"
        owner = m is acting and bool(acting.group("owner"))  # 各县（市、区）卫生健康局是……责任主体 names them
        for u in _role_units(m.group("units"), start + m.start("units"), role):
            called = u.role == "support" or P.TOWNSHIP_INSTITUTION.match(u.unit) \
                or P.GRASSROOTS_ACTOR.match(u.unit) or P.TOWN_STATION.match(u.unit)  # 会同各镇党委; 各镇卫生院要; 各村委会要
            if (P.PLACEHOLDER_BODY.match(u.unit) and not called) or (u.unit.startswith("各") and not owner and not called) \
                    or len(u.unit) <= 2 \
                    or u.unit.startswith(("全", "有关", "相关")) or P.GENERIC_BODY.match(u.unit) \
                    or u.unit in {x.unit for x in mentions}:
                continue
            mentions.append(UnitMention(u.unit, u.role, "article_subject", u.span, u.open_list,
                                        (start, start + len(clause))))
    return mentions


_SUBJECTLESS = re.compile("(?:要|应当|应|须|必须)(?!当地|急|用|对|有|求)")
# what a body is said to be, in the clause before a subjectless 要: 县医保局是医疗救助的牵头部门，要……
_IS_WHAT = re.compile(r"^(?P<units>[^，,。；;：:“”（）()\n要应须是]{2,40}?)是(?P<what>[^，,。；;]{1,40})$")
_LEAD_WHAT = re.compile("牵头(?:部门|单位|科室|股室|处室)$")


def _named_before(body: str, offset: int, previous: re.Match, run: re.Match,
                  found: list[UnitMention]) -> list[UnitMention]:
    """The body a clause names with 是 (县医院是…示范单位, 县医保局是…牵头部门) when the clause after it, joined by
    a comma, is told 要/应 with no subject of its own: that body is who 要 does it — responsible, or lead where
    the 是 clause calls it the lead (牵头部门); the two clauses are its evidence. Bodies only (not 各地, 医疗机构).

    >>> [(m.unit, m.role) for m in _bound_subjects("县医院是结算的示范单位，要在9月底前完成改造。", 0)]
    [('县医院', 'responsible')]
    """
    m = _IS_WHAT.match(previous.group())
    if not m or body[previous.end():run.start()] not in ("，", ",") or "责任主体" in m.group("what") \
            or not _government_bodies(m.group("units")):
        return []
    role = "lead" if _LEAD_WHAT.search(m.group("what")) else "responsible"
    evidence = (offset + previous.start(), offset + run.end())
    return [UnitMention(u.unit, u.role, "article_subject", u.span, u.open_list, evidence)
            for u in _role_units(m.group("units"), offset + previous.start() + m.start("units"), role)
            if not u.unit.startswith(("各", "全", "有关", "相关")) and not P.GENERIC_BODY.match(u.unit)
            and u.unit not in {x.unit for x in found} and len(u.unit) > 2]


# a clause of an item's text: a run between ，；。 and line breaks, without the spaces around it
# the last character of every SUBJECT_BODY_END / placed institution / TOWN_STATION (所, not 所有, 所在 …)
_BODY_CHAR = re.compile("[局委厅部办处科股府门室心院道会校]|所(?![有在需得属以谓辖])")
_CLAUSE_RUN = re.compile(r"[^，,；;。\n\s\u3000](?:[^，,；;。\n]*[^，,；;。\n\s\u3000])?")


def _clause_span(body: str, offset: int, start: int, end: int) -> Span | None:
    raw = body[start - offset:end - offset]
    lead = len(raw) - len(raw.lstrip(" \n\t"))
    trimmed = raw.strip(" \n\t")
    return (start + lead, start + lead + len(trimmed)) if trimmed else None


def verb_marker_mentions(body: str, offset: int) -> list[UnitMention]:
    """Units of every marker in ``body`` (（区国土分局牵头，区规划分局配合）, （市医保局负责）); a bracket
    with any other clause (（不含6亩）, （涉及水土保持项目）) names no unit."""
    return [m for marker in find_markers(body, offset) for m in marker.mentions]


def find_marker(text: str) -> tuple[int, int] | None:
    """The span (within ``text``) of the first marker, if any.

    >>> find_marker("做好救治（含县级）。（牵头科室：市卫健局医政科）")
    (10, 24)
    """
    markers = find_markers(text, 0)
    return markers[0].span if markers else None


def _verb_clauses(inner: str, offset: int, bare: str = "responsible", labelled: bool = False
                  ) -> list[UnitMention] | None:
    """Mentions of one bracket's clauses, each units followed by a role verb; a clause without a
    verb takes the next clause's (…区水务局等部门，区国投公司配合: both support); notes (下同,
    2023年底前完成) and, after a marker clause, other words (费用由县财政承担) are passed over.
    None when the bracket is no marker (its first clause names no body with a role). A bare list beside notes
    only (甲局、乙局，列第一位者为牵头单位，下同) takes role ``bare`` (a label's segment: the label's). In a label's
    segment (``labelled``: 责任单位：甲局、乙院，丙室配合) the list before a verb clause keeps the label's role."""
    mentions: list[UnitMention] = []
    pending: list[tuple[str, int]] = []  # verbless clauses waiting for a verb
    noted = False  # a note passed over (列第一位者为牵头单位, 下同, 2023年底前)
    for clause, start in split_clauses(inner, offset, "，,；;。"):
        if P.MARKER_NOTE.match(clause):
            noted = True
            continue
        m = P.ROLE_VERB_SEGMENT.match(clause) or P.ROLE_TAG_SEGMENT.match(clause)  # 县卫健局〔牵头〕 as 县卫健局牵头
        found = _clause_units(m, start) if m else None
        if found is None:
            if m is None and (P.UNIT_LIST_CLAUSE.match(clause) or (labelled and _all_bodies(clause))):
                pending.append((clause, start))
                continue
            if not mentions:
                return None
            pending = []  # words after the marker's clauses
            continue
        role = next(r for r, p in _VERB_ROLE_OF if p.match(m.group("verb"))) if m else "responsible"
        for units, at in pending:
            listed = _role_units(units, at, bare if labelled else role)
            if all(looks_like_unit(u.unit) for u in listed):
                mentions.extend(listed)
        mentions.extend(found)
        pending = []
    if not mentions and noted and not any(ch in units for units, _ in pending for ch in "：:"):
        for units, at in pending:  # （甲局、乙局、丙局，列第一位者为牵头单位，下同）: a bare list and its notes only
            listed = _role_units(units, at, bare)
            if listed and all(looks_like_unit(u.unit) for u in listed):
                mentions.extend(listed)
    return mentions or None


def _clause_units(m: re.Match, start: int) -> list[UnitMention] | None:
    """The units of one 'units + role verb' clause, or None when any is no body."""
    role = next(r for r, p in _VERB_ROLE_OF if p.match(m.group("verb")))
    found = _role_units(m.group("units"), start + m.start("units"), role)
    return found if found and all(looks_like_unit(u.unit) for u in found) else None


def article_mentions(body: str, offset: int) -> list[UnitMention]:
    """The units an article names as the subject of its clauses (市卫生健康委负责…; 由县级财政部门
    负责保障; 县财政局应当…), each once, role ``responsible``, source ``article_subject``.

    >>> [(m.unit, m.span) for m in article_mentions("乡镇卫生院负责考核，由县级财政部门负责保障。", 100)]
    [('乡镇卫生院', (100, 105)), ('县级财政部门', (111, 117))]

    Each sentence's clauses are read, the article's heading phrase apart (提高保障水平。市财政局负责…);
    a clause whose subject is the work, 村医补助由市财政局负责, names the body after its 由.
    """
    mentions: list[UnitMention] = []
    for clause, start in split_clauses(body, offset, "，,；;。"):
        lead = len(clause) - len(clause.lstrip())
        m = P.ARTICLE_SUBJECT.match(clause.strip())
        if m and m.group("unit"):
            by = _WORK_BY.search(m.group("unit"))
            if by:  # the work, then 由 the body: the clause again from its 由
                lead += by.start()
                m = P.ARTICLE_SUBJECT.match(clause.strip()[by.start():])
        if not m:
            continue
        group = "by" if m.group("by") else "unit"
        unit = m.group(group)
        at = start + lead + m.start(group)
        if unit not in {u.unit for u in mentions} and not unit.startswith(("任何", "其他", "有关")):
            mentions.append(UnitMention(unit, "responsible", "article_subject", (at, at + len(unit))))
    return mentions


_WORK_BY = re.compile("(?<!自)由(?=[^由]*$)")  # the last 由 of a clause's subject (not 自由贸易区's)


def _role_units(units: str, offset: int, role: str) -> list[UnitMention]:
    """The bodies of a list, all with ``role``; in 甲会同乙负责 the body before 会同 leads, those after
    support; 县卫健局（牵头） leads whatever the list's role. Deadlines and notes are no bodies."""
    listed = [u for u in split_unit_list(units, offset) if not P.MARKER_NOTE.match(u.unit)
              and not re.search(r"\d", u.unit) and len(u.unit) <= 40]
    for i in range(len(listed) - 1, 0, -1):  # 各镇党委、政府: the township's committee and government, one body
        prev, cur = listed[i - 1], listed[i]
        if cur.unit in ("政府", "人民政府") and prev.unit.endswith("党委") and cur.span[0] - prev.span[1] == 1:
            listed[i - 1] = replace(prev, unit=f"{prev.unit}、{cur.unit}", span=(prev.span[0], cur.span[1]))
            del listed[i]
    joint = role == "responsible" and any(u.joiner == "会同" for u in listed)
    mentions, after = [], False
    for u in listed:
        after = after or u.joiner == "会同"
        own = ("support" if after else "lead") if joint else role
        name, span, tag = u.unit, u.span, P.OWN_ROLE_TAG.search(u.unit)
        if tag and tag.start() >= 2:
            name, own, span = name[:tag.start()], role_of(tag.group("kw")), (span[0], span[0] + tag.start())
        alias = _ALIAS_AFTER.fullmatch(name)
        if alias and alias.group("alias")[0] == name[0] and name[0] in _LEVEL_LEADS:
            name, span = alias.group("name"), (span[0], span[0] + alias.end("name"))  # 县卫健局（县中医药局）: one body
        inner = _unit_clause(name, span[0])
        if inner:  # 县卫健局（疾控中心具体负责）: the unit, then who carries it out
            name, span = name[:inner[0]], (span[0], span[0] + inner[0])
        mentions.append(UnitMention(name, own, "inline_marker", span, u.open_list))
        mentions.extend(inner[1] if inner else [])
    return mentions


# a body's other name in brackets after it (县卫健局（县中医药局）, 县卫生健康局〔县中医药管理局〕): the same body
_ALIAS_AFTER = re.compile(r"(?P<name>.{2,30}?(?:局|委|办|中心))[（(〔]"
                          r"(?P<alias>[^（）()〔〕，,、]{2,20}?(?:局|委|办|中心))[）)〕]")


def _unit_clause(name: str, offset: int) -> tuple[int, list[UnitMention]] | None:
    """(where the unit's own name ends, the units of its bracket) when a unit carries a bracket that
    names who carries it out (县卫健局（疾控中心具体负责）, 县医保局（医保中心负责））."""
    m = P.UNIT_WITH_CLAUSE.match(name)
    if not m or not _is_body(m.group("name")):
        return None
    found = _verb_clauses(m.group("inner"), offset + m.start("inner"))
    return (m.end("name"), found) if found else None


def split_clauses(text: str, offset: int, separators: str = "，,；;") -> list[tuple[str, int]]:
    """The ，/；-separated clauses of a marker, each with its start (brackets inside kept whole).

    >>> split_clauses("县卫健局牵头，县（市、区）政府配合", 0)
    [('县卫健局牵头', 0), ('县（市、区）政府配合', 7)]
    """
    clauses, depth, start = [], 0, 0
    if not _CLAUSE_BRACKET.search(text):  # no bracket: every separator splits, the runs between them are the clauses
        for run in _clause_runs(separators).finditer(text):
            raw = run.group()
            if raw.strip():
                clauses.append((raw.strip(), offset + run.start() + len(raw) - len(raw.lstrip())))
        return clauses
    for stop in _clause_stops(separators).finditer(text + separators[0]):  # brackets and separators alone
        i, ch = stop.start(), stop.group()
        if ch in "（([【":
            depth += 1
        elif ch in "）)]】":
            depth -= 1
        elif depth <= 0:
            raw = text[start:i]
            if raw.strip():
                clauses.append((raw.strip(), offset + start + len(raw) - len(raw.lstrip())))
            start = i + 1
    return clauses


_CLAUSE_BRACKET = re.compile("[（(\\[【）)\\]】]")  # the brackets split_clauses keeps whole


@lru_cache(maxsize=8)
def _clause_runs(separators: str) -> re.Pattern:
    return re.compile("[^" + re.escape(separators) + "]+")


@lru_cache(maxsize=8)
def _clause_stops(separators: str) -> re.Pattern:
    return re.compile("[（(\\[【）)\\]】" + re.escape(separators) + "]")


_ANY_BRACKET = re.compile("[（(\\[【［〔）)\\]】］〕]")


def _matching_close(text: str, open_at: int) -> int:
    depth = 0
    for bracket in _ANY_BRACKET.finditer(text, open_at):  # only brackets change the depth
        if bracket.group() in "（([【［〔":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return bracket.end()
    return len(text)  # an unclosed marker runs to the end of the item


def parse_marker(marker: str, offset: int) -> list[UnitMention]:
    """Units in one bracketed marker, each with its role and span (in document offsets).

    >>> [(m.unit, m.role) for m in parse_marker("（牵头科室：市卫健局公卫科，配合单位：市疾控中心）", 0)]
    [('市卫健局公卫科', 'lead'), ('市疾控中心', 'support')]
    """
    end = len(marker) - (1 if marker[-1] in "）)]】］" else 0)
    return _bracket_mentions(marker[1:end], offset + 1)


def role_of(keyword: str) -> str:
    for role, pattern in _ROLE_OF:
        if pattern.match(keyword):
            return role
    return "responsible"


def split_lead_cell(cell: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    """Units in a task-table 牵头 cell: 、-separated, 'A及B' split when both are units.

    >>> [u for u, _ in split_lead_cell("财务处、疾控处按照职责分工分别负责", 0)]
    ['财务处', '疾控处']
    """
    return [(u.unit, u.span) for u in split_unit_list(cell, offset) if u.unit]


# ---------------------------------------------------------------- duty paragraphs

_LEADING_WORDS = re.compile(r"^(?:同时|此外|另外|其中|并|由)")
_DROP_VERB = ("负责", "牵头负责", "分别负责", "共同负责", "要", "应", "应当")


def extract_duties(body: str, offset: int, path: str | None = None) -> list[Duty]:
    """Every clause 甲负责……, 乙要……, 丙：负责…… of a division-of-duties paragraph, one entry each.

    >>> [(d.unit, d.duty) for d in extract_duties("财政局负责做好资金保障；民政局要做好低保认定。", 0)]
    [('财政局', '做好资金保障'), ('民政局', '做好低保认定')]
    """
    duties: list[Duty] = []
    listed_to: Duty | None = None  # a colon line's duty whose numbered list goes on (县卫健局：1.……；2.……)
    for sentence in re.finditer(r"[^。；;\n]+", body):
        if listed_to is not None and body[sentence.start() - 1:sentence.start()] != "\n" \
                and _NUMBERED.match(sentence.group(0)) and not duty_head(_NUMBERED.sub("", sentence.group(0))):
            end = offset + sentence.end()  # its next numbered duty, after ；: the same body's
            listed_to.duty += body[listed_to.span[1] - offset:sentence.end()]
            listed_to.span = (listed_to.span[0], end)
            continue
        listed_to = None
        led: Duty | None = None  # 由甲局牵头，会同乙局负责评价: the lead's duty is the work its 会同 clause names
        for k, (text, start) in enumerate(_duty_clauses(sentence.group(0), offset + sentence.start())):
            joined = k > 0 and text.startswith("会同")  # (a sentence opening on 会同县… names 怀化's 会同县)
            if joined:  # 由甲局牵头，会同乙局、丙局负责…: the bodies after 会同
                text, start = text[2:], start + 2
            head = duty_head(text)
            lead = _LEADING_WORDS.match(text)
            if lead:  # the clause starts at its units (同时民政部门负责…… → 民政部门负责……)
                text, start = text[lead.end():], start + lead.end()
            if head:
                unit, duty = head
                units = [u.unit for u in split_unit_list(unit)]
                duties.append(Duty(unit, duty, (start, start + len(text)), path, units))
                listed_to = duties[-1] if _NUMBERED.match(duty) else None
                if led is not None and joined:
                    led.duty = f"{led.duty}{duty}"  # 牵头 + 年度绩效评价
                    led.span = (led.span[0], start + len(text))
                led = duties[-1] if duty in ("牵头", "牵头负责") else None
    return duties


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])")


def _duty_clauses(sentence: str, offset: int) -> list[tuple[str, int]]:
    """A sentence's clauses: a new one at each ， that a unit and a duty verb follow."""
    clauses: list[list] = []
    for part, start in split_clauses(sentence, offset, "，,"):
        if duty_head(part):
            clauses.append([part, start])
        elif clauses:
            clauses[-1][0] = sentence[clauses[-1][1] - offset:start - offset + len(part)]
    return [(text.rstrip("，, "), start) for text, start in clauses]


def duty_head(clause: str) -> tuple[str, str] | None:
    """(units as printed, duty) when ``clause`` starts with units and a duty verb, else None.

    >>> duty_head("通信管理部门、单位负责协调推进远程医疗网络能力建设")
    ('通信管理部门、单位', '协调推进远程医疗网络能力建设')
    """
    text = _LEADING_WORDS.sub("", clause.strip())
    label = re.match(r"^(?P<unit>[^，,。：:]{2,40})[：:]\s*(?P<duty>.+)$", text)
    if label and is_unit_list(label.group("unit")):
        duty = label.group("duty")
        return label.group("unit"), duty.removeprefix("负责") or duty
    for m in P.DUTY_VERBS.finditer(text):
        if m.start() > 60:
            break
        unit = text[:m.start()]
        if m.start() >= 2 and is_unit_list(unit):
            duty = text[m.end():] if m.group(0) in _DROP_VERB else text[m.start():]
            return (unit, duty.lstrip("，, ")) if duty.strip("，, ") else None
    return None


def is_unit_list(text: str) -> bool:
    """Every part of ``text`` names a body (卫生健康部门; 农业农村、生态环境等部门).

    >>> is_unit_list("农业农村、生态环境等部门"), is_unit_list("落实部门职责")
    (True, False)
    """
    if "的" in text or len(text) > 60:
        return False
    listed = split_unit_list(text)
    return bool(listed) and all(_is_body(u.unit) for u in listed)


@cache
def _generic_terms() -> frozenset[str]:
    return frozenset(load_json("duty_terms.json")["generic"])


@cache
def _topic_heads() -> frozenset[str]:
    return frozenset(load_json("duty_terms.json").get("topic_heads", ()))


def duty_terms(duty: str) -> set[str]:
    """The terms of a duty that can name a measure's topic: runs of jieba words holding a word
    that is not generic (远程+医疗 → 远程医疗; data/duty_terms.json lists the generic ones), or
    phrases of eight characters or more.

    >>> terms = duty_terms("协调推进远程医疗网络")
    >>> "远程医疗" in terms, "推进" in terms, "协调推进" in terms
    (True, False, False)
    """
    return set(_duty_terms(duty))


@lru_cache(maxsize=2048)  # a duty clause recurs in the notices that copy it down the ladder
def _duty_terms(duty: str) -> frozenset[str]:
    import jieba

    jieba.setLogLevel(60)
    generic = _generic_terms()
    heads = _topic_heads()
    terms = set()
    for run in re.split(r"[，,、；;。：:（）()“”\s]+", duty):
        words = jieba.lcut(run)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                term = "".join(words[i:j])
                if len(term) < 2 or term in generic:
                    continue
                contentful = any(len(w) >= 2 and w not in generic for w in words[i:j])
                long_phrase = len(term) >= 8 and j - i >= 3
                topic = j - i == 2 and words[i] in heads and contentful  # 健康促进, 医疗救助 (a noun heads it)
                if (contentful and words[i] not in generic) or long_phrase or topic:  # not 推进远程医疗: 远程医疗
                    terms.add(term)
    return frozenset(terms)


def shared_terms(terms: set[str], text: str) -> list[str]:
    """The longest of ``terms`` found in ``text`` (a term inside a longer shared one is left out)."""
    return _longest([t for t in terms if t in text])


def _longest(found: list[str]) -> list[str]:
    """``found`` without a term inside a longer one, longest first."""
    return sorted((t for t in found if not any(t != o and t in o for o in found)), key=lambda t: (-len(t), t))


def assign_duties(measures: list[Measure], duties: list[Duty], titles: Sequence[str | None] = ()) -> None:
    """A duty clause's units are attached to the measures it speaks of that name no unit of
    their own (a notice may print markers on some items and leave the rest to its 职责分工
    section) — an inference: the clause and the measure share a specific term (four
    characters or more: 远程医疗, 爱国卫生运动; or two terms), found in few of the notice's
    measures. Marked source "duty_paragraph" with the shared terms, and kept out of the
    measure's printed lead / support / responsible lists; an item with a unit of its own
    (printed, or from its task-table row) takes none. A term in the notice's ``titles``
    (巩固拓展健康扶贫成果同乡村振兴有效衔接) is the whole notice's subject: it tells no item apart.

    >>> m = Measure("二/（一）", "构建低收入人口帮扶机制", "对特困人员、低保对象开展帮扶。", (0, 20))
    >>> assign_duties([m], [Duty("民政部门", "低保对象、特困人员认定", (30, 45), "三/（二）")])
    >>> [(u.unit, u.source, u.shared_terms) for u in m.unit_mentions]
    [('民政部门', 'duty_paragraph', ['低保对象', '特困人员'])]
    """
    if not duties:
        return
    duty_paths = {d.path for d in duties}
    targets = [m for m in measures if m.path not in duty_paths]  # not the duty paragraph itself
    texts = [m.title + m.text for m in targets]
    most = max(2, len(targets) // 4)  # a term in more measures than this tells none apart
    subjects = [title for title in titles if title]
    unnamed = [(m, text) for m, text in zip(targets, texts) if not m.unit_mentions]  # before any is added
    if not unnamed:
        return
    # a term holds no whitespace (duty_terms splits at it): in one of the texts ⇔ in them joined by "\n"
    unnamed_texts = "\n".join(text for _, text in unnamed)
    for duty in duties:
        every = duty_terms(duty.duty)
        # only a term some unnamed item prints can link: its count over all the items is taken for those alone
        terms = {t for t in every if t in unnamed_texts
                 and not any(t in title for title in subjects) and sum(t in text for text in texts) <= most}
        listed = split_unit_list(duty.unit)
        units = [(u.unit, u.open_list) for u in listed] if listed else [(name, False) for name in duty.units]
        links = [(item, said.group(0)) for item, duty_pattern in _term_links()
                 for said in [duty_pattern.search(duty.duty)] if said]
        for measure, text in unnamed:
            shared = shared_terms(terms, text)
            # two short words count only as two: not the pieces of one phrase of the clause the item does not
            # print (对口+帮扶 of 对口帮扶工作 in an item's 对口支援…帮扶措施)
            apart = len(shared) >= 2 and not any(all(t in whole for t in shared) for whole in every if whole not in text)
            # a three-character topic (医共体) links only where the item's heading names it (组建医共体)
            specific = [t for t in shared if t in _specific_terms() and t in measure.title]
            if not (apart or specific or any(len(t) >= 4 for t in shared)) and links:
                shared = _linked(links, text, texts, most)  # 三重保障 ≈ the clause's 基本医保、大病保险和医疗救助
            if apart or specific or any(len(t) >= 4 for t in shared) or any("≈" in t for t in shared):
                for unit, open_list in units:
                    measure.unit_mentions.append(UnitMention(unit, "responsible", "duty_paragraph", duty.span,
                                                             open_list, duty.span, shared))


@cache
def _specific_terms() -> frozenset[str]:
    """Three-character terms that name one topic alone (医共体): shared, and named in the item's heading, they link
    as a four-character term does."""
    return frozenset(load_json("duty_terms.json").get("specific", ()))


@cache
def _term_links() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    return tuple((re.compile(item), re.compile(duty)) for item, duty in load_json("duty_terms.json").get("links", ()))


def _linked(links: list[tuple[re.Pattern, str]], text: str, texts: list[str], most: int) -> list[str]:
    """The item's words and the clause's, joined by ≈ (参保≈医保费征收), for each link whose item words the item
    prints and few items do; the clause's words have no 、 (a shared-terms list is joined by 、)."""
    found = []
    for item, said in links:
        m = item.search(text)
        if m and sum(bool(item.search(t)) for t in texts) <= most:
            found.append(f"{m.group(0)}≈{said.split('、')[-1].split('和')[-1]}")
    return found


def assign_sole_issuer(measures: list[Measure], issuers: list[str], text: str) -> None:
    """A notice issued by one body that names no unit anywhere (no marker, task table or duty
    clause): its measures are that body's to carry out. Marked source "sole_issuer" (in
    ``unit_mentions`` only, not among the printed ``responsible_units``), so that a reader
    sees the unit is implied by who issued the notice, not printed beside the measure. A general
    office issuing for its government or party committee (国务院办公厅, 某市人民政府办公室) implies
    nobody: it relays the measures, and a reader would reject "国务院办公厅 is responsible". Nor does a reply
    (批复, 复函: 现批复如下) imply its issuer, nor an item addressed to the one body told (请你局…, 同意你县…): the
    body that asked or is told carries it out, and no unit is said.

    >>> m = Measure("一/一是", "健全动态监测机制", "依托监测系统。", (40, 60))
    >>> assign_sole_issuer([m], ["某市卫生健康委员会"], "某市卫生健康委员会文件")
    >>> [(u.unit, u.role, u.source, u.span) for u in m.unit_mentions]
    [('某市卫生健康委员会', 'responsible', 'sole_issuer', (0, 9))]
    """
    if len(issuers) != 1 or any(m.unit_mentions for m in measures):
        return
    if P.GENERAL_OFFICE.match(issuers[0]):  # 国务院办公厅 relays its government's measures: no unit is implied
        return
    head = text[:min((m.span[0] for m in measures), default=len(text))]  # the title and the opening, not an annex list
    if P.REPLY_LETTER.search(head) or ("复" in text and P.REPLY_CLOSE.search(text)):
        return  # a 批复 / 复函 answers a request: its items are the asking body's, not the issuer's
    at = text.find(issuers[0])
    span = (at, at + len(issuers[0])) if at >= 0 else (0, 0)
    for measure in measures:
        if "你" in measure.text and P.ADDRESSED_TO_RECIPIENT.search(measure.text):
            continue  # 请你局… / 同意你县…: the body addressed carries it out, not the issuer (probe 4b)
        measure.unit_mentions.append(UnitMention(issuers[0], "responsible", "sole_issuer", span))
