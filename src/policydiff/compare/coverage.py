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
from ..resources import load_json
from .align import former_name_in, key_terms

OWN_ITEM = "own item"
INSIDE_ITEM = "inside another item"
GOALS_ONLY = "goals only"
DUTIES_ONLY = "duties only"
ANNEX_ONLY = "annex only"
NOT_FOUND = "not found"
PLACE_ORDER = {"item": INSIDE_ITEM, "goals": GOALS_ONLY, "duties": DUTIES_ONLY, "annex": ANNEX_ONLY}
QUOTE_CHARS = 60

_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_SPACE = re.compile(r"\s+")
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


def passages(record: Record) -> list[Passage]:
    """The sentences of a notice, each with its outline path and the part it stands in."""
    text = record["text"]
    measures = sorted(record["measures"], key=lambda m: m["span"][0])
    annex_spans = [tuple(r["span"]) for r in (record.get("annex_indicators") or [])] + \
        [tuple(r["span"]) for r in (record.get("task_table") or [])]
    annex_start = next((o["span"][0] for o in record.get("outline", []) if o["kind"] == "附件"), len(text))
    duty_spans = [tuple(d["span"]) for d in record.get("division_of_duties") or []]
    in_annex, in_duties = _Spans(annex_spans), _Spans(duty_spans)
    measure_at = _FirstHolding(measures)
    found = []
    flatten, duty_cue = _SPACE.sub, _DUTY_CUE.search
    for match in _SENTENCE.finditer(text):  # sentences in text order: the lookups only move forward
        flat = flatten("", match.group())
        if len(flat) < 4:
            continue
        start, end = match.span()
        measure = measure_at(start)
        if start >= annex_start or in_annex(start):
            part = "annex"
        elif measure is not None:  # inside an item a duty clause is the item's
            part = "item"
        elif in_duties(start) or duty_cue(flat):
            part = "duties"
        else:
            part = "goals"
        found.append(Passage(start, end, flat, part, measure["path"] if measure else _outline_path(record, start)))
    return found


class Sentences:
    """:func:`passages` of a record, each sentence placed (part, path) only when it is asked for:
    a scan over thousands of notices looks at a few sentences of each (those a cue touches, the
    first of each item that covers an entry). ``texts``/``starts``: every sentence's text without
    whitespace and its offset; ``sentences[i]``: the :class:`Passage`, as ``passages(record)[i]``."""

    def __init__(self, record: Record):
        self.record = record
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        flatten = _SPACE.sub
        for match in _SENTENCE.finditer(record["text"]):
            flat = flatten("", match.group())
            if len(flat) >= 4:
                self.starts.append(match.start())
                self.ends.append(match.end())
                self.texts.append(flat)
        self.measures = sorted(record["measures"], key=lambda m: m["span"][0])
        self.unique_paths = len({m["path"] for m in self.measures}) == len(self.measures)
        annex = [tuple(r["span"]) for r in (record.get("annex_indicators") or [])] + \
            [tuple(r["span"]) for r in (record.get("task_table") or [])]
        self.annex_start = next((o["span"][0] for o in record.get("outline", []) if o["kind"] == "附件"),
                                len(record["text"]))
        self.in_annex = _Spans(annex).holds
        self.in_duties = _Spans([tuple(d["span"]) for d in record.get("division_of_duties") or []]).holds
        self.placed: dict[int, Passage] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> Passage:
        found = self.placed.get(i)
        if found is None:
            found = self.placed[i] = self._place(i)
        return found

    def __iter__(self):
        return (self[i] for i in range(len(self.starts)))

    def _place(self, i: int) -> Passage:
        """As :func:`passages` places a sentence (the same rules, asked in any order)."""
        start, flat = self.starts[i], self.texts[i]
        measure = next((m for m in self.measures if m["span"][0] <= start < m["span"][1]), None) \
            if self.measures else None  # the first in start order that holds it
        if start >= self.annex_start or self.in_annex(start):
            part = "annex"
        elif measure is not None:
            part = "item"
        elif self.in_duties(start) or _DUTY_CUE.search(flat):
            part = "duties"
        else:
            part = "goals"
        return Passage(start, self.ends[i], flat, part,
                       measure["path"] if measure else _outline_path(self.record, start))

    def first_of_item(self, measure: dict) -> Passage | None:
        """The first sentence inside the item ``measure`` (path, span): where measures' paths are
        unique, only a sentence starting in its span can be placed in it."""
        if not self.unique_paths:
            return next((p for p in self if p.path == measure["path"] and p.part == "item"), None)
        first = bisect_left(self.starts, measure["span"][0])
        for i in range(first, bisect_left(self.starts, measure["span"][1])):
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


class _FirstHolding:
    """The first measure (in start order) holding an offset, asked with offsets that never go
    back: a measure that ended before one offset holds no later one."""

    def __init__(self, measures):
        self.measures, self.spans, self.at = measures, [m["span"] for m in measures], 0

    def __call__(self, offset: int):
        spans, at = self.spans, self.at
        while at < len(spans) and spans[at][1] <= offset:
            at += 1
        self.at = at
        for i in range(at, len(spans)):  # the first not yet ended that has begun
            if spans[i][0] > offset:
                return None
            if offset < spans[i][1]:
                return self.measures[i]
        return None


def _outline_path(record: Record, offset: int) -> str | None:
    """The deepest outline node holding ``offset`` (None in the preamble)."""
    holding = [o for o in record.get("outline", []) if o["span"][0] <= offset < o["span"][1]]
    return max(holding, key=lambda o: o["depth"])["path"] if holding else None


@dataclass
class EntryView:
    """What the notice is matched against for one entry: its cue phrases and, for the
    nearest-passage score, key terms of the other notices' headings (leave-one-out)."""

    cues: re.Pattern | None
    terms: list[str]


def entry_view(entry: dict, exclude_doc: str | None) -> EntryView:
    headings = [e["heading"] for e in entry["evidence"] if e["doc_id"] != exclude_doc] or [entry["label"]]
    return EntryView(cues=cue_pattern(entry), terms=key_terms(headings + [entry["label"]], limit=10))


def cover(entry: dict, own: list[dict], sentences: list[Passage] | Sentences, view: EntryView) -> Coverage:
    """Where the notice covers ``entry``; ``own`` are its measures aligned to the entry."""
    if own:
        first = own[0]
        quote = sentences.first_of_item(first) if isinstance(sentences, Sentences) else \
            next((p for p in sentences if p.path == first["path"] and p.part == "item"), None)
        return Coverage(entry["id"], OWN_ITEM, first["path"], _quote(quote.text if quote else first["title"]),
                        first.get("matched_terms") or [], first["score"],
                        paths=[a["path"] for a in own], span=list(first["span"]),
                        matched_name=first.get("matched_name"))
    hits: list[tuple[int, Passage, str, dict | None]] = []
    for p in sentences:
        found = view.cues.search(p.text) if view.cues is not None else None
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


def nearest(sentences: Iterable[Passage], view: EntryView) -> dict | None:
    """The passage sharing most of the entry's key terms, with the share as score."""
    best: Passage | None = None
    best_terms: list[str] = []
    for p in sentences:
        terms = [t for t in view.terms if t in p.text]
        if len(terms) > len(best_terms):
            best, best_terms = p, terms
    if best is None:
        return None
    return {"path": best.path, "part": best.part, "quote": _quote(best.text, best_terms[0]),
            "matched_terms": best_terms, "score": round(100 * len(best_terms) / max(1, len(view.terms)), 1)}


def _quote(text: str, phrase: str | None = None) -> str:
    """At most QUOTE_CHARS characters of ``text``, around ``phrase`` when given."""
    if len(text) <= QUOTE_CHARS:
        return text
    at = max(0, text.find(phrase) - QUOTE_CHARS // 3) if phrase and phrase in text else 0
    piece = text[at:at + QUOTE_CHARS]
    return ("…" if at else "") + piece + ("…" if at + QUOTE_CHARS < len(text) else "")
