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
