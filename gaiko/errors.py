"""The errors gaiko raises on purpose.

Every error names the input at fault (a file, a line, a dictionary entry), so the
CLI can print it as one line on stderr without a traceback.
"""

from __future__ import annotations


class GaikoError(Exception):
    """Base of every error gaiko raises deliberately."""


class InputError(GaikoError):
    """A document, path or option value that cannot be read or understood."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DictionaryError(GaikoError):
    """A bad entry in an actor or trigger dictionary file."""

    def __init__(self, path: str, line: int | None, reason: str, entry: object = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        self.entry = entry
        where = f"{path}:{line}" if line is not None else path
        detail = f" (entry: {entry!r})" if entry is not None else ""
        super().__init__(f"{where}: {reason}{detail}")


class StoreError(GaikoError):
    """The event store cannot be opened or written."""


class StoreOutdated(StoreError):
    """A store opened read-only needs schema migrations (open it read-write once)."""
