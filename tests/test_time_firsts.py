"""gaiko.time.firsts: a pattern guarded by its first characters finds what it finds unguarded."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gaiko.time import patterns
from gaiko.time.firsts import guarded

TEXTS = ["北朝鮮は２０２４年１月１４日、弾道ミサイルを発射した。", "令和6年度、R3.7.18、2021/7/18と7/18",
         "先月下旬、同日、この日、きょう、あす、一昨年、来年度", "21 Jan 2024 と January 21st, 2024",
         "３日前、2カ月後、第1四半期、Q3、今春、昨秋、2021春", "（金曜日）、日曜、十二月三日、5、6両日、10〜13日",
         "会社の月曜会議は1.5日、123日、3日間", ""]
#: Characters the atoms begin with or look around, and some they do not.
ALPHABET = "0123456789０１２３年月日曜前後度春秋令和平成RHQＱ第一二三十/.-〜、からの同今昨来先週janJANuryFebst 会談し（）(）"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]


def _plain_core() -> re.Pattern[str]:
    guard = patterns.core()
    inner = guard.pattern[guard.pattern.index("(?:") + 3:-2]  # (the look-ahead, the group and its line break)
    return re.compile(inner, guard.flags)


def test_the_date_atoms_are_guarded_and_find_the_same():
    core = patterns.core()
    assert core.pattern.startswith("(?=[")
    plain = _plain_core()
    for text in TEXTS:
        assert _spans(core, text) == _spans(plain, text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_guarded_atoms_match_as_the_plain_pattern_on_any_text(text):
    assert _spans(patterns.core(), text) == _spans(_plain_core(), text)


def test_a_pattern_whose_first_character_cannot_be_read_is_left_as_it_is():
    for pattern in (r"a?b*", r"[^、。]+日", r".日", r"(?P<x>a)(?P=x)|b?"):
        assert guarded(pattern).pattern == pattern
    assert guarded(r"(?<!x)(?:ab|c+d|e?f)").pattern.startswith("(?=[")
    assert [m.span() for m in guarded(r"(?<!x)(?:ab|c+d|e?f)", re.I).finditer("xab AB ccd F eF")] == \
        [m.span() for m in re.finditer(r"(?<!x)(?:ab|c+d|e?f)", "xab AB ccd F eF", re.I)]
