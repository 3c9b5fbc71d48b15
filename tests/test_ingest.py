"""Ingest: idempotence, clean replacement of changed files, workers, transactions."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import CORPUS, HUAINAN, SHENMU
from policydiff import store
from policydiff.ingest import ingest


def table_rows(db_path):
    """Every stored row, but the search indexes and json_files (each JSON file's size, times and
    inode as last written: a new file on every write)."""
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table' and name not like '%fts%' "
                                         "and name != 'json_files'")]
    return {t: sorted(map(repr, conn.execute(f"select * from [{t}]"))) for t in tables}


def ingested_shenmu(tmp_path):
    """A folder holding a copy of the Shenmu notice, ingested: (the copy, the database)."""
    folder = tmp_path / "in"
    folder.mkdir()
    notice = folder / f"{SHENMU}.txt"
    shutil.copy(CORPUS / notice.name, notice)
    db = tmp_path / "p.db"
    ingest([folder], db, workers=1)
    return notice, db


def test_ingesting_twice_gives_the_same_rows_and_json(tmp_path):
    db = tmp_path / "a" / "p.db"
    ingest([CORPUS], db, workers=1)
    before = table_rows(db)
    json_before = {p.name: p.read_bytes() for p in db.parent.glob("*.json")}
    report = ingest([CORPUS], db, workers=1, force=True)
    assert report.updated == 5
    assert table_rows(db) == before
    assert {p.name: p.read_bytes() for p in db.parent.glob("*.json")} == json_before


def test_workers_give_the_same_output_as_one(tmp_path):
    ingest([CORPUS], tmp_path / "one" / "p.db", workers=1)
    ingest([CORPUS], tmp_path / "two" / "p.db", workers=2)
    assert table_rows(tmp_path / "one" / "p.db") == table_rows(tmp_path / "two" / "p.db")


def test_changed_file_replaces_its_records_without_orphans(tmp_path):
    notice, db = ingested_shenmu(tmp_path)
    notice.write_text(notice.read_text(encoding="utf-8").split("三、加强政策供给")[0], encoding="utf-8")
    report = ingest([notice.parent], db, workers=1)
    assert report.updated == 1 and report.changed_ids == [SHENMU]
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("select count(*) from measures").fetchone()[0] == 5
    orphans = conn.execute("select count(*) from measure_units where measure_id not in (select id from measures)")
    assert orphans.fetchone()[0] == 0


def test_a_failed_write_leaves_the_previous_record(tmp_path, records, monkeypatch):
    db_path = tmp_path / "p.db"
    db = store.open_db(db_path)
    store.save_record(db, records[SHENMU])
    broken = dict(records[SHENMU], targets=[{"oops": 1}])  # fails half-way through the writes
    with pytest.raises(KeyError):
        store.save_record(db, broken)
    assert store.load_record(db, SHENMU)["targets"] == records[SHENMU]["targets"]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def search_index_ok(conn) -> None:
    """FTS5's own check of an external-content index against its table's rows."""
    for table in store.SEARCH_COLUMNS:
        conn.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('integrity-check', 1)")


def search_hits(conn, phrase: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "select doc_id from measures where rowid in (select rowid from measures_fts where measures_fts match ?)",
        [f'"{phrase}"'])]


def test_search_index_follows_a_changed_file(tmp_path):
    notice, db = ingested_shenmu(tmp_path)
    conn = sqlite3.connect(db)
    assert SHENMU in search_hits(conn, "先诊疗后付费")
    notice.write_text(notice.read_text(encoding="utf-8").replace("先诊疗后付费", "先治疗再结算"), encoding="utf-8")
    ingest([notice.parent], db, workers=1)
    conn = sqlite3.connect(db)
    search_index_ok(conn)
    assert search_hits(conn, "先诊疗后付费") == []
    assert SHENMU in search_hits(conn, "先治疗再结算")
    assert conn.execute("select count(*) from search_pending").fetchone()[0] == 0


def test_documents_stored_before_a_crash_are_indexed_on_the_next_open(tmp_path, records):
    db_path = tmp_path / "p.db"
    db = store.open_db(db_path)
    store.save_record(db, records[SHENMU], index=False)  # an ingest stopped before its bulk indexing
    assert search_hits(db.conn, "先诊疗后付费") == []
    db.close()
    db = store.open_db(db_path)
    assert SHENMU in search_hits(db.conn, "先诊疗后付费")
    search_index_ok(db.conn)
    store.save_record(db, records[SHENMU])  # replacing an indexed document keeps the index exact
    search_index_ok(db.conn)
    assert search_hits(db.conn, "先诊疗后付费").count(SHENMU) == len(search_hits(db.conn, "先诊疗后付费"))


def test_json_files_are_what_json_dumps_with_indent_2_writes(tmp_path):
    """The record files are written by orjson for speed; their bytes stay those of the
    standard library's json.dumps(ensure_ascii=False, indent=2), the documented format."""
    import json

    db = tmp_path / "p.db"
    ingest([CORPUS], db, workers=1)
    files = sorted(db.parent.glob("*.json"))
    assert len(files) == 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", path.name


def test_a_database_of_an_older_schema_is_refused_by_reads_and_rebuilt_by_ingest(tmp_path, records, caplog):
    db_path = tmp_path / "p.db"
    db = store.open_db(db_path)
    store.save_record(db, records[SHENMU])
    db.execute("PRAGMA user_version = 1")
    db.close()
    with pytest.raises(store.OldSchemaError, match="run `policydiff ingest` to rebuild it"):
        store.open_db(db_path)  # a read command: refused, nothing emptied
    assert sqlite3.connect(db_path).execute("select count(*) from documents").fetchone()[0] == 1
    db = store.open_db(db_path, rebuild=True)  # what ingest does
    assert db.execute("select count(*) from documents").fetchone()[0] == 0
    assert "older policydiff (schema 1" in caplog.text and "policydiff ingest" in caplog.text
    store.save_record(db, records[SHENMU])  # the rebuilt schema takes records again
    assert store.load_record(db, SHENMU)["doc_number"] == records[SHENMU]["doc_number"]


def test_naming_a_document_in_an_empty_database_says_to_ingest(tmp_path):
    from policydiff.errors import DocumentNotFound

    db = store.open_db(tmp_path / "p.db")
    with pytest.raises(DocumentNotFound, match="database is empty"):
        store.resolve_document(db, "淮南市")


def test_indexing_waits_for_another_writer_instead_of_failing(tmp_path, records):
    """A `who` run during an ingest indexes pending notices while the ingest writes:
    the later writer waits for the lock; it does not fail on a stale read."""
    import threading
    import time

    db_path = tmp_path / "p.db"
    db = store.open_db(db_path)
    store.save_record(db, records[SHENMU], index=False)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of writing a notice
    other.execute("insert into search_pending (doc_id) values ('not-yet')")
    errors = []

    def index():  # what `who` does on opening the database
        try:
            store.open_db(db_path).close()
        except Exception as exc:  # "database is locked" when the read came before the other commit
            errors.append(exc)

    worker = threading.Thread(target=index)
    worker.start()
    time.sleep(0.3)
    other.execute("delete from search_pending where doc_id = 'not-yet'")
    other.commit()
    worker.join()
    assert errors == []
    assert SHENMU in search_hits(sqlite3.connect(db_path), "先诊疗后付费")


def test_a_notice_that_cannot_be_stored_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    real_save = store.save_rows

    def failing_save(db, doc_id, rows, index=True):
        if doc_id == SHENMU:
            with store.writing(db):  # fails half-way through its own transaction
                db.execute("insert into search_pending (doc_id) values ('half-written')")
                raise sqlite3.OperationalError("disk I/O error")
        return real_save(db, doc_id, rows, index)

    monkeypatch.setattr(store, "save_rows", failing_save)
    db = tmp_path / "p.db"
    report = ingest([CORPUS], db, workers=1)
    assert [(Path(f.path).name, f.reason) for f in report.failures] == \
        [(f"{SHENMU}.txt", "cannot store it (OperationalError: disk I/O error)")]
    assert report.added == 4
    conn = sqlite3.connect(db)
    assert SHENMU not in {r[0] for r in conn.execute("select id from documents")}
    assert conn.execute("select count(*) from search_pending").fetchone()[0] == 0  # rolled back, then indexed
    assert not (db.parent / f"{SHENMU}.json").exists()


def _one_batch(monkeypatch):
    """Every notice of the run in one transaction (no commit while the writer waits for the worker)."""
    from policydiff import ingest as ingest_module

    real_run = ingest_module._run
    monkeypatch.setattr(ingest_module, "_run", lambda jobs, workers, idle=None: real_run(jobs, workers))


def _stored_ids(db):
    return {r[0] for r in sqlite3.connect(db).execute("select id from documents")}


def test_a_failed_commit_stores_the_batch_again_one_notice_at_a_time(tmp_path, monkeypatch):
    _one_batch(monkeypatch)
    real_commit, failed = store.commit, []

    def commit_once_full(db):
        if not failed:
            failed.append(1)
            raise sqlite3.OperationalError("database or disk is full")
        real_commit(db)

    monkeypatch.setattr(store, "commit", commit_once_full)
    db = tmp_path / "p.db"
    report = ingest([CORPUS], db, workers=1)
    assert failed and report.added == 5 and not report.failures
    assert len(_stored_ids(db)) == 5
    for doc_id, record in sqlite3.connect(db).execute("select id, record from documents"):
        assert (tmp_path / f"{doc_id}.json").read_text(encoding="utf-8") == record


def test_an_error_that_ends_the_batch_transaction_loses_only_its_own_notice(tmp_path, monkeypatch):
    """SQLite rolls a whole transaction back on some errors (a full disk): the notices stored
    before it in the batch (three of the five, ids in sorted order) are stored again, the one
    that failed is reported."""
    _one_batch(monkeypatch)
    real_save = store.save_rows

    def save_or_lose_the_transaction(db, doc_id, rows, index=True):
        if doc_id == HUAINAN:
            db.conn.execute("ROLLBACK")  # as SQLite does on SQLITE_FULL
            raise sqlite3.OperationalError("database or disk is full")
        return real_save(db, doc_id, rows, index)

    monkeypatch.setattr(store, "save_rows", save_or_lose_the_transaction)
    db = tmp_path / "p.db"
    report = ingest([CORPUS], db, workers=1)
    assert [Path(f.path).stem for f in report.failures] == [HUAINAN] and report.added == 4
    assert len(_stored_ids(db)) == 4 and HUAINAN not in _stored_ids(db)
    assert not (tmp_path / f"{HUAINAN}.json").exists()
    for doc_id, record in sqlite3.connect(db).execute("select id, record from documents"):
        assert (tmp_path / f"{doc_id}.json").read_text(encoding="utf-8") == record


NOTICE = """某某县卫生健康局关于做好健康帮扶工作的通知
某卫发〔2022〕{n}号
各乡镇卫生院：
一、加强组织领导
县卫生健康局牵头，县医保局配合，做好第{n}批签约服务。
某某县卫生健康局
2022年3月{day}日
"""


def test_the_report_keeps_counts_and_only_the_first_problems(tmp_path, monkeypatch):
    from policydiff import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "KEEP", 3)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 9):  # eight distinct notices: eight stored documents
        (folder / f"n{n}.txt").write_text(NOTICE.format(n=n, day=n + 1), encoding="utf-8")
    for n in range(6):  # six files of a type no reader takes: six failures
        (folder / f"bad{n}.xyz").write_bytes(b"\x00\x01")
    (folder / "twin.txt").write_text(NOTICE.format(n=1, day=2), encoding="utf-8")  # n1.txt's content again
    lines = []
    report = ingest([folder], tmp_path / "p.db", workers=1, on_problem=lines.append)
    assert (report.added, report.failed, report.duplicated) == (8, 6, 1)
    assert len(report.changed_ids) == 3 and len(report.failures) == 3  # bounded, whatever the run's size
    # every problem still reaches the caller, one line each, as it happens
    assert sum(line.startswith("Error: ") for line in lines) == 6
    assert "Skipped: twin.txt: same content as n1" in lines
    again = ingest([folder], tmp_path / "p.db", workers=1)
    assert again.unchanged == 9 - 1 and again.added == 0
    assert again.duplicated == 1 and again.duplicates == [("twin.txt", "n1")]  # still said, every run


def test_a_rerun_does_not_parse_a_file_whose_content_is_stored_under_another_id(tmp_path, monkeypatch):
    from policydiff import ingest as ingest_module

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NOTICE.format(n=1, day=2), encoding="utf-8")
    (folder / "b.txt").write_text(NOTICE.format(n=1, day=2), encoding="utf-8")  # a.txt's twin
    first = ingest([folder], tmp_path / "p.db", workers=1)
    assert (first.added, first.duplicated) == (1, 1)
    parsed = []
    real = ingest_module._parse_job
    monkeypatch.setattr(ingest_module, "_parse_job", lambda job: parsed.append(job[0]) or real(job))
    again = ingest([folder], tmp_path / "p.db", workers=1)
    assert parsed == []  # its hash is known: the twin is not parsed again
    assert (again.unchanged, again.duplicated, again.duplicates) == (1, 1, [("b.txt", "a")])


def test_a_file_is_not_skipped_unparsed_as_the_twin_of_a_document_this_run_changes(tmp_path, monkeypatch):
    from policydiff import ingest as ingest_module

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(NOTICE.format(n=1, day=2), encoding="utf-8")
    ingest([folder], tmp_path / "p.db", workers=1)
    # b changes; a new file a.txt now holds b's old content: the only copy of it left
    (folder / "b.txt").write_text(NOTICE.format(n=2, day=3), encoding="utf-8")
    (folder / "a.txt").write_text(NOTICE.format(n=1, day=2), encoding="utf-8")
    parsed = []
    real = ingest_module._changed_files

    def jobs(*args):  # the files sent to be parsed (a worker process parses them)
        for job in real(*args):
            parsed.append(Path(job[0]).name)
            yield job

    monkeypatch.setattr(ingest_module, "_changed_files", jobs)
    ingest([folder], tmp_path / "p.db", workers=1)
    assert parsed == ["a.txt", "b.txt"]
    # (the writer, storing a before b, still finds b's old hash and skips a in this run;
    # the next run stores it)
    assert ingest([folder], tmp_path / "p.db", workers=1).added == 1


class CountingPool:
    """A pool that runs each job at once and records how far submissions ran ahead of the caller."""

    def __init__(self):
        self.submitted = self.taken = self.most_ahead = 0

    def shutdown(self, *args, **kwargs):
        pass

    def submit(self, fn, item):
        from concurrent.futures import Future

        self.submitted += 1
        self.most_ahead = max(self.most_ahead, self.submitted - self.taken)
        future = Future()
        future.set_result(fn(item))
        return future


def test_parsed_notices_wait_for_the_writer_in_bounded_number(monkeypatch):
    from policydiff import ingest as ingest_module

    pool = CountingPool()
    monkeypatch.setattr(ingest_module, "_new_pool", lambda workers: pool)
    monkeypatch.setattr(ingest_module, "_parse_chunk", lambda chunk: [x * 2 for x in chunk])
    results = []
    for result in ingest_module._run_pooled(iter([[x] for x in range(1000)]), workers=1):
        results.append(result)
        pool.taken += 1
    assert results == [x * 2 for x in range(1000)]  # in order, all of them
    # the one being taken and CHUNKS_AHEAD ahead, not the whole run
    assert pool.most_ahead <= ingest_module.CHUNKS_AHEAD + 1


@pytest.mark.parametrize("layout, expected", [
    ({"a.txt": "x", "b.txt": "y"}, ["a.txt", "b.txt"]),  # plain files: every one
    ({"a.txt": "x", "z.txt": "->a.txt"}, ["a.txt"]),  # a symlink to a file already found: the file once
    ({"sub/b.txt": "x", "a.txt": "->sub/b.txt"}, ["a.txt"]),  # the link found first (walk order) is the one kept
    ({"a.txt": "x", "notes.md": "readme", ".hidden.txt": "x"}, ["a.txt"]),  # ignored suffixes and hidden files
])
def test_collect_files_finds_each_file_once(tmp_path, layout, expected):
    from policydiff.ingest import collect_files

    for name, content in layout.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content.startswith("->"):
            os.symlink(tmp_path / content[2:], path)
        else:
            path.write_text(content, encoding="utf-8")
    files, failures = collect_files([tmp_path])
    assert [Path(f).relative_to(tmp_path).as_posix() for f, _ in files] == expected and not failures
    assert all(root == str(tmp_path) for _, root in files)
