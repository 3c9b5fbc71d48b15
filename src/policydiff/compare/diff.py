"""Diff a locality against the national frame (or any reference document), and
compare two localities side by side through the frame."""

from __future__ import annotations

import difflib
import re

from ..textutils import sentence_around
from .align import NO_MATCH, align_document, frame_from_document, key_terms, topic_score
from .frame import PROVENANCE, annex_targets, load_frame, matching_indicator, national_facts

MERGED_SHARE = 0.75  # key-term coverage inside another measure that counts as merged


def choose_reference(db, against: str | None = None, frame: dict | None = None) -> dict:
    """The reference of a diff: the document ``against`` (an id), else the national
    opinion if it is stored, else ``frame`` (derived from the implementing notices)."""
    from .. import store

    if against:
        return reference_from_document(store.load_record(db, against))
    national_id = store.document_by_number(db, national_facts()["doc_number"])
    if national_id:
        return reference_from_document(store.load_record(db, national_id))
    if frame is None:
        frame = load_frame()
    # the reference reads lead units only from the stored primary documents its evidence names
    # (see _compute_reference_leads): load those, not the corpus
    named = {ev["doc_id"] for entry in frame["entries"] for ev in entry["evidence"]}
    primary = named & store.documents_citing(db, national_facts()["doc_number"])
    return reference_from_frame(frame, store.load_records(db, primary))


def reference_from_frame(frame: dict, records: dict[str, dict]) -> dict:
    return {"kind": "frame", "name": f"national measure frame ({PROVENANCE})",
            "doc_number": frame["national"]["doc_number"],
            "date": frame["national"].get("issue_date") or frame["national"].get("issue_month"),
            "entries": frame["entries"], "indicators": frame.get("indicators", []), "records": records}


def reference_from_document(record: dict) -> dict:
    indicators = [{"no": r["no"], "indicator": r["indicator"], "binding": r["binding"],
                   "frame_values": _values_of(record, r)} for r in record.get("annex_indicators") or []]
    return {"kind": "document", "name": f"{record['locality']} {record['doc_number'] or record['id']}",
            "doc_number": record["doc_number"], "date": record["issue_date"],
            "entries": frame_from_document(record), "indicators": indicators,
            "records": {record["id"]: record}}


def _values_of(record: dict, row: dict) -> list[dict]:
    return [{k: t[k] for k in ("comparator", "value", "unit")} for t in annex_targets(record, row)]


def diff_document(record: dict, reference: dict) -> dict:
    """What ``record`` adopted, omitted, merged and added relative to ``reference``,
    with targets compared by comparator semantics and responsibility compared."""
    aligned = align_document(record, reference["entries"])
    entries = [_entry_status(e, aligned, record, reference) for e in reference["entries"]]
    additions = [{"path": a["path"], "title": a["title"], "span": a["span"]} for a in aligned
                 if a["reason"] == NO_MATCH]
    return {"document": _doc_summary(record), "reference": {k: reference[k] for k in ("kind", "name", "doc_number", "date")},
            "notes": _notes(record, reference), "entries": entries, "additions": additions,
            "targets": compare_targets(record, reference, aligned), "alignment": aligned}


def _doc_summary(record: dict) -> dict:
    return {k: record.get(k) for k in ("id", "locality", "admin_level", "doc_number", "issue_date", "title")}


def _notes(record: dict, reference: dict) -> list[str]:
    notes = []
    if reference["kind"] == "frame":
        notes.append(f"The reference is a frame {PROVENANCE}: the national text ({reference['doc_number']}) "
                     "is not in the corpus.")
    ref_date = reference.get("date") or ""
    if record.get("issue_date") and ref_date and record["issue_date"][:7] < ref_date[:7]:
        notes.append(f"{record['locality']} ({record['issue_date']}) predates the reference ({ref_date}): "
                     "what aligns shows continuity of earlier policy, not implementation.")
    return notes


def _entry_status(entry: dict, aligned: list[dict], record: dict, reference: dict) -> dict:
    local = [a for a in aligned if a["frame_id"] == entry["id"]]
    status = "adopted" if local else "omitted"
    merged_into = None
    if not local:
        merged_into = _merged_into(entry, record)
        status = "merged" if merged_into else "omitted"
    local_leads = _lead_functions(local)
    ref_leads = _reference_leads(entry, reference)
    responsibility = None
    if local_leads and ref_leads:
        responsibility = "same" if local_leads[0] == ref_leads[0] else f"reassigned: {ref_leads[0]} → {local_leads[0]}"
    text = record["text"]
    return {"frame_id": entry["id"], "label": entry["label"], "boilerplate": bool(entry.get("boilerplate")),
            "status": status, "merged_into": merged_into, "key_terms": entry.get("key_terms", []),
            "local": [{"path": a["path"], "title": a["title"], "score": a["score"], "reason": a["reason"],
                       "span": a["span"], "evidence": text[a["span"][0]:a["span"][1]].split("。")[0]}
                      for a in local],
            "reference_headings": _reference_headings(entry, reference),
            "local_leads": local_leads, "reference_leads": ref_leads, "responsibility": responsibility}


def _merged_into(entry: dict, record: dict) -> str | None:
    for m in record["measures"]:
        if entry["label"] in m["text"] or topic_score(m["text"], entry.get("key_terms", [])) >= MERGED_SHARE:
            return m["path"]
    return None


def _lead_functions(aligned: list[dict]) -> list[str]:
    leads = []
    for a in aligned:
        for u in a["units"]:
            if u["role"] in ("lead", "responsible") and (u["function"] or u["raw"]) not in leads:
                leads.append(u["function"] or u["raw"])
    return leads


MAX_HEADINGS = 12


def _reference_headings(entry: dict, reference: dict) -> list[str]:
    """The evidence headings shown for an entry: the first few (primary first)."""
    evidence = sorted(entry["evidence"], key=lambda e: e["doc_id"] not in _primary(reference))[:MAX_HEADINGS]
    more = len(entry["evidence"]) - len(evidence)
    return [f"{e.get('locality') or e['doc_id']} {e['path']} {e['heading']}" for e in evidence] + \
        ([f"… and {more} more"] if more > 0 else [])


def _reference_leads(entry: dict, reference: dict) -> list[str]:
    """Lead functions of an entry on the reference side (cached per reference)."""
    cache = reference.setdefault("_leads", {})
    if entry["id"] not in cache:
        cache[entry["id"]] = _compute_reference_leads(entry, reference)
    return cache[entry["id"]]


def _compute_reference_leads(entry: dict, reference: dict) -> list[str]:
    leads = []
    for ev in entry["evidence"]:
        record = reference["records"].get(ev["doc_id"])
        if record is None or (reference["kind"] == "frame" and ev["doc_id"] not in _primary(reference)):
            continue
        measure = next((m for m in record["measures"] if m["path"] == ev["path"]), None)
        for u in (measure or {}).get("unit_mentions", []):
            function = (record.get("unit_map", {}).get(u["unit"]) or {}).get("function") or u["unit"]
            if u["role"] in ("lead", "responsible") and function not in leads:
                leads.append(function)
    return leads


def _primary(reference: dict) -> set[str]:
    """Ids of the documents that cite the national opinion (computed once per reference)."""
    if "_primary" not in reference:
        number = national_facts()["doc_number"]
        reference["_primary"] = {d for d, r in reference["records"].items()
                                 if any(c["doc_number"] == number for c in r["citations"])}
    return reference["_primary"]


# ------------------------------------------------------------------ targets

_SCOPE = re.compile(r"以(?P<scope>[^，,。]{1,10}?)为单位")


def compare_targets(record: dict, reference: dict, aligned: list[dict]) -> list[dict]:
    """Reference indicator values against the document's, by comparator semantics."""
    results = []
    matched_local = set()
    for row in reference.get("indicators") or []:
        ref_values = row.get("frame_values") or []
        if not ref_values:
            continue
        local_row = matching_indicator(row, record.get("annex_indicators") or [])
        candidates = annex_targets(record, local_row) if local_row else []
        if not candidates:
            candidates = _body_targets_for(row, record)
        for ref in ref_values:
            same_unit = [t for t in candidates if _unit(t["unit"]) == _unit(ref["unit"])]
            local = next((t for t in same_unit if t["comparator"] == ref["comparator"]), None) or \
                next(iter(same_unit), None)
            if local is None:
                results.append({"indicator": row["indicator"], "reference": ref, "local": None,
                                "change": "dropped target" if record.get("annex_indicators") else "not stated"})
                continue
            matched_local.add(tuple(local["span"]) + (local["value"],))
            change = target_change(ref, local)
            scope = _scope_change(row["indicator"], local_row["indicator"] if local_row else local["text"])
            wording = None
            holding = local_row or _indicator_holding(record, local["span"])
            if change == "same" and not scope and holding:  # the indicator rows, worded alike?
                wording = wording_change(_masked(row["indicator"], ref), _masked(holding["indicator"], local))
                change = "same value, reworded" if wording else change
            results.append({"indicator": row["indicator"], "reference": ref,
                            "local": {k: local[k] for k in ("comparator", "value", "unit", "path", "text", "span", "value_span")},
                            "change": scope or change, "wording": wording})
    for t in record["targets"]:
        if t["path"] == "annex" and tuple(t["span"]) + (t["value"],) not in matched_local:
            results.append({"indicator": t["indicator"], "reference": None,
                            "local": {k: t[k] for k in ("comparator", "value", "unit", "path", "text", "span", "value_span")},
                            "change": "new target"})
    return results


def _body_targets_for(row: dict, record: dict) -> list[dict]:
    """Targets in the body that restate an indicator (30种大病 for 大病专项救治病种):
    their clause shares two of the indicator's key terms."""
    terms = key_terms([re.sub(r"\d+|≥|≤", " ", row["indicator"])], limit=12)
    found = []
    for t in record["targets"]:
        sentence = sentence_around(record["text"], t["span"])
        if sum(term in sentence for term in terms) >= 2 and _same_rate(row["indicator"], t["text"]):
            found.append(t)
    return found


_RATE = re.compile(r"([\u4e00-\u9fff]{2})率")


def _same_rate(ref_text: str, local_text: str) -> bool:
    """A rate compares only with the same rate (管理率 is not 覆盖率)."""
    a, b = _RATE.findall(ref_text), _RATE.findall(local_text)
    return not a or not b or a[-1] == b[-1]


UNIT_EQUIVALENTS = {"个病种": "种", "％": "%", "百分点": "个百分点"}


def _unit(unit: str) -> str:
    return UNIT_EQUIVALENTS.get(unit, unit)


def target_change(ref: dict, local: dict) -> str:
    """strengthened / weakened / same / changed, by comparator semantics.

    >>> target_change({"comparator": ">=", "value": 30, "unit": "种"}, {"comparator": ">=", "value": 34, "unit": "种"})
    'strengthened'
    >>> target_change({"comparator": "<=", "value": 10, "unit": "%"}, {"comparator": "<=", "value": 5, "unit": "%"})
    'strengthened'
    """
    if _unit(ref["unit"]) != _unit(local["unit"]):
        return "changed unit"
    if local["value"] == ref["value"]:
        return "same" if local["comparator"] == ref["comparator"] or "=" in (local["comparator"], ref["comparator"]) \
            else "changed comparator"
    floor = ref["comparator"] in (">=", ">", "=")
    higher = local["value"] > ref["value"]
    return "strengthened" if higher == floor else "weakened"


def wording_change(a_text: str, b_text: str) -> dict | None:
    """What ``b_text`` adds to and drops from ``a_text`` (phrases, punctuation
    ignored), or None when they say the same.

    >>> wording_change("有1所县级医院达到二级医院医疗服务能力", "有1所县级医院达到二级甲等医院医疗服务能力")
    {'added': ['甲等'], 'dropped': []}
    """
    a, b = _PUNCT.sub("", a_text or ""), _PUNCT.sub("", b_text or "")
    if a == b:
        return None
    added, dropped = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            dropped.append(a[i1:i2])
        if tag in ("insert", "replace"):
            added.append(b[j1:j2])
    return {"added": added, "dropped": dropped}


_PUNCT = re.compile(r"[\s，。；：、,.;:（）()“”\"《》]")


def _indicator_holding(record: dict, span) -> dict | None:
    """The record's annex indicator row whose text holds ``span``."""
    return next((r for r in record.get("annex_indicators") or []
                 if r["span"][0] <= span[0] and span[1] <= r["span"][1]), None)


def _masked(indicator: str, target: dict) -> str:
    """An indicator row's wording with the target's value (the first ``30种``) masked."""
    value = target["value"]
    printed = f"{int(value) if float(value).is_integer() else value}{target['unit']}"
    return indicator.replace(printed, "#", 1)


def _without_value(target: dict) -> str:
    """The target's quoted text with its own number masked (the value is compared apart)."""
    start = target["span"][0]
    (v0, v1), text = target["value_span"], target["text"]
    return text[:v0 - start] + "#" + text[v1 - start:]


def describe_change(change: str, wording: dict | None) -> str:
    """A target's change with its reworded phrases, for a table cell:
    ``same value, reworded (+甲等 −市区要)``."""
    if not wording:
        return change
    phrases = [f"+{w}" for w in wording["added"]] + [f"−{w}" for w in wording["dropped"]]
    return f"{change} ({' '.join(phrases)})"


def _scope_change(ref_text: str, local_text: str) -> str | None:
    a, b = _SCOPE.search(ref_text or ""), _SCOPE.search(local_text or "")
    if a and b and a.group("scope") != b.group("scope"):
        return f"changed scope: {a.group('scope')} → {b.group('scope')}"
    return None


# ------------------------------------------------------------------ compare


def compare(a: dict, b: dict, reference: dict) -> dict:
    """Two localities side by side, aligned through the reference frame."""
    da, db = diff_document(a, reference), diff_document(b, reference)
    rows = []
    for ea, eb in zip(da["entries"], db["entries"]):
        leads = None
        if ea["local_leads"] and eb["local_leads"]:
            leads = "same lead" if ea["local_leads"][0] == eb["local_leads"][0] else "different lead"
        rows.append({"frame_id": ea["frame_id"], "label": ea["label"], "boilerplate": ea["boilerplate"],
                     "key_terms": ea["key_terms"],
                     "a_status": ea["status"], "a_measures": ea["local"], "a_leads": ea["local_leads"],
                     "b_status": eb["status"], "b_measures": eb["local"], "b_leads": eb["local_leads"],
                     "units": leads})
    deltas = []
    for ta in da["targets"]:
        tb = next((t for t in db["targets"] if t["indicator"] == ta["indicator"] and t["reference"] == ta["reference"]), None)
        if ta["local"] and tb and tb["local"]:
            change = target_change(ta["local"], tb["local"])
            wording = wording_change(_without_value(ta["local"]), _without_value(tb["local"]))
            if change == "same" and wording:
                change = "same value, reworded"  # 二级 → 二级甲等: the number alone says nothing changed
            deltas.append({"indicator": ta["indicator"], "a": ta["local"], "b": tb["local"],
                           "b_vs_a": change, "wording": wording})
    return {"a": da["document"], "b": db["document"], "reference": da["reference"],
            "notes": sorted(set(da["notes"] + db["notes"])), "entries": rows,
            "a_additions": da["additions"], "b_additions": db["additions"], "target_deltas": deltas}


# ------------------------------------------------------------------ tables for output


def _fmt_target(t) -> str:
    return f"{t['comparator']}{t['value']}{t['unit']}" if t else ""


def diff_table(result: dict) -> tuple[list[dict], list[str]]:
    """Rows for the terminal / CSV / Markdown: entries, local additions, targets."""
    rows = [{"id": e["frame_id"], "entry": e["label"] + (" [boilerplate]" if e["boilerplate"] else ""),
             "status": e["status"] + (f" into {e['merged_into']}" if e["merged_into"] else ""),
             "local measures": "; ".join(f"{m['path']} {m['title']} ({m['reason']}, {m['score']})" for m in e["local"]),
             "responsibility": e["responsibility"] or "",
             "local leads": "、".join(e["local_leads"]), "reference leads": "、".join(e["reference_leads"])}
            for e in result["entries"]]
    rows += [{"id": "+", "entry": a["title"], "status": "local addition", "local measures": a["path"]}
             for a in result["additions"]]
    rows += [{"id": "T", "entry": t["indicator"],
              "status": describe_change(t["change"], t.get("wording")),
              "local measures": _fmt_target(t["local"]), "reference leads": _fmt_target(t["reference"])}
             for t in result["targets"]]
    return rows, ["id", "entry", "status", "local measures", "responsibility", "local leads", "reference leads"]


def compare_table(result: dict) -> tuple[list[dict], list[str]]:
    """Rows for the terminal / CSV / Markdown: one per frame entry, additions, target deltas."""
    a, b = result["a"]["locality"], result["b"]["locality"]
    rows = [{"id": e["frame_id"], "entry": e["label"],
             a: "; ".join(f"{m['path']} {m['title']}" for m in e["a_measures"]) or e["a_status"],
             f"{a} leads": "、".join(e["a_leads"]),
             b: "; ".join(f"{m['path']} {m['title']}" for m in e["b_measures"]) or e["b_status"],
             f"{b} leads": "、".join(e["b_leads"]), "units": e["units"] or ""} for e in result["entries"]]
    rows += [{"id": "+", "entry": "local addition", a: f"{x['path']} {x['title']}"} for x in result["a_additions"]]
    rows += [{"id": "+", "entry": "local addition", b: f"{x['path']} {x['title']}"} for x in result["b_additions"]]
    rows += [{"id": "T", "entry": d["indicator"], a: _fmt_target(d["a"]), b: _fmt_target(d["b"]),
              "units": f"{b} vs {a}: {describe_change(d['b_vs_a'], d['wording'])}"}
             for d in result["target_deltas"]]
    return rows, ["id", "entry", a, f"{a} leads", b, f"{b} leads", "units"]
