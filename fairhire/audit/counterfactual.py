"""Name-swap (counterfactual) audit: whether a decision changes when only the name changes.

Field experiments send the same CV under names from different groups
(FACTS.md section 5); :func:`name_swap_audit` does the same with any
screener. It takes the applicants of one group, gives them names from another
group with :func:`fairhire.world.swap_names` (name columns, e-mail address and
every mention in the CV text), scores both versions and counts how many
decisions change. Nothing else about the applicant changes, so every changed
decision is caused by the name alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class NameSwapResult:
    """The outcome of a name-swap audit.

    Attributes
    ----------
    from_group, to_group : str
        Whose names were replaced, and by names of which group.
    table : DataFrame
        One row per applicant: ``applicant_id`` (when present), ``name_before``,
        ``name_after``, ``score_before``, ``score_after``, ``decision_before``,
        ``decision_after`` and ``changed``.
    """

    from_group: str | None
    to_group: str
    table: pd.DataFrame

    @property
    def n(self) -> int:
        """Number of applicants tested."""
        return len(self.table)

    @property
    def n_changed(self) -> int:
        """Number of applicants whose decision changed with the new name."""
        return int(self.table["changed"].sum())

    @property
    def share_changed(self) -> float:
        """Share (0 to 1) of applicants whose decision changed."""
        return self.n_changed / self.n if self.n else 0.0

    @property
    def n_up(self) -> int:
        """Rejected under the old name, selected under the new one."""
        t = self.table
        return int(((t["decision_before"] == 0) & (t["decision_after"] == 1)).sum())

    @property
    def n_down(self) -> int:
        """Selected under the old name, rejected under the new one."""
        t = self.table
        return int(((t["decision_before"] == 1) & (t["decision_after"] == 0)).sum())

    @property
    def selection_rate_before(self) -> float:
        """Share (0 to 1) of the tested applicants selected under their own name."""
        return float(self.table["decision_before"].mean()) if self.n else 0.0

    @property
    def selection_rate_after(self) -> float:
        """Share (0 to 1) of the tested applicants selected under the new name."""
        return float(self.table["decision_after"].mean()) if self.n else 0.0

    def summary(self) -> pd.Series:
        """The key numbers in one Series (for a table of several audits)."""
        return pd.Series(
            {
                "n": self.n,
                "n_changed": self.n_changed,
                "share_changed": self.share_changed,
                "n_up": self.n_up,
                "n_down": self.n_down,
                "selection_rate_before": self.selection_rate_before,
                "selection_rate_after": self.selection_rate_after,
            },
            name=f"{self.from_group or 'iedereen'} → {self.to_group}",
        )

    def __str__(self) -> str:
        who = f"{self.n} sollicitanten" + (f" ({self.from_group})" if self.from_group else "")
        return (
            f"Naamwissel-test: {who} kregen een naam uit de groep '{self.to_group}'.\n"
            f"Besluit veranderd: {self.n_changed} van de {self.n} ({self.share_changed:.1%}); "
            f"{self.n_up} nu wél geselecteerd, {self.n_down} nu niet meer.\n"
            f"Selectiepercentage: {self.selection_rate_before:.1%} vóór, "
            f"{self.selection_rate_after:.1%} ná de naamwissel."
        )

    def _repr_markdown_(self) -> str:
        return str(self).replace("\n", "  \n")


def _is_text_pipeline(scorer: Any) -> bool:
    """True for a scikit-learn pipeline that starts with a text vectorizer (wants texts)."""
    steps = getattr(scorer, "steps", None)
    return bool(steps) and hasattr(steps[0][1], "build_analyzer")


def _outputs(scorer: Any, frame: pd.DataFrame, text_column: str | None) -> tuple[np.ndarray, bool]:
    """(values, are_probabilities) of the scorer on ``frame``."""
    inputs = frame[text_column].tolist() if text_column else frame
    if hasattr(scorer, "predict_proba"):
        return np.asarray(scorer.predict_proba(inputs))[:, 1].astype(float), True
    if not callable(scorer):
        raise TypeError("`scorer` moet een model (met predict_proba) of een functie zijn.")
    values = np.asarray(scorer(inputs))
    if values.ndim != 1 or len(values) != len(frame):
        raise ValueError("De scorer moet één score of besluit per sollicitant teruggeven.")
    return values.astype(float), False


def _decide(values: np.ndarray, threshold: float | None, probabilities: bool) -> np.ndarray:
    if threshold is None:
        if probabilities:
            threshold = 0.5  # what predict() of a scikit-learn classifier does
        elif np.isin(values, (0.0, 1.0)).all():
            return values.astype(int)
        else:
            raise ValueError(
                "De scorer geeft scores, geen besluiten (0/1). Geef een drempel mee, "
                "bijvoorbeeld threshold=40."
            )
    return (values >= threshold).astype(int)


def name_swap_audit(
    scorer: Callable | Any,
    data: pd.DataFrame,
    *,
    from_group: str | None = None,
    to_group: str,
    group_column: str = "origin",
    threshold: float | None = None,
    text_column: str | None = None,
    random_state: int = 0,
) -> NameSwapResult:
    """Swap only the names of one group for names of another and count changed decisions.

    Parameters
    ----------
    scorer : estimator or callable
        A fitted scikit-learn classifier (its ``predict_proba`` is used) or a function
        that takes the applicants and returns one score or 0/1 decision per applicant,
        such as a vendor's ``select`` or ``score``.
    data : DataFrame
        Applicants with ``first_name``, ``last_name`` and usually ``email`` and ``cv_text``.
    from_group : str, optional
        Test only the applicants of this group (value of ``group_column``); None tests all.
    to_group : str
        Give them names from this group.
    group_column : {"origin", "gender"}
        Whether the groups are origin groups or genders.
    threshold : float, optional
        Score at or above which an applicant is selected. None: 0.5 for a classifier's
        probability; a function's output must then already be 0/1 decisions.
    text_column : str, optional
        Call the scorer with the texts of this column instead of the table. Default:
        ``"cv_text"`` for a pipeline that starts with a text vectorizer, else the table.
    random_state : int
        Seed for drawing the new names.

    Returns
    -------
    NameSwapResult
    """
    from ..world import swap_names

    if group_column not in ("origin", "gender"):
        raise ValueError("`group_column` moet 'origin' of 'gender' zijn.")
    if from_group is not None:
        if group_column not in data.columns:
            raise KeyError(f"De kolom {group_column!r} staat niet in de tabel.")
        known = set(data[group_column].unique())
        if from_group not in known:
            raise KeyError(
                f"De groep {from_group!r} komt niet voor in {group_column!r}. "
                f"Kies uit: {', '.join(sorted(map(str, known)))}."
            )
        data = data[data[group_column] == from_group]
    if len(data) == 0:
        raise ValueError("Er zijn geen sollicitanten om te testen.")
    if text_column is None and _is_text_pipeline(scorer):
        text_column = "cv_text"
    target = {"to_origin": to_group} if group_column == "origin" else {"to_gender": to_group}
    swapped = swap_names(data, random_state=random_state, **target)

    before, probabilities = _outputs(scorer, data, text_column)
    after, _ = _outputs(scorer, swapped, text_column)
    decided_before = _decide(before, threshold, probabilities)
    decided_after = _decide(after, threshold, probabilities)

    table = pd.DataFrame(
        {
            "name_before": (data["first_name"] + " " + data["last_name"]).to_numpy(),
            "name_after": (swapped["first_name"] + " " + swapped["last_name"]).to_numpy(),
            "score_before": before,
            "score_after": after,
            "decision_before": decided_before,
            "decision_after": decided_after,
            "changed": decided_before != decided_after,
        }
    )
    if "applicant_id" in data.columns:
        table.insert(0, "applicant_id", data["applicant_id"].to_numpy())
    return NameSwapResult(from_group=from_group, to_group=to_group, table=table)


def summarize_swaps(results: list[NameSwapResult]) -> pd.DataFrame:
    """One row per name-swap audit (see :meth:`NameSwapResult.summary`), counts as integers."""
    table = pd.DataFrame([r.summary() for r in results])
    counts = ["n", "n_changed", "n_up", "n_down"]
    return table.astype(dict.fromkeys(counts, int))
