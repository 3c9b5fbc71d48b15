"""A page that explains a notice (genre 解读: 《…的通知》…文件解读, 政策解读) is no notice: it prescribes
nothing, has no measures and adopts or omits nothing. Every answer drawn from one says so."""

from __future__ import annotations

from ..patterns import INTERPRETATION_GENRES

INTERPRETATION = "解读"
MARK = "(解读 page)"  # beside an id or title in the terminal; the genre column / key elsewhere
EXPLAINED = "named in a 解读 page"  # diff's status of an entry a 解读 page speaks of
NOT_EXPLAINED = "not named (解读 page)"  # …and of one it does not: never "omitted"
IN_TEXT = "in the 解读 text"  # where such an entry is named (the page has no items, goals or duties of a notice)


def is_interpretation(genre: str | None) -> bool:
    """Whether ``genre`` (a record's) is that of a page explaining a notice.

    >>> is_interpretation("解读"), is_interpretation("解讀"), is_interpretation("通知")
    (True, True, False)
    """
    return genre in INTERPRETATION_GENRES


def marked(name: str, genre: str | None) -> str:
    """``name`` followed by :data:`MARK` for a 解读 page.

    >>> marked("jd", "解读"), marked("神木市", "通知")
    ('jd (解读 page)', '神木市')
    """
    return f"{name} {MARK}" if is_interpretation(genre) else name


def note(name: str) -> str:
    """The note of a diff or compare whose document ``name`` is a 解读 page."""
    return (f"{name} is a page that explains a notice (解读), not a notice: it has no measures, so no entry is called "
            f"adopted or omitted; an entry its text names is '{EXPLAINED}' (quoted), any other '{NOT_EXPLAINED}'.")
