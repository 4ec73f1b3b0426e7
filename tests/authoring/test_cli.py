"""``fairhire notebooks sync|check|import`` on a temporary copy of the course."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat

from fairhire.authoring.canonical import notebook_bytes
from fairhire.authoring.text import notebook_from_text
from fairhire.cli import main

from ..conftest import ROOT

LESSON = "course/m03_data.ipynb"
LESSON_TEXT = "sources/course/m03_data.md"
WORD, NEW_WORD = "Voordat er", "Voordat er straks"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_passes_on_the_course(course_copy, capsys):
    assert main(["notebooks", "check"]) == 0
    assert "Alle 18 notebooks kloppen" in capsys.readouterr().out


def test_check_fails_after_an_edit_in_the_text_and_sync_repairs_it(course_copy, capsys):
    _edit(course_copy / LESSON_TEXT, WORD, NEW_WORD)
    assert main(["notebooks", "check"]) == 1
    err = capsys.readouterr().err
    assert f"verschilt van de tekst: {LESSON}" in err and "fairhire notebooks sync" in err
    assert err.count("verschilt") == 1
    assert main(["notebooks", "sync", "m03"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"geschreven: {LESSON}"]
    assert NEW_WORD in nbformat.read(course_copy / LESSON, as_version=4).cells[0].source
    assert main(["notebooks", "check"]) == 0
    assert main(["notebooks", "sync"]) == 0
    assert "Alles was al bij." in capsys.readouterr().out


def test_import_brings_a_jupyterlab_edit_back_into_the_text(course_copy, capsys):
    path = course_copy / LESSON
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = nb.cells[0].source.replace(WORD, NEW_WORD)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.execution_count = 7
    code.outputs = [nbformat.v4.new_output("stream", text="uitvoer die niet mee mag\n")]
    code.metadata["scrolled"] = True
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("Een nieuwe cel uit JupyterLab."))
    nb.metadata["language_info"]["version"] = "3.11.9"
    nbformat.write(nb, path)
    assert main(["notebooks", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"geschreven: {LESSON_TEXT}" in out and f"geschreven: {LESSON}" in out
    text = (course_copy / LESSON_TEXT).read_text(encoding="utf-8")
    assert NEW_WORD in text and "Een nieuwe cel uit JupyterLab." in text
    assert "uitvoer die niet mee mag" not in text and "scrolled" not in text
    assert path.read_bytes() == notebook_bytes(notebook_from_text(text))
    assert main(["notebooks", "check"]) == 0


def test_import_of_an_untouched_notebook_writes_nothing(course_copy, capsys, monkeypatch):
    monkeypatch.chdir(course_copy)  # a relative path is taken from the current folder
    assert main(["notebooks", "import", "solutions/m03/m03_opdracht.ipynb"]) == 0
    assert capsys.readouterr().out.strip() == "Alles was al bij."


def test_import_refuses_a_learner_copy(course_copy, capsys):
    exercise = course_copy / "exercises/m03/m03_opdracht.ipynb"
    exercise.parent.mkdir(parents=True)
    exercise.write_bytes((ROOT / "exercises/m03/m03_opdracht.ipynb").read_bytes())
    assert main(["notebooks", "import", str(exercise)]) == 2
    assert "leerlingversie" in capsys.readouterr().err


def test_check_names_a_missing_text_and_a_notebook_outside_the_registry(course_copy, capsys):
    (course_copy / "sources/solutions/m05/m05_opdracht.md").unlink()
    (course_copy / "course/m99_extra.ipynb").write_bytes((course_copy / LESSON).read_bytes())
    assert main(["notebooks", "check"]) == 1
    err = capsys.readouterr().err
    assert "tekst ontbreekt: sources/solutions/m05/m05_opdracht.md" in err
    assert "niet in het register: course/m99_extra.ipynb" in err
    assert main(["notebooks", "sync"]) == 2
    assert "Tekst ontbreekt" in capsys.readouterr().err


def test_sync_refuses_an_unknown_module(course_copy, capsys):
    assert main(["notebooks", "sync", "m42"]) == 2
    assert "Onbekende module(s): m42" in capsys.readouterr().err


def test_the_command_line_exits_1_on_drift(course_copy):
    _edit(course_copy / LESSON_TEXT, WORD, NEW_WORD)
    proc = subprocess.run(
        [sys.executable, "-m", "fairhire", "notebooks", "check"],
        cwd=ROOT,
        env=dict(os.environ, FAIRHIRE_ROOT=str(course_copy)),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1 and LESSON in proc.stderr
