"""Datasette plugin: `who`, `duties` and `matrix` in the browser from the library's own
functions, so the browser and the command line cannot drift.

`policydiff serve` loads this file with ``--plugins-dir``. It registers three SQL
functions that return the command line's answer rows as a JSON array; the canned
queries of ``report/web.py`` unpack them with ``json_each``.
"""

from __future__ import annotations

import json

import sqlite_utils
from datasette import hookimpl

from policydiff.report.web import duties_rows, matrix_rows, who_rows


@hookimpl
def prepare_connection(conn):
    db = sqlite_utils.Database(conn)
    conn.create_function("policydiff_who", 2, lambda topic, exact: _json(who_rows, db, topic, bool(exact)))
    conn.create_function("policydiff_duties", 1, lambda unit: _json(duties_rows, db, unit))
    conn.create_function("policydiff_matrix", 1, lambda doc: _json(matrix_rows, db, doc))


def _json(rows_of, db, *args) -> str:
    try:
        return json.dumps(rows_of(db, *args), ensure_ascii=False)
    except ValueError as exc:  # an empty or hostile query, a DOC that matches nothing: one row saying so
        return json.dumps([{"error": str(exc)}], ensure_ascii=False)
