"""gaiko.scale, ray engine: a local Ray instance stores the events the local engine stores (~30 s)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.options import Options
from gaiko.scale import run_scaled

from helpers import EXAMPLES, stored_events

ray = pytest.importorskip("ray")

pytestmark = [pytest.mark.parser, pytest.mark.ray]



@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_equals_local(tmp_path, local_ray):
    options = Options(progress=False)
    local, distributed = str(tmp_path / "local.duckdb"), str(tmp_path / "ray.duckdb")
    a = run_scaled([EXAMPLES], local, options, workers=1)
    b = run_scaled([EXAMPLES], distributed, options, engine="ray", workers=2, parquet_dir=str(tmp_path / "parts"))
    for key in ("documents_read", "documents_added", "events_added", "events_merged", "mentions_added", "by_type"):
        assert a[key] == b[key], key
    assert stored_events(local) == stored_events(distributed)
    parts = list(Path(b["parquet"]).glob("*.parquet"))
    assert parts
    import pyarrow.parquet as pq

    rows = [r for p in parts for r in pq.read_table(p).to_pylist()]
    assert sum(len(json.loads(r["events"])) for r in rows) >= a["events_added"]
    again = run_scaled([EXAMPLES], distributed, options, engine="ray", parquet_dir=str(tmp_path / "parts"))
    assert again["documents_added"] == 0 and again["documents_skipped"] == 7
