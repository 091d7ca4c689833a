"""Decide from the words after a date whether it speaks of the past or the future.

「30日」 in a paper of 1 June is 30 May if the clause says 行われた and 30 June
if it says 行われる予定. The first marker after the date (within its sentence)
wins, because a date modifies the nearest predicate: in 「4日に会談した首相は、
来月訪米する予定だ」 4日 goes with 会談した. Markers live in ``data/tense.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import tense_markers

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_REACH = 80  # characters; a marker further away belongs to another thought


@lru_cache(maxsize=None)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    markers = tense_markers()
    return (re.compile("|".join(markers["mask"])), re.compile("|".join(markers["attributive"])),
            re.compile("|".join(f"(?:{p})" for p in markers["future"])),
            re.compile("|".join(f"(?:{p})" for p in markers["past"])))


def clause_tense(text: str, position: int, limit: int | None = None) -> str | None:
    """``"past"``, ``"future"`` or None (no marker) for the clause from ``position`` to ``limit``."""
    mask, attributive, future, past = _compiled()
    limit = len(text) if limit is None else limit
    stop = _SENTENCE_END.search(text, position, limit)
    clause = text[position: stop.start() if stop else limit][:_REACH]
    # Blank (not delete) masked spans so the markers around them stay apart.
    clause = mask.sub(lambda m: "■" * len(m.group()), clause)
    if clause.startswith("、"):  # 「23日、…を協議する会合で…採択した」: the date goes with the main predicate
        clause = attributive.sub(lambda m: "■" * len(m.group()), clause)
    first_future, first_past = future.search(clause), past.search(clause)
    if first_future is None and first_past is None:
        return None
    if first_past is None:
        return "future"
    if first_future is None:
        return "past"
    return "future" if first_future.start() < first_past.start() else "past"
