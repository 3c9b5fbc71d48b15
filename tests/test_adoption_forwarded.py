"""A notice that forwards its parent (现将《…》（文号）转发给你们) adopts, through the forwarded text, the parent's
entries it does not restate: adoption gives each a row ``forwarded, not restated`` quoting the 转发 sentence,
never "omitted" and never the parent's units or targets. The notices are written for these tests, in the
shape of a prefecture's notice and the county notices that pass it on."""

import json

import pytest
from click.testing import CliRunner

from conftest import ingested_texts
from policydiff.cli import cli
from policydiff.compare.adoption import FORWARDED

PREFECTURE = ("青梧市卫生健康委员会关于做实家庭医生签约服务的通知\n青卫基层发〔2022〕12号\n各县（区）卫生健康局：\n"
              "一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到90%以上（牵头单位：市卫健委基层科）。\n"
              "二、落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费（责任单位：市医保局）。\n"
              "青梧市卫生健康委员会\n2022年3月1日\n")
NOTICES = {
    "pref": PREFECTURE,
    # forwards the prefecture's notice and restates one entry (签约) in an item of its own
    "tong": ("桐江县卫生健康局关于转发青梧市卫生健康委员会做实家庭医生签约服务的通知\n桐卫发〔2022〕5号\n各镇卫生院：\n"
             "现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）转发给你们，请认真贯彻执行。\n"
             "一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到95%以上（责任单位：县卫健局基层股）。\n"
             "桐江县卫生健康局\n2022年3月20日\n"),
    # forwards it with no item of its own: both entries only through the forwarded text
    "wu": ("梧山县卫生健康局关于转发青梧市卫生健康委员会做实家庭医生签约服务的通知\n梧卫发〔2022〕2号\n各镇卫生院：\n"
           "现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）转发给你们，"
           "请结合实际认真抓好落实。\n梧山县卫生健康局\n2022年3月25日\n"),
    # implements it (贯彻落实), does not forward it: what it leaves out is not carried by a forwarded text
    "he": ("禾川县卫生健康局关于做实家庭医生签约服务的通知\n禾卫发〔2022〕8号\n各镇卫生院：\n"
           "为贯彻落实《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）精神，现就有关事项通知如下。\n"
           "一、做实签约服务。为脱贫人口提供家庭医生签约服务（责任单位：县卫健局）。\n"
           "禾川县卫生健康局\n2022年4月2日\n"),
}

CASES = [
    # (notice, entry, where) — one shape a row
    ("tong", "F21", "own item"),  # restated in its own item: its own row, not a forward
    ("tong", "F03", FORWARDED),   # only the forwarded text carries it
    ("wu", "F21", FORWARDED),     # a bare forward: every entry of the parent
    ("wu", "F03", FORWARDED),
    ("he", "F21", "own item"),    # 贯彻落实: its own item
    ("he", "F03", None),          # 贯彻落实 and nothing restated: no row (nothing forwarded)
]


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    db = ingested_texts(tmp_path_factory.mktemp("fw"), NOTICES, "f.db")
    out = json.loads(CliRunner().invoke(cli, ["adoption", "F03", "F21", "--db", str(db), "--format", "json",
                                              "--workers", "1"]).output)
    return db, {(r["doc_id"], r["frame_id"]): r for r in out["adoptions"]}, out


@pytest.mark.parametrize("doc_id, frame_id, where", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_a_forwarded_entry_has_its_row(rows, doc_id, frame_id, where):
    _, by_key, _ = rows
    row = by_key.get((doc_id, frame_id))
    assert (row or {}).get("where") == where
    if where == FORWARDED:
        # the evidence is the 转发 sentence, quoted; nothing of the parent's is claimed as the notice's own
        assert row["quote"].startswith("现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》") and row["quote"].endswith("转发给你们")
        assert row["matched_terms"] == ["转发", "青卫基层发〔2022〕12号"]
        assert (row["units"], row["targets"], row["path"]) == ([], [], None)
        assert row["from_parent"] == "from parent" and row["lag_days"] is not None


def test_the_summary_counts_forwards_apart(rows):
    _, _, out = rows
    county = {s["frame_id"]: s for s in out["summary"] if s["level"] == "county"}
    assert (county["F03"]["adopting"], county["F03"]["forwarded"], county["F03"]["own_item"]) == (2, 2, 0)
    assert (county["F21"]["adopting"], county["F21"]["forwarded"], county["F21"]["own_item"]) == (3, 1, 2)


def test_every_output_says_forwarded(rows):
    db, _, _ = rows
    for fmt in ("csv", "md", "table"):
        text = CliRunner().invoke(cli, ["adoption", "F03", "--db", str(db), "--format", fmt]).output
        assert FORWARDED in text.replace("\n", "") and "omitted" not in text, fmt
    zh = CliRunner().invoke(cli, ["adoption", "F03", "--db", str(db), "--format", "csv", "--lang", "zh"]).output
    assert "转发、未重述" in zh


def test_the_library_path_gives_the_same_rows(rows):
    # adoption() over records (parents found after the scan) and the command's ladder scan agree
    from policydiff import store
    from policydiff.cli import _document_index, _load_frame
    from policydiff.compare.adoption import adoption

    db_path, by_key, _ = rows
    db = store.open_db(db_path)
    documents = {row["id"]: row for row in store.iter_document_rows(db)}
    entries = _load_frame(None)["entries"]
    chosen = [e for e in entries if e["id"] in ("F03", "F21")]
    result = adoption(store.iter_records(db), entries, _document_index(documents).resolve, documents, chosen)
    assert {(r["doc_id"], r["frame_id"]): r["where"] for r in result["adoptions"]} == {
        key: r["where"] for key, r in by_key.items()}


DIFF_CASES = [
    # (notice, entry, status) — diff against the frame, one shape a row
    ("wu", "F03", FORWARDED),    # a bare forward: not omitted, the 转发 sentence quoted
    ("wu", "F21", FORWARDED),    # named only in its title (转发…做实家庭医生签约服务的通知): the forwarded text's name
    ("tong", "F03", FORWARDED),  # a forward that restates another entry
    ("tong", "F21", "adopted"),  # what it restates in its own item
    ("he", "F03", "omitted"),    # 贯彻落实 forwards nothing: what it leaves out is omitted
    ("wu", "F02", "omitted"),    # the parent does not carry it either
]


@pytest.mark.parametrize("doc_id, frame_id, status", DIFF_CASES, ids=[f"{c[0]}-{c[1]}" for c in DIFF_CASES])
def test_diff_of_a_forwarding_notice_never_calls_the_forwarded_omitted(rows, doc_id, frame_id, status):
    db, _, _ = rows
    out = json.loads(CliRunner().invoke(cli, ["diff", doc_id, "--db", str(db), "--format", "json"]).output)
    entry = next(e for e in out["entries"] if e["frame_id"] == frame_id)
    assert entry["status"] == status
    if status == FORWARDED:
        assert entry["quote"].endswith("转发给你们") and entry["matched_terms"] == ["转发", "青卫基层发〔2022〕12号"]
        assert entry["local_lead_units"] == [] and any("forwards" in n for n in out["notes"])


def test_compare_says_forwarded_for_each_side(rows):
    db, _, _ = rows
    text = CliRunner().invoke(cli, ["compare", "wu", "he", "--db", str(db), "--format", "csv"]).output
    [f03] = [line for line in text.splitlines() if line.startswith("F03,")]
    assert f03.startswith(f'F03,先诊疗后付费,"{FORWARDED} (现将《') and ",omitted," in f03


def test_a_forward_printed_in_traditional_characters_finds_its_parent(tmp_path):
    """轉發 as printed is the verb 转发: the parent is found, its entries are forwarded, never omitted."""
    from opencc import OpenCC

    printed = OpenCC("s2t").convert(NOTICES["wu"])
    assert "轉發" in printed
    db = ingested_texts(tmp_path, {"pref": PREFECTURE, "wu_t": printed})
    against = CliRunner().invoke(cli, ["diff", "wu_t", "--against", "parent", "--db", str(db), "--format", "json"])
    result = json.loads(against.output)
    assert result["parent"]["id"] == "pref" and result["parent"]["verb"] == "转发"
    out = json.loads(CliRunner().invoke(cli, ["adoption", "F03", "F21", "--db", str(db), "--format", "json",
                                              "--workers", "1"]).output)
    wheres = {r["frame_id"]: r["where"] for r in out["adoptions"] if r["doc_id"] == "wu_t"}
    assert wheres == {"F03": FORWARDED, "F21": FORWARDED}
    quote = next(r["quote"] for r in out["adoptions"] if r["doc_id"] == "wu_t")
    assert quote.endswith(("转发给你们", "轉發給你們"))  # the quote runs to the verb
