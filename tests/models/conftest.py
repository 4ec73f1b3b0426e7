"""A small generated history shared by the model tests (module scope: generated once)."""

from __future__ import annotations

import pytest

from fairhire.models import split_history
from fairhire.world import make_applicants


@pytest.fixture(scope="package")
def history():
    return make_applicants(3000, random_state=11)


@pytest.fixture(scope="package")
def split(history):
    return split_history(history, random_state=0)
