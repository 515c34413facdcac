"""Register a textconv diff driver so that git diff and git log -p show a Word file's text.

Idempotent: running it again changes nothing. The driver runs this same Python's ``ikudoc teks-docx``
(without git's text cache, so that a newer ikudoc shows old files its own way).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from ..content.git import run_git
from ..content.problems import FileFailure, IkudocError
from ..files import write_atomically

DRIVER = "ikudoc-docx"
ATTRIBUTE_LINE = f"*.docx diff={DRIVER}"


class GitSetupError(IkudocError):
    """The repository could not be set up; the message is Indonesian."""


def _git(args: list[str], cwd: Path) -> str:
    result = run_git(args, cwd)
    if result.returncode != 0:
        raise GitSetupError(f"git {' '.join(args)} gagal: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode(errors="replace").strip()


def _git_get(key: str, root: Path) -> str:
    return run_git(["config", "--local", "--get", key], root).stdout.decode(errors="replace").strip()


def configure_git(folder: Path) -> list[str]:
    """Set the driver up in the repository holding ``folder``; return what was done, in Indonesian."""
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], folder))
    except GitSetupError:
        raise GitSetupError(f"{folder} bukan bagian dari repositori git; jalankan 'git init' dulu") from None
    done = []
    # The Python that runs ikudoc now: after moving to another Python (a new venv), run git-setup again.
    command = f"{shlex.quote(sys.executable)} -m ikudoc teks-docx"
    key = f"diff.{DRIVER}.textconv"
    if _git_get(key, root) != command:
        _git(["config", "--local", key, command], root)
        done.append(f"git config {key} = {command}")
    attributes = root / ".gitattributes"
    if _add_attribute_line(attributes):
        done.append(f"{attributes}: ditambah '{ATTRIBUTE_LINE}' (commit berkas ini agar berlaku untuk semua)")
    return done or ["repositori sudah siap: git diff berkas .docx menampilkan teksnya"]


def _add_attribute_line(attributes: Path) -> bool:
    """Add the attribute line to .gitattributes unless it is there; keep every other byte as it was
    (git reads the file as bytes: a line in another encoding is left alone, not refused)."""
    if attributes.is_dir():
        raise GitSetupError(f"{attributes} adalah folder, padahal git membutuhkan berkas dengan nama itu; "
                            "pindahkan atau ganti nama folder itu, lalu jalankan lagi")
    try:
        raw = attributes.read_bytes() if attributes.exists() else b""
    except OSError as error:
        raise FileFailure(attributes, error, reading=True) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GitSetupError(f"{attributes} tersimpan sebagai UTF-16 (misalnya dibuat dengan 'echo' di PowerShell), "
                            "yang tidak dibaca git; simpan ulang sebagai UTF-8, lalu jalankan lagi")
    if any(line.split() == ATTRIBUTE_LINE.encode().split() for line in raw.splitlines()):
        return False
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    separator = newline if raw and not raw.endswith(b"\n") else b""
    write_atomically(attributes, raw + separator + ATTRIBUTE_LINE.encode() + newline)
    return True
