"""Near-duplicate documents: MinHash over character shingles.

``minhash_signature`` is deterministic across processes (datasketch's default
SHA-1 based hash and a fixed seed, computed in ``minhash`` as datasketch computes
it), so the store can keep signatures and compare them with ``similarity`` later.
``Deduplicator`` marks, within one run, a document that is an exact or near copy
of an earlier one.

A run's first document is not hashed until a second comes: nothing came before
it to be a copy of. (datasketch itself is no longer imported: its package imports
SciPy, most of a second of a one-article command's start-up and 0.3 CPU seconds
of any longer run; see ``minhash``.)
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import TYPE_CHECKING

from ..records import Document
from .minhash import NUM_PERM, SEED, BandIndex, jaccard, signature

if TYPE_CHECKING:
    import numpy as np

__all__ = ["NUM_PERM", "SEED", "SHINGLE", "THRESHOLD", "Deduplicator", "minhash_signature", "shingles",
           "similarity"]

SHINGLE = 5            # characters per shingle
#: Estimated Jaccard similarity above which a document is a near copy (``minhash.BANDS``/``ROWS``
#: are the index's bands for it).
THRESHOLD = 0.8

_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub("", text)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Overlapping character ``size``-grams of ``text`` without whitespace."""
    compact = _normal(text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i:i + size] for i in range(len(compact) - size + 1)}


def _minhash(text: str) -> "np.ndarray":
    return signature(gram.encode("utf-8") for gram in shingles(text))


def minhash_signature(text: str) -> list[int]:
    """The MinHash signature of ``text``: ``NUM_PERM`` unsigned 32-bit integers."""
    return [int(v) for v in _minhash(text)]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures from ``minhash_signature``."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different lengths")
    return sum(x == y for x, y in zip(a, b)) / len(a)


class Deduplicator:
    """Remembers the originals of one run; ``mark`` sets ``duplicate_of`` on copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh: BandIndex | None = None  # built when the second document comes
        self._first: tuple[str, str] | None = None  # (id, text) of the first, not hashed yet
        self._exact: dict[str, str] = {}
        self._hashes: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._ids: dict[str, str] = {}

    def mark(self, doc: Document) -> Document:
        compact = _normal(doc.text)
        if not compact:
            return doc
        digest = hashlib.sha1(compact.encode("utf-8")).hexdigest()
        if digest in self._exact:
            return dataclasses.replace(doc, duplicate_of=self._exact[digest])
        if not self._exact:  # the first document: an original, hashed only if a second comes
            self._exact[digest] = doc.id
            self._first = (doc.id, doc.text)
            return doc
        if self._lsh is None:
            self._lsh = BandIndex()
            first_id, first_text = self._first  # type: ignore[misc]
            self._index(first_id, first_id, _minhash(first_text))
        mh = _minhash(doc.text)
        candidates = [key for key in self._lsh.query(mh)
                      if jaccard(self._hashes[key], mh) >= self.threshold]
        if candidates:
            first = min(candidates, key=self._order.__getitem__)
            return dataclasses.replace(doc, duplicate_of=self._ids[first])
        key = doc.id
        if key in self._hashes:  # the same id twice with different texts
            key = f"{doc.id}\x00{len(self._order)}"
        self._exact[digest] = doc.id
        self._index(key, doc.id, mh)
        return doc

    def _index(self, key: str, doc_id: str, mh: "np.ndarray") -> None:
        self._hashes[key] = mh
        self._order[key] = len(self._order)
        self._ids[key] = doc_id
        self._lsh.insert(key, mh)  # type: ignore[union-attr]
