"""The extractor's public API: from one sentence to event frames, and from frames to Events.

The pipeline calls, per sentence of a paragraph (``Context`` carries what a
sentence inherits from the ones before it):

  ``sentence_args(text, mentions)``
      the sentence's actor mentions with their case particles (``roles``);
  ``read(text, args, doc, ruler)``
      steps 1–3 (``attach``): triggers, and the roles the sentence's own words
      give them. ``doc`` may be only tokenized; where some role needs the
      dependency parse, ``read`` returns ``NEEDS_PARSE`` (a value, not an
      exception), and the caller parses the sentence and reads it again with the
      same ``args`` (``read`` never changes them);
  ``complete(reading, doc, ctx)``
      steps 3–5: subjects and what the context and the frames beside each other
      lend (``sides``, ``lending``), status (``status``), folds (``folds``: content
      triggers leave, a visit and the meeting with its host are one CONSULT visit,
      a letter's noun and its handing-over verb are one letter); moves ``ctx`` on;
  ``skim(text, args, ctx)``
      for a sentence with no trigger worth reading: only its subject moves on;
  ``frame_to_events(doc_id, frame, text, start, evidence)``
      the Events of a completed frame (``build``).

The pipeline then dates each event (``gaiko.time.events``) and merges repeated
mentions in a document (``merge``).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

from ..plover import QUAD_CLASS
from ..records import ActorMention
from .attach import Reading, read_frames
from .build import acts_alone, frame_to_events, split_like_meetings
from .folds import fold
from .frame import Context, Frame, NeedsParse
from .meetings import brokered_talks
from .parties import agreed_for, denials_answer, with_party
from .roles import Arg, build_args
from .sides import complete_sides
from .status import acts_done_to, chain_status
from .subjects import last_subject
from .triggers import TriggerRuler

#: The quad class of the acts a state answers when done to it (force, arrests, measures).
MATERIAL_CONFLICT: Final = 4

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["NEEDS_PARSE", "Context", "Frame", "Reading", "complete", "frame_to_events", "read", "sentence_args",
           "skim", "split_like_meetings"]


class _Need(enum.Enum):
    PARSE = "the dependency parse"


#: What ``read`` returns when a role can only be read from the dependency parse.
NEEDS_PARSE: Final = _Need.PARSE


def sentence_args(text: str, mentions: list[tuple[int, int, ActorMention]]) -> list[Arg]:
    """The actor mentions of a sentence (sentence-relative spans) with their case roles."""
    return build_args(text, mentions)


def read(text: str, args: list[Arg], doc: "Doc", ruler: TriggerRuler) -> Reading | _Need:
    """Steps 1–3 on one sentence (see the module docstring); ``NEEDS_PARSE`` when
    ``doc`` is only tokenized and some role needs its dependency parse."""
    try:
        return read_frames(text, doc, args, ruler)
    except NeedsParse:
        return NEEDS_PARSE


def complete(reading: Reading, doc: "Doc", ctx: Context) -> list[Frame]:
    """Steps 3–5 on a ``read`` reading: the frames that are events, with their roles
    and status. Records the sentence's last meeting, who acted last and its subject in
    ``ctx`` for the sentences after it."""
    frames, text = reading.frames, reading.text
    kept: list[Frame] = []
    if frames:
        complete_sides(frames, reading.subjects, text, reading.args, ctx)
        with_party(frames, text, ctx)
        agreed_for(frames, text, reading.args)
        denials_answer(frames, text, ctx)
        brokered_talks(frames, text)
        chain_status(frames, text, doc, reading.args)  # 4. status
        acts_done_to(frames, text, reading.args)
        fold(text, frames)  # 5. hypotheses, content and folds
        kept = [f for f in frames if not f.drop]
        for f in kept:
            if f.type == "CONSULT" and f.source and f.target and f.match.mode != "letter" and not f.agreed:
                ctx.meeting = ctx.met = (list(f.source), list(f.target))
        for f in kept:
            if f.source and f.predicative:
                ctx.acts[f.type] = list(f.source)
            if f.source and f.target:
                ctx.aimed[f.type] = list(f.target)
        hostile = [f for f in kept if f.source and f.target and QUAD_CLASS.get(f.type) == MATERIAL_CONFLICT]
        if hostile:
            ctx.struck = (list(hostile[-1].source), list(hostile[-1].target))
        acting = [f for f in kept if f.source and (f.target or acts_alone(f))]
        if acting:
            ctx.actors = list(acting[-1].source)
    topic = ctx.topic
    skim(text, reading.args, ctx)
    if topic and ctx.topic is not topic and _carried_on(kept, topic, ctx.topic):
        # 「（G7は…）米国が提案し、ウクライナが受け入れた停戦案を歓迎し、…求めた」: the sentence's acts are
        # still the topic's; a subject of a clause inside it does not take over
        ctx.topic = topic
    return kept


def _carried_on(kept: list[Frame], topic: list[Arg], own: list[Arg]) -> bool:
    """Whether the sentence's main acts are done by the topic carried into it, none by its own subject."""
    keys, own_keys = {a.key for a in topic}, {a.key for a in own}
    main = [f for f in kept if f.predicative and f.source]
    return any({a.key for a in f.source} == keys for f in main) and not any(own_keys & {a.key for a in f.source}
                                                                             for f in main)


def skim(text: str, args: list[Arg], ctx: Context) -> None:
    """A sentence read for no event: its subject is still the topic of the sentences after it."""
    ctx.topic = last_subject(args, text) or ctx.topic
