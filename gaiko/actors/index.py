"""The compiled form of the raw dictionary entries: actors, payloads per key, the automaton."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .normalise import normalise_key
from ..identity import normalise_id

_FAR_PAST = 0
_FAR_FUTURE = 99991231
#: The titles whose holder is a state's leader (its 首脳), first the likeliest, for states whose
#: entry gives no ``leader`` of its own: a president over a premier (a monarch is never the 首脳).
DEFAULT_LEADER = ("大統領", "国家主席", "総統", "総書記", "国務委員長", "首相")


def date_bounds(value: Any) -> tuple[int, int]:
    """(first day, last day) of a YYYY / YYYY-MM / YYYY-MM-DD value as yyyymmdd ints; open when None."""
    if value is None:
        return _FAR_PAST, _FAR_FUTURE
    if isinstance(value, datetime.date):
        n = value.year * 10000 + value.month * 100 + value.day
        return n, n
    parts = [int(p) for p in str(value).split("-")]
    y = parts[0]
    if len(parts) == 1:
        return y * 10000 + 101, y * 10000 + 1231
    m = parts[1]
    if len(parts) == 2:
        return y * 10000 + m * 100 + 1, y * 10000 + m * 100 + 31
    n = y * 10000 + m * 100 + parts[2]
    return n, n


@dataclass(frozen=True)
class Role:
    title: str          # canonical title (an id in the title vocabulary)
    surface: str        # as written in the entry
    start: int
    end: int

    @property
    def ongoing(self) -> bool:
        """Held with no end given (still in office as far as the dictionary knows)."""
        return self.end >= _FAR_FUTURE


@dataclass(eq=False)
class Actor:
    id: str
    kind: str
    country: str | None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    surnames: tuple[str, ...] = ()
    start: int = _FAR_PAST
    end: int = _FAR_FUTURE
    standalone: frozenset[str] = frozenset()
    generic: tuple[str, ...] = ()
    leader: tuple[str, ...] = ()  # a state's: the titles whose holder is its 首脳, first the likeliest

    def valid_at(self, pub: tuple[int, int] | None) -> bool:
        return pub is None or (self.start <= pub[1] and pub[0] <= self.end)

    def holds(self, title: str, pub: tuple[int, int] | None) -> bool:
        return any(r.title == title and (pub is None or (r.start <= pub[1] and pub[0] <= r.end))
                   for r in self.roles)

    def has_title(self, title: str) -> bool:
        return any(r.title == title for r in self.roles)

    def title_suffix(self, surface: str) -> bool:
        return any(r.title.endswith(surface) or r.surface.endswith(surface) for r in self.roles)


@dataclass(frozen=True)
class Payload:
    type: str                 # name | capital | organ | surname | title | organ_word | group_word | short | pair | stopword
    actor: Actor | None = None
    sector: str | None = None
    value: str | None = None  # canonical title, capital's place id, ...
    country: str | None = None  # a group word's own nationality (邦人: JPN)
    stateless: bool = False     # a group word of states as a whole (各国, 国際社会): no state from context


@dataclass
class Index:
    payloads: dict[str, list[Payload]] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    legislatures: dict[tuple[str, str], Actor] = field(default_factory=dict)
    bare_organs: set[str] = field(default_factory=set)
    automaton: Any = None
    #: per key, the lengths of the aliases it was folded from (see ``linker._SHORT_KEY``)
    written: dict[str, set[int]] = field(default_factory=dict)
    #: the people of each country, for who holds a state's title (built by ``finish``)
    people: dict[str | None, list[Actor]] = field(default_factory=dict)
    #: the people by their id as the scoring compares ids (``identity.normalise_id``), for a
    #: name the text gives in English (built by ``finish``)
    by_id: dict[str, Actor] = field(default_factory=dict)
    #: per person, the last parts of the katakana names they are written by, for another spelling
    #: of them (「ペゼシキアン」 for ペゼシュキアン; built by ``finish``)
    katakana_names: dict[int, set[str]] = field(default_factory=dict)

    def put(self, alias: str, payload: Payload) -> None:
        key = normalise_key(alias)
        if key:
            self.written.setdefault(key, set()).add(len(alias.strip()))
            bucket = self.payloads.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)

    def people_of(self, country: str | None) -> list[Actor]:
        """The people the dictionary gives ``country``: the candidates for its titles."""
        return self.people.get(country, [])

    def finish(self) -> None:
        for actor in self.actors:
            if actor.kind == "person":
                self.people.setdefault(actor.country, []).append(actor)
                self.by_id.setdefault(normalise_id(actor.id) or "", actor)
        for key, payloads in self.payloads.items():
            last = _NAME_PARTS.split(key)[-1]
            if _KATAKANA.fullmatch(last):
                for pl in payloads:
                    if pl.type == "name" and pl.actor is not None and pl.actor.kind == "person":
                        self.katakana_names.setdefault(id(pl.actor), set()).add(last)
        auto = ahocorasick.Automaton()
        for key in self.payloads:
            auto.add_word(key, key)
        if self.payloads:
            auto.make_automaton()
        self.automaton = auto


#: States whose people the Japanese press names family name first, even in katakana
#: (「キム・ジョンウン」「オルバン・ビクトル」「ミン・アウン・フライン」): their last part is no surname.
_FAMILY_FIRST = {"JPN", "KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "HUN", "MMR", "KHM", "SGP"}
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
#: What parts a written name: 「レジェップ・タイップ・エルドアン」「キム＝ジョンウン」.
_NAME_PARTS = re.compile(r"[・=＝ ]")
#: Parts of Arabic and other names that are no surname (「ムハンマド・ビン・サルマン」).
_NAME_PARTICLES = ("ビン", "ブン", "イブン", "アル", "アッ", "エル", "ファン", "フォン", "デ", "ダ", "ド", "ラ")


#: What a state's formal name adds to its short one, as the foreign ministry writes it before a
#: title (「ブラジル連邦共和国大統領」「ベトナム社会主義共和国首相」「イラン・イスラム共和国外務大臣」).
#: (Not a bare 「国」: 「イラン国営テレビ」 is the state's television, not 「イラン国」.)
FORMAL_SUFFIXES = ("共和国", "連邦共和国", "社会主義共和国", "民主社会主義共和国", "人民民主共和国", "民主共和国",
                   "人民共和国", "イスラム共和国", "連邦民主共和国", "協同共和国", "連合共和国", "王国", "連合王国",
                   "連邦", "首長国", "公国", "大公国", "合衆国", "多民族国", "独立国", "アラブ共和国",
                   "ボリバル共和国", "東方共和国")


def formal_names(alias: str) -> list[str]:
    """The formal names of a state written in katakana (「ブラジル」 → 「ブラジル連邦共和国」,
    「イラン・イスラム共和国」); none for a name in kanji or one already formal."""
    if not _KATAKANA.fullmatch(alias) or len(alias) < 2:
        return []
    return [alias + ("・" if _KATAKANA.match(suffix) else "") + suffix for suffix in FORMAL_SUFFIXES]


def derived_surnames(entry: dict) -> list[str]:
    """The surname a person's katakana full names end in (「イルファーン・アリ」 → アリ), for an
    entry that lists none: the press writes a foreign leader by surname and title (「アリ大統領」).
    A surname only ever matches with a title or 氏 (rule 3), so a short one is safe; none is
    derived for names written family name first, or where a name particle stands before it."""
    if entry.get("country") in _FAMILY_FIRST:
        return []
    out: list[str] = []
    for alias in entry.get("aliases", []):
        parts = [p for p in _NAME_PARTS.split(alias) if p]
        if len(parts) < 2 or not all(_KATAKANA.fullmatch(p) for p in parts):
            continue
        last, before = parts[-1], parts[-2]
        if len(last) >= 2 and before not in _NAME_PARTICLES and last not in out:
            out.append(last)
    return out


def build_index(entries: list[dict[str, Any]]) -> Index:
    index = Index()
    canon: dict[str, str] = {}
    for e in entries:
        if e["kind"] == "title":
            for a in e["aliases"]:
                canon.setdefault(a, e.get("id") or e["aliases"][0])
    for e in entries:
        kind = e["kind"]
        if kind in ("title", "organ_word", "group_word", "stopword"):
            ident = e.get("id") or e["aliases"][0]
            for a in e["aliases"]:
                index.put(a, Payload(kind, sector=e.get("sector"), value=ident if kind != "title" else canon.get(a, ident),
                                     country=e.get("country") if kind == "group_word" else None,
                                     stateless=kind == "group_word" and "country" in e and e["country"] is None))
            if kind == "organ_word":
                index.bare_organs.update(normalise_key(b) for b in e.get("bare", []))
            continue
        start, _ = date_bounds(e.get("start"))
        _, end = date_bounds(e.get("end"))
        roles = []
        for r in e.get("roles", []):
            rs, _ = date_bounds(r.get("start"))
            _, re_ = date_bounds(r.get("end"))
            roles.append(Role(canon.get(r["title"], r["title"]), r["title"], rs, re_))
        surnames = e.get("surname") or (derived_surnames(e) if kind == "person" else [])
        actor = Actor(id=e["id"], kind=kind, country=e.get("country") if kind != "state" else e["id"],
                      sector=e.get("sector"), roles=tuple(roles), surnames=tuple(surnames),
                      start=start, end=end, standalone=frozenset(e.get("standalone", [])),
                      generic=tuple(e.get("generic", [])),
                      leader=(tuple(canon.get(t, t) for t in e.get("leader", [])) or DEFAULT_LEADER)
                      if kind == "state" else ())
        index.actors.append(actor)
        for a in e.get("aliases", []):
            index.put(a, Payload("name", actor))
            for formal in formal_names(a) if kind == "state" else ():
                index.put(formal, Payload("name", actor))
        for s in surnames:
            index.put(s, Payload("surname", actor))
        for g in actor.generic:
            index.legislatures[(actor.country or "", normalise_key(g))] = actor
        if kind == "state":
            for s in e.get("short", []):
                index.put(s, Payload("short", actor))
            for s in e.get("short_pair", []):
                index.put(s, Payload("pair", actor))
            cap = e.get("capital")
            if cap:
                for a in cap["aliases"]:
                    index.put(a, Payload("capital", actor, value=cap["id"]))
            for organ in e.get("organs", []):
                for a in organ["aliases"]:
                    index.put(a, Payload("organ", actor, sector=organ.get("sector")))
    index.finish()
    return index
