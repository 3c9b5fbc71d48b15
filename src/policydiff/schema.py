"""The public record's JSON Schema, generated from :class:`policydiff.models.Record`.

The top-level keys and their types come from the ``Record`` TypedDict itself; what a
TypedDict cannot say (each key's meaning, the keys of the objects inside its lists) is the
table below, one row a key. ``policydiff schema`` prints the result; the copy shipped in
``data/record.schema.json`` is checked against it by the tests, and every record the tests
make is validated against it.

>>> schema = record_schema()
>>> schema["properties"]["issuers"]
{'type': 'array', 'items': {'type': 'string'}, 'description': 'every issuing body, full name, in header/signature order'}
>>> "id" in schema["required"], "script" in schema["required"]
(True, False)
"""

from __future__ import annotations

import json
import types
import typing

from .models import Record

SCHEMA_ID = "https://policydiff.invalid/record.schema.json"

# keys every record has (the record's first public format); the others appear where they apply
REQUIRED = ["id", "path", "sha256", "title", "body_title", "doc_number", "issuers", "issue_date", "print_date",
            "addressees", "locality", "admin_level", "citations", "measures", "division_of_duties", "targets",
            "task_table", "annex_indicators"]

# keys of the internal record that never reach the JSON (store.public_record drops them)
INTERNAL = {"source_map", "_json"}

SPAN = {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2,
        "description": "[start, end) offsets into the record's normalised text (show DOC --text)"}
STRINGS = {"type": "array", "items": {"type": "string"}}
TEXT_OR_NULL = {"type": ["string", "null"]}

# meaning of each top-level key
DESCRIPTIONS = {
    "id": "stable id from the file's path under the ingested folder (folders joined by __)",
    "path": "path of the source file relative to the ingested folder",
    "sha256": "hash of the source file's bytes",
    "title": "the notice's title as printed, e.g. 关于印发《…实施方案》的通知",
    "body_title": "the title of the enclosed plan or work points, where the notice carries one",
    "enclosed_title": "the plan a notice encloses (印发《X》的通知 → X)",
    "genre": "the word the title ends in (通知, 方案, 意见 …), canonical simplified; 解读 for a page that explains a "
             "notice (no measures are read from it)",
    "doc_number": "发文字号 as printed, brackets normalised to 〔〕 (a 第 before the serial dropped, said in warnings)",
    "doc_number_parts": "the 文号 split: code (issuer prefix; null where a body's name stands in its place, "
                        "省卫生健康委〔2021〕15号), year, serial",
    "other_doc_numbers": "a joint notice numbered by each issuer: its other 文号 as printed beside or under the first "
                         "(doc_number), in order; a citation of any of them resolves to this notice; absent where the "
                         "notice prints one",
    "issuers": "every issuing body, full name, in header/signature order",
    "issue_date": ("ISO date the notice was signed (Chinese numerals read too); where it prints no signing date, its 印发 "
                   "(printing) date, a web page's information box or, for a 解读 page, its 发布时间 — each said in "
                   "warnings (and filled_from_source_metadata for the page's)"),
    "print_date": "ISO date of the 印发 line, where printed",
    "addressees": "each 主送 addressee",
    "locality": "the place the notice is for, e.g. 神木市 (canonical, simplified)",
    "admin_level": "national, provincial, prefecture, county or township (a town's or subdistrict's notice); null for "
                   "a development zone or new area, at no level of the ladder",
    "parent_locality": "the place above locality on the ladder",
    "locality_chain": "locality and every place above it up to its province",
    "locality_code": "the division code of locality (data/divisions.csv)",
    "locality_evidence": "what placed the notice: from (issuer, doc_number, title, text …) and the text quoted; "
                         "a guess from the text says so; a place the table lacks under its printed suffix says "
                         "unknown (and how its level was inferred: level) or, where the table has it under another "
                         "suffix of its level (泾阳市 for 泾阳县), printed and table_name",
    "source_metadata": "a web page's information box (索引号, 发文机关 …), normalised keys; *_iso beside each date",
    "field_conflicts": "where the information box and the article disagree: field, article value, page value",
    "filled_from_source_metadata": "fields the article lacked and the information box filled",
    "value_sources": "each header value the notice's own header does not print → where it came from (the page "
                     "header of a Word file, a web page's information box or 发布时间, the 印发 line; a place the "
                     "table lacks under its printed suffix: locality and the admin_level inferred from the suffix); "
                     "absent where every value is printed by the notice",
    "citations": "every distinct upstream document cited, in order of first appearance",
    "measures": "the lowest-level numbered items that prescribe action, with their units",
    "division_of_duties": "each department told in a duty paragraph what it is responsible for",
    "targets": "every numeric target or quantitative requirement",
    "task_table": "an annexed task-division table's rows, or null",
    "annex_indicators": "the annexed indicator table's rows, or null",
    "outline": "the numbered headings as a tree (flattened, parent by path)",
    "text": "the normalised text every span points into",
    "repairs": "each damaged 文号 or date repaired: kind, raw, repaired, span",
    "warnings": "what the reader or parser noticed and could not fix (encoding overridden …)",
    "unit_map": "each unit as printed → its canonical unit (function, kind, level, locality)",
    "script": "'traditional' where the notice is printed in traditional characters (absent otherwise)",
    "record_version": "version of this record format",
    "date_bound": "where no date is printed: the years the text gives itself (从2017年起, 2017—2020年): years, text, "
                  "span, flag 'inferred from the text'; where the date is printed to the month only (2022年3月): "
                  "years, month (YYYY-MM), text, span, flag 'printed to the month only, no day'; null when a date is "
                  "printed",
    "validity": (
                 "when the notice takes effect and for how long, as it says of itself (本通知自2023年1月1日起施行，有效期5年): "
                 "effective_from (ISO), effective_from_source ('printed', or 'issue_date' where it takes effect on issue — "
                 "自印发之日起施行 — and effective_from is the issue date; 'after_issue_date' or 'after_printed_date' where it "
                 "takes effect a while after (自印发之日起30日后施行): effective_from null, effective_after the delay as "
                 "printed (30日后), effective_after_from the date it counts from — no date computed), valid_years or "
                 "valid_until as printed "
                 "(no end date is computed from a number of years), quote and span of the clause (validity_quote, "
                 "validity_span where the term stands in a sentence of its own); a clause of a document it cites is "
                 "not its own; null where the notice says neither"),
    "source_format": "text, pdf, docx or html",
    "encoding": "the text encoding read (text and web pages)",
    "ocr": "true where the text was read by OCR from scanned pages",
    "ocr_page_confidence": "mean OCR confidence per page (null for a page with a text layer)",
    "page_count": "pages of a PDF",
}

# the objects inside lists and maps: key -> (JSON Schema of the key, meaning); all listed keys required
ITEMS: dict[str, dict[str, tuple[dict, str]]] = {
    "citations": {
        "title": (TEXT_OR_NULL, "the cited title (without 《》)"),
        "doc_number": (TEXT_OR_NULL, "the cited 文号"),
        "issuer_hint": (TEXT_OR_NULL, "the issuer named before the title"),
        "resolved_to": (TEXT_OR_NULL, "id of the stored document cited, where known"),
        "verb": (TEXT_OR_NULL, "the citing verb as printed: before the document, what the notice does with it (贯彻落实, "
                 "根据, 按照, 参照, 转发 …); after it, what the notice does to it — 废止, 停止执行, 不再执行, 失效 (repeals), "
                 "修订, 修改 (amends), 收悉 (replies to), each its own edge kind in the citation graph; null where no "
                 "verb is printed"),
        "span": (SPAN, ""),
    },
    "measures": {
        "path": ({"type": "string"}, "the item's labels joined by / (二/（一）/1)"),
        "title": ({"type": "string"}, "its heading phrase, else its first sentence"),
        "text": ({"type": "string"}, "the item's text"),
        "lead_units": (STRINGS, "牵头 units as printed"),
        "support_units": (STRINGS, "配合 units as printed"),
        "responsible_units": (STRINGS, "责任单位 that do not split the roles"),
        "unit_mentions": ({"type": "array", "items": {"$ref": "#/$defs/unit_mention"}},
                          "each unit with its role, its source and its span"),
        "span": (SPAN, ""),
    },
    "unit_mention": {
        "unit": ({"type": "string"}, "the unit as printed"),
        "role": ({"type": "string"}, "lead, support or responsible"),
        "source": ({"type": "string"}, "inline_marker, task_table, duty_paragraph or sole_issuer (implied: "
                                       "the notice's one issuer, named no unit)"),
        "span": ({"type": ["array", "null"], "items": {"type": "integer"}}, "where the unit is printed"),
        "open_list": ({"type": "boolean"}, "the list it came from ends in 等 / 等有关部门 (open: more bodies implied)"),
        "clause_span": ({"type": ["array", "null"], "items": {"type": "integer"}},
                        "the clause its marker closes (an item with several markers keeps each unit with its clause)"),
        "shared_terms": (STRINGS, "for a duty_paragraph (inferred) unit: the specific words the duty clause and the "
                                  "measure share"),
    },
    "division_of_duties": {
        "unit": ({"type": "string"}, "the department"),
        "duty": ({"type": "string"}, "what it is responsible for"),
        "path": ({"type": ["string", "null"]}, "the outline item holding the paragraph"),
        "units": (STRINGS, "the bodies the clause names, one each (unit split)"),
        "span": (SPAN, ""),
    },
    "targets": {
        "path": ({"type": "string"}, "the measure path, goal, annex, preamble, a parent item's path, "
                                     "or 附件/表/N for a task table's row N"),
        "text": ({"type": "string"}, "the clause quoted"),
        "indicator": ({"type": "string"}, "what is measured"),
        "comparator": ({"type": ["string", "null"]}, ">=, =, <=, > or <; between for a range (1至2家); a change, never "
                       "a level: + raised by, - lowered by (降低50% → -50%; 提高5个百分点以上 → +>=5个百分点), × multiplied "
                       "(翻一番 → ×2倍)"),
        "value": ({"type": "number"}, "the number (a range: its low bound)"),
        "high": ({"type": ["number", "null"]}, "a range's upper bound (1至2家: value 1, high 2), else null"),
        "unit": ({"type": "string"}, "%, 个, 万元 …"),
        "deadline_year": ({"type": ["integer", "null"]}, "by when"),
        "binding": ({"type": ["string", "null"]}, "约束性 or 预期性"),
        "approximate": ({"type": "boolean"}, "约 / 左右"),
        "qualifier": ({"type": ["object", "null"]}, "the group the target is for (常住人口超过10万人的…): text, span"),
        "value_span": (SPAN, "where the number is printed"),
        "role": ({"type": "string"}, "target (a level to reach), parameter (a rate, cap, threshold or condition the "
                                     "policy sets), status (a figure already reached), period (a duration) or count "
                                     "(of the notice's own parts or things it names); only targets and parameters "
                                     "are compared"),
        "role_cue": ({"type": ["string", "null"]}, "why the number has its role (the cue matched, or the section); "
                                                   "says when a deadline is inferred and when a unit was not "
                                                   "printed (a 率 read as %)"),
        "year": ({"type": ["integer", "null"]}, "a status figure's year"),
        "span": (SPAN, ""),
    },
    "task_table": {
        "no": ({"type": "integer"}, "序号"),
        "task": ({"type": "string"}, "工作任务"),
        "lead": (STRINGS, "牵头 units, split"),
        "lead_raw": ({"type": "string"}, "the lead cell as printed"),
        "label": ({"type": "string"}, "the 序号 as printed"),
        "support": (STRINGS, "配合/协办 units, split"),
        "responsible": (STRINGS, "责任 units (and every unit of a 按职责分工负责 cell), split"),
        "office": (STRINGS, "the issuer's internal offices (局内牵头科室 columns): not the bodies' lead"),
        "deadline": ({"type": "string"}, "完成时限 as printed"),
        "units": ({"type": "array", "items": {"type": "object"}}, "each unit with role, source and span"),
        "measure_path": ({"type": ["string", "null"]}, "the measure the row restates"),
        "task_spans": ({"type": "array"}, "the task's pieces (a row broken across a page)"),
        "span": (SPAN, ""),
    },
    "annex_indicators": {
        "no": ({"type": "integer"}, "序号"),
        "indicator": ({"type": "string"}, "指标"),
        "binding": ({"type": ["string", "null"]}, "约束性 or 预期性"),
        "span": (SPAN, ""),
    },
    "repairs": {
        "kind": ({"type": "string"}, "what was damaged (missing_close_bracket, a date's zero …)"),
        "raw": ({"type": "string"}, "as printed"),
        "repaired": ({"type": "string"}, "as read"),
        "span": (SPAN, ""),
    },
    "field_conflicts": {
        "field": ({"type": "string"}, "the record's key"),
        "article": ({}, "the article's value"),
        "page": ({}, "the information box's value"),
    },
}


def _json_type(hint) -> dict:
    """JSON Schema of a Python annotation (str, int, list[str], dict | None …)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_json_type(a) for a in typing.get_args(hint)]
        names = [p["type"] for p in parts if set(p) == {"type"} and isinstance(p["type"], str)]
        return {"type": names} if len(names) == len(parts) else {"anyOf": parts}
    if hint is type(None):
        return {"type": "null"}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _json_type(item)}
    if origin is dict or hint is dict:
        args = typing.get_args(hint)
        return {"type": "object", **({"additionalProperties": _json_type(args[1])} if args else {})}
    return {"type": SCALARS[hint]}


SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _object(name: str) -> dict:
    fields = ITEMS[name]
    return {"type": "object", "required": list(fields),
            "properties": {k: {**schema, **({"description": text} if text else {})} for k, (schema, text) in fields.items()}}


def record_schema() -> dict:
    """The JSON Schema of ``extracted/<id>.json`` and ``show DOC --json``."""
    hints = typing.get_type_hints(Record)
    properties = {}
    for key, hint in hints.items():
        if key in INTERNAL:
            continue
        prop = _json_type(hint)
        if key in ITEMS:  # a list (or null) of objects described above
            prop["items"] = {"$ref": f"#/$defs/{key}"}
        properties[key] = {**prop, "description": DESCRIPTIONS[key]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "policydiff record",
        "description": "One notice as policydiff extracts it. Keys are stable: new keys may be added, "
                       "none is renamed or dropped. Every span is [start, end) into the key text.",
        "type": "object",
        "required": REQUIRED,
        "properties": properties,
        "$defs": {name: _object(name) for name in ITEMS if name in properties or name == "unit_mention"},
    }


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"
