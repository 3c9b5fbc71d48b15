"""A saved web page's information box and furniture, read from the head of a notice's text.

Text copied from a government page carries the page: navigation, site tools, a byline and an
information box (索引号, 发布机构, 发文字号, 成文日期 …) as rows, as ``label：value`` lines (two
pairs a line, or label and value on separate lines), as ``【文　　号】`` or as a pipe table. The
furniture is no part of the notice; the box is evidence, kept under normalised keys.
"""

from __future__ import annotations

import re

from . import patterns as P
from .normalise import is_page_line
from .outline import Paragraph
from .textutils import chinese_number

_KEY_OF_LABEL = {re.sub(r"\s", "", label): key for key, labels in P.META_LABELS.items() for label in labels}
_SHORT_LABELS = {"来源", "來源", "作者", "名称", "名稱", "标题", "標題", "文号", "文號", "属性", "屬性", "备注", "備注"}
_VALUE_JUNK = " \u3000\u00a0\u2002\u2003\u202f|•·：:【】"
_GLUED_TIME = re.compile(r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|日)(\d{1,2}:\d{2})")
_ISO_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*[-/年.]\s*(?P<month>\d{1,2})\s*[-/月.]\s*(?P<day>\d{1,2})")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_ZEROS = str.maketrans({ch: "〇" for ch in P.ZERO_LOOKALIKES})


def page_box(head: list[Paragraph]) -> tuple[dict[str, str], set[int]]:
    """The information box found in the head paragraphs, and the starts of every paragraph
    that belongs to the page rather than the notice (furniture, byline, box).

    >>> box, _ = page_box([Paragraph("索引号:0001/2021-3 成文日期:2021-11-02", 0), Paragraph("文号发布时间2021-11-03", 40)])
    >>> box
    {'index_no': '0001/2021-3', 'written_date': '2021-11-02', 'published_date': '2021-11-03'}
    """
    box: dict[str, str] = {}
    page: set[int] = set()
    pending: str | None = None  # a label whose value is on the next line
    for para in head:
        text = para.text
        if pending is not None and _is_value_line(text):
            box.setdefault(pending, _clean_value(text))
            page.add(para.start)
            pending = None
            continue
        pending = None
        if not is_page_line(text):
            continue
        page.add(para.start)
        pairs = _label_values(text)
        for key, value in pairs:
            if key and value:
                box.setdefault(key, value)
        if pairs and not pairs[-1][1] and pairs[-1][0]:
            pending = pairs[-1][0]
    return box, page


def _label_values(text: str) -> list[tuple[str | None, str]]:
    """(key, value) for every label in a box line; the value runs to the next label. A byline's bare
    日期：/时间： before a date is its publication date (and ends the value before it).

    >>> _label_values("来源：青梧市卫生健康局日期：2022-03-08")
    [('source', '青梧市卫生健康局'), ('published_date', '2022-03-08')]
    """
    found = [m for m in P.META_LABEL.finditer(text) if _is_label_here(text, m)]
    labels = [(m.start(), m.end(), _KEY_OF_LABEL.get(re.sub(r"\s", "", m.group("label")))) for m in found]
    labels += [(m.start(), m.end(), "published_date") for m in P.BYLINE_BARE_DATE.finditer(text)
               if not any(start <= m.start() < end for start, end, _ in labels)]  # not the end of 发布时间
    labels.sort()
    pairs = []
    for i, (_, label_end, key) in enumerate(labels):
        end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        pairs.append((key, _clean_value(text[label_end:end])))
    return pairs


# a box field whose value is a code (index number, date): a short label may follow it with no space
_CODE_FIELD_END = re.compile(r"(?:[0-9A-Za-z]+[-/.])+[0-9A-Za-z]+$|\d{4}-\d{2}-\d{2}$")


def _is_label_here(text: str, m: re.Match) -> bool:
    """A label at the start of the line, or after a separator or the end of a previous field's code
    (索引号640323019/2021-00151文号盐卫健发…, the spaces between them lost), or long, or followed by a colon."""
    label = re.sub(r"\s", "", m.group("label"))
    if "《" in text[:m.start()] and "》" not in text[:m.start()]:
        return False  # inside a quoted title
    before = text[:m.start()].rstrip(" •·|")
    return (not before or before[-1] in "|】 " or m.group(0).rstrip().endswith(("：", ":", "】"))
            or (before[-1].isascii() and before[-1].isalnum() and _CODE_FIELD_END.search(before) is not None)
            or label not in _SHORT_LABELS)


def _is_value_line(text: str) -> bool:
    """The value of a bullet layout's label on the following line (not a label, not an addressee)."""
    return (not P.META_LINE_START.match(text) and not P.META_LABEL.match(text)
            and not text.rstrip(" |").endswith(("：", ":"))
            and "。" not in text and len(text) <= 150)


def _clean_value(value: str) -> str:
    value = value.strip(_VALUE_JUNK)
    return _GLUED_TIME.sub(r"\1 \2", value)


def box_date(value: str | None) -> str | None:
    """The ISO date of a box value that is a date without a time of day (a value with a time
    is when the page was published, not when the notice was signed).

    >>> box_date("2021-06-30"), box_date("2023年05月12日 11:20"), box_date("1998/04/01")
    ('2021-06-30', None, '1998-04-01')
    """
    iso = iso_form(value)
    return iso if iso and "T" not in iso else None


def iso_form(value: str | None) -> str | None:
    """The ISO form of a box value that is a date: ``YYYY-MM-DD``, with ``THH:MM`` where the
    value prints a time of day; Chinese numerals are understood; None for any other value.

    >>> iso_form("2021年6月30日"), iso_form("2023-05-12 11:20:08"), iso_form("二〇二一年六月三十日"), iso_form("现行有效")
    ('2021-06-30', '2023-05-12T11:20', '2021-06-30', None)
    >>> iso_form("２０２２－０８－０５"), iso_form("２０２２年０８月０３日")
    ('2022-08-05', '2022-08-03')
    """
    if not value:
        return None
    value = value.translate(P.FULLWIDTH_DIGITS).replace("－", "-").replace("：", ":")  # a repost's ２０２２－０８－０５
    date = _digit_date(value) or _numeral_date(value)
    if date is None:
        return None
    time = _TIME.search(value)
    return f"{date}T{int(time.group(0).split(':')[0]):02d}:{time.group(0).split(':')[1]}" if time else date


def with_iso_dates(box: dict[str, str]) -> dict[str, str]:
    """The box with an ISO form beside every date value (``written_date_iso`` beside
    ``written_date``), the printed values kept as they are.

    >>> with_iso_dates({"written_date": "2021年06月30日", "index_no": "0001/2021-3"})
    {'written_date': '2021年06月30日', 'index_no': '0001/2021-3', 'written_date_iso': '2021-06-30'}
    """
    isos = {f"{key}_iso": iso_form(value) for key, value in box.items()
            if key.endswith("_date") and isinstance(value, str)}
    return {**box, **{key: iso for key, iso in isos.items() if iso}}


def _digit_date(value: str) -> str | None:
    m = _ISO_DATE.search(value)
    return _valid_date(m.group("year"), m.group("month"), m.group("day")) if m else None


def _numeral_date(value: str) -> str | None:
    m = P.DATE.search(value)
    if not m:
        return None
    numbers = [chinese_number(m.group(k).translate(_ZEROS)) for k in ("year", "month", "day")]
    return None if None in numbers else _valid_date(*numbers)


def _valid_date(year, month, day) -> str | None:
    year, month, day = int(year), int(month), int(day)
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def box_issuers(value: str | None) -> list[str]:
    """The bodies a box's issuer value names: a list split on commas, the last part of a
    law database's path (地方性规章/某省/某省卫生厅(已撤销)); a web site is no issuer.

    >>> box_issuers("地方性规章/澜川省/澜川省卫生厅（已撤销）"), box_issuers("县政府网站")
    (['澜川省卫生厅'], [])
    """
    if not value:
        return []
    value = value.rsplit("/", 1)[-1]
    names = []
    for part in re.split(r"[,，、;；\s]+", value):
        part = re.sub(r"[（(]已撤销[）)]", "", part).strip()
        if part and P.ORG_SUFFIX.search(part) and not re.search("网站|網站|网$|網$", part):
            names.append(part)
    return list(dict.fromkeys(names))
