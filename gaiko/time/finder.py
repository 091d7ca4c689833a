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
