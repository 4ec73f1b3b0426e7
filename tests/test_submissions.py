import nbformat
import pytest

from fairhire import submissions

from .conftest import ROOT


@pytest.fixture
def pair():
    solution = submissions.read(ROOT / "solutions/m00/m00_opdracht.ipynb")
    exercise = submissions.read(ROOT / "exercises/m00/m00_opdracht.ipynb")
    return solution, exercise


def test_answer_cells_and_points(pair):
    solution, exercise = pair
    assert "m00-invite-share-answer" in submissions.answer_cells(solution)
    assert (
        "raise NotImplementedError()"
        in submissions.answer_cells(exercise)["m00-invite-share-answer"]
    )
    auto = submissions.autograded_points(solution)
    graded = submissions.graded_cells(solution)
    assert set(auto) < set(graded)  # the reflection is graded but not autograded
    assert auto["m00-invite-share"] == 2.0


def test_solved_copy_drops_markers(pair):
    solution, exercise = pair
    solved = submissions.solved_copy(exercise, solution)
    src = submissions.answer_cells(solved)["m00-invite-share-answer"]
    assert "BEGIN SOLUTION" not in src and "invite_percentage" in src
    assert exercise.cells[0].source == solved.cells[0].source


def test_fill_answers_rejects_unknown_ids(pair):
    _, exercise = pair
    with pytest.raises(KeyError):
        submissions.fill_answers(exercise, {"nope": "x = 1"})


def test_write_and_read_roundtrip(tmp_path, pair):
    _, exercise = pair
    submissions.write(exercise, tmp_path / "a" / "b.ipynb")
    again = submissions.read(tmp_path / "a" / "b.ipynb")
    assert nbformat.validate(again) is None
    assert len(again.cells) == len(exercise.cells)
