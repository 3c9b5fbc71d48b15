"""The terminal's console: text from notices and file names is data, never markup.

Loaded by the CLI on its first printed table (rich costs ~60 ms to import), not at start.
"""

from __future__ import annotations

import re

from rich.console import Console

# every control character but tab and line feed (tables use line breaks)
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def shown_escaped(text: str) -> str:
    r"""``text`` with its control characters written out (an escape character as ``\x1b``).

    >>> shown_escaped("a\x1b[31mb")
    'a\\x1b[31mb'
    """
    return TERMINAL_CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class DataConsole(Console):
    """A console for text from notices and file names: data, never markup (``[/bold]`` in a
    measure, ``[link=…]``), never emoji codes, and never a control sequence for the terminal
    (an escape character is shown as ``\\x1b``; line breaks stay, tables use them)."""

    def __init__(self, **kwargs):
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs):
        return super().render_str(shown_escaped(text), **kwargs)
