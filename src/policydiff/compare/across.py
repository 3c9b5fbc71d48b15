"""Every indicator side by side over localities (``policydiff targets --across``).

One row per reference indicator (then per indicator only a locality prints),
one cell per locality: comparator, value, unit, deadline and 约束性/预期性 as
printed; "not quantified" when the locality names the indicator without a number
(the sentence is quoted); "not stated" when it does not name it at all.
"""

from __future__ import annotations

import re

from ..models import Record
from ..textutils import sentence_around
from .align import key_terms
from .diff import _body_targets_for, _unit
from .frame import annex_targets, matching_indicator
from .standards import qualifiers

NOT_QUANTIFIED = "not quantified"
NOT_STATED = "not stated"


def targets_across(records: list[Record], indicators: list[dict]) -> list[dict]:
    """Rows ``{"indicator", "binding", "reference", "cells": {locality: cell}}`` (see module docstring)."""
    rows: list[dict] = []
    used: dict[str, set] = {r["id"]: set() for r in records}
    for row in indicators:
        reference = (row.get("frame_values") or [None])[0]
        cells = {}
        for record in records:
            found = _values_for(row, record, reference)
            used[record["id"]].update(tuple(t["span"]) + (t["value"],) for t in found)
            cells[_name(record)] = _cell(found) if found else _unquantified(row["indicator"], record)
        rows.append({"indicator": row["indicator"], "binding": row.get("binding"), "reference": reference,
                     "cells": cells})
    for record in records:  # indicators only a locality prints
        for t in record["targets"]:
            if t["path"] == "annex" and tuple(t["span"]) + (t["value"],) not in used[record["id"]] \
                    and not _is_condition(t, record):
                cells = {_name(r): ({"status": NOT_STATED} if r is not record else _cell([t])) for r in records}
                rows.append({"indicator": t["indicator"], "binding": t["binding"], "reference": None, "cells": cells})
    return rows


def _name(record: Record) -> str:
    return record.get("locality") or record["id"]


def _is_condition(target: dict, record: Record) -> bool:
    from .standards import is_qualifier

    return is_qualifier(target, record["text"])


def _values_for(row: dict, record: Record, reference: dict | None) -> list[dict]:
    """The locality's value for an indicator: its matching annex row, else (when the reference
    has a number to compare with) a body sentence restating it in the same unit."""
    local_row = matching_indicator(row, record.get("annex_indicators") or [])
    found = [t for t in (annex_targets(record, local_row) if local_row else []) if not _is_condition(t, record)]
    if not found and reference:
        found = _body_targets_for(row, record)
    if reference:
        found = [t for t in found if _unit(t["unit"]) == _unit(reference["unit"])]
    return found[:1]


def _cell(targets: list[dict]) -> dict:
    t = targets[0]
    return {"status": "stated", "comparator": t["comparator"], "value": t["value"], "unit": t["unit"],
            "deadline": t.get("deadline_year"), "binding": t.get("binding"), "path": t["path"],
            "conditions": qualifiers(t["text"]), "quote": t["text"]}


def _unquantified(indicator: str, record: Record) -> dict:
    """"not quantified" with the sentence that names the indicator, else "not stated"."""
    terms = key_terms([re.sub(r"[\d.%≥≤]+", " ", indicator)], limit=12)
    need = min(3, len(terms))
    text = record["text"]
    for term in terms:
        for match in re.finditer(re.escape(term), text):
            sentence = sentence_around(text, (match.start(), match.end()))
            if need and sum(t in sentence for t in terms) >= need:
                return {"status": NOT_QUANTIFIED, "quote": "".join(sentence.split())[:80]}
    return {"status": NOT_STATED}


def format_cell(cell: dict) -> str:
    """``≥34种 by 2025 [约束性] (脱贫县)`` for a stated value, else its status."""
    if cell["status"] != "stated":
        return cell["status"] + (f": {cell['quote']}" if cell.get("quote") else "")
    symbol = {">=": "≥", "<=": "≤", "=": "", ">": ">", "<": "<"}.get(cell["comparator"], cell["comparator"])
    value = int(cell["value"]) if float(cell["value"]).is_integer() else cell["value"]
    text = f"{symbol}{value}{cell['unit']}"
    if cell.get("deadline"):
        text += f" by {cell['deadline']}"
    if cell.get("binding"):
        text += f" [{cell['binding']}]"
    if cell.get("conditions"):
        text += f" ({'、'.join(cell['conditions'])})"
    return text


def across_table(rows: list[dict]) -> tuple[list[dict], list[str]]:
    """Rows for the terminal / CSV / Markdown: indicator, reference value, one column per locality."""
    names = list(rows[0]["cells"]) if rows else []
    table = [{"indicator": r["indicator"], "binding": r["binding"] or "",
              "reference": format_cell({"status": "stated", **r["reference"]}) if r["reference"] else "",
              **{name: format_cell(r["cells"][name]) for name in names}} for r in rows]
    return table, ["indicator", "binding", "reference", *names]
