"""Where things live: the course repository and the package's own resources."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"  # package data files (TOML)


def repo_root() -> Path | None:
    """Return the course repository this package runs from, or None.

    The environment variable ``FAIRHIRE_ROOT`` wins; otherwise the parent of
    the package directory counts when it holds ``nbgrader_config.py`` (an
    editable install, which is what the README sets up).
    """
    env = os.environ.get("FAIRHIRE_ROOT")
    if env:
        return Path(env).resolve()
    candidate = PACKAGE_DIR.parent
    if (candidate / "nbgrader_config.py").is_file():
        return candidate
    return None


def require_repo_root() -> Path:
    """Like :func:`repo_root` but raise a clear error when there is none."""
    root = repo_root()
    if root is None:
        raise FileNotFoundError(
            "Kan de cursusmap niet vinden. Werk vanuit de gekloonde repository "
            "of zet FAIRHIRE_ROOT op de map met nbgrader_config.py."
        )
    return root
