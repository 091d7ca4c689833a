"""The linking rules, each a function ``rule(scan, p)`` yielding readings at position ``p``.

Rules 3 and 7 live in ``posts.py`` and ``unknown_names.py``.
``ActorLinker.match`` tries every rule of ``RULES`` at each position of the
normalised text; the longest reading wins (ties go to the earlier rule). A
reading is ``(end, specs)``: where it stops, and the mentions it makes.

1. dictionary names, extended by a bracketed reading and trailing titles
   (「金正恩(キム・ジョンウン)朝鮮労働党委員長」), by organ words for states
   (「北朝鮮外務省」「韓国の外務省」), by a title for a state (「ロシアの外相」 → the
   holder at the publication date), or by a group word (「韓国人男性」 → null id);
2. surname + title, resolved by the dated roles (「金委員長」);
3. 在 + state + state + organ (「在韓国日本大使館」 → the second state); 駐 + state + an envoy's
   title with no state of its own (「駐韓国次席公使」 → the paper's state, null id);
4. one-character state forms, only in compounds (「米朝」「日米韓」「南北」), after 訪/来/対…
   (「訪朝」), before an organ word or title (「米軍」「米国務長官」) or, for the forms marked
   standalone, alone before a particle (「北は」);
5. anaphora (同外相, 同氏, 同国, 両国, 両外相, 彼, a bare 議長/大統領 after punctuation);
6. bare organ words (政府, 警察, 国会) and group words (国民, 活動家) take the nearest
   country of the same sentence;
7. an unknown katakana name with a title (「ノ・ビョンマン氏」) is a person with id None
   (or the English name the text gives in brackets: 「（H.E. Mr. Bakhtiyor Saidov, …）」)
   and the nearest country; its first part (「ノ氏」) later refers back to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .antecedents import both_sides, last_pair, listed, met_last, most_named, recent, recent_person, two_sides
from .index import Actor
from .normalise import is_alnum_ascii, is_kanji, is_katakana
from .posts import posted, resident
from .scan import Scan, Spec, Unknown, person_spec
from .unknown_names import kanji_name, state_after_name, unknown

#: What a rule yields: the end of its reading and the mentions it makes.
Reading = tuple[int, list[Spec]]

_PREFIXES = frozenset("訪来対在駐離滞")
_PARTICLES = frozenset("はがのをにへとでもや、。・,」』)")
#: Bare organ words (generic.yaml ``bare``) the Japanese press uses only for other states' bodies
#: (Japan's are 外務省 and 自衛隊): alone, they belong to the state last named, not to the default country.
_FOREIGN_ORGANS = frozenset({"外交部", "国軍", "軍事政権", "暫定政権", "国防省", "国防部", "大統領府", "大統領室", "首相府"})  # (Japan has none of these)
_AMBIGUOUS_AFTER_KANJI = frozenset("日中北南")  # 4日, 最中, 東北, 東南
#: 米 as the grain, not the United States: 「人道支援として米を送る」.
_RICE = re.compile(r"を(送|届|提供|供与|支給|輸出|輸入|生産|買|売|配|備蓄|援助)")
_PERSON_ORGANS = {"政権": "GOV", "政府": "GOV", "軍隊": "MIL", "部隊": "MIL", "軍": "MIL"}
#: What turns the title or organ word before it into part of a longer noun, one that names no
#: one acting (「インドと中国の外相|会談」「日本とフィリピンの首脳|会議」「米国の大統領|選」).
_NOUN_HEADS = ("会談", "会議", "会合", "協議", "対話", "選", "間")
#: A part of a state named by its direction: 「（英）南部」「（米）北東部」.
_PART_OF = re.compile(r"[東西南北]{1,2}部")
#: Three to nine people of one office named together: 「４首脳」「三外相」.
_COUNTS = "0123456789〇一二三四五六七八九"
_COUNTED = re.compile(r"(?<![0-9〇一二三四五六七八九十])([3-9三四五六七八九])(首脳|外相|国防相|首相|大統領)"
                      r"|(?:(?<=^)|(?<=[、。」\s]))([3-9三四五六七八九])(人|氏|閣僚)(?=[はがも])")  # 「３人は」 opening a clause
#: Offices a compound of states may name the holders of, and the titles that hold them
#: (「日米外相会談」: Japan's 外相 and the US Secretary of State).
_COMPOUND_OFFICES = {"外相": ("外相", "国務長官"), "国防相": ("国防相",)}
_ANAPHORA_SPECIAL = {"首脳": "person", "国": "state", "外務省": "organ", "国防省": "organ", "国務省": "organ", "外交部": "organ",
                     "省": "organ", "部": "organ", "庁": "organ", "党": "party",
                     "紙": "media", "通信": "media", "社": "media", "政府": "organ", "軍": "organ"}


# -- rule 1: names -------------------------------------------------------------
def names(scan: Scan, p: int) -> Iterator[Reading]:
    # (an organ written whole comes before a name and an organ word of the same length: 「タリバン暫定政権」
    # is Afghanistan's government, not the group and an interim government)
    for e, pl in scan.keys(p, "organ") + scan.keys(p, "name") + scan.keys(p, "capital") + \
            scan.keys(p, "stopword"):
        if pl.type == "stopword":
            yield e, [Spec(p, e, None, None, "stop")]
            continue
        actor = pl.actor
        if not actor.valid_at(scan.pub):
            continue
        if pl.type == "capital":
            yield e, [Spec(p, e, actor.id, actor.id, "capital", "GOV", "capital", place=pl.value, actor=actor)]
            yield from _organ_there(scan, p, e, actor.id)
        elif pl.type == "organ":
            end = e
            ow = scan.first(end, "organ_word")
            if ow:
                end = ow[0]
            yield end, [Spec(p, end, actor.id, actor.id, "state", pl.sector, "organ", actor=actor)]
        elif actor.kind == "state":
            yield from _state_ext(scan, p, e, actor, "dictionary")
        elif actor.kind == "person":
            if not _another_states(scan, p, e, actor):
                yield _person_ext(scan, p, e, actor)
        elif actor.kind == "organisation":
            if scan.first(e, "title") is not None and _another_states(scan, p, e, actor):
                continue  # 「コンゴのワグナー外相」: another state's minister, not the group (rule 7 reads him)
            end = e
            for _ in range(2):
                # 「NATO事務総長」, and for an international body 「ASEANの特使」「NATOの首脳ら」: the body acting
                of = actor.country == "IGO" and end == e and scan.norm.startswith("の", end)
                nxt = [x for t in ("title", "organ_word") for x in scan.keys(end + of, t)
                       if not (of and (x[1].type == "title" and x[1].value == "氏"
                                       or is_kanji(scan.norm[x[0]:x[0] + 1])))]  # (not 「BRICSの首脳|会議」)
                if not nxt:
                    break
                end = max(x[0] for x in nxt)
            yield end, [Spec(p, end, actor.id, actor.country, "organisation", actor.sector, actor=actor)]
        else:
            yield e, [Spec(p, e, actor.id, actor.country, "place", None, place=actor.id, actor=actor)]
            if actor.country and actor.country != "IGO":
                yield from _organ_there(scan, p, e, actor.country)


def _organ_there(scan: Scan, p: int, e: int, state: str) -> Iterator[Reading]:
    """「北京の裁判所」「モスクワの検察当局」「新疆の当局者」: the organ of the state a city or region
    named at [p, e) lies in, sitting there."""
    ow = scan.first(e + 1, "organ_word") if scan.norm.startswith("の", e) else None
    if ow is not None and not is_kanji(scan.norm[ow[0]:ow[0] + 1]) and not scan.norm[e + 1:ow[0]].endswith("館"):
        # (not 「ソウルの大使館」: a mission there is another state's)
        yield ow[0], [Spec(p, ow[0], state, state, "state", ow[1].sector, "organ")]


def _another_states(scan: Scan, p: int, e: int, actor: Actor) -> bool:
    """Whether the name at [p, e) is another state's: after 「State＋の」 or before 「・」, a state
    and a title. A namesake (「ペルーのアルバレス外相」「アルバレス・ペルー外務大臣」 are not
    Spain's Albares), left to rule 7."""
    if not actor.country or actor.country == "IGO":
        return False
    if p > 0 and scan.norm[p - 1] == "の" and scan.specs:
        owner = scan.specs[-1]
        if owner.end == p - 1 and owner.kind == "state" and owner.country not in (None, "IGO", actor.country):
            return True
    q = e
    while q < len(scan.norm) and is_katakana(scan.norm[q]):
        q += 1
    if q == e and scan.norm[e:e + 1] != "・":
        return False
    start, country, _ = state_after_name(scan, p, q)
    return start == e and country is not None and country != actor.country


def _person_ext(scan: Scan, p: int, e: int, actor: Actor) -> Reading:
    """A person's name with its reading and titles, or the person's state acting through an organ."""
    q = scan.reading(e)
    again = [x for x in scan.keys(q, "name") if x[1].actor is actor]
    if again:
        q = scan.reading(again[0][0])
    last, titles = scan.title_chain(q)
    end = last if last else q
    # 「トランプ政権」「トランプ米政権」「金正恩氏の軍隊」: the person's state acting through an organ
    for q in (end, end + 1):
        if q == end + 1 and scan.norm.startswith("政権", q) and is_kanji(scan.norm[end]):
            return q + 2, [Spec(p, q + 2, actor.country, actor.country, "state", "GOV", "person-organ")] \
                if actor.country and actor.country != "IGO" else [person_spec(p, end, actor, "dictionary", titles)]
        if q == end + 1 and not scan.norm.startswith("の", end):
            continue
        for word, sector in _PERSON_ORGANS.items():
            stop = q + len(word)
            if word == "軍" and stop < len(scan.norm) and is_kanji(scan.norm[stop]):
                continue
            if scan.norm.startswith(word, q) and actor.country and actor.country != "IGO":
                return stop, [Spec(p, stop, actor.country, actor.country, "state", sector, "person-organ")]
    return end, [person_spec(p, end, actor, "dictionary", titles)]


def _state_ext(scan: Scan, p: int, e: int, state: Actor, rule: str) -> Iterator[Reading]:
    """A state's name and what extends it: its organ, a title for it, an organ word, a group word."""
    norm = scan.norm
    met = _pair_meeting(scan, e)
    lead = scan.leader(state, p, offices=met[1]) if met is not None else None
    if lead is not None:  # 「日本とフィリピンの首脳会談」「インドと中国の外相会談」: the two who met
        yield e, [person_spec(p, e, lead, "compound", (met[0],))]
    yield e, [Spec(p, e, state.id, state.id, "state", None, rule, actor=state)]
    for q in (e, e + 1):
        if q == e + 1 and not norm.startswith("の", e):
            continue
        # (an organ another state's entry holds, written right after this state's name, is this
        # state's own: 「中国国家安全局」 is no Taiwanese bureau)
        named = [x for x in scan.keys(q, "organ") if x[1].actor is state or q == e and x[1].actor.kind == "state"]
        for end, pl in named:
            for _ in range(2):  # 「中国人民解放軍東部戦区」: a body of the organ is the state's too
                more = scan.first(end, "organ_word")
                if more is None:
                    break
                end = more[0]
            yield end, [Spec(p, end, state.id, state.id, "state", pl.sector, "organ", actor=state)]
        title = scan.first(q, "title")
        holder = None
        if title is not None and title[1].value != "氏":
            last, titles = scan.title_chain(q)
            if q == e + 1 and norm.startswith(_NOUN_HEADS, last):
                title, titles = None, []
            holder = scan.resolve_holder(scan.index.people_of(state.id), titles[-1], None,
                                         "駐日" in norm[q:last]) if titles else None
            if holder is not None:
                yield last, [person_spec(p, last, holder, "state-title", titles)]
        ow = scan.first(q, "organ_word")
        if ow is not None and q == e + 1 and norm.startswith(_NOUN_HEADS, ow[0]):
            ow = None
        if ow is not None:
            end = ow[0]
            more = scan.first(end, "organ_word")
            if more is not None:
                end = more[0]
            leg = scan.index.legislatures.get((state.id, norm[q:ow[0]]))
            if leg is not None:
                yield end, [Spec(p, end, leg.id, leg.country, "organisation", leg.sector, "organ", actor=leg)]
            else:
                yield end, [Spec(p, end, state.id, state.id, "state", ow[1].sector, "organ", actor=state)]
        elif title is not None and holder is None and title[1].value != "氏":
            # an office-holder the text does not name stands for the state (EVENTS.md: its organs)
            yield title[0], [Spec(p, title[0], state.id, state.id, "person", title[1].sector, "state-title")]
        r = q + 1 if norm.startswith("人", q) and q == e else q
        grp = scan.first(r, "group_word")
        if grp is not None and grp[1].value != "人" and not grp[1].stateless:  # (「北朝鮮の国際社会を無視した」)
            yield grp[0], [Spec(p, grp[0], None, state.id, "group", grp[1].sector, "group")]
        elif r == q + 1:
            yield r, [Spec(p, r, None, state.id, "group", "CIV", "group")]


def _pair_meeting(scan: Scan, e: int) -> tuple[str, tuple[str, ...] | None] | None:
    """The office whose holders meet, where the state name ending at ``e`` is one of two named
    before a meeting of theirs (「日本とフィリピンの首脳会談」: 首脳, the leader; 「インドと中国の
    外相会談」: 外相), else None. The second state is the one after 「と」."""
    norm = scan.norm
    q = e
    if norm.startswith("と", q):
        other = [x for x in scan.keys(q + 1, "name") if x[1].actor is not None and x[1].actor.kind == "state"]
        if not other:
            return None
        q = other[0][0]
    if not norm.startswith("の", q):
        return None
    if norm.startswith("首脳会談", q + 1):
        return "首脳", None
    title = scan.first(q + 1, "title")
    offices = _COMPOUND_OFFICES.get(title[1].value or "") if title is not None else None
    if offices and (norm.startswith("会談", title[0]) or q > e and norm[title[0]:title[0] + 1] in ("は", "が", "も")
                    and scan.resolve_holder(scan.index.people_of(other[0][1].actor.id), title[1].value or "")):
        return title[1].value, offices  # (and 「中国とロシアの外相は」: the two holders who act, both known)
    return None


# -- rule 2: surname + title ----------------------------------------------------
def surname(scan: Scan, p: int) -> Iterator[Reading]:
    hits = scan.keys(p, "surname")
    if not hits:
        return
    by_end: dict[int, list[Actor]] = {}
    for e, pl in hits:
        if not _another_states(scan, p, e, pl.actor):
            by_end.setdefault(e, []).append(pl.actor)
    for e, cands in by_end.items():
        family = scan.norm[p:e]
        q = scan.reading(e)
        last, titles = scan.title_chain(q)
        if last is None:
            # a surname alone refers back to a person named earlier (「田村は」), never 金 alone
            if e - p >= 2 and e < len(scan.norm) and scan.norm[e] in _PARTICLES:
                for s in scan.persons():
                    if s.actor in cands:
                        yield e, [person_spec(p, e, s.actor, "coreference")]
                        break
            continue
        title = titles[-1]
        if title == "氏":
            for s in scan.persons():
                if s.actor in cands or (isinstance(s.actor, Unknown) and s.actor.surname == family):
                    yield last, [s.copy(p, last, "coreference")]
                    break
            continue
        actor = scan.resolve(cands, title)
        if actor is None and title == "大臣" and scan.pub is not None:
            # 「岩屋大臣は」: 大臣 is any minister's title; the one of them in office then
            ministers = [a for a in cands if any(r.title.endswith(("相", "大臣", "長官")) and a.holds(r.title, scan.pub)
                                                 for r in a.roles)]
            actor = ministers[0] if len(ministers) == 1 else None
        if actor is not None:
            yield last, [person_spec(p, last, actor, "surname-title", titles)]
            continue
        # 「岩屋毅外務大臣は…」 「岩屋大臣から」: a title the roles do not list, after a person named before
        for s in scan.persons():
            if s.actor in cands:
                yield last, [s.copy(p, last, "coreference")]
                break


# -- rule 4: one-character forms ---------------------------------------------------
def short(scan: Scan, p: int) -> Iterator[Reading]:
    norm = scan.norm
    run: list[tuple[int, Actor, bool]] = []
    q = p
    while q < len(norm):
        sh = scan.first(q, "short")
        pair = scan.first(q, "pair")
        if sh is None and pair is None:
            break
        if q > p and any(e > q + 1 for e, _ in scan.keys(q, "name") + scan.keys(q, "stopword")):
            break  # 「南中国海」: 中 begins 中国, no compound with 南; 「米中東担当特使」: 中 begins 中東
        if q > p and _PART_OF.match(norm, q):
            if len(run) == 1:  # 「英南部」「米北東部」: a part of the state before, no second state
                yield q, [Spec(p, q, run[0][1].id, run[0][1].id, "state", None, "compound", actor=run[0][1])]
                return
            break
        run.append((q, (sh or pair)[1].actor, sh is None))
        q += 1
    if not run:
        return
    if any(len(k) >= 2 and any(pl.type == "capital" or pl.actor is not None and pl.actor.kind == "place"
                               for pl in scan.index.payloads[k])
           for k in scan.starts.get(p, ())):
        return  # 「台北」 is Taipei, not 台 + 北
    prev = norm[p - 1] if p > 0 else ""
    # 「在日」「訪朝」: a prefix, unless it ends a word of its own (滞在中, 訪問中)
    prefixed = prev in _PREFIXES and not (p >= 2 and is_kanji(norm[p - 2]))
    blocked = (prev.isdigit() or (is_kanji(prev) and not prefixed)) and norm[p] in _AMBIGUOUS_AFTER_KANJI
    if blocked:
        return
    if prefixed and len(run) >= 2 and norm[run[-1][0]] == "中" and not is_kanji(norm[q:q + 1]):
        run.pop()  # 「訪日中の」「来日中に」: 中 is "while", not China
        q -= 1
    if len(run) >= 2 and len({a.id for _, a, _ in run}) == len(run):
        # 「日米首脳会談」「日ロ外相会談」: the states' leaders (or ministers) meet, where the dictionary
        # knows who they were (of three or more, only those the text names: who attends varies)
        # (「米中両首脳」「日中両外相」「米中の外相会談」 as 「米中首脳」)
        held = q + 1 if norm.startswith(("両", "の"), q) else q
        title = scan.first(held, "title")
        offices = _COMPOUND_OFFICES.get(title[1].value or "") if title is not None else None
        leaders = [scan.leader(a, p, named_only=len(run) > 2, offices=offices) for _, a, _ in run] \
            if norm.startswith("首脳", held) or offices else [None] * len(run)
        yield q, [person_spec(i, i + 1, lead, "compound", ("首脳",)) if lead is not None
                  else Spec(i, i + 1, a.id, a.id, "state", None, "compound", actor=a)
                  for (i, a, _), lead in zip(run, leaders)]
        return
    i, state, pair_only = run[0]
    if pair_only:
        return
    if prefixed:
        yield p + 1, [Spec(p, p + 1, state.id, state.id, "state", None, "compound", actor=state)]
    for end, specs in _state_ext(scan, p, p + 1, state, "compound"):
        if end > p + 1 and specs[0].rule != "group" and (
                norm[p] in state.standalone or not norm.startswith("の", p + 1)):
            yield end, specs
    nxt = norm[p + 1] if p + 1 < len(norm) else ""
    if norm[p] in state.standalone and nxt in _PARTICLES and not (is_kanji(prev) or is_katakana(prev)) \
            and not (norm[p] == "米" and _RICE.match(norm, p + 1)):
        yield p + 1, [Spec(p, p + 1, state.id, state.id, "state", None, "compound", actor=state)]


# -- rule 5: anaphora -------------------------------------------------------------
def anaphora(scan: Scan, p: int) -> Iterator[Reading]:
    norm = scan.norm
    c = norm[p]
    if c == "彼" and not norm.startswith(("彼ら", "彼岸", "彼女ら"), p):
        end = p + 2 if norm.startswith("彼女", p) else p + 1
        for s in scan.persons():
            yield end, [s.copy(p, end, "anaphora")]
            break
        return
    if norm.startswith("先方", p):
        # 「先方から支持を得ました」: in a readout of the paper's own state, the other side, the foreign
        # person named last
        other = next((s for s in scan.persons() if s.country not in (None, scan.default_country)), None)
        if other is not None:
            yield p + 2, [other.copy(p, p + 2, "anaphora")]
        return
    if norm.startswith(("双方", "両者"), p) and not norm.startswith("双方向", p):
        if scan.specs and norm[scan.specs[-1].end:p] in ("", "の"):
            return  # 「AとBの双方」: the two just named, not two others
        # 「双方に自制を求めた」: the two states named together, else the two people of two
        # states named last (the sides of a meeting), else the two states named last
        sides = [s for s in two_sides(scan) if s.start < scan.sentence_start(p)]  # (not who speaks now)
        found = both_sides(scan, p) or (sides if len(sides) == 2 else [])
        if found:
            yield p + 2, [s.copy(p, p + 2, "anaphora") for s in found]
        elif (named := most_named(scan, p)) or (named := [s.id for s in recent(scan, "state", 2)]):
            # 「（国連の事務総長は）双方に自制を求めた」: the two states the story is about
            yield p + 2, [Spec(p, p + 2, c, c, "state", None, "anaphora") for c in named]
        return
    if (count := _COUNTED.match(norm, p)) is not None:
        # 「４首脳は」「３外相は」: the people just listed, as many as it says
        n = _COUNTS.index(count[1] or count[3]) % 10
        found = listed(scan, n) or met_last(scan, p, n)
        if found:
            yield count.end(), [s.copy(p, count.end(), "anaphora") for s in found]
        return
    if c in "同両" and not (c == "同" and p and is_kanji(norm[p - 1])):  # (not 「合同軍事演習」「共同」)
        want = 1 if c == "同" else 2
        pair = scan.specs[-2:]
        if want == 2 and len(pair) == 2 and pair[1].end == p and all(x.rule == "compound" for x in pair):
            # 「日米両国」「米中両首脳」: the compound's own two, already read
            word = next((w for w in _ANAPHORA_SPECIAL if norm.startswith(w, p + 1)), None)
            t = scan.first(p + 1, "title")
            stop = p + 1 + len(word) if word else t[0] if t is not None else None
            if stop is not None:
                yield stop, [Spec(p, stop, None, None, "stop")]
                return
        for word, what in _ANAPHORA_SPECIAL.items():
            if norm.startswith(word, p + 1):
                stop = p + 1 + len(word)
                if want == 2 and word == "政府":
                    what = "state"  # 「両政府」: the two states' governments, as 「両国」
                found = recent(scan, what, want, word if word.endswith(("省", "部", "庁")) else "", at=p)  # 「同外務省」
                if found:
                    yield stop, [s.copy(p, stop, "anaphora") for s in found]
                if len(found) == 2 and what == "state" and norm.startswith("の", stop) \
                        and (t := scan.first(stop + 1, "title")) is not None \
                        and not (t[0] < len(norm) and is_kanji(norm[t[0]])):  # (not 「両国の外相会談」)
                    # 「両国の外相」: the holders of that title in the two states, where the dictionary knows both
                    holders = [scan.resolve_holder(scan.index.people_of(x.id or ""), t[1].value or "") for x in found]
                    if all(holders):
                        yield t[0], [person_spec(p, t[0], h, "anaphora", [t[1].value or ""]) for h in holders]
                if len(found) == 1 and what == "state" and isinstance(found[0].actor, Actor):
                    for end, specs in _state_ext(scan, p, stop, found[0].actor, "anaphora"):
                        if end > stop:
                            yield end, specs
        t = scan.first(p + 1, "title")
        if t is not None:
            found = recent_person(scan, t[1].value or "", norm[p + 1:t[0]], want, p if want == 1 else None)
            if found:
                yield t[0], [s.copy(p, t[0], "anaphora") for s in found]
        return
    t = scan.first(p, "title")
    prev = norm[p - 1] if p > 0 else "。"
    if t is not None and prev == "の" and scan.specs and scan.specs[-1].end == p - 1 \
            and scan.specs[-1].rule == "compound" and scan.specs[-1].kind == "person":
        yield t[0], [Spec(p, t[0], None, None, "stop")]  # 「米中の外相」: the compound's own two, already read
        return
    if t is not None and t[1].value != "氏" and not (is_kanji(prev) or is_katakana(prev) or is_alnum_ascii(prev)):
        nxt = norm[t[0]] if t[0] < len(norm) else "。"
        if not is_kanji(nxt) and not is_katakana(nxt):
            found = recent_person(scan, t[1].value or "", norm[p:t[0]], 1)
            if norm[p:t[0]] in _HOME_OFFICES and scan.default_country and prev in _CLAUSE_OPENERS:
                # 「石破首相は…モディ首相と会談した。首相は…」: bare, the paper's own office-holder if named
                title = t[1].value or ""
                home = next((s for s in scan.persons() if s.country == scan.default_country
                             and isinstance(s.actor, Actor) and (title in s.titles or s.actor.has_title(title))), None)
                found = [home] if home is not None else found
            owner = scan.specs[-1] if prev == "の" and scan.specs and scan.specs[-1].end == p - 1 \
                and scan.specs[-1].kind == "state" else None
            if found and owner is not None and owner.country != found[0].country:
                # 「米国務省の報道官」 after China's spokesman: that state's official (read with the state,
                # as when no one was named before), not the one named before
                yield t[0], [Spec(p, t[0], None, None, "stop")]
            elif found:
                yield t[0], [found[0].copy(p, t[0], "anaphora")]
            elif norm[p:t[0]] in _HOME_OFFICES and prev in _CLAUSE_OPENERS and scan.default_country and nxt in "はがもと、" \
                    and (holder := scan.resolve_holder(scan.index.people_of(scan.default_country),
                                                       t[1].value or "")) is not None:
                # 「首相は２日、…」 with no prime minister named before: the paper's own (Japanese news)
                yield t[0], [person_spec(p, t[0], holder, "home-office", [t[1].value or ""])]


#: Offices the Japanese press writes bare for Japan's holder when no other holder was named before
#: (「首相は２日、…」「外相は記者会見で」); a foreign one is always named first (「英国のスターマー首相」).
_HOME_OFFICES = ("首相", "外相", "官房長官", "防衛相", "財務相", "経済産業相", "経産相", "外務大臣", "防衛大臣", "総理大臣", "総理")

#: What stands before a title that opens a clause of its own (not 「チョ・テヨル（趙兌烈）外相」's).
_CLAUSE_OPENERS = ("。", "、", "「", "\n", " ", "　", "")


#: Titles that, written bare, can only mean the default country's holder (Japanese news: the emperor).
_SOLE_OFFICES = ("天皇陛下", "天皇", "上皇陛下", "上皇")


# -- rule 6: bare organ and group words ----------------------------------------------
def bare(scan: Scan, p: int) -> Iterator[Reading]:
    norm = scan.norm
    prev = norm[p - 1] if p > 0 else "。"
    if is_kanji(prev) or is_katakana(prev) or is_alnum_ascii(prev):
        return
    # 「トルコの国防相ら閣僚３人」「…総司令官ら国軍幹部」: the group of the one just named, his state's
    lead = scan.specs[-1].country if prev == "ら" and scan.specs and scan.specs[-1].end == p - 1 else None
    for e, pl in scan.keys(p, "organ_word") if prev != "の" and (prev != "ら" or lead not in (None, "IGO")) else ():
        if norm[p:e] in scan.index.bare_organs or lead:
            country = lead or scan.coordinated_country(p) or (
                scan.organ_named_before(p, norm[p:e]) or scan.nearest_country(p, foreign=True) if norm[p:e] in _FOREIGN_ORGANS
                else None if prev == "な"  # 「邪悪な政権」: described, not the paper's own
                else scan.own_organ_country(p, quoted=norm[p:e] == "政府" or pl.value == "我が国", word=norm[p:e]))
            leg = scan.index.legislatures.get((country or "", norm[p:e]))
            if leg is not None:
                yield e, [Spec(p, e, leg.id, leg.country, "organisation", leg.sector, "context", actor=leg)]
            elif country:
                yield e, [Spec(p, e, country, country, "state", pl.sector, "context")]
    for e, pl in scan.keys(p, "group_word"):
        if e - p >= 2:
            country = None if pl.stateless else pl.country or scan.context_country(p)
            yield e, [Spec(p, e, None, country, "group", pl.sector, "group")]
    # 「天皇陛下」 with no state before it: an office only the default country has, so its holder
    sole = prev != "の" and scan.default_country and norm.startswith(_SOLE_OFFICES, p)
    for e, pl in scan.keys(p, "title") if sole else ():
        if norm[p:e] in _SOLE_OFFICES:
            holder = scan.resolve_holder(scan.index.people_of(scan.default_country), pl.value)
            if holder is not None:
                yield e, [person_spec(p, e, holder, "sole-office", [pl.value])]



#: The rules in the order that breaks ties between readings of the same length.
RULES: tuple[Callable[[Scan, int], Iterator[Reading]], ...] = (
    names, surname, resident, posted, short, anaphora, bare, unknown, kanji_name)
