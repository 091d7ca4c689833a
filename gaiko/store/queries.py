"""Read queries over the store: deduplicated events with filters, documents,
counts, a timeline and the most active actors.  Parameterised SQL only."""

from __future__ import annotations

import bisect
import contextlib
import gc
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from gaiko.errors import InputError
from gaiko.store import merge
from gaiko.store.filters import EventFilter, actor_match, where_sql

if TYPE_CHECKING:
    import pyarrow as pa

    from gaiko.store.connection import Connection, Reader

def events(store: "Reader", where: EventFilter | None = None, *, limit: int | None = None, offset: int = 0,
           sort: str = "date") -> list[dict[str, Any]]:
    """Deduplicated events matching ``where`` in the order ``sort`` names (:data:`SORTS`);
    by default oldest date first (undated last), then in creation order."""
    conds, params = (where or EventFilter()).where()
    return _select(store, conds, params, limit=limit, offset=offset, order=order_by(sort))


def count_events(store: "Reader", where: EventFilter | None = None) -> int:
    """How many events match ``where``."""
    conds, params = (where or EventFilter()).where()
    sql = "SELECT count(*) FROM events e" + where_sql((conds, params))
    return store.read(lambda c: c.execute(sql, params).fetchone()[0])


def latest_dated(store: "Reader", n: int) -> list[dict[str, Any]]:
    """The ``n`` dated events latest by their date as written (``2024`` before
    ``2024-01``), oldest of them first; ties in creation order."""
    rows = _select(store, ["e.date IS NOT NULL"], [], limit=n, order="e.date DESC, e.seq DESC")
    return rows[::-1]


def document_with_text(store: "Reader", content_hash: str) -> str | None:
    """The id of the stored document whose cleaned text has ``content_hash``, or None."""
    rows = store.read(lambda c: c.execute("SELECT id FROM documents WHERE content_hash = ? ORDER BY seq LIMIT 1",
                                          [content_hash]).fetchall())
    return rows[0][0] if rows else None


def event(store: "Reader", event_id: str) -> dict[str, Any] | None:
    rows = _select(store, ["e.id = ?"], [event_id])
    return rows[0] if rows else None


_ORDER = "e.date_lo NULLS LAST, e.seq"


def _side(role: str) -> str:
    return (f"(SELECT min(coalesce(a.actor_id, a.text)) FROM event_actors a"
            f" WHERE a.event_id = e.id AND a.role = '{role}')")


# what each sort key orders by; "-key" reverses the key (ties stay oldest first)
_SORT_KEYS = {
    "date": "e.date_lo {asc} NULLS LAST, e.date_hi {asc} NULLS LAST",
    "type": "e.type {asc}",
    "status": "e.status {asc}",
    "source": _side("source") + " {asc} NULLS LAST",
    "target": _side("target") + " {asc} NULLS LAST",
    "sources": "e.sources {desc}",   # most reported first
    "doc": "e.doc {asc}",
}
SORTS = tuple(k for key in _SORT_KEYS for k in (key, "-" + key))


def order_by(sort: str) -> str:
    """The ORDER BY of a sort key (``date``, ``-date`` newest first, ``sources`` most
    reported first, ``type``, ``status``, ``source``, ``target``, ``doc``)."""
    key = sort.strip().lower() if sort else "date"
    reverse = key.startswith("-")
    key = key.lstrip("-")
    if key not in _SORT_KEYS:
        raise InputError("--sort", f"unknown sort {sort!r} (one of {', '.join(SORTS)})")
    asc, desc = ("DESC", "ASC") if reverse else ("ASC", "DESC")
    order = _SORT_KEYS[key].format(asc=asc, desc=desc)
    if key == "date" and not reverse:
        return _ORDER
    return f"{order}, e.date_lo NULLS LAST, e.seq" if key != "date" else f"{order}, e.seq DESC"
# up to this many events, their actors and mentions are fetched by the list of their
# ids (cheaper than selecting the events again; dearer beyond a couple of thousand)
LISTED_IDS = 1000
_HISTORY = "STRUCT(doc VARCHAR, status VARCHAR, date VARCHAR)[]"  # the JSON ingest writes


def _select(store: "Reader", conds: list[str], params: list[Any], *,
            limit: int | None = None, offset: int = 0, order: str = _ORDER) -> list[dict[str, Any]]:
    """The events matching ``conds``, with their actors and mentions, in output order.

    Three flat statements, read as Arrow columns (much cheaper to turn into
    Python values than row tuples or nested lists): the events themselves, their
    actors and their mentions, the last two sorted by the event's rank in the
    output (``r``) and cut into each event's share by offsets.  Gathering the
    actors and mentions into lists inside DuckDB (``list(... ORDER BY ...)``)
    or as JSON costs more than all of this together."""
    params = list(params)
    where = where_sql((conds, params))
    page = ""
    if limit is not None:
        page += " LIMIT ?"
        params.append(int(limit))
    if offset:
        page += " OFFSET ?"
        params.append(int(offset))
    # a page is cut before the history is decoded, not after
    selected = f"(SELECT * FROM events e{where} ORDER BY {order}{page}) e" if page else f"events e{where}"
    event_sql = (
        "SELECT e.id, e.doc, e.type, e.mode, e.status, e.date, e.date_end, e.date_text, e.location,"
        f" e.evidence, e.sources, CAST(e.status_history AS {_HISTORY}) AS history, e.confidence, e.quad_class"
        f" FROM {selected} ORDER BY {order}"
    )
    # the same events with their 0-based rank in that order, to sort actors and mentions by:
    # selected again, or, for a short list, given as the ids the first statement returned
    ranked = (f"WITH r AS (SELECT e.id, row_number() OVER (ORDER BY {order}) - 1 AS rank"
              f" FROM (SELECT e.id, e.date, e.date_lo, e.date_hi, e.seq, e.type, e.status, e.sources, e.doc"
              f" FROM {selected}) e)")
    listed = "WITH r AS (SELECT id, rank - 1 AS rank FROM unnest(?::VARCHAR[]) WITH ORDINALITY AS r(id, rank))"
    actor_sql = (
        "{r} SELECT r.rank, a.role, a.actor_id, a.country, a.text, a.sector"
        " FROM r JOIN event_actors a ON a.event_id = r.id ORDER BY a.role, r.rank, a.position"
    )
    mention_sql = (
        '{r} SELECT r.rank, m.doc, m.start, m."end"'
        " FROM r JOIN mentions m ON m.event_id = r.id ORDER BY r.rank, m.seq"
    )

    def fetch(conn: "Connection") -> tuple["pa.Table", "pa.Table", "pa.Table"]:
        with conn.snapshot():
            ev = conn.arrow(event_sql, params)
            if ev.num_rows <= LISTED_IDS:
                r, r_params = listed, [ev.column("id").to_pylist()]
            else:
                r, r_params = ranked, params
            return (ev, conn.arrow(actor_sql.format(r=r), r_params),
                    conn.arrow(mention_sql.format(r=r), r_params))

    ev, act, men = store.read(fetch)
    with _no_gc():
        return _records(ev, act, men)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small containers.

    Building tens of thousands of dicts and lists triggers collections that scan
    every object in the process, none of which can be garbage here; pausing it
    makes a large result about a third cheaper."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _offsets(ranks: "pa.ChunkedArray", n: int) -> list[int]:
    """Where each of ``n`` events' rows start in a column sorted by rank (and where the last ends)."""
    ranks = ranks.combine_chunks()
    if not len(ranks):
        return [0] * (n + 1)
    # numpy reads the Arrow buffer in place (ranks are never null); Array.to_numpy()
    # would import pandas, a third of a second for a command that prints ten events
    values = np.frombuffer(ranks.buffers()[1], dtype=np.int64)[ranks.offset:ranks.offset + len(ranks)]
    return np.searchsorted(values, np.arange(n + 1)).tolist()


def _records(ev: "pa.Table", act: "pa.Table", men: "pa.Table") -> list[dict[str, Any]]:
    """Event dicts in the EVENTS.md field order, plus mentions, sources, docs and history.

    Every nested dict is built in one comprehension over its flat columns, and
    each event takes its share as a slice: no per-row lookups or appends."""
    n = ev.num_rows

    def cut(flat: list[Any], offsets: list[int]) -> list[list[Any]]:
        return [flat[a:b] for a, b in zip(offsets, offsets[1:])]

    history = ev.column("history").combine_chunks()
    h = history.values
    reports = [{"doc": d, "status": s, "date": t} for d, s, t in
               zip(h.field("doc").to_pylist(), h.field("status").to_pylist(), h.field("date").to_pylist())]

    m_off = _offsets(men.column("rank"), n)
    m_doc = men.column("doc").to_pylist()
    mentions = [{"doc": d, "start": s, "end": e} for d, s, e in
                zip(m_doc, men.column("start").to_pylist(), men.column("end").to_pylist())]

    # actors come sorted by role ("source" < "target"), then rank, then position
    split = bisect.bisect_right(act.column("role").to_pylist(), "source")
    ranks = act.column("rank")
    actors = [{"id": i, "country": c, "text": t} if not s else {"id": i, "country": c, "text": t, "sector": s}
              for i, c, t, s in zip(act.column("actor_id").to_pylist(), act.column("country").to_pylist(),
                                    act.column("text").to_pylist(), act.column("sector").to_pylist())]

    return [
        {"id": id_, "doc": doc, "type": type_, "mode": mode, "status": status, "source": source,
         "target": target, "date": date, "date_end": date_end, "date_text": date_text,
         "location": json.loads(location) if location else None, "evidence": evidence,
         "mentions": ms, "sources": sources, "docs": list(dict.fromkeys(docs)), "status_history": hs,
         "confidence": confidence, "quad_class": quad}
        for id_, doc, type_, mode, status, date, date_end, date_text, location, evidence, sources,
        confidence, quad, source, target, ms, docs, hs in zip(
            *(ev.column(name).to_pylist() for name in
              ("id", "doc", "type", "mode", "status", "date", "date_end", "date_text", "location",
               "evidence", "sources", "confidence", "quad_class")),
            cut(actors, _offsets(ranks.slice(0, split), n)),
            cut(actors, [split + i for i in _offsets(ranks.slice(split), n)]),
            cut(mentions, m_off),
            cut(m_doc, m_off),
            cut(reports, history.offsets.to_pylist()),
        )
    ]


_DOC_COLUMNS = "id, content_hash, title, published, publisher, url, duplicate_of, ingested_at"


def _doc_dict(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    if row.get("ingested_at") is not None:
        row["ingested_at"] = row["ingested_at"].isoformat()
    return row


def documents(store: "Reader") -> list[dict[str, Any]]:
    """Every stored document (without its text), in ingest order, with its event count."""
    sql = (
        f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))},"
        " (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.doc = d.id) AS events"
        " FROM documents d ORDER BY d.seq"
    )
    return [_doc_dict(r) for r in store.read(lambda c: c.dicts(sql))]


def document(store: "Reader", doc_id: str) -> dict[str, Any] | None:
    """One document with its text, or None."""
    rows = store.read(lambda c: c.dicts(f"SELECT {_DOC_COLUMNS}, text FROM documents WHERE id = ?", [doc_id]))
    return _doc_dict(rows[0]) if rows else None


def counts(store: "Reader") -> dict[str, int]:
    def fn(conn: "Connection") -> dict[str, int]:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "events", "mentions")
        }

    return store.read(fn)


def country_of(store: "Reader", ref: str) -> str:
    """The state an actor belongs to (``Kim Jong Un`` → ``PRK``), for the country level;
    a country code, an IGO, or an actor of no known country is itself."""
    rows = store.read(lambda c: c.execute(
        "SELECT country FROM actors WHERE (id = ? OR key = ?) AND country IS NOT NULL LIMIT 1",
        [ref, merge.normalise_id(ref) or ref]).fetchall())
    if rows and rows[0][0] != "IGO":
        return rows[0][0]
    return ref


def timeline(store: "Reader", a: str, b: str | None = None, *, level: str = "actor",
             min_confidence: float | None = None) -> list[tuple[str, str, int]]:
    """(month, type, count) for events involving ``a`` (with ``b`` on the other side,
    if given).  Events dated to a year only, or undated, are left out.  At the
    ``country`` level ``a`` and ``b`` stand for their states (every event of any
    North Korean actor counts for ``Kim Jong Un``)."""
    if level == "country":
        a, b = country_of(store, a), (country_of(store, b) if b is not None else None)
    elif level != "actor":
        raise InputError("--level", f"unknown level {level!r} (one of actor, country)")
    if b is None:
        conds, params = EventFilter(actor=a, min_confidence=min_confidence).where()
    else:
        conds, params = EventFilter(dyad=(a, b), min_confidence=min_confidence).where()
    sql = (
        "SELECT substr(e.date, 1, 7) AS month, e.type, count(*) AS n FROM events e"
        " WHERE length(e.date) >= 7 AND " + " AND ".join(conds)
        + " GROUP BY ALL ORDER BY month, e.type"
    )
    return [tuple(r) for r in store.read(lambda c: c.execute(sql, params).fetchall())]


def actors(store: "Reader", limit: int = 20, *, level: str = "actor") -> list[dict[str, Any]]:
    """The most active actors: ``{"key", "id", "country", "text", "events"}``, most events first;
    at the ``country`` level, the states (people and organs folded in), with the same keys."""
    if level == "country":
        from gaiko.store.graph import node_expr

        node = node_expr("ea", "country")
        sql = (
            f"SELECT {node} AS key, CASE WHEN ea.country IS NOT NULL AND ea.country <> 'IGO' THEN {node}"
            " ELSE any_value(a.id) END AS id, any_value(ea.country) AS country,"
            f" CASE WHEN ea.country IS NOT NULL AND ea.country <> 'IGO' THEN {node} ELSE any_value(a.text) END"
            " AS text, count(DISTINCT ea.event_id) AS events"
            " FROM event_actors ea JOIN actors a ON a.key = ea.actor_key"
            f" GROUP BY {node}, ea.country IS NOT NULL AND ea.country <> 'IGO' ORDER BY events DESC, key LIMIT ?"
        )
        return store.read(lambda c: c.dicts(sql, [int(limit)]))
    if level != "actor":
        raise InputError("--level", f"unknown level {level!r} (one of actor, country)")
    sql = (
        "SELECT a.key, a.id, a.country, a.text, count(DISTINCT ea.event_id) AS events"
        " FROM actors a JOIN event_actors ea ON ea.actor_key = a.key"
        " GROUP BY ALL ORDER BY events DESC, a.key LIMIT ?"
    )
    return store.read(lambda c: c.dicts(sql, [int(limit)]))


def documents_per_month(store: "Reader") -> dict[str, int]:
    """Documents per publication month, ``{"2024-01": 12, ...}`` (reprints counted once:
    a document marked ``duplicate_of`` another is left out)."""
    sql = ("SELECT substr(published, 1, 7) AS month, count(*) FROM documents"
           " WHERE length(published) >= 7 AND duplicate_of IS NULL GROUP BY ALL ORDER BY month")
    return {m: int(n) for m, n in store.read(lambda c: c.execute(sql).fetchall())}


def has_actor(store: "Reader", ref: str) -> bool:
    """Whether some stored event has ``ref`` on a side (by id, country code or merge key)."""
    sql, params = actor_match("a", ref)
    return store.read(lambda c: c.execute(f"SELECT count(*) FROM event_actors a WHERE {sql}",
                                          params).fetchone()[0]) > 0


def actor_names(store: "Reader") -> list[str]:
    """Every name a stored actor goes by: ids, country codes and the texts it was reported as."""
    rows = store.read(lambda c: c.execute(
        "SELECT DISTINCT actor_id FROM event_actors WHERE actor_id IS NOT NULL"
        " UNION SELECT DISTINCT country FROM event_actors WHERE country IS NOT NULL"
        " UNION SELECT DISTINCT text FROM event_actors WHERE text IS NOT NULL").fetchall())
    return sorted(r[0] for r in rows)
