"""Widgets of modules m05 and m06: thin layers over plain functions that tests call directly.

- :func:`inherited_bias_widget` turns the history's bias up and down
  (:func:`fairhire.models.inheritance.inherited_bias`).
- :func:`threshold_widget` moves the decision threshold
  (:func:`fairhire.audit.rates_at_threshold`).
"""

from __future__ import annotations

import pandas as pd

from ..audit.metrics import rates_at_threshold
from .inheritance import inherited_bias, plot_inherited_bias


def _show(figure) -> None:
    """Show a figure inside an Output widget and close it, so it is not drawn twice."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(figure)
    plt.close(figure)


def _bias_title(table: pd.DataFrame, origin_bias: float) -> str:
    hist = table["history"].min() / table["history"].max()
    model = table["model"].min() / table["model"].max()
    return (
        f"vooroordeel × {origin_bias:g} · laagste impact ratio: "
        f"vroeger {hist:.2f}, model {model:.2f}"
    )


def inherited_bias_widget(*, n_samples: int = 4000, random_state: int = 0):
    """A slider for the recruiters' origin bias; shows history and model side by side.

    Returns an ``ipywidgets.VBox``; a notebook shows it when it is the last
    expression of a cell. Each change regenerates a history of ``n_samples``
    applicants and retrains the model (well under a second).
    """
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=1.0,
        min=0.0,
        max=3.0,
        step=0.25,
        description="Vooroordeel",
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    out = widgets.Output()

    def draw(origin_bias: float) -> None:
        table = inherited_bias(origin_bias, n_samples=n_samples, random_state=random_state)
        with out:
            out.clear_output(wait=True)
            ax = plot_inherited_bias(table, title=_bias_title(table, origin_bias))
            _show(ax.figure)

    slider.observe(lambda change: draw(change["new"]), names="value")
    draw(slider.value)
    box = widgets.VBox([slider, out])
    box.add_class("fairhire-bias-slider")
    return box


def plot_threshold_rates(table: pd.DataFrame, *, threshold: float, axes=None):
    """Two bar charts of :func:`fairhire.audit.rates_at_threshold`: selection and TPR per group."""
    import matplotlib.pyplot as plt

    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 0.45 * len(table) + 1.6), sharey=True)
    names = [" · ".join(map(str, i)) if isinstance(i, tuple) else str(i) for i in table.index]
    for ax, col, label in zip(
        axes,
        ("selection_rate", "true_positive_rate"),
        ("selectiepercentage", "true-positive rate\n(geschikten die erdoor komen)"),
        strict=True,
    ):
        ax.barh(names, table[col], color="#1565c0")
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel(label)
        for y, v in enumerate(table[col].to_numpy()):
            ax.text(v, y, f" {v:.0%}", va="center", fontsize=9)
    axes[0].set_title(f"drempel {threshold:.2f}", loc="left")
    axes[0].figure.tight_layout()
    return axes


def threshold_widget(
    data: pd.DataFrame, scores, *, group: str = "origin", truth, threshold: float = 0.5
):
    """A slider for the decision threshold; shows selection and true-positive rates per group.

    Parameters
    ----------
    data : DataFrame
        The applicants (e.g. the test part).
    scores : str or array-like
        One model score per row.
    group : str
        Group column.
    truth : str or array-like
        0/1 per row: truly suitable.
    """
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=threshold,
        min=0.05,
        max=0.95,
        step=0.05,
        description="Drempel",
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    out = widgets.Output()

    def draw(value: float) -> None:
        table = rates_at_threshold(data, group=group, scores=scores, threshold=value, truth=truth)
        with out:
            out.clear_output(wait=True)
            axes = plot_threshold_rates(table, threshold=value)
            _show(axes[0].figure)

    slider.observe(lambda change: draw(change["new"]), names="value")
    draw(slider.value)
    box = widgets.VBox([slider, out])
    box.add_class("fairhire-threshold-slider")
    return box
