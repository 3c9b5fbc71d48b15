"""Whole records: the Shenmu list keys against the hand-made example, evidence
spans of every item of every notice, and golden files for all five notices."""

import json

import pytest
from make_golden import GOLDEN, golden_view

from conftest import ALL_IDS, SHENMU


def test_shenmu_citations_equal_the_example(records, example):
    got = [(c["title"], c["doc_number"], c["issuer_hint"]) for c in records[SHENMU]["citations"]]
    assert got == [(c["title"], c["doc_number"], c["issuer_hint"]) for c in example["citations"]]


def test_shenmu_measures_equal_the_example(records, example):
    keys = ("path", "title", "lead_units", "support_units", "responsible_units")
    got = [{k: m[k] for k in keys} for m in records[SHENMU]["measures"]]
    # the example also lists 五/（二）加强部门协作, whose clauses are its division_of_duties: a duty section's
    # clauses are duties, not measures, so the tool keeps it out of the measures (it still covers 部门协作)
    want = [{k: m[k] for k in keys} for m in example["measures"] if m["path"] != "五/（二）"]
    assert got == want and len(example["measures"]) == len(got) + 1


def test_shenmu_duties_equal_the_example(records, example):
    got = [{"unit": d["unit"], "duty": d["duty"]} for d in records[SHENMU]["division_of_duties"]]
    assert got == example["division_of_duties"]


def test_shenmu_targets_equal_the_example(records, example):
    keys = ("path", "comparator", "value", "unit", "deadline_year", "binding")
    got, want = records[SHENMU]["targets"], example["targets"]
    assert [{k: t[k] for k in keys} for t in got] == [{k: t[k] for k in keys} for t in want]
    for ours, theirs in zip(got, want):
        # the example sometimes trims the clause (梅毒等9种…): one quote contains the other
        assert theirs["text"] in ours["text"] or ours["text"] in theirs["text"]
        # where the example's indicator is the printed phrase, ours is the same phrase
        if theirs["indicator"] in ours["text"]:
            assert ours["indicator"] == theirs["indicator"]


def test_shenmu_tables_are_null(records, example):
    assert records[SHENMU]["task_table"] == example["task_table"] is None
    assert records[SHENMU]["annex_indicators"] == example["annex_indicators"] is None


def evidence(record):
    """(what the item quotes, its span) for every extracted item of a record."""
    for m in record["measures"]:
        yield m["text"], m["span"]
        for u in m["unit_mentions"]:
            if u["source"] == "inline_marker":  # a shared suffix or body is not printed again:
                start, end = u["span"]           # the span holds the name's own first characters
                yield u["unit"][:end - start], u["span"]
    for t in record["targets"]:
        yield t["text"], t["span"]
    for r in record["task_table"] or []:
        for s, e in r["task_spans"]:  # a row broken across a page has two pieces
            yield record["text"][s:e], (s, e)
        assert "".join(record["text"][s:e] for s, e in r["task_spans"]) == r["task"]
        assert r["span"] == [r["task_spans"][0][0], r["task_spans"][-1][1]]
    for a in record["annex_indicators"] or []:
        yield a["indicator"], a["span"]


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_every_span_quotes_its_evidence(records, doc_id):
    record = records[doc_id]
    text = record["text"]
    items = list(evidence(record))
    assert items
    for quoted, (start, end) in items:
        assert text[start:end] == quoted
    for c in record["citations"]:
        quote = text[c["span"][0]:c["span"][1]]
        assert (c["title"] and c["title"] in quote) or (c["doc_number"] and quote.replace(" ", "").startswith(
            c["doc_number"].split("〔")[0]))
    for d in record["division_of_duties"]:
        assert text[d["span"][0]:d["span"][1]].startswith(d["unit"] + "负责")


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_record_equals_its_golden_file(records, doc_id):
    golden = json.loads((GOLDEN / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(golden_view(records[doc_id]), ensure_ascii=False)) == golden


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_list_keys_are_present(records, doc_id):
    for key in ("citations", "measures", "division_of_duties", "targets"):
        assert isinstance(records[doc_id][key], list)
    for key in ("task_table", "annex_indicators"):
        assert records[doc_id][key] is None or isinstance(records[doc_id][key], list)
