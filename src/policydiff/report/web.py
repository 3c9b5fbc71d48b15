"""Browse: Datasette metadata (labels, descriptions, facets, canned queries) and
an HTML rendering of a notice with every extracted span highlighted by kind."""

from __future__ import annotations

import html
from pathlib import Path

from .. import store
from ..compare.frame import FRAME_PATH, frame_terms
from ..models import Record, provenance, shown_value
from ..query import ANSWER_COLUMNS, answer_rows, duties, who
from .matrix import document_cells, document_matrix

MATRIX_COLUMNS = ["doc_id", "序号", "path", "工作任务", "unit", "role", "provenance"]

TABLES = {
    "documents": ("Documents", "One row per notice: 文号, locality, level, dates; `record` is the public JSON.",
                  ["admin_level", "locality", "source_format"]),
    "measures": ("Measures", "Lowest-level numbered items that prescribe action, with path, heading and text.",
                 ["doc_id"]),
    "measure_units": ("Responsible units per measure", "Raw unit strings, by role and source: inline_marker "
                      "and task_table are printed; duty_paragraph is inferred (a duty paragraph's unit attached "
                      "by shared terms); sole_issuer is implied (the notice's sole issuer, no unit printed).",
                      ["role", "source", "doc_id"]),
    "units": ("Canonical units", "What each raw unit string names: function, kind, level, locality, parent.",
              ["function", "kind", "level", "locality"]),
    "unit_aliases": ("Raw → canonical unit", "The mapping from each raw string (per document) to a canonical unit.",
                     ["doc_id"]),
    "targets": ("Numeric targets", "Value (a range, comparator between: value to high), unit, comparator, deadline year "
                "and 约束性/预期性, with the quoted clause.",
                ["comparator", "unit", "binding", "deadline_year"]),
    "citations": ("Cited documents", "Upstream documents cited by each notice (《title》 and 文号).",
                  ["verb", "doc_id"]),
    "duties": ("Division of duties", "The 部门职责 paragraph: each department and what it is responsible for.",
               ["doc_id"]),
    "task_rows": ("Task-division table rows", "Rows of task-division tables (序号 / 工作任务 / 牵头单位 / "
                  "配合单位 / 局内科室 / 完成时限 …), sub-rows joined; units by column role (JSON lists).", ["doc_id"]),
    "annex_indicators": ("Annex indicators", "Indicator tables with 约束性/预期性.", ["binding"]),
    "sections": ("Outline", "Every numbered node with its path and span.", ["kind", "depth"]),
    "issuers": ("Issuers", "Issuing bodies in header/signature order.", []),
    "addressees": ("Addressees", "主送 addressees.", []),
    "texts": ("Texts", "Normalised text (what spans point into) and the source text.", []),
}

PLUGINS_DIR = Path(__file__).parent / "web_plugins"


PROVENANCE_NOTE = ("provenance: printed = in the notice (beside the item, or in its task table); inferred = a "
                   "duty paragraph's unit attached by shared terms; implied = the notice's sole issuer, no unit printed.")


def _unpack(function: str, args: str, columns: list[str]) -> str:
    """A canned query that unpacks a plugin function's JSON rows into columns."""
    picked = ",\n       ".join(f"j.value ->> '$.\"{c}\"' as [{c}]" for c in columns)
    return f"select {picked}\nfrom json_each({function}({args})) j"


WHO_SQL = _unpack("policydiff_who", ":topic, 0", ANSWER_COLUMNS)
WHO_EXACT_SQL = _unpack("policydiff_who", ":topic, 1", ANSWER_COLUMNS)
DUTIES_SQL = _unpack("policydiff_duties", ":unit", ANSWER_COLUMNS)
MATRIX_SQL = _unpack("policydiff_matrix", ":doc", MATRIX_COLUMNS)


def who_rows(db, topic: str, exact: bool = False) -> list[dict]:
    """The rows of `policydiff who TOPIC --csv`, as the browser shows them."""
    return answer_rows(who(db, topic, exact=exact, extra_terms=frame_terms(FRAME_PATH), limit=50))


def duties_rows(db, unit: str) -> list[dict]:
    """The rows of `policydiff duties UNIT --csv`."""
    return answer_rows(duties(db, unit))


def matrix_rows(db, doc: str) -> list[dict]:
    """The cells of `policydiff matrix DOC`, one row per (task, unit) with a role."""
    doc_id = store.resolve_document(db, doc)
    record = store.load_record(db, doc_id)
    rows, columns = document_matrix(record)
    sources = {(t["no"], unit): source for t in document_cells(record) for unit, (_, source) in t["cells"].items()}
    return [{"doc_id": doc_id, "序号": row["序号"], "path": row["path"], "工作任务": row["工作任务"], "unit": unit,
             "role": row[unit], "provenance": provenance(sources[row["序号"], unit])}
            for row in rows for unit in columns[3:] if row[unit]]


def datasette_metadata(database: str = "policydiff", graph_pages: tuple[str, ...] | list[str] = ()) -> dict:
    """Metadata for ``datasette serve``: table labels, descriptions, facets, FTS, canned queries;
    links to the interactive graph pages (served under ``/graphs/``) when there are any."""
    tables = {name: {"title": title, "description": description, "facets": facets}
              for name, (title, description, facets) in TABLES.items()}
    tables["measures"].update(fts_table="measures_fts", fts_pk="rowid", searchmode="raw")
    return {
        "title": "policydiff",
        "description": "Chinese policy notices as structured evidence. Every row keeps its document and span.",
        "databases": {database: {
            "tables": tables,
            "queries": {
                "who": {"title": "Who is responsible for X", "sql": WHO_SQL,
                        "description": "What `policydiff who :topic` answers: every place (measure, goal, "
                                       "annex indicator, task row, duty clause) that speaks of :topic, exact "
                                       "matches first, down the ladder. " + PROVENANCE_NOTE},
                "who_exact": {"title": "Who is responsible for X (exact matches only)", "sql": WHO_EXACT_SQL,
                              "description": "`policydiff who :topic --exact`. " + PROVENANCE_NOTE},
                "duties": {"title": "What is unit U responsible for", "sql": DUTIES_SQL,
                           "description": "`policydiff duties :unit`: :unit as printed, canonical, a division's "
                                          "short or long name, or a function. " + PROVENANCE_NOTE},
                "matrix": {"title": "Responsibility matrix of one notice", "sql": MATRIX_SQL,
                           "description": "`policydiff matrix :doc`, one row per cell; :doc is an id, a "
                                          "locality or a 文号. " + PROVENANCE_NOTE},
            },
        }},
        **({"description_html": _graph_links(graph_pages)} if graph_pages else {}),
    }


def _graph_links(pages) -> str:
    links = " · ".join(f'<a href="/graphs/{html.escape(p)}">{html.escape(p)}</a>' for p in pages)
    return ("Chinese policy notices as structured evidence. Every row keeps its document and span. "
            f"Interactive graphs: {links}")


# ------------------------------------------------------------------ render

KIND_STYLE = {
    "measure": "background:#fff8dc",
    "unit": "border-bottom:2px solid #1f77b4;color:#0b3d91",
    "target": "background:#d9f2d9",
    "citation": "background:#eadcf8",
    "docnumber": "background:#f8d7da;font-weight:bold",
}


def highlight_spans(record: Record) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, hover text) for every extracted item of a record."""
    spans = []
    for m in record["measures"]:
        spans.append((*m["span"], "measure", f"measure {m['path']}: {m['title']}"))
        for u in m["unit_mentions"]:
            if u["source"] in ("inline_marker", "article_subject"):  # printed where the span points
                spans.append((*u["span"], "unit", f"{u['role']}: {u['unit']}"))
    for t in record["targets"]:
        spans.append((*t["value_span"], "target", f"{t['indicator']} {shown_value(t)}"))
    for c in record["citations"]:
        spans.append((*c["span"], "citation", f"cites {c['doc_number'] or c['title']}"))
    number = record.get("doc_number")
    text = record["text"]
    if number:
        for line_start in [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]:
            line_end = text.find("\n", line_start)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if line.replace(" ", "") == number.replace(" ", ""):
                spans.append((line_start, line_start + len(line), "docnumber", "文号"))
    return spans


def render_html(record: Record) -> str:
    """The notice as a self-contained HTML page, spans highlighted by kind."""
    text = record["text"]
    spans = highlight_spans(record)
    kinds_at: list[list[int]] = [[] for _ in text]
    for i, (start, end, _kind, _hover) in enumerate(spans):
        for pos in range(max(start, 0), min(end, len(text))):
            kinds_at[pos].append(i)
    out, pos = [], 0
    while pos < len(text):
        run_end = pos
        while run_end < len(text) and kinds_at[run_end] == kinds_at[pos]:
            run_end += 1
        chunk = html.escape(text[pos:run_end]).replace("\n", "<br>\n")
        for i in kinds_at[pos]:
            start, end, kind, hover = spans[i]
            chunk = f'<span class="{kind}" title="{html.escape(hover)}">{chunk}</span>'
        out.append(chunk)
        pos = run_end
    css = "".join(f".{k}{{{v}}}" for k, v in KIND_STYLE.items())
    legend = " ".join(f'<span class="{k}">{k}</span>' for k in KIND_STYLE)
    title = html.escape(record.get("title") or record["id"])
    return (f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>body{{font-family:'WenQuanYi Micro Hei',sans-serif;max-width:60em;margin:2em auto;"
            f"line-height:1.8}}{css}.legend span{{padding:0 .4em;margin-right:.5em}}</style></head><body>"
            f"<p class='legend'>{legend}</p><h1>{title}</h1><div class='notice'>{''.join(out)}</div>"
            "</body></html>\n")
