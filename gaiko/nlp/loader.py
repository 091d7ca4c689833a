"""The one place that loads spaCy + GiNZA and parses text.

The model is loaded once per process (``load_nlp`` is cached) without GiNZA's
NER: gaiko's actor dictionary finds names on characters, and NER is about half of
the parse time. Texts are parsed in batches with ``nlp.pipe``; every text handed
to the parser must be under SudachiPy's input limit (see ``MAX_PARSE_BYTES``).
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


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    """Load ``ja_ginza`` once, without NER."""
    import spacy

    from ..errors import GaikoError

    try:
        return spacy.load(MODEL, exclude=["ner"])
    except OSError as exc:  # the model package is missing
        raise GaikoError(f"{MODEL}: cannot load the GiNZA model ({exc}); run `make install`") from None


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator["Doc"]:
    """Parse short texts (sentences) in batches; yields one Doc per text, in order."""
    nlp = load_nlp()
    yield from nlp.pipe(_guard(texts), batch_size=batch_size)


def _guard(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        if len(text.encode("utf-8")) > MAX_PARSE_BYTES:
            # A single "sentence" this long has no punctuation to split on; parse its head.
            # Callers split long texts first, so this only protects the parser.
            text = text.encode("utf-8")[:MAX_PARSE_BYTES].decode("utf-8", "ignore")
        yield text
