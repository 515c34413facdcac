"""Register a textconv diff driver so that git diff and git log -p show a Word file's text.

Idempotent: running it again changes nothing. The driver runs this same Python's ``ikudoc teks-docx``.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

DRIVER = "ikudoc-docx"
ATTRIBUTE_LINE = f"*.docx diff={DRIVER}"


class GitSetupError(Exception):
    """The repository could not be set up; the message is Indonesian."""


def _git(args: list[str], cwd: Path) -> str:
    git = shutil.which("git")
    if git is None:
        raise GitSetupError("git tidak terpasang")
    result = subprocess.run([git, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise GitSetupError(f"git {' '.join(args)} gagal: {result.stderr.strip()}")
    return result.stdout.strip()


def configure_git(folder: Path) -> list[str]:
    """Set the driver up in the repository holding ``folder``; return what was done, in Indonesian."""
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], folder))
    except GitSetupError:
        raise GitSetupError(f"{folder} bukan bagian dari repositori git; jalankan 'git init' dulu") from None
    done = []
    command = f"{shlex.quote(sys.executable)} -m ikudoc teks-docx"
    for key, value in ((f"diff.{DRIVER}.textconv", command), (f"diff.{DRIVER}.cachetextconv", "true")):
        current = subprocess.run(["git", "config", "--local", "--get", key], cwd=root, capture_output=True,
                                 text=True).stdout.strip()
        if current != value:
            _git(["config", "--local", key, value], root)
            done.append(f"git config {key} = {value}")
    attributes = root / ".gitattributes"
    lines = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() else []
    if ATTRIBUTE_LINE not in lines:
        attributes.write_text("\n".join([*lines, ATTRIBUTE_LINE]) + "\n", encoding="utf-8")
        done.append(f"{attributes}: ditambah '{ATTRIBUTE_LINE}' (commit berkas ini agar berlaku untuk semua)")
    return done or ["repositori sudah siap: git diff berkas .docx menampilkan teksnya"]
