"""Reweighing and the comparison of mitigations on one split."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from fairhire.audit import min_impact_ratio
from fairhire.models import (
    METHODS,
    compare_by_group,
    compare_decisions,
    mitigation_decisions,
    plot_tradeoff,
    reweighing_weights,
    truly_suitable,
)
from fairhire.world import make_applicants

matplotlib.use("Agg")


def test_reweighing_follows_kamiran_calders():
    group = ["p"] * 6 + ["q"] * 4
    label = [1, 1, 1, 1, 0, 0] + [1, 0, 0, 0]
    w = reweighing_weights(group, label)
    # W(s, c) = n_s * n_c / (n * n_sc); n = 10, n_pos = 5, n_neg = 5
    assert w[0] == pytest.approx(6 * 5 / (10 * 4))
    assert w[4] == pytest.approx(6 * 5 / (10 * 2))
    assert w[6] == pytest.approx(4 * 5 / (10 * 1))
    assert w[7] == pytest.approx(4 * 5 / (10 * 3))


def test_reweighing_makes_group_and_label_independent(history):
    w = reweighing_weights(history["origin"], history["invited"])
    frame = pd.DataFrame({"g": history["origin"], "y": history["invited"], "w": w})
    weighted = frame.groupby("g").apply(
        lambda d: np.average(d["y"], weights=d["w"]), include_groups=False
    )
    assert weighted.max() - weighted.min() < 1e-9
    assert weighted.iloc[0] == pytest.approx(history["invited"].mean())
    assert w.sum() == pytest.approx(len(history))


def test_reweighing_checks_its_input():
    with pytest.raises(ValueError, match="even lang"):
        reweighing_weights(["a", "b"], [1, 0, 1])
    with pytest.raises(ValueError, match="nullen en enen"):
        reweighing_weights(["a", "b"], [0.3, 0.9])


@pytest.fixture(scope="module")
def decisions(split):
    train, test = split
    return mitigation_decisions(train, test, group="origin")


def test_every_method_decides_for_every_test_row(decisions, split):
    _, test = split
    assert list(decisions) == list(METHODS)
    for name, decided in decisions.items():
        assert len(decided) == len(test), name
        assert set(np.unique(decided)) <= {0, 1}, name


def test_group_constraints_raise_the_lowest_impact_ratio():
    # trained on a history large enough for the postcode proxy to be learnt, and judged on a
    # large fresh sample, so that small groups do not make the ratios noisy
    train = make_applicants(8000, with_cv_text=False, random_state=4)
    fresh = make_applicants(20_000, with_cv_text=False, random_state=5)
    decided = mitigation_decisions(
        train,
        fresh,
        group="origin",
        methods=["blind", "ThresholdOptimizer", "ExponentiatedGradient"],
    )
    ratio = {
        name: min_impact_ratio(fresh, group="origin", decision=d) for name, d in decided.items()
    }
    assert ratio["blind"] < 0.8
    assert ratio["ThresholdOptimizer"] > ratio["blind"] + 0.1
    assert ratio["ExponentiatedGradient"] > ratio["blind"] + 0.1


def test_better_label_is_closer_to_the_truth(decisions, split):
    _, test = split
    truth = truly_suitable(test)
    blind = (decisions["blind"] == truth).mean()
    better = (decisions["beter label"] == truth).mean()
    assert better > blind


def test_compare_decisions_table(decisions, split):
    _, test = split
    table = compare_decisions(test, decisions, group="origin")
    assert list(table.index) == list(METHODS)
    assert list(table.columns) == [
        "selection_rate",
        "min_impact_ratio",
        "tpr_gap",
        "accuracy_history",
        "accuracy_truth",
    ]
    row = table.loc["blind"]
    assert row["accuracy_history"] == pytest.approx((decisions["blind"] == test["invited"]).mean())
    assert row["min_impact_ratio"] == pytest.approx(
        min_impact_ratio(test, group="origin", decision=decisions["blind"])
    )
    assert (table[["selection_rate", "min_impact_ratio", "accuracy_truth"]] >= 0).all().all()


def test_compare_by_group_has_a_row_per_method_and_group(decisions, split):
    _, test = split
    table = compare_by_group(test, decisions, group="origin")
    assert len(table) == len(METHODS) * test["origin"].nunique()
    sel = table.loc[("blind", "Nederlands"), "selection_rate"]
    dutch = test["origin"].to_numpy() == "Nederlands"
    assert sel == pytest.approx(decisions["blind"][dutch].mean())


def test_unknown_method_is_refused(split):
    train, test = split
    with pytest.raises(KeyError, match="Onbekende methode"):
        mitigation_decisions(train, test, methods=["toveren"])


def test_tradeoff_plot_has_a_dot_per_method(decisions, split):
    _, test = split
    table = compare_decisions(test, decisions)
    ax = plot_tradeoff(table)
    assert len(ax.collections) == len(table)  # one dot per method
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(table.index)


def test_comparison_agrees_with_fairlearns_metricframe(decisions, split):
    from fairhire.audit import group_metrics

    _, test = split
    truth = truly_suitable(test)
    table = compare_by_group(test, decisions, group="origin", truth=truth)
    for name in ("blind", "beter label"):
        mf = group_metrics(test, group="origin", decision=decisions[name], truth=truth)
        for column in ("selection_rate", "true_positive_rate"):
            ours = table.loc[name][column].sort_index()
            theirs = mf.by_group[column].astype(float).sort_index()
            np.testing.assert_allclose(ours.to_numpy(), theirs.to_numpy())
