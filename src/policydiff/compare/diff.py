"""Diff a locality against the national frame (or any reference document), and
compare two localities side by side through the frame."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import __version__
from ..models import Coverage, Record, Reference, provenance, shown_value
from ..patterns import CHANGE_COMPARATORS, UNIT_NOT_PRINTED
from ..textutils import sentence_around
from ..traditional import PrintedForm, simplified_record
from . import genre
from .align import NO_MATCH, PreparedFrame, align_document, describe_name, frame_from_document, key_terms
from .clauses import other_clause_cell, units_quoted
from .coverage import (
    ANNEX_ONLY,
    DUTIES_ONLY,
    GOALS_ONLY,
    INSIDE_ITEM,
    NOT_FOUND,
    OWN_ITEM,
    PLACE_ORDER,
    TASK_ROW,
    _quote,
    cover,
    cue_pattern,
    entry_units,
    entry_view,
    item_names_entry,
    passages,
)
from .frame import PROVENANCE, annex_targets, compared_targets, load_frame, matching_indicator, national_facts
from .printed import as_printed_quote, printed_form
from .standards import (
    added_clauses,
    clause_holding,
    comparable,
    implausible,
    indicator_key,
    is_qualifier,
    other_period,
    qualifiers,
    standard_change,
    standard_rank,
    wording_change,
)


def choose_reference(db, against: str | None = None, frame: dict | None = None) -> Reference:
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


def reference_from_frame(frame: dict, records: dict[str, Record]) -> Reference:
    number = frame["national"]["doc_number"]
    primary = {d for d, r in records.items() if any(c["doc_number"] == number for c in r["citations"])}
    return Reference(kind="frame", name=f"national measure frame ({PROVENANCE})", doc_number=number,
                     date=frame["national"].get("issue_date") or frame["national"].get("issue_month"),
                     derivation=f"measure frame {PROVENANCE} ({len(frame['entries'])} entries; the national text "
                                f"{number} is not in the corpus); each notice is matched against the other "
                                "notices' evidence only",
                     entries=frame["entries"], indicators=frame.get("indicators", []), records=records,
                     primary_ids=primary)


def reference_from_document(record: Record) -> Reference:
    indicators = [{"no": r["no"], "indicator": r["indicator"], "binding": r["binding"],
                   "frame_values": _values_of(record, r)} for r in record.get("annex_indicators") or []]
    name = f"{record['locality']} {record['doc_number'] or record['id']}"
    return Reference(kind="document", name=name, doc_number=record["doc_number"], date=record["issue_date"],
                     derivation=f"the measures of {name} ({record['issue_date']}), one entry per measure",
                     entries=frame_from_document(record), indicators=indicators, records={record["id"]: record},
                     primary_ids={record["id"]})


def _values_of(record: Record, row: dict) -> list[dict]:
    return [{**{k: t[k] for k in ("comparator", "value", "unit")}, **({"high": t["high"]} if t.get("high") is not None else {})}
            for t in annex_targets(record, row)]


METHOD = ("Each reference entry is looked for in every sentence of the notice: a measure aligned to it by heading "
          "(another notice's heading or the frame rule) is its own item; otherwise a sentence naming its topic "
          "(cue phrases of frame_rules.json), else the sentence printing the notice's value of the entry's "
          "reference target (matched as 'reference target: …'), places it inside another item, or in goals, "
          "duties or annex; 'omitted' means no sentence does, and the nearest passage is shown.")

RESPONSIBILITY_PRINTED = (" Responsibility (same / narrower / wider / different) is compared over the units the "
                          "notices print (beside the item or in a task table); a side with only inferred or implied "
                          "units is 'not comparable' (--include-inferred brings them in).")
RESPONSIBILITY_INCLUDING = (" Responsibility is compared over every unit, printed, inferred (a duty paragraph's, by "
                            "shared terms) and implied (a sole issuer's), each labelled (--include-inferred).")
NOT_COMPARABLE = "not comparable: only inferred/implied units"

FORWARDED = "forwarded, not restated"  # as adoption's and the parent diff's: only the forwarded text carries it
STATUS_OF = {OWN_ITEM: "adopted", INSIDE_ITEM: "merged", GOALS_ONLY: "in goals only", DUTIES_ONLY: "in duties only",
             ANNEX_ONLY: "in annex only", NOT_FOUND: "omitted", TASK_ROW: "adopted", FORWARDED: FORWARDED}
PREDATES = "predates reference"
DATE_UNKNOWN = "date unknown"  # no date printed: an entry nothing covers may be later than the notice


def without_document(entries: list[dict], doc_id: str) -> list[dict]:
    """The frame entries with ``doc_id``'s own evidence left out (a notice must not match itself)."""
    kept = []
    for entry in entries:
        evidence = [e for e in entry["evidence"] if e["doc_id"] != doc_id]
        if len(evidence) == len(entry["evidence"]):
            kept.append(entry)
            continue
        terms = key_terms([e["heading"] for e in evidence] or [entry["label"]])
        kept.append(dict(entry, evidence=evidence, key_terms=terms))
    return kept


def diff_document(record: Record, reference: Reference, include_inferred: bool = False,
                  forwarded: dict | None = None) -> dict:
    """What ``record`` adopted, merged, mentioned elsewhere, omitted and added relative to
    ``reference``, with where each entry is covered, targets and responsibility compared.
    Responsibility is compared over printed units; ``include_inferred`` brings in the units
    inferred from a duty paragraph or implied by a sole issuer, labelled.
    ``forwarded``: the parent the notice forwards (现将《…》转发给你们: ``adoption.find_parent``'s answer with its
    ``record``): an entry only the forwarded text carries is ``forwarded, not restated``, the 转发 sentence quoted,
    never omitted.
    A notice printed in traditional characters is compared in a simplified rendering (same spans), and quoted
    as printed."""
    printed = record
    record = simplified_record(record)
    entries = without_document(reference.entries, record["id"]) if reference.kind == "frame" else reference.entries
    aligned = align_document(record, PreparedFrame(entries))
    sentences = passages(record)
    predates = _predates(record, reference)
    targets = compare_targets(record, reference)
    carried = _carried(forwarded, entries)
    rows = [_entry_status(e, aligned, record, reference, sentences, predates, include_inferred, targets, carried)
            for e in entries]
    merged = {row["merged_into"] for row in rows if row["merged_into"]}  # an item an entry is merged into
    additions = [{"path": a["path"], "title": a["title"], "span": a["span"]} for a in aligned
                 if a["reason"] == NO_MATCH and a["path"] not in merged  # matches that entry: no local addition
                 and not item_names_entry(record, sentences, a, entries)]  # names an entry in heading and sentence
    result = {"document": _doc_summary(printed), "reference": reference.summary(),
            "method": METHOD + (RESPONSIBILITY_INCLUDING if include_inferred else RESPONSIBILITY_PRINTED),
            "tool_version": __version__, "include_inferred": include_inferred,
            "notes": _notes(record, reference) + ([_forwarded_note(record, carried)] if carried else []),
            "entries": rows, "additions": additions,
            "later_citations": [{"doc_number": c["doc_number"], "title": c["title"], "span": c["span"]}
                                for c in later_citations(record)],
            "targets": targets, "alignment": aligned}
    form = printed_form(printed, record)
    return result if form is None else _as_printed(result, form)


def _as_printed(result: dict, form: PrintedForm) -> dict:
    """The diff of a notice printed in traditional characters with what it quotes from the notice — quotes,
    items' titles, units' names, figures' clauses, cited 文号 — in the characters it prints (read from its
    simplified rendering: the same offsets); the frame's words, functions and statuses stay as they are."""
    def quote(text):
        return as_printed_quote(form, text) if isinstance(text, str) else text

    def terms(found: list[str]) -> list[str]:  # the terms said as matched, as the quote prints them (後付費)
        return [form.string(t) for t in found]

    for e in result["entries"]:
        e["quote"] = quote(e["quote"])
        e["matched_terms"] = terms(e["matched_terms"])
        coverage = e["coverage"] = dict(e["coverage"], quote=quote(e["coverage"]["quote"]),
                                        matched_terms=terms(e["coverage"]["matched_terms"]))
        if coverage.get("nearest"):
            coverage["nearest"] = e["nearest"] = dict(coverage["nearest"], quote=quote(coverage["nearest"]["quote"]),
                                                      matched_terms=terms(coverage["nearest"]["matched_terms"]))
        e["local"] = [dict(m, title=quote(m["title"]), evidence=quote(m["evidence"]), matched_terms=terms(m["matched_terms"]))
                      for m in e["local"]]
        for key in ("local_units", "other_clause_units"):
            e[key] = [dict(u, raw=form.string(u["raw"])) for u in e[key]]
        e["local_lead_units"] = [dict(u, names=[form.string(n) for n in u.get("names") or []])
                                 for u in e["local_lead_units"]]
        e["units_quote"] = "; ".join(quote(piece) for piece in e["units_quote"].split("; ")) if e["units_quote"] else ""
    result["additions"] = [dict(a, title=quote(a["title"])) for a in result["additions"]]
    result["later_citations"] = [dict(c, doc_number=quote(c["doc_number"]), title=quote(c["title"]))
                                 for c in result["later_citations"]]
    for t in result["targets"]:
        t["quote"] = quote(t.get("quote"))
        if t.get("local"):
            t["local"] = dict(t["local"], text=quote(t["local"].get("text")))
        if t.get("reference") is None:  # a figure of the notice's own: its indicator is the notice's words
            t["indicator"] = quote(t["indicator"])
    return result


def _carried(forwarded: dict | None, entries: list[dict]) -> dict | None:
    """What the forwarded parent carries: the entries it covers, the 转发 sentence (quote, span, its end: the title
    and that sentence name the forwarded text), and what matched (转发, the parent's 文号)."""
    if not forwarded or forwarded.get("verb") != "转发" or not forwarded.get("record"):
        return None
    from .adoption import notice_adoptions

    covered = notice_adoptions(forwarded["record"], entries, upstream=False)[1].covered
    span = list(forwarded.get("span") or [0, 0])
    return {"entries": covered, "quote": forwarded.get("quote") or "", "span": span, "end": span[1],
            "matched": ["转发", *([forwarded["doc_number"]] if forwarded.get("doc_number") else [])],
            "name": f"{forwarded.get('locality') or ''} {forwarded.get('doc_number') or forwarded.get('id')}".strip()}


def _forwarded_note(record: Record, carried: dict) -> str:
    return (f"{record['locality'] or record['id']} forwards {carried['name']} ({carried['quote']}): an entry only the "
            f"forwarded text carries is '{FORWARDED}' (the 转发 sentence quoted), not omitted.")


def _doc_summary(record: Record) -> dict:
    summary = {k: record.get(k) for k in ("id", "locality", "admin_level", "doc_number", "issue_date", "title",
                                          "genre")}
    if not record.get("issue_date") and _issued(record):
        summary["issue_month"] = _issued(record)  # the date printed to the month only (2022年3月)
    return summary


def _issued(record: Record) -> str:
    """The notice's date, or the month where only the month is printed (2022年3月: date_bound's month)."""
    return record.get("issue_date") or (record.get("date_bound") or {}).get("month") or ""


def _predates(record: Record, reference: Reference) -> bool:
    ref_date = reference.date or ""
    issued = _issued(record)
    return bool(issued and ref_date and issued[:7] < ref_date[:7])


def _notes(record: Record, reference: Reference) -> list[str]:
    notes = []
    if genre.is_interpretation(record.get("genre")):
        notes.append(genre.note(record.get("locality") or record["id"]))
    if reference.kind == "frame":
        notes.append(f"The reference is a frame {PROVENANCE}: the national text ({reference.doc_number}) "
                     "is not in the corpus; each notice is matched against the other notices' evidence only.")
    for citation in later_citations(record):
        notes.append(f"{record['locality']} ({_issued(record)}) cites {citation['doc_number']}, a document of a later "
                     "year: it cannot cite it (a misread 文号, or a later revision of the notice).")
    if not _issued(record):
        if not genre.is_interpretation(record.get("genre")):  # nothing of it is called omitted: no date needed
            notes.append(_undated_note(record, reference))
    elif not record.get("issue_date"):
        bound = record.get("date_bound") or {}
        notes.append(f"{record['locality'] or record['id']} prints its date to the month only ({bound['text']} at "
                     f"{bound['span']}): it is placed against the reference by that month.")
    if _predates(record, reference):
        notes.append(f"{record['locality']} ({_issued(record)}) predates the reference ({reference.date}): "
                     f"it can neither adopt nor omit it (status '{PREDATES}'); what it covers is still shown.")
    return notes


def _undated_note(record: Record, reference: Reference) -> str:
    """What is known of an undated notice's time: the years its text gives, flagged as inferred."""
    note = (f"{record['locality'] or record['id']} prints no date: an entry it does not cover is '{DATE_UNKNOWN}', "
            "not omitted, since the notice may be older than the reference.")
    bound = record.get("date_bound")
    if bound:
        last = bound["years"][1]
        note += (f" Its text names {bound['text']} (at {bound['span']}; {bound['flag']})")
        if last and reference.date and str(last) < reference.date[:4]:
            note += f", a period that ends before the reference ({reference.date}): it likely predates it"
        note += "."
    return note


_YEAR = re.compile(r"[〔\[（(](\d{4})[〕\]）)]")


def later_citations(record: Record) -> list[dict]:
    """Citations whose 文号 year is after the notice's own issue year (a notice cannot cite a later document)."""
    year = _issued(record)[:4]
    found = []
    for c in record.get("citations") or []:
        cited = _YEAR.search(c.get("doc_number") or "")
        if year and cited and cited.group(1) > year:
            found.append(c)
    return found


def _entry_status(entry: dict, aligned: list[dict], record: Record, reference: Reference,
                  sentences, predates: bool, include_inferred: bool = False, targets: list[dict] | None = None,
                  carried: dict | None = None) -> dict:
    local = [a for a in aligned if a["frame_id"] == entry["id"]]
    coverage = cover(entry, local, sentences, entry_view(entry, record["id"]), record)
    if coverage.where == NOT_FOUND:
        coverage = _target_coverage(entry, targets or [], sentences) or coverage
    if carried and entry["id"] in carried["entries"] and (
            coverage.where == NOT_FOUND or (coverage.where == GOALS_ONLY and (coverage.span or [0])[0] < carried["end"])):
        # only the forwarded text carries it (the title and the 转发 sentence name that text)
        coverage = Coverage(entry["id"], FORWARDED, None, carried["quote"], carried["matched"], 100.0,
                            span=carried["span"])
    status = PREDATES if predates else STATUS_OF[coverage.where]
    if coverage.where == NOT_FOUND and not predates and not _issued(record):
        status = DATE_UNKNOWN
    if genre.is_interpretation(record.get("genre")):  # it explains a notice: it adopts and omits nothing
        status = genre.EXPLAINED if coverage.covered else genre.NOT_EXPLAINED
        if coverage.covered:  # its parts are no goals, duties or annex of a notice
            coverage = replace(coverage, where=genre.IN_TEXT)
    clause_units, other_units = entry_units(entry, local, coverage, aligned, sentences, lambda a: a["units"], record)
    local_units = lead_units([{"units": clause_units}])
    ref_units = _reference_leads(entry, reference)
    text = record["text"]
    return {"frame_id": entry["id"], "label": entry["label"], "boilerplate": bool(entry.get("boilerplate")),
            "status": status, "covered": coverage.covered, "where": coverage.where,
            "merged_into": coverage.path if coverage.where == INSIDE_ITEM else None,
            "coverage": coverage.to_dict(), "quote": coverage.quote, "matched_terms": coverage.matched_terms,
            "nearest": coverage.nearest, "key_terms": entry.get("key_terms", []),
            "local": [{"path": a["path"], "title": a["title"], "score": a["score"], "reason": a["reason"],
                       "matched_heading": a.get("matched_heading"), "matched_terms": a.get("matched_terms", []),
                       "span": a["span"], "evidence": text[a["span"][0]:a["span"][1]].split("。")[0]}
                      for a in local],
            "reference_headings": _reference_headings(entry, reference),
            "local_leads": compared(local_units, include_inferred),
            "reference_leads": compared(ref_units, include_inferred),
            "local_lead_units": local_units, "reference_lead_units": ref_units,
            "local_units": [_unit_view(u) for u in clause_units],  # as printed: what local_lead_units are of
            "units_quote": units_quoted(text, clause_units, quote=coverage.quote or ""),  # where they are printed
            "other_clause_units": [_unit_view(u) for u in other_units],
            "responsibility": responsibility_between(ref_units, local_units, include_inferred)}


def _unit_view(unit: dict) -> dict:
    """A unit as the JSON shows it: as printed, its role, function and where it came from."""
    return {"raw": unit["raw"], "role": unit["role"], "function": unit.get("function"), "source": unit["source"],
            "provenance": provenance(unit["source"])}


def _target_coverage(entry: dict, targets: list[dict], sentences) -> Coverage | None:
    """An entry no sentence names, whose reference target (大病专项救治病种≥30种: the entry's cue in the indicator)
    the notice states (its value compared, same / weaker / stronger): the sentence printing that value covers the
    entry, quoted, and the reference target named as what matched. Without it the diff would call the entry
    omitted beside its own target compared."""
    cues = cue_pattern(entry)
    for t in targets:
        local = t.get("local")
        if cues is None or not local or not t.get("reference") or t["change"] in (IMPLAUSIBLE, DIFFERENT_INDICATOR):
            continue
        if not cues.search(t["indicator"]):
            continue
        at = local["span"][0]
        passage = next((p for p in sentences if p.start <= at < p.end), None)
        if passage is None:
            continue
        return Coverage(entry["id"], PLACE_ORDER[passage.part], passage.path, _quote(passage.text),
                        [f"reference target: {t['indicator']}"], 100.0, paths=[passage.path or ""],
                        span=[passage.start, passage.end])
    return None


def lead_units(aligned: list[dict]) -> list[dict]:
    """The lead / responsible functions of aligned measures, each once, with its provenance
    (printed where any of its units is printed) and its role (``lead`` where any of its units
    is printed as lead, else ``responsible``: a 责任 unit is not called a lead).

    >>> lead_units([{"units": [{"role": "responsible", "function": "民政", "raw": "民政部门", "source": "duty_paragraph"}]}])
    [{'function': '民政', 'provenance': 'inferred', 'role': 'responsible', 'names': ['民政部门']}]
    """
    found: dict[str, str] = {}
    roles: dict[str, str] = {}
    names: dict[str, list[str]] = {}  # the names as printed, each once: what the function was read from
    for a in aligned:
        for u in a["units"]:
            if u["role"] in ("lead", "responsible"):
                function, where = u["function"] or u["raw"], provenance(u.get("source"))
                if found.get(function) != "printed":
                    found[function] = where
                if roles.get(function) != "lead":
                    roles[function] = u["role"]
                if u.get("raw") and u["raw"] not in names.setdefault(function, []):
                    names[function].append(u["raw"])
    return [{"function": f, "provenance": p, "role": roles[f], "names": names.get(f, [])} for f, p in found.items()]


def compared(units: list[dict], include_inferred: bool = False) -> list[str]:
    """The functions a comparison uses: the printed ones, or every one with ``include_inferred``."""
    return [u["function"] for u in units if include_inferred or u["provenance"] == "printed"]


def shown(units: list[dict], lang: str = "en") -> str:
    """Units for a table cell: the names as printed with the function compared in brackets (县卫健局（卫生健康）;
    the function alone where it is the name), each not printed followed by its provenance, a printed one that
    is responsible (责任), not lead, said so: 县卫健局（卫生健康）、县医保局（医保） (responsible)、民政 (inferred).

    >>> shown([{"function": "医保", "provenance": "printed", "role": "lead", "names": ["市医疗保障局"]}])
    '市医疗保障局（医保）'
    """
    def mark(u: dict) -> str:
        if u["provenance"] != "printed":
            return f" ({provenance_label(u, lang)})"
        return " (responsible)" if u.get("role") == "responsible" else ""

    def name(u: dict) -> str:
        printed = [n for n in u.get("names") or () if n != u["function"]]
        return f"{'、'.join(printed)}（{u['function']}）" if printed else u["function"]
    return "、".join(name(u) + mark(u) for u in units)


def provenance_label(unit: dict, lang: str = "en") -> str:
    inverse = {"printed": "inline_marker", "inferred": "duty_paragraph", "implied": "sole_issuer"}
    return provenance(inverse.get(unit["provenance"]), lang)


def responsibility_between(reference_units: list[dict], local_units: list[dict],
                           include_inferred: bool = False) -> str | None:
    """The responsibility change over printed units; "not comparable" where a side names units
    but prints none; with ``include_inferred`` over every unit, saying which were not printed.

    >>> responsibility_between([{"function": "卫生健康", "provenance": "printed"}],
    ...                        [{"function": "民政", "provenance": "inferred"}])
    'not comparable: only inferred/implied units (local: inferred)'
    """
    ref, loc = compared(reference_units, include_inferred), compared(local_units, include_inferred)
    if not reference_units or not local_units:
        return None
    if not ref or not loc:
        return _not_comparable((("reference", reference_units, ref), ("local", local_units, loc)))
    change = responsibility_change(ref, loc)
    others = sorted({u["provenance"] for u in [*reference_units, *local_units]} - {"printed"})
    if change and include_inferred and others:
        return change + f" (with {'/'.join(others)} units)"
    return change


def responsibility_change(reference_units: list[str], local_units: list[str]) -> str | None:
    """same / narrower (naming what is dropped) / wider (naming what is added) / different,
    over canonical unit (function) sets.

    >>> responsibility_change(["卫生健康", "民政"], ["卫生健康"])
    'narrower: without 民政'
    """
    if not reference_units or not local_units:
        return None
    ref, loc = set(reference_units), set(local_units)
    if ref == loc:
        return "same"
    if loc < ref:
        return "narrower: without " + "、".join(u for u in reference_units if u not in loc)
    if loc > ref:
        return "wider: adds " + "、".join(u for u in local_units if u not in ref)
    return ("different: adds " + "、".join(u for u in local_units if u not in ref) +
            "; without " + "、".join(u for u in reference_units if u not in loc))


MAX_HEADINGS = 12


def _reference_headings(entry: dict, reference: Reference) -> list[str]:
    """The evidence headings shown for an entry: the first few (primary first)."""
    evidence = sorted(entry["evidence"], key=lambda e: e["doc_id"] not in reference.primary_ids)[:MAX_HEADINGS]
    more = len(entry["evidence"]) - len(evidence)
    return [f"{e.get('locality') or e['doc_id']} {e['path']} {e['heading']}" for e in evidence] + \
        ([f"… and {more} more"] if more > 0 else [])


def _reference_leads(entry: dict, reference: Reference) -> list[dict]:
    """Lead functions of an entry on the reference side (kept in ``reference.leads``)."""
    if entry["id"] not in reference.leads:
        reference.leads[entry["id"]] = _compute_reference_leads(entry, reference)
    return reference.leads[entry["id"]]


def _compute_reference_leads(entry: dict, reference: Reference) -> list[dict]:
    units = []
    for ev in entry["evidence"]:
        record = reference.records.get(ev["doc_id"])
        if record is None or (reference.kind == "frame" and ev["doc_id"] not in reference.primary_ids):
            continue
        measure = next((m for m in record["measures"] if m["path"] == ev["path"]), None)
        units += [{"role": u["role"], "raw": u["unit"], "source": u["source"],
                   "function": (record.get("unit_map", {}).get(u["unit"]) or {}).get("function")}
                  for u in (measure or {}).get("unit_mentions", [])]
    return lead_units([{"units": units}])


# ------------------------------------------------------------------ targets

_SCOPE = re.compile(r"以(?P<scope>[^，,。]{1,10}?)为单位")


def compare_targets(record: Record, reference: Reference) -> list[dict]:
    """Reference indicator values against the document's, by comparator semantics."""
    results = []
    matched_local = set()
    for row in reference.indicators or []:
        ref_values = row.get("frame_values") or []
        if not ref_values:
            continue
        local_row = matching_indicator(row, record.get("annex_indicators") or [])
        for ref in ref_values:
            local = next(iter(values_for(row, record, ref)), None)
            items = [] if local else list_items_for(row, record, ref)
            if items:  # 高血压、糖尿病…患者规范管理率分别达到60%、60%…: one value per disease, not the joint rate
                results.append({"indicator": row["indicator"], "reference": ref, "local": None,
                                "change": DIFFERENT_INDICATOR,
                                "quote": "; ".join(f"{t['indicator']} {_fmt_target(t)}" for t in items)})
                continue
            if local is None:
                results.append({"indicator": row["indicator"], "reference": ref, "local": None,
                                "change": "dropped target" if record.get("annex_indicators") else "not stated"})
                continue
            matched_local.add(tuple(local["span"]) + (local["value"],))
            others = [ref["value"], *other_values(row, record["id"], ref["unit"])]
            if implausible(local["value"], others):
                results.append({"indicator": row["indicator"], "reference": ref, "local": _local_target(local),
                                "change": IMPLAUSIBLE, "quote": local["text"]})
                continue
            period = other_period(row["indicator"], local["text"], local.get("deadline_year")) \
                if is_change(ref) and is_change(local) else None
            if period:  # +3个百分点 比上年 against 5个百分点 over the plan: not weaker, counted over another span
                results.append({"indicator": row["indicator"], "reference": ref, "local": _local_target(local),
                                "change": DIFFERENT_PERIOD, "quote": f"{local['text']} ({period[1]} year(s) against "
                                                                     f"the reference's {period[0]})"})
                continue
            holding = local_row or _indicator_holding(record, local["span"])
            results.append(_target_delta(row, ref, local, holding, record))
    for t in compared_targets(record):
        if t["path"] == "annex" and tuple(t["span"]) + (t["value"],) not in matched_local:
            if is_qualifier(t, record["text"]):
                continue  # 常住人口超过10万人的: a condition of the target beside it, not a target
            results.append({"indicator": t["indicator"], "reference": None, "local": _local_target(t),
                            "change": "new target", "conditions": qualifiers(clause_holding(record["text"],
                                                                                             t["value_span"][0]))})
    return results


IMPLAUSIBLE = "implausible, not compared"
DIFFERENT_PERIOD = "change over another period, not compared"
DIFFERENT_INDICATOR = "different indicators, not compared"


# a listed noun's value said of each item (高血压、糖尿病患者规范管理率均达到65%): 均 right before the comparator
_EACH_OF_LIST = re.compile(r"均(?=达到|达|不低于|不少于|保持|稳定|维持|在|为|超过|高于)")


def _other_list_item(indicator: str, target: dict, record: Record) -> bool:
    """Whether ``target`` is one item of a paired list (A、B、C…分别达到 x、y、z), the value each item of a list
    reaches (A、B患者规范管理率均达到65%), or the joint value of another list than the reference's, whose own
    indicator the reference ``indicator`` does not name: 高血压患者规范管理率 ≥60% — or 高血压、糖尿病's, each or
    jointly — is not the joint rate of four diseases."""
    if indicator_key(target["indicator"]) in indicator_key(indicator):
        return False
    if "、" in target["indicator"]:  # a list of its own: another list than the reference's is another indicator
        inner = re.split("[、和及]", indicator)[1:-1]  # the reference's own listed items (糖尿病, 结核病)
        if inner and not all(item in target["indicator"] for item in inner):
            return True  # 高血压、糖尿病患者规范管理率 (jointly or 均) beside the rate of four diseases
        if not inner and _EACH_OF_LIST.search(target["text"]):
            return True
    siblings = [t for t in record["targets"] if t["span"] == target["span"] and t["indicator"] != target["indicator"]
                and t["unit"] == target["unit"]]
    return bool(siblings) and "分别" in target["text"]


def list_items_for(row: dict, record: Record, reference: dict) -> list[dict]:
    """The items of a paired list that restate the reference indicator item by item, each its own indicator."""
    found = [t for t in _body_targets_for(row, record) if not is_qualifier(t, record["text"])
             and comparable(row["indicator"], reference["unit"], t)]
    return [t for t in found if _other_list_item(row["indicator"], t, record)]


def values_for(row: dict, record: Record, reference: dict | None = None) -> list[dict]:
    """A notice's values for a reference indicator, best first — the one choice that ``diff``, ``compare``
    and ``targets --across`` all make, so that one indicator gives one value everywhere: the matching annex
    row's values, else body sentences restating the indicator; only targets and parameters of the same
    measured noun and unit (``standards.comparable``), conditions (常住人口超过10万人的) aside; a target
    before a parameter, the reference's comparator first, a value with a deadline first, then text order."""
    local_row = matching_indicator(row, record.get("annex_indicators") or [])
    found = annex_targets(record, local_row) if local_row else []
    if not found:
        found = _body_targets_for(row, record)
    found = [t for t in found if not is_qualifier(t, record["text"])]
    if reference:
        found = [t for t in found if comparable(row["indicator"], reference["unit"], t)]
    else:  # no reference value: the unit cannot be compared, the measured noun still must agree
        found = [t for t in found if comparable(row["indicator"], t["unit"], t)]
    found = [t for t in found if not _other_list_item(row["indicator"], t, record)]
    if reference:  # a change (降低50%) never stands for a level (50%), nor a level for a change
        found = [t for t in found if is_change(t) == is_change(reference)]
    order = {"target": 0, "parameter": 1}
    comparator = reference["comparator"] if reference else None
    return sorted(found, key=lambda t: (order.get(t.get("role", "target"), 2), other_grade(row["indicator"], t),
                                        comparator is not None and t["comparator"] != comparator,
                                        t.get("deadline_year") is None, t["value_span"][0]))


def other_grade(reference_text: str, target: dict) -> bool:
    """Whether a target's clause names a standard of another grade than the reference's (力争2所达到三级水平
    beside 1所…二级): a different standard, taken only when nothing of the reference's grade is printed.
    二级甲等 is the same grade as 二级 (a stricter standard of it, compared as such); 基本/推荐标准 are not grades.

    >>> t = {"text": "力争2所达到三级水平"}
    >>> other_grade("有1所县级医院达到二级医院医疗服务能力", t), other_grade("有1所县级医院达到二级医院医疗服务能力",
    ...                                                      {"text": "至少有1所县级医院达到二级甲等水平"})
    (True, False)
    """
    ref, local = standard_rank(reference_text), standard_rank(target.get("text") or "")
    hospital = ("级", "甲")
    return bool(ref and local and any(h in ref[0] for h in hospital) and any(h in local[0] for h in hospital)
                and int(ref[1]) != int(local[1]))


def other_values(row: dict, doc_id: str, unit: str) -> list[float]:
    """The values other notices carry for a frame indicator (``carried_by``), in ``unit``."""
    return [v["value"] for c in row.get("carried_by") or [] if c["doc_id"] != doc_id
            for v in c.get("values") or [] if _unit(v["unit"]) == _unit(unit)]


def _local_target(t: dict) -> dict:
    local = {k: t.get(k) for k in ("comparator", "value", "high", "unit", "path", "text", "span", "value_span")}
    if UNIT_NOT_PRINTED in (t.get("role_cue") or ""):
        local["unit_not_printed"] = True  # 签约服务率要达到70以上: % read from the 率, said in every output
    return local


def _target_delta(row: dict, ref: dict, local: dict, holding: dict | None, record: Record) -> dict:
    """One reference value against the local one: value by comparator, standard by its order,
    conditions apart, clauses the local row adds, the rest of the wording as whole words."""
    if holding:
        start, end = holding["span"]
        clause = clause_holding(record["text"][start:end], local["value_span"][0] - start)
    else:
        clause = clause_holding(record["text"], local["value_span"][0])
    change = target_change(ref, local)
    scope = _scope_change(row["indicator"], holding["indicator"] if holding else local["text"])
    standard = standard_change(row["indicator"], clause)
    if change == "same" and standard:
        change = standard  # 二级 → 二级甲等: same count, a higher standard
    added = added_clauses(row["indicator"], holding["indicator"], clause) if holding else []
    wording = None
    if change in ("same", standard) and not scope and holding:  # the indicator rows, worded alike?
        ref_masked = _masked(row["indicator"], ref)
        ref_clause = clause_holding(ref_masked, max(0, ref_masked.find("#")))
        wording = wording_change(ref_clause, _masked(clause, local))
        change = "same value, reworded" if wording and change == "same" else change
    return {"indicator": row["indicator"], "reference": ref, "local": _local_target(local),
            "change": scope or change, "wording": wording, "added_clauses": added,
            "conditions": {"reference": qualifiers(row["indicator"]), "local": qualifiers(clause)}}


def _body_targets_for(row: dict, record: Record) -> list[dict]:
    """Targets in the body that restate an indicator (30种大病 for 大病专项救治病种):
    their clause shares two of the indicator's key terms."""
    terms = key_terms([re.sub(r"\d+|≥|≤", " ", row["indicator"])], limit=12)
    found = []
    for t in compared_targets(record):
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


def change_direction(target: dict) -> str | None:
    """"+", "-" or "×" for a change (起付线降低50% → "-", 提高5个百分点以上 → "+>=", 翻一番 → "×"), None for a level;
    percentage points are a change whatever their comparator (总上升幅度达到5个百分点 → "+")."""
    comparator = target.get("comparator") or ""
    if comparator in CHANGE_COMPARATORS:
        return comparator[0]
    if _unit(target.get("unit") or "") == "个百分点" and comparator in (">=", ">", "="):
        return "+"
    return None


def is_change(target: dict) -> bool:
    """Whether a value is a change, not a level (``change_direction``)."""
    return change_direction(target) is not None


def target_change(ref: dict, local: dict) -> str:
    """strengthened / weakened / same / changed, by comparator semantics.

    >>> target_change({"comparator": ">=", "value": 30, "unit": "种"}, {"comparator": ">=", "value": 34, "unit": "种"})
    'strengthened'
    >>> target_change({"comparator": "<=", "value": 10, "unit": "%"}, {"comparator": "<=", "value": 5, "unit": "%"})
    'strengthened'
    """
    if _unit(ref["unit"]) != _unit(local["unit"]):
        return "changed unit"
    if ref.get("high") is not None or local.get("high") is not None:  # a range (1至2家): its two bounds
        bounds = [(t["value"], t["high"] if t.get("high") is not None else t["value"]) for t in (ref, local)]
        return "same" if bounds[0] == bounds[1] else "changed range"
    if is_change(ref) or is_change(local):  # 提高5个百分点: a change compares only with a change the same way
        if change_direction(ref) != change_direction(local):
            return "changed comparator"
        if local["value"] == ref["value"]:
            return "same"
        return "strengthened" if local["value"] > ref["value"] else "weakened"  # a larger rise or fall is stronger
    if local["value"] == ref["value"]:
        return "same" if local["comparator"] == ref["comparator"] or "=" in (local["comparator"], ref["comparator"]) \
            else "changed comparator"
    floor = ref["comparator"] in (">=", ">", "=")
    higher = local["value"] > ref["value"]
    return "strengthened" if higher == floor else "weakened"


_PUNCT = re.compile(r"[\s，。；：、,.;:（）()“”\"《》]")


def _indicator_holding(record: Record, span) -> dict | None:
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


def compare(a: Record, b: Record, reference: Reference, include_inferred: bool = False,
            forwarded: tuple[dict | None, dict | None] = (None, None)) -> dict:
    """Two localities side by side, aligned through the reference frame; their leads compared
    over printed units (``include_inferred``: every unit, labelled); ``forwarded``: the parent each forwards
    (:func:`diff_document`)."""
    da, db = (diff_document(a, reference, include_inferred, forwarded[0]),
              diff_document(b, reference, include_inferred, forwarded[1]))
    rows = []
    for ea, eb in zip(da["entries"], db["entries"]):
        rows.append({"frame_id": ea["frame_id"], "label": ea["label"], "boilerplate": ea["boilerplate"],
                     "key_terms": ea["key_terms"],
                     "a_status": ea["status"], "a_measures": ea["local"], "a_leads": ea["local_leads"],
                     "a_lead_units": ea["local_lead_units"], "a_coverage": ea["coverage"],
                     "a_other_clause_units": ea["other_clause_units"], "b_other_clause_units": eb["other_clause_units"],
                     "a_units_quote": ea["units_quote"], "b_units_quote": eb["units_quote"],
                     "b_status": eb["status"], "b_measures": eb["local"], "b_leads": eb["local_leads"],
                     "b_lead_units": eb["local_lead_units"], "b_coverage": eb["coverage"],
                     "units": lead_comparison(ea["local_lead_units"], eb["local_lead_units"], include_inferred)})
    deltas = []
    for ta in da["targets"]:
        tb = next((t for t in db["targets"] if t["indicator"] == ta["indicator"] and t["reference"] == ta["reference"]), None)
        if ta["local"] and tb and tb["local"]:
            change = target_change(ta["local"], tb["local"])
            if IMPLAUSIBLE in (ta["change"], tb["change"]) or implausible(ta["local"]["value"], [tb["local"]["value"]]):
                deltas.append({"indicator": ta["indicator"], "a": ta["local"], "b": tb["local"],
                               "b_vs_a": IMPLAUSIBLE, "wording": None})
                continue
            periods = [t["change"] == DIFFERENT_PERIOD for t in (ta, tb)]
            if any(periods) and (not all(periods) or other_period(ta["local"]["text"], tb["local"]["text"])):
                deltas.append({"indicator": ta["indicator"], "a": ta["local"], "b": tb["local"],  # 比上年 vs 十四五
                               "b_vs_a": DIFFERENT_PERIOD, "wording": None})
                continue
            wording = wording_change(_without_value(ta["local"]), _without_value(tb["local"]))
            standard = standard_change(_without_value(ta["local"]), _without_value(tb["local"]))
            if change == "same" and (standard or wording):
                change = standard or "same value, reworded"  # 二级 → 二级甲等: a higher standard, same count
            deltas.append({"indicator": ta["indicator"], "a": ta["local"], "b": tb["local"],
                           "b_vs_a": change, "wording": wording})
    return {"a": da["document"], "b": db["document"], "reference": da["reference"], "method": da["method"],
            "tool_version": __version__, "include_inferred": include_inferred,
            "notes": sorted(set(da["notes"] + db["notes"])), "entries": rows,
            "a_additions": da["additions"], "b_additions": db["additions"], "target_deltas": deltas}


def _not_comparable(sides: tuple) -> str:
    """"not comparable", naming where each side that prints no unit got its units from:
    ``sides`` is (name, every unit, the units compared) per side."""
    named = [f"{name}: {'/'.join(sorted({u['provenance'] for u in units}))}"
             for name, units, compared_units in sides if not compared_units]
    return f"{NOT_COMPARABLE} ({'; '.join(named)})"


def lead_comparison(a_units: list[dict], b_units: list[dict], include_inferred: bool = False) -> str | None:
    """same lead / different lead over the first printed lead of each side; "not comparable"
    where a side names units but prints none (``include_inferred``: over every unit, labelled).

    >>> lead_comparison([{"function": "卫生健康", "provenance": "implied"}],
    ...                 [{"function": "民政", "provenance": "inferred"}])
    'not comparable: only inferred/implied units (a: implied; b: inferred)'
    """
    a, b = compared(a_units, include_inferred), compared(b_units, include_inferred)
    if not a_units or not b_units:
        return None
    if not a or not b:
        return _not_comparable((("a", a_units, a), ("b", b_units, b)))
    a_leads = compared([u for u in a_units if u.get("role", "lead") == "lead"], include_inferred)
    b_leads = compared([u for u in b_units if u.get("role", "lead") == "lead"], include_inferred)
    if a_leads and b_leads:
        a, b = a_leads, b_leads
        verdict = "same lead" if a[0] == b[0] else "different lead"
    else:  # a side prints no lead (its units are 责任): the first units compared, not called leads
        verdict = "same responsible unit" if a[0] == b[0] else "different responsible unit"
    used = [u for u in a_units if u["function"] == a[0]] + [u for u in b_units if u["function"] == b[0]]
    others = sorted({u["provenance"] for u in used} - {"printed"})
    return verdict + (f" (with {'/'.join(others)} units)" if others else "")


# ------------------------------------------------------------------ tables for output


def _fmt_target(t) -> str:
    if not t:
        return ""
    return shown_value(t) + (" (unit not printed)" if t.get("unit_not_printed") else "")


def diff_table(result: dict) -> tuple[list[dict], list[str]]:
    """Rows for the terminal / CSV / Markdown: entries, local additions, targets. The units columns hold
    each side's lead units, or its 责任 units marked (responsible) where it prints no lead; a target's
    values stand in their own columns."""
    rows = [{"id": e["frame_id"], "entry": e["label"] + (" [boilerplate]" if e["boilerplate"] else ""),
             "status": e["status"] + (f" into {e['merged_into']}" if e["merged_into"] else ""),
             "where": e["where"], "quote": _coverage_cell(e),
             "local measures": "; ".join(f"{m['path']} {m['title']} ({_why(m)})" for m in e["local"]),
             "responsibility": e["responsibility"] or "",
             "local units": shown(e["local_lead_units"]), UNITS_QUOTE: e.get("units_quote") or "",
             "reference units": shown(e["reference_lead_units"]),
             OTHER_CLAUSES: other_clause_cell(e.get("other_clause_units"))}
            for e in result["entries"]]
    rows += [{"id": "+", "entry": a["title"], "status": "local addition", "local measures": a["path"]}
             for a in result["additions"]]
    rows += [{"id": "T", "entry": t["indicator"],
              "status": describe_change(t["change"], t.get("wording")), "quote": t.get("quote") or "",
              "local value": _fmt_target(t["local"]), "reference value": _fmt_target(t["reference"])}
             for t in result["targets"]]
    return rows, ["id", "entry", "status", "where", "quote", "local measures", "responsibility", "local units",
                  UNITS_QUOTE, OTHER_CLAUSES, "reference units", "local value", "reference value"]


# a column of the units an item prints beside its other clauses, not the one covering the entry (not compared)
OTHER_CLAUSES = "other clause units"
# a column of where the local units are printed (their bracket, label with it), when the quote does not show it
UNITS_QUOTE = "local units printed at"


def _why(aligned: dict) -> str:
    """Reason, score and what matched: another notice's heading (locality, path) or the key terms."""
    matched = aligned.get("matched_heading") or "、".join(aligned.get("matched_terms") or [])
    return f"{aligned['reason']}, {aligned['score']}" + (f"; matched {matched}" if matched else "")


def _coverage_cell(entry: dict) -> str:
    """The quoted sentence that covers an entry, or the nearest passage when none does."""
    coverage = entry["coverage"]
    if coverage["covered"]:
        named = f" ({describe_name(coverage['matched_name'])})" if coverage.get("matched_name") else ""
        return f"{coverage['path'] or ''} {coverage['quote'] or ''} [{'、'.join(coverage['matched_terms'])}]{named}".strip()
    near = coverage.get("nearest")
    if not near:
        return ""
    where = f"{near['path']} " if near.get("path") else ""
    return f"nearest: {where}{near['quote']} [{'、'.join(near.get('matched_terms') or [])}] (score {near['score']})"


def side_names(result: dict) -> tuple[str, str]:
    """The names of a compare's two sides (its columns): each notice's locality, its id when it
    names none; two notices of one place are told apart by their 文号 (or id).

    >>> side_names({"a": {"locality": None, "id": "x"}, "b": {"locality": "神木市", "id": "y"}})
    ('x', '神木市')
    """
    docs = (result["a"], result["b"])
    names = [d.get("locality") or d.get("id") or "?" for d in docs]
    if names[0] == names[1]:
        names = [f"{n} {d.get('doc_number') or d.get('id') or ''}".strip() for n, d in zip(names, docs)]
    if names[0] == names[1]:
        names = [f"{names[0]} (A)", f"{names[1]} (B)"]
    names = [genre.marked(n, d.get("genre")) for n, d in zip(names, docs)]  # jd (解读 page)
    return names[0], names[1]


def compare_table(result: dict) -> tuple[list[dict], list[str]]:
    """Rows for the terminal / CSV / Markdown: one per frame entry, additions, target deltas."""
    a, b = side_names(result)
    rows = [{"id": e["frame_id"], "entry": e["label"],
             a: _own_items(e, "a") or _side_cell(e, "a"),
             f"{a} {LEAD_OR_RESPONSIBLE}": shown(e["a_lead_units"]),
             b: _own_items(e, "b") or _side_cell(e, "b"),
             f"{b} {LEAD_OR_RESPONSIBLE}": shown(e["b_lead_units"]), "units": e["units"] or "",
             f"{a} {SIDE_UNITS_QUOTE}": e.get("a_units_quote") or "", f"{b} {SIDE_UNITS_QUOTE}": e.get("b_units_quote") or "",
             f"{a} {OTHER_CLAUSES}": other_clause_cell(e.get("a_other_clause_units")),
             f"{b} {OTHER_CLAUSES}": other_clause_cell(e.get("b_other_clause_units"))} for e in result["entries"]]
    rows += [{"id": "+", "entry": "local addition", a: f"{x['path']} {x['title']}"} for x in result["a_additions"]]
    rows += [{"id": "+", "entry": "local addition", b: f"{x['path']} {x['title']}"} for x in result["b_additions"]]
    rows += [{"id": "T", "entry": d["indicator"], a: _fmt_target(d["a"]), b: _fmt_target(d["b"]),
              TARGET_CHANGE: f"{b} vs {a}: {describe_change(d['b_vs_a'], d['wording'])}"}
             for d in result["target_deltas"]]
    return rows, ["id", "entry", a, f"{a} {LEAD_OR_RESPONSIBLE}", b, f"{b} {LEAD_OR_RESPONSIBLE}", "units", TARGET_CHANGE,
                  f"{a} {SIDE_UNITS_QUOTE}", f"{b} {SIDE_UNITS_QUOTE}", f"{a} {OTHER_CLAUSES}", f"{b} {OTHER_CLAUSES}"]


# a compare column of each side's units: leads and responsible (责任) ones, the latter marked (responsible)
LEAD_OR_RESPONSIBLE = "lead/responsible"
TARGET_CHANGE = "target change"  # a compare column of a target row's verdict (B vs A), apart from the units' one
SIDE_UNITS_QUOTE = "units printed at"  # a compare column of where a side's units are printed (diff's UNITS_QUOTE)


def _own_items(row: dict, side: str) -> str:
    """A compare cell naming the side's own items for the entry; none where the entry only stands inside an item
    about something else (aligned by words of its text, not its heading): that is said by ``_side_cell``."""
    if row[f"{side}_coverage"]["where"] != OWN_ITEM:
        return ""
    return "; ".join(f"{m['path']} {m['title']}" for m in row[f"{side}_measures"])


def _side_cell(row: dict, side: str) -> str:
    """A compare cell without an own item: the status and where the entry is covered."""
    coverage, status = row[f"{side}_coverage"], row[f"{side}_status"]
    if coverage["covered"]:
        where = "" if coverage["where"] == status else f"{coverage['where']}: "  # forwarded, not restated: once
        return f"{status} ({where}{(coverage['path'] or '') + ' ' if coverage['path'] else ''}{coverage['quote'] or ''})"
    return row[f"{side}_status"]
