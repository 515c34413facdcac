"""Write outputs so that a file is never lost or half written: at every instant each output is its
old complete bytes or its new complete bytes, whatever happens to the process (kill -9, a full disk,
a file held open by another program).

Each new file is written beside its target under a temporary name, flushed to the disk, then renamed
over the target in one step (os.replace), so the target never goes missing. Across several outputs
(a document's DOCX, HTML and PDF) the promise is all or nothing as far as the operating system allows:
when a rename fails, the ones already made are undone from hard-linked copies of the old files; only a
process killed between two renames leaves some outputs new and some old, each complete. What a killed
process leaves behind (temporary files, those copies) is removed by the next write of that file; their
names carry the writer's process id, so that a write running at the same time is left alone. On Windows
a target locked for a moment (OneDrive, an antivirus) is tried again for about a second and a half.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

from .content.problems import FileFailure

TEMPORARY_SUFFIX = ".ikudoc-tmp"
BACKUP_SUFFIX = ".ikudoc-lama"
#: Seconds to wait before trying a refused rename again. On Windows a file that OneDrive, an antivirus or the
#: search indexer is reading cannot be replaced for a moment (PermissionError); elsewhere a refusal is final.
LOCK_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8) if os.name == "nt" else ()


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every file, or (as far as the OS allows) none; FileFailure names the file that failed."""
    mask = os.umask(0)
    os.umask(mask)
    for path in outputs:
        if path.is_dir():
            raise FileFailure(path, IsADirectoryError(errno.EISDIR, "ada folder dengan nama ini"))
        _remove_leftovers(path)
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path | None] = {}
    current: Path | None = None
    try:
        for path, data in outputs.items():
            current = path
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                          suffix=TEMPORARY_SUFFIX)
            temporaries[path] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(name, 0o666 & ~mask)  # as any file the user saves, not mkstemp's private 0600
        for path, temporary in temporaries.items():
            current = path
            backups[path] = _backup(path, temporary)
            _replace(temporary, path)
        _sync_folders(outputs)
    except OSError as error:
        for path, backup in backups.items():  # undo the renames already made
            with contextlib.suppress(OSError):
                _replace(backup, path) if backup is not None else path.unlink(missing_ok=True)
        raise FileFailure(current, error) from None
    finally:
        for leftover in [*temporaries.values(), *(b for b in backups.values() if b is not None)]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    write_all({path: data})


def _replace(source: Path, target: Path) -> None:
    """os.replace, tried again for a moment while the target is locked (LOCK_WAITS)."""
    for wait in (*LOCK_WAITS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def _backup(path: Path, temporary: Path) -> Path | None:
    """A second name for the old file (a hard link: the old file itself stays where it is), to undo
    with; a copy where the disk has no hard links (FAT)."""
    if not path.exists():
        return None
    backup = temporary.with_name(temporary.name.removesuffix(TEMPORARY_SUFFIX) + BACKUP_SUFFIX)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


def _remove_leftovers(path: Path) -> None:
    """Temporary files and backups of ``path`` that a killed process left behind."""
    if path.parent.is_dir():
        for leftover in path.parent.glob(f".{path.name}.*"):
            if leftover.name.endswith((TEMPORARY_SUFFIX, BACKUP_SUFFIX)) and not _in_use(leftover, path):
                with contextlib.suppress(OSError):
                    leftover.unlink()


def _in_use(leftover: Path, path: Path) -> bool:
    """Whether the process that made ``leftover`` may still be writing: it is alive (POSIX), or, where
    that cannot be asked without side effects (Windows), the file is younger than a build takes."""
    writer = leftover.name.removeprefix(f".{path.name}.").split(".", 1)[0]
    if not writer.isdigit():
        return False
    if int(writer) == os.getpid():
        return False
    if os.name == "posix":
        try:
            os.kill(int(writer), 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True
    try:
        return time.time() - leftover.stat().st_mtime < 600
    except OSError:
        return False


def _sync_folders(outputs: dict[Path, bytes]) -> None:
    """Make the renames durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    for folder in {path.parent for path in outputs}:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
