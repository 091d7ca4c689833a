"""The DuckDB event store (see ``store.py`` for the shape, ``filters.py`` for the
event filter every query takes, ``writes.py`` for the ingest transaction,
``merge.py`` for the cross-document merge rule, ``migrations.py`` for the schema)."""

from gaiko.store.connection import Connection, content_hash_of
from gaiko.store.export import FORMATS, from_plover, read_export, to_plover
from gaiko.store.filters import EventFilter
from gaiko.store.migrations import MIGRATIONS, Migration, Migrations
from gaiko.store.store import Store
from gaiko.store.writes import IngestResult

__all__ = [
    "FORMATS",
    "MIGRATIONS",
    "Connection",
    "EventFilter",
    "IngestResult",
    "Migration",
    "Migrations",
    "Store",
    "content_hash_of",
    "from_plover",
    "read_export",
    "to_plover",
]
