"""Folds (gaiko.events.folds): triggers that are another's content leave, triggers that
are one event become one, on hand-written sentences with hand-built frames."""

from __future__ import annotations

from frames import arg, frame, keys

from gaiko.events.folds import (drop_content, drop_non_acts, fold_claims, fold_letters, fold_quoted,
                                fold_visits)


def test_a_visit_asked_for_is_the_requests_content_and_its_agent_the_addressee():
    text = "金委員長はプーチン大統領の訪朝を要請した。"
    visit = frame(text, "訪朝", "CONSULT", mode="visit", predicative=False,
                  gens=[arg(text, "プーチン大統領", "gen", "の")])
    request = frame(text, "要請", "REQUEST", source=[arg(text, "金委員長", "subj", "は")])
    drop_content(text, [visit, request])
    assert visit.drop and not request.drop
    assert keys(request.target) == ["Vladimir Putin"]


def test_an_act_accused_stays_an_event():
    text = "日本はロシアの侵攻を非難した。"
    invasion = frame(text, "侵攻", "ASSAULT", predicative=False, gens=[arg(text, "ロシア", "gen", "の")])
    accusation = frame(text, "非難", "ACCUSE", source=[arg(text, "日本", "subj", "は")])
    drop_content(text, [invasion, accusation])
    assert not invasion.drop


def test_a_nominal_trigger_that_is_only_a_topic_leaves():
    text = "米国は発射実験について説明した。"
    test = frame(text, "発射実験", "MOBILIZE", predicative=False)
    drop_content(text, [test])
    assert test.drop


def test_a_visit_and_the_meeting_with_its_host_are_one_visit():
    text = "ブリンケン長官は中国を訪問し、習主席と会談した。"
    blinken = arg(text, "ブリンケン長官", "subj", "は")
    visit = frame(text, "訪問", "CONSULT", mode="visit", source=[blinken], target=[arg(text, "中国", "obj", "を")])
    meeting = frame(text, "会談", "CONSULT", mode="meet", source=[blinken], target=[arg(text, "習主席", "com", "と")])
    fold_visits([visit, meeting])
    assert meeting.drop and not visit.drop
    assert keys(visit.target) == ["Xi Jinping"]


def test_a_visit_that_is_only_the_meetings_setting_leaves():
    text = "尹大統領は訪韓中のブリンケン長官と会談した。"
    visit = frame(text, "訪韓", "CONSULT", mode="visit", predicative=False,
                  source=[arg(text, "ブリンケン長官", "com", "と")])
    meeting = frame(text, "会談", "CONSULT", mode="meet", source=[arg(text, "尹大統領", "subj", "は")],
                    target=[arg(text, "ブリンケン長官", "com", "と")])
    fold_visits([visit, meeting])
    assert visit.drop and not meeting.drop


def test_a_letter_handed_over_after_a_meeting_goes_to_the_one_met():
    text = "金氏はカストロ議長と会見し、親書を手渡した。"
    kim = arg(text, "金氏", "subj", "は")
    meeting = frame(text, "会見", "CONSULT", mode="meet", source=[kim], target=[arg(text, "カストロ議長", "com", "と")])
    letter = frame(text, "手渡", "CONSULT", mode="letter", source=[kim])
    fold_letters([meeting, letter], text)
    assert keys(letter.target) == ["Raúl Castro"]


def test_a_letters_noun_and_its_handing_over_are_one_letter():
    text = "金氏は親書を手渡した。"
    noun = frame(text, "親書", "CONSULT", mode="letter", predicative=False)
    verb = frame(text, "手渡", "CONSULT", mode="letter", source=[arg(text, "金氏", "subj", "は")])
    fold_letters([noun, verb], text)
    assert verb.drop and not noun.drop
    assert keys(noun.source) == ["Kim Jong Un"]


def test_a_denied_report_denies_the_act_it_reports():
    text = "ロシアは北朝鮮と会談したとの報道を否定した。"
    meeting = frame(text, "会談", "CONSULT", mode="meet")
    denial = frame(text, "否定", "REJECT", source=[arg(text, "ロシア", "subj", "は")])
    fold_claims(text, [meeting, denial])
    assert denial.drop
    assert meeting.status == "denied"


def test_a_demand_of_a_protest_is_part_of_the_protest():
    text = "市民らは謝罪を求めるデモを行った。"
    demand = frame(text, "求める", "REQUEST")
    protest = frame(text, "デモ", "PROTEST", predicative=False)
    fold_claims(text, [demand, protest])
    assert demand.drop and not protest.drop


def test_words_quoted_as_an_accusation_are_its_content():
    text = "北朝鮮は「米国は日本を支援している」と非難した。"
    support = frame(text, "支援", "SUPPORT")
    accusation = frame(text, "非難", "ACCUSE", source=[arg(text, "北朝鮮", "subj", "は")])
    fold_quoted(text, [support, accusation])
    assert support.drop and not accusation.drop


def test_a_condition_is_no_event():
    text = "北朝鮮が発射した場合、日本は抗議する。"
    launch = frame(text, "発射", "MOBILIZE")
    drop_non_acts(text, [launch])
    assert launch.drop


def test_an_act_stated_plainly_stays():
    text = "北朝鮮が発射した。"
    launch = frame(text, "発射", "MOBILIZE")
    drop_non_acts(text, [launch])
    assert not launch.drop
