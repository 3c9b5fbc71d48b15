"""Scanned notices: image-only PDFs (the official-layout renderings rasterised at
150 dpi, with specks and a slight rotation on some pages) read through OCR."""

from concurrent.futures import ProcessPoolExecutor

import pytest

from conftest import ALL_IDS
from policydiff.parse import parse_file
from policydiff.read import ocr
from renderings.scan import scan_pdf

pytestmark = pytest.mark.skipif(not ocr.available(), reason="OCR extra not installed: pip install -e '.[ocr]'")

DOCUMENT_KEYS = ["doc_number", "title", "issuers", "issue_date"]


def _scan_and_parse(job):
    pdf, out = job
    return parse_file(scan_pdf(pdf, out), out.parent)


@pytest.fixture(scope="module")
def scanned(pdf_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("scans")
    jobs = [(pdf_dir / f"{d}.pdf", folder / f"{d}_scan.pdf") for d in ALL_IDS]
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(zip(ALL_IDS, pool.map(_scan_and_parse, jobs)))


@pytest.mark.parametrize("doc_id", ALL_IDS)
def test_scans_recover_document_keys_exactly(records, scanned, doc_id):
    assert {k: scanned[doc_id][k] for k in DOCUMENT_KEYS} == {k: records[doc_id][k] for k in DOCUMENT_KEYS}
    assert scanned[doc_id]["ocr"] is True
    assert all(c > 0.9 for c in scanned[doc_id]["ocr_page_confidence"])


def test_scans_recover_90_percent_of_measures_units_and_targets(records, scanned, capsys):
    def share(key_of, items_of):
        found = wanted = 0
        for d in ALL_IDS:
            want = [key_of(x) for x in items_of(records[d])]
            got = {key_of(x) for x in items_of(scanned[d])}
            wanted += len(want)
            found += sum(1 for x in want if x in got)
        return found / wanted

    paths = share(lambda m: m["path"], lambda r: r["measures"])
    units = share(lambda u: u, lambda r: [(m["path"], u["unit"], u["role"]) for m in r["measures"]
                                          for u in m["unit_mentions"]])
    targets = share(lambda t: (t["path"], t["value"], t["unit"], t["comparator"]), lambda r: r["targets"])
    with capsys.disabled():
        print(f"\nOCR recovery: measure paths {paths:.1%}, units {units:.1%}, targets {targets:.1%}")
    assert paths >= 0.9 and units >= 0.9 and targets >= 0.9


def test_the_scanned_task_table_is_read_row_for_row(records, scanned):
    rows = scanned[ALL_IDS[4]]["task_table"]
    assert [(r["no"], r["lead"]) for r in rows] == [(r["no"], r["lead"]) for r in records[ALL_IDS[4]]["task_table"]]


@pytest.mark.parametrize("raw, repaired", [
    ("神卫健发〔2021】64号", "神卫健发〔2021〕64号"),  # 〔〕 read as 〔】
    ("国卫扶贫发［2021]6号", "国卫扶贫发〔2021〕6号"),
    ("淮卫办〔2022〕7", "淮卫办〔2022〕7号"),  # a dropped 号
    ("各镇人民政府丶街道办事处", "各镇人民政府、街道办事处"),  # 、 read as 丶
    ("覆盖率达到９０%", "覆盖率达到90%"),  # full-width digits
])
def test_repair_line(raw, repaired):
    assert ocr.repair_line(raw) == repaired


def test_ocr_reports_progress_per_page(pdf_dir, tmp_path, caplog):
    import logging

    scan = scan_pdf(pdf_dir / f"{ALL_IDS[2]}.pdf", tmp_path / "k.pdf", max_pages=2)
    with caplog.at_level(logging.INFO, logger="policydiff.read"):
        record = parse_file(scan, tmp_path)
    assert f"{scan}: OCR page 1/2" in caplog.text and f"{scan}: OCR page 2/2" in caplog.text
    assert record["ocr"] is True and len(record["ocr_page_confidence"]) == 2
