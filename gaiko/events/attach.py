"""Steps 1–3 of reading a sentence: its triggers, and the roles its own words give them.

  1. triggers: ``TriggerRuler.match`` over the tokens;
  2. args: the sentence's actor mentions with their case particles (``roles``);
     the cases of compounds and genitive chains around a trigger are settled here
     (「日中韓首脳会談」, 「プーチン大統領の平壌訪問」);
  3. attachment: dependents (を/に/と) go to the trigger their dependency path
     reaches first, else to the nearest trigger after them; a genitive goes to a
     nominal trigger right after it; a subject (が/は) goes to every predicative
     trigger after it until another subject takes over (``subjects``).

``doc`` may be only tokenized: where a dependent's role needs the dependency
parse, ``NeedsParse`` is raised (and turned into a value by
``extractor.read``, the one caller).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..plover import EVALUATIVE_TYPES, SPEECH_TYPES, SYMMETRIC_TYPES
from .cues import ATTRIBUTIVE, DECIDED_MEASURE, DONE_TO, GROWTH, INTENSITY, TOPIC_AFTER
from .frame import MET_AS_OBJECT, Frame, NeedsParse, after_suru, last_token, next_frame, unparsed_sole_trigger, verb_offsets
from .roles import PHRASE_OF, Arg, coordinated_before, read_case
from .subjects import in_quote, quote_spans, reaches, read_subjects
from .triggers import CLAIM, SHOULD, VERDICT, TriggerMatch, TriggerRuler

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_LIGHT_VERBS = ("行う", "行わ", "行い", "行っ", "開く", "開か", "開い", "開き", "実施", "開催", "持つ", "持っ", "持ち",
                "表す", "表明", "示す", "伝える", "述べる", "行なう", "行なっ", "行ない", "する", "呈する")
_PREDICATIVE_NEXT = re.compile(r"^(し|す|さ|せ|を(行|開|実施|持|表|示|伝|述|し|す(?!べて)|呈|浴び|発射|仕掛|発(表|出)|出(し|す)|使(用|っ)|加え|科|繰り広げ|((一段と|さらに|一層)?強め))|の声を上げ|が(行|開|実施)|は(行|開|実施)|に(応じ|臨|達し|達す|至)|、|。|へ(?!の)|予定|方針|で合意|で一致)")
#: The end of a quoted feeling before its showing, read past as if unquoted.
_SCARE_QUOTE_END = re.compile(r"^[」』](の意)?(?=を)")
_PASSIVE = re.compile(r"^(さ(?!せ)|され|られ|れ)")  # (not 「撤退させる」: a causative acts)

#: Triggers whose subject receives the act, as in a passive (「…から親書を受け取った」).
_RECEIVING = {"受け取る"}

#: Verbs that pass their dependents on to the trigger they modify
#: (「XからYに宛てた書簡」: X wrote to Y).
_TRANSPARENT_VERBS = {"宛てる", "あてる"}
#: Nouns that turn a clause into a complement (「協力を進めることで合意」), not a relative clause.
_FORMAL_NOUNS = {"こと", "の", "よう", "ため", "もの", "ところ"}
#: Nouns that may follow a trigger without making it a mere modifier (訪問中, 会談後).
_NOUN_SUFFIXES = {"中", "後", "前", "時", "際", "以来", "ぶり", "直後", "直前", "当日", "翌日", "間", "期間",
                  "日程", "予定", "計画", "方針", "可能性", "見通し", "意向", "構え", "実現", "開催", "合意",
                  "処分", "措置",  # 「国外追放処分にした」「制裁措置を発動」: the measure itself
                  *GROWTH}  # 「連携強化を確認」: the act grown


#: From an act noun to the verb it is the object of: 「（訪中）を（招請）」「（撤退）を強く（要求）」.
_OBJECT_TO_VERB = re.compile(r"を(強く|改めて|重ねて|正式に)?")


def _is_predicative(text: str, m: TriggerMatch, doc: "Doc") -> bool:
    last = doc[m.end - 1]
    if last.pos_ == "VERB" and not m.pattern.endswith(("会", "書")):
        return True
    if last.pos_ == "AUX" and any(t.pos_ == "VERB" for t in doc[m.start:m.end]):
        return True  # a verb negated within the pattern: 「（要求に）応じない」
    after = _SCARE_QUOTE_END.sub("", text[m.char_end:], count=1)  # 「「深刻な懸念」を表明」「「強い遺憾」の意を示し」
    nxt = _PREDICATIVE_NEXT.match(after)
    if nxt is not None and nxt.group(0).startswith("に") and m.label == "REQUEST":
        return False  # 「（会談）に応じた」 holds the talks; 「要求に応じた」 answers another's demand
    return nxt is not None



@dataclass
class Reading:
    """A sentence's frames with the roles its own words give (steps 1–3), before
    what the sentences before it lend (topic, meeting) and status. ``args`` are the
    sentence's actor mentions with the cases this reading settled (its own copies:
    the caller's are never changed)."""

    text: str
    args: list[Arg]
    frames: list[Frame]
    subjects: dict[int, list[Arg]]

    def subject_spans(self) -> list[tuple[int, int]]:
        """Where the sentence's subjects stand (``[start, end)``, sentence-relative)."""
        return [(a.start, a.end) for a in self.args if a.case == "subj"]


def read_frames(text: str, doc: "Doc", args: list[Arg], ruler: TriggerRuler) -> Reading:
    """Steps 1–3: triggers, and the dependents and subjects attached to them, in
    one sentence whose actor mentions are ``args`` (``roles.build_args``); a
    Reading with no frames if the sentence has no trigger.

    ``doc`` may be only tokenized (``nlp.make_doc``): where a dependent's role
    needs the dependency parse, ``NeedsParse`` is raised, and the caller parses
    the sentence and reads it again with the same ``args``: they are not changed
    here (the cases this reading settles are on its own copies). Where no role
    needs the parse, the reading of the tokens is the reading of the parse: the
    pipeline parses only those sentences.
    """
    matches = ruler.match(doc, text=text)
    if not matches:
        return Reading(text, args, [], {})
    frames = [Frame(m, _is_predicative(text, m, doc), False) for m in matches]
    frames = [f for f in frames if not _modifier_in_compound(doc, f)
              # 「互いの国を訪れる際の法的地位」: any occasion a rule covers is no act that took place
              and not (_ANY_OCCASION.match(text, f.match.char_end) and text[f.match.char_end - 1] != "た")]
    # a statement is a verdict only as the words it is said in (「「…報復である」との声明」), not as what
    # a clause says it does (「…やめるよう求める談話を発表」: the request is the act)
    frames = [f for f in frames if f.match.id != VERDICT or f.match.pattern not in _STATEMENTS
              or text.endswith(("と", "との", "とする", "とした"), 0, f.match.char_start)]
    inside = quote_spans(text)
    for f in frames:  # 「「…断じて容認できない」と述べた」「「これを決して容認しない」とし」: found intolerable, in
        # one's own quoted words, is disapproval (ACCUSE), no demand refused
        if f.match.id == "REJECT:refuse" and f.match.pattern.startswith("容認") \
                and (in_quote(inside, f.match.char_start) or _SAID_SO.match(text, f.match.char_end)):
            f.match = replace(f.match, label="ACCUSE", id="ACCUSE:intolerable")
    if any(f.type == "ACCUSE" and f.predicative and f.match.id != VERDICT for f in frames):
        # 「「…到底受け入れられない」と抗議した」: what a protest says is intolerable is its content
        frames = [f for f in frames if not (f.match.id == "REJECT:refuse" and f.type == "REJECT"
                                            and in_quote(inside, f.match.char_start))]
    if any(f.type in _JUDGING and f.match.id != VERDICT and f.predicative for f in frames):
        frames = [f for f in frames if f.match.id != VERDICT]  # the sentence judges in so many words
    if any(f.type == "REQUEST" and f.match.id != SHOULD for f in frames):
        frames = [f for f in frames if f.match.id != SHOULD]  # or asks in so many words
    if any(f.match.id == SHOULD for f in frames):
        frames = [f for f in frames if f.match.id != CLAIM]  # 「北朝鮮が…応じるべきだと訴えた」: a demand, no charge
    if not frames:
        return Reading(text, args, [], {})
    args = [replace(a) for a in args]  # the cases settled below are this reading's
    for f in frames:
        f.passive = f.predicative and (bool(_PASSIVE.match(after_suru(text, f.match.char_end)))
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
    blockers: list[int] | None = None  # (verb_offsets: read when an arg first falls back to the next trigger)
    _compound_places(text, args, frames)

    # 3. attachment of dependents and genitives
    quotes = quote_spans(text)
    for a in args:
        nxt = next_frame(frames, a.end)
        if a.particle == "まで" and nxt is not None and frames[nxt].predicative \
                and frames[nxt].match.char_start == a.end + len(a.particle):
            a.case = "obj"  # 「大使まで呼び出した」: まで stands for を, the act reaches even him
        # (「尖閣諸島周辺の領海に侵入」: a place owning waters stands for the state the island belongs to)
        territory = a.case == "gen" and a.mention.kind == "place" and a.mention.country \
            and _TERRITORY_OF.match(text, a.end)
        if not territory and (a.case in ("modifier", "skip", "about", "none", "coord", "subj")
                              or a.mention.kind == "place" and a.case not in ("obj", "dat", "loc")):
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
            if k is not None and frames[k].type in ("MOBILIZE", "ASSAULT") and _TERRITORY_OF.match(text, a.end) \
                    and frames[k].match.char_start - a.end <= 24:
                frames[k].target.append(a)  # 「日本の領空を（3回にわたって）侵犯」: whose airspace
                continue
            if k is not None and frames[k].predicative and _OBJECT_OF.match(text[a.end:frames[k].match.char_start]):
                if frames[k].type not in ("REQUEST", "CONSULT") \
                        or frames[k].type == "REQUEST" and _ASKED_OWN_ACT.match(text, a.end):
                    # 「ガザの民間人の保護を求める」「ロシアの侵攻を協議」: what is asked or discussed, not whom
                    # (but 「ウズベキスタンの理解と協力を求めた」: what the state is asked to give)
                    frames[k].target.append(a)
                continue
            if k is not None and (_OWNER_OF_OBJECT.match(text[a.end:frames[k].match.char_start])
                                  or frames[k].type in EVALUATIVE_TYPES  # 「日本側の対応に遺憾の意」
                                  and _OWNER_OF_OBJECT_NI.match(text[a.end:frames[k].match.char_start])) \
                    and not any(a.end < b.start < frames[k].match.char_start for b in args):
                # (not 「ロシアのウクライナへの侵略」: an actor in between is the act's own target)
                frames[k].target.extend(coordinated_before(args, a))  # 「イスラエルの自衛権への支持」
                continue
            anchor = _chain_end(args, a)
            if anchor == a.end:  # measured from its particle: 「大使館の外交官8人の（追放）」
                anchor = read_case(text, a.end, person=a.mention.kind == "person")[2] - 1
            gap = _DAY_ADJUNCT.sub("", text[anchor:frames[k].match.char_start]) if k is not None else ""
            inner = [b for b in args if k is not None and anchor < b.start and b.end <= frames[k].match.char_start]
            if inner and PHRASE_OF.match(text, inner[-1].end):
                # 「ロシアのウクライナへの侵略戦争」: the act's own target in between is no distance
                gap = gap.replace(inner[-1].mention.text, "", 1)
            if k is not None and len(gap) <= 8 and "、" not in gap:
                frames[k].gens.append(a)
                # coordinated nominal triggers share the genitive (「発射実験と威嚇」)
                j = k + 1
                while j < len(frames) and text[frames[j - 1].match.char_end:frames[j].match.char_start] in ("と", "や", "、"):
                    frames[j].gens.append(a)
                    j += 1
            continue
        if a.case == "between":  # 「ベトナムとフィリピンの間では…協議が続く」: the two sides of the next mutual act
            f = next((g for g in frames if g.match.char_start >= a.end and g.type in SYMMETRIC_TYPES
                      and g.match.mode != "mediate"), None)  # (not the third party's 仲介: the talks it brokers)
            if f is not None and "。" not in text[a.end:f.match.char_start]:
                (f.target if any(b.case == "between" for b in f.source) else f.source).append(a)
                for g in frames:  # 「…の間で、サウジアラビアの仲介による協議」: the broker brings both sides
                    if g.match.mode == "mediate" and a.end <= g.match.char_start < f.match.char_start:
                        g.target.append(a)
            continue
        nearest = next_frame(frames, a.end)
        if nearest is not None and a.case == "dat" and not frames[nearest].predicative \
                and _NOUN_RUN.match(text[a.end + len(a.particle):frames[nearest].match.char_start]) \
                and text.startswith("の", frames[nearest].match.char_end) \
                and any(g.predicative for g in frames[nearest + 1:]):
            # 「カストロ議長に米朝首脳会談の仲介を依頼」: the noun is a genitive, the verb takes the dative
            k = next(j for j in range(nearest + 1, len(frames)) if frames[j].predicative)
        elif nearest is not None and a.case == "dat" and not frames[nearest].predicative \
                and TOPIC_AFTER.match(text[frames[nearest].match.char_end:]) and nearest + 1 < len(frames):
            # 「中国政府に対し、日本人の拘束について遺憾の意を伝えた」: the act in the topic is not addressed
            k = nearest + 1
        elif nearest is not None and a.case == "dat" and a.particle in ("に", "に対し", "に対して") \
                and not frames[nearest].predicative and nearest + 1 < len(frames) and frames[nearest + 1].predicative \
                and _OBJECT_TO_VERB.fullmatch(text, frames[nearest].match.char_end, frames[nearest + 1].match.char_start):
            k = nearest + 1  # 「同氏に訪中を招請」: the verb takes the dative, the act noun is its object
        elif nearest is not None and a.case == "dat" and a.particle in ("に対し", "に対して") \
                and not frames[nearest].predicative and frames[nearest].type in ("AID", "SANCTION") \
                and _ADDRESSED_MEASURE.fullmatch(text, a.end + len(a.particle), frames[nearest].match.char_end + 1):
            k = nearest  # 「台湾に対し、…に関わる装備品の売却を承認」: the measure the verb takes is for it
        elif nearest is not None and frames[nearest].match.char_start in (
                a.end + len(a.particle), read_case(text, a.end, person=a.mention.kind == "person")[2]):
            k = nearest  # 「ロシアを訪問」「国防相ら閣僚３人に制裁」: the trigger right after the particle takes it
        elif nearest is None:
            continue  # no trigger after it: whatever its dependency path, it has none to serve
        else:  # (only tokenized, the one trigger after it and no verb between: the parse would say the same)
            k = nearest if unparsed_sole_trigger(doc, a, frames, nearest) else _dep_frame(doc, a, tok_frame)
        if k is None or frames[k].match.char_start < a.end:
            k = next_frame(frames, a.end)
            blockers = verb_offsets(doc, tok_frame, _TRANSPARENT_VERBS) if blockers is None else blockers
            if k is not None and _blocked([b for b in blockers if reaches(quotes, b, a.start)],
                                          a.end + len(a.particle), frames[k].match.char_start):
                k = None  # the first predicate after the arg is not a trigger: it is that one's
                # (a verb quoted after it is the quote's: 「中国に「挑発をやめるよう」呼びかけた」)
        if k is None or not reaches(quotes, a.start, frames[k].match.char_start):
            continue
        f = frames[k]
        if (a.particle == "への" or a.particle == "に対する" and f.type == "REQUEST") and f.predicative \
                and f.type in SPEECH_TYPES and a.end + len(a.particle) < f.match.char_start:
            continue  # 「台湾への武器売却の停止を要求」「ロシアに対する制裁の強化を求めた」: it qualifies what is asked
        if a.case == "dat" and a.particle in ("に対し", "に対して", "に対しては") and f.passive \
                and text.startswith("、", a.end + len(a.particle)):
            # 「中国に対し、拘束されている社員の解放を求めた」: the addressee of the main verb, not
            # the agent of the passive in the clause between
            main = next((g for g in frames[k + 1:] if g.predicative and not g.passive), None)
            if main is None:
                continue
            f = main
        elif a.case == "dat" and a.particle in ("に対し", "に対して") and f.type != "REQUEST" \
                and text.startswith("、", a.end + len(a.particle)) and ATTRIBUTIVE.match(text[f.match.char_end:]):
            # 「ニジェールの軍事政権に対し、（クーデターで拘束した）大統領を復権させるよう求めた」:
            # the addressee of the request, past the relative clause between
            asked = next((g for g in frames[k + 1:] if g.predicative and g.type == "REQUEST"
                          and reaches(quotes, a.start, g.match.char_start)), None)
            if asked is not None:
                f = asked
        if a.case == "from" and _SAID_CLAUSE_END.search(text, a.end, f.match.char_start) \
                and any(b.case == "subj" and b.particle == "が" and b.end <= a.start for b in args):
            continue  # 「（米国は）ロシアが北朝鮮から…調達したと非難」: the said clause's, not the speaker's
        if a.case == "agent" and f.type in EVALUATIVE_TYPES \
                and _AGENT_OF_OBJECT.fullmatch(text, a.end + len(a.particle), f.match.char_start):
            f.target.append(a)  # 「日本の閣僚による靖国神社参拝に遺憾」: whose act is judged, not who judges
            continue
        if a.case == "dat" and f.type in EVALUATIVE_TYPES and a.particle in ("に対する", "への") \
                and (owner := [b for b in args if b.case in ("gen", "modifier") and b.end + 1 == a.start and b.mention.country]) \
                and _CONDUCT_AIMED.fullmatch(text, a.end + len(a.particle), f.match.char_start):
            f.target.append(owner[0])  # 「中国のリトアニアに対する「威圧」を批判」: whose conduct, not whom it was aimed at
            continue
        if a.case == "from" and f.type == "RETREAT":
            f.target.append(a)  # 「ウクライナ北部から部隊を引き揚げた」: withdrawn from there
            continue
        if a.case == "dat" and f.passive and a.mention.kind in ("place", "capital"):
            continue  # 「ガザに拘束されていた」: where, not by whom
        if a.case in ("dat", "agent") and f.passive or a.case == "from" \
                or a.case == "agent" and (not f.predicative or _HELD_BY_NOUN.match(text, f.match.char_end)):
            # 「日米韓による合同演習」「AとBによる協議が開かれた」
            f.source.append(a)
        elif a.case == "with" and (f.type not in SYMMETRIC_TYPES or f.match.mode == "mediate"
                                   or any(b.case == "com" and a.end < b.start < f.match.char_start for b in args)):
            f.source.append(a)  # 「日本は米国とともに…を非難」「…長官とともに首相と会談」: a co-agent
        elif a.case == "agent":
            continue  # an agent is never the one acted upon
        elif a.case == "obj" and f.type == "CONSULT" and f.match.mode not in MET_AS_OBJECT:
            continue  # 「ウクライナ情勢を協議」「停戦交渉を仲介」: what is talked over, not with whom
        elif a.case == "com" and a.particle == "との" and f.type not in SYMMETRIC_TYPES and any(b.case == "dat" for b in f.target):
            continue  # 「…政権に対し、トルコとの国境にある検問所を開放するよう求めた」: a place named, not asked
        else:
            f.target.append(a)
            if a.mention.kind in ("place", "capital") and f.location is None and f.match.mode == "visit":
                f.location = a.mention

    for f in frames:  # 「ルーラ大統領から…意向が示され、岸田総理から歓迎する旨述べました」: each から its clause's
        said = [a for a in f.source if a.case == "from"]
        if len(said) >= 2 and (cut := text.rfind("、", 0, f.match.char_start)) > said[0].end:
            f.source = [a for a in f.source if a.case != "from" or a.start > cut] or f.source
        if f.passive and len(f.source) > len(said) > 0:  # (「上川大臣から、中国当局に拘束されている邦人の…」:
            f.source = [a for a in f.source if a not in said]  # the speaker is not the passive's agent)
    for f in frames:
        if f.match.mode == "multilateral" and not f.predicative and not f.target:
            # 「上海協力機構（ＳＣＯ）首脳会議で演説し」: the body whose summit it is meets the one attending
            body = next((a for a in reversed(args) if a.mention.kind == "organisation" and a.case == "none"
                         and a.start < f.match.char_start
                         and _SUMMIT_OF.fullmatch(text, min(a.end, f.match.char_start), f.match.char_start)), None)
            if body is not None:
                f.target.append(body)
        if f.match.mode == "visit" and not f.predicative and not f.target \
                and not any(g.type == "CONSULT" for g in frames if g is not f) \
                and (at := _VISITED_AT.match(text, f.match.char_end)) is not None:
            # 「訪問中のワシントンで」「訪問先のリトアニアの首都ビリニュスで」: where the visitor is is visited
            # (a meeting held there is the event, the place its setting: 「訪問先のブラジルで…会談し」)
            f.target = [a for a in args if at.start(1) <= a.start and a.end <= at.end(1)
                        and a.mention.kind in ("place", "capital", "state")][:1]
            f.location = f.location or (f.target[0].mention if f.target else None)
    # subjects: the closest subject before a trigger whose clause is still open
    return Reading(text, args, frames, read_subjects(text, doc, args, frames))


#: A genitive's own act that a request asks of it: 「（ウズベキスタン）の理解と協力を（求めた）」.
_ASKED_OWN_ACT = re.compile(r"の(理解|協力|支持|支援|参加|関与|努力|自制|譲歩|同意|賛同|決断|建設的な役割|前向きな対応|誠意ある対応)"
                            r"([とや・](理解|協力|支持|支援|参加|関与|努力|自制|譲歩|同意|賛同))?を")


#: From an act's addressee to its evaluation, the act no trigger: 「（台湾に対する）威圧的な行動に（懸念）」.
_CONDUCT_AIMED = re.compile(r"(「[^」、。]{1,12}」|[^、。「」をがはにでと]{1,10})(を|に)(強く|厳しく|強い|深い|深刻な)?")
#: From an agent (「…による」) to an evaluation of its act: the act's noun and its particle
#: (「靖国神社参拝に「深い失望と（遺憾）」」「領海侵入を（非難）」).
_AGENT_OF_OBJECT = re.compile(r"(?:[^、。「」]|「[^」、。]{1,20}」){1,40}?(に対して|に対する|に対し|について|への|に|を)(「[^」、。]{0,8}|強い|深い|強く|重大な|深刻な)?")


def _modifier_in_compound(doc: "Doc", f: Frame) -> bool:
    """「接触窓口」「水中攻撃ドローン」: a trigger that only modifies the noun after it."""
    nxt = doc[f.match.end] if f.match.end < len(doc) else None
    if nxt is not None and nxt.text == "案" and f.type in DONE_TO \
            and DECIDED_MEASURE.match(doc.text[f.match.char_end:]):
        return False  # 「制裁案を承認した」: the measure itself is decided
    return (nxt is not None and nxt.pos_ == "NOUN" and nxt.text not in _NOUN_SUFFIXES
            and not f.predicative and nxt.idx == f.match.char_end)



#: From 「に対し」 to the measure named as the object of a verb that is no trigger: one clause.
_ADDRESSED_MEASURE = re.compile(r"、[^、。「」]{1,60}を")


def _blocked(blockers: list[int], start: int, end: int) -> bool:
    return any(start <= b < end for b in blockers)


def _partner_before(args: list[Arg], n: int) -> Arg | None:
    """The name joined by と right before ``args[n]`` (「日本と｜中国の…協議」), if there is one."""
    b = args[n - 1] if n > 0 else None
    return b if b is not None and b.case == "com" and b.particle == "と" and b.end + 1 == args[n].start else None


def _compound_places(text: str, args: list[Arg], frames: list[Frame]) -> None:
    """Roles inside noun compounds and genitive chains around a trigger: 「プーチン大統領の
    平壌訪問」 (the place is the visit's target, the person its agent), 「米韓合同軍事演習」,
    「李明博大統領の竹島上陸を批判」."""
    starts = {f.match.char_start for f in frames}
    for n, a in enumerate(args):
        k = next_frame(frames, a.end)
        if a.case == "none" and a.mention.kind == "state" and k is not None and text[a.start - 1:a.start] == "対" \
                and _NOUN_RUN.match(text[a.end:frames[k].match.char_start]):
            a.case = "obj"  # 「対ロ制裁」「対中輸出規制」: the state the measure is against
        elif a.case == "none" and a.mention.rule != "compound" and a.mention.kind == "state" and k is not None \
                and _ACT_PREFIX.fullmatch(text, a.end, frames[k].match.char_start):
            a.case = "obj"  # 「ウクライナ全面侵攻」: the state the act is aimed at
        elif a.case == "none" and a.end not in starts and k is not None and not frames[k].predicative \
                and _NOUN_RUN.match(text[a.end:frames[k].match.char_start]) and a.mention.rule != "compound" \
                and a.mention.id is not None:
            # 「日本と中国の外務省局長級協議」: the bodies a compound names hold the talks
            a.case = "gen"
            if (b := _partner_before(args, n)) is not None:
                b.case, b.particle = "gen", "の"
        elif a.case == "none" and a.end in starts and frames[k].type in SYMMETRIC_TYPES \
                and (b := _partner_before(args, n)) is not None:
            # 「米国とロシアの高官協議」: the two whose officials hold the talks
            a.case = "gen"
            b.case, b.particle = "gen", "の"
        elif a.case == "none" and a.mention.rule != "compound" and a.end in starts:
            a.case = "obj"  # 「ウクライナ侵攻」: the state the act is aimed at
        elif a.case == "none" and a.mention.rule == "compound" and a.mention.kind in ("state", "person"):
            k = next_frame(frames, a.end)
            headline = k is not None and text.startswith("、", frames[k].match.char_end)  # 「米中首脳会談、…開催へ」
            if k is not None and (not frames[k].predicative or _HELD_BY_NOUN.match(text, frames[k].match.char_end)
                                  or _TAKEN_PART.match(text, frames[k].match.char_end) or headline) and (
                    frames[k].type == "MOBILIZE" or frames[k].type in ("CONSULT", "AGREE")
                    and not text.startswith("の", frames[k].match.char_end)) \
                    and _COMPOUND_RUN.match(text[a.end:frames[k].match.char_start]) \
                    and sum(1 for b in args if b.mention.rule == "compound" and b.end <= frames[k].match.char_start
                            and b.start >= a.start - 3) >= 2:
                # 「米韓合同軍事演習」「日中韓首脳会談」: the states a compound names hold the act
                a.case = "gen"
                frames[k].predicative = frames[k].predicative and not headline
    for a, b in zip(args, args[1:]):
        if a.case != "modifier" or b.mention.kind not in ("capital", "place", "state"):
            continue
        if b.end in starts or b.case == "obj" and any(_ACT_PREFIX.fullmatch(text, b.end, st) for st in starts):
            a.case, b.case = "gen", "obj"
        elif b.case == "dat" and b.particle in ("への", "に対する") and any(
                not f.predicative and _NOUN_RUN.match(text[b.end + len(b.particle):f.match.char_start])
                and f.match.char_start >= b.end + len(b.particle) for f in frames[next_frame(frames, b.end) or 0:][:1]):
            a.case = "agent"  # 「ロシアのウクライナへの侵略戦争」: whose act (as 「ロシアによる」), aimed at whom
        elif any(f.match.char_start <= b.start and b.end <= f.match.char_end for f in frames):
            a.case, b.case = "gen", "none"  # 「プーチン大統領の訪朝」: 朝 is the trigger's own target
        elif b.case == "none":
            k = next_frame(frames, b.end)
            if k is not None and frames[k].predicative and _OBJECT_OF.match(text[a.end:frames[k].match.char_start]):
                a.case = "gen"  # 「李明博大統領の竹島上陸を批判」: whose act there is the object


#: between a compound's states and the nominal trigger the compound ends in: 「(米韓)合同(軍事演習)」
#: What may stand between an aimed-at state and the act noun it is compounded with: 「ウクライナ全面侵攻」.
_ACT_PREFIX = re.compile(r"(全面|本格|軍事|大規模|武力|電撃|地上|再)")
#: A day between a genitive's noun and its trigger does not part them: 「日米の貿易協定が7日、発効した」.
_DAY_ADJUNCT = re.compile(r"(?<=[がは])[0-9０-９]{1,2}日(午前|午後|夜|未明|朝)?(に|、)")
_NOUN_RUN = re.compile(r"^[\u4e00-\u9fff]{0,6}$")
#: Types a sentence judges another's act by in its own words (a reporting verb is then no verdict).
_JUDGING = {"ACCUSE", "REJECT", "THREATEN"}
#: After a visit named as a noun, the place one is at on it: 「訪問（中の）ワシントンで」「訪問先のキーウで」.
_VISITED_AT = re.compile(r"(?:中|先)?の([^、。「」をがはにで]{1,24})で")
#: After a predicate in the non-past, the occasions a rule or plan covers: 「（訪れ）る際の（法的地位）」.
_ANY_OCCASION = re.compile(r"(する|される|し合う)?際の")
#: Statements issued: a verdict's reporting words when what they say is quoted before them.
_STATEMENTS = {"声明", "談話", "論評"}
#: Verbs that issue a statement: what it says it does is the act (「…を求める談話を発表」).
_ISSUING = {"発表", "出す", "発出"}
#: Words told as said (「…容認できない旨述べ」「…容認できないとの考えを示した」), as a quote is.
_SAID_SO = re.compile(r"(できない|しない|できず|せず|できません|しません)?(旨|との|と(述べ|強調|表明|指摘|主張|語|話|し、|した))")
#: Between a body and its summit: 「ＡＳＥＡＮ（関連）首脳会議」「ＮＡＴＯ首脳会議」 (the mention may take in 首脳).
_SUMMIT_OF = re.compile(r"(関連|拡大|特別|緊急|臨時)?")
#: A nominal act its subject takes part in: 「（岸田首相は）日米韓首脳会談に臨んだ」.
_TAKEN_PART = re.compile(r"(に臨|に出席|に参加|を行|を開)")
#: A nominal act that is the subject of its holding: 「日米首脳会談が行われた」.
_HELD_BY_NOUN = re.compile(r"[がは](行|開|実施)")
#: The rest of a compound of states before its act noun: 「日ロ外相会談」 (ロ is katakana).
_COMPOUND_RUN = re.compile(r"^[\u4e00-\u9fff\u30a1-\u30faー]{0,6}$")
#: A state's airspace, waters or land after its genitive (or an island's surroundings: 「尖閣諸島周辺の領海」):
#: an incursion into them is aimed at it.
_TERRITORY_OF = re.compile(r"(周辺|沖|付近|近海|沖合)?の(領空|領海|領土|領域|接続水域|排他的経済水域|ＥＥＺ|EEZ|防空識別圏|ＡＤＩＺ|ADIZ)")
#: The end of a clause reported as said or judged: 「…調達した|と|非難」.
_SAID_CLAUSE_END = re.compile(r"(た|る|だ|い)(と|として)、?")
#: between a genitive and a nominal trigger, the noun its act is about: 「（イスラエル）の自衛権への（支持）」
_OWNER_OF_OBJECT = re.compile(rf"^の[^、。をにがは]{{1,10}}(への|に対する){INTENSITY}?[\u4e00-\u9fff\u30a0-\u30ff]{{0,4}}$")
_OWNER_OF_OBJECT_NI = re.compile(rf"^の[^、。をにがは]{{1,10}}に(対し|対して)?、?{INTENSITY}{{0,2}}$")  # 「の圧力に強い（遺憾）」
#: between a genitive and a predicative trigger: 「の竹島上陸を」 (the object it names)
_OBJECT_OF = re.compile(r"^の[^、。をにがは「」]{1,12}?(を|に|について|をめぐり|をめぐって|に対し|に対して)、?"
                        rf"(「[^」]{{1,40}}」と)?{INTENSITY}{{0,3}}$")


def _chain_end(args: list[Arg], a: Arg) -> int:
    """Where the coordination a genitive belongs to ends: 「日本と中国の…」 ends after 中国."""
    end = a.end
    for b in args:
        if b.start >= end and b.case == "gen" and b.start - end <= 2:
            end = b.end
    return end



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
        if tok.lemma_ in _ISSUING and (said := next((g for c in tok.children if c.dep_ == "obj" and c.lemma_ in _STATEMENTS
                                                     for g in c.children if g.dep_ == "acl" and g.i in tok_frame), None)):
            return tok_frame[said.i]  # 「G7に対し、…よう求める談話を発表」: the statement's act is addressed
        if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.lemma_ not in _TRANSPARENT_VERBS \
                and tok.head.lemma_ not in _FORMAL_NOUNS and tok.head.i not in tok_frame \
                and (a.case != "com" and tok.lemma_ != "含める"
                     or any(c.dep_ == "nsubj" for c in tok.children)):
            # 「政府が台湾にとった対応を非難」「ベトナムに進出する日本企業の…を要請」: inside a relative
            # clause, its verb's (but 「北朝鮮への…を削減する制裁決議」: the content of the act it describes;
            # and 「尹大統領と、それを受け入れた岸田首相の決断」: a と the parser hangs on the clause is mostly
            # a coordination; 「日本人男性を含め５人が」: including is no clause of its own)
            return None
    return None
