"""Parties a sentence leaves unnamed, read from what the sentences before it reported.

Run right after ``events.sides`` has given each frame what its own words give:
- ``with_party``: 「上川氏らは…」 is the one named with ら and the compatriots who acted with them
  just before;
- ``agreed_for``: an agreement to do something for another (「…を米国に付与することに同意」) is with
  the one it is done for;
- ``denials_answer``: a denial of a charge (「関与を否定」) answers the last accusation aimed at the
  denier's side.
"""

from __future__ import annotations

import re

from .frame import Context, Frame
from .roles import Arg


def with_party(frames: list[Frame], text: str, ctx: Context) -> None:
    """「上川氏らは…表敬訪問した」: one named with ら acts with the compatriots who acted with them just
    before (「上川外相と木原防衛相は…会談した」), in place."""
    for f in frames:
        party = [a for a in f.source if text.startswith("ら", a.end) and a.mention.kind == "person"]
        if len(party) != 1 or len(f.source) != 1:
            continue
        lead = party[0]
        before = [b for b in (ctx.actors or []) if b.mention.kind == "person"]
        if any(b.key == lead.key for b in before):
            f.source = [lead] + [b for b in before if b.key != lead.key and b.mention.country == lead.mention.country]


def agreed_for(frames: list[Frame], text: str, args: list[Arg]) -> None:
    """「パシニャン氏は、輸送路の開発権を米国に長期間付与することに同意した」: an agreement to do something
    for another, that names no other party, is with the one it is done for (the dative of the clause
    agreed to), in place."""
    for f in frames:
        if f.type != "AGREE" or not f.predicative or not f.source or f.target \
                or not text.endswith(("ことに", "ことで"), 0, f.match.char_start):
            continue
        start = max(text.rfind("、", 0, f.match.char_start) + 1, max(a.end for a in f.source))
        mine = {a.mention.country for a in f.source} | {None}
        f.target = [a for a in args if start <= a.start and a.end <= f.match.char_start and a.particle == "に"
                    and a.mention.kind != "place" and a.mention.country not in mine][-1:]


#: Before a denial, what it denies is a charge: 「（事件への）関与を否定」「疑惑を否定」「報道を否定」.
_CHARGE_DENIED = re.compile(r"(関与|責任|疑惑|疑い|主張|非難|批判|指摘|報道|見方)(を|は)(強く|改めて|全面的に|完全に)?$")


def denials_answer(frames: list[Frame], text: str, ctx: Context) -> None:
    """A denial of a charge that names no one answers the last accusation aimed at the denier's side
    (「（インドは…パキスタンの関与を非難した。）シャリフ首相は同日、事件への関与を否定した」), in place."""
    accusers, accused = ctx.acts.get("ACCUSE") or [], ctx.aimed.get("ACCUSE") or []
    for f in frames:
        if f.type != "REJECT" or f.match.pattern != "否定" or not f.source or f.target or not accusers \
                or not _CHARGE_DENIED.search(text, 0, f.match.char_start):
            continue
        mine = {a.mention.country for a in f.source}
        if mine & {a.mention.country for a in accused} and not mine & {a.mention.country for a in accusers}:
            f.target = list(accusers)
