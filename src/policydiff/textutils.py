"""Text helpers shared by every stage (a leaf module: it imports only :mod:`.patterns` and cn2an).

Sentences around a span, the 文号 in canonical form, lists of units split on 、,
and the test for a line that is only a body's name.
"""

from __future__ import annotations

import re

import cn2an

from . import patterns as P

SENTENCE_BREAKS = "。；\n"


def sentence_bounds(text: str, span) -> tuple[int, int]:
    """(start, end) of the sentence around ``span``: ``end`` is the offset of the
    。, ； or paragraph break that closes it, or the end of the text.

    >>> sentence_bounds("甲。乙丙丁；戊", (3, 4))
    (2, 5)
    """
    left = max(text.rfind(ch, 0, span[0]) for ch in SENTENCE_BREAKS) + 1
    ends = [i for i in (text.find(ch, span[1]) for ch in SENTENCE_BREAKS) if i >= 0]
    return left, min(ends) if ends else len(text)


def sentence_around(text: str, span) -> str:
    """The sentence (between 。, ； or a paragraph break) that contains ``span``.

    >>> sentence_around("甲。乙丙丁；戊", (3, 4))
    '乙丙丁'
    """
    left, end = sentence_bounds(text, span)
    return text[left:end]


def is_org_line(line: str) -> bool:
    """A short line that is only the name of a body (issuer, signature)."""
    return len(line) <= 25 and not re.search("[。，、；：:,]", line) and bool(P.ORG_SUFFIX.search(line))


def normalise_doc_number(text: str) -> str | None:
    """The first 文号 in ``text``, brackets normalised to 〔〕 and spaces removed.

    >>> normalise_doc_number("国卫扶贫发[2021] 6 号")
    '国卫扶贫发〔2021〕6号'
    """
    m = P.DOC_NUMBER.search(text)
    if not m:
        return None
    code = P.LEADING_VERBS.sub("", m.group("code"))
    return f"{code}〔{m.group('year')}〕{int(m.group('serial'))}号"


def split_units(text: str, offset: int = 0, with_spans: bool = False):
    """Split a list of units on 、 ， , ； without breaking a bracket.

    >>> split_units("各市、县（市、区）人民政府")
    ['各市', '县（市、区）人民政府']
    """
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text + "、"):
        if ch in "（([【［":
            depth += 1
        elif ch in "）)]】］":
            depth = max(depth - 1, 0)
        elif ch in P.UNIT_SEPARATORS and depth == 0:
            raw = text[start:i]
            stripped = raw.strip(" \n")
            if stripped:
                lead = start + (len(raw) - len(raw.lstrip(" \n")))
                parts.append((stripped, (offset + lead, offset + lead + len(stripped))))
            start = i + 1
    return parts if with_spans else [p for p, _ in parts]


def chinese_number(raw: str) -> float | None:
    """The value of a number written in digits or Chinese numerals (cn2an), or None.

    >>> chinese_number("两"), chinese_number("二〇二一"), chinese_number("2.5"), chinese_number("统")
    (2, 2021, 2.5, None)
    """
    if raw[:1].isdigit():
        number = float(raw)
    else:
        try:
            number = float(cn2an.cn2an(raw.replace("两", "二"), "smart"))
        except (ValueError, KeyError):
            return None
    return int(number) if number.is_integer() else number
