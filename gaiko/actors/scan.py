"""One text being linked: its normalised form, what the rules have found so far, and the lookups they share.

``ActorLinker.match`` builds a ``Scan`` per text and hands it to each rule of
``rules.py`` at every position. The rules read the dictionary through it
(``keys``, ``first``, ``title_chain``), look back at earlier mentions through it
(``persons``, ``context_country``…), and return ``Spec``s that the linker
appends to ``specs`` when their reading wins. Keeping this state in one object
lets each rule be a plain function of ``(scan, position)``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .index import Actor, Index, Payload, date_bounds
from .normalise import is_hiragana, is_kanji, is_katakana


#: A name's gloss in brackets, between it and the organ word it owns: 「アラブ首長国連邦（ＵＡＥ）政府」.
_GLOSS = re.compile(r"[(（][^()（）]{1,12}[)）]")


@dataclass
class Spec:
    """A mention found in normalised positions ``start``..``end`` (turned into an ``ActorMention`` at the end)."""

    start: int
    end: int
    id: str | None
    country: str | None
    kind: str
    sector: str | None = None
    rule: str = "dictionary"
    place: str | None = None
    actor: Any = None           # Actor or Unknown, for antecedents
    titles: tuple[str, ...] = ()

    def copy(self, a: int, b: int, rule: str) -> Spec:
        """The same referent at another span (an anaphor or a coreferring surname)."""
        return Spec(a, b, self.id, self.country, self.kind, self.sector, rule, self.place, self.actor, self.titles)


@dataclass(eq=False)
class Unknown:
    """A named person missing from the dictionary, remembered for later 「ノ氏」."""
    name: str
    surname: str
    country: str | None


#: Offices a state fills in many capitals at once (generic.yaml titles).
POSTED_TITLES = frozenset({"大使", "公使", "総領事"})
#: A year (and month) just before a compound, or just after the act it names: when that took place
#: (「2018年4月の南北首脳会談」「日ロ外相会談は2019年7月に」).
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年(?:(\d{1,2})月)?(?:\d{1,2}日)?(?:に|の)?$")
_YEAR_AFTER = re.compile(r"[^、。]{2,12}?(?:は|が)((?:19|20)\d\d)年(?:(\d{1,2})月)?")


#: 「（H.E. Mr. Bakhtiyor Saidov, Minister …）」: honorifics, then the name up to a comma or the bracket.
_ENGLISH_NAME = re.compile(
    r"\s*\(\s*(?:(?:H\.\s?E\.|His Excellency|Her Excellency|The Hon(?:ou?rable|\.)|Mr\.?|Ms\.?|Mrs\.?|Dr\.?"
    r"|Prof\.?|Sheikh|Gen\.|General|Ambassador)\s+)+"
    r"([A-Z][A-Za-z\u00c0-\u024f'’.\-]*(?:\s+[A-Za-z\u00c0-\u024f'’.\-]+){1,7})\s*[,)]")


def person_spec(a: int, b: int, actor: Actor, rule: str, titles: list[str] | tuple = ()) -> Spec:
    return Spec(a, b, actor.id, actor.country, "person", actor.sector, rule, actor=actor, titles=tuple(titles))


@dataclass
class Scan:
    """The text being linked: ``norm`` (normalised), the dictionary keys starting at each position, the mentions so far."""

    norm: str
    pub: tuple[int, int] | None
    starts: dict[int, list[str]]
    index: Index
    default_country: str | None
    specs: list[Spec] = field(default_factory=list)
    text: str = ""
    omap: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    # -- the dictionary at a position ---------------------------------------------------
    def keys(self, p: int, ptype: str) -> list[tuple[int, Payload]]:
        """(end, payload) of every dictionary key of type ``ptype`` starting at ``p``, longest first."""
        out = []
        for key in self.starts.get(p, ()):
            if ptype == "organ_word" and len(key) == 1 and is_kanji(self.norm[p + 1:p + 2]) \
                    and not any(pl.type in ("organ_word", "title") for k in self.starts.get(p + 1, ())
                                for pl in self.index.payloads[k]):
                continue                     # 軍 in 軍事, 側 in 側近; not 「軍参謀本部」「軍報道官」
            if ptype == "title" and self.norm.startswith(("選", "候補"), p + len(key)):
                continue                     # 「大統領選」「首相候補」: the race, not the holder
            for pl in self.index.payloads[key]:
                if pl.type == ptype:
                    out.append((p + len(key), pl))
        return out

    def first(self, p: int, ptype: str) -> tuple[int, Payload] | None:
        if p not in self.starts:  # (most positions: asked at each by several rules)
            return None
        found = self.keys(p, ptype)
        return found[0] if found else None

    def reading(self, q: int, abbreviation: bool = False) -> int:
        """Skip a bracketed reading right after a name (「(キム・ジョンウン)」), or with
        ``abbreviation`` the letters after a body's name (「米通商代表部（USTR）」)."""
        norm = self.norm
        if q < len(norm) and norm[q] in "(（":
            close = norm.find(")", q + 1, q + 24)
            inner = norm[q + 1:close] if close > 0 else ""
            if inner and all(is_katakana(c) or is_hiragana(c) or c in "・ ="
                             or abbreviation and (c.isascii() and c.isalnum() or c in "-&.") for c in inner):
                return close + 1
        return q

    def english_name(self, q: int) -> str | None:
        """The person's name in English in brackets right after position q, as the foreign
        ministry's pages give it (「…外務大臣（H.E. Mr. Bakhtiyor Saidov, Minister of …）」):
        the id of a person the dictionary lacks (English Wikipedia titles are such names)."""
        m = _ENGLISH_NAME.match(self.norm, q)
        if m is None:
            return None
        return " ".join("-".join(x.capitalize() for x in w.split("-")) if len(w) > 1 and w.isupper() else w
                        for w in m.group(1).split())

    def title_chain(self, q: int) -> tuple[int | None, list[str]]:
        """Titles right after position q (「朝鮮労働党委員長」「元国務次官」); returns the end of the last."""
        last, titles, r = None, [], q
        for _ in range(6):
            t = self.first(r, "title")
            if t is None and r < len(self.norm) and self.norm[r] in "元前現新":
                t2 = self.first(r + 1, "title")
                if t2 is not None:
                    t = t2
            if t is not None:
                r = t[0]
                last = r
                titles.append(t[1].value or "")
                continue
            # 「国務省」「米通商代表部（USTR）」 between a name and its title: the body the title is of
            org = [x for x in self.keys(r, "name") if x[1].actor.kind in ("organisation", "state")] \
                or self.keys(r, "organ")
            if org:
                r = self.reading(org[0][0], abbreviation=True)
                continue
            break
        return last, titles

    # -- what was found before a position ---------------------------------------------------
    def sentence_start(self, p: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, p) - 1
        return self.sentence_starts[max(i, 0)]

    def organ_named_before(self, p: int, word: str) -> str | None:
        """The state of the last mention before p that named this organ with its state
        (「ニジェールの軍事政権は…。…軍事政権は」: Niger's, whichever state was named in between)."""
        return next((s.country for s in reversed(self.specs) if s.end <= p and s.country and s.country != "IGO"
                     and s.end - s.start > len(word) and self.norm[s.start:s.end].endswith(word)), None)

    def nearest_country(self, p: int, foreign: bool = False) -> str | None:
        """The country of the last state or organ named before p, in any sentence; with ``foreign``
        (an organ the paper's own state has not, 「国防省」「大統領府」), a person's too, never its own."""
        for s in reversed(self.specs):
            if s.end <= p and s.country and s.country not in ("IGO", self.default_country if foreign else None) \
                    and (s.kind in ("state", "capital") or foreign and s.kind == "person"):
                return s.country
        return None

    def own_organ_country(self, p: int, quoted: bool, word: str = "") -> str | None:
        """Whose a bare organ (「政府」「国防省」「警察」) is: the paper's own, unless its sentence so far is about
        one foreign state alone, through a person acting (「プーチン大統領は…国防省に対し」) or a place in it
        where things happen (「エクアドルの首都キトで…警察の部隊が」), or, for one's government or country
        (``quoted``), said in the words of one named before (「アビー首相は「わが国の…」」; a foreigner's
        「閣僚の…参拝中止」 is not his), or the organ ``word`` is one a story that names nothing of the paper's
        own country named for a foreign state before (「【北京時事】中国外務省は…。…外務省報道官は」)."""
        lo, q = self.sentence_start(p), self.norm.rfind("「", 0, p)
        here = [s for s in self.specs if lo <= s.start and s.end <= p and s.country and s.kind != "stop"]
        if said := [s for s in here if s.end <= q and s.kind == "person"] if q > self.norm.rfind("」", 0, p) else []:
            return said[-1].country if quoted else self.default_country
        scene = [s for s in here if s.kind in ("capital", "place") and self.norm.startswith("で", s.end)]
        if word in _LOCAL_ORGANS and scene:  # 「ストックホルムで…集会が当局に許可された」: the authorities of where it is
            return scene[-1].country
        countries = {s.country for s in here if s.country != "IGO"}
        if len(countries) == 1 and self.default_country not in countries \
                and any(s.kind == "person" and self.norm.startswith(("は", "も"), s.end)
                        or s.kind in ("capital", "place") and self.norm.startswith("で", s.end) for s in here):
            return next(iter(countries))
        if word and (named := self.organ_named_before(p, word)) not in (None, self.default_country) \
                and not any(s.country == self.default_country for s in self.specs if s.end <= p):
            return named
        return self.default_country

    def context_country(self, p: int) -> str | None:
        """The country of an unnamed group at ``p``: that of the last name in its sentence, but not a
        diplomat's or mission's unless the group is theirs (「ソウルの日本大使館前で、市民団体が…」「外務省の
        幹部は…、一部の市民団体は」: not the mission's or ministry's state; 「大使館の職員」: the mission's)."""
        lo = self.sentence_start(p)
        for s in reversed(self.specs):
            if s.end <= lo:
                break
            if s.country and s.country != "IGO" and s.kind != "stop" \
                    and not (s.sector == "DIP" and self.norm[s.end:p] not in ("", "の")):
                return s.country
        return None

    def coordinated_country(self, p: int) -> str | None:
        """The country of a mention joined to position p by や/と/、 (「韓国国会や政府」), or right
        before it (「アラブ首長国連邦（ＵＡＥ）政府」), or whose topic the organ word continues
        (「韓国も政府による救援隊の派遣」)."""
        gap = self.norm[self.specs[-1].end:p] if self.specs else None
        if gap is not None and (gap in ("や", "と", "、", "・", ",", "及", "も", "は", "では", "(", "（", "", ")", "）")
                                or _GLOSS.fullmatch(gap)):
            s = self.specs[-1]
            if s.country and s.country != "IGO" and s.kind != "stop":
                return s.country
        return None

    def persons(self) -> Iterable[Spec]:
        """The persons named so far, the latest first."""
        for s in reversed(self.specs):
            if s.kind == "person" and s.actor is not None:
                yield s

    # -- who holds a title -----------------------------------------------------------------
    def resolve(self, candidates: list[Actor], title: str) -> Actor | None:
        """The candidate holding ``title`` at the publication date (else the latest mentioned, else latest)."""
        compatible = [a for a in candidates if a.has_title(title)]
        if not compatible:
            return None
        recent = [s.actor for s in self.persons() if s.actor in compatible]
        pub = self.pub
        if pub is not None:
            active = [a for a in compatible if a.holds(title, pub)]
            if active:
                for a in recent:
                    if a in active:
                        return a
                return max(active, key=lambda a: max(r.start for r in a.roles if r.title == title))
        if recent:
            return recent[0]
        if pub is None:
            return max(compatible, key=lambda a: max(r.start for r in a.roles if r.title == title))

        def distance(a: Actor) -> int:
            return min(min(abs(r.start - pub[0]), abs(r.end - pub[1])) for r in a.roles if r.title == title)
        return min(compatible, key=distance)

    def resolve_holder(self, cands: list[Actor], title: str,
                       when: tuple[int, int] | None = None, posted_here: bool = False) -> Actor | None:
        """The holder of a state's title (「ロシアの外相」) at the publication date (or ``when``);
        undated, the one named last. An envoy's title (``POSTED_TITLES``) names the holder only
        when posted to the paper's state (``posted_here``: 「ロシアの駐日大使」) or named before."""
        when = when or self.pub
        if when is None:
            recent = [s.actor for s in self.persons() if s.actor in cands and s.actor.has_title(title)]
            return recent[0] if recent else None
        active = [a for a in cands if a.holds(title, when)]
        if title in POSTED_TITLES and not posted_here:
            # a state has an envoy in every capital: 「ロシアの大使」 in Tallinn is not the one in
            # Tokyo the dictionary knows, unless the text has named him
            return next((s.actor for s in self.persons() if s.actor in active), None)
        if len(active) <= 1:
            return active[0] if active else None
        # several hold it: the one the text has named, else the newcomer of a handover (every
        # other holder's term has an end); an office many hold at once (a state's ambassadors,
        # its party leaders) names none of them
        named = [s.actor for s in self.persons() if s.actor in active]
        if named:
            return named[0]
        newest = max(active, key=lambda a: max(r.start for r in a.roles if r.title == title))
        handover = all(any(r.title == title and not r.ongoing for r in a.roles) for a in active if a is not newest)
        return newest if handover else None

    def leader(self, state: Actor, p: int, named_only: bool = False,
               offices: tuple[str, ...] | None = None) -> Actor | None:
        """A state's leader (its 首脳, 「日米首脳会談」 at ``p``): a person of the state the text
        names in one of its leader's offices (the last before ``p``, else the first after:
        「南北首脳会談で…金正恩委員長と文在寅大統領」), in office at the publication date if
        one is; else, unless ``named_only``, the holder of the first such office at the date a
        year next to it gives (「2018年4月の南北首脳会談」) or at the publication date.
        ``offices`` asks for another office than the leader's (「日ロ外相会談」: the 外相)."""
        offices = offices or state.leader

        def led(a: Any) -> bool:
            return isinstance(a, Actor) and a.kind == "person" and a.country == state.id \
                and any(a.has_title(t) for t in offices)
        named = [s.actor for s in self.persons() if led(s.actor)]
        named += [pl.actor for q in sorted(k for k in self.starts if k > p) for key in self.starts[q]
                  for pl in self.index.payloads[key] if pl.type == "name" and led(pl.actor)]
        current = [a for a in named if any(a.holds(t, self.pub) for t in offices)]
        if current or named:
            return (current or named)[0]
        if named_only:
            return None
        year = _YEAR_BEFORE.search(self.norm, max(0, p - 12), p) or _YEAR_AFTER.match(self.norm, p)
        when = date_bounds(f"{year[1]}-{int(year[2]):02d}" if year[2] else year[1]) if year else None
        for title in offices:
            holder = self.resolve_holder(self.index.people_of(state.id), title, when)
            if holder is not None:
                return holder
        return None


#: Bare organs that act where things happen (the police and authorities of a place named with で).
_LOCAL_ORGANS = frozenset({"当局", "警察", "警察当局", "治安当局", "検察"})
