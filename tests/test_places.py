"""Administrative divisions: rows of (name, context → division and its parents), and
rows of (issuers, 文号, addressees, text → locality, level, parent, chain)."""

import pytest

from policydiff import places
from policydiff.metadata import infer_locality
from policydiff.resources import ancestor


def chain_names(name, context=""):
    return [p.name for p in places.chain(places.resolve(name, context))]


RESOLVE_ROWS = [
    # current full name of a county-level city, parents up to the province
    ("神木市", "", ["神木市", "榆林市", "陕西省"]),
    # former name: 神木县 became 神木市 in 2017
    ("神木县", "", ["神木市", "榆林市", "陕西省"]),
    # a former county merged into a district (开封县 → 祥符区, 2014)
    ("开封县", "", ["祥符区", "开封市", "河南省"]),
    # autonomous prefecture by its alias, and a 盟 and a 地区
    ("恩施州", "", ["恩施土家族苗族自治州", "湖北省"]),
    ("锡林郭勒盟", "", ["锡林郭勒盟", "内蒙古自治区"]),
    ("阿勒泰地区", "", ["阿勒泰地区", "新疆维吾尔自治区"]),  # MCA codes put it under the region (654300)
    # a banner (旗) and an autonomous county by its short alias
    ("鄂托克旗", "", ["鄂托克旗", "鄂尔多斯市", "内蒙古自治区"]),
    ("恭城县", "", ["恭城瑶族自治县", "桂林市", "广西壮族自治区"]),
    # a district of a municipality: the municipality is its parent and province
    ("朝阳区", "北京市卫生健康委员会", ["朝阳区", "北京市"]),
    # repeated county names settled by the parent named in the context
    ("鼓楼区", "南京市卫生健康委员会", ["鼓楼区", "南京市", "江苏省"]),
    ("鼓楼区", "福州市鼓楼区卫生健康局", ["鼓楼区", "福州市", "福建省"]),
    ("朝阳区", "长春市", ["朝阳区", "长春市", "吉林省"]),
    # a province-administered county-level city has the province as parent
    ("仙桃市", "", ["仙桃市", "湖北省"]),
    # short names: the higher level keeps a shared short form (吉林 → 吉林省)
    ("吉林", "", ["吉林省"]),
    ("广西", "", ["广西壮族自治区"]),
    # still ambiguous without context: no guess
    ("鼓楼区", "", []),
    # not a place
    ("卫生健康委员会", "", []),
]


@pytest.mark.parametrize("name, context, expected", RESOLVE_ROWS, ids=[f"row{i}" for i in range(len(RESOLVE_ROWS))])
def test_resolve(name, context, expected):
    assert chain_names(name, context) == expected


LOCALITY_ROWS = [
    # prefecture outside the corpus: level and parent from the table of all divisions
    (["咸宁市卫生健康委员会"], None, [], "", ("咸宁市", "prefecture", "湖北省")),
    # an autonomous prefecture (州)
    (["黔南布依族苗族自治州卫生健康局"], None, [], "", ("黔南布依族苗族自治州", "prefecture", "贵州省")),
    # a district
    (["南宁市青秀区卫生健康局"], None, [], "", ("青秀区", "county", "南宁市")),
    # a 盟 and a 旗 in a run of places (province + prefecture + county)
    (["内蒙古自治区锡林郭勒盟正蓝旗卫生健康委员会"], None, [], "", ("正蓝旗", "county", "锡林郭勒盟")),
    # an old notice printed with the former name keeps the name as printed, parents from today's table
    (["神木县卫生和计划生育局"], None, [], "", ("神木县", "county", "榆林市")),
    # a repeated county name, parent only in the title (the text)
    (["鼓楼区卫生健康局"], None, ["各街道办事处"], "开封市鼓楼区关于印发方案的通知", ("鼓楼区", "county", "开封市")),
    # a repeated county name with no parent anywhere: the level is still known, the parent is not
    (["鼓楼区卫生健康局"], None, [], "", ("鼓楼区", "county", None)),
    # the party committee's office of a county
    (["中共正安县委办公室"], None, [], "", ("正安县", "county", "遵义市")),
    # no place in the issuer: the province's 简称 in the 文号 (湘卫发)
    (["省卫生健康委"], "湘卫发〔2022〕3号", [], "", ("湖南省", "provincial", "中华人民共和国")),
    # a national body
    (["国家卫生健康委"], "国卫扶贫发〔2021〕6号", [], "", ("中华人民共和国", "national", None)),
    # probe 3: an autonomous prefecture, county and banner by the short form its own bodies use (湘西自治州卫生健康委员会):
    # the division in full, with its parent (it was the printed form with no parent)
    (["湘西自治州卫生健康委员会"], None, [], "", ("湘西土家族苗族自治州", "prefecture", "湖南省")),
    (["长阳自治县卫生健康局"], None, [], "", ("长阳土家族自治县", "county", "宜昌市")),
    (["莫力达瓦自治旗卫生健康委员会"], None, [], "", ("莫力达瓦达斡尔族自治旗", "county", "呼伦贝尔市")),
]


@pytest.mark.parametrize("issuers, number, addressees, text, expected", LOCALITY_ROWS,
                         ids=[f"row{i}" for i in range(len(LOCALITY_ROWS))])
def test_infer_locality_for_any_place(issuers, number, addressees, text, expected):
    locality = infer_locality(issuers, number, addressees, text)
    assert (locality.name, locality.level, locality.parent) == expected


def test_every_division_has_a_parent_chain_to_a_province():
    table = places._table().by_code
    assert len(table) > 3000
    for place in table.values():
        top = places.chain(place)[-1]
        assert top.level == "provincial", place
    levels = {p.level for p in table.values()}
    assert levels == {"provincial", "prefecture", "county"}


def test_the_locality_chain_reaches_the_province():
    locality = infer_locality(["武陵源区卫生健康局"], None)
    assert locality.chain == ("武陵源区", "张家界市", "湖南省")
    assert locality.code == "430811"


def test_ancestor_climbs_places_outside_the_corpus_table():
    assert ancestor("青秀区", "prefecture") == "南宁市"
    assert ancestor("青秀区", "provincial") == "广西壮族自治区"
    assert ancestor("神木市", "provincial") == "陕西省"  # the corpus table still answers first


@pytest.mark.parametrize("issuers, number, text, expected, source", [
    # a prefecture's generic issuer and a 文号 whose first character is also a province's 简称 (新):
    # the title names the city, the guess is flagged
    (["市卫生健康委员会"], "新卫发〔2022〕3号", "关于印发新乡市健康帮扶工作要点的通知", ("新乡市", "prefecture"), "text"),
    # a county-level city's generic issuer: 市 may be either level
    (["市卫生健康局"], None, "关于印发兴平市巩固拓展健康扶贫成果实施方案的通知", ("兴平市", "county"), "text"),
    # a provincial issuer: the 简称 in the 文号 names the province
    (["省卫生健康委员会"], "新卫发〔2022〕3号", "", ("新疆维吾尔自治区", "provincial"), "doc_number"),
    # the issuer names the place: the text is not needed
    (["黔西南州卫生健康委员会"], None, "关于印发贵阳市方案的通知", ("黔西南布依族苗族自治州", "prefecture"), "issuer"),
    # no name in full anywhere: the place the notice calls its own by its short name (结合…实际, 健康…行动)
    (["市人民政府办公室"], None, "现将《健康安顺行动推进方案》印发给你们。结合安顺实际，制定本方案。", ("安顺市", "prefecture"), "text"),
    (["县卫生健康局"], None, "为推进健康紫云建设，制定本方案。", ("紫云苗族布依族自治县", "county"), "text"),
])
def test_the_evidence_for_a_locality_is_named(issuers, number, text, expected, source):
    locality = infer_locality(issuers, number, [], text)
    assert (locality.name, locality.level) == expected
    assert locality.evidence["from"] == source
    assert locality.evidence.get("guessed", False) == (source == "text")
    if source == "text":  # the span quotes the name as printed, which names this place (安顺 → 安顺市)
        printed = text[slice(*locality.evidence["span"])]
        assert printed == locality.evidence["text"] and places.resolve(printed, text).name == locality.name


def _parse(text):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    return parse_text(NormalisedText(text, list(range(len(text) + 1))))


def test_a_notice_from_a_place_outside_the_corpus_gets_its_ladder():
    # invented notice in a real shape: a district of an autonomous prefecture, former county name in the body
    record = _parse("恩施市卫生健康局文件\n恩市卫发〔2022〕12号\n恩施市卫生健康局关于印发健康帮扶工作方案的通知\n"
                    "各乡镇卫生院：\n现将方案印发给你们，请认真贯彻落实。\n恩施市卫生健康局\n2022年3月1日\n")
    assert (record["locality"], record["admin_level"], record["parent_locality"]) == ("恩施市", "county", "恩施土家族苗族自治州")
    assert record["locality_chain"] == ["恩施市", "恩施土家族苗族自治州", "湖北省"]
    assert record["locality_evidence"]["from"] == "issuer"
    assert not any(w.startswith("locality") for w in record["warnings"])


@pytest.mark.parametrize("text", [
    "结合我市实际，制定本方案。",  # 我市, 本地: no place's name
    "结合本地实际，推进健康中国行动。",  # 中国: not a place at the issuer's level
])
def test_no_locality_is_guessed_from_words_that_name_no_place(text):
    assert infer_locality(["市卫生健康委员会"], None, [], text) is None


def test_a_guessed_locality_is_a_warning():
    record = _parse("市卫生健康委员会\n关于印发咸宁市健康帮扶工作要点的通知\n各县（市、区）卫生健康局：\n现将要点印发给你们。\n"
                    "市卫生健康委员会\n2022年3月1日\n")
    assert record["locality"] == "咸宁市" and record["locality_evidence"]["guessed"]
    assert any(w.startswith("locality guessed from the text: 咸宁市") for w in record["warnings"])


# issue 28: the place a notice claims in its body, down to the county, wins over the title's first place name
# (text, expected locality, its chain, the claim quoted or None)
CLAIM_ROWS = [
    # a county plan titled with its province first; the body claims the county and cites the prefecture's plan
    ("云南省彝良县健康帮扶实施方案\n为做好健康帮扶工作，按照《昭通市健康帮扶实施方案》安排，结合彝良县健康帮扶工作实际，制定本方案。",
     "彝良县", ["彝良县", "昭通市", "云南省"], "结合彝良县健康帮扶工作实际"),
    # the title names only the province; the body says 我县 and names one county in full
    ("云南省健康帮扶三年行动方案\n我县将健康帮扶列为重点工作。由镇雄县卫生健康局牵头负责。",
     "镇雄县", ["镇雄县", "昭通市", "云南省"], "我县"),
    # no claim: the title's run of names, province then county, gives the innermost
    ("云南省彝良县家庭医生签约服务工作方案\n为做好签约服务，制定本方案。", "彝良县", ["彝良县", "昭通市", "云南省"], None),
    # the claim names the county after its province (结合云南省彝良县实际)
    ("健康帮扶工作方案\n结合云南省彝良县实际，制定本方案。", "彝良县", ["彝良县", "昭通市", "云南省"], "结合云南省彝良县实际"),
    # prefecture level: the title names the province, the body claims the city
    ("贵州省健康帮扶工作方案\n结合六盘水市健康帮扶工作实际，制定本方案。", "六盘水市", ["六盘水市", "贵州省"],
     "结合六盘水市健康帮扶工作实际"),
    # provincial level: the claim names only the province
    ("健康帮扶三年行动方案\n结合云南省实际，制定本方案。", "云南省", ["云南省"], "结合云南省实际"),
    # a claim with a word between the place and 实际 that is too long to be one claim: the title's names
    ("云南省彝良县健康帮扶方案\n结合镇雄县近年来在健康帮扶工作中积累的经验和各乡镇卫生院的实际情况", "彝良县",
     ["彝良县", "昭通市", "云南省"], None),
    # a district's 健康X行动 plan that cites its city's plan first: the district the title names by its short
    # name (健康鲅鱼圈行动) lies inside the city named first, so it is the notice's own (probe of real district plans)
    ("健康鲅鱼圈行动实施方案\n根据《营口市健康行动实施方案》要求，结合我区实际，制定本方案。", "鲅鱼圈区",
     ["鲅鱼圈区", "营口市", "辽宁省"], None),
    # the short name names a place outside the city named first: the city stays
    ("健康鲅鱼圈行动推进方案\n根据《昭通市健康行动实施方案》要求，制定本方案。", "昭通市", ["昭通市", "云南省"], None),
    # a province's short name right before a bare division name (甘肃矿区, an addressee) is not that division
    # (矿区 of 阳泉市): the province named in full later wins (probe of a provincial 通报)
    ("关于全省医疗机构一站式结算监测情况的通报\n各市州、甘肃矿区卫生健康委：\n为落实《甘肃省城乡居民医疗保障政策》，现通报如下。",
     "甘肃省", ["甘肃省"], None),
    # 我县 with two counties named: no claim, the first division named in full stays
    ("云南省健康帮扶工作方案\n我县与镇雄县、彝良县开展协作。", "云南省", ["云南省"], None),
]


@pytest.mark.parametrize("text, name, chain, claim", CLAIM_ROWS, ids=[f"claim{i}" for i in range(len(CLAIM_ROWS))])
def test_the_place_a_body_claims_wins_over_the_title(text, name, chain, claim):
    locality = infer_locality([], None, [], text)
    assert (locality.name, list(locality.chain)) == (name, chain)
    assert locality.evidence["guessed"] and locality.evidence.get("claim") == claim
    assert text[slice(*locality.evidence["span"])] == locality.evidence["text"]


def test_a_claimed_county_is_placed_on_its_row_in_the_record():
    record = _parse("云南省彝良县健康帮扶实施方案\n按照《昭通市健康帮扶实施方案》安排，结合彝良县健康帮扶工作实际，制定本方案。\n"
                    "一、工作目标\n到2020年，全县签约服务覆盖率达到80%。\n")
    assert (record["locality"], record["admin_level"], record["parent_locality"]) == ("彝良县", "county", "昭通市")
    assert record["locality_chain"] == ["彝良县", "昭通市", "云南省"]
    assert record["locality_evidence"]["parents_named"] == ["昭通市", "云南省"]
    assert any(w.startswith("locality guessed from the text: 彝良县") and "结合彝良县健康帮扶工作实际" in w
               for w in record["warnings"])


def test_show_says_the_place_is_guessed_and_the_date_unknown(tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "plan.txt").write_text("云南省彝良县健康帮扶实施方案\n结合彝良县健康帮扶工作实际，制定本方案。\n"
                                     "一、工作目标\n2018—2020年，逐年提高签约服务覆盖率。\n", encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--workers", "1"]).exit_code == 0
    result = CliRunner().invoke(cli, ["show", "plan", "--db", db], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "locality: 彝良县 (guessed from the text: 结合彝良县健康帮扶工作实际" in result.output
    assert "issue_date: None (date unknown; the text names 2018—2020年" in result.output
    assert "inferred from the text" in result.output


@pytest.mark.parametrize("text, expected", [
    # 我市 in a county-level city's notice naming its prefecture and itself: both 市, no claim; the first named stays
    ("关于做好签约服务的通知\n我市是榆林市下辖的县级市，神木市卫生健康局负责组织实施。", "榆林市"),
    # 我市 with one city named in full: the claim
    ("健康帮扶工作方案\n我市将持续推进健康帮扶，由神木市卫生健康局负责。", "神木市"),
    # 全区 and 我区 are what a 自治区 says of itself: no county is claimed by them
    ("健康帮扶工作要点\n全区各级卫生健康部门要指导恭城瑶族自治县做好试点。", "恭城瑶族自治县"),
])
def test_self_reference_claims_only_an_unambiguous_place(text, expected):
    locality = infer_locality([], None, [], text)
    assert locality.name == expected
    if expected == "恭城瑶族自治县":
        assert "claim" not in locality.evidence  # found as the first division named, not claimed by 全区


# a place printed with a suffix the table does not list it under: the table's place where the suffix fits its
# level (said), else unknown (its level the suffix's, inferred), never another level's place of the same stem
SUFFIX_ROWS = [
    # a county printed as a county-level city, by its short form (泾阳 of 泾阳县): the county, under its prefecture
    (["泾阳市卫生健康局"], ["各镇人民政府"], ("泾阳县", "county", "咸阳市", "610423"), "printed"),
    # the same printed after its prefecture: the county, not the prefecture a level up
    (["咸阳市泾阳市卫生健康局"], [], ("泾阳县", "county", "咸阳市", "610423"), "printed"),
    # a county with no short form (大名县), printed 市, after its prefecture: was the prefecture (2 levels up)
    (["邯郸市大名市卫生健康局"], ["各乡镇人民政府"], ("大名县", "county", "邯郸市", "130425"), "printed"),
    # …and alone, addressing 县/区 bodies: was a prefecture with no parent (the addressees guessed its level)
    (["大名市卫生健康局"], ["各县（区）卫生健康局"], ("大名县", "county", "邯郸市", "130425"), "printed"),
    # a county printed as a district (县 → 区 keeps the level)
    (["泾阳区卫生健康局"], [], ("泾阳县", "county", "咸阳市", "610423"), "printed"),
    # an unknown name printed with 州: not the 青川县 of the table, a prefecture by its suffix, inferred
    (["青川州卫生健康委员会"], [], ("青川州", "prefecture", None, None), "unknown"),
    # …after its province: the province is the parent printed before it
    (["四川省青川州卫生健康委员会"], [], ("青川州", "prefecture", "四川省", None), "unknown"),
    # a 县 whose stem is a prefecture's short form (榆林): not 榆林市, a county of no known place
    (["榆林县卫生健康局"], [], ("榆林县", "county", None, None), "unknown"),
    # the reverse: a county-level city printed 县 (韩城县 where the table has 韩城市)
    (["韩城县卫生健康局"], [], ("韩城市", "county", "渭南市", "610581"), "printed"),
    # 恩施 is the prefecture's short form, but a 县 is never a prefecture: the county-level 恩施市 under it
    (["恩施县卫生健康局"], [], ("恩施市", "county", "恩施土家族苗族自治州", "422801"), "printed"),
    # a stem two provinces' counties share (平山县), settled by the prefecture printed before it
    (["石家庄市平山市卫生健康局"], [], ("平山县", "county", "石家庄市", "130131"), "printed"),
    # a banner printed 市 keeps the county level (鄂托克旗)
    (["鄂尔多斯市鄂托克市卫生健康委员会"], [], ("鄂托克旗", "county", "鄂尔多斯市", "150624"), "printed"),
    # a development zone is no division of any stem: as before, its own name and the 区's level, nothing said
    (["高新区卫生健康局"], [], ("高新区", "county", None, None), None),
    # a short form printed with its table name's own suffix (浦东区 for 浦东新区): no other suffix, nothing said
    (["浦东区卫生健康委员会"], [], ("浦东新区", "county", "上海市", "310115"), None),
    # the names as the table has them: nothing said
    (["泾阳县卫生健康局"], [], ("泾阳县", "county", "咸阳市", "610423"), None),
    (["神木县卫生健康局"], [], ("神木县", "county", "榆林市", "610881"), None),  # a former name, kept as printed
    (["恩施州卫生健康委员会"], [], ("恩施土家族苗族自治州", "prefecture", "湖北省", "422800"), None),  # an alias
]


@pytest.mark.parametrize("issuers, addressees, expected, said", SUFFIX_ROWS,
                         ids=[f"suffix{i}" for i in range(len(SUFFIX_ROWS))])
def test_a_printed_suffix_is_never_overruled_by_another_levels_entry(issuers, addressees, expected, said):
    locality = infer_locality(issuers, None, addressees)
    assert (locality.name, locality.level, locality.parent, locality.code) == expected
    assert ({"printed", "unknown"} & set(locality.evidence)) == ({said} if said else set())
    if said == "unknown":
        assert locality.evidence["level"].startswith("inferred from its suffix")


def test_an_unknown_or_swapped_place_is_said_in_the_warnings():
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    body = "\n关于做好家庭医生签约服务工作的通知\n各县（市、区）卫生健康局：\n一、做实签约服务。\n{0}\n2022年4月2日\n"
    unknown = parse_source(SourceText("n.txt", "青川州卫生健康委员会" + body.format("青川州卫生健康委员会")))
    assert "locality read from 青川州卫生健康委员会 as printed, unknown: 青川州 is not in the place table" in unknown["warnings"]
    assert "admin_level prefecture read from the name, inferred from its suffix 州 (unknown place)" in unknown["warnings"]
    assert unknown["locality_chain"] == [] and unknown.get("locality_code") is None
    swapped = parse_source(SourceText("n.txt", "泾阳市卫生健康局" + body.format("泾阳市卫生健康局")))
    assert any(w.startswith("locality read from 泾阳市 as printed, which the place table lacks: taken as 泾阳县 (county)")
               for w in swapped["warnings"])
    assert swapped["locality_chain"] == ["泾阳县", "咸阳市", "陕西省"]


def test_a_former_name_that_now_names_another_level_is_no_name_of_it():
    # 榆林县 (1988 a county-level city, 1999 the prefecture's name): the table's row points at the prefecture
    assert places.resolve("榆林县") is None
    assert places.resolve("神木县").name == "神木市"  # a former county of a county-level city still is one


@pytest.mark.parametrize("text, expected", [
    # a generic issuer (市卫生健康局) and a title naming the county as a city (大名市 where the table has 大名县): the
    # county, guessed; was the prefecture whose plan the text cites (邯郸市), its parent two levels up
    ("关于印发大名市健康帮扶工作方案的通知\n各乡镇：\n为落实《邯郸市健康帮扶方案》要求，制定本方案。", ("大名县", "county", "邯郸市")),
    # by its short form (泾阳 of 泾阳县), the prefecture cited after it
    ("关于印发泾阳市健康帮扶工作方案的通知\n各镇人民政府：\n为落实《咸阳市健康帮扶方案》要求，制定本方案。", ("泾阳县", "county", "咸阳市")),
    # a name in full as the table has it still wins where it comes first
    ("关于印发咸宁市卫生健康工作要点的通知", ("咸宁市", "prefecture", "湖北省")),
])
def test_a_guess_from_the_text_reads_a_place_printed_under_another_suffix(text, expected):
    locality = infer_locality(["市卫生健康局"], None, ["各镇人民政府"], text)
    assert (locality.name, locality.level, locality.parent) == expected
    assert locality.evidence["guessed"]
