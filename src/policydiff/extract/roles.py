"""The role of every number the target extractor reads, and paired lists.

A number is a ``target`` (a level to reach), a ``parameter`` (a rate, cap, threshold, amount or
eligibility condition the policy sets), a ``status`` (a figure already reached, with its year), a
``period`` (a duration or time window) or a ``count`` (of the notice's own parts or of things it
names). The cues are rows of ``patterns.ROLE_CUES``; this module only applies them.

>>> from policydiff.extract.targets import extract_targets
>>> s = "一级、二级、三级医疗机构起付线分别为上年度人均可支配收入的2.5%、5%、10%。"
>>> [(t.indicator, t.value, t.qualifier["text"]) for t in extract_targets(s, (0, len(s)), "x")]
[('一级医疗机构起付线', 2.5, '一级'), ('二级医疗机构起付线', 5, '二级'), ('三级医疗机构起付线', 10, '三级')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import patterns as P
from ..models import Target

_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
_YEAR_LEAD = re.compile(r"^(?:截至|截止|到)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末|年底|年末|全年|上半年)?")
# the base a change is measured against (较2022年, 比上年, 同比): a year there is no year the figure is for
_CHANGE_BASE = re.compile(r"(?:较|(?<!占)比(?!例|重|率)|同比|与)(?:(?P<year>(?:19|20)\d{2})\s*年|上年|去年|上一年)")
# an item's or a task row's path (一/（二）, 二/3, 附件/表/4, 第二部分/一): not the preamble, a goal or an annex
_ITEM_PATH = re.compile(r"^(?:附件/表/\d|(?:第[一二三四五六七八九十]+部分/|通知/)?[一二三四五六七八九十\d（(])")
_FUTURE = re.compile(r"力争|确保|争取|目标|预计|将达到|要达到")
_PER_YEAR_NOTE = re.compile(r"（(?:每年|逐年|年均)）$")  # 覆盖率（每年）: the rate, its yearly step in brackets
_COUNT_ONLY_WHEN_EQUAL = {"the scope of a programme (30种大病, 34个病种)", "a set named before (上述4类, 以下3个)",
                          "a list it names before the number (高血压、糖尿病…四种)"}


@dataclass
class RoleContext:
    """What a number's role depends on beyond its own clause."""

    sentence_start: int
    section_role: str | None = None  # "status" inside 发展现状 / 工作基础 …; "requirement" inside 加强考核 …
    issue_year: int | None = None
    year: int | None = None  # the sentence's (or paragraph's) deadline year, as the extractor read it
    title_year: int | None = None  # an undated plan's year, as its title prints it (平利县2023年健康乡村建设工作要点)


def assign_role(t: Target, text: str, context: RoleContext) -> Target:
    """Set ``t.role``, ``t.role_cue`` and (for a status figure) ``t.year``; returns ``t``.

    >>> from policydiff.extract.targets import extract_targets
    >>> s = "重点做好高血压、糖尿病等四种慢病管理，报销比例不低于80%，连续工作满10年。"
    >>> [(t.value, t.role) for t in extract_targets(s, (0, len(s)), "x")]
    [(4, 'count'), (80, 'parameter'), (10, 'period')]
    """
    v0, v1 = t.value_span
    views = {"after": t.unit + text[v1:max(v1, t.span[1])], "before": text[t.span[0]:v0], "unit": t.unit,
             "sentence_before": text[context.sentence_start:v0], "indicator": t.indicator}
    views["headcount_before"] = views["before"] if P.HEADCOUNT_UNIT.match(t.unit) else ""
    cue = _first_cue(t, views)
    if cue and cue[0] in ("count", "period"):
        return _set(t, *cue)
    if context.issue_year is None:  # an undated 2023年…工作要点: the year its title names stands in for its date
        context = RoleContext(context.sentence_start, context.section_role, None, context.year, _title_year(text))
    status = _status_cue(t, views, context)
    if status:
        _set(t, "status", status)
        t.year, t.deadline_year = _status_year(views["sentence_before"], context), None
        return t
    if views.get("asked_by_title"):
        return _set(t, "target", f"a change the plan for {context.title_year} asks for (比上年提高: its year read "
                                 f"from the title; the notice prints no date)")
    return _set(t, *cue) if cue else t


def _first_cue(t: Target, views: dict) -> tuple[str, str] | None:
    for role, name, where, pattern in P.ROLE_CUES:
        if role == "status":
            continue  # weighed by _status_cue, after counts and periods
        if name in _COUNT_ONLY_WHEN_EQUAL and (t.comparator != "=" or t.approximate):
            continue  # 力争达到30个病种 is a target; 30种大病 is the set it names
        if role == "period" and P.TIMED_INDICATOR.search(t.indicator):
            continue  # 平均住院日控制在8天: the duration is what is measured
        if role == "parameter" and where == "before" and P.RATE_TO_REACH.search(_PER_YEAR_NOTE.sub("", t.indicator)):
            continue  # 医疗救助资助参保率达到100%, 签约服务覆盖率每年提高2个百分点: a rate to reach
        if pattern.search(views[where]):
            return role, name
    return None


def _status_cue(t: Target, views: dict, context: RoleContext) -> str | None:
    if context.section_role == "status":
        return "in a section that reports the past (发展现状, 工作基础, 取得成效)"
    for role, name, where, pattern in P.ROLE_CUES:
        matched = pattern.search(views[where]) if role == "status" else None
        if matched:
            if "already reached" in name and not matched.group(0).startswith("已") and context.year \
                    and context.issue_year and context.year > context.issue_year:
                continue  # “十四五”期间累计培训3000人次 (a 2022 plan): a total still to reach
            if any(w in name for w in ("change", "since", "done", "report")) and _future(views["sentence_before"], context):
                continue  # 到2025年较2020年下降10%, 确保30项任务全部完成: a change or work still to come
            if P.REQUIRED_BEFORE.search(views["before"]) and "already" not in name:
                continue  # 截至2021年10月31日，签约服务率要达到70%: a level the notice requires
            if "change already seen (较" in name and _asked_change(t, views["sentence_before"], context):
                continue  # 考核: 续约率较上年提高5个百分点 — a change the item asks for
            if "change already seen (较" in name and context.issue_year is None and context.title_year and \
                    _asked_change(t, views["sentence_before"], RoleContext(
                        context.sentence_start, context.section_role, context.title_year, context.year)):
                views["asked_by_title"] = True
                continue  # an undated 2023年工作要点's item: 比上年提高3个百分点 asked for 2023
            return name
    year = _past_year(t, views["sentence_before"], context)
    return f"a figure for {year}, before the notice ({context.issue_year})" if year else None


# the title of a plan for one year (平利县2023年健康乡村建设工作要点, 2024年…重点任务清单), on one of the first lines
_PLAN_TITLE = re.compile(r"^[^\n。，,；;]{0,40}?(?P<year>20\d{2})\s*年(?:度)?[^\n。，,；;]{0,40}?"
                         r"(?:工作要点|工作计划|工作方案|实施方案|行动方案|行动计划|任务清单|重点任务|任务分解|要点)"
                         r"[^\n]{0,16}$", re.MULTILINE)
_last_title: tuple[str | None, int | None] = (None, None)


def _title_year(text: str) -> int | None:
    """The year of an undated plan's title (its first five lines): the year the plan is for; None for a
    report (2022年工作总结) or a title without one. Read once a text (each number asks)."""
    global _last_title
    if _last_title[0] is text:
        return _last_title[1]
    head = "\n".join(text.split("\n", 5)[:5])
    m = _PLAN_TITLE.search(head)
    span = _PLAN_SPAN.search(m.group(0)) if m else _PLAN_WITH_SPAN.search(head)  # （2023—2025年）: its first year
    _last_title = (text, int(span.group("first")) if span else int(m.group("year")) if m else None)
    return _last_title[1]


_SPAN = r"(?P<first>20\d{2})\s*年?\s*[—–\-－~～至到]\s*20\d{2}\s*年?"
_PLAN_SPAN = re.compile(_SPAN)
# a plan titled with its span after its genre (三年行动方案（2023—2025年）)
_PLAN_WITH_SPAN = re.compile(r"^[^\n。，,；;]{2,60}?(?:方案|计划|要点|清单)\s*[（(]" + _SPAN + r"[）)]\s*$", re.MULTILINE)


def _asked_change(t: Target, before: str, context: RoleContext) -> bool:
    """A change against the year before (较上年提高5个百分点) in a goal or in an item that sets requirements
    (加强考核, 工作要求; ``section_role`` "requirement"), with no year before the notice's own in its sentence;
    and, in an item or a task row of a plan (its path an outline label or 附件/表/N), a change against the
    year before the notice's own or 上年 (2023年工作要点: 普及率比2022年提高3个百分点) — unless its sentence
    opens on an earlier year (2022年，…较上年提高…: a report)."""
    if context.issue_year is None:
        return False
    lead = _YEAR_LEAD.match(before.strip())
    if lead and int(lead.group("year")) < context.issue_year:
        return False
    bases = [m for m in _CHANGE_BASE.finditer(before)]
    base_spans = {m.span("year") for m in bases if m.group("year")}
    years = [int(m.group("year")) for m in _YEAR.finditer(before) if m.span("year") not in base_spans]
    if any(y < context.issue_year for y in years):
        return False
    base_years = [int(m.group("year")) for m in bases if m.group("year")]
    recent_base = all(y >= context.issue_year - 1 for y in base_years)
    if context.section_role == "requirement" or t.path == "goal":
        return recent_base or not base_years
    return bool(bases) and recent_base and bool(_ITEM_PATH.match(t.path))


def _future(before: str, context: RoleContext) -> bool:
    if _FUTURE.search(before):
        return True
    if context.year is not None and context.issue_year is not None and context.year > context.issue_year:
        return True  # 到2025年，…达到25%；较2022年提高5个百分点以上: the paragraph's deadline is after the notice
    years = [int(m.group("year")) for m in P.DEADLINE.finditer(before)]
    return any(context.issue_year is None or y >= context.issue_year for y in years)


def _past_year(t: Target, sentence_before: str, context: RoleContext) -> int | None:
    """The year a figure is for, when it is before the notice's own year (2020年全省… in a 2021 plan)."""
    if context.issue_year is None or _FUTURE.search(sentence_before):
        return None
    lead = _YEAR_LEAD.match(sentence_before.strip())
    years = [int(lead.group("year"))] if lead else []
    if t.deadline_year:
        years.append(t.deadline_year)
    past = [y for y in years if y < context.issue_year]
    return past[-1] if past and len(past) == len(years) else None


def _status_year(sentence_before: str, context: RoleContext) -> int | None:
    """The year a status figure is for: 截至2020年底 → 2020; else the sentence's last year before the value
    that is not a base of comparison (较2015年, 由2019年的…)."""
    lead = _YEAR_LEAD.match(sentence_before.strip())
    if lead:
        return int(lead.group("year"))
    years = [int(m.group("year")) for m in _YEAR.finditer(sentence_before)
             if not re.search(r"(?:较|比|从|由|与)$", sentence_before[:m.start()])]
    return years[-1] if years else context.year


def _set(t: Target, role: str, cue: str) -> Target:
    t.role, t.role_cue = role, cue
    return t


# ------------------------------------------------------------------ paired lists


def paired(found: list[Target], text: str, sentence_start: int) -> list[Target]:
    """Values read as one list (2.5%、5%、10%; 90%和85%) and sharing one indicator get one entry each with
    its own indicator or qualifier: the items of a list of the same length in their subject (一级、二级、三级
    医疗机构起付线 → 一级医疗机构起付线 …) or, else, earlier in the sentence (在基层、二级、三级定点医疗机构…
    分别不得超过 → qualifier 基层定点医疗机构 …)."""
    for run in _value_runs(found, text):
        items = _subject_items(run[0].indicator, len(run))
        if items:
            subject_at = text.find(run[0].indicator, run[0].span[0], run[0].value_span[0])
            for t, (item, indicator, offset) in zip(run, items):
                t.indicator = indicator
                if t.qualifier and t.qualifier["text"] not in indicator:
                    t.qualifier = None  # 婴儿死亡率和5岁以下儿童死亡率: the age group is the second item's only
                if subject_at >= 0 and item != indicator and P.TIER_WORDS.match(item):
                    start = subject_at + offset
                    t.qualifier = {"text": item, "span": [start, start + len(item)]}
            continue
        for t, (item, start) in zip(run, _sentence_items(text, sentence_start, run[0].value_span[0], len(run))):
            t.qualifier = {"text": item, "span": [start, start + len(item)]}
    return found


def _value_runs(found: list[Target], text: str) -> list[list[Target]]:
    """Runs of ≥2 values of one clause joined by 、/和/与/及 and sharing an indicator (a range's two bounds aside)."""
    runs: list[list[Target]] = []
    for t in found:
        prev = runs[-1][-1] if runs else None
        if prev and prev.span == t.span and prev.indicator == t.indicator and prev.value_span != t.value_span \
                and text[prev.value_span[1]:t.value_span[0]] in P.VALUE_JOINERS[:5]:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [r for r in runs if len(r) >= 2]


def _subject_items(subject: str, n: int) -> list[tuple[str, str, int]] | None:
    """(item, indicator, offset in subject) for each of ``n`` items of a list in the subject, or None."""
    parts = subject.split("、") if "、" in subject else P.LIST_SEPARATORS.split(subject, maxsplit=1)
    if len(parts) != n or not all(parts):
        return None
    offsets, at = [], 0
    for part in parts:
        at = subject.index(part, at)
        offsets.append(at)
        at += len(part)
    if all(P.INDICATOR_HEAD.search(p) for p in parts[:-1]):  # whole indicators: 产前筛查率、新生儿疾病筛查率
        return [(p, p, o) for p, o in zip(parts, offsets)]
    shared = _shared_head_items(parts, offsets)
    if shared:
        return shared
    width = len(parts[-2])  # modifiers sharing a head: 一级、二级、三级医疗机构起付线
    last = parts[-1]
    if len(last) <= width:
        return None
    tail = re.sub(r"^[两二三四五]级", "", last[width:])  # 省、市、县三级疾控中心: the levels' count aside
    items = [*parts[:-1], last[:width]]
    return [(item, item + tail, o) for item, o in zip(items, offsets)]


def _shared_head_items(parts: list[str], offsets: list[int]) -> list[tuple[str, str, int]] | None:
    """Items of unequal length sharing the head their last item ends in (高血压、糖尿病、严重精神障碍患者规范管理率
    → 高血压患者规范管理率 …; 健康村、健康家庭创建比例 → 健康村创建比例 …); None for tiers (一级、二级…, 省、市、县),
    which share a head cut by the width of their items."""
    if all(P.TIER_WORDS.match(p) and len(p) <= 3 for p in parts[:-1]):
        return None
    last = parts[-1]
    head = next((m for m in P.LIST_SHARED_HEAD.finditer(last, 2) if P.INDICATOR_HEAD.search(last)), None)
    if head is None:
        return None
    tail = last[head.start():]
    items = [*parts[:-1], last[:head.start()]]
    result = []
    for item, offset in zip(items, offsets):
        lead = re.match(r"^(?:对于|对)", item)  # 对高血压、糖尿病…患者: the preposition is not the item's
        if lead:
            item, offset = item[lead.end():], offset + lead.end()
        result.append((item, item + tail, offset))
    return result if all(len(item) >= 2 for item, _, _ in result) else None


def _sentence_items(text: str, sentence_start: int, first_value: int, n: int) -> list[tuple[str, int]]:
    """The last run of ``n`` parallel 、-items before the values in their sentence, each with its start."""
    before = text[sentence_start:first_value]
    for chain in reversed(list(re.finditer(r"[^、，,；;。：:]+(?:、[^、，,；;。：:]+)+", before))):
        parts = chain.group().split("、")
        for i in range(len(parts) - n, -1, -1):
            window = parts[i:i + n]
            suffix = _common_suffix(window[:-1] if n > 2 else window[:1] + [window[1][:len(window[0])]])
            if len(suffix) < 2 or suffix not in window[-1]:
                continue
            width = len(window[1]) if n > 2 else len(window[0])
            items = [window[0][-width:], *window[1:-1], window[-1][:window[-1].index(suffix) + len(suffix)]]
            at = sentence_start + chain.start() + sum(len(p) + 1 for p in parts[:i])
            starts = []
            for item, part in zip(items, window):
                starts.append(at + part.index(item))
                at += len(part) + 1
            return list(zip(items, starts))
    return []


def _common_suffix(words: list[str]) -> str:
    suffix = words[0]
    for w in words[1:]:
        while suffix and not w.endswith(suffix):
            suffix = suffix[1:]
    return suffix
