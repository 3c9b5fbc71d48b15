"""Researchers' questions: who is responsible for X, and what is unit U responsible for.

Search works for Chinese: FTS5 with the trigram tokenizer for terms of three or
more characters, a parameterised LIKE for one- and two-character terms (医保,
民政). Query strings are never pasted into SQL; FTS syntax characters are
neutralised by quoting each term as an FTS phrase.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from . import patterns as P
from .canonical import division_names, expand_unit_list, function_of
from .models import provenance
from .resources import load_json
from .textutils import level_rank, sentence_bounds

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
    return [(t, kind, w) for t, (kind, w) in terms.items() if t.strip()]


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


def _matching_rowids(db, table: str, columns: list[str], terms, limit: int | None = None) -> list[int]:
    """Rowids of ``table`` whose ``columns`` mention a term: the FTS5 trigram index for
    terms of three or more characters where the table has one, LIKE otherwise. Every
    query string is a bound parameter. With ``limit``, each term's best ``limit`` rows
    (by FTS rank); without, every row, in one query for all the terms."""
    terms = list(terms)
    if not limit:
        return _all_matching_rowids(db, table, columns, terms)
    rowids: list[int] = []
    for term in terms:
        if len(term) >= 3 and table in SEARCHED_BY_FTS:
            match = f"{{{' '.join(columns)}}} : {_fts_phrase(term)}"
            rowids += [r[0] for r in db.execute(
                f"select rowid from [{table}_fts] where [{table}_fts] match ? order by rank limit {int(limit)}", [match])]
        else:
            for column in columns:
                rowids += [r[0] for r in db.execute(
                    f"select rowid from [{table}] where [{column}] like ? escape '!' limit {int(limit)}", [_like(term)])]
    return sorted(set(rowids))


def _all_matching_rowids(db, table: str, columns: list[str], terms: list[str]) -> list[int]:
    indexed = [t for t in terms if len(t) >= 3 and table in SEARCHED_BY_FTS]
    scanned = [t for t in terms if t not in indexed]
    rowids: set[int] = set()
    if indexed:
        match = f"{{{' '.join(columns)}}} : ({' OR '.join(_fts_phrase(t) for t in indexed)})"
        rowids.update(r[0] for r in db.execute(f"select rowid from [{table}_fts] where [{table}_fts] match ?", [match]))
    if scanned:
        where = " or ".join(f"[{column}] like ? escape '!'" for column in columns for _ in scanned)
        rowids.update(r[0] for r in db.execute(f"select rowid from [{table}] where {where}",
                                               [_like(t) for _ in columns for t in scanned]))
    return sorted(rowids)


SEARCHED_BY_FTS = {"measures", "task_rows", "duties"}

# kind of place → (table, searched columns, select list giving doc_id, path, title, text, start, position)
PLACES = {
    "measure": ("measures", ["title", "text"], "doc_id, path, title, text, start, position, id"),
    "goal": ("goals", ["text"], "doc_id, path, heading, text, start, -1, null"),
    "indicator": ("annex_indicators", ["indicator"],
                  "doc_id, '附件/指标/' || no, indicator, indicator, start, 3000 + no, binding"),
    "task_row": ("task_rows", ["task"], "doc_id, '附件/表/' || no, task, task, start, 1000 + no, "
                 "json_array(lead, coalesce(support, '[]'), coalesce(responsible, '[]'), coalesce(office, '[]'))"),
    "duty": ("duties", ["duty"], "doc_id, path, unit || '负责' || duty, duty, start, 2000 + position, unit"),
}
PLACE_WEIGHT = {"measure": 1.0, "goal": 0.9, "indicator": 0.9, "task_row": 0.9, "duty": 0.8}


def _places_about(db, kind: str, terms, docs, limit: int) -> list[tuple]:
    """(kind, doc_id, path, title, text, start, position, extra) of ``kind`` mentioning a term."""
    table, columns, select = PLACES[kind]
    rowids = _matching_rowids(db, table, columns, terms, limit * 2)
    rows = db.execute(f"select {select} from [{table}] where rowid in (select value from json_each(?))",
                      [json.dumps(rowids)]).fetchall()
    if isinstance(docs, _AllDocuments):
        docs.prefetch({row[0] for row in rows})
    return [(kind, *row) for row in rows if row[0] in docs]


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


def evidence_span(text: str, start: int, term: str | None) -> tuple[str, list[int]]:
    """The sentence of a measure that contains ``term``, with its document span."""
    at = max(text.find(term) if term else 0, 0)
    left, end = sentence_bounds(text, (at, at))
    right = min(end + 1, len(text))  # the quote keeps its closing 。
    return text[left:right], [start + left, start + right]


def who(db: sqlite_utils.Database, topic: str, doc_id: str | None = None, level: str | None = None,
        role: str | None = None, extra_terms=None, limit: int = 200, exact: bool = False) -> list[dict]:
    """Every place that speaks of ``topic`` — measures, 主要目标 paragraphs, annex
    indicators, task-table rows, duty clauses — each once, with its units.

    Each answer: doc_id, doc_number, locality, level, issue_date, kind (measure / goal /
    indicator / task_row / duty), path, title, units [{raw, role, source, canonical,
    function}], evidence, span, match (exact: the topic, a synonym or a narrower word
    is printed there; loose: only a related word), matched (the word), score.
    Exact answers come first, grouped down the ladder (national → county) and by date;
    loose ones follow in the same order. ``exact`` drops the loose ones.
    """
    topic = clean_query(topic)
    terms = [t for t in topic_terms(topic, extra_terms) if not exact or t[1] == EXACT]
    docs = _documents(db, doc_id, level) if doc_id or level else _AllDocuments(db)
    found = _found(db, terms, [t for t, kind, _ in terms if kind == EXACT], docs, limit)
    if len(found) < limit and not exact:  # loose answers rank below every exact one: only to fill up
        seen = {f[2][:4] for f in found}
        found += [f for f in _found(db, terms, [t for t, kind, _ in terms if kind == LOOSE], docs, limit)
                  if f[2][:4] not in seen]
    found.sort(key=lambda f: (f[0] != EXACT, -f[1], docs[f[2][1]]["issue_date"] or "", f[2][1], f[2][6]))
    answers = _best_answers(db, docs, found, role, limit)
    return sorted(answers, key=lambda a: (a["match"] != EXACT, *ladder_key(a), -a["score"], a["position"]))


def _found(db, terms, words: list[str], docs, limit: int) -> list[tuple]:
    """(match, score, place, first term) for the places that print one of ``words``,
    scored by every term of the topic."""
    found = []
    for kind in PLACES:
        for place in _places_about(db, kind, words, docs, limit) if words else ():
            score, match, first = _score(place[3], place[4], terms)
            if match:
                found.append((match, score * PLACE_WEIGHT[kind], place, first))
    return found


def ladder_key(answer: dict) -> tuple:
    """Down the ladder (national → province → prefecture → county), then by date."""
    return level_rank(answer["level"]), answer["issue_date"] or "", answer["doc_id"]


def _place_answer(db, docs, place, role, match, first, score) -> dict | None:
    kind, doc_id, path, title, text, start, position, extra = place
    units = _place_units(db, kind, doc_id, extra, role)
    if role and not units:
        return None
    quote, span = evidence_span(text, start, first) if kind in ("measure", "goal") else (text, [start, start + len(text)])
    answer = _answer(docs[doc_id], kind, path, title, units, quote, span, score, position)
    answer.update(match=match, matched=first)
    return answer


def _place_units(db, kind, doc_id, extra, role) -> list[dict]:
    if kind == "measure":
        return _measure_units(db, extra, role)
    if kind == "task_row":  # its unit columns, each in its role
        columns = [json.loads(column) for column in json.loads(extra)]
        return [u for r, raws in zip(TASK_ROW_ROLES, columns) if role in (None, r)
                for u in _units_as(db, doc_id, raws, r, "task_table")]
    if kind == "duty" and role in (None, "responsible"):
        # the clause quoted prints its unit: printed there (attached to a measure, it is inferred)
        return [dict(u, provenance="printed") for u in
                _units_as(db, doc_id, expand_unit_list(extra), "responsible", "duty_paragraph")]
    return []


TASK_ROW_ROLES = ("lead", "support", "responsible", "office")  # the order of the task_row select's json_array


def _best_answers(db, docs, found, role, limit: int) -> list[dict]:
    """The first ``limit`` answers of ``found`` (best first), each place once; units and
    evidence only for those. A measure that is only the frame of duty clauses
    (加强部门协作, no unit of its own) gives way to the clauses, which name the units."""
    duty_paths = {(place[1], place[2]) for _, _, place, _ in found if place[0] == "duty"}
    seen, answers = set(), []
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


class _AllDocuments(dict):
    """Every document, fetched one by one on first use (no filter: no full scan)."""

    def __init__(self, db):
        super().__init__()
        self.db = db

    def prefetch(self, doc_ids: set[str]) -> None:
        """Fetch the documents of many rows in one query."""
        missing = [d for d in doc_ids if not dict.__contains__(self, d)]
        if missing:
            self.update(_documents(self.db, missing, None))

    def __contains__(self, doc_id) -> bool:
        return self.get(doc_id) is not None

    def __missing__(self, doc_id):
        found = _documents(self.db, doc_id, None).get(doc_id)
        if found is None:
            raise KeyError(doc_id)
        self[doc_id] = found
        return found

    def get(self, doc_id, default=None):
        try:
            return self[doc_id]
        except KeyError:
            return default


def _documents(db, doc_id, level) -> dict[str, dict]:
    sql = "select id, locality, admin_level, issue_date, doc_number from documents where 1=1"
    args: list = []
    if isinstance(doc_id, list):
        sql, args = sql + " and id in (select value from json_each(?))", args + [json.dumps(doc_id)]
    elif doc_id:
        sql, args = sql + " and id = ?", args + [doc_id]
    if level:
        sql, args = sql + " and admin_level = ?", args + [level]
    return {r[0]: {"doc_id": r[0], "locality": r[1], "level": r[2], "issue_date": r[3], "doc_number": r[4]}
            for r in db.execute(sql, args)}


def _answer(doc, kind, path, title, units, quote, span, score, position) -> dict:
    return {**doc, "kind": kind, "path": path, "title": title, "units": units, "evidence": quote,
            "span": span, "score": round(score, 2), "position": position}


def _measure_units(db, measure_id: str, role: str | None) -> list[dict]:
    rows = db.execute(
        "select mu.unit, mu.role, mu.source, u.name, u.function, u.kind from measure_units mu "
        "left join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit "
        "left join units u on u.id = ua.unit_id where mu.measure_id = ? order by mu.position",
        [measure_id]).fetchall()
    units: dict = {}
    for r in rows:  # a unit named inline and again in the task table: once
        if not role or r[1] == role:
            units.setdefault((r[0], r[1]), {"raw": r[0], "role": r[1], "source": r[2],
                                            "provenance": provenance(r[2]), "canonical": r[3],
                                            "function": r[4], "kind": r[5]})
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
    query = clean_query(query)
    ids = {r[0] for r in db.execute("select unit_id from unit_aliases where raw = ? union "
                                    "select id from units where name = ?", [query, query])}
    names = division_names(query) or division_names(_division_tail(query))
    if names:  # division ids end with the long name: div:<department id>:老龄健康科
        long_name = re.sub(r"([%_!])", r"!\1", names[-1])
        ids.update(r[0] for r in db.execute("select id from units where kind = 'division' and id like ? escape '!'",
                                            ["%:" + long_name]))
    found = function_of(query)
    if found and len(found[1]) >= len(query) - 1:  # the query is a function's name (民政局, 医保)
        ids.update(r[0] for r in db.execute(
            "select id from units where function = ? and kind = 'department'", [found[0]]))
    if not ids:
        ids.update(r[0] for r in db.execute(  # the strings once each (an index scan), not per unit
            "select id from units where name like ? escape '!' or id in "
            "(select unit_id from unit_aliases where raw like ? escape '!')", [_like(query), _like(query)]))
    return sorted(ids)


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
    (0: all)."""
    ids = unit_ids_for(db, unit)
    if not ids:
        return []
    named = _names_of(db, ids)
    docs = _documents_naming(db, named, level)
    rows = _measures_naming(db, named, docs, role, limit)
    answers = [{"doc_id": doc_id, "locality": locality, "level": admin_level, "issue_date": issue_date,
                "doc_number": doc_number, "kind": "measure", "path": path, "title": title, "raw": raw, "role": r,
                "source": source, "provenance": provenance(source), "canonical": name, "function": function,
                "span": [start, end],
                "position": position}
               for (doc_id, path, title, raw, r, source, name, function, position, start, end, _,
                    locality, admin_level, issue_date, doc_number, _) in rows]
    if not role or role == "responsible":
        # with ``limit`` measures, a clause of a document further down the ladder than the
        # last of them comes after all of them: only the documents up to that one are read
        last = docs.index(rows[-1][0]) if limit and len(rows) >= limit else len(docs) - 1
        seen = {(row[0], row[1], row[11]) for row in rows}
        for clause in _duty_clauses_of(db, ids, named, docs[:last + 1], limit):
            key = (clause["doc_id"], clause["path"], clause.pop("unit_id"))
            if key not in seen:
                seen.add(key)
                answers.append(clause)
    answers.sort(key=lambda a: (*ladder_key(a), a["position"]))
    return answers[:limit] if limit else answers


def _names_of(db, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The strings (raw, unit id) each document names the units ``ids`` by."""
    marks = ",".join("?" * len(ids))
    named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc_id, raw, unit_id in db.execute(
            f"select doc_id, raw, unit_id from unit_aliases where unit_id in ({marks})", ids):
        named[doc_id].append((raw, unit_id))
    return named


def _documents_naming(db, named: dict, level: str | None) -> list[str]:
    """The documents of ``named`` (only they can hold the units' measures and duty
    clauses), down the ladder."""
    return [r[0] for r in db.execute(
        "select d.id from documents d where d.id in (select value from json_each(?))"
        + (" and d.admin_level = ?" if level else "") + f" order by {_LADDER_SQL}",
        [json.dumps(list(named)), *([level] if level else [])])]


FIRST_DOCUMENTS = 16  # documents a limited duties query reads the measures of first; then twice as many


def _measures_naming(db, named: dict, docs: list[str], role: str | None, limit: int) -> list[tuple]:
    """Measure rows naming one of the strings ``named`` in ``docs`` (down the ladder),
    each (document, path, unit) once — its first mention — in answer order: with
    ``limit``, read a few documents at a time (16, then 32, …) until there are ``limit`` rows."""
    rows: list[tuple] = []
    start, size = 0, (FIRST_DOCUMENTS if limit else len(docs))
    while start < len(docs) and not (limit and len(rows) >= limit):
        names = [(doc_id, raw, unit_id) for doc_id in docs[start:start + size] for raw, unit_id in named[doc_id]]
        rows += _measure_rows(db, names, role)
        start, size = start + size, size * 2
    return rows[:limit] if limit else rows


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


def _duty_clauses_of(db, ids: list[str], named: dict, docs: list[str], limit: int = 0) -> list[dict]:
    """Duty clauses of ``docs`` (down the ladder) naming one of the units ``ids`` (the
    first ``limit``; 0: all): found through the raw strings ``named`` that map to them
    (the clause lists 农业农村、住房城乡建设等部门: searched by stem), then each clause's
    units read against its document's strings."""
    printed = {raw for names in named.values() for raw, _ in names}
    stems = {re.sub(r"(部门|单位)$", "", raw) or raw for raw in printed}
    matching = set(_matching_rowids(db, "duties", ["unit"], sorted(stems)))
    # the matching clauses of ``docs`` in order (from the index alone), then their text
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    found = [rowid for _, _, rowid in sorted((order[doc_id], position, rowid) for rowid, doc_id, position in db.execute(
        "select rowid, doc_id, position from duties where doc_id in (select value from json_each(?))",
        [json.dumps(docs)]) if rowid in matching)]
    clauses = db.execute(
        "select c.doc_id, c.position, c.unit, c.duty, c.path, c.start, c.end, d.locality, d.admin_level, "
        "d.issue_date, d.doc_number from json_each(?) j cross join duties c on c.rowid = j.value "
        "join documents d on d.id = c.doc_id order by j.key", [json.dumps(found)])
    marks = ",".join("?" * len(ids))
    units = {u: (name, function) for u, name, function in db.execute(
        f"select id, name, function from units where id in ({marks})", ids)}
    answers: list[dict] = []
    for doc_id, position, unit_text, duty, path, start, end, locality, admin_level, issue_date, doc_number in clauses:
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
        if limit and len(answers) >= limit:
            break
    return answers


def group_by_document(rows: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Answers by (match, document), in the order given."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        grouped[(row.get("match") or EXACT, row["doc_id"])].append(row)
    return dict(grouped)


ANSWER_COLUMNS = ["文号", "locality", "level", "date", "doc_id", "kind", "path", "title", "match", "matched",
                  "score", "role", "unit", "provenance", "canonical", "function", "evidence", "span"]


def answer_rows(answers: list[dict]) -> list[dict]:
    """Flat rows, one per (answer, unit): what the command line's CSV and the browser show."""
    rows = []
    for a in answers:
        for u in a.get("units") or [a if "raw" in a else {}]:
            rows.append({"文号": a["doc_number"], "locality": a["locality"], "level": a["level"],
                         "date": a["issue_date"], "doc_id": a["doc_id"], "kind": a["kind"], "path": a["path"],
                         "title": a["title"], "match": a.get("match"), "matched": a.get("matched"),
                         "score": a.get("score"), "role": u.get("role"), "unit": u.get("raw"),
                         "provenance": u.get("provenance") or (provenance(u["source"]) if u.get("source") else None),
                         "canonical": u.get("canonical"), "function": u.get("function"),
                         "evidence": a.get("evidence", ""), "span": f"{a['span'][0]}-{a['span'][1]}"})
    return rows


def recall_precision(answers: list[dict], expected: dict[str, list[str]]) -> tuple[float, float]:
    """(recall, precision) of ``answers`` against the places (doc id → paths) where a
    topic is really spoken of."""
    wanted = {(doc_id, path) for doc_id, paths in expected.items() for path in paths}
    shown = {(a["doc_id"], a["path"]) for a in answers}
    hits = len(wanted & shown)
    return hits / len(wanted) if wanted else 1.0, hits / len(shown) if shown else 1.0
