"""Reading the store for the CLI and the web layer: one function per command.

Each function opens the store at ``db`` (an :class:`~gaiko.errors.InputError`
naming it if there is no such file), validates its arguments, runs one query
and returns plain values for the caller to print.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .options import check_date

if TYPE_CHECKING:
    import pandas

    from .store import Store
    from .timeline import Timeline


def open_store(db: str) -> "Store":
    """The existing store at ``db`` (queries never create one)."""
    from .store import Store

    if not Path(db).exists():
        raise InputError(db, "no such event store (create it with `gaiko run PATH --db FILE`)")
    return Store(db)


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Drop unset filters and validate the dates, naming the option at fault."""
    check_date(filters.get("since"), "--since")
    check_date(filters.get("until"), "--until")
    if filters.get("min_sources") is not None and filters["min_sources"] < 0:
        raise InputError("--min-sources", f"must be 0 or more, got {filters['min_sources']}")
    if filters.get("min_confidence") is not None and not 0 <= filters["min_confidence"] <= 1:
        raise InputError("--min-confidence", f"must be between 0 and 1, got {filters['min_confidence']}")
    if filters.get("dyad") is not None and len(filters["dyad"]) != 2:
        raise InputError("--dyad", f"give exactly two actors (--dyad A --dyad B), got {list(filters['dyad'])}")
    return {k: v for k, v in filters.items() if v is not None}


def query_events(db: str, **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events matching ``filters`` (see ``Store.events``)."""
    filters = _filters(filters)
    with open_store(db) as store:
        return store.events(**filters)


def read_events(db: str, **filters: Any) -> "pandas.DataFrame":
    """The events matching ``filters`` (those of ``gaiko events``: ``actor``, ``type``,
    ``since``, ``until``, ``status``, ``country``, ``dyad``, ``min_sources``,
    ``min_confidence``, ``limit``) as a pandas DataFrame, one row per event with the
    columns of the flat CSV (:data:`gaiko.store.export.CSV_COLUMNS`) plus the nested
    ``source``, ``target``, ``location`` and ``docs``; ``date_start`` is the first day
    the date covers, as a pandas timestamp, for resampling."""
    import pandas as pd

    from .store.export import CSV_COLUMNS, flat_row
    from .store.merge import date_interval

    if isinstance(filters.get("dyad"), list):
        filters["dyad"] = tuple(filters["dyad"])
    rows = query_events(db, **filters)
    records = [{**flat_row(r), "source": r["source"], "target": r["target"], "location": r["location"],
                "docs": r["docs"]} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=[*CSV_COLUMNS, "source", "target", "location", "docs"])
    frame["date_start"] = pd.to_datetime([date_interval(r["date"]) for r in rows])
    return frame


def dyads(db: str, by: str = "month", **filters: Any) -> list[dict[str, Any]]:
    """Directed country dyad counts per period (see :mod:`gaiko.store.dyads`)."""
    filters = _filters(filters)
    with open_store(db) as store:
        return store.dyads(by, **filters)


def timeline(db: str, a: str, b: str | None = None, *, plot: str | None = None, level: str = "actor",
             normalise: bool = False, min_confidence: float | None = None) -> "Timeline":
    """Events per month by type for actor ``a`` (with ``b`` on the other side, if
    given), with the documents of each month; ``normalise`` gives events per 100
    documents; with ``plot``, also written there as a PNG chart."""
    from .timeline import Timeline, check_png, plot as plot_timeline

    if plot is not None:
        check_png(plot)
    _filters({"min_confidence": min_confidence})
    with open_store(db) as store:
        result = Timeline(a, b, store.timeline(a, b, level=level, min_confidence=min_confidence),
                          store.documents_per_month(), normalise)
    if plot is not None:
        plot_timeline(result, plot)
    return result


def top_actors(db: str, limit: int = 20, *, level: str = "actor") -> list[dict[str, Any]]:
    """The most active actors (or states, at the ``country`` level), most events first
    (see ``Store.actors``)."""
    if limit < 1:
        raise InputError("--limit", f"must be at least 1, got {limit}")
    with open_store(db) as store:
        return store.actors(limit, level=level)


def actor_network(db: str, format: str = "graphml", output: str | None = None, **filters: Any) -> str:
    """The actor network of the events matching ``filters``, as GraphML or JSON text
    (see :mod:`gaiko.store.graph`); with ``output``, also written to that file."""
    from .store.graph import GRAPH_FORMATS, actor_graph, render

    if format not in GRAPH_FORMATS:
        raise InputError("--format", f"unknown graph format {format!r} (one of {', '.join(GRAPH_FORMATS)})")
    filters = _filters(filters)
    with open_store(db) as store:
        graph = actor_graph(store, **filters)
    text = render(graph, format)
    if output is not None:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(output, f"cannot write the graph ({exc.strerror or exc})") from None
    return text


def export_events(db: str, output: str, format: str = "jsonl", **filters: Any) -> int:
    """Write the events matching ``filters`` to ``output`` (see ``Store.export``); returns how many."""
    from .store import FORMATS

    if format not in FORMATS:
        raise InputError("--format", f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    filters = _filters(filters)
    with open_store(db) as store:
        return store.export(output, format, **filters)
