"""Querying as an analyst does (issue 17, items 4 and 8): export to standard output,
types in any case and unknown ones refused, actors by Japanese name or alias with a
hint when nothing matches, and a way from a table row to its evidence.  The store is
built in code (no GiNZA)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from gaiko.records import PLOVER_TYPES, Document, Event, Mention
from gaiko.store import Store

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金委員長"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン大統領"}
JPN = {"id": "JPN", "country": "JPN", "text": "日本政府"}
PRK = {"id": "PRK", "country": "PRK", "text": "北朝鮮"}


def ev(doc, type_, source, target, date=None, status="occurred"):
    return Event(doc, type_, status, [source], [target], f"{doc}:{type_}", date=date,
                 mentions=[Mention(doc, 0, 4)])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("queries") / "events.duckdb")
    with Store(path) as s:
        s.ingest(Document("a.txt", "露朝首脳会談", published="2023-09-14"),
                 [ev("a.txt", "CONSULT", KIM, PUTIN, "2023-09-13")])
        s.ingest(Document("b.txt", "日本は抗議した", published="2024-01-15"),
                 [ev("b.txt", "PROTEST", JPN, PRK, "2024-01-14"), ev("b.txt", "ACCUSE", JPN, PRK)])
        s.ingest(Document("c.txt", "別の社も会談を報じた", published="2023-09-14"),
                 [ev("c.txt", "CONSULT", PUTIN, KIM, "2023-09")])
        s.ingest(Document("d.txt", "2019年の会談", published="2019-04-26"),
                 [ev("d.txt", "CONSULT", KIM, PUTIN, "2019-04-25")])
    return path


def gaiko(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko.cli", *args], capture_output=True, text=True, timeout=120)


def ids(proc: subprocess.CompletedProcess[str]) -> list[str]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line)["id"] for line in proc.stdout.splitlines()]


def one_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2 and proc.stdout == "", (proc.returncode, proc.stdout)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gaiko: ") and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


# -- item 4 ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover"])
def test_export_without_output_writes_standard_output(db, fmt):
    proc = gaiko("export", "--db", db, "--format", fmt)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    rows = (list(csv.DictReader(io.StringIO(proc.stdout))) if fmt == "csv"
            else [json.loads(line) for line in proc.stdout.splitlines()])
    assert len(rows) == len(ids(gaiko("events", "--db", db))) == 4


def test_export_parquet_needs_a_file(db):
    assert "--output" in one_error(gaiko("export", "--db", db, "--format", "parquet"))


def test_unknown_type_is_an_error_listing_the_types(db):
    line = one_error(gaiko("events", "--db", db, "--type", "FOO"))
    assert "FOO" in line and all(t in line for t in PLOVER_TYPES)


def test_types_are_case_insensitive(db):
    upper = ids(gaiko("events", "--db", db, "--type", "CONSULT"))
    assert len(upper) == 2
    assert ids(gaiko("events", "--db", db, "--type", "consult")) == upper
    assert ids(gaiko("events", "--db", db, "--type", "Consult")) == upper


@pytest.mark.parametrize("name", ["金正恩", "キム・ジョンウン", "キムジョンウン", "kim jong un"])
def test_actor_by_japanese_name_or_alias(db, name):
    by_id = ids(gaiko("events", "--db", db, "--actor", "Kim Jong Un"))
    assert len(by_id) == 2
    assert ids(gaiko("events", "--db", db, "--actor", name)) == by_id


def test_dyad_and_timeline_take_japanese_names(db):
    assert len(ids(gaiko("events", "--db", db, "--dyad", "金正恩", "--dyad", "プーチン"))) == 2
    proc = gaiko("timeline", "金正恩", "--db", db, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert {json.loads(line)["month"] for line in proc.stdout.splitlines()} == {"2019-04", "2023-09"}


def test_an_actor_matching_nothing_gets_a_hint(db):
    line = one_error(gaiko("events", "--db", db, "--actor", "プーチ"))
    assert "プーチ" in line and "nearest" in line and "プーチン大統領" in line
    line = one_error(gaiko("timeline", "Nobody", "--db", db))
    assert "Nobody" in line and "no such actor" in line


def test_a_known_actor_without_events_is_simply_empty(db):
    proc = gaiko("events", "--db", db, "--actor", "金日成")  # in the dictionary, not in this store
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr


def test_json_error_names_the_position_once(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "abc\n', encoding="utf-8")
    proc = gaiko("clean", str(bad))
    assert proc.returncode == 1
    assert "starting at column" in proc.stderr and "at at" not in proc.stderr


# -- item 8 ---------------------------------------------------------------------------


def table_rows(out: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("│┃").split("│")] for line in out.splitlines() if line.startswith("│")]


def test_table_rows_lead_to_the_event_page(db):
    from fastapi.testclient import TestClient

    from gaiko.web import create_app

    proc = gaiko("events", "--db", db, "--format", "table")
    assert proc.returncode == 0, proc.stderr
    header = [c.strip() for c in next(l for l in proc.stdout.splitlines() if l.startswith("┃")).strip("┃").split("┃")]
    assert header[0] == "id" and "doc" in header
    rows = table_rows(proc.stdout)
    assert {r[0] for r in rows} == set(ids(gaiko("events", "--db", db)))
    with Store(db, read_only=True) as store:
        client = TestClient(create_app(store))
        for row in rows:
            page = client.get(f"/events/{row[0]}")
            assert page.status_code == 200 and row[header.index("doc")] in page.text


def test_sort_orders(db):
    def dates(*args):
        proc = gaiko("events", "--db", db, *args)
        assert proc.returncode == 0, proc.stderr
        return [(json.loads(l)["date"], json.loads(l)["sources"]) for l in proc.stdout.splitlines()]

    oldest = dates("--sort", "date")
    assert oldest == dates() and [d for d, _ in oldest] == ["2019-04-25", "2023-09-13", "2024-01-14", None]
    assert [d for d, _ in dates("--sort", "-date")] == ["2024-01-14", "2023-09-13", "2019-04-25", None]
    assert dates("--sort", "sources")[0] == ("2023-09-13", 2)   # reported by two documents
    assert "unknown sort" in one_error(gaiko("events", "--db", db, "--sort", "newest"))


def test_usage_errors_have_no_traceback(db):
    proc = gaiko("events", "--db", db, "--no-such-option")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "No such option" in proc.stderr


@pytest.mark.parser
def test_extract_explain_shows_trigger_and_rule_in_a_table(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("北朝鮮の金正恩総書記は5日、ロシアのプーチン大統領と平壌で会談したと朝鮮中央通信が報じた。",
                       encoding="utf-8")
    plain = gaiko("extract", str(article), "--format", "table")
    explained = gaiko("extract", str(article), "--format", "table", "--explain")
    assert plain.returncode == explained.returncode == 0, explained.stderr
    assert "rule" not in plain.stdout and "trigger" in explained.stdout and "rule" in explained.stdout
    assert "会談" in explained.stdout  # the trigger word of the CONSULT
