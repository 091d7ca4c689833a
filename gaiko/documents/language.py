"""Is a text Japanese? gaiko reads Japanese news only; other languages are skipped.

An English or Korean article run through a Japanese parser and dictionaries
yields nothing useful at best and garbage events at worst, so ``load_documents``
rejects a document whose cleaned text is not written mostly in Japanese script.
The test counts characters, no model: Japanese script (kana and CJK ideographs)
must make up a good share of the letters, and a long text must have kana
(Chinese has ideographs but no kana).
"""

from __future__ import annotations

import re

#: Japanese script (kana and ideographs) must be at least this share of the letters.
MIN_JAPANESE_SHARE = 0.3
#: Past this many ideographs, kana must be at least this share of the Japanese script.
KANA_CHECK_FROM = 40
MIN_KANA_SHARE = 0.05

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def not_japanese(text: str) -> str | None:
    """Why ``text`` is not Japanese ("mostly Latin script", …), or None if it is."""
    kana, ideographs = _count(_KANA, text), _count(_IDEOGRAPH, text)
    japanese = kana + ideographs
    letters = sum(1 for ch in text if ch.isalpha())
    if letters == 0:
        return "no letters"
    if japanese < MIN_JAPANESE_SHARE * letters:
        hangul, latin = _count(_HANGUL, text), _count(_LATIN, text)
        if hangul > latin:
            return "mostly Hangul (Korean?)"
        if latin >= hangul and latin > 0.5 * letters:
            return "mostly Latin script"
        return "little Japanese script"
    if japanese >= KANA_CHECK_FROM and kana < MIN_KANA_SHARE * japanese:
        return "ideographs without kana (Chinese?)"
    return None
