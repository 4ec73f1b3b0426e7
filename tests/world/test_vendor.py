"""The vendor's screener for m08: deterministic, fast enough, and its flaws can be found."""

from __future__ import annotations

import time

import numpy as np
import pytest
from fairlearn.metrics import MetricFrame, false_negative_rate, selection_rate

from fairhire.world import VendorScreener, load_vendor_audit, swap_names, vendor_screener


@pytest.fixture(scope="module")
def audit():
    return load_vendor_audit()


@pytest.fixture(scope="module")
def screener():
    return vendor_screener()


def test_scores_and_selection(screener, audit):
    scores = screener.score(audit)
    assert scores.shape == (len(audit),)
    assert ((scores >= 0) & (scores <= 100)).all()
    assert 0.2 < screener.select(audit).mean() < 0.4
    assert np.array_equal(screener.score(audit["cv_text"].tolist()), scores)
    assert screener.score([]).shape == (0,)


def test_rebuilt_from_code_gives_the_same_scores(screener, audit, record_timing):
    start = time.perf_counter()
    again = VendorScreener()
    seconds = time.perf_counter() - start
    record_timing("world", "VendorScreener() build", seconds)
    assert seconds < 10  # about 2 s on a quiet 2-core machine
    assert np.array_equal(again.score(audit.head(200)), screener.score(audit.head(200)))


def test_audit_finds_origin_bias_and_unequal_errors(screener, audit):
    selected = screener.select(audit)
    mf = MetricFrame(
        metrics={"rate": selection_rate, "fnr": false_negative_rate},
        y_true=audit["qualified"],
        y_pred=selected,
        sensitive_features=audit["origin"],
    )
    ratio = mf.by_group["rate"] / mf.by_group["rate"].max()
    assert ratio["Marokkaans-Nederlands"] < 0.5
    assert (ratio.drop("Nederlands") < 0.8).all()
    assert mf.by_group["fnr"]["Marokkaans-Nederlands"] > mf.by_group["fnr"]["Nederlands"] + 0.2


def test_audit_finds_age_and_gender_effects(screener, audit):
    selected = screener.select(audit)
    by_age = MetricFrame(
        metrics=selection_rate,
        y_true=audit["qualified"],
        y_pred=selected,
        sensitive_features=audit["age_band"],
    ).by_group
    assert by_age["50+"] / by_age.max() < 0.8
    # although the 50+ group has the most qualified applicants
    assert audit.groupby("age_band")["qualified"].mean().idxmax() == "50+"
    by_gender = MetricFrame(
        metrics=selection_rate,
        y_true=audit["qualified"],
        y_pred=selected,
        sensitive_features=audit["gender"],
    ).by_group
    assert by_gender["vrouw"] / by_gender["man"] < 0.85


def test_name_swap_changes_decisions(screener, audit):
    dutch = audit[audit["origin"] == "Nederlands"]
    swapped = swap_names(dutch, to_origin="Marokkaans-Nederlands", random_state=1)
    before, after = screener.select(dutch), screener.select(swapped)
    assert (before != after).mean() > 0.05
    assert after.mean() < before.mean()


@pytest.mark.parametrize("bad", ["één cv als tekst", [1, 2], None])
def test_bad_input_gives_a_clear_error(screener, bad, audit):
    with pytest.raises(ValueError):
        screener.score(bad)
    with pytest.raises(ValueError, match="cv_text"):
        screener.score(audit.drop(columns="cv_text"))
