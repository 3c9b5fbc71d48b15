"""Outline: labels, nesting, headings and paths on every notice."""

from pathlib import Path

import pytest

from conftest import ALL_IDS, GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.outline import build_outline, heading_of, match_label

LABELS = [
    ("一、总体要求", ("一、", "一")),
    ("（一）指导思想。以…", ("（一）", "（一）")),
    ("（十四）进一步加大典型宣传力度。", ("（一）", "（十四）")),  # Lianyungang numbers past ten
    ("1.优化疾病分类救治管理措施。", ("1.", "1")),  # Huainan
    ("1．巩固乡村医疗", ("1.", "1")),  # full-width dot
    ("16.深入开展爱国卫生运动。", ("1.", "16")),
    ("（1）第一项", ("（1）", "（1）")),
    ("一是健全动态监测机制。", ("一是", "一是")),  # Kaifeng
    # probe 4b: a dot after a Chinese numeral (a repost's 一.工作目标) is the 一、 kind; ⑴ (one character) the （1） kind
    ("一.工作目标", ("一、", "一")),
    ("二．重点任务", ("一、", "二")),
    ("十二.加强督导", ("一、", "十二")),
    ("一.5倍", None),  # a number, not a label
    ("⑴建立台账；", ("（1）", "⑴")),
    ("⑽每月随访", ("（1）", "⑽")),
    ("4.6个托位", None),  # a decimal is not a label
    # an item number before a number that is no decimal of it: an age, a year, a hundred per cent
    ("6.65岁以上老人体检率达到七成", ("1.", "6")),  # N. + an age (65岁)
    ("3.60周岁以上人群全部建档", ("1.", "3")),  # N. + an age in 周岁
    ("2.0-6岁儿童眼保健覆盖率稳定", ("1.", "2")),  # N. + an age range (0-6岁)
    ("7.2026年底前村室全部达标", ("1.", "7")),  # N. + a year (2026年)
    ("4.100%的行政村有合格村医", ("1.", "4")),  # N. + a hundred per cent
    ("3.2人的配备标准不变", None),  # a real decimal before its unit stays a number
    ("2.5岁以下幼儿", None),  # a one-digit age after the dot may be a decimal age: a number
    ("6.95%以上的村", None),  # a percentage below a hundred may be a decimal one: a number
    ("2025年，实现", None),
    ("三级医院对口帮扶", None),
]


@pytest.mark.parametrize("text, expected", LABELS, ids=[r[0][:8] for r in LABELS])
def test_match_label(text, expected):
    found = match_label(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize("body, expected", [
    ("指导思想。以习近平…", "指导思想"),  # heading runs into its paragraph
    ("保持政策稳定，巩固基本医疗有保障成果", "保持政策稳定，巩固基本医疗有保障成果"),  # stands alone
    ("坚持一个目标\n坚持基本医疗有保障…", "坚持一个目标"),  # Kaifeng: heading line then body
])
def test_heading_of(body, expected):
    assert heading_of(body) == expected


def paths(records, doc_id):
    return [n["path"] for n in records[doc_id]["outline"]]


def test_shenmu_outline(records):
    expected = ["一", "一/（一）", "一/（二）"]
    expected += ["二"] + [f"二/{x}" for x in ["（一）", "（二）", "（三）", "（四）", "（五）"]]
    expected += ["三"] + [f"三/{x}" for x in ["（一）", "（二）", "（三）", "（四）", "（五）"]]
    expected += ["四"] + [f"四/{x}" for x in ["（一）", "（二）", "（三）", "（四）"]]
    expected += ["五"] + [f"五/{x}" for x in ["（一）", "（二）", "（三）", "（四）"]]
    assert paths(records, SHENMU) == expected


def test_guangxi_outline_three_levels_and_annex(records):
    got = paths(records, GUANGXI)
    assert got[:6] == ["一", "一/（一）", "一/（二）", "二", "二/（一）", "二/（一）/1"]
    assert [p for p in got if p.startswith("二/（二）/")] == [f"二/（二）/{i}" for i in range(1, 7)]
    assert [p for p in got if p.startswith("二/（三）/")] == [f"二/（三）/{i}" for i in range(1, 6)]
    assert got[-7:] == ["附件"] + [f"附件/{i}" for i in range(1, 7)]


def test_huainan_numbering_runs_on_across_blocks(records):
    got = paths(records, HUAINAN)
    numbered = [p for p in got if p.count("/") == 2 and not p.startswith("附件")]
    assert [p.rsplit("/", 1)[1] for p in numbered] == [str(i) for i in range(1, 17)]
    assert "二/（二）/6" in got and "二/（三）/16" in got


def test_kaifeng_yishi_items(records):
    got = paths(records, KAIFENG)
    assert got == ["一", "二", "二/一是", "二/二是", "三", "三/一是", "三/二是", "三/三是", "四",
                   "四/一是", "四/二是", "四/三是", "四/四是", "五"] + [f"五/{x}是" for x in "一二三四五"]


def test_lianyungang_continuous_numbering(records):
    got = paths(records, LIANYUNGANG)
    assert got[:2] == ["一", "一/（一）"] and "二/（四）" in got and got[-2] == "四/（十四）"
    assert got[-1] == "附件"


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_every_node_span_starts_with_its_label(records, doc_id):
    text = records[doc_id]["text"]
    for node in records[doc_id]["outline"]:
        start, end = node["span"]
        assert text[start:end].startswith(node["label"].rstrip("、") if node["kind"] != "一、" else node["label"])
        assert node["body_span"][0] >= start and node["body_span"][1] == end


def test_malformed_input_still_gives_a_tree():
    # the first kind met is the top level; repeated labels get unique paths
    nodes = build_outline("（二）先出现\n一、后出现\n（二）重复\n（二）重复")
    assert [n.path for n in nodes] == ["（二）", "（二）/一", "（二）#2", "（二）#3"]


_COVER = "桐溪县卫生健康局\n关于印发健康帮扶方案的通知\n各镇卫生院：\n现将方案印发给你们，请认真执行。\n"
_PLAN = "桐溪县卫生健康局\n2021年3月1日\n桐溪县健康帮扶方案\n一、主要任务\n（一）落实大病专项救治。\n（二）做实签约服务。\n"

# (normalised notice, outline paths) — an annex list names the annexes: no outline item, and the body does not
# nest under its last line
ANNEX_LISTS = [
    # the list's first item on the 附件： line, the next ones on their own lines, then signature and plan
    (_COVER + "附件：1.主要指标\n2.任务分工表\n" + _PLAN, ["一", "一/（一）", "一/（二）"]),
    # three items, full-width dots and 、
    (_COVER + "附件：1．主要指标\n2．任务分工表\n3、考核细则\n" + _PLAN, ["一", "一/（一）", "一/（二）"]),
    # 附件： alone, its list on the lines below
    (_COVER + "附件：\n1.主要指标\n2.任务分工表\n" + _PLAN, ["一", "一/（一）", "一/（二）"]),
    # the annex list after the body, the annexes' blocks after it still open their branches
    ("一、落实大病专项救治。\n二、做实签约服务。\n附件：1.主要指标\n2.任务分工表\n附件1\n主要指标\n1.签约服务覆盖率\n",
     ["一", "二", "附件1", "附件1/1"]),
    # a numbered item that does not continue the list (3. where 2. is due) is an item
    ("附件：1.主要指标\n一、落实大病专项救治。\n1.扩大救治病种。\n", ["一", "一/1"]),
    # a sentence (its own 。) after the list is body text, not a list line
    ("一、工作要求\n附件：1.主要指标\n2.落实签约服务，做好随访。\n", ["一", "一/2"]),
]


@pytest.mark.parametrize("text, expected", ANNEX_LISTS, ids=[f"annex{i}" for i in range(len(ANNEX_LISTS))])
def test_an_annex_list_is_no_outline_item(text, expected):
    assert [n.path for n in build_outline(text)] == expected


# ---------------------------------------------------------------- rules in article form (issue 28)

ARTICLE_LABELS = [
    ("第一章　总则", ("第一章", "第一章")),  # chapter, ideographic space
    ("第三章考核管理", ("第一章", "第三章")),  # the normaliser dropped the space
    ("第二节 考核结果运用", ("第一节", "第二节")),
    ("第十一条　有下列情形之一的，取消当年补助资格：", ("第一条", "第十一条")),
    ("第一百零二条 本办法自公布之日起施行。", ("第一条", "第一百零二条")),  # numbers past a hundred
    ("第3条 乡镇卫生院负责考核。", ("第一条", "第3条")),  # Arabic numerals
    ("第二款规定的情形除外。", None),  # a reference to a 款, not an article
    ("第二条款", None),
]


@pytest.mark.parametrize("text, expected", ARTICLE_LABELS, ids=[r[0][:8] for r in ARTICLE_LABELS])
def test_article_labels(text, expected):
    found = match_label(text)
    assert (found[:2] if found else None) == expected


ARTICLE_NOTICE = Path(__file__).parent / "data" / "article_notice.txt"  # written for this test, invented city
# (path of each measure, units named as the subject of its clauses)
ARTICLE_MEASURES = [
    ("附件/第一章/第三条", ["市卫生健康委", "各县（市、区）卫生健康局"]),  # 第一、二条 (purpose, scope) set no rule
    ("附件/第二章/第四条", []),
    ("附件/第二章/第五条", []),
    ("附件/第二章/第六条", ["县级财政部门"]),  # 由…负责保障
    ("附件/第三章/第一节/第七条", ["乡镇卫生院"]),
    ("附件/第三章/第一节/第八条", []),  # the article's lead-in, then its 项
    ("附件/第三章/第一节/第八条/（一）", []),
    ("附件/第三章/第一节/第八条/（二）", []),
    ("附件/第三章/第一节/第八条/（三）", []),
    ("附件/第三章/第一节/第八条/（四）", []),
    ("附件/第三章/第二节/第九条", []),
    ("附件/第三章/第二节/第十条", ["县级卫生健康行政部门"]),  # 由…约谈
    ("附件/第三章/第二节/第十一条", []),
    ("附件/第三章/第二节/第十一条/（一）", []),
    ("附件/第三章/第二节/第十一条/（二）", []),
    ("附件/第四章/第十二条", []),  # 任何单位和个人 is nobody's duty
    ("附件/第四章/第十三条", ["县（市、区）财政局"]),  # …应当
    ("附件/第四章/第十四条", ["县（市、区）卫生健康局"]),  # …每年…报送
    ("附件/第四章/第十五条", ["审计部门"]),  # …按照职责
    ("附件/第四章/第十六条", []),  # 第十七、十八条 (interpretation, commencement) set no rule
]
# (path, value, unit) of every number the rules set
ARTICLE_TARGETS = [
    ("附件/第二章/第四条", 8000, "元"), ("附件/第二章/第五条", 300, "元"), ("附件/第二章/第六条", 1, "次"),
    ("附件/第二章/第六条", 2000, "元"), ("附件/第三章/第一节/第八条/（三）", 85, "%"),
    ("附件/第三章/第二节/第九条", 60, "分"), ("附件/第三章/第二节/第九条", 50, "%"),
    ("附件/第三章/第二节/第十条", 2, "个"), ("附件/第四章/第十三条", 30, "日"),
]


@pytest.fixture(scope="module")
def article_record():
    from policydiff.parse import parse_file

    return parse_file(ARTICLE_NOTICE, ARTICLE_NOTICE.parent)


def test_article_notice_keeps_the_cover_letter_and_the_enclosed_rules(article_record):
    record = article_record
    assert record["doc_number"] == "梧卫健发〔2022〕27号" and record["issue_date"] == "2022-06-15"
    assert record["issuers"] == ["青梧市卫生健康委员会"]
    assert record["enclosed_title"] == record["body_title"] == "青梧市乡村医生补助管理实施细则"
    assert record["citations"] == []  # 现将《…细则》印发 is its own enclosure
    articles = [n["path"] for n in record["outline"] if n["kind"] == "第一条"]
    assert len(articles) == 18 and articles[0] == "附件/第一章/第一条" and articles[-1] == "附件/第四章/第十八条"
    chapters = [(n["path"], n["heading"]) for n in record["outline"] if n["kind"] == "第一章"]
    assert chapters == [("附件/第一章", "总则"), ("附件/第二章", "补助标准"), ("附件/第三章", "考核管理"),
                        ("附件/第四章", "资金管理")]


def test_every_article_that_sets_a_rule_is_a_measure(article_record):
    found = [(m["path"], [u["unit"] for u in m["unit_mentions"]]) for m in article_record["measures"]]
    assert found == ARTICLE_MEASURES
    text = article_record["text"]
    for m in article_record["measures"]:
        assert all(u["source"] == "article_subject" for u in m["unit_mentions"])
        for u in m["unit_mentions"]:
            assert text[u["span"][0]:u["span"][1]] == u["unit"]
    eleventh = next(m for m in article_record["measures"] if m["path"].endswith("第十一条"))
    assert eleventh["title"] == "有下列情形之一的，取消当年补助资格"
    assert "（一）" not in eleventh["text"]  # its 项 are measures of their own


def test_the_numbers_of_the_rules_are_targets_on_their_articles(article_record):
    found = [(t["path"], t["value"], t["unit"]) for t in article_record["targets"]]
    assert found == ARTICLE_TARGETS


def test_rules_printed_after_the_signature_without_an_annex_line():
    # a 办法 straight after the cover letter's date, the letter with numbered points of its own
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    text = ("关于印发桐溪县村卫生室管理办法的通知\n各乡镇卫生院：\n一、请认真执行。\n二、执行中的问题及时报告。\n"
            "桐溪县卫生健康局\n2023年4月2日\n桐溪县村卫生室管理办法\n第一条　为规范村卫生室管理，制定本办法。\n"
            "第二条　乡镇卫生院负责村卫生室的业务指导。\n第二款内容。\n第三条　本办法自2023年5月1日起施行。\n")
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert [n["path"] for n in record["outline"]] == ["一", "二", "第一条", "第二条", "第三条"]  # never under 二、
    assert [m["path"] for m in record["measures"]] == ["一", "二", "第二条"]
    assert record["body_title"] == "桐溪县村卫生室管理办法"


# ---------------------------------------------------------------- a plan in parts, a letter's own items (probe 2, #17)

_LETTER = "各乡镇卫生院：\n现将方案印发给你们，并提出如下要求。\n"
_SIGNED = "桐溪县卫生健康局\n2023年4月2日\n"
OUTLINE_SHAPES = [
    # the letter numbers its own requests, signs off, then prints the plan under its title: two trees
    (_LETTER + "一、统一思想认识\n各单位要高度重视。\n二、按时报送进展\n每月底前报送。\n" + _SIGNED +
     "桐溪县健康帮扶方案\n一、工作目标\n签约率稳定。\n二、重点任务\n（一）开展巡回义诊。\n",
     ["通知/一", "通知/二", "一", "二", "二/（一）"]),
    # the letter's items without the plan's restart (a single tree): nothing renamed
    (_LETTER + "一、统一思想认识\n各单位要高度重视。\n二、按时报送进展\n每月底前报送。\n" + _SIGNED,
     ["一", "二"]),
    # a restart with no sign-off between (a second list in one text): not a letter, the twin keeps its #2
    ("一、工作目标\n签约率稳定。\n二、工作要求\n按时报送。\n一、补充事项\n另行通知。\n", ["一", "二", "一#2"]),
    # parts over the 一、 items (第一部分　发展基础 / 第二部分　主要任务): each part its own branch
    ("第一部分　发展基础\n一、已有进展\n村卫生室全部达标。\n第二部分　主要任务\n一、完善服务网络\n（一）建设次中心。\n"
     "二、充实人才队伍\n第三部分　保障措施\n一、加强组织领导。\n",
     ["第一部分", "第一部分/一", "第二部分", "第二部分/一", "第二部分/一/（一）", "第二部分/二", "第三部分",
      "第三部分/一"]),
    # 第一部分 with its heading run on (no space) and a (一) directly under the part
    ("第一部分总体要求\n（一）指导思想。坚持以人民为中心。\n第二部分重点任务\n（一）落实救治。\n",
     ["第一部分", "第一部分/（一）", "第二部分", "第二部分/（一）"]),
]


@pytest.mark.parametrize("text, expected", OUTLINE_SHAPES, ids=[f"shape{i}" for i in range(len(OUTLINE_SHAPES))])
def test_parts_and_a_letters_own_items(text, expected):
    assert [n.path for n in build_outline(text)] == expected


NOT_MEASURES = [
    # the letter's own requests (通知/一) are the letter's, the plan's items are measures
    ("关于印发桐溪县健康帮扶方案的通知\n" + _LETTER + "一、统一思想认识\n各单位要高度重视。\n" + _SIGNED +
     "桐溪县健康帮扶方案\n一、重点任务\n（一）开展巡回义诊。每季度下乡一次。\n（二）落实签约服务。\n",
     ["一/（一）", "一/（二）"]),
    # a plan's account of where it stands (第一部分 发展基础: 取得成效, 面临形势) prescribes nothing
    ("关于印发桐溪县乡村卫生规划的通知\n" + _LETTER + _SIGNED + "桐溪县乡村卫生规划\n第一部分　发展基础\n"
     "一、取得成效\n村卫生室全部达标。\n二、面临形势\n村医年龄偏大。\n第二部分　主要任务\n一、完善服务网络\n"
     "（一）建设次中心。在东山镇建设一所次中心。\n",
     ["第二部分/一/（一）"]),
    # a schedule's phases (实施步骤: 动员部署阶段（dates）) are no measures; the work items are
    ("关于开展回头看的通知\n" + _LETTER + "一、工作内容\n（一）逐户排查。核查参保情况。\n二、实施步骤\n"
     "（一）动员部署阶段（2023年5月1日—5月10日）。各单位制定方案。\n（二）总结验收阶段（2023年9月）。形成报告。\n"
     + _SIGNED,
     ["一/（一）"]),
]


@pytest.mark.parametrize("text, expected", NOT_MEASURES, ids=["letter", "status-part", "phases"])
def test_items_that_prescribe_no_work_are_no_measures(text, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    assert [m["path"] for m in parse_source(SourceText("t.txt", text))["measures"]] == expected


@pytest.mark.parametrize(("text", "last_item"), [
    # a joint signature's row of names run together (the normaliser drops the spaces): the last item ends before it
    ("一、总体要求\n到2025年，健康帮扶成果持续巩固。\n二、落实村医待遇。（县财政局、县卫健局负责）\n"
     "中共青梧市委机构编制委员会办公室　　青梧市发展和改革委员会\n青梧市民政局　　青梧市财政局\n2022年5月6日",
     "落实村医待遇。（县财政局、县卫健局负责）"),
    # one name a row (the shape that already worked)
    ("一、总体要求\n到2025年，健康帮扶成果持续巩固。\n二、落实村医待遇。（县财政局负责）\n青梧市卫生健康局\n2022年5月6日",
     "落实村医待遇。（县财政局负责）"),
    # a long sentence naming two bodies with the place repeated is no signature: it stays in the item
    ("一、总体要求\n到2025年，健康帮扶成果持续巩固。\n二、落实村医待遇\n青梧市卫生健康局会同青梧市人力资源和社会保障局制定村医待遇办法",
     "落实村医待遇\n青梧市卫生健康局会同青梧市人力资源和社会保障局制定村医待遇办法"),
])
def test_a_signature_row_of_names_ends_the_last_item(text, last_item):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    assert parse_source(SourceText("sig.txt", text))["measures"][-1]["text"] == last_item


_SEQ_HEAD = "青梧县卫生健康局关于做好健康帮扶工作的通知\n各乡镇卫生院：\n现就有关事项通知如下。\n"


@pytest.mark.parametrize(("body", "expected"), [
    # 1）2） under （一）: each its own item
    ("一、重点任务\n（一）落实分类救治\n1）建立救治台账。县医院负责建档。\n2）规范随访管理。每季度随访1次。",
     ["一", "一/（一）", "一/（一）/1）", "一/（一）/2）"]),
    # 一）二） with a closing bracket alone
    ("一、重点任务\n（一）提升基层能力\n一）开展巡回医疗。每月巡回1次。\n二）加强村医培训。每年培训2次。",
     ["一", "一/（一）", "一/（一）/一）", "一/（一）/二）"]),
    # 第一，第二， an enumeration's paragraphs under a heading
    ("一、工作要求\n第一，加强组织领导。各单位要明确专人。\n第二，强化督导考核。每半年督导一次。",
     ["一", "一/第一", "一/第二"]),
    # 1.1 / 1.2 decimal items, the space after the number dropped by the normaliser
    ("一、指标\n1.1 签约服务。签约率保持在95%以上。\n1.2 慢病随访。每年随访4次。", ["一", "一/1.1", "一/1.2"]),
    # a lone 1） (no 2) beside it) is text: the item keeps it
    ("一、重点任务\n1）建立救治台账。县医院负责建档。", ["一"]),
    # a lone 第一， opens no item either
    ("一、工作要求\n第一，要提高认识。", ["一"]),
    # a number before its unit at a paragraph's start is no 1.1 label, even next to another
    ("一、指标\n1.5倍于上年的培训量。\n1.6倍于上年的随访量。", ["一"]),
    # 1.1 and 1.3 are not next to each other: no sequence
    ("一、指标\n1.1 签约服务。签约率保持在95%以上。\n1.3 慢病随访。每年随访4次。", ["一"]),
    # an item whose text starts with an age, a year or 100%: item 6, 7, 8 after 5 (it was read 6.65岁, a decimal)
    ("一、主要目标\n5.孕妇健康管理率保持九成以上。\n6.65岁以上老人体检率达到七成。\n7.2026年底前村室全部达标。"
     "\n8.100%的行政村有合格村医。", ["一", "一/5", "一/6", "一/7", "一/8"]),
    # a marker inside a sentence is no label (only a paragraph's start is read)
    ("一、重点任务\n落实两项工作：第一，建立台账；第二，规范随访。", ["一"]),
])
def test_rarer_markers_in_a_sequence(body, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    outline = parse_source(SourceText("seq.txt", _SEQ_HEAD + body + "\n青梧县卫生健康局\n2023年3月2日"))["outline"]
    assert [n["path"] for n in outline] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # 一是…（甲）二是…（乙） in one paragraph: each clause its own item with its own unit
    ("一、提升服务能力\n一是推进医共体建设，年内统一管理人员。（责任股室：医政股）二是实施卫生院提标扩能。（责任股室：规划股）",
     [("一/一是", "推进医共体建设，年内统一管理人员。（责任股室：医政股）", ["医政股"]),
      ("一/二是", "实施卫生院提标扩能。（责任股室：规划股）", ["规划股"])]),
    # three clauses, verb-form brackets
    ("一、提升服务能力\n一是建立台账。（县医院负责）二是规范随访。（县卫健局负责）三是做好转诊。（县医保局牵头）",
     [("一/一是", "建立台账。（县医院负责）", ["县医院"]), ("一/二是", "规范随访。（县卫健局负责）", ["县卫健局"]),
      ("一/三是", "做好转诊。（县医保局牵头）", ["县医保局"])]),
    # one bracket after the last clause of the run: meant for all, the run stays one item with it
    ("一、提升服务能力\n一是建立台账。二是规范随访。（责任股室：医政股）",
     [("一/一是", "建立台账。二是规范随访。（责任股室：医政股）", ["医政股"])]),
    # a clause without its own bracket: no cut (whose bracket the first clause falls under is not said)
    ("一、提升服务能力\n一是建立台账。（责任股室：医政股）二是规范随访。三是做好转诊。（责任股室：基层股）",
     [("一/一是", "建立台账。（责任股室：医政股）二是规范随访。三是做好转诊。（责任股室：基层股）", ["医政股", "基层股"])]),
    # a run not numbered in order (二是 missing, a misprint or a lost line): not cut
    ("一、提升服务能力\n一是建立台账。（责任股室：医政股）三是做好转诊。（责任股室：基层股）",
     [("一/一是", "建立台账。（责任股室：医政股）三是做好转诊。（责任股室：基层股）", ["医政股", "基层股"])]),
    # a 二是 inside a clause (not after a sentence's end) cuts nothing
    ("一、提升服务能力\n一是建立台账，其中二是类人员单列。（责任股室：医政股）",
     [("一/一是", "建立台账，其中二是类人员单列。（责任股室：医政股）", ["医政股"])]),
])
def test_clauses_with_their_own_units_are_items(body, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    record = parse_source(SourceText("yishi.txt", _SEQ_HEAD + body + "\n青梧县卫生健康局\n2023年3月2日"))
    got = [(m["path"], m["text"], [u["unit"] for u in m["unit_mentions"]]) for m in record["measures"]]
    assert got == expected


# ---------------------------------------------------------------- the plan a notice issues, printed as its 附件 (probe 4b, #1, #4)

_ISSUING = "梅林县卫生健康局关于印发《梅林县健康帮扶方案》的通知\n各镇卫生院：\n现将《梅林县健康帮扶方案》印发给你们，请认真执行。\n"
_SIGN = "梅林县卫生健康局\n2022年3月1日\n"
_PLAN_ITEMS = "一、工作目标\n到2022年，签约服务率达到90%。\n二、重点任务\n（一）开展巡回义诊。\n"
_TASKS = "序号\t重点任务\t牵头单位\n1\t开展巡回义诊\t县医院\n"
ISSUED_PLAN_ANNEXES = [
    # 附件1 ⏎ the plan's title ⏎ its items: the plan the title issues is the body, its items the notice's own
    (_ISSUING + "附件：1.梅林县健康帮扶方案\n2.任务分解表\n" + _SIGN + "附件1\n梅林县健康帮扶方案\n" + _PLAN_ITEMS,
     ["一", "二", "二/（一）"]),
    # 附件 without a number, the plan's title wrapped over two lines (a PDF's line break)
    (_ISSUING + _SIGN + "附件\n梅林县健康\n帮扶方案\n" + _PLAN_ITEMS, ["一", "二", "二/（一）"]),
    # the plan, then its task table under 附件2: the table stays an annex
    (_ISSUING + _SIGN + "附件1\n梅林县健康帮扶方案\n" + _PLAN_ITEMS + "附件2\n任务分解表\n" + _TASKS,
     ["一", "二", "二/（一）", "附件2"]),
    # the plan's title only in the notice's title, unquoted (关于印发X的通知), no 《》 anywhere
    ("梅林县卫生健康局关于印发梅林县健康帮扶方案的通知\n各镇卫生院：\n现印发给你们。\n" + _SIGN + "附件\n梅林县健康帮扶方案\n"
     + _PLAN_ITEMS, ["一", "二", "二/（一）"]),
    # the letter numbers requests of its own: they are the letter's, the plan's restart at 一 keeps its own paths
    (_ISSUING + "一、提高认识\n各单位要重视。\n二、按时报送\n每月报送。\n" + _SIGN + "附件1\n梅林县健康帮扶方案\n" + _PLAN_ITEMS,
     ["通知/一", "通知/二", "一", "二", "二/（一）"]),
    # an annex the notice does not issue (another title under 附件): an annex, as before
    (_ISSUING + _SIGN + "附件\n梅林县健康帮扶工作指标\n一、签约服务率90%\n", ["附件", "附件/一"]),
    # a draft sent for comments (征求…意见的函) is not issued: its items stay the annex's
    ("关于征求《梅林县健康帮扶方案（征求意见稿）》意见的函\n县医保局：\n现送你们征求意见。\n" + _SIGN
     + "附件\n梅林县健康帮扶方案（征求意见稿）\n" + _PLAN_ITEMS, ["附件", "附件/一", "附件/二", "附件/二/（一）"]),
    # a forwarded document (现将《X》转发给你们) is its sender's, not the notice's own plan
    ("关于转发《某市健康帮扶方案》的通知\n各镇卫生院：\n现将《某市健康帮扶方案》转发给你们。\n" + _SIGN
     + "附件\n某市健康帮扶方案\n" + _PLAN_ITEMS, ["附件", "附件/一", "附件/二", "附件/二/（一）"]),
    # 附件1：重点任务分解表 on one line (a web repost) with the table under it, after the body: an annex heading
    (_ISSUING + _SIGN + "梅林县健康帮扶方案\n" + _PLAN_ITEMS + "附件1：重点任务分解表\n" + _TASKS,
     ["一", "二", "二/（一）", "附件1"]),
    # 附件1：重点任务分解表 ⏎ the table's own title ⏎ the table: the annex heading still
    (_ISSUING + _SIGN + "梅林县健康帮扶方案\n" + _PLAN_ITEMS + "附件1：重点任务分解表\n梅林县2022年健康帮扶重点任务分解表\n"
     + _TASKS, ["一", "二", "二/（一）", "附件1"]),
    # 附件1：梅林县健康帮扶方案 on one line with the plan's items under it: the issued plan, the body
    (_ISSUING + _SIGN + "附件1：梅林县健康帮扶方案\n" + _PLAN_ITEMS, ["一", "二", "二/（一）"]),
    # a title issuing two plans: the second, under 附件2, is the notice's too (its paths as the plan's, twins #2)
    ("关于印发《梅林县健康帮扶方案》和《梅林县签约服务方案》的通知\n各镇卫生院：\n现印发给你们。\n" + _SIGN
     + "附件1\n梅林县健康帮扶方案\n" + _PLAN_ITEMS + "附件2\n梅林县签约服务方案\n一、做实签约。\n",
     ["一", "二", "二/（一）", "一#2"]),
    # the title names the plan without its place, the annex's title with it (关于印发健康帮扶方案的通知 ⏎ 梅林县健康帮扶方案)
    ("关于印发健康帮扶实施方案的通知\n各镇卫生院：\n现印发给你们。\n" + _SIGN + "附件\n梅林县健康帮扶实施方案\n" + _PLAN_ITEMS,
     ["一", "二", "二/（一）"]),
    # the notice's title wrapped over two lines, unquoted (a PDF's lines): the plan is still the one it issues
    ("梅林县卫生健康局关于印发梅林县健康\n帮扶实施方案的通知\n各镇卫生院：\n现印发给你们。\n" + _SIGN + "附件\n梅林县健康帮扶实施方案\n"
     + _PLAN_ITEMS, ["一", "二", "二/（一）"]),
    # the cover letter's reference 附件：重点任务分解表 above the signature is no annex heading
    ("关于做好义诊的通知\n各镇卫生院：\n一、开展巡回义诊。\n附件：重点任务分解表\n" + _SIGN, ["一"]),
]


@pytest.mark.parametrize("text, expected", ISSUED_PLAN_ANNEXES, ids=[f"issued{i}" for i in range(len(ISSUED_PLAN_ANNEXES))])
def test_the_plan_a_notice_issues_is_its_body_even_under_an_annex_line(text, expected):
    assert [n.path for n in build_outline(text)] == expected


def test_the_issued_plan_under_an_annex_line_gives_measures_and_goal_targets():
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    text = _ISSUING + "附件：梅林县健康帮扶方案\n" + _SIGN + "附件\n梅林县健康帮扶方案\n" + _PLAN_ITEMS
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert [m["path"] for m in record["measures"]] == ["二/（一）"]
    assert [(t["path"], t["value"]) for t in record["targets"]] == [("goal", 90)]
    assert record["body_title"] == "梅林县健康帮扶方案"  # the plan's title under 附件 (it was None)


# ---------------------------------------------------------------- a notice page that prints its 解读 below it (probe 4b, #2)

_NOTICE_ITEMS = "各镇人民政府：\n一、资助对象。对特困人员全额资助。\n二、工作要求。县税务局负责征缴。\n梅林县医疗保障局\n2022年7月4日\n"
_JIEDU_ITEMS = "一、出台背景。为确保应保尽保，制定本通知。\n二、主要内容。明确了资助对象。\n三、解读机关：梅林县医疗保障局\n"
INTERPRETATION_AFTER = [
    # 政策解读： on its own line after the signature: the explanation's 一、二、三 are no items of the notice
    (_NOTICE_ITEMS + "政策解读：\n" + _JIEDU_ITEMS, ["一", "二"]),
    # 《X》政策解读 as the explanation's title
    (_NOTICE_ITEMS + "《梅林县医疗保障局关于做好参保资助工作的通知》政策解读\n" + _JIEDU_ITEMS, ["一", "二"]),
    # 关于《X》的解读, in 【】 tags, and 图解：X
    (_NOTICE_ITEMS + "关于《梅林县参保资助通知》的解读\n" + _JIEDU_ITEMS, ["一", "二"]),
    (_NOTICE_ITEMS + "【政策解读】\n" + _JIEDU_ITEMS, ["一", "二"]),
    (_NOTICE_ITEMS + "图解：梅林县参保资助政策\n" + _JIEDU_ITEMS, ["一", "二"]),
    (_NOTICE_ITEMS + "一图读懂｜梅林县参保资助政策\n" + _JIEDU_ITEMS, ["一", "二"]),  # a bar, as WeChat titles print it
    # a page that is only a 解读 (its heading first, no notice above it): its own items stay
    ("《梅林县参保资助通知》政策解读\n" + _JIEDU_ITEMS, ["一", "二", "三"]),
    # 解读 inside an item's sentence is no heading: the item goes on
    ("一、加强宣传。做好政策解读\n二、开展培训。\n", ["一", "二"]),
]


@pytest.mark.parametrize("text, expected", INTERPRETATION_AFTER, ids=[f"jiedu{i}" for i in range(len(INTERPRETATION_AFTER))])
def test_an_interpretation_below_the_notice_adds_no_items(text, expected):
    assert [n.path for n in build_outline(text)] == expected


ANNEX_PARTS = [
    # probe 4b: 附件2-1 / 附件2-2 (an annex in parts, as provincial notices number them): each opens its branch
    ("一、做实签约。\n附件2-1\n任务分解表\n" + _TASKS + "附件2-2\n主要指标\n1.签约服务率\n",
     ["一", "附件2-1", "附件2-2", "附件2-2/1"]),
    ("一、做实签约。\n附件1—2\n任务分解表\n" + _TASKS, ["一", "附件1—2"]),  # a long dash between
    ("一、做实签约。\n附件 3\n任务分解表\n" + _TASKS, ["一", "附件3"]),  # a space after 附件, as before
    ("一、做实签约。\n附件2-1.任务分解表\n", ["一"]),  # 2-1. and a title on the line: no annex line
    # 附件2 and its title run together (附件2　主要指标表, the space dropped) over a table: the annex
    ("一、做实签约。\n附件2主要指标表\n" + _TASKS, ["一", "附件2"]),
    # the same over items, not a table: not read as an annex (a plan's items stay the body's, as before)
    ("一、做实签约。\n附件1梅林县健康帮扶方案\n二、开展义诊。\n", ["一", "二"]),
]


@pytest.mark.parametrize("text, expected", ANNEX_PARTS, ids=[f"part{i}" for i in range(len(ANNEX_PARTS))])
def test_annex_parts_open_their_branches(text, expected):
    assert [n.path for n in build_outline(text)] == expected



def test_dotted_chinese_numerals_and_parenthesised_digits_nest_as_their_kinds():
    # probe 4b: 一. / 二. items with (一) and ⑴ under them: the same tree as 一、/（一）/（1）
    text = "一.工作目标\n签约率达到90%。\n二.重点任务\n（一）做实签约。\n⑴建立台账；\n⑵每月随访。\n（二）开展义诊。\n三．保障措施\n"
    assert [n.path for n in build_outline(text)] == ["一", "二", "二/（一）", "二/（一）/⑴", "二/（一）/⑵", "二/（二）", "三"]



def test_dotted_numerals_and_parenthesised_digits_stand_apart_in_wrapped_text():
    # probe 4b: in a hard-wrapped text (a PDF's lines) 三．保障措施 and ⑴… start paragraphs of their own — the heading
    # was joined to the next line (a unit 保障措施县卫健局 was read) and ⑴ to the item above
    from policydiff.models import NormalisedText, SourceText
    from policydiff.normalise import normalise
    from policydiff.parse import parse_text

    raw = ("关于做好签约服务的通知\n各镇卫生院：\n一.工作目标\n签约服务率保持在95%以上。\n二.重点任务\n"
           "(一)做实签约服务。（责任股室：基层股）\n⑴建立签约台账；\n⑵每季度随访一次。\n三．保障措施\n县卫健局每半年督导一次。\n")
    text = normalise(SourceText(path="n.txt", text=raw)).text
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert [n["path"] for n in record["outline"]] == ["一", "二", "二/（一）", "二/（一）/⑴", "二/（一）/⑵", "三"]
    assert "三．保障措施" in text.splitlines()


@pytest.mark.parametrize("annex_title, glued", [
    ("梅林县健康帮扶工作方案", False),  # probe 4b: a plan under 附件1: its headings stand alone as a body's
    ("梅林县健康帮扶\n工作方案", False),  # its title wrapped over two lines
    ("梅林县重点任务分解表", True),  # a table's annex: a heading-like line still joins the next (a wrapped cell)
])
def test_a_plan_under_an_annex_line_keeps_its_headings_apart(annex_title, glued):
    from policydiff.models import SourceText
    from policydiff.normalise import normalise

    raw = (f"关于印发《梅林县健康帮扶工作方案》的通知\n各镇卫生院：\n现印发给你们。\n梅林县卫生健康局\n2022年4月6日\n附件1\n"
           f"{annex_title}\n一、工作目标\n到2022年底，县域内就诊率达到90%以上。\n三、保障措施\n县卫健局将其纳入考核。\n")
    lines = normalise(SourceText(path="n.txt", text=raw)).text.splitlines()
    assert ("三、保障措施县卫健局将其纳入考核。" in lines) == glued
