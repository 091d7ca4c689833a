"""Rule 7 of the linking rules (``rules.py``): people the dictionary lacks, named with a
title. An unknown katakana name with a title (「ノ・ビョンマン氏」) is a person with id None
(or the English name the text gives in brackets) and the nearest country; its first part
(「ノ氏」) later refers back to it. One to three kanji after 「State＋の」 and before a title
(「中国の陳報道官」) are a person of that state."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .index import Actor
from .normalise import is_kanji, is_katakana, normalise
from .posts import posted
from .scan import Scan, Spec, Unknown

#: What a rule yields: the end of its reading and the mentions it makes.
Reading = tuple[int, list[Spec]]

#: Kanji before a title that are not a name: 「中国の次期大統領」「米国の新任大使」.
_NOT_NAMES = frozenset({"次期", "新任", "前任", "後任", "現職", "歴代", "臨時", "暫定", "首席", "筆頭", "駐在", "代理",
                        "元", "前", "現", "新", "同", "副", "各", "両", "全", "歴", "駐", "在"})


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
    # 「モツワガエ・ボツワナ外相」「ワン・中国外相」: the name, then the state whose title it is
    q, country, titled = state_after_name(scan, p, q)
    last, titles = scan.title_chain(titled)
    if last is None and norm.startswith("駐", titled) and country is None:
        # 「カールソン駐比米国大使」: the name of an envoy whose post follows it
        post = next((r for r in posted(scan, titled)), None)
        if post is not None:
            last, titles, country = post[0], list(post[1][0].titles), post[1][0].country
    if last is None:
        return
    name = norm[p:q]
    for s in scan.persons():
        if isinstance(s.actor, Unknown) and name in (s.actor.name, s.actor.surname) \
                or isinstance(s.actor, Actor) and name in _name_parts(scan, s):
            # 「ブイ・タイン・ソン副首相」… 「ソン氏」: a part of a name written in full before
            yield last, [s.copy(p, last, "coreference")]
            return
    if q - p < 2 and titles[-1] == "氏":
        return
    # the original spelling keeps the 「・」 that separates the surname
    original = scan.text[scan.omap[p]:scan.omap[q - 1] + 1]
    family = normalise(original.replace("＝", "・").replace("=", "・").split("・")[0])[0]
    # (a katakana name is foreign: the paper's own country, named beside it, is not its country)
    near = scan.context_country(p)
    person = Unknown(name, family, country or (near if near != scan.default_country else None))
    yield last, [Spec(p, last, scan.english_name(last), person.country, "person", None, "unknown-name",
                      actor=person, titles=tuple(titles))]


def kanji_name(scan: Scan, p: int) -> Iterator[Reading]:
    """「中国の陳報道官」: after 「State＋の」, one to three kanji the dictionary lacks, then a
    title, are a person of that state (id None); a word (次期, 新任) before a title is not."""
    norm = scan.norm
    owner = scan.specs[-1] if scan.specs else None
    if owner is None or owner.kind != "state" or owner.rule != "dictionary" or owner.end != p - 1 or norm[p - 1] != "の" \
            or not is_kanji(norm[p]) \
            or any(pl.type != "surname" for k in scan.starts.get(p, ()) for pl in scan.index.payloads[k]):
        return  # (a surname the dictionary knows, with a title its holders lack, may still be a name)
    for n in (1, 2, 3):
        if n > 1 and not is_kanji(norm[p + n - 1:p + n]) or norm[p:p + n] in _NOT_NAMES:
            return
        last, titles = scan.title_chain(p + n)
        if last is not None and titles[-1] != "氏":
            person = Unknown(norm[p:p + n], norm[p:p + n], owner.country)
            sector = scan.first(p + n, "title")[1].sector if scan.first(p + n, "title") else None
            yield last, [Spec(p, last, None, owner.country, "person", sector, "unknown-name", actor=person,
                              titles=tuple(titles))]
            return


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
    return q, None, q
