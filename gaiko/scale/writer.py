"""Documents and events as plain JSON values, for the Ray engine's Parquet rows.

DuckDB allows one read-write process per file, so workers never open the store:
they return events as these values, and the driver turns them back and writes
them through the one writer, ``gaiko.ingest.Ingest``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..records import Document, Event, Mention


def event_to_dict(ev: Event) -> dict[str, Any]:
    """Every field of an event, as plain JSON values (``event_from_dict`` inverts it)."""
    return ev.to_dict(explain=True)


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "mentions": [Mention(**m) for m in data.get("mentions") or []]})


def document_to_dict(doc: Document) -> dict[str, Any]:
    return asdict(doc)


def document_from_dict(data: dict[str, Any]) -> Document:
    return Document(**data)
