"""Merge precision on hand-labelled pairs of dev-set events (issue 17, item 2).

``tests/data/merge_pairs.jsonl`` names pairs of gold events from two documents of
the dev sets (``../shared/gold/{seeds,livedoor,news}.jsonl``) by gold file,
document id and the event's position among that document's gold events (no text
is copied), each labelled ``same`` (one real interaction) or not.  The pairs are
the hard cases: every pair shares the type and, under the old merge rule (null
id = its country), the actors.  This applies :func:`gaiko.identity.same_event` to
each pair and prints merge precision (of the pairs it merges, how many are one
event) and recall.

    .venv/bin/python benchmarks/merge_pairs.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "merge_pairs.jsonl"
GOLD = ROOT.parent / "shared" / "gold"


def gold_events(gold_dir: Path = GOLD) -> dict[tuple[str, str, int], dict[str, Any]]:
    """Each dev-set gold event by (gold file, document, position in the document)."""
    out = {}
    for name in ("seeds", "livedoor", "news"):
        seen: dict[str, int] = {}
        for line in (gold_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = json.loads(line)
                n = seen.get(e["doc"], 0)
                seen[e["doc"]] = n + 1
                out[(name, e["doc"], n)] = e
    return out


def score_pairs(pairs_path: Path = PAIRS, gold_dir: Path = GOLD) -> dict[str, Any]:
    from gaiko.identity import same_event

    events = gold_events(gold_dir)
    tp = fp = fn = tn = 0
    wrong = []
    for line in pairs_path.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        a = events[(p["a"]["gold"], p["a"]["doc"], p["a"]["event"])]
        b = events[(p["b"]["gold"], p["b"]["doc"], p["b"]["event"])]
        merged = same_event(a, b)
        tp += merged and p["same"]
        fp += merged and not p["same"]
        fn += not merged and p["same"]
        tn += not merged and not p["same"]
        if merged != p["same"]:
            wrong.append(p)
    return {"pairs": tp + fp + fn + tn, "same": tp + fn, "merged": tp + fp, "true_merges": tp,
            "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "wrong": wrong}


if __name__ == "__main__":
    r = score_pairs()
    print(f"{r['pairs']} pairs ({r['same']} one event): merged {r['merged']}, of which {r['true_merges']} right;"
          f" merge precision {r['precision']:.3f}, recall {r['recall']:.3f}")
    if "-v" in sys.argv:
        for p in r["wrong"]:
            print("  wrong:", json.dumps(p, ensure_ascii=False))
