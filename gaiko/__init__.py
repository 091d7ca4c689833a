"""gaiko: political event data from Japanese news.

Importing the package loads no model, dictionary or database; each stage loads
what it needs on first use (see ``gaiko.pipeline``).
"""

from gaiko.version import __version__

__all__ = ["__version__", "read_events"]


def read_events(db: str, **filters):  # -> pandas.DataFrame
    """The stored events of ``db`` matching ``filters`` (those of ``gaiko events``) as a
    pandas DataFrame, for notebooks; see :func:`gaiko.query.read_events`."""
    from gaiko.query import read_events as _read_events

    return _read_events(db, **filters)
