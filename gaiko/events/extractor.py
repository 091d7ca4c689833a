"""From one parsed sentence to event frames, and from frames to Events.

The steps, per sentence: 1–3 are ``read_frames`` (which needs the dependency
parse only for some roles), the rest ``complete_frames``:
  1. triggers: ``TriggerRuler.match`` over the tokens;
  2. args: the sentence's actor mentions with their case particles (``roles``);
  3. attachment: dependents (を/に/と) go to the trigger their dependency path
     reaches first, else to the nearest trigger after them; a genitive goes to a
     nominal trigger right after it; a subject (が/は) goes to every predicative
     trigger after it until another subject takes over (serial predicates share
     one subject), and a sentence with none borrows the previous sentence's;
  4. status from the clause after the trigger (``status``), passives swap roles;
  5. folds (``folds``): content triggers leave, a visit and the meeting with its
     host in one sentence are one CONSULT visit, a letter's noun and its
     handing-over verb are one letter.
Subjects are read in ``subjects``, roles frames lend each other in ``lending``;
the pipeline then dates each event
(``dating``) and merges repeated mentions in a document (``merge``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..identity import document_key
from ..plover import (ADDRESSED_TYPES, AIMED_AT_FOREIGN, EVALUATIVE_TYPES, SAID_TYPES, SPEECH_TYPES, SYMMETRIC_TYPES,
                      TARGETLESS)
from ..records import ActorMention, Event, Mention
from .cues import (ANNOUNCED_OWN, AROUND, ATTRIBUTIVE, BOTH_SIDES, CONDITION, FORCEFUL, FORGONE, FRONTED,
                   HYPOTHETICAL, IN_CONTENT, LIFTED, OBJECT_LINK, OBJECT_OF_VIEW, OBSTRUCTED, OWN_MEASURES,
                   PAST_REACH, PLANNED_BEFORE, PLEDGED, PROMISED, RELATIONS, RETURN_OF, SCENARIO, SERIAL_LINK,
                   SUSPENDED, THREAT_STANCE, TOLD_TO_LEAVE)
from .folds import _counterpart, _drop_content, _fold_claims, _fold_letters, _fold_quoted, _fold_visits
from .lending import lend_between
from .frame import COORDINATORS, Context, Frame, NeedsParse, is_actor, last_token, next_frame
from .roles import Arg
from .status import status_of
from .subjects import _subjects, last_subject, quote_spans, reaches
from .triggers import TriggerMatch, TriggerRuler

__all__ = ["Context", "Frame", "NeedsParse", "Reading", "SAID_TYPES", "complete_frames", "frame_to_events",
           "last_subject", "read_frames"]

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_LIGHT_VERBS = ("行う", "行わ", "行い", "行っ", "開く", "開か", "開い", "開き", "実施", "開催", "持つ", "持っ", "持ち",
                "表す", "表明", "示す", "伝える", "述べる", "行なう", "行なっ", "行ない", "する")
_PREDICATIVE_NEXT = re.compile(r"^(し|す|さ|せ|を(行|開|実施|持|表|示|伝|述|し|す)|が(行|開|実施)|は(行|開|実施)|に(応じ|臨)|、|。|へ|予定|方針|で合意|で一致)")
_PASSIVE = re.compile(r"^(さ|され|られ|れ)")
_CLAUSE_END = re.compile(r"(と(述べ|語|話|説明|強調|指摘|明らか|伝え|報じ|発表|主張)"
                         r"|という(?!見方|可能性|観測|疑い|見通し|予定|計画|方針|公算)|としている|とした)")


#: Triggers whose subject receives the act, as in a passive (「…から親書を受け取った」).
_RECEIVING = {"受け取る"}

#: Verbs that pass their dependents on to the trigger they modify
#: (「XからYに宛てた書簡」: X wrote to Y).
_TRANSPARENT_VERBS = {"宛てる", "あてる"}
#: Nouns that turn a clause into a complement (「協力を進めることで合意」), not a relative clause.
_FORMAL_NOUNS = {"こと", "の", "よう", "ため", "もの", "ところ"}
#: Nouns that may follow a trigger without making it a mere modifier (訪問中, 会談後).
_NOUN_SUFFIXES = {"中", "後", "前", "時", "際", "以来", "ぶり", "直後", "直前", "当日", "翌日", "間", "期間",
                  "日程", "予定", "計画", "方針", "可能性", "見通し", "意向", "構え", "実現", "開催", "合意"}


def _is_predicative(text: str, m: TriggerMatch, doc: "Doc") -> bool:
    last = doc[m.end - 1]
    if last.pos_ == "VERB" and not m.pattern.endswith(("会", "書")):
        return True
    return bool(_PREDICATIVE_NEXT.match(text[m.char_end:]))


@dataclass
class Reading:
    """A sentence's frames with the roles its own words give (steps 1–3), before
    what the sentences before it lend (topic, meeting) and status."""

    frames: list[Frame]
    subjects: dict[int, list[Arg]]


def read_frames(text: str, doc: "Doc", args: list[Arg], ruler: TriggerRuler) -> Reading | None:
    """Steps 1–3: triggers, and the dependents and subjects attached to them, in
    one sentence whose actor mentions are ``args`` (``roles.build_args``); None
    if the sentence has no trigger.

    ``doc`` may be only tokenized (``nlp.make_doc``): where a dependent's role
    needs the dependency parse, ``NeedsParse`` is raised, and the caller parses
    the sentence and reads it again with fresh ``args`` (this call may have
    changed their cases). Where no role needs it, the reading of the tokens is
    the reading of the parse: the pipeline parses only those sentences.
    """
    matches = ruler.match(doc, text=text)
    if not matches:
        return None
    frames = [Frame(m, _is_predicative(text, m, doc), False) for m in matches]
    frames = [f for f in frames if not _modifier_in_compound(doc, f)]
    if not frames:
        return None
    for f in frames:
        f.passive = f.predicative and (bool(_PASSIVE.match(_after_suru(text, f.match.char_end)))
                                       or f.match.pattern in _RECEIVING)
    tok_frame: dict[int, int] = {}
    for k, f in enumerate(frames):
        for t in range(f.match.start, f.match.end):
            tok_frame[t] = k
    # light verbs (会談を行った, 感謝を表した) carry the nominal trigger's dependents
    for k, f in enumerate(frames):
        for t in range(f.match.end, min(len(doc), f.match.end + 3)):
            if doc[t].lemma_ in _LIGHT_VERBS or doc[t].text in _LIGHT_VERBS:
                tok_frame.setdefault(t, k)
    blockers = [t.idx for t in doc if t.pos_ == "VERB" and t.i not in tok_frame
                and t.lemma_ not in _TRANSPARENT_VERBS]
    _compound_places(text, args, frames)

    # 3. attachment of dependents and genitives
    quotes = quote_spans(text)
    for a in args:
        if a.case in ("modifier", "skip", "about", "none", "coord", "subj") \
                or a.mention.kind == "place" and a.case not in ("obj", "dat", "loc"):
            continue
        if a.case == "loc":
            k = next_frame(frames, a.end)
            if k is not None and a.mention.kind in ("place", "capital") and frames[k].location is None:
                frames[k].location = a.mention
            continue
        k = next_frame(frames, a.end)
        if a.case == "gen" and a.mention.kind in ("capital", "place") and k is not None \
                and re.match(r"^の[^、。]{1,10}で$", text[a.end:frames[k].match.char_start]):
            if frames[k].location is None:  # 「平壌の錦繍山迎賓館で会談」: where, not with whom
                frames[k].location = a.mention
            continue
        if a.case == "gen":
            k = next_frame(frames, a.end)
            if k is not None and frames[k].predicative and _OBJECT_OF.match(text[a.end:frames[k].match.char_start]):
                if frames[k].type not in ("REQUEST", "CONSULT"):
                    # 「ガザの民間人の保護を求める」「ロシアの侵攻を協議」: what is asked or discussed, not whom
                    frames[k].target.append(a)
                continue
            if k is not None and _OWNER_OF_OBJECT.match(text[a.end:frames[k].match.char_start]):
                frames[k].target.append(a)  # 「イスラエルの自衛権への支持」: whose right is backed
                continue
            anchor = _chain_end(args, a)
            if k is not None and frames[k].match.char_start - anchor <= 8 and "、" not in text[anchor:frames[k].match.char_start]:
                frames[k].gens.append(a)
                # coordinated nominal triggers share the genitive (「発射実験と威嚇」)
                j = k + 1
                while j < len(frames) and text[frames[j - 1].match.char_end:frames[j].match.char_start] in ("と", "や", "、"):
                    frames[j].gens.append(a)
                    j += 1
            continue
        nearest = next_frame(frames, a.end)
        if nearest is not None and a.case == "dat" and not frames[nearest].predicative \
                and _NOUN_RUN.match(text[a.end + len(a.particle):frames[nearest].match.char_start]) \
                and text.startswith("の", frames[nearest].match.char_end) \
                and any(g.predicative for g in frames[nearest + 1:]):
            # 「カストロ議長に米朝首脳会談の仲介を依頼」: the noun is a genitive, the verb takes the dative
            k = next(j for j in range(nearest + 1, len(frames)) if frames[j].predicative)
        elif nearest is not None and frames[nearest].match.char_start == a.end + len(a.particle):
            k = nearest  # 「ロシアを訪問」: the trigger right after the particle takes it
        elif nearest is None:
            continue  # no trigger after it: whatever its dependency path, it has none to serve
        else:
            k = _dep_frame(doc, a, tok_frame)
        if k is None or frames[k].match.char_start < a.end:
            k = next_frame(frames, a.end)
            if k is not None and _blocked(blockers, a.end + len(a.particle), frames[k].match.char_start):
                k = None  # the first predicate after the arg is not a trigger: it is that one's
        if k is None or not reaches(quotes, a.start, frames[k].match.char_start):
            continue
        f = frames[k]
        if a.case in ("dat", "agent") and f.passive or a.case == "from" \
                or a.case == "agent" and not f.predicative:  # 「日米韓による合同演習」
            f.source.append(a)
        elif a.case == "with" and (f.type not in SYMMETRIC_TYPES or f.match.mode == "mediate"):
            f.source.append(a)  # 「日本は米国とともに…を非難」: a co-agent
        elif a.case == "agent":
            continue  # an agent is never the one acted upon
        else:
            f.target.append(a)
            if a.mention.kind in ("place", "capital") and f.location is None and f.match.mode == "visit":
                f.location = a.mention

    # subjects: the closest subject before a trigger whose clause is still open
    return Reading(frames, _subjects(text, doc, args, frames))


def complete_frames(reading: Reading | None, text: str, doc: "Doc", args: list[Arg], ctx: Context) -> list[Frame]:
    """Steps 3–5 on a ``read_frames`` reading: subjects and what the context
    lends, status, folds. Records the sentence's meeting in ``ctx``; the caller
    moves ``ctx.topic`` on to this sentence's subject afterwards."""
    if reading is None:
        return []
    frames, subjects, topic = reading.frames, reading.subjects, ctx.topic
    abouts = [a for a in args if a.case == "about"]
    meeting: tuple[list[Arg], list[Arg]] | None = None  # this sentence's own meeting, for what follows it
    for k, f in enumerate(frames):
        subj = subjects.get(k)
        if f.predicative:
            if f.passive:
                f.target = list(subj or []) + f.target
            elif subj:
                f.source = list(subj) + f.source
            if f.gens and f.match.mode == "letter":
                f.source = list(f.gens)  # the letter's author, not its carrier
            elif f.gens and not f.source:
                f.source = list(f.gens)
            elif f.gens:
                f.target.extend(f.gens)
        else:
            if len(f.gens) >= 2 and f.type in SYMMETRIC_TYPES:
                f.source, f.target = [f.gens[0]], f.gens[1:] + f.target
            elif f.gens:
                f.source = list(f.gens)
            elif subj and not f.source and (not OBJECT_OF_VIEW.match(text[f.match.char_end:])
                                            or f.type in OWN_MEASURES and ANNOUNCED_OWN.match(text[f.match.char_end:])):
                f.source = list(subj)  # not 「（金委員長が）キューバ訪問を重視」: another verb's object
            elif len(f.target) >= 2 and f.type in SYMMETRIC_TYPES:
                f.source, f.target = [f.target[0]], f.target[1:]  # 「AとB、Cとの会談」
        if not f.source and ctx.meeting and f.type in {*SYMMETRIC_TYPES, "REQUEST", "SUPPORT"} \
                and BOTH_SIDES.search(text[:f.match.char_start]):
            # 「双方は…で一致した」: the two sides of the meeting just reported
            f.source, f.target = list(ctx.meeting[0]), list(ctx.meeting[1])
        if not f.source and f.predicative and not f.passive and not subj \
                and FRONTED.match(text[f.match.char_end:f.match.char_end + 8]):
            # 「ロシアの侵攻に抗議して、日本政府は…」: a fronted clause shares the subject after it
            later = [a for a in args if a.case == "subj" and a.start > f.match.char_end
                     and reaches(quote_spans(text), a.start, f.match.char_start)]
            f.source = later[:1]
        if not f.source and topic and f.predicative and not f.passive \
                and not ATTRIBUTIVE.match(text[f.match.char_end:]):  # 「発射した飛翔体」: its own clause
            f.source = list(topic)
        elif f.passive and not f.target and topic:
            f.target = list(topic)  # 「（チョン議員は）…と批判される」
        if f.match.private and f.source and all(_is_private(a) for a in f.source):
            f.match = replace(f.match, label=f.match.private)  # citizens' 抗議 is a PROTEST
        if f.type in SYMMETRIC_TYPES and f.target and f.match.mode != "mediate" \
                and (len(f.source) >= 2 or f.type == "AGREE") \
                and all(a.case != "com" and IN_CONTENT.search(text[a.end:f.match.char_start]) for a in f.target):
            f.target = []  # 「両外相は、米国に共に対抗していくことで一致」: the US is in what is agreed
        if f.type in SYMMETRIC_TYPES and len(f.source) >= 2 and not f.target and f.match.mode != "mediate" \
                and (f.source[0].particle in COORDINATORS or f.source[0].start == f.source[1].start
                     or f.source[0].end == f.source[1].start and f.source[0].mention.rule == "compound"):
            f.source, f.target = f.source[:1], f.source[1:]  # 「AとBは…で合意した」「両首脳は」
        if not f.target and f.source and f.type in ADDRESSED_TYPES and k > 0 and frames[k - 1].type in ADDRESSED_TYPES \
                and frames[k - 1].target and {a.key for a in frames[k - 1].source} == {a.key for a in f.source} \
                and SERIAL_LINK.match(text[frames[k - 1].match.char_end:f.match.char_start]):
            f.target = list(frames[k - 1].target)  # 「…を非難し、「…」と警告した」: one addressee
        if not f.target and f.type == "SANCTION":  # 「米国からの輸入品に追加関税」: on what comes from it
            f.target = [a for a in abouts if a.particle == "からの" and a.end <= f.match.char_start][-1:]
        if not f.target and f.type in EVALUATIVE_TYPES:
            about = [a for a in abouts if a.end <= f.match.char_start and is_actor(a)]
            if about:
                f.target = [about[-1]]  # 「議長は金委員長について…と讃嘆した」
        if not f.target and f.source and f.type in ADDRESSED_TYPES and ctx.meeting:
            f.target = _counterpart(f.source, ctx.meeting)
        if f.type == "CONSULT" and f.source and f.target and f.match.mode != "letter":
            meeting = (list(f.source), list(f.target))
        if f.type not in _AT_PLACES:
            f.target = [a for a in f.target if a.mention.kind != "place"]  # 竹島に: where, not whom
        else:  # a place stands for the state it belongs to, if the dictionary knows one
            f.target = [a for a in f.target if a.mention.kind != "place" or a.mention.country]
        if not f.target and f.type == "REQUEST":
            # 「対馬の返還を要求」: a territory's return is asked of the state that holds it
            own = {a.mention.country for a in f.source}
            f.target = [a for a in args if a.mention.kind == "place" and a.mention.country not in own | {None}
                        and RETURN_OF.match(text[a.end:f.match.char_start])][-1:]
        for j in range(k - 1, -1, -1):  # the nominal act it is said of, past any trigger quoted in between
            if f.target or frames[j].predicative:
                break
            link = text[frames[j].match.char_end:f.match.char_start]
            if f.type in EVALUATIVE_TYPES and link == "を":
                f.target = list(frames[j].source)  # 「ワシントンとソウルの非難を否定」
            elif f.type in EVALUATIVE_TYPES | {"REQUEST", "THREATEN"} and OBJECT_LINK.match(link):
                # 「中国の軍事演習を強く批判」「北朝鮮による…発射について…非難」: whose act it is
                f.target = list(frames[j].gens or [a for a in frames[j].source if a.case in ("agent", "gen")])
        if not f.target and f.source and f.type in AIMED_AT_FOREIGN:
            # aimed at the foreign state it names (「日本大使館前での糾弾集会」,
            # 「ロシアが…終えるまで、北朝鮮が引き続き支援する」)
            own = {a.mention.country for a in f.source}
            foreign = [a for a in args if a.mention.kind in ("state", "capital") and a.start < f.match.char_start
                       and a.mention.country not in own and a.mention.country is not None
                       and reaches(quote_spans(text), a.start, f.match.char_start)]
            if foreign and (f.type in ("PROTEST", "SUPPORT")
                            or f.predicative and len({a.mention.country for a in foreign}) == 1):
                # (for an accusation, a measure or an attack only when one foreign state is named)
                subjects_ = [a for a in foreign if a.case == "subj"]
                f.target = [(subjects_ or foreign)[-1]]
        if not f.target and f.source and f.type in ADDRESSED_TYPES and meeting:
            f.target = _counterpart(f.source, meeting)  # 「会談し、…で一致した」: said at the meeting
        if not f.target and f.source and f.type == "MOBILIZE":
            # 「台湾周辺で軍事演習」: a drill around a state is aimed at it
            own = {a.mention.country for a in f.source}
            f.target = [a for a in args if a.case == "loc" and a.end <= f.match.char_start
                        and a.mention.kind in ("state", "place") and a.mention.country not in own | {None}
                        and AROUND.match(text, a.end)][-1:]
        if not f.target and f.predicative and f.source and f.type in _AT_PLACES | {"SANCTION", "COERCE"}:
            # 「ガザ南部ラファの避難民キャンプを空爆」: the state the object lies in
            own = {a.mention.country for a in f.source}
            f.target = [a for a in _object_phrase(text, f, args) if a.mention.country not in own][:1]
        if f.match.target and not any(a.mention.country == f.match.target for a in f.target):
            f.target.append(Arg(ActorMention(f.match.char_start, f.match.char_end,
                                             text[f.match.char_start:f.match.char_end],
                                             f.match.target, f.match.target, "state", rule="trigger"),
                                f.match.char_start, f.match.char_end, "obj", ""))

    lend_between(frames, text, args, subjects)

    # 4. status, chained backwards: a clause that ends in a conjunctive form shares the next one's.
    following = "occurred"
    for k in range(len(frames) - 1, -1, -1):
        f = frames[k]
        nxt = frames[k + 1].match.char_start if k + 1 < len(frames) else len(text)
        window = text[f.match.char_end:nxt]
        if not f.predicative and window.startswith(("が", "は")):
            pass  # 「首脳会談が、26日にソウルで開かれる見通し」: a subject's status is its predicate's
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
        last = k + 1 == len(frames)
        st = status_of(window, sentence_end=last or bool(cut))
        new_subject = any(a.case == "subj" and f.match.char_end <= a.start < nxt for a in args)
        if st == "occurred" and not last and _conjunctive(window) and k + 1 < len(frames) and not new_subject \
                and following != "denied":  # 「会談し、…提供しないとした約束」: a later negation is not this act's
            st = following
        elif st == "occurred" and _non_past(doc, f) \
                and not (f.type in _DECIDED and _DECISION.match(_after_suru(text, f.match.char_end))):
            st = "planned"  # 「訪問し、…話し合うと報じた」: a non-past act is still to come
        elif st == "occurred" and not f.predicative and PLANNED_BEFORE.search(text[:f.match.char_start]):
            st = "planned"  # 「12日に予定される米朝首脳会談」
        if not f.predicative and re.match(r"^(に対する|への|に対して)", text[f.match.char_end:]) \
                and not PLANNED_BEFORE.search(text[:f.match.char_start]):
            st = "occurred"  # 「派兵に対する…といえるだろう」: the doubt is about the judgment, not the act
        f.status = st
        following = st

    # what is done to an act: suspended (SANCTION), forgone (denied), held over as a threat (THREATEN)
    for k, f in enumerate(frames):
        after = text[f.match.char_end:]
        asked = any(g.type == "REQUEST" for g in frames[k + 1:])  # 「交渉を中止し…ことを促す」: only asked for
        if not f.predicative and LIFTED.match(after):
            f.drop = True  # 「経済制裁の解除を求める」: the measure is what is to be lifted
        elif not f.predicative and f.type in RELATIONS and SUSPENDED.match(after) and not asked:
            f.match = replace(f.match, label="SANCTION", mode="suspend")  # 「軍事支援を一時停止」「交渉を打ち切った」
        elif FORGONE.match(after) and not asked:
            f.status = "denied"  # 「供与を当面見送る」
        elif f.type in FORCEFUL and THREAT_STANCE.match(after):
            f.match = replace(f.match, label="THREATEN")  # 「規制をさらに強化する構え」
            f.status = "occurred"
        elif not f.predicative and f.status == "occurred" and PLEDGED.match(after) \
                and not (f.type in _DECIDED and _DECIDED_NOUN.match(after)):
            f.status = "planned"  # 「追加支援を行うと表明」: pledged, not yet given
        if f.type == "REQUEST" and TOLD_TO_LEAVE.search(text[:f.match.char_start]):
            f.match = replace(f.match, label="SANCTION", mode="expel")  # 「ロシアを離れるよう要請」
        elif f.type in FORCEFUL and f.status == "planned" and CONDITION.search(text[:f.match.char_start]):
            # 「人質を解放しなければ…攻撃を再開する」: a measure promised on a condition is a threat
            f.match = replace(f.match, label="THREATEN")
            f.status = "occurred"

    # 5. hypotheses, content and folds
    for f in frames:
        if PROMISED.match(text[f.match.char_end:]):
            f.drop = True  # 「兵器を提供しないとした約束」: what a promise or a plan says, not an act
        elif OBSTRUCTED.match(text[f.match.char_end:]):
            f.drop = True  # 「制裁を強化しようとする…努力を妨害」: an attempt blocked is no act
        elif HYPOTHETICAL.match(text[f.match.char_end:]) or SCENARIO.match(text[f.match.char_end:]):
            f.drop = True  # 「侵攻を受けた場合」「派遣すれば」「侵攻を想定した訓練」: a condition, not an event
        elif re.match(r"^(を)?(せずに|することなく|しないで)", text[f.match.char_end:]):
            f.drop = True  # 「立場を放棄せずに取り組む」: how something else is done
    _drop_content(text, frames)
    _fold_claims(text, frames)
    _fold_quoted(text, frames)
    _fold_letters(frames, text)
    _fold_visits(frames)
    kept = [f for f in frames if not f.drop]
    for f in kept:
        if f.type == "CONSULT" and f.source and f.target and f.match.mode != "letter":
            ctx.meeting = (list(f.source), list(f.target))
    return kept






#: What ends the object phrase of a verb, read backwards from its を.
_PHRASE_STOP = re.compile(r"[、。がはにでと「」]")


def _object_phrase(text: str, f: Frame, args: list[Arg]) -> list[Arg]:
    """Actors named inside the を-phrase right before a predicative trigger, with a country."""
    m = re.search(r"を(強く|激しく|一斉に|次々と|相次いで)?$", text[:f.match.char_start])
    if not m:
        return []
    end = m.start()
    stops = [x.end() for x in _PHRASE_STOP.finditer(text, 0, end)]
    start = stops[-1] if stops else 0
    return [a for a in args if start <= a.start and a.end <= end and a.mention.country]


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
_DECIDED = {"SANCTION"}
_DECISION = re.compile(r"^(する|し)?(と|ことを|ことに)(発表|決定|決め|通告|通知|命じ|宣言)")

#: The same for a nominal measure: 「追加関税を課すと発表した」「制裁を発動することを決定」.
_DECIDED_NOUN = re.compile(r"^を[^、。]{0,8}?(と|ことを|ことに)(発表|決定|決め|通告|通知|命じ|宣言)")

_NONPAST_NEXT = ("と", "。", "こと", "という", "方針", "考え", "意向", "見込み", "ため", "ために")


def _non_past(doc: "Doc", f: Frame) -> bool:
    """A predicative act in non-past form closing its clause (「会談すると発表した」)."""
    if f.type in SPEECH_TYPES or not f.predicative:
        return False
    j = f.match.end
    while j < len(doc) and doc[j].pos_ in ("AUX", "SCONJ") and doc[j].text not in ("と",):
        if doc[j].lemma_ in ("た", "だ") or doc[j].text in ("て", "で", "し"):
            return False
        j += 1
    if j < len(doc) and doc[j].text == "ている":
        return False
    return j < len(doc) and doc[j].text in _NONPAST_NEXT


def _modifier_in_compound(doc: "Doc", f: Frame) -> bool:
    """「接触窓口」「水中攻撃ドローン」: a trigger that only modifies the noun after it."""
    nxt = doc[f.match.end] if f.match.end < len(doc) else None
    return (nxt is not None and nxt.pos_ == "NOUN" and nxt.text not in _NOUN_SUFFIXES
            and not f.predicative and nxt.idx == f.match.char_end)


def _after_suru(text: str, pos: int) -> str:
    """The text after a サ変 trigger's する stem (訪問さ|れた → れた)."""
    rest = text[pos:]
    return rest[1:] if rest.startswith(("さ",)) and rest[1:2] in ("れ",) else rest


def _blocked(blockers: list[int], start: int, end: int) -> bool:
    return any(start <= b < end for b in blockers)


def _compound_places(text: str, args: list[Arg], frames: list[Frame]) -> None:
    """Roles inside noun compounds and genitive chains around a trigger: 「プーチン大統領の
    平壌訪問」 (the place is the visit's target, the person its agent), 「米韓合同軍事演習」,
    「李明博大統領の竹島上陸を批判」."""
    starts = {f.match.char_start for f in frames}
    for n, a in enumerate(args):
        k = next_frame(frames, a.end)
        if a.case == "none" and a.end not in starts and k is not None and not frames[k].predicative \
                and _NOUN_RUN.match(text[a.end:frames[k].match.char_start]) and a.mention.rule != "compound" \
                and a.mention.id is not None:
            # 「日本と中国の外務省局長級協議」: the bodies a compound names hold the talks
            a.case = "gen"
            if n > 0 and args[n - 1].case == "com" and args[n - 1].particle == "と" \
                    and args[n - 1].end + 1 == a.start:
                args[n - 1].case = "gen"
                args[n - 1].particle = "の"
        elif a.case == "none" and a.end in starts and a.mention.rule != "compound":
            a.case = "obj"
        elif a.case == "none" and a.mention.rule == "compound" and a.mention.kind == "state":
            k = next_frame(frames, a.end)
            if k is not None and not frames[k].predicative and (
                    frames[k].type == "MOBILIZE" or frames[k].type in ("CONSULT", "AGREE")
                    and not text.startswith("の", frames[k].match.char_end)) \
                    and _NOUN_RUN.match(text[a.end:frames[k].match.char_start]) \
                    and sum(1 for b in args if b.mention.rule == "compound" and b.end <= frames[k].match.char_start
                            and b.start >= a.start - 3) >= 2:
                # 「米韓合同軍事演習」「日中韓首脳会談」: the states a compound names hold the act
                a.case = "gen"
    for a, b in zip(args, args[1:]):
        if a.case != "modifier" or b.mention.kind not in ("capital", "place", "state"):
            continue
        if b.end in starts:
            a.case, b.case = "gen", "obj"
        elif any(f.match.char_start <= b.start and b.end <= f.match.char_end for f in frames):
            a.case, b.case = "gen", "none"  # 「プーチン大統領の訪朝」: 朝 is the trigger's own target
        elif b.case == "none":
            k = next_frame(frames, b.end)
            if k is not None and frames[k].predicative and _OBJECT_OF.match(text[a.end:frames[k].match.char_start]):
                a.case = "gen"  # 「李明博大統領の竹島上陸を批判」: whose act there is the object


#: between a compound's states and the nominal trigger the compound ends in: 「(米韓)合同(軍事演習)」
_NOUN_RUN = re.compile(r"^[\u4e00-\u9fff]{0,6}$")
#: between a genitive and a nominal trigger, the noun its act is about: 「（イスラエル）の自衛権への（支持）」
_OWNER_OF_OBJECT = re.compile(r"^の[^、。をにがは]{1,10}(への|に対する)$")
#: between a genitive and a predicative trigger: 「の竹島上陸を」 (the object it names)
_OBJECT_OF = re.compile(r"^の[^、。をにがは「」]{1,12}?(を|に|について|をめぐり|をめぐって|に対し|に対して)、?"
                        r"(「[^」]{1,40}」と)?(強く|厳しく|改めて|重ねて|激しく|厳重に|直ちに)?$")


def _chain_end(args: list[Arg], a: Arg) -> int:
    """Where the coordination a genitive belongs to ends: 「日本と中国の…」 ends after 中国."""
    end = a.end
    for b in args:
        if b.start > end and b.case == "gen" and b.start - end <= 2:
            end = b.end
    return end


def _conjunctive(window: str) -> bool:
    """The trigger's clause continues into the next predicate (「訪問し、」「訪問、」)."""
    w = window.strip()
    return w == "" or w.startswith(("し、", "して", "、", "し,", "を行い", "を行って", "に臨み")) \
        or w.endswith(("、", "し", "して", "て"))


def _dep_frame(doc: "Doc", a: Arg, tok_frame: dict[int, int]) -> int | None:
    """The frame whose token the arg's dependency path reaches first."""
    if not doc.has_annotation("DEP"):
        raise NeedsParse
    tok = last_token(doc, a.start, a.end)  # the mention's last token: the head of its phrase
    if tok is None:
        return None
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        if tok.i in tok_frame:
            return tok_frame[tok.i]
        if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.lemma_ not in _TRANSPARENT_VERBS \
                and tok.head.lemma_ not in _FORMAL_NOUNS and any(c.dep_ == "nsubj" for c in tok.children):
            return None  # 「政府が台湾にとった対応を非難」: inside a relative clause with its own subject
    return None


def actors_of(args: list[Arg], sentence_start: int) -> list[dict[str, Any]]:
    """Actor dicts for an event side, one per distinct actor key, capitals as states."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for a in args:
        m = a.mention
        ident = m.id
        if m.kind in ("place",):
            ident = m.country  # a city visited stands for its state
        key = ident if ident is not None else f"null:{m.country}:{m.text}"
        if key in seen:
            continue
        seen.add(key)
        actor: dict[str, Any] = {"id": ident, "country": m.country, "text": m.text}
        if m.sector:
            actor["sector"] = m.sector
        out.append(actor)
    return out


def frame_to_events(doc_id: str, f: Frame, text: str, sentence_start: int) -> list[Event]:
    """The events of a frame: none when it lacks the actors an event needs, one per
    counterpart for a meeting with several named people (「崔外相とプーチン大統領、
    ラブロフ外相との会談」 is two meetings), else one."""
    ev = frame_to_event(doc_id, f, text, sentence_start)
    if ev is None:
        return []
    people = [a for a in ev.target if a.get("id") and a.get("id") != a.get("country")]
    if ev.type == "CONSULT" and ev.mode in ("meet", "phone") and len(people) >= 2 \
            and len(ev.source) == 1:
        return [replace(ev, target=[p], mentions=list(ev.mentions)) for p in people]
    return [ev]


#: Types whose target may be a place, standing for its state (a city visited, a region shelled).
_AT_PLACES = {"CONSULT", "ASSAULT", "MOBILIZE"}

#: Sectors of bodies that act for a state or an international body.
_OFFICIAL_SECTORS = {"GOV", "MIL", "DIP", "POLICE", "IGO", "LEG", "PARTY"}


def _is_private(a: Arg) -> bool:
    """A private person or group: not a state or its organ, nor anyone holding office."""
    m = a.mention
    if m.id is not None and m.id == m.country or m.kind in ("state", "capital"):
        return False
    return m.sector not in _OFFICIAL_SECTORS


def frame_to_event(doc_id: str, f: Frame, text: str, sentence_start: int) -> Event | None:
    """An Event for a frame, or None when it lacks the actors an event needs."""
    source = actors_of(f.source, sentence_start)
    targets = f.target
    if f.type not in _AT_PLACES and any(a.mention.kind not in ("capital", "place") for a in targets):
        # 「金総書記をモスクワに招待」: a city named beside a real addressee is where, not whom
        targets = [a for a in targets if a.mention.kind not in ("capital", "place")]
    target = actors_of(targets, sentence_start)
    # a news outlet reports; it is not an actor of what it reports. Nor is a
    # group known by neither name nor country (「ネットユーザーは…と批判」)
    source = [a for a in source if a.get("sector") != "MEDIA"
              and not (a.get("id") is None and a.get("country") is None)]
    if f.type == "CONSULT" and f.match.mode == "visit" and source and all(a["id"] is None for a in source):
        return None  # a private person's trip is no diplomatic visit without a host meeting
    skeys = {document_key(a) for a in source}
    target = [a for a in target if document_key(a) not in skeys]
    own = {a.get("country") for a in source}
    dative_states = {a.mention.country for a in targets if a.case == "dat" and a.mention.id == a.mention.country}
    if f.type == "CONSULT":
        target = [a for a in target if not (a.get("id") == a.get("country") and a.get("country") in own)]
    elif len(target) > 1:
        # 「習氏はプーチン氏を中国に招待した」: one's own state named with に is where, not whom
        target = [a for a in target if not (a.get("id") == a.get("country") in own & dative_states)]
    if not source or (not target and f.type not in TARGETLESS):
        return None
    loc = None
    if f.location is not None:
        m = f.location
        loc = {"id": m.place or m.id, "country": m.country, "text": m.text}
    s = sentence_start
    return Event(doc=doc_id, type=f.type, mode=f.match.mode, status=f.status, source=source, target=target,
                 evidence=text.strip(), location=loc,
                 mentions=[Mention(doc_id, s, s + len(text))],
                 trigger=text[f.match.char_start:f.match.char_end], rule=f.match.id)
