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
(score < 0); REQUEST sits just below zero.

Every fact about a type — its score, its colour, its quad class and the sets of
types that rules and merges treat alike (symmetric, speech, said, addressed,
evaluative, aimed at a foreign state, targetless, topical) — is one line of
``data/types.csv``, read here once, at import (a 16-line table, read with the
standard library: no dictionary to load). Everything else imports these names
from this module; the web layer (``gaiko/web/plover.py``) only adds how a score
is shown.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "types.csv"


def _read_table() -> list[dict[str, str]]:
    with open(TABLE, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


_ROWS = _read_table()


def _members(column: str) -> frozenset[str]:
    return frozenset(r["type"] for r in _ROWS if r[column] == "y")


#: The PLOVER types, in the table's order.
PLOVER_TYPES: tuple[str, ...] = tuple(r["type"] for r in _ROWS)

#: The cooperation (+) / conflict (-) score of each PLOVER type, -1 … +1.
SCORES: dict[str, float] = {r["type"]: float(r["score"]) for r in _ROWS}

#: One colour per type for stacked charts: cooperative types in cool colours (blues,
#: a purple, a teal, greens), conflictual ones in oranges and reds, REQUEST grey.
TYPE_COLOURS: dict[str, str] = {r["type"]: r["colour"] for r in _ROWS}

#: The quad class of each type, numbered as GDELT's and ICEWS's ``QuadClass``:
#: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
#: conflict.  Each PLOVER type takes the class of the CAMEO root codes it
#: gathers (PLOVER's CAMEO crosswalk): REQUEST is CAMEO 02 "appeal", verbal
#: cooperation in CAMEO's quads though gaiko scores it just below zero;
#: CONCEDE and RETREAT are 08 "yield"; PROTEST, MOBILIZE and SANCTION are 14, 15
#: and 16, material conflict.
QUAD_CLASS: dict[str, int] = {r["type"]: int(r["quad"]) for r in _ROWS}

#: Types whose two sides are interchangeable (A meets B is B meets A).
SYMMETRIC_TYPES: tuple[str, ...] = tuple(r["type"] for r in _ROWS if r["symmetric"] == "y")
#: Types whose trigger names the statement itself: 「支持すると表明した」 is support given now.
SPEECH_TYPES = _members("speech")
#: Speech acts happen when they are said: the day of 「…と述べた」 is their date.
SAID_TYPES = _members("said")
#: Types said to someone: without a named addressee, the counterpart of the meeting they are said at.
ADDRESSED_TYPES = _members("addressed")
#: Types whose target may be what they are about (「…について」).
EVALUATIVE_TYPES = _members("evaluative")
#: Types that, with no addressee, aim at the foreign state their sentence names.
AIMED_AT_FOREIGN = _members("aimed")
#: Types that stand without a target (a test launch nobody is named as aimed at).
TARGETLESS = _members("targetless")
#: Types that, naming one side only, take the other state of the pair their document is about.
TOPICAL = _members("topical")

COOPERATIVE = tuple(t for t in PLOVER_TYPES if SCORES[t] > 0)
CONFLICTUAL = tuple(t for t in PLOVER_TYPES if SCORES[t] < 0)

#: Stacking order in charts: most cooperative at the bottom, most conflictual on top.
STACK_ORDER: tuple[str, ...] = tuple(sorted(PLOVER_TYPES, key=lambda t: -SCORES[t]))

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
