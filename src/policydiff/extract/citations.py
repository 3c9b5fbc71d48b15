"""Cited upstream documents: 《title》 with or without （文号）, bare 文号, and
unquoted plan titles that the sentence makes a document (…三年行动计划（2020—2022））."""

from __future__ import annotations

import re

from .. import patterns as P
from ..models import Citation
from ..textutils import bare_title, normalise_doc_number, sentence_bounds

_NUMBER_AFTER = re.compile(r"\s*[（(]\s*(?P<number>[^（）()]{2,30}?号)\s*[）)]")  # used with match(text, pos)
_BOUNDARY = re.compile(r"[，。；：,;:\n》）)]|" + P.CITING_VERBS.pattern)


def extract_citations(text: str, start: int, own_number: str | tuple | None = None,
                      own_titles: tuple[str, ...] = ()) -> list[Citation]:
    """Distinct documents cited in ``text[start:]``, in order of first appearance. The notice's
    own 文号 (``own_number``: one, or several as printed in the article and the page's box) and
    its own titles (the notice's, the enclosed plan's) are never citations.

    >>> [c.doc_number for c in extract_citations("按照《办法》（编办发〔2011〕81号）核定。", 0)]
    ['编办发〔2011〕81号']
    """
    own = _own_numbers(own_number)
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for m in P.TITLE_QUOTED.finditer(text, start):
        title = m.group("title")
        end = m.end()
        number = None
        after = _NUMBER_AFTER.match(text, end)
        if after and P.DOC_NUMBER.search(after.group("number")):
            number = normalise_doc_number(after.group("number"))
            end = after.end()
        if _is_own(title, number, own, own_titles):
            continue
        verb = _citing_verb(text, m.start())
        issuer = _issuer_hint(text, m.start(), found, title)
        found.append(Citation(title, number, issuer, (m.start(), end), verb))
        taken.append((m.start(), end))
    for m in P.TITLE_UNQUOTED.finditer(text, start):
        span = (m.start("title"), m.end())
        if not _overlaps(span, taken):
            title = text[span[0]:span[1]]
            found.append(Citation(title, None, None, span, _citing_verb(text, m.start())))
            taken.append(span)
    for m in P.iter_doc_numbers(text, start):
        number = normalise_doc_number(m.group(0))
        if _overlaps((m.start(), m.end()), taken) or number in own or _in_header(text, m):
            continue
        code_start = m.end() - len(m.group(0).lstrip()) + (len(m.group("code")) - len(
            P.LEADING_VERBS.sub("", m.group("code"))))
        found.append(Citation(None, number, None, (code_start, m.end()), _citing_verb(text, m.start())))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda c: c.span[0])
    return _distinct(found)


def _own_numbers(own_number) -> set[str]:
    numbers = own_number if isinstance(own_number, tuple | list) else (own_number,)
    return {normalise_doc_number(n) or n for n in numbers if n}


def _is_own(title: str, number: str | None, own: set[str], own_titles) -> bool:
    if number and number in own:
        return True
    bare = bare_title(title).replace("的", "")
    return (number is None or not own) and any(bare == bare_title(t).replace("的", "") for t in own_titles if t)


def _in_header(text: str, m: re.Match) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return bool(P.DOC_NUMBER_LINE.match(line))


def _overlaps(span, spans) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _citing_verb(text: str, at: int) -> str | None:
    sentence_start = sentence_bounds(text, (at, at))[0]
    verbs = list(P.CITING_VERBS.finditer(text, sentence_start, at))
    return verbs[-1].group(0) if verbs else None


def _issuer_hint(text: str, at: int, previous: list[Citation], title: str) -> str | None:
    """The body the sentence names as issuer, e.g. 市委、市政府《…》."""
    left = max(0, at - 160)
    boundary_at = None
    for m in _BOUNDARY.finditer(text, left, at):
        boundary_at = m
    if boundary_at is not None:
        left = boundary_at.end()
    hint = text[left:at]
    hint = re.sub(r"^(?:、|和|以及|及|与)", "", hint)
    hint = P.ISSUER_TRAILING.sub("", hint).strip()
    hint = re.sub(r"\s+", "", hint)
    adjacent = boundary_at is not None and boundary_at.group(0) in "）)》" and boundary_at.end() == at
    if not hint and adjacent and previous and previous[-1].span[1] == at:
        return previous[-1].issuer_hint  # documents listed back to back share an issuer
    if hint and len(hint) <= 150 and "《" not in hint:
        return hint
    prefix = re.match(r"^(?P<issuer>.{2,40}?)(?:\s*)关于", title)
    if not hint and prefix and not prefix.group("issuer").startswith(("转发", "印发")) \
            and P.ORG_SUFFIX.search(prefix.group("issuer").strip()):
        return prefix.group("issuer").strip()
    return None


def _distinct(citations: list[Citation]) -> list[Citation]:
    seen, result = set(), []
    for c in citations:
        key = c.doc_number or bare_title(c.title)
        if key in seen:
            continue
        seen.add(key)
        result.append(c)
    return result
