#!/usr/bin/env bash
# Set up policydiff and run the main job on the bundled corpus: ingest every notice
# into extracted/policydiff.db (+ one JSON record each) and print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e .
.venv/bin/policydiff ingest corpus/ --no-table   # the run's totals; the documents are listed once, below
.venv/bin/policydiff docs
