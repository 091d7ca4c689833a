"""``guarded``: a pattern compiled with a look-ahead on the characters any match can begin with.

The recogniser's ``CORE`` (``patterns.core``) is an alternation of some twenty
atoms, most opening with a look-behind, run with ``finditer`` over every
sentence of every document. Python's ``re`` then tries each alternative at each
character of the sentence: about 0.11 CPU seconds on the benchmark's 1,955
sentences, near 3 % of gaiko's whole time. A look-ahead on the characters a match
can begin with (``(?=[0-9０-９明大昭…])``) turns most positions down at once: the
same matches for 0.014 s.

The class is read from the pattern itself (``re``'s own parser), never written
by hand, so a word added to the lexicon is in it; where it cannot be read (a
match may begin with any character, or with nothing), the pattern is compiled as
it is. Look-arounds consume nothing, so they are passed over to the first
character consumed; the look-ahead is compiled with the pattern's flags, and so
folds case as the pattern does. It adds no group: ``lastgroup`` and every group
of a match are those of the pattern alone.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # (re's own parser: Python ≥ 3.11)
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: Character categories a class may hold, as written in a class.
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the look-ahead on its first characters when they can be read:
    the same matches, found sooner."""
    first = _first(_parser.parse(pattern, flags))
    if first is None or first[1]:
        return re.compile(pattern, flags)
    chars = "".join(dict.fromkeys(first[0]))
    end = "\n" if flags & re.VERBOSE else ""  # (a line break ends a comment the pattern may end with)
    return re.compile(f"(?=[{chars}])(?:{pattern}{end})", flags)


def _first(items: Any) -> tuple[list[str], bool] | None:
    """What the sequence of parsed ``items`` may begin with, as pieces of a class, and whether it may match
    nothing at all; None when any character may begin it."""
    pieces: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return pieces + [re.escape(chr(av))], False
        if op is C.IN:
            own = _class(av)
            return None if own is None else (pieces + own, False)
        if op is C.SUBPATTERN:
            inner = _first(av[-1])
        elif op is C.ATOMIC_GROUP:
            inner = _first(av)
        elif op is C.BRANCH:
            alternatives = [_first(alt) for alt in av[1]]
            if any(alt is None for alt in alternatives):
                return None
            inner = ([p for alt in alternatives for p in alt[0]], any(alt[1] for alt in alternatives))  # type: ignore[index]
        elif op in _REPEATS:
            low, _, body = av
            inner = _first(body)
            inner = None if inner is None else (inner[0], inner[1] or low == 0)
        else:  # any character, a back-reference, a negated literal: it cannot be read
            return None
        if inner is None:
            return None
        pieces += inner[0]
        if not inner[1]:
            return pieces, False
    return pieces, True


def _class(items: Any) -> list[str] | None:
    """A character class's items as pieces of a class; None if it is negated or holds what cannot be written."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # (a negated class, 「[^、。]」, may begin with almost anything)
            return None
    return out
