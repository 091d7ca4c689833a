"""examples/corpus reads cleanly: every paragraph of each report is kept, boilerplate goes."""

from __future__ import annotations

import json
from pathlib import Path

from gaiko.documents import load_documents
from gaiko.options import Options
from gaiko.records import Document

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_examples_corpus():
    meta = {row["doc"]: row for row in map(json.loads, (CORPUS / "META.jsonl").read_text(encoding="utf-8").splitlines())}
    docs = list(load_documents([str(CORPUS)], Options()))
    assert all(isinstance(d, Document) for d in docs)
    assert {d.id: d.published for d in docs} == {name: row["published"] for name, row in meta.items()}
    assert all(d.duplicate_of is None for d in docs)
    for doc in docs:
        assert 300 <= len(doc.text) <= 900, doc.id
        if doc.id.endswith(".txt"):
            raw = (CORPUS / doc.id).read_text(encoding="utf-8")
            body = [p.strip() for p in raw.split("\n\n") if p.startswith("\u3000")]
            assert doc.text.split("\n\n") == body, doc.id
    board = next(d for d in docs if d.id == "06_icbm_unsc.txt")
    assert "Copyright" not in board.text and "シェア" not in board.text and "関連記事" not in board.text
