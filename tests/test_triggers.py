"""The trigger dictionary and TriggerRuler (gaiko.events.triggers)."""

import pytest

from gaiko.errors import DictionaryError
from gaiko.events.triggers import TriggerRuler, load_ruler, stem
from gaiko.records import PLOVER_TYPES


def test_every_plover_type_has_a_trigger_entry():
    assert load_ruler().labels == set(PLOVER_TYPES)


def test_to_disk_then_from_disk_gives_back_the_same_entries(tmp_path):
    ruler = load_ruler()
    ruler.to_disk(tmp_path / "t.yaml")
    again = TriggerRuler().from_disk(tmp_path / "t.yaml")
    assert again.patterns == ruler.patterns


def test_loading_replaces_and_user_file_appends(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("- {label: SANCTION, pattern: 資産凍結}\n", encoding="utf-8")
    base = len(load_ruler())
    assert len(load_ruler((str(user),))) == base + 1
    assert len(TriggerRuler().from_disk(user)) == 1


def test_bad_entry_names_file_line_and_entry(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {label: CONSULT, pattern: 会談}\n- {label: MEET, pattern: 会う}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        TriggerRuler().from_disk(bad)
    assert str(bad) in str(info.value) and ":2" in str(info.value) and "MEET" in str(info.value)


def test_empty_dictionary_warns(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("[]\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="empty"):
        TriggerRuler().from_disk(empty)


def test_stem_drops_okurigana_for_the_prefilter():
    assert stem("求める") == "求"
    assert stem("手渡す") == "手渡"
    assert stem("デモ") == "デモ"
    ruler = load_ruler()
    assert ruler.may_contain("北朝鮮に非核化を求めた。")
    assert not ruler.may_contain("今日は晴れです。")


@pytest.mark.parser
@pytest.mark.parametrize("sentence,expected", [
    ("ハバナを訪問、カストロ議長と会見し、親書を手渡した。", [("CONSULT", "visit"), ("CONSULT", "meet"), ("CONSULT", "letter"), ("CONSULT", "letter")]),
    ("両国は電話会談を行った。", [("CONSULT", "phone")]),
    ("安保理に沈黙を破るよう求めた。", [("REQUEST", None)]),
    ("大統領はデモンストレーションを見た。", []),
    ("ミサイルを発射した。", [("MOBILIZE", None)]),
    ("彼は感謝した。", [("SUPPORT", "thanks")]),
    ("両国は停戦で一致した。", [("AGREE", None)]),
    ("決議は全会一致で採択された。", []),  # the packaged 一致 entry's `unless`: how a vote went
])
def test_triggers_match_lemmas_of_parsed_sentences(sentence, expected):
    from gaiko.nlp.loader import parse

    doc = next(parse([sentence]))
    assert [(m.label, m.mode) for m in load_ruler().match(doc)] == expected


def test_no_packaged_pattern_stems_to_a_lone_kana():
    # the prefilter looks for stems in every sentence: a lone kana (はねつける → は) is everywhere,
    # unless the entry requires words (「とした」 is a verdict only after one): those are looked for instead
    import yaml
    from importlib import resources
    text = resources.files("gaiko.events").joinpath("data", "triggers.yaml").read_text(encoding="utf-8")
    lone = [t["pattern"] for t in yaml.safe_load(text) if not t.get("requires")
            and len(stem(t["pattern"])) < 2 and "\u3041" <= stem(t["pattern"]) <= "\u309f"]
    assert lone == []


def test_the_prefilter_looks_for_required_words_where_the_stem_is_a_lone_kana():
    ruler = TriggerRuler()
    ruler.add("ACCUSE", "とした", requires=["違反"], window=20, side="before")
    assert ruler.may_contain("北朝鮮は決議に違反しているとした。")
    assert not ruler.may_contain("首相は会談したとした。")  # (「と」 alone lets nothing through)


@pytest.mark.parser
def test_unless_words_around_a_trigger_void_the_entry():
    from gaiko.nlp.loader import parse

    ruler = TriggerRuler()
    ruler.add("ACCUSE", "非難", unless=["非難合戦"])
    assert [m.label for m in ruler.match(next(parse(["米国はロシアを非難した。"])))] == ["ACCUSE"]
    assert ruler.match(next(parse(["両国は非難合戦を続けた。"]))) == []


#: Spellings whose dictionary form reads as another word (引き上げる is also "raise") or that news
#: does not use: left out on purpose.
_OTHER_SPELLINGS_LEFT_OUT = {"引き揚げる", "突っぱねる", "こき下ろす", "取りまとめる"}


@pytest.mark.parser
def test_a_one_word_pattern_is_listed_in_its_other_common_spelling_too():
    # patterns match as written: 「呼び掛けた」 is no 「呼びかける」 to the ruler, so a verb the papers
    # write both ways is listed both ways (the tokenizer's normalised form names the other one)
    import yaml
    from importlib import resources

    from gaiko.nlp.loader import load_nlp

    text = resources.files("gaiko.events").joinpath("data", "triggers.yaml").read_text(encoding="utf-8")
    patterns = {t["pattern"] for t in yaml.safe_load(text)}
    nlp = load_nlp()
    missing = []
    for p in sorted(patterns - _OTHER_SPELLINGS_LEFT_OUT):
        doc = nlp.make_doc(p)
        if len(doc) == 1 and doc[0].norm_ != p and doc[0].norm_ not in patterns:
            missing.append((p, doc[0].norm_))
    assert missing == []


@pytest.mark.parser
def test_side_before_looks_for_required_words_before_the_trigger_only():
    """A verdict is the words before the reporting verb; a word after it is another clause's."""
    from gaiko.nlp.loader import parse

    ruler = TriggerRuler()
    ruler.add("ACCUSE", "述べる", requires=["違反"], window=20, side="before")
    assert [m.label for m in ruler.match(next(parse(["首相は「決議に違反する」と述べた。"])))] == ["ACCUSE"]
    assert ruler.match(next(parse(["首相はこう述べ、決議に違反すると非難した。"]))) == []
    with pytest.raises(ValueError):
        ruler.add("ACCUSE", "述べる", side="after")


@pytest.mark.parser
def test_the_tagged_reading_of_prefiltered_tokens_is_a_fresh_matching():
    """The pre-filter's matches, kept on the Doc, give the parsed sentence exactly the matches a fresh
    reading of a freshly parsed sentence finds (inside-token matches dropped by part of speech)."""
    from pathlib import Path

    from gaiko.nlp.loader import parse
    from gaiko.nlp.sentences import split_sentences
    from gaiko.nlp.tokens import make_doc

    ruler = load_ruler()
    pages = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "examples" / "corpus").glob("*.txt"))]
    texts = [page[a:b] for page in pages for a, b in split_sentences(page) if page[a:b].strip()]
    texts = [t for t in texts if len(t) < 400][:150]
    tokenized = [make_doc(t) for t in texts]
    found = [ruler.match(d, any_pos=True, text=t) for d, t in zip(tokenized, texts)]
    assert sum(map(len, found)) > 50
    assert all(d.to_bytes() for d in tokenized)  # (the kept matches do not stop a Doc serialising)
    kept = [ruler.match(d, text=t) for d, t in zip(parse(tokenized), texts)]
    fresh = [ruler.match(d, text=t) for d, t in zip(parse(texts), texts)]
    assert kept == fresh


def test_a_match_inside_a_token_kept_from_the_prefilter_follows_the_tagged_part_of_speech():
    """「米朝首脳会談」 read as one token: the pre-filter finds 首脳会談 inside it whatever its tag; once
    tagged, the kept match stands only if a compound's head can be that part of speech, as a fresh
    reading decides."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    ruler = load_ruler()
    vocab = Vocab()
    for pos in ("NOUN", "ADJ"):
        def doc():
            return Doc(vocab, words=["米朝首脳会談", "が", "開か", "れ", "た"], spaces=[False] * 5,
                       lemmas=["米朝首脳会談", "が", "開く", "れる", "た"], pos=["X", "ADP", "VERB", "AUX", "AUX"])
        prefiltered, fresh = doc(), doc()
        assert [m.pattern for m in ruler.match(prefiltered, any_pos=True)] == ["首脳会談"]
        prefiltered[0].pos_ = fresh[0].pos_ = pos  # (the parse tags it)
        assert ruler.match(prefiltered) == ruler.match(fresh)
        assert bool(ruler.match(fresh)) == (pos == "NOUN")


def test_matches_kept_on_a_doc_are_only_the_ruler_s_that_found_them():
    """A Doc the packaged ruler pre-filtered, read by another ruler, gets that ruler's matches."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words, lemmas = ["北朝鮮", "が", "会談", "し", "た"], ["北朝鮮", "が", "会談", "する", "た"]
    doc = Doc(Vocab(), words=words, spaces=[False] * 5, lemmas=lemmas, pos=["PROPN", "ADP", "NOUN", "AUX", "AUX"])
    assert load_ruler().match(doc, any_pos=True)
    other = TriggerRuler()
    other.add(label="ACCUSE", pattern="北朝鮮")
    assert [m.pattern for m in other.match(doc)] == ["北朝鮮"]


class _Everything:
    """A set holding every string: no search for a pattern is cut short."""

    def __contains__(self, _key: object) -> bool:
        return True


def test_a_search_cut_where_no_pattern_begins_finds_every_match(monkeypatch):
    """From each token the ruler stops adding tokens once neither their lemmas nor their surface begin a
    pattern (a speed-up): the matches are those of trying every run up to the longest pattern, and a
    pattern added later is found."""
    from pathlib import Path

    from gaiko.nlp.sentences import split_sentences
    from gaiko.nlp.tokens import make_doc

    ruler = load_ruler()
    pages = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "examples" / "corpus").glob("*.txt"))]
    texts = [page[a:b] for page in pages for a, b in split_sentences(page) if page[a:b].strip()]
    texts = [t for t in texts if len(t) < 400][:150]
    cut = [ruler.match(make_doc(t), any_pos=True, text=t) for t in texts]
    assert sum(map(len, cut)) > 50
    monkeypatch.setattr(ruler, "_pattern_prefixes", lambda: _Everything())
    assert [ruler.match(make_doc(t), any_pos=True, text=t) for t in texts] == cut
    monkeypatch.undo()
    ruler.add("CONSULT", "電話をかける")
    assert [m.pattern for m in ruler.match(make_doc("首相は電話をかける。"), any_pos=True)] == ["電話をかける"]
