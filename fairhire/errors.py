"""Plain-language (Dutch) explanations of the errors learners hit most.

:func:`install` (called by :func:`fairhire.start`) hooks into IPython in two
places:

* ``shell.set_custom_exc((Exception,), ...)`` for errors while a cell runs
  (and, in IPython 9, for syntax errors while a cell is parsed);
* an instance override of ``shell.showsyntaxerror`` for syntax errors found
  before the cell runs (input transformers, older IPython), which IPython
  never passes to the custom handler.

Either way the learner gets a short Dutch explanation with what to do, sent
as a real ``error`` output with the real exception name. So the execution
status of the cell stays "error" and nbgrader still counts a failing test
cell as failed. The original traceback stays one click away: a collapsed
``<details>`` block under the explanation, and :func:`show_last_error`.

The handler must never raise: every step is guarded and falls back to
IPython's own traceback.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import html
import keyword
import re
import sys
import textwrap
import traceback
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import cell_runs, check
from .check import Feedback
from .running_notebook import (
    code_cell_sources,
    course_names,
    current_shell,
    is_notebook_shell,
    lesson_imports,
    strip_ansi,
)

_RED = "\x1b[1;31m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"
_WIDTH = 88
# at most this many lines of explanation; the technical traceback is folded under it
MAX_LINES = 14

# menu names as the learner's JupyterLab shows them: Dutch where its language pack
# translates them (the menu "Uitvoeren"), English where it does not (the item)
_RUN_ABOVE = "Voer de cellen erboven opnieuw uit: menu Uitvoeren → Run All Above Selected Cell."


@dataclass
class Explanation:
    """A Dutch explanation of one error.

    Attributes
    ----------
    what : str
        One or two sentences: what went wrong, in plain Dutch.
    todo : list of str
        What the learner can do, one step per item.
    show_code : str
        A line of the learner's code to show under the explanation (syntax errors).
    details : bool
        Whether to offer the original traceback in a collapsed block. Off for failed
        checks: their traceback only shows test code.
    """

    what: str
    todo: list[str] = field(default_factory=list)
    show_code: str = ""
    details: bool = True

    def text(self, exc: BaseException | None = None, color: bool = False) -> str:
        """The explanation as text (ANSI colours when ``color``)."""
        red, bold, dim, reset = (_RED, _BOLD, _DIM, _RESET) if color else ("", "", "", "")
        # short lines: nbgrader's Validate dialog and narrow windows do not wrap
        lines = [f"{red}{line}{reset}" for line in _wrap(self.what)] or [""]
        if exc is not None and self.details:
            # before the steps: the last line a learner sees is Dutch
            lines.append(f"{dim}Technische melding: {_one_line(exc)[:_WIDTH]}{reset}")
        if self.show_code:
            lines.append(self.show_code)
        if self.todo:
            lines.append(f"{bold}👉 Wat kun je doen?{reset}")
            for step in self.todo:
                lines.extend(_wrap(step, initial_indent="   • ", subsequent_indent="     "))
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], "     …"]
        return "\n".join(lines)


_NBSP = "\u00a0"


def _wrap(text: str, **kwargs) -> list[str]:
    """``text`` in lines of at most ``_WIDTH``, never breaking inside a `code` span."""
    joined = re.sub(r"`[^`]*`", lambda m: m.group(0).replace(" ", _NBSP), text)
    lines = textwrap.wrap(joined, _WIDTH, break_long_words=False, **kwargs)
    return [line.replace(_NBSP, " ") for line in lines]


# --------------------------------------------------------------------------- explain


def explain(
    exc: BaseException,
    namespace: Mapping[str, Any] | None = None,
    tb: types.TracebackType | None = None,
    notebook_cells: Iterable[str] = (),
    source: str = "",
    course_names: Iterable[str] = (),
    lesson_imports: Mapping[str, str] | None = None,
) -> Explanation | None:
    """Explain ``exc`` in Dutch, or return None when it is not a common learner error.

    Parameters
    ----------
    exc : BaseException
        The error.
    namespace : mapping, optional
        The learner's variables, used to suggest names that exist.
    tb : traceback, optional
        The traceback, used to find the table behind a pandas ``KeyError``.
    notebook_cells : iterable of str
        Sources of the notebook's code cells, used to point at the cell that
        defines a name that is missing because a cell was skipped.
    source : str
        The source of the cell that failed (to spot a decimal comma or a method
        without brackets).
    course_names : iterable of str
        Names the course itself uses (the notebook's questions and checks, the
        lesson): a near-miss name is always answered with one of these.
    lesson_imports : mapping of str to str, optional
        Name -> the lesson's import line for it (``from fairhire.audit import
        selection_rates``), for a name the exercise did not import.
    """
    namespace = namespace if namespace is not None else {}
    tb = tb if tb is not None else exc.__traceback__
    if isinstance(exc, Feedback):
        return Explanation(str(exc), details=False)
    if isinstance(exc, AssertionError):
        message = str(exc).strip()
        if message and not message.startswith("❌"):
            message = "❌ " + message
        return Explanation(
            message or "❌ Een controle slaagt niet. Kijk je antwoord nog eens na.", details=False
        )
    ctx = Context(
        namespace, tb, list(notebook_cells), source, set(course_names), dict(lesson_imports or {})
    )
    for special in _SPECIAL:
        found = special(exc, ctx)
        if found is not None:
            return found
    for kind, explainer in _EXPLAINERS:
        if isinstance(exc, kind):
            return explainer(exc, namespace, tb, ctx.cells, ctx)
    return None


@dataclass
class Context:
    """What the explainers know besides the error itself (see :func:`explain`)."""

    namespace: Mapping[str, Any]
    tb: types.TracebackType | None
    cells: list[str]
    source: str = ""
    course_names: set[str] = field(default_factory=set)
    lesson_imports: dict[str, str] = field(default_factory=dict)


def unknown(exc: BaseException, in_notebook: bool = True) -> Explanation:
    """The Dutch opening for an error the course has no explanation for."""
    where = (
        "Klik hieronder op 'Technische foutmelding tonen' als je wilt zien wat Python precies zegt."
        if in_notebook
        else "Typ `show_last_error()` als je wilt zien wat Python precies zegt."
    )
    return Explanation(
        f"⚠️ Er ging iets mis in deze cel. Python geeft een foutmelding van het soort "
        f"`{type(exc).__name__}`.",
        [
            "Vergelijk je code met het voorbeeld in de les of de hint bij de vraag.",
            "Heb je een cel overgeslagen? " + _RUN_ABOVE,
            where,
        ],
    )


# --------------------------------------------------------------------------- special cases

_STRINGS = re.compile(r"(\"\"\"|'''|\"|').*?\1", re.S)
_DECIMAL_COMMA = re.compile(r"(?<![\w.\[,])(\d+),(\d+)(?![\w.])")
_COMMON_METHODS = (
    "sum mean max min count median std round nunique unique value_counts idxmax idxmin "
    "ratio difference group_min group_max overall head tail sort_values sort_index reset_index "
    "keys values items tolist to_list abs lower upper strip"
).split()


def _code_only(source: str) -> str:
    """``source`` without its text between quotes and its comments."""
    no_strings = _STRINGS.sub('""', source)
    return "\n".join(line.split("#", 1)[0] for line in no_strings.splitlines())


def decimal_comma(source: str) -> str:
    """The first number written with a decimal comma in ``source`` (``"25,0"``), or ''."""
    m = _DECIMAL_COMMA.search(_code_only(source))
    return m.group(0) if m else ""


def _decimal_comma_explanation(number: str) -> Explanation:
    dotted = number.replace(",", ".")
    return Explanation(
        f"🔎 Je schrijft een kommagetal met een komma: `{number}`. Python leest dat als twee "
        "losse getallen.",
        [f"Schrijf kommagetallen met een punt: `{dotted}` in plaats van `{number}`."],
    )


def _special_decimal_comma(exc, ctx) -> Explanation | None:
    number = decimal_comma(ctx.source)
    if not number or isinstance(exc, SyntaxError | NameError | KeyError | AssertionError):
        return None
    message = str(exc)
    if (
        "tuple" in message
        or type(exc).__name__ in ("InvalidIndexError", "IndexingError")
        or ("length" in message.lower())
    ):
        return _decimal_comma_explanation(number)
    return None


_METHOD_TYPES = r"'(method|function|builtin_function_or_method|method-wrapper)'"


def method_without_brackets(source: str) -> str:
    """The first common method used without ``()`` in ``source`` (``"sum"``), or ''."""
    code = _code_only(source)
    for m in re.finditer(r"\.([A-Za-z_]\w*)(?!\w)(?![ \t]*\()", code):
        if m.group(1) in _COMMON_METHODS:
            return m.group(1)
    return ""


def _special_method(exc, ctx) -> Explanation | None:
    message = str(exc)
    if not (
        isinstance(exc, TypeError | AttributeError | ValueError)
        and (re.search(_METHOD_TYPES, message) or "type method" in message)
    ):
        return None
    name = method_without_brackets(ctx.source)
    if not name and isinstance(exc, AttributeError):
        name = getattr(getattr(exc, "obj", None), "__name__", "")
    shown = f"`.{name}`" if name else "een functie"
    fixed = f"`.{name}()`" if name else "`()`"
    return Explanation(
        f"🔎 Je gebruikt {shown} zonder haakjes. Zonder `()` voert Python de functie niet uit: "
        "je krijgt de functie zelf, geen getal.",
        [f"Zet haakjes achter de functie: {fixed}.", "Voer de cel daarna opnieuw uit."],
    )


_TEXT_ARITHMETIC = (
    r"does not support operation|agg function failed|Could not convert .* to numeric|"
    r"unsupported operand type\(s\) for [-+*/]+: '(str|int|float)' and '(str|int|float)'|"
    r"can only concatenate str"
)


def _frame_in_traceback(tb):
    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    while tb is not None:
        for value in (tb.tb_frame.f_locals.get("self"), tb.tb_frame.f_locals.get("obj")):
            value = getattr(value, "obj", value)
            if isinstance(value, pd.DataFrame):
                return value
        tb = tb.tb_next
    return None


def _special_text_columns(exc, ctx) -> Explanation | None:
    message = str(exc)
    if not isinstance(exc, TypeError | ValueError) or "pandas" not in sys.modules:
        return None
    if not re.search(_TEXT_ARITHMETIC, message) or not _frames_in(ctx.tb, "pandas"):
        return None
    todo = [
        "Kies na `groupby(...)` eerst één kolom met getallen, bijvoorbeeld: "
        '`bakery.groupby("origin")["invited"].mean()`.'
    ]
    frame = _frame_in_traceback(ctx.tb)
    if frame is not None:
        try:
            numbers = [str(c) for c in frame.select_dtypes("number").columns][:12]
        except Exception:  # noqa: BLE001
            numbers = []
        if numbers:
            todo.append("Kolommen met getallen zijn: " + ", ".join(f"'{c}'" for c in numbers))
    return Explanation(
        "🔎 Je rekent met een kolom met tekst, zoals namen of groepen. Een gemiddelde of som "
        "kan alleen met getallen.",
        todo,
    )


_LENGTHS = (
    r"inconsistent numbers of samples|All arrays must be of the same length|Item wrong length|"
    r"Unalignable boolean Series|could not be broadcast together|Lengths must match|"
    r"Length mismatch|Length of values \(\d+\) does not match|have different lengths|"
    r"must have the same length|length of .* does not match|same number of"
)


def _special_lengths(exc, ctx) -> Explanation | None:
    message = str(exc)
    if not re.search(_LENGTHS, message, re.I):
        return None
    counts = re.findall(r"\d+", message.split(":")[-1]) if "samples" in message else []
    what = "🔎 De gegevens die je combineert zijn niet even lang: de ene lijst of kolom heeft meer rijen dan de andere."
    if len(counts) >= 2:
        what += f" Python telt {' en '.join(counts[:3])} rijen."
    return Explanation(
        what,
        [
            "Neem alle kolommen uit dezelfde tabel, bijvoorbeeld allemaal uit `bakery`"
            + (
                ': `y_true=bakery["hired"], y_pred=bakery["invited"]`.'
                if "samples" in message
                else "."
            ),
            "Tel de rijen met `len(...)` als je twijfelt.",
        ],
    )


def _frames_in(tb, package: str) -> bool:
    while tb is not None:
        if f"{package}" in tb.tb_frame.f_code.co_filename:
            return True
        tb = tb.tb_next
    return False


_SPECIAL = [_special_decimal_comma, _special_method, _special_text_columns, _special_lengths]


def _name_error(exc: NameError, ns, tb, cells, ctx=None) -> Explanation:
    ctx = ctx or Context(ns, tb, cells)
    name = getattr(exc, "name", None) or _quoted(str(exc))
    if not name:
        return Explanation("🔎 Python kent een naam niet.", [_RUN_ABOVE])
    what = f"🔎 Python kent de naam `{name}` (nog) niet."
    todo = []
    imported = None if _cell_defining(name, cells) else ctx.lesson_imports.get(name)
    if imported:
        return Explanation(
            f"🔎 Python kent de naam `{name}` niet. Die komt uit de les, maar deze opdracht "
            "heeft hem nog niet geïmporteerd.",
            [
                f"Zet deze regel bovenaan je cel: `{imported}`. Voer de cel daarna opnieuw uit.",
            ],
        )
    # compared with == or !=, a name is a text value even when a table has a column of that
    # name (the m03 draws have columns "man" and "vrouw", the values of `gender`)
    word = re.escape(name)
    compared = re.search(rf"[=!]=\s*{word}\b|\b{word}\s*[=!]=", ctx.source or "")
    value_in = _text_value_named(name, ns, ctx.source) if compared else ""
    column = "" if value_in else _column_named(name, ns, ctx.source)
    if column:
        return Explanation(
            f"🔎 Python kent de naam `{name}` niet. `{name}` is een kolom van de tabel "
            f"`{column}`: een kolomnaam is tekst.",
            [f'Zet de kolomnaam tussen aanhalingstekens: `{column}["{name}"]`.'],
        )
    value_in = value_in or _text_value_named(name, ns, ctx.source)
    if value_in:
        return Explanation(
            f'🔎 Python kent de naam `{name}` niet. Bedoel je de tekst "{name}" uit de '
            f"kolom `{value_in}`?",
            [f'Zet tekst tussen aanhalingstekens: `"{name}"`.'],
        )
    defined_in = _cell_defining(name, cells)
    own = [n for n in close_names(name, _known_names(ns)) if n not in ctx.course_names]
    if name in ctx.course_names and own and not defined_in:
        # the course asks for `name`; the learner made a near-miss of it
        return Explanation(
            f"🔎 Python kent de naam `{name}` (nog) niet. De vraag vraagt om `{name}`, maar jij "
            f"maakte {_or_list(own)}.",
            [
                f"Noem je antwoord precies `{name}`: hoofdletters, kleine letters en een s meer "
                "of minder tellen mee.",
                "Voer daarna je antwoordcel opnieuw uit, en dan de controlecel.",
            ],
        )
    close = _suggestions(name, ns, ctx.course_names)
    if defined_in:
        what += " Die naam wordt gemaakt in een andere cel van dit notebook, die nog niet (goed) is uitgevoerd."
        todo.append(
            f"Zoek de cel die begint met `{defined_in}` en voer die uit (Shift+Enter). "
            "Gaf die cel zelf een fout? Herstel die dan eerst."
        )
        todo.append(_RUN_ABOVE)
    elif close:
        what += " Bedoelde je " + _or_list(close) + "?"
        todo.append(
            "Let op de spelling: hoofdletters, kleine letters en een s meer of minder tellen mee."
        )
        todo.append("Was de spelling goed? " + _RUN_ABOVE)
    else:
        todo.append(
            "Moet je deze naam zelf maken in een vraag? Beantwoord die vraag en voer de cel met "
            "je antwoord uit."
        )
        todo.append("Heb je een cel overgeslagen? " + _RUN_ABOVE)
        todo.append("Controleer de spelling van de naam.")
        if name in ("JOUW", "CODE", "HIER") or len(name) <= 2 or name[:1].isupper():
            todo.append(f'Bedoelde je tekst? Zet er dan aanhalingstekens omheen: "{name}".')
    return Explanation(what, todo)


def _suggestions(name: str, ns: Mapping[str, Any], course_names: set[str]) -> list[str]:
    """Names like ``name`` that exist: the learner's variables, builtins, the course's names.

    The course's own names come first: a learner is always pointed at a name the
    notebook or the lesson uses, never at their own misspelling of it.
    """
    ours = close_names(name, course_names)
    rest = [n for n in close_names(name, _known_names(ns)) if n not in ours]
    if ours:
        # a near-miss of one of the course's names: only the course's names
        return ours
    return rest


def _tables(ns: Mapping[str, Any], source: str) -> list[tuple[str, Any]]:
    """The learner's tables, those named in ``source`` first."""
    pd = sys.modules.get("pandas")
    if pd is None:
        return []
    named = set(re.findall(r"[A-Za-z_]\w*", source))
    tables = [
        (str(var), value)
        for var, value in list(ns.items())
        if isinstance(value, pd.DataFrame) and not str(var).startswith("_")
    ]
    return sorted(tables, key=lambda item: item[0] not in named)


def _column_named(name: str, ns: Mapping[str, Any], source: str = "") -> str:
    """The name of a table in ``ns`` with a column ``name`` ('' when none)."""
    for var, value in _tables(ns, source):
        try:
            if name in value.columns:
                return var
        except Exception:  # noqa: BLE001
            continue
    return ""


def _text_value_named(name: str, ns: Mapping[str, Any], source: str = "") -> str:
    """``table["column"]`` when ``name`` is a text value in a column of a table in ``ns``."""
    for var, value in _tables(ns, source):
        try:
            for col in value.columns[:40]:
                series = value[col]
                if series.dtype.kind in "OUST" or str(series.dtype) in (
                    "str",
                    "string",
                    "category",
                ):
                    head = series.iloc[:5000]
                    if (head.astype(str) == name).any():
                        return f'{var}["{col}"]'
        except Exception:  # noqa: BLE001
            continue
    return ""


def _key_error(exc: KeyError, ns, tb, cells, ctx=None) -> Explanation:
    key = exc.args[0] if exc.args else None
    labels, kind = _pandas_labels(tb)
    if labels is not None:
        missing = _missing_labels(key)
        shown = ", ".join(f"`{m!r}`" for m in missing) if missing else f"`{key!r}`"
        noun = "kolom" if kind == "columns" else "rij of label"
        what = f"🔎 De {noun} {shown} bestaat niet in deze tabel."
        close = []
        for m in missing or [key]:
            close += close_names(str(m), [str(x) for x in labels])
            english = DUTCH_COLUMNS.get(str(m).strip().lower())
            if english in labels and english not in close:
                close.append(english)
        if close:
            what += " Bedoelde je " + _or_list(close, quote=True) + "?"
        todo = [
            "Kolomnamen moeten precies kloppen: hoofdletters, spaties en liggende streepjes tellen mee."
        ]
        if kind == "columns" and labels:
            todo.append("De kolomnamen zijn Engels, ook al is de cursus Nederlands.")
            todo.append(_columns_line([str(x) for x in labels]))
        return Explanation(what, todo)
    what = (
        f"🔎 De sleutel `{key!r}` komt niet voor in wat je opzoekt (bijvoorbeeld een woordenboek)."
    )
    close = close_names(str(key), _dict_keys(ns)) if isinstance(key, str) else []
    if close:
        what += " Bedoelde je " + _or_list(close, quote=True) + "?"
    return Explanation(
        what,
        [
            "Controleer de spelling, hoofdletters en spaties van de sleutel.",
            "Bekijk welke sleutels er zijn met `naam.keys()` (vervang naam door de naam van je woordenboek).",
        ],
    )


def _not_implemented(exc, ns, tb, cells, ctx=None) -> Explanation:
    if exc.args or not _raised_in_cell(tb):
        return Explanation(
            "🔎 Dit onderdeel is (nog) niet beschikbaar: " + _one_line(exc),
            ["Lees de tekst bij de cel nog eens, of vraag je trainer."],
        )
    return Explanation(
        "✏️ Je hebt deze vraag nog niet beantwoord.",
        [
            "Vervang `# JOUW CODE HIER` en de regel `raise NotImplementedError()` door je antwoord.",
            "Voer de cel daarna opnieuw uit, en dan de controlecel eronder.",
        ],
        details=False,
    )


_TYPE_PATTERNS: list[tuple[str, str, list[str]]] = [
    (
        r"got an unexpected keyword argument",
        "🔎 Tussen de haakjes staat `naam = waarde` met een naam die de functie niet kent.",
        [
            "Wil je vergelijken? Dat doe je met `==`, niet met `=`.",
            "Kijk in de les of de hint welke namen de functie gebruikt.",
        ],
    ),
    (
        r"Invalid comparison between dtype=\w+ and str|'(<|>|<=|>=)' not supported between instances of '(str|int|float)' and '(str|int|float)'",
        '🔎 Je vergelijkt getallen met tekst, bijvoorbeeld `hours > "36"`.',
        ["Haal de aanhalingstekens om het getal weg: `hours > 36`."],
    ),
    (
        r"unsupported operand type\(s\) for .*'str'",
        "🔎 Je rekent met tekst. Tekst (tussen aanhalingstekens) kun je niet optellen, delen of vermenigvuldigen als getal.",
        [
            'Staat er een getal tussen aanhalingstekens, zoals "25"? Haal de aanhalingstekens weg.',
            "Komt het getal uit een tabel? Maak er een getal van met `int(...)` of `float(...)`.",
        ],
    ),
    (
        r"can only concatenate str \(not \"(int|float)\"\) to str|must be str, not (int|float)",
        "🔎 Je plakt tekst en een getal aan elkaar. Dat kan niet zomaar.",
        ['Maak van het getal eerst tekst met `str(...)`, of gebruik een f-string: f"{getal} uur".'],
    ),
    (
        r"'(\w+)' object is not callable",
        "🔎 Je zet haakjes `( )` achter iets dat geen functie is.",
        [
            "Staat er per ongeluk `(` direct achter een naam of getal? Vermenigvuldigen is `*`.",
            "Heb je een naam als `sum`, `list`, `len` of `max` zelf een waarde gegeven? Kies dan een andere naam "
            "en herstart de kernel (menu Kernel → Restart Kernel and Run All Cells).",
        ],
    ),
    (
        r"missing (\d+) required positional argument",
        "🔎 De functie krijgt te weinig gegevens tussen de haakjes.",
        ["Kijk in de uitleg of hint welke gegevens de functie nodig heeft, en in welke volgorde."],
    ),
    (
        r"takes (\d+) positional arguments? but (\d+) (were|was) given",
        "🔎 De functie krijgt te veel gegevens tussen de haakjes.",
        ["Tel de gegevens tussen de haakjes en vergelijk met de uitleg of hint."],
    ),
    (
        r"'NoneType' object is not (subscriptable|iterable)|'NoneType' object has no",
        "🔎 Je werkt met een waarde die leeg is (`None`). Vaak komt dat doordat een functie niets teruggeeft.",
        [
            "Vergeet je `return` in je functie?",
            "Heeft de naam wel een waarde gekregen? " + _RUN_ABOVE,
        ],
    ),
    (
        r"object of type '(\w+)' has no len\(\)",
        "🔎 `len(...)` telt hoeveel dingen er in een lijst, tekst of tabel zitten, maar dit is één los ding.",
        ["Controleer of je de goede naam tussen de haakjes zet (de lijst, niet één getal)."],
    ),
    (
        r"'(<|>|<=|>=)' not supported between instances of '(\w+)' and '(\w+)'",
        "🔎 Je vergelijkt twee dingen die niet te vergelijken zijn, bijvoorbeeld tekst met een getal.",
        ["Staat er een getal tussen aanhalingstekens? Haal ze weg."],
    ),
    (
        r"'(\w+)' object is not subscriptable",
        "🔎 Je gebruikt blokhaken `[ ]` bij iets wat geen lijst, tabel of woordenboek is.",
        [
            "Controleer de naam voor de blokhaken.",
            "Wil je een functie aanroepen? Gebruik dan ronde haakjes `( )`.",
        ],
    ),
    (
        r"'(\w+)' object is not iterable",
        "🔎 Je loopt door iets heen (met `for` of `sum`) dat geen lijst is.",
        ["Controleer of je de lijst gebruikt en niet één getal."],
    ),
    (
        r"unhashable type",
        "🔎 Een lijst of tabel kan geen sleutel of element van een verzameling zijn.",
        ["Gebruik tekst of een getal als sleutel."],
    ),
]

_VALUE_PATTERNS: list[tuple[str, str, list[str]]] = [
    (
        r"could not convert string to float|invalid literal for int\(\)",
        "🔎 Deze tekst kan Python niet omzetten in een getal.",
        [
            "Kommagetallen schrijf je in Python met een punt: 0.5, niet 0,5.",
            "Zit er een spatie, %-teken of letter in de tekst?",
        ],
    ),
    (
        r"truth value of a (Series|DataFrame) is ambiguous",
        "🔎 Je gebruikt `and`, `or` of `if` met een hele kolom. Python weet niet of je 'alle rijen' of 'een van de rijen' bedoelt.",
        [
            "Combineer voorwaarden op kolommen met `&` (en) en `|` (of), met haakjes om elke voorwaarde: "
            "`(df['a'] > 1) & (df['b'] == 'ja')`."
        ],
    ),
    (
        r"Length of values \((\d+)\) does not match length of index \((\d+)\)",
        "🔎 De nieuwe kolom heeft niet evenveel waarden als de tabel rijen heeft.",
        ["Tel de waarden in je lijst, of reken de kolom uit met de tabel zelf."],
    ),
    (
        r"too many values to unpack|not enough values to unpack",
        "🔎 Links van het `=` staan niet evenveel namen als er rechts waarden zijn.",
        ["Tel de namen links en de waarden rechts van het `=`."],
    ),
    (
        r"math domain error",
        "🔎 Deze berekening kan wiskundig niet, bijvoorbeeld de wortel van een negatief getal.",
        ["Controleer de getallen die je in de berekening stopt."],
    ),
]


def _pattern_error(patterns, fallback):
    def explainer(exc, ns, tb, cells, ctx=None) -> Explanation | None:
        message = str(exc)
        for pattern, what, todo in patterns:
            if re.search(pattern, message):
                todo = list(todo)
                if "not callable" in pattern:
                    shadowed = sorted(
                        n
                        for n in ns
                        if n in _BUILTIN_NAMES
                        and callable(getattr(builtins, n))
                        and not callable(ns[n])
                    )
                    if shadowed:
                        todo.insert(
                            0,
                            f"Je hebt de functie {_or_list(shadowed)} een waarde gegeven. "
                            f"Verwijder die met `del {shadowed[0]}` en kies een andere naam.",
                        )
                return Explanation(what, todo)
        return fallback(exc) if fallback else None

    return explainer


def _attribute_error(exc: AttributeError, ns, tb, cells, ctx=None) -> Explanation:
    name = getattr(exc, "name", None)
    obj = getattr(exc, "obj", None)
    if obj is None and "NoneType" in str(exc):
        return Explanation(
            "🔎 Je werkt met een waarde die leeg is (`None`).",
            ["Vergeet je `return` in je functie?", _RUN_ABOVE],
        )
    type_name = type(obj).__name__ if obj is not None else "dit ding"
    what = (
        f"🔎 Een {type_name} heeft geen onderdeel `{name}`."
        if name
        else "🔎 Dit onderdeel bestaat niet."
    )
    if name and obj is not None:
        try:
            options = [a for a in dir(obj) if not a.startswith("_")]
            if hasattr(obj, "columns"):
                options += [str(c) for c in obj.columns]
        except Exception:
            options = []
        close = close_names(name, options)
        if close:
            what += " Bedoelde je " + _or_list(close) + "?"
    todo = [
        "Controleer de spelling na de punt: hoofdletters tellen mee.",
        "Een kolom uit een tabel haal je veilig op met blokhaken: `tabel['kolom']`.",
    ]
    columns = _columns_of(obj)
    if columns:
        todo.append(_columns_line(columns))
    return Explanation(what, todo)


def _zero_division(exc, ns, tb, cells, ctx=None) -> Explanation:
    return Explanation(
        "🔎 Je deelt door nul. Dat kan niet.",
        ["Kijk waardoor je deelt: is die lijst of groep leeg, of is het getal 0?"],
    )


def _index_error(exc, ns, tb, cells, ctx=None) -> Explanation:
    return Explanation(
        "🔎 Je vraagt een plek in een lijst op die niet bestaat.",
        [
            "Python telt vanaf 0: het eerste element is `lijst[0]`, het laatste `lijst[-1]`.",
            "Controleer met `len(lijst)` hoe lang de lijst is.",
        ],
    )


def _module_not_found(exc, ns, tb, cells, ctx=None) -> Explanation:
    name = getattr(exc, "name", None) or _quoted(str(exc)) or "?"
    return Explanation(
        f"🔎 Het pakket `{name}` is niet gevonden.",
        [
            "Controleer de spelling van de naam na `import`.",
            "Werk je in de cursusomgeving? Start de cursus met `python3 bootstrap.py` en kies "
            "de kernel 'Python 3'.",
        ],
    )


def _file_not_found(exc, ns, tb, cells, ctx=None) -> Explanation:
    name = getattr(exc, "filename", None) or ""
    return Explanation(
        f"🔎 Het bestand `{name}` is niet gevonden.",
        [
            "Controleer de naam en de map. Een pad is relatief ten opzichte van de map van dit notebook."
        ],
    )


def _syntax_error(exc: SyntaxError, ns, tb, cells, ctx=None) -> Explanation:
    msg = (exc.msg or "").lower()
    where = f"regel {exc.lineno}" if exc.lineno else "een regel"
    line = (exc.text or "").rstrip("\n")
    code_line = ""
    if line.strip():
        indent = len(line) - len(line.lstrip())
        caret = " " * max((exc.offset or 1) - 1 - indent, 0) + "^"
        code_line = f"    {line.strip()}\n    {caret}"
    if isinstance(exc, IndentationError):
        if "unexpected indent" in msg:
            what = f"🔎 Op {where} staan spaties aan het begin die daar niet horen."
            todo = ["Haal de spaties of tabs vóór de code op die regel weg."]
        elif "expected an indented block" in msg:
            what = (
                f"🔎 Na een regel die eindigt op `:` moet de volgende regel inspringen ({where})."
            )
            todo = ["Zet vier spaties voor de regels die bij de `if`, `for` of `def` horen."]
        else:
            what = f"🔎 De inspringing (spaties aan het begin van de regel) klopt niet op {where}."
            todo = [
                "Regels die bij elkaar horen, beginnen met precies evenveel spaties.",
                "Gebruik spaties, geen tabs.",
            ]
        return Explanation(what, todo, code_line)
    checks = [
        (
            "invalid character",
            "Er staat een teken in dat Python niet kent, vaak een ‘krul’-aanhalingsteken "
            "uit Word of e-mail.",
            ["Typ de aanhalingstekens opnieuw als rechte tekens: ' of \"."],
        ),
        (
            "unterminated string",
            "Een tekst is niet afgesloten: er ontbreekt een aanhalingsteken.",
            ["Elke tekst begint én eindigt met hetzelfde aanhalingsteken: \"zo\" of 'zo'."],
        ),
        (
            "unterminated triple-quoted",
            "Een tekst met drie aanhalingstekens is niet afgesloten.",
            ["Sluit de tekst af met dezelfde drie aanhalingstekens."],
        ),
        (
            "was never closed",
            "Er is een haakje geopend maar niet gesloten.",
            ["Tel de haakjes: bij elke `(`, `[` of `{` hoort een `)`, `]` of `}`."],
        ),
        (
            "unmatched",
            "Er staat een sluithaakje te veel.",
            ["Tel de haakjes: bij elke `)`, `]` of `}` hoort een `(`, `[` of `{` ervoor."],
        ),
        (
            "does not match opening parenthesis",
            "De haakjes passen niet bij elkaar.",
            ["Sluit een `(` met `)`, een `[` met `]` en een `{` met `}`."],
        ),
        (
            "expected ':'",
            "Er ontbreekt een dubbele punt `:`.",
            ["Een regel met `if`, `for`, `def` of `else` eindigt op `:`."],
        ),
        (
            'perhaps you meant "=="',
            "Je gebruikt `=` waar je wilt vergelijken.",
            ["Vergelijken doe je met `==`. Eén `=` geeft een naam een waarde."],
        ),
        (
            "maybe you meant '=='",
            "Je gebruikt `=` waar je wilt vergelijken.",
            ["Vergelijken doe je met `==`. Eén `=` geeft een naam een waarde."],
        ),
        (
            "cannot assign to",
            "Links van het `=` moet één naam staan, zoals `invite_percentage`.",
            [
                "Zet de naam links en de berekening rechts: `naam = berekening`.",
                "Vergelijken doe je met `==`.",
            ],
        ),
        (
            "perhaps you forgot a comma",
            "Er ontbreekt waarschijnlijk een komma tussen twee dingen.",
            [
                "Zet een komma tussen de elementen van een lijst of tussen de gegevens van een functie."
            ],
        ),
        (
            "invalid decimal literal",
            "Een getal is direct gevolgd door letters.",
            [
                "Een naam mag niet met een cijfer beginnen; kommagetallen schrijf je met een punt: 0.5."
            ],
        ),
        (
            "leading zeros",
            "Een getal mag niet met een 0 beginnen.",
            ["Schrijf het getal zonder 0 vooraan."],
        ),
    ]
    for needle, text, todo in checks:
        if needle in msg:
            return Explanation(f"🔎 Python kan {where} niet lezen. {text}", todo, code_line)
    return Explanation(
        f"🔎 Python kan {where} niet lezen: er staat een schrijffout in de code.",
        [
            "Kijk bij het pijltje ^ en net daarvoor: ontbreekt er een haakje, aanhalingsteken, "
            "komma of dubbele punt?",
            "Vergelijk je regel met het voorbeeld in de tekst.",
        ],
        code_line,
    )


_EXPLAINERS: list[tuple[type[BaseException], Any]] = [
    (SyntaxError, _syntax_error),  # IndentationError and TabError are subclasses
    (NameError, _name_error),
    (KeyError, _key_error),
    (NotImplementedError, _not_implemented),
    (TypeError, _pattern_error(_TYPE_PATTERNS, None)),
    (ValueError, _pattern_error(_VALUE_PATTERNS, None)),
    (ModuleNotFoundError, _module_not_found),
    (AttributeError, _attribute_error),
    (ZeroDivisionError, _zero_division),
    (IndexError, _index_error),
    (FileNotFoundError, _file_not_found),
]


# --------------------------------------------------------------------------- helpers

# Dutch words a learner may use for the course's (English) column names
DUTCH_COLUMNS = {
    "geslacht": "gender",
    "gender": "gender",
    "herkomst": "origin",
    "afkomst": "origin",
    "leeftijd": "age",
    "leeftijdsgroep": "age_band",
    "uitgenodigd": "invited",
    "uitnodiging": "invited",
    "aangenomen": "hired",
    "uren": "hours",
    "naam": "name",
    "vacature": "vacancy",
    "opleiding": "education",
    "ervaring": "experience",
    "geschikt": "suitable",
    "score": "score",
}


def _columns_of(obj) -> list[str]:
    pd = sys.modules.get("pandas")
    if pd is None or not isinstance(obj, pd.DataFrame):
        return []
    try:
        return [str(c) for c in obj.columns]
    except Exception:  # noqa: BLE001
        return []


def _columns_line(columns: list[str], limit: int = 36) -> str:
    more = " …" if len(columns) > limit else ""
    return "De kolommen van deze tabel zijn: " + ", ".join(f"'{c}'" for c in columns[:limit]) + more


_BUILTIN_NAMES = frozenset(n for n in dir(builtins) if not n.startswith("_"))


def close_names(name: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Names in ``candidates`` that look like ``name`` (typos, case), best first."""
    pool = sorted({c for c in candidates if isinstance(c, str) and c and c != name})
    same_case = [c for c in pool if c.lower() == name.lower()]
    matches = difflib.get_close_matches(name, pool, n=n, cutoff=0.75)
    lowered = {c.lower(): c for c in pool}
    matches += [
        lowered[m] for m in difflib.get_close_matches(name.lower(), list(lowered), n=n, cutoff=0.75)
    ]
    out: list[str] = []
    for c in same_case + matches:
        if c not in out:
            out.append(c)
    return out[:n]


def _known_names(ns: Mapping[str, Any]) -> list[str]:
    names = [
        k
        for k in ns
        if isinstance(k, str)
        and not k.startswith("_")
        and k not in ("In", "Out", "get_ipython", "exit", "quit", "open")
    ]
    return names + sorted(_BUILTIN_NAMES) + keyword.kwlist


def _dict_keys(ns: Mapping[str, Any]) -> list[str]:
    keys: list[str] = []
    for name, value in list(ns.items()):
        if isinstance(value, dict) and not str(name).startswith("_") and len(value) <= 1000:
            keys += [k for k in value if isinstance(k, str)]
    return keys


def _cell_defining(name: str, cells: list[str]) -> str:
    """First line of the notebook cell that assigns ``name``, or ''."""
    for source in cells:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                targets = [node.id]
            elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                targets = [node.name]
            elif isinstance(node, ast.Import | ast.ImportFrom):
                targets = [(a.asname or a.name).split(".")[0] for a in node.names]
            if name in targets:
                first = next(
                    (
                        ln.strip()
                        for ln in source.splitlines()
                        if ln.strip() and not ln.strip().startswith("#")
                    ),
                    "",
                )
                return first[:70]
    return ""


def _pandas_labels(tb) -> tuple[list | None, str]:
    """Labels of the pandas table a KeyError came from, found in the traceback's frames."""
    # not imported here: the handler stays light, and a pandas error means pandas is loaded
    pd = sys.modules.get("pandas")
    if pd is None:
        return None, ""
    found: tuple[list | None, str] = (None, "")
    while tb is not None:
        owner = tb.tb_frame.f_locals.get("self")
        owner = getattr(owner, "obj", owner)  # .loc / .iloc indexers keep the table in .obj
        if isinstance(owner, pd.DataFrame):
            return list(owner.columns), "columns"
        if isinstance(owner, pd.Series) and found[0] is None:
            found = (list(owner.index[:200]), "index")
        tb = tb.tb_next
    return found


def _missing_labels(key) -> list:
    if isinstance(key, str):
        m = re.search(r"\[(.*)\] not in index", key)
        if m:
            return re.findall(r"'([^']*)'", m.group(1))
    return [key] if key is not None else []


def _raised_in_cell(tb) -> bool:
    """True when the innermost frame is notebook code, not a library."""
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return True
    filename = last.tb_frame.f_code.co_filename
    return filename.startswith("<") or "ipykernel_" in filename or "ipython-input" in filename


def _quoted(text: str) -> str:
    m = re.search(r"'([^']+)'", text)
    return m.group(1) if m else ""


def _or_list(items: list[str], quote: bool = False) -> str:
    shown = [f"`{i!r}`" if quote else f"`{i}`" for i in items]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " of " + shown[-1]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# --------------------------------------------------------------------------- IPython


class _Last:
    """The last error the handler explained, for :func:`show_last_error`."""

    text: str = ""


def show_last_error() -> None:
    """Print the full technical traceback of the last error the course explained."""
    if _Last.text:
        print(_Last.text)
    else:
        print("Er is nog geen foutmelding om te laten zien.")


def install(shell=None) -> bool:
    """Switch the Dutch explanations on in the running IPython shell.

    Returns True when installed, False outside IPython. Calling it twice is harmless.
    """
    if shell is None:
        shell = current_shell()
    if shell is None:
        return False
    shell.set_custom_exc((Exception,), _custom_exc)
    shell.showsyntaxerror = types.MethodType(_showsyntaxerror, shell)
    cell_runs.install(shell)
    check.set_answer_guard(cell_runs.guard_message)
    return True


def uninstall(shell=None) -> None:
    """Switch the explanations off again (IPython's own tracebacks)."""
    if shell is None:
        shell = current_shell()
    if shell is None:
        return
    shell.set_custom_exc((), None)
    shell.__dict__.pop("showsyntaxerror", None)
    cell_runs.uninstall(shell)
    check.set_answer_guard(None)


def _custom_exc(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler; never raises, returns None."""
    try:
        if issubclass(etype, SyntaxError):
            original = _original_stb_syntax(shell, etype, value, [])
        else:
            original = shell.InteractiveTB.structured_traceback(
                etype, value, tb, tb_offset=tb_offset
            )
        _show(shell, value, tb, original)
    except BaseException:  # noqa: BLE001 - the handler must never raise
        _fallback(shell, etype, value, tb, tb_offset)
    return None


def _showsyntaxerror(shell, filename=None, running_compiled_code=False):
    """Replacement for ``InteractiveShell.showsyntaxerror``; never raises."""
    try:
        etype, value, last_tb = shell._get_exc_info()
        if filename and issubclass(etype, SyntaxError):
            try:
                value.filename = filename
            except AttributeError:
                pass
        elist = traceback.extract_tb(last_tb) if running_compiled_code else []
        _show(shell, value, last_tb, _original_stb_syntax(shell, etype, value, elist))
    except BaseException:  # noqa: BLE001
        try:
            type(shell).showsyntaxerror(shell, filename, running_compiled_code)
        except BaseException:  # noqa: BLE001
            pass


def _original_stb_syntax(shell, etype, value, elist):
    return shell.SyntaxTB.structured_traceback(etype, value, elist)


def _show(shell, value, tb, original_stb) -> None:
    original_text = shell.InteractiveTB.stb2text(original_stb)
    _Last.text = original_text
    ns = getattr(shell, "user_ns", {})
    # a failed check already says it (check.answer_cell_ok); other errors of a check cell get it here
    stale = (
        None if isinstance(value, AssertionError) else cell_runs.guard_message(ns, known_check=True)
    )
    explanation = Explanation("❌ " + stale) if stale else None
    if explanation is None:
        explanation = explain(
            value,
            ns,
            tb,
            _notebook_cells(shell),
            source=cell_runs.current_source(shell),
            course_names=_guarded(course_names, ns, default=()),
            lesson_imports=_guarded(lesson_imports, ns, default={}),
        )
    if explanation is None and (
        hasattr(value, "_render_traceback_") or type(value).__name__ == "UsageError"
    ):
        shell.showtraceback((type(value), value, tb))  # IPython has its own display for these
        return
    if explanation is None:
        # not a common learner error: still a Dutch opening, the traceback folded under it
        explanation = unknown(value, in_notebook=is_notebook_shell(shell))
    shell._showtraceback(type(value), value, [explanation.text(value, color=True)])
    if explanation.details:
        _display_details(shell, original_text)


def _guarded(function, *args, default):
    try:
        return function(*args)
    except Exception:  # noqa: BLE001 - a missing notebook only means a less precise hint
        return default


def _display_details(shell, original_text: str) -> None:
    if not is_notebook_shell(shell):
        return  # in a terminal the hint to show_last_error() is enough
    from IPython.display import HTML, display

    plain = strip_ansi(original_text)
    display(
        HTML(
            '<details class="fairhire-error-details"><summary>🔧 Technische foutmelding tonen '
            "(voor wie wil weten wat Python precies zegt)</summary>"
            f'<pre style="font-size: 85%">{html.escape(plain)}</pre></details>'
        )
    )


def _fallback(shell, etype, value, tb, tb_offset) -> None:
    try:
        stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
        shell._showtraceback(etype, value, stb)
    except BaseException:  # noqa: BLE001
        try:
            print(f"{etype.__name__}: {value}", file=sys.stderr)
        except BaseException:  # noqa: BLE001
            pass


def _notebook_cells(shell) -> list[str]:
    """Code cells of the notebook on disk, to find where a missing name is defined."""
    try:
        return code_cell_sources(getattr(shell, "user_ns", {}))
    except Exception:  # noqa: BLE001 - a missing notebook only means a less precise hint
        return []
