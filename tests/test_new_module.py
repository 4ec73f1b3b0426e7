"""A new module is one registry entry plus its notebooks: nothing else needs an edit.

In a throwaway copy of the course, module m09 gets an entry in the copy's
fairhire/data/modules.toml, a lesson and an exercise as text, and its objective.
Then the authoring tool, nbgrader (through ``fairhire build`` and ``fairhire
grade``), the progress overview, the start page and the register must all pick
it up, with no other file touched.
"""

from __future__ import annotations

import json

import pytest

from fairhire import submissions
from fairhire.authoring.text import HEADER  # the header every text source starts with

from .repo_copy import run_in, tree_copy

pytestmark = pytest.mark.slow

TITLE = "Proefmodule: een nieuwe module"
ENTRY = f"""
[[module]]
id = "m09"
slug = "proef"
title = "{TITLE}"
minutes = 30
lesson = "m09_proef.ipynb"
exercise = "m09_opdracht.ipynb"
"""


LESSON = (
    HEADER
    + f"""
# Module 9 · {TITLE}

Een korte les om te zien dat een nieuwe module overal verschijnt.

```{{code-cell}}
from fairhire import start

start("m09")
```
"""
)


def meta(grade_id: str, **flags) -> str:
    fields = {"grade": False, "grade_id": grade_id, "locked": True, "schema_version": 3}
    fields.update({"solution": False, "task": False}, **flags)
    lines = [f"  {k}: {json.dumps(v)}" for k, v in sorted(fields.items())]
    return "---\nnbgrader:\n" + "\n".join(lines) + "\n---\n"


EXERCISE = (
    HEADER
    + "\n# Opdracht module 9 · Proef\n\n"
    + "```{code-cell}\n"
    + meta("m09-setup")
    + 'from fairhire import check, start\n\nstart("m09")\n```\n\n'
    + "```{code-cell}\n"
    + meta("m09-sum-answer", locked=False, solution=True)
    + "### BEGIN SOLUTION\ntotal = 12 + 36\n### END SOLUTION\n```\n\n"
    + "```{code-cell}\n"
    + meta("m09-sum", grade=True, points=2)
    + 'check.is_number(total, "total")\ncheck.passed("Vraag 1")\n'
    + "### BEGIN HIDDEN TESTS\nassert total == 48\n### END HIDDEN TESTS\n```\n\n"
    + "```{code-cell}\n"
    + meta("m09-self-check")
    + "from fairhire import self_check\n\nself_check()\n```\n"
)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    copy = tree_copy(tmp_path_factory.mktemp("m09") / "course")
    registry = copy / "fairhire" / "data" / "modules.toml"
    registry.write_text(registry.read_text(encoding="utf-8") + ENTRY, encoding="utf-8")
    objectives = copy / "fairhire" / "data" / "objectives.toml"
    text = objectives.read_text(encoding="utf-8")
    text = text.replace(
        "[objectives]\n", '[objectives]\n"m09.sum" = "Twee getallen optellen in een notebook"\n'
    )
    text = text.replace("[grade_ids]\n", '[grade_ids]\n"m09-sum" = ["m09.sum"]\n')
    objectives.write_text(text, encoding="utf-8")
    (copy / "sources" / "course" / "m09_proef.md").write_text(LESSON, encoding="utf-8")
    (copy / "sources" / "solutions" / "m09").mkdir(parents=True)
    (copy / "sources" / "solutions" / "m09" / "m09_opdracht.md").write_text(
        EXERCISE, encoding="utf-8"
    )
    run_in(copy, "fairhire", "notebooks", "sync")
    run_in(copy, "fairhire", "build", "m09")
    return copy


def test_notebooks_are_made_and_in_step(course):
    assert (course / "course" / "m09_proef.ipynb").is_file()
    assert (course / "solutions" / "m09" / "m09_opdracht.ipynb").is_file()
    assert (course / "exercises" / "m09" / "m09_opdracht.ipynb").is_file()
    run_in(course, "fairhire", "notebooks", "check")
    run_in(course, "fairhire", "build", "--check", "m09")


def test_start_page_route_lists_the_new_module(course):
    start = submissions.read(course / "course" / "m00_start.ipynb")
    route = next(c.source for c in start.cells if "De route door de cursus" in c.source)
    assert f"| m09 | {TITLE} | 30 min |" in route


def test_progress_overview_lists_the_new_module(course):
    out = run_in(course, "fairhire", "progress", "--snel").stdout
    assert "m09" in out.split("m08", 1)[1]


def test_register_names_the_new_module_with_its_title(course):
    for args in (
        ["db", "assignment", "add", "m09", "--duedate=2031-01-01 00:00:00"],
        ["generate_assignment", "m09", "--force"],
        ["db", "student", "add", "noor", "--first-name=Noor", "--last-name=Jansen"],
    ):
        run_in(course, "nbgrader", *args)
    released = submissions.read(course / "exercises" / "m09" / "m09_opdracht.ipynb")
    solution = submissions.read(course / "solutions" / "m09" / "m09_opdracht.ipynb")
    answered = submissions.solved_copy(released, solution)
    submissions.write(answered, course / "submitted" / "noor" / "m09" / "m09_opdracht.ipynb")
    run_in(course, "fairhire", "grade", "m09")
    out = course / "register-out"
    run_in(
        course,
        "fairhire",
        "register",
        "--db",
        f"sqlite:///{course}/gradebook.db",
        "--out",
        str(out),
    )
    rows = (out / "register.csv").read_text(encoding="utf-8")
    assert "noor,Noor Jansen,m09,graded,2,2" in rows
    summary = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert f"m09 {TITLE}" in summary
    from pypdf import PdfReader

    pdf = next(out.rglob("*noor*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "m09" in text and "Proefmodule" in text and "optellen" in text
