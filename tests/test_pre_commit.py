"""The pre-commit hooks pass on the tree as committed, and they catch what they are for."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import repo_copy

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="pre-commit needs git")


def tree_copy(tmp_path: Path) -> Path:
    """The working tree's files in a fresh git repository."""
    copy = repo_copy.tree_copy(tmp_path / "repo")
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    return copy


def git(where: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.nl", *args],
        cwd=where,
        check=True,
        capture_output=True,
    )


def pre_commit(where: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        FAIRHIRE_ROOT=str(where),
    )
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", "--all-files", "--show-diff-on-failure"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_hooks_pass_on_the_tree(tmp_path):
    copy = tree_copy(tmp_path)
    proc = pre_commit(copy, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_hooks_catch_outputs_and_unformatted_code(tmp_path):
    copy = tree_copy(tmp_path)
    lesson = copy / "course" / "m00_start.ipynb"
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hallo\n"]}]
    code["execution_count"] = 3
    lesson.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (copy / "fairhire" / "extra.py").write_text("x  =  [1,2 ,3]\n")
    git(copy, "add", "-A")
    proc = pre_commit(copy, tmp_path)
    assert proc.returncode == 1
    assert "nbstripout" in proc.stdout or "outputs" in proc.stdout
    stripped = next(
        c for c in json.loads(lesson.read_text(encoding="utf-8"))["cells"] if c["id"] == code["id"]
    )
    assert stripped["outputs"] == [] and stripped["execution_count"] is None
    assert (copy / "fairhire" / "extra.py").read_text() == "x = [1, 2, 3]\n"
