"""Regenerate tests/golden/<id>.json from the bundled corpus.

Run after an intended change of the parser, then read the diff (git diff
tests/golden) as a reviewer would: every changed line is a changed answer.

    python tests/make_golden.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import ALL_IDS, CORPUS  # noqa: E402
from policydiff.parse import parse_file  # noqa: E402

GOLDEN = HERE / "golden"
VOLATILE = ("text", "source_map", "path", "encoding", "source_format", "page_count", "ocr")


def golden_view(record: dict) -> dict:
    """The parts of a record a golden file pins (everything but the text and I/O details)."""
    return {k: v for k, v in record.items() if k not in VOLATILE}


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for doc_id in ALL_IDS:
        record = parse_file(CORPUS / f"{doc_id}.txt", CORPUS)
        out = GOLDEN / f"{doc_id}.json"
        out.write_text(json.dumps(golden_view(record), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
