import shutil
import subprocess

from .conftest import ROOT


def test_ruff_passes():
    ruff = shutil.which("ruff")
    assert ruff, "ruff is part of the test extra"
    proc = subprocess.run([ruff, "check", "fairhire", "tests", "benchmarks", "bootstrap.py"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
