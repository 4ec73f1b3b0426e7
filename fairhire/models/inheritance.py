"""How much of the history's bias a model takes over, for any bias strength.

The plain function behind the bias slider of module m05: generate a fresh,
smaller history with :func:`fairhire.world.make_applicants`, train the blind
screening model on it, and compare its selection rates per origin group with
those of the past recruiters.
"""

from __future__ import annotations

import pandas as pd

from ..audit.metrics import selection_rates
from .screening import UNAWARE_FEATURES, make_screening_model


def inherited_bias(
    origin_bias: float, *, n_samples: int = 4000, random_state: int = 0, features=UNAWARE_FEATURES
) -> pd.DataFrame:
    """Selection rates per origin group: past recruiters versus a model trained on them.

    Parameters
    ----------
    origin_bias : float
        Strength of the recruiters' bias by origin (0 = none, 1 = as in Dutch field
        experiments, up to 3), passed to :func:`fairhire.world.make_applicants`.
    n_samples : int
        Size of the generated history (smaller is faster).
    random_state : int
        Seed of the history and the split.
    features : sequence of str
        Columns the model may see; default without the protected columns.

    Returns
    -------
    DataFrame
        Index: origin group. Columns ``history`` (invitation rate in the history) and
        ``model`` (the model's selection rate on the same applicants).
    """
    from ..world import make_applicants

    data = make_applicants(
        n_samples, origin_bias=origin_bias, with_cv_text=False, random_state=random_state
    )
    # Train on the whole history and judge the same applicants again: with a few
    # thousand rows the small groups are too noisy for a held-out part.
    model = make_screening_model(features).fit(data, data["invited"])
    return pd.DataFrame(
        {
            "history": selection_rates(data, group="origin", decision="invited"),
            "model": selection_rates(data, group="origin", decision=model.predict(data)),
        }
    )


def plot_inherited_bias(table: pd.DataFrame, *, ax=None, title: str | None = None):
    """Grouped bars of :func:`inherited_bias`: the past and the model side by side."""
    import matplotlib.pyplot as plt

    table = table.sort_values("history")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4))
    y = range(len(table))
    ax.barh(
        [i + 0.2 for i in y],
        table["history"],
        height=0.4,
        color="#9e9e9e",
        label="recruiters vroeger",
    )
    ax.barh([i - 0.2 for i in y], table["model"], height=0.4, color="#1565c0", label="het model")
    ax.set_yticks(list(y), table.index.astype(str))
    ax.set_xlim(0, max(0.6, float(table.to_numpy().max()) * 1.15))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("selectiepercentage")
    ax.legend(loc="lower right")
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax
