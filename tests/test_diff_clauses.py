"""diff, compare and adoption answer for an entry with the units of the clauses that cover it: an
item whose clauses print their own units (一是…（牵头单位：甲）。二是…（牵头单位：乙）) never lends one
clause's units to another entry; the others are named apart as another clause's (as ``who`` does).
The notice is written for these tests, in the shape of county work plans."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from policydiff import store
from policydiff.cli import cli
from policydiff.compare.diff import choose_reference, compare, diff_document

NOTICE = ("桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知\n桐卫发〔2021〕9号\n各镇卫生院：\n一、主要任务\n"
          "（一）提升基层服务能力。一是加强村卫生室标准化建设，消除村卫生室“空白点”（牵头单位：县卫健局；配合单位：县财政局）。"
          "二是加强乡村医生队伍建设，落实乡村医生待遇（牵头单位：县人社局）。\n"
          "（二）落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费，不缴纳住院押金（责任单位：县医保局）。\n"
          "（三）做实家庭医生签约服务。一是做实脱贫人口家庭医生签约服务，做到应签尽签（牵头单位：县卫健局基层股）。"
          "二是加强远程医疗建设，推进远程会诊（牵头单位：县人民医院）。\n"
          "（四）做好老年人健康服务。开展老年人健康体检（牵头单位：县中医院）。同时深入开展爱国卫生运动，改善农村人居环境。\n"
          "桐江县卫生健康局\n2021年5月6日\n")
OTHER = ("梧山县卫生健康局关于印发梧山县健康帮扶方案的通知\n梧卫发〔2021〕3号\n各镇卫生院：\n一、主要任务\n"
         "（一）做实家庭医生签约服务。为脱贫人口提供家庭医生签约服务，做到应签尽签（牵头单位：县卫健局）。\n"
         "梧山县卫生健康局\n2021年6月1日\n")

# a unit whose name holds a topic's cue (县疾控中心: 疾控中心), printed only in a marker
NAMED_ONLY = ("禾川县卫生健康局关于印发禾川县老年健康服务方案的通知\n禾卫发〔2021〕10号\n各镇卫生院：\n一、主要任务\n"
              "（一）做好老年人健康服务。开展老年人健康体检和健康知识普及进乡村活动（牵头单位：县疾控中心）。\n"
              "禾川县卫生健康局\n2021年5月8日\n")

CASES = [
    # (entry, where, units shown (role, raw), units named as another clause's) — one shape a row
    # a clause of a longer item (一是) whose bracket holds a lead and a support split by ；: both, not 二是's lead
    ("F01", "inside another item", [("lead", "县卫健局"), ("support", "县财政局")], [("lead", "县人社局")]),
    # 二是 of the same item: its own lead only, 一是's two named apart
    ("F08", "inside another item", [("lead", "县人社局")], [("lead", "县卫健局"), ("support", "县财政局")]),
    # an item of its own by its heading, whose 一是 prints the heading's unit and 二是 another topic's
    ("F21", "own item", [("lead", "县卫健局基层股")], [("lead", "县人民医院")]),
    # the other topic (二是) merged into that item: 二是's unit, not the heading's
    ("F11", "inside another item", [("lead", "县人民医院")], [("lead", "县卫健局基层股")]),
    # one marker closing the whole item: every unit of it, none set apart
    ("F03", "own item", [("responsible", "县医保局")], []),
    # an item aligned by its text (its heading is about old people): the entry is inside it, not its own item
    # (probe d4 #3); its words stand in a sentence after its only marker: that marker's unit is another clause's
    ("F16", "inside another item", [], [("lead", "县中医院")]),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clauses")
    (folder / "tong.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "wu.txt").write_text(OTHER, encoding="utf-8")
    (folder / "he.txt").write_text(NAMED_ONLY, encoding="utf-8")
    path = folder / "c.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def adoptions(db_path):
    out = CliRunner().invoke(cli, ["adoption", "--db", str(db_path), "--format", "json"]).output
    return {(r["doc_id"], r["frame_id"]): r for r in json.loads(out)["adoptions"]}


def _pairs(units) -> list[tuple[str, str]]:
    return [(u["role"], u["raw"]) for u in units]


@pytest.mark.parametrize("frame_id, where, shown, others", CASES, ids=[c[0] for c in CASES])
def test_adoption_gives_the_covering_clauses_units(adoptions, frame_id, where, shown, others):
    row = adoptions[("tong", frame_id)]
    assert row["where"] == where
    assert _pairs(row["units"]) == shown
    assert _pairs(row["other_clause_units"]) == others


@pytest.mark.parametrize("frame_id, where, shown, others", CASES, ids=[c[0] for c in CASES])
def test_diff_gives_the_covering_clauses_units(db_path, frame_id, where, shown, others):
    db = store.open_db(db_path)
    result = diff_document(store.load_record(db, "tong"), choose_reference(db))
    entry = next(e for e in result["entries"] if e["frame_id"] == frame_id)
    assert entry["where"] == where
    assert (_pairs(entry["local_units"]), _pairs(entry["other_clause_units"])) == (shown, others)
    # responsibility is compared over the functions of the units shown, never of another clause's
    assert {u["function"] for u in entry["local_lead_units"]} == {
        u["function"] or u["raw"] for u in entry["local_units"] if u["role"] in ("lead", "responsible")}


def test_every_output_names_the_other_clauses_units(db_path, tmp_path):
    # F21's own item: 县人民医院 (二是's lead) is named as another clause's in the terminal, CSV, Markdown and HTML
    for fmt in ("table", "csv", "md", "html"):
        out = CliRunner().invoke(cli, ["diff", "tong", "--db", str(db_path), "--format", fmt]).output
        assert "other clause units" in out and "lead: 县人民医院" in out, fmt
    out = CliRunner().invoke(cli, ["diff", "tong", "--db", str(db_path), "--format", "csv"]).output
    rows = list(csv.DictReader(io.StringIO(_csv_body(out))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["F21"]["other clause units"] == "lead: 县人民医院"
    assert by_id["F11"]["other clause units"] == "lead: 县卫健局基层股"
    adoption = CliRunner().invoke(cli, ["adoption", "F21", "--db", str(db_path), "--format", "csv"]).output
    [row] = [r for r in csv.DictReader(io.StringIO(_csv_body(adoption))) if r["doc_id"] == "tong"]
    assert (row["units"], row["other_clause_units"]) == ("lead: 县卫健局基层股", "lead: 县人民医院")
    terminal = CliRunner().invoke(cli, ["adoption", "F21", "--db", str(db_path)]).output
    assert "other clauses: lead: 县人民医院" in terminal.replace("\n", "")


def test_compare_names_each_sides_other_clauses(db_path):
    db = store.open_db(db_path)
    result = compare(store.load_record(db, "tong"), store.load_record(db, "wu"), choose_reference(db))
    row = next(e for e in result["entries"] if e["frame_id"] == "F21")
    assert (_pairs(row["a_other_clause_units"]), row["b_other_clause_units"]) == ([("lead", "县人民医院")], [])
    out = CliRunner().invoke(cli, ["compare", "tong", "wu", "--db", str(db_path), "--format", "csv"]).output
    [f21] = [r for r in csv.DictReader(io.StringIO(_csv_body(out))) if r["id"] == "F21"]
    assert f21["桐江县 other clause units"] == "lead: 县人民医院"


def _csv_body(text: str) -> str:
    """A CSV output without its ``#`` header lines."""
    return "\n".join(line for line in text.lstrip("\ufeff").splitlines() if not line.startswith("#"))


QUOTE_CASES = [
    # (notice, entry, where, quote) — what a reader checks the claim against
    # an item aligned by the words of its text, not its heading: the sentence printing them is quoted, not the heading
    ("tong", "F16", "inside another item", "做好老年人健康服务: 同时深入开展爱国卫生运动，改善农村人居环境。"),
    # a ；inside a marker's bracket is no stop: the bracket is quoted whole, the support unit shown is printed there
    ("tong", "F01", "inside another item",
     "一是加强村卫生室标准化建设，消除村卫生室“空白点”（牵头单位：县卫健局；配合单位：县财政局）。"),
    # a cue printed only in a unit's name (（牵头单位：县疾控中心）): no sentence about 疾控中心, no row
    ("he", "F07", None, None),
    # the same sentence still covers what it speaks of (健康知识普及)
    ("he", "F15", "inside another item", "开展老年人健康体检和健康知识普及进乡村活动（牵头单位：县疾控中心）。"),
]


@pytest.mark.parametrize("doc_id, frame_id, where, quote", QUOTE_CASES, ids=[f"{c[0]}-{c[1]}" for c in QUOTE_CASES])
def test_a_claim_quotes_what_matched(adoptions, db_path, doc_id, frame_id, where, quote):
    row = adoptions.get((doc_id, frame_id)) or {}
    assert (row.get("where"), row.get("quote")) == (where, quote)
    if quote:
        assert all(term in quote for term in row["matched_terms"])
    db = store.open_db(db_path)
    entry = next(e for e in diff_document(store.load_record(db, doc_id), choose_reference(db))["entries"]
                 if e["frame_id"] == frame_id)
    assert entry["covered"] == bool(where)


# ------------------------------------------------------------------ the figures a row shows are its clauses' too

def _county_plan(item: str) -> str:
    return ("桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知\n桐卫发〔2021〕9号\n各镇卫生院：\n一、主要任务\n"
            f"{item}\n桐江县卫生健康局\n2021年5月6日\n")


TARGET_CLAUSES = [
    # (the item, entry, the indicators of the figures its adoption row shows)
    # 一是 and 二是 each with a figure and its own bracket: the signing entry (own item by its heading) shows 一是's
    # figure only, not 二是's 100% beside another clause's lead
    ("（三）做实家庭医生签约服务。一是做实脱贫人口家庭医生签约服务，重点人群签约率达到80%以上（牵头单位：县卫健局基层股）。"
     "二是加强远程医疗建设，远程医疗服务覆盖率达到100%（牵头单位：县人民医院）。", "F21", ["重点人群签约率"]),
    # the same item: the entry merged into it (二是) shows 二是's figure, not 一是's
    ("（三）做实家庭医生签约服务。一是做实脱贫人口家庭医生签约服务，重点人群签约率达到80%以上（牵头单位：县卫健局基层股）。"
     "二是加强远程医疗建设，远程医疗服务覆盖率达到100%（牵头单位：县人民医院）。", "F11", ["远程医疗服务覆盖率"]),
    # one bracket closing the whole item after both figures: one clause, both figures the item's
    ("（三）做实家庭医生签约服务。做实脱贫人口家庭医生签约服务，重点人群签约率达到80%以上，"
     "履约率达到90%以上。（责任单位：县卫健局基层股）", "F21", ["重点人群签约率", "履约率"]),
    # a figure in a sentence after the item's last bracket stands in no clause of its own: the item's, kept
    ("（三）做实家庭医生签约服务。一是做实脱贫人口家庭医生签约服务，重点人群签约率达到80%以上（牵头单位：县卫健局基层股）。"
     "二是加强远程医疗建设（牵头单位：县人民医院）。到2025年，签约服务覆盖率达到95%以上。", "F21",
     ["重点人群签约率", "签约服务覆盖率"]),
]


@pytest.mark.parametrize("item, frame_id, indicators", TARGET_CLAUSES, ids=[f"{i}-{r[1]}" for i, r in enumerate(TARGET_CLAUSES)])
def test_an_adoption_row_shows_the_figures_of_its_clauses_only(tmp_path, item, frame_id, indicators):
    from conftest import ingested_texts

    db_path = ingested_texts(tmp_path, {"tong": _county_plan(item)})
    out = CliRunner().invoke(cli, ["adoption", frame_id, "--db", str(db_path), "--format", "json"]).output
    [row] = [r for r in json.loads(out)["adoptions"] if r["doc_id"] == "tong"]
    assert [t["indicator"] for t in row["targets"]] == indicators


PARENT = ("青梧市卫生健康委员会关于做实家庭医生签约服务的通知\n青卫基层发〔2022〕12号\n各县（区）卫生健康局：\n"
          "一、做实家庭医生签约服务。为脱贫人口提供家庭医生签约服务，家庭医生签约服务覆盖率达到80%以上（牵头单位：市卫健委基层科）。\n"
          "青梧市卫生健康委员会\n2022年3月1日\n")
CHILD = ("桐江县卫生健康局关于转发青梧市卫生健康委员会做实家庭医生签约服务的通知\n桐卫发〔2022〕5号\n各镇卫生院：\n"
         "现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）转发给你们，请认真贯彻执行。\n"
         "一、做实家庭医生签约服务。一是家庭医生签约服务覆盖率达到85%以上（牵头单位：县卫健局基层股）；"
         "二是加强远程医疗建设，远程医疗服务覆盖率达到100%（牵头单位：县人民医院）。\n"
         "桐江县卫生健康局\n2022年3月20日\n")


def test_a_parent_diff_compares_the_covering_clauses_figures_only(tmp_path):
    # both 覆盖率 in %: 二是's 100% (远程医疗, another clause's lead) was compared with the parent's signing rate
    from conftest import ingested_texts

    db_path = ingested_texts(tmp_path, {"pref": PARENT, "county": CHILD})
    out = CliRunner().invoke(cli, ["diff", "county", "--against", "parent", "--db", str(db_path), "--format", "json"])
    states = {r["entry"]: (r["state"], r["targets"]) for r in json.loads(out.output)["entries"]}
    assert states["家庭医生签约服务"] == ("kept", "strengthened: ≥80% → ≥85%")


# ------------------------------------------------------------------ where a row's units are printed, quoted

def _prefecture_plan(items: str) -> str:
    return ("甘南藏族自治州卫生健康委员会文件\n关于印发甘南州健康帮扶重点任务的通知\n州卫发〔2022〕30号\n\n各县市卫生健康局：\n"
            "现将《甘南州健康帮扶重点任务》印发给你们，请认真贯彻落实。\n\n甘南藏族自治州卫生健康委员会\n2022年6月9日\n\n"
            f"一、重点任务\n{items}\n")


UNITS_PRINTED_AT = [
    # (items, entry, what prints the row's units — the heading sentence quoted names none of them)
    # the bracket on its own line after a blank line, ASCII brackets
    ("（一）落实先诊疗后付费政策。在县域内定点医疗机构住院实行先诊疗后付费，入院时不缴纳押金。\n\n"
     "(责任单位:州医保局、州卫生健康委)", "F03", "（责任单位:州医保局、州卫生健康委）"),
    # the label alone on its line, the bracket of names on the next, a later name without 州
    ("（二）做好家庭医生签约服务。对脱贫人口开展家庭医生签约服务。\n责任单位:\n(卫生健康委、各县市人民政府)", "F21",
     "责任单位:\n（卫生健康委、各县市人民政府）"),
    # the bracket opened with its label at the end of the text's line, the names after a blank line
    ("（三）加强大病专项救治。大病专项救治病种扩大到30种。(责任单位:\n\n医保局)", "F02", "(责任单位:\n医保局)"),
]


@pytest.mark.parametrize("items, frame_id, printed", UNITS_PRINTED_AT, ids=[r[1] for r in UNITS_PRINTED_AT])
def test_adoption_and_diff_quote_where_the_units_are_printed(tmp_path, items, frame_id, printed):
    from conftest import ingested_texts

    notice = _prefecture_plan(items)
    db_path = ingested_texts(tmp_path, {"zhou": notice})
    text = store.document_text(store.open_db(db_path), "zhou")
    out = CliRunner().invoke(cli, ["adoption", frame_id, "--db", str(db_path), "--format", "json"]).output
    [row] = json.loads(out)["adoptions"]
    start, end = (int(x) for x in row["units_quote"][1:row["units_quote"].index("]")].split(":"))
    assert row["units_quote"] == f"[{start}:{end}] {printed}" and text[start:end] == printed
    assert all(u["raw"] in printed for u in row["units"]) and not any(u["raw"] in row["quote"] for u in row["units"])
    adoption_csv = CliRunner().invoke(cli, ["adoption", frame_id, "--db", str(db_path), "--format", "csv"]).output
    [cells] = list(csv.DictReader(io.StringIO(_csv_body(adoption_csv))))
    assert cells["units_quote"] == row["units_quote"]
    terminal = CliRunner().invoke(cli, ["adoption", frame_id, "--db", str(db_path)]).output
    assert f"named at: [{start}:{end}]" in terminal
    diff_csv = CliRunner().invoke(cli, ["diff", "zhou", "--db", str(db_path), "--format", "csv"]).output
    [entry] = [r for r in csv.DictReader(io.StringIO(_csv_body(diff_csv))) if r["id"] == frame_id]
    assert entry["local units printed at"] == row["units_quote"]
    for fmt in ("md", "html"):
        shown = CliRunner().invoke(cli, ["diff", "zhou", "--db", str(db_path), "--format", fmt]).output
        assert f"[{start}:{end}]" in shown, fmt
    compare_csv = CliRunner().invoke(cli, ["compare", "zhou", "zhou", "--db", str(db_path), "--format", "csv"]).output
    [side] = [r for r in csv.DictReader(io.StringIO(_csv_body(compare_csv))) if r["id"] == frame_id]
    assert [v for k, v in side.items() if k.endswith("units printed at")] == [row["units_quote"]] * 2
    compare_html = CliRunner().invoke(cli, ["compare", "zhou", "zhou", "--db", str(db_path), "--format", "html"]).output
    assert f"units printed at: [{start}:{end}]" in compare_html


def test_a_row_whose_quote_prints_its_units_quotes_nothing_apart(tmp_path):
    # the item's one sentence holds its bracket: the quote shows the units where they stand, nothing is added
    from conftest import ingested_texts

    db_path = ingested_texts(tmp_path, {"zhou": _prefecture_plan("（二）提高家庭医生签约服务质量（责任单位：州医保局）。")})
    out = CliRunner().invoke(cli, ["adoption", "F21", "--db", str(db_path), "--format", "json"]).output
    [row] = json.loads(out)["adoptions"]
    assert "州医保局" in row["quote"] and row["units_quote"] == ""
    who = CliRunner().invoke(cli, ["who", "家庭医生签约", "--db", str(db_path), "--exact"]).output
    assert "units named at" not in who
