"""Cooperation and conflict per PLOVER type: the one table gaiko scores with.

Each PLOVER type gets a score on a -1 (most conflictual) … +1 (most cooperative)
scale, in the spirit of the Goldstein scale (-10 … +10, divided by ten) but
coarse, because PLOVER types are coarse.  ``gaiko graph`` uses it for the
cooperation–conflict score of each edge (the mean score of the events between
two actors), and ``gaiko timeline --plot`` stacks and colours the bars by it.

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

The sign splits the types into cooperative (score > 0) and conflictual
(score < 0); REQUEST sits just below zero.  The values are the same as the web
layer's (``gaiko/web/plover.py``), which should import them from here.
"""

from __future__ import annotations

from collections.abc import Iterable

from gaiko.records import PLOVER_TYPES

#: The cooperation (+) / conflict (-) score of each PLOVER type, -1 … +1.
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

#: One colour per type for stacked charts: cooperative types in cool colours (blues,
#: a purple, a teal, greens), conflictual ones in oranges and reds, REQUEST grey.
#: The three commonest cooperative types, CONSULT (light blue), SUPPORT (teal) and
#: AGREE (purple), differ in hue, not only in lightness, so they can be told apart
#: in a stacked bar.
TYPE_COLOURS: dict[str, str] = {
    "AID": "#08306b",
    "COOPERATE": "#2171b5",
    "AGREE": "#6a51a3",
    "CONCEDE": "#238b45",
    "SUPPORT": "#1b9e9e",
    "RETREAT": "#a1d99b",
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


#: The quad class of each type, numbered as GDELT's and ICEWS's ``QuadClass``:
#: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
#: conflict.  Each PLOVER type takes the class of the CAMEO root codes it
#: gathers (PLOVER's CAMEO crosswalk): REQUEST is CAMEO 02 "appeal", verbal
#: cooperation in CAMEO's quads though gaiko scores it just below zero;
#: CONCEDE and RETREAT are 08 "yield"; PROTEST, MOBILIZE and SANCTION are 14, 15
#: and 16, material conflict.
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
assert set(QUAD_CLASS) == set(PLOVER_TYPES)

#: The names of the quad classes.
QUAD_NAMES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                              4: "material conflict"}


def quad_class(type_: str) -> int | None:
    """The quad class (1–4, see :data:`QUAD_CLASS`) of a PLOVER type, None for an unknown type."""
    return QUAD_CLASS.get(type_)


def score(type_: str) -> float:
    """The cooperation (+) / conflict (-) score of a PLOVER type (0 for an unknown type)."""
    return SCORES.get(type_, 0.0)


def mean_score(types: Iterable[str]) -> float:
    """The mean score of a sequence of types (0 for none)."""
    values = [score(t) for t in types]
    return sum(values) / len(values) if values else 0.0
