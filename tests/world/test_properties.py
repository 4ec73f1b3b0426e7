"""The six properties of the simulated world that the course depends on (DESIGN.md section 3).

Each runs with the default seed on the shipped data (or a large sample where a
distribution is compared), so a failure here means a lesson's numbers changed.
"""

from __future__ import annotations

import numpy as np
import pytest
from fairlearn.metrics import MetricFrame, selection_rate
from scipy.stats import ks_2samp
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from fairhire.world import (
    DATASETS,
    GENDERS,
    ORIGINS,
    QUALIFIED_THRESHOLD,
    check_datasets,
    read_csv_bytes,
    swap_names,
    to_csv_bytes,
)

# What a "blind" model sees: no gender, origin, age, names, contact data or CV text.
CATEGORICAL = ["vacancy", "postcode", "city", "education", "education_field", "dutch_level"]
NUMERIC = ["years_experience", "career_gap_months", "hours_per_week"]
MOST_PENALISED = ["Marokkaans-Nederlands", "Surinaams-Nederlands"]


def impact_ratios(y_pred, groups, y_true=None) -> dict[str, float]:
    """Selection rate of each group divided by the highest group's rate (fairlearn)."""
    y_true = y_pred if y_true is None else y_true
    mf = MetricFrame(
        metrics=selection_rate, y_true=y_true, y_pred=y_pred, sensitive_features=groups
    )
    return (mf.by_group / mf.by_group.max()).to_dict()


def blind_model():
    features = ColumnTransformer(
        [
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ("num", StandardScaler(), NUMERIC),
        ]
    )
    return make_pipeline(features, LogisticRegression(max_iter=2000))


def top_share(scores: np.ndarray, share: float) -> np.ndarray:
    """Select the top ``share`` of scores, as a screener with a fixed capacity does."""
    return scores >= np.quantile(scores, 1 - share)


def truly_suitable(df) -> np.ndarray:
    return (df["suitability"] >= QUALIFIED_THRESHOLD).astype(int).to_numpy()


@pytest.fixture(scope="module")
def blind_models(history_split):
    train, test = history_split
    biased = blind_model().fit(train[CATEGORICAL + NUMERIC], train["invited"])
    fair = blind_model().fit(train[CATEGORICAL + NUMERIC], truly_suitable(train))
    return biased, fair


# 1 ------------------------------------------------------------------------------
@pytest.mark.parametrize("column, values", [("gender", GENDERS), ("origin", ORIGINS)])
def test_1_suitability_is_the_same_in_every_group(large, history, column, values):
    for value in values:
        inside = large.loc[large[column] == value, "suitability"]
        outside = large.loc[large[column] != value, "suitability"]
        assert ks_2samp(inside, outside).pvalue > 0.001, value
        assert abs(inside.mean() - outside.mean()) < 0.5, value
        q = np.quantile(inside, [0.1, 0.5, 0.9]) - np.quantile(outside, [0.1, 0.5, 0.9])
        assert np.abs(q).max() < 1.0, value
    # and in the shipped history, within sampling noise of its smallest group
    means = history.groupby(column)["suitability"].mean()
    assert means.max() - means.min() < 3.0


# 2 ------------------------------------------------------------------------------
def test_2_past_recruiters_were_biased(history):
    by_origin = impact_ratios(history["invited"], history["origin"])
    for group in MOST_PENALISED:
        assert by_origin[group] < 0.7, (group, by_origin[group])
    assert max(by_origin, key=by_origin.get) == "Nederlands"
    # smaller penalties for age 50+ and (through gaps and part-time) for women
    rate = history.groupby("age_band")["invited"].mean()
    assert rate["50+"] < rate["40-49"]
    assert 0.7 < rate["50+"] / rate["40-49"] < 0.95
    by_gender = impact_ratios(history["invited"], history["gender"])
    assert 0.8 < by_gender["vrouw"] < 1.0
    assert by_gender["vrouw"] > max(by_origin[g] for g in MOST_PENALISED)


# 3 ------------------------------------------------------------------------------
def test_3_dropping_protected_columns_does_not_remove_the_bias(history_split, blind_models):
    train, test = history_split
    biased, _ = blind_models
    scores = biased.predict_proba(test[CATEGORICAL + NUMERIC])[:, 1]
    selected = top_share(scores, train["invited"].mean())
    ratios = impact_ratios(selected, test["origin"])
    for group in MOST_PENALISED:
        assert ratios[group] < 0.8, (group, ratios[group])


# 4 ------------------------------------------------------------------------------
def test_4_the_biased_model_is_worse_than_a_fair_one(history_split, blind_models):
    train, test = history_split
    biased, fair = blind_models
    truth = truly_suitable(test)
    x = test[CATEGORICAL + NUMERIC]
    s_biased, s_fair = biased.predict_proba(x)[:, 1], fair.predict_proba(x)[:, 1]
    assert roc_auc_score(truth, s_fair) > roc_auc_score(truth, s_biased) + 0.02
    share = train["invited"].mean()
    assert accuracy_score(truth, top_share(s_fair, share)) > accuracy_score(
        truth, top_share(s_biased, share)
    )
    # and the fair model is also fairer
    fair_ratios = impact_ratios(top_share(s_fair, share), test["origin"])
    assert all(fair_ratios[g] > 0.75 for g in MOST_PENALISED), fair_ratios


# 5 ------------------------------------------------------------------------------
def test_5_swapping_only_the_name_changes_text_model_decisions(history_split):
    train, test = history_split
    model = make_pipeline(CountVectorizer(min_df=2), LogisticRegression(solver="liblinear"))
    model.fit(train["cv_text"], train["invited"])
    cut = np.quantile(model.predict_proba(test["cv_text"])[:, 1], 1 - train["invited"].mean())
    for source, target in [
        ("Nederlands", "Marokkaans-Nederlands"),
        ("Marokkaans-Nederlands", "Nederlands"),
    ]:
        group = test[test["origin"] == source]
        swapped = swap_names(group, to_origin=target, random_state=1)
        before = model.predict_proba(group["cv_text"])[:, 1] >= cut
        after = model.predict_proba(swapped["cv_text"])[:, 1] >= cut
        assert (before != after).mean() > 0.02, (source, target)
    # the direction matches the history: Dutch names are favoured
    dutch = test[test["origin"] == "Nederlands"]
    to_moroccan = swap_names(dutch, to_origin="Marokkaans-Nederlands", random_state=1)
    assert (
        model.predict_proba(to_moroccan["cv_text"])[:, 1].mean()
        < model.predict_proba(dutch["cv_text"])[:, 1].mean()
    )


# 6 ------------------------------------------------------------------------------
def test_6_same_seed_same_bytes(root):
    assert check_datasets() == []
    for name, spec in DATASETS.items():
        again = to_csv_bytes(spec.build())  # a second, independent generation
        assert again == (root / "datasets" / name).read_bytes(), name
        assert to_csv_bytes(read_csv_bytes(again)) == again, name
