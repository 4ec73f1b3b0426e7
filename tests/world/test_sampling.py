"""The grouped alias sampler and the Beta inverse CDF draw what they should."""

from __future__ import annotations

import numpy as np
import pytest

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


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_alias_draw_equals_the_exact_rule(dtype):
    # sample() works in place in the uniforms' own precision; the rule it implements:
    # column c = floor(u * k), keep c when the remainder is below prob[c], else alias[c]
    probs = np.array([[0.05, 0.6, 0.05, 0.3], [0.25, 0.25, 0.25, 0.25], [0.9, 0.0, 0.0, 0.1]])
    sampler = Categorical(probs)
    rng = np.random.default_rng(3)
    # random uniforms plus the ones right at each keep-or-alias boundary (c + prob) / k,
    # where a rounding slip would change the category
    bounds = (
        ((np.arange(sampler.k) + sampler.prob.reshape(3, -1).astype(np.float64)) / sampler.k)
        .astype(dtype)
        .ravel()
    )
    edges = np.concatenate([np.nextafter(bounds, dtype(0)), bounds, np.nextafter(bounds, dtype(1))])
    edge_groups = np.tile(np.repeat(np.arange(3), sampler.k), 3)
    keep = edges < 1
    u = np.concatenate([rng.random(300_000, dtype=dtype), edges[keep]])
    group = np.concatenate([rng.integers(0, 3, 300_000), edge_groups[keep]])
    x = u.astype(np.float64) * sampler.k  # exact: k = 4 is a power of two
    col = np.minimum(np.floor(x).astype(np.int64), sampler.k - 1)
    idx = group * sampler.k + col
    expected = np.where(x - col < sampler.prob[idx], col, sampler.alias[idx])
    u_before = u.copy()
    got = sampler.sample(u, group)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(u, u_before)  # the caller's uniforms are left alone
