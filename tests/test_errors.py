"""Dutch explanations of learner errors, in IPython, in a real kernel and under nbgrader."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from fairhire import errors
from fairhire.check import Feedback
from fairhire.errors import close_names, explain

from .conftest import ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def caught(source: str, namespace: dict | None = None, filename: str = "<ipython-input-1>"):
    """Run ``source`` like a notebook cell and return the exception it raises."""
    namespace = {} if namespace is None else namespace
    try:
        exec(compile(source, filename, "exec"), namespace)
    except Exception as exc:  # noqa: BLE001
        return exc
    raise AssertionError(f"no error from {source!r}")


# ---------------------------------------------------------------- explain(): pure


def test_name_typo_suggests_the_close_name():
    ns = {"hours": [40, 32]}
    exp = explain(caught("sum(hours) / len(hour)", ns), ns)
    assert "`hour`" in exp.what and "Bedoelde je `hours`?" in exp.what


def test_name_from_a_skipped_cell_points_at_that_cell():
    cells = [
        "from fairhire import start\nstart('m00')",
        "applications = 48  # zoveel\ninvited = 12",
        "x = 1",
    ]
    exp = explain(caught("invited / applications", {}), {}, notebook_cells=cells)
    assert "andere cel" in exp.what
    assert any("applications = 48" in step for step in exp.todo)


def test_letter_without_quotes_suggests_text():
    exp = explain(caught("answer = B", {}), {})
    assert any('"B"' in step for step in exp.todo)


def test_missing_answer_name_says_to_answer_the_question():
    exp = explain(caught("check(invite_percentage)", {"check": print}), {"check": print})
    assert "`invite_percentage`" in exp.what
    assert any("Beantwoord die vraag" in step for step in exp.todo)


@pytest.mark.parametrize(
    "code, missing, suggestion",
    [
        ("df['gendr']", "'gendr'", "'gender'"),
        ("df.loc[:, 'Invited']", "'Invited'", "'invited'"),
        ("df[['gender', 'hired ']]", "'hired '", "'hired'"),
    ],
)
def test_pandas_column_typo_lists_close_columns(code, missing, suggestion):
    ns = {"df": pd.DataFrame({"gender": ["v"], "invited": [1], "hired": [0]})}
    exc = caught(code, ns)
    assert isinstance(exc, KeyError)
    exp = explain(exc, ns, exc.__traceback__)
    assert "kolom" in exp.what and missing in exp.what and suggestion in exp.what
    assert any("'gender', 'invited', 'hired'" in step for step in exp.todo)


def test_dict_key_typo_suggests_a_key_from_the_namespace():
    ns = {"hours_wanted": {"Anouk": 24, "Bilal": 40}}
    exp = explain(caught("hours_wanted['anouk']", ns), ns)
    assert "sleutel" in exp.what and "'Anouk'" in exp.what


def test_not_implemented_stub_says_answer_the_question():
    exp = explain(caught("# JOUW CODE HIER\nraise NotImplementedError()"))
    assert "nog niet beantwoord" in exp.what
    assert any("JOUW CODE HIER" in step for step in exp.todo)
    assert not exp.details


def test_not_implemented_from_a_library_is_not_called_an_unanswered_question():
    exp = explain(caught("raise NotImplementedError('alleen voor tabellen')"))
    assert "nog niet beantwoord" not in exp.what and "alleen voor tabellen" in exp.what


def test_feedback_is_shown_as_is_without_details():
    exp = explain(Feedback("`x` moet een getal zijn."))
    assert exp.what == "❌ `x` moet een getal zijn." and not exp.todo and not exp.details
    assert exp.text(Feedback("y")) == exp.what  # no technical line either


def test_plain_assertion_gets_a_cross_and_no_details():
    exp = explain(caught("assert 1 == 2, 'Het percentage klopt niet.'"))
    assert exp.what == "❌ Het percentage klopt niet." and not exp.details
    assert explain(caught("assert False")).what.startswith("❌ Een controle slaagt niet")


@pytest.mark.parametrize(
    "code, phrase",
    [
        ("'5' / 2", "Je rekent met tekst"),
        ("'uren: ' + 5", "tekst en een getal"),
        ("len(5)", "`len(...)`"),
        ("x = 3\nx(4)", "geen functie"),
        ("float('0,5')", "niet omzetten in een getal"),
        ("a, b = [1, 2, 3]", "evenveel namen"),
    ],
)
def test_common_type_and_value_errors(code, phrase):
    assert phrase in explain(caught(code)).what


def test_pandas_truth_value_error_explains_and_or():
    ns = {"df": pd.DataFrame({"a": [1, 2]})}
    exp = explain(caught("if df['a'] > 1:\n    pass", ns), ns)
    assert "`&`" in exp.todo[0]


def test_shadowed_builtin_is_named():
    ns = {"sum": 10}
    exp = explain(caught("sum([1, 2])", ns), ns)
    assert "del sum" in exp.todo[0]


def test_attribute_typo_suggests_the_attribute():
    ns = {"df": pd.DataFrame({"gender": ["v"]})}
    exp = explain(caught("df.gendr", ns), ns)
    assert "`gendr`" in exp.what and "`gender`" in exp.what


@pytest.mark.parametrize(
    "code, phrase",
    [
        ("x = 'abc", "aanhalingsteken"),
        ("print(sum([1, 2)", "haakjes"),
        ("print((1)", "haakje"),
        ("x = \u2018A\u2019", "Word"),
        ("if x > 1\n    pass", "dubbele punt"),
        ("if True:\nprint(1)", "inspringen"),
        ("def f():\n        a = 1\n    b = 2", "inspringing"),
        ("x = 1 +", "schrijffout"),
    ],
)
def test_syntax_errors_are_explained_with_the_line(code, phrase):
    exc = caught(code)
    assert isinstance(exc, SyntaxError)
    exp = explain(exc)
    assert phrase in exp.what + " ".join(exp.todo)
    assert "^" in exp.show_code


def test_unknown_errors_are_left_to_ipython():
    assert explain(caught("import json\njson.loads('{')")) is None
    assert explain(RuntimeError("x")) is None


def test_close_names_handles_case_and_typos():
    assert close_names("Applications", ["applications", "invited"]) == ["applications"]
    assert close_names("hours_per_weak", ["hours_per_week", "hours_wanted"])[0] == "hours_per_week"
    assert close_names("zzz", ["applications"]) == []


# ---------------------------------------------------------------- in an IPython shell


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    cfg = Config()
    cfg.HistoryManager.enabled = False
    sh = InteractiveShell.instance(config=cfg, colors="nocolor")
    assert errors.install(sh)
    yield sh
    errors.uninstall(sh)
    InteractiveShell.clear_instance()


def test_install_outside_ipython_does_nothing():
    assert errors.install() is False


def test_shell_shows_dutch_and_keeps_the_error(shell, capsys):
    shell.run_cell("hours = [40, 32]")
    result = shell.run_cell("sum(hours) / len(hour)")
    assert isinstance(result.error_in_exec, NameError) and not result.success
    out = ANSI.sub("", capsys.readouterr().out)
    assert "Bedoelde je `hours`?" in out and "Traceback" not in out
    errors.show_last_error()
    assert "Traceback" in ANSI.sub("", capsys.readouterr().out)  # the real error, on request


def test_shell_explains_syntax_errors_before_the_cell_runs(shell, capsys):
    result = shell.run_cell("x = 'abc")
    assert isinstance(result.error_before_exec, SyntaxError) and not result.success
    assert "aanhalingsteken" in capsys.readouterr().out
    # the override also catches what IPython sends to showsyntaxerror directly
    try:
        compile("print((1)", "<cel>", "exec")
    except SyntaxError:
        shell.showsyntaxerror()
    assert "haakje" in capsys.readouterr().out


def test_a_failing_explainer_falls_back_to_the_real_traceback(shell, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(errors, "explain", broken)
    result = shell.run_cell("1 / 0")
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    out = capsys.readouterr()
    assert "ZeroDivisionError" in ANSI.sub("", out.out + out.err)
    assert shell.custom_exceptions == (Exception,)  # still installed: the handler did not raise
    monkeypatch.undo()
    shell.run_cell("1 / 0")
    assert "deelt door nul" in capsys.readouterr().out


def test_uninstall_restores_ipython(shell, capsys):
    errors.uninstall(shell)
    shell.run_cell("len(hour)")
    assert "Bedoelde je" not in capsys.readouterr().out
    errors.install(shell)


# ---------------------------------------------------------------- a real kernel


def _run(cells: list[str], allow_errors: bool) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        nb,
        timeout=60,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(ROOT)}},
    ).execute()
    return nb


@pytest.mark.slow
def test_in_a_kernel_the_cell_still_fails_with_its_real_error_type():
    start = "from fairhire import start, check\nstart('m00')"
    with pytest.raises(CellExecutionError) as info:
        _run([start, "hours = [1, 2]\nsum(hours) / len(hour)"], allow_errors=False)
    assert "NameError" in str(info.value) and "Bedoelde je `hours`?" in str(info.value)

    nb = _run(
        [
            start,
            "hours = [1]\nlen(hour)",
            "x = 'abc",
            "check.that(False, 'Te groot.')",
            "raise NotImplementedError()",
            "print('na de fouten')",
        ],
        allow_errors=True,
    )
    name_err, syntax_err, feedback, stub, after = nb.cells[1:]
    errors_of = [[o for o in c.outputs if o.output_type == "error"] for c in nb.cells[1:5]]
    assert [e[0].ename for e in errors_of] == [
        "NameError",
        "SyntaxError",
        "Feedback",
        "NotImplementedError",
    ]
    assert "Bedoelde je `hours`?" in name_err.outputs[0].traceback[0]
    html = [o for o in name_err.outputs if o.output_type == "display_data"][0].data["text/html"]
    assert "<details" in html and "NameError" in html  # the original, one click away
    assert "aanhalingsteken" in syntax_err.outputs[0].traceback[0]
    assert [ANSI.sub("", line) for line in feedback.outputs[0].traceback] == ["❌ Te groot."]
    assert "nog niet beantwoord" in stub.outputs[0].traceback[0]
    assert after.outputs[0].text.strip() == "na de fouten"
    assert not any(
        o.output_type == "stream" and o.name == "stderr" for c in nb.cells for o in c.outputs
    )


@pytest.mark.slow
def test_nbgrader_still_grades_with_the_handler_on(tmp_path):
    from fairhire import submissions

    from .nbgrader_course import Course

    course = Course(tmp_path, "m00")
    course.generate()
    exercise, solution = course.exercise("m00_opdracht"), course.solution("m00_opdracht")
    course.submit("untouched", "m00_opdracht", exercise)
    course.submit("solution", "m00_opdracht", submissions.solved_copy(exercise, solution))
    course.autograde()
    assert sum(course.scores("untouched", "m00_opdracht").values()) == 0
    assert course.scores("solution", "m00_opdracht") == submissions.autograded_points(solution)
    graded = submissions.read(tmp_path / "autograded" / "untouched" / "m00" / "m00_opdracht.ipynb")
    texts = [
        "\n".join(o.traceback)
        for c in graded.cells
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert texts and all("nog niet beantwoord" in t or "Python kent de naam" in t for t in texts)


# ---------------------------------------------------------------- a learner's typical mistakes


def notebook_cell(path, cell_id: str) -> str:
    nb = nbformat.read(str(path), as_version=4)
    return next(c.source for c in nb.cells if c.get("id") == cell_id)


@pytest.fixture
def exercise_shell(shell, monkeypatch):
    """An IPython shell that runs an exercise's setup cell, as a learner's kernel does."""
    from fairhire import cell_runs, running_notebook

    def open_exercise(module: str) -> None:
        path = ROOT / "exercises" / module / f"{module}_opdracht.ipynb"
        shell.user_ns["__session__"] = str(path)
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and not meta.get("solution") and not meta.get("grade"):
                if "self_check" not in cell.source:
                    assert shell.run_cell(cell.source, cell_id=cell.id).success
        shell.path = path

    cell_runs.reset()
    shell.open_exercise = open_exercise
    yield shell
    cell_runs.reset()
    monkeypatch.setattr(running_notebook._State, "module", None)


def visible(shell, capsys, code: str, cell_id: str | None = None):
    """Run ``code`` as a cell; return its error and its output without colours."""
    capsys.readouterr()
    result = shell.run_cell(code, cell_id=cell_id)
    out = capsys.readouterr()
    return result.error_before_exec or result.error_in_exec, ANSI.sub("", out.out + out.err)


def flat(text: str) -> str:
    """``text`` with every run of white space (a wrapped line) as one space."""
    return " ".join(text.split())


ENGLISH_TAIL = re.compile(r"^\s*(\w+(Error|Exception)|Traceback|File |Cell In)")

# (module, code, exception type, the Dutch opening must contain ...)
MISTAKES = [
    # a decimal comma
    ("m03", 'rates = bakery[bakery["hours_per_week"] >= 25,0]', "InvalidIndexError", "`25,0`"),
    # a method without ()
    (
        "m03",
        'n_invited = bakery["invited"].sum\nbakery_rate = n_invited / len(bakery)',
        "TypeError",
        "`.sum` zonder haakjes",
    ),
    (
        "m03",
        'rates_origin = bakery.groupby("origin")["invited"].mean()\n'
        "impact_origin = rates_origin / rates_origin.max",
        "TypeError",
        "`.max` zonder haakjes",
    ),
    ("m03", 'round(bakery["invited"].mean, 2)', "TypeError", "`.mean` zonder haakjes"),
    # arithmetic over text columns
    ("m03", 'bakery.groupby("origin").mean()', "TypeError", "kolom met tekst"),
    # inputs of different lengths: pandas, scikit-learn, fairlearn
    ("m03", "bakery[[True, False]]", "ValueError", "niet even lang"),
    ("m03", 'bakery["extra"] = [1, 2]', "ValueError", "niet even lang"),
    (
        "m03",
        "from sklearn.metrics import accuracy_score\n"
        'accuracy_score(bakery["invited"], history["invited"])',
        "ValueError",
        "niet even lang",
    ),
    (
        "m03",
        'mf_age = MetricFrame(metrics=selection_rate, y_true=bakery["invited"], '
        'y_pred=history["invited"], sensitive_features=bakery["age_band"])',
        "ValueError",
        "niet even lang",
    ),
    # a near-miss of a name that exists
    ("m03", "rates_orgin.max()", "NameError", "Bedoelde je `rates_origin`?"),
    ("m00", "sum(hours_per_weak) / 6", "NameError", "Bedoelde je `hours_per_week`?"),
    # a name from the lesson that the exercise did not import
    ("m03", 'selection_rates(bakery, "origin")', "NameError", "komt uit de les"),
    # a Dutch column name
    ("m03", 'bakery["herkomst"]', "KeyError", "Bedoelde je `'origin'`?"),
    ("m03", 'bakery["geslacht"]', "KeyError", "Bedoelde je `'gender'`?"),
    ("m03", "bakery.leeftijd", "AttributeError", "geen onderdeel `leeftijd`"),
    # = instead of ==
    ("m03", 'bakery[bakery["origin"] = "overig"]', "SyntaxError", "`=` waar je wilt vergelijken"),
    ("m00", "if invited = 12:\n    pass", "SyntaxError", "`=` waar je wilt vergelijken"),
    ("m03", 'bakery.query(origin = "overig")', "TypeError", "`naam = waarde`"),
    # forgotten quotes
    ("m03", 'bakery[bakery["gender"] == vrouw]', "NameError", 'de tekst "vrouw"'),
    ("m03", "small[vrouw].mean()", "NameError", "kolom van de tabel `small`"),
    ("m03", "bakery[origin]", "NameError", "`origin` is een kolom"),
    ("m00", "shortcut_answer = B", "NameError", "`B`"),
    # quotes around a number
    (
        "m00",
        'full_time = [n for n in hours_wanted if hours_wanted[n] >= "36"]',
        "TypeError",
        "getallen met tekst",
    ),
    # an error the course has no explanation for
    ("m00", 'import json\njson.loads("{")', "JSONDecodeError", "Er ging iets mis"),
]


@pytest.mark.parametrize("module, code, error, phrase", MISTAKES)
def test_a_typical_mistake_opens_with_dutch_and_stays_short(
    exercise_shell, capsys, module, code, error, phrase
):
    exercise_shell.open_exercise(module)
    exc, out = visible(exercise_shell, capsys, code)
    assert type(exc).__name__ == error  # the real error: nbgrader grades as before
    lines = [line for line in out.splitlines() if line.strip()]
    assert phrase in " ".join(lines[:3]), out
    assert lines[0][:1] in "🔎⚠❌✏", out  # a Dutch opening, not Python's
    assert len(lines) <= 15, out
    assert "Traceback" not in out and not ENGLISH_TAIL.match(lines[-1]), out


def test_a_near_miss_is_answered_with_the_name_the_question_asks_for(exercise_shell, capsys):
    exercise_shell.open_exercise("m00")
    exercise_shell.run_cell("average_hour = sum(hours_per_week) / len(hours_per_week)")
    check = notebook_cell(exercise_shell.path, "m00-fix-cell")
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-fix-cell")
    assert isinstance(exc, NameError)
    assert "De vraag vraagt om `average_hours`, maar jij maakte `average_hour`" in flat(out)
    assert "Bedoelde je `average_hour`" not in flat(out)


def test_a_lesson_name_says_where_it_comes_from(exercise_shell, capsys):
    exercise_shell.open_exercise("m03")
    exc, out = visible(exercise_shell, capsys, 'selection_rates(bakery, "origin")')
    assert "`from fairhire.audit import selection_rates`" in flat(out)
    assert "Bedoelde je `selection_rate`" not in flat(out)


def test_a_missing_column_lists_the_real_ones(exercise_shell, capsys):
    exercise_shell.open_exercise("m03")
    exc, out = visible(exercise_shell, capsys, 'bakery["uitkomst"]')
    assert "'origin'" in flat(out) and "'invited'" in flat(out) and "Engels" in flat(out)


def test_a_check_names_a_method_without_brackets_and_a_decimal_comma():
    from fairhire import check

    with pytest.raises(Feedback) as info:
        check.is_number(pd.Series([1, 0]).sum, "n_invited")
    assert "je bent `()` vergeten (`.sum()` in plaats van `.sum`)" in str(info.value)
    assert "aanhalingstekens" not in str(info.value)
    with pytest.raises(Feedback) as info:
        check.is_number((25, 0), "invite_percentage")
    assert "Schrijf kommagetallen met een punt" in str(info.value)
    with pytest.raises(Feedback) as info:
        check.is_number("25", "invite_percentage")
    assert "aanhalingstekens" in str(info.value)


def test_an_explanation_never_shows_more_than_fourteen_lines():
    exp = errors.Explanation("x " * 300, ["stap " * 40] * 10)
    assert len(exp.text(ValueError("y")).splitlines()) == errors.MAX_LINES


# ---------------------------------------------------------------- no stale judgement


def test_a_check_after_a_failed_answer_cell_says_fix_that_cell_first(exercise_shell, capsys):
    from fairhire.selfcheck import run_visible_checks, self_check

    exercise_shell.open_exercise("m00")
    check = notebook_cell(exercise_shell.path, "m00-invite-share")
    answer = "m00-invite-share-answer"
    exercise_shell.run_cell("invite_percentage = invited / applications * 100", cell_id=answer)
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-invite-share")
    assert exc is None and "✅ Vraag 1" in flat(out)

    # the answer cell now fails; the value from the run before is still there
    exc, out = visible(
        exercise_shell, capsys, "invite_percentage = invited / aplications * 100", cell_id=answer
    )
    assert isinstance(exc, NameError)
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-invite-share")
    assert isinstance(exc, Feedback) and "✅" not in flat(out)
    assert "Je antwoordcel hierboven gaf een fout: een naam die Python niet kent" in flat(out)
    nb = nbformat.read(str(exercise_shell.path), as_version=4)
    first = run_visible_checks(nb, exercise_shell.user_ns)[0]
    assert first.passed is False and "antwoordcel gaf een fout" in first.message
    self_check()
    assert "0 van de 5 vragen slagen" in capsys.readouterr().out

    # fixed: judged again
    exercise_shell.run_cell("invite_percentage = invited / applications * 100", cell_id=answer)
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-invite-share")
    assert exc is None and "✅ Vraag 1" in flat(out)
    assert run_visible_checks(nb, exercise_shell.user_ns)[0].passed is True


def test_an_unanswered_question_is_named_and_errors_in_the_check_cell_too(exercise_shell, capsys):
    exercise_shell.open_exercise("m00")
    stub = notebook_cell(exercise_shell.path, "m00-fix-cell-answer")
    exercise_shell.run_cell("average_hours = 30")  # an earlier value, from a scratch cell
    exercise_shell.run_cell(stub, cell_id="m00-fix-cell-answer")
    check = notebook_cell(exercise_shell.path, "m00-fix-cell")
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-fix-cell")
    assert (
        isinstance(exc, Feedback) and "is nog niet ingevuld" in flat(out) and "✅" not in flat(out)
    )
    # an error raised by the check cell itself gets the same advice
    exercise_shell.run_cell("del average_hours")
    exercise_shell.run_cell(stub, cell_id="m00-fix-cell-answer")
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-fix-cell")
    assert isinstance(exc, NameError) and "Je antwoordcel hierboven is nog niet ingevuld" in flat(
        out
    )


def test_without_cell_ids_the_cell_run_before_the_check_counts(exercise_shell, capsys):
    exercise_shell.open_exercise("m00")
    exercise_shell.run_cell("invite_percentage = 25")
    exercise_shell.run_cell("invite_percentage = invited / applications * 100,,")  # not on disk
    check = notebook_cell(exercise_shell.path, "m00-invite-share")
    exc, out = visible(exercise_shell, capsys, check)
    assert isinstance(exc, Feedback) and "schrijffout in de code" in flat(out)


def test_nbgrader_decides_alone(exercise_shell, capsys, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    exercise_shell.open_exercise("m00")
    answer = "m00-invite-share-answer"
    exercise_shell.run_cell("invite_percentage = 25.0\nprint(nope)", cell_id=answer)
    check = notebook_cell(exercise_shell.path, "m00-invite-share")
    exc, out = visible(exercise_shell, capsys, check, cell_id="m00-invite-share")
    assert exc is None and "✅" in flat(out)


@pytest.mark.slow
def test_in_a_kernel_no_error_shows_more_than_fifteen_lines_before_unfolding():
    setup = (
        "import pandas as pd\nfrom fairlearn.metrics import MetricFrame, selection_rate\n"
        "from fairhire import start\nstart('m03')\n"
        "bakery = pd.DataFrame({'origin': ['a', 'b', 'a'], 'name': ['x', 'y', 'z'], 'invited': [1, 0, 1]})"
    )
    samples = [
        "rates = bakery['invited'].sum / len(bakery)",
        "bakery.groupby('origin').mean()",
        "MetricFrame(metrics=selection_rate, y_true=[1, 0, 1], y_pred=[1, 0],"
        " sensitive_features=['a', 'b', 'a'])",
        "bakery['herkomst']",
        "import json\njson.loads('{')",  # unknown to the course
    ]
    nb = _run([setup, *samples], allow_errors=True)
    for cell in nb.cells[1:]:
        error = [o for o in cell.outputs if o.output_type == "error"]
        assert error, cell.source
        shown = ANSI.sub("", "\n".join(error[0].traceback)).splitlines()
        folded = [o for o in cell.outputs if o.output_type == "display_data"]
        assert folded and "<details" in folded[0].data["text/html"]  # the traceback, folded
        assert "Traceback" in folded[0].data["text/html"] or "Error" in folded[0].data["text/html"]
        assert len(shown) + 1 <= 15, shown  # + the line "Technische foutmelding tonen"
        assert not ENGLISH_TAIL.match(shown[-1]) and "Traceback" not in "\n".join(shown)
