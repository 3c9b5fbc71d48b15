"""One self-contained HTML page per graph: the graph as JSON plus a small SVG viewer
(pan, zoom, search a 文号 or a unit, click a node to see its document, its measures and
the quoted evidence). Nothing is fetched: it works from a file:// URL, offline.

The page reads ``#search=…&click=…`` from its URL (so a link, or a headless browser,
can open it on a node) and writes what it found into ``#results`` and ``#details``.
"""

from __future__ import annotations

import html
import json
from importlib import resources

from ..models import Record, is_printed, provenance
from ..textutils import sentence_around
from .ladder import BOX_HEIGHT, box_lines, ladder_layout
from .pictures import EDGE_STYLES, LEVEL_COLORS, RELATIONS, edge_kind, words

KIND_COLORS = {"unit": "#9467bd", "measure": "#8c564b", "document": "#17becf"}
ROW_STEP = 0.32  # inches between two nodes of a column in the responsibility view


def estimated_width(text: str) -> float:
    """Width of a label in inches at the page's 13px: CJK a full em, the rest about half."""
    return sum(0.135 if ord(ch) > 0x2E80 or 0x2010 <= ord(ch) <= 0x206F else 0.075 for ch in text)


def script_json(data) -> str:
    """``data`` as JSON to embed in a ``<script>``: ``<``, ``>`` and ``&`` as JSON escapes, so
    that no text from a notice (``</script>``, ``<!--<script``) ends or hides the script.

    >>> script_json({"title": "<!--<script/"})
    '{"title": "\\\\u003c!--\\\\u003cscript/"}'
    """
    return (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def graph_page(graph, records: list[Record], subtitle: str = "", lang: str = "en") -> str:
    """The page for a citation graph or a responsibility graph."""
    texts = {r["id"]: r["text"] for r in records}
    citation = graph.graph.get("name") == "citation graph"
    w = words(lang)
    nodes, edges = (_citation_view(graph, texts, w) if citation else _responsibility_view(graph, texts, lang))
    title = f"{w['ladder'] if citation else w['heat']}: {subtitle}"
    data = {"title": title, "lang": lang, "nodes": nodes, "edges": edges,
            "legend": _edge_legend(edges, w) if citation else [],
            "docs": {r["id"]: _doc_summary(r, lang) for r in records}, "words": UI_WORDS["zh" if lang == "zh" else "en"]}
    script = resources.files("policydiff.report").joinpath("graph_view.js").read_text(encoding="utf-8")
    payload = script_json(data)
    return PAGE.format(lang="zh-CN" if lang == "zh" else "en", title=html.escape(title), data=payload, script=script,
                       search=html.escape(UI_WORDS["zh" if lang == "zh" else "en"]["search"]),
                       whole=html.escape(UI_WORDS["zh" if lang == "zh" else "en"]["whole"]))


def _citation_view(graph, texts, w):
    plan = ladder_layout(graph, estimated_width)
    nodes = []
    for node, box in plan.boxes.items():
        data = graph.nodes[node]
        nodes.append({"id": node, "lines": box_lines(data), "x": box.x, "y": box.y, "w": box.width,
                      "h": BOX_HEIGHT, "color": LEVEL_COLORS[box.level], "stub": bool(data.get("stub")),
                      "level": w[box.level], "inferred": box.inferred, "title": data.get("title") or "",
                      "doc": data.get("doc_id") or "", "kind": "document"})
    edges = []
    for (s, t), points in plan.routes.items():
        data = graph.edges[s, t]
        kind = edge_kind(data)
        edges.append({"s": s, "t": t, "points": points, "dashed": EDGE_STYLES[kind][2], "color": EDGE_STYLES[kind][0],
                      "relation": kind, "relation_word": w[kind], "verb": data.get("verb"),
                      "evidence": data.get("evidence") or "", "doc": data.get("citing_doc") or "",
                      "sentence": _sentence(texts, data.get("citing_doc"), data)})
    return nodes, edges


def _edge_legend(edges: list[dict], w: dict) -> list[list[str]]:
    """[word, colour, dasharray] of each kind of citation edge: implements and cites always, repeals, amends and
    replies to where the page draws one."""
    kinds = {e["relation"] for e in edges}
    return [[w[k], EDGE_STYLES[k][0], EDGE_STYLES[k][2]] for k in RELATIONS
            if k in ("implements", "cites") or k in kinds]


def _responsibility_view(graph, texts, lang="en"):
    """Three columns: units (most measures first), measures by document, documents."""
    kinds: dict[str, list[str]] = {"unit": [], "measure": [], "document": []}
    for node, data in graph.nodes(data=True):
        kinds.setdefault(data.get("kind") or "unit", []).append(node)
    kinds["unit"].sort(key=lambda n: (-graph.out_degree(n), n))
    kinds["measure"].sort(key=lambda n: (graph.nodes[n]["doc_id"], graph.nodes[n]["position"]))
    columns = {"unit": 0.0, "measure": 5.0, "document": 11.0}
    nodes = []
    for kind, members in kinds.items():
        for i, node in enumerate(members):
            data = graph.nodes[node]
            label = data.get("label") or node
            width = estimated_width(label) + 0.2
            nodes.append({"id": node, "lines": [label], "x": columns.get(kind, 0.0) + width / 2, "y": i * ROW_STEP,
                          "w": width, "h": 0.26, "color": KIND_COLORS.get(kind, "#999"), "stub": False,
                          "kind": kind, "doc": data.get("doc_id") or node.removeprefix("doc:"),
                          "title": data.get("frame_label") or data.get("function") or "",
                          "parent": data.get("parent") or "", "path": data.get("path") or ""})
    where = {n["id"]: n for n in nodes}
    edges = []
    for s, t, data in graph.edges(data=True):
        a, b = where[s], where[t]
        doc = graph.nodes[t].get("doc_id") or graph.nodes[s].get("doc_id") or ""
        edges.append({"s": s, "t": t, "points": [(a["x"] + a["w"] / 2, a["y"]), (b["x"] - b["w"] / 2, b["y"])],
                      "dashed": data.get("role") != "lead", "relation": data.get("relation") or "",
                      "role": data.get("role") or "", "evidence": data.get("raw") or "", "doc": doc,
                      # a unit not printed beside the measure says so: inferred / implied
                      "provenance": "" if is_printed(data.get("source")) or data.get("relation") != "responsible_for"
                      else provenance(data.get("source"), lang),
                      "sentence": _sentence(texts, doc, data)})
    return nodes, edges


def _sentence(texts, doc_id, edge) -> str:
    text = texts.get(doc_id or "")
    if text is None or edge.get("span_start") in (None, ""):
        return ""
    return sentence_around(text, (int(edge["span_start"]), int(edge["span_end"])))


def _doc_summary(record: Record, lang: str = "en") -> dict:
    return {"title": record.get("title") or "", "doc_number": record.get("doc_number") or "",
            "locality": record.get("locality") or "", "level": record.get("admin_level") or "",
            "date": record.get("issue_date") or "",
            "measures": [{"path": m["path"], "title": m["title"],
                          "units": [[u["unit"], u["role"],
                                     "" if is_printed(u["source"]) else provenance(u["source"], lang)]
                                    for u in m.get("unit_mentions", [])]}
                         for m in record.get("measures", [])]}


UI_WORDS = {
    "en": {"search": "search a 文号, a title or a unit", "cites": "cites", "cited_by": "cited by",
           "measures": "measures", "named_on": "named on", "units": "units", "inferred": "level inferred from the "
           "issuer code", "stub": "not in the corpus", "matches": "matches", "none": "no match", "lead": "lead",
           "help": "drag to pan · wheel to zoom · click a box",
           "whole": "whole graph", "opened_on": "opened on the first notice",
           "rel_repeals": "repeals", "rel_amends": "amends", "rel_replies_to": "replies to"},
    "zh": {"search": "搜索文号、标题或单位", "cites": "引用", "cited_by": "被引用", "measures": "措施",
           "named_on": "承担措施", "units": "责任单位", "inferred": "级别由发文机关代字推断", "stub": "语料外文件",
           "matches": "个结果", "none": "无结果", "lead": "牵头", "help": "拖动平移 · 滚轮缩放 · 点击方框",
           "whole": "查看全图", "opened_on": "已打开第一份文件",
           "rel_repeals": "废止", "rel_amends": "修订", "rel_replies_to": "答复"},
}

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ margin: 0; font: 13px/1.45 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       display: grid; grid-template-columns: 1fr 380px; grid-template-rows: auto 1fr; height: 100vh; }}
header {{ grid-column: 1 / 3; padding: 6px 10px; border-bottom: 1px solid #ddd; display: flex; gap: 12px;
         align-items: center; }}
header h1 {{ font-size: 15px; margin: 0; font-weight: 600; }}
#search {{ width: 260px; padding: 3px 6px; }}
#view {{ width: 100%; height: 100%; cursor: grab; background: #fff; }}
aside {{ border-left: 1px solid #ddd; overflow: auto; padding: 8px 10px; }}
#results li, .ref {{ cursor: pointer; color: #1558b0; }}
.node text {{ pointer-events: none; }}
.node.hit rect {{ stroke-width: 4; }}
.node.selected rect {{ stroke: #000; stroke-width: 3; }}
.edge {{ fill: none; stroke: #666; stroke-width: 1.2; }}
.edge.on {{ stroke: #d00 !important; stroke-width: 2.5; opacity: 1; }}
#legend span {{ margin-right: 10px; white-space: nowrap; }}
#legend svg {{ vertical-align: middle; margin-right: 3px; }}
svg.focus .edge {{ opacity: 0.12; }}
svg.focus .edge.on {{ opacity: 1; }}
.quote {{ background: #fff6d6; padding: 2px 4px; display: block; margin: 2px 0 6px; }}
.muted {{ color: #777; }}
</style></head>
<body>
<header><h1>{title}</h1><input id="search" type="search" placeholder="{search}"><span id="count" class="muted"></span>
<button id="whole" type="button">{whole}</button> <span id="legend"></span> <span id="help" class="muted"></span></header>
<svg id="view" xmlns="http://www.w3.org/2000/svg"></svg>
<aside><ul id="results"></ul><div id="details"></div></aside>
<script id="graph-data" type="application/json">{data}</script>
<script>
{script}
</script>
</body></html>
"""
