"""The bias slider's function: the model follows the history's bias."""

from __future__ import annotations

import time

import matplotlib

from fairhire.models.inheritance import inherited_bias, plot_inherited_bias
from fairhire.world import ORIGINS

matplotlib.use("Agg")


def _min_ratio(series):
    return series.min() / series.max()


def test_model_follows_the_bias_of_the_history():
    fair = inherited_bias(0.0, n_samples=3000)
    biased = inherited_bias(2.5, n_samples=3000)
    assert set(fair.index) == set(ORIGINS)
    assert list(fair.columns) == ["history", "model"]
    assert _min_ratio(biased["history"]) < _min_ratio(fair["history"])
    assert _min_ratio(biased["model"]) < _min_ratio(fair["model"])
    assert _min_ratio(biased["model"]) < 0.8


def test_fast_enough_for_a_slider():
    inherited_bias(1.0)  # warm up imports and caches
    start = time.perf_counter()
    inherited_bias(1.5)
    assert time.perf_counter() - start < 2.0


def test_plot_has_two_bars_per_group():
    table = inherited_bias(1.0, n_samples=1500)
    ax = plot_inherited_bias(table, title="x")
    assert len(ax.patches) == 2 * len(table)
