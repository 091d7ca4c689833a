"""RSS/Atom feeds: parse with feedparser, fetch each item's link with httpx.

Fetching is polite and bounded: one ``httpx.Client`` per feed with a timeout and
a User-Agent naming gaiko, no retries, and after ``MAX_HOST_FAILURES``
consecutive network failures on a host its remaining items are rejected
without being requested. Each item's id is its URL.
"""

from __future__ import annotations

import datetime
import email.utils
import time
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from ..errors import InputError
from ..records import Rejected
from .encoding import binary_kind, charset_from_header, decode_bytes
from .raw import Item, Raw, html_doc

USER_AGENT = "gaiko/0.1 (political event data from Japanese news; +https://github.com/gaiko)"
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
MAX_HOST_FAILURES = 3
MAX_BYTES = 10_000_000


def client() -> httpx.Client:
    return httpx.Client(
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        transport=httpx.HTTPTransport(retries=0),
    )


def fetch(http: httpx.Client, url: str) -> httpx.Response:
    """GET ``url`` once; ``InputError`` names it on any failure."""
    try:
        response = http.get(url)
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from None
    if response.status_code >= 400:
        raise InputError(url, f"HTTP {response.status_code}")
    if len(response.content) > MAX_BYTES:
        raise InputError(url, f"larger than {MAX_BYTES} bytes")
    return response


def read_url(url: str) -> Iterator[Item]:
    """An http(s) PATH: a feed whose items are fetched, or else a single HTML page."""
    with client() as http:
        try:
            response = fetch(http, url)
        except InputError as exc:
            yield Rejected(exc.source, exc.reason)
            return
        header = response.headers.get("content-type")
        data = response.content
        if _is_feed(data, header):
            yield from _items(data, url, header, http)
        else:
            try:
                yield html_doc(data, url, str(response.url), charset_from_header(header))
            except InputError as exc:
                yield Rejected(exc.source, exc.reason)


def read_feed_bytes(data: bytes, name: str) -> Iterator[Item]:
    """A feed file (.rss, .atom, .xml) whose item links are fetched."""
    with client() as http:
        yield from _items(data, name, None, http)


def _is_feed(data: bytes, content_type: str | None) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = data[:1024].lstrip().lower()
    return (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")) and (
        b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower() or b"<rdf" in data[:4096].lower())


def _items(data: bytes, name: str, header: str | None, http: httpx.Client) -> Iterator[Item]:
    try:
        if binary_kind(data):
            raise InputError(name, "not a feed: binary data")
        text = decode_bytes(data, name, charset_from_header(header))
    except InputError as exc:
        yield Rejected(exc.source, exc.reason)
        return
    try:
        parsed = feedparser.parse(text)
    except ValueError as exc:  # feedparser's sgmllib on a character reference past U+10FFFF: chr() fails
        yield Rejected(name, f"not a readable feed: {exc}")
        return
    if not parsed.get("version") and not parsed.entries:
        reason = "not an RSS/Atom feed"
        if parsed.get("bozo_exception") is not None:
            reason += f": {parsed.bozo_exception}"
        yield Rejected(name, reason)
        return
    publisher = parsed.feed.get("title") or None
    failures: dict[str, int] = {}
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not link or not link.startswith(("http://", "https://")):
            yield Rejected(f"{name}#{number}", "feed item has no http(s) link")
            continue
        host = urlsplit(link).netloc
        if failures.get(host, 0) >= MAX_HOST_FAILURES:
            yield Rejected(link, f"not fetched: {host} failed {MAX_HOST_FAILURES} times in a row")
            continue
        try:
            response = fetch(http, link)
        except InputError as exc:
            failures[host] = failures.get(host, 0) + 1
            yield Rejected(exc.source, exc.reason)
            continue
        failures[host] = 0
        yield _item_doc(response, link, entry, publisher)


def _item_doc(response: httpx.Response, link: str, entry: Mapping[str, Any], publisher: str | None) -> Item:
    header = response.headers.get("content-type")
    try:
        raw = html_doc(response.content, link, link, charset_from_header(header))
    except InputError as exc:
        return Rejected(exc.source, exc.reason)
    site = raw.publisher
    if site and site.lower() in urlsplit(link).netloc.lower():
        site = None  # only the host name: the feed's title says more
    published = _entry_date(entry)
    return Raw(
        id=link,
        text=raw.text,
        title=raw.title or entry.get("title") or None,
        publisher=site or publisher or raw.publisher,
        url=link,
        # A feed states its items' dates explicitly; prefer them to page markup.
        published=published or raw.published,
        dateline=raw.dateline,
    )


def _entry_date(entry: Mapping[str, Any]) -> str | None:
    """The item's date as the feed wrote it, in the feed's own time zone."""
    for key in ("published", "updated"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None
