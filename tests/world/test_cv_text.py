"""The rendered Dutch CV texts."""

from __future__ import annotations

import re

import numpy as np

from fairhire.world import make_applicants

LAYOUT_MARKERS = {
    "klassiek": "CURRICULUM VITAE",
    "compact": "PROFIEL: ",
    "verhalend": "Over mij\n",
    "modern": "\nCONTACT\n",
}


def test_every_layout_occurs(with_text):
    for layout, marker in LAYOUT_MARKERS.items():
        share = with_text["cv_text"].str.contains(marker, regex=False).mean()
        assert 0.15 < share < 0.35, layout


def test_texts_carry_the_row(with_text):
    for row in with_text.head(600).itertuples():
        text = row.cv_text
        assert f"{row.first_name} {row.last_name}" in text
        assert row.email in text
        assert row.city in text and row.postcode in text
        assert row.street in text
        assert row.vacancy in text or row.vacancy.capitalize() in text
        assert str(row.hours_per_week) in text
        for skill in filter(None, row.skills.split("; ")):
            assert skill in text, skill
        for membership in filter(None, row.memberships.split("; ")):
            assert membership[1:] in text, membership
        if row.career_gap_months:
            assert f"{row.career_gap_months} maanden" in text
        if row.dutch_level != "moedertaal":
            assert f"Nederlands ({row.dutch_level})" in text


def test_birth_date_in_text(with_text):
    for row in with_text.head(300).itertuples():
        y, m, d = row.birth_date.split("-")
        assert f"{d}-{m}-{y}" in row.cv_text or re.search(rf"\b{int(d)} \w+ {y}\b", row.cv_text)


def test_texts_are_clean(with_text):
    texts = with_text["cv_text"]
    assert not texts.str.contains(r"[{}\r\t]").any()
    assert not texts.str.contains("  ").any()
    assert texts.str.len().between(300, 3000).all()
    assert texts.nunique() == len(texts)


def test_phrasing_varies(with_text):
    openings = with_text["cv_text"].str.extract(r"(?:Profiel\n|PROFIEL: |PROFIEL\n)(\w+ \w+)")[0]
    assert openings.nunique() >= 4


def test_texts_render_fast(record_timing):
    import time

    start = time.perf_counter()
    df = make_applicants(20_000, random_state=1)
    seconds = time.perf_counter() - start
    record_timing("world", "make_applicants 20,000 with CV text", seconds)
    assert seconds < 20  # 100,000 in well under a minute (the benchmark measures it)
    assert np.isfinite(df["suitability"]).all()
