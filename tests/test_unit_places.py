"""The place a unit's name prints before its function, read with the suffix it is printed with: a place's short name
under a suffix its level never takes is another place (榆林县 is no 榆林市 body). Names written for these tests."""

import pytest

from policydiff.canonical import Context, canonical_unit

# (raw, notice locality and level, expected (level, locality, id))
ROWS = [
    # a county named 榆林县 (not in the place table) in its own notice: the county as printed, not the prefecture
    # 榆林市 whose short name 榆林 it starts with
    ("榆林县卫生健康局", ("榆林县", "county"), ("county", "榆林县", "dept:榆林县:卫生健康")),
    # …and in a prefecture's notice: still a county's bureau, never the prefecture's own
    ("榆林县卫生健康局", ("榆林市", "prefecture"), ("county", "榆林县", "dept:榆林县:卫生健康")),
    # the prefecture's short name with its own suffix or none: the prefecture
    ("榆林市卫生健康委员会", ("榆林市", "prefecture"), ("prefecture", "榆林市", "dept:榆林市:卫生健康")),
    ("榆林卫健委", ("榆林市", "prefecture"), ("prefecture", "榆林市", "dept:榆林市:卫生健康")),
    # a county-level city under its old 县 name: the same level, so the table's place (神木市)
    ("神木县卫生健康局", ("神木市", "county"), ("county", "神木市", "dept:神木市:卫生健康")),
    # an autonomous prefecture by its short name and 州: a prefecture, as the table has it
    ("恩施州卫生健康委员会", ("恩施土家族苗族自治州", "prefecture"),
     ("prefecture", "恩施土家族苗族自治州", "dept:恩施土家族苗族自治州:卫生健康")),
]


@pytest.mark.parametrize("raw, where, expected", ROWS, ids=[f"{r[0]}@{r[1][0]}" for r in ROWS])
def test_a_short_name_under_another_levels_suffix_is_another_place(raw, where, expected):
    unit = canonical_unit(raw, Context(*where))
    assert (unit.level, unit.locality, unit.id) == expected


def test_a_region_word_after_a_short_name_is_no_suffix():
    # 区域 after the prefecture's short name: the prefecture's (no county 榆林区 made of it)
    unit = canonical_unit("榆林区域医疗中心", Context("榆林市", "prefecture"))
    assert unit.locality == "榆林市"
