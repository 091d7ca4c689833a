"""Reading the store for the CLI and the web layer."""

from __future__ import annotations

from typing import Any

from .errors import InputError


def query_events(db: str, **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events matching ``filters`` (see ``Store.events``)."""
    from pathlib import Path

    from .store import Store

    if not Path(db).exists():
        raise InputError(db, "no such event store (create it with `gaiko run PATH --db FILE`)")
    with Store(db) as store:
        return store.events(**{k: v for k, v in filters.items() if v is not None})
