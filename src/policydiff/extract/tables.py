"""Annex tables: the task-division table (序号/工作任务/牵头处室) and the
indicator table (指标/属性 with 约束性/预期性)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .. import patterns as P
from ..models import AnnexIndicator, Measure, OutlineNode, TaskRow, UnitMention
from ..outline import paragraphs
from .units import split_lead_cell

TASK_HEADER = re.compile(r"工作任务|任务")
LEAD_HEADER = re.compile(r"牵头|责任")
LINK_THRESHOLD = 85


def extract_task_table(text: str, annex_start: int) -> list[TaskRow] | None:
    """Rows of a tab-separated task table in the annex; a row whose first cell is
    empty continues the row before it (a row broken across a page)."""
    rows: list[TaskRow] = []
    columns = None
    for para in paragraphs(text):
        if para.start < annex_start or "\t" not in para.text:
            continue
        cells = _cells(para.text, para.start)
        names = [c for c, _ in cells]
        if columns is None:
            columns = _task_columns(names)
            continue
        no_col, task_col, lead_col = columns
        first = names[no_col].strip() if no_col < len(names) else ""
        task, task_span = cells[task_col] if task_col < len(cells) else ("", (para.start, para.start))
        lead, lead_span = cells[lead_col] if lead_col < len(cells) else ("", (para.end, para.end))
        task_span = _stripped_span(task, task_span)
        if first.isdigit():
            rows.append(TaskRow(int(first), task.strip(), [], task_span, lead.strip(),
                                lead_spans=[lead_span], task_spans=[task_span]))
        elif rows and not first:
            row = rows[-1]
            row.task += task.strip()
            row.lead_raw += lead.strip()
            row.lead_spans.append(lead_span)
            if task.strip():
                row.task_spans.append(task_span)
                row.span = (row.span[0], task_span[1])
    if not rows:
        return None
    for row in rows:
        row.lead = [u for u, _ in _row_units(row)]
    return rows


def _stripped_span(cell: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of ``cell.strip()`` inside ``span``."""
    start = span[0] + len(cell) - len(cell.lstrip())
    return (start, start + len(cell.strip()))


def _cells(line: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    cells, pos = [], 0
    for part in line.split("\t"):
        cells.append((part, (offset + pos, offset + pos + len(part))))
        pos += len(part) + 1
    return cells


def _task_columns(names: list[str]):
    task_col = next((i for i, n in enumerate(names) if TASK_HEADER.search(n)), None)
    lead_col = next((i for i, n in enumerate(names) if LEAD_HEADER.search(n)), None)
    if task_col is None or lead_col is None:
        return (0, 1, len(names) - 1)
    return (0, task_col, lead_col)


def _row_units(row: TaskRow) -> list[tuple[str, tuple[int, int]]]:
    return split_lead_cell(row.lead_raw, row.lead_spans[0][0]) if row.lead_raw else []


def link_task_rows(rows: list[TaskRow], measures: list[Measure]) -> None:
    """Point each task row at the measure whose text restates it, and give that
    measure the row's lead units (source: task_table)."""
    texts = [m.text for m in measures]
    for row in rows:
        scores = restatement_scores(row.task, texts)
        best_score = max(scores, default=0.0)
        if best_score <= 0.0 or best_score < LINK_THRESHOLD:
            continue
        best = measures[scores.index(best_score)]  # the first of equals, as before
        row.measure_path = best.path
        for unit, span in _row_units(row):
            best.unit_mentions.append(UnitMention(unit, "lead", "task_table", span))
            if unit not in best.lead_units:
                best.lead_units.append(unit)


def restatement_scores(task: str, measure_texts: list[str]) -> list[float]:
    """How well a table row restates each measure: the mean best-match score of the
    row's clauses inside the measure text (rows shorten and merge sentences).
    One rapidfuzz matrix (clauses × measures) instead of a Python loop over pairs."""
    clauses = [c for c in re.split(r"[，。；,;]", task) if len(c) >= 4]
    # a measure that shares no three characters in a row with the task does not restate
    # it: only the others are scored (partial_ratio over long texts is the cost here)
    trigrams = {c[i:i + 3] for c in clauses for i in range(len(c) - 2)}
    candidates = [i for i, text in enumerate(measure_texts) if any(t in text for t in trigrams)]
    scores = [0.0] * len(measure_texts)
    if not clauses or not candidates:
        return scores
    matrix = process.cdist(clauses, [measure_texts[i] for i in candidates], scorer=fuzz.partial_ratio,
                           dtype="float64")
    for i, total in zip(candidates, matrix.sum(axis=0)):
        scores[i] = float(total) / len(clauses)
    return scores


def extract_annex_indicators(text: str, annex: OutlineNode | None) -> list[AnnexIndicator] | None:
    """Numbered rows of an indicator table with their 约束性/预期性 attribute."""
    if annex is None:
        return None
    region = [p for p in paragraphs(text) if annex.span[0] <= p.start < annex.span[1]]
    indicators: list[AnnexIndicator] = []
    for i, para in enumerate(region):
        m = re.match(r"^(?P<no>\d{1,2})[.．、]\s*", para.text)
        if not m:
            continue
        body = para.text[m.end():]
        binding = P.BINDING_SUFFIX.search(body)
        if binding:
            body = body[:binding.start()]
        elif i + 1 < len(region) and P.BINDING_CELL.match(region[i + 1].text):
            binding = P.BINDING_CELL.match(region[i + 1].text)
        if binding is None:
            continue
        start = para.start + m.end()
        indicators.append(AnnexIndicator(int(m.group("no")), body.rstrip("\t "), binding.group(1),
                                         (start, start + len(body.rstrip("\t ")))))
    return indicators or None
