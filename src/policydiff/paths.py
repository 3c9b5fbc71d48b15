"""Paths built from stored data (document ids, partition names) stay inside their folder.

An id comes from a file's name, but a database or a Parquet part can be written by
anyone: ``../../x`` must never become ``extracted/../../x.json``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import PolicydiffError

# the project database; its JSON records are written beside it (extracted/<id>.json)
DEFAULT_DB = Path("extracted") / "policydiff.db"


class UnsafeNameError(PolicydiffError):
    """A stored id or name that would make a path outside its folder."""


# a separator or a name made only of dots (the path would climb or cross folders); a NUL or another
# control character (it would forge a line of output or end the name early)
_LEAVES = re.compile(r"[/\\]|^\.*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def inside(folder, name: str, suffix: str = "") -> Path:
    """``folder / (name + suffix)``, refused unless it is a plain file name inside ``folder``.

    >>> inside("extracted", "004_9587a739f0f37529", ".json").as_posix()
    'extracted/004_9587a739f0f37529.json'
    >>> inside("extracted", "../../x", ".json")
    Traceback (most recent call last):
    ...
    policydiff.paths.UnsafeNameError: '../../x': not a safe name for a file in extracted (it would leave the folder)
    """
    why = _why_unsafe(name)
    if why:
        raise UnsafeNameError(f"{name!r}: not a safe name for a file in {folder} ({why})")
    return Path(folder) / f"{name}{suffix}"


def _why_unsafe(name) -> str | None:
    """What is wrong with ``name`` as a plain file name, or None."""
    if not isinstance(name, str) or not name:
        return "it is empty"
    if _LEAVES.search(name):
        return "it would leave the folder"
    if _CONTROL.search(name):
        return "it holds a control character"
    if len(name.encode()) > 240:
        return f"{len(name.encode())} bytes; a file name holds at most 240"
    return None


def document_id(path: Path, root=None) -> str:
    """A stable id from the file's path under ``root``: the stem, plus the format for
    non-text files so that a notice's PDF and text differ, after its folders joined by
    ``__`` (``a/notice.txt`` → ``a__notice``, ``2021/5/index.html`` → ``2021__5__index_html``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    name = path.stem if suffix in (".txt", "") else f"{path.stem}_{suffix[1:]}"
    folders = path.parent.relative_to(root).parts if root and path.is_relative_to(root) else ()
    return "__".join((*folders, name))
