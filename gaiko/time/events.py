"""How events are dated: the one module that owns it.

The stages before (``events``) read who did what in which sentence; this module
gives each event its date, sentence by sentence through a document
(:class:`EventDates`), then settles what the whole document says:

1. the temporal expression that governs the trigger (:func:`date_event`, below);
2. an undated statement takes the date of the meeting it was made at
   (:meth:`EventDates.carry`);
3. a wire dateline (【モスクワ共同】) gives the lead its day and place where it
   has none (:meth:`EventDates.apply_dateline`);
4. after the in-document merge, what occurred is never left dated after the paper
   by a relative expression (:meth:`EventDates.check_not_after`).

The timex that governs a trigger, in order: the nearest expression before the trigger in its sentence (Japanese
puts the time before the predicate: 「5月下旬、ハバナを訪問」), else the first one
after it in the same sentence (「会談は4日、行われた」), else null — never the
publication date by default. 同日/この日 resolve against the previous event's
date. A day that belongs to a reporting verb (「聯合ニュースは20日、…と報じた」,
「…と23日、中央日報が報じた」) dates the report, not the event, and is skipped; so is
the adjunct day of another predicate when the trigger is a noun it is about
(「国連総会は23日、ロシアのウクライナ侵攻を協議する会合で…」), and the day a plan
was decided (「外務省は8日、…追放する方針を固めた」). Words are in ``data/dating.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ..events.cues import ANSWERED, ATTRIBUTIVE
from ..events.status import DECIDED_TYPES
from ..events.subjects import quote_spans, reaches
from ..plover import SAID_TYPES
from ..records import ActorMention, Event, Timex
from ..documents.dateline import find_dateline
from ..yamldata import safe_load
from .bounds import BOUND, BOUND_BY_EVENT, CLOCK, SINCE_ACT, STARTS_AT
from .finder import find_timexes, qualifies_noun, resolve
from .tense import clause_tense

if TYPE_CHECKING:  # pragma: no cover
    from ..events.frame import Frame

#: After a date, a wire dateline: the date is the page's stamp on the story.
_STAMPED = re.compile(r"\s*[【［]")
#: A plan, before the act it was for: 「（５日から）予定していた（中国訪問）」.
_WAS_PLANNED = re.compile(r"(予定|計画)(して|され)?(いた|た)")
#: A sentence ending in a non-past negative: 「出席しない。」「応じない方針だ。」
_NOT_YET = re.compile(r"(しない|ない|ません)(方針|考え|意向)?(だ|である|です)?[。」\s]*$")
_REPORTING = re.compile(r"(報じ|伝え|報道|発表し|明らかにし|述べ|語っ|語り|強調し|指摘し)")
#: What a topic (「国務省当局者は4日、…供与したことを非難した」) says of another's act: its day is the saying's.
_JUDGING = re.compile(r"(非難し|批判し|抗議し|反発し|否定し|主張し|歓迎し|警告し)")


#: A predicate in the non-past before the noun it describes: 「（非核化を）求めるアメリカ」 is a
#: standing position, not a statement made at an occasion.
_STANDING_AFTER = re.compile(r"(する|している|る)?[\u4e00-\u9fff\u30a1-\u30fa]")


#: Nouns that make the predicate before them what a statement says: 「支持する立場（を示した）」.
_STANCE_NOUNS = ("立場", "考え", "方針", "姿勢", "意向", "構え", "旨", "意思", "用意", "意欲", "決意", "見通し", "予定", "方向")


def _standing(sentence: str, start: int, end: int) -> bool:
    """Whether the trigger at [start, end) describes the noun after it in the non-past."""
    word = sentence[start:end]
    m = _STANDING_AFTER.match(sentence, end)
    if m is None or sentence.startswith(_STANCE_NOUNS, m.end() - 1):
        return False  # 「支持する立場を示した」: a stance shown, said on its day
    return m.group(1) is not None or word.endswith(("る", "う", "す", "く", "む", "ぶ", "つ"))


def date_event(sentence: str, trigger_start: int, trigger_end: int, published: str | None, *,
               status: str, mentions: list[tuple[int, int, ActorMention]],
               anchor: str | None = None, reporters: list[tuple[int, int]] = (),
               triggers: list[int] = (), floor: int = 0, skip: list[tuple[int, int]] = (),
               stay: bool = False) -> Timex | None:
    """The timex that dates the event whose trigger spans [trigger_start, trigger_end).

    ``reporters`` are the spans of subjects in the sentence that are not the
    event's own actors: a day right after one of them (「ホワイトハウスは13日、
    北朝鮮が…提供したと発表した」) belongs to that subject's reporting verb. ``skip`` are the
    spans of the event's content clauses: 「４月に訪中することで合意」 dates the visit, not the agreeing.
    """
    # (a refusal in the non-past is of what is still to come: 「８月に開かれる…会議に出席しない」)
    tense = "future" if status == "planned" or status == "denied" and _NOT_YET.search(sentence) else "past"
    if status == "denied" and _WAS_PLANNED.search(sentence, max(0, trigger_start - 24), trigger_start):
        # a plan called off is of what was to come: 「（２０日、）９月２日から予定していた訪問を中止」
        planned = [t for t in _timexes(sentence, published, "future", anchor)
                   if trigger_start - 24 <= t.start and t.end <= trigger_start]
        if planned:
            return planned[-1]
    timexes = [t for t in _timexes(sentence, published, tense, anchor)
               if t.start >= floor and not BOUND.match(sentence[t.end:])
               and not _STAMPED.match(sentence, t.end)  # (「date 2025-12-29 【台北＝…】」: the page's stamp, not the act's)
               and not ((b := BOUND_BY_EVENT.match(sentence, t.end)) and not t.end < trigger_start < b.end())
               and not any(a <= t.start < b for a, b in skip)
               and not (t.value_end is None and sentence.startswith("から", t.end) and status != "planned" and not stay
                        and not STARTS_AT.match(sentence, t.end) and not CLOCK.search(t.text))
               and not (status == "occurred" and _future(t, published))
               and not (t.text in _DEICTIC and _quoted(sentence, t.start))
               and not _is_report_date(sentence, t, mentions)
               and not _after_reporter(sentence, t, reporters)
               and not _other_clock(sentence, t)]
    quotes = quote_spans(sentence)
    timexes = [t for t in timexes if _owner(sentence, t, triggers) in (None, trigger_start)
               and reaches(quotes, t.start, trigger_start)]  # a quote's dates are its own words
    nominal = _argument_of_another(sentence, trigger_end)
    before = [t for t in timexes if t.end <= trigger_start
              and not _CLAUSE_BREAK.search(sentence[t.end:trigger_start])
              and not (nominal and sentence.startswith("、", t.end))]  # 「23日、…侵攻を協議する」
    if status == "planned" and _ENDS_PAST.search(sentence):
        # (read as the past it was written in: 「内相は8日、…追放すると表明した」 on the 9th is the 8th)
        past = {t.start: t for t in _timexes(sentence, published, "past", anchor)}
        before = [t for t in before if not _decided_on(sentence, t, published)
                  and not (sentence.startswith("、", t.end) and t.start in past
                           and _decided_on(sentence, past[t.start], published))]
    if before:
        # (a day inside a clause that qualifies a name is the name's: 「…は１１日、前日に就任した文大統領と
        # 会談した」 is the 11th; 「２月１９日に開催された会議に…謝意」 has none)
        own = [t for t in before if not qualifies_noun(sentence, t.end, trigger_start)]
        return own[-1] if own else None
    after = [t for t in timexes if t.start >= trigger_end and not SINCE_ACT.match(sentence, trigger_end)]
    if after:
        return after[0]
    return None


@lru_cache(maxsize=None)
def _words() -> dict[str, list[str]]:
    """``data/dating.yaml``, read on first use."""
    from importlib import resources

    text = resources.files("gaiko.time").joinpath("data", "dating.yaml").read_text(encoding="utf-8")
    return safe_load(text)


@lru_cache(maxsize=None)
def _argument() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_words()["argument_of"], key=len, reverse=True)))


#: A sentence whose main predicate is past: 「…する方針を固めた。」 (not 「…する予定だ。」).
_ENDS_PAST = re.compile(r"た[」』）)]*。?\s*$")


def _decided_on(sentence: str, t: Timex, published: str | None) -> bool:
    """A plan reported in the past tense (「外務省は8日、…追放する方針を固めた」): a date not
    after the paper, written as the adjunct 「8日、」, is the day of the decision, not of the plan."""
    if t.value is None or published is None or after_publication(t.value, published):
        return False
    n = min(len(t.value), len(published))
    return t.value[:n] < published[:n] or sentence.startswith("、", t.end)


def said_at_meeting(sentence: str) -> bool:
    """「…は会談で…を表明した」: the statement names the meeting it was made at."""
    return any(w in sentence for w in _words()["at_meeting"])


def _argument_of_another(sentence: str, trigger_end: int) -> bool:
    """True when the trigger is a noun that another predicate is about (「ウクライナ侵攻を協議する
    会合で」「侵攻を巡る会合」), not the event itself (「会談を行った」「協力のもと」)."""
    if sentence.startswith(("を受けた", "を受けている"), trigger_end):
        return False  # 「13日、…から招待を受けた」: what was received that day, not an answer to it
    return _argument().match(sentence, trigger_end) is not None


@lru_cache(maxsize=512)
def _timexes(sentence: str, published: str | None, tense: str, anchor: str | None) -> tuple[Timex, ...]:
    """The sentence's temporal expressions, found once per sentence and tense rather
    than once per event (a long sentence dense with events stays linear)."""
    return tuple(find_timexes(sentence, published, tense=tense, anchor=anchor))


def last_day(sentence: str, published: str | None, anchor: str | None) -> str | None:
    """The last day a sentence names: what a later 「同日」 refers to (「19日未明、平壌に到着した。
    両首脳は同日、…会談し」), whether or not the sentence held an event."""
    # (a bound, 「19日までに退去するよう命じた」, is no anchor; nor, when another day is named, the day a period
    # starts, 「28日、…29日から1か月間閉鎖すると決めた」; nor a day after the paper's told as still to come,
    # 「２５日に…協議する予定だ」「１０日に…を迎える」)
    days = [(t.value, sentence.startswith("から", t.end)) for t in _timexes(sentence, published, "past", anchor)
            if t.value and len(t.value) == 10 and not BOUND.match(sentence[t.end:])
            and not (published and t.value[:7] < published[:7] and clause_tense(sentence, t.end) == "future")]
    days = [d for d, start in days if not start] or [d for d, _ in days]
    return days[-1] if days else anchor


def _owner(sentence: str, t: Timex, triggers: list[int]) -> int | None:
    """The trigger a 「7月の」 date modifies, if it modifies one: 「7月の訪朝に続き、
    …書簡を交換して」 dates the visit, not the letters."""
    if not sentence.startswith("の", t.end):
        return None
    for start in sorted(triggers):
        if start > t.end:
            between = sentence[t.end:start]
            return start if len(between) <= 16 and "、" not in between else None
    return None


#: An adversative join starts a new clause: a date before it is not this event's
#: (「先月29日の時点では…と発表していたが、突然の会談が組まれたのは」).
_CLAUSE_BREAK = re.compile(r"(ていたが|だったが|であるが)、")
#: A speaker's 「今日」 in a quote is the day of the speech, not of the publication.
_DEICTIC = {"今日", "きょう", "本日", "昨日", "きのう", "明日", "あす", "あした"}


def _quoted(sentence: str, pos: int) -> bool:
    head = sentence[:pos]
    return head.count("「") > head.count("」")


#: Words that look ahead: what they date has not happened yet.
_AHEAD = ("来", "年内", "今後", "近く", "年明け", "月内", "早期", "早い時期")


def _future(t: Timex, published: str | None) -> bool:
    """A date after publication, or a forward-looking word: no date for what occurred
    (「習氏はプーチン氏を年内に中国に招待した」: 年内 is when the visit is to be)."""
    if t.text.startswith(_AHEAD):
        return True
    if t.value is None or published is None:
        return False
    return after_publication(t.value, published)


def after_publication(value: str, published: str) -> bool:
    """True when ISO ``value`` lies wholly after ``published``, compared at the coarser precision."""
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _other_clock(sentence: str, t: Timex) -> bool:
    """「7日(日本時間8日)」: the day on another clock, in brackets after the day itself."""
    return t.text.startswith(("日本時間", "現地時間")) and sentence[:t.start].endswith(("(", "（"))


def _after_reporter(sentence: str, t: Timex, reporters: list[tuple[int, int]]) -> bool:
    if sentence.startswith("の", t.end):
        return False  # 「先週の演習」 dates a noun, never the reporting verb
    if not _REPORTING.search(sentence[t.end:]):
        return _JUDGING.search(sentence[t.end:]) is not None \
            and any(end <= t.start and sentence[end:t.start].strip() in ("は", "は、") for _, end in reporters)
    return any(end <= t.start and sentence[end:t.start].strip() in ("は", "は、", "が", "が、")
               or start >= t.end and sentence[t.end:start].strip() in ("に", "に、", "、", "")
               for start, end in reporters)  # 「ホワイトハウスは13日、」「金曜日に北朝鮮は、」


#: 「首相は20日、」: a day right after the sentence's topic, the day the topic spoke or acted on.
_TOPIC_DAY = re.compile(r"^(（[^）]{1,12}）|\([^)]{1,12}\)|）|\))?(は|が)、?$")  # (「外交部（外務省）は29日、」: a gloss)


class SpokeOn(NamedTuple):
    """The day a subject actor spoke on (「韓国外務省は13日、」): the day, who spoke, their country."""

    day: Timex
    span: tuple[int, int]
    country: str


def _speaker_day(sentence: str, mentions: list[tuple[int, int, ActorMention]], published: str | None,
                 anchor: str | None) -> SpokeOn | None:
    """The day written right after a subject actor (「韓国外務省は13日、」): the day that subject
    said what the sentence reports. None if there is none."""
    for t in _timexes(sentence, published, "past", anchor):
        if not t.value or len(t.value) != 10 or not sentence.startswith("、", t.end):
            continue
        for start, end, m in mentions:
            if m.country and m.sector != "MEDIA" and _TOPIC_DAY.match(sentence[end:t.start]):
                return SpokeOn(t, (start, end), m.country)
    return None


def _is_report_date(sentence: str, t: Timex, mentions: list[tuple[int, int, ActorMention]]) -> bool:
    if not _REPORTING.search(sentence[t.end:]):
        return False
    for start, end, m in mentions:
        if m.sector != "MEDIA":
            continue
        between_before = sentence[end:t.start]
        between_after = sentence[t.end:start]
        if end <= t.start and between_before.strip() in ("は", "は、", "が", "が、"):
            return True
        if start >= t.end and between_after.strip() in ("、", ""):
            return True
    return False


# -- through a document ------------------------------------------------------------------------

#: 「…提供したと発表した」: the act is reported through an announcement, whose day is not its own.
_ANNOUNCED = re.compile(r"^[^。「」]{0,12}?と(発表|報じ|伝え|明らかに)")
#: How many paragraphs back a statement may take the date of the meeting it was made at.
CARRY_PARAGRAPHS = 3


class Sentence(Protocol):
    """What dating needs of a document's sentence: where it stands and its paragraph."""

    start: int
    end: int
    paragraph: int


#: How far into a sentence a dateline it opens with may end.
REACH_IN_SENTENCE = 60


def _dateline_span(sentence: str) -> list[tuple[int, int]]:
    """The wire dateline a lead sentence opens with (「［北京　２２日　ロイター］ – …」): its day is
    the filing's, which ``EventDates.apply_dateline`` gives an undated lead act, never a date of
    the sentence's own to read (a plan's 「２２日」 is no day to come)."""
    found = find_dateline(sentence[:REACH_IN_SENTENCE])
    return [(found.start, found.end)] if found is not None and not sentence[:found.start].strip() else []


def _spoken_on(ev: Event, people: set[str], prev: Event) -> bool:
    """Whether ``ev``'s named ``people`` all spoke in ``prev``, both reported as done: they speak on."""
    return bool(people) and prev.status == ev.status == "occurred" \
        and people <= {a["id"] for a in prev.source if a["id"] != a["country"]}


def _same_date(ev: Event, prev: Event) -> None:
    """``ev`` takes ``prev``'s date, as it was written."""
    ev.date, ev.date_end, ev.date_text = prev.date, prev.date_end, prev.date_text


class EventDates:
    """The dating of one document's events, sentence by sentence, in reading order.

    It remembers the last day named (what a later 「同日」 means) and the events
    dated so far (the meetings an undated statement may have been made at).
    """

    def __init__(self, published: str | None) -> None:
        self.published = published
        self.last_date: str | None = None
        self.dated: list[tuple[int, Event]] = []
        self.spoke: tuple[int, SpokeOn] | None = None  # the last speaker's day, with its paragraph
        self.at_meeting: list[tuple[int, Event]] = []  # what was said at a meeting dated before, by paragraph
        self.before_lead: set[int] = set()  # the events a lead answers, which its dateline does not date

    def date(self, ev: Event, frame: "Frame", frames: list["Frame"], eventful: list["Frame"], sentence: str,
             mentions: list[tuple[int, int, ActorMention]], subjects: list[tuple[int, int]],
             paragraph: int) -> None:
        """Date ``ev``, read from ``frame`` among the sentence's ``frames`` (``eventful``: those
        that made an event); ``subjects`` are the spans of the sentence's subjects (the reporters
        among them date their report, not the act)."""
        # (a subject a noun's act has taken as its target still reports it: the day after that subject is its
        # telling's, not the act's)
        own = {(a.start, a.end) for a in frame.source + (frame.target if frame.predicative else [])}
        # (an act an announcement makes real, 「追放すると発表した」, has the announcement's day)
        # (but what is announced as to come, 「モディ首相が8日にロシアを訪問すると発表」, keeps its day)
        announced = frame.type not in SAID_TYPES | DECIDED_TYPES and ev.status != "planned" \
            and bool(_ANNOUNCED.match(sentence[frame.match.char_end:]))
        # a statement is dated by the press conference it was made at: to a said act, a
        # trigger that makes no event (「20日の記者会見で…非難した」) owns no date
        owners = eventful if frame.type in SAID_TYPES else frames
        # a relative clause with its own subject (「…が9日、米国の提案した計画に合意」) is dated
        # only inside that clause
        inner = min((a.start for a in frame.source if a.particle == "の"), default=0) \
            if frame.predicative and ATTRIBUTIVE.match(sentence[frame.match.char_end:]) else 0
        tx = date_event(sentence, frame.match.char_start, frame.match.char_end, self.published,
                        status=ev.status, mentions=mentions, anchor=self.last_date,
                        reporters=[span for span in subjects if announced or span not in own],
                        triggers=[g.match.char_start for g in owners], floor=inner,
                        skip=[(a, b) for g in frames for a, b in g.content if not a <= frame.match.char_start <= b]
                        + _dateline_span(sentence),
                        # 「15日からロシアを訪問している」: the stay began then (but 「31日から訪問しているラブロフ
                        # 外相が…会談した」: the stay of the one who met, not when they met)
                        stay=frame.match.mode == "visit" and not ATTRIBUTIVE.match(sentence[frame.match.char_end:]))
        if tx is None and frame.type in SAID_TYPES and ev.status == "occurred":
            # 「首相は11日、…しなければ…攻撃を再開すると述べた」: said on the day its speaker spoke
            spoke = _speaker_day(sentence, mentions, self.published, self.last_date)
            if spoke is not None and spoke.span in {(a.start, a.end) for a in frame.source}:
                tx = spoke.day
        if tx is None and not frame.predicative and ANSWERED.match(sentence, frame.match.char_end):
            self.before_lead.add(id(ev))  # (「…独立承認を受け、」: the act answered is before the lead's day)
        if tx is not None:
            ev.date, ev.date_end, ev.date_text = tx.value, tx.value_end, tx.text
            if tx.value and len(tx.value) == 10 and ev.status != "planned":  # (「2020年に…衝突し」 leaves 同日
                self.last_date = tx.value  # the day named before it; so does a meeting still to come)
            self.dated.append((paragraph, ev))
        elif not _standing(sentence, frame.match.char_start, frame.match.char_end):
            self.carry(ev, paragraph)

    def sentence_done(self, sentence: str, mentions: list[tuple[int, int, ActorMention]] = (),
                      paragraph: int = 0) -> None:
        """After each sentence, with or without events: its last day is what a later 「同日」 means,
        and the day its speaker spoke on (「首相は20日、…と指摘した」) is what the speaker's next
        sentences without a day of their own say it on (「そのうえで…を求めた」)."""
        spoke = _speaker_day(sentence, mentions, self.published, self.last_date)
        if spoke is not None:
            self.spoke = (paragraph, spoke)
        self.last_date = last_day(sentence, self.published, self.last_date)

    def carry(self, ev: Event, paragraph: int) -> None:
        """An undated statement takes the date of the meeting it was made at.

        That is the latest dated CONSULT within a few paragraphs that shares an actor
        and the status with it (「議長は…と述べた」 after 「5月下旬…会見し」), or at any
        distance when the statement says it was made at a meeting (「…は会談で…表明した」). Other
        undated events stay undated: a background fact is no statement at a meeting.
        """
        dated = self.dated
        if ev.type not in SAID_TYPES | {"COOPERATE", "AGREE"}:
            return
        keys = {a["id"] or a["country"] for a in ev.source + ev.target}
        dyad = {a["country"] for a in ev.source + ev.target}
        speakers = {a["country"] for a in ev.source}
        spoke = self.spoke[1] if self.spoke is not None and self.spoke[0] == paragraph else None
        if spoke is not None and ev.status == "occurred" and ev.type in SAID_TYPES and spoke.country in speakers \
                and not (dated and dated[-1][0] == paragraph and dated[-1][1].date != spoke.day.value
                         and speakers & {a["country"] for a in dated[-1][1].source}):
            # 「首相は20日、…と指摘した。そのうえで…を求めた」: said on the day the speaker spoke
            tx = spoke.day
            ev.date, ev.date_end, ev.date_text = tx.value, tx.value_end, tx.text
            return
        if dated and dated[-1][0] == paragraph and ev.status == dated[-1][1].status == "occurred" \
                and speakers & {a["country"] for a in dated[-1][1].source}:
            # 「金委員長は先週…宣言し。彼は…と非難し」: the same speaker, still at the same occasion
            _same_date(ev, dated[-1][1])
            return
        at_meeting = said_at_meeting(ev.evidence)
        people = {a["id"] for a in ev.source + ev.target if a["id"] and a["id"] != a["country"]}
        said = next((prev for para, prev in reversed(self.at_meeting) if paragraph - para <= CARRY_PARAGRAPHS), None)
        if said is not None and _spoken_on(ev, people, said):
            # 「崔氏とロシア高官は会談で…一致した。…崔氏とロシア高官は…懸念を表明した」: the same people
            # speaking on, at the meeting just dated
            _same_date(ev, said)
            return
        for para, prev in reversed(dated):
            near = paragraph - para <= CARRY_PARAGRAPHS
            if not near and not at_meeting:
                return
            if not near and not people & {a["id"] for a in prev.source + prev.target}:
                continue  # far back, only a meeting of the same person is the one meant
            if prev.type == "CONSULT" and prev.status == ev.status == "occurred" \
                    and (keys & {a["id"] or a["country"] for a in prev.source + prev.target}
                         or dyad == {a["country"] for a in prev.source + prev.target}):
                _same_date(ev, prev)
                self.at_meeting.append((paragraph, ev))  # (what its speakers go on to say was said there too)
                return
            if near and prev.type in SAID_TYPES | {"COOPERATE", "AGREE"} and _spoken_on(ev, people, prev):
                # 「林官房長官は16日、…抗議した。…これに対し…は林氏の発言に反論した」: the same people, on the
                # occasion just dated
                _same_date(ev, prev)
                return

    def apply_dateline(self, text: str, events: list[Event], sentences: list[Sentence],
                       mentions: list[ActorMention]) -> None:
        """What a wire dateline (【モスクワ共同】, ［北京　２０日　ロイター］) at the head of the
        document's ``text`` says of the lead.

        Its day dates an event of the lead sentence that occurred and has no date of
        its own (「［ドバイ 12日 ロイター］ - …と協議した」); its place, when the
        dictionary knows it as one place, is where the lead paragraph's events happened
        if their sentence names nowhere. Later paragraphs keep their own dates and places.
        """
        dateline = find_dateline(text)
        if dateline is None:
            return
        lead = next((s for s in sentences if s.end > dateline.end), None)
        if lead is None:
            return
        day = None
        if dateline.day_text is not None:
            found = resolve(dateline.day_text, self.published, tense="past")
            day = found.value if found is not None and found.value and len(found.value) == 10 else None
        places = [m for m in mentions if dateline.place_start is not None and m.kind in ("place", "capital")
                  and dateline.place_start <= m.start and m.end <= (dateline.place_end or 0)]
        in_paragraph = [(s.start, s.end) for s in sentences if s.paragraph == lead.paragraph]
        for ev in events:
            where = ev.mentions[0].start if ev.mentions else -1
            if day and ev.date is None and ev.status == "occurred" and lead.start <= where < lead.end \
                    and id(ev) not in self.before_lead:
                ev.date, ev.date_text = day, dateline.day_text
            if len(places) == 1 and ev.location is None and any(a <= where < b for a, b in in_paragraph):
                m = places[0]
                ev.location = {"id": m.place or m.id, "country": m.country, "text": m.text}

    def check_not_after(self, events: list[Event]) -> None:
        """What occurred cannot be dated after the paper that reports it, unless its own
        expression is absolute (「2013年5月」 stands as written; 「5月」 read as next May
        does not): such a date is dropped rather than kept wrong."""
        published = self.published
        for ev in events:
            if ev.status != "occurred" or not ev.date or not published or not ev.date_text:
                continue
            if not after_publication(ev.date, published):
                continue
            own = resolve(ev.date_text, None)
            if own is not None and own.value is not None:
                continue
            ev.date = ev.date_end = ev.date_text = None
