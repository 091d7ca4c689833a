"""The store's Python API: migrations, ingest, merge across documents, filters."""

from __future__ import annotations

import pytest

from gaiko.errors import InputError, StoreError
from gaiko.records import Document, Event, Mention, Rejected
from gaiko.store import IngestResult, Migrations, Store, content_hash_of
from gaiko.store import merge


def actor(id, country, text=None, sector=None):
    out = {"id": id, "country": country, "text": text or id or country}
    if sector:
        out["sector"] = sector
    return out


KIM = actor("Kim Jong Un", "PRK", "金正恩")
PUTIN = actor("Vladimir Putin", "RUS", "プーチン")
TRUMP = actor("Donald Trump", "USA", "トランプ")
PRK = actor("PRK", "PRK", "北朝鮮外務省", "GOV")
JPN = actor("JPN", "JPN", "日本政府")
FISHER = actor(None, "CHN", "中国人船員")


def doc(id, text=None, **kw):
    return Document(id=id, text=text or f"本文 {id}", **kw)


def ev(d, type, source, target, *, status="occurred", date=None, mode=None, spans=((0, 4),), **kw):
    return Event(doc=d, type=type, status=status, source=[source] if isinstance(source, dict) else source,
                 target=[target] if isinstance(target, dict) else target, evidence=kw.pop("evidence", f"{d}:{type}"),
                 date=date, mode=mode, mentions=[Mention(d, s, e) for s, e in spans], **kw)


@pytest.fixture
def store():
    with Store(memory=True) as s:
        yield s


# -- opening and migrations -----------------------------------------------------------


def test_migrations_apply_once_and_are_recorded(tmp_path):
    path = str(tmp_path / "g.duckdb")
    with Store(path) as s:
        applied = s.migrations.applied(s)
        assert [m["name"] for m in applied] == [m.name for m in s.migrations.migrations]
        assert s.migrations.pending(s) == []
        assert s.schema_version == len(applied)
    with Store(path) as s:
        again = s.migrations.applied(s)
        assert again == applied  # nothing re-applied, same timestamps
        assert s.read(lambda c: c.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]) == len(applied)


def test_custom_migration_set_pending_applied_and_rollback(store):
    m = Migrations("test.set")

    @m
    def m1(conn):
        conn.execute("CREATE TABLE t1 (x INTEGER)")

    @m(name="m2_fails")
    def m2(conn):
        conn.execute("CREATE TABLE t2 (x INTEGER)")
        raise RuntimeError("boom")

    assert [x.name for x in m.pending(store)] == ["m1", "m2_fails"]
    assert m.apply(store, stop_before="m2_fails") == ["m1"]
    assert [x["name"] for x in m.applied(store)] == ["m1"]
    with pytest.raises(RuntimeError):
        m.apply(store)
    # the failed migration left neither its table nor its record row
    tables = store.read(lambda c: [r[0] for r in c.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()])
    assert "t1" in tables and "t2" not in tables
    assert [x.name for x in m.pending(store)] == ["m2_fails"]
    with pytest.raises(ValueError):
        m(m1)  # a name cannot be registered twice


def test_open_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database" * 100)
    with pytest.raises(StoreError, match="bad.duckdb"):
        Store(str(bad))
    with pytest.raises(StoreError, match="missing"):
        Store(str(tmp_path / "missing" / "x.duckdb"))
    with pytest.raises(StoreError):
        Store()
    with pytest.raises(StoreError):
        Store(str(tmp_path / "x.duckdb"), memory=True)


def test_read_only_store(tmp_path):
    path = str(tmp_path / "g.duckdb")
    with Store(path) as s:
        s.ingest(doc("a"), [ev("a", "CONSULT", KIM, PUTIN)])
    with Store(path, read_only=True) as s:
        assert s.counts()["events"] == 1
        with pytest.raises(StoreError, match="read-only"):
            s.ingest(doc("b"), [])


def test_closed_store_raises(tmp_path):
    s = Store(memory=True)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.counts()


def test_tracer_sees_every_statement():
    seen = []
    with Store(memory=True, tracer=lambda sql, params: seen.append((sql, params))) as s:
        assert any("CREATE TABLE documents" in sql for sql, _ in seen)
        seen.clear()
        s.ingest(doc("a"), [ev("a", "CONSULT", KIM, PUTIN)])
    sqls = [sql for sql, _ in seen]
    assert sqls[0] == "BEGIN TRANSACTION" and sqls[-1] == "COMMIT"
    assert any(sql.startswith("INSERT INTO documents") for sql in sqls)
    assert any(sql.startswith("INSERT INTO mentions") for sql in sqls)


def test_atomic_rolls_back_everything_and_nests(store):
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.ingest(doc("a"), [ev("a", "CONSULT", KIM, PUTIN)])
            with store.atomic():
                store.ingest(doc("b"), [ev("b", "CONSULT", KIM, TRUMP)])
            assert store.read(lambda c: c.execute("SELECT count(*) FROM documents").fetchone()[0]) == 2
            raise RuntimeError("stop")
    assert store.counts() == {"documents": 0, "events": 0, "mentions": 0}
    with store.atomic():
        store.ingest(doc("a"), [ev("a", "CONSULT", KIM, PUTIN)])
        store.ingest(doc("b"), [ev("b", "CONSULT", KIM, TRUMP)])
    assert store.counts() == {"documents": 2, "events": 2, "mentions": 2}


# -- ingest -------------------------------------------------------------------------


def test_ingest_is_idempotent(store):
    d = doc("a", "金正恩委員長はプーチン大統領と会談した。", title="t", published="2024-01-19")
    events = [ev("a", "CONSULT", KIM, PUTIN, date="2024-01-18", spans=((0, 5), (10, 14))),
              ev("a", "ACCUSE", PRK, JPN)]
    first = store.ingest(d, events)
    assert first == IngestResult(True, 2, 3, 0)
    counts = store.counts()
    assert counts == {"documents": 1, "events": 2, "mentions": 3}
    assert store.ingest(d, events) == IngestResult(False, 0, 0, 0)
    # the same text under another id is the same document
    assert store.ingest(doc("copy", d.text), [ev("copy", "CONSULT", KIM, PUTIN)]).document_added is False
    assert store.counts() == counts
    assert store.has_document(content_hash_of(d.text))
    assert not store.has_document(content_hash_of("other"))


def test_explicit_content_hash(store):
    assert store.ingest(doc("a"), [], content_hash="h1").document_added
    assert store.has_document("h1")
    assert not store.ingest(doc("b"), [], content_hash="h1").document_added


def test_same_id_with_other_text_is_refused(store):
    store.ingest(doc("a", "one"), [])
    with pytest.raises(StoreError, match="a: a different text"):
        store.ingest(doc("a", "two"), [])


def test_event_of_another_document_is_refused(store):
    with pytest.raises(StoreError, match="another document"):
        store.ingest(doc("a"), [ev("b", "CONSULT", KIM, PUTIN)])
    assert store.counts()["documents"] == 0


def test_event_without_mentions_gets_one_mention_row(store):
    store.ingest(doc("a"), [ev("a", "SANCTION", actor("USA", "USA"), PRK, spans=())])
    (e,) = store.events()
    assert e["mentions"] == [{"doc": "a", "start": None, "end": None}]
    assert e["sources"] == 1


# -- merge across documents -------------------------------------------------------------


def test_merge_planned_then_occurred_with_sources(store):
    r1 = store.ingest(doc("d1", published="2024-01-10"),
                      [ev("d1", "CONSULT", KIM, PUTIN, status="planned", date="2024-01", mode="meet")])
    # the other side as source: CONSULT is symmetric; a day inside the planned month
    r2 = store.ingest(doc("d2", published="2024-01-19"),
                      [ev("d2", "CONSULT", PUTIN, KIM, date="2024-01-18", spans=((3, 8), (20, 25)))])
    assert r1 == IngestResult(True, 1, 1, 0)
    assert r2 == IngestResult(True, 0, 2, 1)
    (e,) = store.events()
    assert e["status"] == "occurred"
    assert e["date"] == "2024-01-18"  # the more precise date wins
    assert e["mode"] == "meet"
    assert e["doc"] == "d1"
    assert e["source"] == [KIM] and e["target"] == [PUTIN]  # the first report's actors
    assert [h["status"] for h in e["status_history"]] == ["planned", "occurred"]
    assert e["sources"] == 2 and e["docs"] == ["d1", "d2"]
    assert len(e["mentions"]) == 3

    # a copy of d2 (marked duplicate_of) adds its mention but not a source
    r3 = store.ingest(doc("d2-copy", "同じ記事", duplicate_of="d2"),
                      [ev("d2-copy", "CONSULT", KIM, PUTIN, date="2024-01-18")])
    assert r3.events_merged == 1
    (e,) = store.events()
    assert e["sources"] == 2 and len(e["mentions"]) == 4 and e["docs"] == ["d1", "d2", "d2-copy"]
    assert store.events(min_sources=3) == []

    # a later report of the plan does not undo "occurred"
    store.ingest(doc("d4"), [ev("d4", "CONSULT", KIM, PUTIN, status="planned", date="2024-01")])
    (e,) = store.events()
    assert e["status"] == "occurred" and e["date"] == "2024-01-18" and e["sources"] == 3


def test_merge_result_does_not_depend_on_order():
    reports = [
        (doc("d1"), [ev("d1", "CONSULT", KIM, PUTIN, status="planned", date="2024-01")]),
        (doc("d2"), [ev("d2", "CONSULT", PUTIN, KIM, date="2024-01-18")]),
    ]
    results = []
    for order in (reports, reports[::-1]):
        with Store(memory=True) as s:
            for d, events in order:
                s.ingest(d, events)
            (e,) = s.events()
            results.append((e["status"], e["date"], e["sources"]))
    assert results[0] == results[1] == ("occurred", "2024-01-18", 2)


def test_no_merge_when_asymmetric_type_is_reversed(store):
    store.ingest(doc("d1"), [ev("d1", "ACCUSE", PRK, JPN, date="2024-02-01")])
    store.ingest(doc("d2"), [ev("d2", "ACCUSE", JPN, PRK, date="2024-02-01")])
    assert store.counts()["events"] == 2


def test_no_merge_on_other_day_type_or_actors(store):
    store.ingest(doc("d1"), [ev("d1", "CONSULT", KIM, PUTIN, date="2024-01-18")])
    r = store.ingest(doc("d2"), [
        ev("d2", "CONSULT", KIM, PUTIN, date="2024-01-19"),
        ev("d2", "AGREE", KIM, PUTIN, date="2024-01-18"),
        ev("d2", "CONSULT", [KIM, actor("Choe Son Hui", "PRK")], PUTIN, date="2024-01-18"),
    ])
    assert r.events_added == 3 and r.events_merged == 0


def test_unlinked_actors_merge_only_when_their_texts_agree_and_ids_are_normalised(store):
    # issue 17: two unnamed people of one country are not one actor
    store.ingest(doc("d1"), [ev("d1", "COERCE", JPN, FISHER, date="2024-03-02")])
    other_fisher = actor(None, "CHN", "船長")
    r = store.ingest(doc("d2"), [ev("d2", "COERCE", JPN, other_fisher, date="2024-03-02")])
    assert r.events_merged == 0
    r = store.ingest(doc("d2b"), [ev("d2b", "COERCE", JPN, actor(None, "CHN", "中国人 船員"), date="2024-03-02")])
    assert r.events_merged == 1  # the same text (spacing and width aside) is the same actor
    store.ingest(doc("d3"), [ev("d3", "CONSULT", actor("Kim Yong Chol", "PRK"), TRUMP, date="2018-06-01")])
    r = store.ingest(doc("d4"), [ev("d4", "CONSULT", actor("Kim Yong-chol", "PRK"), TRUMP, date="2018-06")])
    assert r.events_merged == 1


def test_null_date_merges_only_with_a_unique_matching_event(store):
    store.ingest(doc("d1"), [ev("d1", "CONSULT", KIM, PUTIN, date="2024-01-18", mode="meet")])
    # undated, same everything else: merges; the date stays
    r = store.ingest(doc("d2"), [ev("d2", "CONSULT", KIM, PUTIN, mode="meet")])
    assert r.events_merged == 1
    assert store.events()[0]["date"] == "2024-01-18"
    # undated with another mode (a phone call): separate
    r = store.ingest(doc("d3"), [ev("d3", "CONSULT", KIM, PUTIN, mode="phone")])
    assert r.events_added == 1
    # undated events merge with each other (both null are compatible)
    r = store.ingest(doc("d4"), [ev("d4", "CONSULT", KIM, PUTIN, mode="phone")])
    assert r.events_merged == 1
    # a second dated meeting makes an undated meeting report ambiguous
    store.ingest(doc("d5"), [ev("d5", "CONSULT", KIM, TRUMP, date="2018-06-12", mode="meet")])
    store.ingest(doc("d6"), [ev("d6", "CONSULT", KIM, TRUMP, date="2019-02-27", mode="meet")])
    r = store.ingest(doc("d7"), [ev("d7", "CONSULT", KIM, TRUMP, mode="meet")])
    assert r.events_added == 1


def test_dated_report_fills_an_undated_event(store):
    store.ingest(doc("d1"), [ev("d1", "SANCTION", actor("USA", "USA"), PRK)])
    r = store.ingest(doc("d2"), [ev("d2", "SANCTION", actor("USA", "USA"), PRK, date="2024-05-02")])
    assert r.events_merged == 1
    assert store.events()[0]["date"] == "2024-05-02"


def test_vague_date_with_two_candidates_stays_separate(store):
    store.ingest(doc("d1"), [ev("d1", "MOBILIZE", PRK, JPN, date="2024-01-18")])
    store.ingest(doc("d2"), [ev("d2", "MOBILIZE", PRK, JPN, date="2024-01-25")])
    r = store.ingest(doc("d3"), [ev("d3", "MOBILIZE", PRK, JPN, date="2024-01")])
    assert r.events_added == 1
    r = store.ingest(doc("d4"), [ev("d4", "MOBILIZE", PRK, JPN, date="2024-01")])
    assert r.events_merged == 1  # the exact month event now exists


def test_merge_helpers():
    assert merge.dates_compatible("2024-01", "2024-01-18")
    assert merge.dates_compatible("2024", "2024-11")
    assert merge.dates_compatible(None, None)
    assert not merge.dates_compatible("2024-01", "2024-02-01")
    assert not merge.dates_compatible("2024-1", "2024-11")
    assert not merge.dates_compatible(None, "2024")
    assert merge.normalise_id("Wang Yi (politician)") == merge.normalise_id("wang yi")
    assert merge.normalise_id("Raúl Castro") == merge.normalise_id("Raul Castro")
    assert merge.dyad_key("CONSULT", [KIM], [PUTIN]) == merge.dyad_key("CONSULT", [PUTIN], [KIM])
    assert merge.dyad_key("ACCUSE", [KIM], [PUTIN]) != merge.dyad_key("ACCUSE", [PUTIN], [KIM])
    assert merge.merged_status([{"status": "possible"}, {"status": "denied"}, {"status": "planned"}]) == "denied"
    assert str(merge.date_interval("2024-02", end=True)) == "2024-02-29"


# -- filters ----------------------------------------------------------------------------


@pytest.fixture
def filled(store):
    store.ingest(doc("d1"), [
        ev("d1", "CONSULT", KIM, PUTIN, date="2024-01-18", mode="meet"),
        ev("d1", "ACCUSE", PRK, JPN, date="2024-01"),
    ])
    store.ingest(doc("d2"), [
        ev("d2", "CONSULT", PUTIN, KIM, date="2024-01-18"),
        ev("d2", "COERCE", JPN, FISHER, date="2023-12-30", status="denied"),
        ev("d2", "CONSULT", KIM, TRUMP, status="planned", date="2024"),
        ev("d2", "THREATEN", PRK, actor("USA", "USA")),
    ])
    return store


def types(rows):
    return sorted(r["type"] for r in rows)


def test_filter_actor_by_id_or_country(filled):
    assert types(filled.events(actor="Kim Jong Un")) == ["CONSULT", "CONSULT"]
    # a country code matches the state itself and the people acting for it, on either side
    assert types(filled.events(actor="PRK")) == ["ACCUSE", "CONSULT", "CONSULT", "THREATEN"]
    assert types(filled.events(actor="CHN")) == ["COERCE"]
    assert types(filled.events(actor="kim jong-un")) == ["CONSULT", "CONSULT"]  # normalised key
    assert filled.events(actor="Nobody") == []


def test_filter_type_status_country(filled):
    assert types(filled.events(type="CONSULT")) == ["CONSULT", "CONSULT"]
    assert types(filled.events(type=["ACCUSE", "COERCE"])) == ["ACCUSE", "COERCE"]
    assert types(filled.events(status="denied")) == ["COERCE"]
    assert types(filled.events(status="planned")) == ["CONSULT"]
    assert types(filled.events(country="JPN")) == ["ACCUSE", "COERCE"]
    assert types(filled.events(country="USA")) == ["CONSULT", "THREATEN"]
    assert types(filled.events(type="CONSULT", country="USA")) == ["CONSULT"]


def test_filter_dyad_any_order_opposite_sides(filled):
    a = filled.events(dyad=("PRK", "JPN"))
    b = filled.events(dyad=("JPN", "PRK"))
    assert types(a) == types(b) == ["ACCUSE"]
    assert types(filled.events(dyad=("Vladimir Putin", "Kim Jong Un"))) == ["CONSULT"]
    # two actors of one side are not a dyad
    assert filled.events(dyad=("Kim Jong Un", "PRK")) == []
    with pytest.raises(InputError):
        filled.events(dyad=("PRK",))


def test_filter_dates_overlap_the_query_range(filled):
    # "2024-01" covers 2024-01-01..31, "2024" the whole year; undated events never match
    assert types(filled.events(since="2024-01-01")) == ["ACCUSE", "CONSULT", "CONSULT"]
    assert types(filled.events(since="2024-01-20")) == ["ACCUSE", "CONSULT"]
    assert types(filled.events(since="2024-02")) == ["CONSULT"]
    assert types(filled.events(until="2023-12-31")) == ["COERCE"]
    assert types(filled.events(until="2024-01-17")) == ["ACCUSE", "COERCE", "CONSULT"]
    assert types(filled.events(since="2024-01-18", until="2024-01-18")) == ["ACCUSE", "CONSULT", "CONSULT"]
    assert types(filled.events(since="2023", until="2023")) == ["COERCE"]
    with pytest.raises(InputError, match="since"):
        filled.events(since="yesterday")


def test_filter_min_sources_limit_offset_and_order(filled):
    (e,) = filled.events(min_sources=2)
    assert e["type"] == "CONSULT" and e["sources"] == 2 and e["docs"] == ["d1", "d2"]
    rows = filled.events()
    assert [r["date"] for r in rows] == ["2023-12-30", "2024-01", "2024", "2024-01-18", None]
    assert filled.events(limit=2) == rows[:2]
    assert filled.events(limit=2, offset=2) == rows[2:4]
    assert filled.event(rows[0]["id"]) == rows[0]
    assert filled.event("nope") is None


def test_event_dict_has_the_record_fields(filled):
    e = filled.events(type="CONSULT", status="occurred")[0]
    for field in ("doc", "type", "mode", "status", "source", "target", "date", "date_end",
                  "date_text", "location", "evidence", "id", "mentions", "sources", "docs"):
        assert field in e
    assert e["mentions"][0] == {"doc": "d1", "start": 0, "end": 4}


def test_documents_counts_timeline_actors(filled):
    assert filled.counts() == {"documents": 2, "events": 5, "mentions": 6}
    docs = filled.documents()
    assert [d["id"] for d in docs] == ["d1", "d2"]
    assert docs[1]["events"] == 4 and "text" not in docs[0]
    assert filled.document("d1")["text"] == "本文 d1"
    assert filled.document("zz") is None
    assert filled.timeline("PRK") == [("2024-01", "ACCUSE", 1), ("2024-01", "CONSULT", 1)]
    assert filled.timeline("Kim Jong Un", "Vladimir Putin") == [("2024-01", "CONSULT", 1)]
    top = filled.actors(3)
    assert [(a["key"], a["events"]) for a in top] == [("jpn", 2), ("kimjongun", 2), ("prk", 2)]
    assert top[1]["id"] == "Kim Jong Un" and top[1]["country"] == "PRK"


def test_rejected_documents_are_recorded(store):
    store.record_rejected(Rejected("bad.html", "no text"))
    store.record_rejected(Rejected("bad.html", "not UTF-8"))
    store.record_rejected(Rejected("a.warc", "truncated record"))
    assert store.rejected() == [Rejected("a.warc", "truncated record"), Rejected("bad.html", "not UTF-8")]


def test_reads_from_other_threads_see_committed_writes(tmp_path):
    import threading

    with Store(str(tmp_path / "t.duckdb")) as s:
        s.ingest(doc("a"), [ev("a", "CONSULT", KIM, PUTIN)])
        seen = []

        def reader():
            seen.append(s.counts()["documents"])

        with s.atomic():
            s.ingest(doc("b"), [ev("b", "CONSULT", KIM, TRUMP)])
            t = threading.Thread(target=reader)
            t.start()
            t.join()
        t = threading.Thread(target=reader)
        t.start()
        t.join()
    assert seen == [1, 2]  # the open transaction was invisible to the other thread


def test_merge_keeps_date_text_and_evidence_of_one_mention(store):
    """The date a merge takes comes with its sentence: date_text is always found in the evidence."""
    store.ingest(doc("d1", published="2024-11-28"),
                 [ev("d1", "CONSULT", KIM, PUTIN, date="2024-11", date_text="今月",
                     evidence="金総書記は今月、プーチン大統領と会談した。")])
    store.ingest(doc("d2", published="2024-11-28"),
                 [ev("d2", "CONSULT", PUTIN, KIM, date="2024-11-26", date_text="26日",
                     evidence="プーチン大統領は26日に平壌で金総書記と会談した。")])
    store.ingest(doc("d3", published="2024-11-29"),  # a coarser date later changes nothing
                 [ev("d3", "CONSULT", KIM, PUTIN, date="2024", date_text="今年",
                     evidence="両首脳は今年、会談した。")])
    (e,) = store.events()
    assert (e["date"], e["date_text"]) == ("2024-11-26", "26日")
    assert e["date_text"] in e["evidence"]
    assert e["docs"] == ["d1", "d2", "d3"]


# -- places, confidence and quad class (issue 18) ------------------------------------------


PYONGYANG = {"id": "Pyongyang", "country": "PRK", "text": "平壌"}


def test_ingest_resolves_the_place_and_keeps_it_in_columns(store):
    store.ingest(doc("p1"), [ev("p1", "CONSULT", PUTIN, KIM, date="2024-06-19", location=PYONGYANG)])
    (row,) = store.events()
    loc = row["location"]
    assert {k: loc[k] for k in PYONGYANG} == PYONGYANG  # the extractor's fields kept
    assert (loc["place"], loc["geonameid"], loc["admin1"], loc["place_country"]) == \
        ("Pyongyang", 1871859, "KP.12", "PRK")
    cols = store.read(lambda c: c.execute(
        "SELECT latitude, longitude, geonameid, place_country, admin1, quad_class FROM events").fetchone())
    assert (round(cols[0], 2), round(cols[1], 2), *cols[2:]) == (39.03, 125.75, 1871859, "PRK", "KP.12", 1)


def test_quad_class_and_confidence_on_every_event(store):
    store.ingest(doc("q1"), [ev("q1", "ASSAULT", PRK, JPN), ev("q1", "ACCUSE", JPN, PRK),
                             ev("q1", "AID", JPN, FISHER)])
    rows = {r["type"]: r for r in store.events()}
    assert {t: r["quad_class"] for t, r in rows.items()} == {"ASSAULT": 4, "ACCUSE": 3, "AID": 2}
    assert all(0 < r["confidence"] < 1 for r in rows.values())


def test_independent_reports_raise_the_confidence_and_reprints_do_not(store):
    store.ingest(doc("c1"), [ev("c1", "CONSULT", KIM, PUTIN, date="2024-06-19", confidence=0.5)])
    store.ingest(doc("c2"), [ev("c2", "CONSULT", PUTIN, KIM, date="2024-06-19", confidence=0.6)])
    (row,) = store.events()
    assert row["sources"] == 2 and row["confidence"] == 0.8  # 1 - 0.5 * 0.4
    store.ingest(doc("c3", duplicate_of="c2"), [ev("c3", "CONSULT", PUTIN, KIM, date="2024-06-19",
                                                   confidence=0.7)])
    (row,) = store.events()
    assert row["sources"] == 2 and row["confidence"] == 0.8  # a reprint is no new evidence


def test_min_confidence_filters(store):
    store.ingest(doc("m1"), [ev("m1", "CONSULT", KIM, PUTIN, confidence=0.9),
                             ev("m1", "ACCUSE", JPN, PRK, confidence=0.3)])
    assert [r["type"] for r in store.events(min_confidence=0.5)] == ["CONSULT"]
    assert len(store.events(min_confidence=0.0)) == 2
    with pytest.raises(InputError, match="min_confidence"):
        store.events(min_confidence=1.5)


def test_migration_0005_fills_places_quads_and_confidence_of_an_older_store(tmp_path, monkeypatch):
    from gaiko.store import migrations

    path = str(tmp_path / "old.duckdb")
    older = [m for m in migrations.MIGRATIONS.migrations if m.name < "0005"]
    monkeypatch.setattr(migrations.MIGRATIONS, "_migrations", older)
    with Store(path) as s:
        s.write(lambda c: c.execute(
            "INSERT INTO events (id, seq, type, mode, status, date, location, evidence, doc, dyad_key,"
            " status_history, sources) VALUES ('e1', 1, 'SANCTION', NULL, 'occurred', '2024-01',"
            " '{\"id\": \"Busan\", \"country\": \"KOR\", \"text\": \"釜山\"}', '制裁', 'd', 'k', '[]', 2)"))
        s.write(lambda c: c.execute(
            "INSERT INTO event_actors VALUES ('e1', 'source', 0, 'usa', 'USA', 'USA', '米国', NULL),"
            " ('e1', 'target', 0, 'prk', 'PRK', 'PRK', '北朝鮮', NULL)"))
    monkeypatch.undo()
    with Store(path) as s:
        assert s.migrations.pending(s) == []
        row = s.read(lambda c: c.dicts("SELECT quad_class, confidence, geonameid, admin1, location FROM events"))[0]
    assert row["quad_class"] == 4 and row["geonameid"] == 1838524 and row["admin1"] == "KR.10"
    assert "latitude" in row["location"]
    from gaiko.confidence import combine, confidence

    one = confidence({"type": "SANCTION", "status": "occurred", "evidence": "制裁",
                      "source": [{"id": "USA"}], "target": [{"id": "PRK"}]})
    assert row["confidence"] == combine(one, one)  # two sources
