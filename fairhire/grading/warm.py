"""Warm kernels: fork every kernel from a process that imported the libraries once.

A course notebook spends 2-5 s of its 4-15 s starting Python and ipykernel and
importing pandas, scikit-learn, fairlearn and fairhire. The *zygote* is a
process that imports them once and then forks a kernel per request. Every
kernel is still a process of its own, started fresh for one submission: its
own session, working directory, environment and resource limits, and random
generators reseeded; nothing a learner's code does reaches another kernel.

nbgrader starts kernels through jupyter_client; inside a grading process
:func:`use` makes jupyter_client ask the zygote instead of exec'ing a new
Python (only for the python3/ipykernel command; anything else starts as usual).
jupyter_client has no forking kernel provisioner, so this is hand-written.

Given the trainer's source notebooks, the zygote first runs their code cells
(in forked children, before it takes requests, so before any learner code
runs) and keeps what they computed through :func:`fairhire.memo.shared`:
everything for the judge's kernels (those asked for after
:func:`trust_kernels`), and what the given cells alone compute, read-only, for
every other kernel and the oracles.

The zygote also forks the *oracle* processes that call a learner's function
for the judge (:mod:`fairhire.grading.oracle`), so they do not import the
libraries again either.

Who may ask: the zygote reads the asking process from the socket
(``SO_PEERCRED``), not from the request. A kernel may be asked for only by the
process that started the zygote or one of its children (the grading
processes); an oracle only by a judge's kernel. A learner's kernel, or
anything it starts, is refused, so it cannot start processes outside the
grading run's reach or claim another run's kernels.
"""

from __future__ import annotations

import functools
import json
import os
import pickle
import pkgutil
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import psutil

from . import code_cache
from .processes import Limits, apply_limits, is_running, kill_tree
from .zygote_requests import SOCKET_ENV, ZygoteError, request_kernel

INLINE = "module://matplotlib_inline.backend_inline"
# What course notebooks import (their first cell imports fairhire, which brings the rest).
PRELOAD = [
    "IPython",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",  # imports debugpy: 0.2 s of every kernel start otherwise
    # what IPython's shell and ipykernel import when a kernel starts
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.logger",
    "IPython.extensions.storemagic",
    "sqlite3",
    "tornado.platform.asyncio",
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",  # 0.3 s in every kernel that draws a figure otherwise
    "matplotlib_inline.backend_inline",
    "sklearn",
    "sklearn.pipeline",
    "sklearn.linear_model",
    "sklearn.metrics",
    "sklearn.model_selection",
    "sklearn.preprocessing",
    "fairlearn.metrics",
    "fairlearn.postprocessing",
    "fairlearn.reductions",
    "ipywidgets",
    "fairhire",
]
# fairhire's own trainer tools are never used inside a learner's kernel
SKIP_FAIRHIRE = {"authoring", "grading", "register", "cli", "build", "__main__"}
RECIPES = "recipes.json"  # the trainer's notebooks' code cells, for fairhire.memo
# whether kernels asked for from here are a judge's (see trust_kernels)
_TRUSTED = {"kernels": False}
# in the zygote: what the trainer's given cells alone computed (for learners' kernels)
_LEARNER_RESULTS: dict[str, bytes] = {}


# --- the zygote process ----------------------------------------------------------------------


def _preload() -> None:
    code_cache.install()  # before fairhire is imported here: its code is compiled once
    for name in PRELOAD:
        try:
            __import__(name)
        except Exception:  # noqa: BLE001 - a library that fails to import is simply not warm
            continue
    try:
        # a kernel's first traceback imports stack_data and pygments (0.1 s per kernel);
        # an untouched exercise raises in many cells
        from IPython.core.ultratb import AutoFormattedTB

        try:
            raise NotImplementedError
        except NotImplementedError:
            AutoFormattedTB(mode="Context").structured_traceback(*sys.exc_info())
    except Exception:  # noqa: BLE001 - only slower without it
        pass
    try:
        # the first figure loads fonts and the renderer's caches; draw one, then forget it
        import io

        import matplotlib.pyplot as plt

        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1], label="x")
        ax.set_title("x")
        ax.legend()
        fig.tight_layout()
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    except Exception:  # noqa: BLE001 - only slower without it
        pass
    try:
        import fairhire

        for info in pkgutil.iter_modules(fairhire.__path__):
            if info.name not in SKIP_FAIRHIRE:
                try:
                    __import__(f"fairhire.{info.name}")
                except Exception:  # noqa: BLE001
                    continue
    except ImportError:
        pass


def _record_one(cells: list[str], out: Path) -> None:  # pragma: no cover - forked child
    """Run a trainer's notebook's code cells; write what they shared (pickled, by key)."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        out.parent.mkdir(parents=True, exist_ok=True)
        os.chdir(out.parent)
        import matplotlib

        matplotlib.use("Agg")
        from fairhire import memo

        store = memo.install()
        try:
            from IPython.display import display
        except ImportError:
            display = print
        namespace = {"__name__": "__main__", "display": display}
        for source in cells:
            try:
                exec(compile(source, "<cell>", "exec"), namespace)  # noqa: S102 - trainer's code
            except BaseException:  # noqa: BLE001 - a failing cell only shares less
                continue
        with open(out.with_suffix(".tmp"), "wb") as handle:
            pickle.dump(store.results, handle, protocol=5)
        os.replace(out.with_suffix(".tmp"), out)
    finally:
        os._exit(0)


def _record(recipes: list[list[str]], folder: Path, timeout: float = 300) -> list[dict]:
    """Per recipe, the results it shared (key -> pickled result); each runs in a forked child."""
    results: list[dict] = [{} for _ in recipes]
    pending = list(enumerate(recipes))
    running: dict[int, tuple[int, Path]] = {}
    deadline = time.monotonic() + timeout
    while pending or running:
        while pending and len(running) < (os.cpu_count() or 1):
            index, cells = pending.pop(0)
            out = folder / f"record-{index}" / "shared.pickle"
            pid = os.fork()
            if pid == 0:
                _record_one(cells, out)
            running[pid] = (index, out)
        pid, _ = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            if time.monotonic() > deadline:
                for child in running:
                    os.kill(child, signal.SIGKILL)
                    os.waitpid(child, 0)
                break
            time.sleep(0.02)
            continue
        index, out = running.pop(pid, (None, None))
        if out is not None and out.is_file():
            try:
                with open(out, "rb") as handle:
                    loaded = pickle.load(handle)  # noqa: S301 - written by our own child
                if isinstance(loaded, dict):
                    results[index] = {
                        k: v for k, v in loaded.items() if type(k) is str and type(v) is bytes
                    }
            except Exception:  # noqa: BLE001 - a recording that cannot be read shares nothing
                pass
            out.unlink()
    return results


def _merged(parts: list[dict]) -> dict:
    out: dict = {}
    for part in parts:
        out.update(part)
    return out


def serve(path: str) -> None:  # pragma: no cover - runs as its own process
    """Zygote main loop: preload, then fork one kernel per request on the socket ``path``.

    When the folder holds ``recipes.json`` (the code of the trainer's notebooks,
    written by :class:`Zygote` before any learner code ran), those run first and
    what they computed through :func:`fairhire.memo.shared` is kept for the
    judge's kernels.
    """
    _preload()
    recipes = Path(path).parent / RECIPES
    if recipes.is_file():
        given = json.loads(recipes.read_text(encoding="utf-8"))
        recipes.unlink()
        from fairhire import memo

        try:
            # every code cell, for the judge; the given cells alone, for the learner's kernels
            judge = [[c["source"] for c in cells] for cells in given]
            learner = [[c["source"] for c in cells if c["given"]] for cells in given]
            recorded = _record(judge + learner, Path(path).parent / "record")
            memo.install(_merged(recorded[: len(judge)]))
            _LEARNER_RESULTS.update(_merged(recorded[len(judge) :]))
        except Exception:  # noqa: BLE001 - without shared results every kernel computes them
            memo.uninstall()
            _LEARNER_RESULTS.clear()
    (Path(path).parent / "kernels").mkdir(exist_ok=True)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped automatically
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path + ".tmp")
    os.rename(path + ".tmp", path)  # the socket appears only when the zygote is ready
    server.listen(64)
    launcher = os.getppid()
    judges: dict[int, int] = {}  # a judge's kernel -> the grading process that asked for it
    while True:
        conn, _ = server.accept()
        fds: list[int] = []
        with conn:
            try:
                asker = _peer(conn)
                request, fds = _receive(conn)
                if request.get("kind") == "oracle":
                    # only a judge's kernel asks for an oracle; it belongs to that grading run
                    parent = judges.get(asker)
                    if parent is None or not is_running(asker) or len(fds) != 2:
                        raise ZygoteError("alleen de kernel van de beoordelaar vraagt een oracle")
                    pid = _fork(server, functools.partial(_become_oracle, request, fds))
                else:
                    if not _launched_by(asker, launcher):
                        raise ZygoteError("alleen een nakijkproces vraagt een kernel")
                    parent = asker
                    request = {**request, "socket": path}
                    pid = _fork(server, functools.partial(_become_kernel, request))
                    if request.get("trusted"):
                        judges = {k: v for k, v in judges.items() if is_running(k)}
                        judges[pid] = asker
                # who asked for which kernel, so a grading run can kill its own kernels
                (Path(path).parent / "kernels" / f"{parent}-{pid}").touch()
                conn.sendall((json.dumps({"pid": pid}) + "\n").encode())
            except Exception as exc:  # noqa: BLE001 - report, keep serving
                try:
                    conn.sendall(
                        (json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n").encode()
                    )
                except OSError:
                    pass
            finally:
                for fd in fds:
                    os.close(fd)


def _peer(conn: socket.socket) -> int:
    """The process id of whoever is at the other end of a Unix socket (from the kernel)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[0]


def _launched_by(pid: int, launcher: int) -> bool:
    """True for the zygote's launcher and its children (a learner's process is neither)."""
    if pid == launcher:
        return True
    try:
        return psutil.Process(pid).ppid() == launcher
    except psutil.Error:
        return False


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    """One request line, and the file descriptors sent with it."""
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, new, _flags, _addr = socket.recv_fds(conn, 1 << 16, 4)
        fds += new
        if not chunk:
            break
        data += chunk
        if len(data) > 4 * 2**20:
            raise ZygoteError("request too large")
    return json.loads(data), fds


def _fork(server: socket.socket, become) -> int:  # pragma: no cover
    """Fork a child in a session of its own that runs ``become()``; its pid."""
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid:
        os.close(ready_w)
        os.read(ready_r, 1)  # the child has its own session now; signals to its group are safe
        os.close(ready_r)
        return pid
    try:
        os.close(ready_r)
        server.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        os.write(ready_w, b"1")
        os.close(ready_w)
        become()
    finally:
        os._exit(1)


def _learner_store() -> None:  # pragma: no cover - zygote side
    """In a process that runs learner code: only the given cells' results, read-only."""
    from fairhire import memo

    if _LEARNER_RESULTS:
        memo.install(_LEARNER_RESULTS, writable=False)
    else:
        memo.uninstall()


def _fresh_process(request: dict) -> None:  # pragma: no cover - zygote side
    """What every forked child does first: environment, folder, limits, its own randomness."""
    os.environ.clear()
    os.environ.update(request["env"])
    if request.get("cwd"):
        os.chdir(request["cwd"])
    if request.get("limits"):
        apply_limits(Limits(**request["limits"]))
    # a fork shares its parent's random state; a fresh process would not
    import random

    random.seed()
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()


def _become_oracle(request: dict, fds: list[int]) -> None:  # pragma: no cover - zygote side
    """Serve a learner's functions on the pipes sent with the request (see oracle.serve)."""
    requests, replies = fds
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(requests, 0)
    os.dup2(replies, 1)
    os.dup2(null, 2)
    for fd in (requests, replies, null):
        os.close(fd)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    _learner_store()  # learner code runs here
    env = {k: v for k, v in request["env"].items() if k != SOCKET_ENV}
    _fresh_process({**request, "env": {**env, "MPLBACKEND": "Agg"}})
    if "matplotlib" in sys.modules:
        sys.modules["matplotlib"].use("Agg", force=True)
    from .oracle import serve

    serve(request["spec"])


def _become_kernel(request: dict) -> None:  # pragma: no cover - zygote side
    log = os.open(request.get("log") or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    env = {k: v for k, v in request["env"].items() if k != SOCKET_ENV}
    if request.get("trusted"):
        env[SOCKET_ENV] = request["socket"]  # the judge asks the zygote for oracles
    else:
        _learner_store()
    _fresh_process({**request, "env": env})
    sys.argv = ["ipykernel_launcher", *request["argv"]]
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(sys.argv[1:])
    inline = sys.modules.get("matplotlib_inline.backend_inline")
    if inline is not None:  # imported in the zygote, before there was a shell to hook into
        inline._enable_matplotlib_integration()
    app.start()
    os._exit(0)


# --- the grading side ------------------------------------------------------------------------


class Zygote:
    """Start and stop the zygote process (use as a context manager)."""

    def __init__(
        self,
        folder: Path,
        env: dict[str, str] | None = None,
        timeout: float = 180,
        notebooks: list[Path] | None = None,
    ):
        self.path = Path(folder) / "zygote.sock"
        # read now, before any learner code runs: the zygote runs this code (fairhire.memo)
        self.recipes = [code_cells(p) for p in notebooks or [] if Path(p).is_file()]
        self.env = dict(os.environ if env is None else env)
        self.env.setdefault("MPLBACKEND", INLINE)  # what ipykernel would set before any import
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self._launched = 0.0

    def launch(self) -> Zygote:
        """Start the zygote without waiting for it to finish importing."""
        if self.recipes:
            recipes = self.path.parent / RECIPES
            fd = os.open(recipes, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.recipes, handle)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from fairhire.grading.warm import serve; serve({str(self.path)!r})",
            ],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._launched = time.monotonic()
        return self

    def ready(self) -> Zygote:
        """Wait until the zygote takes requests (raises ZygoteError when it cannot)."""
        if self.process is None:
            self.launch()
        while not self.path.exists():
            if self.process.poll() is not None or time.monotonic() - self._launched > self.timeout:
                self.stop()
                raise ZygoteError("warm kernels unavailable")
            time.sleep(0.05)
        return self

    def start(self) -> Zygote:
        """Start the zygote and wait until it takes requests (see :meth:`ready`)."""
        return self.launch().ready()

    def kernels(self, parent: int | None = None) -> set[int]:
        """Running kernels forked by the zygote (only those asked for by ``parent``, if given)."""
        out = set()
        for entry in (self.path.parent / "kernels").glob("*-*"):
            asker, _, pid = entry.name.partition("-")
            if (parent is None or asker == str(parent)) and is_running(int(pid)):
                out.add(int(pid))
        return out

    def stop(self) -> None:
        """Kill the zygote and every kernel it forked; does nothing if it is not running."""
        if self.process is None:
            return
        kill_tree(self.kernels())
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        self.process = None
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Zygote:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def code_cells(path: Path) -> list[dict]:
    """The code cells of a trainer's source notebook: ``{"source", "given"}`` each.

    ``given``: handed out as it is (neither an answer nor a test cell).
    """
    import nbformat

    from ..running_notebook import nbgrader_meta

    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception:  # noqa: BLE001 - a notebook that cannot be read shares nothing
        return []
    out = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            meta = nbgrader_meta(cell)
            given = not meta.get("solution") and not meta.get("grade")
            out.append({"source": cell.source, "given": given})
    return out


def use(path: str, *, limits: dict | None = None, log: str | None = None):
    """In this (grading) process, start ipykernel kernels by asking the zygote at ``path``.

    Returns a function that undoes this.
    """
    import jupyter_client.provisioning.local_provisioner as local

    original = local.launch_kernel

    def launch_kernel(cmd, **kwargs):
        if len(cmd) > 3 and cmd[1:3] == ["-m", "ipykernel_launcher"] and os.path.exists(path):
            env = dict(kwargs.get("env") or os.environ)
            env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
            try:
                return request_kernel(
                    path,
                    list(cmd[3:]),
                    cwd=kwargs.get("cwd"),
                    env=env,
                    limits=limits,
                    log=log,
                    trusted=_TRUSTED["kernels"],
                )
            except (OSError, ZygoteError):
                pass  # fall back to a cold kernel
        return original(cmd, **kwargs)

    local.launch_kernel = launch_kernel

    def undo() -> None:
        local.launch_kernel = original

    return undo


def trust_kernels(on: bool = True) -> None:
    """In this grading process, ask the zygote for judge's kernels from now on (or not).

    Call it only once no learner code can run any more (the learner's run is
    over and its processes are killed): a judge's kernel keeps the results the
    zygote shares (:mod:`fairhire.memo`).
    """
    _TRUSTED["kernels"] = bool(on)
