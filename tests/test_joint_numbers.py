"""A joint notice numbered by each issuer: its first 文号 is doc_number, the others are other_doc_numbers, and a
later notice citing any of them resolves to it (the citation graph, ``diff --against parent``, ``adoption``'s
ladder, ``show``/``store.document_by_number``).

Every notice below is written for these tests in the shapes real notices take.
"""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import ingested_texts
from policydiff import store
from policydiff.cli import cli
from policydiff.graph import DocumentIndex, citation_graph
from policydiff.parse import parse_source
from policydiff.read import SourceText

_TITLE = "关于做好脱贫人口家庭医生签约服务和门诊保障工作的通知\n"
_BODY = ("各县（区）卫生健康局、医疗保障局：\n一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到90%以上"
         "（牵头单位：市卫健委基层科）。\n二、落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费（责任单位：市医保局）。\n"
         "青梧市卫生健康委员会　　青梧市医疗保障局\n2022年3月1日\n")


@pytest.mark.parametrize("head, number, others", [
    # two 文号 stacked under the red header, one a line (one per issuing system)
    ("青卫发〔2022〕3号\n青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # the two side by side on one line, a full-width space between (the copy of a two-column header)
    ("青卫发〔2022〕3号　　　　青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # side by side, an ASCII space between
    ("青卫发〔2022〕3号 青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # run together, the space between them lost in the copy
    ("青卫发〔2022〕3号青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # joined by 和 (a header written as a phrase)
    ("青卫发〔2022〕3号和青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # joined by 、 (a repost's one-line header)
    ("青卫发〔2022〕3号、青医保发〔2022〕5号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # three issuers, three lines: the second and third in order
    ("青卫发〔2022〕3号\n青医保发〔2022〕5号\n青民发〔2022〕9号\n" + _TITLE, "青卫发〔2022〕3号",
     ["青医保发〔2022〕5号", "青民发〔2022〕9号"]),
    # the 文件 header over both numbers, the first with its 签发人 on its right
    ("青梧市卫生健康委员会\n青梧市医疗保障局\n文件\n青卫发〔2022〕3号　签发人：张某\n青医保发〔2022〕5号\n" + _TITLE,
     "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # …and the second with its 签发人 (the first alone)
    ("青梧市卫生健康委员会\n青梧市医疗保障局\n文件\n青卫发〔2022〕3号\n青医保发〔2022〕5号　签发人：李某\n" + _TITLE,
     "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # …and both with their 签发人 (each line stands apart: joined, the header lost both numbers)
    ("青梧市卫生健康委员会\n青梧市医疗保障局\n文件\n青卫发〔2022〕3号　签发人：张某\n青医保发〔2022〕5号　签发人：李某\n"
     + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # a repost printing both in full-width digits
    ("青卫发〔２０２２〕３号　青医保发〔２０２２〕５号\n" + _TITLE, "青卫发〔2022〕3号", ["青医保发〔2022〕5号"]),
    # one issuer, one 文号: no other number (the key is absent)
    ("青卫发〔2022〕3号\n" + _TITLE, "青卫发〔2022〕3号", None),
    # the 文号 and, far below it, a cited one: no other number of the notice's own
    ("青卫发〔2022〕3号\n" + _TITLE + "根据《青梧市健康帮扶方案》（青医保发〔2021〕5号），现通知如下。\n", "青卫发〔2022〕3号", None),
])
def test_each_issuers_number_is_kept(head, number, others):
    record = parse_source(SourceText("n.txt", head + _BODY))
    assert record["doc_number"] == number
    assert record.get("other_doc_numbers") == others
    # the notice's own numbers are never among its citations
    assert not {c["doc_number"] for c in record["citations"]} & {number, *(others or [])}


JOINT = "青卫发〔2022〕3号\n青医保发〔2022〕5号\n" + _TITLE + _BODY
CITING = ("桐江县卫生健康局　桐江县医疗保障局\n关于做好家庭医生签约服务和门诊保障工作的实施方案\n桐卫发〔2022〕11号\n各镇卫生院：\n"
          "为贯彻落实《青梧市卫生健康委员会 青梧市医疗保障局关于做好脱贫人口家庭医生签约服务和门诊保障工作的通知》"
          "（青医保发〔2022〕5号）精神，结合我县实际，制定本方案。\n"
          "一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到95%以上（牵头单位：县卫健局基层股）。\n"
          "二、落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费（责任单位：县医保局）。\n"
          "桐江县卫生健康局　　桐江县医疗保障局\n2022年4月2日\n")


def test_the_index_resolves_a_citation_of_the_second_number():
    joint = {"id": "joint", "doc_number": "青卫发〔2022〕3号", "other_doc_numbers": ["青医保发〔2022〕5号"], "title": "甲"}
    other = {"id": "other", "doc_number": "青医保发〔2022〕5号", "title": "乙"}
    index = DocumentIndex([joint])
    assert index.resolve({"doc_number": "青医保发〔2022〕5号", "title": None}) == "joint"
    assert index.resolve({"doc_number": "青衛發〔2022〕3號", "title": None}) == "joint"  # either script
    # a notice whose own 文号 it is wins over a joint notice's other number, whichever is stored first
    assert DocumentIndex([joint, other]).resolve({"doc_number": "青医保发〔2022〕5号", "title": None}) == "other"
    # without the key (a record stored before it) the second number stays unresolved
    assert DocumentIndex([{**joint, "other_doc_numbers": []}]).resolve(
        {"doc_number": "青医保发〔2022〕5号", "title": None}) is None


@pytest.fixture()
def joint_db(tmp_path):
    return ingested_texts(tmp_path, {"joint": JOINT, "county": CITING})


def test_the_store_resolves_the_second_number(joint_db):
    db = store.open_db(joint_db)
    assert store.document_by_number(db, "青医保发〔2022〕5号") == "joint"
    assert store.resolve_document(db, "青医保发〔2022〕5号") == "joint"
    assert store.resolve_document(db, "青醫保發〔2022〕5號") == "joint"  # in the other script
    rows = {r["id"]: r for r in store.iter_document_rows(db)}
    assert rows["joint"]["other_doc_numbers"] == ["青医保发〔2022〕5号"] and rows["county"]["other_doc_numbers"] == []


def test_the_graph_draws_the_citation_to_the_joint_notice(joint_db):
    db = store.open_db(joint_db)
    graph = citation_graph(store.iter_document_rows(db), citing=store.iter_citing(db))
    assert graph.has_edge("桐卫发〔2022〕11号", "青卫发〔2022〕3号")
    assert "青医保发〔2022〕5号" not in graph  # no stub for the second number
    assert graph.nodes["青卫发〔2022〕3号"]["other_doc_numbers"] == "青医保发〔2022〕5号"  # said on the node


def test_the_parent_of_a_notice_citing_the_second_number(joint_db):
    out = CliRunner().invoke(cli, ["diff", "county", "--against", "parent", "--db", str(joint_db), "--format", "json"])
    assert out.exit_code == 0, out.output
    parent = json.loads(out.output)["parent"]
    assert (parent["id"], parent["verb"], parent["levels_up"]) == ("joint", "贯彻落实", 1)
    # the parent is named by its own 文号, and the number the notice cites is said beside it
    assert (parent["doc_number"], parent["cited_as"]) == ("青卫发〔2022〕3号", "青医保发〔2022〕5号")
    ladder = CliRunner().invoke(cli, ["adoption", "--db", str(joint_db), "--format", "json"])
    assert ladder.exit_code == 0, ladder.output
    assert '"id": "joint"' in ladder.output


def test_show_and_the_parent_diff_say_the_other_number(joint_db):
    shown = CliRunner().invoke(cli, ["show", "joint", "--db", str(joint_db)])
    said = " ".join(shown.output.split())  # the terminal folds a long line
    assert "other_doc_numbers: 青医保发〔2022〕5号 (the other issuers' numbers of this notice)" in said
    # the terminal's parent diff says which number the notice cited, beside the parent's own
    out = CliRunner().invoke(cli, ["diff", "county", "--against", "parent", "--db", str(joint_db)])
    assert out.exit_code == 0, out.output
    assert "青卫发〔2022〕3号 (2022-03-01), cited as 青医保发〔2022〕5号 (its other 文号)" in " ".join(out.output.split())


def test_a_schema_11_database_gains_the_table_in_place(joint_db):
    conn = sqlite3.connect(joint_db)
    conn.execute("drop table other_doc_numbers")  # what schema 11 had
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    db = store.open_db(joint_db)  # a read command: migrated, nothing emptied
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert db.execute("select count(*) from documents").fetchone()[0] == 2
    # filled from the warning schema 11 stored (the numbers printed under the first): resolved at once
    assert list(db.execute("select doc_id, position, doc_number from other_doc_numbers")) == [
        ("joint", 0, "青医保发〔2022〕5号")]
    assert store.document_by_number(db, "青医保发〔2022〕5号") == "joint"


def test_the_national_opinion_stored_under_its_second_number_is_first_hand():
    from policydiff.compare.frame import national_document, national_facts

    number = national_facts()["doc_number"]
    # a stored copy numbered first by another ministry, the national number printed under it
    joint = {"id": "n", "doc_number": "某部发〔2021〕9号", "other_doc_numbers": [number], "title": "关于某事的意见",
             "issuers": ["某部"], "issue_date": "2021-05-01", "citations": []}
    assert national_document([joint])["source"] == "corpus document n"
    assert "in_corpus" in national_document([{**joint, "other_doc_numbers": []}])  # without it: not stored


_ARTICLE = ("<p>关于做好签约服务工作的通知</p><p>各县（区）卫生健康局、医疗保障局：</p><p>一、做实签约服务。</p>"
            "<p>青梧市卫生健康委员会　青梧市医疗保障局</p><p>2023年3月7日</p>")
_BOX_SOURCE = "the web page's information box (发文字号; the article does not print it)"


@pytest.mark.parametrize("box, article, sources", [
    # the box's 发文字号 prints both numbers, the article neither: both from the box, said
    ("青卫发〔2023〕3号、青医保发〔2023〕5号", "", {"doc_number": _BOX_SOURCE, "other_doc_numbers": _BOX_SOURCE}),
    # …side by side with a space
    ("青卫发〔2023〕3号 青医保发〔2023〕5号", "", {"doc_number": _BOX_SOURCE, "other_doc_numbers": _BOX_SOURCE}),
    # the article prints the first only: the second is the box's
    ("青卫发〔2023〕3号、青医保发〔2023〕5号", "<p>青卫发〔2023〕3号</p>",
     {"other_doc_numbers": "the web page's information box (发文字号 printing each issuer's number)"}),
    # the article prints both, stacked: nothing from the box
    ("青卫发〔2023〕3号、青医保发〔2023〕5号", "<p>青卫发〔2023〕3号</p><p>青医保发〔2023〕5号</p>", None),
])
def test_a_page_box_printing_each_issuers_number(tmp_path, box, article, sources):
    from policydiff.parse import parse_file

    page = tmp_path / "joint.html"
    page.write_text("<html><body><table class='xxgk'><tr><td>索 引 号：</td><td>000000000/2023-00007</td><td>主题分类：</td>"
                    f"<td>卫生</td></tr><tr><td>发文字号：</td><td>{box}</td><td>发布日期：</td><td>2023-03-08</td></tr>"
                    f"</table><div id='zoom'>{article}{_ARTICLE}</div></body></html>", encoding="utf-8")
    record = parse_file(page)
    assert (record["doc_number"], record["other_doc_numbers"]) == ("青卫发〔2023〕3号", ["青医保发〔2023〕5号"])
    assert record.get("value_sources") == sources
    assert record["field_conflicts"] == []  # the box's two numbers do not disagree with the article's first
