"""fairhire.originality recognises the package's own answer, and only that."""

from __future__ import annotations

import functools
import inspect
import re
import sys
import textwrap

import pytest

from fairhire import check, privacy, wording
from fairhire.lm import ngram
from fairhire.originality import FUNCTION_MESSAGE, PATTERN_MESSAGE, from_package


def _define(source: str, name: str, namespace: dict | None = None):
    """Run ``source`` as a notebook cell would (module ``__main__``) and return ``name``."""
    namespace = {"__name__": "__main__", **(namespace or {})}
    exec(compile(textwrap.dedent(source), "<cell>", "exec"), namespace)
    return namespace[name]


def _fresh(module: str):
    """The object a hidden test sees: the package imported again after dropping it."""
    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "fairhire"}
    try:
        for key in saved:
            del sys.modules[key]
        import importlib

        return importlib.import_module(module)
    finally:
        sys.modules.update(saved)


FRESH_WORDING = _fresh("fairhire.wording")
FRESH_PRIVACY = _fresh("fairhire.privacy")
FRESH_NGRAM = _fresh("fairhire.lm.ngram")


@pytest.mark.parametrize(
    "answer",
    [
        wording.count_coded_words,
        functools.partial(wording.count_coded_words),
        _define("from fairhire.wording import count_coded_words as count_coded", "count_coded"),
        _define(
            "from fairhire import wording\n"
            "def count_coded(text, stems):\n    return wording.count_coded_words(text, stems)\n",
            "count_coded",
        ),
        _define(
            "import fairhire.wording\n"
            "count_coded = lambda text, stems: fairhire.wording.find_coded_words(text, stems).__len__()\n",
            "count_coded",
        ),
        _define(
            "from fairhire.wording import count_coded_words as _c\n"
            "def count_coded(text, stems, _f=_c):\n    return _f(text, stems)\n",
            "count_coded",
        ),
        _define(
            inspect.getsource(wording.count_coded_words).replace(
                "count_coded_words", "count_coded"
            ),
            "count_coded",
            {"find_coded_words": wording.find_coded_words, "Iterable": object},
        ),
    ],
    ids=["object", "partial", "alias", "wrapper", "module-lambda", "default-arg", "source-copy"],
)
def test_the_package_counter_is_recognised_after_a_fresh_import(answer):
    refs = (FRESH_WORDING.count_coded_words, FRESH_WORDING.find_coded_words)
    assert from_package(answer, *refs)


def test_a_copy_of_the_bigram_counter_is_recognised():
    source = inspect.getsource(ngram.count_bigrams).replace("def count_bigrams", "def count_pairs")
    copy = _define(
        "from collections import Counter\nfrom itertools import pairwise\n" + source, "count_pairs"
    )
    assert copy([("a"), "b", "a", "b"]) == ngram.count_bigrams(["a", "b", "a", "b"])
    assert from_package(copy, FRESH_NGRAM.count_bigrams)


@pytest.mark.parametrize("name", ["EMAIL_PATTERN", "PHONE_PATTERN", "POSTCODE_PATTERN"])
def test_the_package_patterns_are_recognised(name):
    ref = getattr(FRESH_PRIVACY, name)
    assert from_package(getattr(privacy, name), ref)
    assert from_package(str(getattr(privacy, name)), ref)  # typed over
    assert from_package(re.compile(getattr(privacy, name)), ref)
    assert not from_package(r"[\w.]+@\w+\.nl", ref)


HONEST = {
    "count_coded": """
        import re
        def count_coded(text, stems):
            words = re.findall(r"\\w+", text.lower())
            total = 0
            for word in words:
                if word.startswith(tuple(stems)):
                    total = total + 1
            return total
    """,
    "count_pairs": """
        def count_pairs(words):
            counts = {}
            for word, next_word in zip(words, words[1:]):
                pair = (word, next_word)
                counts[pair] = counts.get(pair, 0) + 1
            return counts
    """,
    "pseudonymise": """
        import re
        from fairhire.privacy import ADDRESS_PATTERN, DATE_PATTERN
        EMAIL_PATTERN = r"[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"
        def pseudonymise(text, names):
            text = re.sub(EMAIL_PATTERN, "[E-MAIL]", text)
            text = re.sub(DATE_PATTERN, "[GEBOORTEDATUM]", text)
            text = re.sub(ADDRESS_PATTERN, "[ADRES]", text)
            for name in names:
                text = text.replace(name, "[NAAM]")
            return text
    """,
}


@pytest.mark.parametrize("name", sorted(HONEST))
def test_an_answer_typed_by_the_learner_is_not_flagged(name):
    # the learner's namespace holds package objects too, as it does after the setup cell
    answer = _define(HONEST[name], name, {"privacy": privacy, "wording": wording, "check": check})
    refs = {
        "count_coded": (
            FRESH_WORDING.count_coded_words,
            FRESH_WORDING.find_coded_words,
            FRESH_WORDING.check_wording,
        ),
        "count_pairs": (FRESH_NGRAM.count_bigrams,),
        "pseudonymise": (FRESH_PRIVACY.pseudonymise, FRESH_PRIVACY.find_personal_data),
    }[name]
    assert not from_package(answer, *refs)
    check.own_work(answer, *(f"{r.__module__}.{r.__qualname__}" for r in refs))


def test_the_visible_check_says_it_in_dutch():
    with pytest.raises(check.Feedback, match=FUNCTION_MESSAGE):
        check.own_work(privacy.pseudonymise, "fairhire.privacy.pseudonymise")
    with pytest.raises(check.Feedback, match=re.escape(PATTERN_MESSAGE)):
        check.own_work(privacy.EMAIL_PATTERN, "fairhire.privacy.EMAIL_PATTERN")
