"""The HTML pages: Jinja2 templates with autoescape on, charts drawn as SVG on the
server, one small script in ``static/app.js`` (no inline script anywhere)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from gaiko.errors import InputError
from gaiko.records import PLOVER_TYPES, STATUSES
from gaiko.web import charts, plover, reads
from gaiko.store import EventFilter
from gaiko.web.deps import (HERE, Filters, Level, Limit, Normalise, Offset, Sort, StoreDep, check_ingest,
                            network_filters, read_upload)
from gaiko.web.filters import fetch_all, fetch_page
from gaiko.web.paste import ingest_pasted, read_pasted, record_refused
from gaiko.web.views import actor_label, actor_ref, format_date, monthly, normalised, precision

router = APIRouter(include_in_schema=False)


# -- templates ----------------------------------------------------------------------------


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (a ``javascript:`` URL stays text)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def actor_href(actor: dict[str, Any] | str | None) -> str | None:
    ref = actor if isinstance(actor, str) else actor_ref(actor or {})
    return "/actors/" + quote(ref, safe="") if ref else None


def doc_href(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html", "svg", "xml"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        PLOVER_TYPES=PLOVER_TYPES, STATUSES=STATUSES, TYPE_COLOURS=plover.TYPE_COLOURS,
        SCORES=plover.SCORES, STACK_ORDER=plover.STACK_ORDER, actor_href=actor_href,
        doc_href=doc_href, event_href=event_href, score_colour=plover.score_colour,
    )
    env.filters.update(fdate=format_date, precision=precision, label=actor_label, safe_url=safe_url,
                       score_colour=plover.score_colour, leaning=plover.leaning)
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200,
           headers: dict[str, str] | None = None) -> Response:
    options = request.app.state.options
    context = {"options": options, "path": request.url.path, **context}
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code,
                                                        headers=headers)


@router.get("/favicon.ico")
def favicon() -> Response:
    from fastapi.responses import RedirectResponse

    return RedirectResponse("/static/favicon.svg", status_code=301)


# -- events -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, filters: Filters,
                limit: Limit = 50, offset: Offset = 0, sort: Sort = "-date") -> Response:
    page = fetch_page(store, filters, limit, offset, sort)
    actors = store.actors(200)
    keep = {"sort": sort if sort != "-date" else None}  # newest first is the page's default

    def sort_href(key: str) -> str:
        """A column header's link: its key (newest / most reported first), or reversed if sorted by it."""
        first = {"date": "-date", "sources": "sources"}.get(key, key)
        flipped = first[1:] if first.startswith("-") else "-" + first
        wanted = flipped if sort == first else first
        return filters.url("/", limit=limit if limit != 50 else None, sort=wanted if wanted != "-date" else None)

    return render(request, "events.html", {
        "page": page, "filters": filters, "actors": actors, "counts": store.counts(), "sort": sort,
        "sort_href": sort_href,
        "next_url": filters.url("/", limit=limit, offset=page.next_offset, **keep) if page.next_offset is not None else None,
        "prev_url": filters.url("/", limit=limit, offset=max(0, offset - limit), **keep) if offset else None,
    })


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: StoreDep, event_id: Annotated[str, Path(max_length=200)]) -> Response:
    event = reads.event_detail(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    articles = []
    for doc in event["documents"]:
        segments, _ = reads.article_segments(store, doc, current=event_id)
        articles.append({"doc": doc, "segments": segments})
    return render(request, "event.html", {"event": event, "articles": articles})


# -- timeline, actors, network ------------------------------------------------------------


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep, filters: Filters, level: Level = "actor",
                  normalise: Normalise = False) -> Response:
    folded = reads.at_level(store, filters, level)
    data = monthly(fetch_all(store, folded))
    documents = store.documents_per_month()
    shown = normalised(data, documents) if normalise else data
    # a bar links to the events of its month and type, keeping the other filters
    base = replace(folded, type=(), since=None, until=None).url("/")
    return render(request, "timeline.html", {
        "filters": filters, "data": data, "level": level, "normalise": normalise,
        "chart": charts.timeline_chart(shown, documents=documents,
                                       unit="events per 100 documents" if normalise else "events"),
        "bar_base": base + ("&" if "?" in base else "?"),
        "actors": store.actors(200),
    })


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    return render(request, "actors.html", {"actors": store.actors(limit)})


@router.get("/actors/{actor:path}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor: Annotated[str, Path(max_length=200)]) -> Response:
    events = store.events(EventFilter(actor=actor))
    detail = reads.actor_detail(store, actor, events)
    if detail is None:
        raise HTTPException(404, f"no events with actor {actor!r}")
    data = monthly(events)
    return render(request, "actor.html", {
        "actor": detail, "events": events[-100:][::-1], "more": len(events) > 100,
        "chart": charts.timeline_chart(data, height=220), "data": data,
    })


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, filters: Filters,
                 max_nodes: Annotated[int, Query(ge=2, le=300)] = 40, level: Level = "actor") -> Response:
    net = reads.network_for(store, network_filters(filters), max_nodes, level)
    return render(request, "network.html", {
        "filters": filters, "graph": charts.network_graph(net), "max_nodes": max_nodes, "level": level,
        "actors": store.actors(200),
    })


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, filters: Filters) -> Response:
    from gaiko.web.views import places

    found, unplaced = places(fetch_all(store, filters))
    return render(request, "map.html", {
        "filters": filters, "map": charts.world_map(found), "places": found, "unplaced": unplaced,
        "actors": store.actors(200),
    })


# -- documents ----------------------------------------------------------------------------


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep) -> Response:
    return render(request, "documents.html", {"documents": store.documents()})


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: Annotated[str, Path(max_length=1000)]) -> Response:
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    segments, events = reads.article_segments(store, doc)
    return render(request, "document.html", {"doc": doc, "segments": segments, "events": events})


# -- paste --------------------------------------------------------------------------------


@router.get("/paste", response_class=HTMLResponse)
def paste_page(request: Request) -> Response:
    return render(request, "paste.html", {"form": {}})


@router.post("/paste", response_class=HTMLResponse)
async def paste_submit(
    request: Request,
    store: StoreDep,
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    published: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    token: Annotated[str | None, Form()] = None,
) -> Response:
    from starlette.concurrency import run_in_threadpool

    check_ingest(request, token)
    options = request.app.state.options
    form = {"text": text or "", "published": published or "", "title": title or "", "url": url or ""}
    try:
        data = await read_upload(file, options.max_body_bytes)
        doc = read_pasted(text=text, data=data, filename=file.filename if file else None,
                          published=published, title=title or None, url=url or None)
    except InputError as exc:
        record_refused(store, exc)  # as `gaiko run` records a file it cannot read
        return render(request, "paste.html", {"form": form, "error": str(exc)}, status_code=422)
    pasted = await run_in_threadpool(ingest_pasted, store, doc, options.pipeline)
    return render(request, "paste.html", {"form": {}, "pasted": pasted}, status_code=201)
