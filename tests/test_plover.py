"""PLOVER facts (gaiko.plover, read from gaiko/plover/data/types.csv): one line a type,
and the sets the extractor, the merges and the charts rely on."""

from __future__ import annotations

from gaiko import plover


def test_every_type_has_a_score_a_colour_and_a_quad_class():
    for t in plover.PLOVER_TYPES:
        assert -1.0 <= plover.SCORES[t] <= 1.0
        assert plover.TYPE_COLOURS[t].startswith("#") and len(plover.TYPE_COLOURS[t]) == 7
        assert plover.QUAD_CLASS[t] in plover.QUAD_NAMES
    assert len(set(plover.TYPE_COLOURS.values())) == len(plover.PLOVER_TYPES)


def test_the_type_sets_hold_only_plover_types():
    for name in ("SYMMETRIC_TYPES", "SPEECH_TYPES", "SAID_TYPES", "ADDRESSED_TYPES", "EVALUATIVE_TYPES",
                 "AIMED_AT_FOREIGN", "TARGETLESS", "TOPICAL"):
        assert set(getattr(plover, name)) <= set(plover.PLOVER_TYPES), name


def test_speech_acts_are_dated_by_their_saying_except_an_agreement():
    # an agreement is a speech type (「…で合意したと表明」) but is dated as the act agreed
    assert plover.SAID_TYPES == plover.SPEECH_TYPES - {"AGREE"}


def test_meetings_agreements_and_cooperation_have_no_direction():
    assert set(plover.SYMMETRIC_TYPES) == {"CONSULT", "AGREE", "COOPERATE"}


def test_records_name_the_same_types():
    from gaiko import records

    assert records.PLOVER_TYPES is plover.PLOVER_TYPES
    assert records.SYMMETRIC_TYPES is plover.SYMMETRIC_TYPES
