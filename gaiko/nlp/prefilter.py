"""``needs_parse``: a tighter pre-filter than the trigger stems, on SudachiPy alone.

``TriggerRuler.may_contain`` looks for a trigger *stem* on characters, so
「会」 of 会談 passes every sentence with 会社 in it. ``needs_parse`` tokenizes the
sentence with GiNZA's tokenizer only (SudachiPy, no neural network) and runs the
ruler's own ``match`` on it. The tokens and lemmas are those the full pipeline
gives; part-of-speech is not known yet, so every token is taken as a noun, which
can only add matches (``_inside_token`` accepts NOUN, PROPN and VERB). So a
sentence it rejects has no trigger match after parsing either, and the
extractor skips such a sentence exactly as the pipeline skips an unparsed one
(same topic carried, no frames): events are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..events.triggers import TriggerRuler


def needs_parse(text: str, ruler: "TriggerRuler") -> bool:
    """True if ``text`` may hold a trigger once parsed (cheap: tokenizer only)."""
    if not ruler.may_contain(text):
        return False
    from .loader import MAX_PARSE_BYTES, load_nlp

    if len(text.encode("utf-8")) > MAX_PARSE_BYTES:
        return True  # the parser will see only its head; let the caller decide as before
    doc = load_nlp().make_doc(text)
    for token in doc:
        token.pos_ = "NOUN"
    return bool(ruler.match(doc))
