"""policydiff: structured, queryable evidence from Chinese government policy notices.

The pipeline, one room per stage (``src/policydiff/``)::

    read/        1  a file (text, PDF, Word, web page) -> SourceText
    normalise    2  SourceText -> NormalisedText (one paragraph a line, a map back to the source)
    outline      3  numbered headings -> OutlineNode tree
    metadata     4  文号, title, issuers, dates, addressees, locality
    extract/     5  measures, units, targets, citations, tables
    canonical    6  raw unit strings -> canonical units
    parse           runs 1-6 on one file: the record
    store, ingest   SQLite (sqlite-utils) + extracted/<id>.json, in parallel
    compare/     7  align to the frame, the frame itself, diffs
    graph        8  citation and responsibility graphs
    query        9  who / duties
    report/     10  matrices, exports, rendered notices, the Datasette view
    cli             the ``policydiff`` command, thin over the functions below

The public API (what the command line uses):

>>> import policydiff
>>> record = policydiff.parse_file("corpus/000_43efd9dc9d6528e3.txt")
>>> record["doc_number"], record["locality"], record["admin_level"]
('神卫健发〔2021〕64号', '神木市', 'county')
>>> policydiff.read_file("corpus/000_43efd9dc9d6528e3.txt").encoding
'utf_8'

``open_db(path)`` opens (or creates) a database; ``ingest_files(paths, db_path)`` stores notices;
``who(db, topic)`` and ``duties(db, unit)`` answer researchers; ``diff_document(record, reference)``
and ``compare_documents(a, b, reference)`` compare notices with a reference
(``reference_from_frame(load_frame(), records)`` or ``reference_from_document(record)``).
"""

from __future__ import annotations

from importlib import import_module

# public name -> (module, attribute); imported on first use so that `import policydiff`
# stays cheap for the worker processes and the command line. No public name is
# also the name of a submodule (policydiff.read is the reader package, read_file its verb).
_API = {
    "read_file": ("policydiff.read", "read"),
    "parse_file": ("policydiff.parse", "parse_file"),
    "parse_text": ("policydiff.parse", "parse_text"),
    "open_db": ("policydiff.store", "open_db"),
    "load_record": ("policydiff.store", "load_record"),
    "resolve_document": ("policydiff.store", "resolve_document"),
    "ingest_files": ("policydiff.ingest", "ingest"),
    "who": ("policydiff.query", "who"),
    "duties": ("policydiff.query", "duties"),
    "load_frame": ("policydiff.compare.frame", "load_frame"),
    "reference_from_frame": ("policydiff.compare.diff", "reference_from_frame"),
    "reference_from_document": ("policydiff.compare.diff", "reference_from_document"),
    "diff_document": ("policydiff.compare.diff", "diff_document"),
    "compare_documents": ("policydiff.compare.diff", "compare"),
    "PolicydiffError": ("policydiff.errors", "PolicydiffError"),
}

__all__ = ["__version__", *_API]


# the one place the version is written: pyproject.toml reads it from here (dynamic version), so that
# --version needs no importlib.metadata (~30 ms of every command's start)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _API:
        module, attribute = _API[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'policydiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
