"""Warm kernels behave like fresh ones: own folder, environment, session, limits, randomness."""

from __future__ import annotations

import os
import time

import nbformat
import psutil
import pytest
from nbclient import NotebookClient

from fairhire.grading.processes import CHILD_ENV, Limits
from fairhire.grading.warm import Zygote, use

CELLS = [
    "import os, random, resource\nimport numpy as np\nprint(os.getcwd())",
    "print(os.environ.get('FAIRHIRE_TEST_VALUE'))",
    "print(os.getpid() == os.getsid(0))",
    "print(resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20)",
    "print(random.random(), np.random.rand())",
    "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])",
    "import time\ntime.sleep(60)",  # interrupted after the cell timeout
    "print('na de onderbreking')",
]


@pytest.fixture(scope="module")
def zygote(tmp_path_factory):
    with Zygote(tmp_path_factory.mktemp("zygote"), env={**os.environ, **CHILD_ENV}) as z:
        yield z


def run(folder, limits=None, zygote=None):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    undo = use(str(zygote.path), limits=limits) if zygote else (lambda: None)
    try:
        client = NotebookClient(
            nb,
            timeout=8,
            interrupt_on_timeout=True,
            allow_errors=True,
            kernel_name="python3",
            resources={"metadata": {"path": str(folder)}},
        )
        client.execute()
    finally:
        undo()
    return [
        [
            o.get("text", "") or ("image" if "image/png" in o.get("data", {}) else o.get("ename"))
            for o in c.outputs
        ]
        for c in nb.cells
    ]


def test_zygote_has_no_threads_to_break_by_forking(zygote):
    assert psutil.Process(zygote.process.pid).num_threads() == 1


def test_warm_kernel_is_a_fresh_kernel(zygote, tmp_path, monkeypatch):
    monkeypatch.setenv("FAIRHIRE_TEST_VALUE", "uit-de-grader")
    kernels_before = zygote.kernels()
    out = run(tmp_path, Limits(memory_mb=3000).to_dict(), zygote)
    again = run(tmp_path, None, zygote)
    deadline = time.monotonic() + 10  # a kernel exits a moment after its client lets go
    while zygote.kernels() - kernels_before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert zygote.kernels() - kernels_before == set()  # kernels are gone after the notebook
    assert out[0] == [f"{tmp_path}\n"]
    assert out[1] == ["uit-de-grader\n"]
    assert out[2] == ["True\n"]  # its own session: an interrupt reaches this kernel only
    assert out[3] == ["3000\n"]
    assert out[4] != again[4]  # random generators are not shared between kernels
    assert "image" in out[5]  # inline charts, as in an ordinary kernel
    assert "KeyboardInterrupt" in out[6] or "CellTimeoutError" in out[6]
    assert out[7] == ["na de onderbreking\n"]


def test_same_outputs_as_a_cold_kernel(zygote, tmp_path):
    warm = run(tmp_path, None, zygote)
    cold = run(tmp_path)
    for index in (0, 2, 5, 7):
        assert warm[index] == cold[index], CELLS[index]


def test_stop_kills_every_kernel(tmp_path):
    z = Zygote(tmp_path, env={**os.environ, **CHILD_ENV}).start()
    pid = z.process.pid
    from fairhire.grading.zygote_requests import request_kernel

    kernel = request_kernel(
        str(z.path), ["-f", str(tmp_path / "k.json")], cwd=str(tmp_path), env=dict(os.environ)
    )
    assert kernel.pid in z.kernels(parent=os.getpid())
    z.stop()
    assert kernel.wait(10) is not None
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
