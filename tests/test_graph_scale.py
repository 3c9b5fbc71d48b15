"""The citation graph through indexes built once, and from the database a document at
a time, is the graph the first algorithm (a scan of the corpus per citation) drew."""

import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from rapidfuzz import fuzz

from policydiff import store
from policydiff.compare.frame import FRAME_PATH, load_frame
from policydiff.graph import (
    TITLE_MATCH,
    _add_national,
    _cite,
    _doc_attrs,
    _stub,
    bare_title,
    citation_graph,
    node_key,
    responsibility_graph,
)
from policydiff.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent


def scan_resolve(citation, records):
    """The first algorithm, kept as the reference: scan every record for every citation."""
    if citation.get("doc_number"):
        return next((r["id"] for r in records if r.get("doc_number") == citation["doc_number"]), None)
    wanted = bare_title(citation.get("title") or "")
    for r in records:
        for title in (r.get("title"), r.get("body_title")):
            if title and fuzz.ratio(wanted, bare_title(title)) >= TITLE_MATCH:
                return r["id"]
    return None


def scan_citation_graph(records, national=None):
    """The citation graph with every citation resolved by the scan (the rest is the graph's own)."""
    graph = nx.DiGraph(name="citation graph")
    for r in records:
        graph.add_node(node_key(r.get("doc_number"), r.get("title") or r["id"]), **_doc_attrs(r))
    if national:
        _add_national(graph, national)
    for r in records:
        source = node_key(r.get("doc_number"), r.get("title") or r["id"])
        for c in r["citations"]:
            target_id = scan_resolve(c, records)
            if target_id:
                target = next(node_key(x.get("doc_number"), x.get("title") or x["id"]) for x in records if x["id"] == target_id)
            else:
                target = _stub(graph, c, r)
            if target != source:
                _cite(graph, source, target, r, c)
    return graph


def same_graph(a, b):
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))  # same nodes, attributes and order
    assert sorted(a.edges(data=True), key=repr) == sorted(b.edges(data=True), key=repr)
    assert a.graph == b.graph


@pytest.fixture(scope="module")
def national():
    return load_frame(FRAME_PATH)["national"]


@pytest.fixture(scope="module")
def generated_db(tmp_path_factory):
    """Sixty generated notices (the benchmark's generator) plus the five bundled ones, ingested."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_corpus

    folder = tmp_path_factory.mktemp("generated")
    make_corpus.main(["--n", "60", "--pdf", "0", "--seed", "7", "--out", str(folder)])
    db_path = folder / "p.db"
    ingest([folder / "text", ROOT / "corpus"], db_path, workers=1)
    return store.open_db(db_path)


def test_bundled_corpus_gives_the_scan_graph(records, national):
    corpus = list(records.values())
    same_graph(citation_graph(corpus, national), scan_citation_graph(corpus, national))


def test_generated_corpus_from_the_database_gives_the_scan_graph(generated_db, national):
    records = list(store.load_all_records(generated_db).values())
    streamed = citation_graph(store.iter_document_rows(generated_db), national, citing=store.iter_citing(generated_db))
    same_graph(streamed, scan_citation_graph(records, national))
    assert streamed.number_of_edges() > 60  # the generated notices cite


def record(doc_id, title, body_title=None, doc_number=None, cites=()):
    """A minimal record: its titles, and citations by title in a text that holds them."""
    text = "".join(f"根据《{t}》，" for t in cites) or "正文。"
    citations, at = [], 0
    for t in cites:
        start = text.index(f"《{t}》", at)
        citations.append({"title": f"《{t}》", "doc_number": None, "issuer_hint": None, "verb": "根据",
                          "span": [start, start + len(t) + 2]})
        at = start + 1
    return {"id": doc_id, "title": title, "body_title": body_title, "doc_number": doc_number, "locality": "某县",
            "admin_level": "county", "issue_date": "2022-01-01", "citations": citations, "text": text}


TITLE_CASES = [
    # an earlier document whose title is near enough wins over a later exact match
    [record("a", "关于印发某某县健康帮扶巩固提升工作实施方案的通知"), record("b", "某某县健康帮扶巩固提升实施方案"),
     record("c", "引用", cites=["某某县健康帮扶巩固提升实施方案"])],
    # a body title matches when the title does not; the title is tried first within a document
    [record("a", "通知", body_title="某某县医疗保障兜底实施办法"), record("c", "引用", cites=["某某县医疗保障兜底实施办法"])],
    # lengths too far apart never match (the index skips them); a near-miss is a stub
    [record("a", "某县方案"), record("c", "引用", cites=["某某县家庭医生签约服务提质增效实施方案", "某县方"])],
    # duplicate 文号 and titles: the first document with them is the target, as in a scan
    [record("a", "某方案", doc_number="某卫发〔2022〕1号"), record("b", "某方案", doc_number="某卫发〔2022〕1号"),
     record("c", "引用", cites=["某方案"])],
]


@pytest.mark.parametrize("records", TITLE_CASES)
def test_title_resolution_through_the_index_matches_the_scan(records):
    same_graph(citation_graph(records), scan_citation_graph(records))


def test_responsibility_graph_streamed_with_the_frame_is_the_one_built_from_alignments(generated_db):
    from policydiff.compare.align import align_document

    entries = load_frame(FRAME_PATH)["entries"]
    records = list(store.load_all_records(generated_db).values())
    before = responsibility_graph(records, {r["id"]: align_document(r, entries) for r in records})
    streamed = responsibility_graph(store.iter_records(generated_db), frame_entries=entries)
    same_graph(streamed, before)


def test_matrix_across_streamed_is_the_matrix_of_all_alignments(generated_db):
    from policydiff.compare.align import align_document
    from policydiff.report.matrix import across_matrix, across_table

    entries = load_frame(FRAME_PATH)["entries"]
    records = store.load_all_records(generated_db)
    before = across_matrix({d: align_document(r, entries) for d, r in records.items()}, entries, records)
    streamed = across_table(store.iter_records(generated_db), entries)
    assert streamed == before
    assert any(v == "✓" for row in streamed[0] for v in row.values())  # carried without a lead unit


def test_diff_against_the_frame_reads_only_the_primary_evidence_and_says_the_same(generated_db):
    from policydiff.compare.diff import choose_reference, diff_document, reference_from_frame

    frame = load_frame(FRAME_PATH)
    reference = choose_reference(generated_db, frame=frame)
    everything = reference_from_frame(frame, store.load_all_records(generated_db))
    assert 0 < len(reference.records) < len(everything.records)  # the bundled notices that cite 国卫扶贫发〔2021〕6号
    for doc_id in list(everything.records)[:12]:
        record = store.load_record(generated_db, doc_id)
        assert diff_document(record, reference) == diff_document(record, everything)


def test_baseline_built_in_passes_over_the_database_is_the_one_built_from_every_record(generated_db):
    from policydiff.compare.frame import build_frame

    records = list(store.load_all_records(generated_db).values())
    streamed = build_frame(lambda: store.iter_records(generated_db, order=store.DATE_ORDER))
    as_json = lambda frame: json.dumps(frame, ensure_ascii=False, sort_keys=True)  # noqa: E731
    assert as_json(streamed) == as_json(build_frame(records))
    assert streamed["indicators"] and streamed["primary_documents"]


@pytest.mark.parametrize("items", [
    [],  # no rows: an empty array
    [{"doc_id": "a", "raw": "县卫健局"}],  # one row
    [{"doc_id": "a", "raw": "县卫健局", "reason": None}, {"doc_id": "b", "nested": [1, {"x": "中"}]}],  # nesting, nulls
])
def test_json_arrays_streamed_row_by_row_read_as_json_dumps_writes_them(items, capsys):
    from policydiff.cli import _echo_json_array

    _echo_json_array(iter(items))
    assert capsys.readouterr().out == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def test_units_json_streams_every_alias(generated_db, tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli

    path = generated_db.execute("PRAGMA database_list").fetchone()[2]
    result = CliRunner().invoke(cli, ["units", "--db", path, "--json"])
    assert json.loads(result.output) == store.unit_aliases(generated_db)


@pytest.mark.parametrize("with_frame", [True, False])
def test_responsibility_graphml_written_while_streaming_reads_back_as_the_export(generated_db, tmp_path, with_frame):
    from policydiff.graph import export, write_responsibility_graphml

    entries = load_frame(FRAME_PATH)["entries"] if with_frame else None
    exported = export(responsibility_graph(store.iter_records(generated_db), frame_entries=entries),
                      tmp_path / "graph.graphml", "graphml")
    streamed = tmp_path / "streamed.graphml"
    counts = write_responsibility_graphml(store.iter_records(generated_db), streamed, frame_entries=entries)
    a, b = nx.read_graphml(streamed), nx.read_graphml(exported)
    assert counts == (b.number_of_nodes(), b.number_of_edges())
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert {(u, v): d for u, v, d in a.edges(data=True)} == {(u, v): d for u, v, d in b.edges(data=True)}
    assert a.graph == b.graph


def _read_graph(path: Path, fmt: str) -> nx.DiGraph:
    if fmt == "json":
        return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    graph = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    for _, _, data in graph.edges(data=True):
        data.pop("id", None)  # GEXF edge ids: numbered by networkx, by document when streamed
    return graph


@pytest.mark.parametrize(("workers", "fmt"), [(1, "graphml"), (2, "graphml"), (2, "gexf"), (2, "json"), (1, "json")])
def test_responsibility_graph_from_the_tables_in_chunks_is_the_graph_of_the_records(generated_db, tmp_path,
                                                                                     monkeypatch, workers, fmt):
    """Read from the tables (not the record JSON), in chunks shared among processes, each
    unit's node from its first mention in corpus order: the same graph as the records give,
    in each file format."""
    from policydiff import graph
    from policydiff.graph import export, write_responsibility_graphml_from_db

    monkeypatch.setattr(graph, "GRAPH_CHUNK", 9)  # 65 notices: 8 chunks, units first met in several
    entries = load_frame(FRAME_PATH)["entries"]
    exported = export(responsibility_graph(store.iter_records(generated_db), frame_entries=entries),
                      tmp_path / f"graph.{fmt}", fmt)
    path = generated_db.execute("PRAGMA database_list").fetchone()[2]
    counts = write_responsibility_graphml_from_db(path, tmp_path / f"chunked.{fmt}", entries, workers=workers, fmt=fmt)
    a, b = _read_graph(tmp_path / f"chunked.{fmt}", fmt), _read_graph(exported, fmt)
    assert counts == (b.number_of_nodes(), b.number_of_edges())
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert {(u, v): d for u, v, d in a.edges(data=True)} == {(u, v): d for u, v, d in b.edges(data=True)}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"graph.{fmt}", f"chunked.{fmt}"])  # no parts left


@pytest.mark.parametrize(("title", "raw"), [
    ("加强<两癌>筛查 & 救治", "卫生健康委"),          # markup characters in a heading
    ('推进"一站式"结算', "医保局"),                    # a quotation mark in a heading (and so in a node key)
    ("做好\t家庭医生签约", "A&B中心"),                # a tab in a heading, an ampersand in a unit's name
])
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_responsibility_graph_files_escape_what_they_need_escaped(tmp_path, title, raw, fmt):
    from policydiff.graph import write_responsibility_graphml

    record = {"id": "doc1", "locality": "某市", "admin_level": "prefecture", "doc_number": None, "issuers": [raw],
              "measures": [{"path": f"一/{title}", "title": title, "text": title,
                            "unit_mentions": [{"unit": raw, "role": "lead", "source": "inline", "span": [0, 2]}]}],
              "unit_map": {}}
    path = tmp_path / f"g.{fmt}"
    write_responsibility_graphml([record], path, fmt=fmt)
    graph = _read_graph(path, fmt)
    assert graph.nodes[f"measure:doc1:一/{title}"]["label"] == title
    assert graph.edges[f"unit:raw:{raw}", f"measure:doc1:一/{title}"]["raw"] == raw
    assert graph.nodes[f"unit:raw:{raw}"]["label"] == raw


def test_an_interrupted_graphml_leaves_no_half_file(generated_db, tmp_path):
    from policydiff import graph

    def parts():
        yield graph._graph_part(store.iter_records(generated_db), None, {}, "graphml")
        raise KeyboardInterrupt  # Ctrl-C while the next chunk is awaited

    target = tmp_path / "g.graphml"
    target.write_text("the previous graph", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        graph._write_parts(target, parts(), "graphml")
    assert target.read_text(encoding="utf-8") == "the previous graph"
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_graph_command_writes_both_graphml_files_from_the_database(generated_db, tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli

    path = generated_db.execute("PRAGMA database_list").fetchone()[2]
    result = CliRunner().invoke(cli, ["graph", "--db", path, "--format", "graphml", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    citations, responsibility = nx.read_graphml(tmp_path / "citation.graphml"), nx.read_graphml(tmp_path / "responsibility.graphml")
    assert result.output.splitlines() == [
        f"wrote {tmp_path / 'citation.graphml'} ({citations.number_of_nodes()} nodes, {citations.number_of_edges()} edges)",
        f"wrote {tmp_path / 'responsibility.graphml'} ({responsibility.number_of_nodes()} nodes, {responsibility.number_of_edges()} edges)"]
    assert sum(d.get("kind") == "document" for _, d in responsibility.nodes(data=True)) == 65
