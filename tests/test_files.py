"""Outputs are never lost or half written: each file is its old bytes or its new bytes, whatever
happens to the process, and what a killed process leaves behind is cleaned by the next write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from ikudoc.content.problems import FileFailure
from ikudoc.files import write_all
from support import posix_only

# A process that writes the same two outputs forever, alternating two versions of each (a few MB,
# so that a kill often lands inside a write or between the two renames).
WRITER = """
import itertools, sys
from pathlib import Path
from ikudoc.files import write_all
folder = Path(sys.argv[1])
versions = [{folder / name: bytes([v]) * (3 << 20) for name in ("iku.docx", "iku.html")} for v in (1, 2)]
print("ready", flush=True)
for version in itertools.cycle(versions):
    write_all(version)
"""


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_every_file_and_leaves_nothing_else(tmp_path):
    outputs = {tmp_path / "iku.docx": b"docx", tmp_path / "sub" / "iku.html": b"html"}
    write_all(outputs)
    assert {p: p.read_bytes() for p in outputs} == outputs
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "sub") == []


@posix_only("modes")
def test_writes_every_file_with_the_users_permissions(tmp_path):
    write_all({tmp_path / "iku.docx": b"docx"})
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "iku.docx").stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_failed_rename_puts_back_the_files_already_replaced(tmp_path, monkeypatch):
    first, second = tmp_path / "iku.docx", tmp_path / "iku.html"
    first.write_bytes(b"old docx")
    second.write_bytes(b"old html")
    real_replace = os.replace
    calls = []

    def replace_failing_for_the_html(source, target):  # e.g. the HTML open in a program that locks it
        calls.append(target)
        if target == second:
            raise PermissionError(13, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_failing_for_the_html)
    with pytest.raises(FileFailure) as failure:
        write_all({first: b"new docx", second: b"new html"})
    monkeypatch.undo()
    assert failure.value.path == second
    assert first.read_bytes() == b"old docx" and second.read_bytes() == b"old html"
    assert leftovers(tmp_path) == []


def test_a_folder_where_an_output_goes_fails_before_anything_is_written(tmp_path):
    (tmp_path / "iku.html").mkdir()
    with pytest.raises(FileFailure) as failure:
        write_all({tmp_path / "iku.docx": b"docx", tmp_path / "iku.html": b"html"})
    assert "ada folder dengan nama ini" in str(failure.value)
    assert not (tmp_path / "iku.docx").exists()


def test_leftovers_of_a_dead_writer_are_removed_and_those_of_a_live_one_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          encoding="utf-8", check=True).stdout.strip()
    stale = [tmp_path / f".iku.docx.{dead}.x1y2.ikudoc-tmp", tmp_path / f".iku.docx.{dead}.x1y2.ikudoc-lama"]
    live = tmp_path / f".iku.docx.{os.getppid()}.z3.ikudoc-tmp"  # our parent is alive while we run
    unrelated = tmp_path / ".iku.docx.catatan"
    for path in (*stale, live, unrelated):
        path.write_bytes(b"x")
    for path in stale:  # (Windows, which cannot ask whether a process lives, goes by age: these are old)
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    write_all({tmp_path / "iku.docx": b"docx"})
    assert leftovers(tmp_path) == sorted([live.name, unrelated.name])


@posix_only("SIGKILL")
def test_fifty_kills_while_writing_never_lose_or_tear_a_file(tmp_path):
    versions = {bytes([1]) * (3 << 20), bytes([2]) * (3 << 20)}
    outputs = [tmp_path / "iku.docx", tmp_path / "iku.html"]
    for path in outputs:
        path.write_bytes(bytes([1]) * (3 << 20))
    rng = random.Random(8)
    for _ in range(50):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE)
        assert writer.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        for path in outputs:
            assert path.read_bytes() in versions, f"{path.name} torn or missing"
    write_all({path: b"final" for path in outputs})
    assert leftovers(tmp_path) == []
    assert [path.read_bytes() for path in outputs] == [b"final", b"final"]
