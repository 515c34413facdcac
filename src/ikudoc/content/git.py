"""Run git for the commands that read revisions or set a repository up; a missing git is said once,
in Indonesian, the same way everywhere."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .problems import IkudocError


class GitMissing(IkudocError):
    """git is not installed."""

    def __init__(self) -> None:
        super().__init__("git tidak terpasang; pasang git (https://git-scm.com) lalu jalankan lagi")


def run_git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """git ``args`` in ``cwd``, its output as bytes; the caller decides what a non-zero status means."""
    git = shutil.which("git")
    if git is None:
        raise GitMissing()
    return subprocess.run([git, *args], cwd=cwd, capture_output=True)
