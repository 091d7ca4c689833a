"""The whole pipeline: what `gaiko extract` gives follows shared/spec/EVENTS.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko.documents import load_documents
from gaiko.options import Options
from gaiko.pipeline import extract_documents
from gaiko.records import CONSULT_MODES, PLOVER_TYPES, STATUSES, Document, Rejected

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
FIELDS = {"doc", "type", "mode", "status", "source", "target", "date", "date_end", "date_text",
          "location", "evidence", "mentions"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY = re.compile(r"^([A-Z]{3}|IGO)$")

pytestmark = pytest.mark.parser


def _check_actor(actor: dict) -> None:
    assert set(actor) <= {"id", "country", "text", "sector"} and {"id", "country", "text"} <= set(actor)
    assert actor["id"] is None or (isinstance(actor["id"], str) and actor["id"])
    assert actor["country"] is None or COUNTRY.match(actor["country"]), actor
    assert isinstance(actor["text"], str) and actor["text"]


@pytest.fixture(scope="module")
def extracted():
    opts = Options(progress=False)
    docs = [d for d in load_documents([str(EXAMPLES)], opts) if not isinstance(d, Rejected)]
    assert docs, "the bundled sample corpus must load"
    return {x.document.id: x for x in extract_documents(docs, opts)}


def test_every_event_follows_the_record_of_events_md(extracted):
    events = [ev.to_dict() for x in extracted.values() for ev in x.events]
    assert len(events) >= 10, "the sample corpus reports many interactions"
    for ev in events:
        assert set(ev) == FIELDS | {"confidence"}  # EVENTS.md's record plus how sure (gaiko.confidence)
        assert 0 < ev["confidence"] < 1
        assert ev["type"] in PLOVER_TYPES
        assert ev["status"] in STATUSES
        if ev["type"] == "CONSULT" and ev["mode"] is not None:
            assert ev["mode"] in CONSULT_MODES
        for key in ("date", "date_end"):
            assert ev[key] is None or ISO.match(ev[key]), ev[key]
        if ev["date"] is not None:
            assert ev["date_text"], "a date always keeps the phrase it comes from"
        assert ev["source"], "every event has an actor"
        for actor in ev["source"] + ev["target"]:
            _check_actor(actor)
        if ev["location"] is not None:
            assert {"id", "country", "text"} <= set(ev["location"])


def test_evidence_and_mentions_point_into_the_cleaned_text(extracted):
    for x in extracted.values():
        for ev in x.events:
            assert ev.evidence in x.document.text
            first = ev.mentions[0]
            assert first.doc == x.document.id
            assert x.document.text[first.start:first.end] == ev.evidence


def test_a_dated_phrase_resolves_against_the_publication_date():
    doc = Document(id="d", text="岸田首相は13日、ワシントンでバイデン大統領と会談した。", published="2024-04-14")
    [x] = extract_documents([doc], Options(progress=False))
    [ev] = x.events
    assert (ev.type, ev.date, ev.date_text, ev.status) == ("CONSULT", "2024-04-13", "13日", "occurred")
    assert {a["id"] for a in ev.source + ev.target} == {"Fumio Kishida", "Joe Biden"}


def test_without_a_publication_date_a_relative_day_stays_unresolved():
    doc = Document(id="d", text="岸田首相は13日、ワシントンでバイデン大統領と会談した。")
    [x] = extract_documents([doc], Options(progress=False))
    assert x.events[0].date is None


def test_a_very_long_article_gives_its_events_from_the_end_too():
    filler = "これは事件とは関係のない長い段落の文章であり、特に何も起きていない。\n" * 9000
    text = filler + "北朝鮮は14日、弾道ミサイルを発射した。"
    assert len(text) > 300_000
    doc = Document(id="long", text=text, published="2024-01-21")
    [x] = extract_documents([doc], Options(progress=False))
    assert [(e.type, e.date) for e in x.events] == [("MOBILIZE", "2024-01-14")]
    assert x.events[0].mentions[0].start > 300_000


def test_the_model_is_loaded_once():
    from gaiko.nlp.loader import load_nlp

    assert load_nlp() is load_nlp()


def test_cli_extract_prints_jsonl_on_stdout_only(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("ロシアのラブロフ外相は19日、平壌で崔善姫外相と会談した。", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gaiko.cli", "extract", str(path), "--published", "2023-10-20"],
                         capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == 1 and records[0]["date"] == "2023-10-19"
    assert "\\u" not in out.stdout, "JSON Lines are written without ASCII escaping"


def _candidates() -> list[tuple[str, list]]:
    """Sentences of the bundled corpus and the sentence set that hold an actor and
    a trigger, with their actor mentions (sentence-relative)."""
    import yaml

    from gaiko.pipeline import _ruler, _sentences, link_document

    opts = Options(progress=False)
    docs = [d for d in load_documents([str(EXAMPLES)], opts) if not isinstance(d, Rejected)]
    items = yaml.safe_load((ROOT / "tests" / "data" / "event_sentences.yaml").read_text(encoding="utf-8"))
    docs += [Document(id=i["id"], text=i["text"], published=i.get("published")) for i in items]
    out = []
    for doc in docs:
        for s in _sentences(doc.text, link_document(doc, opts), _ruler(())):
            if s.tokens is not None and not isinstance(s.tokens, str):
                out.append((s.text, s.mentions))
    return out


def test_a_sentence_read_from_its_tokens_reads_as_its_parse_does():
    """The pipeline skips the parser for a sentence whose roles need no dependency
    (``read`` on its re-tagged tokens does not say ``NEEDS_PARSE``): the frames
    must then be those the parsed sentence gives, and the lever must be used."""
    from gaiko.events.extractor import NEEDS_PARSE, Context, complete, read, sentence_args
    from gaiko.nlp.loader import load_nlp, parse
    from gaiko.nlp.tags import ginza_pos
    from gaiko.pipeline import _ruler

    def frames(reading, doc):
        found = complete(reading, doc, Context())
        return [(f.type, f.match.mode, [a.key for a in f.source], [a.key for a in f.target], f.status,
                 f.location.id if f.location else None) for f in found]

    ruler = _ruler(())
    light, heavy = [], []
    for text, mentions in _candidates():
        args = sentence_args(text, mentions)
        doc = ginza_pos(load_nlp().make_doc(text))
        reading = read(text, args, doc, ruler)
        if reading is NEEDS_PARSE:
            heavy.append(text)
        else:
            light.append((text, args, frames(reading, doc)))
    assert len(light) >= 50 and len(heavy) >= 50  # both paths are exercised
    for (text, args, from_tokens), doc in zip(light, parse([t for t, _, _ in light])):
        # the same args serve again: reading never changes the caller's
        assert from_tokens == frames(read(text, args, doc, ruler), doc), text


@pytest.mark.parser
@pytest.mark.parametrize("text, from_tokens", [
    ("外務省は中国に厳重に抗議した。", True),  # only 厳重に between the dative and the one trigger
    ("韓国政府は北朝鮮に武器を供与した。", True),
    ("日本政府は中国に対し、改めて抗議した。", True),
    ("日本政府は中国に電話で抗議した。", False),  # 電話 (a サ変 noun) may be a verb to GiNZA: parse it
])
def test_a_dependent_before_the_one_trigger_after_it_needs_no_parse(text, from_tokens):
    """A dependent whose first trigger after it is the sentence's last, with no word between that may
    be a verb, goes to that trigger whatever its dependency path: read from the tokens, as parsed."""
    from gaiko.events.extractor import NEEDS_PARSE, Context, complete, read, sentence_args
    from gaiko.nlp.loader import load_nlp, parse
    from gaiko.nlp.tags import ginza_pos
    from gaiko.pipeline import _ruler, link_document

    def frames(reading, doc):
        return [(f.type, [a.key for a in f.source], [a.key for a in f.target], f.status)
                for f in complete(reading, doc, Context())]

    ruler = _ruler(())
    mentions = [(m.start, m.end, m) for m in link_document(Document(id="t", text=text), Options(progress=False))]
    args = sentence_args(text, mentions)
    tokens = ginza_pos(load_nlp().make_doc(text))
    reading = read(text, args, tokens, ruler)
    assert (reading is not NEEDS_PARSE) == from_tokens
    parsed = next(parse([text]))
    if from_tokens:
        assert frames(reading, tokens) == frames(read(text, args, parsed, ruler), parsed)


@pytest.mark.parser
def test_western_punctuation_reads_as_japanese_and_evidence_stays_verbatim():
    """Official texts write 「,」「．」: the rules read them as 「、」「。」, and the evidence is still
    the page's own sentence."""
    from gaiko.pipeline import extract_documents, house_punctuation

    assert house_punctuation("首相は,会談した．1,000人") == "首相は、会談した。1,000人"
    # (full-width figures keep their points and commas: a wire's 「６２．４％」 is one number, not two sentences)
    assert house_punctuation("最大６２．４％の関税．１，０００人") == "最大６２．４％の関税。１，０００人"
    text = "岸田総理大臣は,10日,ホワイトハウスでバイデン大統領と会談しました．"
    doc = Document(id="mofa", text=text, published="2024-04-11")
    events = [ev for x in extract_documents([doc], Options(progress=False)) for ev in x.events]
    assert [(e.type, e.source[0]["id"], e.target[0]["id"]) for e in events] == \
        [("CONSULT", "Fumio Kishida", "Joe Biden")]
    assert events[0].evidence == text
