"""The one way documents reach the store: ``gaiko run`` (any number of workers),
the Ray engine and the web paste all write through :class:`Ingest`.

A document whose cleaned text is already stored (same content hash) is not
parsed again. Each document is written with its events in one transaction, so
an interrupted run leaves no partial document and the next run completes it.
A document that cannot be read is recorded in the store (``Store.rejected``)
whichever way it came, so two engines given one folder leave the same store.
The summary counts what this run did and reads the rest from the store in SQL:
it never loads the store's events to print a dozen of them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .options import Options
from .records import Document, Event, Rejected

if TYPE_CHECKING:  # pragma: no cover
    from .store import IngestResult, Store

#: How many of the latest dated events the summary shows.
TIMELINE_ROWS = 12
COUNTERS = ("documents_read", "documents_added", "documents_skipped", "documents_rejected",
            "events_added", "events_merged", "mentions_added")


class Ingest:
    """The store's one writer for a run: records rejections, skips stored documents,
    ingests the rest in the order given, and tallies the run's summary."""

    def __init__(self, store: "Store", *, on_reject: Callable[[Rejected], None] | None = None) -> None:
        self.store = store
        self.counts: Counter[str] = Counter({name: 0 for name in COUNTERS})
        self.by_type: Counter[str] = Counter()
        self.on_reject = on_reject

    def fresh(self, items: Iterable[Document | Rejected],
              on_stored: Callable[[Document], None] | None = None) -> Iterator[Document]:
        """The documents of ``items`` not stored yet; a rejected one is recorded, a stored
        one counted (and handed to ``on_stored``)."""
        from .store import content_hash_of

        for item in items:
            if isinstance(item, Rejected):
                self.reject(item)
                continue
            if self.store.has_document(content_hash_of(item.text)):
                self.stored()
                if on_stored is not None:
                    on_stored(item)
                continue
            yield item

    def reject(self, rejected: Rejected) -> None:
        """Record a document that could not be read (and tell ``on_reject``)."""
        self.counts["documents_rejected"] += 1
        self.store.record_rejected(rejected)
        if self.on_reject is not None:
            self.on_reject(rejected)

    def stored(self) -> None:
        """A document read and found already stored."""
        self.counts["documents_read"] += 1
        self.counts["documents_skipped"] += 1

    def write(self, doc: Document, events: list[Event]) -> "IngestResult":
        """Store ``doc`` with its events (one transaction)."""
        result = self.store.ingest(doc, events)
        self.counts["documents_read"] += 1
        self.counts["documents_added" if result.document_added else "documents_skipped"] += 1
        self.counts["events_added"] += result.events_added
        self.counts["events_merged"] += result.events_merged
        self.counts["mentions_added"] += result.mentions_added
        self.by_type.update(ev.type for ev in events)
        return result

    def summary(self) -> dict[str, Any]:
        """The run's counts, its events by type, and the store's latest dated events."""
        return {**self.counts, "by_type": dict(self.by_type.most_common()),
                "timeline": self.store.latest_dated(TIMELINE_ROWS)}


def ingest_documents(db: str, items: Iterable[Document | Rejected], options: Options, *, workers: int = 1,
                     wait: float = 0.0, on_wait: Callable[[str, float], None] | None = None,
                     on_chars: Callable[[int], None] | None = None,
                     on_reject: Callable[[Rejected], None] | None = None) -> dict[str, Any]:
    """Ingest ``items`` (documents, and the ``Rejected`` of those that could not be
    read, as ``load_documents`` gives them) into the store at ``db`` with ``workers``
    processes; returns the summary.

    The store is not held for the whole run (``hold=False``): it is let go when no
    document has been looked up or written for a second, and at least every two
    seconds, so ``gaiko serve`` and ``gaiko events`` keep working on the same file;
    each write waits up to ``wait`` seconds for them. With several workers only this
    process writes, in input order (see :mod:`gaiko.scale.local`), so the store ends
    as one worker leaves it.
    """
    from .errors import GaikoError
    from .scale.local import extract_parallel
    from .store import Store

    if workers < 1:
        raise GaikoError(f"--workers: must be at least 1, got {workers}")

    def done(doc: Document) -> None:
        if on_chars:
            on_chars(len(doc.text))  # nothing left to do for it

    # kept open while documents keep coming (a second after the last write, two at most),
    # so the reopening (a checkpoint each time) costs a few per cent, and others get in
    with Store(db, hold=False, wait=wait, on_wait=on_wait, linger=1.0, max_hold=2.0) as store:
        run = Ingest(store, on_reject=on_reject)
        fresh = run.fresh(items, on_stored=done)
        for doc, events in extract_parallel(fresh, options, workers, on_chars=on_chars):
            run.write(doc, events)
        return run.summary()
