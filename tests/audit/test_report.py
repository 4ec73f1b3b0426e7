import base64
import re
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from fairhire import legal  # noqa: E402
from fairhire.audit.report import (  # noqa: E402
    AuditReport,
    ReportError,
    audit_report_html,
    build_audit_report,
    export_audit_report,
    format_value,
    write_audit_report,
)

MEMO = "Selectomaat benadeelt Marokkaans-Nederlandse sollicitanten <sterk> & structureel."


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.imgs, self.below = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.imgs.append(attrs.get("src", ""))
        if tag == "td" and attrs.get("class") == "below":
            self.below += 1

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def report() -> AuditReport:
    table = pd.DataFrame(
        {"n": [181, 1195], "selection_rate": [0.116022, 0.364854], "impact_ratio": [0.317996, 1.0]},
        index=pd.Index(["Marokkaans-Nederlands", "Nederlands"], name="origin"),
    )
    inter = pd.DataFrame(
        {"n": [93, 611], "impact_ratio": [0.385, 1.0]},
        index=pd.MultiIndex.from_tuples(
            [("man", "Turks-Nederlands"), ("man", "Nederlands")], names=["gender", "origin"]
        ),
    )
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.barh(table.index, table["impact_ratio"])
    rep = AuditReport(
        tool_name="Selectomaat",
        organisation="Uitzendbureau Flex & Co",
        auditor="HR-adviseur",
        date="2026-11-21",
        memo=MEMO,
    )
    rep.add_number("Selectiepercentage (totaal)", 0.2886)
    rep.add_number("Gewijzigde besluiten na naamwissel", 37)
    rep.add_table("Impact ratio per herkomst", table, note="Eigen berekening.")
    rep.add_table(
        "Fout-negatief per geslacht",
        pd.Series({"man": 0.25, "vrouw": 0.5}, name="false_negative_rate"),
    )
    rep.add_table("Intersectioneel", inter)
    rep.add_figure("Impact ratio per herkomst", fig)
    plt.close(fig)
    return rep


def test_format_value():
    assert format_value(0.31799) == "0.318" and format_value(181) == "181"
    assert format_value(True) == "ja" and format_value(float("nan")) == "–"
    assert format_value(("man", "Nederlands")) == "man × Nederlands"


def test_html_opens_and_holds_the_learners_values(report):
    html = audit_report_html(report)
    parser = _Parser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.text)
    for value in (
        "0.318",
        "0.365",
        "0.289",
        "37",
        "181",
        "1195",
        "0.250",
        "man × Turks-Nederlands",
    ):
        assert value in text, value
    assert MEMO in text and "&lt;sterk&gt;" in html  # escaped, but the learner's words survive
    assert "Uitzendbureau Flex & Co" in text and "2026-11-21" in text
    assert parser.below == 2  # 0.318 and 0.385 are under four fifths; 1.0 is not
    assert len(parser.imgs) == 1 and parser.imgs[0].startswith("data:image/png;base64,")
    png = base64.b64decode(parser.imgs[0].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert legal("nyc-ll144").source in text


def test_pdf_has_pages_and_values(report, tmp_path):
    path = write_audit_report(report, tmp_path / "r.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Selectomaat" in text and "0.318" in text and "Marokkaans-Nederlands" in text
    assert "Memo" in text and "Bronnen" in text
    # the plot is embedded as an image
    assert any(page.images for page in reader.pages)


def test_export_writes_both_files_atomically(report, tmp_path):
    paths = export_audit_report(report, tmp_path)
    assert set(paths) == {"html", "pdf"}
    assert paths["html"].name == "audit_selectomaat.html"
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "audit_selectomaat.html",
        "audit_selectomaat.pdf",
    ]


def test_errors_are_dutch(report, tmp_path):
    with pytest.raises(ReportError, match="tool_name"):
        AuditReport(tool_name="", organisation="O")
    with pytest.raises(ReportError, match=".html of .pdf"):
        write_audit_report(report, tmp_path / "r.docx")
    with pytest.raises(ReportError, match="add_table"):
        report.add_number("x", pd.Series([1]))
    with pytest.raises(ReportError, match="matplotlib"):
        report.add_figure("x", "geen figuur")
    with pytest.raises(ReportError, match="DataFrame"):
        report.add_table("x", [1, 2])
    with pytest.raises(ReportError, match="AuditReport"):
        audit_report_html({"tool_name": "x"})


def test_no_report_row_without_a_value(report):
    html = audit_report_html(report)
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    assert all("<td></td>" not in row for row in rows)


def test_build_audit_report_in_one_call(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    report = build_audit_report(
        tool_name="Selectomaat",
        organisation="De Korenschoof",
        date="2026-11-21",
        numbers={"Laagste impact ratio": 0.4216},
        memo="Stoppen.",
        tables={
            "Per geslacht": pd.DataFrame(
                {"impact_ratio": [1.0, 0.751]}, index=pd.Index(["man", "vrouw"], name="gender")
            )
        },
        figures={"Figuur": fig},
    )
    plt.close(fig)
    assert [n for n, _ in report.numbers] == ["Laagste impact ratio"]
    assert len(report.tables) == 1 and len(report.figures) == 1
    html = write_audit_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "0.422" in html and "0.751" in html and "Stoppen." in html


def test_a_table_too_big_for_the_page_is_refused_in_dutch(report, tmp_path):
    from fairhire.final_audit import scored_audit

    audit = scored_audit()  # 29 columns: reportlab used to fail on it with its own error
    before = len(report.tables)
    with pytest.raises(ReportError, match="kolommen"):
        report.add_table("Alle sollicitanten", audit)
    with pytest.raises(ReportError, match="rijen"):
        report.add_table("Alle sollicitanten", audit[["score", "selected"]])
    assert len(report.tables) == before
    report.add_table("Twee kolommen", audit[["score", "selected"]].head(20))
    assert set(export_audit_report(report, tmp_path)) == {"html", "pdf"}
