"""A DuckDB connection as the store hands it out, and the keys the store computes.

Kept apart from :mod:`gaiko.store.store` (opening, locking, transactions) and
:mod:`gaiko.store.writes` (the ingest transaction) because both use it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import duckdb

if TYPE_CHECKING:
    import pyarrow

Tracer = Callable[[str, Any], None]
T = TypeVar("T")


class Connection:
    """A DuckDB connection that reports each statement to the store's tracer."""

    def __init__(self, raw: duckdb.DuckDBPyConnection, tracer: Tracer | None, *,
                 in_transaction: bool = False) -> None:
        self.raw = raw
        self._tracer = tracer
        self.in_transaction = in_transaction

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["Connection"]:
        """Run several reads on one snapshot of the store (a read transaction), so a
        write committed meanwhile cannot make them disagree; inside a write
        transaction, its own state already is that snapshot."""
        if self.in_transaction:
            yield self
            return
        self.execute("BEGIN TRANSACTION")
        self.in_transaction = True
        try:
            yield self
        finally:
            self.in_transaction = False
            self.execute("ROLLBACK")  # nothing to keep: reads only

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        if self._tracer is not None:
            self._tracer(sql, params)
        return self.raw.execute(sql, params) if params is not None else self.raw.execute(sql)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self._tracer is not None:
            self._tracer(sql, rows)
        self.raw.executemany(sql, rows)

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> "pyarrow.Table":
        """The result of a read as a pyarrow Table (columns convert to Python values
        several times faster than ``fetchall`` builds row tuples)."""
        if self._tracer is not None:
            self._tracer(sql, params)
        return self.raw.sql(sql, params=list(params) if params is not None else None).to_arrow_table()

    def dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def content_hash_of(text: str) -> str:
    """sha256 of the cleaned text: the key that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id_for(content_hash: str, index: int) -> str:
    """A stable event id: the same document and position give the same id in any store."""
    return "ev" + hashlib.sha256(f"{content_hash}\x1f{index}".encode()).hexdigest()[:14]


def now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


class Reader(Protocol):
    """What the queries need of a store: ``read(fn)`` runs ``fn(conn)`` on a read cursor
    (:meth:`gaiko.store.store.Store.read`); the query modules name this, not ``Store``,
    so the store can call them without an import cycle."""

    def read(self, fn: Callable[[Connection], T]) -> T: ...


class Writer(Reader, Protocol):
    """A store that also writes (:meth:`gaiko.store.store.Store.write`): what migrations need."""

    def write(self, fn: Callable[[Connection], T]) -> T: ...
