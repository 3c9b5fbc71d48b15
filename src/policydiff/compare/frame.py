"""The national baseline, honestly: a document node and a measure frame derived
from the implementing notices (the national text is not in the corpus).

The frame is built by ``policydiff baseline build`` into
``policydiff/data/national_frame.json`` (reviewable, committed; ``--frame`` takes another). Each entry has a short
label of our own, key terms, and its evidence: the documents and measure paths
that carry it, headings quoted. When the national opinion itself is ingested
(文号 国卫扶贫发〔2021〕6号), it becomes the reference without code changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..models import Record
from ..resources import load_json
from ..textutils import split_units
from ..traditional import simplified_record
from .align import NO_MATCH, PreparedFrame, align_measure, duty_sections, former_names, key_terms

FRAME_PATH = Path(__file__).resolve().parent.parent / "data" / "national_frame.json"  # the default frame, shipped
PROVENANCE = "derived from implementing notices"


def national_facts() -> dict:
    return load_json("frame_rules.json")["national"]


def national_document(records: list[Record]) -> dict:
    """What is known of the national opinion: first-hand where the corpus has it."""
    facts = national_facts()
    own, (issuers, evidence) = None, ([], None)
    for r in records:  # one pass: ``records`` may be a stream
        if facts["doc_number"] in (r.get("doc_number"), *(r.get("other_doc_numbers") or ())):  # a joint notice's too
            own = r
            break
        if evidence is None:
            issuers, evidence = _issuers_from_citations([r], facts["doc_number"])
    if own:
        return {"doc_number": own["doc_number"], "titles": [own["title"]], "issuers": own["issuers"],
                "issue_date": own["issue_date"], "source": f"corpus document {own['id']}"}
    return {"doc_number": facts["doc_number"], "titles": facts["titles"], "issuers": issuers,
            "issuers_evidence": evidence, "issue_month": facts["issue_month"],
            "issue_month_source": facts["issue_month_source"], "in_corpus": False,
            "source": PROVENANCE}


def _issuers_from_citations(records, number):
    for r in records:
        for c in r["citations"]:
            if c["doc_number"] == number and c["issuer_hint"] and "、" in c["issuer_hint"]:
                names = split_units(re.sub(r"等\d+部门$|等十三部门$", "", c["issuer_hint"]))
                return names, {"doc_id": r["id"], "span": c["span"], "quote": c["issuer_hint"]}
    return [], None


def primary_documents(records: list[Record], number: str) -> list[Record]:
    """Documents that cite the national opinion directly (the primary evidence)."""
    return [r for r in records if any(c["doc_number"] == number for c in r["citations"])]


def _rule_for(heading: str):
    """(pattern, label, boilerplate) of the first label rule matching ``heading``;
    the pattern joins every rule that gives the same label."""
    rules = load_json("frame_rules.json")["labels"]
    for pattern, label, boilerplate in rules:
        if re.search(pattern, heading):
            return "|".join(p for p, rule_label, _ in rules if rule_label == label), label, boilerplate
    return None, None, False


def build_frame(records) -> dict:
    """Build the measure frame from parsed records (see module docstring).

    ``records`` is a list, or a function that returns the records afresh in (issue
    date, id) order (``lambda: store.iter_records(db)``): the corpus is then read in
    passes, one record at a time, and only the frame and the indicator rows are kept."""
    read = records if callable(records) else _in_date_order(records)

    def passes():  # a traditional notice through its simplified rendering
        return map(simplified_record, read())

    number = national_facts()["doc_number"]
    national = national_document(passes())
    primary_ids: set[str] = set()
    entries: list[dict] = []
    for record in passes():
        if cites(record, number):
            primary_ids.add(record["id"])
            for m in _items(record):
                _add_evidence(entries, record, m, primary=True, matching=entries)
    # other localities are matched against the primary entries as they stand now (a fixed
    # frame, prepared once), so that building stays linear in the number of notices
    matching = PreparedFrame([dict(e, evidence=list(e["evidence"])) for e in entries])
    for record in passes():
        if record["id"] not in primary_ids and record.get("doc_number") != number:
            for m in _items(record):
                _add_evidence(entries, record, m, primary=False, matching=matching)
    entries = [e for e in entries if e["primary"] or len(e["localities"]) >= 2]
    for i, entry in enumerate(entries, start=1):
        entry["id"] = f"F{i:02d}"
        entry["key_terms"] = key_terms([e["heading"] for e in entry["evidence"]])
        entry["strength"] = len(entry["localities"])
        entry["former_names"] = former_names({"label": entry["label"]})  # from frame_rules.json, with their years
        entry["localities"] = sorted(entry["localities"])
    carriers = [_indicator_part(r) for r in passes() if r.get("annex_indicators")]
    return {"provenance": PROVENANCE, "national": national,
            "primary_documents": sorted(primary_ids), "entries": entries,
            "indicators": build_indicators(carriers, primary_ids)}


def _items(record: Record) -> list[dict]:
    """A notice's measures and its duty sections (部门协作, 职责分工) in text order: the frame's
    topics include the national opinion's closing 部门协作, which a notice covers in its duty section."""
    return sorted([*record["measures"], *duty_sections(record)], key=lambda m: m["span"][0])


def _in_date_order(records: Iterable[Record]) -> Callable[[], list]:
    ordered = sorted(records, key=_date_order)  # type: ignore[arg-type]
    return lambda: ordered


def _date_order(record: dict) -> tuple[str, str]:
    return record.get("issue_date") or "", record["id"]  # order-independent


def cites(record: dict, doc_number: str) -> bool:
    return any(c["doc_number"] == doc_number for c in record["citations"])


def _indicator_part(record: Record) -> Record:
    """What build_indicators reads of a record (its annex rows and their targets)."""
    return {"id": record["id"], "locality": record.get("locality"), "doc_number": record.get("doc_number"),
            "annex_indicators": record["annex_indicators"],
            "targets": [t for t in compared_targets(record) if t["path"] == "annex"]}


def _add_evidence(entries: list[dict], record: Record, measure: dict, primary: bool,
                  matching: list[dict] | PreparedFrame) -> None:
    evidence = {"doc_id": record["id"], "locality": record["locality"], "path": measure["path"],
                "heading": measure["title"], "span": measure["span"]}
    pattern, label, boilerplate = _rule_for(measure["title"])
    target = next((e for e in entries if label and e["label"] == label), None)
    if target is None and (matching.entries if isinstance(matching, PreparedFrame) else matching):
        hit = align_measure(measure, matching)
        if hit["reason"] != NO_MATCH and hit["score"] >= 90:
            target = next(e for e in entries if e["id"] == hit["frame_id"])
    if target is None:
        if not primary and not label:
            return  # a local addition; not evidence of the national frame
        target = {"id": f"tmp{len(entries)}", "label": label or measure["title"], "pattern": pattern,
                  "boilerplate": boilerplate, "primary": primary, "localities": set(), "evidence": []}
        entries.append(target)
    target["evidence"].append(evidence)
    target["localities"].add(record["locality"] or record["id"])
    target["primary"] = target["primary"] or primary


def build_indicators(records: list[Record], primary_ids: set[str]) -> list[dict]:
    """Annex indicator rows, with the value each document carries and the frame's value."""
    carriers = [r for r in records if r.get("annex_indicators")]
    primary = next((r for r in carriers if r["id"] in primary_ids), None)
    if primary is None:
        return []
    rows = []
    for row in primary.get("annex_indicators") or []:
        carried = []
        for r in carriers:
            match = matching_indicator(row, r.get("annex_indicators") or [])
            if match:
                targets = annex_targets(r, match)
                carried.append({"doc_id": r["id"], "locality": r["locality"], "no": match["no"],
                                "indicator": match["indicator"], "binding": match["binding"],
                                "values": [{k: t[k] for k in ("comparator", "value", "unit")} for t in targets]})
        frame_values: list = next((c["values"] for c in carried if c["doc_id"] == primary["id"]), [])
        rows.append({"no": row["no"], "indicator": row["indicator"], "binding": row["binding"],
                     "carried_by": carried, "frame_values": frame_values,
                     "why": f"the value printed by {primary['locality']} ({primary['doc_number']}), which "
                            "implements the national opinion directly; other localities' differing values "
                            "are recorded as theirs"})
    return rows


def compared_targets(record: Record) -> list[dict]:
    """The numbers comparisons read: targets and parameters (a record stored before roles: all of them);
    status figures, periods and counts are never compared."""
    from ..patterns import COMPARED_ROLES

    return [t for t in record["targets"] if t.get("role", "target") in COMPARED_ROLES]


def annex_targets(record: Record, row: dict) -> list[dict]:
    """The targets (and parameters) extracted from one annex indicator row."""
    return [t for t in compared_targets(record)
            if t["path"] == "annex" and row["span"][0] <= t["span"][0] < row["span"][1] + 1]


def matching_indicator(row: dict, candidates: list[dict]):
    """The row of another indicator table that states the same indicator: same
    number and attribute, or similar wording (numbers ignored)."""
    from rapidfuzz import fuzz

    candidates = [c for c in candidates if _same_measured_noun(row["indicator"], c["indicator"])]
    same_slot = next((c for c in candidates if c["no"] == row["no"] and c["binding"] == row["binding"]), None)
    if same_slot and fuzz.partial_ratio(row["indicator"][:8], same_slot["indicator"]) >= 50:
        return same_slot
    scored = [(fuzz.ratio(re.sub(r"\d+", "", row["indicator"]), re.sub(r"\d+", "", c["indicator"])), c)
              for c in candidates]
    best = max(scored, key=lambda sc: sc[0], default=(0, None))
    return best[1] if best[0] >= 60 else None


def _same_measured_noun(a: str, b: str) -> bool:
    """Two indicator rows state the same indicator only if they measure the same noun: a 比例 of 乡镇卫生院 meeting
    the basic standard is not the 标准化建设/中医馆 row that shares its number and 约束性 (one measured noun
    …率/…比例 on one side and none, or another, on the other)."""
    from .standards import measure_head

    return measure_head(a) == measure_head(b)


def write_frame(frame: dict, path=FRAME_PATH) -> Path:
    path = Path(path)
    path.write_text(json.dumps(frame, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def load_frame(path=FRAME_PATH) -> dict:
    """The committed frame; a clear error if it has not been built."""
    path = Path(path)
    if not path.exists():
        from ..errors import PolicydiffError

        raise PolicydiffError(f"{path}: no measure frame; run 'policydiff baseline build'")
    return json.loads(path.read_text(encoding="utf-8"))


def frame_terms(path=FRAME_PATH) -> dict[str, list[str]] | None:
    """label → key terms of every frame entry (widens `who` queries), if built."""
    try:
        frame = load_frame(path)
    except Exception:
        return None
    return {e["label"]: e["key_terms"] for e in frame["entries"]}
