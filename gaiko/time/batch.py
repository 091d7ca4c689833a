"""Many texts at once: JSON Lines ``{"id", "text", "published"}`` in, one record per expression out.

For users resolving thousands of phrases (a spreadsheet column, a gold file):
one process reads them all, with no model and no start-up per phrase. A bad
line is reported as an ``InputError`` naming ``SOURCE:LINE`` and the next line
is read, as the document readers do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from gaiko.errors import InputError
from gaiko.jsonl import json_lines

from .finder import find_timexes


def timex_lines(lines: Iterable[str], *, source: str = "-",
                published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Each expression of each line as ``{"id", "text", "start", "end", "value", "value_end"}``.

    ``published`` is the reference date of lines that give none (a line's own
    ``published``, even null, wins). Errors are yielded, not raised, so one bad
    line never stops the others.
    """
    for line in json_lines(lines, source):
        if isinstance(line, InputError):
            yield line
            continue
        where, item = line
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            yield InputError(where, 'expected an object with a "text" string')
            continue
        reference = item["published"] if "published" in item else published
        if reference is not None and not isinstance(reference, str):
            yield InputError(where, f"published: not a date string: {reference!r}")
            continue
        try:
            found = find_timexes(item["text"], reference)
        except InputError as exc:
            yield InputError(where, exc.reason if exc.source == "published" else str(exc))
            continue
        for t in found:
            yield {"id": item.get("id"), **t.to_dict()}
