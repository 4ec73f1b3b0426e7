"""The grouped alias sampler and the Beta inverse CDF draw what they should."""

from __future__ import annotations

import numpy as np

from fairhire.world.sampling import POPCOUNT, Categorical, bernoulli_mask, beta_bins, beta_icdf


def test_grouped_categorical_frequencies():
    probs = np.array([[0.5, 0.3, 0.2, 0.0], [0.1, 0.1, 0.1, 0.7]])
    rng = np.random.default_rng(0)
    n = 400_000
    group = rng.integers(0, 2, n)
    draws = Categorical(probs).sample(rng.random(n, dtype=np.float32), group)
    for g in range(2):
        freq = np.bincount(draws[group == g], minlength=4) / (group == g).sum()
        assert np.allclose(freq, probs[g], atol=0.005)


def test_beta_draws_match_the_moments():
    u = np.random.default_rng(1).random(400_000)
    x = beta_icdf(u, 2.0, 3.0)
    assert abs(x.mean() - 0.4) < 0.003 and abs(x.var() - 0.04) < 0.002
    assert np.isclose(beta_bins(2.0, 3.0, 50).sum(), 1.0)


def test_bernoulli_mask_bits():
    rng = np.random.default_rng(2)
    mask = bernoulli_mask(rng, 0.25, 200_000, 8)
    assert mask.max() < 256
    assert abs(POPCOUNT[mask].mean() - 2.0) < 0.02
