"""The parser's shortcuts (issue 30, ingest speed) give what the long way gives.

Each shortcut skips work only where it cannot find anything, or remembers a pure result;
these rows compare it with the long way on sentences written for the purpose.
"""

from __future__ import annotations

import pytest

from policydiff.extract.units import _listed_units, find_markers, split_unit_list
from policydiff.normalise import _split_lines, normalise
from policydiff.textutils import _ONE_CHARACTER, chinese_number, find_damaged_doc_numbers


@pytest.mark.parametrize("numeral", sorted(_ONE_CHARACTER))
def test_one_character_numerals_read_as_cn2an_reads_them(numeral):
    cn2an = pytest.importorskip("cn2an")
    # every entry of the table: the value cn2an's "smart" mode gives (两 read as 二, as before)
    assert _ONE_CHARACTER[numeral] == float(cn2an.cn2an(numeral.replace("两", "二"), "smart"))


@pytest.mark.parametrize("raw, value", [
    ("三", 3),        # one character: from the table
    ("十二", 12),     # two characters: through cn2an
    ("两百", 200),    # 两 before a unit of ten: through cn2an, read as 二
    ("统", None),     # not a numeral
])
def test_chinese_number(raw, value):
    assert chinese_number(raw) == value


@pytest.mark.parametrize("text", [
    "县卫健局、县医保局",                 # a plain list
    "农业农村、住房城乡建设、生态环境等部门",  # an open list sharing its suffix
    "由县民政局负责",                     # a leading 由 and a trailing role phrase
])
@pytest.mark.parametrize("offset", [0, 7, 130])
def test_unit_lists_at_an_offset_are_the_list_at_zero_moved(text, offset):
    at_zero = list(_listed_units(text))
    moved = split_unit_list(text, offset)
    assert [(u.unit, u.open_list, u.joiner) for u in moved] == [(u.unit, u.open_list, u.joiner) for u in at_zero]
    assert [u.span for u in moved] == [(a + offset, b + offset) for a, b in (u.span for u in at_zero)]


@pytest.mark.parametrize("body, units", [
    ("开展义诊。（县卫健局牵头，县医保局配合）", ["县卫健局", "县医保局"]),   # a bracket mid-item
    ("做好随访。\n责任单位：县疾控中心", ["县疾控中心"]),                  # a label line after a line break
    ("做好随访。责任单位：县疾控中心。", ["县疾控中心"]),                  # a label after a sentence end
    ("做好随访。", []),                                                   # ends in 。: nothing after it
    ("推进远程医疗责任单位：县卫健局", []),                                # a label inside a sentence is not one
])
def test_markers_found_at_brackets_and_line_or_sentence_starts(body, units):
    assert [m.unit for marker in find_markers(body, 0) for m in marker.mentions] == units


@pytest.mark.parametrize("raw", [
    "一、总体要求\n（一）指导思想",       # \n alone: the quick split
    "一、总体要求\r\n（一）指导思想\n",  # \r\n: the pattern's split
    "甲\f乙\n\n丙",                       # a form feed ends a line too
])
def test_lines_split_as_the_pattern_splits_them(raw):
    import re

    expected = re.split(r"\r\n|\r|\n|\f", raw)
    lines = _split_lines(raw)
    assert [line.text for line in lines] == expected
    assert all(raw[o] == c for line in lines for o, c in zip(line.offsets, line.text))


@pytest.mark.parametrize("text, found", [
    ("见国办发2020〕8号", True),   # a year: the scan runs and repairs
    ("加强随访管理，做好宣传。", False),  # no 19 or 20: nothing to scan
])
def test_damaged_numbers_need_a_year(text, found):
    assert bool(find_damaged_doc_numbers(text)) is found


def test_wide_spaces_and_invisible_characters_still_repaired():
    # a text holding an invisible character and a NO-BREAK space: the line repairs still run
    assert normalise("\ufeff一、总体要求\u00a0\u00a0\n（一）指导思想").text == "一、总体要求\n（一）指导思想"
