"""The command line, driven through Click's CliRunner: output and exit codes."""

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from badfiles import make_bad_files
from conftest import ALL_IDS, CORPUS, SHENMU
from policydiff.cli import cli


@pytest.fixture(scope="module")
def db(corpus_db):
    return corpus_db()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_ingest_summary(db):
    result = run("ingest", CORPUS, "--db", db)
    assert result.exit_code == 0
    assert "unchanged 5" in result.output and "failed 0" in result.output


def test_docs_lists_every_notice(db):
    result = run("docs", "--db", db, "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(ALL_IDS)
    assert {r["doc_number"] for r in rows} >= {"神卫健发〔2021〕64号", "连卫财务〔2018〕44号"}


@pytest.mark.parametrize("ref", [SHENMU, "神卫健发〔2021〕64号", "神卫健发[2021]64号", "神木市", "神木",
                                 f"corpus/{SHENMU}.txt"])
def test_show_accepts_id_number_locality_or_path(db, ref):
    result = run("show", ref, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == SHENMU


def test_show_text_is_what_spans_point_into(db):
    record = json.loads(run("show", SHENMU, "--db", db, "--json").output)
    text = run("show", SHENMU, "--db", db, "--text").output[:-1]
    start, end = record["measures"][0]["span"]
    assert text[start:end] == record["measures"][0]["text"]


def test_show_source_is_the_file_as_read(db):
    assert run("show", SHENMU, "--db", db, "--source").output[:-1] == (CORPUS / f"{SHENMU}.txt").read_text()


def test_show_unknown_document_exits_1_not_as_a_usage_error(db):
    result = run("show", "北京市", "--db", db)
    assert result.exit_code == 1  # README: 2 is for usage errors; a DOC not stored is not one
    assert result.output.startswith("Error: no document matches '北京市'")
    assert "Traceback" not in result.output


def test_missing_database_is_one_line(tmp_path):
    result = run("docs", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_bad_files_fail_one_line_each_and_the_run_goes_on(tmp_path, pdf_dir):
    folder = tmp_path / "in"
    expected = make_bad_files(folder, pdf_dir / "004_9587a739f0f37529.pdf")
    shutil.copy(CORPUS / f"{SHENMU}.txt", folder / "神木 通知.txt")  # spaces and Chinese in a name
    db = tmp_path / "x.db"
    result = run("ingest", folder, "--db", db, "--workers", "1")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == len(expected)
    for name, reason in expected.items():
        assert any(name in line and reason.split(" (")[0] in line for line in errors), name
    assert "added 1" in result.output
    docs = run("docs", "--db", db, "--json").output.splitlines()
    assert [json.loads(d)["id"] for d in docs] == ["神木 通知"]


def test_notice_without_doc_number_is_stored_with_a_warning(tmp_path):
    (tmp_path / "memo.txt").write_text("关于做好健康帮扶工作的通知\n各单位：\n一、加强组织领导。各地要落实责任。\n",
                                       encoding="utf-8")
    result = run("ingest", tmp_path / "memo.txt", "--db", tmp_path / "x.db")
    assert result.exit_code == 0
    assert "Warning: memo.txt: no 文号 found" in result.output


def test_same_notice_twice_is_stored_once(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(CORPUS / f"{SHENMU}.txt", tmp_path / name)
    result = run("ingest", tmp_path, "--db", tmp_path / "x.db", "--workers", "1")
    assert result.exit_code == 0
    assert "Skipped: b.txt: same content as a" in result.output


@pytest.mark.parametrize("width", [80, 130, 200])
def test_documents_table_puts_each_notice_on_one_line_that_fits(db, width):
    from rich.cells import cell_len
    from rich.console import Console

    from policydiff import cli as cli_module
    from policydiff import store

    with open(os.devnull, "w") as devnull:
        console = Console(width=width, record=True, file=devnull)
        console.print(cli_module._documents_table(store.list_documents(store.open_db(db)), width))
    lines = console.export_text().splitlines()
    assert max(cell_len(line) for line in lines) <= width
    huainan = [line for line in lines if "淮卫办〔2022〕7号" in line]
    # 19 measures (its 凝聚部门合力 duty section is not one); 18 targets: 常住人口超过10万/100万人 are qualifiers
    assert len(huainan) == 1 and "淮南市" in huainan[0] and "19/18/3" in huainan[0]
    assert ("003_fb69567a2ff9a5b2" in huainan[0]) == (width >= 120)


def test_docs_shows_the_month_of_a_notice_printed_to_the_month_only(tmp_path):
    # the date line gives a month and no day: issue_date stays empty, the list still places the notice in time
    (tmp_path / "n.txt").write_text("某县卫生健康局关于印发村医培训方案的通知\n某卫发〔2022〕3号\n各镇卫生院：\n"
                                    "一、培训安排\n（一）组织乡村医生参加轮训。\n某县卫生健康局\n2022年3月\n",
                                    encoding="utf-8")
    db_path = tmp_path / "c.db"
    assert run("ingest", tmp_path / "n.txt", "--db", db_path).exit_code == 0
    [row] = [json.loads(line) for line in run("docs", "--db", db_path, "--json").output.splitlines()]
    assert (row["issue_date"], row["issue_month"]) == (None, "2022-03")
    assert run("docs", "--db", db_path).output.split("\t")[4] == "2022-03"  # piped: the month in the date field
    from rich.console import Console

    from policydiff.cli import _documents_table

    console = Console(width=160, record=True)
    console.print(_documents_table([row], width=160))
    assert "2022-03 (month only)" in console.export_text()


def test_show_keeps_each_addressee_whole(db):
    # Guangxi's first addressee is itself a series (各市、县（市、区）…): names are set apart by ' | ', never 、
    record = json.loads(run("show", "桂卫基层发〔2021〕5号", "--db", db, "--json").output)
    assert any("、" in a for a in record["addressees"])
    out = " ".join(run("show", "桂卫基层发〔2021〕5号", "--db", db).output.split())
    assert f"addressees ({len(record['addressees'])}): " + " | ".join(record["addressees"]) in out


SOURCE_NOTES = [
    # (record keys, key shown, the note beside its value)
    # a Word file's header 文号 named by value_sources, the warning worded otherwise: the note stays
    ({"value_sources": {"doc_number": "the page header of the Word file"},
      "warnings": ["doc_number came off the Word page header"]}, "doc_number", " (from the page header of the Word file)"),
    # a 解读 page dated by its 发布时间: value_sources names it
    ({"value_sources": {"issue_date": "the web page's 发布时间 (publication date): a 解读 is dated by its publication"}},
     "issue_date", " (from the web page's 发布时间 (publication date): a 解读 is dated by its publication)"),
    # value_sources names another key: this value is the notice's own, whatever a warning says of it
    ({"value_sources": {"title": "the web page's headline or <title> (the article prints no title)"},
      "warnings": ["doc_number taken from the page's information box: 某卫发〔2022〕1号"]}, "doc_number", ""),
    # a record stored before value_sources: its warning says where the value came from
    ({"warnings": ["issue_date is the 印发 (printing) date 2022-03-01: no signing date printed"]}, "issue_date",
     " (issue_date is the 印发 (printing) date 2022-03-01: no signing date printed)"),
    # nothing said: nothing beside the value
    ({}, "issuers", ""),
    # a web page's headline taken for a title the article does not print
    ({"value_sources": {"title": "the web page's headline or <title> (the article prints no title)"}}, "title",
     " (from the web page's headline or <title> (the article prints no title))"),
]


@pytest.mark.parametrize("fields, key, note", SOURCE_NOTES, ids=[f"{i}-{r[1]}" for i, r in enumerate(SOURCE_NOTES)])
def test_show_says_where_a_header_value_came_from(fields, key, note):
    from policydiff.cli import _how_known

    record = {"title": "", "issue_date": "2022-03-01", "doc_number": "某卫发〔2022〕1号", "issuers": [], **fields}
    assert _how_known(record, key) == note


def test_show_names_the_source_the_record_gives_a_value(tmp_path):
    # dated only by its 印发 line: the record's value_sources names it, and show prints it beside the date
    from conftest import ingested_texts

    notice = ("桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知\n桐卫发〔2021〕9号\n各镇卫生院：\n一、主要任务\n"
              "（一）做实家庭医生签约服务。为脱贫人口提供家庭医生签约服务（责任单位：县卫健局基层股）。\n"
              "桐江县卫生健康局办公室                2021年5月8日印发\n")
    db = ingested_texts(tmp_path, {"yin": notice})
    shown = " ".join(CliRunner().invoke(cli, ["show", "yin", "--db", str(db)]).output.split())
    assert "issue_date: 2021-05-08 (from the 印发 (printing) line: no signing date printed)" in shown


def test_show_names_where_a_title_the_article_does_not_print_came_from(tmp_path):
    # a web page whose article prints no title: the <h1> above it is taken, and show says so under the title
    page = ("<html><body><h1>桐江县卫生健康局关于做实家庭医生签约服务的通知</h1><div id='zoom'><p>桐卫发〔2023〕4号</p>"
            "<p>各镇卫生院：</p><p>一、做实签约服务。到2025年签约服务覆盖率达到90%以上。</p><p>桐江县卫生健康局</p>"
            "<p>2023年4月2日</p></div></body></html>")
    (tmp_path / "n").mkdir()
    (tmp_path / "n" / "page.html").write_text(page, encoding="utf-8")
    db = tmp_path / "p.db"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "n"), "--db", str(db), "--quiet"]).exit_code == 0
    shown = " ".join(CliRunner().invoke(cli, ["show", "page.html", "--db", str(db)]).output.split())
    assert "title (from the web page's headline or <title> (the article prints no title))" in shown


# a town's notice (written for this test): its level is township, and --level asks for it
_TOWN = ("汉阴县涧池镇人民政府\n关于做好健康帮扶工作的通知\n涧政发〔2023〕5号\n\n各村（社区）：\n　　现将有关事项通知如下。\n"
         "　　一、落实家庭医生签约服务。为脱贫人口提供签约服务（责任单位：县卫健局、镇卫生院）。\n\n"
         "汉阴县涧池镇人民政府\n2023年3月1日\n")


@pytest.mark.parametrize("command", [["who", "签约"], ["adoption", "家庭医生签约服务"]])
def test_level_township_is_asked_for(tmp_path, command):
    from conftest import ingested_texts

    db = ingested_texts(tmp_path, {"town": _TOWN})
    out = CliRunner().invoke(cli, [*command, "--level", "township", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "涧池镇 (township)" in out.output and "县卫健局" in out.output
