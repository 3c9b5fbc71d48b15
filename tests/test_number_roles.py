"""Every number with its role (issue 27): rows of (sentence → (role, indicator, comparator, value, unit,
deadline or status year, qualifier)), sentences written here in the shapes of real notices at every level
(places invented: 青禾县, 青梧市, 江岭省), then the comparison rules."""

import pytest

from policydiff import patterns as P
from policydiff.extract.targets import extract_targets


def numbers(sentence, issue_year=2021, section_role=None):
    found = extract_targets(sentence, (0, len(sentence)), "x", issue_year=issue_year, section_role=section_role)
    for t in found:
        assert sentence[t.span[0]:t.span[1]] == t.text
        if t.qualifier:
            assert sentence[slice(*t.qualifier["span"])] == t.qualifier["text"]
    return [(t.role, t.indicator, t.comparator, t.value, t.unit,
             t.year if t.role == "status" else t.deadline_year, t.qualifier["text"] if t.qualifier else None)
            for t in found]


T, PA, S, PE, C = "target", "parameter", "status", "period", "count"

ROWS = [
    # ---------------------------------------------------------------- targets: a level to reach
    # national goal paragraph: 到2025年…达到…以上 (deadline, comparator from 以上)
    ("到2025年，脱贫地区县域内就诊率达到90%以上。", [(T, "脱贫地区县域内就诊率", ">=", 90, "%", 2025, None)]),
    # provincial: 病种扩大到 → at least, deadline from the lead-in
    ("到2023年底，全省大病专项救治病种扩大到35种。", [(T, "全省大病专项救治病种", ">=", 35, "种", 2023, None)]),
    # prefecture: 力争 + 达到 + a clause before naming the noun
    ("各县区要逐步扩大专项救治病种，到2022年力争达到32个病种。", [(T, "专项救治病种", ">=", 32, "个病种", 2022, None)]),
    # county: 下降到 → at most
    ("到2025年，全县孕产妇死亡率下降到12/10万以下。", [(T, "全县孕产妇死亡率", "<=", 12, "/10万", 2025, None)]),
    # 控制在…以内 (at most), ‰
    ("婴儿死亡率控制在5‰以内。", [(T, "婴儿死亡率", "<=", 5, "‰", None, None)]),
    # 提高到 with a baseline 由…: the target value; the start a status figure (no year printed)
    ("全市人均预期寿命由78.1岁提高到79岁。",
     [(S, "全市人均预期寿命", "=", 78.1, "岁", None, None), (T, "全市人均预期寿命", ">=", 79, "岁", None, None)]),
    # “十四五”期末 → 2025; 不低于
    ("“十四五”期末，全省家庭医生签约服务覆盖率不低于75%。", [(T, "全省家庭医生签约服务覆盖率", ">=", 75, "%", 2025, None)]),
    # a facility count to build (有1所…达到…)
    ("到2025年，每个脱贫县至少有1所县级医院达到三级医院服务能力。",
     [(T, "县级医院（每个脱贫县）", ">=", 1, "所", 2025, None)]),
    # a subject that only says where each counted thing stands: the counted noun after the unit, the place kept
    ("每个行政村至少设置1个村卫生室。", [(T, "村卫生室（每个行政村）", ">=", 1, "个", None, None)]),
    ("各乡镇至少配备2名全科医生。", [(T, "全科医生（各乡镇）", ">=", 2, "名", None, None)]),
    # a rate per population is its own indicator, not a place: unchanged
    ("每千人口医疗卫生机构床位数达到6张。", [(T, "每千人口医疗卫生机构床位数", ">=", 6, "张", None, None)]),
    # 新建 N 个: an amount to build
    ("在青禾县新建3个县域医疗次中心。", [(T, "县域医疗次中心", "=", 3, "个", None, None)]),
    # a change still to come: 提升5个百分点 with a deadline is a target
    ("到2025年，居民健康素养水平提升5个百分点。", [(T, "居民健康素养水平", "+", 5, "个百分点", 2025, None)]),
    # a duration that is itself the measure: 平均住院日 is a target, not a period
    ("县级医院平均住院日控制在8天以内。", [(T, "县级医院平均住院日", "<=", 8, "天", None, None)]),
    # a value with a deadline in the same sentence after 2021 in a 2021 notice: a target (not a status)
    ("2022年，全市65岁以上老年人健康管理率达到70%。",
     [(T, "全市65岁以上老年人健康管理率", ">=", 70, "%", 2022, "65岁以上老年人")]),
    # a share to reach (…占…费用的比重) stays a target though a cost word (费用) stands in its name; 降至…左右
    ("到2030年，个人卫生支出占卫生总费用的比重降至26%左右。",
     [(T, "个人卫生支出占卫生总费用的比重", "=", 26, "%", 2030, None)]),
    # 提升至 (至 for 到) is at least, like 提升到 (a provincial work plan's wording)
    ("全省居民健康素养水平提升至28%。", [(T, "全省居民健康素养水平", ">=", 28, "%", None, None)]),
    # a rate to reach stays a target though a cost word stands before it (救助)
    ("医疗救助资助参保率达到100%。", [(T, "医疗救助资助参保率", ">=", 100, "%", None, None)]),
    # …率为N%: = with the rate as indicator
    ("高血压患者规范管理率为80%。", [(T, "高血压患者规范管理率", "=", 80, "%", None, None)]),
    # ---------------------------------------------------------------- paired lists
    # 分别达到: two indicators, two values, one entry each with its own indicator
    ("到2025年，产前筛查率、新生儿疾病筛查率分别达到92%、95%。",
     [(T, "产前筛查率", ">=", 92, "%", 2025, None), (T, "新生儿疾病筛查率", ">=", 95, "%", 2025, None)]),
    # 分别下降到 with tiers 城市/农村 sharing the head noun: tier as qualifier, indicator per tier
    ("城市、农村孕产妇死亡率分别下降到10/10万、15/10万。",
     [(T, "城市孕产妇死亡率", "<=", 10, "/10万", None, "城市"), (T, "农村孕产妇死亡率", "<=", 15, "/10万", None, "农村")]),
    # 一级/二级/三级 起付线 分别为 …的2.5%、5%、10%: parameters, one per tier
    ("一级、二级、三级医疗机构起付线分别为上年度居民人均可支配收入的2.5%、5%、10%。",
     [(PA, "一级医疗机构起付线", "=", 2.5, "%", None, "一级"), (PA, "二级医疗机构起付线", "=", 5, "%", None, "二级"),
      (PA, "三级医疗机构起付线", "=", 10, "%", None, "三级")]),
    # tiers in an earlier clause of the sentence, 分别不得超过 after: the tier is the qualifier
    ("监测对象在县级定点医疗机构、市级定点医疗机构、省级定点医疗机构住院的自付费用，分别不得超过总费用的5%、8%、10%。",
     [(PA, "总费用", "<=", 5, "%", None, "县级定点医疗机构"), (PA, "总费用", "<=", 8, "%", None, "市级定点医疗机构"),
      (PA, "总费用", "<=", 10, "%", None, "省级定点医疗机构")]),
    # A和B value pair with A和B subjects (分别增长 X和Y), a status in a plan's 发展现状
    ("门急诊人次和住院人次分别增长6.3%和12%。",
     [(S, "门急诊人次", "+", 6.3, "%", None, None), (S, "住院人次", "+", 12, "%", None, None)], {"section_role": "status"}),
    # A和B indicators, the age group of the second only; 以下 after the last value, 控制在 before the first
    ("婴儿死亡率和5岁以下儿童死亡率分别控制在6‰和8‰以下。",
     [(T, "婴儿死亡率", "<=", 6, "‰", None, None), (T, "5岁以下儿童死亡率", "<=", 8, "‰", None, "5岁以下儿童")]),
    # 县级/乡级/村级 amounts: parameters, one per tier (the list before them is not a count)
    ("县级、乡级、村级补助标准分别为每人每年200元、80元和50元。",
     [(PA, "县级补助标准", "=", 200, "元", None, "县级"), (PA, "乡级补助标准", "=", 80, "元", None, "乡级"),
      (PA, "村级补助标准", "=", 50, "元", None, "村级")]),
    # 省/市/县 tiers sharing a head noun
    ("省、市、县三级疾控中心实验室检测能力达标率分别达到100%、95%、90%。",
     [(T, "省疾控中心实验室检测能力达标率", ">=", 100, "%", None, "省"),
      (T, "市疾控中心实验室检测能力达标率", ">=", 95, "%", None, "市"),
      (T, "县疾控中心实验室检测能力达标率", ">=", 90, "%", None, "县")]),
    # diseases of unequal length sharing 患者规范管理率, 对 before the list, 以上 after the last value: four
    # indicators, each value its own (never one indicator for all four, nor 以上 for the last)
    ("对辖区高血压、糖尿病、肺结核、重度精神障碍患者规范管理率分别达到65%、65%、85%、75%以上。",
     [(T, "辖区高血压患者规范管理率", ">=", 65, "%", None, None), (T, "糖尿病患者规范管理率", ">=", 65, "%", None, None),
      (T, "肺结核患者规范管理率", ">=", 85, "%", None, None), (T, "重度精神障碍患者规范管理率", ">=", 75, "%", None, None)]),
    # two places to create, the second longer, sharing 创建比例 (not 健康村庭创建比例)
    ("到2023年，健康乡镇、健康单位创建比例分别达到35%、25%。",
     [(T, "健康乡镇创建比例", ">=", 35, "%", 2023, None), (T, "健康单位创建比例", ">=", 25, "%", 2023, None)]),
    # probe #13 shapes of the indicator text
    # a cap as a share of a long base (不得高于…上年居民人均可支配收入的5%): the comparator holds, 其 is no part of the noun
    ("未取消起付标准的地区，其起付标准不得高于所在统筹地区上年度城乡居民人均可支配收入的8%。",
     [(PA, "起付标准", "<=", 8, "%", None, None)]),
    # 其中 opens a part of the amount before: the noun phrase after it (not 中医保…); per whom and how often the
    # amount is paid in brackets after its noun (probe 4a: not 标准为每人每年)
    ("家庭医生签约服务费标准为每人每年20元，其中基本公共卫生服务经费承担10元。",
     [(PA, "家庭医生签约服务费标准（每人每年）", "=", 20, "元", None, None),
      (PA, "基本公共卫生服务经费承担", "=", 10, "元", None, None)]),
    # 到2025年达到 with the subject in the clause before (提高…比例，到2025年达到…): that subject
    ("逐步提高持有执业（助理）医师证书的村医比例，到2025年达到50%以上。",
     [(T, "持有执业（助理）医师证书的村医比例", ">=", 50, "%", 2025, None)]),
    # A和B均达到: one value, two whole indicators, a target each (the age group with the second only)
    ("住院分娩率和0-6岁儿童健康管理率均达到95%。",
     [(T, "住院分娩率", ">=", 95, "%", None, None), (T, "0-6岁儿童健康管理率", ">=", 95, "%", None, "0-6岁儿童")]),
    # 年满N周岁 before an amount: the group the amount is for, not a parameter of its own
    ("对年满65周岁离岗的村医每月发放不低于300元补助。",
     [(PA, "对年满65周岁离岗的村医每月发放", ">=", 300, "元", None, "年满65周岁")]),
    # N个县区各有1所: how many places (a count) and the target each gets
    ("到2024年，全市9个县区各有1所县级中医院达到二级甲等水平。",
     [(C, "全市", "=", 9, "个", 2024, None), (T, "县级中医院达到二级甲等水平", "=", 1, "所", 2024, None)]),
    # a team of members after 由 (not a base of change), joined by 、 and 和, a range last (one entry, 2–3): each with its noun
    ("每个签约团队由1名全科医生、1名公卫医师和2至3名村医组成。",
     [(T, "全科医生", "=", 1, "名", None, None), (T, "公卫医师", "=", 1, "名", None, None),
      (T, "村医", "between", 2, "名", None, None)]),
    # a list of amounts, each followed by its own noun (1所综合医院、1所中医院)
    ("每个县办好1所县级综合医院、1所县级中医医院。",
     [(T, "县级综合医院", "=", 1, "所", None, None), (T, "县级中医医院", "=", 1, "所", None, None)]),
    # a comparator before a list of amounts holds for each
    ("每个乡镇卫生院至少配备2名全科医生、1名公共卫生医师。",
     [(T, "全科医生", ">=", 2, "名", None, None), (T, "公共卫生医师", ">=", 1, "名", None, None)]),
    # ---------------------------------------------------------------- parameters: what the policy sets
    # a reimbursement ratio (national 医保 wording)
    ("政策范围内住院费用报销比例不低于80%。", [(PA, "政策范围内住院费用报销比例", ">=", 80, "%", None, None)]),
    # a cap in money: 最高不超过…万元
    ("医疗救助年度最高支付限额不超过15万元。", [(PA, "医疗救助年度最高支付限额", "<=", 15, "万元", None, None)]),
    # an age condition: 年满18周岁
    ("年满18周岁的城乡居民可自愿签约。", [(PA, "城乡居民可自愿签约", ">=", 18, "周岁", None, None)]),
    # 起付线降低50%: the rate of a change the policy sets
    ("大病保险起付线降低50%。", [(PA, "大病保险起付线", "-", 50, "%", None, None)]),
    # a subsidy standard in 元/人
    ("人均基本公共卫生服务经费补助标准提高到89元/人。",
     [(PA, "人均基本公共卫生服务经费补助标准", ">=", 89, "元/人", None, None)]),
    # 每批…不少于N人 (a threshold for a dispatch)
    ("每批派驻不少于5人。", [(PA, "每批派驻", ">=", 5, "人", None, None)]),
    # a frequency: 每年一次
    ("每年为签约对象提供一次免费健康体检。", [(PA, "免费健康体检", "=", 1, "次", None, None)]),
    # an amount of money and nothing else to say what it is
    ("统筹安排500万元用于乡村医生培训。", [(PA, "用于乡村医生培训", "=", 500, "万元", None, None)]),
    # an amount of money with no comparator
    # a funding share the policy sets (prefecture: 市级财政承担A，县级财政承担B): a parameter measured by the
    # phrase before it, never a name holding its own value
    ("市级财政承担40%，县级财政承担60%。",
     [(PA, "市级财政承担", "=", 40, "%", None, None), (PA, "县级财政承担", "=", 60, "%", None, None)]),
    # a run-in heading's marker before the share (a report's 二、…) is not part of what it measures
    ("二、市级财政承担35%。", [(PA, "市级财政承担", "=", 35, "%", None, None)]),
    # two shares joined by 和 where each item has its own verb (…承担A和对…承担B后): the item after 和 is not
    # the first value's noun (probe of a prefecture's 健康扶贫 plan)
    ("补助资金由省级财政对一类县承担50%和对二类县承担30%后，余下部分由县区自筹。",
     [(PA, "补助资金由省级财政对一类县承担", "=", 50, "%", None, None), (PA, "对二类县承担", "=", 30, "%", None, None)]),
    ("对乡村医生每人每月补助300元。", [(PA, "对乡村医生每人每月补助", "=", 300, "元", None, None)]),
    # the scope of a programme: 30种大病 (not a count of the notice's own parts)
    ("抓实30种大病专项救治工作。", [(PA, "大病专项救治工作", "=", 30, "种", None, None)]),
    # probe 3a: a subsidy's level (定额资助不低于50%): a parameter; a rate of 资助参保 to reach stays a target
    ("低保对象定额资助不低于50%。", [(PA, "低保对象定额资助", ">=", 50, "%", None, None)]),
    ("医疗救助资助参保率达到100%。", [(T, "医疗救助资助参保率", ">=", 100, "%", None, None)]),
    # probe 3a: a subsidy's share the policy sets (按照不低于70%给予定额资助): a parameter; 按照 is no part of the noun
    ("对低保对象按照不低于70%给予定额资助。", [(PA, "对低保对象", ">=", 70, "%", None, None)]),
    # 在2020年基础上 is the base of the cut, no part of the noun
    ("大病保险起付线在2020年基础上降低50%。", [(PA, "大病保险起付线", "-", 50, "%", None, None)]),
    # probe 3a: a share of a standard the policy sets (不超过…标准的50%): a parameter, not a level to reach
    ("对脱贫不稳定人口的资助标准不超过2022年标准的50%。", [(PA, "对脱贫不稳定人口的资助标准", "<=", 50, "%", None, None)]),
    # 倾斜 with 个百分点: a parameter, and a rise over what the others get (+10), never a level (probe 3a #4)
    ("对监测对象的报销比例倾斜10个百分点。", [(PA, "对监测对象的报销比例", "+", 10, "个百分点", None, None)]),
    # 向…倾斜: whom it favours is not the indicator's name
    ("住院救助比例向低保对象倾斜5个百分点以上。", [(PA, "住院救助比例", "+>=", 5, "个百分点", None, None)]),
    # ---------------------------------------------------------------- status: already reached, with its year
    # 截至2020年底…达到: a status figure, year 2020
    ("截至2020年底，全省家庭医生签约服务覆盖率达到76.5%。", [(S, "全省家庭医生签约服务覆盖率", ">=", 76.5, "%", 2020, None)]),
    # a year before the notice's own (2020 in a 2021 plan), no future cue
    ("2020年，全市每千人口医疗卫生机构床位数达到6.9张。", [(S, "全市每千人口医疗卫生机构床位数", ">=", 6.9, "张", 2020, None)]),
    # the same sentence in the notice's own year is a target (Lianyungang's 2018 shape)
    ("2021年，全县农村低收入人口家庭医生签约率达到95%以上。", [(T, "全县农村低收入人口家庭医生签约率", ">=", 95, "%", 2021, None)]),
    # 较2015年增长: a change already seen; its year is the sentence's, not the base
    ("截至2020年末，全县卫生技术人员较2015年增长21%。", [(S, "全县卫生技术人员", "+", 21, "%", 2020, None)]),
    # 截至 a date of the notice's own year with 要达到 (a requirement word): a target with that year's deadline; the
    # rate printed without % keeps unit % and role_cue says it was not printed
    ("截至2021年9月30日，全镇脱贫人口家庭医生签约服务率要达到95以上。",
     [(T, "全镇脱贫人口家庭医生签约服务率", ">=", 95, "%", 2021, None)]),
    # 确保…不低于 after 截至: a requirement too
    ("截至2021年底，确保监测对象参保率不低于99%。", [(T, "监测对象参保率", ">=", 99, "%", 2021, None)]),
    # 较上年提高…个百分点 in an item that sets requirements (加强考核): a change asked for, a target
    ("慢病患者续约率较上年提高3个百分点。", [(T, "慢病患者续约率", "+", 3, "个百分点", None, None)],
     {"section_role": "requirement"}),
    # a change in the clause after a rate (…覆盖率为62%，较上年提高4个百分点): the change is of that rate
    ("2020年，全县签约服务覆盖率为62%，较上年提高4个百分点。",
     [(S, "全县签约服务覆盖率", "=", 62, "%", 2020, None), (S, "全县签约服务覆盖率", "+", 4, "个百分点", 2020, None)]),
    # 比上年提高…个百分点 (a status figure with no year printed: None)
    ("全市居民健康素养水平比上年提高3.2个百分点。", [(S, "全市居民健康素养水平", "+", 3.2, "个百分点", None, None)]),
    # probe 4a: a rate's yearly rise (覆盖率每年提高2个百分点) is a level of the rate to reach, a target — 每年 is no
    # sign of an amount paid each year; an amount's yearly rise (补助每年递增5%) stays a parameter
    ("重点人群签约服务覆盖率每年提高2个百分点。", [(T, "重点人群签约服务覆盖率（每年）", "+", 2, "个百分点", None, None)]),
    ("村医补助每年递增5%。", [(PA, "村医补助（每年）", "+", 5, "%", None, None)]),
    # probe 4a: the 比 of 占比 is no base of a change: 占比提高3个百分点 asks for a rise (not "a change already seen"),
    # and 占比2025年达到65% keeps its noun whole and its year as the deadline
    ("基层诊疗量占比提高3个百分点。", [(T, "基层诊疗量占比", "+", 3, "个百分点", None, None)]),
    ("基层医疗卫生机构诊疗量占比2025年达到65%。", [(T, "基层医疗卫生机构诊疗量占比", ">=", 65, "%", 2025, None)]),
    # …while 占比比上年提高 still compares with the year before (a status figure without a plan's context)
    ("全县基层诊疗量占比比上年提高2个百分点。", [(S, "全县基层诊疗量占比", "+", 2, "个百分点", None, None)]),
    # a preamble's look back (党的十八大以来…): already reached, no year printed
    ("党的十八大以来，全县贫困人口住院费用实际报销比例达到90%。",
     [(S, "全县贫困人口住院费用实际报销比例", ">=", 90, "%", None, None)]),
    # …以来 with a future cue (力争) is still a target
    ("近年来，各地积极探索，力争家庭医生签约率达到85%。", [(T, "家庭医生签约率", ">=", 85, "%", None, None)]),
    # 下降了: a change already seen, no year printed
    ("全县新生儿死亡率下降了12%。", [(S, "全县新生儿死亡率", "-", 12, "%", None, None)]),
    # 已建成: already reached
    ("全县已建成标准化村卫生室128所。", [(S, "全县已建成标准化村卫生室", "=", 128, "所", None, None)]),
    # 累计救治: already seen
    ("累计救治大病患者1.2万人次。", [(S, "累计救治大病患者", "=", 1.2, "万人次", None, None)]),
    # a 由…提高到… in the past (到2020年 before a 2021 notice)
    ("全省人均预期寿命由2015年的76.6岁提高到2020年的77.8岁。",  # the start a status figure too, with its own year
     [(S, "全省人均预期寿命", "=", 76.6, "岁", 2015, None), (S, "全省人均预期寿命", ">=", 77.8, "岁", 2020, None)]),
    # a section that reports the past (发展现状): every number in it is status
    ("全市二级以上医院达到28家。", [(S, "全市二级以上医院", ">=", 28, "家", None, None)], {"section_role": "status"}),
    # a monitoring report (通报): the figures its data show are status, not targets (probe of real 通报 shapes)
    ("5月底抽查数据显示，共有6家卫生院未实行一站式结算。", [(S, "卫生院未实行一站式结算", "=", 6, "家", None, None)]),
    # a row of a goal table with its baseline in brackets (上年为…): the goal is a target, the baseline a status;
    # the age band leading the row is part of the indicator's name
    ("5岁以下儿童死亡率5.5‰（上年为7.2‰）",
     [(T, "5岁以下儿童死亡率", "=", 5.5, "‰", None, "5岁以下儿童"), (S, "上年为", "=", 7.2, "‰", None, "5岁以下儿童")]),
    # a year-end work summary (municipal commission): work already done is status, not a target
    ("全年36项重点民生任务全部完成，210件建议提案全部办理完毕。",
     [(S, "重点民生任务全部完成", "=", 36, "项", None, None), (S, "建议提案全部办理完毕", "=", 210, "件", None, None)]),
    # the same words with a deadline still to come are a target
    ("到2025年，20个乡镇卫生院全部完成改造。", [(T, "乡镇卫生院全部完成改造", "=", 20, "个", 2025, None)]),
    # a change still to come is not status: 较2020年下降 with 到2025年
    ("到2025年，全县因病返贫致贫人数较2020年下降20%。", [(T, "全县因病返贫致贫人数", "-", 20, "%", 2025, None)]),
    # two deadlines for a 分别 pair (district plan: 到2023年底和2030年 …分别不低于A和B): one deadline per value
    ("到2023年底和2030年，全区居民健康素养水平分别不低于25%和32%。",
     [(T, "全区居民健康素养水平", ">=", 25, "%", 2023, None), (T, "全区居民健康素养水平", ">=", 32, "%", 2030, None)]),
    # two past years for a 分别 pair in a plan's review of the past: each status figure keeps its own year
    ("2019年和2020年，全县家庭医生签约率分别为61%和66%。",
     [(S, "全县家庭医生签约率", "=", 61, "%", 2019, None), (S, "全县家庭医生签约率", "=", 66, "%", 2020, None)]),
    # three deadlines, three values (a county plan's stepped goal, separated by 、)
    ("到2022年、2024年、2026年，全县家庭医生签约率分别达到60%、70%、80%。",
     [(T, "全县家庭医生签约率", ">=", 60, "%", 2022, None), (T, "全县家庭医生签约率", ">=", 70, "%", 2024, None),
      (T, "全县家庭医生签约率", ">=", 80, "%", 2026, None)]),
    # a provincial work plan's headcount in bare 万 at the end of a clause (体检人数达…万以上，)
    ("全省免费健康体检人数达800万以上，居民电子健康档案开放率达60%以上。",
     [(T, "全省免费健康体检人数", ">=", 800, "万", None, None), (T, "居民电子健康档案开放率", ">=", 60, "%", None, None)]),
    # a bare 万 followed by more words (3万余人) is not read as a value
    ("全县已有3万余人签约。", []),
    # a county's weekly monitoring report: 新增…有N例 is a count of cases found, not a level to reach
    ("本周青禾县新增因病返贫风险监测对象有5例。",
     [(S, "本周青禾县新增因病返贫风险监测对象有", "=", 5, "例", None, None)]),
    # a prefecture's 通报: 共纳入…N人 (截至目前, no year printed)
    ("截至目前，青梧市共纳入防止返贫监测对象126人。",
     [(S, "青梧市共纳入防止返贫监测对象", "=", 126, "人", None, None)]),
    # households found (…户有N户), the clause after it a report of work done
    ("经排查，因病致贫返贫风险户有12户，均已落实帮扶措施。",
     [(S, "因病致贫返贫风险户有", "=", 12, "户", None, None)]),
    # a province's report of who exists: 共有…N万人
    ("江岭省共有脱贫人口230万人。", [(S, "江岭省共有脱贫人口", "=", 230, "万人", None, None)]),
    # cases a surveillance report counts: 共报告…N人 / 发现…有N例
    ("今年以来共报告尘肺病新发病例85人。", [(S, "今年以来共报告尘肺病新发病例", "=", 85, "人", None, None)]),
    # a standard worded with 有 stays a target: 每个村有1名 (not a count found)
    ("确保每个行政村有1名合格乡村医生。", [(T, "合格乡村医生", "=", 1, "名", None, None)]),
    # the same verbs with a deadline to come are a target: 到2025年新增纳入…N人
    ("到2025年，新增纳入家庭医生签约服务对象5000人。",
     [(T, "新增纳入家庭医生签约服务对象", "=", 5000, "人", 2025, None)]),
    # a headcount to reach (达到): a target though 新增 begins it
    ("全县新增签约对象达到500人。", [(T, "全县新增签约对象", ">=", 500, "人", None, None)]),
    # ---------------------------------------------------------------- periods: durations and time windows
    # 在5年过渡期内 (national)
    ("在5年过渡期内，保持主要帮扶政策总体稳定。", [(PE, "过渡期内", "=", 5, "年", None, None)]),
    # 连续工作满10年 (an eligibility condition worded as a duration)
    ("在村卫生室连续工作满10年的乡村医生。", [(PE, "在村卫生室连续工作", ">=", 10, "年", None, None)]),
    # 3年内 (a time window)
    ("3年内实现乡镇卫生院全覆盖。", [(PE, "实现乡镇卫生院全覆盖", "<=", 3, "年", None, None)]),
    # 不少于6个月 (a stay)
    ("每批连续工作时间不少于6个月。", [(PE, "每批连续工作时间", ">=", 6, "个月", None, None)]),
    # 一周内 in Chinese numerals
    ("新纳入监测对象一周内完成入户核实。", [(PE, "完成入户核实", "<=", 1, "周", None, None)]),
    # 每3年 (a cycle)
    ("每3年开展一次评估。", [(PE, "开展一次评估", "=", 3, "年", None, None), (PA, "评估", "=", 1, "次", None, None)]),
    # 15个工作日
    ("在15个工作日内办结。", [(PE, "办结", "<=", 15, "个工作日", None, None)]),
    # ---------------------------------------------------------------- counts: parts and things named
    # a list named before the number: 高血压、糖尿病…四种
    ("重点做好高血压、糖尿病、结核病、严重精神障碍等四种慢病患者管理。",
     [(C, "慢病患者管理", "=", 4, "种", None, None)]),
    # places named before the number (灌云县、灌南县2个…)
    ("在青禾县、青梧县2个重点县开展试点。", [(C, "重点县开展试点", "=", 2, "个", None, None)]),
    # the work's own staffing (probe-2 finding 13): counts, never targets
    ("各镇卫生院要明确1名分管领导和1名信息员。",
     [(C, "分管领导", "=", 1, "名", None, None), (C, "信息员", "=", 1, "名", None, None)]),
    ("县卫生健康局抽调人员组成4个督查组开展交叉检查。", [(C, "督查组开展交叉检查", "=", 4, "个", None, None)]),
    # a standard for each place is still a target: 每个行政村至少配备1名乡村医生
    ("每个行政村至少配备1名乡村医生。", [(T, "乡村医生（每个行政村）", ">=", 1, "名", None, None)]),
    # a notice's own parts: 26个指标
    ("本方案共设置26个指标。", [(C, "指标", "=", 26, "个", None, None)]),
    # 九个确保 in Chinese numerals
    ("全面落实九个确保。", [(C, "确保", "=", 9, "个", None, None)]),
    # 上述3类 (a set named before)
    ("对上述3个县给予重点帮扶。", [(C, "县给予重点帮扶", "=", 3, "个", None, None)]),
    # a count inside a rate's subject is part of its name, not read
    ("四种重点慢病规范管理率达到90%以上。", [(T, "四种重点慢病规范管理率", ">=", 90, "%", None, None)]),
    # ---------------------------------------------------------------- not numbers
    # a plan's name
    ("实施健康乡村建设三年行动计划。", []),
    # a headline part (坚持一个目标)
    ("坚持一个目标，健全两项机制。", []),
    # an ordinal and a meeting
    ("深入学习贯彻县委十四届三次全会精神。", []),
]


@pytest.mark.parametrize("row", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_number_roles(row):
    sentence, expected, *options = row
    assert numbers(sentence, **(options[0] if options else {})) == expected


def test_every_role_has_a_cue_row_and_a_test_row():
    assert {role for role, *_ in P.ROLE_CUES} <= set(P.NUMBER_ROLES)
    assert {r for _, expected, *_ in ROWS for r, *_ in expected} == set(P.NUMBER_ROLES)
    assert len(ROWS) >= 50


def test_every_cue_row_is_exercised():
    """A cue no sentence reaches is dead grammar: each row of ROLE_CUES decides some row above."""
    decided = set()
    for sentence, _, *options in ROWS:
        kwargs = options[0] if options else {}
        for t in extract_targets(sentence, (0, len(sentence)), "x", issue_year=2021, **kwargs):
            decided.add(t.role_cue)
    unused = [name for _, name, _, _ in P.ROLE_CUES if name not in decided]
    assert unused == []


def test_the_migration_adds_role_and_year_to_an_older_targets_table(tmp_path):
    import sqlite3

    import sqlite_utils

    from policydiff import store

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # a targets table as schema 8 had it
        conn.execute("create table targets (doc_id text, position integer, value float, primary key (doc_id, position))")
        conn.execute("insert into targets values ('a', 0, 80)")
    db = sqlite_utils.Database(path)
    store._add_target_roles(db)
    store._add_target_roles(db)  # twice: nothing to add the second time
    assert db.execute("select role, year, value from targets").fetchall() == [("target", None, 80.0)]


def test_a_status_figure_keeps_its_year_and_no_deadline():
    s = "截至2020年底，全省脱贫人口家庭医生签约率达到99%。"
    (t,) = extract_targets(s, (0, len(s)), "x", issue_year=2021)
    assert (t.role, t.year, t.deadline_year, t.compared) == ("status", 2020, None, False)
    assert t.to_dict()["role_cue"] == "a figure up to a date (截至2020年底)"


# ---------------------------------------------------------------- a whole notice


NOTICE = ("青禾县卫生健康事业发展“十四五”规划\n一、发展现状\n2020年，全县每千人口床位数达到6.1张，诊疗人次和出院人次分别增长4.1%和14%。\n"
          "二、主要目标\n到2025年，全县家庭医生签约服务覆盖率达到75%以上，在5年过渡期内保持政策稳定。\n"
          "三、重点任务\n（一）落实医疗保障。住院费用报销比例不低于80%，从4个方面强化保障。\n")


def _record(text=NOTICE):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    return parse_text(NormalisedText(text, list(range(len(text) + 1))))


@pytest.mark.parametrize("heading, role", [
    ("一、发展背景", "status"),  # a county-level city's 十四五 plan opens with 发展背景, not 发展现状
    ("（一）现实基础", "status"),  # a provincial plan's sub-heading for what is already built
    ("二、主要做法和工作成效", "status"),  # a year-end work summary
    ("二、工作进展", "status"),  # a progress report
    ("二、主要目标", "target"),  # a goal section stays a goal section
])
def test_a_section_that_reports_the_past_makes_its_figures_status(heading, role):
    text = f"青梧市卫生健康发展规划\n{heading}\n农村卫生户厕普及率达98.5%。\n"
    got = [t["role"] for t in _record(text)["targets"] if t["value"] == 98.5]
    assert got == [role]


def test_a_notice_keeps_every_number_with_its_role():
    record = _record()
    got = [(t["path"], t["role"], t["value"]) for t in record["targets"]]
    assert ("一", "status", 6.1) in got and ("一", "status", 4.1) in got and ("一", "status", 14) in got
    assert ("goal", "target", 75) in got and ("goal", "period", 5) in got
    assert ("三/（一）", "parameter", 80) in got
    status = [t for t in record["targets"] if t["role"] == "status"]
    assert {t["year"] for t in status} == {2020}


def test_targets_status_lists_the_status_figures_with_year_and_quote(tmp_path):
    from click.testing import CliRunner

    from policydiff.cli import cli

    notice = tmp_path / "qinghe.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(notice), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["targets", "--status", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)
    assert [(r["indicator"], r["value"], r["year"]) for r in rows] == \
        [("全县每千人口床位数", "=6.1张", 2020), ("诊疗人次", "+4.1%", 2020), ("出院人次", "+14%", 2020)]
    assert all("2020年，全县每千人口床位数达到6.1张" in r["quote"] for r in rows)
    import sqlite3

    with sqlite3.connect(db) as conn:  # the targets table keeps every number with its role (and a status's year)
        stored = conn.execute("select role, year, value from targets order by position").fetchall()
    assert ("status", 2020, 6.1) in stored and ("target", None, 75) in stored and ("period", None, 5) in stored
    neither = runner.invoke(cli, ["targets", "--db", db])
    assert neither.exit_code == 2 and "give --across" in neither.output


# ---------------------------------------------------------------- comparison rules


def _target(indicator, comparator, value, unit, role="target", path="annex", text=None, start=0):
    text = text or f"{indicator}{comparator}{value}{unit}"
    return {"path": path, "text": text, "indicator": indicator, "comparator": comparator, "value": value,
            "unit": unit, "deadline_year": 2025, "binding": None, "span": [start, start + len(text)],
            "value_span": [start, start + len(text)], "role": role, "qualifier": None}


def test_different_indicators_under_one_frame_entry_are_not_compared():
    """签约…规范管理率达到90% against a 门诊报销比例 ≥80%: same unit, same entry, different measured noun."""
    from policydiff.compare.standards import comparable

    reference = "签约家庭医生的农村低收入人口高血压、糖尿病、结核病和严重精神障碍的规范管理率达到90%"
    assert not comparable(reference, "%", _target("签约对象门诊慢特病报销比例", ">=", 80, "%", role="parameter"))
    assert comparable(reference, "%", _target("四种重点慢病规范管理率", ">=", 90, "%"))
    # roles: a status figure or a period never compares, whatever its words
    assert not comparable(reference, "%", _target("四种重点慢病规范管理率", ">=", 85, "%", role="status"))
    assert not comparable("大病专项救治病种≥30种", "种", _target("过渡期", "=", 5, "年", role="period"))
    # units must agree (种 and 个病种 are one unit)
    assert comparable("大病专项救治病种≥30种", "种", _target("专项救治病种", ">=", 32, "个病种"))
    assert not comparable("大病专项救治病种≥30种", "种", _target("专项救治病种", ">=", 32, "所"))


def _notice_with_annex(locality, doc_id, value, text=None):
    row_text = text or f"大病专项救治病种≥{value}种"
    body = f"附件\n指标 属性\n{row_text}\t约束性\n"
    start = body.index(row_text)
    return {"id": doc_id, "locality": locality, "doc_number": None, "text": body,
            "annex_indicators": [{"no": 5, "indicator": row_text, "binding": "约束性",
                                  "span": [start, start + len(row_text)]}],
            "targets": [_target("大病专项救治病种", ">=", value, "种", text=row_text, start=start)],
            "citations": [], "measures": []}


def _frame_row():
    return {"no": 5, "indicator": "大病专项救治病种≥30种", "binding": "约束性",
            "frame_values": [{"comparator": ">=", "value": 30, "unit": "种"}],
            "carried_by": [{"doc_id": "gx", "values": [{"comparator": ">=", "value": 30, "unit": "种"}]},
                           {"doc_id": "hn", "values": [{"comparator": ">=", "value": 34, "unit": "种"}]}]}


def test_an_implausible_value_is_flagged_with_its_quote_not_compared():
    """A damaged "9、15种" read as 915 is ten times every other notice's value."""
    from policydiff.compare.across import targets_across
    from policydiff.compare.diff import IMPLAUSIBLE, compare_targets
    from policydiff.models import Reference

    damaged = _notice_with_annex("青梧市", "qw", 915, "大病专项救治病种≥915种")
    reference = Reference(kind="frame", name="frame", doc_number=None, date=None, derivation="", entries=[],
                          indicators=[_frame_row()], records={})
    (delta,) = [d for d in compare_targets(damaged, reference) if d["reference"]]
    assert delta["change"] == IMPLAUSIBLE and delta["quote"] == "大病专项救治病种≥915种"
    fine = _notice_with_annex("江岭省", "jl", 34)
    assert [d["change"] for d in compare_targets(fine, reference) if d["reference"]] == ["strengthened"]
    (row,) = targets_across([damaged, fine], [_frame_row()])
    assert row["cells"]["青梧市"]["status"] == IMPLAUSIBLE and row["cells"]["青梧市"]["quote"] == "大病专项救治病种≥915种"
    assert row["cells"]["江岭省"]["status"] == "stated"


def test_targets_across_and_diff_give_one_value_for_an_indicator():
    """Lianyungang's shape: a count of the diseases it takes stock of (20种大病) and the target (≥30个病种):
    both views give the target."""
    from policydiff.compare.across import targets_across
    from policydiff.compare.diff import compare_targets
    from policydiff.models import Reference

    text = ("一、强化大病救治\n（一）做好救治。在摸清低收入人口罹患20种大病底数基础上，继续做好大病专项救治。"
            "各地要积极扩大专项救治病种，到2020年力争达到30个病种。\n")
    record = _record(text)
    record.update(locality="青梧市", id="qw")
    reference = Reference(kind="frame", name="frame", doc_number=None, date=None, derivation="", entries=[],
                          indicators=[_frame_row()], records={})
    (delta,) = [d for d in compare_targets(record, reference) if d["reference"]]
    (row,) = targets_across([record], [_frame_row()])
    cell = row["cells"]["青梧市"]
    assert (delta["local"]["value"], delta["local"]["unit"]) == (cell["value"], cell["unit"]) == (30, "个病种")
    assert delta["change"] == "same" and cell["comparator"] == ">=" and cell["deadline"] == 2020


# ---------------------------------------------------------------- indicator tables (主要指标), cell by cell


TABLES = [
    # provincial plan: 2020年 | 2025年 | 属性 columns, the 2020 value a status figure, the 2025 value the target
    ("序号\t指标\t单位\t2020年\t2025年\t属性\n1\t人均预期寿命\t岁\t77.6\t78.6\t预期性\n", 2021,
     [("status", "人均预期寿命", "=", 77.6, "岁", 2020, None), ("target", "人均预期寿命", "=", 78.6, "岁", 2025, "预期性")]),
    # comparator symbols in the cells, unit in the indicator's brackets
    ("指标\t2020年\t2025年\t指标属性\n孕产妇死亡率（/10万）\t11.2\t≤10\t约束性\n", 2021,
     [("status", "孕产妇死亡率", "=", 11.2, "/10万", 2020, None), ("target", "孕产妇死亡率", "<=", 10, "/10万", 2025, "约束性")]),
    # prefecture annex: 现状值 | 目标值 columns, 以上 after the value
    ("序号\t指标名称\t现状值\t目标值\t指标属性\n1\t县域内就诊率（%）\t85\t90以上\t预期性\n", 2022,
     [("status", "县域内就诊率", "=", 85, "%", None, None), ("target", "县域内就诊率", ">=", 90, "%", None, "预期性")]),
    # a merged 领域 cell missing from the second row: cells aligned from the right
    ("领域\t指标\t2020年\t2025年\t属性\n健康水平\t婴儿死亡率（‰）\t5.2\t≤5\t约束性\n\t5岁以下儿童死亡率（‰）\t7.1\t≤6.5\t约束性\n", 2021,
     [("status", "婴儿死亡率", "=", 5.2, "‰", 2020, None), ("target", "婴儿死亡率", "<=", 5, "‰", 2025, "约束性"),
      ("status", "5岁以下儿童死亡率", "=", 7.1, "‰", 2020, None),
      ("target", "5岁以下儿童死亡率", "<=", 6.5, "‰", 2025, "约束性")]),
    # probe-2 finding 12: 单位 column and bare year columns, the first in the notice's own year: the base (status)
    ("指标\t单位\t2022年\t2025年\t属性\n村卫生室规范化建设达标率\t%\t81\t100\t约束性\n", 2022,
     [("status", "村卫生室规范化建设达标率", "=", 81, "%", 2022, None),
      ("target", "村卫生室规范化建设达标率", "=", 100, "%", 2025, "约束性")]),
    # yearly columns all after the notice's year: each a target with its own deadline
    ("指标\t单位\t2023年\t2024年\t2025年\t属性\n重点人群签约率\t%\t70\t72\t≥75\t预期性\n", 2022,
     [("target", "重点人群签约率", "=", 70, "%", 2023, "预期性"), ("target", "重点人群签约率", "=", 72, "%", 2024, "预期性"),
      ("target", "重点人群签约率", ">=", 75, "%", 2025, "预期性")]),
    # probe 4a #3: a three-year plan's schedule (2023年⇥2024年⇥2025年) in a notice of its first year: each column
    # a target, the first no base (it is the plan's first year, not the year it starts from)
    ("序号\t指标\t2023年\t2024年\t2025年\t指标属性\n1\t县域内就诊率（%）\t85\t88\t90\t约束性\n", 2023,
     [("target", "县域内就诊率", "=", 85, "%", 2023, "约束性"), ("target", "县域内就诊率", "=", 88, "%", 2024, "约束性"),
      ("target", "县域内就诊率", "=", 90, "%", 2025, "约束性")]),
    # the same columns in a notice that prints no date: the earliest stays the base (it may be a record of the past)
    ("指标\t2023年\t2024年\t2025年\t属性\n重点人群签约率（%）\t70\t75\t80\t预期性\n", None,
     [("status", "重点人群签约率", "=", 70, "%", 2023, None), ("target", "重点人群签约率", "=", 75, "%", 2024, "预期性"),
      ("target", "重点人群签约率", "=", 80, "%", 2025, "预期性")]),
    # a year before the notice's stays a base even beside a schedule (2022年 in a 2023 plan)
    ("指标\t2022年\t2023年\t2024年\t2025年\t属性\n重点人群签约率（%）\t65\t70\t75\t80\t预期性\n", 2023,
     [("status", "重点人群签约率", "=", 65, "%", 2022, None), ("target", "重点人群签约率", "=", 70, "%", 2023, "预期性"),
      ("target", "重点人群签约率", "=", 75, "%", 2024, "预期性"), ("target", "重点人群签约率", "=", 80, "%", 2025, "预期性")]),
    # probe 3a #7: a target cell that is a change (较2020年提高10个百分点): +10个百分点 (a % row's change is in points)
    ("序号\t指标名称\t2020年\t2025年\t指标属性\n1\t乡镇卫生院达标比例（%）\t72\t较2020年提高10个百分点\t预期性\n", 2022,
     [("status", "乡镇卫生院达标比例", "=", 72, "%", 2020, None),
      ("target", "乡镇卫生院达标比例", "+", 10, "个百分点", 2025, "预期性")]),
    # a change cell without its unit in a % row: in points; 下降…以上 → ->=
    ("指标\t2020年\t2025年\t属性\n因病返贫发生率（%）\t3\t下降1以上\t约束性\n", 2022,
     [("status", "因病返贫发生率", "=", 3, "%", 2020, None), ("target", "因病返贫发生率", "->=", 1, "个百分点", 2025, "约束性")]),
    # 动态清零 in the target column: a count kept at zero (its cue says so), 约束性
    ("序号\t指标\t2020年\t2025年\t属性\n1\t村卫生室“空白点”\t0\t动态清零\t约束性\n", 2022,
     [("status", "村卫生室“空白点”", "=", 0, "", 2020, None), ("target", "村卫生室“空白点”", "=", 0, "", 2025, "约束性")]),
    # probe 3a: 预期性指标 in the 指标性质 column is the attribute; a unit printed 1/10万 is /10万 (as a sentence prints it)
    ("指标\t2020年\t2025年\t指标性质\n孕产妇死亡率（1/10万）\t12\t<15\t约束性指标\n", 2022,
     [("status", "孕产妇死亡率", "=", 12, "/10万", 2020, None), ("target", "孕产妇死亡率", "<", 15, "/10万", 2025, "约束性")]),
    # 全覆盖 in a % row: 100% (the cue says so); in a row of another unit it gives nothing
    ("指标\t2020年\t2025年\t属性\n村卫生室医保结算覆盖率（%）\t85\t全覆盖\t约束性\n"
     "中医馆（个）\t10\t全覆盖\t预期性\n", 2022,
     [("status", "村卫生室医保结算覆盖率", "=", 85, "%", 2020, None), ("target", "村卫生室医保结算覆盖率", "=", 100, "%", 2025, "约束性"),
      ("status", "中医馆", "=", 10, "个", 2020, None)]),
    # words that are neither (持续提升) give no target
    ("指标\t2020年\t2025年\t属性\n群众满意度（%）\t90\t持续提升\t预期性\n", 2022,
     [("status", "群众满意度", "=", 90, "%", 2020, None)]),
]


@pytest.mark.parametrize("table, issue_year, expected", TABLES, ids=[f"table{i}" for i in range(len(TABLES))])
def test_indicator_table_cells(table, issue_year, expected):
    found = extract_targets(table, (0, len(table)), "goal", issue_year=issue_year)
    got = [(t.role, t.indicator, t.comparator, t.value, t.unit, t.year if t.role == "status" else t.deadline_year,
            t.binding if t.role == "target" else None) for t in found]
    assert got == expected
    for t in found:
        assert table[t.span[0]:t.span[1]] == t.text and "\t" in t.text
        if "read as" in (t.role_cue or ""):  # a target said in words: its span is the words, the cue says how read
            assert table[t.value_span[0]:t.value_span[1]] in ("动态清零", "全覆盖")
            continue
        assert table[t.value_span[0]:t.value_span[1]].lstrip("≥≤<>") .startswith(str(t.value).split(".")[0])


def test_a_numbered_annex_row_with_year_columns_gives_baseline_and_target():
    text = ("江岭省健康帮扶实施方案\n一、主要目标\n到2025年，全省健康帮扶取得明显成效。\n附件\n主要指标\n"
            "序号\t指标\t2020年\t2025年\t属性\n1.大病专项救治病种（种）\t30\t≥32\t约束性\n")
    got = [(t["role"], t["indicator"], t["comparator"], t["value"], t["unit"], t["deadline_year"], t["year"], t["binding"])
           for t in _record(text)["targets"]]
    assert got == [("status", "大病专项救治病种", "=", 30, "种", None, 2020, None),
                   ("target", "大病专项救治病种", ">=", 32, "种", 2025, None, "约束性")]


def test_a_binding_printed_after_a_value_is_read():
    s = "到2025年，全县人均预期寿命达到78.5岁（预期性），孕产妇死亡率控制在12/10万以下（约束性）。"
    found = extract_targets(s, (0, len(s)), "goal", issue_year=2021)
    assert [(t.value, t.binding, t.deadline_year) for t in found] == [(78.5, "预期性", 2025), (12, "约束性", 2025)]


@pytest.mark.parametrize("sentence, expected", [
    # probe 3a #14: the binding closes the clause after the counted noun (1个以上县域医疗次中心（预期性）)
    ("到2025年，每个县区建成1个以上县域医疗次中心（预期性），达标率达到100%（约束性）。", [(1, "预期性"), (100, "约束性")]),
    # a binding of the next clause is not the previous value's
    ("到2025年，签约率达到95%，覆盖率达到80%（约束性）。", [(95, None), (80, "约束性")]),
    # another bracket between the noun and the binding: not read (say less)
    ("到2025年，建成3个医共体（含中医院）（预期性）。", [(3, None)]),
])
def test_a_binding_closing_the_clause_is_the_values(sentence, expected):
    found = extract_targets(sentence, (0, len(sentence)), "goal", issue_year=2022)
    assert [(t.value, t.binding) for t in found] == expected


def test_an_annexed_table_takes_the_plans_deadline_and_says_it_is_inferred():
    text = ("青梧市健康帮扶实施方案\n一、工作目标\n到2025年，全市健康帮扶主要指标达到附件要求。\n附件\n主要指标\n"
            "序号\t指标名称\t现状值\t目标值\t指标属性\n1\t脱贫人口家庭医生签约率（%）\t95\t≥98\t约束性\n")
    (status, target) = _record(text)["targets"]
    assert (status["role"], target["role"], target["deadline_year"], target["binding"]) == \
        ("status", "target", 2025, "约束性")
    assert "inferred from the plan's goals" in target["role_cue"]


def _chronic_frame_row():
    return {"no": 3, "indicator": "签约家庭医生的农村低收入人口高血压、糖尿病、结核病和严重精神障碍的规范管理率达到90%",
            "binding": "预期性", "frame_values": [{"comparator": ">=", "value": 90, "unit": "%"}], "carried_by": []}


@pytest.mark.parametrize("sentence, change", [
    # one value per disease (分别): the joint rate is a different indicator; never weakened/strengthened
    ("对高血压、糖尿病、肺结核、重度精神障碍患者规范管理率分别达到65%、65%、85%、75%以上。",
     "different indicators, not compared"),
    # one value for the diseases jointly: compared as before
    ("高血压、糖尿病、结核病和严重精神障碍患者规范管理率达到85%以上。", "weakened"),
])
def test_a_paired_list_item_is_not_compared_with_a_joint_indicator(sentence, change):
    from policydiff.compare.across import targets_across
    from policydiff.compare.diff import compare_targets
    from policydiff.models import Reference

    record = _record(f"一、做实慢病签约服务\n（一）慢病管理。{sentence}\n")
    record.update(locality="青梧县", id="qw")
    reference = Reference(kind="frame", name="frame", doc_number=None, date=None, derivation="", entries=[],
                          indicators=[_chronic_frame_row()], records={})
    (delta,) = [d for d in compare_targets(record, reference) if d["reference"]]
    assert delta["change"] == change
    (row,) = targets_across([record], [_chronic_frame_row()])
    cell = row["cells"]["青梧县"]
    if change == "weakened":
        assert cell["status"] == "stated" and cell["value"] == 85
    else:  # each item's value quoted with its own indicator
        assert cell["status"] == change and "肺结核患者规范管理率 ≥85%" in cell["quote"] and "≥75%" in cell["quote"]
        assert "肺结核患者规范管理率 >=85%" in delta["quote"]


def test_a_rate_printed_without_its_unit_says_so_in_role_cue():
    from policydiff import patterns as P

    (t,) = extract_targets("签约服务率要达到70以上。", (0, 12), "x", issue_year=2021)
    assert (t.value, t.unit) == (70, "%") and P.UNIT_NOT_PRINTED in t.role_cue
    from policydiff.compare.across import _cell, format_cell
    from policydiff.compare.diff import _fmt_target, _local_target

    shown = {"qualifier": None, **t.to_dict()}
    assert format_cell(_cell([shown])) == "≥70% (unit not printed: % of a 率)"  # said in every output
    assert _fmt_target(_local_target(shown)) == ">=70% (unit not printed)"
    (bare,) = extract_targets("居民健康素养指数达86。", (0, 11), "x")  # an index, not a rate: no unit given to it
    assert bare.unit == "" and not bare.role_cue


def test_an_assessment_item_asks_for_a_change_a_status_section_reports_one():
    text = ("青禾县卫生健康局关于印发签约服务方案的通知\n青卫发〔2021〕9号\n各镇卫生院：\n现将方案印发你们。\n"
            "青禾县卫生健康局\n2021年3月2日\n一、工作进展\n全县签约居民续约率较上年提高4个百分点。\n"
            "二、工作措施\n（一）加强考核。签约居民续约率较上年提高5个百分点。\n")
    record = _record(text)
    assert [(t["value"], t["role"]) for t in record["targets"]] == [(4, "status"), (5, "target")]


@pytest.mark.parametrize("text, expected", [
    # probe 4a #7: an undated 工作要点 whose title names its year (no 文号, no date, no signature): its items ask for
    # changes against the year before (比上年, 比2022年) — targets, the cue saying the year came from the title
    ("平利县2023年健康乡村建设工作要点\n一、提升能力。乡镇卫生院门急诊人次比上年提高3个百分点。（责任股室：医政股）\n"
     "二、推进改厕。农村卫生厕所普及率比2022年提高5个百分点。\n",
     [(3, "target", True), (5, "target", True)]),
    # a task list (清单) titled with its year: the same
    ("青溪县2024年乡村医疗卫生重点任务清单\n一、做实签约。重点人群签约率较上年提高2个百分点。\n", [(2, "target", True)]),
    # a three-year plan titled with its span after its genre (…行动方案（2023—2025年）): its first year stands in
    ("青溪县巩固提升签约服务三年行动方案（2023—2025年）\n一、做实签约。重点人群签约率较上年提高2个百分点。\n",
     [(2, "target", True)]),
    # an undated report (工作总结) says what was seen: status, as before
    ("平利县2022年健康乡村建设工作总结\n一、提升能力。乡镇卫生院门急诊人次比上年提高3个百分点。\n", [(3, "status", False)]),
    # an undated plan's item that opens on a year before its title's (2022年，…较上年提高…): a report, status
    ("平利县2023年健康乡村建设工作要点\n一、回顾。2022年，全县签约率较上年提高2个百分点。\n", [(2, "status", False)]),
])
def test_an_undated_plans_title_year_makes_its_asked_changes_targets(text, expected):
    record = _record(text)
    assert record["issue_date"] is None
    assert [(t["value"], t["role"], "read from the title" in (t["role_cue"] or "")) for t in record["targets"]] == expected


def _county_frame_row():
    return {"no": 2, "indicator": "脱贫县（市、区）要有1所县级医院达到二级医院医疗服务能力", "binding": "约束性",
            "frame_values": [{"comparator": "=", "value": 1, "unit": "所"}], "carried_by": []}


@pytest.mark.parametrize("sentence, status, quote", [
    # the sentence names the indicator and prints a figure of another noun (a share of hospitals): not
    # "not quantified" — the figures are listed with their nouns for the reader to judge
    ("（一）提升县级医院能力。推动脱贫县县级医院达到二级医院医疗服务能力，达标比例不低于85%。",
     "other figures printed", "达标比例 ≥85%"),
    # the sentence names it with no figure at all: not quantified, quoted
    ("（一）提升县级医院能力。推动脱贫县县级医院达到二级医院医疗服务能力。", "not quantified",
     "推动脱贫县县级医院达到二级医院医疗服务能力"),
    # a sentence sharing only a facility word is not the indicator: not stated
    ("（一）建设发热诊室。推动县级医院发热诊室全覆盖。", "not stated", None),
    # probe-2 finding 13: the only sentence naming it reports a figure already reached (status): not "not quantified"
    ("（一）回顾。截至2020年底，全县脱贫县县级医院达到二级医院医疗服务能力的比例达到100%。",
     "only a status figure printed (a level already reached), no target", "100%"),
])
def test_not_quantified_only_without_a_figure(sentence, status, quote):
    from policydiff.compare.across import targets_across

    record = _record(f"一、重点任务\n{sentence}\n")
    record.update(locality="青梧县", id="qw")
    (row,) = targets_across([record], [_county_frame_row()])
    cell = row["cells"]["青梧县"]
    assert cell["status"] == status
    if quote:
        assert quote in cell["quote"]


def test_an_annex_row_is_filed_under_the_indicator_whose_noun_it_names():
    """Same number and 约束性 as a frame row about 标准化建设/中医馆, but it measures a share of 乡镇卫生院 meeting
    the basic standard: its own row, not the frame row's value."""
    from policydiff.compare.across import targets_across
    from policydiff.compare.frame import matching_indicator

    frame_row = {"no": 3, "indicator": "辖区乡镇卫生院和行政村卫生室完成标准化建设，乡镇卫生院中医馆实现全覆盖",
                 "binding": "约束性", "frame_values": [], "carried_by": []}
    body = "附件\n序号\t指标\t属性\n3\t乡镇卫生院达到服务能力基本标准比例≥95%\t约束性\n"
    row_text = "乡镇卫生院达到服务能力基本标准比例≥95%"
    start = body.index(row_text)
    local = {"no": 3, "indicator": row_text, "binding": "约束性", "span": [start, start + len(row_text)]}
    assert matching_indicator(frame_row, [local]) is None
    record = {"id": "zy", "locality": "青梧县", "doc_number": None, "text": body, "annex_indicators": [local],
              "targets": [_target("乡镇卫生院达到服务能力基本标准比例", ">=", 95, "%", text=row_text, start=start)],
              "citations": [], "measures": []}
    rows = targets_across([record], [frame_row])
    assert rows[0]["cells"]["青梧县"]["status"] == "not stated"
    assert [(r["indicator"], r["cells"]["青梧县"]["value"]) for r in rows[1:]] == [("乡镇卫生院达到服务能力基本标准比例", 95)]


@pytest.mark.parametrize("frame, value, sentence, stated, shown", [
    # probe-2 finding 9: a rise in points states a frame value in points (both changes): compared (the frame
    # says no span; 每年提高2个百分点 against 较2022年…到2025年 would be another period: probe d4, test_across_cells)
    ("县域内就诊率提高2个百分点", (">=", 2, "个百分点"), "到2025年，县域内就诊率较2022年提高3个百分点。", True, "+3个百分点"),
    # a rise of a share (提高5%) never stands for the level it would read as (≥90%... or 5%)
    ("县域内就诊率达到90%", (">=", 90, "%"), "县域内就诊率提高5%。", False, None),
    ("县域内就诊率达到5%", (">=", 5, "%"), "县域内就诊率提高5%。", False, None),
])
def test_a_change_states_only_a_change(frame, value, sentence, stated, shown):
    from policydiff.compare.across import format_cell, targets_across

    comparator, number, unit = value
    row = {"no": 7, "indicator": frame, "binding": "约束性",
           "frame_values": [{"comparator": comparator, "value": number, "unit": unit}], "carried_by": []}
    record = _record(f"一、工作目标\n{sentence}\n")
    record.update(locality="青梧县", id="qw")
    (cell_row,) = targets_across([record], [row])
    cell = cell_row["cells"]["青梧县"]
    assert (cell["status"] == "stated") == stated
    if shown:
        assert format_cell(cell).startswith(shown)


# targets --status: a status figure shows the comparator its own words print, else '=' (a level reached)
STATUS_VALUE_ROWS = [
    # 达到 before a level reached: the level, not a floor
    ("截至2022年底，全县村医中60岁以上的占比达到41%。", "占比", ">=", 41, "%", "=41%"),
    # 提高到 of a change already seen: the level it reached
    ("2022年，脱贫人口家庭医生签约率提高到96.5%。", "签约率", ">=", 96.5, "%", "=96.5%"),
    # 以上 inside the indicator (60岁以上) is not a bound on the value
    ("截至2022年底，60岁以上村医占比达到33%。", "60岁以上村医占比", ">=", 33, "%", "=33%"),
]
# guards, passing with or without the fix: a bound the words print is kept (the fix must not overreach)
STATUS_BOUND_ROWS = [
    # a bound word printed before the value (不低于): kept
    ("截至2022年底，各乡镇卫生院床位使用率不低于60%。", "床位使用率", ">=", 60, "%", "≥60%"),
    # a bound printed after the value and its unit (以上): kept, even with 达到 before it
    ("截至2022年底，重点人群签约覆盖率达到85%以上。", "签约覆盖率", ">=", 85, "%", "≥85%"),
    # a ceiling word printed (不超过): kept
    ("2022年，县域内住院患者自付比例不超过10%。", "自付比例", "<=", 10, "%", "≤10%"),
]


@pytest.mark.parametrize("sentence, indicator, comparator, value, unit, shown", STATUS_VALUE_ROWS + STATUS_BOUND_ROWS)
def test_a_status_figure_shows_its_printed_comparator_or_equals(sentence, indicator, comparator, value, unit, shown):
    from policydiff.compare.across import status_figures

    start = sentence.index("，") + 1
    record = {"id": "x", "locality": "青禾县", "doc_number": None, "text": sentence,
              "targets": [{"path": "preamble", "indicator": indicator, "comparator": comparator, "value": value,
                           "unit": unit, "role": "status", "year": 2022, "role_cue": "截至",
                           "text": sentence[start:-1], "span": [start, len(sentence) - 1]}]}
    [row] = status_figures([record])
    assert row["value"] == shown
