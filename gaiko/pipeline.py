"""The pipeline, one way through: clean → link → filter → parse → extract → date → merge.

``extract_documents`` is the function every entry point (CLI, store ingest, web,
Ray) calls. For each batch of documents:
  1. link: actor mentions found on characters over the whole cleaned text;
  2. filter: split sentences; keep only those holding an actor mention (or going on
     from one that does, in its paragraph: 「…確認した」 after 「両首脳は…」) and a
     trigger in their tokens (SudachiPy alone; most of a page holds neither, and
     parsing is the cost); read each kept sentence's roles from its tokens, and
     keep for parsing only those where some role needs the dependency parse;
  3. parse: those sentences of the whole batch go through ``nlp.pipe`` together;
  4. extract (``gaiko.events.extractor``: ``read``, then ``complete``): trigger frames
     and roles per sentence, the topic carried between sentences of a paragraph; a
     request, refusal, aid or arrest naming one side only takes the other state of
     the pair the document is about, and a welcome of an agreement is aimed at its parties
     (``gaiko.events.topic``);
  5. date (``gaiko.time.events``): each event's temporal expression, resolved against
     the publication date; a wire dateline (【モスクワ共同】) gives the lead its day
     and place where it has none;
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
from .documents.dateline import find_dateline
from .events.extractor import (NEEDS_PARSE, Context, Reading, complete, frame_to_events, read, sentence_args, skim,
                               split_like_meetings)
from .events.aimed import only_other
from .events.delegations import hand_to_people, sides_named
from .events.merge import merge_events
from .events.topic import topic_pair, with_acts_judged, with_topic_side
from .events.prefilter import may_hold_event, parse_candidate
from .events.triggers import TriggerRuler, load_ruler
from .nlp.tags import ginza_pos
from .nlp.sentences import split_sentences
from .options import Options
from .records import ActorMention, Document, Event
from .time.events import EventDates

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .events.roles import Arg

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
    args: "list[Arg] | None" = None  # its actor mentions with their cases, once read
    reading: Reading | None = None  # read from the tokens alone
    going_on: bool = False  # read only as going on from the sentence before (it names nobody)

    @property
    def parse(self) -> bool:
        return self.tokens is not None and self.reading is None


def _read_tokens(s: _Sentence, ruler: TriggerRuler) -> None:
    """Read a candidate sentence from its tokens alone; if some role needs the
    dependency parse (``NEEDS_PARSE``), leave it to the parser.

    A third to two thirds of the candidate characters, by corpus, need no parse
    (the roles are plain: a subject, a particle right before the trigger), and
    the tokens' reading is then the parse's (``events.extractor.read``, on the
    tokens re-tagged as GiNZA tags them: ``nlp.tags.ginza_pos``); the parser only
    gets the rest, and re-tags every token itself.
    """
    if s.tokens is None or isinstance(s.tokens, str):
        return
    s.args = sentence_args(s.text, s.mentions)  # the same args serve again after the parse
    reading = read(s.text, s.args, ginza_pos(s.tokens), ruler)
    if reading is not NEEDS_PARSE:
        s.reading = reading
    elif s.going_on:
        s.tokens = None  # read for going on from the one before: from its tokens or not at all (parsing is the cost)


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
        filed = find_dateline(text)  # (「【ウィーン共同】」: where the story was filed, no state it is about)
        topical = [m for m in mentions if not (filed and filed.start <= m.start < filed.end)]
        plans.append((doc, mentions, sentences, topical))
        to_parse.extend(s.tokens for s in sentences if s.parse)
    # 3. parse
    parsed = iter(parse(to_parse, batch_size=options.batch_size)) if to_parse else iter(())
    for doc, mentions, sentences, topical in plans:
        events: list[Event] = []
        ctx = Context()
        paragraph = -1
        dates = EventDates(doc.published)
        for s in sentences:
            if s.paragraph != paragraph:
                ctx, paragraph = ctx.next_paragraph(s.text), s.paragraph
            if s.reading is not None:  # 4. extract (read from the tokens, or parsed now)
                reading, tokens = s.reading, s.tokens
            elif s.parse:
                tokens = next(parsed)
                args = s.args if s.args is not None else sentence_args(s.text, s.mentions)
                reading = read(s.text, args, tokens, ruler)
                assert reading is not NEEDS_PARSE  # a parsed sentence has its dependencies
            else:
                skim(s.text, sentence_args(s.text, s.mentions), ctx)
                dates.sentence_done(s.text, s.mentions, s.paragraph)
                continue
            frames = complete(reading, tokens, ctx)
            subjects = reading.subject_spans()
            evidence = doc.text[s.start:s.end].strip()  # verbatim, with the page's own punctuation
            # a judgment of an act reported before is aimed at its doers (events.topic)
            frames = with_acts_judged(frames, events, s.text)
            only_other(frames, reading.args, s.text)  # the last resort: the one other state named (events.aimed)
            found = [(f, ev) for f in frames for ev in frame_to_events(doc.id, f, s.text, s.start, evidence)]
            for f in frames:  # one side named, the other the state the story is about (events.topic)
                if not any(g is f for g, _ in found) and (g := with_topic_side(
                        f, topic_pair(events + [e for _, e in found], topical), s.text)) is not None:
                    found.extend((g, ev) for ev in frame_to_events(doc.id, g, s.text, s.start, evidence))
            found = split_like_meetings(found)
            eventful = list({id(f): f for f, _ in found}.values())
            for f, ev in found:
                ev.basis = basis_of(ev, parsed=s.reading is None, sentence=s.text, events_in_sentence=len(found))
                # 5. date
                dates.date(ev, f, frames, eventful, s.text, s.mentions, subjects, s.paragraph)
                events.append(ev)
            dates.sentence_done(s.text, s.mentions, s.paragraph)
        dates.apply_dateline(doc.text, events, sentences, mentions)
        for s in sentences:  # 「米側はウィトコフ特使、イラン側はアラグチ外相が出席した」 (events.delegations)
            hand_to_people(events, sides_named(s.text, s.mentions))
        # 6. merge
        merged = merge_events(events)
        dates.check_not_after(merged)
        for ev in merged:  # 7. how sure (gaiko.confidence)
            ev.confidence = confidence(ev.to_dict(), ev.basis)
        result = Extraction(doc, mentions, merged)
        if on_done:
            on_done(result)
        yield result


#: Punctuation official and wire texts write in the Western style (外務省: 「,」「．」), as the
#: rules read it (「、」「。」); one character for one, so every offset stays valid.
#: Not between digits: 「６２．４％」「１，０００人」 are numbers (a wire's full-width figures).
_HOUSE = re.compile(r"(?<![0-9０-９])[，．]|[，．](?![0-9０-９])")
_ASCII_COMMA = re.compile(r"(?<![0-9A-Za-z]),(?![0-9A-Za-z])")


def house_punctuation(text: str) -> str:
    """``text`` with 「，」「．」 and a comma between Japanese words as 「、」「。」 (same length)."""
    if "，" not in text and "．" not in text and "," not in text:
        return text
    return _ASCII_COMMA.sub("、", _HOUSE.sub(lambda m: "、" if m.group() == "，" else "。", text))


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
        # (a sentence naming nobody, right after one that names its actors, may go on with their acts:
        # 「両首脳は…で合意した。…協力を強化することも確認した。」)
        named = may_hold_event(sent, bool(inside))
        going_on = not named and bool(out) and out[-1].paragraph == paragraph and bool(out[-1].mentions)
        candidate = (named or going_on) and not is_related_links(sent)
        out.append(_Sentence(start, end, sent, inside, paragraph,
                             parse_candidate(sent, ruler) if candidate else None, going_on=going_on))
    return out
