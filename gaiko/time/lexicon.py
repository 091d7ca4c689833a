"""The word lists in ``data/``, loaded once, on first use.

``import gaiko.time`` reads no file: the lists load the first time a pattern is
built, so importing the package stays cheap.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The JSON file ``data/<name>.json``, without its ``_comment`` keys."""
    text = resources.files("gaiko.time").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def lexicon() -> dict[str, Any]:
    return load("lexicon")


def tense_markers() -> dict[str, Any]:
    return load("tense")
