"""Reference results computed once per grading batch, not once per learner.

Hidden tests and given cells refit the same models on the same data for every
learner. :func:`shared` marks a deterministic course function whose result
depends only on its arguments; when a *store* is present in the process, a
call whose arguments match a stored call (by a SHA-256 of their contents, not
by identity) returns a copy of the stored result instead of computing it.

Without a store (a learner's kernel, plain ``nbgrader autograde``, the answer
tables, the lessons) every call computes, exactly as before. The store lives
in ``sys.modules`` under :data:`STORE`, outside the ``fairhire`` package, so
the hidden tests' re-import of ``fairhire`` keeps it. Only ``fairhire grade``
installs one, and only in processes that never run learner code: the
warm-kernel zygote fills it by running the trainer's source notebooks before
any learner code runs, and hands it only to the judge's kernels
(:mod:`fairhire.grading.warm`). A learner's kernel never gets it; one that
makes its own is seen by the tripwire (:mod:`fairhire.grading.kernel_guard`).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import pickle
import sys
import types
from collections.abc import Callable

STORE = "_fairhire_shared_results"


class _Unkeyable(Exception):
    """An argument this module does not fingerprint (the call then simply computes)."""


def _feed(h, value) -> None:
    import numpy as np
    import pandas as pd

    kind = type(value)
    h.update(f"<{kind.__module__}.{kind.__qualname__}>".encode())
    if value is None or kind in (bool, int, float, complex, str, bytes):
        h.update(repr(value).encode() + b"\x00")
    elif kind in (tuple, list):
        h.update(f"{len(value)}[".encode())
        for item in value:
            _feed(h, item)
        h.update(b"]")
    elif kind is dict:
        h.update(f"{len(value)}{{".encode())
        for key in value:
            _feed(h, key)
            _feed(h, value[key])
        h.update(b"}")
    elif kind is pd.DataFrame:
        h.update(f"{value.shape}".encode())
        _feed(h, value.index)
        _feed(h, list(value.columns))
        for _, column in value.items():
            _feed(h, column)
    elif kind is pd.Series:
        _feed(h, value.name)
        _feed(h, value.index)
        _feed(h, value.to_numpy())
        h.update(str(value.dtype).encode())
    elif isinstance(value, pd.Index):
        h.update(str(value.dtype).encode())
        _feed(h, value.to_numpy())
    elif kind is np.ndarray:
        h.update(f"{value.dtype.str}{value.shape}".encode())
        if value.dtype.kind in "biufcMm":
            h.update(np.ascontiguousarray(value).tobytes())
        elif value.dtype.kind == "O" and all(type(v) is str for v in value.flat):
            h.update(b"\x1f".join(v.encode("utf-8", "surrogatepass") for v in value.flat))
        else:
            h.update(pickle.dumps(value.tolist(), protocol=5))
    elif isinstance(value, np.generic):
        h.update(value.dtype.str.encode() + value.tobytes())
    else:
        raise _Unkeyable(kind.__qualname__)


def key(func: Callable, args: tuple, kwargs: dict) -> str | None:
    """The store key of a call, or None when an argument cannot be fingerprinted."""
    h = hashlib.sha256(f"{func.__module__}.{func.__qualname__}".encode())
    try:
        _feed(h, list(args))
        _feed(h, dict(sorted(kwargs.items())))
    except (_Unkeyable, RecursionError, TypeError, ValueError):
        return None
    return h.hexdigest()


def shared(func: Callable) -> Callable:
    """Decorate a deterministic function so a store (if any) answers repeated calls."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        store = sys.modules.get(STORE)
        if store is None:
            return func(*args, **kwargs)
        k = key(func, args, kwargs)
        if k is None:
            return func(*args, **kwargs)
        if k in store.results:
            return copy.deepcopy(store.results[k])
        value = func(*args, **kwargs)
        store.results[k] = copy.deepcopy(value)
        frozen = getattr(store, "frozen", None)
        if frozen is not None:  # recording: pickle now, while its classes are the current ones
            try:
                frozen[k] = pickle.dumps(value, protocol=5)
            except Exception:  # noqa: BLE001 - a result that cannot travel is not shared
                pass
        return value

    return wrapper


def install(results: dict | None = None, *, recording: bool = False) -> types.ModuleType:
    """Put a store in this process (filled with ``results``) and return it.

    ``recording``: also keep each new result pickled (``store.frozen``), to send it
    to another process (the hidden tests' re-import of ``fairhire`` would make
    classes defined there unpicklable later).
    """
    store = types.ModuleType(STORE, "Shared reference results (fairhire.memo).")
    store.results = dict(results or {})
    if recording:
        store.frozen = {}
    sys.modules[STORE] = store
    return store


def uninstall() -> None:
    """Remove the store from this process: every call computes again."""
    sys.modules.pop(STORE, None)


def results() -> dict:
    """The results in this process's store (empty without one)."""
    store = sys.modules.get(STORE)
    return dict(store.results) if store is not None else {}
