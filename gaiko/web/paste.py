"""A pasted article or an uploaded file, through the pipeline, into the store.

The same stages as ``gaiko run``: read (the readers for text and HTML bytes),
settle the publication date, clean, ``extract_documents``, ``Store.ingest``.
Nothing is written to disk but the store; the upload's name is only a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from gaiko.documents.load import clean_or_reject
from gaiko.documents.raw import read_page, read_text
from gaiko.documents.readers import publication_date
from gaiko.errors import InputError
from gaiko.options import Options, check_date
from gaiko.records import Document, Rejected
from gaiko.store import EventFilter, IngestResult, Store, content_hash_of

_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass
class Pasted:
    document: Document
    result: IngestResult
    found: list[dict[str, Any]]    # the events the pipeline found in it (EVENTS.md records)
    events: list[dict[str, Any]]   # the stored events this document reports (after merging)

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": {"id": d.id, "title": d.title, "published": d.published, "url": d.url,
                         "publisher": d.publisher},
            "document_added": self.result.document_added,
            "events_found": len(self.found),
            "found": self.found,
            "events_added": self.result.events_added,
            "events_merged": self.result.events_merged,
            "events": self.events,
        }


def label_for(filename: str | None) -> str:
    """A display id from an uploaded file's name: its last path part, tame characters only."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip("._")
    return name[:80] or "upload"


def _latin1_fallback(text: str) -> bool:
    """A form field the parser decoded as Latin-1 because it was not UTF-8: every
    character below U+0100 and some in the high half (a pasted Japanese text has
    characters far above U+0100; a Latin-1 decoding of its bytes has none)."""
    return any("\x80" <= ch <= "\xff" for ch in text) and all(ord(ch) < 0x100 for ch in text)


def read_pasted(*, text: str | None = None, data: bytes | None = None, filename: str | None = None,
                published: str | None = None, title: str | None = None, url: str | None = None) -> Document:
    """One cleaned ``Document`` from pasted text or an uploaded file's bytes."""
    published = check_date(published or None, "published")
    if data is not None:
        name = label_for(filename)
        raw = read_page(data, name)
    elif text is not None and text.strip():
        name = "pasted"
        if _latin1_fallback(text):
            # the form field was not valid UTF-8 and the form parser fell back to Latin-1:
            # read its bytes as an uploaded file's ("cannot decode", never mojibake)
            raw = read_page(text.encode("latin-1"), name)
        elif "\ufffd" in text:
            raise InputError(name, "cannot decode: the text is not valid UTF-8 "
                                   "(it holds U+FFFD replacement characters)")
        else:
            raw = read_text(text, name)
    else:
        raise InputError("text", "paste an article or choose a file")
    doc = Document(id=name, text=raw.text, title=title or raw.title, published=publication_date(raw, published),
                   publisher=raw.publisher, url=url or raw.url)
    doc = clean_or_reject(doc)  # refused for the reasons a file is refused
    if isinstance(doc, Rejected):
        raise InputError(name, doc.reason)
    # the id carries the content hash, so two different texts never share an id
    return replace(doc, id=f"{name}#{content_hash_of(doc.text)[:10]}")


def ingest_pasted(store: Store, doc: Document, options: Options) -> Pasted:
    """Run the pipeline over ``doc`` and store it with its events, through the writer
    ``gaiko run`` uses (:class:`gaiko.ingest.Ingest`)."""
    from gaiko.ingest import Ingest
    from gaiko.pipeline import extract_documents

    extraction = next(iter(extract_documents([doc], options)))
    stored = extraction.document
    result = Ingest(store).write(stored, extraction.events)
    if not result.document_added:
        # the same text is already stored, perhaps under another id: show that one
        stored = replace(stored, id=store.document_with_text(content_hash_of(stored.text)) or stored.id)
    mine = store.events(EventFilter(doc=stored.id))
    return Pasted(stored, result, [ev.to_dict() for ev in extraction.events], mine)


#: The form fields a paste's ``InputError`` may name; any other name is the document's.
FORM_FIELDS = ("text", "file", "published", "title", "url", "token")


def record_refused(store: Store, exc: InputError) -> None:
    """Record a pasted document that could not be read (empty after cleaning, not
    decodable, not text) as ``gaiko run`` records an unreadable file; an error in
    a form field (no text given, a malformed date) names no document and is not kept."""
    from gaiko.ingest import Ingest

    if exc.source not in FORM_FIELDS:
        Ingest(store).reject(Rejected(exc.source, exc.reason))
