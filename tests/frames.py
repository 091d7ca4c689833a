"""Hand-built frames for the extractor's unit tests (folds, lending): a trigger found
by its word in a hand-written sentence, actors found by their text, no parser."""

from __future__ import annotations

from gaiko.events.frame import Frame
from gaiko.events.roles import Arg
from gaiko.events.triggers import TriggerMatch
from gaiko.records import ActorMention

ACTORS = {
    "金委員長": ("Kim Jong Un", "PRK", "person"),
    "金氏": ("Kim Jong Un", "PRK", "person"),
    "プーチン大統領": ("Vladimir Putin", "RUS", "person"),
    "カストロ議長": ("Raúl Castro", "CUB", "person"),
    "ブリンケン長官": ("Antony Blinken", "USA", "person"),
    "習主席": ("Xi Jinping", "CHN", "person"),
    "尹大統領": ("Yoon Suk Yeol", "KOR", "person"),
    "北朝鮮": ("PRK", "PRK", "state"),
    "米国": ("USA", "USA", "state"),
    "韓国": ("KOR", "KOR", "state"),
    "中国": ("CHN", "CHN", "state"),
    "ロシア": ("RUS", "RUS", "state"),
    "日本": ("JPN", "JPN", "state"),
}


def arg(text: str, name: str, case: str, particle: str = "", nth: int = 0) -> Arg:
    """The ``nth`` mention of ``name`` in ``text`` as an argument with ``case``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    ident, country, kind = ACTORS[name]
    return Arg(ActorMention(start, start + len(name), name, ident, country, kind), start, start + len(name),
               case, particle)


def frame(text: str, word: str, label: str, *, mode: str | None = None, predicative: bool = True,
          passive: bool = False, source: list[Arg] = (), target: list[Arg] = (), gens: list[Arg] = (),
          pattern: str | None = None) -> Frame:
    """A frame for the trigger ``word`` (its first occurrence) of type ``label``."""
    start = text.index(word)
    match = TriggerMatch(0, 1, start, start + len(word), label, mode, pattern or word, None, f"test:{word}")
    return Frame(match, predicative, passive, list(source), list(target), list(gens))


def keys(args: list[Arg]) -> list[str]:
    return [a.key for a in args]
