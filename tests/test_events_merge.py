"""The in-document merge (gaiko.events.merge): repeated mentions of one interaction
become one event; distinct interactions stay apart."""

from __future__ import annotations

from gaiko.events.merge import merge_events
from gaiko.records import Event, Mention

JPN = {"id": "Shigeru Ishiba", "country": "JPN", "text": "石破首相"}
USA = {"id": "Donald Trump", "country": "USA", "text": "トランプ大統領"}


def _agree(start: int, end: int, date: str | None = "2025-02-07") -> Event:
    return Event(doc="d", type="AGREE", status="occurred", source=[JPN], target=[USA], evidence="…",
                 date=date, mentions=[Mention("d", start, end)])


def test_two_agreed_points_of_one_sentence_stay_two():
    """「…で一致したほか、…でも一致した」: a readout's agreed points are events of their own."""
    assert len(merge_events([_agree(0, 80), _agree(0, 80)])) == 2


def test_an_agreement_repeated_in_a_later_sentence_is_one_event():
    merged = merge_events([_agree(0, 80), _agree(81, 150, date=None)])
    assert len(merged) == 1
    assert [(m.start, m.end) for m in merged[0].mentions] == [(0, 80), (81, 150)]


def _said(type_: str, start: int, evidence: str) -> Event:
    """One readout sentence's act between the pair, at ``start``."""
    return Event(doc="d", type=type_, status="occurred", source=[JPN], target=[USA], evidence=evidence,
                 date="2025-02-07", mentions=[Mention("d", start, start + len(evidence))])


def test_agreed_items_of_a_readout_in_two_sentences_stay_two_but_a_lead_and_its_detail_are_one():
    lead = _said("AGREE", 0, "両首脳は、日米同盟の抑止力を強化することで一致した。")
    detail = _said("AGREE", 40, "日米同盟の抑止力・対処力の一層の強化で合意した。")
    other = _said("AGREE", 80, "両首脳はまた、液化天然ガスの輸入拡大でも合意した。")
    assert len(merge_events([lead, detail])) == 1
    assert len(merge_events([lead, other])) == 2


def test_an_agreement_referred_back_to_is_the_one_reported_whatever_else_its_sentence_says():
    signed = _said("AGREE", 0, "両首脳は、和平合意に署名した。")
    praised = _said("AGREE", 20, "国連のグテレス事務総長は、両国の合意を「歴史的な一歩だ」と評価した。")
    assert len(merge_events([signed, praised])) == 1


def test_cooperation_items_of_a_readout_stay_two_but_one_told_twice_is_one():
    """A readout's distinct items of cooperation are a COOPERATE each, as its agreed points are."""
    first = _said("COOPERATE", 0, "日米関係の一層の強化に向けて緊密に協力したい旨述べました。")
    other = _said("COOPERATE", 40, "両首脳は、北朝鮮の核・ミサイル問題について安保理決議の履行に向けて連携していくことを確認しました。")
    again = _said("COOPERATE", 90, "両首脳は、日米関係の一層の強化に向けて協力していくことを確認しました。")
    assert len(merge_events([first, other])) == 2
    assert len(merge_events([first, again])) == 1


def test_a_meeting_reported_twice_with_swapped_sides_is_one_event():
    a = Event(doc="d", type="CONSULT", status="occurred", source=[JPN], target=[USA], evidence="…",
              mentions=[Mention("d", 0, 40)])
    b = Event(doc="d", type="CONSULT", status="occurred", source=[USA], target=[JPN], evidence="…",
              mentions=[Mention("d", 41, 90)])
    assert len(merge_events([a, b])) == 1



def test_a_meeting_of_three_split_two_ways_is_one_event():
    """「AとBは…Cと会談した。３首脳は会談後…」: the same three, however a sentence splits them."""
    kor = {"id": "Lee Jae-myung", "country": "KOR", "text": "李大統領"}
    a = Event(doc="d", type="CONSULT", status="occurred", source=[JPN, USA], target=[kor], evidence="…",
              mentions=[Mention("d", 0, 40)])
    b = Event(doc="d", type="CONSULT", status="occurred", source=[JPN], target=[USA, kor], evidence="…",
              mentions=[Mention("d", 41, 90)])
    assert len(merge_events([a, b])) == 1
    c = Event(doc="d", type="CONSULT", status="occurred", source=[JPN], target=[kor], evidence="…",
              mentions=[Mention("d", 91, 130)])
    assert len(merge_events([a, c])) == 2  # two of the three meeting alone are another meeting

RUS = {"id": "RUS", "country": "RUS", "text": "ロシア"}
CHOE = {"id": "Choe Son Hui", "country": "PRK", "text": "崔外相"}
LAVROV = {"id": "Sergey Lavrov", "country": "RUS", "text": "ラブロフ外相"}


def _event(type_: str, source: dict, target: dict, start: int, *, date: str | None = None,
           status: str = "occurred", evidence: str = "…", **kw) -> Event:
    return Event(doc="d", type=type_, status=status, source=[source], target=[target], evidence=evidence,
                 date=date, mentions=[Mention("d", start, start + 20)], **kw)


def test_a_letter_stays_apart_from_a_meeting_of_the_same_two_on_the_same_day():
    """The gold rule: a letter is its own CONSULT (mode letter), not folded into the summit it
    prepares, though the same two leaders and the same day are named."""
    meet = Event(doc="d", type="CONSULT", mode="meet", status="planned", source=[USA], target=[JPN],
                 evidence="…", date="2025-02-07", mentions=[Mention("d", 0, 40)])
    letter = Event(doc="d", type="CONSULT", mode="letter", status="planned", source=[JPN], target=[USA],
                   evidence="…", date="2025-02-07", mentions=[Mention("d", 41, 90)])
    assert [e.mode for e in merge_events([meet, letter])] == ["meet", "letter"]


def test_one_act_on_two_different_days_is_two_events():
    merged = merge_events([_event("ACCUSE", JPN, USA, 0, date="2025-02-07"),
                           _event("ACCUSE", JPN, USA, 30, date="2025-03-01")])
    assert len(merged) == 2


def test_a_month_and_a_day_in_it_are_one_event_with_the_day_and_its_sentence():
    merged = merge_events([_event("ACCUSE", JPN, USA, 0, date="2025-02", evidence="2月に非難した。"),
                           _event("ACCUSE", JPN, USA, 30, date="2025-02-07", evidence="7日に非難した。")])
    assert len(merged) == 1
    assert (merged[0].date, merged[0].evidence) == ("2025-02-07", "7日に非難した。")


def test_the_accusation_of_one_side_is_not_the_other_sides():
    assert len(merge_events([_event("ACCUSE", JPN, USA, 0), _event("ACCUSE", USA, JPN, 30)])) == 2


def test_what_was_held_beats_what_was_planned_and_keeps_its_day():
    plan = _event("CONSULT", JPN, USA, 0, date="2025-02", status="planned")
    held = _event("CONSULT", JPN, USA, 30, date="2025-02-07")
    merged = merge_events([plan, held])
    assert len(merged) == 1
    assert (merged[0].status, merged[0].date) == ("occurred", "2025-02-07")


def test_a_plan_overtaken_within_a_month_by_the_meeting_is_one_event():
    plan = _event("CONSULT", JPN, USA, 0, date="2025-01-20", status="planned")
    held = _event("CONSULT", JPN, USA, 30, date="2025-02-07")
    assert len(merge_events([plan, held])) == 1


def test_a_plan_months_before_a_meeting_is_another_event():
    plan = _event("CONSULT", JPN, USA, 0, date="2024-10-20", status="planned")
    held = _event("CONSULT", JPN, USA, 30, date="2025-02-07")
    assert len(merge_events([plan, held])) == 2


def test_a_visit_to_a_state_and_the_meeting_with_its_host_that_day_are_one():
    visit = _event("CONSULT", CHOE, RUS, 0, date="2024-01-16", mode="visit")
    meeting = _event("CONSULT", CHOE, LAVROV, 30, date="2024-01-16")
    merged = merge_events([visit, meeting])
    assert len(merged) == 1
    assert merged[0].target == [RUS, LAVROV] and merged[0].mode == "visit"


def test_a_stay_in_a_state_folds_into_the_meeting_held_there():
    stay = _event("CONSULT", CHOE, RUS, 0, date="2024-01-15", mode="visit")
    meeting = _event("CONSULT", CHOE, LAVROV, 30, date="2024-01-16", mode="meet")
    merged = merge_events([stay, meeting])
    assert len(merged) == 1
    assert merged[0].target == [LAVROV]
    assert [m.start for m in merged[0].mentions] == [30, 0]


def test_a_visit_told_with_no_date_may_be_another_trip():
    trip = _event("CONSULT", CHOE, RUS, 0, mode="visit", evidence="崔氏はロシアを訪問した。")
    meeting = _event("CONSULT", CHOE, LAVROV, 300, date="2024-01-16", mode="meet")
    assert len(merge_events([trip, meeting])) == 2


def test_a_visit_told_as_the_first_in_a_while_is_the_one_reported():
    trip = _event("CONSULT", CHOE, RUS, 0, mode="visit", evidence="崔氏がロシアを訪れるのは昨年以来だ。")
    meeting = _event("CONSULT", CHOE, LAVROV, 300, date="2024-01-16", mode="meet")
    assert len(merge_events([trip, meeting])) == 1


def test_a_dated_visit_folds_into_an_undated_meeting_told_right_after_it():
    stay = _event("CONSULT", CHOE, RUS, 0, date="2024-01-15", mode="visit")  # mention [0, 20)
    right_after = _event("CONSULT", CHOE, LAVROV, 21, mode="meet")
    later = _event("CONSULT", CHOE, LAVROV, 200, mode="meet")
    assert len(merge_events([stay, right_after])) == 1
    assert len(merge_events([stay, later])) == 2


def test_the_first_known_place_and_mode_are_kept():
    here = {"id": "Pyongyang", "country": "PRK", "text": "平壌"}
    merged = merge_events([_event("ACCUSE", JPN, USA, 0), _event("ACCUSE", JPN, USA, 30, location=here, mode="x")])
    assert merged[0].location == here and merged[0].mode == "x"


def test_thanks_and_backing_between_one_pair_stay_two_but_one_backing_told_twice_is_one():
    """「ウォン外相から、歓迎に謝意が表明された」 and 「…全面的な支持を得た」: two acts of one side; a backing
    told in the lead and again in the body is one."""
    def support(start: int, mode: str | None) -> Event:
        return Event(doc="d", type="SUPPORT", mode=mode, status="occurred", source=[USA], target=[JPN],
                     evidence="…", date="2025-02-07", mentions=[Mention("d", start, start + 30)])
    assert len(merge_events([support(0, "thanks"), support(40, "endorse")])) == 2
    assert len(merge_events([support(0, "endorse"), support(40, "endorse")])) == 1
