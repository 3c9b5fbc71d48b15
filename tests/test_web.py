"""Browse: the rendered notice, the Datasette metadata, and `policydiff serve`
end to end in headless Chromium."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from conftest import CORPUS, SHENMU
from policydiff.cli import cli
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
    assert set(meta["queries"]) == {"who", "duties", "matrix"}
    assert "admin_level" in meta["tables"]["documents"]["facets"]
    assert meta["tables"]["measures"]["fts_table"] == "measures_fts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    pytest.importorskip("datasette", reason="install the web extra: pip install -e '.[web]'")
    db = tmp_path_factory.mktemp("serve") / "policydiff.db"
    assert CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(db), "--workers", "1"]).exit_code == 0
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
    import json

    rows = json.loads(urllib.request.urlopen(url, timeout=10).read())
    assert {"市卫健局公卫科", "医政处", "自治区卫生健康委"} <= {r["unit_as_printed"] for r in rows}


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
