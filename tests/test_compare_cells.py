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
