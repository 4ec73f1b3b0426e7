"""Fast vectorised draws: categorical (alias method) and Beta (inverse CDF).

numpy's ``Generator.choice`` takes one probability vector per call, and the
world needs categorical draws whose probabilities depend on a group (names by
origin and gender, postcode by origin, ...). Walker's alias method turns each
draw into two table look-ups, for every row at once, from one uniform per row.
Written by hand because neither numpy nor scipy offers a grouped sampler.
"""

from __future__ import annotations

from functools import cache

import numpy as np


def _alias_row(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vose's alias table for one probability vector."""
    k = len(p)
    scaled = p / p.sum() * k
    prob = np.zeros(k)
    alias = np.arange(k)
    small = [i for i in range(k) if scaled[i] < 1.0]
    large = [i for i in range(k) if scaled[i] >= 1.0]
    while small and large:
        s, g = small.pop(), large.pop()
        prob[s], alias[s] = scaled[s], g
        scaled[g] -= 1.0 - scaled[s]
        (small if scaled[g] < 1.0 else large).append(g)
    for i in small + large:  # rounding leftovers keep their own column
        prob[i] = 1.0
    return prob, alias


class Categorical:
    """Categorical distributions, one per group, sampled by the alias method.

    Parameters
    ----------
    probs : array-like, shape (n_groups, n_categories) or (n_categories,)
        Non-negative weights per group; each row is normalised.
    """

    def __init__(self, probs) -> None:
        p = np.atleast_2d(np.asarray(probs, dtype=float))
        self.k = p.shape[1]
        rows = [_alias_row(row) for row in p]
        # flat tables in small types: less memory traffic per draw
        self.prob = np.concatenate([r[0] for r in rows]).astype(np.float32)
        self.alias = np.concatenate([r[1] for r in rows]).astype(np.int32)

    def sample(self, u: np.ndarray, group: np.ndarray | None = None) -> np.ndarray:
        """Category per row (int32 codes) from uniforms ``u`` in [0, 1) and group codes.

        ``u`` may be float32 (half the memory) or float64; the remainder x - floor(x)
        is exact in either, so the draw depends only on ``u``.
        """
        # in place and in 32 bits where possible: at a million rows memory is the cost
        x = u * np.float32(self.k)
        col = x.astype(np.int32)
        np.minimum(col, self.k - 1, out=col)
        np.subtract(x, col, out=x, dtype=x.dtype)
        if group is None:
            idx = col
        else:
            idx = group.astype(np.int32)
            idx *= np.int32(self.k)
            idx += col
        out = self.alias.take(idx)
        np.copyto(out, col, where=x < self.prob.take(idx))
        return out


@cache
def _beta_grid(a: float, b: float, size: int = 8193) -> tuple[np.ndarray, np.ndarray]:
    x = np.linspace(0.0, 1.0, size)
    pdf = x ** (a - 1.0) * (1.0 - x) ** (b - 1.0)
    cdf = np.concatenate([[0.0], np.cumsum((pdf[1:] + pdf[:-1]) / 2.0)])
    return cdf / cdf[-1], x


@cache
def _beta_icdf_table(a: float, b: float, size: int = 4096) -> np.ndarray:
    cdf, x = _beta_grid(a, b)
    return np.interp(np.linspace(0.0, 1.0, size + 1), cdf, x)


def beta_icdf(u: np.ndarray, a: float, b: float) -> np.ndarray:
    """Beta(a, b) draws by inverse CDF (a, b > 1), interpolated on a fine grid."""
    table = _beta_icdf_table(float(a), float(b))
    size = len(table) - 1
    x = u.astype(np.float64) * size
    i = np.minimum(x.astype(np.int64), size - 1)
    lo = table[i]
    return lo + (x - i) * (table[i + 1] - lo)


def beta_bins(a: float, b: float, n_bins: int) -> np.ndarray:
    """Probability that a Beta(a, b) variable falls in each of n_bins equal bins."""
    cdf, x = _beta_grid(float(a), float(b))
    edges = np.interp(np.linspace(0.0, 1.0, n_bins + 1), x, cdf)
    return np.diff(edges)


POPCOUNT = np.array([bin(m).count("1") for m in range(256)], dtype=np.int64)


def bernoulli_mask(
    rng: np.random.Generator, p: np.ndarray | float, n: int, n_bits: int
) -> np.ndarray:
    """A bit mask per row with each of n_bits set independently with probability p."""
    p = np.broadcast_to(np.asarray(p, dtype=np.float32).reshape(-1, 1), (n, 1))
    bits = rng.random((n, n_bits), dtype=np.float32) < p
    packed = np.packbits(bits, axis=1, bitorder="little").astype(np.int64)
    mask = np.zeros(n, dtype=np.int64)
    for byte in range(packed.shape[1]):
        mask |= packed[:, byte] << (8 * byte)
    return mask
