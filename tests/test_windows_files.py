"""Content files and paths the way Windows users make and type them: a file saved by Notepad or
PowerShell 5.1 (a byte-order mark, CRLF line ends) reads the same through every command, and ``new``
keeps how it was written; paths typed with backslashes and drives ("HEAD:content\\iku_2024.toml",
"C:\\...") mean what a Windows user means (the rules of Windows paths from ntpath)."""

from __future__ import annotations

import codecs
import ntpath
import os
import posixpath
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from ikudoc.cli import main
from ikudoc.commands import watch
from ikudoc.content.revision_source import is_drive_path, names_revision
from ikudoc.content.scaffold import EditedFile, path_from
from support import SAMPLE, SAMPLE_PK
from support.content_variants import filled

GIT_IDENTITY = ["-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid", "-c", "commit.gpgsign=false",
                "-c", "core.autocrlf=false"]


def notepad(text: str) -> bytes:
    """``text`` as Notepad (before Windows 10 1903) and PowerShell 5.1 save it: a byte-order mark, CRLF."""
    return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture()
def twins(tmp_path) -> tuple[Path, Path]:
    """The sample IKU and PK twice: as written in the repository (LF, no mark) in lf/, and as Notepad
    saves them in windows/; the same names in both folders."""
    for folder, encode in (("lf", lambda text: text.encode("utf-8")), ("windows", notepad)):
        (tmp_path / folder / "content").mkdir(parents=True)
        for source in (SAMPLE, SAMPLE_PK):
            (tmp_path / folder / "content" / source.name).write_bytes(encode(filled(source.read_text(encoding="utf-8"))))
    return tmp_path / "lf", tmp_path / "windows"


def test_the_notepad_files_are_what_notepad_writes(twins):
    raw = (twins[1] / "content" / "iku_2024.toml").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.count(b"\r\n") == raw.count(b"\n") > 100


def test_build_makes_the_same_documents(twins, capsys, monkeypatch):
    built = []
    for folder in twins:
        monkeypatch.chdir(folder)
        assert run(capsys, "build", "--no-fill-toc")[:2] == (0, [
            f"ditulis {Path('build', name)}" for name in ("iku_2024.docx", "iku_2024.html", "pk_2024.docx",
                                                           "pk_2024.html")])
        built.append({path.name: path.read_bytes() for path in (folder / "build").iterdir()})
    assert built[0] == built[1]


def test_check_says_the_same(twins, capsys, monkeypatch):
    said = []
    for folder in twins:
        monkeypatch.chdir(folder)
        said.append(run(capsys, "check", "--strict"))
    assert said[0] == said[1] and said[0][0] == 0


def test_diff_sees_no_difference_between_the_two(twins, capsys):
    for name in ("iku_2024.toml", "pk_2024.toml"):
        lf, windows = (folder / "content" / name for folder in twins)
        assert run(capsys, "diff", str(lf), str(windows)) == (
            0, [f"Perubahan dari {lf} ke {windows}: tidak ada perbedaan."], [])


def test_diff_reads_a_notepad_file_from_a_git_revision(twins, capsys, monkeypatch):
    lf, windows = twins
    subprocess.run(["git", *GIT_IDENTITY, "init", "-q"], cwd=windows, check=True)
    subprocess.run(["git", *GIT_IDENTITY, "add", "-A"], cwd=windows, check=True)
    subprocess.run(["git", *GIT_IDENTITY, "commit", "-qm", "Notepad"], cwd=windows, check=True)
    monkeypatch.chdir(windows)
    content = Path("content", "iku_2024.toml")
    content.write_bytes((lf / "content" / "iku_2024.toml").read_bytes())
    assert run(capsys, "diff", "HEAD", str(content))[0] == 0
    assert run(capsys, "diff", r"HEAD:content\iku_2024.toml", str(content)) == (
        0, [f"Perubahan dari HEAD:content/iku_2024.toml ke {content}: tidak ada perbedaan."], [])


def test_watch_shows_the_same_page(twins):
    pages = []
    for folder in twins:
        document = watch.Document(folder / "content" / "iku_2024.toml", folder / "build", None, lambda line: None)
        document.rebuild()
        pages.append(document.served())
    assert pages[0] == pages[1] and b"BAB IV PENUTUP" in pages[0]


def test_new_keeps_the_mark_and_the_line_ends(twins, capsys):
    written = []
    for folder in twins:
        target = folder / "content" / "iku_2025.toml"
        assert run(capsys, "new", "--from", str(folder / "content" / "iku_2024.toml"), str(target),
                   "--tanggal", "2025-03")[0] == 0
        written.append(target.read_bytes())
    assert written[1] == notepad(written[0].decode("utf-8")), "the same revision, written as Notepad writes"
    assert run(capsys, "check", str(twins[1] / "content" / "iku_2025.toml"))[0] == 0


def test_new_pk_keeps_the_mark_and_the_line_ends(twins, capsys, monkeypatch):
    written = []
    for folder in twins:
        monkeypatch.chdir(folder)
        assert run(capsys, "new", "--pk", "2023")[0] == 0
        written.append((folder / "content" / "pk_2023.toml").read_bytes())
    assert written[1] == notepad(written[0].decode("utf-8"))
    assert tomllib.loads(written[0].decode("utf-8"))["perjanjian"]["tahun"] == 2023
    assert run(capsys, "check", "content/pk_2023.toml")[0] == 0


def test_an_lf_file_stays_lf_and_a_crlf_file_without_a_mark_stays_so(tmp_path):
    for raw in (b'a = """\nx\ny\n"""\n', b'a = """\r\nx\r\ny\r\n"""\r\n', codecs.BOM_UTF8 + b"a = 1\n"):
        path = tmp_path / "a.toml"
        path.write_bytes(raw)
        edited = EditedFile.read(path)
        assert "\r" not in edited.text and edited.encoded(edited.text) == raw


@pytest.mark.parametrize("typed, drive, revision", [
    (r"C:\Users\perencana\Documents\iku\content\iku_2024.toml", True, False),
    ("D:/arsip/iku_2022.toml", True, False),
    (r"HEAD:content\iku_2024.toml", False, True),
    ("v2024-01:content/iku_2024.toml", False, True),
    ("HEAD~1:iku.toml", False, True),
    ("content/iku_2024.toml", False, False),
    ("v2022", False, False),
])
def test_a_path_with_its_drive_is_a_file_and_rev_path_a_revision(typed, drive, revision):
    assert (is_drive_path(typed), names_revision(typed)) == (drive, revision)
    assert ntpath.isabs(typed) is drive, "as Windows reads it"


@pytest.mark.parametrize("typed", [r"C:\Users\perencana\iku_2024.toml", r"C:\Users\perencana\iku", "D:/iku.toml"])
def test_a_mistyped_windows_path_is_a_file_not_found_not_revision_c(tmp_path, capsys, monkeypatch, typed):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "iku_2024.toml")
    assert run(capsys, "diff", typed, "iku_2024.toml") == (2, [], [f"gagal: berkas {typed} tidak ditemukan"])
    assert run(capsys, "diff", "iku_2024.toml", typed) == (2, [], [f"gagal: berkas {typed} tidak ditemukan"])


@pytest.mark.parametrize("folder, path, flavour, named", [
    (r"C:\proyek\content", r"C:\proyek\content\iku_2025.toml", ntpath, "iku_2025.toml"),
    (r"C:\proyek\content", r"C:\proyek\arsip\iku_2024.toml", ntpath, "../arsip/iku_2024.toml"),
    (r"C:\proyek\content", r"D:\flashdisk\iku_2024.toml", ntpath, "D:/flashdisk/iku_2024.toml"),
    ("/proyek/content", "/proyek/arsip/iku_2024.toml", posixpath, "../arsip/iku_2024.toml"),
])
def test_a_new_file_names_the_old_one_relative_to_itself_or_across_drives_absolute(folder, path, flavour, named):
    assert path_from(folder, path, flavour) == named


def across_drives(monkeypatch) -> None:
    """os.path.relpath as Windows' between C: and D: (ntpath: "path is on mount 'D:', start on mount 'C:'")."""
    def relpath(path, start=None):
        raise ValueError(f"path is on mount 'D:', start on mount 'C:': {path}, {start}")

    monkeypatch.setattr(os.path, "relpath", relpath)


def test_new_from_another_drive_names_the_old_file_absolute(tmp_path, capsys, monkeypatch):
    source = tmp_path / "flashdisk" / "iku_2024.toml"
    source.parent.mkdir()
    source.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "[kata_pengantar]", "[revisi]\nnomor = 2\n\n[kata_pengantar]"), encoding="utf-8")
    target = tmp_path / "proyek" / "iku_2025.toml"
    with monkeypatch.context() as patched:
        across_drives(patched)
        assert run(capsys, "new", "--from", str(source), str(target), "--tanggal", "2025-03")[0] == 0
    revisi = tomllib.loads(target.read_text(encoding="utf-8"))["revisi"]
    assert Path(revisi["menggantikan"]) == source and revisi["nomor"] == 3
    assert run(capsys, "check", str(target))[0] == 0


def test_new_pk_names_an_iku_on_another_drive_absolute_and_one_nearby_relative(tmp_path, capsys, monkeypatch):
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content")
    (tmp_path / "content" / SAMPLE_PK.name).write_text(filled(SAMPLE_PK.read_text(encoding="utf-8")),
                                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    iku = tmp_path / "content" / "iku_2024.toml"  # typed whole, as Windows' Explorer copies a path
    assert run(capsys, "new", "--pk", "2023", "--iku", str(iku))[0] == 0
    assert tomllib.loads((tmp_path / "content" / "pk_2023.toml").read_text(encoding="utf-8"))["perjanjian"][
        "iku"] == "iku_2024.toml"
    with monkeypatch.context() as patched:
        across_drives(patched)
        assert run(capsys, "new", "--pk", "2022", "--iku", str(iku))[0] == 0
    named = tomllib.loads((tmp_path / "content" / "pk_2022.toml").read_text(encoding="utf-8"))["perjanjian"]["iku"]
    assert Path(named) == iku
    assert run(capsys, "check", "content/pk_2022.toml")[0] == 0
