"""Status of an event from the modality of its predicate.

The window read is the text from the trigger to the end of its clause chain (the
sentence end, or the next trigger's clause). Markers are data-like tuples here,
ordered by strength: a denial of the event beats speculation, which beats
planning; hearsay (〜という, 〜と伝えた, 〜によると) changes nothing, so it is
simply not a marker. A doubt about a planned event (「行われないかもしれない」)
leaves it planned: planning words seen before the doubt win.

``chain_status`` sets the status of each frame of a sentence from its window
(step 4 of the extractor), and ``acts_done_to`` what is done to an act: suspended
(a SANCTION), forgone (denied), held over as a threat (THREATEN).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..plover import EVALUATIVE_TYPES, SPEECH_TYPES
from .cues import (AID_PLEDGED, ANSWERED, CONDITION, FORCEFUL, FORGONE, LIFTED, NO_PLAN, ON_CONDITION, PAST_REACH, PLANNED_BEFORE,
                   PLEDGED, PROMISED_FORCE, RELATIONS, SUSPENDED, THREAT_STANCE, TOLD_TO_LEAVE)
from .folds import content_outer
from .frame import Frame, after_suru
from .roles import Arg

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

PLANNED = ("予定", "見通し", "計画", "方針", "方向で", "方向だ", "望んで", "望む", "意向", "調整",
           "検討", "考慮", "模索", "見込み", "構え", "つもり", "準備", "目指", "招待", "日程", "を前に", "ことにな", "用意がある",
           "用意を表明", "考えを示", "方向で調整", "の実現に向け", "の開催に向け", "の実現を", "を控え")
POSSIBLE = ("可能性", "見方", "とみられ", "と見られ", "とみている", "と見ている", "かもしれない",
            "だろう", "もよう", "模様", "疑い", "観測", "推測", "可能", "とされる見通し", "公算")
DENIED = ("なかった", "ていない", "ません", "ず、", "ずに", "ずじまい", "せず", "中止", "見送", "取りやめ",
          "白紙", "されない", "しない", "行われない", "至らな", "ないまま", "報道を否定", "ことを否定", "と否定")
#: A past verb that qualifies the noun right after it: 「提案した和平計画」 (not a time: 「訪れた際」).
_PAST_ATTRIBUTIVE = re.compile(r"(し|さ)?(た|された|れた)(?![際後時前上折])[\u4e00-\u9fff\u30a1-\u30fa]")
_FINAL_KA = re.compile(r"か[。」\s]*$|か」|か\s*$")
_FUTURE_END = re.compile(r"(する|行う|訪れる|会う|開く|開催する|出席する|訪問する|向かう|へ)[。」]?$")


def status_of(window: str, *, sentence_end: bool) -> str:
    """Classify the modality of ``window`` (the text after a trigger)."""
    text = window.strip()
    if NO_PLAN.search(text):
        return "denied"
    planned_at = _first(text, PLANNED)
    possible_at = _first(text, POSSIBLE)
    denied_at = _first(text, DENIED)
    if denied_at is not None and (possible_at is None or denied_at < possible_at) \
            and (planned_at is None or denied_at < planned_at):
        return "denied"
    if planned_at is not None and (possible_at is None or planned_at < possible_at):
        return "planned"
    if possible_at is not None:
        return "possible"
    if sentence_end and _FINAL_KA.search(text):
        return "possible"
    if sentence_end and _FUTURE_END.search(text) and "た" not in text[-6:]:
        return "planned"
    return "occurred"


def _first(text: str, markers: tuple[str, ...]) -> int | None:
    best = None
    for m in markers:
        i = text.find(m)
        if i >= 0 and (best is None or i < best):
            best = i
    return best


def chain_status(frames: list[Frame], text: str, doc: "Doc", args: list[Arg]) -> None:
    """Step 4: each frame's status, chained backwards: a clause that ends in a
    conjunctive form shares the next one's."""
    following = "occurred"
    for k in range(len(frames) - 1, -1, -1):
        if k + 2 < len(frames) and content_outer(text, frames, k + 1) is not None:
            # 「電話会談し、４月に訪中することで合意した」: the call shares the agreeing's status, not
            # that of what was agreed
            following = frames[k + 2].status
        f = frames[k]
        nxt = frames[k + 1].match.char_start if k + 1 < len(frames) else len(text)
        window = text[f.match.char_end:nxt]
        if not f.predicative and window.startswith(("が", "は", "、")):
            pass  # 「首脳会談が、26日にソウルで開かれる見通し」: a subject's status is its predicate's (and a
            # headline's noun, 「米中首脳会談、15日に開催へ」)
        elif "、" in window:
            window = window[:window.index("、") + 1]  # the rest belongs to what follows
        cut = _CLAUSE_END.search(window)
        if cut:
            window = window[:cut.start() + 1]
        past = _past_end(doc, f)
        if past is not None:
            # 「訪れた際にも…調整で」: after a past verb only what is attached to it counts
            # (「依頼したとの見方」「会談したとみられる」)
            window = text[f.match.char_end:min(len(text), past + PAST_REACH)]
            window = re.split(r"[、。]", window)[0]
            m = _PAST_ATTRIBUTIVE.match(text, f.match.char_end)
            if m and not text.startswith(PLANNED + POSSIBLE, m.end() - 1):
                # 「米国の提案した和平計画」: the noun it qualifies says nothing of its status
                # (but 「拘束された可能性」 does)
                window = ""
        last = k + 1 == len(frames)
        st = status_of(window, sentence_end=last or bool(cut))
        new_subject = any(a.case == "subj" and f.match.char_end <= a.start < nxt for a in args)
        if st == "occurred" and not last and _conjunctive(window) and k + 1 < len(frames) and not new_subject \
                and following != "denied" and not (not f.predicative and ANSWERED.match(window)) \
                and not _LATER_ON.search(text, f.match.char_end, nxt) \
                and not (following == "planned" and f.type in EVALUATIVE_TYPES
                         and _TOLD_TO_COME.match(after_suru(text, frames[k + 1].match.char_end))) \
                and not (following == "planned" and _PLAN_TOLD.match(text, frames[k + 1].match.char_end)):
            # (「会談し、…提供しないとした約束」: a later negation is not this act's; 「…独立承認を受け、制裁を科す
            # 方針」: what a plan answers has happened)
            st = following
        elif st == "occurred" and _non_past(doc, f) \
                and not (f.type in DECIDED_TYPES and (_DECISION.match(after_suru(text, f.match.char_end))
                                                      or _DECIDED_NOUN.match(text[f.match.char_end:]))):
            st = "planned"  # 「訪問し、…話し合うと報じた」: a non-past act is still to come
        elif st == "occurred" and not f.predicative and PLANNED_BEFORE.search(text[:f.match.char_start]):
            st = "planned"  # 「12日に予定される米朝首脳会談」
        if not f.predicative and re.match(r"^(に対する|への|に対して)", text[f.match.char_end:]) \
                and not PLANNED_BEFORE.search(text[:f.match.char_start]):
            st = "occurred"  # 「派兵に対する…といえるだろう」: the doubt is about the judgment, not the act
        if not f.predicative and k + 1 < len(frames) and frames[k + 1].predicative \
                and frames[k + 1].type == f.type and _ATTENDED.fullmatch(text, f.match.char_end, nxt):
            st = following  # 「…首脳会議に対面では出席しない」: the meeting is as the attending is
        if st == "planned" and f.type in EVALUATIVE_TYPES and (_STANCE.match(text, f.match.char_end) or f.match.mode == "pledge" and (
                _PLAN_TOLD.match(text, f.match.char_end) or _SUPPORT_KEPT.match(text[f.match.char_end:]))):
            st = "occurred"  # 「加盟に反対する考えを示した」: a stance shown is taken now, not planned (nor is support
            # pledged for the time to come: 「支援を継続する考えを示した」「支援を続けると表明」 pledge it as they tell it)
        elif st == "planned" and f.type in SPEECH_TYPES and following != "planned" \
                and _PERFORMATIVE.search(text, 0, f.match.char_start) and _SAYS_NOW.match(text, f.match.char_end):
            st = "occurred"  # 「…を強く非難する。」「断固反対を表明し、…強く抗議する。」: saying it is doing it
        elif st == "planned" and f.type == "THREATEN":
            st = "occurred"  # 「…すれば対抗措置を取る方針を示した」: a threat is made as it is told
        f.status = st
        following = st


#: Support pledged to go on (「（支援）を続ける」「を継続する」「を強化する」): given as it is pledged.
_SUPPORT_KEPT = re.compile(r"^を(引き続き)?(続ける|継続する|強化する|続けていく)")

#: A time still to come opening the next clause (「…デモを行っており、今後も…続けるつもり」): what came
#: before it has already happened.
_LATER_ON = re.compile(r"、(今後|将来|近く|いずれ)")
#: What makes an act to come the content of a statement made now (「追放すると表明した」): a judgment before
#: it in the sentence is made now too, not to come (「…と断定し、…追放すると表明した」).
_TOLD_TO_COME = re.compile(r"(する|させる|し|を行う)と(表明|発表|明らかに|述べ|語|宣言|通告|通知)し?た")
#: After an act: the plan told (「（拠出）を再開する方針を伝えました」): the telling, and what
#: came before it in the sentence (「会談し、」), has happened; only the act told is to come.
_PLAN_TOLD = re.compile(r"(を[^、。「」]{0,12}?|[^、。「」を]{0,6}?)(方針|考え|意向|予定)を(伝え|示し|表明し|明らかにし)(た|ました)")
#: The manner of a statement made as it is said (「強く非難する」「断固として糾弾する」「強烈な不満と断固たる反対」).
_PERFORMATIVE = re.compile(r"(強く|強烈な?|断固(として|たる)?|厳重に?|厳しく|厳しい|重ねて|改めて)[^、。「」]{0,16}$")
#: The non-past end that says it (「抗議する。」「反対を表明し、」「非難する」と), with nothing to come after it.
_SAYS_NOW = re.compile(r"(する|します|を表明し|を表明する|し、)?(。|$|」)")

#: Between a meeting named as a noun and the attending of it: 「（首脳会議）に対面では（出席）」.
_ATTENDED = re.compile(r"に[^、。「」をが]{0,6}")
#: Between a measure and what is done to it: 「制裁|を一時的に|緩和」.
_OBJECT_GAP = re.compile(r"を[^、。「」をがは]{0,8}")


def acts_done_to(frames: list[Frame], text: str, args: list[Arg] = ()) -> None:
    """What is done to an act: suspended (SANCTION), forgone (denied), held over as a threat (THREATEN).
    ``args`` are the sentence's actors: a threat is its speaker's."""
    for k, f in enumerate(frames):
        after = text[f.match.char_end:]
        asked = any(g.type == "REQUEST" for g in frames[k + 1:])  # 「交渉を中止し…ことを促す」: only asked for
        if not f.predicative and LIFTED.match(after):
            f.drop = True  # 「経済制裁の解除を求める」: the measure is what is to be lifted
            if k + 1 < len(frames) and frames[k + 1].type == "CONCEDE" and not frames[k + 1].target:
                frames[k + 1].target = list(f.target)  # 「キューバに対する…指定を解除」: lifted for whom it was on
        elif not f.predicative and f.type == "SANCTION" and k + 1 < len(frames) \
                and frames[k + 1].type == "CONCEDE" and _OBJECT_GAP.fullmatch(text, f.match.char_end,
                                                                            frames[k + 1].match.char_start):
            # 「…への経済制裁を一時的に緩和した」: the easing is the act, on whom the measure was on
            frames[k + 1].target = frames[k + 1].target or list(f.target)
            f.drop = True
        elif not f.predicative and f.type in RELATIONS and SUSPENDED.match(after) and not asked:
            f.match = replace(f.match, label="SANCTION", mode="suspend")  # 「軍事支援を一時停止」「交渉を打ち切った」
        elif f.type == "MOBILIZE" and f.match.pattern == "発射" and f.status == "occurred" \
                and any(a.particle == "に向け" and a.mention.kind in ("state", "organisation", "group")
                        for a in f.target):
            f.match = replace(f.match, label="ASSAULT")  # 「イスラエルに向けて弾道ミサイルを発射」: fired at a state
        elif FORGONE.match(after) and not asked:
            f.status = "denied"  # 「供与を当面見送る」
        elif not f.predicative and f.type in ("AID", "COOPERATE", "CONSULT", "ASSAULT", "MOBILIZE") and k + 1 < len(frames) \
                and frames[k + 1].match.pattern == "否定" and _OBJECT_GAP.fullmatch(text, f.match.char_end, frames[k + 1].match.char_start) \
                and not any(a.case == "agent" for a in f.source):
            # 「中国は、ロシアへの軍事支援を否定した」: its own act denied, by the one who denies it; no refusal
            g = frames[k + 1]
            g.match, g.status, g.target, f.drop = replace(g.match, label=f.type, mode=f.match.mode), "denied", \
                [a for a in f.target if a.key not in {b.key for b in g.source}] or g.target, True
        elif not f.predicative and f.type in ("ACCUSE", "PROTEST", "REJECT") and _OPTION.match(after):
            f.drop = True  # 「ＷＴＯへの提訴も辞さない」「提訴を含め…対応を取る」: an option held out, not taken
        elif f.type in FORCEFUL and THREAT_STANCE.match(after):
            f.match = replace(f.match, label="THREATEN")  # 「規制をさらに強化する構え」
            f.status = "occurred"
        elif f.status == "occurred" and (not f.predicative and PLEDGED.match(after)
                                         or f.type == "AID" and AID_PLEDGED.match(after)) \
                and not (f.type in DECIDED_TYPES and _DECIDED_NOUN.match(after)) \
                and not (f.type == "SUPPORT" and f.match.mode == "pledge" and _SUPPORT_KEPT.match(after)):
            # (support kept up, 「支援を続けると表明」, is given as it is pledged)
            f.status = "planned"  # 「追加支援を行うと表明」: pledged, not yet given
        if f.type == "REQUEST" and TOLD_TO_LEAVE.search(text[:f.match.char_start]):
            f.match = replace(f.match, label="SANCTION", mode="expel")  # 「ロシアを離れるよう要請」
        elif f.type == "ACCUSE" and f.match.pattern in ("けん制", "牽制") \
                and (ON_CONDITION.search(text, 0, f.match.char_start)
                     or PROMISED_FORCE.search(text, 0, f.match.char_start)):
            # 「スペインが応じなければ…「2倍払わせる」と述べ、同国をけん制した」: pressure put on a condition
            f.match = replace(f.match, label="THREATEN")
        elif f.type == "THREATEN" and f.predicative and (cond := ON_CONDITION.search(text[:f.match.char_start])) \
                and (speaker := next((a for a in args if a.case == "subj" and a.particle == "は"
                                      and a.end <= cond.start() and a.mention.country), None)) is not None \
                and (put_to := list({a.mention.country: a for a in args if a.case == "subj" and speaker.end <= a.start
                                     and a.end <= f.match.char_start
                                     and a.mention.country not in (speaker.mention.country, None)}.values())):
            # 「トランプ大統領は…、合意に至らなければイランは「大きな危険」にさらされると述べ、軍事行動の可能性を
            # 示唆した」: the warning is the speaker's, to the one the condition is put to
            f.source, f.target = [speaker], put_to
        elif f.type in FORCEFUL and (f.status == "planned" or _TOLD_NON_PAST.match(after)) \
                and (cond := CONDITION.search(text[:f.match.char_start])):
            # 「人質を解放しなければ…攻撃を再開する」: a measure promised on a condition is a threat,
            # made by who says it (「首相は…イスラエル軍は…攻撃を再開すると述べた」)
            f.match = replace(f.match, label="THREATEN")
            f.status = "occurred"
            own = {a.mention.country for a in f.source}
            put = bool(f.source) and all(a.end <= cond.start() for a in f.source)  # (the condition's subject)
            speaker = next((a for a in args if a.case == "subj" and a.particle == "は" and a.end <= f.match.char_start
                            and a.mention.country and (put or not own or a.mention.country in own)), None)
            if speaker is not None and speaker not in f.source:
                # (「大統領は、Ｘ軍機が…危険にさらせば「撃墜する」と述べた」: Ｘ is whom the threat is put to)
                f.source, f.target = [speaker], list(f.source) if put else f.target
            if not f.target:  # the one the condition is put to: 「ハマスが人質を解放しなければ」
                mine = {a.mention.country for a in f.source}
                f.target = [a for a in args if a.case == "subj" and a.end <= cond.start()
                            and a.mention.country not in mine and a not in f.source][-1:]


#: After a measure, its taking told in the non-past (「（追加制裁）を科すと述べた」): a measure to come.
_TOLD_NON_PAST = re.compile(r"(を[^、。「」]{0,8}?)?(する|る|す|う|く|つ|ぶ|む)」?と(述べ|表明|警告|強調|語|明らかに|示唆|伝え|言明|発表)")


#: A stance shown (「反対する考えを示した」「応じない姿勢を強調」): an evaluation made as it is shown.
_STANCE = re.compile(r"(する|しない|していく|し続ける)?(との|という)?((考え|姿勢|立場|意向|方針)(を|で)(改めて|重ねて)?"
                     r"(示|表明|明らか|強調|鮮明|貫|崩さ|決め|決定|固め)|構え(だ|を|で|。|$))")

_CLAUSE_END = re.compile(r"(と(述べ|語|話|説明|強調|指摘|明らか|伝え|報じ|発表|主張)"
                         r"|という(?!見方|可能性|観測|疑い|見通し|予定|計画|方針|公算)|としている|とした)")


def _past_end(doc: "Doc", f: Frame) -> int | None:
    """Where the trigger's verb group ends, if it is in the past tense (した, された)."""
    if not f.predicative:
        return None
    j = f.match.end
    end = None
    while j < len(doc) and j < f.match.end + 6 and doc[j].pos_ in ("AUX", "VERB") \
            and doc[j].lemma_ in ("する", "れる", "られる", "た", "だ", "ます", "せる", "させる", "行う"):
        if doc[j].lemma_ in ("た",):
            end = doc[j].idx + len(doc[j].text)
        j += 1
    return end


#: Acts that a decision or an announcement makes real: 「追放すると発表した」 has expelled.
DECIDED_TYPES = {"SANCTION"}
_DECISION = re.compile(r"^(する|し)?(と|ことを|ことに)(発表|決定|決め|通告|通知|命じ|宣言)")

#: The same for a nominal measure: 「追加関税を課すと発表した」「制裁を発動することを決定」.
_DECIDED_NOUN = re.compile(r"^を[^、。]{0,8}?(と|ことを|ことに)(発表|決定|決め|通告|通知|命じ|宣言)")

_NONPAST_NEXT = ("と", "。", "こと", "という", "方針", "考え", "意向", "見込み", "ため", "ために")


#: Verbs (lemmas) that only hold a nominal act, whose form is then the act's tense: 「会談を行う」
#: 「演習を実施する」. Narrower than ``attach._LIGHT_VERBS`` (surface forms that make a noun
#: predicative, 表明 and 示す among them), whose verbs state rather than hold the act.
_HOLDING_VERBS = {"行う", "実施", "開く", "開催", "持つ"}


def _non_past(doc: "Doc", f: Frame) -> bool:
    """A predicative act in non-past form closing its clause (「会談すると発表した」)."""
    if f.type in SPEECH_TYPES or not f.predicative:
        return False
    j = f.match.end
    if j < len(doc) and doc[j].text in ("。", "") and doc[j - 1].pos_ == "NOUN":
        return False  # 「北朝鮮、弾道ミサイル発射。」: a headline's bare noun reports what happened
    if j + 1 < len(doc) and doc[j].text == "を" and doc[j + 1].lemma_ in _HOLDING_VERBS:
        j += 2  # 「首脳会談を行うと発表」: the light verb's form is the act's
    while j < len(doc) and doc[j].pos_ in ("AUX", "SCONJ") and doc[j].text not in ("と",):
        if doc[j].lemma_ in ("た", "だ") or doc[j].text in ("て", "で", "し"):
            return False
        j += 1
    if j < len(doc) and doc[j].text == "ている":
        return False
    return j < len(doc) and doc[j].text in _NONPAST_NEXT



def _conjunctive(window: str) -> bool:
    """The trigger's clause continues into the next predicate (「訪問し、」「訪問、」)."""
    w = window.strip()
    return w == "" or w.startswith(("し、", "して", "、", "し,", "を行い", "を行って", "に臨み")) \
        or w.endswith(("、", "し", "して", "て"))


#: After an act named as a noun: an option held out (「（提訴）も辞さない」「を含め」「も視野に」).
_OPTION = re.compile(r"^(も|を)(辞さない|含め|含む|視野に|排除しない)")
