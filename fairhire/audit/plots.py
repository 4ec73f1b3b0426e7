"""Plots for an audit: selection rates with the four-fifths line, and a gender-by-origin map."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .metrics import FOUR_FIFTHS

_OK, _BAD, _LINE = "#1565c0", "#c62828", "#c62828"


def _label(index_value) -> str:
    if isinstance(index_value, tuple):
        return " · ".join(map(str, index_value))
    return str(index_value)


def plot_selection_rates(
    rates: pd.Series, *, ax=None, title: str | None = None, threshold: float = FOUR_FIFTHS
):
    """Bar chart of selection rates per group, with the four-fifths line.

    Bars of groups under ``threshold`` x the highest rate are red: by the
    four-fifths rule those groups show adverse impact.

    Parameters
    ----------
    rates : Series
        From :func:`fairhire.audit.selection_rates`.
    """
    import matplotlib.pyplot as plt

    rates = rates.sort_values()
    line = threshold * rates.max()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.45 * len(rates) + 1.3))
    colors = [_BAD if r < line else _OK for r in rates.to_numpy()]
    ax.barh([_label(i) for i in rates.index], rates.to_numpy(), color=colors)
    ax.axvline(line, color=_LINE, linestyle="--", linewidth=1.2)
    ax.text(
        line,
        len(rates) - 0.4,
        f" vier-vijfde van de hoogste ({line:.0%})",
        color=_LINE,
        fontsize=8,
        va="bottom",
    )
    for y, r in enumerate(rates.to_numpy()):
        ax.text(r, y, f" {r:.0%}", va="center", fontsize=9)
    ax.set_xlim(0, max(1.0, rates.max() * 1.15))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("selectiepercentage (deel dat werd geselecteerd)")
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax


def plot_rate_table(
    table: pd.DataFrame, *, ax=None, title: str | None = None, threshold: float = FOUR_FIFTHS
):
    """Heat map of a two-way table of selection rates (e.g. gender by origin).

    Each cell shows the rate and is coloured by its impact ratio (rate divided
    by the highest cell); cells under ``threshold`` get a frame.

    Parameters
    ----------
    table : DataFrame
        Rows and columns are groups, values selection rates, e.g.
        ``selection_rates(df, group=["gender", "origin"], decision="invited").unstack()``.
    """
    import matplotlib.pyplot as plt

    values = table.to_numpy(dtype=float)
    ratios = values / np.nanmax(values)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.5 * table.shape[1] + 2, 0.8 * table.shape[0] + 1.5))
    image = ax.imshow(ratios, cmap="RdYlGn", vmin=0.4, vmax=1.0, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if np.isnan(values[i, j]):
                continue
            ax.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center", fontsize=10)
            if ratios[i, j] < threshold:
                ax.add_patch(
                    plt.Rectangle(
                        (j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=2
                    )
                )
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=30, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(r) for r in table.index])
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label("impact ratio (t.o.v. het hoogste vakje)")
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax
