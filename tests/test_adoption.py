"""The implementation ladder (``policydiff adoption``, ``diff --against parent``) checked against
ladders with a known answer (benchmarks/ladders.py: our own sentences in notice shape), and the
lag rules row by row."""

import csv
import io
import json
import sys
from statistics import median

import pytest
from click.testing import CliRunner

from conftest import ROOT
from policydiff.cli import cli
from policydiff.compare.adoption import (
    ADDED,
    AFTER,
    DATE_UNKNOWN,
    FROM_PARENT,
    PARENT_OUTSIDE,
    PREDATES,
    UnitShown,
    choose_entries,
    lag_of,
    units_cell,
)
from policydiff.compare.frame import load_frame

sys.path.insert(0, str(ROOT / "benchmarks"))
from ladders import MEASURES, REFERENCE_DAY, ladders

LEVEL_OF = {"provincial": "provincial", "prefecture": "prefecture", "county": "county"}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """The bundled corpus, ingested."""
    path = tmp_path_factory.mktemp("corpus") / "c.db"
    assert run("ingest", ROOT / "corpus", "--db", path, "--workers", "1", "--quiet").exit_code == 0
    return path


@pytest.fixture(scope="module")
def ladder(tmp_path_factory):
    """Two ladders (14 notices) ingested; the generator's key beside them."""
    folder = tmp_path_factory.mktemp("ladders")
    files, key = ladders(2, seed=7)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "l.db"
    result = run("ingest", folder, "--db", db, "--workers", "1", "--quiet")
    assert result.exit_code == 0, result.output
    out = folder / "a.json"
    assert run("adoption", "--db", db, "-o", out).exit_code == 0
    return db, key, json.loads(out.read_text(encoding="utf-8"))


def _rows_of(result):
    """(file stem, frame id) -> adoption row, for the generated measures."""
    return {(r["doc_id"], r["frame_id"]): r for r in result["adoptions"] if r["frame_id"] in MEASURES}


def test_every_generated_adoption_is_found_and_nothing_else(ladder):
    _, key, result = ladder
    expected = {(name.removesuffix(".txt"), f) for name, k in key.items() for f in k["measures"]}
    assert set(_rows_of(result)) == expected


def test_every_lag_and_timing(ladder):
    _, key, result = ladder
    for (doc, frame_id), row in _rows_of(result).items():
        k = key[doc + ".txt"]
        assert row["issue_date"] == k["date"], doc
        assert row["lag_days"] == k["lag"], (doc, frame_id)
        assert row["timing"] == (AFTER if k["date"] else DATE_UNKNOWN), doc
        assert row["where"] == "own item" and MEASURES[frame_id][0] in row["quote"]


def test_an_undated_notice_is_kept_apart(ladder):
    _, key, result = ladder
    undated = [n for n, k in key.items() if k["date"] is None]
    assert undated  # the generator writes some
    assert all(result["notices"][n.removesuffix(".txt")]["issue_date"] is None for n in undated)


def test_every_share_and_median_lag(ladder):
    _, key, result = ladder
    for s in result["summary"]:
        if s["frame_id"] not in MEASURES:
            continue
        of_level = [k for k in key.values() if k["level"] == s["level"]]
        adopting = [k for k in of_level if s["frame_id"] in k["measures"]]
        lags = [k["lag"] for k in adopting if k["lag"] is not None]
        assert (s["notices"], s["adopting"]) == (len(of_level), len(adopting)), s
        assert s["share"] == round(len(adopting) / len(of_level), 3)
        assert s["median_lag_days"] == (median(lags) if lags else None), s
        assert s["date_unknown"] == len(adopting) - len(lags)


def test_every_parent_and_from_parent_state(ladder):
    _, key, result = ladder
    for (doc, frame_id), row in _rows_of(result).items():
        k = key[doc + ".txt"]
        if k["parent"] is None:  # the province implements the national opinion, not in the corpus
            assert row["from_parent"] == f"{PARENT_OUTSIDE}: 国卫扶贫发〔2021〕6号"
            continue
        assert row["parent"]["id"] == k["parent"].removesuffix(".txt")
        assert row["parent"]["levels_up"] == 1 and row["parent"]["verb"] == "贯彻落实"
        assert row["from_parent"] == (FROM_PARENT if k["from_parent"][frame_id] else ADDED), (doc, frame_id)


def test_events_name_the_parent_where_it_adopted_first(ladder):
    db, key, _ = ladder
    out = run("adoption", "--events", "--db", db, "--format", "csv")
    assert out.exit_code == 0
    lines = [line for line in out.output.lstrip("\ufeff").splitlines() if not line.startswith("#")]
    events = {(r["doc_id"], r["cascade"]): r for r in csv.DictReader(io.StringIO("\n".join(lines)))}
    for (doc, frame_id), event in events.items():
        k = key.get(doc + ".txt")
        if k is None or frame_id not in MEASURES:
            continue
        assert int(event["time"]) == k["lag"] and event["day"] == k["date"]
        upstream = k["parent"] and k["from_parent"][frame_id] and key[k["parent"]]
        assert bool(event["parent"]) == bool(upstream), (doc, frame_id)
        if upstream:
            assert event["parent"].startswith(upstream["place"]) and int(event["parent_time"]) == upstream["lag"]
    undated = {(n.removesuffix(".txt"), f) for n, k in key.items() if k["date"] is None for f in k["measures"]}
    assert undated and not undated & set(events)  # a cascade needs a time: undated adoptions are left out


@pytest.mark.parametrize("workers", ["1", "2"])
def test_events_as_json_are_the_events_not_the_whole_result(ladder, tmp_path, workers):
    # --events -o x.json wrote the whole result (reference, adoptions…) as plain -o x.json does: now the events
    db, _, _ = ladder
    assert run("adoption", "--events", "--db", db, "--workers", workers, "-o", tmp_path / "e.json").exit_code == 0
    assert run("adoption", "--events", "--db", db, "--workers", workers, "-o", tmp_path / "e.csv").exit_code == 0
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert list(data) == ["about", "events"] and data["about"][-1].startswith("events: time = days after")
    lines = [line for line in (tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines()
             if not line.startswith("#")]
    from_csv = [(r["doc_id"], r["cascade"], r["time"]) for r in csv.DictReader(io.StringIO("\n".join(lines)))]
    assert [(e["doc_id"], e["cascade"], str(e["time"])) for e in data["events"]] == from_csv


def test_every_parent_diff_state(ladder):
    db, key, _ = ladder
    for name, k in key.items():
        if k["parent"] is None:
            continue
        out = run("diff", name.removesuffix(".txt"), "--against", "parent", "--db", db, "--format", "json")
        assert out.exit_code == 0, out.output
        rows = {r["frame_id"]: r for r in json.loads(out.output)["entries"] if r["frame_id"] in MEASURES}
        parent = key[k["parent"]]
        for frame_id in set(k["measures"]) | set(parent["measures"]):
            state = "kept" if frame_id in k["measures"] and frame_id in parent["measures"] else \
                "added" if frame_id in k["measures"] else "dropped"
            assert rows[frame_id]["state"] == state, (name, frame_id)
        assert sorted(k["dropped"]) == sorted(f for f, r in rows.items() if r["state"] == "dropped")
        if k["target"]:
            assert rows["F02"]["targets"].startswith(k["target"] + ":"), (name, rows["F02"])
        for frame_id, row in rows.items():
            if row["state"] == "kept":
                moved = frame_id in k["lead_moved"]
                assert (row["responsibility"] != "same") == moved, (name, frame_id, row["responsibility"])


def test_parent_not_in_corpus_falls_back_to_the_frame_with_a_note(ladder):
    db, key, _ = ladder
    province = next(n for n, k in key.items() if k["level"] == "provincial").removesuffix(".txt")
    out = run("diff", province, "--against", "parent", "--db", db, "--format", "json")
    assert out.exit_code == 0
    notes = json.loads(out.output)["notes"]
    assert notes[0].startswith("--against parent: it cites 国卫扶贫发〔2021〕6号")
    assert "compared with the national frame instead" in notes[0]


# ------------------------------------------------------------------ lags, row by row

@pytest.mark.parametrize("issued, expected", [
    ("2021-06-15", (134, AFTER)),            # an ordinary lag after the reference's day
    ("2021-02-01", (0, AFTER)),              # the reference's own day
    ("2021-02-20", (19, AFTER)),             # same month as a month-only reference: counted, not predating
    ("2021-01-31", (None, PREDATES)),        # the month before: marked, never a negative lag
    ("2018-08-30", (None, PREDATES)),        # years before (连云港 2018 in the bundled corpus)
    (None, (None, DATE_UNKNOWN)),            # the notice prints no date
    ("", (None, DATE_UNKNOWN)),              # an empty date is no date
])
def test_lag_of(issued, expected):
    assert lag_of(issued, REFERENCE_DAY.isoformat()) == expected


@pytest.mark.parametrize("names, ids", [
    (["先诊疗后付费"], ["F03"]),               # a topic: the entry's label
    (["F21"], ["F21"]),                        # an entry id
    (["家庭医生签约"], ["F21"]),               # the entry's rule phrase
    (["F03", "先诊疗后付费"], ["F03"]),         # named twice, chosen once
])
def test_choose_entries(names, ids):
    assert [e["id"] for e in choose_entries(load_frame()["entries"], names)] == ids


def test_units_say_when_inferred_or_implied():
    units = [UnitShown("医保局", "lead", "医疗保障", "inline_marker"),
             UnitShown("民政部门", "responsible", "民政", "duty_paragraph"),
             UnitShown("开封市卫生健康委员会", "responsible", "卫生健康", "sole_issuer")]
    assert units_cell(units) == ("lead: 医保局; responsible: 民政部门 (inferred: duty paragraph); "
                                 "responsible: 开封市卫生健康委员会 (implied: sole issuer)")


# ------------------------------------------------------------------ the command

def test_adoption_csv_on_the_bundled_corpus(db_path):
    out = run("adoption", "先诊疗后付费", "--db", db_path, "--format", "csv")
    assert out.exit_code == 0, out.output
    text = out.output
    assert text.startswith("\ufeff# reference: 国卫扶贫发〔2021〕6号; lags in days after 2021-02-01")
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in text.lstrip("\ufeff").splitlines()
                                                     if not line.startswith("#")))))
    by_place = {r["locality"]: r for r in rows}
    assert by_place["连云港市"]["timing"] == PREDATES and by_place["连云港市"]["lag_days"] == ""
    assert by_place["神木市"]["lag_days"] == "189" and "先诊疗后付费" in by_place["神木市"]["quote"]
    assert by_place["广西壮族自治区"]["lag_days"] == "180"
    assert "(implied: sole issuer)" in by_place["开封市"]["units"]


def test_adoption_events_shape(db_path):
    out = run("adoption", "先诊疗后付费", "--events", "--db", db_path, "--format", "csv")
    assert out.exit_code == 0
    lines = [line for line in out.output.lstrip("\ufeff").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    assert lines[0].startswith("node,cascade,policy,time,day,level,parent")
    assert sorted(int(r["time"]) for r in rows) == [180, 189, 378, 511]  # 连云港 (predating) left out
    assert "1 undated or predating adoptions left out" in out.output


def test_adoption_picture_and_page(db_path, tmp_path):
    pytest.importorskip("matplotlib")
    out = run("adoption", "F03", "--db", db_path, "-o", tmp_path / "a.png")
    assert out.exit_code == 0, out.output
    assert (tmp_path / "a.png").stat().st_size > 10_000 and (tmp_path / "a-ladder.png").exists()
    out = run("adoption", "F03", "--db", db_path, "-o", tmp_path / "a.html", "--lang", "zh")
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert out.exit_code == 0 and page.count("<svg") == 2 and "早于参照文件" in page and "http" not in page.split(
        "<svg")[0]


def test_adoption_unknown_topic_is_a_usage_error(db_path):
    out = run("adoption", "无此措施", "--db", db_path)
    assert out.exit_code == 2 and "Error: 无此措施: no frame entry" in out.output


def test_adoption_markdown_and_xlsx_say_what_is_compared(db_path, tmp_path):
    out = run("adoption", "F03", "--db", db_path, "-o", tmp_path / "a.md")
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert out.exit_code == 0 and "> frame: national measure frame (derived from implementing notices)" in text
    assert "| F03 | 先诊疗后付费 | 神木市 | county | 2021-08-09 |" in text
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    assert run("adoption", "F03", "--db", db_path, "-o", tmp_path / "a.xlsx").exit_code == 0
    assert load_workbook(tmp_path / "a.xlsx").sheetnames == ["about", "adoptions", "summary"]


def test_level_keeps_the_parent_outside_the_selection_named(ladder, tmp_path):
    db, _, _ = ladder
    out = tmp_path / "c.json"
    assert run("adoption", "F04", "--level", "county", "--db", db, "-o", out).exit_code == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["adoptions"]
    assert rows and {r["level"] for r in rows} == {"county"}
    assert {r["from_parent"] for r in rows} == {"parent outside the selection"}
    assert all(r["parent_name"].endswith("号）") for r in rows)  # 六安市（市卫发〔2021〕100号）


def test_summary_on_the_bundled_corpus(db_path, tmp_path):
    out = tmp_path / "s.json"
    assert run("adoption", "先诊疗后付费", "--db", db_path, "-o", out).exit_code == 0
    summary = {s["level"]: s for s in json.loads(out.read_text(encoding="utf-8"))["summary"]}
    # 广西 180; 淮南 378 and 开封 511 (连云港 2018 predates: counted as adopting, not in the median); 神木 189
    assert (summary["provincial"]["adopting"], summary["provincial"]["median_lag_days"]) == (1, 180)
    assert summary["prefecture"]["median_lag_days"] == 444.5 and summary["prefecture"]["predates"] == 1
    assert summary["prefecture"]["share"] == 1.0 and summary["prefecture"]["notices"] == 3
    assert summary["county"]["median_lag_days"] == 189 and isinstance(summary["county"]["median_lag_days"], int)


@pytest.mark.parametrize("issued, reference, expected", [
    ("2021-02-20", "2021-02-25", (None, PREDATES)),   # a reference known to the day: five days before it predates
    ("2021-02-25", "2021-02-25", (0, AFTER)),          # its own day
    ("2021-03-01", "2021-02-25", (4, AFTER)),          # across a month end
])
def test_lag_of_a_reference_known_to_the_day(issued, reference, expected):
    assert lag_of(issued, reference) == expected


def test_an_entry_nobody_adopts_says_so(ladder, tmp_path):
    db, _, _ = ladder
    out = run("adoption", "F13", "--db", db, "--format", "csv")  # 尘肺病等职业病防控: no generated notice has it
    assert out.exit_code == 0 and "no notice covers F13 尘肺病等职业病防控" in out.output
    out = run("adoption", "F13", "--db", db, "-o", tmp_path / "x.png")
    assert out.exit_code == 1 and "nothing to draw" in out.output and not (tmp_path / "x.png").exists()


def test_adoption_parquet_for_pandas_and_r(db_path, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = run("adoption", "F03", "--db", db_path, "-o", tmp_path / "a.parquet")
    assert out.exit_code == 0, out.output
    table = pq.read_table(tmp_path / "a.parquet").to_pylist()
    shenmu = next(r for r in table if r["locality"] == "神木市")
    assert shenmu["lag_days"] == "189" and shenmu["timing"] == AFTER and "先诊疗后付费" in shenmu["quote"]
    assert next(r for r in table if r["locality"] == "连云港市")["lag_days"] is None  # predating: no lag, not 0


# ------------------------------------------------------------------ streamed (issue 32: 30,000 notices)

def _whole_table(db, fmt, events=False, lang="en"):
    """What the writers that hold every row write (the output before streaming), for comparison."""
    from policydiff import store
    from policydiff.cli import _adoption_ladder
    from policydiff.compare.adoption import about_lines, collect, keep_row, public, scan_ladder
    from policydiff.report import adoption as report
    from policydiff.report.export import to_markdown, write_csv

    entries = _frame_entries()
    ladder = _adoption_ladder(store.open_db(db), ())
    result = collect(scan_ladder(db, ladder, entries, {e["id"] for e in entries}, keep_row, 1), ladder, entries)
    about = about_lines(result, events)
    if fmt == "json":
        return json.dumps(public(result), ensure_ascii=False, indent=2) + "\n"
    rows, columns = report.table(result, fmt, lang, events)
    if fmt == "md":
        return to_markdown(rows, columns, "events" if events else "adoption (frame derived from implementing notices)",
                           about)
    buffer = io.StringIO()
    write_csv(rows, buffer, columns=columns, about=about)
    return buffer.getvalue()


def _frame_entries():
    from policydiff.cli import _load_frame

    return _load_frame(None)["entries"]


@pytest.mark.parametrize("fmt, events, lang", [
    ("csv", False, "en"),   # the table: quotes, units, parents with their citing words
    ("csv", True, "en"),    # events: the header counts the undated and predating adoptions left out
    ("csv", False, "zh"),   # column names and fixed values in Chinese
    ("md", False, "en"),    # Markdown: the about lines quoted above the table
    ("md", True, "en"),
    ("json", False, "en"),  # the whole result, its rows streamed into "adoptions"
])
def test_streamed_output_is_what_the_whole_table_writers_write(ladder, tmp_path, fmt, events, lang):
    db, _, _ = ladder
    out = tmp_path / f"a.{fmt}"
    args = ["adoption", "--db", db, "-o", out, "--lang", lang] + (["--events"] if events else [])
    assert run(*args).exit_code == 0
    written = out.read_bytes().decode("utf-8-sig" if fmt == "csv" else "utf-8")  # CSV rows end in \r\n
    assert written == _whole_table(db, fmt, events, lang).lstrip("\ufeff")


def test_streamed_csv_to_the_terminal_is_the_file(ladder, tmp_path):
    db, _, _ = ladder
    assert run("adoption", "--db", db, "-o", tmp_path / "a.csv").exit_code == 0
    shown = run("adoption", "--db", db, "--format", "csv")
    assert shown.output.replace("\r\n", "\n") == (tmp_path / "a.csv").read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("lazy", [
    False,  # every parent found before the scan
    True,   # each chunk's parents found as it is handed out (what the command does), the workers forked early
])
def test_more_workers_and_chunks_give_the_same_rows(ladder, monkeypatch, lazy):
    """Chunks of three notices on two workers: levels scanned one after the other, each row told
    whether its parent (scanned in an earlier chunk, by another worker) has its entry."""
    from policydiff import store
    from policydiff.cli import _adoption_ladder
    from policydiff.compare import adoption as A

    db, _, expected = ladder
    entries = _frame_entries()
    monkeypatch.setattr(A, "SCAN_CHUNK", 3)
    for workers in (1, 2):
        lad, find = _adoption_ladder(store.open_db(db), (), lazy=True) if lazy else \
            (_adoption_ladder(store.open_db(db), ()), None)
        chunks = A.scan_ladder(db, lad, entries, {e["id"] for e in entries}, A.keep_row, workers, find)
        if lazy:
            assert lad.parents == {}  # nothing found before the scan starts
        result = A.collect(chunks, lad, entries)
        assert list(lad.parents) == list(lad.facts)  # in corpus order again, as the JSON lists them
        assert json.dumps(A.public(result), ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


def test_parents_from_the_tables_are_those_of_the_records(ladder):
    """The ladder finds each notice's parent from the citations and texts tables, before any
    record is read: the same parent, verb and citing words as from the record."""
    from policydiff import store
    from policydiff.cli import _adoption_ladder, _document_index
    from policydiff.compare.adoption import NoticeFacts, find_parent, upstream_citations

    db_path, _, _ = ladder
    db = store.open_db(db_path)
    documents = {row["id"]: row for row in store.iter_document_rows(db)}
    resolve = _document_index(documents).resolve
    lad = _adoption_ladder(db, ())
    assert len(lad.parents) == len(documents) == 14
    for doc_id in documents:
        record = store.load_record(db, doc_id)
        facts = NoticeFacts(doc_id, record["locality"], record["admin_level"], record["issue_date"],
                            record["doc_number"], upstream=upstream_citations(record))
        assert lad.facts[doc_id].upstream == [{**c, "quote": None} for c in facts.upstream]  # only the parent's quoted
        assert lad.parents[doc_id] == find_parent(facts, resolve, documents)
    assert sum(p["in_corpus"] for p in lad.parents.values()) == 12  # each ladder: six notices below its province


@pytest.mark.parametrize("rows, offset, expected", [
    ([], 5, None),                                                          # no task table
    ([{"no": 1, "span": [10, 20]}], 5, None),                               # before the first row
    ([{"no": 1, "span": [10, 20]}], 10, 1),                                 # at its first character
    ([{"no": 1, "span": [10, 20]}], 500, 1),                                # the last row runs on (its lead cell)
    ([{"no": 1, "span": [10, 20]}, {"no": 2, "span": [30, 40]}], 25, 1),    # between rows: the earlier one's lead cell
    ([{"no": 1, "span": [10, 20]}, {"no": 2, "span": [30, 40]}], 30, 2),    # the next row starts
    ([{"no": 2, "span": [30, 40]}, {"no": 1, "span": [10, 20]}], 15, 1),    # rows out of order in the table
    ([{"no": 4, "span": [10, 20]}, {"no": 5, "span": [10, 25]}], 12, 4),    # two rows from one start: the first listed
])
def test_task_row_finder(rows, offset, expected):
    from policydiff.compare.align import task_row_finder

    assert task_row_finder(rows)(offset) == expected


# ------------------------------------------------------------------ what a parent diff may compare

@pytest.mark.parametrize("parent, child, same", [
    # the same rate, raised: compared
    (("签约服务覆盖率", ">=", 80, "%"), ("签约服务覆盖率", ">=", 85, "%"), True),
    # two different rates in one unit: never compared (a 报销比例 is no 签约率)
    (("住院费用报销比例", ">=", 90, "%"), ("签约服务覆盖率", ">=", 85, "%"), False),
    # a count with no measured noun: the same words
    (("大病专项救治病种", ">=", 30, "种"), ("大病专项救治病种", ">=", 34, "种"), True),
    # a count of another thing in the same unit
    (("大病专项救治病种", ">=", 30, "种"), ("重点慢性病", "=", 4, "种"), False),
    # another unit
    (("签约服务覆盖率", ">=", 80, "%"), ("签约服务覆盖率", ">=", 80, "个百分点"), False),
])
def test_a_parent_diff_compares_only_targets_of_one_indicator(parent, child, same):
    from policydiff.compare.adoption import TargetShown, _same_indicator

    a, b = (TargetShown(c, v, u, i, 0) for i, c, v, u in (parent, child))
    assert _same_indicator(a, b) is same


@pytest.mark.parametrize("units, expected", [
    # printed lead and 责任 units; a 配合 unit is not compared
    ([("市卫健委", "lead", "卫生健康", "inline_marker"), ("市民政局", "support", "民政", "inline_marker")], ["卫生健康"]),
    # 责任 units only
    ([("县医保局", "responsible", "医疗保障", "task_table"), ("县财政局", "responsible", "财政", "article_subject")],
     ["医疗保障", "财政"]),
    # inferred (duty paragraph) and implied (sole issuer) units are not compared
    ([("民政部门", "responsible", "民政", "duty_paragraph"), ("某县卫健局", "responsible", "卫生健康", "sole_issuer")], []),
])
def test_a_parent_diff_compares_printed_units_only(units, expected):
    from policydiff.compare.adoption import UnitShown, _units
    from policydiff.compare.diff import compared

    assert compared(_units({"units": [UnitShown(*u) for u in units]})) == expected


FORWARDED = ("青梧市卫生健康委员会关于做实家庭医生签约服务的通知\n青卫基层发〔2022〕12号\n各县（区）卫生健康局：\n"
             "一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到90%以上（牵头单位：市卫健委基层科）。\n"
             "二、落实先诊疗后付费。脱贫人口在县域内定点医疗机构住院实行先诊疗后付费（责任单位：市医保局）。\n"
             "青梧市卫生健康委员会\n2022年3月1日\n")
FORWARDING = ("桐江县卫生健康局关于转发青梧市卫生健康委员会做实家庭医生签约服务的通知\n桐卫发〔2022〕5号\n各镇卫生院：\n"
              "现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）转发给你们，请认真贯彻执行。\n"
              "一、做实签约服务。为脱贫人口提供家庭医生签约服务，签约服务覆盖率达到95%以上（责任单位：县卫健局基层股）。\n"
              "桐江县卫生健康局\n2022年3月20日\n")


def test_a_forwarding_notice_has_the_forwarded_document_for_parent(tmp_path):
    # 现将《…》（文号）转发给你们: the prefecture's notice is what the county carries out, one level up
    (tmp_path / "pref.txt").write_text(FORWARDED, encoding="utf-8")
    (tmp_path / "county.txt").write_text(FORWARDING, encoding="utf-8")
    db = tmp_path / "f.db"
    assert run("ingest", tmp_path, "--db", db, "--no-table").exit_code == 0
    out = json.loads(run("diff", "county", "--against", "parent", "--db", db, "--format", "json").output)
    assert (out["parent"]["doc_number"], out["parent"]["verb"], out["parent"]["levels_up"]) == (
        "青卫基层发〔2022〕12号", "转发", 1)
    states = {r["entry"]: (r["state"], r["targets"]) for r in out["entries"]}
    # the county forwards the prefecture's text and prints no item of its own for 先诊疗后付费: not dropped
    assert states["先诊疗后付费"][0] == "forwarded, not restated"
    assert states["家庭医生签约服务"] == ("kept", "strengthened: ≥90% → ≥95%")


# ------------------------------------------------------------------ which targets a parent diff row compares (probe d4)

SIGNING = {"id": "F21", "label": "家庭医生签约服务"}


@pytest.mark.parametrize("where, indicators, expected", [
    # a goals sentence shared by two topics: only the figure naming the entry (签约服务率), not the 病种 beside it
    ("goals only", ["大病专项救治病种", "脱贫人口家庭医生签约服务率"], ["脱贫人口家庭医生签约服务率"]),
    # an item it is merged into: the same, the other topics' figures left out
    ("inside another item", ["住院费用报销比例", "家庭医生签约服务覆盖率"], ["家庭医生签约服务覆盖率"]),
    # a sentence whose figures name other topics only: nothing compared (the quote still shows the sentence)
    ("goals only", ["大病专项救治病种"], []),
    # the entry's own item: every target it prints is the entry's
    ("own item", ["重点人群签约率", "随访次数"], ["重点人群签约率", "随访次数"]),
])
def test_a_parent_diff_row_compares_the_entrys_targets_only(where, indicators, expected):
    from policydiff.compare.adoption import TargetShown, _about

    row = {"where": where, "targets": [TargetShown(">=", 30, "%", i, n) for n, i in enumerate(indicators)]}
    assert [t.indicator for t in _about(SIGNING, row)] == expected


@pytest.mark.parametrize("units, expected", [
    # a printed lead: the name as printed, the function compared in brackets (probe d4 #4: functions only before)
    ([("lead", "市医疗保障局", "医保", "inline_marker")], "市医疗保障局（医保）"),
    # two printed names of one function: both shown, the function once
    ([("lead", "市卫健委", "卫生健康", "inline_marker"), ("lead", "市卫健委医政科", "卫生健康", "inline_marker")],
     "市卫健委、市卫健委医政科（卫生健康）"),
    # a name that is its function (民政部门 read as 民政 is not): no bracket repeating it; inferred said so
    ([("responsible", "民政", "民政", "duty_paragraph")], "民政 (inferred)"),
    # a printed 责任 unit: said to be responsible, not lead
    ([("responsible", "县财政局", "财政", "task_table")], "县财政局（财政） (responsible)"),
])
def test_units_are_shown_as_printed_with_the_function_compared(units, expected):
    from policydiff.compare.diff import lead_units, shown

    found = lead_units([{"units": [{"role": r, "raw": raw, "function": f, "source": s} for r, raw, f, s in units]}])
    assert shown(found) == expected


# ------------------------------------------------------------------ a notice printed in traditional characters

TRADITIONAL_PLAN = ("桐江縣衛生健康局關於印發桐江縣健康幫扶提升方案的通知\n桐衛發〔2021〕9號\n各鎮衛生院：\n一、主要任務\n"
                    "（三）做實家庭醫生簽約服務。一是做實脫貧人口家庭醫生簽約服務，重點人群簽約率達到80%以上（牽頭單位：縣衛健局基層股）。"
                    "二是加強遠程醫療建設，遠程醫療服務覆蓋率達到100%（牽頭單位：縣人民醫院）。\n"
                    "桐江縣衛生健康局\n2021年5月6日\n")


@pytest.mark.parametrize("frame_id, quote, units, indicators", [
    # its own item by its heading (the heading quoted, as printed), 一是's lead and figure
    ("F21", "做實家庭醫生簽約服務。", ["縣衛健局基層股"], ["重點人群簽約率"]),
    # merged into the item: 二是 quoted as printed, bracket whole
    ("F11", "二是加強遠程醫療建設，遠程醫療服務覆蓋率達到100%（牽頭單位：縣人民醫院）。", ["縣人民醫院"], ["遠程醫療服務覆蓋率"]),
])
def test_an_adoption_row_of_a_traditional_notice_quotes_it_as_printed(tmp_path, frame_id, quote, units, indicators):
    from conftest import ingested_texts

    db = ingested_texts(tmp_path, {"tong": TRADITIONAL_PLAN})
    for fmt in ("json", "csv", "md"):
        out = run("adoption", frame_id, "--db", db, "--format", fmt).output
        assert quote in out, fmt
    [row] = [r for r in json.loads(run("adoption", frame_id, "--db", db, "--format", "json").output)["adoptions"]]
    assert row["quote"] == quote
    assert [u["raw"] for u in row["units"]] == units and [t["indicator"] for t in row["targets"]] == indicators


def test_a_parent_diff_of_traditional_notices_compares_the_figures_as_printed(tmp_path):
    # the indicators come back as printed (覆蓋率): still read as one indicator with the parent's (覆盖率)
    from test_diff_clauses import CHILD, PARENT

    from conftest import ingested_texts
    from policydiff.traditional import traditional_forms

    db = ingested_texts(tmp_path, {"pref": PARENT, "county": traditional_forms(CHILD)})
    out = json.loads(run("diff", "county", "--against", "parent", "--db", db, "--format", "json").output)
    [row] = [r for r in out["entries"] if r["entry"] == "家庭医生签约服务"]
    assert (row["state"], row["targets"]) == ("kept", "strengthened: ≥80% → ≥85%")
    assert row["notice"] == "一 做實家庭醫生籤約服務。"  # the notice's side quoted as printed


def test_an_adoption_row_of_a_traditional_notice_gives_its_number_and_citing_sentence_as_printed(tmp_path):
    # the county forwards the prefecture's notice in traditional characters: its 文号 and 轉發 sentence as printed
    from test_diff_clauses import CHILD, PARENT

    from conftest import ingested_texts
    from policydiff.traditional import traditional_forms

    db = ingested_texts(tmp_path, {"pref": PARENT, "county": traditional_forms(CHILD)})
    rows = json.loads(run("adoption", "F21", "--db", db, "--format", "json").output)["adoptions"]
    [row] = [r for r in rows if r["doc_id"] == "county"]
    assert row["doc_number"] == "桐衛發〔2022〕5號" and row["from_parent"] == "from parent"
    assert row["parent"]["quote"] == traditional_forms(
        "现将《青梧市卫生健康委员会关于做实家庭医生签约服务的通知》（青卫基层发〔2022〕12号）转发给你们")


def test_a_diff_of_a_traditional_notice_quotes_it_as_printed(tmp_path):
    # its quote, units and where they are printed, in the characters the notice prints; the frame's words as they are
    from conftest import ingested_texts

    db = ingested_texts(tmp_path, {"tong": TRADITIONAL_PLAN})
    out = json.loads(run("diff", "tong", "--db", db, "--format", "json").output)
    assert out["document"]["doc_number"] == "桐衛發〔2021〕9號"
    [f21] = [e for e in out["entries"] if e["frame_id"] == "F21"]
    assert (f21["label"], f21["quote"]) == ("家庭医生签约服务", "做實家庭醫生簽約服務。")
    assert [u["raw"] for u in f21["local_units"]] == ["縣衛健局基層股"]
    assert f21["units_quote"].endswith("一是做實脫貧人口家庭醫生簽約服務，重點人群簽約率達到80%以上（牽頭單位：縣衛健局基層股）。")


def test_targets_across_quotes_a_traditional_notice_as_printed(tmp_path):
    # the figure's clause in the characters the notice prints; the column still compares it (30种 against ≥30种)
    from conftest import ingested_texts
    from policydiff.traditional import traditional_forms

    plan = ("桐江县卫生健康局关于印发桐江县健康帮扶提升方案的通知\n桐卫发〔2021〕9号\n各镇卫生院：\n一、主要任务\n"
            "（一）加强大病专项救治。大病专项救治病种扩大到30种，救治率保持在95%以上（牵头单位：县卫健局医政股）。\n"
            "桐江县卫生健康局\n2021年5月6日\n")
    db = ingested_texts(tmp_path, {"tong": traditional_forms(plan)})
    out = json.loads(run("targets", "--across", "--db", db, "--format", "json").output)
    rows = out["rows"] if isinstance(out, dict) else out
    [row] = [r for r in rows if r["indicator"].startswith("大病专项救治病种")]
    cell = next(iter(row["cells"].values()))
    assert cell["status"] == "stated" and cell["quote"] in traditional_forms(plan) and "病種" in cell["quote"]


# title_check: the title a citing sentence prints against the one stored under the 文号 it resolved by
TITLE_CHECK_ROWS = [
    # a forward whose 文号 belongs to another stored notice: other subject, other issuers -> flagged
    ("北岭省卫生健康委员会北岭省医疗保障局关于做好脱贫人口家庭医生签约服务工作的通知",
     "北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知", True),
    # the same title, punctuation and spaces apart -> agrees
    ("北岭省卫生健康委员会 关于做好脱贫人口“大病”专项救治工作的通知",
     "北岭省卫生健康委员会关于做好脱贫人口大病专项救治工作的通知", False),
    # a plan's title cited, stored wrapped in 关于印发…的通知 -> agrees
    ("北岭市巩固拓展健康扶贫成果实施方案",
     "北岭市卫生健康委员会关于印发《北岭市巩固拓展健康扶贫成果实施方案》的通知", False),
    # the title cited without its issuers (关于… only) -> agrees
    ("关于做好脱贫人口慢性病签约服务工作的通知",
     "北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知", False),
    # the issuers differ but the subject is the same (a joint notice stored under its lead issuer) -> agrees
    ("北岭省卫生健康委员会北岭省医疗保障局关于做好脱贫人口慢性病签约服务工作的通知",
     "北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知", False),
    # traditional characters cited, simplified stored -> agrees
    ("北嶺省衛生健康委員會關於做好脫貧人口大病專項救治工作的通知",
     "北岭省卫生健康委员会关于做好脱贫人口大病专项救治工作的通知", False),
    # a plan cited whose 文号 is another plan's -> flagged
    ("北岭市健康乡村建设三年行动方案",
     "北岭市卫生健康委员会关于印发《北岭市巩固拓展健康扶贫成果实施方案》的通知", True),
    # no title printed (the 文号 alone) -> nothing to check
    (None, "北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知", False),
]


@pytest.mark.parametrize(("cited", "stored", "differs"), TITLE_CHECK_ROWS)
def test_title_check_rows(cited, stored, differs):
    from policydiff.compare.adoption import title_check

    note = title_check(cited, {"title": stored, "doc_number": "北卫发〔2022〕3号"})
    assert bool(note) is differs
    if differs:  # both titles quoted
        assert f"《{cited}》" in note and "北卫发〔2022〕3号" in note and "《" + stored.strip("《》") in note


def test_find_parent_says_a_differing_title():
    from policydiff.compare.adoption import NoticeFacts, find_parent

    # a county forwarding the province's joint notice whose 文号 is stored for another province notice
    cited = "北岭省卫生健康委员会北岭省医疗保障局关于做好脱贫人口家庭医生签约服务工作的通知"
    documents = {"p": {"id": "p", "locality": "北岭省", "admin_level": "provincial", "doc_number": "北卫发〔2022〕3号",
                       "issue_date": "2022-04-18", "title": "北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知"}}
    facts = NoticeFacts("c", "南川县", "county", "2022-05-06", "南卫发〔2022〕9号",
                        upstream=[{"doc_number": "北卫发〔2022〕3号", "title": cited, "verb": "转发", "span": [5, 60],
                                   "quote": f"现将《{cited}》（北卫发〔2022〕3号）转发给你们", "preamble": True}])
    parent = find_parent(facts, lambda c: "p", documents)
    assert parent["id"] == "p" and "cited title differs" in parent["parent_check"]
    documents["p"]["title"] = cited  # the same title stored: no note
    assert "parent_check" not in find_parent(facts, lambda c: "p", documents)


PROVINCE_NOTICE = """北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知
北卫基层发〔2022〕7号
各市卫生健康委：
为巩固拓展健康扶贫成果，现就做好脱贫人口慢性病签约服务工作通知如下。
一、做实家庭医生签约服务。脱贫人口家庭医生签约率稳定在95%以上。
二、加强慢性病规范管理。高血压、糖尿病患者规范管理率达到70%。
北岭省卫生健康委员会
2022年4月18日
"""
# a county forwarding another joint notice whose 文号 it prints wrongly (the province's other notice's)
COUNTY_FORWARD = """南川县卫生健康局关于转发《北岭省卫生健康委员会北岭省医疗保障局关于做好脱贫人口大病专项救治工作的通知》的通知
南卫发〔2022〕11号
各镇卫生院：
现将《北岭省卫生健康委员会北岭省医疗保障局关于做好脱贫人口大病专项救治工作的通知》（北卫基层发〔2022〕7号）转发给你们，请认真贯彻执行。
一、做实家庭医生签约服务，做到应签尽签。
南川县卫生健康局
2022年5月6日
"""


def test_a_parent_whose_stored_title_differs_is_said_in_diff_and_adoption(tmp_path):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "province.txt").write_text(PROVINCE_NOTICE, encoding="utf-8")
    (folder / "county.txt").write_text(COUNTY_FORWARD, encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("ingest", folder, "--db", db, "--workers", "1", "--quiet").exit_code == 0
    diff = run("diff", "county", "--against", "parent", "--db", db)
    assert "parent_check: cited title differs" in diff.output  # the about line of every format
    assert "《北岭省卫生健康委员会关于做好脱贫人口慢性病签约服务工作的通知》" in diff.output.replace("\n", "")
    out = tmp_path / "a.csv"
    assert run("adoption", "--db", db, "-o", out).exit_code == 0
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if "南卫发" in line]
    assert rows and all("cited title differs" in line for line in rows)
