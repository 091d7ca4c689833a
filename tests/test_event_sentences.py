"""The extractor against hand-written sentences, one per trigger family and role pattern.

tests/data/event_sentences.yaml holds the sentences with the events each must
give (format in tests/data/README.md). Each item is its own test: every expected
event must be found with its type, actors, status and date, and an item that
expects no event must give none. Items the extractor is known to get wrong are
listed in event_sentences_known_failures.txt and run as strict xfails, so a fix
shows up as an unexpected pass and the list only shrinks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gaiko.evaluate import normalise_id
from gaiko.options import Options
from gaiko.records import SYMMETRIC_TYPES, Document

DATA = Path(__file__).parent / "data"
#: event_sentences.yaml (one or more items per trigger family and role pattern) and
#: event_sentences_classes.yaml (the construction classes of wire copy: coordinated actors,
#: several predicates, organs, nominal events, requests, evaluations, measures, unknown
#: actors, datelines, modality, and texts with no event).
ITEMS = [item for path in sorted(DATA.glob("event_sentences*.yaml"))
         for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
KNOWN = {line.split("#")[0].strip() for line in
         (DATA / "event_sentences_known_failures.txt").read_text(encoding="utf-8").splitlines()
         if line.split("#")[0].strip()} if (DATA / "event_sentences_known_failures.txt").exists() else set()

pytestmark = pytest.mark.parser


def _actor_has(actors: list[dict[str, Any]], key: str) -> bool:
    if key.startswith("null:"):  # (「null:」: an actor of no one state, 「欧州各国」)
        return any(a.get("country") == (key[5:] or None) for a in actors)
    if len(key) == 3 and key.isupper():
        return any(a.get("id") == key or (a.get("id") is None and a.get("country") == key) for a in actors)
    return any(normalise_id(a.get("id")) == normalise_id(key) for a in actors)


def _sides_ok(exp: dict[str, Any], ev: dict[str, Any], swap: bool) -> bool:
    src, tgt = (ev["target"], ev["source"]) if swap else (ev["source"], ev["target"])
    return all(_actor_has(src, k) for k in exp.get("source") or []) and \
        all(_actor_has(tgt, k) for k in exp.get("target") or [])


def matches(exp: dict[str, Any], ev: dict[str, Any]) -> bool:
    if exp["type"] != ev["type"] or exp.get("status", "occurred") != ev["status"]:
        return False
    if "date" in exp and (str(exp["date"]) if exp["date"] is not None else None) != ev["date"]:
        return False
    return _sides_ok(exp, ev, False) or (exp["type"] in SYMMETRIC_TYPES and _sides_ok(exp, ev, True))


def extract(text: str, published: str | None) -> list[dict[str, Any]]:
    from gaiko.pipeline import extract_documents

    doc = Document(id="s", text=text, published=published)
    return [ev.to_dict() for x in extract_documents([doc], Options(progress=False)) for ev in x.events]


def _params():
    for item in ITEMS:
        marks = [pytest.mark.xfail(strict=True, reason="known failure")] if item["id"] in KNOWN else []
        yield pytest.param(item, id=item["id"], marks=marks)


def test_the_sentence_set_is_large_and_covers_every_type():
    from gaiko.records import PLOVER_TYPES

    assert len(ITEMS) >= 60
    covered = {e["type"] for item in ITEMS for e in item["events"]}
    assert covered == set(PLOVER_TYPES)
    assert KNOWN <= {item["id"] for item in ITEMS}, "known failures must name existing items"


@pytest.mark.parametrize("item", list(_params()))
def test_sentence_gives_its_events(item):
    got = extract(item["text"], str(item["published"]) if item.get("published") else None)
    expected = item["events"] or []
    if not expected:
        assert got == [], f"expected no event, got {got}"
        return
    missing = [e for e in expected if not any(matches(e, g) for g in got)]
    assert not missing, f"missing {missing}; got {[(g['type'], g['source'], g['target'], g['status'], g['date']) for g in got]}"
    assert len(got) <= len(expected), f"extra events: {got}"
