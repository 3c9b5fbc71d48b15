"""Per-field agreement of web pages with their plain text, over renderings of the bundled notices.

Each notice is rendered as a page (tests/renderings/gov_html.py): the plain page, a gov.cn
table layout with its information box, a provincial div layout (gb2312) with a ``label：value``
box, the table layout with a 95,000-character data table annexed inside the article, and the div
layout with such a table shown beside the article (which the page must not read). Each
page is parsed and compared field by field with the record of the same text read as ``.txt``;
the box is compared with what the rendering printed; self-citations are counted.

    PYTHONPATH=src python benchmarks/html_eval.py

Measured (2026-11-30): every field 5/5 in every rendering, boxes 5/5, no self-citation. The reader
before issue 19 (commit b4331ec) on the same pages: table layout 0/5 on title, 文号, issuers, date,
addressees, locality, citations, measures, targets; the 95k table beside the article taken for it
(title, issuers, measures 0/5); no box read.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from policydiff.parse import parse_file  # noqa: E402
from renderings.gov_html import (  # noqa: E402
    box_fields,
    data_table_html,
    render_div_layout,
    render_page,
    render_table_layout,
    with_data_table,
)

FIELDS = ["title", "body_title", "doc_number", "issuers", "issue_date", "print_date", "addressees", "locality",
          "admin_level", "citations", "measures", "division_of_duties", "targets", "task_table", "annex_indicators"]
ANNEX_PREVIEW = data_table_html(with_data_table(""))
# name -> (page of the notice's text, the text the page should read as, the box's style)
RENDERINGS = {
    "plain page": (lambda text, out: render_page(text, out), str, None),
    "table layout + box": (lambda text, out: render_table_layout(text, out), str, "table"),
    "div layout + box (gb2312)": (lambda text, out: render_div_layout(text, out), str, "div"),
    "table + 95k table in article": (lambda text, out: render_table_layout(with_data_table(text), out),
                                     with_data_table, "table"),
    "div + 95k table beside": (lambda text, out: render_div_layout(text, out, annex=ANNEX_PREVIEW), str, "div"),
}


def without_spans(value):
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k not in ("span", "spans")}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


def evaluate(folder: Path) -> dict[str, dict[str, list[bool]]]:
    """rendering -> field -> one agreement per notice (plus 'box' and 'no self-citation')."""
    results: dict[str, dict[str, list[bool]]] = {name: {} for name in RENDERINGS}
    for source in sorted((ROOT / "corpus").glob("*.txt")):
        original = source.read_text(encoding="utf-8")
        for name, (render, text_of, box_style) in RENDERINGS.items():
            text = text_of(original)
            plain_path = folder / f"{source.stem}_{len(text)}.txt"
            plain_path.write_text(text, encoding="utf-8")
            plain = parse_file(plain_path, folder)
            page = parse_file(render(original, folder / f"{source.stem}_{abs(hash(name))}.html"), folder)
            scores = results[name]
            for field in FIELDS:
                scores.setdefault(field, []).append(without_spans(page[field]) == without_spans(plain[field]))
            if box_style:
                box = {key: value for key, value in page.get("source_metadata", {}).items() if not key.endswith("_iso")}
                scores.setdefault("box", []).append(box == box_fields(text, box_style))  # the ISO forms are derived
            own = {page["doc_number"], page.get("source_metadata", {}).get("doc_number")} - {None}
            scores.setdefault("no self-citation", []).append(not any(c["doc_number"] in own for c in page["citations"]))
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = evaluate(Path(tmp))
    names = list(results)
    fields = [*FIELDS, "box", "no self-citation"]
    print(f"{'field':<20}" + "".join(f"{name:>30}" for name in names))
    for field in fields:
        cells = []
        for name in names:
            agreed = results[name].get(field)
            cells.append(f"{sum(agreed)}/{len(agreed)}" if agreed else "-")
        print(f"{field:<20}" + "".join(f"{cell:>30}" for cell in cells))


if __name__ == "__main__":
    main()
