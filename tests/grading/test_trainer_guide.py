"""docs/trainer.md works: every command in its ```bash blocks runs, in order, on a fresh course.

Placeholders (<module>, <cursist>, ...) get test values. Between the blocks the
test plays the learners: one hands in through the exchange, one as a file.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fairhire import submissions

from ..conftest import ROOT
from .course_setup import MODULE, NOTEBOOK

pytestmark = pytest.mark.slow

GUIDE = ROOT / "docs" / "trainer.md"
VALUES = {
    "<module>": MODULE,
    "<cursist>": "c03",
    "<voornaam>": "Chantal",
    "<achternaam>": "Bakker",
    "<deadline>": "2031-01-01 17:00:00 Europe/Amsterdam",
    "<als-bestand>": "c03",
}


def blocks() -> list[str]:
    return re.findall(r"^```bash\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.S | re.M)


def test_guide_has_commands_for_every_step():
    text = "\n".join(blocks())
    for command in (
        "fairhire build",
        "nbgrader db student add",
        "nbgrader db student import",
        "nbgrader release_assignment",
        "nbgrader collect",
        "fairhire grade",
        "fairhire grading-report",
        "nbgrader generate_feedback",
        "nbgrader export",
        "fairhire register",
    ):
        assert command in text, command
    assert "nbgrader autograde" not in text  # trainers grade through the safe wrapper


def test_readme_links_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Voor trainers", 1)[1].split("\n## ", 1)[0]
    assert "docs/trainer.md" in section


@pytest.fixture
def course(tmp_path):
    root = tmp_path / "cursus"
    root.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    # a trainer works in the cloned repository: the exercise's text, its nbgrader source, the
    # learners' copy
    for folder in ("sources/solutions", "solutions", "exercises"):
        shutil.copytree(ROOT / folder / MODULE, root / folder / MODULE)
    return root


def solved() -> submissions.nbformat.NotebookNode:
    exercise = submissions.read(ROOT / "exercises" / MODULE / f"{NOTEBOOK}.ipynb")
    solution = submissions.read(ROOT / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    return submissions.solved_copy(exercise, solution)


def learner_submits_through_exchange(course: Path, learner: str, home: Path, env: dict) -> None:
    """What a learner's 'Assignments' tab does: fetch, work, submit."""
    home.mkdir()
    common = ["--course=eerlijk-werven-met-ai", f"--Exchange.root={course / 'exchange'}"]
    for args in (["fetch_assignment", MODULE, *common],):
        subprocess.run(
            [sys.executable, "-m", "nbgrader", *args],
            cwd=home,
            env=env,
            check=True,
            capture_output=True,
        )
    submissions.write(solved(), home / MODULE / f"{NOTEBOOK}.ipynb")
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "submit", MODULE, *common, f"--student={learner}"],
        cwd=home,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.mark.timeout(1200)  # the whole guide, nbgrader included: about 4 min on a busy machine
def test_every_command_in_the_guide_runs(course, tmp_path, record_timing):
    import time

    handed_in = tmp_path / "inzending-chantal"
    submissions.write(solved(), handed_in / f"{NOTEBOOK}.ipynb")
    values = {**VALUES, "<map-met-inzending>": str(handed_in)}
    env = dict(
        os.environ,
        FAIRHIRE_ROOT=str(course),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
    )
    started = time.monotonic()
    for block in blocks():
        if "nbgrader collect" in block:
            learner_submits_through_exchange(course, "c01", tmp_path / "anouk", env)
        script = block
        for placeholder, value in values.items():
            script = script.replace(placeholder, value)
        assert not re.search(r"<[a-z-]+>", script), f"unknown placeholder in:\n{script}"
        proc = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=course,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert proc.returncode == 0, f"{script}\n---\n{proc.stdout}\n{proc.stderr}"
    record_timing("guide", "docs/trainer.md, all commands", time.monotonic() - started)

    # what the steps should have produced
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "eerlijk-werven-met-ai") as gb:
        assert sorted(s.id for s in gb.students) == ["c01", "c02", "c03"]
        assert gb.find_student("c03").first_name == "Chantal"
        assert gb.find_assignment(MODULE).duedate is not None
        for learner in ("c01", "c03"):
            sub = gb.find_submission(MODULE, learner)
            assert sub.code_score == sub.max_code_score > 0
        assert gb.find_submission(MODULE, "c01").timestamp is not None  # through the exchange
    assert (course / f"{MODULE}.zip").is_file()
    pages = list((course / "feedback").glob(f"*/{MODULE}/*.html"))
    assert len(pages) == 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "HIDDEN TESTS" not in html and "sys.modules" not in html
    assert len(list((course / "exchange").rglob("feedback/*.html"))) == 1  # c01 only
    with open(course / "cijfers.csv", encoding="utf-8") as fh:
        assert {r["student_id"] for r in csv.DictReader(fh)} == {"c01", "c02", "c03"}
    report = (course / "nakijkrapport" / "nakijkrapport.csv").read_text(encoding="utf-8")
    assert "c02,Bilal El Amrani,m00,not-submitted" in report
    register = (course / "register" / "register.csv").read_text(encoding="utf-8")
    assert "c02,Bilal El Amrani,m00,not-started" in register
    assert "samenvatting.html" in os.listdir(course / "register")
    assert "Bakkerij" in (course / "register" / "samenvatting.html").read_text(encoding="utf-8")
