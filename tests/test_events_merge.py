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


def test_a_meeting_reported_twice_with_swapped_sides_is_one_event():
    a = Event(doc="d", type="CONSULT", status="occurred", source=[JPN], target=[USA], evidence="…",
              mentions=[Mention("d", 0, 40)])
    b = Event(doc="d", type="CONSULT", status="occurred", source=[USA], target=[JPN], evidence="…",
              mentions=[Mention("d", 41, 90)])
    assert len(merge_events([a, b])) == 1
