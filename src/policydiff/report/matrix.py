"""Responsibility matrices: task × unit for one notice, frame entry × locality across notices."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..compare.align import PreparedFrame, align_document
from ..models import Record, provenance
from ..textutils import column_names, level_rank

ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "责任", "office": "科室"}
# a printed unit's mark by role; an inferred or implied one has no mark, its provenance instead
ROLE_MARKS = {"lead": "●", "responsible": "●", "support": "○", "office": "◇"}
MATRIX_LEGEND = [
    "legend: ● a unit printed as lead (牵头) or responsible (责任); ○ printed as support (配合); "
    "◇ the issuer's own office (科室, an internal-office column: not the bodies' lead)",
    "legend: (inferred) a duty paragraph's unit, attached to the item by terms they share, not printed beside it; "
    "(implied) the notice's sole issuer, the notice prints no unit",
]


def matrix_cell(role: str, source: str | None) -> str:
    """A matrix cell: the role with its mark where printed, with its provenance where not.

    >>> matrix_cell("lead", "task_table"), matrix_cell("responsible", "sole_issuer")
    ('●牵头', '责任 (implied)')
    """
    label = ROLE_LABELS.get(role, role)
    where = provenance(source)
    return f"{ROLE_MARKS.get(role, '')}{label}" if where == "printed" else f"{label} ({where})"


def marked(name: str, source: str | None, lang: str = "en", shared_terms: list[str] | None = None) -> str:
    """A unit's name as a compact cell shows it: bare where printed, its provenance after it where
    not (with the words an inferred unit shares with the item, where the record gives them).

    >>> marked("民政", "duty_paragraph"), marked("民政", "inline_marker"), marked("民政", "duty_paragraph", "en", ["低保"])
    ('民政 (inferred)', '民政', '民政 (inferred: 低保)')
    """
    where = provenance(source, lang)
    if provenance(source) == "printed":
        return name
    return f"{name} ({where}: {'、'.join(shared_terms)})" if shared_terms else f"{name} ({where})"


ACROSS_LEGEND = ["legend: a cell names the lead or responsible units' functions; a name alone is printed in the "
                 "notice, (inferred) is a duty paragraph's unit attached by shared terms, (implied) the notice's "
                 "sole issuer (it prints no unit); ✓ the entry is carried with no such unit; a cell is read from "
                 "the notice's own items aligned to the entry (by heading or words): an empty cell means no such "
                 "item, not that the notice omits the entry (it may cover it inside another item, in its goals "
                 "or duties: policydiff diff DOC says where)"]


def document_cells(record: Record) -> list[dict]:
    """The tasks of one notice in document order, each with {unit: (role, source)}: the annexed
    task table's rows when there is one (reproduced row for row, every unit column), else the
    measures' units (inline markers, task rows, duty paragraph, sole issuer); a notice with no measures
    but a division of duties (一、职责分工（一）县卫生健康局 1.负责…): each duty, its body responsible as printed."""
    task_table = record.get("task_table")
    if task_table:
        return [{"no": r["no"], "path": r["measure_path"] or "", "task": r["task"],
                 "cells": _row_cells(r)} for r in task_table]
    if not record["measures"]:  # a 职责分工 notice: each body's duties are its tasks (the body printed over them)
        return [{"no": i, "path": d.get("path") or "", "task": d["duty"],
                 "cells": {unit: ("responsible", "article_subject") for unit in d.get("units") or [d["unit"]]}}
                for i, d in enumerate(record.get("division_of_duties") or [], start=1)]
    tasks = []
    for i, m in enumerate(record["measures"], start=1):
        cells: dict[str, tuple[str, str]] = {}
        for u in m["unit_mentions"]:
            cells.setdefault(u["unit"], (u["role"], u["source"]))
        tasks.append({"no": i, "path": m["path"], "task": m["title"], "cells": cells})
    return tasks


def _row_cells(row: dict) -> dict[str, tuple[str, str]]:
    if row.get("units"):
        cells: dict[str, tuple[str, str]] = {}
        for u in row["units"]:
            cells.setdefault(u["unit"], (u["role"], "task_table"))
        return cells
    return {u: ("lead", "task_table") for u in row["lead"]}  # a record of before the roles were kept


def document_matrix(record: Record) -> tuple[list[dict], list[str]]:
    """Rows (in document order) and unit columns for one notice; each cell
    :func:`matrix_cell` (see :data:`MATRIX_LEGEND`). Columns are ordered by how many
    tasks a unit leads, then by how many it appears in, then first appearance.
    """
    tasks = document_cells(record)
    columns = _ordered_units(tasks)
    rows = []
    for t in tasks:
        row = {"序号": t["no"], "path": t["path"], "工作任务": t["task"]}
        row.update({u: matrix_cell(*t["cells"][u]) if u in t["cells"] else "" for u in columns})
        rows.append(row)
    return rows, ["序号", "path", "工作任务", *columns]


def _ordered_units(tasks: list[dict]) -> list[str]:
    leads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, t in enumerate(tasks):
        for unit, (role, _) in t["cells"].items():
            total[unit] += 1
            leads[unit] += role == "lead"
            first.setdefault(unit, i)
    return sorted(total, key=lambda u: (-leads[u], -total[u], first[u]))


def across_matrix(alignments: dict[str, list[dict]], frame: list[dict], records: dict[str, Record]):
    """Frame entry × locality; each cell the lead units' canonical functions.

    ``alignments`` maps doc id → aligned measures (frame_id, path, lead units
    with canonical names). Returns (rows, columns, raw_rows) — raw_rows hold the
    units as printed, for the hover text / second sheet.
    """
    doc_ids = sorted(records, key=lambda d: (level_rank(records[d]["admin_level"]), records[d]["issue_date"] or ""))
    names = column_names([(d, r.get("locality"), r.get("doc_number")) for d, r in records.items()], plain=False)
    columns = ["frame_id", "label"] + [names[d] for d in doc_ids]
    rows, raw_rows = [], []
    for entry in frame:
        row = {"frame_id": entry["id"], "label": entry["label"]}
        raw = dict(row)
        for d in doc_ids:
            hits = [a for a in alignments.get(d, []) if a["frame_id"] == entry["id"]]
            functions, raws = [], []
            for a in hits:
                for u in a["units"]:
                    if u["role"] in ("lead", "responsible"):
                        functions.append(marked(u["function"] or u["raw"], u.get("source")))
                        raws.append(marked(u["raw"], u.get("source")))
            carried = "✓" if hits else ""
            row[names[d]] = "、".join(dict.fromkeys(functions)) or carried
            raw[names[d]] = "、".join(dict.fromkeys(raws)) or carried
        rows.append(row)
        raw_rows.append(raw)
    return rows, columns, raw_rows


def across_table(records: Iterable[Record] | dict[str, Record], frame_entries: list[dict]):
    """Rows of ``policydiff matrix --across``: frame entry × locality, for ``records``
    (by id, or a stream: each record is aligned as it passes and only its cells are kept).
    Returns (rows, columns, raw_rows) as :func:`across_matrix` does."""
    if isinstance(records, dict):
        records = records.values()
    documents = []  # (level rank, date, id, cells, raw cells), in input order
    named = []  # (id, locality, 文号)
    prepared = PreparedFrame(frame_entries)  # once for every record
    for record in records:
        cells, raw_cells = _cells(align_document(record, prepared))
        documents.append((level_rank(record["admin_level"]), record["issue_date"] or "", record["id"],
                          cells, raw_cells))
        named.append((record["id"], record.get("locality"), record.get("doc_number")))
    documents.sort(key=lambda d: d[:2])  # stable: input order within a level and date
    names = column_names(named, plain=False)  # 淮南市（淮卫…号）, unique even where numbers repeat
    documents = [(rank, date, names[doc_id], cells, raw) for rank, date, doc_id, cells, raw in documents]
    columns = ["frame_id", "label"] + [d[2] for d in documents]
    rows, raw_rows = [], []
    for entry in frame_entries:
        row = {"frame_id": entry["id"], "label": entry["label"]}
        raw = dict(row)
        for _, _, column, cells, raw_cells in documents:
            row[column] = cells.get(entry["id"], "")
            raw[column] = raw_cells.get(entry["id"], "")
        rows.append(row)
        raw_rows.append(raw)
    return rows, columns, raw_rows


def _cells(aligned: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """One document's cells by frame entry: lead functions and lead units as printed
    (a ✓ when the entry is carried without a lead unit)."""
    functions: dict[str, list[str]] = {}
    raws: dict[str, list[str]] = {}
    for a in aligned:
        if a["frame_id"] is None:
            continue
        functions.setdefault(a["frame_id"], [])
        raws.setdefault(a["frame_id"], [])
        for u in a["units"]:
            if u["role"] in ("lead", "responsible"):
                functions[a["frame_id"]].append(marked(u["function"] or u["raw"], u.get("source")))
                raws[a["frame_id"]].append(marked(u["raw"], u.get("source")))
    return ({e: "、".join(dict.fromkeys(f)) or "✓" for e, f in functions.items()},
            {e: "、".join(dict.fromkeys(r)) or "✓" for e, r in raws.items()})
