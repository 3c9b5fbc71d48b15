"""A notice printed in traditional characters is compared through its simplified rendering (same offsets): the
strings an answer quotes from it are put back in the characters the notice prints (``traditional.PrintedForm``,
as a record's own strings are at parse time), so that a reader finds each quote in the text."""

from __future__ import annotations

from ..models import Record
from ..traditional import PrintedForm


def printed_form(printed: Record, simplified: Record) -> PrintedForm | None:
    """For a notice printed in traditional characters (``simplified`` its rendering), what puts the printed
    characters back into the strings read from the rendering (``traditional.PrintedForm``, as a record's own
    strings are put back at parse time); None for any other notice."""
    if printed is simplified:
        return None
    return PrintedForm(printed["text"], simplified["text"], frozenset())


def as_printed_quote(form: PrintedForm | None, quote: str) -> str:
    """``quote`` (read from a simplified rendering; pieces of it may be joined by …) as the notice prints it.

    >>> as_printed_quote(PrintedForm("縣衛健局負責簽約。", "县卫健局负责签约。", frozenset()), "县卫健局…签约。")
    '縣衛健局…簽約。'
    """
    if form is None or not quote:
        return quote
    return "…".join(form.string(piece) for piece in quote.split("…"))
