"""The widgets are thin: they show what the plain functions compute."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from fairhire.models import truly_suitable
from fairhire.models import widgets as widgets_module
from fairhire.models.widgets import inherited_bias_widget, plot_threshold_rates, threshold_widget

matplotlib.use("Agg")
ipywidgets = pytest.importorskip("ipywidgets")


def _slider(box):
    return next(w for w in box.children if isinstance(w, ipywidgets.FloatSlider))


def _spy(monkeypatch, name):
    """Record the calls the widget makes to the plain function ``name``."""
    original = getattr(widgets_module, name)
    calls = []

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(widgets_module, name, spy)
    return calls


def test_bias_widget_recomputes_on_change(monkeypatch):
    calls = _spy(monkeypatch, "inherited_bias")
    box = inherited_bias_widget(n_samples=1200)
    slider = _slider(box)
    assert slider.min == 0 and slider.max == 3
    slider.value = 2.0
    assert [c[0][0] for c in calls] == [1.0, 2.0]
    assert calls[-1][1]["n_samples"] == 1200


def test_threshold_widget_recomputes_on_change(monkeypatch, split):
    _, test = split
    calls = _spy(monkeypatch, "rates_at_threshold")
    scores = np.linspace(0, 1, len(test))
    box = threshold_widget(test, scores, group="origin", truth=truly_suitable(test))
    _slider(box).value = 0.7
    assert [c[1]["threshold"] for c in calls] == [0.5, 0.7]
    assert calls[-1][1]["group"] == "origin"


def test_threshold_plot_has_a_bar_per_group_and_rate(split):
    from fairhire.audit import rates_at_threshold

    _, test = split
    table = rates_at_threshold(
        test,
        group="gender",
        scores=np.linspace(0, 1, len(test)),
        threshold=0.5,
        truth=truly_suitable(test),
    )
    axes = plot_threshold_rates(table, threshold=0.5)
    assert [len(ax.patches) for ax in axes] == [2, 2]
