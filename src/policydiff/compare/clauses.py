"""Which of an item's units belong to the clause that is quoted.

An item whose clauses each print their own units (一是…（牵头单位：甲）。二是…（牵头单位：乙）) answers
a question about one clause with that clause's units; the units printed beside its other clauses are
named apart, as another clause's. ``who`` (a quoted sentence), ``diff``, ``compare`` and ``adoption``
(the sentences that cover a frame entry) all ask this one function.
"""

from __future__ import annotations

from .. import patterns as P
from ..textutils import sentence_bounds

IN_CLAUSE = ("inline_marker", "article_subject")  # units printed beside one clause of the item
CLAUSE_EDGE = "。；;，,、 \n\t\u3000"  # a clause's span may start at the stop that closed the one before


def clause_reach(mention: dict) -> tuple[int, int]:
    """Where a unit mention of a record belongs: from its clause's first printed character to the
    unit's end (the clause and its marker up to the unit), or the unit's own span without a clause.

    >>> clause_reach({"span": [30, 34], "clause_span": [10, 25]}), clause_reach({"span": [30, 34]})
    ((10, 34), (30, 34))
    """
    clause = mention.get("clause_span")
    return (clause[0], mention["span"][1]) if clause else (mention["span"][0], mention["span"][1])


def trimmed_reach(text: str, reach: tuple[int, int]) -> tuple[int, int]:
    """``reach`` without the stops and spaces it starts with (。二是… → 二是…): the sentence before it
    never touches it."""
    start, end = reach
    while start < end - 1 and text[start] in CLAUSE_EDGE:
        start += 1
    return start, end


def _reaches(unit: dict) -> list:
    """A unit's places in the text: its clauses (``reaches``, from a record) or its start (``start``, from the
    database, where a quote holding the unit's name is what places it)."""
    if unit.get("reaches"):
        return unit["reaches"]
    return [(unit["start"], unit["start"] + 1)] if unit.get("start") is not None else []


def _touched(unit: dict, spans: list) -> bool:
    for a, b in _reaches(unit):
        for s, e in spans:
            if a < e and s < b:
                return True
    return False


def units_of_clause(units: list[dict], spans, whole_item: bool = True) -> tuple[list[dict], list[dict]]:
    """(the units an answer quoting ``spans`` shows, the item's units printed beside its other
    clauses). An item whose clauses each print their own units (一是…（牵头单位：甲）。二是…（牵头单位：乙）)
    answers a question about one clause with that clause's units, where the quoted sentences touch
    some; units of the whole item (task table, duty paragraph, sole issuer) stay. Where they touch
    none, every unit is shown when the answer is the item (``whole_item``: a measure found by its
    heading); a sentence inside an item about something else (``whole_item`` False) shows only the
    whole item's units, those printed beside its clauses named as other clauses'.

    >>> a = {"raw": "县卫健局", "role": "lead", "source": "inline_marker", "start": 12}
    >>> b = {"raw": "县人社局", "role": "lead", "source": "inline_marker", "start": 40}
    >>> [[u["raw"] for u in part] for part in units_of_clause([a, b], [(0, 20)])]
    [['县卫健局'], ['县人社局']]
    >>> [[u["raw"] for u in part] for part in units_of_clause([a, b], [(20, 30)], whole_item=False)]
    [[], ['县卫健局', '县人社局']]
    """
    spans = [s for s in spans if s]
    inside = [u for u in units if u["source"] in IN_CLAUSE and _touched(u, spans)]
    if not inside and whole_item:
        return units, []
    others = [u for u in units if u["source"] in IN_CLAUSE and u not in inside]
    return [u for u in units if u not in others], others


def in_other_clause(offset: int, shown: list[dict], others: list[dict]) -> bool:
    """Whether ``offset`` (a figure's start) stands in a clause of the item whose units are another clause's
    (``others``, as :func:`units_of_clause` parts them) and in none of the clauses shown: the figure is that
    clause's, not the entry's (一是…签约率达到80%（牵头单位：甲）。二是…覆盖率达到100%（牵头单位：乙）: 100% is
    二是's). A figure outside every clause bracket stays the item's.

    >>> a = {"raw": "县卫健局", "role": "lead", "source": "inline_marker", "reaches": [(0, 20)]}
    >>> b = {"raw": "县人民医院", "role": "lead", "source": "inline_marker", "reaches": [(21, 40)]}
    >>> in_other_clause(10, [a], [b]), in_other_clause(30, [a], [b]), in_other_clause(45, [a], [b])
    (False, True, False)
    """
    def holds(unit: dict) -> bool:
        return any(a <= offset < b for a, b in _reaches(unit))
    return any(holds(u) for u in others) and not any(holds(u) for u in shown)


def other_clause_cell(units) -> str:
    """``lead: 县卫健局; support: 县财政局``: units the item prints beside its other clauses, not the one quoted
    (dicts or named tuples with ``role`` and ``raw``)."""
    return "; ".join(f"{_get(u, 'role')}: {_get(u, 'raw')}" for u in units or [])


def _get(unit, key: str):
    return unit[key] if isinstance(unit, dict) else getattr(unit, key)


# ------------------------------------------------------------------ what prints a unit, quoted

_OPENS, _CLOSES = "（(【[［", "）)】]］"  # a unit marker's brackets (patterns.MARKER_OPEN but 〔〕, a 文号's year)
QUOTE_REACH = 200  # characters a quote runs back to a bracket's opening, or on to its close
NAME_CONTEXT = 6  # characters on each side of a unit's name that a row's quote must print to show it there
UNIT_REACH = 300  # characters read on each side of a unit's name to quote what prints it (as query reads them)


def quote_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence around ``at`` (its closing 。 kept), a bracket of units it opens or closes
    whole — from the clause the bracket closes, to its close — and a unit label standing alone on the line
    before the names (``(责任单位:⏎州医保局)``, ``责任单位：⏎（州医保局）``), in either bracket width: the quote
    that shows a unit in its role. ``who``, ``duties``, ``adoption`` and ``diff`` quote units by it.

    >>> text = "措施。(责任单位:\\n州医保局、州卫健委)"
    >>> text[slice(*quote_bounds(text, text.find("州医保局")))]
    '(责任单位:\\n州医保局、州卫健委)'
    >>> text = "措施。\\n责任单位：\\n（州医保局）"
    >>> text[slice(*quote_bounds(text, text.find("州医保局")))]
    '责任单位：\\n（州医保局）'
    """
    left, end = sentence_bounds(text, (at, at))
    opening = max(text.rfind(mark, max(0, left - QUOTE_REACH), left) for mark in _OPENS)
    if _closes(text[left:end]) > _opens(text[left:end]) and opening >= 0 and _bracket_runs_on(text[opening:left]):
        left = sentence_bounds(text, (opening, opening))[0]  # …（牵头单位：甲；配合单位：乙）: from the clause it closes
    left = _with_label_line(text, left)
    right = min(end + 1, len(text))  # the quote keeps its closing 。
    opened = _opens(text[left:right]) - _closes(text[left:right])
    close = min((i for i in (text.find(mark, right) for mark in _CLOSES) if i >= 0), default=-1) if opened > 0 else -1
    if 0 <= close - right <= QUOTE_REACH and "\n" not in text[right:close]:  # （牵头单位：甲；配合单位：乙）: whole
        right = close + 1 + (text[close + 1:close + 2] in ("。", "；"))
    return left, right


def row_line(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line holding ``at``: a task table's row, which prints a unit in its column.

    >>> row_line("表\\n3\\t提升质量。\\t医政处\\n4", 8)
    (2, 12)
    """
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def units_quoted(text: str, units, printed: str | None = None, quote: str = "",
                 known: dict[int, tuple[int, int]] | None = None) -> str:
    """``[a:b] （责任单位：县医保局）; …``: where each of ``units`` (record units with ``at``, the offset of their
    name) is printed — its bracket or sentence (:func:`quote_bounds`), a task table unit's row line —, each
    place once, read from ``printed`` (the text as printed, same offsets; default ``text``); a place the row's
    own ``quote`` already shows is left out. ``known``: the places already found in this text, by the offset of
    the name they were found for (a notice's rows ask again for the same units).

    >>> text = "（一）落实先诊疗后付费政策。\\n（责任单位：州医保局、州卫健委）"
    >>> units_quoted(text, [{"raw": "州医保局", "source": "inline_marker", "at": 22},
    ...                     {"raw": "州卫健委", "source": "inline_marker", "at": 27}], quote="落实先诊疗后付费政策。")
    '[16:33] （责任单位：州医保局、州卫健委）'
    """
    printed, known = printed or text, {} if known is None else known
    places: dict[tuple[int, int], bool] = {}  # (start, end) → the quote prints the name it was found for
    for u in units:
        at = u.get("at")
        if at is None or at >= len(text) or any(a <= at < b for a, b in places):  # a bracket's other names
            continue
        if u.get("clause"):  # a duty clause's unit (inferred, or answering for an entry only in the duties):
            a, b = u["clause"]  # the whole clause — its name and the duties that tie it to the entry
        else:
            if at not in known:
                known[at] = _printing(text, at, u["source"] == "task_table")
            a, b = known[at]
        if u["source"] != "task_table" or u["raw"] in text[a:b]:  # a row's line that prints the name
            # the row's quote prints the name where it stands (its words around it): nothing to show apart
            places.setdefault((a, b), printed[max(a, at - NAME_CONTEXT):min(b, at + len(u["raw"]) + NAME_CONTEXT)]
                              in quote)
    return "; ".join(f"[{a}:{b}] {printed[a:b]}" for (a, b), in_quote in places.items()
                     if not in_quote and printed[a:b] not in quote)


def _printing(text: str, at: int, row: bool) -> tuple[int, int]:
    """(start, end) of what prints the name at ``at`` (:func:`quote_bounds`, a row's line), spaces at its ends
    left out; read around the name, not to the text's ends (a 30,000-notice run asks it 100,000 times)."""
    left = max(0, at - UNIT_REACH)
    window = text[left:at + UNIT_REACH]
    a, b = row_line(window, at - left) if row else quote_bounds(window, at - left)
    a, b = a + left, b + left
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _opens(text: str) -> int:
    return sum(text.count(mark) for mark in _OPENS)


def _closes(text: str) -> int:
    return sum(text.count(mark) for mark in _CLOSES)


def _bracket_runs_on(between: str) -> bool:
    """Whether a bracket opened at the start of ``between`` runs on to the quote after it: on the same line,
    or across one line break after a unit label or a marker's first part (``(责任单位:⏎州医保局)``,
    ``（牵头科室：市卫健局公卫科，⏎配合单位：…）``)."""
    if "\n" not in between:
        return True
    head, _, rest = between[1:].partition("\n")
    head = head.strip()
    return not rest.strip() and (_is_label(head) or P.ROLE_LABEL.match(head) is not None)


def _with_label_line(text: str, left: int) -> int:
    """``left``, or the start of the line before it where that line is a unit label alone (责任单位：⏎（州医保局）):
    the label says what the names are."""
    if left == 0 or text[left - 1] != "\n":
        return left
    line_start = text.rfind("\n", 0, left - 1) + 1
    return line_start if _is_label(text[line_start:left - 1].strip()) else left


def _is_label(line: str) -> bool:
    """Whether ``line`` is a unit label alone: 责任单位： or, as a task card prints it, 责任单位."""
    return bool(P.ROLE_LABEL.fullmatch(line) or P.ROLE_LABEL_ALONE.fullmatch(line))
