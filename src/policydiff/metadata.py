"""Document-level metadata: title, 文号, issuers, dates, addressees, locality.

All functions here take normalised text (one paragraph per line).
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from . import patterns as P
from . import places
from .models import VALUE_SOURCES
from .outline import Paragraph, match_label, paragraphs
from .pagebox import box_issuers, page_box, with_iso_dates
from .resources import Locality, localities
from .textutils import chinese_number, format_doc_number, normalise_doc_number, repair_bare_date, split_units

HEADER_WINDOW = 60  # paragraphs searched for the page box, title, 文号 and addressees


def extract_metadata(text: str, source_metadata: dict | None = None) -> dict:
    """Every document-level key of the public record except id, path and sha256, plus the
    page's information box (``source_metadata``), where it disagrees with the article
    (``field_conflicts``), what was repaired or taken from the box, and warnings.

    >>> extract_metadata("神卫健发〔2021〕64号\\n关于印发《方案》的通知\\n各医疗卫生单位：")["doc_number"]
    '神卫健发〔2021〕64号'
    """
    paras = paragraphs(text)
    head = paras[:HEADER_WINDOW]
    found_box, page = page_box(head)
    box = {**found_box, **(source_metadata or {})}  # the reader's box (HTML) first
    head = [p for p in head if p.start not in page]
    title = find_title(head)
    number, number_para = _doc_number(head, title)
    dates = _date_paragraphs(paras)
    issue = next((d for d in dates if not d.printed and d.iso and d.shape != "dotted"), None)
    issue = issue or next((d for d in dates if d.shape == "dotted"), None)  # 2021.12.20 under the signature
    month_only = None if issue else next((d for d in dates if d.shape == "month"), None)
    note = _published_note(head, title)
    if note and not issue:  # a published rule's note under its title: its date, issuer and 文号
        issue, month_only = note, None
    printed = next((d for d in dates if d.printed), None)
    title_para = title.para if title else None
    if number is None and note and note.number:
        number, number_para = note.number, note.para
    signed = issue or month_only
    issuers = header_issuers(head, title_para) + signature_issuers(paras, signed if signed is not note else None)
    issuers = issuers or list(note.issuers if note else ())
    issuers = list(dict.fromkeys(issuers))
    addressed = addressees(head, title_para or number_para)
    meta: dict[str, Any] = {
        "title": title.text if title else None,
        "body_title": body_title(paras, issue.para if issue else None),
        "doc_number": number,
        "issuers": issuers,
        "issue_date": issue.iso if issue else None,
        "print_date": printed.iso if printed else None,
        "addressees": addressed,
        "genre": title.genre if title else None,
        "repairs": [d.repair for d in dates if d.repair and d is issue],
        "warnings": [d.warning for d in dates if d.warning and (d is issue or not d.iso)][:3],
        "value_sources": {},  # a header value the notice's own header does not print: where it came from
    }
    if not issuers and title and title.issuer and (title.genre or _genre(title.text)) not in P.INTERPRETATION_GENRES:
        # 望川县人民政府关于印发… unsigned (a 解读's title names the explained notice's issuer, not its own)
        meta["issuers"] = issuer_names(title.issuer) or [title.issuer]
    meta.update(merge_page_box(meta, box))
    meta["issuers"] = _full_name_from_title(meta["issuers"], meta["title"], meta["filled_from_source_metadata"])
    if number_para is not None and meta["doc_number"] == number:
        meta["warnings"].extend(_printed_number_warnings(number, number_para))
    others = other_doc_numbers(head, number_para, number) if meta["doc_number"] == number else []
    meta["warnings"].extend(_other_numbers_warning(number_para, others))
    boxed = _box_other_numbers(box.get("doc_number"), [meta["doc_number"], *others])
    if boxed:  # the box's 发文字号 names each issuer's number, the article only the first
        meta["value_sources"]["other_doc_numbers"] = VALUE_SOURCES["box_other_numbers"]
        meta["warnings"].append(f"other_doc_numbers taken from the page's information box (发文字号): {', '.join(boxed)}")
    meta["other_doc_numbers"] = [*others, *boxed]
    counted = _header_count(head, title_para)
    meta["warnings"].extend(_issuer_count_warning(counted or meta["title"], meta["issuers"],
                                                  "the line above the title" if counted else "the title"))
    meta["warnings"].extend(_omitted_signers_warning(paras, signed if signed is not note else None))
    if meta["title"] and not meta["genre"]:
        meta["genre"] = _genre(meta["title"])
    if not meta["issue_date"] and meta["print_date"] and not month_only:
        meta["issue_date"] = meta["print_date"]  # 某局办公室　2022年4月11日印发, no signing date: the printing date, said
        meta["warnings"].append(f"issue_date is the 印发 (printing) date {meta['print_date']}: no signing date printed")
        meta["value_sources"]["issue_date"] = VALUE_SOURCES["print_date"]
    if meta["genre"] in P.INTERPRETATION_GENRES and not meta["issue_date"]:
        meta.update(_interpretation_date(meta))
    if meta["genre"] in P.INTERPRETATION_GENRES and not meta["issuers"]:
        meta.update(_interpretation_issuer(meta, text))
    meta["enclosed_title"] = enclosed_title(meta["title"]) or _enclosed_in_body(head)
    meta["doc_number_parts"] = split_doc_number(meta["doc_number"])
    meta["validity"] = validity(text, meta["issue_date"])
    meta["date_bound"] = None if meta["issue_date"] else (_month_bound(month_only) or date_bound(text))
    if meta["date_bound"] and month_only:
        meta["warnings"].append(f"the date is printed to the month only: {meta['date_bound']['text']} at "
                                f"{meta['date_bound']['span']} (no day; issue_date left empty)")
    elif meta["date_bound"]:
        bound = meta["date_bound"]
        meta["warnings"].append(f"no date printed; the text names {bound['text']} at {bound['span']} "
                                f"(years {_years(bound['years'])}, {bound['flag']})")
    locality = infer_locality(meta["issuers"], meta["doc_number"], addressed, text[:3000])
    meta.update({
        "locality": locality.name if locality else None,
        "admin_level": locality.level if locality else None,
        "parent_locality": locality.parent if locality else None,
        "locality_chain": list(locality.chain) if locality else [],
        "locality_code": locality.code if locality else None,
        "locality_evidence": locality.evidence if locality else None,
    })
    meta["value_sources"].update(_locality_sources(locality))
    return meta


def _locality_sources(locality: Locality | None) -> dict[str, str]:
    """value_sources of a place the table lacks under its printed name: an unknown one (its level inferred from
    its suffix), or the table's place of the same stem under another suffix of its level (泾阳市 → 泾阳县)."""
    evidence = (locality.evidence if locality else None) or {}
    if locality and evidence.get("unknown"):
        how = evidence.get("level")  # inferred from its suffix 州
        return {"locality": VALUE_SOURCES["place_unknown"].format(printed=locality.name),
                **({"admin_level": VALUE_SOURCES["level_from_suffix"].format(how=how, printed=locality.name)}
                   if locality.level and how else {})}
    if locality and evidence.get("printed"):
        return {"locality": VALUE_SOURCES["place_other_suffix"].format(
            name=locality.name, level=locality.level, printed=evidence["printed"])}
    return {}


def merge_page_box(meta: dict, box: dict) -> dict:
    """Fill what the article does not print from the page's box; flag where the two disagree.

    >>> merged = merge_page_box({"title": None, "doc_number": "甲发〔2021〕1号", "issuers": [], "issue_date": None,
    ...                          "warnings": []}, {"doc_number": "甲发〔2021〕2号", "title": "关于某事的通知"})
    >>> merged["title"], merged["field_conflicts"][0]["page"]
    ('关于某事的通知', '甲发〔2021〕2号')
    """
    conflicts, filled, warnings = [], [], list(meta["warnings"])
    sources = dict(meta.get("value_sources") or {})
    box = with_iso_dates(box)
    page_values = {
        "title": box.get("title"),
        "doc_number": _box_doc_number(box.get("doc_number")),
        # names run together in the box (the normaliser drops the space between them) are split as a signature's
        "issuers": list(dict.fromkeys(n for b in box_issuers(box.get("issuer")) for n in issuer_names(b) or [b])),
        # compared in the box's ISO form; a 成文日期 with a time of day is a publishing time, not a signing date
        "issue_date": box.get("written_date_iso") if "T" not in box.get("written_date_iso", "T") else None,
    }
    merged = {}
    for field, page_value in page_values.items():
        article = meta[field]
        if not page_value:
            continue
        if not article:
            merged[field] = page_value
            filled.append(field)
            sources[field] = VALUE_SOURCES[f"box_{field}"]
            warnings.append(f"{field} taken from the page's information box: {page_value}")
        elif _disagree(field, article, page_value):
            conflicts.append({"field": field, "article": article, "page": page_value})
            warnings.append(f"{field} differs between the article ({article}) and the page's box ({page_value})")
    generated = box.get("generated_date_iso")
    if not meta["issue_date"] and "issue_date" not in merged and generated and "T" not in generated:
        merged["issue_date"] = generated  # an undated notice: the portal's 生成日期, flagged; never a conflict
        filled.append("issue_date")
        sources["issue_date"] = VALUE_SOURCES["box_generated_date"]
        warnings.append(f"issue_date taken from the page's information box (生成日期, when the page entry was made; "
                        f"no 成文日期 printed): {generated}")
    return {**merged, "source_metadata": box, "field_conflicts": conflicts,
            "filled_from_source_metadata": filled, "warnings": warnings, "value_sources": sources}


def other_doc_numbers(head: list[Paragraph], number_para: Paragraph | None, number: str | None) -> list[str]:
    """A joint notice numbered by each issuer prints a 文号 for each: beside the first on its line (青卫发〔2022〕3号
    青医保发〔2022〕5号) or one a line under it (陕卫发〔2022〕5号 ⏎ 陕医保发〔2022〕18号). The first is the record's
    doc_number; the others, in the order printed, are the record's other_doc_numbers (no citations: a later notice
    citing one of them cites this notice).

    >>> other_doc_numbers([Paragraph("陕卫发〔2022〕5号", 0), Paragraph("陕医保发〔2022〕18号", 13)],
    ...                   Paragraph("陕卫发〔2022〕5号", 0), "陕卫发〔2022〕5号")
    ['陕医保发〔2022〕18号']
    >>> other_doc_numbers([Paragraph("青卫发〔2022〕3号　青医保发〔2022〕5号", 0)],
    ...                   Paragraph("青卫发〔2022〕3号　青医保发〔2022〕5号", 0), "青卫发〔2022〕3号")
    ['青医保发〔2022〕5号']
    """
    if number_para is None:
        return []
    at = next((i for i, p in enumerate(head) if p.start == number_para.start), None)
    if at is None:
        return []
    own = number_para.text.translate(P.FULLWIDTH_DIGITS)
    others = _numbers_on(own)[1:] if P.DOC_NUMBERS_LINE.match(own) else []
    for p in head[at + 1:at + 3]:  # a line of 文号 alone (or with its 签发人, as a red header prints it)
        text = p.text.translate(P.FULLWIDTH_DIGITS)
        if not (P.DOC_NUMBER_LINE.match(text) or P.DOC_NUMBERS_LINE.match(text) or P.DOC_NUMBER_SIGNER_LINE.match(text)):
            break
        others.extend(_numbers_on(text))
    found = (normalise_doc_number(other) for other in others)
    return [n for n in dict.fromkeys(found) if n and n != number]


def _numbers_on(line: str) -> list[str]:
    """Each 文号 a line prints, cut where a joiner stands between two (青卫发〔2022〕3号和青医保发〔2022〕5号).

    >>> _numbers_on("青卫发〔2022〕3号和青医保发〔2022〕5号")
    ['青卫发〔2022〕3号', '青医保发〔2022〕5号']
    """
    return [m.group(0) for m in P.iter_doc_numbers(P.DOC_NUMBER_JOINER.sub("\u3000", line))]


def _box_other_numbers(value: str | None, known: list[str | None]) -> list[str]:
    """The 文号 a page's box prints in its 发文字号 besides those already known (a joint notice's, 青卫发〔2022〕3号、
    青医保发〔2022〕5号, where the article prints the first only).

    >>> _box_other_numbers("青卫发〔2022〕3号、青医保发〔2022〕5号", ["青卫发〔2022〕3号"])
    ['青医保发〔2022〕5号']
    """
    if not value:
        return []
    found = (normalise_doc_number(n) for n in _numbers_on(value.translate(P.FULLWIDTH_DIGITS)))
    numbers = [n for n in dict.fromkeys(found) if n]
    return [n for n in numbers if n not in known] if len(numbers) > 1 else []


def _other_numbers_warning(number_para: Paragraph | None, others: list[str]) -> list[str]:
    """What the notice prints beside its 文号, said (the numbers themselves are in other_doc_numbers)."""
    if not others or number_para is None:
        return []
    where = "beside" if P.DOC_NUMBERS_LINE.match(number_para.text.translate(P.FULLWIDTH_DIGITS)) else "under"
    return [f"another 文号 printed {where} the first (a joint notice numbered by each issuer): {', '.join(others)}"]


def _interpretation_date(meta: dict) -> dict:
    """A 解读 page is dated by its publication (发布时间), never signed: that date is its issue_date, flagged as
    taken from the page, instead of a bound inferred from the years its text names.

    >>> m = _interpretation_date({"source_metadata": {"published_date": "2021-11-25 16:05",
    ...                           "published_date_iso": "2021-11-25T16:05"}, "filled_from_source_metadata": [], "warnings": []})
    >>> m["issue_date"], m["filled_from_source_metadata"], m["warnings"][0][:50]
    ('2021-11-25', ['issue_date'], "issue_date taken from the page's publication date ")
    """
    box = meta["source_metadata"]
    published = box.get("published_date_iso") or box.get("written_date_iso")
    if not published:
        return {}
    label = "publication date (发布时间" if box.get("published_date_iso") else "information box (成文日期"
    printed = box.get("published_date") or box.get("written_date")
    source = VALUE_SOURCES["box_published_date" if box.get("published_date_iso") else "box_issue_date"]
    return {"issue_date": published[:10], "filled_from_source_metadata": [*meta["filled_from_source_metadata"], "issue_date"],
            "value_sources": {**(meta.get("value_sources") or {}), "issue_date": source},
            "warnings": [*meta["warnings"], f"issue_date taken from the page's {label} {printed}): an interpretation "
                                            "(解读) is dated by its publication, not signed"]}


def _interpretation_issuer(meta: dict, text: str) -> dict:
    """A 解读 page's issuer: the body its 解读机关： line names, else its byline's 来源 where that is a body (not a
    web site), flagged as taken from the page.

    >>> _interpretation_issuer({"source_metadata": {}, "filled_from_source_metadata": [], "warnings": []},
    ...                        "四、解读机关及联系方式\\n解读机关：青梧县卫生健康局。联系电话：1234567")["issuers"]
    ['青梧县卫生健康局']
    """
    named = P.INTERPRETER_LINE.search(text)
    if named and P.ORG_SUFFIX.search(named.group("name")):
        return {"issuers": [named.group("name")]}
    source = box_issuers(meta["source_metadata"].get("source"))
    if len(source) != 1:
        return {}
    return {"issuers": source, "filled_from_source_metadata": [*meta["filled_from_source_metadata"], "issuers"],
            "value_sources": {**(meta.get("value_sources") or {}), "issuers": VALUE_SOURCES["box_source"]},
            "warnings": [*meta["warnings"], f"issuers taken from the page's 来源 (source): {source[0]}"]}


def _full_name_from_title(issuers: list[str], title: str | None, filled: list[str]) -> list[str]:
    """A page box's issuer is often a short form (区政府); where the article prints no signature
    and the title names that body in full before 关于 (上海市某区人民政府关于…), the full name.

    >>> _full_name_from_title(["区政府"], "青梧市桐溪区人民政府关于印发某方案的通知", ["issuers"])
    ['青梧市桐溪区人民政府']
    """
    named = _title_issuer(title) if title and "issuers" in filled and len(issuers) == 1 else None
    if not named:
        return issuers
    short = issuers[0].replace("人民政府", "政府")
    return (issuer_names(named) or [named]) if named.replace("人民政府", "政府").endswith(short) else issuers


def _box_doc_number(value: str | None) -> str | None:
    if not value:
        return None
    number = re.sub(r"\s+", "", value).replace("號", "号")
    return normalise_doc_number(value) or (number if re.search(r"第\d+号", number) else None)


def _disagree(field: str, article, page) -> bool:
    if field == "title":
        return _bare(article) != _bare(page) and _bare(page) not in _bare(article)
    if field == "issuers":  # the box names one issuer, often in a short form (国家医保局 for 国家医疗保障局)
        page, article = [_short_form(p) for p in page], [_short_form(a) for a in article]
        return not any(a.startswith(p) or p.startswith(a) or p in a for p in page for a in article)
    return article != page


def _short_form(name: str) -> str:
    """A body's name in its short form, for comparing (国家卫生健康委员会办公厅 → 国家卫健委办公厅)."""
    for long, short in P.NAME_SHORT_FORMS:
        name = name.replace(long, short)
    return name


def _bare(title: str) -> str:
    return re.sub(r"[《》〈〉\s“”\"]", "", title)


# An issuer's leading place name: what precedes the first word of a body's name, ending
# with an administrative suffix (恭城瑶族自治县 | 卫生健康局, 全州县 | 委机构编制委员会办公室).
_ISSUER_PLACE = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|地区|省|市|盟|州|县|区|旗))"
    r"(?=卫生|卫健|卫计|人民政府|政府|委|发展|民政|财政|人力资源|医疗保障|医保|乡村振兴|扶贫|农业|教育|"
    r"住房|生态|交通|通信|残疾人|妇女|红十字|爱国卫生|疾病|中医|党委|纪委|宣传|组织|编制|办公)")
_GENERIC_PLACES = {"自治区", "自治州", "自治县", "地区", "市辖区", "全市", "全县", "全区", "本市", "本县", "各市", "各县",
                   "各区", "市区", "城区", "县区"}
_PLACE_LEVELS = [("自治区", "provincial"), ("省", "provincial"), ("自治州", "prefecture"), ("地区", "prefecture"),
                 ("盟", "prefecture"), ("州", "prefecture"), ("自治县", "county"), ("县", "county"),
                 ("区", "county"), ("旗", "county")]


def _issuer_place(issuer: str, addressees) -> Locality | None:
    m = _ISSUER_PLACE.match(issuer)
    if not m:
        return None
    place = m.group("place")
    if place in _GENERIC_PLACES:
        return None
    return Locality(place, _level_of_name(place, addressees), None, (), ())


def _level_of_name(place: str, addressees) -> str | None:
    """The level a place name's suffix gives (青川州: prefecture); a 市 by whom it addresses."""
    level = next((lv for suffix, lv in _PLACE_LEVELS if place.endswith(suffix)), None)
    if level is None:  # 市: a prefecture addresses its counties, a county-level city its towns
        joined = "".join(addressees)
        level = "prefecture" if re.search("县|区", joined) else "county" if re.search("镇|乡|街道", joined) else None
    return level


# ------------------------------------------------------------------ 文号


def split_doc_number(number: str | None) -> dict | None:
    """Issuer code, year and serial of a normalised 文号; the code None where what stands before the year is a
    body's name (省卫生健康委〔2021〕15号, as a repost or a county notice writes a number it does not know the code of):
    no 发文机关代字 is printed, so none is claimed.

    >>> split_doc_number("陕卫发〔2021〕15号"), split_doc_number("省卫生健康委〔2021〕15号")["code"]
    ({'code': '陕卫发', 'year': 2021, 'serial': 15}, None)
    """
    if not number:
        return None
    m = re.match(r"^(.*)〔(\d{4})〕(\d+)号$", number)
    if not m:
        return None
    return {"code": None if P.BODY_NAME_CODE.search(m.group(1)) else m.group(1), "year": int(m.group(2)),
            "serial": int(m.group(3))}


def _printed_number_warnings(number: str | None, para: Paragraph) -> list[str]:
    """What the 文号 line prints that the recorded 文号 does not: 第 before the serial, a body's name for a code."""
    warnings = []
    printed = para.text.strip()
    if number and P.DOC_NUMBER_WITH_DI_LINE.match(printed.translate(P.FULLWIDTH_DIGITS)):
        warnings.append(f"the 文号 is printed with 第 before its serial ({printed}); recorded as {number}")
    parts = split_doc_number(number)
    if number and parts and parts["code"] is None:
        code = number.split("〔")[0]
        warnings.append(f"the 文号 {number} names a body ({code}) where its code (发文机关代字) stands: code unknown")
    return warnings


_PAREN_NUMBER = re.compile(rf"^[（(]\s*{P.DOC_NUMBER.pattern}\s*[）)]$")


def _doc_number(head: list[Paragraph], title: Title | None) -> tuple[str | None, Paragraph | None]:
    """The notice's 文号: alone on a line (or in parentheses), printed before the title on its
    line, a 令's 第N号 under its heading, or a 公告's （2021年第6号）."""
    for p in head:
        text = p.text.translate(P.FULLWIDTH_DIGITS)  # 丰卫发〔２０２２〕１２号, as a repost prints it
        if P.DOC_NUMBER_LINE.match(text) or _PAREN_NUMBER.match(text):
            return normalise_doc_number(text), p
        if P.DOC_NUMBERS_LINE.match(text):  # 青卫发〔2022〕3号　青医保发〔2022〕5号: each issuer's, the first the notice's
            return normalise_doc_number(next(P.iter_doc_numbers(text)).group(0)), p
        signed = P.DOC_NUMBER_SIGNER_LINE.match(text)  # 渭卫健发〔2022〕46号　签发人：某某 (a red-header 文件)
        if signed:
            return normalise_doc_number(signed.group("number")), p
        headed = P.FILE_HEADER_NUMBER.match(text) if "文件" in text else None  # 某县卫生健康局文件　某卫发〔2022〕5号
        if headed:
            return normalise_doc_number(headed.group("number")), p
        with_di = P.DOC_NUMBER_WITH_DI_LINE.match(text) if "第" in text else None  # 商卫发〔2021〕第6号 (said in a warning)
        if with_di:
            return format_doc_number(with_di.group("code"), with_di.group("year"), with_di.group("serial")), p
    if title and title.number:
        return title.number, title.para
    for prev, p in itertools.pairwise(head):
        heading, number = P.DECREE_HEADING.match(prev.text), P.DECREE_NUMBER.match(p.text)
        if heading and number and len(prev.text) <= 30:
            issuer = heading.group("issuer").removeprefix("中华人民共和国")
            return f"{issuer}令第{number.group('serial')}号", p
    for p in head:
        m = P.NOTICE_NUMBER.search(p.text)
        if m and (p is (title.para if title else None) or len(p.text) <= 30):
            return re.sub(r"\s+", "", m.group("number")).replace("號", "号"), p
    return None, None


# ------------------------------------------------------------------ title, addressees


@dataclass
class Title:
    """The notice's title as found: its paragraph, the title text cleaned of what was glued to it."""

    para: Paragraph
    text: str
    genre: str | None
    number: str | None = None  # a 文号 printed before the title on its line
    issuer: str | None = None  # the body named before 关于


def find_title(head: list[Paragraph]) -> Title | None:
    """The notice's title: a line ending in a genre (关于…的通知, …实施方案, 通告); where a page
    repeats it (headline, then the article), the last copy before the body.

    >>> find_title([Paragraph("松区办发〔2022〕4号松屿区人民政府办公室关于印发方案的通知", 0)]).number
    '松区办发〔2022〕4号'
    """
    first = None
    for i, p in enumerate(head):
        if "。" in p.text and not first:
            break
        candidate = _title_candidate(_with_wrapped_end(p, head[i + 1] if i + 1 < len(head) else None))
        if candidate and first is None:
            first = candidate
        elif candidate and first and _bare(candidate.text) == _bare(first.text):
            first = candidate  # the article's copy of the page's headline
        elif candidate and first and P.RELEASE_TITLE.match(first.text) and not P.RELEASE_TITLE.match(candidate.text):
            first = candidate  # a repost's headline (县卫健局印发《X》) over the notice's own title (关于印发《X》的通知)
        if first and ("。" in p.text or P.ADDRESSEE_LINE.search(p.text.rstrip(" |"))):
            break
    return first or _standalone_title(head)


# The end of a 关于… title wrapped onto its own line: "(2023—2025年)的通知", "实施方案的通知"
_WRAPPED_TITLE_END = re.compile(r"^[^。，,：:；;、]{0,40}的(?:通知|意见|决定|批复|复函|函|通报|报告|请示|答复)$")


def _with_wrapped_end(p: Paragraph, nxt: Paragraph | None) -> Paragraph:
    """``p`` joined with the next line when that line only ends a 关于… title that ``p`` began
    (关于印发某某三年行动计划⏎(2023—2025年)的通知): a genre word inside the title is not its end."""
    if nxt is None or "关于" not in p.text[:30] or "。" in p.text or _WRAPPED_TITLE_END.match(p.text):
        return p
    if _WRAPPED_TITLE_END.match(nxt.text.strip()) and not match_label(nxt.text):
        return Paragraph(p.text + nxt.text.strip(), p.start)
    return p


def _title_candidate(p: Paragraph) -> Title | None:
    if match_label(p.text) or len(p.text) > 150 or "。" in p.text:
        return None
    text, number = _clean_title(p.text)
    released = P.RELEASE_TITLE.match(text)
    if released and P.ORG_SUFFIX.search(released.group("issuer")):  # 中共中央办公厅 国务院办公厅印发《…的意见》
        return Title(p, text, _genre(released.group("title")), number, released.group("issuer").strip())
    if not P.NOTICE_TITLE.search(text):
        return None
    return Title(p, text, _genre(text), number, _title_issuer(text))


def _standalone_title(head: list[Paragraph]) -> Title | None:
    """A title with no 关于: a plan without a cover letter, a 通告, a 令 (its regulation's title)."""
    for i, p in enumerate(head):
        if "。" in p.text:
            decree = P.DECREE_HEADING.match(head[i - 2].text) if i >= 2 else None
            quoted = P.TITLE_QUOTED.search(p.text)
            if decree and quoted:
                return Title(p, quoted.group("title"), "令")
            return None
        text, number = _clean_title(p.text)
        if not match_label(text) and P.STANDALONE_TITLE.match(text):
            return Title(p, text, _genre(text), number, _title_issuer(text))
    return None


def _clean_title(text: str) -> tuple[str, str | None]:
    """A title line without a 文号 printed before it, 《》 around it, publication markers, a site's
    column tag and page remnants (a trailing |).

    >>> _clean_title("【政策文件】关于印发《宁乡市健康帮扶方案》的通知")
    ('关于印发《宁乡市健康帮扶方案》的通知', None)
    """
    text = re.sub(r"(?<!\s)\s+(?=[（(])", "", P.PUBLIC_MARKER.sub("", text).strip(" |"))
    text = P.COLUMN_TAG.sub("", text)  # a news site's column before the title: 【政策文件】关于…的通知
    number = None
    m = P.DOC_NUMBER.match(text)
    if m and len(text) > m.end() + 4:
        number, text = normalise_doc_number(m.group(0)), text[m.end():].strip(" ")
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    trailing = _TRAILING_NUMBER.search(text)
    if trailing and number is None and len(text) > len(trailing.group(0)) + 4:
        number, text = normalise_doc_number(trailing.group("number")), text[:trailing.start()]
    return text, number


# a 文号 printed in brackets after the title on its line: 关于…的通知(某办发〔2017〕2号)
_TRAILING_NUMBER = re.compile(rf"[（(]\s*(?P<number>{P.DOC_NUMBER.pattern})\s*[）)]$")


_BODY_COUNT = re.compile(r"等(?P<count>\d{1,2}|[二三四五六七八九十]{1,3})(?:个)?(?:部门|单位)")


def _issuer_count_warning(title: str | None, issuers: list[str], where: str = "the title") -> list[str]:
    """A title (or the line above it) that counts its issuers (某委等12部门关于…) checks the issuers found."""
    m = _BODY_COUNT.search(title or "")
    if not m:
        return []
    count = _to_int(m.group("count"))
    if count == len(issuers):
        return []
    return [f"{where} names {count} issuing bodies ({m.group(0)}), {len(issuers)} found"]


def enclosed_title(title: str | None) -> str | None:
    """The document an 印发 or 转发 notice encloses, named in its title.

    >>> enclosed_title("关于印发《2022年工作要点》的通知"), enclosed_title("某局关于印发健康行动方案的通知")
    ('2022年工作要点', '健康行动方案')
    >>> enclosed_title("某委关于征求《某市乡村医生管理办法（征求意见稿）》意见的函")
    '某市乡村医生管理办法（征求意见稿）'
    """
    m = P.ENCLOSED_TITLE.search(title or "") or P.RELEASE_TITLE.match(title or "") or \
        P.COMMENT_DRAFT_TITLE.search(title or "")  # 关于征求《X（征求意见稿）》意见的函: the draft it sends
    return m.group("title") if m else None


_ENCLOSING_SENTENCE = re.compile(r"现将《(?P<title>[^《》]{4,120})》(?:予以)?(?:印发|转发)")


def _enclosed_in_body(head: list[Paragraph]) -> str | None:
    """The document the first sentences hand over: 现将《X》印发给你们."""
    for p in head:
        m = _ENCLOSING_SENTENCE.search(p.text)
        if m:
            return m.group("title")
    return None


def _genre(title: str) -> str | None:
    m = P.GENRE_AT_END.search(title)
    return m.group("genre") if m else None


def _title_issuer(title: str) -> str | None:
    """The body (or bodies, run together: 青梧市财政局青梧市卫生健康委员会) named before 关于."""
    m = re.match(r"^(?P<issuer>.{2,100}?)关于", title)
    if not m or not P.ORG_SUFFIX.search(m.group("issuer")) or re.search("[、，等]", m.group("issuer")):
        return None
    return m.group("issuer") if len(m.group("issuer")) <= 40 or len(issuer_names(m.group("issuer")) or []) > 1 else None


def addressees(paras: list[Paragraph], title: Paragraph | None) -> list[str]:
    """The 主送 line after the title (or 文号), split on 、 and ， outside brackets; never a box
    label or a sentence that ends in 如下：.

    >>> addressees([Paragraph("各县区卫生健康局，委属各单位：", 0)], None)
    ['各县区卫生健康局', '委属各单位']
    """
    start = title.start if title else -1
    for p in paras[:HEADER_WINDOW]:
        if p.start <= start or match_label(p.text):
            continue
        text = _LEADING_DATE_NOTE.sub("", p.text.rstrip(" |"))  # （2023年5月12日）各县（区）党委和人民政府，…：
        glued = _GLUED_ADDRESSEE.match(text)
        if glued and "。" in text:
            return _addressee_groups(split_units(glued.group("units")))
        if _is_addressee(text):
            return _addressee_groups(split_units(text.rstrip("：:")))
        if "。" in text:
            break
    return []


def _addressee_groups(parts: list[str]) -> list[str]:
    """Addressees as a reader lists them: a series of place kinds sharing one body kept as printed
    (各省、自治区、直辖市卫生健康委), a body word after a body of the same places given their
    places (各镇党委、政府 → 各镇党委, 各镇政府).

    >>> _addressee_groups(["各省", "自治区", "直辖市卫生健康委", "委属各单位"])
    ['各省、自治区、直辖市卫生健康委', '委属各单位']
    >>> _addressee_groups(["各镇党委", "政府", "县委各部门"])
    ['各镇党委', '各镇政府', '县委各部门']
    """
    groups: list[str] = []
    series = False  # the last group is a series still open (各省、自治区…)
    for part in parts:
        if series and P.ADDRESSEE_SERIES_PART.match(part):
            groups[-1] += "、" + part
            series = bool(P.ADDRESSEE_SERIES_OPEN.match(part))
            continue
        series = bool(P.ADDRESSEE_SERIES_HEAD.match(part))
        body = P.PLACE_BODY_AT_END.search(groups[-1]) if groups and P.SHARED_PLACE_BODY.match(part) else None
        groups.append(groups[-1][:body.start()] + part if body and body.start() > 1 else part)
    return groups


_LEADING_DATE_NOTE = re.compile(rf"^[（(]\s*{P.DATE.pattern}\s*[）)]\s*")
_GLUED_ADDRESSEE = re.compile(r"^(?P<units>各[^。：:]{1,200}?(?:单位|部门|政府|委|局|处室|科室|机构|中心))[：:](?=\S)")


def _is_addressee(text: str) -> bool:
    """A line ending in a colon, not a sentence, and with no colon inside it (a page's label
    row, 信息来源：关键词：, is not a 主送)."""
    return (bool(P.ADDRESSEE_LINE.search(text)) and len(text) < 300 and not text.startswith("为")
            and not re.search(r"如下[：:]$", text) and "。" not in text
            and not re.search("[：:]", text.rstrip("：: ")))


def body_title(paras: list[Paragraph], issue: Paragraph | None) -> str | None:
    """The title of the attached plan, printed after the notice's signature date."""
    if issue is None:
        return None
    following = [p for p in paras[:_index_after(paras, issue) + 3] if p.start > issue.start]
    following = [p for p in following if not P.PUBLIC_MARKER.fullmatch(p.text)]
    if len(following) >= 3 and P.ANNEX_START.match(following[0].text) and _is_article(following[2].text):
        following = following[1:]  # 附件 ⏎ the enclosed rules' title ⏎ 第一章 / 第一条
    elif len(following) >= 2 and P.ANNEX_START.match(following[0].text) and P.PLAN_TITLE_END.search(following[1].text):
        following = following[1:]  # 附件1 ⏎ the plan the notice issues (…工作方案), read as its body (probe 4b)
    if not following:
        return None
    candidate = P.PUBLIC_MARKER.sub("", following[0].text).strip()  # （信息公开形式:主动公开）…规划
    if match_label(candidate) or candidate.startswith("附件") or "。" in candidate:
        return None
    return candidate if P.TITLE_SUFFIX.search(candidate) else None


def _is_article(text: str) -> bool:
    label = match_label(text)
    return label is not None and label[0] in P.ARTICLE_RANKS


def _index_after(paras: list[Paragraph], para: Paragraph) -> int:
    return next((i for i, p in enumerate(paras) if p.start > para.start), len(paras))


# ------------------------------------------------------------------ issuers


def header_issuers(paras: list[Paragraph], title: Paragraph | None) -> list[str]:
    """Issuers printed in the red header block above the 文号 and title."""
    end = title.start if title else 0
    names = []
    for p in paras:
        if p.start >= end:
            break
        header = P.FILE_HEADER.match(p.text) or P.FILE_HEADER_NUMBER.match(p.text)
        counted = _COUNTED_BODIES.match(p.text)
        if header and header.group("issuer"):
            names.extend(_split_issuer_line(header.group("issuer")))
        elif counted:  # 湖南省卫生健康委员会等12部门 above the title: the lead body (the count is checked after)
            names.extend(issuer_names(counted.group("names")) or [])
        else:
            names.extend(issuer_names(p.text) or [])
    return names


# a header line naming the lead body and counting the others: 某省卫生健康委员会等12部门
_COUNTED_BODIES = re.compile(r"^(?P<names>.{2,60}?)(?P<count>等(?:\d{1,2}|[二三四五六七八九十]{1,3})个?(?:部门|单位))$")


def _header_count(head: list[Paragraph], title: Paragraph | None) -> str | None:
    """The 等N部门 of a header line above the title, if one counts the issuers."""
    end = title.start if title else 0
    return next((m.group("count") for p in head if p.start < end for m in [_COUNTED_BODIES.match(p.text)] if m), None)


def signature_issuers(paras: list[Paragraph], issue: DateLine | None) -> list[str]:
    """The organisation lines immediately above the signing date (and any glued before it);
    a name wrapped over two lines (…疫情 / 防控指挥部) is joined."""
    if issue is None:
        return []
    names: list[str] = list(issue.issuers)
    at = _index_after(paras, issue.para) - 1
    for p in reversed(paras[max(0, at - 30):at]):
        if _only_placeholders(p.text):
            continue  # （盖章）　（盖章） under the names, （其他部门略）: no names, and no end of the signature
        found = issuer_names(p.text)
        if found:
            names[:0] = found
        elif names and _is_name_head(p.text) and len(issuer_names(p.text + names[0]) or []) == 1:
            names[0] = p.text + names[0]
        else:
            glued = _GLUED_SIGNERS.search(p.text)  # the first row run into the last item (…（县卫健局负责）某省卫生健康委员会)
            names[:0] = (issuer_names(glued.group("names")) or []) if glued else []
            break
    return names


# names run into the item above the signature after its unit bracket (the blank line between them lost)
_GLUED_SIGNERS = re.compile(r"[）)](?P<names>[^（）()。，；：:、\s\d]{4,120})$")


def _omitted_signers_warning(paras: list[Paragraph], issue: DateLine | None) -> list[str]:
    """Where the signature says bodies were left out (（其他部门略）): the issuers are only those printed."""
    if issue is None:
        return []
    at = _index_after(paras, issue.para) - 1
    for p in paras[max(0, at - 12):at]:
        if P.OMITTED_SIGNERS.match(p.text.strip()):
            return [f"the signature leaves bodies out ({p.text.strip()} at [{p.start}, {p.start + len(p.text)}]): "
                    "issuers are only the bodies printed"]
    return []


def _only_placeholders(text: str) -> bool:
    """A signature line that prints no name: seals' places, or the bodies left out by a repost.

    >>> _only_placeholders("（盖章）　（盖章）"), _only_placeholders("（其他部门略）"), _only_placeholders("某局（印章）")
    (True, True, False)
    >>> _only_placeholders("（此页无正文）")
    True
    """
    text = text.strip()
    return bool(text) and (not P.SEAL_PLACEHOLDER.sub("", text).strip() or bool(P.OMITTED_SIGNERS.match(text))
                           or bool(P.NO_TEXT_PAGE.match(text)))


def _is_name_head(text: str) -> bool:
    # not a plan's title above its issuer line (某县健康乡村建设工作方案 ⏎ 某县卫生健康局 ⏎ 2022年3月)
    return len(text) <= 20 and not re.search(r"[。，、；：:,\d]", text) and not P.TITLE_SUFFIX.search(text)


def issuer_names(text: str) -> list[str] | None:
    """The bodies a signature or header line names: one, several separated by spaces, or run
    together (湖南省医疗保障局湖南省财政厅); （代章） dropped. None if the line is not names.

    >>> issuer_names("湖南省医疗保障局湖南省财政厅")
    ['湖南省医疗保障局', '湖南省财政厅']
    >>> issuer_names("青梧市财政局（代章）"), issuer_names("请认真贯彻执行。")
    (['青梧市财政局'], None)
    >>> issuer_names("青梧市卫生健康委员会（印章）青梧市医疗保障局（印章）")
    ['青梧市卫生健康委员会', '青梧市医疗保障局']
    """
    text = P.SEAL_PLACEHOLDER.sub("", text).strip()
    if not text or len(text) > 120 or re.search("[。，、；：:,（）()]", text) or P.FILE_HEADER.match(text):
        return None
    names = []
    for part in re.split(r"\s+", text):
        for name in _with_branches_whole(part):
            if len(name) > 40 or not P.ORG_SUFFIX.search(name) or P.DATE.search(name):
                return None
            names.append(name)
    return names


def _with_branches_whole(part: str) -> list[str]:
    """``part`` split into names run together, a national body's branch kept whole (国家税务总局湖南省税务局
    is the bureau's provincial branch, one body; 湖南省疾病预防控制局国家税务总局湖南省税务局 is two).

    >>> _with_branches_whole("湖南省疾病预防控制局国家税务总局湖南省税务局")
    ['湖南省疾病预防控制局', '国家税务总局湖南省税务局']
    """
    names, at = [], 0
    for branch in P.NATIONAL_BRANCH.finditer(part):
        if branch.start() > at:
            names.extend(_split_run_together(part[at:branch.start()]))
        names.append(branch.group())
        at = branch.end()
    return names + (_split_run_together(part[at:]) if at < len(part) else [])


_PLACE_HEAD = re.compile(r"^(?:中共)?(?P<place>[\u4e00-\u9fff]{0,12}?(?:省|市|县|区|旗|州|盟))")


def _split_run_together(name: str) -> list[str]:
    """Names run together split where the leading place name starts again after a body's suffix."""
    m = _PLACE_HEAD.match(name)
    if not m or len(name) <= 8:
        return _split_at_body_start(name)
    place = m.group("place")
    cuts = [0]
    for at in (i.start() for i in re.finditer(f"(?:中共)?{re.escape(place)}", name)):
        if at > cuts[-1] and P.ORG_SUFFIX.search(name[cuts[-1]:at]) and len(name[cuts[-1]:at]) >= 3:
            cuts.append(at)
    parts = [name[a:b] for a, b in zip(cuts, [*cuts[1:], len(name)])]
    return [cut for part in parts for piece in _split_at_level_word(part) for cut in _split_at_body_start(piece)]


def _split_at_body_start(name: str) -> list[str]:
    """Names run together whose spaces were lost, cut where a body's suffix is followed by the
    first word of another body (a national body, a level word, a ministry); each piece a name.

    >>> _split_at_body_start("国家卫生健康委国家医保局民政部财政部")
    ['国家卫生健康委', '国家医保局', '民政部', '财政部']
    >>> _split_at_body_start("省卫生健康委省医保局"), _split_at_body_start("国家卫生健康委办公厅")
    (['省卫生健康委', '省医保局'], ['国家卫生健康委办公厅'])
    """
    cuts = [0]
    for m in P.BODY_RESTART.finditer(name, 3):
        if m.start() - cuts[-1] >= 3 and len(name) - m.start() >= 3:
            cuts.append(m.start())
    pieces = [name[a:b] for a, b in zip(cuts, [*cuts[1:], len(name)])]
    return pieces if all(P.ORG_SUFFIX.search(p) for p in pieces) else [name]


# a body run on after another's suffix whose name starts with a level word, not the place
# (盐池县人力资源和社会保障局市生态环境局盐池分局: the city bureau's county branch); 市场 is no level word
_LEVEL_RESTART = re.compile(r"(?<=局|委|厅|办|院|站|所)(?=(?:省|市|县|区)(?!场)[一-鿿]{2,20}?(?:局|委|厅|办|院|站|所)$)")


def _split_at_level_word(name: str) -> list[str]:
    """One more cut in names run together: where a body that ends in a suffix is followed by a
    whole body named from its level word (…保障局 | 市生态环境局盐池分局).

    >>> _split_at_level_word("盐池县人力资源和社会保障局市生态环境局盐池分局")
    ['盐池县人力资源和社会保障局', '市生态环境局盐池分局']
    >>> _split_at_level_word("青梧市市场监督管理局")
    ['青梧市市场监督管理局']
    """
    cut = _LEVEL_RESTART.search(name, 3)
    return [name[:cut.start()], name[cut.start():]] if cut else [name]


def _split_issuer_line(text: str) -> list[str]:
    return [part for part in re.split(r"\s+", text.strip()) if part]


# ------------------------------------------------------------------ dates


@dataclass
class DateLine:
    """A paragraph that is a date: the signing date, or an 印发 line (``printed``)."""

    para: Paragraph
    iso: str | None
    printed: bool
    issuers: tuple[str, ...] = ()  # names glued before the date (某市卫生局2016年4月20日)
    repair: dict | None = None
    warning: str | None = None
    shape: str = "chinese"  # "dotted" (2021.12.20), "month" (2022年3月: no day printed), else 年月日 or repaired
    month: str | None = None  # a month-only date: YYYY-MM
    number: str | None = None  # a published rule's note under its title (…发布　某卫发〔2022〕29号)


_DATE_TAIL = re.compile(rf"^(?P<before>.*?){P.DATE.pattern}\s*(?P<printed>印发|印)?\s*(?:于\S{{1,10}})?\s*$")


def _date_paragraphs(paras: list[Paragraph]) -> list[DateLine]:
    found = []
    for i, p in enumerate(paras):
        text = P.PUBLIC_MARKER.sub("", p.text).strip() if "公开" in p.text else p.text
        if "章" in text:  # a seal's place beside the date (二〇二一年十二月三十日（印章）)
            text = P.SEAL_PLACEHOLDER.sub("", text).strip()
        if "年" not in text and "19" not in text and "20" not in text:
            continue  # every date shape below holds 年 or a year's 19/20
        m = P.DATE_LINE.match(text) or (len(text) <= 80 and _DATE_TAIL.match(text))
        if m:
            before = m.groupdict().get("before") or ""
            names = issuer_names(before) if before else ()
            if before and not names:
                continue
            found.append(DateLine(p, parse_date(text[len(before):]), bool(m.group("printed")), tuple(names or ())))
        elif P.BARE_DATE_LINE.match(text):
            found.append(_bare_date_line(p))
        elif len(text) <= 80 and (lost := _date_without_day_mark(p, text)):
            found.append(lost)
        elif len(text) <= 80 and (other := _signed_date_other_shape(p, text, paras[i - 1] if i else None)):
            found.append(other)
    return found


def _published_note(head: list[Paragraph], title: Title | None) -> DateLine | None:
    """A published rule's or plan's note in brackets within two lines under its title:
    （2022年6月10日某县卫生健康局发布　某卫发〔2022〕29号） gives the date, the issuer and the 文号.

    >>> title = Title(Paragraph("桐溪县村医管理办法", 0), "桐溪县村医管理办法", "办法")
    >>> note = _published_note([title.para, Paragraph("（2022年6月10日桐溪县卫生健康局发布 桐卫发〔2022〕9号）", 10)], title)
    >>> note.iso, note.issuers, note.number
    ('2022-06-10', ('桐溪县卫生健康局',), '桐卫发〔2022〕9号')
    """
    if title is None:
        return None
    at = _index_after(head, title.para)
    for p in head[at:at + 2]:
        m = P.PUBLISHED_NOTE.match(p.text.strip()) if len(p.text) <= 120 else None
        lead = None if m else _LEADING_NOTE.match(p.text)
        if lead:  # （2023年5月12日） run into the addressees' line under it (a 党委/政府 意见): the note alone
            m = P.PUBLISHED_NOTE.match(lead.group())
            p = Paragraph(lead.group(), p.start)
        if m:
            issuer = m.group("issuer") or m.group("issuer_first")
            names = tuple(issuer_names(issuer) or ()) if issuer else ()
            number = normalise_doc_number(m.group("number")) if m.group("number") else None
            return DateLine(p, parse_date(m.group("date")), False, names, number=number)
    return None


_LEADING_NOTE = re.compile(r"^[（(][^（）()]{6,80}[）)](?=\S)")


def _signed_date_other_shape(p: Paragraph, text: str, above: Paragraph | None) -> DateLine | None:
    """A signing date printed dotted (2021.12.20, 2021-12-20, 2021/12/20) or to the month only
    (2022年3月), read only in a signature's shape: after the issuer's name on its line, or under
    a line of issuer names (a deadline cell 完成时限 ⏎ 2022年6月 is no signature).

    >>> _signed_date_other_shape(Paragraph("2021.12.20", 9), "2021.12.20", Paragraph("青梧市卫生健康委员会", 0)).iso
    '2021-12-20'
    >>> _signed_date_other_shape(Paragraph("2022年3月", 9), "2022年3月", Paragraph("桐溪县卫生健康局", 0)).month
    '2022-03'
    >>> _signed_date_other_shape(Paragraph("2022年6月", 9), "2022年6月", Paragraph("完成时限", 0)) is None
    True
    """
    m = P.DOTTED_DATE.search(text) or P.MONTH_DATE.search(text)
    if not m:
        return None
    before = text[:m.start()].strip()
    names = issuer_names(before) if before else None
    if (before and not names) or (not before and not (above and issuer_names(above.text))):
        return None
    try:
        year, month = _to_int(m.group("year")), _to_int(m.group("month"))
        if "day" not in m.groupdict():
            return DateLine(p, None, False, tuple(names or ()), shape="month",
                            month=date(year, month, 1).isoformat()[:7])
        iso = date(year, month, int(m.group("day"))).isoformat()
    except ValueError:
        return None
    return DateLine(p, iso, False, tuple(names or ()), shape="dotted")


def _date_without_day_mark(p: Paragraph, text: str) -> DateLine | None:
    """A signing date that lost its 日 at the end of its line, alone or after the issuer's name
    (某县人民政府督查室  2022年8月19): read as that day, and the repair recorded."""
    m = P.DATE_WITHOUT_DAY_MARK.search(text)
    before = text[:m.start()].strip() if m else ""
    names = issuer_names(before) if before else ()
    if not m or (before and not names):
        return None
    try:
        iso = date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
    except ValueError:
        return None
    at = p.start + m.start()
    repair = {"kind": "date_without_day_mark", "raw": m.group(0).strip(), "repaired": iso,
              "span": [at, at + len(m.group(0).rstrip())]}
    return DateLine(p, iso, False, tuple(names or ()), repair=repair)


def _bare_date_line(p: Paragraph) -> DateLine:
    """A date printed without 年月日 (20211102): repaired where one reading is possible."""
    digits = p.text.strip()
    iso = repair_bare_date(digits)
    if iso is None:
        warning = f"date '{digits}' has no 年月日 and more than one reading; left as printed"
        return DateLine(p, None, False, warning=warning)
    repair = {"kind": "date_without_separators", "raw": digits, "repaired": iso, "span": [p.start, p.end]}
    return DateLine(p, iso, False, repair=repair)


def parse_date(text: str) -> str | None:
    """ISO date of the first date in ``text``; Chinese numerals are understood.

    >>> parse_date("二〇二一年八月九日")
    '2021-08-09'
    >>> parse_date("2021年8月9日印发")
    '2021-08-09'
    >>> parse_date("二〇二一年十二月廿九日"), parse_date("二〇二二年三月卅一日")
    ('2021-12-29', '2022-03-31')
    """
    m = P.DATE.search(text)
    if not m:
        return None
    try:
        year, month, day = (_to_int(m.group(k)) for k in ("year", "month", "day"))
    except ValueError:
        return None
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None  # 二月卅日, 四月三十一日: no day of the calendar
    return f"{year:04d}-{month:02d}-{day:02d}"


def _years(years: list[int | None]) -> str:
    return "–".join(str(y) if y else "…" for y in years)


DATE_BOUND_WINDOW = 4000  # characters read for the years a notice gives itself: title, preamble, goals


def validity(text: str, issue_date: str | None) -> dict | None:
    """When the notice takes effect and for how long, as it says of itself: effective_from (ISO; the issue date
    where it takes effect on issue, effective_from_source saying so), valid_years or valid_until as printed (no
    end date is computed from a number of years), the clause quoted with its span (validity_quote and
    validity_span where the term stands in a sentence of its own); None where the notice says neither.

    >>> v = validity("一、做实签约服务。\\n二、本通知自2023年1月1日起施行，有效期5年。", "2022-12-20")
    >>> v["effective_from"], v["effective_from_source"], v["valid_years"], v["quote"]
    ('2023-01-01', 'printed', 5, '本通知自2023年1月1日起施行，有效期5年')
    >>> validity("本方案自印发之日起实施。", "2022-12-20")["effective_from_source"]
    'issue_date'
    >>> validity("《某县办法》自2019年1月1日起施行。", None) is None  # the cited document's, not this one's
    True
    """
    effective = next((m for m in P.EFFECTIVE_FROM.finditer(text) if m.group("own") or not _after_a_cited_title(text, m)),
                     None)
    term, separate, own = None, False, None
    if effective:
        term = P.VALID_FOR.match(text, _after_separator(text, effective.end()))
    if term is None:
        own = P.OWN_VALIDITY.search(text)
        term = P.VALID_FOR.match(text, own.end()) if own else None
        separate = term is not None
    if effective is None and term is None:
        return None
    found: dict[str, Any] = {"effective_from": None, "effective_from_source": None, "valid_years": None,
                             "valid_until": None}
    if effective:
        on_issue = bool(effective.group("on_issue"))
        found["effective_from"] = issue_date if on_issue else parse_date(effective.group("when"))
        found["effective_from_source"] = "issue_date" if on_issue else "printed"
        if effective.group("after"):  # 自印发之日起30日后施行: the delay as printed, no date computed from it
            found["effective_from"] = None
            found["effective_from_source"] = "after_issue_date" if on_issue else "after_printed_date"
            found["effective_after"] = re.sub(r"\s+", "", effective.group("after"))
            found["effective_after_from"] = issue_date if on_issue else parse_date(effective.group("when"))
    if term:
        years = term.group("years")
        found["valid_years"] = int(chinese_number(years) or 0) or None if years else None
        found["valid_until"] = parse_date(term.group("until")) if term.group("until") else None
    if effective:
        end = term.end() if term and not separate else effective.end()
        found.update(quote=text[effective.start():end], span=[effective.start(), end])
    if term and own:  # 本方案有效期三年: quoted from 本
        key = ("validity_quote", "validity_span") if effective else ("quote", "span")
        found.update({key[0]: text[own.start():term.end()], key[1]: [own.start(), term.end()]})
    return found


def describe_validity(found: dict) -> str:
    """One line for ``show``: what the notice says of when it takes effect and for how long, each value quoted,
    the effective date taken from the issue date said so.

    >>> describe_validity({"effective_from": "2022-12-20", "effective_from_source": "issue_date", "valid_years": 3,
    ...                    "valid_until": None, "quote": "本方案自印发之日起实施，有效期3年", "span": [10, 27]})
    'effective from 2022-12-20 (on issue: the issue date), valid 3 years — “本方案自印发之日起实施，有效期3年” at [10, 27]'
    """
    parts = []
    if found.get("effective_after"):  # 自印发之日起30日后施行: said relative to the date, no date computed
        on_issue = found.get("effective_from_source") == "after_issue_date"
        since = found.get("effective_after_from") or "not printed"
        parts.append(f"effective “{found['effective_after']}” after {'its issue date' if on_issue else 'the printed date'}"
                     f" ({since}; relative, no date computed)")
    elif found.get("effective_from_source") == "issue_date":
        parts.append(f"effective from {found['effective_from'] or 'its issue date (not printed)'} (on issue: the issue date)")
    elif found.get("effective_from"):
        parts.append(f"effective from {found['effective_from']}")
    if found.get("valid_years"):
        parts.append(f"valid {found['valid_years']} years")
    if found.get("valid_until"):
        parts.append(f"valid until {found['valid_until']}")
    quoted = f"“{found['quote']}” at {found['span']}"
    if found.get("validity_quote"):
        quoted += f"; “{found['validity_quote']}” at {found['validity_span']}"
    return f"{', '.join(parts) or 'no date read'} — {quoted}"


def _after_separator(text: str, at: int) -> int:
    """Where the next clause starts after ``at`` (past a comma and spaces): 施行，有效期5年."""
    m = re.compile(r"\s*[，,]?\s*").match(text, at)
    return m.end() if m else at


def _after_a_cited_title(text: str, m: re.Match) -> bool:
    """A clause of a document the sentence names before it (《某办法》自2019年1月1日起施行): that document's."""
    clause_start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
    return "》" in text[clause_start:m.start()] or bool(P.DOC_NUMBER.search(text, clause_start, m.start()))


def date_bound(text: str) -> dict | None:
    """Where a notice prints no date, the years the text gives for its own period, kept as a
    bound and flagged: a span 2017—2020年, else 从2017年起 (open end), else 到2020年 (open start).

    >>> date_bound("健康帮扶实施方案\\n从2017年起，到2020年，实现全覆盖。")["years"]
    [2017, 2020]
    >>> date_bound("从2017年起，实行大病集中救治。")["years"]
    [2017, None]
    >>> date_bound("某县三年规划（2018—2020年）")["text"]
    '2018—2020年'
    """
    head = text[:DATE_BOUND_WINDOW]
    for pattern in (P.YEAR_PERIOD, P.YEAR_FROM, P.YEAR_BY):
        m = pattern.search(head)
        if m:
            first, last, end = m.groupdict().get("first"), m.groupdict().get("last"), m.end()
            closing = P.YEAR_BY.match(head, end + 1) if pattern is P.YEAR_FROM else None  # 从2017年起，到2020年
            if closing:
                last, end = closing.group("last"), closing.end()
            return {"years": [int(first) if first else None, int(last) if last else None], "text": head[m.start():end],
                    "span": [m.start(), end], "flag": "inferred from the text"}
    return None


def _month_bound(line: DateLine | None) -> dict | None:
    """A signing date printed to the month only (柞水县卫生健康局 ⏎ 2022年3月): the month as a bound,
    flagged so; ``month`` holds it as YYYY-MM."""
    if line is None or not line.month:
        return None
    printed = line.para.text.strip()
    m = P.MONTH_DATE.search(printed)
    at = line.para.start + (m.start() if m else 0)
    shown = m.group(0).strip() if m else printed
    year = int(line.month[:4])
    return {"years": [year, year], "month": line.month, "text": shown, "span": [at, at + len(shown)],
            "flag": "printed to the month only, no day"}


_ZEROS = str.maketrans({**{ch: "〇" for ch in P.ZERO_LOOKALIKES}, "廿": "二十", "卅": "三十"})


def _to_int(value: str) -> int:
    number = chinese_number(value.translate(_ZEROS))
    if number is None:
        raise ValueError(value)
    return int(number)


# ------------------------------------------------------------------ locality


def infer_locality(issuers: list[str], doc_number: str | None, addressees: Sequence[str] = (), context: str = ""):
    """The locality, level and parent of the notice, with the evidence that names it.

    In order: the place names an issuer begins with, from the table of all divisions
    (陕西省榆林市神木市卫生健康局; a former name 神木县 keeps its printed name and gets
    神木市's parents; a repeated county name is settled by its parent in the issuers, 文号,
    addressees or ``context``); a national body (国家卫生健康委); the place an issuer's name
    begins with when no division has it (全州县卫生健康局 → 全州县); the 文号 code (汴 →
    开封市, 陕卫发 → 陕西省, the province 简称 only for a provincial or unnamed issuer);
    last, a guess: the first division ``context`` names in full at the issuer's level
    (市卫生健康委 + 关于印发咸宁市… → 咸宁市), marked ``evidence["from"] == "text"``.

    >>> infer_locality(["神木市卫生健康局"], None).level
    'county'
    >>> infer_locality(["恭城瑶族自治县卫生健康局"], "神卫健发〔2021〕1号").parent
    '桂林市'
    >>> infer_locality(["鼓楼区卫生健康局"], None, ["各街道办事处"], "福州市鼓楼区关于印发").chain
    ('鼓楼区', '福州市', '福建省')
    """
    hints = " ".join([*issuers, doc_number or "", *addressees, context])
    for issuer in issuers:
        branch = P.NATIONAL_BRANCH.fullmatch(issuer)  # 国家税务总局湖南省税务局 stands at 湖南省
        named = branch.group("branch") if branch else issuer.removeprefix("中共")
        found = _division_locality(named, hints, {"from": "issuer", "text": issuer}, addressees)
        if found:
            return _township_within(found, named) or _zone_within(found, named) or found
    zone = next((m for i in issuers if (m := P.ZONE_ISSUER.match(i.removeprefix("中共")))), None)
    if zone:  # 西咸新区管理委员会…, 陕西咸新社发: the zone, in the province its 文号 names, at no level of the ladder
        return _zone_locality(zone, doc_number)
    for issuer in issuers:
        if issuer.startswith(_NATIONAL_ISSUERS) and not P.NATIONAL_BRANCH.fullmatch(issuer):
            return replace(localities()["中华人民共和国"], evidence={"from": "issuer", "text": issuer})
        named = _issuer_place(issuer.removeprefix("中共"), addressees)
        if named:
            return replace(named, evidence={"from": "issuer", "text": issuer})
    levels = next((lv for prefix, lv in _GENERIC_ISSUERS if any(i.startswith(prefix) for i in issuers)), ())
    return _doc_code_locality(doc_number, levels) or _text_locality(context, levels)


def _township_within(county: Locality, issuer: str) -> Locality | None:
    """A township's or subdistrict's body named after its county (汉阴县涧池镇人民政府, 雁塔区小寨路街道办事处): the
    town, inside the county, at level township, below the county on the ladder (a town's notice is no county's
    notice; the division table stops at counties); None where the issuer is the county's own body.

    >>> loc = _township_within(infer_locality(["汉阴县卫生健康局"], None), "汉阴县涧池镇人民政府")
    >>> loc.name, loc.level, loc.parent, loc.chain[:2]
    ('涧池镇', 'township', '汉阴县', ('涧池镇', '汉阴县'))
    """
    if county.level != "county" or not county.chain:
        return None
    at = issuer.find(county.chain[0])
    town = P.TOWNSHIP_ISSUER.match(issuer, at + len(county.chain[0])) if at >= 0 else None
    if town is None:
        return None
    name = town.group("town")
    evidence = {**(county.evidence or {}), "township": name, "county": county.name}
    return Locality(name, "township", county.name, (), (), None, (name, *county.chain), evidence)


def _zone_within(division: Locality, issuer: str) -> Locality | None:
    """A development zone's body named after the division it lies in (安康市高新区管委会, 宝鸡市高新区卫生健康局): the
    zone, inside that division, at no level (its notice is not the city's); None where the issuer is the division's own.

    >>> loc = _zone_within(infer_locality(["安康市卫生健康委员会"], None), "安康市高新区管理委员会")
    >>> loc.name, loc.level, loc.parent
    ('安康市高新区', None, '安康市')
    """
    if not division.chain:
        return None
    at = issuer.find(division.chain[0])
    zone = P.ZONE_AFTER_PLACE.match(issuer[at + len(division.chain[0]):]) if at >= 0 else None
    if zone is None:
        return None
    name = zone.group("zone")
    if re.fullmatch(P.ZONE_END, name):  # 高新区 alone: named with its division, as printed (安康市高新区)
        name = division.chain[0] + name
    evidence = {**(division.evidence or {}), "zone": name, "within": division.name}
    return Locality(name, None, division.name, (), (), None, (name, *division.chain), evidence)


def _zone_locality(zone: re.Match, doc_number: str | None) -> Locality:
    """A development zone or new area no division table holds (X新区, X开发区, X高新区 and their 管委会): the zone as
    the locality, with no level (it stands at none of province, prefecture, county), the province its 文号's code
    names as its parent where the code names one — never the province itself (its notice is no provincial notice).

    >>> loc = _zone_locality(P.ZONE_ISSUER.match("西咸新区管理委员会社会事业服务局"), "陕西咸新社发〔2022〕3号")
    >>> loc.name, loc.level, loc.parent, loc.chain
    ('西咸新区', None, '陕西省', ('西咸新区', '陕西省'))
    """
    name = zone.group("zone")
    province = places.province_of_doc_code(doc_number.split("〔")[0]) if doc_number else None
    evidence = {"from": "issuer", "text": zone.string, "zone": name}
    if province is None:
        return Locality(name, None, None, (), (), None, (name,), evidence)
    evidence["parent_from"] = {"from": "doc_number", "text": doc_number}
    return Locality(name, None, province.name, (), (), None, (name, *(p.name for p in places.chain(province))), evidence)


_NATIONAL_ISSUERS = ("国家", "国务院", "中央", "全国")
# an issuer that names its level but not its place (省卫生健康委, 市医保局)
_GENERIC_ISSUERS = [("省", ("provincial",)), ("自治区", ("provincial",)), ("市", ("prefecture", "county")),
                    ("州", ("prefecture",)), ("盟", ("prefecture",)), ("县", ("county",)), ("区", ("county",)),
                    ("旗", ("county",))]


def _division_locality(issuer: str, hints: str, evidence: dict, addressees: Sequence[str] = ()) -> Locality | None:
    """The innermost division an issuer's name begins with, as printed (神木县 stays 神木县); a name the table
    lacks with its printed suffix (青川州, where the table has 青川县) is unknown, its level the suffix's (inferred)."""
    found = places.leading_places(issuer, hints)
    if not found:
        return None
    place, printed = found[-1]
    outer = found[-2][0] if len(found) > 1 else None
    if place is None:  # 鼓楼区 with no parent in sight: the level if all candidates share it
        candidates = places.lookup(printed) or places.with_other_suffix(printed)  # 平山市: the 平山县 of two provinces
        if not candidates:
            return _unknown_locality(printed, outer, evidence, addressees)
        levels = {p.level for p in candidates}
        return Locality(printed, levels.pop() if len(levels) == 1 else None, outer.name if outer else None, (), (),
                        evidence={**evidence, "ambiguous": [p.code for p in candidates]})
    return _place_locality(place, printed, evidence)


def _unknown_locality(printed: str, outer, evidence: dict, addressees: Sequence[str]) -> Locality:
    """A place the table does not list under its printed name and suffix (青川州): named as printed, its level
    inferred from its suffix, its parent the place printed before it (if any); never another place of the stem."""
    level = _level_of_name(printed, addressees)
    suffix = places.printed_suffix(printed)
    how = f"inferred from its suffix {suffix}" + ("" if suffix != "市" else " and whom it addresses")
    return Locality(printed, level, outer.name if outer else None, (), (),
                    chain=(printed, *(p.name for p in places.chain(outer))) if outer else (),
                    evidence={**evidence, "unknown": f"{printed} is not in the place table",
                              **({"level": how} if level else {})})


def _place_locality(place, printed: str, evidence: dict) -> Locality:
    chain = places.chain(place)
    suffix = places.printed_suffix(printed)
    if suffix and not place.name.endswith(suffix) and not places.is_former_name(printed, place):
        # 泾阳市 where the table has 泾阳县 (a county that became a city, or the reverse): the table's place, said
        evidence = {**evidence, "printed": printed,
                    "table_name": f"{place.name} ({place.level}): the same stem, a suffix of its level"}
    # a former name stays as printed (an old notice of 神木县); an alias or short name becomes the name (黔西南州)
    current = (place.name, place.short_name, *place.aliases)
    name = printed if places.is_former_name(printed, place) and printed not in current else place.name
    parent = chain[1].name if len(chain) > 1 else "中华人民共和国"
    return Locality(name, place.level, parent, (), (), place.code, (name, *(p.name for p in chain[1:])), evidence)


_FULL_NAME_SUFFIXES = ("省", "市", "区", "县", "旗", "州", "盟", "地区", "特别行政区")


def _doc_code_locality(doc_number: str | None, levels: tuple[str, ...]) -> Locality | None:
    if not doc_number:
        return None
    code = doc_number.split("〔")[0]
    evidence = {"from": "doc_number", "text": doc_number}
    if code.startswith("国"):
        return replace(localities()["中华人民共和国"], evidence=evidence)
    for loc in localities().values():
        if any(code.startswith(prefix) for prefix in loc.doc_code_prefixes):
            named = _division_locality(loc.name, "", evidence)
            return named or replace(loc, evidence=evidence)
    province = places.province_of_doc_code(code) if levels in ((), ("provincial",)) else None
    return _place_locality(province, province.name, evidence) if province else None


def _text_locality(context: str, levels: tuple[str, ...]) -> Locality | None:
    """A guess, flagged as one: the place the body claims as its own (结合彝良县…实际; 我县 with one
    county named), else the first division the text names in full at the issuer's level, down to
    the innermost of its run of names (云南省彝良县… → 彝良县), else the one it calls its own by a
    shorter name (结合六盘水实际). The evidence quotes the claim and the parents the text names."""
    if not context:
        return None
    claimed = places.own_place_claimed(context, levels)
    if claimed:
        place, printed, at, claim = claimed
        found: tuple | None = (place, printed, at)
    else:
        claim, found = None, places.first_named(context, levels)
        if found:
            found = places.innermost_from(context, found[2], levels) or found
        own = places.own_place_named(context, levels)
        if own and found and found[0] in places.chain(own[0])[1:]:
            found = own  # 健康鲅鱼圈行动 in a text that cites 营口市's plan first: the county inside it is its own
        found = found or own
    if not found:
        return None
    place, printed, at = found
    evidence = {"from": "text", "text": printed, "span": [at, at + len(printed)], "guessed": True}
    if claim:
        evidence["claim"] = claim
    parents = [p.name for p in places.chain(place)[1:] if any(f in context for f in places.forms(p))]
    if parents:
        evidence["parents_named"] = parents
    return _place_locality(place, printed, evidence)
