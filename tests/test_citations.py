"""Citations: rows of (real sentence → cited documents), plus 文号 bracket variants."""

import pytest

from policydiff.extract.citations import extract_citations


def cited(sentence, own=None, own_titles=()):
    found = extract_citations(sentence, 0, own, own_titles)
    for c in found:
        assert sentence[c.span[0]:c.span[1]].startswith(("《", c.title or "\0", c.doc_number[:2] if c.doc_number else "\0"))
    return [(c.title, c.doc_number, c.issuer_hint) for c in found]


ROWS = [
    # Shenmu preamble: back-to-back titles share the issuer; nested 〈〉 belongs to the outer title
    ("为认真贯彻落实市委、市政府《关于全面推进乡村振兴加快农业农村现代化的实施意见》（神发〔2021〕5号）"
     "《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（神发〔2021〕19号）、"
     "榆林市卫生健康委员会等部门《关于印发〈榆林市实现巩固拓展健康扶贫成果同乡村振兴有效衔接实施方案〉的通知》"
     "（榆政卫健发〔2021〕190号）精神",
     [("关于全面推进乡村振兴加快农业农村现代化的实施意见", "神发〔2021〕5号", "市委、市政府"),
      ("关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见", "神发〔2021〕19号", "市委、市政府"),
      ("关于印发〈榆林市实现巩固拓展健康扶贫成果同乡村振兴有效衔接实施方案〉的通知", "榆政卫健发〔2021〕190号",
       "榆林市卫生健康委员会等部门")]),
    # Guangxi: the national opinion with a spaced 文号; issuer named before 联合制定
    ("为贯彻落实国家卫生健康委、民政部等13部门联合制定《关于巩固拓展健康扶贫成果同乡村振兴有效衔接的实施意见》（国卫扶贫发〔2021〕6 号）",
     [("关于巩固拓展健康扶贫成果同乡村振兴有效衔接的实施意见", "国卫扶贫发〔2021〕6号", "国家卫生健康委、民政部等13部门")]),
    # a title naming its own issuer
    ("《中央农村工作领导小组关于健全防止返贫动态监测和帮扶机制的指导意见》（中农组发〔2021〕7 号）",
     [("中央农村工作领导小组关于健全防止返贫动态监测和帮扶机制的指导意见", "中农组发〔2021〕7号", "中央农村工作领导小组")]),
    # 转发…关于: the inner issuer is not the issuer of the cited notice
    ("按照《转发省卫生健康委等六部门关于印发〈陕西省解决贫困人口基本医疗有保障突出问题实施方案〉的通知》(榆政卫健发〔2019〕307号)明确了",
     [("转发省卫生健康委等六部门关于印发〈陕西省解决贫困人口基本医疗有保障突出问题实施方案〉的通知", "榆政卫健发〔2019〕307号", None)]),
    # a title without a number
    ("贯彻落实《广西壮族自治区乡村医生从业管理办法》，加强", [("广西壮族自治区乡村医生从业管理办法", None, None)]),
    # an unquoted plan title made a document by its years
    ("组织实施广西公共卫生防控救治能力建设三年行动计划（2020—2022），开展",
     [("广西公共卫生防控救治能力建设三年行动计划（2020—2022）", None, None)]),
    # a bare 文号 with half-width, full-width square and round brackets
    ("根据国卫扶贫发[2021]6号文件", [(None, "国卫扶贫发〔2021〕6号", None)]),
    ("根据国卫扶贫发［2021］6号文件", [(None, "国卫扶贫发〔2021〕6号", None)]),
    ("详见皖卫发（2021）29号文件。", [(None, "皖卫发〔2021〕29号", None)]),
    # small-form ﹝﹞ and white lenticular 〖〗 brackets of a web page, bare and after a title
    ("按照桐卫健发﹝2021﹞12号文件", [(None, "桐卫健发〔2021〕12号", None)]),
    ("根据《青梧市健康帮扶工作方案》（梧卫发〖2020〗7号）", [("青梧市健康帮扶工作方案", "梧卫发〔2020〕7号", None)]),
    # a title, then its 文号 whose year sits in round brackets inside the round ones: one citation
    ("按照市卫健委《关于推进村卫生室标准化建设的通知》（梧卫函（2021）15号）要求",
     [("关于推进村卫生室标准化建设的通知", "梧卫函〔2021〕15号", "市卫健委")]),
    ("依据《桐溪县家庭医生签约服务实施办法》(桐卫发(2019)3号)执行",  # the same, half-width
     [("桐溪县家庭医生签约服务实施办法", "桐卫发〔2019〕3号", None)]),
    # Lianyungang: the same title as its own notice but another number is a citation
    ("省卫计委《关于进一步做好精准健康扶贫工作的通知》（苏卫财务〔2018〕44号）文件精神",
     [("关于进一步做好精准健康扶贫工作的通知", "苏卫财务〔2018〕44号", "省卫计委")]),
    # a regulation cited with its order number (令第…号) in place of a 文号: one citation, the number kept
    ("依据《乡村医生从业管理条例》（国务院令第386号）和《医疗机构管理条例》等规定，制定本细则。",
     [("乡村医生从业管理条例", "国务院令第386号", None), ("医疗机构管理条例", None, None)]),
    ("按照《某类诊所管理办法》（中华人民共和国国家卫生健康委员会令 第 2 号）执行",
     [("某类诊所管理办法", "国家卫生健康委员会令第2号", None)]),
    # the same document twice is one citation
    ("按照《办法》（编办发〔2011〕81号）核定，再按照《办法》（编办发〔2011〕81号）调整。",
     [("办法", "编办发〔2011〕81号", None)]),
    # probe 3: a repost's full-width digits in a bare 文号 and in one after a title
    ("根据梧卫发〔２０２１〕６号和《青梧市签约服务方案》（梧卫发〔２０２２〕３号）要求",
     [(None, "梧卫发〔2021〕6号", None), ("青梧市签约服务方案", "梧卫发〔2022〕3号", None)]),
    # probe 3: a bare 文号 after the words that say who printed it: the code starts after 印发的
    ("按照市委办、市政府办印发的梧办发〔2023〕8号文件要求", [(None, "梧办发〔2023〕8号", None)]),
    # probe 3: a short name given inside the number's brackets, and used again after: one citation, with its number
    ("近日印发了《栖云县健康帮扶实施方案》（栖卫发〔2021〕52号，以下简称《方案》）。现就《方案》解读如下",
     [("栖云县健康帮扶实施方案", "栖卫发〔2021〕52号", None)]),
    # probe 3: the national opinion named without 《》 after its verb and its two issuers (spaces between them)
    ("依据中共中央办公厅 国务院办公厅关于进一步深化改革促进乡村医疗卫生体系健康发展的意见，结合我县实际",
     [("关于进一步深化改革促进乡村医疗卫生体系健康发展的意见", None, "中共中央办公厅、国务院办公厅")]),
    # probe 3: …的通知 after a verb but its "issuer" is a phrase of the sentence, not bodies: no citation made up
    ("按照上级要求做好关于签约服务的通知的落实工作", []),
    # probe 4b: two titles, then one bracket listing their numbers in order: each title its own (the second took the
    # first's number and the second number was lost)
    ("根据《关于巩固健康帮扶成果的实施意见》《梧川省健康帮扶方案》（国卫扶贫发〔2021〕6号、梧卫发〔2021〕12号）要求",
     [("关于巩固健康帮扶成果的实施意见", "国卫扶贫发〔2021〕6号", None), ("梧川省健康帮扶方案", "梧卫发〔2021〕12号", None)]),
    ("根据《甲方案》、《乙方案》和《丙方案》（甲发〔2021〕1号、乙发〔2021〕2号、丙发〔2021〕3号）要求",
     [("甲方案", "甲发〔2021〕1号", None), ("乙方案", "乙发〔2021〕2号", None), ("丙方案", "丙发〔2021〕3号", None)]),
    # numbers more than the titles run: which is whose is not printed — the numbers cited alone, the title none
    ("根据上级要求和《乙方案》（乙发〔2021〕2号、丙发〔2021〕3号）要求",
     [("乙方案", None, None), (None, "乙发〔2021〕2号", None), (None, "丙发〔2021〕3号", None)]),
    # probe 4b: a header's own number with 第 (某卫发〔2022〕第8号 alone on its line) is no citation of itself; the same
    # form in a sentence is cited
    ("某卫发〔2022〕第8号\n根据梧卫发〔2021〕第6号文件要求，做好签约服务。", [(None, "梧卫发〔2021〕6号", None)]),
    # probe 4b: an unquoted title with its 文号 in brackets after it: one citation, the number its own
    ("根据国家卫生健康委关于印发乡村振兴重点帮扶县医疗卫生服务能力提升方案的通知（国卫乡村发〔2022〕3号）要求",
     [("关于印发乡村振兴重点帮扶县医疗卫生服务能力提升方案的通知", "国卫乡村发〔2022〕3号", "国家卫生健康委")]),
    # probe 4b: the second of two documents, unquoted, after the first's 文号 and 和 (it was a citation of its number alone)
    ("根据《关于做好签约服务的通知》（梧卫发〔2021〕6号）和国家医保局关于做好参保工作的通知（医保发〔2022〕3号）要求",
     [("关于做好签约服务的通知", "梧卫发〔2021〕6号", None),
      ("关于做好参保工作的通知", "医保发〔2022〕3号", "国家医保局")]),
    # 和 after a closing bracket that is no citation's: the words before 关于 must still be bodies
    ("各地（市）和有关单位要做好关于签约服务的通知的宣传", []),
    # probe 3: a title naming its issuers apart by spaces (a joint national notice): the hint lists them
    ("为贯彻落实《国家卫生健康委 国家医保局 国家中医药局关于推进紧密型县域医疗卫生共同体建设的通知》（国卫基层发〔2023〕41号）",
     [("国家卫生健康委 国家医保局 国家中医药局关于推进紧密型县域医疗卫生共同体建设的通知", "国卫基层发〔2023〕41号",
       "国家卫生健康委、国家医保局、国家中医药局")]),
    # probe 3: a forwarded notice whose title names its two issuers; the words before it (现将) are no body
    ("现将《江南省卫生健康委员会 江南省医疗保障局关于做好签约服务工作的通知》（江卫基层发〔2022〕12号）转发给你们",
     [("江南省卫生健康委员会 江南省医疗保障局关于做好签约服务工作的通知", "江卫基层发〔2022〕12号",
       "江南省卫生健康委员会、江南省医疗保障局")]),
    # probe 3: the same document cited again by its title alone, and by its bare number after 对照: one citation
    ("为贯彻落实《关于巩固健康帮扶成果的实施意见》（梧卫发〔2021〕6号）精神。按照《关于巩固健康帮扶成果的实施意见》要求，"
     "对照梧卫发〔2021〕6号文件逐项落实", [("关于巩固健康帮扶成果的实施意见", "梧卫发〔2021〕6号", None)]),
    # the title first without its number, then with it: one citation, the number kept
    ("按照《关于巩固健康帮扶成果的实施意见》要求，再次重申《关于巩固健康帮扶成果的实施意见》（梧卫发〔2021〕6号）",
     [("关于巩固健康帮扶成果的实施意见", "梧卫发〔2021〕6号", None)]),
    # the same title with two numbers (two years' documents): two citations
    ("根据《关于巩固健康帮扶成果的实施意见》（梧卫发〔2021〕6号）和《关于巩固健康帮扶成果的实施意见》（梧卫发〔2022〕2号）",
     [("关于巩固健康帮扶成果的实施意见", "梧卫发〔2021〕6号", None), ("关于巩固健康帮扶成果的实施意见", "梧卫发〔2022〕2号", None)]),
    # probe 3: a serial printed with 第 (〔2021〕第6号): the same 文号
    ("根据梧卫发〔2021〕第6号文件精神", [(None, "梧卫发〔2021〕6号", None)]),
]


@pytest.mark.parametrize("sentence, expected", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_citations(sentence, expected):
    assert cited(sentence) == expected


def test_own_number_and_own_body_title_are_not_citations():
    text = "神卫健发〔2021〕64号\n现将《神木市实施方案》印发你们。按照神卫健发〔2021〕64号执行。"
    assert cited(text, own="神卫健发〔2021〕64号", own_titles=("神木市实施方案",)) == []


def test_verb_is_recorded():
    found = extract_citations("为贯彻落实《关于实施的意见》（国卫扶贫发〔2021〕6号）精神", 0)
    assert found[0].verb == "贯彻落实"


# issue 28: a citation's issuer is a body or nothing; its verb is never a word inside another title;
# a notice's own parts (its enclosed plan named by a bare genre word, its annex) are not citations
ISSUE_ROWS = [
    # a clause before the title is not its issuer (各地要完成《…》): no hint
    ("各地要完成《2022年健康帮扶重点指标》。", (), [("2022年健康帮扶重点指标", None, None)]),
    # bodies joined by 、 closed by 等厅局 stay the hint
    ("省卫生健康委等厅局《关于做好慢病签约服务的通知》要求", (), [("关于做好慢病签约服务的通知", None, "省卫生健康委等厅局")]),
    # an adverbial phrase before a title is not a body
    ("为进一步加强基层服务能力，认真执行《澜川省村卫生室管理办法》。", (), [("澜川省村卫生室管理办法", None, None)]),
    # 按照《实施方案》要求 in a notice enclosing a 实施方案: its own plan
    ("请按照《实施方案》要求抓好落实。", ("桐溪县巩固健康帮扶成果实施方案",), []),
    # 《方案》 alone, the enclosed 方案
    ("各乡镇要认真落实《方案》明确的任务。", ("关于印发桐溪县健康帮扶工作方案的通知",), []),
    # a bare genre word that is not the notice's own genre stays a citation
    ("严格执行《办法》规定的标准。", ("桐溪县健康帮扶工作方案",), [("办法", None, None)]),
    # its own annex: 《…指标》（见附件）
    ("各县要完成《2021年度健康帮扶工作指标》（见附件），按时报送。", (), []),
    ("具体分工见《任务分工表》（附件2）。", (), []),
    # the plan the notice hands over, named in full with its place (现将《…》印发给你们)
    ("现将《鹭洲市健康帮扶实施方案》印发给你们，请认真执行。", (), []),
    # 转发 is kept: the forwarded document is upstream
    ("现将《澜川省健康帮扶实施方案》转发给你们，请认真执行。", (), [("澜川省健康帮扶实施方案", None, None)]),
    # probe 4b: 你局/我委 before a title are pronouns, no issuer
    ("你局《关于开展试点的请示》（紫卫字〔2022〕12号）收悉。", (), [("关于开展试点的请示", "紫卫字〔2022〕12号", None)]),
    ("我委《关于做好签约服务的通知》（梧卫发〔2021〕3号）印发以来，", (), [("关于做好签约服务的通知", "梧卫发〔2021〕3号", None)]),
]


@pytest.mark.parametrize("sentence, own_titles, expected", ISSUE_ROWS, ids=[f"issue{i}" for i in range(len(ISSUE_ROWS))])
def test_issuer_hint_and_own_parts(sentence, own_titles, expected):
    assert cited(sentence, own_titles=own_titles) == expected


# (sentence, verb of each citation in order)
VERB_ROWS = [
    # 贯彻落实 inside the first title is not the second one's verb
    ("根据《关于贯彻落实健康帮扶政策的通知》和《青梧市健康帮扶实施方案》要求", ["根据", "根据"]),
    # a verb between the two titles governs the second
    ("根据《澜川省医疗救助办法》，参照《澜川省临时救助规定》执行", ["根据", "参照"]),
    # no verb in the sentence
    ("《青梧市健康帮扶实施方案》已经印发。", [None]),
    # a bare 文号 right after its verb: the verb the code's match takes in is still its verb
    ("三、参照梧卫办基层函〔2020〕102号文件要求，开展签约服务质量评价。", ["参照"]),
    ("按照桐卫发〔2021〕8号执行，并依照梧卫发〔2020〕7号", ["按照", "依照"]),  # 依照 as a verb of its own
    # a forwarding notice: the document handed on (转发 after it) is what the notice carries out
    ("现将《澜川省卫生健康委关于做实签约服务的通知》（澜卫基层发〔2022〕12号）转发给你们，请认真贯彻执行。", ["转发"]),
    ("现将澜卫基层发〔2022〕12号文件转发你们，请遵照执行。", ["转发"]),  # a bare 文号, 文件 between
    # a plan printed with the notice is its own (印发), not forwarded: no citation at all
    ("现将《桐江市健康帮扶实施方案》印发给你们。", []),
    # probe 4b: a repealed notice — the verb printed after it, never the sentence's opening verb (no parent: 按照 would be)
    ("本通知自2022年7月1日起施行，《梧州市医疗保障局关于做好大病保险工作的通知》（梧医保发〔2020〕12号）同时废止。", ["废止"]),
    ("按照省医保局要求，《梧州市大病保险实施办法》（梧医保发〔2019〕8号）同时废止。", ["废止"]),
    ("原《桐溪县家庭医生签约服务实施方案》（桐卫发〔2019〕3号）不再执行。", ["不再执行"]),
    ("本通知自印发之日起施行，桐卫发〔2019〕3号文件同时废止。", ["废止"]),  # a bare 文号 with 文件
    ("《桐溪县乡村医生补助办法》自本通知印发之日起停止执行。", [None]),  # the verb not next to the title: not read
    # an amended document: 修订/修改 after its 条款 or before 如下
    ("现对《紫川自治县城乡居民医疗救助实施办法》（紫府办发〔2019〕12号）部分条款修订如下：", ["修订"]),
    ("现将《桐溪县医疗救助办法》修改如下：", ["修改"]),
    ("对《桐溪县医疗救助办法》进行修订，", ["修订"]),
    # 按照《X》修改完善 is no amendment of X: the opening verb stays
    ("请按照《梧州市健康帮扶实施方案》修改完善本地方案。", ["按照"]),
    # a reply: the request answered (收悉), its sender named by a pronoun, no issuer hint
    ("你局《关于申请开展医共体建设试点的请示》（紫卫字〔2022〕12号）收悉。", ["收悉"]),
]


@pytest.mark.parametrize("sentence, verbs", VERB_ROWS, ids=[f"verb{i}" for i in range(len(VERB_ROWS))])
def test_verb_outside_other_titles(sentence, verbs):
    assert [c.verb for c in extract_citations(sentence, 0)] == verbs


@pytest.mark.parametrize("text, number, issuer", [
    # a body's name where a cited number's code stands: that body issued it (its code is unknown)
    ("根据省卫生健康委〔2021〕15号文件精神，现通知如下。", "省卫生健康委〔2021〕15号", "省卫生健康委"),
    ("按照县人民政府〔2022〕3号文件要求，做好签约服务。", "县人民政府〔2022〕3号", "县人民政府"),
    # a code (发 at its end): no issuer read from it
    ("根据陕卫发〔2021〕15号文件精神，现通知如下。", "陕卫发〔2021〕15号", None),
])
def test_a_body_named_in_place_of_a_code_is_the_issuer(text, number, issuer):
    cited = [c for c in extract_citations(text, 0) if c.doc_number == number]
    assert [c.issuer_hint for c in cited] == [issuer]
