"""The query and export commands: events (every filter), timeline, actors, graph,
export, and their errors, against a store built in code (no GiNZA)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.plover import SCORES
from gaiko.records import PLOVER_TYPES, Document, Event, Mention
from gaiko.store import Store, from_plover, read_export

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン"}
PRK = {"id": "PRK", "country": "PRK", "text": "北朝鮮"}
RUS = {"id": "RUS", "country": "RUS", "text": "ロシア"}
USA = {"id": "USA", "country": "USA", "text": "米国"}
JPN = {"id": "JPN", "country": "JPN", "text": "日本政府"}
KOR = {"id": "KOR", "country": "KOR", "text": "韓国"}
FISHER = {"id": None, "country": "CHN", "text": "中国人船員"}

runner = CliRunner()


def ev(doc, type, source, target, *, status="occurred", date=None, mode=None):
    return Event(doc, type, status, [source], [target], f"{doc}:{type}", mode=mode, date=date,
                 mentions=[Mention(doc, 0, 4)])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "events.duckdb")
    with Store(path) as s:
        s.ingest(Document("d1", "露朝首脳会談へ", published="2024-01-10", url="https://example.jp/1"),
                 [ev("d1", "CONSULT", KIM, PUTIN, status="planned", date="2024-01", mode="visit")])
        s.ingest(Document("d2", "会談した。日本は非難した。", published="2024-01-19"),
                 [ev("d2", "CONSULT", PUTIN, KIM, date="2024-01-18"),
                  ev("d2", "ACCUSE", JPN, PRK, date="2024-01-20")])
        # a reprint of d2: merges, but does not raise the source count
        s.ingest(Document("d3", "会談した。日本は非難した。(転載)", published="2024-01-19", duplicate_of="d2"),
                 [ev("d3", "CONSULT", KIM, PUTIN, date="2024-01-18")])
        s.ingest(Document("d4", "制裁と演習", published="2024-03-05"),
                 [ev("d4", "SANCTION", USA, PRK, date="2024-03-04"),
                  ev("d4", "MOBILIZE", PRK, USA, date="2024-03-01")])
        s.ingest(Document("d5", "合意と拿捕", published="2024-05-02"),
                 [ev("d5", "AGREE", RUS, PRK, date="2024-05-01"),
                  ev("d5", "COERCE", JPN, FISHER, status="denied")])
        s.ingest(Document("d6", "威嚇の可能性", published="2023-11-21"),
                 [ev("d6", "THREATEN", PRK, KOR, status="possible", date="2023-11-20")])
        s.ingest(Document("d7", "別の社も会談を報じた", published="2024-01-19"),
                 [ev("d7", "CONSULT", KIM, PUTIN, date="2024-01-18")])
    return path


def invoke(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def types_of(db, *args):
    return sorted(r["type"] for r in jsonl(invoke("events", "--db", db, *args).stdout))


def gaiko(*args):
    """Run the real entry point, to see the stdout/stderr split and the exit status."""
    return subprocess.run([sys.executable, "-m", "gaiko.cli", *args], capture_output=True, text=True)


# -- events: every filter ------------------------------------------------------------


def test_events_all_deduplicated(db):
    rows = jsonl(invoke("events", "--db", db).stdout)
    assert len(rows) == 7
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert consult["status"] == "occurred" and consult["date"] == "2024-01-18"
    assert consult["sources"] == 3  # d1, d2, d7; d3 is a reprint of d2
    assert consult["docs"] == ["d1", "d2", "d3", "d7"]
    assert len(consult["mentions"]) == 4
    assert [h["status"] for h in consult["status_history"]][0] == "planned"


@pytest.mark.parametrize("args, expected", [
    (["--actor", "PRK"], ["ACCUSE", "AGREE", "CONSULT", "MOBILIZE", "SANCTION", "THREATEN"]),
    (["--actor", "Vladimir Putin"], ["CONSULT"]),
    (["--type", "CONSULT"], ["CONSULT"]),
    (["--since", "2024-02"], ["AGREE", "MOBILIZE", "SANCTION"]),
    (["--until", "2023-12-31"], ["THREATEN"]),
    (["--since", "2024-01-19", "--until", "2024-03-02"], ["ACCUSE", "MOBILIZE"]),
    (["--status", "denied"], ["COERCE"]),
    (["--status", "possible"], ["THREATEN"]),
    (["--country", "CHN"], ["COERCE"]),
    (["--country", "USA"], ["MOBILIZE", "SANCTION"]),
    (["--dyad", "Kim Jong Un", "--dyad", "Vladimir Putin"], ["CONSULT"]),
    (["--dyad", "PRK", "--dyad", "RUS"], ["AGREE", "CONSULT"]),
    (["--dyad", "USA", "--dyad", "PRK"], ["MOBILIZE", "SANCTION"]),
    (["--min-sources", "2"], ["CONSULT"]),
    (["--min-sources", "1"], ["ACCUSE", "AGREE", "COERCE", "CONSULT", "MOBILIZE", "SANCTION", "THREATEN"]),
    (["--actor", "PRK", "--type", "SANCTION", "--since", "2024"], ["SANCTION"]),
])
def test_events_filters(db, args, expected):
    assert types_of(db, *args) == expected


def test_events_limit_and_order(db):
    rows = jsonl(invoke("events", "--db", db, "--limit", "2").stdout)
    assert [r["type"] for r in rows] == ["THREATEN", "CONSULT"]  # oldest first


def test_events_table_and_csv(db):
    table = invoke("events", "--db", db, "--format", "table", "--type", "CONSULT").stdout
    assert "CONSULT" in table and "Kim Jong Un" in table
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert len(rows) == 7 and {r["type"] for r in rows} >= {"CONSULT", "COERCE"}


# -- timeline ------------------------------------------------------------------------


def test_timeline_table_and_jsonl(db):
    out = invoke("timeline", "PRK", "--db", db).stdout
    for month in ("2023-11", "2024-01", "2024-03", "2024-05"):
        assert month in out
    rows = jsonl(invoke("timeline", "PRK", "--db", db, "--format", "jsonl").stdout)
    assert {"month": "2024-03", "type": "SANCTION", "events": 1, "documents": 1} in rows
    assert {"month": "2024-03", "type": "MOBILIZE", "events": 1, "documents": 1} in rows
    assert sum(r["events"] for r in rows) == 6


def test_timeline_dyad_and_png(db, tmp_path):
    png = tmp_path / "kim-putin.png"
    result = invoke("timeline", "Kim Jong Un", "Vladimir Putin", "--db", db, "--plot", str(png),
                    "--format", "jsonl")
    assert jsonl(result.stdout) == [{"month": "2024-01", "type": "CONSULT", "events": 1, "documents": 3}]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000


def test_timeline_png_with_gaps_and_empty(db, tmp_path):
    png = tmp_path / "prk.png"
    invoke("timeline", "PRK", "--db", db, "--plot", str(png))
    assert png.read_bytes()[:4] == b"\x89PNG"
    empty = tmp_path / "none.png"
    # an actor the dictionary knows but the store has no events of (an unknown name is an error)
    result = invoke("timeline", "Kim Il Sung", "--db", db, "--plot", str(empty))
    assert "no events" in result.stderr
    assert empty.read_bytes()[:4] == b"\x89PNG"


# -- actors --------------------------------------------------------------------------


def test_actors(db):
    rows = jsonl(invoke("actors", "--db", db, "--format", "jsonl").stdout)
    assert rows[0]["id"] == "PRK" and rows[0]["events"] == 5
    counts = [r["events"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {"id": None, "country": "CHN"}.items() <= next(r for r in rows if r["country"] == "CHN").items()
    assert len(jsonl(invoke("actors", "--db", db, "--limit", "2", "--format", "jsonl").stdout)) == 2
    assert "Kim Jong Un" in invoke("actors", "--db", db).stdout


# -- graph ---------------------------------------------------------------------------


def test_graph_json(db, tmp_path):
    data = json.loads(invoke("graph", "--db", db, "--format", "json").stdout)
    assert set(data) == {"directed", "nodes", "edges"}
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["prk"]["events"] == 5 and nodes["kimjongun"]["label"] == "Kim Jong Un"
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    kim_putin = edges[("kimjongun", "vladimirputin")]
    assert kim_putin["weight"] == 1 and kim_putin["score"] == SCORES["CONSULT"]
    prk_usa = edges[("prk", "usa")]  # SANCTION one way, MOBILIZE the other: one undirected edge
    assert prk_usa["weight"] == 2 and prk_usa["conflict"] == 2 and prk_usa["cooperation"] == 0
    assert prk_usa["score"] == pytest.approx((SCORES["SANCTION"] + SCORES["MOBILIZE"]) / 2)
    assert prk_usa["types"] == {"MOBILIZE": 1, "SANCTION": 1}
    for e in data["edges"]:
        assert e["weight"] >= 1 and -1 <= e["score"] <= 1
    # filters apply, and --output writes the same document
    out = tmp_path / "g.json"
    invoke("graph", "--db", db, "--format", "json", "--type", "CONSULT", "--output", str(out))
    only = json.loads(out.read_text(encoding="utf-8"))
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("kimjongun", "vladimirputin")]


def test_graph_graphml_parses(db, tmp_path):
    out = tmp_path / "g.graphml"
    result = invoke("graph", "--db", db, "--output", str(out))
    assert result.stdout == ""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "undirected"
    nodes = {n.get("id") for n in graph.findall("g:node", ns)}
    assert {"prk", "usa", "kimjongun", "vladimirputin", "chn"} <= nodes
    edges = graph.findall("g:edge", ns)
    assert edges and all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    for e in edges:
        data = {keys[d.get("key")]: d.text for d in e.findall("g:data", ns)}
        assert float(data["weight"]) >= 1 and -1 <= float(data["score"]) <= 1
        assert json.loads(data["types"])


def test_every_type_has_a_score():
    assert set(SCORES) == set(PLOVER_TYPES)
    assert SCORES["ASSAULT"] == min(SCORES.values()) and SCORES["REQUEST"] <= 0
    for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"):
        assert SCORES[t] > 0
    for t in ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"):
        assert SCORES[t] < 0


# -- export --------------------------------------------------------------------------


def _expected(db, **filters):
    with Store(db) as s:
        return s.events(**filters)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(db, tmp_path, fmt):
    from gaiko.store.export import flat_row

    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", db, "--format", fmt, "--output", str(out))
    assert "7 events" in result.stderr
    expected = _expected(db)
    if fmt == "csv":  # the flat table: one row per event, nothing nested
        expected = [{k: (v or None) if isinstance(v, str) else v for k, v in flat_row(e).items()} for e in expected]
    assert read_export(str(out), fmt) == expected


def test_export_plover_round_trip(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    invoke("export", "--db", db, "--format", "plover", "--output", str(out))
    records = read_export(str(out), "plover")
    expected = _expected(db)
    assert [r["event"] for r in records] == [e["type"] for e in expected]
    for rec, e in zip(records, expected):
        back = from_plover(rec)
        for field in ("id", "doc", "type", "mode", "status", "source", "target", "date", "evidence"):
            assert back[field] == e[field], field
        assert back["mentions"] == e["mentions"][:1]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover"])
def test_export_takes_the_event_filters(db, tmp_path, fmt):
    out = tmp_path / f"prk-rus.{fmt}"
    invoke("export", "--db", db, "--format", fmt, "--output", str(out), "--dyad", "PRK", "--dyad", "RUS",
           "--since", "2024-02", "--status", "occurred", "--min-sources", "1")
    rows = read_export(str(out), fmt)
    assert len(rows) == 1
    assert (rows[0].get("type") or rows[0].get("event")) == "AGREE"


# -- errors: one stderr line naming the input, non-zero exit ----------------------------


def _one_error_line(proc, *names):
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("gaiko: ")
    for name in names:
        assert name in lines[0], (name, lines[0])


@pytest.mark.parametrize("command", [
    ["events"], ["timeline", "PRK"], ["actors"], ["graph"], ["export", "--output", "x.jsonl"],
])
def test_missing_db_file(tmp_path, command):
    missing = str(tmp_path / "nope.duckdb")
    _one_error_line(gaiko(*command, "--db", missing), missing, "no such event store")
    assert not (tmp_path / "nope.duckdb").exists()


@pytest.mark.parametrize("command, option", [
    (["events", "--since", "2024-13"], "--since"),
    (["events", "--until", "yesterday"], "--until"),
    (["graph", "--since", "2024-02-30"], "--since"),
    (["export", "--output", "OUT", "--until", "24-01"], "--until"),
])
def test_bad_date(db, tmp_path, command, option):
    command = [str(tmp_path / "x.jsonl") if a == "OUT" else a for a in command]
    _one_error_line(gaiko(*command, "--db", db), option)


@pytest.mark.parametrize("command, name", [
    (["export", "--format", "xml", "--output", "OUT"], "--format"),
    (["graph", "--format", "dot"], "--format"),
    (["actors", "--format", "yaml"], "--format"),
    (["timeline", "PRK", "--format", "html"], "--format"),
    (["timeline", "PRK", "--plot", "chart.jpg"], "chart.jpg"),
    (["actors", "--limit", "0"], "--limit"),
])
def test_bad_format_or_value(db, tmp_path, command, name):
    command = [str(tmp_path / "x.out") if a == "OUT" else a for a in command]
    _one_error_line(gaiko(*command, "--db", db), name)
    assert not (tmp_path / "x.out").exists()


def test_unwritable_output(db, tmp_path):
    target = str(tmp_path / "no-such-dir" / "events.jsonl")
    _one_error_line(gaiko("export", "--db", db, "--output", target), target)
    target = str(tmp_path / "no-such-dir" / "g.graphml")
    _one_error_line(gaiko("graph", "--db", db, "--output", target), target)


# -- issue 18: flat CSV, --min-confidence, --level country, dyads, --normalise -------------


def test_events_csv_is_the_flat_table(db):
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert consult["sources"] == "3" and consult["first_doc"] == "d1" and consult["date_precision"] == "day"
    assert {consult["source_countries"], consult["target_countries"]} == {"PRK", "RUS"}
    assert consult["quad_class"] == "1" and 0 < float(consult["confidence"]) < 1


@pytest.mark.parametrize("command", ["events", "export", "graph", "dyads"])
def test_min_confidence_filters_every_command(db, tmp_path, command):
    rows = jsonl(invoke("events", "--db", db).stdout)
    cut = sorted(r["confidence"] for r in rows)[len(rows) // 2]
    kept = sorted(r["id"] for r in rows if r["confidence"] >= cut)
    assert 0 < len(kept) <= len(rows)
    if command == "events":
        got = sorted(r["id"] for r in jsonl(invoke("events", "--db", db, "--min-confidence", str(cut)).stdout))
        assert got == kept
    elif command == "export":
        out = tmp_path / "e.jsonl"
        invoke("export", "--db", db, "--output", str(out), "--min-confidence", str(cut))
        assert sorted(r["id"] for r in read_export(str(out))) == kept
    elif command == "graph":
        everything = json.loads(invoke("graph", "--db", db, "--format", "json").stdout)
        none = json.loads(invoke("graph", "--db", db, "--format", "json", "--min-confidence", "1").stdout)
        assert everything["nodes"] and none["nodes"] == []
    else:
        assert jsonl(invoke("dyads", "--db", db, "--format", "jsonl", "--min-confidence", "1").stdout) == []
    bad = gaiko(command, "--db", db, "--min-confidence", "2", *(["--output", str(tmp_path / "x")]
                                                               if command == "export" else []))
    _one_error_line(bad, "--min-confidence")


def test_graph_level_country_folds_people_into_their_state(db):
    net = json.loads(invoke("graph", "--db", db, "--format", "json", "--level", "country").stdout)
    ids = {n["id"] for n in net["nodes"]}
    assert ids == {"PRK", "RUS", "JPN", "USA", "KOR", "CHN"}  # Kim Jong Un → PRK, Putin → RUS
    prk_rus = next(e for e in net["edges"] if {e["source"], e["target"]} == {"PRK", "RUS"})
    assert prk_rus["weight"] == 2 and prk_rus["types"] == {"AGREE": 1, "CONSULT": 1}
    actor_level = json.loads(invoke("graph", "--db", db, "--format", "json").stdout)
    assert "kimjongun" in {n["id"] for n in actor_level["nodes"]}


def test_actors_and_timeline_at_country_level(db):
    states = jsonl(invoke("actors", "--db", db, "--format", "jsonl", "--level", "country").stdout)
    assert states[0]["id"] == "PRK" and states[0]["events"] == 6
    assert "Kim Jong Un" not in {s["id"] for s in states}
    person = jsonl(invoke("timeline", "Kim Jong Un", "--db", db, "--format", "jsonl").stdout)
    state = jsonl(invoke("timeline", "Kim Jong Un", "--db", db, "--format", "jsonl", "--level", "country").stdout)
    assert {r["type"] for r in person} == {"CONSULT"}
    assert {r["type"] for r in state} == {"CONSULT", "ACCUSE", "SANCTION", "MOBILIZE", "AGREE", "THREATEN"}


def test_dyads_by_month_are_directed_country_pairs(db):
    rows = jsonl(invoke("dyads", "--db", db, "--by", "month", "--format", "jsonl").stdout)
    by_key = {(r["period"], r["source"], r["target"]): r for r in rows}
    assert by_key[("2024-03", "USA", "PRK")]["events"] == 1 and by_key[("2024-03", "USA", "PRK")]["q4"] == 1
    assert by_key[("2024-03", "PRK", "USA")]["events"] == 1  # the other direction is its own dyad
    assert ("2024-01", "JPN", "PRK") in by_key and ("2024-01", "PRK", "JPN") not in by_key
    assert all(r["period"] != "" and len(r["period"]) == 7 for r in rows)
    assert not any(r["source"] == "JPN" and r["target"] == "CHN" for r in rows)  # undated: not on a month
    whole = jsonl(invoke("dyads", "--db", db, "--by", "all", "--format", "jsonl").stdout)
    assert any(r["source"] == "JPN" and r["target"] == "CHN" for r in whole)
    table = invoke("dyads", "--db", db).stdout
    assert "USA" in table and "2024-03" in table
    _one_error_line(gaiko("dyads", "--db", db, "--by", "week"), "--by")


def test_timeline_reports_documents_and_normalises(db):
    rows = jsonl(invoke("timeline", "PRK", "--db", db, "--format", "jsonl", "--normalise").stdout)
    jan = [r for r in rows if r["month"] == "2024-01"]
    # January: 4 documents, of which d3 is a reprint → 3 counted; PRK events that month: CONSULT, ACCUSE
    assert {r["documents"] for r in jan} == {3}
    assert {r["type"]: r["per_100_documents"] for r in jan} == {"CONSULT": 33.33, "ACCUSE": 33.33}
    table = invoke("timeline", "PRK", "--db", db, "--normalise").stdout
    assert "per 100 documents" in table and "33.33" in table
    plain = jsonl(invoke("timeline", "PRK", "--db", db, "--format", "jsonl").stdout)
    assert all("per_100_documents" not in r for r in plain) and {r["documents"] for r in plain} >= {3}


@pytest.mark.parametrize("command", ["events", "export", "graph", "dyads"])
@pytest.mark.parametrize("args, message", [
    (["--dyad", "PRK"], "--dyad: needs exactly two actors"),
    (["--min-sources", "-1"], "--min-sources: must be 0 or more"),
    (["--type", "hug"], "--type: unknown PLOVER type 'HUG'"),
    (["--since", "2024-12", "--until", "2024-01"], "--until: '2024-01' is before since '2024-12'"),
])
def test_every_command_checks_every_filter_alike(db, command, args, message):
    from gaiko.errors import InputError

    result = runner.invoke(app, [command, "--db", db, *args])
    assert isinstance(result.exception, InputError), result.output
    assert str(result.exception).startswith(message)


def test_events_applies_min_sources_and_dyad(db):
    def countries(side):
        return {a["country"] for a in side}

    both = sorted(r["id"] for r in jsonl(invoke("events", "--db", db, "--dyad", "PRK", "--dyad", "RUS").stdout))
    assert both and both == sorted(
        r["id"] for r in jsonl(invoke("events", "--db", db).stdout)
        if {"PRK", "RUS"} <= countries(r["source"]) | countries(r["target"])
        and ("PRK" in countries(r["source"]) and "RUS" in countries(r["target"])
             or "RUS" in countries(r["source"]) and "PRK" in countries(r["target"])))
    assert jsonl(invoke("events", "--db", db, "--min-sources", "99").stdout) == []


def test_read_events_gives_a_dataframe_with_the_events_filters(db):
    import gaiko

    frame = gaiko.read_events(db, country="USA")
    assert sorted(frame["type"]) == ["MOBILIZE", "SANCTION"]
    assert {"latitude", "confidence", "quad_class", "source_ids", "date_start"} <= set(frame.columns)
    assert str(frame["date_start"].dtype).startswith("datetime64")
    assert len(gaiko.read_events(db)) == 7 and len(gaiko.read_events(db, dyad=["PRK", "RUS"])) == 2
    with pytest.raises(Exception, match="--since"):
        gaiko.read_events(db, since="yesterday")


def test_normalised_png_and_bad_level(db, tmp_path):
    png = tmp_path / "prk.png"
    invoke("timeline", "PRK", "--db", db, "--normalise", "--plot", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for command in (["graph"], ["actors"], ["timeline", "PRK"]):
        _one_error_line(gaiko(*command, "--db", db, "--level", "planet"), "--level", "planet")
    _one_error_line(gaiko("dyads", "--db", str(tmp_path / "missing.duckdb")), "missing.duckdb")
