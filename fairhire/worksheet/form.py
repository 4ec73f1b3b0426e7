"""An ipywidgets form over a :class:`Worksheet`: one text box per question, grouped by theme.

The form is a thin layer: typing in a box calls ``Worksheet.answer``; the buttons call
``export_worksheet`` and ``Worksheet.as_code``. Tests drive it by setting ``.value``.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as widgets

from .export import export_worksheet
from .sheet import Worksheet, WorksheetError


class WorksheetForm:
    """The form for one worksheet.

    Parameters
    ----------
    worksheet : Worksheet
        The worksheet the form reads from and writes to.
    folder : str or PathLike, optional
        Where the export button writes the documents (default: the notebook's folder).

    Attributes
    ----------
    textareas : dict
        question id -> ``ipywidgets.Textarea``.
    widget : ipywidgets.VBox
        The whole form, to display.
    """

    def __init__(self, worksheet: Worksheet, *, folder: str | os.PathLike | None = None):
        if not isinstance(worksheet, Worksheet):
            raise WorksheetError(
                "Maak eerst een werkblad: `ws = Worksheet(tool_name=..., organisation=...)`."
            )
        self.worksheet = worksheet
        self.folder = Path(folder) if folder is not None else None
        self.textareas: dict[str, widgets.Textarea] = {}
        self.progress = widgets.HTML()
        self.output = widgets.Output()
        self.accordion = widgets.Accordion()
        pages = []
        for theme in worksheet.spec.themes:
            rows = []
            for q in theme.questions:
                box = widgets.Textarea(
                    value=worksheet.answers.get(q.id, ""),
                    placeholder="Jouw antwoord…",
                    layout=widgets.Layout(width="100%", height="5em"),
                )
                box.observe(self._on_change(q.id), names="value")
                self.textareas[q.id] = box
                rows.append(
                    widgets.HTML(
                        f"<b>{q.number}. {html.escape(q.text)}</b><br>"
                        f"<small>{html.escape(q.help)}</small>"
                    )
                )
                rows.append(box)
            pages.append(widgets.VBox(rows))
        self.accordion.children = pages
        self.accordion.titles = tuple(t.title for t in worksheet.spec.themes)
        self.export_button = widgets.Button(
            description="Exporteer document", icon="file", button_style="primary"
        )
        self.code_button = widgets.Button(description="Toon als code", icon="code")
        self.export_button.on_click(lambda _: self.export())
        self.code_button.on_click(lambda _: self.show_code())
        header = widgets.HTML(
            f"<h3>{html.escape(worksheet.spec.title)}: {html.escape(worksheet.tool_name)}"
            f" <small>({html.escape(worksheet.organisation)})</small></h3>"
        )
        self.widget = widgets.VBox(
            [
                header,
                self.progress,
                self.accordion,
                widgets.HBox([self.export_button, self.code_button]),
                self.output,
            ]
        )
        self.widget.add_class("fairhire-worksheet")  # for the browser test
        self._update_progress()

    def _on_change(self, question_id: str):
        def handler(change):
            self.worksheet.answer(question_id, change["new"])
            self._update_progress()

        return handler

    def _update_progress(self) -> None:
        done, total = self.worksheet.progress()
        self.progress.value = f"Beantwoord: <b>{done}</b> van de {total} vragen."

    def export(self) -> dict[str, Path]:
        """Write the documents into ``folder`` and list them in the form."""
        paths = export_worksheet(self.worksheet, self.folder)
        with self.output:
            self.output.clear_output()
            print("Geschreven:")
            for path in paths.values():
                print(f"  {path}")
        return paths

    def show_code(self) -> str:
        """Show (and return) the code that rebuilds the answers, to paste into an answer cell."""
        code = self.worksheet.as_code()
        with self.output:
            self.output.clear_output()
            print("Kopieer deze code naar de antwoordcel:\n")
            print(code)
        return code

    def _ipython_display_(self):  # pragma: no cover - needs a notebook front end
        from IPython.display import display

        display(self.widget)


def worksheet_form(
    worksheet: Worksheet, *, folder: str | os.PathLike | None = None
) -> WorksheetForm:
    """Make the form for ``worksheet``; show it by leaving it as the last line of a cell."""
    return WorksheetForm(worksheet, folder=folder)
