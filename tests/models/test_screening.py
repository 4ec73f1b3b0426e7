"""Screening pipelines: which columns they see, and that they learn."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.pipeline import Pipeline

from fairhire.models import (
    FEATURES,
    NO_PROXY_FEATURES,
    PROTECTED,
    UNAWARE_FEATURES,
    make_screening_model,
    make_text_model,
    scores,
    split_history,
    word_weights,
)
from fairhire.models.screening import split_items


def _seen_columns(model: Pipeline) -> set[str]:
    return {name.split("__")[0] for name in model.named_steps["prepare"].get_feature_names_out()}


def test_feature_lists_nest():
    assert not set(PROTECTED) & set(UNAWARE_FEATURES)
    assert set(NO_PROXY_FEATURES) < set(UNAWARE_FEATURES) < set(FEATURES)
    assert {"postcode", "hours_per_week", "career_gap_months"} <= set(UNAWARE_FEATURES)
    assert not {"postcode", "hours_per_week", "career_gap_months"} & set(NO_PROXY_FEATURES)


def test_model_sees_only_the_columns_it_is_given(split):
    train, _ = split
    model = make_screening_model(UNAWARE_FEATURES).fit(train, train["invited"])
    assert _seen_columns(model) == set(UNAWARE_FEATURES)
    full = make_screening_model().fit(train, train["invited"])
    assert _seen_columns(full) == set(FEATURES)


def test_model_learns_the_history_better_than_a_coin(split):
    train, test = split
    model = make_screening_model().fit(train, train["invited"])
    predicted = model.predict(test)
    assert set(np.unique(predicted)) <= {0, 1}
    majority = max(test["invited"].mean(), 1 - test["invited"].mean())
    assert (predicted == test["invited"]).mean() > majority
    s = scores(model, test)
    assert s.shape == (len(test),) and ((s >= 0) & (s <= 1)).all()


def test_unknown_feature_gives_a_dutch_error():
    with pytest.raises(ValueError, match="kan het model niet gebruiken"):
        make_screening_model(["salaris"])
    with pytest.raises(ValueError, match="minstens één kolom"):
        make_screening_model([])


def test_list_columns_become_items():
    assert split_items("HACCP; heftruck") == ["haccp", "heftruck"]
    assert split_items("lezen, koken") == ["lezen", "koken"]
    assert split_items("") == []


def test_split_is_disjoint_and_stratified(history):
    train, test = split_history(history, test_size=0.25, random_state=3)
    assert len(train) + len(test) == len(history)
    assert not set(train["applicant_id"]) & set(test["applicant_id"])
    assert abs(train["invited"].mean() - test["invited"].mean()) < 0.01
    with pytest.raises(KeyError):
        split_history(history, label="uitgenodigd")


def test_text_model_learns_a_planted_word():
    rng = np.random.default_rng(0)
    words = np.array(["bakker", "planner", "analist", "adviseur", "deeg", "rooster"])
    texts = [" ".join(rng.choice(words, 5)) for _ in range(400)]
    # plant: every third CV mentions 'vrouwenvoetbal', and those were never invited
    planted = np.arange(400) % 3 == 0
    texts = [t + " vrouwenvoetbal" if p else t for t, p in zip(texts, planted, strict=True)]
    label = np.where(planted, 0, (rng.random(400) < 0.6).astype(int))
    model = make_text_model(min_df=2).fit(texts, label)
    weights = word_weights(model)
    assert weights.index[0] == "vrouwenvoetbal"
    assert weights.is_monotonic_increasing
    assert isinstance(weights, pd.Series)


def test_items_encoder_gives_one_column_per_item():
    from fairhire.models.screening import ItemsEncoder

    enc = ItemsEncoder().fit(pd.Series(["HACCP; heftruck", "", "heftruck"]))
    assert list(enc.get_feature_names_out()) == ["haccp", "heftruck"]
    out = enc.transform(pd.Series(["heftruck; VCA", "haccp", ""]))
    np.testing.assert_array_equal(out, [[0, 1], [1, 0], [0, 0]])  # VCA was not seen: ignored
    both = enc.transform(pd.DataFrame({"skills": ["HACCP; heftruck"]}))
    np.testing.assert_array_equal(both, [[1, 1]])


def test_fit_text_model_is_the_text_model_fitted():
    from fairhire.models.screening import fit_text_model
    from fairhire.world import load_history

    history = load_history().head(1500)
    shared = word_weights(fit_text_model(history["cv_text"], history["invited"]))
    own = word_weights(make_text_model().fit(history["cv_text"], history["invited"]))
    pd.testing.assert_series_equal(shared, own)
