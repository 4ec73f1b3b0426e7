"""The data of the final assignment (module m08): the audit set scored by the vendor's screener.

The hidden tests of m08 recompute every expected number from this, never from a table the
learner could have changed. Each hidden test starts by dropping ``fairhire`` from
``sys.modules``, which would throw away any cache inside the package and rebuild the
screener (seconds) for every test cell. So the screener and the scored table are cached in a
small module *outside* the ``fairhire`` namespace; what it holds is rebuilt from the seed and
is the same on every run. The cache holds them pickled (immutable bytes) and every call
unpickles a fresh copy: a caller can change its copy, never the cache, and the grading
tripwire sees an entry replaced (:mod:`fairhire.grading.kernel_guard`).
"""

from __future__ import annotations

import pickle
import sys
import types

import pandas as pd

from .memo import shared

_CACHE = "_fairhire_m08_cache"  # not "fairhire.*": survives the hidden-test prelude
SWAP_SEED = 8  # the seed the assignment uses for the name swap


def _cache() -> types.ModuleType:
    cache = sys.modules.get(_CACHE)
    if cache is None:
        cache = types.ModuleType(_CACHE, "Cache of fairhire.final_audit (m08 grading).")
        cache.store = {}
        sys.modules[_CACHE] = cache
    return cache


def screener():
    """The vendor's screener (Selectomaat), built once and kept across reloads of ``fairhire``.

    The exercise builds it through this function, so the hidden tests find it ready.
    Every call returns a fresh copy.
    """
    store = _cache().store
    if "screener" not in store:
        from .world import vendor_screener

        store["screener"] = pickle.dumps(vendor_screener(), protocol=5)
    return pickle.loads(store["screener"])  # noqa: S301 - pickled by this function


@shared  # fairhire grade: the judge's kernels take it from the zygote (see fairhire.memo)
def scored_audit() -> pd.DataFrame:
    """``datasets/vendor_audit.csv`` with the vendor's ``score`` and ``selected`` (0/1) added.

    Returns a fresh copy every call, so a caller may change it freely.
    """
    store = _cache().store
    if "audit" not in store:
        from .world import load_vendor_audit

        audit = load_vendor_audit()
        vendor = screener()
        audit["score"] = vendor.score(audit)
        audit["selected"] = (audit["score"] >= vendor.threshold).astype(int)  # = vendor.select
        store["audit"] = pickle.dumps(audit, protocol=5)
    return pickle.loads(store["audit"])  # noqa: S301 - pickled by this function


def clear_cache() -> None:
    """Forget the cached table and screener (for tests)."""
    sys.modules.pop(_CACHE, None)
