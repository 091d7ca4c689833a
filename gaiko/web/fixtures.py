"""A small store built in code, for the web tests and for trying the UI without a
model (after Datasette's ``fixtures.py``): ``populate(store)`` ingests a handful of
documents with hand-made events, one of them hostile (markup in its title, text,
URL and actor names)."""

from __future__ import annotations

from gaiko.records import Document, Event, Mention
from gaiko.store import Store

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン"}
PRK = {"id": "PRK", "country": "PRK", "text": "北朝鮮外務省", "sector": "GOV"}
USA = {"id": "USA", "country": "USA", "text": "米国務省", "sector": "GOV"}
JPN = {"id": "JPN", "country": "JPN", "text": "日本政府"}
FISHERS = {"id": None, "country": "CHN", "text": "中国人船員"}

HOSTILE_SCRIPT = "<script>alert('x')</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_ACTOR = {"id": 'Evil "><img src=x onerror=alert(2)>', "country": "XSS", "text": "<b>悪</b>"}

ARTICLES = {
    "kim-putin.txt": (
        "金正恩総書記、プーチン大統領と会談\n\n"
        "北朝鮮の金正恩総書記は4日、ロシアのプーチン大統領とウラジオストクで会談した。\n\n"
        "両首脳は協力関係を強化することで一致した。\n\n"
        "金総書記は来年モスクワを訪問する予定だ。"
    ),
    "sanctions/2024/usa.html": (
        "米国、北朝鮮に追加制裁\n\n"
        "米国務省は11月、北朝鮮に対する追加制裁を発表した。\n\n"
        "北朝鮮外務省は米国を非難した。"
    ),
    "hostile.txt": (
        f"悪意のある記事 {HOSTILE_SCRIPT}\n\n"
        f"日本政府は会談した{HOSTILE_IMG}と発表した。\n\n"
        "中国人船員が拿捕されたとの見方がある。"
    ),
}


def _event(doc: str, text: str, evidence: str, type_: str, source: list, target: list, *,
           status: str = "occurred", date: str | None = None, mode: str | None = None,
           date_text: str | None = None, location: dict | None = None) -> Event:
    start = text.index(evidence)
    return Event(doc=doc, type=type_, status=status, source=source, target=target, evidence=evidence,
                 date=date, mode=mode, date_text=date_text, location=location,
                 mentions=[Mention(doc, start, start + len(evidence))])


def populate(store: Store) -> None:
    """Ingest the fixture documents and their events into ``store``."""
    doc_id = "kim-putin.txt"
    text = ARTICLES[doc_id]
    store.ingest(
        Document(id=doc_id, text=text, title="金正恩総書記、プーチン大統領と会談", published="2024-11-05",
                 publisher="Example News", url="https://example.com/news/kim-putin"),
        [
            _event(doc_id, text, "北朝鮮の金正恩総書記は4日、ロシアのプーチン大統領とウラジオストクで会談した。",
                   "CONSULT", [KIM], [PUTIN], date="2024-11-04", mode="meet", date_text="4日",
                   location={"id": "Vladivostok", "country": "RUS", "text": "ウラジオストク"}),
            _event(doc_id, text, "両首脳は協力関係を強化することで一致した。", "COOPERATE", [KIM], [PUTIN],
                   date="2024-11-04"),
            _event(doc_id, text, "金総書記は来年モスクワを訪問する予定だ。", "CONSULT", [KIM], [PUTIN],
                   status="planned", date="2025", mode="visit", date_text="来年",
                   location={"id": "Moscow", "country": "RUS", "text": "モスクワ"}),
        ],
    )
    doc_id = "sanctions/2024/usa.html"
    text = ARTICLES[doc_id]
    store.ingest(
        Document(id=doc_id, text=text, title="米国、北朝鮮に追加制裁", published="2024-11-20",
                 publisher="Example Wire", url="https://example.org/usa"),
        [
            _event(doc_id, text, "米国務省は11月、北朝鮮に対する追加制裁を発表した。", "SANCTION", [USA], [PRK],
                   date="2024-11", date_text="11月"),
            _event(doc_id, text, "北朝鮮外務省は米国を非難した。", "ACCUSE", [PRK], [USA]),
        ],
    )
    doc_id = "hostile.txt"
    text = ARTICLES[doc_id]
    store.ingest(
        Document(id=doc_id, text=text, title=f"悪意 {HOSTILE_SCRIPT}{HOSTILE_IMG}", published="2024-12-01",
                 publisher=HOSTILE_SCRIPT, url="javascript:alert(3)"),
        [
            _event(doc_id, text, f"日本政府は会談した{HOSTILE_IMG}と発表した。", "CONSULT", [JPN],
                   [HOSTILE_ACTOR], date="2024-12",
                   location={"id": None, "country": "JPN", "text": f"東京{HOSTILE_IMG}"}),
            _event(doc_id, text, "中国人船員が拿捕されたとの見方がある。", "COERCE", [JPN], [FISHERS],
                   status="possible"),
        ],
    )


def fixture_store() -> Store:
    """An in-memory store holding the fixtures."""
    store = Store(memory=True)
    populate(store)
    return store
