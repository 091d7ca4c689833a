"""Actor linking: the YAML actor dictionary (``data/``) and ``ActorLinker``.

Importing this package loads no dictionary; ``load_linker()`` does, once per set of extra files.
"""

from .linker import ActorLinker, load_linker

__all__ = ["ActorLinker", "load_linker"]
