"""Whom an act is aimed at, exactly: the sentence set (tests/data) matches actors as the scorer does
(each expected id among those found), so a name wrongly added beside the right one is tested here."""

from __future__ import annotations

from gaiko.options import Options
from gaiko.pipeline import extract_documents
from gaiko.records import Document


def _targets(text: str, published: str) -> list[tuple[str, list[str]]]:
    doc = Document(id="t", text=text, published=published)
    return [(ev.type, [a.get("id") or a.get("country") for a in ev.target])
            for x in extract_documents([doc], Options(progress=False)) for ev in x.events]


def test_a_state_named_with_tono_inside_what_is_asked_is_not_asked():
    # 「トルコとの国境」 is a place in what is asked; the sentence names whom it asks (…に対し)
    assert _targets("国連のグテレス事務総長はアサド政権に対し、トルコとの国境にある検問所を追加で開放するよう求めた。",
                    "2023-02-14") == [("REQUEST", ["SYR"])]


def test_a_state_named_with_tono_is_asked_where_no_one_else_is():
    # with no addressee named, the partner named with との stays a target (「北朝鮮との対話を求めた」 is
    # read as before)
    got = _targets("韓国政府は、北朝鮮との対話に応じるよう求めた。", "2024-05-10")
    assert got and all("PRK" in targets for _, targets in got)


def test_a_measure_at_home_on_no_one_named_is_no_international_act():
    got = _targets("アルジェリアのラマムラ外相は、同国政府がテロ組織に指定した分離独立派が放火に関与したと主張した。",
                   "2021-08-25")
    assert not [t for t, _ in got if t == "SANCTION"]


def test_a_measure_at_home_on_a_body_named_is_still_one():
    # (the junta's designation of the opposition government: gold codes it, as a body with an article)
    got = _targets("ミャンマー国軍は、民主派の挙国一致政府（ＮＵＧ）を「テロ組織」に指定した。", "2021-05-10")
    assert ("SANCTION", ["National Unity Government of Myanmar"]) in got


def test_a_place_named_for_the_dead_is_no_one_met():
    got = _targets("安倍首相は１４日、テヘラン市内のホメイニ師廟を訪れた後、帰国の途に就いた。", "2019-06-15")
    assert not [t for _, targets in got for t in targets if t == "Ruhollah Khomeini"]


def test_a_states_force_is_not_aimed_at_its_own_leader():
    got = _targets("トランプ大統領は１５日、米軍がベネズエラ沖の公海上で麻薬を運んでいた船を攻撃したと明らかにした。", "2025-09-16")
    assert not [t for kind, targets in got if kind == "ASSAULT" for t in targets if t in ("Donald Trump", "USA")]


def test_troops_sent_to_ones_own_coast_are_aimed_at_no_one_at_home():
    got = _targets("ベネズエラのマドゥロ政権は、カリブ海沿岸に兵士２万５０００人を増派した。", "2025-09-16")
    assert not [t for kind, targets in got if kind == "MOBILIZE" for t in targets if t == "VEN"]


def test_the_body_whose_resolutions_are_broken_is_not_whom_a_verdict_judges():
    got = _targets("韓国政府は２８日、「国連安保理決議に明白に違反する」と非難した。", "2024-05-28")
    assert not [t for _, targets in got for t in targets if t == "United Nations Security Council"]


def test_the_state_a_meeting_is_held_in_is_not_whom_its_warning_is_aimed_at():
    got = _targets("ＥＣＯＷＡＳはナイジェリアの首都アブジャで緊急首脳会議を開き、１週間以内に憲法秩序が回復されなければ"
                   "武力行使を含むあらゆる措置を取ると警告した。", "2023-08-06")
    assert not [t for _, targets in got for t in targets if t == "NGA"]
