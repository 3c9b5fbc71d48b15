"""Targets as a researcher reads them: conditions (qualifiers) apart from values,
standards compared on their order, clauses the local text adds, and wording
differences as whole words.

>>> qualifiers("常住人口超过10万人的脱贫县有1所县级医院达到二级甲等医院医疗服务能力")
['常住人口超过10万人的', '脱贫县']
>>> standard_change("有1所县级医院达到二级医院医疗服务能力", "有1所县级医院达到二级甲等医院医疗服务能力")
'strengthened standard'
"""

from __future__ import annotations

import difflib
import re

# population and area conditions of a target: they say where it applies, they are not targets
QUALIFIER = re.compile(r"(?:常住|户籍|服务)?人口(?:超过|达到|不足|少于|在)\d+(?:\.\d+)?万(?:人)?(?:以上|以下)?的?"
                       r"|脱贫县|脱贫地区|乡村振兴重点帮扶县|重点帮扶县|经济薄弱地区")
# ordered standards: a higher rank is a stricter standard
STANDARDS = [("三级甲等", 3.5), ("三级", 3.0), ("二级甲等", 2.5), ("二甲", 2.5), ("二级", 2.0), ("一级甲等", 1.5),
             ("一级", 1.0), ("推荐标准", 2.0), ("推荐", 2.0), ("基本标准", 1.0), ("基本", 1.0)]
_STANDARD = re.compile("|".join(name for name, _ in STANDARDS))
_RANK = dict(STANDARDS)
_CLAUSE = re.compile(r"[^，,；;。\n\t]+")
_PUNCT = re.compile(r"[\s，。；：、,.;:（）()“”\"《》]")


def qualifiers(text: str) -> list[str]:
    """The conditions a target's clause sets (常住人口超过10万人的, 脱贫县), in order."""
    return [m.group() for m in QUALIFIER.finditer(text or "")]


def is_qualifier(target: dict, text: str) -> bool:
    """Whether a target's number is part of a condition (常住人口超过**10**万人的) rather than a value."""
    v0, v1 = target["value_span"]
    return any(m.start() <= v0 and v1 <= m.end() for m in QUALIFIER.finditer(text)) or \
        bool(re.search(r"人口(?:超过|达到|不足|少于)$", text[max(0, v0 - 6):v0]))


def standard_rank(text: str) -> tuple[str, float] | None:
    """The first ordered standard a text names (二级甲等 → 2.5)."""
    found = _STANDARD.search(text or "")
    return (found.group(), _RANK[found.group()]) if found else None


def standard_change(reference_text: str, local_text: str) -> str | None:
    """strengthened / weakened standard when both name an ordered standard and they differ."""
    a, b = standard_rank(reference_text), standard_rank(local_text)
    if not a or not b or a[1] == b[1]:
        return None
    return "strengthened standard" if b[1] > a[1] else "weakened standard"


def clause_holding(text: str, offset: int) -> str:
    """The comma-delimited clause of ``text`` holding ``offset``."""
    for m in _CLAUSE.finditer(text):
        if m.start() <= offset < m.end():
            return m.group()
    return text


def added_clauses(reference_text: str, local_text: str, holding: str) -> list[str]:
    """Clauses of ``local_text`` that set their own rule (a standard or a number) and that the
    reference does not have: the 三级 rule for counties over 100万人."""
    ref_flat = _PUNCT.sub("", reference_text)
    found = []
    for m in _CLAUSE.finditer(local_text):
        clause = m.group().strip()
        if clause and clause != holding.strip() and (standard_rank(clause) or re.search(r"\d", clause)) \
                and _PUNCT.sub("", clause) not in ref_flat:
            found.append(clause)
    return found


def _words(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    return [w for w in jieba.lcut(_PUNCT.sub("", text or "")) if w]


def wording_change(a_text: str, b_text: str) -> dict | None:
    """What ``b_text`` adds to and drops from ``a_text``, as whole jieba words (never a cut
    word), punctuation ignored; None when they say the same.

    >>> wording_change("有1所县级医院达到二级医院医疗服务能力", "有1所县级医院达到二级甲等医院医疗服务能力")
    {'added': ['甲等'], 'dropped': []}
    """
    a, b = _words(a_text), _words(b_text)
    if a == b:
        return None
    added, dropped = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            dropped.append("".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            added.append("".join(b[j1:j2]))
    return {"added": added, "dropped": dropped}


# ------------------------------------------------------------------ comparable values (issue 27)

_NOT_NAME = re.compile(r"[\d.%‰≥≤<>=＞＜]+|(?:19|20)\d{2}年(?:底|末)?|“[^”]*”期间|[\s，。；：、,.;:（）()“”\"《》]"
                       r"|达到|不低于|不少于|不超过|不高于|控制在|提高到|下降到|以上|以下|以内|左右|力争|确保|要|应")


def indicator_key(name: str) -> str:
    """An indicator name with its numbers, comparators, years and punctuation taken out, for matching.

    >>> indicator_key("大病专项救治病种≥30种")
    '大病专项救治病种种'
    """
    return _NOT_NAME.sub("", name or "")


def measure_head(name: str) -> str | None:
    """The measured noun an indicator ends on (规范管理率, 报销比例), or None (a count: 病种, 所).

    >>> measure_head("签约家庭医生的农村低收入人口…规范管理率达到90%"), measure_head("门诊报销比例不低于80%")
    ('管理率', '报销比例')
    """
    from .. import patterns as P

    found = P.MEASURE_HEAD.findall(indicator_key(name))
    return found[-1] if found else None


def comparable(reference_indicator: str, reference_unit: str, target: dict) -> bool:
    """Whether a notice's ``target`` states the reference indicator: a compared role (target or
    parameter), the same unit, and — where the reference names a measured noun (…率, …比例) — the same one.

    >>> t = {"role": "parameter", "unit": "%", "indicator": "门诊报销比例", "text": "门诊报销比例不低于80%"}
    >>> comparable("签约家庭医生的农村低收入人口规范管理率达到90%", "%", t)
    False
    """
    from .. import patterns as P
    from .diff import _unit

    if target.get("role", "target") not in P.COMPARED_ROLES or _unit(target["unit"]) != _unit(reference_unit):
        return False
    head = measure_head(reference_indicator)
    if head and head.endswith("幅度"):  # 总上升幅度达到5个百分点: 幅度 sizes a change, it names no measured noun
        from .diff import is_change

        local = measure_head(target["indicator"]) or measure_head(target["text"])
        return is_change(target) and (local is None or local.endswith("幅度"))
    if head is None:  # a count or a state (完成标准化建设…全覆盖): never a share another noun measures (…比例 100%)
        return target.get("path") != "annex" or measure_head(target["indicator"]) is None
    local = measure_head(target["indicator"]) or measure_head(target["text"])
    return local == head


def implausible(value: float, others: list[float]) -> bool:
    """A value an order of magnitude away from every other value stated for the same indicator
    (915 where the others say 30 and 34: a damaged "9、15种").

    >>> implausible(915, [30, 34]), implausible(34, [30]), implausible(5, [])
    (True, False, False)
    """
    from .. import patterns as P

    others = [o for o in others if o]
    if not others or not value:
        return False
    ratio = P.IMPLAUSIBLE_RATIO
    return all(value >= o * ratio or value * ratio <= o for o in others)


# ------------------------------------------------------------------ the period a change is over

_ANNUAL_CHANGE = re.compile(r"(?:比|较)(?:上年|去年|上一年)|每年|年均")
_BASE_YEAR = re.compile(r"(?:比|较)((?:19|20)\d{2})年")
_PLAN_PERIOD = re.compile(r"“?十[一二三四五六七八九]五”?(?:期间|时期)")


def change_years(text: str, deadline: int | None = None) -> int | None:
    """The years a change (提高3个百分点) is counted over, where the text says it: 1 for 比上年 / 每年, the deadline
    less a base year printed (较2020年 … by 2025: 5), 5 for a plan period (“十四五”期间); None when unsaid.

    >>> change_years("比上年提高三个百分点"), change_years("较2020年提高8个百分点", 2025)
    (1, 5)
    >>> change_years("居民健康素养水平“十四五”期间总上升幅度达到5个百分点"), change_years("提高5个百分点")
    (5, None)
    """
    if _ANNUAL_CHANGE.search(text or ""):
        return 1
    base = _BASE_YEAR.search(text or "")
    if base and deadline:
        return deadline - int(base.group(1))
    return 5 if _PLAN_PERIOD.search(text or "") else None


def other_period(reference_text: str, local_text: str, deadline: int | None = None) -> tuple[int, int] | None:
    """(reference years, local years) when both changes say over how many years they count and these differ
    (+3个百分点 比上年 against 5个百分点 over “十四五”): not comparable by value."""
    a, b = change_years(reference_text), change_years(local_text, deadline)
    return (a, b) if a and b and a != b else None
