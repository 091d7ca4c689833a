"""Whom an evaluation is aimed at: the one whose act it judges.

「中国の「威圧的な行動」を批判」 judges China's conduct; 「ロシアによる併合を違法だと非難」 the agent of
the act named; 「北朝鮮とロシアの軍事協力を非難」 both parties of a joint act; 「日米同盟の強化がロシアの
安全保障を脅かしていると懸念」 the one whose doing the clause reports. ``events.sides`` calls
:func:`judged_target` for each frame once its source is known.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..plover import EVALUATIVE_TYPES, SYMMETRIC_TYPES
from .aimed import sued_at
from .cues import HELP_ASKED, INTENSITY, MET_IN, VISITING
from .frame import Frame, is_actor
from .roles import Arg, coordinated_before
from .subjects import in_quote, quote_spans


def judged_target(f: Frame, frames: list[Frame], k: int, text: str, args: list[Arg], abouts: list[Arg]) -> None:
    """Set the target of ``f`` (``frames[k]``, of the sentence ``text``) in place when it
    judges, asks or refuses and names whose act it is about; ``abouts`` are the sentence's
    について-arguments."""
    if f.type in EVALUATIVE_TYPES and f.source:
        # 「「中国政府は断固として反対する」と述べ」: the speaker's own state, quoted speaking, is not judged
        mine = {a.mention.country for a in f.source} - {None, "IGO"}
        quotes = quote_spans(text)
        f.target = [a for a in f.target if not (a.mention.kind == "state" and a.mention.country in mine
                                                and (in_quote(quotes, a.start) or a.case == "gen"))]
        # (nor is the owner of what it offers: 「日本の知見を生かして支援する」 is support from Japan)
    if not f.target and f.type in EVALUATIVE_TYPES:
        about = [a for a in abouts if a.end <= f.match.char_start and is_actor(a)] or [
            a for a in args if a.case == "gen" and a.end <= f.match.char_start and is_actor(a)
            and _IN_MIND.match(text, a.end)]  # 「中国の活動を念頭に、…試みに強く反対」: whose doing is meant
        done_by = next((g.source for g in frames[:k] if about[-1] in g.target
                        and any(a.case == "agent" for a in g.source)), None) if about else None
        if done_by:  # 「ロシアによる日本漁船の拿捕について…遺憾」: the agent of the act it is about
            f.target = [a for a in done_by if a.case == "agent"]
        elif about:
            f.target = coordinated_before(args, about[-1])  # 「議長は金委員長について…と讃嘆した」
    if f.type in EVALUATIVE_TYPES and len(f.source) >= 2:
        # 「岩屋大臣から、中国による…試みに対し強い懸念が示された」: the doer of the act the concern
        # is about is whom it is aimed at, not one of the concerned
        doers = [a for a in f.source if a.case == "agent" and _ASKED_OF.match(text[a.end:f.match.char_start])]
        if doers and len(doers) < len(f.source):
            f.source = [a for a in f.source if a not in doers]
            f.target = f.target or doers
    if not f.target and f.type in EVALUATIVE_TYPES | {"REQUEST"} and (f.predicative or f.source):
        # 「北朝鮮による拉致問題の解決を求めた」: asked of the one whose act the object names
        # (「ロシアによる併合を認めない」: refused to it)
        own = {a.mention.country for a in f.source}
        f.target = with_coordinated(text, args, [a for a in args if a.case == "agent" and a.mention.country not in own
                                                  and (m := _ASKED_OF.match(text[a.end:f.match.char_start]))
                                                  and "、" not in text[a.end + m.end():f.match.char_start]
                                                  and not HELP_ASKED.search(text, a.end, f.match.char_start)][-1:], own)
        # (not an act another clause judged: 「ロシアによる侵略を非難し、ウクライナへの連帯を表明」)
    if not f.target and f.type in EVALUATIVE_TYPES and k and not frames[k - 1].predicative \
            and frames[k - 1].type in SYMMETRIC_TYPES and frames[k - 1].gens and _JUDGED_ACT_LINK.fullmatch(text, frames[k - 1].match.char_end, f.match.char_start):
        # 「北朝鮮とロシアの軍事協力を非難」: the parties of the joint act judged, all of them
        own = {a.key for a in f.source}
        f.target = [a for a in frames[k - 1].source + frames[k - 1].target if a.key not in own]
    if f.type in EVALUATIVE_TYPES | {"REQUEST"} and f.source \
            and (done := list(_DONE_THAT.finditer(text, 0, f.match.char_start))):
        # 「（…は、）北朝鮮が連絡事務所を爆破したことについて、…強い遺憾の意を表明した」「…が…供与した
        # と明らかにし、「…」と非難した」: the doer of what is judged, the subject of the clause made a
        # thing or told, before or after the one who judges
        own = {a.mention.country for a in f.source}
        start = max((a.end for a in f.source if a.end <= done[-1].start()), default=0)
        doers = [a for a in args if start <= a.start and a.end <= done[-1].start() and is_actor(a)
                 and a.case == "subj" and a.particle == "が" and a.mention.country not in own | {None}]
        if f.type in EVALUATIVE_TYPES:  # (a request about it is made to whom it names: 「…について、米政府に対し」)
            f.target = f.target or with_coordinated(text, args, doers[:1], own)
        if doers:  # (its days are the act's: 「…は７日、ウクライナ軍が６日に…攻撃したことについて…非難」), from
            # the comma after the speaker's own day (「…は５日の記者会見で、…工場に４日、ＩＣＥが…」)
            comma = text.find("、", start, doers[0].start)
            f.content.append((comma + 1 if comma >= 0 else doers[0].start, done[-1].end()))
    if not f.target and f.type == "ACCUSE" and f.predicative and f.source \
            and (said := _SAID_QUOTE.search(text, 0, f.match.char_start)):
        # 「「米国の一方的な関税引き上げは…ＷＴＯのルールに違反している」と非難」: the owner of what the
        # quote is about is judged, not a name further inside it; so is the owner of the words' topic
        # before it (「フレデリクセン氏の発言は「意地が悪い」と批判」)
        own = {a.mention.country for a in f.source}
        start = min(said.start(), max((a.end for a in f.source if a.end <= said.start()), default=said.start()))
        topic = [a for a in args if start < a.start and a.end < said.end() and is_actor(a)
                 and a.mention.country not in own | {None} and a.case in ("gen", "modifier", "agent")
                 and _OWNS_QUOTE_TOPIC.match(text, a.end)]
        f.target = with_coordinated(text, args, topic[:1], own)
    if not f.target and f.type in EVALUATIVE_TYPES and (f.predicative or f.source):
        # 「中国の「威圧的な行動」を批判」「北朝鮮の核開発に対する深刻な懸念」: whose conduct the object is
        own = {a.mention.country for a in f.source}
        f.target = with_coordinated(text, args, [
            a for a in args if a.case in ("gen", "modifier") and a.end <= f.match.char_start
            and a.mention.country not in own | {None} and _CONDUCT_OWNED.fullmatch(text, a.end, f.match.char_start)
            and not any(a.end <= g.match.char_start < f.match.char_start for g in frames)][-1:], own)
    if not f.target and f.type == "ACCUSE" and f.predicative and f.source \
            and _JUDGED_CLAUSE.search(text, 0, f.match.char_start):
        # 「日米同盟の強化がロシアの安全保障を脅かしていると懸念を示した」: the one whose doing the
        # clause judged reports (its が-subject, or who owns that subject)
        own = {a.mention.country for a in f.source}
        start = max(a.end for a in f.source)
        doers = [a for a in args if start <= a.start and a.end <= f.match.char_start and is_actor(a)
                 and a.mention.country not in own | {None}
                 and (a.case == "subj" and a.particle == "が" or _OWNS_SUBJECT.match(text, a.end))]
        named = doers[:1]  # with the names of one compound right after it (「日米」: both)
        for b in doers[1:]:
            if b.start != named[-1].end:
                break
            named.append(b)
        f.target = with_coordinated(text, args, named, own)
    if not f.target and f.type in EVALUATIVE_TYPES and f.source:
        # 「イランによる…攻撃は、…悪化させるものであり、深く懸念し、…非難する」: the act the sentence
        # speaks of, as its topic, is the one judged, and its doer whom the judgment is aimed at
        own = {a.mention.country for a in f.source}
        act = next((g for g in reversed(frames[:k]) if not g.predicative and g.source
                    and _ACT_TOPIC.match(text, g.match.char_end)), None)
        f.target = [a for a in act.source if a.mention.country not in own] if act is not None else []
    if f.type in EVALUATIVE_TYPES and f.source and k and (g := frames[k - 1]).type == "MOBILIZE" and not g.target \
            and not g.predicative and _INCURSION.search(g.match.pattern) and _PROTESTED.fullmatch(text, g.match.char_end, f.match.char_start):
        # 「ロシア軍機による領空侵犯に抗議」: an incursion protested, whose waters or airspace go unnamed, is into
        # the protester's own (gold/README.md: aimed at the state whose waters they are)
        g.target = list({a.mention.country: replace(a, mention=replace(a.mention, id=a.mention.country, kind="state"))
                         for a in f.source if a.mention.country not in (None, "IGO")}.values())


#: An incursion into another's waters or airspace (「領空侵犯」「領海侵入」「侵入」).
_INCURSION = re.compile(r"侵犯|侵入")
#: From an act to the protest made of it: 「（領空侵犯）に（厳重に）（抗議）」「（侵入）を（非難）」.
_PROTESTED = re.compile(rf"(に|を|に対し|に対して)、?{INTENSITY}{{0,2}}")


def verdict_target(f: Frame, text: str, args: list[Arg]) -> list[Arg]:
    """Whom a reported verdict judges (「ロシアの決定は「正当化できない」と述べた」): the foreign actor the
    words between speaker and verb are about (the subject of that clause, or the owner of its subject,
    topic or object), else the only foreign state they name; none if that is unclear."""
    own = {a.mention.country for a in f.source}
    fronted = text.startswith("「") and 0 <= f.match.char_start - text.rfind("こう", 0, f.match.char_start) <= 4
    start = 0 if fronted else max((a.end for a in f.source), default=0)  # (「「…許されない」。首相は…こう強調した」)
    named = [a for a in args if start <= a.start and a.end <= f.match.char_start and is_actor(a)
             and a.mention.country not in own | {None} and a.mention.id is not None  # (not 「拘束された男性」)
             and not _ISSUE_OF.match(text, a.end)  # (nor 「台湾問題は…」: what the words are about, not who acts)
             and not sued_at(a, text)  # (nor 「ＷＴＯへの提訴を含め…」: where a case would go,
             and not VISITING.search(text, 0, a.start)  # nor 「訪問先のドイツで」: where the words are said,
             and not MET_IN.match(text, a.end)]  # nor 「ナイジェリアの首都アブジャで…会議を開き」: where they met)
    about = [a for a in named if a.case in ("subj", "about", "agent")
             or a.case in ("gen", "modifier") and _OWNS_TOPIC.match(text, a.end)]
    if about:
        return with_coordinated(text, args, about[:1], own)
    if len({a.mention.country for a in named}) == 1:
        return with_coordinated(text, args, named[:1], own)
    return []


def with_coordinated(text: str, args: list[Arg], found: list[Arg], own: set) -> list[Arg]:
    """``found`` (one arg) with the foreign actors coordinated right before it: 「ロシアと北朝鮮の…協力」,
    or compounded with it: 「日米韓の（合同訓練）」."""
    while found and (before := [a for a in args if a.end <= found[0].start]) \
            and before[-1].mention.country not in own | {None} \
            and (before[-1].particle in ("と", "や", "、") and text[before[-1].end:found[0].start] == before[-1].particle
                 or before[-1].mention.rule == found[0].mention.rule == "compound" and before[-1].end == found[0].start):
        found.insert(0, before[-1])
    while found and (after := [a for a in args if a.start >= found[-1].end]) \
            and after[0].start == found[-1].end and after[0].mention.rule == found[-1].mention.rule == "compound" \
            and after[0].mention.country not in own | {None}:
        found.append(after[0])  # 「英仏独の」: the whole compound, from its first name on
    return found


#: An evaluation of what a clause says another does: 「…が…していると懸念」「…したと批判」.
_JUDGED_CLAUSE = re.compile(r"(て|で)?(いる|いた|いく|る|た|ない|だ)と[、]?(強い|深い|深刻な|重大な)?$")

#: From a state to what the words are said with in mind: 「中国（の活動を念頭に）」.
_IN_MIND = re.compile(r"の[^、。「」をがは]{1,16}を念頭に")

#: A clause made the thing judged: 「（…が…爆破した）ことについて」「（…した）ことに対し」.
_DONE_THAT = re.compile(r"(た|る|いる|いた|ない)(ことに(ついて|対し|対して|対する)?、?|ことを受け(て)?、?"
                        r"|と(明らかにし|指摘し|説明し|発表し)(た上で)?、"  # 「…が…供与したと明らかにし、」: the fact told
                        r"|として、)")  # 「イランが…空爆し、…死亡したとして、」: the reason given

#: A name owning the subject of such a clause: 「日米（同盟の強化が）」「中国（の行動が）」.
_OWNS_SUBJECT = re.compile(r"の?[^、。「」をがはにでとの]{1,8}(の[^、。「」をがはにでとの]{1,6})?が")

#: A quote closing right before the verb that judges: 「「…」と（強く）（非難）」.
_SAID_QUOTE = re.compile(rf"「[^「」]{{4,120}}」と、?{INTENSITY}{{0,2}}$")
#: A name owning the topic a quote opens on: 「（米国）の一方的な関税引き上げは」「（ロシア）による侵略は」.
_OWNS_QUOTE_TOPIC = re.compile(r"(の|による)[^、。「」をがはにでとの]{1,14}(は|が)")
#: A question or a region named by a state: 「台湾問題」「朝鮮半島情勢」「台湾海峡」.
_ISSUE_OF = re.compile(r"(の)?(問題|情勢|海峡|周辺|地域|半島|統一|有事)")
#: A name owning the subject, topic or object of a clause, or what it is about: 「ロシア（の決定は）」
#: 「日本（の措置を）」「米韓（合同演習について）」.
_OWNS_TOPIC = re.compile(r"の?[^、。「」をがはにでとの]{1,8}(が|は|を|について)")


#: The verdict quoted between the conduct and the verb that judges it: 「…の編入を「違法だ」と（非難）」.
_VERDICT = r"、?(「[^」]{1,40}」|[^、。「」をにがはと]{1,10}?(だ|である)?)と(して|する|した)?、?"  # 「「…」と」「違法だとして」

#: From an agent to the request whose object names its act: 「…による拉致問題の解決を（強く）求めた」.
_ASKED_OF = re.compile(r"^による([^、。「」をにがは]{0,20}|[^、。「」がは]{0,30}?(試み|行動|行為|措置|活動|政策))」?(を|に|への|に対し|に対して|に対する|について)"
                       rf"({_VERDICT})?((早期に|速やかに|決して|断じて|到底)|{INTENSITY}){{0,3}}$")

#: From a nominal act to the judgment of it: 「（軍事協力）を（非難）」「（軍事協力）の拡大について深刻な（懸念）」.
_JUDGED_ACT_LINK = re.compile(r"(の[^、。「」をにがは]{1,6})?(を|に|について|に対し|に対して|に対する|への)(強く|深刻な|強い|重大な|深い)?")

#: After a nominal act: it is the topic of the sentence's judgment, or what it answers (「（攻撃）は、」「（発射）について、」
#: 「（訪問）に、」).
_ACT_TOPIC = re.compile(r"(は|について(は)?|に|に対し(て)?)、|について(は)?(?=「)")
#: From a genitive to the evaluation of the conduct it owns: 「中国の「無謀な行動」を（非難）」.
_CONDUCT_OWNED = re.compile(r"の(「[^」]{1,30}」|[^、。「」をがは]{1,25}」?|[^、。「」]{1,30}」)(を|に対する|に対して|に対し|への|に)"
                            rf"({_VERDICT})?{INTENSITY}{{0,3}}")



def joined_doers(frames: list[Frame], clause: Frame, text: str) -> list[Arg]:
    """The doers of a relative clause and of the clauses joined before it (「米国が提案し、ウクライナが
    受け入れた停戦案を歓迎」: both the one who proposed and the one who accepted)."""
    doers = list(clause.source)
    for g in reversed(frames[:frames.index(clause)]):
        if not (g.predicative and _JOINED_TO.fullmatch(text, g.match.char_end, clause.match.char_start)):
            break
        doers[:0] = g.source
        clause = g
    return doers


#: From a predicate to the next one of a chain of relative clauses: 「（提案）し、ウクライナが（受け入れた）」.
_JOINED_TO = re.compile(r"(し|して)、[^、。「」はが]{1,14}が")


#: From a relative clause's predicate to the evaluation whose object the clause qualifies:
#: 「（米国が提案）した核協議の再開を（拒否）」「（中国が主張）する境界線を（認めない）」.
_RELATIVE_OBJECT = re.compile(r"((し|さ)?(た|する|される|された|している|していた|ている|ていた))?[\u4e00-\u9fff\u30a1-\u30fa]"
                              r"[^、。「」をがは]{0,28}?(を|に|には|への|に対し|に対して|に対する)(強く|改めて|断固)?")


def relative_object(text: str, clause: Frame, f: Frame) -> bool:
    """Whether ``clause``'s predicate qualifies the object of ``f``: its verb ending, else a
    trigger that is itself a verb in attributive form (「求める（国内法の改正）」), then a noun phrase
    and the particle ``f`` takes."""
    m = _RELATIVE_OBJECT.fullmatch(text, clause.match.char_end, f.match.char_start)
    return bool(m) and (m.group(1) is not None or text[clause.match.char_end - 1] in "るうくすつぬむぶぐ")
