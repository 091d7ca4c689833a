"""Export stored events as jsonl, csv, parquet or PLOVER JSON, and read them back.

- ``jsonl``: one :func:`gaiko.store.queries.events` dict per line.
- ``csv``: one row per event, one column per field a spreadsheet needs
  (:data:`CSV_COLUMNS`: ids and countries of each side joined with ``;``, the
  place with its coordinates, the number of sources, the first document, the
  evidence); the nested form stays in JSON Lines and Parquet.
- ``parquet``: typed columns; actors and mentions as lists of structs, ``location``
  and ``status_history`` as JSON text (a location may carry any keys).
- ``plover``: JSON Lines with the PLOVER field names of EVENTS.md's mapping table.
  ``date``/``enddate`` keep gaiko's reduced precision (``2024-01``) and ``comment``
  says so; ``comment`` also carries a status other than ``occurred`` with PLOVER's
  auxiliary mode.  ``cite_info`` adds ``doc`` (gaiko's document id) to PLOVER's keys.

:func:`read_export` reads any of these back; for ``plover`` it gives the PLOVER
records, and :func:`from_plover` maps one back onto gaiko's fields.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import json
import re
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from gaiko.errors import InputError, StoreError
from gaiko.store import queries
from gaiko.store.filters import EventFilter

if TYPE_CHECKING:
    from gaiko.store.connection import Reader

FORMATS = ("jsonl", "csv", "parquet", "plover")
STDOUT = "-"  # the path that means standard output (text formats only)
SCALARS = ("id", "doc", "type", "mode", "status", "date", "date_end", "date_text", "evidence")
FIELD_ORDER = ("id", "doc", "type", "mode", "status", "source", "target", "date", "date_end",
               "date_text", "location", "evidence", "mentions", "sources", "docs", "status_history",
               "confidence", "quad_class")
#: The flat table's columns (``events --format csv``, ``export --format csv``, the web's CSV).
CSV_COLUMNS = ("id", "date", "date_end", "date_precision", "type", "quad_class", "mode", "status",
               "confidence", "source_ids", "source_countries", "source_texts", "target_ids",
               "target_countries", "target_texts", "place", "place_text", "latitude", "longitude",
               "place_country", "admin1", "geonameid", "sources", "first_doc", "evidence")
#: How the flat table reads back: numbers as numbers, empty cells as None.
_CSV_NUMBERS = {"confidence": float, "latitude": float, "longitude": float, "quad_class": int,
                "geonameid": int, "sources": int}
PLOVER_AUX = {"planned": "future", "possible": "hypothetical", "denied": "negation"}
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _ordered(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in FIELD_ORDER}


def export(store: "Reader", path: str, format: str = "jsonl", where: EventFilter | None = None, *,
           coded_date: str | None = None) -> int:
    """Write the events matching ``where`` to ``path`` (``-``: standard output, for
    the text formats); returns how many."""
    if format not in FORMATS:
        raise InputError("--format", f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    if format == "parquet" and path == STDOUT:
        raise InputError("--output", "parquet is binary: give a file to write (--output FILE.parquet)")
    rows = queries.events(store, where)
    try:
        if format == "jsonl":
            _write_jsonl(path, rows)
        elif format == "csv":
            _write_csv(path, rows)
        elif format == "parquet":
            _write_parquet(path, rows)
        else:
            docs = {d["id"]: d for d in queries.documents(store)}
            coded = coded_date or _dt.date.today().isoformat()
            _write_jsonl(path, [to_plover(r, docs.get(r["doc"]), coded) for r in rows])
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the export ({exc})") from exc
    return len(rows)


def read_export(path: str, format: str = "jsonl") -> list[dict[str, Any]]:
    """Read an export back: event dicts as ``Store.events`` gives them (PLOVER records for plover)."""
    if format not in FORMATS:
        raise InputError("--format", f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    if format in ("jsonl", "plover"):
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    if format == "csv":
        return _read_csv(path)
    return _read_parquet(path)


# -- jsonl and csv -----------------------------------------------------------------


@contextlib.contextmanager
def _text_out(path: str) -> Iterator[IO[str]]:
    if path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _write_jsonl(path: str, rows: list[dict[str, Any]]) -> None:
    with _text_out(path) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row of :data:`CSV_COLUMNS` (None for an empty cell).

    Each side's ids, countries and texts are joined with ``;`` in the same order,
    an unnamed actor leaving an empty id between the separators."""
    loc = event.get("location") or {}

    def side(actors: list[dict[str, Any]], key: str) -> str:
        return ";".join(str(a.get(key) or "") for a in actors)

    date = event.get("date")
    return {
        "id": event["id"], "date": date, "date_end": event.get("date_end"),
        "date_precision": _PRECISION.get(len(date)) if date else None,
        "type": event["type"], "quad_class": event.get("quad_class"), "mode": event.get("mode"),
        "status": event["status"], "confidence": event.get("confidence"),
        "source_ids": side(event["source"], "id"), "source_countries": side(event["source"], "country"),
        "source_texts": side(event["source"], "text"),
        "target_ids": side(event["target"], "id"), "target_countries": side(event["target"], "country"),
        "target_texts": side(event["target"], "text"),
        "place": loc.get("place") or loc.get("id"), "place_text": loc.get("text"),
        "latitude": loc.get("latitude"), "longitude": loc.get("longitude"),
        "place_country": loc.get("place_country") or loc.get("country"), "admin1": loc.get("admin1"),
        "geonameid": loc.get("geonameid"), "sources": event.get("sources"), "first_doc": event.get("doc"),
        "evidence": event.get("evidence"),
    }


def write_csv(fh: Any, rows: list[dict[str, Any]]) -> None:
    """The flat table of ``rows`` (event dicts) to an open text file."""
    writer = csv.writer(fh)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        flat = flat_row(row)
        writer.writerow(["" if flat[c] is None else flat[c] for c in CSV_COLUMNS])


def _write_csv(path: str, rows: list[dict[str, Any]]) -> None:
    with _text_out(path) as fh:
        write_csv(fh, rows)


def _read_csv(path: str) -> list[dict[str, Any]]:
    """The flat rows back (:func:`flat_row`'s dicts)."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            out.append({c: (None if rec[c] == "" else _CSV_NUMBERS.get(c, str)(rec[c])) for c in CSV_COLUMNS})
    return out


# -- parquet -----------------------------------------------------------------------


def _arrow_schema():
    import pyarrow as pa

    actor = pa.struct([("id", pa.string()), ("country", pa.string()), ("text", pa.string()),
                       ("sector", pa.string())])
    mention = pa.struct([("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    fields = [(c, pa.string()) for c in SCALARS] + [
        ("sources", pa.int64()),
        ("source", pa.list_(actor)),
        ("target", pa.list_(actor)),
        ("location", pa.string()),
        ("mentions", pa.list_(mention)),
        ("docs", pa.list_(pa.string())),
        ("status_history", pa.string()),
        ("confidence", pa.float64()),
        ("quad_class", pa.int64()),
    ]
    return pa.schema(fields)


def _write_parquet(path: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def full(actor: dict[str, Any]) -> dict[str, Any]:
        return {"id": actor.get("id"), "country": actor.get("country"), "text": actor.get("text"),
                "sector": actor.get("sector")}

    records = []
    for row in rows:
        rec = {c: row[c] for c in SCALARS}
        rec["sources"] = row["sources"]
        rec["source"] = [full(a) for a in row["source"]]
        rec["target"] = [full(a) for a in row["target"]]
        rec["location"] = json.dumps(row["location"], ensure_ascii=False) if row["location"] else None
        rec["mentions"] = row["mentions"]
        rec["docs"] = row["docs"]
        rec["status_history"] = json.dumps(row["status_history"], ensure_ascii=False)
        rec["confidence"] = row.get("confidence")
        rec["quad_class"] = row.get("quad_class")
        records.append(rec)
    pq.write_table(pa.Table.from_pylist(records, schema=_arrow_schema()), path)


def _read_parquet(path: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    def actor(a: dict[str, Any]) -> dict[str, Any]:
        out = {"id": a["id"], "country": a["country"], "text": a["text"]}
        if a.get("sector"):
            out["sector"] = a["sector"]
        return out

    out = []
    for rec in pq.read_table(path).to_pylist():
        rec["source"] = [actor(a) for a in rec["source"]]
        rec["target"] = [actor(a) for a in rec["target"]]
        rec["location"] = json.loads(rec["location"]) if rec["location"] else None
        rec["status_history"] = json.loads(rec["status_history"])
        out.append(_ordered(rec))
    return out


# -- PLOVER ------------------------------------------------------------------------


def _entity(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "entity_text": actor.get("text"),
        "identifier_text": actor.get("id"),
        "identifier_id": actor.get("wikidata"),  # a Wikidata id, where the dictionary has one
    }


def to_plover(event: dict[str, Any], doc: dict[str, Any] | None, coded_date: str) -> dict[str, Any]:
    """One event under PLOVER's field names (EVENTS.md, "Export as PLOVER JSON")."""
    from gaiko.version import __version__

    notes = []
    if event["status"] != "occurred":
        notes.append(f"status: {event['status']} ({PLOVER_AUX.get(event['status'], event['status'])})")
    for field, value in (("date", event["date"]), ("enddate", event["date_end"])):
        if value and len(value) < 10:
            notes.append(f"{field} precision: {_PRECISION.get(len(value), 'reduced')}")
    loc = event["location"]
    first = event["mentions"][0] if event["mentions"] else None
    doc = doc or {}
    return {
        "id": event["id"],
        "date": event["date"],
        "enddate": event["date_end"],
        "event": event["type"],
        "mode": event["mode"],
        "actor": [_entity(a) for a in event["source"]],
        "recipient": [_entity(a) for a in event["target"]],
        "event_loc": None if not loc else {
            "extracted_place": loc.get("text"),
            "resolved_place": loc.get("place") or loc.get("id"),
            "country_code": loc.get("place_country") or loc.get("country"),
            "admin1": loc.get("admin1"),
            "lat": loc.get("latitude"),
            "lon": loc.get("longitude"),
            "geonameid": loc.get("geonameid"),
            "identifier_text": loc.get("id"),  # the extractor's name for the place
        },
        "confidence": event.get("confidence"),
        "quad_class": event.get("quad_class"),
        "event_text": event["evidence"],
        "text_info": None if not first else {"sequence": 1, "start": first["start"], "end": first["end"]},
        "cite_info": {
            "url": doc.get("url"),
            "title": doc.get("title"),
            "language": "ja",
            "publication": doc.get("publisher"),
            "doc": event["doc"],
        },
        "coder": f"gaiko {__version__}",
        "coded_date": coded_date,
        "comment": "; ".join(notes) or None,
    }


_STATUS_NOTE = re.compile(r"status: (\w+)")


def from_plover(record: dict[str, Any]) -> dict[str, Any]:
    """Map a PLOVER record back to the gaiko fields it carries (PLOVER keeps only
    the first mention, and no date_text, sources or status history)."""

    def actor(e: dict[str, Any]) -> dict[str, Any]:
        out = {"id": e["identifier_text"], "country": e["code"], "text": e["entity_text"]}
        if e.get("sector"):
            out["sector"] = e["sector"]
        return out

    m = _STATUS_NOTE.search(record.get("comment") or "")
    loc = record.get("event_loc")
    info = record.get("text_info")
    return {
        "id": record["id"],
        "doc": record["cite_info"]["doc"],
        "type": record["event"],
        "mode": record["mode"],
        "status": m.group(1) if m else "occurred",
        "source": [actor(e) for e in record["actor"]],
        "target": [actor(e) for e in record["recipient"]],
        "date": record["date"],
        "date_end": record["enddate"],
        "location": None if not loc else {
            "id": loc.get("identifier_text", loc["resolved_place"]), "country": loc["country_code"],
            "text": loc["extracted_place"],
        },
        "evidence": record["event_text"],
        "mentions": [] if not info else [
            {"doc": record["cite_info"]["doc"], "start": info["start"], "end": info["end"]}
        ],
    }
