"""Every adversarial fixture, graded in one batch by ``fairhire grade``.

For each case: the batch completes, nobody gets points they did not earn, the
outcome is right, and the grading report names the case. The hostile cases
also must not reach outside their own scratch course.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from fairhire.grading import report
from fairhire.grading.course import CourseDir
from fairhire.grading.grade import grade, load_log
from fairhire.grading.processes import Limits

from ..fixtures.make_submissions import cases
from .conftest import set_due
from .course_setup import MODULE, submit_fixture

# 45 cases, each run twice (the learner's kernel, then the judge's): more than the default timeout
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

LIMITS = Limits(memory_mb=2048, cpu_seconds=120, output_mb=64, timeout=90, cell_timeout=15)
BYSTANDER = "bystander"


@pytest.fixture(scope="module")
def batch(generated_course, tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial") / "course"
    shutil.copytree(generated_course, root)
    course = CourseDir.load(root)
    set_due(course, dt.datetime(2031, 1, 1))
    for case in cases():
        submit_fixture(course, case.name)
    # a learner graded earlier, whose scores a cheat must not be able to touch
    shutil.copytree(
        course.path(course.submitted, "submitted-extra-files"),
        course.path(course.submitted, BYSTANDER),
    )
    grade(course, MODULE, students=[BYSTANDER], workers=1, limits=LIMITS)
    before = _scores(course, BYSTANDER)
    run = grade(course, MODULE, students=[c.learner for c in cases()], workers=2, limits=LIMITS)
    rows = {r.student: r for r in report.build(course, [MODULE])}
    return course, run, rows, before


def _scores(course, student):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        sub = gb.find_submission_notebook("m00_opdracht", MODULE, student)
        return {g.name: (g.auto_score, g.manual_score, g.max_score) for g in sub.grades}


def test_there_are_at_least_15_cases():
    assert len(cases()) >= 15


def test_the_batch_completes(batch):
    course, run, rows, _ = batch
    assert set(run.outcomes) == {c.learner for c in cases()}
    assert {c.learner for c in cases()} <= set(rows)
    assert all(r.status in report.STATUS_NL for r in rows.values())


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.learner)
def test_case(case, batch):
    course, run, rows, _ = batch
    row = rows[case.learner]
    outcome = run.outcomes[case.learner]
    assert row.score is not None, "every submission is in the gradebook, failed ones as 0"
    assert row.score <= case.max_points, f"undeserved points: {row.score} > {case.max_points}"
    if case.exact:
        assert row.score == case.max_points
    assert outcome.status == case.status, [f.message for f in outcome.findings]
    codes = {f.code for f in row.findings}
    for group in case.codes:
        assert group & codes, (sorted(group), sorted(codes))


def test_failed_and_suspect_are_told_apart_from_real_zeros(batch):
    _, _, rows, _ = batch
    assert rows["submitted-invalid-json"].status == "failed"
    assert rows["submitted-cheat-attempt"].status == "suspect"
    assert rows["submitted-untouched"].status == "zero"
    assert rows["submitted-wrong-type-answers"].score == 0


def test_suspect_work_is_flagged_for_manual_grading(batch):
    course, _, rows, _ = batch
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        for learner in ("submitted-redefined-check", "submitted-monkeypatched-library"):
            nb = gb.find_submission_notebook("m00_opdracht", MODULE, learner)
            assert nb.flagged
            assert all(g.needs_manual_grade for g in nb.grades)
            assert rows[learner].manual


def test_cheat_did_not_reach_the_course(batch):
    course, _, _, before = batch
    assert not (course.root / "fairhire-was-here.txt").exists()
    assert _scores(course, BYSTANDER) == before
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        assignment = gb.find_assignment(MODULE)
        assert all(c.max_score < 99 for nb in assignment.notebooks for c in nb.grade_cells)
        grades = [
            g for s in gb.assignment_submissions(MODULE) for nb in s.notebooks for g in nb.grades
        ]
        assert grades and all(
            (g.manual_score or 0) < 99 and (g.auto_score or 0) < 99 for g in grades
        )


def test_no_kernel_is_left_running(batch):
    """Kernels run in the scratch courses (fairhire-grade-*); none may be left orphaned.

    (Kernels of a grading run elsewhere in the test session still have their parent.)
    """
    import psutil

    leftovers = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if (
                "ipykernel_launcher" in " ".join(proc.info["cmdline"] or [])
                and "fairhire-grade-" in proc.cwd()
                and proc.ppid() == 1
            ):
                leftovers.append(proc)
        except psutil.Error:
            continue
    assert leftovers == []


def test_run_log_records_every_outcome(batch):
    course, run, _, _ = batch
    log = load_log(course, MODULE)
    assert set(log) == set(run.outcomes) | {BYSTANDER}
    assert log["submitted-os-exit"].status == "failed"
    assert (course.log_dir / "logs" / MODULE / "submitted-os-exit.log").is_file()


def test_report_files_name_every_case(batch, tmp_path):
    course, _, rows, _ = batch
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "fairhire",
            "grading-report",
            MODULE,
            "--course",
            str(course.root),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "MISLUKT" in proc.stdout and "VERDACHT" in proc.stdout
    soup = BeautifulSoup(
        (tmp_path / "nakijkrapport.html").read_text(encoding="utf-8"), "html.parser"
    )
    csv_text = (tmp_path / "nakijkrapport.csv").read_text(encoding="utf-8")
    for case in cases():
        tr = soup.find("tr", attrs={"data-student": case.learner})
        assert tr is not None and tr["data-status"] == rows[case.learner].status
        html_codes = {li["data-code"] for li in tr.find_all("li")}
        line = next(ln for ln in csv_text.splitlines() if ln.startswith(case.learner + ","))
        for group in case.codes:
            assert group & html_codes
            assert any(code in line for code in group)
