"""Geocoding accuracy on the development gold: of the gold events' locations, the
share resolved to the right place.

For each gold ``location`` that names a place (an ``id``; the few with a null id,
such as 「朝鮮半島東の海上」, name no place and are counted apart), the truth is the
place its English title (or ISO3 code) names in the gazetteer, and the guess is
what gaiko resolves from the Japanese ``text`` alone, then from the text and the
country (as the extractor hands it over).  A guess is right when it is the same
GeoNames place, lies within 50 km of the truth (「靖国神社前」 for Tokyo), or, for a
gold country, is in that country.  Every miss is printed.

    .venv/bin/python benchmarks/geocoding.py            # seeds, livedoor, news (dev sets)
    .venv/bin/python benchmarks/geocoding.py --geonames-only   # without gaiko's data files

With ``--geonames-only`` the guesses come from GeoNames' cities, the countries and
the actor dictionary alone, without ``gaiko/places/data/`` (written with the dev
sets' locations in view, so the full figure is an optimistic one); the truth is
still the full gazetteer's.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from gaiko.places.gazetteer import Gazetteer, Place

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"
DEV_SETS = ("seeds", "livedoor", "news")
NEAR_KM = 50.0


def km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def right(guess: Place | None, truth: Place) -> bool:
    if guess is None:
        return False
    if truth.kind == "country":
        return guess.country == truth.country
    if truth.geonameid is not None and guess.geonameid == truth.geonameid:
        return True
    return guess.name == truth.name or km(guess, truth) <= NEAR_KM


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--geonames-only", action="store_true", help="guess without gaiko's data files")
    args = parser.parse_args()
    truth_g = Gazetteer.default()
    g = truth_g
    if args.geonames_only:
        g = Gazetteer()
        g.load_countries()
        g.load_cities()
        g.load_actor_places()
    totals = {"text": 0, "text+country": 0}
    n = unnamed = no_truth = 0
    for name in DEV_SETS:
        path = Path(args.gold) / f"{name}.jsonl"
        set_n = set_ok = set_ok_c = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            loc = json.loads(line).get("location")
            if not loc:
                continue
            if not loc.get("id"):
                unnamed += 1
                continue
            truth = truth_g.by_name(loc["id"], loc.get("country"))
            if truth is None:
                no_truth += 1
                print(f"  {name}: no place for the gold id {loc['id']!r}")
                continue
            by_text = g.resolve({"text": loc["text"]})
            by_both = g.resolve({"text": loc["text"], "country": loc.get("country")})
            set_n += 1
            set_ok += right(by_text, truth)
            set_ok_c += right(by_both, truth)
            if not right(by_text, truth):
                print(f"  {name}: miss {loc['text']!r} → {by_text and by_text.name!r} (gold {truth.name})")
        print(f"{name}: {set_n} gold locations; text alone {set_ok}/{set_n}, text + country {set_ok_c}/{set_n}")
        n += set_n
        totals["text"] += set_ok
        totals["text+country"] += set_ok_c
    for k, v in totals.items():
        print(f"all dev sets, {k}: {v}/{n} = {v / n:.3f}")
    print(f"(not scored: {unnamed} gold locations with a null id, {no_truth} whose id names no place)")


if __name__ == "__main__":
    main()
