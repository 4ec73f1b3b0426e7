"""fairhire: the helper package of the course 'Eerlijk werven met AI'.

The notebooks import it for data, audit metrics, mitigation helpers, a tiny
language model, widgets and Dutch feedback. Everything here is deterministic
given a seed and runs offline.
"""

from . import check
from .errors import show_last_error
from .invitations import invite_slider
from .notebook import legal_markdown, show_legal, start
from .progress_bar import progress_bar
from .resources import legal, legal_references, objective_map, objectives

__version__ = "0.1.0"

# Imported on first use: the self-check reads notebooks with nbformat, whose
# import costs more than a second, and every notebook's first cell imports fairhire.
_LAZY = {"self_check": "selfcheck", "show_progress": "overview"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'fairhire' has no attribute {name!r}")


__all__ = [
    "__version__",
    "check",
    "invite_slider",
    "legal",
    "legal_markdown",
    "legal_references",
    "objective_map",
    "objectives",
    "progress_bar",
    "self_check",
    "show_last_error",
    "show_legal",
    "show_progress",
    "start",
]
