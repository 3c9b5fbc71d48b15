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

import sqlite_utils

from .canonical import expand_unit_list, function_of
from .resources import load_json
from .textutils import sentence_bounds

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


def expand_terms(topic: str, extra: dict[str, list[str]] | None = None) -> list[tuple[str, float]]:
    """The topic plus its synonyms (data/synonyms.json and the frame's key terms).

    >>> [t for t, _ in expand_terms("家庭医生签约")][:3]
    ['家庭医生签约', '签约服务', '家庭医生签约服务']
    """
    terms = {topic: 1.0}
    groups = [g for g in load_json("synonyms.json")["groups"]]
    # the frame's key terms are machine-made, words of the headings that carry an entry
    # (精细化, 低收入 beside 大病专项救治; 发展 beside 远程医疗): one widens a search only when
    # it is about the topic (shares two characters in a row with it) and is not a bare
    # two-character word (诊疗, 专项: in half the corpus, and a LIKE scan each)
    groups += [[label, *(k for k in keys if len(k) >= 3 and _shares_bigram(k, topic))]
               for label, keys in (extra or {}).items()]
    for group in groups:
        if any(member in topic or (len(topic) >= 2 and topic in member) for member in group):
            for member in group:
                terms.setdefault(member, SYNONYM_WEIGHT)
    return [(t, w) for t, w in terms.items() if t.strip()]


def _shares_bigram(term: str, topic: str) -> bool:
    return any(term[i:i + 2] in topic for i in range(len(term) - 1))


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + re.sub(r"([%_!])", r"!\1", term) + "%"


def _ranked_measures(db: sqlite_utils.Database, terms, docs: dict, limit: int, score_terms=None) -> list[tuple]:
    """Measures that mention a term, best first.

    Terms of three or more characters go through the FTS5 trigram index ranked by
    bm25 with the heading weighted over the text; shorter ones by LIKE, headings
    first. Only the best ``limit`` per term are fetched and scored in Python.
    Every query string is a bound parameter.
    Returns (id, doc_id, path, title, text, start, position, score).
    """
    rowids: list[int] = []
    for term, _ in terms:
        if len(term) >= 3:
            sql = ("select rowid from measures_fts where measures_fts match ? "
                   "order by bm25(measures_fts, 10.0, 1.0) limit ?")
            rowids += [r[0] for r in db.execute(sql, [_fts_phrase(term), limit * 4])]
        else:
            for column in ("title", "text"):
                sql = f"select rowid from measures where {column} like ? escape '!' limit ?"
                rowids += [r[0] for r in db.execute(sql, [_like(term), limit * 4])]
    rows = db.execute("select id, doc_id, path, title, text, start, position from measures "
                      "where rowid in (select value from json_each(?))", [json.dumps(sorted(set(rowids)))])
    scored = [(*row, _score(row[3], row[4], score_terms or terms)[0]) for row in rows if row[1] in docs]
    scored.sort(key=lambda r: (-r[7], docs[r[1]]["issue_date"] or "", r[1], r[6]))
    return scored[:limit]


def _first_term(title: str, text: str, terms) -> str | None:
    return next((t for t, _ in terms if t in text), None)


def _matching_rowids(db, table: str, column: str, terms) -> str:
    """JSON list of rowids of ``table`` whose ``column`` mentions a term: FTS5 for
    terms of three or more characters, LIKE for shorter ones."""
    rowids = []
    for term, _ in terms:
        if len(term) >= 3:
            sql = f"select rowid from [{table}_fts] where [{table}_fts] match ?"
            rowids += [r[0] for r in db.execute(sql, [f"{{{column}}} : {_fts_phrase(term)}"])]
        else:
            rowids += [r[0] for r in db.execute(f"select rowid from [{table}] where [{column}] like ? escape '!'",
                                                 [_like(term)])]
    return json.dumps(sorted(set(rowids)))


def _score(title: str, text: str, terms) -> tuple[float, str | None]:
    score, first = 0.0, None
    for term, weight in terms:
        if term in title:
            score += TITLE_WEIGHT * weight
        count = text.count(term)
        score += min(count, 3) * weight
        if count and first is None:
            first = term
    return score, first


def evidence_span(text: str, start: int, term: str | None) -> tuple[str, list[int]]:
    """The sentence of a measure that contains ``term``, with its document span."""
    at = max(text.find(term) if term else 0, 0)
    left, end = sentence_bounds(text, (at, at))
    right = min(end + 1, len(text))  # the quote keeps its closing 。
    return text[left:right], [start + left, start + right]


def who(db: sqlite_utils.Database, topic: str, doc_id: str | None = None, level: str | None = None,
        role: str | None = None, extra_terms=None, limit: int = 200) -> list[dict]:
    """Measures, task-table rows and duty clauses about ``topic``, with their units.

    Each answer row: doc_id, locality, level, kind (measure / task_row / duty),
    path, title, units [{raw, role, source, canonical, function}], evidence, span, score.
    Rows are ranked: a measure whose heading names the topic first.
    """
    topic = clean_query(topic)
    terms = expand_terms(topic, extra_terms)
    docs = _documents(db, doc_id, level) if doc_id or level else _AllDocuments(db)
    # the topic's own words first; its synonyms widen the search only when it finds too little
    candidates = _ranked_measures(db, terms[:1], docs, limit * 2, score_terms=terms)
    if len(candidates) < limit * 2:
        candidates = _ranked_measures(db, terms, docs, limit * 2)
    scored = [(m[7], m, _first_term(m[3], m[4], terms)) for m in candidates]
    answers = []
    for score, m, first in scored:
        if len(answers) >= limit:
            break  # units and evidence only for the rows that will be shown
        units = _measure_units(db, m[0], role)
        if role and not units:
            continue
        quote, span = evidence_span(m[4], m[5], first)
        answers.append(_answer(docs[m[1]], "measure", m[2], m[3], units, quote, span, score, m[6]))
    answers += _task_rows_about(db, terms, docs, role, limit)
    answers += _duties_about(db, terms, docs, role, limit)
    answers.sort(key=lambda a: (-a["score"], a["issue_date"] or "", a["doc_id"], a["position"]))
    return answers[:limit]


class _AllDocuments(dict):
    """Every document, fetched one by one on first use (no filter: no full scan)."""

    def __init__(self, db):
        super().__init__()
        self.db = db

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
    sql, args = "select id, locality, admin_level, issue_date, doc_number from documents where 1=1", []
    if doc_id:
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
    return [{"raw": r[0], "role": r[1], "source": r[2], "canonical": r[3], "function": r[4], "kind": r[5]}
            for r in rows if not role or r[1] == role]


def _canonical(db, doc_id: str, raw: str) -> tuple[str | None, str | None, str | None]:
    row = db.execute("select u.name, u.function, u.kind from unit_aliases ua join units u on u.id = ua.unit_id "
                     "where ua.doc_id = ? and ua.raw = ?", [doc_id, raw]).fetchone()
    return tuple(row) if row else (None, None, None)


def _units_as(db, doc_id: str, raws: list[str], role: str, source: str) -> list[dict]:
    """Answer units for raw strings of one document, with their canonical names."""
    units = []
    for raw in raws:
        name, function, kind = _canonical(db, doc_id, raw)
        units.append({"raw": raw, "role": role, "source": source, "canonical": name, "function": function,
                      "kind": kind})
    return units


def _top(rows, terms, docs, text_index: int, limit: int):
    """Rows of ``docs`` that mention a term, best score first, at most ``limit``."""
    scored = []
    for row in rows:
        if row[0] in docs:
            score, first = _score("", row[text_index], terms)
            if first:
                scored.append((score, row))
    scored.sort(key=lambda sr: (-sr[0], sr[1][0], sr[1][1]))
    return scored[:limit]


def _task_rows_about(db, terms, docs, role, limit) -> list[dict]:
    if role and role != "lead":
        return []
    answers = []
    rows = db.execute("select doc_id, no, task, lead, start, end from task_rows "
                      "where rowid in (select value from json_each(?))", [_matching_rowids(db, "task_rows", "task", terms)])
    for score, (doc_id, no, task, lead, start, end) in _top(rows, terms, docs, 2, limit):
        units = _units_as(db, doc_id, json.loads(lead), "lead", "task_table")
        answers.append(_answer(docs[doc_id], "task_row", f"附件/表/{no}", task, units, task, [start, end],
                               score * 0.9, 1000 + no))
    return answers


def _duties_about(db, terms, docs, role, limit) -> list[dict]:
    if role and role != "responsible":
        return []
    answers = []
    rows = db.execute("select doc_id, position, unit, duty, start, end from duties "
                      "where rowid in (select value from json_each(?))", [_matching_rowids(db, "duties", "duty", terms)])
    for score, (doc_id, position, unit, duty, start, end) in _top(rows, terms, docs, 3, limit):
        units = _units_as(db, doc_id, expand_unit_list(unit), "responsible", "duty_paragraph")
        answers.append(_answer(docs[doc_id], "duty", "部门职责", f"{unit}负责{duty}", units,
                               f"{unit}负责{duty}", [start, end], score * 0.8, 2000 + position))
    return answers


def unit_ids_for(db: sqlite_utils.Database, query: str) -> list[str]:
    """Canonical units a researcher's unit name means: by function (民政局 → 民政),
    or by name for divisions and institutions (公卫科, 疾控中心)."""
    query = clean_query(query)
    found = function_of(query)
    ids = set()
    if found and len(found[1]) >= len(query) - 1:  # the query is a function's name (民政局, 医保)
        ids.update(r[0] for r in db.execute(
            "select id from units where function = ? and kind = 'department'", [found[0]]))
    ids.update(r[0] for r in db.execute(
        "select distinct u.id from units u left join unit_aliases ua on ua.unit_id = u.id "
        "where u.name like ? escape '!' or ua.raw like ? escape '!'", [_like(query), _like(query)]))
    return sorted(ids)


def duties(db: sqlite_utils.Database, unit: str, level: str | None = None, role: str | None = None) -> list[dict]:
    """Everything a unit is responsible for, across documents and levels."""
    ids = unit_ids_for(db, unit)
    docs = _documents(db, None, level)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"select mu.doc_id, m.path, m.title, mu.unit, mu.role, mu.source, u.name, u.function, m.position, "
        f"mu.start, mu.end from measure_units mu join measures m on m.id = mu.measure_id "
        f"join unit_aliases ua on ua.doc_id = mu.doc_id and ua.raw = mu.unit join units u on u.id = ua.unit_id "
        f"where ua.unit_id in ({marks}) order by mu.doc_id, m.position", ids).fetchall()
    answers = []
    for doc_id, path, title, raw, r, source, name, function, position, start, end in rows:
        if doc_id in docs and (not role or r == role):
            answers.append({**docs[doc_id], "kind": "measure", "path": path, "title": title, "raw": raw,
                            "role": r, "source": source, "canonical": name, "function": function,
                            "span": [start, end], "position": position})
    id_set = set(ids)
    for doc_id, position, unit_text, duty, start, end in db.execute(
            "select doc_id, position, unit, duty, start, end from duties"):
        if doc_id not in docs or (role and role != "responsible"):
            continue
        for raw in expand_unit_list(unit_text):
            row = db.execute("select unit_id from unit_aliases where doc_id = ? and raw = ?", [doc_id, raw]).fetchone()
            if row and row[0] in id_set:
                name, function, _ = _canonical(db, doc_id, raw)
                answers.append({**docs[doc_id], "kind": "duty", "path": "部门职责", "title": duty, "raw": raw,
                                "role": "responsible", "source": "duty_paragraph", "canonical": name,
                                "function": function, "span": [start, end], "position": 2000 + position})
    answers.sort(key=lambda a: (a["issue_date"] or "", a["doc_id"], a["position"]))
    return answers


def group_by_document(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return dict(grouped)
