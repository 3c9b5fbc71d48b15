"""The only module that talks to SQLite (through sqlite-utils).

One row per document plus child tables keyed by ``doc_id``; each document is
written in one transaction, replacing whatever that document had before, so a
crash mid-ingest leaves only complete documents behind.

The trigram search indexes (``measures_fts``, ``task_rows_fts``, ``duties_fts``)
are external-content FTS5 tables kept up to date here, not by triggers. A single
save indexes its document in the same transaction. A bulk ingest saves with
``index=False``: the document's rows and its entry in ``search_pending`` commit
together, and :func:`index_pending` indexes all pending documents in one
transaction (an FTS5 segment per commit costs ~3 ms a notice; in bulk ~1 ms).
A crash between the two leaves documents stored and listed as pending; the next
:func:`open_db` indexes them.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import re
import sqlite3
import sys
import time
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from . import patterns as P
from .errors import DocumentNotFound, PolicydiffError
from .models import Record
from .paths import DEFAULT_DB
from .textutils import is_org_line, normalise_doc_number, sentence_spans


def _import_sqlite_utils():
    """sqlite-utils, imported without pandas and numpy. It imports them (~0.5 s, ~80 MB) only
    to map their scalar types to column types, and policydiff stores Python values only; a
    process that has already loaded them (an export to Parquet) keeps them."""
    absent = [name for name in ("pandas", "numpy") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(absent))  # None there: `import pandas` raises ImportError
    try:
        import sqlite_utils
    finally:
        for name in absent:  # later imports of pandas or numpy find them again
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return sqlite_utils


if TYPE_CHECKING:
    import sqlite_utils
else:
    sqlite_utils = _import_sqlite_utils()

log = logging.getLogger(__name__)


CHILD_TABLES = ["unit_aliases", "texts", "issuers", "addressees", "sections", "measures", "measure_units",
                "targets", "citations", "duties", "task_rows", "annex_indicators", "goals", "sentences",
                "other_doc_numbers"]

DOCUMENT_COLUMNS = ["id", "path", "sha256", "title", "body_title", "doc_number", "issue_date",
                    "print_date", "locality", "admin_level", "parent_locality", "source_format",
                    "encoding", "ocr", "page_count", "script"]


class OldSchemaError(PolicydiffError):
    """A database written by an older policydiff: only ingest rebuilds it."""


class ForeignDatabaseError(PolicydiffError):
    """An SQLite file another program wrote: policydiff refuses it and never changes it."""


# PRAGMA application_id of every database policydiff creates ("PDIF"); older ones carry 0
APPLICATION_ID = 0x50444946


def open_db(path=DEFAULT_DB, rebuild: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) the project database with its schema.

    A database of an older schema is rebuilt (emptied, with a warning) only with
    ``rebuild`` — ``ingest`` — and otherwise refused with :class:`OldSchemaError`,
    so that a read command never empties it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path), timeout=30))
    try:
        db.conn.execute("PRAGMA foreign_keys = ON")
        _refuse_foreign(db)  # before WAL mode, which would rewrite another program's file header
        _set_wal(db)
        # WAL + NORMAL: a commit is atomic and the file stays consistent after a crash;
        # only the last commits may be lost on power failure (the next ingest redoes them)
        db.conn.execute("PRAGMA synchronous = NORMAL")
        ensure_schema(db, rebuild)
    except sqlite3.DatabaseError as exc:
        db.close()
        if "not a database" in str(exc):
            raise ForeignDatabaseError(f"{path}: not an SQLite database ({exc}); left untouched") from exc
        raise
    except BaseException:
        db.close()
        raise
    # the ingest looks twins up by hash, one notice at a time
    db.execute("create index if not exists documents_sha256 on documents (sha256)")
    db.execute(JSON_FILES_SQL)
    _create_alias_indexes(db)
    _create_ladder_indexes(db)
    for index in REDUNDANT_INDEXES:  # made by older versions: every row written kept them up to date for nothing
        db.execute(f"drop index if exists [{index}]")
    if db.execute("select exists (select 1 from search_pending)").fetchone()[0]:
        index_pending(db)  # an ingest stopped before indexing what it stored
    return db


def open_read_only(path) -> sqlite_utils.Database:
    """Open a database in a folder this user cannot write to (a shared or archived copy):
    immutable, so that SQLite needs no ``-shm`` or ``-wal`` file beside it. Refused, in one
    line, when its last changes still sit in a ``-wal`` file (a read-only open would not see
    them) or when its schema would need a migration."""
    path = Path(path)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        raise OldSchemaError(f"{path}: its folder is read-only and its last changes are still in {wal.name}; "
                             "open it once where it can be written (or copy the folder) to read it")
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?immutable=1"
    db = sqlite_utils.Database(sqlite3.connect(uri, uri=True))
    try:
        _refuse_foreign(db)
        if not _schema_complete(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            raise OldSchemaError(f"{path}: its folder is read-only and its schema ({version}, now {SCHEMA_VERSION}) "
                                 "needs updating; open it once where it can be written")
    except BaseException:
        db.close()
        raise
    return db


def _create_alias_indexes(db: sqlite_utils.Database) -> None:
    """`duties` finds a unit's documents and strings from its id (down the ladder: ``ladder``), and
    a unit from a string."""
    db.execute("create index if not exists unit_aliases_raw on unit_aliases (raw, unit_id)")
    db.execute("create index if not exists unit_aliases_unit_ladder on unit_aliases (unit_id, ladder)")


def ladder_key(document: Mapping) -> str:
    """A document's place down the ladder as one string that sorts as :data:`LADDER_ORDER_SQL`
    does (level's rank, issue date, id), kept on each of its unit names so that `duties` reads a
    unit's documents in that order from an index.

    >>> ladder_key({"id": "a", "admin_level": "county", "issue_date": "2021-08-09"})
    '3\\t2021-08-09\\ta'
    """
    level = document.get("admin_level")
    rank = P.ADMIN_LEVELS.index(level) if level in P.ADMIN_LEVELS else len(P.ADMIN_LEVELS)
    return f"{rank}\t{document.get('issue_date') or ''}\t{document['id']}"


# the ladder's order (patterns.ADMIN_LEVELS: national first, unknown last), as SQL over documents;
# `who` reads documents in this order through the index below, a few at a time
LADDER_RANK_SQL = "case admin_level " + " ".join(
    f"when '{level}' then {rank}" for rank, level in enumerate(P.ADMIN_LEVELS)) + f" else {len(P.ADMIN_LEVELS)} end"
LADDER_ORDER_SQL = f"{LADDER_RANK_SQL}, coalesce(issue_date, ''), id"
# :func:`ladder_key` as SQL over documents (the migration fills unit_aliases.ladder with it)
LADDER_KEY_SQL = f"({LADDER_RANK_SQL}) || char(9) || coalesce(issue_date, '') || char(9) || id"


def _create_ladder_indexes(db: sqlite_utils.Database) -> None:
    """Documents down the ladder (national → county, then by date) without sorting them, and the
    few printed in traditional characters (whose searchable text is indexed in simplified form)."""
    db.execute(f"create index if not exists documents_ladder on documents ({LADDER_ORDER_SQL})")
    db.execute("create index if not exists documents_traditional on documents (id) where script = 'traditional'")


# indexes older versions made whose every lookup another index (or the primary key) serves
# (unit_aliases_unit_doc_raw: a unit's aliases are found through unit_aliases_unit_ladder, a document's
# through the primary key; keeping a third index on every alias written cost the ingest ~0.1 ms a notice)
REDUNDANT_INDEXES = ["idx_unit_aliases_unit_id", "idx_measure_units_doc_id", "unit_aliases_unit_doc_raw",
                     *(f"idx_{table}_doc_id" for table in CHILD_TABLES if table not in ("texts", "measures",
                                                                                          "measure_units"))]


def _set_wal(db: sqlite_utils.Database) -> None:
    """Switching a new file to WAL needs a moment alone with it: wait for other openers."""
    for _ in range(300):
        try:
            db.conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.1)
    db.conn.execute("PRAGMA journal_mode = WAL")


SCHEMA_VERSION = 12  # 6: unit names per notice; 7: goals; 8: units.named_by; 9: number roles, task-row roles,
# sentences, documents.script, unit_aliases.ladder, search indexes of goals and annex indicators; 10: targets.high;
# 11: documents.json_sha256, the search indexes' hashsize; 12: other_doc_numbers (a joint notice's other 文号)

FTS_AUTOMERGE = 8
# bytes of new index entries each search index holds in memory before writing them as a segment
# (FTS5's default is 1 MB): a bulk index of INDEX_EVERY notices then writes one segment a table,
# not dozens that must be merged again (the bulk index's CPU −25 to −30%; memory stays bounded)
FTS_HASHSIZE = 64 * 2**20

# table -> its columns in the trigram search index
SEARCH_COLUMNS = {"measures": ["title", "text"], "task_rows": ["task"], "duties": ["unit", "duty"],
                  "goals": ["text"], "annex_indicators": ["indicator"], "sentences": ["text"]}
# the search indexes schema 9 added (older databases scanned goals and annex indicators with LIKE)
NEW_SEARCH_TABLES = ["goals", "annex_indicators", "sentences"]


# every table the schema has (FTS shadow tables aside): a database missing one is half-built
SCHEMA_TABLES = ["documents", *CHILD_TABLES, "units", "search_pending",
                 *(f"{table}_fts" for table in SEARCH_COLUMNS)]


def ensure_schema(db: sqlite_utils.Database, rebuild: bool = False) -> None:
    """Create the tables, in one transaction that holds the write lock (``BEGIN
    IMMEDIATE``): processes opening a new database at once wait for each other, and
    a crash leaves no half-built schema. A half-built one (an older policydiff's
    crash) is rebuilt. A database of an older schema is rebuilt with ``rebuild``
    (it is derived from the notices, so the next ingest fills it again), else refused."""
    _refuse_foreign(db)
    if _schema_complete(db):
        return
    with writing(db):
        if _schema_complete(db):  # another process built it while we waited for the lock
            return
        _refuse_foreign(db)  # another program may have written it while we waited
        version = db.execute("PRAGMA user_version").fetchone()[0]
        added = set().union(*(ADDED_BY_MIGRATION.get(v, set()) for v in range(version, SCHEMA_VERSION)))
        if version in MIGRATIONS and set(SCHEMA_TABLES) - added <= set(db.table_names()):
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            return
        has_documents = "documents" in db.table_names()
        filled = has_documents and db.execute("select exists (select 1 from documents)").fetchone()[0]
        path = db.execute("PRAGMA database_list").fetchone()[2]
        if has_documents and version != SCHEMA_VERSION:
            if not rebuild:
                raise OldSchemaError(f"{path}: written by an older policydiff (schema {version}, now "
                                     f"{SCHEMA_VERSION}); run `policydiff ingest` to rebuild it")
            log.warning("%s: written by an older policydiff (schema %s, now %s); emptied — `policydiff "
                        "ingest` fills it again", path, version, SCHEMA_VERSION)
        elif filled:
            log.warning("%s: half-built schema (missing %s); rebuilt and emptied — `policydiff ingest` "
                        "fills it again", path, ", ".join(t for t in SCHEMA_TABLES if t not in db.table_names()))
        _create_schema(db)


def _refuse_foreign(db: sqlite_utils.Database) -> None:
    """Refuse a non-empty file that is not a policydiff database, naming what it holds:
    a command may create a database or migrate its own, never drop another program's tables."""
    objects = [name for (name,) in db.execute(
        "select name from sqlite_master where name not like 'sqlite_%' order by name").fetchall()]
    if not objects or db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        return
    if _written_by_policydiff(db):
        return
    path = db.execute("PRAGMA database_list").fetchone()[2]
    shown = ", ".join(objects[:5]) + (f" and {len(objects) - 5} more" if len(objects) > 5 else "")
    raise ForeignDatabaseError(f"{path}: not a policydiff database (it holds {shown}); left untouched — "
                               "pass --db a new file or a policydiff database")


# columns every policydiff documents table has had, from the first schema on
_DOCUMENTS_SIGNATURE = {"id", "path", "sha256", "title", "doc_number"}


def _written_by_policydiff(db: sqlite_utils.Database) -> bool:
    """An older policydiff's database (before the application id): its documents table's shape."""
    if db.execute("PRAGMA application_id").fetchone()[0] != 0:
        return False
    names = set(db.table_names())
    if "documents" not in names or "measures" not in names:
        return False
    return set(db.table("documents").columns_dict) >= _DOCUMENTS_SIGNATURE


def _add_named_by(db: sqlite_utils.Database) -> None:
    """Schema 7 → 8: each unit remembers the notice that names it."""
    db.execute("alter table units add column named_by text")
    for (unit_id,) in db.execute("select id from units").fetchall():
        _name_unit_from_aliases(db, unit_id)


def _add_target_roles(db: sqlite_utils.Database) -> None:
    """Each number has its role and, for a status figure, its year (issue 27). Rows stored before were
    targets as then read; re-ingest (``--force``) to split status figures, periods and counts off."""
    columns = db.table("targets").columns_dict
    if "role" not in columns:
        db.execute("alter table targets add column role text")
        db.execute("update targets set role = 'target'")
    if "year" not in columns:
        db.execute("alter table targets add column year integer")


# a task table's other unit columns (JSON lists), its deadline and its printed 序号
TASK_ROW_ROLE_COLUMNS = {"support": str, "responsible": str, "office": str, "deadline": str, "label": str}


def _add_task_row_roles(db: sqlite_utils.Database) -> None:
    """Task rows keep their support / responsible / office units, deadline and printed 序号
    (rows stored before are re-read by the next ``ingest --force``)."""
    columns = db.table("task_rows").columns_dict
    for column in TASK_ROW_ROLE_COLUMNS:
        if column not in columns:
            db.execute(f"alter table task_rows add column [{column}] text")
            db.execute(f"update task_rows set [{column}] = ?", ["" if column in ("deadline", "label") else "[]"])


def _add_sentences(db: sqlite_utils.Database) -> None:
    """Part of schema 8 → 9: ``documents.script``, ``unit_aliases.ladder`` (its document's place down
    the ladder), every sentence no other place holds (``sentences``,
    searched by `who`) read from the stored records, and the search indexes of goals, annex
    indicators and sentences; a notice printed in traditional characters is re-indexed in
    simplified form. Each part only where it is missing."""
    names = set(db.table_names())
    if "script" not in db.table("documents").columns_dict:
        db.execute("alter table documents add column script text")
        db.execute("update documents set script = json_extract(record, '$.script') "
                   "where json_extract(record, '$.script') is not null")
        traditional = [r[0] for r in db.execute("select id from documents where script = 'traditional'")]
        for table, columns in SEARCH_COLUMNS.items():  # the old index holds their printed text
            if table not in NEW_SEARCH_TABLES and traditional and f"{table}_fts" in names:
                cols = ", ".join(f"[{c}]" for c in columns)
                db.execute(f"insert into [{table}_fts] ([{table}_fts], rowid, {cols}) select 'delete', rowid, {cols} "
                           f"from [{table}] where doc_id in (select value from json_each(?)) and doc_id not in "
                           "(select doc_id from search_pending)", [json.dumps(traditional)])
        _reindex_traditional(db, [t for t in SEARCH_COLUMNS if t not in NEW_SEARCH_TABLES], traditional)
    if "ladder" not in db.table("unit_aliases").columns_dict:
        db.execute("alter table unit_aliases add column ladder text")
        db.execute(f"update unit_aliases set ladder = (select {LADDER_KEY_SQL} from documents "
                   "where documents.id = unit_aliases.doc_id)")
        _create_alias_indexes(db)
    if "sentences" not in names:
        db.table("sentences").create({
            "doc_id": str, "position": int, "kind": str, "path": str, "heading": str, "text": str,
            "start": int, "end": int}, pk=("doc_id", "position"), foreign_keys=[("doc_id", "documents", "id")])
        for doc_id, record in db.execute("select id, record from documents").fetchall():
            record = json.loads(record)
            rows = _sentence_rows(doc_id, record, list(_goal_rows(doc_id, record["outline"], record["text"])))
            db.conn.executemany("insert into sentences (doc_id, position, kind, path, heading, text, start, end) "
                                "values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    traditional = [r[0] for r in db.execute("select id from documents where script = 'traditional'")]
    for table in NEW_SEARCH_TABLES:
        if f"{table}_fts" in names:
            continue
        _create_search_index(db, table)
        db.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('automerge', {FTS_AUTOMERGE})")
        cols = ", ".join(f"[{c}]" for c in SEARCH_COLUMNS[table])
        db.execute(f"insert into [{table}_fts] (rowid, {cols}) select rowid, {cols} from [{table}] where doc_id not in "
                   "(select doc_id from search_pending union all select value from json_each(?))",
                   [json.dumps(traditional)])
        _reindex_traditional(db, [table], traditional)
    _create_ladder_indexes(db)


def _create_search_index(db: sqlite_utils.Database, table: str) -> None:
    """The trigram index of ``table``'s :data:`SEARCH_COLUMNS`, external content (the text is the
    table's, not stored twice), without column sizes (``columnsize=0``: only bm25 ranking reads
    them, and `who` ranks no match by it; not writing a row of sizes for every row indexed cut the
    bulk index ~12%). A database made before keeps its indexes with sizes: the answers are the same."""
    columns = ", ".join(f'"{c}"' for c in SEARCH_COLUMNS[table])
    db.execute(f'create virtual table "{table}_fts" using fts5 ({columns}, tokenize=\'trigram\', '
               f'content="{table}", columnsize=0)')


def _reindex_traditional(db: sqlite_utils.Database, tables: list[str], traditional: list[str]) -> None:
    """Index the rows of ``tables`` of the (indexed) traditional notices in simplified form."""
    pending = {r[0] for r in db.execute("select doc_id from search_pending")}
    for table in tables:
        cols = ", ".join(f"[{c}]" for c in SEARCH_COLUMNS[table])
        rows = db.execute(f"select rowid, {cols} from [{table}] where doc_id in (select value from json_each(?))",
                          [json.dumps([d for d in traditional if d not in pending])]).fetchall()
        db.conn.executemany(f"insert into [{table}_fts] (rowid, {cols}) "
                            f"values ({', '.join('?' * (len(SEARCH_COLUMNS[table]) + 1))})",
                            [_simplified_row(row) for row in rows])


def _add_shared_terms(db: sqlite_utils.Database) -> None:
    """An inferred unit keeps the words its duty clause shares with the measure (rows stored
    before have none until the next ``ingest --force``)."""
    if "shared_terms" not in db.table("measure_units").columns_dict:
        db.execute("alter table measure_units add column shared_terms text")


def _add_json_hashes(db: sqlite_utils.Database) -> None:
    """The hash of each stored record's JSON (``documents.json_sha256``; the next ingest compares
    each ``<id>.json`` with it once, then its file status alone: :func:`json_checks`)."""
    if "json_sha256" not in db.table("documents").columns_dict:
        db.execute("alter table documents add column json_sha256 text")
        last = -1  # a batch of records at a time: a 30,000-notice database holds gigabytes of them
        while batch := db.execute("select rowid, id, record from documents where rowid > ? order by rowid limit 200",
                                  [last]).fetchall():
            db.conn.executemany("update documents set json_sha256 = ? where id = ?",
                                [(json_sha256(record), doc_id) for _, doc_id, record in batch])
            last = batch[-1][0]


def _set_fts_hashsize(db: sqlite_utils.Database) -> None:
    """Each search index buffers :data:`FTS_HASHSIZE` bytes of new entries (a setting FTS5 keeps)."""
    for table in SEARCH_COLUMNS:
        db.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('hashsize', {FTS_HASHSIZE})")


def _to_9(db: sqlite_utils.Database) -> None:
    """Schema 8 → 9: number roles (targets.role, targets.year), task-row roles, an inferred unit's
    shared words, and every sentence searchable in either script (:func:`_add_sentences`); each
    part only where it is missing."""
    _add_target_roles(db)
    _add_task_row_roles(db)
    _add_shared_terms(db)
    _add_sentences(db)


def _add_target_high(db: sqlite_utils.Database) -> None:
    """A range (1至2家) is one row with its upper bound in targets.high (comparator "between"); rows stored
    before hold a range as two rows (>= and <=) until the next ``ingest --force``."""
    if "high" not in db.table("targets").columns_dict:
        db.execute("alter table targets add column high float")


def _to_11(db: sqlite_utils.Database) -> None:
    """Schema 10 → 11: each stored record's JSON hash (an unchanged re-ingest reads no JSON file) and
    the search indexes' larger write buffer."""
    _add_json_hashes(db)
    _set_fts_hashsize(db)


def _add_other_doc_numbers(db: sqlite_utils.Database) -> None:
    """Schema 11 → 12: the table of a joint notice's other 文号 (one per issuer), which citations resolve by too,
    filled from what the notices stored before said of them (their warning naming the numbers printed under the
    first); their record JSON gains the key at the next ``ingest --force``."""
    if "other_doc_numbers" in db.table_names():
        return
    _create_other_doc_numbers(db)
    rows: list[tuple[str, int, str]] = []
    for doc_id, warnings in db.execute("select id, warnings from documents where instr(warnings, ?) > 0",
                                       [_OTHER_NUMBERS_SAID]):
        said = warnings.split(_OTHER_NUMBERS_SAID, 1)[1].split("; ", 1)[0]
        rows.extend((doc_id, i, n) for i, n in enumerate(normalise_doc_number(n) for n in said.split(", ")) if n)
    db.conn.executemany(_insert_sql("other_doc_numbers", NUMBER_COLUMNS), rows)


# how schema 11's parser said a joint notice's other 文号 (metadata: the numbers follow, joined by ", ")
_OTHER_NUMBERS_SAID = "another 文号 printed under the first (a joint notice numbered by each issuer): "


def _create_other_doc_numbers(db: sqlite_utils.Database) -> None:
    db.table("other_doc_numbers").create({"doc_id": str, "position": int, "doc_number": str},
                                         pk=("doc_id", "position"), foreign_keys=[("doc_id", "documents", "id")])
    db.table("other_doc_numbers").create_index(["doc_number"], if_not_exists=True)


# schema version -> the change that brings it to the next version in place (no re-ingest)
MIGRATIONS = {7: _add_named_by, 8: _to_9, 9: _add_target_high, 10: _to_11, 11: _add_other_doc_numbers}
# tables each migration adds: a database of that version lacks them and is still complete
ADDED_BY_MIGRATION = {8: {"sentences", *(f"{table}_fts" for table in NEW_SEARCH_TABLES)},
                      11: {"other_doc_numbers"}}


def _schema_complete(db: sqlite_utils.Database) -> bool:
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    names = set(db.table_names())
    return all(table in names for table in SCHEMA_TABLES)


def _create_schema(db: sqlite_utils.Database) -> None:
    """Drop policydiff's own tables (never another's) and create every table (inside
    the caller's transaction)."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    for table in [*reversed(SCHEMA_TABLES), "json_files"]:  # an FTS table's shadow tables go with it
        db.execute(f"drop table if exists [{table}]")
    with db.atomic():
        db.table("documents").create({
            "id": str, "path": str, "sha256": str, "title": str, "body_title": str,
            "doc_number": str, "doc_code": str, "doc_year": int, "doc_serial": int,
            "issue_date": str, "print_date": str, "locality": str, "admin_level": str,
            "parent_locality": str, "source_format": str, "encoding": str, "ocr": int,
            "page_count": int, "n_measures": int, "n_targets": int, "n_citations": int,
            "warnings": str, "record": str, "script": str, "json_sha256": str,
        }, pk="id")
        fk = [("doc_id", "documents", "id")]
        db.table("texts").create({"doc_id": str, "text": str, "source": str, "source_runs": str,
                            "page_starts": str}, pk="doc_id",
                           foreign_keys=fk)
        db.table("issuers").create({"doc_id": str, "position": int, "name": str},
                             pk=("doc_id", "position"), foreign_keys=fk)
        db.table("addressees").create({"doc_id": str, "position": int, "name": str},
                                pk=("doc_id", "position"), foreign_keys=fk)
        db.table("sections").create({
            "doc_id": str, "path": str, "position": int, "label": str, "kind": str, "depth": int,
            "parent": str, "heading": str, "start": int, "end": int, "body_start": int,
            "body_end": int}, pk=("doc_id", "path"), foreign_keys=fk)
        db.table("measures").create({
            "id": str, "doc_id": str, "path": str, "position": int, "title": str, "text": str,
            "start": int, "end": int}, pk="id", foreign_keys=fk)
        db.table("measure_units").create({
            "doc_id": str, "measure_id": str, "position": int, "unit": str, "role": str,
            "source": str, "start": int, "end": int, "shared_terms": str}, pk=("measure_id", "position"),
            foreign_keys=[("doc_id", "documents", "id"), ("measure_id", "measures", "id")])
        db.table("targets").create({
            "doc_id": str, "position": int, "path": str, "text": str, "indicator": str,
            "comparator": str, "value": float, "unit": str, "deadline_year": int, "binding": str,
            "start": int, "end": int, "role": str, "year": int, "high": float}, pk=("doc_id", "position"),
            foreign_keys=fk)
        db.table("citations").create({
            "doc_id": str, "position": int, "title": str, "doc_number": str, "issuer_hint": str,
            "verb": str, "resolved_to": str, "start": int, "end": int},
            pk=("doc_id", "position"), foreign_keys=fk)
        db.table("duties").create({
            "doc_id": str, "position": int, "unit": str, "duty": str, "path": str, "start": int,
            "end": int}, pk=("doc_id", "position"), foreign_keys=fk)
        db.table("task_rows").create({
            "doc_id": str, "no": int, "task": str, "lead": str, "lead_raw": str,
            "measure_path": str, "start": int, "end": int, **TASK_ROW_ROLE_COLUMNS}, pk=("doc_id", "no"),
            foreign_keys=fk)
        db.table("annex_indicators").create({
            "doc_id": str, "no": int, "indicator": str, "binding": str, "start": int, "end": int},
            pk=("doc_id", "no"), foreign_keys=fk)
        db.table("goals").create({  # 主要目标 paragraphs: a place `who` searches beside measures
            "doc_id": str, "path": str, "heading": str, "text": str, "start": int, "end": int},
            pk=("doc_id", "path"), foreign_keys=fk)
        db.table("sentences").create({  # every other sentence: preamble, goal lists, annex prose (`who`)
            "doc_id": str, "position": int, "kind": str, "path": str, "heading": str, "text": str,
            "start": int, "end": int}, pk=("doc_id", "position"), foreign_keys=fk)
        _create_other_doc_numbers(db)  # a joint notice's other 文号: a citation of one resolves to the notice
        db.table("units").create({
            "id": str, "name": str, "function": str, "kind": str, "level": str, "locality": str,
            "parent_id": str, "parent_name": str, "reason": str, "named_by": str}, pk="id")
        db.table("unit_aliases").create({"doc_id": str, "raw": str, "unit_id": str, "name": str, "parent_name": str,
                                         "ladder": str},
                                  pk=("doc_id", "raw"),
                                  foreign_keys=[("doc_id", "documents", "id"), ("unit_id", "units", "id")])
        # a document's rows are found by doc_id: the primary key (doc_id, …) of most tables does it
        db.table("measures").create_index(["doc_id"], if_not_exists=True)
        db.table("measure_units").create_index(["doc_id", "unit"], if_not_exists=True)
        _create_alias_indexes(db)
        _create_ladder_indexes(db)
        for table in SEARCH_COLUMNS:
            _create_search_index(db, table)
            # merge segments eight at a time (FTS5's default is four): the bulk index of a large
            # ingest costs half as much a notice at 30,000 notices
            db.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('automerge', {FTS_AUTOMERGE})")
        _set_fts_hashsize(db)
        db.table("search_pending").create({"doc_id": str}, pk="doc_id")
        db.execute(JSON_FILES_SQL)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def stored_hashes(db: sqlite_utils.Database) -> dict[str, str]:
    """sha256 of every stored document, by id."""
    return {row["id"]: row["sha256"] for row in db.query("select id, sha256 from documents")}


def stored_hash(db: sqlite_utils.Database, doc_id: str) -> str | None:
    """sha256 of the stored document ``doc_id``, None if it is not stored."""
    row = db.execute("select sha256 from documents where id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def document_with_hash(db: sqlite_utils.Database, sha256: str, prefer: str | None = None) -> str | None:
    """The id of a stored document with this content (``prefer`` if it is one of them)."""
    row = db.execute("select id from documents where sha256 = ? order by id = ? desc, id limit 1",
                     [sha256, prefer]).fetchone()
    return row[0] if row else None


def save_record(db: sqlite_utils.Database, record: Record, index: bool = True) -> None:
    """Replace one document's rows with ``record``, in a single transaction.

    ``index=False`` leaves the document's search-index entries for a later
    :func:`index_pending` (bulk ingest)."""
    save_rows(db, record["id"], document_rows(record), index)


# table -> (columns, rows as tuples): what save_rows writes for one document
DocumentRows = dict[str, tuple[list[str], list[tuple]]]


def document_rows(record: Record) -> DocumentRows:
    """Every row ``record`` puts in the database, table by table. Ingest workers
    compute these, so that the single writer only executes the inserts."""
    doc_id = record["id"]
    source_map = record.get("source_map") or {}
    unit_map = record.get("unit_map") or {}
    # tables of a few rows, as dicts (a unit's keys are the parser's: columns from the first)
    tables = {
        "units": list(unit_map.values()),
        "documents": [_document_row(record)],
        "texts": [{"doc_id": doc_id, "text": record["text"], "source": source_map.get("source_text"),
                   "source_runs": json.dumps(source_map.get("runs") or []),
                   "page_starts": json.dumps(source_map.get("page_starts") or [0])}],
        "task_rows": [{"doc_id": doc_id, "no": r["no"], "task": r["task"],
                       "lead": json.dumps(r["lead"], ensure_ascii=False), "lead_raw": r["lead_raw"],
                       "measure_path": r["measure_path"], "start": r["span"][0], "end": r["span"][1],
                       **{k: json.dumps(r.get(k) or [], ensure_ascii=False) for k in ("support", "responsible", "office")},
                       "deadline": r.get("deadline") or "", "label": r.get("label") or ""}
                      for r in record["task_table"] or []],
        "annex_indicators": [{"doc_id": doc_id, "no": r["no"], "indicator": r["indicator"],
                              "binding": r["binding"], "start": r["span"][0], "end": r["span"][1]}
                             for r in record["annex_indicators"] or []],
        "goals": list(_goal_rows(doc_id, record["outline"], record["text"])),
    }
    rows = {table: ([*items[0]], [tuple(map(item.get, items[0])) for item in items])
            for table, items in tables.items() if items}
    # the many-row tables, as tuples at once (the columns in the order their dicts had)
    ladder = ladder_key(record)
    measure_ids = [measure_id(doc_id, m["path"]) for m in record["measures"]]
    tuples = {
        "issuers": (NAME_COLUMNS, [(doc_id, i, n) for i, n in enumerate(record["issuers"])]),
        "addressees": (NAME_COLUMNS, [(doc_id, i, n) for i, n in enumerate(record["addressees"])]),
        "sections": (SECTION_COLUMNS, _section_rows(doc_id, record["outline"])),
        "measures": (MEASURE_COLUMNS, _measure_rows(doc_id, record["measures"], measure_ids)),
        "measure_units": (MEASURE_UNIT_COLUMNS, _unit_rows(doc_id, record["measures"], measure_ids)),
        # every number with its role (target, parameter, status, period, count)
        "targets": _rows(doc_id, record["targets"], TARGET_KEYS),
        "citations": _rows(doc_id, record["citations"], CITATION_KEYS),
        "duties": _rows(doc_id, record["division_of_duties"], DUTY_KEYS),
        "unit_aliases": (ALIAS_COLUMNS, [(doc_id, raw, u["id"], u["name"], u.get("parent_name"), ladder)
                                         for raw, u in unit_map.items()]),
        "sentences": (SENTENCE_COLUMNS, _sentence_rows(doc_id, record, tables["goals"])),
        "other_doc_numbers": (NUMBER_COLUMNS, [(doc_id, i, n) for i, n in enumerate(record.get("other_doc_numbers")
                                                                                      or [])]),
    }
    rows.update((table, (list(columns), values)) for table, (columns, values) in tuples.items() if values)
    return {table: rows[table] for table in ROW_TABLES if table in rows}


# the order document_rows gives its tables in (units and documents first: foreign keys)
ROW_TABLES = ["units", "documents", "texts", "issuers", "addressees", "sections", "measures", "measure_units",
              "targets", "citations", "duties", "task_rows", "annex_indicators", "unit_aliases", "goals", "sentences",
              "other_doc_numbers"]
NAME_COLUMNS = ("doc_id", "position", "name")
NUMBER_COLUMNS = ("doc_id", "position", "doc_number")
SECTION_COLUMNS = ("doc_id", "path", "position", "label", "kind", "depth", "parent", "heading", "start", "end",
                   "body_start", "body_end")
MEASURE_COLUMNS = ("id", "doc_id", "path", "position", "title", "text", "start", "end")
MEASURE_UNIT_COLUMNS = ("doc_id", "measure_id", "position", "unit", "role", "source", "start", "end", "shared_terms")
ALIAS_COLUMNS = ("doc_id", "raw", "unit_id", "name", "parent_name", "ladder")
SENTENCE_COLUMNS = ("doc_id", "position", "kind", "path", "heading", "text", "start", "end")
TARGET_KEYS = ("path", "text", "indicator", "comparator", "value", "unit", "deadline_year", "binding", "role", "year",
               "high")
CITATION_KEYS = ("title", "doc_number", "issuer_hint", "verb", "resolved_to")
DUTY_KEYS = ("unit", "duty", "path")


def rows_as_bytes(rows: DocumentRows) -> DocumentRows:
    """``rows`` with the long texts of :data:`BYTES_COLUMNS` as UTF-8 bytes (what an ingest worker
    sends the writer: bytes pass between processes without being decoded and encoded again)."""
    packed = dict(rows)
    for table, names in BYTES_COLUMNS.items():
        if table in rows:
            columns, values = rows[table]
            at = [i for i, c in enumerate(columns) if c in names]
            packed[table] = (columns, [tuple(v.encode() if i in at and isinstance(v, str) else v
                                             for i, v in enumerate(row)) for row in values])
    return packed


def save_rows(db: sqlite_utils.Database, doc_id: str, rows: DocumentRows, index: bool = True) -> None:
    """Replace document ``doc_id`` with ``rows`` (from :func:`document_rows`) in one transaction.
    The columns of :data:`BYTES_COLUMNS` may hold their text's UTF-8 bytes (:func:`rows_as_bytes`)."""
    with writing(db):
        previous_units = []
        if db.execute("select 1 from documents where id = ?", [doc_id]).fetchone():
            previous_units = [r[0] for r in db.execute("select unit_id from unit_aliases where doc_id = ?",
                                                       [doc_id])]
            delete_document(db, doc_id)
        for table, (columns, values) in rows.items():  # units and documents first (foreign keys)
            db.conn.executemany(_insert_sql(table, tuple(columns)), values)
        _drop_orphan_units(db, previous_units)
        _name_units(db, doc_id, [row[0] for row in rows.get("units", ([], []))[1]], previous_units,
                    rows.get("unit_aliases"))
        if index:
            _index_documents(db, "= ?", [doc_id])
        else:
            db.execute("insert or ignore into search_pending (doc_id) values (?)", [doc_id])


# the long text columns, which save_rows also takes as UTF-8 bytes (an ingest worker's rows arrive
# so: decoding them in the writer only for SQLite to encode them again cost ~15% of its CPU)
BYTES_COLUMNS = {"documents": {"record"}, "texts": {"text", "source"}, "measures": {"text"}}


@lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    verb = "insert or ignore" if table == "units" else "insert"
    as_text = BYTES_COLUMNS.get(table, set())
    values = ", ".join("cast(? as text)" if c in as_text else "?" for c in columns)  # text as printed, from bytes too
    return f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({values})"


def tune_for_bulk_writes(db: sqlite_utils.Database) -> None:
    """Settings of an ingest's connection: statement journals and temporary tables in memory (a
    temporary file was written and deleted for every notice) and a page cache that holds a batch
    of notices' pages (64 MB; 2 MB spilled them to the WAL before the commit, to be written again)."""
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -65536")


def in_transaction(db: sqlite_utils.Database) -> bool:
    return db.conn.in_transaction


def begin(db: sqlite_utils.Database) -> None:
    """Open a write transaction, the write lock taken first (see :func:`writing`)."""
    db.conn.execute("BEGIN IMMEDIATE")


def commit(db: sqlite_utils.Database) -> None:
    db.conn.execute("COMMIT")


def rollback(db: sqlite_utils.Database) -> None:
    db.rollback()


@contextmanager
def writing(db: sqlite_utils.Database):
    """A write transaction that takes the write lock first (``BEGIN IMMEDIATE``).

    A deferred transaction that reads and then writes fails at once ("database is
    locked") when another process committed in between — say a ``who`` indexing
    pending notices while an ingest writes. Taking the lock first makes the two
    wait for each other instead (sqlite3's 5 s busy timeout). Inside an open
    transaction this is a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def index_pending(db: sqlite_utils.Database, at_least: int = 1) -> int:
    """Add every document saved with ``index=False`` to the search indexes, in one
    transaction, once there are ``at_least`` of them; returns how many it indexed."""
    if at_least > 1 and db.execute("select count(*) from search_pending").fetchone()[0] < at_least:
        return 0
    with writing(db):
        count = db.execute("select count(*) from search_pending").fetchone()[0]
        if count:
            _index_documents(db, "in (select doc_id from search_pending)", [])
            db.execute("delete from search_pending")
    return count


def _index_documents(db, doc_filter: str, params: list) -> None:
    """Index the searchable rows of the documents ``doc_filter`` selects; a notice printed in
    traditional characters is indexed in its simplified rendering (same length, so a match's
    offsets are the printed text's), so that a simplified query finds it."""
    traditional = json.dumps([r[0] for r in db.execute(
        f"select id from documents where script = 'traditional' and id {doc_filter}", params)])
    for table, columns in SEARCH_COLUMNS.items():
        cols = ", ".join(f"[{c}]" for c in columns)
        db.execute(f"insert into [{table}_fts] (rowid, {cols}) select rowid, {cols} from [{table}] "
                   f"where doc_id {doc_filter} and doc_id not in (select value from json_each(?))",
                   [*params, traditional])
        if traditional != "[]":
            rows = db.execute(f"select rowid, {cols} from [{table}] where doc_id in (select value from json_each(?))",
                              [traditional]).fetchall()
            db.conn.executemany(f"insert into [{table}_fts] (rowid, {cols}) values ({', '.join('?' * (len(columns) + 1))})",
                                [_simplified_row(row) for row in rows])


def _simplified_row(row: tuple) -> tuple:
    from .traditional import to_simplified

    return tuple(to_simplified(v) if isinstance(v, str) else v for v in row)


def _unindex_document(db, doc_id: str) -> None:
    """Remove a document's rows from the search indexes (external content: the
    index must be told the values it was given, before the rows go)."""
    if db.execute("select 1 from search_pending where doc_id = ?", [doc_id]).fetchone():
        return  # never indexed
    traditional = db.execute("select script = 'traditional' from documents where id = ?", [doc_id]).fetchone()
    for table, columns in SEARCH_COLUMNS.items():
        cols = ", ".join(f"[{c}]" for c in columns)
        if traditional and traditional[0]:
            rows = db.execute(f"select rowid, {cols} from [{table}] where doc_id = ?", [doc_id]).fetchall()
            db.conn.executemany(f"insert into [{table}_fts] ([{table}_fts], rowid, {cols}) "
                                f"values ('delete', {', '.join('?' * (len(columns) + 1))})",
                                [_simplified_row(row) for row in rows])
        else:
            db.execute(f"insert into [{table}_fts] ([{table}_fts], rowid, {cols}) "
                       f"select 'delete', rowid, {cols} from [{table}] where doc_id = ?", [doc_id])


def _name_units(db: sqlite_utils.Database, doc_id: str, unit_ids: list[str], previous_units: list[str],
                aliases: tuple[list[str], list[tuple]] | None = None) -> None:
    """A unit's name in ``units`` is the one its latest notice (by issue date, then id)
    gives it — a function of the stored notices, not of the order they were stored in.
    Each notice's own name for it (a body renamed since, say 卫生和计划生育委员会 before
    2018) stays in ``unit_aliases.name``; ``units.named_by`` is the notice whose name it is.

    A new notice is compared with each unit's ``named_by`` notice only (constant work a
    unit: reading every alias of a common unit made the ingest slow down as the corpus
    grew); the units of a replaced notice are named again from all their aliases. A unit takes
    the name of the notice's alias for it first by printed string; ``aliases`` (the notice's
    unit_aliases rows, just written) gives it without reading them back."""
    renamed = set(previous_units)
    for unit_id in renamed:
        _name_unit_from_aliases(db, unit_id)
    issue_date = db.execute("select issue_date from documents where id = ?", [doc_id]).fetchone()[0]
    namers = {unit_id: (named_by, named_date) for unit_id, named_by, named_date in db.conn.execute(
        "select u.id, u.named_by, d.issue_date from units u left join documents d on d.id = u.named_by "
        "where u.id in (select value from json_each(?))", [json.dumps(sorted(set(unit_ids) - renamed))])}
    first = _first_aliases(aliases) if aliases is not None else None
    names = []
    for unit_id in dict.fromkeys(unit_ids):
        if unit_id in renamed:
            continue
        named_by, named_date = namers[unit_id]
        if named_by is None or _names_later(issue_date, doc_id, named_date, named_by):
            if first is None:
                db.execute("update units set (name, parent_name, named_by) = (select name, parent_name, doc_id "
                           "from unit_aliases where doc_id = ? and +unit_id = ? order by raw limit 1) where id = ?",
                           [doc_id, unit_id, unit_id])  # the document's ~20 aliases, through its key
            else:
                name, parent_name = first.get(unit_id, (None, None))
                names.append((name, parent_name, doc_id if unit_id in first else None, unit_id))
    if names:
        db.conn.executemany("update units set name = ?, parent_name = ?, named_by = ? where id = ?", names)


def _first_aliases(aliases: tuple[list[str], list[tuple]]) -> dict[str, tuple]:
    """unit id -> (name, parent_name) of a notice's alias for it first by printed string (as SQLite
    orders text: UTF-8 bytes, the order of code points), from the notice's unit_aliases rows."""
    columns, rows = aliases
    raw, unit, name, parent = (columns.index(c) for c in ("raw", "unit_id", "name", "parent_name"))
    first: dict[str, tuple] = {}
    for row in sorted(rows, key=lambda r: r[raw], reverse=True):  # the smallest last: it stays
        first[row[unit]] = (row[name], row[parent])
    return first


def _names_later(date: str | None, doc_id: str, other_date: str | None, other_id: str) -> bool:
    """Whether notice (``date``, ``doc_id``) names a unit rather than (``other_date``,
    ``other_id``): the later issue date wins, a dated notice beats an undated one, then
    the smaller id — the order of :func:`_name_unit_from_aliases`."""
    if (date is None) != (other_date is None):
        return date is not None
    if date != other_date:
        return date > other_date  # type: ignore[operator]  # both dated here
    return doc_id < other_id


def _name_unit_from_aliases(db: sqlite_utils.Database, unit_id: str) -> None:
    db.execute("update units set (name, parent_name, named_by) = (select ua.name, ua.parent_name, ua.doc_id "
               "from unit_aliases ua join documents d on d.id = ua.doc_id where ua.unit_id = units.id "
               "order by d.issue_date is null, d.issue_date desc, d.id, ua.raw limit 1) "
               "where id = ? and exists (select 1 from unit_aliases where unit_id = ?)", [unit_id, unit_id])


def _drop_orphan_units(db: sqlite_utils.Database, unit_ids: list[str]) -> None:
    """Canonical units this document used that no document uses any more."""
    for unit_id in set(unit_ids):
        db.execute("delete from units where id = ? and not exists "
                   "(select 1 from unit_aliases where unit_id = ?)", [unit_id, unit_id])


def delete_document(db: sqlite_utils.Database, doc_id: str) -> None:
    """Remove a document, its rows and its search-index entries (call inside a transaction)."""
    _unindex_document(db, doc_id)
    db.execute("delete from search_pending where doc_id = ?", [doc_id])
    for table in ["measure_units"] + [t for t in CHILD_TABLES if t != "measure_units"]:
        db.execute(f"delete from [{table}] where doc_id = ?", [doc_id])
    db.execute("delete from documents where id = ?", [doc_id])
    db.execute("delete from json_files where doc_id = ?", [doc_id])


def _document_row(record: Record) -> dict:
    row = {k: record.get(k) for k in DOCUMENT_COLUMNS}
    parts = record.get("doc_number_parts") or {}
    row.update(doc_code=parts.get("code"), doc_year=parts.get("year"), doc_serial=parts.get("serial"),
               ocr=int(bool(record.get("ocr"))), n_measures=len(record["measures"]),
               n_targets=len(record["targets"]), n_citations=len(record["citations"]),
               warnings="; ".join(record.get("warnings") or []))
    text = record.get("_json") or record_json(record)  # an ingest worker's: UTF-8 bytes, never decoded
    row.update(record=text, json_sha256=hashlib.sha256(text if isinstance(text, bytes) else text.encode()).hexdigest())
    return row


def json_sha256(text: str) -> str:
    """The sha256 of a record's JSON text as ``<id>.json`` holds it (UTF-8)."""
    return hashlib.sha256(text.encode()).hexdigest()


def _section_rows(doc_id, outline) -> list[tuple]:
    return [(doc_id, n["path"], i, n["label"], n["kind"], n["depth"], n["parent"], n["heading"], *n["span"][:2],
             *n["body_span"][:2]) for i, n in enumerate(outline)]


GOAL_HEADING = P.GOAL_PARAGRAPH  # 主要目标, 工作目标, 指导思想和工作目标, 2022年工作目标 …


def _goal_rows(doc_id, outline, text):
    """The 主要目标 paragraphs: not measures, yet where a notice states its indicators
    (in a 总体要求 without sub-items, when it has no 主要目标 of its own)."""
    parents = {n["parent"] for n in outline}
    for n in outline:
        if GOAL_HEADING.match((n["heading"] or "").strip("。：:")) and n["path"] not in parents:
            start, end = n["body_span"]
            yield {"doc_id": doc_id, "path": n["path"], "heading": n["heading"], "text": text[start:end],
                   "start": start, "end": end}


PREAMBLE_PATH = "导语"  # the path of a sentence before the first heading


def _sentence_rows(doc_id, record, goal_rows) -> list[tuple]:
    """Every sentence no other searchable place holds (measures, goal paragraphs, task rows,
    annex indicators, duty clauses), with the part it stands in: ``preamble`` (before the first
    heading: a 九个确保 list), ``goal`` (under a 总体要求/目标 heading: goal lists with items),
    ``annex`` (after 附件) or ``section`` (any other body text). Header lines (issuers, 文号, title,
    addressees) and signatures are not sentences of the notice. Rows as tuples (:data:`SENTENCE_COLUMNS`)."""
    text, outline = record["text"], record["outline"]
    covered = sorted([tuple(m["span"]) for m in record["measures"]] + [(g["start"], g["end"]) for g in goal_rows]
                     + [tuple(r["span"]) for r in (record.get("task_table") or [])]
                     + [tuple(r["span"]) for r in (record.get("annex_indicators") or [])]
                     + [tuple(d["span"]) for d in (record.get("division_of_duties") or [])])
    gaps, at = [], 0
    for start, end in covered:
        if start > at:
            gaps.append((at, start))
        at = max(at, end)
    gaps.append((at, len(text)))
    body = outline[0]["span"][0] if outline else len(text)
    annex = next((n["span"][0] for n in outline if n["kind"] == "附件"), len(text))
    goal_paths = {n["path"] for n in outline if GOAL_HEADING.match((n["heading"] or "").strip("。：:"))}
    starts = [n["span"][0] for n in outline]
    rows: list[tuple] = []
    lines: dict[int, tuple[str, bool, bool, bool]] = {}  # a line's start -> what _is_sentence knows of it
    for gap in gaps:
        for start, end in sentence_spans(text, *gap):
            if end - start < 4:
                continue
            sentence = text[start:end]
            node = _deepest_node(outline, starts, start)
            if not _is_sentence(text, start, sentence, node, lines):
                continue
            kind = ("preamble" if start < body else "annex" if start >= annex
                    else "goal" if node and _under(node["path"], goal_paths) else "section")
            path = node["path"] if node else PREAMBLE_PATH if start < body else BODY_PATH
            rows.append((doc_id, len(rows), kind, path, (node["heading"] or node["label"]) if node else path,
                         sentence, start, end))
    return rows


def _deepest_node(outline: list, starts: list[int], offset: int):
    """The deepest outline node holding ``offset`` (nodes nest, in the order they start: the
    last to start before ``offset`` that still holds it), or None."""
    for i in range(bisect.bisect_right(starts, offset) - 1, -1, -1):
        if outline[i]["span"][1] > offset:
            return outline[i]
    return None


_CLAUSE_STOPS = re.compile("[，。；]")


def _is_sentence(text: str, start: int, sentence: str, node, lines: dict | None = None) -> bool:
    """Whether a piece of text is a sentence of the notice, not a line of its header or signature.
    Outside the outline (before the first heading, after the last) only a line with a clause in it
    counts (the title, 文号, issuers, addressees, 附件 list and dates have none); inside it, a
    heading, a line with a clause or a longer line (an annex's title), never a bare label, a
    body's name, a date or a table row's cells of names and numbers. ``lines`` keeps what is
    known of each line already seen (a line holds several sentences)."""
    line_start = text.rfind("\n", 0, start) + 1
    known = lines.get(line_start) if lines is not None else None
    if known is None:  # (the line, a header line, a table row, a line with a clause)
        line_end = text.find("\n", start)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        known = (line, bool(is_org_line(line) or P.DATE_LINE.match(line)), "\t" in line,
                 bool(_CLAUSE_STOPS.search(line)))
        if lines is not None:
            lines[line_start] = known
    line, header, row, clause = known
    if header or P.LABEL_ONLY.match(sentence):
        return False
    if row and not _CLAUSE_STOPS.search(sentence):  # a table row's other cells (units, numbers)
        return False
    if node is None:
        return clause and not (line.endswith(("：", ":")) and "。" not in line)  # addressees
    return clause or start == node["span"][0] or len(line) >= 12


BODY_PATH = "正文"  # the path of a sentence after the body's last heading, outside every item


def _under(path: str, paths: set[str]) -> bool:
    """Whether ``path`` is one of ``paths`` or below one of them."""
    parts = path.split("/")
    return any("/".join(parts[:i]) in paths for i in range(1, len(parts) + 1))


def measure_id(doc_id: str, path: str) -> str:
    return f"{doc_id}:{path}"


def _measure_rows(doc_id, measures, ids: list[str]) -> list[tuple]:
    return [(ids[i], doc_id, m["path"], i, m["title"], m["text"], m["span"][0], m["span"][1])
            for i, m in enumerate(measures)]


def _unit_rows(doc_id, measures, ids: list[str]) -> list[tuple]:
    # an inferred unit's evidence (shared_terms): the words its duty clause shares with the measure
    return [(doc_id, mid, i, u["unit"], u["role"], u["source"], u["span"][0], u["span"][1],
             "、".join(u.get("shared_terms") or []) or None)
            for m, mid in zip(measures, ids) for i, u in enumerate(m["unit_mentions"])]


def _rows(doc_id, items, keys: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple]]:
    """(columns, rows) of a list of spanned items: doc_id, position, start, end, then ``keys``."""
    return (("doc_id", "position", "start", "end", *keys),
            [(doc_id, i, item["span"][0], item["span"][1], *map(item.get, keys)) for i, item in enumerate(items)])


# ------------------------------------------------------------------ reading back


def record_json(record: Record) -> str:
    """The public record as JSON text — the bytes of ``extracted/<id>.json`` and of
    ``documents.record``. Workers compute it once (``_json`` key) so the writer need not."""
    if record.get("_json"):
        text = record["_json"]
        return text.decode() if isinstance(text, bytes) else text
    return record_json_bytes(record).decode()


def record_json_bytes(record: Record) -> bytes:
    """:func:`record_json` as UTF-8 bytes, as orjson writes them (an ingest worker's ``_json``: the
    JSON file, the stored record and its hash take the bytes, which are never decoded)."""
    if record.get("_json"):
        text = record["_json"]
        return text if isinstance(text, bytes) else text.encode()
    # orjson writes the bytes json.dumps(..., ensure_ascii=False, indent=2) would, ~9× faster
    return orjson.dumps(public_record(record), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def public_record(record: Record) -> dict:
    """The record without the bulky internal keys (text, outline are kept)."""
    return {k: v for k, v in record.items() if k not in ("source_map", "_json")}


def record_sizes(db: sqlite_utils.Database) -> dict[str, int]:
    """Bytes of each stored record's JSON (what ``extracted/<id>.json`` holds), by id."""
    return dict(db.execute("select id, length(cast(record as blob)) from documents").fetchall())


# The status (``"size mtime_ns ctime_ns inode"``) of each document's ``<id>.json`` when ingest last
# wrote it or found it equal to the record: a cache of the file system, not a fact of the notice, kept
# apart from the documents table (whose rows are the same on every ingest of the same notices).
JSON_FILES_SQL = "create table if not exists json_files (doc_id text primary key, status text)"


def json_checks(db: sqlite_utils.Database) -> list[tuple[str, str | None, str | None]]:
    """(id, sha256 of the record's JSON, status of its JSON file when last written or found equal,
    or None) of every stored document: what tells an unchanged ``<id>.json`` without reading it."""
    return db.execute("select d.id, d.json_sha256, f.status from documents d "
                      "left join json_files f on f.doc_id = d.id").fetchall()


def set_json_status(db: sqlite_utils.Database, doc_id: str, status: str | None) -> None:
    """Remember the status of ``<id>.json`` as just written (inside the caller's transaction)."""
    db.execute("insert or replace into json_files (doc_id, status) values (?, ?)", [doc_id, status])


def set_json_statuses(db: sqlite_utils.Database, statuses: list[tuple[str, str | None]]) -> None:
    """Remember (id, status) pairs: JSON files found equal to their record, or rewritten from it."""
    with writing(db):
        db.conn.executemany("insert or replace into json_files (doc_id, status) values (?, ?)", statuses)


def load_record_json(db: sqlite_utils.Database, doc_id: str) -> str:
    """The stored record as the JSON text of ``extracted/<id>.json``."""
    row = db.execute("select record from documents where id = ?", [doc_id]).fetchone()
    if row is None:
        raise DocumentNotFound(f"no document with id '{doc_id}'")
    return row[0]


def load_record(db: sqlite_utils.Database, doc_id: str) -> Record:
    row = db.execute("select record from documents where id = ?", [doc_id]).fetchone()
    if row is None:
        raise DocumentNotFound(f"no document with id '{doc_id}'")
    return json.loads(row[0])


def list_documents(db: sqlite_utils.Database, ids: list[str] | None = None) -> list[dict]:
    """One summary row per stored document (only ``ids``, when given), by date."""
    where = f"where id in ({', '.join('?' for _ in ids)}) " if ids is not None else ""
    return list(db.query(
        "select id, doc_number, locality, admin_level, issue_date, title, ocr, n_measures, n_targets, n_citations, "
        "warnings, case when issue_date is null then json_extract(record, '$.date_bound.month') end as issue_month "
        f"from documents {where}order by issue_date, id", ids or []))


def resolve_document(db: sqlite_utils.Database, ref: str) -> str:
    """The id of the document that ``ref`` names: an id, a 文号, a locality or a path.

    Raises :class:`DocumentNotFound` with the candidates when ``ref`` is ambiguous.
    """

    from .traditional import simplified_query

    ref = ref.strip()
    number = normalise_doc_number(ref) or ref
    queries = [
        ("select id from documents where id = ?", ref),
        ("select id from documents where doc_number = ?", number),
        ("select doc_id from other_doc_numbers where doc_number = ?", number),  # a joint notice's other 文号
        ("select id from documents where path = ? or path like ? escape '\\'", None),
        ("select id from documents where locality = ? or locality like ? escape '\\'", None),
    ]
    for sql, arg in queries:
        escaped = re.sub(r"([%_\\])", r"\\\1", ref)
        name = re.sub(r"([%_\\])", r"\\\1", Path(ref).name)
        args = [arg] if arg is not None else [ref, f"%{name}"] if "path" in sql else [ref, f"{escaped}%"]
        ids = [r[0] for r in db.execute(sql, args).fetchall()]
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise DocumentNotFound(f"'{ref}' matches several documents: {', '.join(ids)}")
    # in the other script: a 文号 (湘卫发 for 湘衛發), a locality (stored in simplified form)
    locality = simplified_query(ref)
    ids = _numbered(db, number) or (
        [r[0] for r in db.execute("select id from documents where locality = ?", [locality])] if locality != ref else [])
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise DocumentNotFound(f"'{ref}' matches several documents: {', '.join(ids)}")
    if not db.execute("select exists (select 1 from documents)").fetchone()[0]:
        raise DocumentNotFound(f"no document matches '{ref}': the database is empty (run policydiff ingest)")
    raise DocumentNotFound(f"no document matches '{ref}' (try an id, a 文号, a locality or a path)")


def _numbered(db: sqlite_utils.Database, number: str) -> list[str]:
    """Ids of the documents numbered ``number`` in either script (湘卫发〔2022〕3号 finds a notice
    printed 湘衛發〔2022〕3號 and the other way round): the 〔year〕serial part looked up as printed,
    the code compared in simplified form."""
    from .traditional import simplified_query

    m = re.search(r"〔(\d{4})〕(\d+)[号號]$", number)
    if not m:
        return []
    wanted = simplified_query(number).replace("號", "号")
    tail = [f"%〔{m[1]}〕{m[2]}_"] * 2
    return list(dict.fromkeys(doc_id for doc_id, printed in db.execute(
        "select id, doc_number from documents where doc_number like ? escape '\\' union all "
        "select doc_id, doc_number from other_doc_numbers where doc_number like ? escape '\\'", tail)
        if printed and simplified_query(printed).replace("號", "号") == wanted))


def unit_aliases(db: sqlite_utils.Database, unresolved: bool = False) -> list[dict]:
    """Raw unit strings of every document with the canonical unit each maps to.
    ``unresolved``: those that name no function, or no locality (neither their own nor,
    for a placeholder like 各市, the one they stand under)."""
    return list(iter_unit_aliases(db, unresolved))


def iter_unit_aliases(db: sqlite_utils.Database, unresolved: bool = False) -> Iterator[dict]:
    """:func:`unit_aliases` one row at a time."""
    unresolved_sql = " where u.kind = 'unresolved' or (u.locality is null and u.parent_name is null)"
    sql = ("select ua.doc_id, ua.raw, coalesce(ua.name, u.name) as canonical, u.function, u.kind, u.level, "
           "coalesce(u.locality, u.parent_name) as locality, u.reason "
           "from unit_aliases ua join units u on u.id = ua.unit_id"
           + (unresolved_sql if unresolved else "") + " order by ua.doc_id, ua.raw")
    yield from db.query(sql)


# the documents numbered ? (normalised form): by their 文号, then by another 文号 a joint notice prints
NUMBERED_SQL = ("select id, 0 from documents where doc_number = ? union all "
                "select doc_id, 1 from other_doc_numbers where doc_number = ? order by 2")


def document_by_number(db: sqlite_utils.Database, doc_number: str) -> str | None:
    """The id of the stored document numbered ``doc_number`` (normalised form), if any: its 文号, or one of the
    other 文号 a joint notice numbered by each issuer prints (other_doc_numbers)."""
    row = db.execute(NUMBERED_SQL, [doc_number] * 2).fetchone()
    return row[0] if row else None


def load_records(db: sqlite_utils.Database, ids) -> dict[str, Record]:
    """The stored records of ``ids`` (those that are stored) by id, in the order of :func:`list_documents`."""
    rows = db.conn.execute("select id, record from documents where id in (select value from json_each(?)) "
                           "order by issue_date, id", [json.dumps(sorted(ids))])
    return {doc_id: orjson.loads(text) for doc_id, text in rows}


def documents_citing(db: sqlite_utils.Database, doc_number: str) -> set[str]:
    """Ids of the stored documents with a citation of ``doc_number``."""
    return {row[0] for row in db.execute("select distinct doc_id from citations where doc_number = ?", [doc_number])}


def load_all_records(db: sqlite_utils.Database) -> dict[str, Record]:
    """Every stored record by id, in the order of :func:`list_documents`."""
    return {r["id"]: load_record(db, r["id"]) for r in list_documents(db)}


# ------------------------------------------------------------------ the whole corpus, one document at a time

CORPUS_ORDER = "order by issue_date, id"  # the order of list_documents and load_all_records


# the order in which the measure frame reads the corpus: (issue date or "", id)
DATE_ORDER = "order by coalesce(issue_date, ''), id"


def iter_records(db: sqlite_utils.Database, order: str = CORPUS_ORDER) -> Iterator[Record]:
    """Every stored record, one at a time, in the order of :func:`load_all_records`
    (or ``order``, an ``order by`` clause of the documents table); for whole-corpus
    commands: the memory of one record, not of the corpus."""
    # the ids are sorted, then each record read by its key: sorting the records themselves
    # would make SQLite hold them all in its sorter
    yield from iter_records_of(db, document_ids(db, order))


def document_ids(db: sqlite_utils.Database, order: str = CORPUS_ORDER) -> list[str]:
    """The id of every stored document, in corpus order (or ``order``)."""
    return [row[0] for row in db.conn.execute(f"select id from documents {order}")]


def iter_records_of(db: sqlite_utils.Database, ids: Iterable[str]) -> Iterator[Record]:
    """The stored records of ``ids``, one at a time in that order (ids not stored are passed over)."""
    for doc_id in ids:  # as bytes: orjson reads the UTF-8 as stored, not decoded to str and encoded again
        row = db.conn.execute("select cast(record as blob) from documents where id = ?", [doc_id]).fetchone()
        if row:
            yield orjson.loads(row[0])


def iter_unit_records(db: sqlite_utils.Database, ids: list[str], units: dict[str, tuple] | None = None
                      ) -> Iterator[Record]:
    """The part of each record of ``ids`` that says who does what, in that order: id,
    locality, admin_level, doc_number, issuers, measures (path, title, text,
    unit_mentions) and unit_map — read from the tables, not from the record JSON (a
    notice's full record, text and outline included, is ~10× the reading and parsing).
    ``units`` keeps the canonical units read so far (kind, function, level, locality)
    between calls."""
    wanted = json.dumps(ids)
    units = {} if units is None else units
    docs = {row[0]: {"id": row[0], "locality": row[1], "admin_level": row[2], "doc_number": row[3],
                     "issuers": [], "measures": [], "unit_map": {}}
            for row in db.conn.execute("select id, locality, admin_level, doc_number from documents "
                                       "where id in (select value from json_each(?))", [wanted])}
    for doc_id, name in db.conn.execute("select doc_id, name from issuers where doc_id in "
                                        "(select value from json_each(?)) order by doc_id, position", [wanted]):
        docs[doc_id]["issuers"].append(name)
    measures = {}
    for doc_id, path, title, text in db.conn.execute(
            "select doc_id, path, title, text from measures where doc_id in (select value from json_each(?)) "
            "order by doc_id, position", [wanted]):
        measures[measure_id(doc_id, path)] = measure = {"path": path, "title": title, "text": text, "unit_mentions": []}
        docs[doc_id]["measures"].append(measure)
    for mid, unit, role, source, start, end in db.conn.execute(
            "select measure_id, unit, role, source, start, end from measure_units "
            "where doc_id in (select value from json_each(?)) order by measure_id, position", [wanted]):
        measures[mid]["unit_mentions"].append({"unit": unit, "role": role, "source": source, "span": [start, end]})
    aliases = db.conn.execute("select doc_id, raw, unit_id, name, parent_name from unit_aliases "
                              "where doc_id in (select value from json_each(?))", [wanted]).fetchall()
    _read_units(db, {row[2] for row in aliases} - units.keys(), units)
    for doc_id, raw, unit_id, name, parent_name in aliases:
        kind, function, level, locality = units[unit_id]
        docs[doc_id]["unit_map"][raw] = {"id": unit_id, "name": name, "parent_name": parent_name, "kind": kind,
                                         "function": function, "level": level, "locality": locality}
    for doc_id in ids:
        if doc_id in docs:
            yield docs.pop(doc_id)  # type: ignore[misc]


def _read_units(db: sqlite_utils.Database, unit_ids: set[str], units: dict[str, tuple]) -> None:
    rows = db.conn.execute("select id, kind, function, level, locality from units where id in "
                           "(select value from json_each(?))", [json.dumps(sorted(unit_ids))])
    units.update((row[0], row[1:]) for row in rows)


def iter_document_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """What identifies each stored document (id, 文号 and a joint notice's other 文号, titles, place, level, date),
    in corpus order."""
    others: dict[str, list[str]] = {}
    for doc_id, number in db.execute("select doc_id, doc_number from other_doc_numbers order by doc_id, position"):
        others.setdefault(doc_id, []).append(number)
    for row in db.query("select id, doc_number, title, body_title, locality, admin_level, issue_date "
                        f"from documents {CORPUS_ORDER}"):
        yield {**row, "other_doc_numbers": others.get(row["id"], [])}


def iter_citing(db: sqlite_utils.Database) -> Iterator[dict]:
    """Each document that cites another, with its citations (as in the record) and its
    text, one at a time in corpus order."""
    documents = db.conn.execute("select id, doc_number, title, locality, admin_level from documents "
                                f"where n_citations > 0 {CORPUS_ORDER}")
    for doc_id, doc_number, title, locality, admin_level in documents:
        citations = [{"title": c[0], "doc_number": c[1], "issuer_hint": c[2], "verb": c[3], "resolved_to": c[4],
                      "span": [c[5], c[6]]}
                     for c in db.conn.execute("select title, doc_number, issuer_hint, verb, resolved_to, start, end "
                                              "from citations where doc_id = ? order by position", [doc_id])]
        yield {"id": doc_id, "doc_number": doc_number, "title": title, "locality": locality,
               "admin_level": admin_level, "citations": citations, "text": document_text(db, doc_id)}


def citation_sources(db: sqlite_utils.Database, verbs) -> tuple[dict[str, list[dict]], dict[str, int]]:
    """What a notice's parent is found from, without reading the record: the citations of each document with a
    citation whose verb ``verbs(verb)`` accepts (in corpus order of their ids), and where each
    one's outline starts (absent without one)."""
    cited: dict[str, list[dict]] = {}
    for doc_id, title, doc_number, verb, start, end in db.conn.execute(
            "select doc_id, title, doc_number, verb, start, end from citations order by doc_id, position"):
        cited.setdefault(doc_id, []).append({"title": title, "doc_number": doc_number, "verb": verb,
                                             "span": [start, end]})
    accepted = {verb: bool(verbs(verb)) for verb in {c["verb"] for cs in cited.values() for c in cs} if verb}
    wanted = [d for d, citations in cited.items() if any(c["verb"] and accepted[c["verb"]] for c in citations)]
    outline = dict(db.conn.execute("select doc_id, min(start) from sections where doc_id in "
                                   "(select value from json_each(?)) group by doc_id", [json.dumps(wanted)]))
    return {d: cited[d] for d in wanted}, outline


def text_windows(db: sqlite_utils.Database, wanted: list[tuple[str, int, int]]) -> list[str]:
    """``text[start:end]`` of each (doc id, start, end) of ``wanted``, in one query, in order ('' for a
    document not stored)."""
    rows = dict(db.conn.execute(
        "select j.key, substr(t.text, json_extract(j.value, '$[1]') + 1, "
        "json_extract(j.value, '$[2]') - json_extract(j.value, '$[1]')) "
        "from json_each(?) j join texts t on t.doc_id = json_extract(j.value, '$[0]')",
        [json.dumps([list(w) for w in wanted])]))
    return [rows.get(i) or "" for i in range(len(wanted))]


def traditional_ids(db: sqlite_utils.Database) -> set[str]:
    """Ids of the notices printed in traditional characters."""
    return {row[0] for row in db.conn.execute("select id from documents where script = 'traditional'")}


def document_text(db: sqlite_utils.Database, doc_id: str, source: bool = False) -> str:
    """The normalised text (what spans point into), or the source text."""
    column = "source" if source else "text"
    row = db.execute(f"select {column} from texts where doc_id = ?", [doc_id]).fetchone()
    if row is None:
        raise DocumentNotFound(f"no document with id '{doc_id}'")
    return row[0]


def source_span(db: sqlite_utils.Database, doc_id: str, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span of the normalised text to the source text (through the stored runs)."""
    row = db.execute("select source_runs from texts where doc_id = ?", [doc_id]).fetchone()
    runs = json.loads(row[0]) if row else []

    def to_source(i: int) -> int:
        for start, src, length in reversed(runs):
            if start <= i:
                return src + min(i - start, length)
        return i

    return to_source(span[0]), to_source(max(span[1] - 1, span[0])) + 1


# ------------------------------------------------------------------ whole tables (export, bulk load)


@lru_cache(maxsize=1)
def _schema_types() -> dict[str, dict[str, type]]:
    memory = sqlite_utils.Database(memory=True)
    ensure_schema(memory)
    return {table: memory[table].columns_dict for table in ["documents", "units", *CHILD_TABLES]}


def column_types(table: str) -> dict[str, type]:
    """The columns of ``table`` in schema order with their Python types (str, int, float),
    as the schema declares them — the types a Parquet export gives its columns.

    >>> list(column_types("targets"))[:3]
    ['doc_id', 'position', 'path']
    """
    return dict(_schema_types()[table])


def read_table(db: sqlite_utils.Database, table: str, columns: list[str]):
    """Every row of ``table`` as tuples of ``columns``, in the order they were stored."""
    return db.execute(f"select {', '.join(f'[{c}]' for c in columns)} from [{table}] order by rowid")


def text_lengths(db: sqlite_utils.Database, ids: list[str] | None = None) -> dict[str, int]:
    """Length of each document's normalised text (the span of the whole document), of ``ids`` only
    when given; in one query, the texts not read into Python."""
    if ids is None:
        return dict(db.execute("select doc_id, length(text) from texts").fetchall())
    return dict(db.conn.execute("select doc_id, length(text) from texts where doc_id in "
                                "(select value from json_each(?))", [json.dumps(ids)]))


def interpretation_ids(db: sqlite_utils.Database, ids: Iterable[str] | None = None) -> set[str]:
    """Ids of the stored pages that explain a notice (genre 解读: ``patterns.INTERPRETATION_GENRES``), among
    ``ids`` when given: the titles that hold the word are looked at first, only their records' genre read."""
    genres = list(P.INTERPRETATION_GENRES)
    titled = " or ".join("title like ?" for _ in genres)
    among = " and id in (select value from json_each(?))" if ids is not None else ""
    return {r[0] for r in db.conn.execute(
        f"select id from documents where ({titled}){among} and json_extract(record, '$.genre') in "
        f"({', '.join('?' for _ in genres)})",
        [*(f"%{g}%" for g in genres), *([json.dumps(sorted(ids))] if ids is not None else []), *genres])}
