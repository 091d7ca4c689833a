"""The JSON API (``/api``), through FastAPI's TestClient, over a store built in code."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gaiko.records import PLOVER_TYPES
from gaiko.web import WebOptions, create_app




def ids_of(rows):
    return {(r["type"], r["status"]) for r in rows}


# -- events ----------------------------------------------------------------------------


def test_events_lists_all_with_paging(client):
    body = client.get("/api/events").json()
    assert body["count"] == 7 and body["total"] == 7 and body["next_offset"] is None
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["count"] == 3 and first["next_offset"] == 3
    rest = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    again = client.get("/api/events", params={"limit": 3, "offset": 6}).json()
    ids = [e["id"] for e in first["events"] + rest["events"] + again["events"]]
    assert len(ids) == len(set(ids)) == 7
    assert again["next_offset"] is None


def test_events_have_the_record_fields(client):
    ev = client.get("/api/events", params={"type": "SANCTION"}).json()["events"][0]
    for key in ("id", "doc", "type", "mode", "status", "source", "target", "date", "date_end", "date_text",
                "location", "evidence", "mentions", "sources"):
        assert key in ev
    assert ev["date"] == "2024-11"  # month precision stays month precision
    assert ev["source"][0]["id"] == "USA" and ev["target"][0]["id"] == "PRK"


@pytest.mark.parametrize("params, expected", [
    ({"actor": "Kim Jong Un"}, {("CONSULT", "occurred"), ("COOPERATE", "occurred"), ("CONSULT", "planned")}),
    ({"actor": "PRK"}, {("CONSULT", "occurred"), ("COOPERATE", "occurred"), ("CONSULT", "planned"),
                        ("SANCTION", "occurred"), ("ACCUSE", "occurred")}),
    ({"type": "CONSULT", "status": "planned"}, {("CONSULT", "planned")}),
    ({"type": ["SANCTION", "ACCUSE"]}, {("SANCTION", "occurred"), ("ACCUSE", "occurred")}),
    ({"type": "sanction,accuse"}, {("SANCTION", "occurred"), ("ACCUSE", "occurred")}),
    ({"since": "2024-11-10", "until": "2024-11-30"}, {("SANCTION", "occurred")}),
    ({"country": "CHN"}, {("COERCE", "possible")}),
    ({"dyad": ["USA", "PRK"]}, {("SANCTION", "occurred"), ("ACCUSE", "occurred")}),
    ({"actor": "Kim Jong Un", "other": "RUS", "status": "occurred"},
     {("CONSULT", "occurred"), ("COOPERATE", "occurred")}),
    ({"q": "制裁"}, {("SANCTION", "occurred")}),
    ({"q": "プーチン 一致"}, {("COOPERATE", "occurred")}),
])
def test_event_filters(client, params, expected):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert ids_of(response.json()["events"]) == expected


@pytest.mark.parametrize("params, needle", [
    ({"type": "HUG"}, "type: unknown PLOVER type 'HUG'"),
    ({"status": "rumoured"}, "status: unknown status 'rumoured'"),
    ({"since": "2024-13"}, "since: month out of range"),
    ({"until": "yesterday"}, "until: not a date"),
    ({"since": "2024-12", "until": "2024-01"}, "is before since"),
    ({"dyad": "USA"}, "dyad: needs exactly two actors"),
    ({"other": "RUS"}, "other: needs actor="),
    ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
    ({"limit": 100000}, "limit: Input should be less than or equal to 500"),
    ({"offset": -1}, "offset: Input should be greater than or equal to 0"),
    ({"limit": "many"}, "limit: Input should be a valid integer"),
    ({"min_sources": 0}, "min_sources"),
])
def test_bad_parameters_are_422_with_a_message(client, params, needle):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert needle in response.json()["detail"]


def test_one_event_with_mentions_and_sources(client):
    ev = client.get("/api/events", params={"type": "COOPERATE"}).json()["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["id"] == ev["id"]
    [mention] = detail["mentions"]
    assert mention["text"] == "両首脳は協力関係を強化することで一致した。"  # offsets into the cleaned text
    [doc] = detail["documents"]
    assert doc["id"] == "kim-putin.txt" and doc["url"] == "https://example.com/news/kim-putin"
    assert doc["text"][mention["start"]:mention["end"]] == mention["text"]
    assert detail["sources"] == 1 and detail["score"] > 0


def test_unknown_event_is_404(client):
    response = client.get("/api/events/ev-nope")
    assert response.status_code == 404 and "no event" in response.json()["detail"]


# -- actors, documents -----------------------------------------------------------------


def test_actors_with_counts(client):
    actors = client.get("/api/actors").json()
    by_id = {a["id"]: a["events"] for a in actors}
    assert by_id["Kim Jong Un"] == 3 and by_id["PRK"] == 2
    assert client.get("/api/actors", params={"limit": 2}).json().__len__() == 2
    assert client.get("/api/actors", params={"limit": 0}).status_code == 422


def test_one_actor(client):
    kim = client.get("/api/actors/Kim Jong Un").json()
    assert kim["events"] == 3 and kim["label"] == "Kim Jong Un"
    assert [c["ref"] for c in kim["counterparts"]] == ["Vladimir Putin"]
    assert kim["counterparts"][0]["leaning"] == "cooperation"
    assert kim["monthly"]["counts"] == [{"month": "2024-11", "type": "CONSULT", "count": 1},
                                        {"month": "2024-11", "type": "COOPERATE", "count": 1}]
    assert kim["monthly"]["year_only"] == 1  # the planned 2025 visit is not placed on a month
    assert client.get("/api/actors/Nobody").status_code == 404


def test_documents_list_and_cleaned_text(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    assert {d["id"] for d in body["documents"]} == {"kim-putin.txt", "sanctions/2024/usa.html", "hostile.txt"}
    assert all("text" not in d for d in body["documents"])
    doc = client.get("/api/documents/sanctions/2024/usa.html").json()  # ids may hold slashes
    assert doc["text"].startswith("米国、北朝鮮に追加制裁")
    assert {e["type"] for e in doc["events"]} == {"SANCTION", "ACCUSE"}
    assert client.get("/api/documents/sanctions%2F2024%2Fusa.html").status_code == 200


@pytest.mark.parametrize("path", [
    "/api/documents/../../../../etc/passwd",
    "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/documents//etc/passwd",
    "/api/documents/%2Fetc%2Fpasswd",
    "/documents/..%2F..%2Fpyproject.toml",
    "/documents/%2Fetc%2Fhostname",
])
def test_document_ids_are_never_paths(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text


# -- network, timeline, types ------------------------------------------------------------


def test_network(client):
    net = client.get("/api/network").json()
    nodes = {n["ref"]: n for n in net["nodes"]}
    assert nodes["Kim Jong Un"]["events"] == 3
    edge = next(e for e in net["edges"] if {e["source"], e["target"]} == {nodes["Kim Jong Un"]["id"],
                                                                          nodes["Vladimir Putin"]["id"]})
    assert edge["events"] == 3 and edge["leaning"] == "cooperation"
    usa = next(e for e in net["edges"] if {e["source"], e["target"]} == {nodes["USA"]["id"], nodes["PRK"]["id"]})
    assert usa["leaning"] == "conflict" and usa["score"] < 0
    small = client.get("/api/network", params={"max_nodes": 2}).json()
    assert len(small["nodes"]) == 2
    assert client.get("/api/network", params={"max_nodes": 1}).status_code == 422
    assert client.get("/api/network", params={"q": "x"}).status_code == 422


def test_timeline_for_actor_and_dyad(client):
    dyad = client.get("/api/timeline", params={"dyad": ["USA", "PRK"]}).json()
    assert dyad["months"] == ["2024-11"]
    assert dyad["counts"] == [{"month": "2024-11", "type": "SANCTION", "count": 1}]
    assert dyad["undated"] == 1  # the undated ACCUSE is counted apart, not guessed
    everything = client.get("/api/timeline").json()
    assert everything["months"] == ["2024-11", "2024-12"]
    assert client.get("/api/timeline", params={"actor": "JPN", "since": "bad"}).status_code == 422


def test_types_scores(client):
    types = client.get("/api/types").json()
    assert {t["type"] for t in types} == set(PLOVER_TYPES)
    score = {t["type"]: t["score"] for t in types}
    assert all(score[t] > 0 for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"))
    assert all(score[t] < 0 for t in ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                                      "COERCE", "ASSAULT"))
    assert -0.3 < score["REQUEST"] <= 0


def test_openapi_schema(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor}",
                 "/api/documents", "/api/documents/{doc_id}", "/api/network", "/api/timeline"):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "since", "until", "status", "country", "dyad", "min_sources", "limit", "offset"} <= params
    assert not any(p == "/" or p.startswith("/events") for p in paths)  # pages stay out of the schema


# -- ingest: guards and limits (the pipeline itself runs in test_web_browser.py) ---------------


def test_ingest_refused_on_a_public_address_without_allow_ingest(store):
    client = TestClient(create_app(store, WebOptions(host="0.0.0.0")))
    response = client.post("/api/documents", data={"text": "本文"})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["detail"]
    assert "Ingest is off" in client.get("/paste").text


def test_ingest_needs_the_token(store):
    client = TestClient(create_app(store, WebOptions(token="s3cret")))
    assert client.post("/api/documents", data={"text": "本文"}).status_code == 401
    wrong = client.post("/api/documents", data={"text": "本文"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "token" in wrong.json()["detail"]


def test_ingest_refuses_cross_origin_posts(client):
    response = client.post("/api/documents", data={"text": "本文"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403 and "cross-origin" in response.json()["detail"]
    fetched = client.post("/api/documents", data={"text": "本文"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert fetched.status_code == 403 and "cross-origin" in fetched.json()["detail"]


def test_ingest_with_nothing_to_read_is_422(client):
    response = client.post("/api/documents", data={"text": "  "})
    assert response.status_code == 422 and "paste an article" in response.json()["detail"]
    bad_date = client.post("/api/documents", data={"text": "本文", "published": "2024-02-30"})
    assert bad_date.status_code == 422 and "published" in bad_date.json()["detail"]


def test_request_bodies_over_the_limit_are_413(store):
    client = TestClient(create_app(store, WebOptions(max_body_bytes=1000)))
    big = "あ" * 2000
    response = client.post("/api/documents", data={"text": big})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"] and "1,000 bytes" in response.json()["detail"]
    upload = client.post("/api/documents", files={"file": ("a.html", b"<p>" + b"x" * 5000 + b"</p>", "text/html")})
    assert upload.status_code == 413


def test_streamed_body_over_the_limit_is_413(store):
    client = TestClient(create_app(store, WebOptions(max_body_bytes=1000)))

    def chunks():
        for _ in range(10):
            yield b"text=" + b"a" * 300

    response = client.post("/api/documents", content=chunks(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


# -- issue 18: places, CSV, country level, documents per month, confidence ---------------


def test_places_have_coordinates_and_their_events(client):
    body = client.get("/api/places").json()
    by_name = {p["name"]: p for p in body["places"]}
    vlad = by_name["Vladivostok"]
    assert (vlad["country"], vlad["admin1"], vlad["geonameid"]) == ("RUS", "RU.59", 2013348)
    assert round(vlad["latitude"], 1) == 43.1 and vlad["types"] == {"CONSULT": 1}
    assert by_name["Moscow"]["events"] == 1 and by_name["Japan"]["country"] == "JPN"  # a name not found: its country
    assert body["unplaced"] == 4
    only = client.get("/api/places", params={"status": "planned"}).json()
    assert [p["name"] for p in only["places"]] == ["Moscow"]


def test_events_carry_place_confidence_and_quad_class(client):
    events = client.get("/api/events").json()["events"]
    meet = next(e for e in events if e["location"] and e["location"]["id"] == "Vladivostok")
    assert meet["location"]["text"] == "ウラジオストク" and meet["location"]["geonameid"] == 2013348
    assert all(0 < e["confidence"] < 1 and e["quad_class"] in (1, 2, 3, 4) for e in events)
    cut = sorted(e["confidence"] for e in events)[-1]
    top = client.get("/api/events", params={"min_confidence": cut}).json()["events"]
    assert top and all(e["confidence"] >= cut for e in top) and len(top) < len(events)
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422


def test_events_csv_downloads_the_current_filter(client):
    import csv as csv_module
    import io

    response = client.get("/api/events.csv", params={"actor": "USA"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv_module.DictReader(io.StringIO(response.text)))
    assert sorted(r["type"] for r in rows) == ["ACCUSE", "SANCTION"]
    assert {"latitude", "longitude", "source_ids", "target_countries", "confidence"} <= set(rows[0])


def test_network_at_country_level(client):
    net = client.get("/api/network", params={"level": "country"}).json()
    assert {n["id"] for n in net["nodes"]} >= {"PRK", "RUS", "USA", "JPN"}
    assert "Kim Jong Un" not in {n["ref"] for n in net["nodes"]}
    prk_rus = next(e for e in net["edges"] if {e["source"], e["target"]} == {"PRK", "RUS"})
    assert prk_rus["events"] == 3
    assert client.get("/api/network", params={"level": "planet"}).status_code == 422


def test_timeline_documents_normalise_and_country_level(client):
    body = client.get("/api/timeline", params={"normalise": "true"}).json()
    assert body["documents"] == [{"month": "2024-11", "documents": 2}, {"month": "2024-12", "documents": 1}]
    sanction = next(r for r in body["counts"] if r["type"] == "SANCTION")
    assert sanction["count"] == 1 and sanction["per_100_documents"] == 50.0
    person = client.get("/api/timeline", params={"actor": "Kim Jong Un"}).json()
    state = client.get("/api/timeline", params={"actor": "Kim Jong Un", "level": "country"}).json()
    assert {r["type"] for r in person["counts"]} == {"CONSULT", "COOPERATE"}
    assert {r["type"] for r in state["counts"]} == {"CONSULT", "COOPERATE", "SANCTION"}  # PRK's events too
