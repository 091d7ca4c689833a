"""Scoring as shared/spec/EVENTS.md defines it (gaiko.evaluate)."""

from gaiko.evaluate import normalise_id, score


def ev(doc, type, src, tgt, date=None, status="occurred"):
    def actors(items):
        return [{"id": i, "country": c, "text": "x"} for i, c in items]
    return {"doc": doc, "type": type, "source": actors(src), "target": actors(tgt), "date": date, "status": status}


def test_normalise_id_follows_the_spec():
    assert normalise_id("Kim Yong-chol") == normalise_id("Kim Yong Chol")
    assert normalise_id("Raul Castro") == normalise_id("Raúl Castro")
    assert normalise_id("Wang Yi (politician)") == normalise_id("Wang Yi")
    assert normalise_id(None) is None


def test_perfect_match_scores_one_at_every_level():
    g = [ev("d", "CONSULT", [("Kim Jong Un", "PRK")], [("Vladimir Putin", "RUS")], "2023-09")]
    s = score(g, g)
    assert {k: v.f1 for k, v in s.items()} == {"dyad": 1.0, "actor": 1.0, "full": 1.0}


def test_symmetric_types_are_unordered_but_others_are_not():
    g = [ev("d", "CONSULT", [("A", "USA")], [("B", "PRK")]), ev("d", "ACCUSE", [("A", "USA")], [("B", "PRK")])]
    s = [ev("d", "CONSULT", [("B", "PRK")], [("A", "USA")]), ev("d", "ACCUSE", [("B", "PRK")], [("A", "USA")])]
    out = score(g, s)
    assert out["dyad"].matched == 1 and out["actor"].matched == 1


def test_null_gold_id_matches_by_country_and_wrong_id_fails_actor_level():
    g = [ev("d", "PROTEST", [(None, "KOR")], [("JPN", "JPN")]),
         ev("d", "REQUEST", [("Kim Jong Un", "PRK")], [("RUS", "RUS")])]
    s = [ev("d", "PROTEST", [("Someone", "KOR")], [("JPN", "JPN")]),
         ev("d", "REQUEST", [("Kim Yo Jong", "PRK")], [("RUS", "RUS")])]
    out = score(g, s)
    assert out["dyad"].matched == 2
    assert out["actor"].matched == 1


def test_full_level_needs_date_and_status():
    g = [ev("d", "AID", [("PRK", "PRK")], [("RUS", "RUS")], "2024-01", "occurred")]
    assert score(g, [ev("d", "AID", [("PRK", "PRK")], [("RUS", "RUS")], "2024-01", "planned")])["full"].matched == 0
    assert score(g, [ev("d", "AID", [("PRK", "PRK")], [("RUS", "RUS")], "2024-01-02", "occurred")])["full"].matched == 0
    assert score(g, [ev("d", "AID", [("PRK", "PRK")], [("RUS", "RUS")], "2024-01", "occurred")])["full"].matched == 1


def test_matching_is_one_to_one_and_maximal():
    # greedy pairing of the first system event with the first gold would lose one match
    g = [ev("d", "CONSULT", [("A", "USA")], [("B", "PRK")]), ev("d", "CONSULT", [("A", "USA")], [("C", "PRK")])]
    s = [ev("d", "CONSULT", [("A", "USA")], [("B", "PRK"), ("C", "PRK")]), ev("d", "CONSULT", [("A", "USA")], [("B", "PRK")])]
    out = score(g, s)
    assert out["actor"].matched == 2
    assert out["actor"].precision == 1.0


def test_events_are_matched_within_their_document_only():
    g = [ev("a", "AID", [("PRK", "PRK")], [("RUS", "RUS")])]
    s = [ev("b", "AID", [("PRK", "PRK")], [("RUS", "RUS")])]
    out = score(g, s)
    assert out["dyad"].matched == 0 and out["dyad"].system == 1 and out["dyad"].gold == 1
