"""Reading the store for the CLI and the web layer: one function per command.

Each function opens the store at ``db`` (an :class:`~gaiko.errors.InputError`
naming it if there is no such file), resolves the actor names of its
:class:`~gaiko.store.filters.EventFilter` (checked when it was made), runs one
query and returns plain values for the caller to print.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .errors import InputError
from .store.filters import EventFilter
from .store.queries import order_by

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


def _resolve(store: "Store", where: EventFilter) -> EventFilter:
    """The filter with its actors resolved against the store and the dictionary."""
    changes: dict[str, Any] = {}
    if where.actor:
        changes["actor"] = resolve_actor(store, where.actor, "--actor")
    if where.dyad:
        changes["dyad"] = tuple(resolve_actor(store, a, "--dyad") for a in where.dyad)
    return where.replace(**changes) if changes else where


def query_events(db: str, where: EventFilter | None = None, *, limit: int | None = None, sort: str = "date",
                 wait: float = 0.0, on_wait: OnWait | None = None) -> list[dict[str, Any]]:
    """Deduplicated events matching ``where`` (see ``Store.events``)."""
    if limit is not None and limit < 0:
        raise InputError("--limit", f"must be 0 or more, got {limit}")
    order_by(sort)  # a bad sort key is refused before the store is opened
    with open_store(db, wait, on_wait) as store:
        return store.events(_resolve(store, where or EventFilter()), limit=limit, sort=sort)


def read_events(db: str, *, limit: int | None = None, sort: str = "date", wait: float = 0.0,
                on_wait: OnWait | None = None, **filters: Any) -> "pandas.DataFrame":
    """The events matching ``filters`` (the fields of :class:`~gaiko.store.filters.EventFilter`,
    as ``gaiko events`` takes them: ``actor``, ``type``, ``since``, ``until``, ``status``,
    ``country``, ``dyad``, ``min_sources``, ``min_confidence``, ``doc``, ``q``), at most
    ``limit`` in ``sort`` order, as a pandas DataFrame, one row per event with the
    columns of the flat CSV (:data:`gaiko.store.export.CSV_COLUMNS`) plus the nested
    ``source``, ``target``, ``location`` and ``docs``; ``date_start`` is the first day
    the date covers, as a pandas timestamp, for resampling."""
    import pandas as pd

    from .store.export import CSV_COLUMNS, flat_row
    from .store.merge import date_interval

    rows = query_events(db, EventFilter.for_cli(**filters), limit=limit, sort=sort, wait=wait, on_wait=on_wait)
    records = [{**flat_row(r), "source": r["source"], "target": r["target"], "location": r["location"],
                "docs": r["docs"]} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=[*CSV_COLUMNS, "source", "target", "location", "docs"])
    frame["date_start"] = pd.to_datetime([date_interval(r["date"]) for r in rows])
    return frame


def dyads(db: str, by: str = "month", where: EventFilter | None = None, *, wait: float = 0.0,
          on_wait: OnWait | None = None) -> list[dict[str, Any]]:
    """Directed country dyad counts per period (see :mod:`gaiko.store.dyads`)."""
    with open_store(db, wait, on_wait) as store:
        return store.dyads(by, _resolve(store, where or EventFilter()))


def timeline(db: str, a: str, b: str | None = None, *, plot: str | None = None, level: str = "actor",
             normalise: bool = False, min_confidence: float | None = None, wait: float = 0.0,
             on_wait: OnWait | None = None) -> "Timeline":
    """Events per month by type for actor ``a`` (with ``b`` on the other side, if
    given), with the documents of each month; ``normalise`` gives events per 100
    documents; with ``plot``, also written there as a PNG chart."""
    from .timeline import Timeline, check_png, plot as plot_timeline

    if plot is not None:
        check_png(plot)
    EventFilter.for_cli(min_confidence=min_confidence)  # checked before the store is opened
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


def actor_network(db: str, format: str = "graphml", output: str | None = None,
                  where: EventFilter | None = None, *, level: str = "actor", wait: float = 0.0,
                  on_wait: OnWait | None = None) -> str:
    """The actor network of the events matching ``where``, as GraphML or JSON text
    (see :mod:`gaiko.store.graph`); with ``output``, also written to that file."""
    from .store.graph import GRAPH_FORMATS, actor_graph, render

    if format not in GRAPH_FORMATS:
        raise InputError("--format", f"unknown graph format {format!r} (one of {', '.join(GRAPH_FORMATS)})")
    with open_store(db, wait, on_wait) as store:
        graph = actor_graph(store, _resolve(store, where or EventFilter()), level=level)
    text = render(graph, format)
    if output is not None:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(output, f"cannot write the graph ({exc.strerror or exc})") from None
    return text


def export_events(db: str, output: str | None, format: str = "jsonl", where: EventFilter | None = None, *,
                  wait: float = 0.0, on_wait: OnWait | None = None) -> int:
    """Write the events matching ``where`` to ``output`` (see ``Store.export``); returns how many."""
    from .store import FORMATS

    if format not in FORMATS:
        raise InputError("--format", f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    with open_store(db, wait, on_wait) as store:
        return store.export(output, format, _resolve(store, where or EventFilter()))
