"""Quality gate: the development sets' F1 floors, pinned with the gold they were measured on.

`python tests/eval_gate.py` prints the current figures; `--update` raises the pinned
floors to them, and refuses to lower any unless `--allow-regression` is given. The
floors live in tests/eval_baseline.json with a sha256 of each gold file, so a change
to the gold is noticed rather than silently scored against old floors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASELINE = Path(__file__).with_name("eval_baseline.json")
SYNTHETIC = Path(__file__).with_name("data") / "synthetic"
SYNTHETIC_G = Path(__file__).with_name("data") / "synthetic_g"
SYNTHETIC_H = Path(__file__).with_name("data") / "synthetic_h"
SYNTHETIC_I = Path(__file__).with_name("data") / "synthetic_i"
SYNTHETIC_J = Path(__file__).with_name("data") / "synthetic_j"
#: (gold, corpus) of each set: the shared ones beside the repository, and the project's own
SETS = {"seeds": (SHARED / "gold/seeds.jsonl", SHARED / "corpus/seeds"),
        "livedoor": (SHARED / "gold/livedoor.jsonl", SHARED / "corpus/livedoor"),
        "news": (SHARED / "gold/news.jsonl", SHARED / "corpus/news"),
        # the blind check: only its aggregate figures are pinned here, never its events
        "news-check": (SHARED / "gold/news-check.jsonl", SHARED / "corpus/news-check"),
        # hand-written for the project (tests/data/synthetic/README.md): present in every clone
        "synthetic": (SYNTHETIC / "gold.jsonl", SYNTHETIC / "corpus"),
        # a second one (tests/data/synthetic_g/README.md), on topics none of the others share
        "synthetic-g": (SYNTHETIC_G / "gold.jsonl", SYNTHETIC_G / "corpus"),
        # a third (tests/data/synthetic_h/README.md), written to measure unseen text again
        "synthetic-h": (SYNTHETIC_H / "gold.jsonl", SYNTHETIC_H / "corpus"),
        # a fourth (tests/data/synthetic_i/README.md), written on the twentieth day to measure unseen text again
        "synthetic-i": (SYNTHETIC_I / "gold.jsonl", SYNTHETIC_I / "corpus"),
        # a fifth (tests/data/synthetic_j/README.md), written the same day after the fourth's fixes
        "synthetic-j": (SYNTHETIC_J / "gold.jsonl", SYNTHETIC_J / "corpus")}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure(name: str) -> dict[str, float]:
    """F1 at each level and the date agreement of one development set."""
    from gaiko.documents import load_documents
    from gaiko.evaluate import evaluate_paths
    from gaiko.options import Options
    from gaiko.records import Rejected

    gold, corpus = SETS[name]
    opts = Options(progress=False)
    docs = [d for d in load_documents([str(corpus)], opts) if not isinstance(d, Rejected)]
    report = evaluate_paths(str(gold), docs, opts)
    same, matched = report.dates
    out = {level: round(s.f1, 4) for level, s in report.scores.items()}
    out["dates"] = round(same / matched, 4) if matched else 0.0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    args = parser.parse_args()
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    new = {}
    for name, (gold, _) in SETS.items():
        figures = measure(name)
        print(name, json.dumps(figures))
        old = baseline.get(name, {}).get("floors", {})
        lowered = {k: (old[k], v) for k, v in figures.items() if k in old and v < old[k]}
        if lowered and args.update and not args.allow_regression:
            print(f"refusing to lower {name} floors {lowered} without --allow-regression", file=sys.stderr)
            return 1
        new[name] = {"gold_sha256": sha256(gold), "floors": figures}
    if args.update:
        BASELINE.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
