"""Name lists and e-mail addresses."""

from __future__ import annotations

import pytest

from fairhire.world import make_applicants
from fairhire.world.names import (
    EMAIL_PATTERNS,
    EXCLUDED_PAIRS,
    FIRST_NAMES,
    GENDERS,
    LAST_NAMES,
    ORIGINS,
    ascii_fold,
    last_names,
)

# Well-known people: no (first name, surname) pair of these may be drawn together.
FAMOUS = [
    ("Mark", "Rutte"),
    ("Ahmed", "Aboutaleb"),
    ("Khadija", "Arib"),
    ("Robert", "Lewandowski"),
    ("Dick", "Schoof"),
    ("Geert", "Wilders"),
    ("Frans", "Timmermans"),
    ("Jan", "Smit"),
    ("Hakim", "Ziyech"),
    ("Ruud", "Gullit"),
    ("Clarence", "Seedorf"),
    ("Arjen", "Robben"),
]


def test_every_group_has_names():
    for origin in ORIGINS:
        assert len(LAST_NAMES[origin]) >= 20
        for gender in GENDERS:
            assert len(FIRST_NAMES[origin][gender]) >= 20
            assert len(set(FIRST_NAMES[origin][gender])) == len(FIRST_NAMES[origin][gender])


def test_no_famous_name_is_drawn():
    famous = set(FAMOUS) | EXCLUDED_PAIRS
    possible = {
        (f, ln)
        for origin in ORIGINS
        for gender in GENDERS
        for f in FIRST_NAMES[origin][gender]
        for ln in last_names(origin, gender)
    }
    assert famous & possible <= EXCLUDED_PAIRS  # the lists may combine them only if excluded
    df = make_applicants(300_000, with_cv_text=False, random_state=0)
    drawn = set(zip(df["first_name"], df["last_name"], strict=True))
    assert not drawn & famous
    assert len(drawn) > 0.9 * len(possible)  # and everything else does occur


def test_polish_surnames_take_the_feminine_form():
    assert "Kowalska" in last_names("Pools-Nederlands", "vrouw")
    assert "Kowalski" in last_names("Pools-Nederlands", "man")
    assert "Nowak" in last_names("Pools-Nederlands", "vrouw")


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Ayşe", "ayse"),
        ("Yıldız", "yildiz"),
        ("Łukasz", "lukasz"),
        ("van den Berg", "vandenberg"),
        ("El Amrani", "elamrani"),
        ("Özlem", "ozlem"),
        ("Müller", "muller"),
    ],
)
def test_ascii_fold(name, folded):
    assert ascii_fold(name) == folded


def test_email_local_parts_come_from_the_names(with_text):
    for first, last, email in zip(
        with_text["first_name"], with_text["last_name"], with_text["email"], strict=True
    ):
        local = email.split("@")[0]
        f = ascii_fold(first)
        candidates = {p.format(f=f, i=f[0], l=ascii_fold(last), y="") for p in EMAIL_PATTERNS}
        assert local.rstrip("0123456789") in candidates, (first, last, email)
