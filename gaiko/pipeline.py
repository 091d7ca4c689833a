"""The pipeline, one way through: clean → link → filter → parse → extract → date → merge.

``extract_documents`` is the function every entry point (CLI, store ingest, web,
Ray) calls. For each batch of documents:
  1. link: actor mentions found on characters over the whole cleaned text;
  2. filter: split sentences; keep only those holding an actor mention and a
     trigger in their tokens (SudachiPy alone; most of a page holds neither, and
     parsing is the cost); read each kept sentence's roles from its tokens, and
     keep for parsing only those where some role needs the dependency parse;
  3. parse: those sentences of the whole batch go through ``nlp.pipe`` together;
  4. extract: trigger frames and roles per sentence, the topic carried between
     sentences of a paragraph;
  5. date: each event's temporal expression, resolved against the publication date;
     a wire dateline (【モスクワ共同】) gives the lead its day and place where it has none;
  6. merge: repeated mentions of one interaction in a document become one event, and
     what occurred is never left dated after the paper by a relative expression;
  7. confidence: how sure each event is, from what it rests on (``gaiko.confidence``).
Documents come in already cleaned (``gaiko.documents.load_documents``).

A document longer than ``PART_BYTES`` (a book, a dump of many articles in one
file) is read in parts cut at paragraph breaks, each part through the stages
above like a document of its own, and its events and mentions put back at their
offsets in the whole text: time and memory then grow linearly with its length
(several rules look back over the document so far), and progress can be told
part by part.  Repeated mentions are merged within a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .confidence import basis_of, confidence
from .documents.clean import is_related_links
from .events.cues import BOTH_SIDES
from .events.dating import after_publication, date_event, last_day, said_at_meeting
from .events.extractor import (Context, NeedsParse, Reading, complete_frames, frame_to_events, last_subject,
                               read_frames)
from .events.merge import merge_events
from .events.roles import Arg, build_args
from .events.triggers import TriggerRuler, load_ruler
from .nlp.prefilter import parse_candidate
from .nlp.tags import ginza_pos
from .nlp.sentences import split_sentences
from .options import Options
from .plover import SAID_TYPES
from .records import ActorMention, Document, Event
from .time import resolve
from .time.dateline import Dateline, find_dateline

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

DOCS_PER_BATCH = 16
#: Longer documents (UTF-8 bytes) are read in parts of at most this size (~50,000 characters of
#: Japanese; a long news article has under 20,000).
PART_BYTES = 150_000


@dataclass
class Extraction:
    """A document with its actor mentions and events."""

    document: Document
    mentions: list[ActorMention]
    events: list[Event]


@lru_cache(maxsize=8)
def _ruler(extra: tuple[str, ...]) -> TriggerRuler:
    return load_ruler(extra)


def link_document(doc: Document, options: Options) -> list[ActorMention]:
    """Actor mentions of a document's cleaned text."""
    from .actors import load_linker

    return load_linker(options.actors)(doc.text, doc.published)


def extract_documents(docs: Iterable[Document], options: Options,
                      on_done: Callable[[Extraction], None] | None = None,
                      on_chars: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Events of each document, in input order.  ``on_chars(n)`` is told each time
    ``n`` more characters of text have been read (a document, or a part of a long one)."""
    batch: list[Document] = []
    for doc in docs:
        if len(doc.text) * 3 > PART_BYTES and len(doc.text.encode("utf-8")) > PART_BYTES:
            if batch:
                yield from _told(_batch(batch, options, on_done), on_chars)
                batch = []
            result = _in_parts(doc, options, on_chars)
            if on_done:
                on_done(result)
            yield result
            continue
        batch.append(doc)
        if len(batch) >= DOCS_PER_BATCH:
            yield from _told(_batch(batch, options, on_done), on_chars)
            batch = []
    if batch:
        yield from _told(_batch(batch, options, on_done), on_chars)


def _told(results: Iterator[Extraction], on_chars: Callable[[int], None] | None) -> Iterator[Extraction]:
    for x in results:
        if on_chars:
            on_chars(len(x.document.text))
        yield x


def _in_parts(doc: Document, options: Options, on_chars: Callable[[int], None] | None) -> Extraction:
    """A long document read part by part (see the module docstring), as one Extraction."""
    from dataclasses import replace as copy

    from .documents.split import split_text

    mentions: list[ActorMention] = []
    events: list[Event] = []
    for offset, text in split_text(doc.text, PART_BYTES):
        part = next(_batch([copy(doc, text=text)], options, None))
        mentions += [copy(m, start=m.start + offset, end=m.end + offset) for m in part.mentions]
        for ev in part.events:
            ev.mentions = [copy(m, start=m.start + offset, end=m.end + offset) for m in ev.mentions]
            events.append(ev)
        if on_chars:
            on_chars(len(text))
    return Extraction(doc, mentions, events)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    mentions: list[tuple[int, int, ActorMention]]  # sentence-relative
    paragraph: int
    tokens: "Doc | str | None"  # what the parser is handed, None if not parsed
    read: tuple[list[Arg], Reading | None] | None = None  # read from the tokens alone

    @property
    def parse(self) -> bool:
        return self.tokens is not None and self.read is None


def _read_tokens(s: _Sentence, ruler: TriggerRuler) -> None:
    """Read a candidate sentence from its tokens alone; if some role needs the
    dependency parse (``NeedsParse``), leave it to the parser.

    A third to two thirds of the candidate characters, by corpus, need no parse
    (the roles are plain: a subject, a particle right before the trigger), and
    the tokens' reading is then the parse's (``read_frames``, on the tokens
    re-tagged as GiNZA tags them: ``nlp.tags.ginza_pos``); the parser only gets
    the rest, and re-tags every token itself.
    """
    if s.tokens is None or isinstance(s.tokens, str):
        return
    args = build_args(s.text, s.mentions)
    try:
        s.read = (args, read_frames(s.text, ginza_pos(s.tokens), args, ruler))
    except NeedsParse:
        pass


def _batch(docs: list[Document], options: Options,
           on_done: Callable[[Extraction], None] | None) -> Iterator[Extraction]:
    from .nlp.loader import parse

    ruler = _ruler(options.triggers)
    plans = []
    to_parse: list["Doc | str"] = []
    for doc in docs:
        if options.published:
            doc = replace(doc, published=options.published)
        # 1. link (on the text with its punctuation in the house style: same offsets)
        text = house_punctuation(doc.text)
        mentions = link_document(replace(doc, text=text) if text != doc.text else doc, options)
        # 2. filter
        sentences = _sentences(text, mentions, ruler)
        for s in sentences:
            _read_tokens(s, ruler)
        plans.append((doc, mentions, sentences))
        to_parse.extend(s.tokens for s in sentences if s.parse)
    # 3. parse
    parsed = iter(parse(to_parse, batch_size=options.batch_size)) if to_parse else iter(())
    for doc, mentions, sentences in plans:
        events: list[Event] = []
        ctx = Context()
        paragraph = -1
        last_date: str | None = None
        dated: list[tuple[int, Event]] = []
        for s in sentences:
            if s.paragraph != paragraph:
                ctx, paragraph = Context(), s.paragraph
            if s.read is not None:  # 4. extract (read from the tokens, or parsed now)
                (args, reading), tokens = s.read, s.tokens
            elif s.parse:
                args, tokens = build_args(s.text, s.mentions), next(parsed)
                reading = read_frames(s.text, tokens, args, ruler)
            else:
                args = build_args(s.text, s.mentions)
                ctx.topic = last_subject(args, s.text) or ctx.topic
                last_date = last_day(s.text, doc.published, last_date)
                continue
            frames = complete_frames(reading, s.text, tokens, args, ctx)
            ctx.topic = last_subject(args, s.text) or ctx.topic
            subjects = [(a.start, a.end) for a in args if a.case == "subj"]
            found = [(f, ev) for f in frames for ev in frame_to_events(doc.id, f, s.text, s.start)]
            for f, ev in found:
                ev.evidence = doc.text[s.start:s.end].strip()  # verbatim, with the page's own punctuation
                ev.basis = basis_of(ev, parsed=s.read is None, sentence=s.text, events_in_sentence=len(found))
                # 5. date
                own = {(a.start, a.end) for a in f.source + f.target}
                announced = f.type not in SAID_TYPES and bool(_ANNOUNCED.match(s.text[f.match.char_end:]))
                tx = date_event(s.text, f.match.char_start, f.match.char_end, doc.published,
                                status=ev.status, mentions=s.mentions, anchor=last_date,
                                reporters=[span for span in subjects if announced or span not in own],
                                triggers=[g.match.char_start for g in frames])
                if tx is not None:
                    ev.date, ev.date_end, ev.date_text = tx.value, tx.value_end, tx.text
                    last_date = tx.value or last_date
                    dated.append((s.paragraph, ev))
                else:
                    _carry_date(ev, s.paragraph, dated)
                events.append(ev)
            last_date = last_day(s.text, doc.published, last_date)
        dateline = find_dateline(doc.text)
        if dateline is not None:
            _apply_dateline(dateline, events, sentences, mentions, doc.published)
        # 6. merge
        merged = merge_events(events)
        for ev in merged:
            _check_not_after(ev, doc.published)
        for ev in merged:  # 7. how sure (gaiko.confidence)
            ev.confidence = confidence(ev.to_dict(), ev.basis)
        result = Extraction(doc, mentions, merged)
        if on_done:
            on_done(result)
        yield result


#: 「…提供したと発表した」: the act is reported through an announcement, whose day is not its own.
_ANNOUNCED = re.compile(r"^[^。「」]{0,12}?と(発表|報じ|伝え|明らかに)")
#: How many paragraphs back a statement may take the date of the meeting it was made at.
CARRY_PARAGRAPHS = 3


def _carry_date(ev: Event, paragraph: int, dated: list[tuple[int, Event]]) -> None:
    """An undated statement takes the date of the meeting it was made at.

    That is the latest dated CONSULT within a few paragraphs that shares an actor
    and the status with it (「議長は…と述べた」 after 「5月下旬…会見し」), or at any
    distance when the statement says it was made at a meeting (「…は会談で…表明した」). Other
    undated events stay undated: a background fact is no statement at a meeting.
    """
    if ev.type not in SAID_TYPES | {"COOPERATE", "AGREE"}:
        return
    keys = {a["id"] or a["country"] for a in ev.source + ev.target}
    dyad = {a["country"] for a in ev.source + ev.target}
    speakers = {a["country"] for a in ev.source}
    if dated and dated[-1][0] == paragraph and ev.status == dated[-1][1].status == "occurred" \
            and speakers & {a["country"] for a in dated[-1][1].source}:
        # 「金委員長は先週…宣言し。彼は…と非難し」: the same speaker, still at the same occasion
        prev = dated[-1][1]
        ev.date, ev.date_end, ev.date_text = prev.date, prev.date_end, prev.date_text
        return
    at_meeting = said_at_meeting(ev.evidence)
    people = {a["id"] for a in ev.source + ev.target if a["id"] and a["id"] != a["country"]}
    for para, prev in reversed(dated):
        near = paragraph - para <= CARRY_PARAGRAPHS
        if not near and not at_meeting:
            return
        if not near and not people & {a["id"] for a in prev.source + prev.target}:
            continue  # far back, only a meeting of the same person is the one meant
        if prev.type == "CONSULT" and prev.status == ev.status == "occurred" \
                and (keys & {a["id"] or a["country"] for a in prev.source + prev.target}
                     or dyad == {a["country"] for a in prev.source + prev.target}):
            ev.date, ev.date_end, ev.date_text = prev.date, prev.date_end, prev.date_text
            return


def _apply_dateline(dateline: Dateline, events: list[Event], sentences: list[_Sentence],
                    mentions: list[ActorMention], published: str | None) -> None:
    """What a wire dateline (【モスクワ共同】, ［北京　２０日　ロイター］) says of the lead.

    Its day dates an event of the lead sentence that occurred and has no date of
    its own (「［ドバイ 12日 ロイター］ - …と協議した」); its place, when the
    dictionary knows it as one place, is where the lead paragraph's events happened
    if their sentence names nowhere. Later paragraphs keep their own dates and places.
    """
    lead = next((s for s in sentences if s.end > dateline.end), None)
    if lead is None:
        return
    day = None
    if dateline.day_text is not None:
        found = resolve(dateline.day_text, published, tense="past")
        day = found.value if found is not None and found.value and len(found.value) == 10 else None
    places = [m for m in mentions if dateline.place_start is not None and m.kind in ("place", "capital")
              and dateline.place_start <= m.start and m.end <= (dateline.place_end or 0)]
    in_paragraph = [(s.start, s.end) for s in sentences if s.paragraph == lead.paragraph]
    for ev in events:
        where = ev.mentions[0].start if ev.mentions else -1
        if day and ev.date is None and ev.status == "occurred" and lead.start <= where < lead.end:
            ev.date, ev.date_text = day, dateline.day_text
        if len(places) == 1 and ev.location is None and any(a <= where < b for a, b in in_paragraph):
            m = places[0]
            ev.location = {"id": m.place or m.id, "country": m.country, "text": m.text}


def _check_not_after(ev: Event, published: str | None) -> None:
    """What occurred cannot be dated after the paper that reports it, unless its own
    expression is absolute (「2013年5月」 stands as written; 「5月」 read as next May
    does not): such a date is dropped rather than kept wrong."""
    if ev.status != "occurred" or not ev.date or not published or not ev.date_text:
        return
    if not after_publication(ev.date, published):
        return
    own = resolve(ev.date_text, None)
    if own is not None and own.value is not None:
        return
    ev.date = ev.date_end = ev.date_text = None


#: Punctuation official and wire texts write in the Western style (外務省: 「,」「．」), as the
#: rules read it (「、」「。」); one character for one, so every offset stays valid.
_HOUSE = str.maketrans({"，": "、", "．": "。"})
_ASCII_COMMA = re.compile(r"(?<![0-9A-Za-z]),(?![0-9A-Za-z])")


def house_punctuation(text: str) -> str:
    """``text`` with 「，」「．」 and a comma between Japanese words as 「、」「。」 (same length)."""
    if "，" not in text and "．" not in text and "," not in text:
        return text
    return _ASCII_COMMA.sub("、", text.translate(_HOUSE))


def _sentences(text: str, mentions: list[ActorMention], ruler: TriggerRuler) -> list[_Sentence]:
    out: list[_Sentence] = []
    spans = split_sentences(text)
    k = 0
    paragraph = 0
    prev_end = 0
    for start, end in spans:
        if "\n\n" in text[prev_end:start] or "\n" in text[prev_end:start]:
            paragraph += 1
        prev_end = end
        while k < len(mentions) and mentions[k].end <= start:
            k += 1
        inside = []
        j = k
        while j < len(mentions) and mentions[j].start < end:
            m = mentions[j]
            if m.start >= start and m.end <= end:
                inside.append((m.start - start, m.end - start, m))
            j += 1
        sent = text[start:end]
        candidate = (inside or BOTH_SIDES.search(sent)) and not is_related_links(sent)
        out.append(_Sentence(start, end, sent, inside, paragraph,
                             parse_candidate(sent, ruler) if candidate else None))
    return out
