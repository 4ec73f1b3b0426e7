"""A throwaway nbgrader course directory driven through the real nbgrader CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from fairhire import submissions
from fairhire.build import tool_env

from .conftest import ROOT


class Course:
    """nbgrader course directory in ``path`` with the repo's config and one module."""

    def __init__(self, path: Path, module: str):
        self.path = path
        self.module = module
        shutil.copy(ROOT / "nbgrader_config.py", path / "nbgrader_config.py")
        shutil.copytree(ROOT / "solutions" / module, path / "solutions" / module)

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env=tool_env(),
        )
        assert proc.returncode == 0, (
            f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
        )
        return proc

    def generate(self) -> None:
        self.nbgrader("generate_assignment", self.module, "--force")

    def notebooks(self) -> list[str]:
        return sorted(p.stem for p in (self.path / "solutions" / self.module).glob("*.ipynb"))

    def exercise(self, notebook: str) -> nbformat.NotebookNode:
        return submissions.read(self.path / "exercises" / self.module / f"{notebook}.ipynb")

    def solution(self, notebook: str) -> nbformat.NotebookNode:
        return submissions.read(self.path / "solutions" / self.module / f"{notebook}.ipynb")

    def submit(self, student: str, notebook: str, nb: nbformat.NotebookNode) -> None:
        submissions.write(nb, self.path / "submitted" / student / self.module / f"{notebook}.ipynb")

    def autograde(self) -> None:
        self.nbgrader("autograde", self.module, "--force")

    def scores(self, student: str, notebook: str) -> dict[str, float]:
        """grade_id -> autograded score for one student's notebook."""
        with Gradebook(f"sqlite:///{self.path / 'gradebook.db'}") as gb:
            sub = gb.find_submission_notebook(notebook, self.module, student)
            return {g.name: (g.auto_score or 0.0) for g in sub.grades if g.cell_type == "code"}
