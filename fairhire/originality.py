"""Recognise an answer that is the course package's own object instead of the learner's work.

Some exercises ask the learner to write something that the package also contains: a function
(``count_coded`` in m02 next to :func:`fairhire.wording.count_coded_words`) or a pattern
(``EMAIL_PATTERN`` next to :data:`fairhire.privacy.EMAIL_PATTERN`). An answer that *is* the
package's object, an exact copy of it, or a thin wrapper that calls it earns no points. Hidden
tests call :func:`from_package` with the package's objects and fail with :data:`FUNCTION_MESSAGE`
or :data:`PATTERN_MESSAGE`, which the grading report shows.

The hidden tests import a fresh ``fairhire`` (they drop it from ``sys.modules`` first), so the
learner's object and the reference are not the same object even when the learner imported it:
objects are compared by module and name, by compiled code, and by the names a function uses.
This recognises honest shortcuts, not a determined forger; the grading engine deals with those.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from collections.abc import Iterator
from typing import Any

FUNCTION_MESSAGE = "Dit is de functie uit het cursuspakket, niet je eigen antwoord."
PATTERN_MESSAGE = "Dit is het patroon uit het cursuspakket, niet je eigen antwoord."


def _unwrap(obj: Any) -> Any:
    """Strip functools.partial, bound methods and ``__wrapped__`` layers."""
    for _ in range(20):
        if isinstance(obj, functools.partial):
            obj = obj.func
        elif isinstance(obj, types.MethodType):
            obj = obj.__func__
        elif getattr(obj, "__wrapped__", None) is not None and callable(obj.__wrapped__):
            obj = obj.__wrapped__
        else:
            return obj
    return obj


def _package_of(module: str) -> str:
    return module.split(".")[0]


def _same_function(obj: Any, ref: Any) -> bool:
    """``obj`` is ``ref``, the same function from another import, or a copy of its code."""
    obj = _unwrap(obj)
    if obj is ref:
        return True
    name = (getattr(obj, "__module__", None), getattr(obj, "__qualname__", None))
    if name[0] and name == (ref.__module__, ref.__qualname__):
        return True
    code, ref_code = getattr(obj, "__code__", None), getattr(ref, "__code__", None)
    return (
        isinstance(code, types.CodeType)
        and isinstance(ref_code, types.CodeType)
        and code.co_code == ref_code.co_code
        and code.co_names == ref_code.co_names
    )


def _code_names(code: types.CodeType) -> Iterator[str]:
    """Every global or attribute name a code object (and the code nested in it) uses."""
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_names(const)


def _reachable(func: Any) -> Iterator[Any]:
    """The objects a function can call: globals, imported packages, closure, defaults."""
    code = getattr(func, "__code__", None)
    if not isinstance(code, types.CodeType):
        return
    namespace = getattr(func, "__globals__", {}) or {}
    for name in _code_names(code):
        if name in namespace:
            yield namespace[name]
        elif name in sys.modules:
            # a module imported inside the function (``import fairhire.privacy``)
            yield sys.modules[name]
    for cell in getattr(func, "__closure__", None) or ():
        try:
            yield cell.cell_contents
        except ValueError:  # an empty cell
            continue
    yield from getattr(func, "__defaults__", None) or ()
    yield from (getattr(func, "__kwdefaults__", None) or {}).values()


def _calls_reference(func: Any, ref: Any) -> bool:
    """``func`` reaches ``ref`` by name, or the module (or package) that holds it."""
    for value in _reachable(_unwrap(func)):
        if isinstance(value, types.ModuleType):
            if value.__name__ in (ref.__module__, _package_of(ref.__module__)):
                return True
        elif callable(value) and _same_function(value, ref):
            return True
    return False


def _same_pattern(answer: Any, ref: str) -> bool:
    if isinstance(answer, re.Pattern):
        answer = answer.pattern
    return isinstance(answer, str) and answer == ref


def from_package(answer: Any, *references: Any) -> bool:
    """Whether ``answer`` is one of the package's ``references`` rather than the learner's own.

    Parameters
    ----------
    answer : object
        The learner's answer: a function or a pattern (a string or a compiled ``re.Pattern``).
    *references : object
        The package's own functions or pattern strings for this question.

    Returns
    -------
    bool
        True when the answer is a reference, an exact copy of one (the same compiled code, or
        the same pattern string), or a function that calls one (by a name, an alias, its module,
        a closure or a default value).

    Examples
    --------
    >>> from fairhire.wording import count_coded_words
    >>> from_package(count_coded_words, count_coded_words)
    True
    >>> from_package(lambda text, stems: 0, count_coded_words)
    False
    """
    for ref in references:
        if isinstance(ref, str):
            if _same_pattern(answer, ref):
                return True
        elif callable(answer) and (_same_function(answer, ref) or _calls_reference(answer, ref)):
            return True
    return False
