"""Citation and responsibility graphs, canonical units, and their exports."""

import networkx as nx
import pytest

from conftest import ALL_IDS, GUANGXI, HUAINAN, LIANYUNGANG, SHENMU
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
    assert export(citations, tmp_path / "c.png", "png").stat().st_size > 10_000


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
