"""Field accuracy of the header stage on the synthetic headers and signature blocks
(tests/header_cases.py): title, 文号, issuers, date, addressees. Reported, not asserted.

    PYTHONPATH=src python benchmarks/header_eval.py [-v]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from header_cases import CASES, HELD_OUT

from policydiff.normalise import normalise
from policydiff.parse import parse_text

FIELDS = {"title": "title", "doc_number": "doc_number", "issuers": "issuers", "date": "issue_date",
          "addressees": "addressees"}


def record_of(text: str) -> dict:
    return parse_text(normalise(text))


def main(verbose: bool = False) -> None:
    print("tuned set (tests/header_cases.py CASES)")
    evaluate(CASES, verbose)
    print("\nheld-out set (HELD_OUT: written after tuning)")
    evaluate(HELD_OUT, verbose)


def evaluate(cases, verbose: bool) -> None:
    scores = {name: [0, 0] for name in FIELDS}
    self_citations = 0
    for case, text, expected in cases:
        record = record_of(text)
        own = {record["doc_number"]}
        self_citations += sum(1 for c in record["citations"] if c["doc_number"] and c["doc_number"] in own)
        for name, key in FIELDS.items():
            if key not in expected:
                continue
            scores[name][1] += 1
            if record[key] == expected[key]:
                scores[name][0] += 1
            elif verbose:
                print(f"{case} {key}: got {record[key]!r}, expected {expected[key]!r}")
    total = [sum(v[0] for v in scores.values()), sum(v[1] for v in scores.values())]
    for name, (right, n) in scores.items():
        print(f"{name:<11} {right:>3}/{n:<3} {right / n:6.1%}")
    print(f"{'all':<11} {total[0]:>3}/{total[1]:<3} {total[0] / total[1]:6.1%}   "
          f"({len(cases)} cases; self-citations: {self_citations})")


if __name__ == "__main__":
    main("-v" in sys.argv)
