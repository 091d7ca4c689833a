"""The web list and the event page as an analyst reads them (issue 17, item 8):
newest first, every column sortable, and an undated event said to be undated once."""

from __future__ import annotations

import re

import pytest

from helpers import client, store  # noqa: F401  (fixtures)


def listed_dates(html: str) -> list[str]:
    return re.findall(r'<span class="date[^"]*"[^>]*>([^<]*)</span>', html.split("<tbody>", 1)[1])


def test_list_shows_newest_first_by_default(client):
    html = client.get("/").text
    dates = [d for d in listed_dates(html) if d[:1].isdigit()]
    assert dates and dates == sorted(dates, reverse=True)
    assert dates == [d for d in listed_dates(client.get("/?sort=-date").text) if d[:1].isdigit()]
    oldest = [d for d in listed_dates(client.get("/?sort=date").text) if d[:1].isdigit()]
    assert oldest == sorted(oldest)


@pytest.mark.parametrize("key", ["date", "type", "status", "source", "target", "sources"])
def test_every_column_header_sorts(client, key):
    html = client.get("/").text
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    links = dict((k, v) for v, k in re.findall(r'href="([^"]*)">(\w+)', head))
    label = {"sources": "src"}.get(key, key)
    assert label in links, head
    page = client.get(links[label].replace("&amp;", "&"))
    assert page.status_code == 200


def test_sorted_by_type_and_sources(client):
    types = [r["type"] for r in client.get("/api/events", params={"sort": "type", "limit": 500}).json()["events"]]
    assert len(set(types)) > 2 and types == sorted(types)
    api_ids = [r["id"] for r in client.get("/api/events", params={"sort": "type", "limit": 50}).json()["events"]]
    assert re.findall(r'data-event="([^"]+)"', client.get("/?sort=type").text) == api_ids  # the page, in that order
    rows = client.get("/api/events", params={"sort": "sources", "limit": 500}).json()["events"]
    assert [r["sources"] for r in rows] == sorted((r["sources"] for r in rows), reverse=True)
    assert client.get("/api/events", params={"sort": "bogus"}).status_code == 422


def test_undated_event_page_says_undated_once(client):
    rows = client.get("/api/events", params={"limit": 500}).json()["events"]
    undated = next(r for r in rows if not r["date"])
    html = client.get(f"/events/{undated['id']}").text
    cell = html.split("<th>date</th>", 1)[1].split("</tr>", 1)[0]
    shown = re.sub(r"<[^>]+>", " ", cell)  # the text a reader sees
    assert shown.split().count("undated") == 1 and "precision" not in shown
