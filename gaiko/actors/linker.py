"""ActorLinker: dictionary-driven actor linking over characters (a spaCy-style rule component).

``linker(text, published)`` returns non-overlapping ``ActorMention``s sorted by start.
The text is normalised (``normalise.py``), every dictionary key is found in it at
once (an Aho-Corasick automaton), and it is then scanned left to right: at each
position every rule of ``rules.py`` proposes a reading and the longest wins
(ties go to the earlier rule). The rules, and what they link, are listed there;
this module holds the dictionary (``add``, ``from_disk``…) and the scan.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import DictionaryError
from ..records import ActorMention
from .dictionary import check_entry, dictionary_files, iter_file
from .index import Index, build_index, date_bounds
from .normalise import is_alnum_ascii, is_kanji, is_katakana, normalise
from .posts import posted, resident
from .rules import RULES, anaphora
from .scan import Scan, Spec
from .unknown_names import kanji_name, unknown

_SENTENCE_END = frozenset("。\n!?！？")
#: Keys this short must match the text as written, not only after katakana folding.
_SHORT_KEY = 2
#: The rules that can read a position where no dictionary key starts, in ``RULES``'s order: 在/駐 +
#: state, anaphora (彼, 双方, 同/両, a count 「３首脳」), a name the dictionary lacks (katakana or
#: kanji). The others read the keys at the position only and find nothing there; and where the
#: character is no kanji, katakana or digit, none of these starts either, so the scan steps over it
#: (most of a text: kana, punctuation). The readings are the same as trying every rule everywhere.
_UNKEYED = tuple(r for r in RULES if r in (resident, posted, anaphora, unknown, kanji_name))
#: Characters that open anaphora in kanji (彼, 先方, 双方, 両者, 同/両, a count 「三首脳」), or a post (在, 駐):
#: at these the five rules above are all tried.
_UNKEYED_ALL = frozenset("彼先双両同在駐三四五六七八九")
#: Of ``_UNKEYED``, the one rule that can read each other kind of position (in ``RULES``'s order): a name
#: the dictionary lacks opens a run of kanji or of katakana (``kanji_name``, ``unknown``: each looks
#: no further when the character before is of its kind), and a count opens with a digit (``anaphora``).
_FIRST_KANJI = tuple(r for r in _UNKEYED if r is kanji_name)
_FIRST_KATAKANA = tuple(r for r in _UNKEYED if r is unknown)
_DIGIT = tuple(r for r in _UNKEYED if r is anaphora)


def _unkeyed_rules(norm: str, p: int) -> tuple:
    """The rules of ``_UNKEYED`` that may read position ``p``, where no dictionary key starts; the
    others would find nothing there (each's first test), and skipping them keeps every reading."""
    c = norm[p]
    if c in _UNKEYED_ALL:
        return _UNKEYED
    if is_kanji(c):
        return _FIRST_KANJI if not (p and is_kanji(norm[p - 1])) else ()
    if is_katakana(c):
        return _FIRST_KATAKANA if not (p and is_katakana(norm[p - 1])) else ()
    return _DIGIT if c.isdigit() else ()


def _separated(text: str | None, omap: list[int] | None, i: int, j: int) -> bool:
    """Were normalised positions ``i`` and ``j`` (adjacent) apart in the text, across a 「・」 or a space
    the normaliser dropped? Then they belong to two names (「エジプト・カタール・米国」)."""
    if text is None or omap is None:
        return False
    lo, hi = sorted((omap[i], omap[j]))
    return any(ch in "・･=＝ 　" for ch in text[lo + 1:hi])


def _span_end(omap: list[int], end: int, text: str) -> int:
    """Where a match ending before normalised position ``end`` ends in the original text,
    with the long-vowel marks folding dropped after its last character (「フーバー」, not 「フーバ」)."""
    b = omap[end - 1] + 1
    while b < len(text) and text[b] in "ーッｰｯ":
        b += 1
    return b


class ActorLinker:
    """Links actor mentions in text. Entries are the keyword arguments of ``add``."""

    name = "gaiko.actor_linker.v1"

    def __init__(self, default_country: str | None = "JPN") -> None:
        self.default_country = default_country
        self._entries: list[dict[str, Any]] = []
        self._index: Index | None = None

    # -- the dictionary ----------------------------------------------------------
    def add(self, **entry: Any) -> None:
        """Add one entry: id, kind, country, sector, aliases, surname, roles, short, capital, organs…"""
        problem = check_entry(entry)
        if problem:
            raise DictionaryError("<add>", None, problem, entry=entry)
        self._entries.append(dict(entry))
        self._index = None

    def add_patterns(self, entries: Iterable[dict[str, Any]]) -> None:
        for entry in entries:
            self.add(**entry)

    def add_file(self, path: str | Path) -> None:
        """Add the entries of one YAML file; errors name the file and line."""
        count = 0
        for _line, entry in iter_file(path):
            self._entries.append(entry)
            count += 1
        if count == 0:
            warnings.warn(f"{path}: the actor dictionary file has no entries", stacklevel=2)
        self._index = None

    def clear(self) -> None:
        self._entries = []
        self._index = None

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The raw entries, as they were given."""
        return [dict(e) for e in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def to_disk(self, path: str | Path) -> None:
        """Write ``patterns.yaml`` (the raw entries) and ``cfg.json`` into folder ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "patterns.yaml", "w", encoding="utf-8") as fh:
            yaml.safe_dump(self._entries, fh, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
        (path / "cfg.json").write_text(json.dumps({"default_country": self.default_country}), encoding="utf-8")

    def from_disk(self, path: str | Path) -> "ActorLinker":
        """Replace the entries with those of a folder (every *.yaml, plus cfg.json) or one file."""
        path = Path(path)
        self.clear()
        if path.is_dir():
            cfg = path / "cfg.json"
            if cfg.is_file():
                self.default_country = json.loads(cfg.read_text(encoding="utf-8")).get("default_country")
            files = dictionary_files(path)
        elif path.is_file():
            files = [path]
        else:
            raise DictionaryError(str(path), None, "no such dictionary file or folder")
        for f in files:
            self.add_file(f)
        return self

    def _require(self) -> Index:
        if self._index is None:
            if not any(e["kind"] in ("person", "state", "organisation", "place") for e in self._entries):
                warnings.warn("ActorLinker has no actor entries: nothing will be linked", stacklevel=3)
            self._index = build_index(self._entries)
        return self._index

    # -- linking -----------------------------------------------------------------
    def __call__(self, text: Any, published: str | None = None, doc: Any = None) -> list[ActorMention]:
        if not isinstance(text, str):       # a spaCy Doc
            text = text.text
        return self.match(text, published)

    def match(self, text: str, published: str | None = None) -> list[ActorMention]:
        """The mentions of ``text``: at each position the longest reading any rule of ``RULES`` makes."""
        scan = self.scan(text, published)
        norm, starts = scan.norm, scan.starts
        p, n = 0, len(norm)
        while p < n:
            rules = RULES if p in starts else _unkeyed_rules(norm, p)
            if not rules:
                p += 1
                continue
            best: tuple[int, list[Spec]] | None = None
            for rule in rules:
                for end, specs in rule(scan, p):
                    if end > p and (best is None or end > best[0]):
                        best = (end, specs)
            if best is None:
                p += 1
                continue
            scan.specs.extend(best[1])
            p = best[0]
        omap = scan.omap
        out = []
        for s in scan.specs:
            if s.id is None and s.country is None and s.kind == "stop":
                continue
            if s.start and scan.norm[s.start - 1] == "親" and s.kind in ("state", "group") and s.id in (None, s.country):
                continue  # 「親イラン武装組織」「親ロシア派」: a leaning named, not an actor
            a, b = omap[s.start], _span_end(omap, s.end, text)
            out.append(ActorMention(a, b, text[a:b], s.id, s.country, s.kind, s.sector, s.rule, s.place))
        out.sort(key=lambda m: (m.start, m.end))
        return _with_glosses(out, text)

    def scan(self, text: str, published: str | None = None) -> Scan:
        """``text`` normalised, with the dictionary keys found at each position: what the rules read."""
        index = self._require()
        norm, omap = normalise(text)
        starts: dict[int, list[str]] = {}
        if index.payloads:
            for end, key in index.automaton.iter(norm):
                s = end - len(key) + 1
                if len(key) <= _SHORT_KEY and is_katakana(key[0]) \
                        and _span_end(omap, end + 1, text) - omap[s] not in index.written.get(key, {len(key)}):
                    continue  # a short name matched only by folding (ルート → ルト): a different word
                if self._boundary_ok(norm, s, end + 1, text, omap):
                    starts.setdefault(s, []).append(key)
        for keys in starts.values():
            keys.sort(key=len, reverse=True)
        scan = Scan(norm, date_bounds(published) if published else _era(norm), starts, index, self.default_country,
                    text=text, omap=omap)
        scan.sentence_starts = [0] + [i + 1 for i, c in enumerate(norm) if c in _SENTENCE_END]
        return scan

    # -- helpers -----------------------------------------------------------------
    @staticmethod
    def _boundary_ok(norm: str, a: int, b: int, text: str | None = None, omap: list[int] | None = None) -> bool:
        for inside, outside in ((a, a - 1), (b - 1, b)):
            if 0 <= outside < len(norm):
                x, y = norm[inside], norm[outside]
                if is_katakana(x) and is_katakana(y) and not _separated(text, omap, inside, outside):
                    return False
                if is_alnum_ascii(x) and is_alnum_ascii(y):
                    return False
        return True


#: A year written in the text: 「2018年」「２０１８年６月」 (digits folded by ``normalise``).
#: (not a target year: 「2030年までに」「2030年に向け」)
_YEAR = re.compile(r"(19[4-9][0-9]|20[0-9][0-9])年(?![0-9]*(月|日)?(まで|に向け|を目標|の目標|以降))")


def _with_glosses(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """「南米南部共同市場（メルコスル）」: a name glossed in brackets by another of the same actor is one
    mention, brackets included (as 「欧州連合（ＥＵ）」 is when the dictionary lists it so)."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.id is not None and m.id == prev.id and m.start == prev.end + 1 \
                and text[prev.end:m.start] in ("（", "(") and text[m.end:m.end + 1] in ("）", ")"):
            out[-1] = replace(prev, end=m.end + 1, text=text[prev.start:m.end + 1])
            continue
        out.append(m)
    return out


def _era(norm: str) -> tuple[int, int] | None:
    """For a text with no publication date, the year it was most likely written in: the latest year it
    names (a story names its own year and earlier ones; a later one is mostly a target, left out).
    Titles are read as of that year (「韓国の大統領」 in a story that names 2018 is Moon Jae-in); None
    if it names none. Event dates are never taken from it."""
    years = [int(m.group(1)) for m in _YEAR.finditer(norm)]
    return date_bounds(str(max(years))) if years else None


def _data_dir() -> Path:
    return Path(__file__).parent / "data"


_CACHE: dict[tuple[str, ...], ActorLinker] = {}


def load_linker(extra_files: tuple[str, ...] = ()) -> ActorLinker:
    """The packaged dictionary plus the user's extra YAML files (cached per ``extra_files``)."""
    key = tuple(extra_files)
    if key not in _CACHE:
        linker = ActorLinker().from_disk(_data_dir())
        for f in key:
            linker.add_file(f)
        linker._require()
        _CACHE[key] = linker
    return _CACHE[key]