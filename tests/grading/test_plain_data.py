"""Answers as plain data: what the learner's kernel encodes, the judge rebuilds exactly."""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict, defaultdict

import numpy as np
import pandas as pd
import pytest

from fairhire.grading import plain_data


def roundtrip(value):
    return plain_data.decode(json.loads(json.dumps(plain_data.encode(value), allow_nan=False)))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        2**80,
        25.0,
        float("inf"),
        -0.0,
        1 + 2j,
        "B ",
        b"\x00x",
        [1, "a", None],
        ("je", "bent"),
        {("je", "bent"): 2, ("bent", "flexibel"): 1},
        {3, 1, 2},
        frozenset({"a"}),
        Counter({("je", "bent"): 2}),
        OrderedDict([("b", 1), ("a", 2)]),
        defaultdict(int, {"a": 1}),
        np.int64(12),
        np.float64(0.25),
        np.bool_(True),
        np.array([[1, 2], [3, 4]], dtype=np.int32),
        np.array(["a", "bc"]),
    ],
)
def test_plain_values_come_back_with_their_exact_type(value):
    back = roundtrip(value)
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and (back == value).all()
    else:
        assert back == value or (isinstance(value, float) and math.isnan(value))


def test_dates_come_back_as_dates():
    import datetime as dt

    for value in (dt.date(2027, 12, 2), dt.datetime(2026, 8, 2, 9, 30)):
        again = roundtrip(value)
        assert again == value and type(again) is type(value)


def test_nan_survives():
    assert math.isnan(roundtrip(float("nan")))


def test_pandas_values_come_back_equal():
    frame = pd.DataFrame(
        {
            "origin": pd.Series(["Nederlands", "Turks-Nederlands", None], dtype="str"),
            "invited": [1, 0, 1],
            "rate": [0.5, np.nan, 0.25],
            "band": pd.Categorical(["jong", "oud", "jong"]),
        },
        index=pd.Index(["a", "b", "c"], name="id"),
    )
    pd.testing.assert_frame_equal(roundtrip(frame), frame)
    both = pd.DataFrame(
        {"gender": ["man", "vrouw", "vrouw"], "origin": ["NL", "TR", "NL"], "invited": [1, 0, 1]}
    )
    rates = both.groupby(["gender", "origin"])["invited"].mean()
    pd.testing.assert_series_equal(roundtrip(rates), rates)
    pd.testing.assert_index_equal(roundtrip(pd.RangeIndex(2, 10, 2)), pd.RangeIndex(2, 10, 2))
    assert roundtrip(rates.idxmin()) == rates.idxmin()


def test_library_functions_and_modules_pass_by_reference():
    assert roundtrip(math.isclose) is math.isclose
    assert roundtrip(np.mean) is np.mean
    assert roundtrip(pd) is pd


@pytest.mark.parametrize(
    "value",
    [
        object(),
        lambda x: x,
        type("Mine", (int,), {})(3),
        pd.Series(pd.to_datetime(["2026-12-01"])),
    ],
)
def test_anything_else_is_refused(value):
    with pytest.raises(plain_data.Unsupported):
        plain_data.encode(value)


@pytest.mark.parametrize(
    "data",
    [
        {"t": "ref", "v": "os.system"},
        {"t": "ref", "v": "fairhire.grading.merge.withhold_points"},
        {"t": "ref", "v": "math.__loader__"},
        {"t": "module", "v": "subprocess"},
        {"t": "ndarray", "dtype": "V8", "shape": [1], "v": [1]},
        {"t": "oracle", "v": "0:f"},
        {"t": "pickle", "v": "gASV"},
    ],
)
def test_the_judge_builds_nothing_but_plain_values(data):
    with pytest.raises(plain_data.DecodeError):
        plain_data.decode(data)


def test_fitted_models_metric_frames_and_thresholds_come_back_working():
    # the answers of m04..m06 that are objects: rebuilt from their state, they predict the same
    from fairlearn.metrics import MetricFrame, selection_rate
    from fairlearn.postprocessing import ThresholdOptimizer

    from fairhire.models import UNAWARE_FEATURES, make_screening_model, new_round
    from fairhire.world import load_history

    history, applicants = load_history().head(3000), new_round(300)
    model = make_screening_model(UNAWARE_FEATURES).fit(history, history["invited"])
    again = roundtrip(model)
    assert type(again) is type(model)
    assert (again.predict(applicants) == model.predict(applicants)).all()
    predicted = model.predict(applicants)
    mf = MetricFrame(
        metrics=selection_rate,
        y_true=predicted,
        y_pred=predicted,
        sensitive_features=applicants["origin"],
    )
    mf_again = roundtrip(mf)
    assert mf_again.by_group.equals(mf.by_group) and mf_again.difference() == mf.difference()
    optimizer = ThresholdOptimizer(
        estimator=model,
        constraints="demographic_parity",
        prefit=True,
        predict_method="predict_proba",
    ).fit(history, history["invited"], sensitive_features=history["origin"])
    decide = dict(sensitive_features=applicants["origin"], random_state=0)
    assert (
        roundtrip(optimizer).predict(applicants, **decide)
        == optimizer.predict(applicants, **decide)
    ).all()
    # without its trade-off curves (only for fairlearn's plot), the optimizer travels light
    encoded = json.dumps(plain_data.encode(optimizer))
    assert len(encoded) < 300_000 and '"_tradeoff_curve"' not in encoded
    assert roundtrip(optimizer).constraints == "demographic_parity"


def test_library_objects_that_call_a_given_function_are_refused():
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    with pytest.raises(plain_data.Unsupported):
        plain_data.encode(make_pipeline(FunctionTransformer(np.log1p)))


@pytest.mark.parametrize(
    "data",
    [
        # a class that is not on the list
        {
            "t": "object",
            "cls": "sklearn.preprocessing._function_transformer.FunctionTransformer",
            "state": {"t": "dict", "v": []},
        },
        # an allowed class holding a function that is not a metric
        {
            "t": "object",
            "cls": "sklearn.feature_extraction.text.CountVectorizer",
            "state": {
                "t": "dict",
                "v": [[{"t": "str", "v": "preprocessor"}, {"t": "ref", "v": "json.loads"}]],
            },
        },
        {
            "t": "object",
            "cls": "sklearn.preprocessing._data.StandardScaler",
            "state": {"t": "dict", "v": [[{"t": "str", "v": "m"}, {"t": "module", "v": "re"}]]},
        },
        {
            "t": "object",
            "cls": "sklearn.preprocessing._data.StandardScaler",
            "state": {"t": "list", "v": []},
        },
    ],
)
def test_the_judge_rebuilds_only_listed_objects_with_plain_state(data):
    with pytest.raises(plain_data.DecodeError):
        plain_data.decode(data)
