"""Word notices (.docx): paragraphs and tables in the order the document prints them, tables as
tab-separated rows; a 文号 printed in the page header put first; item numbers that Word's list
numbering prints (一、 （一） 1. typed by no one) written before their paragraphs, and said so."""

from __future__ import annotations

import re

from .. import errors
from .. import patterns as P
from ..models import VALUE_SOURCES, SourceText
from . import limits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file signature of Word 97–2003 (.doc) and WPS files


def read_docx(path) -> SourceText:
    """Read a Word notice: its body's paragraphs and tables in document order (a red-header table with the
    文号 stays above the title, a task table under the item it follows), the page header's 文号 first
    where the body does not print it, and the numbers Word's list numbering prints."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise errors.UnsupportedFormatError(path, "python-docx is not installed") from exc
    with open(path, "rb") as handle:
        if handle.read(4) == OLE_SIGNATURE[:4]:  # the old binary format under a new name
            raise errors.UnsupportedFormatError(path, "a Word 97–2003 .doc file under a .docx name: open it in Word "
                                                      "or WPS, save it as .docx and ingest that")
    limits.check_docx(path)  # uncompressed size and paragraphs, before python-docx expands them
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise errors.BadFileError(path, f"cannot open Word file ({type(exc).__name__})") from exc
    numbering = _Numbering(document)
    fields = _Fields()
    framed: list[int] = []
    lines = _body_lines(document.element.body, document, numbering, fields, framed)
    warnings, sources = [], {}
    if framed:
        warnings.append(f"the notice is laid out in a table ({framed[0]} paragraphs in one cell): its cells read as "
                        f"paragraphs, not as a table's rows")
    header_numbers = [n for n in _header_doc_numbers(document) if not any(n in line for line in lines)]
    if header_numbers:  # a joint notice's header may print each issuer's number: one line, the first the notice's
        line = "\u3000".join(header_numbers)
        lines[:0] = [line]
        warnings.append(f"doc_number read from the page header of the Word file: {line}")
        sources["doc_number"] = (line, VALUE_SOURCES["word_header"])
    if numbering.numbered:
        warnings.append(f"item numbers printed by Word's list numbering written into the text "
                        f"({numbering.numbered} paragraph{'s' if numbering.numbered != 1 else ''}: "
                        f"{', '.join(numbering.examples)})")
    text = "\n".join(lines)
    if not text.strip():
        raise errors.EmptyFileError(path)
    return SourceText(path=str(path), text=text, source_format="docx", warnings=warnings, value_sources=sources)


def _body_lines(parent, document, numbering, fields, framed: list[int]) -> list[str]:
    """The lines of ``parent``'s paragraphs and tables in order; a table that lays the notice out (one column, a cell
    holding many paragraphs: an OA system's frame) is read through, its cells' paragraphs as paragraphs
    (``framed`` gets the count)."""
    lines: list[str] = []
    for element in _blocks(parent):
        if element.tag == f"{_W}p":
            lines.extend(_text_box_lines(element))  # a red header drawn in a text box, above its anchor's line
            if fields.in_contents(element):
                continue  # a table of contents' lines (一、工作目标⇥1): the headings again, with page numbers
            lines.append(numbering.label(element) + _paragraph_text(element))
        elif element.tag == f"{_W}tbl" and _frames_text(element):
            framed.append(sum(1 for p in element.iter(f"{_W}p") if _paragraph_text(p).strip()))
            for cell in element.iter(f"{_W}tc"):
                if not _in(cell, f"{_W}tc", element):
                    lines.extend(_body_lines(cell, document, numbering, fields, framed))
        elif element.tag == f"{_W}tbl":
            lines.extend(_table_rows(element, document, numbering))
    return lines


FRAME_PARAGRAPHS = 8  # paragraphs with text in one cell of a one-column table: a frame around the notice, not data


def _frames_text(tbl) -> bool:
    """A one-column table one of whose cells holds a run of paragraphs (a whole notice, its title and items): a frame
    an OA system's export puts around the text, not a table of data (a data table has columns)."""
    grid = tbl.find(f"{_W}tblGrid")
    if grid is None or len(grid.findall(f"{_W}gridCol")) != 1:
        return False
    return any(sum(1 for p in cell.iterchildren(f"{_W}p") if _paragraph_text(p).strip()) >= FRAME_PARAGRAPHS
               for cell in tbl.iter(f"{_W}tc"))


def _blocks(parent):
    """The body's paragraphs and tables in order, those inside content controls (w:sdt, a 公文 template's fields:
    its 文号, its title) included."""
    for element in parent.iterchildren():
        if element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        else:
            yield element


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _in(node, tag: str, stop) -> bool:
    """Whether ``node`` lies inside a ``tag`` element below ``stop``."""
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == tag:
            return True
    return False


class _Fields:
    """Word's fields as the body runs through them (a field's begin, its code, its end may lie in different
    paragraphs, and fields nest: a table of contents holds a PAGEREF per line)."""

    def __init__(self):
        self.open: list[str] = []  # the codes of the fields open here, outermost first ("" until its code is read)

    def in_contents(self, p) -> bool:
        """Whether paragraph ``p`` prints text of a table of contents (a TOC field's result), moving past its fields."""
        printed = False
        for node in p.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}t", f"{_W}fldSimple"):
            if node.tag == f"{_W}fldChar":
                kind = node.get(f"{_W}fldCharType")
                if kind == "begin":
                    self.open.append("")
                elif kind == "end" and self.open:
                    self.open.pop()
            elif node.tag == f"{_W}instrText":
                if self.open and not self.open[-1]:
                    self.open[-1] = (node.text or "").strip().split(" ")[0].upper()
            elif node.tag == f"{_W}fldSimple":
                printed = printed or (node.get(f"{_W}instr") or "").strip().upper().startswith("TOC")
            elif "TOC" in self.open and (node.text or "").strip():
                printed = True
        return printed


def _paragraph_text(p) -> str:
    """A paragraph's own text: its runs' text, tabs and breaks (as python-docx's ``Paragraph.text``), without
    the text of a text box anchored in it (read apart, :func:`_text_box_lines`), without the text a tracked move
    took away (w:moveFrom: Word keeps it, struck through, where it stood; w:moveTo prints it where it went) and
    without hidden text (w:vanish)."""
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if _in(node, f"{_W}txbxContent", p) or _in(node, f"{_W}moveFrom", p) or _hidden(node.getparent()):
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _hidden(run) -> bool:
    """Whether a run is hidden text (w:vanish: a template's instructions, a field's hidden part), which Word does not
    print."""
    if run is None or run.tag != f"{_W}r":
        return False
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("false", "0", "off")


def _text_box_lines(p) -> list[str]:
    """The lines of the text boxes anchored in paragraph ``p`` (once: Word stores a box twice, its drawing and an
    older copy under mc:Fallback)."""
    lines: list[str] = []
    for box in p.iter(f"{_W}txbxContent"):
        if _in(box, _MC_FALLBACK, p) or _in(box, f"{_W}txbxContent", p):
            continue
        lines.extend(text for inner in box.iterchildren(f"{_W}p") if (text := _paragraph_text(inner)).strip())
    return lines


def _table_rows(tbl, document, numbering: _Numbering | None = None) -> list[str]:
    """A table's rows, cells joined by tabs; a cell merged down (vMerge) repeats the text above it (a task
    table's 牵头单位 merged over two tasks is each task's lead), a cell spanning columns (gridSpan) is one
    cell, as a web page's colspan is (a red header's 某某局文件 merged across is no two names); a cell's
    paragraphs numbered by Word print their numbers (a 序号 column: 1, 2, 3 typed by no one)."""
    import docx.table

    table = docx.table.Table(tbl, document)  # the document gives the table its part
    texts: dict = {}  # each cell's text once: a merged cell repeats it, and its number is counted once

    def text_of(cell) -> str:
        if cell._tc not in texts:
            texts[cell._tc] = "".join((numbering.label(p, empty=True) if numbering else "") + _paragraph_text(p)
                                      for p in _blocks(cell._tc) if p.tag == f"{_W}p").replace("\n", "")
        return texts[cell._tc]

    rows = []
    for row in table.rows:
        every = row.cells
        cells = [cell for i, cell in enumerate(every) if i == 0 or cell._tc is not every[i - 1]._tc]
        rows.append("\t".join(text_of(cell) for cell in cells))
    return rows


def _header_doc_numbers(document) -> list[str]:
    """文号 printed in the first section's page headers (the first page's, the default one)."""
    found: list[str] = []
    if not document.sections:
        return found
    section = document.sections[0]
    headers = [section.first_page_header, section.header] if section.different_first_page_header_footer \
        else [section.header]
    for header in headers:
        if header.is_linked_to_previous and header is not section.header:
            continue
        for p in header.paragraphs:
            for m in P.iter_doc_numbers(p.text.translate(P.FULLWIDTH_DIGITS)):  # 〔２０２２〕 as a header may print it
                number = re.sub(r"\s+", "", m.group(0))
                if number not in found:
                    found.append(number)
    return found


# ------------------------------------------------------------------ list numbering

_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (an item number; 100 and above in digits).

    >>> [_chinese(n) for n in (1, 10, 12, 20, 35)]
    ['一', '十', '十二', '二十', '三十五']
    """
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")


def _format_number(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return _chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return str(n).translate(_FULLWIDTH)
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


class _Numbering:
    """Word's list numbering: the label (一、 （一） 1.) each numbered paragraph prints, counted as Word counts."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> (numFmt, lvlText, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        self.numbered = 0
        self.examples: list[str] = []
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                                                         _int(_val(lvl, "start", "1"), 1))
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            num_id, ref = num.get(f"{_W}numId"), num.find(f"{_W}abstractNumId")
            if ref is None or ref.get(f"{_W}val") not in abstract:
                continue
            self.abstract_of[num_id] = ref.get(f"{_W}val")
            for ilvl, level in abstract[ref.get(f"{_W}val")].items():
                self.levels[(num_id, ilvl)] = level
            overrides = list(num.iterchildren(f"{_W}lvlOverride"))
            if overrides:  # a list that starts again (the plan after the letter: 一、 again): counted on its own
                self.abstract_of[num_id] = f"{ref.get(f'{_W}val')}/{num_id}"
            for override in overrides:
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                fmt, text, start = self.levels.get((num_id, ilvl), ("decimal", "", 1))
                lvl = override.find(f"{_W}lvl")  # a level redefined for this list
                if lvl is not None:
                    fmt, text, start = (_val(lvl, "numFmt", fmt), _val(lvl, "lvlText", text),
                                        _int(_val(lvl, "start", str(start)), start))
                restart = override.find(f"{_W}startOverride")
                if restart is not None:
                    start = _int(restart.get(f"{_W}val"), start)
                self.levels[(num_id, ilvl)] = (fmt, text, start)
        for style in document.styles.element.iterchildren(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.style_numbering[style.get(f"{_W}styleId")] = _num_pr(num_pr)

    def label(self, p, empty: bool = False) -> str:
        """The label Word prints before paragraph ``p`` ('' where it prints none, or a bullet); ``empty``: also before
        a paragraph with no text (a table's 序号 cell numbered by Word prints its number alone)."""
        if not self.levels:
            return ""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        style = p.find(f"{_W}pPr/{_W}pStyle")
        by_style = self.style_numbering.get(style.get(f"{_W}val") if style is not None else "Normal", ("", 0))
        if num_pr is not None:
            num_id, ilvl = _num_pr(num_pr)
            if not num_id and num_pr.find(f"{_W}numId") is None:
                num_id = by_style[0]  # <w:numPr><w:ilvl w:val="1"/></w:numPr>: the level here, the list the style's
        else:
            num_id, ilvl = by_style
        if (num_id, ilvl) not in self.levels or not (empty or _paragraph_text(p).strip()):
            return ""
        fmt, text, _ = self.levels[(num_id, ilvl)]
        if fmt in ("bullet", "none") or not text:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], [0] * 9)
        if ilvl >= len(counters):
            return ""
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0  # a deeper level starts again under each item of this one
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else self.levels[(num_id, ilvl)][2]

        def level_number(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            if not 0 <= level < len(counters) or (num_id, level) not in self.levels:
                return ""  # a level the numbering does not define prints nothing we could know
            fmt_of, _, start = self.levels[(num_id, level)]
            return _format_number(counters[level] or start, fmt_of)

        label = re.sub(r"%(\d)", level_number, text)
        self.numbered += 1
        if len(self.examples) < 3:
            self.examples.append(label)
        return label


def _val(node, child: str, default: str) -> str:
    found = node.find(f"{_W}{child}")
    return found.get(f"{_W}val", default) if found is not None else default


def _num_pr(num_pr) -> tuple[str, int]:
    num_id, ilvl = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else "",
            _int(ilvl.get(f"{_W}val"), 0) if ilvl is not None else 0)


def _int(value, default: int) -> int:
    """A numbering attribute as a number; a damaged one (absent, not a number, out of Word's range) is ``default``."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 <= number < 10_000 else default
