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
