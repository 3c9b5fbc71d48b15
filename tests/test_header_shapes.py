"""Header fields of notices as they arrive: saved web pages, damaged text, every header layout.

The synthetic cases (tests/header_cases.py) are invented sentences in the shapes real pages take;
each row there is commented with the shape it covers.
"""

import pytest
from header_cases import CASES, HELD_OUT

from conftest import ALL_IDS
from policydiff.metadata import enclosed_title, extract_metadata, find_title, issuer_names
from policydiff.models import SourceText
from policydiff.normalise import is_page_line, normalise
from policydiff.outline import Paragraph
from policydiff.pagebox import box_date, box_issuers, with_iso_dates
from policydiff.parse import parse_source, parse_text
from policydiff.textutils import find_damaged_doc_numbers, repair_bare_date

SCORED = ["title", "doc_number", "issuers", "issue_date", "addressees", "genre", "body_title"]


def record_of(text: str) -> dict:
    return parse_text(normalise(text))


@pytest.fixture(scope="module")
def synthetic():
    return {name: (record_of(text), expected) for name, text, expected in CASES + HELD_OUT}


ROWS = [(name, key) for name, _, expected in CASES + HELD_OUT for key in SCORED if key in expected]


@pytest.mark.parametrize(("name", "key"), ROWS)
def test_header_field(synthetic, name, key):
    record, expected = synthetic[name]
    assert record[key] == expected[key]


@pytest.mark.parametrize("name", [name for name, _, expected in CASES if "citations" in expected])
def test_repaired_citations(synthetic, name):
    record, expected = synthetic[name]
    assert [c["doc_number"] for c in record["citations"] if c["doc_number"]] == expected["citations"]


@pytest.mark.parametrize("name", [name for name, _, expected in CASES if "citations_titles" in expected])
def test_own_parts_are_not_cited(synthetic, name):
    """A notice's own plan named by a bare genre word (《规划》, 《实施方案》) and its own annex
    (《…指标》（见附件）) are not citations."""
    record, expected = synthetic[name]
    assert [c["title"] for c in record["citations"] if c["title"]] == expected["citations_titles"]


def test_no_self_citation_in_any_notice(synthetic, records):
    """The notice's own 文号, its title and the document it encloses are never citations (a
    document with another 文号 may share a title: Huainan's plan is named as Anhui's, 皖卫发〔2021〕29号)."""
    every = [r for r, _ in synthetic.values()] + [records[doc_id] for doc_id in ALL_IDS]
    for record in every:
        own_titles = {t.replace("的", "") for t in (record["title"], record["body_title"], record["enclosed_title"]) if t}
        for citation in record["citations"]:
            assert not record["doc_number"] or citation["doc_number"] != record["doc_number"]
            if not citation["doc_number"]:
                assert (citation["title"] or "").replace("的", "") not in own_titles


PAGE_FURNITURE_NEVER_A_FIELD = ["首页", "当前位置", "法律资料网", "字体", "来源", "索引号", "发布时间", "浏览", "设为首页", "|"]


def test_page_furniture_is_not_title_issuer_or_addressee(synthetic):
    for record, _ in synthetic.values():
        fields = [record["title"] or "", *record["issuers"], *record["addressees"]]
        for word in PAGE_FURNITURE_NEVER_A_FIELD:
            assert not any(word in field for field in fields), (word, fields)


# (case, normalised key, value as printed) — the information box kept in the record
BOX_VALUES = [
    ("H2", "doc_number", None),  # 文号: empty at the end of a line
    ("H2", "issuer", "鹭洲市卫生健康委员会"),  # two pairs a line
    ("H2", "published_date", "2021-08-16"),
    ("H3", "doc_number", None),  # 文号 followed directly by the next label
    ("H3", "written_date", "2021-11-02"),  # flattened table, no colon
    ("H3", "title", "市人民政府办公室关于印发健康霁州三年行动推进方案的通知"),
    ("H4", "generated_date", "2022-07-19"),  # bullets: label and value on separate lines (生成日期: the entry's date)
    ("H4", "issuer", None),  # 发布机构: empty, the next label follows
    ("H5", "doc_number", "望政发〔2023〕9号"),  # label, blank line, value
    ("H5", "written_date", "2023年05月12日 11:20"),
    ("H6", "written_date", None),  # pipe table: an empty 成文日期 must not take "发布日期:"
    ("H6", "published_date", "2023-04-18"),
    ("H6", "doc_number", "栖卫〔2023〕14号"),
    ("H10", "issuer", "澜川省衛生健康委員會,澜川省醫療保障局"),  # traditional label glued to its value
    ("H10", "doc_number", "澜衛辦基層發〔2021〕18號"),
    ("H14", "doc_number", "2021年第6號"),  # 发布文号 of a 公告
    ("H15", "issuer", "地方性规章/澜川省/澜川省卫生厅（已撤销）"),  # 【label】: law database
    ("H20", "doc_number", "栖政发〔2020〕19号"),  # 文号 : with a space before the colon
    ("T5", "doc_number", "鹭卫〔2022〕8号"),  # 【文　　号】 with padding
]


@pytest.mark.parametrize(("name", "key", "value"), BOX_VALUES)
def test_information_box_in_the_text(synthetic, name, key, value):
    assert synthetic[name][0]["source_metadata"].get(key) == value


@pytest.mark.parametrize(("byline", "expected"), [
    # probe 3 #9: a byline's bare 日期： after 来源: the value of 来源 ends there, the date is the publication date
    ("来源：青梧市卫生健康局　　日期：2022-03-08", {"source": "青梧市卫生健康局", "published_date": "2022-03-08"}),
    # a bare 时间： opening the byline
    ("时间：2022-03-08　来源：青梧市卫生健康局", {"published_date": "2022-03-08", "source": "青梧市卫生健康局"}),
    # 发布时间 stays one label (its 时间 is no bare label of its own)
    ("作者：市卫健局　发布时间：2022年3月8日", {"published_date": "2022年3月8日"}),
])
def test_byline_dates_under_a_title(byline, expected):
    text = f"青梧市卫生健康局关于做好签约服务的通知\n{byline}\n各镇卫生院：\n现将有关事项通知如下。\n一、做实签约服务。\n"
    box = parse_source(SourceText(path="x.txt", text=text, source_format="txt"))["source_metadata"]
    assert {k: v for k, v in box.items() if not k.endswith("_iso")} == expected


@pytest.mark.parametrize("label", ["颁布时间", "頒布時間", "颁布日期"])
def test_a_promulgation_date_in_the_box_gives_the_issue_date(label):
    # an encyclopedia-style copy: a bulleted box, then the plan itself with no signature or date
    text = (f"青梧市人民政府关于印发健康青梧行动实施方案的通知\n基本介绍\n  • {label}:2021年4月6日\n"
            "  • 发布单位:青梧市人民政府\n  • 发文字号:梧府发〔2021〕7号\n全文\n"
            "为深入推进健康青梧建设，制定本方案。\n一、总体要求\n（一）指导思想。坚持预防为主。\n")
    record = parse_source(SourceText(path="x.txt", text=text, source_format="txt"))
    assert record["source_metadata"]["written_date"] == "2021年4月6日"
    assert record["issue_date"] == "2021-04-06"


@pytest.mark.parametrize(("box_issuer", "expected"), [
    ("区政府", ["青梧市桐溪区人民政府"]),  # the box's short form: the title's full name
    ("桐溪区人民政府", ["青梧市桐溪区人民政府"]),  # the same body without its city
    ("区卫生健康委", ["区卫生健康委"]),  # another body: the box's word stands
])
def test_a_short_box_issuer_gives_way_to_the_full_name_in_the_title(box_issuer, expected):
    # a district government's page: a box table, then the plan with no title of its own and no signature
    text = (f"索 引 号: | WA0000001-2021-002 | 主题分类: | 区府办文件 |\n发布机构: | {box_issuer} | 发文日期: | 2021-12-09 |\n"
            "名 称: | 青梧市桐溪区人民政府关于深入推进爱国卫生运动的实施方案 | ||\n文 号: | 桐府发〔2021〕34号 | 公开类型: | 主动公开 |\n"
            "各镇人民政府,区政府各委、办、局:\n为弘扬爱国卫生运动优良传统,制定本实施方案。\n一、指导思想\n坚持预防为主。\n")
    record = parse_source(SourceText(path="x.txt", text=text, source_format="txt"))
    assert record["issuers"] == expected


def test_box_fills_what_the_article_lacks_and_says_so(synthetic):
    record = synthetic["H6"][0]  # the article prints neither title nor 文号
    assert record["filled_from_source_metadata"] == ["title", "doc_number", "issuers"]
    assert any("taken from the page's information box" in w for w in record["warnings"])


def test_box_disagreeing_with_the_article_is_flagged(synthetic):
    record = synthetic["T5"][0]
    assert record["doc_number"] == "鹭卫〔2022〕9号"  # the article wins
    assert record["field_conflicts"] == [{"field": "doc_number", "article": "鹭卫〔2022〕9号", "page": "鹭卫〔2022〕8号"}]
    assert any("differs" in w for w in record["warnings"])


def test_reader_box_comes_first_then_the_box_in_the_text():
    text = "索引号:0001/2022-9\n文号:鹭卫〔2022〕8号\n鹭洲市卫生健康局关于开展督导的通知\n各县（区）卫生健康局：\n请按时报送。\n"
    source = SourceText(path="x.html", text=text, source_format="html",
                        source_metadata={"doc_number": "鹭卫〔2022〕7号", "title": "鹭洲市卫生健康局关于开展督导的通知"})
    record = parse_source(source)
    assert record["source_metadata"]["doc_number"] == "鹭卫〔2022〕7号"
    assert record["source_metadata"]["index_no"] == "0001/2022-9"
    assert record["doc_number"] == "鹭卫〔2022〕7号"  # the article prints none: filled from the box


# (case, kind, raw, repaired) — damaged text repaired and recorded
REPAIRS = [
    ("H18", "missing_open_bracket", "国发2019〕13号", "国发〔2019〕13号"),
    ("H18", "missing_close_bracket", "澜府办发〔201930号", "澜府办发〔2019〕30号"),
    ("T4", "missing_close_bracket", "梧政复〔202312号", "梧政复〔2023〕12号"),  # the notice's own 文号
    ("H7", "brackets", "沙卫发[2005]31号", "沙卫发〔2005〕31号"),
    ("H3", "date_without_separators", "20211102", "2021-11-02"),
]


@pytest.mark.parametrize(("name", "kind", "raw", "repaired"), REPAIRS)
def test_repairs_are_recorded_with_a_warning(synthetic, name, kind, raw, repaired):
    record = synthetic[name][0]
    repair = next(r for r in record["repairs"] if r["kind"] == kind and r["raw"] == raw)
    assert repair["repaired"] == repaired
    if kind != "date_without_separators":
        assert record["text"][repair["span"][0]:repair["span"][1]] == repaired
    assert any(raw in w for w in record["warnings"])


def test_ambiguous_date_is_left_with_a_warning(synthetic):
    record = synthetic["H18"][0]  # 2021106: 10月6日 or 1月06日
    assert record["issue_date"] is None
    assert any("2021106" in w and "more than one reading" in w for w in record["warnings"])


# (text, expected) — damaged 文号 found in running text
DAMAGED_NUMBERS = [
    ("（某府办发〔201827号）", [("missing_close_bracket", "〔2018〕27号")]),
    ("按照国办发2020〕8号要求", [("missing_open_bracket", "〔2020〕8号")]),
    ("皖卫发〔2019215，", [("missing_close_bracket_and_hao", "〔2019〕215号")]),  # 〕 and 号 lost
    ("某政辦字2019188號", [("missing_brackets", "〔2019〕188号")]),  # every bracket lost
    ("桐卫健发2022 45号各乡镇卫生院", [("missing_brackets", "〔2022〕45号")]),  # a space for the brackets
    ("沙卫发【2005】31号", [("brackets", "〔2005〕31号")]),
    ("桐卫健发﹝2021﹞12号", [("brackets", "〔2021〕12号")]),  # small-form brackets of a web page
    ("依照梧卫发〖2020〗7号", [("brackets", "〔2020〕7号")]),  # white lenticular brackets
    ("桐卫健发﹝202112号", [("missing_close_bracket", "〔2021〕12号")]),  # small-form bracket, its close lost
    ("神卫健发〔2021〕64号", []),  # intact
    ("（2021—2025年）", []),  # a period, not a 文号
    ("到2025年底，覆盖率达到90%", []),
]


@pytest.mark.parametrize(("text", "expected"), DAMAGED_NUMBERS)
def test_damaged_doc_numbers(text, expected):
    assert [(kind, repaired) for kind, _, _, repaired in find_damaged_doc_numbers(text)] == expected


@pytest.mark.parametrize(("digits", "iso"), [
    ("20211102", "2021-11-02"),  # eight digits: one reading
    ("2019815", "2019-08-15"),  # 81 is no month
    ("2020927", "2020-09-27"),
    ("2021126", None),  # 1月26日 or 12月6日
    ("2021106", None),  # 10月6日 or 1月06日
    ("2021132", None),  # 1月32日 and 13月2日 are no dates
])
def test_bare_dates(digits, iso):
    assert repair_bare_date(digits) == iso


# (line, page furniture?) — lines of a saved page that are not the notice
PAGE_LINES = [
    ("当前位置:首页", True),  # breadcrumb label
    (">政务公开>通知公告>本委文件", True),  # breadcrumb continued on the next line
    ("您的位置:首页»法律资料网»法律法规»", True),
    ("首页>要闻", True),  # breadcrumb with no label
    ("设为首页|", True),
    ("适老版-新", True),
    ("无障碍浏览", True),
    ("打印本页 关闭窗口", True),
    ("【字体：大 中 小】", True),
    ("分享:", True),
    ("扫描二维码分享好友和朋友圈", True),
    ("中国政府网", True),  # a site name
    ("发布时间:2020-10-21 16:21 来源:某市卫生健康委员会 浏览次数:", True),  # news byline
    ("2019-05-28  来源:某某日报", True),
    ("（资料图）", True),
    ("（责编：某某）", True),
    ("索引号:11341900/202108-00031 组配分类:通知公告", True),  # information box
    ("【文　　号】澜卫发〔2021〕3号", True),
    ("發文機關澜川省衛生健康委員會", True),
    ("（此件公开发布）", True),
    ("各县（区）卫生健康局，市直各单位：", False),  # addressees
    ("澜川省卫生健康委员会关于印发方案的通知", False),  # a title
    ("青梧市卫生健康委员会", False),  # a signature
    ("一、总体要求", False),
    ("来源于群众的意见要认真研究。", False),  # 来源 in a sentence
    ("中华人民共和国国务院公报", True),  # gazette masthead
    ("（总号：1788）", True),
    ("ZHONGHUA RENMIN GONGHEGUO GUOWUYUAN GONGBAO", True),
]


@pytest.mark.parametrize(("line", "furniture"), PAGE_LINES)
def test_page_lines(line, furniture):
    assert is_page_line(line) == furniture


# (line, names) — signature and header lines
ISSUER_LINES = [
    ("青梧市卫生健康委员会", ["青梧市卫生健康委员会"]),  # one a line
    ("澜川省卫生健康委员会 澜川省发展和改革委员会", ["澜川省卫生健康委员会", "澜川省发展和改革委员会"]),  # separated by a space
    ("省卫生健康委员会        省财政厅        省医疗保障局", ["省卫生健康委员会", "省财政厅", "省医疗保障局"]),  # columns
    ("湖南省医疗保障局湖南省财政厅", ["湖南省医疗保障局", "湖南省财政厅"]),  # run together
    ("省卫生健康委员会省财政厅省医疗保障局", ["省卫生健康委员会", "省财政厅", "省医疗保障局"]),
    ("中共澜川省委组织部澜川省财政厅", ["中共澜川省委组织部", "澜川省财政厅"]),  # 中共 is no split point
    ("中共神木市委机构编制委员会办公室", ["中共神木市委机构编制委员会办公室"]),
    ("青梧市财政局（代章）", ["青梧市财政局"]),  # 代章 dropped
    ("青梧市财政局(代章)", ["青梧市财政局"]),
    ("青梧市卫生健康委员会（印章）青梧市财政局（盖章）", ["青梧市卫生健康委员会", "青梧市财政局"]),  # probe 3: seal places
    ("青梧市财政局[公章]", ["青梧市财政局"]),
    ("广西壮族自治区人力资源和社会保障厅", ["广西壮族自治区人力资源和社会保障厅"]),
    ("淮南市人力资源和社会保障局", ["淮南市人力资源和社会保障局"]),
    # national short names apart by spaces (the normaliser drops the spaces): one issuer each
    ("国家卫生健康委 国家医保局 国家乡村振兴局", ["国家卫生健康委", "国家医保局", "国家乡村振兴局"]),
    ("国家卫生健康委    国家发展改革委", ["国家卫生健康委", "国家发展改革委"]),  # a paired signature line
    ("民政部    财政部", ["民政部", "财政部"]),  # two ministries, no 国家 between them
    ("人力资源社会保障部 农业农村部 国家中医药局", ["人力资源社会保障部", "农业农村部", "国家中医药局"]),
    ("中共中央办公厅 国务院办公厅", ["中共中央办公厅", "国务院办公厅"]),
    # provincial and county short names apart by spaces
    ("省卫生健康委 省医保局 省民政厅", ["省卫生健康委", "省医保局", "省民政厅"]),
    ("县卫健局 县医保局", ["县卫健局", "县医保局"]),  # eight characters run together
    ("中共青梧县委 青梧县人民政府", ["中共青梧县委", "青梧县人民政府"]),
    # one body whose name holds another's first word is not cut
    ("国家卫生健康委办公厅", ["国家卫生健康委办公厅"]),
    ("国务院国有资产监督管理委员会", ["国务院国有资产监督管理委员会"]),
    ("青梧市市场监督管理局", ["青梧市市场监督管理局"]),  # 市场 is no level word
    ("请认真贯彻执行。", None),  # a sentence
    ("2021年8月26日", None),  # a date
    ("联系人:孙某某", None),
]


@pytest.mark.parametrize(("line", "names"), ISSUER_LINES)
def test_issuer_names(line, names):
    assert issuer_names(normalise(line).text) == names


# (title line, genre) — every common genre is read as a title
GENRE_TITLES = [
    ("澜川省卫生健康委员会关于做好健康帮扶工作的通知", "通知"),
    ("桐溪县人民政府关于巩固健康扶贫成果的实施意见", "意见"),
    ("青梧市人民政府关于表彰先进集体的决定", "决定"),
    ("澜川省人民政府关于同意设立青梧市医疗中心的批复", "批复"),
    ("澜川省卫生健康委员会关于商请支持基层卫生工作的函", "函"),
    ("澜川省卫生健康委员会关于同意设置急救分站的复函", "复函"),
    ("省卫生健康委关于省政协第2208号提案的答复", "答复"),
    ("青梧市卫生健康委关于上半年健康帮扶工作情况的通报", "通报"),
    ("临枫县人民政府关于调整门诊时间的通告", "通告"),
    ("国家某某委员会关于某某等9种新食品原料的公告", "公告"),
    ("澜川省卫生健康委员会关于乡村医生管理的规定", "规定"),
    ("澜川省医疗保障局关于印发医疗救助办法的通知", "通知"),
    ("青梧市医疗救助管理办法", "办法"),  # no 关于: a standalone regulation
    ("澜川省医疗救助实施细则", "细则"),
    ("桐溪县家庭医生签约服务工作方案", "方案"),
    ("青梧市卫生健康事业发展规划", "规划"),
    ("鹭洲市2023年卫生健康工作要点", "要点"),
    ("澜川省卫生健康委员会主任办公会议纪要", "纪要"),
    ("國家某某委員會關於某某新食品原料的公告（2021年第6號）", "公告"),  # traditional, numbered
]


@pytest.mark.parametrize(("line", "genre"), GENRE_TITLES)
def test_genres(line, genre):
    title = find_title([Paragraph(line, 0)])
    assert title is not None and title.genre == genre


@pytest.mark.parametrize(("title", "enclosed"), [
    ("关于印发《2022年工作要点》的通知", "2022年工作要点"),
    ("青梧市卫生健康委关于印发2022年全市健康帮扶工作要点的通知", "2022年全市健康帮扶工作要点"),
    ("关于转发《澜川省医疗救助办法》的通知", "澜川省医疗救助办法"),
    ("关于进一步做好精准健康扶贫工作的通知", None),  # encloses nothing
])
def test_enclosed_title(title, enclosed):
    assert enclosed_title(title) == enclosed


@pytest.mark.parametrize(("value", "iso"), [
    ("2021-06-30", "2021-06-30"),
    ("2021年6月30日", "2021-06-30"),
    ("1998/04/01", "1998-04-01"),
    ("2023年05月12日 11:20", None),  # a time of day: when the page was published
    ("", None),
])
def test_box_dates(value, iso):
    assert box_date(value) == iso


@pytest.mark.parametrize(("box", "isos"), [
    # xxgk box: 成文日期 with 年月日 and a zero-padded month, 发布日期 with a time of day
    ({"written_date": "2021年06月30日", "published_date": "2021-07-02 09:15:33"},
     {"written_date_iso": "2021-06-30", "published_date_iso": "2021-07-02T09:15"}),
    # law database: 施行日期 in Chinese numerals, slashes in 发布日期
    ({"effective_date": "二〇二一年七月一日", "published_date": "2021/6/30"},
     {"effective_date_iso": "2021-07-01", "published_date_iso": "2021-06-30"}),
    # a date field that holds no date, and fields that are not dates: no ISO form
    ({"written_date": "暂无", "index_no": "0001/2021-06-30", "validity": "现行有效"}, {}),
])
def test_box_dates_get_an_iso_form_beside_the_printed_one(box, isos):
    assert with_iso_dates(box) == {**box, **isos}


@pytest.mark.parametrize(("written", "conflict"), [
    ("2021年6月30日", None),  # the article's date printed otherwise in the box: the same date, no conflict
    ("2021年07月01日", "2021-07-01"),  # another day: a conflict, the page's side in ISO form
    ("2021-06-30 10:20", None),  # a time of day: a publishing time, not compared with the signing date
])
def test_the_box_date_is_compared_with_the_article_in_iso_form(written, conflict):
    text = "澜卫发〔2021〕3号\n关于做好健康帮扶工作的通知\n各市卫生健康委：\n请认真落实。\n澜川省卫生健康委员会\n2021年6月30日\n"
    record = parse_source(SourceText(path="x.html", text=text, source_metadata={"written_date": written}))
    assert record["issue_date"] == "2021-06-30"
    conflicts = [c for c in record["field_conflicts"] if c["field"] == "issue_date"]
    assert conflicts == ([{"field": "issue_date", "article": "2021-06-30", "page": conflict}] if conflict else [])
    assert record["source_metadata"]["written_date"] == written  # as printed, beside its ISO form


# (box line in the text, the article's signature, expected issue_date, conflicts) — a portal's 生成日期 is when the
# entry was made: it fills an undated notice (flagged), never contradicts a signing date
GENERATED_DATES = [
    ("生成日期：2022-02-21", "澜川省卫生健康委员会\n2022年2月18日\n", "2022-02-18", []),  # signed earlier: no conflict
    ("生成日期：2022-02-21", "", "2022-02-21", []),  # no signing date: filled from the box
    ("成文日期：2022-02-21", "澜川省卫生健康委员会\n2022年2月18日\n", "2022-02-18", ["issue_date"]),  # 成文日期 is
]


@pytest.mark.parametrize(("box_line", "signature", "issued", "conflicts"), GENERATED_DATES)
def test_a_portal_entry_date_is_no_signing_date(box_line, signature, issued, conflicts):
    text = f"索引号：0001/2022-3\n{box_line}\n关于做好健康帮扶工作的通知\n各市卫生健康委：\n请认真落实。\n{signature}"
    record = record_of(text)
    assert record["issue_date"] == issued
    assert [c["field"] for c in record["field_conflicts"]] == conflicts
    if not signature:
        assert any("生成日期" in w for w in record["warnings"])  # the reader is told where the date came from


# (box issuer line, the article's signature) — the box names the same bodies: no conflict
SAME_ISSUERS = [
    # two full names apart by a space in the box (run together after normalising), short names signed
    ("发布机构：澜川省卫生健康委员会办公厅 澜川省医疗保障局办公室", "澜川省卫健委办公厅 澜川省医保局办公室"),
    # national bodies: full names in the box, short ones in the signature
    ("发布机构：国家卫生健康委员会办公厅 国家医疗保障局办公室", "国家卫生健康委办公厅 国家医保局办公室"),
    # one body, its name with 人民政府 in the box and 政府 in the signature
    ("发布机构：桐溪县人民政府办公室", "桐溪县政府办公室"),
]


@pytest.mark.parametrize(("box_line", "signature"), SAME_ISSUERS)
def test_the_same_issuers_named_in_short_and_full_forms_do_not_conflict(box_line, signature):
    text = f"索引号：0001/2022-3\n{box_line}\n关于做好健康帮扶工作的通知\n各市卫生健康委：\n请认真落实。\n{signature}\n2022年2月18日\n"
    record = record_of(text)
    assert record["field_conflicts"] == []


def test_box_issuers_run_together_are_split():
    text = "发布机构：澜川省卫生健康委员会 澜川省医疗保障局\n关于做好健康帮扶工作的通知\n各市卫生健康委：\n请认真落实。\n"
    record = record_of(text)
    assert record["issuers"] == ["澜川省卫生健康委员会", "澜川省医疗保障局"]  # filled from the box, one each


@pytest.mark.parametrize(("value", "issuers"), [
    ("澜川省衛生健康委員會,澜川省醫療保障局", ["澜川省衛生健康委員會", "澜川省醫療保障局"]),  # a list
    ("地方性规章/澜川省/澜川省卫生厅(已撤销)", ["澜川省卫生厅"]),  # law database path
    ("县政府网站", []),  # a web site is no issuer
])
def test_box_issuers(value, issuers):
    assert box_issuers(value) == issuers


def test_title_counting_its_issuers_checks_them():
    text = ("澜川省卫生健康委员会等3部门关于做好健康帮扶工作的通知\n各市（州）卫生健康委：\n请认真落实。\n"
            "澜川省卫生健康委员会 澜川省财政厅\n2021年8月1日\n")
    record = record_of(text)
    assert "the title names 3 issuing bodies (等3部门), 2 found" in record["warnings"]


_LETTER = "各镇卫生院：\n现将有关事项通知如下。\n一、做实家庭医生签约服务。\n"

# (notice, expected header fields) — signing dates and identity in the less common shapes (probe findings 17)
DATE_SHAPES = [
    # a dotted signing date under the issuer's name, the plan's title right after it (not joined to it)
    ("桐溪县卫生健康局\n桐卫发〔2021〕40号\n关于印发桐溪县基层卫生发展规划的通知\n" + _LETTER
     + "桐溪县卫生健康局\n2021.12.20\n桐溪县基层卫生发展规划\n一、发展目标\n",
     {"issue_date": "2021-12-20", "issuers": ["桐溪县卫生健康局"], "date_bound": None,
      "body_title": "桐溪县基层卫生发展规划"}),
    # dashed and slashed signing dates
    ("关于做好签约服务的通知\n" + _LETTER + "桐溪县卫生健康局\n2021-12-20\n", {"issue_date": "2021-12-20"}),
    ("关于做好签约服务的通知\n" + _LETTER + "桐溪县卫生健康局\n2021/12/20\n", {"issue_date": "2021-12-20"}),
    # a dotted date glued after the issuer's name on its line
    ("关于做好签约服务的通知\n" + _LETTER + "桐溪县卫生健康局 2021.12.20\n",
     {"issue_date": "2021-12-20", "issuers": ["桐溪县卫生健康局"]}),
    # a 年月日 signing date wins over a dotted date elsewhere (a page's bare publishing date above the notice)
    ("青梧市卫生健康委员会\n2022.03.09\n关于做好签约服务的通知\n" + _LETTER + "青梧市卫生健康委员会\n2022年3月8日\n",
     {"issue_date": "2022-03-08"}),
    # a dotted figure that is no date line: a deadline cell, not under an issuer's name
    ("关于做好签约服务的通知\n" + _LETTER + "完成时限\n2022.06.30\n", {"issue_date": None}),
    # a plan with its issuer and a month-only date under the title: issuer, and the month as a bound
    ("桐溪县健康乡村建设工作方案\n桐溪县卫生健康局\n2022年3月\n为推进健康乡村建设，制定本方案。\n一、工作目标\n",
     {"issuers": ["桐溪县卫生健康局"], "issue_date": None,
      "date_bound": {"years": [2022, 2022], "month": "2022-03", "text": "2022年3月", "span": [23, 30],
                     "flag": "printed to the month only, no day"}}),
    # the month in Chinese numerals
    ("桐溪县健康乡村建设工作方案\n桐溪县卫生健康局\n二〇二二年三月\n为推进健康乡村建设，制定本方案。\n",
     {"issuers": ["桐溪县卫生健康局"], "issue_date": None}),
    # a month-only line in a task card (under 完成时限, not an issuer): no date
    ("关于做好签约服务的通知\n" + _LETTER + "责任单位\n县卫健局\n完成时限\n2022年6月\n",
     {"issue_date": None}),
    # a published rule's note under its title: date, issuer and 文号, and its own 文号 is no citation
    ("桐溪县乡村医生管理办法\n（2022年6月10日桐溪县卫生健康局发布　桐卫发〔2022〕29号）\n第一章　总则\n"
     "第一条　为加强乡村医生管理，根据《乡村医生从业管理条例》，制定本办法。\n",
     {"doc_number": "桐卫发〔2022〕29号", "issue_date": "2022-06-10", "issuers": ["桐溪县卫生健康局"],
      "citation_numbers": []}),
    # the note with the date only, and with the issuer first
    ("桐溪县乡村医生管理办法\n（2022年6月10日印发）\n第一条　为加强乡村医生管理，制定本办法。\n",
     {"doc_number": None, "issue_date": "2022-06-10"}),
    ("桐溪县乡村医生管理办法\n（桐溪县人民政府2022年6月10日公布）\n第一条　为加强乡村医生管理，制定本办法。\n",
     {"issue_date": "2022-06-10", "issuers": ["桐溪县人民政府"]}),
    # an effective date under the title is no signing date
    ("桐溪县乡村医生管理办法\n（2022年6月10日起施行）\n第一条　为加强乡村医生管理，制定本办法。\n", {"issue_date": None}),
]


@pytest.mark.parametrize(("text", "expected"), DATE_SHAPES, ids=[f"d{i}" for i in range(len(DATE_SHAPES))])
def test_signing_date_shapes(text, expected):
    record = record_of(text)
    record["citation_numbers"] = [c["doc_number"] for c in record["citations"] if c["doc_number"]]
    assert {key: record[key] for key in expected} == expected


# (addressee line, addressees) — a series of places sharing one body is one addressee as printed; a body word after
# a body of the same places gets its places (probe finding 25)
ADDRESSEE_LINES = [
    ("各省、自治区、直辖市卫生健康委：", ["各省、自治区、直辖市卫生健康委"]),
    ("各省、自治区、直辖市及新疆生产建设兵团卫生健康委、医保局：",
     ["各省、自治区、直辖市及新疆生产建设兵团卫生健康委", "医保局"]),  # the series, then the next body
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
     ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
    ("各市、县（市、区）人民政府，省政府各部门：", ["各市、县（市、区）人民政府", "省政府各部门"]),
    ("各镇党委、政府，县委各部门，县级国家机关各部门：", ["各镇党委", "各镇政府", "县委各部门", "县级国家机关各部门"]),
    ("各乡镇党委、人民政府：", ["各乡镇党委", "各乡镇人民政府"]),
    # no series: bodies listed one by one stay apart
    ("各县（区）卫生健康局，委属各单位：", ["各县（区）卫生健康局", "委属各单位"]),
    ("各市州卫生健康委、医保局、乡村振兴局：", ["各市州卫生健康委", "医保局", "乡村振兴局"]),
]


@pytest.mark.parametrize(("line", "expected"), ADDRESSEE_LINES)
def test_addressee_groups(line, expected):
    record = record_of(f"桐卫发〔2022〕1号\n关于做好健康帮扶工作的通知\n{line}\n请认真落实。\n")
    assert record["addressees"] == expected


def test_a_page_number_is_not_part_of_the_body_title():
    text = ("桐溪县卫生健康局\n桐卫发〔2021〕53号\n关于印发健康帮扶方案的通知\n各镇卫生院：\n现将方案印发给你们。\n"
            "桐溪县卫生健康局\n2021年8月26日\n— 1 —\n桐溪县健康帮扶实施方案\n一、主要措施\n")
    assert record_of(text)["body_title"] == "桐溪县健康帮扶实施方案"


def test_a_signature_that_leaves_bodies_out_says_so():
    # probe 3: （其他部门略） under the printed signers: the issuers are those printed, and a warning says others were left out
    record = extract_metadata("关于做好健康帮扶工作的通知\n各有关单位：\n请认真抓好落实。\n澜川省卫生健康委员会\n（其他部门略）\n"
                              "2021年8月2日\n")
    assert record["issuers"] == ["澜川省卫生健康委员会"]
    assert any(w.startswith("the signature leaves bodies out (（其他部门略）") for w in record["warnings"])


@pytest.mark.parametrize(("signature", "issuers", "warning"), [
    # probe 3 #12: a header line naming the lead body and counting the rest (某省卫生健康委员会等12部门) above the
    # title; the repost prints no signature: the lead body is the issuer, and the count is checked aloud
    ("", ["澜川省卫生健康委员会"], "the line above the title names 3 issuing bodies (等3部门), 1 found"),
    # the signature prints all three: they are the issuers, nothing to say
    ("澜川省卫生健康委员会　澜川省财政厅\n澜川省医疗保障局\n2021年8月2日\n",
     ["澜川省卫生健康委员会", "澜川省财政厅", "澜川省医疗保障局"], None),
])
def test_a_header_line_counting_the_issuers(signature, issuers, warning):
    text = ("澜卫发〔2021〕3号\n澜川省卫生健康委员会等3部门\n关于印发《澜川省健康帮扶实施方案》的通知\n各市州卫生健康委：\n"
            "现将方案印发给你们。\n" + signature)
    record = extract_metadata(text)
    assert record["issuers"] == issuers
    assert (warning in record["warnings"]) if warning else not any("issuing bodies" in w for w in record["warnings"])
