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


# --- evidence: what kind of graded cell backs each objective ---------------------------------

RUBRIC = "**Beoordelingsmodel"


def _graded_kinds() -> dict[str, str]:
    """grade_id -> "choice", "computed" or "hand-graded" for every graded cell.

    A choice question is one that tests/test_choice_questions.py finds (options A-D and a
    letter as the answer). A hand-graded cell is a graded answer cell (``solution: true``)
    whose source holds the rubric for the trainer. Every other graded cell is an autograded
    test of a computed answer or of a function the learner writes.
    """
    from .test_choice_questions import CHOICES

    choices = {c.grade_id for c in CHOICES}
    kinds = {}
    for path in solution_notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not meta.get("grade"):
                continue
            gid = meta["grade_id"]
            if meta.get("solution"):
                assert RUBRIC in cell.source, (
                    f"{gid}: a hand-graded cell without a rubric ({RUBRIC})"
                )
                kinds[gid] = "hand-graded"
            elif gid in choices:
                kinds[gid] = "choice"
            else:
                assert "### BEGIN HIDDEN TESTS" in cell.source, (
                    f"{gid}: an autograded cell without hidden tests"
                )
                kinds[gid] = "computed"
    return kinds


def test_every_objective_rests_on_more_than_choice_questions():
    kinds = _graded_kinds()
    backing: dict[str, set[str]] = {oid: set() for oid in objectives()}
    for gid, objs in objective_map().items():
        for oid in objs:
            backing[oid].add(kinds[gid])
    weak = sorted(oid for oid, found in backing.items() if not found - {"choice"})
    assert not weak, f"objectives backed by choice questions only: {weak}"


def test_the_m07_worksheet_is_judged_on_substance_by_the_trainer():
    kinds = _graded_kinds()
    by_objective = [gid for gid, objs in objective_map().items() if "m07.worksheet" in objs]
    assert "hand-graded" in {kinds[gid] for gid in by_objective}, by_objective


def _cell_sources() -> dict[str, str]:
    sources = {}
    for path in solution_notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if gid:
                sources[gid] = cell.source
    return sources


def test_m06_grades_exponentiated_gradient_and_the_tradeoff_plot():
    sources = _cell_sources()
    assert "fit_exponentiated_gradient" in sources["m06-exponentiated-answer"]
    assert "fit_exponentiated_gradient" in sources["m06-exponentiated"]  # hidden tests recompute it
    assert "plot_tradeoff" in sources["m06-compare-data"]
    assert "above_line" in sources["m06-compare"]  # the values behind the figure are graded
    graded = " ".join(
        sources.get(gid + suffix, "")
        for gid, objs in objective_map().items()
        if "m06.mitigations" in objs
        for suffix in ("", "-answer", "-data")
    )
    for method, code in [
        ("ThresholdOptimizer", "ThresholdOptimizer"),
        ("ExponentiatedGradient", "fit_exponentiated_gradient"),
        ("reweighing", "reweighing_weights"),
        ("proxies", "zonder proxies"),
        ("beter label", "truly_suitable"),
    ]:
        assert method in objectives()["m06.mitigations"], method
        assert code in graded, f"m06.mitigations names {method}, but no graded cell uses {code}"
