"""Roles one frame of a sentence lends another, once each has its own.

An answer and what it answers are aimed at each other (「…合同演習に対抗して…
実験を行った」); help 「のもと」 goes to the one it enables; a refusal with no agent
on a visit is the host's; what a letter asks is asked of its addressee. Run by
``sides.complete_sides`` after subjects and context, before status.
"""

from __future__ import annotations

import re

from ..plover import ADDRESSED_TYPES
from .frame import Frame, is_actor
from .roles import Arg

#: After help that enables the clause's act: 「（Xの協力）のもと」「（Xの支援）を受けて」.
_HELPED = re.compile(r"^(の(もと|下)(で|、)?|を(得|受け)て)")
#: After a mediation, what it brings about: 「（米国の仲介）により、…合意した」.
_BROUGHT_ABOUT = re.compile(r"(により|によって|で|を受けて|の(もと|下)で)、?")
#: After an act that caused what follows: 「（空爆）で、…が殺害された」.
_CAUSED_BY = re.compile(r"(で|により|によって)、?")
#: After those an attack killed or hurt: 「（兵士）５人が死亡した」「（住民）らが負傷」.
_CASUALTIES = re.compile(r"[^、。]{0,12}?(が|も)[^、。]{0,8}?(死亡|負傷|死傷|犠牲|殺害|死去)")
#: After an act that another answers: 「（演習）に対抗して」.
_ANSWERED = re.compile(r"^(に対抗(して|し)|への対抗措置として|に反発(して|し))")


def lend_between(frames: list[Frame], text: str, args: list[Arg], subjects: dict[int, list[Arg]]) -> None:
    """Fill roles a frame leaves empty from the frames beside it (in place)."""
    # 「…合同演習に対抗して…実験を行った」: the answer is aimed at those it answers, and the other way round
    for k, f in enumerate(frames[:-1]):
        if f.source and _ANSWERED.match(text[f.match.char_end:]):
            later = frames[k + 1]
            if not later.target:
                later.target = [a for a in f.source if a.key not in {b.key for b in later.source}]
            if not f.target:  # and what is answered was aimed at the one answering it
                f.target = [a for a in later.source if a.key not in {b.key for b in f.source}]

    # 「JAXAの協力のもと、韓国が…」「ロシアの支援を受けて北朝鮮は…」: who is helped is who acts
    for k, f in enumerate(frames):
        if f.type in ("COOPERATE", "AID", "SUPPORT") and not f.predicative and f.source and not f.target \
                and _HELPED.match(text[f.match.char_end:]):
            later = [a for a in args if a.case == "subj" and a.start >= f.match.char_end and is_actor(a)]
            helped = subjects.get(k) or later[:1]
            f.target = [a for a in helped if a.key not in {b.key for b in f.source}]

    # 「訪韓したが入国拒否された」: refused, detained or expelled with no agent named, by the state visited
    for k, f in enumerate(frames):
        if f.passive and not f.source and f.type in ("REJECT", "COERCE"):
            hosts = [a for g in frames[:k] if g.match.mode == "visit" for a in g.target
                     if a.mention.kind in ("state", "capital") and a.mention.country]
            if hosts:
                f.source = [hosts[-1]]

    # what a letter asks is asked of its addressee (「金氏はカストロ議長に宛てた親書のなかで、…を要請した」)
    for k, f in enumerate(frames):
        letters = [p for p in frames[:k] if p.type == "CONSULT" and p.match.mode == "letter" and p.target
                   and re.match(r"^(の(なか|中))?で", text[p.match.char_end:])]
        if f.type in ADDRESSED_TYPES and letters:
            f.target = list(letters[-1].target)
            f.source = f.source or list(letters[-1].source)

    # 「イスラエル軍の空爆で、ヒズボラの司令官が殺害された」: those the attack struck, in the passive, were
    # struck by the attack's doer
    for k, f in enumerate(frames[:-1]):
        later = frames[k + 1]
        if f.type == later.type == "ASSAULT" and not f.predicative and f.source and later.passive \
                and not later.source and _CAUSED_BY.match(text, f.match.char_end):
            later.source = list(f.source)
    for f in frames:  # (「ロシア軍の攻撃により、ウクライナの兵士５人が死亡した」: those it killed or hurt)
        if f.type == "ASSAULT" and not f.predicative and f.source and not f.target and _CAUSED_BY.match(text, f.match.char_end):
            mine = {a.mention.country for a in f.source}
            f.target = [a for a in args if a.start > f.match.char_end and a.case == "subj" and is_actor(a)
                        and a.mention.country not in mine and _CASUALTIES.match(text, a.end)][:1]

    # 「米国の仲介により、インドとパキスタンは停戦に合意した」: a mediation brings about what follows it,
    # between those who do it
    for k, f in enumerate(frames[:-1]):
        if f.match.mode == "mediate" and f.source and not f.target and _BROUGHT_ABOUT.match(text, f.match.char_end):
            later = frames[k + 1]
            mine = {a.key for a in f.source}
            f.target = [a for a in later.source + later.target if a.key not in mine]
