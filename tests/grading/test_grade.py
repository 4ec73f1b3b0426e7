"""The scratch course a submission is graded in holds nothing it should not."""

from __future__ import annotations

import shutil

import nbformat

from fairhire.grading import definitions
from fairhire.grading.grade import _scratch_course, _without_duplicate_ids
from fairhire.grading.precheck import precheck

from .course_setup import FIXTURES, MODULE, NOTEBOOK, submit_fixture


def test_scratch_course_has_data_but_no_solutions_or_trainer_notes(course, tmp_path):
    source = course.path(course.source, MODULE)
    (source / "gegevens.csv").write_text("naam,uren\n", encoding="utf-8")
    (source / "TRAINER_antwoorden.md").write_text("geheim\n", encoding="utf-8")
    learner = submit_fixture(course, "submitted-extra-files/")
    moddef = definitions.load(course.db_url, course.course_id, MODULE)
    check = precheck(course.path(course.submitted, learner, MODULE), moddef)
    template = tmp_path / "template.db"
    definitions.write_template(moddef, f"sqlite:///{template}", course.course_id)
    work = _scratch_course(course, check, template, tmp_path / "jobs")
    files = sorted(str(p.relative_to(work)) for p in work.rglob("*") if p.is_file())
    assert files == sorted(
        [
            "nbgrader_config.py",
            "gradebook.db",
            f"solutions/{MODULE}/gegevens.csv",
            f"submitted/{learner}/{MODULE}/{NOTEBOOK}.ipynb",
        ]
    )  # no extra files, no answers


def test_template_gradebook_holds_no_learners(course, tmp_path):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        gb.add_student("iemand", first_name="Iemand", email="iemand@voorbeeld.example")
    moddef = definitions.load(course.db_url, course.course_id, MODULE)
    definitions.write_template(moddef, f"sqlite:///{tmp_path / 't.db'}", course.course_id)
    with Gradebook(f"sqlite:///{tmp_path / 't.db'}", course.course_id) as gb:
        assert gb.students == []
        copy = definitions.load(f"sqlite:///{tmp_path / 't.db'}", course.course_id, MODULE)
    assert copy == moddef


def test_template_gradebook_has_nbgraders_own_schema(course, tmp_path):
    # the template's empty gradebook is made in this process (no `alembic heads` subprocess);
    # it must be what nbgrader's Gradebook makes for a new database: tables and revision
    import sqlite3

    from nbgrader.api import Gradebook, get_alembic_version

    moddef = definitions.load(course.db_url, course.course_id, MODULE)
    definitions.write_template(moddef, f"sqlite:///{tmp_path / 't.db'}", course.course_id)
    Gradebook(f"sqlite:///{tmp_path / 'nbgrader.db'}", course.course_id).close()

    def schema(name):
        with sqlite3.connect(tmp_path / name) as db:
            tables = sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
            return tables, db.execute("SELECT version_num FROM alembic_version").fetchall()

    assert schema("t.db") == schema("nbgrader.db")
    assert schema("t.db")[1] == [(get_alembic_version(),)]


def test_duplicate_ids_are_dropped_like_nbgrader_does(tmp_path):
    path = tmp_path / "nb.ipynb"
    shutil.copy(FIXTURES / "submitted-duplicated-cells.ipynb", path)
    repaired = _without_duplicate_ids(path)
    ids = [c.metadata["nbgrader"]["grade_id"] for c in repaired.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids))
    original = nbformat.read(str(path), as_version=4)
    assert len(repaired.cells) == len(original.cells)  # cells stay, only the metadata goes
    assert _without_duplicate_ids(FIXTURES / "submitted-wrong-kernel.ipynb") is None
