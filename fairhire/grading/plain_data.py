"""Answers as plain data: encode a value in the learner's kernel, rebuild it in the judge's.

Only values whose meaning is their content pass: ``None``, ``bool``, ``int``,
``float``, ``complex``, ``str``, ``bytes``, ``list``, ``tuple``, ``set``,
``frozenset``, ``dict``, numpy scalars and arrays of numeric, boolean or text
dtype, pandas ``Index`` / ``MultiIndex`` / ``RangeIndex``, ``Series`` and
``DataFrame`` of such values, and references to functions or modules of the
libraries the course uses (``math.sqrt``, ``numpy``), looked up afresh in the
judge, and the library and course objects in :data:`OBJECT_CLASSES` (fitted
models, metric frames, the worksheet and the audit report), passed as their
attributes and rebuilt without running their code. Every other value (a
learner's own class, a function from elsewhere) raises :class:`Unsupported`.
Types are exact: a subclass of ``int`` is not an ``int``.

:func:`decode` builds only these types, so whatever a learner puts in the
encoded data, the judge gets values, never code of the learner's.
"""

from __future__ import annotations

import base64
import importlib
import math
from typing import Any

# functions and modules that may be passed by reference (looked up again in the judge)
REF_PACKAGES = {
    "math",
    "statistics",
    "re",
    "collections",
    "itertools",
    "functools",
    "operator",
    "string",
    "json",
    "datetime",
    "random",
    "numpy",
    "pandas",
    "sklearn",
    "fairlearn",
    "fairhire",
}
# never passed by reference: the trainer's tools
REF_EXCLUDED = ("fairhire.grading", "fairhire.register", "fairhire.authoring", "fairhire.cli")
# pandas extension dtypes passed as a list of plain values (missing ones as None)
EXTENSION_DTYPES = {
    "str",
    "string",
    "string[python]",
    "string[pyarrow]",
    "boolean",
    "Int8",
    "Int16",
    "Int32",
    "Int64",
    "UInt8",
    "UInt16",
    "UInt32",
    "UInt64",
    "Float32",
    "Float64",
}
# Library objects passed as their state and rebuilt in the judge: the fitted models, metric
# frames, post-processors and documents the exercises ask for. Exact classes only (no
# subclasses): a learner's class, or a library class that calls a function it was given
# (FunctionTransformer), is not passed. Inside such an object, a function may only be a metric (see OBJECT_REFS).
OBJECT_CLASSES = frozenset(
    {
        "sklearn.pipeline.Pipeline",
        "sklearn.compose._column_transformer.ColumnTransformer",
        "sklearn.preprocessing._encoders.OneHotEncoder",
        "sklearn.preprocessing._data.StandardScaler",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.feature_extraction.text.CountVectorizer",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.utils._bunch.Bunch",
        "fairlearn.metrics._metric_frame.MetricFrame",
        "fairlearn.metrics._annotated_metric_function.AnnotatedMetricFunction",
        "fairlearn.postprocessing._threshold_optimizer.ThresholdOptimizer",
        "fairlearn.postprocessing._interpolated_thresholder.InterpolatedThresholder",
        "fairlearn.postprocessing._threshold_operation.ThresholdOperation",
        "fairhire.models.screening.ItemsEncoder",
        "fairhire.audit.counterfactual.NameSwapResult",
        # the course's documents: their content (texts, tables, PNG bytes), not their files
        "fairhire.worksheet.sheet.Worksheet",
        "fairhire.audit.report.AuditReport",
        "fairhire.audit.report.ReportTable",
        "fairhire.audit.report.ReportFigure",
    }
)
# State a judge never needs, left out because it is large: a ThresholdOptimizer's trade-off
# curves (thousands of rows of objects, only for fairlearn's plot) are 3.5 of its 3.6 MB.
OBJECT_SKIPPED = {
    "fairlearn.postprocessing._threshold_optimizer.ThresholdOptimizer": frozenset(
        {"_tradeoff_curve"}
    ),
}
# the functions an object may hold: metrics, and numpy's scalar types (a dtype argument)
OBJECT_REFS = ("fairlearn.metrics.", "sklearn.metrics.", "numpy.")
MAX_DEPTH = 40
MAX_ITEMS = 2_000_000


class Unsupported(TypeError):
    """A value that is not plain data (its type name is the message)."""


def _dict_kinds() -> dict:
    import collections

    return {
        collections.Counter: "Counter",
        collections.OrderedDict: "OrderedDict",
        collections.defaultdict: "defaultdict",
    }


_DICT_KINDS = _dict_kinds()
_FACTORIES = (int, float, str, list, tuple, set, dict)


def _dt():
    import datetime

    return datetime


def _np():
    import numpy

    return numpy


def _pd():
    import pandas

    return pandas


_NP_KINDS = set("biufcUSO")  # bool, int, uint, float, complex, str, bytes, object
_RAW_KINDS = set("biufc")  # passed as their bytes (base64): exact, and fast for big arrays


def encode(value: Any, *, functions: dict | None = None) -> Any:
    """The JSON-ready encoding of ``value``.

    Parameters
    ----------
    value : object
        The value to encode.
    functions : dict, optional
        Where to put a function the learner defined: ``functions[key] = value``
        and the encoding refers to ``key``. Without it such a function is
        :class:`Unsupported`.

    Raises
    ------
    Unsupported
        When ``value`` (or something inside it) is not plain data.
    """
    budget = [MAX_ITEMS]
    return _encode(value, functions, 0, budget)


def _encode(value, functions, depth, budget):  # noqa: C901 - one branch per type
    budget[0] -= 1
    if depth > MAX_DEPTH or budget[0] < 0:
        raise Unsupported("te diep of te groot")
    kind = type(value)
    if value is None:
        return {"t": "none"}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is int:
        return {"t": "int", "v": str(value)}
    if kind is float:
        return {"t": "float", "v": repr(value)}
    if kind is complex:
        return {"t": "complex", "v": [repr(value.real), repr(value.imag)]}
    if kind is str:
        return {"t": "str", "v": value}
    if kind is bytes:
        return {"t": "bytes", "v": value.hex()}
    if kind in (_dt().date, _dt().datetime):
        return {"t": kind.__name__, "v": value.isoformat()}
    if kind is slice:
        return {
            "t": "slice",
            "v": [
                _encode(x, functions, depth + 1, budget)
                for x in (value.start, value.stop, value.step)
            ],
        }
    if kind in (list, tuple, set, frozenset):
        items = sorted(value, key=repr) if kind in (set, frozenset) else value
        return {
            "t": kind.__name__,
            "v": [_encode(item, functions, depth + 1, budget) for item in items],
        }
    if kind is dict:
        return {
            "t": "dict",
            "v": [
                [_encode(k, functions, depth + 1, budget), _encode(v, functions, depth + 1, budget)]
                for k, v in value.items()
            ],
        }
    if kind in _DICT_KINDS:
        factory = getattr(value, "default_factory", None)
        if factory is not None and factory not in _FACTORIES:
            raise Unsupported("defaultdict met een eigen fabriek")
        return {
            "t": _DICT_KINDS[kind],
            "factory": None if factory is None else factory.__name__,
            "v": [
                [_encode(k, functions, depth + 1, budget), _encode(v, functions, depth + 1, budget)]
                for k, v in value.items()
            ],
        }
    module = getattr(kind, "__module__", "") or ""
    path = f"{module}.{getattr(kind, '__qualname__', '')}"
    if path in OBJECT_CLASSES:
        return _encode_object(value, path, functions, depth, budget)
    if module.split(".")[0] == "numpy":
        np = _np()
        if kind.__name__.startswith("dtype") and isinstance(value, np.dtype):
            return {"t": "np.dtype", "v": value.str}
        if isinstance(value, np.ndarray) and kind is np.ndarray:
            return _encode_array(value, functions, depth, budget)
        if isinstance(value, np.generic) and value.dtype.kind in _NP_KINDS - {"O"}:
            return {
                "t": "np.scalar",
                "dtype": value.dtype.str,
                "v": _encode(value.item(), functions, depth + 1, budget),
            }
    if module.split(".")[0] == "pandas":
        pd = _pd()
        if kind is pd.RangeIndex:
            return {
                "t": "RangeIndex",
                "v": [value.start, value.stop, value.step],
                "name": _encode(value.name, functions, depth + 1, budget),
            }
        if kind is pd.MultiIndex:
            return {
                "t": "MultiIndex",
                "levels": [_encode_index(lv, functions, depth, budget) for lv in value.levels],
                "codes": [[int(c) for c in codes] for codes in value.codes],
                "names": _encode(list(value.names), functions, depth + 1, budget),
            }
        if kind in (pd.Index, pd.CategoricalIndex):
            return _encode_index(value, functions, depth, budget)
        if kind is pd.Series:
            return {
                "t": "Series",
                "v": _encode_values(value, functions, depth, budget),
                "index": _encode(value.index, functions, depth + 1, budget),
                "name": _encode(value.name, functions, depth + 1, budget),
            }
        if kind is pd.DataFrame:
            return {
                "t": "DataFrame",
                "v": [
                    _encode_values(value.iloc[:, i], functions, depth, budget)
                    for i in range(value.shape[1])
                ],
                "index": _encode(value.index, functions, depth + 1, budget),
                "columns": _encode(value.columns, functions, depth + 1, budget),
            }
    ref = _reference(value)
    if ref is not None:
        return ref
    if functions is not None and _is_learner_function(value):
        key = f"f{len(functions)}"
        functions[key] = value
        return {"t": "oracle", "v": key, "name": getattr(value, "__name__", "")}
    raise Unsupported(f"{module}.{kind.__qualname__}".lstrip("."))


def _encode_object(value, path, functions, depth, budget):
    """A library object as its class and its attributes (and items, for a Bunch)."""
    skipped = OBJECT_SKIPPED.get(path, frozenset())
    state = {k: v for k, v in vars(value).items() if k not in skipped}
    out = {"t": "object", "cls": path, "state": _encode(state, functions, depth + 1, budget)}
    if isinstance(value, dict):
        out["items"] = _encode(dict(value), functions, depth + 1, budget)
    return out


def _encode_array(value, functions, depth, budget):
    if value.dtype.kind not in _NP_KINDS:
        raise Unsupported(f"numpy-array van {value.dtype}")
    budget[0] -= value.size
    if budget[0] < 0:
        raise Unsupported("te groot")
    if value.dtype.kind in _RAW_KINDS:
        raw = _np().ascontiguousarray(value).tobytes()
        return {
            "t": "ndarray",
            "dtype": value.dtype.str,
            "shape": list(value.shape),
            "b": base64.b64encode(raw).decode("ascii"),
        }
    if value.dtype.kind == "O":
        flat = [_encode(item, functions, depth + 1, budget) for item in value.ravel().tolist()]
    elif value.dtype.kind == "f":
        flat = [repr(float(x)) for x in value.ravel().tolist()]
    elif value.dtype.kind == "c":
        flat = [[repr(x.real), repr(x.imag)] for x in value.ravel().tolist()]
    elif value.dtype.kind == "S":
        flat = [x.hex() for x in value.ravel().tolist()]
    elif value.dtype.kind in "iu":
        flat = [str(x) for x in value.ravel().tolist()]
    else:
        flat = value.ravel().tolist()
    return {"t": "ndarray", "dtype": value.dtype.str, "shape": list(value.shape), "v": flat}


def _encode_values(series, functions, depth, budget):
    """A Series' values: a numpy array, or a pandas extension array as its parts."""
    pd = _pd()
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {
            "t": "Categorical",
            "categories": _encode(dtype.categories, functions, depth + 1, budget),
            "ordered": bool(dtype.ordered),
            "codes": [int(c) for c in series.cat.codes],
        }
    if str(dtype) in EXTENSION_DTYPES:
        budget[0] -= len(series)
        if budget[0] < 0:
            raise Unsupported("te groot")
        values = [None if pd.isna(x) else x for x in series.astype(object).tolist()]
        return {
            "t": "ExtensionArray",
            "dtype": str(dtype),
            "v": [_encode(x, functions, depth + 1, budget) for x in values],
        }
    if type(dtype).__module__.split(".")[0] != "numpy":
        raise Unsupported(f"pandas-kolom van type {dtype}")
    return _encode_array(series.to_numpy(), functions, depth, budget)


def _encode_index(index, functions, depth, budget):
    pd = _pd()
    if type(index) is pd.RangeIndex:
        return _encode(index, functions, depth, budget)
    if type(index) not in (pd.Index, pd.CategoricalIndex):
        raise Unsupported(type(index).__name__)
    return {
        "t": "Index",
        "v": _encode_values(pd.Series(index, copy=False), functions, depth, budget),
        "name": _encode(index.name, functions, depth + 1, budget),
    }


def _allowed_ref(path: str) -> bool:
    top = path.split(".")[0]
    return (
        top in REF_PACKAGES
        and not any(path == x or path.startswith(x + ".") for x in REF_EXCLUDED)
        and not any(part.startswith("_") for part in path.split("."))
    )


def _reference(value) -> dict | None:
    """A reference to a module or a library function, if ``value`` is exactly that object."""
    import types

    if isinstance(value, types.ModuleType):
        name = getattr(value, "__name__", "")
        if isinstance(name, str) and _allowed_ref(name):
            return {"t": "module", "v": name}
        return None
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str) or "<" in qualname:
        return None
    if not callable(value):
        return None
    for path in _candidate_paths(module, qualname):
        if _allowed_ref(path) and _lookup(path) is value:
            return {"t": "ref", "v": path}
    return None


def _candidate_paths(module: str, qualname: str) -> list[str]:
    """Where a function may be found: its own module, or a public parent (numpy.mean)."""
    parts = module.split(".")
    paths = [f"{module}.{qualname}"]
    for i in range(len(parts) - 1, 0, -1):
        paths.append(".".join(parts[:i]) + "." + qualname)
    return paths


def _lookup(path: str):
    """The object at ``module.attr.attr`` (None when there is none)."""
    parts = path.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except Exception:  # noqa: BLE001 - not a module: try a shorter prefix
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr, None)
            if obj is None:
                return None
        return obj
    return None


def _is_learner_function(value) -> bool:
    import types

    return isinstance(value, types.FunctionType) and getattr(value, "__module__", "") == "__main__"


# --- decoding (in the judge) --------------------------------------------------------------------


class DecodeError(ValueError):
    """Encoded data that does not follow this module's format."""


def decode(data: Any, *, oracle=None) -> Any:
    """The value that :func:`encode` encoded as ``data``.

    Parameters
    ----------
    data : object
        The JSON-decoded encoding.
    oracle : callable, optional
        ``oracle(key, name)`` returns the stand-in for a learner's function.

    Raises
    ------
    DecodeError
        For data that is not in this format.
    """
    return _decode(data, oracle, 0)


class _Inside:
    """How many library objects the decoder is inside (functions are limited there)."""

    objects = 0


def _decode(data, oracle, depth):  # noqa: C901 - one branch per type
    if depth > MAX_DEPTH + 5 or not isinstance(data, dict):
        raise DecodeError("geen geldige waarde")
    tag = data.get("t")
    value = data.get("v")
    if tag == "none":
        return None
    if tag == "bool" and type(value) is bool:
        return value
    if tag == "int" and isinstance(value, str) and len(value) < 5000:
        return int(value)
    if tag == "float" and isinstance(value, str):
        return float(value)
    if tag == "complex":
        return complex(float(value[0]), float(value[1]))
    if tag == "str" and isinstance(value, str):
        return value
    if tag == "bytes" and isinstance(value, str):
        return bytes.fromhex(value)
    if tag == "slice" and isinstance(value, list) and len(value) == 3:
        parts = [_decode(x, oracle, depth + 1) for x in value]
        if not all(x is None or type(x) is int for x in parts):
            raise DecodeError("slice klopt niet")
        return slice(*parts)
    if tag in ("date", "datetime") and isinstance(value, str) and len(value) < 64:
        try:
            return getattr(_dt(), tag).fromisoformat(value)
        except ValueError:
            raise DecodeError("datum klopt niet") from None
    if tag == "np.dtype":
        return _dtype(value)
    if tag == "object":
        return _decode_object(data, oracle, depth)
    if tag in ("list", "tuple", "set", "frozenset") and isinstance(value, list):
        items = [_decode(item, oracle, depth + 1) for item in value]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
    if tag == "dict" and isinstance(value, list):
        return {_decode(k, oracle, depth + 1): _decode(v, oracle, depth + 1) for k, v in value}
    if tag in ("Counter", "OrderedDict", "defaultdict") and isinstance(value, list):
        import collections

        items = [(_decode(k, oracle, depth + 1), _decode(v, oracle, depth + 1)) for k, v in value]
        if tag == "defaultdict":
            factories = {f.__name__: f for f in _FACTORIES}
            factory = data.get("factory")
            if factory is not None and factory not in factories:
                raise DecodeError("onbekende fabriek")
            return collections.defaultdict(factories.get(factory), items)
        return getattr(collections, tag)(dict(items) if tag == "Counter" else items)
    if tag == "np.scalar":
        dtype = _dtype(data.get("dtype"))
        return dtype.type(_decode(value, oracle, depth + 1))
    if tag == "ndarray":
        return _decode_array(data, oracle, depth)
    if tag == "RangeIndex":
        start, stop, step = (int(x) for x in value)
        return _pd().RangeIndex(start, stop, step, name=_decode(data["name"], oracle, depth + 1))
    if tag == "MultiIndex":
        return _pd().MultiIndex(
            levels=[_decode(lv, oracle, depth + 1) for lv in data["levels"]],
            codes=[[int(c) for c in codes] for codes in data["codes"]],
            names=_decode(data["names"], oracle, depth + 1),
        )
    if tag == "Index":
        return _pd().Index(
            _decode_values(value, oracle, depth), name=_decode(data["name"], oracle, depth + 1)
        )
    if tag == "Series":
        return _pd().Series(
            _decode_values(value, oracle, depth),
            index=_decode(data["index"], oracle, depth + 1),
            name=_decode(data["name"], oracle, depth + 1),
        )
    if tag == "DataFrame":
        pd = _pd()
        columns = _decode(data["columns"], oracle, depth + 1)
        index = _decode(data["index"], oracle, depth + 1)
        cols = [_decode_values(v, oracle, depth) for v in value]
        frame = pd.DataFrame({i: col for i, col in enumerate(cols)}, index=index)
        frame.columns = columns
        return frame
    if tag == "module" and isinstance(value, str) and _allowed_ref(value) and not _Inside.objects:
        return importlib.import_module(value)
    if tag == "ref" and isinstance(value, str) and _allowed_ref(value):
        if _Inside.objects and not value.startswith(OBJECT_REFS):
            raise DecodeError(f"{value} hoort niet in een model of MetricFrame")
        found = _lookup(value)
        if found is None:
            raise DecodeError(f"{value} bestaat niet")
        return found
    if tag == "oracle" and oracle is not None and isinstance(value, str):
        return oracle(value, str(data.get("name", "")))
    raise DecodeError(f"onbekend soort waarde {tag!r}")


def _decode_object(data, oracle, depth):
    """Rebuild a library object from its state, without running its ``__init__``."""
    path = data.get("cls")
    if path not in OBJECT_CLASSES:
        raise DecodeError(f"{path!r} wordt niet doorgegeven")
    module, _, name = path.rpartition(".")
    cls = _class_in_use(module, name) or getattr(importlib.import_module(module), name)
    _Inside.objects += 1
    try:
        state = _decode(data.get("state"), oracle, depth + 1)
        items = _decode(data["items"], oracle, depth + 1) if "items" in data else None
    finally:
        _Inside.objects -= 1
    if type(state) is not dict or not all(type(k) is str for k in state):
        raise DecodeError("toestand klopt niet")
    obj = cls.__new__(cls)
    if items is not None:
        if not isinstance(obj, dict) or type(items) is not dict:
            raise DecodeError("inhoud klopt niet")
        dict.update(obj, items)
    obj.__dict__.update(state)
    return obj


def _class_in_use(module: str, name: str):
    """The class as the judge's notebook imported it, if it did.

    Hidden tests drop ``fairhire`` from ``sys.modules``; a fresh import would make a second
    class of the same name, and ``isinstance`` against the notebook's name would fail.
    """
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        return None
    if shell is None:
        return None
    for value in list(shell.user_ns.values()):
        if isinstance(value, type) and value.__module__ == module and value.__qualname__ == name:
            return value
    return None


def _dtype(text):
    np = _np()
    if not isinstance(text, str):
        raise DecodeError("geen dtype")
    dtype = np.dtype(text)
    if dtype.kind not in _NP_KINDS:
        raise DecodeError(f"dtype {text} niet toegestaan")
    return dtype


def _decode_array(data, oracle, depth):
    np = _np()
    dtype = _dtype(data.get("dtype"))
    shape = tuple(int(x) for x in data.get("shape", []))
    if "b" in data:
        if dtype.kind not in _RAW_KINDS or not isinstance(data["b"], str):
            raise DecodeError("array klopt niet")
        try:
            raw = base64.b64decode(data["b"], validate=True)
        except ValueError:
            raise DecodeError("array klopt niet") from None
        if len(raw) != math.prod(shape) * dtype.itemsize:
            raise DecodeError("array klopt niet")
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    flat = data.get("v")
    if not isinstance(flat, list) or math.prod(shape) != len(flat):
        raise DecodeError("array klopt niet")
    if dtype.kind == "O":
        out = np.empty(len(flat), dtype=object)
        for i, item in enumerate(flat):
            out[i] = _decode(item, oracle, depth + 1)
        return out.reshape(shape)
    if dtype.kind == "f":
        items = [float(x) for x in flat]
    elif dtype.kind == "c":
        items = [complex(float(a), float(b)) for a, b in flat]
    elif dtype.kind == "S":
        items = [bytes.fromhex(x) for x in flat]
    elif dtype.kind in "iu":
        items = [int(x) for x in flat]
    else:
        items = flat
    return np.array(items, dtype=dtype).reshape(shape)


def _decode_values(data, oracle, depth):
    if isinstance(data, dict) and data.get("t") == "Categorical":
        pd = _pd()
        categories = _decode(data["categories"], oracle, depth + 1)
        return pd.Categorical.from_codes(
            [int(c) for c in data["codes"]], categories=categories, ordered=bool(data["ordered"])
        )
    if isinstance(data, dict) and data.get("t") == "ExtensionArray":
        if data.get("dtype") not in EXTENSION_DTYPES or not isinstance(data.get("v"), list):
            raise DecodeError("onbekend kolomtype")
        values = [_decode(x, oracle, depth + 1) for x in data["v"]]
        return _pd().array(values, dtype=data["dtype"])
    return _decode_array(data, oracle, depth)
