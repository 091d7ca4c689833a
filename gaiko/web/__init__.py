"""The web UI and JSON API (``gaiko serve``).

- :func:`create_app` (``app.py``): the FastAPI app over an open ``Store``;
- :func:`serve` (``server.py``): open the store and run it under uvicorn;
- ``api.py``: the JSON routes, ``pages.py``: the HTML pages, ``reads.py``: what
  they ask the store, ``views.py``/``charts.py``: summaries and SVG geometry,
  ``plover.py``: the cooperation–conflict score of each PLOVER type,
  ``paste.py``: a pasted article through the pipeline into the store.

Importing this package opens no database and loads no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gaiko.web.app import WebOptions, create_app
    from gaiko.web.server import serve

__all__ = ["WebOptions", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in ("create_app", "WebOptions"):
        from gaiko.web import app

        return getattr(app, name)
    if name == "serve":
        from gaiko.web.server import serve

        return serve
    raise AttributeError(name)
