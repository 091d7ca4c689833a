"""Who stood for each side (gaiko.events.delegations), on mentions built by hand."""

from gaiko.events.delegations import hand_to_people, sides_named
from gaiko.records import ActorMention, Event


def _m(text: str, sentence: str, ident: str, country: str, kind: str) -> tuple[int, int, ActorMention]:
    start = sentence.index(text)
    return start, start + len(text), ActorMention(start, start + len(text), text, ident, country, kind)


SENTENCE = "米側はベッセント財務長官、中国側は何立峰副首相が出席した。"
MENTIONS = [_m("米側", SENTENCE, "USA", "USA", "state"), _m("ベッセント財務長官", SENTENCE, "Scott Bessent", "USA", "person"),
            _m("中国側", SENTENCE, "CHN", "CHN", "state"), _m("何立峰副首相", SENTENCE, "He Lifeng", "CHN", "person")]


def _event(kind: str, a: str, b: str) -> Event:
    return Event(doc="d", type=kind, status="occurred", source=[{"id": a, "country": a, "text": a}],
                 target=[{"id": b, "country": b, "text": b}], evidence="")


def test_each_side_with_a_person_of_its_own_names_its_delegate():
    people = sides_named(SENTENCE, MENTIONS)
    assert {c: m.id for c, m in people.items()} == {"USA": "Scott Bessent", "CHN": "He Lifeng"}


def test_no_verb_of_attending_names_no_delegates():
    text = "米側はベッセント財務長官、中国側は何立峰副首相の発言を批判した。"
    assert sides_named(text, MENTIONS) == {}


def test_talks_between_those_two_states_go_to_their_people_and_nothing_else_does():
    people = sides_named(SENTENCE, MENTIONS)
    talks, deal, other, sanction = (_event("CONSULT", "CHN", "USA"), _event("AGREE", "USA", "CHN"),
                                    _event("CONSULT", "USA", "JPN"), _event("SANCTION", "USA", "CHN"))
    hand_to_people([talks, deal, other, sanction], people)
    assert [a["id"] for a in talks.source + talks.target] == ["He Lifeng", "Scott Bessent"]
    assert [a["id"] for a in deal.source + deal.target] == ["Scott Bessent", "He Lifeng"]
    assert other.target[0]["id"] == "JPN" and sanction.source[0]["id"] == "USA"
