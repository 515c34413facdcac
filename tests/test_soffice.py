"""LibreOffice found wherever it is installed (named by the user in IKUDOC_SOFFICE, on PATH, where Windows'
registry says, in either Program Files folder; a registry and folders made up here), stopped with every
process it started (not only the launcher), and its temporary folder cleaned up without a locked file
ever failing a build."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from ikudoc.cli import main
from ikudoc.content.problems import FileFailure
from ikudoc.render.docx import libreoffice, profiles, soffice
from ikudoc.render.docx.libreoffice import Office
from ikudoc.render.docx.soffice import LibreOfficeUnavailable, find_soffice
from support import SAMPLE

HKCU, HKLM = "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE"
VIEW_64, VIEW_32 = 0x0100, 0x0200
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe"
UNO_INSTALL_PATH = r"SOFTWARE\LibreOffice\UNO\InstallPath"


class FakeRegistry:
    """The part of winreg ikudoc uses, over made-up keys: {(root, key, view): default value}."""

    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = HKCU, HKLM
    KEY_READ, KEY_WOW64_64KEY, KEY_WOW64_32KEY = 0x20019, VIEW_64, VIEW_32

    def __init__(self, values: dict[tuple[str, str, int], str]):
        self.values = values
        self.opened: list[tuple[str, str, int]] = []

    def OpenKey(self, root, key, reserved, access):  # noqa: N802 (winreg's names)
        where = (root, key, access & (VIEW_64 | VIEW_32))
        self.opened.append(where)
        if where not in self.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return contextlib.nullcontext(where)

    def QueryValueEx(self, opened, name):  # noqa: N802
        return self.values[opened], 1


def installed(folder: Path) -> Path:
    """A LibreOffice installed in ``folder``: its program/soffice.exe."""
    program = folder / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"MZ")
    return program / "soffice.exe"


@pytest.fixture()
def windows(tmp_path, monkeypatch):
    """A Windows to look on: no soffice on PATH, no IKUDOC_SOFFICE, Program Files folders (empty) of its
    own, and a registry to fill: returns the registry's values."""
    values: dict[tuple[str, str, int], str] = {}
    monkeypatch.setattr(soffice, "WINDOWS", True)
    monkeypatch.setitem(sys.modules, "winreg", FakeRegistry(values))
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    monkeypatch.delenv(soffice.SOFFICE_VARIABLE, raising=False)
    for name in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)"):
        folder = tmp_path / name.replace("(", "_").replace(")", "")
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    return values


def test_the_registry_app_paths_name_libreoffice_on_another_drive(tmp_path, windows):
    exe = installed(tmp_path / "D" / "Aplikasi" / "LibreOffice")
    windows[(HKLM, APP_PATHS, VIEW_64)] = str(exe)
    assert find_soffice() == str(exe)


def test_libreoffices_own_key_names_its_program_folder_in_the_32_bit_view(tmp_path, windows):
    exe = installed(tmp_path / "E" / "LO")
    windows[(HKLM, UNO_INSTALL_PATH, VIEW_32)] = f'"{exe.parent}"'
    assert find_soffice() == str(exe)


def test_an_install_for_the_user_only_is_found(tmp_path, windows):
    exe = installed(tmp_path / "AppData" / "LibreOffice")
    windows[(HKCU, APP_PATHS, VIEW_64)] = str(exe)
    assert find_soffice() == str(exe)


def test_a_registry_entry_left_by_an_uninstalled_libreoffice_is_passed_over(tmp_path, windows):
    windows[(HKLM, APP_PATHS, VIEW_64)] = str(tmp_path / "dihapus" / "program" / "soffice.exe")
    exe = installed(Path(os.environ["ProgramFiles(x86)"]) / "LibreOffice")
    assert find_soffice() == str(exe)


@pytest.mark.parametrize("variable", ["ProgramW6432", "ProgramFiles", "ProgramFiles(x86)"])
def test_either_program_files_folder(windows, variable):
    exe = installed(Path(os.environ[variable]) / "LibreOffice")
    assert find_soffice() == str(exe)


def test_nothing_anywhere_is_said_with_the_variable_to_set(windows, tmp_path, capsys):
    assert find_soffice() is None
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "hasil"), "--format", "docx"]) == 0
    assert f"di variabel lingkungan {soffice.SOFFICE_VARIABLE})" in capsys.readouterr().err


@pytest.mark.parametrize("named", ["program/soffice.exe", "program", "."])
def test_the_variable_names_soffice_or_its_folder_and_wins(tmp_path, windows, monkeypatch, named):
    exe = installed(tmp_path / "Portabel" / "LibreOffice")
    windows[(HKLM, APP_PATHS, VIEW_64)] = str(installed(tmp_path / "lain"))
    monkeypatch.setenv(soffice.SOFFICE_VARIABLE, f'"{exe.parent.parent / named}"')
    assert Path(find_soffice()) == exe


def test_a_variable_naming_nothing_is_said_once_and_the_build_goes_on(tmp_path, windows, monkeypatch, capsys):
    monkeypatch.setenv(soffice.SOFFICE_VARIABLE, str(tmp_path / "salah"))
    with pytest.raises(LibreOfficeUnavailable) as said:
        find_soffice()
    assert str(said.value) == (f"IKUDOC_SOFFICE menunjuk {tmp_path / 'salah'}, tetapi di sana tidak ada soffice "
                               "(program LibreOffice); isi dengan soffice.exe di folder program LibreOffice, atau "
                               "hapus variabel itu agar ikudoc mencarinya sendiri")
    copy = tmp_path / "iku_2025.toml"
    shutil.copy(SAMPLE, copy)
    assert main(["build", str(SAMPLE), str(copy), "-o", str(tmp_path / "hasil"), "--format", "docx"]) == 0
    assert capsys.readouterr().err.count("IKUDOC_SOFFICE menunjuk") == 1


def test_path_comes_before_the_registry(tmp_path, windows, monkeypatch):
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "soffice").write_text("#!/bin/sh\n", encoding="utf-8")  # POSIX finds this one
    (on_path / "soffice").chmod(0o755)
    (on_path / "soffice.exe").write_bytes(b"MZ")  # Windows this one
    windows[(HKLM, APP_PATHS, VIEW_64)] = str(installed(tmp_path / "terdaftar"))
    monkeypatch.setenv("PATH", str(on_path))
    assert find_soffice() == shutil.which("soffice")


# Stopping it whole. A stand-in for LibreOffice's worker script: it starts a "soffice.bin" that outlives it
# (ignoring the end of its input), writes that process's pid and a settings file into its profile, and
# answers requests by copying the Word file to the PDF asked for.
FAKE_SCRIPT = """
import json, os, shutil, subprocess, sys
profile = sys.argv[-1]
os.makedirs(os.path.join(profile, "user"), exist_ok=True)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8").write("<items/>")
open(os.path.join(profile, "soffice.bin.pid"), "w", encoding="utf-8").write(str(child.pid))
for line in sys.stdin:
    request = json.loads(line)
    if request["pdf"]:
        shutil.copy(request["masuk"], request["pdf"])
    print(json.dumps({"ok": True, "daftar_isi": None}), flush=True)
"""
HELD = "registrymodifications.xcu"  # what LibreOffice keeps open in its profile while it runs


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie nobody reaps (a container without init) is gone too
        return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").split(")")[-1].split()[0] != "Z"
    return True


def stand_in(tmp_path, monkeypatch) -> None:
    """LibreOffice replaced by the stand-in; its kept profiles in a cache folder and its temporary files
    in a temporary folder of the test's own."""
    script = tmp_path / "uno_palsu.py"
    script.write_text(FAKE_SCRIPT, encoding="utf-8")
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "uno_python", lambda found: sys.executable)
    monkeypatch.setattr(libreoffice, "SCRIPT", script)
    monkeypatch.setattr(profiles, "cache_folder", lambda: tmp_path / "cache")
    (tmp_path / "sementara").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "sementara"))


@pytest.fixture()
def fake_office(tmp_path, monkeypatch) -> Office:
    stand_in(tmp_path, monkeypatch)
    office = Office()
    yield office
    office.close(kill=True)


def soffice_bin(office: Office) -> int:
    marker = office._profile_folder / "soffice.bin.pid"
    deadline = time.monotonic() + 30
    while not marker.is_file() or not marker.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the stand-in did not start"
        time.sleep(0.05)
    return int(marker.read_text(encoding="utf-8"))


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


@pytest.mark.skipif(os.name == "nt", reason="looks at processes with POSIX signals (Windows: a job object)")
@pytest.mark.parametrize("kill", [True, False])
def test_closing_stops_what_libreoffice_left_running_and_removes_its_files(fake_office, kill):
    assert fake_office.to_pdf(b"isi") == b"isi"
    left, folder, kept = soffice_bin(fake_office), fake_office._folder, fake_office._profile_folder
    assert alive(left)
    fake_office.close(kill=kill)
    assert gone(left), "soffice.bin goes with the launcher and the script"
    assert not folder.exists() and (kept / "user" / HELD).is_file(), "the profile is kept for the next run"


@pytest.mark.skipif(os.name == "nt", reason="looks at processes with POSIX signals (Windows: a job object)")
def test_a_conversion_that_hangs_is_stopped_with_what_it_started(tmp_path):
    marker = tmp_path / "anak.pid"
    hanging = ("import subprocess, sys, time\n"
               "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
               f"open({str(marker)!r}, 'w', encoding='utf-8').write(str(child.pid))\ntime.sleep(600)\n")
    started = time.monotonic()
    assert soffice.run_to_end([sys.executable, "-c", hanging], timeout=2) is None
    assert time.monotonic() - started < 30
    assert gone(int(marker.read_text(encoding="utf-8")))


def locked(monkeypatch, name: str, times: int | None = None) -> list[str]:
    """The file ``name`` cannot be deleted, as on Windows while a program holds it open (PermissionError,
    WinError 32), the first ``times`` times or always (None); returns each refusal."""
    refused: list[str] = []
    real = os.unlink

    def unlink(path, *args, **options):
        if os.path.basename(os.fsdecode(path)) == name and (times is None or len(refused) < times):
            refused.append(os.fsdecode(path))
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", os.fsdecode(path))
        return real(path, *args, **options)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(soffice, "REMOVAL_WAITS", (0.01, 0.01, 0.01))
    return refused


def profile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ikudoc-x"
    (folder / "profil" / "user").mkdir(parents=True)
    (folder / "profil" / "user" / HELD).write_text("<items/>", encoding="utf-8")
    return folder


def test_a_folder_locked_for_a_moment_is_removed_when_it_is_let_go(tmp_path, monkeypatch):
    folder = profile_folder(tmp_path)
    refused = locked(monkeypatch, HELD, times=2)
    assert soffice.remove_folder(folder) and not folder.exists() and len(refused) == 2


def test_a_folder_that_stays_locked_is_left_without_failing(tmp_path, monkeypatch):
    folder = profile_folder(tmp_path)
    locked(monkeypatch, HELD)
    assert soffice.remove_folder(folder) is False
    assert (folder / "profil" / "user" / HELD).is_file()


def test_a_temporary_profile_that_stays_locked_does_not_fail_the_build(tmp_path, monkeypatch, capsys):
    """Every kept profile taken (other ikudoc runs): LibreOffice runs on a temporary one, which it still
    holds open when it is cleaned up."""
    stand_in(tmp_path, monkeypatch)
    monkeypatch.setattr(profiles, "_lock", lambda path: None)
    refused = locked(monkeypatch, HELD)
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "hasil"), "--format", "docx"]) == 0
    out, err = capsys.readouterr()
    assert out == f"ditulis {tmp_path / 'hasil' / 'iku_2024.docx'}\n"
    # (the stand-in numbers no daftar isi: the note any daftar isi LibreOffice could not fill gets)
    assert err.startswith(f"{SAMPLE}: catatan: LibreOffice mengubah daftar isi") and "PermissionError" not in err
    assert refused, "the profile was cleaned up while a file in it was held"
    assert list((tmp_path / "sementara").rglob(HELD)), "left in the temporary folder"


def test_files_of_a_request_libreoffice_still_holds_do_not_fail_the_build(tmp_path, monkeypatch, capsys):
    stand_in(tmp_path, monkeypatch)
    refused = locked(monkeypatch, "masuk-1.docx")
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "hasil"), "--format", "docx"]) == 0
    out, err = capsys.readouterr()
    assert out == f"ditulis {tmp_path / 'hasil' / 'iku_2024.docx'}\n" and "PermissionError" not in err
    assert len(refused) >= 2, "once after the request, again when its folder was removed"
    assert list((tmp_path / "sementara").rglob("masuk-1.docx")), "left in the temporary folder"


def test_files_briefly_locked_are_replaced_after_a_moment(tmp_path, monkeypatch):
    """OneDrive or an antivirus reading the old output: os.replace refused (Windows) a few times."""
    from ikudoc import files

    target = tmp_path / "iku.docx"
    target.write_bytes(b"lama")
    real, refused = os.replace, []

    def replace(source, destination):
        if Path(destination) == target and len(refused) < 3:
            refused.append(destination)
            raise PermissionError(13, "The process cannot access the file", str(destination))
        real(source, destination)

    monkeypatch.setattr(files, "LOCK_WAITS", (0.01, 0.01, 0.01, 0.01))
    monkeypatch.setattr(files.os, "replace", replace)
    files.write_all({target: b"baru"})
    assert target.read_bytes() == b"baru" and len(refused) == 3
    refused.clear()
    monkeypatch.setattr(files, "LOCK_WAITS", (0.01, 0.01))
    with pytest.raises(FileFailure) as failure:
        files.write_all({target: b"lebih baru"})
    assert target.read_bytes() == b"baru" and "terkunci" in str(failure.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iku.docx"]


def test_windows_waits_for_a_locked_file_and_posix_does_not():
    from ikudoc import files

    assert bool(files.LOCK_WAITS) is (os.name == "nt") and sum(files.LOCK_WAITS) < 2


def test_require_soffice_in_the_tests_looks_where_ikudoc_does(monkeypatch, tmp_path):
    import support

    exe = installed(tmp_path / "LO")
    monkeypatch.setenv(soffice.SOFFICE_VARIABLE, str(exe))
    assert support.require_soffice() == str(exe)


def test_the_lookup_on_a_real_system_never_fails(monkeypatch):
    monkeypatch.delenv(soffice.SOFFICE_VARIABLE, raising=False)
    found = find_soffice()
    assert found is None or Path(found).is_file()


def test_a_process_tree_that_already_ended_is_no_error():
    process = subprocess.Popen([sys.executable, "-c", "pass"], start_new_session=True)
    process.wait()
    tree = soffice.ProcessTree(process)
    tree.release()
    tree.kill()


def test_the_usual_program_files_folders_where_windows_names_none(monkeypatch):
    for name in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)"):
        monkeypatch.delenv(name, raising=False)
    assert soffice.program_files_folders() == [r"C:\Program Files", r"C:\Program Files (x86)"]
    monkeypatch.setenv("ProgramFiles", r"E:\Program Files")
    assert soffice.program_files_folders() == [r"E:\Program Files"]
