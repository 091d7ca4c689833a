"""The records the extractor works on: a trigger's frame, and what a sentence inherits.

The sets of PLOVER types that rules treat alike are PLOVER facts: ``gaiko.plover``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import ActorMention
from .cues import AT_MEETING, JOINT_TEXT, NUMBERED_ITEM
from .roles import Arg
from .triggers import TriggerMatch

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


#: Meetings whose を names the one met: a visit (「ロシアを訪問」), a host's guest (「首相を迎えた」);
#: a letter's を is the letter. Any other meeting's を is what is talked over (「ウクライナ情勢を協議」).
MET_AS_OBJECT = {"visit", "host", "letter"}


def last_token(doc: "Doc", start: int, end: int) -> "Token | None":
    """The last token overlapping characters [start, end): the head of a Japanese
    phrase. Found by bisection on the token offsets, not a walk over the tokens."""
    from bisect import bisect_left

    starts = doc.to_array("IDX").tolist()
    i = bisect_left(starts, end) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if tok.idx + len(tok.text) > start else None


class NeedsParse(Exception):
    """A role can only be read from the dependency parse, and the sentence has
    only been tokenized. Raised where such a role is read (``attach``, ``subjects``)
    and caught in one place, ``extractor.read``, which returns ``NEEDS_PARSE``."""


@dataclass
class Frame:
    """A trigger and the roles, status and place read for it in one sentence."""

    match: TriggerMatch
    predicative: bool
    passive: bool
    source: list[Arg] = field(default_factory=list)
    target: list[Arg] = field(default_factory=list)
    gens: list[Arg] = field(default_factory=list)
    status: str = "occurred"
    location: ActorMention | None = None
    drop: bool = False
    mutual: bool = False  # 「互いに非難し合った」: each of the sources does it to the others
    #: the clauses that are this frame's content (「４月に北京を訪問することで合意」): their dates are
    #: the content's, not this frame's
    content: list[tuple[int, int]] = field(default_factory=list)
    #: a meeting or visit agreed on (「来月再び会談することで合意」): a planned event of its own,
    #: but no meeting for what follows to be said at
    agreed: bool = False
    #: one meeting of all its parties (「岩屋外相、趙外相、王毅外相は…会談した」), not one with each
    joint: bool = False

    @property
    def type(self) -> str:
        return self.match.label


@dataclass
class Context:
    """What a sentence inherits from the ones before it in its paragraph.

    ``topic``: the last subject, for a sentence with none. ``meeting``: the sides of
    the last meeting, so that what one side says there (「首相は…即時撤廃を求めた」
    after 「習主席と会談した」) is addressed to the other. ``actors``: who acted in the
    last sentence that reported an act, so that an answer to it (「これに対し、…は反論した」)
    is aimed at them; unlike the others it outlives the paragraph, as answers open one.
    """

    topic: list[Arg] | None = None
    meeting: tuple[list[Arg], list[Arg]] | None = None
    actors: list[Arg] | None = None
    #: who did the last act of each type reported (「…が襲撃した。…襲撃を非難」: the doer of the act judged)
    acts: dict[str, list[Arg]] = field(default_factory=dict)
    #: whom the last act of each type was aimed at (「…を非難した。…も「…」と批判した」: the same one)
    aimed: dict[str, list[Arg]] = field(default_factory=dict)
    #: the sides of the last meeting reported, whatever paragraph it was in (「会談終了後、…」 names it)
    met: tuple[list[Arg], list[Arg]] | None = None
    #: the doer and the one done to of the last hostile act reported (「インド軍が…攻撃した。パキスタン
    #: の首相は「…」と非難した」: the one struck answers the one who struck)
    struck: tuple[list[Arg], list[Arg]] | None = None

    def next_paragraph(self, first: str) -> "Context":
        """What a paragraph opening on the sentence ``first`` inherits: who acted last, and
        the meeting just reported if it opens on that meeting (「会談では…」), its joint text (「共同声明は…」)
        or a readout's next numbered item (「２　また，…」)."""
        return Context(actors=self.actors, acts=self.acts, aimed=self.aimed, met=self.met, struck=self.struck,
                       meeting=self.meeting if AT_MEETING.match(first) or JOINT_TEXT.match(first)
                       or NUMBERED_ITEM.match(first) else None)


#: Particles that join coordinated names (「米国、韓国、日本は」「AとBが」).
COORDINATORS = ("と", "、", "や", "・", "，")


def after_suru(text: str, pos: int) -> str:
    """The text after a サ変 trigger's する stem (訪問さ|れた → れた)."""
    rest = text[pos:]
    return rest[1:] if rest.startswith(("さ",)) and rest[1:2] in ("れ",) else rest


def next_frame(frames: list[Frame], pos: int) -> int | None:
    """The first frame whose trigger starts at or after ``pos``."""
    for k, f in enumerate(frames):
        if f.match.char_start >= pos:
            return k
    return None


def unparsed_sole_trigger(doc: "Doc", a: Arg, frames: list[Frame], nearest: int) -> bool:
    """On a sentence only tokenized, whether ``frames[nearest]`` (the first trigger after ``a``)
    takes ``a`` whatever the parse would say: it is the last trigger, and no token between the
    two may be a verb once parsed (a verb or a サ変 noun to SudachiPy, which GiNZA's tagger may
    make a VERB, or a VERB already).

    ``attach`` gives a dependent to the trigger its dependency path reaches first, else to the
    first trigger after it unless a verb stands between (a blocker); with one trigger after it
    and no verb between, both ways end there, so the sentence need not be parsed for it.
    """
    if doc.has_annotation("DEP") or nearest != len(frames) - 1:
        return False
    start, end = a.end + len(a.particle), frames[nearest].match.char_start
    return not any(t.idx + len(t.text) > start and t.idx < end
                   and (t.tag_.startswith("動詞") or "サ変" in t.tag_ or t.pos_ == "VERB") for t in doc)


def verb_offsets(doc: "Doc", held: dict[int, int], transparent: set[str]) -> list[int]:
    """Where the verbs of ``doc`` stand that no trigger holds (``held``: token to frame) and that keep
    their dependents (not ``transparent``): what may stand between a dependent and the first trigger
    after it (``attach``: a blocker). Read only when a dependent falls back to that trigger: most
    readings never do, and a walk over the tokens builds an object for each."""
    return [t.idx for t in doc if t.pos_ == "VERB" and t.i not in held and t.lemma_ not in transparent]


def is_actor(a: Arg) -> bool:
    return a.mention.kind != "place"
