"""One event per interaction: merging repeated mentions inside a document.

Two events are the same interaction when their type is equal, their actors agree
(the sets of actor keys — id, else country: :func:`gaiko.identity.document_key` —
of source and target; for the symmetric types the one set of all parties) and their
dates are compatible: equal, both absent, one absent, or one containing the other
(「2024-01」 contains 「2024-01-18」; :func:`gaiko.identity.dates_compatible` with
``undated_fits=True``). Two agreements (or two pledges to cooperate) are one only when their sentences also speak of
the same thing (a readout's distinct agreed items stay apart).
Thanks, welcome and backing between one pair stay apart across sentences, one act within one.
The merged event keeps every mention, the most precise date with the evidence of
the mention it comes from (so ``date_text`` can be found in ``evidence``; else the
first evidence), and the strongest status: what is reported as held beats what was planned or
speculated (seed 001 first calls a meeting possible, then reports it held).
"""

from __future__ import annotations

import re

from typing import Any

from ..identity import STATUS_RANK, dates_compatible, document_key
from ..plover import SYMMETRIC_TYPES
from ..records import Event


#: Types a readout lists item by item (gold/README.md: an AGREE per distinct agreed point; intent to
#: cooperate confirmed, 「…連携していくことを確認」, is COOPERATE in the same lists).
_ITEMISED = ("AGREE", "COOPERATE")


def _keys(actors: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(document_key(a) for a in actors)


def identity(event: Event) -> tuple[Any, ...]:
    """What must be equal for two events to be one interaction (dates aside)."""
    s, t = _keys(event.source), _keys(event.target)
    letter = event.mode == "letter"  # a letter is its own CONSULT, apart from the meetings it is carried to
    if event.type in SYMMETRIC_TYPES:
        # the parties, however a report splits them: 「AとBは…Cと会談」 and 「３首脳は…会談」 are one meeting
        return (event.type, s | t, letter)
    return (event.type, s, t, letter)


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one interaction; order follows first mention."""
    merged: list[Event] = []
    for ev in events:
        ident = identity(ev)
        for kept in merged:
            if ev.type == "AGREE" and _same_sentence(kept, ev) \
                    or ev.type in _ITEMISED and kept.type == ev.type and not _same_terms(kept, ev) \
                    and not _REFERS_BACK.search(ev.evidence or ""):
                continue  # 「…で一致したほか、…でも一致した」: one readout sentence, two agreed points
            if _same_sentence(kept, ev) and kept.status != ev.status:
                continue  # 「会談し、来年春に再び会談することで一致」: a meeting held and one agreed on
            if ev.type == kept.type == "SUPPORT" and kept.mode and ev.mode and kept.mode != ev.mode \
                    and not _same_sentence(kept, ev):  # (「…への祝意と謝意が表明され」: one act, however named)
                continue  # 「訪日を歓迎…謝意」 then 「…全面的な支持を得た」: thanks and backing are two acts
            if ev.type == kept.type == "SANCTION" and (ev.mode == "recall") != (kept.mode == "recall"):
                continue  # 「…大使を国外追放すると発表した。自国の駐カナダ大使も召還した」: two measures
            if _held_and_next(kept, ev):
                continue  # 「…と会談した。両氏は年内に協議を再開することで一致した」: the next talks are others
            if identity(kept) == ident and (dates_compatible(kept.date, ev.date, undated_fits=True)
                                            or _overtaken(kept, ev)):
                _absorb(kept, ev)
                break
            if _aimed_and_not(kept, ev):
                # 「陸海空軍を動員し、台湾周辺で合同演習を開始」: one act, said twice in one sentence,
                # once with whom it is aimed at
                kept.target = kept.target or ev.target
                _absorb(kept, ev)
                break
            if _same_dated_act(kept, ev):
                # 「プーチン大統領の平壌訪問」 and 「プーチン大統領が…金総書記と首脳会談」 on one date
                kept.target.extend(a for a in ev.target if a not in kept.target)
                _absorb(kept, ev)
                break
        else:
            merged.append(ev)
    return _fold_settings(merged)


def _fold_settings(events: list[Event]) -> list[Event]:
    """A visit to a state that is only the setting of meetings with its people
    (「崔外相は15日からロシアを訪問している。16日にはラブロフ外相と会談し」), or talks
    with a state's 「政府高官」 when the document names whom they met, are folded into
    the first such meeting rather than counted on their own."""
    out: list[Event] = []
    for ev in events:
        host = None
        if ev.type == "CONSULT" and ev.target \
                and _states_only(ev.target):
            states = {t.get("country") for t in ev.target}
            for other in events:
                if other is ev or other.type != "CONSULT" or _keys(other.source) != _keys(ev.source) \
                        or other.status != ev.status or other.mode == "letter":  # (a letter is sent, not met)
                    continue
                people = [t for t in other.target if t.get("id") != t.get("country")]
                if people and {t.get("country") for t in people} <= states and _one_setting(ev, other):
                    host = other
                    break
        if host is None:
            out.append(ev)
        else:
            _absorb(host, ev)  # (and the visit's date, where the meeting's sentence gives none)
    return out


#: A visit told as the first in a while: 「訪れるのは３月以来」「訪問するのは５年ぶり」「訪れたのは初めて」.
_THIS_VISIT = re.compile(r"(訪れ|訪問|訪)[^。、]{0,4}のは[^。]{0,20}(以来|ぶり|初めて)")


def _one_setting(setting: Event, meeting: Event) -> bool:
    """Talks with a state's officials are the setting of a meeting reported in another sentence unless
    their months differ. A visit is, if both are dated to one month, or the meeting, undated, is told in
    the sentence right after it; a visit told with no date may be another trip."""
    if setting.mode == "visit":
        if setting.date is None:
            return _THIS_VISIT.search(setting.evidence or "") is not None
        if meeting.date is None:  # 「…２３日、ソウルを訪れた。李大統領との首脳会談では…」: told right after it
            return any(0 <= m.start - v.end <= 3 for v in setting.mentions for m in meeting.mentions)
        return setting.date[:7] == meeting.date[:7]
    return setting.date is None or meeting.date is None or setting.date[:7] == meeting.date[:7]


#: How long before a held meeting a report that it was planned, doubted or denied still speaks of it.
OVERTAKEN_DAYS = 31


def _overtaken(a: Event, b: Event) -> bool:
    """One report says an act was planned, possible or denied, and a later one that it
    happened within a month (「29日の時点では…面会する予定はない」, then the meeting):
    the news overtook the first report; it is the same interaction."""
    import datetime

    if (a.status == "occurred") == (b.status == "occurred") or not (a.date and b.date):
        return False
    held, other = (a, b) if a.status == "occurred" else (b, a)
    if len(held.date) != 10 or len(other.date) != 10:
        return False
    days = (datetime.date.fromisoformat(held.date) - datetime.date.fromisoformat(other.date)).days
    return 0 <= days <= OVERTAKEN_DAYS


#: A run of kanji or katakana: the words two sentences are compared by.
_TERM = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,}")
#: Words of agreeing itself, which say nothing of what is agreed.
_AGREEING = re.compile(r"合意|一致|確認|同意|首脳|両国|両政府|会談")
#: The share of the shorter sentence's two-character pieces the other must have for one agreement.
_SHARED = 0.15


def _same_terms(a: Event, b: Event) -> bool:
    """Whether two agreements speak of the same thing: their sentences share enough of their words
    (a lead and the detail repeating it), not just the parties (gold/README.md: a readout's distinct
    agreed items are an AGREE each). Sentences with no words to compare are taken as one."""
    def grams(ev: Event) -> set[str]:
        text = _AGREEING.sub("", ev.evidence)
        for actor in ev.source + ev.target:  # (the parties are shared by definition)
            text = text.replace(actor.get("text") or "\0", "")
        return {w[i:i + 2] for w in _TERM.findall(text) for i in range(len(w) - 1)}
    x, y = grams(a), grams(b)
    return not x or not y or len(x & y) / min(len(x), len(y)) >= _SHARED


#: An agreement referred back to (「両国の合意を…評価」「同合意」「今回の合意」): the one reported before, whatever
#: else its sentence says.
_REFERS_BACK = re.compile(r"(両国|双方|両者|両首脳|両政府|この|同|今回の|その)の?(和平|停戦)?合意")
#: Words that make the talks a planned report speaks of the next ones, not those held: 「次回の会談」
#: 「再び会談」「協議を再開」「改めて協議する」「初会合」.
_NEXT_TALKS = re.compile(r"次回|次の(会談|会合|協議|首脳)|再び|再開|改めて|再度|初会合|定期的に")


def _held_and_next(a: Event, b: Event) -> bool:
    """Talks held and the next talks between the same sides, planned (gold/README.md: an agreed
    future meeting with its time given is a planned CONSULT of its own)."""
    if a.type != "CONSULT" or b.type != "CONSULT" or (a.status == "occurred") == (b.status == "occurred"):
        return False
    planned = b if a.status == "occurred" else a
    return planned.status == "planned" and _NEXT_TALKS.search(planned.evidence or "") is not None


def _same_sentence(a: Event, b: Event) -> bool:
    """Read from one sentence: their first mentions are one span."""
    return bool(a.mentions and b.mentions and a.mentions[0] == b.mentions[0])


def _states_only(actors: list[dict[str, Any]]) -> bool:
    return all(t.get("id") == t.get("country") for t in actors)


def _same_dated_act(a: Event, b: Event) -> bool:
    """Same type, source and day-or-month, and targets of the same states: one act
    reported once with its host state and once with its host; or, in one sentence, one
    act, said by one word twice, aimed at a state and at its envoy (「日本の閣僚の発言に抗議して駐韓日本大使を
    呼んで抗議した」)."""
    same_sentence = _same_sentence(a, b) and a.type not in SYMMETRIC_TYPES and a.status == b.status \
        and a.trigger == b.trigger
    return (a.type == b.type and (a.type == "CONSULT" and a.date is not None and a.date == b.date or same_sentence)
            and _keys(a.source) == _keys(b.source)
            and {t.get("country") for t in a.target} == {t.get("country") for t in b.target}
            and _states_only(a.target) != _states_only(b.target))


def _aimed_and_not(a: Event, b: Event) -> bool:
    """One sentence, one type, source and status, and one of the two aimed at no one."""
    return _same_sentence(a, b) and a.type == b.type \
        and a.type not in SYMMETRIC_TYPES and a.status == b.status and _keys(a.source) == _keys(b.source) \
        and (not a.target) != (not b.target)


def _take_date(kept: Event, ev: Event) -> None:
    """The date of ``ev`` with the sentence it was read from: date_text and evidence stay one mention's."""
    kept.date, kept.date_end, kept.date_text = ev.date, ev.date_end, ev.date_text
    kept.evidence = ev.evidence


def _absorb(kept: Event, ev: Event) -> None:
    for m in ev.mentions:
        if m not in kept.mentions:
            kept.mentions.append(m)
    if ev.status == "occurred" and kept.status != "occurred" and ev.date is not None:
        _take_date(kept, ev)  # when it was held
    elif ev.date is not None and (kept.date is None or len(ev.date) > len(kept.date)) \
            and not (kept.status == "occurred" and ev.status != "occurred"):
        # an occurred event never takes the date of a plan (「5月にはデモを行い…今後も続けるつもり」)
        _take_date(kept, ev)
    if STATUS_RANK[ev.status] > STATUS_RANK[kept.status]:
        kept.status = ev.status
    if kept.location is None and ev.location is not None:
        kept.location = ev.location
    if kept.mode is None and ev.mode is not None:
        kept.mode = ev.mode
