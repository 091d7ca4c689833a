"""How sure gaiko is of each event: a confidence between 0 and 1.

No event dataset says how sure it is of each record.  gaiko knows what each
report rests on, and a logistic model turns that into the probability that the
report is right (matches a gold event at actor level, shared/spec/EVENTS.md).
What the pipeline records for each report (its ``basis``) and what the model uses:

- ``guessed``: an actor is not named in the sentence itself but carried over
  from an earlier one (the topic, the other side of a meeting) — used;
- ``unnamed``: an actor has no id (「中国人船員」), known only by its country — used;
- ``no_target``: nobody on the receiving side (a missile test) — used;
- ``long``: the sentence runs past 120 characters — used;
- ``parsed`` (roles from the dependency parse, not the token pattern), the
  modality (planned, possible, denied), several events in one sentence, and the
  quad class were tried as features and dropped: on the development gold they
  made the cross-validated fit worse (``benchmarks/calibrate.py`` says by how much).

The weights live in ``data/weights.yaml``, fitted on the development gold by
``benchmarks/calibrate.py``, which also prints the reliability table kept in
``benchmarks/README.md``.  Reports of one event from several documents are
independent evidence: the store combines their confidences as a noisy OR,
``1 - (1 - c1)(1 - c2)…``, counting a reprint as its original (:func:`combine`).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

from gaiko.plover import quad_class

from ..yamldata import safe_load

WEIGHTS = Path(__file__).parent / "data" / "weights.yaml"
#: The model's features; :data:`CANDIDATES` are all those :func:`features` can compute.
FEATURES = ("guessed", "unnamed", "no_target", "long")
CANDIDATES = ("parsed", "guessed", "unnamed", "no_target", "modal", "crowded", "long", "quad2", "quad3", "quad4")
LONG_SENTENCE = 120


@functools.lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The model's weights (``intercept`` and one per feature)."""
    with open(WEIGHTS, encoding="utf-8") as fh:
        data = safe_load(fh)
    w = {k: float(v) for k, v in (data.get("weights") or {}).items()}
    missing = {"intercept", *FEATURES} - set(w)
    unknown = set(w) - {"intercept", *FEATURES}
    if unknown:
        raise ValueError(f"{WEIGHTS}: weights for unknown features {', '.join(sorted(unknown))}")
    if missing:
        raise ValueError(f"{WEIGHTS}: weights missing for {', '.join(sorted(missing))}")
    return w


def basis_of(event: Any, *, parsed: bool, sentence: str, events_in_sentence: int) -> dict[str, Any]:
    """What a report rests on, read when the pipeline makes it (see the module docstring)."""
    actors = [*event.source, *event.target]
    return {
        "parsed": parsed,
        "guessed": any(a.get("text") and a["text"] not in sentence for a in actors),
        "events_in_sentence": events_in_sentence,
        "sentence_chars": len(sentence),
    }


def features(event: dict[str, Any], basis: dict[str, Any] | None = None,
             names: tuple[str, ...] = FEATURES) -> dict[str, float]:
    """The model's inputs for one report (an event record and, if known, its basis;
    without a basis, the features it holds count as absent); ``names`` picks them
    from :data:`CANDIDATES`."""
    basis = basis or {}
    actors = [*event.get("source", []), *event.get("target", [])]
    quad = quad_class(event.get("type", "")) or 1
    chars = basis.get("sentence_chars", len(event.get("evidence") or ""))
    every = {
        "parsed": float(bool(basis.get("parsed"))),
        "guessed": float(bool(basis.get("guessed"))),
        "unnamed": float(any(a.get("id") is None for a in actors)),
        "no_target": float(not event.get("target")),
        "modal": float(event.get("status", "occurred") != "occurred"),
        "crowded": float(basis.get("events_in_sentence", 1) > 1),
        "long": float(chars > LONG_SENTENCE),
        "quad2": float(quad == 2),
        "quad3": float(quad == 3),
        "quad4": float(quad == 4),
    }
    return {k: every[k] for k in names}


def probability(x: dict[str, float], w: dict[str, float] | None = None) -> float:
    """The logistic model's probability for features ``x``."""
    w = w or weights()
    z = w["intercept"] + sum(w[k] * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-z))


def confidence(event: dict[str, Any], basis: dict[str, Any] | None = None) -> float:
    """The confidence of one report, rounded to 3 places."""
    return round(probability(features(event, basis)), 3)


def combine(a: float | None, b: float | None) -> float | None:
    """Two independent reports of one event: noisy OR."""
    if a is None or b is None:
        return a if b is None else b
    return round(1.0 - (1.0 - a) * (1.0 - b), 3)
