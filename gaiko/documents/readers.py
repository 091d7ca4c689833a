"""Paths to raw documents: text, HTML, JSONL, WARC, feeds and standard input.

``read_documents`` checks that every path exists (raising ``InputError`` at
the call, before anything is read), then yields one ``Document`` per readable
document and one ``Rejected`` per unreadable one, naming it. The publication
date is settled here, in the order of ``shared/spec/CLI.md``:

1. ``options.published``;
2. the ``META.jsonl`` of the document's folder;
3. the document's own metadata (HTML meta tags via htmldate, JSONL field, feed entry);
4. a date written near the top of its text (``dates.date_in_text``);
5. otherwise None.

``publication_date`` holds that order, for the web paste too; ``unique_name``
names the files of a folder, for every engine (a document's id must not depend
on the engine that read it).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..options import Options, check_date
from ..records import Document, Rejected
from .dates import META_NAME, MetaFile, date_in_text
from .encoding import binary_kind, charset_from_header, decode_bytes
from .raw import HTML_SUFFIXES, TEXT_SUFFIXES, Item, Raw, html_doc, read_page, sniffed_doc, suffix_of
# warcio is imported when an archive is read: a command over plain text files never pays for it

JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
STDIN = "-"


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def read_documents(paths: Iterable[str], options: Options) -> Iterator[Document | Rejected]:
    """Read every document under ``paths``; see the module docstring."""
    paths = list(paths)
    for path in paths:
        if path != STDIN and not is_url(path) and not Path(path).exists():
            raise InputError(path, "no such file or folder")
    return _read_all(paths, options)


def _read_all(paths: list[str], options: Options) -> Iterator[Document | Rejected]:
    metas: dict[Path, MetaFile] = {}
    seen_names: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield from _settle(read_stdin(sys.stdin.buffer), None, options)
        elif is_url(path):
            from .feeds import read_url

            yield from _settle(read_url(path), None, options)
        else:
            root = Path(path)
            files = walk(root) if root.is_dir() else [root]
            for file in files:
                meta = metas.get(file.parent)
                if meta is None:
                    meta = metas[file.parent] = MetaFile(file.parent / META_NAME)
                    for error in meta.errors:
                        yield Rejected(error.source, error.reason)
                name = unique_name(file, root, seen_names)
                yield from _settle(read_file(file, name), meta, options)


def walk(root: Path) -> list[Path]:
    """Files under ``root`` with a known suffix, sorted, skipping hidden files and META.jsonl.

    Feed files are read only when named explicitly: a folder walk never goes to
    the network. Symbolic links to folders are not followed (no loops); broken
    links and special files (FIFOs, devices) are listed, for ``read_file`` to
    report them.
    """
    known = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
    found = []
    for file in root.rglob("*"):
        relative = file.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if file.name == META_NAME or file.is_dir():
            continue
        if suffix_of(file) in known:
            found.append(file)
    return sorted(found, key=lambda f: f.relative_to(root).as_posix())


def unique_name(file: Path, root: Path, seen: set[str]) -> str:
    """The id of ``file`` under ``root``: its name; a later file of the same name gets its path under ``root``.

    ``seen`` holds the names given so far in this run (in the order of ``walk``).
    """
    name = file.name
    if name in seen and root.is_dir():
        name = file.relative_to(root).as_posix()
    seen.add(name)
    return name


def _settle(items: Iterable[Item], meta: MetaFile | None, options: Options) -> Iterator[Document | Rejected]:
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        entry = meta.get(item.id) if meta is not None else None
        published = publication_date(item, options.published, entry.published if entry else None)
        yield Document(
            id=item.id,
            text=item.text,
            title=(entry.title if entry and entry.title else None) or item.title,
            published=published,
            publisher=(entry.publisher if entry and entry.publisher else None) or item.publisher,
            url=(entry.url if entry and entry.url else None) or item.url,
        )


def publication_date(raw: Raw, *given: str | None) -> str | None:
    """The publication date of ``raw``: the first of ``given`` that is set (the user's date, then
    META.jsonl's), else its own metadata, else a date written near the top of its text, else None."""
    for value in given:
        if value:
            return value
    return raw.published or raw.dateline or date_in_text(raw.text)


# ---------------------------------------------------------------- one file


def read_file(file: Path, name: str) -> Iterator[Item]:
    """The documents of one file, by its suffix (unknown suffixes: sniffed)."""
    if file.exists() and not file.is_file():
        yield Rejected(name, "not a regular file (a FIFO, socket or device)")  # reading could block
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Rejected(name, f"cannot read: {exc.strerror or exc}")
        return
    suffix = suffix_of(file)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(data, name)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, name)
    elif suffix in FEED_SUFFIXES:
        from .feeds import read_feed_bytes

        yield from read_feed_bytes(data, name)
    else:
        yield _guard(name, lambda: read_page(data, name, suffix))


def _guard(name: str, read: Callable[[], Raw]) -> Item:
    try:
        return read()
    except InputError as exc:
        return Rejected(exc.source or name, exc.reason)


def read_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input: a JSONL stream, an HTML page or plain text, sniffed."""
    data = stream.read()
    if binary_kind(data) is None:
        start = data.lstrip()[:1]
        if start == b"{":
            yield from read_jsonl(data, "<stdin>")
            return
    yield _guard(STDIN, lambda: sniffed_doc(data, STDIN))


# ---------------------------------------------------------------- JSONL


def read_jsonl(data: bytes, name: str) -> Iterator[Item]:
    """One document per line: ``id``, ``text`` or ``html``, optional ``url``, ``title``, ``published``.

    Lines end at "\\n" only (JSON strings may hold U+2028 and other breaks that
    ``str.splitlines`` would cut at). A file that does not decode as a whole
    (NUL bytes or a stray encoding on some lines) is decoded line by line, so
    only the bad lines are rejected, each with its number.
    """
    kind = binary_kind(data)
    if kind and "NUL" not in kind:
        yield Rejected(name, f"not a text document: {kind}")
        return
    lines: list[str | bytes]
    try:
        lines = list(decode_bytes(data, name).split("\n"))
    except InputError:
        lines = list(data.split(b"\n"))
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        try:
            if isinstance(line, bytes):
                line = decode_bytes(line, where)
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            yield jsonl_line(line, where)
        except InputError as exc:
            detail = exc.reason if exc.source == where else f"{exc.source}: {exc.reason}"
            yield Rejected(where, detail)


def jsonl_line(line: str, where: str) -> Raw:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Unterminated string starting at"): say it once
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        raise InputError(where, f"not JSON: {msg} at column {exc.colno}") from None
    if not isinstance(row, dict):
        raise InputError(where, "not a JSON object")
    doc_id = row.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id) == "":
        raise InputError(where, 'needs an "id" (string or number)')
    doc_id = str(doc_id)
    for key in ("url", "title", "published", "text", "html"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise InputError(where, f'"{key}" of {doc_id!r} must be a string')
    published = check_date(row.get("published"), f'"published" of {doc_id!r}')
    url, title = row.get("url"), row.get("title")
    if row.get("text"):
        text = row["text"]
        return Raw(id=doc_id, text=text, title=title, url=url, published=published,
                   dateline=date_in_text(text))
    if row.get("html"):
        page = html_doc(row["html"], doc_id, url)
        return Raw(id=doc_id, text=page.text, title=title or page.title, publisher=page.publisher,
                   url=url or page.url, published=published or page.published,
                   dateline=page.dateline)
    raise InputError(where, f'{doc_id!r} has neither "text" nor "html"')


# ---------------------------------------------------------------- WARC


def read_warc(data: bytes, name: str) -> Iterator[Item]:
    """HTML responses of a WARC file (plain or gzipped); the id is the target URL."""
    import io
    import zlib

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = data[:5]
    if data[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(31).decompress(data[:4096])[:5]
        except zlib.error:
            head = b""
    if head != b"WARC/":
        yield Rejected(name, "not a WARC file (no WARC/1.x record header)")
        return
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not status.startswith("2") or not _is_html_type(content_type):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or name
            try:
                payload = record.content_stream().read()
            except (OSError, ValueError, EOFError, gzip.BadGzipFile) as exc:
                yield Rejected(url, f"unreadable WARC payload in {name}: {exc}")
                continue
            missing = getattr(record.raw_stream, "limit", 0)  # warcio's LimitReader: bytes never read
            if missing:
                yield Rejected(url, f"truncated WARC record in {name}: {missing:,} bytes missing")
                continue
            yield _guard(url, lambda: html_doc(payload, url, url, charset_from_header(content_type)))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Rejected(name, f"broken WARC file: {exc}")
        return
    if data[:2] == b"\x1f\x8b" and not _gzip_complete(data):
        yield Rejected(name, "truncated WARC file: the last gzip member ends early (records in it are lost)")


def _gzip_complete(data: bytes) -> bool:
    """Does every gzip member of ``data`` end with its end-of-stream marker? (1 MB at a time)"""
    import zlib

    rest = data
    while rest:
        member = zlib.decompressobj(31)
        chunk = rest
        try:
            while chunk and not member.eof:
                member.decompress(chunk, 1 << 20)
                chunk = member.unconsumed_tail
        except zlib.error:
            return False
        if not member.eof:
            return False
        rest = member.unused_data
    return True


def _is_html_type(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml")
