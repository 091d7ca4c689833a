"""Cooperation and conflict, as the web layer shows them.

The score of each PLOVER type (-1 most conflictual … +1 most cooperative) and the
colour of each type are PLOVER facts, one line a type in ``gaiko/plover/data/types.csv``,
read by :mod:`gaiko.plover` (also served at ``/api/types``); the names below are
imported from there, never restated.  This module adds what only the pages need: a word for a score and a diverging colour for the network's
edges and nodes (red for conflict, grey for neutral, blue for cooperation; full
colour from ±0.6).
"""

from __future__ import annotations

from gaiko.plover import CONFLICTUAL, COOPERATIVE, SCORES, STACK_ORDER, TYPE_COLOURS, mean_score, score

__all__ = ["CONFLICTUAL", "COOPERATIVE", "SCORES", "STACK_ORDER", "TYPE_COLOURS", "leaning", "mean_score",
           "score", "score_colour", "tint"]


def leaning(value: float) -> str:
    """``cooperation``, ``conflict`` or ``neutral`` for a score."""
    if value > 0.05:
        return "cooperation"
    if value < -0.05:
        return "conflict"
    return "neutral"


def score_colour(value: float) -> str:
    """A diverging colour for a score: red (-1) through grey (0) to blue (+1)."""
    return _hex(_diverging(value))


def tint(value: float, strength: float = 0.3) -> str:
    """The same colour, mostly white: an opaque fill for a node."""
    return _hex(tuple(255 + (c - 255) * strength for c in _diverging(value)))


def _diverging(value: float) -> tuple[float, ...]:
    # scores of single types rarely pass ±0.8, so the colour saturates at ±0.6
    value = max(-1.0, min(1.0, value))
    grey = (150, 150, 150)
    end = (33, 113, 181) if value >= 0 else (203, 24, 29)
    t = min(1.0, abs(value) / 0.6)
    return tuple(c + (e - c) * t for c, e in zip(grey, end))


def _hex(rgb: tuple[float, ...]) -> str:
    r, g, b = (round(c) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"
