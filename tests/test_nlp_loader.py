"""gaiko.nlp: the trimmed, BLAS-backed GiNZA parses as the stock one does."""

from __future__ import annotations

import pytest

from gaiko.nlp.factories import register_factories, strip_bunsetu_labels

pytestmark = pytest.mark.parser

SENTENCES = [
    "トランプ米大統領と北朝鮮の金正恩朝鮮労働党委員長は12日、シンガポールで会談した。",
    "岸田文雄首相は18日、記者団に「断じて容認できない」と述べ、北朝鮮に厳重に抗議した。",
    "中国とロシアは米国などの軍事演習が緊張を高めていると主張し、新たな措置に反対した。",
    "プーチン大統領は19日、平壌を訪問し、金正恩氏と包括的戦略パートナーシップ条約に署名した。",
]


def _signature(doc):
    return [(t.text, t.idx, t.lemma_, t.pos_, t.dep_, t.head.i) for t in doc]


def test_register_factories_is_idempotent():
    register_factories()
    register_factories()


def test_parse_equals_stock_ginza_without_ner():
    import spacy

    from gaiko.nlp.loader import EXCLUDED, load_nlp, parse

    stock = spacy.load("ja_ginza", exclude=["ner"])
    ours = list(parse(SENTENCES, batch_size=2))
    assert [_signature(d) for d in ours] == [_signature(d) for d in stock.pipe(SENTENCES)]
    names = load_nlp().pipe_names
    assert not set(EXCLUDED) & set(names)
    assert "gaiko_dep_labels_v1" in names


def test_strip_bunsetu_labels():
    from gaiko.nlp.loader import load_nlp

    doc = load_nlp().make_doc("金氏が会談した。")
    doc[0].dep_ = "nsubj_bunsetu"
    strip_bunsetu_labels(doc)
    assert doc[0].dep_ == "nsubj"


def test_parse_candidate_never_drops_a_sentence_with_a_trigger():
    from gaiko.events.triggers import load_ruler
    from gaiko.nlp.loader import parse
    from gaiko.events.prefilter import parse_candidate

    ruler = load_ruler()
    texts = SENTENCES + ["同社の会長は新製品を発表した。", "会社員の男性が駅前で買い物をした。"]
    for text, doc in zip(texts, parse(texts)):
        if ruler.match(doc):
            assert parse_candidate(text, ruler) is not None, text
    assert parse_candidate("きょうは晴れ。", ruler) is None


def test_a_pretokenized_sentence_parses_as_its_text_does():
    from gaiko.events.triggers import load_ruler
    from gaiko.nlp.loader import parse
    from gaiko.events.prefilter import parse_candidate
    from gaiko.nlp.tags import ginza_pos

    ruler = load_ruler()
    pairs = [(text, parse_candidate(text, ruler)) for text in SENTENCES]
    pairs = [(text, tokens) for text, tokens in pairs if tokens is not None]
    assert len(pairs) >= 3 and not any(isinstance(tokens, str) for _, tokens in pairs)
    texts, tokens = zip(*pairs)
    for doc in tokens:  # as the pipeline leaves them when it tried to read them unparsed
        ginza_pos(doc)
    assert [_signature(d) for d in parse(tokens)] == [_signature(d) for d in parse(texts)]


def test_long_input_is_parsed_not_refused():
    from gaiko.nlp.loader import parse

    text = "会談した。" * 12_000  # 180,000 bytes: past SudachiPy's limit
    (doc,) = list(parse([text]))
    assert len(doc) > 0


@pytest.mark.parametrize("text, word, pos", [
    ("両首脳は平壌で会談している。", "いる", "VERB"),
    ("北朝鮮は発射を延期にした。", "し", "VERB"),
    ("右翼青年が男性を殴るために襲いかかった。", "ため", "SCONJ"),
    ("右翼青年が男性を殴るために襲いかかった。", "に", "SCONJ"),
    ("米国は交渉を続けたうえで合意した。", "うえ", "SCONJ"),
])
def test_tokens_are_retagged_as_ginza_tags_them(text, word, pos):
    """The rules of ``ginza_pos`` give what the parsed sentence has."""
    from gaiko.nlp.loader import load_nlp, parse
    from gaiko.nlp.tags import ginza_pos

    tokens = ginza_pos(load_nlp().make_doc(text))
    [parsed] = parse([text])
    [i] = [t.i for t in parsed if t.text == word][:1]
    assert (tokens[i].text, tokens[i].pos_) == (word, pos) == (parsed[i].text, parsed[i].pos_)


def test_lean_tokens_are_the_tokenizers_and_parse_the_same():
    """``nlp.tokens.make_doc`` gives the stock tokenizer's words, spaces, tags, part-of-speech and
    lemmas (spaces, full-width forms, an empty text included), and the parser reads it as it reads
    the text itself."""
    from gaiko.nlp.loader import load_nlp, parse
    from gaiko.nlp.tokens import make_doc

    nlp = load_nlp()
    texts = SENTENCES + ["米朝首脳会談は　１２日、シンガポールで  開かれた。", "ＮＡＴＯは「断じて容認しない」とした。",
                         "", "　", "北朝鮮が発射したのは、短距離弾道ミサイル（SRBM）とみられる。",
                         "首相は……と述べた。\n\n \u3000会談は終わった。\t"]

    def tokens(doc):
        return [(t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_) for t in doc]
    for text in texts:
        assert tokens(make_doc(text)) == tokens(nlp.make_doc(text)), text
        assert make_doc(text).text == text
    real = [t for t in texts if t.strip()]
    assert [_signature(d) for d in parse([make_doc(t) for t in real])] == [_signature(d) for d in parse(real)]
