"""How events are dated through a document (gaiko.time.events.EventDates): the date in
the event's sentence, 「同日」 after an earlier sentence, the date a statement takes
from its meeting, the wire dateline's day and place, and no occurred event dated
after its paper by a relative expression. Hand-written sentences, hand-built events."""

from __future__ import annotations

from frames import arg, frame

from gaiko.records import ActorMention, Event, Mention
from gaiko.time.events import EventDates

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金委員長"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン大統領"}


def _event(type_: str, status: str = "occurred", start: int = 0, evidence: str = "…", **kw) -> Event:
    return Event(doc="d", type=type_, status=status, source=[KIM], target=[PUTIN], evidence=evidence,
                 mentions=[Mention("d", start, start + 10)], **kw)


def _date_in(dates: EventDates, sentence: str, word: str, type_: str = "CONSULT", paragraph: int = 0) -> Event:
    f = frame(sentence, word, type_, source=[arg(sentence, "金委員長", "subj", "は")],
              target=[arg(sentence, "プーチン大統領", "com", "と")])
    ev = _event(type_, evidence=sentence)
    dates.date(ev, f, [f], [f], sentence, [], [(0, 4)], paragraph)
    dates.sentence_done(sentence)
    return ev


def test_an_event_takes_the_day_its_sentence_names():
    ev = _date_in(EventDates("2024-06-20"), "金委員長は19日、プーチン大統領と会談した。", "会談")
    assert (ev.date, ev.date_text) == ("2024-06-19", "19日")


def test_that_day_is_the_day_an_earlier_sentence_named():
    dates = EventDates("2024-06-20")
    dates.sentence_done("プーチン大統領は19日未明、平壌に到着した。")
    ev = _date_in(dates, "金委員長は同日、プーチン大統領と会談した。", "会談")
    assert ev.date == "2024-06-19"


def test_a_statement_without_a_date_takes_its_meetings():
    dates = EventDates("2024-06-20")
    _date_in(dates, "金委員長は19日、プーチン大統領と会談した。", "会談")
    said = _date_in(dates, "金委員長はプーチン大統領に支持を表明した。", "支持", "SUPPORT")
    assert (said.date, said.date_text) == ("2024-06-19", "19日")


def test_an_undated_act_that_is_no_statement_stays_undated():
    dates = EventDates("2024-06-20")
    _date_in(dates, "金委員長は19日、プーチン大統領と会談した。", "会談")
    drill = _date_in(dates, "金委員長はプーチン大統領と演習を視察した。", "演習", "MOBILIZE")
    assert drill.date is None


def test_a_statement_takes_no_meeting_from_paragraphs_far_back():
    dates = EventDates("2024-06-20")
    _date_in(dates, "金委員長は19日、プーチン大統領と会談した。", "会談", paragraph=0)
    said = _date_in(dates, "金委員長はプーチン大統領に支持を表明した。", "支持", "SUPPORT", paragraph=9)
    assert said.date is None


TEXT = "［北京　２０日　ロイター］ - 金委員長はプーチン大統領と協議した。\n\n金委員長は会談した。"


class _S:
    def __init__(self, start: int, end: int, paragraph: int) -> None:
        self.start, self.end, self.paragraph = start, end, paragraph


SENTENCES = [_S(0, TEXT.index("\n"), 0), _S(TEXT.rindex("金"), len(TEXT), 1)]
BEIJING = ActorMention(1, 3, "北京", "Beijing", "CHN", "capital", place="Beijing")


def test_the_datelines_day_dates_an_undated_lead_event():
    lead, later = _event("CONSULT", start=16), _event("CONSULT", start=SENTENCES[1].start)
    EventDates("2024-06-21").apply_dateline(TEXT, [lead, later], SENTENCES, [BEIJING])
    assert (lead.date, lead.date_text) == ("2024-06-20", "２０日")
    assert later.date is None


def test_the_datelines_place_is_where_the_lead_paragraph_happened():
    lead, later = _event("CONSULT", start=16), _event("CONSULT", start=SENTENCES[1].start)
    EventDates("2024-06-21").apply_dateline(TEXT, [lead, later], SENTENCES, [BEIJING])
    assert lead.location == {"id": "Beijing", "country": "CHN", "text": "北京"}
    assert later.location is None


def test_a_lead_event_keeps_its_own_date_over_the_datelines():
    lead = _event("CONSULT", start=16, date="2024-06-18", date_text="18日")
    EventDates("2024-06-21").apply_dateline(TEXT, [lead], SENTENCES, [BEIJING])
    assert lead.date == "2024-06-18"


def test_a_relative_date_after_the_paper_is_dropped_for_what_occurred():
    ev = _event("CONSULT", date="2024-08", date_text="8月")
    EventDates("2024-06-21").check_not_after([ev])
    assert (ev.date, ev.date_text) == (None, None)


def test_an_absolute_date_after_the_paper_stands_as_written():
    ev = _event("CONSULT", date="2024-08", date_text="2024年8月")
    EventDates("2024-06-21").check_not_after([ev])
    assert ev.date == "2024-08"


def test_a_planned_event_may_be_dated_after_the_paper():
    ev = _event("CONSULT", status="planned", date="2024-08", date_text="8月")
    EventDates("2024-06-21").check_not_after([ev])
    assert ev.date == "2024-08"


def test_a_statement_takes_the_day_of_the_press_conference_it_was_made_at():
    # 「記者会見」 is a trigger (会見) that made no event: to the accusation said there it owns no day,
    # while an act that is not said keeps the day away from it
    sentence = "中国は20日の記者会見で、日本を非難した。"
    china, japan = arg(sentence, "中国", "subj", "は"), arg(sentence, "日本", "obj", "を")
    press = frame(sentence, "会見", "CONSULT", predicative=False)
    said = frame(sentence, "非難", "ACCUSE", source=[china], target=[japan])
    ev = Event(doc="d", type="ACCUSE", status="occurred", source=[], target=[], evidence=sentence,
               mentions=[Mention("d", 0, len(sentence))])
    EventDates("2024-06-21").date(ev, said, [press, said], [said], sentence, [], [(0, 2)], 0)
    assert ev.date == "2024-06-20"
    done = frame(sentence, "非難", "ASSAULT", source=[china], target=[japan])
    other = Event(doc="d", type="ASSAULT", status="occurred", source=[], target=[], evidence=sentence,
                  mentions=[Mention("d", 0, len(sentence))])
    EventDates("2024-06-21").date(other, done, [press, done], [done], sentence, [], [(0, 2)], 0)
    assert other.date is None


def test_an_event_dated_by_a_year_alone_leaves_doujitsu_the_day_named_before_it():
    # 「同日」 is a day: 「2020年に…会談」 in between is not what it means
    dates = EventDates("2024-06-20")
    _date_in(dates, "金委員長は19日、プーチン大統領と会談した。", "会談")
    _date_in(dates, "金委員長は2020年、プーチン大統領と会談した。", "会談")
    ev = _date_in(dates, "金委員長は同日、プーチン大統領と会談した。", "会談")
    assert ev.date == "2024-06-19"


def test_doujitsu_is_not_the_day_a_period_starts_when_the_sentence_tells_of_another():
    # 「28日、…29日から1か月間閉鎖すると決めた」: the decision's day, not the closure's first
    dates = EventDates("2025-10-30")
    dates.sentence_done("リトアニア政府は28日、国境検問所を29日から1か月間閉鎖すると決めた。")
    ev = _date_in(dates, "金委員長は同日、プーチン大統領と会談した。", "会談")
    assert ev.date == "2025-10-28"
    dates = EventDates("2025-10-30")  # (a start with no other day named is still that day)
    dates.sentence_done("国境検問所は29日から閉鎖される。")
    assert _date_in(dates, "金委員長は同日、プーチン大統領と会談した。", "会談").date == "2025-10-29"
