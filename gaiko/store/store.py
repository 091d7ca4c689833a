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
import dataclasses
import datetime as _dt
import hashlib
import json
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from gaiko.errors import StoreError, StoreOutdated
from gaiko.plover import quad_class
from gaiko.records import Document, Event, Rejected
from gaiko.store import merge
from gaiko.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    import pyarrow

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
        events = [_prepared(ev) for ev in events]
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
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "date",
    ) -> list[dict[str, Any]]:
        """Deduplicated events matching every filter given (see :func:`gaiko.store.queries.events`)."""
        from gaiko.store import queries

        return queries.events(self, actor=actor, type=type, since=since, until=until, status=status,
                              country=country, dyad=dyad, min_sources=min_sources,
                              min_confidence=min_confidence, limit=limit, offset=offset, sort=sort)

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

    def timeline(self, a: str, b: str | None = None, *, level: str = "actor",
                 min_confidence: float | None = None) -> list[tuple[str, str, int]]:
        from gaiko.store import queries

        return queries.timeline(self, a, b, level=level, min_confidence=min_confidence)

    def actors(self, limit: int = 20, *, level: str = "actor") -> list[dict[str, Any]]:
        from gaiko.store import queries

        return queries.actors(self, limit, level=level)

    def documents_per_month(self) -> dict[str, int]:
        """How many documents were published in each month (``YYYY-MM``; documents with
        no publication date, or only a year, are not counted): the denominator of
        normalised counts."""
        from gaiko.store import queries

        return queries.documents_per_month(self)

    def dyads(self, by: str = "month", **filters: Any) -> list[dict[str, Any]]:
        """Directed country dyad counts per period (see :func:`gaiko.store.dyads.dyad_counts`)."""
        from gaiko.store.dyads import dyad_counts

        return dyad_counts(self, by=by, **filters)

    def export(self, path: str, format: str = "jsonl", **filters: Any) -> int:
        from gaiko.store import export

        return export.export(self, path, format, **filters)


# -- the ingest transaction ---------------------------------------------------------
#
# One document costs a fixed handful of statements whatever its number of events
# (DuckDB's cost is per statement): what the store holds (one lookup), the stored
# events each report might merge into (one query), then one multi-row statement
# per table written.  The merge decisions are made in Python on those candidates,
# which are updated in memory as the document's own reports are applied, so a
# report can merge into an event created or updated earlier in the same document,
# exactly as if each report had been written before the next was read.

# what the store holds, as (question, count, list) rows: one UNION ALL of small
# queries costs half what the same queries cost as scalar subqueries of one SELECT
_LOOKUP = (
    "SELECT 0, count(*), NULL::VARCHAR[] FROM documents WHERE content_hash = ?"  # the same text, any id
    " UNION ALL SELECT 1, count(*), NULL FROM documents WHERE id = ?"
    " UNION ALL SELECT 2, max(seq), NULL FROM documents"
    " UNION ALL SELECT 3, max(seq), NULL FROM events"
    " UNION ALL SELECT 4, max(seq), NULL FROM mentions"
    # the stored documents that count as the same source as this one (see merge: sources)
    " UNION ALL SELECT 5, NULL, list(id) FROM documents WHERE coalesce(duplicate_of, id) = ?"
    " UNION ALL SELECT 6, NULL, list(key) FROM actors WHERE list_contains(?::VARCHAR[], key)"
)
_CANDIDATE_COLUMNS = ("id", "type", "dyad_key", "date", "date_end", "date_text", "mode", "location",
                      "status_history", "sources", "confidence")
_EVENT_INSERT = (
    "INSERT INTO events (id, seq, type, mode, status, date, date_end, date_text, date_lo, date_hi,"
    " location, evidence, doc, dyad_key, status_history, sources, confidence, quad_class,"
    " latitude, longitude, geonameid, place_country, admin1) VALUES "
)
_EVENT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_EVENT_UPDATE = (
    "UPDATE events SET status = v.status, status_history = v.history, date = v.date,"
    " date_end = v.date_end, date_text = v.date_text, date_lo = v.date_lo, date_hi = v.date_hi,"
    " mode = coalesce(events.mode, v.mode), location = coalesce(events.location, v.location),"
    " sources = v.sources, confidence = v.confidence,"
    " latitude = coalesce(events.latitude, v.latitude), longitude = coalesce(events.longitude, v.longitude),"
    " geonameid = coalesce(events.geonameid, v.geonameid),"
    " place_country = coalesce(events.place_country, v.place_country), admin1 = coalesce(events.admin1, v.admin1),"
    " evidence = coalesce(v.evidence, events.evidence)"
    " FROM (VALUES {rows})"
    " v(id, status, history, date, date_end, date_text, date_lo, date_hi, mode, location, sources, confidence,"
    " latitude, longitude, geonameid, place_country, admin1, evidence)"
    " WHERE events.id = v.id"
)
_UPDATE_ROW = ("(?::VARCHAR, ?::VARCHAR, ?::JSON, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::DATE, ?::DATE,"
               " ?::VARCHAR, ?::JSON, ?::INTEGER, ?::DOUBLE, ?::DOUBLE, ?::DOUBLE, ?::BIGINT, ?::VARCHAR, ?::VARCHAR,"
               " ?::VARCHAR)")


def _prepared(ev: Event) -> Event:
    """The event as stored: its place resolved (:mod:`gaiko.places`) and its confidence
    set (:mod:`gaiko.confidence`; from the record alone when the pipeline gave none).
    The caller's event is left as it was."""
    from gaiko.confidence import confidence
    from gaiko.places import enrich

    changes: dict[str, Any] = {}
    if ev.location:
        changes["location"] = enrich(ev.location)
    if ev.confidence is None:
        changes["confidence"] = confidence(ev.to_dict(), ev.basis)
    return dataclasses.replace(ev, **changes) if changes else ev


def _place_columns(location: dict[str, Any] | None) -> list[Any]:
    """latitude, longitude, geonameid, place_country, admin1 of a (resolved) location."""
    loc = location or {}
    return [loc.get("latitude"), loc.get("longitude"), loc.get("geonameid"), loc.get("place_country"),
            loc.get("admin1")]


def _values(row: str, rows: list[list[Any]]) -> tuple[str, list[Any]]:
    """``row`` repeated once per row, and the rows' values flattened, for one multi-row statement."""
    return ", ".join([row] * len(rows)), [v for r in rows for v in r]


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def _ingest(conn: Connection, doc: Document, events: list[Event], chash: str) -> IngestResult:
    # 1. what the store already holds
    dyads = [merge.dyad_key(ev.type, ev.source, ev.target) for ev in events]
    actor_keys = sorted({merge.actor_key(a) for ev in events for a in (*ev.source, *ev.target)})
    same_source = doc.duplicate_of if doc.duplicate_of is not None else doc.id
    found = {k: (n or 0, names or []) for k, n, names in
             conn.execute(_LOOKUP, [chash, doc.id, same_source, actor_keys]).fetchall()}
    (same_text, _), (same_id, _), (doc_seq, _), (event_seq, _), (mention_seq, _) = (found[k] for k in range(5))
    if same_text:
        return IngestResult(False, 0, 0, 0)
    if same_id:
        raise StoreError(
            f"{doc.id}: a different text is already stored under this document id "
            "(give the new version another id, or use a new store)"
        )
    conn.execute(
        "INSERT INTO documents (id, content_hash, title, published, publisher, url, text,"
        " duplicate_of, ingested_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.id, chash, doc.title, doc.published, doc.publisher, doc.url, doc.text,
         doc.duplicate_of, _now(), doc_seq + 1],
    )
    # 2. the stored events each report may merge into
    candidates = _candidates(conn, [(ev.type, dkey) for ev, dkey in zip(events, dyads)])

    # 3. each report becomes a new event or merges into a candidate (see gaiko.store.merge);
    # a document counts as a new source of an event unless a document with the same
    # original (duplicate_of, else itself) already reports it
    same_source_docs = set(found[5][1]) | {doc.id}
    created: list[tuple[dict[str, Any], Event]] = []
    mention_rows: list[list[Any]] = []
    for index, (ev, dkey) in enumerate(zip(events, dyads)):
        report = {"doc": doc.id, "status": ev.status, "date": ev.date}
        group = candidates[(ev.type, dkey)]
        target = merge.choose({"date": ev.date, "mode": ev.mode, "location": ev.location}, group)
        if target is None:
            event_seq += 1
            target = {"id": event_id_for(chash, index), "seq": event_seq, "dyad_key": dkey, "date": ev.date,
                      "date_end": ev.date_end, "date_text": ev.date_text, "mode": ev.mode,
                      "location": ev.location or None, "history": [report], "sources": 1,
                      "confidence": ev.confidence}
            group.append(target)
            created.append((target, ev))
        else:
            _merge_into(target, ev, report, same_source_docs)
        for m in ev.mentions or [None]:
            mention_seq += 1
            mention_rows.append([target["id"], doc.id, m.start if m else None, m.end if m else None,
                                 ev.evidence, mention_seq])

    # 4. one statement per table
    if created:
        _insert_events(conn, created, known_actors=set(found[6][1]))
    updated = [c for group in candidates.values() for c in group if "stored_mode" in c and "history" in c]
    if updated:
        _update_events(conn, updated)
    if mention_rows:
        sql, params = _values("(?, ?, ?, ?, ?, ?)", mention_rows)
        conn.execute('INSERT INTO mentions (event_id, doc, start, "end", evidence, seq) VALUES ' + sql, params)
    return IngestResult(True, len(created), len(mention_rows), len(events) - len(created))


def _candidates(conn: Connection, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The stored events of each (type, dyad key), in creation order."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {pair: [] for pair in pairs}
    if not out:
        return out
    where = " OR ".join(["(type = ? AND dyad_key = ?)"] * len(out))
    rows = conn.execute(f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM events WHERE {where} ORDER BY seq",
                        [v for pair in out for v in pair]).fetchall()
    for row in rows:
        c = dict(zip(_CANDIDATE_COLUMNS, row))
        c["location"] = json.loads(c["location"]) if c["location"] else None
        c["stored_mode"], c["stored_location"] = c["mode"], c["location"]  # what the update may fill in
        out[(c["type"], c["dyad_key"])].append(c)
    return out


def _merge_into(target: dict[str, Any], ev: Event, report: dict[str, Any], same_source_docs: set[str]) -> None:
    """Apply one report to an event held in memory: the rule of :mod:`gaiko.store.merge`."""
    from gaiko.confidence import combine

    if "history" not in target:
        target["history"] = json.loads(target["status_history"])
    if not any(h["doc"] in same_source_docs for h in target["history"]):
        target["sources"] = (target["sources"] or 0) + 1
        target["confidence"] = combine(target.get("confidence"), ev.confidence)  # independent evidence
    elif ev.confidence is not None:
        target["confidence"] = max(target.get("confidence") or 0.0, ev.confidence)  # a reprint: no new evidence
    target["history"].append(report)
    if merge.more_precise(target["date"], ev.date):
        # the date and the sentence it was read from come from one report (date_text is in the evidence)
        target["date"], target["date_end"], target["date_text"] = ev.date, ev.date_end, ev.date_text
        target["evidence"] = ev.evidence
    if target["mode"] is None:
        target["mode"] = ev.mode
    if target["location"] is None:
        target["location"] = ev.location or None


def _insert_events(conn: Connection, created: list[tuple[dict[str, Any], Event]], *,
                   known_actors: set[str]) -> None:
    """The new events, their actors, and the actors the store did not know yet."""
    rows, actor_rows, new_actors = [], [], {}
    for e, ev in created:
        lo, hi = _interval(e["date"], e["date_end"])
        rows.append([e["id"], e["seq"], ev.type, e["mode"], merge.merged_status(e["history"]), e["date"],
                     e["date_end"], e["date_text"], lo, hi, _json(e["location"]),
                     e.get("evidence", ev.evidence), ev.doc,
                     e["dyad_key"], json.dumps(e["history"], ensure_ascii=False), e["sources"],
                     e["confidence"], quad_class(ev.type), *_place_columns(e["location"])])
        for role, actors in (("source", ev.source), ("target", ev.target)):
            for pos, actor in enumerate(actors):
                key = merge.actor_key(actor)
                values = [actor.get("id"), actor.get("country"), actor.get("text"), actor.get("sector")]
                actor_rows.append([e["id"], role, pos, key, *values])
                if key not in known_actors:
                    new_actors.setdefault(key, [key, *values])  # the first report names it
    sql, params = _values(_EVENT_ROW, rows)
    conn.execute(_EVENT_INSERT + sql, params)
    if actor_rows:
        sql, params = _values("(?, ?, ?, ?, ?, ?, ?, ?)", actor_rows)
        conn.execute("INSERT INTO event_actors (event_id, role, position, actor_key, actor_id, country,"
                     " text, sector) VALUES " + sql, params)
    if new_actors:
        sql, params = _values("(?, ?, ?, ?, ?)", list(new_actors.values()))
        conn.execute("INSERT INTO actors (key, id, country, text, sector) VALUES " + sql
                     + " ON CONFLICT DO NOTHING", params)


def _update_events(conn: Connection, updated: list[dict[str, Any]]) -> None:
    """The stored events reports merged into, each written once with its final state."""
    rows = []
    for c in updated:
        lo, hi = _interval(c["date"], c["date_end"])
        rows.append([c["id"], merge.merged_status(c["history"]), json.dumps(c["history"], ensure_ascii=False),
                     c["date"], c["date_end"], c["date_text"], lo, hi,
                     c["mode"] if c["stored_mode"] is None else None,
                     _json(c["location"]) if c["stored_location"] is None else None, c["sources"],
                     c["confidence"], *_place_columns(c["location"]), c.get("evidence")])
    sql, params = _values(_UPDATE_ROW, rows)
    conn.execute(_EVENT_UPDATE.format(rows=sql), params)


def _interval(date: str | None, date_end: str | None) -> tuple[Any, Any]:
    lo = merge.date_interval(date)
    hi = merge.date_interval(date_end or date, end=True)
    if lo and hi and hi < lo:
        hi = merge.date_interval(date, end=True)
    return lo, hi
