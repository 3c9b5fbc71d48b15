"""Citation graph and responsibility graph (networkx), with their data exports
(pictures and the interactive page: report/pictures.py, report/graph_html.py).

Citation graph: corpus documents plus stub nodes for cited documents that are
not in the corpus, keyed by normalised 文号, else by normalised title. Edges
``cites`` carry the verb and the evidence span; ``implements`` is set where
the citing sentence says the notice is made to carry the cited one out.

Responsibility graph: canonical units → measures (role, source), measures →
documents, documents → issuers. Measures carry their frame entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rapidfuzz import fuzz

from .models import Record
from .resources import ancestor, localities
from .textutils import bare_title, sentence_around

LEVEL_RANK = {"national": 0, "provincial": 1, "prefecture": 2, "county": 3, None: 4}
IMPLEMENTS = re.compile(r"贯彻落实|贯彻|落实")
CARRY_OUT = re.compile(r"精神|制定本|制定如下|结合.{0,6}实际")
TITLE_MATCH = 92


def node_key(doc_number: str | None, title: str | None) -> str:
    """Stable key of a document node: its 文号, else its bare title."""
    if doc_number:
        return doc_number
    return "title:" + bare_title(title or "")


def level_of_number(doc_number: str | None, issuer_hint: str | None = None,
                    citing: Record | None = None, title: str | None = None) -> tuple[str | None, str | None]:
    """(level, locality) of a cited document from its issuer hint or 文号 code."""
    hint = issuer_hint or ""
    if hint.startswith(("国家", "中央", "国务院", "中共中央")):
        return "national", "中华人民共和国"
    if hint.startswith(("省", "自治区")) and citing:
        return "provincial", ancestor(citing.get("locality"), "provincial")
    if hint.startswith("市") and citing:
        return citing.get("admin_level"), citing.get("locality")
    for loc in sorted(localities().values(), key=lambda loc: -len(loc.name)):
        names = [loc.name] + [n for n in loc.short_names if len(n) >= 2 and n not in ("国家", "全国", "自治区")]
        if title and title.startswith(tuple(names)):
            return loc.level, loc.name
    code = (doc_number or "").split("〔")[0]
    if code.startswith(("国", "中")):
        return "national", "中华人民共和国"
    matches = [(p, loc) for loc in localities().values() for p in loc.doc_code_prefixes if code.startswith(p)]
    if matches:
        _, loc = max(matches, key=lambda m: len(m[0]))
        return loc.level, loc.name
    return None, None


def resolve_citation(citation: dict, records: list[Record]) -> str | None:
    """The corpus document a citation names: by 文号 first, then by title."""
    if citation.get("doc_number"):
        return next((r["id"] for r in records if r.get("doc_number") == citation["doc_number"]), None)
    wanted = bare_title(citation.get("title") or "")
    for r in records:
        for title in (r.get("title"), r.get("body_title")):
            if title and fuzz.ratio(wanted, bare_title(title)) >= TITLE_MATCH:
                return r["id"]
    return None


def citation_graph(records: list[Record], national: dict | None = None) -> nx.DiGraph:
    """Documents and what they cite; see the module docstring."""
    graph = nx.DiGraph(name="citation graph")
    for r in records:
        graph.add_node(node_key(r.get("doc_number"), r.get("title") or r["id"]), **_doc_attrs(r))
    if national:
        key = national["doc_number"]
        if key not in graph:
            graph.add_node(key, label=key, title=national["titles"][0], doc_number=key, level="national",
                           locality="中华人民共和国", in_corpus=False, stub=True,
                           issuers="、".join(national.get("issuers", [])),
                           note=f"stub; known from the corpus and secondary reports ({national.get('source')})")
    for r in records:
        source = node_key(r.get("doc_number"), r.get("title") or r["id"])
        for c in r["citations"]:
            target_id = resolve_citation(c, records)
            if target_id:
                target = next(node_key(x.get("doc_number"), x.get("title") or x["id"]) for x in records
                              if x["id"] == target_id)
            else:
                target = node_key(c.get("doc_number"), c.get("title"))
                if target not in graph:
                    level, locality = level_of_number(c.get("doc_number"), c.get("issuer_hint"), r, c.get("title"))
                    graph.add_node(target, label=c.get("doc_number") or bare_title(c.get("title"))[:20],
                                   title=c.get("title") or "", doc_number=c.get("doc_number") or "",
                                   level=level or "", locality=locality or "", in_corpus=False, stub=True,
                                   issuer_hint=c.get("issuer_hint") or "")
            if target == source:
                continue
            sentence = sentence_around(r["text"], c["span"])
            graph.add_edge(source, target, relation="cites", verb=c.get("verb") or "",
                           implements=bool(c.get("verb") and IMPLEMENTS.fullmatch(c["verb"]) and CARRY_OUT.search(sentence)),
                           evidence=r["text"][c["span"][0]:c["span"][1]], span_start=c["span"][0],
                           span_end=c["span"][1], citing_doc=r["id"])
    return graph


def _doc_attrs(r: Record) -> dict:
    return {"label": f"{r.get('locality') or ''} {r.get('doc_number') or r['id']}".strip(),
            "title": r.get("title") or "", "doc_number": r.get("doc_number") or "", "doc_id": r["id"],
            "level": r.get("admin_level") or "", "locality": r.get("locality") or "",
            "issue_date": r.get("issue_date") or "", "in_corpus": True, "stub": False}


def responsibility_graph(records: list[Record], alignments: dict[str, list[dict]] | None = None) -> nx.DiGraph:
    """Canonical units → measures → documents → issuers."""
    graph = nx.DiGraph(name="responsibility graph")
    for r in records:
        doc = f"doc:{r['id']}"
        graph.add_node(doc, kind="document", label=f"{r.get('locality')} {r.get('doc_number') or r['id']}",
                       level=r.get("admin_level") or "", locality=r.get("locality") or "")
        frame_of = {a["path"]: a for a in (alignments or {}).get(r["id"], [])}
        for position, m in enumerate(r["measures"]):
            measure = f"measure:{r['id']}:{m['path']}"
            hit = frame_of.get(m["path"], {})
            graph.add_node(measure, kind="measure", label=m["title"], path=m["path"], doc_id=r["id"], position=position,
                           frame_id=hit.get("frame_id") or "", frame_label=hit.get("label") or "",
                           level=r.get("admin_level") or "", locality=r.get("locality") or "")
            graph.add_edge(measure, doc, relation="part_of")
            for u in m["unit_mentions"]:
                unit = _unit_node(graph, r, u["unit"])
                if not graph.has_edge(unit, measure):
                    graph.add_edge(unit, measure, relation="responsible_for", role=u["role"], source=u["source"],
                                   raw=u["unit"], span_start=u["span"][0], span_end=u["span"][1])
        for issuer in r.get("issuers") or []:
            graph.add_edge(doc, _unit_node(graph, r, issuer), relation="issued_by")
    return graph


def _unit_node(graph: nx.DiGraph, record: Record, raw: str) -> str:
    unit = (record.get("unit_map") or {}).get(raw) or {"id": f"raw:{raw}", "name": raw, "kind": "unresolved"}
    key = f"unit:{unit['id']}"
    if key not in graph:
        graph.add_node(key, kind="unit", unit_kind=unit.get("kind") or "", label=unit.get("name") or raw,
                       function=unit.get("function") or "", level=unit.get("level") or "",
                       locality=unit.get("locality") or "", parent=unit.get("parent_name") or "")
    return key


# ------------------------------------------------------------------ exports


def export(graph: nx.DiGraph, path, fmt: str) -> Path:
    """Write ``graph`` as graphml, gexf or json (node-link)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = _without_none(graph)
    if fmt == "graphml":
        nx.write_graphml(clean, path, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(clean, path, encoding="utf-8")
    elif fmt == "json":
        import json

        path.write_text(json.dumps(nx.node_link_data(clean, edges="edges"), ensure_ascii=False, indent=1),
                        encoding="utf-8")
    elif fmt in ("png", "svg", "html"):  # pictures and pages are drawn by report.pictures / report.graph_html
        raise ValueError(f"'{fmt}' is a picture: use policydiff.report.pictures.write_picture or graph_html")
    else:
        raise ValueError(f"unknown graph format '{fmt}'")
    return path


def _without_none(graph: nx.DiGraph) -> nx.DiGraph:
    clean = graph.copy()
    for _, data in clean.nodes(data=True):
        for k in [k for k, v in data.items() if v is None]:
            data[k] = ""
    for _, _, data in clean.edges(data=True):
        for k in [k for k, v in data.items() if v is None]:
            data[k] = ""
    return clean


def pictures_available() -> bool:
    """Whether matplotlib (the ``pictures`` extra) is installed."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def document_component(graph: nx.DiGraph, doc_node: str) -> set[str]:
    """The nodes of one document in the responsibility graph: the document, its
    measures, their units and its issuers."""
    measures = list(graph.predecessors(doc_node))
    units = {u for m in measures for u in graph.predecessors(m)}
    return {doc_node, *measures, *units, *graph.successors(doc_node)}
