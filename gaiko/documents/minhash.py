"""MinHash signatures and their banded LSH index, computed as datasketch computes them, without it.

datasketch's package imports SciPy (``scipy.integrate``, for the one thing its LSH
index integrates: the best number of bands and rows for a threshold), about
0.3 CPU seconds paid by every run of more than one document — a tenth of the
extraction of a 200-document run. gaiko uses one threshold and one permutation
count, so the bands and rows are a constant (``BANDS``, ``ROWS``), and the rest is a
few NumPy lines:

- a signature is datasketch's ``MinHash(num_perm=NUM_PERM, seed=SEED)`` (its default
  "affine32" scheme) updated with the shingles' UTF-8 bytes: SHA-1's first four
  bytes as a little-endian 32-bit integer, mixed by the MurmurHash3 finalizer,
  then ``a * h + b`` (mod 2**32) for each permutation, the minimum over shingles;
- the index puts a key in ``BANDS`` tables, one per band of ``ROWS`` values; a query's
  candidates are the keys sharing at least one band with it (``MinHashLSH.query``).

Values, candidates and estimates equal datasketch's (``tests/test_documents_dedupe_split.py``
compares them when datasketch is installed), so signatures the store kept stay comparable.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Hashable, Iterable

import numpy as np

NUM_PERM = 128
SEED = 1
#: datasketch's ``_optimal_param(0.8, 128, 0.5, 0.5)`` (false positives and negatives weighed
#: alike) for ``dedupe.THRESHOLD``; a test recomputes it.
BANDS, ROWS = 9, 13
_EMPTY = np.uint32(0xFFFFFFFF)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=None)
def _permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """``(a, b)`` of the affine permutations, drawn as datasketch draws them (``a`` odd)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def signature(items: Iterable[bytes]) -> np.ndarray:
    """The MinHash of a set of byte strings: ``NUM_PERM`` unsigned 32-bit values."""
    hashes = [int.from_bytes(hashlib.sha1(x).digest()[:4], "little") for x in items]
    if not hashes:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX
    hv = np.array(hashes, dtype=np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return np.minimum(np.full(NUM_PERM, _EMPTY, dtype=np.uint32), (hv * a + b).min(axis=0))


def jaccard(x: np.ndarray, y: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal values)."""
    return float(np.count_nonzero(x == y)) / float(len(x))


class BandIndex:
    """Keys by their signatures' bands: ``query`` gives those sharing a band (datasketch's MinHashLSH)."""

    def __init__(self) -> None:
        self._tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(BANDS)]

    def insert(self, key: Hashable, sig: np.ndarray) -> None:
        for i, table in enumerate(self._tables):
            table.setdefault(sig[i * ROWS:(i + 1) * ROWS].tobytes(), []).append(key)

    def query(self, sig: np.ndarray) -> set[Hashable]:
        found: set[Hashable] = set()
        for i, table in enumerate(self._tables):
            found.update(table.get(sig[i * ROWS:(i + 1) * ROWS].tobytes(), ()))
        return found
