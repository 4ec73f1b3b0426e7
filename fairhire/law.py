"""Overviews of the legal references in ``legal.toml`` for the lessons (module m07)."""

from __future__ import annotations

import pandas as pd

from .resources import legal, legal_references


def legal_timeline(keys: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """The references with a date, sorted by the date they apply from.

    Parameters
    ----------
    keys : sequence of str, optional
        Only these references (default: all that have ``applies_from``).

    Returns
    -------
    pandas.DataFrame
        Columns ``datum`` (date), ``regel`` (short label), ``wat`` (the article),
        ``zekerheid`` of the date ("bevestigd" for C, "secundair" for S), ``gecontroleerd`` (status date).
    """
    refs = [legal(k) for k in keys] if keys is not None else list(legal_references().values())
    rows = [
        {
            "datum": pd.Timestamp(r.applies_from).date(),
            "regel": r.label,
            "wat": r.article,
            "zekerheid": "bevestigd" if r.date_certainty == "C" else "secundair",
            "gecontroleerd": r.checked,
        }
        for r in refs
        if r.applies_from
    ]
    table = pd.DataFrame(rows, columns=["datum", "regel", "wat", "zekerheid", "gecontroleerd"])
    return table.sort_values(["datum", "regel"], kind="stable").reset_index(drop=True)
