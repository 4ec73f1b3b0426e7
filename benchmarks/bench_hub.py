"""Load test: N learners log in to a deployed hub at once and run the m00 exercise.

    sudo python benchmarks/bench_hub.py --config /tmp/hub.toml            # 30 learners
    sudo python benchmarks/bench_hub.py --config /tmp/hub.toml --steps 10,20,30

The hub must be installed with deploy/hub.py (a test configuration on loopback).
Per step, that many new learners start their servers at the same moment, open
m00 and run its code cells with the answers filled in. Printed: time to a
running server and to the first cell's output (p50, p95, worst), failures,
memory per learner (from their cgroups), and the largest step whose p95
first-cell time stays under 10 s. Loopback only; every wait is bounded; the
learners it made are removed (server, hub account, system account).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "deploy"), str(ROOT / "deploy" / "hubconfig")]

import cgroups  # noqa: E402
from hubsetup import settings as hub_settings  # noqa: E402

from fairhire import submissions  # noqa: E402
from tests.hub import kernel  # noqa: E402
from tests.hub.client import Hub  # noqa: E402

FIRST_CELL_LIMIT = 10.0  # seconds, p95


def m00_cells() -> list[str]:
    exercise = submissions.read(ROOT / "exercises" / "m00" / "m00_opdracht.ipynb")
    solution = submissions.read(ROOT / "solutions" / "m00" / "m00_opdracht.ipynb")
    solved = submissions.solved_copy(exercise, solution)
    return [c.source for c in solved.cells if c.cell_type == "code" and c.source.strip()]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def one_learner(hub: Hub, admin: str, user: str, cells: list[str], timeout: float) -> dict:
    result = {"user": user, "ok": False}
    try:
        token = hub.token_for(admin, user)
        result["server_s"] = hub.start_server(token, user, timeout=timeout)
        kid = kernel.start_kernel(hub, user, token)
        started = time.monotonic()
        _, first, _ = kernel.execute(hub, user, token, kid, cells[0], timeout=timeout)
        result["first_cell_s"] = time.monotonic() - started if first is None else first
        for code in cells[1:]:
            out, _, _ = kernel.execute(hub, user, token, kid, code, timeout=timeout)
        result["all_cells_s"] = time.monotonic() - started
        result["ok"] = True
    except Exception as exc:  # noqa: BLE001 - a failure is a result here
        result["error"] = f"{type(exc).__name__}: {exc}"[:200]
    return result


def summary(values: list[float]) -> dict:
    if not values:
        return {}
    return {
        "p50": round(statistics.median(values), 2),
        "p95": round(percentile(values, 0.95), 2),
        "worst": round(max(values), 2),
    }


def run_step(hub: Hub, admin: str, s, users: list[str], cells, timeout: float) -> dict:
    hub.add_users(admin, users)
    hub.add_to_group(admin, "learners", users)
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        results = list(pool.map(lambda u: one_learner(hub, admin, u, cells, timeout), users))
    memory = [cgroups.memory_mb(cgroups.paths(s.name, u)) for u in users]
    memory = [m for m in memory if m is not None]
    return {
        "learners": len(users),
        "wall_s": round(time.monotonic() - t0, 1),
        "failures": [r for r in results if not r["ok"]],
        "server_start": summary([r["server_s"] for r in results if "server_s" in r]),
        "first_cell": summary([r["first_cell_s"] for r in results if "first_cell_s" in r]),
        "all_cells": summary([r["all_cells_s"] for r in results if "all_cells_s" in r]),
        "memory_mb_per_learner": summary(memory),
    }


def cleanup(hub: Hub, admin: str, users: list[str]) -> None:
    for user in users:
        try:
            hub.stop_server(admin, user)
            hub.api("DELETE", f"users/{user}", admin)
        except Exception:  # noqa: BLE001 - go on removing the others
            pass
        subprocess.run(["userdel", "-r", "-f", user], capture_output=True, check=False)


def bench(config: str, steps: list[int], prefix: str = "bench", timeout: float = 300) -> dict:
    s = hub_settings.load(config)
    hub = Hub(s.public_url)
    password = (s.secrets / "admin_password").read_text().strip()
    admin = hub.login_token(s.admin, password)
    cells = m00_cells()
    report = {"steps": []}
    for n in steps:
        users = [f"{prefix}{n:02d}x{i:02d}" for i in range(n)]
        try:
            report["steps"].append(run_step(hub, admin, s, users, cells, timeout))
        finally:
            cleanup(hub, admin, users)
    ok = [
        st["learners"]
        for st in report["steps"]
        if not st["failures"] and st["first_cell"] and st["first_cell"]["p95"] < FIRST_CELL_LIMIT
    ]
    report["holds_with_p95_first_cell_under_10s"] = max(ok) if ok else 0
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="hub.toml of the installed hub")
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--steps", help="several loads after each other, e.g. 10,20,30")
    parser.add_argument("--timeout", type=float, default=300, help="per learner and step (s)")
    args = parser.parse_args()
    steps = [int(x) for x in args.steps.split(",")] if args.steps else [args.learners]
    report = bench(args.config, steps, timeout=args.timeout)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
