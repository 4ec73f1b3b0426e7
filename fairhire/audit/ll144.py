"""Bias-audit figures as defined by New York City Local Law 144 (module m08).

The rules (6 RCNY §5-300 ff.) define, per category of applicants:

- **selection rate**: the share of a category that is selected (moved forward);
- **scoring rate**: for a tool that gives scores, the share of a category that scores
  *above the median score of the whole sample*;
- **impact ratio**: a category's rate divided by the rate of the most selected (or highest
  scoring) category;
- categories that make up **less than 2%** of the sample may be left out of the impact ratios.

Categories are sex, race/ethnicity and their intersections; here any column(s) of the
table (``group="gender"``, ``group=["gender", "origin"]``). The group rates themselves come
from fairlearn's ``MetricFrame`` through :func:`fairhire.audit.metrics.group_metrics`; what
is hand-written here is only what fairlearn does not have: the median cut for scoring rates
and the small-category rule.

See ``legal("nyc-ll144")`` and ``legal("four-fifths-rule")`` for the sources.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    count,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)

from .metrics import Group, _binary, _column_or_array, group_metrics

MIN_SHARE = 0.02  # LL144 rules: categories under 2% of the sample may be excluded

LEGAL_KEYS = ("nyc-ll144", "four-fifths-rule")


def above_median(scores: Any) -> np.ndarray:
    """1 where a score is strictly above the median of all scores, else 0.

    This is the 'scoring' half of LL144: a tool that only scores is audited by the share
    of each category above the sample median.
    """
    values = np.asarray(scores, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("Geef één score per sollicitant (een kolom of een lijst met getallen).")
    if np.isnan(values).any():
        raise ValueError("Er ontbreken scores (NaN). Laat die rijen eerst weg.")
    return (values > np.median(values)).astype(int)


def _decision(df: pd.DataFrame, selected: Any, score: Any) -> tuple[np.ndarray, str]:
    if (selected is None) == (score is None):
        raise ValueError(
            "Geef precies één van beide op: `selected=` (wie is geselecteerd, 0/1) "
            "of `score=` (de scores van de tool)."
        )
    if selected is not None:
        return _binary(_column_or_array(df, selected, "selected"), "selected"), "selection_rate"
    values = _column_or_array(df, score, "score")
    try:
        values = values.astype(float)
    except (TypeError, ValueError):
        raise ValueError("`score` moet uit getallen bestaan.") from None
    return above_median(values), "scoring_rate"


def impact_ratios(
    df: pd.DataFrame,
    *,
    group: Group,
    selected: Any = None,
    score: Any = None,
    min_share: float = MIN_SHARE,
) -> pd.DataFrame:
    """The LL144 table: per category its size, rate and impact ratio.

    Parameters
    ----------
    df : DataFrame
        One row per applicant.
    group : str or list of str
        Column(s) that define the categories; a list gives intersectional categories.
    selected : str or array-like, optional
        Column name or one 0/1 value per row (1 = selected). Gives selection rates.
    score : str or array-like, optional
        Column name or one score per row. Gives scoring rates (share above the sample median).
        Give exactly one of ``selected`` and ``score``.
    min_share : float, default 0.02
        Categories with a smaller share of the sample are marked ``excluded``: they get no
        impact ratio and are never the reference. Use 0 to keep every category.

    Returns
    -------
    DataFrame
        Index: the categories. Columns ``n``, ``share`` (of the sample), ``selection_rate``
        or ``scoring_rate``, ``impact_ratio`` (NaN for excluded categories) and ``excluded``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"gender": ["vrouw"] * 4 + ["man"] * 4,
    ...                    "selected": [1, 0, 0, 0, 1, 1, 0, 0]})
    >>> impact_ratios(df, group="gender", selected="selected")["impact_ratio"].to_dict()
    {'man': 1.0, 'vrouw': 0.5}
    """
    if not 0 <= min_share < 1:
        raise ValueError("`min_share` is een aandeel tussen 0 en 1, bijvoorbeeld 0.02 voor 2%.")
    decision, rate_name = _decision(df, selected, score)
    mf = group_metrics(
        df, group=group, decision=decision, metrics={"n": count, rate_name: selection_rate}
    )
    # Intersections that nobody falls in come back from MetricFrame as empty rows: drop them.
    table = mf.by_group.dropna(subset=["n"]).astype({"n": int, rate_name: float})
    table.insert(1, "share", table["n"] / table["n"].sum())
    table["excluded"] = table["share"] < min_share
    kept = table.loc[~table["excluded"], rate_name]
    if kept.empty:
        raise ValueError("Alle groepen zijn kleiner dan `min_share`; verlaag die grens.")
    top = kept.max()
    if top == 0:
        raise ValueError(
            "Geen enkele groep is geselecteerd; een impact ratio is dan niet te berekenen."
        )
    table.insert(3, "impact_ratio", np.where(table["excluded"], np.nan, table[rate_name] / top))
    return table.sort_index()


def selection_rates(df: pd.DataFrame, *, group: Group, selected: Any) -> pd.Series:
    """LL144 selection rate per category (share selected)."""
    return impact_ratios(df, group=group, selected=selected, min_share=0)["selection_rate"]


def scoring_rates(df: pd.DataFrame, *, group: Group, score: Any) -> pd.Series:
    """LL144 scoring rate per category (share scoring above the sample median)."""
    return impact_ratios(df, group=group, score=score, min_share=0)["scoring_rate"]


def error_rates(df: pd.DataFrame, *, group: Group, selected: Any, truth: Any) -> pd.DataFrame:
    """Per group: how often the tool is wrong, judged against the truth (e.g. ``qualified``).

    Returns
    -------
    DataFrame
        Per group ``n``, ``base_rate`` (share truly suitable), ``selection_rate``,
        ``true_positive_rate``, ``false_negative_rate`` (suitable but not selected, as a share
        of the suitable) and ``false_positive_rate`` (selected but not suitable, as a share of
        the unsuitable).
    """
    truth_values = _binary(_column_or_array(df, truth, "truth"), "truth")
    mf = group_metrics(
        df,
        group=group,
        decision=selected,
        truth=truth_values,
        metrics={
            "n": count,
            "base_rate": lambda y_true, y_pred: float(np.mean(y_true)),
            "selection_rate": selection_rate,
            "true_positive_rate": true_positive_rate,
            "false_negative_rate": false_negative_rate,
            "false_positive_rate": false_positive_rate,
        },
    )
    table = mf.by_group.dropna(subset=["n"]).astype(float)
    table["n"] = table["n"].astype(int)
    return table.sort_index()
