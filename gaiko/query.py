"""Reading the store for the CLI and the web layer: one function per command.

Each function opens the store at ``db`` (an :class:`~gaiko.errors.InputError`
naming it if there is no such file), validates its arguments, runs one query
and returns plain values for the caller to print.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .errors import InputError
from .options import check_date

if TYPE_CHECKING:
    import pandas

    from .store import Store
    from .timeline import Timeline


OnWait = Callable[[str, float], None]


def open_store(db: str, wait: float = 0.0, on_wait: OnWait | None = None) -> "Store":
    """The existing store at ``db``, read-only: queries never create one, and several
    readers can share the file.  A writer in another process (``gaiko run``, a paste in
    ``gaiko serve``) is waited for up to ``wait`` seconds, ``on_wait`` told once.
    A store from an older gaiko is migrated first."""
    from .errors import StoreOutdated
    from .store import Store

    if not Path(db).exists():
        raise InputError(db, "no such event store (create it with `gaiko run PATH --db FILE`)")
    try:
        return Store(db, read_only=True, wait=wait, on_wait=on_wait)
    except StoreOutdated:
        Store(db, wait=wait, on_wait=on_wait).close()  # migrates it
        return Store(db, read_only=True, wait=wait, on_wait=on_wait)


def check_type(value: str | None) -> str | None:
    """A PLOVER type, in any case (``consult`` = ``CONSULT``); an unknown one is an error listing them."""
    from .records import PLOVER_TYPES

    if value is None:
        return None
    if value.strip().upper() not in PLOVER_TYPES:
        raise InputError("--type", f"unknown PLOVER type {value!r} (one of {', '.join(PLOVER_TYPES)})")
    return value.strip().upper()


def check_status(value: str | None) -> str | None:
    from .records import STATUSES

    if value is None:
        return None
    if value.strip().lower() not in STATUSES:
        raise InputError("--status", f"unknown status {value!r} (one of {', '.join(STATUSES)})")
    return value.strip().lower()


def resolve_actor(store: "Store", ref: str, option: str | None = "--actor") -> str:
    """What ``ref`` names in the store: itself when a stored actor has that id or
    country code; else the id the actor dictionary knows under that name or alias
    (「金正恩」, 「キム・ジョンウン」 → ``Kim Jong Un``).  A name neither knows is an
    error with the nearest names (a known actor without stored events is not: it
    simply has none)."""
    from .actors.names import ids_named, nearest
    from .store.queries import actor_names, has_actor

    if has_actor(store, ref):
        return ref
    ids = ids_named(ref)
    for actor_id in ids:
        if has_actor(store, actor_id):
            return actor_id
    if ids:
        return ids[0]
    hint = nearest(ref, actor_names(store))
    raise InputError(f"{option} {ref}" if option else ref, "no such actor in the store or the actor dictionary"
                     + (f"; nearest: {', '.join(hint)}" if hint else ""))


def _resolve(store: "Store", filters: dict[str, Any]) -> dict[str, Any]:
    """The actor filters resolved against the store and the dictionary."""
    out = dict(filters)
    if out.get("actor"):
        out["actor"] = resolve_actor(store, out["actor"], "--actor")
    if out.get("dyad"):
        out["dyad"] = tuple(resolve_actor(store, a, "--dyad") for a in out["dyad"])
    return out


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Drop unset filters and validate them, naming the option at fault."""
    check_date(filters.get("since"), "--since")
    check_date(filters.get("until"), "--until")
    if filters.get("type") is not None:
        filters = {**filters, "type": check_type(filters["type"])}
    if filters.get("status") is not None:
        filters = {**filters, "status": check_status(filters["status"])}
    if filters.get("min_sources") is not None and filters["min_sources"] < 0:
        raise InputError("--min-sources", f"must be 0 or more, got {filters['min_sources']}")
    if filters.get("min_confidence") is not None and not 0 <= filters["min_confidence"] <= 1:
        raise InputError("--min-confidence", f"must be between 0 and 1, got {filters['min_confidence']}")
    if filters.get("dyad") is not None and len(filters["dyad"]) != 2:
        raise InputError("--dyad", f"give exactly two actors (--dyad A --dyad B), got {list(filters['dyad'])}")
    return {k: v for k, v in filters.items() if v is not None}


def query_events(db: str, *, wait: float = 0.0, on_wait: OnWait | None = None,
                 **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events matching ``filters`` (see ``Store.events``)."""
    filters = _filters(filters)
    with open_store(db, wait, on_wait) as store:
        return store.events(**_resolve(store, filters))


def read_events(db: str, *, wait: float = 0.0, on_wait: OnWait | None = None,
                **filters: Any) -> "pandas.DataFrame":
    """The events matching ``filters`` (those of ``gaiko events``: ``actor``, ``type``,
    ``since``, ``until``, ``status``, ``country``, ``dyad``, ``min_sources``,
    ``min_confidence``, ``limit``, ``sort``) as a pandas DataFrame, one row per event with the
    columns of the flat CSV (:data:`gaiko.store.export.CSV_COLUMNS`) plus the nested
    ``source``, ``target``, ``location`` and ``docs``; ``date_start`` is the first day
    the date covers, as a pandas timestamp, for resampling."""
    import pandas as pd

    from .store.export import CSV_COLUMNS, flat_row
    from .store.merge import date_interval

    if isinstance(filters.get("dyad"), list):
        filters["dyad"] = tuple(filters["dyad"])
    rows = query_events(db, wait=wait, on_wait=on_wait, **filters)
    records = [{**flat_row(r), "source": r["source"], "target": r["target"], "location": r["location"],
                "docs": r["docs"]} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=[*CSV_COLUMNS, "source", "target", "location", "docs"])
    frame["date_start"] = pd.to_datetime([date_interval(r["date"]) for r in rows])
    return frame


def dyads(db: str, by: str = "month", *, wait: float = 0.0, on_wait: OnWait | None = None,
          **filters: Any) -> list[dict[str, Any]]:
    """Directed country dyad counts per period (see :mod:`gaiko.store.dyads`)."""
    filters = _filters(filters)
    with open_store(db, wait, on_wait) as store:
        return store.dyads(by, **_resolve(store, filters))


def timeline(db: str, a: str, b: str | None = None, *, plot: str | None = None, level: str = "actor",
             normalise: bool = False, min_confidence: float | None = None, wait: float = 0.0,
             on_wait: OnWait | None = None) -> "Timeline":
    """Events per month by type for actor ``a`` (with ``b`` on the other side, if
    given), with the documents of each month; ``normalise`` gives events per 100
    documents; with ``plot``, also written there as a PNG chart."""
    from .timeline import Timeline, check_png, plot as plot_timeline

    if plot is not None:
        check_png(plot)
    _filters({"min_confidence": min_confidence})
    with open_store(db, wait, on_wait) as store:
        a = resolve_actor(store, a, None)
        b = resolve_actor(store, b, None) if b is not None else None
        result = Timeline(a, b, store.timeline(a, b, level=level, min_confidence=min_confidence),
                          store.documents_per_month(), normalise)
    if plot is not None:
        plot_timeline(result, plot)
    return result


def top_actors(db: str, limit: int = 20, *, level: str = "actor", wait: float = 0.0,
               on_wait: OnWait | None = None) -> list[dict[str, Any]]:
    """The most active actors (or states, at the ``country`` level), most events first
    (see ``Store.actors``)."""
    if limit < 1:
        raise InputError("--limit", f"must be at least 1, got {limit}")
    with open_store(db, wait, on_wait) as store:
        return store.actors(limit, level=level)


def actor_network(db: str, format: str = "graphml", output: str | None = None, *, wait: float = 0.0,
                  on_wait: OnWait | None = None, **filters: Any) -> str:
    """The actor network of the events matching ``filters``, as GraphML or JSON text
    (see :mod:`gaiko.store.graph`); with ``output``, also written to that file."""
    from .store.graph import GRAPH_FORMATS, actor_graph, render

    if format not in GRAPH_FORMATS:
        raise InputError("--format", f"unknown graph format {format!r} (one of {', '.join(GRAPH_FORMATS)})")
    filters = _filters(filters)
    with open_store(db, wait, on_wait) as store:
        graph = actor_graph(store, **_resolve(store, filters))
    text = render(graph, format)
    if output is not None:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(output, f"cannot write the graph ({exc.strerror or exc})") from None
    return text


def export_events(db: str, output: str | None, format: str = "jsonl", *, wait: float = 0.0,
                  on_wait: OnWait | None = None, **filters: Any) -> int:
    """Write the events matching ``filters`` to ``output`` (see ``Store.export``); returns how many."""
    from .store import FORMATS

    if format not in FORMATS:
        raise InputError("--format", f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    filters = _filters(filters)
    with open_store(db, wait, on_wait) as store:
        return store.export(output, format, **_resolve(store, filters))
