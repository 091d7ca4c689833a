"""Readers: text, HTML, JSONL, WARC, feeds, stdin; encodings; rejects."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import sys
import threading
from pathlib import Path

import pytest

from gaiko.documents import clean, load_documents, read_documents
from gaiko.errors import InputError
from gaiko.options import Options
from gaiko.records import Document, Rejected

DATA = Path(__file__).parent / "data" / "documents"
ARTICLE = (DATA / "article.txt").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def read(paths, **options):
    return list(read_documents([str(p) for p in paths], Options(**options)))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def rejects(items):
    return [i for i in items if isinstance(i, Rejected)]


# ------------------------------------------------------------------ paths


def test_missing_path_raises_at_call(tmp_path):
    with pytest.raises(InputError) as info:
        read_documents([str(tmp_path / "nope.txt")], Options())
    assert "nope.txt" in str(info.value)


def test_folder_is_recursive_sorted_and_skips_hidden_and_meta(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE.replace("18日", "19日"), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "META.jsonl").write_text('{"doc": "b.txt", "published": "2023-08-19"}\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("# not a document", encoding="utf-8")
    items = read([tmp_path])
    assert [d.id for d in docs(items)] == ["b.txt", "a.txt"]  # b.txt before sub/a.txt
    assert not rejects(items)


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert [d.id for d in docs(read([tmp_path]))] == ["a.txt", "y/a.txt"]


def test_ray_engine_names_colliding_files_as_the_local_reader_does(tmp_path):
    # a document's id must not depend on the engine: the store merges and dedupes by it
    from gaiko.scale.ray_engine import list_shards

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for sub in ("x", "y/z"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    single = tmp_path / "y" / "z" / "a.txt"
    paths = [tmp_path, single]
    local = [d.id for d in docs(read(paths))]
    assert local == ["a.txt", "x/a.txt", "y/z/a.txt", "a.txt"]  # a file named alone keeps its name
    assert [row["name"] for row in list_shards([str(p) for p in paths])] == local


# ------------------------------------------------------------------ text and encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "shift_jis", "cp932", "euc_jp", "iso2022_jp"])
def test_same_article_in_every_encoding_gives_same_cleaned_text(tmp_path, encoding):
    (tmp_path / "utf8.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "other.txt").write_bytes(ARTICLE.encode(encoding))
    first, second = docs(read([tmp_path / "utf8.txt", tmp_path / "other.txt"]))
    assert second.text == first.text == ARTICLE
    assert clean(second).text == clean(first).text
    assert "キャンプデービッド" in clean(second).text


def test_html_charset_from_meta_is_used(tmp_path):
    html = (DATA / "page_bare.html").read_bytes()  # Shift_JIS on disk, declared in <meta>
    html.decode("cp932")
    with pytest.raises(UnicodeDecodeError):
        html.decode("utf-8")
    (doc,) = docs(read([DATA / "page_bare.html"]))
    assert "弾道ミサイル1発を発射した" in doc.text
    assert doc.title == "北朝鮮、弾道ミサイル発射"


def test_euc_jp_html_with_xml_declaration(tmp_path):
    page = ('<?xml version="1.0" encoding="EUC-JP"?>\n<html><head><title>見出し</title></head><body>'
            "<p>" + ARTICLE.split("\n\n")[1].strip() + "</p></body></html>")
    (tmp_path / "p.html").write_bytes(page.encode("euc_jp"))
    (doc,) = docs(read([tmp_path / "p.html"]))
    assert "日米韓首脳会談を開いた" in doc.text


def test_undecodable_and_binary_are_rejected_by_name_and_others_continue(tmp_path):
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"\x80\x81\xff\xfe abc \x85\x86\xfd" * 10)
    (tmp_path / "c_image.txt").write_bytes(PNG)
    (tmp_path / "d_nul.html").write_bytes(b"<html>\x00\x00\x00</html>")
    (tmp_path / "e_zip.txt").write_bytes(b"PK\x03\x04" + b"\x14\x00" * 20)
    (tmp_path / "f_good.txt").write_bytes(ARTICLE.encode("euc_jp"))
    items = read([tmp_path])
    assert [d.id for d in docs(items)] == ["a_good.txt", "f_good.txt"]
    bad = {r.doc: r.reason for r in rejects(items)}
    assert set(bad) == {"b_bad.txt", "c_image.txt", "d_nul.html", "e_zip.txt"}
    assert "decode" in bad["b_bad.txt"]
    assert "PNG" in bad["c_image.txt"]
    assert "NUL" in bad["d_nul.html"]
    assert "ZIP" in bad["e_zip.txt"]


def test_empty_file_is_rejected(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    assert rejects(read([tmp_path]))[0].doc == "empty.txt"


# ------------------------------------------------------------------ HTML


def test_html_main_text_title_publisher_url_and_date():
    (doc,) = docs(read([DATA / "page_news.html"]))
    assert doc.id == "page_news.html"
    assert doc.title == "日中外相が会談 処理水や邦人拘束で応酬"
    assert doc.publisher == "サンプル新報"
    assert doc.url == "https://news.example.jp/articles/20230714-001"
    assert doc.published == "2023-07-14"
    assert "王毅共産党政治局員と会談した。" in doc.text
    for boilerplate in ("アクセスランキング", "人気俳優", "Copyright", "経済", "会談に臨む林外相"):
        assert boilerplate not in doc.text
    text = clean(doc).text
    assert text.startswith("林芳正外相は13日")
    assert "\n\n王氏は" in text


# ------------------------------------------------------------------ JSONL


def test_jsonl_documents_and_broken_lines(tmp_path):
    html = (DATA / "page_news.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": ARTICLE, "url": "https://x.example/1", "title": "T",
                    "published": "2023-08-19"}, ensure_ascii=False),
        '{"id": "j2", "text": ',                       # broken JSON
        json.dumps({"text": "no id"}),                   # no id
        "",
        json.dumps({"id": 7, "html": html}, ensure_ascii=False),
        json.dumps({"id": "j4", "text": "x", "published": "2023-13"}),  # bad date
        json.dumps({"id": "j5"}),                        # no text
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([tmp_path / "batch.jsonl"])
    got = docs(items)
    assert [d.id for d in got] == ["j1", "7"]
    assert (got[0].url, got[0].title, got[0].published) == ("https://x.example/1", "T", "2023-08-19")
    assert got[1].published == "2023-07-14" and got[1].publisher == "サンプル新報"
    assert "会談した。" in got[1].text
    bad = {r.doc: r.reason for r in rejects(items)}
    assert set(bad) == {"batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:6", "batch.jsonl:7",
                        "batch.jsonl:8"}
    assert "not JSON" in bad["batch.jsonl:2"]
    assert "id" in bad["batch.jsonl:3"]
    assert "month" in bad["batch.jsonl:6"]


# ------------------------------------------------------------------ WARC


def _warc(path: Path, gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (DATA / "page_news.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="euc-jp"')
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))

        def response(url, content_type, body, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)

        writer.write_record(response("https://news.example.jp/a", "text/html; charset=EUC-JP",
                                     html.encode("euc_jp")))
        writer.write_record(response("https://news.example.jp/logo.png", "image/png", PNG))
        writer.write_record(response("https://news.example.jp/gone", "text/html", b"<html>gone</html>",
                                     "404 Not Found"))
        req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example.jp")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example.jp/a", "request",
                                                      payload=io.BytesIO(b""), http_headers=req))


@pytest.mark.parametrize("name,gzipped", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_response_only(tmp_path, name, gzipped):
    _warc(tmp_path / name, gzipped)
    items = read([tmp_path / name])
    assert not rejects(items)
    (doc,) = docs(items)
    assert doc.id == "https://news.example.jp/a"
    assert "王毅共産党政治局員と会談した。" in doc.text
    assert doc.published == "2023-07-14"


def test_broken_warc_is_rejected(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all\r\n\r\n")
    (r,) = rejects(read([tmp_path / "bad.warc"]))
    assert r.doc == "bad.warc"


# ------------------------------------------------------------------ stdin


@pytest.mark.parametrize("payload,expected_id", [
    (ARTICLE.encode("cp932"), "-"),
    ((DATA / "page_news.html").read_bytes(), "-"),
    (json.dumps({"id": "s1", "text": ARTICLE}, ensure_ascii=False).encode("utf-8"), "s1"),
])
def test_stdin(monkeypatch, payload, expected_id):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    (doc,) = docs(read(["-"]))
    assert doc.id == expected_id
    assert "会談" in doc.text


# ------------------------------------------------------------------ feeds


class _Site(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}
    agents: list[str] = []

    def do_GET(self):  # noqa: N802
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path not in self.pages:
            self.send_error(404)
            return
        content_type, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    news = (DATA / "page_news.html").read_text(encoding="utf-8")
    bare = (DATA / "page_bare.html").read_bytes()
    no_date = news.replace('<meta property="article:published_time" content="2023-07-14T21:05:00+09:00">', "")
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>サンプル新報 国際</title><link>{base}/</link>
<item><title>日中外相会談</title><link>{base}/a/1</link><pubDate>Fri, 14 Jul 2023 21:05:00 +0900</pubDate></item>
<item><title>ミサイル発射</title><link>{base}/a/2</link></item>
<item><title>消えた記事</title><link>{base}/a/404</link></item>
<item><title>日付なし</title><link>{base}/a/3</link><pubDate>Sun, 16 Jul 2023 01:00:00 +0900</pubDate></item>
</channel></rss>"""
    _Site.pages = {
        "/feed.xml": ("application/rss+xml; charset=utf-8", rss.encode("utf-8")),
        "/a/1": ("text/html; charset=EUC-JP", news.replace('charset="utf-8"', 'charset="euc-jp"').encode("euc_jp")),
        "/a/2": ("text/html", bare),
        "/a/3": ("text/html; charset=utf-8", no_date.encode("utf-8")),
        "/page": ("text/html; charset=utf-8", news.encode("utf-8")),
    }
    _Site.agents = []
    yield base
    server.shutdown()
    server.server_close()


def test_feed_url_fetches_items(site):
    items = read([f"{site}/feed.xml"])
    got = {d.id: d for d in docs(items)}
    assert list(got) == [f"{site}/a/1", f"{site}/a/2", f"{site}/a/3"]
    assert "王毅共産党政治局員と会談した。" in got[f"{site}/a/1"].text
    assert got[f"{site}/a/1"].published == "2023-07-14"
    assert got[f"{site}/a/2"].published == "2024-01-14"     # the page's dateline
    assert got[f"{site}/a/3"].published == "2023-07-16"     # the feed's date, in its own zone
    assert got[f"{site}/a/2"].title == "北朝鮮、弾道ミサイル発射"
    assert got[f"{site}/a/2"].publisher == "サンプル新報 国際"
    (missing,) = rejects(items)
    assert missing.doc == f"{site}/a/404" and "404" in missing.reason
    assert all(agent.startswith("gaiko/") for agent in _Site.agents)
    assert len(_Site.agents) == 5  # the feed and each item once: no retries


def test_feed_file_and_plain_page_url(site, tmp_path):
    feed = _Site.pages["/feed.xml"][1]
    (tmp_path / "news.rss").write_bytes(feed)
    assert len(docs(read([tmp_path / "news.rss"]))) == 3
    (doc,) = docs(read([f"{site}/page"]))
    assert doc.id == f"{site}/page" and doc.publisher == "サンプル新報"


def test_unreachable_feed_and_non_feed_xml(tmp_path):
    (r,) = rejects(read(["http://127.0.0.1:9/feed.xml"]))
    assert r.doc == "http://127.0.0.1:9/feed.xml" and "cannot fetch" in r.reason
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>', encoding="utf-8")
    (r,) = rejects(read([tmp_path / "sitemap.xml"]))
    assert r.doc == "sitemap.xml" and "feed" in r.reason


def test_host_that_keeps_failing_is_not_hammered(tmp_path):
    items = "".join(f"<item><link>http://127.0.0.1:9/{i}</link></item>" for i in range(6))
    (tmp_path / "dead.rss").write_text(f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
                                       encoding="utf-8")
    got = rejects(read([tmp_path / "dead.rss"]))
    assert len(got) == 6
    assert sum("cannot fetch" in r.reason for r in got) == 3
    assert sum("not fetched" in r.reason for r in got) == 3


# ------------------------------------------------------------------ load_documents


def test_load_documents_cleans_and_rejects(tmp_path):
    (tmp_path / "a.txt").write_text("メニュー\n" + ARTICLE + "\nシェアする\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(PNG)
    items = list(load_documents([str(tmp_path)], Options()))
    (doc,) = docs(items)
    assert "メニュー" not in doc.text and "シェアする" not in doc.text
    assert rejects(items)[0].doc == "b.txt"


def test_folder_walk_does_not_read_feeds(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news.rss").write_text('<rss version="2.0"><channel><item><link>http://127.0.0.1:9/x</link>'
                                       "</item></channel></rss>", encoding="utf-8")
    assert [getattr(i, "id", None) for i in read([tmp_path])] == ["a.txt"]


def test_site_name_is_taken_verbatim():
    from gaiko.documents.html import extract_html

    html = (DATA / "page_news.html").read_text(encoding="utf-8").replace(
        '<meta property="og:site_name" content="サンプル新報">', '<meta property="og:site_name" content="gaiko例文">')
    assert extract_html(html, "p").publisher == "gaiko例文"  # trafilatura alone gives "Gaiko例文"
