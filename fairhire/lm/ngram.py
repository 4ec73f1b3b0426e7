"""A word-level n-gram language model that learners can look inside.

The model counts which word follows which (a bigram model looks at one
previous word, a trigram model at two) and turns the counts into next-word
probabilities. Generating text is repeatedly drawing a next word. This is
next-word prediction, the same task a large language model is trained on,
with counting instead of a neural network. It is hand-written because no
installed library offers a model this small and readable (nltk.lm is not a
dependency of the course).

A full stop "." marks both the end and, as padding, the start of a sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np

from ..memo import shared
from .tokenizer import join_words, split_words

START = "."  # padding before a sentence; also the token that ends one
MAX_WORDS = 30


def count_bigrams(tokens: Sequence[str]) -> Counter:
    """Count how often each pair of neighbouring words occurs.

    Parameters
    ----------
    tokens : sequence of str
        Words in reading order, e.g. ``split_words("je bent flexibel")``.

    Returns
    -------
    collections.Counter
        ``(word, next_word) -> count``.

    >>> count_bigrams(["je", "bent", "je", "bent"])[("je", "bent")]
    2
    """
    pairs = Counter()
    for word, next_word in pairwise(tokens):
        pairs[(word, next_word)] += 1
    return pairs


def probabilities_from_counts(counts: Mapping[str, int]) -> dict[str, float]:
    """Turn counts of next words into probabilities (each count / the total).

    Returns the words from most to least likely (ties alphabetically).

    >>> probabilities_from_counts({"bent": 3, "hebt": 1})
    {'bent': 0.75, 'hebt': 0.25}
    """
    total = sum(counts.values())
    if total <= 0:
        raise ValueError("Er zijn geen tellingen om kansen van te maken.")
    return {w: c / total for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))}


@dataclass
class NGramModel:
    """Counts of next words per context.

    ``counts[context]`` is a ``Counter`` of the words that followed
    ``context`` (a tuple of 1 up to ``order - 1`` words) in the training text.
    """

    order: int
    counts: dict[tuple[str, ...], Counter] = field(default_factory=dict)

    @property
    def vocabulary(self) -> set[str]:
        """Every word the model has seen."""
        return {w for counter in self.counts.values() for w in counter}

    def next_counts(self, context: str | Sequence[str] = "") -> Counter:
        """The counts of next words after ``context`` (see :func:`resolve_context`)."""
        return self.counts[resolve_context(self, context)]


def _padded(words: list[str], order: int) -> list[str]:
    if not words or words[-1] != START:
        words = words + [START]
    return [START] * (order - 1) + words


@shared  # fairhire grade: given cells and hidden tests train the same model (fairhire.memo)
def train(sentences: Iterable[str], order: int = 2) -> NGramModel:
    """Count next words in a list of sentences.

    Parameters
    ----------
    sentences : iterable of str
        The training text, one sentence per item.
    order : int
        2 for a bigram model (one word of context), 3 for a trigram model.
        Shorter contexts are counted too, so that a trigram model can fall
        back on one word of context.
    """
    if order < 2:
        raise ValueError("Een n-grammodel heeft minstens orde 2 (één woord context).")
    model = NGramModel(order=order)
    for sentence in sentences:
        padded = _padded(split_words(sentence), order)
        for j in range(order - 1, len(padded)):
            for k in range(1, order):
                context = tuple(padded[j - k : j])
                model.counts.setdefault(context, Counter())[padded[j]] += 1
    return model


def resolve_context(model: NGramModel, context: str | Sequence[str] = "") -> tuple[str, ...]:
    """The context the model uses for ``context``.

    An empty context means the start of a sentence. Otherwise the last
    ``order - 1`` words count; if the model never saw them together it falls
    back on fewer words ("backoff"), down to one word. A word it never saw at
    all is a Dutch ``KeyError``.
    """
    words = split_words(context) if isinstance(context, str) else [w.lower() for w in context]
    if not words:
        return (START,) * (model.order - 1)
    words = words[-(model.order - 1) :]
    while words:
        key = tuple(words)
        if key in model.counts:
            return key
        words = words[1:]
    raise KeyError(
        f"Het model kent het woord {context!r} niet: het kwam niet voor in de "
        "teksten waarmee het is getraind."
    )


def apply_temperature(probabilities: Mapping[str, float], temperature: float) -> dict[str, float]:
    """Reshape probabilities with a temperature.

    Each probability p becomes p ** (1 / temperature), then all are scaled to
    sum to 1. Below 1 the likely words get more likely (at 0: only the most
    likely word, ties shared); above 1 the distribution flattens.
    """
    if temperature < 0 or math.isnan(temperature):
        raise ValueError("De temperatuur moet 0 of groter zijn.")
    words = list(probabilities)
    logp = np.log(np.array([probabilities[w] for w in words], dtype=float))
    if temperature == 0:
        weights = (logp == logp.max()).astype(float)
    else:
        scaled = logp / temperature
        weights = np.exp(scaled - scaled.max())  # subtract the max so nothing overflows
    weights /= weights.sum()
    return {
        w: float(p)
        for w, p in sorted(zip(words, weights, strict=True), key=lambda wp: (-wp[1], wp[0]))
    }


def next_word_distribution(
    model: NGramModel, context: str | Sequence[str] = "", temperature: float = 1.0
) -> dict[str, float]:
    """Probabilities of the next word after ``context``, most likely first.

    Parameters
    ----------
    model : NGramModel
    context : str or sequence of str
        The words so far; "" is the start of a sentence.
    temperature : float
        1 keeps the counted probabilities; lower sharpens, higher flattens.
    """
    return apply_temperature(probabilities_from_counts(model.next_counts(context)), temperature)


def most_likely_next_word(model: NGramModel, context: str | Sequence[str] = "") -> str:
    """The single most likely next word (ties: alphabetically first)."""
    return next(iter(next_word_distribution(model, context)))


def _draw(distribution: Mapping[str, float], rng: np.random.Generator) -> str:
    words = list(distribution)
    return words[int(rng.choice(len(words), p=np.array(list(distribution.values()))))]


def _sentence(
    model: NGramModel, start: str, temperature: float, rng: np.random.Generator, max_words: int
) -> str:
    words = [START] * (model.order - 1) + split_words(start)
    if len(words) >= model.order and words[-1] == START:
        return join_words(words[model.order - 1 :])  # the start is already a whole sentence
    for _ in range(max_words):
        words.append(_draw(next_word_distribution(model, words, temperature), rng))
        if words[-1] == START:
            break
    return join_words(words[model.order - 1 :])


def generate(
    model: NGramModel,
    start: str = "",
    temperature: float = 1.0,
    seed: int = 0,
    max_words: int = MAX_WORDS,
) -> str:
    """Write one sentence by drawing next words until a full stop.

    Parameters
    ----------
    model : NGramModel
    start : str
        Words the sentence begins with ("" lets the model choose).
    temperature : float
        See :func:`apply_temperature`; 0 always takes the most likely word.
    seed : int
        The same seed gives the same sentence.
    max_words : int
        Stop after this many new words, even without a full stop.
    """
    return _sentence(model, start, temperature, np.random.default_rng(seed), max_words)


def generate_many(
    model: NGramModel,
    n: int,
    start: str = "",
    temperature: float = 1.0,
    seed: int = 0,
    max_words: int = MAX_WORDS,
) -> list[str]:
    """Write ``n`` sentences with one random generator (reproducible with ``seed``)."""
    rng = np.random.default_rng(seed)
    return [_sentence(model, start, temperature, rng, max_words) for _ in range(n)]


@lru_cache(maxsize=8)
def _sentence_set(corpus: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(split_words(s)) for s in corpus)


def occurs_in_corpus(sentence: str, corpus: Sequence[str]) -> bool:
    """Whether ``sentence`` is word for word one of the sentences of ``corpus``.

    Capitals and spacing do not matter; every word and punctuation mark does.
    """
    return tuple(split_words(sentence)) in _sentence_set(tuple(corpus))
