"""States as a whole (国際社会, 各国, 西側諸国): an actor with no one state (gold/README.md: country null).

They take no state from the names around them, and they may act (「西側諸国は…非難した」) or be
addressed (「国際社会に…呼びかけた」); a group known by neither name nor state otherwise does not act.
"""

from __future__ import annotations

from gaiko.options import Options
from gaiko.pipeline import extract_documents
from gaiko.records import Document


def _events(text: str, published: str = "2025-02-03") -> list[dict]:
    doc = Document(id="t", text=text, published=published)
    return [ev.to_dict() for x in extract_documents([doc], Options(progress=False)) for ev in x.events]


def _sides(ev: dict) -> tuple[list, list]:
    return [(a["id"], a["country"]) for a in ev["source"]], [(a["id"], a["country"]) for a in ev["target"]]


def test_an_appeal_to_the_international_community_is_addressed_to_no_one_state():
    evs = _events("国連のグテレス事務総長は２日、国際社会に緊急の支援を呼びかけた。")
    assert [(e["type"], _sides(e)) for e in evs] == [
        ("REQUEST", ([("António Guterres", "IGO")], [(None, None)]))]


def test_a_request_to_the_neighbours_does_not_take_the_asking_state():
    evs = _events("イラン外務省は、周辺国に自制を求めた。")
    assert [(e["type"], _sides(e)) for e in evs] == [("REQUEST", ([("IRN", "IRN")], [(None, None)]))]


def test_western_states_condemning_act_together():
    evs = _events("西側諸国は、北朝鮮のミサイル発射を強く非難した。")
    accuse = [e for e in evs if e["type"] == "ACCUSE"]
    assert [_sides(e) for e in accuse] == [([(None, None)], [("PRK", "PRK")])]


def test_netizens_still_do_not_act():
    assert not [e for e in _events("ネットユーザーは、北朝鮮を批判した。") if e["type"] == "ACCUSE"]


def test_the_leaders_of_the_states_at_a_summit_are_no_one_state():
    # (not the other state of the story: Russia is not whom Ukraine asks for air defence)
    evs = _events("ロシアはウクライナへの攻撃を続けている。首脳会議に出席したウクライナのゼレンスキー大統領は、"
                  "各国首脳に防空システムの追加供与を求めた。")
    requests = [e for e in evs if e["type"] == "REQUEST"]
    assert [_sides(e) for e in requests] == [([("Volodymyr Zelenskyy", "UKR")], [(None, None)])]
