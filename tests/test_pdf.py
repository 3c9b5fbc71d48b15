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
    assert len(rows) == 18 and rows[4]["lead"][0] == "财务处"


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_fast_pdf_path_equals_pdfplumber(pdf_dir, doc_id):
    """pypdfium2 for text pages (pdfplumber only on table pages) gives the same text."""
    from policydiff.normalise import normalise
    from policydiff.read import read_pdf

    path = pdf_dir / f"{doc_id}.pdf"
    assert normalise(read_pdf(path)).text == normalise(read_pdf(path, engine="pdfplumber")).text
