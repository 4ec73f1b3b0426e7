"""Postcode areas: residential clustering makes the postcode a proxy for origin."""

from __future__ import annotations

import numpy as np

from fairhire.world.places import CITIES, POSTCODE_LETTERS, geography


def test_postcodes_are_unique_and_four_digits():
    codes = [pc for _, _, areas in CITIES.values() for pc, _ in areas]
    assert len(codes) == len(set(codes))
    assert all(len(pc) == 4 and pc.isdigit() and pc[0] != "0" for pc in codes)
    assert {"SA", "SD", "SS"}.isdisjoint(POSTCODE_LETTERS)


def test_area_distribution_depends_on_origin():
    p = geography().p_area_given_origin
    assert np.allclose(p.sum(axis=1), 1.0)
    # every group lives everywhere, but not in the same proportions
    assert (p > 0).all()
    assert np.abs(p[0] - p[1]).sum() > 0.5


def test_postcode_predicts_origin(large):
    # share of the largest origin group per postcode: far from the overall mix in places
    top = large.groupby("postcode")["origin"].agg(lambda s: (s != "Nederlands").mean())
    overall = (large["origin"] != "Nederlands").mean()
    assert top.max() > overall + 0.2
    assert top.min() < overall - 0.2
