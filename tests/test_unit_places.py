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


TOWN = ("涧池镇", "township", (), ("涧池镇", "汉阴县", "安康市", "陕西省"))
OLD_TOWN = ("涧池镇", None, (), ("涧池镇", "汉阴县", "安康市", "陕西省"))  # a record stored before towns had a level
CITY_TOWN = ("蜀河镇", "township", (), ("蜀河镇", "旬阳市", "安康市", "陕西省"))  # a town of a county-level city
STREET = ("小寨路街道", "township", (), ("小寨路街道", "雁塔区", "西安市", "陕西省"))

# (raw, town notice context, expected (name, level, locality))
TOWN_ROWS = [
    # 县 before a bureau in a town's notice: the town's county from the record's chain (it had no place)
    ("县卫健局", TOWN, ("汉阴县卫生健康部门", "county", "汉阴县")),
    ("县卫健局", OLD_TOWN, ("汉阴县卫生健康部门", "county", "汉阴县")),  # level None, chain of a town
    # 镇 before an institution: the town's own, named once (not 涧池镇镇卫生院)
    ("镇卫生院", TOWN, ("涧池镇卫生院", "township", "涧池镇")),
    ("镇卫生院", OLD_TOWN, ("涧池镇卫生院", "township", "涧池镇")),
    # 市 in a town of a prefecture-level city's county: the prefecture
    ("市医保局", TOWN, ("安康市医疗保障部门", "prefecture", "安康市")),
    # 市 in a town of a county-level city: that city (the county level), as in the city's own notice
    ("市医保局", CITY_TOWN, ("旬阳市医疗保障部门", "county", "旬阳市")),
    # 省 in a town's notice: the province at the chain's top
    ("省卫健委", TOWN, ("陕西省卫生健康部门", "provincial", "陕西省")),
    # 区 in a subdistrict's notice: its district; 街道 before a centre: the subdistrict's own
    ("区卫健局", STREET, ("雁塔区卫生健康部门", "county", "雁塔区")),
    ("街道社区卫生服务中心", STREET, ("小寨路街道社区卫生服务中心", "township", "小寨路街道")),
    # a bureau named bare in a town's notice (a town has no 局): the county's — and 乡村振兴局's 乡 names no town
    ("乡村振兴局", TOWN, ("汉阴县乡村振兴部门", "county", "汉阴县")),
    ("卫健委", STREET, ("雁塔区卫生健康部门", "county", "雁塔区")),
    # a town's own office or station named bare (财政所): the town's
    ("财政所", TOWN, ("涧池镇财政部门", "township", "涧池镇")),
]


@pytest.mark.parametrize("raw, where, expected", TOWN_ROWS, ids=[f"{r[0]}@{r[1][0]}/{r[1][1]}" for r in TOWN_ROWS])
def test_a_towns_notice_places_its_units_through_its_chain(raw, where, expected):
    unit = canonical_unit(raw, Context(*where))
    assert (unit.name, unit.level, unit.locality) == expected


COUNTY = ("汉阴县", "county", ("汉阴县卫生健康局", "汉阴县财政局"))
PREFECTURE = ("安康市", "prefecture", ("安康市卫生健康委员会",))

# (raw, a county's or prefecture's notice, expected (id, name, level, locality)) — audit x1 #4: a 镇/乡 prefix names the
# towns' own unit, never the county's (no 汉阴县镇社保所)
COUNTY_TOWN_ROWS = [
    # a town's social-security office named with 镇: the towns', printed as it stands, grouped under the county
    ("镇社保所", COUNTY, ("inst:汉阴县:镇社保所", "镇社保所", "township", "汉阴县")),
    # 各 before it: the same unit
    ("各镇社保所", COUNTY, ("inst:汉阴县:镇社保所", "镇社保所", "township", "汉阴县")),
    # a town's health centre under 乡镇 in a prefecture's notice: the towns', not the prefecture's
    ("乡镇卫生院", PREFECTURE, ("inst:安康市:乡镇卫生院", "乡镇卫生院", "township", "安康市")),
    # a town's finance office (a function's office): never the county's own bureau (dept:汉阴县:财政)
    ("镇财政所", COUNTY, ("dept:汉阴县:镇:财政", "镇财政所", "township", "汉阴县")),
    # …while the county's bureau stays the county's, named by its issuer
    ("县财政局", COUNTY, ("dept:汉阴县:财政", "汉阴县财政局", "county", "汉阴县")),
    # 乡村 is no town: 乡村振兴局 stays the county's department
    ("乡村振兴局", COUNTY, ("dept:汉阴县:乡村振兴", "汉阴县乡村振兴部门", "county", "汉阴县")),
]


@pytest.mark.parametrize("raw, where, expected", COUNTY_TOWN_ROWS,
                         ids=[f"{r[0]}@{r[1][0]}" for r in COUNTY_TOWN_ROWS])
def test_a_town_prefix_in_a_countys_notice_names_the_towns_unit(raw, where, expected):
    unit = canonical_unit(raw, Context(*where))
    assert (unit.id, unit.name, unit.level, unit.locality) == expected
