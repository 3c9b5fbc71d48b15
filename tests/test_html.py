"""The HTML path: the five notices published as government web pages (site
navigation, breadcrumb, 发布时间 line, footer around the article) give the same
records as their text files."""

import pytest

from conftest import ALL_IDS, CORPUS, GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU, without_spans
from policydiff import errors
from policydiff.models import SourceText
from policydiff.parse import parse_file
from policydiff.read import read_html
from policydiff.read.html import NoArticleError
from renderings.gov_html import box_fields, data_table_html, render_div_layout, render_page, render_table_layout, with_data_table

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
    assert not [w for w in read_html(kept).warnings if w.startswith("doc_number")]
    assert "doc_number taken from the page's information box (发文字号; the article does not print it): 神卫健发〔2021〕64号" \
        in record["warnings"]  # said: show prints it beside the number


def test_a_box_printing_full_width_digits_gives_the_number_and_dates(tmp_path):
    """A repost's box in full-width digits (发文字号 安卫发〔２０２２〕１５号, 发布日期 ２０２２－０８－０５): the number
    is the notice's where the article prints none, the dates have their ISO forms. A page written for this test."""
    page = tmp_path / "fw.html"
    page.write_text(
        '<html><body><table><tr><td>发文字号：</td><td>安卫发〔２０２２〕１５号</td><td>成文日期：</td>'
        "<td>２０２２年０８月０３日</td></tr><tr><td>发文机关：</td><td>安宁县卫生健康局</td><td>发布日期：</td>"
        '<td>２０２２－０８－０５</td></tr></table><div id="zoom"><p>关于做好健康帮扶工作的通知</p><p>各乡镇卫生院：</p>'
        "<p>一、落实先诊疗后付费政策（责任单位：县医疗保障局）。</p><p>二、做好大病专项救治工作。</p>"
        "<p>安宁县卫生健康局</p><p>２０２２年８月３日</p></div></body></html>", encoding="utf-8")
    record = parse_file(page, tmp_path)
    assert record["doc_number"] == "安卫发〔2022〕15号"
    box = record["source_metadata"]
    assert box["doc_number"] == "安卫发〔２０２２〕１５号"  # the box as printed
    assert (box["written_date_iso"], box["published_date_iso"]) == ("2022-08-03", "2022-08-05")


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_a_gb2312_page_is_read_by_its_declared_charset(tmp_path, records, doc_id):
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    page = render_page(text, tmp_path / "gb.html", charset="gb2312")
    assert b'charset="gb2312"' in page.read_bytes()
    source = read_html(page)
    assert source.encoding == "gb18030"
    assert parse_file(page, tmp_path)["doc_number"] == records[doc_id]["doc_number"]


def test_a_page_read_by_its_declared_charset_carries_no_encoding_warning(tmp_path):
    page = render_page((CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8"), tmp_path / "gb.html", charset="gb2312")
    assert not [w for w in parse_file(page, tmp_path)["warnings"] if w.startswith("encoding")]


@pytest.mark.parametrize("declared, written, read_as", [
    # the shape the brief names: meta charset=gb2312 on a page saved as UTF-8 (a CMS re-templated, bytes unchanged)
    ("gb2312", "utf-8", "utf-8"),
    # the reverse: UTF-8 declared on GBK bytes, which are not valid UTF-8: read as GB18030
    ("utf-8", "gb18030", "gb18030"),
])
def test_an_overridden_charset_declaration_is_a_warning(tmp_path, declared, written, read_as):
    text = (CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")
    page = render_page(text, tmp_path / "page.html", charset=declared)
    page.write_bytes(page.read_bytes().decode("gb18030" if declared == "gb2312" else "utf-8").encode(written))
    record = parse_file(page, tmp_path)
    assert record["encoding"] == read_as
    assert record["doc_number"] == "神卫健发〔2021〕64号"
    assert (f"encoding overridden: the page's meta charset declares {declared}, the bytes were read as {read_as}"
            in record["warnings"])


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


# --- issue 19: layout tables, information boxes, data tables, 令 pages -------------------------------------

def _self_citations(record) -> list[str]:
    own = {record["doc_number"], record["source_metadata"].get("doc_number")} - {None}
    return [c["doc_number"] for c in record["citations"] if c["doc_number"] in own]


@pytest.fixture(scope="module")
def layout_records(tmp_path_factory):
    """Every notice as a gov.cn table-layout page (UTF-8, http-equiv) and as a
    provincial div-layout page (gb2312), each with its information box."""
    folder = tmp_path_factory.mktemp("layouts")
    records = {}
    for doc_id in ALL_IDS:
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        records["table", doc_id] = parse_file(render_table_layout(text, folder / f"{doc_id}_t.html"), folder)
        records["div", doc_id] = parse_file(render_div_layout(text, folder / f"{doc_id}_d.html"), folder)
    return records


@pytest.mark.parametrize("style", ["table", "div"])
@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_a_layout_page_gives_the_record_of_the_text(records, layout_records, style, doc_id):
    page = layout_records[style, doc_id]
    assert {k: page[k] for k in DOCUMENT_KEYS} == {k: records[doc_id][k] for k in DOCUMENT_KEYS}
    for key in LIST_KEYS:
        assert without_spans(page[key]) == without_spans(records[doc_id][key]), key
    assert not _self_citations(page)


@pytest.mark.parametrize("style", ["table", "div"])
@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_the_information_box_is_kept_with_the_record(layout_records, style, doc_id):
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    box = layout_records[style, doc_id]["source_metadata"]
    printed = {k: v for k, v in box.items() if not k.endswith("_iso")}
    assert printed == box_fields(text, style)
    # each date beside its ISO form (2021年08月09日 → 2021-08-09), the article's issue_date among them
    assert {k for k in box if k.endswith("_iso")} == {f"{k}_iso" for k in printed if k.endswith("_date")}
    assert box["written_date_iso"] == layout_records[style, doc_id]["issue_date"]


def test_the_box_and_its_phone_copy_stay_out_of_the_article(layout_records):
    record = layout_records["table", SHENMU]
    assert record["text"].count("神卫健发〔2021〕64号") == 1  # printed by the article, the box and the phone copy
    for furniture in ("索 引 号", "主题分类", "发文机关", "成文日期", "相关文件", "网站标识码", "首页 |"):
        assert furniture not in record["text"], furniture
    text = (CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")
    assert record["text"].splitlines()[:3] == [line.strip() for line in text.splitlines() if line.strip()][:3]


def test_a_text_file_has_an_empty_source_metadata(records):
    assert records[SHENMU]["source_metadata"] == {}


@pytest.mark.parametrize("doc_id", [SHENMU, GUANGXI, LIANYUNGANG])
def test_a_large_data_table_in_the_article_stays_rows(tmp_path, doc_id):
    """An annexed table of 2,600 coordinate rows (95,000 characters) inside the article:
    tab-separated rows as in the text, and the article still chosen around it."""
    text = with_data_table((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"))
    (tmp_path / "notice.txt").write_text(text, encoding="utf-8")
    plain = parse_file(tmp_path / "notice.txt", tmp_path)
    page = parse_file(render_table_layout(text, tmp_path / "notice.html"), tmp_path)
    assert {k: page[k] for k in DOCUMENT_KEYS} == {k: plain[k] for k in DOCUMENT_KEYS}
    for key in LIST_KEYS:
        assert without_spans(page[key]) == without_spans(plain[key]), key
    assert "2600\t某某村第2600卫生室\t某某镇\t" in page["text"]
    assert page["text"].count("\t") == plain["text"].count("\t")


def test_a_huge_table_beside_a_short_article_is_not_taken_for_it(tmp_path):
    """A 351-character 令 beside a 95,000-character table: the table counts at most 2,000
    characters, and a container of prose is preferred to one holding only a table."""
    page = tmp_path / "short.html"
    page.write_text(f'<html><body><div class="main"><div id="content">{ARTICLE}</div>'
                    f'{data_table_html(with_data_table(""))}</div></body></html>', encoding="utf-8")
    assert read_html(page).text == ORDER.strip()


def test_a_huge_table_outside_the_article_is_not_taken_for_it(tmp_path, records):
    """A 95,000-character annex preview beside the article's container."""
    text = (CORPUS / f"{KAIFENG}.txt").read_text(encoding="utf-8")
    annex = data_table_html(with_data_table(""))
    page = parse_file(render_div_layout(text, tmp_path / "p.html", annex=annex), tmp_path)
    assert len(annex) > 90_000
    assert {k: page[k] for k in DOCUMENT_KEYS} == {k: records[KAIFENG][k] for k in DOCUMENT_KEYS}
    assert without_spans(page["measures"]) == without_spans(records[KAIFENG]["measures"])
    assert "某某村第" not in page["text"]


# A provincial government order (令), invented: its number printed as 第12号 under the 令 heading.
ORDER = """某某省人民政府令
第12号
《某某省村卫生室管理办法》已经2021年5月10日省人民政府第88次常务会议通过，现予公布，自2021年7月1日起施行。
省长　李某某
2021年5月20日
某某省村卫生室管理办法
第一条　为了巩固拓展健康扶贫成果，保障农村居民获得基本医疗卫生服务，根据《中华人民共和国基本医疗卫生与健康促进法》，结合本省实际，制定本办法。
第二条　本省行政区域内村卫生室的设置、运行和监督管理，适用本办法。
第三条　县级以上人民政府卫生健康主管部门负责本行政区域内村卫生室的监督管理工作。财政、医疗保障等部门按照各自职责做好相关工作。
第四条　到2025年，每个行政村设置1所村卫生室，乡村医生中具备执业（助理）医师资格的比例达到45%以上。
第五条　本办法自2021年7月1日起施行。
"""


def test_an_order_page_gives_the_record_of_its_text(tmp_path):
    (tmp_path / "order.txt").write_text(ORDER, encoding="utf-8")
    plain = parse_file(tmp_path / "order.txt", tmp_path)
    box = {"title": "某某省村卫生室管理办法", "doc_number": "某某省人民政府令第12号", "issuer": "某某省人民政府",
           "written_date": "2021年05月20日", "published_date": "2021年05月28日"}
    rendering = render_table_layout(ORDER, tmp_path / "order.html", box=box)
    page = parse_file(rendering, tmp_path)
    # the text prints no issuer: the page's box supplies it (flagged), and the place follows from it
    assert page["filled_from_source_metadata"] == ["issuers"] and page["issuers"] == ["某某省人民政府"]
    assert (page["locality"], page["admin_level"]) == ("某某省", "provincial")
    same = [k for k in DOCUMENT_KEYS if k not in ("issuers", "locality", "admin_level")]
    assert {k: page[k] for k in same} == {k: plain[k] for k in same}
    for key in LIST_KEYS:
        assert without_spans(page[key]) == without_spans(plain[key]), key
    assert page["source_metadata"] == {**box, "written_date_iso": "2021-05-20", "published_date_iso": "2021-05-28"}
    assert read_html(rendering).text.splitlines()[:2] == ["某某省人民政府令", "第12号"]  # the box number not put above
    assert not _self_citations(page)


def _page(tmp_path, body: str, charset: str = "utf-8") -> SourceText:
    page = tmp_path / "box.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body>{body}'
                     f'<div id="zoom">{ARTICLE}</div></body></html>'.encode("gb18030" if charset == "gbk" else "utf-8"))
    return read_html(page)


ARTICLE = "".join(f"<p>{line}</p>" for line in ORDER.splitlines())


@pytest.mark.parametrize("box_html, expected", [
    # gov.cn bd1: <b> labels padded with spaces, an empty 发文字号 (&nbsp;) left out, not paired with 发布日期
    ('<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2019-00123</td><td><b>主题分类：</b></td>'
     '<td>卫生、体育\\卫生</td></tr><tr><td><b>发文字号：</b></td><td>&nbsp;</td><td><b>发布日期：</b></td>'
     '<td>2019年06月11日</td></tr></table>',
     {"index_no": "000014349/2019-00123", "topic": "卫生、体育\\卫生", "published_date": "2019年06月11日"}),
    # municipal xxgk: <th> labels, values padded with spaces
    ('<table><tr><th>成文日期：</th><td> 2019年06月11日 </td><th>发布机构：</th><td> 某市卫生健康委员会 </td></tr></table>',
     {"written_date": "2019年06月11日", "issuer": "某市卫生健康委员会"}),
    # county template: label in <strong> inside the value's cell, &nbsp; padding inside the label
    ('<table class="article_introduce"><tr><td><strong>文&nbsp;&nbsp;号：</strong>某府办发〔2020〕3号</td>'
     '<td><strong>发布机构：</strong>某县人民政府办公室</td></tr></table>',
     {"doc_number": "某府办发〔2020〕3号", "issuer": "某县人民政府办公室"}),
    # label cells without a colon
    ("<table><tr><th>发文字号</th><td>某卫发〔2022〕5号</td><th>成文日期</th><td>2022-03-01</td></tr></table>",
     {"doc_number": "某卫发〔2022〕5号", "written_date": "2022-03-01"}),
    # traditional labels
    ("<table><tr><td>發文字號：</td><td>某衛發〔2020〕8號</td><td>發文機關：</td><td>某縣衛生局</td></tr></table>",
     {"doc_number": "某衛發〔2020〕8號", "issuer": "某縣衛生局"}),
    # div box, one label：value per paragraph, U+3000 padding in 标　　题
    ('<div class="xxgk"><p>标\u3000\u3000题：关于做好某项工作的通知</p><p>发文机关：某市卫生健康委员会</p>'
     "<p>有效性：有效</p></div>",
     {"title": "关于做好某项工作的通知", "issuer": "某市卫生健康委员会", "validity": "有效"}),
    # three pairs on one line, the middle one empty: the next label is never its value
    ("<div><p>索引号：1134/2020-00167\u3000文号：\u3000成文日期：2020-10-15</p></div>",
     {"index_no": "1134/2020-00167", "written_date": "2020-10-15"}),
    # <dl>: labels in <dt>, values in <dd>
    ("<dl><dt>发文字号：</dt><dd>某政发〔2018〕13号</dd><dt>发布日期：</dt><dd>2018年03月27日</dd></dl>",
     {"doc_number": "某政发〔2018〕13号", "published_date": "2018年03月27日"}),
    # law database: 【label】：value, padding inside the brackets
    ("<div><p>【发文字号】：某政发〔2018〕13号</p><p>【时 效 性】：现行有效</p></div>",
     {"doc_number": "某政发〔2018〕13号", "validity": "现行有效"}),
    # Ningxia-like: label and value as spans of one list item each
    ('<ul class="nx-conmtab"><li><span class="tt">发布机构：</span><span class="value">某区卫生健康委</span></li>'
     '<li><span class="tt">来源：</span><span class="value">某区政府网</span></li></ul>',
     {"issuer": "某区卫生健康委", "source": "某区政府网"}),
    # gov.cn policy library: the box inside a div whose class names it a header
    ('<div class="policyLibraryOverview_header"><table><tr><td><b>发文机关：</b></td><td>某某省人民政府</td>'
     '<td><b>发文字号：</b></td><td>某政发〔2018〕39号</td></tr></table></div>',
     {"issuer": "某某省人民政府", "doc_number": "某政发〔2018〕39号"}),
    # a box hidden by its own style (a print-only copy) is not read, nor is its text kept
    ('<div style="display: none"><p>发文机关：某某市人民政府</p><p>成文日期：2018-01-01</p></div>', {}),
    # no box: a sentence of the page that mentions 来源 is not a label
    ("<div><p>本项目资金来源：县级财政专项资金，发布日期另行通知。</p></div>", {}),
    # probe 3 #1: an empty 文　号 before a label the reader does not know (所属主题 now known; 所属类别 not): empty, never
    # the next item's text
    ('<ul class="meta-list"><li><span>索引号：</span>11632100MB0012345K/2024-00088</li><li><span>发布机构：</span></li>'
     "<li><span>文\u3000号：</span></li><li><span>所属主题：</span>政策文件</li><li><span>所属类别：</span>部门文件</li>"
     "<li><span>生效日期：</span>2024-10-31</li></ul>",
     {"index_no": "11632100MB0012345K/2024-00088", "topic": "政策文件", "effective_date": "2024-10-31"}),
    # probe 3: a box of rows, each a <div> of a label <div> (no colon) and a value <div>
    ('<div class="xxgk"><div class="row"><div class="label">发文字号</div><div class="value">某卫发〔2022〕5号</div></div>'
     '<div class="row"><div class="label">成文日期</div><div class="value">2022-03-01</div></div></div>',
     {"doc_number": "某卫发〔2022〕5号", "written_date": "2022-03-01"}),
    # probe 3 #1: label spans and value spans run together in one line (no space between a value and the next label)
    ('<div class="info"><span>发文字号：</span><span>某卫发〔2022〕5号</span><span>成文日期：</span>'
     "<span>2022-03-01</span></div>",
     {"doc_number": "某卫发〔2022〕5号", "written_date": "2022-03-01"}),
])
def test_information_box_shapes(tmp_path, box_html, expected):
    source = _page(tmp_path, box_html)
    assert source.source_metadata == expected
    lines = source.text.splitlines()
    if lines[0] == expected.get("doc_number"):  # the box's 文号, put first as the article does not print one
        lines = lines[1:]
    assert "\n".join(lines) == ORDER.strip()  # the box is not part of the article


def test_a_layout_table_is_walked_cell_by_cell(tmp_path):
    """The article a <td> of a layout table, its lines broken by <br>: lines, not one row."""
    body = "<br>".join(ORDER.splitlines())
    page = tmp_path / "layout.html"
    page.write_text(f'<html><body><table><tr><td>首页 | 政策</td></tr><tr><td width="200">相关链接</td>'
                    f'<td id="td_DocContent">{body}</td></tr></table></body></html>', encoding="utf-8")
    assert read_html(page).text == ORDER.strip()


WORD_ARTICLE = ARTICLE.replace("<p>", "<p class=MsoNormal><span style='font-size:16pt'>").replace("</p>", "</span></p>")
HALF = len(ORDER.splitlines()) // 2


@pytest.mark.parametrize("body", [
    # gov.cn 2018: box rows and the article cell in the same layout table, the article cell short
    '<table><tr><td>索 引 号：</td><td>000/2018-1</td><td>发文字号：</td><td>某政发〔2018〕39号</td></tr>'
    f'<tr><td colspan=4 id="UCAP-CONTENT">{ARTICLE}</td></tr></table>',
    # TRS: td#td_DocContent in a table inside div.TRS_Editor, Word-export spans, prev/next links after
    f'<div class="TRS_Editor"><table width=100%><tr><td id="td_DocContent">{WORD_ARTICLE}</td></tr></table></div>'
    '<div class="relevant"><a href=x>上一篇</a> <a href=y>下一篇</a></div>',
    # Word export in an unnamed container: the article split over two section divs
    "<div><div class=WordSection1>" + "".join(f"<p>{line}</p>" for line in ORDER.splitlines()[:HALF]) +
    "</div><div class=WordSection2>" + "".join(f"<p>{line}</p>" for line in ORDER.splitlines()[HALF:]) + "</div></div>",
    # the article a <div> beside a longer column of related links (each link short)
    "<div class='right'>" + "".join(f"<p><a href='/{n}'>某某县关于第{n}项工作的通知</a></p>" for n in range(30)) +
    f"</div><div class='left'>{ARTICLE}</div>",
    # probe 3: the previous/next notices' titles and the print links inside the article's container are no part of it
    f"<div id='zoom'>{ARTICLE}<div class='pn'><p>上一篇：<a href='/a'>某县卫生健康局关于开展健康村创建的通知</a></p>"
    "<p>下一篇：<a href='/b'>某县卫生健康局关于做好医疗救助工作的通知</a></p></div><p>【打印本页】【关闭窗口】</p></div>",
    # probe 3: an old portal's one-column layout table, the article one <td> whose lines are broken by <br>
    "<table><tr><td class='nav'><a href='/'>首页</a></td></tr><tr><td class='content'>" + "<br>".join(ORDER.splitlines()) +
    "</td></tr></table>",
    # probe 4b: a WeChat repost, each paragraph in a <section> of its own inside #js_content (the largest block was
    # one paragraph), with the account's furniture around the notice
    "<h1 class='rich_media_title'>重磅！某县出台健康帮扶措施</h1><div class='rich_media_content' id='js_content'>"
    "<section><p><span>点击蓝字　关注我们</span></p></section>"
    + "".join(f"<section><p><span>{line}</span></p></section>" for line in ORDER.splitlines()) +
    "<section><p>编辑：王丽　审核：陈刚</p><p>往期推荐</p><p><a href='/s/1'>某县召开健康帮扶推进会</a></p>"
    "<p><a href='/s/2'>某县开展义诊进村活动</a></p></section><section><p>分享　收藏　点赞　在看</p></section></div>",
    # probe 4b: a notice pasted as plain text in a <pre> (its line breaks are its lines: it was one line)
    "<div class='nav'><a href='/'>首页</a></div><div class='content'><pre>" + ORDER.strip() + "</pre></div>",
    # the same in a div styled white-space: pre-wrap
    "<div style='white-space: pre-wrap'>" + ORDER.strip() + "</div>",
    # the same with the sections nested two deep (an editor's template around each paragraph)
    "<div id='js_content'>" + "".join(f"<section><section><p>{line}</p></section></section>" for line in ORDER.splitlines())
    + "</div>",
])
def test_article_containers(tmp_path, body):
    page = tmp_path / "c.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    lines = read_html(page).text.splitlines()
    assert "\n".join(lines[1:] if lines[0] == "某政发〔2018〕39号" else lines) == ORDER.strip()


def test_a_data_table_headed_like_a_box_stays_in_the_article(tmp_path):
    """An annex listing documents: its header row 文件名称/文号/发布日期 is not an information box."""
    rows = [["序号", "文件名称", "文号", "发布日期"], ["1", "关于做好某项工作的通知", "某卫发〔2020〕1号", "2020-01-01"]]
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    page = tmp_path / "t.html"
    page.write_text(f"<html><body><div id='zoom'>{ARTICLE}{table}</div></body></html>", encoding="utf-8")
    source = read_html(page)
    assert source.text.splitlines()[-2:] == ["\t".join(row) for row in rows]
    assert source.source_metadata == {}


def test_a_page_whose_article_runs_together_is_refused(tmp_path):
    """Everything in one text run of a layout cell: refused with the reason, never stored as one line."""
    page = tmp_path / "flat.html"
    page.write_text("<html><body><table><tr><td>首页</td></tr><tr><td>" + "".join(ORDER.splitlines()) * 3 +
                    "</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(NoArticleError, match="no article can be told apart from the page layout"):
        read_html(page)


def test_a_page_whose_largest_block_is_a_list_of_links_is_refused(tmp_path):
    """The article loaded by a script the saved page lacks: only link lists remain."""
    links = "".join(f'<li><a href="/{n}.htm">某某县关于做好第{n}项工作的通知</a><span>2021-0{n}-01</span></li>'
                    for n in range(1, 10))
    page = tmp_path / "links.html"
    page.write_text(f"<html><body><div class='list'><ul>{links}</ul></div><div id='zoom'></div></body></html>",
                    encoding="utf-8")
    with pytest.raises(NoArticleError, match="list of links"):
        read_html(page)


@pytest.mark.parametrize("links, says", [
    # probe 4b: a cover line and the notice's files — the reason names them (it said only "a list of links")
    ('<p>附件：<a href="/up/a.pdf">梅卫发〔2022〕11号关于印发梅林县健康乡村建设方案的通知.pdf</a></p>'
     '<p><a href="/up/b.docx">附件1.梅林县健康乡村建设方案.docx</a></p><p><a href="/up/c.xlsx?v=2">附件2.任务分解表.xlsx</a></p>',
     "in its attached files, not on the page (梅卫发〔2022〕11号关于印发梅林县健康乡村建设方案的通知.pdf; 附件1.梅林县"),
    # links to other pages, not files: a list of links, as before
    ('<p><a href="/n/1.htm">梅林县关于做好第一项工作的通知</a></p><p><a href="/n/2.htm">梅林县关于做好第二项工作的通知</a></p>',
     "list of links"),
])
def test_a_page_whose_notice_is_in_its_attachments_says_so(tmp_path, links, says):
    page = tmp_path / "files.html"
    page.write_text(f"<html><body><div id='zoom'><p>各镇卫生院：</p><p>现将方案印发给你们。</p>{links}</div></body></html>",
                    encoding="utf-8")
    with pytest.raises(NoArticleError) as raised:
        read_html(page)
    assert says in raised.value.detail


def test_meta_tags_fill_fields_the_box_lacks(tmp_path):
    """ucap/TRS pages name the article in <meta name="ArticleTitle">, its date in PubDate."""
    page = tmp_path / "meta.html"
    page.write_text('<html><head><meta name="ArticleTitle" content="某某省村卫生室管理办法">'
                    '<meta name="PubDate" content="2021-05-28 09:30"></head><body>'
                    f'<table class="bd1"><tr><td>发文机关：</td><td>某某省人民政府</td><td>主题分类：</td><td>卫生</td></tr>'
                    f'</table><div id="zoom">{ARTICLE}</div></body></html>', encoding="utf-8")
    assert read_html(page).source_metadata == {"title": "某某省村卫生室管理办法", "published_date": "2021-05-28 09:30",
                                               "issuer": "某某省人民政府", "topic": "卫生"}


@pytest.mark.parametrize("stamp, published", [
    ("2022-08-16 18:30", "2022-08-16 18:30"),  # probe 4b: a WeChat post's #publish_time is the page's published date
    ("2022年8月16日", "2022年8月16日"),
    ("昨天", None),  # a relative time is no date
])
def test_a_wechat_posts_time_is_its_published_date(tmp_path, stamp, published):
    page = tmp_path / "wx.html"
    page.write_text(f'<html><body><div id="meta_content"><em id="publish_time">{stamp}</em></div>'
                    f'<div id="js_content">{ARTICLE}</div></body></html>', encoding="utf-8")
    assert read_html(page).source_metadata.get("published_date") == published


@pytest.mark.parametrize("encoding, declared, read_as", [
    ("gb18030", "gb2312", "gb18030"),  # GBK bytes declared gb2312 (http-equiv)
    ("gb18030", "GBK", "gb18030"),  # declared GBK, upper case
    ("gb18030", "utf-8", "gb18030"),  # wrong declaration: GBK bytes declared UTF-8
    ("utf-8", "gb2312", "utf-8"),  # wrong declaration: UTF-8 bytes declared gb2312
    ("utf-8", "utf-8", "utf-8"),
])
def test_charsets_and_wrong_declarations(tmp_path, records, encoding, declared, read_as):
    text = (CORPUS / f"{HUAINAN}.txt").read_text(encoding="utf-8")
    page = render_table_layout(text, tmp_path / "p.html")
    html_text = page.read_text(encoding="utf-8").replace("charset=utf-8", f"charset={declared}")
    page.write_bytes(html_text.encode(encoding))
    source = read_html(page)
    assert source.encoding == read_as
    assert parse_file(page, tmp_path)["issuers"] == records[HUAINAN]["issuers"]


_ARTICLE = ("<p>各镇卫生院：</p><p>现将重点任务印发给你们，请认真抓好落实，按时报送工作进展情况。</p>"
            "<p>一、做实签约服务。为脱贫人口提供家庭医生签约服务。</p><p>栖云县卫生健康局</p><p>2023年3月6日</p>")


@pytest.mark.parametrize("page, title", [
    # probe 2 #15: the headline <h1> stands above the #zoom container, which prints no title of its own
    ("<html><head><title>栖云县卫生健康局关于印发重点任务的通知-栖云县人民政府</title></head><body>"
     "<div class='article'><h1>栖云县卫生健康局关于印发2023年重点任务的通知</h1><div id='zoom'>" + _ARTICLE +
     "</div></div></body></html>", "栖云县卫生健康局关于印发2023年重点任务的通知"),
    # no <h1> at all: the <title> without the site's name after its dash
    ("<html><head><title>栖云县卫生健康局关于印发重点任务的通知-栖云县人民政府</title></head><body>"
     "<div id='zoom'>" + _ARTICLE + "</div></body></html>", "栖云县卫生健康局关于印发重点任务的通知"),
    # a <title> that names the site only: no title is made up
    ("<html><head><title>栖云县人民政府</title></head><body><div id='zoom'>" + _ARTICLE + "</div></body></html>", None),
    # probe 3 #1: a list page pasting notices under <h3> headlines, each with a 发布时间/来源 byline: the byline is no box
    # swallowing the article, the first notice is read under its <h3> (and a warning names the second, below)
    ("<html><body><div class='list-article'><h3>栖云县卫生健康局关于开展签约服务督导的通知</h3>"
     "<div class='article-info'>发布时间：2023-03-07\u3000来源：本站</div><div class='article-body'>" + _ARTICLE +
     "</div><h3>栖云县卫生健康局关于做好大病救治的通知</h3><div class='article-info'>发布时间：2023-03-07\u3000来源：本站"
     "</div><div class='article-body'>" + _ARTICLE.replace("签约服务", "大病专项救治") + "</div></div></body></html>",
     "栖云县卫生健康局关于开展签约服务督导的通知"),
    # probe 3: an <h2> title over a box-and-article page whose article prints the enclosed plan's title under
    # the signature: the plan's title is not the page's, the headline is (its <br> joined)
    ("<html><head><title>栖云县卫生健康局</title></head><body><div class='detail-title'><h2>关于印发栖云县健康帮扶"
     "<br>重点任务的通知</h2></div><div class='detail-content'>" + _ARTICLE + "<p>栖云县2023年健康帮扶重点任务</p>"
     "<p>一、落实大病专项救治。</p></div></body></html>", "关于印发栖云县健康帮扶重点任务的通知"),
])
def test_the_page_headline_titles_an_article_that_prints_none(tmp_path, page, title):
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    record = parse_file(path)
    assert record["title"] == title
    if title:  # said where it came from
        assert any(w.startswith("title taken from the page") for w in record["warnings"])


def test_a_second_notice_on_the_page_is_said_not_read(tmp_path):
    # probe 3 #1: two notices pasted one under the other: the first is read, the second named in a warning
    body = "<div class='article-body'>" + _ARTICLE + "</div>"
    page = tmp_path / "two.html"
    page.write_text(f"<html><body><div><h3>栖云县卫生健康局关于督导的通知</h3>{body}"
                    f"<h3>栖云县卫生健康局关于救治的通知</h3>{body.replace('签约服务', '大病救治')}</div></body></html>",
                    encoding="utf-8")
    record = parse_file(page)
    assert record["measures"][0]["title"] == "做实签约服务"
    assert all("大病救治" not in m["text"] for m in record["measures"])
    assert any(w.startswith("the page holds more article text") and "大病救治" not in w[:40] for w in record["warnings"])
    single = tmp_path / "one.html"
    single.write_text(f"<html><body><div><h3>栖云县卫生健康局关于督导的通知</h3>{body}</div></body></html>", encoding="utf-8")
    assert not any(w.startswith("the page holds more") for w in parse_file(single)["warnings"])


def test_a_release_headline_above_the_article_is_its_first_line(tmp_path):
    # probe 4b: gov.cn/新华社 print a national document under a headline of the bodies that release it: the <h1> outside
    # the container is read as the article's first line (it gave no title, issuers or locality), said in a warning
    page = tmp_path / "release.html"
    page.write_text("<html><body><h1>国务院办公厅　国家卫生健康委印发《乡村卫生服务试点方案》</h1><div id='zoom'>"
                    "<p>新华社北京5月20日电　近日，国务院办公厅、国家卫生健康委印发了《乡村卫生服务试点方案》。</p>"
                    "<p>乡村卫生服务试点方案</p><p>一、试点目标</p><p>到2025年，乡镇卫生院全部达到基本标准。</p></div></body></html>",
                    encoding="utf-8")
    record = parse_file(page)
    assert record["issuers"] == ["国务院办公厅", "国家卫生健康委"] and record["admin_level"] == "national"
    assert record["citations"] == [] and any("a release" in w for w in record["warnings"])


@pytest.mark.parametrize("pager", ["共3页 1 2 3 下一页", "第1页/共3页", "上一页 1 2 3 下一页 尾页"])
def test_an_article_split_over_pages_says_the_others_are_not_read(tmp_path, pager):
    # probe 4b: a long notice a portal prints over several pages: the pager line is no text; a warning says what is missing
    page = tmp_path / "paged.html"
    page.write_text(f"<html><body><div id='zoom'>{ARTICLE}<p>{pager}</p></div></body></html>", encoding="utf-8")
    source = read_html(page)
    assert pager not in source.text and any("split over pages" in w for w in source.warnings)



@pytest.mark.parametrize("items, lines", [
    # probe 4b: an editor's ordered lists: the numbers the browser prints are the items' labels (they were no items)
    ("<ol style='list-style-type: cjk-ideographic'><li>做实签约服务。</li><li>开展健康体检。</li></ol>",
     ["一、做实签约服务。", "二、开展健康体检。"]),
    ("<ol><li>建立台账；</li><li>每月随访。</li></ol>", ["1.建立台账；", "2.每月随访。"]),
    ("<ol start='3'><li>加强督导。</li></ol>", ["3.加强督导。"]),
    # an item that prints its number itself is not numbered twice; an unordered list is not numbered
    ("<ol><li>一、做实签约服务。</li></ol>", ["一、做实签约服务。"]),
    ("<ul><li>做实签约服务。</li></ul>", ["做实签约服务。"]),
])
def test_ordered_list_items_carry_the_numbers_a_browser_prints(tmp_path, items, lines):
    page = tmp_path / "ol.html"
    page.write_text(f"<html><body><div id='zoom'>{ARTICLE}{items}</div></body></html>", encoding="utf-8")
    text = read_html(page).text.splitlines()
    assert text[-len(lines):] == lines



def test_a_page_whose_article_is_images_says_so(tmp_path):
    # probe 4b: a notice posted as scanned pictures: refused (no text), the reason names the images and the way to read them
    page = tmp_path / "img.html"
    page.write_text("<html><body><div id='zoom'><p><img src='/1.jpg'></p><p><img src='/2.jpg'></p></div></body></html>",
                    encoding="utf-8")
    with pytest.raises(errors.BadFileError) as raised:
        read_html(page)
    assert "the article is 2 images (a scanned notice?)" in raised.value.detail
