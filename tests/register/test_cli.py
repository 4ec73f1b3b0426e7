"""``fairhire register`` on the command line: good input, and bad input with exit code 2."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from .gradebook_fill import fill
from .helpers import register


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    fill(f"sqlite:///{path}")
    return f"sqlite:///{path}"


def test_writes_the_register(db, tmp_path):
    proc = register("--db", db, "--out", str(tmp_path / "r"), "--pass-mark", "0,75")
    assert proc.returncode == 0, proc.stderr
    assert "5 cursisten (4 met ingeleverd werk), 2 modules" in proc.stdout
    csv_text = (tmp_path / "r" / "register.csv").read_text(encoding="utf-8")
    # 11/15 = 73 % fails at a pass mark of 0.75
    assert "chantal,Chantal Bakker,m00,graded,11,15,73.3,false" in csv_text


def test_learner_without_submissions_is_listed_not_started(db, tmp_path):
    assert register("--db", db, "--out", str(tmp_path / "r")).returncode == 0
    lines = (tmp_path / "r" / "register.csv").read_text(encoding="utf-8").splitlines()
    assert [ln.split(",")[3] for ln in lines if ln.startswith("ewa,")] == ["not-started"] * 2


def _empty_gradebook(path):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{path}"):
        pass
    return f"sqlite:///{path}"


def _no_learners(path):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{path}") as gb:
        gb.add_assignment("m00")
    return f"sqlite:///{path}"


def _other_database(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE klanten (id INTEGER)")
    return f"sqlite:///{path}"


@pytest.mark.parametrize(
    "make_url, words",
    [
        (lambda p: "dit-is-geen-url", "geen geldige database-URL"),
        (lambda p: f"sqlite:///{p}", "bestaat niet"),
        (lambda p: "postgresql+psycopg2://niemand@127.0.0.1:1/gradebook", "niet bereikbaar"),
        (lambda p: "oracle+nietbestaand://x@y/z", "Onbekend databasetype"),
        (_empty_gradebook, "leeg"),
        (_no_learners, "geen cursisten"),
        (_other_database, "geen nbgrader-cijferbestand"),
    ],
    ids=[
        "wrong-url",
        "missing-file",
        "unreachable",
        "unknown-driver",
        "empty",
        "no-learners",
        "not-nbgrader",
    ],
)
def test_bad_input_gives_a_dutch_message_and_exit_2(make_url, words, tmp_path):
    url = make_url(tmp_path / "gradebook.db")
    proc = register("--db", url, "--out", str(tmp_path / "r"))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "r").exists()


def test_missing_sqlite_file_is_not_created(tmp_path):
    register("--db", f"sqlite:///{tmp_path / 'nergens.db'}", "--out", str(tmp_path / "r"))
    assert not (tmp_path / "nergens.db").exists()


@pytest.mark.parametrize(
    "mark, words", [("0", "slaaggrens"), ("1.5", "slaaggrens"), ("zestig", "geen getal")]
)
def test_bad_pass_mark(db, tmp_path, mark, words):
    proc = register("--db", db, "--out", str(tmp_path / "r"), "--pass-mark", mark)
    assert proc.returncode == 2 and words in proc.stderr


def test_console_script(db, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "fairhire", "register", "--db", db, "--out", str(tmp_path / "r")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r" / "register.xlsx").is_file()
