"""The grading report tells apart what nbgrader's CSV shows as the same 0."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from fairhire.grading import report
from fairhire.grading.findings import Finding

from .course_setup import MODULE, submit_fixture


def rows():
    return [
        report.Row("c1", "Anouk de Vries", "m00", "graded", 10.0, 13.0, manual=["m00-reflection"]),
        report.Row(
            "c2",
            "Bilal Bakker",
            "m00",
            "failed",
            0.0,
            13.0,
            findings=[Finding("invalid-json", "failed", "m00_opdracht.ipynb is beschadigd.")],
        ),
        report.Row("c3", "Chantal Smit", "m00", "zero", 0.0, 13.0, late="2 dagen"),
        report.Row("c4", "Daan Visser", "m00", "not-submitted", None, 13.0),
    ]


def test_table_is_dutch_and_lists_what_needs_attention():
    text = report.format_table(rows(), width=120)
    header = text.splitlines()[0]
    for word in ("Cursist", "Status", "Punten", "Te laat", "Bijzonderheden"):
        assert word in header
    assert "MISLUKT" in text and "0 punten (echt)" in text and "niet ingeleverd" in text
    assert "10/13" in text and "2 dagen" in text
    assert "Wat je moet bekijken:" in text and "beschadigd" in text
    assert "Handmatig nakijken (formgrader): c1 (m00)" in text
    assert "Samenvatting: MISLUKT: 1, 0 punten (echt): 1, nagekeken: 1, niet ingeleverd: 1" in text


def test_csv_and_html():
    data = list(csv.DictReader(io.StringIO(report.to_csv(rows()))))
    assert [r["status"] for r in data] == ["graded", "failed", "zero", "not-submitted"]
    assert (
        data[1]["findings"] == "invalid-json" and data[0]["needs_manual_grade"] == "m00-reflection"
    )
    assert data[3]["score"] == ""
    soup = BeautifulSoup(report.to_html(rows()), "html.parser")
    assert soup.html["lang"] == "nl"
    tr = soup.find("tr", attrs={"data-student": "c2"})
    assert tr["data-status"] == "failed" and tr.find("li")["data-code"] == "invalid-json"


@pytest.mark.slow
def test_report_after_plain_nbgrader(course, tmp_path):
    """Without fairhire grade: nbgrader gives two zeros and free points; the report sees through."""
    cases = [
        "submitted-invalid-json.ipynb",
        "submitted-untouched.ipynb",
        "submitted-redefined-check.ipynb",
        "submitted-deleted-test-cell.ipynb",
    ]
    learners = [submit_fixture(course, c) for c in cases]
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", MODULE, "--force"],
        cwd=course.root,
        capture_output=True,
        text=True,
    )
    assert "There was an error processing assignment" in proc.stderr  # the broken file
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "export", "--to", "grades.csv"],
        cwd=course.root,
        capture_output=True,
        text=True,
        check=True,
    )
    with open(course.root / "grades.csv", encoding="utf-8") as fh:
        nbgrader_csv = {r["student_id"]: float(r["score"]) for r in csv.DictReader(fh)}
    invalid, untouched, redefined, deleted = learners
    assert nbgrader_csv[invalid] == nbgrader_csv[untouched] == 0.0  # the same 0 in nbgrader
    assert nbgrader_csv[redefined] > 0  # nbgrader alone hands out points for faked tests

    by = {r.student: r for r in report.build(course, [MODULE])}
    assert by[invalid].status == "failed"
    assert "invalid-json" in {f.code for f in by[invalid].findings} and by[invalid].manual == []
    assert by[untouched].status == "zero"
    assert by[redefined].status == "suspect"
    assert "deleted-cell" in {f.code for f in by[deleted].findings}
    assert "m00-art4" in by[deleted].manual  # nbgrader's silent 'needs manual grade'
