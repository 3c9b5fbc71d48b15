"""Cited upstream documents: 《title》 with or without （文号）, bare 文号, and
unquoted plan titles that the sentence makes a document (…三年行动计划（2020—2022））."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns as P
from ..metadata import issuer_names
from ..models import Citation
from ..textutils import bare_title, normalise_doc_number, normalise_order_number, sentence_bounds

# used with match(text, pos); the year may be in round brackets inside the round ones: （安卫函（2021）15号）
# a short name given inside the brackets after the number (（某卫发〔2021〕52号，以下简称《方案》）) belongs to them;
# the brackets may list several numbers, one for each title before them (《A》《B》（甲发〔2021〕6号、乙发〔2021〕2号）)
_NUMBER_AFTER = re.compile(r"\s*[（(]\s*(?P<number>(?:[^（）()]|[（(]\s*\d{4}\s*[）)]){2,100}?[号號])"
                           r"(?:\s*[，,]\s*(?:以下|下文)?(?:简|下)称为?[^（）()]{1,30})?\s*[）)]")
_BOUNDARY = re.compile(r"[，。；：,;:\n》）)]|" + P.CITING_VERBS.pattern)


_FULLWIDTH_DIGIT = re.compile("[０-９]")


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
    # 〔２０２１〕６号 read as 〔2021〕6号, every offset the same (parse_source's text holds none: no copy made)
    digits = text.translate(P.FULLWIDTH_DIGITS) if _FULLWIDTH_DIGIT.search(text) else text
    quoted = list(P.TITLE_QUOTED.finditer(text, start))
    # （…，以下简称《方案》）: the short name of the document just cited, there and wherever it is used after
    short_names = {m.group("title") for m in quoted if P.SHORT_NAME_BEFORE.search(text, max(0, m.start() - 8), m.start())}
    for m in quoted:
        title = m.group("title")
        end = m.end()
        if title in short_names:
            continue
        number = None
        after = _NUMBER_AFTER.match(digits, end)
        listed = _listed_numbers(after.group("number")) if after else []
        if after and len(listed) > 1:  # 《A》《B》（甲发〔2021〕6号、乙发〔2021〕12号）: one number a title, in order
            run = _adjacent_run(text, found, m.start())
            if len(run) == len(listed) - 1:
                for at, listed_number in zip(run, listed):
                    found[at] = replace(found[at], doc_number=listed_number)
                number, end = listed[-1], after.end()
            # else: which title has which number is not printed: the numbers are cited alone, below
        elif after and P.DOC_NUMBER.search(after.group("number")):
            number = normalise_doc_number(after.group("number"))
            end = after.end()
        elif after and P.ORDER_NUMBER.fullmatch(after.group("number").strip()):  # 《条例》（国务院令第386号）
            number = normalise_order_number(after.group("number"))
            end = after.end()
        if _is_own(title, number, own, own_titles) or (number is None and _is_own_part(text, m, own_titles)):
            continue
        verb = _citing_verb(text, m.start(), end)
        issuer = _issuer_hint(text, m.start(), found, title)
        found.append(Citation(title, number, issuer, (m.start(), end), verb))
        taken.append((m.start(), end))
    for m in P.TITLE_UNQUOTED.finditer(text, start):
        span = (m.start("title"), m.end())
        if not _overlaps(span, taken):
            title = text[span[0]:span[1]]
            found.append(Citation(title, None, None, span, _citing_verb(text, m.start(), span[1])))
            taken.append(span)
    for m in P.TITLE_UNQUOTED_GUANYU.finditer(text, start):
        span, issuer = (m.start("title"), m.end("title")), m.group("issuer").strip()
        if _overlaps((m.start("issuer"), span[1]), taken) or "《" in text[m.start():span[0]] or \
                (issuer and not _names_bodies(re.sub(r"\s+", "、", issuer))):
            continue
        after = _NUMBER_AFTER.match(digits, span[1])  # 关于…的通知（国卫乡村发〔2022〕3号）: its number, in its span
        number = normalise_doc_number(after.group("number")) if after and P.DOC_NUMBER.search(after.group("number")) \
            else None
        if _is_own(m.group("title"), number, own, own_titles):
            continue
        span = (span[0], after.end()) if number and after else span
        found.append(Citation(m.group("title"), number, re.sub(r"\s+", "、", issuer) or None, span,
                              _citing_verb(text, span[0], span[1])))
        taken.append(span)
    for m in P.iter_doc_numbers(digits, start):
        code = P.CODE_RUN_IN.sub("", P.LEADING_VERBS.sub("", m.group("code")))
        number = normalise_doc_number(code + digits[m.end("code"):m.end()]) if code else None
        if not number or _overlaps((m.start(), m.end()), taken) or number in own or _in_header(digits, m):
            continue
        code_start = m.end("code") - len(code)
        # a body's name where the code stands (根据省卫生健康委〔2021〕15号文件): that body issued it, its code unknown
        issuer = code if P.BODY_NAME_CODE.search(code) else None
        # the verb read up to the code: a verb the code's match took in (参照国卫办…函〔2020〕1号) counts
        found.append(Citation(None, number, issuer, (code_start, m.end()), _citing_verb(text, code_start, m.end())))
        taken.append((m.start(), m.end()))
    if P.DI_AFTER_BRACKET.search(digits, start):  # 〔2021〕第6号: the serial's 第 is no part of the number
        for m in P.DOC_NUMBER_WITH_DI.finditer(digits, start):
            code = P.CODE_RUN_IN.sub("", P.LEADING_VERBS.sub("", m.group("code")))
            number = f"{code}〔{m.group('year')}〕{int(m.group('serial'))}号" if code else None
            span = (m.end("code") - len(code), m.end())
            if _on_its_own_line(digits, m):
                continue  # 商卫发〔2021〕第6号 alone under the title: the notice's own number, printed so — no citation
            if number and number not in own and not _overlaps(span, taken):
                found.append(Citation(None, number, None, span, _citing_verb(text, span[0], span[1])))
                taken.append(span)
    found.sort(key=lambda c: c.span[0])
    return _distinct(found)


def _listed_numbers(bracket: str) -> list[str]:
    """The 文号 a bracket lists (甲发〔2021〕1号、乙发〔2021〕2号 / …1号和乙发…), each code without the joining word.

    >>> _listed_numbers("甲发〔2021〕1号及乙发〔2021〕2号")
    ['甲发〔2021〕1号', '乙发〔2021〕2号']
    """
    found = []
    for m in P.iter_doc_numbers(bracket):
        code = P.CODE_RUN_IN.sub("", P.LEADING_VERBS.sub("", re.sub(r"^(?:和|及|以及|与)", "", m.group("code"))))
        number = normalise_doc_number(code + bracket[m.end("code"):m.end()]) if code else None
        if number:
            found.append(number)
    return found


def _adjacent_run(text: str, found: list[Citation], at: int) -> list[int]:
    """The citations found just before ``at`` whose 《titles》 run up to it with no number of their own, each next to
    the next (《A》《B》, 《A》、《B》, 《A》和《B》), in order.

    >>> a = Citation("甲", None, None, (2, 5))
    >>> _adjacent_run("根据《甲》、《乙》（…）", [a], 6)
    [0]
    """
    run: list[int] = []
    for i in range(len(found) - 1, -1, -1):
        c = found[i]
        between = text[c.span[1]:at]
        if c.doc_number or c.title is None or not re.fullmatch(r"\s*(?:[、，,]|和|及|以及|与)?\s*", between):
            break
        run.insert(0, i)
        at = c.span[0]
    return run


def _own_numbers(own_number) -> set[str]:
    numbers = own_number if isinstance(own_number, tuple | list) else (own_number,)
    return {normalise_doc_number(n) or n for n in numbers if n}


def _is_own(title: str, number: str | None, own: set[str], own_titles) -> bool:
    if number and number in own:
        return True
    bare = bare_title(title).replace("的", "")
    return (number is None or not own) and any(bare == bare_title(t).replace("的", "") for t in own_titles if t)


def _is_own_part(text: str, m: re.Match, own_titles) -> bool:
    """A 《title》 that names a part of the notice itself: its own annex (《2021年工作指标》（见附件）),
    the plan it hands over (现将《X》印发给你们) or, by a bare genre word, the plan it encloses
    (按照《实施方案》要求, 《方案》 in a notice that encloses a 方案).

    >>> _is_own_part("按照《实施方案》要求", P.TITLE_QUOTED.search("按照《实施方案》要求"), ("某县健康扶贫实施方案",))
    True
    """
    if P.OWN_ANNEX_AFTER.match(text, m.end()):
        return True
    if text.endswith("现将", 0, m.start()) and P.OWN_PRINTING_AFTER.match(text, m.end()):
        return True  # 现将《鹭洲市…实施方案》印发给你们: the plan it encloses, named in full
    short = P.BARE_GENRE_TITLE.match(m.group("title"))
    return short is not None and any(bare_title(t).endswith(short.group("genre")) for t in own_titles if t)


def _in_header(text: str, m: re.Match) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    # a published rule's note under its title ((2022年6月10日某局发布 某卫发〔2022〕29号)) holds its own 文号
    return bool(P.DOC_NUMBER_LINE.match(line) or (len(line) <= 120 and P.PUBLISHED_NOTE.match(line)))


def _on_its_own_line(text: str, m: re.Match) -> bool:
    """Whether the 文号 matched is all its line holds (perhaps in brackets): a header's number, not a cited one."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return bool(P.LOOSE_DOC_NUMBER_LINE.match(line.strip()))


def _overlaps(span, spans) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _citing_verb(text: str, at: int, end: int | None = None) -> str | None:
    """The last citing verb of the sentence before ``at``, outside any 《title》: in
    根据《…贯彻落实…》和《X》, X's verb is 根据, not the word inside the first title; else, a
    document handed on (现将《X》（文号）转发给你们), 转发 after it (``end``: where the citation ends).

    >>> _citing_verb("根据《关于贯彻落实某意见的通知》和《某方案》", 17)
    '根据'
    >>> _citing_verb("现将《某省卫生健康委关于做好签约服务的通知》转发给你们", 2, 22)
    '转发'
    >>> _citing_verb("按照要求，《某县签约服务方案》同时废止", 5, 15)
    '废止'
    """
    if end is not None:
        after = P.CITED_AFTER_VERB.match(text, end)
        if after:  # 《X》（某发〔2019〕3号）同时废止: what the notice does to X, whatever verb the sentence opened with
            return next(v for v in after.groups() if v)
    sentence_start = sentence_bounds(text, (at, at))[0]
    verbs = [v for v in P.CITING_VERBS.finditer(text, sentence_start, at)
             if text.count("《", sentence_start, v.start()) <= text.count("》", sentence_start, v.start())]
    if verbs:
        return verbs[-1].group(0)
    if end is not None and P.FORWARDED_AFTER.match(text, end):
        return "转发"
    return None


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
    if P.PRONOUN_BODY.match(hint):
        return None  # 你局《关于…的请示》: the addressee, by no name
    if hint and len(hint) <= 150 and "《" not in hint and _names_bodies(hint):
        return _listed(hint)
    prefix = re.match(r"^(?P<issuer>.{2,40}?)(?:\s*)关于", title)
    # the title's own issuer (…关于), where the words before it name no body (现将《…》转发给你们)
    if prefix and not prefix.group("issuer").startswith(("转发", "印发")) \
            and P.ORG_SUFFIX.search(prefix.group("issuer").strip()):
        return _listed(prefix.group("issuer").strip())
    return None


def _listed(hint: str) -> str:
    """Bodies whose names ran together when the spaces between them were dropped, listed with 、
    (国家卫生健康委 国家医保局 国家中医药局关于… → 国家卫生健康委、国家医保局、国家中医药局); one body as printed.

    >>> _listed("国家卫生健康委国家医保局国家中医药局"), _listed("市委、市政府"), _listed("中共中央国务院")
    ('国家卫生健康委、国家医保局、国家中医药局', '市委、市政府', '中共中央国务院')
    """
    if re.search("[、，,及和与等]", hint):
        return hint
    names = issuer_names(hint)
    return "、".join(names) if names and len(names) > 1 else hint


def _names_bodies(hint: str) -> bool:
    """Whether a phrase before a 《title》 is its issuer: bodies, listed with 、 or 及 and perhaps
    closed by 等N部门 (市委、市政府; 国家卫生健康委等部门), not a phrase of the sentence (各地要完成).

    >>> _names_bodies("省卫生健康委等厅局"), _names_bodies("中共中央、国务院"), _names_bodies("各地要完成")
    (True, True, False)
    """
    parts = [p for p in re.split(r"[、及与]", P.BODIES_TAIL.sub("", hint)) if p]
    return bool(parts) and all(len(p) <= 40 and P.CITED_BODY_END.search(p) and not P.NOT_A_BODY.search(p)
                               for p in parts)


def _distinct(citations: list[Citation]) -> list[Citation]:
    """One citation a document: the same 文号 again, or the same title again where one of the two prints no
    number (《X》（某发〔2021〕6号） … 按照《X》要求) is the document already cited (its number kept).

    >>> a = Citation("关于某事的意见", "某发〔2021〕6号", None, (0, 20))
    >>> [c.doc_number for c in _distinct([a, Citation("关于某事的意见", None, None, (30, 40))])]
    ['某发〔2021〕6号']
    >>> len(_distinct([a, Citation("关于某事的意见", "某发〔2022〕1号", None, (30, 50))]))  # another year's, another number
    2
    """
    by_number: dict[str, int] = {}
    by_title: dict[str, int] = {}
    result: list[Citation] = []
    for c in citations:
        title = bare_title(c.title) if c.title else None
        at = by_number.get(c.doc_number) if c.doc_number else None
        if at is None and title in by_title and (c.doc_number is None or result[by_title[title]].doc_number is None):
            at = by_title[title]
        if at is not None:
            if result[at].doc_number is None and c.doc_number:  # 按照《X》 … 《X》（某发〔2021〕6号）: the number printed later
                result[at] = replace(result[at], doc_number=c.doc_number)
                by_number[c.doc_number] = at
            continue
        if c.doc_number:
            by_number[c.doc_number] = len(result)
        if title:
            by_title.setdefault(title, len(result))
        result.append(c)
    return result
