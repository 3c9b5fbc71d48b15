"""The parser's shortcuts (issue 30, ingest speed) give what the long way gives.

Each shortcut skips work only where it cannot find anything, or remembers a pure result;
these rows compare it with the long way on sentences written for the purpose.
"""

from __future__ import annotations

import itertools

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
    "甲\f乙\n\n丙",                       # a form feed ends a line too; the blank line left out
    "\n\n甲\n \n乙\n\n",                   # \n alone, blank lines first and last: left out (a space is kept)
    "\r\n\r\n甲\r\n\r\n",                  # the pattern's split, blank lines first and last: left out
])
def test_lines_split_as_the_pattern_splits_them(raw):
    import re

    expected = [line for line in re.split(r"\r\n|\r|\n|\f", raw) if line]
    lines = _split_lines(raw)
    assert [line.text for line in lines] == expected
    assert all(raw[o] == c for line in lines for o, c in zip(line.offsets, line.text))


@pytest.mark.parametrize("text, found", [
    ("见国办发2020〕8号", True),   # a year: the scan runs and repairs
    ("加强随访管理，做好宣传。", False),  # no 19 or 20: nothing to scan
])
def test_damaged_numbers_need_a_year(text, found):
    assert bool(find_damaged_doc_numbers(text)) is found


@pytest.mark.parametrize("text", [
    "依据市卫健委2021〕12号文件要求",     # the opening bracket lost: the closing one is the anchor's
    "按照〔202115号的要求落实",           # the closing bracket lost: the opening one
    "县医保局[2022]3号通知明确",          # printed with [ ]
    "县卫健局【2022】7号文件",            # printed with 【 】
    "转发市政府办发2020第5号通知",        # both brackets lost, 第 before the serial: the 号 after it
])
def test_damaged_numbers_of_every_shape_pass_the_character_test(text):
    # each shape of DAMAGE_ANCHOR holds a bracket or a 号 besides its year: the quick test lets it through
    from policydiff import patterns as P
    from policydiff.textutils import _ANCHOR_CHARACTER

    assert P.DAMAGE_ANCHOR.search(text) and _ANCHOR_CHARACTER.search(text)
    assert find_damaged_doc_numbers(text) == _damaged_without_the_test(text)


def _damaged_without_the_test(text):
    """find_damaged_doc_numbers's scan itself, the character test left out (the long way)."""
    from policydiff import patterns as P
    from policydiff.textutils import format_doc_number

    found = []
    for anchor in P.DAMAGE_ANCHOR.finditer(text):
        window_start, window_end = max(0, anchor.start() - 14), min(len(text), anchor.end() + 8)
        for kind, pattern in P.DAMAGED_DOC_NUMBERS:
            m = pattern.search(text, window_start, window_end)
            if not m:
                continue
            start, end = m.end("code"), m.end()
            if not any(start < e and s < end for _, s, e, _ in found):
                found.append((kind, start, end, format_doc_number("", m.group("year"), m.group("serial"))))
            break
    return sorted(found, key=lambda f: f[1])


def test_a_year_in_a_sentence_is_no_anchor():
    # 到2025年 holds a year but neither a bracket nor a 号: no shape of a damaged 文号 can start there
    from policydiff import patterns as P

    text = "到2025年，县域内就诊率达到90%以上，2022年底前完成改造。"
    assert not P.DAMAGE_ANCHOR.search(text)
    assert find_damaged_doc_numbers(text) == []


def test_wide_spaces_and_invisible_characters_still_repaired():
    # a text holding an invisible character and a NO-BREAK space: the line repairs still run
    assert normalise("\ufeff一、总体要求\u00a0\u00a0\n（一）指导思想").text == "一、总体要求\n（一）指导思想"


@pytest.mark.parametrize("task, measures", [
    # one clause, two measures: a matrix of one row
    ("推进县域医共体建设", ["全面推进紧密型县域医疗卫生共同体建设。", "加强乡村医生队伍建设。"]),
    # several clauses, one candidate measure: numpy sums a one-column matrix pairwise
    # (eleven clauses: the pairwise sum and the sum in order differ in the last bit here)
    ("做好大病专项救治，推进远程医疗覆盖，落实家庭医生签约服务，强化乡村医生培训，实施健康乡村行动，"
     "健全医疗保障制度，落实先诊疗后付费，完善一站式结算服务，开展慢病签约随访，加强村卫生室建设，做好传染病防控",
     ["持续加强村卫生室标准化建设，提升县级医院服务能力，落实家庭医生签约服务和大病专项救治。"]),
    # several clauses, several measures: row after row, per column
    ("落实先诊疗后付费政策，完善一站式结算；加强大病专项救治",
     ["落实县域内先诊疗后付费和一站式结算。", "扩大大病专项救治病种范围。", "做好宣传引导。"]),
    # no trigram shared: nothing scored
    ("开展爱国卫生运动", ["完善医疗保障制度。"]),
])
def test_restatement_scores_are_cdist_sums(task, measures):
    # the scores are the floats rapidfuzz's matrix summed by numpy gave, to the last bit
    import re

    process = pytest.importorskip("rapidfuzz.process")
    pytest.importorskip("numpy")
    from rapidfuzz import fuzz

    from policydiff.extract.tables import restatement_scores

    clauses = [c for c in re.split(r"[，。；,;]", task) if len(c) >= 4]
    expected = [0.0] * len(measures)
    candidates = [i for i, text in enumerate(measures) if any(c[j:j + 3] in text for c in clauses
                                                               for j in range(len(c) - 2))]
    if candidates:
        matrix = process.cdist(clauses, [measures[i] for i in candidates], scorer=fuzz.partial_ratio,
                               dtype="float64")
        for i, total in zip(candidates, matrix.sum(axis=0)):
            expected[i] = float(total) / len(clauses)
    assert restatement_scores(task, measures) == expected


_TASK_MEASURES = [
    # one measure restates the row almost word for word: scored, the others (below it at most) left out
    ("落实先诊疗后付费政策，完善一站式结算服务",
     ["全面落实县域内先诊疗后付费政策，完善一站式结算服务。", "扩大大病专项救治病种范围。", "做好宣传引导工作。"]),
    # two measures restate it alike: the first of equals keeps the link
    ("加强村卫生室标准化建设", ["加强村卫生室标准化建设。", "加强村卫生室标准化建设。"]),
    # no measure comes near the threshold: nothing scored, no link
    ("开展爱国卫生运动，做好健康教育", ["完善医疗保障制度，做好医疗救助衔接。", "推进远程医疗覆盖。"]),
    # a clause longer than a measure's whole text (the measure is the shorter string of the pair)
    ("推进紧密型县域医疗卫生共同体建设和县级医院能力提升", ["推进县域医共体建设。", "县级医院能力提升。"]),
    # a measure text that is empty (its rows blanked) beside one that restates the row
    ("做好家庭医生签约服务", ["", "做好家庭医生签约服务，签约率达到80%。"]),
    # several candidates near the threshold, the best one last
    ("强化乡村医生培训，提升基层服务能力",
     ["强化乡村医生培训。", "提升基层服务能力。", "强化乡村医生培训，提升基层医疗卫生服务能力。"]),
]


@pytest.mark.parametrize("task, measures", _TASK_MEASURES)
def test_restatement_scores_that_count_decide_the_link_alike(task, measures):
    # the scores the link reads: the largest and the first measure holding it are restatement_scores's,
    # and every score given is its score (the rest 0.0, never above what they would score)
    from policydiff.extract.tables import LINK_THRESHOLD, _restatement_scores_that_count, restatement_scores

    full = restatement_scores(task, measures)
    counted = _restatement_scores_that_count(task, measures, [None] * len(measures))
    assert all(c in (0.0, f) for c, f in zip(counted, full))
    if max(full) >= LINK_THRESHOLD:
        assert max(counted) == max(full) and counted.index(max(counted)) == full.index(max(full))
    else:
        assert max(counted) < LINK_THRESHOLD


def test_restatement_scores_that_count_leave_out_measures_that_cannot_win():
    # the row restates the first measure; the second shares a trigram (付费政) but too few of its
    # characters to reach the threshold: it is not scored (0.0), although restatement_scores gives it a score
    from policydiff.extract.tables import _restatement_scores_that_count, restatement_scores

    task, measures = "落实先诊疗后付费政策", ["全面落实先诊疗后付费政策。", "付费政策的宣传。"]
    assert restatement_scores(task, measures)[1] > 0.0
    assert _restatement_scores_that_count(task, measures, [None, None]) == [restatement_scores(task, measures)[0], 0.0]


@pytest.mark.parametrize("raw", [
    "一、总体要求\n\n（一）指导思想。以习近平新时代中国特色社会主义\n\n思想为指导",  # a wrapped line joined
    "各县（区）人民政\n政府、市直各单位：",  # text a page break repeated, dropped
    "见国办发2020〕8号文件精神。",  # a damaged 文号 repaired: characters added
    "(一)加强 村卫生室 建设(含 人员)",  # half-width label and brackets, spaces inside Chinese removed
    "<p>一、总体要求</p><p>（一）**指导思想**</p>",  # markup and markdown removed
])
def test_source_runs_are_the_offsets_runs(raw):
    # the normaliser's runs give every character the offset source_offsets gives it
    norm = normalise(raw)
    rebuilt = [start + k for at, start, length in norm.source_runs for k in range(length)]
    assert rebuilt == norm.source_offsets[:-1]
    steps = [b - a for a, b in itertools.pairwise(rebuilt)]
    assert len(norm.source_runs) == 1 + sum(step != 1 for step in steps)  # each run as long as it can be


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's text."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        depth += ch == "(" and pattern[i - 1:i] != "\\"
        depth -= ch == ")" and pattern[i - 1:i] != "\\"
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def test_shortcut_premises_hold_for_the_patterns():
    # the gates before these patterns rest on their text: a new form that breaks a premise fails here
    from policydiff import patterns as P

    cell_labels = _alternatives(P.CELL_LABEL_LINE.pattern[3:P.CELL_LABEL_LINE.pattern.index(r")[ \t]*")])
    # normalise._is_cell_label: a label and its colon are at most 8 characters, longer lines need a space
    assert max(len(label) for label in cell_labels) + 1 <= 8
    assert all("为牵头" in form for form in _alternatives(P.LEAD_FIRST.pattern))  # units.lead_convention
    assert "：" in P.ROLE_LABEL.pattern[-8:] and ":" in P.ROLE_LABEL.pattern[-8:]  # should_join's colon test


@pytest.mark.parametrize("prev, nxt, joined", [
    ("（三）完善帮扶机制。县卫生健康局", "责任单位：县医保局", False),  # a role label line starts its own line
    ("责任单位", "县卫生健康局、县医保局", False),  # a task card's label cell, alone
    ("责任单位  ", "县卫生健康局", False),  # the label cell with trailing spaces (longer than seven)
    ("牵头科室及单位：", "县卫健局医政股", False),  # the longest label with its colon (eight characters), alone
    ("加强村卫生室标准化建设，提升县级医院服务", "能力，落实家庭医生签约服务", True),  # a wrapped sentence
])
def test_should_join_label_lines(prev, nxt, joined):
    from policydiff.normalise import should_join

    assert should_join(prev, nxt) is joined


@pytest.mark.parametrize("raw, joined", [
    ("做好健康帮扶和医疗保障\n保障、公共卫生服务工作。", "做好健康帮扶和医疗保障、公共卫生服务工作。"),  # two characters repeated
    ("组织专家开展义诊\n诊，", "组织专家开展义诊，"),  # a line of two characters: not the quick join
    ("组织专家开展义诊\n活动，", "组织专家开展义诊活动，"),  # a short line, nothing repeated
    ("组织专家开展义诊\n诊疗活动，", "组织专家开展义诊诊疗活动，"),  # 诊 twice but no separator after it: kept
])
def test_repeat_across_a_line_break_dropped_only_before_a_separator(raw, joined):
    norm = normalise(raw)
    assert norm.text == joined
    assert all(raw[o] == c for o, c in zip(norm.source_offsets, norm.text))


@pytest.mark.parametrize("text, separators, clauses", [
    ("县卫健局牵头，县医保局配合", "，,；;", [("县卫健局牵头", 0), ("县医保局配合", 7)]),  # no bracket: the quick split
    (" 甲局负责 ；，乙委配合\n", "，,；;。\n", [("甲局负责", 1), ("乙委配合", 8)]),  # spaces and empty clauses
    ("县卫健局牵头，县（市、区）政府配合", "，,；;", [("县卫健局牵头", 0), ("县（市、区）政府配合", 7)]),  # a bracket kept whole
])
def test_clauses_split_alike_with_and_without_brackets(text, separators, clauses):
    from policydiff.extract.units import split_clauses

    assert split_clauses(text, 0, separators) == clauses


# texts with no pipe, markup, odd space or break but \n: normalise takes _plain_lines' one pass
_PLAIN_TEXTS = [
    " 关于印发健康帮扶工作\n实施方案的通知 \n\n各县（区）卫生健康局：",  # leading and trailing spaces stripped
    "序号  重点任务  牵头单位  配合单位\n1  开展巡回义诊  县卫健局  县医保局\n附件2\n乡镇  名单",  # a space-aligned table, ended by 附件
    "## 一、总体要求\n**（一）指导思想**。坚持以人民为中心",  # a markdown heading and bold: the lines cleaned
    "做好慢病随访\n— 2 —\n管理工作。",  # a page number alone on its line: dropped, the lines around it join
    "加强村卫生室建设\n     \n提升服务能力。",  # a line of spaces only: left out
    "由县卫健局牵头负责，县医保局配合。",  # a task-table word in a sentence: no table starts
    "重点任务  牵头单位  完成时限\n**开展义诊**  县卫健局  2022年底\n---\n（二）保障措施",  # markdown inside a table row, a rule line
]


@pytest.mark.parametrize("raw", _PLAIN_TEXTS)
def test_plain_lines_are_the_lines_split_tabled_and_cleaned(raw):
    from policydiff.normalise import _clean_line, _plain_lines, _table_rows

    assert not any(ch in raw for ch in "|<\r\f\u3000\u00a0")  # the texts _plain_lines is for
    expected = [line for line in (_clean_line(row, False) for row in _table_rows(_split_lines(raw))) if line.text]
    got = [line for line in _plain_lines(raw) if line.text]
    assert [line.text for line in got] == [line.text for line in expected]
    assert [line.offsets for line in got] == [line.offsets for line in expected]


@pytest.mark.parametrize("raw", [*_PLAIN_TEXTS,
                                 "| 指标 | 目标值 |\n|---|---|\n| 签约服务率 | 80% |\n说明",  # a pipe table
                                 "任务  牵头单位  配合单位\n甲  乙  丙\n\n丁  戊  己\n附件：名单"])  # 附件： ends it
def test_table_rows_looked_for_at_cue_lines_only_as_line_by_line(raw):
    # _table_rows reads only the lines holding a pipe or a task-table word, and the lines of a table
    from policydiff.normalise import _table_row, _table_rows

    lines = _split_lines(raw)
    expected, in_table = [], False
    for line in lines:  # the long way: every line in turn
        row, in_table = _table_row(line, in_table)
        expected.append(row)
    assert [row.text for row in _table_rows(lines)] == [row.text for row in expected]


@pytest.mark.parametrize("raw, text", [
    # the table's rows with their cells apart by tabs; 附件2 ends it, the spaces after it are removed
    ("序号  重点任务  牵头单位  配合单位\n1  开展巡回义诊  县卫健局  县医保局\n附件2\n乡镇  名单",
     "序号\t重点任务\t牵头单位\t配合单位\n1\t开展巡回义诊\t县卫健局\t县医保局\n附件2\n乡镇名单"),
    # a row's markdown cleaned after its cells were told apart, the rule line dropped
    ("重点任务  牵头单位  完成时限\n**开展义诊**  县卫健局  2022年底\n---\n（二）保障措施",
     "重点任务\t牵头单位\t完成时限\n开展义诊\t县卫健局\t2022年底\n（二）保障措施"),
])
def test_plain_text_tables_normalised(raw, text):
    assert normalise(raw).text == text


@pytest.mark.parametrize("sentence, qualified", [
    ("65岁以上老年人健康管理率达到72%", "65岁以上老年人"),            # an age group: 岁
    ("0-6岁儿童眼保健覆盖率达到90%", "0-6岁儿童"),                  # an age band
    ("常住人口超过10万人的脱贫县至少建成1所二级医院", "常住人口超过10万人的脱贫县"),  # a population: 万人
    ("签约服务覆盖率达到75%以上", None),                            # no 人, 岁 nor 万: the scan is skipped
    ("每个行政村至少配备1名乡村医生", None),                          # a count: no qualifier
])
def test_qualifiers_found_where_their_units_can_stand(sentence, qualified):
    # a qualifier's unit (岁, 周岁, 万人, 人, 万) holds 人, 岁 or 万: a sentence without them is not scanned
    from policydiff.extract.targets import _qualifiers

    spans = _qualifiers(sentence, 0, len(sentence))
    assert [sentence[a:b] for a, b in spans] == ([qualified] if qualified else [])
