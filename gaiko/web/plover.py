"""Cooperation and conflict, as the web layer shows them.

The score of each PLOVER type (-1 most conflictual … +1 most cooperative) and the
colour of each type are defined once, in :mod:`gaiko.plover` (the table is in its
docstring and at ``/api/types``): cooperative AGREE, CONSULT, SUPPORT, CONCEDE,
COOPERATE, AID, RETREAT; REQUEST just below zero; conflictual ACCUSE, REJECT,
THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.  This module adds what
only the pages need: a word for a score and a diverging colour for the network's
edges (red for conflict, grey for neutral, blue for cooperation).
"""

from __future__ import annotations

from gaiko.plover import CONFLICTUAL, COOPERATIVE, SCORES, STACK_ORDER, TYPE_COLOURS, mean_score, score

__all__ = ["CONFLICTUAL", "COOPERATIVE", "SCORES", "STACK_ORDER", "TYPE_COLOURS", "leaning", "mean_score",
           "score", "score_colour"]


def leaning(value: float) -> str:
    """``cooperation``, ``conflict`` or ``neutral`` for a score."""
    if value > 0.05:
        return "cooperation"
    if value < -0.05:
        return "conflict"
    return "neutral"


def score_colour(value: float) -> str:
    """A diverging colour for a score: red (-1) through grey (0) to blue (+1)."""
    value = max(-1.0, min(1.0, value))
    grey = (150, 150, 150)
    end = (33, 113, 181) if value >= 0 else (203, 24, 29)
    t = abs(value)
    r, g, b = (round(c + (e - c) * t) for c, e in zip(grey, end))
    return f"#{r:02x}{g:02x}{b:02x}"
