import subprocess
import sys
from pathlib import Path

from fairhire.cli import main


def test_help_lists_the_commands(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    assert "build" in out


def test_console_script_and_module_agree():
    script = Path(sys.executable).parent / "fairhire"  # the console script of this environment
    for cmd in ([str(script), "--help"], [sys.executable, "-m", "fairhire", "--help"]):
        proc = subprocess.run(cmd, capture_output=True, text=True)
        assert proc.returncode == 0 and "build" in proc.stdout
