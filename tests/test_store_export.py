"""Store exports: jsonl, csv, parquet and PLOVER, each read back."""

from __future__ import annotations

import json

import pytest

from gaiko.errors import InputError
from gaiko.records import Document, Event, Mention
from gaiko.store import FORMATS, Store, from_plover, read_export

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン", "sector": "GOV"}
FISHER = {"id": None, "country": "CHN", "text": "中国人船員"}
JPN = {"id": "JPN", "country": "JPN", "text": "海上保安庁", "sector": "POLICE"}
VLADIVOSTOK = {"id": "Vladivostok", "country": "RUS", "text": "ウラジオストク"}


@pytest.fixture(scope="module")
def store():
    with Store(memory=True) as s:
        s.ingest(Document("d1", "一つ目、「引用」, カンマ\n改行", title="露朝首脳会談へ", published="2024-01-10",
                          publisher="共同通信", url="https://example.jp/1"),
                 [Event("d1", "CONSULT", "planned", [KIM], [PUTIN], "金正恩氏が訪露する見通し, \"引用\"",
                        mode="visit", date="2024-01", date_text="1月", location=VLADIVOSTOK,
                        mentions=[Mention("d1", 0, 12)])])
        s.ingest(Document("d2", "二つ目", published="2024-01-19"),
                 [Event("d2", "CONSULT", "occurred", [PUTIN], [KIM], "会談した", date="2024-01-18",
                        date_end="2024-01-19", date_text="18日から19日", mentions=[Mention("d2", 3, 7)]),
                  Event("d2", "COERCE", "denied", [JPN], [FISHER], "拿捕していない", mentions=[])])
        yield s


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_round_trip(store, tmp_path, fmt):
    path = str(tmp_path / f"events.{fmt}")
    expected = store.events()
    assert store.export(path, fmt) == len(expected) == 2
    assert read_export(path, fmt) == expected


def test_csv_is_flat_one_column_per_field(store, tmp_path):
    """The spreadsheet form: no JSON in any cell; each side's ids and countries joined with ';'."""
    import csv as csv_module

    path = str(tmp_path / "events.csv")
    assert store.export(path, "csv") == 2
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv_module.reader(fh))
    for column in ("id", "date", "date_precision", "type", "quad_class", "mode", "status", "confidence",
                   "source_ids", "source_countries", "target_ids", "target_countries", "place", "latitude",
                   "longitude", "sources", "first_doc", "evidence"):
        assert column in header
    rows = {r["type"]: r for r in read_export(path, "csv")}
    meet, coerce = rows["CONSULT"], rows["COERCE"]
    assert (meet["date"], meet["date_end"], meet["date_precision"]) == ("2024-01-18", "2024-01-19", "day")
    assert meet["source_ids"] == "Kim Jong Un" and meet["target_countries"] == "RUS"  # the first report's sides
    assert (meet["place"], meet["place_text"], meet["place_country"]) == ("Vladivostok", "ウラジオストク", "RUS")
    assert round(meet["latitude"], 2) == 43.11 and round(meet["longitude"], 2) == 131.87
    assert meet["sources"] == 2 and meet["first_doc"] == "d1" and meet["quad_class"] == 1
    assert coerce["target_ids"] is None and coerce["target_countries"] == "CHN"  # an unnamed actor
    assert coerce["place"] is None and coerce["latitude"] is None and coerce["quad_class"] == 4
    assert coerce["status"] == "denied" and 0 < coerce["confidence"] < 1
    assert all(not str(v).startswith(("[", "{")) for r in rows.values() for v in r.values() if v is not None)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover"])
def test_export_takes_filters(store, tmp_path, fmt):
    path = str(tmp_path / f"coerce.{fmt}")
    assert store.export(path, fmt, type="COERCE") == 1
    assert len(read_export(path, fmt)) == 1


def test_plover_field_names_and_round_trip(store, tmp_path):
    path = str(tmp_path / "events.plover.jsonl")
    store.export(path, "plover", coded_date="2024-02-01")
    records = read_export(path, "plover")
    consult, coerce = records
    assert set(consult) == {"id", "date", "enddate", "event", "mode", "actor", "recipient", "event_loc",
                            "event_text", "text_info", "cite_info", "coder", "coded_date", "comment",
                            "confidence", "quad_class"}
    assert consult["event"] == "CONSULT" and consult["date"] == "2024-01-18"
    assert consult["enddate"] == "2024-01-19"
    assert consult["actor"][0] == {"code": "PRK", "sector": None, "entity_text": "金正恩",
                                   "identifier_text": "Kim Jong Un", "identifier_id": None}
    assert consult["event_loc"] == {"extracted_place": "ウラジオストク", "resolved_place": "Vladivostok",
                                    "country_code": "RUS", "admin1": "RU.59", "lat": 43.10562, "lon": 131.87353,
                                    "geonameid": 2013348, "identifier_text": "Vladivostok"}
    assert consult["quad_class"] == 1 and 0 < consult["confidence"] < 1
    assert consult["text_info"] == {"sequence": 1, "start": 0, "end": 12}
    assert consult["cite_info"] == {"url": "https://example.jp/1", "title": "露朝首脳会談へ", "language": "ja",
                                    "publication": "共同通信", "doc": "d1"}
    assert consult["coder"].startswith("gaiko ") and consult["coded_date"] == "2024-02-01"
    assert consult["comment"] is None  # occurred, full date
    assert coerce["comment"] == "status: denied (negation)"
    assert coerce["date"] is None and coerce["event_loc"] is None

    fields = ("id", "doc", "type", "mode", "status", "source", "target", "date", "date_end", "evidence")
    for record, event in zip(records, store.events()):
        back = from_plover(record)
        assert {f: back[f] for f in fields} == {f: event[f] for f in fields}
        if event["location"]:
            assert {k: back["location"][k] for k in ("id", "country", "text")} == \
                {k: event["location"][k] for k in ("id", "country", "text")}
        assert back["mentions"] == event["mentions"][:1]


def test_plover_comment_notes_reduced_precision(tmp_path):
    with Store(memory=True) as s:
        s.ingest(Document("d", "本文"), [Event("d", "MOBILIZE", "possible", [KIM], [JPN], "演習か",
                                              date="2024-03")])
        path = str(tmp_path / "p.jsonl")
        s.export(path, "plover")
    (rec,) = read_export(path, "plover")
    assert rec["date"] == "2024-03"
    assert rec["comment"] == "status: possible (hypothetical); date precision: month"
    assert from_plover(rec)["status"] == "possible"


def test_jsonl_is_utf8_without_escapes(store, tmp_path):
    path = tmp_path / "e.jsonl"
    store.export(str(path), "jsonl")
    text = path.read_text(encoding="utf-8")
    assert "金正恩" in text and "\\u" not in text
    assert all(json.loads(line)["sources"] >= 1 for line in text.splitlines())


def test_unknown_format(store, tmp_path):
    assert "plover" in FORMATS
    with pytest.raises(InputError, match="xml"):
        store.export(str(tmp_path / "x"), "xml")
    with pytest.raises(InputError):
        read_export(str(tmp_path / "x"), "xml")
