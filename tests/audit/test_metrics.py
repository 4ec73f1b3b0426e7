"""Group metrics: selection rates, impact ratios, four-fifths, true-positive rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import MetricFrame, demographic_parity_ratio

from fairhire.audit import (
    audit_table,
    four_fifths,
    group_metrics,
    impact_ratios,
    min_impact_ratio,
    rates_at_threshold,
    selection_rates,
    true_positive_rates,
)


@pytest.fixture
def frame() -> pd.DataFrame:
    # group a: 10 applicants, 5 invited; group b: 10 applicants, 3 invited.
    return pd.DataFrame(
        {
            "gender": ["vrouw"] * 10 + ["man"] * 10,
            "origin": (["x"] * 5 + ["y"] * 5) * 2,
            "group": ["a"] * 10 + ["b"] * 10,
            "invited": [1, 1, 1, 1, 1, 0, 0, 0, 0, 0] + [1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
            "suitable": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0] + [1, 1, 0, 1, 1, 1, 0, 0, 0, 0],
            "score": np.arange(20) / 20,
        }
    )


def test_selection_rates_are_the_share_selected_per_group(frame):
    rates = selection_rates(frame, group="group", decision="invited")
    assert rates.to_dict() == {"a": 0.5, "b": 0.3}
    assert rates.name == "selection_rate"


def test_decision_may_be_an_array_of_predictions(frame):
    decided = np.zeros(len(frame), dtype=int)
    decided[:2] = 1
    rates = selection_rates(frame, group="group", decision=decided)
    assert rates.to_dict() == {"a": 0.2, "b": 0.0}


def test_boolean_decisions_count_as_zero_one(frame):
    rates = selection_rates(frame, group="group", decision=frame["invited"] == 1)
    assert rates["a"] == 0.5


def test_impact_ratios_divide_by_the_highest_rate(frame):
    ratios = impact_ratios(frame, group="group", decision="invited")
    assert ratios["a"] == 1.0
    assert ratios["b"] == pytest.approx(0.6)


def test_impact_ratios_against_a_chosen_reference(frame):
    ratios = impact_ratios(frame, group="group", decision="invited", reference="b")
    assert ratios["a"] == pytest.approx(0.5 / 0.3)
    with pytest.raises(KeyError, match="komt niet voor"):
        impact_ratios(frame, group="group", decision="invited", reference="c")


def test_min_impact_ratio_equals_fairlearns_demographic_parity_ratio(frame):
    expected = demographic_parity_ratio(
        frame["invited"], frame["invited"], sensitive_features=frame["group"]
    )
    assert min_impact_ratio(frame, group="group", decision="invited") == pytest.approx(expected)


def test_four_fifths_flags_groups_under_eighty_percent(frame):
    table = four_fifths(frame, group="group", decision="invited")
    assert list(table.columns) == ["n", "selection_rate", "impact_ratio", "passes"]
    assert table.loc["a", "passes"] and not table.loc["b", "passes"]
    assert table["n"].tolist() == [10, 10]
    lenient = four_fifths(frame, group="group", decision="invited", threshold=0.5)
    assert lenient["passes"].all()


def test_intersectional_groups_use_a_list_of_columns(frame):
    rates = selection_rates(frame, group=["gender", "origin"], decision="invited")
    assert rates.index.names == ["gender", "origin"]
    assert rates[("vrouw", "x")] == 1.0
    assert rates[("vrouw", "y")] == 0.0
    assert rates[("man", "x")] == pytest.approx(0.6)
    by_hand = frame.groupby(["gender", "origin"])["invited"].mean()
    pd.testing.assert_series_equal(rates.sort_index(), by_hand.sort_index(), check_names=False)


def test_true_positive_rates_count_only_the_suitable(frame):
    tpr = true_positive_rates(frame, group="group", decision="invited", truth="suitable")
    # a: suitable rows 0,1,2,5 -> invited 0,1,2 -> 3/4; b: suitable 10,11,13,14,15 -> invited 10,11 -> 2/5
    assert tpr["a"] == pytest.approx(0.75)
    assert tpr["b"] == pytest.approx(0.4)


def test_audit_table_adds_error_rates_with_truth(frame):
    table = audit_table(frame, group="group", decision="invited", truth="suitable")
    assert {"true_positive_rate", "false_positive_rate", "accuracy"} <= set(table.columns)
    assert table.loc["a", "accuracy"] == pytest.approx(0.7)  # rows 3, 4 and 5 disagree
    assert "accuracy" not in audit_table(frame, group="group", decision="invited").columns


def test_group_metrics_is_a_fairlearn_metricframe(frame):
    mf = group_metrics(frame, group="group", decision="invited", truth="suitable")
    assert isinstance(mf, MetricFrame)
    assert mf.overall["selection_rate"] == pytest.approx(0.4)


def test_rates_at_threshold_follow_the_threshold(frame):
    low = rates_at_threshold(frame, group="group", scores="score", threshold=0.0, truth="suitable")
    assert low["selection_rate"].tolist() == [1.0, 1.0]
    high = rates_at_threshold(frame, group="group", scores="score", threshold=0.5, truth="suitable")
    # scores rise with the row number: only group b (rows 10-19) reaches 0.5
    assert high.loc["a", "selection_rate"] == 0.0
    assert high.loc["b", "selection_rate"] == 1.0
    assert high.loc["b", "true_positive_rate"] == 1.0
    assert list(high.columns) == ["n", "selection_rate", "impact_ratio", "true_positive_rate"]


def test_unknown_column_gives_a_dutch_error(frame):
    with pytest.raises(KeyError, match="staat niet in de tabel"):
        selection_rates(frame, group="geslacht", decision="invited")


def test_scores_instead_of_decisions_give_a_dutch_error(frame):
    with pytest.raises(ValueError, match="nullen en enen"):
        selection_rates(frame, group="group", decision="score")


def test_text_decisions_give_a_dutch_error(frame):
    with pytest.raises(ValueError, match="niet uit tekst"):
        selection_rates(frame, group="group", decision="gender")


def test_wrong_length_gives_a_dutch_error(frame):
    with pytest.raises(ValueError, match="één waarde per rij"):
        selection_rates(frame, group="group", decision=[1, 0, 1])


def test_missing_group_values_give_a_dutch_error(frame):
    frame.loc[0, "group"] = None
    with pytest.raises(ValueError, match="lege waarden"):
        selection_rates(frame, group="group", decision="invited")


def test_nobody_selected_gives_a_dutch_error(frame):
    with pytest.raises(ValueError, match="niet te berekenen"):
        four_fifths(frame, group="group", decision=np.zeros(len(frame), dtype=int))
    with pytest.raises(ValueError, match="niet te berekenen"):
        impact_ratios(frame, group="group", decision=np.zeros(len(frame), dtype=int))
