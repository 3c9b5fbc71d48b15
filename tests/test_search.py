"""`who` over every sentence of a notice, in either script, with loose answers only through a
specific word, and without ranking every match.

The notices here are written for these tests in the shapes real notices take (a preamble that
lists its goals as 一是确保…；二是确保…, a 主要目标 with numbered items, an annex in prose); the
traditional ones are their renderings by OpenCC's s2t, as tests/test_traditional.py does.
"""

import functools
import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import CORPUS, SHENMU
from policydiff import query, store
from policydiff.cli import cli
from policydiff.query import shares_specific, topic_terms

COUNTY_NOTICE = """某某县卫生健康局文件

某卫发〔2023〕7号

某某县卫生健康局关于印发某某县健康帮扶工作方案的通知

各乡镇卫生院：

为巩固健康帮扶成果，经研究，全县今年要做到九个确保：一是确保家庭医生签约服务覆盖全部监测对象；二是确保先诊疗后付费政策落到实处；三是确保村卫生室有合格村医。现将方案印发给你们，请认真贯彻执行。

一、总体要求

（一）主要目标

1.到2025年，县域内住院实行先诊疗后付费的比例达到百分之百。

2.慢病患者规范管理率稳定在八成以上。

（二）基本原则

坚持政府主导，部门协同，确保远程会诊覆盖到村。

二、重点任务

（一）做好大病专项救治

县医院负责做好大病专项救治工作。

（二）加强远程医疗

县卫生健康局负责推进远程医疗网络建设。

附件：某某县健康帮扶工作说明

附件

某某县健康帮扶工作说明

全县推行慢性病患者长期处方服务，方便群众就近取药。

某某县卫生健康局
2023年3月1日
"""

PROVINCE_NOTICE = """湖南省卫生健康委员会文件

湘卫发〔2022〕3号

湖南省卫生健康委员会关于印发全省乡村医疗服务提升工作方案的通知

各市州卫生健康委：

为巩固乡村医疗服务成果，现将工作方案印发给你们，请结合实际认真执行。

一、主要任务

（一）完善先诊疗后付费政策

全省县域内定点医院对监测对象全面实行先诊疗后付费，由各市州卫生健康委负责组织实施。

（二）做实尘肺病患者康复服务

各县市区卫生健康局负责为尘肺病患者建立康复档案，每年至少随访四次。

湖南省卫生健康委员会
2022年2月10日
"""


@functools.cache
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


def traditional(text: str) -> str:
    converted = _s2t().convert(text)
    assert len(converted) == len(text)
    return converted


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notices")
    (folder / "county.txt").write_text(COUNTY_NOTICE, encoding="utf-8")
    (folder / "province_t.txt").write_text(traditional(PROVINCE_NOTICE), encoding="utf-8")  # printed traditional
    (folder / "shenmu_t.txt").write_text(traditional((CORPUS / f"{SHENMU}.txt").read_text(encoding="utf-8")),
                                         encoding="utf-8")
    path = folder / "p.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return path


def who(db, *args):
    result = CliRunner().invoke(cli, ["who", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("topic, doc_id, kind, path, quoted", [
    # a preamble's numbered goal list (九个确保-style): each item a sentence of its own, the
    # first with the words that announce the list
    ("家庭医生签约", "county", "preamble", "导语", "为巩固健康帮扶成果，经研究，全县今年要做到九个确保：一是确保家庭医生签约服务覆盖全部监测对象；"),
    ("先诊疗后付费", "county", "preamble", "导语", "二是确保先诊疗后付费政策落到实处；"),
    # a 主要目标 with numbered items (the goals table holds only item-less goal paragraphs)
    ("先诊疗后付费", "county", "goal", "一/（一）/1", "1.到2025年，县域内住院实行先诊疗后付费的比例达到百分之百。"),
    # a 基本原则 under 总体要求: a goal sentence too; 远程会诊 is a synonym of 远程医疗
    ("远程医疗", "county", "goal", "一/（二）", "坚持政府主导，部门协同，确保远程会诊覆盖到村。"),
    # an annex written as prose, no table
    ("长期处方", "county", "annex", "附件", "全县推行慢性病患者长期处方服务，方便群众就近取药。"),
    # a measure, as before
    ("大病专项救治", "county", "measure", "二/（一）", None),
])
def test_every_sentence_is_searched(db, topic, doc_id, kind, path, quoted):
    answers = [a for a in who(db, topic) if a["doc_id"] == doc_id]
    place = next((a for a in answers if (a["kind"], a["path"]) == (kind, path)), None)
    assert place is not None, [(a["kind"], a["path"]) for a in answers]
    assert place["match"] == "exact"
    if quoted:
        assert quoted in place["evidence"]
    text = store.document_text(store.open_db(db), doc_id)
    assert text[place["span"][0]:place["span"][1]] == place["evidence"]  # the quote is the text at its span


@pytest.mark.parametrize("not_a_sentence", [
    "某某县卫生健康局关于印发某某县健康帮扶工作方案的通知",  # the title
    "各乡镇卫生院：",  # the addressees
    "某卫发〔2023〕7号",  # the 文号
    "附件：某某县健康帮扶工作说明",  # the annex list
    "2023年3月1日",  # the date under the signature
])
def test_header_and_signature_lines_are_not_sentences(db, not_a_sentence):
    conn = store.open_db(db)
    texts = [r[0] for r in conn.execute("select text from sentences where doc_id = 'county'")]
    assert texts and not_a_sentence not in texts


@pytest.mark.parametrize("topic, doc_id, kind, path", [
    ("先诊疗后付费", "province_t", "measure", "一/（一）"),  # simplified query, traditional notice
    ("先診療後付費", "province_t", "measure", "一/（一）"),  # traditional query, traditional notice
    ("先診療後付費", "county", "goal", "一/（一）/1"),  # traditional query, simplified notice
    ("尘肺病", "province_t", "measure", "一/（二）"),  # a topic of three characters, LIKE-free
    ("家庭醫生簽約", "county", "preamble", "导语"),
])
def test_either_script_finds_the_other(db, topic, doc_id, kind, path):
    answers = who(db, topic)
    assert any((a["doc_id"], a["kind"], a["path"]) == (doc_id, kind, path) for a in answers)


def test_a_traditional_notice_is_quoted_as_printed(db):
    answer = next(a for a in who(db, "先诊疗后付费") if a["doc_id"] == "province_t")
    assert "先診療後付費" in answer["evidence"] and answer["matched"] == "先診療後付費"  # what matched, as printed
    text = store.document_text(store.open_db(db), "province_t")
    assert text[answer["span"][0]:answer["span"][1]] == answer["evidence"]


@pytest.mark.parametrize("topic", ["先诊疗后付费", "医保", "家庭医生签约", "远程医疗"])
def test_a_notice_in_traditional_characters_answers_as_its_simplified_original(db, tmp_path, topic):
    """The Shenmu notice printed in traditional characters gives the places its original gives."""
    original = tmp_path / "o.db"
    assert CliRunner().invoke(cli, ["ingest", str(CORPUS / f"{SHENMU}.txt"), "--db", str(original),
                                    "--workers", "1"]).exit_code == 0
    places = {(a["kind"], a["path"], a["match"]) for a in who(original, topic)}
    assert places and places == {(a["kind"], a["path"], a["match"]) for a in who(db, topic, "--doc", "shenmu_t")}


@pytest.mark.parametrize("ref, doc_id", [
    ("湘卫发〔2022〕3号", "province_t"),  # simplified 文号, stored as printed: 湘衛發〔2022〕3號
    ("湘卫发[2022]3号", "province_t"),  # any bracket style
    ("湘衛發〔2022〕3號", "province_t"),  # as printed
    ("某衛發〔2023〕7號", "county"),  # traditional 文号 of a simplified notice
    ("湖南省", "province_t"),  # a locality
])
def test_doc_numbers_match_across_scripts(db, ref, doc_id):
    assert store.resolve_document(store.open_db(db), ref) == doc_id


def test_diff_finds_a_notice_by_its_number_in_the_other_script(db):
    result = CliRunner().invoke(cli, ["diff", "湘卫发〔2022〕3号", "--db", str(db)])
    assert result.exit_code == 0 and "no document matches" not in result.output


@pytest.mark.parametrize("unit, doc_id", [
    ("县卫生健康局", "county"),  # as printed
    ("縣衛生健康局", "county"),  # the same name in traditional characters
    ("各县市区卫生健康局", "province_t"),  # simplified name of a unit a traditional notice prints (its （二）'s subject)
])
def test_duties_names_units_in_either_script(db, unit, doc_id):
    answers = json.loads(CliRunner().invoke(cli, ["duties", unit, "--db", str(db), "--json"]).output)
    assert doc_id in {a["doc_id"] for a in answers}


@pytest.mark.parametrize("term, topic, specific", [
    ("远程帮扶", "远程医疗", True),  # 远程 is the topic's own word
    ("后付费", "先诊疗后付费", True),  # a run of the topic
    ("中医药服务", "中医馆", True),  # 中医
    ("健康教育", "健康素养", False),  # only 健康, in every notice
    ("公共卫生", "公共卫生委员会", False),  # the generic word itself
    ("公共卫生服务体系补短板", "公共卫生委员会", False),  # only runs of a generic word
    ("村卫生室", "村医", False),  # one character in common
    ("人才队伍", "村医", False),  # nothing in common
    ("互联网+医疗健康", "远程医疗", False),  # only 医疗
])
def test_a_related_word_widens_a_search_only_through_a_specific_word(term, topic, specific):
    generic = json.loads((CORPUS.parent / "src" / "policydiff" / "data" / "synonyms.json")
                         .read_text(encoding="utf-8"))["generic"]
    assert shares_specific(term, topic, generic) is specific


def test_loose_terms_of_a_topic_exclude_generic_neighbours():
    loose = {t for t, kind, _ in topic_terms("村医") if kind == "loose"}
    assert not loose & {"人才队伍", "村卫生室", "订单定向"}
    assert {t for t, kind, _ in topic_terms("远程医疗") if kind == "loose"} >= {"远程帮扶"}


def _notices(folder, count: int) -> None:
    for i in range(count):
        text = COUNTY_NOTICE.replace("某卫发〔2023〕7号", f"某卫发〔2023〕{i + 1}号").replace(
            "2023年3月1日", f"2023年3月{i + 1}日")
        (folder / f"n{i:02d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    _notices(folder, 12)
    path = folder / "m.db"
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(path), "--workers", "1"]).exit_code == 0
    return path


def test_who_reads_only_the_documents_its_first_answers_need(many, monkeypatch):
    """A word printed more often than SEARCH_CAP: the documents are read down the ladder, a few at
    a time, until there are ``limit`` answers — and those are the first ``limit`` of all of them."""
    db = store.open_db(many)
    everything = query.who(db, "先诊疗后付费", limit=1000)
    monkeypatch.setattr(query, "SEARCH_CAP", 3)
    monkeypatch.setattr(query, "FIRST_SEARCHED", 2)
    read: set[str] = set()
    places_in = query._places_in

    def counting(db, kind, words, docs):
        read.update(docs)
        return places_in(db, kind, words, docs)

    monkeypatch.setattr(query, "_places_in", counting)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    first = query.who(db, "先诊疗后付费", limit=5)
    db.conn.set_trace_callback(None)
    assert len(everything) == 24 and first == everything[:5]  # 2 places a notice, down the ladder
    assert len(read) <= 6  # 2, then 4 documents: not the 12
    assert not any("order by rank" in s.lower() for s in statements)  # no ranking of every match


def test_a_rare_word_lists_its_documents_from_the_index(many):
    db = store.open_db(many)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    answers = query.who(db, "长期处方", limit=3)
    db.conn.set_trace_callback(None)
    assert [a["kind"] for a in answers] == ["annex"] * 3
    assert [a["doc_id"] for a in answers] == ["n00", "n01", "n02"]  # earliest first
    assert any("sentences_fts" in s and "limit" in s for s in statements)


def test_documents_are_read_down_the_ladder_through_an_index(many):
    """The ladder's order comes from the index, not a sort of every document."""
    db = store.open_db(many)
    plans = [row[3] for row in db.execute(
        f"explain query plan select id from documents order by {store.LADDER_ORDER_SQL} limit 8 offset 0")]
    assert any("documents_ladder" in p for p in plans) and not any("TEMP B-TREE" in p for p in plans)
    plans = [row[3] for row in db.execute(
        "explain query plan select rowid from sentences where doc_id in (select value from json_each(?)) "
        "and instr(text, ?) > 0", ["[]", "x"])]
    assert not any(p.startswith("SCAN sentences") for p in plans)


def test_a_schema_8_database_is_migrated_in_place(tmp_path):
    """Sentences, documents.script and the new search indexes are added to a database written
    before them; a traditional notice is re-indexed in simplified form; nothing is re-ingested."""
    (tmp_path / "county.txt").write_text(COUNTY_NOTICE, encoding="utf-8")
    (tmp_path / "province_t.txt").write_text(traditional(PROVINCE_NOTICE), encoding="utf-8")
    path = tmp_path / "old.db"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(path), "--workers", "1"]).exit_code == 0
    conn = sqlite3.connect(path)  # what schema 8 held: no sentences, script or new indexes; printed text indexed
    for table in store.NEW_SEARCH_TABLES:
        conn.execute(f"drop table [{table}_fts]")
    conn.execute("drop table sentences")
    conn.execute("drop index documents_ladder")
    conn.execute("drop index documents_traditional")
    conn.execute("alter table documents drop column script")
    for table in ("measures", "task_rows", "duties"):
        conn.execute(f"insert into [{table}_fts] ([{table}_fts]) values ('rebuild')")
    conn.execute("pragma user_version = 8")
    conn.commit()
    conn.close()
    assert [a["path"] for a in who(path, "长期处方")] == ["附件"]
    assert {a["doc_id"] for a in who(path, "先诊疗后付费")} == {"county", "province_t"}
    conn = store.open_db(path)
    assert conn.execute("pragma user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("select script from documents where id = 'province_t'").fetchone()[0] == "traditional"
    for table in store.SEARCH_COLUMNS:  # the index's own structure (a traditional notice's rows are
        # indexed in their simplified rendering, which is not the content table's text)
        conn.execute(f"insert into [{table}_fts] ([{table}_fts]) values ('integrity-check')")


def test_duties_reads_only_the_documents_its_first_answers_need(many, monkeypatch):
    """A unit's documents come down the ladder from the alias index (unit_id, ladder), a few at a time."""
    db = store.open_db(many)
    everything = query.duties(db, "县卫生健康局", limit=0)
    plans = [row[3] for row in db.execute("explain query plan select ladder, doc_id from unit_aliases "
                                          "where unit_id = ? order by ladder", ["x"])]
    assert any("unit_aliases_unit_ladder" in p for p in plans) and not any("TEMP B-TREE" in p for p in plans)
    monkeypatch.setattr(query, "FIRST_DOCUMENTS", 2)
    read: set[str] = set()
    names_in = query._names_in

    def counting(db, ids, docs):
        read.update(docs)
        return names_in(db, ids, docs)

    monkeypatch.setattr(query, "_names_in", counting)
    # 1 a notice: printed as the subject of （二）; （一） names 县医院, so the issuer is implied for neither
    assert len(everything) == 12 and query.duties(db, "县卫生健康局", limit=3) == everything[:3]
    assert len(read) <= 6  # 2, then 4 documents: not the 12


@pytest.mark.parametrize("budget", [0, 2, 5, 100])  # when the walk down the ladder gives way to the index's list
def test_who_gives_the_same_answers_however_it_reads_the_documents(many, monkeypatch, budget):
    db = store.open_db(many)
    everything = query.who(db, "先诊疗后付费", limit=1000)
    monkeypatch.setattr(query, "SEARCH_CAP", 3)
    monkeypatch.setattr(query, "FIRST_SEARCHED", 2)
    monkeypatch.setattr(query, "WALK_BUDGET", budget)
    assert query.who(db, "先诊疗后付费", limit=1000) == everything
    assert query.who(db, "先诊疗后付费", limit=7) == everything[:7]
    assert query.who(db, "先诊疗后付费", level="county", limit=7) == everything[:7]
