"""Rule 3 of the linking rules (``rules.py``): envoys and missions named by the states
they are posted to: 「在韓国日本大使館」 is Japan's, 「駐韓国次席公使」 the paper's state's
envoy (null id), 「駐比米国大使」 the United States'."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .index import Actor
from .scan import Scan, Spec, Unknown

#: What a rule yields: the end of its reading and the mentions it makes.
Reading = tuple[int, list[Spec]]


# -- rule 3: 在 + state (or capital) + state + organ -------------------------------------------
def _state_at(scan: Scan, q: int) -> list[tuple[int, Actor]]:
    out = [(e, pl.actor) for e, pl in scan.keys(q, "name") if pl.actor.kind == "state"]
    out += [(e, pl.actor) for e, pl in scan.keys(q, "short")]
    return out


def resident(scan: Scan, p: int) -> Iterator[Reading]:
    if not scan.norm.startswith("在", p):
        return
    hosts = _state_at(scan, p + 1) + [(e, pl.actor) for e, pl in scan.keys(p + 1, "capital")]
    for e1, _host in hosts:  # (「在マニラ中国大使館」: a capital for its state)
        for e2, owner in _state_at(scan, e1):
            ow = scan.first(e2, "organ_word")
            if ow is not None:
                yield ow[0], [Spec(p, ow[0], owner.id, owner.id, "state", ow[1].sector, "organ", actor=owner)]


def posted(scan: Scan, p: int) -> Iterator[Reading]:
    """「（松尾裕敬）駐韓国次席公使」: an envoy posted to a state, named by no state of his own, is
    the paper's (``default_country``), or the state right before it (「米国の駐中国大使」). Envoys
    posted to the paper's own state (「駐日大使」) are left to the state the text names."""
    if not scan.norm.startswith("駐", p):
        return
    last = scan.specs[-1] if scan.specs else None  # what was named just before (specs run left to right)
    if last is not None and last.end in (p, p - 1) and last.kind == "person":
        return  # 「金杉憲治・駐中国大使」: the title of the person just named
    for e1, host in _state_at(scan, p + 1):
        for e2, own in _state_at(scan, e1):
            t = scan.first(e2, "title")
            if t is not None and t[1].sector == "DIP" and own.id != host.id:
                # 「駐比米国大使」: the envoy of the state named after the post
                yield t[0], [Spec(p, t[0], None, own.id, "person", "DIP", "posted",
                                  actor=Unknown("", "", own.id), titles=(t[1].value or "",))]
                return
        t = scan.first(e1, "title")
        if t is not None and t[1].sector == "DIP" and _RECALLED.match(scan.norm, t[0]):
            # 「駐イラン大使を召還した」: an envoy called home stands for the ties with the host
            yield t[0], [Spec(p, t[0], host.id, host.id, "state", "DIP", "posted", actor=host)]
            return
        if host.id == scan.default_country or t is None or t[1].sector != "DIP":
            continue
        # 「米国の駐中国大使」, or 「中国の黄渓連駐フィリピン大使」 with a name the dictionary lacks
        owner = last is not None and last.kind == "state" and _OWNER_TO_POST.fullmatch(scan.norm, last.end, p)
        country = last.country if owner else scan.default_country
        if country and country != host.id:
            yield t[0], [Spec(p, t[0], None, country, "person", "DIP", "posted",
                              actor=Unknown("", "", country), titles=(t[1].value or "",))]


#: From a state to the 駐 of its envoy: 「の」, and perhaps a name the dictionary lacks.
_OWNER_TO_POST = re.compile(r"の([\u4e00-\u9fff]{2,4}|[\u30a1-\u30fa・ー]{2,14})?")

#: After an envoy's title: called home (「を召還」「も召還」「を協議のため本国に召還」「の一時帰国」).
_RECALLED = re.compile(r"(を|の|も)[^、。を]{0,10}?(召還|帰国させ|一時帰国)")
