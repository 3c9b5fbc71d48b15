"""The implementation ladder: which notice adopted which frame entry, when, and from whom.

For each frame entry (a measure of the national opinion, in a frame *derived from implementing
notices*), every notice that covers it — where (its own item, inside another item, goals, duties,
annex), the sentence quoted, its targets and its printed units — with the lag in days after the
reference's date. A notice without a date is kept apart (``date unknown``); one issued before the
reference is marked ``predates reference``, never given a negative lag.

A notice's *parent* is the upstream document it implements: its 贯彻落实 / 根据 / 按照 citation
resolved in the corpus to a document of a higher level (one level up preferred). Each adoption says
whether the parent covers the entry too (``from parent``) or not (``added``).

Pure functions over records: the caller streams the records and hands over a document index
(``resolve(citation) -> id``) and what identifies each document (id → level, place, date, 文号).

>>> lag_of("2021-06-15", "2021-02-01")
(134, 'after reference')
>>> lag_of(None, "2021-02-01")
(None, 'date unknown')
>>> lag_of("2020-11-30", "2021-02-01")
(None, 'predates reference')
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from sys import intern
from typing import NamedTuple

from rapidfuzz import fuzz

from .. import patterns as P
from ..models import Record
from ..textutils import bare_title, column_names, level_rank, sentence_around
from ..traditional import PrintedForm, simplified_query, simplified_record, to_simplified
from . import genre
from .align import PreparedFrame, align_measure, measure_units, task_row_finder
from .clauses import in_other_clause, units_quoted
from .coverage import (
    GOALS_ONLY,
    INSIDE_ITEM,
    OWN_ITEM,
    EntryView,
    Sentences,
    cover,
    cue_pattern,
    entry_units,
    entry_view,
)
from .frame import PROVENANCE, national_facts
from .printed import as_printed_quote, printed_form

AFTER = "after reference"
PREDATES = "predates reference"  # the same words as diff's status
DATE_UNKNOWN = "date unknown"
FROM_PARENT = "from parent"
FORWARDED = "forwarded, not restated"  # an entry only the forwarded text carries (转发), never "omitted"
ADDED = "added (parent does not cover it)"
PARENT_OUTSIDE = "parent not in corpus"
NO_PARENT = "no parent cited (no 贯彻落实/根据/按照/转发 citation in the preamble)"
PRINTED_SOURCES = {"inline_marker": "", "task_table": "", "article_subject": "",
                   "duty_paragraph": " (inferred: duty paragraph)", "sole_issuer": " (implied: sole issuer)"}


# ------------------------------------------------------------------ dates


def reference_date(national_doc: dict | None = None) -> tuple[str, str]:
    """(day the lags count from, how it is known). The national opinion's own date when it is
    in the corpus (``national_doc``: its record); else the first day of the month the frame
    data records (``frame_rules.json``: month only, from secondary reports), said so."""
    if national_doc and national_doc.get("issue_date"):
        return national_doc["issue_date"], f"{national_doc['doc_number']} issued {national_doc['issue_date']} " \
                                           f"(corpus document {national_doc['id']})"
    facts = national_facts()
    month = facts["issue_month"]
    return f"{month}-01", (f"{facts['doc_number']} is not in the corpus; only its month is known ({month}, "
                           f"{facts['issue_month_source']}): lags count from {month}-01, the month's first day")


def lag_of(issued: str | None, reference_day: str) -> tuple[int | None, str]:
    """(days after the reference, timing). Before the reference's month (as ``diff``), or its day
    where the day is known: ``predates reference``; no date: ``date unknown``."""
    if not issued:
        return None, DATE_UNKNOWN
    if issued[:7] < reference_day[:7]:
        return None, PREDATES
    try:
        days = (date.fromisoformat(issued[:10]) - date.fromisoformat(reference_day[:10])).days
    except ValueError:
        return None, DATE_UNKNOWN
    return (days, AFTER) if days >= 0 else (None, PREDATES)  # a reference known to the day


# ------------------------------------------------------------------ entries chosen


def choose_entries(entries: list[dict], wanted: Iterable[str] = ()) -> list[dict]:
    """The frame entries named by id (F05) or topic (a label, a key term, or a phrase the entry's
    rule matches); all entries when nothing is named. An unknown name raises ValueError."""
    wanted = list(wanted)
    if not wanted:
        return entries
    chosen = []
    for name in wanted:
        hits = [e for e in entries if name == e["id"] or name in e["label"] or e["label"] in name
                or name in e.get("key_terms", []) or (e.get("pattern") and re.search(e["pattern"], name))]
        if not hits:
            raise ValueError(f"{name}: no frame entry has this id or topic (see 'policydiff baseline show')")
        chosen += [e for e in hits if e not in chosen]
    return chosen


# ------------------------------------------------------------------ one notice


class UnitShown(NamedTuple):
    """A unit of the measure that covers an entry (a tuple: 30,000 notices hold ~600,000 rows)."""

    raw: str
    role: str
    function: str | None
    source: str  # inline_marker / task_table (printed), duty_paragraph (inferred), sole_issuer (implied)


class TargetShown(NamedTuple):
    comparator: str | None
    value: float
    unit: str
    indicator: str
    start: int  # where the target is in the notice's text


@dataclass
class NoticeFacts:
    """What is kept of a notice after its pass: who it is, what it covers, what it cites."""

    doc_id: str
    locality: str | None
    level: str | None
    issue_date: str | None
    doc_number: str | None
    covered: set[str] = field(default_factory=set)
    upstream: list[dict] = field(default_factory=list)  # its 贯彻落实/根据/按照/转发 citations, quoted


def notice_adoptions(record: Record, entries: list[dict], prepared: PreparedFrame | None = None,
                     chosen: set[str] | None = None, views: dict[str, EntryView] | None = None,
                     upstream: bool = True) -> tuple[list[dict], NoticeFacts]:
    """The adoptions of one notice (one row per covered entry of ``chosen``, default all) and the
    facts kept of it. Measures are aligned to the whole frame (``entries``): a measure belongs
    to the entry it is closest to among all of them, not among the chosen few."""
    printed = record
    record = simplified_record(record)
    form = printed_form(printed, record)
    own = _own_evidence(record["id"], entries)
    if own:  # the notice is evidence of the frame: matched against the other notices' evidence only
        from .diff import without_document

        entries = without_document(entries, record["id"])
        prepared, views = None, None  # the views below leave this notice's evidence out
    aligned = _aligned(record, prepared or PreparedFrame(entries))
    by_entry: dict[str, list[dict]] = {}
    for a in aligned:
        by_entry.setdefault(a["frame_id"], []).append(a)
    sentences = Sentences(record)  # each placed only when a cue or an item asks for it
    facts = NoticeFacts(record["id"], record.get("locality"), record.get("admin_level"), record.get("issue_date"),
                        printed.get("doc_number"), upstream=upstream_citations(record) if upstream else [])
    if form is not None:  # the citing sentences quoted as printed
        facts.upstream = [dict(c, quote=as_printed_quote(form, c["quote"])) for c in facts.upstream]
    joined, starts = _joined(sentences)
    targets, row_of = _TargetsOf(record), task_row_finder(record.get("task_table") or [])
    read: dict[int, list[dict]] = {}  # each measure's units, read once for the entries it covers
    known: dict[int, tuple[int, int]] = {}  # where each unit's name is printed, found once for the rows showing it
    quoted: dict[tuple, str] = {}  # (the offsets of a row's units, its quote) → where they are printed

    def units_of(a: dict) -> list[dict]:
        if id(a) not in read:
            read[id(a)] = measure_units(record, a["measure"], row_of)
        return read[id(a)]
    rows = []
    for entry in entries:
        if chosen is not None and entry["id"] not in chosen:
            continue
        local = by_entry.get(entry["id"], [])
        if views is None:
            view = entry_view(entry, record["id"])
        else:  # a notice that is not evidence of the frame sees the same view of every entry
            view = views.get(entry["id"]) or views.setdefault(entry["id"], entry_view(entry, None))
        if not local:  # only the sentences a match of its cues touches can name it
            touched = _touched(view.cues, joined, starts, sentences)
            if not touched:
                continue  # not covered (the nearest passage is not wanted here)
            coverage = cover(entry, local, touched, view, sentences)
        else:
            coverage = cover(entry, local, sentences, view)
        if not coverage.covered:
            continue
        facts.covered.add(entry["id"])
        quote = as_printed_quote(form, coverage.quote or "")
        if local and not (coverage.quote or "").startswith(local[0]["title"][:8]):  # its own item: the heading says it
            quote = f"{as_printed_quote(form, local[0]['title'])}: {quote}"
        shown = _units_and_targets(entry, local, coverage, aligned, sentences, units_of, record, targets)
        unit_dicts = shown.pop("unit_dicts")
        key = (tuple(u.get("at") for u in unit_dicts), quote)  # the rows of one item show the same units
        if key not in quoted:
            quoted[key] = units_quoted(record["text"], unit_dicts, printed["text"], quote, known)
        shown["units_quote"] = quoted[key]
        rows.append({"frame_id": entry["id"], "label": entry["label"], "doc_id": record["id"],
                     "where": coverage.where, "path": coverage.path, "quote": quote,
                     "matched_terms": coverage.matched_terms if form is None else  # as the quote prints them
                     [form.string(t) for t in coverage.matched_terms], "span": coverage.span,
                     **(shown if form is None else _printed_names(form, shown))})
    return rows, facts


def _printed_names(form: PrintedForm, shown: dict) -> dict:
    """A row's units (as printed) and its targets' indicators in the notice's printed characters."""
    return {**shown, "targets": [t._replace(indicator=form.string(t.indicator)) for t in shown["targets"]],
            **{key: [u._replace(raw=form.string(u.raw)) for u in shown[key]] for key in ("units", "other_clause_units")}}


def forwarded_rows(found: list[dict], facts: NoticeFacts, parent: dict, parent_covered, entries: list[dict],
                   wanted: set[str] | None = None) -> list[dict]:
    """The notice's rows ``found``, with a row for each entry (of ``wanted``, default all) that a notice forwarding
    its parent (现将《…》（文号）转发给你们: ``parent`` chosen by the verb 转发, in the corpus) carries only in the
    forwarded text: the parent covers it (``parent_covered``), the notice restates none of it — its only words
    on it, if any, stand in its title or the 转发 sentence, which name the forwarded document. The row's ``where``
    says so (``forwarded, not restated``), its evidence is the quoted 转发 sentence — never "omitted", never the
    parent's units or targets. The entries are added to ``facts.covered`` (a notice implementing the forwarding
    one finds them there)."""
    if parent.get("verb") != "转发" or not parent.get("in_corpus"):
        return found
    head_end = (parent.get("span") or [0, 0])[1]  # the title and the 转发 sentence end here
    named_in_head = {r["frame_id"] for r in found if r["where"] == GOALS_ONLY and (r["span"] or [head_end])[0] < head_end}
    rows = [r for r in found if r["frame_id"] not in named_in_head or r["frame_id"] not in parent_covered]
    for entry in entries:
        if (entry["id"] in facts.covered and entry["id"] not in named_in_head) or entry["id"] not in parent_covered \
                or (wanted is not None and entry["id"] not in wanted):
            continue
        facts.covered.add(entry["id"])
        rows.append({"frame_id": entry["id"], "label": entry["label"], "doc_id": facts.doc_id, "where": FORWARDED,
                     "path": None, "quote": parent.get("quote") or "", "units_quote": "",
                     "matched_terms": [parent["verb"], *([parent["doc_number"]] if parent.get("doc_number") else [])],
                     "span": parent.get("span"), "targets": [], "units": [], "other_clause_units": []})
    return rows


def _joined(sentences: Sentences) -> tuple[str, list[int]]:
    """The sentences run together, and where each starts in that text."""
    starts, at = [], 0
    for text in sentences.texts:
        starts.append(at)
        at += len(text)
    return "".join(sentences.texts), starts


def _touched(cues, joined: str, starts: list[int], sentences: Sentences) -> list:
    """The sentences (in order) that a match of ``cues`` over the run-together text touches: every
    sentence in which ``cues`` matches is among them (a match inside a sentence is found there, or
    lies inside a match found from an earlier start, which touches that sentence too)."""
    if cues is None:
        return []
    from bisect import bisect_right

    hit: set[int] = set()
    for match in cues.finditer(joined):
        start, end = match.span()
        first = bisect_right(starts, start) - 1
        if end - 1 <= start or (first + 1 < len(starts) and end <= starts[first + 1]):  # within one sentence
            hit.add(first)
        else:
            hit.update(range(first, bisect_right(starts, end - 1)))
    return [sentences[i] for i in sorted(hit)]


_evidence_of: list = []  # (frame entries, ids of the notices that are their evidence): one frame per run


def _own_evidence(doc_id: str, entries: list[dict]) -> bool:
    if not _evidence_of or _evidence_of[0] is not entries:
        _evidence_of[:] = [entries, {ev["doc_id"] for e in entries for ev in e["evidence"]}]
    return doc_id in _evidence_of[1]


class _TargetsOf:
    """The notice's targets inside what covers an entry: its aligned measures, else the sentence
    (in the record's order; each target's start looked up by bisection, not every target per row)."""

    def __init__(self, record: Record):
        self.targets = record["targets"]
        order = sorted(range(len(self.targets)), key=lambda i: self.targets[i]["span"][0])
        self.order, self.starts = order, [self.targets[i]["span"][0] for i in order]
        self.shown: dict[int, TargetShown] = {}

    def inside(self, local: list[dict], coverage, shown: Sequence[dict] = (), others: Sequence[dict] = ()
               ) -> list[TargetShown]:
        """The targets inside what covers the entry, but for those standing in a clause whose units are
        ``others`` (another clause's) and not ``shown``: a figure of 二是 is not 一是's entry's."""
        spans = [a["span"] for a in local] if coverage.where == OWN_ITEM else [coverage.span or [0, 0]]
        found: set[int] = set()
        for a, b in spans:
            found.update(self.order[bisect_left(self.starts, a):bisect_left(self.starts, b)])
        if others:
            found = {i for i in found if not in_other_clause(self.targets[i]["span"][0], list(shown), list(others))}
        return [self._shown(i) for i in sorted(found)]

    def _shown(self, i: int) -> TargetShown:
        if i not in self.shown:
            t = self.targets[i]
            self.shown[i] = TargetShown(t["comparator"], t["value"], intern(t["unit"]), t["indicator"], t["span"][0])
        return self.shown[i]


def _aligned(record: Record, prepared: PreparedFrame) -> list[dict]:
    """``align_document`` of a simplified record, each measure's units left to be read for the
    measures that cover a chosen entry (most measures are not wanted: 20% of the time saved)."""
    return [{**align_measure(m, prepared), "path": m["path"], "title": m["title"], "span": m["span"], "measure": m}
            for m in record["measures"]]


def _units_and_targets(entry: dict, local: list[dict], coverage, aligned: list[dict], sentences: Sentences, units_of,
                       record: Record, targets: _TargetsOf) -> dict:
    """``units``: raw, role, function, source (printed or not) of the clauses covering the entry — of its own
    items, or of the item it is merged into (``coverage.entry_units``); ``other_clause_units``: those the
    items print beside their other clauses, named apart (``units_of(aligned measure)``: its units);
    ``targets``: the figures inside what covers the entry, but for those of another clause (scoped as the
    units are: ``clauses.in_other_clause``)."""
    shown, others = entry_units(entry, local, coverage, aligned, sentences, units_of, record)
    return {"targets": targets.inside(local, coverage, shown, others), "unit_dicts": shown,
            "units": [_unit_shown(u) for u in shown], "other_clause_units": [_unit_shown(u) for u in others]}


def _unit_shown(u: dict) -> UnitShown:
    """The unit as a row holds it (made once a unit of a measure: its dict keeps it)."""
    shown = u.get("shown")
    if shown is None:
        shown = u["shown"] = UnitShown(u["raw"], intern(u["role"]), u["function"] and intern(u["function"]),
                                       intern(u["source"]))
    return shown


def upstream_citations(record: Record, quotes: bool = True, length: int | None = None) -> list[dict]:
    """The notice's citations led by 贯彻落实 / 根据 / 按照 (…), with their sentence (``quote``
    None without ``quotes``: the caller quotes the one it chooses; ``length``: the text's, where the
    record carries no text)."""
    body = min((o["span"][0] for o in record.get("outline") or []),
               default=len(record["text"]) if length is None else length)
    found = []
    for c in record.get("citations") or []:
        if c.get("verb") and P.PARENT_VERBS.fullmatch(c["verb"]):
            found.append({"doc_number": c.get("doc_number"), "title": c.get("title"), "verb": c["verb"],
                          "span": list(c["span"]), "quote": _around(record["text"], c["span"]) if quotes else None,
                          "preamble": c["span"][0] < body})  # 为贯彻落实…精神，制定本方案 stands before the items
    return found


def _around(text: str, span, before: int = 24) -> str:
    """The citing words: the sentence from a little before the citation to its end (to the verb's
    end where the verb follows the document: …（文号）转发给你们)."""
    sentence = sentence_around(text, span)
    at = text.find(sentence)
    start = max(at, span[0] - before)
    forwarded = P.FORWARDED_AFTER.match(simplified_query(text[span[1]:span[1] + 40]))  # 轉發給你們 as printed too
    end = span[1] + forwarded.end() if forwarded else span[1]
    return ("…" if start > at else "") + "".join(text[start:end].split())


QUOTE_REACH = 200  # characters of text read on each side of a chosen citation to quote it


def _around_window(window: str, offset: int, span) -> str:
    """:func:`_around` of ``span`` read from ``window``, the text from ``offset`` on (a citation's
    neighbourhood, not the whole text): the same words wherever the sentence lies within reach."""
    return _around(window, [span[0] - offset, span[1] - offset])


# ------------------------------------------------------------------ parents


def find_parent(facts: NoticeFacts, resolve, documents: dict[str, dict]) -> dict:
    """The notice's parent: an upstream citation resolved in the corpus to a higher level (the
    preamble's first, then implementing verbs, then one level up, then the first cited); else, not in
    the corpus, the preamble's citation of another place's document (榆… cited by 神…) with
    ``in_corpus`` False (a 按照 inside an item is not what the notice implements); else ``None``
    fields (no parent cited)."""
    own_rank = level_rank(facts.level)
    candidates = []
    for order, c in enumerate(facts.upstream):
        target = resolve(c)
        row = documents.get(target) if target and target != facts.doc_id else None
        if row is not None and level_rank(row.get("admin_level")) < own_rank:
            steps = own_rank - level_rank(row.get("admin_level"))
            candidates.append(((not c.get("preamble"), c["verb"] not in P.IMPLEMENTING_VERBS, steps, order), target, c,
                               steps))
    if candidates:
        _, target, c, steps = min(candidates, key=lambda x: x[0])
        row = documents[target]
        found = {"id": target, "locality": row.get("locality"), "doc_number": row.get("doc_number"),
                 "level": row.get("admin_level"), "issue_date": row.get("issue_date"), "in_corpus": True,
                 "levels_up": steps, "verb": c["verb"], "quote": c["quote"], "span": c["span"]}
        if c.get("doc_number") and c["doc_number"] in (row.get("other_doc_numbers") or ()):
            found["cited_as"] = c["doc_number"]  # a joint notice cited by its second issuer's 文号
        check = title_check(c.get("title"), row)
        if check:
            found["parent_check"] = check
        return found
    preamble = [c for c in facts.upstream if c.get("preamble")]
    if preamble:  # not in the corpus: another place's document first (榆… cited by 神…), implementing verbs first
        own_code = simplified_query(facts.doc_number or " ")[0]  # a 文号 as printed (衛), its citations' simplified
        c = min(preamble, key=lambda c: ((c["doc_number"] or own_code)[0] == own_code,
                                         c["verb"] not in P.IMPLEMENTING_VERBS))
        return {"id": None, "doc_number": c["doc_number"], "title": c["title"], "in_corpus": False,
                "verb": c["verb"], "quote": c["quote"], "span": c["span"]}
    return {"id": None, "in_corpus": False, "doc_number": None}


TITLES_AGREE = 92  # fuzz.ratio of two title keys read as one title (graph.TITLE_MATCH's bar)


def _title_key(title: str) -> str:
    """A title as compared with another: simplified, no punctuation or spaces, no 关于印发…的通知 envelope."""
    return re.sub(r"[\W_]", "", bare_title(simplified_query(title)))


def _after_about(key: str) -> str:
    """The subject of a title key: after its first 关于 (the issuers before it dropped), without 的通知."""
    subject = key.split("关于", 1)[-1]
    return subject[:-3] if subject.endswith("的通知") else subject


def _titles_agree(cited: str, stored: str) -> bool:
    if not cited or not stored:
        return True
    if cited in stored or stored in cited or fuzz.ratio(cited, stored) >= TITLES_AGREE:
        return True  # a plan's title inside its 印发…的通知, a title without its issuers
    a, b = _after_about(cited), _after_about(stored)
    return bool(a and b) and (a in b or b in a or fuzz.ratio(a, b) >= TITLES_AGREE)


def title_check(cited: str | None, row: dict) -> str | None:
    """A note where the citing sentence prints a title (《X》) that is not the title stored under the
    文号 it resolved by (a repost's wrong number, two bodies' numbers colliding): both quoted; None where
    they agree (simplified, punctuation-insensitive, a wrapping 印发…的通知 allowed) or either is missing."""
    stored = [t for t in (row.get("title"), row.get("body_title")) if t]
    if not cited or not stored:
        return None
    key = _title_key(cited)
    if not key or any(_titles_agree(key, _title_key(t)) for t in stored):
        return None
    return (f"cited title differs: the notice cites 《{cited.strip('《》')}》, the stored notice under "
            f"{row.get('doc_number') or 'that 文号'} is titled 《{stored[0].strip('《》')}》 — it may not be the parent")


# ------------------------------------------------------------------ the whole corpus


def adoption(records: Iterable[Record], frame_entries: list[dict], resolve, documents: dict[str, dict],
             chosen: list[dict] | None = None, reference: tuple[str, str] | None = None,
             levels: Iterable[str] | None = None) -> dict:
    """Adoptions of the ``chosen`` frame entries (default: all of ``frame_entries``) over ``records``
    (each read once, its rows kept: for a corpus of thousands, :func:`scan_ladder` streams).

    ``resolve`` maps a citation to a corpus id (``graph.DocumentIndex.resolve``); ``documents``
    holds id → {locality, admin_level, issue_date, doc_number} of every stored notice.
    Returns {"reference", "entries", "adoptions", "summary", "parents", "notices"}."""
    entries = chosen or frame_entries
    rows, notices = scan(records, frame_entries, {e["id"] for e in entries}, levels)
    return assemble(rows, notices, entries, resolve, documents, reference)


def scan(records: Iterable[Record], frame_entries: list[dict], wanted_ids: set[str],
         levels: Iterable[str] | None = None, prepared: PreparedFrame | None = None
         ) -> tuple[list[dict], dict[str, NoticeFacts]]:
    """The first half of :func:`adoption`, notice by notice: the adoption rows and the facts
    kept of each notice."""
    wanted = set(levels or [])
    prepared = prepared or PreparedFrame(frame_entries, memo=True)
    views: dict[str, EntryView] = {}
    rows: list[dict] = []
    notices: dict[str, NoticeFacts] = {}
    for record in records:
        if wanted and record.get("admin_level") not in wanted:
            continue
        if genre.is_interpretation(record.get("genre")):  # it explains a notice: no rung of the ladder
            continue
        found, facts = notice_adoptions(record, frame_entries, prepared, wanted_ids, views)
        notices[facts.doc_id] = facts
        rows += found
    return rows, notices


def assemble(rows: list[dict], notices: dict[str, NoticeFacts], entries: list[dict], resolve,
             documents: dict[str, dict], reference: tuple[str, str] | None = None) -> dict:
    """The second half of :func:`adoption`: parents, lags, names, the summary."""
    ladder = Ladder(*(reference or reference_date()), facts=notices,
                    parents={d: find_parent(f, resolve, documents) for d, f in notices.items()},
                    names=column_names([(d, f.locality, f.doc_number) for d, f in notices.items()], plain=False),
                    covered={d: frozenset(f.covered) for d, f in notices.items()})
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    rows = []
    for d in (d for part in ladder.table_order() for d in part):  # down the ladder: a parent's forwards first
        parent = ladder.parents[d]
        parent_covered = ladder.covered.get(parent["id"], frozenset()) if parent.get("id") else frozenset()
        rows += forwarded_rows(by_doc.get(d, []), notices[d], parent, parent_covered, entries, {e["id"] for e in entries})
        ladder.covered[d] = frozenset(notices[d].covered)
    tally = Tally()
    for row in rows:
        complete(row, ladder)
        tally.add(row)
    rows.sort(key=lambda r: (r["frame_id"], level_rank(r["level"]), r["issue_date"] or "9999", r["doc_id"]))
    return result_of(ladder, entries, rows, tally)


def result_of(ladder: Ladder, entries: list[dict], rows: list[dict], tally: Tally) -> dict:
    """The result as every output reads it (``rows``: the adoptions in table order, or none where
    they were written out as they came)."""
    return {"reference": {"doc_number": national_facts()["doc_number"], "day": ladder.ref_day, "how": ladder.ref_how,
                          "frame": PROVENANCE},
            "entries": [{"id": e["id"], "label": e["label"]} for e in entries], "adoptions": rows,
            "summary": tally.summary(entries, ladder.per_level()), "parents": ladder.parents,
            "notices": {d: {"locality": f.locality, "level": f.level, "issue_date": f.issue_date,
                            "doc_number": f.doc_number, "name": ladder.names[d]} for d, f in ladder.facts.items()},
            "interpretations_left_out": ladder.interpretations}


@dataclass
class Ladder:
    """What completing an adoption row needs: the reference's day; each notice's facts (in
    corpus order), parent and column name — all known before the notices are scanned, from
    the documents and citations tables — and the entries each notice covers, filled in level by
    level as the scan goes down the ladder (a parent is always a level above its child)."""

    ref_day: str
    ref_how: str
    facts: dict[str, NoticeFacts]
    parents: dict[str, dict]
    names: dict[str, str]
    covered: dict[str, frozenset] = field(default_factory=dict)
    stored_ids: dict[str, str] = field(default_factory=dict)  # a traditional notice's id as stored, where it differs
    interpretations: list[str] = field(default_factory=list)  # ids of the 解读 pages left out (no notices)

    def per_level(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.facts.values():
            counts[f.level or ""] = counts.get(f.level or "", 0) + 1
        return counts

    def table_order(self) -> list[list[str]]:
        """The notices in the order of the adoption table within an entry (level, date, id),
        cut where the level changes: every notice's parent lies in an earlier part."""
        order = sorted(self.facts, key=lambda d: (level_rank(self.facts[d].level), self.facts[d].issue_date or "9999",
                                                  d))
        parts: list[list[str]] = []
        for d in order:
            if not parts or level_rank(self.facts[parts[-1][-1]].level) != level_rank(self.facts[d].level):
                parts.append([])
            parts[-1].append(d)
        return parts


def lazy_ladder_of(documents: dict[str, dict], selection: list[str], reference: tuple[str, str],
                   traditional: set[str] = frozenset()) -> Ladder:  # type: ignore[assignment]
    """The :class:`Ladder` of the ``selection`` (ids in corpus order; ``documents`` as in :func:`adoption`;
    ``traditional``: the ids of notices printed in traditional characters, their names read in simplified
    characters as the scan reads them) without the parents: a :class:`ParentFinder` finds them, all at once or
    as the scan reaches each chunk of notices (the scan starts at once, not after the whole corpus's parents)."""
    facts: dict[str, NoticeFacts] = {}
    stored_ids = {}
    for d in selection:
        row = documents[d]
        key, locality, number = d, row.get("locality"), row.get("doc_number")
        if d in traditional:  # in simplified characters, as the scan reads the record
            key, locality = to_simplified(d), locality and to_simplified(locality)  # its 文号 shown as printed
            if key != d:
                stored_ids[key] = d
        facts[key] = NoticeFacts(key, locality, row.get("admin_level"), row.get("issue_date"), number)
    return Ladder(*reference, facts=facts, parents={},
                  names=column_names([(d, f.locality, f.doc_number) for d, f in facts.items()], plain=False),
                  stored_ids=stored_ids)


def _parent_from_source(notice: NoticeFacts, source: dict, traditional: bool, resolve, documents: dict[str, dict]
                        ) -> dict:
    """The parent of ``notice`` from its citations, outline start and text's length (``source``); its
    upstream citations kept on ``notice``; the caller quotes the citation chosen."""
    pseudo = {"id": source["id"], "text": "", "citations": source["citations"],
              "outline": [] if source["outline_start"] is None else [{"span": [source["outline_start"]] * 2}],
              **({"script": "traditional"} if traditional else {})}
    record = simplified_record(pseudo)  # type: ignore[arg-type]
    notice.upstream = upstream_citations(record, quotes=False, length=source["length"])
    return find_parent(notice, resolve, documents)


class ParentFinder:
    """Fills ``ladder.parents`` for the notices asked (``ladder``'s keys), all at once or chunk by chunk
    would: ``citations`` and ``outline`` of the citing notices (``store.citation_sources``, by
    stored id), their texts read for each chunk asked (``texts(ids) -> {id: text}``)."""

    def __init__(self, ladder: Ladder, citations: dict[str, list[dict]], outline: dict[str, int], lengths,
                 windows, resolve, documents: dict[str, dict], traditional: set[str]):
        """``lengths(ids) -> {id: length of its text}``, ``windows([(id, start, end)]) -> [text[start:end]]``:
        a chunk's texts are never read whole, only around the citation each notice's parent is chosen by."""
        self.ladder, self.citations, self.outline = ladder, citations, outline
        self.lengths, self.windows = lengths, windows
        self.resolve, self.documents, self.traditional = resolve, documents, traditional

    def __call__(self, keys: list[str]) -> None:
        ladder = self.ladder
        stored = [ladder.stored_ids.get(k, k) for k in keys]
        lengths = self.lengths([d for d in stored if d in self.citations])
        quoted = []
        for key, d in zip(keys, stored):
            notice = ladder.facts[key]
            if d in self.citations:
                source = {"id": d, "citations": self.citations[d], "outline_start": self.outline.get(d),
                          "length": lengths[d]}
                parent = _parent_from_source(notice, source, d in self.traditional, self.resolve, self.documents)
                if parent.get("span"):
                    quoted.append((d, parent))
                ladder.parents[key] = parent
            else:
                ladder.parents[key] = find_parent(notice, self.resolve, self.documents)
        reach = [(d, max(0, p["span"][0] - QUOTE_REACH), p["span"][1] + QUOTE_REACH) for d, p in quoted]
        for (_, parent), (_, offset, _), window in zip(quoted, reach, self.windows(reach)):
            parent["quote"] = _around_window(window, offset, parent["span"])  # as printed (轉發給你們 matched too)

    def done(self) -> None:
        """The parents in corpus order, as the JSON output lists them."""
        self.ladder.parents = {d: self.ladder.parents[d] for d in self.ladder.facts}


def complete(row: dict, ladder: Ladder) -> None:
    """Who the adopter is, when (lag), and whether the entry came from its parent."""
    facts, parent = ladder.facts[row["doc_id"]], ladder.parents[row["doc_id"]]
    lag, timing = lag_of(facts.issue_date, ladder.ref_day)
    row.update({"locality": facts.locality, "level": facts.level, "issue_date": facts.issue_date,
                "doc_number": facts.doc_number, "adopter": ladder.names[facts.doc_id], "lag_days": lag,
                "timing": timing, "parent": parent})
    if parent.get("in_corpus") and parent["id"] in ladder.facts:
        row["from_parent"] = FROM_PARENT if row["frame_id"] in ladder.covered.get(parent["id"], ()) else ADDED
        row["parent_name"] = ladder.names[parent["id"]]
    elif parent.get("in_corpus"):  # the parent is stored but outside the selection (--level)
        row["from_parent"] = "parent outside the selection"
        row["parent_name"] = f"{parent['locality']}（{parent['doc_number']}）"
    else:
        row["from_parent"] = PARENT_OUTSIDE + (f": {parent['doc_number']}" if parent.get("doc_number") else "") \
            if parent.get("quote") else NO_PARENT
        row["parent_name"] = parent.get("doc_number") or ""
    if parent.get("parent_check"):  # matched by 文号 alone, its title another: said wherever the parent is named
        row["parent_name"] += f" ({parent['parent_check']})"


def parent_adoption(row: dict, ladder: Ladder) -> tuple[str, int | None] | None:
    """(name, lag) of the row's parent where the parent is in the selection and adopted the entry too."""
    parent = row["parent"].get("id")
    if row["parent"].get("parent_check"):  # the title cited is not the stored one's: no cascade edge claimed
        return None
    if parent and parent in ladder.facts and row["frame_id"] in ladder.covered.get(parent, ()):
        return ladder.names[parent], lag_of(ladder.facts[parent].issue_date, ladder.ref_day)[0]
    return None


class Tally:
    """The summary's counts per entry and level, kept as the rows go by (the lags as ints: the
    median needs them all, 550,000 rows are 4 MB of them)."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], list] = {}  # adopting, lags, predates, unknown, own, inside, forwarded

    def add(self, row: dict) -> None:
        group = self.groups.get((row["frame_id"], row["level"] or ""))
        if group is None:
            group = self.groups[(row["frame_id"], row["level"] or "")] = [0, [], 0, 0, 0, 0, 0]
        group[0] += 1
        if row["lag_days"] is not None:
            group[1].append(row["lag_days"])
        group[2] += row["timing"] == PREDATES
        group[3] += row["timing"] == DATE_UNKNOWN
        group[4] += row["where"] == OWN_ITEM
        group[5] += row["where"] == INSIDE_ITEM
        group[6] += row["where"] == FORWARDED

    def merge(self, other: Tally) -> None:
        for key, (n, lags, predates, unknown, own, inside, forwarded) in other.groups.items():
            group = self.groups.setdefault(key, [0, [], 0, 0, 0, 0, 0])
            group[0] += n
            group[1] += lags
            for i, value in ((2, predates), (3, unknown), (4, own), (5, inside), (6, forwarded)):
                group[i] += value

    def adopting(self) -> int:
        return sum(g[0] for g in self.groups.values())

    def undated_or_predating(self) -> int:
        return sum(g[2] + g[3] for g in self.groups.values())

    def summary(self, entries: list[dict], per_level: dict[str, int]) -> list[dict]:
        """Per entry and level: notices of the level, how many adopt (share), median lag over the
        dated ones after the reference; predating and undated adopters counted apart."""
        out = []
        for entry in entries:
            for level in sorted(per_level, key=level_rank):
                n, lags, predates, unknown, own, inside, forwarded = self.groups.get((entry["id"], level),
                                                                                     (0, [], 0, 0, 0, 0, 0))
                out.append({"frame_id": entry["id"], "label": entry["label"], "level": level or "level unknown",
                            "notices": per_level[level], "adopting": n, "share": round(n / per_level[level], 3),
                            "median_lag_days": _number(statistics.median(lags)) if lags else None, "dated": len(lags),
                            "predates": predates, "date_unknown": unknown, "own_item": own, "inside_item": inside,
                            "forwarded": forwarded})
        return out


def summarise(rows: list[dict], notices: dict[str, NoticeFacts], entries: list[dict]) -> list[dict]:
    """:meth:`Tally.summary` of completed ``rows`` over ``notices``."""
    tally = Tally()
    for row in rows:
        tally.add(row)
    per_level: dict[str, int] = {}
    for f in notices.values():
        per_level[f.level or ""] = per_level.get(f.level or "", 0) + 1
    return tally.summary(entries, per_level)


SCAN_CHUNK = 250  # notices a worker scans at a time


class Chunk(NamedTuple):
    """What a worker hands back for a chunk of notices: ``emit``'s items of each entry (in table
    order), the entries each notice covers, the summary's counts."""

    items: dict[str, list]
    covered: dict[str, frozenset]
    tally: Tally


def keep_row(row: dict, _ladder: Ladder) -> dict:
    """The ``emit`` that keeps every completed row (the outputs that need them all at once)."""
    return row


def scan_ladder(db_path, ladder: Ladder, frame_entries: list[dict], wanted_ids: set[str], emit=keep_row,
                workers: int | None = None, find_parents: ParentFinder | None = None) -> Iterator[Chunk]:
    """The notices of ``ladder`` scanned in chunks shared among ``workers`` processes (default:
    cores), each reading its own records, completing its rows and turning each into what the output
    writes (``emit(row, ladder)``: a CSV line, a tuple…; None to keep nothing but the counts).
    Chunks come back in table order (level, date, id), level by level: the entries a level covers are
    known before the level below is scanned, so each row knows whether its parent has its entry.
    The result is the same whatever the number of workers. ``find_parents``: where ``ladder`` has
    no parents yet (:func:`lazy_ladder_of`), what finds those of each chunk before it is handed out,
    while the workers scan the chunks before it."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    parts = ladder.table_order()
    total = sum(map(len, parts))
    workers = min(workers or os.cpu_count() or 1, max(1, total // SCAN_CHUNK))
    state = (str(db_path), frame_entries, wanted_ids, PreparedFrame(frame_entries, memo=True), ladder, emit)
    if workers <= 1:
        _init_worker(state)
        yield from _scan_parts(parts, ladder, map, find_parents)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(state,)) as pool:
        yield from _scan_parts(parts, ladder, pool.map, find_parents)


def _scan_parts(parts: list[list[str]], ladder: Ladder, mapper, find_parents: ParentFinder | None = None
                ) -> Iterator[Chunk]:
    for part in parts:  # a level at a time: its parents' entries are known
        # the jobs made as they are handed out (``pool.map`` submits each as it comes): a chunk's
        # parents are found while the workers scan the chunks before it
        for chunk in mapper(_scan_chunk, _jobs(part, ladder, find_parents)):
            ladder.covered.update(chunk.covered)
            yield chunk
    if find_parents is not None:
        find_parents.done()


def _jobs(part: list[str], ladder: Ladder, find_parents: ParentFinder | None) -> Iterator[tuple]:
    """Each chunk's job: its stored ids, the entries its parents cover, its notices' parents."""
    for i in range(0, len(part), SCAN_CHUNK):
        ids = part[i:i + SCAN_CHUNK]
        if find_parents is not None:
            find_parents(ids)
        parents = {ladder.parents[d]["id"] for d in ids if ladder.parents[d]["id"] in ladder.covered}
        yield ([ladder.stored_ids.get(d, d) for d in ids], {p: ladder.covered[p] for p in parents},
               {d: ladder.parents[d] for d in ids})


_worker_state: list = []  # (db path, frame, wanted ids, prepared frame, ladder, emit): set once per worker


def _init_worker(state) -> None:
    _worker_state[:] = [state, {}]


def _scan_chunk(job) -> Chunk:
    from .. import store

    ids, parents_covered, parents = job
    (db_path, frame_entries, wanted_ids, prepared, ladder, emit), views = _worker_state
    ladder.covered.update(parents_covered)
    ladder.parents.update(parents)
    chunk = Chunk({}, {}, Tally())
    db = store.open_db(db_path)
    try:
        for record in store.iter_records_of(db, ids):
            found, facts = notice_adoptions(record, frame_entries, prepared, wanted_ids, views, upstream=False)
            parent = ladder.parents.get(facts.doc_id) or {}
            parent_covered = ladder.covered.get(parent["id"], frozenset()) if parent.get("id") else frozenset()
            found = forwarded_rows(found, facts, parent, parent_covered, frame_entries, wanted_ids)
            chunk.covered[facts.doc_id] = frozenset(facts.covered)
            ladder.covered[facts.doc_id] = chunk.covered[facts.doc_id]
            for row in found:
                complete(row, ladder)
                chunk.tally.add(row)
                item = emit(row, ladder) if emit is not None else None
                if item is not None:
                    chunk.items.setdefault(row["frame_id"], []).append(item)
    finally:
        db.close()
    return chunk


def collect(chunks: Iterable[Chunk], ladder: Ladder, entries: list[dict]) -> dict:
    """The whole result of a scan whose ``emit`` kept the rows (:func:`keep_row`), as :func:`adoption`."""
    by_entry: dict[str, list[dict]] = {}
    tally = Tally()
    for chunk in chunks:
        for frame_id, rows in chunk.items.items():
            by_entry.setdefault(frame_id, []).extend(rows)
        tally.merge(chunk.tally)
    return result_of(ladder, entries, [r for frame_id in sorted(by_entry) for r in by_entry[frame_id]], tally)


# ------------------------------------------------------------------ tables


def units_cell(units: list[UnitShown]) -> str:
    """``lead: 医保局; support: 民政局 (inferred: duty paragraph)``: printed units plain, others labelled."""
    return "; ".join(f"{u.role}: {u.raw}{PRINTED_SOURCES.get(u.source, ' (' + u.source + ')')}" for u in units)


def targets_cell(targets: list[TargetShown]) -> str:
    return "; ".join(f"{_fmt(t)} ({t.indicator})" for t in targets)


def public(result: dict) -> dict:
    """The result as JSON holds it: units and targets as objects with their field names."""
    return {**result, "adoptions": [public_row(r) for r in result["adoptions"]]}


def public_row(r: dict) -> dict:
    return {**r, "units": [u._asdict() for u in r["units"]],
            "other_clause_units": [u._asdict() for u in r.get("other_clause_units", ())],
            "targets": [t._asdict() for t in r["targets"]]}


ADOPTION_COLUMNS = ["frame_id", "entry", "locality", "level", "date", "文号", "timing", "lag_days", "where",
                    "path", "quote", "matched", "targets", "units", "units_quote", "other_clause_units", "parent",
                    "from_parent", "doc_id"]


def adoption_table(result: dict) -> tuple[list[dict], list[str]]:
    """One row per adoption, every claim with its evidence (quote, matched phrase, parent's citation)."""
    return [adoption_row(r) for r in result["adoptions"]], ADOPTION_COLUMNS


def adoption_row(r: dict) -> dict:
    parent = r["parent"]
    cited = f" [{parent['verb']}: {parent['quote']}]" if parent.get("quote") else ""
    return {"frame_id": r["frame_id"], "entry": r["label"], "locality": r["locality"] or "",
            "level": r["level"] or "", "date": r["issue_date"] or "", "文号": r["doc_number"] or "",
            "timing": r["timing"], "lag_days": "" if r["lag_days"] is None else r["lag_days"],
            "where": r["where"], "path": r["path"] or "", "quote": r["quote"] or "",
            "matched": "、".join(r["matched_terms"]), "targets": targets_cell(r["targets"]),
            "units": units_cell(r["units"]), "units_quote": r.get("units_quote") or "",
            "other_clause_units": units_cell(r.get("other_clause_units", ())),
            "parent": (r["parent_name"] or "") + cited,
            "from_parent": r["from_parent"], "doc_id": r["doc_id"]}


SUMMARY_COLUMNS = ["frame_id", "entry", "level", "notices", "adopting", "share", "median_lag_days", "dated",
                   "predates", "date_unknown", "own_item", "inside_item", "forwarded"]


def summary_table(result: dict) -> tuple[list[dict], list[str]]:
    return ([{**{k: s[k] for k in SUMMARY_COLUMNS if k in s}, "entry": s["label"],
              "median_lag_days": "" if s["median_lag_days"] is None else s["median_lag_days"]}
             for s in result["summary"]], SUMMARY_COLUMNS)


EVENT_COLUMNS = ["node", "cascade", "policy", "time", "day", "level", "parent", "parent_time", "where", "quote",
                 "doc_id"]


def events_table(result: dict) -> tuple[list[dict], list[str]]:
    """One row per dated adoption, as diffusion research reads them (SPID: adopter, policy, year;
    R NetworkInference ``as.cascade(data, node_names, cascade_node_name='node',
    event_time_name='time', cascade_name='cascade')``): ``node`` the adopter, ``cascade`` the frame
    entry, ``time`` the day number after the reference (``day`` = ``time``), ``parent`` the notice it
    implements where that notice adopted the entry too. Undated and predating adoptions are left
    out (a cascade needs a time) and counted in the header."""
    by_doc_entry = {(r["doc_id"], r["frame_id"]): r for r in result["adoptions"]}
    table = []
    for r in result["adoptions"]:
        parent = r["parent"]
        upstream = by_doc_entry.get((parent.get("id"), r["frame_id"])) \
            if parent.get("id") and not parent.get("parent_check") else None  # a doubtful parent: no edge claimed
        event = event_row(r, (upstream["adopter"], upstream["lag_days"]) if upstream else None)
        if event is not None:
            table.append(event)
    return table, EVENT_COLUMNS


def event_row(r: dict, upstream: tuple[str, int | None] | None) -> dict | None:
    """The event of one adoption (None where it has no time); ``upstream``: (name, lag) of its
    parent where the parent adopted the entry too (:func:`parent_adoption`)."""
    if r["lag_days"] is None:
        return None
    return {"node": r["adopter"], "cascade": r["frame_id"], "policy": r["label"], "time": r["lag_days"],
            "day": r["issue_date"], "level": r["level"] or "", "parent": upstream[0] if upstream else "",
            "parent_time": upstream[1] if upstream and upstream[1] is not None else "",
            "where": r["where"], "quote": r["quote"] or "", "doc_id": r["doc_id"]}


def about_lines(result: dict, events: bool = False, skipped: int | None = None) -> list[str]:
    """The header of every output: the reference and its date, the frame, the method, the labels."""
    ref = result["reference"]
    lines = [f"reference: {ref['doc_number']}; lags in days after {ref['day']} ({ref['how']})",
             f"frame: national measure frame ({ref['frame']})",
             "method: each frame entry looked for in every sentence of each notice (own item by heading, else a "
             "cue phrase inside another item, goals, duties or annex); quote and matched phrase given",
             f"'{PREDATES}': issued in a month before the reference (no negative lags); '{DATE_UNKNOWN}': the "
             "notice prints no date",
             "units: as printed (inline marker, task table); '(inferred: duty paragraph)' and '(implied: sole "
             "issuer)' are not printed beside the measure; an item whose clauses print their own units gives the "
             "covering clause's, the others under other_clause_units (printed beside another clause, not this one); "
             "units_quote: where they are printed (their bracket with its label, a task row's line, an inferred "
             "unit's duty clause, an implied one's issuer line) when the quote does not show it; targets: the "
             "figures of the covering clauses, not another clause's",
             "parent: the notice's 贯彻落实/根据/按照/转发 citation resolved in the corpus to a higher level; "
             f"'{FROM_PARENT}': the parent covers the entry too; '{ADDED}': it does not",
             f"'{FORWARDED}': the notice forwards its parent (现将《…》转发给你们), whose text carries the entry; the "
             "notice restates none of it; the quote is its 转发 sentence, no units or targets are its own"]
    left_out = result.get("interpretations_left_out") or []
    if left_out:
        shown = "、".join(left_out[:10]) + (f" … ({len(left_out)} in all)" if len(left_out) > 10 else "")
        lines.append(f"left out: {len(left_out)} page(s) explaining a notice (genre 解读: {shown}): no notice, no "
                     "measures, neither adopting nor omitting anything")
    if events:
        if skipped is None:  # the rows at hand; a streamed output counts them as they go (Tally)
            skipped = sum(r["lag_days"] is None for r in result["adoptions"])
        lines.append(f"events: time = days after {ref['day']}; {skipped} undated or predating adoptions left out")
    return lines


# ------------------------------------------------------------------ a notice against its parent



def parent_diff(record: Record, parent: Record, frame_entries: list[dict], forwarded: bool = False) -> list[dict]:
    """``record`` against the notice it implements, through the frame: per entry either covers,
    ``added`` (the notice only), ``dropped`` (the parent only) or ``kept`` — for a notice that
    forwards its parent (``forwarded``: 现将《…》转发给你们), an entry only the parent covers is
    ``forwarded, not restated`` (the forwarded text carries it; the notice adds no words of its own); for kept entries the
    targets of the same indicator compared — ``strengthened`` / ``weakened`` / ``same`` — and the
    lead and 责任 units each side prints (``responsibility``: same / narrower / wider / different, or
    "not comparable" where a side has only inferred or implied units: ``diff.responsibility_between``).
    Each row quotes both sides."""
    from .diff import responsibility_between, shown, target_change

    prepared = PreparedFrame(frame_entries)
    mine = {r["frame_id"]: r for r in notice_adoptions(record, frame_entries, prepared)[0]}
    theirs = {r["frame_id"]: r for r in notice_adoptions(parent, frame_entries, prepared)[0]}
    rows = []
    for entry in frame_entries:
        here, there = mine.get(entry["id"]), theirs.get(entry["id"])
        if not here and not there:
            continue
        state = "kept" if here and there else "added" if here else FORWARDED if forwarded else "dropped"
        changes = [f"{target_change(a._asdict(), b._asdict())}: {_fmt(a)} → {_fmt(b)}"
                   for a in _about(entry, there) for b in _about(entry, here)
                   if _same_indicator(a, b)] if state == "kept" else []
        before, after = _units(there), _units(here)
        moved = responsibility_between(before, after) if state == "kept" else None
        rows.append({"frame_id": entry["id"], "entry": entry["label"], "state": state,
                     "targets": "; ".join(changes), "responsibility": moved or "",
                     "leads": f"{shown(before) or '—'} → {shown(after) or '—'}" if moved else "",
                     "notice": f"{here['path'] or ''} {here['quote']}".strip() if here else "",
                     "parent": f"{there['path'] or ''} {there['quote']}".strip() if there else ""})
    return rows


PARENT_DIFF_COLUMNS = ["frame_id", "entry", "state", "targets", "responsibility", "leads", "notice", "parent"]


def _units(row: dict | None) -> list[dict]:
    """A side's lead and 责任 functions with their provenance, as ``diff`` reads an entry's units
    (:func:`diff.lead_units`), so that the same comparison — printed units only, "not comparable"
    where a side has none printed — serves both."""
    from .diff import lead_units

    return lead_units([{"units": [u._asdict() for u in (row or {}).get("units", [])]}])


def _about(entry: dict, row: dict | None) -> list[TargetShown]:
    """The targets a row compares for ``entry``: every target of its own items; of a sentence it shares with
    other topics (a goals sentence: 病种达到30种，签约服务率稳定在95%以上), those whose indicator names the
    entry (its cue phrases) — 病种 30→34 is 大病专项救治's change, not 家庭医生签约服务's."""
    if not row:
        return []
    if row["where"] == OWN_ITEM:
        return list(row.get("targets") or [])
    cues = cue_pattern(entry)  # an indicator as printed in traditional characters read in simplified, as cues are
    return [t for t in row.get("targets") or [] if cues is not None and cues.search(simplified_query(t.indicator))]


def _same_indicator(a: TargetShown, b: TargetShown) -> bool:
    """Two targets state the same indicator: the same unit and measured noun (…率, …比例), or — a count
    with no such noun (30种 病种) — nearly the same words."""
    from rapidfuzz import fuzz

    from .standards import comparable, measure_head

    first, second = simplified_query(a.indicator), simplified_query(b.indicator)  # as printed: 覆蓋率 is 覆盖率
    if not comparable(first, a.unit, {"unit": b.unit, "indicator": second, "text": second}):
        return False
    return measure_head(first) is not None or fuzz.partial_ratio(first, second) >= 80


def _fmt(t: TargetShown) -> str:
    symbol = {">=": "≥", "<=": "≤", "=": ""}.get(t.comparator or "", t.comparator or "")
    value = int(t.value) if float(t.value).is_integer() else t.value
    return f"{symbol}{value}{t.unit}"


TERMINAL_COLUMNS = ["entry", "notice", "date", "lag", "where", "quote", "units", "parent"]


def terminal_table(result: dict) -> tuple[list[dict], list[str]]:
    """The terminal's narrower view of :func:`adoption_table`: one row per adoption, the notice with
    its level and 文号, the lag or why there is none, the quote, the units, the parent's state."""
    table = []
    for r in result["adoptions"]:
        lag = f"+{r['lag_days']} d" if r["lag_days"] is not None else r["timing"]
        table.append({"entry": f"{r['frame_id']} {r['label']}",
                      "notice": f"{r['locality'] or r['doc_id']} ({r['level'] or 'level unknown'})\n"
                                f"{r['doc_number'] or r['doc_id']}",
                      "date": r["issue_date"] or DATE_UNKNOWN, "lag": lag,
                      "where": f"{r['where']}\n{r['path'] or ''}".strip(),
                      "quote": f"{r['quote']} [{'、'.join(r['matched_terms'])}]",
                      "units": units_cell(r["units"]).replace("; ", "\n") + _named_at(r) + _others_shown(r),
                      "parent": f"{r['from_parent']}" + (f"\n{r['parent_name']}" if r["parent"].get("in_corpus") else "")})
    return table, TERMINAL_COLUMNS


def _named_at(row: dict) -> str:
    """Where the row's units are printed, when its quote does not show it (the terminal)."""
    return f"\n(named at: {row['units_quote']})" if row.get("units_quote") else ""


def _others_shown(row: dict) -> str:
    """The units the covering item prints beside its other clauses, under the row's own (the terminal)."""
    others = units_cell(row.get("other_clause_units", ()))
    return f"\n(other clauses: {others})" if others else ""


def _number(value: float) -> float | int:
    """518.0 → 518 (a median of two lags may end in .5, not otherwise)."""
    return int(value) if float(value).is_integer() else value
