"""gaiko's command line: each command gathers options, calls the library, prints.

The stable surface is shared/spec/CLI.md. Records go to stdout (JSON Lines by
default); progress and errors go to stderr. A ``GaikoError`` is printed as one
line naming the input, with a non-zero exit; a document that cannot be read is
reported the same way and the others are still processed (exit 1 at the end).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from typing import Annotated, Any, Iterable, Iterator, Optional

import typer
from rich.console import Console

from .errors import GaikoError
from .options import Options, check_date
from .records import Document, Rejected

DOCS = "docs/CLI.md"  # in the repository; the command surface and the input and output fields

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data (PLOVER) from Japanese news.\n\n"
                       f"Every command, option and field (the JSONL input, the event record): {DOCS} "
                       "in the gaiko repository. `gaiko COMMAND --help` for one command.")
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped

Paths = Annotated[list[str], typer.Argument(help="files or folders (.txt .html .jsonl .warc[.gz]), URLs, or -")]
Published = Annotated[Optional[str], typer.Option("--published", help="publication date YYYY[-MM[-DD]] for every document")]
ActorsOpt = Annotated[Optional[list[str]], typer.Option("--actors", help="extra actor dictionary (YAML)")]
TriggersOpt = Annotated[Optional[list[str]], typer.Option("--triggers", help="extra trigger dictionary (YAML)")]
ConfigOpt = Annotated[Optional[str], typer.Option("--config", help="settings file (TOML)")]
DbOpt = Annotated[str, typer.Option("--db", help="DuckDB file of the event store")]
FormatOpt = Annotated[str, typer.Option("--format", help="jsonl, table or csv")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="show tracebacks")]
WaitOpt = Annotated[float, typer.Option("--wait", help="seconds to wait for a store another process is using")]
WAIT = 30.0

# the event filters, shared by events, export and graph (see Store.events)
ActorFilter = Annotated[Optional[str], typer.Option("--actor", help="actor on either side: id, country code, or a name or alias the actor dictionary knows (金正恩)")]
TypeFilter = Annotated[Optional[str], typer.Option("--type", help="PLOVER type, any case")]
SinceFilter = Annotated[Optional[str], typer.Option("--since", help="from date YYYY[-MM[-DD]]")]
UntilFilter = Annotated[Optional[str], typer.Option("--until", help="until date YYYY[-MM[-DD]]")]
StatusFilter = Annotated[Optional[str], typer.Option("--status", help="occurred, planned, possible or denied")]
CountryFilter = Annotated[Optional[str], typer.Option("--country", help="ISO3 of any actor")]
DyadFilter = Annotated[Optional[list[str]], typer.Option("--dyad", help="two actors, as for --actor (give twice)")]
MinSourcesFilter = Annotated[Optional[int], typer.Option("--min-sources", help="at least N sources")]
TableFormatOpt = Annotated[str, typer.Option("--format", help="table or jsonl")]
MinConfidenceFilter = Annotated[Optional[float], typer.Option("--min-confidence", help="confidence at least C (0-1)")]
LevelOpt = Annotated[str, typer.Option("--level", help="actor, or country (people and organs fold into their state)")]


class _State:
    skipped = 0
    debug = False


def _options(config: str | None, published: str | None, actors: list[str] | None,
             triggers: list[str] | None, **flags: Any) -> Options:
    return Options.layered(config, published=published, actors=tuple(actors) if actors else None,
                           triggers=tuple(triggers) if triggers else None, **flags)


def _readable(paths: list[str]) -> list[str]:
    """The paths that exist; each missing one is reported on stderr and counted, so
    the others are still processed (exit 1 at the end)."""
    from .documents.readers import STDIN, is_url

    kept = []
    for path in paths:
        if path == STDIN or is_url(path) or os.path.lexists(path):
            kept.append(path)
        else:
            _State.skipped += 1
            err.print(f"gaiko: {path}: no such file or folder", markup=False)
    return kept


def _documents(paths: list[str], options: Options) -> Iterator[Document]:
    """Clean documents; a rejected one is reported on stderr and counted."""
    from .documents import load_documents

    paths = _readable(paths)
    if not paths:
        return
    for item in load_documents(paths, options):
        if isinstance(item, Rejected):
            _State.skipped += 1
            err.print(f"gaiko: {item.doc}: {item.reason}", markup=False)
            continue
        for note in item.notes:  # not an error: what cleaning did that the user should know
            err.print(f"gaiko: {item.id}: note: {note}", markup=False)
        yield item


class _Chars:
    """What the progress bar is told: documents as they are read (their characters
    join the total) and characters as the pipeline finishes them (a long document
    part by part). Without a terminal (or with progress off) it tells nobody."""

    def __init__(self, bar: Any = None, task: Any = None) -> None:
        self.bar, self.task, self.total = bar, task, 0

    def read(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if self.bar is not None:
                self.total += len(doc.text)
                self.bar.update(self.task, total=self.total)
            yield doc

    def done(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)


@contextlib.contextmanager
def _progress(options: Options, label: str, console: Console | None = None) -> Iterator[_Chars]:
    """A Rich progress bar on stderr (never stdout) counting characters: done of those
    read so far, the rate, and the time left."""
    console = console or err
    if not options.progress or not console.is_terminal:
        yield _Chars()
        return
    from rich.progress import (BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.0f} chars/s" if task.speed else "… chars/s")

    with Progress(TextColumn(label), BarColumn(), TextColumn("{task.completed:,}/{task.total:,} chars"),
                  Rate(), TimeRemainingColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
        yield _Chars(bar, bar.add_task(label, total=0))


def _waiting(name: str, seconds: float) -> None:
    """Told once when the store is busy: the command waits instead of failing."""
    err.print(f"gaiko: {name}: the store is in use by another process; waiting up to {seconds:g} s (--wait)",
              markup=False)


def _jsonl(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _finish() -> None:
    if _State.skipped:
        raise typer.Exit(1)


@app.command()
def extract(paths: Paths, published: Published = None, actors: ActorsOpt = None, triggers: TriggersOpt = None,
            config: ConfigOpt = None,
            explain: Annotated[bool, typer.Option("--explain", help="add the trigger and rule of each event")] = False,
            format: FormatOpt = "jsonl") -> None:
    """Run the whole pipeline over documents and print events; store nothing."""
    from .pipeline import extract_documents

    options = _options(config, published, actors, triggers, explain=explain)
    with _progress(options, "extract") as chars:
        docs = chars.read(_documents(paths, options))
        rows = (ev.to_dict(explain=options.explain)
                for x in extract_documents(docs, options, on_chars=chars.done) for ev in x.events)
        _print_records(rows, format)
    _finish()


@app.command()
def clean(paths: Paths, published: Published = None, config: ConfigOpt = None) -> None:
    """Read and clean documents; print one JSON object per document."""
    options = _options(config, published, None, None)
    for doc in _documents(paths, options):
        _jsonl(doc.to_dict())
    _finish()


@app.command()
def link(paths: Paths, published: Published = None, actors: ActorsOpt = None, config: ConfigOpt = None) -> None:
    """Clean documents and print their actor mentions (offsets into the cleaned text)."""
    from .pipeline import link_document

    options = _options(config, published, actors, None)
    for doc in _documents(paths, options):
        for m in link_document(doc, options):
            _jsonl({"doc": doc.id, "start": m.start, "end": m.end, "text": m.text, "id": m.id,
                    "country": m.country})
    _finish()


@app.command()
def timex(text: Annotated[str, typer.Argument(help="Japanese text, or - for JSON Lines {id, text, published} on stdin")],
          published: Annotated[Optional[str], typer.Option("--published", help="reference date")] = None) -> None:
    """Find temporal expressions in TEXT and resolve them against --published."""
    from .errors import InputError
    from .time import find_timexes
    from .time.batch import timex_lines

    check_date(published)
    if text != "-":
        for t in find_timexes(text, published):
            _jsonl(t.to_dict())
        return
    for record in timex_lines(sys.stdin, published=published):
        if isinstance(record, InputError):
            _State.skipped += 1
            err.print(f"gaiko: {record}", markup=False)
        else:
            _jsonl(record)
    _finish()


@app.command()
def run(paths: Paths, db: DbOpt, published: Published = None, actors: ActorsOpt = None,
        triggers: TriggersOpt = None, config: ConfigOpt = None,
        engine: Annotated[str, typer.Option(help="local or ray")] = "local",
        workers: Annotated[int, typer.Option(help="worker processes (local engine)")] = 1,
        address: Annotated[Optional[str], typer.Option(help="address of an existing Ray cluster")] = None,
        wait: WaitOpt = WAIT) -> None:
    """Ingest documents into the event store, idempotently; print a summary."""
    options = _options(config, published, actors, triggers)
    if engine not in ("local", "ray"):
        raise GaikoError(f"--engine: unknown engine {engine!r} (local, ray)")
    if workers < 1:
        raise GaikoError(f"--workers: must be at least 1, got {workers}")
    if engine == "ray" or workers > 1:
        from .scale import run_scaled

        summary = run_scaled(_readable(paths), db, options, engine=engine, workers=workers, address=address)
    else:
        from .ingest import ingest_documents

        with _progress(options, "ingest") as chars:
            summary = ingest_documents(db, chars.read(_documents(paths, options)), options, wait=wait,
                                       on_wait=_waiting, on_chars=chars.done)
    _print_summary(summary)
    _finish()


@app.command()
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


@app.command()
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

    check_date(since, "--since")
    check_date(until, "--until")
    rows = query_events(db, wait=wait, on_wait=_waiting, sort=sort, actor=actor, type=type, since=since, until=until,
                        status=status, country=country, dyad=tuple(dyad) if dyad else None, min_sources=min_sources,
                        limit=limit, min_confidence=min_confidence)
    _print_records(rows, format)


@app.command()
def timeline(a: Annotated[str, typer.Argument(help="actor id or country code")], db: DbOpt,
             b: Annotated[Optional[str], typer.Argument(help="the other side (optional)")] = None,
             plot: Annotated[Optional[str], typer.Option("--plot", help="also write a PNG chart (stacked bars by type)")] = None,
             format: TableFormatOpt = "table", level: LevelOpt = "actor",
             normalise: Annotated[bool, typer.Option("--normalise", help="events per 100 documents of the month")] = False,
             min_confidence: MinConfidenceFilter = None, wait: WaitOpt = WAIT) -> None:
    """Events per month by PLOVER type for A (and B on the other side), beside the documents of each month."""
    from .query import timeline as query_timeline

    _check_table_format(format)
    result = query_timeline(db, a, b, plot=plot, level=level, normalise=normalise, min_confidence=min_confidence,
                            wait=wait, on_wait=_waiting)
    if format == "jsonl":
        for r in result.records():
            _jsonl(r)
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
        table.add_row(month, *(_cell(result.value(row[t], month)) if t in row else "" for t in result.types),
                      _cell(result.value(sum(row.values()), month)), str(result.documents.get(month, 0)))
    Console(width=200).print(table)
    if not result.months:
        err.print(f"gaiko: no events of {result.title} dated to a month", markup=False)


@app.command()
def actors(db: DbOpt,
           limit: Annotated[int, typer.Option("--limit", help="at most N actors")] = 20,
           format: TableFormatOpt = "table", level: LevelOpt = "actor", wait: WaitOpt = WAIT) -> None:
    """The most active actors (events on either side); --level country: the most active states."""
    from .query import top_actors

    _check_table_format(format)
    rows = top_actors(db, limit, level=level, wait=wait, on_wait=_waiting)
    if format == "jsonl":
        for r in rows:
            _jsonl(r)
        return
    from rich.table import Table

    table = Table(show_lines=False)
    for col, just in (("actor", "left"), ("country", "left"), ("text", "left"), ("events", "right")):
        table.add_column(col, justify=just)
    for r in rows:
        table.add_row(r["id"] or "—", r["country"] or "—", r["text"] or "", str(r["events"]))
    Console(width=160).print(table)


@app.command()
def graph(db: DbOpt,
          format: Annotated[str, typer.Option("--format", help="graphml or json")] = "graphml",
          output: Annotated[Optional[str], typer.Option("--output", help="file to write (default: stdout)")] = None,
          actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
          status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
          min_sources: MinSourcesFilter = None, level: LevelOpt = "actor",
          min_confidence: MinConfidenceFilter = None, wait: WaitOpt = WAIT) -> None:
    """The actor network: edges weighted by event count, with a cooperation–conflict score."""
    from .query import actor_network

    text = actor_network(db, format, output, wait=wait, on_wait=_waiting, actor=actor, type=type, since=since,
                         until=until, status=status, country=country, dyad=tuple(dyad) if dyad else None,
                         min_sources=min_sources, level=level, min_confidence=min_confidence)
    if output is None:
        sys.stdout.write(text)


@app.command()
def dyads(db: DbOpt,
          by: Annotated[str, typer.Option("--by", help="month, year or all")] = "month",
          format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
          actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
          status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
          min_sources: MinSourcesFilter = None, min_confidence: MinConfidenceFilter = None,
          wait: WaitOpt = WAIT) -> None:
    """Directed country dyads (source country → target country) counted per period, with quad classes."""
    from .query import dyads as query_dyads

    rows = query_dyads(db, by, wait=wait, on_wait=_waiting, actor=actor, type=type, since=since, until=until, status=status, country=country,
                       dyad=tuple(dyad) if dyad else None, min_sources=min_sources, min_confidence=min_confidence)
    columns = ("period", "source", "target", "events", "q1", "q2", "q3", "q4", "score")
    if format == "jsonl":
        for r in rows:
            _jsonl(r)
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


@app.command()
def export(db: DbOpt,
           output: Annotated[Optional[str], typer.Option("--output", help="file to write (default: standard output, text formats)")] = None,
           format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or plover")] = "jsonl",
           actor: ActorFilter = None, type: TypeFilter = None, since: SinceFilter = None, until: UntilFilter = None,
           status: StatusFilter = None, country: CountryFilter = None, dyad: DyadFilter = None,
           min_sources: MinSourcesFilter = None, min_confidence: MinConfidenceFilter = None,
           wait: WaitOpt = WAIT) -> None:
    """Export stored events as jsonl, csv (a flat table), parquet or PLOVER JSON."""
    from .query import export_events

    n = export_events(db, output or "-", format, wait=wait, on_wait=_waiting, actor=actor, type=type, since=since,
                      until=until, status=status, country=country, dyad=tuple(dyad) if dyad else None,
                      min_sources=min_sources, min_confidence=min_confidence)
    err.print(f"{n} events written to {output or 'standard output'} ({format})", markup=False)


@app.command("eval")
def eval_(paths: Paths,
          gold: Annotated[str, typer.Option("--gold", help="gold events, JSONL")],
          published: Published = None, actors: ActorsOpt = None, triggers: TriggersOpt = None,
          config: ConfigOpt = None,
          format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
          by_type: Annotated[bool, typer.Option("--by-type", help="also print actor-level recall per type")] = False) -> None:
    """Extract from PATH and score against GOLD (P, R, F1 at dyad, actor, full levels)."""
    from .evaluate import evaluate_paths

    options = _options(config, published, actors, triggers, progress=False)
    report = evaluate_paths(gold, _documents(paths, options), options)
    same, matched = report.dates
    if format == "jsonl":
        for s in report.scores.values():
            _jsonl(s.to_dict())
        _jsonl({"level": "date", "same": same, "matched": matched})
        if by_type:
            for t, (m, g) in report.by_type.items():
                _jsonl({"level": "type", "type": t, "matched": m, "gold": g})
    else:
        if by_type:
            print("actor-level recall by type: " + ", ".join(
                f"{t} {m}/{g}" for t, (m, g) in report.by_type.items()))
        print(f"dates: {same} of {matched} events matched at actor level carry the gold date"
              f" ({same / matched if matched else 0:.3f})")
        print(f"{'level':<7}{'P':>8}{'R':>8}{'F1':>8}{'matched':>9}{'system':>8}{'gold':>6}")
        for s in report.scores.values():
            print(f"{s.level:<7}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.matched:>9}{s.system:>8}{s.gold:>6}")
    _finish()


# -- printing -----------------------------------------------------------------

def _print_records(rows: Iterable[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        for r in rows:
            _jsonl(r)
        return
    rows = list(rows)
    if format == "csv":
        from .store.export import write_csv

        out = io.StringIO()
        if rows and "id" in rows[0]:  # stored events: the flat table of `export --format csv`
            write_csv(out, rows)
        else:                         # extracted events have no id, sources or place yet
            writer = csv.writer(out)
            writer.writerow(["doc", "type", "mode", "status", "date", "source", "target", "evidence"])
            for r in rows:
                writer.writerow([r.get("doc"), r["type"], r.get("mode"), r["status"], r.get("date"),
                                 _names(r["source"]), _names(r["target"]), r.get("evidence")])
        sys.stdout.write(out.getvalue())
        return
    if format == "table":
        from rich.table import Table

        # the id leads to the evidence (`gaiko serve`: /events/ID); stored events have one,
        # extracted ones are named by their document; --explain adds the trigger and rule
        stored = any("id" in r for r in rows)
        explain = any("rule" in r for r in rows)
        cols = (["id"] if stored else []) + ["date", "type", "status", "source", "target"] + (
            ["sources"] if stored else []) + ["doc"] + (["trigger", "rule"] if explain else [])
        table = Table(show_lines=False)
        for col in cols:
            table.add_column(col, overflow="fold", no_wrap=col == "id")
        for r in rows:
            cells = {"id": r.get("id") or "", "date": r.get("date") or "—",
                     "type": r["type"] + (f"/{r['mode']}" if r.get("mode") else ""), "status": r["status"],
                     "source": _names(r["source"]), "target": _names(r["target"]),
                     "sources": str(r.get("sources", 1)), "doc": r.get("doc") or "",
                     "trigger": r.get("trigger") or "", "rule": r.get("rule") or ""}
            table.add_row(*(cells[c] for c in cols))
        Console(width=200 if stored or explain else 160).print(table)
        return
    raise GaikoError(f"--format: unknown format {format!r} (jsonl, table, csv)")


def _cell(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def _check_table_format(format: str) -> None:
    if format not in ("table", "jsonl"):
        raise GaikoError(f"--format: unknown format {format!r} (table, jsonl)")


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("id") or f"({a.get('country')}) {a.get('text')}" for a in actors)


def _print_summary(summary: dict[str, Any]) -> None:
    console = Console(highlight=False)
    console.print(f"documents read: {summary['documents_read']}  added: {summary['documents_added']}  "
                  f"already stored: {summary['documents_skipped']}")
    console.print(f"events added: {summary['events_added']}  merged into existing: {summary['events_merged']}  "
                  f"mentions added: {summary['mentions_added']}")
    if summary.get("by_type"):
        console.print("events by type: " + ", ".join(f"{k} {v}" for k, v in summary["by_type"].items()))
    if summary.get("timeline"):
        console.print("timeline:")
        for row in summary["timeline"]:
            console.print(f"  {row['date'] or '(undated)':<10} {row['type']:<10} {row['status']:<9} "
                          f"{_names(row['source'])} → {_names(row['target'])}", markup=False)


def _is_usage_error(exc: Exception) -> bool:
    """A click usage error (typer vendors its own click, so both classes count)."""
    classes: list[type] = []
    try:
        from typer._click.exceptions import ClickException as TyperClickException

        classes.append(TyperClickException)
    except ImportError:  # pragma: no cover - a typer that uses click itself
        pass
    import click

    classes.append(click.ClickException)
    return isinstance(exc, tuple(classes))


def main() -> None:
    """Entry point: GaikoError becomes one line on stderr, no traceback unless --debug."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        code = app(standalone_mode=False)  # a typer.Exit inside a command comes back as its code
    except GaikoError as exc:
        if debug:
            raise
        err.print(f"gaiko: {exc}", markup=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("gaiko: aborted")
        sys.exit(130)
    except Exception as exc:  # usage errors carry their own message
        if _is_usage_error(exc):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
