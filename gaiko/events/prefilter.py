"""``parse_candidate``: a tighter pre-filter than the trigger stems, on SudachiPy alone.

``TriggerRuler.may_contain`` looks for a trigger *stem* on characters, so
「会」 of 会談 passes every sentence with 会社 in it. ``parse_candidate``
tokenizes the sentence as GiNZA's tokenizer does (SudachiPy, no neural
network; ``nlp.tokens.make_doc``) and runs the ruler's own ``match`` on it. The tokens and lemmas are
those the full pipeline gives; part-of-speech is not known yet, so the ruler
looks inside every token whatever its tag (``any_pos``), which can only add
matches. So a sentence it rejects has no trigger match after parsing either, and
the extractor skips such a sentence exactly as the pipeline skips an unparsed one
(same topic carried, no frames): events are unchanged.

A sentence it accepts is returned tokenized, and the parser takes that ``Doc``
as it is: each sentence is tokenized once.

It lives with the extractor because it runs the extractor's trigger ruler: the
arrow points from ``events`` to ``nlp`` (tokenizer and size limit), never back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from .cues import AT_MEETING, BOTH_SIDES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .triggers import TriggerRuler


def may_hold_event(text: str, has_actor: bool) -> bool:
    """Worth the trigger test: a sentence naming an actor (``has_actor``: the caller counts one
    going on from a sentence that names some), or the two sides of a meeting reported before
    it (「双方は…」「会談では…」)."""
    return has_actor or BOTH_SIDES.search(text) is not None or AT_MEETING.match(text) is not None


def parse_candidate(text: str, ruler: "TriggerRuler") -> Union["Doc", str, None]:
    """What to hand the parser for ``text``, or None if it holds no trigger.

    Cheap (tokenizer only). The tokenized ``Doc`` is returned for the parser to
    go on with; a text past the parser's size limit is returned as text (the
    parser reads its head, see ``loader.parse``).
    """
    if not ruler.may_contain(text):
        return None
    from ..nlp.loader import MAX_PARSE_BYTES
    from ..nlp.tokens import make_doc

    if len(text.encode("utf-8")) > MAX_PARSE_BYTES:
        return text
    doc = make_doc(text)
    return doc if ruler.match(doc, any_pos=True, text=text) else None
