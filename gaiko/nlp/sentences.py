"""Sentence splitting on characters, before any parse.

GiNZA's own splitter orphans leading date phrases (「4日(現地時間)」) and is only
available after the expensive parse; gaiko splits first so it can send only the
sentences that may hold an event to the parser. Offsets are into the text given.
"""

from __future__ import annotations

import re

_OPEN = "「『（(【〔［[“"
_CLOSE = "」』）)】〕］]”"
_FINAL = "。！？!?"
#: A sentence longer than this (in characters) is cut at a comma or hard.
MAX_SENTENCE_CHARS = 2000


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``.

    A sentence ends at 。！？ outside brackets, or at a line break. Closing brackets
    right after the final mark stay with the sentence. Leading whitespace is
    skipped; empty spans are dropped.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        end = None
        if ch == "\n":
            end = i
            depth = 0
        elif ch in _FINAL and depth == 0:
            j = i + 1
            while j < n and text[j] in _CLOSE:
                j += 1
            end = j
            i = j - 1
        elif i - start >= MAX_SENTENCE_CHARS and ch in "、，, ":
            end = i + 1
        elif i - start + 1 >= 2 * MAX_SENTENCE_CHARS:
            end = i + 1
        if end is not None:
            _add(text, start, end, spans)
            start = end if ch != "\n" else end + 1
            if ch != "\n":
                depth = 0
        i += 1
    _add(text, start, n, spans)
    return _with_fronted_quotes(text, spans)


#: A sentence that says what the quote before it was: 「…こう述べた」「…こう強調した」.
_SAID_SO = re.compile(r"こう(述べ|語|強調|批判|非難|訴え|話|主張|指摘|反論|警告|表明|明かし|記者団に)")


def _with_fronted_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote standing alone before the sentence that reports it (「「…許されない」。首相は…こう
    強調した」) is one sentence with it: what the speaker said is in the sentence that says who."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and text[out[-1][0]] == "「" and text[out[-1][0]:out[-1][1]].rstrip("。").endswith("」") \
                and _SAID_SO.search(text, start, end) and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
