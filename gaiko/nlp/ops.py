"""``BlasOps``: thinc's CPU ops with matrix products on NumPy's BLAS.

GiNZA's cost is its tok2vec, and the tok2vec's cost is ``Ops.gemm``. thinc's
``NumpyOps`` multiplies with its bundled BLIS, which on this kind of machine
(AVX-512) runs about three times slower than the OpenBLAS that NumPy ships.
``BlasOps`` changes only ``gemm``; every other kernel is ``NumpyOps``'. Parses
are identical (checked by ``tests/test_nlp_loader.py``); the thread count is
OpenBLAS's (``OPENBLAS_NUM_THREADS``; gaiko's workers set it to 1).
"""

from __future__ import annotations

from typing import Any

from thinc.api import NumpyOps, Ops


class BlasOps(NumpyOps):
    """NumpyOps whose ``gemm`` is ``numpy.dot`` (OpenBLAS) instead of BLIS."""

    name = "gaiko_blas"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)
