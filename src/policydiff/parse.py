"""The whole parse of one notice: read → normalise → outline → metadata → extract.

:func:`parse_file` is the per-file function that ingest runs (in a worker
pool, or on a distributed engine); everything after :func:`read` is pure.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import hashlib
import itertools
import operator
import re
from functools import lru_cache
from pathlib import Path
from typing import cast

from . import patterns as P
from .canonical import unit_map
from .extract.citations import extract_citations
from .extract.indicator_table import indicator_annex, table_targets
from .extract.measures import extract_measures, in_article, is_goal_node, is_measure_node, without_duty_sections
from .extract.tables import extract_annex_indicators, extract_task_table, link_task_rows
from .extract.targets import deadline_of, extract_targets
from .extract.units import assign_duties, assign_sole_issuer, extract_duties, is_unit_list, split_unit_list
from .metadata import extract_metadata
from .models import Duty, NormalisedText, OutlineNode, Record, SourceText
from .normalise import normalise
from .outline import build_outline
from .paths import document_id
from .read import read
from .textutils import normalise_doc_number
from .traditional import PrintedForm, is_traditional, printed_characters, to_simplified

RECORD_VERSION = 1


def parse_file(path, root=None) -> Record:
    """Read and parse one file into its public record.

    >>> parse_file("corpus/000_43efd9dc9d6528e3.txt", "corpus")["doc_number"]
    '神卫健发〔2021〕64号'
    """
    path = Path(path)
    data = path.read_bytes()
    source = read(path)
    record = parse_source(source)
    relative = path.relative_to(root) if root and path.is_relative_to(root) else path.name
    record["id"] = document_id(path, root)
    record["path"] = str(relative)
    record["sha256"] = hashlib.sha256(data).hexdigest()
    _freeze_loaded()
    return _ordered(record)


_frozen = False


def _freeze_loaded() -> None:
    """After a process's first notice, what it has loaded for good (modules, compiled patterns,
    the place table, the jieba dictionary) is moved out of the garbage collector's sweeps
    (``gc.freeze``): each full sweep walked it all again, ~0.5–1 ms of every later notice's CPU
    in a worker. What later notices allocate is collected as before; this runs once a process."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()  # the first notice's garbage is not frozen with what stays
        gc.freeze()


def parse_source(source: SourceText) -> Record:
    """Parse already-read text into a record (no I/O)."""
    printed = source
    digit_runs = [m.span() for m in _FULLWIDTH_DIGIT_RUN.finditer(source.text)]
    if digit_runs:  # a repost's ２０２１年 / 〔２０２１〕６号 / ９９．２％: read as ASCII, one character for one
        source = dataclasses.replace(source, text=_ascii_digits(source.text, digit_runs))
    if is_traditional(source.text):  # normalised in simplified too: its line joins read simplified words
        simplified = dataclasses.replace(source, text=to_simplified(source.text))
        simplified_norm = _with_digit_repairs(normalise(simplified), digit_runs, printed.text)
        norm = dataclasses.replace(simplified_norm, text=printed_characters(
            simplified_norm.text, simplified_norm.source_offsets, source.text, simplified.text))
        record = _parse_traditional(norm, simplified_norm.text, source.source_metadata)
    else:
        norm = _with_digit_repairs(normalise(source), digit_runs, printed.text)
        record = _parse_simplified(norm, source.source_metadata)
    record["warnings"] = [*source.warnings, *record["warnings"]]
    sources = {**record.get("value_sources", {}), **_reader_sources(record, source)}
    if sources:  # absent where every header value is the notice's own
        record["value_sources"] = sources
    record["source_format"] = source.source_format
    record["encoding"] = source.encoding
    record["ocr"] = source.ocr
    record["page_count"] = len(source.page_starts)
    if source.ocr:
        record["ocr_page_confidence"] = source.page_confidence
    # a box the metadata stage read in the text, overridden by the one the reader read in the page's markup
    record["source_metadata"] = {**(record.get("source_metadata") or {}), **source.source_metadata}
    record["source_map"] = _source_map(norm, printed)
    return record


def _reader_sources(record: Record, source: SourceText) -> dict[str, str]:
    """Where the reader put a header value into the text from outside the article (a Word file's page header,
    a page's 发文字号 field): each that the record's value is."""
    fields = cast(dict, record)
    sources = {key: where for key, (value, where) in source.value_sources.items()
               if fields.get(key) in (value, normalise_doc_number(value))}
    if "doc_number" in sources and fields.get("other_doc_numbers"):  # the box's line held each issuer's number
        line = source.value_sources["doc_number"][0].translate(P.FULLWIDTH_DIGITS)
        if all(number in line for number in fields["other_doc_numbers"]):
            sources["other_doc_numbers"] = sources["doc_number"]
    return sources


# full-width digits, with a full-width point between two of them (９９．２)
_FULLWIDTH_DIGIT_RUN = re.compile(r"[０-９](?:[０-９]|．(?=[０-９]))*")


def _ascii_digits(text: str, runs: list[tuple[int, int]]) -> str:
    """``text`` with the full-width digit runs ``runs`` in ASCII (same length: every offset holds)."""
    pieces, at = [], 0
    for a, b in runs:
        pieces += [text[at:a], text[a:b].translate(P.FULLWIDTH_DIGITS).replace("．", ".")]
        at = b
    return "".join([*pieces, text[at:]])


def _with_digit_repairs(norm: NormalisedText, runs: list[tuple[int, int]], printed: str) -> NormalisedText:
    """``norm`` with a ``fullwidth_digits`` repair for each run of full-width digits that it keeps (where
    the run's first character ended up in the normalised text)."""
    if not runs:
        return norm
    offsets = norm.source_offsets
    for a, b in runs:
        at = bisect.bisect_left(offsets, a, 0, len(norm.text))
        if at < len(norm.text) and offsets[at] == a:
            norm.repairs.append({"kind": "fullwidth_digits", "raw": printed[a:b],
                                 "repaired": norm.text[at:at + b - a], "span": [at, at + b - a]})
    norm.repairs.sort(key=lambda r: r["span"])
    return norm


def parse_text(norm: NormalisedText, source_metadata: dict | None = None) -> Record:
    """Parse normalised text: outline, metadata and every list key. ``source_metadata`` is the
    information box a reader found on the page (it is merged with any box in the text).
    A notice printed in traditional characters is parsed in its simplified rendering (see
    :mod:`.traditional`): strings as printed, canonical places and units in simplified."""
    if is_traditional(norm.text):
        return _parse_traditional(norm, to_simplified(norm.text), source_metadata)
    return _parse_simplified(norm, source_metadata)


# keys whose values are canonical (the place table's names, levels, genres, kinds): never put
# back into traditional characters
_CANONICAL_KEYS = frozenset({"locality", "parent_locality", "locality_chain", "locality_code", "admin_level",
                             "genre", "binding", "kind", "unit_map", "role", "role_cue", "verb", "value_sources"})


def _parse_traditional(norm: NormalisedText, simplified: str, source_metadata: dict | None) -> Record:
    """The record of a notice in traditional characters: parsed in ``simplified``, its rendering
    of the same length (so every span holds), then its strings put back as printed."""
    box = {k: to_simplified(v) if isinstance(v, str) else v for k, v in (source_metadata or {}).items()}
    parsed = _parse_simplified(NormalisedText(simplified, norm.source_offsets, norm.repairs), box)
    printed = PrintedForm(norm.text, simplified, _CANONICAL_KEYS)
    record = cast(Record, printed.value(parsed))
    # unit_map is keyed by the units as printed; its values are canonical
    record["unit_map"] = {printed.string(raw): unit for raw, unit in parsed["unit_map"].items()}
    record["text"] = norm.text  # a 文号 stays as printed (…〔2021〕321號); lookups read 號 as 号
    record["script"] = "traditional"
    record["warnings"].append("printed in traditional characters: read through a simplified rendering; "
                              "locality and canonical units are given in simplified characters")
    return record


def _parse_simplified(norm: NormalisedText, source_metadata: dict | None = None) -> Record:
    text = norm.text
    nodes = build_outline(text)
    by_path = {n.path: n for n in nodes}
    meta = extract_metadata(text, source_metadata)
    duties = _duties(text, nodes)
    measures = without_duty_sections(extract_measures(text, nodes), duties, nodes)  # its clauses are duties
    if meta.get("genre") in P.INTERPRETATION_GENRES:  # 一、制定背景 二、主要内容: an explanation, no measure of its own
        measures = []
    # the annex of the indicator table (附件1 分工表, 附件2 指标表: the second), else the first
    annex = indicator_annex(text, [n for n in nodes if n.kind == "附件"], _year(meta.get("issue_date")))
    task_table = extract_task_table(text)  # an annex's, or one in the body: any table with 牵头/责任/配合 columns
    if task_table:
        link_task_rows(task_table, measures)
    indicators = extract_annex_indicators(text, annex)
    body_start = _body_start(text, meta)
    own_numbers = (meta["doc_number"], *meta["other_doc_numbers"], meta["source_metadata"].get("doc_number"))
    citations = extract_citations(text, body_start, own_numbers,
                                  (meta["title"], meta["body_title"], meta["enclosed_title"],
                                   meta["source_metadata"].get("title")))
    repairs = [*norm.repairs, *meta.pop("repairs")]
    warnings = ([] if meta["doc_number"] else ["no 文号 found"]) + meta.pop("warnings") + [
        f"repaired {r['kind']}: {r['raw']} → {r['repaired']} at {r['span'][0]}" for r in repairs
        if r["kind"] not in ("repeated_across_line_break", "fullwidth_digits")] + _digits_warning(repairs)
    # items naming no unit: the duty paragraph says who does what (on terms other than the notice's subject)
    assign_duties(measures, duties, (meta["title"], meta["body_title"], meta["enclosed_title"]))
    if not (task_table and any(r.mentions for r in task_table)):  # a task table prints units: none implied
        assign_sole_issuer(measures, meta["issuers"], text)  # nor a duty paragraph: the one body that issued it
    warnings.extend(_locality_warnings(meta.get("locality_evidence"), meta.get("admin_level")))
    if meta.get("genre") in P.INTERPRETATION_GENRES:
        warnings.append("an interpretation (解读) of a notice, not the notice: no measures are read from it (its outline, "
                        "figures and citations are kept; the notice it explains is among its citations)")
    record = cast(Record, {
        **meta,
        "citations": [c.to_dict() for c in citations],
        "measures": [m.to_dict() for m in measures],
        "division_of_duties": [d.to_dict() for d in duties],
        # every number, each with its role: comparisons read only targets and parameters
        "targets": [t.to_dict() for t in _task_row_targets(
            text, task_table, _targets(text, nodes, by_path, indicators, annex, _year(meta.get("issue_date"))),
            _year(meta.get("issue_date")))],
        "task_table": [r.to_dict() for r in task_table] if task_table else None,
        "annex_indicators": [i.to_dict() for i in indicators] if indicators else None,
        "outline": [n.to_dict() for n in nodes],
        "text": text,
        "repairs": repairs,
        "warnings": warnings,
    })
    record["unit_map"] = unit_map(record)
    if not record.get("value_sources"):  # absent where empty
        record.pop("value_sources", None)
    if not record.get("other_doc_numbers"):
        record.pop("other_doc_numbers", None)
    return record


def _digits_warning(repairs: list[dict]) -> list[str]:
    """One warning for every run of full-width digits read as ASCII (a repost may print all its figures so)."""
    runs = [r for r in repairs if r["kind"] == "fullwidth_digits"]
    if not runs:
        return []
    first = runs[0]
    return [f"repaired fullwidth_digits: {len(runs)} run(s) of full-width digits read as ASCII, the first "
            f"{first['raw']} → {first['repaired']} at {first['span'][0]} (each in repairs)"]


def _locality_warnings(evidence: dict | None, level: str | None = None) -> list[str]:
    """A locality guessed from the text, a place name several divisions share, one the place table lacks, or one
    it has under another suffix, is said aloud (a locality or admin_level warning that says where it was read
    from is shown beside the value)."""
    if not evidence:
        return []
    if evidence.get("guessed"):
        claim = f" ({evidence['claim']})" if evidence.get("claim") else ""
        return [f"locality guessed from the text: {evidence['text']} at {evidence['span']}{claim}"]
    if evidence.get("ambiguous"):
        return [f"locality ambiguous: {len(evidence['ambiguous'])} divisions share the name in {evidence['text']}"]
    if evidence.get("unknown"):  # 青川州: never the 青川县 of the table
        said = [f"locality read from {evidence['text']} as printed, unknown: {evidence['unknown']}"]
        if level and evidence.get("level"):
            said.append(f"admin_level {level} read from the name, {evidence['level']} (unknown place)")
        return said
    if evidence.get("printed"):  # 泾阳市 where the table has 泾阳县
        return [f"locality read from {evidence['printed']} as printed, which the place table lacks: taken as "
                f"{evidence['table_name']}"]
    return []


def _body_start(text: str, meta: dict) -> int:
    """Citations are looked for after the notice's title line."""
    if meta["title"]:
        at = text.find(meta["title"])
        if at >= 0:
            return at + len(meta["title"])
    return 0


def _duties(text: str, nodes: list[OutlineNode]):
    """The division-of-duties clauses: every clause of a 部门职责 / 职责分工 item (its sub-items
    included, 1.卫生健康部门。负责…… read with its heading), and of a closing-section item
    (保障措施, 组织实施) that assigns work to two bodies or more."""
    by_path = {n.path: n for n in nodes}
    duties = []
    for node in nodes:
        body_span = node.body_span
        if node.children:  # only its lead-in, before its first sub-item (（三）部门职责。甲局负责……\n1.……)
            first = min((by_path[c].span[0] for c in node.children if c in by_path), default=body_span[1])
            if first <= body_span[0]:
                continue
            body_span = (body_span[0], first)
        chain = _chain(node, by_path)
        named = any(n.heading and P.DUTY_HEADINGS.search(n.heading) for n in chain) or \
            _member_duty_list(text[body_span[0]:body_span[1]])
        closing = any(n.heading and P.SAFEGUARD_HEADINGS.search(n.heading) for n in chain)
        if not (named or closing) or node.path.startswith("附件"):
            continue
        # 各地要……, 各有关部门要…… exhort, they divide nothing among bodies
        parent = by_path.get(node.parent) if node.parent else None
        found = [d for d in _node_duties(text, node, body_span, parent)
                 if not all(P.PLACEHOLDER_BODY.match(u) or P.GENERIC_BODY.match(u) for u in d.units)]
        if named or len({d.unit for d in found}) >= 2:
            duties.extend(found)
    return duties


def _member_duty_list(body: str) -> bool:
    """Two lines or more that each give a body, a colon and its duty (县卫生健康局：负责……⏎县医疗保障局：负责……):
    a member-duty list whatever its heading; a single such line is no list."""
    if "：" not in body and ":" not in body:
        return False
    lines = [m for m in (P.DUTY_COLON_LINE.match(line) for line in body.split("\n")) if m]
    return sum(is_unit_list(m.group("unit")) for m in lines) >= 2


def _chain(node: OutlineNode, by_path: dict[str, OutlineNode]) -> list[OutlineNode]:
    chain: list[OutlineNode] = []
    current: OutlineNode | None = node
    while current is not None:
        chain.append(current)
        current = by_path.get(current.parent) if current.parent else None
    return chain


def _node_duties(text: str, node: OutlineNode, body_span: tuple[int, int], parent: OutlineNode | None = None):
    """The clauses of one item (in ``body_span``, its body or its lead-in); an item headed by a
    body alone (1.卫生健康部门。负责……) is one clause; a numbered duty under an item that is a body's
    name alone (（一）县卫生健康局 ⏎ 1.负责大病专项救治。) is that body's."""
    start, end = body_span
    heading = (node.heading or "").strip()
    body = text[start:end]
    owner = (parent.heading or "").strip().rstrip("。：:") if parent is not None else ""
    lead_in = text[parent.body_span[0]:parent.body_span[1]].split("\n", 1)[0] if parent is not None else ""
    if owner and not node.children and is_unit_list(owner) and lead_in.strip(" 。：:") in ("", owner) \
            and not extract_duties(body, start, node.path):
        duty = body.strip().removeprefix("负责").rstrip("。；;").strip()
        if duty:
            lead = len(body) - len(body.lstrip())
            return [Duty(owner, duty, (start + lead, start + len(body.rstrip().rstrip("。；;"))), node.path,
                         [u.unit for u in split_unit_list(owner)])]
    if heading and is_unit_list(heading) and body.startswith(heading):
        rest = body[len(heading):]
        duty = rest.lstrip("。：: \n").removeprefix("负责").strip().rstrip("。；;")
        if duty:
            units = [u.unit for u in split_unit_list(heading)]
            return [Duty(heading, duty, (start, start + len(body.rstrip().rstrip("。；;"))), node.path, units)]
    return extract_duties(body, start, node.path)


def _year(iso_date: str | None) -> int | None:
    return int(iso_date[:4]) if iso_date and iso_date[:4].isdigit() else None


def _dated(found: list, text: str, annex, body: list) -> list:
    """An annexed table's targets with no year column take the annex title's year, else the plan's goal year
    (到2025年 in 主要目标) — inferred, and their ``role_cue`` says so."""
    head = text[annex.span[0]:annex.span[1]].split("\n", 3)
    year = deadline_of(" ".join(head[1:3]))
    source = "the annex title"
    if year is None:
        goal_years = [t.deadline_year for t in body if t.path in ("goal", "preamble") and t.deadline_year]
        goal_years += [int(y) for y in re.findall(r"到\s*((?:19|20)\d{2})\s*年", text[:annex.span[0]])]
        year, source = (max(goal_years), "the plan's goals") if goal_years else (None, "")
    for t in found:
        if t.role == "target" and t.deadline_year is None and year:
            t.deadline_year = year
            t.role_cue = f"{t.role_cue}; deadline {year} inferred from {source}"
    return found


def _status_section(node, by_path) -> bool:
    """Whether a node sits in a section that reports the past (一、发展现状 …)."""
    while node is not None:
        if node.heading and _status_heading(node.heading):
            return True
        node = by_path.get(node.parent) if node.parent else None
    return False


def _requirement_section(node, by_path) -> bool:
    """Whether a node sits in an item that sets requirements (加强考核, 工作目标, 工作要求): a change
    against the year before there (续约率较上年提高5个百分点) is asked for, not reported."""
    while node is not None:
        if node.heading and _requirement_heading(node.heading):
            return True
        node = by_path.get(node.parent) if node.parent else None
    return False


# pure tests of a heading, asked again for every item under it
@lru_cache(maxsize=4096)
def _status_heading(heading: str) -> bool:
    return bool(P.STATUS_HEADINGS.search(heading))


@lru_cache(maxsize=4096)
def _requirement_heading(heading: str) -> bool:
    return bool(P.REQUIREMENT_HEADINGS.search(heading))


def _targets(text, nodes, by_path, indicators, annex, issue_year=None):
    """Every number in every sentence, with its role: leaf items, the lead-in of items with children, and
    the unnumbered text before the first item (preamble); annex indicator rows with their 约束性."""
    targets = []
    list_deadline: dict[str, int | None] = {}  # 到2025年，主要目标如下： → the year of the items it introduces
    for node in nodes:
        if node.path.startswith("附件") and not in_article(node, by_path):
            continue
        region = node.body_span
        inherited = list_deadline.get(node.parent) if node.parent else None
        if node.children:  # the lead-in before the first child (（二）主要目标。到2025年，…)
            region = (region[0], min(by_path[c].span[0] for c in node.children))
            lead_in = text[region[0]:region[1]].strip()
            list_deadline[node.path] = (deadline_of(lead_in) if lead_in.endswith(("：", ":")) else None) or inherited
        section_role = "status" if _status_section(node, by_path) else None
        asked = section_role or ("requirement" if _requirement_section(node, by_path) else None)
        if is_goal_node(node, by_path):
            targets.extend(extract_targets(text, region, "goal", deadline_year=inherited,
                                           section_role=asked, issue_year=issue_year))
        elif is_measure_node(node, by_path, text) or node.children or section_role:
            targets.extend(extract_targets(text, region, node.path, deadline_year=inherited,
                                           section_role=asked, issue_year=issue_year))
    first = min((n.span[0] for n in nodes), default=len(text))
    targets.extend(extract_targets(text, (0, first), "preamble", issue_year=issue_year))
    if annex and not indicators:  # an annexed 主要指标 table of tab-separated rows, read cell by cell
        targets.extend(_dated(table_targets(text, annex.span, "annex", issue_year)[0], text, annex, targets))
    if indicators and annex:
        annex_year = deadline_of(text[annex.span[0]:annex.span[1]].split("\n", 2)[1]
                                 if "\n" in text[annex.span[0]:annex.span[1]] else "")
        tabled = table_targets(text, annex.span, "annex", issue_year)[0]  # rows with year columns
        if any(t.role == "target" and t.deadline_year is None for t in tabled) and annex_year is None:
            tabled = _dated(tabled, text, annex, targets)  # 目标值 with no year: the plan's goal year, inferred
        for row in indicators:
            cells = [t for t in tabled if row.span[0] <= t.value_span[0] < row.span[1]]
            for t in cells:
                t.binding = t.binding or (row.binding if t.role == "target" else None)
                t.deadline_year = t.deadline_year or (annex_year if t.role == "target" else None)
            targets.extend(cells or extract_targets(text, row.span, "annex", row.binding, annex_year))
    return sorted(targets, key=lambda t: (t.path == "annex", t.span[0]))


_ROW_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")


def _task_row_targets(text, task_table, targets, issue_year=None):
    """The numbers of a task table's task cells, read cell by cell with the row's path (附件/表/N): the
    indicator from the task cell only (never glued to the unit or deadline column beside it), the deadline
    the cell prints (2025年转化比例不低于50%), else the year of the row's 完成时限 cell. What the body or
    preamble pass read across a row's cells is replaced."""
    if not task_table:
        return targets
    inside = [t for t in targets if t.path != "annex"
              and any(r.span[0] <= t.value_span[0] < r.span[1] for r in task_table)]
    rows = []
    for row in task_table:
        year = _ROW_YEAR.search(row.deadline or "")
        for span in row.task_spans or [row.span]:
            rows.extend(extract_targets(text, tuple(span), f"附件/表/{row.no}",
                                        deadline_year=int(year.group("year")) if year else None,
                                        issue_year=issue_year))
    replaced = {id(t) for t in inside}
    kept = [t for t in targets if id(t) not in replaced]
    return sorted(kept + rows, key=lambda t: (t.path == "annex", t.span[0]))


def _source_map(norm: NormalisedText, source: SourceText) -> dict:
    """Runs [normalised start, source start, length] mapping the normalised text
    back to the source text, and the source offset where each page starts."""
    if norm.source_runs is not None:  # the normaliser kept them (a character's offset is its run's)
        return {"runs": norm.source_runs, "page_starts": source.page_starts, "source_text": source.text}
    offsets = norm.source_offsets[:-1]
    # a run breaks where a character's source offset is not its predecessor's + 1
    steps = map(operator.sub, offsets[1:], offsets[:-1])
    starts = [0, *itertools.compress(range(1, len(offsets)), map((1).__ne__, steps))] if offsets else []
    ends = [*starts[1:], len(offsets)]
    runs = [[a, offsets[a], b - a] for a, b in zip(starts, ends)]
    return {"runs": runs, "page_starts": source.page_starts, "source_text": source.text}


_KEY_ORDER = ["id", "path", "sha256", "title", "body_title", "doc_number", "other_doc_numbers", "issuers", "issue_date",
              "print_date", "addressees", "locality", "admin_level", "citations", "measures",
              "division_of_duties", "targets", "task_table", "annex_indicators"]


def _ordered(record: Record) -> Record:
    fields = cast(dict, record)
    head = {k: fields[k] for k in _KEY_ORDER if k in fields}
    head.update({k: v for k, v in fields.items() if k not in head})
    head["record_version"] = RECORD_VERSION
    return cast(Record, head)
