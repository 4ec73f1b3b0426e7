"""Feedback outputs lose the hidden test lines that a traceback quotes."""

from __future__ import annotations

import json

import nbformat

from fairhire.grading.feedback import ClearHiddenOutput, hidden_lines

SOURCE = (
    'check.choice(answer, "answer", "m00-x")\n'
    "### BEGIN HIDDEN TESTS\n"
    'assert str(answer).strip().upper() == "B", "Dit antwoord klopt niet."\n'
    "### END HIDDEN TESTS\n"
)
SECRET = 'assert str(answer).strip().upper() == "B"'


def cell_with(outputs):
    cell = nbformat.v4.new_code_cell(SOURCE)
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


def scrubbed(outputs):
    cell, _ = ClearHiddenOutput().preprocess_cell(cell_with(outputs), {}, 0)
    return json.dumps(cell.outputs, ensure_ascii=False)


def test_an_error_keeps_only_its_message():
    text = scrubbed(
        [
            {
                "output_type": "error",
                "ename": "NameError",
                "evalue": "name 'answer' is not defined",
                "traceback": ["\x1b[0;32m----> 1\x1b[0m check...", "      3 " + SECRET],
            }
        ]
    )
    assert SECRET not in text and "BEGIN HIDDEN" not in text
    assert "name 'answer' is not defined" in text


def test_quoted_lines_leave_text_and_folded_tracebacks_leave_html():
    html = (
        "<p>❌ Python kent de naam niet.</p><details class='fairhire-error-details'><pre>"
        "      3 assert str(answer).strip().upper() == &quot;B&quot;</pre></details>"
    )
    text = scrubbed(
        [
            {"output_type": "stream", "name": "stderr", "text": f"uitleg\n   3 {SECRET}\n"},
            {"output_type": "display_data", "metadata": {}, "data": {"text/html": html}},
        ]
    )
    assert "upper() ==" not in text
    assert "uitleg" in text and "Python kent de naam niet" in text


def test_cells_without_hidden_tests_and_short_lines_are_left_alone():
    assert hidden_lines("x = 1\n### BEGIN HIDDEN TESTS\nelse:\n### END HIDDEN TESTS")[2:] == []
    plain = nbformat.v4.new_code_cell("print(1)")
    plain.outputs = [nbformat.v4.new_output("stream", name="stdout", text="### BEGIN\n")]
    cell, _ = ClearHiddenOutput().preprocess_cell(plain, {}, 0)
    assert cell.outputs[0].text == "### BEGIN\n"
