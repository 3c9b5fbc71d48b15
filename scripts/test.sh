#!/usr/bin/env bash
# Install what the tests need (a CJK font for the PDF renderings, the package with
# its test extra) and run the test suite. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: a CJK font (PDF renderings, graph pictures) and Chromium (the serve end-to-end test)
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || ! command -v chromium >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq fonts-wqy-microhei chromium >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test,web,ocr,dev]'
# lint and types first: they take seconds (rules in pyproject.toml; the same as .pre-commit-config.yaml)
.venv/bin/ruff check src tests benchmarks docs
.venv/bin/mypy
# the benchmark in a small size (the full run: python benchmarks/run.py, see benchmarks/RESULTS.md);
# a MISSED row is a performance goal not reached, printed as a measurement, not a failed test
.venv/bin/python benchmarks/run.py --n 40 --pdf 1 --no-write
# the property-based tests with a few hundred examples each
# (the full fuzz run is FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -m fuzz)
FUZZ_EXAMPLES="${FUZZ_EXAMPLES:-300}" .venv/bin/python -m pytest -q -m fuzz "$@"
# the whole suite last, so that its summary closes the output
.venv/bin/python -m pytest -q -m "not fuzz" "$@"
