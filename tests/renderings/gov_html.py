"""Render a notice as the web page a government site would publish it on.

Used by the tests to exercise the HTML path: a site header and navigation, a
breadcrumb, the page title and a 发布时间/来源 line, the notice's paragraphs as
``<p>`` inside the article container, tab-separated lines as a ``<table>``, and
a footer with the site's licence numbers. Nothing of the notice is changed.
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
