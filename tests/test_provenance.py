"""Where each unit comes from, shown wherever a unit is shown: printed (an inline marker or a
task table), inferred (a duty paragraph's unit attached by shared terms) or implied (the notice's
sole issuer). Kaifeng's notice prints no unit (its sole issuer is implied); Huainan's units come
from its duty paragraph (inferred); Shenmu and Lianyungang print theirs."""

import csv
import html
import json

import pytest
from click.testing import CliRunner

from conftest import HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.cli import cli
from policydiff.compare.diff import lead_comparison, responsibility_between
from policydiff.models import provenance


@pytest.fixture(scope="module")
def db(corpus_db):
    return corpus_db("p.db")


def run(db, *args):
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env={"COLUMNS": "3000"})  # no cell folded
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("source, en, zh", [
    ("inline_marker", "printed", "原文列明"),  # （牵头单位：…） beside the item
    ("task_table", "printed", "原文列明"),  # a task-division table's cell
    ("duty_paragraph", "inferred", "推断（职责分工段）"),  # attached by terms shared with a duty clause
    ("sole_issuer", "implied", "默认（唯一发文机关）"),  # the notice prints no unit
    ("something_else", "unknown", "unknown"),  # never passed off as printed
])
def test_one_function_labels_every_source(source, en, zh):
    assert provenance(source) == en and provenance(source, "zh") == zh


def test_who_says_how_each_unit_reads(db):
    out = run(db, "who", "先诊疗后付费")
    assert "responsible: 开封市卫生健康委员会 (implied)" in out  # the example: no unit printed
    assert "responsible: 民政部门 (inferred: shares " in out  # Huainan: from its duty paragraph
    assert "lead: 市卫健局公卫科 (printed)" in out and "lead: 医政处 (printed)" in out
    assert "responsible: 开封市卫生健康委员会 (printed)" not in out
    assert out.rstrip().splitlines()[-1].startswith("provenance: printed in the notice")  # the legend


def test_who_quotes_the_words_that_attached_an_inferred_unit(db):
    # Huainan prints no unit beside 调整完善住院先诊疗后付费政策: its duty paragraph's 民政部门 clause
    # names 低保对象 and 特困人员, which the item names too
    out = run(db, "who", "先诊疗后付费", "--doc", HUAINAN)
    assert "民政部门 (inferred: shares 低保对象、特困人员 with the item)" in out
    answers = json.loads(run(db, "who", "先诊疗后付费", "--doc", HUAINAN, "--json"))
    units = [u for a in answers for u in a["units"] if u["raw"] == "民政部门"]
    assert units and all(u["shared_terms"] == ["低保对象", "特困人员"] for u in units)


def test_who_json_and_csv_carry_the_provenance(db):
    answers = json.loads(run(db, "who", "先诊疗后付费", "--json"))
    kaifeng = [u for a in answers if a["doc_id"] == KAIFENG for u in a["units"]]
    assert kaifeng and {u["provenance"] for u in kaifeng} == {"implied"}
    rows = list(csv.DictReader(run(db, "who", "先诊疗后付费", "--csv").lstrip("\ufeff").splitlines()))
    by_doc = {(r["doc_id"], r["unit"]): r["provenance"] for r in rows if r["unit"]}
    assert by_doc[(HUAINAN, "民政部门")] == "inferred" and by_doc[(SHENMU, "市卫健局公卫科")] == "printed"


def test_duties_shows_inferred_measures_and_printed_clauses(db):
    answers = json.loads(run(db, "duties", "民政部门", "--json"))
    huainan = [a for a in answers if a["doc_id"] == HUAINAN]
    assert {a["provenance"] for a in huainan if a["kind"] == "measure"} == {"inferred"}
    assert {a["provenance"] for a in huainan if a["kind"] == "duty"} == {"printed"}  # the clause quoted prints it
    out = run(db, "duties", "民政部门")
    assert "provenance" in out and "inferred" in out


@pytest.mark.parametrize("fmt", ["csv", "md", "html"])
def test_matrix_files_mark_each_cell_and_explain_the_marks(db, tmp_path, fmt):
    for doc in ("开封", "淮南", "连云港"):
        out = tmp_path / f"{doc}.{fmt}"
        run(db, "matrix", doc, "-o", str(out))
        text = html.unescape(out.read_text(encoding="utf-8-sig"))
        assert "legend: ● a unit printed as lead" in text and "(implied) the notice's sole issuer" in text
        mark = {"开封": "责任 (implied)", "淮南": "责任 (inferred)", "连云港": "●牵头"}[doc]
        assert mark in text


def test_matrix_terminal_and_xlsx(db, tmp_path):
    assert "责任 (implied)" in run(db, "matrix", "开封")
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    run(db, "matrix", "淮南", "-o", str(out))
    book = load_workbook(out)
    assert book["about"]["A1"].value.startswith("legend:")
    cells = {c.value for row in book[book.sheetnames[1]].iter_rows(min_row=2) for c in row}
    assert "责任 (inferred)" in cells and "●责任" not in cells  # Huainan prints no unit beside its items


@pytest.mark.parametrize("fmt", ["table", "csv", "md", "html", "json"])
def test_diff_compares_printed_units_and_says_when_it_cannot(db, tmp_path, fmt):
    out = tmp_path / f"d.{fmt if fmt != 'table' else 'txt'}"
    args = ["diff", "淮南", "--format", fmt] + (["-o", str(out)] if fmt != "table" else [])
    text = run(db, *args) if fmt == "table" else (run(db, *args), out.read_text(encoding="utf-8-sig"))[1]
    assert "not comparable: only inferred/implied units" in text
    assert "narrower: without" not in text and "wider: adds" not in text  # no verdict on inferred units
    if fmt != "json":
        assert "(inferred)" in text  # the leads shown, labelled


def test_diff_include_inferred_compares_them_labelled(db):
    result = json.loads(run(db, "diff", "淮南", "--format", "json", "--include-inferred"))
    claims = [e["responsibility"] for e in result["entries"] if e["responsibility"]]
    assert claims and all("(with inferred units)" in c for c in claims)
    assert result["include_inferred"] is True


def test_diff_zh_labels(db):
    text = run(db, "diff", "开封", "--format", "csv", "--lang", "zh")
    assert "不可比：仅有推断或默认的单位" in text and "（默认）" in text


def test_compare_reports_no_different_lead_between_inferred_and_implied(db):
    result = json.loads(run(db, "compare", "开封", "淮南", "--format", "json"))
    verdicts = [e["units"] for e in result["entries"] if e["units"]]
    assert verdicts and all(v.startswith("not comparable: only inferred/implied units") for v in verdicts)
    for fmt in ("table", "csv", "md", "html"):
        text = run(db, "compare", "开封", "淮南", "--format", fmt)
        assert "different lead" not in text and "not comparable" in text
        assert "(implied)" in text and "(inferred)" in text


def test_compare_include_inferred_labels_the_verdict(db):
    result = json.loads(run(db, "compare", "开封", "淮南", "--format", "json", "--include-inferred"))
    verdicts = [e["units"] for e in result["entries"] if e["units"]]
    assert verdicts and all(v.endswith("(with implied/inferred units)") or v.endswith("(with inferred/implied units)")
                            for v in verdicts)


def test_compare_printed_sides_still_compare(db):
    result = json.loads(run(db, "compare", "神木", "连云港", "--format", "json"))
    assert any(e["units"] in ("same lead", "different lead") for e in result["entries"])


@pytest.mark.parametrize("ref, local, expected", [
    ([("卫生健康", "printed")], [("卫生健康", "printed")], "same"),  # both printed: compared
    ([("卫生健康", "printed")], [("民政", "inferred")], "not comparable: only inferred/implied units (local: inferred)"),
    ([("卫生健康", "printed")], [("卫生健康", "printed"), ("民政", "inferred")], "same"),  # the inferred one left out
    ([], [("民政", "inferred")], None),  # the reference names no unit: nothing to compare
])
def test_responsibility_between(ref, local, expected):
    def units(pairs):
        return [{"function": f, "provenance": p} for f, p in pairs]
    assert responsibility_between(units(ref), units(local)) == expected


def test_lead_comparison_between_inferred_and_implied():
    a = [{"function": "卫生健康", "provenance": "implied"}]
    b = [{"function": "民政", "provenance": "inferred"}]
    assert lead_comparison(a, b).startswith("not comparable")
    assert lead_comparison(a, b, include_inferred=True) == "different lead (with implied/inferred units)"


@pytest.mark.parametrize("a, b, expected", [
    # both sides print a lead: the leads are compared
    ([("卫生健康", "lead")], [("卫生健康", "lead"), ("民政", "responsible")], "same lead"),
    # the lead compared, not the first-listed responsible unit before it
    ([("医疗保障", "responsible"), ("卫生健康", "lead")], [("卫生健康", "lead")], "same lead"),
    # a side prints only 责任 units: no "lead" verdict, the responsible units are compared as such
    ([("卫生健康", "responsible")], [("卫生健康", "lead")], "same responsible unit"),
    ([("医疗保障", "responsible")], [("民政", "responsible")], "different responsible unit"),
])
def test_lead_comparison_does_not_call_responsible_units_leads(a, b, expected):
    def units(pairs):
        return [{"function": f, "provenance": "printed", "role": r} for f, r in pairs]
    assert lead_comparison(units(a), units(b)) == expected


def test_a_printed_responsible_unit_is_shown_as_such():
    from policydiff.compare.diff import lead_units, shown
    units = lead_units([{"units": [
        {"role": "lead", "function": "卫生健康", "raw": "县卫健局", "source": "inline_marker"},
        {"role": "responsible", "function": "医疗保障", "raw": "县医保局", "source": "inline_marker"},
        {"role": "responsible", "function": "民政", "raw": "民政部门", "source": "duty_paragraph"}]}])
    # names as printed, the function compared in brackets (probe d4 #4)
    assert shown(units) == "县卫健局（卫生健康）、县医保局（医疗保障） (responsible)、民政部门（民政） (inferred)"


def test_heat_map_counts_printed_units(records):
    from policydiff.compare.align import align_document
    from policydiff.compare.frame import FRAME_PATH, load_frame
    from policydiff.graph import responsibility_graph
    from policydiff.report.pictures import function_entry_counts

    entries = load_frame(FRAME_PATH)["entries"]
    graph = responsibility_graph(list(records.values()), {d: align_document(r, entries) for d, r in records.items()})
    every = function_entry_counts(graph)
    printed = function_entry_counts(graph, printed_only=True)
    assert KAIFENG in every[("卫生健康", "先诊疗后付费")][0]
    assert KAIFENG not in printed[("卫生健康", "先诊疗后付费")][0]  # implied: not counted as printed
    assert LIANYUNGANG in printed[("卫生健康", "先诊疗后付费")][0]


def test_browser_matrix_has_a_provenance_column(db):
    import sqlite_utils

    from policydiff.report.web import matrix_rows

    rows = matrix_rows(sqlite_utils.Database(db), "开封")
    assert rows and {r["provenance"] for r in rows} == {"implied"}
