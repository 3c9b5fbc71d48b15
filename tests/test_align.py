"""The aligner: rows of (local heading → expected frame entry or no match),
including headings paraphrased across localities."""

import pytest

from policydiff.compare.align import IDENTICAL, NO_MATCH, align_measure
from policydiff.compare.frame import FRAME_PATH, load_frame


@pytest.fixture(scope="module")
def frame():
    return load_frame(FRAME_PATH)["entries"]


ROWS = [
    # (heading, text, expected label or None, expected reason or None)
    ("完善住院先诊疗后付费政策", "", "先诊疗后付费", IDENTICAL),  # Guangxi/Shenmu wording
    ("调整完善住院先诊疗后付费政策", "", "先诊疗后付费", IDENTICAL),  # Huainan paraphrase
    ("抓实“先诊疗后付费”", "", "先诊疗后付费", None),  # Kaifeng work point
    ("提升“先诊疗后付费”政策落实质量", "", "先诊疗后付费", None),  # Lianyungang 2018
    ("精细化实施低收入人口大病专项救治", "", "大病专项救治", None),
    ("优化疾病分类救治管理措施", "", "大病专项救治", None),
    ("健全防止因病返贫致贫监测预警和精准帮扶机制", "", "因病返贫动态监测", None),
    ("健全动态监测机制", "", "因病返贫动态监测", None),
    ("加强经济薄弱地区远程医疗服务能力建设", "", "互联网+医疗健康", None),
    ("提升群众自我防病能力", "", "健康促进行动", None),
    ("深入开展爱国卫生运动", "", "爱国卫生运动", IDENTICAL),
    ("凝聚部门合力", "", "部门协作", None),  # boilerplate still aligns
    ("进一步健全工作协调机制", "建立联络员制度，定期报告。", None, NO_MATCH),  # a local addition
    ("强化上下协同", "完善市、县、乡、村卫生健康部门工作体系。", None, NO_MATCH),
    # no other notice's heading nor rule near it, but the heading names an entry's cue phrase (probe #19b)
    ("稳住村医队伍", "", "基层卫生人才队伍", None),  # a county's wording for 乡村医生队伍
    ("清除村卫生室“空白点”", "", "乡村医疗卫生服务全覆盖", None),  # a national work plan's item
    ("推进县域医共体建设", "", "县域综合医改", None),
    ("开展远程会诊服务", "", "互联网+医疗健康", None),
    ("加强村级组织建设", "", None, NO_MATCH),  # 村级 alone names no entry
    ("大病保险向脱贫人口倾斜", "", None, NO_MATCH),  # an organisational entry's cue (倾斜) aligns no heading
    ("每千常住人口执业（助理）医师数", "", None, NO_MATCH),  # physicians per 1000: not the village-doctor workforce
    # probe 2 #20: a State Council task printed as one sentence, near 巩固乡村医疗卫生服务覆盖 only by words every
    # notice prints (乡村, 医疗卫生, 服务): not the coverage entry; its 基层…队伍 words give the workforce entry
    ("提升基层医疗卫生服务能力，持续推进乡村医生队伍建设，分批次开展乡村医生免费培训", "", "基层卫生人才队伍", None),
    # a county's item near a coverage heading by its generic words only, naming no topic: no match
    ("做好乡村医疗卫生服务工作", "落实各项工作要求。", None, NO_MATCH),
    # no heading match, but the text carries the entry's key terms
    ("加强基层工作", "推进尘肺病等职业病主动监测与筛查，实施尘肺病综合防控。", "尘肺病等职业病防控", "same topic by key terms"),
]


@pytest.mark.parametrize("heading, text, label, reason", ROWS, ids=[r[0] for r in ROWS])
def test_align_measure(frame, heading, text, label, reason):
    hit = align_measure({"title": heading, "text": text or heading}, frame)
    assert hit["label"] == label
    if reason:
        assert hit["reason"] == reason


def test_boilerplate_is_flagged(frame):
    assert align_measure({"title": "加强组织领导", "text": ""}, frame)["boilerplate"] is True
    assert align_measure({"title": "完善住院先诊疗后付费政策", "text": ""}, frame)["boilerplate"] is False


def test_memo_gives_what_aligning_afresh_gives(frame):
    """A memo of headings (a scan of thousands of notices): every row of ROWS aligned twice through
    one memo is what each gives without it; a heading aligned by the measure's text is never
    remembered (the same heading over other text aligns elsewhere or nowhere)."""
    from policydiff.compare.align import PreparedFrame

    plain, memo = PreparedFrame(frame), PreparedFrame(frame, memo=True)
    for _ in range(2):
        for heading, text, _label, _reason in ROWS:
            measure = {"title": heading, "text": text or heading}
            assert align_measure(measure, memo) == align_measure(measure, plain)
    given = align_measure({"title": "抓实“先诊疗后付费”", "text": ""}, memo)
    given["matched_terms"].append("changed by the caller")  # what it was given is its own
    assert "changed by the caller" not in align_measure({"title": "抓实“先诊疗后付费”", "text": ""}, memo)["matched_terms"]
    by_text = align_measure({"title": "加强基层工作", "text": "推进尘肺病等职业病主动监测与筛查，实施尘肺病综合防控。"}, memo)
    other = align_measure({"title": "加强基层工作", "text": "建立联络员制度，定期报告。"}, memo)
    assert (by_text["label"], other["label"]) == ("尘肺病等职业病防控", None)


MATCHED_ROWS = [
    # (heading, entry label): every term said as matched is printed in the heading itself
    ("落实大病专项救治", "大病专项救治"),  # near another notice's 精细化实施低收入人口大病专项救治: not 低收入/精细化
    ("做好先诊疗后付费", "先诊疗后付费"),  # a county's short item beside the frame's longer wordings
    ("加强低收入人口家庭医生签约服务质量", "家庭医生签约服务"),  # same as a heading but its verb: not the frame's 提高
    ("精细化实施低收入人口大病专项救治", "大病专项救治"),  # a heading printed as another notice's: all its terms
]


@pytest.mark.parametrize("heading, label", MATCHED_ROWS, ids=[r[0] for r in MATCHED_ROWS])
def test_matched_terms_are_printed_in_the_heading(frame, heading, label):
    hit = align_measure({"title": heading, "text": heading}, frame)
    assert hit["label"] == label
    assert hit["matched_terms"]
    assert all(t in heading for t in hit["matched_terms"]), hit["matched_terms"]
