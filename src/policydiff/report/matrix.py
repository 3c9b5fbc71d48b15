"""Responsibility matrices: task × unit for one notice, frame entry × locality across notices."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..compare.align import PreparedFrame, align_document
from ..models import Record
from ..textutils import column_names, level_rank

ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "责任"}


def document_matrix(record: Record) -> tuple[list[dict], list[str]]:
    """Rows (in document order) and unit columns for one notice.

    From the annexed task table when there is one (reproduced row for row),
    else from the measures' inline markers. Columns are ordered by how many
    tasks a unit leads, then by how many it appears in, then first appearance.
    """
    task_table = record.get("task_table")
    if task_table:
        tasks = [{"no": r["no"], "path": r["measure_path"] or "", "task": r["task"],
                  "cells": {u: "lead" for u in r["lead"]}} for r in task_table]
    else:
        tasks = []
        for i, m in enumerate(record["measures"], start=1):
            cells: dict[str, str] = {}
            for u in m["unit_mentions"]:
                cells.setdefault(u["unit"], u["role"])
            tasks.append({"no": i, "path": m["path"], "task": m["title"], "cells": cells})
    columns = _ordered_units(tasks)
    rows = []
    for t in tasks:
        row = {"序号": t["no"], "path": t["path"], "工作任务": t["task"]}
        row.update({u: ROLE_LABELS.get(t["cells"].get(u), "") for u in columns})
        rows.append(row)
    return rows, ["序号", "path", "工作任务", *columns]


def _ordered_units(tasks: list[dict]) -> list[str]:
    leads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, t in enumerate(tasks):
        for unit, role in t["cells"].items():
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
                        functions.append(u["function"] or u["raw"])
                        raws.append(u["raw"])
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
                functions[a["frame_id"]].append(u["function"] or u["raw"])
                raws[a["frame_id"]].append(u["raw"])
    return ({e: "、".join(dict.fromkeys(f)) or "✓" for e, f in functions.items()},
            {e: "、".join(dict.fromkeys(r)) or "✓" for e, r in raws.items()})
