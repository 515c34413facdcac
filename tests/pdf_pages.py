"""Read a PDF the way poppler's tools see it: page count, page sizes, text per page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import require_tool


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    info = subprocess.run([require_tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
                          check=True, capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext separates pages with a form feed)."""
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def footer(page_text: str) -> str:
    """The last non-empty line of a page: its page number, when it has one."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
