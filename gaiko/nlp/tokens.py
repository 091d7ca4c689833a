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

``_rows`` is the tokenizer's ``_get_dtokens`` less what nobody reads: the
inflection, normalised form and reading it asks SudachiPy for on every token (the
reading is computed on demand), and the tag joined again for each token of a
part of speech already seen: on the benchmark's 1,955 candidate sentences, 0.03
CPU seconds instead of 0.07 (of make_doc's 0.3). A sentence without spaces (most) has its
tokens' spaces without spaCy's alignment of words to text (``get_dtokens_and_spaces``: no gap
token to insert, every word where the one before ended): 0.02 CPU seconds less.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: SudachiPy's part of speech (a tuple of six) → spaCy's tag: its first four fields that are set, joined.
_TAGS: dict[tuple[str, ...], str] = {}


def make_doc(text: str) -> "Doc":
    """``text`` tokenized (words, spaces, ``tag_``, ``pos_``, ``lemma_``) as ``nlp.make_doc`` does."""
    from spacy.lang.ja import DetailedToken, get_dtokens_and_spaces, resolve_pos
    from spacy.parts_of_speech import NAMES
    from spacy.tokens import Doc

    from .loader import load_nlp

    tokenizer = load_nlp().tokenizer
    if getattr(tokenizer, "need_subtokens", True) or not hasattr(tokenizer, "_get_dtokens"):
        return tokenizer(text)  # (a tokenizer that wants its sub-tokens, or another kind: its own way)
    rows = _rows(tokenizer.tokenizer.tokenize(text))
    words = [r[0] for r in rows]
    if "".join(words) == text and not any(w.isspace() for w in words):
        spaces = [False] * len(words)  # (a sentence with no space: the alignment below, word after word)
    else:
        dtokens, spaces = get_dtokens_and_spaces(
            [DetailedToken(surface, tag, None, lemma, None, None, None) for surface, tag, lemma in rows], text)
        rows = [(d.surface, d.tag, d.lemma) for d in dtokens]
        words = [r[0] for r in rows]
    tags = [r[1] for r in rows]
    pos: list[str] = []
    following = None
    for i, (surface, tag, _) in enumerate(rows):  # spaCy's tag bi-gram rules, as its tokenizer applies them
        if following:
            pos.append(NAMES[following])
            following = None
        else:
            this, following = resolve_pos(surface, tag, tags[i + 1] if i + 1 < len(tags) else None)
            pos.append(NAMES[this])
    return Doc(tokenizer.vocab, words=words, spaces=spaces, tags=tags, pos=pos,
               lemmas=[lemma or surface for surface, _, lemma in rows])


def _rows(morphemes: Any) -> list[tuple[str, str, str]]:
    """``JapaneseTokenizer._get_dtokens(morphemes, need_sub_tokens=False)``'s surface, tag and lemma
    (as plain tuples, not ``DetailedToken``s), and no inflection, normalised form or reading: nothing
    here reads them."""
    tags = _TAGS
    rows = []
    for m in morphemes:
        surface = m.surface()
        if not surface:  # (SudachiPy's empty tokens, after characters like …)
            continue
        pos = m.part_of_speech()
        tag = tags.get(pos)
        if tag is None:
            tag = tags[pos] = "-".join([x for x in pos[:4] if x != "*"])
        rows.append((surface, tag, m.dictionary_form()))
    # a run of space tokens is one (spaCy's step before get_dtokens_and_spaces)
    return [r for i, r in enumerate(rows)
            if i == 0 or not r[0].isspace() or r[1] != "空白" or not rows[i - 1][0].isspace() or rows[i - 1][1] != "空白"]
