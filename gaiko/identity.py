"""Same actor, same event: the one definition the store's cross-document merge
(:mod:`gaiko.store.merge`) and the scorer (:mod:`gaiko.evaluate`) share.

When "same actor" or "same event" is written in several modules the copies drift
(two date rules giving different answers for a missing date), so they live here.

- **Ids** are compared after EVENTS.md's normalisation (:func:`normalise_id`):
  ``Kim Yong-chol`` = ``Kim Yong Chol``, ``Raúl`` = ``Raul``.
- **Same actor, for merging** (:func:`merge_key`): the same id; an actor the
  dictionary could not link (null id) is the same only as an unlinked actor of
  the same country *whose text agrees* — two unnamed Korean activists
  (「ホン氏」, 「ノ氏」) are two people, not "KOR".
- **Store key** (:func:`actor_key`): id, else country, else text — the key of the
  store's actor table and of the network's nodes, where unlinked people of a
  country are shown under that country.
- **Document key** (:func:`document_key`): id as the dictionary gave it, else
  ``null:`` and the country — what the extractor and the in-document merge
  compare inside one document, where an unlinked person of a country is not that
  country (「中国人船員」 is not 「中国」), and two unlinked people of a country
  named in one document are the same side.
- **Same event** (:func:`same_event`): the same type, the same actors on each side
  (either way round for the symmetric types) and compatible dates
  (:func:`dates_compatible`: inside one document an undated mention fits any
  date, across documents it fits only an undated one); the store adds its rules for an undated report
  against several candidates (:func:`gaiko.store.merge.choose`).
- **Status rank**: occurred > denied > planned > possible; a merge keeps the most
  definite status any report gave.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from gaiko.plover import SYMMETRIC_TYPES

STATUS_RANK = {"possible": 0, "planned": 1, "denied": 2, "occurred": 3}

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_id(value: str | None) -> str | None:
    """EVENTS.md's id normalisation: trailing parenthesis dropped, accents removed,
    case folded, everything but letters and digits dropped."""
    if value is None:
        return None
    value = _PAREN.sub("", value)
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def normalise_text(text: str | None) -> str:
    """A mention's text for comparison: width and case folded, only letters and digits kept."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def actor_key(actor: dict[str, Any]) -> str:
    """The store's key of an actor: id, else country, else text."""
    for field in ("id", "country"):
        value = actor.get(field)
        if value:
            return normalise_id(str(value)) or str(value)
    return "~" + str(actor.get("text") or "")


def document_key(actor: dict[str, Any]) -> str:
    """The key of an actor inside one document: its id, else ``null:`` and its country."""
    return actor["id"] if actor.get("id") is not None else f"null:{actor.get('country')}"


def merge_key(actor: dict[str, Any]) -> str:
    """What two reports' actors must share to be the same actor: the id; for an
    unlinked actor, its country and its text."""
    value = actor.get("id")
    if value:
        return normalise_id(str(value)) or str(value)
    return f"~{(actor.get('country') or '').lower()}:{normalise_text(actor.get('text'))}"


def side_key(actors: Iterable[dict[str, Any]]) -> str:
    return "+".join(sorted({merge_key(a) for a in actors}))


def dyad_key(type_: str, source: Sequence[dict[str, Any]], target: Sequence[dict[str, Any]]) -> str:
    """One string that is equal exactly when the actors agree for this type."""
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


def dates_compatible(a: str | None, b: str | None, *, undated_fits: bool = False) -> bool:
    """Equal, both null, or one's precision contains the other.

    A null date against a known one is where the two merges differ, so it is a
    named choice: ``undated_fits=True`` for mentions inside one document (a later
    「会談では…」 without a date repeats the dated meeting); False, the default,
    across documents, where the store decides that case from the other candidates
    (:func:`gaiko.store.merge.choose`).
    """
    if not a or not b:
        return undated_fits or (not a and not b)
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


def stronger_status(a: str | None, b: str | None) -> str | None:
    """The more definite of two statuses (an unknown one never wins)."""
    if b not in STATUS_RANK:
        return a
    if a not in STATUS_RANK or STATUS_RANK[b] > STATUS_RANK[a]:
        return b
    return a


def _loc_key(location: dict[str, Any] | None) -> str | None:
    return actor_key(location) if location else None


def soft_fields_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Mode and location agree, or one side does not say."""
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    la, lb = _loc_key(a.get("location")), _loc_key(b.get("location"))
    return not (la and lb and la != lb)


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Would the store merge these two reports (each an EVENTS.md record), were
    they the only candidates?  Same type, same actors, compatible dates; a
    report without a date joins a dated one only if mode and location agree."""
    if a["type"] != b["type"]:
        return False
    if dyad_key(a["type"], a["source"], a["target"]) != dyad_key(b["type"], b["source"], b["target"]):
        return False
    if bool(a.get("date")) != bool(b.get("date")):
        return soft_fields_match(a, b)
    return dates_compatible(a.get("date"), b.get("date"))
