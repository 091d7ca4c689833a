"""Who stood for each side of talks reported between two states.

Wire copy often reports talks state to state and names the delegations after:
「米国とイランは12日、…高官協議を行った。米側はウィトコフ特使、イラン側はアラグチ外相が
出席した。双方は…で合意した」. The talks, and what the two sides agreed there, are those
people's (the gold names the negotiators, as it names the leaders of a summit). A sentence
that gives each of two states a person of that state (「X側はA、Y側はBが出席した」) hands the
document's meetings and agreements between exactly those two states to those two people.
"""

from __future__ import annotations

import re
from ..records import ActorMention, Event
from .build import actor_record

#: A state's side, then (before the next side) who led or attended for it.
_SIDE = re.compile(r"^側(は|が|から|の代表団は|代表団は)")
#: The verb that says those named stood for their side.
_STOOD_FOR = re.compile(r"(出席|参加|率い|率いた|臨ん|代表を務め|首席代表|交渉団を率)")
#: What the people of the sides take over from their states.
_TALKS = {"CONSULT", "AGREE", "COOPERATE"}


def sides_named(sentence: str, mentions: list[tuple[int, int, ActorMention]]) -> dict[str, ActorMention]:
    """{country: person} for 「X側はA、Y側はBが出席した」 (offsets relative to ``sentence``);
    empty unless two states each have a person of their own."""
    if not _STOOD_FOR.search(sentence):
        return {}
    out: dict[str, ActorMention] = {}
    for n, (_, end, m) in enumerate(mentions):
        if m.kind != "state" or m.id != m.country or not _is_side(sentence, end, m):
            continue
        for _, later_end, p in mentions[n + 1:]:
            if p.kind == "state" and _is_side(sentence, later_end, p):
                break  # the next side begins: none named for this one
            if p.kind == "person" and p.id is not None and p.country == m.country:
                out.setdefault(m.country, p)
                break
    return out if len(out) == 2 else {}


def _is_side(sentence: str, end: int, m: ActorMention) -> bool:
    """「米側は」: the mention may hold the 側 (the linker reads 「米側」 as the state's organ)."""
    return bool(_SIDE.match(sentence[end:]) or m.text.endswith("側") and _SIDE.match("側" + sentence[end:]))


def hand_to_people(events: list[Event], people: dict[str, ActorMention]) -> None:
    """Give the meetings and agreements between exactly the two states of ``people`` to the
    people who stood for them (in place)."""
    if len(people) != 2:
        return
    states = set(people)
    for ev in events:
        if ev.type not in _TALKS:
            continue
        sides = [ev.source, ev.target]
        if not all(len(side) == 1 and side[0].get("id") == side[0].get("country") for side in sides):
            continue
        if {side[0].get("country") for side in sides} != states:
            continue
        ev.source = [actor_record(people[ev.source[0]["country"]])]
        ev.target = [actor_record(people[ev.target[0]["country"]])]
