"""Notices printed in traditional characters read as their simplified originals do.

The bundled notices are turned into traditional characters here (OpenCC's s2t, the library the
reader uses the other way round); the header rows are invented notices in traditional characters.
"""

import functools

import pytest

from conftest import CORPUS, GUANGXI, HUAINAN, KAIFENG, SHENMU
from policydiff.models import NormalisedText, SourceText
from policydiff.parse import parse_source, parse_text
from policydiff.read import read
from policydiff.traditional import is_traditional, printed_characters, to_simplified


@functools.cache
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


def traditional(text: str) -> str:
    converted = _s2t().convert(text)
    assert len(converted) == len(text)  # the test's spans compare only if s2t keeps every offset
    return converted


@functools.cache
def both(doc_id: str) -> tuple[dict, dict]:
    """The record of a bundled notice and of its traditional rendering."""
    source = read(CORPUS / f"{doc_id}.txt")
    printed = SourceText(path=source.path, text=traditional(source.text), encoding=source.encoding)
    return parse_source(source), parse_source(printed)


def responsible_ids(record: dict) -> list[list[str]]:
    """Each measure's units as canonical ids, by role (printed and inferred: Huainan's come from its
    duty paragraph and are kept out of the printed lists)."""
    units = record["unit_map"]
    return [[sorted(units[u["unit"]]["id"] for u in m["unit_mentions"] if u["role"] == role and u["unit"] in units)
             for role in ("lead", "support", "responsible")] for m in record["measures"]]


# Guangxi (a province, 自治区 names), Kaifeng (a prefecture), Shenmu (a county-level city), Huainan
# (a prefecture whose text has line breaks inside phrases that normalisation joins)
CORPUS_IDS = [GUANGXI, KAIFENG, SHENMU, HUAINAN]
SAME_FIELDS = ["locality", "admin_level", "parent_locality", "locality_chain", "locality_code", "issue_date",
               "print_date", "genre"]


@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_a_traditional_rendering_resolves_the_same_place_and_dates(doc_id):
    simplified, printed = both(doc_id)
    assert printed["locality"] is not None
    assert {k: printed[k] for k in SAME_FIELDS} == {k: simplified[k] for k in SAME_FIELDS}
    assert printed["script"] == "traditional" and "script" not in simplified


@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_a_traditional_rendering_keeps_the_fields_as_printed(doc_id):
    simplified, printed = both(doc_id)
    # a 文号 is shown as printed, 號 and all (its brackets written 〔〕); lookups read 號 as 号
    assert printed["doc_number"] == traditional(simplified["doc_number"])
    assert printed["title"] == traditional(simplified["title"])
    assert printed["issuers"] == [traditional(i) for i in simplified["issuers"]]
    assert printed["text"] == traditional(simplified["text"])


@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_a_traditional_rendering_finds_the_same_measures_units_and_targets(doc_id):
    simplified, printed = both(doc_id)
    assert [m["path"] for m in printed["measures"]] == [m["path"] for m in simplified["measures"]]
    assert [m["span"] for m in printed["measures"]] == [m["span"] for m in simplified["measures"]]
    assert responsible_ids(printed) == responsible_ids(simplified)
    assert any(any(roles) for roles in responsible_ids(printed)) or doc_id == KAIFENG  # Kaifeng names none
    fields = [(t["path"], t["value"], t["comparator"], t["deadline_year"], t["binding"], t["span"])
              for t in simplified["targets"]]
    assert [(t["path"], t["value"], t["comparator"], t["deadline_year"], t["binding"], t["span"])
            for t in printed["targets"]] == fields


@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_every_span_points_at_the_same_characters_as_printed(doc_id):
    simplified, printed = both(doc_id)
    text = printed["text"]
    for item in printed["measures"] + printed["targets"] + printed["citations"]:
        assert text[slice(*item["span"])] == traditional(simplified["text"][slice(*item["span"])])
    for target in printed["targets"]:  # a target's quoted text is the printed text at its span
        assert target["text"] in text[slice(*target["span"])] or text[slice(*target["span"])] in target["text"]


def test_a_simplified_notice_is_not_taken_for_traditional():
    # simplified notices with a traditional character in a name (乾, 著 are written both ways) or
    # a quoted traditional place name stay simplified
    assert not is_traditional("广西壮族自治区卫生健康委员会关于印发乾县方案的通知，显著提升")
    assert not is_traditional("转发《臺灣地區》资料的通知：各县卫生健康局要认真贯彻落实，做好相关工作")
    assert is_traditional("關於印發鞏固拓展健康扶貧成果的通知")


def test_a_line_the_phrase_table_would_lengthen_falls_back_to_characters(monkeypatch):
    class Lengthening:
        def convert(self, line):
            return line + "X"
    monkeypatch.setattr("policydiff.traditional._converter", lambda: Lengthening())
    assert to_simplified("縣衛生局\n關於") == "县卫生局\n关于"


def test_characters_the_normaliser_wrote_are_kept():
    # (一) in the source became （一）: the bracket is the normaliser's, the 縣 the notice's
    assert printed_characters("縣（一）", [0, 1, 2, 3], "縣(一)", "县(一)") == "縣（一）"


HEADERS = [
    # a county bureau's notice: 文號 with 號, title 關於印發…的通知, addressee 各鄉鎮衛生院 (a real county, invented notice)
    ("county", "恩施市衛生健康局文件\n恩市衛發〔2022〕12號\n恩施市衛生健康局關於印發健康幫扶工作方案的通知\n"
               "各鄉鎮衛生院：\n現將方案印發給你們，請認真貫徹落實。\n恩施市衛生健康局\n2022年3月1日\n",
     {"doc_number": "恩市衛發〔2022〕12號", "title": "恩施市衛生健康局關於印發健康幫扶工作方案的通知",
      "issuers": ["恩施市衛生健康局"], "issue_date": "2022-03-01", "addressees": ["各鄉鎮衛生院"], "genre": "通知",
      "locality": "恩施市", "admin_level": "county", "parent_locality": "恩施土家族苗族自治州"}),
    # a province's joint notice: 自治區 names, two issuers in the signature, date in Chinese numerals
    ("province", "寧夏回族自治區衛生健康委員會\n寧夏回族自治區醫療保障局\n寧衛發〔2021〕88號\n"
                 "關於做好脫貧人口家庭醫生簽約服務的通知\n各市、縣（區）衛生健康局、醫療保障局：\n"
                 "一、提高簽約覆蓋面。到2025年，簽約服務覆蓋率達到80%以上。\n"
                 "寧夏回族自治區衛生健康委員會  寧夏回族自治區醫療保障局\n二〇二一年六月三十日\n",
     {"doc_number": "寧衛發〔2021〕88號", "issue_date": "2021-06-30", "genre": "通知",
      "locality": "宁夏回族自治区", "admin_level": "provincial", "parent_locality": "中华人民共和国"}),
    # an invented prefecture (青梧市): its 意見 genre, 牽頭/配合 markers, a district addressee (區)
    ("invented prefecture", "青梧市人民政府辦公室\n梧政辦發〔2023〕4號\n青梧市人民政府辦公室關於健康幫扶的實施意見\n"
                            "各縣（區）人民政府，市直各部門：\n"
                            "一、加強組織領導。各地要建立工作機制。（牽頭單位：市衛生健康委；配合單位：市財政局、市醫保局）\n"
                            "青梧市人民政府辦公室\n2023年2月10日\n",
     {"doc_number": "梧政辦發〔2023〕4號", "title": "青梧市人民政府辦公室關於健康幫扶的實施意見", "genre": "意见",
      "issue_date": "2023-02-10", "addressees": ["各縣（區）人民政府", "市直各部門"]}),
]


@pytest.mark.parametrize(("name", "text", "expected"), HEADERS, ids=[h[0] for h in HEADERS])
def test_traditional_header_shapes(name, text, expected):
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    assert {k: record[k] for k in expected} == expected
    # the same header in simplified characters gives the same fields, in simplified characters
    simplified = to_simplified(text)
    plain = parse_text(NormalisedText(simplified, list(range(len(simplified) + 1))))
    assert {k: plain[k] for k in expected} == {k: to_simplified(v) if isinstance(v, str) else
                                               [to_simplified(x) for x in v] if isinstance(v, list) else v
                                               for k, v in expected.items()}


def test_lead_and_support_markers_in_traditional_characters():
    text = HEADERS[2][1]
    record = parse_text(NormalisedText(text, list(range(len(text) + 1))))
    (measure,) = record["measures"]
    assert (measure["lead_units"], measure["support_units"]) == (["市衛生健康委"], ["市財政局", "市醫保局"])
    # the units' canonical ids and functions are the table's, in simplified characters
    assert record["unit_map"]["市衛生健康委"]["function"] == "卫生健康"
    assert record["unit_map"]["市醫保局"]["function"] == "医疗保障"


@pytest.mark.parametrize("doc_id", [GUANGXI, HUAINAN])
def test_a_traditional_rendering_is_compared_as_its_original(doc_id):
    """The frame, its terms and the coverage patterns are simplified: a notice printed in traditional
    characters is compared through its simplified rendering, with the same statuses and spans."""
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import FRAME_PATH, load_frame

    simplified, printed = (dict(record, id=doc_id) for record in both(doc_id))
    reference = reference_from_frame(load_frame(FRAME_PATH), {doc_id: simplified})
    original, rendering = diff_document(simplified, reference), diff_document(printed, reference)
    def found(result):
        return [(e["frame_id"], e["status"], [(m["path"], m["span"], m["score"]) for m in e["local"]])
                for e in result["entries"]]
    assert found(rendering) == found(original)
    assert [a["span"] for a in rendering["additions"]] == [a["span"] for a in original["additions"]]
    assert any(e["status"] != "omitted" for e in rendering["entries"])
    # what it quotes is quoted as printed: each item's evidence is the printed text at its span
    for e in rendering["entries"]:
        for m in e["local"]:
            assert printed["text"][m["span"][0]:m["span"][1]].startswith(m["evidence"])
        for piece in (e["quote"] or "").split("…"):
            assert piece in printed["text"].replace("\n", "") or piece in printed["text"]


def test_a_traditional_rendering_meets_the_frame_in_the_responsibility_graph():
    from policydiff.compare.frame import FRAME_PATH, load_frame
    from policydiff.graph import responsibility_graph

    simplified, printed = (dict(record, id=GUANGXI) for record in both(GUANGXI))
    entries = load_frame(FRAME_PATH)["entries"]

    def frame_ids(record):
        graph = responsibility_graph([record], frame_entries=entries)
        return [d["frame_id"] for _, d in graph.nodes(data=True) if d["kind"] == "measure"]

    assert frame_ids(printed) == frame_ids(simplified) and any(frame_ids(printed))


@pytest.fixture(scope="module")
def duty_db(tmp_path_factory):
    """A database of Shenmu and Huainan: each as printed and in a traditional rendering."""
    from click.testing import CliRunner

    from policydiff.cli import cli

    folder = tmp_path_factory.mktemp("trad")
    for doc_id in (SHENMU, HUAINAN):
        source = read(CORPUS / f"{doc_id}.txt")
        (folder / f"{doc_id}.txt").write_text(source.text, encoding="utf-8")
        (folder / f"{doc_id}_t.txt").write_text(traditional(source.text), encoding="utf-8")
    db = folder / "p.db"
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers", "1"]).exit_code == 0
    return db


@pytest.mark.parametrize("doc_id, topic, title", [
    # county, traditional: 財政局負責…, the verb as printed (it was 財政局负责…, 负责 written in by the query)
    (f"{SHENMU}_t", "资金保障", "財政局負責做好資金保障"),
    # prefecture, traditional: a two-part unit list before its 負責
    (f"{HUAINAN}_t", "远程医疗网络", "通信管理部門、單位負責協調推進遠程醫療網絡"),
    # county, simplified: the same clause, its span the clause's (it was the unit's start and the duty's length)
    (SHENMU, "资金保障", "财政局负责做好资金保障"),
])
def test_a_duty_answer_quotes_its_clause_as_printed(duty_db, doc_id, topic, title):
    import json

    from click.testing import CliRunner

    from policydiff.cli import cli
    from policydiff.store import open_db

    result = CliRunner().invoke(cli, ["who", topic, "--db", str(duty_db), "--doc", doc_id, "--json"])
    duty = next(a for a in json.loads(result.output) if a["kind"] == "duty" and a["doc_id"] == doc_id)
    text = open_db(duty_db).execute("select text from texts where doc_id = ?", [doc_id]).fetchone()[0]
    assert duty["title"].startswith(title) and duty["evidence"] == duty["title"]
    assert text[duty["span"][0]:duty["span"][1]] == duty["title"]  # the notice's own characters, where it says


def test_a_number_printed_with_hao_in_traditional_script_resolves_either_way():
    from policydiff.graph import DocumentIndex

    index = DocumentIndex([{"id": "a", "doc_number": "澜衛發〔2021〕3號", "title": "關於做好健康幫扶的通知"}])
    assert index.resolve({"doc_number": "澜衛發〔2021〕3号"}) == "a"  # cited with 号, printed 號
    assert index.resolve({"doc_number": "澜衛發〔2021〕3號"}) == "a"  # cited as printed


TERMS_AS_PRINTED = [
    # (an item of a county notice printed in traditional characters, the entry it covers)
    # its own item by heading: the heading's terms (診療, 後付費) said as the quote prints them
    ("（一）完善住院先診療後付費政策。在縣域內住院的脫貧人口實行先診療後付費。", "先诊疗后付费"),
    # inside an item on another topic by a cue phrase (專項救治) in its sentence
    ("（一）做好醫療保障。對脫貧人口中的大病患者實行專項救治，救治病種達到30種。", "大病专项救治"),
    # a signing item by the cue 簽約服務 in its sentence
    ("（一）夯實基層網底。做實脫貧人口家庭醫生簽約服務。", "家庭医生签约服务"),
]


@pytest.mark.parametrize("item, label", TERMS_AS_PRINTED, ids=[r[1] for r in TERMS_AS_PRINTED])
def test_the_terms_said_as_matched_are_printed_in_the_quote(item, label):
    """diff and adoption quote a traditional notice as printed; the terms beside the quote are printed there too
    (後付費, not the simplified 后付费 that matched its rendering)."""
    from policydiff.compare.adoption import notice_adoptions
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import FRAME_PATH, load_frame

    text = ("桐溪縣衛生健康局關於做好健康幫扶工作的通知\n桐衛發〔2023〕3號\n各鄉鎮衛生院：\n現將有關事項通知如下。\n"
            "一、重點任務\n" + item + "\n桐溪縣衛生健康局\n2023年3月1日\n")
    record = {**parse_source(SourceText("t.txt", text)), "id": "t"}
    frame = load_frame(FRAME_PATH)
    row = next(e for e in diff_document(record, reference_from_frame(frame, {}))["entries"] if e["label"] == label)
    adopted = next(r for r in notice_adoptions(record, frame["entries"], upstream=False)[0] if r["label"] == label)
    for quote, terms in ((row["quote"], row["matched_terms"]), (row["coverage"]["quote"], row["coverage"]["matched_terms"]),
                         (adopted["quote"], adopted["matched_terms"])):
        assert terms and all(t in quote for t in terms), (quote, terms)
