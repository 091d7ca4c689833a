"""Directed country dyads per period: GDELT's Actor1CountryCode → Actor2CountryCode counts.

Each event counts once for each (source country, target country) pair its sides
name, in the period its date falls in: a month (``--by month``, events dated only
to a year, or undated, are left out and counted apart), a year (undated left
out), or the whole span (``all``).  Beside the number of events each row carries
the count per quad class (``q1`` verbal cooperation … ``q4`` material conflict)
and the mean cooperation–conflict score of those events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gaiko.errors import InputError
from gaiko.plover import SCORES
from gaiko.store.filters import EventFilter, where_sql

if TYPE_CHECKING:
    from gaiko.store.connection import Reader

PERIODS = {"month": 7, "year": 4, "all": 0}


def dyad_counts(store: "Reader", by: str = "month", where: EventFilter | None = None) -> list[dict[str, Any]]:
    """``{"period", "source", "target", "events", "q1".."q4", "score"}`` rows, by period, then
    most events first, of the events matching ``where``."""
    if by not in PERIODS:
        raise InputError("--by", f"unknown period {by!r} (one of {', '.join(PERIODS)})")
    width = PERIODS[by]
    conds, params = (where or EventFilter()).where()
    dated = [f"length(e.date) >= {width}"] if width else []
    period = f"substr(date, 1, {width})" if width else "'all'"
    scores = " ".join(f"WHEN '{t}' THEN {v}" for t, v in SCORES.items())
    sql = (
        f"WITH ev AS (SELECT e.id, e.type, e.date, e.quad_class FROM events e{where_sql((conds, params), *dated)}),"
        " pairs AS (SELECT DISTINCT ev.id, ev.type, ev.date, ev.quad_class, x.country AS source, y.country AS target"
        " FROM ev JOIN event_actors x ON x.event_id = ev.id AND x.role = 'source'"
        " JOIN event_actors y ON y.event_id = ev.id AND y.role = 'target'"
        " WHERE x.country IS NOT NULL AND y.country IS NOT NULL)"
        f" SELECT {period} AS period, source, target, count(*) AS events,"
        " count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,"
        " count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,"
        f" round(avg(CASE type {scores} END), 3) AS score"
        " FROM pairs GROUP BY ALL ORDER BY period, events DESC, source, target"
    )
    return store.read(lambda c: c.dicts(sql, params))
