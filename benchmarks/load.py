"""The server under load (issue 10): 50 concurrent clients on /api/events for 60 s.

    .venv/bin/python benchmarks/load.py [--clients 50] [--seconds 60] [--corpus ../shared/corpus/seeds]

Ingests the corpus into a fresh store with ``gaiko run``, starts ``gaiko serve``
on 127.0.0.1 (a free port, a token), then runs the clients in this process
(asyncio + httpx, loopback only, every loop bounded by the deadline), each
asking /api/events with random filters. Meanwhile one more client posts the
corpus articles to POST /api/documents (with the token), to show the server
keeps answering during an ingest. Prints throughput, p50/p95/p99 latency and
errors (non-2xx or transport errors; there must be none), overall and while an
ingest was in flight; exits 1 if there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
GAIKO = [sys.executable, "-m", "gaiko.cli"]
ACTORS = ["PRK", "RUS", "JPN", "USA", "KOR", "CHN", "Kim Jong Un", "Vladimir Putin"]
TYPES = ["CONSULT", "ACCUSE", "AGREE", "SANCTION", "SUPPORT", "REQUEST", "AID", "MOBILIZE", "THREATEN"]
STATUSES = ["occurred", "planned", "possible", "denied"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def random_filters(rng: random.Random) -> dict[str, str]:
    params: dict[str, str] = {}
    if rng.random() < 0.5:
        params["actor"] = rng.choice(ACTORS)
    if rng.random() < 0.4:
        params["type"] = rng.choice(TYPES)
    if rng.random() < 0.3:
        params["status"] = rng.choice(STATUSES)
    if rng.random() < 0.3:
        params["since"] = rng.choice(["2023", "2024-01", "2024-06-01"])
    if rng.random() < 0.2:
        params["until"] = rng.choice(["2025", "2025-12", "2026-01-01"])
    if rng.random() < 0.2:
        params["min_sources"] = "2"
    params["limit"] = str(rng.choice([10, 50, 100]))
    return params


class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.during_ingest: list[float] = []
        self.errors: list[str] = []
        self.ingesting = False
        self.ingested = 0
        self.ingest_errors: list[str] = []


async def client(base: str, deadline: float, stats: Stats, seed: int) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                response = await http.get("/api/events", params=random_filters(rng))
                ok = response.status_code == 200 and "events" in response.json()
                if not ok:
                    stats.errors.append(f"{response.status_code}: {response.text[:100]}")
            except httpx.HTTPError as exc:
                stats.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            took = time.perf_counter() - started
            stats.latencies.append(took)
            if stats.ingesting:
                stats.during_ingest.append(took)


async def ingester(base: str, deadline: float, stats: Stats, token: str, articles: list[Path]) -> None:
    """Post each article (then copies with a new first line, so they are new documents) until the deadline."""
    async with httpx.AsyncClient(base_url=base, timeout=300) as http:
        n = 0
        while time.monotonic() < deadline - 5:
            article = articles[n % len(articles)]
            text = article.read_text(encoding="utf-8")
            if n >= len(articles):
                text = f"（第{n}報）\n" + text
            stats.ingesting = True
            try:
                response = await http.post("/api/documents", data={"text": text, "published": "2024-06-01"},
                                           headers={"Authorization": f"Bearer {token}"})
                if response.status_code >= 400:
                    stats.ingest_errors.append(f"{response.status_code}: {response.text[:100]}")
                else:
                    stats.ingested += 1
            except httpx.HTTPError as exc:
                stats.ingest_errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                stats.ingesting = False
            n += 1
            await asyncio.sleep(0.5)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else float("nan")


async def main_async(base: str, clients: int, seconds: float, token: str, articles: list[Path]) -> Stats:
    stats = Stats()
    started = time.monotonic()
    deadline = started + seconds
    tasks = [client(base, deadline, stats, seed) for seed in range(clients)]
    tasks.append(ingester(base, deadline, stats, token, articles))
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started
    n = len(stats.latencies)
    print(f"clients {clients}, {elapsed:.0f} s: {n:,} requests, {n / elapsed:,.0f} req/s, "
          f"p50 {pct(stats.latencies, 50):.0f} ms, p95 {pct(stats.latencies, 95):.0f} ms, "
          f"p99 {pct(stats.latencies, 99):.0f} ms, errors {len(stats.errors)}")
    d = stats.during_ingest
    print(f"while an ingest was in flight: {len(d):,} requests answered, p50 {pct(d, 50):.0f} ms, "
          f"p95 {pct(d, 95):.0f} ms; documents ingested {stats.ingested}, ingest errors {len(stats.ingest_errors)}")
    for e in (stats.errors + stats.ingest_errors)[:5]:
        print("  error:", e)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "seeds"))
    args = parser.parse_args()
    articles = sorted(Path(args.corpus).glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.duckdb")
        subprocess.run([*GAIKO, "run", args.corpus, "--db", db], check=True, stdout=subprocess.DEVNULL)
        port, token = free_port(), secrets.token_hex(8)
        server = subprocess.Popen([*GAIKO, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
                                   "--token", token], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):  # up to 30 s to come up
                try:
                    if httpx.get(base + "/api/events", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise SystemExit("gaiko serve did not come up")
            stats = asyncio.run(main_async(base, args.clients, args.seconds, token, articles))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 1 if stats.errors or stats.ingest_errors else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
