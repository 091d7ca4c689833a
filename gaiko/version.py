"""gaiko's version, in a module of its own: the store's exports and the web app name it
without importing the package's façade (which reaches the query layer)."""

__version__ = "0.1.0"
