"""Every module fits one sitting of 90 minutes, and the registry states what it takes."""

from __future__ import annotations

import json
import math
import tomllib

import pytest

from fairhire.authoring import sitting
from fairhire.modules import modules
from fairhire.resources import legal_references

from ..conftest import ROOT

LIMIT = 90  # DESIGN.md: a module is one sitting of 45 to 90 minutes
LEGAL = tomllib.loads((ROOT / "fairhire/data/legal.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.id)
def test_the_module_fits_a_sitting_and_the_registry_says_how_long(module):
    est = sitting.estimate(module, ROOT)
    assert est.minutes <= LIMIT, (
        f"{module.id} takes an estimated {est.minutes:.0f} min "
        f"(reading {est.reading:.0f}, running {est.running:.0f}, answering {est.answering:.0f})"
    )
    # the registry rounds the estimate up to five minutes; the start page shows that number
    rounded = max(45, 5 * math.ceil(est.minutes / 5))
    assert module.minutes == rounded, (
        f"set minutes = {rounded} for {module.id} in fairhire/data/modules.toml"
    )


def notebook(tmp_path, *cells):
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": list(cells)}), encoding="utf-8")
    return path


def md(text, **nbgrader):
    return {"cell_type": "markdown", "source": text, "metadata": {"nbgrader": nbgrader}}


def code(text, **nbgrader):
    return {"cell_type": "code", "source": text, "metadata": {"nbgrader": nbgrader}}


def test_written_answers_take_the_length_the_question_asks():
    assert sitting.written_words("Schrijf in zes tot tien zinnen een advies.") == 96
    assert sitting.written_words("Een memo van 250 tot 400 woorden.") == 325
    assert sitting.written_words("Leg uit waarom.") == sitting.DEFAULT_WRITTEN_WORDS


def test_each_part_of_a_notebook_counts_once(tmp_path):
    words = " ".join(["woord"] * 120)
    path = notebook(
        tmp_path,
        md(words + "\n<details><summary>Hint</summary>" + words + "</details>"),
        code("print(1)"),
        md("### Vraag 1\n- **A**: ja\n- **B**: nee"),
        code("x_answer = 'A'", solution=True),
        code("check.choice(x_answer)", grade=True, locked=True),
        md("### Vraag 2\nBereken het aantal."),
        code("n = 3", solution=True),
        md("### Vraag 3\nSchrijf een functie."),
        code("def f(x):\n    return x", solution=True),
        md("### Vraag 4\nLeg in twee tot vier zinnen uit waarom."),
        md("Voorbeeldantwoord en beoordelingsmodel " + words, solution=True, grade=True),
        code('show_legal("gdpr-art-22")'),
    )
    est = sitting.estimate_notebook(path, legal_references())
    ref = LEGAL["gdpr-art-22"]
    shown = " ".join(ref[f] for f in ("article", "summary_nl", "status_nl"))
    legal_words = len(shown.split())
    seen_words = 120 + 3 * 8 + legal_words  # the hint and the rubric are not read
    assert est.reading == pytest.approx(seen_words / sitting.READING_WORDS_PER_MINUTE, abs=0.15)
    assert est.running == 2 * sitting.RUN_CELL_MINUTES  # the test cell runs with its answer
    assert est.answering == pytest.approx(
        sitting.CHOICE_MINUTES
        + sitting.CODE_ANSWER_MINUTES
        + sitting.FUNCTION_ANSWER_MINUTES
        + 36 / sitting.WRITING_WORDS_PER_MINUTE
    )
