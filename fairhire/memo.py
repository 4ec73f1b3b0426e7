"""Reference results computed once per grading batch, not once per learner.

Hidden tests and given cells refit the same models on the same data for every
learner. :func:`shared` marks a deterministic course function whose result
depends only on its arguments; when a *store* is present in the process, a
call whose arguments match a stored call (by a SHA-256 of their contents, not
by identity) returns a fresh copy of the stored result (unpickled) instead of
computing it.

Without a store (plain ``nbgrader autograde``, the answer tables, the lessons)
every call computes, exactly as before. The store lives in ``sys.modules``
under :data:`STORE`, outside the ``fairhire`` package, so the hidden tests'
re-import of ``fairhire`` keeps it. Only ``fairhire grade`` installs one
(:mod:`fairhire.grading.warm`): the warm-kernel zygote runs the trainer's
source notebooks before any learner code runs, and keeps two sets of results:

* for the judge's kernels, which never run learner code, what the whole
  notebooks computed (a writable store: a judge's own new results are kept
  for its later cells);
* for the learner's kernels and oracles, only what the *given* cells compute
  without any answer, read-only: exactly what running the handed-out notebook
  gives anyone, so the store holds nothing a learner could not compute.

A learner's code that changes its read-only store only changes its own
kernel's values, which the judge never trusts; the tripwire notices it
(:mod:`fairhire.grading.kernel_guard`), for the few test cells that run in
the learner's kernel.
"""

from __future__ import annotations

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
        data = store.results.get(k)
        if data is not None:
            return pickle.loads(data)  # noqa: S301 - written by this process or the zygote
        value = func(*args, **kwargs)
        if store.writable:
            try:
                store.results[k] = pickle.dumps(value, protocol=5)
            except Exception:  # noqa: BLE001 - a result that cannot travel is not shared
                pass
        return value

    return wrapper


def install(results: dict[str, bytes] | None = None, *, writable: bool = True) -> types.ModuleType:
    """Put a store in this process (filled with ``results``) and return it.

    ``results`` maps a :func:`key` to the pickled result. A ``writable`` store
    keeps every new result too; a read-only one only answers from ``results``.
    """
    store = types.ModuleType(STORE, "Shared reference results (fairhire.memo).")
    store.results = dict(results or {})
    store.writable = bool(writable)
    sys.modules[STORE] = store
    return store


def uninstall() -> None:
    """Remove the store from this process: every call computes again."""
    sys.modules.pop(STORE, None)


def results() -> dict[str, bytes]:
    """The (pickled) results in this process's store (empty without one)."""
    store = sys.modules.get(STORE)
    return dict(store.results) if store is not None else {}
