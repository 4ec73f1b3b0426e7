"""Bring one isolated grading run into the course's gradebook.

Only the main process writes the course gradebook, one submission at a time,
so parallel grading cannot leave it inconsistent. What is copied follows
nbgrader's own ``SaveAutoGrades``: the autograder score, whether a cell needs
manual grading (always when a trainer already gave a manual score), the
automatic comment and the late penalty. Manual scores and comments stay.
"""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from contextlib import contextmanager
from pathlib import Path

FLAG_COMMENT = "fairhire: {reason} Zie het nakijkrapport (fairhire grading-report)."


@contextmanager
def _quiet():
    """Silence the harmless SQLAlchemy autoflush warnings of nbgrader's add_submission."""
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        yield


def _ensure_student(gb, student: str) -> None:
    from nbgrader.api import MissingEntry

    try:
        gb.find_student(student)
    except MissingEntry:
        gb.add_student(student)


def copy_result(main_url: str, work_url: str, course_id: str, module: str, student: str) -> None:
    """Copy a successful autograde of ``student`` from the scratch gradebook."""
    from nbgrader.api import Gradebook

    with _quiet(), Gradebook(work_url, course_id) as work, Gradebook(main_url, course_id) as main:
        done = work.find_submission(module, student)
        _ensure_student(main, student)
        sub = main.update_or_create_submission(module, student, timestamp=done.timestamp)
        for wnb in done.notebooks:
            mnb = main.find_submission_notebook(wnb.name, module, student)
            mnb.late_submission_penalty = wnb.late_submission_penalty
            mnb.flagged = False
            for wgrade in wnb.grades:
                grade = main.find_grade(wgrade.name, wnb.name, module, student)
                grade.auto_score = wgrade.auto_score
                grade.needs_manual_grade = bool(
                    wgrade.needs_manual_grade or grade.manual_score is not None
                )
            for wcomment in wnb.comments:
                comment = main.find_comment(wcomment.name, wnb.name, module, student)
                comment.auto_comment = wcomment.auto_comment
        main.db.commit()
        del sub


def record_failure(
    main_url: str,
    course_id: str,
    module: str,
    student: str,
    timestamp: dt.datetime | None,
    reason: str,
) -> None:
    """A submission that could not be graded: 0 points, flagged for the trainer."""
    from nbgrader.api import Gradebook

    with _quiet(), Gradebook(main_url, course_id) as main:
        _ensure_student(main, student)
        kwargs = {"timestamp": timestamp} if timestamp else {}
        sub = main.update_or_create_submission(module, student, **kwargs)
        for nb in sub.notebooks:
            nb.flagged = True
            for grade in nb.grades:
                grade.auto_score = 0.0
                grade.needs_manual_grade = grade.manual_score is not None
            for comment in nb.comments:
                comment.auto_comment = FLAG_COMMENT.format(reason=reason)
        main.db.commit()


def withhold_points(main_url: str, course_id: str, module: str, student: str, reason: str) -> None:
    """Suspicious code: autograded points to 0, flagged and marked for manual grading.

    The trainer reviews the notebook in the formgrader; a manual score there
    replaces the 0.
    """
    from nbgrader.api import Gradebook

    with Gradebook(main_url, course_id) as main:
        sub = main.find_submission(module, student)
        for nb in sub.notebooks:
            nb.flagged = True
            for grade in nb.grades:
                if grade.cell.cell_type == "code":
                    grade.auto_score = 0.0
                grade.needs_manual_grade = True
            for comment in nb.comments:
                comment.auto_comment = FLAG_COMMENT.format(reason=reason)
        main.db.commit()


def replace_folder(src: Path | None, dest: Path) -> None:
    """Put ``src`` at ``dest`` (or just remove ``dest`` when ``src`` is None)."""
    if dest.exists():
        for path in [dest, *dest.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)  # nbgrader leaves files read-only
        shutil.rmtree(dest)
    if src is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(src, dest)
