"""``make_doc``: a sentence tokenized as GiNZA's tokenizer does, for less.

Every candidate sentence is tokenized before the trigger pre-filter
(``events.prefilter``), and most are then handed to the parser as they are, so
tokenizing is paid on nearly all of a document. spaCy's ``JapaneseTokenizer``
sets each token's attributes one by one, and builds a morphological analysis
(SudachiPy's inflection and reading) that neither GiNZA's layers nor gaiko read:
the tok2vec embeds ``ORTH`` and ``SHAPE`` and its static vectors are keyed by
``ORTH``, and the morphologizer and parser listen to it. Here the same SudachiPy
tokenizer, the same tokens, spaces, tags, part-of-speech rules and lemmas are
given to ``Doc`` at once, and the rest is left unset. ``tests/test_nlp_loader.py``
checks that tokens and parses equal the stock tokenizer's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def make_doc(text: str) -> "Doc":
    """``text`` tokenized (words, spaces, ``tag_``, ``pos_``, ``lemma_``) as ``nlp.make_doc`` does."""
    from spacy.lang.ja import get_dtokens_and_spaces, resolve_pos
    from spacy.parts_of_speech import NAMES
    from spacy.tokens import Doc

    from .loader import load_nlp

    tokenizer = load_nlp().tokenizer
    if getattr(tokenizer, "need_subtokens", True) or not hasattr(tokenizer, "_get_dtokens"):
        return tokenizer(text)  # (a tokenizer that wants its sub-tokens, or another kind: its own way)
    dtokens, spaces = get_dtokens_and_spaces(
        tokenizer._get_dtokens(tokenizer.tokenizer.tokenize(text), need_sub_tokens=False), text)
    tags = [d.tag for d in dtokens]
    pos: list[str] = []
    following = None
    for i, d in enumerate(dtokens):  # spaCy's tag bi-gram rules, as its tokenizer applies them
        if following:
            pos.append(NAMES[following])
            following = None
        else:
            this, following = resolve_pos(d.surface, d.tag, tags[i + 1] if i + 1 < len(tags) else None)
            pos.append(NAMES[this])
    return Doc(tokenizer.vocab, words=[d.surface for d in dtokens], spaces=spaces, tags=tags, pos=pos,
               lemmas=[d.lemma or d.surface for d in dtokens])
