"""A submission that failed or looked suspect in grading claims nothing until the trainer resolves it.

``fairhire grade`` (fairhire/grading/merge.py) flags such a notebook in
nbgrader's own gradebook and writes the reason in its automatic comment; the
register reads that, so it works for any gradebook database.
"""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader

from fairhire import objectives
from fairhire.grading import merge
from fairhire.register import certificate, make_register
from fairhire.register.gradebook import read

from .gradebook_fill import fill

COURSE = "eerlijk-werven-met-ai"


def _db(tmp_path):
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    fill(url, COURSE)
    return url


def _rows(folder):
    text = (folder / "register.csv").read_text(encoding="utf-8")
    return {(r["learner_id"], r["module"]): r for r in csv.DictReader(io.StringIO(text))}


def _pdf_text(path):
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_suspect_submission_is_held_with_its_reason(tmp_path):
    url = _db(tmp_path)
    # anouk had full marks; her m00 is then found suspect in grading
    merge.withhold_points(
        url,
        COURSE,
        "m00",
        "anouk",
        "verdachte code gevonden; punten staan op 0 tot de trainer kijkt.",
    )
    register = make_register(url, tmp_path / "register")
    row = next(r for r in register.rows_for("anouk") if r.module == "m00")
    assert row.status == "held" and row.status_nl == "tegengehouden"
    assert row.demonstrated == [] and row.pending == [] and row.passed is None
    assert "verdachte code" in row.note and "trainer" in row.note
    csv_row = _rows(tmp_path / "register")[("anouk", "m00")]
    assert csv_row["status"] == "held" and csv_row["objectives_demonstrated"] == ""
    assert "verdachte code" in csv_row["note"]
    text = _pdf_text(tmp_path / "register" / "certificaten" / certificate.filename("anouk"))
    assert "tegengehouden" in text and "Geen leerdoelen erkend" in text
    assert " ".join(objectives()["m00.art4"].split()) not in text
    # her other module is untouched
    assert next(r for r in register.rows_for("anouk") if r.module == "m99").status == "graded"


def test_failed_submission_is_held_and_says_so(tmp_path):
    url = _db(tmp_path)
    merge.record_failure(url, COURSE, "m00", "chantal", None, "niet nagekeken (kernel gestopt).")
    row = next(
        r for r in make_register(url, tmp_path / "r").rows_for("chantal") if r.module == "m00"
    )
    assert row.status == "held" and row.demonstrated == []
    assert "niet nagekeken (kernel gestopt)" in row.note


def test_the_trainer_resolves_it_by_removing_the_flag(tmp_path):
    from nbgrader.api import Gradebook

    url = _db(tmp_path)
    merge.withhold_points(url, COURSE, "m00", "anouk", "verdachte code gevonden.")
    assert read(url).submissions[("anouk", "m00")].flag
    with Gradebook(url, COURSE) as gb:
        nb = gb.find_submission_notebook("m00_opdracht", "m00", "anouk")
        for grade in nb.grades:  # the trainer looked and gave the points by hand
            grade.manual_score = grade.max_score
        nb.flagged = False
        gb.db.commit()
    assert read(url).submissions[("anouk", "m00")].flag is None
    row = next(r for r in make_register(url, tmp_path / "r").rows_for("anouk") if r.module == "m00")
    assert row.status == "graded" and row.demonstrated and row.note == ""
