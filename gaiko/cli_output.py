"""How the commands print: records as JSON Lines, CSV or a table on stdout, the
``gaiko run`` summary, and one-line messages on stderr."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Iterable

from rich.console import Console

from .errors import GaikoError

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped


def waiting(name: str, seconds: float) -> None:
    """Told once when the store is busy: the command waits instead of failing."""
    err.print(f"gaiko: {name}: the store is in use by another process; waiting up to {seconds:g} s (--wait)",
              markup=False)


def jsonl(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def print_records(rows: Iterable[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        for r in rows:
            jsonl(r)
        return
    rows = list(rows)
    if format == "csv":
        from .store.export import write_csv

        out = io.StringIO()
        if rows and "id" in rows[0]:  # stored events: the flat table of `export --format csv`
            write_csv(out, rows)
        else:                         # extracted events have no id, sources or place yet
            writer = csv.writer(out)
            writer.writerow(["doc", "type", "mode", "status", "date", "source", "target", "evidence"])
            for r in rows:
                writer.writerow([r.get("doc"), r["type"], r.get("mode"), r["status"], r.get("date"),
                                 names(r["source"]), names(r["target"]), r.get("evidence")])
        sys.stdout.write(out.getvalue())
        return
    if format == "table":
        from rich.table import Table

        # the id leads to the evidence (`gaiko serve`: /events/ID); stored events have one,
        # extracted ones are named by their document; --explain adds the trigger and rule
        stored = any("id" in r for r in rows)
        explain = any("rule" in r for r in rows)
        cols = (["id"] if stored else []) + ["date", "type", "status", "source", "target"] + (
            ["sources"] if stored else []) + ["doc"] + (["trigger", "rule"] if explain else [])
        table = Table(show_lines=False)
        for col in cols:
            table.add_column(col, overflow="fold", no_wrap=col == "id")
        for r in rows:
            cells = {"id": r.get("id") or "", "date": r.get("date") or "—",
                     "type": r["type"] + (f"/{r['mode']}" if r.get("mode") else ""), "status": r["status"],
                     "source": names(r["source"]), "target": names(r["target"]),
                     "sources": str(r.get("sources", 1)), "doc": r.get("doc") or "",
                     "trigger": r.get("trigger") or "", "rule": r.get("rule") or ""}
            table.add_row(*(cells[c] for c in cols))
        Console(width=200 if stored or explain else 160).print(table)
        return
    raise GaikoError(f"--format: unknown format {format!r} (jsonl, table, csv)")


def cell(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def check_table_format(format: str) -> None:
    if format not in ("table", "jsonl"):
        raise GaikoError(f"--format: unknown format {format!r} (table, jsonl)")


def names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("id") or f"({a.get('country')}) {a.get('text')}" for a in actors)


def print_summary(summary: dict[str, Any]) -> None:
    console = Console(highlight=False)
    rejected = summary.get("documents_rejected")
    console.print(f"documents read: {summary['documents_read']}  added: {summary['documents_added']}  "
                  f"already stored: {summary['documents_skipped']}"
                  + (f"  could not be read: {rejected}" if rejected else ""))
    console.print(f"events added: {summary['events_added']}  merged into existing: {summary['events_merged']}  "
                  f"mentions added: {summary['mentions_added']}")
    if summary.get("by_type"):
        console.print("events by type: " + ", ".join(f"{k} {v}" for k, v in summary["by_type"].items()))
    if summary.get("timeline"):
        console.print("timeline:")
        for row in summary["timeline"]:
            console.print(f"  {row['date'] or '(undated)':<10} {row['type']:<10} {row['status']:<9} "
                          f"{names(row['source'])} → {names(row['target'])}", markup=False)
