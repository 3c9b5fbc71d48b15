"""The database as files for pandas, R and DuckDB: one Parquet or CSV file per table.

The columns are those of the SQLite tables (see ``store.ensure_schema``), typed as
the schema declares them, in the order rows were stored. Every row of a document's
items carries ``doc_id`` and its span (``start``, ``end`` into the normalised text);
``documents`` (keyed by ``id``) carries the span of its whole text and leaves out the
JSON record (that is ``extracted/<id>.json``). Two lookup tables have no span:
``units`` (canonical units, keyed by ``id``) and ``unit_aliases`` (which raw string of
which document names which canonical unit; the places are in ``measure_units``, whose
``provenance`` column says how each unit reads: printed, inferred or implied).
``alignment`` is computed on export: each measure aligned to the frame.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .. import store
from ..compare.align import PreparedFrame, align_document
from ..models import provenance
from .export import text_cell

TABLES = ["documents", "measures", "measure_units", "units", "unit_aliases", "targets", "citations",
          "duties", "task_rows", "annex_indicators", "alignment"]
FORMATS = ["parquet", "csv"]

ALIGNMENT_TYPES = {"doc_id": str, "measure_id": str, "path": str, "title": str, "frame_id": str, "label": str,
                   "score": float, "reason": str, "boilerplate": int, "start": int, "end": int}


def table_types(table: str) -> dict[str, type]:
    """The exported columns of ``table`` with their types."""
    if table == "alignment":
        return dict(ALIGNMENT_TYPES)
    types = store.column_types(table)
    if table == "documents":
        types.pop("record")
        types.pop("json_sha256")  # the ingest's check of extracted/<id>.json, not a fact of the notice
        types.update(start=int, end=int)
    if table == "measure_units":
        types.update(provenance=str)  # printed / inferred / implied, from source (models.provenance)
    return types


def export_tables(db, out_dir, fmt: str = "parquet", frame: list[dict] | None = None) -> dict[str, int]:
    """Write every table of ``db`` to ``out_dir/<table>.<fmt>``; returns the rows written per table.
    Without a ``frame`` the alignment table is left out."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        if table == "alignment" and frame is None:
            continue
        types = table_types(table)
        rows = list(_rows(db, table, types, frame))
        path = out_dir / f"{table}.{fmt}"
        write_parquet(path, types, rows) if fmt == "parquet" else write_csv(path, list(types), rows)
        counts[table] = len(rows)
    return counts


def _rows(db, table: str, types: dict[str, type], frame) -> Iterable[tuple]:
    if table == "alignment":
        return alignment_rows(db, frame or [])
    if table == "documents":
        lengths = store.text_lengths(db)
        columns = list(types)[:-2]
        return ((*row, 0, lengths.get(row[0], 0)) for row in store.read_table(db, table, columns))
    if table == "measure_units":
        columns = list(types)[:-1]
        at = columns.index("source")
        return ((*row, provenance(row[at])) for row in store.read_table(db, table, columns))
    return store.read_table(db, table, list(types))


def alignment_rows(db, frame: list[dict]) -> Iterable[tuple]:
    """One row per measure: the frame entry it aligns to, with score, reason and the measure's span."""
    prepared = PreparedFrame(frame)  # once for every record
    for record in store.iter_records(db):  # one record at a time, in the order of load_all_records
        doc_id = record["id"]
        for hit in align_document(record, prepared):
            yield (doc_id, store.measure_id(doc_id, hit["path"]), hit["path"], hit["title"], hit["frame_id"],
                   hit["label"], float(hit["score"]), hit["reason"], int(hit["boilerplate"]), *hit["span"])


def write_parquet(path: Path, types: dict[str, type], rows: list[tuple]) -> None:
    from ..distributed import arrow_table
    from ..distributed import write_parquet as write_file

    write_file(arrow_table(types, rows), path)


def write_csv(path: Path, columns: list[str], rows: Iterable[tuple]) -> None:
    """UTF-8 with a BOM (Excel reads Chinese), every text cell kept text."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows([text_cell(value) for value in row] for row in rows)


# A spreadsheet reads a cell starting with one of these as a formula.
