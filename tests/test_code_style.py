import subprocess
import sys

from .conftest import ROOT


def test_ruff_passes():
    paths = [p for p in ("fairhire", "tests", "benchmarks", "bootstrap.py") if (ROOT / p).exists()]
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
