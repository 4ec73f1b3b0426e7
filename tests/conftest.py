"""Shared fixtures: where the course lives and which notebooks it has."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fairhire import modules as registry

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"

os.environ.setdefault("FAIRHIRE_ROOT", str(ROOT))


def lesson_notebooks() -> list[Path]:
    return [m.lesson_path(ROOT) for m in registry.modules()]


def solution_notebooks() -> list[Path]:
    return [m.source_path(ROOT) for m in registry.modules()]


def exercise_notebooks() -> list[Path]:
    return [m.exercise_path(ROOT) for m in registry.modules()]


def modules() -> list[str]:
    return list(registry.module_ids())


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


TIMINGS = ARTIFACTS / "timings.jsonl"


def pytest_sessionstart(session):
    # only the controller (not an xdist worker) starts a fresh timing file
    if not hasattr(session.config, "workerinput"):
        ARTIFACTS.mkdir(exist_ok=True)
        TIMINGS.write_text("")


@pytest.fixture
def record_timing():
    """Record a measured duration; the terminal summary prints them all."""

    def record(kind: str, name: str, seconds: float) -> None:
        with open(TIMINGS, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"kind": kind, "name": name, "seconds": round(seconds, 2)}) + "\n")

    return record


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS.exists() or not TIMINGS.read_text().strip():
        return
    rows = [json.loads(line) for line in TIMINGS.read_text().splitlines() if line.strip()]
    terminalreporter.section("measured times")
    for row in sorted(rows, key=lambda r: (r["kind"], r["name"])):
        terminalreporter.write_line(f"{row['kind']:<10} {row['name']:<50} {row['seconds']:6.1f} s")
