"""What ikudoc prints where Windows users read it: UTF-8 wherever the output is not a console (redirected,
piped, read by git), even when the system's code page is cp1252 (simulated with PYTHONIOENCODING, as
Windows sets up a redirected output); a console in an old code page gets readable stand-ins; colours
only where the console shows them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import docx
import pytest

from ikudoc.cli import main
from ikudoc.commands import console
from support import SAMPLE, SAMPLE_PK

GIT_IDENTITY = ["-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid", "-c", "commit.gpgsign=false"]


def windows_code_page() -> dict[str, str]:
    """The environment of a Windows program whose output is redirected: Python writes in the ANSI code page."""
    return {**os.environ, "PYTHONIOENCODING": "cp1252"}


def ikudoc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``ikudoc ARGS`` with its output redirected, as bytes."""
    return subprocess.run([sys.executable, "-m", "ikudoc", *args], cwd=cwd, capture_output=True,
                          env=windows_code_page())


@pytest.fixture()
def two_agreements(tmp_path) -> Path:
    """The sample IKU and two PKs of different years (their diff says "2023 → 2024"), and an IKU whose
    first indicator's target reads "≥ 80" in the later revision."""
    content = tmp_path / "content"
    content.mkdir()
    iku = SAMPLE.read_text(encoding="utf-8")
    (content / "iku_2024.toml").write_text(iku, encoding="utf-8")
    pk = SAMPLE_PK.read_text(encoding="utf-8")
    (content / "pk_2024.toml").write_text(pk, encoding="utf-8")
    (content / "pk_2023.toml").write_text(pk.replace("\ntahun = 2024", "\ntahun = 2023").replace(
        "tanggal = 2024-10-21", "tanggal = 2023-01-16"), encoding="utf-8")
    current = "[sasaran.indikator.target]\n2021 = 33.54\n2022 = 34.26\n2023 = 35.22\n2024 = 36.18"
    assert iku.count(current) == 1
    (tmp_path / "iku_teks.toml").write_text(iku.replace(current, current.replace("36.18", '"≥ 80"')),
                                            encoding="utf-8")
    return tmp_path


def test_a_redirected_diff_of_two_agreements_is_utf8(two_agreements):
    shown = ikudoc("diff", "content/pk_2023.toml", "content/pk_2024.toml", cwd=two_agreements)
    assert (shown.returncode, shown.stderr) == (1, b"")
    text = shown.stdout.decode("utf-8")
    assert "  Target 2023 → 2024, Persentase Koperasi Yang Berkualitas: 35,22 -> 36,18 %" in text
    assert "\x1b[" not in text, "no colour codes in a file"


def test_a_redirected_diff_with_at_least_in_a_target_is_utf8(two_agreements):
    shown = ikudoc("diff", "content/iku_2024.toml", "iku_teks.toml", cwd=two_agreements)
    assert (shown.returncode, shown.stderr) == (1, b"")
    assert "Target 2024, Persentase Koperasi Yang Berkualitas: 36,18 -> ≥ 80" in shown.stdout.decode("utf-8")


@pytest.mark.parametrize("new", ["content/pk_2024.toml", "iku_teks.toml"])
def test_diff_as_json_on_standard_output_is_utf8_json(two_agreements, new):
    old = "content/pk_2023.toml" if "pk" in new else "content/iku_2024.toml"
    shown = ikudoc("diff", old, new, "--format", "json", cwd=two_agreements)
    assert shown.returncode == 1
    data = json.loads(shown.stdout.decode("utf-8"))
    cells = [(cell["lama"], cell["baru"]) for row in data["target"] for cell in row["sel"] if cell["berubah"]]
    assert ("36,18", "≥ 80") in cells if "iku" in new else ("35,22", "36,18") in cells
    if "pk" in new:
        assert any("2023 → 2024" in change["lokasi"] for change in data["perubahan"])


def test_problems_naming_text_the_code_page_lacks_are_utf8_too(two_agreements):
    broken = two_agreements / "rusak.toml"
    broken.write_text(SAMPLE.read_text(encoding="utf-8").replace("[dokumen]\n", '[dokumen]\n"catatan→" = 1\n', 1),
                      encoding="utf-8")
    shown = ikudoc("check", "rusak.toml", cwd=two_agreements)
    assert shown.returncode == 1 and b"Traceback" not in shown.stderr
    lines = shown.stderr.decode("utf-8").splitlines()
    assert any(line.startswith("rusak.toml:") and "catatan→" in line for line in lines), lines


def test_git_shows_a_word_file_holding_at_least_and_dashes_as_utf8_text(tmp_path):
    """git diff of a DOCX through ikudoc's textconv, run the way Windows runs it (cp1252 output)."""
    def git(*args: str) -> bytes:
        return subprocess.run(["git", *GIT_IDENTITY, *args], cwd=tmp_path, check=True, capture_output=True,
                              env=windows_code_page()).stdout

    git("init", "-q")
    assert subprocess.run([sys.executable, "-m", "ikudoc", "git-setup"], cwd=tmp_path, capture_output=True,
                          env=windows_code_page()).returncode == 0
    document = docx.Document()
    document.add_paragraph("Target “kinerja” – 2024: ≥ 80 %")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Indikator → IKU", "≥ 75"
    document.save(tmp_path / "iku.docx")
    git("add", "-A")
    git("commit", "-qm", "arsip")
    document.paragraphs[0].text = "Target “kinerja” – 2024: ≥ 85 %"
    document.save(tmp_path / "iku.docx")
    shown = git("diff", "iku.docx").decode("utf-8")
    assert "-Target “kinerja” – 2024: ≥ 80 %" in shown and "+Target “kinerja” – 2024: ≥ 85 %" in shown
    shown = git("show", "HEAD", "--", "iku.docx").decode("utf-8")
    assert "+Indikator → IKU | ≥ 75" in shown and "bukan berkas DOCX" not in shown


def test_the_textconv_output_is_utf8_whatever_the_stream_says(tmp_path, monkeypatch):
    document = docx.Document()
    document.add_paragraph("≥ 80 % → naik")
    document.save(tmp_path / "a.docx")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["teks-docx", str(tmp_path / "a.docx")]) == 0
    stdout.flush()
    assert stdout.buffer.getvalue() == "≥ 80 % → naik\n".encode("utf-8")


def test_a_file_that_is_no_word_file_is_still_named_as_one(tmp_path, capsys):
    (tmp_path / "bukan.docx").write_bytes(b"bukan zip")
    assert main(["teks-docx", str(tmp_path / "bukan.docx")]) == 1
    assert capsys.readouterr().err.startswith(f"gagal: {tmp_path / 'bukan.docx'} bukan berkas DOCX yang bisa dibaca")


class Stream(io.TextIOWrapper):
    """A standard stream as Python opens it: an encoding, and a console or not."""

    def __init__(self, encoding: str, console: bool):
        super().__init__(io.BytesIO(), encoding=encoding)
        self.console = console

    def isatty(self) -> bool:
        return self.console

    def written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def test_output_that_is_not_a_console_becomes_utf8():
    stdout, stderr = Stream("cp1252", console=False), Stream("cp1252", console=False)
    console.prepare_streams((stdout, stderr))
    stdout.write("2023 → 2024\n")
    stderr.write("≥ 80 …\n")
    assert (stdout.written(), stderr.written()) == ("2023 → 2024\n".encode(), "≥ 80 …\n".encode())


def test_a_console_in_an_old_code_page_shows_stand_ins_not_a_crash():
    terminal = Stream("cp1252", console=True)
    console.prepare_streams((terminal, None))
    terminal.write("Target 2023 → 2024: ≥ 80 – “naik” … ☃\n")
    assert terminal.written() == "Target 2023 -> 2024: >= 80 – “naik” … ?\n".encode("cp1252")


def test_a_utf8_console_is_left_as_it_is():
    terminal = Stream("utf-8", console=True)
    console.prepare_streams((terminal,))
    assert (terminal.encoding, terminal.errors) == ("utf-8", "strict")


class FakeConsole:
    """GetConsoleMode and SetConsoleMode of a Windows console: one that reads ANSI codes once asked
    (Windows 10), or an old one that refuses the flag."""

    def __init__(self, mode: int | None, accepts: bool):
        self.mode, self.accepts, self.asked = mode, accepts, []

    def handle(self, stream) -> int:
        return 7

    def get_mode(self, handle: int) -> int | None:
        return self.mode

    def set_mode(self, handle: int, mode: int) -> bool:
        self.asked.append(mode)
        if self.accepts:
            self.mode = mode
        return self.accepts


@pytest.mark.parametrize("mode, accepts, reads", [
    (0x0003, True, True),     # Windows 10 console: asked to read ANSI codes, it does
    (0x0007, False, True),    # already reading them (Windows Terminal)
    (0x0003, False, False),   # cmd.exe before Windows 10: would print "←[31m"
    (None, False, False),     # not a console at all (GetConsoleMode fails)
])
def test_a_windows_console_shows_colours_only_when_it_reads_ansi_codes(mode, accepts, reads):
    fake = FakeConsole(mode, accepts)
    assert console.windows_console_reads_ansi(Stream("utf-8", console=True), fake) is reads
    assert fake.asked == ([0x0007] if mode == 0x0003 else [])


def test_colours_only_on_a_console_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(console.os, "name", "posix")
    assert console.colours(Stream("utf-8", console=True))
    assert not console.colours(Stream("utf-8", console=False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not console.colours(Stream("utf-8", console=True))


def test_colours_on_windows_are_asked_of_the_console(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(console.os, "name", "nt")
    monkeypatch.setattr(console, "_windows_console", lambda: FakeConsole(0x0003, accepts=False))
    assert not console.colours(Stream("utf-8", console=True))
    monkeypatch.setattr(console, "_windows_console", lambda: FakeConsole(0x0003, accepts=True))
    assert console.colours(Stream("utf-8", console=True))


@pytest.mark.parametrize("colour", [True, False])
def test_the_word_diff_is_coloured_only_when_the_console_shows_colours(two_agreements, monkeypatch, capsys,
                                                                        colour):
    monkeypatch.chdir(two_agreements)
    monkeypatch.setattr("ikudoc.cli.colours", lambda stream: colour)
    edited = two_agreements / "iku_2025.toml"
    edited.write_text(SAMPLE.read_text(encoding="utf-8").replace("Misi ke 5 (lima)", "Misi ke 5"), encoding="utf-8")
    assert main(["diff", "content/iku_2024.toml", "iku_2025.toml"]) == 1
    out = capsys.readouterr().out
    assert ("\x1b[31m[-(lima) -]\x1b[0m" in out) is colour
    assert click.unstyle(out).count("[-(lima) -]") == 1


def test_a_diff_written_to_a_file_has_no_colour_codes(two_agreements, monkeypatch, capsys):
    monkeypatch.chdir(two_agreements)
    monkeypatch.setattr("ikudoc.cli.colours", lambda stream: True)
    assert main(["diff", "content/pk_2023.toml", "content/pk_2024.toml", "-o", "perubahan.txt"]) == 1
    written = (two_agreements / "perubahan.txt").read_bytes().decode("utf-8")
    assert "2023 → 2024" in written and "\x1b[" not in written
