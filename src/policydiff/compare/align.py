"""Align measures to the measure frame (or to a reference document's measures).

Every alignment has a score and a categorical reason: identical heading,
near-identical heading, same topic by key terms, or no match (a local
addition). Candidates are scored with rapidfuzz over jieba tokens and over
characters; organisational boilerplate aligns but is flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from ..models import Record
from ..resources import load_json
from ..traditional import simplified_record
from .clauses import CLAUSE_EDGE, IN_CLAUSE, clause_reach, trimmed_reach

IDENTICAL = "identical heading"
NEAR_IDENTICAL = "near-identical heading"
SAME_TOPIC = "same topic by key terms"
NO_MATCH = "no match"

NEAR_THRESHOLD = 78
TOPIC_THRESHOLD = 0.6

_LEADING_VERBS = re.compile(
    r"^(?:持续|深入|全面|进一步|加强和优化|加强|健全完善|健全|完善|推进|实施|开展|推动|支持|做好|强化|坚决|"
    r"巩固|优化|调整完善|调整|抓实|提升|建立|大力|扎实|切实|着力|加大力度|加大|提高|精细化|凝聚|深化)+")
_PUNCT = re.compile(r"[“”\"'《》〈〉（）()、，。；：,.;:\s]")
GENERIC = {"工作", "建设", "服务", "机制", "能力", "措施", "政策", "推进", "加强", "实施", "开展", "持续",
           "进一步", "完善", "健全", "深入", "全面", "提升", "推动", "支持", "做好", "强化", "地区",
           "经济", "薄弱", "脱贫", "我市", "各地", "相关", "达到", "完成", "实现", "人口", "农村", "单位",
           "医院", "医疗", "期间", "水平", "辖区", "设置", "管理", "规范",
           # the corpus's own subject: every notice says these, so they tell no measure apart
           "乡村", "巩固", "拓展", "健康", "振兴", "衔接", "成果", "医疗卫生", "优化", "大力", "加大力度",
           "深入开展", "抓实", "调整"}


def former_names(entry: dict) -> list[dict]:
    """The entry's earlier names with the years each was in use (``{"name", "years", "note"}``),
    as the frame carries them or, for a frame built before they were recorded, from
    ``frame_rules.json`` by the entry's label.

    >>> [n["name"] for n in former_names({"label": "大病专项救治"})]
    ['大病集中救治']
    """
    if "former_names" in entry:
        return entry["former_names"] or []
    return list(_former_name_table().get(entry.get("label") or "", []))


@lru_cache(maxsize=1)
def _former_name_table() -> dict[str, list[dict]]:
    return load_json("frame_rules.json").get("former_names", {})


def former_name_in(text: str, entry: dict) -> dict | None:
    """The first of the entry's earlier names that ``text`` prints, said as matched: the name,
    the years it was in use and the entry's current label.

    >>> former_name_in("落实大病集中救治政策", {"label": "大病专项救治"})["years"]
    [2017, 2020]
    """
    for former in former_names(entry):
        if former["name"] in text:
            return {"name": former["name"], "years": former.get("years"), "current": entry["label"],
                    "kind": "former name"}
    return None


def describe_name(matched: dict | None) -> str:
    """One phrase for a matched earlier name.

    >>> describe_name({"name": "大病集中救治", "years": [2017, 2020], "current": "大病专项救治"})
    'matched the former name 大病集中救治 (in use 2017–2020) of 大病专项救治'
    """
    if not matched:
        return ""
    years = "–".join(str(y) if y else "…" for y in matched.get("years") or [])
    return f"matched the former name {matched['name']}{f' (in use {years})' if years else ''} of {matched['current']}"


def normalise_heading(heading: str) -> str:
    """A heading without quotes, punctuation and leading action verbs.

    >>> normalise_heading("完善住院先诊疗后付费政策")
    '住院先诊疗后付费政策'
    """
    text = _PUNCT.sub("", heading or "")
    return _LEADING_VERBS.sub("", text) or text


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """jieba tokens of two or more characters (dictionary loaded once per process)."""
    import jieba

    jieba.setLogLevel(60)
    return tuple(t for t in jieba.lcut(_PUNCT.sub(" ", text)) if len(t.strip()) >= 2)


def key_terms(texts: list[str], limit: int = 8) -> list[str]:
    """The most frequent non-generic tokens of ``texts``."""
    counts: dict[str, int] = {}
    for text in texts:
        for token in set(tokens(text)):
            if token not in GENERIC:
                counts[token] = counts.get(token, 0) + 1
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def topic_score(text: str, terms: list[str]) -> float:
    """Share of an entry's key terms that a measure's text contains (0 unless at
    least two distinct terms are there: one shared word is not a shared topic)."""
    if not terms:
        return 0.0
    found = sum(1 for t in terms if t in text)
    return found / len(terms) if found >= 2 else 0.0


class PreparedFrame:
    """A frame with its headings normalised and tokenised once, for fast alignment.

    Every heading keeps where it came from (locality, path, the heading as printed),
    so that a match can name what it matched. Build one per frame and pass it to
    ``align_measure`` (no hidden cache: the caller holds it as long as it needs it; with
    ``memo``, it keeps what each heading aligned to for the next notice printing it).
    """

    def __init__(self, frame: list[dict], memo: bool = False):
        self.entries = frame
        # ``memo``: what a heading aligns to by its words alone, kept by heading (a scan of thousands
        # of notices sees a few hundred headings; only the key-term fallback reads the measure's
        # text). Only for a frame that does not change while it is used.
        self.by_title: dict[str, dict | None] | None = {} if memo else None
        self.index = {e["id"]: i for i, e in enumerate(frame)}
        self.literal: dict[str, tuple[dict, str]] = {}
        self.exact: dict[str, tuple[dict, str]] = {}
        self.norms: list[str] = []
        self.token_strings: list[str] = []
        self.owner: list[tuple[dict, str]] = []
        for entry in frame:
            for heading, source in _headings(entry):
                self.literal.setdefault(heading, (entry, source))
                norm = normalise_heading(heading)
                if norm in self.exact:
                    continue  # thousands of localities repeat a few hundred headings
                self.exact[norm] = (entry, source)
                self.norms.append(norm)
                self.token_strings.append(" ".join(tokens(norm)))
                self.owner.append((entry, source))
        self.patterns = [(re.compile(e["pattern"]), e) for e in frame if e.get("pattern")]


def _headings(entry: dict) -> list[tuple[str, str]]:
    """(heading, where it is printed) of an entry's evidence; the label when it has none."""
    found = [(e["heading"], f"{e.get('locality') or e['doc_id']} {e['path']} {e['heading']}")
             for e in entry["evidence"]]
    return found or [(entry["label"], f"frame label {entry['label']}")]


def align_measure(measure: dict, frame: list[dict] | PreparedFrame) -> dict:
    """The best frame entry for one measure, with score, reason and what matched.

    ``reason`` is "identical heading" only when another notice prints exactly this heading.
    """
    prepared = frame if isinstance(frame, PreparedFrame) else PreparedFrame(frame)
    title = measure["title"]
    memo = prepared.by_title
    if memo is None:
        hit = _align_title(title, prepared)
    elif title in memo:
        hit = memo[title]
        if hit is not None:  # a copy: the caller may change what it is given
            return {**hit, "matched_terms": list(hit["matched_terms"])}
    else:
        hit = _align_title(title, prepared)
        if len(memo) < MEMO_TITLES:
            memo[title] = None if hit is None else {**hit, "matched_terms": list(hit["matched_terms"])}
    if hit is not None:
        return hit
    best: dict[str, Any] = {"frame_id": None, "label": None, "score": 0.0, "reason": NO_MATCH, "boilerplate": False,
            "matched_heading": None, "matched_terms": []}
    for entry in prepared.entries:
        terms = entry.get("key_terms", [])
        share = topic_score(measure["text"], terms)
        if share >= TOPIC_THRESHOLD and share * 100 > best["score"]:
            best = _hit(entry, round(share * 100, 1), SAME_TOPIC, None, [t for t in terms if t in measure["text"]])
    return best


MEMO_TITLES = 20_000  # headings a memo keeps (a few MB)


def _align_title(title: str, prepared: PreparedFrame) -> dict | None:
    """What ``title`` aligns to by its words (identical or near-identical heading, a rule, an
    earlier name, a cue phrase); None where only the measure's key terms can tell."""
    if title in prepared.literal:
        entry, source = prepared.literal[title]
        return _hit(entry, 100.0, IDENTICAL, source, [], title)
    norm = normalise_heading(title)
    if norm in prepared.exact:
        entry, source = prepared.exact[norm]
        return _hit(entry, 100.0, NEAR_IDENTICAL, source, [], title)
    scores: dict[str, tuple[float, dict, str]] = {}
    if norm and prepared.norms:
        for scorer, query, choices in ((fuzz.ratio, norm, prepared.norms),
                                       (fuzz.token_set_ratio, " ".join(tokens(norm)), prepared.token_strings)):
            for _, score, index in process.extract(query, choices, scorer=scorer, limit=5,
                                                    score_cutoff=NEAR_THRESHOLD):
                if not set(tokens(norm)) & set(prepared.token_strings[index].split()) - GENERIC:
                    continue  # near only by words every notice prints (乡村, 医疗卫生, 服务): no shared topic
                entry, source = prepared.owner[index]
                if score > scores.get(entry["id"], (0, None, ""))[0]:
                    scores[entry["id"]] = (score, entry, source)
    for pattern, entry in prepared.patterns:
        found = pattern.search(title)
        if found and scores.get(entry["id"], (0, None, ""))[0] < NEAR_THRESHOLD:
            scores[entry["id"]] = (NEAR_THRESHOLD, entry, f"frame rule for {entry['label']} ({found.group()})")
    for entry in prepared.entries:  # an earlier name of the measure (大病集中救治, 2017–2020)
        former = former_name_in(title, entry)
        if former and scores.get(entry["id"], (0, None, ""))[0] < NEAR_THRESHOLD:
            scores[entry["id"]] = (NEAR_THRESHOLD, entry, f"frame rule for {entry['label']}: {describe_name(former)}")
    cue_phrase = None
    if not scores:  # a heading naming an entry's cue phrase (消除村卫生室“空白点”, 稳定乡村医生队伍)
        for entry in prepared.entries:
            if entry.get("boilerplate"):
                continue  # 大病保险倾斜 is no 倾斜支持 item: organisational entries align by their own rules only
            cue = _heading_cues().get(entry["label"])
            found = cue.search(title) if cue is not None else None
            if found:
                scores[entry["id"]] = (NEAR_THRESHOLD, entry, f"frame cue for {entry['label']} ({found.group()})")
                cue_phrase = found.group()
                break
    if scores:
        score, entry, source = max(scores.values(), key=lambda s: (s[0], -prepared.index[s[1]["id"]]))
        hit = _hit(entry, score, NEAR_IDENTICAL, source, [], title)
        former = former_name_in(title, entry)
        if former:  # what the notice printed is the earlier name, not the entry's other terms
            hit.update(matched_name=former, matched_terms=[former["name"]])
        elif cue_phrase:
            hit.update(matched_terms=[cue_phrase])
        return hit
    return None


@lru_cache(maxsize=1)
def _heading_cues() -> dict[str, re.Pattern]:
    """The cue phrases of frame_rules.json by entry label (what coverage reads in sentences), for headings."""
    return {label: re.compile(pattern) for label, pattern in load_json("frame_rules.json").get("cues", {}).items()}


def _hit(entry: dict, score: float, reason: str, matched_heading: str | None, terms: list[str],
         title: str | None = None) -> dict:
    """One alignment. ``title``: the measure's heading — the terms said as matched are those the heading prints
    too (the entry's key terms in the matched heading that the heading shares; else the heading's own tokens the
    matched heading prints): 落实大病专项救治 matched to 精细化实施低收入人口大病专项救治 matched 大病、专项、救治,
    not 低收入 or 精细化, which the notice does not print there."""
    if matched_heading and not terms:
        terms = [t for t in entry.get("key_terms", []) if t in matched_heading]
        if title is not None:
            terms = [t for t in terms if t in title] or list(dict.fromkeys(
                t for t in tokens(normalise_heading(title)) if t in matched_heading))
    return {"frame_id": entry["id"], "label": entry["label"], "score": round(score, 1), "reason": reason,
            "boilerplate": bool(entry.get("boilerplate")), "matched_heading": matched_heading,
            "matched_terms": terms}


def align_document(record: Record, frame: list[dict] | PreparedFrame) -> list[dict]:
    """Every measure of ``record`` aligned to ``frame``, in document order (a notice printed in
    traditional characters through its simplified rendering: the frame is simplified)."""
    prepared = frame if isinstance(frame, PreparedFrame) else PreparedFrame(frame)
    record = simplified_record(record)
    aligned = []
    for m in record["measures"]:
        hit = align_measure(m, prepared)
        aligned.append({**hit, "path": m["path"], "title": m["title"], "span": m["span"],
                        "units": measure_units(record, m)})
    return aligned


def duty_sections(record: Record) -> list[dict]:
    """The items a notice gives to dividing duties (加强部门协作。甲局负责……；乙局负责……): the
    leaf outline items its ``division_of_duties`` clauses stand in that are not among its measures,
    each as {"path", "title", "text", "span"} like a measure (and "item_span": with its label) — a topic
    the notice covers, not work it prescribes."""
    measured = {m["path"] for m in record["measures"]}
    paths = {d.get("path") for d in record.get("division_of_duties") or []} - measured
    text = record.get("text") or ""
    found = []
    for node in record.get("outline") or []:
        if node["path"] in paths and not node.get("children"):
            start, end = node["body_span"]
            title = node["heading"] or text[start:end].split("。", 1)[0].split("\n", 1)[0]
            found.append({"path": node["path"], "title": title, "text": text[start:end], "span": [start, end],
                          "item_span": list(node["span"])})
    return found


def measure_units(record: Record, measure: dict, row_of=None) -> list[dict]:
    """A measure's units, each (unit, role) once, with the task-table rows it came from
    (a Lianyungang measure restated by three task rows names 医政处 as lead once, row [4]).
    ``row_of``: :func:`task_row_finder` of the record's task table, when the caller asks for
    many measures of one record."""
    row_of = row_of or task_row_finder(record.get("task_table") or [])
    unit_map, text = record.get("unit_map", {}), record.get("text")
    units: dict[tuple[str, str], dict] = {}
    for u in measure["unit_mentions"]:
        unit = units.setdefault((u["unit"], u["role"]), {
            "raw": u["unit"], "role": u["role"], "source": u["source"], "rows": [],
            "function": (unit_map.get(u["unit"]) or {}).get("function"), "at": u["span"][0],  # where it is named
            **({"clause": u["clause_span"]} if u["source"] == "duty_paragraph" and u.get("clause_span") else {})})
        row = row_of(u["span"][0])
        if row is not None and row not in unit["rows"]:
            unit["rows"].append(row)
        if u["source"] in IN_CLAUSE:  # the clauses it is printed beside (clauses.units_of_clause)
            reach = clause_reach(u)
            if text and text[reach[0]] in CLAUSE_EDGE:
                reach = trimmed_reach(text, reach)
            unit.setdefault("reaches", []).append(reach)
    return list(units.values())


def task_row_finder(rows: list[dict]):
    """offset -> the ``no`` of the task row holding it, or None. A row runs from its start to the
    next row's start (its lead cell follows its task text; the last runs on): the rows holding an
    offset are those starting last at or before it, and the first of them in table order is taken.

    >>> task_row_finder([{"no": 1, "span": [10, 20]}, {"no": 2, "span": [30, 40]}])(35)
    2
    """
    first_no: dict[int, object] = {}
    for r in rows:
        first_no.setdefault(r["span"][0], r["no"])
    starts = sorted(first_no)

    def row_of(offset: int):
        at = bisect_right(starts, offset) - 1
        return first_no[starts[at]] if at >= 0 and offset < 1 << 30 else None
    return row_of


def frame_from_document(record: Record) -> list[dict]:
    """Use a document's own measures as the frame (``--against DOC``)."""
    record = simplified_record(record)
    return [{"id": m["path"], "label": m["title"], "pattern": None, "boilerplate": False,
             "key_terms": key_terms([m["title"], m["text"][:200]]),
             "evidence": [{"doc_id": record["id"], "path": m["path"], "heading": m["title"], "span": m["span"]}]}
            for m in record["measures"]]
