"""A learner's first hour, in a real browser: JupyterLab in headless Chromium.

One journey, in order, on one server (a fresh JupyterLab in a temporary copy
of the course): the start page, the lesson's slider, an exercise answered
with a ✅, a deliberate mistake explained in Dutch, the self-check, and
nbgrader's Validate button. Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
from pathlib import Path

import pytest

from fairhire.invitations import invite_sentence
from fairhire.modules import modules

from ..conftest import ROOT
from .jupyter import JupyterLab, copy_course, port_is_free

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT = 60_000  # ms: generous for a busy 2-core machine, but bounded
EXERCISE = "exercises/m00/m00_opdracht.ipynb"


def start_page() -> str:
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.START_PAGE


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (python3 bootstrap.py test installs it)")
    pytest.importorskip("playwright.sync_api")
    work = tmp_path_factory.mktemp("jupyterlab")
    server = JupyterLab(copy_course(ROOT, work / "cursus"), work)
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

    shots = artifacts / "browser"
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


def shot(page, name: str, locator=None) -> None:
    if locator is not None:
        locator.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(page.shots / f"{name}.png"))


def open_notebook(page, lab, path: str) -> None:
    page.goto(lab.url(path) + "&reset")  # reset: only this notebook open, as after a fresh start
    notebook(page).locator(".jp-Cell").first.wait_for()
    # the kernel is ready when the status bar says so
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle")).first.wait_for()


def notebook(page):
    """The notebook in the active tab."""
    return page.locator(".jp-NotebookPanel").filter(visible=True).locator(".jp-Notebook")


def code_cell(page, text: str):
    return notebook(page).locator(".jp-CodeCell", has_text=text).first


def run(page, cell, keys: str = "Shift+Enter") -> None:
    """Select a cell in command mode and run it with Shift+Enter, as a learner would."""
    cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press(keys)


def type_into(page, cell, source: str) -> None:
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)


def output(cell):
    return cell.locator(".jp-OutputArea-output")


def test_learner_journey(lab, page, record_timing):
    started = time.perf_counter()
    try:
        journey(lab, page)
    except Exception:
        shot(page, "99_fout")  # what the page showed when a step failed
        raise
    record_timing(
        "browser", "learner journey (without server start)", time.perf_counter() - started
    )


def journey(lab, page) -> None:
    # 1. Opening the course lands on the start page with the route and where the exercises are.
    open_notebook(page, lab, start_page())
    route = notebook(page).locator(".jp-MarkdownCell", has_text="De route door de cursus")
    route.wait_for()
    table = route.locator("table")
    assert table.locator("tr").count() == 1 + len(modules())  # header + one row a module
    for m in modules():
        assert m.id in table.inner_text() and f"{m.minutes} min" in table.inner_text()
    assert "exercises/" in route.inner_text()
    shot(page, "01_startpagina")

    # 2. Run the whole lesson; the slider responds and the shown numbers change.
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
    widget = notebook(page).locator(".fairhire-invite-slider")
    shown = widget.locator(".widget-html-content")
    shown.wait_for()
    assert shown.inner_text() == invite_sentence(12, 48)
    handle = widget.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    readout = widget.locator(".widget-readout")
    page.wait_for_function(
        "([el, old]) => el.innerText.trim() !== old", arg=[readout.element_handle(), "12"]
    )
    moved = int(readout.inner_text())
    assert moved > 12
    page.wait_for_function(
        "([el, want]) => el.innerText.trim() === want",
        arg=[shown.element_handle(), invite_sentence(moved, 48)],
    )
    shot(page, "02_les_schuifregelaar", widget)
    # the lesson's deliberate error is explained in Dutch (Run All went on past it)
    lesson_error = output(code_cell(page, "len(hour)")).first
    lesson_error.wait_for()
    assert "Bedoelde je `hours`?" in lesson_error.inner_text()
    shot(page, "03_les_foutuitleg", lesson_error)
    # "Waar was ik?" at the end of the start page: every module with links to lesson and exercise
    overview = notebook(page).locator(".fairhire-progress")
    overview.wait_for()
    assert "nog niet begonnen" in overview.inner_text()
    shot(page, "04_les_waar_was_ik", overview)

    # 3. The exercise, opened from its link in the overview: answer question 1, see the ✅.
    overview.locator("tr", has_text="m00").locator("a", has_text="opdracht").click()
    page.locator(".lm-TabBar-tab.jp-mod-current", has_text="m00_opdracht.ipynb").wait_for()

    open_notebook(page, lab, EXERCISE)  # and again on its own, as after a fresh start
    setup = code_cell(page, 'start("m00")')
    run(page, setup)
    output(setup).filter(has_text="Klaar om te beginnen").wait_for()
    run(page, code_cell(page, "applications = 48"))
    answers = notebook(page).locator(".jp-CodeCell", has_text="JOUW CODE HIER")
    type_into(page, answers.first, "invite_percentage = invited / applications * 100")
    page.keyboard.press("Shift+Enter")  # runs the answer, moves to the test cell
    test1 = code_cell(page, 'check.passed("Vraag 1")')
    run(page, test1)
    success = output(test1).filter(has_text="✅ Vraag 1")
    success.wait_for()
    assert "goed!" in success.inner_text()  # the check found the right answer
    shot(page, "05_opdracht_geslaagd", test1)

    # 4. A deliberate mistake: the typo from question 2, explained in plain Dutch.
    run(page, code_cell(page, "hours_per_week = [38"))
    answer2 = notebook(page).locator(".jp-CodeCell", has_text="JOUW CODE HIER").first
    type_into(page, answer2, "average_hours = sum(hours_per_week) / len(hours_per_weak)")
    page.keyboard.press("Shift+Enter")
    mistake = code_cell(page, "len(hours_per_weak)")
    explained = output(mistake).filter(has_text="Bedoelde je")
    explained.wait_for()
    text = explained.inner_text()
    assert "Python kent de naam `hours_per_weak` (nog) niet" in text and "`hours_per_week`" in text
    assert "Wat kun je doen?" in text
    details = mistake.locator("details.fairhire-error-details")
    details.locator("summary").click()  # the real error, on request
    assert "NameError" in details.inner_text()
    shot(page, "06_opdracht_foutuitleg", mistake)

    # 5. The self-check at the end: which questions pass and how many points.
    check_cell = code_cell(page, "self_check()")
    run(page, check_cell, "Control+Enter")  # the last cell: Shift+Enter would add a new one
    table = output(check_cell).locator(".fairhire-self-check")
    table.wait_for()
    summary = table.inner_text()
    assert "Vraag 1 · Een percentage uitrekenen" in summary
    assert "1 van de 5 vragen slagen" in summary and "2 van de 10 punten" in summary
    shot(page, "07_zelfcontrole", check_cell)

    # 6. nbgrader's Validate button (the lab extension is enabled) runs the saved notebook.
    page.keyboard.press("Control+s")
    page.locator(".lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)").first.wait_for()  # saved
    page.locator(".jp-NotebookPanel").filter(visible=True).locator(".validate-button").click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=90_000)
    report = dialog.locator(".jp-Dialog-body")
    page.wait_for_function(
        "el => /failed|success|passed/i.test(el.innerText)",
        arg=report.element_handle(),
        timeout=90_000,
    )
    body = report.inner_text()
    assert re.search("fail", body, re.I), body  # questions 2-5 are not answered yet
    # nbgrader shows the failing test cells with the Dutch explanation, pointing at the cell with the typo
    assert "Python kent de naam `average_hours` (nog) niet" in body, body
    assert "len(hours_per_weak)" in body, body
    shot(page, "08_validate")
    page.keyboard.press("Escape")
