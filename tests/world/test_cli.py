"""``fairhire data``: regenerate datasets/, or check it with exit code 0 or 1."""

from __future__ import annotations

import shutil

from fairhire.cli import main
from fairhire.world import DATASETS


def copy_course(root, tmp_path):
    course = tmp_path / "course"
    (course / "datasets").mkdir(parents=True)
    shutil.copy(root / "nbgrader_config.py", course)
    for name in DATASETS:
        shutil.copy(root / "datasets" / name, course / "datasets" / name)
    return course


def test_check_passes_on_the_repository(capsys):
    assert main(["data", "--check"]) == 0
    assert "is bij" in capsys.readouterr().out


def test_check_fails_after_a_change_and_data_repairs_it(root, tmp_path, monkeypatch, capsys):
    course = copy_course(root, tmp_path)
    monkeypatch.setenv("FAIRHIRE_ROOT", str(course))
    assert main(["data", "--check"]) == 0
    target = course / "datasets" / "applicants.csv"
    target.write_bytes(target.read_bytes().replace(b"Rotterdam", b"Rotjeknor", 1))
    capsys.readouterr()
    assert main(["data", "--check"]) == 1
    err = capsys.readouterr().err
    assert "applicants.csv" in err and "history.csv" not in err and "fairhire data" in err
    assert main(["data"]) == 0
    assert "geschreven" in capsys.readouterr().out
    assert main(["data", "--check"]) == 0
