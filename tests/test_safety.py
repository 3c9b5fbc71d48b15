"""Nothing destroyed, nothing escapes: another program's database is refused untouched,
and no path built from stored data (ids, partition names) leaves its folder."""

import hashlib
import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import CORPUS, HUAINAN, SHENMU
from policydiff import store
from policydiff.cli import cli
from policydiff.ingest import ingest
from policydiff.paths import UnsafeNameError, inside


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop_db(tmp_path):
    """An SQLite file another program wrote: a shop's customers and orders."""
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("create table customers (id integer primary key, name text)")
    conn.execute("create table orders (id integer primary key, customer integer, total real)")
    conn.execute("insert into customers values (1, '张三')")
    conn.execute("insert into orders values (1, 1, 9.5)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [["docs"], ["who", "先诊疗后付费"], ["units"], ["duties", "医保局"],
                                     ["ingest", CORPUS / f"{SHENMU}.txt"]])
def test_another_programs_database_is_refused_in_one_line_and_left_byte_for_byte(shop_db, command):
    before = digest(shop_db)
    result = run(*command, "--db", shop_db)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "not a policydiff database" in lines[0] and "customers, orders" in lines[0] and str(shop_db) in lines[0]
    assert digest(shop_db) == before
    assert not shop_db.with_name("shop.db-wal").exists()  # not even switched to WAL
    conn = sqlite3.connect(shop_db)
    assert conn.execute("select name from customers").fetchall() == [("张三",)]
    assert conn.execute("select total from orders").fetchall() == [(9.5,)]


def test_a_documents_table_of_another_shape_is_not_taken_for_an_older_policydiff(tmp_path):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.execute("create table documents (isbn text, shelf text)")  # a library's, not ours
    conn.execute("insert into documents values ('978-7', 'A1')")
    conn.commit()
    conn.close()
    result = run("ingest", CORPUS / f"{SHENMU}.txt", "--db", path)
    assert result.exit_code == 1 and "not a policydiff database (it holds documents)" in result.output
    assert sqlite3.connect(path).execute("select * from documents").fetchall() == [("978-7", "A1")]


def test_a_file_that_is_not_sqlite_is_refused_naming_it(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("购物清单\n", encoding="utf-8")
    result = run("docs", "--db", path)
    assert result.exit_code == 1 and f"{path}: not an SQLite database" in result.output
    assert path.read_text(encoding="utf-8") == "购物清单\n"


def test_an_older_policydiff_database_is_still_recognised_and_rebuilt_by_ingest(tmp_path, records):
    path = tmp_path / "p.db"
    db = store.open_db(path)
    store.save_record(db, records[SHENMU])
    db.execute("PRAGMA application_id = 0")  # written before policydiff set its application id
    db.execute("PRAGMA user_version = 1")
    db.close()
    with pytest.raises(store.OldSchemaError):
        store.open_db(path)  # recognised as ours: an old schema, not another program's file
    ingest([CORPUS / f"{HUAINAN}.txt"], path, workers=1)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == store.APPLICATION_ID
    assert conn.execute("select id from documents").fetchall() == [(HUAINAN,)]


def test_a_rebuild_drops_only_policydiffs_own_tables(tmp_path, records):
    path = tmp_path / "p.db"
    db = store.open_db(path)
    store.save_record(db, records[SHENMU])
    db.execute("create table my_notes (doc_id text, note text)")  # a researcher's own table beside ours
    db.execute("insert into my_notes values (?, '核对过')", [SHENMU])
    db.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.close()
    store.open_db(path, rebuild=True).close()
    assert sqlite3.connect(path).execute("select note from my_notes").fetchall() == [("核对过",)]


LEAVES = "it would leave the folder"


@pytest.mark.parametrize(("name", "why"), [
    ("004_9587a739f0f37529", None),        # a bundled notice's id
    ("2021__5__index_html", None),         # folders joined by __
    ("..txt", None),                       # dots inside a name are fine
    ("../../x", LEAVES),                   # climbs out of extracted/
    ("/etc/passwd", LEAVES),               # absolute
    ("a\\..\\..\\b", LEAVES),              # Windows separators
    ("..", LEAVES),
    (".", LEAVES),
    ("", "it is empty"),
    ("x\ny", "it holds a control character"),   # a newline would forge a line of output too
    ("x\x00y", "it holds a control character"),
    ("x\x1b[2Jy", "it holds a control character"),  # a terminal escape
    ("长" * 100, "300 bytes; a file name holds at most 240"),  # longer than a file name may be
])
def test_inside_keeps_every_name_in_its_folder_and_says_why_not(tmp_path, name, why):
    if why is None:
        assert inside(tmp_path, name, ".json").parent == tmp_path
    else:
        with pytest.raises(UnsafeNameError, match="not a safe name") as refused:
            inside(tmp_path, name, ".json")
        assert str(refused.value).endswith(f"({why})")


def test_a_stored_id_that_climbs_out_is_refused_by_name_and_nothing_is_written_outside(tmp_path, records):
    out = tmp_path / "project" / "extracted"
    db = store.open_db(out / "p.db")
    record = dict(records[SHENMU], id="../../escaped")  # what a hostile database holds
    store.save_record(db, record)
    db.close()
    result = run("ingest", CORPUS / f"{HUAINAN}.txt", "--db", out / "p.db")  # restores missing JSON first
    assert "'../../escaped': not a safe name" in result.output
    assert not list(tmp_path.rglob("escaped*"))
    assert (out / f"{HUAINAN}.json").exists()  # the run went on


def test_load_refuses_a_partition_id_or_name_that_climbs_out(tmp_path):
    pytest.importorskip("pyarrow")
    from policydiff.distributed import MANIFESTS, load_partitions, write_partition

    parts = tmp_path / "parts"
    write_partition("p1", [(str(CORPUS / f"{SHENMU}.txt"), str(CORPUS), "../../escaped")], str(parts))
    report = load_partitions(parts, tmp_path / "db" / "p.db")
    assert report.added == 0 and "'../../escaped': not a safe name" in report.failures[0].reason
    assert not list(tmp_path.rglob("escaped*"))
    manifest = parts / MANIFESTS / "p1.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "part": "../../p1"}), encoding="utf-8")
    with pytest.raises(UnsafeNameError, match=r"'\.\./\.\./p1'"):
        load_partitions(parts, tmp_path / "db" / "p.db")
