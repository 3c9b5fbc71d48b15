"""Render a notice as the web page a government site would publish it on.

Used by the tests to exercise the HTML path. :func:`render_page`: a site header and
navigation, a breadcrumb, the page title and a 发布时间/来源 line, the notice's
paragraphs as ``<p>`` inside the article container, tab-separated lines as a
``<table>``, and a footer with the site's licence numbers. :func:`render_table_layout`:
a gov.cn-style page laid out with ``<table>`` (the article a ``td#UCAP-CONTENT``, the
information box a ``table.bd1`` with its copy for phones). :func:`render_div_layout`:
a provincial page with a ``label：value`` box. :func:`with_data_table` adds a large
annexed table to a notice. Nothing of the notice is changed; :func:`box_fields` gives
what the information box prints, under the reader's normalised keys.
"""

from __future__ import annotations

import html
from pathlib import Path

from policydiff.metadata import extract_metadata

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title}</title>
<style>body{{font-family:SimSun}} #zoom p{{text-indent:2em}}</style></head>
<body>
<div class="header"><img src="logo.png" alt="logo"><span>卫生健康委员会门户网站</span></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
{info}<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{date}　来源：本站　浏览次数：1024　字号：[大 中 小]</div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="footer"><p>主办单位：卫生健康委员会　网站标识码：0000000001</p>
<p>ICP备案号：京ICP备00000000号　公安机关备案号：11000000000000</p></div>
</body></html>
"""


_INFO = """<table class="xxgk"><tr><td>索 引 号：</td><td>000000000/2021-00001</td><td>主题分类：</td><td>卫生</td></tr>
<tr><td>发文机关：</td><td>{issuer}</td><td>成文日期：</td><td>{date}</td></tr>
<tr><td>发文字号：</td><td>{number}</td><td>发布日期：</td><td>{date}</td></tr></table>
"""


def render_page(text: str, out_path, charset: str = "utf-8", info_table: bool = False) -> Path:
    """Write ``text`` (a notice) as a government web page in ``charset``; with
    ``info_table``, the page carries the 信息公开 table (发文机关, 发文字号, 成文日期)
    above the article, as gov.cn pages do."""
    meta = extract_metadata(text)
    body, table = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if "\t" in raw:  # a table row, its empty first cell included (a row broken across a page)
            table.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in raw.split("\t")) + "</tr>")
            continue
        if table:
            body.append("<table border=\"1\">" + "".join(table) + "</table>")
            table = []
        if line:
            body.append(f"<p>{html.escape(line)}</p>")
    if table:
        body.append("<table border=\"1\">" + "".join(table) + "</table>")
    info = _INFO.format(issuer=html.escape((meta["issuers"] or [""])[0]), date=meta["issue_date"] or "",
                        number=html.escape(meta["doc_number"] or "")) if info_table else ""
    page = _PAGE.format(charset=charset, title=html.escape(meta["title"] or "通知"), info=info,
                        date=meta["issue_date"] or "", body="\n".join(body))
    out = Path(out_path)
    # sites that declare gb2312 write GBK/GB18030 (— and other characters are outside GB2312)
    out.write_bytes(page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset))
    return out


def _article_html(text: str, breaks: int = 0) -> str:
    """The notice's lines as ``<p>`` paragraphs (the first ``breaks`` lines as one
    paragraph broken by ``<br/>``, as ucap pages print a header) and tab-separated
    lines as a data table whose cells wrap their text in ``<p>`` as Word exports do."""
    lines = text.splitlines()
    head = [line.strip() for line in lines[:breaks] if line.strip() and "\t" not in line]
    body = [f"<p style=\"text-align:center\">{'<br/>'.join(map(html.escape, head))}</p>"] if head else []
    table = []
    for raw in lines[len(head) and breaks:]:
        if "\t" in raw:
            cells = "".join(f"<td><p>{html.escape(cell.strip())}</p></td>" for cell in raw.split("\t"))
            table.append(f"<tr>{cells}</tr>")
            continue
        if table:
            body.append("<table border=\"1\" class=\"MsoTableGrid\">" + "".join(table) + "</table>")
            table = []
        if raw.strip():
            body.append(f"<p style=\"text-indent:2em\">{html.escape(raw.strip())}</p>")
    if table:
        body.append("<table border=\"1\" class=\"MsoTableGrid\">" + "".join(table) + "</table>")
    return "\n".join(body)


def box_fields(text: str, style: str = "table") -> dict[str, str]:
    """What the information box of a rendering prints, under the reader's keys."""
    meta = extract_metadata(text)
    date = meta["issue_date"] or ""
    fields = {"title": meta["title"] or "", "doc_number": meta["doc_number"] or "",
              "index_no": "000000000/2021-00001", "topic": "卫生、体育\\\\卫生"}
    if style == "table":
        fields.update(issuer=(meta["issuers"] or [""])[0],
                      written_date=f"{date[:4]}年{date[5:7]}月{date[8:10]}日" if date else "",
                      published_date=f"{date[:4]}年{date[5:7]}月{date[8:10]}日" if date else "")
    else:
        fields.update(issuer="、".join(meta["issuers"]), written_date=date, published_date=date, source="本网")
    return {key: " ".join(value.split()) for key, value in fields.items() if value.strip()}


_TABLE_LAYOUT = """<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政策文件_某某政府网</title><meta name="ArticleTitle" content="{title}"></head>
<body><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><a href="/">首页</a> | <a href="/zhengce/">政策</a> | <a href="/hudong/">互动</a> | 简 | 繁 | EN</td></tr>
<tr><td colspan="2">{crumb}</td></tr>
<tr><td width="760">
<table class="bd1" width="100%" border="1">
<tr><td width="90"><b>索 引 号：</b></td><td width="260">{index_no}</td><td width="90"><b>主题分类：</b></td><td>{topic}</td></tr>
<tr><td><b>发文机关：</b></td><td>{issuer}</td><td><b>成文日期：</b></td><td>{written_date}</td></tr>
<tr><td><b>标&#12288;&#12288;题：</b></td><td colspan="3">{title}</td></tr>
<tr><td><b>发文字号：</b></td><td>&nbsp;{doc_number}&nbsp;</td><td><b>发布日期：</b></td><td>{published_date}</td></tr>
<tr><td><b>有&nbsp;效&nbsp;性：</b></td><td>&nbsp;</td><td><b>主&nbsp;题&nbsp;词：</b></td><td></td></tr>
</table>
<div class="pchide abstract mxxgkabstract"><h1>{title}</h1><h2>发文机关</h2><p>{issuer}</p>
<h2>发文字号</h2><p>{doc_number}</p><h2>成文日期</h2><p>{written_date}</p></div>
<table width="100%" cellpadding="0" cellspacing="0"><tr><td id="UCAP-CONTENT" class="b12c">
{article}
</td></tr></table>
</td>
<td width="240" valign="top"><div>相关文件</div><ul><li><a href="/a.htm">某某部门关于某项工作的通知</a></li>
<li><a href="/b.htm">某某政策问答</a></li></ul></td></tr>
<tr><td colspan="2" align="center">主办单位：某某政府办公厅　网站标识码：0000000001　ICP备案号：京ICP备00000000号</td></tr>
</table></body></html>
"""


def render_table_layout(text: str, out_path, charset: str = "utf-8", box: dict | None = None) -> Path:
    """Write ``text`` as a gov.cn-style page laid out with tables: navigation and
    breadcrumb rows, the 信息公开 box (``<b>`` labels padded with spaces, U+3000 and
    ``&nbsp;``, an empty 有效性) and its copy for phones, the article in
    ``td#UCAP-CONTENT`` of a nested table, a column of related links, a footer row.
    ``box`` replaces the fields :func:`box_fields` would print."""
    fields = {key: "" for key in ("index_no", "topic", "issuer", "written_date", "title", "doc_number",
                                  "published_date")}
    fields.update(box if box is not None else box_fields(text, "table"))
    page = _TABLE_LAYOUT.format(charset=charset, crumb="当前位置：首页 &gt; 政策 &gt; 政策文件库",
                                article=_article_html(text, breaks=3),
                                **{key: html.escape(value) for key, value in fields.items()})
    return _write(page, out_path, charset)


_DIV_LAYOUT = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>
<body><div class="top"><div class="logo">某某省卫生健康委员会</div><div class="search">搜索</div></div>
<div class="main-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="position">您的位置：<a href="/">首页</a> &gt; <a>政府信息公开</a> &gt; 政策文件</div>
<div class="container"><div class="xxgk-info">
<ul><li><span class="tt">索引号：</span><span class="value">{index_no}</span></li>
<li><span class="tt">信息分类：</span><span class="value">{topic}</span></li>
<li><span class="tt">发布机构：</span><span class="value">{issuer}</span></li>
<li><span class="tt">{number_label}：</span><span class="value">{doc_number}</span></li>
<li><span class="tt">名&nbsp;&nbsp;称：</span><span class="value">{title}</span></li></ul>
<p>成文日期：{written_date}　发布日期：{published_date}　有效性：</p>
</div>
<h1 class="title">{title}</h1>
<div class="date">发布时间：{published_date}　来源：{source}　【字体：大 中 小】</div>
<div class="zfxxgk_zw_content"><div class="TRS_Editor">
{article}
</div></div>
<div class="fj">附件下载：</div>{annex}</div>
<div class="foot"><p>主办：某某省卫生健康委员会　地址：某某市某某路1号</p></div>
</body></html>
"""


def render_div_layout(text: str, out_path, charset: str = "gb2312", traditional: bool = False,
                      annex: str = "") -> Path:
    """Write ``text`` as a provincial page laid out with ``<div>``: a ``label：value``
    box as list items (``名&nbsp;&nbsp;称``), a line with three pairs the last empty
    (有效性), the headline and a 发布时间/来源 line outside the article,
    ``div.zfxxgk_zw_content > div.TRS_Editor`` around the article; ``traditional``
    labels the 文号 ``發文字號``; ``annex`` is HTML put after the article's container
    (an annex shown on the page, e.g. :func:`data_table_html`)."""
    fields = {key: "" for key in ("index_no", "topic", "issuer", "written_date", "title", "doc_number",
                                  "published_date", "source")}
    fields.update(box_fields(text, "div"))
    page = _DIV_LAYOUT.format(charset=charset, number_label="發文字號" if traditional else "发文字号",
                              article=_article_html(text), annex=annex,
                              **{key: html.escape(value) for key, value in fields.items()})
    return _write(page, out_path, charset)


def with_data_table(text: str, rows: int = 2600) -> str:
    """``text`` with an invented annex: a table of village clinic coordinates
    (``rows`` rows, 2600 make some 95,000 characters), tab-separated as a reader writes it."""
    table = ["序号\t村卫生室名称\t所在乡镇\t经度\t纬度\t建设类型"]
    table += [f"{n}\t某某村第{n}卫生室\t某某镇\t{108 + n % 97 / 100:.6f}\t{34 + n % 89 / 100:.6f}\t"
              f"{'新建' if n % 3 else '改扩建'}" for n in range(1, rows + 1)]
    return text.rstrip("\n") + "\n附件9\n某某县村卫生室建设点位坐标表\n" + "\n".join(table) + "\n"


def data_table_html(text: str) -> str:
    """Tab-separated lines as one ``<table>`` in its own container (an annex preview)."""
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t")) + "</tr>"
                   for line in text.splitlines() if "\t" in line)
    return f'<div class="fjnr"><table border="1">{rows}</table></div>'


def _write(page: str, out_path, charset: str) -> Path:
    out = Path(out_path)
    # sites that declare gb2312 write GBK/GB18030 (— and other characters are outside GB2312)
    out.write_bytes(page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset))
    return out
