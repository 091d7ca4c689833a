"""The pair of states a document is about completes acts that name one side only (gaiko.events.topic)."""

from __future__ import annotations

from gaiko.events.topic import topic_pair
from gaiko.options import Options
from gaiko.pipeline import extract_documents
from gaiko.records import ActorMention, Document


def extract_events(text: str, published: str) -> list[dict]:
    doc = Document(id="t", text=text, published=published)
    return [ev.to_dict() for x in extract_documents([doc], Options(progress=False)) for ev in x.events]


def _m(start: int, text: str, country: str | None, kind: str = "state", id_: str | None = "same") -> ActorMention:
    return ActorMention(start, start + len(text), text, country if id_ == "same" else id_, country, kind)


def test_the_pair_is_the_two_states_named_most_before_any_act():
    mentions = [_m(0, "中国", "CHN"), _m(5, "習主席", "CHN", "person", "Xi Jinping"), _m(9, "日本", "JPN"),
                _m(14, "米国", "USA"), _m(20, "日本政府", "JPN"), _m(30, "国連", "IGO")]
    pair = topic_pair([], mentions)
    assert set(pair) == {"CHN", "JPN"}
    # each stands in as a state, with the text of its first mention as a state
    assert pair["CHN"].id == "CHN" and pair["CHN"].text == "中国" and pair["JPN"].text == "日本"


def test_no_pair_for_a_document_about_one_state():
    assert topic_pair([], [_m(0, "中国", "CHN"), _m(5, "中国政府", "CHN")]) is None


def test_a_request_naming_only_its_maker_is_made_of_the_other_state_of_the_story():
    text = ("日本政府は3日、中国に対し、拘束されている日本人社員の早期解放を求めた。"
            "中国外務省の報道官は4日の記者会見で「法に基づいて処理している」と述べ、解放には応じない考えを示した。")
    got = {(e["type"], tuple(a["id"] for a in e["source"]), tuple(a["id"] for a in e["target"]))
           for e in extract_events(text, "2025-04-05")}
    assert ("REQUEST", ("JPN",), ("CHN",)) in got  # the addressee of the main verb, past the passive clause
    assert ("REJECT", ("CHN",), ("JPN",)) in got   # refused to Japan, the other state of the story
    assert ("COERCE", ("CHN",), (None,)) in got or ("COERCE", ("CHN",), ("JPN",)) in got


def test_a_meeting_naming_one_side_is_not_completed_from_the_story():
    # only the types marked topical (types.csv): a meeting's other side is not guessed
    text = "中国の王毅外相は日本の立場を批判した。中国は日本に抗議した。王氏はその後、会談に臨んだ。"
    got = [e for e in extract_events(text, "2025-04-05") if e["type"] == "CONSULT"]
    assert got == []
