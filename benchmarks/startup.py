"""Start-up: what ``gaiko extract one.txt`` spends before and during its work (issue 17, item 7).

    .venv/bin/python benchmarks/startup.py [--runs 5] [FILE]

1. the whole command, ``gaiko extract FILE`` in a fresh process, ``--runs`` times:
   wall-clock seconds and CPU seconds (user + system, from the child's rusage),
   the best run of each, and the 1-minute load average (a shared machine's
   other work stretches the wall clock, hardly the CPU time);
2. its parts, in one fresh process, in the order the command meets them: Python
   and the CLI module, the document readers, reading and cleaning the file, the
   actor dictionary, ``import spacy``, loading the GiNZA model, then the pipeline
   over the file (its first parse included).

FILE defaults to ``examples/corpus/01_singapore_summit.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "corpus" / "01_singapore_summit.txt"
# the commands run from here, so that the gaiko imported is the installed one (or PYTHONPATH's),
# never a checkout that happens to be the working directory
NEUTRAL = "/"

PARTS = r'''
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
out, t, c = [], time.perf_counter(), cpu()
def lap(name):
    global t, c
    now, now_c = time.perf_counter(), cpu()
    out.append((name, round(now - t, 3), round(now_c - c, 3)))
    t, c = now, now_c
import gaiko.cli; lap("python + import gaiko.cli")
import gaiko.documents; lap("import the document readers")
from gaiko.options import Options
from gaiko.records import Document
docs = [d for d in gaiko.documents.load_documents([sys.argv[1]], Options(progress=False)) if isinstance(d, Document)]; lap("read and clean the file")
from gaiko.actors.linker import load_linker
load_linker(()); lap("actor dictionary")
import spacy; lap("import spacy")
from gaiko.nlp.loader import load_nlp
load_nlp(); lap("load the GiNZA model")
from gaiko.pipeline import extract_documents
events = [e for x in extract_documents(docs, Options(progress=False)) for e in x.events]; lap("pipeline (first parse included)")
print(json.dumps(out))
'''


def whole(path: str, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gaiko.cli", "extract", path], check=True,
                       stdout=subprocess.DEVNULL, cwd=NEUTRAL)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    args.file = str(Path(args.file).resolve())
    walls, cpus = whole(args.file, args.runs)
    load = os.getloadavg()[0]
    print(f"gaiko extract {Path(args.file).name}: best {min(walls):.2f} s wall, {min(cpus):.2f} s CPU"
          f" (median {sorted(walls)[len(walls) // 2]:.2f} s / {sorted(cpus)[len(cpus) // 2]:.2f} s;"
          f" {args.runs} runs; load average {load:.1f})")
    parts = json.loads(subprocess.run([sys.executable, "-c", PARTS, args.file], check=True, cwd=NEUTRAL,
                                      capture_output=True, text=True).stdout)
    print(f"{'part':<34}{'wall s':>8}{'CPU s':>8}")
    for name, wall, cpu in parts:
        print(f"{name:<34}{wall:>8.2f}{cpu:>8.2f}")
    print(f"{'sum':<34}{sum(p[1] for p in parts):>8.2f}{sum(p[2] for p in parts):>8.2f}")
    print(json.dumps({"best_wall_s": round(min(walls), 2), "best_cpu_s": round(min(cpus), 2),
                      "load_avg": round(load, 1), "parts": parts}, ensure_ascii=False))


if __name__ == "__main__":
    main()
