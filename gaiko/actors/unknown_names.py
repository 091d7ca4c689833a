"""Rule 7 of the linking rules (``rules.py``): people the dictionary lacks, named with a
title. An unknown katakana name with a title (「ノ・ビョンマン氏」) is a person with id None
(or the English name the text gives in brackets) and the nearest country; its first part
(「ノ氏」) later refers back to it. One to three kanji after 「State＋の」 and before a title
(「中国の陳報道官」) are a person of that state."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..identity import normalise_id
from .index import Actor
from .normalise import is_kanji, is_katakana, normalise
from .posts import posted
from .scan import Scan, Spec, Unknown, person_spec

#: What a rule yields: the end of its reading and the mentions it makes.
Reading = tuple[int, list[Spec]]

#: Kanji before a title that are not a name: 「中国の次期大統領」「米国の新任大使」.
_NOT_NAMES = frozenset({"次期", "新任", "前任", "後任", "現職", "歴代", "臨時", "暫定", "首席", "筆頭", "駐在", "代理",
                        "元", "前", "現", "新", "同", "副", "各", "両", "全", "歴", "駐", "在"})


#: Buildings and offices named for a title: 「ボゴール大統領宮殿」「マラカニアン大統領府」 are places, not people.
_SEATS = ("宮殿", "宮", "府", "官邸", "公邸", "邸", "庁舎")


#: Korean surnames the press writes in one katakana (이 イ, 노 ノ, 유 ユ, 오 オ, 서 ソ, 하 ハ, 허 ホ, 고 コ).
_ONE_SYLLABLE_SURNAMES = frozenset("イノユオソハホコ")


# -- rule 7: unknown names -------------------------------------------------------------
def unknown(scan: Scan, p: int) -> Iterator[Reading]:
    norm = scan.norm
    if not is_katakana(norm[p]) or (p > 0 and is_katakana(norm[p - 1])):
        return
    q = p
    while q < len(norm) and is_katakana(norm[q]):
        q += 1
    if q - p < 1:
        return
    written = scan.text[scan.omap[p]:scan.omap[q - 1] + 1]
    named_kinds = {pl.actor.kind for end, pl in scan.keys(p, "name") if end == q and pl.actor is not None}
    if "state" in named_kinds and not any(c in written for c in "・=＝"):
        return  # 「ロシア外務省報道官」: a state the dictionary knows, not a name it lacks (but 「イ・ラン氏」)
    if "person" in named_kinds:
        return  # 「トランプ米大統領」: a name the dictionary knows
    # 「モツワガエ・ボツワナ外相」「ワン・中国外相」: the name, then the state whose title it is
    q, country, titled = state_after_name(scan, p, q)
    last, titles = scan.title_chain(titled)
    if last is None and norm.startswith("駐", titled) and country is None:
        # 「カールソン駐比米国大使」: the name of an envoy whose post follows it
        post = next((r for r in posted(scan, titled)), None)
        if post is not None:
            last, titles, country = post[0], list(post[1][0].titles), post[1][0].country
    if last is None or norm.startswith(_SEATS, last):
        return
    name = norm[p:q]
    for s in scan.persons():
        if isinstance(s.actor, Unknown) and name in (s.actor.name, s.actor.surname) \
                or isinstance(s.actor, Actor) and name in _name_parts(scan, s):
            # 「ブイ・タイン・ソン副首相」… 「ソン氏」: a part of a name written in full before
            yield last, [s.copy(p, last, "coreference")]
            return
    if q - p < 2 and titles[-1] == "氏" and norm[p] not in _ONE_SYLLABLE_SURNAMES:
        return  # (「ノ氏」「イ氏」: Korean surnames of one syllable are names)
    # the original spelling keeps the 「・」 that separates the surname
    original = scan.text[scan.omap[p]:scan.omap[q - 1] + 1]
    family = normalise(original.replace("＝", "・").replace("=", "・").split("・")[0])[0]
    # (a katakana name is foreign: the paper's own country, named beside it, is not its country)
    near = scan.context_country(p)
    # 「アフリカ連合（ＡＵ）のユスフ委員長」: an official of the international body named right before
    body = next((x for x in reversed(scan.specs) if x.end <= p), None)
    if country is None and body is not None and body.country == "IGO" and body.kind == "organisation" \
            and norm[body.end:p] == "の":
        country = "IGO"
    # (「イランのマスード・ペゼシュキアン大統領」: the state before it with の)
    of = country or (body.country if body is not None and body.kind == "state" and norm[body.end:p] == "の" else None)
    holder = scan.resolve_holder(scan.index.people_of(of), titles[-1]) if of and titles else None
    surname = normalise(re.split(r"[・=＝]", original)[-1])[0]
    if holder is not None and (surname in {normalise(x)[0] for x in holder.surnames}
                               or any(end == q and pl.actor is holder for end, pl in scan.keys(q - len(surname), "name"))
                               or _spelt_alike(scan, surname, holder)):
        # 「アントニー・アルバニージー豪州首相」: another spelling of the given name of the holder of the
        # title, whose surname it ends in; 「イランのペゼシキアン大統領」「エルドガン大統領」: another
        # spelling of the holder's surname (one person holds the title at a time)
        yield last, [person_spec(p, last, holder, "surname-variant", titles)]
        return
    named = next((s for s in scan.persons() if isinstance(s.actor, Actor) and (of is None or s.actor.country == of)
                  and _spelt_alike(scan, surname, s.actor)), None)
    if named is not None:
        # 「…ゼレンスキー大統領は…。ゼレンシキー氏は」: another spelling of one named before
        yield last, [named.copy(p, last, "coreference")]
        return
    english = scan.english_name(last)
    known = scan.index.by_id.get(normalise_id(english) or "") if english else None
    if known is not None:  # 「…エルシーシ大統領（H.E. Mr. Abdel Fattah El-Sisi, …）」: a spelling the
        yield last, [person_spec(p, last, known, "english-name", titles)]  # dictionary lacks, of one it has
        return
    person = Unknown(name, family, country or (near if near != scan.default_country else None))
    yield last, [Spec(p, last, english, person.country, "person", None, "unknown-name",
                      actor=person, titles=tuple(titles))]


def _spelt_alike(scan: Scan, surname: str, person: Actor) -> bool:
    """Whether a katakana surname is another spelling of one of the person's names (ペゼシキアン for
    ペゼシュキアン, エルドガン for エルドアン): most of its sounds, in order, with the same first one."""
    if len(surname) < 4:
        return False  # (「トラン氏」 is no 「トランプ」: short names differ by a sound)
    known = {normalise(x)[0] for x in person.surnames} | scan.index.katakana_names.get(id(person), set())
    return any(k[:1] == surname[:1] and not k.startswith(surname) and not surname.startswith(k)
               and SequenceMatcher(None, surname, k).ratio() >= 0.75 for k in known if len(k) >= 4)


def kanji_name(scan: Scan, p: int) -> Iterator[Reading]:
    """A name in kanji the dictionary lacks, then a title: a person with id None.

    After 「State＋の」 or 「organ＋の」 (「中国の陳報道官」「外務省の船越健裕アジア大洋州局長」) the
    person is of that state (after an organ, a name of three kanji or more: 「軍の作戦部長」 is an
    office). Without one, a name of three to five kanji opening a clause before a ministry's or
    envoy's post (「森健良外務審議官は」) is an official of the paper's own country
    (``default_country``): a foreign official is named with his state the first time. A
    bracketed reading and a 「・」 may stand between name and title (「金容吉(キムヨンギル)・東北
    アジア局長」); an envoy's post may start the title (「松尾裕敬駐韓総括公使」). A word (次期, 新任),
    a title itself (「外務次官」) or a name the dictionary knows inside (「初代李承晩大統領」) is not
    a name."""
    norm = scan.norm
    if not is_kanji(norm[p]) or p > 0 and is_kanji(norm[p - 1]) \
            or any(pl.type != "surname" for k in scan.starts.get(p, ()) for pl in scan.index.payloads[k]) \
            or scan.first(p, "title") is not None:
        return  # (a surname the dictionary knows, with a title its holders lack, may still be a name)
    owner = scan.specs[-1] if scan.specs else None
    if owner is not None and owner.kind == "state" and owner.end == p - 1 and norm[p - 1] == "の":
        # (after an organ, two kanji before a title are mostly the office: 「パキスタン軍の作戦部長」)
        country, shortest, owner_less = owner.country, 1 if owner.rule == "dictionary" else 3, False
    elif p == 0 or norm[p - 1] in _CLAUSE_OPENERS:
        country, shortest, owner_less = scan.default_country, 3, True
    else:
        return
    for n in range(1, 6):
        if not is_kanji(norm[p + n - 1:p + n]) or norm[p:p + n] in _NOT_NAMES or _NOT_IN_NAMES.search(norm, p, p + n):
            return
        q = scan.reading(p + n)
        q += norm[q:q + 1] == "・"
        if n < shortest and q == p + n:  # (a name set off by its reading or a 「・」 may be short)
            continue
        if n > 1 and any(pl.type == "name" and len(k) >= 2 for k in scan.starts.get(p + n - 1, ())
                         for pl in scan.index.payloads[k]):
            return  # 「初代李承晩大統領」: a name the dictionary knows inside
        last, titles = scan.title_chain(q)
        post = None
        if last is None and norm.startswith("駐", q):
            post = next(iter(posted(scan, q)), None)
            if post is not None and post[1][0].kind == "person":
                last, titles = post[0], list(post[1][0].titles)
                country = post[1][0].country if owner_less else country
        if last is None:
            continue
        title = scan.first(q, "title")
        sector = title[1].sector if title else "DIP" if post else None
        if titles[-1] == "氏" or owner_less and not (post or titles[-1] in _HOME_POSTS):
            return
        person = Unknown(norm[p:p + n], norm[p:p + n], country)
        yield last, [Spec(p, last, None, country, "person", sector, "unknown-name", actor=person,
                          titles=tuple(titles))]
        return


#: Words no name holds: the office or body a title is of (「国防担当補佐官」「政府代表」).
_NOT_IN_NAMES = re.compile(r"担当|政府|省|庁|軍|当局|大使館|委員会|代表部|事務所|総領事館")
#: What may open a clause right before a name (「、森健良外務審議官は」「。…」「「…」).
_CLAUSE_OPENERS = frozenset("、。「」『』（）()　 \n・,")
#: The titles that name, without a state, an official of the paper's own country: the posts of
#: its ministries and envoys (a foreign leader or minister is named with his state, or known).
_HOME_POSTS = frozenset({"局長", "次官", "公使", "官房長官", "官房副長官", "国家安全保障局長"})


def _name_parts(scan: Scan, s: Spec) -> tuple[str, ...]:
    """The first and last parts of a katakana name as the text wrote it (「ブイ・タイン・ソン」)."""
    original = scan.text[scan.omap[s.start]:scan.omap[s.end - 1] + 1]
    head = re.match(r"[\u30a1-\u30fa\u30fc・=＝]+", original)
    parts = re.split(r"[・=＝]", head.group(0)) if head else []
    if len(parts) < 2:
        return ()
    return tuple(normalise(x)[0] for x in (parts[0], parts[-1]) if len(x) >= 2)


def state_after_name(scan: Scan, p: int, q: int) -> tuple[int, str | None, int]:
    """An unknown katakana name at [p, q) may be followed by 「・」, a state and its title
    (「ワン・中国外相」), or hold them (「モツワガエ・ボツワナ外相」: the folded text drops a 「・」
    between katakana). Returns where the name ends, the state's country (or None) and where
    its titles start."""
    norm = scan.norm
    if norm[q:q + 1] == "・":
        for end, pl in scan.keys(q + 1, "name") + scan.keys(q + 1, "short"):
            if pl.actor is not None and pl.actor.kind == "state" and scan.first(end, "title") is not None:
                return q, pl.actor.country, end
        return q, None, q
    for i in range(q - 1, p, -1):
        if scan.text[scan.omap[i] - 1:scan.omap[i]] not in ("・", "＝", "="):
            continue
        for end, pl in scan.keys(i, "name"):
            if pl.actor is not None and pl.actor.kind == "state" and end == q \
                    and scan.first(q, "title") is not None:
                return i, pl.actor.country, q
    for end, pl in scan.keys(q, "name") + scan.keys(q, "short"):  # 「アントニー・アルバニージー豪州首相」
        if pl.actor is not None and pl.actor.kind == "state" and scan.first(end, "title") is not None:
            return q, pl.actor.country, end
    return q, None, q
