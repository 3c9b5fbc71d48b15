"""The terminal's console: text from notices and file names is data, never markup.

Loaded by the CLI on its first printed table (rich costs ~60 ms to import), not at start.
"""

from __future__ import annotations

from rich.console import Console

from ..textutils import shown_escaped


class DataConsole(Console):
    """A console for text from notices and file names: data, never markup (``[/bold]`` in a
    measure, ``[link=…]``), never emoji codes, and never a control sequence for the terminal
    (an escape character is shown as ``\\x1b``; line breaks stay, tables use them)."""

    def __init__(self, **kwargs):
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs):
        return super().render_str(shown_escaped(text), **kwargs)
