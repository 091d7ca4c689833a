"""The one event filter (``gaiko.store.filters.EventFilter``): checked once when made,
naming the field (or the CLI flag) at fault, and answered in SQL, free text and
``doc=`` included, with what the web used to compute in Python."""

from __future__ import annotations

import pytest

from gaiko.errors import InputError
from gaiko.store import EventFilter


def words_of(event: dict) -> str:
    """What free text is looked for in, written out in Python (the oracle)."""
    parts = [event.get("evidence") or "", event["type"], event.get("mode") or "", event.get("date_text") or ""]
    for a in [*event["source"], *event["target"], event.get("location") or {}]:
        parts += [str(a.get(k) or "") for k in ("id", "country", "text")]
    return "\n".join(parts).casefold()


@pytest.mark.parametrize("q", ["consult", "PRK", "kim jong", "会談", "北朝鮮 ロシア", "Pyongyang", "no-such-word"])
def test_free_text_in_sql_finds_what_the_words_find(store, q):
    everything = store.events()
    expected = [e["id"] for e in everything if all(w.casefold() in words_of(e) for w in q.split())]
    assert [e["id"] for e in store.events(EventFilter(q=q))] == expected
    assert store.count_events(EventFilter(q=q)) == len(expected)


def test_free_text_is_matched_literally(store):
    assert store.events(EventFilter(q="%")) == [] and store.events(EventFilter(q="_")) == []


def test_doc_gives_the_events_a_document_reports(store):
    everything = store.events()
    for doc in store.documents():
        expected = [e["id"] for e in everything if doc["id"] in e["docs"]]
        assert [e["id"] for e in store.events(EventFilter(doc=doc["id"]))] == expected
    assert any(doc["events"] for doc in store.documents())


def test_values_are_normalised_once():
    f = EventFilter(type="consult, accuse", status=["Planned"], country="prk", dyad=[" PRK ", "RUS"], q="  ")
    assert f.type == ("CONSULT", "ACCUSE") and f.status == ("planned",) and f.country == "PRK"
    assert f.dyad == ("PRK", "RUS") and f.q is None
    assert EventFilter(type="consult") == EventFilter(type=["CONSULT"])


@pytest.mark.parametrize("values, field, message", [
    ({"type": "hug"}, "type", "unknown PLOVER type 'HUG'"),
    ({"status": "rumoured"}, "status", "unknown status 'rumoured'"),
    ({"since": "yesterday"}, "since", "not a date"),
    ({"since": "2024-12", "until": "2024-01"}, "until", "is before since"),
    ({"dyad": ("PRK",)}, "dyad", "needs exactly two actors"),
    ({"min_sources": -1}, "min_sources", "must be 0 or more"),
    ({"min_confidence": 1.5}, "min_confidence", "must be between 0 and 1"),
])
def test_a_bad_value_names_the_field_or_the_flag(values, field, message):
    with pytest.raises(InputError, match=message) as plain:
        EventFilter(**values)
    assert plain.value.source == field
    with pytest.raises(InputError, match=message) as flagged:
        EventFilter.for_cli(**values)
    assert flagged.value.source == "--" + field.replace("_", "-")


def test_a_month_since_keeps_its_own_month():
    assert EventFilter(since="2024-01", until="2024-01-31").until == "2024-01-31"
    assert EventFilter(since="2024", until="2024-06").since == "2024"
