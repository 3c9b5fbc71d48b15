"""Web pages (.html/.htm): the article container of a government page, paragraphs as lines, tables as rows."""

from __future__ import annotations

import re
from pathlib import Path

from .. import errors
from .. import patterns as P
from ..models import SourceText
from . import limits
from .text import decode_bytes

# Lines of a government web page around the notice, not part of it.
PAGE_CHROME = re.compile(r"^\s*(?:当前位置|您的位置|发布时间|发布日期|来源[:：]|浏览次数|访问次数|字号|【?字体|打印本页|"
                         r"关闭窗口|分享到|扫一扫|责任编辑|【打印】|【关闭】)")
SITE_NAME = re.compile(r"^.{0,20}(?:门户网站|政府网|网站)$")  # a site's header, e.g. 卫生健康委员会门户网站
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def read_html(path) -> SourceText:
    """Read a notice published as a web page.

    The article is the element whose own paragraphs hold the most text (on
    government sites the ``#zoom``/``TRS_Editor`` container); navigation, header,
    footer and scripts are dropped first. Its paragraphs come out one per line and
    its tables as tab-separated rows, as for PDF and Word, and the page's own lines
    (当前位置, 发布时间 …) are dropped. (trafilatura was tried: it drops repeated short
    paragraphs such as a second ``约束性`` cell, which a notice cannot lose.)"""
    import lxml.html

    limits.check_file_size(path)
    data = Path(path).read_bytes()
    limits.check_html(path, data)
    if not data.strip():
        raise errors.EmptyFileError(path)
    text, encoding = _decode_html(path, data)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a declaration in a decoded string
    try:
        page = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml refuses documents with nothing to parse
        raise errors.BadFileError(path, f"cannot parse the web page ({type(exc).__name__})") from exc
    labelled_number = _labelled_doc_number(page)
    _drop_page_chrome(page)
    article = _article(page)
    lines = [] if article is None else [  # tabs kept: a row's empty first cell marks a continued row
        line.strip(" \u3000\u00a0\r") for line in _block_lines(article)
        if line.strip() and not PAGE_CHROME.match(line) and not SITE_NAME.match(line.strip())]
    if not lines:
        raise errors.EmptyFileError(path, "no article text in the web page")
    if labelled_number and not any(P.DOC_NUMBER.search(line) for line in lines[:12]):
        lines.insert(0, labelled_number)  # the page's 发文字号 field, where the article does not print it
    return SourceText(path=str(path), text="\n".join(lines), encoding=encoding, source_format="html")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHROME_TAGS = ("script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "form", "button")
_CHROME_NAME = re.compile(r"nav|menu|crumb|footer|bottom|header|share|tools?$|toolbar|copyright|sidebar",
                          re.IGNORECASE)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "section", "article",
           "blockquote", "pre", "center"}


_LABELLED_NUMBER = re.compile(r"(?:发文字号|文\s*号)\s*[：:]?\s*")


def _labelled_doc_number(page) -> str | None:
    """The 文号 of a page's information table (发文字号：神卫健发〔2021〕64号), if it has one."""
    text = page.text_content()
    for label in _LABELLED_NUMBER.finditer(text):
        number = P.DOC_NUMBER.match(text, label.end())
        if number:
            return number.group(0).strip()
    return None


def _drop_page_chrome(page) -> None:
    for element in list(page.iter(*_CHROME_TAGS)):
        element.drop_tree()
    for element in list(page.iter()):
        name = f"{element.get('class', '')} {element.get('id', '')}"
        if element.getparent() is not None and _CHROME_NAME.search(name) and element.tag != "body":
            element.drop_tree()


def _article(page):
    """The element whose direct paragraphs (and tables) hold the most text."""
    best, best_score = None, 0
    for element in page.iter("div", "td", "article", "section", "body", "center"):
        score = sum(len(child.text_content().strip()) for child in element
                    if child.tag in ("p", "table", "h1", "h2", "h3", "h4", "pre") or
                    (child.tag in ("div", "span", "font") and not any(c.tag in _BLOCKS for c in child)))
        if score > best_score:
            best, best_score = element, score
    return best


def _block_lines(element) -> list[str]:
    """Text of ``element`` line by line: a line per block element and ``<br>``,
    a tab-joined line per table row."""
    lines, current = [], []

    def flush():
        lines.append("".join(current))
        current.clear()

    def walk(node):
        if node.tag == "table":
            flush()
            for row in node.iter("tr"):
                lines.append("\t".join(cell.text_content().replace("\n", "").strip()
                                        for cell in row if cell.tag in ("td", "th")))
            return
        block = node.tag in _BLOCKS
        if block:
            flush()
        if node.tag == "br":
            flush()
        if node.text and isinstance(node.tag, str):
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return [" ".join(line.split("\n")) for line in lines]


def _decode_html(path, data: bytes) -> tuple[str, str]:
    """The page's declared charset (gb2312 pages are read as GB18030, its superset),
    else detection as for text files."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode_bytes(path, data)

