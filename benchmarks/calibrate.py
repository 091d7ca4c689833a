"""Fit gaiko's event confidence on the development gold and print its reliability table.

Each development set (seeds, livedoor, news) is extracted as `gaiko eval` extracts
it; every system event is labelled right when the one-to-one actor-level matching
of its document (gaiko.evaluate, shared/spec/EVENTS.md) pairs it with a gold event.
A logistic regression over the features of gaiko.confidence (what each event rests
on) is fitted to those labels (Newton's method, a small L2 penalty).  Printed:
the cross-validated Brier score of every candidate feature set tried (5 folds by
document), and two reliability tables: one cross-validated (each event scored by
weights fitted without its document's fold: the honest one) and one in-sample
(the weights gaiko ships, fitted on all three sets).

    .venv/bin/python benchmarks/calibrate.py                       # extract, fit, print
    .venv/bin/python benchmarks/calibrate.py --write               # also write gaiko/confidence/data/weights.yaml
    .venv/bin/python benchmarks/calibrate.py --cache /tmp/cal.json # keep the extraction for refits
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from pathlib import Path

import numpy as np

import zlib

from gaiko.confidence import CANDIDATES, FEATURES, WEIGHTS, features, probability

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEV_SETS = ("seeds", "livedoor", "news")
L2 = 1.0
FOLDS = 5
#: The feature sets compared (the first is what gaiko.confidence uses).
TRIED = (FEATURES, CANDIDATES, ("unnamed", "no_target"), ("guessed", "unnamed", "no_target"),
         ("guessed", "unnamed", "no_target", "long", "parsed", "modal"))


def extract(name: str) -> list[tuple[dict[str, float], int, str]]:
    """(features, right, document) for each event gaiko extracts from one dev set."""
    from gaiko.documents import load_documents
    from gaiko.evaluate import actor_match, max_matching, per_document, read_gold
    from gaiko.options import Options
    from gaiko.pipeline import extract_documents
    from gaiko.records import Document

    options = Options(progress=False)
    docs = [d for d in load_documents([str(SHARED / "corpus" / name)], options) if isinstance(d, Document)]
    system, read = [], []
    for x in extract_documents(docs, options):
        read.append(x.document.id)
        system.extend({**ev.to_dict(explain=True)} for ev in x.events)
    out = []
    for gold, sys in per_document(read_gold(str(SHARED / "gold" / f"{name}.jsonl")), system, docs=read):
        right = {j for _, j in max_matching(gold, sys, actor_match)}
        out += [(features(e, e.get("basis"), CANDIDATES), int(j in right), e["doc"]) for j, e in enumerate(sys)]
    return out


def fit(rows: list, names: tuple[str, ...] = FEATURES) -> dict[str, float]:
    """Logistic regression weights (intercept unpenalised) over the features ``names``."""
    x = np.array([[1.0] + [f[k] for k in names] for f, *_ in rows])
    y = np.array([r for _, r, *_ in rows], dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"intercept": round(float(w[0]), 4), **{k: round(float(v), 4) for k, v in zip(names, w[1:])}}


def cross_validated(rows: list, names: tuple[str, ...]) -> list[tuple[float, int]]:
    """(confidence, right) of each event, scored by weights fitted without its document's fold."""
    fold = [zlib.crc32(doc.encode()) % FOLDS for _, _, doc in rows]
    out = []
    for k in range(FOLDS):
        w = fit([r for r, f in zip(rows, fold) if f != k], names)
        out += [(probability({n: x[n] for n in names}, w), right) for (x, right, _), f in zip(rows, fold) if f == k]
    return out


def brier(scored: list[tuple[float, int]]) -> float:
    return sum((c - r) ** 2 for c, r in scored) / len(scored)


def table(scored: list[tuple[float, int]]) -> str:
    lines = ["| confidence | events | right | share right | mean confidence |", "|---|---:|---:|---:|---:|"]
    for lo in np.arange(0.0, 1.0, 0.1):
        hi = lo + 0.1
        cell = [(c, r) for c, r in scored if lo <= c < hi or (hi >= 1.0 and c == 1.0)]
        if not cell:
            lines.append(f"| {lo:.1f}–{hi:.1f} | 0 | | | |")
            continue
        right = sum(r for _, r in cell)
        lines.append(f"| {lo:.1f}–{hi:.1f} | {len(cell)} | {right} | {right / len(cell):.2f} |"
                     f" {sum(c for c, _ in cell) / len(cell):.2f} |")
    total = sum(r for _, r in scored)
    lines.append(f"| all | {len(scored)} | {total} | {total / len(scored):.2f} |"
                 f" {sum(c for c, _ in scored) / len(scored):.2f} |")
    return "\n".join(lines) + f"\n\nBrier score {brier(scored):.3f} (always guessing the base rate: " \
        f"{(total / len(scored)) * (1 - total / len(scored)):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted weights into the package")
    parser.add_argument("--cache", help="JSON file keeping the extracted features between runs")
    args = parser.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        sets = {k: [tuple(row) for row in v] for k, v in json.loads(cache.read_text()).items()}
    else:
        sets = {name: extract(name) for name in DEV_SETS}
        if cache is not None:
            cache.write_text(json.dumps(sets))
    for name, rows in sets.items():
        print(f"{name}: {len(rows)} events, {sum(r for _, r, _ in rows)} right at actor level")
    every = [row for rows in sets.values() for row in rows]
    base = sum(r for _, r, _ in every) / len(every)
    print(f"\nBrier score, {FOLDS}-fold cross-validated by document (the base rate alone: {base * (1 - base):.4f}):")
    for names in TRIED:
        print(f"  {brier(cross_validated(every, names)):.4f}  {', '.join(names)}")
    print(f"\nCross-validated ({FOLDS} folds by document; features: {', '.join(FEATURES)}):\n")
    print(table(cross_validated(every, FEATURES)))
    weights = fit(every)
    print("\nIn sample (the shipped weights, fitted on all three sets):\n")
    print(table([(probability({n: x[n] for n in FEATURES}, weights), r) for x, r, _ in every]))
    print("\nweights:", json.dumps(weights))
    if args.write:
        WEIGHTS.write_text(
            "# Logistic-regression weights of gaiko.confidence, fitted by benchmarks/calibrate.py on the\n"
            f"# development gold (seeds, livedoor, news; {sum(len(v) for v in sets.values())} system events\n"
            f"# labelled right or wrong at actor level) on {_dt.date.today().isoformat()}. Regenerate; do not edit.\n"
            f"weights: {json.dumps(weights)}\n", encoding="utf-8")
        print(f"written to {WEIGHTS}")


if __name__ == "__main__":
    main()
