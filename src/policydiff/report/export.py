"""Tabular exports: CSV (UTF-8 with BOM so that Excel opens Chinese), XLSX, Markdown, HTML."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from ..compare.align import describe_name
from ..compare.clauses import other_clause_cell
from ..compare.diff import TARGET_CHANGE, describe_change, shown, side_names
from ..compare.genre import marked
from ..models import shown_value
from .labels import about, legend_lines, zh


def write_csv(rows: list[dict], out, bom: bool = True, columns: list[str] | None = None,
              about: list[str] | None = None) -> None:
    """Write ``rows`` as CSV to a path or a text stream; a BOM makes Excel read UTF-8.
    ``about`` lines go first as ``# …`` header rows (pandas: ``comment="#"``)."""
    columns = columns or (list(rows[0]) if rows else [])
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            _write_rows(fh, rows, columns, about)
    else:
        if bom:
            out.write("\ufeff")
        _write_rows(out, rows, columns, about)


def _write_rows(fh, rows, columns, about=None) -> None:
    for line in about or []:
        fh.write(f"# {comment_cell(line)}\r\n")
    writer = csv.writer(fh)
    writer.writerow([text_cell(c) for c in columns])
    for row in rows:
        writer.writerow([text_cell(row.get(c)) for c in columns])


# A spreadsheet reads a cell starting with one of these as a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value):
    """A CSV cell a spreadsheet shows as the text it is: ``=1所`` → ``'=1所`` (OWASP's
    advice for CSV injection). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# a field of a ``# …`` line, as a spreadsheet splits it (at a comma, a semicolon in some locales,
# a tab), that would start with a formula character
_FIELD_FORMULA = re.compile(r"([,;\t][ \"]*)(?=[=+\-@])")


def comment_cell(line: str) -> str:
    """A ``# …`` header line that no spreadsheet reads as a formula: one line (a line break
    would start a row of its own), and every field it splits into that starts with ``=+-@``
    quoted as :func:`text_cell` does.

    >>> comment_cell("compared: x,=1+1,.txt (no 文号)")
    "compared: x,'=1+1,.txt (no 文号)"
    """
    return _FIELD_FORMULA.sub(r"\1'", re.sub(r"[\r\n\v\f\x85\u2028\u2029]+", " ", line))


def write_xlsx(sheets: dict[str, list[dict]], path, columns: dict[str, list[str]] | None = None,
               about: list[str] | None = None) -> None:
    """One sheet per entry: bold frozen header, wrapped text, column widths set; ``about``
    lines (what is compared, how, tool version) on a first sheet "about"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    if about:
        sheet = book.create_sheet("about")
        for line in about:
            sheet.append([xlsx_text(line)])
        _as_text(sheet)
        sheet.column_dimensions["A"].width = 120
    for name, rows in sheets.items():
        sheet = book.create_sheet(_sheet_name(name))
        cols = (columns or {}).get(name) or (list(rows[0]) if rows else [])
        sheet.append(cols)
        for row in rows:
            sheet.append([xlsx_text(row.get(c)) for c in cols])
        _as_text(sheet)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, col in enumerate(cols, start=1):
            width = max([_display_width(col)] + [_display_width(r.get(col)) for r in rows[:200]])
            letter = sheet.cell(row=1, column=i).column_letter
            sheet.column_dimensions[letter].width = min(max(width + 2, 6), 60)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)


# characters an XLSX file cannot hold (openpyxl refuses them): C0 controls but tab and line breaks
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_text(value):
    """``value`` with the control characters XML forbids (VT, SOH …) shown as spaces."""
    return _NOT_IN_XLSX.sub(" ", value) if isinstance(value, str) else value


def _as_text(sheet) -> None:
    """Every string cell is a string (openpyxl makes ``=1所`` a formula): data type ``s``,
    shown with Excel's quote prefix so that editing it keeps it text."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"
                cell.quotePrefix = True


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31] or "sheet"


def _display_width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def to_markdown(rows: list[dict], columns: list[str] | None = None, title: str = "",
                about: list[str] | None = None) -> str:
    """A Markdown table; text from notices is escaped (``<``, ``&``, ``|``), never raw HTML."""
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    if title:
        out.write(f"## {md_text(title)}\n\n")
    for line in about or []:
        out.write(f"> {md_text(line)}  \n")
    if about:
        out.write("\n")
    out.write("| " + " | ".join(md_text(c) for c in columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        out.write("| " + " | ".join(md_text(row.get(c)) for c in columns) + " |\n")
    return out.getvalue()


def md_text(value) -> str:
    """A Markdown table cell that shows ``value`` as text: HTML escaped (a renderer passes raw
    ``<img onerror=…>`` and ``<!--`` through), ``|`` escaped, one line.

    >>> md_text('"><img src=x onerror=alert(1)> | <!--')
    '"&gt;&lt;img src=x onerror=alert(1)&gt; \\\\| &lt;!--'
    """
    text = "" if value is None else str(value)
    return html.escape(text, quote=False).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def to_html(rows: list[dict], columns: list[str] | None = None, title: str = "",
            titles: dict[str, str] | None = None, about: list[str] | None = None) -> str:
    """A self-contained HTML page with one table; ``titles`` gives hover text per cell value."""
    columns = columns or (list(rows[0]) if rows else [])
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for c in columns:
            value = "" if row.get(c) is None else str(row.get(c))
            hover = (titles or {}).get(f"{row.get(columns[0])}|{c}")
            attr = f' title="{html.escape(hover)}"' if hover else ""
            cells.append(f"<td{attr}>{html.escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;"
            "padding:4px 6px;vertical-align:top}th{background:#eee;position:sticky;top:0}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{_about_html(about)}<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}"
            "</tbody></table></body></html>\n")


def _about_html(about: list[str] | None) -> str:
    return "".join(f"<p class='note'>{html.escape(line)}</p>" for line in about or [])


def _marked(text: str, terms: list[str]) -> str:
    """``text`` escaped, with every key term highlighted."""
    out = html.escape(text or "")
    for term in sorted(set(terms), key=len, reverse=True):
        if term:
            out = out.replace(html.escape(term), f"<mark>{html.escape(term)}</mark>")
    return out


_PAGE = ("<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{title}</title><style>"
         "body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse;width:100%}}"
         "td,th{{border:1px solid #bbb;padding:4px 8px;vertical-align:top}}th{{background:#eee}}"
         "mark{{background:#ffe08a}}.omitted{{color:#a00}}.adopted{{color:#070}}.merged{{color:#a60}}"
         ".note{{background:#f4f4f4;padding:.5em}}</style></head><body><h1>{title}</h1>{notes}{body}</body></html>\n")


def _labeller(lang: str):
    """The labels of statuses and headers in ``lang`` (``zh``: 采纳, 合并, 未提及 …)."""
    return zh if lang == "zh" else (lambda text: text)


def diff_html(result: dict, lang: str = "en") -> str:
    """A self-contained page: each frame entry with the reference's evidence and the
    local measures side by side, the entry's key terms highlighted on both sides."""
    label = _labeller(lang)
    rows = []
    for e in result["entries"]:
        terms = e.get("key_terms", [])
        reference = "<br>".join(_marked(h, terms) for h in e["reference_headings"])
        local = "<br>".join(f"<b>{html.escape(m['path'])}</b> {_marked(m['evidence'], terms)} "
                            f"<small>({html.escape(_reason(m))})</small>" for m in e["local"])
        if not e["local"]:
            local = _coverage_html(e)
        status = e["status"] + (f" into {e['merged_into']}" if e.get("merged_into") else "")
        rows.append(f"<tr><td>{html.escape(e['frame_id'])} {html.escape(e['label'])}</td>"
                    f"<td class='{e['status']}'>{html.escape(label(status))}</td><td>{reference}</td><td>{local}</td>"
                    f"<td>{html.escape(label(e['responsibility'] or ''))}{_leads_html(e, label)}</td></tr>")
    for a in result["additions"]:
        rows.append(f"<tr><td>+</td><td>{label('local addition')}</td><td></td><td><b>{html.escape(a['path'])}</b> "
                    f"{html.escape(a['title'])}</td><td></td></tr>")
    for t in result["targets"]:
        change = describe_change(t["change"], t.get("wording"))
        rows.append(f"<tr><td>{label('indicator')}</td><td>{html.escape(label(change))}</td><td>{html.escape(t['indicator'])} "
                    f"{_target(t['reference'])}</td><td>{_target(t['local'])} {html.escape((t['local'] or {}).get('text', ''))}"
                    "</td><td></td></tr>")
    head = "".join(f"<th>{label(h)}</th>" for h in ("entry", "status", "reference", "local measures", "responsibility"))
    document = result["document"]
    name = marked(f"{document['locality'] or document['id']} {document['doc_number'] or ''}".strip(), document.get("genre"))
    title = f"{name} vs {result['reference']['name']}"
    notes = _about_html(about(result) + [label(line) for line in legend_lines()])
    return _PAGE.format(title=html.escape(title), notes=notes, body=f"<table><tr>{head}</tr>{''.join(rows)}</table>")


def _leads_html(entry: dict, label) -> str:
    """The lead functions of both sides under a responsibility verdict, each not printed labelled."""
    local, reference = shown(entry["local_lead_units"]), shown(entry["reference_lead_units"])
    others = other_clause_cell(entry.get("other_clause_units"))
    if not local and not reference and not others:
        return ""
    printed_at = entry.get("units_quote") or ""
    return (f"<br><small>{label('local units')}: {html.escape(label(local))}<br>"
            + (f"{label('local units printed at')}: {html.escape(printed_at)}<br>" if printed_at else "")
            + f"{label('reference units')}: {html.escape(label(reference))}"
            + (f"<br>{label('other clause units')}: {html.escape(others)}" if others else "") + "</small>")


def _reason(m: dict) -> str:
    """Why a measure aligned: the reason, score and what matched (another notice's heading, terms)."""
    matched = m.get("matched_heading") or "、".join(m.get("matched_terms") or [])
    return f"{m['reason']}, {m['score']}" + (f"; matched {matched}" if matched else "")


def _coverage_html(entry: dict) -> str:
    """Where an entry without its own item is covered, or the nearest passage when nowhere."""
    coverage = entry.get("coverage") or {}
    if coverage.get("covered"):
        named = coverage.get("matched_name")
        return (f"<b>{html.escape(coverage.get('path') or '')}</b> {coverage['where']}: "
                f"{_marked(coverage.get('quote') or '', coverage.get('matched_terms') or [])}"
                + (f" <small>({html.escape(describe_name(named))})</small>" if named else ""))
    near = coverage.get("nearest")
    if near:
        return (f"nearest: <b>{html.escape(near.get('path') or '')}</b> {_marked(near['quote'], near['matched_terms'])} "
                f"<small>(score {near['score']})</small>")
    return ""


def compare_html(result: dict, lang: str = "en") -> str:
    """Two localities side by side, the entry's key terms highlighted in both."""
    label = _labeller(lang)
    a, b = side_names(result)
    rows = []
    for e in result["entries"]:
        terms = e.get("key_terms", [])
        cells = []
        for side in ("a", "b"):
            measures = e[f"{side}_measures"]
            cells.append("<br>".join(f"<b>{html.escape(m['path'])}</b> {_marked(m['evidence'], terms)}"
                                     for m in measures) or f"<span class='{e[f'{side}_status']}'>{e[f'{side}_status']}</span>")
        rows.append(f"<tr><td>{html.escape(e['frame_id'])} {html.escape(e['label'])}</td><td>{cells[0]}</td>"
                    f"<td>{cells[1]}</td><td>{html.escape(label(e['units'] or ''))}"
                    f"<br><small>{html.escape(a)}: {html.escape(label(shown(e['a_lead_units'])))}"
                    f"{_printed_at_html(e.get('a_units_quote'), label)}"
                    f"{_others_html(e.get('a_other_clause_units'), label)}<br>"
                    f"{html.escape(b)}: {html.escape(label(shown(e['b_lead_units'])))}"
                    f"{_printed_at_html(e.get('b_units_quote'), label)}"
                    f"{_others_html(e.get('b_other_clause_units'), label)}</small></td><td></td></tr>")
    for d in result["target_deltas"]:  # a target's verdict in its own column, not the units'
        rows.append(f"<tr><td>{html.escape(d['indicator'])}</td><td>{_target(d['a'])}</td><td>{_target(d['b'])}</td>"
                    f"<td></td><td>{html.escape(b)} vs {html.escape(a)}: "
                    f"{html.escape(label(describe_change(d['b_vs_a'], d.get('wording'))))}</td></tr>")
    head = (f"<tr><th>{label('entry')}</th><th>{html.escape(a)}</th><th>{html.escape(b)}</th>"
            f"<th>{label('units')}</th><th>{label(TARGET_CHANGE)}</th></tr>")
    notes = _about_html(about(result) + [label(line) for line in legend_lines()])
    return _PAGE.format(title=html.escape(f"{a} vs {b}"), notes=notes, body=f"<table>{head}{''.join(rows)}</table>")


def _printed_at_html(quote: str | None, label) -> str:
    """Where a side's units are printed, when its quote does not show it (compare)."""
    return f"<br>{label('units printed at')}: {html.escape(quote)}" if quote else ""


def _others_html(units, label) -> str:
    """`` (other clause units: lead: 县人社局)`` where an item covering the entry prints units beside other clauses."""
    others = other_clause_cell(units)
    return f" ({label('other clause units')}: {html.escape(others)})" if others else ""


def _target(t) -> str:
    return html.escape(shown_value(t)) if t else ""
