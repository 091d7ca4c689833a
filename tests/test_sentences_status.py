"""Sentence splitting before the parse, and status from modality."""

import pytest

from gaiko.events.status import status_of
from gaiko.nlp.sentences import split_sentences


def spans(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_end_at_final_marks_outside_quotes_and_at_lines():
    text = "北朝鮮は「合意した。協力する。」と発表した。次の文\n\n 三つ目！"
    assert spans(text) == ["北朝鮮は「合意した。協力する。」と発表した。", "次の文", "三つ目！"]


def test_sentence_offsets_point_into_the_text():
    text = "  一つ目。\n二つ目。"
    for s, e in split_sentences(text):
        assert text[s:e].strip() == text[s:e] and text[s:e]


def test_a_fronted_quote_is_one_sentence_with_the_one_that_says_who_said_it():
    text = "「侵略は断じて許されない」。首相は演説で、こう強調した。「別の引用だ」。大統領は帰国した。"
    assert spans(text) == ["「侵略は断じて許されない」。首相は演説で、こう強調した。", "「別の引用だ」。", "大統領は帰国した。"]
    # (not across a line break: a quote that ends a paragraph is its own)
    assert spans("「引用だ」。\n首相はこう述べた。") == ["「引用だ」。", "首相はこう述べた。"]


def test_very_long_sentences_are_cut():
    text = "あ" * 10000
    assert sum(e - s for s, e in split_sentences(text)) == 10000
    assert all(e - s <= 4000 for s, e in split_sentences(text))


@pytest.mark.parametrize("window,expected", [
    ("した。", "occurred"),
    ("する予定だ。", "planned"),
    ("する見通しだ。", "planned"),
    ("することを望んでいる。", "planned"),
    ("する方向で調整している。", "planned"),
    ("したとの見方が出ている。", "possible"),
    ("する可能性がある。", "possible"),
    ("したとみられる。", "possible"),
    ("したか。", "possible"),
    ("しなかった。", "denied"),
    ("は中止された。", "denied"),
    ("は行われていない。", "denied"),
    ("したという。", "occurred"),
    ("する予定だが、行われないかもしれない。", "planned"),
])
def test_status_from_modality(window, expected):
    assert status_of(window, sentence_end=True) == expected
