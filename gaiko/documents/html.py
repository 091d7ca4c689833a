"""HTML pages to main text and metadata, with trafilatura and htmldate.

``extract_html`` returns an ``HtmlPage``; the date is the page's own metadata
(htmldate on meta tags and markup only, never its text heuristics or the
clock), and ``dateline`` is a date written near the top of the visible text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import htmldate
import trafilatura
from trafilatura.settings import Extractor

from ..errors import InputError
from .dates import date_in_text

# htmldate discards dates after ``max_date``; a fixed bound keeps the clock out.
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None
    dateline: str | None
    host: str | None = None  # the site's host name, when it names no publisher


def _extractor(url: str | None) -> Extractor:
    # One Extractor per page: no per-document state on a shared settings object.
    return Extractor(
        output_format="python",
        comments=False,
        tables=True,
        with_metadata=True,
        url=url,
        date_params=dict(DATE_PARAMS),
    )


def extract_html(html: str, name: str, url: str | None = None) -> HtmlPage:
    """Main text, title, site name, URL and dates of one page, or ``InputError``."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError(name, "not parseable as HTML")
    visible = trafilatura.html2txt(tree) or ""
    result = trafilatura.bare_extraction(tree, options=_extractor(url))
    text = (result.text if result is not None else None) or ""
    if not text.strip():
        # Too short for trafilatura's thresholds: keep all visible text and let
        # ``clean`` find the prose in it.
        text = visible
    if not text.strip():
        raise InputError(name, "no text in the HTML page")
    try:
        published = htmldate.find_date(copy.deepcopy(tree), url=url, outputformat="%Y-%m-%d", **DATE_PARAMS)
    except ValueError:
        published = None
    # trafilatura capitalises site names ("gaiko例文" -> "Gaiko例文"); take the
    # page's own og:site_name verbatim when it has one.
    declared = tree.xpath('string(//meta[@property="og:site_name"]/@content)').strip()
    sitename = declared or (result.sitename if result is not None else None) or None
    host = (result.hostname if result is not None else None) or None
    if sitename and host and sitename.lower() in (host.lower(), host.lower().removeprefix("www.")):
        sitename = None  # trafilatura's fallback: the host, not a publisher's name
    return HtmlPage(
        host=host,
        text=text,
        title=(result.title if result is not None else None) or None,
        publisher=sitename,
        url=url or (result.url if result is not None else None) or None,
        published=published,
        dateline=date_in_text(visible),
    )
