"""What is held, agreed or said at a meeting takes the meeting's sides.

A banquet is held for the guests its welcome names (「…一行を歓迎する宴会を開いた」); an agreement
that names neither side, told right after a meeting, is that meeting's text (「会談終了後、共同宣言を
発表する見通し」); an agreement after a meeting with no subject of its own is with the one met, not
with the state a concern voiced before it is aimed at; and one two leaders reach is theirs, not their
states' (「（両首脳は）日米が緊密に連携することを確認」; but 「両政府は…合意」 is the governments'). ``events.sides`` calls :func:`at_meeting`
for each frame once its own words have given it what sides they can.
"""

from __future__ import annotations

import re

from ..plover import SYMMETRIC_TYPES
from .cues import AT_MEETING, BOTH_SIDES
from .frame import Context, Frame
from .roles import Arg

#: After an agreement noun, the agreement reached (「合意には至らなかった」「合意が成立」), not one talked about.
_REACHED = re.compile(r"(に|には|にも)(至|達)|が(成立|発効)")
#: A meeting just reported, named as what the sentence follows: 「（首相は）会談後、」.
_AFTER_MEETING = re.compile(r"(会談|協議|会合)(後|終了後|の後)")


def counterpart(source: list[Arg], meeting: tuple[list[Arg], list[Arg]]) -> list[Arg]:
    """The other side of ``meeting`` from the one ``source`` is on (none if it is on neither)."""
    keys = {a.key for a in source}
    a_side, b_side = meeting
    if keys & {a.key for a in a_side}:
        return list(b_side)
    if keys & {a.key for a in b_side}:
        return list(a_side)
    return []


def at_meeting(f: Frame, k: int, frames: list[Frame], text: str, subj: list[Arg] | None,
               subjects: dict[int, list[Arg]], meeting: tuple[list[Arg], list[Arg]] | None, ctx: Context) -> None:
    """The sides of ``f`` (``frames[k]`` of the sentence ``text``, whose subject is ``subj``) from
    ``meeting``, the sentence's own meeting so far, or ``ctx.meeting``, the one just reported."""
    if f.type == "CONSULT" and not f.target and k and frames[k - 1].match.pattern == "歓迎" \
            and text[frames[k - 1].match.char_end:f.match.char_start] in ("する", "した", "の"):
        f.target = list(frames[k - 1].target)  # 「…国防相一行を歓迎する宴会を開いた」: the guests
    if f.type == "AGREE" and not f.source and not f.target \
            and (held := meeting or ctx.meeting or (ctx.met if AT_MEETING.match(text) else None)) \
            and (f.predicative or f.match.pattern != "合意" or _REACHED.match(text, f.match.char_end)):
        # 「（…と会談した。）会談終了後、共同宣言を発表する見通し」: the text of the meeting just reported
        # (or named, 「会談終了後、」, in a later paragraph)
        f.source, f.target = (list(side) for side in held)
    elif f.type == "AGREE" and f.source and not f.target \
            and (held := meeting or ctx.meeting
                 or (ctx.met if _AFTER_MEETING.search(text, 0, f.match.char_start) else None)) \
            and (other := counterpart(f.source, held)):
        # 「（…と会談した。）首相は会談後、共同声明を発表した」: one side of the meeting just reported
        # agrees with the other
        f.target = other
    if f.type in ("AGREE", "COOPERATE") and f.source and ctx.meeting and not meeting and not subj \
            and (other := counterpart(f.source, ctx.meeting)) \
            and f.target and all(any(a in g.target for g in frames[:k] if g.type not in SYMMETRIC_TYPES)
                                 for a in f.target) \
            and not {a.mention.country for a in f.target} & {a.mention.country for a in other}:
        # 「（…と会談した。）中国の…行動に懸念を表明し、…協力を強化することで一致した」: agreed with the
        # one just met, not with the state the concern before it was aimed at
        f.target = other
    named = list({a.key: a for v in subjects.values() for a in v if a.mention.kind == "person"}.values())
    pair = meeting or (ctx.meeting if BOTH_SIDES.search(text, 0, f.match.char_start) else None) \
        or ((named[:1], named[1:]) if len(named) >= 2 else None)
    if f.type in ("COOPERATE", "AGREE") and f.source and f.target and pair \
            and all(a.mention.kind == "state" and not a.mention.text.endswith("政府") for a in f.source + f.target) \
            and all(a.mention.kind == "person" for a in pair[0] + pair[1]) \
            and {a.mention.country for a in pair[0] + pair[1]} == {a.mention.country for a in f.source + f.target}:
        # 「（両首脳は）日米が緊密に連携することを確認」: the states of the two who met, said by them
        f.source, f.target = list(pair[0]), list(pair[1])
    elif f.type in ("COOPERATE", "AGREE") and f.source and f.target \
            and all(a.mention.kind == "state" for a in f.target) \
            and (pair := next(((g.source, g.target) for g in reversed(frames[:k]) if g.type == "CONSULT"
                               and g.source and g.target and all(a.mention.kind == "person"
                                                                 for a in g.source + g.target)), None)):
        # 「（大統領と会談し、）日米の関税交渉で合意した」: with the one met, not with his state
        keys = {a.key for a in f.source}
        other = pair[1] if keys <= {a.key for a in pair[0]} else pair[0] if keys <= {a.key for a in pair[1]} else []
        if other and {a.mention.country for a in f.target} <= {a.mention.country for a in other}:
            f.target = list(other)
    if f.type in _ASKED_OF_THE_ONE_MET and f.source and f.target \
            and all(a.mention.kind == "state" and a.case == "subj" and a.particle == "が" for a in f.target) \
            and (held := meeting or ctx.meeting) and (other := [a for a in counterpart(f.source, held) if a.mention.kind == "person"]) \
            and {a.mention.country for a in f.target} <= {a.mention.country for a in other}:
        # 「（ハメネイ師と会談し、）イランが建設的な役割を果たすよう求めた」: asked of the one met, for his state
        # (only a state named as the subject of what is asked or judged: 「ウズベキスタンの理解と協力を求めた」
        # 「イランに…求めた」 ask the state they address, 「イランによる攻撃は…非難」 judges the state that did it)
        f.target = [a for a in other if a.mention.country in {b.mention.country for b in f.target}]


#: Acts said at a meeting that go to the one met when they name only his state (gold: 「首相は会談で、
#: ベトナムに進出する日本企業の投資環境の改善を要請した」 asks the one met; 「林氏は、中国当局が…拘束したことに
#: 抗議し」 protests to him). Support and refusals measured worse so (the synthetic sets), and stay with the state.
_ASKED_OF_THE_ONE_MET = frozenset({"REQUEST", "ACCUSE"})


#: Between a mediating verb and the talks it qualifies: 「仲介（する）（間接）交渉」.
_BROKERS = re.compile(r"(する|している|した|してきた)[^、。「」をがはにでと]{0,6}")


def brokered_talks(frames: list[Frame], text: str) -> None:
    """A mediation told in a relative clause on the talks is between the talks' sides:
    「イスラエルとハマスは、エジプトとカタールが仲介する間接交渉を再開した」 (in place)."""
    for k, f in enumerate(frames[:-1]):
        talks = frames[k + 1]
        if f.match.mode == "mediate" and f.source and not f.target and talks.type == "CONSULT" \
                and talks.source and talks.target and _BROKERS.fullmatch(text, f.match.char_end, talks.match.char_start):
            mine = {a.key for a in f.source}
            f.target = [a for a in talks.source + talks.target if a.key not in mine]
