"""The JSON API under ``/api``.  Every route calls the store's Python API (or the
helpers in :mod:`gaiko.web.reads`); bad parameters are 422s with a message
naming the parameter, unknown ids 404s."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, Response, UploadFile

from gaiko.errors import InputError
from gaiko.web import plover, reads
from gaiko.web.deps import (Filters, Level, Limit, Normalise, Offset, Sort, StoreDep, check_ingest,
                            network_filters, read_upload)
from gaiko.web.filters import fetch_all, fetch_page
from gaiko.web.paste import ingest_pasted, read_pasted, record_refused
from gaiko.web.views import monthly

router = APIRouter(prefix="/api", tags=["api"])

# -- events -------------------------------------------------------------------------------


@router.get("/events", summary="Events, deduplicated across documents, filtered and paged")
def list_events(store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0,
                sort: Sort = "date") -> dict[str, Any]:
    """The filters of `gaiko events`; `next_offset` is null on the last page."""
    return fetch_page(store, filters, limit, offset, sort).to_dict()


@router.get("/events/{event_id}", summary="One event with its mentions and sources")
def get_event(store: StoreDep, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    detail = reads.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return detail


# -- actors -------------------------------------------------------------------------------


@router.get("/actors", summary="The most active actors with their event counts")
def list_actors(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    return store.actors(limit)


@router.get("/actors/{actor:path}", summary="One actor: events by type, counterparts, months")
def get_actor(store: StoreDep, actor: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    detail = reads.actor_detail(store, actor)
    if detail is None:
        raise HTTPException(404, f"no events with actor {actor!r}")
    return detail


# -- documents ----------------------------------------------------------------------------


@router.get("/documents", summary="Stored documents (without their text)")
def list_documents(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    docs = store.documents()
    page = docs[offset:offset + limit]
    return {"total": len(docs), "limit": limit, "offset": offset, "documents": page}


@router.get("/documents/{doc_id:path}", summary="One document with its cleaned text and its events")
def get_document(store: StoreDep, doc_id: Annotated[str, Path(max_length=1000)]) -> dict[str, Any]:
    doc = reads.document_detail(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc


@router.post("/documents", status_code=201, summary="Ingest an article: pasted text or an uploaded file")
async def post_document(
    request: Request,
    store: StoreDep,
    text: Annotated[str | None, Form(description="the article as plain text or HTML")] = None,
    file: Annotated[UploadFile | None, File(description="an HTML or text file")] = None,
    published: Annotated[str | None, Form(description="publication date YYYY[-MM[-DD]]")] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    token: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Runs the pipeline (clean → link → parse → extract → date), stores the document and
    its events, and returns the stored events it reports."""
    from starlette.concurrency import run_in_threadpool

    check_ingest(request, token)
    options = request.app.state.options
    data = await read_upload(file, options.max_body_bytes)
    try:
        doc = read_pasted(text=text, data=data, filename=file.filename if file else None,
                          published=published, title=title or None, url=url or None)
    except InputError as exc:
        record_refused(store, exc)  # as `gaiko run` records a file it cannot read
        raise
    pasted = await run_in_threadpool(ingest_pasted, store, doc, options.pipeline)
    return pasted.to_dict()


# -- network and timeline -----------------------------------------------------------------


@router.get("/network", summary="The actor network: nodes by activity, edges by cooperation–conflict")
def get_network(store: StoreDep, filters: Filters,
                max_nodes: Annotated[int, Query(ge=2, le=300)] = 40, level: Level = "actor") -> dict[str, Any]:
    """Edges join a source and a target actor; `score` is the mean cooperation (+1) /
    conflict (-1) score of their events (see `/api/types`).  Free text (`q`) does not
    apply here.  `level=country` joins states (Kim Jong Un counts for PRK)."""
    return reads.network_for(store, network_filters(filters), max_nodes, level)


@router.get("/timeline", summary="Events per month and PLOVER type, for an actor, a dyad or everything")
def get_timeline(store: StoreDep, filters: Filters, level: Level = "actor",
                 normalise: Normalise = False) -> dict[str, Any]:
    """Use `actor=` for one actor, `dyad=A&dyad=B` for a pair.  Only events dated to a
    month or a day are placed on a month; `year_only` and `undated` count the rest.
    `documents` gives the documents published each month beside the events (a month
    with more news looks like a month with more diplomacy); `normalise=true` adds
    `per_100_documents` to each count.  `level=country` counts the events of the
    actors' states."""
    data = monthly(fetch_all(store, reads.at_level(store, filters, level)))
    return data.with_documents(store.documents_per_month(), normalise)


@router.get("/places", summary="Events by the place they happened in, with coordinates")
def get_places(store: StoreDep, filters: Filters) -> dict[str, Any]:
    """Each place (resolved offline to latitude, longitude, country, GeoNames first-level
    division and id) with its events by type and their mean score; `unplaced` counts the
    matching events with no resolved place."""
    from gaiko.web.views import places

    found, unplaced = places(fetch_all(store, filters))
    return {"places": found, "unplaced": unplaced}


@router.get("/events.csv", summary="The events of the current filter as a flat CSV table")
def events_csv(store: StoreDep, filters: Filters) -> Response:
    """The columns of `gaiko export --format csv` (one per field a spreadsheet needs)."""
    import io

    from gaiko.store.export import write_csv

    out = io.StringIO()
    write_csv(out, fetch_all(store, filters))
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="gaiko-events.csv"'})


@router.get("/types", summary="PLOVER types with their cooperation (+) / conflict (-) score and colour")
def get_types() -> list[dict[str, Any]]:
    return [{"type": t, "score": plover.SCORES[t], "leaning": plover.leaning(plover.SCORES[t]),
             "colour": plover.TYPE_COLOURS[t]} for t in plover.STACK_ORDER]


@router.get("/counts", summary="How many documents, events and mentions are stored")
def get_counts(store: StoreDep) -> dict[str, int]:
    return store.counts()
