"""Marker forms, list splitting, the lead convention and duty clauses: rows of (sentence → units).

Every sentence here is written for these tests in the shapes real notices use (national and State
Council, provincial, prefecture, county wording); none is quoted from a real notice.
"""

import pytest

from policydiff.extract.measures import extract_measures
from policydiff.extract.units import (
    assign_duties,
    extract_duties,
    marker_mentions,
    split_unit_list,
)
from policydiff.models import Duty, Measure
from policydiff.outline import build_outline

L, S, R = "lead", "support", "responsible"

FORMS = [
    # ---- national / State Council wording
    # 按职责分工负责 after a list of ministries
    ("加快推进远程医疗覆盖。（国家卫生健康委、国家发展改革委、财政部按职责分工负责）",
     [("国家卫生健康委", R, False), ("国家发展改革委", R, False), ("财政部", R, False)]),
    # trailing 等 dropped from the last name, the list flagged open
    ("完善医疗救助。（国家医保局、民政部、财政部等负责）",
     [("国家医保局", R, True), ("民政部", R, True), ("财政部", R, True)]),
    # 等和 joins an open list of ministries to the provinces
    ("落实兜底保障。（甲部、乙委等和各省级人民政府负责）",
     [("甲部", R, True), ("乙委", R, True), ("各省级人民政府", R, False)]),
    # ， between the ministries and the provinces
    ("做好监测帮扶。（甲部、乙委，各省级人民政府按职责分工负责）",
     [("甲部", R, False), ("乙委", R, False), ("各省级人民政府", R, False)]),
    # 牵头 … 参与
    ("推进中医药服务。（国家卫生健康委牵头，国家中医药局、国家疾控局参与）",
     [("国家卫生健康委", L, False), ("国家中医药局", S, False), ("国家疾控局", S, False)]),
    # probe 3a: bodies a label line prints apart by spaces (for 、): one each
    ("落实村医待遇。\n责任单位：县卫健局 县财政局\u3000县人社局", [("县卫健局", R, False), ("县财政局", R, False), ("县人社局", R, False)]),
    # …but a vertically managed bureau printed in two halves stays one body
    ("落实参保征缴。\n责任单位：国家税务总局 湖南省税务局", [("国家税务总局 湖南省税务局", R, False)]),
    # probe 3a: a role note in brackets after the last unit of a label line is no part of its name
    ("落实救治政策。\n责任单位：县卫健局、县医保局（按职责分工负责）", [("县卫健局", R, False), ("县医保局", R, False)]),
    # probe 3a: a ministry's departments (司); a bare 司 after one named with its ministry is that ministry's
    ("做实专项救治。（责任单位：国家卫生健康委医政司、乡村振兴司，国家医保局待遇保障司）",
     [("国家卫生健康委医政司", R, False), ("国家卫生健康委乡村振兴司", R, False), ("国家医保局待遇保障司", R, False)]),
    # a labelled part in verb form with departments (乡村振兴司牵头，待遇保障司配合): each its role, no verb in a name
    ("强化监测预警。（责任单位：国家卫生健康委乡村振兴司牵头，国家医保局待遇保障司配合）",
     [("国家卫生健康委乡村振兴司", L, False), ("国家医保局待遇保障司", S, False)]),
    # a provincial commission's 处 after one named with it
    ("推进签约服务。（责任单位：省卫生健康委基层卫生健康处、妇幼健康处）",
     [("省卫生健康委基层卫生健康处", R, False), ("省卫生健康委妇幼健康处", R, False)]),
    # 会同: the body before it leads, the one after supports
    ("建立台账。（国家卫生健康委会同国家医保局负责）",
     [("国家卫生健康委", L, False), ("国家医保局", S, False)]),
    # 由 … 负责
    ("开展评估。（由国家乡村振兴局负责）", [("国家乡村振兴局", R, False)]),
    # 以及 between ministries and provinces
    ("加强人才培养。（教育部、人力资源社会保障部以及各省级人民政府按职责分工负责）",
     [("教育部", R, False), ("人力资源社会保障部", R, False), ("各省级人民政府", R, False)]),
    # 和 between two ministries
    ("改善人居环境。（农业农村部、生态环境部和住房城乡建设部负责）",
     [("农业农村部", R, False), ("生态环境部", R, False), ("住房城乡建设部", R, False)]),
    # 和 inside a ministry's own name is no joiner
    ("推进信息化。（国家发展改革委、工业和信息化部、文化和旅游部负责）",
     [("国家发展改革委", R, False), ("工业和信息化部", R, False), ("文化和旅游部", R, False)]),
    # shared suffix after 等: each function takes 部门, each span its own characters
    ("开展爱国卫生运动。（农业农村、住房城乡建设、生态环境等部门负责）",
     [("农业农村部门", R, True), ("住房城乡建设部门", R, True), ("生态环境部门", R, True)]),
    # 等有关部门
    ("强化政策衔接。（国家卫生健康委、国家医保局等有关部门按职责分工负责）",
     [("国家卫生健康委", R, True), ("国家医保局", R, True)]),
    # 等单位
    ("做好数据共享。（民政部、国家乡村振兴局等单位负责）",
     [("民政部", R, True), ("国家乡村振兴局", R, True)]),
    # 分工负责 after 由 and an open list
    ("完善药品供应。（由国家医保局、国家卫生健康委等分工负责）",
     [("国家医保局", R, True), ("国家卫生健康委", R, True)]),
    # labelled 负责部门 with another labelled part that names no unit
    ("试点推广。（负责部门：国家卫生健康委、国家医保局、国家中医药局；适用范围：全部试点地区）",
     [("国家卫生健康委", R, False), ("国家医保局", R, False), ("国家中医药局", R, False)]),
    # the unit label second, after a scope label
    ("扩大覆盖面。（适用范围：脱贫县；责任单位：国家卫生健康委）", [("国家卫生健康委", R, False)]),
    # a deadline label after the units
    ("完成改造。（责任单位：甲部、乙委；完成时限：2025年底前）", [("甲部", R, False), ("乙委", R, False)]),
    # a bracket with only a scope label names nobody
    ("开展试点。（适用范围：全部试点地区）", []),
    # a deadline bracket names nobody
    ("建成平台（完成时限：2023年底前）。", []),
    # scope brackets name nobody
    ("支持县级医院（含中医医院）建设，不占用耕地（不含6亩）。", []),
    # a role verb after words that are no body
    ("开展义诊活动（群众自愿参与）。", []),
    # 负责指导 / 负责组织实施: ministries guide, provinces carry out
    ("推广试点经验。（国家卫生健康委、国家医保局等部门负责指导，各省级人民政府负责组织实施）",
     [("国家卫生健康委", R, True), ("国家医保局", R, True), ("各省级人民政府", R, False)]),
    # 抓好落实 after the provinces
    ("落实倾斜支持。（国家卫生健康委、国家中医药局负责，各省级人民政府抓好落实）",
     [("国家卫生健康委", R, False), ("国家中医药局", R, False), ("各省级人民政府", R, False)]),
    # 全社会 and 各地结合实际 are no bodies
    ("营造良好氛围（全社会参与）。各地可先行试点（各地结合实际组织实施）。", []),
    # words after the marker's clauses are passed over
    ("建立救治台账。（由县卫健局负责，所需经费由县财政统筹）", [("县卫健局", R, False)]),
    # a first clause that names no body: no marker, whatever follows
    ("开展义诊。（费用由县财政承担，县卫健局负责）", []),
    # a deadline clause inside a verb marker is passed over
    ("建立制度。（国家卫生健康委负责，2022年底前完成）", [("国家卫生健康委", R, False)]),
    # ---- provincial wording
    # square brackets; 各市 shares 人民政府 with 县（市、区）, kept whole as a placeholder body
    ("加强能力建设。[责任单位：自治区卫生健康委、医保局，各市、县（市、区）人民政府]",
     [("自治区卫生健康委", R, False), ("医保局", R, False), ("各市人民政府", R, False),
      ("县（市、区）人民政府", R, False)]),
    # 牵头单位 / 配合单位 separated by ；
    ("完善大病救治。（牵头单位：省卫生健康委；配合单位：省财政厅、省医保局）",
     [("省卫生健康委", L, False), ("省财政厅", S, False), ("省医保局", S, False)]),
    # 协办单位 supports
    ("做好宣传。（牵头单位：省卫生健康委；协办单位：省民政厅）", [("省卫生健康委", L, False), ("省民政厅", S, False)]),
    # 牵头 then 按职责分工负责
    ("落实倾斜政策。（省医保局牵头，省财政厅、省卫生健康委按职责分工负责）",
     [("省医保局", L, False), ("省财政厅", R, False), ("省卫生健康委", R, False)]),
    # 分工负责
    ("推进结算。（省卫生健康委、省医保局分工负责）", [("省卫生健康委", R, False), ("省医保局", R, False)]),
    # 及 between departments and city governments
    ("推进一站式结算。（省民政厅、省医保局及各市人民政府负责）",
     [("省民政厅", R, False), ("省医保局", R, False), ("各市人民政府", R, False)]),
    # 参与单位 supports
    ("开展健康促进。（参与单位：省教育厅、省体育局）", [("省教育厅", S, False), ("省体育局", S, False)]),
    # 【】 with city governments and 省直有关部门
    ("强化考核。【责任单位：各市人民政府，省直有关部门】", [("各市人民政府", R, False), ("省直有关部门", R, False)]),
    # ---- prefecture wording
    # 牵头 / 配合
    ("开展巡诊。（市卫健委牵头，市医保局、市民政局配合）",
     [("市卫健委", L, False), ("市医保局", S, False), ("市民政局", S, False)]),
    # a verbless clause takes the next clause's verb; 等部门 closes an open list
    ("加强项目储备。（市卫健委牵头，市医保局、市财政局等部门，市人社局配合）",
     [("市卫健委", L, False), ("市医保局", S, True), ("市财政局", S, True), ("市人社局", S, False)]),
    # a role phrase after a labelled list is dropped
    ("落实资助参保。（责任单位：市卫健委、市医保局按职责分工负责）", [("市卫健委", R, False), ("市医保局", R, False)]),
    # labels separated by spaces only
    ("加强培训。（牵头单位：市卫健委  配合单位：市财政局）", [("市卫健委", L, False), ("市财政局", S, False)]),
    # labels with no separator at all
    ("加强督导。（牵头单位：市卫健委配合单位：市财政局）", [("市卫健委", L, False), ("市财政局", S, False)]),
    # 与 between two bodies
    ("落实待遇。（市卫生健康委与市医疗保障局负责）", [("市卫生健康委", R, False), ("市医疗保障局", R, False)]),
    # 市直各有关单位 and 各县区人民政府 as placeholder bodies
    ("压实责任。（市直各有关单位、各县区人民政府负责）", [("市直各有关单位", R, False), ("各县区人民政府", R, False)]),
    # divisions of the health commission
    ("规范诊疗。（牵头科室：医政科、公卫科；配合单位：市疾控中心）",
     [("医政科", L, False), ("公卫科", L, False), ("市疾控中心", S, False)]),
    # labels in brackets of their own, the units after each
    ("推进家庭医生签约。【牵头单位】市卫健委【配合单位】市医保局、市财政局",
     [("市卫健委", L, False), ("市医保局", S, False), ("市财政局", S, False)]),
    # 排在第一位的为牵头单位 stated in the marker: the first leads, the other stays responsible (printed 负责)
    ("健全网络。（市卫健委、市医保局负责，排在第一位的为牵头单位）", [("市卫健委", L, False), ("市医保局", R, False)]),
    # an unbracketed 责任单位 line after the item
    ("加强人才培训。\n责任单位：市卫健委、市人社局", [("市卫健委", R, False), ("市人社局", R, False)]),
    # ---- county wording
    # a county bureau leads, townships support
    ("做实签约服务。（县卫健局牵头，各镇人民政府、街道办事处配合）",
     [("县卫健局", L, False), ("各镇人民政府", S, False), ("街道办事处", S, False)]),
    # 由 … 负责 then 配合
    ("建立监测台账。（由县医保局负责，县卫健局配合）", [("县医保局", R, False), ("县卫健局", S, False)]),
    # 和 between a township hospital and village clinics
    ("健全网络。（牵头单位：县卫健局；配合单位：各镇卫生院和村卫生室）",
     [("县卫健局", L, False), ("各镇卫生院", S, False), ("村卫生室", S, False)]),
    # 和 inside 人力资源和社会保障局 is no joiner
    ("落实职称政策。（责任单位：县卫生健康局、县人力资源和社会保障局）",
     [("县卫生健康局", R, False), ("县人力资源和社会保障局", R, False)]),
    # 住房和城乡建设局 and 自然资源和规划局 stay whole
    ("改善设施。（县住房和城乡建设局、县自然资源和规划局负责）",
     [("县住房和城乡建设局", R, False), ("县自然资源和规划局", R, False)]),
    # （牵头） after one unit of a labelled list
    ("做好慢病管理。（责任单位：县卫健局（牵头）、县医保局、县民政局）",
     [("县卫健局", L, False), ("县医保局", R, False), ("县民政局", R, False)]),
    # a deadline inside a labelled part is no unit
    ("完成标准化建设。（牵头单位：县卫健局，2023年底前完成）", [("县卫健局", L, False)]),
    # a placeholder body alone
    ("落实属地责任。（各乡镇人民政府负责）", [("各乡镇人民政府", R, False)]),
    # 等单位 in a verbless clause, 各乡镇 after it
    ("加强队伍建设。（县委组织部、县人社局等单位，各乡镇配合）",
     [("县委组织部", S, True), ("县人社局", S, True), ("各乡镇", S, False)]),
    # 等部门和: an open list of functions sharing 部门, then the provinces
    ("改善人居环境。（农业农村、生态环境等部门和各省级人民政府负责）",
     [("农业农村部门", R, True), ("生态环境部门", R, True), ("各省级人民政府", R, False)]),
    # a shared suffix without 等
    ("做好衔接。（卫生健康、医疗保障部门负责）", [("卫生健康部门", R, False), ("医疗保障部门", R, False)]),
    # 部门、单位: one body named twice by kind
    ("推进网络建设。（通信管理部门、单位负责）", [("通信管理部门", R, False)]),
    # the lead convention stated in the marker itself: first listed leads, the others stay responsible
    ("健全机制。（甲部、乙委、丙局等负责。列第一位者为牵头单位，下同）",
     [("甲部", L, True), ("乙委", R, True), ("丙局", R, True)]),
    # ---- probe of real notices (issue 26 follow-up): shapes found there, in words written here
    # provincial: the convention as a 注 after a 负责 … 参与 marker (排在首位): 负责 stays responsible, 参与 support
    ("推进县域医共体建设。（省卫生健康委、省医保局负责，省委编办、省人社厅参与。注：排在首位的单位为牵头单位，下同）",
     [("省卫生健康委", L, False), ("省医保局", R, False), ("省委编办", S, False), ("省人社厅", S, False)]),
    # county task breakdown: 牵头责任单位 / 主要协作单位 lines under the item, placeholders after ，
    ("做好老年健康服务。\n牵头责任单位：县卫健委、县民政局\n主要协作单位：各乡镇人民政府，县直有关单位",
     [("县卫健委", L, False), ("县民政局", L, False), ("各乡镇人民政府", S, False), ("县直有关单位", S, False)]),
    # county task card as a web page gives it: each label cell alone on its line, its value on the next
    ("开展爱国卫生运动。\n责任单位\n县卫健局、县文旅局\n配合单位\n各乡镇\n完成时限\n2023年12月底前",
     [("县卫健局", R, False), ("县文旅局", R, False), ("各乡镇", S, False)]),
    # a label line whose next line names no body is no marker
    ("压实各方责任。\n责任单位\n要把任务落实到人", []),
    # prefecture: 协作单位 as a label inside a bracket supports
    ("开展巡回医疗。（牵头单位：市卫健委；协作单位：市红十字会）", [("市卫健委", L, False), ("市红十字会", S, False)]),
    # prefecture: 及 between the city's departments and the county governments, after 牵头 (a placeholder each)
    ("压减审批时限。（市政务服务局牵头，市级各有关部门及各县区政府按职责分工负责）",
     [("市政务服务局", L, False), ("市级各有关部门", R, False), ("各县区政府", R, False)]),
    # ---- county 股室 markers (finding 3): a bureau's internal offices as units
    # 责任股室 names the responsible office
    ("落实大病专项救治。（责任股室：医政股）", [("医政股", R, False)]),
    # 牵头股室 / 配合股室 in one bracket
    ("推进家庭医生签约。（牵头股室：基层卫生股；配合股室：公卫股、财务股）",
     [("基层卫生股", L, False), ("公卫股", S, False), ("财务股", S, False)]),
    # 股室 alone as a label
    ("开展督导。（股室：医政医管股）", [("医政医管股", R, False)]),
    # an unbracketed 责任股室 line under the item
    ("加强慢病管理。\n责任股室：公卫股、基层股", [("公卫股", R, False), ("基层股", R, False)]),
    # 控股 is no office's name
    ("引入社会资本。（县国投公司控股）", []),
    # ---- a second role after 牵头 (finding 5)
    # county task list: 牵头：…；责任：… after the item's sentence, no bracket
    ("落实一站式结算。牵头：县医保局；责任：各镇人民政府、县卫健局、县人民医院。",
     [("县医保局", L, False), ("各镇人民政府", R, False), ("县卫健局", R, False), ("县人民医院", R, False)]),
    # a unit with a bracket naming who carries it out: the unit leads, the one in its bracket is responsible
    ("开展健康教育。牵头：县卫健局（疾控中心具体负责）；责任：各镇卫生院。",
     [("县卫健局", L, False), ("疾控中心", R, False), ("各镇卫生院", R, False)]),
    # a leader's label first (a person, no unit), the unit label after ；
    ("落实签约服务。覆盖率稳定在九成以上。牵头领导：分管副局长；责任单位：县医保局。", [("县医保局", R, False)]),
    # the same on a line of its own under the item
    ("健全监测机制。\n牵头领导：县政府分管副县长；责任单位：县医保局、县卫健局",
     [("县医保局", R, False), ("县卫健局", R, False)]),
    # 牵头 then 具体实施: the townships carry it out, responsible
    ("提升村医能力。（县卫健局牵头，各镇卫生院具体实施）", [("县卫健局", L, False), ("各镇卫生院", R, False)]),
    # 责任： followed by words that name no body is no marker
    ("压实工作责任。责任：要落实到每一个人。", []),
    # ---- a bare bracket of units, no marker word (finding 1): a sentence of its own at the item's close
    # provincial 分工 list: ministries in a bracket after the item's last sentence, all responsible
    ("提高县级医院服务能力。到2025年县级医院全部达到二级水平。（省卫生健康委、省发展改革委、省财政厅）",
     [("省卫生健康委", R, False), ("省发展改革委", R, False), ("省财政厅", R, False)]),
    # prefecture 工作要点: one internal division after the item
    ("（二）签约服务覆盖率稳定在75%。（基层卫生健康科）", [("基层卫生健康科", R, False)]),
    # an open list in a bare bracket on its own line
    ("做好帮扶。\n（县卫健局、县医保局等）", [("县卫健局", R, True), ("县医保局", R, True)]),
    # a gloss after a noun (no sentence end before it) names no unit
    ("加强基层医疗卫生机构（乡镇卫生院、村卫生室）建设。", []),
    # a bracket of examples after a sentence: 含 / 如 / 包括 lead it in
    ("支持县级医院建设。（含县中医医院、县妇幼保健院）", []),
    ("开展对口帮扶。（如市中心医院、市中医医院）", []),
    # a short name given in a bracket is no unit
    ("组建医共体。（以下简称县医共体）", []),
    # a bracket with one part that is no body names no unit
    ("落实救治。（县卫健局、群众自愿）", []),
    # ---- probe 2, finding 1: role tags after the bodies of the item's own sentence
    # 会同 between a tagged lead and a tagged list of supports (会同 is the verb, not the county 会同县)
    ("县医疗保障局（牵头）会同县卫生健康局、县民政局（配合）完善高额费用预警机制。",
     [("县医疗保障局", L, False), ("县卫生健康局", S, False), ("县民政局", S, False)]),
    # 由 before the tagged lead, the supports in the next clause with their own tag
    ("由市卫健委（牵头单位），市医保局、市财政局（配合单位）制定救治方案。",
     [("市卫健委", L, False), ("市医保局", S, False), ("市财政局", S, False)]),
    # the bodies after the tagged lead take the role of the verb that closes the clause
    ("由市卫健委（牵头）、市医保局、市民政局按职责分工负责。",
     [("市卫健委", L, False), ("市医保局", R, False), ("市民政局", R, False)]),
    ("县医保局（牵头），县民政局、县财政局配合。", [("县医保局", L, False), ("县民政局", S, False), ("县财政局", S, False)]),
    # a tag after words that are no body gives no unit (never the verb phrase after it)
    ("做好救治工作（牵头）会同县医保局（配合）建立台账。", []),
    # a verb-form bracket whose last clause gives the item to the cities with 落实 (省 ministries' 分工 shape)
    ("调整资助政策。（省医保局、省民政厅负责，各设区市人民政府落实）",
     [("省医保局", R, False), ("省民政厅", R, False), ("各设区市人民政府", R, False)]),
    # ---- probe 2, finding 7: a bare bracket of units that carries its deadline or pace
    # 〔〕 brackets, a year and month after the units
    ("推行乡聘村用。〔县卫健局、县人社局，2023年6月〕", [("县卫健局", R, False), ("县人社局", R, False)]),
    # 【】 with a pace after ；
    ("建设远程会诊平台。【市卫健委信息中心、市人民医院；持续推进】",
     [("市卫健委信息中心", R, False), ("市人民医院", R, False)]),
    # a month's end without a year
    ("开展孕产妇健康管理。（县妇幼保健院，11月底前）", [("县妇幼保健院", R, False)]),
    # a labelled bracket whose parts are apart by an ideographic space: the last unit without it
    ("落实医疗救助。（责任单位：区民政局、区医保局\u3000完成时间：2023年3月）",
     [("区民政局", R, False), ("区医保局", R, False)]),
    # the same with the space gone (a normalised copy): the deadline's label glued to the last unit
    ("落实医疗救助。（责任单位：区民政局、区医保局完成时间：2023年3月）",
     [("区民政局", R, False), ("区医保局", R, False)]),
    # ---- probe 4a: the State Council shape copied at county level
    # #10 the bracket that carries the convention note lists its units bare (no verb): the first leads
    ("开展动态监测。（县医疗保障局、县乡村振兴局、县卫生健康局，列第一位者为牵头单位，下同）",
     [("县医疗保障局", L, False), ("县乡村振兴局", R, False), ("县卫生健康局", R, False)]),
    # #5 the note worded 排名第一的为牵头单位 is a note, no unit
    ("落实倾斜救助。（县医疗保障局、县民政局，排名第一的为牵头单位）", [("县医疗保障局", L, False), ("县民政局", R, False)]),
    # #10 bracket of notes only after no unit list: nothing
    ("落实签约。（含县级，下同）", []),
    # a label, its units, then a verb clause (牵头单位：甲，乙、丙配合): the label's units keep the label's role — the
    # lead was called support, as a bare bracket's verbless list takes the next verb's
    ("落实签约。（牵头单位：县卫健局，县医保局、县财政局配合）",
     [("县卫健局", L, False), ("县医保局", S, False), ("县财政局", S, False)]),
    ("落实签约。（责任单位：县卫健局、县财政局，县医保局配合）",
     [("县卫健局", R, False), ("县财政局", R, False), ("县医保局", S, False)]),
    # …a label's list of institutions (院, 室) before the verb clause too; the verb is no part of a name (各村卫生室配合)
    ("落实签约。责任单位：县卫健局医政股、县人民医院、各镇卫生院，各村卫生室配合。",
     [("县卫健局医政股", R, False), ("县人民医院", R, False), ("各镇卫生院", R, False), ("各村卫生室", S, False)]),
    # other verbs of the verb form: 主责 / 负总责 lead (as a 主责 column does), 协同 / 分工协作 support, 按属地负责 is
    # responsible (not a unit 各镇人民政府按属地)
    ("落实签约。（县卫健局主责，县医保局协同）", [("县卫健局", L, False), ("县医保局", S, False)]),
    ("落实签约。（县卫健局负总责，县医保局、县财政局分工协作）",
     [("县卫健局", L, False), ("县医保局", S, False), ("县财政局", S, False)]),
    ("落实签约。（县卫健局牵头，县医保局协同推进）", [("县卫健局", L, False), ("县医保局", S, False)]),
    ("落实签约。（责任单位：县卫健局，各镇人民政府按属地负责）", [("县卫健局", R, False), ("各镇人民政府", R, False)]),
    # 主责单位 leads, as a 主责 column and the verb 主责 do (it was responsible beside its 协办单位)
    ("推进县乡一体化。（主责单位：县卫健局；协办单位：县医保局、各镇人民政府）",
     [("县卫健局", L, False), ("县医保局", S, False), ("各镇人民政府", S, False)]),
    # a county health bureau printed with its other name in brackets (县卫健局（县中医药局）): one body, named once;
    # the bracket no longer hides the verb form's lead
    ("推进中医药服务。（县卫健局（县中医药局）牵头，县医保局配合）", [("县卫健局", L, False), ("县医保局", S, False)]),
    ("推进中医药服务。（责任单位：县卫生健康局〔县中医药管理局〕、县医保局）", [("县卫生健康局", R, False), ("县医保局", R, False)]),
    # 协同单位 / 协同科室 labels: support (their units were lost)
    ("推进县域医共体建设。（责任单位：县卫健局；协同单位：县医保局、县人社局）",
     [("县卫健局", R, False), ("县医保局", S, False), ("县人社局", S, False)]),
    ("落实签约。（牵头科室：医政股；协同科室：基层卫生股、财务股）", [("医政股", L, False), ("基层卫生股", S, False), ("财务股", S, False)]),
    # #A10 按职责落实 after a list is the role's verb, not part of the last name
    ("保障村医待遇。〔县财政局牵头；各乡镇人民政府、县卫健局按职责落实〕",
     [("县财政局", L, False), ("各乡镇人民政府", R, False), ("县卫健局", R, False)]),
    # probe 4a #12: 落实属地责任 after the towns: a role of their own (responsible), not words passed over
    ("落实考核。（县卫健局、县医保局按职责分工负责，各乡镇人民政府落实属地责任）",
     [("县卫健局", R, False), ("县医保局", R, False), ("各乡镇人民政府", R, False)]),
    # a document number's 〔year〕 names no unit, nor a deadline after words that are no body
    ("按照国卫扶贫发〔2021〕6号要求执行。", []),
    ("落实签约。（群众自愿，12月底前）", []),
    # a role tag in 〔〕 after each body (as （牵头） is): the tag is the role of the body before it — read as a label
    # before its units, 县医保局〔配合〕 was named as the lead
    ("做实签约服务。县卫健局〔牵头〕、县医保局〔配合〕。", [("县卫健局", L, False), ("县医保局", S, False)]),
    # the tag inside a verb-form bracket, in either bracket: a clause of its own (the lead was lost)
    ("做实签约服务。（县卫健局〔牵头〕，县医保局配合）", [("县卫健局", L, False), ("县医保局", S, False)]),
    ("做实签约服务。（县卫健局（牵头），县医保局、县财政局配合）",
     [("县卫健局", L, False), ("县医保局", S, False), ("县财政局", S, False)]),
    # the lead printed with who carries it out in a bracket of its own, then the verb (the lead was lost)
    ("开展慢病筛查。（县卫健局（县疾控中心具体负责）牵头，县医保局配合）",
     [("县卫健局", L, False), ("县疾控中心", R, False), ("县医保局", S, False)]),
    # 〔label〕 before its units, two labels in a row: each list ends at the next 〔 (the second label and its
    # unit were glued to the lead's name)
    ("开展慢病筛查。〔牵头单位〕县卫健局〔配合单位〕县医保局", [("县卫健局", L, False), ("县医保局", S, False)]),
]


@pytest.mark.parametrize("body, expected", FORMS, ids=[f"f{i}" for i in range(len(FORMS))])
def test_marker_forms(body, expected):
    mentions = marker_mentions(body, 100)
    assert [(m.unit, m.role, m.open_list) for m in mentions] == expected
    for m in mentions:
        own = body[m.span[0] - 100:m.span[1] - 100]
        # each span points at the unit's own characters (a shared suffix after them, a shared ministry before them)
        assert own and (m.unit.startswith(own) or m.unit.endswith(own))
        assert m.source == "inline_marker"


def test_there_are_forty_rows_or_more():
    assert len(FORMS) >= 40


@pytest.mark.parametrize("text, expected", [
    # a shared suffix: each part's span is its own characters
    ("农业农村、生态环境等部门", [("农业农村部门", "农业农村"), ("生态环境部门", "生态环境")]),
    # 等和 keeps 等 with the list it closes
    ("甲部、乙委等和各省级人民政府", [("甲部", "甲部"), ("乙委", "乙委"), ("各省级人民政府", "各省级人民政府")]),
    # 会同 splits; the second body remembers the joiner
    ("国家卫生健康委会同国家医保局", [("国家卫生健康委", "国家卫生健康委"), ("国家医保局", "国家医保局")]),
    # bare level words share the body of the last part (a provincial plan's 责任单位 line)
    ("省、市、县卫生健康部门", [("省卫生健康部门", "省"), ("市卫生健康部门", "市"), ("县卫生健康部门", "县卫生健康部门")]),
    # a region's closing placeholder pair: 各市 is 各市人民政府, not a body of its own
    ("民政厅，各市、县（市、区）人民政府", [("民政厅", "民政厅"), ("各市人民政府", "各市"),
                                      ("县（市、区）人民政府", "县（市、区）人民政府")]),
    # a body that merely starts with a level character keeps its own name (市场监管局 is not 市 + 场监管局)
    ("市场监管局、区卫健局", [("市场监管局", "市场监管局"), ("区卫健局", "区卫健局")]),
    # a pair of level words (市州, 地市) is a bare level too: 各市州 is 各市州人民政府, no body of its own
    ("各市州、县市区人民政府", [("各市州人民政府", "各市州"), ("县市区人民政府", "县市区人民政府")]),
    ("各地市、县区卫生健康部门", [("各地市卫生健康部门", "各地市"), ("县区卫生健康部门", "县区卫生健康部门")]),
])
def test_split_unit_list_spans(text, expected):
    assert [(u.unit, text[u.span[0]:u.span[1]]) for u in split_unit_list(text)] == expected


# ---------------------------------------------------------------- the lead convention through a notice

NOTICE = """一、重点任务
（一）做好大病救治。落实分类救治。（丙局、丁委负责）
（二）健全监测机制。建立预警台账。（甲部、乙委、丙局等负责。列第一位者为牵头单位，下同）
（三）加强人才培养。落实职称政策。（丁委、戊部负责）
（四）推进远程医疗。（责任单位：戊部、甲部）
"""


def _units(text):
    return {m.path: [(u.unit, u.role) for u in m.unit_mentions] for m in extract_measures(text, build_outline(text))}


def test_lead_convention_with_xiatong_carries_to_every_later_marker():
    units = _units(NOTICE)
    assert units["一/（一）"] == [("丙局", R), ("丁委", R)]  # before the convention is stated
    assert units["一/（二）"] == [("甲部", L), ("乙委", R), ("丙局", R)]  # the others stay as printed: 负责
    assert units["一/（三）"] == [("丁委", L), ("戊部", R)]
    assert units["一/（四）"] == [("戊部", L), ("甲部", R)]  # labelled markers too


def test_lead_convention_without_xiatong_holds_for_its_own_marker_only():
    units = _units(NOTICE.replace("，下同", ""))
    assert units["一/（二）"] == [("甲部", L), ("乙委", R), ("丙局", R)]
    assert units["一/（三）"] == [("丁委", R), ("戊部", R)]


def test_lead_convention_stated_as_a_note_holds_for_the_whole_notice():
    text = "各项任务中列第一位者为牵头单位。\n" + NOTICE.replace("。列第一位者为牵头单位，下同", "")
    units = _units(text)
    assert units["一/（一）"] == [("丙局", L), ("丁委", R)]
    assert units["一/（三）"] == [("丁委", L), ("戊部", R)]


def test_a_marker_that_names_its_lead_is_not_reread():
    text = NOTICE.replace("（丁委、戊部负责）", "（戊部牵头，丁委配合）")
    assert _units(text)["一/（三）"] == [("戊部", L), ("丁委", S)]


SENTENCES = [
    # national division-of-work notice: 由甲会同乙、丙等部门研究提出…: the body before 会同 leads
    ("（一）关于“稳定医疗保障”的问题，由国家医保局会同民政部、财政部等部门研究提出落实意见。",
     [("国家医保局", L, False), ("民政部", S, True), ("财政部", S, True)]),
    # 会同 then 负责落实
    ("（二）关于“乡村医生队伍”的问题，由国家卫生健康委会同教育部负责落实。",
     [("国家卫生健康委", L, False), ("教育部", S, False)]),
    # 由 … 等分工负责 without 会同: all responsible, the list open
    ("（三）完善药品供应。由国家医保局、国家药监局等分工负责。", [("国家医保局", R, True), ("国家药监局", R, True)]),
    # 由 … 负责 without 会同 names who carries out a step, not who is assigned the item
    ("（四）先诊疗后付费。出院时由定点医疗机构负责垫付。", []),
    # 由 not at a clause's start is no assignment
    ("（五）落实资助参保。资金由县财政会同县医保局负责落实。", []),
    # ---- finding 2: 由 … 负责 closing its clause, government bodies only: an assignment without 会同
    # provincial item: two bureaus after 由, the verb ends the sentence
    ("（六）落实大病专项救治。由省医保局、省民政厅负责。", [("省医保局", R, False), ("省民政厅", R, False)]),
    # 由 … 牵头 closing the sentence: the body leads
    ("（七）建立监测台账。由市乡村振兴局牵头。", [("市乡村振兴局", L, False)]),
    # 由 … 具体负责 (a longer verb, allowed with or without 会同)
    ("（八）开展巡回医疗。由县卫健局医政股具体负责。", [("县卫健局医政股", R, False)]),
    # a provider before 负责 closing the clause is still no assignment (not a government body)
    ("（九）推行一站式结算。费用结算由定点医疗机构负责。", []),
    # probe 4a #15b: 由甲牵头，会同乙、丙负责…: the lead, and the bodies it joins to it support (they were lost)
    ("（十）强化医共体统筹。由县卫健局牵头，会同县医保局、县财政局负责医共体运行评估。",
     [("县卫健局", L, False), ("县医保局", S, False), ("县财政局", S, False)]),
    # …but 会同有关部门 names no body: the lead alone
    ("（十一）做好评估。由县卫健局牵头，会同有关部门做好评估。", [("县卫健局", L, False)]),
]

# probe 3a #10: the work first, the body after it (由 in mid-clause with 负责 closing it; 负责…的是)
INVERTED = [
    # the work, 由, a bureau, 负责 closing the sentence
    ("（一）保障资金。医疗救助资金的预拨和清算由县财政局负责。", [("县财政局", R)]),
    # 由 … 牵头 closing: the body leads
    ("（二）建立台账。救治台账的建立由县卫健局医政股牵头。", [("县卫健局医政股", L)]),
    # 负责…的是 + an office, and a second clause with 配合
    ("（三）改造系统。负责信息系统改造的是县医保局信息股，县卫健局配合做好对接。", [("县医保局信息股", R), ("县卫健局", S)]),
    # the work, 由, a bureau and a verb of the work (每月推送): the bureau does it
    ("（六）推送信息。脱贫人口身份信息由县乡村振兴局每月推送一次。", [("县乡村振兴局", R)]),
    # 由 甲局会同乙局 + a verb of the work: 甲 leads, 乙 supports
    ("（七）保障资金。救助资金由县财政局会同县医保局落实到位。", [("县财政局", L), ("县医保局", S)]),
    # a provider after 由 is still no assignment; 负责 not closing (负责垫付) neither
    ("（四）垫付费用。住院费用由定点医疗机构负责。", []),
    ("（五）垫付费用。住院费用由县人民医院负责垫付。", []),
]


@pytest.mark.parametrize("item, expected", INVERTED, ids=[f"i{i}" for i in range(len(INVERTED))])
def test_an_item_names_the_body_after_the_work(item, expected):
    text = "一、重点任务\n" + item + "\n"
    measure = extract_measures(text, build_outline(text))[0]
    assert [(u.unit, u.role) for u in measure.unit_mentions] == expected
    for u in measure.unit_mentions:  # printed: the span is the unit as printed
        assert text[u.span[0]:u.span[1]] == u.unit and u.source == "article_subject"

SUBJECTS = [
    # county item: the bureau is the subject of 负责 after a first clause
    ("（一）实施分类救治。对大病患者实行一人一策，县卫健局负责组织专家会诊。", [("县卫健局", R)]),
    # two subjects, each of its own clause (a township placeholder among them)
    ("（二）开展健康村创建。县卫健局负责制定创建标准，各镇负责组织实施。", [("县卫健局", R), ("各镇", R)]),
    # 牵头 as the subject's verb: the office leads
    ("（三）加强督导。局医政股牵头做好季度督导。", [("局医政股", L)]),
    # 具体落实 after a person named as first responsible (the person is no unit)
    ("（四）提升村医能力。县卫健局主要负责同志为第一责任人，县卫健局基层股具体落实。", [("县卫健局基层股", R)]),
    # a provincial division 负责组织实施
    ("（五）推进签约服务。省卫生健康委基层卫生处负责组织实施。", [("省卫生健康委基层卫生处", R)]),
    # a provider named by kind as subject is no assignment
    ("（六）先诊疗后付费。定点医疗机构负责垫付住院费用。", []),
    # an institution named by its place is: the county hospital is assigned the item
    ("（六）做好大病救治。县医院负责做好大病专项救治工作。", [("县医院", R)]),
    # 各地 exhorts, it assigns nothing
    ("（七）做好宣传。各地负责组织开展宣传活动。", []),
    # a unit inside the sentence, not its subject, is none
    ("（八）做好救治。积极配合县卫健局负责的救治工作。", []),
    # the bureau's 负责人 is a person, and 负责的 names work: neither assigns the item
    ("（九）压实责任。县卫健局负责人要亲自研究部署。", []),
    ("（十）加快进度。县卫健局负责的项目要按期完工。", []),
    # a named body told what to do (要/应/应当/须) is the one who acts: responsible, each of its own clause
    ("（十一）落实医保政策。县医保局要落实资助参保政策，县民政局要做好救助衔接。", [("县医保局", R), ("县民政局", R)]),
    ("（十二）推送监测数据。县医保局应当每月向县卫健局推送高额费用患者名单。", [("县医保局", R)]),
    # a call to every level or place names no one: 各县区要, 各级卫生健康部门要, 各有关部门要
    ("（十三）建立台账。各县区要建立工作台账，各级卫生健康部门要加强指导。", []),
    ("（十四）加强协作。各有关部门要密切配合。", []),
    # 要求 is a body asking others, not told: no unit
    ("（十五）规范诊疗。县医保局要求各定点医疗机构规范诊疗行为。", []),
    # probe 3a #11: the grassroots actors each given their part with 负责 (签约团队, 村卫生室, 乡镇卫生院)
    ("（十六）做实签约服务。家庭医生签约团队负责建立健康档案；村卫生室负责日常随访；乡镇卫生院负责技术指导。",
     [("家庭医生签约团队", R), ("村卫生室", R), ("乡镇卫生院", R)]),
    # probe 4a #12: a 乡镇 notice's villages (各村委会, 各村（社区）) and a county's 各镇（街道） given their part
    ("（十七）建好村卫生室。镇卫生院负责业务指导，各村委会负责提供村卫生室用房。", [("镇卫生院", R), ("各村委会", R)]),
    ("（十八）开展爱国卫生运动。镇农业综合服务中心牵头，各村（社区）具体落实。",
     [("镇农业综合服务中心", L), ("各村（社区）", R)]),
    ("（十九）做好参保动员。各镇（街道）负责组织群众参保。", [("各镇（街道）", R)]),
]


@pytest.mark.parametrize("item, expected", SUBJECTS, ids=[f"u{i}" for i in range(len(SUBJECTS))])
def test_an_item_names_its_units_as_the_subject_of_its_clauses(item, expected):
    text = "一、重点任务\n" + item + "\n"
    measure = extract_measures(text, build_outline(text))[0]
    assert [(u.unit, u.role) for u in measure.unit_mentions] == expected
    for u in measure.unit_mentions:  # printed: the span is the unit, the clause starts with it
        assert u.source == "article_subject" and text[u.span[0]:u.span[1]] == u.unit
        assert u.clause_span and text[u.clause_span[0]:u.clause_span[1]].startswith(u.unit)


# probe 2, finding 2: bodies an item's clauses name with verbs other than 负责 / 牵头 / 要
ACTING = [
    # 由 + two bureaus + 按职责落实: both responsible
    ("（一）落实三重保障。由县医保局、县民政局按职责落实基本医保和医疗救助待遇。", [("县医保局", R), ("县民政局", R)]),
    # X会同Y、Z + a common verb: the body before 会同 leads, those after it support
    ("（二）资助参保。市医保局会同市财政局、市税务局给予分类资助。", [("市医保局", L), ("市财政局", S), ("市税务局", S)]),
    # 是……责任主体 (a call to each county bureau that names them), 具体组织实施, 配合开展 (support)
    ("（三）压实责任。各县（区）卫生健康局是签约服务的责任主体，县疾控中心具体组织实施，县财政局配合开展保障。",
     [("各县（区）卫生健康局", R), ("县疾控中心", R), ("县财政局", S)]),
    # a second clause after 由……牵头 keeps its own subject
    ("（四）推进签约。由县卫健局基层股牵头，县妇幼保健院负责落实。", [("县卫健局基层股", L), ("县妇幼保健院", R)]),
    # 以上工作由 A、B 具体落实, then C 负责督导: all three printed
    ("（五）规范诊疗。严禁收取住院押金。以上工作由县人民医院、县中医医院具体落实，县卫健局医政股负责督导。",
     [("县人民医院", R), ("县中医医院", R), ("县卫健局医政股", R)]),
    # 每季度 / 对: a named office or two bodies acting
    ("（六）加强质控。县卫健局医政股每季度开展一次质控检查。", [("县卫健局医政股", R)]),
    ("（七）严肃问责。县委组织部、县纪委监委对工作不力的单位进行约谈。", [("县委组织部", R), ("县纪委监委", R)]),
    # providers named by kind with a common verb are no assignment (县域内定点医院, 乡镇卫生院), nor 为 (a designation)
    ("（八）扩大病种。县域内定点医院对大病患者实行专项救治。", []),
    ("（九）做实签约。乡镇卫生院开展上门随访服务。", []),
    ("（十）明确医院。县人民医院、县中医医院为定点救治医院。", []),
    # a finished act (开展了) is a status, not an assignment; 由 inside a clause assigns nothing
    ("（十一）总结经验。2021年，县卫健局开展了签约服务。", []),
    ("（十二）保障资金。资金由县财政会同县医保局落实到位。", []),
    # a call to every level (各县区) names no one
    ("（十三）加强宣传。各县区每季度开展一次宣传。", []),
    # 组织 / 派出 after a named bureau; 组织 inside 县委组织部 is no verb (the whole name is the subject)
    ("（十四）组织验收。县卫健局组织专家逐项验收，县委组织部对验收结果进行通报。", [("县卫健局", R), ("县委组织部", R)]),
    ("（十五）巡回督导。各镇卫生院逐户排查，市卫健委派出督导组巡回督导。", [("市卫健委", R)]),
    # 会同 a township's committees (各镇党委、政府): the named bureau leads, the townships' committee and government
    # (one body, as printed) support — those it acts with are named (probe 3a, known issue)
    ("（十六）核实对象。县民政局会同各镇党委、政府核实认定救助对象。", [("县民政局", L), ("各镇党委、政府", S)]),
    # ---- probe 3a #9: every township's own health institution named with 各 (a county notice to its 卫生院) acts
    ("（十七）组织体检。各乡镇卫生院组织辖区内老年人参加健康体检。", [("各乡镇卫生院", R)]),
    ("（十八）组建团队。各镇卫生院要以全科医生为核心组建签约团队。", [("各镇卫生院", R)]),
    # a call to every county (各县区要) still names no one, nor 乡镇卫生院 by kind with a common verb
    ("（十九）加强宣传。各县区要加强宣传，乡镇卫生院开展随访。", []),
]


@pytest.mark.parametrize("item, expected", ACTING, ids=[f"a{i}" for i in range(len(ACTING))])
def test_an_item_names_its_units_with_other_verbs(item, expected):
    text = "一、重点任务\n" + item + "\n"
    measure = extract_measures(text, build_outline(text))[0]
    assert [(u.unit, u.role) for u in measure.unit_mentions] == expected
    for u in measure.unit_mentions:  # printed: the span is the unit, inside the clause it heads
        assert text[u.span[0]:u.span[1]] == u.unit
        assert u.clause_span and u.unit in text[u.clause_span[0]:u.clause_span[1]]


def test_a_duty_sections_subject_clauses_are_left_to_the_duty_paragraph():
    text = "一、重点任务\n（一）做好救治。落实分类救治。\n二、部门职责\n县卫健局负责统筹救治，县医保局负责结算。\n"
    units = {m.path: m.unit_mentions for m in extract_measures(text, build_outline(text))}
    assert all(not u for u in units.values())


@pytest.mark.parametrize("item, expected", SENTENCES, ids=[f"s{i}" for i in range(len(SENTENCES))])
def test_an_item_assigned_in_a_sentence(item, expected):
    text = "一、工作分工\n" + item + "\n"
    measure = extract_measures(text, build_outline(text))[0]
    assert [(u.unit, u.role, u.open_list) for u in measure.unit_mentions] == expected
    for u in measure.unit_mentions:
        assert u.source == "inline_marker" and text[u.span[0]:u.span[1]] == u.unit
        assert u.clause_span and "由" in text[u.clause_span[0]:u.clause_span[1]]


def test_a_label_line_after_an_item_without_a_full_stop_is_not_joined_to_it():
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = ("某县卫生健康工作任务分解\n1.加强传染病源头防控，守住公共卫生安全底线\n牵头责任单位：县卫健委\n"
            "主要协作单位：各乡镇人民政府\n2.推进国家卫生县城创建\n牵头责任单位：县爱卫办\n")
    measures = parse_source(SourceText(path="x.txt", text=text))["measures"]
    assert [(m["lead_units"], m["support_units"]) for m in measures] == [
        (["县卫健委"], ["各乡镇人民政府"]), (["县爱卫办"], [])]


def test_a_task_card_value_line_is_no_signature_and_no_join():
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    # a county's task list as a web page gives it: label cells and their values one a line, no full stops
    text = ("某县年度重点任务分解\n一、卫生健康\n1.推进县域医共体建设\n责任单位\n县卫健局\n"
            "2.做实家庭医生签约\n责任单位\n县卫健局\n配合单位\n各乡镇人民政府\n完成时限\n年底前\n")
    measures = parse_source(SourceText(path="x.txt", text=text))["measures"]
    assert [(m["responsible_units"], m["support_units"]) for m in measures] == [
        (["县卫健局"], []), (["县卫健局"], ["各乡镇人民政府"])]


CARD_LABELS = [
    # a unit label with its colon alone on its line, the names on the next line without brackets (no unit was read)
    ("（一）落实先诊疗后付费，免收住院押金。\n责任单位：\n州医保局、州卫生健康委\n（二）做好签约。\n",
     [([], ["州医保局", "州卫生健康委"])]),
    # …one name alone after the label (it was read as a signature: the item's text ended before it)
    ("（一）落实先诊疗后付费，免收住院押金。\n牵头单位：\n州医保局\n（二）做好签约。\n", [(["州医保局"], [])]),
    # the same without the colon (read before, kept)
    ("（一）落实先诊疗后付费，免收住院押金。\n责任单位\n州医保局、州卫生健康委\n（二）做好签约。\n",
     [([], ["州医保局", "州卫生健康委"])]),
    # another field's label with its colon names no unit
    ("（一）落实先诊疗后付费，免收住院押金。\n工作要求：\n各县要加强领导\n（二）做好签约。\n", [([], [])]),
]


@pytest.mark.parametrize("items, expected", CARD_LABELS, ids=[f"card{i}" for i in range(len(CARD_LABELS))])
def test_a_label_alone_with_its_colon_names_the_units_on_the_next_line(items, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = "某州卫生健康委员会关于做好健康帮扶工作的通知\n各县卫生健康局：\n一、重点任务\n" + items
    measures = parse_source(SourceText(path="x.txt", text=text))["measures"]
    assert [(m["lead_units"], m["responsible_units"]) for m in measures[:1]] == expected


def test_an_item_under_a_goal_heading_that_names_its_units_is_a_measure():
    # a State Council division-of-work notice: its first section restates the year's goals, each item
    # with the bodies that carry it; a goal item without a marker stays out of the measures
    text = ("一、落实年度主要目标\n（一）总体要求和主要预期目标。\n"
            "1.统筹推进各项工作，确保完成年度任务。（国务院各部门分别负责，年内持续推进）\n"
            "2.到年底，乡镇卫生院达标率达到90%以上。\n"
            "二、重点任务\n（一）巩固医疗保障。\n3.完善医疗救助。（国家医保局、民政部按职责分工负责）\n")
    units = _units(text)
    assert units == {"一/（一）/1": [("国务院各部门", R)],
                     "二/（一）/3": [("国家医保局", R), ("民政部", R)]}


# ---------------------------------------------------------------- several markers in one item

def test_several_markers_keep_their_clauses_and_the_item_holds_the_union():
    text = ("一、重点任务\n（一）强化医疗保障。落实资助参保政策。完善大病保险。（甲部、乙委负责）"
            "推进一站式结算。做好费用监测。（丙局负责）\n")
    measure = extract_measures(text, build_outline(text))[0]
    clauses = {u.unit: text[u.clause_span[0]:u.clause_span[1]] for u in measure.unit_mentions}
    assert clauses == {"甲部": "强化医疗保障。落实资助参保政策。完善大病保险。",
                       "乙委": "强化医疗保障。落实资助参保政策。完善大病保险。",
                       "丙局": "推进一站式结算。做好费用监测。"}
    assert measure.responsible_units == ["甲部", "乙委", "丙局"]


def test_a_unit_named_by_two_markers_is_listed_once():
    text = "一、重点任务\n（一）强化保障。落实政策。（甲部负责）完善制度。（甲部、乙委负责）\n"
    measure = extract_measures(text, build_outline(text))[0]
    assert measure.responsible_units == ["甲部", "乙委"]
    assert [u.unit for u in measure.unit_mentions] == ["甲部", "甲部", "乙委"]  # each with its own clause


def test_a_marker_in_an_items_lead_in_covers_its_sub_items_that_name_none():
    text = ("一、重点任务\n（一）做好大病救治（牵头单位：市卫健委；配合单位：市医保局）\n"
            "1.落实分类救治。\n2.推进一站式结算。（市医保局负责）\n")
    measures = {m.path: m for m in extract_measures(text, build_outline(text))}
    assert [(u.unit, u.role) for u in measures["一/（一）/1"].unit_mentions] == [("市卫健委", L), ("市医保局", S)]
    assert [(u.unit, u.role) for u in measures["一/（一）/2"].unit_mentions] == [("市医保局", R)]  # its own


# ---------------------------------------------------------------- duty clauses

DUTIES = [
    # 负责 after a department
    ("卫生健康部门负责统筹推进各项工作。", [("卫生健康部门", "统筹推进各项工作")]),
    # 要 after a department
    ("医疗保障部门要落实好参保资助政策。", [("医疗保障部门", "落实好参保资助政策")]),
    # two clauses in one sentence, cut at the comma before the second department
    ("财政部门负责资金保障，民政部门负责低保对象认定。", [("财政部门", "资金保障"), ("民政部门", "低保对象认定")]),
    # a continuation after a comma stays with its clause
    ("乡村振兴部门负责监测对象认定，及时做好数据共享；人社部门负责职称评定。",
     [("乡村振兴部门", "监测对象认定，及时做好数据共享"), ("人社部门", "职称评定")]),
    # a shared suffix: one entry, its units one each
    ("农业农村、生态环境等部门负责人居环境整治。", [("农业农村、生态环境等部门", "人居环境整治")]),
    # 会同 inside the units of a clause
    ("国家发展改革委会同财政部负责项目审核。", [("国家发展改革委会同财政部", "项目审核")]),
    # a labelled clause
    ("教育部门：负责医学人才定向培养。", [("教育部门", "医学人才定向培养")]),
    # a leading 同时 is no part of the units, nor of the clause's span
    ("同时民政部门负责救助对象认定。", [("民政部门", "救助对象认定")]),
    # a sentence that names no body is no clause
    ("落实部门职责，强化政策协同。", []),
    # 应急管理部门: 应 inside a name is no verb
    ("应急管理部门负责灾后卫生防疫协调。", [("应急管理部门", "灾后卫生防疫协调")]),
    # probe 3a #12: a member-duty line with a numbered list after its colon keeps every numbered duty
    ("县卫生健康局：1.牵头做好健康帮扶政策的组织实施；2.负责大病专项救治；3.负责村卫生室标准化建设。",
     [("县卫生健康局", "1.牵头做好健康帮扶政策的组织实施；2.负责大病专项救治；3.负责村卫生室标准化建设")]),
    # …and the next line's body is its own (a numbered list ends at the line)
    ("县医保局：（1）负责三重保障待遇落实；（2）负责一站式结算。\n县税务局：负责城乡居民医保费征收。",
     [("县医保局", "（1）负责三重保障待遇落实；（2）负责一站式结算"), ("县税务局", "城乡居民医保费征收")]),
    # a ；-clause naming a body of its own after a numbered duty is that body's
    ("县民政局：1.负责低保对象认定；县财政局：负责资金保障。", [("县民政局", "1.负责低保对象认定"), ("县财政局", "资金保障")]),
    # every township with its subdistricts (各镇（街道）) is a body
    ("各镇（街道）：负责辖区内参保动员和村卫生室运行保障。", [("各镇（街道）", "辖区内参保动员和村卫生室运行保障")]),
    # probe 4a: 由甲牵头，会同乙、丙负责… in a 保障措施 item: the bodies after 会同 (not a unit 会同县财政局, the
    # name of a real county), and the lead's duty is the work the 会同 clause names
    ("由县卫生健康局牵头，会同县财政局、县医疗保障局负责年度绩效评价。",
     [("县卫生健康局", "牵头年度绩效评价"), ("县财政局、县医疗保障局", "年度绩效评价")]),
    # …a sentence that opens on 会同县 names that county's body
    ("会同县人民政府负责辖区内村卫生室建设。", [("会同县人民政府", "辖区内村卫生室建设")]),
]


@pytest.mark.parametrize("body, expected", DUTIES, ids=[f"d{i}" for i in range(len(DUTIES))])
def test_duty_clauses(body, expected):
    duties = extract_duties(body, 10, "三/（二）")
    assert [(d.unit, d.duty) for d in duties] == expected
    assert all(body[d.span[0] - 10:d.span[1] - 10].startswith(d.unit) for d in duties)


def test_duty_units_are_split():
    duties = extract_duties("农业农村、住房城乡建设、生态环境等部门负责爱国卫生相关工作。", 0)
    assert duties[0].units == ["农业农村部门", "住房城乡建设部门", "生态环境部门"]


# ---------------------------------------------------------------- duty inference on specific shared terms

def _measure(path, title, text):
    return Measure(path, title, text, (0, len(text)))


def test_a_duty_unit_is_attached_only_on_a_specific_shared_term():
    remote = _measure("二/1", "推动互联网医疗发展", "加快推进远程医疗向乡镇卫生院延伸。")
    hygiene = _measure("二/2", "深入开展爱国卫生运动", "加大环境卫生基础设施建设力度。")
    generic = _measure("二/3", "加强服务管理", "推进健康服务工作，加强管理。")
    duties = [Duty("通信管理部门", "协调推进远程医疗网络能力建设", (500, 520), "三/（二）", ["通信管理部门"]),
              Duty("发展改革部门", "支持医疗卫生相关基础设施建设", (521, 540), "三/（二）", ["发展改革部门"]),
              Duty("卫生健康部门", "统筹推进健康服务管理工作", (541, 560), "三/（二）", ["卫生健康部门"])]
    assign_duties([remote, hygiene, generic], duties)
    assert [(u.unit, u.shared_terms) for u in remote.unit_mentions] == [("通信管理部门", ["远程医疗"])]
    assert hygiene.unit_mentions == []  # 基础设施建设 is generic (data/duty_terms.json)
    assert generic.unit_mentions == []  # 推进, 健康, 服务, 管理, 工作: generic words only
    assert all(u.source == "duty_paragraph" and u.role == R for u in remote.unit_mentions)
    assert remote.responsible_units == []  # inferred, never among the printed units


def test_a_shared_suffix_duty_attaches_each_unit():
    measure = _measure("二/5", "深入开展爱国卫生运动", "发挥爱国卫生运动的统筹协调作用。")
    duty = Duty("农业农村、生态环境等部门", "做好爱国卫生运动相关工作", (300, 330), "三/（二）")
    assign_duties([measure], [duty])
    assert [(u.unit, u.open_list) for u in measure.unit_mentions] == [("农业农村部门", True), ("生态环境部门", True)]
    assert measure.unit_mentions[0].shared_terms == ["爱国卫生运动"]


def test_a_term_in_most_measures_tells_none_apart():
    measures = [_measure(f"二/{i}", f"任务{i}", "做好家庭医生签约服务。") for i in range(1, 9)]
    assign_duties(measures, [Duty("卫生健康部门", "推进家庭医生签约", (900, 910), "三/（二）")])
    assert not any(m.unit_mentions for m in measures)


def _record(text):
    from policydiff.models import NormalisedText
    from policydiff.parse import parse_text

    return parse_text(NormalisedText(text, list(range(len(text) + 1)), []))


DUTY_NOTICE = """一、重点任务
（一）推进远程医疗。推动远程医疗覆盖乡镇卫生院。
（二）落实医疗救助。做好低收入人口分类救助。
（三）加强宣传。做好政策解读工作。
二、保障措施
（一）加强组织领导。各地要高度重视，压实工作责任。
（二）明确部门职责。
1.卫生健康部门。负责统筹协调，指导基层落实。
2.民政部门：负责低收入人口认定和分类救助。
3.通信管理部门要协调推进远程医疗网络建设。
4.各有关部门要密切配合，形成工作合力。
"""


def test_a_duty_section_with_sub_items_gives_one_entry_each():
    record = _record(DUTY_NOTICE)
    assert [(d["unit"], d["duty"], d["path"]) for d in record["division_of_duties"]] == [
        ("卫生健康部门", "统筹协调，指导基层落实", "二/（二）/1"),  # the body named by the heading alone
        ("民政部门", "低收入人口认定和分类救助", "二/（二）/2"),  # 部门：负责……
        ("通信管理部门", "协调推进远程医疗网络建设", "二/（二）/3"),  # 部门要……
    ]  # 各地要…… under 加强组织领导 and 各有关部门要…… divide nothing


def test_a_duty_sections_lead_in_clauses_are_entries_before_its_sub_items():
    # prefecture shape: the section names two bodies' duties in its lead-in, then lists the others
    text = DUTY_NOTICE.replace("（二）明确部门职责。\n",
                               "（二）明确部门职责。医保部门负责落实资助参保政策；财政部门要做好资金保障。其他单位职责如下：\n")
    record = _record(text)
    assert [(d["unit"], d["duty"], d["path"]) for d in record["division_of_duties"]][:3] == [
        ("医保部门", "落实资助参保政策", "二/（二）"),
        ("财政部门", "做好资金保障", "二/（二）"),
        ("卫生健康部门", "统筹协调，指导基层落实", "二/（二）/1"),
    ]


def test_duty_units_reach_only_the_measures_they_speak_of():
    record = _record(DUTY_NOTICE)
    units = {m["path"]: [(u["unit"], u["source"], u["shared_terms"]) for u in m["unit_mentions"]]
             for m in record["measures"]}
    assert units["一/（一）"] == [("通信管理部门", "duty_paragraph", ["远程医疗"])]
    assert units["一/（二）"] == [("民政部门", "duty_paragraph", ["低收入人口", "分类救助"])]
    assert units["一/（三）"] == []  # 统筹协调, 指导基层落实: nothing specific
    assert not any(m["responsible_units"] for m in record["measures"])


@pytest.mark.parametrize("raw, context, expected", [
    # a national notice's provinces: the provincial governments under the nation
    ("各省级人民政府", ("中华人民共和国", "national"), ("local_government", "provincial")),
    # 各有关部门 in a prefecture's notice: that prefecture's departments
    ("各有关部门", ("淮南市", "prefecture"), ("department", "prefecture")),
    # 市直各有关单位: the notice's own level
    ("市直各有关单位", ("淮南市", "prefecture"), ("department", "prefecture")),
    # 国务院有关部门 in a provincial notice: national departments
    ("国务院有关部门", ("广西壮族自治区", "provincial"), ("department", "national")),
    # 各县（市、区）人民政府: the county governments one level down
    ("各县（市、区）人民政府", ("淮南市", "prefecture"), ("local_government", "county")),
])
def test_placeholder_bodies_are_units_of_their_level(raw, context, expected):
    from policydiff.canonical import Context, canonical_unit

    unit = canonical_unit(raw, Context(*context))
    assert (unit.kind, unit.level) == expected
    assert unit.reason and unit.reason.startswith("placeholder")


def test_huainan_duty_units_reach_the_measures_their_clauses_speak_of(records):
    from conftest import HUAINAN

    units = {m["path"]: {u["unit"]: u["shared_terms"] for u in m["unit_mentions"]} for m in records[HUAINAN]["measures"]}
    # the 基础设施建设 clause no longer reaches the 爱国卫生运动 item; the 爱国卫生运动 clause does, three units
    assert units["二/（三）/16"] == {"农业农村部门": ["爱国卫生运动"], "住房城乡建设部门": ["爱国卫生运动"],
                                 "生态环境部门": ["爱国卫生运动"]}
    assert units["二/（二）/12"] == {"通信管理部门": ["远程医疗"]}  # the 远程医疗网络 clause reaches 远程医疗
    # 卫生健康部门 (统筹推进巩固拓展…有效衔接) shares with 三/（一） only the notice's subject, its title's words:
    # that tells no item apart, so no claim (Guangxi's 发展改革部门 reached 加强宣传引导 on such words)
    assert units["三/（一）"] == {}
    assert not any(m["responsible_units"] for m in records[HUAINAN]["measures"])  # none printed


# probe 3a: a label line after a run of 一是 items on lines of their own is the run's, not its last item's
RUN_LINES = [
    # (item, expected units per 是-item) — invented county shapes
    # the line after the run: every item of it
    ("一、做实大病救治\n一是对大病患者实行集中救治。\n二是定点医院组建专家组。\n责任单位：医政股、县医院\n",
     {"一/一是": ["医政股", "县医院"], "一/二是": ["医政股", "县医院"]}),
    # a unit in the last item's own bracket stays its own; the items before name none
    ("一、做实签约\n一是组建团队。\n二是上门服务（各镇卫生院负责）。\n", {"一/一是": [], "一/二是": ["各镇卫生院"]}),
    # an item of the run with a unit of its own keeps it
    ("一、做实签约\n一是组建团队（基层股负责）。\n二是做好随访。\n牵头单位：县卫健局\n",
     {"一/一是": ["基层股"], "一/二是": ["县卫健局"]}),
]


@pytest.mark.parametrize("text, expected", RUN_LINES, ids=[f"run{i}" for i in range(len(RUN_LINES))])
def test_a_label_line_after_a_run_of_items_is_the_runs(text, expected):
    measures = {m.path: m for m in extract_measures(text, build_outline(text))}
    assert {p: [u.unit for u in measures[p].unit_mentions] for p in expected} == expected
    for m in measures.values():
        for u in m.unit_mentions:
            assert text[u.span[0]:u.span[1]] == u.unit  # printed where the line prints it


# probe 3a #16: the notice's own items named by number, each carried by one body (以上三、四项工作由甲和乙分别负责)
EACH_ASSIGNED = [
    # as many bodies as items: each item its body
    ("三、加强妇幼服务。开展两癌筛查。\n四、开展健康教育。每村每年讲座6次。以上三、四项工作由县妇幼保健院和县疾控中心分别负责。\n",
     {"三": ["县妇幼保健院"], "四": ["县疾控中心"]}),
    # a count that does not match: nothing said
    ("三、加强妇幼服务。开展两癌筛查。\n四、开展健康教育。以上三、四项工作由县疾控中心分别负责。\n", {"三": [], "四": []}),
    # an item with a unit of its own keeps it
    ("三、加强妇幼服务。开展筛查（县卫健局负责）。\n四、开展健康教育。以上三、四项工作由县妇幼保健院、县疾控中心分别负责。\n",
     {"三": ["县卫健局"], "四": ["县疾控中心"]}),
]


@pytest.mark.parametrize("text, expected", EACH_ASSIGNED, ids=[f"each{i}" for i in range(len(EACH_ASSIGNED))])
def test_items_named_by_number_each_take_their_body(text, expected):
    measures = {m.path: m for m in extract_measures(text, build_outline(text))}
    assert {p: [u.unit for u in measures[p].unit_mentions] for p in expected} == expected
    for m in measures.values():
        for u in m.unit_mentions:
            assert text[u.span[0]:u.span[1]] == u.unit


THROUGH_THE_NORMALISER = [
    # a 责任单位 line printing its bodies apart by ASCII spaces (the normaliser drops them: run together)
    ("责任单位：县卫健局 县财政局 县人社局", ["县卫健局", "县财政局", "县人社局"]),
    # …by full-width spaces (the normaliser writes a tab between them)
    ("责任单位：市卫健局\u3000市医保局\u3000市民政局", ["市卫健局", "市医保局", "市民政局"]),
    # run together as printed (no space at all): cut where the level word starts a name again
    ("责任单位：县医保局县税务局", ["县医保局", "县税务局"]),
    # one body whose name holds the level word after a suffix character: whole
    ("责任单位：市卫生健康委员会", ["市卫生健康委员会"]),
    # a 、 list stays a 、 list
    ("责任单位：县卫健局、县医保局", ["县卫健局", "县医保局"]),
]


@pytest.mark.parametrize("line, expected", THROUGH_THE_NORMALISER)
def test_a_label_line_s_bodies_apart_by_spaces_through_the_whole_parse(line, expected):
    from policydiff.models import SourceText
    from policydiff.parse import parse_source

    text = f"某县卫生健康局关于做好健康帮扶工作的通知\n某卫发〔2022〕3号\n各乡镇卫生院：\n一、做好因病返贫监测。\n{line}\n" \
           "某县卫生健康局\n2022年3月10日\n"
    record = parse_source(SourceText(path="t.txt", text=text, encoding="utf-8"))
    measure = next(m for m in record["measures"] if m["path"] == "一")
    assert [record["text"][slice(*u["span"])] for u in measure["unit_mentions"]] == expected
