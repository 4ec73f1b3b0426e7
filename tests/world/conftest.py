"""Shared data for the world tests: the shipped history and a large tabular sample."""

from __future__ import annotations

import pytest
from sklearn.model_selection import train_test_split

from fairhire.world import DEFAULT_SEED, load_history, make_applicants


@pytest.fixture(scope="package")
def history():
    """datasets/history.csv, as the course loads it."""
    return load_history()


@pytest.fixture(scope="package")
def history_split(history):
    """70/30 split of the history, stratified on the past decision."""
    return train_test_split(history, test_size=0.3, random_state=0, stratify=history["invited"])


@pytest.fixture(scope="package")
def large():
    """200,000 applicants without CV text, default seed: for distribution checks."""
    return make_applicants(200_000, with_cv_text=False, random_state=DEFAULT_SEED)


@pytest.fixture(scope="package")
def with_text():
    """3,000 applicants with CV text."""
    return make_applicants(3000, random_state=DEFAULT_SEED + 7)
