"""policydiff export: one Parquet or CSV file per table, read back with pandas and DuckDB."""

import sqlite3

import pytest
from click.testing import CliRunner

from conftest import CORPUS, HUAINAN
from policydiff import store
from policydiff.cli import cli
from policydiff.report.tables import TABLES, table_types, text_cell

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

# tables whose rows are places in a document: each carries doc_id and a span
SPAN_TABLES = ["measures", "measure_units", "targets", "citations", "duties", "task_rows", "annex_indicators",
               "alignment"]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "p.db"
    assert run("ingest", CORPUS, "--db", path, "--workers", "1", "--quiet").exit_code == 0
    return path


@pytest.fixture(scope="module")
def exported(db, tmp_path_factory):
    folders = {}
    for fmt in ("parquet", "csv"):
        folders[fmt] = tmp_path_factory.mktemp(fmt)
        result = run("export", "--db", db, "--format", fmt, "-o", folders[fmt])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as conn:
            n_targets = conn.execute("select count(*) from targets").fetchone()[0]
        assert n_targets > 50 and f"targets.{fmt} ({n_targets} rows)" in result.output
    return folders


def sqlite_frame(db, sql):
    with sqlite3.connect(db) as conn:
        return pd.read_sql_query(sql, conn)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_a_parquet_file_with_the_sqlite_columns(exported, db, table):
    frame = pd.read_parquet(exported["parquet"] / f"{table}.parquet")
    assert list(frame.columns) == list(table_types(table))
    if table != "alignment":
        sqlite_columns = list(store.column_types(table))
        # documents: the JSON record stays in extracted/<id>.json (and the ingest's hash of it in SQLite);
        # the span of the whole text is added;
        # measure_units: each unit's provenance (printed / inferred / implied) is added from its source
        expected = [c for c in sqlite_columns if c not in ("record", "json_sha256")] + (["start", "end"] if table == "documents" else []) \
            + (["provenance"] if table == "measure_units" else [])
        assert list(frame.columns) == expected
        assert len(frame) == sqlite_frame(db, f"select count(*) n from [{table}]")["n"][0]
    if table in SPAN_TABLES + ["documents"]:
        assert frame[["start", "end"]].notna().all().all() and (frame["start"] <= frame["end"]).all()
        assert frame["id" if table == "documents" else "doc_id"].notna().all()


def test_columns_are_typed_as_the_schema_declares(exported):
    targets = pd.read_parquet(exported["parquet"] / "targets.parquet")
    assert targets["value"].dtype == "float64" and targets["start"].dtype == "int64"
    documents = duckdb.sql(f"describe select * from '{exported['parquet']}/documents.parquet'").fetchall()
    types = {name: kind for name, kind, *_ in documents}
    assert types["doc_year"] == "BIGINT" and types["title"] == "VARCHAR" and types["ocr"] == "BIGINT"


def test_duckdb_reads_the_targets_as_sqlite_holds_them(exported, db):
    sql = "select doc_id, indicator, comparator, value, start, \"end\" from {} order by doc_id, position"
    from_parquet = duckdb.sql(sql.format(f"'{exported['parquet']}/targets.parquet'")).fetchall()
    with sqlite3.connect(db) as conn:
        assert from_parquet == conn.execute(sql.format("targets")).fetchall()


def test_spans_point_at_the_text_they_name(exported, db):
    measures = pd.read_parquet(exported["parquet"] / "measures.parquet")
    huainan = measures[measures["doc_id"] == HUAINAN].iloc[0]
    text = store.document_text(store.open_db(db), HUAINAN)
    assert huainan["title"] in text[huainan["start"]:huainan["end"]]


def test_alignment_names_a_frame_entry_or_no_match_for_every_measure(exported):
    alignment = pd.read_parquet(exported["parquet"] / "alignment.parquet")
    measures = pd.read_parquet(exported["parquet"] / "measures.parquet")
    assert sorted(alignment["measure_id"]) == sorted(measures["id"])
    matched = alignment[alignment["reason"] != "no match"]
    assert len(matched) > len(alignment) / 2 and matched["frame_id"].notna().all()


def test_csv_has_a_bom_the_same_rows_and_no_formulas(exported):
    folder = exported["csv"]
    assert (folder / "targets.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    targets = pd.read_csv(folder / "targets.csv", encoding="utf-8-sig")
    parquet = pd.read_parquet(exported["parquet"] / "targets.parquet")
    assert list(targets.columns) == list(parquet.columns) and len(targets) == len(parquet)
    # the comparator "=" (and a change's "+"/"-", 提高5%以上 → "+>=") would be a formula in a spreadsheet: written as text
    assert set(targets["comparator"]) <= {"'=", ">=", "<=", ">", "<", "≥", "≤"} | set(parquet["comparator"]) | {
        f"'{c}" for c in set(parquet["comparator"]) if c[:1] in "+-"}
    assert not {c for c in set(targets["comparator"]) if c[:1] in "+-"}  # never a bare + or - in the CSV
    assert "'=" in set(targets["comparator"]) and "=" not in set(targets["comparator"])


@pytest.mark.parametrize(("value", "cell"), [
    ("=1所", "'=1所"),          # a formula
    ("+86 电话", "'+86 电话"),  # a plus sign starts a formula too
    ("-10%", "'-10%"),          # so does a minus
    ("@SUM(A1)", "'@SUM(A1)"),  # and an at sign (Lotus-style functions)
    ("县卫健局", "县卫健局"),   # ordinary text stays as it is
    (-3, -3),                   # numbers stay numbers
    (None, None),               # empty stays empty
])
def test_text_cell(value, cell):
    assert text_cell(value) == cell


def test_export_without_a_database_is_one_line(tmp_path):
    result = run("export", "--db", tmp_path / "none.db", "-o", tmp_path / "out")
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_measure_units_say_how_each_unit_reads(exported):
    # Kaifeng prints no unit (its sole issuer, implied); Huainan's come from its duty paragraph (inferred)
    frame = pd.read_parquet(exported["parquet"] / "measure_units.parquet")
    by_source = dict(frame.groupby("source")["provenance"].agg(lambda p: set(p)))
    assert by_source["sole_issuer"] == {"implied"} and by_source["duty_paragraph"] == {"inferred"}
    assert by_source["inline_marker"] == by_source["task_table"] == {"printed"}
    csv_frame = pd.read_csv(exported["csv"] / "measure_units.csv")
    assert list(csv_frame["provenance"]) == list(frame["provenance"])
