"""What several test modules share: the bundled sample corpus, a stored-events view
for comparing engines, and a populated in-memory store with its web client."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from gaiko.store import Store

EXAMPLES = str(Path(__file__).resolve().parent.parent / "examples" / "corpus")
#: Fields that differ between two stores holding the same events.
VOLATILE = {"id", "ingested_at", "seq"}


def stored_events(db: str) -> list[dict]:
    """The events of a store file without their volatile fields, in a stable order."""
    with Store(db, read_only=True) as store:
        rows = store.events()
    return sorted(({k: v for k, v in r.items() if k not in VOLATILE} for r in rows), key=repr)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """A store populated by ``gaiko.web.fixtures``; read-only for the modules using it
    (ingest is only tried where it is refused)."""
    from gaiko.web.fixtures import populate

    with Store(memory=True) as s:
        populate(s)
        yield s


@pytest.fixture(scope="module")
def client(store):
    """The web app over that store."""
    from fastapi.testclient import TestClient

    from gaiko.web import WebOptions, create_app

    return TestClient(create_app(store, WebOptions()))


@contextmanager
def serving(db: str, *options: str) -> Iterator[str]:
    """A real ``gaiko serve`` process on a free loopback port, for as long as the block runs;
    yields its base URL once it answers."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "gaiko.cli", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                httpx.get(base + "/api/events", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "gaiko serve did not come up"
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
