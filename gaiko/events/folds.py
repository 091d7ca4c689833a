"""Folds: triggers that are another's content, and triggers that are one event.

「プーチン大統領の訪朝を要請」 is one request whose content is a visit; 「親書を
手渡した」 is one letter; a visit and the meeting with its host reported together
are one CONSULT visit (shared/gold/README.md, counting rules 2 and 3).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..plover import SYMMETRIC_TYPES
from .cues import AIMED, AVOIDED, FIRST_SESSION, GROWTH, HYPOTHETICAL, NO_PLAN, OBSTRUCTED, OTHER_LEVEL, PROMISED, PURPOSE, QUESTIONED, SCENARIO, TOWARD, UNREALISED
from .frame import Frame
from .roles import Arg
from .subjects import quote_spans

#: Types whose trigger can take another trigger as its content (「訪朝を要請」).
_CONTENT_OUTER = {"REQUEST", "SUPPORT", "ACCUSE", "REJECT", "AGREE", "THREATEN"}
#: Speech acts are events even when they are another's content (「非難を否定」).
_SPEECH_ACTS = {"ACCUSE", "REQUEST", "THREATEN"}
_GROWTH = "|".join(GROWTH)  # (as an alternation, for the links below)
#: What may stand between a content trigger and the one it is the content of.
_CONTENT_LINK = re.compile(r"^(する|した|される|された)?(こと)?((の|への|に向けた)[^、。「」]{0,6}?)?(を|に|で|の|も|から)"
                           r"(心から|改めて|重ねて|強く|深く|温かく|大いに)?$"  # 「訪日を心から（歓迎）」
                           r"|^(を|の)?(中止|停止|中断|やめ|止め|控え|自制)?(する|しない|させる|させない|せず)?(よう|ように)"
                           r"(、?[^、。「」]{1,12}?(に|に対し|に対して)、?)?(強く|改めて|重ねて)?$"  # 「非難するよう中国に（求めた）」
                           r"|^を[^、。「」]{1,8}?(よう|ように)$"
                           rf"|^(の)?(一層の|さらなる)?({_GROWTH})(を|で|に)$"  # 「連携強化を（確認）」
                           r"|^を[^、。「」]{0,4}?(中止|停止|中断|やめ|止め|控え)(る|する)$"  # 「武器売却を直ちにやめる（べきだ）」
                           r"|^(す|する)$"  # 「制裁を解除す（べきだ）」
                           r"|^を[^、。「」]{0,6}?(停止|中止|中断|やめ|控え)(する|させる)?ことで$"  # 「攻撃を３０日間停止することで（合意）」
                           r"|^([とや][^、。「」]{1,6})?の(完全な|全面的な|即時の|即時|一時的な|一時)?(停止|中止|中断)を$"  # 「軍事支援と情報提供の完全な停止を（求めた）」
                           rf"|^を(一層|さらに|より|一段と)?({_GROWTH})(する|していく|させる)(方針|考え|こと)?(を|で)$"  # 「連携を一層強化する方針を（確認）」
                           r"|^(を|に)?[^、。「」]{0,8}?([うくすつぬぶむるぐ]|ない)と$")  # 「攻撃を再開すると警告」: what is to come
#: Refusals that react to what was done (not 「反対」, which may oppose what is only proposed).
_REACTIONS = ("反発", "反論")
#: Between two acts of a kind named together: 「（軍事支援）と情報（提供）」.
_COORDINATED_ACT = re.compile(r"[とや、・][^、。「」をにがは]{0,4}")
#: From a speech act to the request it is asked by: 「（非難）するよう（求めた）」.
_ASKED_OF = re.compile(r"(する|しない|せず)?(よう|ように)")
#: From an act to the request whose よう-clause it opens: 「（放棄）し、これ以上の…を行わないよう（求めた）」.
_ASKED_CLAUSE = re.compile(r"(する|し|して|せず|しない)?、?[^。「」がは]{0,40}?(よう|ように)(強く|改めて|重ねて)?")
#: What closes an act done, that a request is about, or a statement of its own before it: not what is asked
#: (「拘束したことについて、…よう求めた」).
_DONE_BEFORE = re.compile(r"(た|だ)(ことに(ついて|対し)|として、|ことを受け)"
                          r"|と(述べ|語り|強調し|指摘し|表明し|主張し|訴え)(た上で|て)?、")  # 「反対すると述べ、…よう求めた」: said, then asked
#: The one asked, named after an act: the act is the asker's own (「…停戦案を歓迎し、ロシアに対して…よう求めた」).
_ADDRESSED_AFTER = re.compile(r"、[^、。「」をがは]{1,20}(に対し|に対して)")
#: A promise or agreement referred to as kept or broken, no new one: 「（約束）を守る」「（合意）に違反」.
_PROMISE_HELD = re.compile(r"(を(守|履行|破|反故)|に(違反|背))")
#: Outer types whose content is still to come, and the acts that may be that content:
#: 「日米韓の安全保障協力を強化することで一致」 is one agreement, not a cooperation.
_PROSPECTIVE = {"AGREE", "REQUEST", "SUPPORT"}
_COOPERATIVE = {"COOPERATE", "CONSULT", "AGREE", "AID", "SUPPORT"}
_AGREED_CLAUSE = re.compile(r"^[^、。「」]{0,16}?(こと|よう)(で|を|に)?(意見が|見解が|認識が)?$")  # (「…ことで意見が（一致）」)
#: From talks agreed on to the agreeing: 「（２＋２）を本年後半に東京で開催する方向で調整していくことで（一致）」.
_HELD_CLAUSE = re.compile(r"^(（[^）]{1,12}）)?を[^、。]{0,20}?(開催|開く|開き|行う|実施|再開|持つ)[^、。]{0,12}?(こと|方向)(で|を|に)?$")
#: A claim whose denial is only the status of what it claims (「会談したとの報道を否定」).
_CLAIM_DENIED = re.compile(r"(報道|報じ|指摘|見方|情報|観測|疑惑|主張|説|うわさ|噂)(を|は|について)、?(「[^」]{1,30}」と)?"
                           r"(完全に|強く|全面的に|改めて)?$")
#: From the owner of a claim to its denial: 「（日本）の主張を否定」.
_CLAIM_OWNED = re.compile(r"^(側)?の(報道|指摘|見方|情報|観測|疑惑|主張|説)(を|は|について)")
#: Between a claimed act and the claim noun: 「…したとの報道」「…しているという指摘」.
_CLAIMED = re.compile(r"^[^。]{0,20}?(との|という|とする)[^、。]{0,10}(報道|指摘|見方|情報|観測|疑惑|主張|説|うわさ|噂)")
#: A quote followed by the verb that says what kind of act it is: 「「…」と非難した」.
_CONTENT_QUOTE = re.compile(r"^(だ|である)?と[^、。「」]{0,6}?(非難|批判|反論|反発|否定|主張|指摘|警告|糾弾)")
#: A demand in attributive form before the protest noun: 「釈放を求める(デモ)」「…に抗議する(集会)」.
_DEMAND_BEFORE_NOUN = re.compile(r"^(する|した|る|た|している)?[^、。]{0,8}$")
#: A demand made by the protest it drives: 「謝罪を求めて座り込み」 (one PROTEST with its demands).
_DEMAND_OF_PROTEST = re.compile(r"^(て|して|し、|、)")
#: A nominal trigger broken or defied: 「停戦合意に違反」「制裁に反して」「決議を無視して」.
_VIOLATED = re.compile(r"(に|へ)(違反|反し|反する|背い|背く)|を(無視|破っ|破る)")
#: A nominal trigger that is only a topic.
_ABOUT = re.compile(r"^(([とや][^、。「」]{0,10}?)?(について|をめぐ|に関す|に関し))")
#: What makes a nominal trigger in subject position an event: it is held, set or done, takes
#: effect, or is under way (「停戦合意が発効した」「停戦交渉は大詰めを迎えている」), or, a stance,
#: is voiced (「…から謝意が表明されました」: the foreign ministry's passive of saying).
_HELD = re.compile(r"(行われ|開かれ|実施|実現|開催|終了|決裂|始ま|予定|見通し|計画|可能性|中止|見送|延期|続い|続け"
                   r"|発効|成立|妥結|締結|調印|署名|大詰め|再開|難航|行き詰ま|決ま|決定され|承認され"
                   r"|表明され|示され|伝えられ|述べられ|寄せられ|なされ"
                   r"|時間|[0-9０-９]+分|及ん|わたっ|わたり|冒頭|終わ|終え|閉幕|開幕|非公開|雰囲気"  # 「会談は約１時間に及んだ」
                   r"|^が(あり|あっ|起き|発生))")  # 「ロシア軍のミサイル攻撃があり、」: it took place
#: 「1月14日の発射実験は」: a nominal trigger with its own date is an event spoken of.
_DATED_NOUN = re.compile(r"([0-9０-９一二三四五六七八九十]+日|曜日|[0-9０-９]+月)(にかけて)?の[^、。]{0,8}$"
                         r"|([0-9０-９一二三四五六七八九十]+日|[0-9０-９]+月)(にかけて)?の[^、。]{0,12}による[^、。]{0,24}$")
#: A nominal trigger the text reports as held (「先週行われた…会談について」).
_REALISED = re.compile(r"(行われた|開かれた|行った|実施した|開催された|起きた|発生した)[、]?[^。]{0,40}$")


#: Between an act noun and the verb it is the object of: 「合意|に仮|署名」「協定|を|締結」.
_NAMED_ACT_GAP = re.compile(r"(案)?(に|を)(正式に|仮)?")


def fold(text: str, frames: list[Frame]) -> None:
    """Step 5: what is no act of its own leaves (``Frame.drop``), and what is one event is folded."""
    drop_non_acts(text, frames)
    drop_content(text, frames)
    fold_claims(text, frames)
    fold_quoted(text, frames)
    fold_letters(frames, text)
    fold_visits(frames)
    fold_named_acts(text, frames)
    reasons_done_by_the_charged(text, frames)
    drop_told_again(text, frames)


#: From an act to the same act told again in the passive: 「（拒否権）を行使し、（否決された）」.
_AGAIN_PASSIVE = re.compile(r"(を[^、。「」]{1,4})?(し|して)、")


def drop_told_again(text: str, frames: list[Frame]) -> None:
    """「ロシアが拒否権を行使し、否決された」: an act told again in the passive, with no doer of its
    own, is no second act (nor one the story's other side could be lent to)."""
    for g, f in zip(frames, frames[1:]):
        if f.passive and not f.source and g.type == f.type and g.source and not g.drop \
                and _AGAIN_PASSIVE.fullmatch(text, g.match.char_end, f.match.char_start):
            f.drop = True


#: What ends a reason given for a charge or a measure, after the act: 「（供与）しているとして」「（侵犯）した
#: とし、」「（発射）を繰り返しているとして」.
_GIVEN_AS_REASON = re.compile(r"(を[^、。「」をがは]{0,6}?)?(して(いる|いた|おり)|した|する|させた|させている|している|た|る|て(いる|いた))?"
                              r"(など)?(として|とし、)")
#: Acts taken against one charged with what the reason says.
_CHARGING = {"ACCUSE", "SANCTION", "COERCE", "REJECT", "THREATEN", "PROTEST"}


def reasons_done_by_the_charged(text: str, frames: list[Frame]) -> None:
    """「米国は、ロシアに武器を供与しているとして中国を批判した」: the act given as the reason, with
    no subject of its own (its source is the topic's, named before it), is the one charged's:
    China's, not the United States'."""
    for k, f in enumerate(frames):
        if f.drop or not f.source or not _GIVEN_AS_REASON.match(text, f.match.char_end):
            continue
        g = next((g for g in frames[k + 1:] if g.type in _CHARGING and g.predicative and not g.drop), None)
        if g is None or {a.key for a in f.source} != {a.key for a in g.source}:
            continue
        charged = [a for a in g.target if a.mention.kind not in ("place", "capital")]
        if charged and all(a.end <= f.match.char_start for a in f.source):
            f.source = charged
            f.target = [a for a in f.target if a.key not in {c.key for c in charged}]


def fold_named_acts(text: str, frames: list[Frame]) -> None:
    """An act named as the object of a verb of the same kind is that verb's event:
    「和平合意に署名した」「停戦合意を締結」 report one agreement, not two; so is an act named
    as what another is (「ウクライナへの軍事支援として…ユーロを拠出」)."""
    for k, f in enumerate(frames):
        if f.drop or f.predicative or not text.startswith("として", f.match.char_end):
            continue
        g = next((g for g in frames[k + 1:] if g.type == f.type and g.predicative and not g.drop), None)
        if g is not None:
            g.source, g.target = g.source or f.source, g.target or f.target
            f.drop = True
    for f, g in zip(frames, frames[1:]):
        if not f.drop and not g.drop and not f.predicative and g.predicative and f.type == g.type \
                and _NAMED_ACT_GAP.fullmatch(text, f.match.char_end, g.match.char_start):
            g.source, g.target = g.source or f.source, g.target or f.target
            f.drop = True
        elif not f.drop and not g.drop and not f.predicative and g.predicative and f.type == g.type \
                and text[f.match.char_end:g.match.char_start] == "の":
            # 「資産凍結の制裁を発動」: the kind of measure named, and its targets, are the measure's
            g.source, g.target = g.source or f.source, f.target or g.target
            f.drop = True
        elif not f.drop and not g.drop and f.match.pattern in _SUMMONS and g.type == "ACCUSE" \
                and _SUMMONED_TO.fullmatch(text, f.match.char_end, g.match.char_start):
            # 「大使を呼んで抗議した」「公使を呼び出し、…抗議した」: one protest, to the envoy summoned (and whose act)
            g.source, g.target = g.source or f.source, f.target + [a for a in g.target if a not in f.target]
            f.drop = True


#: A pledge made of an act: 「（提供）すると約束した」「（協力）を強化すると約束」 (a verb of promising, not a
#: promise named).
_PLEDGED_ACT = re.compile(r"(を(強化|拡大|継続|深化|一層強化))?(する|を行う)と(約束|確約|誓約)(し|す)")
#: What a pledge keeps as an act to come: aid (gold/README.md), support and cooperation
#: (「…を積極的に支持すると約束」「協力を強化すると約束」).
_PLEDGED_TYPES = {"AID", "SUPPORT", "COOPERATE"}

#: Summoning an envoy, and what may stand between it and the protest made to him.
_SUMMONS = {"呼ぶ", "呼び出す", "呼び出し", "召致"}
_SUMMONED_TO = re.compile(r"(ん|び)?(で|て|、|し、|して|、?[^。「」]{0,20}?(に|で)、?)")
#: A noun a quote ends on as what it calls something: 「…非難だ」と」「…侵略である」と」.
_CHARACTERISED = re.compile(r"(だ|である|です|にすぎない|に過ぎない)」")
#: Feelings a quote ends on are the speaker's own act, not a name for another's: 「「極めて遺憾だ」と述べ」.
_FELT = {"遺憾", "不満", "懸念", "憂慮", "不快感"}


def drop_non_acts(text: str, frames: list[Frame]) -> None:
    """Hypotheses, promises, blocked attempts and manners are not events."""
    for f in frames:
        if PROMISED.match(text[f.match.char_end:]) and not (f.type in _PLEDGED_TYPES and _PLEDGED_ACT.match(text, f.match.char_end)):
            f.drop = True  # 「兵器を提供しないとした約束」: what a promise or a plan says, not an act
            # (but aid pledged, 「融資を提供すると約束した」, is that aid to come: gold/README.md)
        elif OBSTRUCTED.match(text[f.match.char_end:]):
            f.drop = True  # 「制裁を強化しようとする…努力を妨害」: an attempt blocked is no act
        elif AIMED.match(text[f.match.char_end:]) or f.predicative and PURPOSE.match(text[f.match.char_end:]):
            f.drop = True  # 「中国をけん制する狙い」「…を断るには、」: what an act is for, not the act
        elif HYPOTHETICAL.match(text[f.match.char_end:]) or SCENARIO.match(text[f.match.char_end:]):
            f.drop = True  # 「侵攻を受けた場合」「派遣すれば」「侵攻を想定した訓練」: a condition, not an event
        elif not f.predicative and UNREALISED.match(text, f.match.char_end):
            f.drop = True  # 「停戦合意の実現は見通せない」: doubted, neither done nor planned
        elif not f.predicative and f.type != "CONSULT" and TOWARD.match(text, f.match.char_end):
            f.drop = True  # 「人質解放に向けた交渉」「停戦合意を目指す」: a goal worked toward, not yet done
        elif QUESTIONED.match(text, f.match.char_end):
            f.drop = True  # 「…に暗殺されるのでは？」: a question asked, not an act reported
        elif not f.predicative and _VIOLATED.match(text, f.match.char_end):
            f.drop = True  # 「停戦合意に違反した」「制裁に反して」: what is broken is not done here
        elif re.match(r"^(を)?(せずに|することなく|しないで)", text[f.match.char_end:]):
            f.drop = True  # 「立場を放棄せずに取り組む」: how something else is done
        elif not f.predicative and _CHARACTERISED.match(text, f.match.char_end) and f.match.pattern not in _FELT:
            f.drop = True  # 「「根拠のない非難だ」と反論」「「侵略だ」と非難」: what another's act is called
        elif not f.predicative and AVOIDED.match(text, f.match.char_end):
            f.drop = True  # 「停戦協定の破棄を防ぐため」「軍事衝突を避ける」: what is to be kept from happening


def content_outer(text: str, frames: list[Frame], k: int) -> Frame | None:
    """The frame whose content ``frames[k]`` is (「訪朝を要請」: the visit is what is asked;
    「４月に訪中することで合意」: what is agreed), or None."""
    if k + 1 >= len(frames):
        return None
    f, outer = frames[k], frames[k + 1]
    # (a quote that holds only the content closes before its verb: 「「…撤回するよう」求めた」)
    link = text[f.match.char_end:outer.match.char_start].replace("」", "").replace("』", "")
    if outer.type == f.type and not f.predicative and not outer.predicative and _COORDINATED_ACT.fullmatch(link):
        return content_outer(text, frames, k + 1)  # 「軍事支援と情報提供の…停止を求めた」: both are what is asked
    if (outer.type in _CONTENT_OUTER or outer.type == "CONSULT" and outer.match.mode in ("meet", "multilateral")
            and f.type == "CONSULT" or outer.match.mode == "mediate") \
            and (len(link) <= 12 and _CONTENT_LINK.match(link)
                 or (outer.type in _PROSPECTIVE and f.type in _COOPERATIVE
                     or outer.type == "AGREE" and f.type in ONE_WAY and _one_party(outer, f)) and _AGREED_CLAUSE.match(link)
                 or outer.type == "AGREE" and f.type == "CONSULT" and _HELD_CLAUSE.match(link)):
        return outer
    if outer.type == f.type == "CONSULT" and outer.match.mode == "multilateral" and link in ("への", "に"):
        return outer  # 「首脳会議への出席」: one attendance
    if outer.type == "SUPPORT" and (f.type == "REQUEST" or f.type == "SUPPORT" and outer.match.mode == "thanks") \
            and not f.predicative and link in ("に対する", "に対して", "に対し", "への", "に"):
        return outer  # 「招待に対する謝意」「歓迎への謝意」: what is thanked for, not an act made here
    return None


def clause_start(text: str, frames: list[Frame], k: int) -> int:
    """Where the clause of ``frames[k]`` starts: after the last comma or the trigger before it."""
    before = frames[k - 1].match.char_end if k else 0
    return max(before, text.rfind("、", 0, frames[k].match.char_start) + 1)


#: Agreeing words that pledge what they take as content: 「軍事支援を約束」.
_PLEDGES = ("約束", "確約", "誓約")
#: A time in a clause: 「来月」「４月に」「年内に」「来年春」「近く」.
_TIME_GIVEN = re.compile(r"[0-9０-９一二三四五六七八九十]+(月|日)|来月|来年|来週|今月|今年|年内|月内|年明け|近く|近日|早期|早い時期"
                         r"|(春|夏|秋|冬)(に|ごろ|頃|まで)")


def _as_states(args: list[Arg]) -> list[Arg]:
    """The states of ``args`` (each person stands for the state it acts for)."""
    out: dict[str, Arg] = {}
    for a in args:
        c = a.mention.country
        if c and c != "IGO" and c not in out:
            out[c] = replace(a, mention=replace(a.mention, id=c, kind="state", sector="GOV"))
    return list(out.values()) or args


def drop_content(text: str, frames: list[Frame]) -> None:
    """A trigger that is only what another asks, backs or refuses is not an event.

    「プーチン大統領の訪朝を要請」: the visit is the request's content, and its
    agent becomes the request's addressee. A nominal trigger that is only a topic
    (「発射実験について」) is dropped too, unless the text reports it as held
    (「行われた…会談について」).
    """
    for k, f in enumerate(frames):
        if f.type == "AGREE" and not f.predicative and _PROMISE_HELD.match(text, f.match.char_end):
            f.drop = True  # 「非核化の約束を守るよう促した」: a promise made before, referred to
            continue
        if f.type in _SPEECH_ACTS:
            outer = content_outer(text, frames, k)
            if outer is not None and outer.type == "REQUEST" and f.predicative \
                    and _ASKED_OF.match(text, f.match.char_end, outer.match.char_start):
                f.drop = True  # 「ロシアの侵攻を非難するよう中国に求めた」: asked for, not yet said
                outer.target = outer.target or [a for a in f.target if a.case == "dat"]  # (「ＩＡＥＡに対し、…非難するよう」)
            elif outer is not None and outer.type == "SUPPORT" and f.type in ("REQUEST", "SUPPORT") and not f.predicative:
                f.drop = True  # 「招待に対する謝意」「歓迎への謝意」: what is thanked for, not an act made here
            continue
        asked = next((g for g in frames[k + 1:] if g.type == "REQUEST" and g.predicative), None)
        if asked is not None and f.predicative and f is not asked and f.type != "CONSULT" \
                and asked.match.char_start - f.match.char_end > 12 \
                and _ASKED_CLAUSE.fullmatch(text, f.match.char_end, asked.match.char_start) \
                and not _DONE_BEFORE.search(text, f.match.char_end, asked.match.char_start) \
                and not _ADDRESSED_AFTER.search(text, f.match.char_end, asked.match.char_start):
            f.drop = True  # 「北朝鮮に対し、計画を放棄し、…行わないよう求めた」: the よう-clause is what is asked,
            if not asked.target:  # and the one told is the one asked
                asked.target = [a for a in f.target if a.case == "dat"]
            continue
        outer = content_outer(text, frames, k)
        if outer is not None:
            if outer.type == "AGREE" and f.type in ONE_WAY and _one_party(outer, f):
                # 「EUは…追加制裁をロシアに科すことで合意した」「NATOは…支援を約束した」: one party (a body,
                # its members) agreeing on what it will do to another: that act, planned; no agreement
                outer.drop = True
                f.status = "planned" if outer.status == "occurred" else outer.status
                f.source = f.source or list(outer.source)
                f.target = f.target or [a for a in outer.target if a.key not in {b.key for b in f.source}]
                continue
            if outer.match.pattern in _PLEDGES and f.type == "AID":
                # 「追加の軍事支援を約束した」: a pledge of concrete aid is that aid, planned (gold/README.md)
                outer.drop = True
                f.status = "planned" if outer.status == "occurred" else outer.status
                f.source, f.target = f.source or list(outer.source), f.target or list(outer.target)
                continue
            if outer.match.pattern in ("確認", "一致") and f.type == "COOPERATE":
                # 「連携していくことを確認」「協力を強化することで一致」: agreeing to work together is
                # COOPERATE (gold/README.md: intent to cooperate), as done as the agreeing is
                outer.drop = True
                f.status = outer.status
                if outer.source and outer.target:  # (「日米韓の協力」 inside is what they agree on)
                    f.source, f.target = list(outer.source), list(outer.target)
                continue
            clause = (clause_start(text, frames, k), f.match.char_start)
            outer.content.append(clause)
            if outer.type == "AGREE" and f.type == "CONSULT" and f.match.mode != "letter" \
                    and _TIME_GIVEN.search(text, text.rfind("、", 0, f.match.char_start) + 1, outer.match.char_start):
                # 「来月モスクワで再び会談することで合意」: the agreement, and the meeting agreed on as planned
                # (gold/README.md: an agreed future meeting with its time given is a planned CONSULT too), the
                # time before or after its name (「「…経済対話」を来年春に東京で開くことで合意」)
                f.status, f.agreed = "planned", True
                if not f.target:  # (「再び会談する」: those who agreed to)
                    f.source, f.target = list(outer.source), list(outer.target)
                first = FIRST_SESSION.search(text, clause[0], f.match.char_end) is not None
                if OTHER_LEVEL.search(text, 0 if first else clause[0], outer.match.char_start):
                    # 「次官級による「２プラス２」対話を年内に開く」: talks at another level are the states'
                    # (「局長級の「２プラス２」を新設し、初会合を…」: the first session of the body named before)
                    f.source, f.target = _as_states(f.source), _as_states(f.target)
                continue
            if outer.type == "AGREE" and f.type == "REJECT" and f.predicative and f.target \
                    and all(a.case == "agent" for a in f.target):
                # 「両大臣は、中国による…試みに強く反対することで一致」: both oppose the one whose act is
                # named, as condemnations agreed on are made (a stance on no one's act is only the agreement)
                continue
            if outer.type == "AGREE" and f.type == "AID" and f.predicative:
                # 「４００億ユーロを拠出することで合意」: aid pledged, not yet given (gold/README.md: AID planned)
                f.status = "planned"
                f.source = f.source or list(outer.source)
                continue
            # 「訪露を協議」: the visit is what the talks are about; but what is accused or reacted to
            # happened (「ロシアのウクライナ侵攻に抗議」「…の台湾訪問に反発」): it stays an event of its own, and
            # the judgment is aimed at its doer, not at whom or where it was done
            judged = outer.type == "ACCUSE" or outer.type == "REJECT" and outer.match.pattern in _REACTIONS
            f.drop = f.drop or not judged
            if judged and not f.predicative and f.source and (f.type not in SYMMETRIC_TYPES or f.match.mode == "visit"):
                outer.target = [a for a in outer.target if a not in f.target] or outer.target
            if outer.match.mode == "mediate":  # 「（カタールは）米国やエジプトとともに交渉を仲介」: co-mediators
                outer.source += [a for a in f.source + f.target if a.case == "with" and a not in outer.source]
            if outer.match.mode == "mediate" and not outer.target:  # 「AとBの停戦交渉を仲介」: A and B are the mediated
                outer.target = [a for a in (f.gens or f.source + f.target)
                                if a.key not in {s.key for s in outer.source}]
            if outer.type == f.type == "CONSULT" and not outer.target:
                # 「習主席とオンライン形式で会談」: the manner's partner; 「ＡＳＥＡＮ関連外相会議に出席」: the body
                outer.target = list(f.target or f.gens)
            holder = next((g for g in reversed(frames[:k]) if g.type == "COERCE" and (g.source or g.target)), None) \
                if outer.type == "REQUEST" and f.type == "CONCEDE" else None
            if holder is not None:
                # 「中国当局に拘束されている日本人の早期解放を求めた」: a release is asked of the one holding
                # them; 「中国に対し、拘束されている日本人の解放を求めた」: the one asked holds them
                outer.target = outer.target or [a for a in holder.source if a.key not in {s.key for s in outer.source}]
                askers = {a.mention.country for a in outer.source}
                if not holder.source or {a.mention.country for a in holder.source} <= askers:
                    # (「国務省は、ロシアに対し、拘束している米国人記者の釈放を要求」: not the asker's own)
                    holder.source = [a for a in outer.target if a.mention.country not in askers | {None}] \
                        or holder.source
            if outer.type == "SUPPORT" and f.match.mode == "visit" and f.source:  # 「…首相の訪日を歓迎」: the visitor,
                outer.target = [a for a in outer.target if not f.match.char_start <= a.start < f.match.char_end]  # not 日
            if not outer.target and outer.type != "CONSULT":
                own = [a for a in f.target if a.mention.rule != "trigger"]
                if f.predicative:  # 「イランにイスラエルを攻撃しないよう警告」: the one told is the dative
                    asked = [a for a in own if a.case == "dat"] or f.gens or own or f.source
                else:  # 「米国による台湾への軍事支援を中止するよう求めた」: asked of the one who acts
                    asked = f.gens or [a for a in f.source if a.case in ("agent", "gen")] or own or f.source
                outer.target = [a for a in asked if a.key not in {s.key for s in outer.source}]
            continue
        if not f.predicative and f.type == "CONSULT" and _ABOUT.match(text[f.match.char_end:]) \
                and NO_PLAN.search(text, f.match.char_end):
            # 「…の首脳会談について「具体的な予定はない」と否定した」: the meeting is denied, and the
            # denial is of it, no refusal of its parties
            f.status = "denied"
            for g in frames[k + 1:]:
                g.drop = g.drop or g.type == "REJECT" and g.match.pattern == "否定"
        elif not f.predicative and _ABOUT.match(text[f.match.char_end:]) \
                and not _REALISED.search(text[:f.match.char_start]):
            f.drop = True
        elif not f.predicative and re.match(r"^(は|が)", text[f.match.char_end:]) \
                and not _HELD.search(text[f.match.char_end:]) and not _REALISED.search(text[:f.match.char_start]) \
                and not _DATED_NOUN.search(text[:f.match.char_start]):
            f.drop = True  # 「両国の連携は…懸念を高めている」: talked about, not reported as held


#: Acts one side does to another, which one party alone may agree to do.
ONE_WAY = {"SANCTION", "AID", "SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "COERCE", "REJECT"}


def one_side(args: list[Arg]) -> bool:
    """Whether ``args`` are one party: one state, or one international body (its members)."""
    return len({a.mention.country if a.mention.country != "IGO" else a.key for a in args}) == 1


def _one_party(outer: Frame, f: Frame) -> bool:
    """Whether the agreement ``outer`` is one party's: its agreeing side is one state or body,
    and no partner stands beside it (whoever it names besides is the one the agreed act ``f`` is
    done to: 「ウクライナへの支援を約束」)."""
    inner = {a.key for a in f.target + f.gens} - {a.key for a in f.source}
    return one_side(outer.source + f.source) and all(a.key in inner for a in outer.target)


def fold_quoted(text: str, frames: list[Frame]) -> None:
    """Words quoted as what someone accuses or denies are that act's content, not events:
    「同氏が「米国に十分感謝していない」と非難」 reports one accusation."""
    for start, end in quote_spans(text):
        if not _CONTENT_QUOTE.match(text[end:]):
            continue
        outer = [f for f in frames if f.match.char_start >= end]
        if not outer:
            continue
        for f in frames:
            if start < f.match.char_start < end and f.type not in ("ACCUSE", "REJECT", "THREATEN", "REQUEST"):
                f.drop = True


def fold_claims(text: str, frames: list[Frame]) -> None:
    """A denied report is no rejection (the report's act is denied instead), unless the claim
    denied is someone's (「日本の主張を否定」: a rejection of Japan's claim, aimed at Japan); and
    a demand voiced by a protest is part of the protest (gold rule: a protest with its slogans
    and demands is one PROTEST)."""
    for k, f in enumerate(frames):
        if f.type == "REJECT" and _CLAIM_DENIED.search(text[:f.match.char_start]):
            owns = lambda a: _CLAIM_OWNED.match(text[a.end:f.match.char_start])  # noqa: E731 (「…トランプ氏の主張を拒否」)
            f.target = f.target if any(map(owns, f.target)) else [b for g in frames[:k] for b in g.source if owns(b)][:1] or f.target
            f.drop = not any(map(owns, f.target))
            for g in frames[:k]:  # 「…提供しようとしているとの指摘を否定」: the claimed act is denied
                if _CLAIMED.search(text[g.match.char_end:f.match.char_start]):
                    g.status = "denied"
        elif f.type in ("REQUEST", "ACCUSE") and k + 1 < len(frames) and frames[k + 1].type == "PROTEST" \
                and _DEMAND_BEFORE_NOUN.match(text[f.match.char_end:frames[k + 1].match.char_start]):
            f.drop = True  # 「釈放を求めるデモ」: the demand is the protest's
        elif f.type in ("REQUEST", "ACCUSE") and _DEMAND_OF_PROTEST.match(text[f.match.char_end:]):
            keys = {a.key for a in f.source}
            if any(g.type == "PROTEST" and not g.drop and (not g.source or keys & {a.key for a in g.source})
                   for g in frames[k + 1:]):
                f.drop = True


def fold_letters(frames: list[Frame], text: str) -> None:
    """「Xの親書を手渡した」: one letter event, author X; recipient from the meeting before."""
    last_consult: Frame | None = None
    prev_letter: Frame | None = None
    for f in frames:
        if f.type == "CONSULT" and f.match.mode == "letter":
            carriers = {a.key for a in f.source} if f.predicative else set()
            if prev_letter is not None and f.match.char_start - prev_letter.match.char_end <= 4:
                keep = prev_letter
                keep.target.extend(a for a in f.target if a not in keep.target)
                if not keep.source:
                    keep.source = f.source
                if f.status != "occurred":
                    keep.status = f.status  # 「書簡を届けるため」: the verb carries the modality
                f.drop = True
                f = keep
            if not f.target and last_consult is not None and carriers \
                    and carriers <= {a.key for a in last_consult.source}:
                # 「カストロ議長と会見し、金委員長の親書を手渡した」: handed to the one met
                f.target = [a for a in last_consult.target]
            prev_letter = f
        elif f.type == "CONSULT":
            last_consult = f


def fold_visits(frames: list[Frame]) -> None:
    """A visit and the meeting with its host, in one sentence, are one CONSULT visit."""
    visits = [f for f in frames if f.type == "CONSULT" and f.match.mode == "visit" and not f.drop]
    meets = [f for f in frames if f.type == "CONSULT" and f.match.mode in ("meet", "phone", "host", None) and not f.drop]
    for v in visits:
        for m in meets:
            if m.drop or m.agreed or v.agreed or (m.status == "denied") != (v.status == "denied"):
                continue  # (a call held and a visit agreed on in it are two, as are a visit and a meeting not held on it)
            vs = {a.key for a in v.source}
            ms = {a.key for a in m.source}
            mt = {a.key for a in m.target}
            if vs and vs & mt and not vs & ms:
                # 「訪韓中のブリンケン長官と会見した」: the visit is the meeting's setting
                v.drop = True
                break
            if not ms or vs & ms or not vs:
                v.source = v.source or m.source
                hosts = [a for a in m.target if a.key not in vs]
                if hosts:
                    v.target = hosts
                m.drop = True
                break

