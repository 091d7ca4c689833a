"""From one parsed sentence to event frames, and from frames to Events.

The steps, per sentence (``frames_of``):
  1. triggers: ``TriggerRuler.match`` over the parsed tokens;
  2. args: the sentence's actor mentions with their case particles (``roles``);
  3. attachment: dependents (を/に/と) go to the trigger their dependency path
     reaches first, else to the nearest trigger after them; a genitive goes to a
     nominal trigger right after it; a subject (が/は) goes to every predicative
     trigger after it until another subject takes over (serial predicates share
     one subject), and a sentence with none borrows the previous sentence's;
  4. status from the clause after the trigger (``status``), passives swap roles;
  5. folds: a visit and the meeting with its host in one sentence are one CONSULT
     visit; a letter's noun and its handing-over verb are one letter.
Per document (``events_of``): dates are attached and repeated mentions of one
interaction are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import ActorMention, Event, Mention, SYMMETRIC_TYPES
from .roles import Arg, build_args
from .status import status_of
from .triggers import TriggerMatch, TriggerRuler

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Types that stand without a target (a test launch nobody is named as aimed at).
TARGETLESS = {"MOBILIZE"}
_LIGHT_VERBS = ("行う", "行わ", "行い", "行っ", "開く", "開か", "開い", "開き", "実施", "開催", "持つ", "持っ", "持ち")
_PREDICATIVE_NEXT = re.compile(r"^(し|す|さ|せ|を(行|開|実施|持)|が(行|開|実施)|は(行|開|実施)|に(応じ|臨)|、|。|へ|予定|方針|で合意|で一致)")
_PASSIVE = re.compile(r"^(さ|され|られ|れ)")
_CLAUSE_END = re.compile(r"(と(述べ|語|話|説明|強調|指摘|明らか|伝え|報じ|発表|主張)|という|としている|とした)")


@dataclass
class Frame:
    match: TriggerMatch
    predicative: bool
    passive: bool
    source: list[Arg] = field(default_factory=list)
    target: list[Arg] = field(default_factory=list)
    gens: list[Arg] = field(default_factory=list)
    has_subject: bool = False
    status: str = "occurred"
    location: ActorMention | None = None
    drop: bool = False

    @property
    def type(self) -> str:
        return self.match.label


@dataclass
class Candidate:
    """A frame turned into an event, still with sentence context for dating."""

    event: Event
    sentence_start: int
    trigger_start: int  # sentence-relative
    trigger_end: int


def _is_predicative(text: str, m: TriggerMatch, doc: "Doc") -> bool:
    last = doc[m.end - 1]
    if last.pos_ == "VERB" and not m.pattern.endswith(("会", "書")):
        return True
    return bool(_PREDICATIVE_NEXT.match(text[m.char_end:]))


def frames_of(text: str, doc: "Doc", mentions: list[tuple[int, int, ActorMention]],
              ruler: TriggerRuler, topic: list[Arg] | None) -> tuple[list[Frame], list[Arg] | None]:
    """Event frames of one sentence; returns them and the sentence's topic for the next."""
    matches = ruler.match(doc)
    args = build_args(text, mentions)
    new_topic = [a for a in args if a.case == "subj" and _is_actor(a)] or None
    if not matches:
        return [], new_topic
    frames = [Frame(m, _is_predicative(text, m, doc), bool(_PASSIVE.match(text[m.char_end:]))
                    and _is_predicative(text, m, doc)) for m in matches]
    tok_frame = {}
    for k, f in enumerate(frames):
        for t in range(f.match.start, f.match.end):
            tok_frame[t] = k
    # light verbs (会談を行った) carry the nominal trigger's dependents
    for k, f in enumerate(frames):
        for t in range(f.match.end, min(len(doc), f.match.end + 3)):
            if doc[t].lemma_ in _LIGHT_VERBS or doc[t].text in _LIGHT_VERBS:
                tok_frame.setdefault(t, k)

    # 3. attachment
    leaders: list[Arg] = []
    subject_for: dict[int, list[Arg]] = {}
    for a in args:
        if a.case in ("modifier", "skip", "about", "none", "coord") or a.mention.kind == "place" and a.case not in ("obj", "dat", "loc"):
            continue
        if a.case == "loc":
            k = _next_frame(frames, a.end)
            if k is not None and a.mention.kind in ("place", "capital") and frames[k].location is None:
                frames[k].location = a.mention
            continue
        if a.case == "gen":
            k = _next_frame(frames, a.end)
            if k is not None and frames[k].match.char_start - a.end <= 8 and "、" not in text[a.end:frames[k].match.char_start]:
                frames[k].gens.append(a)
                # coordinated nominal triggers share the genitive (「発射実験と威嚇」)
                j = k + 1
                while j < len(frames) and text[frames[j - 1].match.char_end:frames[j].match.char_start] in ("と", "や", "、"):
                    frames[j].gens.append(a)
                    j += 1
            continue
        if a.case == "subj":
            if a.leads:
                leaders.append(a)
                continue
            group = leaders + [a]
            leaders = []
            for k, f in enumerate(frames):
                if f.match.char_start >= a.end:
                    subject_for[k] = group
            continue
        k = _dep_frame(doc, a, tok_frame)
        if k is None or frames[k].match.char_start < a.end:
            k = _next_frame(frames, a.end)
        if k is None:
            continue
        f = frames[k]
        if a.case in ("dat", "agent") and f.passive or a.case == "from":
            f.source.append(a)
            f.has_subject = True
        else:
            f.target.append(a)
            if a.mention.kind in ("place", "capital") and f.location is None and f.match.mode == "visit":
                f.location = a.mention
    if leaders:  # 「Xが率いる」 with no later subject: X is the subject
        for k, f in enumerate(frames):
            if f.match.char_start >= leaders[-1].end:
                subject_for.setdefault(k, leaders)

    for k, f in enumerate(frames):
        subj = subject_for.get(k)
        if f.predicative:
            if f.passive:
                f.target = list(subj or []) + f.target
            elif subj:
                f.source = list(subj) + f.source
                f.has_subject = True
            if f.gens and not f.source:
                f.source = list(f.gens)
            elif f.gens:
                f.target.extend(g for g in f.gens if f.type != "CONSULT" or f.match.mode != "letter")
                if f.match.mode == "letter":
                    f.source = list(f.gens)  # the letter's author, not its carrier
        else:
            if len(f.gens) >= 2 and f.type in SYMMETRIC_TYPES:
                f.source, f.target = [f.gens[0]], f.gens[1:] + f.target
            elif f.gens:
                f.source = list(f.gens)
            elif subj:
                f.source = list(subj)
        if not f.source and topic and f.predicative and k == 0:
            f.source = list(topic)
        if f.match.target and not any(a.mention.country == f.match.target for a in f.target):
            f.target.append(Arg(ActorMention(f.match.char_start, f.match.char_end, text[f.match.char_start:f.match.char_end],
                                             f.match.target, f.match.target, "state", rule="trigger"),
                                f.match.char_start, f.match.char_end, "obj", ""))

    # 4. status, chained backwards: a clause that ends in a conjunctive form shares the next one's.
    following = "occurred"
    for k in range(len(frames) - 1, -1, -1):
        f = frames[k]
        nxt = frames[k + 1].match.char_start if k + 1 < len(frames) else len(text)
        window = text[f.match.char_end:nxt]
        cut = _CLAUSE_END.search(window)
        if cut:
            window = window[:cut.start() + 1]
        last = k + 1 == len(frames)
        st = status_of(window, sentence_end=last or bool(cut))
        if st == "occurred" and not last and _conjunctive(window) and k + 1 < len(frames):
            st = following
        f.status = st
        following = st

    # 5. folds
    _fold_letters(frames, text)
    _fold_visits(frames)
    return [f for f in frames if not f.drop], new_topic


def _is_actor(a: Arg) -> bool:
    return a.mention.kind != "place"


def _conjunctive(window: str) -> bool:
    w = window.strip()
    return w == "" or w.endswith(("、", "し", "して", "て")) or w in ("し、", "して、", "、")


def _next_frame(frames: list[Frame], pos: int) -> int | None:
    for k, f in enumerate(frames):
        if f.match.char_start >= pos:
            return k
    return None


def _dep_frame(doc: "Doc", a: Arg, tok_frame: dict[int, int]) -> int | None:
    """The frame whose token the arg's dependency path reaches first."""
    tok = None
    for t in doc:
        if t.idx < a.end and t.idx + len(t.text) > a.start:
            tok = t  # the last token of the mention: the head of its phrase
    if tok is None:
        return None
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        if tok.i in tok_frame:
            return tok_frame[tok.i]
    return None


def _fold_letters(frames: list[Frame], text: str) -> None:
    """「Xの親書を手渡した」: one letter event, author X; recipient from the meeting before."""
    last_consult: Frame | None = None
    prev_letter: Frame | None = None
    for f in frames:
        if f.type == "CONSULT" and f.match.mode == "letter":
            if prev_letter is not None and f.match.char_start - prev_letter.match.char_end <= 4:
                keep = prev_letter
                keep.target.extend(a for a in f.target if a not in keep.target)
                if not keep.source:
                    keep.source = f.source
                f.drop = True
                f = keep
            if not f.target and last_consult is not None:
                f.target = [a for a in last_consult.target]
            prev_letter = f
        elif f.type == "CONSULT":
            last_consult = f


def _fold_visits(frames: list[Frame]) -> None:
    """A visit and the meeting with its host, in one sentence, are one CONSULT visit."""
    visits = [f for f in frames if f.type == "CONSULT" and f.match.mode == "visit" and not f.drop]
    meets = [f for f in frames if f.type == "CONSULT" and f.match.mode in ("meet", None) and not f.drop]
    for v in visits:
        for m in meets:
            if m.drop:
                continue
            vs = {a.key for a in v.source}
            ms = {a.key for a in m.source}
            if not ms or vs & ms or not vs:
                v.source = v.source or m.source
                if m.target:
                    hosts = [a for a in m.target if a.key not in vs]
                    if hosts:
                        v.target = hosts
                if m.status == "occurred" or v.status != "occurred":
                    pass
                m.drop = True
                break


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


def actor_key(actor: dict[str, Any]) -> str:
    return actor["id"] if actor.get("id") is not None else f"null:{actor.get('country')}"


def frame_to_event(doc_id: str, f: Frame, text: str, sentence_start: int) -> Event | None:
    """An Event for a frame, or None when it lacks the actors an event needs."""
    source = actors_of(f.source, sentence_start)
    target = actors_of(f.target, sentence_start)
    skeys = {actor_key(a) for a in source}
    target = [a for a in target if actor_key(a) not in skeys]
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
