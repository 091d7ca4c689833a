"""The records that flow between stages: documents in, events out.

Stages take and return these plain dataclasses; nothing here knows about spaCy,
DuckDB or the CLI. ``Event.to_dict`` is the record of ``shared/spec/EVENTS.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any

from .plover import PLOVER_TYPES, SYMMETRIC_TYPES  # noqa: F401  (the types are PLOVER facts: gaiko.plover)


@dataclass(frozen=True)
class Document:
    """One input document, before or after cleaning.

    ``published`` is ISO 8601 at the precision known (``2024``, ``2024-11``,
    ``2024-11-05``) or None; it never comes from the clock.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    #: what reading or cleaning did that the user should hear of (printed on stderr by the CLI)
    notes: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.id,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(frozen=True)
class Rejected:
    """A document that could not be read; the reason names the input."""

    doc: str
    reason: str


@dataclass(frozen=True)
class ActorMention:
    """An actor linked at a character span of a document's cleaned text."""

    start: int
    end: int
    text: str
    id: str | None
    country: str | None
    kind: str = "state"  # person | state | organisation | group | place | capital
    sector: str | None = None
    rule: str = "dictionary"
    place: str | None = None  # for a capital or city: its own Wikipedia title ("Pyongyang")

    def to_actor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "country": self.country, "text": self.text}
        if self.sector:
            out["sector"] = self.sector
        return out


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text and resolved against a reference date.

    ``value`` is ISO 8601 at the precision the text allows, or None when it cannot
    be resolved (a relative day with no publication date). ``value_end`` is the end
    of a range. ``part`` notes 上旬/中旬/下旬/末; ``zone`` notes 現地時間/日本時間.
    """

    text: str
    start: int
    end: int
    value: str | None
    value_end: str | None = None
    part: str | None = None
    zone: str | None = None
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "value_end": self.value_end}


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int


@dataclass
class Event:
    """One political interaction, as ``shared/spec/EVENTS.md`` defines it."""

    doc: str
    type: str
    status: str
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    evidence: str
    mode: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    mentions: list[Mention] = field(default_factory=list)
    trigger: str | None = None
    rule: str | None = None
    confidence: float | None = None       # 0-1, see gaiko.confidence
    basis: dict[str, Any] | None = None   # what the report rests on (gaiko.confidence.basis_of)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out = {
            "doc": self.doc,
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "source": self.source,
            "target": self.target,
            "date": self.date,
            "date_end": self.date_end,
            "date_text": self.date_text,
            "location": self.location,
            "evidence": self.evidence,
            "mentions": [asdict(m) for m in self.mentions],
        }
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if explain:
            out["trigger"] = self.trigger
            out["rule"] = self.rule
            out["basis"] = self.basis
        return out


STATUSES = ("occurred", "planned", "possible", "denied")
CONSULT_MODES = ("meet", "visit", "host", "phone", "letter", "multilateral")
