"""gaiko's spaCy components, registered once and explicitly.

``gaiko_dep_labels_v1`` (spaCy allows no dots in factory names) does the one thing gaiko needs from GiNZA's
``bunsetu_recognizer``: GiNZA's parser marks each bunsetsu head with a
``_bunsetu`` label suffix (``nsubj_bunsetu``), which the recognizer strips
(``remain_bunsetu_suffix = false``). The recognizer also computes bunsetsu and
clause spans, which the extractor never reads; this component only strips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

BUNSETU_SUFFIX = "_bunsetu"
FACTORIES_REGISTERED = False


def strip_bunsetu_labels(doc: "Doc") -> "Doc":
    """``nsubj_bunsetu`` → ``nsubj``, as GiNZA's bunsetu_recognizer does."""
    n = len(BUNSETU_SUFFIX)
    for token in doc:
        dep = token.dep_
        if dep.endswith(BUNSETU_SUFFIX):
            token.dep_ = dep[:-n]
    return doc


def _make_dep_labels(nlp: Any, name: str) -> Any:
    return strip_bunsetu_labels


def register_factories() -> None:
    """Register gaiko's components with spaCy; calling it again does nothing."""
    global FACTORIES_REGISTERED
    if FACTORIES_REGISTERED:
        return
    from spacy.language import Language

    Language.factory("gaiko_dep_labels_v1", assigns=["token.dep"], default_config={})(_make_dep_labels)
    FACTORIES_REGISTERED = True
