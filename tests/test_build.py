"""`fairhire build` regenerates exercises/ and `--check` notices a stale one."""

import shutil
import subprocess
import sys

import pytest

from fairhire.build import BuildError, build

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def course_copy(tmp_path, monkeypatch):
    for name in ("nbgrader_config.py",):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("sources", "solutions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    monkeypatch.setenv("FAIRHIRE_ROOT", str(tmp_path))
    return tmp_path


def _check(root):
    return subprocess.run(
        [sys.executable, "-m", "fairhire", "build", "--check"],
        cwd=root,
        capture_output=True,
        text=True,
    )


def test_check_names_the_stale_module_and_build_repairs_it(course_copy):
    target = course_copy / "exercises/m00/m00_opdracht.ipynb"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Vraag 1", "Vraag één"), encoding="utf-8"
    )
    proc = _check(course_copy)
    assert proc.returncode == 1
    assert "m00" in proc.stderr and "m00_opdracht.ipynb" in proc.stderr
    diffs = build(["m00"], root=course_copy)
    assert diffs[0].stale
    assert _check(course_copy).returncode == 0


def test_orphan_exercise_folder_is_stale(course_copy):
    (course_copy / "exercises/m99").mkdir()
    (course_copy / "exercises/m99/x.ipynb").write_text("{}")
    proc = _check(course_copy)
    assert proc.returncode == 1 and "m99" in proc.stderr


def test_unknown_module_is_a_clear_error(course_copy):
    with pytest.raises(BuildError, match="Onbekende module"):
        build(["m42"], root=course_copy)


def test_check_fails_when_a_solution_drifted_from_its_text_and_build_syncs_it(course_copy):
    text = course_copy / "sources/solutions/m00/m00_opdracht.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace("Vraag 1", "Vraag één", 1), encoding="utf-8"
    )
    stale = build(["m00"], check=True, root=course_copy)[0]
    assert stale.stale
    assert "verschilt van de tekst: solutions/m00/m00_opdracht.ipynb" in stale.describe()
    assert build(["m00"], root=course_copy)[0].text
    for folder in ("solutions", "exercises"):
        assert "Vraag één" in (course_copy / folder / "m00/m00_opdracht.ipynb").read_text("utf-8")
    assert not build(["m00"], check=True, root=course_copy)[0].stale
