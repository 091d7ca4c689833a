"""Running the pipeline on many cores and many machines.

``run_scaled(paths, db, options, engine=..., workers=..., address=...)`` runs
``paths`` through either engine; both write through ``gaiko.ingest.Ingest``
(the one writer ``gaiko run`` and the web paste use too), so it returns the same
summary and, like them, records rejected documents and is idempotent: a
document whose content hash is stored is not parsed again.

- ``local`` (:mod:`gaiko.scale.local`): worker processes on this machine, each
  loading the model once; documents stream through a bounded window and only
  the parent writes to the store, in input order.
- ``ray`` (:mod:`gaiko.scale.ray_engine`): the same stages with Ray Data (read
  and clean shards → extract on actors holding one model each → Parquet
  partitions), then the partitions are loaded into the store by the driver.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ..errors import GaikoError
from ..options import Options
from ..records import Rejected

ENGINES = ("local", "ray")


def run_scaled(paths: Iterable[str], db: str, options: Options, *, engine: str = "local",
               workers: int = 1, address: str | None = None, parquet_dir: str | None = None,
               on_reject: Callable[[Rejected], None] | None = None) -> dict[str, Any]:
    """Ingest ``paths`` into the store at ``db`` with ``engine``; returns the summary.

    ``workers``: processes (local) or model actors (ray; 1 means one per CPU of
    the cluster). ``address``: an existing Ray cluster (ray only).
    ``parquet_dir``: where the ray engine writes its partitions (default: a
    folder next to ``db``; on a cluster, storage every node can reach).
    """
    if engine not in ENGINES:
        raise GaikoError(f"--engine: unknown engine {engine!r} ({', '.join(ENGINES)})")
    if workers < 1:
        raise GaikoError(f"--workers: must be at least 1, got {workers}")
    if engine == "ray":
        from .ray_engine import run_ray

        return run_ray(list(paths), db, options, workers=workers, address=address, parquet_dir=parquet_dir,
                       on_reject=on_reject)
    if address is not None:
        raise GaikoError("--address: only with --engine ray")
    from ..documents import load_documents
    from ..ingest import ingest_documents

    items = load_documents(list(paths), options)  # a missing path fails here, before the store opens
    return ingest_documents(db, items, options, workers=workers, on_reject=on_reject)


__all__ = ["run_scaled", "ENGINES"]
