"""swap_names: only the name changes, everywhere it occurs."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fairhire.world import swap_names
from fairhire.world.names import FIRST_NAMES, last_names


@pytest.fixture(scope="module")
def sample(with_text):
    return with_text[with_text["origin"] == "Nederlands"].head(300)


def mask_names(df: pd.DataFrame) -> list[str]:
    """The CV texts with names and e-mail addresses blanked out."""
    out = []
    for text, first, last, email in zip(
        df["cv_text"], df["first_name"], df["last_name"], df["email"], strict=True
    ):
        text = text.replace(email, "<EMAIL>").replace(f"{first} {last}", "<NAAM>")
        out.append(re.sub(rf"(?<!\w){re.escape(first)}(?!\w)", "<VOORNAAM>", text))
    return out


def test_names_change_and_nothing_else(sample):
    swapped = swap_names(sample, to_origin="Marokkaans-Nederlands", random_state=3)
    pool = FIRST_NAMES["Marokkaans-Nederlands"]
    for row in swapped.itertuples():
        assert row.first_name in pool[row.gender]
        assert row.last_name in last_names("Marokkaans-Nederlands", row.gender)
    assert mask_names(swapped) == mask_names(sample)
    unchanged = [
        c for c in sample.columns if c not in ("first_name", "last_name", "email", "cv_text")
    ]
    pd.testing.assert_frame_equal(swapped[unchanged], sample[unchanged])
    for old, new in zip(sample.itertuples(), swapped.itertuples(), strict=True):
        assert f"{old.first_name} {old.last_name}" not in new.cv_text
        assert old.email not in new.cv_text and new.email in new.cv_text
        old_local, old_domain = old.email.split("@")
        new_local, new_domain = new.email.split("@")
        assert new_domain == old_domain  # the domain and any birth-year digits stay
        assert re.search(r"\d*$", new_local).group() == re.search(r"\d*$", old_local).group()


def test_swap_gender_only(sample):
    swapped = swap_names(sample, to_gender="vrouw", random_state=0)
    assert swapped["first_name"].isin(FIRST_NAMES["Nederlands"]["vrouw"]).all()
    assert (swapped["gender"] == sample["gender"]).all()


def test_same_seed_same_swap(sample):
    a = swap_names(sample, to_origin="Turks-Nederlands", random_state=5)
    pd.testing.assert_frame_equal(
        a, swap_names(sample, to_origin="Turks-Nederlands", random_state=5)
    )


def test_new_first_name_equal_to_old_surname_is_not_replaced_twice():
    df = pd.DataFrame(
        {
            "first_name": ["Omar"],
            "last_name": ["Hassan"],
            "gender": ["man"],
            "origin": ["overig"],
            "email": ["omar.hassan@example.com"],
            "cv_text": ["Naam: Omar Hassan\nIk ben Omar.\nomar.hassan@example.com"],
        }
    )
    for seed in range(40):
        out = swap_names(df, to_origin="overig", random_state=seed).iloc[0]
        assert out.cv_text == (
            f"Naam: {out.first_name} {out.last_name}\nIk ben {out.first_name}.\n{out.email}"
        )


@pytest.mark.parametrize(
    "kwargs, name",
    [({}, "to_origin"), ({"to_origin": "Fries"}, "to_origin"), ({"to_gender": "x"}, "to_gender")],
)
def test_bad_arguments(sample, kwargs, name):
    with pytest.raises(ValueError, match=name):
        swap_names(sample, **kwargs)


def test_missing_columns(sample):
    with pytest.raises(ValueError, match="origin"):
        swap_names(sample.drop(columns="origin"), to_gender="man")
