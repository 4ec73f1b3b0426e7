"""Checks for the visible tests in the exercises, with Dutch feedback.

A failed check raises :class:`Feedback`, an ``AssertionError`` so that
nbgrader counts it as a failed test, with a message that says what is wrong
without giving the answer. A passed check stays silent; :func:`passed`
prints the success line at the end of a test cell.
"""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from numbers import Integral, Real
from typing import Any

_TYPE_NAMES = {
    int: "een geheel getal (int)",
    float: "een kommagetal (float)",
    str: "tekst (str)",
    bool: "waar of onwaar (bool)",
    list: "een lijst (list)",
    dict: "een woordenboek (dict)",
    tuple: "een tupel (tuple)",
    set: "een verzameling (set)",
}


class _Guard:
    """Asked before a check judges: a message when the answer cell failed (see cell_runs)."""

    ask: Callable[[], str | None] | None = None


def set_answer_guard(ask: Callable[[], str | None] | None) -> None:
    """Set the function a check asks before it judges (``None``: judge always).

    :func:`fairhire.errors.install` sets :func:`fairhire.cell_runs.guard_message`:
    when the answer cell of the question failed on its last run, every check says
    so instead of judging a value from an earlier run.
    """
    _Guard.ask = ask


def answer_cell_ok() -> None:
    """Fail when the answer cell of this question failed on its last run."""
    if _Guard.ask is None:
        return
    try:
        message = _Guard.ask()
    except Exception:  # noqa: BLE001 - a broken guard lets the check judge
        message = None
    if message:
        raise Feedback(message)


class _Judged:
    """Whether :func:`correct` found the answer right since the last :func:`passed`."""

    right = False


class Feedback(AssertionError):
    """A failed check; its message is meant for the learner."""

    def __init__(self, message: str):
        super().__init__("❌ " + message)


_METHODS = (
    types.MethodType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.MethodWrapperType,
)


def describe_type(value: Any) -> str:
    """Dutch name of the type of ``value``, for messages."""
    if isinstance(value, _METHODS):
        name = getattr(value, "__name__", "")
        example = (
            f"`.{name}()` in plaats van `.{name}`" if name else "`.sum()` in plaats van `.sum`"
        )
        return f"een functie zonder haakjes: je bent `()` vergeten ({example})"
    if _decimal_comma_tuple(value):
        return (
            "twee getallen met een komma ertussen. Schreef je een kommagetal met een komma? "
            "Schrijf kommagetallen met een punt: 25.5, niet 25,5"
        )
    for typ, name in _TYPE_NAMES.items():
        if type(value) is typ:
            return name
    if value is None:
        return "niets (None)"
    if value is Ellipsis:
        return "nog niet ingevuld (...)"
    return f"een {type(value).__name__}"


def _decimal_comma_tuple(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 2
        and all(isinstance(v, Real) and not isinstance(v, bool) for v in value)
        and isinstance(value[1], Integral)
    )


def that(condition: bool, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds (and the answer cell worked)."""
    answer_cell_ok()
    if not condition:
        raise Feedback(message)


def answered(value: Any, name: str) -> None:
    """Fail when ``value`` is still a placeholder (``...`` or ``None``)."""
    that(
        value is not Ellipsis and value is not None,
        f"`{name}` is nog niet ingevuld. Vervang de puntjes of None door je antwoord.",
    )


def is_number(value: Any, name: str) -> None:
    """Fail unless ``value`` is a real number (not a bool, not text)."""
    answered(value, name)
    ok = isinstance(value, Real) and not isinstance(value, bool)
    quotes = " Let op: zet geen aanhalingstekens om een getal." if isinstance(value, str) else ""
    that(ok, f"`{name}` moet een getal zijn, maar is nu {describe_type(value)}.{quotes}")
    that(not math.isnan(float(value)), f"`{name}` is geen getal (NaN). Controleer je berekening.")


def is_int(value: Any, name: str) -> None:
    """Fail unless ``value`` is a whole number."""
    answered(value, name)
    that(
        isinstance(value, Integral) and not isinstance(value, bool),
        f"`{name}` moet een geheel getal zijn, maar is nu {describe_type(value)}.",
    )


def is_type(value: Any, typ: type | tuple[type, ...], name: str) -> None:
    """Fail unless ``value`` is an instance of ``typ``."""
    answered(value, name)
    if isinstance(typ, tuple):
        wanted = " of ".join(_TYPE_NAMES.get(t, t.__name__) for t in typ)
    else:
        wanted = _TYPE_NAMES.get(typ, f"een {typ.__name__}")
    that(
        isinstance(value, typ) and not (isinstance(value, bool) and bool not in _as_tuple(typ)),
        f"`{name}` moet {wanted} zijn, maar is nu {describe_type(value)}.",
    )


def between(value: Any, low: float, high: float, name: str) -> None:
    """Fail unless ``value`` is a number in ``[low, high]``."""
    is_number(value, name)
    that(
        low <= value <= high,
        f"`{name}` moet tussen {low} en {high} liggen; jouw waarde ligt daarbuiten.",
    )


def one_of(value: Any, options: list[Any] | tuple[Any, ...], name: str) -> None:
    """Fail unless ``value`` is one of ``options`` (for multiple choice)."""
    answered(value, name)
    shown = ", ".join(repr(o) for o in options)
    that(value in options, f"`{name}` moet een van deze keuzes zijn: {shown}.")


def is_callable(value: Any, name: str) -> None:
    """Fail unless ``value`` is a function."""
    answered(value, name)
    that(callable(value), f"`{name}` moet een functie zijn (gemaakt met `def`).")


def own_work(answer: Any, *references: str) -> None:
    """Fail when ``answer`` is the course package's own function or pattern, not the learner's.

    Parameters
    ----------
    answer : object
        The learner's function or pattern.
    *references : str
        Dotted names of the package's objects for this question, such as
        ``"fairhire.privacy.EMAIL_PATTERN"``.
    """
    import importlib

    from .originality import FUNCTION_MESSAGE, PATTERN_MESSAGE, from_package

    objects = []
    for dotted in references:
        module, _, attr = dotted.rpartition(".")
        objects.append(getattr(importlib.import_module(module), attr))
    if from_package(answer, *objects):
        message = PATTERN_MESSAGE if isinstance(objects[0], str) else FUNCTION_MESSAGE
        raise Feedback(message + " Schrijf het zelf; de hint helpt je op weg.")


def correct(
    value: Any,
    name: str,
    key: str,
    *,
    digits: int = 6,
    ordered: bool = True,
    wrong: str | None = None,
) -> None:
    """Fail unless ``value`` is the right answer, without the check holding the answer.

    The answer is compared with the question's key in ``data/answer_keys.json``
    (see :mod:`fairhire.answer_keys`); ``wrong`` is the message for an answer of
    the right kind that is not right.

    Parameters
    ----------
    value : object
        The learner's answer (a number, text, list, dict, pandas Series, ...).
    name : str
        The answer's name in the notebook, for the message.
    key : str
        The question's key, by convention its grade_id.
    digits : int, default 6
        Significant digits that must agree for numbers.
    ordered : bool, default True
        Whether the order of a list counts.
    wrong : str, optional
        What to tell the learner when the answer is not right.
    """
    from . import answer_keys

    answer_cell_ok()
    if answer_keys.recording():
        answer_keys.record(key, value, digits=digits, ordered=ordered)
        return
    try:
        ok = answer_keys.matches(key, value, digits=digits, ordered=ordered)
    except KeyError:
        raise Feedback(
            f"De cursus heeft geen sleutel voor deze vraag ({key}). Dit is een fout in de "
            "cursus, niet in jouw antwoord: meld het aan je trainer."
        ) from None
    _Judged.right = ok
    if not ok:
        raise Feedback(
            wrong
            or f"`{name}` heeft de goede vorm, maar het antwoord klopt nog niet. "
            "Lees de vraag en de hint nog eens."
        )


def choice(value: Any, name: str, key: str, options: str = "ABCD") -> None:
    """Fail unless ``value`` is the right letter of a choice question (case and spaces ignored)."""
    is_type(value, str, name)
    letter = value.strip().upper()
    one_of(letter, list(options), name)
    correct(
        letter,
        name,
        key,
        wrong=f"`{name}` is een van de keuzes, maar niet de juiste. Lees de stof en de hint "
        "nog eens en kijk bij elke keuze waarom die wel of niet klopt.",
    )


def passed(label: str) -> None:
    """Print the success line for a visible test (not when the answer cell failed)."""
    answer_cell_ok()
    if _Judged.right:
        _Judged.right = False
        print(f"✅ {label}: goed! De controle vond het juiste antwoord.")
        return
    print(
        f"✅ {label}: de zichtbare controle slaagt. "
        "(De trainer controleert bij het nakijken nog meer.)"
    )


def _as_tuple(typ: type | tuple[type, ...]) -> tuple[type, ...]:
    return typ if isinstance(typ, tuple) else (typ,)
