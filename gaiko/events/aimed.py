"""Whom an act is aimed at when no case particle says so, read from what the sentence tells of it:
the one that suffered an attack named as a noun (``struck``), the doer of the act an evaluation or
measure answers (``answered``), the one charged before a court (``sued``), the names in the object
phrase before the verb (``object_phrase``), the one the same act before was aimed at, for a
subject that joins in it with も (``also_aimed``), the state whose goods, people or companies a
measure falls on (``measured``); and, when nothing else says, the one other state a sentence
names (``only_other``).

Each takes a frame whose source is known and returns the target args it finds (maybe none);
``sides.complete_sides`` calls them where its own rules leave the target empty.
"""

from __future__ import annotations

import re

from ..plover import SYMMETRIC_TYPES, TARGETLESS, TOPICAL
from .cues import ANSWERED
from .frame import Context, Frame, is_actor
from .roles import Arg, coordinated_before
from .subjects import in_quote, quote_spans

#: Triggers of a case brought before a court.
SUING = {"提訴", "訴える"}
#: What ends the object phrase of a verb, read backwards from its を.
_PHRASE_STOP = re.compile(r"[、。がはにでと「」]")
#: What a state makes or grows, a measure's object: 「中国製の（部品）」「米国産の（農産品）」.
_MADE_IN = re.compile(r"(製|産)(の|品|品の)?")
#: From a state to the measure aimed at its people or companies: 「インド（の航空会社に対する領空の）閉鎖」.
_OWNER_AIMED = re.compile(r"の[^、。「」をがは]{1,12}?(に対する|への|に対して)[^、。「」をがは]{0,10}?")
#: From a state to the subject it owns: 「イラン大使館（の領事部が）」「ウクライナ（の首都キーウが）」.
_OWNS_SUFFERER = re.compile(r"の[^、。「」をがはにで]{1,10}が")
#: Acts that take another's land, and from the one whose land it is to the act: 「（ウクライナ）東部・南部４州の
#: （併合）」「（レバノン）南部の（占領）」 (a verb, 「クリミア半島を併合した」, names its object instead).
_SEIZING = frozenset({"併合", "占領"})
_LAND_OF = re.compile(r"(領|の)?[^、。「」をがはにでと]{0,16}の(違法な|不法な|一方的な|強制的な)?")
#: After an attack done, what it did to people: 「（空爆）を行い、子どもを含む多数の市民が死亡」.
_TOLL_AFTER = re.compile(r"^(を(行|実施|実行|加え)[いっ]|し)[、]?[^。]{0,30}?が(死亡|死傷|負傷|犠牲)")
#: From an actor to the attack aimed at it: 「（ハマス）の幹部らを標的とした（空爆）」「（…）を狙った（攻撃）」.
_TARGETED = re.compile(r"(の[^、。「」をがは]{0,8})?を(標的と|標的に|狙っ|ねらっ)(した|た)[^、。「」をがは]{0,8}")
#: From an embassy to the diplomats posted there whom a measure is on: 「（…大使館）に駐在する…武官らを」.
_POSTED_AT = re.compile(r"に(駐在|勤務|所属)(する|している)[^、。「」をがは]{0,16}を")
#: After an attack named as a noun, a relative clause of suffering it: 「（…の侵攻）を受ける（ウクライナ）」.
_SUFFERING_HEAD = re.compile(r"を受け(続けている|続ける|ている|た|る)")
#: After an attack named as a noun, a relative clause of carrying it on: 「（ウクライナ侵攻）を続ける（ロシア）」.
_WAGING_HEAD = re.compile(r"を(続け|強め|繰り返し|仕掛け|激化させ)(ている|てきた|ていた|た|る)")
#: After an act, 「…とも（表明した）」: one more act told by the same speaker.
_ALSO_SAID = re.compile(r"(する|した|し)?とも(表明|発表|明らかに|述べ|伝え)")
#: After an attack named as a noun, what it caused: 「（空爆）で、…の集合住宅が損壊した」.
_TOLL = re.compile(r"^(で|により|によって)、?[^。]{0,30}?(死亡|死傷|負傷|けが|損壊|破壊|被害|炎上|犠牲|倒壊|停電)")


def others(side: list[Arg], source: list[Arg]) -> list[Arg]:
    """The actors of ``side`` that are neither one of ``source`` nor of its states."""
    own = {a.key for a in source} | {a.mention.country for a in source}
    return [a for a in side if a.key not in own and a.mention.country not in own]


def waged_by(f: Frame, text: str, args: list[Arg]) -> list[Arg]:
    """Who carries on an attack named as a noun, when the relative clause it ends qualifies them:
    「ウクライナ侵攻を続けるロシア」「攻撃を繰り返すフーシ派」."""
    rel = _WAGING_HEAD.match(text, f.match.char_end)
    if rel is None:
        return []
    hit = {a.mention.country for a in f.target}
    return [a for a in args if a.start == rel.end() and is_actor(a) and a.mention.country not in hit][:1]


def struck(f: Frame, text: str, args: list[Arg]) -> list[Arg]:
    """Whom an attack named as a noun struck: the one it was aimed at (「ハマスの幹部らを標的とした空爆」),
    the one whose land it took (「ロシアによるウクライナ東部の併合」), the subject that suffered it
    (「ハリコフがロシア軍の攻撃を受け」), the one that had (「イスラエルの攻撃を受けたイランは」), or the
    place where it did harm (「ロシアによる無人機攻撃で、キーウの集合住宅が損壊」)."""
    own = {a.mention.country for a in f.source} | {None, "IGO"}
    after = text[f.match.char_end:]
    aimed = [a for a in args if a.end <= f.match.char_start and is_actor(a) and a.mention.country not in own
             and _TARGETED.fullmatch(text, a.end, f.match.char_start)]
    if aimed:  # 「ドーハで、ハマスの幹部らを標的とした空爆」: whom it was aimed at, not where
        return aimed[-1:]
    if f.match.pattern in _SEIZING:  # 「ロシアによるウクライナ東部・南部４州の併合」: whose land was taken
        start = max((a.end for a in f.source), default=0)
        owner = [a for a in args if start <= a.start and a.end <= f.match.char_start and a.mention.country not in own
                 and a.mention.kind in ("state", "place", "capital") and _LAND_OF.fullmatch(text, a.end, f.match.char_start)]
        if owner:
            return owner[:1]
    if after.startswith("を受け"):
        before = [a for a in args if a.end <= f.match.char_start and a.mention.country not in own
                  and (a.case == "subj" or a.case in ("gen", "modifier") and _OWNS_SUFFERER.match(text, a.end))]
        # 「イスラエルの攻撃を受けたイランは」「ロシアの侵攻を受けるウクライナ」: the clause's head suffered it
        head = [a for a in args if a.start == f.match.char_end + rel.end() and a.mention.country not in own] \
            if (rel := _SUFFERING_HEAD.match(after)) else []
        return before[-1:] or head
    if _TOLL.match(after):
        return [a for a in args if a.start >= f.match.char_end and a.mention.kind in ("place", "capital", "state")
                and a.mention.country not in own][:1]
    if f.location is None and (toll := _TOLL_AFTER.match(after)) is not None \
            and all(a.mention.country in own for a in args if a.mention.kind == "state"):
        # 「（国軍が）…空爆を行い、子どもを含む多数の市民が死亡した」: a state's own people it killed (when
        # the sentence names no other state, whose the people may be)
        return [a for a in args if f.match.char_end <= a.start < f.match.char_end + toll.end()
                and a.mention.kind == "group" and a.particle == "が"][:1]
    return []


def answered(f: Frame, frames: list[Frame], k: int, text: str) -> list[Arg]:
    """「北朝鮮のミサイル発射を受け、日本政府は…抗議した」: an answer to the act it follows is aimed
    at that act's doer (``f`` is ``frames[k]``)."""
    act = next((g for g in reversed(frames[:k]) if g.source and ANSWERED.match(text, g.match.char_end)), None)
    return others(act.source, f.source) if act is not None else []


def sued(f: Frame, text: str, args: list[Arg]) -> list[Arg]:
    """A case before a court accuses the one sued (「ロシアをＩＣＪに提訴」) or charged in the reason
    given (「イスラエルが…行っているとして、ＩＣＪに提訴」), never the court (if neither is named, the
    one accused is sought as for any judgment naming no one).
    Of any other act, a body named as where a case goes (「ＷＴＯへの提訴を含め…と警告」) is not
    the target either."""
    if f.type != "ACCUSE" or f.match.pattern not in SUING:
        return [a for a in f.target if not sued_at(a, text)]
    courts = {a.start for a in f.target if sued_at(a, text)}
    charged = [a for a in f.target if a.mention.country != "IGO"] or \
        [a for a in args if a.particle == "の" and a.end + 1 in courts and is_actor(a)] or \
        [a for a in args if a.particle == "が" and a.end <= f.match.char_start and is_actor(a)
         and "として" in text[a.end:f.match.char_start]][-1:]  # (「イスラエルのＩＣＪ提訴」: the one the case is against)
    return charged or [a for a in f.target if not sued_at(a, text)]  # (the accused is found elsewhere, or none)


def sued_at(a: Arg, text: str) -> bool:
    """Whether ``a`` is a body named as where a case goes (「ＷＴＯへの提訴」「ＩＣＪに訴える」)."""
    return a.mention.country == "IGO" and _SUED_AT.match(text, a.end) is not None


#: After a court or a body that rules: a case brought to it.
_SUED_AT = re.compile(r"[）)]?(への|に)?(提訴|訴え|付託|申し立て)")  # (「ＩＣＪ提訴」: one compound)


def object_phrase(text: str, f: Frame, args: list[Arg]) -> list[Arg]:
    """Actors named inside the を-phrase right before a predicative trigger, with a country (or, for a
    visit, the に-phrase: 「平壌の空港に到着」)."""
    m = re.search(r"(を|に|へ)$" if f.match.mode == "visit" else r"を(強く|激しく|一斉に|次々と|相次いで)?$",
                  text[:f.match.char_start])
    if not m:
        return []
    end = m.start()
    stops = [x.end() for x in _PHRASE_STOP.finditer(text, 0, end)]
    start = stops[-1] if stops else 0
    return [a for a in args if start <= a.start and a.end <= end and a.mention.country]


def also_aimed(f: Frame, subj: list[Arg] | None, ctx: Context, text: str) -> list[Arg]:
    """Whom a subject joining in with も aims the act at: the one the same act reported before was
    aimed at (「…ロシアを非難した。ＥＵのカラス上級代表も「卑劣な攻撃だ」と批判した」); so is one
    more act told with 「…とも」 (「…交流を停止するとも表明した」)."""
    if not f.predicative or not (subj and subj[-1].particle == "も" or _ALSO_SAID.match(text, f.match.char_end)):
        return []
    return others(ctx.aimed.get(f.type, []), f.source)


def against_own(f: Frame, ctx: Context) -> list[Arg]:
    """Whom a judgment naming no one answers: the doer of the hostile act reported just before,
    where the judge's own state suffered it (「インド軍が…パキスタン領内を攻撃した。パキスタンの
    シャリフ首相は「卑劣な戦争行為だ」と非難し」: India)."""
    if not f.predicative or ctx.struck is None or f.type not in ("ACCUSE", "THREATEN"):
        return []
    doer, done_to = ctx.struck
    mine = {a.mention.country for a in f.source} - {None, "IGO"}
    if not mine & {a.mention.country for a in done_to} or mine & {a.mention.country for a in doer}:
        return []
    return others(doer, f.source)


def measured(f: Frame, text: str, args: list[Arg], abouts: list[Arg]) -> list[Arg]:
    """Whom a measure naming no one falls on: the state its goods come from (「米国からの輸入品に
    追加関税」), the state or body that makes them (「中国製の部品に」「ＥＵ産の豚肉に」), the state
    whose people or companies it is aimed at (「インドの航空会社に対する領空の閉鎖」), the state whose
    embassy the people it falls on are posted at (「パキスタン高等弁務官事務所に駐在する武官らを」)."""
    mine = {b.mention.country for b in f.source}
    origin = [a for a in abouts if a.particle == "からの" and a.end <= f.match.char_start and a.mention.country not in mine]
    return (coordinated_before(args, origin[-1]) if origin else []) \
        or [a for a in args if a.mention.kind in ("state", "organisation") and a.end <= f.match.char_start
            and _MADE_IN.match(text, a.end) and a.mention.country not in mine][-1:] \
        or [a for a in args if a.case == "gen" and a.end <= f.match.char_start and is_actor(a)
            and _OWNER_AIMED.fullmatch(text, a.end, f.match.char_start) and a.mention.country not in mine][-1:] \
        or [a for a in args if a.mention.sector == "DIP" and a.end <= f.match.char_start  # 「…大使館に駐在する武官らを」
            and _POSTED_AT.match(text, a.end) and a.mention.country not in mine][-1:]


def withdrawn_from(f: Frame, text: str, args: list[Arg]) -> list[Arg]:
    """Where a withdrawal naming no one leaves (「ガザ地区北部から部隊を撤退させた」「州都から撤退」): the
    state of the place or the state it is from (its dictionary country), not one's own."""
    mine = {b.mention.country for b in f.source}
    return [a for a in args if (a.case == "from" or a.case == "gen" and _OF_PLACE_LEFT.match(text, a.end))
            and a.end <= f.match.char_start and a.mention.country and a.mention.country not in mine | {"IGO"}][-1:]


#: From a genitive to the place left that it owns: 「（ヘルソン州）の州都から」.
_OF_PLACE_LEFT = re.compile(r"の[^、。「」をがは]{1,6}から")


#: After a body, the rules it made: 「（安保理）決議」「（国連）憲章」.
_RULES_OF = re.compile(r"の?(決議|憲章|規約|ルール)")
#: What a last-resort target may be: an actor that can be aimed at (a place stands for no one here).
_AIMABLE = ("person", "state", "capital", "organisation")


def only_other(frames: list[Frame], args: list[Arg], text: str) -> None:
    """The last resort for an act aimed at someone that every rule left without a target: the
    one other state its sentence names, its person if one is named (「米国務省の報道官は「ASEANの
    判断は適切だ」と述べ、決定を歓迎した」「ペスコフ報道官は「ＥＵを不安定化させかねない決定だ」と批判した」
    「米政府は…キューバ軍系企業との金融取引を制限する措置の一部も緩和した」).

    Only for a verb outside quotes (a noun's act is often another's: 「ロシアによる攻撃」; a quoted
    「政府はもっと抗議すべきだ」 is an opinion), in the active voice, of a type with no other fallback
    (a topical type takes the story's other state, ``topic``), when the sentence names exactly one
    state besides the doer's and no other act of the sentence is aimed at it (「攻撃を非難し、インド
    への連帯を表明」: India is whom the solidarity is for, not who is condemned); never the agent of
    another act (「ロシアによる…攻撃に対する憤り…を示した」と称賛), an outlet it is posted on nor a court a
    case goes to (「国際司法裁判所に提訴する方針」). Unlike
    every other rule, a name inside a quote counts: what a verdict says is whose act it judges.
    Fills ``target`` in place."""
    aimed = {a.mention.country for f in frames for a in f.target}
    quotes = quote_spans(text)
    for f in frames:
        if f.target or not f.source or not f.predicative or f.passive \
                or f.type in TARGETLESS or f.type in TOPICAL or f.type in SYMMETRIC_TYPES \
                or in_quote(quotes, f.match.char_start):
            continue
        own = {a.mention.country for a in f.source}
        rest = [a for a in args if a.mention.country not in own | {None} and a.mention.kind in _AIMABLE
                and a.case not in ("skip", "agent") and a.mention.sector != "MEDIA" and not sued_at(a, text)
                and not _RULES_OF.match(text, a.end)  # (「安保理決議に違反する」: whose rules, not who is judged,
                and not (a.case == "subj" and a.particle == "は" and all(b.particle == "が" and a.end <= b.start
                                                                          for b in f.source))]  # nor the topic
        # of the sentence an act of another's clause is told in: 「首相は、ロシア軍が…撤退した後、…を訪れた」)
        if len({_party(a) for a in rest}) == 1 and rest[0].mention.country not in aimed:
            f.target = [a for a in rest if a.mention.kind == "person"] or rest[:1]


def _party(a: Arg) -> str:
    """The state an actor stands for; an international body stands for itself (ASEAN is not NATO)."""
    return a.key if a.mention.country == "IGO" else a.mention.country
