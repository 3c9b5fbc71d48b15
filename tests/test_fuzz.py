"""Property-based tests of the normaliser, outline and extractors on random and
mutated notices: no exception, every span inside the text, the quoted evidence
equal to text[span], outline paths unique.

Runs in every test run with a small number of examples; the full run is
``FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -m fuzz``.
"""

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ALL_IDS, CORPUS
from policydiff.normalise import normalise
from policydiff.parse import parse_text

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
NOTICES = [(CORPUS / f"{d}.txt").read_text(encoding="utf-8") for d in ALL_IDS]

pytestmark = pytest.mark.fuzz

PIECES = ["一、", "（一）", "(二)", "1.", "2．", "（1）", "一是", "二是", "附件", "附件：", "\n", "\n\n", "\t", "。", "，",
          "、", "；", "：", "（牵头科室：", "配合单位：", "[责任单位：", "】", "）", ")", "《", "》", "〈", "〉", "〔2021〕",
          "[2021]", "号", "30种", "达到", "90%以上", "不少于", "三个月", "到2025年", "“十四五”期末", "约束性", "预期性",
          "市卫健局公卫科", "各镇卫生院", "负责", "部门协作", "#", "**", "---", " ", "\u3000", "2021年8月9日",
          "二〇二一年八月九日", "神卫健发〔2021〕64号", "关于印发《方案》的通知", "卫生健康局", "1\t工作任务\t医政处"]


def check_record(text: str) -> None:
    norm = normalise(text)
    assert len(norm.source_offsets) == len(norm.text) + 1
    record = parse_text(norm)
    body = record["text"]
    for m in record["measures"]:
        assert body[m["span"][0]:m["span"][1]] == m["text"]
        for u in m["unit_mentions"]:
            assert 0 <= u["span"][0] <= u["span"][1] <= len(body)
            if u["source"] == "inline_marker":  # its own characters (农业农村 of 农业农村、生态环境等部门)
                own = body[u["span"][0]:u["span"][1]]
                assert own and u["unit"].startswith(own)
    for t in record["targets"]:
        assert body[t["span"][0]:t["span"][1]] == t["text"]
    for c in record["citations"]:
        assert 0 <= c["span"][0] < c["span"][1] <= len(body)
    for d in record["division_of_duties"]:
        assert body[d["span"][0]:d["span"][1]].startswith(d["unit"])
    paths = [n["path"] for n in record["outline"]]
    assert len(paths) == len(set(paths))
    for n in record["outline"]:
        assert 0 <= n["span"][0] <= n["span"][1] <= len(body)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="卫生健康局市县镇医院救治服务", max_size=8)),
                max_size=80).map("".join))
def test_random_notices(text):
    check_record(text)


@FUZZ
@given(st.sampled_from(range(len(NOTICES))), st.integers(0, 2**32))
def test_shuffled_lines(index, seed):
    rnd = random.Random(seed)
    lines = NOTICES[index].split("\n")
    start = rnd.randrange(len(lines))
    chunk = lines[start:start + 40]
    rnd.shuffle(chunk)
    check_record("\n".join(lines[:start] + chunk + lines[start + 40:]))


@FUZZ
@given(st.sampled_from(range(len(NOTICES))), st.integers(0, 2**32), st.integers(1, 30))
def test_brackets_swapped_and_markers_cut(index, seed, cuts):
    rnd = random.Random(seed)
    text = NOTICES[index]
    swap = {"（": "(", "）": ")", "(": "（", ")": "）", "〔": "[", "〕": "]"}
    text = "".join(swap.get(ch, ch) if rnd.random() < 0.3 else ch for ch in text)
    for _ in range(cuts):
        at = rnd.randrange(len(text))
        text = text[:at] + text[at + rnd.randrange(1, 40):]
    check_record(text)


@FUZZ
@given(st.lists(st.sampled_from(["国卫扶贫发", "陕政办发", "和", "根据", "〔", "〕", "[", "]", "（", "）", "2021", "1999", "6",
                                 "12", "号", " ", "\u3000", "\n", "号文", "字", "〔2021〕", "〔2021〕6号"]), max_size=40),
       st.integers(0, 20))
def test_doc_numbers_found_from_their_tail_equal_a_plain_scan(pieces, pos):
    from policydiff import patterns as P

    text = "".join(pieces)
    assert [m.span() for m in P.iter_doc_numbers(text, pos)] == [m.span() for m in P.DOC_NUMBER.finditer(text, pos)]


HTML_PIECES = ["<p>", "</p>", "<div class='nav'>", "<div id='zoom'>", "</div>", "<table>", "</table>", "<tr>", "</tr>",
               "<td>", "</td>", "<br>", "<script>x=1</script>", "<!-- c -->", "<?xml version='1.0'?>", "&gt;", "&#x4e00;",
               "一、总体要求", "（一）加强领导。", "神卫健发〔2021〕64号", "约束性", "\t", "\n", "当前位置：首页", "<h1>", "</h1>",
               "<meta charset='gb2312'>", "<meta charset='nonsense'>", "<", ">", "\x00", "\ufeff"]


@FUZZ
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=60))
def test_any_web_page_is_read_or_refused_with_a_reason(tmp_path_factory, pieces):
    from policydiff import errors
    from policydiff.read import read_html

    page = tmp_path_factory.mktemp("h") / "p.html"
    page.write_bytes("".join(pieces).encode("utf-8"))
    try:
        source = read_html(page)
    except errors.BadFileError as exc:
        assert exc.detail
        return
    assert source.text.strip() and "<script" not in source.text
    check_record(source.text)
