"""The app factory: ``create_app(store, options)`` returns gaiko's FastAPI app.

Nothing here opens a database: the caller passes an open :class:`~gaiko.store.Store`
(``serve`` in :mod:`gaiko.web.server` opens it; tests pass an in-memory one).
The app has three parts, each only calling the library:

- ``/api/…``: the JSON API (:mod:`gaiko.web.api`), OpenAPI schema at ``/openapi.json``;
- the pages (:mod:`gaiko.web.pages`), Jinja2 templates with autoescape on;
- ``/static/…``: one stylesheet and one small script, both from the package.

Every response carries a Content-Security-Policy that allows scripts, styles and
images from the app itself only (no inline script, no event-handler attributes,
nothing from the internet).  Request bodies are capped at ``max_body_bytes``
(413 past it).  Ingest (``POST /api/documents`` and the paste form) is on for a
server bound to a loopback address, off otherwise unless ``allow_ingest``; with
a ``token`` it needs ``Authorization: Bearer TOKEN`` or a ``token`` form field.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gaiko.version import __version__
from gaiko.errors import GaikoError, InputError, StoreError
from gaiko.options import Options
from gaiko.store import Store
from gaiko.web.deps import HERE, too_large_message

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebOptions:
    """Settings of the web app.  ``pipeline`` is what the paste form runs with."""

    pipeline: Options = field(default_factory=lambda: Options(progress=False))
    host: str = "127.0.0.1"
    allow_ingest: bool = False
    token: str | None = None
    max_body_bytes: int = 1_000_000
    page_size: int = 50
    network_nodes: int = 40

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise InputError("max_body_bytes", f"must be at least 1, got {self.max_body_bytes}")
        if not 1 <= self.page_size <= 500:
            raise InputError("page_size", f"must be between 1 and 500, got {self.page_size}")
        if self.token is not None and not self.token.strip():
            raise InputError("token", "must not be empty")

    @property
    def ingest_enabled(self) -> bool:
        return self.allow_ingest or is_loopback(self.host)


# -- middleware (pure ASGI, so they also cover static files and errors) ---------------------


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, whether announced by
    Content-Length or found while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            response = error_response(Request(scope), 413, too_large_message(self.limit))
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, too_large_message(self.limit))
            return message

        await self.app(scope, limited, send)


# -- the factory ----------------------------------------------------------------------------


def create_app(store: Store, options: WebOptions | None = None) -> FastAPI:
    """gaiko's FastAPI app over an open ``store``."""
    from gaiko.web import api, pages

    options = options or WebOptions()
    app = FastAPI(
        title="gaiko",
        version=__version__,
        description="PLOVER political events from Japanese news: events, actors, documents, "
                    "the actor network and monthly counts. Every event links to the sentences "
                    "that report it.",
        docs_url=None,        # the interactive docs load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.options = options
    app.state.templates = pages.templates()

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc), errors=jsonable_errors(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(GaikoError)
    async def gaiko_failed(request: Request, exc: GaikoError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def validation_message(exc: RequestValidationError) -> str:
    """One readable line per bad parameter: ``limit: Input should be less than or equal to 500``."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "form")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()]


def wants_html(request: Request) -> bool:
    """A page's errors are pages (a browser's form post included); the API's are JSON.
    A client asking a page for JSON only (``Accept: application/json``) gets JSON."""
    if request.url.path.startswith(("/api/", "/openapi", "/static/")):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "application/json" not in accept


def error_response(request: Request, status: int, message: str, *, errors: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """JSON ``{"detail": message}`` for the API, an error page for the pages."""
    if wants_html(request):
        from gaiko.web.pages import render

        if request.url.path == "/paste" and request.method == "POST":
            # the paste form again, with the reason, rather than a bare error page
            return render(request, "paste.html", {"form": {}, "error": message}, status_code=status,
                          headers=headers)
        return render(request, "error.html", {"status": status, "message": message}, status_code=status,
                      headers=headers)
    body: dict[str, Any] = {"detail": message}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)
