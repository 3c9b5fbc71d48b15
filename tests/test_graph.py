"""Citation and responsibility graphs, canonical units, and their exports."""

import urllib.parse
from itertools import pairwise

import networkx as nx
import pytest

from conftest import ALL_IDS, GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.canonical import Context, canonical_unit
from policydiff.graph import bare_title, citation_graph, export, resolve_citation, responsibility_graph


@pytest.fixture(scope="module")
def citations(records):
    from policydiff.compare.frame import FRAME_PATH, load_frame

    return citation_graph(list(records.values()), load_frame(FRAME_PATH)["national"])


@pytest.mark.parametrize("source, target, level", [
    (SHENMU, "榆政卫健发〔2021〕190号", "prefecture"),  # county → prefecture (stub)
    (GUANGXI, "国卫扶贫发〔2021〕6号", "national"),  # province → national (stub)
    (HUAINAN, "皖卫发〔2021〕29号", "provincial"),  # prefecture → province (stub)
])
def test_the_chain_down_the_ladder_is_visible(records, citations, source, target, level):
    key = records[source]["doc_number"]
    assert citations.has_edge(key, target)
    edge = citations.edges[key, target]
    assert edge["implements"] is True and edge["verb"] == "贯彻落实"
    assert citations.nodes[target]["stub"] is True and citations.nodes[target]["level"] == level


def test_one_node_per_document(records, citations):
    corpus_nodes = [n for n, d in citations.nodes(data=True) if d["in_corpus"]]
    assert sorted(citations.nodes[n]["doc_id"] for n in corpus_nodes) == sorted(ALL_IDS)
    # the provincial notice Lianyungang re-issues has the same title, another number: another node
    assert citations.has_edge("连卫财务〔2018〕44号", "苏卫财务〔2018〕44号")


def test_citations_to_corpus_documents_resolve_by_number_then_title(records):
    corpus = list(records.values())
    assert resolve_citation({"doc_number": "淮卫办〔2022〕7号", "title": None}, corpus) == HUAINAN
    by_title = {"doc_number": None, "title": "关于印发〈广西巩固拓展健康扶贫成果同乡村振兴有效衔接的实施方案〉的通知"}
    assert resolve_citation(by_title, corpus) == GUANGXI
    assert bare_title("《关于印发〈榆林市实施方案〉的通知》") == "榆林市实施方案"


def test_responsibility_graph_edges(records):
    graph = responsibility_graph(list(records.values()))
    measure = f"measure:{SHENMU}:二/（二）"
    leads = [u for u, _, d in graph.in_edges(measure, data=True) if d["role"] == "lead"]
    assert [graph.nodes[u]["label"] for u in leads] == ["神木市卫生健康局公卫科"]
    assert graph.nodes[leads[0]]["parent"] == "神木市卫生健康局"
    row = f"measure:{LIANYUNGANG}:一/（三）"
    assert {d["source"] for _, _, d in graph.in_edges(row, data=True)} == {"task_table"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_reload_with_the_same_nodes_edges_and_attributes(records, citations, tmp_path, fmt):
    path = export(citations, tmp_path / f"c.{fmt}", fmt)
    loaded = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(loaded.nodes) == set(citations.nodes)
    assert set(loaded.edges) == set(citations.edges)
    node = "国卫扶贫发〔2021〕6号"
    assert loaded.nodes[node]["level"] == "national" and loaded.nodes[node]["stub"] in (True, "true")
    edge = loaded.edges["神卫健发〔2021〕64号", "榆政卫健发〔2021〕190号"]
    assert edge["verb"] == "贯彻落实" and int(edge["span_start"]) > 0


def test_pictures_are_written(records, citations, tmp_path):
    pytest.importorskip("matplotlib", reason="the pictures extra: pip install -e '.[pictures]'")
    from policydiff.report.pictures import write_picture

    assert write_picture(citations, tmp_path / "c.png", "5 notices").stat().st_size > 10_000
    assert write_picture(citations, tmp_path / "c.svg", "5 notices", lang="zh").read_text().count("<svg") == 1
    with pytest.raises(ValueError):  # pictures are drawn by report.pictures, not exported by graph
        export(citations, tmp_path / "c.png", "png")


# ------------------------------------------------------------------ the ladder


@pytest.fixture(scope="module", params=["estimated", "measured"])
def ladder(request, citations):
    from policydiff.report.graph_html import estimated_width
    from policydiff.report.ladder import ladder_layout

    if request.param == "estimated":  # the HTML page's widths
        return ladder_layout(citations, estimated_width)
    pytest.importorskip("matplotlib")
    from policydiff.report.pictures import _font, text_width

    return ladder_layout(citations, text_width(_font(9)))  # the PNG's widths, measured


@pytest.mark.parametrize("node, level", [
    ("国卫扶贫发〔2021〕6号", "national"),  # 国卫: the national opinion, on top (it sat on the provincial row)
    ("中农组发〔2021〕7号", "national"),  # 中…: a central body
    ("桂发〔2021〕6号", "provincial"),  # 桂
    ("皖卫发〔2021〕29号", "provincial"),  # 皖
    ("苏卫财务〔2018〕44号", "provincial"),  # 苏
    ("榆政卫健发〔2021〕190号", "prefecture"),  # 榆
    ("淮发〔2021〕12号", "prefecture"),  # 淮
    ("汴卫〔2021〕55号", "prefecture"),  # 汴
    ("神发〔2021〕19号", "county"),  # 神
    ("神卫健发〔2021〕64号", "county"),  # the county notice itself (in the corpus, not inferred)
])
def test_each_document_sits_on_the_row_its_issuer_implies(ladder, citations, node, level):
    box = ladder.boxes[node]
    assert box.level == level and ladder.rows[box.row] == level
    assert box.inferred == bool(citations.nodes[node]["stub"])


def _crosses(segment, box, margin=1e-6) -> bool:
    """Whether an axis-parallel segment enters the inside of a box."""
    from policydiff.report.ladder import BOX_HEIGHT

    (x1, y1), (x2, y2) = segment
    left, right = box.x - box.width / 2 + margin, box.x + box.width / 2 - margin
    top, bottom = box.y - BOX_HEIGHT / 2 + margin, box.y + BOX_HEIGHT / 2 - margin
    return min(x1, x2) < right and max(x1, x2) > left and min(y1, y2) < bottom and max(y1, y2) > top


def test_edges_never_run_through_a_box(ladder):
    # Shenmu's three citations of county stubs used to read as a chain through its neighbours
    for edge, points in ladder.routes.items():
        for segment in pairwise(points):
            assert segment[0][0] == segment[1][0] or segment[0][1] == segment[1][1], (edge, "not orthogonal")
            hit = [b.node for b in ladder.boxes.values() if _crosses(segment, b)]
            assert hit == [], (edge, segment, hit)


def test_edges_start_and_end_on_their_boxes_and_share_no_segment(ladder):
    from policydiff.report.ladder import BOX_HEIGHT

    for (s, t), points in ladder.routes.items():
        for node, point in ((s, points[0]), (t, points[-1])):
            box = ladder.boxes[node]
            assert abs(point[0] - box.x) < box.width / 2 and abs(abs(point[1] - box.y) - BOX_HEIGHT / 2) < 1e-9
    runs = [(edge, a, b) for edge, points in ladder.routes.items() for a, b in pairwise(points)]
    for i, (e1, a1, b1) in enumerate(runs):
        for e2, a2, b2 in runs[i + 1:]:
            if e1 == e2:
                continue
            if a1[1] == b1[1] == a2[1] == b2[1]:  # two horizontal runs on one line must not overlap
                assert max(a1[0], b1[0]) <= min(a2[0], b2[0]) or max(a2[0], b2[0]) <= min(a1[0], b1[0]), (e1, e2)
            if a1[0] == b1[0] == a2[0] == b2[0]:  # nor two vertical ones
                assert max(a1[1], b1[1]) <= min(a2[1], b2[1]) or max(a2[1], b2[1]) <= min(a1[1], b1[1]), (e1, e2)


def test_boxes_of_a_row_do_not_overlap_and_hold_their_labels(ladder, citations):
    from policydiff.report.ladder import box_lines

    for row in set(b.row for b in ladder.boxes.values()):
        boxes = sorted((b for b in ladder.boxes.values() if b.row == row), key=lambda b: b.x)
        for a, b in pairwise(boxes):
            assert a.x + a.width / 2 < b.x - b.width / 2
    # a 文号 is one line of its box, never cut
    assert box_lines(citations.nodes["神卫健发〔2021〕64号"])[0] == "神卫健发〔2021〕64号"
    assert box_lines(citations.nodes["title:关于打赢脱贫攻坚战三年行动的指导意见"])[0] == "《关于打赢脱贫攻坚战三年行动的指导意见》"


def test_picture_titles_say_corpus_and_dates(records):
    from policydiff.report.pictures import corpus_title

    assert corpus_title(list(records.values()), "en", "p.db") == "5 notices (p.db), issued 2018-08-30 – 2022-06-27"
    assert corpus_title(list(records.values()), "zh", "p.db") == "5份文件 (p.db)，2018-08-30 – 2022-06-27印发"


# ------------------------------------------------------------------ heat maps


@pytest.fixture(scope="module")
def responsibility(records):
    from policydiff.compare.align import align_document
    from policydiff.compare.frame import FRAME_PATH, load_frame

    entries = load_frame(FRAME_PATH)["entries"]
    return responsibility_graph(list(records.values()), {d: align_document(r, entries) for d, r in records.items()})


def test_heat_map_counts_functions_by_frame_entry(records, responsibility):
    from policydiff.report.pictures import function_entry_counts

    across = function_entry_counts(responsibility)
    named, lead = across[("卫生健康", "先诊疗后付费")]
    # Guangxi: 责任单位, no lead; Kaifeng: its sole issuer, implied (no unit printed)
    assert named == {SHENMU, GUANGXI, LIANYUNGANG, KAIFENG} and lead == {SHENMU, LIANYUNGANG}
    shenmu = function_entry_counts(responsibility, {SHENMU})
    assert shenmu[("市卫健局公卫科", "先诊疗后付费")][1] == {f"measure:{SHENMU}:二/（二）"}  # one notice: units as printed
    assert all(len(cell[1]) <= len(cell[0]) for cell in across.values())
    assert ("地方政府", "先诊疗后付费") in across  # 各市 / 县（市、区）人民政府 in Guangxi


def test_a_notices_heat_map_keeps_its_offices_apart_and_says_what_is_implied(responsibility):
    from policydiff.report.pictures import function_entry_counts

    # Lianyungang's task table names its offices (处): one function, many rows
    offices = {unit for unit, _ in function_entry_counts(responsibility, {LIANYUNGANG})}
    assert len(offices) >= 10 and {"医政处", "基层卫生处", "中医处"} <= offices
    # Kaifeng names no unit: its sole issuer is implied, and the row says so
    kaifeng = {unit for unit, _ in function_entry_counts(responsibility, {KAIFENG})}
    assert kaifeng and all(unit.endswith("(implied: sole issuer)") for unit in kaifeng)


def test_heat_maps_are_written(records, responsibility, tmp_path):
    pytest.importorskip("matplotlib")
    from policydiff.report.pictures import write_picture

    assert write_picture(responsibility, tmp_path / "r.png", "all", lang="zh").stat().st_size > 10_000
    assert write_picture(responsibility, tmp_path / "s.png", "神木", doc_ids={SHENMU}).stat().st_size > 10_000


# every raw unit string in the five notices maps to a canonical unit (none unresolved)
def test_every_unit_string_maps(records):
    unresolved = [(d, raw) for d in ALL_IDS for raw, u in records[d]["unit_map"].items() if u["kind"] == "unresolved"]
    assert unresolved == []


UNITS = [
    # (raw, context, name, kind, function, level)
    ("市卫健局公卫科", Context("神木市", "county", ("神木市卫生健康局",)), "神木市卫生健康局公卫科", "division", "卫生健康", "county"),
    # 老龄科 and 老年科 are one office (老龄健康科), named by the short name units.json lists first
    ("老龄科", Context("神木市", "county", ("神木市卫生健康局",)), "神木市卫生健康局老年科", "division", "卫生健康", "county"),
    ("自治区卫生健康委", Context("广西壮族自治区", "provincial", ("广西壮族自治区卫生健康委员会",)),
     "广西壮族自治区卫生健康委员会", "department", "卫生健康", "provincial"),
    ("卫生健康部门", Context("淮南市", "prefecture", ("淮南市卫生健康委员会",)), "淮南市卫生健康委员会", "department", "卫生健康", "prefecture"),
    ("省卫健委", Context("淮南市", "prefecture", ()), "安徽省卫生健康部门", "department", "卫生健康", "provincial"),
    ("发展改革和科技局", Context("神木市", "county", ("神木市发展和改革委员会",)), "神木市发展和改革委员会", "department", "发展改革", "county"),
    ("医政处", Context("连云港市", "prefecture", ("连云港市卫生和计划生育委员会",)),
     "连云港市卫生和计划生育委员会医政处", "division", "卫生健康", "prefecture"),
    ("市疾控中心", Context("神木市", "county", ()), "神木市疾控中心", "institution", "疾病预防控制", "county"),
    # a county bureau's 股室 is its division, as a 科 is (finding 3: 责任股室：医政医管股)
    ("医政医管股", Context("汉阴县", "county", ("汉阴县卫生健康局",)), "汉阴县卫生健康局医政医管股", "division", "卫生健康",
     "county"),
    # placeholders: the governments one level below the issuing locality
    ("县（市、区）人民政府", Context("广西壮族自治区", "provincial", ()), "广西壮族自治区所辖各县（市、区）人民政府",
     "local_government", "地方政府", "county"),
    ("各镇人民政府", Context("神木市", "county", ()), "神木市所辖各乡镇人民政府", "local_government", "地方政府", "township"),
    ("数据资源管理局", Context("淮南市", "prefecture", ()), "淮南市大数据/数据资源部门", "department", "大数据/数据资源", "prefecture"),
    ("通信管理部门", Context("淮南市", "prefecture", ()), "淮南市通信管理部门", "department", "通信管理", "prefecture"),
    ("某某协会", Context("淮南市", "prefecture", ()), "某某协会", "unresolved", None, "prefecture"),
]


@pytest.mark.parametrize("raw, context, name, kind, function, level", UNITS, ids=[u[0] for u in UNITS])
def test_canonical_unit(raw, context, name, kind, function, level):
    unit = canonical_unit(raw, context)
    assert (unit.name, unit.kind, unit.function, unit.level) == (name, kind, function, level)
    if kind == "unresolved":
        assert unit.reason


# ------------------------------------------------------------------ the interactive page


@pytest.fixture(scope="module")
def pages(records, corpus_db):
    """`policydiff graph --format html` for both graphs, through the command line."""
    from click.testing import CliRunner

    from policydiff.cli import cli

    db = corpus_db("p.db")
    folder = db.parent
    runner = CliRunner()
    result = runner.invoke(cli, ["graph", "--db", str(db), "--format", "html", "-o", str(folder / "graphs")])
    assert result.exit_code == 0, result.output
    zh = runner.invoke(cli, ["graph", "--db", str(db), "--kind", "citation", "--format", "html", "--lang", "zh",
                             "-o", str(folder / "zh.html")])
    assert zh.exit_code == 0, zh.output
    return folder


def test_page_is_self_contained(pages):
    import re

    page = (pages / "graphs" / "citation.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=|https?://(?!www\.w3\.org/2000/svg)|@import|fetch\(""", page)
    assert "国卫扶贫发〔2021〕6号" in page and "<svg" in page
    assert (pages / "graphs" / "responsibility.html").stat().st_size > 50_000
    assert "<title>引用层级图: 5份文件 (p.db)" in (pages / "zh.html").read_text(encoding="utf-8")


def _dom(url, profile) -> str:
    from test_web import CHROMIUM, CHROMIUM_FLAGS

    if CHROMIUM is None:
        pytest.skip("Debian's chromium is installed by scripts/test.sh")
    import subprocess

    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                          capture_output=True, text=True, timeout=60).stdout


def _aside(dom: str) -> str:
    return dom[dom.index("<aside>"):dom.index("</aside>")]


def test_page_in_headless_chromium_finds_the_national_opinion_and_its_citers(pages, tmp_path):
    page = (pages / "graphs" / "citation.html").as_uri()
    dom = _dom(page + "#search=国卫扶贫发〔2021〕6号&click=国卫扶贫发〔2021〕6号", tmp_path / "a")
    assert 'data-ready="yes"' in dom  # the script ran to its end
    aside = _aside(dom)
    assert '<li data-node="国卫扶贫发〔2021〕6号">' in aside  # search found it
    details = aside[aside.index('<div id="details" data-node="国卫扶贫发〔2021〕6号">'):]
    assert "cited by (1)" in details and '<span class="ref">桂卫基层发〔2021〕5号</span>' in details
    assert "level inferred from the issuer code (national)" in details
    assert "为贯彻落实国家卫生健康委" in details  # the quoted evidence: the citing sentence
    assert "<mark>《关于巩固拓展健康扶贫成果同乡村振兴有效衔接的实施意见》（国卫扶贫发〔2021〕6号）</mark>" in details
    # --lang zh: the same page for a Chinese reader
    zh = _aside(_dom((pages / "zh.html").as_uri() + "#click=国卫扶贫发〔2021〕6号", tmp_path / "z"))
    assert "被引用 (1)" in zh and "级别由发文机关代字推断 (国家)" in zh
    # a unit in the responsibility page: the measures it is named on, with the role and the sentence
    dom = _dom((pages / "graphs" / "responsibility.html").as_uri() + "#search=公卫科&click=unit:" +
               urllib.parse.quote(_unit_id(pages, "神木市卫生健康局公卫科")), tmp_path / "b")
    details = _aside(dom)
    assert "神木市卫生健康局公卫科" in details and "named on (" in details and "· lead" in details
    assert "完善住院先诊疗后付费政策" in details


def _unit_id(pages, name) -> str:
    import json
    import re

    page = (pages / "graphs" / "responsibility.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)[1])
    return next(n["id"] for n in data["nodes"] if n["lines"][0] == name).removeprefix("unit:")


def test_the_ladder_picture_is_cut_into_tiers_about_a_screen_wide(citations, tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image

    from policydiff.report.ladder import TIER_WIDTH, ladder_tiers
    from policydiff.report.pictures import _font, text_width, write_picture

    tiers = ladder_tiers(citations, text_width(_font(9)))
    assert len(tiers) > 1 and all(plan.width <= TIER_WIDTH for _, plan in tiers)
    # every document and every edge is drawn in some tier (a national one cited from two tiers in both)
    assert set().union(*(sub.nodes for sub, _ in tiers)) == set(citations.nodes)
    assert set().union(*(sub.edges for sub, _ in tiers)) == set(citations.edges)
    # one row of five families was 2,997 × 780 pixels, mostly white; now about a screen wide
    width, height = Image.open(write_picture(citations, tmp_path / "c.png", "five notices")).size
    assert width <= 100 * TIER_WIDTH and height <= 1.2 * width


def test_graph_pages_open_on_the_first_notice_with_a_way_to_the_whole(records, citations):
    from policydiff.report.graph_html import graph_page

    page = graph_page(citations, list(records.values()), "five notices")
    assert '<button id="whole"' in page and "whole graph" in page
    assert "select(firstNotice())" in page  # opened on a notice at a readable scale, unless the URL names one


# every level a record can hold (a town's notice is township) has a row on the ladder and a word in each picture
@pytest.mark.parametrize("level", ["national", "provincial", "prefecture", "county", "township"])
def test_every_level_has_a_ladder_row_and_words(level):
    from policydiff.report import adoption, ladder, pictures

    assert level in ladder.LEVELS  # not drawn in the "level unknown" row
    for lang in ("en", "zh"):
        assert adoption.words(lang)[level] and pictures.WORDS[lang][level]
    assert level in pictures.LEVEL_COLORS


def test_a_township_notice_sits_below_its_county_on_the_ladder():
    from policydiff.report.ladder import row_of

    assert row_of({"level": "township"})[0] == row_of({"level": "county"})[0] + 1
    assert row_of({"level": None})[0] == row_of({"level": "township"})[0] + 1  # unknown stays last


REPEALING = ("青梧县卫生健康局\n梧卫发〔2023〕9号\n关于做好家庭医生签约服务工作的通知\n各镇卫生院：\n"
             "按照《青梧市签约服务工作方案》（梧市卫发〔2022〕4号）要求，现将有关事项通知如下。\n"
             "一、做实签约服务。\n"
             "二、本通知自印发之日起施行，《青梧县签约服务实施办法》（梧卫发〔2019〕3号）同时废止。\n"
             "三、现对《青梧县家庭医生管理办法》（梧卫发〔2020〕7号）部分条款修订如下。\n"
             "四、你局《关于签约服务经费的请示》（梧医保字〔2023〕2号）收悉。\n"
             "青梧县卫生健康局\n2023年3月1日\n")


@pytest.fixture(scope="module")
def repealing():
    from policydiff.parse import parse_source
    from policydiff.read import SourceText

    record = {**parse_source(SourceText("r.txt", REPEALING)), "id": "r"}
    return record, citation_graph([record])


@pytest.mark.parametrize("cited, relation, verb", [
    ("梧市卫发〔2022〕4号", "cites", "按照"),  # a plain 按照 citation: cites, as before
    ("梧卫发〔2019〕3号", "repeals", "废止"),  # 《X》（文号）同时废止: the notice repeals X
    ("梧卫发〔2020〕7号", "amends", "修订"),  # 现对《X》部分条款修订如下: amends X
    ("梧医保字〔2023〕2号", "replies_to", "收悉"),  # 你局《请示》收悉: replies to the 请示
])
def test_a_citations_verb_gives_its_edge_kind(repealing, cited, relation, verb):
    record, graph = repealing
    edge = graph.edges[record["doc_number"], cited]
    assert (edge["relation"], edge["verb"], edge["implements"]) == (relation, verb, False)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_every_graph_format_keeps_the_edge_kind(repealing, tmp_path, fmt):
    path = export(repealing[1], tmp_path / f"c.{fmt}", fmt)
    text = path.read_text(encoding="utf-8")
    assert all(kind in text for kind in ("repeals", "amends", "replies_to", "cites"))


def test_the_graph_page_draws_and_names_each_edge_kind(repealing):
    import json
    import re

    from policydiff.report.graph_html import graph_page

    record, graph = repealing
    page = graph_page(graph, [record], "one notice")
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    kinds = {e["t"]: e["relation"] for e in data["edges"]}
    assert kinds["梧卫发〔2019〕3号"] == "repeals" and kinds["梧医保字〔2023〕2号"] == "replies_to"
    assert [item[0] for item in data["legend"]] == ["implements (贯彻落实…精神)", "cites (按照/根据…)",
                                                    "repeals (废止/不再执行)", "amends (修订/修改)", "replies to (…收悉)"]
    assert len({e["color"] for e in data["edges"]}) == 4  # each kind its own colour


@pytest.mark.parametrize("lang, words", [
    ("en", ["repeals (废止/不再执行)", "amends (修订/修改)", "replies to (…收悉)"]),  # the legend names each kind drawn
    ("zh", ["废止/不再执行", "修订/修改", "答复（…收悉）"]),
])
def test_the_ladder_picture_names_each_edge_kind(repealing, tmp_path, lang, words):
    pytest.importorskip("matplotlib")
    from policydiff.report.pictures import write_picture

    svg = write_picture(repealing[1], tmp_path / "c.svg", "one notice", lang=lang).read_text()
    assert all(w in svg for w in words), [w for w in words if w not in svg]


@pytest.mark.parametrize("node, row_level, inferred", [
    # a zone's notice (placed, at no level): the unknown row, not the province its 文号 code names
    ({"level": "", "locality": "西咸新区", "in_corpus": True, "doc_number": "陕西咸新社发〔2022〕3号"}, "", False),
    # a corpus notice placed nowhere: where its code implies, said to be inferred
    ({"level": "", "locality": "", "in_corpus": True, "doc_number": "陕卫发〔2022〕3号"}, "provincial", True),
    # a cited document outside the corpus: by its code, inferred (as before)
    ({"level": "", "stub": True, "in_corpus": False, "doc_number": "陕卫发〔2022〕3号"}, "provincial", True),
    # a town's notice: its own row
    ({"level": "township", "locality": "涧池镇", "in_corpus": True, "doc_number": "涧政发〔2023〕5号"}, "township", False),
])
def test_the_ladder_row_of_a_notice(node, row_level, inferred):
    from policydiff.report.ladder import LEVELS, row_of

    row, said = row_of(node)
    assert (LEVELS[row], said) == (row_level, inferred)
