"""``--engine ray``: the pipeline's stages on Ray Data, then the driver loads the store.

1. shards: the driver lists the input files (a folder is walked as the local
   engine walks it; JSONL and WARC files are shards of many documents) and the
   content hashes already stored;
2. read + clean (tasks, ``flat_map``): each shard's documents, cleaned; a stored
   document is passed on as "stored" without being parsed;
3. extract (actors, ``map_batches`` with a callable class): each actor loads the
   model once and runs ``extract_documents`` on batches of documents;
4. write: Parquet partitions under ``parquet_dir/<run>/`` (document and events
   as JSON columns, with each document's input position as ``key``);
5. load: the driver reads the partitions back sorted by ``key`` and ingests them
   into the store in input order (near-duplicate marking happens here, as in
   ``load_documents``), so the store holds what the local engine would store.

The store is opened by the driver only. On a cluster, the inputs and
``parquet_dir`` must be on storage every node reaches, and gaiko (with its
model) installed on every node.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError
from ..options import Options
from ..records import Rejected

#: Documents per batch handed to an extractor actor.
BATCH_DOCS = 16
#: Key stride: documents per shard that keep input order (a shard holding more still loads, in shard order).
SHARD_STRIDE = 1_000_000


def run_ray(paths: list[str], db: str, options: Options, *, workers: int = 1, address: str | None = None,
            parquet_dir: str | None = None, on_reject: Callable[[Rejected], None] | None = None) -> dict[str, Any]:
    """Ingest ``paths`` into ``db`` with Ray Data; returns the summary (see ``gaiko.ingest.Ingest``)."""
    import ray

    from ..documents.dedupe import Deduplicator
    from ..ingest import Ingest
    from ..store import Store
    from .writer import document_from_dict, event_from_dict

    shards = list_shards(paths)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
    out = Path(parquet_dir or f"{db}.parts") / uuid.uuid4().hex
    with Store(db) as store:
        stored = store.read(lambda c: [r[0] for r in c.execute("SELECT content_hash FROM documents").fetchall()])
        actors = workers if workers > 1 else max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = build_dataset(shards, options, frozenset(stored), actors)
        dataset.write_parquet(str(out))
        run = Ingest(store, on_reject=on_reject)
        dedupe = Deduplicator()
        for batch in ray.data.read_parquet(str(out)).sort("key").iter_batches(batch_format="pyarrow"):
            for row in batch.to_pylist():
                if row["rejected"]:
                    run.reject(Rejected(row["name"], row["rejected"]))
                elif row["stored"]:
                    run.stored()
                else:
                    doc = dedupe.mark(document_from_dict(json.loads(row["document"])))
                    run.write(doc, [event_from_dict(e) for e in json.loads(row["events"])])
        summary = run.summary()
    summary["parquet"] = str(out)
    return summary


def list_shards(paths: list[str]) -> list[dict[str, Any]]:
    """One row per input file: its position, path and document name (as the local engine names it)."""
    from ..documents.readers import STDIN, is_url, unique_name, walk

    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN or is_url(path):
            raise InputError(path, "the ray engine reads files and folders; use the local engine for URLs and stdin")
        root = Path(path)
        if not root.exists():
            raise InputError(path, "no such file or folder")
        for file in [root] if root.is_file() else walk(root):
            name = unique_name(file, root, seen)
            rows.append({"seq": len(rows), "path": str(file), "name": name})
    return rows


def build_dataset(shards: list[dict[str, Any]], options: Options, stored: frozenset[str], actors: int) -> Any:
    """The Ray Data plan: shards → read and clean → extract on ``actors`` actors."""
    import ray

    stored_ref = ray.put(stored)
    dataset = ray.data.from_items(shards, override_num_blocks=max(1, min(len(shards), 64)))
    dataset = dataset.flat_map(read_shard, fn_kwargs={"options": options, "stored": stored_ref}, num_cpus=0)
    return dataset.map_batches(Extractor, fn_constructor_kwargs={"options": options}, batch_size=BATCH_DOCS,
                               batch_format="pyarrow", concurrency=actors, num_cpus=1)


_STORED: dict[str, frozenset[str]] = {}


def _stored(ref: Any) -> frozenset[str]:
    import ray

    key = ref.hex()
    if key not in _STORED:
        _STORED.clear()
        _STORED[key] = ray.get(ref)
    return _STORED[key]


def read_shard(row: dict[str, Any], options: Options, stored: Any) -> list[dict[str, Any]]:
    """The cleaned documents of one file, as rows (read + clean, as ``load_documents``)."""
    from dataclasses import replace

    from ..documents import read_documents
    from ..documents.load import clean_or_reject
    from ..records import Rejected
    from ..store import content_hash_of
    from .writer import document_to_dict

    file, name = Path(row["path"]), row["name"]
    hashes = _stored(stored)
    out: list[dict[str, Any]] = []
    for k, item in enumerate(read_documents([str(file)], options)):
        key = row["seq"] * SHARD_STRIDE + k
        base = {"key": key, "name": "", "document": "", "rejected": "", "stored": False, "events": "[]"}
        if isinstance(item, Rejected):
            out.append({**base, "name": _renamed(item.doc, file.name, name), "rejected": item.reason})
            continue
        item = replace(item, id=_renamed(item.id, file.name, name))
        cleaned = clean_or_reject(item)  # as load_documents for the local engine
        if isinstance(cleaned, Rejected):
            out.append({**base, "name": item.id, "rejected": cleaned.reason})
        elif content_hash_of(cleaned.text) in hashes:
            out.append({**base, "name": item.id, "stored": True})
        else:
            out.append({**base, "name": item.id,
                        "document": json.dumps(document_to_dict(cleaned), ensure_ascii=False)})
    return out


def _renamed(doc_id: str, file_name: str, name: str) -> str:
    """A document id under the name the walk gave its file (``sub/a.txt`` for a second ``a.txt``)."""
    if name != file_name and doc_id.startswith(file_name):
        return name + doc_id[len(file_name):]
    return doc_id


class Extractor:
    """A Ray actor's callable: the model loaded once, then batches of documents to events."""

    def __init__(self, options: Options) -> None:
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        from ..nlp.loader import load_nlp

        self.options = options
        load_nlp()

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        from ..pipeline import extract_documents
        from .writer import document_from_dict, event_to_dict

        rows = batch.to_pylist()
        todo = [(i, document_from_dict(json.loads(r["document"]))) for i, r in enumerate(rows) if r["document"]]
        for (i, _), x in zip(todo, extract_documents((d for _, d in todo), self.options)):
            rows[i]["events"] = json.dumps([event_to_dict(e) for e in x.events], ensure_ascii=False)
        return pa.Table.from_pylist(rows, schema=batch.schema)
