"""Notices printed in traditional characters (衛生健康委員會, 關於印發…的通知): told apart, and
read through a simplified rendering of the same length.

The place table, the issuer rules and the patterns are written in simplified characters. A
notice that is mostly traditional is parsed in a simplified rendering made character for
character, so that every offset found in the rendering is an offset into the text as printed;
:func:`as_printed` then puts the printed characters back into the strings of the record.
The conversion is OpenCC's (opencc-python-reimplemented: its phrase table, so that 瞭解 → 了解
and not 瞭解; a line whose length the phrase table would change is converted character by
character from OpenCC's own character table instead).
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import cast

from .models import Record

# characters looked at first: a notice printed in traditional characters shows them in its header
SAMPLE = 2000


def is_traditional(text: str) -> bool:
    """Whether ``text`` is mostly written in traditional characters: it has more characters
    found only in traditional writing (衛, 會, 關) than found only in simplified (卫, 会, 关).
    A simplified notice costs one look at its first :data:`SAMPLE` characters that finds none.

    >>> is_traditional("廣西壯族自治區衛生健康委員會"), is_traditional("广西壮族自治区卫生健康委员会")
    (True, False)
    """
    traditional_only, simplified_only = _char_classes()
    head = text[:SAMPLE]
    if _in_gb2312(head) and not any(c in head for c in _traditional_in_gb2312()):
        return False  # the simplified set holds every character, and none of the few traditional ones it has
    if traditional_only.isdisjoint(set(head)):  # a simplified notice stops here
        return False
    counts = Counter(text)
    return sum(counts[c] for c in traditional_only & counts.keys()) > sum(counts[c] for c in simplified_only & counts.keys())


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one, line by line.

    >>> to_simplified("關於印發《實施方案》的通知\\n縣衛生健康局")
    '关于印发《实施方案》的通知\\n县卫生健康局'
    """
    converter = _converter()
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        lines.append(converted if len(converted) == len(line) else line.translate(_char_table()))
    return "\n".join(lines)


def simplified_query(text: str) -> str:
    """A query in simplified characters: ``text`` itself when GB 2312 (the simplified set) holds
    every character of it — no table is loaded for it —, else its simplified rendering.

    >>> simplified_query("先诊疗后付费"), simplified_query("湘衛發〔2022〕3号")
    ('先诊疗后付费', '湘卫发〔2022〕3号')
    """
    return text if _in_gb2312(text) else to_simplified(text)


def traditional_forms(text: str) -> str:
    """``text`` with each character in its commonest traditional form (OpenCC's table, character
    for character): what a LIKE scan looks for in a notice printed in traditional characters.

    >>> traditional_forms("医保")
    '醫保'
    """
    return text.translate(_traditional_table())


def _in_gb2312(text: str) -> bool:
    """Whether GB 2312 (the simplified character set) holds every character of ``text``: one
    encoding in C, where a look at each character costs a Python string apiece."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@functools.cache
def _traditional_in_gb2312() -> tuple[str, ...]:
    """The traditional-only characters that GB 2312 holds all the same (後, 菸 …: a handful)."""
    return tuple(sorted(c for c in _char_classes()[0] if _in_gb2312(c)))


@functools.cache
def _traditional_table() -> dict[int, str]:
    return {ord(k): v[0] for k, v in _dictionary("STCharacters.txt").items() if len(v[0]) == 1 and v[0] != k}


def as_printed(value, printed: str, simplified: str, keep: frozenset[str] = frozenset()):
    """``value`` (strings, lists and dicts found in ``simplified``) with the printed characters
    put back: a string found in the rendering takes the printed text at the same place; any
    other string (joined across lines, compacted) takes each character's printed form in this
    document. Keys named in ``keep`` hold canonical values (place names, levels) and stay
    simplified.

    >>> as_printed({"title": "关于某县的通知", "locality": "某县"}, "關於某縣的通知", "关于某县的通知", frozenset({"locality"}))
    {'title': '關於某縣的通知', 'locality': '某县'}
    """
    return PrintedForm(printed, simplified, keep).value(value)


class PrintedForm:
    """Puts a document's printed characters back into strings found in its simplified rendering."""

    def __init__(self, printed: str, simplified: str, keep: frozenset[str]):
        self.printed, self.simplified, self.keep = printed, simplified, keep
        pairs = Counter((s, p) for s, p in zip(simplified, printed) if s != p)
        self.table = {ord(s): p for (s, p), _ in reversed(pairs.most_common())}  # the commonest form wins
        self.seen: dict[str, str] = {}

    def value(self, value):
        if isinstance(value, str):
            return self.string(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, dict):
            return {k: v if k in self.keep else self.value(v) for k, v in value.items()}
        return value

    def string(self, value: str) -> str:
        if value.isascii():
            return value
        if value not in self.seen:
            at = self.simplified.find(value)
            self.seen[value] = self.printed[at:at + len(value)] if at >= 0 else value.translate(self.table)
        return self.seen[value]


@functools.cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def _dictionary(name: str) -> dict[str, list[str]]:
    """One of OpenCC's character tables: character → its counterparts, commonest first."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / name
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1:
            table[key] = values.split()
    return table


@functools.cache
def _char_table() -> dict[int, str]:
    """Traditional → simplified, character for character (str.translate's table)."""
    return {ord(k): v[0] for k, v in _dictionary("TSCharacters.txt").items() if len(v[0]) == 1 and v[0] != k}


@functools.cache
def _char_classes() -> tuple[frozenset[str], frozenset[str]]:
    """Characters written only in traditional (衛: its simplified forms do not include itself),
    and only in simplified (卫); 干, 台, 乾 are written in both and count for neither."""
    def only(name: str) -> frozenset[str]:
        return frozenset(k for k, v in _dictionary(name).items() if k not in v)
    return only("TSCharacters.txt"), only("STCharacters.txt")


def printed_characters(text: str, source_offsets: list[int], source: str, simplified_source: str) -> str:
    """``text``, made from ``simplified_source`` (each character's offset there given), with every
    character copied from the source written as printed in ``source``; a character the
    normaliser wrote itself (a full-width bracket for a half-width one) stays as it is.

    >>> printed_characters("县（一）", [0, 1, 2, 3], "縣(一)", "县(一)")
    '縣（一）'
    """
    return "".join(source[at] if ch == simplified_source[at] else ch
                   for ch, at in zip(text, source_offsets))


def simplified_record(record: Record) -> Record:
    """A record printed in traditional characters (``script``), every string in it rendered
    simplified character for character (keys too: ``unit_map`` stays keyed by the mentions'
    strings), for the comparisons, whose frame, terms and patterns are simplified. Spans
    stay valid; quotes taken from it are in simplified characters. The copy has no
    ``script`` (it is simplified now), so a stage handed it does not render it again. Any
    other record is returned as it is."""
    if record.get("script") != "traditional":
        return record
    simplified = _simplified({k: v for k, v in record.items() if k != "script"})
    return cast(Record, simplified)  # no script: a later stage given it reads it as it is, not again


def _simplified(value):
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, dict):
        return {(_simplified(k) if isinstance(k, str) else k): _simplified(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_simplified(v) for v in value]
    return value
