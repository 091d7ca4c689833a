"""Read queries over the store: deduplicated events with filters, documents,
counts, a timeline and the most active actors.  Parameterised SQL only."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gaiko.errors import InputError
from gaiko.store import merge

if TYPE_CHECKING:
    from gaiko.store.store import Connection, Store

# sources: distinct documents reporting the event, a document marked duplicate_of
# another counting as that other one (so a copy never raises the count)
_SOURCES = (
    "SELECT m.event_id, count(DISTINCT coalesce(d.duplicate_of, d.id)) AS sources"
    " FROM mentions m JOIN documents d ON d.id = m.doc GROUP BY m.event_id"
)

_EVENT_COLUMNS = (
    "e.id, e.doc, e.type, e.mode, e.status, e.date, e.date_end, e.date_text, e.location,"
    " e.evidence, e.status_history, coalesce(s.sources, 0) AS sources"
)


def _actor_match(alias: str, value: str) -> tuple[str, list[Any]]:
    """An actor of ``alias`` (event_actors) is ``value``: by id, country code or merge key."""
    return (
        f"({alias}.actor_id = ? OR {alias}.country = ? OR {alias}.actor_key = ?)",
        [value, value, merge.normalise_id(value) or value],
    )


def _one_or_many(column: str, value: str | Sequence[str]) -> tuple[str, list[Any]]:
    if isinstance(value, str):
        return f"{column} = ?", [value]
    return f"list_contains(?, {column})", [list(value)]


def _bound(name: str, value: str, *, end: bool) -> Any:
    bound = merge.date_interval(value, end=end)
    if bound is None:
        raise InputError(name, f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return bound


def _where(
    *,
    actor: str | None = None,
    type: str | Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | Sequence[str] | None = None,
    country: str | None = None,
    dyad: tuple[str, str] | None = None,
) -> tuple[list[str], list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if actor:
        sql, p = _actor_match("a", actor)
        conds.append(f"e.id IN (SELECT a.event_id FROM event_actors a WHERE {sql})")
        params += p
    if type:
        sql, p = _one_or_many("e.type", type)
        conds.append(sql)
        params += p
    if status:
        sql, p = _one_or_many("e.status", status)
        conds.append(sql)
        params += p
    if country:
        conds.append("e.id IN (SELECT a.event_id FROM event_actors a WHERE a.country = ?)")
        params.append(country)
    if dyad:
        if len(dyad) != 2:
            raise InputError("dyad", f"needs two actors, got {dyad!r}")
        sx, px = _actor_match("x", dyad[0])
        sy, py = _actor_match("y", dyad[1])
        conds.append(
            "e.id IN (SELECT x.event_id FROM event_actors x JOIN event_actors y"
            f" ON y.event_id = x.event_id AND y.role <> x.role WHERE {sx} AND {sy})"
        )
        params += px + py
    # an event's date is the interval it covers; keep it if it overlaps [since, until]
    if since:
        conds.append("e.date_hi >= ?")
        params.append(_bound("since", since, end=False))
    if until:
        conds.append("e.date_lo <= ?")
        params.append(_bound("until", until, end=True))
    return conds, params


def events(
    store: "Store",
    *,
    actor: str | None = None,
    type: str | Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | Sequence[str] | None = None,
    country: str | None = None,
    dyad: tuple[str, str] | None = None,
    min_sources: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Deduplicated events, oldest date first (undated last), then in creation order."""
    conds, params = _where(actor=actor, type=type, since=since, until=until, status=status,
                           country=country, dyad=dyad)
    if min_sources:
        conds.append("coalesce(s.sources, 0) >= ?")
        params.append(int(min_sources))
    return _select(store, conds, params, limit=limit, offset=offset)


def event(store: "Store", event_id: str) -> dict[str, Any] | None:
    rows = _select(store, ["e.id = ?"], [event_id])
    return rows[0] if rows else None


def _select(store: "Store", conds: list[str], params: list[Any], *, limit: int | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """The events matching ``conds``, with their actors and mentions, in one statement.

    DuckDB gathers each event's actors and mentions into JSON lists (``to_json``),
    so Python decodes three strings per event instead of building a row per actor
    and per mention; the selection is computed once (``sel``) and the actor and
    mention lists only for the events it keeps."""
    params = list(params)
    page = ""
    if limit is not None:
        page += " LIMIT ?"
        params.append(int(limit))
    if offset:
        page += " OFFSET ?"
        params.append(int(offset))
    sql = (
        f"WITH sel AS (SELECT {_EVENT_COLUMNS}, e.date_lo, e.seq FROM events e"
        f" LEFT JOIN ({_SOURCES}) s ON s.event_id = e.id"
        + (" WHERE " + " AND ".join(conds) if conds else "")
        + " ORDER BY e.date_lo NULLS LAST, e.seq" + page + "),"
        " act AS (SELECT a.event_id, to_json(list({'role': a.role, 'id': a.actor_id, 'country': a.country,"
        " 'text': a.text, 'sector': a.sector} ORDER BY a.role, a.position)) AS actors"
        " FROM event_actors a WHERE a.event_id IN (SELECT id FROM sel) GROUP BY a.event_id),"
        " men AS (SELECT m.event_id, to_json(list({'doc': m.doc, 'start': m.start, 'end': m.\"end\"}"
        " ORDER BY m.seq)) AS mentions"
        " FROM mentions m WHERE m.event_id IN (SELECT id FROM sel) GROUP BY m.event_id)"
        " SELECT sel.id, sel.doc, sel.type, sel.mode, sel.status, sel.date, sel.date_end, sel.date_text,"
        " sel.location, sel.evidence, sel.status_history, sel.sources, act.actors, men.mentions"
        " FROM sel LEFT JOIN act ON act.event_id = sel.id LEFT JOIN men ON men.event_id = sel.id"
        " ORDER BY sel.date_lo NULLS LAST, sel.seq"
    )
    rows = store.read(lambda conn: conn.execute(sql, params).fetchall())
    return [_row(r) for r in rows]


def _actor_dict(a: dict[str, Any]) -> dict[str, Any]:
    out = {"id": a["id"], "country": a["country"], "text": a["text"]}
    if a["sector"]:
        out["sector"] = a["sector"]
    return out


def _row(r: tuple[Any, ...]) -> dict[str, Any]:
    """One event in the EVENTS.md field order, plus mentions, sources, docs and history."""
    (id_, doc, type_, mode, status, date, date_end, date_text, location, evidence, history, sources,
     actors, mentions) = r
    sides: dict[str, list[dict[str, Any]]] = {"source": [], "target": []}
    for a in json.loads(actors) if actors else ():
        sides[a["role"]].append(_actor_dict(a))
    ms = json.loads(mentions) if mentions else []
    return {
        "id": id_,
        "doc": doc,
        "type": type_,
        "mode": mode,
        "status": status,
        "source": sides["source"],
        "target": sides["target"],
        "date": date,
        "date_end": date_end,
        "date_text": date_text,
        "location": json.loads(location) if location else None,
        "evidence": evidence,
        "mentions": ms,
        "sources": int(sources),
        "docs": list(dict.fromkeys(m["doc"] for m in ms)),
        "status_history": json.loads(history),
    }


_DOC_COLUMNS = "id, content_hash, title, published, publisher, url, duplicate_of, ingested_at"


def _doc_dict(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    if row.get("ingested_at") is not None:
        row["ingested_at"] = row["ingested_at"].isoformat()
    return row


def documents(store: "Store") -> list[dict[str, Any]]:
    """Every stored document (without its text), in ingest order, with its event count."""
    sql = (
        f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))},"
        " (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.doc = d.id) AS events"
        " FROM documents d ORDER BY d.seq"
    )
    return [_doc_dict(r) for r in store.read(lambda c: c.dicts(sql))]


def document(store: "Store", doc_id: str) -> dict[str, Any] | None:
    """One document with its text, or None."""
    rows = store.read(lambda c: c.dicts(f"SELECT {_DOC_COLUMNS}, text FROM documents WHERE id = ?", [doc_id]))
    return _doc_dict(rows[0]) if rows else None


def counts(store: "Store") -> dict[str, int]:
    def fn(conn: "Connection") -> dict[str, int]:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "events", "mentions")
        }

    return store.read(fn)


def timeline(store: "Store", a: str, b: str | None = None) -> list[tuple[str, str, int]]:
    """(month, type, count) for events involving ``a`` (with ``b`` on the other side,
    if given).  Events dated to a year only, or undated, are left out."""
    if b is None:
        conds, params = _where(actor=a)
    else:
        conds, params = _where(dyad=(a, b))
    sql = (
        "SELECT substr(e.date, 1, 7) AS month, e.type, count(*) AS n FROM events e"
        " WHERE length(e.date) >= 7 AND " + " AND ".join(conds)
        + " GROUP BY ALL ORDER BY month, e.type"
    )
    return [tuple(r) for r in store.read(lambda c: c.execute(sql, params).fetchall())]


def actors(store: "Store", limit: int = 20) -> list[dict[str, Any]]:
    """The most active actors: ``{"key", "id", "country", "text", "events"}``, most events first."""
    sql = (
        "SELECT a.key, a.id, a.country, a.text, count(DISTINCT ea.event_id) AS events"
        " FROM actors a JOIN event_actors ea ON ea.actor_key = a.key"
        " GROUP BY ALL ORDER BY events DESC, a.key LIMIT ?"
    )
    return store.read(lambda c: c.dicts(sql, [int(limit)]))
