"""Canonical units: map a raw unit string, as printed, to the body it names.

``市卫健局公卫科`` in a Shenmu notice is the 公卫科 (公共卫生科) division of
神木市卫生健康局; ``自治区卫生健康委`` in the Guangxi notice is
广西壮族自治区卫生健康委员会. The aliases live in ``data/units.json``; the
locality table in ``data/localities.csv``. What cannot be resolved stays raw,
with the reason, and is listed by ``policydiff units --unresolved``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import patterns as P
from .extract.units import split_unit_list
from .models import Record
from .resources import Locality, ancestor, load_json, localities


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    function: str | None
    kind: str  # department, division, local_government, institution, unresolved
    level: str | None
    locality: str | None
    parent_id: str | None = None
    parent_name: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return dict(vars(self))  # fields are flat; asdict's deep copy costs a third of unit mapping


@dataclass(frozen=True)
class Context:
    """What the notice tells about unqualified unit names (市卫健局 → whose 市?)."""

    locality: str | None
    admin_level: str | None
    issuers: tuple[str, ...] = ()
    chain: tuple[str, ...] = ()  # the record's locality_chain: a town's county, prefecture, province

    @classmethod
    def of(cls, record: Record) -> Context:
        return cls(record.get("locality"), record.get("admin_level"), tuple(record.get("issuers") or ()),
                   tuple(record.get("locality_chain") or ()))

    def town(self) -> bool:
        """The notice is a town's or subdistrict's (涧池镇, 小寨路街道): its 县/市/省 are the chain's, its 镇 itself."""
        return self.admin_level == "township" or (
            self.admin_level is None and len(self.chain) > 1 and (self.locality or "").endswith(P.TOWN_SUFFIXES))

    def above(self, level: str) -> str | None:
        """The place at ``level`` the notice's locality lies in (itself at its own level), through its chain
        where the table does not hold the locality (a town)."""
        return ancestor(self.locality, level) or next(
            (found for place in self.chain[1:] if (found := ancestor(place, level))), None)


@cache
def _aliases() -> list[tuple[str, str]]:
    data = load_json("units.json")
    pairs = [(alias, function) for function, names in data["functions"].items() for alias in names]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@cache
def _institutions() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern), function) for pattern, function in load_json("units.json")["institutions"]]


@lru_cache(maxsize=8192)
def function_of(text: str) -> tuple[str, str] | None:
    """(function, alias) for the longest function alias found in ``text``.

    >>> function_of("市卫健局")
    ('卫生健康', '卫健局')
    """
    for alias, function in _aliases():
        if alias in text:
            return function, alias
    return None


@lru_cache(maxsize=8192)  # pure (Unit and Context are frozen): a folder's notices repeat their units
def canonical_unit(raw: str, context: Context) -> Unit:
    """The canonical unit a raw string names in the notice described by ``context``.

    >>> ctx = Context("神木市", "county", ("神木市卫生健康局",))
    >>> canonical_unit("市卫健局公卫科", ctx).parent_name
    '神木市卫生健康局'
    >>> canonical_unit("老龄科", ctx).parent_name
    '神木市卫生健康局'
    """
    text = raw.strip()
    placeholder = _placeholder(text, context) or _department_placeholder(text, context)
    if placeholder:
        return placeholder
    level, locality, rest = _scope(text.removeprefix("各"), context)
    government = re.search(load_json("units.json")["local_government"], text)
    if government and re.search("政府|办事处", text):
        return _government(text, level, locality)
    division = _division(rest)
    if division:
        return _division_unit(division, rest[: -len(division)], level, locality, context)
    # 镇社保所, 各乡镇卫生院 in a county's notice: its towns' own, not the county's (no 青梧县镇社保所): named as printed
    towns = level == "township" and not context.town() and P.TOWNS_OWN.match(rest)
    for pattern, function in _institutions():
        if pattern.search(rest):
            return Unit(f"inst:{locality or '?'}:{rest}", rest if towns else f"{locality or ''}{rest}", function,
                        "institution", level, locality)
    if government:
        return _government(text, level, locality)
    found = function_of(rest)
    if found and towns:  # 镇财政所: the towns' office of that function, never the county's bureau
        return Unit(f"dept:{locality or '?'}:{towns.group(0)}:{found[0]}", rest, found[0], "department", level,
                    locality)
    if found:
        return _department(found[0], level, locality, context)
    return Unit(f"raw:{raw}", raw, None, "unresolved", level, locality,
                reason="no function alias, institution or government pattern matches")


@cache
def _locality_prefixes() -> list[tuple[str, Locality]]:
    """(name or short name, locality), longest first."""
    pairs = [(name, loc) for loc in localities().values() for name in (loc.name, *loc.short_names)
             if len(name) >= 2 and name not in ("国家", "全国", "自治区")]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _division_names() -> list[str]:
    return sorted(load_json("units.json")["divisions"], key=len, reverse=True)


def _scope(text: str, context: Context) -> tuple[str | None, str | None, str]:
    """(level, locality, text without its scope prefix)."""
    if text.startswith("国家税务总局") and len(text) > 6:  # 国家税务总局旬阳市税务局: the place's bureau, not the nation's
        from . import places  # (the division table: loaded only for such a name)

        named = places.leading_places(text[6:], context.locality or "")
        if named and named[-1][0] is not None:
            place, printed = named[-1][0], "".join(form for _, form in named)
            return place.level, place.name, text[6 + len(printed):]
    for name, loc in _locality_prefixes():
        if text.startswith(name):
            other = _suffix_of_another_level(text, len(name), loc.level)
            if other is None:
                return loc.level, loc.name, text[len(name):]
            if len(other[1]) == 1:  # 榆林县卫生健康局: a county named as printed (not in the table), not 榆林市
                printed = text[:len(name) + len(other[0])]
                return other[1][0], printed, text[len(printed):]
    if text.startswith(("国家", "国务院", "中央")):
        return "national", "中华人民共和国", text.removeprefix("国家")
    if text.startswith(("自治区", "省")):
        province = context.above("provincial")
        return "provincial", province, text.removeprefix("自治区").removeprefix("省")
    town = context.town()
    if text.startswith("市") and not text.startswith("市场"):
        home, level = (context.above("county"), "county") if town else (context.locality, context.admin_level)
        city = home if level in ("prefecture", "county") and (home or "").endswith("市") \
            else context.above("prefecture")
        own_city = city == home and level == "county"  # 旬阳市's 市医保局: a county-level city's (or its town's)
        return _level_of(city) or ("county" if own_city else "prefecture"), city, text[1:]
    if text.startswith(("县", "区")) and not text.startswith("县（"):
        county = context.above("county") if town else context.locality if context.admin_level == "county" else None
        return "county", county, text[1:]
    own = P.TOWN_PREFIX.match(text) if town else None
    if own:  # 镇卫生院 in 涧池镇's notice: its own (named 涧池镇卫生院, not 涧池镇镇卫生院)
        return "township", context.locality, text[own.end():]
    if text.startswith(("镇", "乡镇", "街道")) or re.match(r"^乡(?!村)", text):
        return "township", context.locality, text
    if town and P.TOWN_HAS_NO.search(text):  # a bureau or commission named bare in a town's notice: its county's
        return "county", context.above("county"), text
    return context.admin_level, context.locality, text


def _suffix_of_another_level(text: str, at: int, level: str | None) -> tuple[str, tuple[str, ...]] | None:
    """(suffix, its levels) where a place's short name is printed with a suffix its level never takes (榆林县 of
    the prefecture 榆林市, 青川州 of the county 青川县): another place, not this one (县域, 区域 are no suffix)."""
    from .places import SUFFIX_LEVELS

    suffix = next((s for s in SUFFIX_LEVELS if text.startswith(s, at)), None)
    if suffix is None or level in SUFFIX_LEVELS[suffix] or text.startswith("域", at + len(suffix)):
        return None
    return suffix, SUFFIX_LEVELS[suffix]


def _level_of(locality: str | None) -> str | None:
    loc = localities().get(locality or "")
    return loc.level if loc else None


def _division(rest: str) -> str | None:
    """The internal division a unit string ends with (公卫科, 医政处, 办公室), if any."""
    for short in _division_names():
        if rest.endswith(short):
            whole = function_of(rest)
            if whole and whole[1].endswith(short):  # 机构编制委员会办公室 is a department
                return None
            return short
    m = re.search(r"(?:局|委|厅)?(?P<division>[^局委厅]{1,8}(?:科|处|股))$", rest)  # 股: a county bureau's 股室
    return m.group("division") if m and not function_of(m.group("division")) else None


def _division_unit(division, parent_text, level, locality, context) -> Unit:
    found = function_of(parent_text)
    parent = _department(found[0], level, locality, context) if found else _home_department(context)
    long_name = load_json("units.json")["divisions"].get(division, division)
    # one office however the notice shortens it (老年科, 老龄科 = 老龄健康科): keyed by the long
    # name, named by the first short name the data file lists for it
    return Unit(f"div:{parent.id}:{long_name}", f"{parent.name}{_short_name(long_name)}", parent.function,
                "division", parent.level, parent.locality, parent.id, parent.name,
                None if long_name == division else f"{division} = {long_name}")


@cache
def _short_names() -> dict[str, str]:
    """Long division name → the short name it is shown by (the first listed)."""
    shown: dict[str, str] = {}
    for short, long_name in load_json("units.json")["divisions"].items():
        shown.setdefault(long_name, short)
    return shown


def _short_name(long_name: str) -> str:
    return _short_names().get(long_name, long_name)


def division_names(name: str) -> list[str]:
    """Every name of the division ``name`` (short or long) is one of: 公共卫生科 → [公卫科, 公共卫生科].

    >>> division_names("老龄科")
    ['老年科', '老龄科', '老龄健康科']
    """
    divisions = load_json("units.json")["divisions"]
    long_name = divisions.get(name) or (name if name in divisions.values() else None)
    if long_name is None:
        return []
    return [short for short, long in divisions.items() if long == long_name] + \
        ([long_name] if long_name not in divisions else [])


def _placeholder(text: str, context: Context) -> Unit | None:
    """各市, 各县（市、区）人民政府, 各镇人民政府, 街道办事处: the governments one level down
    from the issuing locality, which the notice addresses without naming them."""
    for pattern, level, generic in load_json("units.json").get("placeholders", []):
        if re.search(pattern, text):
            parent = context.locality
            return Unit(f"gov:{parent or '?'}:{generic}", f"{parent or ''}{generic}", "地方政府",
                        "local_government", level, None, None, parent,
                        f"placeholder: {text} = the {level} governments under {parent or 'an unknown locality'}")
    return None


def _department_placeholder(text: str, context: Context) -> Unit | None:
    """各有关部门, 市直各有关单位, 国务院有关部门: the departments concerned at the notice's own level
    (or the national one), which the notice names without listing them.

    >>> u = _department_placeholder("市直各有关单位", Context("淮南市", "prefecture"))
    >>> u.id, u.level, u.kind
    ('dept:淮南市:有关部门', 'prefecture', 'department')
    """
    for pattern, level in load_json("units.json").get("department_placeholders", []):
        if re.search(pattern, text):
            own = level == "own" or level == context.admin_level
            locality = context.locality if own else "中华人民共和国"
            level = context.admin_level if level == "own" else level
            return Unit(f"dept:{locality or '?'}:有关部门", f"{locality or ''}有关部门", None, "department", level,
                        locality, reason=f"placeholder: {text} = the departments concerned at the {level} level")
    return None


def _department(function: str, level, locality, context: Context) -> Unit:
    name = next((i for i in context.issuers if (locality or "\0") in i
                 and (function_of(i) or ("",))[0] == function), None)
    name = name or f"{locality or ''}{function}部门"
    return Unit(f"dept:{locality or '?'}:{function}", name, function, "department", level, locality)


def _home_department(context: Context) -> Unit:
    """The department a bare division name (公卫科, 医政处) belongs to: the notice's
    health department among its issuers, else its first issuer."""
    health = next((i for i in context.issuers if (function_of(i) or ("",))[0] == "卫生健康"), None)
    issuer = health or (context.issuers[0] if context.issuers else None)
    found = function_of(issuer or "")
    function = found[0] if found else "卫生健康"
    return Unit(f"dept:{context.locality or '?'}:{function}", issuer or f"{context.locality or ''}{function}部门",
                function, "department", context.admin_level, context.locality)


def _government(text: str, level, locality) -> Unit:
    return Unit(f"gov:{locality or '?'}:{text.removeprefix('各')}", text, "地方政府", "local_government",
                _government_level(text, level), locality)


def _government_level(text: str, level: str | None) -> str | None:
    if re.search(r"镇|乡|街道", text):
        return "township"
    if re.search(r"^各?县|县（市、区）", text):
        return "county"
    if re.search(r"^各市", text):
        return "prefecture"
    return level


def expand_unit_list(raw: str) -> list[str]:
    """A duty-paragraph unit like 农业农村、住房城乡建设、生态环境等部门 → one name each (lists split
    on 、，和 及 会同 等和 between bodies, the trailing 等 dropped, the shared suffix given to each).

    >>> expand_unit_list("农业农村、住房城乡建设、生态环境等部门")
    ['农业农村部门', '住房城乡建设部门', '生态环境部门']
    >>> expand_unit_list("甲部、乙委等和各省级人民政府")
    ['甲部', '乙委', '各省级人民政府']
    """
    names = [u.unit for u in split_unit_list(raw)]
    return list(dict.fromkeys(names)) or [raw]


def unit_map(record: Record) -> dict[str, dict]:
    """Raw unit string → canonical unit, for every unit string of a record."""
    context = Context.of(record)
    raws = list(record.get("issuers") or [])
    for m in record["measures"]:
        raws.extend(u["unit"] for u in m["unit_mentions"])
    for d in record["division_of_duties"]:
        raws.extend(expand_unit_list(d["unit"]))
    for r in record.get("task_table") or []:
        raws.extend(r["lead"])
    return {raw: canonical_unit(raw, context).to_dict() for raw in dict.fromkeys(raws)}
