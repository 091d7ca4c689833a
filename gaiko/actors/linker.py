"""ActorLinker: dictionary-driven actor linking over characters (a spaCy-style rule component).

``linker(text, published)`` returns non-overlapping ``ActorMention``s sorted by start.
The text is normalised (``normalise.py``) and scanned left to right; at each position
every rule proposes a reading and the longest wins (ties go to the earlier rule):

1. dictionary names, extended by a bracketed reading and trailing titles
   (「金正恩(キム・ジョンウン)朝鮮労働党委員長」), by organ words for states
   (「北朝鮮外務省」「韓国の外務省」), by a title for a state (「ロシアの外相」 → the
   holder at the publication date), or by a group word (「韓国人男性」 → null id);
2. surname + title, resolved by the dated roles (「金委員長」);
3. 在 + state + state + organ (「在韓国日本大使館」 → the second state);
4. one-character state forms, only in compounds (「米朝」「日米韓」「南北」), after 訪/来/対…
   (「訪朝」), before an organ word or title (「米軍」「米国務長官」) or, for the forms marked
   standalone, alone before a particle (「北は」);
5. anaphora (同外相, 同氏, 同国, 両国, 両外相, 彼, a bare 議長/大統領 after punctuation);
6. bare organ words (政府, 警察, 国会) and group words (国民, 活動家) take the nearest
   country of the same sentence;
7. an unknown katakana name with a title (「ノ・ビョンマン氏」) is a person with id None
   and the nearest country; its first part (「ノ氏」) later refers back to it.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import DictionaryError
from ..records import ActorMention
from .dictionary import check_entry, dictionary_files, iter_file
from .index import Actor, Index, Payload, build_index, date_bounds
from .normalise import is_alnum_ascii, is_hiragana, is_kanji, is_katakana, normalise

_PREFIXES = frozenset("訪来対在駐離滞")
_PARTICLES = frozenset("はがのをにへとでもや、。・,」』)")
_SENTENCE_END = frozenset("。\n!?！？")
#: Keys this short must match the text as written, not only after katakana folding.
_SHORT_KEY = 2
#: Bare organ words (generic.yaml ``bare``) the Japanese press uses only for other states' bodies
#: (Japan's is 外務省): alone, they belong to the state last named, not to the default country.
_FOREIGN_ORGANS = frozenset({"外交部"})


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
_AMBIGUOUS_AFTER_KANJI = frozenset("日中北南")  # 4日, 最中, 東北, 東南
_PERSON_ORGANS = {"政権": "GOV", "政府": "GOV", "軍隊": "MIL", "部隊": "MIL", "軍": "MIL"}
_ANAPHORA_SPECIAL = {"首脳": "person", "国": "state", "省": "organ", "部": "organ", "庁": "organ", "党": "party",
                     "紙": "media", "通信": "media", "社": "media", "政府": "organ"}


@dataclass
class _Spec:
    start: int
    end: int
    id: str | None
    country: str | None
    kind: str
    sector: str | None = None
    rule: str = "dictionary"
    place: str | None = None
    actor: Any = None           # Actor or _Unknown, for antecedents
    titles: tuple[str, ...] = ()


@dataclass(eq=False)
class _Unknown:
    """A named person missing from the dictionary, remembered for later 「ノ氏」."""
    name: str
    surname: str
    country: str | None


@dataclass
class _State:
    norm: str
    pub: tuple[int, int] | None
    starts: dict[int, list[str]]
    specs: list[_Spec] = field(default_factory=list)
    text: str = ""
    omap: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)


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
        st = _State(norm, date_bounds(published) if published else None, starts, text=text, omap=omap)
        st.sentence_starts = [0] + [i + 1 for i, c in enumerate(norm) if c in _SENTENCE_END]
        rules = (self._rule_names, self._rule_surname, self._rule_resident, self._rule_short,
                 self._rule_anaphora, self._rule_bare, self._rule_unknown)
        p, n = 0, len(norm)
        while p < n:
            best: tuple[int, list[_Spec]] | None = None
            for rule in rules:
                for end, specs in rule(st, index, p):
                    if end > p and (best is None or end > best[0]):
                        best = (end, specs)
            if best is None:
                p += 1
                continue
            st.specs.extend(best[1])
            p = best[0]
        out = []
        for s in st.specs:
            if s.id is None and s.country is None and s.kind == "stop":
                continue
            a, b = omap[s.start], _span_end(omap, s.end, text)
            out.append(ActorMention(a, b, text[a:b], s.id, s.country, s.kind, s.sector, s.rule, s.place))
        out.sort(key=lambda m: (m.start, m.end))
        return out

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

    @staticmethod
    def _keys(st: _State, p: int, ptype: str, index: Index) -> list[tuple[int, Payload]]:
        out = []
        for key in st.starts.get(p, ()):
            if ptype == "organ_word" and len(key) == 1 and is_kanji(st.norm[p + 1:p + 2]):
                continue                     # 軍 in 軍事, 側 in 側近
            for pl in index.payloads[key]:
                if pl.type == ptype:
                    out.append((p + len(key), pl))
        return out

    def _first(self, st: _State, p: int, ptype: str, index: Index) -> tuple[int, Payload] | None:
        found = self._keys(st, p, ptype, index)
        return found[0] if found else None

    def _reading(self, st: _State, q: int) -> int:
        """Skip a bracketed reading right after a name: 「(キム・ジョンウン)」."""
        norm = st.norm
        if q < len(norm) and norm[q] in "(（":
            close = norm.find(")", q + 1, q + 24)
            inner = norm[q + 1:close] if close > 0 else ""
            if inner and all(is_katakana(c) or is_hiragana(c) or c in "・ =" for c in inner):
                return close + 1
        return q

    def _title_chain(self, st: _State, index: Index, q: int) -> tuple[int | None, list[str]]:
        """Titles right after position q (「朝鮮労働党委員長」「元国務次官」); returns the end of the last."""
        last, titles, r = None, [], q
        for _ in range(6):
            t = self._first(st, r, "title", index)
            if t is None and r < len(st.norm) and st.norm[r] in "元前現新":
                t2 = self._first(st, r + 1, "title", index)
                if t2 is not None:
                    t = t2
            if t is not None:
                r = t[0]
                last = r
                titles.append(t[1].value or "")
                continue
            org = [x for x in self._keys(st, r, "name", index) if x[1].actor.kind in ("organisation", "state")]
            if org:
                r = org[0][0]
                continue
            break
        return last, titles

    def _sentence_start(self, st: _State, p: int) -> int:
        import bisect
        i = bisect.bisect_right(st.sentence_starts, p) - 1
        return st.sentence_starts[max(i, 0)]

    @staticmethod
    def _nearest_country(st: _State, p: int) -> str | None:
        """The country of the last state or organ named before p, in any sentence."""
        for s in reversed(st.specs):
            if s.end <= p and s.country and s.country != "IGO" and s.kind in ("state", "capital"):
                return s.country
        return None

    def _context_country(self, st: _State, p: int) -> str | None:
        lo = self._sentence_start(st, p)
        for s in reversed(st.specs):
            if s.end <= lo:
                break
            if s.country and s.country != "IGO" and s.kind != "stop":
                return s.country
        return None

    def _coordinated_country(self, st: _State, p: int) -> str | None:
        """The country of a mention joined to position p by や/と/、 (「韓国国会や政府」), or
        whose topic the organ word continues (「韓国も政府による救援隊の派遣」)."""
        if st.specs and st.norm[st.specs[-1].end:p] in ("や", "と", "、", "・", ",", "及", "も", "は", "では", "(", "（"):
            s = st.specs[-1]
            if s.country and s.country != "IGO" and s.kind != "stop":
                return s.country
        return None

    def _persons(self, st: _State) -> Iterable[_Spec]:
        for s in reversed(st.specs):
            if s.kind == "person" and s.actor is not None:
                yield s

    def _person_spec(self, a: int, b: int, actor: Actor, rule: str, titles: list[str] | tuple = ()) -> _Spec:
        return _Spec(a, b, actor.id, actor.country, "person", actor.sector, rule, actor=actor, titles=tuple(titles))

    def _resolve(self, st: _State, candidates: list[Actor], title: str) -> Actor | None:
        """The candidate holding ``title`` at the publication date (else the latest mentioned, else latest)."""
        compatible = [a for a in candidates if a.has_title(title)]
        if not compatible:
            return None
        recent = [s.actor for s in self._persons(st) if s.actor in compatible]
        if st.pub is not None:
            active = [a for a in compatible if a.holds(title, st.pub)]
            if active:
                for a in recent:
                    if a in active:
                        return a
                return max(active, key=lambda a: max(r.start for r in a.roles if r.title == title))
        if recent:
            return recent[0]
        if st.pub is None:
            return max(compatible, key=lambda a: max(r.start for r in a.roles if r.title == title))

        def distance(a: Actor) -> int:
            return min(min(abs(r.start - st.pub[0]), abs(r.end - st.pub[1])) for r in a.roles if r.title == title)
        return min(compatible, key=distance)

    # -- rule 1: names -------------------------------------------------------------
    def _rule_names(self, st: _State, index: Index, p: int):
        for e, pl in self._keys(st, p, "name", index) + self._keys(st, p, "capital", index) + \
                self._keys(st, p, "organ", index) + self._keys(st, p, "stopword", index):
            if pl.type == "stopword":
                yield e, [_Spec(p, e, None, None, "stop")]
                continue
            actor = pl.actor
            if not actor.valid_at(st.pub):
                continue
            if pl.type == "capital":
                yield e, [_Spec(p, e, actor.id, actor.id, "capital", "GOV", "capital", place=pl.value, actor=actor)]
            elif pl.type == "organ":
                end = e
                ow = self._first(st, end, "organ_word", index)
                if ow:
                    end = ow[0]
                yield end, [_Spec(p, end, actor.id, actor.id, "state", pl.sector, "organ", actor=actor)]
            elif actor.kind == "state":
                yield from self._state_ext(st, index, p, e, actor, "dictionary")
            elif actor.kind == "person":
                yield self._person_ext(st, index, p, e, actor)
            elif actor.kind == "organisation":
                end = e
                for _ in range(2):
                    nxt = [x for t in ("title", "organ_word") for x in self._keys(st, end, t, index)]
                    if not nxt:
                        break
                    end = max(x[0] for x in nxt)
                yield end, [_Spec(p, end, actor.id, actor.country, "organisation", actor.sector, actor=actor)]
            else:
                yield e, [_Spec(p, e, actor.id, actor.country, "place", None, place=actor.id, actor=actor)]

    def _person_ext(self, st: _State, index: Index, p: int, e: int, actor: Actor):
        q = self._reading(st, e)
        again = [x for x in self._keys(st, q, "name", index) if x[1].actor is actor]
        if again:
            q = self._reading(st, again[0][0])
        last, titles = self._title_chain(st, index, q)
        end = last if last else q
        # 「トランプ政権」「金正恩氏の軍隊」: the person's state acting through an organ
        for q in (end, end + 1):
            if q == end + 1 and not st.norm.startswith("の", end):
                continue
            for word, sector in _PERSON_ORGANS.items():
                stop = q + len(word)
                if word == "軍" and stop < len(st.norm) and is_kanji(st.norm[stop]):
                    continue
                if st.norm.startswith(word, q) and actor.country and actor.country != "IGO":
                    return stop, [_Spec(p, stop, actor.country, actor.country, "state", sector, "person-organ")]
        return end, [self._person_spec(p, end, actor, "dictionary", titles)]

    def _state_ext(self, st: _State, index: Index, p: int, e: int, state: Actor, rule: str):
        norm = st.norm
        yield e, [_Spec(p, e, state.id, state.id, "state", None, rule, actor=state)]
        for q in (e, e + 1):
            if q == e + 1 and not norm.startswith("の", e):
                continue
            named = [x for x in self._keys(st, q, "organ", index) if x[1].actor is state]
            for end, pl in named:
                yield end, [_Spec(p, end, state.id, state.id, "state", pl.sector, "organ", actor=state)]
            title = self._first(st, q, "title", index)
            holder = None
            if title is not None and title[1].value != "氏":
                last, titles = self._title_chain(st, index, q)
                cands = [a for a in index.actors if a.kind == "person" and a.country == state.id]
                holder = self._resolve_holder(st, cands, titles[-1]) if titles else None
                if holder is not None:
                    yield last, [self._person_spec(p, last, holder, "state-title", titles)]
            ow = self._first(st, q, "organ_word", index)
            if ow is not None:
                end = ow[0]
                more = self._first(st, end, "organ_word", index)
                if more is not None:
                    end = more[0]
                leg = index.legislatures.get((state.id, norm[q:ow[0]]))
                if leg is not None:
                    yield end, [_Spec(p, end, leg.id, leg.country, "organisation", leg.sector, "organ", actor=leg)]
                else:
                    yield end, [_Spec(p, end, state.id, state.id, "state", ow[1].sector, "organ", actor=state)]
            elif title is not None and holder is None and title[1].value != "氏":
                yield title[0], [_Spec(p, title[0], None, state.id, "person", title[1].sector, "state-title")]
            r = q + 1 if norm.startswith("人", q) and q == e else q
            grp = self._first(st, r, "group_word", index)
            if grp is not None and grp[1].value != "人":
                yield grp[0], [_Spec(p, grp[0], None, state.id, "group", grp[1].sector, "group")]
            elif r == q + 1:
                yield r, [_Spec(p, r, None, state.id, "group", "CIV", "group")]

    def _resolve_holder(self, st: _State, cands: list[Actor], title: str) -> Actor | None:
        if st.pub is None:
            recent = [s.actor for s in self._persons(st) if s.actor in cands and s.actor.has_title(title)]
            return recent[0] if recent else None
        active = [a for a in cands if a.holds(title, st.pub)]
        if not active:
            return None
        return max(active, key=lambda a: max(r.start for r in a.roles if r.title == title))

    # -- rule 2: surname + title ----------------------------------------------------
    def _rule_surname(self, st: _State, index: Index, p: int):
        hits = self._keys(st, p, "surname", index)
        if not hits:
            return
        by_end: dict[int, list[Actor]] = {}
        for e, pl in hits:
            by_end.setdefault(e, []).append(pl.actor)
        for e, cands in by_end.items():
            surname = st.norm[p:e]
            q = self._reading(st, e)
            last, titles = self._title_chain(st, index, q)
            if last is None:
                # a surname alone refers back to a person named earlier (「田村は」), never 金 alone
                if e - p >= 2 and e < len(st.norm) and st.norm[e] in _PARTICLES:
                    for s in self._persons(st):
                        if s.actor in cands:
                            yield e, [self._person_spec(p, e, s.actor, "coreference")]
                            break
                continue
            title = titles[-1]
            if title == "氏":
                for s in self._persons(st):
                    if s.actor in cands or (isinstance(s.actor, _Unknown) and s.actor.surname == surname):
                        yield last, [self._copy(s, p, last, "coreference")]
                        break
                continue
            actor = self._resolve(st, cands, title)
            if actor is not None:
                yield last, [self._person_spec(p, last, actor, "surname-title", titles)]

    @staticmethod
    def _copy(s: _Spec, a: int, b: int, rule: str) -> _Spec:
        return _Spec(a, b, s.id, s.country, s.kind, s.sector, rule, s.place, s.actor, s.titles)

    # -- rule 3: 在 + state + state + organ -------------------------------------------
    def _state_at(self, st: _State, index: Index, q: int) -> list[tuple[int, Actor]]:
        out = [(e, pl.actor) for e, pl in self._keys(st, q, "name", index) if pl.actor.kind == "state"]
        out += [(e, pl.actor) for e, pl in self._keys(st, q, "short", index)]
        return out

    def _rule_resident(self, st: _State, index: Index, p: int):
        if not st.norm.startswith("在", p):
            return
        for e1, _host in self._state_at(st, index, p + 1):
            for e2, owner in self._state_at(st, index, e1):
                ow = self._first(st, e2, "organ_word", index)
                if ow is not None:
                    yield ow[0], [_Spec(p, ow[0], owner.id, owner.id, "state", ow[1].sector, "organ", actor=owner)]

    # -- rule 4: one-character forms ---------------------------------------------------
    def _rule_short(self, st: _State, index: Index, p: int):
        norm = st.norm
        run: list[tuple[int, Actor, bool]] = []
        q = p
        while q < len(norm):
            sh = self._first(st, q, "short", index)
            pair = self._first(st, q, "pair", index)
            if sh is None and pair is None:
                break
            run.append((q, (sh or pair)[1].actor, sh is None))
            q += 1
        if not run:
            return
        if any(len(k) >= 2 and any(pl.type == "capital" or pl.actor is not None and pl.actor.kind == "place"
                                   for pl in index.payloads[k])
               for k in st.starts.get(p, ())):
            return  # 「台北」 is Taipei, not 台 + 北
        prev = norm[p - 1] if p > 0 else ""
        # 「在日」「訪朝」: a prefix, unless it ends a word of its own (滞在中, 訪問中)
        prefixed = prev in _PREFIXES and not (p >= 2 and is_kanji(norm[p - 2]))
        blocked = (prev.isdigit() or (is_kanji(prev) and not prefixed)) and norm[p] in _AMBIGUOUS_AFTER_KANJI
        if blocked:
            return
        if len(run) >= 2 and len({a.id for _, a, _ in run}) == len(run):
            yield q, [_Spec(i, i + 1, a.id, a.id, "state", None, "compound", actor=a) for i, a, _ in run]
            return
        i, state, pair_only = run[0]
        if pair_only:
            return
        if prefixed:
            yield p + 1, [_Spec(p, p + 1, state.id, state.id, "state", None, "compound", actor=state)]
        for end, specs in self._state_ext(st, index, p, p + 1, state, "compound"):
            if end > p + 1 and specs[0].rule != "group" and (
                    norm[p] in state.standalone or not norm.startswith("の", p + 1)):
                yield end, specs
        nxt = norm[p + 1] if p + 1 < len(norm) else ""
        if norm[p] in state.standalone and nxt in _PARTICLES and not (is_kanji(prev) or is_katakana(prev)):
            yield p + 1, [_Spec(p, p + 1, state.id, state.id, "state", None, "compound", actor=state)]

    # -- rule 5: anaphora -------------------------------------------------------------
    def _rule_anaphora(self, st: _State, index: Index, p: int):
        norm = st.norm
        c = norm[p]
        if c == "彼" and not norm.startswith(("彼ら", "彼岸", "彼女ら"), p):
            end = p + 2 if norm.startswith("彼女", p) else p + 1
            for s in self._persons(st):
                yield end, [self._copy(s, p, end, "anaphora")]
                break
            return
        if c in "同両":
            want = 1 if c == "同" else 2
            for word, what in _ANAPHORA_SPECIAL.items():
                if norm.startswith(word, p + 1):
                    found = self._recent(st, what, want)
                    stop = p + 1 + len(word)
                    if found:
                        yield stop, [self._copy(s, p, stop, "anaphora") for s in found]
                    if len(found) == 1 and what == "state" and isinstance(found[0].actor, Actor):
                        for end, specs in self._state_ext(st, index, p, stop, found[0].actor, "anaphora"):
                            if end > stop:
                                yield end, specs
            t = self._first(st, p + 1, "title", index)
            if t is not None:
                found = self._recent_person(st, t[1].value or "", norm[p + 1:t[0]], want)
                if found:
                    yield t[0], [self._copy(s, p, t[0], "anaphora") for s in found]
            return
        t = self._first(st, p, "title", index)
        prev = norm[p - 1] if p > 0 else "。"
        if t is not None and t[1].value != "氏" and not (is_kanji(prev) or is_katakana(prev) or is_alnum_ascii(prev)):
            nxt = norm[t[0]] if t[0] < len(norm) else "。"
            if not is_kanji(nxt) and not is_katakana(nxt):
                found = self._recent_person(st, t[1].value or "", norm[p:t[0]], 1)
                if found:
                    yield t[0], [self._copy(found[0], p, t[0], "anaphora")]

    def _recent(self, st: _State, what: str, want: int) -> list[_Spec]:
        out: list[_Spec] = []
        seen: set = set()
        if what == "person":  # 両首脳: the two leaders named last, whatever their titles
            for s in self._persons(st):
                if id(s.actor) not in seen:
                    seen.add(id(s.actor))
                    out.append(s)
                    if len(out) == want:
                        return out
            return []
        for s in reversed(st.specs):
            if s.kind == "stop" or s.id is None:
                continue
            ok = {"state": s.kind in ("state", "capital"),
                  "organ": s.kind == "state" and s.sector in ("DIP", "MIL", "GOV", "POLICE"),
                  "party": s.kind == "organisation" and s.sector == "PARTY",
                  "media": s.kind == "organisation" and s.sector in ("MEDIA", "BUS")}[what]
            if ok and s.id not in seen:
                seen.add(s.id)
                spec = self._copy(s, s.start, s.end, "anaphora")
                if s.kind == "capital":
                    spec.kind, spec.place = "state", None
                out.append(spec)
                if len(out) == want:
                    return out
        return out if len(out) == want else []

    def _recent_person(self, st: _State, title: str, surface: str, want: int) -> list[_Spec]:
        out: list[_Spec] = []
        seen: set = set()
        for s in self._persons(st):
            key = id(s.actor)
            if key in seen:
                continue
            ok = title == "氏" or title in s.titles or any(t.endswith(surface) for t in s.titles) or (
                isinstance(s.actor, Actor) and (s.actor.has_title(title) or s.actor.title_suffix(surface)))
            if ok:
                seen.add(key)
                out.append(s)
                if len(out) == want:
                    return out
        return out if len(out) == want else []

    # -- rule 6: bare organ and group words ----------------------------------------------
    def _rule_bare(self, st: _State, index: Index, p: int):
        norm = st.norm
        prev = norm[p - 1] if p > 0 else "。"
        if is_kanji(prev) or is_katakana(prev) or is_alnum_ascii(prev):
            return
        for e, pl in self._keys(st, p, "organ_word", index) if prev != "の" else ():
            if norm[p:e] in index.bare_organs:
                country = self._coordinated_country(st, p) or (
                    self._nearest_country(st, p) if norm[p:e] in _FOREIGN_ORGANS else self.default_country)
                leg = index.legislatures.get((country or "", norm[p:e]))
                if leg is not None:
                    yield e, [_Spec(p, e, leg.id, leg.country, "organisation", leg.sector, "context", actor=leg)]
                elif country:
                    yield e, [_Spec(p, e, country, country, "state", pl.sector, "context")]
        for e, pl in self._keys(st, p, "group_word", index):
            if e - p >= 2:
                yield e, [_Spec(p, e, None, self._context_country(st, p), "group", pl.sector, "group")]

    # -- rule 7: unknown names -------------------------------------------------------------
    def _rule_unknown(self, st: _State, index: Index, p: int):
        norm = st.norm
        if not is_katakana(norm[p]) or (p > 0 and is_katakana(norm[p - 1])):
            return
        q = p
        while q < len(norm) and is_katakana(norm[q]):
            q += 1
        if q - p < 1:
            return
        last, titles = self._title_chain(st, index, q)
        if last is None:
            return
        name = norm[p:q]
        for s in self._persons(st):
            if isinstance(s.actor, _Unknown) and name in (s.actor.name, s.actor.surname):
                yield last, [self._copy(s, p, last, "coreference")]
                return
        if q - p < 2 and titles[-1] == "氏":
            return
        # the original spelling keeps the 「・」 that separates the surname
        original = st.text[st.omap[p]:st.omap[q - 1] + 1]
        surname = normalise(original.replace("＝", "・").replace("=", "・").split("・")[0])[0]
        unknown = _Unknown(name, surname, self._context_country(st, p))
        yield last, [_Spec(p, last, None, unknown.country, "person", None, "unknown-name", actor=unknown,
                           titles=tuple(titles))]


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
