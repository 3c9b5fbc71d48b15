"""who / duties / matrix on the bundled corpus: key rows pinned by reading the notices."""

import csv
import json

import pytest
from click.testing import CliRunner
from test_tables import LIANYUNGANG_LEADS

from conftest import CORPUS, GUANGXI, LIANYUNGANG, SHENMU
from policydiff.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "p.db"
    assert CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(path), "--workers", "1"]).exit_code == 0
    return path


def who(db, *args):
    result = CliRunner().invoke(cli, ["who", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def units_of(answers, doc_id, path=None):
    return [(u["role"], u["raw"]) for a in answers if a["doc_id"] == doc_id and (path is None or a["path"] == path)
            for u in a["units"]]


def test_who_xianzhenliao(db):
    answers = who(db, "先诊疗后付费")
    assert ("lead", "市卫健局公卫科") in units_of(answers, SHENMU, "二/（二）")
    guangxi = units_of(answers, GUANGXI, "二/（一）/3")
    assert ("responsible", "自治区卫生健康委") in guangxi and ("responsible", "医保局") in guangxi
    assert ("lead", "医政处") in units_of(answers, LIANYUNGANG, "附件/表/3")  # the annex row
    # the measure about it ranks above passing mentions
    assert answers[0]["title"].endswith(("先诊疗后付费政策", "先诊疗后付费”政策落实质量", "抓实“先诊疗后付费”"))


def test_who_answers_carry_canonical_units_and_quoted_evidence(db, records):
    answers = who(db, "先诊疗后付费", "--doc", "神木")
    unit = answers[0]["units"][0]
    assert unit["canonical"] == "神木市卫生健康局公卫科"
    start, end = answers[0]["span"]
    assert records[SHENMU]["text"][start:end] == answers[0]["evidence"]


@pytest.mark.parametrize("topic, doc_id", [
    ("家庭医生签约", LIANYUNGANG),  # 提高低收入人口家庭医生签约服务质量 → 基层卫生处
    ("尘肺病", GUANGXI),
    ("大病专项救治", SHENMU),
    ("远程医疗", SHENMU),
    ("医保", GUANGXI),  # two characters
    ("中医馆", SHENMU),
])
def test_who_finds_topics(db, topic, doc_id):
    assert any(a["doc_id"] == doc_id for a in who(db, topic))


def test_who_role_and_level_filters(db):
    answers = who(db, "先诊疗后付费", "--role", "lead", "--level", "county")
    assert {a["doc_id"] for a in answers} == {SHENMU}
    assert all(u["role"] == "lead" for a in answers for u in a["units"])


@pytest.mark.parametrize("query", ['"', "医保 OR 1=1", "'; drop table measures; --", "NEAR(医保", "*", "x" * 10_000, ""])
def test_hostile_queries_answer_or_refuse(db, query):
    result = CliRunner().invoke(cli, ["who", query, "--db", str(db)])
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.startswith("Error: ")


def test_duties_of_a_unit(db):
    result = CliRunner().invoke(cli, ["duties", "民政局", "--db", str(db), "--json"])
    answers = json.loads(result.output)
    assert {a["doc_id"] for a in answers} >= {SHENMU, GUANGXI}
    assert any(a["kind"] == "duty" and a["raw"] == "民政局" for a in answers)
    division = json.loads(CliRunner().invoke(cli, ["duties", "公卫科", "--db", str(db), "--json"]).output)
    assert {a["path"] for a in division} >= {"二/（一）", "二/（二）"}


def test_lianyungang_matrix_reproduces_the_annex(db, tmp_path):
    out = tmp_path / "m.csv"
    result = CliRunner().invoke(cli, ["matrix", "连云港", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel in a Chinese office reads UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 18
    for row in rows:
        leads = [unit for unit, cell in row.items() if cell == "牵头"]
        assert sorted(leads) == sorted(LIANYUNGANG_LEADS[int(row["序号"])])
    assert list(rows[0])[3] == "医政处"  # columns ordered by how many tasks a unit leads


def test_xlsx_matrix_reloads(db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    assert CliRunner().invoke(cli, ["matrix", "神木", "连云港", "--db", str(db), "-o", str(out)]).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["神木市", "连云港市"]
    sheet = book["神木市"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["序号", "path", "工作任务", "市卫健局公卫科"]
    assert sheet.max_row == 19  # 18 measures


def test_matrix_across(db):
    result = CliRunner().invoke(cli, ["matrix", "--across", "--db", str(db), "--format", "json"])
    rows = json.loads(result.output)
    row = next(r for r in rows if r["label"] == "先诊疗后付费")
    assert row["神木市（神卫健发〔2021〕64号）"] == "卫生健康"
    assert row["连云港市（连卫财务〔2018〕44号）"] == "卫生健康"


def test_a_heading_about_the_topic_ranks_above_passing_mentions(db):
    measures = [a for a in who(db, "大病专项救治") if a["kind"] == "measure"]
    headed = {(a["doc_id"], a["path"]) for a in measures[:2]}
    assert headed == {(LIANYUNGANG, "一/（一）"), ("002_d42e0784fee43d55", "四/一是")}  # 大病专项救治 in the heading
    assert measures.index(next(a for a in measures if a["doc_id"] == SHENMU)) >= 2  # only in Shenmu's text


@pytest.mark.parametrize("query", ["_", "!"])
def test_like_wildcards_in_a_query_match_themselves(db, query):
    assert who(db, query) == []  # no notice prints these characters


def test_a_percent_sign_is_searched_as_printed(db, records):
    answers = who(db, "%")
    assert answers and all("%" in records[a["doc_id"]]["text"][a["span"][0]:a["span"][1]] or "%" in a["title"]
                           or a["kind"] != "measure" for a in answers)


@pytest.mark.parametrize("topic, doc, expected, quoted", [
    ("远程医疗", "淮南市", {"二/（二）/12", "部门职责"}, ("远程", "互联网")),  # not a 婴幼儿 measure through 发展
    ("大病专项救治", None, {"一/（一）", "四/一是"}, ("大病", "救治")),  # not 家庭医生签约 through 低收入
])
def test_every_answer_quotes_the_topic_or_a_synonym(db, topic, doc, expected, quoted):
    """Widening by the frame's key terms must not bring in measures that only share a
    heading word with the topic's frame entry."""
    answers = who(db, topic, *(["--doc", doc] if doc else []))
    assert {a["path"] for a in answers} >= expected
    for a in answers:
        assert any(term in a["evidence"] for term in quoted), (a["locality"], a["path"])
