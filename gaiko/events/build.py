"""From frames to Events: the actors each side names, and the checks an event must pass.

A frame lacking the actors an event needs gives none (a news outlet reports, it
does not act; a private trip is no diplomatic visit); a meeting with several
named people gives one event per counterpart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..identity import document_key
from ..plover import EVALUATIVE_TYPES, TARGETLESS
from ..records import ActorMention, Event, Mention
from .frame import Frame
from .roles import Arg
from .sides import AT_PLACES


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
        out.append(actor_record(m))
    return out


def actor_record(m: ActorMention) -> dict[str, Any]:
    """The actor of an event side as the record holds it (EVENTS.md); a place stands for its state."""
    actor: dict[str, Any] = {"id": m.country if m.kind == "place" else m.id, "country": m.country, "text": m.text}
    if m.sector:
        actor["sector"] = m.sector
    return actor


def acts_alone(f: Frame) -> bool:
    """An act with no one it is aimed at is still an event: a launch or a drill (TARGETLESS), or an
    international body agreeing among its members (「G7首脳は首脳宣言を採択した」: gold/README.md
    codes TICAD's adopted declaration with no target)."""
    return f.type in TARGETLESS or f.type == "AGREE" and bool(f.source) and f.match.pattern not in _JOINT \
        and all(a.mention.sector == "IGO" for a in f.source)


def _named(actor: dict[str, Any]) -> bool:
    """Whether an event side's actor is one named body or person, not a state or an unnamed group."""
    return actor.get("id") not in (None, actor.get("country"))


#: An outlet's own opinion, not its report of others': 「…と非難する論評を配信した」「社説で…と批判」.
_OWN_VOICE = re.compile(r"論評|社説|論説")

#: A meeting named by the number of its states (「中国、日本、韓国の３カ国首脳会談」): one meeting of them all.
_COUNTED_STATES = re.compile(r"([2-9２-９二三四五六七八九]|[1-9１-９][0-9０-９])(カ|か|ヵ|ケ|箇)国(の|による|間の?)?(首脳|外相|外務|国防相|閣僚|高官|財務相)?$")
#: Meetings told as held one by one: 「相次いで会談」「それぞれ会談」「個別に会談」.
_ONE_BY_ONE = re.compile(r"相次いで|相次ぎ|それぞれ|個別に|個別の|ずつ|次々")

#: Agreed texts that speak for the parties they name, not for a body alone (「G7外相会合は…共同声明を発表し、…求めた」).
_JOINT = {"共同声明", "共同文書"}


def frame_to_events(doc_id: str, f: Frame, text: str, sentence_start: int, evidence: str | None = None) -> list[Event]:
    """The events of a frame: none when it lacks the actors an event needs, one per
    counterpart for a meeting with several named people (「崔外相とプーチン大統領、
    ラブロフ外相との会談」 is two meetings), else one. ``evidence`` is the sentence as
    the page writes it (``text`` may have its punctuation in the house style); by
    default ``text`` itself, stripped."""
    if f.mutual:  # each side to the others: 「AとBは互いに非難し合った」 is A → B and B → A
        return [ev for a in f.source
                for ev in frame_to_events(doc_id, replace(f, source=[a], target=[b for b in f.source if b is not a],
                                                          mutual=False), text, sentence_start, evidence)]
    ev = frame_to_event(doc_id, f, text, sentence_start, evidence)
    if ev is None:
        return []
    people = [a for a in ev.target if a.get("id") and a.get("id") != a.get("country")]
    # 「日中韓首脳会談」「岩屋外相、趙外相、王毅外相は…会談した」: one meeting of three; and so is a call
    # with people of two states named at once (「米国の…国務長官、韓国の…外相と電話で会談」: a three-way
    # call) unless told one by one (「…とそれぞれ電話で会談」); met in person, they are mostly met apart
    joint = f.joint or any(a.mention.rule == "compound" for a in f.target) \
        or ev.mode == "phone" and len(people) == len(ev.target) and len({p.get("country") for p in people}) >= 2 \
        and len(ev.source) == 1 and not _ONE_BY_ONE.search(text) \
        or _COUNTED_STATES.search(text, max(0, f.match.char_start - 12), f.match.char_start) is not None
    if ev.type == "CONSULT" and ev.mode in ("meet", "phone") and len(people) >= 2 \
            and len(ev.source) == 1 and not joint:
        return [replace(ev, target=[p], mentions=list(ev.mentions)) for p in people]
    toured = ev.mode == "visit" and all(a.mention.kind in ("capital", "place") for a in f.target)
    if ev.type == "CONSULT" and (ev.mode in ("meet", "phone") or toured) and len(ev.target) >= 2 and not joint \
            and (len(ev.source) == 1 or len({t.get("country") for t in ev.target}) == len(ev.target)):
        # 「ギニアやコートジボワールなどとの首脳会談」: one side meeting several named apart, one meeting each
        # (「アテネとアンカラを相次いで訪れ」: a visit to each capital toured; 「カタールとエジプトは…ハマスおよび
        # イスラエルと協議」: a side of two meeting two parties; not a 2+2, two ministers of one state met)
        return [replace(ev, target=[t], mentions=list(ev.mentions)) for t in ev.target]
    return [ev]



def frame_to_event(doc_id: str, f: Frame, text: str, sentence_start: int, evidence: str | None = None) -> Event | None:
    """An Event for a frame, or None when it lacks the actors an event needs."""
    source = actors_of(f.source, sentence_start)
    own_states = {a.mention.country for a in f.source}
    # (one's own envoy abroad, 「駐韓国次席公使」, is no counterpart of one's own state)
    targets = [a for a in f.target if not (a.mention.rule == "posted" and a.mention.country in own_states)]
    if f.type == "CONSULT" and f.match.mode == "visit" and any(a.mention.country not in own_states for a in targets):
        # 「ウィトコフ特使をモスクワに派遣」: the envoy sent is who visits, no one visited
        envoys = [a for a in targets if a.mention.country in own_states and a.case == "obj" and a.mention.kind == "person"]
        source = actors_of(envoys, sentence_start) or source
        targets = [a for a in targets if a.mention.country not in own_states]
    if f.type == "AID":  # (the people sent are no recipient: 「ロシアに兵士を派遣」, whatever state they took)
        targets = [a for a in targets if not (a.case == "obj" and a.mention.id is None and a.mention.kind == "group")]
    if f.type == "REQUEST":  # (nor are its own people: 「在留邦人に退避を呼び掛けた」 is no international act)
        targets = [a for a in targets if not (a.mention.sector == "CIV" and a.mention.country in own_states)]
    if f.type not in AT_PLACES and any(a.mention.kind not in ("capital", "place") for a in targets):
        # 「金総書記をモスクワに招待」: a city named beside a real addressee is where, not whom
        targets = [a for a in targets if a.mention.kind not in ("capital", "place")]
    target = actors_of(targets, sentence_start)
    # a news outlet reports; it is not an actor of what it reports, unless it judges in its own voice
    # (「朝鮮中央通信は…と非難する論評を配信した」, or its name the subject of the judging verb:
    # 「朝鮮中央通信は…演習を非難した」, not 「…は、金総書記が…非難したと報じた」). Nor is a group known by neither name nor country
    # (「ネットユーザーは…と批判」; but states as a whole act: 「西側諸国は…非難」)
    own_voice = f.type in EVALUATIVE_TYPES and bool(_OWN_VOICE.search(text))
    voiced = {document_key(actor_record(a.mention)) for a in f.source if a.case == "subj"} \
        if f.type in EVALUATIVE_TYPES and f.predicative else set()
    source = [a for a in source if (a.get("sector") != "MEDIA" or own_voice or document_key(a) in voiced)
              and not (a.get("id") is None and a.get("country") is None and a.get("sector") != "GOV")]
    if f.type == "CONSULT" and f.match.mode == "visit" and source and all(a["id"] is None for a in source) \
            and not any(a.mention.rule == "unknown-name" and not a.mention.text.endswith(("氏", "さん"))
                        for a in f.source):
        # a private person's trip is no diplomatic visit without a host meeting (an official the dictionary
        # lacks, 「ロシアのエフクロフ国防次官の訪問」, is no private person)
        return None
    skeys = {document_key(a) for a in source}
    target = [a for a in target if document_key(a) not in skeys]
    own = {a.get("country") for a in source}
    if f.type == "AID":  # 「豪州は警察官や兵士を派遣して…支援した」: one's own people sent are no recipient
        target = [a for a in target if not (a.get("id") is None and a.get("country") in own)]
    if f.type in ("SANCTION", "MOBILIZE") and None not in own:  # 「同国政府がテロ組織に指定した…」「…沿岸に兵士を
        # 増派」: a measure or a deployment at home on no one named is aimed at no one (a body named, 「国軍はＮＵＧを
        # 「テロ組織」に指定」, still is)
        target = [a for a in target if a.get("country") not in own or _named(a)]
    elif f.type in ("ASSAULT", "THREATEN") and not any(a.get("sector") == "REBEL" for a in source):
        # (nor is a state's force aimed at its own leaders: 「米軍による…攻撃」 is not the president's; nor, told by a
        # leader, at the leader's state: 「大統領は、米軍が…攻撃したと」; a civil war's is still coded, its villages
        # and rebels as targets)
        leaders = all(_named(a) for a in source)
        target = [a for a in target if a.get("country") not in own
                  or not (_named(a) and a.get("sector") in ("GOV", "MIL", "DIP") or leaders and a.get("id") == a.get("country"))]
    # (and the state a trigger names, 「同氏に訪中を招請」: where the invited goes)
    dative_states = {a.mention.country for a in targets
                     if (a.case == "dat" or a.mention.rule == "trigger" or text[a.start - 1:a.start] in ("訪", "来"))
                     and a.mention.id == a.mention.country}
    if f.type == "CONSULT":
        target = [a for a in target if not (a.get("id") == a.get("country") and a.get("country") in own)]
    elif f.type == "REQUEST":  # (「プーチン大統領は国防省に対し…よう命じた」: an official's order at home; a
        # citizen's 「外務省宛に…問い合わせ」 is still a request to a state)
        office = {a.get("country") for a in source if a.get("sector") in ("GOV", "MIL", "DIP")}
        target = [a for a in target if not (a.get("id") == a.get("country") and a.get("country") in office)]
    elif len(target) > 1:
        # 「習氏はプーチン氏を中国に招待した」: one's own state named with に is where, not whom
        target = [a for a in target if not (a.get("id") == a.get("country") in own & dative_states)]
    if not source or (not target and not acts_alone(f)):
        return None
    loc = None
    if f.location is not None:
        m = f.location
        loc = {"id": m.place or m.id, "country": m.country, "text": m.text}
    s = sentence_start
    return Event(doc=doc_id, type=f.type, mode=f.match.mode, status=f.status, source=source, target=target,
                 evidence=text.strip() if evidence is None else evidence, location=loc,
                 mentions=[Mention(doc_id, s, s + len(text))],
                 trigger=text[f.match.char_start:f.match.char_end], rule=f.match.id)



#: Words naming the two sides at once: what is said to them is one act.
_BOTH = {"両国", "双方", "両者", "両政府", "両首脳"}


def split_like_meetings(found: list[tuple[Frame, Event]]) -> list[tuple[Frame, Event]]:
    """What is said at meetings held one by one goes to each: 「ギニアやコートジボワールなどとの
    2国間の首脳会談を相次いで行い、…協力を確認した」 is a cooperation with each, as the meetings are
    one each (:func:`frame_to_events`). ``found`` are a sentence's (frame, event) pairs."""
    meetings: dict[int, list[Event]] = {}
    for f, ev in found:
        if f.type == "CONSULT":
            meetings.setdefault(id(f), []).append(ev)
    split = [frozenset(document_key(t) for ev in events for t in ev.target)
             for events in meetings.values() if len(events) >= 2]
    if not split:
        return found
    out: list[tuple[Frame, Event]] = []
    for f, ev in found:
        keys = frozenset(document_key(t) for t in ev.target)
        if f.type != "CONSULT" and len(ev.target) >= 2 and keys in split \
                and not any(a.mention.text in _BOTH for a in f.target):  # (「両国に対話を促した」: both at once)
            out.extend((f, replace(ev, target=[t], mentions=list(ev.mentions))) for t in ev.target)
        else:
            out.append((f, ev))
    return out
