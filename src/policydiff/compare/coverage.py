"""Coverage of a frame entry over the whole notice, not only its headings.

For each frame entry every sentence of the notice is looked at — measures, goal
paragraphs, annex rows and task tables, the duty paragraph — and the entry is
covered by, in order of preference:

- ``own item``: a measure of the notice aligns to the entry (``align``);
- ``inside another item``: a sentence inside a measure aligned elsewhere names
  the entry's topic (a cue phrase of ``frame_rules.json`` or the entry's rule pattern,
  or one of its earlier names with the years in use — ``matched_name`` says which);
- ``goals only`` / ``duties only`` / ``annex only``: such a sentence only outside the items;
- ``not found``: nothing covers it; the nearest passage and its score are given
  so that a reader can check the claim.

Every hit quotes its sentence and names the phrase that matched.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..models import Coverage, Passage, Record
from ..patterns import STATUS_HEADINGS
from ..resources import load_json
from .align import SAME_TOPIC, duty_sections, former_name_in, key_terms
from .clauses import IN_CLAUSE, units_of_clause

OWN_ITEM = "own item"
INSIDE_ITEM = "inside another item"
GOALS_ONLY = "goals only"
DUTIES_ONLY = "duties only"
ANNEX_ONLY = "annex only"
TASK_ROW = "own task row"
NOT_FOUND = "not found"
PLACE_ORDER = {"item": INSIDE_ITEM, "task_row": TASK_ROW, "goals": GOALS_ONLY, "duties": DUTIES_ONLY,
               "annex": ANNEX_ONLY}
QUOTE_CHARS = 60
# a bracket of units a clause prints (（牵头单位：县卫健局；配合单位：县财政局）, （县医保局牵头）): a quote keeps it whole
# (a role label and colon, or a body and its role verb: not （其中涉及第三方责任的…）)
_UNIT_BRACKET = re.compile(r"[（(](?=[^（()）]{0,40}(?:牵头|配合|责任|负责|协办|协作)(?:单位|部门|科室|股室|处室)?[：:]"
                           r"|[^（()），,。；]{2,30}(?:牵头|配合|负责)[，,、；;）)])[^（()）]{0,200}[）)]")
# an entry known by one or two key terms (覆盖) is no nearer to a sentence sharing that one word: the nearest
# passage's score is its share of at least this many terms (one shared word never scores 100 beside "omitted")
NEAREST_MIN_TERMS = 3

# a sentence runs to its stop; a ；inside a bracket (（牵头单位：甲；配合单位：乙）) is no stop: the bracket stays whole
_SENTENCE = re.compile(r"(?:[^。；;！!？?（]+|（[^（）。\n]{0,100}）|（)+[。；;！!？?]?")
_SPACE = re.compile(r"\s+")
_LINE = re.compile(r"[^\n]+")
_ADDRESSEE_PUNCT = re.compile(r"[、，,：:\s]")
_DUTY_CUE = re.compile(r"部门职责|各部门要|凝聚部门合力|职责分工|按照职责|各司其职")


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, re.Pattern]:
    return {label: re.compile(pattern) for label, pattern in load_json("frame_rules.json").get("cues", {}).items()}


def cue_pattern(entry: dict) -> re.Pattern | None:
    """The phrases that commit a sentence to ``entry``: its cues, else its rule pattern."""
    found = _cue_table().get(entry["label"])
    if found is None and entry.get("pattern"):
        found = re.compile(entry["pattern"])
    return found


def item_names_entry(record: Record, sentences: Iterable[Passage], item: dict, entries: list[dict]) -> bool:
    """Whether item ``item`` (path, title) names one of ``entries`` twice over: a sentence of it prints the entry's
    cue phrase outside a unit's name — the sentence that would place the entry inside the item — and its heading
    prints a key term of the entry that phrase holds (落实签约经费。签约服务费按照…: 签约 in both). Such an item is no
    measure matching no entry. A cue in a sentence alone is not enough (健全工作协调机制。…动态掌握各项重点任务进展情况:
    动态掌握 is said of the work's progress, the heading names no 监测); nor are organisational entries (倾斜)."""
    title = item.get("title") or ""
    wanted = []
    for e in entries:
        cue = None if e.get("boilerplate") else cue_pattern(e)
        terms = [t for t in e.get("key_terms") or [] if t in title]
        if cue is not None and terms:
            wanted.append((cue, terms))
    names: _UnitNames | None = None
    for p in sentences if wanted else ():
        if p.path != item["path"] or p.part != "item":
            continue
        for cue, terms in wanted:
            for found in cue.finditer(p.text):
                if not any(t in found.group() for t in terms):
                    continue
                names = names or _UnitNames(record)
                if not names.holds(p, found):
                    return True
    return False


def passages(record: Record) -> list[Passage]:
    """The sentences of a notice, each with its outline path and the part it stands in, and one
    passage per task row (:func:`_row_passages`), in text order."""
    place = _Placer(record)
    found = [place(start, end, flat) for start, end, flat in _sentence_spans(record)]
    found.extend(_row_passages(record["text"], record.get("task_table") or [], record))
    return sorted(found, key=lambda p: p.start)


def _annex_start(record: Record) -> int:
    return next((o["span"][0] for o in record.get("outline", []) if o["kind"] == "附件"), len(record["text"]))


def _sentence_spans(record: Record) -> list[tuple[int, int, str]]:
    """(start, end, text without whitespace) of each sentence that can be evidence: cut where a
    measure starts or ends, never running into a task row, none in a span that commits to nothing."""
    text = record["text"]
    spans = [m["span"] for m in record["measures"]]
    skipped = _not_evidence(record, _annex_start(record))
    cuts = sorted({a for a, _ in spans} | {b for _, b in spans} | {b for _, b in skipped} | {a for a, _ in skipped})
    no_evidence = _Spans(skipped)
    found = []
    for start, end in _cut(_outside_rows(text, record.get("task_table") or []), cuts):  # in text order
        chunk = text[start:end]
        # no whitespace to take out: \s matches only the space and characters that are not printable
        flat = chunk if chunk.isprintable() and " " not in chunk else _SPACE.sub("", chunk)
        if len(flat) >= 4 and not no_evidence(start):
            found.append((start, end, flat))
    return found


class _Placer:
    """Places a sentence of ``record`` (its part and outline path), asked in any order."""

    def __init__(self, record: Record):
        self.record, self.text = record, record["text"]
        self.measures = sorted(record["measures"], key=lambda m: m["span"][0])
        self.starts = [m["span"][0] for m in self.measures]
        annex = [tuple(r["span"]) for r in (record.get("annex_indicators") or [])] + \
            [tuple(r["span"]) for r in (record.get("task_table") or [])]
        self.annex_start = _annex_start(record)
        self.in_annex = _Spans(annex).holds
        # a sentence holding a duty clause (its start may be the heading naming the body: （二）县医疗保障局⏎1.负责…)
        self.meets_duty = _Spans([tuple(d["span"]) for d in record.get("division_of_duties") or []]).meets
        # a duty section's item, its heading too (（二）加强部门协作。)
        self.in_section = _Spans([tuple(s["item_span"]) for s in duty_sections(record)]).holds

    def measure_at(self, offset: int) -> dict | None:
        """The first measure in start order that holds ``offset``."""
        for i in range(bisect_right(self.starts, offset)):
            if offset < self.measures[i]["span"][1]:
                return self.measures[i]
        return None

    def __call__(self, start: int, end: int, flat: str) -> Passage:
        measure = self.measure_at(start)
        chunk = self.text[start:end]
        lead = start + len(chunk) - len(chunk.lstrip())  # its first printed character
        section = measure is None and self.in_section(lead)
        if start >= self.annex_start or self.in_annex(start):
            part = "annex"
        elif measure is not None:  # inside an item a duty clause is the item's
            part = "item"
        elif self.meets_duty(start, end) or _DUTY_CUE.search(flat) or section:
            part = "duties"
        else:
            part = "goals"
        return Passage(start, end, flat, part,
                       measure["path"] if measure else _outline_path(self.record, lead if section else start))


def _not_evidence(record: Record, annex_start: int) -> list[tuple[int, int]]:
    """Spans whose sentences commit the notice to nothing: a section that reports the past (一、2022年工作情况,
    工作成效), the 主送 line, and what follows the last item before any annex (signature, date, 抄送)."""
    text = record["text"]
    outline = [o for o in record.get("outline") or [] if o["kind"] != "附件" and o["span"][0] < annex_start]
    spans = [tuple(o["span"]) for o in outline if o.get("heading") and STATUS_HEADINGS.search(o["heading"])]
    if outline:
        last_end = max(o["span"][1] for o in outline)
        if last_end < annex_start:
            spans.append((last_end, annex_start))
    named = "".join(record.get("addressees") or [])
    first = min((o["span"][0] for o in outline), default=len(text))
    for line in _LINE.finditer(text, 0, first) if named else ():
        if _ADDRESSEE_PUNCT.sub("", line.group()) == named:
            spans.append(line.span())
            break
    return spans


def _outside_rows(text: str, rows: list[dict]):
    """(start, end) of the sentences of ``text`` outside the task table's rows: a sentence never runs
    from the text before a table into its cells (…请对照清单抓好落实。序号重点任务牵头单位…1落实…)."""
    at = 0
    for a, b in sorted(_row_lines(text, r) for r in rows):
        if a > at:
            yield from [m.span() for m in _SENTENCE.finditer(text, at, a)]
        at = max(at, b)
    yield from [m.span() for m in _SENTENCE.finditer(text, at)]


def _cut(spans, cuts: list[int]):
    """``spans`` split where a measure starts: a heading line without a stop (二、重点任务) never carries
    the first item's sentence out of its item."""
    i, n = 0, len(cuts)
    following = cuts[0] if cuts else None  # the first cut past the spans so far: most spans hold none
    for start, end in spans:
        if following is None or end <= following:
            yield start, end
            continue
        while i < n and cuts[i] <= start:
            i += 1
        j = i
        while j < n and cuts[j] < end:
            yield start, cuts[j]
            start = cuts[j]
            j += 1
        yield start, end
        following = cuts[i] if i < n else None


def _row_lines(text: str, row: dict) -> tuple[int, int]:
    """The whole lines a task row stands on (its unit and deadline cells beside the task cell included)."""
    spans = [row["span"], *(row.get("task_spans") or [])]
    a, b = min(s[0] for s in spans), max(s[1] for s in spans)
    end = text.find("\n", b)
    return text.rfind("\n", 0, a) + 1, len(text) if end < 0 else end


def _row_passages(text: str, rows: list[dict], record: Record) -> list[Passage]:
    """One passage per task row, its task cells only (never its unit or deadline cells): inside the
    measure the row restates; the notice's own item (``own task row``, path 附件/表/N) where the notice
    has no measures of its own (a notice that is only a task table); else an annex row. Its cells (a category
    cell merged from the row above, the task) are joined by …, each as printed: a quote of it is checked in the text."""
    own = not record.get("measures")
    found = []
    for row in rows:
        spans = row.get("task_spans") or [row["span"]]
        flat = "…".join(_SPACE.sub("", text[a:b]) for a, b in spans)
        if len(flat) < 2:
            continue
        linked = row.get("measure_path")
        part = "item" if linked else ("task_row" if own else "annex")
        found.append(Passage(start=spans[0][0], end=spans[-1][1], text=flat, part=part,
                             path=linked or f"附件/表/{row['no']}"))
    return found


class Sentences:
    """:func:`passages` of a record, each sentence placed (part, path) only when it is asked for:
    a scan over thousands of notices looks at a few sentences of each (those a cue touches, the
    first of each item that covers an entry). ``texts``/``starts``: every passage's text without
    whitespace and its offset; ``sentences[i]``: the :class:`Passage`, as ``passages(record)[i]``."""

    def __init__(self, record: Record):
        self.record = record
        rows = _row_passages(record["text"], record.get("task_table") or [], record)  # placed already
        spans = _sentence_spans(record)  # in text order
        self.placed: dict[int, Passage]
        items: list[tuple]
        if rows:
            items = sorted([(start, end, flat, None) for start, end, flat in spans]
                           + [(p.start, p.end, p.text, p) for p in rows], key=lambda item: item[0])
            self.placed = {i: item[3] for i, item in enumerate(items) if item[3] is not None}
        else:  # no task rows: nothing to sort in
            items, self.placed = spans, {}
        self.starts = [item[0] for item in items]
        self.ends = [item[1] for item in items]
        self.texts = [item[2] for item in items]
        self.row_indices = sorted(self.placed)
        self.measures = record["measures"]
        self.unit_names: _UnitNames | None = None  # where its units' names are printed, read when first asked
        self.firsts: dict[tuple, Passage | None] = {}  # first_of_item of each measure asked
        self.unique_paths = len({m["path"] for m in self.measures}) == len(self.measures)
        self._place = _Placer(record)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> Passage:
        found = self.placed.get(i)
        if found is None:
            found = self.placed[i] = self._place(self.starts[i], self.ends[i], self.texts[i])
        return found

    def __iter__(self):
        return (self[i] for i in range(len(self.starts)))

    def first_of_item(self, measure: dict) -> Passage | None:
        """The first passage placed in the item ``measure`` (path, span): where measures' paths are
        unique, only a sentence starting in its span can be placed in it — or a task row restating it,
        wherever the table stands (rows are placed already). Found once a measure."""
        key = (measure["path"], measure["span"][0])
        if key not in self.firsts:
            self.firsts[key] = self._first_of_item(measure)
        return self.firsts[key]

    def _first_of_item(self, measure: dict) -> Passage | None:
        if not self.unique_paths:
            return next((p for p in self if p.path == measure["path"] and p.part == "item"), None)
        first, last = bisect_left(self.starts, measure["span"][0]), bisect_left(self.starts, measure["span"][1])
        rows = [i for i in self.row_indices if not first <= i < last]
        for i in [*(i for i in rows if i < first), *range(first, last), *(i for i in rows if i >= last)]:
            p = self[i]
            if p.path == measure["path"] and p.part == "item":
                return p
        return None


class _Spans:
    """Whether an offset lies in one of ``spans``, asked with offsets that never go back."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.spans, self.at = merged, 0
        self.ends = [b for _, b in merged]

    def __call__(self, offset: int) -> bool:
        spans, at = self.spans, self.at
        while at < len(spans) and spans[at][1] <= offset:
            at += 1
        self.at = at
        return at < len(spans) and spans[at][0] <= offset

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` lies in a span, asked in any order."""
        at = bisect_right(self.ends, offset)
        return at < len(self.spans) and self.spans[at][0] <= offset

    def meets(self, start: int, end: int) -> bool:
        """Whether [``start``, ``end``) shares a character with a span, asked in any order."""
        at = bisect_right(self.ends, start)
        return at < len(self.spans) and self.spans[at][0] < end


def _outline_path(record: Record, offset: int) -> str | None:
    """The deepest outline node holding ``offset`` (None in the preamble)."""
    holding = [o for o in record.get("outline", []) if o["span"][0] <= offset < o["span"][1]]
    return max(holding, key=lambda o: o["depth"])["path"] if holding else None


def _touches(reach, span) -> bool:
    """Whether a unit's clause ``reach`` overlaps ``span`` (as ``clauses.units_of_clause`` reads it)."""
    return bool(span) and reach[0] < span[1] and span[0] < reach[1]


def committing_spans(measure: dict, sentences: list[Passage] | Sentences, cues: re.Pattern | None,
                     heading: bool = True, terms: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where ``measure`` (path, span) commits to an entry: its first sentence (``heading``: the item is the
    entry's own, its heading says so) and every sentence of it that the entry's ``cues`` match or that prints
    one of ``terms`` (the key terms an item aligned by its text matched) — the clauses whose units answer for
    the entry (``clauses.units_of_clause``)."""
    a, b = measure["span"]
    terms = [t for t in terms if t]

    def commits(text: str) -> bool:
        return (cues is not None and cues.search(text) is not None) or any(t in text for t in terms)
    if isinstance(sentences, Sentences):
        lo, hi = bisect_left(sentences.starts, a), bisect_left(sentences.starts, b)
        found = [(sentences.starts[i], sentences.ends[i]) for i in range(lo, hi) if commits(sentences.texts[i])]
        first = sentences.first_of_item(measure) if heading else None
    else:
        found = [(p.start, p.end) for p in sentences if a <= p.start < b and commits(p.text)]
        first = next((p for p in sentences if p.path == measure["path"] and p.part == "item"), None) if heading else None
    return ([(first.start, first.end)] if first else []) + found


def duty_units(record: Record, span, phrases: Iterable[str] = ()) -> list[dict]:
    """The bodies the duty clauses meeting ``span`` print as their subject (（二）县医疗保障局⏎1.负责…, 县医保局负责…):
    responsible, printed — what answers for an entry covered only in the notice's division of duties. Where one
    of those clauses prints a matched phrase (县卫健局负责A，县医保局负责B: B's), only such clauses."""
    unit_map, text = record.get("unit_map") or {}, record["text"]
    found: dict[str, dict] = {}
    meeting = [d for d in record.get("division_of_duties") or []
               if span and d["span"][0] < span[1] and span[0] < d["span"][1]]
    naming = [d for d in meeting if any(p and p in text[d["span"][0]:d["span"][1]] for p in phrases)]
    for d in naming or meeting:
        for raw in d.get("units") or [d["unit"]]:
            found.setdefault(raw, {"raw": raw, "role": "responsible", "source": "article_subject", "rows": [],
                                   "function": (unit_map.get(raw) or {}).get("function"),
                                   "at": d["span"][0], "clause": list(d["span"])})  # quoted: the duty clause
    return list(found.values())


def entry_units(entry: dict, local: list[dict], coverage: Coverage, aligned: list[dict],
                sentences: list[Passage] | Sentences, units_of, record: Record | None = None) -> tuple[list[dict], list[dict]]:
    """(the units that answer for ``entry``, the units printed beside the other clauses of the items
    covering it): of its own items, the units of the clauses that commit to it (the heading's and those
    its cues match: ``coverage.committing_spans``); of the item it is merged into, the covering sentence's
    clause; an item whose clauses print their own units (一是…（牵头单位：甲）。二是…（牵头单位：乙）) never
    lends one clause's units to another (``clauses.units_of_clause``, as ``who``)."""
    if coverage.where == OWN_ITEM:  # by its heading: the item is the entry's; by its text: the sentences printing it
        items = local
    elif coverage.where == INSIDE_ITEM and coverage.span:
        items = [a for a in aligned if a["path"] == coverage.path and a["span"][0] <= coverage.span[0] < a["span"][1]][:1]
    elif coverage.where == DUTIES_ONLY and record is not None:
        return duty_units(record, coverage.span, coverage.matched_terms), []
    else:
        return [], []
    shown: dict[tuple[str, str], dict] = {}
    others: dict[tuple[str, str], dict] = {}
    for a in items:
        units = units_of(a)
        whole = coverage.where == OWN_ITEM and a["reason"] != SAME_TOPIC
        clauses, first = _clauses_of(units)
        theirs: list[dict] = []
        if clauses == 0 or (clauses == 1 and (whole or (coverage.where == INSIDE_ITEM
                                                         and _touches(first, coverage.span)))):
            if len(items) == 1:  # one clause (that covers the entry), or none: nothing to tell apart
                return units, []
            mine = units
        else:
            mine, theirs = units_of_clause(units, _clause_spans(entry, a, coverage, sentences), whole)
        for u in mine:
            shown.setdefault((u["raw"], u["role"]), u)
        for u in theirs:
            others.setdefault((u["raw"], u["role"]), u)
    return list(shown.values()), [u for key, u in others.items() if key not in shown]


def _clauses_of(units: list[dict]) -> tuple[int, list | None]:
    """(0, 1 or 2 for more: the clauses the units printed beside a clause stand in, the first of them)."""
    first = None
    for u in units:
        if u["source"] in IN_CLAUSE:
            for reach in u.get("reaches") or ():
                if first is None:
                    first = reach
                elif reach != first:
                    return 2, first
    return (0 if first is None else 1), first


def _clause_spans(entry: dict, a: dict, coverage: Coverage, sentences: list[Passage] | Sentences) -> list:
    """The sentences of the item ``a`` that cover ``entry`` (:func:`entry_units`)."""
    cues = cue_pattern(entry)
    if coverage.where == INSIDE_ITEM:
        return [tuple(coverage.span or ()), *committing_spans(a, sentences, cues, heading=False)]
    if a["reason"] == SAME_TOPIC:
        return committing_spans(a, sentences, cues, heading=False, terms=a.get("matched_terms") or ())
    return committing_spans(a, sentences, cues)


@dataclass
class EntryView:
    """What the notice is matched against for one entry: its cue phrases and, for the
    nearest-passage score, key terms of the other notices' headings (leave-one-out)."""

    cues: re.Pattern | None
    terms: list[str]


def entry_view(entry: dict, exclude_doc: str | None) -> EntryView:
    headings = [e["heading"] for e in entry["evidence"] if e["doc_id"] != exclude_doc] or [entry["label"]]
    return EntryView(cues=cue_pattern(entry), terms=key_terms(headings + [entry["label"]], limit=10))


def cover(entry: dict, own: list[dict], sentences: list[Passage] | Sentences, view: EntryView,
          record: Record | Sentences | None = None) -> Coverage:
    """Where the notice covers ``entry``; ``own`` are its measures aligned to the entry. A cue printed only in a
    unit's name (（牵头单位：县疾控中心） is no sentence about 疾控中心) commits to nothing: the units ``record``
    (default: the one ``sentences`` were read from; a :class:`Sentences` keeps where they are printed for the
    notice's other entries) names are passed over."""
    headed = [a for a in own if a.get("reason") != SAME_TOPIC]
    if headed:
        first = headed[0]
        quote = sentences.first_of_item(first) if isinstance(sentences, Sentences) else \
            next((p for p in sentences if p.path == first["path"] and p.part == "item"), None)
        return Coverage(entry["id"], OWN_ITEM, first["path"], _quote(quote.text if quote else first["title"]),
                        first.get("matched_terms") or [], first["score"],
                        paths=[a["path"] for a in headed], span=list(first["span"]),
                        matched_name=first.get("matched_name"))
    found = _cover_by_sentence(entry, sentences, view, record)
    if own and found.where == NOT_FOUND:  # aligned only by words of its text, under a heading about something
        first = own[0]  # else: the item holds the entry, it is not the entry's own — the sentence printing them
        terms = first.get("matched_terms") or []
        quote = _first_printing(first, sentences, terms)
        if quote is not None:  # the terms the quoted sentence prints (the others stand in the item's other sentences)
            terms = [t for t in terms if t in quote.text]
        return Coverage(entry["id"], INSIDE_ITEM, first["path"], _quote(quote.text if quote else first["title"]),
                        terms, first["score"], paths=[a["path"] for a in own],
                        span=[quote.start, quote.end] if quote else list(first["span"]))
    return found


def _cover_by_sentence(entry: dict, sentences: list[Passage] | Sentences, view: EntryView,
                       record: Record | Sentences | None) -> Coverage:
    """Where a sentence names the entry (its cue phrases, an earlier name), wherever it stands."""
    keeper = record if isinstance(record, Sentences) else sentences if isinstance(sentences, Sentences) else None
    if not isinstance(record, dict):
        record = keeper.record if keeper is not None else None
    names: _UnitNames | None = keeper.unit_names if keeper is not None else None  # read when a cue is first found
    hits: list[tuple[int, Passage, str, dict | None]] = []
    for p in sentences:
        found = view.cues.search(p.text) if view.cues is not None else None
        if found and record is not None and view.cues is not None:
            if names is None:
                names = _UnitNames(record)
                if keeper is not None:  # the notice's other entries ask again
                    keeper.unit_names = names
            if names.holds(p, found):
                found = next((m for m in view.cues.finditer(p.text) if not names.holds(p, m)), None)
        if found:
            hits.append((list(PLACE_ORDER).index(p.part), p, found.group(), None))
        elif former := former_name_in(p.text, entry):
            hits.append((list(PLACE_ORDER).index(p.part), p, former["name"], former))
    if hits:
        _, passage, phrase, former = min(hits, key=lambda h: (h[0], h[1].start))
        return Coverage(entry["id"], PLACE_ORDER[passage.part], passage.path, _quote(passage.text, phrase), [phrase],
                        100.0, paths=sorted({h[1].path or "" for h in hits if h[1].part == passage.part}),
                        span=[passage.start, passage.end], matched_name=former)
    return Coverage(entry["id"], NOT_FOUND, None, None, [], 0.0, nearest=nearest(sentences, view))


def _first_printing(measure: dict, sentences: list[Passage] | Sentences, terms: list[str]) -> Passage | None:
    """The sentence of ``measure`` (path, span) printing most of ``terms`` (the first of those), None where none
    prints one: 压实工作责任。…乡镇卫生院具体组织实施… quotes the sentence printing 压实 and 责任 — a quote is checked
    against the terms said as matched."""
    a, b = measure["span"]
    if isinstance(sentences, Sentences):
        lo, hi = bisect_left(sentences.starts, a), bisect_left(sentences.starts, b)
        counts = [(sum(t in sentences.texts[i] for t in terms), -i) for i in range(lo, hi)]
        best = max(counts, default=(0, 0))
        return sentences[-best[1]] if best[0] else None
    found = [(sum(t in p.text for t in terms), -i, p) for i, p in enumerate(sentences) if a <= p.start < b]
    best_found = max(found, key=lambda f: f[:2], default=None)
    return best_found[2] if best_found and best_found[0] else None


class _UnitNames:
    """Where a notice prints the names of the units its items name (inline markers, subjects of a clause)."""

    def __init__(self, record: Record):
        self.text = record["text"]
        spans = sorted(tuple(u["span"]) for m in record.get("measures") or [] for u in m.get("unit_mentions") or []
                       if u.get("source") in ("inline_marker", "article_subject") and u.get("span"))
        self.spans = _Spans(spans) if spans else None

    def holds(self, passage: Passage, match: re.Match) -> bool:
        """Whether ``match`` (in the passage's text, whitespace removed) lies within a unit's name."""
        if self.spans is None:
            return False
        chunk = self.text[passage.start:passage.end]
        at = match.start() if chunk == passage.text else chunk.find(match.group())
        if at < 0:
            return False
        start = passage.start + at
        return self.spans.holds(start) and self.spans.holds(start + len(match.group()) - 1)


def nearest(sentences: Iterable[Passage], view: EntryView) -> dict | None:
    """The passage sharing most of the entry's key terms, with the share as score."""
    best: Passage | None = None
    best_terms: list[str] = []
    for p in sentences:
        terms = [t for t in view.terms if t in p.text]
        if terms and _UNIT_BRACKET.fullmatch(p.text.rstrip("。；;")):
            continue  # a bracket of units alone (（责任股室：基层卫生股）): its words name units, not a topic
        if len(terms) > len(best_terms):
            best, best_terms = p, terms
    if best is None:
        return None
    return {"path": best.path, "part": best.part, "quote": _quote(best.text, best_terms[0]),
            "matched_terms": best_terms,
            "score": round(100 * len(best_terms) / max(NEAREST_MIN_TERMS, len(view.terms)), 1)}


def _quote(text: str, phrase: str | None = None) -> str:
    """At most QUOTE_CHARS characters of ``text``, around ``phrase`` when given — and the bracket of units the
    clause prints after them (（牵头单位：…）), whole: the units shown beside a quote stand in it.

    >>> _quote("一是" + "加强村卫生室建设" * 8 + "（牵头单位：县卫健局）。二是做好培训。")[-20:]
    '…（牵头单位：县卫健局）…'
    """
    if len(text) <= QUOTE_CHARS:
        return text
    at = max(0, text.find(phrase) - QUOTE_CHARS // 3) if phrase and phrase in text else 0
    end = at + QUOTE_CHARS
    units = next((m for m in _UNIT_BRACKET.finditer(text, at) if m.end() > end), None) if end < len(text) else None
    if units is None:
        tail = text[at:end]
    elif units.start() <= end:  # the piece ends inside the bracket: to its close
        tail, end = text[at:units.end()], units.end()
    else:
        tail, end = text[at:end] + "…" + units.group(), units.end()
    return ("…" if at else "") + tail + ("…" if end < len(text) else "")
