"""Functions a learner wrote, called from the judge without running them there.

The judge kernel never runs learner code. When an answer is a function
(``count_pairs``, ``pseudonymise``), the judge gets a stand-in (:func:`stub`)
that sends the arguments as plain data to an *oracle*: a separate Python
process, with memory and CPU limits, that ran the learner's cells (the given
cells as handed out, the learner's answers, no tests) and now calls the
learner's function and sends back the result as plain data. Whatever the
learner's code does in that process, the judge receives values only.

Run as ``python -m fairhire.grading.oracle <spec.json>`` (the judge's
:class:`Client` does that), or forked from the warm-kernel zygote when the
judge's kernel came from there (:func:`fairhire.grading.zygote_requests.request_oracle`,
with the same limits).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from . import plain_data
from .zygote_requests import SOCKET_ENV, ZygoteError, request_oracle

CALL_TIMEOUT = 20.0
OUTPUT_MB = 16  # largest file the learner's code may write in the oracle
START_TIMEOUT = 180.0


class OracleError(RuntimeError):
    """The learner's function could not be called (crashed, too slow, not plain data)."""


class Client:
    """The judge's side: one oracle process per notebook, started on first use."""

    def __init__(self, spec: str, memory_mb: int = 2048, cpu_seconds: int = 120):
        self.spec = spec
        self.memory_mb = memory_mb
        self.cpu_seconds = cpu_seconds
        self.process: subprocess.Popen | None = None
        self.broken: str | None = None

    def _start(self) -> None:
        folder = json.loads(Path(self.spec).read_text(encoding="utf-8"))["cwd"]
        env = {
            k: v
            for k, v in os.environ.items()
            if k in ("PATH", "PYTHONPATH", "FAIRHIRE_ROOT", "HOME", "LANG", "LC_ALL")
            or k.endswith("_NUM_THREADS")
        }
        env["MPLBACKEND"] = "Agg"
        zygote = os.environ.get(SOCKET_ENV)
        if zygote and os.path.exists(zygote):
            # forked from the warm-kernel zygote: the libraries are imported already
            try:
                limits = {
                    "memory_mb": self.memory_mb,
                    "cpu_seconds": self.cpu_seconds,
                    "output_mb": OUTPUT_MB,
                }
                self.process = request_oracle(zygote, self.spec, cwd=folder, env=env, limits=limits)
            except (OSError, ZygoteError):
                self.process = None
            else:
                self._read(START_TIMEOUT)
                return
        memory, cpu = self.memory_mb, self.cpu_seconds

        def limit() -> None:  # pragma: no cover - runs in the child before exec
            import resource

            os.setsid()
            resource.setrlimit(resource.RLIMIT_AS, (memory * 2**20, memory * 2**20))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
            resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_MB * 2**20, OUTPUT_MB * 2**20))

        self.process = subprocess.Popen(
            [sys.executable, "-m", "fairhire.grading.oracle", self.spec],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            preexec_fn=limit,
        )
        self._read(START_TIMEOUT)  # the 'ready' line, once the learner's cells ran

    def _read(self, timeout: float) -> dict:
        assert self.process is not None and self.process.stdout is not None
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, left))
            if not ready:
                self._stop("de functie van de cursist duurde te lang")
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                self._stop("het proces met de code van de cursist is gestopt")
            line += chunk
            if len(line) > 64 * 2**20:
                self._stop("de uitkomst is te groot")
        return json.loads(line)

    def _stop(self, reason: str):
        self.broken = reason
        if self.process is not None:
            try:
                os.killpg(self.process.pid, 9)
            except OSError:
                pass
            self.process.wait(5)
        raise OracleError(reason)

    def call(self, key: str, args: tuple, kwargs: dict):
        """Call the learner's function ``key`` with plain-data arguments; return its result."""
        if self.broken:
            raise OracleError(self.broken)
        try:
            payload = json.dumps({"key": key, "args": plain_data.encode((args, kwargs))})
        except plain_data.Unsupported as exc:
            raise OracleError(f"argument is geen gewone waarde ({exc})") from None
        if self.process is None:
            self._start()
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write(payload.encode() + b"\n")
            self.process.stdin.flush()
        except OSError:
            self._stop("het proces met de code van de cursist is gestopt")
        reply = self._read(CALL_TIMEOUT)
        if "error" in reply:
            raise OracleError(str(reply["error"])[:500])
        return plain_data.decode(reply.get("ok"))


def stub(client: Client, key: str, name: str):
    """A function for the judge that stands for the learner's function ``name``."""

    def learner_function(*args, **kwargs):
        return client.call(key, args, kwargs)

    learner_function.__name__ = learner_function.__qualname__ = name or "functie"
    learner_function.__doc__ = "De functie van de cursist, aangeroepen in een apart proces."
    return learner_function


# --- the oracle process -------------------------------------------------------------------------


def serve(spec_path: str) -> None:  # pragma: no cover - runs as its own process
    """Run the learner's cells, then answer calls on stdin/stdout until stdin closes."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # what the learner's code prints must not mix with the replies
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    functions = {}
    for cell in spec["cells"]:
        try:
            shell.run_cell(cell["source"], store_history=False)
        except BaseException:  # noqa: BLE001 - a learner cell that ends the shell: go on
            pass
        for name in cell.get("names", []):
            functions[f"{cell['index']}:{name}"] = shell.user_ns.get(name)
    reply.write(json.dumps({"ready": True}) + "\n")
    reply.flush()
    for line in requests:
        try:
            request = json.loads(line)
            args, kwargs = plain_data.decode(request["args"])
            func = functions.get(request["key"])
            if not callable(func):
                raise OracleError("geen functie")
            out = {"ok": plain_data.encode(func(*args, **kwargs))}
        except BaseException as exc:  # noqa: BLE001 - every failure is an answer to the judge
            out = {"error": f"{type(exc).__name__}: {exc}"[:500]}
        try:
            text = json.dumps(out, allow_nan=False)
        except (TypeError, ValueError) as exc:
            text = json.dumps({"error": f"{type(exc).__name__}: {exc}"})
        reply.write(text + "\n")
        reply.flush()
    os._exit(0)  # the judge is done: threads the learner's code started end here too


if __name__ == "__main__":  # pragma: no cover
    serve(sys.argv[1])
