"""Every way into the store writes through one writer (issue 14): one folder holding
documents that cannot be read beside good ones, run through ``gaiko run --workers 1``,
``--workers 2``, the Ray engine and ``POST /api/documents``, leaves the same
documents, events and rejected records in each store; a second run adds nothing;
an unreadable input is named, and does not make later commands fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.store import Store

pytestmark = pytest.mark.parser

PUBLISHED = "2024-06-19"
# three short reports (written for this test); the last two tell of one meeting, so
# the store merges them, which makes the order of writing part of the result
ARTICLES = {
    "01_kishida_xi.txt": "岸田文雄首相は10日、中国の習近平国家主席と電話で会談した。両首脳は協力関係を強化することで一致した。",
    "03_kim_putin.txt": "北朝鮮の金正恩総書記は19日、ロシアのプーチン大統領と平壌で会談したと朝鮮中央通信が報じた。",
    "05_putin_visit.txt": "ロシアのプーチン大統領は19日、平壌を訪れ、北朝鮮の金正恩総書記と首脳会談を行った。"
                          "日本政府はこれに強い懸念を表明した。",
}
UNREADABLE = {
    "02_empty.txt": b"",                                  # rejected: empty document
    "04_blob.txt": b"\x00\x01\x02\xff\xfe not text",     # rejected: binary data
    "06_english.txt": b"The two leaders met in Pyongyang on Wednesday and signed a pact.",  # not Japanese
}

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    for name, data in UNREADABLE.items():
        (root / name).write_bytes(data)
    return root


def run(folder: Path, db: Path, *more: str):
    return runner.invoke(app, ["run", str(folder), "--db", str(db), "--published", PUBLISHED, *more])


def contents(db: Path) -> dict:
    """What a store holds, without what names a document (a pasted document's id carries
    its content hash) or when it was written: documents by content hash, events by their
    stable ids, each event's actors, dates, status, sources and the offsets of its
    mentions, and the rejected inputs with their reasons."""
    with Store(str(db), read_only=True) as store:
        documents = sorted((d["content_hash"], d["title"], d["published"], d["publisher"], d["url"],
                            d["duplicate_of"] is None, d["events"]) for d in store.documents())
        events = sorted(json.dumps({k: e[k] for k in ("id", "type", "mode", "status", "date", "date_end",
                                                      "date_text", "source", "target", "sources", "evidence",
                                                      "confidence", "location", "quad_class")}
                                   | {"mentions": [(m["start"], m["end"]) for m in e["mentions"]],
                                      "history": [(h["status"], h["date"]) for h in e["status_history"]]},
                                   ensure_ascii=False, sort_keys=True)
                        for e in store.events())
        rejected = [(r.doc, r.reason) for r in store.rejected()]
    return {"documents": documents, "events": events, "rejected": rejected}


@pytest.fixture(scope="module")
def one_worker(folder, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("w1") / "events.duckdb"
    result = run(folder, db, "--workers", "1")
    assert result.exit_code == 1, result.output  # the unreadable documents are reported
    return db


def test_one_worker_records_the_rejected_documents(one_worker):
    held = contents(one_worker)
    assert held["rejected"] == [("02_empty.txt", "empty document"),
                                ("04_blob.txt", "not a text document: binary data (NUL bytes)"),
                                ("06_english.txt", "skipped, not Japanese: mostly Latin script")]
    assert len(held["documents"]) == 3
    assert held["events"], "the articles report events"
    assert any(json.loads(e)["sources"] == 2 for e in held["events"]), "the two reports of one meeting merge"


def test_two_workers_store_what_one_stores(folder, one_worker, tmp_path):
    db = tmp_path / "w2.duckdb"
    result = run(folder, db, "--workers", "2")
    assert result.exit_code == 1, result.output
    assert contents(db) == contents(one_worker)


def test_pasting_each_file_stores_what_run_stores(folder, one_worker, tmp_path):
    db = tmp_path / "paste.duckdb"
    with Store(str(db)) as store:
        from gaiko.options import Options
        from gaiko.web import WebOptions, create_app

        client = TestClient(create_app(store, WebOptions(pipeline=Options(progress=False))))
        for path in sorted(folder.iterdir()):  # the order `gaiko run` walks the folder in
            r = client.post("/api/documents", files={"file": (path.name, path.read_bytes())},
                            data={"published": PUBLISHED})
            if path.name in UNREADABLE:
                assert r.status_code == 422 and r.json()["detail"].startswith(path.name + ": ")
            else:
                assert r.status_code == 201, r.text
    assert contents(db) == contents(one_worker)


@pytest.mark.ray
def test_ray_engine_stores_what_run_stores(folder, one_worker, tmp_path):
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        db = tmp_path / "ray.duckdb"
        result = run(folder, db, "--engine", "ray", "--workers", "2")
        assert result.exit_code == 1, result.output
        assert "04_blob.txt: not a text document" in result.output
    finally:
        ray.shutdown()
    assert contents(db) == contents(one_worker)


def test_a_second_run_adds_nothing(folder, one_worker):
    before = contents(one_worker)
    result = run(folder, one_worker)
    assert "documents read: 3  added: 0  already stored: 3" in result.output
    assert "events added: 0  merged into existing: 0  mentions added: 0" in result.output
    assert contents(one_worker) == before


def test_unreadable_inputs_are_named_and_do_not_fail_later_commands(folder, one_worker, tmp_path):
    result = run(folder, tmp_path / "again.duckdb", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "gaiko: 02_empty.txt: empty document" in result.output
    assert "gaiko: 04_blob.txt: not a text document: binary data (NUL bytes)" in result.output
    assert f"gaiko: {tmp_path / 'missing.txt'}: no such file or folder" in result.output
    # the same process goes on to a command that meets nothing unreadable: it succeeds
    later = runner.invoke(app, ["clean", str(folder / "01_kishida_xi.txt")])
    assert later.exit_code == 0, later.output
