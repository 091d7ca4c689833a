"""Character normalisation for matching, with an offset map back to the original.

NFKC folds full-width Latin and digits and half-width katakana; 「・」「=」 and
spaces between two katakana are dropped, so キム・ジョンウン, キム ジョンウン and
キムジョンウン all match one key. Inside katakana the long-vowel mark and the small
ッ are dropped, ドゥ/トゥ read as ド/ト and ヴ as ブ, because the press transcribes
one foreign name several ways (シーシ/シシ, アブドゥルアーティー/アブドルアティ).
"""

from __future__ import annotations

import unicodedata

_SEPARATORS = frozenset("・･=＝゠ 　‐")
#: Inside a katakana word, marks that transcriptions of one foreign name use or omit freely.
_DROPPED_IN_KATAKANA = frozenset("ーッ")
#: Katakana that transcriptions use interchangeably (ヴ for ブ).
_KANA_VARIANTS = {"ヴ": "ブ"}
_VU_SYLLABLES = {"ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ"}


def is_katakana(ch: str) -> bool:
    return len(ch) == 1 and ("\u30a1" <= ch <= "\u30fa" or ch in "ーヽヾ")


def is_kanji(ch: str) -> bool:
    return len(ch) == 1 and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆")


def is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def is_alnum_ascii(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, for each of its characters, the index in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        for c in folded:
            if c in "\u3099\u309a" and chars:   # half-width ﾞ/ﾟ: compose with the kana before
                chars[-1] = unicodedata.normalize("NFC", chars[-1] + c)
                continue
            chars.append(c)
            origin.append(i)
    out: list[str] = []
    omap: list[int] = []
    n = len(chars)
    skip = -1
    for j, c in enumerate(chars):
        if j == skip:
            continue
        if c == "ヴ" and j + 1 < n and chars[j + 1] in _VU_SYLLABLES:
            out.append(_VU_SYLLABLES[chars[j + 1]])  # ヴァンス = バンス
            omap.append(origin[j])
            skip = j + 1
            continue
        if c in _SEPARATORS and out and is_katakana(out[-1]) and j + 1 < n and is_katakana(chars[j + 1]):
            continue
        if out and is_katakana(out[-1]) and out[-1] not in "ー" and (c in _DROPPED_IN_KATAKANA
                                                                   or c == "ゥ" and out[-1] in "トド"):
            continue  # シーシ = シシ, ケニヤッタ = ケニヤタ, アブドゥル = アブドル: spellings of one name
        c = _KANA_VARIANTS.get(c, c)
        out.append(c)
        omap.append(origin[j])
    return "".join(out), omap


def normalise_key(alias: str) -> str:
    return normalise(alias.strip())[0]
