"""Responsibility from a duty paragraph (no inline markers) and units of a measure restated by task rows."""

import pytest

from conftest import HUAINAN, KAIFENG, LIANYUNGANG
from conftest import SHENMU as SHENMU_ID
from policydiff.compare.align import measure_units
from policydiff.extract.units import assign_duties, assign_sole_issuer
from policydiff.models import Duty, Measure, UnitMention
from policydiff.report.matrix import document_matrix

DUTY = Duty("民政部门", "农村低保对象、特困人员认定和救助供养", (500, 520), "三/（二）")

ROWS = [
    # (measure heading, measure text, expected units) — invented sentences in the shapes of real notices
    ("加强低收入人口健康帮扶", "对低保对象、特困人员落实分类资助参保政策。", ["民政部门"]),  # two duty words
    ("深入开展爱国卫生运动", "推进城乡环境卫生整治。", []),  # shares no duty word
    ("做好宣传引导", "宣传低保政策。", []),  # one short word is not enough
]


@pytest.mark.parametrize("heading, text, units", ROWS, ids=[r[0] for r in ROWS])
def test_duty_paragraph_assigns_units(heading, text, units):
    measure = Measure("二/（一）/4", heading, text, (0, 40))
    assign_duties([measure], [DUTY])
    assert [u.unit for u in measure.unit_mentions] == units
    assert all(u.source == "duty_paragraph" and u.role == "responsible" for u in measure.unit_mentions)


def test_inline_markers_win_over_the_duty_paragraph():
    marked = Measure("二/（一）/1", "做好大病救治", "（市卫生健康委牵头）", (0, 20),
                     unit_mentions=[UnitMention("市卫生健康委", "lead", "inline_marker", (3, 9))])
    plain = Measure("二/（一）/4", "加强低收入人口健康帮扶", "对低保对象、特困人员落实资助。", (21, 40))
    assign_duties([marked, plain], [DUTY])
    assert plain.unit_mentions == []


def test_huainan_matrix_has_units_from_its_duty_paragraph(records):
    rows, columns = document_matrix(records[HUAINAN])
    assert "医疗保障部门" in columns and "人力资源社会保障部门" in columns
    talent = next(r for r in rows if r["path"] == "二/（二）/9")
    assert talent["人力资源社会保障部门"] == "责任 (inferred)"  # 职称评定、薪酬待遇 in its duty: inferred, said so


def test_kaifeng_matrix_has_its_sole_issuer_marked_as_implied(records):
    # Kaifeng's work points name no unit (its 强化部门协同 lists partners, not who does what):
    # the one body that issued them carries them, said as implied, not as printed
    rows, columns = document_matrix(records[KAIFENG])
    assert columns[3:] == ["开封市卫生健康委员会"] and all(r["开封市卫生健康委员会"] == "责任 (implied)" for r in rows)
    mentions = [u for m in records[KAIFENG]["measures"] for u in m["unit_mentions"]]
    assert {u["source"] for u in mentions} == {"sole_issuer"}
    assert not any(m["responsible_units"] for m in records[KAIFENG]["measures"])  # not among the printed units


def test_no_unit_is_implied_for_joint_issuers_or_beside_printed_ones():
    measures = [Measure("一", "加强组织领导", "各单位要明确分工。", (10, 20))]
    assign_sole_issuer(measures, ["甲市卫生健康委员会", "甲市民政局"], "甲市卫生健康委员会 甲市民政局")
    assert not measures[0].unit_mentions
    marked = Measure("二", "做实签约", "（牵头单位：甲市卫健委）", (30, 50),
                     unit_mentions=[UnitMention("甲市卫健委", "lead", "inline_marker", (35, 40))])
    assign_sole_issuer([marked], ["甲市卫生健康委员会"], "甲市卫生健康委员会")
    assert [u.source for u in marked.unit_mentions] == ["inline_marker"]


@pytest.mark.parametrize("issuer, implied", [
    ("国务院办公厅", False),  # the State Council's general office relays the 国务院's measures
    ("甲省人民政府办公厅", False),  # a province's general office issuing for its government
    ("甲市人民政府办公室", False),  # a prefecture's (or county's) general office
    ("甲县政府办公室", False),  # the short form of a county government's office
    ("中共甲县委办公室", False),  # the party committee's general office
    ("甲县卫生健康局", True),  # a department that issues its own measures carries them
    ("甲市卫生健康委员会办公室", True),  # a department's own office is no government's general office
])
def test_a_general_office_implies_no_unit(issuer, implied):
    measures = [Measure("一", "科学确定救助范围", "将低收入人口纳入救助范围。", (10, 30))]
    assign_sole_issuer(measures, [issuer], issuer + "\n关于……的意见")
    assert [u.unit for u in measures[0].unit_mentions] == ([issuer] if implied else [])


def test_lianyungang_measure_lists_each_unit_once_with_its_rows(records):
    record = records[LIANYUNGANG]
    measure = next(m for m in record["measures"] if m["path"] == "二/（四）")
    units = measure_units(record, measure)
    assert [(u["raw"], u["role"]) for u in units].count(("医政处", "lead")) == 1
    # lead in row 4; in row 5 one of the offices that 按照职责分工分别负责: responsible there
    assert next(u for u in units if u["raw"] == "医政处" and u["role"] == "lead")["rows"] == [4]
    assert next(u for u in units if u["raw"] == "医政处" and u["role"] == "responsible")["rows"] == [5]


def test_a_responsibility_claim_resting_on_the_sole_issuer_says_so(records):
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import FRAME_PATH, load_frame

    result = diff_document(records[KAIFENG], reference_from_frame(load_frame(FRAME_PATH), records))
    claims = [e["responsibility"] for e in result["entries"] if e["responsibility"]]
    # only its sole issuer, implied: not compared with the printed units of the reference
    assert claims and all(c == "not comparable: only inferred/implied units (local: implied)" for c in claims)
    included = diff_document(records[KAIFENG], reference_from_frame(load_frame(FRAME_PATH), records),
                             include_inferred=True)
    claims = [e["responsibility"] for e in included["entries"] if e["responsibility"]]
    assert claims and all(c.endswith("(with implied units)") for c in claims)  # compared, and labelled
    shenmu = diff_document(records[SHENMU_ID], reference_from_frame(load_frame(FRAME_PATH), records))
    assert not any("implied" in (e["responsibility"] or "") for e in shenmu["entries"])  # printed markers
