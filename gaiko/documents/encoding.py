"""Bytes to text: charset detection for Japanese news, and binary sniffing.

The charset is taken, in this order, from a byte-order mark, ISO-2022-JP
escape sequences, strict UTF-8 (valid UTF-8 with Japanese in it is never an
accident), the HTTP header (where there is one), the document's own declaration
(``<meta charset>``, ``http-equiv``, ``<?xml encoding?>``), then
charset-normalizer restricted to the Japanese encodings. Every decoding is strict: bytes that no candidate decodes raise ``InputError`` rather
than turning into replacement characters.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import InputError

# Aliases that real pages declare, mapped to the codecs that decode them.
# Pages that say Shift_JIS routinely use the CP932 extensions (①, ㈱, NEC rows).
_ALIASES: dict[str, tuple[str, ...]] = {
    "shift_jis": ("cp932", "shift_jis_2004"),
    "shift-jis": ("cp932", "shift_jis_2004"),
    "sjis": ("cp932",),
    "x-sjis": ("cp932",),
    "ms_kanji": ("cp932",),
    "windows-31j": ("cp932",),
    "cp932": ("cp932",),
    "euc-jp": ("euc_jp", "euc_jis_2004"),
    "x-euc-jp": ("euc_jp", "euc_jis_2004"),
    "eucjp": ("euc_jp",),
    "iso-2022-jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2"),
    "csiso2022jp": ("iso2022_jp", "iso2022_jp_ext"),
    "utf8": ("utf-8",),
    "utf-8": ("utf-8",),
}

# What is tried when nothing is declared.
_JAPANESE = ["utf_8", "cp932", "euc_jp", "iso2022_jp"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF-", "a PDF file"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"RIFF", "a RIFF (image/audio) file"),
    (b"\x7fELF", "an executable"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def charset_from_header(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS[1:]):
        return None  # UTF-16 text has NUL bytes by nature
    if b"\x00" in data[:65536]:
        return "binary data (NUL bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares about itself, in its first 4 KB."""
    head = data[:4096]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _codecs_for(label: str) -> tuple[str, ...]:
    key = label.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return (codecs.lookup(key).name,)
    except LookupError:
        return ()


def _strict(data: bytes, names: tuple[str, ...] | list[str]) -> str | None:
    for name in names:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _reads_as_japanese(text: str) -> bool:
    wide = [ch for ch in text if ord(ch) > 0x7F]
    kana = sum("\u3040" <= ch <= "\u30ff" for ch in wide)
    return bool(wide) and kana >= 0.3 * len(wide)


def decode_bytes(data: bytes, name: str, header_charset: str | None = None) -> str:
    """Decode ``data`` (the document ``name``) to text, or raise ``InputError``."""
    kind = binary_kind(data)
    if kind:
        raise InputError(name, f"not a text document: {kind}")
    # 1. byte-order mark
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, (codec,))
            if text is not None:
                return text.lstrip("\ufeff")
    # 2. ISO-2022-JP escapes (7-bit, so it would also pass as UTF-8)
    if b"\x1b$B" in data or b"\x1b$@" in data or b"\x1b(J" in data:
        text = _strict(data, _ALIASES["iso-2022-jp"])
        if text is not None:
            return text
    # 3. strict UTF-8: legacy Japanese bytes almost never form valid UTF-8, so
    #    this also overrides a stale Shift_JIS declaration on a re-encoded page
    text = _strict(data, ("utf-8",))
    if text is not None:
        return text
    # 4. the HTTP header, 5. the document's own declaration
    for label in (header_charset, declared_charset(data)):
        if label:
            text = _strict(data, _codecs_for(label))
            if text is not None:
                return text
    # 6. charset-normalizer, limited to the encodings Japanese news uses
    best = charset_normalizer.from_bytes(data, cp_isolation=_JAPANESE).best()
    if best is not None:
        text = _strict(data, _codecs_for(best.encoding))
        if text is not None:
            return text
    # 7. a strict legacy decoding that reads as Japanese (kana among the non-ASCII)
    for codec in ("cp932", "euc_jp"):
        text = _strict(data, (codec,))
        if text is not None and _reads_as_japanese(text):
            return text
    raise InputError(
        name,
        "cannot decode: not valid UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP, "
        "and no charset it declares fits",
    )
