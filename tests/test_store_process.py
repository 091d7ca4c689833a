"""The store across processes: a writer killed with SIGKILL mid-ingest leaves a
consistent file that a re-run completes to the uninterrupted result; a second
writer on the same file fails clearly (or waits)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gaiko.errors import StoreError
from gaiko.records import Document, Event, Mention
from gaiko.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
N_DOCS = 60

ACTORS = [
    {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"},
    {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン"},
    {"id": "Xi Jinping", "country": "CHN", "text": "習近平"},
    {"id": "JPN", "country": "JPN", "text": "日本政府"},
    {"id": None, "country": "KOR", "text": "韓国人男性"},
]
TYPES = ["CONSULT", "ACCUSE", "AGREE", "SANCTION"]
STATUSES = ["occurred", "planned", "possible", "occurred"]


def corpus() -> list[tuple[Document, list[Event]]]:
    """Deterministic documents whose events often repeat each other across documents."""
    out = []
    for i in range(N_DOCS):
        doc_id = f"doc{i:03d}.txt"
        text = f"記事{i}。" + "外交" * (i % 7 + 1)
        duplicate_of = f"doc{i - 1:03d}.txt" if i % 10 == 9 else None
        events = []
        for j in range(1 + i % 3):
            k = (i + j) % 11
            src, tgt = ACTORS[k % 5], ACTORS[(k + 1 + j) % 5]
            if k % 2:
                src, tgt = tgt, src
            day = (i * 7 + j) % 5
            date = [None, "2024-03", f"2024-03-{10 + day:02d}", "2024", f"2024-04-{day + 1:02d}"][(i + j) % 5]
            events.append(Event(doc_id, TYPES[k % 4], STATUSES[(i + j) % 4], [src], [tgt], f"証拠{i}-{j}",
                                date=date, mentions=[Mention(doc_id, j * 3, j * 3 + 2),
                                                     Mention(doc_id, 40 + j, 45 + j)][: 1 + (i + j) % 2]))
        out.append((Document(doc_id, text, published="2024-04-10", duplicate_of=duplicate_of), events))
    return out


CHILD = """
import sys, time, importlib.util
spec = importlib.util.spec_from_file_location("corpus_module", {test_file!r})
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
from gaiko.store import Store
path, pause_at = sys.argv[1], int(sys.argv[2])
current = [None]
def tracer(sql, params):
    # stop inside the transaction of document number pause_at, after its document row
    if current[0] == pause_at and sql.startswith("INSERT INTO mentions"):
        print("MID", pause_at, flush=True)
        time.sleep(60)
with Store(path, tracer=tracer) as store:
    for i, (doc, events) in enumerate(mod.corpus()):
        current[0] = i
        store.ingest(doc, events)
        print("DONE", i, flush=True)
print("END", flush=True)
"""


class Child:
    def __init__(self, script: Path, db: Path, pause_at: int = -1) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(script), str(db), str(pause_at)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("EOF")

    def wait_for(self, wanted: str, timeout: float = 30) -> None:
        while True:
            line = self.lines.get(timeout=timeout)
            if line == wanted:
                return
            assert line != "EOF", f"child ended before {wanted!r}: {self.proc.stderr.read()}"

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        assert self.proc.returncode == -signal.SIGKILL


def check_consistent(db: Path, expected_mentions: dict[str, int]) -> int:
    """No partial document, no orphan rows; returns how many documents are stored."""
    with Store(str(db)) as store:
        def fn(c):
            q = lambda sql: c.execute(sql).fetchall()  # noqa: E731
            assert q("SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id"
                     " WHERE e.id IS NULL") == [(0,)]
            assert q("SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.doc"
                     " WHERE d.id IS NULL") == [(0,)]
            assert q("SELECT count(*) FROM events e WHERE NOT EXISTS"
                     " (SELECT 1 FROM mentions m WHERE m.event_id = e.id)") == [(0,)]
            assert q("SELECT count(*) FROM events e WHERE NOT EXISTS"
                     " (SELECT 1 FROM event_actors a WHERE a.event_id = e.id)") == [(0,)]
            assert q("SELECT count(*) FROM event_actors a LEFT JOIN events e ON e.id = a.event_id"
                     " WHERE e.id IS NULL") == [(0,)]
            return dict(q("SELECT d.id, count(m.doc) FROM documents d LEFT JOIN mentions m ON m.doc = d.id"
                          " GROUP BY d.id"))

        stored = store.read(fn)
    # every stored document has all of its mentions, and the stored ones are a prefix
    assert stored == {d: expected_mentions[d] for d in stored}
    assert sorted(stored) == sorted(expected_mentions)[: len(stored)]
    return len(stored)


def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path):
    data = corpus()
    expected_mentions = {d.id: sum(max(len(e.mentions), 1) for e in evs) for d, evs in data}
    with Store(memory=True) as reference:
        for d, evs in data:
            reference.ingest(d, evs)
        want_counts, want_events = reference.counts(), reference.events()
    assert want_counts["events"] < sum(len(evs) for _, evs in data)  # the corpus does merge

    script = tmp_path / "child.py"
    script.write_text(CHILD.format(test_file=__file__))
    db = tmp_path / "kill.duckdb"

    # 1. killed between two documents
    child = Child(script, db)
    child.wait_for("DONE 5")
    child.kill()
    first = check_consistent(db, expected_mentions)
    assert first >= 6

    # 2. killed inside the transaction of document 20, after its document row was written
    child = Child(script, db, pause_at=20)
    child.wait_for("MID 20")
    child.kill()
    assert check_consistent(db, expected_mentions) == 20  # 0..19 stored, 20 rolled back

    # 3. killed at an arbitrary moment
    child = Child(script, db)
    child.wait_for("DONE 30")
    time.sleep(0.01)
    child.kill()
    assert check_consistent(db, expected_mentions) >= 31

    # 4. the re-run completes to exactly the uninterrupted result
    child = Child(script, db)
    child.wait_for("END")
    assert child.proc.wait(timeout=30) == 0
    assert check_consistent(db, expected_mentions) == N_DOCS
    with Store(str(db)) as store:
        assert store.counts() == want_counts
        assert store.events() == want_events


HOLDER = """
import sys
from gaiko.store import Store
with Store(sys.argv[1]) as store:
    print("READY", flush=True)
    sys.stdin.read()
"""


def test_second_writer_fails_clearly_or_waits(tmp_path):
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline().strip() == "READY"
        with pytest.raises(StoreError, match="locked.duckdb.*in use by another process"):
            Store(str(db))
        with pytest.raises(StoreError, match="locked.duckdb"):
            Store(str(db), read_only=True)
        with pytest.raises(StoreError, match="in use"):
            Store(str(db), wait=0.3)  # waits, then gives up
        holder.stdin.close()  # the holder closes its store and exits
        with Store(str(db), wait=20) as store:  # waits for the lock, then opens
            assert store.counts() == {"documents": 0, "events": 0, "mentions": 0}
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)


OPENER = """
import sys
from gaiko.errors import StoreError
from gaiko.store import Store
try:
    with Store(sys.argv[1], read_only=sys.argv[2] == "ro") as store:
        print("OPENED", store.counts()["documents"], flush=True)
except StoreError as exc:
    print("BUSY", exc, flush=True)
"""


def _open_elsewhere(db, mode="rw") -> str:
    out = subprocess.run([sys.executable, "-c", OPENER, str(db), mode], capture_output=True, text=True,
                         timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return out.stdout.strip()


def test_a_store_that_does_not_hold_lets_other_processes_in_between(tmp_path):
    # issue 17: `gaiko serve` and `gaiko run` hold the file only while they use it
    db = tmp_path / "shared.duckdb"
    with Store(str(db), hold=False, linger=0.05) as store:
        store.ingest(*corpus()[0])
        time.sleep(0.3)  # idle past the linger: the file is closed
        assert _open_elsewhere(db, "ro") == "OPENED 1"
        assert _open_elsewhere(db, "rw") == "OPENED 1"
        with store.session():  # held for a block of work: the others must wait
            assert _open_elsewhere(db).startswith("BUSY")
            store.ingest(*corpus()[1])
        time.sleep(0.3)
        assert _open_elsewhere(db) == "OPENED 2"
        assert store.counts()["documents"] == 2  # and it opens again on demand


def test_a_busy_store_is_waited_for_and_the_wait_is_told(tmp_path):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    told = []
    try:
        assert holder.stdout.readline().strip() == "READY"
        threading.Timer(1.0, holder.stdin.close).start()  # the holder lets go after a second
        with Store(str(db), read_only=True, wait=30, on_wait=lambda name, s: told.append((name, s))) as store:
            assert store.counts()["documents"] == 0
        assert told == [(str(db), 30)]
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)
