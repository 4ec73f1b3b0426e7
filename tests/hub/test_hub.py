"""The course on JupyterHub, deployed by deploy/hub.py on this machine (loopback, no systemd).

In order, on one deployment: the installer's rerun changes nothing; an admin
adds a trainer and learners; the trainer runs the guide's JupyterHub commands
while the learners (REST API, one in Chromium) fetch, answer and submit; the
register from PostgreSQL names the right learners and scores; a learner cannot
reach what is not theirs; runaway notebooks hit their limits; a short load run;
removal leaves nothing behind.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest

from fairhire import submissions

from ..conftest import ROOT
from . import kernel
from .client import Hub

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub"), pytest.mark.timeout(1500)]

COURSE = "eerlijk-werven-met-ai"
MODULE = "m00"
NOTEBOOK = "m00_opdracht"
GUIDE = ROOT / "docs" / "trainer.md"
CHROMIUM = "/usr/bin/chromium"
sys.path.insert(0, str(ROOT / "deploy" / "hubconfig"))
import cgroups  # noqa: E402


def guide_blocks() -> list[str]:
    """The trainer's commands of the JupyterHub chapter (```sh blocks, in order)."""
    text = GUIDE.read_text(encoding="utf-8")
    chapter = text.split("## JupyterHub", 1)[1]
    return re.findall(r"^```sh\n(.*?)^```", chapter, re.S | re.M)


def solved(exercise: nbformat.NotebookNode) -> nbformat.NotebookNode:
    solution = submissions.read(ROOT / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    return submissions.solved_copy(exercise, solution)


def assignments(hub: Hub, user: str, token: str, action: str = "") -> list[dict]:
    path = f"assignments/{action}" if action else "assignments"
    query = f"?course_id={COURSE}" + (f"&assignment_id={MODULE}" if action else "")
    reply = hub.server(user, path + query, token, method="POST" if action else "GET")
    if isinstance(reply, str):  # nbgrader answers JSON with a text/html content type
        reply = json.loads(reply)
    assert reply["success"], reply
    return reply["value"]


@pytest.fixture(scope="session")
def people(deployed):
    """The admin adds a trainer and three learners through the REST API."""
    trainer = deployed.user("tr")
    learners = [deployed.user(f"l{i}") for i in (1, 2, 3)]
    hub, admin = deployed.hub, deployed.admin_token
    hub.add_users(admin, [trainer, *learners])
    hub.add_to_group(admin, "trainers", [trainer])
    hub.add_to_group(admin, "learners", learners)
    tokens = {u: hub.token_for(admin, u) for u in [trainer, *learners]}
    return {"trainer": trainer, "learners": learners, "tokens": tokens}


def test_rerun_changes_nothing(deployed):
    first = deployed.first_install.stdout
    assert "hub gestart" in first
    pid = (deployed.settings.state / "hub.pid").read_text()
    secrets = {p.name: p.read_text() for p in deployed.settings.secrets.iterdir()}
    again = deployed.install().stdout
    assert "niets veranderd" in again, again
    assert (deployed.settings.state / "hub.pid").read_text() == pid
    for p in deployed.settings.secrets.iterdir():
        assert p.read_text() == secrets[p.name]
        assert p.stat().st_mode & 0o777 == 0o600
        assert p.stat().st_uid == 0
    assert deployed.settings.exchange.stat().st_mode & 0o7777 == 0o1777
    assert deployed.run("status").returncode == 0


def test_course_end_to_end(deployed, people, artifacts, record_timing):
    started = time.monotonic()
    hub, tokens = deployed.hub, people["tokens"]
    trainer, learners = people["trainer"], people["learners"]
    for user in [trainer, *learners]:
        hub.start_server(tokens[user], user)
    # the trainer has the formgrader, a learner does not
    assert hub.status("GET", f"user/{trainer}/formgrader", tokens[trainer]) == 200
    assert hub.status("GET", f"user/{learners[0]}/formgrader", tokens[learners[0]]) == 404

    blocks = guide_blocks()
    assert len(blocks) == 4, blocks
    values = {"<module>": MODULE, "<deadline>": "2031-01-01 17:00:00 Europe/Amsterdam"}

    def trainer_runs(block: str, extra: dict | None = None) -> str:
        script = block
        for key, value in {**values, **(extra or {})}.items():
            script = script.replace(key, value)
        assert not re.search(r"<[a-z-]+>", script), script
        return deployed.as_user(trainer, f"set -euo pipefail\n{script}").stdout

    release, add_student, grade, register = blocks
    trainer_runs(release)
    for i, learner in enumerate(learners):
        trainer_runs(
            add_student,
            {"<cursist>": learner, "<voornaam>": f"Cursist{i + 1}", "<achternaam>": "Test"},
        )

    # learners 1 and 2 through the REST API; learner 2 hands in a blank copy (0 points)
    for learner in learners[:2]:
        token = tokens[learner]
        assert any(a["status"] == "released" for a in assignments(hub, learner, token))
        assignments(hub, learner, token, "fetch")
        path = f"api/contents/{MODULE}/{NOTEBOOK}.ipynb"
        exercise = nbformat.from_dict(hub.server(learner, path, token)["content"])
        answer = solved(exercise) if learner == learners[0] else exercise
        hub.server(
            learner,
            path,
            token,
            method="PUT",
            body={"type": "notebook", "format": "json", "content": answer},
        )
        assignments(hub, learner, token, "submit")
    # learner 3 logs in with a password in Chromium, fetches in the Assignments tab
    browser_learner(deployed, learners[2], artifacts)
    token = tokens[learners[2]]
    path = f"api/contents/{MODULE}/{NOTEBOOK}.ipynb"
    exercise = nbformat.from_dict(hub.server(learners[2], path, token)["content"])
    hub.server(
        learners[2],
        path,
        token,
        method="PUT",
        body={"type": "notebook", "format": "json", "content": solved(exercise)},
    )
    assignments(hub, learners[2], token, "submit")

    out = trainer_runs(grade)
    assert "mislukt: 0" in out, out
    for learner in learners:
        assignments(hub, learner, tokens[learner], "fetch_feedback")
        listing = hub.server(learner, f"api/contents/{MODULE}/feedback", tokens[learner])
        stamps = [e["name"] for e in listing["content"]]
        assert stamps, f"no feedback for {learner}"
        page = hub.server(
            learner,
            f"api/contents/{MODULE}/feedback/{quote(stamps[0])}/{NOTEBOOK}.html",
            tokens[learner],
        )["content"]
        assert "HIDDEN TESTS" not in page

    trainer_runs(register)
    csv_text = deployed.as_user(trainer, "cat ~/register/register.csv").stdout
    rows = {line.split(",")[0]: line.split(",") for line in csv_text.splitlines()[1:]}
    assert set(rows) == set(learners), csv_text
    full, blank = rows[learners[0]], rows[learners[1]]
    assert full[4] == rows[learners[2]][4] and float(full[4]) > 0, csv_text
    assert float(blank[4]) == 0, csv_text
    assert full[1] == "Cursist1 Test"
    record_timing("hub", "end to end on JupyterHub (without install)", time.monotonic() - started)


def browser_learner(deployed, learner: str, artifacts: Path) -> None:
    """Log in with a password, see JupyterLab in Dutch, fetch m00 in the Assignments tab."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (python3 bootstrap.py test installs it)")
    from playwright.sync_api import sync_playwright

    from ..browser.test_learner_journey import CHROMIUM_ARGS

    password = "Wachtwoord-" + deployed.tag
    subprocess.run(["chpasswd"], input=f"{learner}:{password}\n", text=True, check=True)
    shots = artifacts / "hub"
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(90_000)
        try:
            page.goto(deployed.hub.url + "hub/login")
            page.fill("#username_input", learner)
            page.fill("#password_input", password)
            page.click("#login_submit")
            page.wait_for_url(re.compile(f"/user/{learner}/lab"), timeout=180_000)
            page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Bestand$")).wait_for()
            page.screenshot(path=str(shots / "01_lab_nl.png"))
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
            fetch = page.locator("button", has_text="Fetch").first
            fetch.click()
            page.locator("#fetched_assignments_list").get_by_text(MODULE).first.wait_for()
            page.screenshot(path=str(shots / "02_assignments.png"))
            labels = page.locator(".lm-Menu-itemLabel").all_inner_texts()
            assert not any("Formgrader" in x for x in labels)
        except Exception:
            page.screenshot(path=str(shots / "99_fout.png"))
            raise
        finally:
            browser.close()


def test_a_learner_reaches_only_their_own(deployed, people):
    hub, tokens = deployed.hub, people["tokens"]
    trainer, (me, other, _) = people["trainer"], people["learners"]
    mine = tokens[me]
    # the hub: no admin API, no one else's server
    assert hub.status("GET", "hub/api/users", mine) == 403
    assert hub.status("POST", f"hub/api/users/{me}x", mine) == 403
    assert hub.status("POST", f"hub/api/users/{other}/tokens", mine, {}) == 403
    assert hub.status("GET", f"user/{other}/api/contents", mine) in (403, 404)
    assert hub.status("GET", f"user/{trainer}/api/contents/cursus", mine) in (403, 404)
    # the files: as the learner's own system user, in their own shell
    s = deployed.settings
    trainer_home = f"/home/{trainer}"
    for target in (
        f"/home/{other}/{MODULE}/{NOTEBOOK}.ipynb",  # another learner's work
        f"{trainer_home}/cursus/solutions/{MODULE}/{NOTEBOOK}.ipynb",  # the solutions
        f"{trainer_home}/.pgpass",  # the gradebook's password
        f"{s.src}/solutions/{MODULE}/{NOTEBOOK}.ipynb",  # the installed source tree
        f"{s.secrets}/db_password",
        f"{s.pgdata}/PG_VERSION",
    ):
        proc = deployed.as_user(me, f"cat {target}", check=False)
        assert proc.returncode != 0 and "Permission denied" in proc.stderr, target
    exchange = s.exchange / COURSE
    for folder in (exchange / "inbound", exchange / "feedback"):
        proc = deployed.as_user(me, f"ls {folder}", check=False)
        assert proc.returncode != 0, f"{folder} can be listed"
    # the trainer can: the inbound folder holds everyone's submissions
    listed = deployed.as_user(trainer, f"ls {exchange / 'inbound'}").stdout
    assert other in listed
    # the gradebook: no connection without the trainer's password
    probe = (
        "import psycopg2\n"
        f"psycopg2.connect(host='127.0.0.1', port={s.postgres_port}, dbname='{s.gradebook_db}', "
        f"user='{s.gradebook_db}', password='', connect_timeout=5)\n"
    )
    proc = deployed.as_user(me, f'python -c "{probe}"', check=False)
    assert proc.returncode != 0 and "password" in proc.stderr.lower(), proc.stderr
    proc = deployed.as_user(
        me,
        f"python -c \"import psycopg2; psycopg2.connect(host='{s.pgdata}', "
        f"port={s.postgres_port}, user='postgres', dbname='postgres')\"",
        check=False,
    )
    assert proc.returncode != 0


def test_runaway_notebooks_hit_their_limits(deployed, people):
    hub, tokens = deployed.hub, people["tokens"]
    me, bystander = people["learners"][0], people["learners"][1]
    token = tokens[me]
    # the servers may have stopped since the earlier tests (a busy machine, the culler)
    for user in (me, bystander):
        hub.start_server(tokens[user], user, timeout=300)
    groups = cgroups.paths(deployed.settings.name, me)
    kid = kernel.start_kernel(hub, me, token)
    # many processes: the pids limit (128 here) stops the fork loop, the kernel lives on
    out, _, _ = kernel.execute(
        hub,
        me,
        token,
        kid,
        (
            "import subprocess\nps = []\ntry:\n"
            "    while len(ps) < 1000:\n        ps.append(subprocess.Popen(['sleep', '60']))\n"
            "except OSError as e:\n    print('limiet', len(ps))\nfor p in ps:\n    p.kill()\nfor p in ps:\n    p.wait()\n"
        ),
    )
    assert out.startswith("limiet"), out
    assert int(out.split()[1]) < deployed.settings.limits["learner"]["processes"]
    # an endless loop: throttled to its CPU share; others and the hub still answer quickly
    loop = kernel.start_kernel(hub, me, token)
    import threading

    spin = threading.Thread(
        target=lambda: _quiet(
            lambda: kernel.execute(
                hub,
                me,
                token,
                loop,
                "import time\nt = time.time()\nwhile time.time() - t < 20: pass",
                timeout=60,
            )
        ),
        daemon=True,
    )
    spin.start()
    time.sleep(5)
    t0 = time.monotonic()
    assert hub.server(bystander, "api/status", tokens[bystander])
    hub.api("GET", f"users/{bystander}", deployed.admin_token)
    assert time.monotonic() - t0 < 10
    throttled = (
        (Path(str(groups[2])) / "cpu.stat").read_text()
        if not cgroups.is_v2()
        else (groups[0] / "cpu.stat").read_text()
    )
    assert int(re.search(r"nr_throttled (\d+)", throttled).group(1)) > 0, throttled
    spin.join(60)
    # too much memory: the kernel is ended by the memory limit, the server survives
    oom_before = cgroups.oom_kills(groups)
    with pytest.raises(kernel.KernelDied):
        kernel.execute(
            hub, me, token, kid, "x = bytearray(4 * 1024**3)\nprint('te veel')", timeout=90
        )
    assert cgroups.oom_kills(groups) > oom_before
    assert hub.server(me, "api/status", token)
    assert hub.server(bystander, "api/status", tokens[bystander])


def _quiet(fn):
    try:
        fn()
    except Exception:  # noqa: BLE001 - the loop's own outcome is not what is tested
        pass


def test_short_load_run(deployed, record_timing):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_hub

    report = bench_hub.bench(str(deployed.config), [3], prefix=deployed.tag + "b", timeout=240)
    step = report["steps"][0]
    assert not step["failures"], step["failures"]
    assert step["first_cell"]["worst"] < 60
    record_timing("hub", "3 learners at once: p95 first cell", step["first_cell"]["p95"])
    record_timing("hub", "3 learners at once: p95 server start", step["server_start"]["p95"])


def test_remove_leaves_nothing(deployed):
    proc = deployed.remove()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not deployed.leftovers(), deployed.leftovers()
