"""A repost that prints its figures in full-width digits (〔２０２１〕６号, ２０２５年, ９９．２％) reads as the
notice printed in ASCII digits does: the normaliser reads them as ASCII, one character for one, and says so
(a ``fullwidth_digits`` repair for each run, one warning for all).

The bundled notices are rendered here with every ASCII digit (and a point between two digits) full width."""

import functools
import re

import pytest

from conftest import CORPUS
from policydiff.models import SourceText
from policydiff.parse import parse_source
from policydiff.read import read

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def wide_digits(text: str) -> str:
    return re.sub(r"(?<=\d)\.(?=\d)", "．", text).translate(WIDE)


@functools.cache
def both(doc_id: str) -> tuple[dict, dict]:
    source = read(CORPUS / f"{doc_id}.txt")
    printed = SourceText(path=source.path, text=wide_digits(source.text), encoding=source.encoding)
    return parse_source(source), parse_source(printed)


def _targets(record: dict) -> list[tuple]:
    return [(t["indicator"], t["comparator"], t["value"], t["unit"], t["deadline_year"], t["role"], tuple(t["span"]))
            for t in record["targets"]]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_a_notice_in_full_width_digits_reads_as_in_ascii(doc_id):
    ascii_record, wide_record = both(doc_id)
    for key in ("doc_number", "issue_date", "print_date", "issuers", "addressees", "locality", "admin_level"):
        assert wide_record[key] == ascii_record[key], key
    assert wide_record["text"] == ascii_record["text"]  # read as ASCII: every span holds
    assert [m["path"] for m in wide_record["measures"]] == [m["path"] for m in ascii_record["measures"]]
    assert _targets(wide_record) == _targets(ascii_record)
    assert [c["doc_number"] for c in wide_record["citations"]] == [c["doc_number"] for c in ascii_record["citations"]]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_each_run_read_as_ascii_is_a_repair_and_one_warning_says_so(doc_id):
    ascii_record, wide_record = both(doc_id)
    runs = [r for r in wide_record["repairs"] if r["kind"] == "fullwidth_digits"]
    assert runs and not any(r["kind"] == "fullwidth_digits" for r in ascii_record["repairs"])
    for r in runs:
        a, b = r["span"]
        assert wide_record["text"][a:b] == r["repaired"] == wide_digits(r["repaired"]).translate(
            str.maketrans("０１２３４５６７８９．", "0123456789."))
        assert r["raw"] == wide_digits(r["repaired"])
    said = [w for w in wide_record["warnings"] if "fullwidth_digits" in w]
    assert len(said) == 1 and f"{len(runs)} run(s)" in said[0]
    # the source map points back into the text as printed (full width)
    assert wide_record["source_map"]["source_text"] == wide_digits(read(CORPUS / f"{doc_id}.txt").text)


# a repost's header in full-width digits, written for this test
HEADER = "某县卫生健康局文件\n某卫发〔２０２２〕１２号\n\n各乡镇卫生院：\n一、到２０２５年，县域内就诊率达到９０．５％以上。\n某县卫生健康局\n２０２２年３月１５日\n"


def test_a_full_width_header_keeps_its_number_off_the_addressees():
    record = parse_source(SourceText(path="h.txt", text=HEADER, encoding="utf-8"))
    assert record["doc_number"] == "某卫发〔2022〕12号"
    assert record["addressees"] == ["各乡镇卫生院"]
    assert record["issue_date"] == "2022-03-15"
    target = next(t for t in record["targets"] if t["unit"] == "%")
    assert (target["value"], target["deadline_year"]) == (90.5, 2025)
    assert not [t for t in record["targets"] if t["unit"] == "年"]  # a date is no figure
