"""Explain one applicant's score from a logistic-regression screening model.

For a linear model the score (in log-odds) is a sum: intercept + sum of
coefficient x feature value. Compared with an *average* applicant of the
training data, each feature adds coefficient x (value - average value); for a
standardised number that is coefficient x z-score. Summed per input column
(all one-hot columns of ``education`` together, all skills together) this
tells an HR reader which parts of the CV pushed the score up or down.
scikit-learn and fairlearn have no such function for pipelines, hence this
small one; for non-linear models use a method such as SHAP instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline


def _parts(model: Pipeline):
    try:
        prepare, clf = model.named_steps["prepare"], model.named_steps["model"]
    except (AttributeError, KeyError):
        raise TypeError("Dit werkt alleen met een model uit make_screening_model().") from None
    if not hasattr(clf, "coef_"):
        raise ValueError("Het model is nog niet getraind. Roep eerst model.fit(...) aan.")
    return prepare, clf


def _owner_columns(prepare) -> np.ndarray:
    """For each transformed feature, the input column it came from."""
    names = prepare.get_feature_names_out()
    return np.array([name.split("__", 1)[0] for name in names])


def contributions(
    model: Pipeline, applicant: pd.Series | pd.DataFrame, reference: pd.DataFrame
) -> pd.Series:
    """How much each column pushed one applicant's score up or down.

    Parameters
    ----------
    model : Pipeline
        A fitted model from :func:`fairhire.models.make_screening_model`.
    applicant : Series or one-row DataFrame
        The applicant to explain (a row of the applicant table).
    reference : DataFrame
        The applicants to compare with, usually the training data; their average
        transformed row is the baseline ('an average applicant').

    Returns
    -------
    Series
        Contribution per input column in log-odds, sorted from most negative to
        most positive; ``attrs["baseline"]`` holds the log-odds of the baseline and
        ``attrs["score"]`` the applicant's log-odds (baseline + sum of contributions).
    """
    prepare, clf = _parts(model)
    row = applicant.to_frame().T if isinstance(applicant, pd.Series) else applicant
    if len(row) != 1:
        raise ValueError("Geef precies één sollicitant (één rij) om uit te leggen.")
    x = np.asarray(prepare.transform(row), dtype=float)[0]
    base = np.asarray(prepare.transform(reference), dtype=float).mean(axis=0)
    coef = clf.coef_[0]
    parts = pd.Series(coef * (x - base), index=_owner_columns(prepare))
    result = parts.groupby(level=0, sort=False).sum().sort_values()
    result.name = "contribution"
    result.attrs["baseline"] = float(clf.intercept_[0] + coef @ base)
    result.attrs["score"] = float(clf.intercept_[0] + coef @ x)
    return result


def plot_contributions(contrib: pd.Series, *, ax=None, title: str | None = None):
    """Horizontal bar chart of :func:`contributions`: green pushes up, red pushes down."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.35 * len(contrib) + 1.2))
    colors = ["#2e7d32" if v > 0 else "#c62828" for v in contrib.to_numpy()]
    ax.barh(contrib.index.astype(str), contrib.to_numpy(), color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("duwt de score omlaag ←   → duwt de score omhoog")
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax
