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

DuckDB lets one process open a file read-write.  A second opener gets a
:class:`~gaiko.errors.StoreError` naming the file, or, with ``wait=SECONDS``,
retries until the lock is free or the time is up.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb

from gaiko.errors import StoreError
from gaiko.records import Document, Event, Rejected
from gaiko.store import merge
from gaiko.store.migrations import MIGRATIONS

T = TypeVar("T")
Tracer = Callable[[str, Any], None]


@dataclass(frozen=True)
class IngestResult:
    document_added: bool
    events_added: int
    mentions_added: int
    events_merged: int


class Connection:
    """A DuckDB connection that reports each statement to the store's tracer."""

    def __init__(self, raw: duckdb.DuckDBPyConnection, tracer: Tracer | None) -> None:
        self.raw = raw
        self._tracer = tracer

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


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


class Store:
    """The event store.  See the module docstring; the query methods live in
    :mod:`gaiko.store.queries` and the exporters in :mod:`gaiko.store.export`."""

    def __init__(
        self,
        path: str | None = None,
        *,
        memory: bool = False,
        tracer: Tracer | None = None,
        read_only: bool = False,
        wait: float = 0.0,
    ) -> None:
        if (path is None) == (not memory):
            raise StoreError("Store needs either a path or memory=True, not both")
        self.path = str(path) if path is not None else None
        self.name = self.path or ":memory:"
        self.read_only = read_only and not memory
        self.tracer = tracer
        self._raw = self._connect(wait)
        self._write_lock = threading.RLock()
        self._depth = 0
        self._owner: int | None = None
        self._local = threading.local()
        self._closed = False
        self._migrate()

    # -- opening and closing ------------------------------------------------------

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        target = self.path if self.path is not None else ":memory:"
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                return duckdb.connect(target, read_only=self.read_only)
            except duckdb.IOException as exc:
                locked = "lock" in str(exc).lower()
                if locked and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                if locked:
                    raise StoreError(
                        f"{self.name}: the store is in use by another process (DuckDB allows one "
                        f"writer per file); close it or pass wait=SECONDS ({exc})"
                    ) from exc
                raise StoreError(f"{self.name}: cannot open the store ({exc})") from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.name}: cannot open the store ({exc})") from exc

    def _migrate(self) -> None:
        try:
            if self.read_only:
                pending = MIGRATIONS.pending(self)
                if pending:
                    raise StoreError(
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
        cursor = getattr(self._local, "cursor", None)
        if cursor is not None:
            cursor.close()
        self._raw.close()

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
            return fn(Connection(self._raw, self.tracer))
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._raw.cursor()
        try:
            return fn(Connection(cursor, self.tracer))
        except duckdb.Error as exc:
            raise StoreError(f"{self.name}: {exc}") from exc

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
            conn = Connection(self._raw, self.tracer)
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
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
        return self.write(lambda conn: _ingest(conn, doc, events, chash))

    def record_rejected(self, rejected: Rejected) -> None:
        """Record a document the pipeline could not read (the latest reason wins)."""
        self.write(lambda conn: conn.execute(
            "INSERT INTO rejected (doc, reason, recorded_at) VALUES (?, ?, ?)"
            " ON CONFLICT (doc) DO UPDATE SET reason = excluded.reason, recorded_at = excluded.recorded_at",
            [rejected.doc, rejected.reason, _now()],
        ))

    def rejected(self) -> list[Rejected]:
        rows = self.read(lambda c: c.execute("SELECT doc, reason FROM rejected ORDER BY doc").fetchall())
        return [Rejected(doc, reason) for doc, reason in rows]

    # -- queries (implemented in queries.py / export.py) --------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | Sequence[str] | None = None,
        country: str | None = None,
        dyad: tuple[str, str] | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Deduplicated events matching every filter given (see :func:`gaiko.store.queries.events`)."""
        from gaiko.store import queries

        return queries.events(self, actor=actor, type=type, since=since, until=until, status=status,
                              country=country, dyad=dyad, min_sources=min_sources, limit=limit,
                              offset=offset)

    def event(self, event_id: str) -> dict[str, Any] | None:
        from gaiko.store import queries

        return queries.event(self, event_id)

    def documents(self) -> list[dict[str, Any]]:
        from gaiko.store import queries

        return queries.documents(self)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        from gaiko.store import queries

        return queries.document(self, doc_id)

    def counts(self) -> dict[str, int]:
        from gaiko.store import queries

        return queries.counts(self)

    def timeline(self, a: str, b: str | None = None) -> list[tuple[str, str, int]]:
        from gaiko.store import queries

        return queries.timeline(self, a, b)

    def actors(self, limit: int = 20) -> list[dict[str, Any]]:
        from gaiko.store import queries

        return queries.actors(self, limit)

    def export(self, path: str, format: str = "jsonl", **filters: Any) -> int:
        from gaiko.store import export

        return export.export(self, path, format, **filters)


# -- the ingest transaction ---------------------------------------------------------


def _ingest(conn: Connection, doc: Document, events: list[Event], chash: str) -> IngestResult:
    row = conn.execute(
        "SELECT id, content_hash FROM documents WHERE content_hash = ? OR id = ?", [chash, doc.id]
    ).fetchall()
    if any(h == chash for _, h in row):
        return IngestResult(False, 0, 0, 0)
    if row:
        raise StoreError(
            f"{doc.id}: a different text is already stored under this document id "
            "(give the new version another id, or use a new store)"
        )
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
    conn.execute(
        "INSERT INTO documents (id, content_hash, title, published, publisher, url, text,"
        " duplicate_of, ingested_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.id, chash, doc.title, doc.published, doc.publisher, doc.url, doc.text,
         doc.duplicate_of, _now(), seq],
    )
    event_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
    mention_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM mentions").fetchone()[0]
    added = merged = n_mentions = 0
    mention_rows: list[list[Any]] = []
    for index, ev in enumerate(events):
        dkey = merge.dyad_key(ev.type, ev.source, ev.target)
        report = {"doc": doc.id, "status": ev.status, "date": ev.date}
        candidates = conn.dicts(
            "SELECT id, date, date_end, date_text, mode, location, status_history FROM events"
            " WHERE type = ? AND dyad_key = ? ORDER BY seq",
            [ev.type, dkey],
        )
        for c in candidates:
            c["location"] = json.loads(c["location"]) if c["location"] else None
        new = {"date": ev.date, "mode": ev.mode, "location": ev.location}
        target = merge.choose(new, candidates)
        if target is None:
            event_seq += 1
            event_id = event_id_for(chash, index)
            _insert_event(conn, event_id, event_seq, ev, dkey, [report])
            added += 1
        else:
            event_id = target["id"]
            history = json.loads(target["status_history"]) + [report]
            _update_event(conn, target, ev, history)
            merged += 1
        spans = ev.mentions or []
        if spans:
            for m in spans:
                mention_seq += 1
                mention_rows.append([event_id, doc.id, m.start, m.end, ev.evidence, mention_seq])
        else:
            mention_seq += 1
            mention_rows.append([event_id, doc.id, None, None, ev.evidence, mention_seq])
    conn.executemany(
        'INSERT INTO mentions (event_id, doc, start, "end", evidence, seq) VALUES (?, ?, ?, ?, ?, ?)',
        mention_rows,
    )
    n_mentions = len(mention_rows)
    return IngestResult(True, added, n_mentions, merged)


def _interval(date: str | None, date_end: str | None) -> tuple[Any, Any]:
    lo = merge.date_interval(date)
    hi = merge.date_interval(date_end or date, end=True)
    if lo and hi and hi < lo:
        hi = merge.date_interval(date, end=True)
    return lo, hi


def _insert_event(conn: Connection, event_id: str, seq: int, ev: Event, dkey: str,
                  history: list[dict[str, Any]]) -> None:
    lo, hi = _interval(ev.date, ev.date_end)
    conn.execute(
        "INSERT INTO events (id, seq, type, mode, status, date, date_end, date_text, date_lo, date_hi,"
        " location, evidence, doc, dyad_key, status_history)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event_id, seq, ev.type, ev.mode, merge.merged_status(history), ev.date, ev.date_end,
         ev.date_text, lo, hi, json.dumps(ev.location, ensure_ascii=False) if ev.location else None,
         ev.evidence, ev.doc, dkey, json.dumps(history, ensure_ascii=False)],
    )
    rows = []
    actor_rows = {}
    for role, actors in (("source", ev.source), ("target", ev.target)):
        for pos, actor in enumerate(actors):
            key = merge.actor_key(actor)
            rows.append([event_id, role, pos, key, actor.get("id"), actor.get("country"),
                         actor.get("text"), actor.get("sector")])
            actor_rows.setdefault(key, [key, actor.get("id"), actor.get("country"),
                                        actor.get("text"), actor.get("sector")])
    conn.executemany(
        "INSERT INTO event_actors (event_id, role, position, actor_key, actor_id, country, text, sector)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT INTO actors (key, id, country, text, sector) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        list(actor_rows.values()),
    )


def _update_event(conn: Connection, stored: dict[str, Any], ev: Event, history: list[dict[str, Any]]) -> None:
    date, date_end, date_text = stored["date"], stored["date_end"], stored["date_text"]
    if merge.more_precise(date, ev.date):
        date, date_end, date_text = ev.date, ev.date_end, ev.date_text
    lo, hi = _interval(date, date_end)
    conn.execute(
        "UPDATE events SET status = ?, status_history = ?, date = ?, date_end = ?, date_text = ?,"
        " date_lo = ?, date_hi = ?, mode = coalesce(mode, ?),"
        " location = coalesce(location, CAST(? AS JSON)) WHERE id = ?",
        [merge.merged_status(history), json.dumps(history, ensure_ascii=False), date, date_end,
         date_text, lo, hi, ev.mode, json.dumps(ev.location, ensure_ascii=False) if ev.location else None,
         stored["id"]],
    )
