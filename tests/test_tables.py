"""Annex tables: the Lianyungang task-division table and the indicator tables."""

from conftest import GUANGXI, HUAINAN, LIANYUNGANG

LIANYUNGANG_LEADS = {
    1: ["医政处"], 2: ["基层卫生处"], 3: ["医政处"], 4: ["医政处", "医改办"],
    5: [],  # its cell reads 财务处、…疾控处按照职责分工分别负责: responsible, not lead (below)
    6: ["中医处"], 7: ["医政处", "医改办"], 8: ["疾控处"], 9: ["规划信息处", "医政处"], 10: ["科教处"],
    11: ["政治处"], 12: ["疾控处"], 13: ["妇幼处"], 14: ["爱卫办", "疾控处"], 15: ["财务处"],
    16: ["规划信息处"], 17: ["财务处", "委相关业务处室"], 18: ["宣传处"],
}


def test_lianyungang_task_table_has_18_rows_with_the_annex_leads(records):
    rows = records[LIANYUNGANG]["task_table"]
    assert [r["no"] for r in rows] == list(range(1, 19))
    assert {r["no"]: r["lead"] for r in rows} == LIANYUNGANG_LEADS
    assert rows[4]["responsible"] == ["财务处", "规划信息处", "医政处", "医改办", "妇幼处", "基层卫生处", "疾控处"]


def test_row_broken_across_a_page_is_one_row(records):
    row8 = records[LIANYUNGANG]["task_table"][7]
    assert row8["task"] == "加大对经济薄弱地区疾病预防控制机构的对口帮扶力度。"
    text = records[LIANYUNGANG]["text"]
    assert [text[s:e] for s, e in row8["task_spans"]] == ["加大对经济薄弱地区疾病预防控制机构的对口帮扶", "力度。"]
    assert text[row8["span"][0]:row8["span"][1]].endswith("\t疾控处\n\t力度。")  # the span covers both pieces


def test_task_rows_link_to_the_measures_they_restate(records):
    links = {r["no"]: r["measure_path"] for r in records[LIANYUNGANG]["task_table"]}
    assert links[1] == "一/（一）" and links[3] == "一/（三）"
    assert links[4] == links[5] == links[6] == "二/（四）"  # three rows restate one measure
    assert links[8] == "二/（五）"  # the broken row
    assert links[10] == links[11] == "二/（七）"  # shortened, merged sentences
    assert links[17] == links[18] == "四/（十四）"
    measures = {m["path"]: m for m in records[LIANYUNGANG]["measures"]}
    assert measures["一/（三）"]["lead_units"] == ["医政处"]
    assert measures["四/（十一）"]["lead_units"] == []  # no row restates 压实攻坚责任


def test_guangxi_and_huainan_indicator_tables(records):
    for doc_id in (GUANGXI, HUAINAN):
        rows = records[doc_id]["annex_indicators"]
        assert [r["no"] for r in rows] == [1, 2, 3, 4, 5, 6]
        assert [r["binding"] for r in rows] == ["约束性"] * 3 + ["预期性"] + ["约束性"] * 2
    assert records[GUANGXI]["annex_indicators"][4]["indicator"] == "大病专项救治病种≥30种"
    assert records[HUAINAN]["annex_indicators"][4]["indicator"] == "大病专项救治病种≥34种"
    assert records[HUAINAN]["annex_indicators"][1]["indicator"].endswith("达到三级医院服务能力")  # rejoined cell
