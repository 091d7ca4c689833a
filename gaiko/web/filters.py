"""The event filters of ``gaiko events``, as query parameters shared by the API and
the pages, validated once: a bad value raises ``InputError`` (a 422 naming the
parameter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

from gaiko.errors import InputError
from gaiko.options import check_date
from gaiko.records import PLOVER_TYPES, STATUSES
from gaiko.store import Store
from gaiko.web.views import search

MAX_LIMIT = 500


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _many(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


@dataclass(frozen=True)
class EventQuery:
    actor: str | None = None
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    min_sources: int | None = None
    q: str | None = None
    min_confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def store_filters(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.events``."""
        out: dict[str, Any] = {}
        for name in ("actor", "since", "until", "country", "dyad", "min_sources"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.type:
            out["type"] = self.type[0] if len(self.type) == 1 else list(self.type)
        if self.status:
            out["status"] = self.status[0] if len(self.status) == 1 else list(self.status)
        if self.min_confidence is not None:
            out["min_confidence"] = self.min_confidence
        return out

    def params(self) -> list[tuple[str, str]]:
        """The query as URL parameters (for links that keep the filters)."""
        out: list[tuple[str, str]] = []
        for name in ("actor", "since", "until", "country", "q"):
            value = getattr(self, name)
            if value:
                out.append((name, value))
        out += [("type", t) for t in self.type] + [("status", s) for s in self.status]
        if self.dyad:
            out += [("actor", self.dyad[0]), ("other", self.dyad[1])]
        if self.min_sources:
            out.append(("min_sources", str(self.min_sources)))
        if self.min_confidence is not None:
            out.append(("min_confidence", str(self.min_confidence)))
        return out

    def url(self, path: str, **more: Any) -> str:
        params = self.params() + [(k, str(v)) for k, v in more.items() if v is not None]
        return path + ("?" + urlencode(params) if params else "")

    @property
    def active(self) -> bool:
        return bool(self.params())


def event_query(
    actor: Annotated[str | None, Query(description="actor id (`Kim Jong Un`) or country code (`PRK`) on either side")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type; repeat or comma-separate for several")] = None,
    status: Annotated[list[str] | None, Query(description="occurred, planned, possible or denied; repeat for several")] = None,
    since: Annotated[str | None, Query(description="events overlapping this date or later: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events overlapping this date or earlier")] = None,
    country: Annotated[str | None, Query(description="ISO3 code of any actor")] = None,
    dyad: Annotated[list[str] | None, Query(description="two actors on opposite sides: give the parameter twice")] = None,
    other: Annotated[str | None, Query(description="with `actor`: the actor on the other side (same as `dyad=actor&dyad=other`)")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000, description="reported by at least N documents")] = None,
    q: Annotated[str | None, Query(max_length=200, description="free text in the evidence, actor names and date phrase")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="confidence at least this (0–1)")] = None,
) -> EventQuery:
    """The filters, checked: unknown types or statuses and malformed dates are 422s."""
    types = [t.upper() for t in _many(type)]
    for t in types:
        if t not in PLOVER_TYPES:
            raise InputError("type", f"unknown PLOVER type {t!r} (one of {', '.join(PLOVER_TYPES)})")
    statuses = [s.lower() for s in _many(status)]
    for s in statuses:
        if s not in STATUSES:
            raise InputError("status", f"unknown status {s!r} (one of {', '.join(STATUSES)})")
    since, until = check_date(_blank(since), "since"), check_date(_blank(until), "until")
    if since and until and since > until and not until.startswith(since):
        raise InputError("until", f"{until!r} is before since {since!r}")
    pair = [d.strip() for d in dyad or [] if d.strip()]
    if pair and len(pair) != 2:
        raise InputError("dyad", f"needs exactly two actors (give dyad twice), got {len(pair)}")
    if _blank(other):
        if pair:
            raise InputError("other", "give either dyad twice or actor with other, not both")
        if not _blank(actor):
            raise InputError("other", "needs actor= as well (the actor on the first side)")
        pair, actor = [_blank(actor), _blank(other)], None
    return EventQuery(actor=_blank(actor), type=tuple(dict.fromkeys(types)), status=tuple(dict.fromkeys(statuses)),
                      since=since, until=until, country=(_blank(country) or "").upper() or None,
                      dyad=(pair[0], pair[1]) if pair else None, min_sources=min_sources, q=_blank(q),
                      min_confidence=min_confidence)


@dataclass
class Page:
    events: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None
    total: int | None    # known when free-text search had to read every match

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                "total": self.total, "count": len(self.events), "events": self.events}


def fetch_page(store: Store, query: EventQuery, limit: int, offset: int, sort: str = "date") -> Page:
    """One page of events in ``sort`` order: the store filters, sorts and pages; free
    text is matched here."""
    filters = {**query.store_filters(), "sort": sort}
    if query.q:
        rows = search(store.events(**filters), query.q)
        page = rows[offset:offset + limit]
        more = offset + limit < len(rows)
        return Page(page, limit, offset, offset + limit if more else None, len(rows))
    rows = store.events(**filters, limit=limit + 1, offset=offset)
    more = len(rows) > limit
    return Page(rows[:limit], limit, offset, offset + limit if more else None,
                offset + len(rows) if not more else None)


def fetch_all(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    rows = store.events(**query.store_filters())
    return search(rows, query.q) if query.q else rows
