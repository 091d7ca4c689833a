"""Subjects: which が/は phrase acts in which trigger's frame.

Japanese subjects scope over the predicates after them, but a subject inside a
relative or nominalised clause (「プーチン大統領が会談の時間を設けてくれたことに
感謝」) acts only inside it, quoted words act only inside their quote, and the head
noun of a relative clause acts in it (「ロシアを訪問中の崔外相」).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..plover import EVALUATIVE_TYPES, SAID_TYPES, SYMMETRIC_TYPES
from .cues import DONE_TO, INTENSITY, LIST_GAP
from .frame import COORDINATORS, Frame, NeedsParse, is_actor, next_frame, last_token
from .roles import Arg
from .triggers import REPORTED

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: From a quote's end to the trigger that says what it is: 「「…」と（強く）（非難）」.
_QUOTE_TO_SAID = re.compile(rf"と、?{INTENSITY}?")
#: From a said clause's end to its verb: 「…していると（繰り返し）（非難）」.
_SAID_END = re.compile(rf"(と|だと|として)、?{INTENSITY}?$")
#: A complement closed by a verb of declaring.
_DECLARED = re.compile(r"^[^。、]{0,6}?(と|ことを)(宣言|表明|明言|述べ|主張|強調|約束)")
#: How an embedded clause ends: nominalised (こと/の), on a noun that is an object, in よう or と.
_EMBED_END = re.compile(r"^(?:[^、。「」でがはを]|「[^」「]{1,30}」){0,12}?((こと|の|[\u4e00-\u9fff\u30a0-\u30ffー]{1,6})"
                        r"(について|をめぐり|をめぐって|に対し|に関し|に|を)|ように|よう|と)")


#: Between a relative clause and the act noun it qualifies: more of the noun, in kanji or
#: katakana (「…行っている|大規模連合空中|訓練」; not 「…敗北する|まで|攻撃」).
_NOUN_HEAD = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff0-9０-９]{0,10}")

#: The end of a reason given, which closes the clause before it: 「…を確認したとして、」「…関与しているとし、」.
_REASON_GIVEN = re.compile(r"(だ)?と(して|し)、|(?<=[たるいだ])として|(?<!こ)と[^、。「」]{0,6}?(非難|批判|反発|主張|指摘|抗議|警告|強調|述べ|訴え"
                           r"|明らかに|発表|表明|説明|明言|断言|語|言及|断定|判断|結論付け|結論づけ)"
                           r"(して(いて|おり)|しており|していて|し|て|り)?、")  # (「…発砲したと非難していて、」)
#: A quote between an embedded clause and the trigger it is the object of: 「…ことについて「重大な誤りだ」と批判」.
_QUOTED_GAP = re.compile(r"^、?「[^」]{1,40}」(と|として)(強く|厳しく|改めて)?$|^「[^」「]{0,20}$"
                         r"|^、?「[^」]{1,60}」と(述べ|語り|指摘し|強調し|話し)(て)?、(強く|改めて|重ねて|明確に)?$"  # 「「…」と述べ、拒否した」
                         r"|^[^、。「」]{0,12}(よう|ように)(強く|改めて)?$")


def read_subjects(text: str, doc: "Doc", args: list[Arg], frames: list[Frame]) -> dict[int, list[Arg]]:
    """Which subject group each frame takes.

    A subject (が/は) covers every trigger after it until a later subject takes
    over (serial predicates share one subject). A subject of an embedded clause
    (a relative clause, or one nominalised with こと/の) covers only the triggers
    inside that clause; when the clause is the object of the next trigger
    (「XがYしたことに感謝」), X is that trigger's target instead.
    """
    groups: list[tuple[list[Arg], int | None]] = []  # (group, clause end or None)
    leaders: list[Arg] = []
    embedded_targets: list[tuple[list[Arg], int]] = []
    coordinated: list[Arg] = []
    for a in args:
        if a.case != "subj":
            continue
        if a.leads:
            leaders.append(a)
            continue
        if a.particle not in ("が", "は", "も") or (a.particle == "も" and _next_is_mo(text, args, a)) \
                or _compound_with_next(args, a) or _listed_with_next(text, args, a):
            coordinated.append(a)  # 「金委員長とプーチン大統領が」「平壌もロシアも」: both act
            continue
        if groups and groups[-1][0][-1].start == a.start:
            groups[-1][0].append(a)  # 「両首脳は」: two people on one span act together
            continue
        group = leaders + coordinated + [a]
        leaders, coordinated = [], []
        limit = None
        if a.particle in ("が",) and not text.startswith("ら", a.end) and next_frame(frames, a.end) is not None:
            # (with no trigger after it, its clause is moot)
            limit = _closed_clause_end(text, a) or _embedded_limit(text, doc, a) \
                or _relative_end(text, doc, a, args, frames)
            if limit is not None and any(b.case == "subj" and b.particle == "が" and a.end <= b.start < limit
                                         for b in args):
                limit = None  # 「AがBが販売するよう説得」: the nearer subject owns that clause, A the main one
            nxt = next((b for b in args if b.start >= a.end and b.case == "subj"), None)
            if limit is None and nxt is not None and nxt.particle == "が" and _JOINED_CLAUSE.fullmatch(text, a.end, nxt.start):
                # 「米国が提案し、ウクライナが受け入れた停戦案を歓迎」: a clause joined to the relative clause after it
                limit = _closed_clause_end(text, nxt) or _embedded_limit(text, doc, nxt) \
                    or _relative_end(text, doc, nxt, args, frames)
            # (a こと that closes it lies past any inner clause the parse gave it: 「プーチン氏が…
            # に応じる条件として…を求めたことについて」)
            closed = _nominalised_end(text, a, args, frames)
            limit = max(limit or 0, closed or 0) or None
            if limit is None:
                # 「外務省は、中国が…進めているのを確認したとして、…抗議した」「…は、北朝鮮が…供与したと
                # 明らかにし、「…」と非難した」: the reason given or the fact told ends the が-clause, whatever
                # the parse hung it on; the topic before it, if any, is the one who acts
                reason = _REASON_GIVEN.search(text, a.end)
                if reason is not None and not any(a.end <= b.start < reason.start() and b.case == "subj" for b in args):
                    limit = reason.start()
        groups.append((group, limit))
        if limit is not None:
            embedded_targets.append((group, limit))
    if leaders:
        groups.append((leaders, None))
    out: dict[int, list[Arg]] = {}
    quotes = quote_spans(text)
    for k, f in enumerate(frames):
        pos = f.match.char_start
        for group, limit in reversed(groups):
            if group[-1].end <= pos and (limit is None or pos < limit) \
                    and reaches(quotes, group[-1].start, pos):
                out[k] = group
                break
    for group, limit in embedded_targets:
        a = group[-1]
        m = _EMBED_END.match(text[limit:])
        if not m:
            _serial_request(text, args, frames, a, limit)
            continue
        k = next_frame(frames, limit)
        if k is not None and frames[k].match.char_start < limit + m.end() and not frames[k].predicative \
                and text[limit - 1] in "るたい" and _NOUN_HEAD.fullmatch(text, limit, frames[k].match.char_start) \
                and not any(g.match.mode == "mediate" and a.end <= g.match.char_start < limit for g in frames):
            # (but 「エジプトとカタールが仲介する間接交渉」: the mediators do not hold the talks they broker)
            # 「米韓が行っている（合同訓練）を非難」: the clause's subject holds the act its head noun
            # names, and that act is what the next trigger is about
            out[k] = list(group)
            k = next((j for j in range(k + 1, len(frames))  # (not one quoted in between)
                      if _quote_of(quotes, frames[j].match.char_start) == -1), None)
        if k is not None and frames[k].type in SYMMETRIC_TYPES and frames[k].match.mode != "accept":
            continue  # 「日米が連携することで一致」: the clause is what is agreed, not whom with
            # (but 「エジプトが示した停戦案を受け入れ」: what is accepted is the proposer's)
        gap = text[limit + m.end():frames[k].match.char_start] if k is not None else ""
        if k is not None and (len(gap) <= 6 or _QUOTED_GAP.match(gap)):
            f = frames[k]  # the clause is what f is about: its subject is f's target, its other words are its own
            f.target = [b for b in f.target if not a.end <= b.start < limit] + list(group)
            f.source = [b for b in f.source if not a.end <= b.start < limit]
    # a relative clause's head noun is its subject: 「ロシアを訪問中の崔外相」; but where the clause
    # has its own subject, the head is what is done to (「ロシアが追放したドイツの外交官」)
    for k, f in enumerate(frames):
        head = _relative_head(text, f, args)
        if head is None:
            continue
        own = out.get(k)
        if own and f.type in DONE_TO and (own[-1].particle == "が" and "、" not in text[own[-1].end:f.match.char_start]
                                          or own[-1].particle == "は" and head.mention.kind == "group"
                                          and head.mention.sector == "CIV"):
            # (「武装勢力は、拘束していたニュージーランド人パイロットを解放した」: people held by the topic)
            f.target.extend(a for a in _with_coordinated(head, args) if a not in f.target)
        else:
            out[k] = [head]
    # 「台湾外交部は、中国が…破壊しているとした」「…は「米国は…やめるべきだ」と述べた」: a verdict or a
    # demand reported is the speaker's (the topic before it, outside any quote), and whoever the clause
    # said is about is judged or asked
    for k, f in enumerate(frames):
        if f.match.id not in REPORTED:
            continue
        topics = [g for g, _ in groups if g[-1].end <= f.match.char_start and g[-1].particle == "は"
                  and _quote_of(quotes, g[-1].start) == -1]
        first = topics[0][-1].end if topics else 0
        spoken = [g for g, _ in groups if first <= g[-1].start and g[-1].end <= f.match.char_start
                  and (not topics or g is not topics[0])]
        if topics:
            out[k] = topics[0]
        elif spoken:  # 「中国が…破壊しているとした」 after 「外交部は…」: the speaker is the one before
            out.pop(k, None)
        if spoken:
            f.target = list(spoken[0]) + f.target
            for j in range(k + 1, len(frames)):  # (「…とした上で、中国に対し…求めた」: the clause's subject ends at the verdict)
                if out.get(j) is spoken[0]:
                    if topics:
                        out[j] = topics[0]
                    else:
                        out.pop(j)
    # 「彼は、韓国は…していると非難し」: the speaker accuses the one spoken of
    for k, f in enumerate(frames):
        if f.type not in SAID_TYPES or f.match.id in REPORTED or not _SAID_END.search(text, 0, f.match.char_start):
            continue
        before = [(g, lim) for g, lim in groups if g[-1].end <= f.match.char_start and lim is None
                  and reaches(quotes, g[-1].start, f.match.char_start)]
        if len(before) >= 2 and before[-1][0] is out.get(k):
            out[k] = before[-2][0]
            spoken_of = before[-1][0]
            # (not the objects of what is said of it: 「…は、タリバン暫定政権がＴＴＰをかくまっていると非難」)
            f.target = list(spoken_of) + [a for a in f.target if not spoken_of[-1].end <= a.start < f.match.char_start]
        elif f.type in EVALUATIVE_TYPES and not f.target:
            # 「「パキスタンが停戦合意に違反した」と非難した」: the quote's own subject is the one accused
            said = next((q for q in quotes if _QUOTE_TO_SAID.fullmatch(text, q[1], f.match.char_start)), None)
            inner = [g for g, _ in groups if said and said[0] < g[-1].start and g[-1].end < said[1]
                     and g[-1].particle in ("が", "は")]
            if inner and not any(a in inner[0] for a in out.get(k, [])):
                f.target = list(inner[0])
    # 「金委員長は…、北朝鮮は…目標を放棄すると宣言し」: the leader declares for his state
    for k, f in enumerate(frames):
        if f.type not in SAID_TYPES or not _DECLARED.match(text[f.match.char_end:]):
            continue
        before = [g for g, lim in groups if g[-1].end <= f.match.char_start and lim is None]
        if len(before) >= 2 and before[-1] is out.get(k):
            inner, outer = before[-1], before[-2]
            if all(a.mention.id == a.mention.country for a in inner) \
                    and {a.mention.country for a in inner} == {a.mention.country for a in outer} \
                    and all(a.mention.kind == "person" for a in outer):
                out[k] = outer
    return out


#: The rest of an embedded clause of serial predicates up to the request it is the object of:
#: 「（北朝鮮が…中止し）、…約束を守ることを（促す）」.
_SERIAL_TO_REQUEST = re.compile(r"、[^。「」]{1,60}?(こと|よう|ように)(を)?(強く|改めて)?")


def _serial_request(text: str, args: list[Arg], frames: list[Frame], a: Arg, limit: int) -> None:
    """A が-subject whose clause goes on, after its first predicate, to the こと/よう that a
    request takes as its object: the subject is asked, not the asker."""
    k = next((j for j, f in enumerate(frames) if f.match.char_start >= limit and f.predicative
              and f.type == "REQUEST"), None)
    if k is None or not _SERIAL_TO_REQUEST.fullmatch(text, limit, frames[k].match.char_start) \
            or any(b.case == "subj" and limit <= b.start < frames[k].match.char_start for b in args):
        return
    f = frames[k]
    f.target = [b for b in f.target if not a.end <= b.start < f.match.char_start] + [a]


def _compound_with_next(args: list[Arg], a: Arg) -> bool:
    """「日米（両政府）は」「ＮＡＴＯロシア（理事会）は」: the first of two names written together acts with the next."""
    later = [b for b in args if b.start >= a.end]
    return bool(later) and later[0].start == a.end and (a.mention.rule == later[0].mention.rule == "compound" or (
        a.mention.kind, later[0].mention.kind) in (("organisation", "state"), ("state", "organisation")))


def _listed_with_next(text: str, args: list[Arg], a: Arg) -> bool:
    """「フランスのマクロン大統領、ドイツのメルツ首相、…トゥスク首相は」: a subject listed before the
    next one, whatever particle the parse gave the list's members, acts with it."""
    later = [b for b in args if b.start >= a.end and b.case == "subj"]
    return bool(later) and LIST_GAP.fullmatch(text, a.end, later[0].start) is not None


def _next_is_mo(text: str, args: list[Arg], a: Arg) -> bool:
    """「平壌もロシアも」: the next name, right after, also takes も."""
    later = [b for b in args if b.start > a.start]
    if not later:
        return False
    b = later[0]
    gap = text[a.end + len(a.particle):b.start].strip("、 ")
    return b.particle == "も" and gap == ""


#: After a quoted feeling, its showing: 「（「深刻な懸念」）を表明」「（「強い遺憾」）の意を示し」.
_SHOWN = re.compile(r"(の意)?を(表明|示|伝え|表し)")


@lru_cache(maxsize=256)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The top-level 「…」 quotes of a sentence, as (start, end) spans.

    A feeling named in quotes as the object of its showing (「「深刻な懸念」を表明」「「強い遺憾」の意を示し」)
    is no speech: the words are the speaker's own act, told by the paper, and not a quote.

    Cached: the attachment, subject, topic and dating rules each ask for the
    same sentence's quotes."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "「『":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "」』" and depth:
            depth -= 1
            if depth == 0 and not (i - start <= 20 and _SHOWN.match(text, i + 1)):
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return tuple(spans)


def _quote_of(quotes: Sequence[tuple[int, int]], pos: int) -> int:
    for n, (a, b) in enumerate(quotes):
        if a <= pos < b:
            return n
    return -1


def in_quote(quotes: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the sentence's quotes (``quote_spans``)."""
    return _quote_of(quotes, pos) != -1


def reaches(quotes: Sequence[tuple[int, int]], arg_pos: int, trigger_pos: int) -> bool:
    """Can an arg at ``arg_pos`` play a role for a trigger at ``trigger_pos``?

    Words inside a quote belong to the quoted speech: they may serve a trigger in
    the same quote, never one outside it. The speaker outside may act in the quote
    (「…を求める」と述べた: the speaker requests).
    """
    q = _quote_of(quotes, arg_pos)
    return q == -1 or q == _quote_of(quotes, trigger_pos)


#: What closes a が-clause that a later predicate takes as its object, topic or condition:
#: 「（イランが…越境攻撃し、子ども2人が死亡した）ことについて…非難」「（両国がNATOに加盟す）れば、」.
#: A nominalised act its subject consents to or promises: 「（…送る）ことに同意」「（…しない）ことを約束」.
_CONSENTING, _PROMISING = "同意|合意|応じ", "約束|確約"
_CONSENTED = re.compile(rf"ことに({_CONSENTING})|ことを({_PROMISING})")
_CLAUSE_CLOSE = re.compile(r"こと(について|に対し|に対して|をめぐり|をめぐって|を巡り|を巡って|に関し|に関して|を受け|は"
                           rf"|に(?!({_CONSENTING}))|を(?!({_PROMISING}))"  # (_CONSENTED: the subject's own)
                           r"|で(?![^、。]{0,4}(合意|一致|妥結)))"  # (「AとBが…することで合意した」: they agree)
                           r"|(れば|たら|ならば|場合)[、「]")


def _nominalised_end(text: str, a: Arg, args: list[Arg], frames: list[Frame]) -> int | None:
    """Where a が-subject's clause ends when it runs through serial predicates to a こと or a
    condition (「パキスタン外務省は、イランが…攻撃し、…死亡したことについて非難した」): under a
    topic named before it, the が-subject is the clause's, not the sentence's."""
    quotes = quote_spans(text)
    if not any(b.case == "subj" and b.particle == "は" and b.end <= a.start
               and _quote_of(quotes, b.start) == _quote_of(quotes, a.start) for b in args):
        return None  # (a quote's own subject: 「外相は「大使が…ことを説明し、反論した」と述べた」)
    m = _CLAUSE_CLOSE.search(text, a.end)
    if m is None or next_frame(frames, m.end()) is None or "。" in text[a.end:m.start()] \
            or any(b.case == "subj" and b.particle == "は" and a.end <= b.start < m.start() for b in args):
        return None
    return m.start()


#: Verbs that work as case particles (「…に向け」「…を通じて」「…に対し」): never the end of a clause.
_CASE_VERBS = {"向ける", "対する", "関する", "通じる", "通ずる", "基づく", "伴う", "巡る", "めぐる", "よる", "沿う",
               "際する", "当たる", "わたる", "かける", "おく", "含める"}


#: A が-clause that is what is asked (「日本政府が誠意ある対応を取るよう求めた」): it ends at よう.
_ASKED_CLAUSE = re.compile(r"[^、。「」]{1,40}?[うくすつぬぶむるいたず](よう|ように)(強く|改めて|重ねて)?"
                           r"(求め|要請|要求|促|呼びかけ|働きかけ|訴え|期待|望|申し入れ)")


#: A が-clause that is a condition (「北朝鮮が核実験を強行すれば、…」): its subject is that clause's only.
_CONDITION_CLAUSE = re.compile(r"[^、。「」]{1,30}?(すれば|されれば|れば|したら|たら|するなら|なら|した場合|する場合|場合)(は|には)?、?")


def _closed_clause_end(text: str, a: Arg) -> int | None:
    """Where the clause of a が-subject ends, read from the text alone, when it is what the next verb
    asks for (at its よう) or a condition (after its ば, たら or 場合); else None."""
    pos = a.end + len(a.particle)
    if (m := _ASKED_CLAUSE.match(text, pos)) is not None:
        return m.start(1)
    m = _CONDITION_CLAUSE.match(text, pos)
    return m.end() if m else None


def _embedded_limit(text: str, doc: "Doc", a: Arg) -> int | None:
    """Where the clause of an embedded が-subject ends, or None if it is a main subject."""
    if not doc.has_annotation("DEP"):
        raise NeedsParse
    tok = last_token(doc, a.start, a.end)  # the mention's last token: the head of its phrase
    if tok is None:
        return None
    head = tok.head
    steps = 0
    while (head.pos_ not in ("VERB", "ADJ") or head.lemma_ in _CASE_VERBS) and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
    if head.pos_ not in ("VERB", "ADJ") or head.pos_ == "ADJ" and head.dep_ in ("acl", "amod") \
            and head.i + 1 < len(doc) and doc[head.i + 1].text == "な":
        return None  # (nor a な-adjective before a noun the parse hung it on: 「EUが新たな制裁案を承認」)
    end = head.idx + len(head.text)
    # the verb group: auxiliaries and て/くれる after the verb
    j = head.i + 1
    while j < len(doc) and (doc[j].pos_ in ("AUX", "SCONJ", "PART") or doc[j].dep_ == "fixed") \
            and doc[j].text not in ("よう", "ように"):  # (よう ends the clause: 「…中止するよう求めた」)
        end = doc[j].idx + len(doc[j].text)
        j += 1
    rest = text[end:]
    if _CONSENTED.match(rest):
        return None  # 「エルドアン大統領が…送ることに同意」: what the subject consents to is its own
    if head.dep_ == "acl" or _EMBED_END.match(rest) and rest[:1] in ("こ", "の", "よ"):
        return end
    if re.match(r"^(だ)?と(して|し|みて)(、|「)", rest):
        return end  # 「パキスタンが関与しているとして、（インド政府は）…」: the reason given, not the actor
    if re.match(r"^「?[^、。「」をにがは]{1,12}」?を", rest) and not _TE_FORM.search(text, 0, end):
        return end  # 「政府が台湾にとった対応を非難」: a relative clause on the object (not 「…抗議して大使を呼んだ」)
    return None


#: From a が-subject to the next: its own short predicate in the continuative, joined by a comma
#: (「（米国）が提案し、（ウクライナ）が」).
_JOINED_CLAUSE = re.compile(r"が[^、。「」はがをに]{1,10}(し|して)、")
#: A verb group in its て-form: it goes on to the next predicate (「抗議して（大使を呼んだ）」), not
#: 「敗北するまで」.
_TE_FORM = re.compile(r"(?<!ま)[てで]$")
#: A relative clause's head noun that is the next trigger's object (「…とった|対応を|非難」).
_HEAD_OBJECT = re.compile(r"^[^、。「」をにがはでと]{1,8}を$")


def _relative_end(text: str, doc: "Doc", a: Arg, args: list[Arg], frames: list[Frame]) -> int | None:
    """Where a が-subject's relative clause ends when the parse missed it.

    「日本政府が台湾にとった対応を非難した」: the first verb after the subject is
    attributive, and the noun it modifies is the next trigger's object, so the
    subject is that verb's, whatever head the parser gave it.
    """
    k = next_frame(frames, a.end)
    if k is None:
        return None
    stop = frames[k].match.char_start
    for t in doc:
        if t.idx < a.end:
            continue
        if t.idx >= stop:
            return None
        if t.pos_ == "VERB" and t.lemma_ not in _CASE_VERBS:
            j, end = t.i + 1, t.idx + len(t.text)
            while j < len(doc) and doc[j].pos_ == "AUX" and doc[j].text not in ("よう", "ように"):
                end, j = doc[j].idx + len(doc[j].text), j + 1
            if any(b.case == "subj" and a.end <= b.start < t.idx for b in args):
                return None  # a nearer subject owns that clause
            if _HEAD_OBJECT.match(text[end:stop]) or _ASKED_END.fullmatch(text, end, stop):
                return end
            # 「北朝鮮が…中止し、…守ることを（促した）」: serial predicates up to what is asked
            asked = next((f for f in frames[k:] if f.predicative and f.type == "REQUEST"), None)
            return end if asked is not None and _SERIAL_TO_REQUEST.fullmatch(text, end, asked.match.char_start) \
                and not any(b.case == "subj" and end <= b.start < asked.match.char_start for b in args) else None
    return None


#: A clause in よう before the request (「北朝鮮が砲弾を売る|ように|説得」): what the subject is asked to do.
_ASKED_END = re.compile(r"(よう|ように)(強く|改めて)?")


def _with_coordinated(head: Arg, args: list[Arg]) -> list[Arg]:
    """The head and the names coordinated after it: 「ドイツとスウェーデン、ポーランドの外交官」."""
    group = [head]
    for b in args[args.index(head) + 1:]:
        prev = group[-1]
        if prev.particle not in ("と", "、", "や", "・") or b.start != prev.end + len(prev.particle):
            break
        group.append(b)
    return group


def _relative_head(text: str, f: Frame, args: list[Arg]) -> Arg | None:
    rest = text[f.match.char_end:]
    m = re.match(r"^(中の|中だった|した|している|していた|する|の際に|を決めた|を決定した)", rest)
    if m:
        after = f.match.char_end + m.end()
    elif f.predicative and f.match.pattern[-1:] in "うくすつぬぶむるぐ":
        after = f.match.char_end  # 「非核化を求めるアメリカ」: a verb in attributive form
    else:
        return None
    for a in args:
        if a.start < after:
            continue
        if a.start == after and a.case == "modifier":
            after = a.end + len(a.particle)  # 「訪問しているロシアのラブロフ外相」
            continue
        if a.start == after and a.mention.kind in ("person", "organisation", "state", "group") \
                and (not re.match(r"[\u4e00-\u9fff]", text[a.end:a.end + 1]) or text.startswith(_PARTY_OF, a.end)):
            return a  # (not 「支持したロシア非難決議」: a name inside a compound is no head; but 「…国防相一行」)
        break
    return None


#: After a name, the party it leads, still that name's act: 「（ショイグ国防相）一行」「（大統領）夫妻」.
_PARTY_OF = ("一行", "夫妻", "一家")

#: A topic that is no actor (「声明は、」「同紙は」): the が-subjects after it sit in what it
#: says. Not a time (「10日は」) nor a case-marked phrase (「会談では」: は after a particle).
_OTHER_TOPIC = re.compile(r"(?<![日月年時週回後前間今])[\u4e00-\u9fff\u30a1-\u30faー]は、?")


def last_subject(args: list[Arg], text: str) -> list[Arg] | None:
    """The sentence's topic with the names coordinated with it: what a following
    sentence without a subject is about. Subjects inside quotes are the quoted
    speaker's words, not the sentence's topic.

    は marks the topic of the whole sentence; a が-subject after it sits in a clause
    (「首相は、中国が…と指摘した」: the next sentence is still about the prime minister).
    So the last は-subject is the topic; after a topic that is no actor (「声明は、中国が…」)
    there is none (the topic before it carries on); else the last が-subject is."""
    quotes = quote_spans(text)
    groups: list[list[Arg]] = []
    for a in args:
        if a.case == "subj" and is_actor(a) and _quote_of(quotes, a.start) == -1:
            if groups and groups[-1][-1].particle in COORDINATORS and groups[-1][-1].end <= a.start:
                groups[-1].append(a)
            else:
                groups.append([a])
    topics = [g for g in groups if g[-1].particle == "は"]
    if topics:
        return topics[-1]
    if groups and _other_topic_before(text, quotes, groups[0][0].start):
        return None
    return groups[-1] if groups else None


def _other_topic_before(text: str, quotes: Sequence[tuple[int, int]], end: int) -> bool:
    return any(_quote_of(quotes, m.start()) == -1 for m in _OTHER_TOPIC.finditer(text, 0, end))
