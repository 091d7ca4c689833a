"""The pair of states a document is about, and the side it gives an act that names only one; the
parties of the agreement a welcome is of.

A welcome of an agreement the document reported (「合意を歓迎した」) is aimed at the agreement's
parties (:func:`with_agreement_sides`), whatever else its sentence names.

A report on two states names one side of many of their acts and leaves the other to the
story: in an article on China and Japan, 「中国外務省の報道官は…即時撤回を求めた」 asks Japan,
and 「韓国側は応じなかった」 refuses Japan. For the types that ``types.csv`` marks ``topical``
(requests, refusals, aid, arrests), a predicate that names one side only, a state of that
pair, takes the other state of the pair as its other side.

The pair is the one the document's events so far join most often; before any, the two
countries its mentions name most (actors of no country and international bodies aside).
Measured on the development sets when it was added (actor level, ``gaiko eval``): the acts
it completes match gold about half the time for these four types, and F1 rose on seeds,
livedoor, news, the synthetic set and the blind check; for meetings, accusations and the
other types it mostly guessed wrong, so they are not marked. The actor carries the text of
the state's first mention, so the confidence model sees it as carried over (``guessed``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..plover import TOPICAL
from ..records import ActorMention
from .cues import ATTRIBUTIVE, INTENT_TOLD
from .frame import Frame
from .roles import Arg


def topic_pair(events: list[Any], mentions: list[ActorMention]) -> dict[str, ActorMention] | None:
    """The two states the document is about, each with the mention that stands for it: the
    pair ``events`` join most often, else the two countries ``mentions`` name most (ties: the
    first named); None for a document about fewer than two."""
    acted: Counter = Counter()
    for ev in events:  # (in the order named, not a set's: ties go to the pair joined first, on every run)
        for a in dict.fromkeys(x.get("country") for x in ev.source if x.get("country") not in (None, "IGO")):
            for b in dict.fromkeys(x.get("country") for x in ev.target if x.get("country") not in (None, "IGO", a)):
                acted[frozenset((a, b))] += 1
    if acted:
        top = list(acted.most_common(1)[0][0])
    else:
        named = Counter(m.country for m in mentions if m.country and m.country != "IGO")
        if len(named) < 2:
            return None
        top = [c for c, _ in named.most_common(2)]  # (a Counter keeps first-named order in ties)
    return {c: _stand_in(mentions, c) for c in top}


def with_topic_side(f: Frame, pair: dict[str, ActorMention] | None, text: str) -> Frame | None:
    """``f`` (of the sentence ``text``) with its missing side taken from ``pair``, or None when
    that does not apply: only a predicate that reports an act, not a noun (often only what
    another asks or pledges: 「戦闘機の供与に向けた」) nor a relative clause that describes one
    (「拿捕された漁船の乗組員の解放を求めた」)."""
    after = text[f.match.char_end:]
    if pair is None or f.drop or f.type not in TOPICAL or not f.predicative \
            or ATTRIBUTIVE.match(after) and not INTENT_TOLD.match(after):
        return None
    source = {a.mention.country for a in f.source} - {None}
    target = {a.mention.country for a in f.target} - {None}
    if f.source and not f.target and len(source) == 1 and source <= pair.keys():
        return replace(f, target=[_arg(pair[c], f) for c in pair if c not in source])
    if f.target and not f.source and len(target) == 1 and target <= pair.keys():
        return replace(f, source=[_arg(pair[c], f) for c in pair if c not in target])
    return None


def _stand_in(mentions: list[ActorMention], country: str) -> ActorMention:
    """The state as the document first names it (its own name if it is named as a state)."""
    named = [m for m in mentions if m.country == country] or [ActorMention(0, 0, country, country, country)]
    m = next((x for x in named if x.kind == "state" and x.id == country), named[0])
    return ActorMention(m.start, m.end, m.text, country, country, "state", rule="topic")


def _arg(m: ActorMention, f: Frame) -> Arg:
    """The state as an argument at the trigger (it is named elsewhere in the document)."""
    return Arg(m, f.match.char_start, f.match.char_end, "none", "")


#: Support whose object is an agreement reported before (「合意を「…勝利だ」と歓迎し」「両国の合意を歓迎する」).
_AGREEMENT_WELCOMED = re.compile(r"(合意|和平合意|停戦合意|合意内容)(を|に)(「[^」]{0,40}」(だ)?と(述べて|して)?、?)?"
                                 r"(強く|改めて|心から|一定の)?$")


def with_agreement_sides(f: Frame, events: list[Any], text: str) -> Frame | None:
    """``f`` aimed at the parties of the agreement it welcomes, when its object is the agreement
    the document reported last (an AGREE): the welcome is theirs, not the words' around it
    (「両国の合意を歓迎」 names no third state). None when that does not apply."""
    if f.type != "SUPPORT" or not f.source or not _AGREEMENT_WELCOMED.search(text, 0, f.match.char_start):
        return None
    agreed = next((ev for ev in reversed(events) if ev.type == "AGREE"), None)
    if agreed is None:
        return None
    mine = {a.mention.country for a in f.source}
    parties = [x for x in [*agreed.source, *agreed.target] if x.get("country") not in mine]
    if len(parties) < 2:
        return None
    return replace(f, target=[_party(x, f) for x in parties])


def _party(actor: dict[str, Any], f: Frame) -> Arg:
    """An event's actor (named elsewhere in the document) as an argument at ``f``'s trigger."""
    ident, country = actor.get("id"), actor.get("country")
    kind = "state" if ident is None or ident == country else "person"
    return _arg(ActorMention(0, 0, actor.get("text") or "", ident, country, kind, rule="topic"), f)
