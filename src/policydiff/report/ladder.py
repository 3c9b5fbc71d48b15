"""The citation ladder: where each document of a citation graph sits and how its
edges run, in inches, with no drawing library (the PNG and the HTML view share it).

Rows by level (national on top, then provinces, prefectures, counties, unknown);
each province's family (its prefectures and counties, corpus documents and stubs)
in its own vertical band so chains read top to bottom. Edges are orthogonal:
vertical through gaps between boxes, horizontal only in the channels between
rows, each horizontal run on its own lane, so an edge never crosses a box and
two edges never share a segment.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> g.add_node("桂卫〔2021〕5号", level="provincial", locality="广西壮族自治区", in_corpus=True)
>>> g.add_node("国卫〔2021〕6号", level="national", locality="中华人民共和国", stub=True)
>>> g.add_edge("桂卫〔2021〕5号", "国卫〔2021〕6号")
>>> plan = ladder_layout(g, lambda text: len(text) * 0.15)
>>> plan.boxes["国卫〔2021〕6号"].row, plan.boxes["桂卫〔2021〕5号"].row
(0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from .. import patterns as P
from ..graph import level_of_number
from ..resources import ancestor, localities

LEVELS = (*P.ADMIN_LEVELS, "")  # the rows drawn, top down (a town's notice below its county); "" for a level not known
ROW_HEIGHT = 1.6  # inches from one row's centre to the next
BOX_HEIGHT = 0.5
GAP = 0.25  # between two boxes of a row
PAD = 0.12  # inside a box, each side of the text


@dataclass
class Box:
    node: str
    row: int
    x: float  # centre
    y: float  # centre (rows go down: national at 0)
    width: float
    level: str
    inferred: bool  # the level comes from the issuer code or hint, not from the document itself


@dataclass
class LadderPlan:
    boxes: dict[str, Box]
    routes: dict[tuple[str, str], list[tuple[float, float]]]  # polyline from citing box to cited box
    rows: list[str]  # level of each row, top to bottom
    width: float
    height: float
    notes: list[str] = field(default_factory=list)


def row_of(data: dict) -> tuple[int, bool]:
    """(row index, inferred?) of a node: its level, else the level its 文号 code implies."""
    level = data.get("level") or ""
    inferred = bool(data.get("stub"))
    # a corpus notice placed at no level (a development zone: 陕西咸新社发 names the province it lies in, not its level)
    # stays in the unknown row; one placed nowhere is put where its code implies, said to be inferred
    if not level and data.get("doc_number") and not (data.get("in_corpus") and data.get("locality")):
        level = level_of_number(data["doc_number"], data.get("issuer_hint"))[0] or ""
        inferred = inferred or bool(level)
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1), inferred


def family_of(data: dict) -> str:
    """The province a node belongs to (its band); national nodes have none."""
    locality = data.get("locality") or ""
    if locality in localities() and localities()[locality].level == "national":
        return ""
    return ancestor(locality, "provincial") or locality


def ladder_layout(graph, width_of, every_row: bool = True) -> LadderPlan:
    """Boxes and edge routes for ``graph``; ``width_of(text)`` measures a label in inches.
    ``every_row=False`` leaves out the levels no node of ``graph`` is on."""
    rows, inferred = {}, {}
    for node, data in graph.nodes(data=True):
        rows[node], inferred[node] = row_of(data)
    used = sorted(set(rows.values()) | ({0, 1, 2, 3} if every_row else set()))
    row_y = {r: i * ROW_HEIGHT for i, r in enumerate(used)}
    widths = {n: max(width_of(t) for t in box_lines(graph.nodes[n])) + 2 * PAD for n in graph}
    x = _band_positions(graph, rows, widths)
    boxes = {n: Box(n, rows[n], x[n], row_y[rows[n]], widths[n], LEVELS[rows[n]], inferred[n]) for n in graph}
    left = min(b.x - b.width / 2 for b in boxes.values()) - 1.2  # room for the row names
    for b in boxes.values():
        b.x -= left
    routes = _route(graph, boxes, row_y)
    width = max(b.x + b.width / 2 for b in boxes.values()) + 0.4
    return LadderPlan(boxes, routes, [LEVELS[r] for r in used], width, row_y[used[-1]] + ROW_HEIGHT + 0.1)


TIER_WIDTH = 16.0  # inches: a picture wider than a screen's width at 100 dpi is read zoomed out


def ladder_tiers(graph, width_of, max_width: float = TIER_WIDTH) -> list[tuple[object, LadderPlan]]:
    """The ladder cut into tiers stacked top to bottom, each at most ``max_width`` wide
    where its province families allow: families in the band order, a tier closed when the
    next family would make it wider. A tier holds its families and the national documents
    they cite (one cited from two tiers is drawn in both); its rows are the levels it uses.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> for p, code in (("广西壮族自治区", "桂"), ("安徽省", "皖"), ("江苏省", "苏")):
    ...     g.add_node(f"{code}卫〔2021〕5号", level="provincial", locality=p, in_corpus=True)
    >>> [sorted(sub.nodes) for sub, _ in ladder_tiers(g, lambda text: len(text) * 0.15, max_width=3)]
    [['皖卫〔2021〕5号'], ['桂卫〔2021〕5号'], ['苏卫〔2021〕5号']]
    """
    families: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        families.setdefault(family_of(data), []).append(node)
    national = set(families.pop("", []))
    # national documents no family's document links to: drawn in the first tier
    alone = {n for n in national if not any(m not in national for m in (*graph.predecessors(n), *graph.successors(n)))}

    def tier_graph(members: list[str], first: bool):
        nodes = set(members) | (alone if first else set())
        grown = True
        while grown:  # the national documents linked to the tier's, and those linked to them
            more = {n for n in national - nodes
                    if any(m in nodes for m in (*graph.predecessors(n), *graph.successors(n)))}
            nodes |= more
            grown = bool(more)
        return graph.subgraph(nodes)

    tiers: list[list[str]] = []
    for family in sorted(families):
        if tiers:
            wider = tiers[-1] + families[family]
            if ladder_layout(tier_graph(wider, len(tiers) == 1), width_of, False).width <= max_width:
                tiers[-1] = wider
                continue
        tiers.append(list(families[family]))
    if not tiers:  # national documents only
        return [(graph, ladder_layout(graph, width_of, False))]
    subgraphs = [tier_graph(members, i == 0) for i, members in enumerate(tiers)]
    return [(sub, ladder_layout(sub, width_of, False)) for sub in subgraphs]


def box_lines(data: dict) -> list[str]:
    """The text of a box, one unbreakable line each: 文号 (or 《title》), then the locality."""
    first = data.get("doc_number") or f"《{data.get('title') or data.get('label') or ''}》"
    second = data.get("locality") or ""
    if data.get("issue_date"):
        second = f"{second} {data['issue_date']}".strip()
    return [first, second] if second else [first]


def _band_positions(graph, rows, widths) -> dict[str, float]:
    """x centre of every box: province families side by side, national nodes over their citers."""
    families: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        families.setdefault(family_of(data), []).append(node)
    x: dict[str, float] = {}
    start = 0.0
    for family in sorted(f for f in families if f):
        members = families[family]
        band = max(_row_span(widths, [n for n in members if rows[n] == r]) for r in set(rows[n] for n in members))
        for r in set(rows[n] for n in members):
            _pack(sorted((n for n in members if rows[n] == r), key=lambda n: _order_key(graph, n)),
                  widths, start + band / 2, x)
        start += band + 2 * GAP
    for r in sorted(set(rows[n] for n in families.get("", []))):
        nodes = [n for n in families[""] if rows[n] == r]
        wanted = {n: _mean([x[p] for p in graph.predecessors(n) if p in x], start / 2) for n in nodes}
        ordered = sorted(nodes, key=lambda n: (wanted[n], n))
        _pack(ordered, widths, _mean(list(wanted.values()), start / 2), x)
        _spread_apart(ordered, widths, wanted, x)
    return x


def _order_key(graph, node):
    # the corpus document first, then what it cites in the order its edges were found
    data = graph.nodes[node]
    return (not data.get("in_corpus"), node)


def _row_span(widths, nodes) -> float:
    return sum(widths[n] for n in nodes) + GAP * max(len(nodes) - 1, 0)


def _pack(nodes, widths, centre, x) -> None:
    cursor = centre - _row_span(widths, nodes) / 2
    for n in nodes:
        x[n] = cursor + widths[n] / 2
        cursor += widths[n] + GAP


def _spread_apart(ordered, widths, wanted, x) -> None:
    """Move packed boxes towards where they want to be, keeping order and gaps."""
    for n in ordered:
        x[n] = wanted[n]
    for a, b in pairwise(ordered):
        least = x[a] + (widths[a] + widths[b]) / 2 + GAP
        if x[b] < least:
            x[b] = least


def _mean(values, default):
    return sum(values) / len(values) if values else default


def _route(graph, boxes, row_y) -> dict:
    """Orthogonal routes; see the module docstring."""
    edges = list(graph.edges())
    ports = _ports(edges, boxes)
    raw: dict[tuple[str, str], list[tuple[float, float]]] = {}
    runs: dict[float, list] = {}  # channel (y of its middle) → horizontal runs to give lanes
    for s, t in edges:
        a, b = boxes[s], boxes[t]
        start, end = ports[(s, t)]
        if b.row < a.row:  # up the ladder (the usual case)
            free = _free_x(start[0], boxes, b.row, a.row)
            points = [start, (start[0], "above", a.row), (free, "above", a.row), (free, "below", b.row),
                      (end[0], "below", b.row), end]
        elif b.row > a.row:
            free = _free_x(start[0], boxes, a.row, b.row)
            points = [start, (start[0], "below", a.row), (free, "below", a.row), (free, "above", b.row),
                      (end[0], "above", b.row), end]
        else:  # same row: down into the channel under the row and back up
            points = [start, (start[0], "below", a.row), (end[0], "below", a.row), end]
        # a channel point is (x, channel y, True); the channel under one row is the one above the next
        points = [(p[0], _channel(p, row_y), True) if len(p) == 3 else p for p in points]
        raw[(s, t)] = points
        for p, q in pairwise(points):
            if len(p) == 3 and len(q) == 3 and p[1] == q[1] and p[0] != q[0]:
                runs.setdefault(p[1], []).append(((s, t), min(p[0], q[0]), max(p[0], q[0])))
    lane = _lanes(runs)
    routes = {}
    for edge, points in raw.items():
        out = [(p[0], p[1] + lane.get((edge, p[1]), 0.0)) if len(p) == 3 else p for p in points]
        routes[edge] = _straighten(_dedupe(out))
    return routes


def _channel(point, row_y) -> float:
    _, side, row = point
    return row_y[row] + (ROW_HEIGHT / 2 if side == "below" else -ROW_HEIGHT / 2)


def _lanes(runs) -> dict:
    """Offset of each horizontal run inside its channel: overlapping runs get different lanes."""
    lane = {}
    usable = ROW_HEIGHT - BOX_HEIGHT - 0.3
    for channel, items in runs.items():
        taken: list[list[tuple[float, float]]] = []
        chosen = {}
        for edge, lo, hi in sorted(items, key=lambda i: (i[1], i[2])):
            k = next((i for i, spans in enumerate(taken) if all(hi + 0.05 < a or lo - 0.05 > b for a, b in spans)),
                     len(taken))
            if k == len(taken):
                taken.append([])
            taken[k].append((lo, hi))
            chosen[edge] = k
        step = usable / max(len(taken), 1)
        for edge, k in chosen.items():
            lane[(edge, channel)] = -usable / 2 + step * (k + 0.5)
    return lane


def _ports(edges, boxes) -> dict:
    """Where each edge leaves its citing box and enters its cited box: spread along the
    box side, ordered by the x of the other end so edges leaving one box do not cross."""
    sides: dict[tuple[str, str], list] = {}
    for s, t in edges:
        a, b = boxes[s], boxes[t]
        out_side, in_side = ("top", "bottom") if b.row < a.row else ("bottom", "top") if b.row > a.row else (
            "bottom", "bottom")
        sides.setdefault((s, out_side), []).append(((s, t), b.x))
        sides.setdefault((t, in_side), []).append(((s, t), a.x))
    ends: dict[tuple[str, str], dict] = {}
    tops: dict[str, list[float]] = {}
    for (node, side), items in sorted(sides.items(), key=lambda kv: kv[0][1] != "top"):
        box = boxes[node]
        items.sort(key=lambda i: i[1])
        for k, (edge, _) in enumerate(items):
            px = box.x - box.width * 0.4 + box.width * 0.8 * (k + 1) / (len(items) + 1)
            if side == "top":
                tops.setdefault(node, []).append(px)
            elif any(abs(px - top) < 0.1 for top in tops.get(node, [])):
                px += 0.12  # a line in at the top and out at the bottom would read as one passing through
            py = box.y + (BOX_HEIGHT / 2 if side == "bottom" else -BOX_HEIGHT / 2)
            ends.setdefault(edge, {})["start" if node == edge[0] else "end"] = (px, py)
    return {edge: (e["start"], e["end"]) for edge, e in ends.items()}


def _free_x(x, boxes, top_row, bottom_row) -> float:
    """x nearest to ``x`` where a vertical line crosses no box on the rows strictly between."""
    between = [b for b in boxes.values() if top_row < b.row < bottom_row]

    def blocked(cx):
        return any(abs(cx - b.x) < b.width / 2 + 0.08 for b in between)

    if not blocked(x):
        return x
    candidates = sorted((edge for b in between for edge in (b.x - b.width / 2 - GAP / 2, b.x + b.width / 2 + GAP / 2)),
                        key=lambda cx: abs(cx - x))
    return next((cx for cx in candidates if not blocked(cx)), x)


def _straighten(points):
    """Drop middle points of three in a vertical or horizontal line (a run of zero length)."""
    out = []
    for p in points:
        if len(out) >= 2 and (out[-2][0] == out[-1][0] == p[0] or out[-2][1] == out[-1][1] == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def _dedupe(points):
    out = []
    for p in points:
        if not out or (abs(p[0] - out[-1][0]) > 1e-9 or abs(p[1] - out[-1][1]) > 1e-9):
            out.append(p)
    return out
