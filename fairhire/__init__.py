"""fairhire: the helper package of the course 'Eerlijk werven met AI'.

The notebooks import it for data, audit metrics, mitigation helpers, a tiny
language model, widgets and Dutch feedback. Everything here is deterministic
given a seed and runs offline.
"""

from . import check
from .notebook import legal_markdown, show_legal, start
from .resources import legal, legal_references, objective_map, objectives

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "check",
    "legal",
    "legal_markdown",
    "legal_references",
    "objective_map",
    "objectives",
    "show_legal",
    "start",
]
