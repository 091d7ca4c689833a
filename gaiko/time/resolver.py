"""Turn a parsed date (``DateSpec``) into an ISO value against a reference date.

The rules, and why:

* A day without a month (「30日」) is the nearest day of that number in the
  direction the tense allows: past -> on or before the reference, future -> on or
  after; with no tense, whichever is nearer (a tie goes to the past, as news
  mostly reports). Months are walked until the day exists, so 「31日」 on
  2018-06-01 is 2018-05-31.
* A month without a year (「9月」, 「5月4日」) is in the reference year unless the
  tense pushes it out: a past 9月 read in January is last year's. With no tense
  it stays in the reference year: papers write 昨年9月 when they mean it.
* A weekday is the most recent such day on or before the reference (past), the
  next one on or after it (future: a Friday paper's 「金曜日に来る」 is today, as
  news copy written the evening before says), else the nearer of the two.
* A week has no ISO value here, so 先週 is the month holding that week's
  Thursday (the ISO rule for which month a week belongs to).
* A partial reference date ("2016-06") stands for each of its days; a value is
  kept only when every one of them gives the same answer. Nothing is guessed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import dates

PAST, FUTURE = "past", "future"


@dataclass(frozen=True)
class DateSpec:
    """What the text said, before any reference date is applied.

    Absolute fields hold what was written (``month=5``). ``unit``/``offset`` hold
    one relative word (先月 -> "month", -1). ``anchor`` is "prefer" for words that
    resolve against a mentioned date when there is one (前日), "require" for
    those that mean nothing without one (同日).
    """

    year: int | None = None
    year2: int | None = None          # 92年: century from the reference
    month: int | None = None
    day: int | None = None
    weekday: int | None = None        # 0 = Monday
    unit: str | None = None           # "year" | "month" | "week" | "day"
    offset: int = 0
    anchor: str | None = None         # None | "prefer" | "require"
    truncate: str | None = None       # "year": resolve the month, keep the year (年末)
    nearest: bool = False             # without a tense, the occurrence nearest the reference (年明け)
    fiscal: bool = False              # 今年度: years count April to March (January 2025 is in 2024年度)

    @property
    def relative(self) -> bool:
        """True when the value depends on a reference date."""
        return self.year is None

    @property
    def continues(self) -> bool:
        """As the end of a range, takes its year (and month) from the start: 10日から13日."""
        return self.year is None and self.year2 is None and self.unit is None and self.weekday is None


def resolve_spec(spec: DateSpec, reference: str | None, tense: str | None) -> str | None:
    """The ISO value of ``spec`` seen from ``reference`` (ISO, maybe partial), or None."""
    return resolve_range(spec, None, reference, tense)[0]


def resolve_range(start: DateSpec, end: DateSpec | None, reference: str | None,
                  tense: str | None) -> tuple[str | None, str | None]:
    """Values of a range's two ends; the end takes what it lacks from the start (10日から13日)."""
    if not start.relative and (end is None or not end.relative or end.continues):
        return _on(start, end, None, tense)
    if reference is None:
        return None, None
    seen: set[tuple[str | None, str | None]] = set()
    for day in dates.candidates(reference):
        seen.add(_on(start, end, day, tense))
        if len({s for s, _ in seen}) > 1 and len({e for _, e in seen}) > 1:
            break  # neither end can agree any more
    starts = {s for s, _ in seen}
    ends = {e for _, e in seen}
    return (starts.pop() if len(starts) == 1 else None, ends.pop() if len(ends) == 1 else None)


def reference_for(spec: DateSpec, published: str | None, anchor: str | None) -> str | None:
    """The date a spec is read against: the anchor for 同日/前日..., else the publication date."""
    if spec.anchor == "require":
        return anchor
    if spec.anchor == "prefer":
        return anchor or published
    return published


def _on(start: DateSpec, end: DateSpec | None, ref: datetime.date | None,
        tense: str | None) -> tuple[str | None, str | None]:
    try:
        return _on_checked(start, end, ref, tense)
    except OverflowError:  # a reference at the edge of year 1 or 9999
        return None, None


def _on_checked(start: DateSpec, end: DateSpec | None, ref: datetime.date | None,
                tense: str | None) -> tuple[str | None, str | None]:
    first = _value(start, ref, tense)
    if end is None:
        return first, None
    if first is None or not end.continues:
        return first, _value(end, ref, tense)
    return first, _after(end, first)


def _after(end: DateSpec, start_value: str) -> str | None:
    """The first date on or after ``start_value`` matching ``end``'s month and day."""
    parts = dates.parse(start_value)
    year = parts[0]
    if end.month is None and end.day is None:
        return None
    if end.month is None:  # 10日から13日: same month, or the next one
        if len(parts) < 2:
            return None
        month = parts[1]
        if len(parts) > 2 and end.day is not None and end.day < parts[2]:
            year, month = dates.shift_month(year, month, 1)
        return dates.iso(year, month, end.day)
    start_key = (parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0)
    if (end.month, end.day or 0) < start_key:
        year += 1
    return dates.iso(year, end.month, end.day)


def _value(spec: DateSpec, ref: datetime.date | None, tense: str | None) -> str | None:
    if ref is None:
        if spec.year is None:
            return None
        return dates.iso(spec.year, spec.month, spec.day)
    value = _value_on(spec, ref, tense)
    if value is not None and spec.truncate == "year":
        return value[:4]
    return value


def _value_on(spec: DateSpec, ref: datetime.date, tense: str | None) -> str | None:
    if spec.unit == "day":
        return _date_iso(ref + datetime.timedelta(days=spec.offset))
    if spec.unit == "week":
        monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=spec.offset)
        if spec.weekday is not None:
            return _date_iso(monday + datetime.timedelta(days=spec.weekday))
        thursday = monday + datetime.timedelta(days=3)
        return dates.iso(thursday.year, thursday.month)
    if spec.weekday is not None and spec.day is None and spec.month is None:
        return _date_iso(_weekday(spec.weekday, ref, tense))
    year: int | None = spec.year
    month = spec.month
    if spec.year2 is not None:
        year = _century(spec.year2, ref.year)
    if spec.unit == "year":
        year = (ref.year if not spec.fiscal or ref.month >= 4 else ref.year - 1) + spec.offset
    elif spec.unit == "month":
        year, shifted = dates.shift_month(ref.year, ref.month, spec.offset)
        if month is None:
            month = shifted
    if year is None:
        if month is None:
            return _day_only(spec.day, ref, tense) if spec.day is not None else None
        year = _nearest_year(month, ref) if spec.nearest and tense is None else _year_for(month, spec.day, ref, tense)
    return dates.iso(year, month, spec.day)


def _date_iso(day: datetime.date | None) -> str | None:
    return None if day is None else dates.iso(day.year, day.month, day.day)


def _century(two_digits: int, ref_year: int) -> int:
    """92 -> 1992 and 30 -> 2030 when read in 2024: the year in (ref-90, ref+10]."""
    year = (ref_year // 100) * 100 + two_digits
    if year > ref_year + 10:
        year -= 100
    elif year <= ref_year - 90:
        year += 100
    return year


def _year_for(month: int, day: int | None, ref: datetime.date, tense: str | None) -> int:
    here, there = (month, day or 0), (ref.month, ref.day if day else 0)
    if tense == PAST and here > there:
        return ref.year - 1
    if tense == FUTURE and here < there:
        return ref.year + 1
    return ref.year


def _nearest_year(month: int, ref: datetime.date) -> int:
    """The year whose ``month`` lies nearest ``ref``: 年明け read in November is next January."""
    return min((ref.year - 1, ref.year, ref.year + 1),
               key=lambda y: abs((y * 12 + month) - (ref.year * 12 + ref.month)))


def _day_only(day: int, ref: datetime.date, tense: str | None) -> str | None:
    past = _walk(day, ref, -1)
    future = _walk(day, ref, +1)
    if tense == PAST:
        return _date_iso(past)
    if tense == FUTURE:
        return _date_iso(future)
    if past is None or future is None:
        return _date_iso(past or future)
    return _date_iso(past if ref - past <= future - ref else future)


def _walk(day: int, ref: datetime.date, step: int) -> datetime.date | None:
    """The nearest date with day-of-month ``day``, on or before (-1) / on or after (+1) ``ref``."""
    if not 1 <= day <= 31:
        return None
    year, month = ref.year, ref.month
    for _ in range(13):
        if day <= dates.days_in_month(year, month) and 1 <= year <= 9999:
            found = datetime.date(year, month, day)
            if (found <= ref) if step < 0 else (found >= ref):
                return found
        year, month = dates.shift_month(year, month, step)
    return None


def _weekday(weekday: int, ref: datetime.date, tense: str | None) -> datetime.date:
    back = ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7)
    ahead = ref + datetime.timedelta(days=(weekday - ref.weekday()) % 7)
    if tense == PAST:
        return back
    if tense == FUTURE:
        return ahead
    if back == ref:
        return ref
    later = ahead if ahead != ref else ahead + datetime.timedelta(days=7)
    return back if ref - back <= later - ref else later


