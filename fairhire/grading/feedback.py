"""Feedback pages show no hidden test, not even inside an error's traceback.

nbgrader's ClearHiddenTests removes the hidden region from a test cell's source, but
a failed test cell's traceback quotes the lines around the error, and in a short
cell those include the hidden tests (their code, sometimes the expected answer).
:class:`ClearHiddenOutput` runs before ClearHiddenTests in
``GenerateFeedback.preprocessors``: it shortens every error in a test cell with
hidden tests to its message, and removes any line or folded traceback of another
output that quotes a hidden line.
"""

from __future__ import annotations

import html
import re

from nbgrader.preprocessors import NbGraderPreprocessor

from ..running_notebook import HIDDEN_BEGIN, HIDDEN_END, split_hidden, strip_ansi

# shorter lines (")" or "else:") would match ordinary output
MIN_HIDDEN_LINE = 8
PREFIX = 32
_DETAILS = re.compile(r"<details\b.*?</details>", re.S)


def hidden_lines(source: str) -> list[str]:
    """The hidden region's lines worth looking for in output, and the markers."""
    lines = [HIDDEN_BEGIN, HIDDEN_END]
    lines += [s for s in (x.strip() for x in split_hidden(source)[1]) if len(s) >= MIN_HIDDEN_LINE]
    return lines


def _quotes(text: str, hidden: list[str]) -> bool:
    plain = html.unescape(strip_ansi(text))
    # the start of a line is enough: a traceback may cut or mark up the rest
    return any(line[:PREFIX] in plain for line in hidden)


def _clean_text(text: str, hidden: list[str]) -> str:
    return "\n".join(line for line in text.split("\n") if not _quotes(line, hidden))


def scrub_output(output: dict, hidden: list[str]) -> dict | None:
    """The output without hidden test code; None when nothing is left."""
    kind = output.get("output_type")
    if kind == "error":
        output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return output
    if kind == "stream":
        text = output.get("text", "")
        if _quotes(text, hidden):
            output["text"] = _clean_text(text, hidden)
        return output if output.get("text", "").strip() else None
    data = output.get("data", {})
    for mime in list(data):
        value = data[mime]
        text = "".join(value) if isinstance(value, list) else value
        if not isinstance(text, str) or not _quotes(text, hidden):
            continue
        if mime == "text/html":
            text = _DETAILS.sub(lambda m: "" if _quotes(m.group(0), hidden) else m.group(0), text)
        if _quotes(text, hidden):
            text = _clean_text(text, hidden)
        if text.strip():
            data[mime] = text
        else:
            del data[mime]
    return output if data or kind not in ("display_data", "execute_result") else None


class ClearHiddenOutput(NbGraderPreprocessor):
    """Remove hidden test code from the outputs of cells that have hidden tests."""

    def preprocess_cell(self, cell, resources, index):  # noqa: D102 - nbconvert's hook
        if cell.cell_type == "code" and HIDDEN_BEGIN in cell.source:
            hidden = hidden_lines(cell.source)
            kept = (scrub_output(o, hidden) for o in cell.get("outputs", []))
            cell.outputs = [o for o in kept if o is not None]
        return cell, resources
