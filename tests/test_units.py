"""Responsible-unit markers: rows of (real marker → units by role)."""

import pytest

from policydiff.extract.units import (
    extract_duties,
    find_marker,
    parse_marker,
    split_lead_cell,
    split_units,
    verb_marker_mentions,
)

MARKERS = [
    # Shenmu 二（一）
    ("（牵头科室：市卫健局公卫科，配合单位：各镇卫生院、街道社区卫生服务中心，市疾控中心，市级各公立医院，精神康复医院）",
     {"lead": ["市卫健局公卫科"], "support": ["各镇卫生院", "街道社区卫生服务中心", "市疾控中心", "市级各公立医院", "精神康复医院"]}),
    # Shenmu 二（五）: 牵头科室及单位 / 配合科室及单位
    ("(牵头科室及单位：医共体总院，市卫健局医政科，配合科室及单位：市卫健局公卫科，市级各公立医院)",
     {"lead": ["医共体总院", "市卫健局医政科"], "support": ["市卫健局公卫科", "市级各公立医院"]}),
    # Shenmu 三（三）: half-width colon and commas
    ("(牵头科室:市卫健局办公室,配合科室:市卫健局医政科)", {"lead": ["市卫健局办公室"], "support": ["市卫健局医政科"]}),
    # Guangxi: [责任单位：…] with a bracket nested in a unit
    ("[责任单位：自治区卫生健康委、发展改革委、乡村振兴局、财政厅，各市、县（市、区）人民政府]",
     {"responsible": ["自治区卫生健康委", "发展改革委", "乡村振兴局", "财政厅", "各市人民政府", "县（市、区）人民政府"]}),
    # 【责任单位：…】 and （牵头单位：…；配合单位：…）, the obvious relatives
    ("【责任单位：市卫生健康委】", {"responsible": ["市卫生健康委"]}),
    ("（牵头单位：市医保局；配合单位：市民政局、市财政局）", {"lead": ["市医保局"], "support": ["市民政局", "市财政局"]}),
]


@pytest.mark.parametrize("marker, expected", MARKERS, ids=[f"m{i}" for i in range(len(MARKERS))])
def test_parse_marker(marker, expected):
    mentions = parse_marker(marker, 100)
    got = {}
    for m in mentions:
        got.setdefault(m.role, []).append(m.unit)
        quoted = marker[m.span[0] - 100:m.span[1] - 100]
        assert m.unit.startswith(quoted) and quoted  # a span quotes the unit's own characters (各市 of 各市人民政府)
    assert got == expected


VERB_MARKERS = [
    # verb form, one lead and several supporters (district 政策措施, real-pages round 4)
    ("精简审批手续。(青梧区政务服务局牵头,青梧区发改局、区审改办、区级相关部门配合)",
     {"lead": ["青梧区政务服务局"], "support": ["青梧区发改局", "区审改办", "区级相关部门"]}),
    # a verbless clause takes the next clause's verb (…等部门，…配合)
    ("加强项目储备。（区发改局牵头，区财政局、区水务局等部门，区国投公司、各街道办事处配合）",
     {"lead": ["区发改局"], "support": ["区财政局", "区水务局", "区国投公司", "各街道办事处"]}),
    # State Council style: 牵头 then 按职责分工负责
    ("完善大病保险。（澜川省医保局牵头，省财政厅、省卫生健康委按职责分工负责）",
     {"lead": ["澜川省医保局"], "responsible": ["省财政厅", "省卫生健康委"]}),
    # a single 负责 with 由
    ("建立监测台账。(由桐溪县卫生健康局负责)", {"responsible": ["桐溪县卫生健康局"]}),
    # brackets that are no markers: a scope, a unit quantity, a time limit
    ("办理土地登记(不含6亩)。环评报告书14个工作日内完成(涉及水土保持项目)。", {}),
    ("各县（市、区）要建立台账（2022年6月底前完成）。", {}),
]


@pytest.mark.parametrize("body, expected", VERB_MARKERS, ids=[f"v{i}" for i in range(len(VERB_MARKERS))])
def test_verb_marker(body, expected):
    got = {}
    for m in verb_marker_mentions(body, 50):
        got.setdefault(m.role, []).append(m.unit)
        assert body[m.span[0] - 50:m.span[1] - 50] == m.unit  # spans quote the unit
    assert got == expected


def test_marker_is_found_at_the_end_of_a_measure():
    body = "加强艾滋病、梅毒和乙肝母婴传播防治工作（含县（区）级）。（牵头科室：市卫健局妇幼科、老龄科）"
    start, end = find_marker(body)
    assert body[start:end] == "（牵头科室：市卫健局妇幼科、老龄科）"


def test_split_units_keeps_brackets_whole():
    assert split_units("各市、县（市、区）人民政府") == ["各市", "县（市、区）人民政府"]
    assert split_units("各镇卫生院、街道社区卫生服务中心，市疾控中心") == ["各镇卫生院", "街道社区卫生服务中心", "市疾控中心"]


@pytest.mark.parametrize("cell, expected", [
    ("医政处、医改办", ["医政处", "医改办"]),
    ("财务处、规划信息处、医政处、医改办、妇幼处、基层卫生处、疾控处按照职责分工分别负责",
     ["财务处", "规划信息处", "医政处", "医改办", "妇幼处", "基层卫生处", "疾控处"]),
    ("财务处及委相关业务处室", ["财务处", "委相关业务处室"]),
])
def test_task_table_lead_cell(cell, expected):
    assert [u for u, _ in split_lead_cell(cell, 0)] == expected


def test_duty_paragraph():
    body = ("加强部门协作。落实部门职责，强化政策和工作协同。卫生健康局负责统筹推进巩固拓展健康扶贫成果同乡村振兴有效衔接，督促工作落实。"
            "财政局负责做好资金保障，进一步向脱贫村和乡村振兴重点帮扶镇街倾斜；"
            "农业农村、住房城乡建设、生态环境等部门负责农村人居环境整治、爱国卫生运动相关工作。")
    duties = extract_duties(body, 0)
    assert [(d.unit, d.duty) for d in duties] == [
        ("卫生健康局", "统筹推进巩固拓展健康扶贫成果同乡村振兴有效衔接，督促工作落实"),
        ("财政局", "做好资金保障，进一步向脱贫村和乡村振兴重点帮扶镇街倾斜"),
        ("农业农村、住房城乡建设、生态环境等部门", "农村人居环境整治、爱国卫生运动相关工作"),
    ]
    assert all(body[d.span[0]:d.span[1]].startswith(d.unit + "负责") for d in duties)


# probe 3a #2: county abbreviations with their function, as a researcher asks for them (duties 残联, 税务);
# (raw, notice locality and level, issuers, expected (function, kind, level, locality))
FUNCTION_ROWS = [
    # 残联 beside bureaus in a county bracket
    ("县残联", ("白河县", "county"), ("白河县人民政府办公室",), ("残疾人联合会", "department", "county", "白河县")),
    # the tax bureau a county's 参保 item names
    ("县税务局", ("洛南县", "county"), ("洛南县人民政府办公室",), ("税务", "department", "county", "洛南县")),
    # the vertically managed bureau of a place: its place, never the nation's
    ("国家税务总局旬阳市税务局", ("旬阳市", "county"), ("旬阳市卫生健康局",), ("税务", "department", "county", "旬阳市")),
    ("国家税务总局", ("中华人民共和国", "national"), ("国家医保局",), ("税务", "department", "national", "中华人民共和国")),
    # merged county bureaus (教育和体育, 文化和旅游广电): their first function
    ("县教体局", ("镇安县", "county"), ("镇安县人民政府",), ("教育", "department", "county", "镇安县")),
    ("县文旅广电局", ("镇安县", "county"), ("镇安县人民政府",), ("文化和旅游", "department", "county", "镇安县")),
    # a bare office (爱卫办) in a notice a government issues: the health side, not 民政 (人民政府 holds 民政)
    ("县爱卫办", ("镇安县", "county"), ("镇安县人民政府",), ("卫生健康", "division", "county", "镇安县")),
    # a county-level city's own 市医保局 (a city the place table does not list): county level, not a prefecture's
    ("市医保局", ("旬阳市", "county"), ("旬阳市卫生健康局",), ("医疗保障", "department", "county", "旬阳市")),
    # 市医保局 in a county's notice: the prefecture's
    ("市医保局", ("洛南县", "county"), ("洛南县卫生健康局",), ("医疗保障", "department", "prefecture", "商洛市")),
    # 民政局 itself still 民政
    ("县民政局", ("镇安县", "county"), ("镇安县人民政府",), ("民政", "department", "county", "镇安县")),
    # every township with its subdistricts: the township governments (a placeholder of the county's)
    ("各乡镇（街道）", ("渭源县", "county"), ("渭源县人民政府办公室",), ("地方政府", "local_government", "township", None)),
    # the grassroots actors: health institutions
    ("家庭医生签约团队", ("岚皋县", "county"), ("岚皋县卫生健康局",), ("卫生健康", "institution", "county", "岚皋县")),
    # a township's own bodies (probe: 镇社保所, 派出所, 社会事务办公室): the function each really has
    ("镇社保所", ("涧池镇", "township"), ("涧池镇人民政府",), ("人力资源社会保障", "institution", "township", "涧池镇")),
    ("社会保障所", ("涧池镇", "township"), ("涧池镇人民政府",), ("人力资源社会保障", "institution", "township", "涧池镇")),
    ("派出所", ("涧池镇", "township"), ("涧池镇人民政府",), ("公安", "institution", "township", "涧池镇")),
    # a township's social-affairs office: its own function, not the health bureau's 办公室 division
    ("镇社会事务办公室", ("涧池镇", "township"), ("涧池镇人民政府",), ("社会事务", "department", "township", "涧池镇")),
    ("社会事务办", ("涧池镇", "township"), ("涧池镇卫生院",), ("社会事务", "department", "township", "涧池镇")),
    # a village committee is no government body with a function: unresolved, and not the county's 委员会
    ("村委会", ("涧池镇", "township"), ("涧池镇人民政府",), (None, "unresolved", "township", "涧池镇")),
    ("村民委员会", ("涧池镇", "township"), ("涧池镇人民政府",), (None, "unresolved", "township", "涧池镇")),
    ("各村民委员会", ("青梧县", "county"), ("青梧县卫生健康局",), (None, "unresolved", "county", "青梧县")),
    # a ministry's department named after it: the ministry's function, not the 乡村振兴 body's
    ("国家卫生健康委乡村振兴司", ("中华人民共和国", "national"), ("国家卫生健康委办公厅",),
     ("卫生健康", "department", "national", "中华人民共和国")),
]


@pytest.mark.parametrize("raw, where, issuers, expected", FUNCTION_ROWS, ids=[r[0] for r in FUNCTION_ROWS])
def test_county_abbreviations_name_their_function(raw, where, issuers, expected):
    from policydiff.canonical import Context, canonical_unit

    unit = canonical_unit(raw, Context(*where, issuers))
    assert (unit.function, unit.kind, unit.level, unit.locality) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an article's heading phrase, then the sentence whose subject is the unit
    ("加强人才队伍建设。市人力资源社会保障局负责落实卫生院专业技术岗位倾斜政策。", ["市人力资源社会保障局"]),
    # two clauses after the heading, each with its own subject: both units
    ("提高保障水平。市财政局负责安排村医补助资金，市医疗保障局负责落实门诊统筹政策。", ["市财政局", "市医疗保障局"]),
    # a full name ending in 委员会 (not only the short 委)
    ("青梧市卫生健康委员会负责统筹全市村医管理工作。", ["青梧市卫生健康委员会"]),
    # the work as the subject, then 由 the body: the body alone, not the work's words before it
    ("村医养老保障由市人力资源社会保障局负责落实，各县区做好衔接。", ["市人力资源社会保障局"]),
    # 自由 is no 由: a body whose name holds it stays whole
    ("自由贸易试验区管理委员会负责落实村医补助。", ["自由贸易试验区管理委员会"]),
    # a clause with no body as its subject names none
    ("本办法自印发之日起施行。", []),
])
def test_article_subjects(body, expected):
    from policydiff.extract.units import article_mentions

    found = article_mentions(body, 10)
    assert [m.unit for m in found] == expected
    assert all(body[m.span[0] - 10:m.span[1] - 10] == m.unit for m in found)  # each span holds its unit


@pytest.mark.parametrize(("item", "expected"), [
    # X是…的责任主体，要… (the shape that already worked: 责任主体 names the owner)
    ("青梧县卫生健康局是村医管理的责任主体，要加强日常考核。", [("青梧县卫生健康局", "responsible")]),
    # X是…的牵头部门，要…: the 是 clause calls it the lead
    ("县医保局是医疗救助资助参保的牵头部门，要按月核对参保名单。", [("县医保局", "lead")]),
    # X是…示范单位，要在…前完成: the body the subjectless 要 clause is told to act
    ("县人民医院是全县“一站式”结算的示范单位，要在2023年6月底前完成窗口改造。", [("县人民医院", "responsible")]),
    # X是…部门，要…: a body said to be something, then told 要
    ("县医保局是基金监管部门，要加强定点医疗机构检查。", [("县医保局", "responsible")]),
    # a provider named by kind is no assigned body
    ("定点医疗机构是结算的窗口，要做好脱贫人口身份识别。", []),
    # what 是 names is no body: nothing
    ("重点是做好签约服务，要加强督导。", []),
    # 是 clause and 要 clause in two sentences: the 要 has a subject of its own elsewhere, nothing carried over
    ("县医院是示范单位。要在年内完成改造。", []),
])
def test_a_body_named_with_shi_then_told_yao(item, expected):
    from policydiff.extract.units import subject_mentions

    found = subject_mentions(item, 0)
    assert [(m.unit, m.role) for m in found] == expected
    assert all(item[m.span[0]:m.span[1]] == m.unit for m in found)  # each span holds its unit


@pytest.mark.parametrize(("item", "expected"), [
    # audit x1 #4: a town's social-security office as the subject of 负责: named, responsible
    ("做好资助参保。镇社保所负责已脱贫人口参保登记。", [("镇社保所", "responsible")]),
    # a named town's police station with 负责
    ("核实身份信息。城关镇派出所负责核对户籍。", [("城关镇派出所", "responsible")]),
    # a station told 要 (its name ends in 所, no body character before this fix)
    ("各派出所要配合核实外出人员户籍。", [("各派出所", "responsible")]),
    # 各村委会 told 要: each village committee named (各 of a grassroots actor is no call to every level)
    ("开展摸底排查，各村委会要逐户登记。", [("各村委会", "responsible")]),
    # 村民委员会 told 要 after a heading
    ("加强宣传。各村民委员会要组织入户宣讲。", [("各村民委员会", "responsible")]),
    # a county bureau 会同 a town's station: the station supports
    ("县医保局会同镇社保所做好参保登记。", [("县医保局", "lead"), ("镇社保所", "support")]),
    # 所有 / 研究所 are no station: nothing named
    ("所有脱贫人口要做到应保尽保。", []),
    ("研究所负责开展效果评估。", []),
])
def test_a_towns_station_or_village_committee_is_a_subject(item, expected):
    from policydiff.extract.units import subject_mentions

    found = subject_mentions(item, 0)
    assert [(m.unit, m.role) for m in found] == expected
    assert all(item[m.span[0]:m.span[1]] == m.unit for m in found)  # each span holds its unit
