"""Researchers' questions: who is responsible for X, and what is unit U responsible for.

Search works for Chinese: FTS5 with the trigram tokenizer for terms of three or
more characters, a parameterised LIKE for one- and two-character terms (医保,
民政). Query strings are never pasted into SQL; FTS syntax characters are
neutralised by quoting each term as an FTS phrase.
"""

from __future__ import annotations

import heapq
import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from . import patterns as P
from . import store
from .canonical import division_names, expand_unit_list, function_of
from .compare.clauses import UNIT_REACH, other_clause_cell, quote_bounds, row_line, units_of_clause
from .compare.genre import INTERPRETATION
from .models import provenance
from .resources import load_json
from .textutils import level_rank

if TYPE_CHECKING:  # the database comes from store.open_db, which imports sqlite-utils without pandas
    import sqlite_utils

MAX_QUERY = 200
TITLE_WEIGHT = 5.0
SYNONYM_WEIGHT = 0.6


class QueryError(ValueError):
    """A query that cannot be answered as given (empty, too long)."""


def clean_query(text: str) -> str:
    """Strip a query to its searchable characters; refuse empty or huge ones."""
    text = (text or "").strip()
    if not text:
        raise QueryError("empty query: give a topic such as 先诊疗后付费 or 医保")
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long ({len(text)} characters, at most {MAX_QUERY})")
    return text


EXACT, LOOSE = "exact", "loose"
LOOSE_WEIGHT = 0.4


def topic_terms(topic: str, extra: dict[str, list[str]] | None = None) -> list[tuple[str, str, float]]:
    """(term, exact/loose, weight) for a topic: the topic, its synonyms and narrower
    words (data/synonyms.json) as exact terms; related words and the frame's key
    terms as loose ones.

    >>> [t for t, match, _ in topic_terms("两癌") if match == "exact"]
    ['两癌', '宫颈癌', '乳腺癌', '两癌筛查']
    """
    data = load_json("synonyms.json")
    terms: dict[str, tuple[str, float]] = {topic: (EXACT, 1.0)}
    for group in data["groups"]:
        kind = _group_match(group, topic)
        if kind:
            for member in group:
                terms.setdefault(member, (kind, SYNONYM_WEIGHT if kind == EXACT else LOOSE_WEIGHT))
    for word, narrower in data.get("narrower", {}).items():
        if _group_match([word], topic) == EXACT:
            for member in narrower:
                terms.setdefault(member, (EXACT, SYNONYM_WEIGHT))
    # the frame's key terms are machine-made, words of the headings that carry an entry
    # (精细化, 低收入 beside 大病专项救治; 发展 beside 远程医疗): one widens a search only when
    # it is about the topic (shares two characters in a row with it) and is not a bare
    # two-character word (诊疗, 专项: in half the corpus, and a LIKE scan each)
    related = data.get("related", []) + [
        [label, *(k for k in keys if len(k) >= 3 and _shares_bigram(k, topic))] for label, keys in (extra or {}).items()]
    for group in related:
        if _group_match(group, topic):
            for member in group:
                terms.setdefault(member, (LOOSE, LOOSE_WEIGHT))
    generic = data.get("generic", [])
    return [(t, kind, w) for t, (kind, w) in terms.items()
            if t.strip() and (kind == EXACT or shares_specific(t, topic, generic))]


def shares_specific(term: str, topic: str, generic: list[str]) -> bool:
    """Whether ``term`` and ``topic`` print a common run of two characters or more that is not
    part of a generic word (健康, 医疗, 公共卫生: data/synonyms.json): only then does a related
    word widen a search.

    >>> shares_specific("远程帮扶", "远程医疗", ["医疗", "帮扶"]), shares_specific("健康教育", "健康素养", ["健康"])
    (True, False)
    """
    for size in range(min(len(term), len(topic)), 1, -1):
        for i in range(len(term) - size + 1):
            run = term[i:i + size]
            if run in topic and not any(run in word for word in generic):
                return True
    return False


def _group_match(group: list[str], topic: str) -> str | None:
    """EXACT when the topic is a member (or one with at most two characters more or less:
    家庭医生签约服务 ~ 家庭医生签约); LOOSE when it only contains one (公共卫生委员会 ⊃ 公共卫生)."""
    kind = None
    for member in group:
        if member == topic or (len(member) >= 2 and (member in topic or topic in member)
                               and abs(len(member) - len(topic)) <= 2):
            return EXACT
        if len(member) >= 2 and member in topic:
            kind = LOOSE
    return kind


def expand_terms(topic: str, extra: dict[str, list[str]] | None = None) -> list[tuple[str, float]]:
    """The topic plus its synonyms and related words, as (term, weight).

    >>> [t for t, _ in expand_terms("家庭医生签约")][:3]
    ['家庭医生签约', '家签', '家庭医生签约服务']
    """
    return [(t, w) for t, _, w in topic_terms(topic, extra)]


def _shares_bigram(term: str, topic: str) -> bool:
    return any(term[i:i + 2] in topic for i in range(len(term) - 1))


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + re.sub(r"([%_!])", r"!\1", term) + "%"


# kind of place → (table, searched columns, select list giving doc_id, path, title, text, start,
# position, extra); a sentence's kind is the part it stands in (preamble, goal, annex, section)
PLACES = {
    "measure": ("measures", ["title", "text"], "doc_id, path, title, text, start, position, id"),
    "goal": ("goals", ["text"], "doc_id, path, heading, text, start, -1, null"),
    "indicator": ("annex_indicators", ["indicator"],
                  "doc_id, '附件/指标/' || no, indicator, indicator, start, 3000 + no, binding"),
    "task_row": ("task_rows", ["task"], "doc_id, '附件/表/' || no, task, task, start, 1000 + no, "
                 "json_array(lead, coalesce(support, '[]'), coalesce(responsible, '[]'), coalesce(office, '[]'), end)"),
    # a duty clause's title is the clause as printed (its own 负责 / 負責 / 要 / ：), read from the notice's text
    "duty": ("duties", ["duty"], "doc_id, path, (select substr(t.text, duties.start + 1, duties.end - duties.start) "
             "from texts t where t.doc_id = duties.doc_id), duty, start, 2000 + position, unit"),
    "sentence": ("sentences", ["text"], "doc_id, path, heading, text, start, 4000 + position, kind"),
}
PLACE_WEIGHT = {"measure": 1.0, "goal": 0.9, "indicator": 0.9, "task_row": 0.9, "duty": 0.8,
                "preamble": 0.7, "annex": 0.8, "section": 0.7}
# matches of one word in one table listed to learn which documents hold them; a word printed more
# often than this is common, and the documents are read down the ladder instead until enough answers
SEARCH_CAP = 1000
FIRST_SEARCHED = 8  # documents a search reads first; then twice as many each time
# documents read down the ladder before a search lists the rest from the index instead (a word
# printed often, but only far down the ladder: the notices above it hold nothing)
WALK_BUDGET = 1000


def _score(title: str, text: str, terms) -> tuple[float, str | None, str | None]:
    """(score, match: exact/loose/None, first term found): exact terms outrank loose ones."""
    score, match, first = 0.0, None, None
    for term, kind, weight in terms:
        count = text.count(term) + (term in title and term not in text)
        if not count:
            continue
        score += (TITLE_WEIGHT * weight if term in title else 0) + min(count, 3) * weight
        if match != EXACT:
            match, first = kind, term
    return score, match, first


def evidence_span(text: str, start: int, term: str | None, searched: str | None = None,
                  at: int | None = None) -> tuple[str, list[int]]:
    """The sentence of a measure that contains ``term`` (or the offset ``at``), with its document
    span (``searched``: the text as searched, the same length, when it differs from the text as printed);
    a unit's bracket whole with its label (``clauses.quote_bounds``).

    >>> evidence_span("措施。(责任单位:\\n州医保局、州卫健委)", 0, "州医保局")[0]
    '(责任单位:\\n州医保局、州卫健委)'
    """
    if at is None:
        at = max((searched or text).find(term) if term else 0, 0)
    left, right = quote_bounds(text, at)
    return text[left:right], [start + left, start + right]


def who(db: sqlite_utils.Database, topic: str, doc_id: str | None = None, level: str | None = None,
        role: str | None = None, extra_terms=None, limit: int = 200, exact: bool = False) -> list[dict]:
    """Every place that speaks of ``topic`` — measures, 主要目标 paragraphs, annex
    indicators, task-table rows, duty clauses and any other sentence (a preamble's goal
    list, an annex's prose) — each once, with its units; in either script (a notice printed
    in traditional characters is searched in its simplified rendering and quoted as printed).

    Each answer: doc_id, doc_number, locality, level, issue_date, kind (measure / goal /
    indicator / task_row / duty / preamble / annex / section), path, title, units [{raw, role,
    source, canonical, function}], evidence, span, match (exact: the topic, a synonym or a
    narrower word is printed there; loose: only a related word), matched (the word), score.
    Exact answers come first, grouped down the ladder (national → county) and by date, best
    first within a document; loose ones follow in the same order. The first ``limit`` of that
    order are found without reading the rest: the documents holding a rare word are listed
    from the index, a common word's documents are read down the ladder until ``limit``
    answers are found. ``exact`` drops the loose ones.
    """
    from .traditional import simplified_query

    topic = simplified_query(clean_query(topic))
    terms = [t for t in topic_terms(topic, extra_terms) if not exact or t[1] == EXACT]
    seen: set = set()
    answers = _answers_about(db, terms, [t for t, kind, _ in terms if kind == EXACT], doc_id, level, role, limit,
                             seen)
    if len(answers) < limit and not exact:  # loose answers rank below every exact one: only to fill up
        answers += _answers_about(db, terms, [t for t, kind, _ in terms if kind == LOOSE], doc_id, level, role,
                                  limit - len(answers), seen)
    answers = sorted(answers, key=lambda a: (a["match"] != EXACT, *ladder_key(a), -a["score"], a["position"]))
    _quote_rows(db, answers)
    _quote_units(db, answers)
    return _with_genre(db, answers)


def _quote_units(db, answers: list[dict]) -> None:
    """Each answer unit's ``evidence`` and ``evidence_span``: what prints it — for a measure's unit the
    sentence or bracket around its name, label with it (the item's heading sentence, quoted as the answer's
    evidence, seldom prints its 责任单位); for a task table's unit the row's line, where it prints the name; for
    a duty clause's unit the clause. A unit whose place is not known is given none (never a guess).
    One window of text an answer, all read in one query; the names of one bracket quoted once."""
    wanted: list[tuple[dict, list[tuple[dict, int, bool]]]] = []  # (answer, [(unit, offset, a row's line?)])
    for a in answers:
        places = []
        for u in [*a["units"], *a.get("other_clause_units", [])]:
            if a["kind"] == "duty":
                u["evidence"], u["evidence_span"] = a["evidence"], a["span"]
            elif a["kind"] == "measure" and u.get("start") is not None:  # a task table's unit: its row's line
                places.append((u, u["start"], u["source"] == "task_table"))
            elif a["kind"] == "task_row":  # the row's own line (its last), else the merged cell's line above it
                places.extend([(u, a["span"][1] - 1, True), (u, a["span"][0], True)])
        if places:
            wanted.append((a, places))
    reach = [(a["doc_id"], max(0, min(at for _, at, _ in places) - _QUOTE_REACH),
              max(at for _, at, _ in places) + _QUOTE_REACH) for a, places in wanted]
    quoted: set[int] = set()  # the units given their quote (a task row's unit: its own line before the one above)
    for (_, places), (_, left, _), window in zip(wanted, reach, store.text_windows(db, reach)):
        found: dict[tuple[int, int], bool] = {}  # (start, end) in the window → a row's line
        for u, at, row in places:
            at -= left
            if not window or at >= len(window):
                continue
            bounds = next((b for b, is_row in found.items() if is_row == row and b[0] <= at < b[1]), None)
            if bounds is None:
                bounds = row_line(window, at) if row else quote_bounds(window, at)
                found[bounds] = row
            quote = window[bounds[0]:bounds[1]]
            if (row and u["raw"] not in quote) or id(u) in quoted:  # quoted already: its row's own line
                continue
            quoted.add(id(u))
            u["evidence"], u["evidence_span"] = quote.strip(), _stripped_span(quote, [left + bounds[0], left + bounds[1]])


def _quote_rows(db, answers: list[dict]) -> None:
    """A task row's evidence as printed: its task where the text prints it so, else its cells — a category cell
    merged over the rows below (做实家庭医生签约服务 ⏎ 4\t\t重点人群…), which the row's task joins with ：
    — each as printed, joined by …; the span runs over the row's reach (the merged cell to its own line)."""
    rows = [a for a in answers if a["kind"] == "task_row"]
    for a, window in zip(rows, store.text_windows(db, [(a["doc_id"], *a["span"]) for a in rows])):
        if not window or window.startswith(a["evidence"]):
            a["span"] = [a["span"][0], a["span"][0] + len(a["evidence"])] if window else a["span"]
            continue
        pieces, at = [], 0
        for piece in a["evidence"].split("："):
            found = window.find(piece, at)
            if found < 0:
                break
            pieces.append(piece)
            at = found + len(piece)
        else:  # every cell found in order
            a["evidence"] = "…".join(pieces)
            a["span"] = [a["span"][0], a["span"][0] + at]


def _stripped_span(quote: str, span: list[int]) -> list[int]:
    """``span`` of ``quote`` without the spaces and line breaks at its ends."""
    return [span[0] + len(quote) - len(quote.lstrip()), span[1] - len(quote) + len(quote.rstrip())]


def _with_genre(db, answers: list[dict]) -> list[dict]:
    """Each answer with ``genre``: 解读 where it comes from a page that explains a notice (no notice: said in
    every output), else None."""
    explaining = store.interpretation_ids(db, {a["doc_id"] for a in answers}) if answers else set()
    for a in answers:
        a["genre"] = INTERPRETATION if a["doc_id"] in explaining else None
    return answers


def _answers_about(db, terms, words: list[str], doc_id, level, role, limit: int, seen: set) -> list[dict]:
    """The first ``limit`` answers (down the ladder, best first within a document) among the
    places that print one of ``words``, scored by every term of the topic."""
    answers: list[dict] = []
    if not words or limit <= 0:
        return answers
    def walk_ends(read: int) -> bool:
        return _walk_ends(read, len(answers), limit)

    for docs in _document_chunks(db, words, doc_id, level, walk_ends):
        found = []
        for kind in PLACES:
            for place in _places_in(db, kind, words, docs):
                doc = docs[place[1]]
                title, text = (_simplified(place[3]), _simplified(place[4])) if doc["script"] else place[3:5]
                score, match, first = _score(title, text, terms)
                if match:
                    found.append((match, score * PLACE_WEIGHT[place[0]], place, first))
        order = {d: i for i, d in enumerate(docs)}
        found.sort(key=lambda f: (order[f[2][1]], -f[1], f[2][6]))
        answers += _best_answers(db, docs, found, role, limit - len(answers), seen)
        if len(answers) >= limit:
            break
    return answers


def _as_printed_in(quote: str, term: str | None) -> str | None:
    """``term`` (simplified) as ``quote`` (a notice printed in traditional characters) prints it: 先诊疗后付费 →
    先診療後付費 — what matched, said in the characters of the evidence beside it; as given where not found."""
    if not term or term in quote:
        return term
    simplified = _simplified(quote)
    at = simplified.find(term) if len(simplified) == len(quote) else -1
    return quote[at:at + len(term)] if at >= 0 else term


def _simplified(value):
    from .traditional import to_simplified

    return to_simplified(value) if isinstance(value, str) else value


def _walk_ends(read: int, answered: int, limit: int) -> bool:
    """Whether a walk down the ladder that has read ``read`` documents for ``answered`` answers
    would read more than WALK_BUDGET before it has ``limit`` (at the rate seen so far)."""
    if read < 2 * FIRST_SEARCHED:
        return False
    return read + (limit - answered) * read / max(answered, 0.5) > WALK_BUDGET


def _document_chunks(db, words: list[str], doc_id: str | None, level: str | None, walk_ends=None):
    """The documents that may hold ``words``, down the ladder, a few at a time (id → document):
    the one asked for; else those the search index lists for the words; else (a word printed
    more than :data:`SEARCH_CAP` times in one kind of place) every document, read through the
    ladder's index — and, when that would read more than :data:`WALK_BUDGET` documents before
    enough answers (``walk_ends``: a common word printed only far down the ladder), the rest of
    those the index lists. A word of one or two characters (no trigram) is taken for a common one."""
    if doc_id:
        yield _documents(db, [doc_id], level)
        return
    listed = _documents_holding(db, words, cap=SEARCH_CAP) if all(len(w) >= 3 for w in words) else None
    size, offset = FIRST_SEARCHED, 0
    walked: set[str] = set()
    while True:
        if listed is None and walk_ends and walk_ends(offset):
            listed = [d for d in _every_document_holding(db, words) if d not in walked]
            offset = 0
        if listed is not None:
            docs = _documents(db, listed[offset:offset + size], level) if offset < len(listed) else {}
            done = offset + size >= len(listed)
        else:
            docs = _documents_down_the_ladder(db, level, size, offset)
            walked.update(docs)
            done = len(docs) < size
        if docs:
            yield docs
        if done:
            return
        offset, size = offset + size, size * 2


def _documents_holding(db, words: list[str], cap: int | None) -> list[str] | None:
    """Ids of the documents printing one of ``words`` in a place `who` searches, down the ladder;
    None when a word is printed more than ``cap`` times in one kind of place."""
    doc_ids: set[str] = set()
    for table, columns, _ in PLACES.values():
        rowids: set[int] = set()
        for word in words:
            found = _probe(db, table, columns, word, cap)
            if cap is not None and len(found) > cap:
                return None
            rowids.update(found)
        if rowids:
            doc_ids.update(r[0] for r in db.execute(
                f"select distinct doc_id from [{table}] where rowid in (select value from json_each(?))",
                [json.dumps(sorted(rowids))]))
    return [r[0] for r in db.execute(
        f"select id from documents where id in (select value from json_each(?)) order by {store.LADDER_ORDER_SQL}",
        [json.dumps(sorted(doc_ids))])]


def _every_document_holding(db, words: list[str]) -> list[str]:
    """Ids of every document printing one of ``words`` in a place `who` searches, down the ladder,
    in one statement: the matching rows' documents, read through the ladder's index."""
    holding, args = [], []
    forms = {w: [w] + ([_traditional(w)] if len(w) < 3 and _has_traditional(db) and _traditional(w) != w else [])
             for w in words}
    for table, columns, _ in PLACES.values():
        for word in words:
            if len(word) >= 3:
                holding.append(f"select t.doc_id from [{table}_fts] f join [{table}] t on t.rowid = f.rowid "
                               f"where [{table}_fts] match ?")
                args.append(f"{{{' '.join(columns)}}} : {_fts_phrase(word)}")
            else:
                holding.append(f"select doc_id from [{table}] where "
                               + " or ".join(f"[{c}] like ? escape '!'" for c in columns for _ in forms[word]))
                args += [_like(f) for _ in columns for f in forms[word]]
    return [r[0] for r in db.execute(f"select id from documents where id in ({' union '.join(holding)}) "
                                     f"order by {store.LADDER_ORDER_SQL}", args)]


def _probe(db, table: str, columns: list[str], word: str, cap: int | None) -> list[int]:
    """Rowids of ``table`` printing ``word``, at most ``cap`` + 1 of them (None: all), in the index's
    order (no ranking): the trigram index for three characters or more, else a LIKE scan, which also
    looks for the word's traditional form where the database holds traditional notices."""
    limit = f" limit {cap + 1}" if cap is not None else ""
    if len(word) >= 3:
        match = f"{{{' '.join(columns)}}} : {_fts_phrase(word)}"
        return [r[0] for r in db.execute(f"select rowid from [{table}_fts] where [{table}_fts] match ?{limit}", [match])]
    forms = [word] + ([_traditional(word)] if _has_traditional(db) and _traditional(word) != word else [])
    where = " or ".join(f"[{column}] like ? escape '!'" for column in columns for _ in forms)
    return [r[0] for r in db.execute(f"select rowid from [{table}] where {where}{limit}",
                                     [_like(f) for _ in columns for f in forms])]


def _traditional(word: str) -> str:
    from .traditional import traditional_forms

    return traditional_forms(word)


def _has_traditional(db) -> bool:
    """Whether a stored notice is printed in traditional characters (a look at a partial index)."""
    return bool(db.execute("select exists (select 1 from documents where script = 'traditional')").fetchone()[0])


_DOCUMENT_COLUMNS = "id, locality, admin_level, issue_date, doc_number, script"
_DOCUMENT_COLUMNS_D = ", ".join(f"d.{c}" for c in _DOCUMENT_COLUMNS.split(", "))


def _documents_down_the_ladder(db, level: str | None, size: int, offset: int) -> dict[str, dict]:
    """``size`` documents from the ``offset``-th down the ladder, read through its index (no sort)."""
    where = f"where {store.LADDER_RANK_SQL} = ? and admin_level = ? " if level else ""
    args = [P.ADMIN_LEVELS.index(level) if level in P.ADMIN_LEVELS else len(P.ADMIN_LEVELS), level] if level else []
    rows = db.execute(f"select {_DOCUMENT_COLUMNS} from documents {where}order by {store.LADDER_ORDER_SQL} "
                      "limit ? offset ?", [*args, size, offset])
    return {r[0]: _document(r) for r in rows}


def _places_in(db, kind: str, words: list[str], docs: dict[str, dict]) -> list[tuple]:
    """(kind, doc_id, path, title, text, start, position, extra) of ``kind`` in ``docs`` printing
    one of ``words`` (a notice printed in traditional characters: in its simplified rendering)."""
    table, columns, select = PLACES[kind]
    plain = [d for d, doc in docs.items() if not doc["script"]]
    rows = []
    if plain:
        printing = " or ".join(f"instr([{column}], ?) > 0" for column in columns for _ in words)
        rows += db.execute(f"select {select} from [{table}] where doc_id in (select value from json_each(?)) "
                           f"and ({printing})", [json.dumps(plain), *(w for _ in columns for w in words)]).fetchall()
    traditional = [d for d in docs if d not in plain]
    if traditional:
        for row in db.execute(f"select {select} from [{table}] where doc_id in (select value from json_each(?))",
                              [json.dumps(traditional)]):
            searched = _simplified(row[3]) + "\n" + _simplified(row[2]) if kind == "measure" else _simplified(row[3])
            if any(w in searched for w in words):
                rows.append(row)
    return [(row[6] if kind == "sentence" else kind, *row) for row in rows]


def ladder_key(answer: dict) -> tuple:
    """Down the ladder (national → province → prefecture → county), then by date."""
    return level_rank(answer["level"]), answer["issue_date"] or "", answer["doc_id"]


def _place_answer(db, docs, place, role, match, first, score) -> dict | None:
    kind, doc_id, path, title, text, start, position, extra = place
    units = _place_units(db, kind, doc_id, extra, role)
    if role and not units:
        return None
    if kind == "measure" or position == -1:  # a measure or a goal paragraph: the sentence that prints it
        searched = _simplified(text) if docs[doc_id]["script"] else None
        quote, span = evidence_span(text, start, first, searched)
    elif kind == "duty":  # the clause as printed, unit and verb with it: its span is the clause's
        quote, span = title, [start, start + len(title)]
    elif kind == "task_row":  # the row's reach (its own line; a merged cell above it): _quote_rows quotes it
        quote, span = text, [start, max(start + len(text), json.loads(extra)[-1] or 0)]
    else:  # a sentence: the whole of it
        quote, span = text, [start, start + len(text)]
    others: list[dict] = []
    if kind == "measure":
        units, others = units_of_clause(units, [span])
    answer = _answer(docs[doc_id], kind, path, title, units, quote, span, score, position)
    answer.update(match=match, matched=_as_printed_in(quote, first) if docs[doc_id]["script"] else first)
    if others:
        answer["other_clause_units"] = others
    return answer


def _place_units(db, kind, doc_id, extra, role) -> list[dict]:
    if kind == "measure":
        return _measure_units(db, extra, role)
    if kind == "task_row":  # its unit columns, each in its role
        columns = [json.loads(column) for column in json.loads(extra)[:len(TASK_ROW_ROLES)]]  # then its end
        return [u for r, raws in zip(TASK_ROW_ROLES, columns) if role in (None, r)
                for u in _units_as(db, doc_id, raws, r, "task_table")]
    if kind == "duty" and role in (None, "responsible"):
        # the clause quoted prints its unit: printed there (attached to a measure, it is inferred)
        return [dict(u, provenance="printed") for u in
                _units_as(db, doc_id, expand_unit_list(extra), "responsible", "duty_paragraph")]
    return []


TASK_ROW_ROLES = ("lead", "support", "responsible", "office")  # the order of the task_row select's json_array


def _best_answers(db, docs, found, role, limit: int, seen: set) -> list[dict]:
    """The first ``limit`` answers of ``found`` (in answer order), each place once (``seen``:
    the places already answered); units and evidence only for those. A measure that is only the
    frame of duty clauses (加强部门协作, no unit of its own) gives way to the clauses, which name the units."""
    duty_paths = {(place[1], place[2]) for _, _, place, _ in found if place[0] == "duty"}
    answers = []
    for match, score, place, first in found:
        key = place[:4]  # kind, doc_id, path, title
        if key in seen:
            continue
        seen.add(key)
        answer = _place_answer(db, docs, place, role, match, first, score)
        if answer is None or (place[0] == "measure" and not answer["units"] and (place[1], place[2]) in duty_paths):
            continue
        answers.append(answer)
        if len(answers) >= limit:
            break
    return answers


def _document(row) -> dict:
    return {"doc_id": row[0], "locality": row[1], "level": row[2], "issue_date": row[3], "doc_number": row[4],
            "script": row[5] == "traditional"}


def _documents(db, doc_ids: list[str], level: str | None) -> dict[str, dict]:
    """The documents ``doc_ids`` (of ``level`` only, when given), in the order given."""
    sql = (f"select {_DOCUMENT_COLUMNS_D} from json_each(?) j cross join documents d on d.id = j.value"
           + (" where d.admin_level = ?" if level else "") + " order by j.key")
    return {r[0]: _document(r) for r in db.execute(sql, [json.dumps(doc_ids), *([level] if level else [])])}


def _answer(doc, kind, path, title, units, quote, span, score, position) -> dict:
    doc = {k: v for k, v in doc.items() if k != "script"}
    return {**doc, "kind": kind, "path": path, "title": title, "units": units, "evidence": quote,
            "span": span, "score": round(score, 2), "position": position}


def _measure_units(db, measure_id: str, role: str | None) -> list[dict]:
    rows = db.execute(
        "select mu.unit, mu.role, mu.source, u.name, u.function, u.kind, mu.shared_terms, mu.start "
        "from measure_units mu "
        "left join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit "
        "left join units u on u.id = ua.unit_id where mu.measure_id = ? order by mu.position",
        [measure_id]).fetchall()
    units: dict = {}
    for r in rows:  # a unit named inline and again in the task table: once
        if not role or r[1] == role:
            units.setdefault((r[0], r[1]), {"raw": r[0], "role": r[1], "source": r[2],
                                            "provenance": provenance(r[2]), "canonical": r[3],
                                            "function": r[4], "kind": r[5],
                                            "shared_terms": r[6].split("、") if r[6] else [], "start": r[7]})
    return list(units.values())


def _canonical(db, doc_id: str, raw: str) -> tuple[str | None, str | None, str | None]:
    row = db.execute("select u.name, u.function, u.kind from unit_aliases ua join units u on u.id = ua.unit_id "
                     "where ua.doc_id = ? and ua.raw = ?", [doc_id, raw]).fetchone()
    return tuple(row) if row else (None, None, None)


def _units_as(db, doc_id: str, raws: list[str], role: str, source: str) -> list[dict]:
    """Answer units for raw strings of one document, with their canonical names."""
    units = []
    for raw in raws:
        name, function, kind = _canonical(db, doc_id, raw)
        units.append({"raw": raw, "role": role, "source": source, "provenance": provenance(source),
                      "canonical": name, "function": function, "kind": kind})
    return units


def unit_ids_for(db: sqlite_utils.Database, query: str) -> list[str]:
    """Canonical units a researcher's unit name means, by any name: as printed
    (市卫健局公卫科), canonical (神木市卫生健康局公卫科), a division's short or long name
    (公卫科 = 公共卫生科; 老年科 = 老龄科 = 老龄健康科), or a function (民政局, 医保 → every
    department of that function). Only when none of these names a unit, a unit whose
    name contains the query."""
    from .traditional import simplified_query

    printed = clean_query(query)
    query = simplified_query(printed)  # the names below are simplified; a notice's strings as printed
    forms = sorted({printed, query, *([_traditional(query)] if _has_traditional(db) else [])})
    ids = {r[0] for form in forms for r in db.execute("select unit_id from unit_aliases where raw = ? union "
                                                      "select id from units where name = ?", [form, form])}
    names = division_names(query) or division_names(_division_tail(query))
    if names:  # division ids end with the long name: div:<department id>:老龄健康科
        long_name = re.sub(r"([%_!])", r"!\1", names[-1])
        ids.update(r[0] for r in db.execute("select id from units where kind = 'division' and id like ? escape '!'",
                                            ["%:" + long_name]))
    found = function_of(query)
    prefix = query.removesuffix(found[1]) if found and query.endswith(found[1]) else ""
    levels = P.QUERY_LEVEL_PREFIX.get(prefix)
    if found and levels:  # 县卫健局: the function's departments of that level only, not the province's
        ids.update(r[0] for r in db.execute(
            "select id from units where function = ? and kind = 'department' and level in "
            f"({', '.join('?' for _ in levels)})", [found[0], *levels]))
    elif found and len(found[1]) >= len(query) - 1:  # the query is a function's name (民政局, 医保)
        ids.update(r[0] for r in db.execute(
            "select id from units where function = ? and kind = 'department'", [found[0]]))
    if not ids:
        printing = " or ".join("raw like ? escape '!'" for _ in forms)
        likes = [_like(f) for f in forms]
        ids.update(r[0] for r in db.execute(f"select id from units where {printing.replace('raw', 'name')}", likes))
        for raw in _strings_like(db, printing, likes):
            ids.update(r[0] for r in db.execute(  # each of its units once, not each notice that prints it
                "with recursive u(id) as (select min(unit_id) from unit_aliases where raw = ?1 union all select "
                "(select min(unit_id) from unit_aliases where raw = ?1 and unit_id > u.id) from u where u.id is not "
                "null) select id from u where id is not null", [raw]))
    return sorted(ids)


def _strings_like(db, printing: str, likes: list[str]) -> list[str]:
    """The distinct unit strings notices print that match ``printing``: each string once, by a skip
    through the index on unit_aliases.raw (a few thousand strings), not each notice's copy of it."""
    return [r[0] for r in db.execute(
        "with recursive names(raw) as (select min(raw) from unit_aliases union all select (select min(raw) "
        "from unit_aliases where raw > names.raw) from names where names.raw is not null) "
        f"select raw from names where {printing}", likes)]


def _division_tail(query: str) -> str:
    m = re.search(r"[^局委厅]{1,10}(?:科|处|室|办)$", query)
    return m.group(0) if m else ""


# SQL for the ladder's order (patterns.ADMIN_LEVELS), so that the database sorts and cuts
_LEVEL_RANK_SQL = "case d.admin_level " + " ".join(
    f"when '{level}' then {rank}" for rank, level in enumerate(P.ADMIN_LEVELS)) + f" else {len(P.ADMIN_LEVELS)} end"
_LADDER_SQL = f"{_LEVEL_RANK_SQL}, coalesce(d.issue_date, ''), d.id"  # ladder_key, as SQL
DUTIES_LIMIT = 50  # answers a duties query gives unless asked for more (0: all), as who gives 50


def duties(db: sqlite_utils.Database, unit: str, level: str | None = None, role: str | None = None,
           limit: int = DUTIES_LIMIT) -> list[dict]:
    """Everything a unit is responsible for, across documents and levels: measures
    that name it (inline or in the task table) and duty clauses. Each (document,
    path, unit) once; down the ladder, then by date and position; the first ``limit``
    (0: all), read a few documents at a time down the ladder until there are ``limit``."""
    ids = unit_ids_for(db, unit)
    if not ids:
        return []
    answers: list[dict] = []
    for named in _naming_chunks(db, ids, level, limit):
        rows = _measure_rows(db, [(doc_id, raw, unit_id) for doc_id, names in named.items()
                                  for raw, unit_id in names], role)
        answers += [{"doc_id": doc_id, "locality": locality, "level": admin_level, "issue_date": issue_date,
                     "doc_number": doc_number, "kind": "measure", "path": path, "title": title, "raw": raw,
                     "role": r, "source": source, "provenance": provenance(source), "canonical": name,
                     "function": function, "span": [start, end],
                     "position": position}
                    for (doc_id, path, title, raw, r, source, name, function, position, start, end, _,
                         locality, admin_level, issue_date, doc_number, _) in rows]
        seen = {(row[0], row[1], row[11]) for row in rows}
        for clause in [*(_duty_clauses_of(db, ids, named) if not role or role == "responsible" else []),
                       *_task_rows_of(db, ids, named, role)]:
            key = (clause["doc_id"], clause["path"], clause.pop("unit_id"))
            if key not in seen:
                seen.add(key)
                answers.append(clause)
        if limit and len(answers) >= limit:  # every later chunk's answers come after these
            break
    answers.sort(key=lambda a: (*ladder_key(a), a["position"]))
    answers = answers[:limit] if limit else answers
    _quote_where_named(db, answers)
    return _with_genre(db, answers)


_QUOTE_REACH = UNIT_REACH  # characters read on each side of a unit's name to find the sentence that prints it


def _quote_where_named(db, answers: list[dict]) -> None:
    """Each duties answer's evidence: what prints the unit — its sentence, its marker's bracket whole with its
    label; a task table's unit its row's line; an inferred unit its duty clause; an implied one the issuer's
    line; a duty clause itself as printed, its body with it (the title holds the duty only) — with its document
    span, read from the text around the unit (all answers in one query), not the whole text."""
    reach = [(a["doc_id"], a["span"][0], a["span"][1]) if a["kind"] == "duty" else
             (a["doc_id"], max(0, a["span"][0] - _QUOTE_REACH), a["span"][1] + _QUOTE_REACH) for a in answers]
    for a, (_, left, _), window in zip(answers, reach, store.text_windows(db, reach)):
        if not window:
            continue
        at = a["span"][0] - left
        if a["kind"] == "duty":
            quote, span = window, [left, left + len(window)]
        elif a["kind"] == "task_row":  # the row's own line; a unit merged from above: from that line to the row's
            own = row_line(window, a["span"][1] - 1 - left)
            first = own if a["raw"] in window[slice(*own)] else row_line(window, at)
            quote, span = window[first[0]:own[1]], [left + first[0], left + own[1]]
        elif a["source"] == "task_table" and a["raw"] in window[slice(*row_line(window, at))]:
            line = row_line(window, at)
            quote, span = window[slice(*line)], [left + line[0], left + line[1]]
        else:
            quote, span = evidence_span(window, left, None, None, at=at)  # as printed
        a["evidence"], a["evidence_span"] = quote.strip(), _stripped_span(quote, span)


FIRST_DOCUMENTS = 16  # documents a limited duties query reads first; then twice as many each time


def _naming_chunks(db, ids: list[str], level: str | None, limit: int):
    """The strings (raw, unit id) by which documents name the units ``ids``, a few documents at
    a time down the ladder (doc id → strings, in ladder order). The documents come from the
    alias index in ladder order (``unit_aliases.ladder``), one stream per unit merged, so that
    only the documents whose answers come first are read."""
    size = FIRST_DOCUMENTS if limit else 4096
    docs: list[str] = []
    for doc_id in _documents_naming(db, ids, level):
        docs.append(doc_id)
        if len(docs) >= size:
            yield _names_in(db, ids, docs)
            docs, size = [], size * 2
    if docs:
        yield _names_in(db, ids, docs)


def _documents_naming(db, ids: list[str], level: str | None):
    """Ids of the documents naming one of the units ``ids``, down the ladder, each once, read
    lazily: each unit's documents in ladder order from the index (unit_id, ladder), merged."""
    rank = (P.ADMIN_LEVELS.index(level) if level in P.ADMIN_LEVELS else len(P.ADMIN_LEVELS)) if level else None
    where = " and ladder > ? and ladder < ?" if level else ""
    bounds = [f"{rank}\t", f"{rank}\n"] if level else []  # this rank's keys: '3\t…' ('\n' follows '\t')
    streams = [map(tuple, db.conn.execute(  # tuples: a connection's row factory may give rows that do not sort
        f"select ladder, doc_id from unit_aliases where unit_id = ?{where} order by ladder", [unit_id, *bounds]))
        for unit_id in ids]
    last = None
    for _, doc_id in heapq.merge(*streams):
        if doc_id != last:
            last = doc_id
            yield doc_id


def _names_in(db, ids: list[str], docs: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The strings (raw, unit id) by which each of ``docs`` names one of the units ``ids``, in the
    order of ``docs`` (each document's aliases read through its key, not the unit's)."""
    named: dict[str, list[tuple[str, str]]] = {}
    for doc_id, raw, unit_id in db.execute(
            "select a.doc_id, a.raw, a.unit_id from json_each(?) j cross join unit_aliases a on a.doc_id = j.value "
            "where a.unit_id in (select value from json_each(?)) order by j.key", [json.dumps(docs), json.dumps(ids)]):
        named.setdefault(doc_id, []).append((raw, unit_id))
    return named


def _measure_rows(db, names: list[tuple[str, str, str]], role: str | None) -> list[tuple]:
    # a unit named inline and in the task table, or twice in one measure: once (its first mention)
    return db.execute(
        "select mu.doc_id, m.path, m.title, mu.unit, mu.role, mu.source, u.name, u.function, m.position, "
        "mu.start, mu.end, u.id, d.locality, d.admin_level, d.issue_date, d.doc_number, min(mu.position) "
        "from json_each(?) n cross join measure_units mu "
        "on mu.doc_id = json_extract(n.value, '$[0]') and mu.unit = json_extract(n.value, '$[1]') "
        "join units u on u.id = json_extract(n.value, '$[2]') "
        "join measures m on m.id = mu.measure_id join documents d on d.id = mu.doc_id"
        + (" where mu.role = ?" if role else "")
        + f" group by mu.doc_id, m.path, u.id order by {_LADDER_SQL}, m.position, u.id",
        [json.dumps(names, ensure_ascii=False), *([role] if role else [])]).fetchall()


def _duty_clauses_of(db, ids: list[str], named: dict[str, list[tuple[str, str]]]) -> list[dict]:
    """Duty clauses of the documents of ``named`` (down the ladder) naming one of the units
    ``ids``: a clause whose units mention a string a document names them by (the clause lists
    农业农村、住房城乡建设等部门: looked for by stem), then each of its units read against the
    document's strings."""
    stems = {re.sub(r"(部门|单位)$", "", raw) or raw for names in named.values() for raw, _ in names}
    clauses = db.execute(
        "select c.doc_id, c.position, c.unit, c.duty, c.path, c.start, c.end, d.locality, d.admin_level, "
        "d.issue_date, d.doc_number from json_each(?) j cross join duties c on c.doc_id = j.value "
        "join documents d on d.id = c.doc_id order by j.key, c.position", [json.dumps(list(named))])
    marks = ",".join("?" * len(ids))
    units = {u: (name, function) for u, name, function in db.execute(
        f"select id, name, function from units where id in ({marks})", ids)}
    answers: list[dict] = []
    for doc_id, position, unit_text, duty, path, start, end, locality, admin_level, issue_date, doc_number in clauses:
        if not any(stem in unit_text for stem in stems):
            continue
        strings = {raw: unit_id for raw, unit_id in named[doc_id] if unit_id in units}
        for raw in expand_unit_list(unit_text):
            if raw in strings:
                name, function = units[strings[raw]]
                answers.append({"doc_id": doc_id, "locality": locality, "level": admin_level, "issue_date": issue_date,
                                "doc_number": doc_number, "kind": "duty", "path": path or "部门职责", "title": duty,
                                "raw": raw, "role": "responsible", "source": "duty_paragraph",
                                "provenance": "printed", "canonical": name,  # in the clause quoted
                                "function": function, "span": [start, end], "position": 2000 + position,
                                "unit_id": strings[raw]})
    return answers


def _task_rows_of(db, ids: list[str], named: dict[str, list[tuple[str, str]]], role: str | None) -> list[dict]:
    """Rows of the task tables of the documents of ``named`` that stand apart from any measure (a notice that is
    only a task table), printing one of the units ``ids`` in a unit column (牵头单位 / 配合单位 / 责任单位 / 责任科室,
    a merged cell read down to the rows below it): the unit answers for the row's task in that column's role (a
    row joined to a measure answers through the measure)."""
    rows = db.execute(
        "select r.doc_id, r.no, r.task, r.lead, r.support, r.responsible, r.office, r.start, r.end, d.locality, "
        "d.admin_level, d.issue_date, d.doc_number from json_each(?) j cross join task_rows r on r.doc_id = j.value "
        "join documents d on d.id = r.doc_id where coalesce(r.measure_path, '') = '' order by j.key, r.no",
        [json.dumps(list(named))])
    marks = ",".join("?" * len(ids))
    units = {u: (name, function) for u, name, function in db.execute(
        f"select id, name, function from units where id in ({marks})", ids)}
    answers: list[dict] = []
    for doc_id, no, task, *columns, start, end, locality, admin_level, issue_date, doc_number in rows:
        strings = {raw: unit_id for raw, unit_id in named[doc_id] if unit_id in units}
        for r, column in zip(TASK_ROW_ROLES, columns):
            for raw in json.loads(column or "[]") if role in (None, r) else []:
                if raw in strings:
                    name, function = units[strings[raw]]
                    answers.append({"doc_id": doc_id, "locality": locality, "level": admin_level,
                                    "issue_date": issue_date, "doc_number": doc_number, "kind": "task_row",
                                    "path": f"附件/表/{no}", "title": task, "raw": raw, "role": r,
                                    "source": "task_table", "provenance": provenance("task_table"),
                                    "canonical": name, "function": function, "span": [start, end],
                                    "position": 1000 + no, "unit_id": strings[raw]})
    return answers


def group_by_document(rows: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Answers by (match, document), in the order given."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        grouped[(row.get("match") or EXACT, row["doc_id"])].append(row)
    return dict(grouped)


ANSWER_COLUMNS = ["文号", "locality", "level", "date", "doc_id", "genre", "kind", "path", "title", "match", "matched",
                  "score", "role", "unit", "provenance", "canonical", "function", "evidence", "span",
                  "unit_evidence", "other_clause_units"]


def answer_rows(answers: list[dict]) -> list[dict]:
    """Flat rows, one per (answer, unit): what the command line's CSV and the browser show."""
    rows = []
    for a in answers:
        for u in a.get("units") or [a if "raw" in a else {}]:
            rows.append({"文号": a["doc_number"], "locality": a["locality"], "level": a["level"],
                         "date": a["issue_date"], "doc_id": a["doc_id"], "genre": a.get("genre") or "",
                         "kind": a["kind"], "path": a["path"],
                         "title": a["title"], "match": a.get("match"), "matched": a.get("matched"),
                         "score": a.get("score"), "role": u.get("role"), "unit": u.get("raw"),
                         "provenance": u.get("provenance") or (provenance(u["source"]) if u.get("source") else None),
                         "canonical": u.get("canonical"), "function": u.get("function"),
                         "evidence": a.get("evidence", ""), "span": f"{a['span'][0]}-{a['span'][1]}",
                         "unit_evidence": unit_evidence(u if "units" in a else a),
                         "other_clause_units": other_clause_units(a)})
    return rows


def unit_evidence(unit: dict) -> str:
    """``[302:321] （责任单位：州医保局、州卫健委）``: what prints a unit (a `who` answer's unit, a `duties` answer),
    with its span; '' where its place is not known."""
    span = unit.get("evidence_span")
    return f"[{span[0]}:{span[1]}] {unit['evidence']}" if span and unit.get("evidence") else ""


def other_clause_units(answer: dict) -> str:
    """``lead: 县卫健局; support: 县财政局``: units the item prints beside its other clauses, not the one quoted."""
    return other_clause_cell(answer.get("other_clause_units"))


def recall_precision(answers: list[dict], expected: dict[str, list[str]]) -> tuple[float, float]:
    """(recall, precision) of ``answers`` against the places (doc id → paths) where a
    topic is really spoken of."""
    wanted = {(doc_id, path) for doc_id, paths in expected.items() for path in paths}
    shown = {(a["doc_id"], a["path"]) for a in answers}
    hits = len(wanted & shown)
    return hits / len(wanted) if wanted else 1.0, hits / len(shown) if shown else 1.0
