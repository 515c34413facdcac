"""Variants of the sample content, made by small text edits, and the lines problems should name."""

from __future__ import annotations

import re
from pathlib import Path

from support import SAMPLE


def variant(tmp_path: Path, *edits: tuple[str, str], name: str = "iku_2024.toml", source: Path = SAMPLE) -> Path:
    """The sample content (or ``source``) with each (old, new) edit applied; every ``old`` must occur exactly
    once."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str, occurrence: int = 1) -> int:
    """The line number of the ``occurrence``-th line starting with ``fragment``."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(fragment)]
    return lines[occurrence - 1]


def filled(text: str) -> str:
    """``text`` as its user fills it in: each «placeholder» and «contoh: example» replaced by the text between
    the marks (which is what the document already prints)."""
    text = re.sub(r'"«(?:contoh:\s*)?([-+]?\d+(?:\.\d+)?)»"', r"\1", text)  # a number, written without quotes
    return re.sub(r"«(?:contoh:\s*)?([^«»]*)»", r"\1", text)


def filled_in(folder: Path) -> None:
    """Every content file under ``folder`` filled in (``filled``)."""
    for path in folder.rglob("*.toml"):
        path.write_text(filled(path.read_text(encoding="utf-8")), encoding="utf-8")
