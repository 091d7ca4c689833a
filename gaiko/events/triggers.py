"""TriggerRuler: the trigger dictionary and its matcher.

Shaped like spaCy's rule components: entries are plain dicts whose keys are
``add``'s keyword arguments, kept as given and written back unchanged by
``to_disk``; loading replaces. ``match`` returns plain ``TriggerMatch`` values so
the rules can be tested without a pipeline.

Patterns are matched on token lemmas (conjugation-free), and, for compounds the
tokenizer keeps whole, inside a noun token. ``may_contain`` is the cheap character
pre-filter used before parsing: a sentence without any trigger stem is never parsed.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import yaml

from ..errors import DictionaryError
from ..plover import PLOVER_TYPES
from ..yamldata import safe_load

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: The id of a reporting verb read as a verdict on another's act (triggers.yaml: 「…は正当化できない」と述べた).
VERDICT = "ACCUSE:verdict"
#: The id of what another should do, said (「「米国は…をやめるべきだ」と述べた」): a demand of the one spoken of.
SHOULD = "REQUEST:should"
#: The id of a claim that another did something (「インドが…を支援していると指摘」): an accusation of that other.
CLAIM = "ACCUSE:claim"
#: Triggers whose speaker is the topic outside what is said, and whose target is who is spoken of in it.
REPORTED = {VERDICT, SHOULD}

_KEYS = {"label", "pattern", "mode", "requires", "unless", "window", "side", "target", "id", "private"}
#: Where ``requires`` words are looked for: on both sides of the trigger, or before it only.
_SIDES = ("both", "before")
_MAX_TOKENS = 5  # the longest pattern, in tokens: 「継続|する|つもり|は|ない」


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a parsed sentence: tokens [start, end) and characters."""

    start: int          # first token
    end: int            # one past the last token
    char_start: int
    char_end: int
    label: str
    mode: str | None
    pattern: str
    target: str | None
    id: str
    private: str | None = None  # the type when only private people or groups do it (抗議: ACCUSE → PROTEST)


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u309f"


def stem(pattern: str) -> str:
    """The pattern without trailing hiragana: what any inflected form starts with."""
    s = pattern
    while len(s) > 1 and _is_kana(s[-1]):
        s = s[:-1]
    return s


class TriggerRuler:
    """Maps Japanese predicates to PLOVER types."""

    name = "gaiko.trigger_ruler.v1"

    def __init__(self) -> None:
        self._patterns: list[dict[str, Any]] = []
        self._by_pattern: dict[str, list[dict[str, Any]]] = {}
        self._automaton: Any = None
        self._prefixes: frozenset[str] | None = None

    # -- entries -----------------------------------------------------------
    def add(self, label: str, pattern: str, mode: str | None = None,
            requires: list[str] | None = None, window: int = 12,
            target: str | None = None, id: str | None = None, private: str | None = None,
            unless: list[str] | None = None, side: str = "both") -> None:
        """Add one entry. Raises ValueError on a bad label, side or empty pattern."""
        for value in (label, private):
            if value is not None and value not in PLOVER_TYPES:
                raise ValueError(f"unknown PLOVER type {value!r}")
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError("empty pattern")
        if side not in _SIDES:
            raise ValueError(f"side must be one of {_SIDES}, not {side!r}")
        entry: dict[str, Any] = {"label": label, "pattern": pattern}
        for key, value in (("mode", mode), ("requires", requires), ("unless", unless), ("target", target),
                           ("id", id), ("private", private)):
            if value is not None:
                entry[key] = value
        if window != 12:
            entry["window"] = window
        if side != "both":
            entry["side"] = side
        self._patterns.append(entry)
        self._by_pattern.setdefault(pattern, []).append(entry)
        self._automaton = None
        self._prefixes = None

    def add_patterns(self, entries: Iterable[dict[str, Any]], source: str = "<patterns>") -> None:
        for line, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not set(entry) <= _KEYS:
                raise DictionaryError(source, line, f"entry must be a mapping with keys from {sorted(_KEYS)}", entry)
            try:
                self.add(**entry)
            except (TypeError, ValueError) as exc:
                raise DictionaryError(source, line, str(exc), entry) from None

    def clear(self) -> None:
        self._patterns = []
        self._by_pattern = {}
        self._automaton = None
        self._prefixes = None

    @property
    def patterns(self) -> list[dict[str, Any]]:
        return [dict(p) for p in self._patterns]

    @property
    def labels(self) -> set[str]:
        return {p["label"] for p in self._patterns}

    def __len__(self) -> int:
        return len(self._patterns)

    # -- disk ----------------------------------------------------------------
    def from_disk(self, path: str | Path, *, append: bool = False) -> "TriggerRuler":
        """Load a YAML list of entries; replaces what was loaded unless ``append``."""
        path = Path(path)
        try:
            data = safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError) as exc:
            raise DictionaryError(str(path), None, f"cannot read trigger file: {exc}") from None
        if not isinstance(data, list):
            raise DictionaryError(str(path), None, "a trigger file is a YAML list of entries")
        if not append:
            self.clear()
        self.add_patterns(data, source=str(path))
        if not self._patterns:
            warnings.warn(f"{path}: the trigger dictionary is empty; no event will be found", stacklevel=2)
        return self

    def to_disk(self, path: str | Path) -> None:
        Path(path).write_text(
            yaml.safe_dump(self.patterns, allow_unicode=True, sort_keys=False, default_flow_style=None),
            encoding="utf-8")

    # -- matching ------------------------------------------------------------
    def may_contain(self, text: str) -> bool:
        """True if ``text`` holds a trigger stem: the pre-filter before parsing.

        A stem that is one kana (「とした」 → と) would let every sentence through; where each entry
        of such a pattern requires words, those words are looked for instead (the entry can match
        no sentence without one)."""
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for pattern, entries in self._by_pattern.items():
                s = stem(pattern)
                keys = [s]
                if len(s) < 2 and _is_kana(s) and all(e.get("requires") for e in entries):
                    keys = [r for e in entries for r in e["requires"]]
                for key in keys:
                    automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        for _ in self._automaton.iter(text):
            return True
        return False

    def match(self, doc: "Doc", any_pos: bool = False, text: str | None = None) -> list[TriggerMatch]:
        """Longest, non-overlapping trigger matches in a parsed sentence.

        ``any_pos`` looks inside every token, whatever its part of speech: the
        pre-filter's reading of a tokenized, not yet tagged sentence, which can
        only find more matches than the tagged one. It leaves them on the Doc, and a
        tagged reading of that Doc (after the parse, or after ``nlp.tags``) takes them
        from there, less those inside a token whose part of speech rules them out:
        the same matches, found once. ``text`` is the doc's text if the caller has it
        at hand (rebuilding it from the tokens is not free).
        """
        if text is None:
            text = doc.text
        seen = doc.user_data.get(_MATCHED_ANY_POS) if not any_pos else None
        if seen is not None and seen[0] == id(self):  # (another ruler's matches are not this one's)
            # the pre-filter's reading of these tokens: the same matches, less those inside a token
            # whose part of speech, now known, is not one a compound's head has
            return [TriggerMatch(*fields) for *fields, inside in seen[1]
                    if not inside or doc[fields[0]].pos_ in _COMPOUND_HEADS]
        # one pass over the tokens (spaCy builds a Token object per access)
        tokens = [(t.lemma_, t.text, t.idx, t.pos_) for t in doc]
        found: list[TriggerMatch] = []
        inside: list[bool] = []
        prefixes = self._pattern_prefixes()
        i = 0
        n = len(tokens)
        while i < n:
            best: TriggerMatch | None = None
            lemma = ""
            surface = ""
            for j in range(i, min(n, i + _MAX_TOKENS)):
                lemma += tokens[j][0]
                surface += tokens[j][1]
                if lemma not in prefixes and surface not in prefixes:
                    break  # (no pattern starts so: none with more tokens either)
                for key in (lemma, surface) if lemma != surface else (lemma,):
                    entries = self._by_pattern.get(key)
                    if entries:
                        m = self._accept(entries, i, j + 1, tokens[i][2], tokens[j][2] + len(tokens[j][1]), text)
                        if m is not None and (best is None or m.end > best.end):
                            best = m
            within = best is None
            if best is None:
                best = self._inside_token(tokens[i], i, text, any_pos)
            if best is not None:
                found.append(best)
                inside.append(within)
                i = best.end
            else:
                i += 1
        if any_pos:  # (kept on the Doc, which the parser annotates in place, for the reading after it;
            # as plain values, so that the Doc still serialises)
            doc.user_data[_MATCHED_ANY_POS] = (id(self), [
                (m.start, m.end, m.char_start, m.char_end, m.label, m.mode, m.pattern, m.target, m.id, m.private, within)
                for m, within in zip(found, inside)])
        return found

    def _pattern_prefixes(self) -> frozenset[str]:
        """Every beginning of a pattern (the patterns too): a run of tokens whose lemmas and surface both
        begin no pattern ends the search for one from its first token."""
        if self._prefixes is None:
            self._prefixes = frozenset(p[:k] for p in self._by_pattern for k in range(1, len(p) + 1))
        return self._prefixes

    def _accept(self, entries: list[dict[str, Any]], start: int, end: int, cs: int, ce: int,
                text: str) -> TriggerMatch | None:
        for entry in reversed(entries):  # later (user) entries win
            if self._requirements_met(entry, text, cs, ce):
                return self._make(entry, start, end, cs, ce)
        return None

    def _inside_token(self, token: tuple[str, str, int, str], i: int, text: str,
                      any_pos: bool = False) -> TriggerMatch | None:
        """A pattern ending a compound token (「米朝首脳会談」 kept whole by the tokenizer).

        Japanese compounds put their head last, so only a pattern at the token's end
        counts (「デモンストレーション」 holds デモ but is no demonstration); the
        longest such pattern wins. ``token`` is (lemma, text, idx, pos).
        """
        _, word, idx, pos = token
        if len(word) < 3 or not any_pos and pos not in _COMPOUND_HEADS:
            return None
        for size in range(len(word) - 1, 1, -1):  # proper suffixes, longest first
            entries = self._by_pattern.get(word[-size:])
            if entries:
                return self._accept(entries, i, i + 1, idx, idx + len(word), text)
        return None

    @staticmethod
    def _requirements_met(entry: dict[str, Any], text: str, cs: int, ce: int) -> bool:
        req, unless = entry.get("requires"), entry.get("unless")
        if not req and not unless:
            return True
        w = entry.get("window", 12)
        if unless and any(u in text[max(0, cs - w):ce + w] for u in unless):
            return False  # 「全会一致で採択」: the words around make it no event of this kind
        context = text[max(0, cs - w):cs] + (text[ce:ce + w] if entry.get("side", "both") == "both" else "")
        return not req or any(r in context for r in req)

    @staticmethod
    def _make(entry: dict[str, Any], start: int, end: int, cs: int, ce: int) -> TriggerMatch:
        return TriggerMatch(start, end, cs, ce, entry["label"], entry.get("mode"), entry["pattern"],
                            entry.get("target"), entry.get("id") or f"{entry['label']}:{entry['pattern']}",
                            entry.get("private"))


#: The parts of speech a compound token's head may have (「米朝首脳会談」: a pattern at its end counts).
_COMPOUND_HEADS = ("NOUN", "PROPN", "VERB")
#: Where ``match(any_pos=True)`` leaves its matches on the Doc: (the ruler's ``id``, the matches with
#: whether each is inside a token).
_MATCHED_ANY_POS = "gaiko.triggers.any_pos"

_DEFAULT = "triggers.yaml"


def load_ruler(extra_files: tuple[str, ...] = ()) -> TriggerRuler:
    """The packaged trigger dictionary, then the user's files on top."""
    ruler = TriggerRuler()
    with resources.as_file(resources.files("gaiko.events") / "data" / _DEFAULT) as path:
        ruler.from_disk(path)
    for extra in extra_files:
        ruler.from_disk(extra, append=True)
    return ruler
