"""Selection rates in many small random samples: how much chance moves an impact ratio.

A small organisation sees a few dozen applicants a year. This module draws many
such small samples from a larger table (the simulated history) and gives the
selection rate per group in each, so a lesson can show how widely the impact
ratio spreads by chance alone::

    rates = draw_selection_rates(bakery, group="gender", decision="invited", size=15)
    ratios = rates.min(axis=1) / rates.max(axis=1)   # lowest impact ratio per draw

Written by hand (numpy): fairlearn has bootstrap confidence intervals for a
MetricFrame, but no helper that returns the per-sample rates a learner can count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .metrics import _binary, _column_or_array


def draw_selection_rates(
    data: pd.DataFrame,
    *,
    group: str,
    decision: str | np.ndarray,
    size: int,
    draws: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Selection rate per group in ``draws`` random samples of ``size`` rows.

    Each sample is drawn without replacement from ``data``; the samples are drawn
    one after another from a single ``numpy.random.default_rng(seed)``, so the same
    seed gives the same table.

    Parameters
    ----------
    data : DataFrame
        One row per applicant, for example the history of one vacancy.
    group : str
        Column with the group (one column; for two columns make a combined one first).
    decision : str or array-like
        Column name or one 0/1 value per row: 1 = selected (invited, hired).
    size : int
        Number of applicants in each sample, from 1 to ``len(data)``.
    draws : int, default 1000
        Number of samples.
    seed : int, default 0
        Seed of the random number generator.

    Returns
    -------
    DataFrame
        One row per sample (index ``draw``, 0 to ``draws - 1``), one column per group
        value (sorted): the share of that group's applicants in the sample who were
        selected. NaN where the sample holds nobody from the group.

    Examples
    --------
    >>> rates = draw_selection_rates(history, group="gender", decision="invited", size=30)
    >>> ratios = rates.min(axis=1) / rates.max(axis=1)
    >>> float((ratios < 0.8).mean())  # share of samples where the four-fifths rule goes off
    """
    if not isinstance(group, str):
        raise TypeError('Geef één groepskolom op, bijvoorbeeld group="gender".')
    labels = _column_or_array(data, group, "group")
    selected = _binary(_column_or_array(data, decision, "decision"), "decision")
    if pd.isna(labels).any():
        raise ValueError(
            "De groepskolom heeft lege waarden; vul die eerst in of laat die rijen weg."
        )
    size, draws = int(size), int(draws)
    if not 1 <= size <= len(data):
        raise ValueError(f"`size` moet tussen 1 en {len(data)} liggen (het aantal rijen).")
    if draws < 1:
        raise ValueError("`draws` moet minstens 1 zijn.")
    groups, codes = np.unique(labels, return_inverse=True)
    rng = np.random.default_rng(seed)
    n_in_group = np.zeros((draws, len(groups)))
    n_selected = np.zeros((draws, len(groups)))
    for i in range(draws):
        rows = rng.choice(len(data), size=size, replace=False)
        n_in_group[i] = np.bincount(codes[rows], minlength=len(groups))
        n_selected[i] = np.bincount(codes[rows], weights=selected[rows], minlength=len(groups))
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(n_in_group > 0, n_selected / n_in_group, np.nan)
    return pd.DataFrame(
        rates, columns=pd.Index(groups, name=group), index=pd.RangeIndex(draws, name="draw")
    )
