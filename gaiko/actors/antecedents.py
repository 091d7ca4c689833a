"""Who a back-reference means: the antecedents of 同/両 forms, 双方 and 同氏 (rule 5 of
``rules.py``), read from the mentions a ``Scan`` has found so far."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from .index import DEFAULT_LEADER, Actor
from .scan import Scan, Spec


def recent(scan: Scan, what: str, want: int, ending: str = "", at: int | None = None) -> list[Spec]:
    """The ``want`` actors of a kind (``what``: person, state, organ, party, media) named last;
    for two states, the pair named together if there is one, else (where the sentence of ``at``
    has named a state already) the two named before that sentence. With ``ending``, those named by
    a word that ends so come first (「同省」: the ministry named last, not the government)."""
    if what == "person":  # 両首脳: the two leaders named last (of the people named last, those who lead)
        people: list[Spec] = []
        seen: set = set()
        for s in scan.persons():
            if id(s.actor) not in seen:
                seen.add(id(s.actor))
                people.append(s)
        leaders = [s for s in people[:8] if _leads(scan, s)]
        # (「首相は…大統領と会談した。岩屋外相も同席した。両首脳は」: not the minister named since)
        out = leaders[:want] if len(leaders) >= want else people[:want]
        return out if len(out) == want else []
    if what == "state" and want == 2:
        pair = last_pair(scan)
        if pair:
            return [x.copy(x.start, x.end, "anaphora") for x in pair]
        start = scan.sentence_start(at) if at is not None else None
        if start is not None and any(s.kind == "state" and s.start >= start for s in scan.specs):
            # 「（エクアドル警察がメキシコ大使館に突入した。）米国務省の報道官も…両国に求めた」: the two
            # of the story before, not the speaker's own state named in this sentence
            earlier = list(islice((s for s in _named_last(scan, what) if s.end <= start), want))
            if len(earlier) == want:
                return earlier
    if what == "state" and want == 1 and not ending and at is not None:
        # 「リトアニアは…、台湾が…開設することを受け入れた。同国は」: the state the sentence before was
        # about (its topic, は), not one named last inside what it said
        start = scan.sentence_start(at)
        before = scan.sentence_start(start - 1) if start > 0 else 0
        topics = [s for s in reversed(scan.specs) if before <= s.start and s.end <= start and s.kind == "state"
                  and s.id is not None and scan.norm.startswith("は", s.end)]
        if topics and not any(s.kind == "state" and start <= s.start < at for s in scan.specs):
            # (in its own sentence after a state, 「…ベラルーシが…として、同国の外交官」, the one named last)
            return [topics[0].copy(topics[0].start, topics[0].end, "anaphora")]
    if ending:
        ends = [s for s in _named_last(scan, what) if scan.norm[s.start:s.end].endswith(ending)]
        if len(ends) >= want:
            return ends[:want]
    named = list(islice(_named_last(scan, what), want))
    return named if len(named) == want else []


#: Titles of those 「両首脳」 may name: the offices that lead a state (``DEFAULT_LEADER``) and the other
#: heads the press writes as one of two leaders who met (a monarch who rules, a chairman).
_LEADER_TITLES = (*DEFAULT_LEADER, "主席", "国王", "首長", "委員長")


def _leads(scan: Scan, s: Spec) -> bool:
    """Whether the person ``s`` names leads a state: by the title written with them or one they held then."""
    if any(t in _LEADER_TITLES for t in s.titles):
        return True
    actor = s.actor
    return isinstance(actor, Actor) and any(actor.holds(t, scan.pub) for t in _LEADER_TITLES)


#: Between two people of a list: 「マクロン大統領、ドイツのメルツ首相」「AとB」.
_LISTED_GAP = re.compile(r"(、|と|および|及び)[^、。「」はがもをにでと]{0,12}")


def listed(scan: Scan, n: int) -> list[Spec]:
    """The ``n`` people named last as one list of exactly ``n`` (「４首脳」 after 「マクロン大統領、
    メルツ首相、スターマー首相、トゥスク首相は」), not the ``n`` named last: the one they met
    was named since."""
    people = [s for s in scan.specs if s.kind == "person" and s.actor is not None]

    def joined(a: Spec, b: Spec) -> bool:
        return _LISTED_GAP.fullmatch(scan.norm, a.end, b.start) is not None
    for i in range(len(people) - n, -1, -1):
        run = people[i:i + n]
        if all(joined(a, b) for a, b in zip(run, run[1:])) \
                and not (i > 0 and joined(people[i - 1], run[0])) \
                and not (i + n < len(people) and joined(run[-1], people[i + n])):
            return run
    return []


def met_last(scan: Scan, p: int, n: int) -> list[Spec]:
    """The people of the last sentence before ``p`` that names any, if they are ``n``: 「３人は」 after
    「岩屋外相は…、ブリンケン米国務長官、韓国のチョ・テヨル外相と電話で会談した。」 are those three."""
    here = scan.sentence_start(p)
    before = [s for s in scan.persons() if s.end <= here]
    if not before:
        return []
    start = scan.sentence_start(before[0].start)
    people = list({id(s.actor): s for s in reversed(before) if s.start >= start}.values())
    return people if len(people) == n else []


def _named_last(scan: Scan, what: str) -> Iterator[Spec]:
    """Actors of a kind, most recently named first, each once."""
    seen: set = set()
    for s in reversed(scan.specs):
        if s.kind == "stop" or s.id is None:
            continue
        ok = {"state": s.kind in ("state", "capital"),
              "organ": s.kind == "state" and s.sector in ("DIP", "MIL", "GOV", "POLICE"),
              "party": s.kind == "organisation" and s.sector == "PARTY",
              "media": s.kind == "organisation" and s.sector in ("MEDIA", "BUS")}[what]
        if ok and s.id not in seen:
            seen.add(s.id)
            spec = s.copy(s.start, s.end, "anaphora")
            if s.kind == "capital":
                spec.kind, spec.place = "state", None
            yield spec


def both_sides(scan: Scan, p: int) -> list[Spec]:
    """Whom 双方/両者 at ``p`` names: the two states or armed groups named together last, not the two
    who speak in its own sentence (「国軍とＲＳＦの戦闘をめぐり、米国とサウジアラビアは…両者に」)."""
    pair = last_pair(scan, leaders=False, groups=True)
    if pair and pair[0].start >= scan.sentence_start(p) and scan.norm.startswith(("は", "が"), pair[-1].end):
        pair = last_pair(scan, leaders=False, groups=True, before=pair[0].start)
    return pair


#: Between two sides named together, a word that describes the second (「国軍と準軍事組織「ＲＳＦ」」).
_DESCRIBED_SECOND = re.compile(r"と[\u4e00-\u9fff]{1,8}「")


def last_pair(scan: Scan, leaders: bool = True, groups: bool = False, before: int | None = None) -> list[Spec]:
    """The two states named together last (「インドとパキスタン」「印パ」), or whose leaders were
    (「尹錫悦大統領とバイデン米大統領」), for 両国/双方 when another state has been named since
    (「…と米国のルビオ国務長官は、両国に」). Without ``leaders``, two people named together are left to
    the caller (「双方」 after them is the two people); with ``groups``, organisations count as sides
    (「国軍とＲＳＦの」); with ``before``, only names ending there or earlier."""
    kinds = ("state", "capital", "person", "organisation") if groups else ("state", "capital", "person")
    specs = [s for s in scan.specs if s.kind in kinds and s.id is not None and (before is None or s.end <= before)][-12:]
    for k in range(len(specs) - 2, -1, -1):
        a, b = specs[k], specs[k + 1]
        if a.kind != "person" and b.kind != "person":
            third = k > 0 and specs[k - 1].rule == "compound" and specs[k - 1].end == a.start \
                or k + 2 < len(specs) and specs[k + 2].rule == "compound" and specs[k + 2].start == b.end
            if a.id != b.id and (scan.norm[a.end:b.start] in ("と", "・", "、", "や", "及び", "")
                                 or groups and _DESCRIBED_SECOND.fullmatch(scan.norm, a.end, b.start)) \
                    and (a.rule == b.rule == "compound" and not third or scan.norm[a.end:b.start]):
                return [a, b]  # (not two of 「日米韓」: three are no pair)
        elif leaders and a.kind == b.kind == "person" and (a.start, a.end) == (b.start, b.end) \
                and a.country != b.country and None not in (a.country, b.country):
            # 「両首脳は」: the states of the two leaders it names
            return [Spec(s.start, s.end, s.country, s.country, "state", None, "anaphora") for s in (a, b)]
        elif leaders and a.kind == b.kind == "person" and a.country != b.country and None not in (a.country, b.country) \
                and _JOINED.fullmatch(scan.norm, a.end, b.start):
            # 「尹錫悦大統領とバイデン米大統領が…会談」: the two leaders' states
            return [Spec(s.start, s.end, s.country, s.country, "state", None, "anaphora") for s in (a, b)]
        elif a.kind == "person" and b.kind != "person" and k + 2 < len(specs) and k > 0:
            # 「アゼルバイジャンのアリエフ大統領とアルメニアのパシニャン首相は」: the two leaders' states
            first, second, leader = specs[k - 1], b, specs[k + 2]
            if _owns(scan, first, a) and _owns(scan, second, leader) and first.id != second.id \
                    and _JOINED.fullmatch(scan.norm, a.end, b.start):
                return [first, second]
    return []


#: After a person's name, its title and the と joining the next person: 「（アリエフ）大統領と」.
_JOINED = re.compile(r"[\u4e00-\u9fff]{0,8}と、?")


def _owns(scan: Scan, state: Spec, person: Spec) -> bool:
    """``state`` names ``person``'s state right before them: 「アゼルバイジャンの|アリエフ大統領」."""
    return state.kind in ("state", "capital") and state.country == person.country \
        and scan.norm[state.end:person.start] == "の"


#: A person's name used for the administration they head: 「トランプ（米）政権」.
_ADMINISTRATION = re.compile(r"[\u4e00-\u9fff]?政権")


def two_sides(scan: Scan) -> list[Spec]:
    """The last two people named, if they are of two different states."""
    people: list[Spec] = []
    for s in scan.persons():
        if _ADMINISTRATION.match(scan.norm, s.end):
            continue
        if all(id(s.actor) != id(x.actor) for x in people):
            people.append(s)
        if len(people) == 2:
            break
    if len(people) == 2 and people[0].country and people[1].country and people[0].country != people[1].country:
        return people[::-1]
    return []


def most_named(scan: Scan, p: int) -> list[str]:
    """The two countries named most so far (the sides of the story), leaving out that of the
    last person named in the sentence before ``p`` (who speaks of 「双方」 is not one of them)."""
    here = scan.sentence_start(p)
    speakers = {s.country for s in scan.specs if s.kind == "person" and here <= s.start < p}
    speakers = {next(s.country for s in reversed(scan.specs) if s.kind == "person" and here <= s.start < p)} \
        if speakers else set()
    counts: dict[str, int] = {}
    for s in scan.specs:
        if s.country and s.country != "IGO" and s.country not in speakers and s.end <= p \
                and s.kind in ("state", "capital", "person", "group"):
            counts[s.country] = counts.get(s.country, 0) + 1
    top = sorted(counts, key=lambda c: -counts[c])[:2]  # (ties: the first named, as dicts keep order)
    return top if len(top) == 2 and counts[top[1]] >= 2 else []


#: Titles a bare 「大臣」 (「両大臣」「同大臣」) may stand for: any minister's.
_MINISTERS = ("相", "大臣", "長官")


def recent_person(scan: Scan, title: str, surface: str, want: int, p: int | None = None) -> list[Spec]:
    """The ``want`` persons named last whose titles fit; for 「同氏」 at ``p``, never the subject
    of its own sentence (「習氏は同氏夫妻に訪中を招請」: 同氏 is someone else, named before)."""
    out: list[Spec] = []
    seen: set = set()
    own = scan.sentence_start(p) if p is not None else None
    for s in scan.persons():
        key = id(s.actor)
        if key in seen:
            continue
        if own is not None and s.start >= own and scan.norm.startswith(("は", "が"), s.end) \
                or _ADMINISTRATION.match(scan.norm, s.end):
            seen.add(key)  # (「トランプ米政権の関税措置」 names an administration, not its head acting)
            continue
        ok = title == "氏" or title in s.titles or any(t.endswith(surface) for t in s.titles) \
            or surface == "大臣" and any(t.endswith(_MINISTERS) for t in s.titles) or (
            isinstance(s.actor, Actor) and (s.actor.has_title(title) or s.actor.title_suffix(surface)))
        if ok:
            seen.add(key)
            out.append(s)
            if len(out) == want:
                return out
    return out if len(out) == want else []
