"""Loaders for the data files a researcher may edit (localities, unit aliases)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from . import places


@dataclass(frozen=True)
class Locality:
    name: str
    level: str | None  # None where the notice does not tell (a 市 with no addressees)
    parent: str | None
    short_names: tuple[str, ...]
    doc_code_prefixes: tuple[str, ...]
    code: str | None = None  # the division code (data/divisions.csv), where the place is one
    chain: tuple[str, ...] = ()  # the place and its parents up to the province (神木市, 榆林市, 陕西省)
    evidence: dict | None = None  # what named it: {"from": "issuer" | "doc_number" | "text", "text": …}


def _data_path(name: str):
    return resources.files("policydiff") / "data" / name


@cache
def localities() -> dict[str, Locality]:
    """The locality table (``data/localities.csv``), keyed by full name."""
    with _data_path("localities.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {
        row["name"]: Locality(
            name=row["name"],
            level=row["level"],
            parent=row["parent"] or None,
            short_names=tuple(s for s in row["short_names"].split("|") if s),
            doc_code_prefixes=tuple(s for s in row["doc_code_prefixes"].split("|") if s),
        )
        for row in rows
    }


def ancestor(locality: str | None, level: str) -> str | None:
    """``locality`` or the first of its parents at ``level`` (神木市, provincial → 陕西省);
    places outside the locality table are looked up among all divisions.

    >>> ancestor("神木市", "provincial"), ancestor("恩施市", "prefecture")
    ('陕西省', '恩施土家族苗族自治州')
    """
    table = localities()
    if locality and locality not in table:
        return next((p.name for p in places.chain(places.resolve(locality)) if p.level == level), None)
    while locality and locality in table:
        if table[locality].level == level:
            return locality
        locality = table[locality].parent
    return None


@cache
def load_json(name: str):
    """A JSON data file shipped in ``policydiff/data``."""
    with _data_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


# WenQuanYi Micro Hei covers CJK, Latin digits and 〈〉“”— (Droid Sans Fallback lacks some of them)
CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


def cjk_font_path() -> str | None:
    """Path of an installed CJK font (pictures, PDF renderings), or None."""
    return next((path for path in CJK_FONTS if Path(path).exists()), None)

