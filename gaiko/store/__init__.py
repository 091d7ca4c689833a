"""The DuckDB event store (see ``store.py`` for the shape, ``merge.py`` for the
cross-document merge rule, ``migrations.py`` for the schema)."""

from gaiko.store.export import FORMATS, from_plover, read_export, to_plover
from gaiko.store.migrations import MIGRATIONS, Migration, Migrations
from gaiko.store.store import Connection, IngestResult, Store, content_hash_of

__all__ = [
    "FORMATS",
    "MIGRATIONS",
    "Connection",
    "IngestResult",
    "Migration",
    "Migrations",
    "Store",
    "content_hash_of",
    "from_plover",
    "read_export",
    "to_plover",
]
