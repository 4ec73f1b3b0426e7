"""Selection rates in many small random samples."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fairhire.audit import draw_selection_rates


@pytest.fixture
def frame() -> pd.DataFrame:
    # group a: 10 applicants, 5 invited; group b: 10 applicants, 3 invited.
    return pd.DataFrame(
        {
            "group": ["a"] * 10 + ["b"] * 10,
            "invited": [1] * 5 + [0] * 5 + [1] * 3 + [0] * 7,
        }
    )


def test_one_row_per_draw_and_one_column_per_group(frame):
    rates = draw_selection_rates(frame, group="group", decision="invited", size=6, draws=50, seed=1)
    assert rates.shape == (50, 2)
    assert list(rates.columns) == ["a", "b"]
    assert rates.index.name == "draw" and list(rates.index) == list(range(50))
    assert ((rates >= 0) & (rates <= 1) | rates.isna()).all().all()


def test_the_same_seed_gives_the_same_draws(frame):
    first = draw_selection_rates(frame, group="group", decision="invited", size=6, draws=20, seed=7)
    again = draw_selection_rates(frame, group="group", decision="invited", size=6, draws=20, seed=7)
    other = draw_selection_rates(frame, group="group", decision="invited", size=6, draws=20, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_the_rates_are_those_of_the_drawn_rows(frame):
    # replay the generator: the first draw's rows give the first row of rates
    rows = np.random.default_rng(3).choice(len(frame), size=8, replace=False)
    expected = frame.iloc[rows].groupby("group")["invited"].mean()
    rates = draw_selection_rates(frame, group="group", decision="invited", size=8, draws=5, seed=3)
    got = rates.iloc[0].dropna()
    pd.testing.assert_series_equal(got, expected, check_names=False)


def test_a_sample_of_everyone_gives_the_full_rates(frame):
    rates = draw_selection_rates(frame, group="group", decision="invited", size=20, draws=3)
    assert (rates["a"] == 0.5).all() and (rates["b"] == 0.3).all()


def test_a_group_missing_from_a_sample_is_nan():
    frame = pd.DataFrame({"group": ["a"] * 99 + ["b"], "invited": [1, 0] * 50})
    rates = draw_selection_rates(frame, group="group", decision="invited", size=1, draws=30, seed=0)
    assert rates["b"].isna().sum() >= 29 and rates.notna().sum(axis=1).eq(1).all()


def test_small_samples_spread_more_than_large_ones(frame):
    big = pd.concat([frame] * 50, ignore_index=True)
    spread = {}
    for size in (10, 500):
        rates = draw_selection_rates(big, group="group", decision="invited", size=size, seed=0)
        spread[size] = rates["b"].std()
    assert spread[10] > 3 * spread[500]


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"size": 0}, ValueError, "`size`"),
        ({"size": 21}, ValueError, "`size`"),
        ({"size": 5, "draws": 0}, ValueError, "`draws`"),
        ({"size": 5, "group": ["group"]}, TypeError, "één groepskolom"),
        ({"size": 5, "decision": "missing"}, KeyError, "staat niet in de tabel"),
    ],
)
def test_dutch_errors_for_wrong_arguments(frame, kwargs, error, text):
    arguments = {"group": "group", "decision": "invited"} | kwargs
    with pytest.raises(error, match=text):
        draw_selection_rates(frame, **arguments)
