"""Crash safety through the command line (issue 10): ``gaiko run`` killed with
SIGKILL at several points leaves a consistent store, a re-run completes it to
exactly the uninterrupted result, and two ``gaiko run`` on one file never
corrupt it. (tests/test_store_process.py kills the store API at exact points
inside a transaction; here the whole CLI path is killed from outside.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gaiko.errors import StoreOutdated
from gaiko.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
CORPUS = [str(ROOT / "examples" / "corpus"), str(SHARED / "seeds"), str(SHARED / "livedoor")]

pytestmark = [
    pytest.mark.parser,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
    pytest.mark.skipif(not (SHARED / "livedoor").is_dir(), reason="shared corpus not available"),
]


def run(db: Path, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "gaiko.cli", "run", *CORPUS, "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def state(db: Path) -> dict:
    """Orphan checks, then per-document mention counts, counts and events of a store."""
    with Store(str(db), read_only=True) as store:
        def fn(c):
            q = lambda sql: c.execute(sql).fetchall()  # noqa: E731
            orphans = {
                "mention without event": q("SELECT count(*) FROM mentions m LEFT JOIN events e"
                                           " ON e.id = m.event_id WHERE e.id IS NULL"),
                "mention without document": q("SELECT count(*) FROM mentions m LEFT JOIN documents d"
                                              " ON d.id = m.doc WHERE d.id IS NULL"),
                "event without mention": q("SELECT count(*) FROM events e WHERE NOT EXISTS"
                                           " (SELECT 1 FROM mentions m WHERE m.event_id = e.id)"),
                "actor without event": q("SELECT count(*) FROM event_actors a LEFT JOIN events e"
                                         " ON e.id = a.event_id WHERE e.id IS NULL"),
            }
            assert all(v == [(0,)] for v in orphans.values()), orphans
            return dict(q("SELECT d.id, count(m.doc) FROM documents d LEFT JOIN mentions m ON m.doc = d.id"
                          " GROUP BY d.id"))

        return {"mentions": store.read(fn), "counts": store.counts(), "events": store.events()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    proc = run(db)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return state(db)


def kill_when(proc: subprocess.Popen[str], ready, delay: float = 0.0, timeout: float = 300) -> bool:
    """SIGKILL ``proc`` ``delay`` s after ``ready()`` holds; False if it ended first."""
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None:
            return False
        assert time.monotonic() < deadline, "kill point never reached"
        time.sleep(0.002)
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    return proc.returncode == -signal.SIGKILL


def test_sigkill_at_several_points_then_rerun_gives_the_uninterrupted_result(tmp_path, reference):
    db = tmp_path / "killed.duckdb"
    wal = Path(str(db) + ".wal")
    started = [0.0]

    def after(seconds: float):
        started[0] = time.monotonic()
        return lambda: time.monotonic() - started[0] >= seconds

    points = [
        ("while loading (nothing written yet)", lambda: after(1.5), 0.0),
        ("at the first write", lambda: wal.exists, 0.0),
        ("just after the first write", lambda: wal.exists, 0.05),
        ("a while into the writes", lambda: wal.exists, 0.5),
    ]
    survived = []
    for name, ready, delay in points:
        proc = run(db)
        if not kill_when(proc, ready(), delay):
            continue  # it finished first: nothing left to interrupt
        survived.append(name)
        if db.exists():
            try:
                got = state(db)
            except StoreOutdated as exc:  # killed as the file was made, before its first migration:
                assert "0001_initial" in str(exc), exc  # nothing stored yet (a later run migrates it)
                continue
            # no partial document: each stored one has exactly its mentions of the full run
            assert got["mentions"] == {d: reference["mentions"][d] for d in got["mentions"]}, name
    assert len(survived) >= 3, survived
    proc = run(db)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    final = state(db)
    assert final["counts"] == reference["counts"]
    assert final["mentions"] == reference["mentions"]
    assert final["events"] == reference["events"]


def test_two_runs_on_one_database(tmp_path, reference):
    db = tmp_path / "shared.duckdb"
    first = run(db)
    deadline = time.monotonic() + 300
    while not Path(str(db) + ".wal").exists() and first.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    second = run(db)
    out2, err2 = second.communicate(timeout=600)
    out1, err1 = first.communicate(timeout=600)
    assert first.returncode == 0, err1
    if second.returncode != 0:  # fails clearly: one line naming the file, no traceback
        lines = err2.strip().splitlines()
        assert len(lines) == 1 and str(db) in lines[0] and "in use" in lines[0], err2
        assert "Traceback" not in err2
    final = state(db)  # never a corrupt file, and nothing counted twice
    assert final["counts"] == reference["counts"]
    assert final["events"] == reference["events"]
