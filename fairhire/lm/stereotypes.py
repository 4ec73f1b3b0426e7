"""Find the corpus's stereotypes back: which pronoun goes with which occupation.

Two views, both plain counting: in a list of sentences (the corpus, or what
the model wrote) and in the model's own next-word probabilities after a
prompt such as "als verpleegkundige is".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .corpus import occupation_names
from .ngram import NGramModel, next_word_distribution
from .tokenizer import split_words


def pronoun_counts(
    sentences: Iterable[str], occupations: Sequence[str] | None = None
) -> pd.DataFrame:
    """Count sentences that name an occupation together with "zij" or "hij".

    Returns
    -------
    pandas.DataFrame
        Index ``occupation``; columns ``zij``, ``hij`` (numbers of sentences)
        and ``share_zij`` (zij / (zij + hij); empty when neither occurs).
    """
    occupations = list(occupations or occupation_names())
    counts = {occ: {"zij": 0, "hij": 0} for occ in occupations}
    for sentence in sentences:
        words = set(split_words(sentence))
        for occ in occupations:
            if occ in words:
                for pron in ("zij", "hij"):
                    counts[occ][pron] += pron in words
    table = pd.DataFrame.from_dict(counts, orient="index")
    table.index.name = "occupation"
    total = table["zij"] + table["hij"]
    table["share_zij"] = (table["zij"] / total.where(total > 0)).round(2)
    return table


def pronoun_probabilities(
    model: NGramModel, occupations: Sequence[str] | None = None, prompt: str = "als {} is"
) -> pd.DataFrame:
    """The model's probability of "zij" and "hij" right after a prompt per occupation.

    Returns
    -------
    pandas.DataFrame
        Index ``occupation``; columns ``p_zij`` and ``p_hij``.
    """
    rows = {}
    for occ in occupations or occupation_names():
        dist = next_word_distribution(model, prompt.format(occ))
        rows[occ] = {
            "p_zij": round(dist.get("zij", 0.0), 2),
            "p_hij": round(dist.get("hij", 0.0), 2),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "occupation"
    return table
