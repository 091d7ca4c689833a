"""Japanese temporal expressions: find them and resolve them against a publication date.

``find_timexes`` and ``resolve`` return ``gaiko.records.Timex``; ``precision``
and ``contains`` compare ISO dates of mixed precision for the store's merging.
The package never reads the clock: without a publication date, a relative
expression stays unresolved.
"""

from __future__ import annotations

from .dates import contains, precision
from .finder import find_timexes, resolve

__all__ = ["find_timexes", "resolve", "precision", "contains"]
