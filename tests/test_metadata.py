"""Document-level keys: the Shenmu record equals the hand-made example; the
other four notices are pinned to values checked by reading them."""

import pytest

from conftest import GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.metadata import infer_locality, normalise_doc_number, parse_date, split_doc_number

DOCUMENT_KEYS = ["title", "body_title", "doc_number", "issuers", "issue_date", "print_date",
                 "addressees", "locality", "admin_level"]


@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_shenmu_document_keys_equal_the_example(records, example, key):
    assert records[SHENMU][key] == example[key]


GUANGXI_ISSUERS = [
    "广西壮族自治区卫生健康委员会", "广西壮族自治区发展和改革委员会", "广西壮族自治区民政厅",
    "广西壮族自治区财政厅", "广西壮族自治区人力资源和社会保障厅", "广西壮族自治区生态环境厅",
    "广西壮族自治区住房和城乡建设厅", "广西壮族自治区农业农村厅", "广西壮族自治区乡村振兴局",
    "广西壮族自治区大数据发展局", "广西壮族自治区医疗保障局", "广西壮族自治区中医药管理局",
]
HUAINAN_ISSUERS = [
    "淮南市卫生健康委员会", "淮南市发展和改革委员会", "淮南市民政局", "淮南市财政局",
    "淮南市人力资源和社会保障局", "淮南市生态环境局", "淮南市城乡建设局", "淮南市农业农村局",
    "淮南市数据资源管理局", "淮南市医疗保障局", "淮南市乡村振兴局",
]

# (document, key, expected) — read off the notices by hand
PINNED = [
    (GUANGXI, "doc_number", "桂卫基层发〔2021〕5号"),  # printed with spaces in the title line
    (GUANGXI, "title", "广西壮族自治区卫生健康委员会等12部门关于印发广西巩固拓展健康扶贫成果同"
                       "乡村振兴有效衔接的实施方案的通知"),
    (GUANGXI, "body_title", "广西巩固拓展健康扶贫成果同乡村振兴有效衔接的实施方案"),
    (GUANGXI, "issuers", GUANGXI_ISSUERS),  # 12 in the red header; no signature block
    (GUANGXI, "issue_date", "2021-07-31"),
    (GUANGXI, "print_date", "2021-08-12"),  # the 办公室 印发 line differs from the signing date
    # 各市、县（市、区）…: one series of places sharing the body, one addressee as printed
    (GUANGXI, "addressees", ["各市、县（市、区）卫生健康委（局）", "发展改革委（局）", "民政局",
                             "财政局", "人力资源社会保障局", "生态环境局", "住房城乡建设局",
                             "农业农村局", "乡村振兴局", "大数据发展局", "医保局", "中医药局"]),
    (GUANGXI, "locality", "广西壮族自治区"),
    (GUANGXI, "admin_level", "provincial"),
    (KAIFENG, "doc_number", "汴卫乡振〔2022〕9号"),
    (KAIFENG, "title", "开封市卫生健康委员会关于印发《2022年巩固拓展健康扶贫成果有效衔接乡村振兴工作要点》的通知"),
    (KAIFENG, "body_title", "2022年巩固拓展健康扶贫成果有效衔接乡村振兴工作要点"),  # markdown '#' heading
    (KAIFENG, "issuers", ["开封市卫生健康委员会"]),  # from '开封市卫生健康委员会文件'
    (KAIFENG, "issue_date", "2022-06-27"),
    (KAIFENG, "print_date", None),
    (KAIFENG, "addressees", ["各县区卫生健康委", "委乡村振兴工作领导小组成员科室", "市直驻汴各医疗卫生单位"]),
    (KAIFENG, "admin_level", "prefecture"),
    (HUAINAN, "doc_number", "淮卫办〔2022〕7号"),  # printed '淮卫办〔2022〕7 号'
    (HUAINAN, "title", "关于印发巩固拓展健康脱贫成果同乡村振兴有效衔接实施方案的通知"),  # wrapped over two lines
    (HUAINAN, "body_title", "关于巩固拓展健康脱贫成果同乡村振兴有效衔接的实施方案"),
    (HUAINAN, "issuers", HUAINAN_ISSUERS),  # signature block only
    (HUAINAN, "issue_date", "2022-02-14"),
    (HUAINAN, "locality", "淮南市"),
    (HUAINAN, "admin_level", "prefecture"),
    (LIANYUNGANG, "doc_number", "连卫财务〔2018〕44号"),
    (LIANYUNGANG, "title", "关于进一步做好精准健康扶贫工作的通知"),
    (LIANYUNGANG, "body_title", None),  # the notice is its own body
    (LIANYUNGANG, "issuers", ["连云港市卫生和计划生育委员会"]),
    (LIANYUNGANG, "issue_date", "2018-08-30"),
    (LIANYUNGANG, "addressees", ["各县（区）卫计委（局）", "社会事业局", "委直属各单位", "委机关各处室"]),
    (LIANYUNGANG, "admin_level", "prefecture"),
]


@pytest.mark.parametrize("doc_id, key, expected", PINNED)
def test_document_keys_of_the_other_notices(records, doc_id, key, expected):
    assert records[doc_id][key] == expected


@pytest.mark.parametrize("text, expected", [
    ("2021年8月9日", "2021-08-09"),
    ("二〇二一年八月九日", "2021-08-09"),  # Chinese numerals with 〇
    ("二〇二二年十二月三十一日", "2022-12-31"),
    ("2022 年 2 月 14 日", "2022-02-14"),  # Huainan spacing
    ("2021年8月12日印发", "2021-08-12"),
    ("2021年13月1日", None),  # not a date
    # probe 4b: 廿 (twenty) and 卅 (thirty) in the day, as an old-style signature prints them
    ("二〇二一年十二月廿九日", "2021-12-29"),
    ("二〇二二年六月廿日", "2022-06-20"),
    ("二〇二二年三月卅一日", "2022-03-31"),
    ("二〇二二年二月卅日", None),  # 30 February: no date
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("神卫健发〔2021〕64号", "神卫健发〔2021〕64号"),
    ("国卫扶贫发〔2021〕6 号", "国卫扶贫发〔2021〕6号"),  # Guangxi spacing
    ("国卫扶贫发[2021]6号", "国卫扶贫发〔2021〕6号"),  # half-width brackets
    ("国卫扶贫发［2021］6号", "国卫扶贫发〔2021〕6号"),
    ("国卫扶贫发（2021）6号", "国卫扶贫发〔2021〕6号"),
    ("桐卫健发﹝2021﹞12号", "桐卫健发〔2021〕12号"),  # small-form brackets ﹝﹞ of a web page
    ("桐卫健发〖2021〗12号", "桐卫健发〔2021〕12号"),  # white lenticular brackets 〖〗
    ("桐卫健发【2021】12号", "桐卫健发〔2021〕12号"),  # black lenticular brackets 【】
    ("桐卫健发(2021)12号", "桐卫健发〔2021〕12号"),  # half-width round brackets
    ("按照汴卫〔2021〕55号", "汴卫〔2021〕55号"),  # a verb before the code is not part of it
    ("并依照汴卫〔2021〕55号", "汴卫〔2021〕55号"),  # nor a joining word before that verb
    ("2021年8月9日", None),
])
def test_normalise_doc_number(text, expected):
    assert normalise_doc_number(text) == expected


def test_split_doc_number():
    assert split_doc_number("桂卫基层发〔2021〕5号") == {"code": "桂卫基层发", "year": 2021, "serial": 5}


@pytest.mark.parametrize("issuers, number, name, level", [
    (["神木市卫生健康局"], None, "神木市", "county"),  # a county-level city, not a prefecture
    (["中共神木市委机构编制委员会办公室"], None, "神木市", "county"),
    (["广西壮族自治区民政厅"], None, "广西壮族自治区", "provincial"),
    (["连云港市卫生和计划生育委员会"], None, "连云港市", "prefecture"),
    ([], "汴卫乡振〔2022〕9号", "开封市", "prefecture"),  # no issuer: the 文号 code says 汴
    # not in the locality table: the place the issuer is named after, before any 文号 prefix
    (["全州县卫生健康局", "中共全州县委机构编制委员会办公室"], "神卫健发〔2021〕78号", "全州县", "county"),
    (["恭城瑶族自治县卫生健康局"], None, "恭城瑶族自治县", "county"),
    (["中共府谷县委机构编制委员会办公室"], None, "府谷县", "county"),
    (["延边朝鲜族自治州卫生健康委员会"], None, "延边朝鲜族自治州", "prefecture"),
    (["滑县卫生健康委员会"], None, "滑县", "county"),
    (["自治区卫生健康委"], "桂卫基层发〔2021〕5号", "广西壮族自治区", "provincial"),  # no place named: the 文号
    # a national bureau's provincial branch stands at its province, not the nation (probe 2 #14)
    (["国家税务总局湖南省税务局"], None, "湖南省", "provincial"),
    (["国家税务总局"], None, "中华人民共和国", "national"),  # the bureau itself is national
    # probe 4b: a new area's or development zone's body is the zone, at no level — never the province its 文号 names
    (["西咸新区管理委员会社会事业服务局"], "陕西咸新社发〔2022〕3号", "西咸新区", None),
    (["安康高新技术产业开发区管理委员会"], None, "安康高新技术产业开发区", None),
    (["贵安新区卫生健康局"], "黔贵安发〔2022〕3号", "贵安新区", None),  # not the county 区 of its name's end
    # probe 4b: a town's (or subdistrict's) own body named after its county: the town, at level township (below
    # the county on the ladder) — not the county
    (["汉阴县涧池镇人民政府"], "涧政发〔2022〕15号", "涧池镇", "township"),
    (["中共汉阴县涧池镇委员会", "汉阴县涧池镇人民政府"], None, "涧池镇", "township"),  # party committee first
    (["西安市雁塔区小寨路街道办事处"], None, "小寨路街道", "township"),  # a subdistrict of a city district
    (["达拉特旗树林召镇人民政府"], None, "树林召镇", "township"),  # a banner's town
    # the county's own bodies whose names hold 乡/镇 stay the county's
    (["汉阴县乡村振兴局"], None, "汉阴县", "county"),
    (["汉阴县城关镇卫生院"], None, "汉阴县", "county"),  # a health centre, no town government
    # a zone named after the city it lies in: the zone, not the city (its notice is no prefecture's)
    (["安康市高新区管理委员会"], None, "安康市高新区", None),
    (["宝鸡市高新区卫生健康局"], None, "宝鸡市高新区", None),
    (["汉中市汉台区卫生健康局"], None, "汉台区", "county"),  # a district of the table, no zone
    # a zone the division table holds stays the table's division and level
    (["重庆两江新区社会发展局"], None, "两江新区", "county"),
    (["上海市浦东新区卫生健康委员会"], None, "浦东新区", "county"),
])
def test_infer_locality(issuers, number, name, level):
    locality = infer_locality(issuers, number)
    assert (locality.name, locality.level) == (name, level)


def test_a_town_lies_in_its_county():
    locality = infer_locality(["汉阴县涧池镇人民政府"], None)
    assert (locality.parent, locality.chain) == ("汉阴县", ("涧池镇", "汉阴县", "安康市", "陕西省"))
    assert locality.evidence["township"] == "涧池镇" and locality.evidence["county"] == "汉阴县"


def test_a_zone_lies_in_the_province_its_doc_number_names():
    locality = infer_locality(["西咸新区管理委员会社会事业服务局"], "陕西咸新社发〔2022〕3号")
    assert (locality.parent, locality.chain) == ("陕西省", ("西咸新区", "陕西省"))
    assert locality.evidence["parent_from"] == {"from": "doc_number", "text": "陕西咸新社发〔2022〕3号"}


@pytest.mark.parametrize("addressees, level", [
    (["各镇人民政府", "街道办事处"], "county"),  # a county-level city writes to its towns
    (["各县（市、区）卫生健康局"], "prefecture"),
    ([], None),  # nothing says which: the level stays unknown
])
def test_the_level_of_a_city_outside_the_table_comes_from_its_addressees(addressees, level):
    # 青禾市 is invented: no division has the name, so only the addressees can tell the level
    assert infer_locality(["青禾市卫生健康局"], None, addressees).level == level


INTERPRETATION = ("《青梧市临川区人民政府办公室关于印发临川区村卫生室提升方案的通知》临区政办发〔2021〕9号文件解读\n"
                  "发布时间：2021-05-10 浏览次数：88\n"
                  "一、制定背景\n依据《青梧市村卫生室建设方案》（青卫发〔2020〕12号），结合本区实际制定方案。\n"
                  "二、主要内容\n方案提出到2022年每个行政村至少设置1个村卫生室，由区卫生健康局牵头推进。\n"
                  "三、起草过程\n区卫生健康局征求了区财政局和各镇人民政府意见。\n"
                  "原文：临区政办发〔2021〕9号\n")


@pytest.mark.parametrize("text", [INTERPRETATION, INTERPRETATION.replace("文件解读", "政策解读")])
def test_an_interpretation_page_is_no_notice_and_prescribes_no_measure(text):
    # a portal's 解读 of a notice: its 一、制定背景 / 二、主要内容 / 三、起草过程 explain the notice, they are not its
    # measures; the explained notice's 文号 is a citation, never the page's own; its title is the 解读 line
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    record = parse_source(SourceText("j.txt", text))
    assert record["genre"] == "解读" and record["title"].endswith("解读")
    assert record["measures"] == [] and [o["path"] for o in record["outline"]] == ["一", "二", "三"]
    assert record["doc_number"] is None
    assert "临区政办发〔2021〕9号" in {c["doc_number"] for c in record["citations"]}
    assert any(w.startswith("an interpretation (解读)") for w in record["warnings"])


@pytest.mark.parametrize("byline, issue_date", [
    # probe 3 #7: the page's 发布时间 under the 解读's title dates it (it is never signed): no "no date printed" bound
    ("发布时间：2021-05-10 浏览次数：88", "2021-05-10"),
    ("发布日期：2021年05月10日　来源：青梧市临川区卫生健康局", "2021-05-10"),
    # a 解读 that prints no date at all keeps the bound inferred from its text (到2022年), and says so
    ("浏览次数：88", None),
])
def test_an_interpretation_is_dated_by_its_publication(byline, issue_date):
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    record = parse_source(SourceText("j.txt", INTERPRETATION.replace("发布时间：2021-05-10 浏览次数：88", byline)))
    assert record["issue_date"] == issue_date
    if issue_date:
        assert record["date_bound"] is None and "issue_date" in record["filled_from_source_metadata"]
        assert any(w.startswith("issue_date taken from the page's publication date") for w in record["warnings"])
    else:
        assert record["date_bound"]["years"] == [None, 2022]


@pytest.mark.parametrize("text, key, expected", [
    # probe 3 #5: a 党委/政府 实施意见 dated in brackets under its 文号, the line run into its addressees
    ("中共青梧市委 青梧市人民政府\n关于加快推进乡村医疗卫生体系健康发展的实施意见\n青发〔2023〕9号\n（2023年5月12日）\n"
     "各县（区）党委和人民政府，市委各部委：\n为推进乡村医疗卫生体系建设，提出如下意见。\n", "issue_date", "2023-05-12"),
    ("中共青梧市委 青梧市人民政府\n关于加快推进乡村医疗卫生体系健康发展的实施意见\n青发〔2023〕9号\n（2023年5月12日）\n"
     "各县（区）党委和人民政府，市委各部委：\n为推进乡村医疗卫生体系建设，提出如下意见。\n", "addressees",
     ["各县（区）党委和人民政府", "市委各部委"]),
    # probe 3 #6: a repost's full-width digits in the notice's own 文号
    ("青梧市卫生健康委员会文件\n梧卫发〔２０２２〕１２号\n关于印发健康乡村建设工作要点的通知\n各县（区）卫生健康局：\n请抓好落实。\n"
     "青梧市卫生健康委员会\n２０２２年３月１５日\n", "doc_number", "梧卫发〔2022〕12号"),
    # probe 3 #10: a news site's column tag before the reposted title
    ("【政策文件】关于印发《青梧市健康帮扶工作方案》的通知\n梧卫发〔2022〕26号\n各镇卫生院：\n请认真落实。\n青梧市卫生健康局\n"
     "2022年5月27日\n", "title", "关于印发《青梧市健康帮扶工作方案》的通知"),
    # probe 3: the red header and its 文号 on one line (the spaces between them lost in the copy)
    ("青梧市卫生健康局文件　梧卫发〔2022〕5号\n关于印发《青梧市健康乡村建设工作方案》的通知\n各镇卫生院：\n请认真落实。\n"
     "青梧市卫生健康局\n2022年3月1日\n", "doc_number", "梧卫发〔2022〕5号"),
    ("青梧市卫生健康局文件　梧卫发〔2022〕5号\n关于印发《青梧市健康乡村建设工作方案》的通知\n各镇卫生院：\n请认真落实。\n",
     "issuers", ["青梧市卫生健康局"]),
    # …but a bracketed 文号 label is no column tag
    ("【文号】梧卫发〔2022〕26号\n关于印发《青梧市健康帮扶工作方案》的通知\n各镇卫生院：\n请认真落实。\n", "doc_number",
     "梧卫发〔2022〕26号"),
])
def test_identity_shapes_of_reposts(text, key, expected):
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    assert parse_source(SourceText("n.txt", text))[key] == expected


@pytest.mark.parametrize("extra, issuers, warned", [
    # probe 3 #7: the 解读机关： line names the body that explains the notice: its issuer, printed in the text
    (("发布时间：2021-05-10\n", "四、解读机关\n解读机关：青梧市临川区卫生健康局。联系电话：1234567\n"), ["青梧市临川区卫生健康局"],
     False),
    # no such line: the byline's 来源 where it is a body, said to be taken from the page
    (("发布时间：2021-05-10　来源：青梧市临川区卫生健康局\n", ""), ["青梧市临川区卫生健康局"], True),
    # a 来源 that is a web site is no issuer
    (("发布时间：2021-05-10　来源：临川区政府网\n", ""), [], False),
])
def test_an_interpretation_names_who_explains(extra, issuers, warned):
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    byline, tail = extra
    text = INTERPRETATION.replace("发布时间：2021-05-10 浏览次数：88\n", byline) + tail
    record = parse_source(SourceText("j.txt", text))
    assert record["issuers"] == issuers
    assert any(w.startswith("issuers taken from the page's 来源") for w in record["warnings"]) == warned


@pytest.mark.parametrize("tail, issue_date, warned", [
    # probe 3 #22: only the 印发 line dates the notice: its date, said to be the printing date (no "no date printed" bound)
    ("抄送：县政府办公室。\n青梧县卫生健康局办公室　　2022年4月11日印发\n", "2022-04-11", True),
    # a signing date and a 印发 line: the signing date, nothing said
    ("青梧县卫生健康局\n2022年4月8日\n抄送：县政府办公室。\n青梧县卫生健康局办公室　　2022年4月11日印发\n", "2022-04-08", False),
])
def test_a_notice_dated_only_by_its_printing_line(tail, issue_date, warned):
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    text = "关于做好签约服务工作的通知\n梧卫发〔2022〕6号\n各镇卫生院：\n一、做实签约服务，到2025年签约率达到95%。\n" + tail
    record = parse_source(SourceText("n.txt", text))
    assert (record["issue_date"], record["print_date"], record["date_bound"]) == (issue_date, "2022-04-11", None)
    assert any(w.startswith("issue_date is the 印发 (printing) date") for w in record["warnings"]) == warned


def test_a_joint_notice_numbered_by_each_issuer():
    # probe 3 15b: two 文号 stacked under the header (one per issuing system): the first is the record's, the second is
    # said, and neither is a citation
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    text = ("澜川省卫生健康委员会\n澜川省医疗保障局\n澜卫发〔2022〕5号\n澜医保发〔2022〕18号\n关于做好签约服务和门诊保障工作的通知\n"
            "各市卫生健康委、医疗保障局：\n一、做实签约服务。\n澜川省卫生健康委员会　澜川省医疗保障局\n2022年5月20日\n")
    record = parse_source(SourceText("n.txt", text))
    assert record["doc_number"] == "澜卫发〔2022〕5号" and record["citations"] == []
    assert "another 文号 printed under the first (a joint notice numbered by each issuer): 澜医保发〔2022〕18号" in \
        record["warnings"]


@pytest.mark.parametrize("signed, issue_date", [
    ("二〇二一年十二月廿九日", "2021-12-29"),  # probe 4b: 廿 in the signature's day: the notice's date, its issuer read
    ("二〇二一年十二月卅一日", "2021-12-31"),
    ("2021年12月29日", "2021-12-29"),  # the plain form, for comparison
])
def test_a_signature_dated_with_old_tens_words(signed, issue_date):
    from policydiff.metadata import extract_metadata

    text = f"关于做好签约服务的通知\n各镇卫生院：\n一、做实签约服务。\n商川市卫生健康委员会\n{signed}\n"
    meta = extract_metadata(text)
    assert (meta["issue_date"], meta["issuers"]) == (issue_date, ["商川市卫生健康委员会"])


@pytest.mark.parametrize("headline, issuers, genre, enclosed, level", [
    # probe 4b: a release's headline (新华社/gov.cn): its bodies issue the document it names — they were no issuers, the
    # title None and the document cited by the notice that is it
    ("中共中央办公厅　国务院办公厅印发《关于进一步深化改革促进乡村医疗卫生体系健康发展的意见》",
     ["中共中央办公厅", "国务院办公厅"], "意见", "关于进一步深化改革促进乡村医疗卫生体系健康发展的意见", "national"),
    ("国务院办公厅印发《“十四五”国民健康规划》", ["国务院办公厅"], "规划", "“十四五”国民健康规划", "national"),
    ("陕西省卫生健康委员会联合印发《陕西省乡村医生队伍建设方案》", ["陕西省卫生健康委员会"], "方案",
     "陕西省乡村医生队伍建设方案", "provincial"),
])
def test_a_release_headline_names_its_issuers_and_document(headline, issuers, genre, enclosed, level):
    from policydiff.extract.citations import extract_citations
    from policydiff.metadata import extract_metadata

    text = (f"{headline}\n新华社北京2月23日电　近日，印发了《{enclosed}》，要求各地认真贯彻落实。\n{enclosed}\n"
            "一、总体要求\n到2025年，体系基本建成。\n")
    meta = extract_metadata(text)
    assert (meta["issuers"], meta["genre"], meta["enclosed_title"], meta["admin_level"]) == (issuers, genre, enclosed, level)
    assert extract_citations(text, 0, None, (meta["title"], meta["enclosed_title"])) == []


def test_a_line_naming_a_document_after_an_ordinary_phrase_is_no_release_title():
    from policydiff.metadata import extract_metadata

    meta = extract_metadata("现将印发《某县健康帮扶方案》\n各镇卫生院：\n一、做实签约。\n")
    assert meta["title"] is None


def test_a_release_headline_is_not_joined_to_its_dateline():
    # probe 4b: in a text file the headline stands above the dateline paragraph; the normaliser kept joining them
    from policydiff.models import NormalisedText, SourceText
    from policydiff.normalise import normalise
    from policydiff.parse import parse_text

    raw = ("国务院办公厅　国家卫生健康委印发《乡村卫生服务试点方案》\n\n新华社北京5月20日电　近日，两部门印发了《乡村卫生服务试点方案》。\n"
           "乡村卫生服务试点方案\n一、试点目标\n到2025年，乡镇卫生院全部达到基本标准。\n")
    text = normalise(SourceText(path="n.txt", text=raw)).text
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert record["issuers"] == ["国务院办公厅", "国家卫生健康委"] and record["genre"] == "方案"


def test_a_draft_sent_for_comments_is_the_letters_own_not_a_citation():
    # probe 4b: 关于征求《X（征求意见稿）》意见的函 sends X: X is its enclosure, never a cited upstream document
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    text = ("梧川市卫生健康委员会关于征求《梧川市乡村医生管理办法（征求意见稿）》意见的函\n梧卫函〔2022〕88号\n市医保局：\n"
            "我委起草了《梧川市乡村医生管理办法（征求意见稿）》，现送你们征求意见。\n梧川市卫生健康委员会\n2022年6月20日\n")
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert record["enclosed_title"] == "梧川市乡村医生管理办法（征求意见稿）" and record["citations"] == []



def test_a_notices_own_title_wins_over_a_release_headline_above_it():
    # probe 4b: a news repost's headline (县卫健局印发《X》) above the notice that prints its own title: the notice's
    from policydiff.metadata import extract_metadata

    meta = extract_metadata("梅林县卫生健康局印发《梅林县健康帮扶方案》\n梅林县卫生健康局关于印发《梅林县健康帮扶方案》的通知\n"
                            "梅卫发〔2022〕8号\n各镇卫生院：\n现将《梅林县健康帮扶方案》印发给你们。\n梅林县卫生健康局\n2022年3月1日\n")
    assert meta["title"] == "梅林县卫生健康局关于印发《梅林县健康帮扶方案》的通知"


NUMBERED = "青梧市卫生健康局\n{}\n关于做好签约服务工作的通知\n各镇卫生院：\n一、做实签约服务。\n青梧市卫生健康局\n2021年3月1日\n"


@pytest.mark.parametrize("line, number, code, warned", [
    # a 文号 whose serial carries 第, alone under the header: the notice's own, 第 dropped and said (was no 文号 found)
    ("梧卫发〔2021〕第6号", "梧卫发〔2021〕6号", "梧卫发", "the 文号 is printed with 第 before its serial"),
    ("（梧卫发〔2021〕第6号）", "梧卫发〔2021〕6号", "梧卫发", "the 文号 is printed with 第 before its serial"),  # in brackets
    # angle brackets round the year (a repost's 〈2021〉): read as 〔〕, the repair said
    ("梧卫发〈2021〉6号", "梧卫发〔2021〕6号", "梧卫发", "repaired brackets: 梧卫发〈2021〉6号"),
    ("梧卫发＜2021＞6号", "梧卫发〔2021〕6号", "梧卫发", "repaired brackets: 梧卫发＜2021＞6号"),  # full-width < >
    # a body's name where the code stands: the number as printed, its code unknown, said
    ("省卫生健康委【2021】15号", "省卫生健康委〔2021〕15号", None, "names a body (省卫生健康委) where its code"),
    ("县人民政府〔2021〕3号", "县人民政府〔2021〕3号", None, "names a body (县人民政府) where its code"),
    # a code ending in 办 (市政办, 府办 are codes): kept, the lost bracket's repair said
    ("市政府办2021〕4号", "市政府办〔2021〕4号", "市政府办", "repaired missing_open_bracket: 市政府办2021〕4号"),
    # the plain shape: nothing said
    ("梧卫发〔2021〕6号", "梧卫发〔2021〕6号", "梧卫发", None),
])
def test_the_notices_own_number_as_printed(line, number, code, warned):
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    record = parse_source(SourceText("n.txt", NUMBERED.format(line)))
    assert (record["doc_number"], record["doc_number_parts"]["code"]) == (number, code)
    said = [w for w in record["warnings"] if "文号" in w or w.startswith("repaired")]
    assert any(warned in w for w in said) if warned else said == []
    assert number not in {c["doc_number"] for c in record["citations"]}  # the notice does not cite itself


# (body lines, issue date, expected (effective_from, effective_from_source, valid_years, valid_until, quote))
VALIDITY_ROWS = [
    # a date and a term in one clause
    ("二、本通知自2023年1月1日起施行，有效期5年。", "2022-12-20",
     ("2023-01-01", "printed", 5, None, "本通知自2023年1月1日起施行，有效期5年")),
    # on issue: the issue date, said so; a term in Chinese numerals after 为
    ("本方案自印发之日起实施，有效期为三年。", "2022-12-20",
     ("2022-12-20", "issue_date", 3, None, "本方案自印发之日起实施，有效期为三年")),
    # on issue with no signing date printed: the source said, no date made up
    ("本通知自发布之日起施行。", None, (None, "issue_date", None, None, "本通知自发布之日起施行")),
    # an end date printed (有效期至…), the start date in Chinese numerals
    ("本办法自二〇二三年三月一日起施行，有效期至2025年12月31日。", "2023-02-10",
     ("2023-03-01", "printed", None, "2025-12-31", "本办法自二〇二三年三月一日起施行，有效期至2025年12月31日")),
    # no subject before 自: the notice's own all the same
    ("自2023年7月1日起执行。", "2023-06-01", ("2023-07-01", "printed", None, None, "自2023年7月1日起执行")),
    # a revision notice's own (本修订): quoted from 本
    ("三、本修订自2022年10月1日起施行。", "2022-09-15", ("2022-10-01", "printed", None, None, "本修订自2022年10月1日起施行")),
    # the term alone in a sentence of its own (本方案有效期两年): quoted from 本
    ("本方案有效期两年。", "2023-06-01", (None, None, 2, None, "本方案有效期两年")),
]

# a delay after the date it counts from (自印发之日起30日后施行): no effective date computed, the delay kept as printed
DELAYED_ROWS = [
    # a delay in days after issue, the issue date known: said relative to it
    ("二、本办法自印发之日起30日后施行。", "2022-09-15",
     ("after_issue_date", "30日后", "2022-09-15", "本办法自印发之日起30日后施行",
      "effective “30日后” after its issue date (2022-09-15; relative, no date computed)")),
    # the same with no signing date printed: nothing made up
    ("本细则自发布之日起30日后施行。", None,
     ("after_issue_date", "30日后", None, "本细则自发布之日起30日后施行",
      "effective “30日后” after its issue date (not printed; relative, no date computed)")),
    # a delay in months in Chinese numerals after a printed date, with a term after it
    ("本规定自2023年1月1日起满三个月后施行，有效期3年。", None,
     ("after_printed_date", "满三个月后", "2023-01-01", "本规定自2023年1月1日起满三个月后施行，有效期3年",
      "effective “满三个月后” after the printed date (2023-01-01; relative, no date computed), valid 3 years")),
]


@pytest.mark.parametrize("line, issue_date, expected", DELAYED_ROWS, ids=[r[0][:12] for r in DELAYED_ROWS])
def test_a_delay_after_issue_is_said_not_computed(line, issue_date, expected):
    from policydiff.metadata import describe_validity, validity

    text = "一、做实签约服务。\n" + line
    found = validity(text, issue_date)
    keys = ("effective_from_source", "effective_after", "effective_after_from", "quote")
    assert found["effective_from"] is None
    assert tuple(found[k] for k in keys) == expected[:4]
    assert describe_validity(found).split(" — ")[0] == expected[4]


NOT_VALIDITY = [
    "《青梧县签约服务实施办法》自2019年1月1日起施行。",  # the cited document's date, not this notice's
    "梧卫发〔2019〕3号文件自2019年1月1日起施行。",  # …cited by its number
    "自2023年1月1日起执行新的报销比例。",  # a measure's start (more after the verb), not the notice's
    "签约服务协议有效期为1年。",  # a contract's term, not the notice's
]


@pytest.mark.parametrize("line, issue_date, expected", VALIDITY_ROWS, ids=[r[0][:12] for r in VALIDITY_ROWS])
def test_the_notice_says_when_it_takes_effect(line, issue_date, expected):
    from policydiff.metadata import validity

    text = "一、做实签约服务。\n" + line
    found = validity(text, issue_date)
    keys = ("effective_from", "effective_from_source", "valid_years", "valid_until", "quote")
    assert tuple(found[k] for k in keys) == expected
    assert text[found["span"][0]:found["span"][1]] == found["quote"]  # the span points at the quote


@pytest.mark.parametrize("line", NOT_VALIDITY)
def test_another_documents_or_a_measures_dates_are_not_the_notices(line):
    from policydiff.metadata import validity

    assert validity("一、做实签约服务。\n" + line, "2023-01-01") is None


def test_a_term_in_its_own_sentence_is_quoted_apart():
    from policydiff.metadata import validity

    text = "本通知自2023年1月1日起施行。本通知有效期5年。"
    found = validity(text, None)
    assert (found["quote"], found["validity_quote"], found["valid_years"]) == ("本通知自2023年1月1日起施行", "本通知有效期5年", 5)
    assert text[slice(*found["validity_span"])] == "本通知有效期5年"


def test_the_record_carries_validity_and_show_prints_it(tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    text = NUMBERED.format("梧卫发〔2022〕9号").replace(
        "一、做实签约服务。\n", "一、做实签约服务。\n二、本通知自2023年1月1日起施行，有效期5年。\n")
    assert parse_source(SourceText("n.txt", text))["validity"]["valid_years"] == 5
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "n.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", db]).exit_code == 0
    shown = "".join(CliRunner().invoke(cli, ["show", "梧卫发〔2022〕9号", "--db", db]).output.split())
    assert "validity:effectivefrom2023-01-01,valid5years—“本通知自2023年1月1日起施行，有效期5年”at" in shown
