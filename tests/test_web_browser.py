"""The web UI in a real browser: Playwright drives Debian's chromium (headless)
against ``gaiko serve``'s app on 127.0.0.1, over a store holding the seed corpus
ingested through the real pipeline.  Each page is saved as a screenshot: into a
temporary folder, or into docs/screenshots/ when GAIKO_SCREENSHOTS=docs/screenshots
is set (how the README's pictures are refreshed), so a test run never dirties the tree.

Skipped when /usr/bin/chromium, the playwright package or the shared seeds are
missing (`.ci/run` installs chromium; Playwright never downloads a browser here).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / os.environ["GAIKO_SCREENSHOTS"] if os.environ.get("GAIKO_SCREENSHOTS") else None
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does)", allow_module_level=True)
if not SEEDS.is_dir():
    pytest.skip(f"the seed corpus {SEEDS} is missing", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = pytest.mark.parser

PASTED = (
    "北朝鮮、ロシア外相と会談\n\n"
    "北朝鮮の崔善姫外相は3日、平壌でロシアのラブロフ外相と会談した。"
    "両外相は両国の協力関係をさらに強化することで一致した。\n\n"
    "崔外相は来月モスクワを訪問する予定だ。"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The seeds ingested as `gaiko run` does, then the app under uvicorn in a thread."""
    import uvicorn

    from gaiko.documents import load_documents
    from gaiko.ingest import ingest_documents
    from gaiko.options import Options
    from gaiko.records import Document
    from gaiko.store import Store
    from gaiko.web import WebOptions, create_app

    db = str(tmp_path_factory.mktemp("web") / "seeds.duckdb")
    options = Options(progress=False)
    docs = [d for d in load_documents([str(SEEDS)], options) if isinstance(d, Document)]
    summary = ingest_documents(db, docs, options)
    assert summary["events_added"] > 10
    store = Store(db)
    port = free_port()
    app = create_app(store, WebOptions(pipeline=options, host="127.0.0.1"))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, locale="ja-JP")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    # a CSP violation or a script error shows up as a console error
    assert errors == []


def shot(page, name: str, full_page: bool = False) -> None:
    import tempfile

    folder = SCREENSHOTS or Path(tempfile.gettempdir()) / "gaiko-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 1000, f"{path}: an empty screenshot"


def test_events_table_and_actor_filter(page):
    page.goto("/")
    rows = page.locator("tr.event-row")
    assert rows.count() > 10
    assert page.locator("tr.event-row.status-planned").count() >= 1
    shot(page, "events")
    page.fill("input[name=actor]", "Choe Son Hui")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Choe"))
    assert "other=" not in page.url  # empty fields are left out of the URL (app.js)
    n = rows.count()
    assert 0 < n < 15
    for i in range(n):
        assert "Choe Son Hui" in rows.nth(i).inner_text()
    shot(page, "events-filtered")


def test_event_page_highlights_evidence(page):
    page.goto("/?actor=Choe%20Son%20Hui&type=SUPPORT")
    page.locator("tr.event-row td.evidence a").first.click()
    page.wait_for_url(re.compile(r"/events/ev"))
    mark = page.locator("mark.evidence.current").first
    assert mark.is_visible()  # app.js scrolls the article to it
    evidence = page.locator(".evidence-text").inner_text()
    assert mark.inner_text().strip() in evidence or evidence in mark.inner_text()
    assert page.locator("a.source-url").count() + page.locator("p.meta code").count() >= 1
    shot(page, "event", full_page=True)


def test_network_click_a_node(page):
    page.goto("/network")
    nodes = page.locator("svg#network a.node")
    assert nodes.count() >= 5
    assert page.locator("svg#network line.edge").count() >= 4
    shot(page, "network")
    target = page.locator('svg#network a.node[href="/actors/Kim%20Jong%20Un"]')
    target.hover()
    assert page.locator("svg#network line.edge.lit").count() >= 1  # app.js lights its edges
    target.locator("circle").click()
    page.wait_for_url(re.compile(r"/actors/Kim%20Jong%20Un$"))
    assert page.locator("h1.actor-name").inner_text() == "Kim Jong Un"
    assert page.locator("table.counterparts tbody tr").count() >= 2
    shot(page, "actor", full_page=True)


def test_timeline(page):
    page.goto("/timeline")
    assert page.locator("svg.chart rect.bar").count() >= 10
    shot(page, "timeline")
    page.goto("/timeline?actor=PRK&other=RUS")
    assert page.locator("svg.chart rect.bar").count() >= 2
    shot(page, "timeline-dyad")


def test_paste_an_article(page):
    page.goto("/paste")
    page.fill("textarea[name=text]", PASTED)
    page.fill("input[name=published]", "2024-12-04")
    page.fill("input[name=title]", "北朝鮮、ロシア外相と会談 <b>(test)</b>")
    page.click("#paste-submit")
    page.wait_for_selector("section.pasted", timeout=60_000)
    heading = page.locator("section.pasted h2").inner_text()
    assert re.search(r"Found [1-9]\d* events?", heading), heading
    assert "<b>(test)</b>" in heading  # the title is shown as text
    rows = page.locator("section.pasted table.found tr.event-row")
    assert rows.count() >= 1
    text = page.locator("section.pasted table.found").inner_text()
    assert "Choe Son Hui" in text and "Sergey Lavrov" in text
    assert "2024-12-03" in text  # 「3日」 resolved against the publication date
    assert page.locator("section.pasted table.events:not(.found) tr.event-row").count() >= 1  # as stored
    shot(page, "paste", full_page=True)
    page.locator("section.pasted h2 a").click()
    assert page.locator("a.evidence.other").count() >= 1  # the document page marks its evidence
    shot(page, "document", full_page=True)


# -- issue 18: the map, the country-level network, the normalised timeline, CSV -----------
#
# These pages are about counts over many documents, so their server holds every
# development corpus (seeds, livedoor, news: some seventy articles over several years).

DEV_CORPORA = [SHARED / "corpus" / name for name in ("seeds", "livedoor", "news")]


@pytest.fixture(scope="module")
def server_all(tmp_path_factory):
    import uvicorn

    from gaiko.documents import load_documents
    from gaiko.ingest import ingest_documents
    from gaiko.options import Options
    from gaiko.records import Document
    from gaiko.store import Store
    from gaiko.web import WebOptions, create_app

    if not all(p.is_dir() for p in DEV_CORPORA):
        pytest.skip("a development corpus is missing")
    db = str(tmp_path_factory.mktemp("web-all") / "dev.duckdb")
    options = Options(progress=False)
    docs = [d for d in load_documents([str(p) for p in DEV_CORPORA], options) if isinstance(d, Document)]
    ingest_documents(db, docs, options)
    store = Store(db)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store, WebOptions(pipeline=options, host="127.0.0.1")),
                                        host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture
def page_all(browser, server_all):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server_all, locale="ja-JP",
                                  accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == []


def _view_box(page, selector: str) -> list[float]:
    return [float(v) for v in page.locator(selector).get_attribute("viewBox").split()]


def test_map_of_event_places_zooms(page_all):
    page_all.goto("/map")
    markers = page_all.locator("svg#world-map a.marker")
    assert markers.count() >= 5  # Pyongyang, Moscow, Havana, Singapore … where the extractor names a place
    assert page_all.locator("svg#world-map path.country").count() > 150
    assert page_all.locator("table.places tbody tr").count() == markers.count()
    shot(page_all, "map", full_page=True)
    before = _view_box(page_all, "svg#world-map")
    page_all.locator("svg#world-map").hover()
    page_all.mouse.wheel(0, -400)
    page_all.wait_for_function("document.getElementById('world-map').getAttribute('viewBox') !== '%s'"
                           % " ".join(f"{v:g}" for v in before))
    assert _view_box(page_all, "svg#world-map")[2] < before[2]  # zoomed in
    page_all.click('.zoom-controls[data-for="world-map"] button[data-zoom="reset"]')
    assert _view_box(page_all, "svg#world-map")[2] == before[2]


def test_country_level_network_labels_apart_and_zoom(page_all):
    page_all.goto("/network?level=country")
    nodes = page_all.locator("svg#network .node")
    assert nodes.count() >= 4
    assert page_all.locator('svg#network .node[data-node="PRK"]').count() == 1
    assert page_all.locator('svg#network .node[data-node="kimjongun"]').count() == 0
    boxes = page_all.evaluate("""() => Array.from(document.querySelectorAll('svg#network text.node-label'))
        .map(t => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })""")
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1]
    assert overlaps == []
    shot(page_all, "network-country", full_page=True)
    before = _view_box(page_all, "svg#network")
    page_all.click('.zoom-controls[data-for="network"] button[data-zoom="in"]')
    assert _view_box(page_all, "svg#network")[2] < before[2]
    page_all.click("#level-toggle a")
    page_all.wait_for_url(re.compile(r"/network\?max_nodes=40$"))
    assert page_all.locator('svg#network .node[data-node="kimjongun"]').count() == 1


def test_normalised_timeline_shows_documents(page_all):
    page_all.goto("/timeline?normalise=true")
    assert page_all.locator("svg.chart rect.bar").count() >= 5
    assert page_all.locator("svg.chart polyline.documents-line").count() == 1
    title = page_all.locator("svg.chart rect.bar title").first.text_content()
    assert "per 100 documents" in title
    shot(page_all, "timeline-normalised")


def test_events_list_downloads_its_filter_as_csv(page_all):
    import csv
    import io

    page_all.goto("/?type=CONSULT")
    with page_all.expect_download() as info:
        page_all.click("#csv-download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["type"] for r in rows} == {"CONSULT"}
    assert any(r["latitude"] for r in rows)
