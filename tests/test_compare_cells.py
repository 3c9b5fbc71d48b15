"""``compare A B`` cells: an entry a side holds only inside an item about something else is said to be merged
there, never shown as that item (probe d4: （三）做好老年人健康服务 named as 爱国卫生运动's item)."""

import pytest

from policydiff.compare.diff import compare_table


def _row(where: str, status: str, path: str, quote: str, measures: list[tuple[str, str]]) -> dict:
    side = {"status": status, "coverage": {"covered": where != "not found", "where": where, "path": path,
                                            "quote": quote},
            "measures": [{"path": p, "title": t} for p, t in measures], "lead_units": [], "other_clause_units": []}
    return {"frame_id": "F16", "label": "爱国卫生运动", "units": None,
            **{f"{s}_{k}": v for s in "ab" for k, v in side.items()}}


CELLS = [
    # the entry's own item (heading aligned): the item is named
    ("own item", "adopted", "二/（三）", "深入开展爱国卫生运动。", [("二/（三）", "深入开展爱国卫生运动")],
     "二/（三） 深入开展爱国卫生运动"),
    # aligned by a sentence of an item about old people: merged, the sentence naming the topic quoted
    ("inside another item", "merged", "二/（三）", "同步推进爱国卫生运动。", [("二/（三）", "做好老年人健康服务")],
     "merged (inside another item: 二/（三） 同步推进爱国卫生运动。)"),
    # not covered: the status alone
    ("not found", "omitted", None, None, [], "omitted"),
]


@pytest.mark.parametrize("where, status, path, quote, measures, expected", CELLS)
def test_a_compare_cell_names_an_item_only_when_it_is_the_entrys(where, status, path, quote, measures, expected):
    result = {"a": {"locality": "渭原市", "id": "a"}, "b": {"locality": "青川县", "id": "b"}, "entries":
              [_row(where, status, path, quote, measures)], "a_additions": [], "b_additions": [], "target_deltas": []}
    rows, columns = compare_table(result)
    assert rows[0][columns[2]] == expected


def _delta(indicator: str, a: float, b: float, change: str, wording=None) -> dict:
    return {"indicator": indicator, "a": {"comparator": ">=", "value": a, "unit": "%"},
            "b": {"comparator": ">=", "value": b, "unit": "%"}, "b_vs_a": change, "wording": wording}


DELTAS = [
    # a higher floor on side B: the verdict in the target column, the units column empty
    (_delta("脱贫人口家庭医生签约率", 95, 98, "strengthened"), "青川县 vs 渭原市: strengthened"),
    # a lower floor: weakened, same place
    (_delta("县域内就诊率", 90, 85, "weakened"), "青川县 vs 渭原市: weakened"),
    # the same value reworded: the reworded phrases stay with the verdict
    (_delta("二级医院达标率", 100, 100, "same value, reworded", {"added": ["甲等"], "dropped": []}),
     "青川县 vs 渭原市: same value, reworded (+甲等)"),
]


@pytest.mark.parametrize("delta, verdict", DELTAS)
def test_a_target_rows_verdict_has_its_own_column_in_every_format(delta, verdict):
    from policydiff.compare.diff import TARGET_CHANGE
    from policydiff.report.export import compare_html

    result = {"a": {"locality": "渭原市", "id": "a"}, "b": {"locality": "青川县", "id": "b"}, "entries": [],
              "a_additions": [], "b_additions": [], "target_deltas": [delta], "reference": {"name": "frame"}}
    rows, columns = compare_table(result)
    assert TARGET_CHANGE in columns and rows[0][TARGET_CHANGE] == verdict
    assert not rows[0].get("units")  # the units column holds units only
    page = compare_html(result)
    assert f"<td></td><td>{verdict}</td></tr>" in page  # HTML: an empty units cell, then the verdict's own
    assert "<th>units</th><th>target change</th>" in page
