import os
import stat

import pytest

from fairhire import documents
from fairhire.documents import pdf_escape, render_template, write_atomic


def test_write_atomic_text_and_bytes(tmp_path):
    path = write_atomic(tmp_path / "a" / "b.txt", "één & twee")
    assert path.read_text(encoding="utf-8") == "één & twee"
    write_atomic(path, b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["b.txt"]


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = write_atomic(tmp_path / "doc.html", "oud")

    def broken(src, dst):
        raise OSError("schijf vol")

    monkeypatch.setattr(documents.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, "nieuw")
    assert path.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.html"]


def test_pdf_escape_protects_markup():
    assert pdf_escape("a < b & c\nd") == "a &lt; b &amp; c<br/>d"


def test_templates_autoescape():
    from fairhire.worksheet import Worksheet
    from fairhire.worksheet.questions import load_worksheet

    ws = Worksheet(tool_name="<script>", organisation="O", date="2026-11-21")
    html = render_template(
        "worksheet_template.html",
        ws=ws,
        spec=load_worksheet(),
        themes=[],
        date_nl="",
        answered=0,
        total=20,
        open=[],
        refs=[],
    )
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_default_folder_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert documents.default_folder() == tmp_path.resolve()


def test_default_folder_keeps_generated_files_out_of_solutions(tmp_path, monkeypatch):
    # Everything in solutions/<module> is released to learners, so documents go elsewhere.
    (tmp_path / "solutions" / "m07").mkdir(parents=True)
    monkeypatch.setenv("FAIRHIRE_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path / "solutions" / "m07")
    folder = documents.default_folder()
    assert folder == tmp_path.resolve() / "test-artifacts" / "documents" / "m07"
