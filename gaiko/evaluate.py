"""Scoring extracted events against gold, as shared/spec/EVENTS.md defines it.

Events are matched one to one per document, separately at each level, by a
maximum bipartite matching (so the order of events never changes a score):
  dyad  — same type, and the sets of source and target countries agree
          (unordered for CONSULT, AGREE, COOPERATE);
  actor — dyad, and each gold actor id is among the system's ids on its side
          (ids normalised; a gold actor with a null id is matched by country);
  full  — actor, and equal date (both null counts) and equal status.
Precision, recall and F1 are micro-averaged over all documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import InputError
from .identity import normalise_id
from .plover import SYMMETRIC_TYPES

LEVELS = ("dyad", "actor", "full")


def _countries(actors: list[dict[str, Any]]) -> frozenset:
    return frozenset(a.get("country") for a in actors)


def dyad_match(gold: dict[str, Any], sys: dict[str, Any]) -> bool:
    if gold["type"] != sys["type"]:
        return False
    gs, gt = _countries(gold["source"]), _countries(gold["target"])
    ss, st = _countries(sys["source"]), _countries(sys["target"])
    if gold["type"] in SYMMETRIC_TYPES:
        return {gs, gt} == {ss, st}
    return gs == ss and gt == st


def _side_ok(gold_side: list[dict[str, Any]], sys_side: list[dict[str, Any]]) -> bool:
    ids = {normalise_id(a.get("id")) for a in sys_side}
    countries = {a.get("country") for a in sys_side}
    for a in gold_side:
        if a.get("id") is None:
            if a.get("country") not in countries:
                return False
        elif normalise_id(a["id"]) not in ids:
            return False
    return True


def actor_match(gold: dict[str, Any], sys: dict[str, Any]) -> bool:
    if not dyad_match(gold, sys):
        return False
    straight = _side_ok(gold["source"], sys["source"]) and _side_ok(gold["target"], sys["target"])
    if straight or gold["type"] not in SYMMETRIC_TYPES:
        return straight
    return _side_ok(gold["source"], sys["target"]) and _side_ok(gold["target"], sys["source"])


def full_match(gold: dict[str, Any], sys: dict[str, Any]) -> bool:
    return actor_match(gold, sys) and gold.get("date") == sys.get("date") and gold["status"] == sys["status"]


MATCHERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "dyad": dyad_match, "actor": actor_match, "full": full_match}


def max_matching(gold: list[dict[str, Any]], sys: list[dict[str, Any]],
                 ok: Callable[[dict[str, Any], dict[str, Any]], bool],
                 prefer: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths); returns (gold, sys) index pairs.

    ``prefer`` orders each gold event's candidates: among the maximum matchings the
    search then favours pairs it prefers (used to read dates off actor-level pairs).
    """
    edges = [[j for j, s in enumerate(sys) if ok(g, s)] for g in gold]
    if prefer is not None:
        edges = [sorted(js, key=lambda j, g=g: not prefer(g, sys[j])) for g, js in zip(gold, edges)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class Score:
    level: str
    matched: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "matched": self.matched, "system": self.system, "gold": self.gold}


Events = list[dict[str, Any]]


def per_document(gold: Iterable[dict[str, Any]], system: Iterable[dict[str, Any]],
                 docs: Iterable[str] | None = None) -> list[tuple[Events, Events]]:
    """(gold, system) event lists of each document; ``docs`` limits both sides to those."""
    by_doc_g: dict[str, Events] = {}
    by_doc_s: dict[str, Events] = {}
    for e in gold:
        by_doc_g.setdefault(e["doc"], []).append(e)
    for e in system:
        by_doc_s.setdefault(e["doc"], []).append(e)
    keep = set(docs) if docs is not None else set(by_doc_g) | set(by_doc_s)
    return [(by_doc_g.get(d, []), by_doc_s.get(d, [])) for d in sorted(keep)]


def score(gold: Iterable[dict[str, Any]], system: Iterable[dict[str, Any]],
          docs: Iterable[str] | None = None) -> dict[str, Score]:
    """Micro-averaged scores at every level. ``docs`` limits both sides to those documents."""
    pairs = per_document(gold, system, docs)
    out = {}
    for level in LEVELS:
        matched = sum(len(max_matching(g, s, MATCHERS[level])) for g, s in pairs)
        out[level] = Score(level, matched, sum(len(s) for _, s in pairs), sum(len(g) for g, _ in pairs))
    return out


def date_agreement(gold: Iterable[dict[str, Any]], system: Iterable[dict[str, Any]],
                   docs: Iterable[str] | None = None) -> tuple[int, int]:
    """Of the gold events matched at actor level, how many carry the gold date.

    Returns (same date, matched). The actor-level matching is chosen to favour
    pairs whose dates agree, so an arbitrary tie never hides a right date.
    """
    same = total = 0
    for g, s in per_document(gold, system, docs):
        # the pairs that agree on the date first, then the other actor-level pairs
        first = max_matching(g, s, lambda a, b: actor_match(a, b) and a.get("date") == b.get("date"))
        used_g, used_s = {i for i, _ in first}, {j for _, j in first}
        rest_g = [i for i in range(len(g)) if i not in used_g]
        rest_s = [j for j in range(len(s)) if j not in used_s]
        rest = max_matching([g[i] for i in rest_g], [s[j] for j in rest_s], actor_match)
        same += len(first)
        total += len(first) + len(rest)
    return same, total


def read_gold(path: str) -> list[dict[str, Any]]:
    """Gold events from a JSONL file; a bad line is an error naming file and line."""
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(path, f"cannot read gold file: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"not JSON: {exc.msg}") from None
    return out


@dataclass
class Report:
    """What ``gaiko eval`` prints: the three levels, date agreement, recall by type."""

    scores: dict[str, Score]
    dates: tuple[int, int]                 # (same date, matched at actor level)
    by_type: dict[str, tuple[int, int]]    # type -> (matched at actor level, gold)


def recall_by_type(gold: list[dict[str, Any]], system: list[dict[str, Any]],
                   docs: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Actor-level recall per PLOVER type: (matched, gold) for each gold type."""
    out: dict[str, list[int]] = {}
    for g, s in per_document(gold, system, docs):
        for e in g:
            out.setdefault(e["type"], [0, 0])[1] += 1
        for i, _ in max_matching(g, s, actor_match):
            out[g[i]["type"]][0] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def evaluate_paths(gold_path: str, docs: Iterable[Any], options: Any) -> Report:
    """Extract events from ``docs`` and score them against the gold file.

    Only documents that were read are scored, so a folder subset gives a subset score.
    """
    from .pipeline import extract_documents

    gold = read_gold(gold_path)
    system: list[dict[str, Any]] = []
    read: list[str] = []
    for x in extract_documents(docs, options):
        read.append(x.document.id)
        system.extend(ev.to_dict() for ev in x.events)
    return Report(score(gold, system, docs=read), date_agreement(gold, system, docs=read),
                  recall_by_type(gold, system, read))
