"""``--workers N`` on one machine: worker processes, each with its model loaded once.

:func:`gaiko.ingest.ingest_documents` reads and cleans documents lazily
(``load_documents``), skips those whose content hash is stored, and
:func:`extract_parallel` hands chunks of ``CHUNK_DOCS`` documents to a
``ProcessPoolExecutor``. At most ``WINDOW`` chunks per worker are in flight, so
memory stays flat however large the corpus; results are written by the parent
only, in input order (the store merges events across documents, so order is
part of the result: ``--workers 2`` stores what ``--workers 1`` stores).

Workers use one BLAS thread each (``OPENBLAS_NUM_THREADS=1``), so N workers use
N cores without oversubscribing them.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..options import Options
from ..records import Document, Event

#: Documents per task: the pipeline's own batch (``gaiko.pipeline.DOCS_PER_BATCH``).
CHUNK_DOCS = 16
#: Chunks in flight per worker.
WINDOW = 2
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

_options: Options | None = None


def extract_parallel(docs: Iterable[Document], options: Options, workers: int,
                     on_chars: Callable[[int], None] | None = None) -> Iterator[tuple[Document, list[Event]]]:
    """(document, events) for each of ``docs``, in input order, on ``workers`` processes
    (this one when ``workers`` is 1); ``on_chars(n)`` is told of the characters done."""
    if workers == 1:
        from ..pipeline import extract_documents

        for x in extract_documents(docs, options, on_chars=on_chars):
            yield x.document, x.events
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no copy of the parent's model or store
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(options,)) as pool:
        pending: deque[tuple[list[Document], Future[list[list[Event]]]]] = deque()
        for chunk in _chunks(docs, CHUNK_DOCS):
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
            while len(pending) >= workers * WINDOW:
                yield from _settle(*pending.popleft(), on_chars)
        while pending:
            yield from _settle(*pending.popleft(), on_chars)


def _settle(chunk: list[Document], future: "Future[list[list[Event]]]",
            on_chars: Callable[[int], None] | None) -> Iterator[tuple[Document, list[Event]]]:
    for doc, events in zip(chunk, future.result()):
        if on_chars is not None:
            on_chars(len(doc.text))
        yield doc, events


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def _init_worker(options: Options) -> None:
    """Runs once in each worker: one BLAS thread, then the model and dictionaries."""
    global _options
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    _options = options
    from ..nlp.loader import load_nlp

    load_nlp()


def _extract_chunk(docs: list[Document]) -> list[list[Event]]:
    from ..pipeline import extract_documents

    assert _options is not None, "worker not initialised"
    return [x.events for x in extract_documents(docs, _options)]
