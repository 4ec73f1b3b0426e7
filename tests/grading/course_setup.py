"""A throwaway nbgrader course for the grading tests, set up with the real nbgrader CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from fairhire.grading.course import CourseDir

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
MODULE = "m00"
NOTEBOOK = "m00_opdracht"


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args, "--log-level=ERROR"],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"nbgrader {' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    return proc


def make_course(
    path: Path, modules: tuple[str, ...] = (MODULE,), due: str | None = None
) -> CourseDir:
    """Copy the config and the modules' sources, then generate them (gradebook included)."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", path / "nbgrader_config.py")
    for module in modules:
        shutil.copytree(ROOT / "solutions" / module, path / "solutions" / module)
        if due:
            nbgrader(path, "db", "assignment", "add", module, f"--duedate={due}")
        nbgrader(path, "generate_assignment", module, "--force")
    return CourseDir.load(path)


def submit_fixture(course: CourseDir, name: str, module: str = MODULE) -> str:
    """Hand in a fixture as a learner named after the case; returns the learner id."""
    learner = name.rstrip("/").removesuffix(".ipynb")
    dest = course.path(course.submitted, learner, module)
    dest.mkdir(parents=True)
    source = FIXTURES / name.rstrip("/")
    if source.is_dir():
        shutil.copytree(source, dest, dirs_exist_ok=True)
    else:
        shutil.copy(source, dest / f"{NOTEBOOK}.ipynb")
    return learner


def submit_variants(
    course: CourseDir, module: str, notebook: str, variants: dict[str, dict[str, str]]
) -> dict[str, float]:
    """Hand in the solution as ``solution`` and, per learner, the solution with some answer cells
    replaced (answer grade id -> source); returns the solution's autograded points."""
    from fairhire import submissions

    exercise = submissions.read(ROOT / "exercises" / module / f"{notebook}.ipynb")
    solution = submissions.read(ROOT / "solutions" / module / f"{notebook}.ipynb")
    solved = submissions.solved_copy(exercise, solution)
    learners = {"solution": solved}
    for learner, answers in variants.items():
        learners[learner] = submissions.fill_answers(solved, answers)
    for learner, nb in learners.items():
        folder = course.path(course.submitted, learner, module)
        folder.mkdir(parents=True)
        submissions.write(nb, folder / f"{notebook}.ipynb")
    return submissions.autograded_points(solution)
