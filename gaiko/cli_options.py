"""The options the commands share, declared once: inputs, the store, output formats,
and the event filter (``--actor`` … ``--min-confidence``), which every command that
reads events turns into one :class:`~gaiko.store.filters.EventFilter`
(:func:`event_filter`), checked there and named by its flags on error."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from .store.filters import EventFilter

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

# the event filter of events, export, graph and dyads (see gaiko.store.filters.EventFilter)
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


def event_filter(*, actor: str | None = None, type: str | None = None, since: str | None = None,
                 until: str | None = None, status: str | None = None, country: str | None = None,
                 dyad: list[str] | None = None, min_sources: int | None = None,
                 min_confidence: float | None = None) -> "EventFilter":
    """The filter the options give; a bad value is an error naming its flag (``--type``)."""
    from .store.filters import EventFilter

    return EventFilter.for_cli(actor=actor, type=type, since=since, until=until, status=status, country=country,
                               dyad=tuple(dyad) if dyad is not None else None, min_sources=min_sources,
                               min_confidence=min_confidence)
