"""What the pages and the API show, computed from the store's event dicts.

Pure functions: no database, no HTTP.  The store answers the queries
(``Store.events`` with an ``EventFilter``, free text included); these functions summarise the rows it
returns: monthly counts by type, an actor's counterparts and
the highlighted spans of an article.  (The network is the store's,
:func:`gaiko.store.graph.actor_graph`.)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gaiko.store.merge import date_precision, normalise_id
from gaiko.web import plover

Event = dict[str, Any]
Actor = dict[str, Any]


# -- actors -----------------------------------------------------------------------------


def actor_ref(actor: Actor) -> str | None:
    """What names an actor in URLs and filters: its id, else its country code."""
    return actor.get("id") or actor.get("country") or None


def actor_label(actor: Actor) -> str:
    """A display name: id, else ``text (COUNTRY)``, else the text."""
    if actor.get("id"):
        return str(actor["id"])
    text, country = actor.get("text"), actor.get("country")
    if text and country:
        return f"{text} ({country})"
    return str(text or country or "?")


def matches_actor(actor: Actor, ref: str) -> bool:
    """The store's actor filter, for one actor: by id, country or normalised id."""
    key = normalise_id(ref) or ref
    return ref in (actor.get("id"), actor.get("country")) or (
        bool(actor.get("id")) and normalise_id(str(actor["id"])) == key
    )


# -- dates ------------------------------------------------------------------------------


PRECISION_NAMES = {0: "undated", 1: "year", 2: "month", 3: "day"}


def format_date(date: str | None, date_end: str | None = None) -> str:
    """The date as precise as it is known, never more: ``2024-11``, ``2024-11-04 – 2024-11-06``."""
    if not date:
        return "undated"
    if date_end and date_end != date:
        return f"{date} – {date_end}"
    return date


def precision(date: str | None) -> str:
    return PRECISION_NAMES[date_precision(date)]


# -- search -----------------------------------------------------------------------------


# -- monthly counts ---------------------------------------------------------------------


@dataclass
class Monthly:
    months: list[str]                      # every month from the first to the last, gaps included
    counts: dict[str, dict[str, int]]      # month → type → n
    year_only: int                         # events dated to a year only (not placed on a month)
    undated: int

    def rows(self) -> list[dict[str, Any]]:
        return [{"month": m, "type": t, "count": n}
                for m in self.months for t, n in sorted(self.counts.get(m, {}).items())]

    def to_dict(self) -> dict[str, Any]:
        return {"months": self.months, "counts": self.rows(), "year_only": self.year_only,
                "undated": self.undated}

    def with_documents(self, documents: dict[str, int], normalise: bool = False) -> dict[str, Any]:
        """``to_dict`` plus the documents published each month; with ``normalise`` each
        row also has ``per_100_documents``."""
        out = self.to_dict()
        out["documents"] = [{"month": m, "documents": documents.get(m, 0)} for m in self.months]
        if normalise:
            for row in out["counts"]:
                docs = documents.get(row["month"], 0)
                row["per_100_documents"] = round(100.0 * row["count"] / docs, 2) if docs else None
        return out


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def monthly(events: Iterable[Event]) -> Monthly:
    """Events per month and type.  Only events dated to a month or a day are placed;
    the others are counted apart, never spread over months."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    year_only = undated = 0
    for e in events:
        p = date_precision(e.get("date"))
        if p == 0:
            undated += 1
        elif p == 1:
            year_only += 1
        else:
            counts[e["date"][:7]][e["type"]] += 1
    months = _month_range(min(counts), max(counts)) if counts else []
    return Monthly(months, {m: dict(c) for m, c in counts.items()}, year_only, undated)


def monthly_from_rows(rows: Iterable[tuple[str, str, int]]) -> Monthly:
    """The same shape from ``Store.timeline`` rows (month, type, n)."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for month, type_, n in rows:
        counts[month][type_] = int(n)
    months = _month_range(min(counts), max(counts)) if counts else []
    return Monthly(months, dict(counts), 0, 0)


# -- counterparts -----------------------------------------------------------


def _pairs(event: Event) -> Iterable[tuple[Actor, Actor]]:
    for s in event.get("source", []):
        for t in event.get("target", []):
            yield s, t


def counterparts(events: Iterable[Event], ref: str) -> list[dict[str, Any]]:
    """The actors on the other side of ``ref``'s events, most events first."""
    n: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    label: dict[str, str] = {}
    for e in events:
        seen: set[str] = set()
        for s, t in _pairs(e):
            for me, other in ((s, t), (t, s)):
                oref = actor_ref(other)
                if not matches_actor(me, ref) or oref is None or matches_actor(other, ref) or oref in seen:
                    continue
                seen.add(oref)
                n[oref] += 1
                types[oref][e["type"]] += 1
                label.setdefault(oref, actor_label(other))
    out = []
    for oref, count in n.most_common():
        score = plover.mean_score(types[oref].elements())
        out.append({"ref": oref, "label": label[oref], "events": count,
                    "types": dict(types[oref].most_common()), "score": round(score, 3),
                    "leaning": plover.leaning(score)})
    return out


# -- an article with its evidence highlighted -------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    events: tuple[str, ...] = ()   # ids of the events whose mention covers this text
    current: bool = False          # covered by the event the page is about


def highlight(text: str, spans: Sequence[tuple[int, int, str]], current: str | None = None) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece knows which events' mentions cover it.

    ``spans`` are ``(start, end, event_id)`` character offsets into ``text``; spans
    outside the text are clipped, empty ones ignored.
    """
    clean = [(max(0, s), min(len(text), e), ev) for s, e, ev in spans
             if s is not None and e is not None and min(len(text), e) > max(0, s)]
    cuts = sorted({0, len(text), *(s for s, _, _ in clean), *(e for _, e, _ in clean)})
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:]):
        ids = tuple(dict.fromkeys(ev for s, e, ev in clean if s <= lo and hi <= e))
        out.append(Segment(text[lo:hi], ids, current is not None and current in ids))
    return out


# -- places and normalised counts (issue 18) ---------------------------------------------


def places(events: Iterable[Event]) -> tuple[list[dict[str, Any]], int]:
    """Events grouped by the place they happened in (resolved coordinates), most events
    first; and how many events have no coordinates (no place, or one not resolved)."""
    groups: dict[tuple[float, float], dict[str, Any]] = {}
    unplaced = 0
    for e in events:
        loc = e.get("location") or {}
        lat, lon = loc.get("latitude"), loc.get("longitude")
        if lat is None or lon is None:
            unplaced += 1
            continue
        g = groups.setdefault((round(lat, 3), round(lon, 3)), {
            "name": loc.get("place") or loc.get("id") or loc.get("text"), "latitude": lat, "longitude": lon,
            "country": loc.get("place_country"), "admin1": loc.get("admin1"), "geonameid": loc.get("geonameid"),
            "kind": loc.get("place_kind"), "texts": Counter(), "types": Counter()})
        g["texts"][loc.get("text") or ""] += 1
        g["types"][e["type"]] += 1
    out = []
    for g in groups.values():
        types = g.pop("types")
        score = plover.mean_score(types.elements())
        out.append({**g, "texts": [t for t, _ in g["texts"].most_common() if t], "events": sum(types.values()),
                    "types": dict(types.most_common()), "score": round(score, 3), "leaning": plover.leaning(score)})
    out.sort(key=lambda p: (-p["events"], p["name"] or ""))
    return out, unplaced


def normalised(data: Monthly, documents: dict[str, int]) -> Monthly:
    """The same months with each count as events per 100 documents published that month
    (a month with events but no dated document shows none)."""
    counts = {m: {t: round(100.0 * n / documents[m], 2) for t, n in row.items()}
              for m, row in data.counts.items() if documents.get(m)}
    return Monthly(data.months, counts, data.year_only, data.undated)
