from fairhire.lm.corpus import load_corpus
from fairhire.lm.tokenizer import bpe_split, bpe_tokenize, join_words, learn_bpe, split_words


def test_split_words_lowercases_and_keeps_apostrophes_and_hyphens():
    assert split_words("Je werkt met collega's op mbo-niveau.") == [
        "je",
        "werkt",
        "met",
        "collega's",
        "op",
        "mbo-niveau",
        ".",
    ]


def test_join_words_undoes_split():
    sentence = "Wij zoeken een zorgzame verpleegkundige, voor het ziekenhuis."
    assert join_words(split_words(sentence)) == sentence


def test_learn_bpe_merges_the_most_frequent_pair_first():
    merges = learn_bpe(["abab", "abab", "ab", "cd"], n_merges=2)
    assert merges[0] == ("a", "b")
    assert merges[1] == ("ab", "ab")


def test_learn_bpe_stops_when_nothing_is_left_to_merge():
    assert learn_bpe(["ab"], n_merges=10) == [("a", "b")]


def _corpus_merges(n=300):
    return learn_bpe([w for s in load_corpus() for w in split_words(s)], n_merges=n)


def test_pieces_join_back_to_the_word():
    merges = _corpus_merges()
    for word in ["sollicitatiegesprek", "stressbestendig", "recruiter", "xyz"]:
        assert "".join(bpe_split(word, merges)) == word


def test_compound_splits_into_known_parts_and_frequent_word_stays_whole():
    merges = _corpus_merges()
    assert bpe_split("sollicitatiegesprek", merges) == ["sollicitatie", "gesprek"]
    assert bpe_split("verpleegkundige", merges) == ["verpleegkundige"]
    assert len(bpe_split("functieomschrijving", merges)) > 3  # unfamiliar: many small pieces


def test_fewer_merges_give_more_pieces():
    few, many = _corpus_merges(30), _corpus_merges(300)
    word = "sollicitatiegesprek"
    assert len(bpe_split(word, few)) > len(bpe_split(word, many))
    assert bpe_split(word, []) == list(word)


def test_bpe_tokenize_keeps_punctuation():
    merges = _corpus_merges()
    tokens = bpe_tokenize("Het sollicitatiegesprek.", merges)
    assert tokens[-1] == "." and "".join(tokens[:-1]) == "hetsollicitatiegesprek"
