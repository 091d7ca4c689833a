"""Working beside the server (issue 17, item 1): with a real ``gaiko serve`` process
on a store, ``gaiko run`` ingests into the same file and ``gaiko events`` reads it,
both while the server keeps answering, as an analyst keeps the UI open while working.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from gaiko.store import Store
from gaiko.web.fixtures import populate
from helpers import serving

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def gaiko(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gaiko.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def served_count(base: str) -> int:
    page = httpx.get(base + "/api/events", params={"limit": 500}, timeout=30).json()
    assert page["next_offset"] is None
    return page["count"]


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "shared.duckdb"
    with Store(str(db)) as store:
        populate(store)
    with serving(str(db)) as base:
        yield db, base


def test_events_reads_the_store_while_the_server_runs(served):
    db, base = served
    httpx.get(base + "/").raise_for_status()  # the server has just used the store
    proc = gaiko("events", "--db", str(db), "--wait", "10")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    ids = {json.loads(line)["id"] for line in out.splitlines()}
    served_ids = {e["id"] for e in httpx.get(base + "/api/events", params={"limit": 500}).json()["events"]}
    assert ids and ids == served_ids


@pytest.mark.parser
def test_run_and_events_while_the_server_runs(served):
    db, base = served
    before = served_count(base)
    run = gaiko("run", str(CORPUS), "--db", str(db), "--wait", "30")
    reads_during_run, pages_during_run = 0, 0
    while run.poll() is None:
        # the analyst keeps browsing and querying while the ingest goes on
        assert httpx.get(base + "/", timeout=30).status_code == 200
        events = gaiko("events", "--db", str(db), "--format", "jsonl", "--wait", "30")
        out, err = events.communicate(timeout=120)
        assert events.returncode == 0, err
        assert all(json.loads(line)["id"] for line in out.splitlines())
        if run.poll() is None:
            reads_during_run += 1
            pages_during_run += 1
    out, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    assert "in use" not in err or "waiting" in err  # it may wait, never fail
    assert reads_during_run >= 1, "gaiko run finished before any concurrent read: nothing was tested"
    after = served_count(base)
    assert after > before  # the server sees what the run stored, without a restart
    final = gaiko("events", "--db", str(db))
    out, err = final.communicate(timeout=60)
    assert final.returncode == 0, err
    assert len(out.splitlines()) == after
