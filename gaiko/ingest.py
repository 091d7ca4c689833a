"""``gaiko run``: documents through the pipeline into the store, idempotently.

A document whose cleaned text is already stored (same content hash) is not
parsed again. Each document is written with its events in one transaction, so
an interrupted run leaves no partial document and the next run completes it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Iterator

from .options import Options
from .records import Document


def ingest_documents(db: str, docs: Iterable[Document], options: Options, *, wait: float = 0.0,
                     on_wait: Callable[[str, float], None] | None = None,
                     on_chars: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Ingest ``docs`` into the store at ``db``; returns a summary for printing.

    The store is not held for the whole run (``hold=False``): it is let go when no
    document has been looked up or written for a second, and at least every two
    seconds, so ``gaiko serve`` and ``gaiko events`` keep working on the same file;
    each write waits up to ``wait`` seconds for them.
    """
    from .pipeline import extract_documents
    from .store import Store, content_hash_of

    summary: dict[str, Any] = {"documents_read": 0, "documents_added": 0, "documents_skipped": 0,
                               "events_added": 0, "events_merged": 0, "mentions_added": 0}
    by_type: Counter[str] = Counter()
    # kept open while documents keep coming (a second after the last write, two at most),
    # so the reopening (a checkpoint each time) costs a few per cent, and others get in
    with Store(db, hold=False, wait=wait, on_wait=on_wait, linger=1.0, max_hold=2.0) as store:
        def fresh() -> Iterator[Document]:
            for doc in docs:
                summary["documents_read"] += 1
                if store.has_document(content_hash_of(doc.text)):
                    summary["documents_skipped"] += 1
                    if on_chars:
                        on_chars(len(doc.text))  # nothing left to do for it
                    continue
                yield doc

        for x in extract_documents(fresh(), options, on_chars=on_chars):
            result = store.ingest(x.document, x.events)
            if result.document_added:
                summary["documents_added"] += 1
            else:
                summary["documents_skipped"] += 1
            summary["events_added"] += result.events_added
            summary["events_merged"] += result.events_merged
            summary["mentions_added"] += result.mentions_added
            by_type.update(ev.type for ev in x.events)
        rows = store.events()
    summary["by_type"] = dict(by_type.most_common())
    dated = sorted((r for r in rows if r.get("date")), key=lambda r: r["date"])
    summary["timeline"] = dated[-12:]
    return summary
