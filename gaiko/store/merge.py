"""The cross-document merge rule, as pure functions (no database here).

An incoming event merges into a stored one when

1. the ``type`` is equal;
2. the actors agree: the set of actor keys of the source side and of the target
   side are equal (unordered between the two sides for CONSULT, AGREE and
   COOPERATE).  An actor's key is its ``id``, normalised as EVENTS.md normalises
   ids for scoring (``Kim Yong-chol`` = ``Kim Yong Chol``); an unlinked actor
   (null id) is keyed by its country *and* its text, so two unnamed people of one
   country are not one actor (:func:`gaiko.identity.merge_key`);
3. the dates are compatible: equal, both null, or one contains the other
   (``2024-01`` contains ``2024-01-18``, ``2024`` contains ``2024-01``).

A null date against a known date is the doubtful case: it is compatible only if
everything else matches as well (``mode`` equal or one null, ``location`` equal
by key or one null) and the candidate is the only one; two or more candidates
make the null-dated report ambiguous and it stays a separate event.  When a
dated report has several compatible candidates, one with the same date wins;
otherwise, if the candidates are not all one event, the report stays separate
rather than guess (see :func:`choose`).

What a merge keeps (:func:`merged_status`, :func:`more_precise`): all mentions;
the most definite status over every report (occurred > denied > planned >
possible, so a meeting reported as planned and later as occurred is occurred,
whatever the ingest order); the most precise date (its ``date_end``, ``date_text``
and the report's ``evidence`` with it, so the phrase shown is in the sentence
shown); the first known mode and location.

"Same actor" and "same event" are defined once, in :mod:`gaiko.identity`; this
module adds the choice among several stored candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gaiko.identity import (
    STATUS_RANK,
    actor_key,
    date_interval,
    date_precision,
    dates_compatible,
    dyad_key,
    merge_key,
    more_precise,
    normalise_id,
    side_key,
    soft_fields_match,
    stronger_status,
)

__all__ = ["STATUS_RANK", "actor_key", "choose", "date_interval", "date_precision", "dates_compatible",
           "dyad_key", "merge_key", "merged_status", "more_precise", "normalise_id", "side_key",
           "soft_fields_match"]


def merged_status(history: Iterable[dict[str, Any]]) -> str:
    """The most definite status any report gave."""
    best = None
    for entry in history:
        best = stronger_status(best, entry.get("status"))
    return best or "occurred"


def choose(new: dict[str, Any], candidates: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Pick the stored event ``new`` merges into, or None.

    ``candidates`` already share type and dyad key (rules 1 and 2); each has at
    least ``id``, ``date``, ``mode`` and ``location``; they come in creation order.
    """
    date = new.get("date")
    if not date:
        same = [c for c in candidates if not c.get("date")]
        if same:
            return same[0]
        dated = [c for c in candidates if soft_fields_match(new, c)]
        return dated[0] if len(dated) == 1 else None
    compatible = [c for c in candidates if dates_compatible(date, c.get("date"))]
    exact = [c for c in compatible if (c.get("date") or "")[:10] == date[:10]]
    if exact:
        return exact[0]
    if len(compatible) == 1:
        return compatible[0]
    if compatible:
        # several stored events fit a vaguer date ("2024-01" vs the 18th and the 25th):
        # merging into one of them would be a guess
        return None
    undated = [c for c in candidates if not c.get("date") and soft_fields_match(new, c)]
    return undated[0] if len(undated) == 1 else None
