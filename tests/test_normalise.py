"""Normaliser: rows of (text as extracted → normalised text), from the corpus."""

import pytest

from policydiff.normalise import normalise

ROWS = [
    # Shenmu 二（二）: a sentence broken across a page inside a word
    ("（其中涉及第三方责\n\n任的患者不享受先诊疗后付费政策)。", "（其中涉及第三方责任的患者不享受先诊疗后付费政策）。"),
    # Shenmu 四（四）: 府 repeated across a page break
    ("配合单位：市公共卫生服务中心，各镇人民政府\n\n府、街道办事处，各镇卫生院）", "配合单位：市公共卫生服务中心，各镇人民政府、街道办事处，各镇卫生院）"),
    # Huainan: every line hard-wrapped, blank lines between
    ("为贯彻落实国家卫生健康委等部委和省委、省政府、市委、\n\n市政府关于巩固拓展脱贫攻坚成果",
     "为贯彻落实国家卫生健康委等部委和省委、省政府、市委、市政府关于巩固拓展脱贫攻坚成果"),
    # Kaifeng: markdown heading marks and horizontal rules
    ("# 开封市卫生健康委员会文件\n\n汴卫乡振〔2022〕9号\n\n---\n\n## 一、坚持一个目标",
     "开封市卫生健康委员会文件\n汴卫乡振〔2022〕9号\n一、坚持一个目标"),
    # Lianyungang: bold marks around run-in headings
    ("**（二）提高低收入人口家庭医生签约服务质量。**2018年，全市", "（二）提高低收入人口家庭医生签约服务质量。2018年，全市"),
    # Shenmu: half-width numbering with a space
    ("(二) 主要目标。到 2025 年，农村", "（二）主要目标。到2025年，农村"),
    # spaces inside a Chinese phrase and around numbers
    ("所有 30 种大病患者", "所有30种大病患者"),
    ("广西壮族自治区卫生健康委员会等 12 部门 关于印发", "广西壮族自治区卫生健康委员会等12部门关于印发"),
    # Guangxi: a marker broken across a page with mixed bracket widths
    ("各市、县（市、\n\n区)人民政府]", "各市、县（市、区）人民政府]"),
    # a numbered heading standing alone is not joined to its paragraph (Kaifeng 一、)
    ("一、坚持一个目标\n\n坚持基本医疗有保障", "一、坚持一个目标\n坚持基本医疗有保障"),
    # issuer lines of the red header stay one per line
    ("神木市卫生健康局\n中共神木市委机构编制委员会办公室\n\n文件", "神木市卫生健康局\n中共神木市委机构编制委员会办公室\n文件"),
    # a wrapped title is joined; it does not swallow the 文号 line (Huainan)
    (" 关于印发巩固拓展健康脱贫成果同乡村振兴\n有效衔接实施方案的通知\n\n淮卫办〔2022〕7 号",
     "关于印发巩固拓展健康脱贫成果同乡村振兴有效衔接实施方案的通知\n淮卫办〔2022〕7号"),
    # the body title after the signing date is not joined to the first body sentence
    ("2021年8月9日\n\n神木市实现巩固拓展健康扶贫成果 同乡村振兴有效衔接实施方案\n\n为认真贯彻落实",
     "2021年8月9日\n神木市实现巩固拓展健康扶贫成果同乡村振兴有效衔接实施方案\n为认真贯彻落实"),
    # tab-separated table rows stay rows
    ("序号\t工作任务\t牵头处室\n1\t精细化实施低收入人口大病专项救治。\t医政处", "序号\t工作任务\t牵头处室\n1\t精细化实施低收入人口大病专项救治。\t医政处"),
    # a table cell on its own line (Huainan annex) is not glued to the row
    ("2.常住人口超过10万人的脱贫县有1所县级医院达\n\n到二级甲等医院医疗服务能力\n\n约束性",
     "2.常住人口超过10万人的脱贫县有1所县级医院达\n到二级甲等医院医疗服务能力\n约束性"),
    # a mirror page's flattened indicator table: each row's last cell ends in a pipe; the rows stay apart
    # (joined, every value after the first took the first row's indicator — probe of a reposted goal table)
    ("主要健康指标如下：\n人均预期寿命 达到80岁 |\n孕产妇死亡率 控制在10/10万以下 |\n婴儿死亡率 4.5‰ |",
     "主要健康指标如下：\n人均预期寿命达到80岁\n孕产妇死亡率控制在10/10万以下\n婴儿死亡率4.5‰"),
    # a PDF's page number saved with its text: dropped, the sentence it cut is joined again
    ("（三）稳定村医队伍。到2023年底，乡村医生中大专以上学历\n— 2 —\n人员占比达到30%以上。",
     "（三）稳定村医队伍。到2023年底，乡村医生中大专以上学历人员占比达到30%以上。"),
    ("2021年8月26日\n-3-\n桐溪县健康帮扶实施方案", "2021年8月26日\n桐溪县健康帮扶实施方案"),  # before a plan's title
    ("请于第 4 页填写\n第 4 页", "请于第4页填写"),  # 第N页 alone; inside a sentence it stays
    ("一、数据\n—2021—", "一、数据\n—2021—"),  # a year between dashes is no page number (three digits at most)
    # a UTF-8 BOM and an ideographic-space indent
    ("\ufeff\u3000\u3000一、总体要求", "一、总体要求"),
    # a last item closing in its unit bracket, then a joint signature's row of two names side by side
    # (longer than one name may be): the row is no continuation of the item
    ("（四）落实村医待遇。（县财政局、县卫健局负责）\n\n中共青梧市委机构编制委员会办公室　　青梧市发展和改革委员会",
     "（四）落实村医待遇。（县财政局、县卫健局负责）\n中共青梧市委机构编制委员会办公室青梧市发展和改革委员会"),
    # the same row after a sentence wrapped mid-word: still joined where a name is no row of names
    ("按照县卫健局　统一部署，由各乡镇卫生院\n负责　具体落实。", "按照县卫健局统一部署，由各乡镇卫生院负责具体落实。"),
    # a page's byline: the space between a date and a time stays (0815:20 would read as one number)
    ("2022-03-08 15:20　来源：青梧市卫生健康局", "2022-03-08 15:20来源：青梧市卫生健康局"),
    # a joint notice's 文号 lines, each with its 签发人, stand apart (joined, no 文号 was found at all)
    ("青卫发〔2022〕3号　签发人：张某\n青医保发〔2022〕5号　签发人：李某\n关于做好某某工作的通知",
     "青卫发〔2022〕3号签发人：张某\n青医保发〔2022〕5号签发人：李某\n关于做好某某工作的通知"),
    # …and two 文号 side by side on one line, over a title
    ("青卫发〔2022〕3号　青医保发〔2022〕5号\n关于做好某某工作的通知", "青卫发〔2022〕3号青医保发〔2022〕5号\n关于做好某某工作的通知"),
    # a space between digits elsewhere still goes (a PDF's spaced number, a date in words)
    ("到 2025 年 12 月底", "到2025年12月底"),
]


@pytest.mark.parametrize("raw, expected", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_normalise(raw, expected):
    assert normalise(raw).text == expected


def test_every_character_maps_back_to_its_source():
    raw = "（一）优化疾病分类救治措施。将大病专项救治模式推广作为所有 30 种\n\n大病患者"
    norm = normalise(raw)
    for i, ch in enumerate(norm.text):
        if ch not in "（）\n":
            assert raw[norm.source_offsets[i]] == ch


def test_source_span_points_at_the_same_words():
    raw = "到 2025 年，农村\n\n低收入人口"
    norm = normalise(raw)
    start = norm.text.index("低收入")
    src = norm.source_span((start, start + 3))
    assert raw[src[0]:src[1]] == "低收入"


# (lines, paragraphs) — page lines, titles and signed dates stand alone; prose still joins
PAGE_JOINS = [
    (["当前位置：首页", ">政务公开>通知公告"], 2),  # furniture lines are never prose
    (["索引号：0001/2021-3", "澜川省卫生健康委员会关于做好健康帮扶工作的通知"], 2),  # box line, then the title
    (["澜川省卫生健康委员会关于同意设置急救分站的批复", "青梧市卫生健康委："], 2),  # a whole title stands alone
    (["青梧市卫生健康委关于印发", "2022年全市健康帮扶工作要点的通知"], 1),  # a wrapped title joins
    (["关于建立健全行政规范性文件", "合法性审核机制的指导意见"], 1),  # …文件 is no red header here
    (["请各单位于2022年6月30日", "前报送工作进展。"], 1),  # a deadline wrapped mid-sentence still joins
    (["澜卫通〔2020〕3号.pdf", "鹭洲市卫生健康局2020年3月2日"], 2),  # a signature glued to its date
    (["织密县乡村三级医疗卫生服务网", "底，提升服务能力。"], 1),  # a phrase ending in 网 is no site name
    (["梧政复〔202312号", "桐溪县人民政府："], 2),  # a damaged 文号 line stands alone
    # a county task card: the unit line has no full stop; the deadline line after it is its own field
    (["责任单位：县卫健局、县教体局", "完成时限：2023年9月"], 2),
    (["牵头单位：县医保局", "完成时间：长期坚持"], 2),  # 完成时间, after a lead line
    (["责任单位：县卫健局", "责任领导：分管副局长"], 2),  # a person's field is not part of the unit list
    (["各镇要在每季度末将完成时", "限内的进展报县卫健局。"], 1),  # 完成时 wrapped inside a sentence still joins
    # a goal list's line (label, indicator, colon, value, binding bracket), then a line with no label: two items
    (["1.甲率：90%以上（约束性）", "2.乙率：100%（约束性）", "丙占比2023年达到80%。"], 3),
    (["（3）每千人口床位数：6.5张", "丁覆盖率逐年提高。"], 2),  # no binding bracket, a unit word after the value
    (["2.县域内就诊率：≥90%", "戊达标率达到100%。"], 2),  # a comparator before the value
    # a stage's date wrapped after its year is no goal line: still joined
    (["1.启动阶段：2023年", "3月底前完成摸底。"], 1),
    # a value that goes on into a sentence is no goal line: still joined
    (["2.签约率：90%以上的脱贫人口", "签约家庭医生。"], 1),
    # a goal line wrapped inside its value or before its binding bracket: still joined (28 characters a line)
    (["3.乡镇卫生院达到服务能力基本标准比例：100%", "（约束性）"], 1),
    (["3.每千人口执业（助理）医师数：3.2", "人（预期性）"], 1),
    # after its binding bracket nothing of the value goes on: a next item numbered 6. before 65岁 stays apart
    (["5.乙率：100%（约束性）", "6.65岁以上老年人健康管理率：70%"], 2),
]


@pytest.mark.parametrize(("lines", "count"), PAGE_JOINS)
def test_page_lines_and_joins(lines, count):
    assert len(normalise("\n".join(lines)).text.split("\n")) == count


@pytest.mark.parametrize(("printed", "expected"), [
    # a mirror site's reading aid after some characters: removed, the spans still point into the page
    ("青府發(fā)〔2019〕12號\n青梧市人民政府關(guān)於印發(fā)實施方案的通知", "青府發〔2019〕12號\n青梧市人民政府關於印發實施方案的通知"),
    # without tone marks, and repeated after one character
    ("推動農(nong)村(cun)(cun)衛生(sheng)(sheng)廁(ce)所建設", "推動農村衛生廁所建設"),
    ("各區(qū)人民政府，市政(zheng)府各委、辦(ban)、局：", "各區人民政府，市政府各委、辦、局："),
    # Latin in brackets that is not pinyin stays: not syllables, or too few to be a mirror site's
    ("推广PPP(ppp)模式和GDP(gdp)核算，试点(pm)监测", "推广PPP(ppp)模式和GDP(gdp)核算，试点(pm)监测"),
    ("建立公私合作(PPP)项目库", "建立公私合作(PPP)项目库"),
    ("一是(a)类地区，二是(b)类地区", "一是(a)类地区，二是(b)类地区"),
])
def test_pinyin_annotations_are_removed(printed, expected):
    result = normalise(printed)
    assert result.text == expected
    for i, ch in enumerate(result.text):
        if ch not in "（）\n":
            assert printed[result.source_offsets[i]] == ch  # every character maps back to itself
    assert bool(result.repairs) == (printed != expected)


@pytest.mark.parametrize(("line", "raw", "repaired"), [
    # a damaged number after an earlier one's 号文件精神和: the repair quotes only the damaged number
    ("根据省卫生健康委【2021】15号文件精神和市政府办2021〕4号文件要求，现通知如下。", "市政府办2021〕4号", "市政府办〔2021〕4号"),
    # after a verb and another body's number joined by 及
    ("按照县委发〔2022〕3号及县政办发2022〕9号要求执行。", "县政办发2022〕9号", "县政办发〔2022〕9号"),
    # right after an earlier number with no joining word (…2号县卫发2021〕7号)
    ("依据县政发〔2021〕2号县卫发2021〕7号，现通知如下。", "县卫发2021〕7号", "县卫发〔2021〕7号"),
    # the code alone after a comma: unchanged, the code quoted whole
    ("现转发，青卫发2020〕8号请遵照执行。", "青卫发2020〕8号", "青卫发〔2020〕8号"),
])
def test_a_repair_quotes_only_the_damaged_number(line, raw, repaired):
    result = normalise(line)
    damaged = [r for r in result.repairs if r["kind"] == "missing_open_bracket"]
    assert [(r["raw"], r["repaired"]) for r in damaged] == [(raw, repaired)]
    start, end = damaged[0]["span"]
    assert result.text[start:end] == repaired  # the span points at the repaired number
