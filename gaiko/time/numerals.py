"""Numbers as Japanese news writes them in dates: ASCII, full-width or kanji.

Kept apart from the patterns so that a matched number is turned into an int in
one place, whatever script it was written in (``１２``, ``十二``, ``二〇二四``).
"""

from __future__ import annotations

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                 "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}

#: Characters a number may be written with, for building character classes.
DIGITS = "0-9０-９"
KANJI = "〇零一二三四五六七八九十百千"


def to_int(text: str) -> int | None:
    """The value of ``text``, or None when it is not a number we can read.

    Kanji numbers come in two styles: positional with units (``二十三``,
    ``千九百九十二``) and digit by digit (``二〇二四``), the latter common for years.
    ``元`` is the first year of an era (``令和元年``).
    """
    if not text:
        return None
    if text == "元":
        return 1
    ascii_text = text.translate(_FULLWIDTH)
    if ascii_text.isascii() and ascii_text.isdigit():
        return int(ascii_text)
    if any(ch not in _KANJI_DIGITS and ch not in _KANJI_UNITS for ch in text):
        return None
    if not any(ch in _KANJI_UNITS for ch in text):
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch]
        else:
            total += (current or 1) * _KANJI_UNITS[ch]
            current = 0
    return total + current
