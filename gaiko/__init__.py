"""gaiko: political event data from Japanese news.

Importing the package loads no model, dictionary or database; each stage loads
what it needs on first use (see ``gaiko.pipeline``).
"""

__version__ = "0.1.0"
