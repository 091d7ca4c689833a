"""Benchmark of the event store at scale (not a test): ingest and query latency.

    .venv/bin/python benchmarks/store_bench.py [--docs 10000] [--seed 7] [--db FILE] [--repeat 7]
    .venv/bin/python benchmarks/store_bench.py --queries-only --db FILE   # re-time the queries of a kept store

1. generate: a synthetic corpus built as records in code (no GiNZA): ``--docs``
   documents, each reporting 1–5 events drawn with a skew from a pool of
   underlying interactions, so that many documents report the same meeting,
   with the dates at day or month precision (sometimes none), the sides of
   symmetric types swapped, statuses planned/possible before occurred, and
   some documents being reprints (``duplicate_of``) of earlier ones.
2. ingest: ``Store.ingest`` per document (one transaction each), as ``gaiko run``
   does; the time spent finding and choosing the event to merge into (the
   candidate query and :func:`gaiko.store.merge.choose`) is reported apart.
3. checkpoint and the size of the database file.
4. queries: each query of ``gaiko events`` / ``timeline`` / ``actors`` / ``graph``
   on the full store, median and worst of ``--repeat`` runs after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gaiko.records import PLOVER_TYPES, SYMMETRIC_TYPES, Document, Event, Mention  # noqa: E402
from gaiko.store import EventFilter, Store, content_hash_of  # noqa: E402
from gaiko.store import merge  # noqa: E402
from gaiko.store import store as store_module  # noqa: E402
from gaiko.store.graph import actor_graph, to_graphml  # noqa: E402

STATES = ["PRK", "RUS", "USA", "CHN", "JPN", "KOR", "UKR", "IRN", "GBR", "FRA", "DEU", "IND", "VNM",
          "PHL", "TWN", "MNG", "SYR", "ISR", "TUR", "CUB"]
PEOPLE = [("Kim Jong Un", "PRK"), ("Vladimir Putin", "RUS"), ("Joe Biden", "USA"), ("Donald Trump", "USA"),
          ("Xi Jinping", "CHN"), ("Fumio Kishida", "JPN"), ("Yoon Suk Yeol", "KOR"), ("Choe Son Hui", "PRK"),
          ("Sergey Lavrov", "RUS"), ("Antony Blinken", "USA"), ("Wang Yi", "CHN"), ("Kim Yo Jong", "PRK"),
          ("Volodymyr Zelenskyy", "UKR"), ("Shigeru Ishiba", "JPN"), ("Lee Jae-myung", "KOR")]
ORGS = [("United Nations Security Council", "IGO"), ("NATO", "IGO"), ("Workers' Party of Korea", "PRK"),
        ("International Atomic Energy Agency", "IGO")]
UNNAMED = [(None, "CHN", "中国人船員"), (None, "KOR", "韓国人男性"), (None, "JPN", "活動家")]
# how often each type appears (meetings dominate news about diplomacy)
TYPE_WEIGHTS = {"CONSULT": 30, "AGREE": 6, "SUPPORT": 6, "CONCEDE": 1, "COOPERATE": 6, "AID": 3,
                "RETREAT": 1, "REQUEST": 8, "ACCUSE": 10, "REJECT": 4, "THREATEN": 5, "PROTEST": 2,
                "SANCTION": 5, "MOBILIZE": 6, "COERCE": 3, "ASSAULT": 4}
assert set(TYPE_WEIGHTS) == set(PLOVER_TYPES)


def _actors() -> list[dict]:
    out = [{"id": s, "country": s, "text": s + "政府"} for s in STATES]
    out += [{"id": n, "country": c, "text": n} for n, c in PEOPLE]
    out += [{"id": n, "country": c, "text": n} for n, c in ORGS]
    out += [{"id": i, "country": c, "text": t} for i, c, t in UNNAMED]
    return out


def generate(n_docs: int, seed: int) -> list[tuple[Document, list[Event]]]:
    """``n_docs`` documents with their events, deterministic for a seed."""
    rnd = random.Random(seed)
    actors = _actors()
    # a skew towards the first actors (the news is about a few states and leaders)
    actor_weights = [1.0 / (i + 1) ** 0.7 for i in range(len(actors))]
    types, type_weights = zip(*TYPE_WEIGHTS.items())
    n_pool = max(10, int(n_docs * 0.9))
    pool = []
    for _ in range(n_pool):
        type_ = rnd.choices(types, type_weights)[0]
        src = rnd.choices(actors, actor_weights)[0]
        tgt = src
        while tgt is src:
            tgt = rnd.choices(actors, actor_weights)[0]
        year = rnd.randint(2015, 2025)
        month = rnd.randint(1, 12)
        day = rnd.randint(1, 28)
        mode = rnd.choice(["meet", "visit", "phone", "letter", None]) if type_ == "CONSULT" else None
        pool.append((type_, src, tgt, year, month, day, mode))
    # report counts follow a heavy tail: a few interactions are in many documents
    pool_weights = [1.0 / (i + 1) ** 0.8 for i in range(n_pool)]
    rnd.shuffle(pool_weights)

    corpus: list[tuple[Document, list[Event]]] = []
    for i in range(n_docs):
        doc_id = f"doc{i:05d}"
        if corpus and rnd.random() < 0.05:
            # a reprint of an earlier article: same events, marked duplicate
            orig, orig_events = corpus[rnd.randrange(len(corpus))]
            doc = Document(doc_id, orig.text + f"(転載 {i})", title=orig.title, published=orig.published,
                           publisher="転載サイト", duplicate_of=orig.duplicate_of or orig.id)
            events = [Event(doc_id, e.type, e.status, e.source, e.target, e.evidence, mode=e.mode, date=e.date,
                            mentions=[Mention(doc_id, m.start, m.end) for m in e.mentions])
                      for e in orig_events]
            corpus.append((doc, events))
            continue
        picks = rnd.choices(range(n_pool), pool_weights, k=rnd.randint(1, 5))
        events = []
        text_parts = []
        latest = (2015, 1, 1)
        for k, p in enumerate(dict.fromkeys(picks)):
            type_, src, tgt, year, month, day, mode = pool[p]
            if type_ in SYMMETRIC_TYPES and rnd.random() < 0.5:
                src, tgt = tgt, src
            r = rnd.random()
            date = f"{year}-{month:02d}-{day:02d}" if r < 0.75 else f"{year}-{month:02d}" if r < 0.95 else None
            s = rnd.random()
            status = "occurred" if s < 0.8 else "planned" if s < 0.93 else "possible" if s < 0.98 else "denied"
            sentence = f"{src['text']}が{tgt['text']}に{type_}した({year}年{month}月{day}日)。"
            start = sum(len(t) for t in text_parts)
            text_parts.append(sentence)
            events.append(Event(doc_id, type_, status, [src], [tgt], sentence, mode=mode, date=date,
                                mentions=[Mention(doc_id, start, start + len(sentence))]))
            latest = max(latest, (year, month, day))
        text = f"記事{i}。" + "".join(text_parts)
        published = f"{latest[0]}-{latest[1]:02d}-{min(latest[2] + 1, 28):02d}"
        corpus.append((Document(doc_id, text, title=f"記事{i}", published=published, publisher="通信社"),
                       events))
    return corpus


class _MergeClock:
    """Times the merge step inside ingest: the candidate query and merge.choose."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._execute = store_module.Connection.execute
        self._choose = merge.choose

    def __enter__(self) -> "_MergeClock":
        clock = self
        execute, choose = self._execute, self._choose

        def timed_execute(conn, sql, params=None):
            if not sql.startswith("SELECT id, type, dyad_key"):
                return execute(conn, sql, params)
            t = time.perf_counter()
            try:
                return execute(conn, sql, params)
            finally:
                clock.seconds += time.perf_counter() - t

        def timed_choose(new, candidates):
            t = time.perf_counter()
            try:
                return choose(new, candidates)
            finally:
                clock.seconds += time.perf_counter() - t

        store_module.Connection.execute = timed_execute
        merge.choose = timed_choose
        return self

    def __exit__(self, *exc: object) -> None:
        store_module.Connection.execute = self._execute
        merge.choose = self._choose


def _time(fn, repeat: int) -> tuple[float, float, float, int]:
    """(first, median, worst) in ms, and the result size."""
    t = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t) * 1000
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    size = len(result) if hasattr(result, "__len__") else 0
    return first, statistics.median(runs), max(runs), size


def queries(store: Store) -> list[tuple[str, object]]:
    return [
        ("events (all)", lambda: store.events()),
        ("events --limit 100", lambda: store.events(limit=100)),
        ("events --limit 100 --offset 5000", lambda: store.events(limit=100, offset=5000)),
        ("events --actor PRK", lambda: store.events(actor="PRK")),
        ("events --actor 'Kim Jong Un'", lambda: store.events(actor="Kim Jong Un")),
        ("events --type CONSULT --since 2024-01 --until 2024-12", lambda: store.events(
            type="CONSULT", since="2024-01", until="2024-12")),
        ("events --status planned", lambda: store.events(status="planned")),
        ("events --country CHN", lambda: store.events(country="CHN")),
        ("events --dyad PRK --dyad RUS", lambda: store.events(dyad=("PRK", "RUS"))),
        ("events --min-sources 5", lambda: store.events(min_sources=5)),
        ("events --actor USA --type SANCTION --min-sources 2", lambda: store.events(
            actor="USA", type="SANCTION", min_sources=2)),
        ("timeline PRK", lambda: store.timeline("PRK")),
        ("timeline PRK RUS", lambda: store.timeline("PRK", "RUS")),
        ("actors --limit 20", lambda: store.actors(20)),
        ("graph (json)", lambda: actor_graph(store).edges),
        ("graph (graphml text)", lambda: to_graphml(actor_graph(store))),
        ("graph --since 2024", lambda: actor_graph(store, EventFilter(since="2024")).edges),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", help="database file (default: a temporary file, removed after)")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--queries-only", action="store_true", help="only time the queries of an existing --db")
    args = ap.parse_args()

    load_before = _load()
    if args.queries_only:
        if not args.db or not os.path.exists(args.db):
            sys.exit("--queries-only needs an existing --db FILE")
        with Store(args.db) as store:
            results = [(name, *_time(fn, args.repeat)) for name, fn in queries(store)]
            counts = store.counts()
        print(f"# store queries: {counts}, duckdb {_duckdb_version()}; load average {load_before} → {_load()}")
        _print_queries(results)
        return

    tmp = None
    if args.db:
        path = args.db
        if os.path.exists(path):
            sys.exit(f"{path}: exists; give a new file")
    else:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "bench.duckdb")

    # 1. generate
    t = time.perf_counter()
    corpus = generate(args.docs, args.seed)
    t_generate = time.perf_counter() - t
    n_reports = sum(len(evs) for _, evs in corpus)
    n_reprints = sum(1 for d, _ in corpus if d.duplicate_of)

    # 2. ingest
    added = merged = mentions = 0
    with Store(path) as store:
        with _MergeClock() as clock:
            t = time.perf_counter()
            for doc, events in corpus:
                r = store.ingest(doc, events)
                added += r.events_added
                merged += r.events_merged
                mentions += r.mentions_added
            t_ingest = time.perf_counter() - t
        # 3. checkpoint
        t = time.perf_counter()
        store.write(lambda c: None)
        store._raw.execute("CHECKPOINT")
        t_checkpoint = time.perf_counter() - t
        counts = store.counts()
        # idempotence: a second pass over the first 500 documents adds nothing
        probe = corpus[:500]
        t = time.perf_counter()
        again = sum(store.ingest(d, e).document_added for d, e in probe)
        t_again = (time.perf_counter() - t) / len(probe) * 1000
        assert again == 0
        # what `gaiko run` asks before it parses a document
        t = time.perf_counter()
        known = sum(store.has_document(content_hash_of(d.text)) for d, _ in probe)
        t_known = (time.perf_counter() - t) / len(probe) * 1000
        assert known == len(probe)
        size = os.path.getsize(path)

        # 4. queries
        results = [(name, *_time(fn, args.repeat)) for name, fn in queries(store)]

    print(f"# store benchmark: {args.docs} documents, seed {args.seed}, duckdb {_duckdb_version()},"
          f" python {sys.version.split()[0]}; load average {load_before} → {_load()}")
    print()
    print("| stage | seconds | per document |")
    print("|---|---:|---:|")
    print(f"| generate (records in code) | {t_generate:.2f} | {t_generate / args.docs * 1000:.2f} ms |")
    print(f"| ingest (total, one transaction per document) | {t_ingest:.2f} |"
          f" {t_ingest / args.docs * 1000:.2f} ms |")
    print(f"| ↳ of which merge (candidate query + choose) | {clock.seconds:.2f} |"
          f" {clock.seconds / args.docs * 1000:.2f} ms |")
    print(f"| ↳ of which writes and the rest | {t_ingest - clock.seconds:.2f} |"
          f" {(t_ingest - clock.seconds) / args.docs * 1000:.2f} ms |")
    print(f"| checkpoint | {t_checkpoint:.2f} | |")
    print(f"| re-ingest of a stored document (skipped by hash) | | {t_again:.2f} ms |")
    print(f"| `has_document` of a stored document (gaiko run asks it first) | | {t_known:.2f} ms |")
    print()
    print(f"documents {counts['documents']} ({n_reprints} reprints); event reports {n_reports} →"
          f" events {counts['events']} (added {added}, merged {merged}); mentions {counts['mentions']};"
          f" database {size / 1e6:.1f} MB")
    _print_queries(results)
    if tmp is not None:
        tmp.cleanup()


def _print_queries(results: list[tuple]) -> None:
    print()
    print("| query | rows | first ms | median ms | worst ms | median < 100 ms |")
    print("|---|---:|---:|---:|---:|:-:|")
    for name, first, median, worst, n in results:
        print(f"| `{name}` | {n} | {first:.1f} | {median:.1f} | {worst:.1f} | {'yes' if median < 100 else 'NO'} |")


def _load() -> str:
    """The 1-minute load average (the machine may be shared: figures are only comparable at similar load)."""
    return f"{os.getloadavg()[0]:.2f}"


def _duckdb_version() -> str:
    import duckdb

    return duckdb.__version__


if __name__ == "__main__":
    main()
