"""JSON Lines as META.jsonl and ``gaiko timex -`` read them: a bad line is named and skipped."""

from __future__ import annotations

from gaiko.errors import InputError
from gaiko.jsonl import json_lines


def test_bad_line_is_named_by_source_and_line_and_the_next_is_read():
    lines = ['{"a": 1}', "", "   ", "{broken", "[2]"]
    out = list(json_lines(lines, "META.jsonl"))
    assert out[0] == ("META.jsonl:1", {"a": 1})
    assert isinstance(out[1], InputError) and str(out[1]).startswith("META.jsonl:4: not JSON")
    assert out[2] == ("META.jsonl:5", [2])   # blank lines are skipped but still counted
    assert len(out) == 3
