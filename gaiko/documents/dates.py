"""Publication dates: META.jsonl side files and dates written near a page's top.

Nothing here reads the clock. A date is returned as ISO 8601 (``YYYY-MM-DD``),
or None when the text holds no full, valid date in a dateline-like position.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..jsonl import json_lines
from ..options import check_date

META_NAME = "META.jsonl"

# How far into a text a dateline may stand.
TOP_LINES = 20
TOP_CHARS = 1200
# A date line is short: the date plus at most this many other characters
# (配信, 更新, a weekday, a time zone); otherwise a time must be written with it.
DATELINE_EXTRA = 24

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

_TIME = r"(?:\s*(?:\([^)]{1,3}\)|（[^）]{1,3}）))?\s*(?P<time>\d{1,2}(?::|時)\d{2}(?:(?::|分)\d{2}秒?)?分?)?"
_PATTERNS = [
    # 21 Jan 2024 11:01:28 GMT9
    re.compile(r"(?<![0-9A-Za-z])(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3})[a-z]*\.?,?\s+(?P<y>\d{4})" + _TIME),
    # Jan 21, 2024
    re.compile(r"(?<![0-9A-Za-z])(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})" + _TIME),
    # 2024年1月21日 11時01分 / 令和6年1月21日 / 平成元年
    re.compile(r"(?P<era>令和|平成|昭和)?(?P<y>\d{1,4}|元)年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日" + _TIME),
    # 2024/01/21, 2024-01-21, 2024.01.21 11:01
    re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)" + _TIME),
]


def _value(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    year_text = parts["y"]
    era = parts.get("era")
    if era:
        year = _ERAS[era] + (1 if year_text == "元" else int(year_text))
    elif year_text == "元" or len(year_text) != 4:
        return None
    else:
        year = int(year_text)
    if parts.get("mon"):
        month = _MONTHS.get(parts["mon"].lower())
        if month is None:
            return None
    else:
        month = int(parts["m"])
    try:
        return datetime.date(year, month, int(parts["d"])).isoformat()
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """A publication date written near the top of ``text``, or None.

    Only a full date counts, and only as a dateline: alone on its line (give or
    take a few words such as 配信 or a weekday) or written with a time of day.
    A date inside a sentence is an event's date, not the page's.
    """
    seen = 0
    for raw in text[:TOP_CHARS].splitlines():
        line = unicodedata.normalize("NFKC", raw).strip()
        if not line:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        for pattern in _PATTERNS:
            for match in pattern.finditer(line):
                value = _value(match)
                if value is None:
                    continue
                rest = len(line) - (match.end() - match.start())
                if match.group("time") or rest <= DATELINE_EXTRA:
                    return value
    return None


@dataclass(frozen=True)
class MetaEntry:
    published: str | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None


class MetaFile:
    """The ``META.jsonl`` of one folder: ``{"doc", "published", ...}`` per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, MetaEntry] = {}
        self.errors: list[InputError] = []
        if path.is_file():
            self._load()

    def _load(self) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            self.errors.append(InputError(str(self.path), f"cannot read: {exc}"))
            return
        for line in json_lines(lines, str(self.path)):
            if isinstance(line, InputError):
                self.errors.append(line)
                continue
            where, row = line
            if not isinstance(row, dict) or not isinstance(row.get("doc"), str):
                self.errors.append(InputError(where, 'needs a "doc" string'))
                continue
            try:
                published = check_date(_str(row.get("published")), '"published"')
            except InputError as exc:
                self.errors.append(InputError(where, f"{exc.source}: {exc.reason}"))
                continue
            self.entries[row["doc"]] = MetaEntry(
                published=published,
                publisher=_str(row.get("publisher"), strip=True),
                title=_str(row.get("title"), strip=True),
                url=_str(row.get("url")),
            )

    def get(self, doc: str) -> MetaEntry | None:
        return self.entries.get(doc)


def _str(value: object, strip: bool = False) -> str | None:
    if value is None:
        return None
    text = str(value)
    return (text.strip() or None) if strip else text
