"""gaiko's command line: each command gathers options, calls the library, prints.

The stable surface is shared/spec/CLI.md. Records go to stdout (JSON Lines by
default); progress and errors go to stderr. A ``GaikoError`` is printed as one
line naming the input, with a non-zero exit; a document that cannot be read is
reported the same way and the others are still processed (exit 1 at the end).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated, Any, Iterable, Iterator, Optional

import typer
from rich.console import Console

from .cli_options import WAIT, ActorsOpt, ConfigOpt, DbOpt, FormatOpt, Paths, Published, TriggersOpt, WaitOpt
from .cli_output import err, jsonl, print_records, print_summary, waiting
from . import cli_store
from .errors import GaikoError
from .options import Options, check_date
from .records import Document, Rejected

DOCS = "docs/CLI.md"  # in the repository; the command surface and the input and output fields

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data (PLOVER) from Japanese news.\n\n"
                       f"Every command, option and field (the JSONL input, the event record): {DOCS} "
                       "in the gaiko repository. `gaiko COMMAND --help` for one command.")


class _State:
    """What the command being run has met: inputs it could not read (exit 1 at the end)."""

    skipped = 0


@app.callback()
def _start() -> None:
    # each command starts counting afresh: a long-lived process (a notebook, a test
    # runner, a server calling the app) runs many, and one rejected document must not
    # make every later command exit 1
    _State.skipped = 0


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


def _rejected(item: Rejected) -> None:
    """A document that cannot be read: one line on stderr, counted (exit 1 at the end)."""
    _State.skipped += 1
    err.print(f"gaiko: {item.doc}: {item.reason}", markup=False)


def _loaded(paths: list[str], options: Options) -> Iterator[Document | Rejected]:
    """Clean documents, and a ``Rejected`` for each that cannot be read, reported as it is met."""
    from .documents import load_documents

    paths = _readable(paths)
    if not paths:
        return
    for item in load_documents(paths, options):
        if isinstance(item, Rejected):
            _rejected(item)
        else:
            for note in item.notes:  # not an error: what cleaning did that the user should know
                err.print(f"gaiko: {item.id}: note: {note}", markup=False)
        yield item


def _documents(paths: list[str], options: Options) -> Iterator[Document]:
    """Clean documents; a rejected one is reported on stderr and counted."""
    return (item for item in _loaded(paths, options) if not isinstance(item, Rejected))


class _Chars:
    """What the progress bar is told: documents as they are read (their characters
    join the total) and characters as the pipeline finishes them (a long document
    part by part). Without a terminal (or with progress off) it tells nobody."""

    def __init__(self, bar: Any = None, task: Any = None) -> None:
        self.bar, self.task, self.total = bar, task, 0

    def read(self, docs: Iterable[Any]) -> Iterator[Any]:
        """The documents as they are read (a ``Rejected`` passes uncounted)."""
        for doc in docs:
            if self.bar is not None and isinstance(doc, Document):
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
        print_records(rows, format)
    _finish()


@app.command()
def clean(paths: Paths, published: Published = None, config: ConfigOpt = None) -> None:
    """Read and clean documents; print one JSON object per document."""
    options = _options(config, published, None, None)
    for doc in _documents(paths, options):
        jsonl(doc.to_dict())
    _finish()


@app.command()
def link(paths: Paths, published: Published = None, actors: ActorsOpt = None, config: ConfigOpt = None) -> None:
    """Clean documents and print their actor mentions (offsets into the cleaned text)."""
    from .pipeline import link_document

    options = _options(config, published, actors, None)
    for doc in _documents(paths, options):
        for m in link_document(doc, options):
            jsonl({"doc": doc.id, "start": m.start, "end": m.end, "text": m.text, "id": m.id,
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
            jsonl(t.to_dict())
        return
    for record in timex_lines(sys.stdin, published=published):
        if isinstance(record, InputError):
            _State.skipped += 1
            err.print(f"gaiko: {record}", markup=False)
        else:
            jsonl(record)
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
    if engine == "ray" or address is not None:
        from .scale import run_scaled

        summary = run_scaled(_readable(paths), db, options, engine=engine, workers=workers, address=address,
                             on_reject=_rejected)
    else:  # any number of workers: the documents are read here, as for every other command
        from .ingest import ingest_documents

        with _progress(options, "ingest") as chars:
            summary = ingest_documents(db, chars.read(_loaded(paths, options)), options, workers=workers,
                                       wait=wait, on_wait=waiting, on_chars=chars.done)
    print_summary(summary)
    _finish()


# the commands that read the store (registered here, in the order of `gaiko --help`)
for _command in (cli_store.serve, cli_store.events, cli_store.timeline, cli_store.actors, cli_store.graph,
                 cli_store.dyads, cli_store.export):
    app.command()(_command)


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
            jsonl(s.to_dict())
        jsonl({"level": "date", "same": same, "matched": matched})
        if by_type:
            for t, (m, g) in report.by_type.items():
                jsonl({"level": "type", "type": t, "matched": m, "gold": g})
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
