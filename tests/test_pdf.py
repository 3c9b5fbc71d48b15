"""The PDF path: official-layout renderings of the five notices give the same
records as their text files."""

import pytest

from conftest import ALL_IDS, without_spans

DOCUMENT_KEYS = ["title", "body_title", "doc_number", "issuers", "issue_date", "print_date",
                 "addressees", "locality", "admin_level"]
LIST_KEYS = ["citations", "measures", "division_of_duties", "targets", "task_table", "annex_indicators"]


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_pdf_document_keys_equal_text(records, pdf_records, doc_id):
    assert {k: pdf_records[doc_id][k] for k in DOCUMENT_KEYS} == {k: records[doc_id][k] for k in DOCUMENT_KEYS}


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_pdf_outline_paths_equal_text(records, pdf_records, doc_id):
    assert [n["path"] for n in pdf_records[doc_id]["outline"]] == [n["path"] for n in records[doc_id]["outline"]]


@pytest.mark.parametrize("doc_id", ALL_IDS)
@pytest.mark.parametrize("key", LIST_KEYS)
def test_pdf_list_keys_equal_text(records, pdf_records, doc_id, key):
    assert without_spans(pdf_records[doc_id][key]) == without_spans(records[doc_id][key])


def test_pdf_pages_and_footers(pdf_records):
    record = pdf_records[ALL_IDS[0]]
    assert record["source_format"] == "pdf" and record["page_count"] > 3
    assert "—" not in record["text"].split("\n")[-1]  # page-number footers are gone


def test_pdf_table_is_read_as_a_ruled_table(pdf_records):
    rows = pdf_records[ALL_IDS[4]]["task_table"]
    # row 5's cell reads …按照职责分工分别负责: its offices are responsible, not lead
    assert len(rows) == 18 and rows[4]["responsible"][0] == "财务处" and rows[4]["lead"] == []


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_fast_pdf_path_equals_pdfplumber(pdf_dir, doc_id):
    """pypdfium2 for text lines and ruled tables gives pdfplumber's text, tables included."""
    from policydiff.read import read_pdf

    path = pdf_dir / f"{doc_id}.pdf"
    assert read_pdf(path).text == read_pdf(path, engine="pdfplumber").text


def _merged_cells_pdf(path):
    """A ruled table with a cell spanning two columns and one spanning two rows,
    and a second table drawn as thin filled rectangles (how Word exports borders)."""
    from fpdf import FPDF

    from renderings.official_pdf import cjk_font

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("cjk", fname=cjk_font())
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 8, "附件\n任务分工表")
    with pdf.table(col_widths=(15, 95, 40), text_align="LEFT", first_row_as_headings=False) as table:
        for cells in (["序号", "工作任务", "牵头单位"], ["1", "加强县级医院能力建设", "医政处"]):
            row = table.row()
            for cell in cells:
                row.cell(cell)
        row = table.row()
        row.cell("2")
        row.cell("做好大病专项救治工作，病种扩大到30种（合并两列）", colspan=2)
        row = table.row()
        row.cell("3", rowspan=2)
        row.cell("落实先诊疗后付费")
        row.cell("财务处")
        row = table.row()
        row.cell("同一序号下的第二项任务")
        row.cell("规划信息处")
    top = pdf.get_y() + 10
    for i, (left, right) in enumerate([("指标", "属性"), ("大病专项救治病种数", "约束性")]):
        y = top + 10 * i
        for x0, x1, text in ((20, 120, left), (120, 180, right)):
            pdf.set_xy(x0 + 2, y + 2)
            pdf.cell(x1 - x0 - 4, 6, text)
        for x0, y0, w, h in ((20, y, 160, 0.3), (20, y + 10, 160, 0.3), (20, y, 0.3, 10),
                             (120, y, 0.3, 10), (180, y, 0.3, 10)):
            pdf.rect(x0, y0, w, h, style="F")
    pdf.output(str(path))
    return path


def test_merged_and_filled_rule_tables_equal_pdfplumber(tmp_path):
    from policydiff.read import read_pdf

    path = _merged_cells_pdf(tmp_path / "merged.pdf")
    text = read_pdf(path).text
    assert text == read_pdf(path, engine="pdfplumber").text
    assert "2\t做好大病专项救治工作，病种扩大到30种（合并两列）\t" in text
    assert "\n\t同一序号下的第二项任务\t规划信息处\n" in text  # under the 3 that spans two rows
    assert "大病专项救治病种数\t约束性" in text


def _picture_pdf(path):
    """A page holding a drawn picture and a line of text; a second page with the picture only."""
    from fpdf import FPDF
    from PIL import Image

    from renderings.official_pdf import cjk_font

    pdf = FPDF()
    pdf.add_font("cjk", fname=cjk_font())
    for text in ("附件：帮扶对象名单（扫描件）", None):
        pdf.add_page()
        pdf.image(Image.new("RGB", (40, 30), (200, 30, 30)), x=20, y=40, w=60)
        if text:
            pdf.set_font("cjk", size=14)
            pdf.cell(0, 10, text)
    pdf.output(str(path))
    return path


def test_raw_page_calls_equal_pypdfium2(pdf_dir, tmp_path):
    """The reader's raw-handle calls give what pypdfium2's wrappers give: a page's text
    (get_text_range) and whether an image is drawn on it (get_objects)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from policydiff.read import pdf

    notice = pdf_dir / f"{ALL_IDS[4]}.pdf"  # text and a ruled table, no picture
    for path, expected in ((notice, None), (_picture_pdf(tmp_path / "picture.pdf"), [(True, True), (False, True)])):
        document = pdfium.PdfDocument(str(path))
        seen = []
        for page in document:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            assert pdf._page_text(textpage.raw, count, pdfium_c) == textpage.get_text_range(0, count)
            images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            assert pdf._has_images(page.raw, pdfium_c) is images
            seen.append((count > 0, images))
        document.close()
        assert seen == (expected or [(True, False)] * len(seen))
