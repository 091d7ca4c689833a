"""What a page or an API route asks the store, in one place: each function takes
the open ``Store`` and returns plain dicts (``None`` when the id is unknown).

Ids come from the URL and are only ever looked up in the store (parameterised
queries in :mod:`gaiko.store.queries`); nothing here touches the file system.
"""

from __future__ import annotations

from typing import Any

from gaiko.store import EventFilter, Store
from gaiko.web import plover
from gaiko.web.views import actor_label, counterparts, highlight, matches_actor, monthly

Event = dict[str, Any]


def _doc_summary(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: doc.get(k) for k in ("id", "title", "published", "publisher", "url", "duplicate_of")}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The event, each mention with the text it covers, and the documents reporting it
    (with their cleaned text, for showing the evidence in place)."""
    event = store.event(event_id)
    if event is None:
        return None
    docs: dict[str, dict[str, Any]] = {}
    for doc_id in event["docs"] or [event["doc"]]:
        doc = store.document(doc_id)
        if doc is not None:
            docs[doc_id] = doc
    mentions = []
    for m in event["mentions"]:
        text = docs.get(m["doc"], {}).get("text")
        covered = text[m["start"]:m["end"]] if text is not None and m["start"] is not None else None
        mentions.append({**m, "text": covered})
    return {**event, "mentions": mentions, "score": plover.score(event["type"]),
            "documents": [{**_doc_summary(d), "text": d["text"]} for d in docs.values()]}


def article_segments(store: Store, doc: dict[str, Any], current: str | None = None) -> tuple[list[Any], list[Event]]:
    """A document's cleaned text cut into segments, each knowing the events whose
    mentions cover it; and those events."""
    events = store.events(EventFilter(doc=doc["id"]))
    spans = [(m["start"], m["end"], e["id"]) for e in events for m in e["mentions"]
             if m["doc"] == doc["id"] and m["start"] is not None]
    return highlight(doc["text"] or "", spans, current), events


def document_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    doc = store.document(doc_id)
    if doc is None:
        return None
    events = store.events(EventFilter(doc=doc_id))
    doc["events"] = [
        {"id": e["id"], "type": e["type"], "status": e["status"], "date": e["date"],
         "mentions": [m for m in e["mentions"] if m["doc"] == doc_id]}
        for e in events
    ]
    return doc


def actor_detail(store: Store, ref: str, events: list[Event] | None = None) -> dict[str, Any] | None:
    """An actor (by id or country code): its events by type, counterparts and months."""
    events = store.events(EventFilter(actor=ref)) if events is None else events
    if not events:
        return None
    labels = [actor_label(a) for e in events for a in [*e["source"], *e["target"]] if matches_actor(a, ref)]
    by_type: dict[str, int] = {}
    for e in events:
        by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    score = plover.mean_score(e["type"] for e in events)
    return {
        "actor": ref,
        "label": labels[0] if labels else ref,
        "names": sorted({a.get("text") for e in events for a in [*e["source"], *e["target"]]
                         if matches_actor(a, ref) and a.get("text")}),
        "events": len(events),
        "types": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        "score": round(score, 3),
        "leaning": plover.leaning(score),
        "counterparts": counterparts(events, ref),
        "monthly": monthly(events).to_dict(),
    }


def at_level(store: Store, query: Any, level: str) -> Any:
    """The event query with its actors folded into their states at the ``country`` level
    (``actor=Kim Jong Un`` becomes ``actor=PRK``: every North Korean actor's events)."""
    from dataclasses import replace

    from gaiko.errors import InputError
    from gaiko.store.queries import country_of

    if level == "actor":
        return query
    if level != "country":
        raise InputError("level", f"unknown level {level!r} (one of actor, country)")
    return replace(query, actor=country_of(store, query.actor) if query.actor else None,
                   dyad=tuple(country_of(store, a) for a in query.dyad) if query.dyad else None)


def network_for(store: Store, filters: EventFilter, max_nodes: int, level: str = "actor") -> dict[str, Any]:
    """The store's actor network (:func:`gaiko.store.graph.actor_graph`) for the events
    matching ``filters``, cut to the ``max_nodes`` most active actors.

    Nodes: ``id`` (the store's actor key), ``ref`` (what names the actor in a URL:
    its id, else its country code; None for an unnamed actor of no known country),
    ``label``, ``country``, ``events``, ``score``, ``types``.  Edges: ``source``,
    ``target`` (node ids), ``events``, ``score`` (mean cooperation–conflict score),
    ``leaning``, ``cooperation``, ``conflict``, ``types``.
    """
    from gaiko.store.graph import actor_graph

    graph = actor_graph(store, filters, level=level)
    kept = graph.nodes[:max_nodes]
    keys = {n["id"] for n in kept}
    nodes = [{"id": n["id"], "ref": n["actor_id"] or n["country"], "label": n["label"],
              "country": n["country"], "events": n["events"], "score": n["score"], "types": n["types"]}
             for n in kept]
    edges = [{"source": e["source"], "target": e["target"], "events": e["weight"], "score": e["score"],
              "leaning": plover.leaning(e["score"]), "cooperation": e["cooperation"],
              "conflict": e["conflict"], "types": e["types"]}
             for e in graph.edges if e["source"] in keys and e["target"] in keys]
    return {"nodes": nodes, "edges": edges}
