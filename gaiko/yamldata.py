"""Reading the project's YAML data files (dictionaries, triggers, weights): one loader for all.

PyYAML's C loader (libyaml, in the wheels PyYAML ships) reads the trigger and actor
dictionaries several times faster than the pure-Python one, and reading them is part of
every run's start; where PyYAML was built without libyaml, the pure-Python ``SafeLoader``
reads the same documents the same way.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

#: The safe loader class: the C one where PyYAML has it.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: "str | bytes | IO[str]") -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(stream, Loader=SafeLoader)
