"""Explaining one applicant's score from a logistic-regression pipeline."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy.special import logit

from fairhire.models import contributions, make_screening_model, plot_contributions
from fairhire.models.screening import make_text_model

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def fitted(split):
    train, test = split
    return make_screening_model().fit(train, train["invited"]), train, test


def test_contributions_add_up_to_the_score(fitted):
    model, train, test = fitted
    applicant = test.iloc[5]
    contrib = contributions(model, applicant, train)
    expected = logit(model.predict_proba(test.iloc[[5]])[0, 1])
    assert contrib.attrs["score"] == pytest.approx(expected)
    assert contrib.attrs["baseline"] + contrib.sum() == pytest.approx(expected)


def test_one_value_per_input_column_sorted(fitted):
    model, train, test = fitted
    contrib = contributions(model, test.iloc[[0]], train)
    assert set(contrib.index) == {
        n.split("__")[0] for n in model.named_steps["prepare"].get_feature_names_out()
    }
    assert contrib.is_monotonic_increasing


def test_an_average_applicant_has_small_contributions(fitted):
    model, train, _ = fitted
    # compared with itself, a reference of one applicant explains nothing away
    one = train.iloc[[0]]
    assert np.allclose(contributions(model, one, one).to_numpy(), 0.0)


def test_numeric_contribution_is_coefficient_times_z(fitted):
    model, train, test = fitted
    applicant = test.iloc[[3]]
    scaler = model.named_steps["prepare"].named_transformers_["hours_per_week"]
    names = list(model.named_steps["prepare"].get_feature_names_out())
    coef = model.named_steps["model"].coef_[0][names.index("hours_per_week__hours_per_week")]
    z = (applicant["hours_per_week"].iloc[0] - scaler.mean_[0]) / scaler.scale_[0]
    z_ref = (train["hours_per_week"].mean() - scaler.mean_[0]) / scaler.scale_[0]
    assert contributions(model, applicant, train)["hours_per_week"] == pytest.approx(
        coef * (z - z_ref)
    )


def test_errors_are_dutch(fitted, split):
    model, train, test = fitted
    with pytest.raises(ValueError, match="precies één"):
        contributions(model, test.iloc[:2], train)
    with pytest.raises(ValueError, match="nog niet getraind"):
        contributions(make_screening_model(), test.iloc[0], train)
    with pytest.raises(TypeError, match="make_screening_model"):
        contributions(make_text_model(), test.iloc[0], train)


def test_plot_has_one_bar_per_column(fitted):
    model, train, test = fitted
    contrib = contributions(model, test.iloc[0], train)
    ax = plot_contributions(contrib, title="uitleg")
    assert len(ax.patches) == len(contrib)
    assert ax.get_title() == "uitleg"
