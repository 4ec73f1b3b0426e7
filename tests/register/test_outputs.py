"""Every file of the register, read back: CSV, XLSX, PDF, HTML, README; idempotent and atomic."""

from __future__ import annotations

import base64
import csv
import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from pypdf import PdfReader

import fairhire
from fairhire import legal, objectives
from fairhire.register import RegisterError, certificate, make_register, output

from .gradebook_fill import EMAIL, LEARNERS, fill
from .helpers import tree_digest


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    fill(f"sqlite:///{path}")
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def teams(tmp_path_factory):
    path = tmp_path_factory.mktemp("teams") / "teams.csv"
    path.write_text(
        "learner_id,team\nanouk,Bakkerij\nbilal,Bakkerij\nchantal,Kantoor\n", encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def out(db, teams, tmp_path_factory):
    folder = tmp_path_factory.mktemp("out") / "register"
    make_register(db, folder, teams=teams)
    return folder


def test_csv_has_a_row_per_learner_and_module(out):
    rows = list(csv.DictReader(io.StringIO((out / "register.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(LEARNERS) * 2
    by = {(r["learner_id"], r["module"]): r for r in rows}
    anouk = by[("anouk", "m00")]
    assert anouk["passed"] == "true" and anouk["score"] == "15" and anouk["date"] == "2026-12-01"
    assert anouk["objectives_demonstrated"].split(";") == [
        o for o in objectives() if o.startswith("m00.")
    ]
    assert anouk["course_version"] == fairhire.__version__
    assert by[("bilal", "m00")]["status"] == "pending"
    assert by[("bilal", "m00")]["objectives_pending"] == "m00.reflect"
    assert by[("chantal", "m00")]["passed"] == "true"  # 11/15 >= 0.6
    assert "m00.notebook" not in by[("chantal", "m00")]["objectives_demonstrated"]
    assert by[("chantal", "m99")]["passed"] == "false"
    assert by[("ewa", "m00")]["status"] == "not-started" and by[("ewa", "m00")]["score"] == ""
    assert [(r["learner_id"], r["module"]) for r in rows] == sorted(by)


def test_xlsx_matches_the_csv(out):
    wb = load_workbook(out / "register.xlsx")
    ws = wb["Register"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0][:4] == ("Cursist-id", "Naam", "Module", "Status")
    rows = {(v[0], v[2]): v for v in values[1:]}
    assert len(rows) == len(LEARNERS) * 2
    anouk = rows[("anouk", "m00")]
    assert anouk[3] == "nagekeken" and anouk[4] == 15 and anouk[7] == "ja"
    assert anouk[8].date().isoformat() == "2026-12-01"
    assert rows[("ewa", "m99")][3] == "niet gestart"
    assert rows[("bilal", "m00")][7] is None or rows[("bilal", "m00")][7] == ""
    goals = {r[0]: r[1] for r in wb["Leerdoelen"].iter_rows(min_row=2, values_only=True)}
    assert goals["m00.art4"] == objectives()["m00.art4"]
    assert wb.properties.creator == "fairhire"


def test_certificates_for_everyone_who_handed_in(out):
    files = sorted(p.name for p in (out / "certificaten").iterdir())
    assert files == sorted(certificate.filename(x) for x, *_ in LEARNERS if x != "ewa")


def test_certificate_says_what_was_demonstrated_and_why(out):
    ref = legal("ai-act-art-4")
    text = " ".join(
        PdfReader(out / "certificaten" / certificate.filename("bilal"))
        .pages[0]
        .extract_text()
        .split()
    )
    assert "Bilal El Amrani" in text and "Bewijs van AI-geletterdheid" in text
    assert " ".join(objectives()["m00.art4"].split()) in text
    assert "nog te beoordelen" in text  # the reflection
    assert f"Cursusversie {fairhire.__version__}" in text
    assert " ".join(ref.article.split()) in text and ref.checked in text
    assert "02-12-2026" in text


def test_no_email_anywhere(out):
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        if path.suffix == ".pdf":
            data = " ".join(p.extract_text() for p in PdfReader(path).pages).encode()
        for sid, *_ in LEARNERS:
            assert EMAIL.format(sid).encode() not in data, path
        assert b"@" not in data or path.suffix == ".html", path


def test_summary_covers_modules_objectives_teams_and_who_is_not_done(out):
    soup = BeautifulSoup((out / "samenvatting.html").read_text(encoding="utf-8"), "html.parser")
    m00 = [td.get_text() for td in soup.select('table.modules tr[data-module="m00"] td')]
    assert m00[1:] == ["2", "1", "1", "1"]  # passed, failed, pending, not started
    art4 = [
        td.get_text() for td in soup.select('table.objectives tr[data-objective="m00.art4"] td')
    ]
    assert art4[-1] == "3 van 5"
    teams = {
        tr["data-team"]: [td.get_text() for td in tr.find_all("td")]
        for tr in soup.select("table.teams tr[data-team]")
    }
    assert set(teams) == {"Bakkerij", "Kantoor", "(geen team)"} and teams["Bakkerij"][1] == "2"
    not_done = {tr["data-learner"] for tr in soup.select("table.not-finished tr[data-learner]")}
    assert not_done == {"bilal", "chantal", "daan", "ewa"}
    images = soup.find_all("img")
    assert len(images) == 3
    for img in images:
        assert base64.b64decode(img["src"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    retention = soup.find(id="retention").find_next("p").get_text()
    assert "Geen e-mailadres" in retention
    assert "Bewaaradvies" in soup.get_text()
    assert legal("ai-act-art-4").status_nl in soup.get_text()


def test_readme_states_retention_and_rule(out):
    text = (out / "README.txt").read_text(encoding="utf-8")
    assert "Bewaaradvies" in text and "alle vragen die bij het leerdoel horen" in text
    assert "2026-12-09" in text  # the latest submission


def test_running_twice_gives_identical_files(db, teams, out, tmp_path):
    again = tmp_path / "again"
    make_register(db, again, teams=teams)
    assert tree_digest(again) == tree_digest(out)
    make_register(db, again, teams=teams)  # replacing an earlier register
    assert tree_digest(again) == tree_digest(out)


def test_without_teams_there_is_no_team_section(db, tmp_path):
    make_register(db, tmp_path / "r")
    soup = BeautifulSoup(
        (tmp_path / "r" / "samenvatting.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.find(id="teams") is None and len(soup.find_all("img")) == 2


def test_failure_halfway_keeps_the_old_register(db, tmp_path, monkeypatch):
    target = tmp_path / "r"
    make_register(db, target)
    before = tree_digest(target)

    def broken(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(certificate, "to_pdf", broken)
    with pytest.raises(RuntimeError):
        make_register(db, target)
    assert tree_digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary folders left


def test_a_folder_that_is_not_a_register_is_never_replaced(db, tmp_path):
    target = tmp_path / "documenten"
    target.mkdir()
    (target / "belangrijk.docx").write_text("x")
    with pytest.raises(RegisterError, match="geen eerder register"):
        make_register(db, target)
    assert (target / "belangrijk.docx").read_text() == "x"


def test_bad_teams_file(tmp_path, db):
    bad = tmp_path / "teams.csv"
    bad.write_text("id;afdeling\nanouk;x\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="learner_id en team"):
        make_register(db, tmp_path / "r", teams=bad)
    assert not (tmp_path / "r").exists()
    with pytest.raises(RegisterError, match="bestaat niet"):
        output.read_teams(tmp_path / "nergens.csv")
