"""Answer keys: the visible checks know the right answer without holding it.

A visible check compares a fingerprint of the learner's answer with the
fingerprint of the solution's answer, stored in ``data/answer_keys.json``.
The fingerprint is a SHA-256 digest of a canonical text of the value, salted
with the question's key (its grade_id), so the file says nothing readable
about any answer and equal answers to two questions have different digests.

The keys are made by running the solution notebooks with recording switched
on (:func:`record_to`, used by ``fairhire notebooks keys``): each
``check.key(...)`` call then writes its digest instead of comparing. So the
key of a question always comes from the solution itself.

A digest is no secret: a learner who tries every letter of a choice question
finds the right one. Visible checks are practice for the learner; the
register's evidence comes from hidden tests in the judge kernel and from the
trainer.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from numbers import Real
from pathlib import Path
from typing import Any

KEYS_FILE = Path(__file__).parent / "data" / "answer_keys.json"
DIGEST_CHARS = 32
DEFAULT_DIGITS = 6


# Set while ``fairhire notebooks keys`` runs a solution. An environment variable, because the
# hidden tests import a fresh fairhire; a learner who sets it only fools their own checks.
RECORD_ENV = "FAIRHIRE_RECORD_KEYS"


def canonical(value: Any, *, digits: int = DEFAULT_DIGITS, ordered: bool = True) -> str:
    """A text that is equal for answers that count as equal.

    Numbers of any kind (Python, numpy) are written with ``digits``
    significant digits; a list and a tuple are the same; text is stripped;
    mappings, pandas Series and DataFrames are written as sorted key/value
    pairs; sets are sorted. With ``ordered=False`` the order of a list does
    not count either.

    Parameters
    ----------
    value : object
        The answer.
    digits : int, default 6
        Significant digits kept of every number.
    ordered : bool, default True
        Whether the order of a list or tuple counts (at the top level).

    Returns
    -------
    str
    """
    items = _plain(value)
    if not ordered and isinstance(items, list):
        items = sorted(items, key=lambda v: _text(v, digits))
    return _text(items, digits)


def _plain(value: Any) -> Any:
    """Turn pandas and numpy values into Python lists, dicts and scalars.

    By duck type, without importing pandas or numpy: the error handler imports
    the checks, and stays light.
    """
    library = (type(value).__module__ or "").split(".")[0]
    if library == "pandas":
        if hasattr(value, "columns"):  # DataFrame
            return {str(c): _plain(value[c]) for c in value.columns}
        if hasattr(value, "items") and hasattr(value, "index"):  # Series
            return {_key(k): _plain(v) for k, v in value.items()}
        if hasattr(value, "tolist"):  # Index
            return [_plain(v) for v in value.tolist()]
    if library == "numpy" and hasattr(value, "tolist"):  # arrays and scalars
        plain = value.tolist()
        return _plain(plain) if isinstance(plain, (list, tuple)) else plain
    if isinstance(value, Mapping):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {"__set__": sorted((_plain(v) for v in value), key=repr)}
    return value


def _key(k: Any) -> str:
    k = _plain(k)
    if isinstance(k, list):
        return "|".join(str(v).strip() for v in k)
    return str(k).strip()


def _number(x: float, digits: int) -> str:
    if math.isnan(x):
        return "nan"
    if x == 0:
        return "0"
    return f"{x:.{digits}g}"


def _text(value: Any, digits: int) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Real):
        return _number(float(value), digits)
    if isinstance(value, str):
        return json.dumps(value.strip(), ensure_ascii=False)
    if isinstance(value, dict):
        if set(value) == {"__set__"}:
            return "{" + ",".join(sorted(_text(v, digits) for v in value["__set__"])) + "}"
        pairs = sorted(
            (json.dumps(k, ensure_ascii=False), _text(v, digits)) for k, v in value.items()
        )
        return "{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_text(v, digits) for v in value) + "]"
    return json.dumps(repr(value))


def digest(key: str, value: Any, *, digits: int = DEFAULT_DIGITS, ordered: bool = True) -> str:
    """The salted fingerprint of ``value`` as the answer to question ``key``."""
    text = canonical(value, digits=digits, ordered=ordered)
    return hashlib.sha256(f"{key}\n{text}".encode()).hexdigest()[:DIGEST_CHARS]


def candidates(value: Any, *, digits: int, ordered: bool, key: str) -> set[str]:
    """Digests of ``value`` and, for a single number, of its neighbours.

    A number within a billionth of a rounding boundary may round either way;
    its two neighbours cover that.
    """
    found = {digest(key, value, digits=digits, ordered=ordered)}
    plain = _plain(value)
    if isinstance(plain, Real) and not isinstance(plain, bool) and math.isfinite(float(plain)):
        for factor in (1 - 1e-9, 1 + 1e-9):
            found.add(digest(key, float(plain) * factor, digits=digits, ordered=ordered))
    return found


def load_keys(path: Path = KEYS_FILE) -> dict[str, str]:
    """All keys: question key -> digest (empty when the file does not exist)."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def record_to(path: str | Path | None) -> None:
    """Switch recording on (write digests to ``path``) or off (``None``)."""
    import os

    if path is None:
        os.environ.pop(RECORD_ENV, None)
    else:
        os.environ[RECORD_ENV] = str(path)


def recording() -> bool:
    """Whether keys are being recorded instead of compared."""
    import os

    return bool(os.environ.get(RECORD_ENV))


def record(key: str, value: Any, *, digits: int, ordered: bool) -> None:
    """Add the digest of ``value`` for ``key`` to the recording file."""
    import os

    path = Path(os.environ[RECORD_ENV])
    keys = load_keys(path)
    keys[key] = digest(key, value, digits=digits, ordered=ordered)
    path.write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def matches(key: str, value: Any, *, digits: int = DEFAULT_DIGITS, ordered: bool = True) -> bool:
    """Whether ``value`` is the right answer to question ``key``.

    Raises
    ------
    KeyError
        When the course has no key for ``key`` (a course error, not the learner's).
    """
    keys = load_keys()
    if key not in keys:
        raise KeyError(key)
    try:
        found = candidates(value, digits=digits, ordered=ordered, key=key)
    except Exception:  # noqa: BLE001 - an answer that cannot be written down is not right
        return False
    return keys[key] in found
