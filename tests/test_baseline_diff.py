"""The national frame and the diffs, checked against readings of the notices."""

import json
import shutil

import pytest

from conftest import CORPUS, GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.compare.diff import compare, diff_document, reference_from_document, reference_from_frame
from policydiff.compare.frame import FRAME_PATH, build_frame, load_frame

FRAME_FILE = FRAME_PATH


@pytest.fixture(scope="module")
def frame():
    return load_frame(FRAME_FILE)


@pytest.fixture(scope="module")
def reference(frame, records):
    return reference_from_frame(frame, records)


def test_committed_frame_is_what_build_produces(records, frame):
    built = json.loads(json.dumps(build_frame(list(records.values())), ensure_ascii=False))
    assert built == frame


def test_national_node_is_honest(frame):
    national = frame["national"]
    assert national["doc_number"] == "国卫扶贫发〔2021〕6号"
    assert len(national["issuers"]) == 13 and national["issuers"][-1] == "中央军委后勤保障部"
    assert national["issue_month"] == "2021-02" and "secondary" in national["issue_month_source"]
    assert frame["provenance"] == "derived from implementing notices"
    assert frame["primary_documents"] == [GUANGXI]  # the notice that cites the opinion directly


def test_every_frame_entry_has_checkable_evidence(frame, records):
    for entry in frame["entries"]:
        assert entry["evidence"]
        for ev in entry["evidence"]:
            text = records[ev["doc_id"]]["text"]
            assert text[ev["span"][0]:ev["span"][1]].startswith(ev["heading"])


def test_indicator_values_carried_by_each_document(frame):
    serious = next(row for row in frame["indicators"] if "大病专项救治病种" in row["indicator"])
    values = {c["locality"]: c["values"] for c in serious["carried_by"]}
    assert values["广西壮族自治区"] == [{"comparator": ">=", "value": 30, "unit": "种"}]
    assert values["淮南市"] == [{"comparator": ">=", "value": 34, "unit": "种"}]
    assert serious["frame_values"] == values["广西壮族自治区"] and "directly" in serious["why"]


def _target(result, fragment):
    return next(t for t in result["targets"] if fragment in t["indicator"])


def test_huainan_strengthens_the_serious_illness_count(records, reference):
    result = diff_document(records[HUAINAN], reference)
    serious = _target(result, "大病专项救治病种")
    assert (serious["local"]["value"], serious["reference"]["value"], serious["change"]) == (34, 30, "strengthened")
    literacy = _target(result, "健康素养")
    assert literacy["change"] == "changed scope: 设区市 → 县、区"


def test_huainan_adopts_every_primary_entry(records, reference):
    result = diff_document(records[HUAINAN], reference)
    statuses = {e["label"]: e["status"] for e in result["entries"]}
    assert statuses["先诊疗后付费"] == statuses["大病专项救治"] == "adopted"
    assert statuses["尘肺病等职业病防控"] == "merged"  # folded into 13. 做好重点地区重大疾病综合防控
    assert result["additions"] == []


def test_lianyungang_predates_the_opinion_and_still_aligns(records, reference):
    result = diff_document(records[LIANYUNGANG], reference)
    assert any("predates" in note for note in result["notes"])
    assert {e["status"] for e in result["entries"]} == {"predates reference"}  # it can neither adopt nor omit
    own_items = {e["label"] for e in result["entries"] if e["where"] == "own item"}
    assert {"先诊疗后付费", "大病专项救治", "对口帮扶"} <= own_items  # what it covers is still shown
    assert [a["path"] for a in result["additions"]] == ["四/（十二）"]  # 进一步健全工作协调机制


def test_kaifeng_work_points(records, reference):
    result = diff_document(records[KAIFENG], reference)
    statuses = {e["label"]: e["status"] for e in result["entries"]}
    assert statuses["先诊疗后付费"] == "adopted" and statuses["尘肺病等职业病防控"] == "omitted"
    assert _target(result, "大病专项救治病种")["change"] == "same"


def test_shenmu_leads_are_health_divisions(records, reference):
    result = diff_document(records[SHENMU], reference)
    entry = next(e for e in result["entries"] if e["label"] == "先诊疗后付费")
    assert entry["local"][0]["path"] == "二/（二）"
    # the reference (Guangxi) names five functions; Shenmu keeps health alone and the diff says which it drops
    assert entry["local_leads"] == ["卫生健康"] and entry["responsibility"].startswith("narrower: without 民政")


def test_compare_two_localities(records, reference):
    result = compare(records[SHENMU], records[HUAINAN], reference)
    delta = next(d for d in result["target_deltas"] if "大病专项救治病种" in d["indicator"])
    assert (delta["a"]["value"], delta["b"]["value"], delta["b_vs_a"]) == (30, 34, "strengthened")
    row = next(r for r in result["entries"] if r["label"] == "先诊疗后付费")
    assert row["a_measures"][0]["path"] == "二/（二）" and row["b_measures"][0]["path"] == "二/（一）/2"


def test_any_document_can_be_the_reference(records):
    result = diff_document(records[HUAINAN], reference_from_document(records[GUANGXI]))
    assert result["reference"]["kind"] == "document"
    entry = next(e for e in result["entries"] if e["label"] == "完善住院先诊疗后付费政策")
    assert entry["local"][0]["path"] == "二/（一）/2"


def test_national_document_in_the_corpus_becomes_the_reference(tmp_path):
    """A stand-in renumbered as the national opinion (test fixture, not policy text)."""
    from click.testing import CliRunner

    from policydiff.cli import cli

    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id in (GUANGXI, HUAINAN):
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
    stand_in = (CORPUS / f"{GUANGXI}.txt").read_text(encoding="utf-8").replace("桂卫基层发〔2021〕5号", "国卫扶贫发〔2021〕6号")
    (folder / "national.txt").write_text(stand_in, encoding="utf-8")
    db = tmp_path / "p.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers", "1"]).exit_code == 0
    result = runner.invoke(cli, ["diff", "淮南", "--db", str(db), "--format", "json"])
    assert json.loads(result.output)["reference"] == {"kind": "document", "name": "广西壮族自治区 国卫扶贫发〔2021〕6号",
                                                       "doc_number": "国卫扶贫发〔2021〕6号", "date": "2021-07-31",
                                                       "derivation": "the measures of 广西壮族自治区 国卫扶贫发〔2021〕6号 "
                                                                     "(2021-07-31), one entry per measure"}


def test_diff_and_compare_html_and_csv(corpus_db, tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli

    db = corpus_db("p.db")
    runner = CliRunner()
    frame = ["--frame", str(FRAME_FILE)]
    page = runner.invoke(cli, ["diff", "淮南", "--db", str(db), *frame, "--format", "html"]).output
    assert "<mark>后付费</mark>" in page and "<b>二/（一）/2</b>" in page and "strengthened" in page
    both = runner.invoke(cli, ["compare", "神木", "淮南", "--db", str(db), *frame, "--format", "html"]).output
    assert both.count("<mark>") > 20 and "二/（二）" in both and "二/（一）/2" in both
    out = tmp_path / "d.csv"
    assert runner.invoke(cli, ["diff", "连云港", "--db", str(db), *frame, "-o", str(out)]).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"Note:" not in data  # notes go to stderr
    assert b"local addition" in data


def test_compare_reports_a_changed_qualifier_with_the_same_value(records, reference):
    """Huainan's county hospital must reach 二级甲等 where Guangxi's reaches 二级: both say 1所."""
    result = compare(records[GUANGXI], records[HUAINAN], reference)
    delta = next(d for d in result["target_deltas"] if "县级医院" in d["indicator"])
    assert (delta["a"]["value"], delta["b"]["value"]) == (1, 1)
    assert delta["b_vs_a"] == "strengthened standard"  # 二级 → 二级甲等 is a higher standard
    assert any("甲等" in word for word in delta["wording"]["added"])
    same = next(d for d in result["target_deltas"] if "规范管理率" in d["indicator"])
    assert same["b_vs_a"] == "same" and same["wording"] is None


def test_diff_against_the_frame_reports_huainans_reworded_hospital_indicator(records, reference):
    result = diff_document(records[HUAINAN], reference)
    row = next(t for t in result["targets"] if t["reference"] and "县级医院" in t["indicator"])
    assert row["change"] == "strengthened standard"
    assert any("甲等" in word for word in row["wording"]["added"])
    assert any("三级医院" in clause for clause in row["added_clauses"])  # the added 100万人 clause
    assert row["conditions"]["local"] == ["常住人口超过10万人的", "脱贫县"]  # a qualifier, not a target
    assert not any(t["change"] == "new target" and "常住人口" in t["indicator"] for t in result["targets"])
    own = diff_document(records[GUANGXI], reference)  # the frame's wording is Guangxi's own
    assert all(t.get("wording") is None for t in own["targets"])


# issue 28: an undated county plan of the 2017–2020 period (invented text in the real shape)
UNDATED_PLAN = (
    "云南省彝良县健康帮扶实施方案\n"
    "为做好健康帮扶工作，按照《昭通市健康帮扶实施方案》安排，结合彝良县健康帮扶工作实际，制定本方案。\n"
    "一、工作目标\n从2017年起，到2020年，贫困患者得到及时有效救治。\n"
    "二、重点任务\n（一）实施大病集中救治。对患有重大疾病的贫困患者集中救治，县人民医院负责。\n"
    "（二）做好家庭医生签约服务。乡镇卫生院负责为贫困人口提供签约服务。\n")


def test_an_undated_notice_is_date_unknown_not_omitted(reference):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    record = dict(parse_text(NormalisedText(UNDATED_PLAN, list(range(len(UNDATED_PLAN) + 1)))), id="undated")
    assert record["issue_date"] is None
    assert record["date_bound"] == {"years": [2017, 2020], "text": "从2017年起，到2020年",
                                    "span": [UNDATED_PLAN.index("从2017"), UNDATED_PLAN.index("，贫困")],
                                    "flag": "inferred from the text"}
    result = diff_document(record, reference)
    statuses = {e["label"]: e["status"] for e in result["entries"]}
    assert "omitted" not in statuses.values()  # nothing is called omitted in a notice of unknown date
    assert statuses["尘肺病等职业病防控"] == "date unknown"
    assert statuses["大病专项救治"] == "adopted"  # its 2017–2020 name
    serious = next(e for e in result["entries"] if e["label"] == "大病专项救治")
    assert serious["coverage"]["matched_name"]["name"] == "大病集中救治"
    note = next(n for n in result["notes"] if "prints no date" in n)
    assert "从2017年起，到2020年" in note and "inferred from the text" in note and "likely predates" in note


# the same plan with an issuer line and a month-only date under its title (a plan published without a cover letter)
MONTH_PLAN = UNDATED_PLAN.replace("云南省彝良县健康帮扶实施方案\n", "云南省彝良县健康帮扶实施方案\n彝良县卫生健康局\n2022年3月\n")


@pytest.mark.parametrize(("text", "issued", "status"), [
    (MONTH_PLAN, "2022-03", "omitted"),  # printed after the reference's month: an uncovered entry is omitted
    (MONTH_PLAN.replace("2022年3月", "2020年3月"), "2020-03", "predates reference"),  # before it: predates
])
def test_a_month_only_notice_is_placed_by_its_month(reference, text, issued, status):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    record = dict(parse_text(NormalisedText(text, list(range(len(text) + 1)))), id="month")
    assert record["issue_date"] is None and record["issuers"] == ["彝良县卫生健康局"]
    assert record["date_bound"]["month"] == issued and record["date_bound"]["flag"] == "printed to the month only, no day"
    result = diff_document(record, reference)
    statuses = {e["label"]: e["status"] for e in result["entries"]}
    assert statuses["尘肺病等职业病防控"] == status
    assert result["document"]["issue_month"] == issued
    assert any("to the month only" in n for n in result["notes"])


@pytest.mark.parametrize("item, label", [
    # probe 2 #16: an item whose heading aligns to no entry but whose sentence commits to one (大病患者…集中救治)
    ("（一）落实分类救治。对农村低收入人口中的大病患者实行集中救治。", "大病专项救治"),
    # villages served from the next village (邻村延伸): the coverage entry, inside an item on clinics
    ("（一）巩固村级阵地。人口较少的行政村采取邻村延伸服务方式覆盖。", "乡村医疗卫生服务全覆盖"),
])
def test_an_item_an_entry_is_merged_into_is_no_local_addition(reference, item, label):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("桐溪县卫生健康局关于做好健康帮扶工作的通知\n桐卫发〔2023〕3号\n各乡镇卫生院：\n现将有关事项通知如下。\n"
            "一、重点任务\n" + item + "\n桐溪县卫生健康局\n2023年3月1日\n")
    record = {**parse_source(SourceText("t.txt", text)), "id": "t"}
    result = diff_document(record, reference)
    row = next(r for r in result["entries"] if r["label"] == label)
    assert row["merged_into"] == "一/（一）"
    assert "一/（一）" not in [a["path"] for a in result["additions"]]  # "merged" and "matches no entry" never both


SIGNING_ITEMS = [
    # (items under 一、重点任务, F21's where, its path, the paths still local additions)
    # probe 4a #05: a signing-team item (组建签约团队) is the 家庭医生签约服务 entry's own item, no local addition
    ("（一）组建签约团队。每个签约团队至少配备1名全科医生和2名乡村医生。", "own item", "一/（一）", []),
    # a team named 家庭医生团队 in the heading, the same
    ("（一）充实家庭医生团队。每个乡镇卫生院至少组建3个团队。", "own item", "一/（一）", []),
    # an item on the signing fee (签约服务费) beside the entry's own item: it names the entry, no local addition
    ("（一）做实家庭医生签约服务。对脱贫人口做到应签尽签。\n（二）落实签约经费。签约服务费按每人每年12元纳入公共卫生经费。",
     "own item", "一/（一）", []),
    # an item naming no entry stays a local addition beside the signing item
    ("（一）组建签约团队。每个签约团队至少配备1名全科医生。\n（二）健全工作协调机制。建立联络员制度，每月报告进展。",
     "own item", "一/（一）", ["一/（二）"]),
    # a cue in a sentence alone (动态掌握 said of the work's progress) under a heading naming nothing of its entry,
    # whose entry has its own item (三): still a local addition (Lianyungang 四/（十二） shape)
    ("（一）组建签约团队。每个签约团队至少配备1名全科医生。\n（二）健全工作协调机制。建立定期报告制度，动态掌握各项任务进展。"
     "\n（三）健全因病返贫动态监测机制。每月比对监测对象信息。", "own item", "一/（一）", ["一/（二）"]),
]


@pytest.mark.parametrize("items, where, path, additions", SIGNING_ITEMS, ids=[r[0][:8] for r in SIGNING_ITEMS])
def test_an_item_printing_an_entrys_cue_is_no_local_addition(reference, items, where, path, additions):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("桐溪县卫生健康局关于做好家庭医生签约工作的通知\n桐卫发〔2023〕5号\n各乡镇卫生院：\n现将有关事项通知如下。\n"
            "一、重点任务\n" + items + "\n桐溪县卫生健康局\n2023年3月1日\n")
    record = {**parse_source(SourceText("t.txt", text)), "id": "t"}
    result = diff_document(record, reference)
    row = next(r for r in result["entries"] if r["label"] == "家庭医生签约服务")
    assert (row["where"], row["coverage"]["path"]) == (where, path)
    assert [a["path"] for a in result["additions"]] == additions


@pytest.mark.parametrize("item, matched", [
    # no sentence names the entry's words, but its reference target is stated (专项救治的病种 ≥30种): covered by that
    # sentence, the reference target named as what matched
    ("（一）保障重病患者。定点医院专项救治的病种不少于30种。", ["reference target: 大病专项救治病种≥30种"]),
    ("（一）保障重病患者。将救治的大病病种增加至35种。", ["reference target: 大病专项救治病种≥30种"]),
])
def test_a_stated_reference_target_covers_its_entry(reference, item, matched):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("桐溪县卫生健康局关于做好健康帮扶工作的通知\n桐卫发〔2023〕3号\n各乡镇卫生院：\n现将有关事项通知如下。\n"
            "一、重点任务\n" + item + "\n桐溪县卫生健康局\n2023年3月1日\n")
    result = diff_document({**parse_source(SourceText("t.txt", text)), "id": "t"}, reference)
    row = next(r for r in result["entries"] if r["label"] == "大病专项救治")
    assert (row["status"], row["merged_into"], row["matched_terms"]) == ("merged", "一/（一）", matched)
    assert row["quote"] in item  # the sentence printing the value, quoted


DUTY_CLAUSE_QUOTES = [
    # (the division of duties, the items, entry, its where, what its units' quote must hold) — a county's
    # leading-group notice (成员单位职责, numbered duties after the body's name)
    # probe 3a #05: an entry covered only in the duties: the body's whole clause is quoted, its name with the
    # numbered duty naming the entry (it was quoted nowhere)
    ("县卫生健康局：1.牵头做好健康帮扶的组织实施；2.负责大病专项救治和慢病签约服务。\n县民政局：负责低保对象认定。",
     "（一）落实资助参保。对特困人员参加居民医保给予资助。", "大病专项救治", "duties only",
     "县卫生健康局：1.牵头做好健康帮扶的组织实施；2.负责大病专项救治和慢病签约服务"),
    # an inferred unit (its duty shares 家庭医生签约服务 with the item): its whole clause, not only the first
    # numbered duty (1.牵头做好…组织实施, which shares nothing with the item)
    ("县卫生健康局：1.牵头做好健康帮扶的组织实施；2.负责家庭医生签约服务和康复指导。\n县残联：负责残疾人康复服务。",
     "（一）开展康复服务。对残疾人开展家庭医生签约服务，提供康复指导。", "家庭医生签约服务", "inside another item",
     "2.负责家庭医生签约服务和康复指导"),
]


@pytest.mark.parametrize("duties, items, label, where, held", DUTY_CLAUSE_QUOTES, ids=["duties-only", "inferred"])
def test_a_duty_clauses_unit_is_quoted_with_its_whole_clause(reference, duties, items, label, where, held):
    from policydiff.compare.adoption import notice_adoptions
    from policydiff.compare.frame import FRAME_PATH, load_frame
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("桐溪县人民政府办公室关于调整健康帮扶工作领导小组的通知\n桐政办发〔2023〕7号\n各镇人民政府：\n现将有关事项通知如下。\n"
            "一、各成员单位职责\n" + duties + "\n二、工作要求\n" + items + "\n桐溪县人民政府办公室\n2023年3月1日\n")
    record = {**parse_source(SourceText("t.txt", text)), "id": "t"}
    row = next(r for r in diff_document(record, reference)["entries"] if r["label"] == label)
    assert row["where"] == where and row["local_units"]
    assert held in row["units_quote"] or held in row["quote"]
    [adopted] = [r for r in notice_adoptions(record, load_frame(FRAME_PATH)["entries"], upstream=False)[0]
                 if r["label"] == label]
    assert held in adopted["units_quote"] or held in adopted["quote"]


EACH_OF_A_LIST = [
    # (a county item's sentence, what the joint four-disease rate of the frame is said to be beside it)
    # probe 3a #11: 均 — the value each listed disease reaches, two of the four: never weakened (90 → 65)
    ("高血压、糖尿病患者规范管理率均达到65%以上。", "different indicators, not compared"),
    # 均不低于, the population before the list (probe 3a #23, #27 shapes)
    ("脱贫人口中高血压、糖尿病患者规范管理率均不低于80%。", "different indicators, not compared"),
    # 均 said of localities over the reference's own list (各乡镇…四病…均达到): the same joint rate, compared
    ("各乡镇高血压、糖尿病、结核病和严重精神障碍患者规范管理率均达到85%以上。", "weakened"),
    # one value for the four diseases jointly: compared
    ("高血压、糖尿病、结核病和严重精神障碍患者规范管理率达到85%以上。", "weakened"),
    # probe 1 #35: one value for two of the four jointly (no 均): another list, not compared
    ("对高血压、糖尿病患者规范管理率达到60%以上。", "different indicators, not compared"),
]


@pytest.mark.parametrize("sentence, change", EACH_OF_A_LIST, ids=[r[0][:10] for r in EACH_OF_A_LIST])
def test_the_value_each_item_of_a_list_reaches_is_not_compared_with_a_joint_indicator(sentence, change):
    from policydiff.compare.across import targets_across
    from policydiff.compare.diff import compare_targets
    from policydiff.models import NormalisedText, Reference
    from policydiff.parse import parse_text

    row = {"no": 3, "indicator": "签约家庭医生的农村低收入人口高血压、糖尿病、结核病和严重精神障碍的规范管理率达到90%",
           "binding": "预期性", "frame_values": [{"comparator": ">=", "value": 90, "unit": "%"}], "carried_by": []}
    text = f"一、做实慢病签约服务\n（一）慢病管理。{sentence}\n"
    record = {**parse_text(NormalisedText(text, list(range(len(text) + 1)))), "locality": "青梧县", "id": "qw"}
    reference = Reference(kind="frame", name="frame", doc_number=None, date=None, derivation="", entries=[],
                          indicators=[row], records={})
    (delta,) = [d for d in compare_targets(record, reference) if d["reference"]]
    assert delta["change"] == change
    (across,) = targets_across([record], [row])
    assert across["cells"]["青梧县"]["status"] == (change if change != "weakened" else "stated")


NEAREST_ROWS = [
    # (items of a county notice naming no 基层卫生人才队伍 topic, what the nearest passage must not be)
    # probe 4a #05: a units bracket standing as its own passage after the item's stop: its 基层 is a unit's name
    ("（一）组建签约团队。每个签约团队至少配备1名全科医生。（责任股室：基层卫生股）", "（责任股室：基层卫生股）"),
    # the same with 牵头 and 配合 labels
    ("（一）组建签约团队。每个签约团队配备全科医生。（牵头单位：县卫健局基层卫生股；配合单位：各镇卫生院）",
     "（牵头单位：县卫健局基层卫生股；配合单位：各镇卫生院）"),
]


@pytest.mark.parametrize("items, not_nearest", NEAREST_ROWS, ids=["bracket", "lead-support"])
def test_the_nearest_passage_is_no_units_bracket_and_says_what_it_shares(reference, items, not_nearest):
    from policydiff.compare.diff import diff_table
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("桐溪县卫生健康局关于做好家庭医生签约工作的通知\n桐卫发〔2023〕5号\n各乡镇卫生院：\n现将有关事项通知如下。\n"
            "一、重点任务\n" + items + "\n桐溪县卫生健康局\n2023年3月1日\n")
    record = {**parse_source(SourceText("t.txt", text)), "id": "t"}
    result = diff_document(record, reference)
    row = next(r for r in result["entries"] if r["label"] == "基层卫生人才队伍")
    assert row["status"] == "omitted"
    assert row["nearest"] is None or row["nearest"]["quote"] != not_nearest
    for line in diff_table(result)[0]:  # the terminal/CSV cell says what the nearest passage shares with the entry
        if line["id"] == "F08" and line["quote"]:
            assert line["quote"].startswith("nearest: ") and "[" in line["quote"] and "] (score" in line["quote"]
