"""A new module needs only a registry entry and its texts; sync writes only what changed."""

from __future__ import annotations

import nbformat

from fairhire.authoring.pairs import registry_path, strays
from fairhire.authoring.sync import check, sync
from fairhire.modules import REGISTRY, modules

M09 = """
[[module]]
id = "m09"
slug = "extra"
title = "Een extra module"
minutes = 30
lesson = "m09_extra.ipynb"
exercise = "m09_opdracht.ipynb"
"""


def test_a_new_module_gets_its_notebooks_and_a_route_row(course_copy):
    registry = course_copy / "fairhire/data/modules.toml"
    registry.write_text(registry.read_text(encoding="utf-8") + M09, encoding="utf-8")
    assert registry_path(course_copy) == registry
    m09 = modules(registry)[-1]
    problems = {(p.reason, p.path) for p in check(course_copy)}
    assert ("tekst ontbreekt", m09.lesson_text(course_copy)) in problems
    assert ("tekst ontbreekt", m09.source_text(course_copy)) in problems

    lesson = (course_copy / "sources/course/m00_start.md").read_text(encoding="utf-8")
    exercise = (course_copy / "sources/solutions/m00/m00_opdracht.md").read_text(encoding="utf-8")
    heading = lesson.split("\n# ", 1)[1].split("\n", 1)[0]
    m09.lesson_text(course_copy).write_text(
        lesson.replace(heading, f"Module 9 · {m09.title}"), encoding="utf-8"
    )
    m09.source_text(course_copy).parent.mkdir()
    m09.source_text(course_copy).write_text(exercise.replace("m00", "m09"), encoding="utf-8")

    written = sync(course_copy)
    assert m09.lesson_path(course_copy) in written and m09.source_path(course_copy) in written
    assert check(course_copy) == []
    first = nbformat.read(m09.lesson_path(course_copy), as_version=4).cells[0].source
    assert first.splitlines()[0] == "# Module 9 · Een extra module"
    route = nbformat.read(modules(registry)[0].lesson_path(course_copy), as_version=4)
    assert "| m09 | Een extra module | 30 min |" in route.cells[0].source
    assert "m09-setup" in m09.source_path(course_copy).read_text(encoding="utf-8")


def test_sync_leaves_files_in_step_untouched(course_copy):
    path = course_copy / "course/m03_data.ipynb"
    before = path.stat().st_mtime_ns
    assert sync(course_copy) == []
    assert path.stat().st_mtime_ns == before


def test_without_its_own_registry_a_root_uses_the_package_registry(tmp_path):
    assert registry_path(tmp_path) == REGISTRY
    assert strays(tmp_path) == []
