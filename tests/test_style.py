"""The code passes the project's lint rules (pyproject's [tool.ruff]): a finding fails the build like a test."""

import subprocess
import sys

from support import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


def _unnamed_encodings(path):
    """Where ``path`` reads or writes text without naming its encoding (Windows would use cp1252): a
    read_text or write_text without encoding, open in text mode without it, subprocess output as text
    in the system's encoding (text=True, universal_newlines=True)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        keywords = {keyword.arg: keyword.value for keyword in node.keywords}
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        positional = len(node.args)
        if name == "read_text" and positional < 1 and "encoding" not in keywords:
            found.append(node.lineno)
        elif name == "write_text" and positional < 2 and "encoding" not in keywords:
            found.append(node.lineno)
        elif name == "open" and "encoding" not in keywords:  # open(PATH, MODE) or PATH.open(MODE)
            mode = (node.args[1] if positional > 1 else None) if isinstance(node.func, ast.Name) else (
                node.args[0] if positional else None)
            mode = mode or keywords.get("mode")
            if isinstance(node.func, ast.Name) and mode is None or (
                    isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" not in mode.value):
                found.append(node.lineno)
        elif name in ("run", "Popen", "check_output", "check_call", "call") and "encoding" not in keywords and any(
                isinstance(keywords.get(flag), ast.Constant) and keywords[flag].value is True
                for flag in ("text", "universal_newlines")):
            found.append(node.lineno)
    return [f"{path.relative_to(ROOT).as_posix()}:{line}" for line in found]


def test_every_text_read_or_written_names_its_encoding():
    """A default encoding is the ANSI code page on Windows (cp1252), not UTF-8: the content, the templates
    and what ikudoc prints would be read or written wrong there (CI runs the suite under cp1252 too)."""
    files = sorted(path for folder in ("src", "tests", "benchmarks") for path in (ROOT / folder).rglob("*.py"))
    assert [where for path in files for where in _unnamed_encodings(path)] == []
