"""The pre-check finds each static problem in the fixtures, and nothing in clean work."""

import datetime as dt

import pytest

from fairhire import submissions
from fairhire.grading import definitions
from fairhire.grading.precheck import format_delay, precheck

from ..conftest import ROOT
from ..fixtures.make_submissions import cases
from .conftest import set_due
from .course_setup import MODULE, NOTEBOOK, submit_fixture

# codes the pre-check can see without running anything
STATIC = {
    "invalid-json",
    "not-a-notebook",
    "missing-notebook",
    "renamed-notebook",
    "extra-files",
    "shadowing-module",
    "deleted-cell",
    "edited-locked-cell",
    "changed-metadata",
    "duplicate-cell",
    "changed-kernel",
    "suspicious-code",
    "late",
}


@pytest.fixture
def checked(course):
    set_due(course, dt.datetime(2031, 1, 1))
    moddef = definitions.load(course.db_url, course.course_id, MODULE)

    def check(case_name):
        learner = submit_fixture(course, case_name)
        return precheck(course.path(course.submitted, learner, MODULE), moddef)

    return check


@pytest.mark.parametrize(
    "case", [c for c in cases() if STATIC & set().union(*c.codes)], ids=lambda c: c.learner
)
def test_each_static_case_is_named(case, checked):
    result = checked(case.name)
    codes = {f.code for f in result.findings}
    for group in case.codes:
        if group & STATIC:
            assert group & codes, (case.name, [f.message for f in result.findings])
    assert result.gradable == (
        case.status != "failed"
        or not {"invalid-json", "not-a-notebook", "missing-notebook"} & codes
    )


def test_clean_submissions_have_no_findings(course):
    moddef = definitions.load(course.db_url, course.course_id, MODULE)
    exercise = submissions.read(ROOT / "exercises" / MODULE / f"{NOTEBOOK}.ipynb")
    solution = submissions.read(ROOT / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    for learner, nb in [
        ("solved", submissions.solved_copy(exercise, solution)),
        ("untouched", exercise),
    ]:
        folder = course.path(course.submitted, learner, MODULE)
        submissions.write(nb, folder / f"{NOTEBOOK}.ipynb")
        result = precheck(folder, moddef)
        assert result.findings == [], [f.message for f in result.findings]
        assert set(result.notebooks) == {NOTEBOOK}


def test_released_test_cells_match_the_gradebook_despite_hidden_tests(course):
    """nbgrader warns about every hidden-test cell (issue 1961); the pre-check does not."""
    moddef = definitions.load(course.db_url, course.course_id, MODULE)
    hidden = [c for nb in moddef.notebooks for c in nb.cells if "HIDDEN TESTS" in c.source]
    assert hidden, "m00 has hidden tests"
    assert all("HIDDEN TESTS" not in c.released_source for c in hidden)


def test_renamed_notebook_is_graded_under_its_name(checked):
    result = checked("submitted-renamed-notebook/")
    assert result.notebooks[NOTEBOOK].name == f"{NOTEBOOK} (1).ipynb"


def test_suspicious_code_makes_the_submission_suspect(checked):
    assert checked("submitted-monkeypatched-library.ipynb").suspect
    assert not checked("submitted-extra-files/").suspect


def test_late_message_says_how_late(checked):
    late = [f for f in checked("submitted-late/").findings if f.code == "late"]
    assert late and "14 dagen en 10 uur" in late[0].message


def test_format_delay():
    assert format_delay(dt.timedelta(minutes=45)) == "45 minuten"
    assert format_delay(dt.timedelta(days=1, hours=3, minutes=5)) == "1 dag en 3 uur"
    assert format_delay(dt.timedelta(seconds=20)) == "minder dan een minuut"
