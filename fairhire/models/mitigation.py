"""Ways to reduce inherited bias, compared on the same train/test split.

Each method is a function ``(train, test, *, group, label, ...) -> decisions``:
it trains on ``train`` and returns one 0/1 decision per row of ``test``.
:func:`mitigation_decisions` runs them all, :func:`compare_decisions` and
:func:`compare_by_group` put the results side by side.

Methods (the dictionary keys are what a learner sees in tables):

- ``"blind"``: the model without protected columns (fairness through unawareness).
- ``"zonder proxies"``: also without postcode, hours, career gap and Dutch level.
- ``"reweighing"``: training rows reweighted (Kamiran & Calders 2012).
- ``"ThresholdOptimizer"``: fairlearn post-processing, a threshold per group.
- ``"ExponentiatedGradient"``: fairlearn reduction, trains under a constraint.
- ``"beter label"``: trained on true suitability instead of past invitations.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from contextlib import contextmanager

import numpy as np
import pandas as pd
from fairlearn.postprocessing import ThresholdOptimizer
from fairlearn.reductions import DemographicParity, ExponentiatedGradient
from sklearn.linear_model import LogisticRegression

from ..audit.metrics import _binary, _column_or_array
from ..memo import shared
from .labels import truly_suitable
from .screening import NO_PROXY_FEATURES, UNAWARE_FEATURES, make_preprocessor, make_screening_model


@contextmanager
def _quiet_fairlearn():
    """Silence the pandas deprecation warnings fairlearn 0.15 triggers; a learner cannot act on them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"fairlearn\.")
        warnings.filterwarnings(
            "ignore", message=".*(Setting a value on a Series|incompatible dtype).*"
        )
        yield


def reweighing_weights(group, label) -> np.ndarray:
    """Kamiran & Calders (2012) reweighing: one weight per row.

    Each (group s, label c) cell gets ``W(s, c) = n_s * n_c / (n * n_sc)``: the
    number of rows the cell would have if group and label were independent,
    divided by the number it has. Under-selected groups' positive rows weigh
    more, so a model trained with these weights sees no link between group and
    label. fairlearn has no reweighing (AIF360 has; it is not a dependency here),
    so it is written out.

    Parameters
    ----------
    group : array-like
        Group of each row (e.g. origin).
    label : array-like of 0/1
        The training label (e.g. invited).

    Returns
    -------
    numpy.ndarray of float
    """
    y = _binary(np.asarray(label), "label")
    g = np.asarray(group)
    if len(g) != len(y):
        raise ValueError("`group` en `label` moeten even lang zijn.")
    frame = pd.DataFrame({"s": g, "c": y})
    n = len(frame)
    n_s = frame.groupby("s")["c"].transform("size")
    n_c = frame.groupby("c")["s"].transform("size")
    n_sc = frame.groupby(["s", "c"])["c"].transform("size")
    return (n_s.to_numpy() * n_c.to_numpy() / (n * n_sc.to_numpy())).astype(float)


def _label(data: pd.DataFrame, label) -> np.ndarray:
    return _binary(_column_or_array(data, label, "label"), "label")


@shared
def fit_blind(train, test, *, group, label="invited", features=UNAWARE_FEATURES, random_state=0):
    """The model without protected columns."""
    model = make_screening_model(features).fit(train, _label(train, label))
    return model.predict(test)


@shared
def fit_no_proxies(train, test, *, group, label="invited", random_state=0):
    """Also without the proxy columns (postcode, hours, career gap, Dutch level)."""
    return fit_blind(train, test, group=group, label=label, features=NO_PROXY_FEATURES)


@shared
def fit_reweighed(
    train, test, *, group, label="invited", features=UNAWARE_FEATURES, random_state=0
):
    """The blind model trained with :func:`reweighing_weights` by ``group``."""
    y = _label(train, label)
    weights = reweighing_weights(train[group], y)
    model = make_screening_model(features).fit(train, y, model__sample_weight=weights)
    return model.predict(test)


@shared
def fit_threshold_optimizer(
    train, test, *, group, label="invited", features=UNAWARE_FEATURES, random_state=0
):
    """The blind model with fairlearn's ThresholdOptimizer: a threshold per group.

    The thresholds are chosen for equal selection rates (demographic parity).
    The decision uses the group itself, which is direct distinction (see m06).
    """
    y = _label(train, label)
    model = make_screening_model(features).fit(train, y)
    post = ThresholdOptimizer(
        estimator=model,
        constraints="demographic_parity",
        prefit=True,
        predict_method="predict_proba",
    )
    with _quiet_fairlearn():
        post.fit(train, y, sensitive_features=train[group])
        decided = post.predict(test, sensitive_features=test[group], random_state=random_state)
    return np.asarray(decided).astype(int)


@shared
def fit_exponentiated_gradient(
    train,
    test,
    *,
    group,
    label="invited",
    features=UNAWARE_FEATURES,
    max_iter=10,
    eps=0.02,
    random_state=0,
):
    """The blind model trained under demographic parity by fairlearn's ExponentiatedGradient.

    The preprocessing is fitted once and the reduction runs on a plain logistic
    regression, with a small ``max_iter`` so that a notebook stays fast. The
    group is needed during training only, not to decide.
    """
    y = _label(train, label)
    prepare = make_preprocessor(features).fit(train)
    reduction = ExponentiatedGradient(
        LogisticRegression(solver="liblinear", max_iter=1000, random_state=0),
        DemographicParity(),
        eps=eps,
        max_iter=max_iter,
    )
    with _quiet_fairlearn():
        reduction.fit(prepare.transform(train), y, sensitive_features=train[group])
        decided = reduction.predict(prepare.transform(test), random_state=random_state)
    return np.asarray(decided).astype(int)


@shared
def fit_better_label(
    train, test, *, group, label="invited", features=UNAWARE_FEATURES, random_state=0
):
    """The blind model trained on true suitability (:func:`truly_suitable`) instead of ``label``."""
    model = make_screening_model(features).fit(train, truly_suitable(train))
    return model.predict(test)


METHODS: dict[str, Callable] = {
    "blind": fit_blind,
    "zonder proxies": fit_no_proxies,
    "reweighing": fit_reweighed,
    "ThresholdOptimizer": fit_threshold_optimizer,
    "ExponentiatedGradient": fit_exponentiated_gradient,
    "beter label": fit_better_label,
}


@shared
def mitigation_decisions(
    train: pd.DataFrame,
    test: pd.DataFrame,
    *,
    group: str = "origin",
    label: str = "invited",
    methods: Sequence[str] | None = None,
    random_state: int = 0,
) -> dict[str, np.ndarray]:
    """Run each method on the same split; method name -> decisions on ``test``."""
    names = list(METHODS) if methods is None else list(methods)
    unknown = [m for m in names if m not in METHODS]
    if unknown:
        raise KeyError(
            f"Onbekende methode(s): {', '.join(unknown)}. Kies uit: {', '.join(METHODS)}."
        )
    return {
        name: METHODS[name](train, test, group=group, label=label, random_state=random_state)
        for name in names
    }


def _truth(test: pd.DataFrame, truth) -> np.ndarray:
    if truth is None:
        return truly_suitable(test)
    return _binary(_column_or_array(test, truth, "truth"), "truth")


def _per_group(
    test: pd.DataFrame, decided: np.ndarray, group: str, y_truth: np.ndarray
) -> pd.DataFrame:
    """Selection rate and true-positive rate per group.

    The same numbers as ``group_metrics(...).by_group`` with fairlearn's ``selection_rate``
    and ``true_positive_rate`` (a test checks that), computed as pandas group means: a
    MetricFrame on 10,000 rows takes about 0.1 s because fairlearn copies each column element
    by element, and a comparison of eight methods needs sixteen of them.
    """
    frame = pd.DataFrame(
        {"group": _column_or_array(test, group, "group"), "decision": decided, "truth": y_truth}
    )
    table = pd.DataFrame(
        {
            "selection_rate": frame.groupby("group")["decision"].mean(),
            "true_positive_rate": frame[frame["truth"] == 1].groupby("group")["decision"].mean(),
        }
    ).astype(float)
    return table.rename_axis(group)


def compare_decisions(
    test: pd.DataFrame,
    decisions: dict[str, np.ndarray],
    *,
    group: str = "origin",
    history: str = "invited",
    truth=None,
) -> pd.DataFrame:
    """One row per method: how fair and how good its decisions are.

    Parameters
    ----------
    test : DataFrame
        The test applicants.
    decisions : dict
        Method name -> 0/1 decisions on ``test`` (from :func:`mitigation_decisions`).
    group : str
        The group column for the fairness measures.
    history : str
        Column with past decisions.
    truth : str or array-like, optional
        True suitability as 0/1; default :func:`truly_suitable` of ``test``.

    Returns
    -------
    DataFrame
        Columns ``selection_rate``, ``min_impact_ratio`` (lowest selection rate divided by
        the highest), ``tpr_gap`` (highest minus lowest true-positive rate between groups),
        ``accuracy_history`` (agreement with past decisions) and ``accuracy_truth``
        (agreement with true suitability).
    """
    y_truth = _truth(test, truth)
    y_hist = _label(test, history)
    rows = {}
    for name, decided in decisions.items():
        decided = _binary(np.asarray(decided), "decision")
        table = _per_group(test, decided, group, y_truth)
        rates, tpr = table["selection_rate"], table["true_positive_rate"]
        rows[name] = {
            "selection_rate": float(decided.mean()),
            "min_impact_ratio": float(rates.min() / rates.max()) if rates.max() > 0 else np.nan,
            "tpr_gap": float(tpr.max() - tpr.min()),
            "accuracy_history": float((decided == y_hist).mean()),
            "accuracy_truth": float((decided == y_truth).mean()),
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("method")


def compare_by_group(
    test: pd.DataFrame, decisions: dict[str, np.ndarray], *, group: str = "origin", truth=None
) -> pd.DataFrame:
    """Selection rate and true-positive rate per method and group (long table)."""
    y_truth = _truth(test, truth)
    parts = []
    for name, decided in decisions.items():
        decided = _binary(np.asarray(decided), "decision")
        table = _per_group(test, decided, group, y_truth)
        parts.append(table.assign(method=name).reset_index())
    return pd.concat(parts, ignore_index=True).set_index(["method", group])


def plot_tradeoff(
    comparison: pd.DataFrame, *, x: str = "min_impact_ratio", y: str = "accuracy_truth", ax=None
):
    """Scatter plot of :func:`compare_decisions`: fairness on x, quality on y, one dot per method."""
    import matplotlib.pyplot as plt

    labels = {
        "min_impact_ratio": "laagste impact ratio (1 = gelijk)",
        "tpr_gap": "verschil in true-positive rate tussen groepen",
        "accuracy_history": "klopt met besluiten uit het verleden",
        "accuracy_truth": "klopt met echte geschiktheid",
        "selection_rate": "deel geselecteerd",
    }
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    # one colour and marker per method with a legend: names next to the dots would overlap
    markers = "osD^vP*Xh<>"
    colours = plt.get_cmap("tab10").colors
    for i, (name, row) in enumerate(comparison.iterrows()):
        ax.scatter(
            row[x],
            row[y],
            s=70,
            marker=markers[i % len(markers)],
            color=colours[i % len(colours)],
            label=str(name),
            zorder=3,
        )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8, frameon=False)
    if x == "min_impact_ratio":
        ax.axvline(0.8, color="#c62828", linestyle="--", linewidth=1)
        ax.text(0.805, ax.get_ylim()[0], "vier-vijfde", color="#c62828", fontsize=8, va="bottom")
    ax.set_xlabel(labels.get(x, x))
    ax.set_ylabel(labels.get(y, y))
    ax.grid(alpha=0.3)
    ax.figure.tight_layout()
    return ax
