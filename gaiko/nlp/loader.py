"""The one place that loads spaCy + GiNZA and parses text.

The model is loaded once per process (``load_nlp`` is cached) with only what the
extractor reads (token ``lemma_``, ``pos_``, ``dep_``, ``head``, ``idx``,
``text``): the tokenizer (lemma), ``tok2vec``, ``parser`` (dep, head) and
``morphologizer`` (pos). Left out, each measured in ``benchmarks/README.md``:

- ``ner``: gaiko's actor dictionary finds names on characters; NER was about
  half of the parse time;
- ``compound_splitter``: a no-op in ``ja_ginza`` (``split_mode = null``), and
  with it the sub-tokens the tokenizer computes only for it;
- ``bunsetu_recognizer``: replaced by ``gaiko_dep_labels_v1``, which only strips
  the ``_bunsetu`` label suffix (the spans it computes are never read).

The model's layers are built on :class:`~gaiko.nlp.ops.BlasOps` (matrix products
on NumPy's OpenBLAS instead of thinc's BLIS), which parses identically and about
2.5 times faster here. Texts are parsed in batches with ``nlp.pipe``; every text
handed to the parser must be under SudachiPy's input limit (``MAX_PARSE_BYTES``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "ja_ginza"
#: SudachiPy refuses inputs over 49,149 bytes; stay well below.
MAX_PARSE_BYTES = 40_000
#: GiNZA components the extractor does not read (see the module docstring).
EXCLUDED = ("ner", "compound_splitter", "bunsetu_recognizer")


def build_nlp(exclude: Iterable[str] = EXCLUDED, blas: bool = True) -> "Language":
    """Load ``ja_ginza`` without ``exclude``; on :class:`BlasOps` if ``blas``.

    ``load_nlp()`` is this with the defaults, once per process; the benchmark
    calls it with other arguments to measure each lever.
    """
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    from ..errors import GaikoError
    from .factories import register_factories
    from .ops import BlasOps

    register_factories()
    exclude = list(exclude)
    previous = get_current_ops()
    if blas:
        set_current_ops(BlasOps())  # layers take the current ops when they are built
    try:
        nlp = spacy.load(MODEL, exclude=exclude)
    except OSError as exc:  # the model package is missing
        raise GaikoError(f"{MODEL}: cannot load the GiNZA model ({exc}); run `make install`") from None
    finally:
        set_current_ops(previous)
    if "bunsetu_recognizer" in exclude:
        nlp.add_pipe("gaiko_dep_labels_v1", last=True)
    if "compound_splitter" in exclude and hasattr(nlp.tokenizer, "need_subtokens"):
        # The tokenizer re-splits every token in SudachiPy's modes A and B for the
        # compound splitter alone (``doc.user_data["sub_tokens"]``); without it
        # they are never read, and tokenizing is about twice as fast.
        nlp.tokenizer.need_subtokens = False
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    """Load ``ja_ginza`` once, with only the components the extractor reads."""
    return build_nlp()


def parse(texts: Iterable["str | Doc"], batch_size: int = 64) -> Iterator["Doc"]:
    """Parse short texts (sentences) in batches; yields one Doc per text, in order.

    A text may come already tokenized (a ``Doc`` from ``nlp.make_doc``, as the
    pre-filter leaves it): the pipeline goes on from its tokens.
    """
    nlp = load_nlp()
    yield from nlp.pipe(_guard(texts), batch_size=batch_size)


def _guard(texts: Iterable["str | Doc"]) -> Iterator["str | Doc"]:
    for text in texts:
        if isinstance(text, str) and len(text.encode("utf-8")) > MAX_PARSE_BYTES:
            # A single "sentence" this long has no punctuation to split on; parse its head.
            # Callers split long texts first, so this only protects the parser.
            text = text.encode("utf-8")[:MAX_PARSE_BYTES].decode("utf-8", "ignore")
        yield text
