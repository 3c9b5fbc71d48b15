"""Render a notice as a PDF in the layout of an official document (公文).

Used by the tests and the benchmark to exercise the PDF path: a red issuer
block (``X文件``), the 文号 line over a red rule, the centred title, body
paragraphs indented two characters and wrapped at the page width, page numbers
``— N —`` in the footer, and annex tables drawn as ruled tables. Needs the
``test`` extra (fpdf2) and a CJK font (Debian's fonts-wqy-microhei).
"""

from __future__ import annotations

import re
from pathlib import Path

from policydiff import patterns as P
from policydiff.metadata import extract_metadata
from policydiff.normalise import normalise
from policydiff.resources import cjk_font_path

RED = (200, 0, 0)


def cjk_font() -> str:
    """Path of an installed CJK TrueType font, or raise with how to install one."""
    path = cjk_font_path()
    if path and "wqy" in path:  # the fallback font lacks 〈〉“”—, which the notices print
        return path
    raise FileNotFoundError("no CJK font found: apt-get install fonts-wqy-microhei")


def render_notice(text: str, out_path, body_size: float = 14) -> Path:
    """Write ``text`` (a notice, raw or normalised) as an official-layout PDF."""
    from fpdf import FPDF

    norm = normalise(text).text
    meta = extract_metadata(norm)
    lines = norm.split("\n")

    class Notice(FPDF):
        def footer(self):
            self.set_y(-18)
            self.set_font("cjk", size=12)
            self.set_text_color(0, 0, 0)
            self.cell(0, 8, f"— {self.page_no()} —", align="C", new_x="LMARGIN", new_y="NEXT")

    pdf = Notice(format="A4")
    pdf.set_margins(28, 30, 26)
    pdf.set_auto_page_break(True, margin=28)
    pdf.add_font("cjk", fname=cjk_font())
    pdf.add_page()
    header_done = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            _table(pdf, rows, body_size)
            continue
        if not header_done and (_is_header_issuer(line) or P.FILE_HEADER.match(line)):
            _red_line(pdf, line, size=20 if len(line) < 16 else 16)
        elif P.DOC_NUMBER_LINE.match(line):
            _doc_number(pdf, line, body_size)
            header_done = True
        elif line in (meta["title"], meta["body_title"]) or P.TABLE_HEADER.match(line):
            pdf.set_font("cjk", size=body_size + 4)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(4)
            pdf.multi_cell(0, 10, line, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif P.DATE_LINE.match(line) or _is_header_issuer(line):
            pdf.set_font("cjk", size=body_size)
            pdf.multi_cell(0, 8, line, align="R", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("cjk", size=body_size)
            pdf.set_text_color(0, 0, 0)
            _paragraph(pdf, line, indent=0 if P.ADDRESSEE_LINE.search(line) else 2 * body_size * 0.3528)
        i += 1
    out_path = Path(out_path)
    pdf.output(str(out_path))
    return out_path


def _paragraph(pdf, text: str, indent: float, height: float = 8) -> None:
    """A body paragraph whose first line is indented (two characters in 公文)."""
    room = pdf.w - pdf.l_margin - pdf.r_margin - indent
    cut = 0
    while cut < len(text) and pdf.get_string_width(text[:cut + 1]) <= room:
        cut += 1
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()  # break first: an automatic break would reset the indent
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(room, height, text[:cut], new_x="LMARGIN", new_y="NEXT")
    if text[cut:]:
        pdf.multi_cell(0, height, text[cut:], align="L", new_x="LMARGIN", new_y="NEXT")


def _is_header_issuer(line: str) -> bool:
    return len(line) <= 30 and bool(P.ORG_SUFFIX.search(line)) and not re.search("[。，、；：]", line)


def _red_line(pdf, line: str, size: float) -> None:
    pdf.set_font("cjk", size=size)
    pdf.set_text_color(*RED)
    pdf.multi_cell(0, size * 0.55, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _doc_number(pdf, line: str, size: float) -> None:
    pdf.set_font("cjk", size=size)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.multi_cell(0, 8, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.8)
    y = pdf.get_y() + 2
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(6)


def _table(pdf, rows: list[list[str]], size: float) -> None:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    pdf.set_font("cjk", size=size - 3)
    widths = (12, 110, 34) if width == 3 else (126, 30) if width == 2 else None
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=7,
                   first_row_as_headings=False) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
