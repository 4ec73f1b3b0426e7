"""The course overview: ``fairhire progress`` and ``show_progress()``."""

from __future__ import annotations

import shutil

import pytest

from fairhire import overview, submissions
from fairhire.cli import main
from fairhire.overview import answer_status, course_progress, overview_html, overview_text

from .conftest import ROOT, modules
from .test_selfcheck import M00_EXERCISE, solved


def course_copy(tmp_path):
    for name in ("course", "exercises"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    return tmp_path


def test_answer_status_counts_filled_in_answers():
    assert answer_status(submissions.read(M00_EXERCISE)) == (0, 7)
    assert answer_status(solved()) == (7, 7)


def test_overview_without_executing(tmp_path, monkeypatch, capsys):
    root = course_copy(tmp_path)
    monkeypatch.setenv("FAIRHIRE_ROOT", str(root))
    rows = course_progress(root, execute=False)
    assert [r.module for r in rows] == modules()
    m00 = rows[0]
    assert m00.status == "nog niet begonnen" and (m00.answered, m00.answers) == (0, 7)
    html = overview_html(rows, base=root / "course")
    assert "href='../exercises/m00/m00_opdracht.ipynb'" in html and "href='m00_start.ipynb'" in html
    assert main(["progress", "--snel"]) == 0
    out = capsys.readouterr().out
    assert "m00" in out and "nog niet begonnen" in out
    for module in modules():
        assert module in out


def test_overview_html_keeps_its_class_texts_and_escapes(tmp_path):
    rows = course_progress(course_copy(tmp_path), execute=False)
    rows[0].module = "m00<script>"
    rows[1].lesson = rows[1].exercise = None
    html = overview_html(rows)
    assert html.startswith("<div class='fairhire-progress'><table>")
    assert "<td>m00&lt;script&gt;</td>" in html and "<script>" not in html
    assert "nog niet beschikbaar" in html and "nog niet begonnen (0/7 ingevuld)" in html
    assert "<code>show_progress(execute=True)</code>" in html


def test_overview_text_without_a_course_folder_says_so(monkeypatch, capsys):
    def no_course(*args, **kwargs):
        raise FileNotFoundError("Kan de cursusmap niet vinden; zet FAIRHIRE_ROOT.")

    monkeypatch.setattr(overview, "course_progress", no_course)
    assert main(["progress", "--snel"]) == 2
    assert "Kan de cursusmap niet vinden" in capsys.readouterr().out
    overview.show_progress()
    assert "Kan de cursusmap niet vinden" in capsys.readouterr().out


@pytest.mark.slow
def test_overview_runs_the_checks_of_a_started_exercise_without_changing_it(tmp_path):
    root = course_copy(tmp_path)
    nb = solved()
    nb = submissions.fill_answers(
        nb,
        {
            "m00-hours-filter-answer": 'full_time = "Bilal"',
            "m00-art4-answer": "# JOUW CODE HIER\nraise NotImplementedError()",
        },
    )
    path = root / "exercises" / "m00" / "m00_opdracht.ipynb"
    submissions.write(nb, path)
    before = path.read_bytes()
    (path.parent / "eigen_bestand.txt").write_text("van de cursist")
    row = overview.module_progress(root, "m00", execute=True)
    assert row.status == "bezig" and row.answered == 6 and row.checked
    by_id = {o.question.grade_id: o for o in row.outcomes}
    assert [by_id[g].passed for g in ("m00-invite-share", "m00-hours-filter", "m00-art4")] == [
        True,
        False,
        False,
    ]
    assert "lijst" in by_id["m00-hours-filter"].message
    assert "nog niet beantwoord" in by_id["m00-art4"].message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "eigen_bestand.txt",
        "m00_opdracht.ipynb",
    ]
    assert "3/5 ✅ (5/10 pt)" in overview_text([row])
