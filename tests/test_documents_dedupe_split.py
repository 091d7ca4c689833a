"""Near-duplicate marking and split_text."""

from __future__ import annotations

from pathlib import Path

from gaiko.documents import load_documents, minhash_signature, similarity, split_text
from gaiko.documents.dedupe import NUM_PERM, Deduplicator
from gaiko.options import Options
from gaiko.records import Document

DATA = Path(__file__).parent / "data" / "documents"
ARTICLE = (DATA / "article.txt").read_text(encoding="utf-8")


def test_exact_and_near_copies_point_to_the_first(tmp_path):
    near = ARTICLE.replace("初めてだ。", "初めてとなる。").replace("語った。", "話した。")
    other = (DATA / "scrape_split.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("ホーム > 国際\n" + ARTICLE + "\nシェアする\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(near, encoding="utf-8")
    (tmp_path / "d.txt").write_text(other, encoding="utf-8")
    got = {d.id: d.duplicate_of for d in load_documents([str(tmp_path)], Options())}
    assert got == {"a.txt": None, "b.txt": "a.txt", "c.txt": "a.txt", "d.txt": None}


def test_different_articles_on_the_same_topic_are_not_duplicates():
    first, second = ARTICLE.split("\n\n")[1], ARTICLE.split("\n\n")[2]
    dedupe = Deduplicator()
    assert dedupe.mark(Document(id="1", text=first)).duplicate_of is None
    assert dedupe.mark(Document(id="2", text=second)).duplicate_of is None


def test_signature_is_stable_and_comparable():
    sig = minhash_signature(ARTICLE)
    assert len(sig) == NUM_PERM and all(isinstance(v, int) and 0 <= v < 2**32 for v in sig)
    assert sig == minhash_signature(ARTICLE)
    assert similarity(sig, minhash_signature(ARTICLE + "\n追記。")) > 0.9
    assert similarity(sig, minhash_signature("まったく別の内容の短い文章です。")) < 0.2


def test_split_text_keeps_every_character_and_offsets():
    paragraph = "北朝鮮は12日、弾道ミサイルを発射した。" * 30  # about 1,800 bytes, no breaks inside
    text = "\n\n".join(f"{i}:" + paragraph for i in range(500))[:300_000]
    assert len(text) == 300_000
    chunks = split_text(text)
    assert len(chunks) > 1
    assert "".join(chunk for _, chunk in chunks) == text
    for offset, chunk in chunks:
        assert text[offset:offset + len(chunk)] == chunk
        assert len(chunk.encode("utf-8")) <= 40000
    # cuts fall at paragraph breaks when there are any
    assert all(chunk.endswith("\n\n") for _, chunk in chunks[:-1])


def test_split_text_falls_back_to_sentences_then_hard_cuts():
    sentences = "ロシアと北朝鮮が条約に署名した。" * 1000
    chunks = split_text(sentences, max_bytes=1000)
    assert all(chunk.endswith("。") for _, chunk in chunks[:-1])
    assert "".join(c for _, c in chunks) == sentences
    solid = "あ" * 5000
    chunks = split_text(solid, max_bytes=1000)
    assert [len(c.encode("utf-8")) for _, c in chunks[:-1]] == [999] * (len(chunks) - 1)
    assert "".join(c for _, c in chunks) == solid
    assert split_text("") == []
    assert split_text("短い。") == [(0, "短い。")]


def test_signatures_and_index_are_datasketchs():
    """``documents.minhash`` computes what datasketch does (signatures the store kept stay comparable)."""
    import random

    import pytest

    datasketch = pytest.importorskip("datasketch")
    from datasketch.lsh import _optimal_param

    from gaiko.documents import minhash
    from gaiko.documents.dedupe import THRESHOLD, shingles

    assert (minhash.BANDS, minhash.ROWS) == _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
    rng = random.Random(3)
    words = ARTICLE.split("。")
    texts = ["", "短い", ARTICLE] + ["。".join(rng.sample(words, min(len(words), 6))) for _ in range(30)]
    lsh, ours = datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM), minhash.BandIndex()
    for i, text in enumerate(texts):
        mh = datasketch.MinHash(num_perm=NUM_PERM, seed=minhash.SEED)
        mh.update_batch([g.encode("utf-8") for g in shingles(text)])
        assert minhash_signature(text) == [int(v) for v in mh.hashvalues]
        sig = minhash.signature(g.encode("utf-8") for g in shingles(text))
        assert set(lsh.query(mh)) == ours.query(sig)
        lsh.insert(i, mh)
        ours.insert(i, sig)
