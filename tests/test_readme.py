"""Every example of README.md is true: its fenced commands run, in order, in a fresh copy of the project
(the tracked files as they are now, in a new git repository of two commits), and where README shows
what a command prints, the command prints exactly that.

README speaks to the test in HTML comments just before a fenced block, invisible on the rendered page:
``<!-- tes: lewati: ALASAN -->`` leaves the block out (installing, the tests themselves, a server);
``<!-- tes: ganti `LAMA` dengan `BARU` di BERKAS -->`` edits a file for that block only (the mistake an
error example shows); ``<!-- tes: naskah resmi sebagai `BERKAS` -->`` puts the official text, typed as
an office's typist types it, where an import example reads it. A ``sh`` block's commands must succeed
(``ikudoc diff`` may also answer 1, "different"); a ``text`` block's ``$ `` lines are commands and the
lines after each are what it prints, standard output and error as they come (blank lines at its end
aside).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import REFERENCE, ROOT, require_soffice, require_tool
from support.word_fixtures import reference_as_typed

README = ROOT / "README.md"
FENCE = re.compile(r"(?P<directives>(?:<!-- tes: .*? -->\n\s*)*)^```(?P<lang>\w*)\n(?P<body>.*?)^```$",
                   re.MULTILINE | re.DOTALL)
DIRECTIVE = re.compile(r"<!-- tes: (.*?) -->", re.DOTALL)
EDIT = re.compile(r"ganti `(?P<old>[^`]+)` dengan `(?P<new>[^`]+)` di (?P<file>\S+)")
OFFICIAL_TEXT = re.compile(r"naskah resmi sebagai `(?P<file>[^`]+)`")


@dataclass
class Block:
    line: int
    lang: str
    body: str
    directives: list[str]

    @property
    def skipped(self) -> bool:
        return any(d.startswith("lewati:") for d in self.directives)


def readme_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [Block(text.count("\n", 0, found.start("lang")) + 1, found["lang"], found["body"],
                  [" ".join(d.split()) for d in DIRECTIVE.findall(found["directives"])])
            for found in FENCE.finditer(text)]


def commands(block: Block) -> list[tuple[str, str | None]]:
    """(command, what README says it prints, or None) of a block README means to be run."""
    if block.lang == "sh":
        lines = [line for line in block.body.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        return [(line, None) for line in lines]
    if block.lang == "text" and block.body.startswith("$ "):
        shown = re.split(r"^\$ ", block.body, flags=re.MULTILINE)[1:]
        return [(part.split("\n", 1)[0], part.split("\n", 1)[1] if "\n" in part else "") for part in shown]
    return []


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A fresh copy of the project: its tracked files, in a new repository with two commits (so that
    HEAD~1 exists and the examples do not depend on this repository's history)."""
    git = require_tool("git")
    copy = tmp_path_factory.mktemp("readme") / "ikudoc"
    listed = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    shim = copy.parent / "bin"
    shim.mkdir()
    (shim / "ikudoc").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ikudoc "$@"\n', encoding="utf-8")
    (shim / "ikudoc").chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(copy / "src"),
           "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "GIT_AUTHOR_NAME": "Perencana", "GIT_AUTHOR_EMAIL": "p@contoh",
           "GIT_COMMITTER_NAME": "Perencana", "GIT_COMMITTER_EMAIL": "p@contoh", "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "ikudoc"], ["commit", "-q", "--allow-empty",
                                                                               "-m", "catatan"]):
        subprocess.run([git, *args], cwd=copy, env=env, check=True, capture_output=True)
    return copy, env


def test_the_readme_speaks_to_this_test_only_in_what_it_understands():
    blocks = readme_blocks()
    assert len(blocks) > 10
    for block in blocks:
        for directive in block.directives:
            assert directive.startswith("lewati: ") or EDIT.fullmatch(directive) or OFFICIAL_TEXT.fullmatch(
                directive), f"README.md:{block.line}: {directive}"
    assert [block.line for block in blocks if block.lang == "" and block.body.startswith("$ ")] == [], \
        "an example of output is a text block, so that it is run"


def test_every_example_runs_and_prints_what_readme_shows(project):
    require_soffice()  # the examples fill the daftar isi and print PDFs
    bash = require_tool("bash")  # README's commands are a POSIX shell's (its Windows section is not run)
    copy, env = project
    failures = []
    for block in readme_blocks():
        if block.skipped:
            continue
        run = commands(block)
        if not run:
            continue
        restore = _prepare(block, copy)
        try:
            for command, shown in run:
                result = subprocess.run([bash, "-c", command], cwd=copy, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, encoding="utf-8", timeout=300)
                allowed = {0, 1} if shlex.split(command)[:2] == ["ikudoc", "diff"] else {0}
                if shown is not None and result.stdout.rstrip("\n") != shown.rstrip("\n"):
                    failures.append(f"README.md:{block.line}: {command}\n--- README\n{shown}--- printed\n"
                                    f"{result.stdout}")
                elif shown is None and result.returncode not in allowed:
                    failures.append(f"README.md:{block.line}: {command} -> {result.returncode}\n{result.stdout}")
        finally:
            for path, text in restore.items():
                path.write_bytes(text)
    assert failures == [], "\n\n".join(failures)


def _prepare(block: Block, copy: Path) -> dict[Path, bytes]:
    """Apply the block's edits (returning the files to restore after it) and put the files it reads."""
    restore: dict[Path, bytes] = {}
    for directive in block.directives:
        if edit := EDIT.fullmatch(directive):
            path = copy / edit["file"]
            restore.setdefault(path, path.read_bytes())
            text = path.read_text(encoding="utf-8")
            assert text.count(edit["old"]) == 1, f"README.md:{block.line}: {edit['old']!r} not once in {path}"
            path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
        elif typed := OFFICIAL_TEXT.fullmatch(directive):
            reference_as_typed(REFERENCE, copy / typed["file"])
    return restore
