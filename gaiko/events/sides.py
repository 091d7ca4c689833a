"""Who acts and at whom: a sentence's roles completed once its own words are read.

``complete_sides`` gives each frame of a ``Reading`` its subject (a passive's
subject is its target), then fills what the sentence leaves empty from what it
inherits (the topic of the sentence before, the two sides of the meeting just
reported: ``Context``), from the frames beside it (``lending``) and from
rules on the words around the trigger (「双方は」, 「…について」, 「台湾周辺で」,
a territory's return). Places that are where, not whom, leave the target.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..plover import ADDRESSED_TYPES, AIMED_AT_FOREIGN, EVALUATIVE_TYPES, SPEECH_TYPES, SYMMETRIC_TYPES
from ..records import ActorMention
from .aimed import against_own, also_aimed, answered, measured, object_phrase, others, struck, sued, waged_by, withdrawn_from
from .cues import (ANNOUNCED_OWN, AROUND, IN_FORCE, AT_MEETING, AT_THIS_MEETING, ATTRIBUTIVE, BOTH_SIDES, FRONTED, IN_CONTENT, JOINT_TEXT, LIST_GAP, OBJECT_LINK, OBJECT_OF_VIEW,
                   OWN_MEASURES, RETURN_OF, SERIAL_LINK, ANSWER, DECIDED_MEASURE, DONE_TO, HELD, INTENT_TOLD, RECEIVED, SUFFERED, VISITING,
                   HELP_ASKED, MET_IN, MUTUAL_AFTER, MUTUAL_BEFORE, NOUN_GAP, RECIPROCAL)
from .folds import ONE_WAY, content_outer, one_side
from .judged import joined_doers, judged_target, relative_object, verdict_target, with_coordinated
from .frame import COORDINATORS, MET_AS_OBJECT, Context, Frame, is_actor
from .lending import lend_between
from .meetings import at_meeting, counterpart
from .roles import Arg, coordinated_before
from .subjects import quote_spans, reaches
from .triggers import CLAIM, REPORTED, VERDICT

#: Types whose target may be a place, standing for its state (a city visited, a region shelled).
AT_PLACES = {"CONSULT", "ASSAULT", "MOBILIZE", "RETREAT"}

#: Sectors of bodies that act for a state or an international body.
_OFFICIAL_SECTORS = {"GOV", "MIL", "DIP", "POLICE", "IGO", "LEG", "PARTY"}
#: Nominal acts one receives from someone (「…から招待を受け」「…から支援を受けた」).
_GIVEN_TYPES = {"REQUEST", "AID", "SUPPORT"}


def complete_sides(frames: list[Frame], subjects: dict[int, list[Arg]], text: str, args: list[Arg],
                   ctx: Context) -> None:
    """Sources and targets of ``frames`` (in place), from their subjects, the context and the
    frames beside them; ``ctx`` is read, not changed."""
    topic = ctx.topic
    abouts = [a for a in args if a.case == "about"]
    meeting: tuple[list[Arg], list[Arg]] | None = None  # this sentence's own meeting, for what follows it
    meeting_end = 0
    for k, f in enumerate(frames):
        subj = subjects.get(k)
        if not f.predicative and text.startswith("の", f.match.char_end) \
                and any(a.start == f.match.char_end + 1 and a.mention.kind == "organisation" for a in args):
            f.drop = True  # 「北朝鮮制裁の専門家パネル」: the act names the body after it, no act of its own
        if not f.predicative and not f.gens:
            # 「北朝鮮とロシアの軍事協力の進展について」: the owners of a nominal act the topic is about
            # are that act's parties (and still what a judgment of it is about); with an agent named
            # (「ロシアによる日本漁船の拿捕について」), the one it is done to
            owners = [a for a in abouts if a.particle == "の" and a.end + 1 == f.match.char_start and is_actor(a)]
            if owners and any(a.case == "agent" for a in f.source):
                f.target = f.target or [owners[-1]]
            else:
                f.gens = coordinated_before(args, owners[-1]) if owners else f.gens
        if f.match.id == CLAIM:
            # 「Xは、Yが…したと主張」: an accusation of the claim's own subject, else no event
            f.target = [a for a in f.target if a.particle == "が"]
            f.drop = not f.predicative or not f.target
        if f.type in SPEECH_TYPES and f.type != "REQUEST":
            # the outlet told or used is not the one accused (「通信を通じて談話を発表し…非難」)
            f.target = [a for a in f.target if a.mention.sector != "MEDIA"]
        if f.passive and subj and not f.source and all(a.mention.text.endswith(_HONORIFIC) for a in subj):
            f.passive = False  # 「天皇陛下は…大統領と会見された」: respect, not the passive voice
        if f.predicative and f.gens and not f.passive and ATTRIBUTIVE.match(text[f.match.char_end:]) \
                and f.gens[-1].end + len(f.gens[-1].particle) == f.match.char_start:
            # 「米国の提案した和平計画に（イスラエルとハマスが）合意」: の marks the relative clause's
            # subject; the plan is put to the sentence's subject
            f.source = list(f.gens)
            f.target = [a for a in subj or [] if a.mention.country not in {g.mention.country for g in f.gens}] \
                + f.target
        elif f.predicative:
            if f.passive:
                # 「北朝鮮の警備艇に拿捕された」: the owner of what acts on the subject is the agent
                agents = [a for a in f.target if a.case == "gen" and not f.source
                          and _OWNED_AGENT.fullmatch(text, a.end, f.match.char_start)]
                f.source = agents or f.source
                done_to = [a for a in subj or [] if not text.startswith("】", a.end)]  # (not a speaker's label)
                rel = ATTRIBUTIVE.match(text[f.match.char_end:])
                if rel and not _COMPLEMENT.match(text, f.match.char_end + rel.end() - 1):
                    # 「（長官は）…に拘束されている日本人の解放を求めた」: the clause's head is who it is
                    # done to, not the sentence's subject
                    head = f.match.char_end + rel.end() - 1
                    done_to = [a for a in done_to if a.particle == "が"] \
                        or [a for a in args if a.start == head and is_actor(a)]
                f.target = list(done_to) + [a for a in f.target if a not in agents]
            elif subj:
                f.source = list(subj) + f.source
            if f.gens and f.match.mode == "letter":
                f.source = list(f.gens)  # the letter's author, not its carrier
            elif f.gens and not f.source:
                f.source = list(f.gens)
            elif f.gens:
                mine = {a.key for a in f.source}  # (「AとBは…米朝首脳会談を行い」: the compound names them again)
                f.target.extend(g for g in f.gens if g.key not in mine and not (f.type in SYMMETRIC_TYPES and _IN_AGREED.match(
                    text, g.end, f.match.char_start)))  # 「両国の関係強化で一致」: the states are in what is agreed
        elif subj and f.type in _GIVEN_TYPES and RECEIVED.match(text, f.match.char_end) \
                and (giver := [a for a in args if a.case == "from" and a.end <= f.match.char_start
                               and is_actor(a) and reaches(quote_spans(text), a.start, f.match.char_start)][-1:]
                     or [g for g in f.gens if g not in subj and not text.startswith("を受け", f.match.char_end)]):
            # 「トランプ氏は習主席から４月の訪中の招待を受け」: the giver asks, the subject is asked (「米国の支持を取り付けた」)
            f.source, f.target = giver, list(subj)
        elif subj and (SUFFERED.match(text[f.match.char_end:])
                       or f.type == "CONSULT" and re.match(r"を[^、。「」]{0,8}?受け入れ", text[f.match.char_end:])):
            # 「イスラエルはイランによる攻撃を受けた」: the subject suffers the act named, the owner of
            # the act does it (「インドのジャイシャンカル外相の表敬を受けた」)
            f.target = list(subj) + f.target
            f.source = [a for a in f.source if a not in subj] or [g for g in f.gens if g not in subj] or [
                a for a in args if a.case == "from" and a.end <= f.match.char_start and is_actor(a)][-1:]  # (「中国政府から抗議を受けた」)
        elif subj and f.type in DONE_TO and DECIDED_MEASURE.match(text[f.match.char_end:]):
            # 「日本政府は…外交官8人の国外追放を決めた」: the subject decides; whose expulsion it is, is its target
            f.source, f.target = list(subj), f.target + [g for g in f.gens if g.mention.kind != "place"]
        else:
            named = [a for a in subj or [] if a.mention.kind == "person"]
            if len(f.gens) >= 2 and f.type in SYMMETRIC_TYPES and len(named) >= 2 \
                    and {a.mention.country for a in named} == {a.mention.country for a in f.gens} \
                    and HELD.match(text[f.match.char_end:]):
                # 「トランプ米大統領と金正恩委員長は…米朝首脳会談を終え」: the states' leaders named hold it
                f.source, f.target = [named[0]], named[1:] + f.target
            elif len(f.gens) >= 2 and f.type in SYMMETRIC_TYPES and f.match.mode != "mediate":
                f.source, f.target = [f.gens[0]], f.gens[1:] + f.target  # (「AとBの仲介」: both mediate)
            elif f.gens and any(a.case == "agent" for a in f.source):
                # 「ロシアによるウクライナ東部の独立承認」: the agent named with による acts, the owner is acted on
                f.target = [g for g in f.gens if g not in f.source] + f.target
            elif f.gens:
                f.source = list(f.gens)
            elif subj and not f.source and not (f.type == "AGREE" and text.startswith("の", f.match.char_end)) \
                    and not (k + 1 < len(frames) and frames[k + 1].type in EVALUATIVE_TYPES and frames[k + 1].predicative
                             and all(a.particle == "は" for a in subj)  # (the judge, not a clause's own 「日米が行う」)
                             and OBJECT_LINK.match(text[f.match.char_end:frames[k + 1].match.char_start])) \
                    and (not OBJECT_OF_VIEW.match(text[f.match.char_end:])
                                            or f.type in OWN_MEASURES and ANNOUNCED_OWN.match(text[f.match.char_end:])):
                f.source = list(subj)  # not 「（金委員長が）キューバ訪問を重視」: another verb's object
            elif len(f.target) >= 2 and f.type in SYMMETRIC_TYPES and not f.source:
                f.source, f.target = [f.target[0]], f.target[1:]  # 「AとB、Cとの会談」
        if not f.source and meeting and f.predicative and f.type in {*SYMMETRIC_TYPES, "REQUEST", "SUPPORT"} \
                and AT_THIS_MEETING.match(text, meeting_end):
            # 「昨年11月の米中首脳会談では、…で合意した」: the sides of the meeting it was said at
            f.source, f.target = list(meeting[0]), list(meeting[1])
        if not f.source and not f.target and not f.predicative and f.type == "CONSULT" and ctx.meeting \
                and _EARLIER_MEETING.search(text, 0, f.match.char_start):
            # 「（両首脳が電話会談した。）先月30日の釜山での首脳会談以来…」: their earlier meeting
            f.source, f.target = list(ctx.meeting[0]), list(ctx.meeting[1])
        if not f.source and ctx.meeting and f.type not in SYMMETRIC_TYPES \
                and (f.target or f.type not in ("REQUEST", "SUPPORT")) and BOTH_SIDES.search(text[:f.match.char_start]):
            # 「両外相は、北朝鮮による…開発を非難することで一致」: both sides act on a third
            f.source = list(ctx.meeting[0]) + list(ctx.meeting[1])
        if not f.source and ctx.meeting and f.type in {*SYMMETRIC_TYPES, "REQUEST", "SUPPORT"} \
                and (BOTH_SIDES.search(text[:f.match.char_start]) or AT_MEETING.match(text)):
            # 「双方は…で一致した」: the two sides of the meeting just reported
            f.source, f.target = list(ctx.meeting[0]), list(ctx.meeting[1])
        if not f.source and f.predicative and not f.passive and not subj \
                and FRONTED.match(text[f.match.char_end:f.match.char_end + 8]):
            # 「ロシアの侵攻に抗議して、日本政府は…」: a fronted clause shares the subject after it
            later = [a for a in args if a.case == "subj" and a.start > f.match.char_end
                     and reaches(quote_spans(text), a.start, f.match.char_start)]
            f.source = later[:1]
        if not f.source and f.predicative and ctx.meeting and JOINT_TEXT.match(text):
            # 「共同声明は北朝鮮に対し…求めた」: a joint text speaks for both sides of the meeting it closed
            f.source = list(ctx.meeting[0]) + list(ctx.meeting[1])
            f.target = [a for a in f.target if a.key not in {b.key for b in f.source}]
        if not f.source and f.predicative:
            # 「G7外相会合の共同声明は、…懸念するとした」: the body whose statement is the topic speaks
            owners = [a for a in args if a.case in ("gen", "modifier") and a.end <= f.match.char_start and is_actor(a)
                      and _STATEMENT_OWNED.match(text, a.end)]
            if owners:
                f.source = coordinated_before(args, owners[-1])
                f.target = [a for a in f.target if a.key not in {b.key for b in f.source}]
        if not f.source and topic and not f.predicative and f.type == "CONSULT" and f.target \
                and all(a.case == "com" for a in f.target) and not subj \
                and not {a.mention.country for a in topic} & {a.mention.country for a in f.target}:
            # 「（李大統領は東京を訪れた。）石破首相との首脳会談では…」: the one the story follows meets them
            f.source = list(topic)
        # 「ゼレンスキー大統領から、…謝意が表明されるとともに、…の要請がありました」: the speaker the
        # sentence opens with says all it reports (the foreign ministry's way of writing who said what)
        opener = [a for a in args if a.case == "from" and a.end < f.match.char_start and is_actor(a)
                  and _SPEAKER.match(text, a.end) and reaches(quote_spans(text), a.start, f.match.char_start)][-1:]
        if not f.source and topic and f.predicative and not f.passive and not opener \
                and f.match.pattern not in IN_FORCE and not ATTRIBUTIVE.match(text[f.match.char_end:]):  # 「発射した飛翔体」: its own clause
            f.source = list(topic)
        elif f.passive and not f.target and topic and not ATTRIBUTIVE.match(text[f.match.char_end:]):
            f.target = others(topic, f.source)  # 「（チョン議員は）…と批判される」, not 「（長官は）拘束されている日本人の…」
        if not f.source and (f.predicative and not f.passive or f.type in SPEECH_TYPES):
            f.source = opener  # (not 「…から、中国当局に拘束されている邦人の解放を求めました」: another's act)
        if f.type not in SYMMETRIC_TYPES and not f.target and len({a.mention.country for a in f.source}) >= 2 \
                and (MUTUAL_BEFORE.search(text, 0, f.match.char_start) or MUTUAL_AFTER.match(text, f.match.char_end)
                     or f.match.pattern in RECIPROCAL):
            f.mutual = True  # 「インドとパキスタンは互いに…と非難し合った」「タイ軍とカンボジア軍が交戦」
        if f.match.private and f.source and all(_is_private(a) for a in f.source):
            f.match = replace(f.match, label=f.match.private)  # citizens' 抗議 is a PROTEST
        if f.type in SYMMETRIC_TYPES and f.target and f.match.mode != "mediate" \
                and (len(f.source) >= 2 or f.type == "AGREE") \
                and all(a.case != "com" and IN_CONTENT.search(text[a.end:f.match.char_start])
                        or f.match.mode not in MET_AS_OBJECT and _both_sides(f)  # (not a visit's host: 「…を訪れ」)
                        and _AGREED_ON.fullmatch(text, a.end, f.match.char_start)
                        for a in f.target):
            # (with both sides already its source, any name in the clause before it is in what is agreed:
            # 「両首脳は、ナイロビとウガンダ国境を結ぶ鉄道の延伸で合意」)
            inner = frames[k - 1] if k else None
            if inner is not None and inner.type in ONE_WAY and not inner.target and one_side(f.source) \
                    and inner.source and one_side(inner.source + f.source):
                inner.target = list(f.target)  # 「EUは、ロシアに追加制裁を科すことで合意」: whom the act agreed on is aimed at
            f.target = []  # 「両外相は、米国に共に対抗していくことで一致」: the US is in what is agreed
        if f.type in SYMMETRIC_TYPES and f.source and f.target:
            # 「（習主席は）…両国の関係強化で一致」: one's own state is no counterpart of one's own (but an
            # armed group's state is: 「国軍とＲＳＦは…合意」)
            own = {a.mention.country for a in f.source if a.mention.sector != "REBEL"}
            f.target = [a for a in f.target if not (a.mention.kind == "state" and a.mention.country in own)]
        if f.type in SYMMETRIC_TYPES and len(f.source) >= 2 and not f.target and f.match.mode != "mediate" \
                and not (len({a.mention.country for a in f.source}) == 1 and f.source[0].mention.country not in (None, "IGO")
                         and not any(a.mention.sector == "REBEL" for a in f.source)) \
                and (f.source[0].particle in COORDINATORS or f.source[0].start == f.source[1].start
                     or LIST_GAP.fullmatch(text, f.source[0].end, f.source[1].start)
                     or f.source[0].end == f.source[1].start and (f.source[0].mention.rule == "compound"
                                                                   or f.source[0].mention.kind != f.source[1].mention.kind)):
            # 「AとBは…で合意した」「両首脳は」 (not two of one state: 「ルビオ国務長官とバンス副大統領は…と協議」)
            f.source, f.target, f.joint = f.source[:1], f.source[1:], len(f.source) > 2
        # the predicate before it, past the nominal acts its object names (「抗議し、発言の撤回を要求した」)
        # (or the act just before it, said: 「「極めて遺憾だ」と述べ、即時撤去を求めた」)
        j = k - 1 if k and frames[k - 1].type in ADDRESSED_TYPES and frames[k - 1].target \
            else next((j for j in range(k - 1, -1, -1) if frames[j].predicative), None)
        if not f.target and f.source and f.type in ADDRESSED_TYPES and j is not None \
                and frames[j].type in ADDRESSED_TYPES and frames[j].target \
                and {a.key for a in frames[j].source} == {a.key for a in f.source} \
                and not ((frames[j].type == "SUPPORT" or HELP_ASKED.search(text, frames[j].match.char_end, f.match.char_start))
                         and (meeting or ctx.meeting)) \
                and not ({f.type, frames[j].type} >= {"SUPPORT"} and {f.type, frames[j].type} & {"ACCUSE", "REJECT", "THREATEN"}) \
                and SERIAL_LINK.match(text[frames[j].match.char_end:f.match.char_start]) \
                and not any(not g.predicative and {a.key for a in g.source} - {a.key for a in f.source}
                            and OBJECT_LINK.match(text[g.match.char_end:f.match.char_start])
                            for g in frames[j + 1:k]):  # (「…求め、日本の対ロ制裁を批判」: another's act)
            # 「…を非難し、「…」と警告した」: one addressee (not after thanks at a meeting, 「…謝意を表明した
            # うえで、…求めた」, nor for help 「…に懸念を表明し、…理解と協力を求めた」: the one met; nor support after
            # blame: 「侵略を非難し、…への連帯を表明」)
            f.target = list(frames[j].target)
        if not f.target and f.match.mode == "accept" and k and not frames[k - 1].predicative \
                and text[frames[k - 1].match.char_end:f.match.char_start] in ("を", "に"):
            # 「北朝鮮は米国の提案を受け入れた」「トルコの提案に応じた」: agreed with whoever made the proposal
            f.target = [a for a in frames[k - 1].gens or frames[k - 1].source if a.key not in {b.key for b in f.source}]
        if not f.target and f.type in ("SANCTION", "CONCEDE"):  # (a measure lifted: 「…産ワインに課している関税を撤廃」)
            f.target = measured(f, text, args, abouts)  # (aimed)
        elif not f.target and f.type == "RETREAT":
            f.target = withdrawn_from(f, text, args)  # (aimed: where one withdraws from)
        voted = [a for a in topic or [] if a.mention.country == "IGO"] if f.type == "REJECT" else []
        if not f.target and f.source and f.type == "REJECT" and (_VOTED_ON.search(text) or voted and f.predicative):
            # 「ロシアや北朝鮮が（決議案に）反対した」「安保理では、ロシアが拒否権を行使し」: a vote against the body
            # that votes, named in the sentence or the topic of the one before (「国連総会は…採択した。」)
            bodies = [a for a in args if a.mention.country == "IGO" and a.mention.kind == "organisation"]
            voters = [a for a in f.source if a not in bodies]
            f.source = voters or f.source
            bodies.sort(key=lambda a: a.particle in ("で", "では", "において"))  # (where the vote is, first)
            f.target = [a for a in bodies if a not in f.source][-1:] or voted
        if not f.target and f.source and f.type in ("SANCTION", "THREATEN", "ASSAULT") \
                and _RETALIATION.search(text, 0, f.match.char_end):
            # 「米政府は…追加関税を課し、中国も報復関税で対抗した」: a retaliation is aimed at those who
            # acted before it, in its sentence or the one before
            before = [g.source for g in frames[:k] if g.source and not g.drop] + [ctx.actors or []]
            f.target = next((rest for side in before if (rest := others(side, f.source))), [])
        if any(a.mention.country == "IGO" for a in f.target):
            f.target = sued(f, text, args)  # a court sued before is not who is accused (aimed)
        judged_target(f, frames, k, text, args, abouts)  # evaluations: whose act is judged (events.judged)
        if not f.target and f.source and (f.predicative or f.type == "SANCTION") \
                and f.type in EVALUATIVE_TYPES | {"SANCTION", "THREATEN"}:
            f.target = answered(f, frames, k, text) or also_aimed(f, subj, ctx, text) \
                or against_own(f, ctx)  # (aimed)
        if f.match.id in REPORTED:
            # a verdict or a demand reported is one only on someone found (events.attach keeps it only
            # where the sentence does not judge or ask in so many words)
            own = {a.mention.country for a in f.source}  # (「日本は…強化すべきだ」: one's own state is no one asked)
            f.target = [a for a in f.target if a.mention.id is not None and a.mention.country not in own] \
                or (verdict_target(f, text, args) if f.match.id == VERDICT else [])
            f.drop = f.drop or not f.target or f.match.id == VERDICT and not f.predicative
        if f.type == "THREATEN" and f.predicative and f.source:
            own = {a.mention.country for a in f.source}  # (「…ロシアと戦争状態になる」と警告: no threat to one's own)
            f.target = [a for a in f.target if a.mention.country not in own] \
                or verdict_target(f, text, args)  # 「フィンランドとスウェーデンの加盟は「…」と警告」
        if f.match.mode == "mediate" and f.predicative and f.source:
            # 「インドとパキスタンの停戦を仲介した」: the two whose act is mediated, both
            # (「…を仲介するカタールは」: a mediator after them; 「AとBの…は…が仲介した」: the talks told first)
            mine = {a.mention.country for a in f.source}
            named = [a for a in args if a.case == "gen" and a.end <= f.match.char_start and is_actor(a)
                     and a.mention.country not in mine]
            parties = [a for a in named if a.start > max(b.end for b in f.source)]
            parties = parties if len(parties) >= 2 else named
            f.target = parties if len(parties) >= 2 else f.target
            if not f.target and ctx.meeting and f.match.char_start > max(a.end for a in f.source):
                # 「（ハマスとイスラエルの交渉は…。）カタールは…交渉を仲介してきた」: the talks just reported
                f.target = [a for a in ctx.meeting[0] + ctx.meeting[1] if a.mention.country not in mine]
        if f.type == "CONSULT" and f.source and f.target and f.match.mode != "letter" and not VISITING.search(text, 0, f.target[0].start) \
                and content_outer(text, frames, k) is None:  # (not 「北京を訪問することで合意」: what is agreed)
            meeting, meeting_end = (list(f.source), list(f.target)), f.match.char_end
        if f.type == "ASSAULT" and not f.source and not f.predicative:  # (aimed: 「侵攻を続けるロシア」)
            f.source = waged_by(f, text, args)
        if f.type == "ASSAULT" and f.source and not f.target:
            f.target = struck(f, text, args)  # (aimed; before where it struck: 「ダマスカスで…大使館が…空爆を受けた」)
        if f.type == "ASSAULT" and f.source and not f.target and f.location is not None \
                and (f.predicative or f.gens or any(a.case == "agent" for a in f.source)) \
                and f.location.country not in {a.mention.country for a in f.source} | {None, "IGO"}:
            # 「ガザ地区ではイスラエル軍の空爆で市民２０人が死亡」: an attack where it struck is on that state
            f.target = [a for a in args if a.mention is f.location][:1]
        if f.type not in AT_PLACES:
            f.target = [a for a in f.target if a.mention.kind != "place"]  # 竹島に: where, not whom
        else:  # a place stands for the state it belongs to, if the dictionary knows one
            f.target = [a for a in f.target if a.mention.kind != "place" or a.mention.country]
        if f.type == "REQUEST" and any(a.particle in ("に対し", "に対して") for a in f.target):
            # 「Xに対し、（Yを解放する）よう求めた」: Y is what is asked about (but 「Yを…に招待」 invites Y)
            f.target = [a for a in f.target if a.case != "obj"]
        elif f.type == "REQUEST":  # 「（パレスチナを）承認することがないよう呼びかけた」: the object of what is asked
            f.target = [a for a in f.target if not (a.case == "obj" and _OBJECT_ASKED.fullmatch(text, a.end, f.match.char_start))]
        if not f.target and f.type == "REQUEST":
            # 「対馬の返還を要求」: a territory's return is asked of the state that holds it
            own = {a.mention.country for a in f.source}
            f.target = [a for a in args if a.mention.kind == "place" and a.mention.country not in own | {None}
                        and RETURN_OF.match(text[a.end:f.match.char_start])][-1:]
        clause = next((g for g in reversed(frames[:k]) if g.predicative), None)
        if clause is not None and f.type in EVALUATIVE_TYPES and relative_object(text, clause, f):
            # 「米国が提案した核協議の再開を拒否」: the act refused is the relative clause's, and so its doer's
            mine = {a.key for a in f.source}
            f.target = f.target or [a for a in joined_doers(frames, clause, text) if a.key not in mine]
            if clause.type == "REQUEST" and not clause.target and f.type != "SUPPORT":
                # 「米側が求める改正には応じない」: asked of the refuser (but 「エジプトが提案した計画を支持」:
                # a plan put to all, backed by one)
                clause.target = list(f.source)
        for j in range(k - 1, -1, -1):  # the nominal act it is said of, past any trigger quoted in between
            if f.target or frames[j].predicative:
                break
            link = text[frames[j].match.char_end:f.match.char_start]
            if f.type in EVALUATIVE_TYPES and _REFUSED_LINK.fullmatch(link):
                # 「ワシントンとソウルの非難を否定」: whose act it is; 「日本との首脳会談を拒否」: one's own
                # act refused is refused to the other side of it
                mine = {a.key for a in f.source}
                f.target = [a for a in frames[j].source if a.key not in mine] \
                    or [a for a in frames[j].target if a.key not in mine]
            elif f.type in EVALUATIVE_TYPES | {"REQUEST", "THREATEN"} and OBJECT_LINK.match(link):
                # 「中国の軍事演習を強く批判」「北朝鮮による…発射について…非難」: whose act it is
                f.target = list(frames[j].gens or [a for a in frames[j].source if a.case in ("agent", "gen")])
                if not f.target and not frames[j].source and f.type in EVALUATIVE_TYPES and f.source:
                    # 「（ボレル上級代表は）襲撃を「最も強い言葉で非難する」とした」: the act reported before, its doer
                    f.target = others(ctx.acts.get(frames[j].type, []), f.source)
                if f.type == "REQUEST":  # 「乗組員の即時解放を求めた」: the people to be freed are not asked
                    f.target = [a for a in f.target if not _is_private(a)]
        if not f.target and f.source and f.type == "REJECT":
            # 「コンゴ政府は…と非難してきたが、ルワンダ側は…関与を否定している」: a denial answers the
            # accusation or demand the sentence reports against its speaker
            mine = {a.mention.country for a in f.source}
            charged = next((g for g in reversed(frames[:k]) if g.type in ("ACCUSE", "REQUEST") and g.source
                            and mine & {a.mention.country for a in g.target}), None)
            # 「ウメロフ国防相は…停戦を提案したが、ロシア側は応じなかった」: a proposal put to no one named,
            # refused by the next clause's subject, was put to it
            proposed = next((g for g in reversed(frames[:k]) if g.type == "REQUEST" and g.predicative and g.source
                             and not g.target and not mine & {a.mention.country for a in g.source}
                             and _BUT.match(text, g.match.char_end)), None)
            if charged is None and proposed is not None:
                charged, proposed.target = proposed, list(f.source)
            if charged is not None:
                f.target = [a for a in charged.source if a.mention.country not in mine]
        if not f.target and f.source and f.type in ("ACCUSE", "SUPPORT") \
                and _THIS_JUDGED.search(text, 0, f.match.char_start):
            # 「ソマリア政府はこれを「主権の侵害」と非難し」: what was just reported, and so who did it
            f.target = others(ctx.actors or [], f.source)
        if not f.target and f.source and f.type in ADDRESSED_TYPES and ANSWER.match(text):
            # 「これに対し、米国務省は…と反論した」: an answer is aimed at those it answers, who acted
            # or, with no act read, spoke in the sentence before (「ラブロフ外相は…と述べた」)
            f.target = others(ctx.actors or [], f.source) or others(ctx.topic or [], f.source)
        if not f.target and f.source and ctx.meeting and (f.type in ADDRESSED_TYPES or f.type == "AID"
                                                          and INTENT_TOLD.match(text[f.match.char_end:])):
            # said at the meeting just reported, to the other side, unless the sentence names whom
            # (「また、ハマスに対し、人質を解放するよう求めた」「ウクライナへの揺るぎない支持」); (aid told: 「…を供与する考えを伝えた」)
            f.target = others([a for a in args if (a.particle in ("に対し", "に対して") or f.type == "SUPPORT" and a.particle in
                               ("への", "に対する") and NOUN_GAP.fullmatch(text, a.end + len(a.particle), f.match.char_start))
                               and a.end <= f.match.char_start and is_actor(a)], f.source) or counterpart(f.source, ctx.meeting)
        if f.type in EVALUATIVE_TYPES and len(f.target) > 1:
            # 「ロシアに物資を供給しているとして中国を批判」: the reason's words are not whom it is aimed at
            reason = next(reversed(list(_REASON.finditer(text, 0, f.match.char_start))), None)
            if reason and any(a.start >= reason.end() and a.case == "obj" for a in f.target):
                f.target = [a for a in f.target if a.start >= reason.end()]
        if all(a.mention.kind in ("place", "capital") for a in f.target) and f.predicative and f.source \
                and f.type in AT_PLACES | {"SANCTION", "COERCE"}:
            # 「イエメン西部ホデイダ周辺にあるフーシ派の拠点を空爆」: the group whose site it is, over where it lies
            own = {a.mention.country for a in f.source}
            f.target = [a for a in object_phrase(text, f, args)
                        if a.mention.kind == "organisation" and a.mention.country not in own][:1] or f.target
        if not f.target and f.source and f.type == "SUPPORT" and meeting \
                and any({a.key for a in f.source} <= {b.key for b in side} for side in meeting):
            # 「岸田首相は…との会談で…協力を求め、ユン氏は全面的な支持を表明した」: one side's support
            # at a meeting is for the other side, not for a third state their words name (but the
            # other side's state named is whom it is for: 「ウクライナを訪問した…支援していくことを表明」)
            other = counterpart(f.source, meeting)
            theirs = {b.mention.country for b in other}
            if not any(a.mention.kind == "state" and a.start < f.match.char_start and a.mention.country in theirs
                       for a in args):
                f.target = other
        if not f.target and f.source and f.type in AIMED_AT_FOREIGN:
            # aimed at the foreign state it names (「日本大使館前での糾弾集会」), not one visited; a protest, where held
            own = {a.mention.country for a in f.source}
            places = f.type == "PROTEST" and not any(b.mention.kind in ("state", "capital") and b.start < f.match.char_start for b in args)
            foreign = [a for a in args if a.start < f.match.char_start and a.mention.kind in ("state", "capital") + ("place",) * places
                       and a.mention.country not in own and a.mention.country is not None and not VISITING.search(text, 0, a.start)
                       and not MET_IN.match(text, a.end)
                       and reaches(quote_spans(text), a.start, f.match.char_start)]
            if foreign and (f.type in ("PROTEST", "SUPPORT")
                            or f.predicative and len({a.mention.country for a in foreign}) == 1):
                # (for an accusation, a measure or an attack only when one foreign state is named)
                subjects_ = [a for a in foreign if a.case == "subj"]
                f.target = with_coordinated(text, args, [(subjects_ or foreign)[-1]], own)
        if not f.target and f.source and f.type == "ASSAULT" and not f.predicative \
                and re.match(r"(で|により|によって)", text[f.match.char_end:]):
            # 「パキスタン軍は、インド軍の砲撃で民間人が死亡したと明らかにした」: who reports the toll of
            # another's attack is the one attacked
            own = {a.mention.country for a in f.source}
            f.target = [a for a in subj or [] if a.mention.country not in own | {None} and is_actor(a)
                        and a.end <= f.match.char_start][:1]
        if not f.target and f.source and f.type in ADDRESSED_TYPES and meeting:
            f.target = counterpart(f.source, meeting)  # 「会談し、…で一致した」: said at the meeting
        if not f.target and f.source and f.type == "MOBILIZE":
            # 「台湾周辺で軍事演習」: a drill around a state is aimed at it
            own = {a.mention.country for a in f.source}
            f.target = [a for a in args if a.case in ("loc", "obj", "none") and a.end <= f.match.char_start
                        and a.mention.kind in ("state", "place") and a.mention.country not in own | {None}
                        and AROUND.match(text, a.end)][-1:]
        if not f.target and f.predicative and f.source and f.type in AT_PLACES | {"SANCTION", "COERCE"} \
                and (f.type != "CONSULT" or f.match.mode in MET_AS_OBJECT):
            # 「ガザ南部ラファの避難民キャンプを空爆」: the state the object lies in
            own = {a.mention.country for a in f.source}
            f.target = [a for a in object_phrase(text, f, args) if a.mention.country not in own][:1]
        at_meeting(f, k, frames, text, subj, subjects, meeting, ctx)  # (events.meetings)
        if f.match.target and not any(a.mention.country == f.match.target for a in f.target):
            f.target.append(Arg(ActorMention(f.match.char_start, f.match.char_end,
                                             text[f.match.char_start:f.match.char_end],
                                             f.match.target, f.match.target, "state", rule="trigger"),
                                f.match.char_start, f.match.char_end, "obj", ""))

    lend_between(frames, text, args, subjects)


#: Nouns a clause is the content of, not a head it describes: 「拘束された（可能性）」.
_COMPLEMENT = re.compile(r"(可能性|疑い|恐れ|おそれ|公算|模様|見込み|ため|こと|もの)")
#: After a predicate, the adversative join to the clause that answers it: 「提案した|が、」「求めてきたが、」.
_BUT = re.compile(r"(し|して)?(た|ている|てきた|ていた)が、")

#: A meeting noun dated as an earlier one: 「先月30日の釜山での（首脳会談）」「前回の（会談）」.
_EARLIER_MEETING = re.compile(r"(^|、)[^、。]{0,4}([0-9０-９]+日|[0-9０-９]+月|先月|先週|昨年|前回)[^、。]{0,4}の"
                              r"[^、。をにがは]{0,10}$")


#: Titles whose holder's verbs take respect forms that look passive (「会見された」「述べられた」).
_HONORIFIC = ("陛下", "殿下", "さま", "様")

#: From a name to the agreeing it is what is agreed on, in one clause: 「…を結ぶ鉄道の延伸で（合意）」.
_AGREED_ON = re.compile(r"[^、。]*(で|を|について)")


def _both_sides(f: Frame) -> bool:
    """``f``'s source already holds actors of two states (「両首脳は」)."""
    return len({a.mention.country for a in f.source}) >= 2


#: From an object to the request whose よう-clause it is in (no clause boundary between): 「を…承認することがないよう」.
_OBJECT_ASKED = re.compile(r"を[^、。「」]*よう(に)?")
#: From a genitive to the predicate whose content it is in: 「両国の関係強化で（一致）」.
_IN_AGREED = re.compile(r"[」』]?の[^、。をにがは「」]{1,12}で$")

#: A speaker the sentence opens with: 「（X大臣）から、」「（X大統領）からは、」.
_SPEAKER = re.compile(r"(から|からは|からも)、")

#: The act just reported as what a judgment is of: 「これを（「…」と）非難」「これを歓迎」.
_THIS_JUDGED = re.compile(r"(これ|それ)(を|に|について|に対して|に対し)、?(「[^」]{1,40}」(だ)?と(して)?)?"
                          r"(強く|厳しく|改めて|激しく)?$")

#: From the owner of a vessel or unit to the passive verb it is the agent of: 「（北朝鮮）の警備艇に（拿捕され）」.
_OWNED_AGENT = re.compile(r"の[^、。「」をがはに]{1,8}(に|によって|により)")

#: From the owner of a statement to its topic particle: 「G7（外相会合の共同声明は）」「中国（外務省の談話では）」.
_STATEMENT_OWNED = re.compile(r"の?[^、。「」をにがは]{0,8}?の?(共同声明|声明|首脳宣言|共同宣言|宣言|談話|声明文|成果文書|コミュニケ)(は|では)、?")

#: A sentence about a vote: 「決議案に反対」「採決で反対」「拒否権を行使」.
_VOTED_ON = re.compile(r"決議|採決|票|拒否権")

#: A measure or threat in answer to another's act: 「報復関税で対抗」「対抗措置を取る」.
_RETALIATION = re.compile(r"報復|対抗|応酬")

#: The end of a reason given for an evaluation: 「…しているとして（中国を批判）」.
_REASON = re.compile(r"(として|とし)、?")

#: From a nominal act to the evaluation of it: 「（ワシントンの非難）を（否定）」「（ロシアの要求）は到底（受け入れられない）」.
_REFUSED_LINK = re.compile(r"(を|は|も)、?「?(到底|決して|断じて|絶対に|とても)?")

def _is_private(a: Arg) -> bool:
    """A private person or group: not a state or its organ, nor anyone holding office."""
    m = a.mention
    if m.id is not None and m.id == m.country or m.kind in ("state", "capital"):
        return False
    return m.sector not in _OFFICIAL_SECTORS

