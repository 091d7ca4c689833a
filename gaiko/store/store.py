"""The DuckDB event store: the only module in gaiko that calls ``duckdb.connect``.

Shape after Datasette's ``Database`` and sqlite-utils' ``Database``:

- ``Store(path)``, ``Store(memory=True)`` or ``Store(path, read_only=True)``; a
  context manager; the schema is migrated on open (:mod:`gaiko.store.migrations`).
- Reads go through ``read(fn)``: ``fn(conn)`` runs on a per-thread cursor.
  Writes go through ``write(fn)``: ``fn(conn)`` runs on the one write connection,
  under a lock, inside a transaction (``atomic()``), so it commits whole or not
  at all.  ``atomic()`` nests: DuckDB has no savepoints, so an inner block joins
  the outer transaction and an error anywhere rolls the whole of it back.
- ``tracer(sql, params)`` sees every statement the store runs.

DuckDB lets one process open a file read-write, or several read-only, never
both.  A second opener gets a :class:`~gaiko.errors.StoreError` naming the file,
or, with ``wait=SECONDS``, retries until the lock is free or the time is up
(``on_wait(name, seconds)`` is called once, when it starts waiting).

So that several processes can share one file (``gaiko serve`` beside ``gaiko
run`` and ``gaiko events``), ``Store(path, hold=False)`` holds no lock between
operations: each ``read``/``write`` (or a ``session()`` around several) opens
the file, and the file is closed again once no operation is running and
``linger`` seconds have passed, or at once when it has been open ``max_hold``
seconds, so a busy writer still lets the others in between its writes.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import duckdb

from gaiko.errors import StoreError, StoreOutdated
from gaiko.records import Document, Event, Rejected
from gaiko.store import queries
from gaiko.store.connection import Connection, Tracer, content_hash_of, now
from gaiko.store.filters import EventFilter
from gaiko.store.migrations import MIGRATIONS
from gaiko.store.writes import IngestResult, prepared, write_document

T = TypeVar("T")


class Store:
    """The event store.  See the module docstring; the ingest transaction lives in
    :mod:`gaiko.store.writes`, the query methods in :mod:`gaiko.store.queries` (each
    taking an :class:`~gaiko.store.filters.EventFilter`) and the exporters in
    :mod:`gaiko.store.export`."""

    def __init__(
        self,
        path: str | None = None,
        *,
        memory: bool = False,
        tracer: Tracer | None = None,
        read_only: bool = False,
        wait: float = 0.0,
        hold: bool = True,
        linger: float = 0.2,
        max_hold: float = 1.0,
        on_wait: Callable[[str, float], None] | None = None,
    ) -> None:
        if (path is None) == (not memory):
            raise StoreError("Store needs either a path or memory=True, not both")
        self.path = str(path) if path is not None else None
        self.name = self.path or ":memory:"
        self.read_only = read_only and not memory
        self.tracer = tracer
        self.wait = max(wait, 0.0)
        self.hold = hold or memory
        self.linger, self.max_hold = max(linger, 0.0), max(max_hold, 0.0)
        self._on_wait = on_wait
        self._raw: duckdb.DuckDBPyConnection | None = None
        self._session_lock = threading.Lock()
        self._users = 0
        self._opened_at = self._released_at = 0.0
        self._timer: threading.Timer | None = None
        self._write_lock = threading.RLock()
        self._depth = 0
        self._owner: int | None = None
        self._local = threading.local()
        self._closed = False
        if self.hold:
            self._raw = self._connect(self.wait)
            self._opened_at = time.monotonic()
        self._migrate()

    # -- opening and closing ------------------------------------------------------

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        target = self.path if self.path is not None else ":memory:"
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                return duckdb.connect(target, read_only=self.read_only)
            except duckdb.IOException as exc:
                locked = "lock" in str(exc).lower()
                if locked and time.monotonic() < deadline:
                    if not told and self._on_wait is not None:
                        self._on_wait(self.name, wait)
                    told = True
                    time.sleep(0.01 + random.random() * 0.02)  # jitter: two waiters do not poll in step
                    continue
                if locked:
                    waited = f"waited {wait:g} s; " if wait else ""
                    raise StoreError(
                        f"{self.name}: the store is in use by another process (DuckDB allows one "
                        f"writer per file); {waited}close it or wait longer (--wait SECONDS)"
                    ) from exc
                raise StoreError(f"{self.name}: cannot open the store ({exc})") from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.name}: cannot open the store ({exc})") from exc

    def _migrate(self) -> None:
        try:
            if self.read_only:
                pending = MIGRATIONS.pending(self)
                if pending:
                    raise StoreOutdated(
                        f"{self.name}: the store needs migrations {[m.name for m in pending]}; "
                        "open it read-write once"
                    )
            else:
                MIGRATIONS.apply(self)
        except duckdb.Error as exc:
            self.close()
            raise StoreError(f"{self.name}: cannot prepare the schema ({exc})") from exc
        except StoreError:
            self.close()
            raise

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._session_lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            cursor = getattr(self._local, "cursor", None)
            if cursor is not None:
                cursor.close()
            if self._raw is not None:
                self._raw.close()
                self._raw = None

    # -- holding the file only while it is used (hold=False) ------------------------

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._session_lock:
            if self._raw is None:
                self._raw = self._connect(self.wait)
                self._opened_at = time.monotonic()
            self._users += 1
            return self._raw

    def _release(self) -> None:
        with self._session_lock:
            self._users -= 1
            if self.hold or self._users or self._raw is None:
                return
            now = self._released_at = time.monotonic()
            if self.linger == 0 or now - self._opened_at >= self.max_hold:
                self._drop()
            elif self._timer is None:  # one timer at a time, however many requests come and go
                self._schedule(min(self.linger, self._opened_at + self.max_hold - now))

    def _schedule(self, delay: float) -> None:
        self._timer = threading.Timer(max(delay, 0.0), self._idle)
        self._timer.daemon = True
        self._timer.start()

    def _idle(self) -> None:
        """Close the file once nothing has used it for ``linger`` seconds (or it has been
        open ``max_hold``); if it was used meanwhile, look again when that is due."""
        with self._session_lock:
            self._timer = None
            if self._users or self._raw is None:
                return  # in use: its last release looks again
            now = time.monotonic()
            due = min(self._released_at + self.linger, self._opened_at + self.max_hold)
            if now >= due - 0.001:
                self._drop()
            else:
                self._schedule(due - now)

    def _drop(self) -> None:
        """Close the file (session lock held, no operation running), releasing DuckDB's lock."""
        raw, self._raw = self._raw, None
        if raw is not None:
            raw.close()

    @contextlib.contextmanager
    def session(self) -> Iterator["Store"]:
        """Keep the file open across several operations (one lock, one open)."""
        self._check_open()
        self._acquire()
        try:
            yield self
        finally:
            self._release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.name}>"

    @property
    def migrations(self):
        """The store's migration set (``pending(store)``, ``applied(store)``, ``apply(store)``)."""
        return MIGRATIONS

    @property
    def schema_version(self) -> int:
        return len(MIGRATIONS.applied(self))

    # -- reads and writes ---------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self.name}: the store is closed")

    def read(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` on this thread's read cursor; it sees committed data."""
        self._check_open()
        if self._depth and self._owner == threading.get_ident():
            # inside this thread's own transaction: read what it has written so far
            return fn(Connection(self._raw, self.tracer, in_transaction=True))
        raw = self._acquire()
        try:
            if self.hold:
                cursor = getattr(self._local, "cursor", None)
                if cursor is None:
                    cursor = self._local.cursor = raw.cursor()
                return fn(Connection(cursor, self.tracer))
            cursor = raw.cursor()  # its own, closed with the read: the file may close after it
            try:
                return fn(Connection(cursor, self.tracer))
            finally:
                cursor.close()
        except duckdb.Error as exc:
            raise StoreError(f"{self.name}: {exc}") from exc
        finally:
            self._release()

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` on the write connection in one transaction."""
        with self.atomic() as conn:
            return fn(conn)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction; nested blocks join the outermost one."""
        self._check_open()
        if self.read_only:
            raise StoreError(f"{self.name}: the store is open read-only")
        with self._write_lock:
            if self._depth:
                conn = Connection(self._raw, self.tracer, in_transaction=True)
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            conn = Connection(self._acquire(), self.tracer, in_transaction=True)
            self._depth, self._owner = 1, threading.get_ident()
            try:
                conn.execute("BEGIN TRANSACTION")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except duckdb.Error as exc:
                raise StoreError(f"{self.name}: write failed ({exc})") from exc
            finally:
                self._depth, self._owner = 0, None
                self._release()

    # -- ingest -------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return self.read(
            lambda c: c.execute(
                "SELECT count(*) FROM documents WHERE content_hash = ?", [content_hash]
            ).fetchone()[0]
            > 0
        )

    def ingest(self, doc: Document, events: list[Event], *, content_hash: str | None = None) -> IngestResult:
        """Store one document with its events and mentions, in one transaction.

        A document whose content hash is already stored adds nothing.  Each event
        either becomes a new stored event or merges into one already stored
        (:mod:`gaiko.store.merge`).
        """
        chash = content_hash or content_hash_of(doc.text)
        for ev in events:
            if ev.doc != doc.id or any(m.doc != doc.id for m in ev.mentions):
                raise StoreError(f"{doc.id}: an event or mention names another document ({ev.doc!r})")
        events = [prepared(ev) for ev in events]
        return self.write(lambda conn: write_document(conn, doc, events, chash))

    def record_rejected(self, rejected: Rejected) -> None:
        """Record a document the pipeline could not read (the latest reason wins)."""
        self.write(lambda conn: conn.execute(
            "INSERT INTO rejected (doc, reason, recorded_at) VALUES (?, ?, ?)"
            " ON CONFLICT (doc) DO UPDATE SET reason = excluded.reason, recorded_at = excluded.recorded_at",
            [rejected.doc, rejected.reason, now()],
        ))

    def rejected(self) -> list[Rejected]:
        rows = self.read(lambda c: c.execute("SELECT doc, reason FROM rejected ORDER BY doc").fetchall())
        return [Rejected(doc, reason) for doc, reason in rows]

    # -- queries (implemented in queries.py / export.py) --------------------------

    def events(self, where: EventFilter | None = None, *, limit: int | None = None, offset: int = 0,
               sort: str = "date", **criteria: Any) -> list[dict[str, Any]]:
        """Deduplicated events matching ``where`` (or an ``EventFilter`` of ``criteria``:
        ``store.events(actor="PRK")``), in ``sort`` order (see :func:`gaiko.store.queries.events`)."""
        return queries.events(self, _filter(where, criteria), limit=limit, offset=offset, sort=sort)

    def count_events(self, where: EventFilter | None = None, **criteria: Any) -> int:
        """How many events match ``where`` (or ``criteria``)."""
        return queries.count_events(self, _filter(where, criteria))

    def latest_dated(self, n: int) -> list[dict[str, Any]]:
        """The ``n`` latest dated events, oldest of them first (the ``gaiko run`` summary)."""
        return queries.latest_dated(self, n)

    def document_with_text(self, content_hash: str) -> str | None:
        """The id under which a text with ``content_hash`` is stored, if it is."""
        return queries.document_with_text(self, content_hash)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return queries.event(self, event_id)

    def documents(self) -> list[dict[str, Any]]:
        return queries.documents(self)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return queries.document(self, doc_id)

    def counts(self) -> dict[str, int]:
        return queries.counts(self)

    def timeline(self, a: str, b: str | None = None, *, level: str = "actor",
                 min_confidence: float | None = None) -> list[tuple[str, str, int]]:
        return queries.timeline(self, a, b, level=level, min_confidence=min_confidence)

    def actors(self, limit: int = 20, *, level: str = "actor") -> list[dict[str, Any]]:
        return queries.actors(self, limit, level=level)

    def documents_per_month(self) -> dict[str, int]:
        """How many documents were published in each month (``YYYY-MM``; documents with
        no publication date, or only a year, are not counted): the denominator of
        normalised counts."""
        return queries.documents_per_month(self)

    def dyads(self, by: str = "month", where: EventFilter | None = None, **criteria: Any) -> list[dict[str, Any]]:
        """Directed country dyad counts per period of the events matching ``where`` (or
        ``criteria``; see :func:`gaiko.store.dyads.dyad_counts`)."""
        from gaiko.store.dyads import dyad_counts

        return dyad_counts(self, by, _filter(where, criteria))

    def export(self, path: str, format: str = "jsonl", where: EventFilter | None = None, *,
               coded_date: str | None = None, **criteria: Any) -> int:
        """Write the events matching ``where`` (or ``criteria``) to ``path`` (see
        :func:`gaiko.store.export.export`)."""
        from gaiko.store import export

        return export.export(self, path, format, _filter(where, criteria), coded_date=coded_date)


def _filter(where: EventFilter | None, criteria: dict[str, Any]) -> EventFilter:
    if where is not None and criteria:
        raise TypeError("give an EventFilter or filter keywords, not both")
    return where if where is not None else EventFilter(**criteria)

