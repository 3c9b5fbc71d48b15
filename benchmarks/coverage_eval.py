"""Score `diff DOC --format json` coverage claims against our hand judgement.

    python benchmarks/coverage_eval.py            # prints precision / recall per claim kind

The judgement (tests/data/coverage_judgement.json) says, for each of the 21 frame
entries and each bundled notice, whether the notice commits to the topic anywhere.
A claim is "covered" by the entry's `covered` key (older outputs: a status other than omitted).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

JUDGEMENT = ROOT / "tests" / "data" / "coverage_judgement.json"
NOT_COVERED = {"omitted", "not found"}


def load_judgement(path: Path = JUDGEMENT) -> dict[tuple[str, str], bool]:
    rows = json.loads(path.read_text(encoding="utf-8"))["judgements"]
    return {(r["doc_id"], r["frame_id"]): r["covered"] for r in rows}


def score(claims: dict[tuple[str, str], bool], truth: dict[tuple[str, str], bool]) -> dict:
    """Precision of "omitted" claims, accuracy of all claims, recall of covered topics."""
    keys = [k for k in truth if k in claims]
    omitted = [k for k in keys if not claims[k]]
    right_omitted = sum(1 for k in omitted if not truth[k])
    covered_truth = [k for k in keys if truth[k]]
    return {"rows": len(keys),
            "omitted_claims": len(omitted),
            "omitted_precision": right_omitted / len(omitted) if omitted else 1.0,
            "omitted_recall": right_omitted / max(1, sum(1 for k in keys if not truth[k])),
            "covered_recall": sum(1 for k in covered_truth if claims[k]) / max(1, len(covered_truth)),
            "accuracy": sum(1 for k in keys if claims[k] == truth[k]) / max(1, len(keys)),
            "wrong": sorted(k for k in keys if claims[k] != truth[k])}


def claims_of(results: list[dict]) -> dict[tuple[str, str], bool]:
    """(doc id, frame id) → covered? from diff results (the JSON of `diff DOC`)."""
    return {(r["document"]["id"], e["frame_id"]): e.get("covered", e["status"] not in NOT_COVERED)
            for r in results for e in r["entries"]}


def run() -> dict:
    from policydiff.compare.diff import diff_document, reference_from_frame
    from policydiff.compare.frame import load_frame
    from policydiff.parse import parse_file

    corpus = ROOT / "corpus"
    records = {p.stem: parse_file(p, corpus) for p in sorted(corpus.glob("*.txt"))}
    reference = reference_from_frame(load_frame(), records)
    results = [json.loads(json.dumps(diff_document(r, reference), ensure_ascii=False, default=str))
               for r in records.values()]
    return score(claims_of(results), load_judgement())


def main() -> None:
    result = run()
    print(f"coverage vs hand judgement ({result['rows']} rows): "
          f"omitted precision {result['omitted_precision']:.2f} ({result['omitted_claims']} claims), "
          f"omitted recall {result['omitted_recall']:.2f}, covered recall {result['covered_recall']:.2f}, "
          f"all claims {result['accuracy']:.2f}")
    for doc_id, frame_id in result["wrong"]:
        print(f"  wrong: {doc_id} {frame_id}")


if __name__ == "__main__":
    main()
