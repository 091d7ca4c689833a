"""Calendar arithmetic on ISO dates of mixed precision ("2024", "2024-01", "2024-01-18").

The store merges events by date, so ``precision`` and ``contains`` are public;
the rest is what the resolver needs: month shifts that roll over years, and the
set of full dates a partial publication date may stand for.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PRECISIONS = ("year", "month", "day")


def parse(value: str) -> tuple[int, ...]:
    """``"2024-01"`` -> ``(2024, 1)``; ValueError on anything that is not ISO."""
    match = _ISO.match(value.strip())
    if not match:
        raise ValueError(f"not an ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    parts = tuple(int(p) for p in match.groups() if p is not None)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month out of range: {value!r}")
    if len(parts) > 2:
        datetime.date(*parts)  # raises ValueError on 2023-02-29
    return parts


def precision(value: str) -> str:
    """``"year"``, ``"month"`` or ``"day"``: how much of the date the text gave."""
    return _PRECISIONS[len(parse(value)) - 1]


def contains(a: str, b: str) -> bool:
    """True when date ``a`` covers date ``b``: "2024-01" contains "2024-01-18".

    A date contains itself; a finer date never contains a coarser one.
    """
    pa, pb = parse(a), parse(b)
    return len(pa) <= len(pb) and pb[: len(pa)] == pa


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Format at the precision given; None when the day does not exist or the year is out of range."""
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= days_in_month(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Add ``delta`` months, rolling over years: (2024, 1, -1) -> (2023, 12)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def candidates(reference: str) -> Iterator[datetime.date]:
    """Every full date a (possibly partial) reference date may stand for.

    A publication date of "2016-06" is any day of June 2016; the resolver keeps a
    value only when all of them agree, which is how a partial date resolves what
    it can and guesses nothing.
    """
    parts = parse(reference)
    year = parts[0]
    months = [parts[1]] if len(parts) > 1 else list(range(1, 13))
    for month in months:
        days = [parts[2]] if len(parts) > 2 else range(1, days_in_month(year, month) + 1)
        for day in days:
            yield datetime.date(year, month, day)
