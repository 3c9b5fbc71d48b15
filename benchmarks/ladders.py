"""Ladders with a known answer: a province's notice, prefectures' notices implementing it, counties'
notices implementing those; each adopts a known subset of measures, on a known date, with known
target values and lead units. Written by ``make_corpus.py --ladders N``; ``tests/test_adoption.py``
checks ``policydiff adoption`` and ``diff --against parent`` against the key it returns.

The sentences are our own, in the shape of such notices; they are test inputs, not policy texts.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE_DAY = date(2021, 2, 1)  # the first day of the national opinion's month (frame data: 2021-02)
# frame id -> (heading, body); {n} is the target value where the measure prints one
MEASURES = {
    "F03": ("落实县域内住院先诊疗后付费", "对监测对象在县域内定点医疗机构住院实行先诊疗后付费"),
    "F02": ("做好大病专项救治", "到2025年，大病专项救治病种不少于{n}种"),
    "F21": ("做实家庭医生签约服务", "对脱贫人口做好家庭医生签约服务，做到应签尽签"),
    "F04": ("开展因病返贫动态监测", "健全因病返贫致贫风险动态监测机制，按月比对数据"),
    "F10": ("深化城乡医院对口帮扶", "组织三级医院对口帮扶县级医院，派驻骨干医师"),
    "F16": ("深入开展爱国卫生运动", "持续开展城乡环境卫生整治，改善人居环境"),
}
LEADS = {"卫生健康": "卫生健康委", "医疗保障": "医疗保障局"}


def _places() -> dict[str, dict[str, list[str]]]:
    tree: dict[str, dict[str, list[str]]] = {}
    with open(HERE / "localities.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            tree.setdefault(row["province"], {}).setdefault(row["prefecture"], []).append(row["county"])
    return tree


def notice_text(place: str, number: str, issued: date | None, parent: dict | None, measures: dict[str, dict]) -> str:
    """A notice of ``place``: its 文号, a preamble implementing ``parent`` (title and 文号), one item per
    measure with its lead unit marked, and its date (none where ``issued`` is None)."""
    title = f"{place}巩固健康扶贫成果衔接乡村振兴工作方案"
    lines = [f"{place}卫生健康委员会", "", number, "", f"关于印发《{title}》的通知", "", "各有关单位：", ""]
    if parent:
        lines.append(f"为贯彻落实《{parent['title']}》（{parent['number']}）精神，结合{place}实际，制定本方案。")
    else:
        lines.append(f"为贯彻落实国家卫生健康委等13部门《关于巩固拓展健康扶贫成果同乡村振兴有效衔接的实施意见》"
                     f"（国卫扶贫发〔2021〕6号）精神，结合{place}实际，制定本方案。")
    lines += ["", "一、重点任务", ""]
    numerals = "一二三四五六七八九十"
    for k, (frame_id, spec) in enumerate(measures.items()):
        heading, body = MEASURES[frame_id]
        unit = place + LEADS[spec["lead"]]
        lines += [f"（{numerals[k]}）{heading}。{body.format(n=spec.get('n', 30))}。（{unit}牵头）", ""]
    lines += ["", f"{place}卫生健康委员会", ""]
    if issued:
        lines.append(f"{issued.year}年{issued.month}月{issued.day}日")
    return "\n".join(lines) + "\n"


def ladders(n: int, seed: int = 20211) -> tuple[dict[str, str], dict]:
    """``n`` ladders: file name -> text, and the key: per file its place, level, date, lag,
    measures (frame id -> target value, lead function), parent file, and per measure whether it
    came from the parent or was added, and how its target and lead changed against the parent."""
    rnd = random.Random(seed)
    tree = _places()
    provinces = sorted(p for p in tree if len(tree[p]) >= 2)
    files: dict[str, str] = {}
    key: dict[str, dict] = {}
    for i in range(n):
        province = provinces[i % len(provinces)]
        province_day = REFERENCE_DAY + timedelta(days=rnd.randint(60, 200))
        province_measures = {f: {"lead": "卫生健康", "n": 30} for f in MEASURES if f != "F16" or rnd.random() < 0.5}
        top = _add(files, key, f"L{i:03d}_0_province.txt", province, "provincial", f"省卫发〔2021〕{10 + i}号",
                   province_day, None, province_measures)
        for j, prefecture in enumerate(sorted(tree[province])[:2]):
            day = province_day + timedelta(days=rnd.randint(15, 90))
            kept = _subset(rnd, province_measures, keep=0.8)
            added = {"F16": {"lead": "卫生健康"}} if "F16" not in province_measures and j == 0 else {}
            measures = {**kept, **added}
            if "F02" in measures:
                measures["F02"] = {"lead": "卫生健康", "n": rnd.choice([30, 34])}
            middle = _add(files, key, f"L{i:03d}_{j + 1}_prefecture.txt", prefecture, "prefecture",
                          f"市卫发〔2021〕{100 + 10 * i + j}号", day, top, measures)
            for k, county in enumerate(sorted(tree[province][prefecture])[:2]):
                undated = j == 1 and k == 1  # one county notice a ladder prints no date
                county_day = day + timedelta(days=rnd.randint(10, 60))
                chosen = _subset(rnd, measures, keep=0.7)
                if "F02" in chosen:
                    chosen["F02"] = {"lead": "卫生健康", "n": rnd.choice([28, 30, 34, 40])}
                if "F03" in chosen and k == 1:
                    chosen["F03"] = {"lead": "医疗保障"}  # responsibility moved to the 医保局
                _add(files, key, f"L{i:03d}_{j + 1}{k + 1}_county.txt", county, "county",
                     f"县卫发〔2021〕{500 + 100 * i + 10 * j + k}号", None if undated else county_day, middle, chosen)
    return files, key


def _subset(rnd: random.Random, measures: dict[str, dict], keep: float) -> dict[str, dict]:
    kept = {f: dict(spec) for f, spec in measures.items() if rnd.random() < keep}
    return kept or {f: dict(spec) for f, spec in list(measures.items())[:1]}


def _add(files, key, name, place, level, number, day, parent_name, measures) -> str:
    parent = key.get(parent_name) if parent_name else None
    files[name] = notice_text(place, number, day, parent and {"title": parent["title"], "number": parent["number"]},
                              measures)
    lag = (day - REFERENCE_DAY).days if day else None
    key[name] = {"place": place, "level": level, "number": number, "date": day.isoformat() if day else None,
                 "lag": lag, "title": f"{place}巩固健康扶贫成果衔接乡村振兴工作方案", "parent": parent_name,
                 "measures": measures,
                 "from_parent": {f: (f in parent["measures"]) for f in measures} if parent else {},
                 "dropped": sorted(set(parent["measures"]) - set(measures)) if parent else [],
                 "target": _target_state(parent, measures), "lead_moved": _leads_moved(parent, measures)}
    return name


def _target_state(parent, measures) -> str | None:
    """F02's value against the parent's: strengthened (more 病种), weakened, same; None if either lacks it."""
    if not parent or "F02" not in measures or "F02" not in parent["measures"]:
        return None
    mine, theirs = measures["F02"]["n"], parent["measures"]["F02"]["n"]
    return "same" if mine == theirs else "strengthened" if mine > theirs else "weakened"


def _leads_moved(parent, measures) -> list[str]:
    if not parent:
        return []
    return sorted(f for f in measures if f in parent["measures"] and measures[f]["lead"] != parent["measures"][f]["lead"])


def write_ladders(n: int, out: Path, seed: int = 20211) -> dict:
    import json

    files, key = ladders(n, seed)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    (out.parent / "ladders-key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return key
