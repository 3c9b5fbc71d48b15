"""``targets --across`` cells on shapes that gave wrong answers: which of a sentence's figures answers an
entry (a different hospital grade, a change sized by 幅度, a figure that quantifies an entry printed
without a number). Sentences written for these tests in the shape of prefecture work points."""

import pytest

from policydiff.compare.across import format_cell, targets_across


def _record(text: str, locality: str = "青梧市") -> dict:
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    record.update(locality=locality, id="qw")
    return record


def _row(indicator: str, value=None) -> dict:
    return {"no": 1, "indicator": indicator, "binding": "约束性", "frame_values": [value] if value else [],
            "carried_by": []}


GRADE = "脱贫县（市、区）要有1所县级医院达到二级医院医疗服务能力"
LITERACY = "以设区市为单位，居民健康素养水平“十四五”期间总上升幅度达到5个百分点"
STANDARD = "辖区乡镇卫生院和行政村政府办卫生室完成标准化建设，乡镇卫生院中医馆设置实现全覆盖"

CELLS = [
    # two figures in one item: the 二级甲等 floor answers a 二级 entry, not the 三级 aim beside it
    ("二、重点工作\n（一）提升县级医院。确保每个县至少有1所县级医院达到二级甲等水平，力争3所达到三级水平。\n",
     GRADE, {"comparator": "=", "value": 1, "unit": "所"}, "≥1所"),
    # the 三级 aim printed before the 二级 floor: still the floor
    ("二、重点工作\n（一）提升县级医院。力争2所县级医院达到三级水平，每个县至少有1所达到二级水平。\n",
     GRADE, {"comparator": "=", "value": 1, "unit": "所"}, "≥1所"),
    # a change in 个百分点 answers an entry sized by 总上升幅度 (the measured noun is 素养水平, not 幅度)
    ("一、工作目标\n到2025年，县域内就诊率达到90%，居民健康素养水平较2020年提高8个百分点。\n",
     LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"}, "+8个百分点 by 2025"),
    # a level in % is not a change: not compared with a 幅度 entry
    ("一、工作目标\n到2025年，居民健康素养水平达到25%。\n",
     LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"}, "not stated"),
    # an entry without a number (完成标准化建设): the 达标率 the locality prints for it, named
    ("一、工作目标\n到2025年，签约服务率稳定在95%以上，乡镇卫生院和村卫生室标准化建设达标率达到100%，县域内就诊率达到90%。\n",
     STANDARD, None, "乡镇卫生院和村卫生室标准化建设达标率 ≥100% by 2025"),
    # a change over one year (比上年) against the plan period's total (“十四五”期间): quoted, not compared
    ("一、工作目标\n2023年，全县居民健康素养水平力争比上年提高3个百分点。\n",
     LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"}, "change over another period, not compared: +3个百分点"),
    # a base year and a deadline spanning the plan (较2020年 … 到2025年): five years, compared
    ("一、工作目标\n到2025年，居民健康素养水平较2020年提高6个百分点。\n",
     LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"}, "+6个百分点 by 2025"),
    # a base year one year before the deadline (2023年工作要点: 比2022年): one year, not compared
    ("一、工作目标\n到2023年底，居民健康素养水平要比2022年提高2个百分点。\n",
     LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"}, "change over another period"),
    # the same sentence without the 达标率: its other figures are not this entry's
    ("一、工作目标\n到2025年，签约服务率稳定在95%以上，乡镇卫生院和村卫生室全部完成标准化建设，县域内就诊率达到90%。\n",
     STANDARD, None, "other figures printed"),
]


@pytest.mark.parametrize(("text", "indicator", "value", "expected"), CELLS)
def test_the_figure_that_answers_an_entry(text, indicator, value, expected):
    (row,) = targets_across([_record(text)], [_row(indicator, value)])
    assert format_cell(row["cells"]["青梧市"]).startswith(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the county's yearly rise against the plan period's total: diff says so, never "weakened"
    ("一、工作目标\n2023年，全县居民健康素养水平力争比上年提高3个百分点。\n", "change over another period, not compared"),
    # the plan period's rise, smaller than the reference's: weakened
    ("一、工作目标\n到2025年，居民健康素养水平较2020年提高4个百分点。\n", "weakened"),
    # a change saying no span (提高6个百分点): compared as before
    ("一、工作目标\n到2025年，居民健康素养水平提高6个百分点。\n", "strengthened"),
])
def test_diff_compares_a_change_only_over_the_same_period(text, expected):
    from policydiff.compare.diff import compare_targets
    from policydiff.models import Reference

    row = _row(LITERACY, {"comparator": ">=", "value": 5, "unit": "个百分点"})
    reference = Reference(kind="frame", name="frame", doc_number=None, date=None, derivation="", entries=[],
                          indicators=[row], records={})
    (delta,) = [d for d in compare_targets(_record(text), reference) if d["reference"]]
    assert delta["change"] == expected
