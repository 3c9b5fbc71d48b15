"""Repair what PDF extraction did to a notice, keeping a map back to the source.

The normalised text has one paragraph per line. Hard-wrapped lines and page
breaks inside sentences are joined, stray markdown and the spaces PDF
extraction put inside Chinese phrases are removed, half-width brackets are
written full-width. Every character keeps the offset of the source character
it came from (:attr:`NormalisedText.source_offsets`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from . import patterns as P
from .models import NormalisedText, SourceText
from .textutils import find_damaged_doc_numbers, is_org_line, is_org_row


class Segment:
    """A run of text with the source offset of each character, kept as runs: from
    ``starts[k]`` on, the characters' offsets step by one from ``sources[k]`` up to the next
    run (a line of the source is one run; a join adds the next line's runs, copying no
    per-character list). :attr:`offsets` gives the offset of every character."""

    __slots__ = ("sources", "starts", "text")

    def __init__(self, text: str, starts: list[int], sources: list[int]):
        self.text, self.starts, self.sources = text, starts, sources

    @classmethod
    def at(cls, text: str, source: int) -> Segment:
        """``text`` as it stands in the source from offset ``source`` on."""
        return cls(text, [0], [source]) if text else cls("", [], [])

    @classmethod
    def of_offsets(cls, text: str, offsets: list[int]) -> Segment:
        starts: list[int] = []
        sources: list[int] = []
        for i, at in enumerate(offsets):
            if not starts or at != sources[-1] + i - starts[-1]:
                starts.append(i)
                sources.append(at)
        return cls(text, starts, sources)

    @property
    def offsets(self) -> list[int]:
        out: list[int] = []
        bounds = [*self.starts[1:], len(self.text)]
        for start, end, source in zip(self.starts, bounds, self.sources):
            out.extend(range(source, source + end - start))
        return out

    def runs(self) -> list[list[int]]:
        """[start, source start, length] of each longest run whose offsets step by one."""
        runs: list[list[int]] = []
        bounds = [*self.starts[1:], len(self.text)]
        for start, end, source in zip(self.starts, bounds, self.sources):
            if runs and runs[-1][1] + runs[-1][2] == source:
                runs[-1][2] += end - start
            else:
                runs.append([start, source, end - start])
        return runs

    def offset(self, index: int) -> int:
        k = bisect.bisect_right(self.starts, index) - 1
        return self.sources[k] + index - self.starts[k]

    def __add__(self, other: Segment) -> Segment:
        if not other.text:
            return self
        if not self.text:
            return other
        n = len(self.text)
        return Segment(self.text + other.text, self.starts + [start + n for start in other.starts],
                       self.sources + other.sources)

    def cut(self, start: int, end: int | None = None) -> Segment:
        n = len(self.text)
        if end is None or end > n:
            end = n
        if start < 0 or end < 0:  # counted from the end, as a slice counts them
            start, end, _ = slice(start, end).indices(n)
        if end <= start:
            return Segment("", [], [])
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_left(self.starts, end, first + 1)
        return Segment(self.text[start:end], [0, *(s - start for s in self.starts[first + 1:last])],
                       [self.sources[first] + start - self.starts[first], *self.sources[first + 1:last]])

    def sub(self, pattern: re.Pattern, repl) -> Segment:
        """Like ``re.sub``; replaced characters inherit offsets from the match (the i-th its
        i-th, those past the match's end its last; an empty match's the next character's)."""
        matches = pattern.finditer(self.text)
        first = next(matches, None)
        if first is None:
            return self  # the common case: nothing to repair, nothing to copy
        pieces, pos = [], 0
        literal = None if callable(repl) or "\\" in repl else repl  # no template to expand: the text itself
        for m in itertools.chain((first,), matches):  # one scan of the text
            pieces.append(self.cut(pos, m.start()))
            new = literal if literal is not None else repl(m) if callable(repl) else m.expand(repl)
            kept = min(len(new), m.end() - m.start())  # characters that take the match's own offsets
            if kept:
                old = self.cut(m.start(), m.start() + kept)
                pieces.append(Segment(new[:kept], old.starts, old.sources))
            if len(new) > kept:  # the rest repeat the match's last offset, or the offset at an empty match
                last = self.offset(m.end() - 1) if kept else self._offset_at(m.start())
                pieces.append(Segment(new[kept:], list(range(len(new) - kept)), [last] * (len(new) - kept)))
            pos = m.end()
        pieces.append(self.cut(pos))
        return _concat(pieces)

    def strip(self, chars: str = " \u3000\u00a0\u2002\u2003\u202f") -> Segment:
        text = self.text
        if not text or (text[0] not in chars and text[-1] not in chars):
            return self  # the common case: nothing to strip, nothing to copy
        left = text.lstrip(chars)
        start = len(text) - len(left)
        end = start + len(left.rstrip(chars))
        if start == 0 and end == len(text):
            return self  # the common case: nothing to strip, nothing to copy
        return self.cut(start, end)

    def _offset_at(self, index: int) -> int:
        if not self.text:
            return 0
        return self.offset(min(index, len(self.text) - 1))


def _concat(pieces: list[Segment]) -> Segment:
    """The pieces one after another, in one pass."""
    text: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    n = 0
    for piece in pieces:
        if piece.text:
            text.append(piece.text)
            if len(piece.starts) == 1:  # the common case: a piece of one run (a line as the source has it)
                starts.append(piece.starts[0] + n)
            else:
                starts.extend([start + n for start in piece.starts])
            sources.extend(piece.sources)
            n += len(piece.text)
    return Segment("".join(text), starts, sources)


def normalise(source: SourceText | str) -> NormalisedText:
    """Normalise the text of a notice.

    >>> normalise("一、总体要求\\n\\n（一）指导思想。以习近平新时代中国特色社会主义\\n\\n思想为指导").text
    '一、总体要求\\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导'
    """
    raw = source.text if isinstance(source, SourceText) else source
    # what no line can hold when the whole text does not: those repairs are not tried line by line
    odd_spaces = bool(_INVISIBLE_OR_WIDE.search(raw))  # (_INVISIBLE's or _WIDE_SPACE's: one scan)
    if odd_spaces or "|" in raw or "<" in raw or "\r" in raw or "\f" in raw:
        rows = _table_rows(_split_lines(raw))
        # (a line holds a pipe or a bracket only where the text does: the lines are the text's, cleaned)
        row_ends = [("|" in line.text and bool(_ROW_END.search(line.text))) for line in rows] if "|" in raw else None
        cleaned = [_clean_line(line, odd_spaces) for line in rows]
    else:
        cleaned, row_ends = _plain_lines(raw), None
    lines, annotated = _strip_pinyin(cleaned) if "(" in raw else (cleaned, [])
    paragraphs = _join_paragraphs([line for line in lines if line.text],
                                  [end for line, end in zip(lines, row_ends) if line.text] if row_ends else None)
    pieces: list[Segment] = []
    repairs: list[dict] = []
    at = 0
    for para, local_repairs in paragraphs:
        para = _repair_paragraph(para)
        para, damage = _repair_damage(para)
        if not para.text:
            continue
        if pieces:  # the line break takes the offset before the paragraph's first character
            pieces.append(Segment.at("\n", para.sources[0] - 1))
            at += 1
        for repair in [*local_repairs, *damage]:
            repairs.append({**repair, "span": [at + repair["span"][0], at + repair["span"][1]]})
        pieces.append(para)
        at += len(para.text)
    whole = _concat(pieces)
    for at, raw_text, repaired in annotated:  # where the line's first annotated character ended up
        start = bisect.bisect_left(_offsets(whole, len(raw)), at)
        repairs.append({"kind": "pinyin_annotations", "raw": raw_text, "repaired": repaired,
                        "span": [start, start + len(repaired)]})
    return _Normalised(whole.text, None, sorted(repairs, key=lambda r: r["span"]), whole.runs(),
                       whole=whole, end=len(raw))


def _offsets(whole: Segment, end: int) -> list[int]:
    """Every character's source offset, and the end sentinel ``end`` (so that spans ending at
    len(text) map)."""
    offsets = whole.offsets
    offsets.append(end)
    return offsets


class _Normalised(NormalisedText):
    """The normaliser's result: its per-character :attr:`source_offsets` are built from the
    segment's runs when first read (a parse reads the runs alone: a list of one int a character,
    built for every notice and never read, was ~3% of a parse's CPU). Made like its base class
    otherwise (``dataclasses.replace`` gives it the offsets, built)."""

    _built: list[int] | None

    def __init__(self, text: str, source_offsets: list[int] | None, repairs: list[dict] | None = None,
                 source_runs: list[list[int]] | None = None, *, whole: Segment | None = None, end: int = 0):
        self._whole, self._end = whole, end
        super().__init__(text, source_offsets, [] if repairs is None else repairs, source_runs)  # type: ignore[arg-type]

    @property
    def source_offsets(self) -> list[int]:
        if self._built is None:
            assert self._whole is not None
            self._built = _offsets(self._whole, self._end)
        return self._built

    @source_offsets.setter
    def source_offsets(self, value: list[int] | None) -> None:
        self._built = value  # None (from normalise): built from the segment when first read


# a web page's markup left in copied text: a paragraph or line break ends a line
_MARKUP_BREAK = re.compile(r"\r\n|\r|\n|\f|<br\s*/?>|</p>|</div>|</li>|</h\d>", re.IGNORECASE)
_MARKUP_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")


def _split_lines(raw: str) -> list[Segment]:
    """The non-blank lines of ``raw``: a blank line (half of a hard-wrapped text's lines) changes
    nothing before the join, which drops it."""
    lines, start = [], 0
    if "<" not in raw and "\r" not in raw and "\f" not in raw:  # the common case: lines end in \n alone
        for text in raw.split("\n"):
            if text:  # a blank line is left out (the join drops it)
                lines.append(Segment(text, [0], [start]))
            start += len(text) + 1
        return lines
    breaks = _MARKUP_BREAK if "<" in raw else re.compile(r"\r\n|\r|\n|\f")
    for m in breaks.finditer(raw):
        if m.start() > start:
            lines.append(Segment.at(raw[start:m.start()], start))
        start = m.end()
    if start < len(raw):
        lines.append(Segment.at(raw[start:], start))
    return lines


def _plain_lines(raw: str) -> list[Segment]:
    """The cleaned lines of a text whose lines end in ``\n`` alone and that holds no pipe, markup
    and no space but the ASCII one: ``[_clean_line(l) for l in _table_rows(_split_lines(raw))]``,
    the lines no repair needs stripped as they are split (the table test reads them stripped
    anyway, and strips nothing else) and those that strip to nothing left out (they change no
    table and the join drops them)."""
    lines: list[Segment] = []
    to_clean: list[int] = []
    start = 0
    for text in raw.split("\n"):
        if text:
            if _TO_CLEAN.search(text):
                to_clean.append(len(lines))  # cleaned after the table test, as _clean_line cleans it
                lines.append(Segment(text, [0], [start]))
            elif text[0] != " " and text[-1] != " ":
                lines.append(Segment(text, [0], [start]))
            else:
                stripped = text.lstrip(" ")
                lead = len(text) - len(stripped)
                stripped = stripped.rstrip(" ")
                if stripped:
                    lines.append(Segment(stripped, [0], [start + lead]))
        start += len(text) + 1
    rows = _table_rows(lines)
    for i in to_clean:
        rows[i] = _clean_line(rows[i], False)
    return rows


# a table row as a web page's text gives it: cells apart by runs of spaces, or between pipes
_SPACE_GAP = re.compile(r"(?<=[^ \t\u3000\u00a0])(?:[ \u3000\u00a0]{2,}|\u3000)(?=[^ \t\u3000\u00a0])")
_PIPE_ROW = re.compile(r"^\s*\|.*\|.*\|")
_PIPE_RULE = re.compile(r"^[\s|:\-]+$")
_PIPE_EDGE = re.compile(r"^\s*\|\s*|\s*\|\s*$")
_PIPE_GAP = re.compile(r"\s*\|\s*")
_TASK_HEADER_WORD = re.compile("牵头|责任|配合|协办")


def _table_rows(lines: list[Segment]) -> list[Segment]:
    """Lines of a pipe table, and of a space-aligned table after its task-table header
    (牵头/责任/配合/协办 among short cells), with their cells apart by tabs, as the readers
    write a table's rows; a pipe table's rule line (|---|---|) dropped (left as an empty line)."""
    out = list(lines)
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    # outside a table only a line holding a pipe or naming a task-table column can change or start
    # one: those lines are found in one scan of the whole text, the others are not looked at
    ends = list(itertools.accumulate(len(text) + 1 for text in texts))
    cues = sorted({bisect.bisect_right(ends, m.start()) for m in _TABLE_CUE.finditer(joined)})
    in_table, done = False, -1
    for cue in cues:
        i = max(cue, done + 1)
        while i < len(lines):
            out[i], in_table = _table_row(lines[i], in_table)
            done = i
            if not in_table:
                break
            i += 1
    return out


def _table_row(line: Segment, in_table: bool) -> tuple[Segment, bool]:
    """A line as :func:`_table_rows` writes it, and whether a table goes on after it."""
    if "|" in line.text and _PIPE_ROW.match(line.text):
        return (Segment("", [], []) if _PIPE_RULE.match(line.text) else
                line.sub(_PIPE_EDGE, "").sub(_PIPE_GAP, "\t")), in_table
    if not in_table and not _TASK_HEADER_WORD.search(line.text):
        return line, False  # outside a table, only a line naming a task-table column can start one
    cells = _SPACE_GAP.split(line.text.strip(" \u3000\u00a0"))
    if len(cells) >= 3 and all(len(c) <= P.TASK_HEADER_CELL_MAX for c in cells) and \
            any(_TASK_HEADER_WORD.search(c) for c in cells):
        in_table = True
    elif in_table and (P.ANNEX_START.match(line.text.strip()) or P.ANNEX_REFERENCE.match(line.text.strip())):
        in_table = False
    return (line.sub(_SPACE_GAP, "\t") if in_table and len(cells) > 1 else line), in_table


_TABLE_CUE = re.compile("[|]|牵头|责任|配合|协办")


_INVISIBLE = re.compile("[\ufeff\u200b]")
# a saved page's bullets before a line and table pipes after it (各县卫生健康局: | |||)
_PAGE_REMNANTS = re.compile(r"^[ •●▪]+(?=\S)|(?<=\S)(?:\s*\|)+\s*$")
_WIDE_SPACE = re.compile(f"[{P.UNICODE_SPACES}]")  # EN SPACE after 【文号】, NO-BREAK runs in a signature
_INVISIBLE_OR_WIDE = re.compile(f"[\ufeff\u200b{P.UNICODE_SPACES}]")  # a character of either


# every character one of _clean_line's repairs needs (markup, page remnants, markdown, a page number)
_TO_CLEAN = re.compile("[<|•\\-*_—－–页#]")


def _clean_line(line: Segment, odd_spaces: bool = True) -> Segment:
    """A line without markup, invisible characters, page remnants and markdown; wide spaces made
    ASCII. ``odd_spaces`` False: the whole text holds no invisible character and no wide space."""
    if not line.text:
        return line  # a blank line (a third of a hard-wrapped text's lines): nothing to clean
    if not odd_spaces and not _TO_CLEAN.search(line.text):
        return line.strip()  # the common case: no character any repair below needs
    if odd_spaces:
        line = line.sub(_INVISIBLE, "")
    if "<" in line.text:
        line = line.sub(_MARKUP_TAG, "")
    if odd_spaces:
        line = line.sub(_WIDE_SPACE, " ")
    text = line.text
    if "|" in text or "•" in text:
        line = line.sub(_PAGE_REMNANTS, "")
    # each markdown pattern needs its character: a line without it is not tried
    if ("-" in text or "*" in text or "_" in text) and P.MARKDOWN_RULE.match(line.text):
        return Segment("", [], [])
    if ("—" in text or "-" in text or "－" in text or "–" in text or "页" in text) and P.PAGE_NUMBER_LINE.match(text):
        return Segment("", [], [])  # a page number (— 1 —): the lines around it join as if it were not there
    if "#" in text:
        line = line.sub(P.MARKDOWN_HEADING, "")
    if "**" in text:
        line = line.sub(P.MARKDOWN_BOLD, "")
    return line.strip()


# a mirror site's reading aid: characters followed by their pinyin, with or without tone marks,
# 發(fā)文字號(hào), 農(nong)村(cun)(cun) — one or more bracketed syllables after a Chinese character
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
PINYIN_RUN = re.compile(rf"(?<=[\u4e00-\u9fff])(?:\([a-zü{_TONED}]{{1,6}}\))+")
_UNTONED = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ", "aaaaeeeeiiiioooouuuuüüüünnn")
# a syllable of Mandarin: an initial (or none) and a final — (ppp), (gdp), (pm) are not
PINYIN_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|"
                             r"üan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|uo|ui|un|üe|ue|a|e|i|o|u|ü|n|ng|m)")
ANNOTATIONS_NEEDED = 3  # fewer in a whole notice: a bracketed word, not a mirror site's annotations


def _is_pinyin_run(run: str) -> bool:
    syllables = run[1:-1].split(")(")
    return all(PINYIN_SYLLABLE.fullmatch(s.translate(_UNTONED)) for s in syllables)


def _strip_pinyin(lines: list[Segment]) -> tuple[list[Segment], list[tuple[int, str, str]]]:
    """Lines without a mirror site's pinyin annotations (only where a notice has at least
    :data:`ANNOTATIONS_NEEDED`), and for each line that had some (source offset of its first
    annotated character, the line from there as printed, as repaired) for the repairs."""
    found = [(i, m) for i, line in enumerate(lines) if "(" in line.text
             for m in PINYIN_RUN.finditer(line.text) if _is_pinyin_run(m.group())]
    if len(found) < ANNOTATIONS_NEEDED:
        return lines, []
    annotated = []
    out = list(lines)
    for i in sorted({i for i, _ in found}):
        line = lines[i]
        first = next(m.start() for j, m in found if j == i) - 1
        stripped = line.sub(PINYIN_RUN, lambda m: "" if _is_pinyin_run(m.group()) else m.group())
        annotated.append((line.offset(first), line.text[first:first + 24], stripped.text[first:first + 16]))
        out[i] = stripped
    return out, annotated


# ------------------------------------------------------------------ joining


# a line a flattened table's row leaves: its last cell, then the pipe (人均预期寿命 达到79岁 |)
_ROW_END = re.compile(r"[^\s|]\s*\|\s*$")


def _join_paragraphs(lines: list[Segment], row_ends: list[bool] | None = None) -> list[tuple[Segment, list[dict]]]:
    """Paragraphs, each with the repairs made joining it (spans local to the paragraph); a line
    that ended in a table row's pipe (``row_ends``) is never continued by the next one. A
    paragraph's lines are kept as pieces and its text as a string while it grows: its segment
    is made once, when it ends (a segment a join copied every run list again)."""
    paragraphs: list[tuple[Segment, list[dict]]] = []
    pieces: list[Segment] = []
    text = ""  # the paragraph's text so far
    repairs: list[dict] = []
    in_annex = False
    for i, line in enumerate(lines):
        after_row = bool(row_ends and i and row_ends[i - 1])
        if pieces and not after_row and should_join(text, line.text, in_annex):
            part = _joined_part(text, line, repairs)
            pieces.append(part)
            text += part.text
        else:
            if pieces:
                paragraphs.append((pieces[0] if len(pieces) == 1 else _concat(pieces), repairs))
            pieces, text, repairs = [line], line.text, []
        if line.text.startswith("附") and P.ANNEX_START.match(line.text):
            in_annex = not _plan_follows(lines, i)  # an annex that is a plan keeps its headings apart, as a body does
    if pieces:
        paragraphs.append((pieces[0] if len(pieces) == 1 else _concat(pieces), repairs))
    return paragraphs


def _plan_follows(lines: list[Segment], i: int) -> bool:
    """Whether the annex opened at line ``i`` (附件1) is a plan under its title (…实施方案, …工作要点, perhaps wrapped
    over two lines): its numbered headings stand alone as a body's do (probe 4b), not joined as an annex table's
    wrapped cells are.

    >>> _plan_follows([Segment.at("附件1", 0), Segment.at("某县健康帮扶", 4), Segment.at("工作方案", 11)], 0)
    True
    >>> _plan_follows([Segment.at("附件2", 0), Segment.at("重点任务分解表", 4)], 0)
    False
    """
    following = [line.text.strip() for line in lines[i + 1:i + 3]]
    candidates = following[:1] + ([following[0] + following[1]] if len(following) > 1 else [])
    return any(len(c) <= 80 and P.PLAN_TITLE_END.search(c) and not _STOPS.search(c) for c in candidates)


def should_join(prev: str, nxt: str, in_annex: bool = False) -> bool:
    """Whether the line ``nxt`` continues the paragraph that ends with ``prev``.

    >>> should_join("（其中涉及第三方责", "任的患者不享受先诊疗后付费政策)。")
    True
    >>> should_join("一、总体要求", "（一）指导思想。以习近平")
    False
    """
    if prev[-1] in P.SENTENCE_END or "\t" in prev:
        return False
    if _stands_apart(nxt):
        return False  # a line that starts a paragraph whatever ends the one before
    if _is_title_line(prev) or _is_standalone(prev) or _is_cell_label(prev):
        return False  # a whole title stands alone (a wrapped one's tail, …的通知, still joins)
    if nxt.startswith("的"):
        return True  # no sentence or title starts with 的: a wrapped title (…实施方案\n的通知)
    # both patterns end at the line's end: a match starts in its last 24 characters (通知（试行）)
    tail = max(0, len(prev) - 30)
    if (P.TITLE_SUFFIX.search(prev, tail) or _OTHER_GENRE_END.search(prev, tail)) and not _STOPS.search(prev):
        return False
    if not in_annex and _is_heading_line(prev):
        return False
    if ("：" in prev or ":" in prev) and len(prev) <= 70 and not prev[-1].isdigit() \
            and (prev[-1] in "）)" or not P.GOAL_VALUE_GOES_ON.match(nxt)) and P.GOAL_LIST_LINE.match(prev):
        return False  # a goal list's line, label to value (2.乙率：100%（约束性）), ends its item (probe 4a #20)
    # a signature's row of bodies side by side is no continuation either (a last item's closing
    # （…负责） and the row of two names under it, the blank line between them dropped)
    return not (is_org_line(prev) or ((is_org_line(nxt) or (" " in nxt and is_org_row(nxt))) and prev[-1] not in "、，,"))


@lru_cache(maxsize=8192)  # a line's own verdict (notices share their boilerplate lines), as _is_standalone
def _stands_apart(line: str) -> bool:
    """A line that no line before it continues into: it holds a tab (a table row), is a whole title,
    starts a block (a label, 附件), stands alone (a date, a 文号, a page's line), or is a task card's
    field (牵头责任单位：…, 完成时限：…) or label cell alone on its line."""
    return bool(
        "\t" in line
        or ("关于" in line and _is_title_line(line))
        or _starts_block(line)
        or _is_standalone(line)
        or (("：" in line or ":" in line) and (P.ROLE_LABEL.match(line) or P.CARD_FIELD_LINE.match(line)))
        or _is_cell_label(line)
    )


def _is_cell_label(line: str) -> bool:
    # a label is at most seven characters (牵头科室及单位) and its colon one: a longer line is one only if spaces or
    # tabs end it
    return (len(line) <= 8 or line[-1] in " \t") and bool(P.CELL_LABEL_LINE.fullmatch(line))


_OTHER_GENRE_END = re.compile(r"(?:纪要|细则|条例|通告|公告|通报|批复|复函|答复)$")
_STOPS = re.compile("[。，；]")
_HEADING_STOPS = re.compile("[。，；：:]")
_TITLE_STOPS = re.compile("[。，；,]")


def _starts_block(line: str) -> bool:
    return bool(P.ANY_LABEL.match(line) or line.startswith(("附件", "附 件")))


@lru_cache(maxsize=4096)  # should_join asks about a line as the next one, then as the previous
def _is_standalone(line: str) -> bool:
    # each pattern is tried only on a line holding the characters it cannot match without
    # (年 and 月 for a date, 第 for a decree's number, 号 for a 文号 …): the same answers, fewer scans
    dated = "年" in line and "月" in line
    # P.STANDALONE_START: the page's lines (is_page_line's others are tried here), a bare date, a binding cell
    return bool(
        P.STANDALONE_START.match(line)
        or (len(line) <= 24 and P.SITE_NAME.match(line))
        or (len(line) <= 200 and _BYLINE_WORD.search(line) and P.BYLINE.search(line))
        or ((")" in line or "）" in line) and P.PUBLIC_MARKER.fullmatch(line.strip()))
        or (dated and "日" in line and P.DATE_LINE.match(line))
        or (len(line) <= 16 and (P.DOTTED_DATE_LINE.match(line) or ("月" in line and P.MONTH_DATE_LINE.match(line))))
        or ("第" in line and P.DECREE_NUMBER.match(line))
        or (len(line) <= 30 and ((("19" in line or "20" in line) and P.LOOSE_DOC_NUMBER_LINE.match(line))
                                 or ("令" in line and P.DECREE_HEADING.match(line))
                                 or ("第" in line and P.NOTICE_NUMBER.match(line))))
        or (dated and len(line) <= 80 and _is_signed_date(line))
        or (("号" in line or "號" in line) and (P.DOC_NUMBER_LINE.match(line) or P.DOC_NUMBERS_LINE.match(line)
                                              or ("签" in line and P.DOC_NUMBER_SIGNER_LINE.match(line))))
        # not …规范性文件 wrapped in a title
        or ("文件" in line and P.FILE_HEADER.match(line) and not line.startswith("关于"))
        or ("属性" in line and P.TABLE_HEADER.match(line))
        or line.rstrip().endswith(("约束性", "预期性"))  # P.BINDING_SUFFIX without a scan
        or line.startswith(("附件", "附 件"))
    )


_BYLINE_WORD = re.compile("来源|來源|浏览|瀏覽|阅读|閱讀|点击|點擊|时间|時間|日期")


@lru_cache(maxsize=4096)  # should_join asks about every line twice, as the next line and as the previous
def is_page_line(line: str) -> bool:
    """A line of a saved web page that is no part of the notice's prose: navigation, site tools,
    a byline, a line of the information box (索引号：…), a publication marker.

    >>> is_page_line("当前位置：首页 > 政务公开"), is_page_line("【文　　号】澜卫发〔2021〕3号")
    (True, True)
    >>> is_page_line("各县（区）卫生健康局：")
    False
    """
    return bool(
        P.PAGE_LINE_START.match(line)  # P.PAGE_FURNITURE, P.META_LINE_START, P.META_LINE_GLUED as one
        or (len(line) <= 24 and P.SITE_NAME.match(line))
        or (len(line) <= 200 and _BYLINE_WORD.search(line) and P.BYLINE.search(line))
        or ((")" in line or "）" in line) and P.PUBLIC_MARKER.fullmatch(line.strip()))
    )


def _is_signed_date(line: str) -> bool:
    """A date ending a line after names only (某市卫生局2016年4月20日), not a sentence's deadline."""
    m = P.DATE_AT_END.search(line) or P.DATE_WITHOUT_DAY_MARK.search(line)
    if not m:
        return False
    before = line[:m.start()].strip()
    return not before or (bool(P.ORG_SUFFIX.search(before)) and not re.search("[。，；：:,、]", before))


def _is_title_line(line: str) -> bool:
    """A whole notice title (关于…的批复), maybe with a publication marker glued to it."""
    if len(line) <= 150 and line.endswith("》") and P.RELEASE_TITLE.match(line):
        return True  # a release's headline: 国务院办公厅印发《…规划》 (probe 4b)
    if len(line) > 150 or ("关于" not in line and "關於" not in line and "的" not in line) or _TITLE_STOPS.search(line):
        return False
    return bool(P.NOTICE_TITLE.search(P.PUBLIC_MARKER.sub("", line).rstrip(" |》")))  # 文号《title》 too


def _is_heading_line(line: str) -> bool:
    """A numbered heading that stands alone on its line (no sentence punctuation)."""
    return len(line) <= 30 and bool(P.ANY_LABEL.match(line)) and not _HEADING_STOPS.search(line)


def _joined_part(prev: str, nxt: Segment, repairs: list[dict]) -> Segment:
    """What of the line ``nxt`` joins the paragraph ``prev``: without text a page break repeated
    (``政府`` / ``府、``), the repair added to ``repairs``."""
    head = nxt.text[1:4]
    if len(head) == 3 and head[0] not in "、，；,;" and head[1] not in "、，；,;" and head[2] not in "、，；,;":
        return nxt  # the common case: no separator right after a repeat of one to three characters
    for k in (3, 2, 1):
        tail = prev[-k:]
        if len(prev) > k and nxt.text.startswith(tail) and nxt.text[k:k + 1] in "、，；,;":
            at = len(prev)
            repairs.append({"kind": "repeated_across_line_break", "raw": tail + tail, "repaired": tail,
                            "span": [at - k, at], "source_offset": nxt.offset(0)})
            return nxt.cut(k)
    return nxt


def _repair_damage(para: Segment) -> tuple[Segment, list[dict]]:
    """Repair 文号 that lost a bracket or 号 (国办发2020〕8号 → 国办发〔2020〕8号); each repair
    is returned with its span in the repaired paragraph."""
    found = find_damaged_doc_numbers(para.text)
    if not found:
        return para, []
    out, repairs, pos = Segment("", [], []), [], 0
    for kind, start, end, repaired in found:
        out = out + para.cut(pos, start)
        span_start = len(out.text)
        anchor = para._offset_at(start)
        old = para.cut(start, end).offsets
        out = out + Segment.of_offsets(repaired, [old[min(i, len(old) - 1)] if old else anchor
                                                  for i in range(len(repaired))])
        # the code before the damaged number, no more: not the verb, a joining word or an earlier number's tail
        # (…15号文件精神和市政府办2021〕4号 quotes 市政府办2021〕4号)
        code = P.CODE_RUN_IN.sub("", P.LEADING_VERBS.sub("", re.sub(r"^.*(?:[^\u4e00-\u9fff]|号)", "",
                                                                     para.text[max(0, start - 12):start])))
        repairs.append({"kind": kind, "raw": code + para.text[start:end], "repaired": code + repaired,
                        "span": [span_start - len(code), len(out.text)]})
        pos = end
    return out + para.cut(pos), repairs


# ------------------------------------------------------------------ inside a paragraph

_HALF_LABEL = re.compile(rf"^\(([{P.CN_SMALL}]{{1,3}}|\d{{1,2}})\)")


_ANY_SPACE = re.compile(f"[ {P.UNICODE_SPACES}]")


def _repair_paragraph(para: Segment) -> Segment:
    if para.text.startswith("("):
        para = para.sub(_HALF_LABEL, lambda m: f"（{m.group(1)}）")
    if _ANY_SPACE.search(para.text):  # the three space repairs each need a space
        para = para.sub(P.LABEL_SPACE, lambda m: m.group(1))
        para = para.sub(P.INNER_SPACE, "")
        para = para.sub(P.LATIN_SPACE, "")
    return _fullwidth_brackets(para)


def _fullwidth_brackets(para: Segment) -> Segment:
    """Write half-width brackets full-width where they enclose Chinese text or
    close a full-width bracket (PDF extraction mixes the two)."""
    if "(" not in para.text and ")" not in para.text:
        return para  # only half-width brackets are ever rewritten
    text = para.text
    chars = list(text)
    stack: list[int] = []
    for bracket in _BRACKET.finditer(text):  # only brackets change the stack (the text between is read as is)
        i, ch = bracket.start(), bracket.group()
        if ch in "(（":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if _HAS_CJK.search(text, start + 1, i) or text[start] != ch.replace(")", "("):
                chars[start], chars[i] = "（", "）"
    return Segment("".join(chars), para.starts, para.sources)


_BRACKET = re.compile("[()（）]")
_HAS_CJK = re.compile(f"[{P.CJK}]")
