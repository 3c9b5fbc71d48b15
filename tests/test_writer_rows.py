"""The ingest writer's shortcuts (issue 30) give what the long way gives: ids from strings, a
notice's units named from its own alias rows, the record's JSON as bytes, search indexes without
column sizes, the dropped alias index."""

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import CORPUS, SHENMU
from policydiff import store
from policydiff.ingest import _id_in_root, document_ids, ingest
from policydiff.paths import document_id

ROOT = "/data/notices"


@pytest.mark.parametrize("name", [
    "g00001_000.txt",        # a generated notice: the stem alone
    "通知.TXT",              # the text suffix in capitals is still text
    "notice.pdf",            # another format: its suffix kept after an underscore
    "通知.PDF",              # ... lower-cased
    "a.b.txt",               # a dot inside the stem: only the last suffix counts
    "archive.tar.gz",        # two suffixes: the last one only (x.tar_gz)
    ".hidden",               # a leading dot is not a suffix (pathlib)
    "trailing.",             # nor is a trailing one
    "noext",                 # no suffix at all
    "index.html",            # a web page
])
def test_an_id_from_strings_is_pathlibs_id(name):
    file = f"{ROOT}/{name}"
    assert _id_in_root(file, ROOT) == document_id(Path(file), Path(ROOT))


@pytest.mark.parametrize(("file", "root"), [
    (f"{ROOT}/2021/notice.txt", ROOT),   # in a subfolder: its folders join the id
    (f"{ROOT}/notice.txt", ROOT + "/"),  # a root spelled with a trailing slash
    ("notice.txt", "."),                 # a relative root: os.path.split gives '' here
])
def test_any_other_file_is_left_to_pathlib(file, root):
    assert _id_in_root(file, root) is None
    assert document_ids([(file, root)]) == [document_id(Path(file), Path(root))]


def _aliases(db_path):
    conn = sqlite3.connect(db_path)
    return conn, {row[0]: row[1:] for row in conn.execute("select id, name, parent_name, named_by from units")}


def test_units_named_from_the_rows_written_as_by_reading_them_back(tmp_path, monkeypatch):
    db = tmp_path / "rows" / "p.db"
    ingest([CORPUS], db, workers=1)
    _, from_rows = _aliases(db)
    real = store._name_units
    # the long way: each unit's name read back from unit_aliases (the rows not handed over)
    monkeypatch.setattr(store, "_name_units", lambda db, doc_id, ids, previous, aliases=None:
                        real(db, doc_id, ids, previous, None))
    read_back = tmp_path / "read" / "p.db"
    ingest([CORPUS], read_back, workers=1)
    _, long_way = _aliases(read_back)
    assert from_rows == long_way
    assert any(named_by for _, _, named_by in from_rows.values())


def test_a_unit_takes_the_name_of_its_alias_first_by_printed_string():
    columns = ["doc_id", "raw", "unit_id", "name", "parent_name", "ladder"]
    rows = [("d", "县卫生健康局", "dept:x:卫生健康", "县卫生健康局", None, "3"),  # written first, sorts second
            ("d", "县卫健局", "dept:x:卫生健康", "县卫健局的名", None, "3"),  # 健 (U+5065) before 生 (U+751F)
            ("d", "县民政局", "dept:x:民政", "县民政局", "x县人民政府", "3")]  # a unit with one alias
    first = store._first_aliases((columns, rows))
    assert first["dept:x:卫生健康"] == ("县卫健局的名", None)
    assert first["dept:x:民政"] == ("县民政局", "x县人民政府")


def test_the_stored_record_is_text_and_its_hash_the_files(tmp_path):
    db = tmp_path / "p.db"
    ingest([CORPUS], db, workers=2)
    conn = sqlite3.connect(db)
    kind, record, digest = conn.execute("select typeof(record), record, json_sha256 from documents where id = ?",
                                        [SHENMU]).fetchone()
    assert kind == "text"  # the worker's bytes stored as text (cast), not as a blob
    file = (tmp_path / f"{SHENMU}.json").read_bytes()
    assert record.encode() == file and digest == store.json_sha256(record)
    assert json.loads(file)["id"] == SHENMU


def test_search_indexes_keep_no_column_sizes_and_still_find(tmp_path):
    db = tmp_path / "p.db"
    ingest([CORPUS], db, workers=1)
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("select name from sqlite_master")}
    for table in store.SEARCH_COLUMNS:
        assert f"{table}_fts" in names and f"{table}_fts_docsize" not in names
        conn.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('integrity-check', 1)")
    found = conn.execute("select count(*) from measures_fts where measures_fts match ?", ['"家庭医生"']).fetchone()[0]
    assert found > 0


def test_an_older_databases_third_alias_index_is_dropped(tmp_path):
    db = tmp_path / "p.db"
    ingest([CORPUS], db, workers=1)
    conn = sqlite3.connect(db)
    conn.execute("create index unit_aliases_unit_doc_raw on unit_aliases (unit_id, doc_id, raw)")
    conn.commit()
    conn.close()
    store.open_db(db).close()
    conn = sqlite3.connect(db)
    assert not conn.execute("select 1 from sqlite_master where name = 'unit_aliases_unit_doc_raw'").fetchone()
