"""The module registry is the one list of modules, and the course agrees with it."""

from __future__ import annotations

import pytest

from fairhire import modules as registry
from fairhire.modules import RegistryError

from .conftest import ROOT


def test_registry_lists_the_modules_in_order():
    ids = registry.module_ids()
    assert ids[0] == "m00" and list(ids) == sorted(ids)
    for m in registry.modules():
        assert m.title and m.slug and 0 < m.minutes <= 90, m
        assert registry.module(m.id) is m and registry.title(m.id) == m.title


def test_every_notebook_on_disk_is_in_the_registry_and_back():
    lessons = {p.name for p in (ROOT / "course").glob("*.ipynb")}
    sources = {
        p.relative_to(ROOT / "solutions").as_posix() for p in (ROOT / "solutions").glob("*/*.ipynb")
    }
    copies = {
        p.relative_to(ROOT / "exercises").as_posix() for p in (ROOT / "exercises").glob("*/*.ipynb")
    }
    assert lessons == {m.lesson for m in registry.modules()}
    wanted = {f"{m.id}/{m.exercise}" for m in registry.modules()}
    assert sources == wanted
    assert copies == wanted


def test_lesson_heading_repeats_the_registry_title():
    import nbformat

    for m in registry.modules():
        first = nbformat.read(m.lesson_path(ROOT), as_version=4).cells[0].source.splitlines()[0]
        assert first == f"# Module {m.number} · {m.title}", m.id


def test_unknown_module_gets_a_dutch_error():
    with pytest.raises(KeyError, match="Onbekende module 'm42'"):
        registry.module("m42")
    assert registry.title("m42") == ""


def test_a_broken_registry_is_refused(tmp_path):
    bad = tmp_path / "modules.toml"
    entry = 'id = "{}"\nslug = "x"\ntitle = "X"\nminutes = 10\nlesson = "a.ipynb"\nexercise = "b.ipynb"\n'
    bad.write_text("[[module]]\n" + entry.format("m01") + "[[module]]\n" + entry.format("m00"))
    with pytest.raises(RegistryError, match="op volgorde"):
        registry._load(bad)
    bad.write_text("[[module]]\n" + entry.format("module-1"))
    with pytest.raises(RegistryError, match="ongeldige module-id"):
        registry._load(bad)


def test_route_table_has_a_row_per_module():
    table = registry.route_markdown().splitlines()
    assert len(table) == 2 + len(registry.modules())
    assert all(f"| {m.id} | {m.title} | {m.minutes} min |" in table for m in registry.modules())
