"""The learner's workspace: made from the course, updated without losing the learner's work."""

from __future__ import annotations

import importlib.util
import json

import nbformat
import pytest

from fairhire import paths
from fairhire.cli import main
from fairhire.overview import course_progress
from fairhire.workspace import (
    DEFAULT_NAME,
    WorkspaceError,
    course_files,
    default_source,
    kernel_language_info,
    update_workspace,
)

from .conftest import ROOT


def notebook(*sources: str, outputs: bool = False) -> str:
    nb = nbformat.v4.new_notebook()
    for src in sources:
        cell = nbformat.v4.new_code_cell(src)
        if outputs:
            cell.execution_count = 1
            cell.outputs = [nbformat.v4.new_output("stream", text="uitvoer\n")]
        nb.cells.append(cell)
    return nbformat.writes(nb)


@pytest.fixture
def source(tmp_path):
    src = tmp_path / "bron"
    files = {
        "course/m00_start.ipynb": notebook("start('m00')"),
        "exercises/m00/m00_opdracht.ipynb": notebook("# YOUR CODE HERE"),
        "datasets/history.csv": "a,b\n1,2\n",
        "solutions/m00/m00_opdracht.ipynb": notebook("### BEGIN SOLUTION\nx = 1"),
        "solutions/m08/TRAINER_vendor_flaws.md": "geheim",
        "sources/course/m00_start.md": "# tekst",
        "course/.ipynb_checkpoints/m00_start-checkpoint.ipynb": notebook("oud"),
    }
    for rel, text in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text)
    return src


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_new_workspace_gets_lessons_exercises_and_data_only(source, tmp_path):
    ws = tmp_path / "werkmap"
    report = update_workspace(ws, source)
    got = sorted(
        str(p.relative_to(ws)) for p in ws.rglob("*") if p.is_file() and p.name != ".werkmap.json"
    )
    assert got == [
        "course/m00_start.ipynb",
        "datasets/history.csv",
        "exercises/m00/m00_opdracht.ipynb",
    ]
    assert report.created and len(report.added) == 3
    assert "Werkmap gemaakt" in report.text()
    assert (ws / paths.WORKSPACE_MARK).is_file()
    again = update_workspace(ws, source)
    assert not again.created and again.unchanged and "Alles was al bij" in again.text()


def test_notebooks_carry_this_kernels_language_info_so_they_open_unmodified(source, tmp_path):
    # JupyterLab marks a notebook changed when the kernel's language info differs from its own
    ws = tmp_path / "werkmap"
    update_workspace(ws, source)
    info = kernel_language_info()
    assert info and info["version"].count(".") == 2
    for rel in ("course/m00_start.ipynb", "exercises/m00/m00_opdracht.ipynb"):
        nb = json.loads((ws / rel).read_text(encoding="utf-8"))
        assert nb["metadata"]["language_info"] == info, rel
    assert update_workspace(ws, source).unchanged  # not a change of the course's files


def test_an_update_adds_new_files_and_replaces_untouched_ones(source, tmp_path):
    ws = tmp_path / "werkmap"
    update_workspace(ws, source)
    write(source / "course/m01_taalmodel.ipynb", notebook("start('m01')"))
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("# YOUR CODE HERE", "extra"))
    # the learner ran the lesson and saved it: outputs are not work
    write(ws / "course/m00_start.ipynb", notebook("start('m00')", outputs=True))
    write(source / "course/m00_start.ipynb", notebook("start('m00')", "nieuw"))
    report = update_workspace(ws, source)
    assert report.added == ["course/m01_taalmodel.ipynb"]
    assert sorted(report.updated) == ["course/m00_start.ipynb", "exercises/m00/m00_opdracht.ipynb"]
    assert not report.kept
    assert "nieuw" in (ws / "course/m00_start.ipynb").read_text()


def test_the_learners_work_is_never_overwritten(source, tmp_path):
    ws = tmp_path / "werkmap"
    update_workspace(ws, source)
    mine = notebook("mijn antwoord = 42")
    write(ws / "exercises/m00/m00_opdracht.ipynb", mine)
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("versie 2"))
    report = update_workspace(ws, source)
    beside = "exercises/m00/m00_opdracht_nieuwe_versie.ipynb"
    assert report.kept == {"exercises/m00/m00_opdracht.ipynb": beside}
    assert (ws / "exercises/m00/m00_opdracht.ipynb").read_text() == mine
    assert "versie 2" in (ws / beside).read_text()
    assert "Je eigen werk in exercises/m00/m00_opdracht.ipynb is bewaard" in report.text()
    # a third version replaces the untouched copy beside it ...
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("versie 3"))
    assert update_workspace(ws, source).kept == {"exercises/m00/m00_opdracht.ipynb": beside}
    assert "versie 3" in (ws / beside).read_text()
    # ... but not one the learner worked in
    write(ws / beside, notebook("ook mijn werk"))
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("versie 4"))
    report = update_workspace(ws, source)
    assert report.kept == {
        "exercises/m00/m00_opdracht.ipynb": "exercises/m00/m00_opdracht_nieuwe_versie_2.ipynb"
    }
    assert "ook mijn werk" in (ws / beside).read_text()
    assert (ws / "exercises/m00/m00_opdracht.ipynb").read_text() == mine
    # a file the course no longer has stays
    (source / "datasets/history.csv").unlink()
    update_workspace(ws, source)
    assert (ws / "datasets/history.csv").is_file()


def test_trainer_material_stops_the_copy(source, tmp_path):
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("### BEGIN HIDDEN TESTS\nassert x"))
    with pytest.raises(WorkspaceError, match="materiaal voor trainers"):
        update_workspace(tmp_path / "werkmap", source)
    assert not (tmp_path / "werkmap").exists()


@pytest.mark.parametrize("where", ["file", "unrelated", "source", "solutions"])
def test_a_workspace_that_cannot_be_used_is_a_clear_dutch_error(source, tmp_path, where):
    (tmp_path / "een-bestand").write_text("x")
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "brief.txt").write_text("x")
    target = {
        "file": tmp_path / "een-bestand" / "werkmap",  # cannot be made: not writable
        "unrelated": tmp_path / "vol",
        "source": source,
        "solutions": source / "solutions" / "werkmap",
    }[where]
    message = {
        "file": "Kan niet schrijven",
        "unrelated": "geen werkmap van deze cursus",
        "source": "niet de cursusmap zelf",
        "solutions": "niet in solutions/",
    }[where]
    with pytest.raises(WorkspaceError, match=message):
        update_workspace(target, source)


def test_no_course_in_the_source_is_a_clear_dutch_error(tmp_path):
    with pytest.raises(WorkspaceError, match="geen lessen en opdrachten"):
        course_files(tmp_path)


def test_the_command_line(source, tmp_path, capsys):
    ws = tmp_path / "werkmap"
    assert main(["werkmap", str(ws), "--bron", str(source)]) == 0
    assert "Werkmap gemaakt" in capsys.readouterr().out
    assert main(["werkmap", str(tmp_path / "vol"), "--bron", str(tmp_path / "leeg")]) == 2
    assert "fairhire werkmap: In " in capsys.readouterr().err


def test_a_workspace_of_the_real_course_finds_itself(tmp_path, monkeypatch):
    ws = tmp_path / "werkmap"
    report = update_workspace(ws, ROOT)
    assert not [
        rel for rel in report.added if rel.split("/")[0] not in ("course", "exercises", "datasets")
    ]
    assert sorted(report.added) == sorted(course_files(ROOT))
    # no exercise of the course counts as answered (it would never be updated)
    assert report.carried == []
    # the learner edition (no grading in its package): without FAIRHIRE_ROOT a notebook
    # in the workspace finds the workspace
    monkeypatch.delenv("FAIRHIRE_ROOT", raising=False)
    monkeypatch.chdir(ws / "exercises" / "m00")
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / "site-packages" / "fairhire")
    assert paths.workspace_around() == ws.resolve()
    assert paths.repo_root() == ws.resolve()
    rows = course_progress(execute=False)
    assert all(r.exercise is not None and r.exercise.is_relative_to(ws) for r in rows)
    with pytest.raises(WorkspaceError, match="--bron"):
        default_source()
    # the manifest is the workspace's mark and says what it is
    mark = (ws / paths.WORKSPACE_MARK).read_text()
    assert "Werkmap" in json.loads(mark)["about"]
    assert str(ROOT) not in mark  # it does not say where the source tree (and its answers) is


def test_bootstrap_and_the_package_agree_on_the_default_workspace():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "bootstrap.py")
    bootstrap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bootstrap)
    assert bootstrap.DEFAULT_WORKSPACE.name == DEFAULT_NAME
    assert bootstrap.workspace_option([]) == bootstrap.DEFAULT_WORKSPACE
    assert bootstrap.workspace_option(["--werkmap", "/tmp/x"]).name == "x"
    assert bootstrap.workspace_option(["--onzin"]) is None
    assert not bootstrap.is_edition()


def answered_exercise(answer: str) -> str:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(answer)
    cell.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "q1"}
    nb.cells.append(cell)
    return nbformat.writes(nb)


def test_answers_from_the_source_tree_are_carried_over_once_and_never_replaced(source, tmp_path):
    # a learner from before workspaces worked in the source tree's exercises/
    old_work = answered_exercise("antwoord = 42")
    write(source / "exercises/m00/m00_opdracht.ipynb", old_work)
    ws = tmp_path / "werkmap"
    report = update_workspace(ws, source)
    assert report.carried == ["exercises/m00/m00_opdracht.ipynb"]
    assert "Werk voortaan in je werkmap" in report.text()
    assert (ws / "exercises/m00/m00_opdracht.ipynb").read_text() == old_work
    # later: the clean course again (git checkout), then a new version of it
    write(
        source / "exercises/m00/m00_opdracht.ipynb",
        answered_exercise("raise NotImplementedError()"),
    )
    update_workspace(ws, source)
    write(source / "exercises/m00/m00_opdracht.ipynb", notebook("versie 2"))
    update_workspace(ws, source)
    assert (ws / "exercises/m00/m00_opdracht.ipynb").read_text() == old_work


def test_a_trainers_installation_never_takes_the_course_from_the_current_folder(
    tmp_path, monkeypatch
):
    # a mark handed in with a submission must not move a grading kernel's course (and data)
    submission = tmp_path / "autograded" / "c03" / "m03"
    submission.mkdir(parents=True)
    (submission / paths.WORKSPACE_MARK).write_text("{}")
    (submission / "datasets").mkdir()
    monkeypatch.delenv("FAIRHIRE_ROOT", raising=False)
    monkeypatch.chdir(submission)
    assert paths.trainer_tools_installed()
    assert paths.repo_root() == ROOT  # the editable source tree
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / "elders" / "fairhire")
    monkeypatch.setattr(paths, "trainer_tools_installed", lambda: True)
    assert paths.repo_root() is None  # a non-editable trainer's install: no root, not the mark
