"""The name-swap audit changes only names and counts changed decisions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fairhire.audit import NameSwapResult, name_swap_audit, summarize_swaps
from fairhire.models import make_screening_model, make_text_model
from fairhire.world import make_applicants


@pytest.fixture(scope="module")
def applicants() -> pd.DataFrame:
    return make_applicants(600, random_state=3)


def _moroccan_first_names(applicants):
    return set(applicants.loc[applicants["origin"] == "Marokkaans-Nederlands", "first_name"])


def test_a_scorer_that_reads_names_changes_its_decisions(applicants):
    penalised = _moroccan_first_names(applicants)

    def scorer(frame):  # rejects every Moroccan-Dutch first name it has seen
        return (~frame["first_name"].isin(penalised)).astype(int).to_numpy()

    result = name_swap_audit(
        scorer, applicants, from_group="Marokkaans-Nederlands", to_group="Nederlands"
    )
    assert isinstance(result, NameSwapResult)
    assert result.n == (applicants["origin"] == "Marokkaans-Nederlands").sum()
    assert result.selection_rate_before == 0.0
    assert result.share_changed > 0.9
    assert result.n_up == result.n_changed and result.n_down == 0


def test_a_scorer_that_ignores_names_changes_nothing(applicants):
    result = name_swap_audit(
        lambda f: (f["years_experience"] >= 5).to_numpy(),
        applicants,
        from_group="Nederlands",
        to_group="Turks-Nederlands",
    )
    assert result.n_changed == 0 and result.share_changed == 0.0
    assert (result.table["name_before"] != result.table["name_after"]).mean() > 0.9


def test_only_names_change(applicants):
    seen = {}

    def scorer(frame):
        seen.setdefault("frames", []).append(frame)
        return np.zeros(len(frame), dtype=int)

    name_swap_audit(scorer, applicants, from_group="Nederlands", to_group="Pools-Nederlands")
    before, after = seen["frames"]
    untouched = [
        c for c in before.columns if c not in ("first_name", "last_name", "email", "cv_text")
    ]
    pd.testing.assert_frame_equal(before[untouched], after[untouched])
    assert (before["cv_text"] != after["cv_text"]).mean() > 0.9


def test_gender_swap(applicants):
    result = name_swap_audit(
        lambda f: np.ones(len(f), dtype=int),
        applicants,
        from_group="vrouw",
        to_group="man",
        group_column="gender",
    )
    assert result.n == (applicants["gender"] == "vrouw").sum()
    assert result.n_changed == 0


def test_a_fitted_model_uses_predict_proba_and_threshold(applicants):
    model = make_screening_model(["years_experience", "education"]).fit(
        applicants, applicants["invited"]
    )
    result = name_swap_audit(model, applicants, to_group="Nederlands", threshold=0.3)
    expected = (model.predict_proba(applicants)[:, 1] >= 0.3).astype(int)
    np.testing.assert_array_equal(result.table["decision_before"], expected)
    assert result.n_changed == 0  # the model does not see names


def test_a_text_pipeline_gets_the_cv_texts(applicants):
    model = make_text_model(min_df=3, C=1.0).fit(applicants["cv_text"], applicants["invited"])
    result = name_swap_audit(
        model, applicants, from_group="Nederlands", to_group="Marokkaans-Nederlands"
    )
    expected = model.predict(applicants.loc[applicants["origin"] == "Nederlands", "cv_text"])
    np.testing.assert_array_equal(result.table["decision_before"], expected)


def test_scores_need_a_threshold(applicants):
    def score(frame):
        return np.full(len(frame), 55.0)

    with pytest.raises(ValueError, match="drempel"):
        name_swap_audit(score, applicants, to_group="Nederlands")
    result = name_swap_audit(score, applicants, to_group="Nederlands", threshold=50)
    assert result.selection_rate_before == 1.0


def test_unknown_group_gives_a_dutch_error(applicants):
    with pytest.raises(KeyError, match="komt niet voor"):
        name_swap_audit(
            lambda f: np.zeros(len(f)), applicants, from_group="Marokkaans", to_group="Nederlands"
        )
    with pytest.raises(ValueError, match="'origin' of 'gender'"):
        name_swap_audit(
            lambda f: np.zeros(len(f)), applicants, to_group="Nederlands", group_column="city"
        )


def test_summary_and_text(applicants):
    result = name_swap_audit(
        lambda f: np.zeros(len(f), dtype=int),
        applicants,
        from_group="overig",
        to_group="Nederlands",
    )
    summary = result.summary()
    assert summary["n"] == result.n and summary["share_changed"] == 0.0
    assert "Naamwissel-test" in str(result) and "overig" in str(result)


def test_summarize_swaps_has_a_row_per_audit(applicants):
    results = [
        name_swap_audit(
            lambda f: np.zeros(len(f), dtype=int), applicants, from_group=g, to_group="Nederlands"
        )
        for g in ("overig", "Turks-Nederlands")
    ]
    table = summarize_swaps(results)
    assert list(table.index) == ["overig → Nederlands", "Turks-Nederlands → Nederlands"]
    assert table["n"].dtype.kind == "i"
    assert table.loc["overig → Nederlands", "n"] == results[0].n
