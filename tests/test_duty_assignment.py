"""Responsibility from a duty paragraph (no inline markers) and units of a measure restated by task rows."""

import pytest

from conftest import HUAINAN, KAIFENG, LIANYUNGANG
from conftest import SHENMU as SHENMU_ID
from policydiff.compare.align import measure_units
from policydiff.extract.units import assign_duties, assign_sole_issuer
from policydiff.models import Duty, Measure, UnitMention
from policydiff.report.matrix import document_matrix

DUTY = Duty("民政部门", "农村低保对象、特困人员认定和救助供养", (500, 520), "三/（二）")

ROWS = [
    # (measure heading, measure text, expected units) — invented sentences in the shapes of real notices
    ("加强低收入人口健康帮扶", "对低保对象、特困人员落实分类资助参保政策。", ["民政部门"]),  # two duty words
    ("深入开展爱国卫生运动", "推进城乡环境卫生整治。", []),  # shares no duty word
    ("做好宣传引导", "宣传低保政策。", []),  # one short word is not enough
]


# probe 4a: a three-character topic (医共体) shared with a duty clause links where the item's heading names it
GONGTI = Duty("县卫生健康局", "医共体建设的统筹推进，牵头制定医共体章程", (500, 520), "二")
GONGTI_ROWS = [
    # the heading names it: the clause's unit, inferred on 医共体
    ("组建医共体", "以县人民医院为牵头医院组建紧密型医共体，推进县乡一体化管理。", ["县卫生健康局"]),
    # only the text names it (对医共体实行总额付费: another body's work): no link on one short term
    ("落实医保支付", "对医共体实行医保基金总额付费。", []),
]


@pytest.mark.parametrize("heading, text, units", GONGTI_ROWS, ids=[r[0] for r in GONGTI_ROWS])
def test_a_three_character_topic_links_only_through_the_items_heading(heading, text, units):
    measure = Measure("一/（一）", heading, text, (0, 40))
    assign_duties([measure], [GONGTI])
    assert [(u.unit, u.shared_terms) for u in measure.unit_mentions] == [(u, ["医共体"]) for u in units]


@pytest.mark.parametrize("heading, text, units", ROWS, ids=[r[0] for r in ROWS])
def test_duty_paragraph_assigns_units(heading, text, units):
    measure = Measure("二/（一）/4", heading, text, (0, 40))
    assign_duties([measure], [DUTY])
    assert [u.unit for u in measure.unit_mentions] == units
    assert all(u.source == "duty_paragraph" and u.role == "responsible" for u in measure.unit_mentions)


MARKED = UnitMention("县卫生健康局", "lead", "inline_marker", (3, 9))
# a notice that prints markers on some items and leaves the others to its 职责分工 section
MIXED_DUTIES = [Duty("县医疗保障局", "落实先诊疗后付费和一站式结算", (900, 915), "四/（二）"),
                Duty("县民政局", "做好农村低保对象、特困人员认定", (916, 930), "四/（二）"),
                Duty("县卫生健康局", "统筹推进巩固拓展健康扶贫成果同乡村振兴有效衔接", (931, 960), "四/（二）"),
                Duty("县中医药管理部门", "中医医院对口帮扶工作", (961, 980), "四/（二）")]
MIXED_ROWS = [
    # (item heading, item text, printed mention or None, expected (unit, source) pairs) — invented county shapes
    # unmarked item sharing a specific four-character term with a clause: the clause's unit, inferred
    ("落实先诊疗后付费", "县域内住院实行先诊疗后付费，推进一站式结算。", None,
     [("县医疗保障局", "duty_paragraph")]),
    # unmarked item sharing two terms with another clause: that clause's unit only
    ("加强低收入人口帮扶", "对农村低保对象、特困人员开展健康帮扶。", None, [("县民政局", "duty_paragraph")]),
    # a printed unit is kept alone: the clause neither joins the printed list nor overrides it
    ("做实住院结算", "落实先诊疗后付费政策（牵头单位：县卫生健康局）", MARKED, [("县卫生健康局", "inline_marker")]),
    # unmarked item that shares only the notice's subject (its title's words): no claim
    ("加强宣传引导", "加强巩固拓展健康扶贫成果同乡村振兴有效衔接的政策解读。", None, []),
    # two short words that are the pieces of one phrase of the clause (对口+帮扶 of 对口帮扶), apart in the item: none
    ("加强倾斜支持", "对口支援和社会力量等帮扶措施向卫生健康领域倾斜。", None, []),
    # unmarked item sharing nothing specific: stays empty
    ("加强组织领导", "各乡镇要压实责任，确保政策平稳过渡。", None, []),
]


@pytest.mark.parametrize("heading, text, printed, expected", MIXED_ROWS, ids=[r[0] for r in MIXED_ROWS])
def test_duty_clauses_reach_unmarked_items_of_a_notice_with_markers(heading, text, printed, expected):
    marked_elsewhere = Measure("二/（一）", "做好大病专项救治", "（牵头单位：县卫生健康局）", (0, 20),
                               unit_mentions=[MARKED], lead_units=["县卫生健康局"])
    item = Measure("二/（三）", heading, text, (40, 80), unit_mentions=[printed] if printed else [],
                   lead_units=["县卫生健康局"] if printed else [])
    assign_duties([marked_elsewhere, item], MIXED_DUTIES,
                  ("关于印发某县巩固拓展健康扶贫成果同乡村振兴有效衔接实施方案的通知",))
    assert [(u.unit, u.source) for u in item.unit_mentions] == expected
    assert item.responsible_units == [] and item.lead_units == (["县卫生健康局"] if printed else [])
    assert marked_elsewhere.unit_mentions == [MARKED]  # an item with printed units takes no inferred one


def test_huainan_matrix_has_units_from_its_duty_paragraph(records):
    rows, columns = document_matrix(records[HUAINAN])
    assert "医疗保障部门" in columns and "人力资源社会保障部门" in columns
    talent = next(r for r in rows if r["path"] == "二/（二）/9")
    assert talent["人力资源社会保障部门"] == "责任 (inferred)"  # 职称评定、薪酬待遇 in its duty: inferred, said so


def test_kaifeng_matrix_has_its_sole_issuer_marked_as_implied(records):
    # Kaifeng's work points name no unit (its 强化部门协同 lists partners, not who does what):
    # the one body that issued them carries them, said as implied, not as printed
    rows, columns = document_matrix(records[KAIFENG])
    assert columns[3:] == ["开封市卫生健康委员会"] and all(r["开封市卫生健康委员会"] == "责任 (implied)" for r in rows)
    mentions = [u for m in records[KAIFENG]["measures"] for u in m["unit_mentions"]]
    assert {u["source"] for u in mentions} == {"sole_issuer"}
    assert not any(m["responsible_units"] for m in records[KAIFENG]["measures"])  # not among the printed units


def test_no_unit_is_implied_for_joint_issuers_or_beside_printed_ones():
    measures = [Measure("一", "加强组织领导", "各单位要明确分工。", (10, 20))]
    assign_sole_issuer(measures, ["甲市卫生健康委员会", "甲市民政局"], "甲市卫生健康委员会 甲市民政局")
    assert not measures[0].unit_mentions
    marked = Measure("二", "做实签约", "（牵头单位：甲市卫健委）", (30, 50),
                     unit_mentions=[UnitMention("甲市卫健委", "lead", "inline_marker", (35, 40))])
    assign_sole_issuer([marked], ["甲市卫生健康委员会"], "甲市卫生健康委员会")
    assert [u.source for u in marked.unit_mentions] == ["inline_marker"]


@pytest.mark.parametrize("issuer, implied", [
    ("国务院办公厅", False),  # the State Council's general office relays the 国务院's measures
    ("甲省人民政府办公厅", False),  # a province's general office issuing for its government
    ("甲市人民政府办公室", False),  # a prefecture's (or county's) general office
    ("甲县政府办公室", False),  # the short form of a county government's office
    ("中共甲县委办公室", False),  # the party committee's general office
    ("甲县卫生健康局", True),  # a department that issues its own measures carries them
    ("甲市卫生健康委员会办公室", True),  # a department's own office is no government's general office
])
def test_a_general_office_implies_no_unit(issuer, implied):
    measures = [Measure("一", "科学确定救助范围", "将低收入人口纳入救助范围。", (10, 30))]
    assign_sole_issuer(measures, [issuer], issuer + "\n关于……的意见")
    assert [u.unit for u in measures[0].unit_mentions] == ([issuer] if implied else [])


# (the notice's text around its items, the item's text, whether its sole issuer is implied) — sentences written here
REPLIES = [
    # a 复函 answering a county bureau's request: its items are the asking body's, not the issuer's
    ("甲市卫生健康委员会关于同意乙县开展试点的复函\n乙县卫生健康局：\n你局请示收悉。经研究，现函复如下：\n此复。",
     "同意你县以县人民医院为牵头医院开展试点。", False),
    # a 批复 whose item names no addressee: still the asking body's work (现批复如下)
    ("甲县人民政府关于某规划的批复\n县卫生健康局：\n你局请示收悉。现批复如下：", "规划实施要与全县国土空间规划相衔接。", False),
    # a notice (no reply) with one item addressed to the one body it tells (请你局…): that item implies no issuer
    ("甲市卫生健康委员会关于做好试点工作的通知\n乙县卫生健康局：", "请你局于6月底前制定试点方案报我委备案。", False),
    # …and an item of the same notice the issuer does itself: still implied
    ("甲市卫生健康委员会关于做好试点工作的通知\n乙县卫生健康局：", "我委将组织专家开展评估。", True),
    # a reply's title named only in a list after the items (附件：…的批复) makes no reply of the notice: implied
    ("甲市卫生健康委员会关于做好试点工作的通知\n各县卫生健康局：\n" + "\n" * 240 + "附件：1.甲市发展改革委关于某项目的批复\n",
     "做好试点工作。", True),
    # a reply known only by its closing line 此复: no issuer implied
    ("甲市卫生健康委员会关于某事项的函\n乙县卫生健康局：\n" + "\n" * 240 + "此复。\n", "原则同意试点方案。", False),
    # 你们 (the addressees of a circular, several bodies) is no one recipient: the issuer is implied as before
    ("甲市卫生健康委员会关于做好签约工作的通知\n各县卫生健康局：", "请你们认真组织实施。", True),
]


@pytest.mark.parametrize("text, item, implied", REPLIES, ids=[f"r{i}" for i in range(len(REPLIES))])
def test_a_reply_or_an_item_addressed_to_its_recipient_implies_no_issuer(text, item, implied):
    measures = [Measure("一", item[:8], item, (200, 230))]
    assign_sole_issuer(measures, ["甲市卫生健康委员会"], text)
    assert [u.source for u in measures[0].unit_mentions] == (["sole_issuer"] if implied else [])


def test_lianyungang_measure_lists_each_unit_once_with_its_rows(records):
    record = records[LIANYUNGANG]
    measure = next(m for m in record["measures"] if m["path"] == "二/（四）")
    units = measure_units(record, measure)
    assert [(u["raw"], u["role"]) for u in units].count(("医政处", "lead")) == 1
    # lead in row 4; in row 5 one of the offices that 按照职责分工分别负责: responsible there
    assert next(u for u in units if u["raw"] == "医政处" and u["role"] == "lead")["rows"] == [4]
    assert next(u for u in units if u["raw"] == "医政处" and u["role"] == "responsible")["rows"] == [5]


def test_a_responsibility_claim_resting_on_the_sole_issuer_says_so(records):
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import FRAME_PATH, load_frame

    result = diff_document(records[KAIFENG], reference_from_frame(load_frame(FRAME_PATH), records))
    claims = [e["responsibility"] for e in result["entries"] if e["responsibility"]]
    # only its sole issuer, implied: not compared with the printed units of the reference
    assert claims and all(c == "not comparable: only inferred/implied units (local: implied)" for c in claims)
    included = diff_document(records[KAIFENG], reference_from_frame(load_frame(FRAME_PATH), records),
                             include_inferred=True)
    claims = [e["responsibility"] for e in included["entries"] if e["responsibility"]]
    assert claims and all(c.endswith("(with implied units)") for c in claims)  # compared, and labelled
    shenmu = diff_document(records[SHENMU_ID], reference_from_frame(load_frame(FRAME_PATH), records))
    assert not any("implied" in (e["responsibility"] or "") for e in shenmu["entries"])  # printed markers


def test_shenmu_unmarked_item_takes_its_duty_clause_and_marked_items_keep_theirs(records):
    # Shenmu prints （牵头科室：…） on its measures but not on its closing items: its 部门协作 clause on funds
    # reaches the one closing item that speaks of the same tilt of funds, inferred and said so
    measures = {m["path"]: m for m in records[SHENMU_ID]["measures"]}
    closing = measures["五/（一）"]
    assert [(u["unit"], u["source"], u["shared_terms"]) for u in closing["unit_mentions"]] == [
        ("财政局", "duty_paragraph", ["乡村振兴重点帮扶", "倾斜"])]
    assert not closing["responsible_units"]  # not among the printed units
    for m in measures.values():  # an item with a printed unit takes no inferred one
        sources = {u["source"] for u in m["unit_mentions"]}
        assert not ("inline_marker" in sources and "duty_paragraph" in sources), m["path"]


def test_huainan_closing_items_take_no_unit_on_the_notices_subject_alone(records):
    # its 卫生健康部门负责统筹推进巩固拓展健康脱贫成果同乡村振兴有效衔接 names the whole notice (its title):
    # it tells 加强组织领导 / 做好宣传引导 apart from no other item
    measures = {m["path"]: m for m in records[HUAINAN]["measures"]}
    assert measures["三/（一）"]["unit_mentions"] == [] and measures["三/（四）"]["unit_mentions"] == []


def _record(text):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    return parse_text(NormalisedText(text, list(range(len(text) + 1)), []))


TASKS = """一、重点任务
（一）落实先诊疗后付费。县域内住院实行先诊疗后付费，推进一站式结算。
（二）做实家庭医生签约。对脱贫人口做好签约服务，提高履约质量。
"""
SECTION_ROWS = [
    # (shape, closing part of an invented notice, paths kept as measures besides 一/（一）、一/（二）)
    ("county: 保障措施 item 明确职责分工 of 县X局负责 clauses",  # the item is the duty section: not a measure
     "二、保障措施\n（一）加强组织领导。各乡镇要压实责任，确保政策平稳过渡。\n"
     "（二）明确职责分工。县卫生健康局负责统筹推进；县医疗保障局负责落实医保待遇；县民政局负责低保对象认定。\n",
     ["二/（一）"]),
    ("provincial: 部门职责 section of numbered 省X：负责 items, closed by an exhortation",  # all of it is duties
     "二、部门职责\n1.省卫生健康委：负责统筹协调和督促指导。\n2.省医保局：负责落实医疗保障政策。\n"
     "3.各有关部门要密切配合，形成工作合力。\n",
     []),
    ("prefecture: closing item whose clauses are most of it, under no duty heading",  # a duty section all the same
     "二、保障措施\n（一）强化保障。市财政局负责落实经费保障；市医疗保障局负责落实医保待遇。\n", []),
    ("prefecture: closing item with a long exhortation and one short assignment",  # a measure: duties are little of it
     "二、保障措施\n（一）加强组织领导。各县区要把巩固拓展健康扶贫成果摆上重要议事日程，健全工作机制，"
     "细化目标任务，层层压实责任，定期调度推进，确保各项政策措施落地见效。市财政局负责经费保障；市医保局负责待遇落实。\n",
     ["二/（一）"]),
    ("national: a task item under a 协同配合 heading that names no body",  # a measure: it divides no duties
     "二、强化医防协同配合\n（一）推进医防融合。做好高血压、糖尿病患者健康管理。\n", ["二/（一）"]),
]


@pytest.mark.parametrize("shape, closing, kept", SECTION_ROWS, ids=[r[0] for r in SECTION_ROWS])
def test_a_duty_section_is_not_a_measure(shape, closing, kept):
    record = _record(TASKS + closing)
    assert [m["path"] for m in record["measures"]] == ["一/（一）", "一/（二）", *kept]
    duty_paths = {d["path"] for d in record["division_of_duties"]}
    assert not duty_paths & set(kept) or "加强组织领导" in closing  # its clauses stay duty entries
    if "负责" in closing:
        assert record["division_of_duties"]


@pytest.mark.parametrize("doc_id, path, quote", [
    (SHENMU_ID, "五/（二）", "（二）加强部门协作。"),  # county: its 加强部门协作 item holds its duty clauses
    (HUAINAN, "三/（二）", "（二）凝聚部门合力。"),  # prefecture: 凝聚部门合力, same shape
])
def test_a_duty_section_still_covers_the_frames_department_entry(records, doc_id, path, quote):
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import FRAME_PATH, load_frame

    assert path not in {m["path"] for m in records[doc_id]["measures"]}
    result = diff_document(records[doc_id], reference_from_frame(load_frame(FRAME_PATH), records))
    entry = next(e for e in result["entries"] if e["label"] == "部门协作")
    assert (entry["coverage"]["where"], entry["coverage"]["path"], entry["coverage"]["quote"]) == (
        "duties only", path, quote)


# probe 2, finding 6: a colon-form member-duty list (one body a line) is the notice's duty paragraph
COLON_NOTICE = ("某县乡村振兴健康帮扶领导小组关于明确成员单位职责的通知\n各成员单位：\n现将有关事项通知如下。\n"
                "一、重点工作\n（一）做好困难群众参保资助。\n（二）推进县域远程会诊建设。\n{section}\n")
COLON_ROWS = [
    # (section text, expected duty units, expected units of 一/（一） and 一/（二）) — invented county shapes
    # under a 成员单位职责 heading: each line a duty, items linked by the terms they share
    ("二、成员单位职责\n县医疗保障局：负责参保资助和待遇落实。\n县卫生健康局：负责远程会诊平台建设。",
     ["县医疗保障局", "县卫生健康局"], (["县医疗保障局"], ["县卫生健康局"])),
    # under a heading that names no duty (二、有关要求): two colon lines are a member-duty list still
    ("二、有关要求\n县医疗保障局：牵头做好参保资助。\n县卫生健康局：承担远程会诊平台建设。",
     ["县医疗保障局", "县卫生健康局"], (["县医疗保障局"], ["县卫生健康局"])),
    # a single colon line is no list (a label such as 联系人：… or one body's note)
    ("二、有关要求\n县医疗保障局：负责参保资助。", [], ([], [])),
    # colon lines whose heads are no bodies (时间：, 地点：) divide nothing
    ("二、有关要求\n报送时间：每月5日前报送参保资助进度。\n报送方式：远程会诊平台建设情况报电子版。", [], ([], [])),
]


@pytest.mark.parametrize("section, duty_units, item_units", COLON_ROWS, ids=[f"c{i}" for i in range(len(COLON_ROWS))])
def test_a_colon_member_duty_list_is_the_duty_paragraph(section, duty_units, item_units):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    record = parse_source(SourceText(path="x.txt", text=COLON_NOTICE.format(section=section)))
    assert [d["unit"] for d in record["division_of_duties"]] == duty_units
    by_path = {m["path"]: m for m in record["measures"]}
    inferred = tuple([u["unit"] for u in by_path[p]["unit_mentions"] if u["source"] == "duty_paragraph"]
                     for p in ("一/（一）", "一/（二）"))
    assert inferred == item_units
    if duty_units:  # the list itself is no measure
        assert "二" not in by_path


# probe 2, finding 20: a two-word topic headed by a generic noun (健康+促进, 医疗+救助, 临时+救助) links a duty
TOPIC_ROWS = [
    # (duty, item text, expected units) — invented county shapes
    # 健康促进 named by the duty inside a longer list (公共卫生服务和健康促进工作)
    ("统筹协调，做好公共卫生服务和健康促进工作", "开展健康促进行动，推进健康知识进家庭。", ["县卫健局"]),
    # 临时救助 after 和 in the duty
    ("医疗救助对象认定和临时救助", "做好临时救助，及时化解因病致困风险。", ["县卫健局"]),
    # the generic noun alone (健康) shares nothing specific
    ("统筹协调，做好公共卫生服务和健康促进工作", "做好健康宣传。", []),
    # a generic verb heads no topic: 做好+救治 is no term, 救治 alone is too short
    ("做好救治工作", "做好救治衔接。", []),
]


@pytest.mark.parametrize("duty, text, units", TOPIC_ROWS, ids=[f"t{i}" for i in range(len(TOPIC_ROWS))])
def test_a_topic_headed_by_a_generic_noun_links_a_duty(duty, text, units):
    measure = Measure("一/（五）", "", text, (0, 40))
    others = [Measure(f"一/（{n}）", "", "落实资助参保政策。", (50, 60)) for n in "一二三四"]
    assign_duties([measure, *others], [Duty("县卫健局", duty, (500, 520), "二/（二）")])
    assert [u.unit for u in measure.unit_mentions] == units


# probe 3a #13: an item and a duty clause naming one thing in two ways share no word; a link in
# data/duty_terms.json ("links") attaches the clause's unit, inferred, its shared terms "item≈clause"
LINK_ROWS = [
    # (unit, duty, item text, expected (unit, shared terms)) — invented county shapes
    # 参保 in the item, the tax bureau's premium collection in the clause
    ("县税务局", "城乡居民医保费征收工作", "抓好集中征缴期参保工作，确保应保尽保。", [("县税务局", ["参保≈医保费征收"])]),
    # the townships' mobilisation (组织…参保)
    ("各镇人民政府", "组织辖区群众参保", "落实参保资助，确保参保率稳定在99%以上。", [("各镇人民政府", ["参保≈组织辖区群众参保"])]),
    # 三重保障 in the item, the three schemes in the clause
    ("县医保局", "基本医保、大病保险和医疗救助待遇落实", "落实三重保障，减轻脱贫人口就医负担。", [("县医保局", ["三重保障≈医疗救助"])]),
    # a clause naming one scheme only is no link to 三重保障
    ("县民政局", "医疗救助对象认定", "落实三重保障，减轻脱贫人口就医负担。", []),
    # an item that names neither shares nothing
    ("县税务局", "城乡居民医保费征收工作", "加强村卫生室建设。", []),
]


@pytest.mark.parametrize("unit, duty, text, expected", LINK_ROWS, ids=[f"l{i}" for i in range(len(LINK_ROWS))])
def test_a_linked_topic_attaches_a_duty_marked_inferred(unit, duty, text, expected):
    measure = Measure("一/（一）", "", text, (0, 40))
    others = [Measure(f"一/（{n}）", "", "加强乡村医生队伍建设。", (50, 60)) for n in "二三四五"]
    assign_duties([measure, *others], [Duty(unit, duty, (500, 520), "二/（二）")])
    assert [(u.unit, u.shared_terms) for u in measure.unit_mentions] == expected
    assert all(u.source == "duty_paragraph" and "、" not in "".join(u.shared_terms) for u in measure.unit_mentions)


def test_a_link_found_in_most_items_tells_none_apart():
    measures = [Measure(f"一/（{n}）", "", "做好参保工作。", (0, 10)) for n in "一二三四五"]
    assign_duties(measures, [Duty("县税务局", "医保费征收", (500, 520), "二/（二）")])
    assert not any(m.unit_mentions for m in measures)


# probe 3a #15: a group's roster (组长/副组长/成员 under 领导小组组成) is no measure; the work items are
ROSTER_ROWS = [
    # (heading of the roster item, expected measure paths) — invented county shapes
    ("领导小组组成", ["二/（一）"]),
    ("县健康帮扶工作领导小组组成人员", ["二/（一）"]),
    ("成员名单", ["二/（一）"]),
    # a heading that prescribes work (成立领导小组, a call to organise) stays a measure
    ("成立工作专班", ["一", "二/（一）"]),
]


@pytest.mark.parametrize("heading, expected", ROSTER_ROWS, ids=[r[0] for r in ROSTER_ROWS])
def test_a_groups_roster_is_no_measure(heading, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("洛南县人民政府办公室关于调整健康帮扶工作领导小组的通知\n洛政办发〔2022〕30号\n各镇人民政府：\n现将有关事项通知如下。\n"
            f"一、{heading}\n组　长：县政府分管副县长\n副组长：县卫生健康局局长\n成　员：县财政局、县民政局负责同志。\n"
            "二、工作要求\n（一）落实资助参保。对特困人员给予全额资助。\n洛南县人民政府办公室\n2022年6月1日\n")
    assert [m["path"] for m in parse_source(SourceText("t.txt", text))["measures"]] == expected


# probe 3a: 各成员单位职责 with each body a heading of its own and its duties numbered under it
HEADED_DUTY_NOTICE = """紫阳县卫生健康局关于做好健康帮扶工作的通知
紫卫发〔2023〕5号
各镇卫生院：
一、工作任务
（一）落实参保资助。对特困人员全额资助参保。
（二）做好残疾人康复。开展残疾人康复评估。
（三）推进结算。做好医疗费用结算。
二、各成员单位职责
（一）县卫生健康局
1.负责大病专项救治。
2.负责乡村医疗卫生机构建设。
（二）县医疗保障局
1.负责参保资助。
2.负责医疗费用结算。
（三）县残联
负责残疾人康复服务。
紫阳县卫生健康局
2023年3月1日
"""


def test_numbered_duties_under_a_bodys_heading_are_that_bodys():
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    record = parse_source(SourceText("t.txt", HEADED_DUTY_NOTICE))
    assert [(d["unit"], d["duty"], d["path"]) for d in record["division_of_duties"]] == [
        ("县卫生健康局", "大病专项救治", "二/（一）/1"), ("县卫生健康局", "乡村医疗卫生机构建设", "二/（一）/2"),
        ("县医疗保障局", "参保资助", "二/（二）/1"), ("县医疗保障局", "医疗费用结算", "二/（二）/2"),
        ("县残联", "残疾人康复服务", "二/（三）")]
    for d in record["division_of_duties"]:  # the span quotes the duty as printed
        assert record["text"][d["span"][0]:d["span"][1]].endswith(d["duty"])
    units = {m["path"]: [(u["unit"], u["source"]) for u in m["unit_mentions"]] for m in record["measures"]}
    assert units["一/（三）"] == [("县医疗保障局", "duty_paragraph")]  # 医疗费用结算, inferred
    assert "二/（一）/1" not in units  # the duties are no measures


def test_a_notice_that_is_only_a_division_of_duties_has_a_matrix_of_its_duties():
    """一、职责分工（一）县卫生健康局 1.负责… (a 任务分工 notice with no measures, written for this test): each duty a
    row, the body printed over it responsible; the matrix was empty."""
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("关于印发抚溪县健康帮扶工作任务分工的通知\n抚卫发〔2022〕3号\n各有关单位：\n现将工作任务分工印发如下。\n"
            "一、职责分工\n（一）县卫生健康局\n1.负责大病专项救治工作的组织实施。\n2.负责家庭医生签约服务。\n"
            "（二）县医疗保障局\n1.负责落实先诊疗后付费政策。\n抚溪县卫生健康局\n2022年4月2日\n")
    record = parse_source(SourceText(path="t.txt", text=text, encoding="utf-8"))
    assert not record["measures"]
    rows, columns = document_matrix(record)
    assert columns[3:] == ["县卫生健康局", "县医疗保障局"]
    assert [(r["path"], r["县卫生健康局"], r["县医疗保障局"]) for r in rows] == [
        ("一/（一）/1", "●责任", ""), ("一/（一）/2", "●责任", ""), ("一/（二）/1", "", "●责任")]
