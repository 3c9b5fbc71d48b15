"""Document-level metadata: title, 文号, issuers, dates, addressees, locality.

All functions here take normalised text (one paragraph per line).
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import patterns as P
from . import places
from .outline import Paragraph, match_label, paragraphs
from .resources import Locality, localities
from .textutils import chinese_number, normalise_doc_number, split_units

HEADER_WINDOW = 40  # paragraphs searched for the title, 文号 and addressees


def extract_metadata(text: str) -> dict:
    """Every document-level key of the public record except id, path and sha256.

    >>> extract_metadata("神卫健发〔2021〕64号\\n关于印发《方案》的通知\\n各医疗卫生单位：")["doc_number"]
    '神卫健发〔2021〕64号'
    """
    paras = paragraphs(text)
    doc_number_para = _doc_number_paragraph(paras)
    title_para = _title_paragraph(paras)
    dates = _date_paragraphs(paras)
    issue_para = next((p for p, printed in dates if not printed), None)
    print_para = next((p for p, printed in dates if printed), None)
    issuers = header_issuers(paras, title_para) + signature_issuers(paras, issue_para)
    issuers = list(dict.fromkeys(issuers))
    number = normalise_doc_number(doc_number_para.text) if doc_number_para else None
    addressed = addressees(paras, title_para)
    locality = infer_locality(issuers, number, addressed, text[:3000])
    return {
        "title": title_para.text if title_para else None,
        "body_title": body_title(paras, issue_para),
        "doc_number": number,
        "doc_number_parts": split_doc_number(number),
        "issuers": issuers,
        "issue_date": parse_date(issue_para.text) if issue_para else None,
        "print_date": parse_date(print_para.text) if print_para else None,
        "addressees": addressed,
        "locality": locality.name if locality else None,
        "admin_level": locality.level if locality else None,
        "parent_locality": locality.parent if locality else None,
        "locality_chain": list(locality.chain) if locality else [],
        "locality_code": locality.code if locality else None,
        "locality_evidence": locality.evidence if locality else None,
    }


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
    level = next((lv for suffix, lv in _PLACE_LEVELS if place.endswith(suffix)), None)
    if level is None:  # 市: a prefecture addresses its counties, a county-level city its towns
        joined = "".join(addressees)
        level = "prefecture" if re.search("县|区", joined) else "county" if re.search("镇|乡|街道", joined) else None
    return Locality(place, level, None, (), ())


# ------------------------------------------------------------------ 文号


def split_doc_number(number: str | None) -> dict | None:
    """Issuer code, year and serial of a normalised 文号."""
    if not number:
        return None
    m = re.match(r"^(.*)〔(\d{4})〕(\d+)号$", number)
    return {"code": m.group(1), "year": int(m.group(2)), "serial": int(m.group(3))} if m else None


def _doc_number_paragraph(paras: list[Paragraph]) -> Paragraph | None:
    head = paras[:HEADER_WINDOW]
    return next((p for p in head if P.DOC_NUMBER_LINE.match(p.text)), None)


# ------------------------------------------------------------------ title, addressees


def _title_paragraph(paras: list[Paragraph]) -> Paragraph | None:
    for p in paras[:HEADER_WINDOW]:
        if match_label(p.text) or "。" in p.text or len(p.text) > 150:
            continue
        if P.NOTICE_TITLE.search(p.text):
            return p
    return None


def addressees(paras: list[Paragraph], title: Paragraph | None) -> list[str]:
    """The 主送 line after the title, split on 、 and ， outside brackets."""
    start = title.start if title else 0
    for p in paras[:HEADER_WINDOW]:
        if p.start <= start or match_label(p.text):
            continue
        if P.ADDRESSEE_LINE.search(p.text) and len(p.text) < 300 and not p.text.startswith("为"):
            return split_units(p.text.rstrip("：:"))
        if "。" in p.text:
            break
    return []


def body_title(paras: list[Paragraph], issue: Paragraph | None) -> str | None:
    """The title of the attached plan, printed after the notice's signature date."""
    if issue is None:
        return None
    following = [p for p in paras if p.start > issue.start]
    if not following:
        return None
    candidate = following[0].text
    if match_label(candidate) or candidate.startswith("附件") or "。" in candidate:
        return None
    return candidate if P.TITLE_SUFFIX.search(candidate) else None


# ------------------------------------------------------------------ issuers


def header_issuers(paras: list[Paragraph], title: Paragraph | None) -> list[str]:
    """Issuers printed in the red header block above the 文号 and title."""
    end = title.start if title else 0
    names = []
    for p in paras:
        if p.start >= end:
            break
        header = P.FILE_HEADER.match(p.text)
        if header and header.group("issuer"):
            names.extend(_split_issuer_line(header.group("issuer")))
        elif _is_issuer_line(p.text):
            names.append(p.text)
    return names


def signature_issuers(paras: list[Paragraph], issue: Paragraph | None) -> list[str]:
    """The organisation lines immediately above the signing date."""
    if issue is None:
        return []
    before = [p for p in paras if p.start < issue.start]
    names: list[str] = []
    for p in reversed(before):
        if not _is_issuer_line(p.text):
            break
        names.insert(0, p.text)
    return names


def _is_issuer_line(text: str) -> bool:
    return (
        len(text) <= 40
        and not re.search("[。，、；：:（）]", text)
        and bool(P.ORG_SUFFIX.search(text))
        and not P.FILE_HEADER.match(text)
    )


def _split_issuer_line(text: str) -> list[str]:
    return [part for part in re.split(r"\s+", text.strip()) if part]


# ------------------------------------------------------------------ dates


def _date_paragraphs(paras: list[Paragraph]) -> list[tuple[Paragraph, bool]]:
    found = []
    for p in paras:
        m = P.DATE_LINE.match(p.text)
        if m:
            found.append((p, bool(m.group("printed"))))
    return found


def parse_date(text: str) -> str | None:
    """ISO date of the first date in ``text``; Chinese numerals are understood.

    >>> parse_date("二〇二一年八月九日")
    '2021-08-09'
    >>> parse_date("2021年8月9日印发")
    '2021-08-09'
    """
    m = P.DATE.search(text)
    if not m:
        return None
    try:
        year, month, day = (_to_int(m.group(k)) for k in ("year", "month", "day"))
    except ValueError:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _to_int(value: str) -> int:
    number = chinese_number(value)
    if number is None:
        raise ValueError(value)
    return int(number)


# ------------------------------------------------------------------ locality


def infer_locality(issuers: list[str], doc_number: str | None, addressees: list[str] = (), context: str = ""):
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
        found = _division_locality(issuer.removeprefix("中共"), hints, {"from": "issuer", "text": issuer})
        if found:
            return found
    for issuer in issuers:
        if issuer.startswith(_NATIONAL_ISSUERS):
            return replace(localities()["中华人民共和国"], evidence={"from": "issuer", "text": issuer})
        named = _issuer_place(issuer.removeprefix("中共"), addressees)
        if named:
            return replace(named, evidence={"from": "issuer", "text": issuer})
    levels = next((lv for prefix, lv in _GENERIC_ISSUERS if any(i.startswith(prefix) for i in issuers)), ())
    return _doc_code_locality(doc_number, levels) or _text_locality(context, levels)


_NATIONAL_ISSUERS = ("国家", "国务院", "中央", "全国")
# an issuer that names its level but not its place (省卫生健康委, 市医保局)
_GENERIC_ISSUERS = [("省", ("provincial",)), ("自治区", ("provincial",)), ("市", ("prefecture", "county")),
                    ("州", ("prefecture",)), ("盟", ("prefecture",)), ("县", ("county",)), ("区", ("county",)),
                    ("旗", ("county",))]


def _division_locality(issuer: str, hints: str, evidence: dict) -> Locality | None:
    """The innermost division an issuer's name begins with, as printed (神木县 stays 神木县)."""
    found = places.leading_places(issuer, hints)
    if not found:
        return None
    place, printed = found[-1]
    outer = found[-2][0] if len(found) > 1 else None
    if place is None:  # 鼓楼区 with no parent in sight: the level if all candidates share it
        levels = {p.level for p in places.lookup(printed)}
        return Locality(printed, levels.pop() if len(levels) == 1 else None, outer.name if outer else None, (), (),
                        evidence={**evidence, "ambiguous": [p.code for p in places.lookup(printed)]})
    return _place_locality(place, printed, evidence)


def _place_locality(place, printed: str, evidence: dict) -> Locality:
    chain = places.chain(place)
    # a former name stays as printed (an old notice of 神木县); an alias or short name becomes the name (黔西南州)
    current = (place.name, place.short_name, *place.aliases)
    name = printed if printed not in current and printed.endswith(_FULL_NAME_SUFFIXES) else place.name
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
    """A guess from the first division the text names at the issuer's level (flagged as such)."""
    found = places.first_named(context, levels) if context else None
    if not found:
        return None
    place, printed, at = found
    return _place_locality(place, printed, {"from": "text", "text": printed, "span": [at, at + len(printed)],
                                            "guessed": True})
