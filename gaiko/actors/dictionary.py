"""Reading and checking actor dictionary files (YAML lists of ``ActorLinker.add`` keyword arguments).

Each entry is validated here; a bad entry raises ``DictionaryError`` naming the file,
the line where the entry starts and the entry itself.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..errors import DictionaryError
from ..yamldata import SafeLoader

ACTOR_KINDS = ("person", "state", "organisation", "place")
VOCAB_KINDS = ("title", "organ_word", "group_word", "stopword")
KINDS = ACTOR_KINDS + VOCAB_KINDS
ENTRY_KEYS = frozenset({
    "id", "kind", "country", "sector", "aliases", "surname", "roles", "short", "standalone",
    "short_pair", "capital", "organs", "generic", "bare", "start", "end", "note", "wikidata", "leader",
})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_date(value: Any) -> bool:
    if value is None or isinstance(value, (int, datetime.date)):
        return True
    return isinstance(value, str) and bool(_DATE.match(value))


def check_entry(entry: Any) -> str | None:
    """Return what is wrong with ``entry``, or None when it is a valid entry."""
    if not isinstance(entry, dict):
        return "an entry must be a mapping of ActorLinker.add keyword arguments"
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        return f"unknown keys: {', '.join(sorted(map(str, unknown)))}"
    kind = entry.get("kind")
    if kind not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}, got {kind!r}"
    ident = entry.get("id")
    if kind in ACTOR_KINDS and not (isinstance(ident, str) and ident.strip()):
        return "an actor needs a non-empty string id"
    if ident is not None and not isinstance(ident, str):
        return "id must be a string"
    if kind == "state" and not _ISO3.match(ident or ""):
        return f"a state's id must be an ISO 3166-1 alpha-3 code, got {ident!r}"
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and (_ISO3.match(country))):
        return f"country must be an ISO3 code or IGO, got {country!r}"
    for key in ("aliases", "surname", "short", "standalone", "short_pair", "generic", "bare", "leader"):
        if key in entry and not _is_str_list(entry[key]):
            return f"{key} must be a list of non-empty strings"
    if kind in VOCAB_KINDS and not entry.get("aliases"):
        return f"a {kind} entry needs aliases"
    for key in ("short", "standalone", "short_pair"):
        if any(len(s) != 1 for s in entry.get(key, [])):
            return f"{key} forms must be single characters"
    for key in ("start", "end"):
        if not _check_date(entry.get(key)):
            return f"{key} must be YYYY, YYYY-MM or YYYY-MM-DD"
    roles = entry.get("roles", [])
    if not isinstance(roles, list):
        return "roles must be a list of {title, start, end}"
    for role in roles:
        if not isinstance(role, dict) or not isinstance(role.get("title"), str) or set(role) - {"title", "start", "end"}:
            return f"bad role {role!r}: expected {{title, start, end}}"
        if not (_check_date(role.get("start")) and _check_date(role.get("end"))):
            return f"bad role dates in {role!r}"
    capital = entry.get("capital")
    if capital is not None and not (isinstance(capital, dict) and isinstance(capital.get("id"), str)
                                    and _is_str_list(capital.get("aliases"))):
        return "capital must be {id, aliases}"
    organs = entry.get("organs", [])
    if not isinstance(organs, list) or not all(
            isinstance(o, dict) and _is_str_list(o.get("aliases")) and not set(o) - {"id", "aliases", "sector"}
            for o in organs):
        return "organs must be a list of {aliases, sector, id}"
    return None


def iter_file(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line, entry) for each entry of a YAML dictionary file, checking each one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(str(path), None, f"cannot read dictionary: {exc}") from None
    # libyaml's parser when PyYAML has it: the same nodes and marks, several times faster
    loader = SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            source = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else None
            raise DictionaryError(str(path), line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                                  entry=source) from None
        if root is None:
            return
        if not isinstance(root, yaml.SequenceNode):
            raise DictionaryError(str(path), root.start_mark.line + 1, "a dictionary file must be a YAML list of entries")
        for node in root.value:
            line = node.start_mark.line + 1
            try:
                entry = loader.construct_document(node)
            except yaml.YAMLError as exc:
                raise DictionaryError(str(path), line, f"cannot read entry: {exc}") from None
            problem = check_entry(entry)
            if problem:
                raise DictionaryError(str(path), line, problem, entry=entry)
            yield line, entry
    finally:
        loader.dispose()


def dictionary_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).glob("*.yaml"))
