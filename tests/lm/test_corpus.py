from collections import Counter

import pytest

from fairhire.lm.corpus import (
    OCCUPATIONS,
    STEREOTYPE_SHARE,
    build_corpus,
    load_corpus,
    occupation_names,
    stereotyped_pronoun,
)
from fairhire.lm.tokenizer import split_words


def test_same_seed_same_corpus_other_seed_other_corpus():
    assert build_corpus(seed=5, size=300) == build_corpus(seed=5, size=300)
    assert build_corpus(seed=5, size=300) != build_corpus(seed=6, size=300)


def test_default_corpus_is_a_fresh_list_of_sentences():
    corpus = load_corpus()
    assert len(corpus) == 2400
    assert all(s.endswith(".") and s[0].isupper() for s in corpus)
    corpus.append("extra.")
    assert load_corpus()[-1] != "extra."


def _pronoun_shares(corpus):
    shares = {}
    for occ in occupation_names():
        c = Counter()
        for sentence in corpus:
            words = split_words(sentence)
            if occ in words:
                c.update(w for w in words if w in ("hij", "zij"))
        shares[occ] = c["zij"] / (c["zij"] + c["hij"])
    return shares


def test_corpus_carries_the_stereotypes_it_promises():
    shares = _pronoun_shares(load_corpus())
    for occ in OCCUPATIONS:
        if occ.pronoun == "zij":
            assert shares[occ.name] > 0.75, occ.name
        elif occ.pronoun == "hij":
            assert shares[occ.name] < 0.25, occ.name
        else:
            assert 0.3 < shares[occ.name] < 0.7, occ.name
    assert STEREOTYPE_SHARE == 0.9


def test_sollicitatiegesprek_is_not_in_the_corpus_but_its_parts_are():
    words = Counter(w for s in load_corpus() for w in split_words(s))
    assert words["sollicitatiegesprek"] == 0
    assert words["sollicitatie"] > 10 and words["gesprek"] > 10


def test_stereotyped_pronoun_lookup():
    assert stereotyped_pronoun("verpleegkundige") == "zij"
    assert stereotyped_pronoun("monteur") == "hij"
    assert stereotyped_pronoun("planner") == ""
    with pytest.raises(KeyError, match="Onbekend beroep"):
        stereotyped_pronoun("astronaut")
