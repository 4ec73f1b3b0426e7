from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from fairhire import legal
from fairhire.worksheet import (
    Worksheet,
    WorksheetError,
    export_html,
    export_markdown,
    export_pdf,
    export_worksheet,
    worksheet_html,
    worksheet_markdown,
)

ANSWER = "We vragen de leverancier om selectiepercentages per groep & per combinatie (<80%?)."


@pytest.fixture
def ws() -> Worksheet:
    ws = Worksheet(
        tool_name="MatchMeester cv-score",
        organisation="Uitzendbureau Flex & Co",
        date="2026-11-21",
        author="HR-adviseur",
    )
    ws.answer("q14", ANSWER)
    ws.answer("q01", "Gelijke kansen voor Łukasz en Özlem.")
    return ws


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def test_markdown_has_header_answers_open_questions_and_credit(ws):
    md = worksheet_markdown(ws)
    assert md.startswith("# Werkblad AI in werving: MatchMeester cv-score")
    assert "Uitzendbureau Flex & Co" in md and "2026-11-21" in md and "HR-adviseur" in md
    assert "2 van de 20" in md
    assert ANSWER.replace("<", "&lt;") in md
    open_part = md.split("## Open vragen")[1].split("## Wetten")[0]
    assert open_part.count("\n- ") == 18
    assert "14. " not in open_part and "1. Welke waarden" not in open_part
    assert "AI in Recruitment (AIR)" in md
    assert legal("gdpr-art-22").source in md  # cited with source
    assert "stand van zaken 2026-11-21" in md


def test_html_parses_escapes_and_contains_the_values(ws):
    html = worksheet_html(ws)
    parsed = _parse(html)
    text = "".join(parsed.text)
    assert ANSWER in text  # the learner's text survives, escaped in the markup
    assert "(&lt;80%?)" in html and "<80%?" not in html
    assert "Uitzendbureau Flex & Co" in text and "21 november 2026" in text
    assert parsed.tags.count("li") >= 18  # open questions listed
    assert "AI in Recruitment (AIR)" in text


def test_pdf_has_pages_and_the_learners_text(ws, tmp_path):
    path = export_pdf(ws, tmp_path / "w.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "MatchMeester cv-score" in text
    assert "selectiepercentages per groep" in text
    assert "Open vraag" in text and "AIR" in text


def test_export_worksheet_writes_all_formats(ws, tmp_path):
    paths = export_worksheet(ws, tmp_path / "out")
    assert set(paths) == {"md", "html", "pdf"}
    for fmt, path in paths.items():
        assert path.is_file() and path.stat().st_size > 500, fmt
        assert path.name == f"air_werkblad_matchmeester_cv_score.{fmt}"
    assert not list((tmp_path / "out").glob(".*.tmp"))  # no temporary files left behind
    assert paths["md"].read_text(encoding="utf-8") == worksheet_markdown(ws)


def test_single_exports_return_their_path(ws, tmp_path):
    assert export_markdown(ws, tmp_path / "a.md").read_text(encoding="utf-8").startswith("# ")
    assert "<!DOCTYPE html>" in export_html(ws, tmp_path / "a.html").read_text(encoding="utf-8")


def test_export_refuses_non_worksheets_and_formats(ws, tmp_path):
    with pytest.raises(WorksheetError, match="Worksheet"):
        worksheet_markdown({"q01": "x"})
    with pytest.raises(WorksheetError, match="formaat"):
        export_worksheet(ws, tmp_path, formats=("docx",))


def test_all_answered_says_so(tmp_path):
    ws = Worksheet(tool_name="T", organisation="O", date="2026-11-21")
    for q in ws.questions:
        ws.answer(q.id, f"Antwoord {q.number}")
    md = worksheet_markdown(ws)
    assert "Alle vragen zijn beantwoord." in md and "Open vraag:" not in md
