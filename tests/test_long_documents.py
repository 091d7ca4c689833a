"""Long documents (issue 17, item 6): read in parts with the same events at the
right offsets, progress counted in characters with a rate and the time left, and
cleaning that says how many repeated lines it dropped.  The speed and memory
figures are a benchmark (``benchmarks/long_document.py``), not a test."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from rich.console import Console

from gaiko import cli
from gaiko.documents import clean
from gaiko.options import Options
from gaiko.records import Document

FILLER = "\n\n".join(f"きょうは全国的に晴れて、気温が平年より高くなりました（第{i}段落）。" for i in range(6000))
ARTICLE = "北朝鮮の金正恩総書記は5日、ロシアのプーチン大統領と平壌で会談した。"


@pytest.mark.parser
def test_a_long_document_gives_the_events_of_its_parts_at_their_offsets():
    from gaiko.pipeline import PART_BYTES, extract_documents

    options = Options(progress=False)
    alone = next(extract_documents([Document("a.txt", ARTICLE, published="2024-06-10")], options))
    text = FILLER + "\n\n" + ARTICLE + "\n\n" + FILLER
    assert len(text.encode()) > 2 * PART_BYTES
    told: list[int] = []
    long = next(extract_documents([Document("long.txt", text, published="2024-06-10")], options,
                                  on_chars=told.append))
    assert len(told) > 2 and sum(told) == len(text)  # progress, part by part
    shift = len(FILLER) + 2
    assert [(e.type, e.status, e.date, [(m.start - shift, m.end - shift) for m in e.mentions]) for e in long.events] \
        == [(e.type, e.status, e.date, [(m.start, m.end) for m in e.mentions]) for e in alone.events]
    assert all(text[m.start:m.end] == ARTICLE[m.start - shift:m.end - shift] for e in long.events for m in e.mentions)
    assert {(m.start - shift, m.text) for m in long.mentions} == {(m.start, m.text) for m in alone.mentions}


def test_progress_counts_characters_with_rate_and_time_left(monkeypatch):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    docs = [Document("a.txt", "あ" * 1000), Document("b.txt", "い" * 3000)]
    with cli._progress(Options(), "extract", console=console) as chars:
        for doc in chars.read(docs):
            chars.done(len(doc.text) // 2)
            chars.bar.refresh()
            chars.done(len(doc.text) - len(doc.text) // 2)
            chars.bar.refresh()
        task = chars.bar.tasks[0]
        assert task.total == 4000 and task.completed == 4000
    shown = out.getvalue()
    assert "/4,000 chars" in shown and "chars/s" in shown and "0/?" not in shown
    assert "1,000/1,000 chars" in shown or "500/1,000 chars" in shown  # moved before the end


def test_no_progress_bar_without_a_terminal():
    with cli._progress(Options(), "extract", console=Console(file=io.StringIO())) as chars:
        assert chars.bar is None
        assert list(chars.read([Document("a.txt", "本文")])) == [Document("a.txt", "本文")]
        chars.done(2)


def test_clean_says_how_many_repeated_lines_it_dropped(tmp_path):
    path = tmp_path / "same.txt"
    path.write_text((ARTICLE + "\n") * 5000, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gaiko.cli", "clean", str(path)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    raw = (len(ARTICLE) + 1) * 5000  # each line and its line break
    assert proc.stderr.strip() == (f"gaiko: same.txt: note: cleaning dropped 4,999 repeated lines"
                                   f" (copies of 1 distinct line); {len(ARTICLE)} of {raw:,} characters kept")


def test_a_few_repeats_are_dropped_quietly():
    doc = clean(Document("a.txt", (ARTICLE + "\n") * 3 + "別の文です。\n"))
    assert doc.notes == () and doc.text.count(ARTICLE) == 1
