"""How long does grading a class take? Autograde a synthetic cohort and compare with the floor.

    python benchmarks/bench_grading.py                  # 30 learners, every module
    python benchmarks/bench_grading.py --learners 8 --modules m00 m03

Phases (each prints wall time and time per notebook):

floor-serial      execute the sample's notebooks one after another with nbclient: the floor
nbgrader-serial   plain ``nbgrader autograde <module>`` on the same sample
fairhire-cold     ``fairhire grade --no-warm`` with one worker on the same sample
fairhire-serial   ``fairhire grade`` (warm kernels) with one worker on the same sample
fairhire          ``fairhire grade`` on the whole cohort, ``--workers`` at a time (default: what
                  ``fairhire grade`` uses). The targets (issue 13): 30 learners and every module
                  in at most 6 minutes, at least 4 times faster per notebook than plain nbgrader
floor-parallel    the whole cohort's notebooks with nbclient, ``--workers`` at a time

The sample is the first ``--sample`` learners; everything runs in a temporary
course made from this repository's solutions/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHASES = [
    "floor-serial",
    "nbgrader-serial",
    "fairhire-cold",
    "fairhire-serial",
    "fairhire",
    "floor-parallel",
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_course(path: Path, modules: list[str]) -> float:
    """Copy the config and sources and generate every module; returns the seconds it took."""
    path.mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", path / "nbgrader_config.py")
    started = time.monotonic()
    for module in modules:
        shutil.copytree(ROOT / "solutions" / module, path / "solutions" / module)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "nbgrader",
                "generate_assignment",
                module,
                "--force",
                "--log-level=ERROR",
            ],
            cwd=path,
            check=True,
            capture_output=True,
        )
    return time.monotonic() - started


def notebooks(course: Path, learners: list[str] | None = None) -> list[Path]:
    found = sorted((course / "submitted").glob("*/*/*.ipynb"))
    return [p for p in found if learners is None or p.parts[-3] in learners]


def execute(path: str) -> float:
    """Run one notebook with nbclient in a fresh kernel, as nbgrader would; seconds taken."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    started = time.monotonic()
    client = NotebookClient(
        nb,
        timeout=120,
        allow_errors=True,
        kernel_name="python3",
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    client.execute()
    return time.monotonic() - started


def floor(paths: list[Path], workers: int) -> float:
    from fairhire.grading.processes import CHILD_ENV

    os.environ.update(CHILD_ENV)  # the same environment as the grading processes
    started = time.monotonic()
    if workers == 1:
        for p in paths:
            execute(str(p))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(execute, map(str, paths)))
    return time.monotonic() - started


def nbgrader_serial(course: Path, modules: list[str]) -> float:
    started = time.monotonic()
    for module in modules:
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", module, "--force", "--log-level=ERROR"],
            cwd=course,
            capture_output=True,
        )
    return time.monotonic() - started


def fairhire_grade(
    course: Path, modules: list[str], workers: int, warm: bool = True
) -> tuple[float, dict]:
    """Grade every module as ``fairhire grade`` does (one warm-kernel zygote for all)."""
    from fairhire.grading.grade import grade, source_notebooks, warm_kernels

    started = time.monotonic()
    statuses: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="fairhire-warm-") as folder:
        # as the CLI does: the zygote runs the trainer's notebooks once (fairhire.memo)
        zygote = warm_kernels(folder, source_notebooks(course, modules)) if warm else False
        try:
            for module in modules:
                run = grade(course, module, workers=workers, warm=zygote)
                for outcome in run.outcomes.values():
                    statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
                log(f"  {module}: {run.seconds:.1f} s")
        finally:
            if zygote:
                zygote.stop()
    return time.monotonic() - started, statuses


def check_scores(course: Path, cohort, modules: list[str], learners: list[str]) -> int:
    """Learner-modules whose autograded scores differ from what the cohort predicts."""
    from nbgrader.api import Gradebook

    wrong = 0
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "eerlijk-werven-met-ai") as gb:
        for learner in learners:
            for module in modules:
                for nb, expected in cohort.expected[(learner, module)].items():
                    sub = gb.find_submission_notebook(nb, module, learner)
                    got = {g.name: g.auto_score for g in sub.grades if g.cell.cell_type == "code"}
                    wrong += got != expected
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument(
        "--sample", type=int, default=5, help="learners for the serial phases (default 5)"
    )
    parser.add_argument(
        "--modules", nargs="*", default=None, help="default: every module in solutions/"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="default: what fairhire grade uses"
    )
    parser.add_argument("--phases", nargs="*", default=PHASES, choices=PHASES)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)
    from fairhire.grading.grade import default_workers

    args.workers = args.workers or default_workers()

    from fairhire.grading.cohort import make_cohort

    modules = args.modules or sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg(),
        },
        "modules": modules,
        "learners": args.learners,
        "workers": args.workers,
        "phases": {},
    }
    with tempfile.TemporaryDirectory(prefix="fairhire-bench-") as tmp:
        tmp = Path(tmp)
        full, sample = tmp / "cohort", tmp / "sample"
        log(f"Cursus maken met {', '.join(modules)} ...")
        results["generate_seconds"] = make_course(full, modules)
        shutil.copytree(full, sample)
        cohort = make_cohort(full, n_learners=args.learners, modules=modules)
        small = make_cohort(sample, n_learners=args.sample, modules=modules)
        sample_learners = [p.id for p in small.learners]
        n_sample, n_full = len(notebooks(sample)), len(notebooks(full))

        def record(phase: str, seconds: float, count: int, **extra) -> None:
            results["phases"][phase] = {
                "seconds": round(seconds, 1),
                "notebooks": count,
                "per_notebook": round(seconds / count, 2),
                **extra,
            }
            log(
                f"{phase:16} {count:4d} notebooks  {seconds:7.1f} s  "
                f"{seconds / count:5.2f} s per notebook"
            )

        if "floor-serial" in args.phases:
            log("floor-serial ...")
            record("floor-serial", floor(notebooks(sample), 1), n_sample)
        if "nbgrader-serial" in args.phases:
            log("nbgrader-serial ...")
            plain = tmp / "plain"
            shutil.copytree(sample, plain)
            seconds = nbgrader_serial(plain, modules)
            record(
                "nbgrader-serial",
                seconds,
                n_sample,
                wrong_scores=check_scores(plain, small, modules, sample_learners),
            )
        if "fairhire-cold" in args.phases:
            log("fairhire-cold ...")
            cold = tmp / "cold"
            shutil.copytree(sample, cold)
            seconds, statuses = fairhire_grade(cold, modules, 1, warm=False)
            record(
                "fairhire-cold",
                seconds,
                n_sample,
                statuses=statuses,
                wrong_scores=check_scores(cold, small, modules, sample_learners),
            )
        if "fairhire-serial" in args.phases:
            log("fairhire-serial ...")
            seconds, statuses = fairhire_grade(sample, modules, 1)
            record(
                "fairhire-serial",
                seconds,
                n_sample,
                statuses=statuses,
                wrong_scores=check_scores(sample, small, modules, sample_learners),
            )
        if "fairhire" in args.phases:
            log(f"fairhire, {args.workers} tegelijk ...")
            seconds, statuses = fairhire_grade(full, modules, args.workers)
            record(
                "fairhire",
                seconds,
                n_full,
                statuses=statuses,
                wrong_scores=check_scores(full, cohort, modules, [p.id for p in cohort.learners]),
            )
        if "floor-parallel" in args.phases:
            log(f"floor-parallel, {args.workers} tegelijk ...")
            record("floor-parallel", floor(notebooks(full), args.workers), n_full)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    phases = results["phases"]
    if "fairhire" in phases:
        results["cohort_minutes"] = round(phases["fairhire"]["seconds"] / 60, 2)
        log(f"cohort: {results['cohort_minutes']:.1f} min (doel: hoogstens 6)")
    if "fairhire" in phases and "nbgrader-serial" in phases:
        # per notebook, from this same run: plain nbgrader one at a time vs fairhire grade
        ratio = phases["nbgrader-serial"]["per_notebook"] / phases["fairhire"]["per_notebook"]
        results["times_faster_than_nbgrader"] = round(ratio, 2)
        log(f"fairhire grade is {ratio:.1f} x zo snel als kale nbgrader autograde (doel: 4)")
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
