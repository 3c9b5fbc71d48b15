"""Outline: labels, nesting, headings and paths on every notice."""

import pytest

from conftest import ALL_IDS, GUANGXI, HUAINAN, KAIFENG, LIANYUNGANG, SHENMU
from policydiff.outline import build_outline, heading_of, match_label

LABELS = [
    ("一、总体要求", ("一、", "一")),
    ("（一）指导思想。以…", ("（一）", "（一）")),
    ("（十四）进一步加大典型宣传力度。", ("（一）", "（十四）")),  # Lianyungang numbers past ten
    ("1.优化疾病分类救治管理措施。", ("1.", "1")),  # Huainan
    ("1．巩固乡村医疗", ("1.", "1")),  # full-width dot
    ("16.深入开展爱国卫生运动。", ("1.", "16")),
    ("（1）第一项", ("（1）", "（1）")),
    ("一是健全动态监测机制。", ("一是", "一是")),  # Kaifeng
    ("4.6个托位", None),  # a decimal is not a label
    ("2025年，实现", None),
    ("三级医院对口帮扶", None),
]


@pytest.mark.parametrize("text, expected", LABELS, ids=[r[0][:8] for r in LABELS])
def test_match_label(text, expected):
    found = match_label(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize("body, expected", [
    ("指导思想。以习近平…", "指导思想"),  # heading runs into its paragraph
    ("保持政策稳定，巩固基本医疗有保障成果", "保持政策稳定，巩固基本医疗有保障成果"),  # stands alone
    ("坚持一个目标\n坚持基本医疗有保障…", "坚持一个目标"),  # Kaifeng: heading line then body
])
def test_heading_of(body, expected):
    assert heading_of(body) == expected


def paths(records, doc_id):
    return [n["path"] for n in records[doc_id]["outline"]]


def test_shenmu_outline(records):
    expected = ["一", "一/（一）", "一/（二）"]
    expected += ["二"] + [f"二/{x}" for x in ["（一）", "（二）", "（三）", "（四）", "（五）"]]
    expected += ["三"] + [f"三/{x}" for x in ["（一）", "（二）", "（三）", "（四）", "（五）"]]
    expected += ["四"] + [f"四/{x}" for x in ["（一）", "（二）", "（三）", "（四）"]]
    expected += ["五"] + [f"五/{x}" for x in ["（一）", "（二）", "（三）", "（四）"]]
    assert paths(records, SHENMU) == expected


def test_guangxi_outline_three_levels_and_annex(records):
    got = paths(records, GUANGXI)
    assert got[:6] == ["一", "一/（一）", "一/（二）", "二", "二/（一）", "二/（一）/1"]
    assert [p for p in got if p.startswith("二/（二）/")] == [f"二/（二）/{i}" for i in range(1, 7)]
    assert [p for p in got if p.startswith("二/（三）/")] == [f"二/（三）/{i}" for i in range(1, 6)]
    assert got[-7:] == ["附件"] + [f"附件/{i}" for i in range(1, 7)]


def test_huainan_numbering_runs_on_across_blocks(records):
    got = paths(records, HUAINAN)
    numbered = [p for p in got if p.count("/") == 2 and not p.startswith("附件")]
    assert [p.rsplit("/", 1)[1] for p in numbered] == [str(i) for i in range(1, 17)]
    assert "二/（二）/6" in got and "二/（三）/16" in got


def test_kaifeng_yishi_items(records):
    got = paths(records, KAIFENG)
    assert got == ["一", "二", "二/一是", "二/二是", "三", "三/一是", "三/二是", "三/三是", "四",
                   "四/一是", "四/二是", "四/三是", "四/四是", "五"] + [f"五/{x}是" for x in "一二三四五"]


def test_lianyungang_continuous_numbering(records):
    got = paths(records, LIANYUNGANG)
    assert got[:2] == ["一", "一/（一）"] and "二/（四）" in got and got[-2] == "四/（十四）"
    assert got[-1] == "附件"


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_every_node_span_starts_with_its_label(records, doc_id):
    text = records[doc_id]["text"]
    for node in records[doc_id]["outline"]:
        start, end = node["span"]
        assert text[start:end].startswith(node["label"].rstrip("、") if node["kind"] != "一、" else node["label"])
        assert node["body_span"][0] >= start and node["body_span"][1] == end


def test_malformed_input_still_gives_a_tree():
    # the first kind met is the top level; repeated labels get unique paths
    nodes = build_outline("（二）先出现\n一、后出现\n（二）重复\n（二）重复")
    assert [n.path for n in nodes] == ["（二）", "（二）/一", "（二）#2", "（二）#3"]
