"""Whom an act is aimed at, exactly: the sentence set (tests/data) matches actors as the scorer does
(each expected id among those found), so a name wrongly added beside the right one is tested here."""

from __future__ import annotations

from gaiko.options import Options
from gaiko.pipeline import extract_documents
from gaiko.records import Document


def _targets(text: str, published: str) -> list[tuple[str, list[str]]]:
    doc = Document(id="t", text=text, published=published)
    return [(ev.type, [a.get("id") or a.get("country") for a in ev.target])
            for x in extract_documents([doc], Options(progress=False)) for ev in x.events]


def test_a_state_named_with_tono_inside_what_is_asked_is_not_asked():
    # 「トルコとの国境」 is a place in what is asked; the sentence names whom it asks (…に対し)
    assert _targets("国連のグテレス事務総長はアサド政権に対し、トルコとの国境にある検問所を追加で開放するよう求めた。",
                    "2023-02-14") == [("REQUEST", ["SYR"])]


def test_a_state_named_with_tono_is_asked_where_no_one_else_is():
    # with no addressee named, the partner named with との stays a target (「北朝鮮との対話を求めた」 is
    # read as before)
    got = _targets("韓国政府は、北朝鮮との対話に応じるよう求めた。", "2024-05-10")
    assert got and all("PRK" in targets for _, targets in got)
