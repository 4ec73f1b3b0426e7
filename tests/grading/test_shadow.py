"""The shadow of a learner's function: its compiled code, for the originality checks."""

from __future__ import annotations

import inspect
import json

import pytest

from fairhire.grading import shadow
from fairhire.lm import ngram
from fairhire.originality import from_package
from fairhire.privacy import pseudonymise
from fairhire.wording import count_coded_words

COPY = (
    "from collections import Counter\nfrom collections.abc import Sequence\n"
    "from itertools import pairwise\n\n"
    + inspect.getsource(ngram.count_bigrams).replace("def count_bigrams", "def count_pairs")
)
OWN = (
    "def count_pairs(words):\n    out = {}\n"
    "    for a, b in zip(words, words[1:]):\n        out[(a, b)] = out.get((a, b), 0) + 1\n"
    "    return out\n"
)


@pytest.mark.parametrize(
    ("cells", "name", "reference"),
    [
        ([COPY], "count_pairs", ngram.count_bigrams),
        (
            [
                "from fairhire import wording\n\n"
                "def count_coded(text, stems):\n    return wording.count_coded_words(text, stems)\n"
            ],
            "count_coded",
            count_coded_words,
        ),
        (
            [
                "from fairhire.privacy import pseudonymise as _p\n",
                "def pseudonymise(text, names):\n    return _p(text, names)\n",
            ],
            "pseudonymise",
            pseudonymise,
        ),
        (
            [
                "from fairhire.privacy import pseudonymise as _p\n"
                "pseudonymise = lambda text, names: _p(text, names)\n"
            ],
            "pseudonymise",
            pseudonymise,
        ),
        (
            [
                "def pseudonymise(text, names):\n"
                "    import fairhire.privacy\n    return fairhire.privacy.pseudonymise(text, names)\n"
            ],
            "pseudonymise",
            pseudonymise,
        ),
    ],
    ids=["copy", "wrapper-module", "wrapper-alias-other-cell", "lambda", "import-inside"],
)
def test_copies_and_wrappers_are_recognised(cells, name, reference):
    code = shadow.shadow(cells, name)
    assert code is not None
    assert from_package(code, reference)


def test_the_learners_own_function_is_not_flagged():
    code = shadow.shadow(
        ["%matplotlib inline\nfrom collections import Counter\n" + OWN], "count_pairs"
    )
    assert code is not None and code.__name__ == "count_pairs"
    assert not from_package(code, ngram.count_bigrams)


def test_the_last_binding_counts():
    assert shadow.shadow([COPY, OWN], "count_pairs") is not None
    assert not from_package(shadow.shadow([COPY, OWN], "count_pairs"), ngram.count_bigrams)
    assert from_package(shadow.shadow([OWN, COPY], "count_pairs"), ngram.count_bigrams)
    # rebound to something that is not a def or lambda: no shadow
    assert shadow.shadow([OWN, "count_pairs = dict\n"], "count_pairs") is None
    assert (
        shadow.shadow(
            [OWN, "from fairhire.lm import count_bigrams as count_pairs\n"], "count_pairs"
        )
        is None
    )


def test_what_cannot_be_read_has_no_shadow():
    assert shadow.shadow(["def count_pairs(:\n"], "count_pairs") is None
    assert shadow.shadow(["exec('def count_pairs(w): return {}')\n"], "count_pairs") is None
    # a nested function needs its closure, which only running the code gives
    nested = "def make():\n    n = 1\n    def count_pairs(w):\n        return n\n    return count_pairs\n"
    assert shadow.shadow([nested + "count_pairs = make()\n"], "count_pairs") is None


def test_the_shadow_is_never_run():
    # compiling the cell must not run it: the body would raise
    code = shadow.shadow(["raise SystemExit('ran')\n" + OWN], "count_pairs")
    assert code is not None


def test_for_key_reads_the_cells_up_to_the_answer(tmp_path):
    spec = tmp_path / "oracle.json"
    spec.write_text(
        json.dumps(
            {
                "cwd": str(tmp_path),
                "cells": [
                    {"index": 2, "source": COPY, "names": ["count_pairs"]},
                    {"index": 5, "source": OWN, "names": ["count_pairs"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    assert from_package(shadow.for_key(str(spec), "2:count_pairs"), ngram.count_bigrams)
    assert not from_package(shadow.for_key(str(spec), "5:count_pairs"), ngram.count_bigrams)
    assert shadow.for_key(str(spec), "nonsense") is None
    assert shadow.for_key(str(tmp_path / "missing.json"), "2:count_pairs") is None


def test_a_helper_from_the_package_inside_an_own_function_is_not_flagged():
    helper = (
        "def count_pairs(text):\n    from fairhire.lm import split_words\n"
        "    words = split_words(text)\n    return dict(zip(zip(words, words[1:]), [1] * len(words)))\n"
    )
    assert not from_package(shadow.shadow([helper], "count_pairs"), ngram.count_bigrams)
