import ipywidgets as widgets
import pytest

from fairhire.worksheet import Worksheet, WorksheetError, worksheet_form


def test_form_groups_twenty_boxes_in_five_themes():
    ws = Worksheet(tool_name="T", organisation="O", date="2026-11-21")
    form = worksheet_form(ws)
    assert isinstance(form.widget, widgets.VBox)
    assert len(form.accordion.children) == 5
    assert len(form.accordion.titles) == 5 and form.accordion.titles[0].startswith("Eerlijk")
    assert len(form.textareas) == 20
    assert all(isinstance(t, widgets.Textarea) for t in form.textareas.values())
    assert "fairhire-worksheet" in form.widget._dom_classes


def test_typing_answers_the_worksheet_and_updates_progress():
    ws = Worksheet(tool_name="T", organisation="O", date="2026-11-21")
    ws.answer("q02", "al ingevuld")
    form = worksheet_form(ws)
    assert form.textareas["q02"].value == "al ingevuld"
    assert "<b>1</b>" in form.progress.value
    form.textareas["q07"].value = "Gepseudonimiseerd."
    assert ws.answers["q07"] == "Gepseudonimiseerd."
    assert "<b>2</b>" in form.progress.value
    form.textareas["q07"].value = ""
    assert not ws.is_answered("q07")


def test_buttons_export_and_show_code(tmp_path):
    ws = Worksheet(tool_name="Video-interview", organisation="O", date="2026-11-21")
    form = worksheet_form(ws, folder=tmp_path)
    form.textareas["q04"].value = "Ja, telefonisch."
    paths = form.export()
    assert paths["html"].parent == tmp_path and paths["pdf"].is_file()
    assert "Ja, telefonisch." in paths["md"].read_text(encoding="utf-8")
    code = form.show_code()
    assert "ws.answer('q04', 'Ja, telefonisch.')" in code


def test_form_needs_a_worksheet():
    with pytest.raises(WorksheetError, match="Worksheet"):
        worksheet_form({"tool_name": "T"})
