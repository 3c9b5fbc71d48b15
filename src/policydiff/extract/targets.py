"""Numeric targets: every quantitative requirement, Chinese numerals included."""

from __future__ import annotations

import re

import cn2an

from .. import patterns as P
from ..models import Target

_COMPARATOR_BEFORE = re.compile(
    "|".join(f"(?P<c{i}>{alt})" for i, (_, alt) in enumerate(P.COMPARATOR_BEFORE))
)
_CLAUSE = re.compile(r"[^，,；;。：:\n]+")
_SENTENCE = re.compile(r"[^。；;\n]+")
_QUOTES = re.compile(r"“[^“”]{0,30}”|\"[^\"]{0,30}\"|《[^《》]*》|〔[^〔〕]*〕|‘[^‘’]{0,30}’")
_STRUCTURAL_COUNT = re.compile(r"^(?:目标|机制|协同|措施|提升|方面|环节|行动|计划|规划)")
_TRAILING_FILLER = re.compile(r"(?:要|应|应当|均|需|必须|平均)+$")
_LEADING_FILLER = re.compile(r"^(?:分别|要|应|均|并|且|其|原则上|力争|确保|争取)+")


def extract_targets(text: str, region: tuple[int, int], path: str,
                    binding: str | None = None, deadline_year: int | None = None) -> list[Target]:
    """Targets in ``text[region]``, attributed to ``path``.

    >>> [(t.comparator, t.value, t.unit) for t in extract_targets("覆盖率达到80%。", (0, 8), "x")]
    [('>=', 80, '%')]
    """
    start, end = region
    chunk = text[start:end]
    shielded = _shield(chunk)
    targets: list[Target] = []
    for sentence in _SENTENCE.finditer(chunk):
        if not P.QUANTITY.search(shielded, sentence.start(), sentence.end()):
            continue  # no clause of it can hold one (QUANTITY has no lookaround)
        year = _deadline(sentence.group(0)) or deadline_year
        for clause in _CLAUSE.finditer(chunk, sentence.start(), sentence.end()):
            targets.extend(_clause_targets(text, start, chunk, shielded, clause, path, binding, year))
    return _dedupe_counts(targets, text)


def _shield(chunk: str) -> str:
    """``chunk`` with quoted slogans, titles and 文号 brackets blanked out."""
    return _QUOTES.sub(lambda m: "□" * len(m.group(0)), chunk)


def _clause_targets(text, base, chunk, shielded, clause, path, binding, year) -> list[Target]:
    found = []
    c_start, c_end = clause.start(), clause.end()
    quantities = [q for q in P.QUANTITY.finditer(shielded, c_start, c_end) if _is_target(shielded, q)]
    compared = [(q, *_comparator(shielded, c_start, q, quantities)) for q in quantities]
    subject_ends = [s for _, c, s in compared if c != "="]
    for q, comparator, subject in compared:
        if comparator == "=" and any(q.end() <= s for s in subject_ends):
            continue  # a count inside a rate's subject (四种重点慢病规范管理率达到90%)
        value = _value(q.group("value"))
        if value is None:
            continue
        span, shared = _evidence_span(chunk, c_start, c_end, subject)
        quote = text[base + span[0]:base + span[1]]
        value_span = (base + q.start(), base + q.end())
        unit = q.group("unit").replace("％", "%")
        if shared:
            found.append(Target(path, quote, shared, comparator, value, unit, year, binding,
                                (base + span[0], base + span[1]), value_span))
        indicator = _indicator(chunk, c_start, c_end, q, subject)
        found.append(Target(path, quote, indicator, comparator, value, unit, year, binding,
                            (base + span[0], base + span[1]), value_span))
    return found


def _is_target(shielded: str, q: re.Match) -> bool:
    value, unit = q.group("value"), q.group("unit")
    before = shielded[max(0, q.start() - 3):q.start()]
    after = shielded[q.end():q.end() + 4]
    if not value[0].isdigit():
        if not re.search("[〇零一二三四五六七八九两十]", value):
            return False  # 千人口, 百姓 …
        # a numeral inside a word (统一, 进一步) — but 每 starts a frequency
        if re.search(f"[{P.CJK}]$", before) and before[-1:] in "统进之同唯单逐第万千百十":
            return False
    if unit == "年" and re.fullmatch(r"(?:19|20)\d{2}", value):
        return False  # a year, not a duration
    if unit in ("日", "天") and before.endswith("月"):
        return False
    if P.AGE_BAND.search(before) or re.match(r"^\s*[-—–~至]\s*\d", shielded[q.start() + len(value):]):
        return False
    if P.NOT_TARGET_BEFORE.search(before):
        return False
    return not (_STRUCTURAL_COUNT.match(after) or after.startswith(("行动", "计划", "规划")))


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        number = float(raw)
    else:
        try:
            number = float(cn2an.cn2an(raw.replace("两", "二"), "smart"))
        except (ValueError, KeyError):
            return None
    return int(number) if number.is_integer() else number


def _comparator(shielded: str, c_start: int, q: re.Match, quantities: list) -> tuple[str, int]:
    """Comparator of quantity ``q`` and where its subject ends (clause offset)."""
    after = shielded[q.end():q.end() + 3]
    after_cmp = next((c for c, pat in P.COMPARATOR_AFTER if re.match(pat, after)), None)
    left = _list_start(shielded, q, quantities)
    before_text = shielded[c_start:left]
    last = None
    for m in _COMPARATOR_BEFORE.finditer(before_text):
        last = m
    if last is not None:
        filler = before_text[last.end():]
        if len(filler) <= 15 and not re.search(r"\d", filler):
            group = next(name for name, val in last.groupdict().items() if val)
            return P.COMPARATOR_BEFORE[int(group[1:])][0], c_start + last.start()
    return (after_cmp or "="), -1


def _list_start(shielded: str, q: re.Match, quantities: list) -> int:
    """Start of a 、-list of quantities that ``q`` closes (2.5%、5%、10%)."""
    left = q.start()
    for prev in reversed([p for p in quantities if p.end() <= q.start()]):
        if shielded[prev.end():left] in ("、", "，", ",") or shielded[prev.end():left] == "":
            left = prev.start()
        else:
            break
    return left


def _evidence_span(chunk: str, c_start: int, c_end: int, subject_end: int):
    """Span of the quoted clause; a bare '…率' clause before it shares the value."""
    prev = re.search(r"([^，,；;。：:\n]{2,14}率)[，,]$", chunk[:c_start])
    if prev and subject_end >= 0 and not re.search(r"\d", prev.group(1)):
        return (prev.start(1), c_end), prev.group(1)
    return (c_start, c_end), None


def _indicator(chunk: str, c_start: int, c_end: int, q: re.Match, subject_end: int) -> str:
    """The noun phrase a quantity measures: the subject before the comparator
    (覆盖率达到80% → 覆盖率), else the phrase after the unit (30种大病患者 → 大病患者…)."""
    if subject_end > c_start:
        subject = chunk[c_start:subject_end]
        if subject.count("（") > subject.count("）"):
            subject = subject[subject.rfind("（") + 1:]  # 每批不少于5人（中医院不少于3人）
        subject = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", subject)).strip()
        if len(subject) >= 2:
            return subject
        filler = _COMPARATOR_BEFORE.sub("", chunk[subject_end:q.start()])
        filler = re.sub(r"[\d.%、]+$", "", filler)
        filler = re.sub(r"^其|的$", "", filler).strip("、 ")
        if len(filler) >= 2:
            return filler
    after = chunk[q.end():c_end]
    after = re.sub(r"^(?:及)?(?:以上|以内|之内|内)?的?", "", after).strip()
    if len(after) >= 2:
        return after[:40]
    return chunk[c_start:c_end][:40]


def _deadline(sentence: str) -> int | None:
    m = P.DEADLINE.search(sentence) or P.DEADLINE_LEAD.search(sentence)
    if m:
        return int(m.group("year"))
    plan = P.FIVE_YEAR_PLAN.search(sentence)
    return P.FIVE_YEAR_PLANS.get(plan.group("plan")) if plan else None


def _dedupe_counts(targets: list[Target], text: str) -> list[Target]:
    """A count repeated within one measure (保持30种大病…所有30种大病) is one
    requirement; counts of different things (1所综合医院、1所中医院) are not."""
    seen, result = set(), []
    for t in targets:
        noun = text[t.value_span[1]:t.value_span[1] + 2]
        key = (t.path, t.value, t.unit, noun) if t.comparator == "=" else id(t)
        if key in seen:
            continue
        seen.add(key)
        result.append(t)
    return result


def deadline_of(text: str) -> int | None:
    """Deadline year stated in ``text`` (到2025年, “十四五”期末 → 2025)."""
    return _deadline(text)
