"""The learning-objective map covers every graded cell, and only real objectives."""

from __future__ import annotations

import nbformat

from fairhire import objective_map, objectives
from fairhire.submissions import graded_cells

from .conftest import solution_notebooks


def _graded_ids() -> dict[str, str]:
    ids = {}
    for path in solution_notebooks():
        for gid in graded_cells(nbformat.read(path, as_version=4)):
            assert gid not in ids, f"grade_id {gid} used twice ({ids.get(gid)} and {path})"
            ids[gid] = str(path)
    return ids


def test_every_graded_cell_is_mapped():
    missing = sorted(set(_graded_ids()) - set(objective_map()))
    assert not missing, f"not in fairhire/data/objectives.toml: {missing}"


def test_map_has_no_stale_grade_ids():
    stale = sorted(set(objective_map()) - set(_graded_ids()))
    assert not stale, f"objectives.toml names grade_ids no notebook has: {stale}"


def test_mapped_objectives_exist_and_are_used():
    known = objectives()
    used = {obj for objs in objective_map().values() for obj in objs}
    assert used <= set(known), sorted(used - set(known))
    assert set(known) <= used, f"objectives no graded cell shows: {sorted(set(known) - used)}"


def test_grade_ids_follow_the_convention():
    for gid in _graded_ids():
        module, _, slug = gid.partition("-")
        assert len(module) == 3 and module[0] == "m" and module[1:].isdigit() and slug, gid
