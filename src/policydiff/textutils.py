"""Text helpers shared by every stage (a leaf module: it imports only :mod:`.patterns` and cn2an).

Sentences around a span, the 文号 in canonical form, lists of units split on 、,
and the test for a line that is only a body's name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

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


SENTENCE_ENDS = "。；！？\n"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text[start:end]``, split after 。；！？ and at
    paragraph breaks, spaces at either end left out; an empty piece gives no sentence.

    >>> text = "一是确保签约；二是确保付费。\\n三、 保障"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['一是确保签约；', '二是确保付费。', '三、 保障']
    """
    spans = []
    for m in _SENTENCE.finditer(text, start, len(text) if end is None else end):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?|[。；！？]")


_CLAUSE_MARK = re.compile("[。，、；：:,]")


def is_org_line(line: str) -> bool:
    """A short line that is only the name of a body (issuer, signature)."""
    return len(line) <= 25 and not _CLAUSE_MARK.search(line) and bool(P.ORG_SUFFIX.search(line))


_SUFFIX_END = frozenset("会室府委局厅部办院心所站处科组司")


def is_org_names(line: str) -> bool:
    """A line of two or more bodies' names run together (a signature's row whose spaces the
    normaliser dropped), cut where a name's suffix is followed by the place the line starts with
    again; each piece a body's name alone.

    >>> is_org_names("中共湖南省委机构编制委员会办公室湖南省发展和改革委员会")
    True
    >>> is_org_names("湖南省卫生健康委员会关于做好湖南省乡村医生培训工作的通知")
    False
    """
    if not 25 < len(line) <= 100 or _CLAUSE_MARK.search(line) or not P.ORG_SUFFIX.search(line):
        return False
    place = line[2:4] if line.startswith("中共") else line[:2]
    cuts = [0]
    at = line.find(place, 3)
    while at > 0:
        start = at - 2 if line.startswith("中共", at - 2) else at
        if line[start - 1] in _SUFFIX_END and start - cuts[-1] >= 3:
            cuts.append(start)
        at = line.find(place, at + 1)
    pieces = [line[a:b] for a, b in zip(cuts, [*cuts[1:], len(line)])]
    return len(pieces) > 1 and all(is_org_line(piece) for piece in pieces)


def is_org_row(line: str) -> bool:
    """A signature's row of two or more bodies side by side, spaces between them, each a body's
    name alone (``湖南省卫生健康委员会　　湖南省发展和改革委员会``): longer than one name may be.

    >>> is_org_row("中共湖南省委机构编制委员会办公室　湖南省发展和改革委员会")
    True
    >>> is_org_row("县卫健局　负责督促落实")
    False
    """
    parts = line.split()
    return len(parts) > 1 and all(is_org_line(part) for part in parts)


def normalise_doc_number(text: str) -> str | None:
    """The first 文号 in ``text``, brackets normalised to 〔〕 and spaces removed.

    >>> normalise_doc_number("国卫扶贫发[2021] 6 号")
    '国卫扶贫发〔2021〕6号'
    """
    m = P.DOC_NUMBER.search(text)
    if not m:
        return None
    code = P.LEADING_VERBS.sub("", m.group("code"))
    return format_doc_number(code, m.group("year"), m.group("serial"))


def normalise_order_number(text: str) -> str | None:
    """A regulation's order number (国务院令第386号) in one form, without 中华人民共和国 and spaces.

    >>> normalise_order_number("中华人民共和国国务院令 第 386 号")
    '国务院令第386号'
    """
    m = P.ORDER_NUMBER.search(text)
    return f"{m.group('issuer')}第{int(m.group('serial'))}号" if m else None


def format_doc_number(code: str, year, serial) -> str:
    """A 文号 in canonical form: code〔year〕serial号.

    >>> format_doc_number("国办发", "2020", "08")
    '国办发〔2020〕8号'
    """
    return f"{code}〔{year}〕{int(serial)}号"


def find_damaged_doc_numbers(text: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, repaired) for every 文号 in ``text`` that lost a bracket or its 号, or
    was printed with [ ] or 【 】; ``text[start:end]`` is the damaged part (the code is kept as is).

    >>> find_damaged_doc_numbers("见国办发2020〕8号和澜府办发〔201930号")
    [('missing_open_bracket', 4, 11, '〔2020〕8号'), ('missing_close_bracket', 16, 24, '〔2019〕30号')]
    """
    found: list[tuple[str, int, int, str]] = []
    if "19" not in text and "20" not in text:
        return found  # every anchor holds a year 19xx or 20xx: no scan
    if not _ANCHOR_CHARACTER.search(text):
        return found  # every anchor holds a bracket or a 号 too (a year in a sentence, 到2025年, has none)
    for anchor in P.DAMAGE_ANCHOR.finditer(text):  # rare: most paragraphs have none
        window_start = max(0, anchor.start() - 14)
        window_end = min(len(text), anchor.end() + 8)
        for kind, pattern in P.DAMAGED_DOC_NUMBERS:
            m = pattern.search(text, window_start, window_end)
            if not m:
                continue
            start, end = m.end("code"), m.end()
            if not any(start < e and s < end for _, s, e, _ in found):
                found.append((kind, start, end, format_doc_number("", m.group("year"), m.group("serial"))))
            break
    return sorted(found, key=lambda f: f[1])


# a character each of P.DAMAGE_ANCHOR's shapes holds besides its year: a bracket closing the year (2020〕),
# one opening it (〔2019, [2020) or the 号 after the serial (发2020第5号)
_ANCHOR_CHARACTER = re.compile(r"[〕\]］】﹞〗〔\[［【﹝〖号號]")


def repair_bare_date(digits: str) -> str | None:
    """The ISO date of a date printed without 年月日 when only one reading is possible.

    >>> repair_bare_date("20211102"), repair_bare_date("2019815"), repair_bare_date("2021126")
    ('2021-11-02', '2019-08-15', None)
    >>> repair_bare_date("2021106") is None  # 10月6日 or 1月06日
    True
    """
    year, rest = int(digits[:4]), digits[4:]
    readings = set()
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2:
            continue
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            readings.add((int(month), int(day)))
    if len(readings) != 1:
        return None
    month_number, day_number = readings.pop()
    return f"{year:04d}-{month_number:02d}-{day_number:02d}"


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


def bare_title(title: str | None) -> str:
    """A title without 《》〈〉 wrappers, spaces, and the 关于印发…的通知 envelope.

    >>> bare_title("关于印发〈榆林市实施方案〉的通知")
    '榆林市实施方案'
    """
    text = re.sub(r"[《》〈〉\s]", "", title or "")
    inner = re.match(r"^(?:.*?)关于印发(.+?)的通知$", text)
    return inner.group(1) if inner else text


def chinese_number(raw: str) -> float | None:
    """The value of a number written in digits or Chinese numerals (cn2an), or None.

    >>> chinese_number("两"), chinese_number("二〇二一"), chinese_number("2.5"), chinese_number("统")
    (2, 2021, 2.5, None)
    """
    if raw[:1].isdigit():
        number = float(raw)
    else:
        value = _numeral_value(raw)
        if value is None:
            return None
        number = value
    return int(number) if number.is_integer() else number


# a numeral of one character, as cn2an reads it ("smart" mode; tested against it): no import, no call
_ONE_CHARACTER = {c: float(v) for v, c in enumerate("〇一二三四五六七八九十")} | {"零": 0.0, "两": 2.0}


@lru_cache(maxsize=4096)  # cn2an costs ~25 µs a call; a notice repeats its numerals
def _numeral_value(raw: str) -> float | None:
    if raw in _ONE_CHARACTER:
        return _ONE_CHARACTER[raw]
    import cn2an  # ~80 ms to import: loaded by the first longer Chinese numeral, not by every command

    try:
        return float(cn2an.cn2an(raw.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None


def level_rank(level: str | None) -> int:
    """Place of an administrative level on the ladder, top down; unknown levels last.

    >>> [level_rank(x) for x in ("national", "county", None)]
    [0, 3, 5]
    """
    return P.ADMIN_LEVELS.index(level) if level in P.ADMIN_LEVELS else len(P.ADMIN_LEVELS)



def column_names(documents: list[tuple[str, str | None, str | None]], plain: bool = True) -> dict[str, str]:
    """A column name for each (id, locality, 文号) of ``documents``, unique: the locality
    (only with ``plain``); ``locality（文号）`` where a locality has several notices; ``locality（id）``
    where even that repeats (generated or re-issued notices share numbers)."""
    def named(doc_id: str, locality: str | None, number: str | None, level: int) -> str:
        place = locality or doc_id
        return (place, f"{place}（{number or doc_id}）", f"{place}（{doc_id}）")[level]

    names: dict[str, str] = {}
    for level in range(0 if plain else 1, 3):
        counts = Counter(named(*document, level) for document in documents if document[0] not in names)
        for document in documents:
            if document[0] not in names and (counts[named(*document, level)] == 1 or level == 2):
                names[document[0]] = named(*document, level)
    return names


# every control character but tab and line feed (tables and blocks use line breaks)
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def shown_escaped(text: str) -> str:
    r"""``text`` with its control characters written out (an escape character as ``\x1b``):
    text from notices reaches a terminal as text, never as a control sequence.

    >>> shown_escaped("a\x1b[31mb")
    'a\\x1b[31mb'
    """
    return TERMINAL_CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
