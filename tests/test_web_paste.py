"""The paste form as a user meets it (issue 17, item 5): a text field that is not
valid UTF-8 is refused like the same bytes uploaded as a file (never stored as
mojibake), an over-limit post answers with the form and the reason, and an
untitled paste says what it found in what."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gaiko.store import Store
from gaiko.web import WebOptions, create_app

ARTICLE = "北朝鮮の金正恩総書記は5日、ロシアのプーチン大統領と平壌で会談したと朝鮮中央通信が報じた。"
BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def store():
    with Store(memory=True) as s:
        yield s


@pytest.fixture
def client(store):
    return TestClient(create_app(store, WebOptions(max_body_bytes=200_000)))


def truncated() -> bytes:
    return ARTICLE.encode("utf-8") + "会".encode("utf-8")[:2]  # the last character cut in half


def test_truncated_utf8_text_field_is_refused_like_the_file(client, store):
    as_field = client.post("/paste", files={"text": (None, truncated())}, headers=BROWSER)
    as_file = client.post("/paste", files={"file": ("a.txt", truncated())}, headers=BROWSER)
    assert as_field.status_code == as_file.status_code == 422
    assert "cannot decode" in as_field.text and "cannot decode" in as_file.text
    assert store.counts() == {"documents": 0, "events": 0, "mentions": 0}


def test_truncated_utf8_in_a_urlencoded_post_is_refused(client, store):
    body = b"text=" + b"".join(b"%%%02X" % b for b in truncated())
    r = client.post("/api/documents", content=body,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 422 and "cannot decode" in r.json()["detail"]
    assert store.counts()["documents"] == 0


@pytest.mark.parametrize("headers", [BROWSER, {}], ids=["browser", "no-accept-header"])
def test_over_limit_form_post_answers_with_the_form(client, headers):
    r = client.post("/paste", files={"file": ("big.txt", b"a" * 300_000)}, headers=headers)
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html")
    assert "request body too large" in r.text and 'id="paste-form"' in r.text


def test_api_over_limit_stays_json(client):
    r = client.post("/api/documents", files={"file": ("big.txt", b"a" * 300_000)})
    assert r.status_code == 413 and r.json()["detail"].startswith("request body too large")


@pytest.mark.parser
def test_untitled_paste_names_the_pasted_text(client):
    r = client.post("/paste", files={"text": (None, ARTICLE.encode())}, headers=BROWSER)
    assert r.status_code == 201
    assert ">the pasted text</a>" in r.text and "Found 1 event in" in r.text
    assert "プーチン" in r.text  # the table of what was found follows
