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
    # Lianyungang: the same title as its own notice but another number is a citation
    ("省卫计委《关于进一步做好精准健康扶贫工作的通知》（苏卫财务〔2018〕44号）文件精神",
     [("关于进一步做好精准健康扶贫工作的通知", "苏卫财务〔2018〕44号", "省卫计委")]),
    # the same document twice is one citation
    ("按照《办法》（编办发〔2011〕81号）核定，再按照《办法》（编办发〔2011〕81号）调整。",
     [("办法", "编办发〔2011〕81号", None)]),
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
