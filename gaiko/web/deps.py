"""What the API routes and the pages both depend on: the store of the request, the
shared query parameters, the ingest guard and the upload reader.

Kept apart from :mod:`gaiko.web.app` (the factory, which includes both routers)
so that neither router imports the factory, nor the pages the API.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Query, Request, UploadFile

from gaiko.errors import InputError
from gaiko.store import Store
from gaiko.web.filters import MAX_LIMIT, EventQuery, event_query

#: The package folder of the templates and static files.
HERE = Path(__file__).parent

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most this many (1–{MAX_LIMIT})")]
Level = Annotated[str, Query(pattern="^(actor|country)$",
                             description="`actor`, or `country`: people and organs fold into their state")]
Normalise = Annotated[bool, Query(description="also give events per 100 documents published that month")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="skip this many")]
Sort = Annotated[str, Query(max_length=20, description="date (oldest first), -date (newest first), sources "
                                                      "(most reported first), type, status, source, target, "
                                                      "doc; -KEY reverses")]


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[EventQuery, Depends(event_query)]


def network_filters(filters: EventQuery) -> EventQuery:
    """The filters of the network, which free text does not apply to."""
    if filters.q:
        raise InputError("q", "free-text search does not apply to the network; use actor, type, dates")
    return filters


def too_large_message(limit: int) -> str:
    return f"request body too large: the limit is {limit:,} bytes ({limit // 1000:,} kB)"


def check_ingest(request: Request, token: str | None = None) -> None:
    """Ingest is allowed on loopback or with ``allow_ingest``; then the token if one is set,
    and never from a page of another origin (a cross-site form post)."""
    options = request.app.state.options
    if not options.ingest_enabled:
        raise HTTPException(403, "ingest is off: this server is bound to a non-loopback address "
                                 "(start it with --allow-ingest to enable it)")
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        if site not in ("same-origin", "none"):
            raise HTTPException(403, f"cross-origin ingest refused (Sec-Fetch-Site: {site})")
    elif origin:
        if origin == "null" or urlsplit(origin).netloc != request.headers.get("host", ""):
            raise HTTPException(403, f"cross-origin ingest refused (origin {origin})")
    if options.token:
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else (token or "")
        if not hmac.compare_digest(given.encode(), options.token.encode()):
            raise HTTPException(401, "ingest needs the server's token (Authorization: Bearer TOKEN, "
                                     "or the token field of the form)", headers={"WWW-Authenticate": "Bearer"})


async def read_upload(file: UploadFile | None, limit: int) -> bytes | None:
    if file is None or not file.filename:
        return None
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, too_large_message(limit))
    return data
