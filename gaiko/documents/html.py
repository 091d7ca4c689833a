"""HTML pages to main text and metadata, with trafilatura and htmldate.

``extract_html`` returns an ``HtmlPage``; the date is the page's own metadata
(htmldate on meta tags and markup only, never its text heuristics or the
clock), and ``dateline`` is a date written near the top of the visible text.

libxml2 stops building the tree 256 elements deep and drops what lies deeper,
so a page nested past ``DEEP`` levels is read a second time, flat, by the
standard library's tokenizer (``flat_text``), which keeps every visible line.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from html.parser import HTMLParser

import htmldate
import trafilatura
from trafilatura.settings import Extractor

from ..errors import InputError
from .dates import date_in_text

# htmldate discards dates after ``max_date``; a fixed bound keeps the clock out.
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}
#: A tree this deep may have been cut by libxml2 (at 256 levels): read the page flat instead.
DEEP = 200
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "blockquote", "pre", "td", "th", "dd", "dt", "table", "ul", "ol", "header", "footer"}


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
        flat = flat_text(html)  # e.g. a fragment nested too deep for libxml2 to start a tree
        if not flat.strip():
            raise InputError(name, "not parseable as HTML")
        return HtmlPage(text=flat, title=None, publisher=None, url=url, published=None,
                        dateline=date_in_text(flat))
    visible = trafilatura.html2txt(tree) or ""
    try:
        result = trafilatura.bare_extraction(tree, options=_extractor(url))
    except AssertionError:  # lxml's drop_tree on a root-level element (``<svg><p><p>``), in htmldate's cleaning
        result = None
    text = (result.text if result is not None else None) or ""
    if tree.xpath("." + "/*" * DEEP):
        text = visible = flat_text(html)  # libxml2 dropped what lay deeper than 255 levels
    if not text.strip():
        # Too short for trafilatura's thresholds: keep all visible text and let
        # ``clean`` find the prose in it.
        text = visible
    if not text.strip():
        raise InputError(name, "no text in the HTML page")
    try:
        published = htmldate.find_date(copy.deepcopy(tree), url=url, outputformat="%Y-%m-%d", **DATE_PARAMS)
    except (ValueError, AssertionError):  # AssertionError: as above
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


class _Flat(HTMLParser):
    """Visible text of a page, one line per block, however deep the nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def flat_text(html: str) -> str:
    """The visible text of ``html`` without building a tree (no depth limit)."""
    parser = _Flat()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
