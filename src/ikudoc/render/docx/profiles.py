"""The LibreOffice profiles ikudoc runs LibreOffice with: kept between runs in the user's cache folder (a
LibreOffice starting on a profile it made before starts a second sooner than on a new one), one per
LibreOffice running at the same time, each held by a lock while it is in use, so that two ikudoc runs
(or the workers of one) never share one. A profile that cannot be kept (no cache folder, all taken) is
a temporary one, removed afterwards. A LibreOffice the user has open is never disturbed: its profile is
not among these.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Profiles kept at most (LibreOffices running at the same time on one machine, across ikudoc runs).
KEPT = 8


def cache_folder() -> Path:
    """Where ikudoc keeps what makes later runs faster: the user's cache folder (XDG_CACHE_HOME,
    %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS)."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ikudoc"


@contextlib.contextmanager
def profile() -> Iterator[Path]:
    """A profile folder for one LibreOffice, this process's alone while the context lasts."""
    folder = cache_folder() / "libreoffice"
    for number in range(KEPT):
        lock = _lock(folder / f"profil-{number}.kunci")
        if lock is None:
            continue
        try:
            yield folder / f"profil-{number}"
        finally:
            lock.close()  # (closing releases the lock)
        return
    with tempfile.TemporaryDirectory(prefix="ikudoc-lo-", ignore_cleanup_errors=True) as temporary:
        yield Path(temporary) / "profil"


def forget(profile_folder: Path) -> None:
    """Remove a profile LibreOffice could not start with (a crash left it broken): the next start makes a
    new one."""
    shutil.rmtree(profile_folder, ignore_errors=True)


def _lock(path: Path):
    """The open lock file ``path``, locked for this process; None when another holds it or it cannot be made.
    The operating system lets go of the lock when the process ends, however it ends."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")  # noqa: SIM115 (held open as long as the lock is)
    except OSError:
        return None
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle
