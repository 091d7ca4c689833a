"""Schema changes as named migrations, after sqlite-utils' ``migrations.py``.

A :class:`Migrations` set collects decorated functions in order.  ``pending()``
and ``applied()`` only read; ``apply()`` runs each pending migration in its own
transaction together with the row that records it in ``schema_migrations``, so
a migration is either applied and recorded or neither.

The store's own schema is :data:`MIGRATIONS`; add a step by appending a new
decorated function, never by editing an applied one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gaiko.store.connection import Connection, Writer

RECORD_TABLE = "schema_migrations"


@dataclass(frozen=True)
class Migration:
    name: str
    fn: Callable[["Connection"], None]


class Migrations:
    """A named, ordered set of migrations."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self, fn: Callable[["Connection"], None] | None = None, *, name: str | None = None):
        """Register ``fn`` as the next migration (usable as ``@m`` or ``@m(name=...)``)."""

        def register(f: Callable[["Connection"], None]) -> Callable[["Connection"], None]:
            mname = name or f.__name__
            if any(m.name == mname for m in self._migrations):
                raise ValueError(f"migration {self.name}/{mname} is defined twice")
            self._migrations.append(Migration(mname, f))
            return f

        return register(fn) if fn is not None else register

    @property
    def migrations(self) -> list[Migration]:
        return list(self._migrations)

    @staticmethod
    def ensure_record_table(conn: "Connection") -> None:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {RECORD_TABLE} ("
            " migration_set VARCHAR NOT NULL, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMP NOT NULL, PRIMARY KEY (migration_set, name))"
        )

    def applied(self, store: "Writer") -> list[dict[str, Any]]:
        """The recorded migrations of this set, oldest first (reads only)."""

        def fn(conn: "Connection") -> list[dict[str, Any]]:
            exists = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [RECORD_TABLE]
            ).fetchone()[0]
            if not exists:
                return []
            rows = conn.execute(
                f"SELECT name, applied_at FROM {RECORD_TABLE} WHERE migration_set = ?"
                " ORDER BY applied_at, name",
                [self.name],
            ).fetchall()
            return [{"name": n, "applied_at": at} for n, at in rows]

        return store.read(fn)

    def pending(self, store: "Writer") -> list[Migration]:
        """The migrations not yet recorded, in order (reads only)."""
        done = {row["name"] for row in self.applied(store)}
        return [m for m in self._migrations if m.name not in done]

    def apply(self, store: "Writer", *, stop_before: str | None = None) -> list[str]:
        """Apply the pending migrations, each in one transaction with its record row."""
        names: list[str] = []
        store.write(self.ensure_record_table)
        for migration in self.pending(store):
            if migration.name == stop_before:
                break

            def step(conn: "Connection", migration: Migration = migration) -> None:
                migration.fn(conn)
                conn.execute(
                    f"INSERT INTO {RECORD_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    [self.name, migration.name, _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)],
                )

            store.write(step)
            names.append(migration.name)
        return names


MIGRATIONS = Migrations("gaiko.store")


@MIGRATIONS(name="0001_initial")
def _initial(conn: "Connection") -> None:
    conn.execute(
        "CREATE TABLE documents ("
        " id VARCHAR PRIMARY KEY,"
        " content_hash VARCHAR NOT NULL UNIQUE,"
        " title VARCHAR, published VARCHAR, publisher VARCHAR, url VARCHAR,"
        " text VARCHAR NOT NULL,"
        " duplicate_of VARCHAR,"
        " ingested_at TIMESTAMP NOT NULL,"
        " seq BIGINT NOT NULL)"  # ingest order
    )
    conn.execute(
        "CREATE TABLE events ("
        " id VARCHAR PRIMARY KEY,"
        " seq BIGINT NOT NULL,"  # creation order
        " type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR NOT NULL,"
        " date VARCHAR, date_end VARCHAR, date_text VARCHAR,"
        " date_lo DATE, date_hi DATE,"  # the interval date..date_end covers, for filters
        " location JSON, evidence VARCHAR NOT NULL,"
        " doc VARCHAR NOT NULL,"  # the first document that reported it
        " dyad_key VARCHAR NOT NULL,"  # see gaiko.store.merge.dyad_key
        " status_history JSON NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE mentions ("
        " event_id VARCHAR NOT NULL, doc VARCHAR NOT NULL,"
        " start INTEGER, \"end\" INTEGER, evidence VARCHAR, seq BIGINT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE actors ("
        " key VARCHAR PRIMARY KEY, id VARCHAR, country VARCHAR, text VARCHAR, sector VARCHAR)"
    )
    conn.execute(
        "CREATE TABLE event_actors ("
        " event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL,"
        " actor_key VARCHAR NOT NULL, actor_id VARCHAR, country VARCHAR, text VARCHAR, sector VARCHAR)"
    )


@MIGRATIONS(name="0002_indexes")
def _indexes(conn: "Connection") -> None:
    conn.execute("CREATE INDEX events_dyad ON events (type, dyad_key)")
    conn.execute("CREATE INDEX mentions_event ON mentions (event_id)")
    conn.execute("CREATE INDEX mentions_doc ON mentions (doc)")
    conn.execute("CREATE INDEX event_actors_event ON event_actors (event_id)")


@MIGRATIONS(name="0003_rejected")
def _rejected(conn: "Connection") -> None:
    conn.execute(
        "CREATE TABLE rejected (doc VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL,"
        " recorded_at TIMESTAMP NOT NULL)"
    )


@MIGRATIONS(name="0004_event_sources")
def _event_sources(conn: "Connection") -> None:
    # how many distinct documents report each event, a document marked duplicate_of
    # another counting as that other one: kept up to date by ingest, so that queries
    # and the --min-sources filter read a column instead of grouping every mention.
    # (Nullable: DuckDB cannot add a NOT NULL column to a table with indexes.)
    conn.execute("ALTER TABLE events ADD COLUMN sources INTEGER DEFAULT 0")
    conn.execute(
        "UPDATE events SET sources = s.n FROM ("
        " SELECT m.event_id, count(DISTINCT coalesce(d.duplicate_of, d.id)) AS n"
        " FROM mentions m JOIN documents d ON d.id = m.doc GROUP BY m.event_id) s"
        " WHERE events.id = s.event_id"
    )


@MIGRATIONS(name="0005_places_confidence_quad")
def _places_confidence_quad(conn: "Connection") -> None:
    # where each event happened as coordinates (gaiko.places), how sure gaiko is of it
    # (gaiko.confidence) and its quad class (gaiko.plover.QUAD_CLASS), as columns the
    # map, --min-confidence and the counts read.  Events stored before get their place
    # resolved now, and a confidence from their record alone (type, status, actors,
    # and their number of sources combined as ingest combines them).
    import json

    from gaiko.confidence import combine, confidence
    from gaiko.places import enrich
    from gaiko.plover import QUAD_CLASS

    for column, kind in (("confidence", "DOUBLE"), ("quad_class", "INTEGER"), ("latitude", "DOUBLE"),
                         ("longitude", "DOUBLE"), ("geonameid", "BIGINT"), ("place_country", "VARCHAR"),
                         ("admin1", "VARCHAR")):
        conn.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
    cases = " ".join(f"WHEN '{t}' THEN {q}" for t, q in QUAD_CLASS.items())
    conn.execute(f"UPDATE events SET quad_class = CASE type {cases} END")
    rows = conn.execute("SELECT e.id, e.type, e.status, e.location, e.evidence, e.sources FROM events e").fetchall()
    if not rows:
        return
    actors: dict[str, list[dict[str, object]]] = {}
    for event_id, role, actor_id in conn.execute("SELECT event_id, role, actor_id FROM event_actors").fetchall():
        actors.setdefault(event_id, []).append({"role": role, "id": actor_id})
    updates = []
    for event_id, type_, status, location, evidence, sources in rows:
        acts = actors.get(event_id, [])
        record = {"type": type_, "status": status, "evidence": evidence,
                  "source": [a for a in acts if a["role"] == "source"],
                  "target": [a for a in acts if a["role"] == "target"]}
        one = confidence(record)
        conf = one
        for _ in range(max((sources or 1) - 1, 0)):
            conf = combine(conf, one)
        loc = enrich(json.loads(location)) if location else None
        lat = loc.get("latitude") if loc else None
        updates.append([event_id, json.dumps(loc, ensure_ascii=False) if loc else None, conf, lat,
                        loc.get("longitude") if loc else None, loc.get("geonameid") if loc else None,
                        loc.get("place_country") if loc else None, loc.get("admin1") if loc else None])
    conn.execute("CREATE TEMP TABLE _places (id VARCHAR, location JSON, confidence DOUBLE, latitude DOUBLE,"
                 " longitude DOUBLE, geonameid BIGINT, place_country VARCHAR, admin1 VARCHAR)")
    conn.executemany("INSERT INTO _places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", updates)
    conn.execute("UPDATE events SET location = p.location, confidence = p.confidence, latitude = p.latitude,"
                 " longitude = p.longitude, geonameid = p.geonameid, place_country = p.place_country,"
                 " admin1 = p.admin1 FROM _places p WHERE events.id = p.id")
    conn.execute("DROP TABLE _places")
