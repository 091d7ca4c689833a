"""Wire datelines: where and on which day a report was filed.

Agency copy opens with a dateline — 【モスクワ共同】, ［北京　２０日　ロイター］,
【新華社北京11月14日】 — that the sentence after it does not repeat: the lead
「ロイター通信によると…強化している」 happened on the dateline's day, in its
place. ``find_dateline`` reads one near the start of a text; the pipeline uses
its day for an undated lead event and its place for a lead event with none, and
``clean`` keeps a line that opens with one (a lead, not a list item).

A dateline is a property of the document's text, so it lives here, before the
later stages: the agencies are ``data/dateline.json``, and the day is kept as
written (「２０日」) for ``gaiko.time`` to resolve like any date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: How far into the cleaned text a dateline may start (a title or photo caption may come first).
REACH = 400
#: The digits a day may be written with, ASCII and full-width (a character class).
DIGITS = "0-9０-９"


@dataclass(frozen=True)
class Dateline:
    """A dateline at ``text[start:end]``; its place (``place_start``..``place_end``) and day as written."""

    start: int
    end: int
    agency: str
    place: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    day_text: str | None = None     # 「20日」「11月14日」, to resolve like any date


def wire_agencies() -> list[str]:
    """The agencies whose datelines are recognised, from ``data/dateline.json``."""
    text = resources.files("gaiko.documents").joinpath("data", "dateline.json").read_text(encoding="utf-8")
    return json.loads(text)["wire_agencies"]


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], ...]:
    agencies = "|".join(re.escape(a) for a in sorted(wire_agencies(), key=len, reverse=True))
    day = rf"(?:[{DIGITS}]{{1,2}}月)?[{DIGITS}]{{1,2}}日"
    gap = r"[\s\u3000]+"
    return (
        # 【モスクワ共同】【ワシントン、北京共同】【シンガポール共同=丹羽祐二】【ニューデリー時事】
        re.compile(rf"【(?P<place>[^【】=＝\s]{{1,24}}?)(?P<agency>{agencies})(?:[=＝][^【】]{{0,20}})?】"),
        # 【新華社北京11月14日】
        re.compile(rf"【(?P<agency>{agencies})(?P<place>[^【】\d０-９\s]{{1,16}}?)(?P<day>{day})】"),
        # ［北京　２０日　ロイター］ [国連 12日 ロイター]; place, day and source in brackets is a dateline
        # whoever the source (a page's typo 「ロター」, an agency the list lacks)
        re.compile(rf"[［\[](?P<place>[^［］\[\]\s\u3000]{{1,24}}){gap}(?P<day>{day}){gap}"
                   rf"(?P<agency>{agencies}|[^［］\[\]\s\u3000\d０-９]{{1,12}})[］\]]"),
    )


def find_dateline(text: str) -> Dateline | None:
    """The first wire dateline within the first ``REACH`` characters of ``text``, or None."""
    head = text[:REACH]
    found = [m for p in _patterns() for m in [p.search(head)] if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    groups = m.groupdict()
    place = groups.get("place")
    return Dateline(start=m.start(), end=m.end(), agency=m["agency"], place=place,
                    place_start=m.start("place") if place else None,
                    place_end=m.end("place") if place else None, day_text=groups.get("day"))
