"""JSON Lines read one line at a time, with errors naming the file and the line.

``META.jsonl`` side files (``documents.dates.MetaFile``) and ``gaiko timex -``
(``time.batch.timex_lines``) read their input through ``json_lines``: blank lines
are skipped, a line that is not JSON becomes an ``InputError`` naming
``SOURCE:LINE``, and the next line is read, so one bad line never stops the
others. Each caller then checks the objects' fields and reports its own errors
at the same ``SOURCE:LINE``. (The ``.jsonl`` document reader,
``documents.readers.read_jsonl``, decodes each line's bytes itself, so that a
line in a stray encoding is rejected alone, and says the column as well.)

It sits outside the stages so that any of them can use it without importing
another stage's package.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError


def json_lines(lines: Iterable[str], source: str) -> Iterator[tuple[str, Any] | InputError]:
    """``(where, value)`` for each non-blank line of ``lines``, or an ``InputError`` where it is not JSON.

    ``where`` is ``SOURCE:LINE`` (lines counted from 1, blank ones included).
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not JSON: {exc.msg}")
            continue
        yield where, value
