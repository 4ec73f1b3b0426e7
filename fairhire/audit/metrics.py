"""Group metrics for a hiring audit: selection rates, impact ratios, the four-fifths rule.

One primitive, :func:`group_metrics`, wraps fairlearn's ``MetricFrame``; the
other functions are thin keyword-only wrappers around it, in the style of
``fairlearn.metrics``. Every function takes a table of applicants and names
its columns::

    selection_rates(history, group="origin", decision="invited")
    impact_ratios(history, group=["gender", "origin"], decision="invited")
    four_fifths(test, group="origin", decision=model.predict(test))

``decision`` and ``truth`` are a column name or an array with one 0/1 value
per row (for example a model's predictions). ``group`` is a column name, or a
list of column names for an intersectional view (gender by origin).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    count,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from sklearn.metrics import accuracy_score

FOUR_FIFTHS = 0.8  # 29 CFR 1607.4(D): below 4/5 of the highest rate counts as adverse impact

Group = str | Sequence[str]


def _column_or_array(data: pd.DataFrame, spec: Any, name: str) -> np.ndarray:
    """The values of ``spec``: a column of ``data`` or an array with one value per row."""
    if isinstance(spec, str):
        if spec not in data.columns:
            raise KeyError(
                f"De kolom {spec!r} (voor `{name}`) staat niet in de tabel. "
                f"Kies uit: {', '.join(map(str, data.columns))}."
            )
        values = data[spec].to_numpy()
    else:
        values = np.asarray(spec)
        if values.ndim != 1 or len(values) != len(data):
            raise ValueError(
                f"`{name}` moet één waarde per rij hebben: de tabel heeft {len(data)} rijen, "
                f"`{name}` heeft er {values.size}."
            )
    return values


def _binary(values: np.ndarray, name: str) -> np.ndarray:
    """0/1 integers; a clear Dutch error for anything else (text, scores, missing values)."""
    if values.dtype == bool:
        return values.astype(int)
    try:
        numeric = values.astype(float)
    except (TypeError, ValueError):
        raise ValueError(
            f"`{name}` moet uit nullen en enen bestaan (1 = ja, 0 = nee), niet uit tekst."
        ) from None
    if np.isnan(numeric).any() or not np.isin(numeric, (0.0, 1.0)).all():
        raise ValueError(
            f"`{name}` moet uit nullen en enen bestaan (1 = ja, 0 = nee). "
            "Heb je scores? Kies dan eerst een drempel, bijvoorbeeld `scores >= 0.5`."
        )
    return numeric.astype(int)


def _groups(data: pd.DataFrame, group: Group) -> pd.Series | pd.DataFrame:
    columns = [group] if isinstance(group, str) else list(group)
    if not columns:
        raise ValueError('Geef minstens één groepskolom op, bijvoorbeeld group="gender".')
    for col in columns:
        _column_or_array(data, col, "group")
    if data[columns].isna().any().any():
        raise ValueError(
            "De groepskolom heeft lege waarden; vul die eerst in of laat die rijen weg."
        )
    return data[columns[0]] if isinstance(group, str) else data[columns]


def group_metrics(
    data: pd.DataFrame,
    *,
    group: Group,
    decision: Any,
    truth: Any = None,
    metrics: dict[str, Callable] | None = None,
) -> MetricFrame:
    """The primitive: a fairlearn ``MetricFrame`` of decisions per group.

    Parameters
    ----------
    data : DataFrame
        One row per applicant.
    group : str or list of str
        Column(s) with the group; a list gives intersectional groups.
    decision : str or array-like
        Column name or one 0/1 value per row: 1 = selected (invited, hired, passed the screen).
    truth : str or array-like, optional
        Column name or one 0/1 value per row with the outcome the decision should have had
        (e.g. truly suitable). Needed for true-positive rates and accuracy.
    metrics : dict, optional
        Name -> fairlearn/scikit-learn metric ``f(y_true, y_pred)``. Default: ``n`` and
        ``selection_rate``, plus ``true_positive_rate``, ``false_positive_rate`` and
        ``accuracy`` when ``truth`` is given.

    Returns
    -------
    fairlearn.metrics.MetricFrame
    """
    y_pred = _binary(_column_or_array(data, decision, "decision"), "decision")
    if truth is None:
        y_true = y_pred  # selection rate and count ignore y_true
    else:
        y_true = _binary(_column_or_array(data, truth, "truth"), "truth")
    if metrics is None:
        metrics = {"n": count, "selection_rate": selection_rate}
        if truth is not None:
            metrics |= {
                "true_positive_rate": true_positive_rate,
                "false_positive_rate": false_positive_rate,
                "accuracy": accuracy_score,
            }
    return MetricFrame(
        metrics=metrics, y_true=y_true, y_pred=y_pred, sensitive_features=_groups(data, group)
    )


def selection_rates(data: pd.DataFrame, *, group: Group, decision: Any) -> pd.Series:
    """Share of each group that was selected (``decision == 1``).

    Returns
    -------
    Series
        Selection rate per group (index: the group values), named ``selection_rate``.
    """
    mf = group_metrics(
        data, group=group, decision=decision, metrics={"selection_rate": selection_rate}
    )
    return mf.by_group["selection_rate"].astype(float)


def impact_ratios(
    data: pd.DataFrame, *, group: Group, decision: Any, reference: Any = None
) -> pd.Series:
    """Each group's selection rate divided by the reference group's rate.

    The reference is by default the group with the highest selection rate, as in
    the four-fifths rule and NYC Local Law 144.

    Parameters
    ----------
    reference : group value, optional
        Compare with this group instead (a tuple for intersectional groups).

    Returns
    -------
    Series
        Impact ratio per group, named ``impact_ratio``; the reference group has 1.0.
    """
    rates = selection_rates(data, group=group, decision=decision)
    if reference is None:
        base = rates.max()
    elif reference in rates.index:
        base = rates.loc[reference]
    else:
        raise KeyError(
            f"De groep {reference!r} komt niet voor. Kies uit: {', '.join(map(str, rates.index))}."
        )
    if base == 0:
        raise ValueError(
            "De vergelijkingsgroep heeft niemand geselecteerd; "
            "een verhouding (impact ratio) is dan niet te berekenen."
        )
    return (rates / base).rename("impact_ratio")


def min_impact_ratio(data: pd.DataFrame, *, group: Group, decision: Any) -> float:
    """The lowest impact ratio: lowest selection rate divided by the highest.

    This equals fairlearn's ``demographic_parity_ratio``. Under 0.8 the four-fifths
    rule speaks of adverse impact.
    """
    return float(impact_ratios(data, group=group, decision=decision).min())


def _four_fifths_table(by_group: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """n, selection_rate, impact_ratio, passes from a MetricFrame's ``by_group``."""
    table = by_group[["n", "selection_rate"]].astype({"n": int, "selection_rate": float})
    top = table["selection_rate"].max()
    if top == 0:
        raise ValueError(
            "Niemand is geselecteerd; een verhouding (impact ratio) is dan niet te berekenen."
        )
    table["impact_ratio"] = table["selection_rate"] / top
    table["passes"] = table["impact_ratio"] >= threshold
    return table


def four_fifths(
    data: pd.DataFrame, *, group: Group, decision: Any, threshold: float = FOUR_FIFTHS
) -> pd.DataFrame:
    """The four-fifths check per group.

    Returns
    -------
    DataFrame
        Per group: ``n`` (number of applicants), ``selection_rate``, ``impact_ratio`` and
        ``passes`` (True when the impact ratio is at least ``threshold``).
    """
    mf = group_metrics(data, group=group, decision=decision)
    return _four_fifths_table(mf.by_group, threshold)


def true_positive_rates(
    data: pd.DataFrame, *, group: Group, decision: Any, truth: Any
) -> pd.Series:
    """Per group, the share of truly suitable applicants (``truth == 1``) who were selected.

    Equal true-positive rates is 'equal opportunity' (Hardt, Price & Srebro 2016).
    """
    mf = group_metrics(
        data,
        group=group,
        decision=decision,
        truth=truth,
        metrics={"true_positive_rate": true_positive_rate},
    )
    return mf.by_group["true_positive_rate"].astype(float)


def audit_table(
    data: pd.DataFrame,
    *,
    group: Group,
    decision: Any,
    truth: Any = None,
    threshold: float = FOUR_FIFTHS,
) -> pd.DataFrame:
    """Everything per group in one table: the four-fifths check plus error rates.

    Returns
    -------
    DataFrame
        :func:`four_fifths` columns, and with ``truth`` also ``true_positive_rate``,
        ``false_positive_rate`` and ``accuracy``.
    """
    mf = group_metrics(data, group=group, decision=decision, truth=truth)
    table = _four_fifths_table(mf.by_group, threshold)
    if truth is not None:
        extra = ["true_positive_rate", "false_positive_rate", "accuracy"]
        table[extra] = mf.by_group[extra].astype(float)
    return table


def rates_at_threshold(
    data: pd.DataFrame, *, group: Group, scores: Any, threshold: float, truth: Any
) -> pd.DataFrame:
    """Selection and true-positive rates per group when everyone scoring ``>= threshold`` passes.

    The plain function behind the threshold widget of module m06.

    Parameters
    ----------
    scores : str or array-like
        Column name or one score per row (e.g. a model's probability of 'invite').
    threshold : float
        The cut-off score.
    truth : str or array-like
        0/1 per row: truly suitable.

    Returns
    -------
    DataFrame
        Per group: ``n``, ``selection_rate``, ``impact_ratio``, ``true_positive_rate``.
    """
    values = _column_or_array(data, scores, "scores").astype(float)
    decided = (values >= threshold).astype(int)
    mf = group_metrics(
        data,
        group=group,
        decision=decided,
        truth=truth,
        metrics={
            "n": count,
            "selection_rate": selection_rate,
            "true_positive_rate": true_positive_rate,
        },
    )
    table = mf.by_group.astype({"n": int, "selection_rate": float, "true_positive_rate": float})
    top = table["selection_rate"].max()
    table.insert(2, "impact_ratio", table["selection_rate"] / top if top > 0 else np.nan)
    return table
