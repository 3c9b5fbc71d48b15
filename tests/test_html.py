"""The HTML path: the five notices published as government web pages (site
navigation, breadcrumb, 发布时间 line, footer around the article) give the same
records as their text files."""

import pytest

from conftest import ALL_IDS, CORPUS, SHENMU, without_spans
from policydiff import errors
from policydiff.parse import parse_file
from policydiff.read import read_html
from renderings.gov_html import render_page

DOCUMENT_KEYS = ["title", "body_title", "doc_number", "issuers", "issue_date", "print_date",
                 "addressees", "locality", "admin_level"]
LIST_KEYS = ["citations", "measures", "division_of_duties", "targets", "task_table", "annex_indicators"]


@pytest.fixture(scope="module")
def html_records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    records = {}
    for doc_id in ALL_IDS:
        page = render_page((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"), folder / f"{doc_id}.html")
        records[doc_id] = parse_file(page, folder)
    return records


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_html_document_keys_equal_text(records, html_records, doc_id):
    assert {k: html_records[doc_id][k] for k in DOCUMENT_KEYS} == {k: records[doc_id][k] for k in DOCUMENT_KEYS}


@pytest.mark.parametrize("doc_id", ALL_IDS)
@pytest.mark.parametrize("key", LIST_KEYS)
def test_html_list_keys_equal_text(records, html_records, doc_id, key):
    assert without_spans(html_records[doc_id][key]) == without_spans(records[doc_id][key])


def test_the_page_around_the_notice_is_left_out(html_records):
    record = html_records[SHENMU]
    assert record["source_format"] == "html"
    for chrome in ("当前位置", "发布时间", "首页", "打印本页", "ICP备案号", "网站标识码"):
        assert chrome not in record["text"], chrome


def test_the_doc_number_of_the_information_table_when_the_article_omits_it(tmp_path, records):
    """Web editions often drop the 文号 line; gov.cn pages print it as 发文字号 above the article."""
    text = (CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")
    page = render_page(text, tmp_path / "full.html", info_table=True)
    page.write_text(page.read_text(encoding="utf-8").replace("<p>神卫健发〔2021〕64号</p>", ""), encoding="utf-8")
    assert "<p>神卫健发" not in page.read_text(encoding="utf-8")
    record = parse_file(page, tmp_path)
    assert record["doc_number"] == "神卫健发〔2021〕64号"
    assert [m["path"] for m in record["measures"]] == [m["path"] for m in records[SHENMU]["measures"]]
    kept = render_page(text, tmp_path / "kept.html", info_table=True)  # printed in the article too: once
    assert read_html(kept).text.count("神卫健发〔2021〕64号") == 1


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_a_gb2312_page_is_read_by_its_declared_charset(tmp_path, records, doc_id):
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    page = render_page(text, tmp_path / "gb.html", charset="gb2312")
    assert b'charset="gb2312"' in page.read_bytes()
    source = read_html(page)
    assert source.encoding == "gb18030"
    assert parse_file(page, tmp_path)["doc_number"] == records[doc_id]["doc_number"]


def test_an_xhtml_page_with_an_xml_declaration(tmp_path):
    text = (CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")
    page = render_page(text, tmp_path / "x.html")
    page.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page.read_text(encoding="utf-8"), encoding="utf-8")
    assert "神卫健发〔2021〕64号" in read_html(page).text


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02\xff" * 300, "binary"),
    ("<html><head><title>x</title></head><body><div class='nav'>首页</div></body></html>".encode(), "no article text"),
])
def test_a_page_without_a_notice_is_refused_with_a_reason(tmp_path, content, reason):
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    with pytest.raises(errors.BadFileError, match=reason):
        read_html(page)
