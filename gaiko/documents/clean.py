"""Boilerplate removal for plain-text scrapes: keep the article's prose.

``clean(doc)`` is pure. It works on lines, using general signals only:

1. Each non-blank line is scored as *prose* or not. Prose has sentence-final
   punctuation (。！？), ends like a sentence, is not too long per sentence, and
   is not a list item (•, ・, ■, ※ …), a bracketed heading, a bare URL, an
   e-mail byline or a share/counter line.
2. A prose line repeated inside the document is kept once (first occurrence).
3. The article is the densest contiguous run of prose: a maximum-sum segment
   where a prose line adds its length and any other line subtracts a penalty,
   so a short heading or caption inside an article is bridged but a ranking
   list, teaser block or related-links list ends it. Further runs (two prose
   lines at least) are kept when they are large compared with the main one, or
   when they stand within a few lines of a kept run (an article interrupted
   by an advertisement or a photo block). A lone prose line near a kept run is
   kept when it has several sentences (a paragraph past a teaser list) or only a
   speaker's label and quote stand between (a broadcaster's lead), not otherwise
   (a photo caption past teaser headlines).
4. The prose lines of the kept runs are joined with "\\n\\n". Lines are only
   stripped of surrounding whitespace, never rewritten, so evidence copied from
   the raw text stays a substring of the cleaned text.

``explain(text)`` returns the per-line verdicts, for tests and reports.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..records import Document
from .dateline import find_dateline

SENTENCE_MARKS = "。！？"
LATIN_MARKS = "!?"
CLOSING = "」』）)】〕”’\"'"
LINE_ENDINGS = "。！？!?.…" + CLOSING
LIST_MARKERS = tuple("•・■□◆◇●○◎▼▽▲△▶►▸→※＊*-－–—>＞|｜") + ("[", "［")
MIN_PROSE_CHARS = 12
MAX_CHARS_PER_SENTENCE = 260
# Cost of a non-prose line inside a run: a base plus its length (capped).
GAP_BASE = 40
GAP_CAP = 80
# A run besides the densest one is kept if it is at least this share of it, or
# if it is near a kept run (an article interrupted by an ad or a photo block).
SECONDARY_SHARE = 0.5
SECONDARY_MIN_CHARS = 200
NEAR_MIN_CHARS = 100
NEAR_LINES = 8
# One prose line on its own (a lead above a speaker's label and quote, a paragraph after a
# teaser list) is kept only near a kept run, and only if it is at least this long.
SINGLE_NEAR_MIN_CHARS = 40

_URL = re.compile(r"https?://\S+|www\.\S+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts a run only: linear
_SPACE = re.compile(r"\s+")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|無断転載", re.IGNORECASE)
_RELATED = re.compile(r"^[【\[［〔<＜]?(関連記事|関連ニュース|関連リンク|あわせて読みたい|合わせて読みたい|おすすめ記事|人気記事|こちらも)")
_HEADING = re.compile(r"^[【\[［〔《<＜].{0,30}[】\]］〕》>＞]$")


@dataclass(frozen=True)
class Line:
    number: int        # 1-based line number in the input
    text: str          # stripped
    prose: bool
    why: str           # the reason for the verdict
    kept: bool = False


def _opens_with_dateline(line: str) -> bool:
    """「[国連 12日 ロイター] – 国連総会は…」 is a wire story's lead, not a list item."""
    found = find_dateline(line[:60])
    return found is not None and found.start == 0


def prose_verdict(line: str) -> tuple[bool, str]:
    """Is ``line`` (stripped) a line of article prose? With the reason."""
    if len(line) < MIN_PROSE_CHARS:
        return False, "short"
    if line.startswith(LIST_MARKERS) and not _opens_with_dateline(line):
        return False, "list item"
    if _HEADING.match(line):
        return False, "heading"
    if _RELATED.match(line):
        return False, "related links"
    if _COPYRIGHT.search(line) and len(line) < 120:
        return False, "copyright"
    body = _EMAIL.sub("", _URL.sub("", line)).strip()
    if len(body) < MIN_PROSE_CHARS or (len(body) < len(line) and len(body) < 40):
        return False, "URL or e-mail"
    ends = body.count("。") + body.count("！") + body.count("？")
    tail = body.rstrip(CLOSING)
    if tail.endswith(tuple(LATIN_MARKS)) and not tail.endswith(tuple(SENTENCE_MARKS)):
        ends += 1
    if _latin(body):
        ends += len(re.findall(r"[a-z0-9][.!?](?:\s|$)", body))
    if ends == 0:
        return False, "no sentence end"
    if not body.endswith(tuple(LINE_ENDINGS)):
        return False, "does not end like a sentence"
    if len(body) / ends > MAX_CHARS_PER_SENTENCE:
        return False, "too long per sentence"
    return True, "prose"


_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]+")


def is_related_links(line: str) -> bool:
    """A line that lists other articles (「【関連記事】…／…」): never the article's own report."""
    return bool(_RELATED.match(line.strip()))


def _latin(text: str) -> bool:
    letters = len(_NOT_ASCII_LETTER.sub("", text))  # in C: a 50 MB text has a million lines
    return letters > 0.6 * len(text)


def explain(text: str) -> list[Line]:
    """Every non-blank line of ``text`` with its verdict and whether it is kept."""
    lines: list[Line] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        prose, why = prose_verdict(stripped)
        if prose:
            key = _SPACE.sub("", stripped)
            if key in seen:
                prose, why = False, "repeated"
            seen.add(key)
        lines.append(Line(number, stripped, prose, why))
    if not any(line.prose for line in lines):
        # Nothing looks like prose (headlines only, a list): keep the lines
        # rather than lose the document; only repeats go.
        keys: set[str] = set()
        out = []
        for line in lines:
            key = _SPACE.sub("", line.text)
            out.append(dataclasses.replace(line, kept=key not in keys))
            keys.add(key)
        return out
    kept = set()
    for start, end in _runs(lines):
        kept.update(range(start, end + 1))
    out = [dataclasses.replace(line, kept=line.prose and i in kept) for i, line in enumerate(lines)]
    for i in range(1, len(out)):
        if out[i - 1].kept and not out[i].prose and _cut_mid_sentence(out[i]):
            # excerpts end mid-sentence (「…を求めたほか、」): the article's last line still counts
            out[i] = dataclasses.replace(out[i], prose=True, why="cut mid-sentence", kept=True)
    return out


#: How long a line cut mid-sentence must be to count as the article's last line.
CUT_MIN_CHARS = 30


def _cut_mid_sentence(line: Line) -> bool:
    """A line of prose that stops mid-sentence: long, with a clause comma, no list or heading."""
    return line.why in ("no sentence end", "does not end like a sentence") and len(line.text) >= CUT_MIN_CHARS \
        and "、" in line.text and not _latin(line.text)


def _weight(line: Line) -> int:
    if line.prose:
        return len(line.text)
    if line.why == "repeated":
        return 0  # a repeat neither adds to nor breaks a run
    return -(GAP_BASE + min(len(line.text), GAP_CAP))


def _best_segment(weights: list[int], lo: int, hi: int) -> tuple[int, int, int] | None:
    """Maximum-sum segment of ``weights[lo:hi]`` as (score, start, end), end inclusive."""
    best: tuple[int, int, int] | None = None
    total, start = 0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0, i
        total += weights[i]
        if weights[i] > 0 and (best is None or total > best[0]):
            best = (total, start, i)
    return best


def _runs(lines: list[Line]) -> list[tuple[int, int]]:
    weights = [_weight(line) for line in lines]
    main = _best_segment(weights, 0, len(weights))
    if main is None:
        return []
    runs = [(main[1], main[2])]
    floor = max(SECONDARY_MIN_CHARS, SECONDARY_SHARE * main[0])
    candidates: list[tuple[int, int, int, int]] = []  # (score, start, end, prose lines)
    pending = [(0, main[1]), (main[2] + 1, len(weights))]
    while pending:
        lo, hi = pending.pop()
        found = _best_segment(weights, lo, hi)
        if found is None or found[0] < SINGLE_NEAR_MIN_CHARS:
            continue
        score, start, end = found
        prose = sum(1 for line in lines[start:end + 1] if line.prose)
        if prose >= 2 and score >= NEAR_MIN_CHARS or prose == 1:
            candidates.append((score, start, end, prose))
        pending += [(lo, start), (end + 1, hi)]
    # Large runs first, then runs near a kept one, until nothing changes.
    changed = True
    while changed:
        changed = False
        for found in list(candidates):
            score, start, end, prose = found
            if prose == 1:
                # one line (never kept for its size): an article's paragraph of several sentences past
                # a teaser list, or a lead set off from the run only by a speaker's label or a quote,
                # not a caption past a list
                large = False
                near = any(_distance((start, end), run) <= NEAR_LINES
                           and (_sentences(lines[end].text) >= 2 or _plain_gap(lines, (start, end), run))
                           for run in runs)
            else:
                large = score >= floor
                near = any(_distance((start, end), run) <= NEAR_LINES for run in runs)
            if large or near:
                runs.append((start, end))
                candidates.remove(found)
                changed = True
    return sorted(runs)


def _sentences(text: str) -> int:
    return sum(text.count(mark) for mark in SENTENCE_MARKS)


#: A speaker's label above a quote (「石破総理」) is at most this long.
LABEL_MAX_CHARS = 10


def _plain_gap(lines: list[Line], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Between two disjoint runs, only what sets a quote apart: a speaker's label, the quote
    itself left unfinished (「「…取り組んでまいります」」), at most three lines; no list, heading,
    teaser headline, date or link line."""
    lo, hi = (a[1] + 1, b[0]) if a[0] < b[0] else (b[1] + 1, a[0])
    return hi - lo <= 3 and all(line.why == "short" and len(line.text) <= LABEL_MAX_CHARS
                                or line.text.startswith("「") for line in lines[lo:hi])


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Lines strictly between two disjoint runs."""
    return a[0] - b[1] - 1 if a[0] > b[1] else b[0] - a[1] - 1


def clean_text(text: str) -> str:
    """The article prose of ``text``, paragraphs separated by a blank line."""
    return "\n\n".join(line.text for line in explain(text) if line.kept)


#: Cleaning says how many repeated lines it dropped when they are at least this many
#: (a page repeating a caption is ordinary; a file of one sentence 100,000 times is not).
REPORT_REPEATS = 10


def clean(doc: Document) -> Document:
    """``doc`` with boilerplate removed and repeated paragraphs kept once; when many
    repeated lines went, a note in ``doc.notes`` says how many."""
    lines = explain(doc.text)
    text = "\n\n".join(line.text for line in lines if line.kept)
    seen: set[str] = set()
    repeated: set[str] = set()
    dropped = 0
    for line in lines:
        key = _SPACE.sub("", line.text)
        if key in seen and not line.kept:
            dropped += 1
            repeated.add(key)
        seen.add(key)
    if dropped < REPORT_REPEATS:
        return dataclasses.replace(doc, text=text)
    note = (f"cleaning dropped {dropped:,} repeated lines (copies of {len(repeated):,} distinct"
            f" line{'' if len(repeated) == 1 else 's'}); {len(text):,} of {len(doc.text):,} characters kept")
    return dataclasses.replace(doc, text=text, notes=(*doc.notes, note))
