import math
from collections import Counter

import pytest

from fairhire.lm.corpus import load_corpus
from fairhire.lm.ngram import (
    apply_temperature,
    count_bigrams,
    generate,
    generate_many,
    most_likely_next_word,
    next_word_distribution,
    occurs_in_corpus,
    probabilities_from_counts,
    resolve_context,
    train,
)

TINY = ["Je bent flexibel.", "Je bent zorgzaam.", "Je hebt rijbewijs b.", "Wij zoeken je."]


@pytest.fixture(scope="module")
def bigram():
    return train(load_corpus(), order=2)


@pytest.fixture(scope="module")
def trigram():
    return train(load_corpus(), order=3)


def test_count_bigrams_counts_neighbours_only():
    counts = count_bigrams(["je", "bent", "je", "bent", "flexibel"])
    assert counts == Counter({("je", "bent"): 2, ("bent", "je"): 1, ("bent", "flexibel"): 1})
    assert count_bigrams(["alleen"]) == Counter()


def test_probabilities_divide_by_the_total_and_sort():
    probs = probabilities_from_counts({"hebt": 1, "bent": 3})
    assert list(probs) == ["bent", "hebt"]
    assert probs == {"bent": 0.75, "hebt": 0.25}
    with pytest.raises(ValueError):
        probabilities_from_counts({})


def test_train_counts_next_words_with_sentence_padding():
    model = train(TINY, order=2)
    assert model.counts[("je",)] == Counter({"bent": 2, "hebt": 1, ".": 1})
    assert model.counts[(".",)] == Counter({"je": 3, "wij": 1})  # sentence starts
    tri = train(TINY, order=3)
    assert tri.counts[("je", "bent")] == Counter({"flexibel": 1, "zorgzaam": 1})
    assert tri.counts[(".", ".")]["je"] == 3
    assert tri.counts[("bent",)] == Counter({"flexibel": 1, "zorgzaam": 1})  # backoff level


def test_train_rejects_order_one():
    with pytest.raises(ValueError):
        train(TINY, order=1)


def test_distribution_sums_to_one_everywhere(trigram):
    for context in list(trigram.counts)[:200]:
        dist = next_word_distribution(trigram, list(context))
        assert math.isclose(sum(dist.values()), 1.0)
        assert all(p > 0 for p in dist.values())


def test_distribution_matches_counts(bigram):
    counts = bigram.counts[("je",)]
    dist = next_word_distribution(bigram, "je")
    total = sum(counts.values())
    for word, count in counts.items():
        assert math.isclose(dist[word], count / total)
    assert most_likely_next_word(bigram, "je") == max(counts, key=counts.get)


def test_temperature_towards_zero_picks_the_argmax(bigram):
    dist = next_word_distribution(bigram, "je")
    top = max(dist, key=dist.get)
    cold = next_word_distribution(bigram, "je", temperature=0.01)
    assert cold[top] > 0.99
    frozen = next_word_distribution(bigram, "je", temperature=0)
    assert frozen[top] == 1.0 and sum(frozen.values()) == 1.0


def test_high_temperature_flattens(bigram):
    dist = next_word_distribution(bigram, "je", temperature=1)
    hot = next_word_distribution(bigram, "je", temperature=3)
    top = max(dist, key=dist.get)
    rare = min(dist, key=dist.get)
    assert hot[top] < dist[top] and hot[rare] > dist[rare]
    assert math.isclose(sum(hot.values()), 1.0)
    assert list(hot) == list(dist)  # the order of words does not change
    uniform = 1 / len(dist)
    very_hot = next_word_distribution(bigram, "je", temperature=1000)
    assert all(abs(p - uniform) < 0.01 for p in very_hot.values())


def test_temperature_shares_ties_and_rejects_negative():
    assert apply_temperature({"a": 0.4, "b": 0.4, "c": 0.2}, 0) == {"a": 0.5, "b": 0.5, "c": 0.0}
    with pytest.raises(ValueError):
        apply_temperature({"a": 1.0}, -1)


def test_context_backs_off_and_unknown_word_is_a_dutch_error(trigram):
    assert resolve_context(trigram, "") == (".", ".")
    assert resolve_context(trigram, "zij is") == ("zij", "is")
    assert resolve_context(trigram, "je") == ("je",)
    # "flexibel is" never occurs, so the model falls back on "is"
    assert ("flexibel", "is") not in trigram.counts
    assert resolve_context(trigram, "flexibel is") == ("is",)
    with pytest.raises(KeyError, match="kent het woord"):
        resolve_context(trigram, "blockchain")


def test_generation_is_deterministic_with_a_seed(trigram):
    assert generate(trigram, seed=3) == generate(trigram, seed=3)
    many = generate_many(trigram, 20, seed=4)
    assert many == generate_many(trigram, 20, seed=4)
    assert many != generate_many(trigram, 20, seed=5)
    assert all(s.endswith(".") for s in many)


def test_generation_starts_with_the_prompt_and_greedy_is_fixed(trigram):
    sentence = generate(trigram, start="wij zoeken", seed=1)
    assert sentence.startswith("Wij zoeken ")
    greedy = {generate(trigram, start="je", temperature=0, seed=s) for s in range(5)}
    assert len(greedy) == 1
    assert generate(trigram, start="Je bent flexibel.", seed=1) == "Je bent flexibel."


def test_generation_stops_at_max_words(bigram):
    sentence = generate(bigram, temperature=3, seed=2, max_words=4)
    assert len(sentence.split()) <= 4


def test_model_writes_new_sentences_and_some_old_ones(trigram):
    corpus = load_corpus()
    sentences = generate_many(trigram, 200, seed=7)
    new = [s for s in sentences if not occurs_in_corpus(s, corpus)]
    assert 0.2 < len(new) / len(sentences) < 0.95
    assert occurs_in_corpus(corpus[0].upper(), corpus)
    assert not occurs_in_corpus(corpus[0][:-1] + " vandaag.", corpus)


def test_trigram_repeats_the_stereotype(trigram):
    nurse = next_word_distribution(trigram, "als verpleegkundige is")
    mechanic = next_word_distribution(trigram, "als monteur is")
    assert nurse.get("zij", 0) > 0.75 and mechanic.get("hij", 0) > 0.75
    # a bigram model sees only "is" and cannot tell them apart
    bigram = train(load_corpus(), order=2)
    assert next_word_distribution(bigram, "als verpleegkundige is") == next_word_distribution(
        bigram, "als monteur is"
    )
