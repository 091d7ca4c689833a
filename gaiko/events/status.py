"""Status of an event from the modality of its predicate.

The window read is the text from the trigger to the end of its clause chain (the
sentence end, or the next trigger's clause). Markers are data-like tuples here,
ordered by strength: a denial of the event beats speculation, which beats
planning; hearsay (〜という, 〜と伝えた, 〜によると) changes nothing, so it is
simply not a marker. A doubt about a planned event (「行われないかもしれない」)
leaves it planned: planning words seen before the doubt win.
"""

from __future__ import annotations

import re

PLANNED = ("予定", "見通し", "計画", "方針", "方向で", "方向だ", "望んで", "望む", "意向", "調整",
           "検討", "見込み", "構え", "つもり", "準備", "目指", "招待", "日程", "を前に", "ことにな", "用意がある",
           "用意を表明", "考えを示", "方向で調整")
POSSIBLE = ("可能性", "見方", "とみられ", "と見られ", "とみている", "と見ている", "かもしれない",
            "だろう", "もよう", "模様", "疑い", "観測", "推測", "可能", "とされる見通し", "公算")
DENIED = ("なかった", "ていない", "ません", "ず、", "ずに", "ずじまい", "せず", "中止", "見送", "取りやめ",
          "白紙", "されない", "しない", "行われない", "至らな", "ないまま", "報道を否定", "ことを否定", "と否定")
_FINAL_KA = re.compile(r"か[。」\s]*$|か」|か\s*$")
_FUTURE_END = re.compile(r"(する|行う|訪れる|会う|開く|開催する|出席する|訪問する|向かう|へ)[。」]?$")


def status_of(window: str, *, sentence_end: bool) -> str:
    """Classify the modality of ``window`` (the text after a trigger)."""
    text = window.strip()
    planned_at = _first(text, PLANNED)
    possible_at = _first(text, POSSIBLE)
    denied_at = _first(text, DENIED)
    if denied_at is not None and (possible_at is None or denied_at < possible_at) \
            and (planned_at is None or denied_at < planned_at):
        return "denied"
    if planned_at is not None and (possible_at is None or planned_at < possible_at):
        return "planned"
    if possible_at is not None:
        return "possible"
    if sentence_end and _FINAL_KA.search(text):
        return "possible"
    if sentence_end and _FUTURE_END.search(text) and "た" not in text[-6:]:
        return "planned"
    return "occurred"


def _first(text: str, markers: tuple[str, ...]) -> int | None:
    best = None
    for m in markers:
        i = text.find(m)
        if i >= 0 and (best is None or i < best):
            best = i
    return best
