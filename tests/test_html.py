"""The HTML pages: they render, they escape untrusted text, they send a CSP that
forbids inline script, and they carry no inline script of their own."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

from fastapi.testclient import TestClient

from gaiko.web import WebOptions, create_app
from gaiko.web.fixtures import HOSTILE_ACTOR




def event_id(client, **params):
    return client.get("/api/events", params=params).json()["events"][0]["id"]


def pages(client):
    hostile = event_id(client, country="XSS")
    return [
        "/", "/?actor=JPN", "/?q=img", "/timeline", "/timeline?actor=PRK", "/network", "/actors",
        "/actors/JPN", "/actors/" + quote(HOSTILE_ACTOR["id"], safe=""), "/documents",
        "/documents/hostile.txt", "/documents/sanctions/2024/usa.html", "/paste", "/events/" + hostile,
        "/events/" + event_id(client, type="COOPERATE"), "/nope", "/events/nope", "/?type=BAD",
    ]


class Collector(HTMLParser):
    """Every element and attribute, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    c = Collector()
    c.feed(html)
    return c.tags


def test_pages_render(client):
    for path in pages(client):
        response = client.get(path)
        expected = 404 if path in ("/nope", "/events/nope") else 422 if "BAD" in path else 200
        assert response.status_code == expected, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), path
        assert "<title>" in response.text


def test_every_response_sends_a_csp_without_inline_script(client):
    for path in [*pages(client), "/static/app.js", "/static/style.css", "/api/events", "/openapi.json"]:
        csp = client.get(path).headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'", path
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert directives["default-src"] == "'none'" and directives["object-src" if "object-src" in directives
                                                                    else "default-src"] == "'none'"
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_handlers(client):
    for path in pages(client):
        for tag, attrs in parse(client.get(path).text):
            if tag == "script":
                assert attrs.get("src", "").startswith("/static/"), (path, attrs)
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "http://cdn", "//")), (path, tag, attrs)


def test_hostile_text_stays_text(client):
    """The fixture document has <script> and "><img onerror=…> in its title, text,
    publisher and URL, and an actor whose id and text carry markup."""
    for path in pages(client):
        html = client.get(path).text
        tags = parse(html)
        assert [t for t, _ in tags].count("script") == 1, path  # only /static/app.js
        assert not [a for t, a in tags if t == "img"], path
        assert not [a for t, a in tags if t == "b"], path
        assert "<script>alert" not in html and "<img src=x" not in html, path
    event = client.get("/events/" + event_id(client, country="XSS")).text
    assert "&lt;script&gt;alert(" in event            # the title, escaped, still readable
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in event  # the evidence, escaped
    assert 'href="javascript:' not in event and "source: javascript:alert(3)" in event  # shown, never linked
    actor = client.get("/actors/" + quote(HOSTILE_ACTOR["id"], safe="")).text
    assert "Evil &#34;&gt;&lt;img" in actor


def test_untrusted_json_stays_json(client):
    ev = client.get("/api/events", params={"country": "XSS"}).json()["events"][0]
    assert ev["target"][0]["id"] == HOSTILE_ACTOR["id"]  # the API returns data as is, as JSON
    response = client.get("/api/documents/hostile.txt")
    assert response.headers["content-type"] == "application/json"


def test_events_table_shows_precision_and_status(client):
    html = client.get("/").text
    assert ">2024-11<" in html and "2024-11-01" not in html  # a month stays a month
    assert ">2025<" in html and "2025-01" not in html
    assert 'class="event-row status-planned"' in html and 'class="event-row status-possible"' in html
    assert 'class="event-row status-occurred"' in html
    assert "prec-undated" in html and ">undated<" in html


def test_filters_narrow_the_table(client):
    html = client.get("/", params={"actor": "USA"}).text
    rows = re.findall(r'<tr class="event-row', html)
    assert len(rows) == 2 and "SANCTION" in html and "会談" not in html


def test_event_page_highlights_the_evidence_in_the_article(client):
    html = client.get("/events/" + event_id(client, type="COOPERATE")).text
    assert re.search(r'<mark class="evidence current">両首脳は協力関係を強化することで一致した。</mark>', html)
    # the other events of the same article are marked too, as links to their pages
    assert re.search(r'<a class="evidence other" href="/events/ev[0-9a-f]+"[^>]*>北朝鮮の金正恩', html)
    assert 'href="https://example.com/news/kim-putin"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "2024-11-04" in html and "(day precision" in html


def test_planned_event_is_marked(client):
    html = client.get("/events/" + event_id(client, status="planned")).text
    assert 'class="notice status-planned"' in html and "<strong>planned</strong>" in html
    assert "(year precision" in html


def test_timeline_svg(client):
    html = client.get("/timeline").text
    bars = re.findall(r'<rect [^>]*class="bar"', html)
    assert len(bars) == 4  # CONSULT, COOPERATE, SANCTION in 2024-11; CONSULT in 2024-12
    assert "#cb181d" in html  # SANCTION in its conflict colour
    assert "dated only to a year" in html and "undated" in html
    assert 'href="/?since=2024-11&amp;until=2024-11&amp;type=SANCTION"' in html


def test_network_svg_links_nodes_to_actor_pages(client):
    html = client.get("/network").text
    links = re.findall(r'<a href="(/actors/[^"]+)" class="node"', html)
    assert "/actors/Kim%20Jong%20Un" in links and "/actors/PRK" in links
    assert re.search(r'<line [^>]*stroke="#[0-9a-f]{6}"[^>]*class="edge"', html)
    assert client.get(links[0]).status_code == 200


def test_actor_page(client):
    html = client.get("/actors/Kim%20Jong%20Un").text
    assert "Counterparts" in html and "/actors/Vladimir%20Putin" in html
    assert "leaning-cooperation" in html and '<svg class="chart"' in html


def test_paste_form_and_its_errors(client):
    form = client.get("/paste").text
    assert 'enctype="multipart/form-data"' in form and 'name="published"' in form and 'type="file"' in form
    empty = client.post("/paste", data={"text": ""})
    assert empty.status_code == 422 and "paste an article" in empty.text
    bad = client.post("/paste", data={"text": "本文<script>x</script>", "published": "20241"})
    assert bad.status_code == 422 and "&lt;script&gt;x&lt;/script&gt;" in bad.text  # the text comes back escaped
    big = TestClient(create_app(client.app.state.store, WebOptions(max_body_bytes=500)))
    too_large = big.post("/paste", data={"text": "あ" * 1000}, headers={"Accept": "text/html"})
    assert too_large.status_code == 413 and "too large" in too_large.text
    assert too_large.headers["content-type"].startswith("text/html")


def test_static_assets_are_local(client):
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    css = client.get("/static/style.css").text
    assert "http" not in css and "@import" not in css
    assert "http" not in js.text


# -- issue 18: the map, the network's level and zoom, the timeline's documents ------------


def test_map_page_draws_countries_and_places(client):
    html = client.get("/map").text
    assert html.count('class="country') > 150  # the world's outlines, drawn on the server
    markers = re.findall(r'<a href="([^"]+)" class="marker" data-place="([^"]+)"', html)
    assert {name for _, name in markers} == {"Vladivostok", "Moscow", "Japan"}
    assert 'data-country="RUS" ' not in html and 'class="country active" data-country="RUS"' in html
    assert "RU.59" in html and "2013348" in html  # the table: division and GeoNames id
    assert "onerror=alert(1)>" not in html  # a hostile place name stays text
    assert 'id="world-map" class="world-map zoomable"' in html


def test_network_labels_keep_apart_and_the_level_toggles(client):
    html = client.get("/network").text
    assert 'class="network zoomable"' in html and 'data-zoom="in"' in html
    assert 'href="/network?max_nodes=40&amp;level=country"' in html
    country = client.get("/network", params={"level": "country"}).text
    nodes = re.findall(r'class="node" data-node="([^"]+)"', country)
    assert "PRK" in nodes and "kimjongun" not in nodes


def test_network_layout_uses_the_canvas_and_separates_labels():
    from gaiko.web import charts

    # a main cluster of 12 actors and a far-off pair: the cluster must still fill the canvas
    names = [f"Actor number {i}" for i in range(12)] + ["Lone A", "Lone B"]
    net = {"nodes": [{"id": n, "label": n, "events": 10 - i % 5, "score": 0.2} for i, n in enumerate(names)],
           "edges": [{"source": names[i], "target": names[(i + 1) % 12], "events": 2, "score": 0.3}
                     for i in range(12)] + [{"source": "Lone A", "target": "Lone B", "events": 1, "score": -0.4}]}
    g = charts.network_graph(net)
    main = [n for n in g.nodes if n["id"].startswith("Actor")]
    xs, ys = [n["x"] for n in main], [n["y"] for n in main]
    assert max(xs) - min(xs) > 0.6 * g.width and max(ys) - min(ys) > 0.5 * g.height

    def box(n):
        w = charts.label_width(n["label"])
        left = {"middle": n["lx"] - w / 2, "start": n["lx"], "end": n["lx"] - w}[n["anchor"]]
        return left, n["ly"] - 11, left + w, n["ly"] + 3

    boxes = [box(n) for n in g.nodes]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (a, b)


def test_consult_support_and_agree_colours_differ_in_hue():
    import colorsys

    from gaiko.plover import TYPE_COLOURS

    def hue(colour):
        r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return colorsys.rgb_to_hsv(r, g, b)[0] * 360

    hues = [hue(TYPE_COLOURS[t]) for t in ("CONSULT", "SUPPORT", "AGREE")]
    for i, a in enumerate(hues):
        for b in hues[i + 1:]:
            assert min(abs(a - b), 360 - abs(a - b)) >= 20, hues


def test_timeline_page_shows_documents_and_normalises(client):
    html = client.get("/timeline").text
    assert 'class="documents-line"' in html and "documents published" in html
    normal = client.get("/timeline", params={"normalise": "true"}).text
    assert "Events per 100 documents" in normal and "50 events per 100 documents" in normal
    assert 'id="csv-download"' in client.get("/").text
