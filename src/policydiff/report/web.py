"""Browse: Datasette metadata (labels, descriptions, facets, canned queries) and
an HTML rendering of a notice with every extracted span highlighted by kind."""

from __future__ import annotations

import html

TABLES = {
    "documents": ("Documents", "One row per notice: 文号, locality, level, dates; `record` is the public JSON.",
                  ["admin_level", "locality", "source_format"]),
    "measures": ("Measures", "Lowest-level numbered items that prescribe action, with path, heading and text.",
                 ["doc_id"]),
    "measure_units": ("Responsible units per measure", "Raw unit strings as printed, by role and source "
                      "(inline marker, task table).", ["role", "source", "doc_id"]),
    "units": ("Canonical units", "What each raw unit string names: function, kind, level, locality, parent.",
              ["function", "kind", "level", "locality"]),
    "unit_aliases": ("Raw → canonical unit", "The mapping from each raw string (per document) to a canonical unit.",
                     ["doc_id"]),
    "targets": ("Numeric targets", "Value, unit, comparator, deadline year and 约束性/预期性, with the quoted clause.",
                ["comparator", "unit", "binding", "deadline_year"]),
    "citations": ("Cited documents", "Upstream documents cited by each notice (《title》 and 文号).",
                  ["verb", "doc_id"]),
    "duties": ("Division of duties", "The 部门职责 paragraph: each department and what it is responsible for.",
               ["doc_id"]),
    "task_rows": ("Task-division table rows", "Annexed 序号/工作任务/牵头处室 tables.", ["doc_id"]),
    "annex_indicators": ("Annex indicators", "Indicator tables with 约束性/预期性.", ["binding"]),
    "sections": ("Outline", "Every numbered node with its path and span.", ["kind", "depth"]),
    "issuers": ("Issuers", "Issuing bodies in header/signature order.", []),
    "addressees": ("Addressees", "主送 addressees.", []),
    "texts": ("Texts", "Normalised text (what spans point into) and the source text.", []),
}

def _like_literal(param: str) -> str:
    """SQL for parameter ``param`` with LIKE's wildcards escaped (``escape '\\'``): a
    topic of ``%`` or ``_`` matches those characters, not every row."""
    return f"replace(replace(replace({param}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')"


WHO_SQL = """
select d.locality, d.admin_level as level, d.doc_number, m.path, m.title, mu.role, mu.unit as unit_as_printed,
       u.name as canonical_unit, u.function
from measures m
join documents d on d.id = m.doc_id
left join measure_units mu on mu.measure_id = m.id
left join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit
left join units u on u.id = ua.unit_id
where m.title like '%' || {topic} || '%' escape '\\' or m.text like '%' || {topic} || '%' escape '\\'
order by (m.title like '%' || {topic} || '%' escape '\\') desc, d.issue_date, m.position, mu.position
""".format(topic=_like_literal(":topic"))

DUTIES_SQL = """
select d.locality, d.admin_level as level, m.path, m.title, mu.role, mu.unit as unit_as_printed,
       u.name as canonical_unit, u.function
from measure_units mu
join measures m on m.id = mu.measure_id
join documents d on d.id = mu.doc_id
join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit
join units u on u.id = ua.unit_id
where u.name like '%' || {unit} || '%' escape '\\' or mu.unit like '%' || {unit} || '%' escape '\\'
   or u.function = :unit
order by d.issue_date, m.position
""".format(unit=_like_literal(":unit"))

MATRIX_SQL = """
select m.path, m.title, mu.unit as unit_as_printed,
       case mu.role when 'lead' then '牵头' when 'support' then '配合' else '责任' end as role,
       u.name as canonical_unit
from measures m
join documents d on d.id = m.doc_id
join measure_units mu on mu.measure_id = m.id
left join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit
left join units u on u.id = ua.unit_id
where d.id = :doc or d.locality like {doc} || '%' escape '\\' or d.doc_number = :doc
order by m.position, mu.position
""".format(doc=_like_literal(":doc"))


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
                "who": {"title": "Who is responsible for X", "sql": WHO_SQL.strip(),
                        "description": "Measures whose heading or text mentions :topic, with their units."},
                "duties": {"title": "What is unit U responsible for", "sql": DUTIES_SQL.strip(),
                           "description": "Measures naming :unit (as printed, canonical name, or function)."},
                "matrix": {"title": "Responsibility matrix of one notice", "sql": MATRIX_SQL.strip(),
                           "description": ":doc is an id, a locality or a 文号."},
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


def highlight_spans(record: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, hover text) for every extracted item of a record."""
    spans = []
    for m in record["measures"]:
        spans.append((*m["span"], "measure", f"measure {m['path']}: {m['title']}"))
        for u in m["unit_mentions"]:
            if u["source"] == "inline_marker":
                spans.append((*u["span"], "unit", f"{u['role']}: {u['unit']}"))
    for t in record["targets"]:
        spans.append((*t["value_span"], "target", f"{t['indicator']} {t['comparator']} {t['value']}{t['unit']}"))
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


def render_html(record: dict) -> str:
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
