"""The code passes the project's lint rules (pyproject's [tool.ruff]): a finding fails the build like a test."""

import subprocess
import sys

from support import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
