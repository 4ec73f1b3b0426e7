"""Choice questions cannot be guessed from their form.

A choice question is a locked question cell with options ``- **A**: ...`` to ``- **D**: ...``,
followed by an answer cell that sets a letter (``x_answer = "B"``) or, in m07, a pair
(``q1 = ("C", "hoogrisico")``), and by the graded test cell. Over all of them the right option
is the longest in at most a third, and no letter is right in more than 40 %. Each test cell's
hidden tests accept the letter of the solution, and its visible check never names it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import nbformat
import pytest

from fairhire.sample_texts import EXERCISE_SUMMARY

from .conftest import solution_notebooks

OPTION = re.compile(r"^- \*\*([A-D])\*\*:? *(.+(?:\n  +\S.*)*)", re.MULTILINE)
ANSWER = re.compile(r'^(\w+) = \(?"([A-D])"', re.MULTILINE)


# choice questions whose options the notebook prints from the package
OPTIONS_IN_PACKAGE = {"m02-chatbot-check-question": EXERCISE_SUMMARY}


@dataclass(frozen=True)
class Choice:
    """One choice question: where it is, its options and the right letter."""

    grade_id: str
    options: dict[str, str]
    right: str
    test_source: str

    @property
    def right_is_longest(self) -> bool:
        longest = max(len(text) for text in self.options.values())
        return len(self.options[self.right]) == longest


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def choice_questions() -> list[Choice]:
    """Every choice question in the solution notebooks, in course order."""
    found = []
    for path in solution_notebooks():
        cells = nbformat.read(path, as_version=4).cells
        for i, cell in enumerate(cells):
            if cell.cell_type != "markdown":
                continue
            options = {k: " ".join(v.split()) for k, v in OPTION.findall(cell.source)}
            gid = _meta(cell).get("grade_id", "")
            if gid in OPTIONS_IN_PACKAGE:
                options = OPTIONS_IN_PACKAGE[gid]
            if set(options) != {"A", "B", "C", "D"}:
                continue
            later = cells[i + 1 :]
            answer = next(c for c in later if c.cell_type == "code" and _meta(c).get("solution"))
            test = next(c for c in later if _meta(c).get("grade"))
            match = ANSWER.search(answer.source)
            assert match, f"no letter in the answer cell {_meta(answer).get('grade_id')}"
            found.append(Choice(_meta(test)["grade_id"], options, match.group(2), test.source))
    return found


CHOICES = choice_questions()


def test_there_are_choice_questions():
    assert len(CHOICES) >= 20, [c.grade_id for c in CHOICES]


def test_the_right_option_is_rarely_the_longest():
    longest = [c.grade_id for c in CHOICES if c.right_is_longest]
    assert len(longest) * 3 <= len(CHOICES), (
        f"the right option is the longest in {len(longest)} of {len(CHOICES)}: {longest}"
    )


def test_right_letters_are_spread():
    counts = Counter(c.right for c in CHOICES)
    assert set(counts) == {"A", "B", "C", "D"}, counts
    assert max(counts.values()) <= 0.4 * len(CHOICES), counts


def test_options_have_comparable_length():
    # no option is more than twice as long as the shortest in its question, give or take
    # a few words, so the right one cannot stand out by its length alone
    for choice in CHOICES:
        lengths = {letter: len(text) for letter, text in choice.options.items()}
        assert max(lengths.values()) <= 2 * min(lengths.values()) + 30, (choice.grade_id, lengths)


@pytest.mark.parametrize("choice", CHOICES, ids=lambda c: c.grade_id)
def test_hidden_tests_accept_the_solution_letter_only(choice):
    visible, _, hidden = choice.test_source.partition("### BEGIN HIDDEN TESTS")
    assert hidden, f"{choice.grade_id} has no hidden tests"
    assert f'== "{choice.right}"' in hidden, f"{choice.grade_id}: hidden tests check another letter"
    assert f'"{choice.right}"' not in visible.replace('["A", "B", "C", "D"]', ""), (
        f"{choice.grade_id}: the visible check names the right letter"
    )
