"""What several test modules share: the bundled sample corpus, a stored-events view
for comparing engines, and a populated in-memory store with its web client."""

from __future__ import annotations

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
