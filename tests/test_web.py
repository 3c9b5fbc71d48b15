"""Browse: the rendered notice, the Datasette metadata, and `policydiff serve`
end to end in headless Chromium."""

import asyncio
import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from conftest import SHENMU
from policydiff.cli import cli
from policydiff.query import ANSWER_COLUMNS
from policydiff.report.web import datasette_metadata, highlight_spans, render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_render_highlights_every_kind(records):
    page = render_html(records[SHENMU])
    for kind in ("measure", "unit", "target", "citation", "docnumber"):
        assert f'class="{kind}"' in page
    assert '<span class="docnumber" title="文号">神卫健发〔2021〕64号</span>' in page
    assert 'title="lead: 市卫健局公卫科"' in page


def test_highlight_spans_stay_inside_the_text(records):
    for record in records.values():
        for start, end, _, _ in highlight_spans(record):
            assert 0 <= start < end <= len(record["text"])


def test_metadata_has_canned_queries_and_facets():
    meta = datasette_metadata()["databases"]["policydiff"]
    assert set(meta["queries"]) == {"who", "who_exact", "duties", "matrix"}
    assert "admin_level" in meta["tables"]["documents"]["facets"]
    assert meta["tables"]["measures"]["fts_table"] == "measures_fts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(corpus_db):
    pytest.importorskip("datasette", reason="install the web extra: pip install -e '.[web]'")
    db = corpus_db()
    graphs = db.parent / "graphs"
    assert CliRunner().invoke(cli, ["graph", "--db", str(db), "--format", "html", "-o", str(graphs)]).exit_code == 0
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policydiff.cli", "serve", "--db", str(db), "--port", str(port),
                             "--graphs", str(graphs)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_served_who_query_json(served):
    url = served + "/policydiff/who.json?_shape=array&topic=" + urllib.parse.quote("先诊疗后付费")
    rows = json.loads(urllib.request.urlopen(url, timeout=10).read())
    assert {"市卫健局公卫科", "医政处", "自治区卫生健康委"} <= {r["unit"] for r in rows}


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is installed by scripts/test.sh")
def test_served_who_page_in_headless_chromium(served, tmp_path):
    url = served + "/policydiff/who?topic=" + urllib.parse.quote("先诊疗后付费")
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=60).stdout
    assert "市卫健局公卫科" in dom and "神木市卫生健康局公卫科" in dom
    shot = tmp_path / "who.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=1400,1000",
                    f"--screenshot={shot}", url], capture_output=True, timeout=60)
    assert shot.stat().st_size > 20_000


@pytest.fixture(scope="module")
def browser(corpus_db):
    """The Datasette app `policydiff serve` runs (same metadata, same plugin), in process."""
    pytest.importorskip("datasette", reason="install the web extra: pip install -e '.[web]'")
    from datasette.app import Datasette

    from policydiff.report.web import PLUGINS_DIR

    db = corpus_db()
    app = Datasette([str(db)], metadata=datasette_metadata("policydiff"), plugins_dir=str(PLUGINS_DIR))

    def get(query: str, **params) -> list[dict]:
        url = f"/policydiff/{query}.json?_shape=array&_size=max&" + urllib.parse.urlencode(params)
        response = asyncio.run(app.client.get(url))
        assert response.status_code == 200, response.text
        return response.json()

    return db, get


def _cli_csv(db, *args) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--csv"])
    assert result.exit_code == 0, result.output
    return [dict(row) for row in csv.DictReader(io.StringIO(result.output.lstrip("\ufeff")))]


def _same(rows: list[dict]) -> list[tuple]:
    return [tuple("" if row[c] is None else str(row[c]) for c in ANSWER_COLUMNS) for row in rows]


@pytest.mark.parametrize("topic", ["先诊疗后付费", "两癌", "医保", "远程医疗", "公共卫生委员会", "健康素养"])
def test_browser_who_agrees_with_the_command_line(browser, topic):
    db, get = browser
    rows = get("who", topic=topic)
    assert rows and all(row["doc_id"] and row["path"] for row in rows)
    assert _same(rows) == _same(_cli_csv(db, "who", topic))
    assert _same(get("who_exact", topic=topic)) == _same(_cli_csv(db, "who", topic, "--exact"))


@pytest.mark.parametrize("unit", ["民政局", "医保", "公共卫生科", "老年科", "医政处", "各市"])
def test_browser_duties_agree_with_the_command_line(browser, unit):
    db, get = browser
    rows = get("duties", unit=unit)
    assert rows and all(row["doc_id"] and row["path"] for row in rows)
    assert _same(rows) == _same(_cli_csv(db, "duties", unit))


@pytest.mark.parametrize("doc", ["连云港", "神木"])
def test_browser_matrix_agrees_with_the_command_line(browser, doc):
    db, get = browser
    result = CliRunner().invoke(cli, ["matrix", doc, "--db", str(db), "--format", "json"])
    wide = json.loads(result.output)
    cells = [(row["path"], unit, role) for row in wide for unit, role in row.items()
             if unit not in ("序号", "path", "工作任务") and role]
    assert [(r["path"], r["unit"], r["role"]) for r in get("matrix", doc=doc)] == cells


def test_served_graph_pages_are_linked_and_load_in_chromium(served, tmp_path):
    index = urllib.request.urlopen(served + "/", timeout=10).read().decode()
    assert 'href="/graphs/citation.html"' in index and 'href="/graphs/responsibility.html"' in index
    page = urllib.request.urlopen(served + "/graphs/citation.html", timeout=10).read().decode()
    assert "国卫扶贫发〔2021〕6号" in page
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is installed by scripts/test.sh")
    url = served + "/graphs/citation.html#search=" + urllib.parse.quote("国卫扶贫发") + "&click=" + urllib.parse.quote(
        "国卫扶贫发〔2021〕6号")
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=60).stdout
    assert '<span class="ref">桂卫基层发〔2021〕5号</span>' in dom
