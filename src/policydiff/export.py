"""Tabular exports: CSV (UTF-8 with BOM so that Excel opens Chinese), XLSX, Markdown, HTML."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path


def write_csv(rows: list[dict], out, bom: bool = True, columns: list[str] | None = None) -> None:
    """Write ``rows`` as CSV to a path or a text stream; a BOM makes Excel read UTF-8."""
    columns = columns or (list(rows[0]) if rows else [])
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            _write_rows(fh, rows, columns)
    else:
        _write_rows(out, rows, columns)


def _write_rows(fh, rows, columns) -> None:
    writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def write_xlsx(sheets: dict[str, list[dict]], path, columns: dict[str, list[str]] | None = None) -> None:
    """One sheet per entry: bold frozen header, wrapped text, column widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(_sheet_name(name))
        cols = (columns or {}).get(name) or (list(rows[0]) if rows else [])
        sheet.append(cols)
        for row in rows:
            sheet.append([row.get(c) for c in cols])
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


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31] or "sheet"


def _display_width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def to_markdown(rows: list[dict], columns: list[str] | None = None) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        cells = [str(row.get(c) if row.get(c) is not None else "").replace("|", "\\|").replace("\n", " ")
                 for c in columns]
        out.write("| " + " | ".join(cells) + " |\n")
    return out.getvalue()


def to_html(rows: list[dict], columns: list[str] | None = None, title: str = "",
            titles: dict[str, str] | None = None) -> str:
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
            f"<h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}"
            "</tbody></table></body></html>\n")
