"""The one event filter: what ``gaiko events``, ``export``, ``graph``, ``dyads``,
``timeline``, the notebook API and the web pages ask of the stored events.

Shape after Datasette's ``Filters``: the values are checked once, when an
:class:`EventFilter` is made (a bad one raises ``InputError`` naming the field:
``type``, ``min_sources``; the CLI names its own flags, see
:func:`EventFilter.for_cli`), and :meth:`EventFilter.where` turns them into one
``(conditions, parameters)`` pair of parameterised SQL over ``events e``, which
every query of :mod:`gaiko.store` takes as it is.  Nothing is filtered in
Python: ``doc=`` (the events a document reports) and free text (``q=``) are SQL
like the rest, so a page of a large store reads a page of events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gaiko.errors import InputError
from gaiko.options import check_date
from gaiko.records import PLOVER_TYPES, STATUSES
from gaiko.store.merge import date_interval, normalise_id

Where = tuple[list[str], list[Any]]


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _many(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """One value, or several (a list, or comma-separated), without blanks or repeats."""
    values = [value] if isinstance(value, str) else list(value or ())
    return tuple(dict.fromkeys(p.strip() for v in values for p in v.split(",") if p.strip()))


@dataclass(frozen=True)
class EventFilter:
    """Which stored events: every field given must hold (an empty filter keeps all).

    ``actor``: an actor on either side (id, country code or merge key); ``type`` and
    ``status``: one or several (any case); ``since``/``until``: the event's date
    interval overlaps them; ``country``: an actor of that ISO3 code; ``dyad``: two
    actors on opposite sides; ``min_sources``, ``min_confidence``; ``doc``: events
    that document reports; ``q``: free text, every word found (case-insensitive)
    in the evidence, type, mode, date phrase, place or an actor's id, country or text.
    """

    actor: str | None = None
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    min_sources: int | None = None
    min_confidence: float | None = None
    doc: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        def put(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        types = tuple(t.upper() for t in _many(self.type))
        for t in types:
            if t not in PLOVER_TYPES:
                raise InputError("type", f"unknown PLOVER type {t!r} (one of {', '.join(PLOVER_TYPES)})")
        statuses = tuple(s.lower() for s in _many(self.status))
        for s in statuses:
            if s not in STATUSES:
                raise InputError("status", f"unknown status {s!r} (one of {', '.join(STATUSES)})")
        put("type", types)
        put("status", statuses)
        since, until = check_date(_blank(self.since), "since"), check_date(_blank(self.until), "until")
        if since and until and since > until and not until.startswith(since):
            raise InputError("until", f"{until!r} is before since {since!r}")
        put("since", since)
        put("until", until)
        put("actor", _blank(self.actor))
        put("country", (_blank(self.country) or "").upper() or None)
        if self.dyad is not None:
            pair = tuple(a.strip() for a in self.dyad if a and a.strip())
            if len(pair) != 2:
                raise InputError("dyad", f"needs exactly two actors (give it twice), got {len(pair)}")
            put("dyad", pair)
        if self.min_sources is not None and int(self.min_sources) < 0:
            raise InputError("min_sources", f"must be 0 or more, got {self.min_sources}")
        if self.min_confidence is not None and not 0.0 <= float(self.min_confidence) <= 1.0:
            raise InputError("min_confidence", f"must be between 0 and 1, got {self.min_confidence}")
        put("doc", _blank(self.doc))
        put("q", _blank(self.q))

    @classmethod
    def for_cli(cls, **values: Any) -> "EventFilter":
        """The filter of a command's options; an error names the flag (``--min-sources``)."""
        try:
            return cls(**{k: v for k, v in values.items() if v is not None})
        except InputError as exc:
            raise InputError("--" + exc.source.replace("_", "-"), exc.reason) from None

    def replace(self, **changes: Any) -> "EventFilter":
        """A copy with ``changes`` (checked again)."""
        return dataclasses.replace(self, **changes)

    def where(self) -> Where:
        """The SQL conditions over ``events e`` (joined with AND) and their parameters."""
        conds: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            conds.append(sql)
            params.extend(values)

        if self.min_confidence is not None:
            add("e.confidence >= ?", float(self.min_confidence))
        if self.actor:
            sql, p = actor_match("a", self.actor)
            add(f"e.id IN (SELECT a.event_id FROM event_actors a WHERE {sql})", *p)
        if self.type:
            add(*_one_or_many("e.type", self.type))
        if self.status:
            add(*_one_or_many("e.status", self.status))
        if self.country:
            add("e.id IN (SELECT a.event_id FROM event_actors a WHERE a.country = ?)", self.country)
        if self.dyad:
            sx, px = actor_match("x", self.dyad[0])
            sy, py = actor_match("y", self.dyad[1])
            add("e.id IN (SELECT x.event_id FROM event_actors x JOIN event_actors y"
                f" ON y.event_id = x.event_id AND y.role <> x.role WHERE {sx} AND {sy})", *px, *py)
        # an event's date is the interval it covers; keep it if it overlaps [since, until]
        if self.since:
            add("e.date_hi >= ?", date_interval(self.since))
        if self.until:
            add("e.date_lo <= ?", date_interval(self.until, end=True))
        if self.min_sources:
            add("e.sources >= ?", int(self.min_sources))
        if self.doc:
            add("e.id IN (SELECT m.event_id FROM mentions m WHERE m.doc = ?)", self.doc)
        for word in (self.q or "").split():
            add(f"(contains({_EVENT_TEXT}, ?) OR e.id IN (SELECT a.event_id FROM event_actors a"
                f" WHERE contains({_ACTOR_TEXT}, ?)))", word.casefold(), word.casefold())
        return conds, params


# what free text is looked for in (each part apart: a word never spans two)
_EVENT_TEXT = ("lower(concat_ws(chr(10), e.evidence, e.type, e.mode, e.date_text,"
               " json_extract_string(e.location, '$.id'), json_extract_string(e.location, '$.country'),"
               " json_extract_string(e.location, '$.text')))")
_ACTOR_TEXT = "lower(concat_ws(chr(10), a.actor_id, a.country, a.text))"


def actor_match(alias: str, value: str) -> tuple[str, list[Any]]:
    """An actor of ``alias`` (event_actors) is ``value``: by id, country code or merge key."""
    return (
        f"({alias}.actor_id = ? OR {alias}.country = ? OR {alias}.actor_key = ?)",
        [value, value, normalise_id(value) or value],
    )


def _one_or_many(column: str, values: tuple[str, ...]) -> tuple[str, Any]:
    if len(values) == 1:
        return f"{column} = ?", values[0]
    return f"list_contains(?, {column})", list(values)


def where_sql(where: Where, *more: str) -> str:
    """`` WHERE a AND b`` of the conditions (and ``more``), or nothing."""
    conds = [*where[0], *more]
    return (" WHERE " + " AND ".join(conds)) if conds else ""
