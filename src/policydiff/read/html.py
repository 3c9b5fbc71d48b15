"""Web pages (.html/.htm): the article container of a government page, paragraphs as lines, tables as rows.

Government sites lay pages out with ``<div>`` or with ``<table>`` (the article a ``<td>`` such
as gov.cn's ``td#UCAP-CONTENT``, in rows that also hold the information box and the
navigation). A layout table is walked as blocks, cell by cell; a data table in the article
(task tables, indicator tables, coordinate lists) comes out as tab-separated rows. The page's
information box is read into :attr:`SourceText.source_metadata` (see :mod:`.html_box`).
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import errors
from .. import patterns as P
from ..models import VALUE_SOURCES, SourceText
from ..textutils import normalise_doc_number
from . import limits
from .html_box import read_info_box
from .text import decode_bytes, override_warning

# Lines of a government web page around the notice, not part of it.
PAGE_CHROME = re.compile(r"^\s*(?:当前位置|您的位置|发布时间|发布日期|来源[:：]|浏览次数|访问次数|字号|【?字体|打印本页|"
                         r"关闭窗口|分享到|扫一扫|责任编辑|【打印】|【关闭】|【?打印本页|上一篇[:：]|下一篇[:：]|"
                         # a WeChat article's own furniture (a public account reposting a notice)
                         r"点击(?:上方)?蓝字|关注我们|往期(?:推荐|回顾|精选)|(?:分享\s*)?收藏\s*点赞\s*在看|"
                         r"(?:文字|图片)?编辑[:：]|(?:初审|复审|终审|审核|校对)[:：])")
# a pager under an article split over pages (共3页 上一页 1 2 3 下一页, 第1页/共3页)
PAGER = re.compile(r"^\s*(?:(?:第\s*\d+\s*页\s*[/／]?\s*)?共\s*\d+\s*页|(?:首页\s*)?(?:上一页\s*)?(?:\d+\s*){2,}下一页"
                   r"(?:\s*尾页)?)[\s\d上下一页首尾]*$")
# a line after which a page (a WeChat post) lists other articles, not the notice: the article ends there
ARTICLE_END = re.compile(r"^\s*(?:往期(?:推荐|回顾|精选|阅读)|推荐阅读|相关阅读|延伸阅读|热文推荐)\s*[:：]?\s*$")
SITE_NAME = re.compile(r"^.{0,20}(?:门户网站|政府网|网站)$")  # a site's header, e.g. 卫生健康委员会门户网站
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)

# Containers that hold the article on common government CMSs (ucap, TRS, jcms, xxgk templates).
KNOWN_CONTAINER = re.compile(r"^(?:UCAP-CONTENT|td_DocContent|zoom|TRS_Editor|trs_editor_view|pages_content|"
                             r"zfxxgk_zw_content|article-content|Custom_UnionStyle|printArea|bt_content)$",
                             re.IGNORECASE)
# Containers that are the whole article whatever their size: a WeChat article's body (js_content), which prints
# each paragraph in a <section> of its own, so that the largest block is one paragraph
WHOLE_ARTICLE = re.compile(r"^(?:js_content|rich_media_content)$")
_WORD_SECTION = re.compile(r"^(?:Word)?Section\d+$")  # a page exported from Word: one div per section
MAX_TABLE_SCORE = 2000  # characters a data table adds to its container's claim to be the article
MIN_PROSE = 200  # characters of prose that make a container an article rather than a table's frame
LAYOUT_CELL = 1500  # characters; a cell this long holds an article or a page region, not data


class NoArticleError(errors.BadFileError):
    reason = "no article can be told apart from the page layout"


def read_html(path) -> SourceText:
    """Read a notice published as a web page.

    The article is the element whose own paragraphs (and data tables) hold the most
    text, preferring a known CMS container around it; navigation, header, footer,
    scripts and mobile duplicates are dropped first and the information box is read
    apart. Paragraphs come out one per line and data tables as tab-separated rows, as
    for PDF and Word. (trafilatura was tried: it drops repeated short paragraphs such as
    a second ``约束性`` cell, which a notice cannot lose.)"""
    import lxml.html

    limits.check_file_size(path)
    data = Path(path).read_bytes()
    limits.check_html(path, data)
    if not data.strip():
        raise errors.EmptyFileError(path)
    text, encoding = _decode_html(path, data)
    declared = next(iter(_CHARSET.findall(data[:4096])), b"").decode("ascii").lower()
    # a page of ASCII alone reads the same in any charset it declares
    warnings = [] if data.isascii() else override_warning("the page's meta charset", declared, encoding)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a declaration in a decoded string
    try:
        page = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml refuses documents with nothing to parse
        raise errors.BadFileError(path, f"cannot parse the web page ({type(exc).__name__})") from exc
    page_meta = _meta_tags(page)
    head_title = " ".join((page.findtext(".//title") or "").split())  # before the head goes with the chrome
    _drop_tags(page)
    box = read_info_box(page)  # before named furniture goes: gov.cn keeps it in …Overview_header
    _drop_named_chrome(page)
    for key, value in page_meta.items():
        box.setdefault(key, value)
    scored = _scored(page)
    article = _article(scored)
    headline = _headline_outside(page, article)  # before the lines are read: an <h1> above the container
    lines = _article_lines(path, article, len((article if article is not None else page).findall(".//img")))
    warnings.extend(_other_articles(scored, article))
    pager = next((line for line in lines if PAGER.match(line)), None)
    if pager:  # 共3页 1 2 3 下一页: the article continues on pages this file does not hold
        lines = [line for line in lines if not PAGER.match(line)]
        warnings.append(f"the article is split over pages and this file holds one ({pager}): the others are not read")
    sources: dict[str, tuple[str, str]] = {}  # a header value put in from outside the article: where from
    if P.RELEASE_TITLE.match(headline) and not any(_norm_space(line) == headline for line in lines[:_TITLE_LINES]):
        lines.insert(0, headline)  # 国务院办公厅印发《…》 over the release: its bodies and document are the notice's
        warnings.append(f"the page's headline read as the article's first line (a release: bodies, 印发, the document "
                        f"released): {headline}")
    elif "title" not in box and not _prints_title(lines):
        found = _page_title(headline, head_title)
        if found:
            box["title"] = found  # the page's headline over an article that prints none (taken from the box, flagged)
            sources["title"] = (found, VALUE_SOURCES["page_headline"])
    number = box.get("doc_number")
    number = number and number.translate(P.FULLWIDTH_DIGITS)  # 安卫发〔２０２２〕１５号 as a repost's box prints it
    if number and P.DOC_NUMBER.search(number) and not _prints_number(lines, number):
        lines.insert(0, number)  # the page's 发文字号 field, where the article does not print it
        sources["doc_number"] = (number, VALUE_SOURCES["box_doc_number"])
        warnings.append(f"doc_number taken from the page's information box (发文字号; the article does not print it): "
                        f"{number}")
    return SourceText(path=str(path), text="\n".join(lines), encoding=encoding, source_format="html",
                      source_metadata=box, warnings=warnings, value_sources=sources)


SECOND_ARTICLE = 0.5  # share of the article's prose another block must hold to be a second notice


def _other_articles(scored: list, article) -> list[str]:
    """A warning for each block of prose outside the article, as long as half of it and signed with a date
    (a list page that pastes two notices one under the other): only the first is read. ``scored``: :func:`_scored`.

    >>> import lxml.html
    >>> body = "<p>各乡镇卫生院：现将有关事项通知如下。</p><p>一、做好签约督导，每月报送进展。</p>" * 3
    >>> body += "<p>2022年5月30日</p>"
    >>> page = lxml.html.document_fromstring(f"<div><div id='a'>{body}</div><div id='b'>{body}</div></div>")
    >>> _other_articles(_scored(page), page.get_element_by_id("a"))[0][:48]
    'the page holds more article text after the one r'
    """
    if article is None:
        return []
    prose = next((own for own, _, element in scored if element is article), None)
    floor = max(60, SECOND_ARTICLE * (prose if prose is not None else _own_text(article)[0]))
    candidates = [element for own, _, element in scored if own >= floor]
    if len(candidates) < 2:
        return []
    around = {*article.iter(), *article.iterancestors()}
    found: list = []
    for element in candidates:
        if element in around or any(element in other.iter() for other in found):
            continue
        text = element.text_content()
        if "。" in text and P.DATE.search(text):
            found.append(element)
    return [f"the page holds more article text after the one read ({len(_norm_space(e.text_content()))} characters: "
            f"{_norm_space(e.text_content())[:30]}…); only the first is read (a second notice on the page?)"
            for e in found]


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headline_outside(page, article) -> str:
    """The page's <h1> (else <h2>, <h3>) outside the article container, its text on one line, or ''."""
    if article is None:
        return ""
    inside = set(article.iter())
    for tag in ("h1", "h2", "h3"):
        for heading in page.iter(tag):
            if heading not in inside:
                text = re.sub(r"\s+", "", heading.text_content() or "")
                if text:
                    return text
    return ""


_TITLE_LINES = 6  # the article's first lines, where its own title stands when it prints one


def _prints_title(lines: list[str]) -> bool:
    """Whether the article's first lines hold a notice title (关于…的通知, …实施方案) above its
    addressees (an enclosed plan's title under the 通知's signature is not the page's title).

    >>> _prints_title(["各县卫生健康局：", "现将方案印发给你们。", "某州卫生健康委员会", "某州医共体建设实施方案"])
    False
    """
    head = []
    for line in lines[:_TITLE_LINES]:
        if line.rstrip().endswith(("：", ":")):
            break  # the addressees: the title stands above them
        head.append(line)
    return any(P.NOTICE_TITLE.search(line) or P.STANDALONE_TITLE.match(line) for line in head)


def _page_title(headline: str, head_title: str) -> str | None:
    """A notice title printed by the page and not by its article: the <h1> outside the container, else the
    <title> without the site's name after it (…的通知-某县人民政府); None when neither is a notice's title.

    >>> _page_title("", "岚皋县卫生健康局关于印发重点任务的通知-岚皋县人民政府")
    '岚皋县卫生健康局关于印发重点任务的通知'
    >>> _page_title("政务公开", "首页") is None
    True
    """
    for text in (headline, *re.split(r"\s*[-_|｜—]+\s*", head_title)):
        text = text.strip()
        if text and len(text) <= 150 and (P.NOTICE_TITLE.search(text) or P.STANDALONE_TITLE.match(text)):
            return text
    return None


def _article_lines(path, article, images: int = 0) -> list[str]:
    """The article's lines without the page's own (当前位置, 发布时间 …); a page with no
    article, or whose article is a list of links or one run of text, is refused."""
    if article is not None:
        _refuse_link_list(path, article)
    raw = [] if article is None else _block_lines(article)
    end = next((i for i, line in enumerate(raw) if i and ARTICLE_END.match(line)), None)
    if end is not None:
        del raw[end:]  # 往期推荐 ⏎ other posts' titles: the account's list after the article, none of it the notice
    lines = [  # tabs kept: a row's empty first cell marks a continued row
        line.strip(" \u3000\u00a0\r") for line in raw
        if line.strip() and not PAGE_CHROME.match(line) and not SITE_NAME.match(line.strip())]
    if not lines:
        raise errors.EmptyFileError(path, "no article text in the web page" + _pictures(images))
    _refuse_run_together(path, lines)
    _refuse_no_notice(path, lines, images)
    return lines


MIN_CJK = 20  # fewer Chinese characters than a notice's title alone has: not a notice


def _refuse_no_notice(path, lines: list[str], images: int = 0) -> None:
    """A page whose article holds (almost) no Chinese text ("hello", an error page, a
    login form) is no notice: refused, not stored as an empty record; where the article is images, the reason says
    so (a scanned notice posted as pictures)."""
    text = "".join(lines)
    cjk = len(_CJK_CHAR.findall(text))
    if cjk < MIN_CJK:
        shown = text[:40] + ("…" if len(text) > 40 else "")
        raise NoArticleError(path, f"no notice in the web page: its article text holds {cjk} Chinese "
                                   f"character{'s' if cjk != 1 else ''} ({shown!r}){_pictures(images)}")


def _pictures(images: int) -> str:
    """What a refusal adds where the article is pictures (a notice posted as scans)."""
    return (f"; the article is {images} image{'s' if images != 1 else ''} (a scanned notice?): save "
            f"{'them' if images != 1 else 'it'} as a PDF and ingest that (read by OCR)") if images else ""


_CJK_CHAR = re.compile(f"[{P.CJK}]")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHROME_TAGS = ("script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "form", "button",
                "select", "input", "textarea")
# pchide / mxxgkabstract: gov.cn's copy of the information box for phones
_CHROME_NAME = re.compile(r"nav|menu|crumb|footer|bottom|header|share|tools?$|toolbar|copyright|sidebar|"
                          r"pchide|mxxgk|mobile-only|hidden-pc", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "section", "article",
           "blockquote", "pre", "center", "dl", "dt", "dd", "ul", "ol"}
_PARAGRAPHS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "dl")
_INLINE = ("span", "font", "a", "b", "strong", "em", "i", "u", "sup", "sub", "label", "small", "big")


def _prints_number(lines: list[str], number: str) -> bool:
    """Whether the article prints its 文号: a 文号 in its first lines, the box's number
    anywhere (a header of twelve issuers pushes it down), or the box number's serial (a 令
    prints 第12号 under its heading for 某省人民政府令第12号)."""
    if any(P.DOC_NUMBER.search(line) for line in lines[:12]):
        return True
    squeezed = [re.sub(r"\s", "", line) for line in lines]
    own = normalise_doc_number(number)
    if own and any(normalise_doc_number(found.group(0)) == own
                   for line in squeezed for found in P.DOC_NUMBER.finditer(line)):
        return True
    serial = re.search(r"第\d+号$", re.sub(r"\s", "", number))
    return serial is not None and any(serial.group(0) in line for line in squeezed[:12])


def _drop_tags(page) -> None:
    """Comments, scripts, styles, forms, the head, and elements hidden by their own style."""
    from lxml import etree

    for node in list(page.iter(etree.Comment, etree.ProcessingInstruction)):
        if node.getparent() is not None:
            node.drop_tree()  # no text of the page, and no attributes to ask about
    for element in list(page.iter(*_CHROME_TAGS)):
        element.drop_tree()
    for element in list(page.iter()):
        if element.getparent() is not None and _HIDDEN.search(element.get("style") or ""):  # comments: None
            element.drop_tree()


def _drop_named_chrome(page) -> None:
    """Navigation, header, footer, share and tool bars, phone copies, by class or id."""
    for element in list(page.iter()):
        name = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.getparent() is not None and _CHROME_NAME.search(name) and element.tag != "body":
            element.drop_tree()


def _scored(page) -> list:
    """(prose, tables, element) for every element that may hold the article, in document order."""
    return [(*_own_text(element), element) for element in page.iter("div", "td", "article", "section", "body",
                                                                     "center", "main")]


def _article(scored: list):
    """The element whose own paragraphs (and data tables) hold the most text outside
    links, or the innermost known CMS container around it (Word exports split the
    article into ``Section`` divs inside ``TRS_Editor``; outside one, the sections'
    parent). ``scored``: :func:`_scored`."""
    with_prose = [entry for entry in scored if entry[0] >= MIN_PROSE]  # a table alone is an annex's preview
    best_prose, best_tables, best = max(with_prose or scored, key=lambda entry: entry[0] + entry[1],
                                        default=(0, 0, None))
    if best is None or not best_prose + best_tables:
        return None
    whole = next((c for c in [best, *best.iterancestors()]
                  if any(WHOLE_ARTICLE.match(n) for n in [c.get("id") or "", *(c.get("class") or "").split()] if n)),
                 None)
    if whole is not None:
        return whole
    for container in [best, *best.iterancestors()]:
        if container.tag == "body":
            break
        if _is_known_container(container) and len(container.text_content()) <= 3 * len(best.text_content()):
            return container
    parent = best.getparent()
    if _WORD_SECTION.match(best.get("class") or "") and parent is not None and parent.tag != "body":
        return parent  # the article's other Word sections (an annex) are siblings
    return best


def _own_text(element) -> tuple[int, int]:
    """Characters of an element's own lines: prose (its loose text, paragraphs and leaf
    divs, links left out) and data tables (each counting up to :data:`MAX_TABLE_SCORE`, so
    that a huge annex table never outweighs the article; a layout table counts nothing,
    its cells are candidates of their own)."""
    prose, tables = len((element.text or "").strip()), 0
    for child in element:
        prose += len((child.tail or "").strip())
        if not isinstance(child.tag, str):
            continue
        if child.tag in _PARAGRAPHS or child.tag in _INLINE or (
                child.tag in ("div", "li") and not any(c.tag in _BLOCKS for c in child.iterdescendants())):
            prose += len(child.text_content().strip()) - _link_text(child)
        elif child.tag == "table" and not is_layout_table(child):
            tables += min(len(child.text_content().strip()), MAX_TABLE_SCORE)
    return prose, tables


def _link_text(element) -> int:
    """Characters of ``element`` in links: a column of links is furniture, however long."""
    return sum(len(link.text_content().strip()) for link in element.iter("a"))


def _is_known_container(element) -> bool:
    names = [element.get("id") or "", *(element.get("class") or "").split()]
    return element.tag == "article" or any(KNOWN_CONTAINER.match(name) for name in names if name)


def is_layout_table(table) -> bool:
    """A table that lays out the page, not data: one of its own cells holds a nested
    table, a known article container, text as long as a page region, or a notice's lines
    broken by ``<br>`` (一、… after a break); or every row of it is one cell (a data table has columns).

    >>> from lxml import html as lhtml
    >>> is_layout_table(lhtml.fromstring("<table><tr><td>首页</td></tr><tr><td>各镇卫生院：<br>一、做好签约。</td></tr></table>"))
    True
    >>> is_layout_table(lhtml.fromstring("<table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>签约</td></tr></table>"))
    False
    """
    rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
    if rows and all(sum(1 for c in row if c.tag in ("td", "th")) <= 1 for row in rows):
        return True
    for cell in table.iter("td", "th"):
        if next(cell.iterancestors("table"), None) is not table:
            continue
        if (next(cell.iterdescendants("table"), None) is not None or _is_known_container(cell)
                or any(_is_known_container(d) for d in cell.iterdescendants())
                or len(text := cell.text_content()) > LAYOUT_CELL or (len(text) >= MIN_PROSE and _broken_notice(cell))):
            return True
    return False


_LABEL_AFTER_BREAK = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def _broken_notice(cell) -> bool:
    """A cell holding a notice's lines broken by ``<br>`` (at least three, one of them opening on 一、 or （一）)."""
    breaks = [br for br in cell.iter("br")]
    return len(breaks) >= 3 and any(
        br.tail and _LABEL_AFTER_BREAK.match(br.tail) for br in breaks)


def _block_lines(element) -> list[str]:
    """Text of ``element`` line by line: a line per block element and ``<br>``, a
    tab-joined line per row of a data table, a layout table walked cell by cell."""
    lines: list[str] = []
    current: list[str] = []

    def flush():
        lines.append("".join(current))
        current.clear()

    def walk(node, pre=False):
        if node.tag == "table" and not is_layout_table(node):
            flush()
            lines.extend(table_rows(node))
            return
        block = node.tag in _BLOCKS or node.tag in ("tr", "td", "th")
        pre = pre or node.tag in ("pre", "textarea") or bool(_PRE_STYLE.search(node.get("style") or ""))
        if block or node.tag == "br":
            flush()
        if node.tag == "li":
            current.append(_list_number(node))  # <ol><li>: the number the browser prints (一、 / 1.), typed by no one
        if node.text and isinstance(node.tag, str):
            current.append(_kept_breaks(node.text) if pre else node.text)
        for child in node:
            walk(child, pre)
            if child.tail:
                current.append(_kept_breaks(child.tail) if pre else child.tail)
        if block:
            flush()

    walk(element)
    flush()
    # a source line break is a space in HTML, except in preformatted text (<pre>: a notice pasted as plain text)
    return [part for line in lines for part in " ".join(line.split("\n")).split(_BREAK)]


_CJK_LIST = re.compile(r"list-style(?:-type)?\s*:\s*(?:cjk-ideographic|simp-chinese-(?:informal|formal)|"
                       r"cjk-decimal|chinese)", re.IGNORECASE)
_CN_NUMERALS = "一二三四五六七八九十"


def _list_number(item) -> str:
    """The number a browser prints before an ordered list's item (1. ; 一、 for a list styled cjk-ideographic), '' for
    an unordered list or an item whose text already starts with its number.

    >>> import lxml.html
    >>> ol = lxml.html.fromstring("<ol style='list-style-type:cjk-ideographic'><li>甲</li><li>乙</li></ol>")
    >>> [_list_number(li) for li in ol]
    ['一、', '二、']
    """
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    text = item.text_content().strip()
    if not text or P.ANY_LABEL.match(text):
        return ""
    start = int(parent.get("start")) if (parent.get("start") or "").isdigit() else 1
    number = start + [c for c in parent if c.tag == "li"].index(item)
    if _CJK_LIST.search(f"{parent.get('style') or ''} {item.get('style') or ''}") and 1 <= number <= 10:
        return _CN_NUMERALS[number - 1] + "、"
    return f"{number}."


_BREAK = "\x00"  # a line break kept from preformatted text, until the lines are cut
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre", re.IGNORECASE)


def _kept_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", _BREAK)


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int((cell.get(name) or "1").strip()), 1000))
    except ValueError:
        return 1


def table_rows(table) -> list[str]:
    r"""A data table's rows, cells joined by tabs. A cell spanning rows (rowspan) is carried down
    into each row it spans that has its own first cell (a task table's 牵头单位 merged over two
    tasks is each task's lead, as a Word reader repeats it); a row whose first cell is itself
    spanned from above (a sub-row of a merged item, a second header line) keeps its own cells only.

    >>> from lxml import html as lhtml
    >>> t = lhtml.fromstring("<table><tr><td>1</td><td>甲</td><td rowspan='2'>县医院</td><td>2021年</td></tr>"
    ...                      "<tr><td>2</td><td>乙</td><td>持续推进</td></tr></table>")
    >>> table_rows(t)
    ['1\t甲\t县医院\t2021年', '2\t乙\t县医院\t持续推进']
    """
    rows: list[str] = []
    spanned: dict[int, tuple[str | None, int]] = {}  # grid column → (text, rows still spanned below)
    for row in table.iter("tr"):
        carry = 0 not in spanned
        out: list[str] = []
        col = 0
        for cell in (c for c in row if c.tag in ("td", "th")):
            col = _pass_spanned(spanned, col, out if carry else None)
            text = cell.text_content().replace("\n", "").strip()
            out.append(text)
            down, across = _span(cell, "rowspan"), _span(cell, "colspan")
            if down > 1:
                for k in range(across):
                    spanned[col + k] = (text if k == 0 else None, down - 1)
            col += across
        _pass_spanned(spanned, col, out if carry else None)
        rows.append("\t".join(out))
    return rows


def _pass_spanned(spanned: dict[int, tuple[str | None, int]], col: int, out: list[str] | None) -> int:
    """Past the grid columns from ``col`` that cells above span into this row, each one row less
    spanned; their text added to ``out`` (where given). Returns the next free column."""
    while col in spanned:
        text, left = spanned[col]
        if out is not None and text is not None:  # the columns a spanning cell also spans across print nothing
            out.append(text)
        if left > 1:
            spanned[col] = (text, left - 1)
        else:
            del spanned[col]
        col += 1
    return col


# <meta name=…> of ucap/TRS pages, read where the box does not print the field
META_TAGS = {"articletitle": "title", "pubdate": "published_date", "contentsource": "source"}


def _meta_tags(page) -> dict[str, str]:
    fields: dict[str, str] = {}
    for meta in page.iter("meta"):
        key = META_TAGS.get((meta.get("name") or "").lower())
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            fields.setdefault(key, value)
    stamp = page.get_element_by_id("publish_time", None)  # a WeChat post's time of publishing (2022-08-16 18:30)
    value = " ".join(stamp.text_content().split()) if stamp is not None else ""
    if value and re.match(r"^(?:19|20)\d{2}[-年/.]", value):
        fields.setdefault("published_date", value)
    return fields


LINK_LIST = 0.5  # share of a block's text in links that makes it a list of links


def _refuse_link_list(path, article) -> None:
    """A page whose largest block is a list of links (the article loaded by a script or
    in a frame the saved page lacks) has no article to read."""
    text = len(article.text_content().strip())
    links = _link_text(article)
    if text and links >= LINK_LIST * text:
        attached = [name for link in article.iter("a")
                    if ATTACHMENT_HREF.search(link.get("href") or "") and (name := _norm_space(link.text_content()))]
        if attached:  # a cover line and the notice's files: the notice is in them
            raise NoArticleError(path, f"the page's notice is in its attached files, not on the page "
                                       f"({'; '.join(attached[:3])}{' …' if len(attached) > 3 else ''}): download "
                                       f"and ingest those")
        raise NoArticleError(path, f"no article can be told apart from the page layout: its largest block of "
                                   f"text is a list of links ({links} of {text} characters are links)")


# a link to a file of the notice (its PDF, its Word file, an annex's sheet), not to another page
ATTACHMENT_HREF = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar)(?:[?#].*)?$", re.IGNORECASE)
RUN_TOGETHER = 0.8  # share of the article's text on its longest line


def _refuse_run_together(path, lines: list[str]) -> None:
    """A page whose article comes out as one run of text (no paragraphs, no line
    breaks, a layout flattened) is refused rather than stored as one line."""
    total = sum(map(len, lines))
    longest = max(lines, key=len)
    if total >= 1000 and len(longest) >= RUN_TOGETHER * total and "\t" not in longest:
        raise NoArticleError(path, f"no article can be told apart from the page layout: its text runs together "
                                   f"as one line of {len(longest)} of {total} characters")


def _decode_html(path, data: bytes) -> tuple[str, str]:
    """Decode a page: strict UTF-8 first (GBK text is almost never valid UTF-8, so a
    page that decodes is UTF-8 whatever it declares), then the declared charset (gb2312
    and gbk read as GB18030, their superset), then GB18030, then detection as for text
    files. A wrong declaration (UTF-8 declared on a GBK page, or the reverse) is thus
    overridden."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in _CHARSET.findall(data[:4096]):
        name = declared.decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong declaration: try the next, then GB18030 and detection
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return decode_bytes(path, data)
