"""The learner's own JupyterLab, started as bootstrap starts it, in headless Chromium.

A workspace made by ``fairhire werkmap`` and the arguments of
``bootstrap.learner_lab_args()``: the interface is Dutch, shows no trainer tools
and asks no news question. A learner makes the typical mistakes in m00 and m03
(a decimal comma, a near-miss name, a method without brackets), reads the Dutch
help with the traceback folded, fixes them and gets a ✅ only when right; the
self-check agrees. Screenshots go to test-artifacts/browser-learner/.
"""

from __future__ import annotations

import importlib.util
import re
import shutil

import pytest

from fairhire.workspace import update_workspace

from ..conftest import ROOT
from .jupyter import SETTINGS, JupyterLab, port_is_free
from .test_learner_journey import (
    CHROMIUM,
    CHROMIUM_ARGS,
    WAIT,
    code_cell,
    notebook,
    output,
    run,
    shot,
    type_into,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TRACKER = "@jupyterlab/notebook-extension/tracker.jupyterlab-settings"


def bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (python3 bootstrap.py test installs it)")
    pytest.importorskip("playwright.sync_api")
    work = tmp_path_factory.mktemp("learnerlab")
    workspace = update_workspace(work / "werkmap", ROOT).workspace
    args = bootstrap().learner_lab_args(work / "learner-jupyterlab")
    # only the test's own need (every cell in the DOM); language and news come from bootstrap
    server = JupyterLab(workspace, work, extra_args=args, settings={TRACKER: SETTINGS[TRACKER]})
    server.start()
    try:
        yield server
    finally:
        server.stop()
        assert port_is_free(server.port), "JupyterLab still holds its port"
        assert not server.kernel_pids(), "a kernel outlived the server"


@pytest.fixture(scope="module")
def page(lab, artifacts):
    from playwright.sync_api import sync_playwright

    shots = artifacts / "browser-learner"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.set_default_timeout(WAIT)
        pg.shots = shots
        try:
            yield pg
        finally:
            browser.close()


def open_notebook(page, lab, path: str) -> None:
    page.goto(lab.url(path) + "&reset")
    notebook(page).locator(".jp-Cell").first.wait_for()
    # the kernel is ready when the status bar says so, in Dutch
    status = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Inactief"))
    status.first.wait_for()


def assert_not_modified(page) -> None:
    """The open notebook's tab shows no unsaved-changes dot after the kernel started."""
    page.wait_for_timeout(1500)  # the kernel's language info arrives after it is idle
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), tab.get_attribute("class")


def answer_cell(page, n: int = 0):
    return notebook(page).locator(".jp-CodeCell", has_text="JOUW CODE HIER").nth(n)


def error_of(cell):
    return cell.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")


def assert_folded_dutch_help(cell, phrase: str) -> None:
    """The error opens with Dutch, is short, and its traceback is folded."""
    shown = error_of(cell).filter(has_text=phrase).first
    shown.wait_for()
    lines = [line for line in shown.inner_text().splitlines() if line.strip()]
    assert len(lines) + 1 <= 15, lines  # + the folded line under it
    assert lines[0][:1] in "🔎⚠❌✏" and "Traceback" not in shown.inner_text(), lines
    details = cell.locator("details.fairhire-error-details")
    assert details.count() == 1 and details.get_attribute("open") is None  # folded


def test_the_learners_lab(lab, page):
    try:
        learner_lab(lab, page)
    except Exception:
        shot(page, "99_fout")
        raise


def learner_lab(lab, page) -> None:
    # 1. Dutch menus, no trainer tools, no news question; the notebook opens unmodified.
    open_notebook(page, lab, "exercises/m00/m00_opdracht.ipynb")
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren"} <= set(menus), menus
    assert "File" not in menus and "Nbgrader" not in menus, menus
    body = page.locator("body").inner_text()
    assert "Formgrader" not in body and "Create Assignment" not in body
    assert page.locator(".validate-button").count() == 0  # self_check() answers instead
    page.wait_for_timeout(3000)  # the news question would come a moment after the start
    assert "news" not in page.locator("body").inner_text().lower()
    shot(page, "01_nederlands_zonder_trainersmenu")
    assert_not_modified(page)

    # 2. m00, question 1 with a decimal comma: no ✅, the check names the comma.
    run(page, code_cell(page, 'start("m00")'))
    output(code_cell(page, 'start("m00")')).filter(has_text="Klaar om te beginnen").wait_for()
    run(page, code_cell(page, "applications = 48"))
    type_into(page, answer_cell(page), "invite_percentage = invited / applications * 100,0")
    page.keyboard.press("Shift+Enter")
    test1 = code_cell(page, 'check.passed("Vraag 1")')
    run(page, test1)
    wrong = output(test1).filter(has_text="Schrijf kommagetallen met een punt")
    wrong.wait_for()
    assert "✅" not in output(test1).first.inner_text()
    shot(page, "02_m00_kommagetal", test1)
    type_into(page, code_cell(page, "100,0"), "invite_percentage = invited / applications * 100")
    page.keyboard.press("Shift+Enter")
    run(page, test1)
    output(test1).filter(has_text="✅ Vraag 1").wait_for()

    # 3. m00, question 2 under a near-miss name: told the name the question asks for.
    run(page, code_cell(page, "hours_per_week = [38"))
    answer2 = answer_cell(page)
    type_into(page, answer2, "average_hour = sum(hours_per_week) / len(hours_per_week)")
    page.keyboard.press("Shift+Enter")
    test2 = code_cell(page, 'check.passed("Vraag 2")')
    run(page, test2)
    assert_folded_dutch_help(test2, "De vraag vraagt om")
    assert "Bedoelde je `average_hour`" not in output(test2).first.inner_text()
    shot(page, "03_m00_bijna_goede_naam", test2)
    answer2 = code_cell(page, "average_hour =")
    type_into(page, answer2, "average_hours = sum(hours_per_week) / len(hours_per_week)")
    page.keyboard.press("Shift+Enter")
    run(page, test2)
    output(test2).filter(has_text="✅ Vraag 2").wait_for()
    check_cell = code_cell(page, "self_check()")
    run(page, check_cell, "Control+Enter")
    table = output(check_cell).locator(".fairhire-self-check")
    table.wait_for()
    assert "2 van de 5 vragen slagen" in table.inner_text()
    shot(page, "04_m00_zelfcontrole", check_cell)

    # 4. m03, question 1 with a method without (): Dutch help, then a check that waits.
    open_notebook(page, lab, "exercises/m03/m03_opdracht.ipynb")
    setup = code_cell(page, 'start("m03")')
    run(page, setup)
    output(setup).filter(has_text="Bakkerij").wait_for(timeout=120_000)
    answer = answer_cell(page)
    type_into(
        page, answer, 'n_invited = bakery["invited"].sum\nbakery_rate = n_invited / len(bakery)'
    )
    page.keyboard.press("Shift+Enter")
    answer = code_cell(page, "bakery_rate = n_invited")
    assert_folded_dutch_help(answer, "zonder haakjes")
    answer.locator("details.fairhire-error-details summary").click()  # the real error, on request
    assert "TypeError" in answer.locator("details.fairhire-error-details").inner_text()
    shot(page, "05_m03_methode_zonder_haakjes", answer)
    test = code_cell(page, 'check.passed("Vraag 1")')
    run(page, test)
    output(test).filter(has_text="Je antwoordcel hierboven gaf een fout").first.wait_for()
    assert "✅" not in output(test).first.inner_text()
    shot(page, "06_m03_controle_wacht_op_antwoordcel", test)
    fixed = 'n_invited = int(bakery["invited"].sum())\nbakery_rate = n_invited / len(bakery)'
    type_into(page, answer, fixed)
    page.keyboard.press("Shift+Enter")
    run(page, test)
    output(test).filter(has_text="✅ Vraag 1").wait_for()
    check_cell = code_cell(page, "self_check()")
    run(page, check_cell, "Control+Enter")
    table = output(check_cell).locator(".fairhire-self-check")
    table.wait_for()
    assert re.search(r"\b1 van de \d+ vragen slagen", table.inner_text()), table.inner_text()
    shot(page, "07_m03_zelfcontrole", check_cell)
