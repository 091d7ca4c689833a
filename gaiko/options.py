"""One frozen options object: the only way settings reach the stages.

Precedence, written once in ``Options.layered``: packaged defaults, then a
user's ``--config`` file (TOML), then command-line flags. A variant is a copy made
with ``dataclasses.replace``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, what: str = "--published") -> str | None:
    """Validate a YYYY, YYYY-MM or YYYY-MM-DD date, naming the option at fault."""
    if value is None:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise InputError(what, f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise InputError(what, f"month out of range: {value!r}")
    if len(parts) > 2:
        import datetime

        try:
            datetime.date(*parts)
        except ValueError as exc:
            raise InputError(what, f"{exc}: {value!r}") from None
    return value


@dataclass(frozen=True)
class Options:
    """Settings for a run. Validated once, at construction."""

    published: str | None = None          # overrides every document's publication date
    actors: tuple[str, ...] = ()          # extra actor dictionary files
    triggers: tuple[str, ...] = ()        # extra trigger dictionary files
    batch_size: int = 64                  # sentences per nlp.pipe batch
    explain: bool = False                 # add trigger and rule to each event
    progress: bool = True                 # Rich progress bar on stderr
    debug: bool = False

    def __post_init__(self) -> None:
        check_date(self.published)
        if self.batch_size < 1:
            raise InputError("batch_size", f"must be at least 1, got {self.batch_size}")
        for path in (*self.actors, *self.triggers):
            if not Path(path).is_file():
                raise InputError(path, "dictionary file not found")

    @classmethod
    def layered(cls, config: str | None = None, **flags: Any) -> "Options":
        """Defaults, then the ``config`` TOML file, then flags that are not None."""
        values: dict[str, Any] = {}
        if config:
            try:
                with open(config, "rb") as fh:
                    data = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise InputError(config, f"cannot read config: {exc}") from None
            known = {f.name for f in fields(cls)}
            unknown = set(data) - known
            if unknown:
                raise InputError(config, f"unknown settings: {', '.join(sorted(unknown))}")
            values.update(data)
        values.update({k: v for k, v in flags.items() if v is not None})
        for key in ("actors", "triggers"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)

    def with_(self, **changes: Any) -> "Options":
        return replace(self, **changes)
