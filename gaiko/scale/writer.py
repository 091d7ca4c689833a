"""The parent's side of every engine: the one writer of the store, and the summary.

DuckDB allows one read-write process per file, so workers never open the store:
they return events, and ``StoreWriter`` ingests them in input order, counting
what ``gaiko.ingest.ingest_documents`` counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..records import Document, Event, Mention, Rejected

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store


class StoreWriter:
    """Ingests (document, events) pairs and tallies the run's summary."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self.summary: dict[str, Any] = {"documents_read": 0, "documents_added": 0, "documents_skipped": 0,
                                        "events_added": 0, "events_merged": 0, "mentions_added": 0,
                                        "documents_rejected": 0}
        self._by_type: Counter[str] = Counter()

    def fresh(self, items: Iterable[Document | Rejected]) -> Iterator[Document]:
        """The documents not stored yet; rejected ones are recorded, stored ones counted."""
        from ..store import content_hash_of

        for item in items:
            if isinstance(item, Rejected):
                self.reject(item)
                continue
            self.summary["documents_read"] += 1
            if self.store.has_document(content_hash_of(item.text)):
                self.summary["documents_skipped"] += 1
                continue
            yield item

    def reject(self, rejected: Rejected) -> None:
        self.summary["documents_rejected"] += 1
        self.store.record_rejected(rejected)

    def skipped(self) -> None:
        """A document read and found stored by a worker (ray)."""
        self.summary["documents_read"] += 1
        self.summary["documents_skipped"] += 1

    def write(self, doc: Document, events: list[Event]) -> None:
        result = self.store.ingest(doc, events)
        key = "documents_added" if result.document_added else "documents_skipped"
        self.summary[key] += 1
        self.summary["events_added"] += result.events_added
        self.summary["events_merged"] += result.events_merged
        self.summary["mentions_added"] += result.mentions_added
        self._by_type.update(ev.type for ev in events)

    def result(self) -> dict[str, Any]:
        summary = dict(self.summary)
        summary["by_type"] = dict(self._by_type.most_common())
        rows = self.store.events()
        dated = sorted((r for r in rows if r.get("date")), key=lambda r: r["date"])
        summary["timeline"] = dated[-12:]
        return summary


def event_to_dict(ev: Event) -> dict[str, Any]:
    """Every field of an event, as plain JSON values (``event_from_dict`` inverts it)."""
    return ev.to_dict(explain=True)


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "mentions": [Mention(**m) for m in data.get("mentions") or []]})


def document_to_dict(doc: Document) -> dict[str, Any]:
    return asdict(doc)


def document_from_dict(data: dict[str, Any]) -> Document:
    return Document(**data)
