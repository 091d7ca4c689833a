"""From paths to clean ``Document``s.

- ``read_documents(paths, options)``: raw text, ids, metadata and publication date
  of every document (.txt, .html/.htm, .jsonl, .warc/.warc.gz, RSS/Atom feeds,
  http(s) URLs, "-" for standard input);
- ``clean(doc)``: boilerplate removed, repeated paragraphs kept once;
- ``load_documents(paths, options)``: read + clean + near-duplicate marking;
- ``minhash_signature(text)`` / ``similarity(a, b)``: the signatures used for it;
- ``split_text(text, max_bytes)``: chunks small enough for SudachiPy, with offsets.

``raw.py`` reads one page (``read_page``, ``read_text``) for every reader and the
web paste; ``dateline.py`` finds a wire dateline (【モスクワ共同】) in a text.
"""

from .clean import clean, clean_text, explain
from .dedupe import Deduplicator, minhash_signature, similarity
from .load import load_documents
from .readers import read_documents
from .split import split_text

__all__ = [
    "read_documents",
    "clean",
    "clean_text",
    "explain",
    "load_documents",
    "minhash_signature",
    "similarity",
    "Deduplicator",
    "split_text",
]
