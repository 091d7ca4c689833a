"""The store's bookkeeping behind fast reads: event records built from flat columns,
the stored source count, reads on one snapshot, and ingest's fixed statement count."""

from __future__ import annotations

import random

import pytest

from gaiko.records import Document, Event, Mention
from gaiko.store import MIGRATIONS, Migrations, Store, queries
from gaiko.store import store as store_module

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン"}
CHOE = {"id": "Choe Son Hui", "country": "PRK", "text": "崔善姫"}
PRK = {"id": "PRK", "country": "PRK", "text": "北朝鮮外務省", "sector": "GOV"}
USA = {"id": "USA", "country": "USA", "text": "米政府"}
FISHER = {"id": None, "country": "CHN", "text": "中国人船員"}
ACTORS = [KIM, PUTIN, CHOE, PRK, USA, FISHER]

# how many distinct sources each event has, recounted from the mentions as the
# store counted them before the count became a column
RECOUNT = (
    "SELECT m.event_id, count(DISTINCT coalesce(d.duplicate_of, d.id)) FROM mentions m"
    " JOIN documents d ON d.id = m.doc GROUP BY m.event_id"
)


def doc(id, **kw):
    return Document(id=id, text=f"本文 {id}", **kw)


def ev(d, type, source, target, *, spans=((0, 4),), **kw):
    return Event(doc=d, type=type, status=kw.pop("status", "occurred"), source=source, target=target,
                 evidence=f"{d}:{type}", mentions=[Mention(d, s, e) for s, e in spans], **kw)


def test_event_record_is_built_whole_and_in_field_order():
    with Store(memory=True) as s:
        s.ingest(doc("d1"), [ev("d1", "CONSULT", [KIM, CHOE], [PUTIN], status="planned", date="2024-01",
                                date_text="1月", spans=((5, 9), (0, 3)))])
        s.ingest(doc("d2"), [
            ev("d2", "CONSULT", [PUTIN], [CHOE, KIM], date="2024-01-18", date_end="2024-01-19",
               date_text="18日から19日", mode="meet", location={"id": "Pyongyang", "country": "PRK",
                                                           "text": "平壌"}, spans=()),
            ev("d2", "SANCTION", [USA], [PRK, FISHER], date="2024-02-01", spans=((1, 2),)),
        ])
        rows = s.events()
    consult = {
        "id": rows[0]["id"], "doc": "d1", "type": "CONSULT", "mode": "meet", "status": "occurred",
        "source": [KIM, CHOE], "target": [PUTIN],
        "date": "2024-01-18", "date_end": "2024-01-19", "date_text": "18日から19日",
        "location": {"id": "Pyongyang", "country": "PRK", "text": "平壌", "place": "Pyongyang",
                     "latitude": 39.03385, "longitude": 125.75432, "place_country": "PRK", "admin1": "KP.12",
                     "geonameid": 1871859, "place_kind": "city"},
        "evidence": "d2:CONSULT",  # with its date_text (issue 16)
        "mentions": [{"doc": "d1", "start": 5, "end": 9}, {"doc": "d1", "start": 0, "end": 3},
                     {"doc": "d2", "start": None, "end": None}],
        "sources": 2, "docs": ["d1", "d2"],
        "status_history": [{"doc": "d1", "status": "planned", "date": "2024-01"},
                           {"doc": "d2", "status": "occurred", "date": "2024-01-18"}],
        "confidence": rows[0]["confidence"], "quad_class": 1,
    }
    assert rows[0] == consult and list(rows[0]) == list(consult)
    assert 0 < rows[0]["confidence"] < 1
    assert rows[1]["source"] == [USA] and rows[1]["target"] == [PRK, FISHER]
    assert "sector" in rows[1]["target"][0] and "sector" not in rows[1]["target"][1]
    assert rows[1]["sources"] == 1 and rows[1]["docs"] == ["d2"]


def _corpus(seed: int) -> list[tuple[Document, list[Event]]]:
    """Documents that report a few interactions again and again, with reprints that
    may come before their original and reprints of reprints."""
    rnd = random.Random(seed)
    ids = [f"d{i:02d}" for i in range(30)]
    out = []
    for i, d in enumerate(ids):
        dup = rnd.choice(ids) if rnd.random() < 0.3 else None
        dup = None if dup == d else dup
        events = []
        for j in range(rnd.randint(0, 4)):
            a, b = rnd.sample(ACTORS[:4], 2)
            events.append(ev(d, rnd.choice(["CONSULT", "ACCUSE"]), [a], [b],
                             date=rnd.choice([None, "2024-01", "2024-01-18", "2024-01-19"]),
                             status=rnd.choice(["occurred", "planned"]),
                             spans=[(j, j + 1)] * rnd.randint(0, 2)))
        out.append((doc(d, duplicate_of=dup), events))
    rnd.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_stored_source_counts_match_a_recount(seed):
    with Store(memory=True) as s:
        for d, events in _corpus(seed):
            s.ingest(d, events)
        recount = dict(s.read(lambda c: c.execute(RECOUNT).fetchall()))
        rows = s.events()
        assert len(rows) == len(recount) > 0
        assert {e["id"]: e["sources"] for e in rows} == recount
        for n in (2, 3):
            assert [e["id"] for e in s.events(min_sources=n)] == [e["id"] for e in rows if e["sources"] >= n]


@pytest.mark.parametrize("seed", range(3))
def test_actors_and_mentions_by_listed_ids_or_selected_again_agree(seed, monkeypatch):
    filters = [{}, {"limit": 5, "offset": 3}, {"type": "CONSULT", "since": "2024-01-18"},
               {"actor": "PRK", "limit": 4}, {"min_sources": 2}, {"actor": "nobody"}]
    with Store(memory=True) as s:
        for d, events in _corpus(seed):
            s.ingest(d, events)
        results = []
        for listed in (0, 10**9):
            monkeypatch.setattr(queries, "LISTED_IDS", listed)
            results.append([s.events(**f) for f in filters])
    assert results[0] == results[1]
    assert results[0][0] and results[0][1] == results[0][0][3:8]


def test_source_counts_of_an_older_store_are_filled_in(tmp_path, monkeypatch):
    path = str(tmp_path / "old.duckdb")
    before = Migrations(MIGRATIONS.name)
    for m in MIGRATIONS.migrations:
        if m.name == "0004_event_sources":
            break
        before(m.fn, name=m.name)
    monkeypatch.setattr(store_module, "MIGRATIONS", before)
    with Store(path) as s:  # the schema before the count became a column, filled by hand
        def fill(c):
            for i, (d, dup) in enumerate([("a", None), ("b", None), ("b2", "b"), ("c", "a")]):
                c.execute("INSERT INTO documents (id, content_hash, text, duplicate_of, ingested_at, seq)"
                          " VALUES (?, ?, ?, ?, now(), ?)", [d, "h" + d, d, dup, i + 1])
            c.execute("INSERT INTO events (id, seq, type, status, evidence, doc, dyad_key, status_history)"
                      " VALUES ('e1', 1, 'CONSULT', 'occurred', 'x', 'a', 'k', '[]')")
            for i, d in enumerate(["a", "b", "b2", "c", "b"]):
                c.execute("INSERT INTO mentions (event_id, doc, seq) VALUES ('e1', ?, ?)", [d, i + 1])
        s.write(fill)
    monkeypatch.undo()
    with Store(path) as s:
        assert s.read(lambda c: c.execute("SELECT sources FROM events").fetchall()) == [(2,)]
        assert s.migrations.pending(s) == []


def test_a_write_between_the_statements_of_a_read_is_not_seen():
    # events, their actors and their mentions are three statements; a write that
    # commits between them must not shift one against the others
    with Store(memory=True) as s:
        s.ingest(doc("d1"), [ev("d1", "CONSULT", [KIM], [PUTIN], date="2024-01-18")])
        s.ingest(doc("d2"), [ev("d2", "ACCUSE", [USA], [PRK], date="2024-03-01")])
        want = s.events()
        pending = [doc("d0"), [ev("d0", "THREATEN", [PRK], [USA], date="2023-05-01", spans=((0, 1), (2, 3)))]]

        def tracer(sql, params):
            if pending and "JOIN event_actors" in sql:
                d, events = pending
                pending.clear()
                s.ingest(d, events)  # commits on the write connection, now

        s.tracer = tracer
        assert s.events() == want
        s.tracer = None
        assert not pending and len(s.events()) == 3


def test_ingest_costs_a_fixed_number_of_statements():
    seen = []
    with Store(memory=True, tracer=lambda sql, params: seen.append(sql)) as s:
        s.ingest(doc("d1"), [ev("d1", "CONSULT", [KIM], [PUTIN], date="2024-01-18")])
        for n in (1, 5):
            seen.clear()
            d = f"n{n}"
            s.ingest(doc(d), [ev(d, "CONSULT", [PUTIN], [KIM], date="2024-01-18", spans=((0, 1), (2, 3)))]
                     + [ev(d, "ACCUSE", [USA], [a], date="2024-02-01") for a in ACTORS[:n - 1]])
            # BEGIN, what is stored, the document, the merge candidates, the new events, their
            # actors, the actors not yet known, the merged event, the mentions, COMMIT
            assert len(seen) <= 10, seen
        seen.clear()
        s.ingest(doc("n5"), [])  # already stored: one lookup
        assert len(seen) == 3
