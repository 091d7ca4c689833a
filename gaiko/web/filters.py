"""The event filters of ``gaiko events``, as query parameters shared by the API and
the pages: one :class:`~gaiko.store.filters.EventFilter`, validated once when it
is made (a bad value raises ``InputError``, a 422 naming the parameter)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

from gaiko.errors import InputError
from gaiko.store import EventFilter, Store

MAX_LIMIT = 500


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@dataclass(frozen=True)
class EventQuery(EventFilter):
    """The store's :class:`~gaiko.store.filters.EventFilter` (checked the same way),
    which also writes itself back as URL parameters for links that keep the filters."""

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
        if self.doc:
            out.append(("doc", self.doc))
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
    doc: Annotated[str | None, Query(max_length=1000, description="the events this document (its id) reports")] = None,
) -> EventQuery:
    """The filters, checked (see ``EventFilter``): unknown types or statuses and malformed
    dates are 422s naming the parameter."""
    pair = [d.strip() for d in dyad or [] if d.strip()]
    if _blank(other):
        if pair:
            raise InputError("other", "give either dyad twice or actor with other, not both")
        if not _blank(actor):
            raise InputError("other", "needs actor= as well (the actor on the first side)")
        pair, actor = [_blank(actor), _blank(other)], None
    return EventQuery(actor=actor, type=tuple(type or ()), status=tuple(status or ()), since=since, until=until,
                      country=country, dyad=tuple(pair) if pair else None, min_sources=min_sources, q=q,
                      min_confidence=min_confidence, doc=doc)


@dataclass
class Page:
    events: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None
    total: int | None    # known on the last page, and with free text (counted apart)

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                "total": self.total, "count": len(self.events), "events": self.events}


def fetch_page(store: Store, query: EventFilter, limit: int, offset: int, sort: str = "date") -> Page:
    """One page of events in ``sort`` order: the store filters (free text included),
    sorts and pages; with free text the page also says how many match in all."""
    rows = store.events(query, limit=limit + 1, offset=offset, sort=sort)
    more = len(rows) > limit
    total = offset + len(rows) if not more else None
    if query.q and total is None:
        total = store.count_events(query)
    return Page(rows[:limit], limit, offset, offset + limit if more else None, total)


def fetch_all(store: Store, query: EventFilter) -> list[dict[str, Any]]:
    return store.events(query)
