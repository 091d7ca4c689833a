"""Fuzzing the extract path with hypothesis (issue 10): random bytes through the
readers, random HTML through the HTML reader, random Japanese and Unicode text
through cleaning and the whole pipeline. Nothing may escape but a ``Rejected``
(or ``InputError``, which the readers turn into one).

The example counts here are modest (the suite stays fast); ``benchmarks/fuzz.py``
runs the same properties with 10,000 examples and more.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gaiko.documents.clean import clean_text
from gaiko.documents.load import _load
from gaiko.documents.raw import Raw
from gaiko.documents.readers import read_file, read_stdin
from gaiko.errors import InputError
from gaiko.records import Document, Rejected

# -- strategies ----------------------------------------------------------------------

ACTORS = ["日本政府", "北朝鮮", "韓国", "米国", "中国外務省", "プーチン大統領", "金正恩総書記", "岸田首相",
          "国連安全保障理事会", "ロシア", "習近平国家主席", "ウクライナ", "韓国人男性", "NATO"]
TRIGGERS = ["会談した", "非難した", "抗議した", "制裁を科した", "合意した", "訪問した", "発射した", "要請した",
            "支援を表明した", "脅迫した", "と述べた", "協議する予定だ", "否定した", "署名した", "撤退した"]
GLUE = ["は", "が", "と", "に", "を", "の", "で", "、", "。", "「", "」", "（", "）", "\n", "\n\n", " ", "5日",
        "来月", "2024年3月", "昨年", "上旬", "明らかにした", "という", "ない", "か", "…", "!", "?", "。。"]
PIECES = ACTORS + TRIGGERS + GLUE

#: Japanese-like text: actors, triggers and particles in any order, with random Unicode mixed in.
japanese = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.text(max_size=8)),
                    max_size=60).map("".join)
#: Any Unicode at all (surrogates excluded: they cannot be written to a file or a terminal).
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)

TAGS = ["p", "div", "span", "script", "style", "title", "meta", "br", "table", "td", "a", "html", "body",
        "head", "article", "iframe", "svg", "noscript", "template", "!--", "![CDATA[", "?xml"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            attr = draw(st.sampled_from(["charset", "content", "property", "href", "class", "onload"]))
            parts.append(f'<{tag} {attr}="{draw(st.text(max_size=12))}">')
        elif kind == 3:
            parts.append(draw(japanese))
        elif kind == 4:
            parts.append(draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "<", ">",
                                               "<meta charset=shift_jis>", "<!DOCTYPE html>", "]]>"])))
        else:
            parts.append(draw(unicode_text))
    return "".join(parts)


SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".xml", ".dat"]


@st.composite
def raw_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A suffix and bytes: random, or text/HTML/JSONL in a random encoding, maybe cut short."""
    suffix = draw(st.sampled_from(SUFFIXES))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        data = draw(st.binary(max_size=600))
    else:
        text = draw(japanese) if kind == 1 else draw(html_pages()) if kind == 2 else "\n".join(
            draw(st.lists(st.sampled_from([
                '{"id": "a", "text": "%s"}' % draw(japanese).replace("\\", "").replace('"', ""),
                '{"id": 1, "html": "<p>x</p>"}', "{", "null", '{"id": true}', '{"id": "b", "published": "2024-13"}',
                '{"id": "c", "text": "\\u2028\\u0000"}']), max_size=6)))
        codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp", "iso2022_jp"]))
        data = text.encode(codec, errors="replace")
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
    prefix = draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"WARC/1.0\r\n", b"\x1f\x8b", b"<html>", b"\x00"]))
    return suffix, prefix + data


# -- properties ----------------------------------------------------------------------


def check_read(suffix: str, data: bytes, folder: Path) -> list[Raw | Rejected]:
    """Read ``data`` as a file with ``suffix``: only Raw and Rejected come out, and Raw has text."""
    path = folder / f"doc{suffix}"
    path.write_bytes(data)
    items = list(read_file(path, path.name))
    for item in items:
        assert isinstance(item, (Raw, Rejected)), item
        if isinstance(item, Rejected):
            assert item.doc and item.reason
    return items


def check_clean(items: list[Raw | Rejected]) -> None:
    docs = (Document(i.id, i.text) if isinstance(i, Raw) else i for i in items)
    for out in _load(iter(docs)):
        assert isinstance(out, (Document, Rejected))
        if isinstance(out, Document):
            assert out.text.strip()


def check_stdin(data: bytes) -> None:
    import io

    for item in read_stdin(io.BytesIO(data)):
        assert isinstance(item, (Raw, Rejected))


#: benchmarks/fuzz.py raises these (10,000 and more); the suite keeps them modest.
EXAMPLES = int(os.environ.get("GAIKO_FUZZ_EXAMPLES", "150"))
PIPELINE_EXAMPLES = int(os.environ.get("GAIKO_FUZZ_PIPELINE_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(raw_files())
@example((".xml", b"<p><p><p><p><p>&#x110000;"))  # found by benchmarks/fuzz.py: feedparser's chr() ValueError
def test_any_bytes_through_the_readers(file):
    suffix, data = file
    with tempfile.TemporaryDirectory() as tmp:
        check_clean(check_read(suffix, data, Path(tmp)))
    check_stdin(data)


@FAST
@given(html_pages())
@example("<svg><p><p>")  # found by benchmarks/fuzz.py: lxml AssertionError inside trafilatura/htmldate
def test_any_html_through_the_html_reader(page):
    from gaiko.documents.raw import html_doc

    try:
        raw = html_doc(page, "page.html")
    except InputError as exc:
        assert exc.source == "page.html"
        return
    assert raw.text.strip()


@FAST
@given(st.one_of(japanese, unicode_text))
def test_any_text_through_clean(text):
    out = clean_text(text)
    assert all(line.strip() in text for line in out.split("\n\n"))  # lines are kept, never rewritten


@pytest.mark.parser
@settings(max_examples=PIPELINE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(japanese, unicode_text), min_size=1, max_size=4),
       st.sampled_from([None, "2024", "2024-03", "2024-03-05"]))
def test_any_text_through_the_pipeline(texts, published):
    from gaiko.options import Options
    from gaiko.pipeline import extract_documents

    docs = [Document(f"d{i}", t, published=published) for i, t in enumerate(texts) if t.strip()]
    for result in extract_documents(docs, Options(progress=False)):
        for ev in result.events:
            record = ev.to_dict()
            assert record["doc"] == result.document.id
            assert ev.evidence in result.document.text
