"""Roles one frame of a sentence lends another (gaiko.events.lending), on hand-written
sentences with hand-built frames: what each rule fills, and that it fills only what is empty."""

from __future__ import annotations

from frames import arg, frame, keys

from gaiko.events.lending import lend_between


def test_an_answer_is_aimed_at_those_it_answers_and_back():
    text = "米国の演習に対抗して、北朝鮮は発射実験を行った。"
    drill = frame(text, "演習", "MOBILIZE", predicative=False, source=[arg(text, "米国", "gen", "の")])
    test = frame(text, "発射実験", "MOBILIZE", predicative=False, source=[arg(text, "北朝鮮", "subj", "は")])
    lend_between([drill, test], text, [], {})
    assert keys(test.target) == ["USA"]
    assert keys(drill.target) == ["PRK"]


def test_an_answer_keeps_the_target_it_names():
    text = "米国の演習に対抗して、北朝鮮は日本に警告した。"
    drill = frame(text, "演習", "MOBILIZE", predicative=False, source=[arg(text, "米国", "gen", "の")])
    warning = frame(text, "警告", "THREATEN", source=[arg(text, "北朝鮮", "subj", "は")],
                    target=[arg(text, "日本", "dat", "に")])
    lend_between([drill, warning], text, [], {})
    assert keys(warning.target) == ["JPN"]


def test_help_goes_to_the_one_it_enables():
    text = "ロシアの支援を受けて北朝鮮は衛星を打ち上げた。"
    prk = arg(text, "北朝鮮", "subj", "は")
    aid = frame(text, "支援", "AID", predicative=False, source=[arg(text, "ロシア", "gen", "の")])
    lend_between([aid], text, [prk], {})
    assert keys(aid.target) == ["PRK"]


def test_a_refusal_on_a_visit_with_no_agent_is_the_hosts():
    text = "議員団は韓国を訪問したが、入国を拒否された。"
    visit = frame(text, "訪問", "CONSULT", mode="visit", target=[arg(text, "韓国", "obj", "を")])
    refusal = frame(text, "拒否", "REJECT", passive=True)
    lend_between([visit, refusal], text, [], {})
    assert keys(refusal.source) == ["KOR"]


def test_what_a_letter_asks_is_asked_of_its_addressee():
    text = "金氏はカストロ議長に宛てた親書のなかで、首脳会談の仲介を要請した。"
    kim = arg(text, "金氏", "subj", "は")
    letter = frame(text, "親書", "CONSULT", mode="letter", predicative=False, source=[kim],
                   target=[arg(text, "カストロ議長", "dat", "に")])
    request = frame(text, "要請", "REQUEST")
    lend_between([letter, request], text, [kim], {})
    assert keys(request.target) == ["Raúl Castro"]
    assert keys(request.source) == ["Kim Jong Un"]
