"""Join atoms into date expressions and read what follows them.

``parse(text)`` is the recogniser: it returns where each expression is and what
it says (a ``DateSpec``, maybe a second one for a range), but resolves nothing.
The joins allowed are few and written out in ``_JOINS``: a year takes a month,
a month takes a day, a week takes a weekday. Anything else stays apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from . import patterns
from .lexicon import lexicon
from .numerals import KANJI, to_int
from .resolver import DateSpec


@dataclass(frozen=True)
class Expression:
    """One date expression at ``text[start:end]``: a date, or a range of two."""

    start: int
    end: int
    spec: DateSpec
    end_spec: DateSpec | None = None
    part: str | None = None
    zone: str | None = None


@dataclass(frozen=True)
class _Atom:
    kind: str              # year | month | day | week | weekday | full | span
    start: int
    end: int
    spec: DateSpec
    numeric: bool = False  # written as a number, so it may be a count (3日間)
    kanji: bool = False
    two_digit: bool = False
    span_end: DateSpec | None = None
    span_unit: str | None = None
    part: str | None = None    # what the atom itself says of its part: 2024年度 -> "fiscal", 今春 -> "spring"
    fiscal: bool = False


# Which atom kind may directly follow which, inside one expression.
_JOINS = {
    ("year", "month"), ("year", "span:月"),
    ("month", "day"), ("month", "span:日"),
    ("week", "weekday"),
    ("offset", "month"),  # 3年前の12月
}
# Kinds after which the expression is at day precision (a time of day may follow)
# and those after which it is coarser (a part of the month may follow).
_DAY_KINDS = {"day", "weekday", "full", "span:日"}
_COARSE_KINDS = {"year", "month", "week", "span:年", "span:月"}


def parse(text: str) -> list[Expression]:
    """Every date expression in ``text``, in order, none overlapping."""
    groups = [g for g in _groups(text, _atoms(text)) if _is_date(text, g)]
    found: list[Expression] = []
    index = 0
    while index < len(groups):
        if found and groups[index][0].start < found[-1].end:  # 21日（日）: the note is the day's
            index += 1
            continue
        expression = _with_modifiers(text, groups[index])
        if index + 1 < len(groups):
            joined = _as_range(text, expression, groups[index + 1])
            if joined is not None:
                found.append(joined)
                index += 2
                continue
        found.append(expression)
        index += 1
    return found


def _atoms(text: str) -> list[_Atom]:
    atoms = []
    for match in patterns.core().finditer(text):
        atom = _atom(match)
        if atom is not None:
            atoms.append(atom)
    return atoms


def _atom(m: re.Match[str]) -> _Atom | None:
    """The atom a CORE match stands for, or None when its numbers are out of range."""
    lx = lexicon()
    kind, start, end = m.lastgroup, m.start(), m.end()
    if kind in ("iso", "slash"):
        key = "iso" if kind == "iso" else "sl"
        spec = DateSpec(year=to_int(m[f"{key}_y"]), month=to_int(m[f"{key}_m"]), day=to_int(m[f"{key}_d"]))
        return _Atom("full", start, end, spec) if _valid(spec) else None
    if kind == "eranum":
        era = m["en_word"] or lx["era_letters"][m["en_letter"]]
        number = to_int(m["en_y"])
        if not number:
            return None
        spec = DateSpec(year=lx["eras"][era] + number - 1, month=to_int(m["en_m"]), day=to_int(m["en_d"]))
        return _Atom("full", start, end, spec) if _valid(spec) else None
    if kind == "ym":
        month = to_int(m["ym_m"])
        if month is None or not 1 <= month <= 12:
            return None
        return _Atom("month", start, end, DateSpec(year=to_int(m["ym_y"]), month=month))
    if kind == "md":
        spec = DateSpec(month=to_int(m["md_m"]), day=to_int(m["md_d"]))
        text = m.string
        fraction = (patterns.fraction_before().search(text, max(0, start - 3), start)
                    or patterns.fraction_after().match(text, end))
        return _Atom("full", start, end, spec) if _valid(spec) and not fraction else None
    if kind == "offset":
        return _offset(m, start, end)
    if kind == "quarter":
        q = to_int(m["q_n"] or m["q_q"]) or 0
        return _Atom("span:月", start, end, DateSpec(month=3 * q - 2), numeric=True,
                     span_end=DateSpec(month=3 * q), span_unit="月", part="quarter")
    if kind == "rel_season":
        spec = DateSpec(unit="year", offset=lx["season_prefixes"][m["rs_pre"]])
        return _Atom("year", start, end, spec, part=lx["seasons"][m["rs_s"]])
    if kind == "rel_part":
        unit, part = lx["standalone_parts"][m.group()]
        if unit == "january":  # 年明け: the January nearest the paper, or the one the tense points to
            return _Atom("month", start, end, DateSpec(month=1, nearest=True), part=part)
        if unit == "year" and part == "end":  # 年末: December's year, at year precision
            return _Atom("year", start, end, DateSpec(month=12, truncate="year"), part=part)
        return _Atom(unit, start, end, DateSpec(unit=unit, offset=0), part=part)
    if kind == "year_bare":
        return _Atom("year", start, end, DateSpec(year=to_int(m["yb_n"])), numeric=True)
    if kind in ("en_dmy", "en_mdy"):
        n = "1" if kind == "en_dmy" else "2"
        month = lx["english_months"][m[f"en{n}_m"].lower()]
        spec = DateSpec(year=int(m[f"en{n}_y"]), month=month, day=int(m[f"en{n}_d"]))
        return _Atom("full", start, end, spec) if _valid(spec) else None
    if kind == "span":
        return _span(m, start, end)
    if kind == "era":
        number = to_int(m["era_y"])
        if not number:
            return None
        era = m["era_name"] or lx["era_letters"][m["era_letter"]]
        spec = DateSpec(year=lx["eras"][era] + number - 1)
        fiscal = m["era_fy"] is not None
        return _Atom("year", start, end, spec, numeric=True, fiscal=fiscal, part="fiscal" if fiscal else None)
    if kind == "year":
        digits = m["year_n"]
        number = to_int(digits)
        if number is None:
            return None
        fiscal = m["year_fy"] is not None
        part = "fiscal" if fiscal else None
        if len(digits) == 2:
            return _Atom("year", start, end, DateSpec(year2=number), numeric=True, two_digit=True,
                         fiscal=fiscal, part=part)
        return _Atom("year", start, end, DateSpec(year=number), numeric=True, kanji=not digits[0].isdigit(),
                     fiscal=fiscal, part=part)
    if kind == "month":
        number = to_int(m["month_n"])
        if number is None or not 1 <= number <= 12:
            return None
        return _Atom("month", start, end, DateSpec(month=number), numeric=True,
                     kanji=m["month_n"][0] in KANJI)
    if kind == "day":
        number = to_int(m["day_n"])
        if number is None or not 1 <= number <= 31:
            return None
        return _Atom("day", start, end, DateSpec(day=number), numeric=True, kanji=m["day_n"][0] in KANJI)
    if kind == "weekday":
        return _Atom("weekday", start, end, DateSpec(weekday=lx["weekdays"][m["weekday_c"]]))
    if kind == "weekday_b":
        return _Atom("weekday", start, end, DateSpec(weekday=lx["weekdays"][m["wb_c"]]))
    return _relative(kind or "", m.group(), start, end)


def _relative(kind: str, word: str, start: int, end: int) -> _Atom:
    lx = lexicon()
    unit = {"rel_year": "year", "rel_month": "month", "rel_week": "week", "rel_day": "day"}[kind]
    plain = lx[f"relative_{unit}s"]
    anaphoric = lx.get(f"anaphoric_{unit}s", {})
    if word in plain:
        spec = DateSpec(unit=unit, offset=plain[word])
    else:
        needs = "require" if word in lx["needs_anchor"] else "prefer"
        spec = DateSpec(unit=unit, offset=anaphoric[word], anchor=needs)
    fiscal = word.endswith(lx["fiscal_suffix"])
    if fiscal:
        spec = replace(spec, fiscal=True)
    return _Atom(unit, start, end, spec, fiscal=fiscal, part="fiscal" if fiscal else None)


def _offset(m: re.Match[str], start: int, end: int) -> _Atom | None:
    """3年前 / 2カ月後 / 3週間後 / 1年半前 / 半世紀前: so many units before or after the reference.

    The precision is the unit's (3年前 is a year, 2日前 a day); a half is kept only
    where it is a whole number of a smaller unit (1年半 = 18 months). After
    「その」「の」「から」 the offset counts from an event, so it needs an anchor.
    """
    lx = lexicon()
    if m["off_word"]:
        unit, amount = lx["offset_words"][m["off_word"]]
    else:
        number = to_int(m["off_n"])
        if not number:
            return None
        unit, size = lx["offset_units"][m["off_unit"]]
        amount = number * size
        if m["off_half"]:
            if unit != "year" or size != 1:
                return None
            unit, amount = "month", amount * 12 + 6
    sign = -1 if m["off_dir"] in ("前", "まえ") else 1
    before = m.string[max(0, start - 3):start]
    from_now = any(m.string[max(0, start - 5):start].endswith(w) for w in lx["offset_from_now"])
    anchored = not from_now and (any(before.endswith(w) for w in lx["offset_anchored_before"])
                                 or _after_noun(before, lx["offset_noun_exceptions"]))
    spec = DateSpec(unit=unit, offset=sign * amount, anchor="require" if anchored else None)
    return _Atom("offset", start, end, spec)


def _after_noun(before: str, exceptions: list[str]) -> bool:
    """震災1カ月後: a kanji or katakana noun right before the number names the event it counts from."""
    if not before or any(before.endswith(w) for w in exceptions):
        return False
    last = before[-1]
    return "\u4e00" <= last <= "\u9fff" or last in "々〆ヶ" or "\u30a1" <= last <= "\u30fa" or last == "ー"


def _span(m: re.Match[str], start: int, end: int) -> _Atom | None:
    """10〜13日 / 3〜5月 / 2023〜24年: two numbers sharing one unit."""
    a, b, unit = to_int(m["span_a"]), to_int(m["span_b"]), m["span_unit"]
    if a is None or b is None:
        return None
    unit = unit[-1]  # 5、6両日
    if unit == "年":
        if len(m["span_a"]) != 4:
            return None
        if len(m["span_b"]) == 2:
            b = a // 100 * 100 + b
        first, last = DateSpec(year=a), DateSpec(year=b)
    elif unit == "月":
        if not (1 <= a <= 12 and 1 <= b <= 12):
            return None
        first, last = DateSpec(month=a), DateSpec(month=b)
    else:
        if not (1 <= a <= 31 and 1 <= b <= 31):
            return None
        first, last = DateSpec(day=a), DateSpec(day=b)
    return _Atom(f"span:{unit}", start, end, first, numeric=True, span_end=last, span_unit=unit)


def _valid(spec: DateSpec) -> bool:
    return spec.month is not None and 1 <= spec.month <= 12 and spec.day is not None and 1 <= spec.day <= 31


def _groups(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Adjacent atoms that _JOINS allows to follow each other, as one group each."""
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups:
            last = groups[-1][-1]
            glue = text[last.end:atom.start]
            joined = (last.kind, atom.kind) in _JOINS and (
                glue == "" or (glue == "の" and last.kind in ("week", "offset")))
            if last.kind == "offset" and (last.spec.unit != "year" or glue != "の"):
                joined = False
            if joined and (atom.numeric or atom.kind == "weekday"):
                groups[-1].append(atom)
                continue
        groups.append([atom])
    return groups


def _is_date(text: str, group: list[_Atom]) -> bool:
    """False for counts and durations (3日間, 約3年, 懲役10年) and for lone kanji days (一日も早く)."""
    first, last = group[0], group[-1]
    if first.kind == "offset":
        return True
    if last.numeric and patterns.EVEN_ONE.match(text, last.end):
        return False
    if last.kind == "day" and last.kanji and not any(a.kind == "month" and a.numeric for a in group):
        return False
    if first.two_digit and first.fiscal:
        return False  # 30年度: 2030, or 平成30年度 (2018)? papers wrote both
    if first.numeric and patterns.AFTER_DAYS.search(text, max(0, first.start - 3), first.start):
        return False
    if (first.two_digit and len(group) == 1 and last.end < len(text)
            and not patterns.two_digit_year_follower().match(text, last.end)):
        return False
    if first.two_digit and len(group) == 1 and patterns.two_digit_year_not_follower().match(text, last.end):
        return False
    if last.numeric and (patterns.RATE.match(text, last.end)
                         or last.kind == "day" and patterns.DAY_RATE.match(text, last.end)):
        return False
    if last.numeric and patterns.duration_after().match(text, last.end) and not (
            last.kind == "span:月" and text.startswith("期", last.end)):  # 1～3月期 is a quarter
        if not (patterns.part().match(text, last.end) or patterns.time_of_day().match(text, last.end)):
            return False
    if first.numeric and patterns.duration_years_before().search(text, max(0, first.start - 10), first.start):
        return False  # 「懲役３年６月」: three years and six months
    if (first.numeric or first.kind == "weekday") and patterns.duration_before().search(
            text, max(0, first.start - 4), first.start) and not patterns.NAMED_WEEK_OR_YEAR.search(
            text, max(0, first.start - 3), first.start):
        return False
    return True


def _spec_of(group: list[_Atom]) -> tuple[DateSpec, DateSpec | None]:
    """One DateSpec from the atoms' fields; a span atom also gives the range's end."""
    merged = DateSpec()
    for atom in group:
        taken = {f.name: getattr(atom.spec, f.name) for f in fields(DateSpec)
                 if getattr(atom.spec, f.name) is not None and getattr(atom.spec, f.name) is not False
                 and f.name != "offset"}
        if atom.spec.unit is not None:
            taken["offset"] = atom.spec.offset
        merged = replace(merged, **taken)
    return merged, group[-1].span_end


def _with_modifiers(text: str, group: list[_Atom]) -> Expression:
    """The group's expression extended over a weekday note, a part, a time of day and a zone."""
    spec, end_spec = _spec_of(group)
    start, end, kind = group[0].start, group[-1].end, group[-1].kind
    part = next((a.part for a in reversed(group) if a.part), None)
    zone = None
    if kind in _DAY_KINDS:
        note = patterns.weekday_note().match(text, end)
        if note:
            end = note.end()
        clock = patterns.time_of_day().match(text, end)
        if clock:
            end = clock.end()
    elif kind in _COARSE_KINDS:
        season = patterns.season().match(text, end) if kind == "year" and part is None else None
        if season:
            end, part = season.end(), lexicon()["seasons"][season["s"]]
        elif kind == "span:月" and text.startswith("期", end):
            end, part = end + 1, "quarter"
        found = patterns.part().match(text, end)
        if found:
            end = found.end()
            part = (lexicon()["parts"][found["p"]] if found["p"] else None) or part
    if part in ("end", "early") and any(a.fiscal for a in group):
        spec = _fiscal_part(spec, part)
    after = patterns.zone_after().match(text, end)
    if after:
        end, zone = after.end(), lexicon()["zones"][after["z"]]
    before = patterns.zone_before().search(text, max(0, start - 12), start)
    if before:
        start, zone = before.start(), zone or lexicon()["zones"][before["z"]]
    return Expression(start, end, spec, end_spec, part, zone)


def _fiscal_part(spec: DateSpec, part: str) -> DateSpec:
    """2024年度末 is March 2025 and 2024年度初め April 2024: a Japanese fiscal year runs April to March."""
    if part == "early":
        return replace(spec, month=4)
    if spec.year is not None:
        return replace(spec, year=spec.year + 1, month=3)
    if spec.year2 is not None:
        return replace(spec, year2=(spec.year2 + 1) % 100, month=3)
    return replace(spec, offset=spec.offset + 1, month=3)


def _as_range(text: str, first: Expression, group: list[_Atom]) -> Expression | None:
    """``first`` joined to the next group when a から/〜 lies between them."""
    join = patterns.RANGE_JOIN.match(text, first.end)
    if join is None or join.end() != group[0].start or first.end_spec is not None:
        return None
    second = _with_modifiers(text, group)
    if second.end_spec is not None or second.start != group[0].start:
        return None
    end = second.end
    closing = patterns.RANGE_END.match(text, end)
    if closing:
        end = closing.end()
    return Expression(first.start, end, first.spec, second.spec, first.part or second.part,
                      first.zone or second.zone)


