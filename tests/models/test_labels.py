from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fairhire.models import SUITABLE_CUTOFF, truly_suitable


def test_truly_suitable_cuts_at_the_cutoff():
    df = pd.DataFrame({"suitability": [SUITABLE_CUTOFF - 0.1, SUITABLE_CUTOFF, 99.0]})
    assert truly_suitable(df).tolist() == [0, 1, 1]
    assert truly_suitable(df, cutoff=100).tolist() == [0, 0, 0]
    assert truly_suitable(df).dtype == np.int64 or truly_suitable(df).dtype.kind == "i"


def test_truly_suitable_needs_the_column():
    with pytest.raises(KeyError, match="suitability"):
        truly_suitable(pd.DataFrame({"x": [1]}))


def test_about_as_many_suitable_as_invited(history):
    assert abs(truly_suitable(history).mean() - history["invited"].mean()) < 0.1


def test_new_round_is_fresh_and_repeatable():
    from fairhire.models import new_round

    first = new_round(500)
    assert len(first) == 500 and "cv_text" not in first.columns
    pd.testing.assert_frame_equal(first, new_round(500))
    with_text = new_round(50, with_cv_text=True)
    assert "cv_text" in with_text.columns


def test_qualified_column_is_used_without_suitability():
    df = pd.DataFrame({"qualified": [1, 0, 1]})
    assert truly_suitable(df).tolist() == [1, 0, 1]
