"""Split long texts for tokenizers with an input limit (SudachiPy: 49,149 bytes)."""

from __future__ import annotations

MAX_BYTES = 40000


def _fits(text: str, start: int, max_bytes: int) -> int:
    """The largest end such that ``text[start:end]`` is at most ``max_bytes`` in UTF-8."""
    window = text[start:start + max_bytes]  # a character is at least one byte
    encoded = window.encode("utf-8")
    if len(encoded) <= max_bytes:
        return start + len(window)
    return start + len(encoded[:max_bytes].decode("utf-8", "ignore"))


def split_text(text: str, max_bytes: int = MAX_BYTES) -> list[tuple[int, str]]:
    """Chunks of ``text`` of at most ``max_bytes`` UTF-8 bytes, as (offset, chunk).

    Cuts fall after a paragraph break ("\\n\\n"), else after a line break, else
    after 。, else wherever the limit falls. The chunks concatenate back to
    ``text`` and ``text[offset:offset + len(chunk)] == chunk`` for each.
    """
    if max_bytes < 4:
        raise ValueError("max_bytes must be at least 4 (one UTF-8 character)")
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        limit = _fits(text, start, max_bytes)
        if limit >= len(text):
            end = len(text)
        else:
            end = limit
            for mark in ("\n\n", "\n", "。"):
                cut = text.rfind(mark, start, limit)
                if cut > start:
                    end = cut + len(mark)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks
