"""Records that flow between the pipeline stages, all in one place.

Every extracted item carries a ``span``: character offsets into the document's
normalised text, so that ``text[span[0]:span[1]]`` is the quoted evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

Span = tuple[int, int]

# where a header value came from when the notice's own header does not print it (the record's value_sources):
# one phrase a source, so show and every export name it the same way
VALUE_SOURCES = {
    "print_date": "the 印发 (printing) line: no signing date printed",
    "box_title": "the web page's information box (标题)",
    "box_doc_number": "the web page's information box (发文字号; the article does not print it)",
    "box_issuers": "the web page's information box (发文机关)",
    "box_other_numbers": "the web page's information box (发文字号 printing each issuer's number)",
    "box_issue_date": "the web page's information box (成文日期)",
    "box_generated_date": "the web page's information box (生成日期, when the page entry was made; no 成文日期 printed)",
    "box_published_date": "the web page's 发布时间 (publication date): a 解读 is dated by its publication",
    "box_source": "the web page's 来源 (source) line",
    "page_headline": "the web page's headline or <title> (the article prints no title)",
    "word_header": "the page header of the Word file",
    # a place the table lacks under its printed suffix (filled with the names)
    "place_unknown": "{printed} as printed: no division of the place table has this name",
    "level_from_suffix": "{how} ({printed}, not in the place table)",
    "place_other_suffix": "the place table's {name} ({level}) for {printed} as printed: the same stem, a suffix of "
                          "its level",
}


@dataclass
class SourceText:
    """What a reader returns: the text of a file plus where each page starts."""

    path: str
    text: str
    page_starts: list[int] = field(default_factory=lambda: [0])
    source_format: str = "text"
    encoding: str | None = None
    ocr: bool = False
    page_confidence: list[float | None] = field(default_factory=list)
    # the page's information box (发文字号, 成文日期 …) under normalised keys: title, doc_number,
    # issuer, written_date, published_date, index_no, topic, validity, source; values as printed
    source_metadata: dict[str, str] = field(default_factory=dict)
    # what the reader had to decide that the record should say (a declared encoding overridden …)
    warnings: list[str] = field(default_factory=list)
    # a header value the reader put into the text from outside the article (a Word file's page header, a page's
    # 发文字号 field): key → (the value, where it came from: a VALUE_SOURCES phrase); the record's value_sources
    # names the place where the parsed value is that value
    value_sources: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class NormalisedText:
    """Repaired text and, for every character, its offset in the source text."""

    text: str
    source_offsets: list[int]
    # each repair: {"kind", "raw", "repaired", "span"} (span in the normalised text)
    repairs: list[dict] = field(default_factory=list)
    # the same map as runs [normalised start, source start, length], each as long as the offsets
    # step by one (the record's source map); None: computed from source_offsets when asked
    source_runs: list[list[int]] | None = field(default=None, compare=False, repr=False)

    def source_span(self, span: Span) -> Span:
        """Map a span of the normalised text back to the source text."""
        start, end = span
        if start >= len(self.source_offsets):
            return (self.source_offsets[-1], self.source_offsets[-1])
        last = self.source_offsets[max(end - 1, start)]
        return (self.source_offsets[start], last + 1)


@dataclass
class OutlineNode:
    """One numbered item (or heading, annex, table) of a notice's outline."""

    path: str
    label: str
    kind: str  # "一、", "（一）", "1.", "（1）", "一是", "附件", "table"
    depth: int
    heading: str | None
    span: Span  # the whole node, label included, children included
    body_span: Span  # the node's own content after the label, children included
    parent: str | None = None
    children: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": self.path, "label": self.label, "kind": self.kind, "depth": self.depth,
                "heading": self.heading, "span": self.span, "body_span": self.body_span,
                "parent": self.parent, "children": list(self.children)}


@dataclass
class Citation:
    title: str | None
    doc_number: str | None
    issuer_hint: str | None
    span: Span
    verb: str | None = None
    resolved_to: str | None = None

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer_hint": self.issuer_hint,
            "resolved_to": self.resolved_to,
            "span": list(self.span),
            "verb": self.verb,
        }


@dataclass
class UnitMention:
    """One raw unit string in a responsibility marker, with its role.

    ``source`` says where it comes from: printed at the item ("inline_marker": a marker, a bare
    bracket of units, or 由甲局负责 in its sentence), as the subject of one of its clauses
    ("article_subject": an article's 县财政局应当…, or any item's 市卫健局负责统筹……) or in the
    annexed task table ("task_table"); inferred from a duty clause ("duty_paragraph", with
    the ``shared_terms`` the clause and the measure share); implied by the notice's one
    issuer ("sole_issuer"). ``span`` points at the unit's own characters (a duty-paragraph
    unit: at its duty clause); a unit whose name takes a suffix the list shares
    (农业农村、生态环境等部门 → 农业农村部门) points at its own part. ``open_list``: the list
    it stands in ends in 等 (甲部、乙委等负责). ``clause_span``: the clause its marker closes
    (an item with several markers keeps each marker's units with its own clause). The
    fields after ``span`` have defaults, so records written before them still load.
    """

    unit: str
    role: str  # "lead", "support", "responsible"
    source: str  # "inline_marker", "task_table", "duty_paragraph", "article_subject", "sole_issuer"
    span: Span
    open_list: bool = False
    clause_span: Span | None = None
    shared_terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"unit": self.unit, "role": self.role, "source": self.source, "span": list(self.span),
                "open_list": self.open_list,
                "clause_span": list(self.clause_span) if self.clause_span else None,
                "shared_terms": list(self.shared_terms)}


# where a unit comes from (UnitMention.source) → how a reader should take it: printed beside the item or
# in its task table; inferred from a duty paragraph by shared terms; implied by the notice's sole issuer.
# (A mention's role may also be "office": a task table's internal-office column, 局内牵头科室.)
PROVENANCE_OF_SOURCE = {"inline_marker": "printed", "task_table": "printed", "article_subject": "printed",
                        "duty_paragraph": "inferred", "sole_issuer": "implied"}
PROVENANCE_ZH = {"printed": "原文列明", "inferred": "推断（职责分工段）", "implied": "默认（唯一发文机关）"}
PROVENANCE_WHY = {"printed": "printed in the notice (beside the item, or in its task table)",
                  "inferred": "inferred: a duty paragraph's unit, attached by terms it shares with the item",
                  "implied": "implied: the notice's sole issuer; the notice prints no unit"}


def shown_value(target: dict) -> str:
    """A number as a reader checks it against the text: comparator, value and unit (>=90%), a range
    as its two bounds (1–2家).

    >>> shown_value({"comparator": ">=", "value": 90, "unit": "%"}), shown_value(
    ...     {"comparator": "between", "value": 1, "high": 2, "unit": "家"})
    ('>=90%', '1–2家')
    """
    if target.get("high") is not None:
        return f"{target['value']}–{target['high']}{target['unit']}"
    return f"{target['comparator']}{target['value']}{target['unit']}"


def provenance(source: str | None, lang: str = "en") -> str:
    """How a unit mention's ``source`` reads: printed / inferred / implied (``lang="zh"``: in Chinese).

    >>> provenance("task_table"), provenance("duty_paragraph"), provenance("sole_issuer", "zh")
    ('printed', 'inferred', '默认（唯一发文机关）')
    """
    label = PROVENANCE_OF_SOURCE.get(source or "", "unknown")
    return PROVENANCE_ZH.get(label, label) if lang == "zh" else label


def is_printed(source: str | None) -> bool:
    """Whether a unit with this ``source`` is printed in the notice (not inferred or implied)."""
    return provenance(source) == "printed"


@dataclass
class Measure:
    path: str
    title: str
    text: str
    span: Span
    lead_units: list[str] = field(default_factory=list)
    support_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    unit_mentions: list[UnitMention] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "text": self.text,
            "lead_units": self.lead_units,
            "support_units": self.support_units,
            "responsible_units": self.responsible_units,
            "span": list(self.span),
            "unit_mentions": [m.to_dict() for m in self.unit_mentions],
        }


@dataclass
class Duty:
    """One clause of a division-of-duties paragraph: 甲部门负责…… → (甲部门, ……).

    ``unit`` is the clause's units as printed (农业农村、生态环境等部门); ``units`` the bodies
    it names, one each (农业农村部门, 生态环境部门; empty in records written before it)."""

    unit: str
    duty: str
    span: Span
    path: str | None = None
    units: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"unit": self.unit, "units": list(self.units or [self.unit]), "duty": self.duty,
                "span": list(self.span), "path": self.path}


@dataclass
class Target:
    path: str
    text: str
    indicator: str
    comparator: str | None
    value: float
    unit: str
    deadline_year: int | None
    binding: str | None
    span: Span
    value_span: Span
    approximate: bool = False  # 约 / 左右
    qualifier: dict | None = None  # {"text", "span"}: the group or area the target is for (常住人口超过10万人的脱贫县)
    # target / parameter / status / period / count (patterns.NUMBER_ROLES), and the cue that decided it
    role: str = "target"
    role_cue: str | None = None
    year: int | None = None  # a status figure's year (截至2020年底 → 2020); None for the other roles
    high: float | None = None  # a range's upper bound (1至2家: comparator "between", value 1, high 2)

    @property
    def compared(self) -> bool:
        """Whether comparisons use it: targets and parameters, never status, periods or counts."""
        return self.role in ("target", "parameter")

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        high = None if self.high is None else int(self.high) if float(self.high).is_integer() else self.high
        return {
            "path": self.path,
            "text": self.text,
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": value,
            "high": high,
            "unit": self.unit,
            "deadline_year": self.deadline_year,
            "binding": self.binding,
            "span": list(self.span),
            "value_span": list(self.value_span),
            "approximate": self.approximate,
            "qualifier": self.qualifier,
            "role": self.role,
            "role_cue": self.role_cue,
            "year": self.year,
        }


@dataclass
class TaskRow:
    """One task of a task-division table (its sub-rows joined), its units kept by column role:
    lead (牵头), support (配合/协办), responsible (责任单位, or a cell 按职责分工负责) and office
    (the issuer's own offices, 局内牵头科室: not the bodies' lead)."""

    no: int
    task: str
    lead: list[str]
    span: Span
    lead_raw: str = ""
    measure_path: str | None = None
    lead_spans: list[Span] = field(default_factory=list)
    # where the task text is: one piece, or several for a row broken across a page or spread
    # over sub-rows (``span`` then covers them all)
    task_spans: list[Span] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    office: list[str] = field(default_factory=list)
    deadline: str = ""
    label: str = ""  # the 序号 as printed ("" where the table has none)
    mentions: list[UnitMention] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "no": self.no,
            "label": self.label,
            "task": self.task,
            "lead": self.lead,
            "lead_raw": self.lead_raw,
            "support": self.support,
            "responsible": self.responsible,
            "office": self.office,
            "deadline": self.deadline,
            "measure_path": self.measure_path,
            "span": list(self.span),
            "task_spans": [list(s) for s in self.task_spans],
            "units": [{"unit": m.unit, "role": m.role, "source": m.source, "span": list(m.span)}
                      for m in self.mentions],
        }


@dataclass
class AnnexIndicator:
    no: int
    indicator: str
    binding: str | None
    span: Span

    def to_dict(self) -> dict:
        return {"no": self.no, "indicator": self.indicator, "binding": self.binding,
                "span": list(self.span)}


@dataclass
class Failure:
    """A file that could not be ingested, and why (one line)."""

    path: str
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


# ------------------------------------------------------------------ compare (stage 7)


@dataclass
class Passage:
    """One sentence of a notice, whitespace removed, with where it stands:
    ``part`` is item (inside a measure), goals, duties or annex."""

    start: int
    end: int
    text: str
    part: str
    path: str | None


@dataclass
class Coverage:
    """Where a notice covers one frame entry (see ``compare.coverage``)."""

    frame_id: str
    where: str  # own item / inside another item / goals only / duties only / annex only / not found
    path: str | None
    quote: str | None
    matched_terms: list[str]
    score: float
    paths: list[str] = field(default_factory=list)
    span: list[int] | None = None
    nearest: dict | None = None  # for "not found": the closest passage and its score
    matched_name: dict | None = None  # an earlier name of the entry matched (大病集中救治, 2017–2020)

    @property
    def covered(self) -> bool:
        return self.where != "not found"

    def to_dict(self) -> dict:
        return {"where": self.where, "covered": self.covered, "path": self.path, "paths": self.paths,
                "quote": self.quote, "matched_terms": self.matched_terms, "score": self.score,
                "span": self.span, "nearest": self.nearest, "matched_name": self.matched_name}


@dataclass
class Reference:
    """What a notice is diffed against: the national frame or another document.

    ``entries`` are frame entries (dicts as in national_frame.json); ``records`` the
    parsed notices the evidence points into; ``derivation`` says in one sentence how
    the reference was made. Lead functions per entry are kept in ``leads`` once computed.
    """

    kind: str  # "frame" or "document"
    name: str
    doc_number: str | None
    date: str | None
    derivation: str
    entries: list[dict]
    indicators: list[dict]
    records: dict[str, Record]
    primary_ids: set[str] = field(default_factory=set)
    leads: dict[str, list[dict]] = field(default_factory=dict)  # entry → [{function, provenance}]

    def summary(self) -> dict:
        return {"kind": self.kind, "name": self.name, "doc_number": self.doc_number, "date": self.date,
                "derivation": self.derivation}


# ---------------------------------------------------------------- the public record
# The record as parse_file returns it, the store loads it and extracted/<id>.json holds it
# (../shared/record-schema.md). A TypedDict: the JSON is the record itself, and every later
# stage (store, compare, graph, query, report) is checked against these keys.
class Record(TypedDict, total=False):
    id: str
    path: str
    sha256: str
    title: str | None
    body_title: str | None
    enclosed_title: str | None
    genre: str | None
    doc_number: str | None
    doc_number_parts: dict | None
    other_doc_numbers: list[str]  # a joint notice's other 文号 (one per issuer), in the order printed; absent if none
    issuers: list[str]
    issue_date: str | None
    print_date: str | None
    date_bound: dict | None  # no date printed: the years the text gives itself, flagged "inferred from the text"
    validity: dict | None  # 自…起施行, 有效期N年 as the notice says of itself: effective_from, valid_years/until, quote, span
    addressees: list[str]
    locality: str | None
    admin_level: str | None
    parent_locality: str | None
    locality_chain: list[str]
    locality_code: str | None
    locality_evidence: dict | None
    source_metadata: dict[str, str]
    field_conflicts: list[dict]
    filled_from_source_metadata: list[str]
    value_sources: dict[str, str]  # a header value not printed by the notice's own header → where it came from
    citations: list[dict]
    measures: list[dict]
    division_of_duties: list[dict]
    targets: list[dict]  # every number with its role; comparisons read targets and parameters only
    task_table: list[dict] | None
    annex_indicators: list[dict] | None
    outline: list[dict]
    text: str
    repairs: list[dict]
    warnings: list[str]
    unit_map: dict[str, dict]
    script: str  # "traditional" where the notice is printed in traditional characters (absent otherwise)
    record_version: int
    source_format: str
    encoding: str | None
    ocr: bool
    ocr_page_confidence: list[float | None]
    page_count: int
    source_map: dict  # kept apart from the public JSON: offsets back into the source text
    _json: str | bytes  # the JSON text a worker made (its UTF-8 bytes), handed to the single writer
