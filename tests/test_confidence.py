"""A confidence per event: what it rests on, the fitted weights, and sources combined."""

from __future__ import annotations

import pytest

from gaiko import confidence as conf
from gaiko.records import Event

KIM = {"id": "Kim Jong Un", "country": "PRK", "text": "金正恩"}
PUTIN = {"id": "Vladimir Putin", "country": "RUS", "text": "プーチン"}
FISHER = {"id": None, "country": "CHN", "text": "中国人船員"}
SENTENCE = "金正恩氏はプーチン氏と会談した。"


def record(**kw):
    return {"type": "CONSULT", "status": "occurred", "source": [KIM], "target": [PUTIN], "evidence": SENTENCE, **kw}


def test_weights_cover_the_models_features_and_nothing_else():
    w = conf.weights()
    assert set(w) == {"intercept", *conf.FEATURES}
    assert set(conf.FEATURES) <= set(conf.CANDIDATES)


def test_what_an_event_rests_on_moves_its_confidence():
    plain = conf.confidence(record(), {"sentence_chars": len(SENTENCE)})
    assert 0 < plain < 1
    # an unnamed actor, an actor carried over from another sentence, no target: each less sure
    assert conf.confidence(record(target=[FISHER])) < plain
    assert conf.confidence(record(), {"guessed": True, "sentence_chars": len(SENTENCE)}) < plain
    assert conf.confidence(record(target=[])) < plain


def test_basis_marks_actors_not_named_in_the_sentence():
    ev = Event("d", "CONSULT", "occurred", [KIM], [PUTIN], SENTENCE)
    assert conf.basis_of(ev, parsed=True, sentence=SENTENCE, events_in_sentence=1)["guessed"] is False
    other = Event("d", "CONSULT", "occurred", [KIM], [PUTIN], "両氏は会談した。")
    basis = conf.basis_of(other, parsed=False, sentence="両氏は会談した。", events_in_sentence=2)
    assert basis == {"parsed": False, "guessed": True, "events_in_sentence": 2, "sentence_chars": 8}


def test_independent_reports_combine_as_a_noisy_or():
    assert conf.combine(0.5, 0.6) == 0.8
    assert conf.combine(None, 0.6) == 0.6 and conf.combine(0.5, None) == 0.5
    assert conf.combine(0.7, 0.7) > 0.7


def test_bad_weights_file_is_named(tmp_path, monkeypatch):
    bad = tmp_path / "w.yaml"
    bad.write_text("weights: {intercept: 1.0, guessed: 0.1}\n", encoding="utf-8")
    monkeypatch.setattr(conf, "WEIGHTS", bad)
    conf.weights.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"w\.yaml: weights missing for"):
            conf.weights()
    finally:
        conf.weights.cache_clear()


@pytest.mark.parser
def test_the_pipeline_gives_each_event_a_confidence_and_its_basis():
    from gaiko.options import Options
    from gaiko.pipeline import extract_documents
    from gaiko.records import Document

    doc = Document("d", "北朝鮮の金正恩総書記が15日、平壌でプーチン大統領と会談した。", published="2024-06-16")
    (x,) = extract_documents([doc], Options(progress=False))
    (ev,) = x.events
    assert 0 < ev.confidence < 1
    assert ev.basis["guessed"] is False and ev.basis["events_in_sentence"] == 1
    assert ev.to_dict()["confidence"] == ev.confidence and "basis" in ev.to_dict(explain=True)
