"""A page that explains a notice (genre 解读) is answered as what it is: who and duties mark it, diff and
compare never call one of its entries adopted, omitted or date unknown, adoption leaves it off the ladder.
The notice and the pages are written for these tests, in the shape of a county portal's 解读."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import ingested_texts
from policydiff.cli import cli

NOTICE = ("桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知\n桐卫发〔2021〕9号\n各镇卫生院：\n一、主要任务\n"
          "（一）落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费（责任单位：县医保局）。\n"
          "（二）做实家庭医生签约服务。为脱贫人口做实家庭医生签约服务，做到应签尽签（牵头单位：县卫健局基层股）。\n"
          "桐江县卫生健康局\n2021年5月6日\n")
EXPLAINED = ("《桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知》桐卫发〔2021〕9号文件解读\n"
             "发布时间：2021-05-12 浏览次数：57\n一、制定背景\n"
             "为巩固拓展健康扶贫成果，依据《青梧市健康帮扶实施方案》（青卫发〔2021〕4号），结合我县实际制定本方案。\n"
             "二、主要内容\n方案提出做实脱贫人口家庭医生签约服务，做到应签尽签；脱贫人口住院实行先诊疗后付费。\n"
             "三、起草过程\n县卫生健康局征求了县财政局、县医保局和各镇卫生院意见。\n")
PAGES = {
    "tong": NOTICE,
    # a 文件解读 page printing no date of its own (a portal's 发布时间 line only)
    "jd": EXPLAINED + "原文：桐卫发〔2021〕9号\n",
    # a 政策解读 page signed and dated: dated, it still omits nothing
    "jd2": EXPLAINED.replace("文件解读", "政策解读") + "桐江县卫生健康局\n2021年5月12日\n",
}
NOT_FOR_A_PAGE = {"adopted", "merged", "omitted", "date unknown", "predates reference", "in goals only",
                  "in duties only", "in annex only"}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingested_texts(tmp_path_factory.mktemp("jd"), PAGES, "j.db")


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO("\n".join(
        line for line in text.lstrip("\ufeff").splitlines() if not line.startswith("#")))))


def test_who_marks_the_answers_of_a_page_explaining_a_notice(db):
    answers = json.loads(run("who", "签约", "--db", db, "--json").output)
    assert {a["doc_id"]: a["genre"] for a in answers} == {"tong": None, "jd": "解读", "jd2": "解读"}
    rows = _csv(run("who", "签约", "--db", db, "--csv").output)
    assert {r["doc_id"]: r["genre"] for r in rows} == {"tong": "", "jd": "解读", "jd2": "解读"}
    terminal = run("who", "签约", "--db", db).output
    assert "jd (解读 page)" in terminal and "桐卫发〔2021〕9号 (解读 page)" not in terminal


def test_duties_carry_the_genre_key(db):
    answers = json.loads(run("duties", "县医保局", "--db", db, "--json").output)
    assert answers and all("genre" in a for a in answers)


@pytest.mark.parametrize("page", ["jd", "jd2"])  # undated; dated
def test_diff_of_a_page_explaining_a_notice_calls_nothing_adopted_or_omitted(db, page):
    out = json.loads(run("diff", page, "--db", db, "--format", "json").output)
    statuses = {e["frame_id"]: e["status"] for e in out["entries"]}
    assert not set(statuses.values()) & NOT_FOR_A_PAGE
    # the topics the page speaks of, quoted; the others not named (never omitted)
    assert statuses["F03"] == statuses["F21"] == "named in a 解读 page"
    assert statuses["F02"] == "not named (解读 page)"
    f03 = next(e for e in out["entries"] if e["frame_id"] == "F03")
    assert "先诊疗后付费" in f03["quote"] and f03["where"] == "in the 解读 text"
    assert out["document"]["genre"] == "解读" and any("explains a notice" in n for n in out["notes"])
    assert not any("prints no date" in n for n in out["notes"])  # nothing is called omitted: no date needed
    for fmt in ("csv", "md", "html", "table"):
        text = run("diff", page, "--db", db, "--format", fmt).output
        assert "解读" in text and "omitted into" not in text, fmt
    assert "(解读 page) vs" in run("diff", page, "--db", db).output


def test_compare_marks_the_page_as_a_side(db):
    rows = _csv(run("compare", "jd2", "tong", "--db", db, "--format", "csv").output)
    f03 = next(r for r in rows if r["id"] == "F03")
    assert f03["桐江县 jd2 (解读 page)"].startswith("named in a 解读 page")
    assert f03["桐江县 桐卫发〔2021〕9号"] == "一/（一） 落实先诊疗后付费"


def test_adoption_leaves_pages_explaining_a_notice_off_the_ladder(db, tmp_path):
    out = json.loads(run("adoption", "--db", db, "--format", "json").output)
    assert {r["doc_id"] for r in out["adoptions"]} == {"tong"}
    assert out["interpretations_left_out"] == ["jd", "jd2"]
    assert {s["level"]: s["notices"] for s in out["summary"] if s["frame_id"] == "F03"} == {"county": 1}
    text = run("adoption", "F03", "--db", db, "--format", "csv").output
    assert "# left out: 2 page(s) explaining a notice (genre 解读: jd、jd2)" in text


def test_targets_across_says_a_page_explaining_a_notice_names_no_indicator_never_not_stated(db):
    rows = _csv(run("targets", "--across", "--db", db, "--format", "csv").output)
    page_columns = [c for c in rows[0] if c.endswith("(解读 page)")]
    assert len(page_columns) == 2  # jd and jd2, marked in the column's name
    for row in rows:
        for column in page_columns:
            assert row[column] != "not stated"
    assert any(row[column] == "not named (解读 page)" for row in rows for column in page_columns)
    assert any(row["桐江县"] == "not stated" for row in rows)  # the notice itself may still state nothing


def test_show_says_where_a_value_not_printed_in_the_text_came_from(db):
    shown = run("show", "jd", "--db", db).output
    assert "genre: 解读" in shown
    # the page prints no signing date: its 发布时间 line dates it, and show says so beside the date
    date_line = next(line for line in shown.splitlines() if "issue_date:" in line)
    assert "2021-05-12" in date_line
    # the note names the page's publication date, read from the record's value_sources (or, stored before it,
    # its warning): either wording names it
    assert "publication date" in " ".join(shown.split())
    signed = run("show", "jd2", "--db", db).output  # a signed, dated page: its date is printed, nothing to say
    assert "publication date" not in signed
