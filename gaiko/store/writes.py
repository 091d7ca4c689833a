"""The ingest transaction: one document with its events and mentions, written whole.

:meth:`gaiko.store.store.Store.ingest` runs :func:`write_document` inside one
write transaction; the merge rule it applies is :mod:`gaiko.store.merge`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from gaiko.errors import StoreError
from gaiko.plover import quad_class
from gaiko.records import Document, Event
from gaiko.store import merge
from gaiko.store.connection import Connection, event_id_for, now


@dataclass(frozen=True)
class IngestResult:
    """What one ``Store.ingest`` did: whether the document was new, and how many events
    it created, how many of its reports merged into stored events, how many mentions."""

    document_added: bool
    events_added: int
    mentions_added: int
    events_merged: int


# -- the ingest transaction ---------------------------------------------------------
#
# One document costs a fixed handful of statements whatever its number of events
# (DuckDB's cost is per statement): what the store holds (one lookup), the stored
# events each report might merge into (one query), then one multi-row statement
# per table written.  The merge decisions are made in Python on those candidates,
# which are updated in memory as the document's own reports are applied, so a
# report can merge into an event created or updated earlier in the same document,
# exactly as if each report had been written before the next was read.

# what the store holds, as (question, count, list) rows: one UNION ALL of small
# queries costs half what the same queries cost as scalar subqueries of one SELECT
_LOOKUP = (
    "SELECT 0, count(*), NULL::VARCHAR[] FROM documents WHERE content_hash = ?"  # the same text, any id
    " UNION ALL SELECT 1, count(*), NULL FROM documents WHERE id = ?"
    " UNION ALL SELECT 2, max(seq), NULL FROM documents"
    " UNION ALL SELECT 3, max(seq), NULL FROM events"
    " UNION ALL SELECT 4, max(seq), NULL FROM mentions"
    # the stored documents that count as the same source as this one (see merge: sources)
    " UNION ALL SELECT 5, NULL, list(id) FROM documents WHERE coalesce(duplicate_of, id) = ?"
    " UNION ALL SELECT 6, NULL, list(key) FROM actors WHERE list_contains(?::VARCHAR[], key)"
)
_CANDIDATE_COLUMNS = ("id", "type", "dyad_key", "date", "date_end", "date_text", "mode", "location",
                      "status_history", "sources", "confidence")
_EVENT_INSERT = (
    "INSERT INTO events (id, seq, type, mode, status, date, date_end, date_text, date_lo, date_hi,"
    " location, evidence, doc, dyad_key, status_history, sources, confidence, quad_class,"
    " latitude, longitude, geonameid, place_country, admin1) VALUES "
)
_EVENT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_EVENT_UPDATE = (
    "UPDATE events SET status = v.status, status_history = v.history, date = v.date,"
    " date_end = v.date_end, date_text = v.date_text, date_lo = v.date_lo, date_hi = v.date_hi,"
    " mode = coalesce(events.mode, v.mode), location = coalesce(events.location, v.location),"
    " sources = v.sources, confidence = v.confidence,"
    " latitude = coalesce(events.latitude, v.latitude), longitude = coalesce(events.longitude, v.longitude),"
    " geonameid = coalesce(events.geonameid, v.geonameid),"
    " place_country = coalesce(events.place_country, v.place_country), admin1 = coalesce(events.admin1, v.admin1),"
    " evidence = coalesce(v.evidence, events.evidence)"
    " FROM (VALUES {rows})"
    " v(id, status, history, date, date_end, date_text, date_lo, date_hi, mode, location, sources, confidence,"
    " latitude, longitude, geonameid, place_country, admin1, evidence)"
    " WHERE events.id = v.id"
)
_UPDATE_ROW = ("(?::VARCHAR, ?::VARCHAR, ?::JSON, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::DATE, ?::DATE,"
               " ?::VARCHAR, ?::JSON, ?::INTEGER, ?::DOUBLE, ?::DOUBLE, ?::DOUBLE, ?::BIGINT, ?::VARCHAR, ?::VARCHAR,"
               " ?::VARCHAR)")


def prepared(ev: Event) -> Event:
    """The event as stored: its place resolved (:mod:`gaiko.places`) and its confidence
    set (:mod:`gaiko.confidence`; from the record alone when the pipeline gave none).
    The caller's event is left as it was."""
    from gaiko.confidence import confidence
    from gaiko.places import enrich

    changes: dict[str, Any] = {}
    if ev.location:
        changes["location"] = enrich(ev.location)
    if ev.confidence is None:
        changes["confidence"] = confidence(ev.to_dict(), ev.basis)
    return dataclasses.replace(ev, **changes) if changes else ev


def _place_columns(location: dict[str, Any] | None) -> list[Any]:
    """latitude, longitude, geonameid, place_country, admin1 of a (resolved) location."""
    loc = location or {}
    return [loc.get("latitude"), loc.get("longitude"), loc.get("geonameid"), loc.get("place_country"),
            loc.get("admin1")]


def _values(row: str, rows: list[list[Any]]) -> tuple[str, list[Any]]:
    """``row`` repeated once per row, and the rows' values flattened, for one multi-row statement."""
    return ", ".join([row] * len(rows)), [v for r in rows for v in r]


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def write_document(conn: Connection, doc: Document, events: list[Event], chash: str) -> IngestResult:
    # 1. what the store already holds
    dyads = [merge.dyad_key(ev.type, ev.source, ev.target) for ev in events]
    actor_keys = sorted({merge.actor_key(a) for ev in events for a in (*ev.source, *ev.target)})
    same_source = doc.duplicate_of if doc.duplicate_of is not None else doc.id
    found = {k: (n or 0, names or []) for k, n, names in
             conn.execute(_LOOKUP, [chash, doc.id, same_source, actor_keys]).fetchall()}
    (same_text, _), (same_id, _), (doc_seq, _), (event_seq, _), (mention_seq, _) = (found[k] for k in range(5))
    if same_text:
        return IngestResult(False, 0, 0, 0)
    if same_id:
        raise StoreError(
            f"{doc.id}: a different text is already stored under this document id "
            "(give the new version another id, or use a new store)"
        )
    conn.execute(
        "INSERT INTO documents (id, content_hash, title, published, publisher, url, text,"
        " duplicate_of, ingested_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.id, chash, doc.title, doc.published, doc.publisher, doc.url, doc.text,
         doc.duplicate_of, now(), doc_seq + 1],
    )
    # 2. the stored events each report may merge into
    candidates = _candidates(conn, [(ev.type, dkey) for ev, dkey in zip(events, dyads)])

    # 3. each report becomes a new event or merges into a candidate (see gaiko.store.merge);
    # a document counts as a new source of an event unless a document with the same
    # original (duplicate_of, else itself) already reports it
    same_source_docs = set(found[5][1]) | {doc.id}
    created: list[tuple[dict[str, Any], Event]] = []
    mention_rows: list[list[Any]] = []
    for index, (ev, dkey) in enumerate(zip(events, dyads)):
        report = {"doc": doc.id, "status": ev.status, "date": ev.date}
        group = candidates[(ev.type, dkey)]
        target = merge.choose({"date": ev.date, "mode": ev.mode, "location": ev.location}, group)
        if target is None:
            event_seq += 1
            target = {"id": event_id_for(chash, index), "seq": event_seq, "dyad_key": dkey, "date": ev.date,
                      "date_end": ev.date_end, "date_text": ev.date_text, "mode": ev.mode,
                      "location": ev.location or None, "history": [report], "sources": 1,
                      "confidence": ev.confidence}
            group.append(target)
            created.append((target, ev))
        else:
            _merge_into(target, ev, report, same_source_docs)
        for m in ev.mentions or [None]:
            mention_seq += 1
            mention_rows.append([target["id"], doc.id, m.start if m else None, m.end if m else None,
                                 ev.evidence, mention_seq])

    # 4. one statement per table
    if created:
        _insert_events(conn, created, known_actors=set(found[6][1]))
    updated = [c for group in candidates.values() for c in group if "stored_mode" in c and "history" in c]
    if updated:
        _update_events(conn, updated)
    if mention_rows:
        sql, params = _values("(?, ?, ?, ?, ?, ?)", mention_rows)
        conn.execute('INSERT INTO mentions (event_id, doc, start, "end", evidence, seq) VALUES ' + sql, params)
    return IngestResult(True, len(created), len(mention_rows), len(events) - len(created))


def _candidates(conn: Connection, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The stored events of each (type, dyad key), in creation order."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {pair: [] for pair in pairs}
    if not out:
        return out
    where = " OR ".join(["(type = ? AND dyad_key = ?)"] * len(out))
    rows = conn.execute(f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM events WHERE {where} ORDER BY seq",
                        [v for pair in out for v in pair]).fetchall()
    for row in rows:
        c = dict(zip(_CANDIDATE_COLUMNS, row))
        c["location"] = json.loads(c["location"]) if c["location"] else None
        c["stored_mode"], c["stored_location"] = c["mode"], c["location"]  # what the update may fill in
        out[(c["type"], c["dyad_key"])].append(c)
    return out


def _merge_into(target: dict[str, Any], ev: Event, report: dict[str, Any], same_source_docs: set[str]) -> None:
    """Apply one report to an event held in memory: the rule of :mod:`gaiko.store.merge`."""
    from gaiko.confidence import combine

    if "history" not in target:
        target["history"] = json.loads(target["status_history"])
    if not any(h["doc"] in same_source_docs for h in target["history"]):
        target["sources"] = (target["sources"] or 0) + 1
        target["confidence"] = combine(target.get("confidence"), ev.confidence)  # independent evidence
    elif ev.confidence is not None:
        target["confidence"] = max(target.get("confidence") or 0.0, ev.confidence)  # a reprint: no new evidence
    target["history"].append(report)
    if merge.more_precise(target["date"], ev.date):
        # the date and the sentence it was read from come from one report (date_text is in the evidence)
        target["date"], target["date_end"], target["date_text"] = ev.date, ev.date_end, ev.date_text
        target["evidence"] = ev.evidence
    if target["mode"] is None:
        target["mode"] = ev.mode
    if target["location"] is None:
        target["location"] = ev.location or None


def _insert_events(conn: Connection, created: list[tuple[dict[str, Any], Event]], *,
                   known_actors: set[str]) -> None:
    """The new events, their actors, and the actors the store did not know yet."""
    rows, actor_rows, new_actors = [], [], {}
    for e, ev in created:
        lo, hi = _interval(e["date"], e["date_end"])
        rows.append([e["id"], e["seq"], ev.type, e["mode"], merge.merged_status(e["history"]), e["date"],
                     e["date_end"], e["date_text"], lo, hi, _json(e["location"]),
                     e.get("evidence", ev.evidence), ev.doc,
                     e["dyad_key"], json.dumps(e["history"], ensure_ascii=False), e["sources"],
                     e["confidence"], quad_class(ev.type), *_place_columns(e["location"])])
        for role, actors in (("source", ev.source), ("target", ev.target)):
            for pos, actor in enumerate(actors):
                key = merge.actor_key(actor)
                values = [actor.get("id"), actor.get("country"), actor.get("text"), actor.get("sector")]
                actor_rows.append([e["id"], role, pos, key, *values])
                if key not in known_actors:
                    new_actors.setdefault(key, [key, *values])  # the first report names it
    sql, params = _values(_EVENT_ROW, rows)
    conn.execute(_EVENT_INSERT + sql, params)
    if actor_rows:
        sql, params = _values("(?, ?, ?, ?, ?, ?, ?, ?)", actor_rows)
        conn.execute("INSERT INTO event_actors (event_id, role, position, actor_key, actor_id, country,"
                     " text, sector) VALUES " + sql, params)
    if new_actors:
        sql, params = _values("(?, ?, ?, ?, ?)", list(new_actors.values()))
        conn.execute("INSERT INTO actors (key, id, country, text, sector) VALUES " + sql
                     + " ON CONFLICT DO NOTHING", params)


def _update_events(conn: Connection, updated: list[dict[str, Any]]) -> None:
    """The stored events reports merged into, each written once with its final state."""
    rows = []
    for c in updated:
        lo, hi = _interval(c["date"], c["date_end"])
        rows.append([c["id"], merge.merged_status(c["history"]), json.dumps(c["history"], ensure_ascii=False),
                     c["date"], c["date_end"], c["date_text"], lo, hi,
                     c["mode"] if c["stored_mode"] is None else None,
                     _json(c["location"]) if c["stored_location"] is None else None, c["sources"],
                     c["confidence"], *_place_columns(c["location"]), c.get("evidence")])
    sql, params = _values(_UPDATE_ROW, rows)
    conn.execute(_EVENT_UPDATE.format(rows=sql), params)


def _interval(date: str | None, date_end: str | None) -> tuple[Any, Any]:
    lo = merge.date_interval(date)
    hi = merge.date_interval(date_end or date, end=True)
    if lo and hi and hi < lo:
        hi = merge.date_interval(date, end=True)
    return lo, hi
