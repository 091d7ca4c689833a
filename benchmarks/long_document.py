"""One long document (issue 17, item 6): speed and memory of ``gaiko extract`` on
a single file of several megabytes, against the per-character rate of the
many-document benchmark (``benchmarks/throughput.py``).

    .venv/bin/python benchmarks/long_document.py [--mb 5] [--keep FILE]

The file is made of the bundled reports' article paragraphs
(``throughput.paragraphs``), varied as the throughput corpus varies them (actor
names swapped, day numbers redrawn) and numbered (「（第N報）」), so every line is
distinct and cleaning keeps all of them, until it holds ``--mb`` megabytes of
UTF-8.  Then ``gaiko extract FILE --published 2024-06-01`` runs in a fresh
process; the script prints wall and CPU seconds, characters per CPU second, the
peak RSS of that process and the events found, as a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import paragraphs, vary  # noqa: E402


def make_long(path: Path, mb: float, seed: int = 7) -> int:
    """Write the long document; returns its length in characters."""
    rng = random.Random(seed)
    pool = paragraphs()
    limit = int(mb * 1_000_000)
    size = chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        n = 0
        while size < limit:
            n += 1
            line = f"{vary(rng.choice(pool), rng)}（第{n}報）\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            chars += len(line)
    return chars


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--keep", help="write the document here (default: a temporary file)")
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="gaiko-long-")
    path = Path(args.keep) if args.keep else Path(folder) / "long.txt"
    chars = make_long(path, args.mb)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "gaiko.cli", "extract", str(path), "--published", "2024-06-01"],
                          capture_output=True, text=True, cwd="/")
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"gaiko extract failed: {proc.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    result = {"mb": round(path.stat().st_size / 1e6, 2), "chars": chars, "wall_s": round(wall, 1),
              "cpu_s": round(cpu, 1), "chars_per_cpu_s": round(chars / cpu), "peak_rss_mb": round(after.ru_maxrss / 1024),
              "events": len(proc.stdout.splitlines()), "load_avg": round(os.getloadavg()[0], 1)}
    for k, v in result.items():
        print(f"{k:<18}{v}")
    print(json.dumps(result))
    if not args.keep:
        path.unlink()


if __name__ == "__main__":
    main()
