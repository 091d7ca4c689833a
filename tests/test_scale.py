"""gaiko.scale, local engine: --workers 2 stores what --workers 1 stores, idempotently."""

from __future__ import annotations

import pytest

from gaiko.errors import GaikoError
from gaiko.options import Options
from gaiko.scale import run_scaled
from helpers import EXAMPLES, stored_events

pytestmark = pytest.mark.parser



def test_two_workers_equal_one(tmp_path):
    options = Options(progress=False)
    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    s1 = run_scaled([EXAMPLES], one, options, workers=1)
    s2 = run_scaled([EXAMPLES], two, options, workers=2)
    assert s1["documents_added"] == s2["documents_added"] == 7
    assert s1["events_added"] == s2["events_added"] > 0
    assert s1["by_type"] == s2["by_type"]
    assert stored_events(one) == stored_events(two)
    again = run_scaled([EXAMPLES], two, options, workers=2)
    assert again["documents_added"] == 0 and again["documents_skipped"] == 7
    assert again["events_added"] == 0


def test_local_engine_equals_ingest_documents(tmp_path):
    from gaiko.documents import load_documents
    from gaiko.ingest import ingest_documents
    from gaiko.store import Store

    options = Options(progress=False)
    plain, scaled = str(tmp_path / "plain.duckdb"), str(tmp_path / "scaled.duckdb")
    (tmp_path / "empty.txt").write_bytes(b"")  # rejected on either path, and recorded
    paths = [EXAMPLES, str(tmp_path / "empty.txt")]
    a = ingest_documents(plain, load_documents(paths, options), options)
    b = run_scaled(paths, scaled, options, workers=2)
    for key in ("documents_read", "documents_added", "documents_rejected", "events_added", "events_merged",
                "mentions_added", "by_type", "timeline"):
        assert a[key] == b[key], key
    assert a["documents_rejected"] == 1
    assert stored_events(plain) == stored_events(scaled)
    with Store(plain, read_only=True) as one, Store(scaled, read_only=True) as two:
        assert one.rejected() == two.rejected() != []


def test_document_past_sudachi_limit_is_chunked_not_refused(tmp_path):
    body = "　トランプ米大統領と北朝鮮の金正恩朝鮮労働党委員長は12日、シンガポールで会談した。\n\n"
    filler = "　市場では株価が上昇し、取引は活発だった。\n\n" * 2000
    path = tmp_path / "long.txt"
    path.write_text("長い記事\n\n" + filler + body, encoding="utf-8")
    assert path.stat().st_size > 49_149 * 2
    summary = run_scaled([str(path)], str(tmp_path / "long.duckdb"), Options(progress=False, published="2018-06-12"),
                         workers=2)
    assert summary["documents_added"] == 1
    assert summary["by_type"].get("CONSULT", 0) >= 1


def test_bad_arguments():
    with pytest.raises(GaikoError):
        run_scaled([EXAMPLES], "x.duckdb", Options(), engine="spark")
    with pytest.raises(GaikoError):
        run_scaled([EXAMPLES], "x.duckdb", Options(), workers=0)
    with pytest.raises(GaikoError):
        run_scaled([EXAMPLES], "x.duckdb", Options(), address="ray://host:10001")
