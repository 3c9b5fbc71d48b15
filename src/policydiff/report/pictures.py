"""Pictures of the graphs (matplotlib, the ``pictures`` extra): the citation ladder
and the responsibility heat maps (unit function × frame entry), in English or Chinese.

The full responsibility graph is for Gephi (GraphML/GEXF); a picture of every
node is a hairball, so the picture answers one question instead: which functions
are named on which measures, and which lead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import PolicydiffError
from ..models import Record, is_printed
from ..resources import cjk_font_path
from .ladder import BOX_HEIGHT, PAD, ROW_HEIGHT, box_lines, ladder_tiers

LEVEL_COLORS = {"national": "#d62728", "provincial": "#ff7f0e", "prefecture": "#2ca02c", "county": "#1f77b4",
                "township": "#9467bd", "": "#7f7f7f"}

# how each kind of citation edge is drawn (picture and page): colour, matplotlib dashes, SVG dasharray
EDGE_STYLES: dict[str, tuple[str, Any, str]] = {
    "implements": ("#555555", "-", ""), "cites": ("#555555", (0, (4, 3)), "5,4"),
    "repeals": ("#c0392b", (0, (1, 2)), "1.5,3"), "amends": ("#8c564b", (0, (6, 2, 1, 2)), "7,3,2,3"),
    "replies_to": ("#17becf", (0, (2, 2)), "2,2")}
RELATIONS = ("implements", "cites", "repeals", "amends", "replies_to")  # the legend's order


def edge_kind(data: dict) -> str:
    """The drawn kind of a citation edge: implements (a 贯彻落实…精神 citation), else its relation."""
    return "implements" if data.get("implements") else data.get("relation") or "cites"


WORDS = {
    "en": {"national": "national", "provincial": "provincial", "prefecture": "prefecture", "county": "county",
           "township": "township", "": "level unknown", "ladder": "Citation ladder", "notices": "notices", "issued": "issued",
           "implements": "implements (贯彻落实…精神)", "cites": "cites (按照/根据…)",
           "repeals": "repeals (废止/不再执行)", "amends": "amends (修订/修改)", "replies_to": "replies to (…收悉)",
           "in_corpus": "in the corpus", "stub": "cited, not in the corpus (level inferred from the issuer code)",
           "heat": "Who is named on which measures", "across": "across localities",
           "function": "unit function", "unit": "unit as printed in the notice",
           "implied": "implied: sole issuer", "entry": "frame entry (derived from implementing notices)",
           "no_entry": "(no frame entry)",
           "unresolved": "(unresolved unit)", "cell_doc": "cell: documents naming the function / of them as lead",
           "cell_one": "cell: measures naming the unit / of them as lead", "full": "full graph: GraphML/GEXF",
           "printed_only": "printed units only ({} counts of units inferred from a duty paragraph or "
                           "implied by a sole issuer left out)",
           "none_printed": "no unit printed: every unit counted is inferred (duty paragraph) or implied "
                           "(sole issuer)"},
    "zh": {"national": "国家", "provincial": "省级", "prefecture": "地市级", "county": "县级", "township": "乡镇级",
           "": "级别不明", "ladder": "引用层级图", "notices": "份文件", "issued": "印发", "implements": "贯彻落实（…精神）",
           "cites": "按照/根据", "repeals": "废止/不再执行", "amends": "修订/修改", "replies_to": "答复（…收悉）",
           "in_corpus": "语料内文件", "stub": "被引、语料外文件（级别由发文机关代字推断）",
           "heat": "各职能部门承担的措施", "across": "各地汇总", "function": "部门职能",
           "unit": "单位（原文）", "implied": "推定：唯一发文机关",
           "entry": "框架条目（由各地实施文件归纳）", "no_entry": "（未对应框架条目）", "unresolved": "（未识别单位）",
           "cell_doc": "格内：提及该职能的文件数 / 其中牵头", "cell_one": "格内：提及该单位的措施数 / 其中牵头",
           "full": "完整图见 GraphML/GEXF",
           "printed_only": "仅计原文列明的单位（由职责分工段推断或由唯一发文机关默认的单位未计，计 {} 次）",
           "none_printed": "原文未列明单位：所计单位均为推断（职责分工段）或默认（唯一发文机关）"},
}


def words(lang: str) -> dict:
    return WORDS["zh" if lang == "zh" else "en"]


def _pyplot():
    try:
        import matplotlib
    except ImportError as exc:
        raise PolicydiffError("pictures need matplotlib: .venv/bin/pip install -e '.[pictures]'") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _font(size: float = 9):
    from matplotlib import font_manager

    path = cjk_font_path()
    return font_manager.FontProperties(fname=path, size=size) if path else font_manager.FontProperties(size=size)


def text_width(font):
    """A function measuring a one-line label in inches with ``font``."""
    from matplotlib.textpath import TextPath

    def width(text: str) -> float:
        # +6%: the renderer's hinting sets CJK a little wider than the outline path
        return TextPath((0, 0), text, prop=font).get_extents().width / 72 * 1.06 if text else 0.0

    return width


def corpus_title(records: list[Record], lang: str = "en", corpus: str = "") -> str:
    """'5 notices (corpus/), issued 2018-12-21 – 2022-06-27': what a picture shows."""
    w = words(lang)
    dates = sorted(r.get("issue_date") or "" for r in records if r.get("issue_date"))
    span = f"{dates[0]} – {dates[-1]}" if dates else ""
    where = f" ({corpus})" if corpus else ""
    if lang == "zh":
        return f"{len(records)}{w['notices']}{where}，{span}{w['issued']}"
    return f"{len(records)} {w['notices']}{where}, {w['issued']} {span}"


def draw_ladder(graph, path, subtitle: str = "", lang: str = "en") -> None:
    """The citation ladder as PNG or SVG (by ``path``'s suffix): province families side by
    side, cut into tiers stacked top to bottom so that the picture stays about a screen wide
    (one long row of families was ~30 inches wide, its labels unreadable unless zoomed)."""
    plt = _pyplot()

    w = words(lang)
    font = _font(9)
    tiers = ladder_tiers(graph, text_width(font))
    width = max(plan.width for _, plan in tiers)
    head, gap = 1.3, 0.15  # inches: title and legend; between two tiers
    height = head + sum(_tier_height(plan) for _, plan in tiers) + gap * (len(tiers) - 1)
    fig = plt.figure(figsize=(width, height))
    top = height - head
    for sub, plan in tiers:
        tall = _tier_height(plan)
        ax = fig.add_axes((0, (top - tall) / height, plan.width / width, tall / height))
        _draw_tier(ax, sub, plan, w)
        top -= tall + gap
    fig.text(0.01, 1 - 0.35 / height, f"{w['ladder']}: {subtitle}", fontproperties=_font(13), va="center")
    _ladder_legend(fig, height, w, {edge_kind(d) for _, _, d in graph.edges(data=True)})
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _tier_height(plan) -> float:
    # from 0.4 in above the first row's centre to 0.5 in above the plan's end (below the
    # last row only the lanes of its edges, ~0.8 in deep)
    return plan.height - 0.1


def _draw_tier(ax, graph, plan, w) -> None:
    """One tier of the ladder: its rows, edges and boxes, in inches (``plan``)."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    ax.set_xlim(0, plan.width)
    ax.set_ylim(plan.height - 0.5, -0.4)
    ax.axis("off")
    for i, level in enumerate(plan.rows):
        y = i * ROW_HEIGHT
        ax.axhline(y, color="#eeeeee", lw=18, zorder=0)
        ax.text(0.15, y, w[level], fontproperties=_font(10), va="center", ha="left", color=LEVEL_COLORS[level])
    for (s, t), points in plan.routes.items():
        data = graph.edges[s, t]
        xs, ys = zip(*points)
        colour, style, _ = EDGE_STYLES[edge_kind(data)]
        ax.plot(xs[:-1], ys[:-1], color=colour, lw=1.1, linestyle=style, zorder=1)
        ax.add_patch(FancyArrowPatch(points[-2], points[-1], arrowstyle="-|>", mutation_scale=10, color=colour,
                                     lw=1.1, linestyle=style, shrinkA=0, shrinkB=0, zorder=1))
    for node, box in plan.boxes.items():
        data = graph.nodes[node]
        color = LEVEL_COLORS[box.level]
        stub = bool(data.get("stub"))
        ax.add_patch(FancyBboxPatch((box.x - box.width / 2, box.y - BOX_HEIGHT / 2), box.width, BOX_HEIGHT,
                                    boxstyle="round,pad=0,rounding_size=0.06", facecolor="white" if stub else color,
                                    edgecolor=color, lw=1.4, linestyle=(0, (3, 2)) if stub else "-", zorder=2))
        lines = box_lines(data)
        ink = color if stub else "white"
        for k, line in enumerate(lines):
            offset = (k - (len(lines) - 1) / 2) * 0.19
            ax.text(box.x - box.width / 2 + PAD, box.y + offset, line, fontproperties=_font(9 if k == 0 else 7.5),
                    color=ink, va="center", ha="left", zorder=3)


def _ladder_legend(fig, height, w, kinds: set[str]) -> None:
    """Boxes in and out of the corpus, and each kind of edge: implements and cites always, repeals, amends and
    replies to where the graph draws one."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    shown = [k for k in RELATIONS if k in ("implements", "cites") or k in kinds]
    handles = [Patch(facecolor="#777777", edgecolor="#777777", label=w["in_corpus"]),
               Patch(facecolor="white", edgecolor="#777777", linestyle="--", label=w["stub"]),
               *(Line2D([0], [0], color=EDGE_STYLES[k][0], linestyle=EDGE_STYLES[k][1], label=w[k]) for k in shown)]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.01, 1 - 0.6 / height), ncol=4, prop=_font(8),
               frameon=False)


# ------------------------------------------------------------------ heat maps


def function_entry_counts(graph, doc_ids=None, lang: str = "en",
                          printed_only: bool = False) -> dict[tuple[str, str], list[set]]:
    """(function, frame entry) → [documents or measures naming it, of them as lead]. For one
    notice (``doc_ids``) a row is a unit as the notice prints it, not its function: a
    notice's offices (医政处, 基层处 …) share one function and would collapse into one row;
    a unit the notice names nowhere (its sole issuer, implied) says so. With ``printed_only``,
    units inferred from a duty paragraph or implied by a sole issuer are not counted."""
    w = words(lang)
    counts: dict[tuple[str, str], list[set]] = {}
    for unit, measure, data in graph.edges(data=True):
        if data.get("relation") != "responsible_for" or (printed_only and not is_printed(data.get("source"))):
            continue
        m = graph.nodes[measure]
        if doc_ids is not None and m.get("doc_id") not in doc_ids:
            continue
        function = graph.nodes[unit].get("function") or w["unresolved"]
        if doc_ids is not None:
            function = data.get("raw") or graph.nodes[unit].get("label") or function
            if data.get("source") == "sole_issuer":
                function += f" ({w['implied']})"
        entry = m.get("frame_label") or w["no_entry"]
        # across documents a cell counts documents, in one document it counts measures
        item = m.get("doc_id") if doc_ids is None else measure
        cell = counts.setdefault((function, entry), [set(), set()])
        cell[0].add(item)
        if data.get("role") == "lead":
            cell[1].add(item)
    return counts


def draw_heatmap(graph, path, subtitle: str = "", lang: str = "en", doc_ids=None, entries: list[str] | None = None):
    """Unit function × frame entry: one document (``doc_ids``) or all of them."""
    plt = _pyplot()
    import numpy as np

    w = words(lang)
    # printed units are counted; where a notice prints none, its inferred / implied ones, said in the title
    every = function_entry_counts(graph, doc_ids, lang)
    counts = function_entry_counts(graph, doc_ids, lang, printed_only=True)
    left_out = sum(len(c[0]) for c in every.values()) - sum(len(c[0]) for c in counts.values())
    provenance_note = w["printed_only"].format(left_out) if counts and left_out else ""
    if not counts:
        counts, provenance_note = every, w["none_printed"]
    if not counts:
        raise PolicydiffError(f"{path}: no measure names a unit; nothing to draw")
    seen = {e for _, e in counts}
    columns = [e for e in (entries or []) if e in seen] + sorted(seen - set(entries or []))
    totals: dict[str, int] = {}
    for (function, _), cell in counts.items():
        totals[function] = totals.get(function, 0) + len(cell[0])
    rows = sorted(totals, key=lambda f: (-totals[f], f))
    values = np.array([[len(counts.get((f, e), [()])[0]) for e in columns] for f in rows])
    fig_w, fig_h = 2.2 + 0.42 * len(columns), 2.6 + 0.32 * len(rows)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.imshow(np.where(values > 0, values, np.nan), cmap="YlOrRd", aspect="auto", vmin=0)
    for i, f in enumerate(rows):
        for j, e in enumerate(columns):
            if (f, e) in counts:
                named, lead = (len(items) for items in counts[(f, e)])
                ax.text(j, i, f"{named}/{lead}" if lead else str(named), ha="center", va="center",
                        fontsize=7, color="white" if named > values.max() * 0.6 else "black")
    ax.set_xticks(range(len(columns)), columns, rotation=60, ha="right", rotation_mode="anchor",
                  fontproperties=_font(8))
    ax.set_yticks(range(len(rows)), rows, fontproperties=_font(8))
    ax.set_xticks(np.arange(len(columns)) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(rows)) - 0.5, minor=True)
    ax.grid(which="minor", color="white", lw=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel(w["entry"], fontproperties=_font(9))
    ax.set_ylabel(w["function"] if doc_ids is None else w["unit"], fontproperties=_font(9))
    note = w["cell_one"] if doc_ids is not None else w["cell_doc"]
    fig.suptitle(f"{w['heat']}: {subtitle}", fontproperties=_font(12), x=0.01, ha="left")
    ax.set_title(f"{note}; {w['full']}" + (f"\n{provenance_note}" if provenance_note else ""),
                 fontproperties=_font(8), loc="left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_picture(graph, path, subtitle: str = "", lang: str = "en", doc_ids=None, entries=None) -> Path:
    """The picture of a citation graph (the ladder) or a responsibility graph (a heat map)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if graph.graph.get("name") == "citation graph":
        draw_ladder(graph, path, subtitle, lang)
    else:
        draw_heatmap(graph, path, subtitle, lang, doc_ids, entries)
    return path
