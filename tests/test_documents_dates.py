"""Publication dates: order of sources and the forms written in text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.documents import read_documents
from gaiko.documents.dates import date_in_text
from gaiko.options import Options
from gaiko.records import Document, Rejected

DATA = Path(__file__).parent / "data" / "documents"
BODY = "北朝鮮の外相は3日、モスクワでロシアの外相と会談した。両氏は協力の強化で一致した。\n"


def _published(folder: Path, **options) -> dict[str, str | None]:
    return {d.id: d.published for d in read_documents([str(folder)], Options(**options))
            if isinstance(d, Document)}


@pytest.fixture
def folder(tmp_path):
    html = (DATA / "page_news.html").read_text(encoding="utf-8")       # meta: 2023-07-14
    (tmp_path / "meta_wins.html").write_text(html, encoding="utf-8")
    (tmp_path / "own_meta.html").write_text(html, encoding="utf-8")
    (tmp_path / "dateline.txt").write_text("2024年1月21日 11時01分\n\n" + BODY, encoding="utf-8")
    (tmp_path / "meta_over_dateline.txt").write_text("2024/01/21\n" + BODY, encoding="utf-8")
    (tmp_path / "none.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "field", "text": "2024.01.21 11:01\n" + BODY, "published": "2023-02"}) + "\n"
        + json.dumps({"id": "text_only", "text": "令和6年1月21日\n" + BODY}) + "\n",
        encoding="utf-8")
    (tmp_path / "META.jsonl").write_text(
        json.dumps({"doc": "meta_wins.html", "published": "2023-07-13", "publisher": "P", "title": "T",
                    "url": "https://u.example/1"}) + "\n"
        + json.dumps({"doc": "meta_over_dateline.txt", "published": "2024"}) + "\n",
        encoding="utf-8")
    return tmp_path


def test_publication_date_order(folder):
    got = _published(folder)
    assert got == {
        "dateline.txt": "2024-01-21",           # 4. written near the top
        "field": "2023-02",                     # 3. JSONL field beats the text
        "text_only": "2024-01-21",              # 4. 令和6年
        "meta_over_dateline.txt": "2024",       # 2. META beats the text, at its precision
        "meta_wins.html": "2023-07-13",         # 2. META beats the HTML meta tag
        "none.txt": None,                       # 5. nothing: never the clock
        "own_meta.html": "2023-07-14",          # 3. HTML meta tag
    }


def test_option_published_overrides_everything(folder):
    assert set(_published(folder, published="2020-01-02").values()) == {"2020-01-02"}


def test_meta_fills_title_publisher_url(folder):
    (doc,) = [d for d in read_documents([str(folder / "meta_wins.html")], Options()) if isinstance(d, Document)]
    assert (doc.title, doc.publisher, doc.url, doc.published) == ("T", "P", "https://u.example/1", "2023-07-13")


def test_broken_meta_line_is_reported_and_reading_continues(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "META.jsonl").write_text(
        '{"doc": "a.txt", "published": "2023-05-06"}\n{broken\n{"doc": "b.txt", "published": "2023-02-30"}\n',
        encoding="utf-8")
    items = list(read_documents([str(tmp_path)], Options()))
    bad = {r.doc for r in items if isinstance(r, Rejected)}
    assert bad == {f"{tmp_path / 'META.jsonl'}:2", f"{tmp_path / 'META.jsonl'}:3"}
    assert {d.id: d.published for d in items if isinstance(d, Document)} == {"a.txt": "2023-05-06", "b.txt": None}


@pytest.mark.parametrize("text,expected", [
    ("21 Jan 2024 11:01:28 GMT9", "2024-01-21"),
    ("2024年1月21日 11時01分", "2024-01-21"),
    ("２０２４年１月２１日（日）１１時０１分配信", "2024-01-21"),
    ("2024/01/21", "2024-01-21"),
    ("2024.01.21 11:01", "2024-01-21"),
    ("更新日：2024-01-21", "2024-01-21"),
    ("令和6年1月21日", "2024-01-21"),
    ("令和元年5月1日 10:00", "2019-05-01"),
    ("平成30年6月1日", "2018-06-01"),
    ("Jan 21, 2024", "2024-01-21"),
    ("2024年2月30日", None),                 # not a date
    ("2024年1月", None),                     # not a full date
    ("2024年1月21日、北朝鮮は日本海に向けて弾道ミサイルを発射したと韓国軍が発表した。", None),  # a sentence
])
def test_date_forms(text, expected):
    assert date_in_text("国際\n" + text + "\n" + BODY) == expected


def test_date_must_be_near_the_top():
    assert date_in_text(BODY * 40 + "2024/01/21\n") is None
    assert date_in_text("\n".join(["メニュー"] * 30) + "\n2024/01/21\n") is None
