"""Citation graph and responsibility graph (networkx), with exports (pictures: report/pictures.py).

Citation graph: corpus documents plus stub nodes for cited documents that are
not in the corpus, keyed by normalised 文号, else by normalised title. Edges
``cites`` carry the verb and the evidence span; ``implements`` is set where
the citing sentence says the notice is made to carry the cited one out.

Responsibility graph: canonical units → measures (role, source), measures →
documents, documents → issuers. Measures carry their frame entry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
from rapidfuzz import fuzz

from .compare.align import PreparedFrame, align_document
from .models import Record
from .resources import ancestor, localities
from .textutils import bare_title, sentence_around

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


class DocumentIndex:
    """Corpus documents by 文号 and by bare title, built once, so that resolving a
    citation does not scan the corpus: a title is compared only with the distinct
    titles of a length that could reach ``TITLE_MATCH`` (an Indel ratio of 92 needs
    lengths within 8% of their sum), and each cited title is resolved once.

    Resolves as a scan in corpus order would: by 文号 the first document with it,
    by title the first document whose title or body title matches.
    """

    def __init__(self, records: Iterable[Record] = ()):
        self.key_of: dict[str, str] = {}
        self.by_number: dict[str, str] = {}
        self.first_with_title: dict[str, tuple[int, int, str]] = {}  # bare title -> (order, which, id)
        self.titles_of_length: dict[int, list[str]] = defaultdict(list)
        self.resolved: dict[str, str | None] = {}
        for record in records:
            self.add(record)

    def add(self, record: Record) -> None:
        order = len(self.key_of)
        self.key_of.setdefault(record["id"], node_key(record.get("doc_number"), record.get("title") or record["id"]))
        number = record.get("doc_number")
        if number:
            self.by_number.setdefault(number, record["id"])
        for which, title in enumerate((record.get("title"), record.get("body_title"))):
            if title:
                bare = bare_title(title)
                if bare not in self.first_with_title:
                    self.first_with_title[bare] = (order, which, record["id"])
                    self.titles_of_length[len(bare)].append(bare)

    def resolve(self, citation: dict) -> str | None:
        """The id of the corpus document ``citation`` names, if any."""
        if citation.get("doc_number"):
            return self.by_number.get(citation["doc_number"])
        wanted = bare_title(citation.get("title") or "")
        if wanted not in self.resolved:
            self.resolved[wanted] = self._by_title(wanted)
        return self.resolved[wanted]

    def _by_title(self, wanted: str) -> str | None:
        # |a - b| <= (1 - r)(a + b) for a ratio r: b within [a·r/(2-r), a·(2-r)/r] (with a margin)
        shortest = int(len(wanted) * TITLE_MATCH / (200 - TITLE_MATCH)) - 1
        longest = int(len(wanted) * (200 - TITLE_MATCH) / TITLE_MATCH) + 1
        hits = [self.first_with_title[title] for length in range(max(shortest, 0), longest + 1)
                for title in self.titles_of_length.get(length, ())
                if fuzz.ratio(wanted, title) >= TITLE_MATCH]
        return min(hits)[2] if hits else None


def resolve_citation(citation: dict, records: list[Record]) -> str | None:
    """The corpus document a citation names: by 文号 first, then by title."""
    return DocumentIndex(records).resolve(citation)


def citation_graph(records: Iterable[Record], national: dict | None = None,
                   citing: Iterable[Record] | None = None) -> nx.DiGraph:
    """Documents and what they cite; see the module docstring.

    ``records`` gives the documents (id, 文号, titles, place, date); ``citing`` the
    documents with their ``citations`` and ``text`` (default: ``records`` again), so
    that a caller can stream both from the database. Linear in documents and citations.
    """
    if citing is None:
        records = list(records)
        citing = records
    graph = nx.DiGraph(name="citation graph")
    index = DocumentIndex()
    for r in records:
        index.add(r)
        graph.add_node(node_key(r.get("doc_number"), r.get("title") or r["id"]), **_doc_attrs(r))
    if national:
        _add_national(graph, national)
    for r in citing:
        source = node_key(r.get("doc_number"), r.get("title") or r["id"])
        for c in r["citations"]:
            target_id = index.resolve(c)
            target = index.key_of[target_id] if target_id else _stub(graph, c, r)
            if target == source:
                continue
            sentence = sentence_around(r["text"], c["span"])
            graph.add_edge(source, target, relation="cites", verb=c.get("verb") or "",
                           implements=bool(c.get("verb") and IMPLEMENTS.fullmatch(c["verb"]) and CARRY_OUT.search(sentence)),
                           evidence=r["text"][c["span"][0]:c["span"][1]], span_start=c["span"][0],
                           span_end=c["span"][1], citing_doc=r["id"])
    return graph


def _add_national(graph: nx.DiGraph, national: dict) -> None:
    key = national["doc_number"]
    if key not in graph:
        graph.add_node(key, label=key, title=national["titles"][0], doc_number=key, level="national",
                       locality="中华人民共和国", in_corpus=False, stub=True,
                       issuers="、".join(national.get("issuers", [])),
                       note=f"stub; known from the corpus and secondary reports ({national.get('source')})")


def _stub(graph: nx.DiGraph, c: dict, citing: Record) -> str:
    """The node of a cited document outside the corpus (added at its first citation)."""
    target = node_key(c.get("doc_number"), c.get("title"))
    if target not in graph:
        level, locality = level_of_number(c.get("doc_number"), c.get("issuer_hint"), citing, c.get("title"))
        graph.add_node(target, label=c.get("doc_number") or bare_title(c.get("title"))[:20],
                       title=c.get("title") or "", doc_number=c.get("doc_number") or "",
                       level=level or "", locality=locality or "", in_corpus=False, stub=True,
                       issuer_hint=c.get("issuer_hint") or "")
    return target


def _doc_attrs(r: Record) -> dict:
    return {"label": f"{r.get('locality') or ''} {r.get('doc_number') or r['id']}".strip(),
            "title": r.get("title") or "", "doc_number": r.get("doc_number") or "", "doc_id": r["id"],
            "level": r.get("admin_level") or "", "locality": r.get("locality") or "",
            "issue_date": r.get("issue_date") or "", "in_corpus": True, "stub": False}


def responsibility_graph(records: Iterable[Record], alignments: dict[str, list[dict]] | None = None,
                         frame_entries: list[dict] | PreparedFrame | None = None) -> nx.DiGraph:
    """Canonical units → measures → documents → issuers.

    ``records`` may be a stream (each record is used once and let go); with
    ``frame_entries`` each record's measures are aligned to the frame as it passes
    (instead of ``alignments`` computed for every record beforehand)."""
    graph = nx.DiGraph(name="responsibility graph")
    if frame_entries is not None and not isinstance(frame_entries, PreparedFrame):
        frame_entries = PreparedFrame(frame_entries)  # once, not once a record
    for r in records:
        aligned = align_document(r, frame_entries) if frame_entries is not None else (alignments or {}).get(r["id"], [])
        _add_document(graph, r, {a["path"]: a for a in aligned})
    return graph


def _add_document(graph: nx.DiGraph, r: Record, frame_of: dict[str, dict]) -> None:
    doc = f"doc:{r['id']}"
    graph.add_node(doc, kind="document", label=f"{r.get('locality')} {r.get('doc_number') or r['id']}",
                   level=r.get("admin_level") or "", locality=r.get("locality") or "")
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


# every attribute the responsibility graph's nodes and edges carry, with its GraphML type
RESPONSIBILITY_KEYS = {
    "node": {"kind": "string", "label": "string", "level": "string", "locality": "string", "path": "string",
             "doc_id": "string", "position": "long", "frame_id": "string", "frame_label": "string",
             "unit_kind": "string", "function": "string", "parent": "string"},
    "edge": {"relation": "string", "role": "string", "source": "string", "raw": "string", "span_start": "long",
             "span_end": "long"},
}


def write_responsibility_graphml(records: Iterable[Record], path, frame_entries: list[dict] | PreparedFrame | None = None
                                 ) -> tuple[int, int]:
    """Write ``responsibility_graph(records, frame_entries=...)`` as GraphML while the
    records stream past, one document's nodes and edges at a time (each unit once, with
    the attributes of its first mention, as the graph gives it): it reads back as the
    exported graph does, and needs the memory of one document, not of the corpus.
    Returns (nodes, edges)."""
    if frame_entries is not None and not isinstance(frame_entries, PreparedFrame):
        frame_entries = PreparedFrame(frame_entries)  # once, not once a record
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = {(scope, name): f"d{i}" for i, (scope, name) in
            enumerate((scope, name) for scope, names in RESPONSIBILITY_KEYS.items() for name in names)}
    units, nodes, edges = set(), 0, 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n")
        out.write('<key id="dg" for="graph" attr.name="name" attr.type="string"/>\n')
        for (scope, name), key in keys.items():
            out.write(f'<key id="{key}" for="{scope}" attr.name="{name}" attr.type="{RESPONSIBILITY_KEYS[scope][name]}"/>\n')
        out.write('<graph edgedefault="directed"><data key="dg">responsibility graph</data>\n')
        for record in records:
            part = responsibility_graph([record], frame_entries=frame_entries)
            for node, data in part.nodes(data=True):
                if data.get("kind") == "unit":
                    if node in units:
                        continue
                    units.add(node)
                out.write(_graphml_element("node", {"id": node}, data, keys))
                nodes += 1
            for source, target, data in part.edges(data=True):
                out.write(_graphml_element("edge", {"source": source, "target": target}, data, keys))
                edges += 1
        out.write("</graph></graphml>\n")
    return nodes, edges


def _graphml_element(scope: str, attributes: dict[str, str], data: dict, keys: dict) -> str:
    head = " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items())
    values = "".join(f'<data key="{keys[scope, k]}">{escape(str("" if v is None else v))}</data>'
                     for k, v in data.items())
    return f"<{scope} {head}>{values}</{scope}>\n"


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
