"""Places: the offline gazetteer that turns an event's location name into
coordinates, country, first-level division and GeoNames id."""

from __future__ import annotations

import pytest

from gaiko.places import Gazetteer, enrich, resolve


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("text, name, country, admin1", [
    ("平壌", "Pyongyang", "PRK", "KP.12"),            # GeoNames' own Japanese name
    ("釜山", "Busan", "KOR", "KR.10"),
    ("ウラジオストク", "Vladivostok", "RUS", "RU.59"),
    ("ハバナ", "Havana", "CUB", "CU.02"),
    ("ピョンヤン", "Pyongyang", "PRK", "KP.12"),       # the actor dictionary's alias
    ("北京市内", "Beijing", "CHN", "CN.22"),           # a suffix that names no other place
    ("ケニア・ナイロビ", "Nairobi", "KEN", "KE.05"),    # the most specific part of a list
    ("クレムリン", "Moscow Kremlin", "RUS", "RU.48"),   # a landmark from the data file
    ("慶尚北道", "North Gyeongsang Province", "KOR", "KR.14"),
])
def test_japanese_names_resolve_to_the_place_with_its_division(gaz, text, name, country, admin1):
    place = gaz.resolve({"text": text})
    assert (place.name, place.country, place.admin1) == (name, country, admin1)
    assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180


def test_a_landmark_takes_the_geonames_id_of_the_city_it_stands_in(gaz):
    tokyo = gaz.resolve({"text": "東京"})
    shrine = gaz.resolve({"text": "靖国神社前"})
    assert shrine.name == "Yasukuni Shrine" and shrine.kind == "landmark"
    assert shrine.geonameid == tokyo.geonameid == 1850147
    assert abs(shrine.latitude - tokyo.latitude) < 0.1


def test_countries_and_visit_words_resolve_to_the_country(gaz):
    for text, iso3 in (("北朝鮮西岸付近", "PRK"), ("台湾周辺", "TWN"), ("来日", "JPN"), ("ケニア", "KEN")):
        place = gaz.resolve({"text": text})
        assert (place.kind, place.country) == ("country", iso3), text
    assert gaz.resolve({"id": "PRK", "country": "PRK", "text": "北朝鮮"}).geonameid == 1873107


def test_the_english_id_wins_and_ambiguous_names_go_to_the_events_country(gaz):
    # Washington is a town in England too: the US capital is the one in the USA
    assert gaz.resolve({"id": "Washington", "country": "USA"}).admin1 == "US.DC"
    assert gaz.by_name("Moscow", "RUS").country == "RUS"
    # a name GeoNames does not hold falls back to the country the event names
    place = gaz.resolve({"id": None, "country": "RUS", "text": "どこか知らない町"})
    assert (place.kind, place.country) == ("country", "RUS")
    assert gaz.resolve({"id": None, "country": None, "text": "どこか知らない町"}) is None


def test_every_place_and_capital_of_the_actor_dictionary_resolves(gaz):
    assert gaz.unresolved == []


def test_enrich_adds_the_place_and_keeps_the_extractors_fields():
    loc = {"id": "Pyongyang", "country": "PRK", "text": "平壌"}
    out = enrich(loc)
    assert {k: out[k] for k in loc} == loc
    assert (out["place"], out["geonameid"], out["place_country"]) == ("Pyongyang", 1871859, "PRK")
    assert round(out["latitude"], 1) == 39.0 and round(out["longitude"], 1) == 125.8
    assert enrich(None) is None
    unknown = enrich({"id": None, "country": None, "text": "どこか知らない町"})
    assert "latitude" not in unknown and unknown["text"] == "どこか知らない町"
    assert resolve({"text": "釜山"}).name == "Busan"


def test_a_bad_data_entry_names_the_file_and_entry(tmp_path, gaz):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: Nowhere, lat: 1, kind: city, country: JPN}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml: entry 1 .*Nowhere"):
        Gazetteer().load_data(bad)
