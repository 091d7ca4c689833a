"""Cooperation and conflict per PLOVER type: the one mapping the web layer uses.

Each type gets a score on a -1 (most conflictual) … +1 (most cooperative) scale,
in the spirit of the Goldstein scale but coarse, because PLOVER types are coarse:

========== ===== =========================================================
type       score reading
========== ===== =========================================================
AID         +0.8 material help
COOPERATE   +0.7 working together
AGREE       +0.6 an agreement reached
CONCEDE     +0.6 giving way (easing sanctions, releasing people)
SUPPORT     +0.5 verbal support, praise, thanks
RETREAT     +0.4 withdrawing forces or a demand
CONSULT     +0.3 meeting, visiting, phoning, writing
REQUEST     -0.1 asking: neutral-ish, often a demand
ACCUSE      -0.4 criticism, formal protest between governments
REJECT      -0.4 refusing, denying
PROTEST     -0.5 demonstrations, strikes, boycotts
THREATEN    -0.6 warnings and threats
MOBILIZE    -0.6 exercises, missile tests as shows of force, deployments
SANCTION    -0.7 sanctions, expulsions
COERCE      -0.8 seizures, arrests, detentions
ASSAULT     -1.0 attacks
========== ===== =========================================================

The sign splits the types into cooperative (score > 0) and conflictual (score < 0);
REQUEST sits just below zero.  Colours follow the score: blues for cooperation,
reds for conflict, grey for REQUEST.  Edges of the network are coloured by the
mean score of the events between two actors.
"""

from __future__ import annotations

from collections.abc import Iterable

from gaiko.records import PLOVER_TYPES

SCORES: dict[str, float] = {
    "AGREE": 0.6,
    "CONSULT": 0.3,
    "SUPPORT": 0.5,
    "CONCEDE": 0.6,
    "COOPERATE": 0.7,
    "AID": 0.8,
    "RETREAT": 0.4,
    "REQUEST": -0.1,
    "ACCUSE": -0.4,
    "REJECT": -0.4,
    "THREATEN": -0.6,
    "PROTEST": -0.5,
    "SANCTION": -0.7,
    "MOBILIZE": -0.6,
    "COERCE": -0.8,
    "ASSAULT": -1.0,
}
assert set(SCORES) == set(PLOVER_TYPES)

COOPERATIVE = tuple(t for t in PLOVER_TYPES if SCORES[t] > 0)
CONFLICTUAL = tuple(t for t in PLOVER_TYPES if SCORES[t] < 0)

#: One colour per type for stacked charts: cooperative types in blues and greens,
#: conflictual ones in oranges and reds, REQUEST grey.
TYPE_COLOURS: dict[str, str] = {
    "AID": "#08519c",
    "COOPERATE": "#2171b5",
    "AGREE": "#4292c6",
    "CONCEDE": "#41ab5d",
    "SUPPORT": "#6baed6",
    "RETREAT": "#74c476",
    "CONSULT": "#9ecae1",
    "REQUEST": "#bdbdbd",
    "ACCUSE": "#fdae6b",
    "REJECT": "#fd8d3c",
    "PROTEST": "#f16913",
    "THREATEN": "#ef3b2c",
    "MOBILIZE": "#d94801",
    "SANCTION": "#cb181d",
    "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
}
assert set(TYPE_COLOURS) == set(PLOVER_TYPES)

#: Stacking order in charts: most cooperative at the bottom, most conflictual on top.
STACK_ORDER: tuple[str, ...] = tuple(sorted(PLOVER_TYPES, key=lambda t: -SCORES[t]))


def score(type_: str) -> float:
    """The cooperation (+) / conflict (-) score of a PLOVER type (0 for an unknown type)."""
    return SCORES.get(type_, 0.0)


def mean_score(types: Iterable[str]) -> float:
    values = [score(t) for t in types]
    return sum(values) / len(values) if values else 0.0


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
    rgb = tuple(round(g + (e - g) * t) for g, e in zip(grey, end))
    return "#%02x%02x%02x" % rgb
