"""How long one sitting of a module takes: an estimate made from the notebooks themselves.

The registry (``data/modules.toml``) states a time per module and the start page shows it.
This module computes that time from what a learner actually does in the lesson and the
exercise, so the number cannot drift away from the content:

- **reading**: the markdown a learner sees (not the hints, which open on request; not the
  answer cells, which hold the solution and the rubric) and the legal boxes that
  ``show_legal(...)`` prints, at :data:`READING_WORDS_PER_MINUTE`;
- **running**: every code cell that is given (not an answer, not a test), at
  :data:`RUN_CELL_MINUTES`: run it, look at the output;
- **answering**: each question by its kind: a choice, a line of code, a function, a written
  answer (its length read from the question: "zes tot tien zinnen", "250 tot 400 woorden"),
  the AIR worksheet ("Beantwoord minstens 5 ...").

The rates are this course's assumptions for an HR professional who does not program, not
measurements; replace them with the times pilot learners take when those exist.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..modules import Module
from ..resources import LegalReference, legal_references

READING_WORDS_PER_MINUTE = 120  # careful reading of new material in plain Dutch
RUN_CELL_MINUTES = 0.5
CHOICE_MINUTES = 2.0  # read the options, decide, run the check
CODE_ANSWER_MINUTES = 5.0  # write a line or two, run the check, fix it once
FUNCTION_ANSWER_MINUTES = 10.0
WRITING_WORDS_PER_MINUTE = 8  # a considered answer, thinking included
WORDS_PER_SENTENCE = 12
DEFAULT_WRITTEN_WORDS = 60
WORKSHEET_ANSWER_MINUTES = 3.0  # read a worksheet question, write a sentence or two about it

_NUMBERS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
    "vijftien": 15,
    "twintig": 20,
}
_NUMBER = r"(\d+|" + "|".join(_NUMBERS) + r")"
_RANGE = _NUMBER + r"\s+(?:tot|of|à|-|–)\s+" + _NUMBER
_WORDS = re.compile(_RANGE + r"\s+woorden", re.I)
_SENTENCES = re.compile(_RANGE + r"\s+zinnen", re.I)
_WORKSHEET = re.compile(r"Beantwoord\s+\**minstens\s+" + _NUMBER, re.I)
_HINTS = re.compile(r"<details>.*?</details>", re.S)
_SHOW_LEGAL = re.compile(r"show_legal\(([^)]*)\)")
_KEY = re.compile(r"[\"']([a-z0-9-]+)[\"']")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sitting:
    """The estimated minutes of one module, by part.

    Attributes
    ----------
    reading, running, answering : float
        Minutes spent reading, running given cells and answering questions.
    """

    reading: float
    running: float
    answering: float

    @property
    def minutes(self) -> float:
        """The whole sitting."""
        return self.reading + self.running + self.answering


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBERS[text.lower()]


def _source(cell: dict) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def _nbgrader(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def written_words(question: str) -> int:
    """How many words a written answer takes, read from the question's own demand."""
    for pattern, factor in ((_WORDS, 1), (_SENTENCES, WORDS_PER_SENTENCE)):
        found = pattern.search(question)
        if found:
            low, high = (_number(g) for g in found.groups())
            return round((low + high) / 2 * factor)
    return DEFAULT_WRITTEN_WORDS


def _legal_words(code: str, legal: dict[str, LegalReference]) -> int:
    words = 0
    for call in _SHOW_LEGAL.findall(code):
        for key in _KEY.findall(call):
            ref = legal[key]
            shown = " ".join((ref.article, ref.summary_nl, ref.status_nl))
            words += len(_WORD.findall(shown))
    return words


def estimate_notebook(path: Path, legal: dict[str, LegalReference]) -> Sitting:
    """Estimate one notebook (a lesson, or an exercise in its solution form)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    words = 0
    run_cells = 0
    answering = 0.0
    question = ""
    for cell in cells:
        meta, text = _nbgrader(cell), _source(cell)
        if meta.get("solution"):
            if cell["cell_type"] == "markdown":
                answering += written_words(question) / WRITING_WORDS_PER_MINUTE
            elif _WORKSHEET.search(question):
                answering += _number(_WORKSHEET.search(question).group(1)) * (
                    WORKSHEET_ANSWER_MINUTES
                )
            elif re.search(r"^\s*-\s+\*\*A\*\*", question, re.M):
                answering += CHOICE_MINUTES
            elif re.search(r"^\s*def \w+", text, re.M):
                answering += FUNCTION_ANSWER_MINUTES
            else:
                answering += CODE_ANSWER_MINUTES
            continue
        if cell["cell_type"] == "markdown":
            visible = _HINTS.sub(" ", text)
            words += len(_WORD.findall(visible))
            if "##" in text:  # a heading starts a new question (or a new section)
                question = text
            else:
                question += "\n" + text
            continue
        words += _legal_words(text, legal)
        if not meta.get("grade"):
            run_cells += 1
    return Sitting(
        reading=words / READING_WORDS_PER_MINUTE,
        running=run_cells * RUN_CELL_MINUTES,
        answering=answering,
    )


def estimate(module: Module, root: Path) -> Sitting:
    """Estimate a module's sitting: its lesson and its exercise (the solution form).

    Parameters
    ----------
    module : Module
        The module from the registry.
    root : Path
        The course root (with ``course/``, ``solutions/`` and the package data).

    Returns
    -------
    Sitting
        Minutes by part; ``.minutes`` is the whole.
    """
    legal = legal_references()
    parts = [
        estimate_notebook(module.lesson_path(root), legal),
        estimate_notebook(Path(root) / "solutions" / module.id / module.exercise, legal),
    ]
    return Sitting(
        *(sum(getattr(p, f) for p in parts) for f in ("reading", "running", "answering"))
    )
