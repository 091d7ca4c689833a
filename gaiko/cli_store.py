"""The commands that read the event store: ``serve``, ``events``, ``timeline``,
``actors``, ``graph``, ``dyads`` and ``export``.  Each gathers its options (the
event filter as one :class:`~gaiko.store.filters.EventFilter`), calls one
function of :mod:`gaiko.query` and prints; :mod:`gaiko.cli` registers them."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console

from .cli_options import (WAIT, ActorFilter, CountryFilter, DbOpt, DyadFilter, LevelOpt, MinConfidenceFilter,
                          MinSourcesFilter, SinceFilter, StatusFilter, TableFormatOpt, TypeFilter, UntilFilter,
                          WaitOpt, event_filter)
from .cli_output import cell, check_table_format, err, jsonl, print_records, waiting
from .errors import GaikoError


def serve(db: DbOpt,
          host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="port")] = 8000,
          allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="allow pasting articles on a non-loopback address")] = False,
          token: Annotated[Optional[str], typer.Option(help="token required to ingest")] = None,
          wait: WaitOpt = 10.0) -> None:
    """The web UI and JSON API over an event store (held only during a request, so the
    CLI can read and write the same file meanwhile)."""
    from .web import serve as serve_web

    serve_web(db, host=host, port=port, allow_ingest=allow_ingest, token=token, wait=wait)


def events(db: DbOpt, actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None,
           until: UntilFilter = None, status: StatusFilter = None, country: CountryFilter = None,
           dyad: DyadFilter = None, min_sources: MinSourcesFilter = None,
           limit: Annotated[Optional[int], typer.Option(help="at most N events")] = None,
           format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "jsonl",
           min_confidence: MinConfidenceFilter = None,
           sort: Annotated[str, typer.Option("--sort", help="date (oldest first), -date (newest first), sources (most reported first), type, status, source, target, doc; -KEY reverses")] = "date",
           wait: WaitOpt = WAIT) -> None:
    """Query stored events, deduplicated across documents (in table format with each
    event's id: `gaiko serve` shows it at /events/ID with its evidence)."""
    from .query import query_events

    where = event_filter(actor=actor, type=type, since=since, until=until, status=status, country=country,
                         dyad=dyad, min_sources=min_sources, min_confidence=min_confidence)
    rows = query_events(db, where, limit=limit, sort=sort, wait=wait, on_wait=waiting)
    print_records(rows, format)


def timeline(a: Annotated[str, typer.Argument(help="actor id or country code")], db: DbOpt,
             b: Annotated[Optional[str], typer.Argument(help="the other side (optional)")] = None,
             plot: Annotated[Optional[str], typer.Option("--plot", help="also write a PNG chart (stacked bars by type)")] = None,
             format: TableFormatOpt = "table", level: LevelOpt = "actor",
             normalise: Annotated[bool, typer.Option("--normalise", help="events per 100 documents of the month")] = False,
             min_confidence: MinConfidenceFilter = None, wait: WaitOpt = WAIT) -> None:
    """Events per month by PLOVER type for A (and B on the other side), beside the documents of each month."""
    from .query import timeline as query_timeline

    check_table_format(format)
    result = query_timeline(db, a, b, plot=plot, level=level, normalise=normalise, min_confidence=min_confidence,
                            wait=wait, on_wait=waiting)
    if format == "jsonl":
        for r in result.records():
            jsonl(r)
        return
    from rich.table import Table

    unit = "events per 100 documents" if normalise else "events"
    table = Table(title=f"{result.title}: {unit} per month", show_lines=False)
    table.add_column("month")
    for t in result.types:
        table.add_column(t, justify="right")
    table.add_column("total", justify="right")
    table.add_column("documents", justify="right")
    counts = result.counts()
    for month in result.months:
        row = counts[month]
        table.add_row(month, *(cell(result.value(row[t], month)) if t in row else "" for t in result.types),
                      cell(result.value(sum(row.values()), month)), str(result.documents.get(month, 0)))
    Console(width=200).print(table)
    if not result.months:
        err.print(f"gaiko: no events of {result.title} dated to a month", markup=False)


def actors(db: DbOpt,
           limit: Annotated[int, typer.Option("--limit", help="at most N actors")] = 20,
           format: TableFormatOpt = "table", level: LevelOpt = "actor", wait: WaitOpt = WAIT) -> None:
    """The most active actors (events on either side); --level country: the most active states."""
    from .query import top_actors

    check_table_format(format)
    rows = top_actors(db, limit, level=level, wait=wait, on_wait=waiting)
    if format == "jsonl":
        for r in rows:
            jsonl(r)
        return
    from rich.table import Table

    table = Table(show_lines=False)
    for col, just in (("actor", "left"), ("country", "left"), ("text", "left"), ("events", "right")):
        table.add_column(col, justify=just)
    for r in rows:
        table.add_row(r["id"] or "—", r["country"] or "—", r["text"] or "", str(r["events"]))
    Console(width=160).print(table)


def graph(db: DbOpt,
          format: Annotated[str, typer.Option("--format", help="graphml or json")] = "graphml",
          output: Annotated[Optional[str], typer.Option("--output", help="file to write (default: stdout)")] = None,
          actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
          status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
          min_sources: MinSourcesFilter = None, level: LevelOpt = "actor",
          min_confidence: MinConfidenceFilter = None, wait: WaitOpt = WAIT) -> None:
    """The actor network: edges weighted by event count, with a cooperation–conflict score."""
    from .query import actor_network

    where = event_filter(actor=actor, type=type, since=since, until=until, status=status, country=country,
                         dyad=dyad, min_sources=min_sources, min_confidence=min_confidence)
    text = actor_network(db, format, output, where, level=level, wait=wait, on_wait=waiting)
    if output is None:
        sys.stdout.write(text)


def dyads(db: DbOpt,
          by: Annotated[str, typer.Option("--by", help="month, year or all")] = "month",
          format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
          actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
          status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
          min_sources: MinSourcesFilter = None, min_confidence: MinConfidenceFilter = None,
          wait: WaitOpt = WAIT) -> None:
    """Directed country dyads (source country → target country) counted per period, with quad classes."""
    from .query import dyads as query_dyads

    where = event_filter(actor=actor, type=type, since=since, until=until, status=status, country=country,
                         dyad=dyad, min_sources=min_sources, min_confidence=min_confidence)
    rows = query_dyads(db, by, where, wait=wait, on_wait=waiting)
    columns = ("period", "source", "target", "events", "q1", "q2", "q3", "q4", "score")
    if format == "jsonl":
        for r in rows:
            jsonl(r)
    elif format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([r[c] for c in columns] for r in rows)
    elif format == "table":
        from rich.table import Table

        table = Table(title=f"directed country dyads by {by} (q1 verbal coop. … q4 material conflict)")
        for c in columns:
            table.add_column(c, justify="left" if c in ("period", "source", "target") else "right")
        for r in rows:
            table.add_row(*(str(r[c]) for c in columns))
        Console(width=160).print(table)
    else:
        raise GaikoError(f"--format: unknown format {format!r} (table, jsonl, csv)")


def export(db: DbOpt,
           output: Annotated[Optional[str], typer.Option("--output", help="file to write (default: standard output, text formats)")] = None,
           format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or plover")] = "jsonl",
           actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
           status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
           min_sources: MinSourcesFilter = None, min_confidence: MinConfidenceFilter = None,
           wait: WaitOpt = WAIT) -> None:
    """Export stored events as jsonl, csv (a flat table), parquet or PLOVER JSON."""
    from .query import export_events

    where = event_filter(actor=actor, type=type, since=since, until=until, status=status, country=country,
                         dyad=dyad, min_sources=min_sources, min_confidence=min_confidence)
    n = export_events(db, output or "-", format, where, wait=wait, on_wait=waiting)
    err.print(f"{n} events written to {output or 'standard output'} ({format})", markup=False)
