"""clean(): boilerplate removal, repeated paragraphs, verbatim evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.documents import clean, clean_text, explain, read_documents
from gaiko.options import Options
from gaiko.records import Document

DATA = Path(__file__).parent / "data" / "documents"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared/ corpus absent")

# The article's lines in each seed file (1-based, inclusive), read by hand; every
# other non-blank line is boilerplate (004: lines 9-15 repeat lines 2-8).
SEED_ARTICLE_LINES = {
    "000_b66493f053eeab31.txt": (5, 15),
    "001_a87ea9164a9e83dc.txt": (5, 77),
    "002_e0b3454f0372ab4e.txt": (7, 37),
    "003_be590ba1662e1276.txt": (17, 41),
    "004_a072e9a245301a98.txt": (1, 8),
}


def _gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


@needs_shared
@pytest.mark.parametrize("corpus", ["seeds", "livedoor"])
def test_every_gold_evidence_survives_cleaning(corpus):
    cleaned = {}
    for path in sorted((SHARED / "corpus" / corpus).glob("*.txt")):
        cleaned[path.name] = clean_text(path.read_text(encoding="utf-8"))
    gold = _gold(f"{corpus}.jsonl")
    assert gold
    for event in gold:
        raw = (SHARED / "corpus" / corpus / event["doc"]).read_text(encoding="utf-8")
        assert event["evidence"] in raw
        assert event["evidence"] in cleaned[event["doc"]], (event["doc"], event["evidence"])


@needs_shared
@pytest.mark.parametrize("name", sorted(SEED_ARTICLE_LINES))
def test_seed_boilerplate_lines_are_dropped(name):
    text = (SHARED / "corpus" / "seeds" / name).read_text(encoding="utf-8")
    first, last = SEED_ARTICLE_LINES[name]
    lines = explain(text)
    kept = {line.number for line in lines if line.kept}
    article = {line.number for line in lines if first <= line.number <= last}
    assert kept == article
    cleaned = clean_text(text)
    for line in lines:
        if not line.kept and line.text not in {a.text for a in lines if a.kept}:
            assert "\n" + line.text + "\n" not in "\n" + cleaned + "\n"


@needs_shared
def test_seed_004_body_pasted_twice_is_kept_once():
    text = (SHARED / "corpus" / "seeds" / "004_a072e9a245301a98.txt").read_text(encoding="utf-8")
    raw_lines = text.splitlines()
    cleaned = clean_text(text)
    for line in raw_lines[1:8]:
        assert cleaned.count(line.strip()) == 1
    assert cleaned.count("\n\n") == 7


@needs_shared
def test_livedoor_related_link_lists_are_dropped():
    for path in sorted((SHARED / "corpus" / "livedoor").glob("*.txt")):
        lines = explain(path.read_text(encoding="utf-8"))
        cut = next(line.number for line in lines if line.text.startswith(("【関連", "■関連")))
        assert {line.number for line in lines if line.kept} == {
            line.number for line in lines if line.number < cut}, path.name


@needs_shared
def test_seed_folder_reads_with_meta_dates():
    docs = {d.id: d for d in read_documents([str(SHARED / "corpus" / "seeds")], Options())}
    assert docs["003_be590ba1662e1276.txt"].published == "2024-01-21"
    assert docs["000_b66493f053eeab31.txt"].published == "2016-06"
    assert docs["002_e0b3454f0372ab4e.txt"].publisher == "dailyview.net"


# ---------------------------------------------------------------- pages unlike the seeds


def _kept(name: str) -> list[int]:
    return [line.number for line in explain((DATA / name).read_text(encoding="utf-8")) if line.kept]


def test_portal_page_keeps_article_across_heading_and_caption():
    # menus, breadcrumbs, headline, dateline, byline, a ■ subheading and a photo
    # caption inside the article, share buttons, related news, comments, copyright
    assert _kept("scrape_portal.txt") == [9, 10, 14, 15]


def test_article_interrupted_by_ad_block_keeps_both_halves():
    assert _kept("scrape_split.txt") == [5, 6, 14, 15]


def test_paragraph_breaks_and_verbatim_lines():
    raw = (DATA / "scrape_portal.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    paragraphs = cleaned.split("\n\n")
    assert len(paragraphs) == 4
    for paragraph in paragraphs:
        assert paragraph in raw  # no character rewritten
    assert "（19日、平壌）" not in cleaned and "ニックネーム" not in cleaned


def test_repeated_paragraph_kept_once_first_occurrence():
    para_a = "北朝鮮の外相は3日、ロシアの外相と会談した。両氏は協力の強化で一致した。"
    para_b = "会談では、ウクライナ情勢や朝鮮半島情勢についても意見を交わしたという。"
    text = "\n".join([para_a, para_b, "写真", para_a, "  " + para_b + "  "])
    assert clean_text(text) == para_a + "\n\n" + para_b


def test_clean_is_pure_and_idempotent():
    raw = (DATA / "scrape_portal.txt").read_text(encoding="utf-8")
    doc = Document(id="x", text=raw, title="t", published="2024-06-19")
    once = clean(doc)
    assert doc.text == raw
    assert (once.id, once.title, once.published) == ("x", "t", "2024-06-19")
    assert clean(once) == once


def test_text_without_prose_is_kept_rather_than_lost():
    text = "北朝鮮がミサイル発射\n\n北朝鮮がミサイル発射\n日本政府が抗議"
    assert clean_text(text) == "北朝鮮がミサイル発射\n\n日本政府が抗議"


def test_line_verdicts_on_general_signals():
    from gaiko.documents.clean import prose_verdict

    assert prose_verdict("両首脳は会談で、経済協力を拡大することで合意した。")[0]
    assert prose_verdict("――会談の成果をどう見ますか？")[0]
    for line, why in [
        ("・首相、ASEAN首脳会議に出席へ。詳しくはこちらをご覧ください。", "list item"),
        ("• ランキング1位の記事タイトルがここに入ります", "list item"),
        ("【あわせて読みたい関連記事とおすすめ】", "heading"),
        ("https://example.com/news/2024/01/21/article.html", "URL or e-mail"),
        ("山田太郎 yamada.taro@example.com", "URL or e-mail"),
        ("「断じて容認できない」首相が北朝鮮を非難、米韓と連携へ", "no sentence end"),
        ("Copyright © 2024 Example News. All rights reserved.", "copyright"),
    ]:
        assert prose_verdict(line) == (False, why), line


def test_an_excerpt_cut_mid_sentence_keeps_its_last_line():
    """Pages that publish only an article's opening stop mid-sentence; that line is
    still the article's (its events count), while a short teaser after it is not."""
    page = ("ニュース速報\n\n"
            "外務省は5日、東シナ海での中国のガス田開発を巡り、在日中国大使館の公使に抗議した。"
            "日本政府は同様の抗議を繰り返している。\n\n"
            "これに先立ち、上川陽子外相は王毅外相と電話で会談し、構造物の撤去を求めたほか、\n\n"
            "関連記事\n")
    text = clean_text(page)
    assert text.endswith("構造物の撤去を求めたほか、")
    assert "関連記事" not in text and "ニュース速報" not in text
    menu = "外務省は5日、中国大使館の公使に抗議した。日本政府は同様の抗議を繰り返している。\n\nホーム、政治、経済、国際、スポーツ\n"
    assert "ホーム" not in clean_text(menu)  # a menu with commas is no cut sentence: too short


def test_a_lone_prose_line_beside_the_article_is_kept_only_where_an_article_puts_one():
    """A broadcaster's lead above a speaker's label and quote, and a paragraph of several
    sentences past a teaser list, are the article's; a one-sentence caption past teaser
    headlines is not."""
    body = ("首相は閉幕後の記者会見で、アフリカ各国との経済協力を拡大する考えを示しました。"
            "会議には49カ国の首脳らが出席し、共同宣言を採択しました。\n\n"
            "一方、共同議長を務めた大統領は、日本の支援に謝意を示したうえで、投資の拡大を求めました。"
            "次回の会議は3年後に開かれる予定です。\n\n")
    lead = "横浜で開かれた国際会議は先ほど閉幕し、首相は投資や人材育成を強化すると強調しました。\n\n"
    quote = "首相\n\n「今回の会議を機に、アフリカの未来への投資をいっそう拡大してまいります\n\n"
    assert clean_text(lead + quote + body).startswith(lead.strip())
    teasers = "- 外相、中東歴訪へ 「対話を重視」\n- 円相場、一時1ドル150円台に\n\n"
    after = "承認したのは第16弾となる制裁案だ。48人と35団体が対象となった。欧州としては強硬姿勢を保つ意思を示すものだ。\n\n"
    assert after.strip() in clean_text(body + teasers + after)
    caption = "首相は会見で協力の拡大を強調した(写真は会見場。代表撮影)\n\n"
    headlines = "《独自》外相、来月にも訪中で調整 関係改善探る\nトピックス\n\n"
    assert "写真は" not in clean_text(body + headlines + caption)
