"""The public entry points: find dates in text and resolve them.

Recognition (``grammar.parse``) and resolution (``resolver``) are separate so
that each can be tested alone; this module joins them and picks the tense and
the reference date for each expression.
"""

from __future__ import annotations

import re

from gaiko.errors import InputError
from gaiko.records import Timex

from . import dates, grammar
from .resolver import FUTURE, PAST, reference_for, resolve_range
from .tense import clause_tense

_TENSES = (None, PAST, FUTURE)


#: After a day, the rest of a clause that qualifies the noun after it: 「（前日）に就任した（大統領）」
#: 「（今月１日）に行った（攻撃）」「（２０１４年）に…で起きた（爆発事件）」. Such a day is the noun's, not the
#: sentence's (but 「（２日）に会談した後」 is a time of the sentence's own).
QUALIFYING = re.compile(r"(に|には|から)?[^、。「」をがは]{0,14}?(た|る|ている|ていた)(?![後際時前翌以上]|ため)"
                        r"(?=[\u4e00-\u9fff\u30a1-\u30faー])")


#: What an act is said in: a day qualifying it is the act's too (「日曜日に発表された（別の）声明では」).
_VEHICLE = re.compile(r"[^、。]{0,3}?(声明|談話|会見|演説|書簡|親書|インタビュー|論評|報道)")


def qualifies_noun(text: str, end: int, limit: int) -> bool:
    """Whether the day ending at ``end`` stands in a clause that qualifies another noun than the act
    at ``limit`` (「２月１９日に開催された会議に…謝意」: the meeting's day), and other than the
    statement the act is made in (「日曜日に発表された声明では」); the act's own noun takes it
    (「前日に行われた会談」「来月に予定される首脳会談」)."""
    m = QUALIFYING.match(text, end)
    if m is None or m.end() > limit or _VEHICLE.match(text, m.end()):
        return False
    p = _PARTICLE.search(text, m.end(), limit)  # (none: the act's own noun, 「前日に行われた会談」)
    return p is not None and not _OCCASION.match(text, p.start()) \
        and not _OCCASION_NOUN.search(text, m.end(), p.start() + 1)


#: A particle between the noun a clause qualifies and the act: the noun is another's.
_PARTICLE = re.compile(r"に(?!よる|対する|向けた)|を|が|は|で(?!の)|、|と(?![^、。をがはと]{0,12}による)")
# (「…ミサイルと無人機による（攻撃）」: still the act's noun)
#: After the noun: the occasion the act takes place at, whose day is the act's too
#: (「来月…開かれる首脳会議に合わせ、」「６月に大阪で開かれた首脳会合の際、」).
_OCCASION = re.compile(r"(に合わせ|で|に出席|に参加|を機)")
_OCCASION_NOUN = re.compile(r"の(際|場|合間|期間中|席|機会)")


def find_timexes(text: str, published: str | None, *, tense: str | None = None,
                 anchor: str | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, resolved against ``published``.

    ``published`` is ISO at any precision or None; with None, relative expressions
    keep their text and get value None. ``tense`` ("past"/"future") forces the
    direction of 「N日」, weekdays and year-less months; None reads it from the
    clause after each expression. ``anchor`` is the date 同日/同月/前日/翌日 refer to.
    """
    _check(published, "published")
    _check(anchor, "anchor")
    if tense not in _TENSES:
        raise InputError("tense", f"must be 'past', 'future' or None, got {tense!r}")
    found = []
    expressions = grammar.parse(text)
    for index, expression in enumerate(expressions):
        # (a day named earlier in the text is what a later 前日/同日 counts from: 「７日、…前日、」 is the 6th)
        # The clause of a date ends where the next date begins: that one has its own predicate.
        limit = expressions[index + 1].start if index + 1 < len(expressions) else len(text)
        direction = tense if tense is not None else clause_tense(text, expression.end, limit)
        reference = reference_for(expression.spec, published, anchor)
        value, value_end = resolve_range(expression.spec, expression.end_spec, reference, direction)
        end_spec = expression.end_spec
        if end_spec is not None and end_spec.anchor is not None and value is not None:
            # 「1日から翌日にかけて」: the end's 翌日/同月 count from the start, not from the paper
            value_end = resolve_range(end_spec, None, value, direction)[0]
        end_spec = expression.end_spec
        relative = expression.spec.relative or (
            end_spec is not None and end_spec.relative and not end_spec.continues)
        found.append(Timex(text=text[expression.start:expression.end], start=expression.start,
                           end=expression.end, value=value, value_end=value_end,
                           part=expression.part, zone=expression.zone, relative=relative))
        if value is not None and len(value) == 10 and expression.spec.anchor is None and value_end is None \
                and not QUALIFYING.match(text, expression.end):
            anchor = value
    return found


def resolve(expression: str, published: str | None, *, tense: str | None = None,
            anchor: str | None = None) -> Timex | None:
    """The first date of ``expression`` (meant to be one expression alone), or None if it has none."""
    found = find_timexes(expression, published, tense=tense, anchor=anchor)
    return found[0] if found else None


def _check(value: str | None, what: str) -> None:
    if value is None:
        return
    try:
        dates.parse(value)
    except ValueError as exc:
        raise InputError(what, str(exc)) from None
