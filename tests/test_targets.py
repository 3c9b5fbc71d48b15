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
    # durations with 内
    ("对新纳入监测系统的“三类户”，一周内要入户核实基本信息，一月内要落实健康帮扶措施。", [("<=", 1, "周", None)]),
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
    # an age threshold is a target; 超过 is strict
    ("对于年满 60 周岁的乡村医生", [(">=", 60, "周岁", None)]),
    ("常住人口超过10万人的脱贫县有1所县级医院", [(">", 10, "万人", None), ("=", 1, "所", None)]),
    # not targets: ranks, age bands, quoted slogans, dates, document numbers, years, ordinals
    ("支持城市二级及以上医院在职或退休医师到乡村多点执业。", []),
    ("做好孕产妇和0-6岁儿童健康管理。", []),
    ("落实“两个允许”政策，重点建好“五大中心”。", []),
    ("2021年8月9日印发", []),
    ("按照《陕西省乡镇卫生院机构编制标准（暂行）》（编办发〔2011〕81号）核定。", []),
    ("全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。", []),
    ("组织实施广西公共卫生防控救治能力建设三年行动计划（2020—2022）。", []),
    ("进一步统一思想，第三方责任的患者。", []),
    # a count inside a rate's subject is not a separate target
    ("四种重点慢病规范管理率达到90%以上。", [(">=", 90, "%", None)]),
    # the same count repeated in one item is one requirement
    ("保持30种大病病种不变，现有30种大病定点医院保持不变。", [("=", 30, "种", None)]),
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


def test_binding_and_deadline_come_from_the_annex_table():
    found = extract_targets("大病专项救治病种≥30种", (0, 12), "annex", "约束性", 2025)
    assert (found[0].binding, found[0].deadline_year, found[0].indicator) == ("约束性", 2025, "大病专项救治病种")
