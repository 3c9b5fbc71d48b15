"""Citation graph and responsibility graph (networkx), with exports (pictures: report/pictures.py).

Citation graph: corpus documents plus stub nodes for cited documents that are
not in the corpus, keyed by normalised 文号, else by normalised title. Edges carry
their ``relation`` (``cites``; ``repeals``, ``amends``, ``replies_to`` where the
verb after the cited document says so: 同时废止, 修订如下, 收悉), the verb and the
evidence span; ``implements`` is set where the citing sentence says the notice is
made to carry the cited one out.

Responsibility graph: canonical units → measures (role, source), measures →
documents, documents → issuers. Measures carry their frame entry.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import re
import shutil
import signal
import tempfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

import networkx as nx
from rapidfuzz import fuzz

from . import patterns as P
from . import store
from .compare.align import IDENTICAL, NEAR_IDENTICAL, PreparedFrame, align_measure
from .models import Record, provenance
from .resources import ancestor, localities
from .textutils import bare_title, sentence_around
from .traditional import is_traditional, simplified_query, to_simplified

IMPLEMENTS = re.compile(r"贯彻落实|贯彻|落实")
CARRY_OUT = re.compile(r"精神|制定本|制定如下|结合.{0,6}实际")
TITLE_MATCH = 92


def node_key(doc_number: str | None, title: str | None) -> str:
    """Stable key of a document node: its 文号, else its bare title."""
    if doc_number:
        return doc_number.replace("號", "号")  # a 文号 printed 號 (traditional script) is the same node
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
        self.by_other_number: dict[str, str] = {}  # a joint notice's other 文号 (other_doc_numbers)
        self.first_with_title: dict[str, tuple[int, int, str]] = {}  # bare title -> (order, which, id)
        self.titles_of_length: dict[int, list[str]] = defaultdict(list)
        self.resolved: dict[str, str | None] = {}
        for record in records:
            self.add(record)

    def add(self, record: Record) -> None:
        order = len(self.key_of)
        self.key_of.setdefault(record["id"], node_key(record.get("doc_number"), record.get("title") or record["id"]))
        number = record.get("doc_number")
        if number:  # by its simplified rendering: a notice printed in traditional characters cites 青衛發〔…〕號
            self.by_number.setdefault(_number_key(number), record["id"])
        for other in record.get("other_doc_numbers") or ():  # a joint notice's other 文号: citing it cites the notice
            self.by_other_number.setdefault(_number_key(other), record["id"])
        for which, title in enumerate((record.get("title"), record.get("body_title"))):
            if title:
                bare = bare_title(simplified_query(title))
                if bare not in self.first_with_title:
                    self.first_with_title[bare] = (order, which, record["id"])
                    self.titles_of_length[len(bare)].append(bare)

    def resolve(self, citation: dict) -> str | None:
        """The id of the corpus document ``citation`` names, if any."""
        if citation.get("doc_number"):  # a notice's own 文号 first, then another a joint notice prints
            key = _number_key(citation["doc_number"])
            return self.by_number.get(key) or self.by_other_number.get(key)
        wanted = bare_title(simplified_query(citation.get("title") or ""))
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


def _number_key(number: str) -> str:
    """A 文号 as the index keys it: simplified, 號 read as 号."""
    return simplified_query(number).replace("號", "号")


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
            if target != source:
                _cite(graph, source, target, r, c)
    return graph


def _cite(graph: nx.DiGraph, source: str, target: str, citing: Record, c: dict) -> None:
    """The edge of citation ``c`` in ``citing`` (its relation: cites, repeals, amends, replies_to), with its verb,
    evidence and span; ``implements`` where the sentence says the notice is made to carry the cited one out."""
    sentence = sentence_around(citing["text"], c["span"])
    graph.add_edge(source, target, relation=citation_relation(c.get("verb")), verb=c.get("verb") or "",
                   implements=bool(c.get("verb") and IMPLEMENTS.fullmatch(c["verb"]) and CARRY_OUT.search(sentence)),
                   evidence=citing["text"][c["span"][0]:c["span"][1]], span_start=c["span"][0],
                   span_end=c["span"][1], citing_doc=citing["id"])


def citation_relation(verb: str | None) -> str:
    """The citation graph's edge kind of a citing verb: what the notice does to the document it names.

    >>> citation_relation("废止"), citation_relation("修订"), citation_relation("收悉"), citation_relation("按照")
    ('repeals', 'amends', 'replies_to', 'cites')
    """
    return P.CITATION_RELATIONS.get(verb or "", "cites")


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
            # a joint notice's other 文号: the citations of them end at this node
            "other_doc_numbers": "、".join(r.get("other_doc_numbers") or ()),
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
    units: set[str] = set()
    for r in records:
        for shape, ends, values in document_parts(r, _frame_hits(r, alignments, frame_entries), units):
            scope, constants, names = SHAPES[shape]
            attributes = {**constants, **dict(zip(names, values))}
            if scope == "node":
                graph.add_node(*ends, **attributes)
            else:
                graph.add_edge(*ends, **attributes)
    return graph


def _frame_hits(r: Record, alignments: dict[str, list[dict]] | None,
                frame_entries: list[dict] | PreparedFrame | None, by_title: dict[str, dict] | None = None
                ) -> dict[str, dict]:
    """Each measure's frame entry (by path): aligned now to ``frame_entries``, or taken from
    ``alignments``. ``by_title`` keeps the hits a heading gives whatever the text under it
    says (identical or near-identical headings) for the next notices that print it."""
    if frame_entries is None:
        return {a["path"]: a for a in (alignments or {}).get(r["id"], [])}
    hits = {}
    for m in r["measures"]:
        hit = by_title.get(m["title"]) if by_title is not None else None
        if hit is None:
            hit = align_measure(_in_simplified(m), frame_entries)
            if by_title is not None and hit["reason"] in (IDENTICAL, NEAR_IDENTICAL):
                if len(by_title) >= HEADINGS_KEPT:
                    by_title.clear()
                by_title[m["title"]] = hit
        hits[m["path"]] = hit
    return hits


HEADINGS_KEPT = 20_000  # headings a graph writer remembers the frame entry of (a bound on its memory)


def _in_simplified(measure: dict) -> dict:
    """A measure printed in traditional characters as the (simplified) frame reads it."""
    if not is_traditional(measure["title"] + measure.get("text", "")[:200]):
        return measure
    return {**measure, "title": to_simplified(measure["title"]), "text": to_simplified(measure.get("text", ""))}

# the kinds of nodes and edges of the responsibility graph: scope, the attributes every
# one of them has with the same value, and the names of the others, in the order
# document_parts gives their values
SHAPES: dict[str, tuple[str, dict[str, str], tuple[str, ...]]] = {
    "document": ("node", {"kind": "document"}, ("label", "level", "locality")),
    "measure": ("node", {"kind": "measure"},
                ("label", "path", "doc_id", "position", "frame_id", "frame_label", "level", "locality")),
    "unit": ("node", {"kind": "unit"}, ("unit_kind", "label", "function", "level", "locality", "parent")),
    "part_of": ("edge", {"relation": "part_of"}, ()),
    "responsible_for": ("edge", {"relation": "responsible_for"},
                        ("role", "source", "provenance", "raw", "span_start", "span_end")),
    "issued_by": ("edge", {"relation": "issued_by"}, ()),
}


def document_parts(r: Record, frame_of: dict[str, dict], units_seen: set[str]) -> Iterator[tuple[str, tuple, tuple]]:
    """One document's part of the responsibility graph as (shape, ends, values): a node's
    ends are its key, an edge's its source and target; ``values`` are the attributes
    :data:`SHAPES` names. Each edge once; a unit node only the first time it appears
    (``units_seen`` is updated), with the attributes of that mention."""
    doc = f"doc:{r['id']}"
    level, locality = r.get("admin_level") or "", r.get("locality") or ""
    yield "document", (doc,), (f"{r.get('locality')} {r.get('doc_number') or r['id']}", level, locality)
    edges: set[tuple[str, str]] = set()
    for position, m in enumerate(r["measures"]):
        measure = f"measure:{r['id']}:{m['path']}"
        hit = frame_of.get(m["path"], {})
        yield "measure", (measure,), (m["title"], m["path"], r["id"], position, hit.get("frame_id") or "",
                                      hit.get("label") or "", level, locality)
        yield "part_of", (measure, doc), ()
        for u in m["unit_mentions"]:
            unit, node = _unit_key(r, u["unit"], units_seen)
            if node:
                yield "unit", (unit,), node
            if (unit, measure) not in edges:
                edges.add((unit, measure))
                yield "responsible_for", (unit, measure), (u["role"], u["source"], provenance(u["source"]), u["unit"],
                                                           *u["span"][:2])
    for issuer in r.get("issuers") or []:
        unit, node = _unit_key(r, issuer, units_seen)
        if node:
            yield "unit", (unit,), node
        if (doc, unit) not in edges:
            edges.add((doc, unit))
            yield "issued_by", (doc, unit), ()


def _unit_key(record: Record, raw: str, units_seen: set[str]) -> tuple[str, tuple | None]:
    """The node key of the unit ``raw`` names in ``record``, and the values of its node
    the first time (None after)."""
    unit = (record.get("unit_map") or {}).get(raw) or {"id": f"raw:{raw}", "name": raw, "kind": "unresolved"}
    key = f"unit:{unit['id']}"
    if key in units_seen:
        return key, None
    units_seen.add(key)
    return key, (unit.get("kind") or "", unit.get("name") or raw, unit.get("function") or "",
                 unit.get("level") or "", unit.get("locality") or "", unit.get("parent_name") or "")


# every attribute the responsibility graph's nodes and edges carry, with its GraphML type
RESPONSIBILITY_KEYS = {
    "node": {"kind": "string", "label": "string", "level": "string", "locality": "string", "path": "string",
             "doc_id": "string", "position": "long", "frame_id": "string", "frame_label": "string",
             "unit_kind": "string", "function": "string", "parent": "string"},
    "edge": {"relation": "string", "role": "string", "source": "string", "provenance": "string", "raw": "string",
             "span_start": "long", "span_end": "long"},
}


# each attribute's GraphML key id, and the opening tag of its value
GRAPHML_IDS = {(scope, name): f"d{i}" for i, (scope, name) in
               enumerate((scope, name) for scope, names in RESPONSIBILITY_KEYS.items() for name in names)}


def _graphml_template(scope: str, constants: dict[str, str], names: tuple[str, ...]) -> str:
    """A shape's GraphML element with ``{}`` for its ends and values (:func:`str.format`)."""
    head = 'id="{}"' if scope == "node" else 'source="{}" target="{}"'
    data = [f'<data key="{GRAPHML_IDS[scope, name]}">{escape(value)}</data>' for name, value in constants.items()]
    data += [f'<data key="{GRAPHML_IDS[scope, name]}">{{}}</data>' for name in names]
    return f"<{scope} {head}>{''.join(data)}</{scope}>\n"


GRAPHML_TEMPLATES = {shape: _graphml_template(*spec) for shape, spec in SHAPES.items()}


def write_responsibility_graphml(records: Iterable[Record], path, frame_entries: list[dict] | PreparedFrame | None = None,
                                 fmt: str = "graphml") -> tuple[int, int]:
    """Write ``responsibility_graph(records, frame_entries=...)`` as GraphML (or ``fmt``:
    gexf, json) while the records stream past, one document's nodes and edges at a time
    (each unit once, with the attributes of its first mention, as the graph gives it): it
    reads back as the exported graph does. Returns (nodes, edges)."""
    prepared = _prepared(frame_entries)
    return _write_parts(path, [_graph_part(records, prepared, {}, fmt)], fmt)


def write_responsibility_graphml_from_db(db_path, path, frame_entries: list[dict] | PreparedFrame | None = None,
                                         workers: int | None = None, fmt: str = "graphml") -> tuple[int, int]:
    """:func:`write_responsibility_graphml` of every stored record (corpus order), the
    documents shared out in chunks among ``workers`` processes (default: cores), each
    reading its own records from the tables and writing its part to a file the writer
    appends in order; the file is the same graph whatever the number of workers."""
    prepared = _prepared(frame_entries)
    db = store.open_db(db_path)
    try:
        ids = store.document_ids(db)
    finally:
        db.close()
    workers = workers or os.cpu_count() or 1
    size = max(1, min(GRAPH_CHUNK, -(-len(ids) // (workers * 4))))  # at least four chunks a worker
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    workers = min(workers, len(chunks))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=Path(path).parent, prefix=".graph-") as folder:
        if workers <= 1:
            _graph_worker_init(str(db_path), prepared, folder, fmt, pool=False)
            try:
                return _write_parts(path, map(_graph_chunk, chunks), fmt)
            finally:
                _worker_state.pop("db").close()  # this process is the worker: its connection ends here
                _worker_state.clear()
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_graph_worker_init,
                                 initargs=(str(db_path), prepared, folder, fmt)) as pool:
            return _write_parts(path, _in_order_bounded(pool, _graph_chunk, chunks, ahead=2 * workers), fmt)


GRAPH_CHUNK = 1000  # documents a worker turns into a part of the file at a time, at most
_worker_state: dict = {}


def _graph_worker_init(db_path: str, prepared: PreparedFrame | None, folder: str, fmt: str, pool: bool = True) -> None:
    if pool:  # Ctrl-C is the writer's to handle (no traceback from every worker)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_state.update(db=store.open_db(db_path), prepared=prepared, units={}, by_title={}, folder=folder, fmt=fmt,
                         parts=0)


def _graph_chunk(ids: list[str]) -> tuple[dict[str, bytes], Path, Path, int, int]:
    """:func:`_graph_part` of the notices ``ids``, read by this worker from the tables; its
    nodes and edges go to two files in the worker's folder, whose paths are returned."""
    records = store.iter_unit_records(_worker_state["db"], ids, _worker_state["units"])
    # the chunk's objects hold no cycles, and are freed by reference counting when it is
    # written: the cycle collector would only walk them again and again (~17% of the time)
    gc.disable()
    try:
        units, nodes, edges, n_nodes, n_edges = _graph_part(records, _worker_state["prepared"],
                                                            _worker_state["by_title"], _worker_state["fmt"])
    finally:
        gc.enable()
    _worker_state["parts"] += 1
    stem = Path(_worker_state["folder"]) / f"{os.getpid()}-{_worker_state['parts']}"
    stem.with_suffix(".nodes").write_bytes(nodes)
    stem.with_suffix(".edges").write_bytes(edges)
    return units, stem.with_suffix(".nodes"), stem.with_suffix(".edges"), n_nodes, n_edges


def _in_order_bounded(pool: ProcessPoolExecutor, function, items: list, ahead: int) -> Iterator:
    """``function`` of each item, in order, with at most ``ahead`` results waiting."""
    window: deque = deque()
    for item in items:
        window.append(pool.submit(function, item))
        if len(window) >= ahead:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _prepared(frame_entries: list[dict] | PreparedFrame | None) -> PreparedFrame | None:
    if frame_entries is None or isinstance(frame_entries, PreparedFrame):
        return frame_entries
    return PreparedFrame(frame_entries)  # once, not once a record


def _graph_part(records: Iterable[Record], prepared: PreparedFrame | None, by_title: dict[str, dict], fmt: str
                ) -> tuple[dict[str, bytes], bytes, bytes, int, int]:
    """``records`` in ``fmt``, encoded: (each unit's node element, at its first mention here,
    by key; the other nodes; the edges; how many of each the two texts hold). Every
    element is preceded by the format's separator (JSON's comma)."""
    render, separator = GRAPH_FORMATS[fmt].render, GRAPH_FORMATS[fmt].separator
    units: dict[str, bytes] = {}
    nodes: list[str] = []
    edges: list[str] = []
    seen: set[str] = set()
    for record in records:
        items = list(document_parts(record, _frame_hits(record, None, prepared, by_title), seen))
        for (shape, ends, _), element in zip(items, render(items, record["id"])):
            if shape == "unit":
                units[ends[0]] = element.encode()
            else:
                (edges if shape in EDGE_SHAPES else nodes).append(separator + element)
    return units, "".join(nodes).encode(), "".join(edges).encode(), len(nodes), len(edges)


def _write_parts(path, parts: Iterable[tuple[dict[str, bytes], bytes | Path, bytes | Path, int, int]], fmt: str
                 ) -> tuple[int, int]:
    """The file of ``parts`` (:func:`_graph_part`, in order): the nodes, each unit's from the
    first part that mentions it, then the edges. Written to a hidden file renamed when
    complete: an interrupted run leaves the previous file, not half a graph."""
    spec = GRAPH_FORMATS[fmt]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    written: set[str] = set()
    edge_bodies: list[bytes | Path] = []
    nodes = edges = 0
    try:
        with open(partial, "wb") as out:
            out.write(spec.head.encode())
            first = _Separated(out, spec.separator.encode())
            for units, node_body, edge_body, part_nodes, part_edges in parts:
                for key, element in units.items():
                    if key not in written:
                        written.add(key)
                        first.write(spec.separator.encode() + element)
                first.write(node_body)
                edge_bodies.append(edge_body)
                nodes, edges = nodes + part_nodes, edges + part_edges
            out.write(spec.between.encode())
            first = _Separated(out, spec.separator.encode())
            for body in edge_bodies:
                first.write(body)
            out.write(spec.tail.encode())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return nodes + len(written), edges


class _Separated:
    """Appends bodies of separator-led elements to ``out``, dropping the separator before
    the first element of the list (JSON allows no leading comma)."""

    def __init__(self, out, separator: bytes):
        self.out, self.skip = out, len(separator)

    def write(self, body: bytes | Path) -> None:
        if isinstance(body, Path):
            size = body.stat().st_size
            if size:
                self.out.flush()
                with open(body, "rb") as part:
                    part.seek(self.skip)
                    _copy_file(part, self.out, size - self.skip)
                self.skip = 0
            body.unlink()
        elif body:
            self.out.write(body[self.skip:])
            self.skip = 0


def _copy_file(source, target, size: int) -> None:
    """Append ``size`` bytes from ``source``'s position to ``target`` (flushed), in the kernel where it can."""
    try:
        offset = source.tell()
        while size > 0:
            sent = os.sendfile(target.fileno(), source.fileno(), offset, size)
            if not sent:
                break
            offset, size = offset + sent, size - sent
    except (AttributeError, OSError):  # no sendfile between files here
        shutil.copyfileobj(source, target)


def _graphml_elements(items: list[tuple[str, tuple, tuple]], _doc_id: str = "") -> list[str]:
    """One document's nodes and edges (:func:`document_parts`) as GraphML elements.

    Most notices carry nothing to escape, so the elements are written as they are and
    checked once for the document: a value with a character XML escapes (or None, which
    is written as nothing) shows as more of that character than the templates hold."""
    elements, shapes, plain = [], [], True
    for shape, ends, values in items:
        plain = plain and None not in values
        elements.append(GRAPHML_TEMPLATES[shape].format(*ends, *values))
        shapes.append(shape)
    if plain:
        text = "".join(elements)
        plain = all(text.count(c) == sum(map(counts.__getitem__, shapes)) for c, counts in MARKUP.items())
    if plain:
        return elements
    return [GRAPHML_TEMPLATES[shape].format(*(escape(end, IN_QUOTES) for end in ends),
                                            *(escape("" if v is None else str(v)) for v in values))
            for shape, ends, values in items]


IN_QUOTES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}  # what an attribute value escapes besides &<>
# how many of each character an element's template holds, by shape: an element with more has a value to escape
MARKUP = {c: {shape: template.count(c) for shape, template in GRAPHML_TEMPLATES.items()} for c in '&<>"\n\r\t'}


EDGE_SHAPES = {shape for shape, (scope, _, _) in SHAPES.items() if scope == "edge"}


def _attributes(shape: str, values: tuple) -> dict:
    """A node's or edge's attributes by name, without the empty (None) ones, as the export writes them."""
    constants, names = SHAPES[shape][1], SHAPES[shape][2]
    return {**constants, **{name: value for name, value in zip(names, values) if value is not None}}


def _json_elements(items: list[tuple[str, tuple, tuple]], _doc_id: str = "") -> list[str]:
    """Node-link JSON objects, as ``nx.node_link_data(graph, edges="edges")`` gives them."""
    out = []
    for shape, ends, values in items:
        ids = {"id": ends[0]} if SHAPES[shape][0] == "node" else {"source": ends[0], "target": ends[1]}
        out.append("\n" + json.dumps({**_attributes(shape, values), **ids}, ensure_ascii=False))
    return out


# GEXF attribute ids: the node attributes but label (a node's label is its own XML attribute), then the edges'
GEXF_IDS = {key: str(i) for i, key in enumerate(
    [("node", name) for name in RESPONSIBILITY_KEYS["node"] if name != "label"]
    + [("edge", name) for name in RESPONSIBILITY_KEYS["edge"]])}


def _gexf_elements(items: list[tuple[str, tuple, tuple]], doc_id: str = "") -> list[str]:
    """GEXF 1.2 nodes and edges, as ``nx.write_gexf`` writes them (edge ids: the document's id and a count)."""
    out, count = [], 0
    for shape, ends, values in items:
        scope = SHAPES[shape][0]
        attributes = _attributes(shape, values)
        label = attributes.pop("label", None) if scope == "node" else None
        values_xml = "".join(f'<attvalue for="{GEXF_IDS[scope, name]}" value="{escape(str(value), IN_QUOTES)}" />'
                             for name, value in attributes.items())
        if scope == "node":
            head = f'<node id="{escape(ends[0], IN_QUOTES)}" label="{escape(str(label or ends[0]), IN_QUOTES)}">'
        else:
            head = (f'<edge source="{escape(ends[0], IN_QUOTES)}" target="{escape(ends[1], IN_QUOTES)}" '
                    f'id="{escape(f"{doc_id}-{count}", IN_QUOTES)}">')
            count += 1
        out.append(f"{head}<attvalues>{values_xml}</attvalues></{scope}>\n")
    return out


def _gexf_head() -> str:
    declarations = [f'<attributes mode="static" class="{scope}">'
                    + "".join(f'<attribute id="{GEXF_IDS[scope, name]}" title="{name}" type="{kind}" />'
                              for name, kind in RESPONSIBILITY_KEYS[scope].items() if (scope, name) in GEXF_IDS)
                    + "</attributes>\n" for scope in ("edge", "node")]
    return ("<?xml version='1.0' encoding='utf-8'?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
            '<graph defaultedgetype="directed" mode="static" name="responsibility graph">\n'
            + "".join(declarations) + "<nodes>\n")


class GraphFormat(NamedTuple):
    """How a streamed graph file is laid out: text before the nodes, between nodes and edges,
    after the edges; what separates elements; how a document's nodes and edges are written."""

    head: str
    between: str
    tail: str
    separator: str
    render: Callable[[list[tuple[str, tuple, tuple]], str], list[str]]


GRAPH_FORMATS = {
    "graphml": GraphFormat(
        "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        '<key id="dg" for="graph" attr.name="name" attr.type="string"/>\n'
        + "".join(f'<key id="{key}" for="{scope}" attr.name="{name}" attr.type="{RESPONSIBILITY_KEYS[scope][name]}"/>\n'
                  for (scope, name), key in GRAPHML_IDS.items())
        + '<graph edgedefault="directed"><data key="dg">responsibility graph</data>\n',
        "", "</graph></graphml>\n", "", _graphml_elements),
    "gexf": GraphFormat(_gexf_head(), "</nodes>\n<edges>\n", "</edges>\n</graph>\n</gexf>\n", "", _gexf_elements),
    "json": GraphFormat('{"directed": true, "multigraph": false, "graph": {"name": "responsibility graph"}, "nodes": [',
                        '\n], "edges": [', "\n]}\n", ",", _json_elements),
}


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
