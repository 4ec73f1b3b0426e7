"""The start page's route table comes from the module registry."""

from __future__ import annotations

import re

import nbformat
import pytest

from fairhire.authoring.route import END, START, RouteError, fill_route
from fairhire.authoring.sync import check, sync
from fairhire.modules import modules, route_markdown

from ..conftest import ROOT


def test_fill_route_replaces_only_the_marked_region():
    text = f"voor\n\n{START}\noud\n{END}\n\nna\n"
    assert fill_route(text, "| a |") == f"voor\n\n{START}\n\n| a |\n\n{END}\n\nna\n"
    assert fill_route("geen markering\n", "| a |") == "geen markering\n"


def test_unpaired_markers_are_refused():
    with pytest.raises(RouteError, match="paren"):
        fill_route(f"{START}\n| a |\n", "| b |")


def test_the_start_page_shows_the_registry_route():
    m00 = modules()[0]
    text = m00.lesson_text(ROOT).read_text(encoding="utf-8")
    assert f"## De route door de cursus\n\n{START}\n\n{route_markdown()}\n\n{END}" in text
    assert fill_route(text, route_markdown()) == text


def test_the_route_follows_a_changed_registry(course_copy):
    registry = course_copy / "fairhire/data/modules.toml"
    text = registry.read_text(encoding="utf-8")
    # m03's own minutes line, whatever it says now (the registry follows the sitting estimate)
    changed = re.sub(
        r'(id = "m03"\n(?:(?!\[\[module\]\]).*\n)*?minutes = )\d+', r"\g<1>5", text, count=1
    )
    assert changed != text
    registry.write_text(changed, encoding="utf-8")
    start_text = modules(registry)[0].lesson_text(course_copy)
    start_page = modules(registry)[0].lesson_path(course_copy)
    problems = {(p.reason, p.path) for p in check(course_copy)}
    assert problems == {
        ("routetabel verouderd", start_text),
        ("verschilt van de tekst", start_page),
    }
    assert set(sync(course_copy)) == {start_text, start_page}
    row = "| m03 | De data: sollicitaties uit het verleden | 5 min |"
    assert row in start_text.read_text(encoding="utf-8")
    assert row in nbformat.read(start_page, as_version=4).cells[0].source
    assert check(course_copy) == []
