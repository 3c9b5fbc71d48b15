"""Items that prescribe no work — when the notice applies, for how long, what it repeals — are no measures;
items that say so beside work stay measures. Every sentence is written for these tests in real notices' shapes."""

import pytest

from policydiff.extract.measures import extract_measures
from policydiff.outline import build_outline

HEAD = "一、加强签约服务。各镇卫生院要组建签约团队。\n"

ROWS = [
    # a closing item with its heading: the date it applies from and until
    ("二、施行时间。本通知自2023年7月1日起施行，有效期至2025年12月31日。", False),
    # the same item also repealing an earlier notice, and the 以本通知为准 sentence
    ("二、施行时间。本通知自2023年7月1日起施行。《某县卫生健康局关于做好签约工作的通知》（某卫发〔2020〕12号）同时废止；"
     "此前有关规定与本通知不一致的，以本通知为准。", False),
    # an item that only repeals (no heading)
    ("二、《某县乡村医生培训方案》（某卫发〔2019〕30号）同时废止。", False),
    # a revision's own commencement
    ("二、本修订自2023年10月1日起施行。", False),
    # the forms real notices print: 本办法/本细则/本意见/本规定 with a date or on issue
    ("二、本办法自2023年1月1日起施行。", False),  # a rule's own (本办法) on a printed date
    ("二、本细则自发布之日起施行。", False),  # on publication (发布之日)
    ("二、本意见自印发之日起实施，有效期3年。", False),  # 实施 and a term after it
    ("二、本规定自印发之日起30日后施行。", False),  # a delay after issue (30日后)
    ("二、本修订自2023年10月1日起施行。修订后的《某县医疗救助办法》由县医疗保障局重新公布。", False),  # + the republication
    # the republication line alone on the line after a revision's commencement item (probe 4b 17's shape)
    ("二、本修订自2023年10月1日起施行。\n修订后的《某县医疗救助办法》由县医疗保障局重新公布。", False),
    # a delay beside work: still a measure
    ("二、本办法自印发之日起30日后施行，各镇要提前做好准备。", True),
    # a period of validity alone
    ("二、本方案有效期2年。", False),
    # who interprets it
    ("二、本方案由县卫生健康局负责解释。", False),
    # commencement beside work: still a measure
    ("二、本方案自印发之日起施行，各镇要抓好落实。", True),
    # work that names a document and 执行: a measure (no repeal)
    ("二、严格执行《某县乡村医生管理办法》，落实村医待遇。", True),
]


@pytest.mark.parametrize("item, measure", ROWS, ids=[f"c{i}" for i in range(len(ROWS))])
def test_an_item_that_only_says_when_the_notice_applies_is_no_measure(item, measure):
    text = HEAD + item + "\n"
    paths = [m.path for m in extract_measures(text, build_outline(text))]
    assert paths == (["一", "二"] if measure else ["一"])


# an unnumbered paragraph after an item that only says when the notice applies is the notice's closing text
CLOSING_AFTER = [
    # a revision's republication line after its commencement item: not item 二's text
    ("二、本修订自2023年10月1日起施行。\n修订后的《某县医疗救助办法》由县医疗保障局重新公布。", "本修订自2023年10月1日起施行。"),
    # a closing request after a commencement item on issue
    ("二、本办法自印发之日起30日后施行。\n执行中遇到的问题请及时报县卫生健康局。", "本办法自印发之日起30日后施行。"),
    # an item with a heading and its commencement sentence below it keeps that sentence
    ("二、施行时间\n本通知自2023年7月1日起施行。", "施行时间\n本通知自2023年7月1日起施行。"),
    # an item of work keeps its unnumbered paragraph
    ("二、做好随访。\n各卫生院每季度随访一次。", "做好随访。\n各卫生院每季度随访一次。"),
]


@pytest.mark.parametrize("item, body", CLOSING_AFTER, ids=[f"after{i}" for i in range(len(CLOSING_AFTER))])
def test_the_paragraph_after_a_commencement_item_is_not_its_text(item, body):
    text = HEAD + item + "\n"
    node = next(n for n in build_outline(text) if n.path == "二")
    assert text[node.body_span[0]:node.body_span[1]] == body
