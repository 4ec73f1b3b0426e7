"""Audit plots: bars coloured by the four-fifths rule, a framed cell for low ratios."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from fairhire.audit import plot_rate_table, plot_selection_rates

matplotlib.use("Agg")


def test_bars_under_four_fifths_of_the_highest_are_red():
    rates = pd.Series({"a": 0.40, "b": 0.33, "c": 0.30})  # b: 0.825 of a, c: 0.75 of a
    ax = plot_selection_rates(rates, title="t")
    colours = {
        label.get_text(): to_hex(bar.get_facecolor())
        for label, bar in zip(ax.get_yticklabels(), ax.patches, strict=True)
    }
    assert colours["c"] == "#c62828"
    assert colours["a"] == colours["b"] != "#c62828"
    line = [x for x in ax.lines if x.get_linestyle() == "--"][0]
    assert np.allclose(line.get_xdata(), 0.8 * 0.40)


def test_intersectional_labels_join_both_groups():
    rates = pd.Series({("vrouw", "x"): 0.2, ("man", "x"): 0.3})
    ax = plot_selection_rates(rates)
    assert {t.get_text() for t in ax.get_yticklabels()} == {"vrouw · x", "man · x"}


def test_rate_table_frames_cells_under_four_fifths():
    table = pd.DataFrame({"x": [0.40, 0.20], "y": [0.35, 0.38]}, index=["man", "vrouw"])
    ax = plot_rate_table(table, title="t")
    frames = [p for p in ax.patches if not p.get_fill()]
    assert len(frames) == 1  # only 0.20 / 0.40 = 0.5 is under 0.8
    assert frames[0].get_xy() == (-0.5, 0.5)
    assert {t.get_text() for t in ax.texts} >= {"40%", "20%", "35%", "38%"}
