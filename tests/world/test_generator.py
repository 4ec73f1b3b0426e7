"""make_applicants: the data contract, the calibration and parameter validation."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from fairhire.world import (
    COLUMNS,
    DEFAULT_SEED,
    EDUCATION_LEVELS,
    GENDERS,
    ORIGIN_INVITE_RATIOS,
    ORIGINS,
    VACANCY_LABELS,
    make_applicants,
)
from fairhire.world.generator import REFERENCE_DATE
from fairhire.world.vacancies import CBS_EDUCATION_SHARES, DUTCH_LEVELS, VACANCIES

CONTRACT = [
    "applicant_id",
    "vacancy",
    "first_name",
    "last_name",
    "gender",
    "origin",
    "age",
    "postcode",
    "city",
    "education",
    "years_experience",
    "career_gap_months",
    "hours_per_week",
    "dutch_level",
    "cv_text",
    "suitability",
    "invited",
    "hired",
]


def test_contract_columns_in_order(with_text):
    assert list(with_text.columns) == list(COLUMNS)
    positions = [list(with_text.columns).index(c) for c in CONTRACT]
    assert positions == sorted(positions)


def test_without_text_only_the_text_is_missing(with_text):
    plain = make_applicants(3000, with_cv_text=False, random_state=DEFAULT_SEED + 7)
    assert "cv_text" not in plain.columns
    pd.testing.assert_frame_equal(plain, with_text.drop(columns="cv_text"))


def test_same_seed_same_frame_and_other_seed_differs():
    a = make_applicants(500, random_state=3)
    pd.testing.assert_frame_equal(a, make_applicants(500, random_state=3))
    assert not a.equals(make_applicants(500, random_state=4))
    rng = np.random.default_rng(3)  # a Generator is used as given
    pd.testing.assert_frame_equal(a, make_applicants(500, random_state=rng))


def test_values_and_types(large):
    assert set(large["gender"]) == set(GENDERS)
    assert set(large["origin"]) == set(ORIGINS)
    assert set(large["vacancy"]) == set(VACANCY_LABELS)
    assert set(large["education"]) == set(EDUCATION_LEVELS)
    assert set(large["dutch_level"]) <= set(DUTCH_LEVELS)
    assert large["age"].between(18, 67).all()
    assert large["suitability"].between(0, 100).all()
    assert set(large["invited"]) == {0, 1} and set(large["hired"]) == {0, 1}
    assert (large["hired"] <= large["invited"]).all()
    assert large["applicant_id"].is_unique
    assert large["postcode"].str.fullmatch(r"[1-9]\d{3}").all()
    for col in ("age", "years_experience", "career_gap_months", "hours_per_week", "invited"):
        assert large[col].dtype == np.int64, col
    # list cells are split on ";" (or "," for hobbies) by the models: no label may hold either
    for col in ("skills", "certificates", "memberships"):
        assert not large[col].str.contains(",").any(), col


def test_birth_date_agrees_with_age(large):
    born = pd.to_datetime(large["birth_date"])
    ref = pd.Timestamp(REFERENCE_DATE)
    had_birthday = (born.dt.month < ref.month) | (
        (born.dt.month == ref.month) & (born.dt.day <= ref.day)
    )
    age = ref.year - born.dt.year - (~had_birthday).astype(int)
    assert (age == large["age"]).all()


def test_education_shares_close_to_cbs(large):
    shares = large["education"].value_counts(normalize=True)
    cbs = dict(
        zip(
            EDUCATION_LEVELS,
            np.array(CBS_EDUCATION_SHARES) / sum(CBS_EDUCATION_SHARES),
            strict=True,
        )
    )
    for level in EDUCATION_LEVELS:
        assert abs(shares[level] - cbs[level]) < 0.02, level


def test_part_time_and_gaps_by_gender(large):
    # CBS 2023: under 20 h men 12.0%, women 20.6%; 35 h or more men 70.6%, women 31.1%
    hours = large.groupby("gender")["hours_per_week"]
    assert hours.apply(lambda h: (h < 20).mean())["man"] == pytest.approx(0.120, abs=0.01)
    assert hours.apply(lambda h: (h < 20).mean())["vrouw"] == pytest.approx(0.206, abs=0.01)
    assert hours.apply(lambda h: (h >= 35).mean())["man"] == pytest.approx(0.706, abs=0.01)
    assert hours.apply(lambda h: (h >= 35).mean())["vrouw"] == pytest.approx(0.311, abs=0.01)
    gaps = large.groupby("gender")["career_gap_months"].apply(lambda g: (g > 0).mean())
    assert gaps["vrouw"] > 3 * gaps["man"]
    assert large["gender"].eq("vrouw").mean() == pytest.approx(0.47, abs=0.01)


def test_invitation_ratios_match_the_field_experiments(large):
    rate = large.groupby("origin")["invited"].mean()
    assert rate["Nederlands"] == pytest.approx(0.34, abs=0.01)  # SCP 2015: 34%
    for origin, ratio in ORIGIN_INVITE_RATIOS.items():
        assert rate[origin] / rate["Nederlands"] == pytest.approx(ratio, abs=0.03), origin
    assert large["hired"].sum() / large["invited"].sum() == pytest.approx(0.30, abs=0.02)


def test_no_bias_means_equal_invitations():
    df = make_applicants(
        100_000,
        with_cv_text=False,
        origin_bias=0,
        age_bias=0,
        gap_bias=0,
        parttime_bias=0,
        random_state=1,
    )
    for column in ("origin", "gender"):
        rate = df.groupby(column)["invited"].mean()
        assert rate.min() / rate.max() > 0.93, column


def test_stronger_bias_lowers_the_ratio():
    ratios = []
    for strength in (0.5, 1.0, 2.0):
        df = make_applicants(60_000, with_cv_text=False, origin_bias=strength, random_state=2)
        rate = df.groupby("origin")["invited"].mean()
        ratios.append(rate["Marokkaans-Nederlands"] / rate["Nederlands"])
    assert ratios[0] > ratios[1] > ratios[2]
    assert ratios[2] == pytest.approx(ORIGIN_INVITE_RATIOS["Marokkaans-Nederlands"] ** 2, abs=0.04)


def test_group_shares_vacancy_and_female_share():
    df = make_applicants(
        4000,
        with_cv_text=False,
        group_shares={"Nederlands": 1, "Turks-Nederlands": 1},
        vacancy="productiemedewerker bakkerij",
        female_share=1.0,
        random_state=0,
    )
    assert set(df["origin"]) == {"Nederlands", "Turks-Nederlands"}
    assert df["origin"].eq("Turks-Nederlands").mean() == pytest.approx(0.5, abs=0.03)
    assert set(df["vacancy"]) == {"productiemedewerker bakkerij"}
    assert set(df["gender"]) == {"vrouw"}
    mixed = make_applicants(
        4000, with_cv_text=False, vacancy=["HR-adviseur", "data-analist"], random_state=0
    )
    assert set(mixed["vacancy"]) == {"HR-adviseur", "data-analist"}


def test_dutch_level_meets_every_vacancy_minimum(large):
    for label, vacancy in VACANCIES.items():
        levels = large.loc[large["vacancy"] == label, "dutch_level"].map(DUTCH_LEVELS.index)
        assert levels.min() >= DUTCH_LEVELS.index(vacancy.min_dutch), label


def test_ids_start_where_asked():
    df = make_applicants(10, with_cv_text=False, id_start=500, random_state=0)
    assert df["applicant_id"].tolist() == list(range(500, 510))


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"n_samples": 0}, "n_samples"),
        ({"n_samples": 2.5}, "n_samples"),
        ({"n_samples": True}, "n_samples"),
        ({"vacancy": "kapper"}, "vacancy"),
        ({"vacancy": []}, "vacancy"),
        ({"vacancy": {"HR-adviseur": -1}}, "vacancy"),
        ({"origin_bias": -0.1}, "origin_bias"),
        ({"origin_bias": 3.5}, "origin_bias"),
        ({"origin_bias": "sterk"}, "origin_bias"),
        ({"age_bias": float("nan")}, "age_bias"),
        ({"gap_bias": 10}, "gap_bias"),
        ({"parttime_bias": -1}, "parttime_bias"),
        ({"group_shares": {"Nederlands": 1, "Fries": 1}}, "group_shares"),
        ({"group_shares": {"Nederlands": 0}}, "group_shares"),
        ({"group_shares": {"Nederlands": -1, "overig": 2}}, "group_shares"),
        ({"female_share": 1.5}, "female_share"),
        ({"with_cv_text": "ja"}, "with_cv_text"),
        ({"id_start": -1}, "id_start"),
        ({"random_state": -5}, "random_state"),
        ({"random_state": "abc"}, "random_state"),
    ],
)
def test_bad_parameters_name_themselves(kwargs, name):
    kwargs = {"n_samples": 10, "random_state": 0, **kwargs}
    with pytest.raises(ValueError, match=name) as info:
        make_applicants(**kwargs)
    message = str(info.value)  # English first, then a Dutch sentence in brackets
    assert any(word in message for word in ("moet", "onbekend", "mogen")), message


def test_reference_date_is_fixed():
    assert REFERENCE_DATE == date(2025, 9, 1)
