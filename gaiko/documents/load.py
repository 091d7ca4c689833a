"""The documents stage as the pipeline calls it: read, clean, mark near-duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..options import Options
from ..records import Document, Rejected
from .clean import clean
from .dedupe import Deduplicator
from .language import not_japanese
from .readers import read_documents


def load_documents(paths: Iterable[str], options: Options) -> Iterator[Document | Rejected]:
    """Clean documents from ``paths``; copies of an earlier one get ``duplicate_of``.

    Raises ``InputError`` at the call for a path that does not exist; every other
    problem is a ``Rejected`` naming its document. A document whose cleaned text
    is empty, or not Japanese (``language.not_japanese``), is rejected too.
    """
    documents = read_documents(paths, options)
    return _load(documents)


def clean_or_reject(item: Document) -> Document | Rejected:
    """``item`` cleaned, or why it is refused (no text left, not Japanese): the one check
    every way in applies (files, the Ray engine, the web paste), so that a document is
    refused for the same reason whichever way it came."""
    cleaned = clean(item)
    if not cleaned.text.strip():
        return Rejected(item.id, "no article text left after cleaning")
    why = not_japanese(cleaned.text)
    if why:
        return Rejected(item.id, f"skipped, not Japanese: {why}")
    return cleaned


def _load(documents: Iterator[Document | Rejected]) -> Iterator[Document | Rejected]:
    dedupe = Deduplicator()
    for item in documents:
        checked = item if isinstance(item, Rejected) else clean_or_reject(item)
        yield checked if isinstance(checked, Rejected) else dedupe.mark(checked)
