"""A generated m00 course, made once per session and copied by each test that needs one."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from fairhire.grading.course import CourseDir

from .course_setup import MODULE, make_course


@pytest.fixture(scope="session")
def generated_course(tmp_path_factory):
    """A pristine course with m00 generated (gradebook included); do not change it."""
    return make_course(tmp_path_factory.mktemp("generated") / "course").root


@pytest.fixture
def course(generated_course, tmp_path) -> CourseDir:
    """A fresh copy of the generated course."""
    dest = tmp_path / "course"
    shutil.copytree(generated_course, dest)
    return CourseDir.load(dest)


def set_due(course: CourseDir, when: dt.datetime, module: str = MODULE) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        gb.update_or_create_assignment(module, duedate=when)
