"""Find LibreOffice and stop it: its soffice program wherever it is installed (named by the user, on PATH,
where Windows' registry says, in either Program Files folder, in Applications on macOS), a Python that
drives it, and, when it must go, the whole tree of processes it started (on Windows soffice.exe is only
the launcher of soffice.bin, which would keep its files open), and its temporary folder removed without
a locked file ever failing a build.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from ...content.problems import IkudocError

#: Whether this is Windows (its registry, its folders, its way of stopping processes); tests say it is.
WINDOWS = os.name == "nt"


class LibreOfficeUnavailable(IkudocError):
    """LibreOffice (or a Python that can drive it) is not installed; the message is Indonesian."""


#: The environment variable naming a LibreOffice installed where ikudoc does not look (its soffice program,
#: or its folder), e.g. IKUDOC_SOFFICE=D:\Aplikasi\LibreOffice\program\soffice.exe.
SOFFICE_VARIABLE = "IKUDOC_SOFFICE"
#: Where Windows records an installed LibreOffice: App Paths (what "Run: soffice" finds) gives soffice.exe,
#: LibreOffice's own key its program folder; for the user or the machine, in the 64- and 32-bit views.
REGISTRY_KEYS = (r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe",
                 r"SOFTWARE\LibreOffice\UNO\InstallPath")


def find_soffice() -> str | None:
    """LibreOffice's soffice program: the one IKUDOC_SOFFICE names (LibreOfficeUnavailable when there is
    none there), else the one on PATH, else where the system installed it: on Windows where the
    registry says, or in either Program Files folder; on macOS in Applications; LibreOffice's own
    Linux packages under /opt."""
    named = os.environ.get(SOFFICE_VARIABLE, "").strip().strip('"')
    if named:
        found = _soffice_in(Path(named))
        if found is None:
            raise LibreOfficeUnavailable(
                f"{SOFFICE_VARIABLE} menunjuk {named}, tetapi di sana tidak ada soffice (program LibreOffice); "
                f"isi dengan soffice{'.exe' if WINDOWS else ''} di folder program LibreOffice, atau "
                "hapus variabel itu agar ikudoc mencarinya sendiri")
        return found
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    return next((str(candidate) for candidate in _installed_places() if candidate.is_file()), None)


def _soffice_in(named: Path) -> str | None:
    """soffice itself, or the one in a LibreOffice folder or its program folder."""
    if named.is_file():
        return str(named)
    for folder in (named, named / "program", named / "Contents" / "MacOS"):
        for name in ("soffice.exe", "soffice"):
            if (folder / name).is_file():
                return str(folder / name)
    return None


def _installed_places() -> list[Path]:
    if WINDOWS:
        return [*windows_registered_soffice(), *(Path(folder) / "LibreOffice" / "program" / "soffice.exe"
                                                 for folder in program_files_folders())]
    return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            *(Path(folder) / "program" / "soffice" for folder in sorted(glob.glob("/opt/libreoffice*"),
                                                                        reverse=True))]


def program_files_folders() -> list[str]:
    """Both Program Files folders (64-bit and 32-bit programs), as Windows names them, on any drive (the
    usual ones where Windows names none)."""
    named = [os.environ.get(name) for name in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")]
    return list(dict.fromkeys(folder for folder in named if folder)) or [r"C:\Program Files",
                                                                          r"C:\Program Files (x86)"]


def windows_registered_soffice() -> list[Path]:
    """soffice.exe wherever the registry says LibreOffice is installed (any drive or folder)."""
    import winreg  # Windows only

    found = []
    views = (getattr(winreg, "KEY_WOW64_64KEY", 0), getattr(winreg, "KEY_WOW64_32KEY", 0))
    for root in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):
        for key in REGISTRY_KEYS:
            for view in views:
                try:
                    with winreg.OpenKey(root, key, 0, winreg.KEY_READ | view) as opened:
                        value, _ = winreg.QueryValueEx(opened, "")
                except OSError:  # not there, or not readable
                    continue
                if isinstance(value, str) and value.strip():
                    path = Path(os.path.expandvars(value.strip().strip('"')))
                    found.append(path if path.suffix.lower() == ".exe" else path / "soffice.exe")
    return list(dict.fromkeys(found))


def uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's ``uno`` module."""
    program = Path(soffice).resolve().parent
    for candidate in (program / "python", program / "python.exe", Path("/usr/bin/python3"), Path(sys.executable)):
        if candidate.is_file() and subprocess.run([str(candidate), "-c", "import uno"],
                                                  capture_output=True).returncode == 0:
            return str(candidate)
    return None


class ProcessTree:
    """A process and every process it starts (the script, its soffice, and soffice.bin that soffice.exe
    only launches on Windows), stopped together: on POSIX the process group of the session it was
    started in (``start_new_session``), on Windows a job object, which Windows also empties when ikudoc
    ends, however it ends. Stopping what is already gone is no error."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self._job = _windows_job(process) if WINDOWS else None

    def kill(self) -> None:
        """Stop them all at once, and wait for the process."""
        if WINDOWS:
            self._end_job()
            with contextlib.suppress(OSError, subprocess.SubprocessError):  # without a job: its children
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(self.process.pid)], capture_output=True,
                               timeout=30)
            with contextlib.suppress(OSError):
                self.process.kill()
        else:
            self._kill_group()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)

    def release(self) -> None:
        """After the process ended: stop what it started and left behind."""
        if WINDOWS:
            self._end_job()
        else:
            self._kill_group()

    def _kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def _end_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            import ctypes

            with contextlib.suppress(OSError, ctypes.ArgumentError):
                kernel32 = _kernel32()
                kernel32.TerminateJobObject(job, 1)
                kernel32.CloseHandle(job)


def run_to_end(args: list[str], timeout: float) -> int | None:
    """Run LibreOffice with ``args`` (a conversion) to its end, and stop what it leaves behind; after
    ``timeout`` seconds stop it with every process it started. Its exit status; None when it could not
    start or was stopped."""
    try:
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return None
    tree = ProcessTree(process)
    try:
        status = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        tree.kill()
        return None
    tree.release()
    return status


def _windows_job(process: subprocess.Popen):
    """A job object holding ``process`` (and so every process it starts), whose processes end when its
    handle is closed; None where Windows does not give one (the tree is then followed by taskkill)."""
    import ctypes
    from ctypes import wintypes

    try:
        class BasicLimits(ctypes.Structure):
            _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                        ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                        ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                        ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                        ("SchedulingClass", wintypes.DWORD)]

        class ExtendedLimits(ctypes.Structure):
            _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", ctypes.c_uint64 * 6),
                        ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                        ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]

        kernel32 = _kernel32()
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        limits = ExtendedLimits()
        limits.BasicLimitInformation.LimitFlags = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        extended_limit_information = 9
        if not (kernel32.SetInformationJobObject(job, extended_limit_information, ctypes.byref(limits),
                                                 ctypes.sizeof(limits))
                and kernel32.AssignProcessToJobObject(job, int(process._handle))):
            kernel32.CloseHandle(job)
            return None
        return job
    except (OSError, AttributeError, ValueError, ctypes.ArgumentError):  # no job: taskkill follows the tree
        return None


def _kernel32():
    """The job object functions of kernel32, their argument types declared (handles are 64-bit)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    for name, arguments, result in (
            ("CreateJobObjectW", (wintypes.LPVOID, wintypes.LPCWSTR), wintypes.HANDLE),
            ("SetInformationJobObject", (wintypes.HANDLE, ctypes.c_int, wintypes.LPVOID, wintypes.DWORD),
             wintypes.BOOL),
            ("AssignProcessToJobObject", (wintypes.HANDLE, wintypes.HANDLE), wintypes.BOOL),
            ("TerminateJobObject", (wintypes.HANDLE, wintypes.UINT), wintypes.BOOL),
            ("CloseHandle", (wintypes.HANDLE,), wintypes.BOOL)):
        function = getattr(kernel32, name)
        function.argtypes, function.restype = arguments, result
    return kernel32


#: How long a stopped LibreOffice may keep its files open (Windows closes them shortly after it exits).
REMOVAL_WAITS = (0.1, 0.2, 0.4, 0.8, 1.5)


def remove_folder(folder: Path) -> bool:
    """Remove a temporary folder of ikudoc's; a file still held open (by a LibreOffice going away, an
    antivirus) is waited for a moment, then what cannot be removed is left to the system's temporary
    folder: cleaning up never fails a build. Whether it is gone."""
    for wait in (*REMOVAL_WAITS, None):
        try:
            shutil.rmtree(folder)
            return True
        except FileNotFoundError:
            return True
        except OSError:  # PermissionError on Windows: a file in it is open
            if wait is None:
                shutil.rmtree(folder, ignore_errors=True)
                return not folder.exists()
            time.sleep(wait)
    return False
