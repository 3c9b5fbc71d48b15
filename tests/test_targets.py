"""Numeric targets: rows of (sentence → (comparator, value, unit, deadline)), real
sentences from the corpus plus hard cases."""

import pytest

from policydiff.extract.targets import extract_targets


def targets(sentence, binding=None, year=None):
    found = extract_targets(sentence, (0, len(sentence)), "x", binding, year)
    for t in found:
        assert sentence[t.span[0]:t.span[1]] == t.text
    return [(t.comparator, t.value, t.unit, t.deadline_year) for t in found]


ROWS = [
    # Shenmu 四（二）: 达到 → >=
    ("农村妇女宫颈癌、乳腺癌筛查年度目标人群覆盖率达到80%。", [(">=", 80, "%", None)]),
    # 达…以上
    ("新生儿遗传代谢性疾病筛查覆盖率达90%以上。", [(">=", 90, "%", None)]),
    # Chinese numerals: 不少于一年 / 三个月
    ("原则上时间不少于一年，每次时间不少于三个月的规定。", [(">=", 1, "年", None), (">=", 3, "个月", None)]),
    # a plain count → =
    ("针对所有 30 种大病患者住院治疗的规范化措施。", [("=", 30, "种", None)]),
    ("重点做好高血压、糖尿病、肺结核、严重精神障碍四种主要慢病患者的规范管理。", [("=", 4, "种", None)]),
    # Kaifeng: several values at once
    ("超出部分的医疗费用，分别不得超过其当次住院医疗总费用的2.5%、5%、10%，超出部分由定点医疗机构承担。",
     [("<=", 2.5, "%", None), ("<=", 5, "%", None), ("<=", 10, "%", None)]),
    # durations with 内, Chinese numerals: 一周内, 一月内
    ("对新纳入监测系统的“三类户”，一周内要入户核实基本信息，一月内要落实健康帮扶措施。",
     [("<=", 1, "周", None), ("<=", 1, "月", None)]),
    # deadline year
    ("到2020年力争达到30个病种。", [(">=", 30, "个病种", 2020)]),
    ("2018年，全市农村低收入人口家庭医生签约服务覆盖率达90%以上。", [(">=", 90, "%", 2018)]),
    # “十四五”期末 → 2025; percentage points
    ("实现“十四五”期间全市脱贫地区居民健康素养水平总上升幅度达到 5 个百分点。", [(">=", 5, "个百分点", 2025)]),
    # ≥ in an annex cell
    ("大病专项救治病种≥34种", [(">=", 34, "种", None)]),
    # 不少于 in brackets, two values
    ("每批不少于5人（中医院不少于3人），连续工作时间不得少于6个月。",
     [(">=", 5, "人", None), (">=", 3, "人", None), (">=", 6, "个月", None)]),
    # an age or population condition names a group: a qualifier, not a target (issue 15 item 5)
    ("对于年满 60 周岁的乡村医生", []),
    ("常住人口超过10万人的脱贫县有1所县级医院", [("=", 1, "所", None)]),
    # not targets: ranks, age bands, quoted slogans, dates, document numbers, years, ordinals
    ("支持城市二级及以上医院在职或退休医师到乡村多点执业。", []),
    ("做好孕产妇和0-6岁儿童健康管理。", []),
    ("落实“两个允许”政策，重点建好“五大中心”。", []),
    ("2021年8月9日印发", []),
    ("按照《陕西省乡镇卫生院机构编制标准（暂行）》（编办发〔2011〕81号）核定。", []),
    ("全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。", []),
    ("组织实施广西公共卫生防控救治能力建设三年行动计划（2020—2022）。", []),
    ("进一步统一思想，第三方责任的患者。", []),
    # percentages in Chinese numerals (probe-2 finding 11): 百分之 before the numeral is the unit
    ("全县脱贫人口签约服务率保持在百分之九十五以上。", [(">=", 95, "%", None)]),
    ("基层诊疗量占比达到百分之六十以上，个人自付比例不低于百分之十五点五。", [(">=", 60, "%", None), (">=", 15.5, "%", None)]),
    # 百分之 inside a word is not a percentage; 三分之一 is no target either
    ("百分之百的热情投入工作，三分之一的时间用于下乡。", []),
    # a count inside a rate's subject is not a separate target
    ("四种重点慢病规范管理率达到90%以上。", [(">=", 90, "%", None)]),
    # --- goal-paragraph shapes (issue 14 item 6); invented places and numbers
    # ‰ and a 下降到 comparator
    ("婴儿死亡率下降到4.8‰，5岁以下儿童死亡率控制在6.5‰以下。", [("<=", 4.8, "‰", None), ("<=", 6.5, "‰", None)]),
    # /10万 with a baseline 从…下降到…: the target value, and its start kept as a status figure (=, no deadline)
    ("孕产妇死亡率从18.6/10万下降到15.2/10万。", [("=", 18.6, "/10万", None), ("<=", 15.2, "/10万", None)]),
    # 小于 is strict, /10万 after 应
    ("全县孕产妇死亡率应小于14/10万。", [("<", 14, "/10万", None)]),
    # 岁 as a target, baseline 由…提高到
    ("人均预期寿命由77.3岁提高到78.1岁。", [("=", 77.3, "岁", None), (">=", 78.1, "岁", None)]),
    # baseline and target each with a year: 由2020年的…提高到2025年的… (到2025年 is the deadline)
    ("全县人均预期寿命由2020年的77.6岁提高到2025年的78.3岁，孕产妇死亡率从2020年的16.1/10万下降到14/10万。",
     [("=", 77.6, "岁", None), (">=", 78.3, "岁", 2025), ("=", 16.1, "/10万", None), ("<=", 14, "/10万", 2025)]),
    # 应大于 / 应小于 (old 规划 style), ‰
    ("到2025年，人均预期寿命应大于78.6岁，婴儿死亡率应小于6‰。", [(">", 78.6, "岁", 2025), ("<", 6, "‰", 2025)]),
    # 左右 and 约: approximate, comparator =
    ("住院费用实际报销比例稳定在70%左右。", [("=", 70, "%", None)]),
    ("全年节约药品采购费用约1.6亿元。", [("=", 1.6, "亿元", None)]),
    # 元/人 and 张/千人 and 人/万人
    ("人均基本公共卫生服务经费补助标准提高到94元/人。", [(">=", 94, "元/人", None)]),
    ("每千人口医疗卫生机构床位数达到6.8张/千人，每万人口全科医生数达到3.9人/万人。",
     [(">=", 6.8, "张/千人", None), (">=", 3.9, "人/万人", None)]),
    # a value with no unit after a comparator: 指数达85, 控制在0.015以内
    ("居民健康素养指数达86，传染病报告发病死亡率控制在0.015以内。", [(">=", 86, "", None), ("<=", 0.015, "", None)]),
    # 万人次 / 万名 as amounts, 个百分点
    ("全年培训乡村医生2.5万人次，健康素养水平提高3个百分点。", [("=", 2.5, "万人次", None), ("+", 3, "个百分点", None)]),  # a change: "+", never a level
    ("年内为1.6万名残疾人开展康复服务。", [("=", 1.6, "万名", None)]),
    # 不低于 / 以上 / 大于 as at least
    ("县域内就诊率达到90%以上，签约服务覆盖率不低于75%，床位使用率大于85%。",
     [(">=", 90, "%", None), (">=", 75, "%", None), (">", 85, "%", None)]),
    # a list closed by one comparator: each amount keeps its own
    ("村医补助实行分级承担，县级补助200元、乡级补助80元、村级补助不低于50元。",
     [("=", 200, "元", None), ("=", 80, "元", None), (">=", 50, "元", None)]),
    # a comparator before a list of amounts holds for each; 保持在…以上 is at least; 达到…左右 is about
    ("每个乡镇卫生院至少配备1名公共卫生医师、2名全科医生。", [(">=", 1, "名", None), (">=", 2, "名", None)]),
    ("签约服务覆盖率保持在85%以上，县域内住院率达到90%左右。", [(">=", 85, "%", None), ("=", 90, "%", None)]),
    # a range is one entry holding both bounds (value the low one, high the upper: test_a_range_is_one_entry)
    ("每个乡镇卫生院建成前5-10个特色专科。", [("between", 5, "个", None)]),
    ("每名专家驻点帮扶1-2个月。", [("between", 1, "个月", None)]),
    # a deadline 到2025年底前 / 2024年底前
    ("2024年底前，所有村卫生室配备1名以上乡村医生。", [(">=", 1, "名", 2024)]),
    ("到2025年底前，家庭医生签约服务覆盖率达到80%。", [(">=", 80, "%", 2025)]),
    # Chinese numerals: 一年以上, 一份
    ("对口支援医师连续工作一年以上，每户建立一份健康档案。", [(">=", 1, "年", None), ("=", 1, "份", None)]),
    # not targets: a meeting ordinal, an age band, an article number, a date with 月底
    ("深入学习贯彻市委三届四次全会精神。", []),
    ("为65岁以上老年人和0-6岁儿童提供健康管理服务。", []),
    ("依照条例第十二条规定办理。", []),
    ("请于6月30日前报送，12月底前完成。", []),
    ("（2023—2025年）", []),
    ("浏览次数：56次", []),  # a page's counter, not a requirement
    ("坚持新发现一例救治一例，做到一户一策。", []),  # slogans in Chinese numerals
    # a signature's date in Chinese numerals (its year is no count of years), with 〇 or ○ for zero
    ("青梧市卫生健康委员会\n二〇二二年三月十五日", []),
    ("二○二一年八月九日印发", []),
    ("二〇二三年十二月", []),  # the month only
    # a duration in Chinese numerals is still read (two characters, not a year)
    ("对在村卫生室连续工作满二十年的乡村医生给予补助。", [(">=", 20, "年", None)]),  # 满: at least
    # the same count repeated in one item is one requirement
    ("保持30种大病病种不变，现有30种大病定点医院保持不变。", [("=", 30, "种", None)]),
    # a notice's or an agreement's period of validity: how long it holds, no target (was a period = 2年)
    ("本通知自印发之日起施行，有效期2年。", []),
    ("签约协议有效期为1年，期满后双方可续签。", []),
    # one person put in charge (一名专人负责): who handles the work, not a count to reach (was = 1名)
    ("各村（社区）要明确一名专人负责此项工作。", []),
    # …while a count of staff to be provided stays a target, 专职 included
    ("每个乡镇卫生院安排1名专人负责信息报送，配备2名专职公共卫生医师。", [("=", 2, "名", None)]),
    # a duration that is no validity period is still read
    ("乡村医生每年参加培训时间累计不少于2周。", [(">=", 2, "周", None)]),
]


@pytest.mark.parametrize("sentence, expected", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_targets(sentence, expected):
    assert targets(sentence) == expected


def test_a_bare_rate_before_a_shared_value_is_its_own_target():
    # Shenmu 四（二）: 产前筛查率，新生儿…覆盖率达90%以上 → two indicators, one text
    sentence = "深入实施产前筛查和新生儿疾病筛查，产前筛查率，新生儿遗传代谢性疾病筛查覆盖率达90%以上。"
    found = extract_targets(sentence, (0, len(sentence)), "四/（二）")
    assert [t.indicator for t in found] == ["产前筛查率", "新生儿遗传代谢性疾病筛查覆盖率"]
    assert {t.text for t in found} == {"产前筛查率，新生儿遗传代谢性疾病筛查覆盖率达90%以上"}


def test_a_deadline_at_a_paragraph_start_carries_to_its_later_sentences():
    text = "到2025年底前，全市脱贫人口家庭医生签约率达到95%。大病专项救治病种不少于35种。\n县级医院达到二级水平的不少于3所。"
    found = extract_targets(text, (0, len(text)), "goal")
    assert [(t.value, t.deadline_year) for t in found] == [(95, 2025), (35, 2025), (3, None)]


def test_a_list_of_rates_closed_by_one_comparator_names_each_rate():
    text = "实现产前筛查率92%以上、新生儿疾病筛查率96%以上的目标。"
    found = extract_targets(text, (0, len(text)), "goal")
    assert [(t.indicator, t.comparator, t.value) for t in found] == [("产前筛查率", ">=", 92), ("新生儿疾病筛查率", ">=", 96)]


def test_approximate_values_are_marked():
    text = "实际补偿比维持在65%左右，覆盖率达到90%。"
    found = extract_targets(text, (0, len(text)), "goal")
    assert [(t.comparator, t.value, t.approximate) for t in found] == [("=", 65, True), (">=", 90, False)]


@pytest.mark.parametrize("sentence, qualifier, expected", [
    # a population condition on a count (issue 15 item 5)
    ("常住人口超过10万人的脱贫县有1所县级医院达到二级甲等水平。", "常住人口超过10万人的脱贫县", [("=", 1, "所")]),
    # an age group inside a rate's subject
    ("65岁以上老年人健康管理率达到72%。", "65岁以上老年人", [(">=", 72, "%")]),
    # a service population with 以上
    ("服务人口30万人以上的县，至少设置2个急救站点。", "服务人口30万人以上的县", [(">=", 2, "个")]),
    # probe 3a: an age group opening a numbered line (2.65岁…): the list's 2. is neither the age nor the noun's
    ("2.65岁及以上老年人规范健康管理服务率达到65%；", "65岁及以上老年人", [(">=", 65, "%")]),
    ("3.0-6岁儿童眼保健和视力检查覆盖率达到90%以上；", "0-6岁儿童", [(">=", 90, "%")]),
])
def test_conditions_are_qualifiers_of_the_target(sentence, qualifier, expected):
    found = extract_targets(sentence, (0, len(sentence)), "x")
    assert [(t.comparator, t.value, t.unit) for t in found] == expected
    for t in found:
        assert t.qualifier["text"] == qualifier
        assert sentence[slice(*t.qualifier["span"])] == qualifier


def test_the_same_count_for_two_groups_is_two_targets():
    # Huainan annex shape: one row, two population conditions, 1所 each
    text = "常住人口超过10万人的县有1所县级医院达到二级水平，常住人口超过50万人的县有1所县级医院达到三级水平"
    found = extract_targets(text, (0, len(text)), "annex")
    assert [(t.value, t.qualifier["text"]) for t in found] == [(1, "常住人口超过10万人的县"), (1, "常住人口超过50万人的县")]


def test_binding_and_deadline_come_from_the_annex_table():
    found = extract_targets("大病专项救治病种≥30种", (0, 12), "annex", "约束性", 2025)
    assert (found[0].binding, found[0].deadline_year, found[0].indicator) == ("约束性", 2025, "大病专项救治病种")


def test_every_sentence_of_a_notice_is_read():
    # invented plan: targets in the preamble, in a goal item's lead-in before its children, and in an
    # unnumbered paragraph, as well as in the leaf items
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    text = ("青禾县健康帮扶工作方案\n到2025年，全县脱贫人口家庭医生签约率达到95%，县域内就诊率达到90%以上。\n"
            "一、工作目标\n到2024年底前，大病专项救治病种不少于35种。\n（一）健全机构。每个乡镇至少有1所标准化卫生院。\n"
            "（二）配强人员。每个村卫生室至少配备1名乡村医生。\n二、重点任务\n（一）做好签约服务。重点人群签约率不低于80%。\n")
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    found = {(t["path"], t["value"], t["deadline_year"]) for t in record["targets"]}
    assert {("preamble", 95, 2025), ("preamble", 90, 2025), ("goal", 35, 2024), ("二/（一）", 80, None)} <= found
    assert ("goal", 1, None) in found  # the children are goal items; the lead-in paragraph's deadline stays in it


def test_a_lead_in_that_introduces_a_list_gives_its_deadline_to_the_items():
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    text = ("一、主要目标\n到2025年底，全县实现以下目标：\n（一）脱贫人口家庭医生签约率达到95%。\n"
            "（二）县域内就诊率达到90%以上。\n二、重点任务\n（一）做好签约服务。重点人群签约率不低于80%。\n")
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert [(t["path"], t["value"], t["deadline_year"]) for t in record["targets"]] == \
        [("goal", 95, 2025), ("goal", 90, 2025), ("二/（一）", 80, None)]


RANGE_ROWS = [
    # (sentence, [(comparator, value, high, unit, role, value as printed)]) — invented, in real notices' shapes
    # county plan: 遴选1至2家 — one entry, not >=1 and <=2 as two targets
    ("每个乡镇遴选1至2家村卫生室开展中医药服务。", [("between", 1, 2, "家", "target", "1至2家")]),
    # prefecture: Chinese numerals 一至两家 (was read as exactly 2)
    ("每个县区确定一至两家县级医院作为牵头医院。", [("between", 1, 2, "家", "target", "一至两家")]),
    # provincial: 到 between two numbers (was read as exactly 2)
    ("每个县每年选派2到3名骨干医师下沉乡镇卫生院。", [("between", 2, 3, "名", "parameter", "2到3名")]),
    # a dash range with a rate comparator elsewhere in the sentence: each its own entry
    ("培育1-2个特色科室，门诊量提高到5000人次以上。",
     [("between", 1, 2, "个", "target", "1-2个"), (">=", 5000, None, "人次", "target", "5000人次")]),
    # not ranges: an ordinal run (第一至三批), a span of years, an age band
    ("继续推进第一至三批试点县建设。", []),
    ("2021至2025年持续实施。", []),
    ("做好0-6岁儿童健康管理。", []),
]


@pytest.mark.parametrize("sentence, expected", RANGE_ROWS, ids=[f"range{i}" for i in range(len(RANGE_ROWS))])
def test_a_range_is_one_entry(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "x", issue_year=2022)
    assert [(t.comparator, t.value, t.high, t.unit, t.role, sentence[slice(*t.value_span)]) for t in found] == expected
    for t in found:
        assert (t.to_dict()["high"] is None) == (t.comparator != "between")


@pytest.mark.parametrize("ref, local, change", [
    # a range against the same range: same; against another range or a single value: a changed range
    ({"comparator": "between", "value": 1, "high": 2, "unit": "家"},
     {"comparator": "between", "value": 1, "high": 2, "unit": "家"}, "same"),
    ({"comparator": "between", "value": 1, "high": 2, "unit": "家"},
     {"comparator": "between", "value": 2, "high": 3, "unit": "家"}, "changed range"),
    ({"comparator": "between", "value": 1, "high": 2, "unit": "家"}, {"comparator": ">=", "value": 1, "unit": "家"},
     "changed range"),
    # a record written before ranges had high: no key, compared as before
    ({"comparator": ">=", "value": 30, "unit": "种"}, {"comparator": ">=", "value": 34, "unit": "种"}, "strengthened"),
])
def test_a_range_is_compared_by_both_bounds(ref, local, change):
    from policydiff.compare.diff import target_change
    from policydiff.models import shown_value

    assert target_change(ref, local) == change
    assert "between" not in shown_value(ref) + shown_value(local)  # shown as 1–2家, never "between1家"


YEAR_ROWS = [
    # (text, issue year, [(value, role, deadline_year)]) — probe-2 finding 8; invented sentences in real shapes
    # a status sentence then a sentence opening on the plan year: the later targets take the later year
    ("2022年，全县家庭医生签约率达到98.5%。2023年的主要目标是：签约率稳定在95%以上，续约率不低于80%。", 2023,
     [(98.5, "status", None), (95, "target", 2023), (80, "target", 2023)]),
    # a lead-in ending on a colon: its year holds for the list paragraphs after it
    ("2022年，全县签约率达到97%。2023年全县工作目标如下：\n签约率保持在95%以上。\n重点人群续约率达到85%。", 2023,
     [(97, "status", None), (95, "target", 2023), (85, "target", 2023)]),
    # a year at a mid-paragraph sentence head governs that sentence, not the paragraph's earlier deadline
    ("到2025年，县域内就诊率达到90%。2024年全县签约率达到92%。", 2023, [(90, "target", 2025), (92, "target", 2024)]),
    # a change after a ；in a paragraph whose deadline is after the notice: asked for, not a change already seen
    ("到2025年，全县居民健康素养水平达到30%；较2022年提高5个百分点以上。", 2023,
     [(30, "target", 2025), (5, "target", 2025)]),
    # a year where a span starts (2024年起) is not the deadline of its figures: the paragraph's holds
    ("到2026年，县域内就诊率达到90%。2024年起，每年新增签约居民不少于500人。", 2023,
     [(90, "target", 2026), (500, "parameter", 2026)]),
    # a past year at a sentence head is a status year and governs nothing after it
    ("到2025年，县域内就诊率达到90%。2021年全县签约率为85%。续约率达到80%。", 2023,
     [(90, "target", 2025), (85, "status", None), (80, "target", 2025)]),
]


# probe 3a #1 and #5: (path, text, issue year, [(value, role, deadline_year)]) — a change an item or a task row asks
# for, against the year before the notice or 上年, is a target; a report (its sentence opens on an earlier year, a
# preamble, 了, a base years back) stays status; a deadline after an aim word, a month's end, a plan's period
ITEM_ROWS = [
    # 2023 工作要点 item: 比2022年 (the year before the notice) — asked for
    ("二/（四）", "农村卫生厕所普及率比2022年提高3个百分点。", 2023, [(3, "target", None)]),
    # 较上年 in an item of a plan
    ("二/（二）", "门急诊人次占比较上年提高2个百分点。", 2023, [(2, "target", None)]),
    # a task row (附件/表/N) with its own deadline cell's year
    ("附件/表/4", "重点人群签约服务覆盖率较2022年提高3个百分点", 2023, [(3, "target", None)]),
    # a goal sentence opening on the notice's year, against the year before
    ("goal", "2023年，县域内就诊率比2022年提高2个百分点。", 2023, [(2, "target", 2023)]),
    # a report inside an item: its sentence opens on an earlier year
    ("三", "2022年，全县签约率较上年提高2个百分点。", 2023, [(2, "status", None)]),
    # a base years back with no deadline: a change already seen
    ("三", "全县签约率比2020年提高5个百分点。", 2023, [(5, "status", None)]),
    # the preamble's account stays status; 提高了 is done
    ("preamble", "全县签约率较上年提高2个百分点。", 2023, [(2, "status", None)]),
    ("二", "全县签约率较上年提高了2个百分点。", 2023, [(2, "status", None)]),
    # a year after an aim word (力争2025年达到) is the deadline
    ("二/（三）", "重点人群覆盖率逐年提高，力争2025年达到85%。", 2022, [(85, "target", 2025)]),
    # a month's end before 前 (2023年6月底前完成)
    ("二/（五）", "2023年6月底前完成12个中心村卫生室标准化改造。", 2022, [(12, "target", 2023)]),
    # a total over the plan's period (“十四五”期间累计培训) in a 2022 plan: still to reach, not 累计 already done
    ("二/（二）", "“十四五”期间累计培训乡村医生3000人次。", 2022, [(3000, "target", 2025)]),
    # 累计 in the notice's past stays status
    ("一", "“十三五”期间累计培训乡村医生3000人次。", 2022, [(3000, "status", None)]),
    # the item's own 完成时限 line gives its figures their year
    ("一", "完成3所乡镇卫生院提档升级改造。\n责任单位：县卫健委规划财务股；完成时限：2024年10月底前。", 2023,
     [(3, "target", 2024)]),
    ("二", "新建公有产权村卫生室15个。责任单位：县卫健委；完成时限：“十四五”期间。", 2023, [(15, "target", 2025)]),
    # a deadline year in Chinese numerals (到二〇二五年)
    ("goal", "到二〇二五年，全县签约服务覆盖率提高到百分之七十五。", 2022, [(75, "target", 2025)]),
    # a time limit printing only its year (完成时限：2023年底) in the item's marker
    ("二/（一）", "本科以上学历占比不低于50%。（责任股室：人事股；完成时限：2023年底）", 2022, [(50, "target", 2023)]),
    # a limit within the notice's year (时限：全年, 完成时限：年底前): that year, inferred (its cue says so)
    ("二/3", "县域内就诊率90%以上。（牵头股室：医政股；配合：县医院；时限：全年）", 2023, [(90, "target", 2023)]),
    ("二/4", "县域内就诊率90%以上。完成时限：年底前", 2023, [(90, "target", 2023)]),
    # 长期坚持 gives no year
    ("三", "每村至少1名乡村医生。完成时限：长期坚持。", 2023, [(1, "target", None)]),
]


@pytest.mark.parametrize("path, text, issue_year, expected", ITEM_ROWS, ids=[f"item{i}" for i in range(len(ITEM_ROWS))])
def test_an_items_changes_and_deadlines(path, text, issue_year, expected):
    found = extract_targets(text, (0, len(text)), path, issue_year=issue_year)
    assert [(t.value, t.role, t.deadline_year) for t in found] == expected
    for t in found:
        if "时限" in text and t.deadline_year:
            assert "时限" in t.role_cue  # said where the year comes from
            limit = text.split("时限")[-1]  # a year the limit neither prints nor names (“十四五”期间 → 2025) is inferred
            if str(t.deadline_year) not in limit and "十四五" not in limit:
                assert "inferred" in t.role_cue  # a year the limit does not print is said to be inferred


@pytest.mark.parametrize("text, issue_year, expected", YEAR_ROWS, ids=[f"year{i}" for i in range(len(YEAR_ROWS))])
def test_the_nearest_governing_year_is_the_deadline(text, issue_year, expected):
    found = extract_targets(text, (0, len(text)), "goal", issue_year=issue_year)
    assert [(t.value, t.role, t.deadline_year) for t in found] == expected


CHANGE_ROWS = [
    # (sentence, [(indicator, comparator, value, unit)]) — probe-2 finding 9: a change is "+"/"-", never a level
    # a cut of a threshold by a share: not 起付线 = 50%
    ("对特困供养人员，大病保险起付线降低50%。", [("大病保险起付线", "-", 50, "%")]),
    # a rise in points with 以上: by at least
    ("到2025年，全县居民健康素养水平达到30%，较2022年提高4个百分点以上。",
     [("全县居民健康素养水平", ">=", 30, "%"), ("全县居民健康素养水平", "+>=", 4, "个百分点")]),
    # a change against another body's target: the rate of the clause before, not 比市定目标高出
    ("全县重点人群签约率达到95%，比市定目标高出3个百分点。",
     [("全县重点人群签约率", ">=", 95, "%"), ("全县重点人群签约率", "+", 3, "个百分点")]),
    # a change after a clause that rose to a level (由…提高到90%，较上年提高…): that clause's rate
    ("县域内就诊率由2021年的82%提高到90%，较上年提高2个百分点以上。",
     [("县域内就诊率", "=", 82, "%"), ("县域内就诊率", ">=", 90, "%"), ("县域内就诊率", "+>=", 2, "个百分点")]),
    # a change per year: the year word in brackets, not 占比每年
    ("乡镇卫生院中级职称人员占比每年提高2个百分点。", [("乡镇卫生院中级职称人员占比（每年）", "+", 2, "个百分点")]),
    # a level reached by a rise (提高到) stays a level
    ("门诊报销比例由60%提高到70%。", [("门诊报销比例", "=", 60, "%"), ("门诊报销比例", ">=", 70, "%")]),
    # a change verb right before a bound: a change with its bound (年均增长不低于8% → +>=8%), the year word in brackets
    ("县级财政卫生投入年均增长不低于8%。", [("县级财政卫生投入（年均）", "+>=", 8, "%")]),
    ("全县住院次均费用增长不超过5%。", [("全县住院次均费用", "+<=", 5, "%")]),
    # a fall to a level (降低至, 降低…到) is a level, not a change
    ("大病保险起付线由1.2万元降低至6000元。", [("大病保险起付线", "<=", 6000, "元")]),
    ("逐步降低脱贫人口住院自付比例到10%以内。", [("逐步降低脱贫人口住院自付比例", "<=", 10, "%")]),
    ("对特困人员，逐步降低住院自付比例到8%以内。", [("逐步降低住院自付比例", "<=", 8, "%")]),  # not at the sentence start
    # doubled against a base year: the base apart from the noun
    ("力争县域内门诊人次比2022年翻一番。", [("县域内门诊人次", "×", 2, "倍")]),
    # doubled: ×2, no unit of its own
    ("到2025年，乡镇卫生院全科医生数量翻一番。", [("乡镇卫生院全科医生数量", "×", 2, "倍")]),
    # probe 4a #8: 递增/递减 a year is a yearly change, not a level (not 补助每年递增 = 5%)
    ("乡村医生基本公共卫生服务补助每年递增5%。", [("乡村医生基本公共卫生服务补助（每年）", "+", 5, "%")]),
    ("村医补助标准逐年递增10%以上。", [("村医补助标准（逐年）", "+>=", 10, "%")]),
    ("住院次均费用每年递减2%。", [("住院次均费用（每年）", "-", 2, "%")]),
    # a yearly rise with no noun of its own is of the amount before it in the sentence
    ("乡村医生补助按每人每月不低于400元的标准发放，且每年递增5%。",
     [("乡村医生补助（每人每月）", ">=", 400, "元"), ("乡村医生补助（每年）", "+", 5, "%")]),
    # probe 4a #6: a ratio (1:1.2, 1比1.5, 1∶0.6) is no level of its noun: nothing rather than 收入比 = 1
    ("乡村医生与乡镇卫生院同类人员收入比达到1:1.2。", []),
    ("医护比达到1比1.5，床护比不低于1∶0.6。", []),

]


@pytest.mark.parametrize("sentence, expected", CHANGE_ROWS, ids=[f"change{i}" for i in range(len(CHANGE_ROWS))])
def test_a_change_is_never_a_level(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2023)
    assert [(t.indicator, t.comparator, t.value, t.unit) for t in found] == expected


@pytest.mark.parametrize("ref, local, change", [
    # a change against a level of the same number: not the same
    ({"comparator": "=", "value": 50, "unit": "%"}, {"comparator": "-", "value": 50, "unit": "%"}, "changed comparator"),
    # a larger rise is stronger, a smaller fall weaker
    ({"comparator": "+", "value": 2, "unit": "个百分点"}, {"comparator": "+", "value": 3, "unit": "个百分点"}, "strengthened"),
    ({"comparator": "-", "value": 50, "unit": "%"}, {"comparator": "-", "value": 30, "unit": "%"}, "weakened"),
    # a rise against a fall
    ({"comparator": "+", "value": 5, "unit": "%"}, {"comparator": "-", "value": 5, "unit": "%"}, "changed comparator"),
    # points are a change whatever the comparator: 总上升幅度达到5个百分点 against 提高5个百分点
    ({"comparator": ">=", "value": 5, "unit": "个百分点"}, {"comparator": "+", "value": 5, "unit": "个百分点"}, "same"),
    ({"comparator": ">=", "value": 5, "unit": "个百分点"}, {"comparator": "+>=", "value": 6, "unit": "个百分点"},
     "strengthened"),
])
def test_a_change_compares_only_with_a_change(ref, local, change):
    from policydiff.compare.diff import target_change

    assert target_change(ref, local) == change


INDICATOR_ROWS = [
    # (sentence, [(indicator, comparator, value, high, unit)]) — probe-2 finding 10: the noun each value measures
    # a range whose low bound repeats the unit's head (万): one entry, not 万至 = 5万人
    ("每个片区中心服务人口2万至4万人。", [("每个片区中心服务人口", "between", 2, 4, "万人")]),
    # a range of percentages with a dash: one between entry, its noun before the verb
    ("农村卫生厕所普及率达到80%—85%。", [("农村卫生厕所普及率", "between", 80, 85, "%")]),
    # a range then a count in one 、 list: the count's noun is after the range, whole (not 个、市级健康村)
    ("建成省级健康村10—12个、市级健康村30个左右。",
     [("建成省级健康村", "between", 10, 12, "个"), ("市级健康村", "=", 30, None, "个")]),
    # 左右 after a count is no noun: the noun before it
    ("建成县级健康村25个左右。", [("建成县级健康村", "=", 25, None, "个")]),
    # two counts in a 、 list, each its own noun (not 个、健康社区)
    ("新创建市级健康乡镇3个、健康社区12个。", [("新创建市级健康乡镇", "=", 3, None, "个"), ("健康社区", "=", 12, None, "个")]),
    # the noun of a clause that says it rises year by year, not 年达到
    ("县域内住院量占比逐年提高，到2025年达到70%。", [("县域内住院量占比", ">=", 70, None, "%")]),
    # the rate of the clause before a change then a level (not 达到)
    ("县域内就诊率较上年提高1个百分点，2025年达到92%。",
     [("县域内就诊率", "+", 1, None, "个百分点"), ("县域内就诊率", ">=", 92, None, "%")]),
    # three rates sharing one value with 均: one target each
    ("村卫生室医保结算覆盖率、远程会诊覆盖率、电子病历使用率均达到100%。",
     [("村卫生室医保结算覆盖率", ">=", 100, None, "%"), ("远程会诊覆盖率", ">=", 100, None, "%"),
      ("电子病历使用率", ">=", 100, None, "%")]),
    # a list of disease groups before one rate stays one indicator
    ("高血压、糖尿病患者规范管理率均达到65%。", [("高血压、糖尿病患者规范管理率", ">=", 65, None, "%")]),
    # probe 3a #8: a level after a change against a base year (比2022年提高…，达到75%): the rate of the clause before
    ("农村卫生厕所普及率比2022年提高3个百分点，达到75%。",
     [("农村卫生厕所普及率", "+", 3, None, "个百分点"), ("农村卫生厕所普及率", ">=", 75, None, "%")]),
    # probe 3a #8: 达 of 达标率 is no comparator (not 村卫生室 ≥ 100%); 一是/二是 and 力争 are no part of a noun
    ("村卫生室达标率100%。", [("村卫生室达标率", "=", 100, None, "%")]),
    ("二是农村适龄妇女两癌筛查覆盖率达到80%以上。", [("农村适龄妇女两癌筛查覆盖率", ">=", 80, None, "%")]),
    ("县域内就诊率力争达到90%。", [("县域内就诊率", ">=", 90, None, "%")]),
    # probe 3a #17: a second count with no noun of its own (力争2所达到三级水平): the noun the clause before counted,
    # with what this count reaches — not the 1所 二级 target's twin
    ("确保每个县至少有1所县级医院达到二级甲等水平，力争2所达到三级水平。",
     [("县级医院（每个县）", ">=", 1, None, "所"), ("县级医院（达到三级水平）", "=", 2, None, "所")]),
    # probe 3a: two changes in one 、 list, each its own noun (not 起付线降低50%、报销比例)
    ("大病保险起付线降低50%、报销比例提高5个百分点。",
     [("大病保险起付线", "-", 50, None, "%"), ("报销比例", "+", 5, None, "个百分点")]),
    # the body told to reach it (各地医保部门要确保) is no part of the noun
    ("各地医保部门要确保农村低收入人口参保率稳定在99%以上。", [("农村低收入人口参保率", ">=", 99, None, "%")]),
    # 同比 before the change is no part of the noun
    ("门诊量同比增长5%。", [("门诊量", "+", 5, None, "%")]),
    # a base year in Chinese numerals (较二〇二〇年) is no part of the noun
    ("重点人群签约服务覆盖率较二〇二〇年提高两个百分点以上。", [("重点人群签约服务覆盖率", "+>=", 2, None, "个百分点")]),
    # a numbered line's number is no part of its noun (2.65岁…, 3.0-6岁…)
    ("2.65岁及以上老年人规范健康管理服务率达到65%；", [("65岁及以上老年人规范健康管理服务率", ">=", 65, None, "%")]),
    # probe 3a #3: a motto (一人一档) and the notice's own items (以上三、四项) are no amounts
    ("做到一人一档，救治病种不少于30种。", [("救治病种", ">=", 30, None, "种")]),
    ("以上三、四项工作由县妇幼保健院负责。", []),
    # probe 4a: a goal list's line 指标：值 — the label before the colon is the noun, never the value itself
    ("1.县域内就诊率：≥90%（约束性）", [("县域内就诊率", ">=", 90, None, "%")]),
    ("2.基层医疗卫生机构诊疗量占比：65%以上（预期性）", [("基层医疗卫生机构诊疗量占比", ">=", 65, None, "%")]),
    # a bare value after the label is a level (it was passed over as a page's 点击：56次)
    ("3.乡镇卫生院服务能力达标率：100%", [("乡镇卫生院服务能力达标率", "=", 100, None, "%")]),
    ("每千人口执业（助理）医师数：3.2人", [("每千人口执业（助理）医师数", "=", 3.2, None, "人")]),
    # …but a label that is no measured noun stays furniture (点击：56次)
    ("点击：56次", []),
    # a numbered goal line whose label ends in no measured noun (达标, 服务): still the label (the value was the noun,
    # 100%); and an item's body whose number the outline cut off, a goal's value after the colon
    ("1.村卫生室标准化建设达标：100%（约束性）", [("村卫生室标准化建设达标", "=", 100, None, "%")]),
    ("家庭医生签约服务：95%以上", [("家庭医生签约服务", ">=", 95, None, "%")]),
    # a numbered line whose noun starts with an age (6.65岁以上…): the number is no part of the noun
    ("6.65岁以上老年人健康管理率：70%", [("65岁以上老年人健康管理率", "=", 70, None, "%")]),
    # …but a bare count after such a label is no goal's value: nothing said (it is no rate, maybe furniture)
    ("浏览次数：56次", []),
    # audit x1 #3: an item's body (its number cut off) whose label says what reaches a standard, then a bare count of
    # places: a count of them (=), the label its noun
    ("县中医医院达到三级乙等：1所", [("县中医医院达到三级乙等", "=", 1, None, "所")]),
    # the same with 建成 and a 家 count closed by 。
    ("村卫生室建成甲级村卫生室：12家。", [("村卫生室建成甲级村卫生室", "=", 12, None, "家")]),
    # …but a count after a label that reaches nothing stays unread (发放宣传册：500份 is no goal's count)
    ("定点医院：3所", []),
    # probe 4a #A11: the 属性 bracket between the noun and its verb is no part of the noun
    ("县域内住院量占比（约束性）达到90%。", [("县域内住院量占比", ">=", 90, None, "%")]),
    # probe 4a: an amount's noun, then per whom and how often it is paid: the noun, the rate in brackets
    ("乡村医生补助按每人每月不低于500元的标准发放。", [("乡村医生补助（每人每月）", ">=", 500, None, "元")]),
    ("村医定额补助每村每年2万元。", [("村医定额补助（每村每年）", "=", 2, None, "万元")]),
    # the amount's noun after it (每人每月发放不低于300元的生活补助), per whom in brackets
    ("对年满60周岁退出的乡村医生，每人每月发放不低于300元的生活补助。", [("生活补助（每人每月）", ">=", 300, None, "元")]),
    # probe 4a: an assessment table's row read by the sentence pass: each cell is a clause of its own (the indicator is
    # never the row's earlier cells), and its scoring (每降低1个百分点扣0.5分) is no target
    ("1\t家庭医生签约服务\t10\t签约率达到80%得满分，每降低1个百分点扣0.5分\t基层卫生股", [("签约率", ">=", 80, None, "%")]),
    ("2\t村卫生室标准化建设\t10\t达标率100%\t规划股", [("达标率", "=", 100, None, "%")]),
    # 原则上 before the comparator is no part of the noun
    ("年度救助限额原则上不低于3万元。", [("年度救助限额", ">=", 3, None, "万元")]),
    # per how many people a staff total is set (人员总量按照每千服务人口不少于2.5名配备); a 每千人口 noun stays whole
    ("基层医疗卫生机构人员总量按照每千服务人口不少于2.5名配备。",
     [("基层医疗卫生机构人员总量（每千服务人口）", ">=", 2.5, None, "名")]),
    ("每千人口执业（助理）医师数达到3.2人。", [("每千人口执业（助理）医师数", ">=", 3.2, None, "人")]),
    # …and whose amount it is (对X给予每所…的补助)
    ("对村卫生室标准化建设给予每所不超过5万元的补助。", [("村卫生室标准化建设补助（每所）", "<=", 5, None, "万元")]),
    # 该比例 in the next sentence of the item: the noun its value before names
    ("到2025年，乡村医生中执业（助理）医师比例提高到45%左右；到2030年，该比例达到60%以上。",
     [("乡村医生中执业（助理）医师比例", "=", 45, None, "%"), ("乡村医生中执业（助理）医师比例", ">=", 60, None, "%")]),
    # a share that sets a noun (起付标准按…的10%左右确定): the noun, not the verb after the share
    ("起付标准按上年当地居民人均可支配收入的10%左右确定。", [("起付标准", "=", 10, None, "%")]),
    # the amount's noun in the clause before (a task cell: 落实…补助，每人每月不低于300元)
    ("落实乡村医生养老补助，每人每月不低于300元。", [("乡村医生养老补助（每人每月）", ">=", 300, None, "元")]),
    # a place each counted thing stands in (每个村卫生室至少配备1名乡村医生): what is counted is after the unit
    ("每个村卫生室至少配备1名乡村医生。", [("乡村医生（每个村卫生室）", ">=", 1, None, "名")]),
    # probe 4a #A12: per how many people is no noun: what is counted is after the unit
    ("每千服务人口不少于1名乡村医生。", [("乡村医生（每千服务人口）", ">=", 1, None, "名")]),
    # audit x1 #1: 至少 before two amounts joined by 和 (not 、) covers both counts
    ("每个乡镇卫生院至少配备2名全科医生和3名公共卫生医师。",
     [("全科医生", ">=", 2, None, "名"), ("公共卫生医师", ">=", 3, None, "名")]),
    # the same with 及 as the joiner
    ("各村卫生室至少配备1名乡村医生及1名护理人员。",
     [("乡村医生", ">=", 1, None, "名"), ("护理人员", ">=", 1, None, "名")]),
    # audit x1 #2: a status figure's fronting 将 is no part of its noun
    ("截至2021年底，将门诊慢特病病种扩大到25种。", [("门诊慢特病病种", ">=", 25, None, "种")]),
    # 已将 at a clause's start, after a place
    ("截至2021年底，全县共有4家定点医院，已将大病专项救治病种扩大到32种。",
     [("定点医院", "=", 4, None, "家"), ("大病专项救治病种", ">=", 32, None, "种")]),
    # 并将 after a first clause: 并 and 将 both cut
    ("加强签约服务，并将签约服务覆盖率提高到85%。", [("签约服务覆盖率", ">=", 85, None, "%")]),
    # 已经实现 before a measured rate: both cut
    ("截至2022年6月，已经实现家庭医生签约率100%。", [("家庭医生签约率", "=", 100, None, "%")]),
    # 把关 is the noun's own (no fronting 把): kept
    ("把关率达到95%。", [("把关率", ">=", 95, None, "%")]),
    # 已 of 已脱贫人口 is the noun's own: kept
    ("已脱贫人口基本医疗保险参保率达到99%。", [("已脱贫人口基本医疗保险参保率", ">=", 99, None, "%")]),
    # a quoted slogan heading (实现“两个100%”) gives no target; the rates after its colon do
    ("实现“两个100%”：家庭医生签约率、档案建档率均达到100%。",
     [("家庭医生签约率", ">=", 100, None, "%"), ("档案建档率", ">=", 100, None, "%")]),
]


@pytest.mark.parametrize("sentence, expected", INDICATOR_ROWS, ids=[f"noun{i}" for i in range(len(INDICATOR_ROWS))])
def test_each_value_names_what_it_measures(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2023)
    assert [(t.indicator, t.comparator, t.value, t.high, t.unit) for t in found] == expected


BASELINE_ROWS = [
    # (sentence, [(indicator, comparator, value, unit, role, year)]) — probe-2 finding 9: the start of a change to a level
    # 由…的72%提高到90%: the target 90, and 72 kept as a status figure of the same indicator, with its year
    ("到2025年，达标卫生院比例由2021年的68%提高到85%以上。",
     [("达标卫生院比例", "=", 68, "%", "status", 2021), ("达标卫生院比例", ">=", 85, "%", "target", None)]),
    # 从…下降到…: no year printed, none given
    ("孕产妇死亡率从16.5/10万下降到14/10万。",
     [("孕产妇死亡率", "=", 16.5, "/10万", "status", None), ("孕产妇死亡率", "<=", 14, "/10万", "target", None)]),
    # a start in another unit than the level (1万元 → 5000元): not kept, rather than a wrong pair
    ("大病保险起付线由1.5万元降低至8000元。", [("大病保险起付线", "<=", 8000, "元", "parameter", None)]),
    # 由 before the members of a team is no baseline
    ("巡回医疗队由1名全科医生、1名护士组成。",
     [("全科医生", "=", 1, "名", "target", None), ("护士", "=", 1, "名", "target", None)]),
]


@pytest.mark.parametrize("sentence, expected", BASELINE_ROWS, ids=[f"baseline{i}" for i in range(len(BASELINE_ROWS))])
def test_the_start_of_a_change_is_a_status_figure(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2023)
    assert [(t.indicator, t.comparator, t.value, t.unit, t.role, t.year) for t in found] == expected
    assert all(not t.compared for t in found if t.role_cue and "baseline" in t.role_cue)


SCHEDULE_ROWS = [
    # (sentence, [(indicator, comparator, value, unit, deadline)]) — probe 4a #4: a three-year plan's schedule, one
    # value a year in one sentence: the year is each value's deadline, never a part of the noun, and a later step that
    # prints only its year and verb measures the first step's noun
    # 、 between the steps, each step its year and verb
    ("脱贫人口签约率2023年达到95%、2024年达到97%、2025年达到99%以上。",
     [("脱贫人口签约率", ">=", 95, "%", 2023), ("脱贫人口签约率", ">=", 97, "%", 2024),
      ("脱贫人口签约率", ">=", 99, "%", 2025)]),
    # ， between the steps, 年底 in each
    ("村卫生室医保结算覆盖率2023年底达到80%，2024年底达到90%。",
     [("村卫生室医保结算覆盖率", ">=", 80, "%", 2023), ("村卫生室医保结算覆盖率", ">=", 90, "%", 2024)]),
    # the years listed before 分别: the run of years is no part of the noun (each year its value, in order)
    ("重点人群签约覆盖率2023年、2024年、2025年分别达到70%、75%、80%。",
     [("重点人群签约覆盖率", ">=", 70, "%", 2023), ("重点人群签约覆盖率", ">=", 75, "%", 2024),
      ("重点人群签约覆盖率", ">=", 80, "%", 2025)]),
    # counts a year, the noun printed once after the first verb (创建健康村20个，2024年创建30个)
    ("2023年创建健康村20个，2024年创建30个。",
     [("创建健康村", "=", 20, "个", 2023), ("创建健康村", "=", 30, "个", 2024)]),
    # the year after the noun is this value's, not the paragraph's earlier year; 稳定在 is a step's verb too
    ("到2023年底，签约率达到75%。县域内就诊率2024年力争达到88%，2025年稳定在90%以上。",
     [("签约率", ">=", 75, "%", 2023), ("县域内就诊率", ">=", 88, "%", 2024), ("县域内就诊率", ">=", 90, "%", 2025)]),
    # the first step's noun after its value (30%的村卫生室纳入医保定点): the next step measures it
    ("2023年实现30%的村卫生室纳入医保定点，2024年达到60%。",
     [("村卫生室纳入医保定点", "=", 30, "%", 2023), ("村卫生室纳入医保定点", ">=", 60, "%", 2024)]),
    # a year in brackets right after the value is its deadline
    ("乡镇卫生院中医馆设置比例100%（2025年）。", [("乡镇卫生院中医馆设置比例", "=", 100, "%", 2025)]),
    # a bracket of yearly steps after the final value: the same noun, each its year, the comparator of the value before
    ("县域内就诊率达到90%（2023年85%、2024年88%）。",
     [("县域内就诊率", ">=", 90, "%", None), ("县域内就诊率", ">=", 85, "%", 2023), ("县域内就诊率", ">=", 88, "%", 2024)]),
    # a step of another unit keeps its own noun (a count after a rate is no step of the rate)
    ("签约率2023年达到95%，2024年新建签约团队10个。",
     [("签约率", ">=", 95, "%", 2023), ("新建签约团队", "=", 10, "个", 2024)]),
]


@pytest.mark.parametrize("sentence, expected", SCHEDULE_ROWS, ids=[f"step{i}" for i in range(len(SCHEDULE_ROWS))])
def test_a_schedule_gives_each_value_its_year_and_the_first_steps_noun(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2023)
    assert [(t.indicator, t.comparator, t.value, t.unit, t.deadline_year) for t in found] == expected


@pytest.mark.parametrize("sentence, binding", [
    # probe 4a: the 属性 printed after a goal line's value, or between the noun and its verb
    ("1.县域内就诊率：≥90%（约束性）", "约束性"),
    ("县域内住院量占比（约束性）达到90%。", "约束性"),
    ("基层就诊率（预期性指标）达到65%。", "预期性"),
])
def test_a_binding_beside_the_noun_or_a_goal_lines_value_is_read(sentence, binding):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2023)
    assert [t.binding for t in found] == [binding]
    assert all(sentence[t.span[0]:t.span[1]] == t.text for t in found)


def test_a_value_with_its_unit_before_bi_is_no_ratio():
    # probe 4a: only unitless numbers either side of 比/： are a ratio's (1:1.2); 90%比2020年 keeps the level
    s = "县域内就诊率达到90%比2020年提高5个百分点。"
    found = extract_targets(s, (0, len(s)), "goal", issue_year=2023)
    assert ("县域内就诊率", ">=", 90, "%") in [(t.indicator, t.comparator, t.value, t.unit) for t in found]
