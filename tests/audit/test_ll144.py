import numpy as np
import pandas as pd
import pytest

from fairhire.audit import ll144


def _sample() -> pd.DataFrame:
    # 100 applicants; "x" is a 1% category; selection by hand: man 30/50, vrouw 15/45, x 1/1,
    # "y" 2/4 (4%).
    rows = (
        [("man", 1)] * 30
        + [("man", 0)] * 20
        + [("vrouw", 1)] * 15
        + [("vrouw", 0)] * 30
        + [("x", 1)]
        + [("y", 1)] * 2
        + [("y", 0)] * 2
    )
    df = pd.DataFrame(rows, columns=["gender", "selected"])
    df["score"] = np.where(df["selected"] == 1, 80.0, 20.0) + np.arange(len(df)) / 1000
    return df


def test_impact_ratio_is_relative_to_the_most_selected_kept_category():
    table = ll144.impact_ratios(_sample(), group="gender", selected="selected")
    assert list(table.columns) == ["n", "share", "selection_rate", "impact_ratio", "excluded"]
    assert table.loc["man", "n"] == 50 and table.loc["x", "share"] == pytest.approx(0.01)
    assert table.loc["man", "selection_rate"] == pytest.approx(0.6)
    # "x" (1 of 1 selected) is under 2%: excluded, so "man" is the reference, not "x".
    assert bool(table.loc["x", "excluded"]) and np.isnan(table.loc["x", "impact_ratio"])
    assert table.loc["man", "impact_ratio"] == pytest.approx(1.0)
    assert table.loc["vrouw", "impact_ratio"] == pytest.approx((15 / 45) / 0.6)
    assert table.loc["y", "impact_ratio"] == pytest.approx(0.5 / 0.6)


def test_min_share_zero_keeps_every_category():
    table = ll144.impact_ratios(_sample(), group="gender", selected="selected", min_share=0)
    assert not table["excluded"].any()
    assert table.loc["x", "impact_ratio"] == 1.0  # now the most selected category
    assert table.loc["man", "impact_ratio"] == pytest.approx(0.6)


def test_scoring_rate_is_share_above_the_sample_median():
    df = _sample()
    median = df["score"].median()
    table = ll144.impact_ratios(df, group="gender", score="score", min_share=0)
    expected = (df["score"] > median).groupby(df["gender"]).mean()
    assert list(table.columns)[2] == "scoring_rate"
    pd.testing.assert_series_equal(
        table["scoring_rate"],
        expected.rename("scoring_rate"),
        check_names=False,
        check_index_type=False,
    )
    assert ll144.scoring_rates(df, group="gender", score=df["score"].to_numpy()).equals(
        table["scoring_rate"]
    )


def test_above_median_is_strict():
    assert ll144.above_median([1, 2, 3, 4, 5]).tolist() == [0, 0, 0, 1, 1]
    with pytest.raises(ValueError, match="ontbreken"):
        ll144.above_median([1.0, np.nan])


def test_intersectional_categories():
    df = _sample()
    df["band"] = np.where(np.arange(len(df)) % 2 == 0, "jong", "oud")
    table = ll144.impact_ratios(df, group=["gender", "band"], selected="selected", min_share=0)
    assert table.index.names == ["gender", "band"]
    assert table["n"].sum() == len(df)
    rate = df.groupby(["gender", "band"])["selected"].mean()
    assert table["selection_rate"].to_dict() == pytest.approx(rate.to_dict())
    assert table["impact_ratio"].max() == 1.0


def test_selection_rates_match_pandas():
    df = _sample()
    rates = ll144.selection_rates(df, group="gender", selected=df["selected"].to_numpy())
    assert rates.to_dict() == pytest.approx(df.groupby("gender")["selected"].mean().to_dict())


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({}, "precies één"),
        ({"selected": "selected", "score": "score"}, "precies één"),
        ({"selected": "score"}, "nullen en enen"),
        ({"selected": "selected", "min_share": 2}, "aandeel"),
        ({"selected": "onbekend"}, "staat niet in de tabel"),
    ],
)
def test_dutch_errors(kwargs, fragment):
    with pytest.raises((ValueError, KeyError), match=fragment):
        ll144.impact_ratios(_sample(), group="gender", **kwargs)


def test_nobody_selected_is_a_clear_error():
    df = pd.DataFrame({"gender": ["man", "vrouw"], "selected": [0, 0]})
    with pytest.raises(ValueError, match="Geen enkele groep"):
        ll144.impact_ratios(df, group="gender", selected="selected")


def test_error_rates_against_the_truth():
    df = pd.DataFrame(
        {
            "origin": ["a"] * 6 + ["b"] * 6,
            "qualified": [1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0],
            "selected": [1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
        }
    )
    table = ll144.error_rates(df, group="origin", selected="selected", truth="qualified")
    assert table.loc["a", "false_negative_rate"] == pytest.approx(1 / 3)
    assert table.loc["b", "false_negative_rate"] == pytest.approx(3 / 4)
    assert table.loc["a", "false_positive_rate"] == pytest.approx(1 / 3)
    assert table.loc["b", "base_rate"] == pytest.approx(4 / 6)
    assert table.loc["b", "true_positive_rate"] == pytest.approx(1 - 3 / 4)
    assert table["n"].tolist() == [6, 6]
