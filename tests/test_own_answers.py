"""An answer taken from the course package earns no points, graded by the real nbgrader.

Where a question asks the learner to write a function or a pattern that the package also has
(m01: the bigram counter; m02: the wording counter, the e-mail, phone and postcode patterns and
the pseudonymiser), a submission that imports, wraps or copies the package's object loses that
question's points, and the graded notebook says why in Dutch. The solution itself keeps full
marks (tests/test_grading_end_to_end.py).
"""

from __future__ import annotations

import inspect
import json

import pytest

from fairhire import submissions
from fairhire.lm import ngram
from fairhire.originality import FUNCTION_MESSAGE, PATTERN_MESSAGE
from fairhire.privacy import POSTCODE_PATTERN

from .nbgrader_course import Course

pytestmark = pytest.mark.slow

_BIGRAMS = inspect.getsource(ngram.count_bigrams).replace("def count_bigrams", "def count_pairs")

# module -> learner -> (answer cell -> source); every listed question must lose its points
ROUTES = {
    "m01": {
        "package-import": {
            "m01-count-pairs-answer": "from fairhire.lm import count_bigrams as count_pairs",
        },
        "package-copy": {
            "m01-count-pairs-answer": "from collections import Counter\nfrom collections.abc import Sequence\n"
            "from itertools import pairwise\n\n" + _BIGRAMS,
        },
    },
    "m02": {
        "package-import": {
            "m02-coded-count-answer": "from fairhire.wording import count_coded_words as count_coded",
            "m02-email-answer": "from fairhire.privacy import EMAIL_PATTERN",
            "m02-phone-answer": "import fairhire.privacy\nPHONE_PATTERN = fairhire.privacy.PHONE_PATTERN",
            "m02-postcode-answer": f'POSTCODE_PATTERN = r"{POSTCODE_PATTERN}"',  # typed over
            "m02-pseudonymise-answer": "from fairhire.privacy import pseudonymise",
        },
        "package-wrapper": {
            "m02-coded-count-answer": "from fairhire import wording\n\n"
            "def count_coded(text, stems):\n    return wording.count_coded_words(text, stems)\n",
            "m02-pseudonymise-answer": "from fairhire.privacy import pseudonymise as _p\n\n"
            "def pseudonymise(text, names):\n    return _p(text, names)\n",
        },
    },
}


def _test_id(answer_gid: str) -> str:
    return answer_gid.removesuffix("-answer")


@pytest.fixture(scope="module", params=sorted(ROUTES))
def graded(request, tmp_path_factory):
    module = request.param
    course = Course(tmp_path_factory.mktemp(f"own-{module}"), module)
    course.generate()
    for notebook in course.notebooks():
        solved = submissions.solved_copy(course.exercise(notebook), course.solution(notebook))
        for learner, answers in ROUTES[module].items():
            course.submit(learner, notebook, submissions.fill_answers(solved, answers))
    course.autograde()
    return course


def test_the_package_answer_loses_exactly_those_points(graded):
    for notebook in graded.notebooks():
        full = submissions.autograded_points(graded.solution(notebook))
        for learner, answers in ROUTES[graded.module].items():
            lost = {_test_id(gid) for gid in answers}
            expected = {gid: (0.0 if gid in lost else pts) for gid, pts in full.items()}
            assert graded.scores(learner, notebook) == expected, learner


def test_the_graded_notebook_says_why(graded):
    for notebook in graded.notebooks():
        for learner, answers in ROUTES[graded.module].items():
            path = graded.path / "autograded" / learner / graded.module / f"{notebook}.ipynb"
            nb = submissions.read(path)
            for cell in nb.cells:
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                if gid not in {_test_id(g) for g in answers}:
                    continue
                text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
                assert FUNCTION_MESSAGE in text or PATTERN_MESSAGE in text, (
                    learner,
                    gid,
                    text[-500:],
                )
