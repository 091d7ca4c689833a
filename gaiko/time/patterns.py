"""Every regular expression of the recogniser, in one place.

A date is read in two steps. ``CORE`` finds *atoms*: the pieces that carry the
date itself (a year, a month, a day, a relative word, a weekday). The grammar
(``grammar.py``) joins adjacent atoms into one expression and then reads the
*modifiers* that may follow it, each matched where the expression ends (a part
of the month, a time of day, a time zone, a range). Keeping the modifiers out
of ``CORE`` means a stray 「中」 or 「夜」 is never a date on its own.

Words come from ``data/lexicon.json``; here are only the shapes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .firsts import guarded
from .lexicon import lexicon
from .numerals import DIGITS, KANJI

# A run of ASCII or full-width digits, never glued to another digit or a decimal
# point before it: "1.5日" and "123日" are not days.
_NOT_AFTER_NUMBER = rf"(?<![{DIGITS}.．,，/／])"
_NOT_BEFORE_DIGIT = rf"(?![{DIGITS}])"
_D12 = rf"[{DIGITS}]{{1,2}}"
_D4 = rf"[{DIGITS}]{{4}}"

# Kanji day and month numbers, longest first (三十一 before 三十 before 三).
_KANJI_DAY = "三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_KANJI_MONTH = "十[一二]?|[一二三四五六七八九]"
_NOT_AFTER_KANJI = rf"(?<![{KANJI}])"


def _words(words: object) -> str:
    """An alternation of literal words, longest first so 一昨日 wins over 昨日."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def core() -> re.Pattern[str]:
    """The atoms. Exactly one named group of the outer alternation is set per match.

    Compiled ``guarded`` (``firsts``): run over every sentence, it turns down at once the
    characters no atom begins with."""
    lx = lexicon()
    english = _words(lx["english_months"])
    relative_days = _words({**lx["relative_days"], **lx["anaphoric_days"]})
    eras = _words(lx["eras"])
    letters = "".join(lx["era_letters"])
    units = _words(lx["offset_units"])
    hedges = _words(lx["offset_hedges"])
    seasons = "".join(lx["seasons"])
    return guarded(
        rf"""
        # 2024/01/21, 2024.01.21, 2024-01-21, 2021・7・18 (the same separator twice)
        (?P<iso>{_NOT_AFTER_NUMBER}(?P<iso_y>{_D4})(?P<iso_sep>[/.\-／．－・,，])(?P<iso_m>{_D12})
            (?P=iso_sep)(?P<iso_d>{_D12}){_NOT_BEFORE_DIGIT}(?![.．]?[{DIGITS}]))
        # 2021年/7月/18日, 2021/7月/18日
      | (?P<slash>{_NOT_AFTER_NUMBER}(?P<sl_y>{_D4})年?[/／](?P<sl_m>{_D12})月?[/／](?P<sl_d>{_D12})日?{_NOT_BEFORE_DIGIT})
        # 令和3.7.18, R3/7/18, H30.1.5: an era (word or letter) and numbers
      | (?P<eranum>(?:(?P<en_word>{eras})|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<en_letter>[{letters}]))(?P<en_y>元|{_D12})
            (?P<en_sep>[/.／．・\-])(?P<en_m>{_D12})(?P=en_sep)(?P<en_d>{_D12}){_NOT_BEFORE_DIGIT})
        # 2021/7, 2021年/7月: a year and a month
      | (?P<ym>{_NOT_AFTER_NUMBER}(?P<ym_y>{_D4})年?[/／](?P<ym_m>{_D12})月?(?![{DIGITS}/／.．]))
        # 7/18: a month and a day
      | (?P<md>(?<![{DIGITS}/／.．,，:：A-Za-z+＋])(?P<md_m>{_D12})[/／](?P<md_d>{_D12})(?![{DIGITS}/／.．%％:：+＋]))
        # 21 Jan 2024, 21 January, 2024
      | (?P<en_dmy>(?<![A-Za-z0-9])(?P<en1_d>\d{{1,2}})\s+(?P<en1_m>{english})\.?,?\s+(?P<en1_y>\d{{4}})(?!\d))
        # Jan 21, 2024, January 21st 2024
      | (?P<en_mdy>(?<![A-Za-z])(?P<en2_m>{english})\.?\s+(?P<en2_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<en2_y>\d{{4}})(?!\d))
        # 3年前, 2日前, 2カ月後, 3週間後, 1年半前, 半世紀前: an offset from the reference date
      | (?P<offset>(?:(?<![{DIGITS}.．,，/／数何幾{KANJI}])(?<![{DIGITS}][、,，〜~～])
            (?P<off_n>[{DIGITS}]{{1,3}}|[一二三四五六七八九十百]{{1,4}})(?P<off_unit>{units})(?P<off_half>半)?
          | (?<![{KANJI}])(?P<off_word>{_words(lx["offset_words"])}))
            (?:{hedges})?(?P<off_dir>前|後|まえ|あと)(?![後半期方者])(?!に(?:わた|及)))
        # 10〜13日, 3-5月, 2023〜24年, 1、2日, 1から2日, 5、6両日: the first number takes the unit of the second
      | (?P<span>{_NOT_AFTER_NUMBER}(?P<span_a>{_D4}|{_D12})\s*(?:[〜~～―－‐\-、，,]|から)\s*(?P<span_b>{_D4}|{_D12})(?P<span_unit>[年月]|両?日))
        # 第1四半期: a quarter of the year
      | (?P<quarter>第(?P<q_n>[1-4１-４一二三四])四半期|(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[QＱ](?P<q_q>[1-4１-４])(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))
        # 令和6年, 平成元年, 昭和四十五年, R3年, 令和6年度
      | (?P<era>(?:(?P<era_name>{eras})|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<era_letter>[{letters}]))(?P<era_y>元|[{DIGITS}]{{1,2}}|[{KANJI}]{{1,4}})年(?P<era_fy>度)?)
        # 今春, 昨秋, 来夏: a season of a year named relative to the paper
      | (?P<rel_season>(?P<rs_pre>{_words(lx["season_prefixes"])})(?P<rs_s>[{seasons}])(?![日分巻場]))
        # 月末, 年明け, 年末: a part of the paper's month or year, the month or year unwritten
      | (?P<rel_part>(?<![{DIGITS}{KANJI}今昨来本先同前翌当])(?:{_words(lx["standalone_parts"])}))
        # relative and anaphoric words: 一昨年, 今年, 同年 / 先月, 同月 / 先週 / 昨日, 同日, この日
      | (?P<rel_year>{_words({**lx["relative_years"], **lx["anaphoric_years"]})})
      | (?P<rel_month>{_words({**lx["relative_months"], **lx["anaphoric_months"]})})
      | (?P<rel_week>{_words({**lx["relative_weeks"], **lx["anaphoric_weeks"]})})
      | (?P<rel_day>(?:(?<=[はもがにとでのをへや、])|(?<=から)|(?<![ぁ-ゖ]))(?:{relative_days})(?!本|暮|[ぁ-ゖ]{{0,1}}(?:だい|かい|いく|りょく)))
        # 2024年, 92年, 二〇二四年, 2024年度 (two-digit years are checked in the grammar; after a noun,
        # 「休戦協定締結70年」「勝利80年」, two digits count the years since, they name none)
      | (?P<year>{_NOT_AFTER_NUMBER}{_NOT_AFTER_KANJI}(?P<year_n>{_D4}|(?<![\u4e00-\u9fff])[{DIGITS}]{{2}}|[〇一二三四五六七八九]{{4}})年(?P<year_fy>度)?)
        # 2021春: a four-digit year with a season and no 年
      | (?P<year_bare>{_NOT_AFTER_NUMBER}(?P<yb_n>{_D4})(?=[/／]?[{seasons}]))
        # 1月, １２月, 十二月 -- never 月曜 and never カ月
      | (?P<month>{_NOT_AFTER_NUMBER}{_NOT_AFTER_KANJI}(?P<month_n>{_D12}|{_KANJI_MONTH})月(?!曜|雨))
        # 14日, １２日, 三日 (a kanji day only counts after a month, see the grammar)
      | (?P<day>{_NOT_AFTER_NUMBER}{_NOT_AFTER_KANJI}(?P<day_n>{_D12}|{_KANJI_DAY})日(?!曜))
        # 日曜日, 木曜, 金曜
      | (?P<weekday>(?P<weekday_c>[月火水木金土日])曜(?:日)?)
        # （金曜日）, (月曜): a weekday in brackets, alone; never （日） or （金）, which name Japan and gold
      | (?P<weekday_b>[（(](?P<wb_c>[月火水木金土日])曜日?[）)])
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def weekday_note() -> re.Pattern[str]:
    """The weekday newspapers put in brackets after a day: 21日（日）."""
    return re.compile(r"[（(](?P<c>[月火水木金土日])(?:曜日?)?[）)]")


@lru_cache(maxsize=None)
def part() -> re.Pattern[str]:
    """上旬/中旬/下旬/末... after a month or year; 「中」 only when no kanji follows (5月中国 is not 5月中)."""
    parts = [p for p in lexicon()["parts"] if p != "中"]
    return re.compile(rf"の?(?P<p>{_words(parts)})|(?P<within>中)(?![\u4e00-\u9fff々〆ヵヶ])")


@lru_cache(maxsize=None)
def season() -> re.Pattern[str]:
    """春/夏/秋/冬 after a year (2024年春, 昨年の秋, 2021春); not the 春 of 春日部."""
    return re.compile(rf"(?:の|[/／])?(?P<s>[{''.join(lexicon()['seasons'])}])(?:季)?(?![日分巻場])")


@lru_cache(maxsize=None)
def time_of_day() -> re.Pattern[str]:
    """午前, 未明, 夜, 午後3時ごろ ... after a day; not the 朝 of 朝鮮 or the 夕 of 夕刊."""
    words = _words(lexicon()["times_of_day"])
    clock = rf"[{DIGITS}]{{1,2}}時(?!間)(?:[{DIGITS}]{{1,2}}分|半)?(?:ごろ|頃|過ぎ|すぎ)?"
    return re.compile(
        rf"の?(?:(?:{words})(?!鮮|日新聞|刊|餐|年)(?:{clock})?(?:ごろ|頃)?|{clock})"
    )


@lru_cache(maxsize=None)
def zone_after() -> re.Pattern[str]:
    """4日(現地時間), 4日（日本時間）."""
    return re.compile(rf"[（(](?P<z>{_words(lexicon()['zones'])})[）)]")


@lru_cache(maxsize=None)
def zone_before() -> re.Pattern[str]:
    """日本時間の31日, 現地時間4日: the zone ends right where the date starts."""
    return re.compile(rf"(?P<z>{_words(lexicon()['zones'])})(?:の|で)?$")


# A range joins two dates: 10日から13日まで, 2023年〜2024年, 4日から5日にかけて.
RANGE_JOIN = re.compile(r"\s*(?:から|〜|~|～|―|－|‐|-)\s*(?:(?:翌|同)(?=[0-9０-９〇一二三四五六七八九十]))?")
RANGE_END = re.compile(r"まで|にかけて")


@lru_cache(maxsize=None)
def duration_after() -> re.Pattern[str]:
    """What follows a number of days, months or years that counts rather than dates: 3日間, 9年ぶり."""
    return re.compile(_words(lexicon()["duration_suffixes"]))


# 「1日も休みがない」「10年も経たない」: a count stressed by も before a negative, not a date.
EVEN_ONE = re.compile(r"も[^。、「」]{0,12}?(?:ない|なく|なかっ|ず|ません)")

# 1日1回, 1日3食: a day followed by a count is a rate, not a date.
RATE = re.compile(rf"に?[{DIGITS}{KANJI}]+(?:回|度|食|便|件|人|本|錠|杯|時間|分|秒)")
# 1日に1ヶ月, 7日に1日, 3日1日: after a day, another span of time makes it a rate or a count.
DAY_RATE = re.compile(rf"に[{DIGITS}{KANJI}]+(?:[日週月年]|[ヶカヵケか箇]月)|[{DIGITS}]+日(?!曜)")
# 週3日 and 年に1日 are counts, but 翌週28日, 来週3日 and 2021年に7月 name a week or year first.
NAMED_WEEK_OR_YEAR = re.compile(rf"(?:(?:翌|来|先|今|同|前|本|昨|去)[週年]|[{DIGITS}〇一二三四五六七八九十元]年に?)$")
# 3日1日: a day right after another number of days is a count too.
AFTER_DAYS = re.compile(rf"[{DIGITS}]日$")


@lru_cache(maxsize=None)
def fraction_before() -> re.Pattern[str]:
    """What precedes 1/3 when it is a fraction: 人口の1/3."""
    return re.compile(rf"(?:{_words(lexicon()['fraction_before'])})$")


@lru_cache(maxsize=None)
def fraction_after() -> re.Pattern[str]:
    """What follows 3/4 when it is a fraction: 3/4の人, 1/3以上."""
    return re.compile(_words(lexicon()["fraction_after"]))


@lru_cache(maxsize=None)
def duration_before() -> re.Pattern[str]:
    """What precedes a number that counts rather than dates: 約3日, 懲役10年, 第2日."""
    return re.compile(rf"(?:{_words(lexicon()['duration_prefixes'])})$")


@lru_cache(maxsize=None)
def duration_years_before() -> re.Pattern[str]:
    """A counted span of years right before a month, 「懲役３年|６月」: the month counts on too."""
    return re.compile(rf"(?:{_words(lexicon()['duration_prefixes'])})[0-9０-９一二三四五六七八九十]+年$")


@lru_cache(maxsize=None)
def two_digit_year_follower() -> re.Pattern[str]:
    """A two-digit year (92年) is a year only when one of these comes next; else 10年 is a duration."""
    return re.compile(_words(lexicon()["two_digit_year_followers"]))


@lru_cache(maxsize=None)
def two_digit_year_not_follower() -> re.Pattern[str]:
    """...unless what follows makes it a length of time: 10年に及ぶ, 20年にわたって."""
    return re.compile(_words(lexicon()["two_digit_year_not_followers"]))
