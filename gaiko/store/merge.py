"""The cross-document merge rule, as pure functions (no database here).

An incoming event merges into a stored one when

1. the ``type`` is equal;
2. the actors agree: the set of actor keys of the source side and of the target
   side are equal (unordered between the two sides for CONSULT, AGREE and
   COOPERATE).  An actor's key is its ``id`` if not null, else its ``country``
   (else its ``text``), normalised as EVENTS.md normalises ids for scoring
   (``Kim Yong-chol`` = ``Kim Yong Chol``);
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
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from gaiko.records import SYMMETRIC_TYPES

STATUS_RANK = {"possible": 0, "planned": 1, "denied": 2, "occurred": 3}

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_id(value: str) -> str:
    """EVENTS.md's id normalisation: trailing parenthesis dropped, accents removed,
    case folded, everything but letters and digits dropped."""
    value = _PAREN.sub("", value)
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def actor_key(actor: dict[str, Any]) -> str:
    """The key two reports must share to be the same actor: id, else country, else text."""
    for field in ("id", "country"):
        value = actor.get(field)
        if value:
            return normalise_id(str(value)) or str(value)
    return "~" + str(actor.get("text") or "")


def side_key(actors: Iterable[dict[str, Any]]) -> str:
    return "+".join(sorted({actor_key(a) for a in actors}))


def dyad_key(type_: str, source: Sequence[dict[str, Any]], target: Sequence[dict[str, Any]]) -> str:
    """One string that is equal exactly when rule 2 (actors agree) holds for this type."""
    s, t = side_key(source), side_key(target)
    if type_ in SYMMETRIC_TYPES and t < s:
        s, t = t, s
    return f"{s}|{t}"


def date_precision(date: str | None) -> int:
    """0 for null, 1 year, 2 month, 3 day (anything longer counts as a day)."""
    if not date:
        return 0
    m = _DATE.match(date)
    if not m:
        return 0
    return 1 + (m.group(2) is not None) + (m.group(3) is not None)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, both null, or one's precision contains the other (null vs date: False;
    that case is decided by :func:`choose`)."""
    if not a and not b:
        return True
    if not a or not b:
        return False
    a, b = a[:10], b[:10]
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_ == short or long_.startswith(short + "-")


def more_precise(a: str | None, b: str | None) -> bool:
    """True when date ``b`` should replace date ``a`` (strictly more precise)."""
    return date_precision(b) > date_precision(a)


def date_interval(date: str | None, *, end: bool = False) -> _dt.date | None:
    """The first (or last, ``end=True``) day an ISO date of any precision covers."""
    if not date:
        return None
    m = _DATE.match(date)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return _dt.date(year, 12, 31) if end else _dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return _dt.date(year, month, last if end else 1)
        return _dt.date(year, month, day)
    except ValueError:
        return None


def merged_status(history: Iterable[dict[str, Any]]) -> str:
    """The most definite status any report gave."""
    best = None
    for entry in history:
        status = entry.get("status")
        if status in STATUS_RANK and (best is None or STATUS_RANK[status] > STATUS_RANK[best]):
            best = status
    return best or "occurred"


def _loc_key(location: dict[str, Any] | None) -> str | None:
    return actor_key(location) if location else None


def soft_fields_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Mode and location agree, or one side does not say."""
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    la, lb = _loc_key(a.get("location")), _loc_key(b.get("location"))
    return not (la and lb and la != lb)


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
