"""Every indicator side by side over localities (``policydiff targets --across``).

One row per reference indicator (then per indicator only a locality prints),
one cell per locality: comparator, value, unit, deadline and 约束性/预期性 as
printed; "not quantified" when the locality names the indicator without a number
(the sentence is quoted); "not stated" when it does not name it at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import patterns as P
from ..models import Record
from ..patterns import UNIT_NOT_PRINTED
from ..textutils import column_names, sentence_around, sentence_bounds
from ..traditional import simplified_record
from . import genre
from .align import key_terms
from .diff import DIFFERENT_INDICATOR, DIFFERENT_PERIOD, IMPLAUSIBLE, is_change, list_items_for, values_for
from .frame import compared_targets
from .printed import as_printed_quote, printed_form
from .standards import implausible, other_period, qualifiers

NOT_QUANTIFIED = "not quantified"
NOT_STATED = "not stated"
OTHER_FIGURES = "other figures printed"
STATUS_ONLY = "only a status figure printed (a level already reached), no target"


def targets_across(records: Iterable[Record], indicators: list[dict]) -> list[dict]:
    """Rows ``{"indicator", "binding", "reference", "cells": {column: cell}}`` (see module docstring).

    ``records`` may be a stream: each is read once and only its cells are kept. A column is the
    locality, or ``locality（文号）`` where several notices share a locality. An indicator only
    localities print (not in the reference) is one row, whoever prints it."""
    reference_rows = [{"indicator": row["indicator"], "binding": row.get("binding"),
                       "reference": (row.get("frame_values") or [None])[0], "cells": {}} for row in indicators]
    own_rows: dict[tuple[str, int], dict] = {}  # (indicator as printed, n) -> its row
    documents, explaining_ids = [], set()
    for printed in records:
        record = simplified_record(printed)  # a traditional notice: through its simplified rendering, quoted as printed
        form = printed_form(printed, record)
        explaining = genre.is_interpretation(record.get("genre"))  # a 解读 page: "not named", never "not stated"
        if explaining:
            explaining_ids.add(record["id"])
        documents.append((record["id"], genre.marked(record.get("locality") or record["id"], record.get("genre"))
                          if explaining else record.get("locality"), record.get("doc_number")))
        used: set[tuple] = set()
        for row, out in zip(indicators, reference_rows):
            found = _values_for(row, record, out["reference"])
            used.update(tuple(t["span"]) + (t["value"],) for t in found)
            out["cells"][record["id"]] = _as_printed(form, _period_cell(row, found, out["reference"]) or
                                                     _cell(found, named=out["reference"] is None) if found
                                                     else _items_cell(row, record, out["reference"]) or
                                                     _unquantified(row["indicator"], record, explaining))
        for t in compared_targets(record):  # indicators only localities print
            if t["path"] == "annex" and tuple(t["span"]) + (t["value"],) not in used and not _is_condition(t, record):
                _own_row(own_rows, t, record["id"])["cells"][record["id"]] = _as_printed(form, _cell([t]))
    for out in [*reference_rows, *own_rows.values()]:
        _flag_implausible(out)
    names = column_names(documents)
    not_stated = {"status": NOT_STATED}
    missing = {doc_id: {"status": genre.NOT_EXPLAINED} if doc_id in explaining_ids else not_stated
               for doc_id, _, _ in documents}
    return [{**row, "cells": {names[doc_id]: row["cells"].get(doc_id, missing[doc_id]) for doc_id, _, _ in documents}}
            for row in [*reference_rows, *own_rows.values()]]


def _as_printed(form, cell: dict) -> dict:
    """A cell of a notice printed in traditional characters with its quote and the indicator as it prints it in
    its printed characters (each piece of a quote joined by ; or …); any other notice's as it is."""
    if form is None:
        return cell
    shown = dict(cell)
    if isinstance(shown.get("quote"), str):
        shown["quote"] = "; ".join(as_printed_quote(form, piece) for piece in shown["quote"].split("; "))
    if isinstance(shown.get("printed_as"), str):
        shown["printed_as"] = form.string(shown["printed_as"])
    return shown


def _own_row(rows: dict[tuple[str, int], dict], target: dict, doc_id: str) -> dict:
    """The row of a locality's own indicator; a second value the same notice prints for it gets a row of its own."""
    n = 0
    while (target["indicator"], n) in rows and doc_id in rows[target["indicator"], n]["cells"]:
        n += 1
    return rows.setdefault((target["indicator"], n), {"indicator": target["indicator"], "binding": target["binding"],
                                                      "reference": None, "cells": {}})


def _is_condition(target: dict, record: Record) -> bool:
    from .standards import is_qualifier

    return is_qualifier(target, record["text"])


def _values_for(row: dict, record: Record, reference: dict | None) -> list[dict]:
    """The locality's value for an indicator: the one ``diff`` compares (``diff.values_for``); without a
    reference number, only a matching annex row's."""
    found = values_for(row, record, reference)
    if reference or any(t["path"] == "annex" for t in found[:1]):
        return found[:1]
    # an entry printed without a number (完成标准化建设): a figure whose own clause names it (标准化建设达标率100%)
    terms = key_terms([re.sub(r"[\d.%≥≤]+", " ", row["indicator"])], limit=12)
    return [t for t in found if len(terms) >= 3 and sum(term in t["text"] for term in terms) >= 3][:1]


def _flag_implausible(row: dict) -> None:
    """A cell an order of magnitude away from every other stated value (and the reference) is not compared."""
    stated = {name: c for name, c in row["cells"].items() if c["status"] == "stated"}
    for name, cell in stated.items():
        others = [c["value"] for other, c in stated.items() if other != name and c["unit"] == cell["unit"]]
        others += [row["reference"]["value"]] if row["reference"] and row["reference"]["unit"] == cell["unit"] else []
        if implausible(cell["value"], others):
            cell["status"] = IMPLAUSIBLE


def _period_cell(row: dict, found: list[dict], reference: dict | None) -> dict | None:
    """A change counted over another span than the reference's (比上年 against “十四五”期间): quoted, not compared."""
    t = found[0]
    period = other_period(row["indicator"], t["text"], t.get("deadline_year")) \
        if reference and is_change(reference) and is_change(t) else None
    if not period:
        return None
    return {"status": DIFFERENT_PERIOD, "quote": f"{format_cell({'status': 'stated', **t, 'deadline': None})} "
                                                 f"({t['text']}: {period[1]} year(s) against {period[0]})"}


def _cell(targets: list[dict], named: bool = False) -> dict:
    """``named``: the entry prints no number of its own, so the cell says what the locality's figure measures."""
    t = targets[0]
    return {"status": "stated", **({"printed_as": t["indicator"]} if named else {}),
            "comparator": t["comparator"], "value": t["value"], "high": t.get("high"),
            "unit": t["unit"],
            "deadline": t.get("deadline_year"), "binding": t.get("binding"), "path": t["path"],
            "conditions": qualifiers(t["text"]), "quote": t["text"],
            "deadline_inferred": "inferred" in (t.get("role_cue") or ""),
            "unit_not_printed": UNIT_NOT_PRINTED in (t.get("role_cue") or "")}


def _items_cell(row: dict, record: Record, reference: dict | None) -> dict | None:
    """A paired list restating the indicator item by item (高血压、糖尿病…分别达到60%、60%…): each item's value
    quoted, none taken for the joint indicator."""
    items = list_items_for(row, record, reference) if reference else []
    if not items:
        return None
    return {"status": DIFFERENT_INDICATOR, "quote": "; ".join(f"{t['indicator']} {format_cell({'status': 'stated', **t})}"
                                                          for t in items)}


def _unquantified(indicator: str, record: Record, explaining: bool = False) -> dict:
    """"not quantified" with the sentence that names the indicator, else "not stated"; a sentence that
    prints figures of other nouns says so ("other figures printed": each with its noun), for the reader
    to judge — it is not "not quantified"."""
    terms = key_terms([re.sub(r"[\d.%≥≤]+", " ", indicator)], limit=12)
    need = min(len(terms), max(3, (len(terms) + 1) // 2))  # half the indicator's terms: a sentence naming its topic
    text = record["text"]
    status_only = None  # a sentence whose only figures are status (“十三五”期间…达到100%): not "not quantified"
    for term in terms:
        for match in re.finditer(re.escape(term), text):
            left, end = sentence_bounds(text, (match.start(), match.end()))
            sentence = text[left:end]
            if need and sum(t in sentence for t in terms) >= need:
                figures = [t for t in compared_targets(record) if left <= t["value_span"][0] < end]
                if figures:
                    return {"status": OTHER_FIGURES, "quote": "; ".join(
                        f"{t['indicator']} {format_cell({'status': 'stated', **t, 'deadline': None})}" for t in figures)}
                past = [t for t in record["targets"] if t.get("role") == "status" and left <= t["value_span"][0] < end]
                if past:
                    status_only = status_only or {"status": STATUS_ONLY, "quote": "; ".join(
                        f"{t['indicator']} {format_cell({'status': 'stated', **t, 'deadline': None})}"
                        + (f" ({t['year']})" if t.get("year") else "") for t in past)
                        + " — " + "".join(sentence.split())[:80]}
                    continue  # another sentence may still name it without a number, or with a target
                return {"status": NOT_QUANTIFIED, "quote": "".join(sentence.split())[:80]}
    return status_only or {"status": genre.NOT_EXPLAINED if explaining else NOT_STATED}


def format_cell(cell: dict) -> str:
    """``≥34种 by 2025 [约束性] (脱贫县)`` for a stated value, else its status."""
    if cell["status"] != "stated":  # an implausible value is shown with its quote, not compared
        return cell["status"] + (f": {cell['quote']}" if cell.get("quote") else "")
    symbol = {">=": "≥", "<=": "≤", "=": "", ">": ">", "<": "<"}.get(  # a change: +≥5个百分点
        cell["comparator"], (cell["comparator"] or "").replace(">=", "≥").replace("<=", "≤"))
    value = int(cell["value"]) if float(cell["value"]).is_integer() else cell["value"]
    high = cell.get("high")
    text = (f"{value}–{int(high) if float(high).is_integer() else high}{cell['unit']}" if high is not None
            else f"{symbol}{value}{cell['unit']}")
    text = f"{cell['printed_as']} {text}" if cell.get("printed_as") else text
    text += " (unit not printed: % of a 率)" if cell.get("unit_not_printed") else ""
    if cell.get("deadline"):
        text += f" by {cell['deadline']}" + (" (inferred, see role_cue)" if cell.get("deadline_inferred") else "")
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


def _status_value(t: dict, text: str) -> str:
    """A status figure as its words print it: the comparator a bound word beside the value prints (不低于, 以上),
    else '=' (达到38%: the level reached, never a goal's ≥)."""
    shown = {"status": "stated", **t, "deadline": None}
    if t.get("high") is None and t.get("comparator") in (">=", "<=", ">", "<") and not _bound_printed(t, text):
        shown["comparator"] = "="
    value = format_cell(shown)
    return f"={value}" if shown["comparator"] == "=" and t.get("high") is None else value


def _bound_printed(t: dict, text: str) -> bool:
    """Whether the words beside the figure's value (in its span) print a bound."""
    start, end = t["span"]
    clause = text[start:end]
    number = f"{int(t['value'])}" if float(t["value"]).is_integer() else f"{t['value']}"
    at = clause.rfind(number)
    if at < 0:  # the value not printed in digits (三成): any bound word in the clause
        return bool(P.STATUS_BOUND.search(clause))
    unit = t.get("unit") or ""
    after = clause[at + len(number):] + text[end:end + 6]
    after = after[len(unit):] if after.startswith(unit) else after
    return bool(P.STATUS_BOUND_BEFORE.search(clause[:at]) or P.STATUS_BOUND_AFTER.match(after))


STATUS_COLUMNS = ["locality", "doc_number", "path", "indicator", "value", "year", "why status", "quote", "span"]


def status_figures(records: Iterable[Record]) -> list[dict]:
    """The status figures of each notice (a level already reached, a change already seen) with their year,
    the cue that made them status and the quoted sentence: the baselines beside the targets
    (``policydiff targets --status``). Never compared.

    >>> r = {"id": "x", "locality": "青禾县", "doc_number": None, "text": "截至2020年底，签约率达到75%。",
    ...      "targets": [{"path": "preamble", "indicator": "签约率", "comparator": ">=", "value": 75, "unit": "%",
    ...                   "role": "status", "year": 2020, "role_cue": "截至", "text": "签约率达到75%", "span": [7, 16]}]}
    >>> [(s["indicator"], s["value"], s["year"]) for s in status_figures([r])]
    [('签约率', '=75%', 2020)]
    """
    rows = []
    for record in map(simplified_record, records):
        for t in record["targets"]:
            if t.get("role") == "status":
                rows.append({"locality": record.get("locality") or record["id"], "doc_number": record.get("doc_number"),
                             "path": t["path"], "indicator": t["indicator"],
                             "value": _status_value(t, record["text"]),
                             "year": t.get("year"), "why status": t.get("role_cue"),
                             "quote": sentence_around(record["text"], t["span"]).strip(), "span": t["span"]})
    return rows
