"""A temporary copy of what the authoring tool reads and writes."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import ROOT


@pytest.fixture
def course_copy(tmp_path, monkeypatch):
    """sources/, course/, solutions/ and the registry, in a temporary course root."""
    root = tmp_path / "course-root"
    for name in ("sources", "course", "solutions"):
        shutil.copytree(ROOT / name, root / name)
    (root / "fairhire" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "fairhire/data/modules.toml", root / "fairhire/data/modules.toml")
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    monkeypatch.setenv("FAIRHIRE_ROOT", str(root))
    return root
