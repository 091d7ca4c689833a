"""Actor names for queries: what a user may type for ``--actor`` (an id, a
Japanese name, any alias the actor dictionary knows) and the nearest names when
nothing matches.

The linker reads the same YAML files to find actors in text; a query only needs
the names, so this reads them with the C YAML loader when available and keeps
them for the process (``import gaiko`` reads nothing).
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from pathlib import Path

from ..yamldata import safe_load

DATA = Path(__file__).parent / "data"
_ACTOR_KINDS = {"person", "state", "organisation", "place"}


def fold(name: str) -> str:
    """A name as the dictionary matches it: width and case folded, 「・」「=」 and spaces dropped."""
    name = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in name if ch not in "・=＝ 　")


@functools.lru_cache(maxsize=4)
def _names(folder: str = str(DATA)) -> dict[str, tuple[str, ...]]:
    """Folded name -> the ids it names (a name can name several actors)."""
    out: dict[str, list[str]] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        for entry in safe_load(path.read_text(encoding="utf-8")) or []:
            if not isinstance(entry, dict) or entry.get("kind") not in _ACTOR_KINDS or not entry.get("id"):
                continue
            names = [entry["id"], *(entry.get("aliases") or [])]
            capital = entry.get("capital")
            for organ in entry.get("organs") or []:
                names += organ.get("aliases") or []
            if isinstance(capital, dict):
                names += capital.get("aliases") or []
            for name in names:
                ids = out.setdefault(fold(str(name)), [])
                if entry["id"] not in ids:
                    ids.append(entry["id"])
    return {k: tuple(v) for k, v in out.items()}


def ids_named(name: str) -> tuple[str, ...]:
    """The actor ids the dictionary knows under ``name`` (id, alias, organ or capital), best first."""
    return _names().get(fold(name), ())


def nearest(name: str, candidates: list[str], n: int = 5) -> list[str]:
    """The candidates closest to ``name`` (for a "did you mean" hint)."""
    folded = {}
    for c in candidates:
        folded.setdefault(fold(c), c)
    close = difflib.get_close_matches(fold(name), list(folded), n=n, cutoff=0.5)
    return [folded[c] for c in close]
