from fairhire.lm.corpus import load_corpus
from fairhire.lm.ngram import train
from fairhire.lm.stereotypes import pronoun_counts, pronoun_probabilities


def test_pronoun_counts_counts_sentences():
    table = pronoun_counts(
        ["Zij is monteur.", "Hij is monteur en hij repareert.", "Zij is kapper."],
        ["monteur", "kapper", "planner"],
    )
    assert table.loc["monteur", "zij"] == 1 and table.loc["monteur", "hij"] == 1
    assert table.loc["monteur", "share_zij"] == 0.5
    assert table.loc["kapper", "share_zij"] == 1.0
    assert table["share_zij"].isna()["planner"]


def test_pronoun_probabilities_show_the_corpus_stereotype():
    table = pronoun_probabilities(train(load_corpus(), order=3))
    assert table.loc["verpleegkundige", "p_zij"] > 0.75
    assert table.loc["monteur", "p_hij"] > 0.75
    assert abs(table.loc["planner", "p_zij"] - table.loc["planner", "p_hij"]) < 0.3
