"""Fill an nbgrader gradebook directly through nbgrader.api, for fast register tests.

Module m00 uses the real grade ids and points of solutions/m00 (so the
objective map applies); module m99 is a made-up extra module without objectives.
"""

from __future__ import annotations

import datetime as dt
import warnings

from fairhire import submissions

from ..conftest import ROOT

M00_CELLS = submissions.graded_cells(submissions.read(ROOT / "solutions/m00/m00_opdracht.ipynb"))
M00_MANUAL = {
    gid
    for gid, c in (
        (submissions.nbgrader_meta(c).get("grade_id"), c)
        for c in submissions.read(ROOT / "solutions/m00/m00_opdracht.ipynb").cells
    )
    if submissions.nbgrader_meta(c).get("grade") and c.cell_type == "markdown"
}
M99_CELLS = {"m99-demo": 5.0}
MODULES = {"m00": ("m00_opdracht", M00_CELLS), "m99": ("m99_opdracht", M99_CELLS)}
EMAIL = "{}@voorbeeld.example"

LEARNERS = [
    ("anouk", "Anouk", "de Vries"),  # everything right, reflection graded in full
    ("bilal", "Bilal", "El Amrani"),  # all autograded right, reflection not yet graded
    ("chantal", "Chantal", "Bakker"),  # one question wrong, reflection 1 of 3
    ("daan", "Daan", "Visser"),  # handed in a blank notebook
    ("ewa", "Ewa", "Nowak"),  # never started
]


def full(cells: dict[str, float]) -> dict[str, float]:
    return dict(cells)


def scenario() -> dict[tuple[str, str], tuple[dict[str, float | None], dt.datetime]]:
    """(learner, module) -> (grade id -> score, None for 'waits for manual grading'), timestamp."""
    fix_cell = "m00-fix-cell"
    reflection = "m00-reflection"  # the other trainer question (art. 4) is graded in full
    return {
        ("anouk", "m00"): (full(M00_CELLS), dt.datetime(2026, 12, 1, 10, 0)),
        ("anouk", "m99"): (full(M99_CELLS), dt.datetime(2026, 12, 8, 9, 30)),
        ("bilal", "m00"): ({**full(M00_CELLS), reflection: None}, dt.datetime(2026, 12, 2, 14, 5)),
        ("chantal", "m00"): (
            {**full(M00_CELLS), fix_cell: 0.0, reflection: 1.0},
            dt.datetime(2026, 12, 3, 16, 45),
        ),
        ("chantal", "m99"): ({"m99-demo": 2.0}, dt.datetime(2026, 12, 9, 11, 0)),
        ("daan", "m00"): ({gid: 0.0 for gid in M00_CELLS}, dt.datetime(2026, 12, 4, 8, 15)),
    }


def fill(db_url: str, course_id: str = "eerlijk-werven-met-ai") -> None:
    """Write the scenario into the gradebook at ``db_url`` (tables are created)."""
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings(), Gradebook(db_url, course_id) as gb:
        warnings.simplefilter("ignore", SAWarning)  # nbgrader's own add_submission
        for module, (notebook, cells) in MODULES.items():
            gb.add_assignment(module, duedate=dt.datetime(2026, 12, 15, 17, 0), course_id=course_id)
            gb.add_notebook(notebook, module)
            for gid, points in cells.items():
                kind = "markdown" if gid in M00_MANUAL else "code"
                gb.add_grade_cell(gid, notebook, module, max_score=points, cell_type=kind)
                if kind == "markdown":
                    gb.add_solution_cell(gid, notebook, module)
                gb.add_source_cell(
                    gid,
                    notebook,
                    module,
                    cell_type=kind,
                    locked=kind == "code",
                    source="",
                    checksum="",
                )
        for sid, first, last in LEARNERS:
            gb.add_student(sid, first_name=first, last_name=last, email=EMAIL.format(sid))
        for (sid, module), (scores, when) in scenario().items():
            notebook = MODULES[module][0]
            gb.add_submission(module, sid, timestamp=when)
            for gid, score in scores.items():
                grade = gb.find_grade(gid, notebook, module, sid)
                if gid in M00_MANUAL:
                    grade.manual_score = score
                    grade.needs_manual_grade = score is None
                else:
                    grade.auto_score = score
                    grade.needs_manual_grade = False
        gb.db.commit()
