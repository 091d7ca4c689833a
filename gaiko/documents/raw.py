"""A document as read, before its publication date is settled, and the readers of one page.

Every reader of ``documents/`` (files, JSONL lines, WARC records, feed items,
standard input) and the web paste turn bytes or text into a ``Raw`` through the
functions here, so a page is read the same way whichever way it came in:
``read_page`` chooses by the name's suffix (HTML, text, or anything else
sniffed), ``read_text`` reads text that is already decoded (a pasted article).
Kept apart from ``readers.py`` so that ``feeds.py``, which ``readers.py`` calls,
needs nothing from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Rejected
from .dates import date_in_text
from .encoding import decode_bytes

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Raw:
    """A document as read, before the publication date is settled."""

    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # the document's own metadata
    dateline: str | None = None   # a date written near the top of its text


Item = Raw | Rejected


def suffix_of(path: Path) -> str:
    """The lower-cased suffix, with ``.warc.gz`` as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def read_page(data: bytes, name: str, suffix: str | None = None) -> Raw:
    """One document from a file's bytes: HTML or text by ``suffix`` (the name's by default), else sniffed."""
    suffix = suffix_of(Path(name)) if suffix is None else suffix
    if suffix in HTML_SUFFIXES:
        return html_doc(data, name)
    if suffix in TEXT_SUFFIXES:
        return text_doc(data, name)
    return sniffed_doc(data, name)


def read_text(text: str, name: str) -> Raw:
    """One document from decoded text: HTML when it looks like a page, else plain text."""
    return html_doc(text, name) if looks_like_html(text) else text_doc(text.encode("utf-8"), name)


def text_doc(data: bytes, name: str, header_charset: str | None = None) -> Raw:
    text = decode_bytes(data, name, header_charset)
    if not text.strip():
        raise InputError(name, "empty document")
    return Raw(id=name, text=text, dateline=date_in_text(text))


def html_doc(data: bytes | str, name: str, url: str | None = None,
             header_charset: str | None = None) -> Raw:
    html = decode_bytes(data, name, header_charset) if isinstance(data, bytes) else data
    # the HTML extractor (trafilatura, lxml) is imported when a page is read:
    # a command over plain text files never pays for it
    from .html import extract_html

    page = extract_html(html, name, url)
    return Raw(id=name, text=page.text, title=page.title, publisher=page.publisher or page.host,
               url=page.url, published=page.published, dateline=page.dateline)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head


def sniffed_doc(data: bytes, name: str) -> Raw:
    text = decode_bytes(data, name)
    if looks_like_html(text):
        return html_doc(text, name)
    if not text.strip():
        raise InputError(name, "empty document")
    return Raw(id=name, text=text, dateline=date_in_text(text))
