"""A tiny language model for module 1 that learners can look inside.

``corpus`` writes Dutch job ads and recruiter notes from templates (with
stereotypes on purpose), ``ngram`` counts next words and generates text,
``tokenizer`` cuts text into words and BPE subword tokens, ``stereotypes``
counts which pronoun goes with which occupation, ``widgets`` has the
temperature slider.
"""

from .corpus import build_corpus, load_corpus, occupation_names, stereotyped_pronoun
from .ngram import (
    NGramModel,
    apply_temperature,
    count_bigrams,
    generate,
    generate_many,
    most_likely_next_word,
    next_word_distribution,
    occurs_in_corpus,
    probabilities_from_counts,
    train,
)
from .stereotypes import pronoun_counts, pronoun_probabilities
from .tokenizer import bpe_split, bpe_tokenize, join_words, learn_bpe, split_words

__all__ = [
    "NGramModel",
    "apply_temperature",
    "bpe_split",
    "bpe_tokenize",
    "build_corpus",
    "count_bigrams",
    "generate",
    "generate_many",
    "join_words",
    "learn_bpe",
    "load_corpus",
    "most_likely_next_word",
    "next_word_distribution",
    "occupation_names",
    "occurs_in_corpus",
    "probabilities_from_counts",
    "pronoun_counts",
    "pronoun_probabilities",
    "split_words",
    "stereotyped_pronoun",
    "train",
]
