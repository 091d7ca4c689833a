"""``gaiko serve``: open the store and run the app under uvicorn."""

from __future__ import annotations

from pathlib import Path

from gaiko.errors import InputError
from gaiko.options import Options


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
          token: str | None = None, options: Options | None = None, wait: float = 10.0) -> None:
    """Serve the web UI and JSON API over the store at ``db`` until interrupted.

    The store is opened read-write when ingest is possible (loopback, or
    ``allow_ingest``), read-only otherwise, and only while requests use it
    (``Store(hold=False)``): DuckDB lets one process write a file, or several read
    it, so holding it between requests would lock out ``gaiko run`` and ``gaiko
    events`` beside the server.  A request waits up to ``wait`` seconds for them
    (503 past that).
    """
    import uvicorn

    from gaiko.store import Store
    from gaiko.web.app import WebOptions, create_app

    web = WebOptions(pipeline=options or Options(progress=False), host=host, allow_ingest=allow_ingest,
                     token=token)
    if not web.ingest_enabled and not Path(db).exists():
        raise InputError(db, "no such event store (create it with `gaiko run PATH --db FILE`)")
    if not 0 <= port <= 65535:
        raise InputError("--port", f"not a port number: {port}")
    with Store(db, read_only=not web.ingest_enabled, hold=False, wait=wait) as store:
        app = create_app(store, web)
        uvicorn.run(app, host=host, port=port, log_level="info")
