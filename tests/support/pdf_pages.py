"""Read a PDF the way poppler's tools see it: page count, page sizes, text per page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from support import require_tool

MM = 72 / 25.4


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    info = subprocess.run([require_tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
                          check=True, capture_output=True, encoding="utf-8").stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext separates pages with a form feed)."""
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(pdf), "-"],
                          check=True, capture_output=True, encoding="utf-8").stdout
    return text.split("\f")[:-1]


def footer(page_text: str) -> str:
    """The last non-empty line of a page: its page number, when it has one."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def first_lampiran_page(texts):
    return next(i for i, text in enumerate(texts) if "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH" in text)


def assert_paged_like_the_word_layout(pdf, paper=(210, 297)):
    sizes, texts = page_sizes(pdf), page_texts(pdf)
    assert 8 <= len(sizes) <= 14
    lampiran = first_lampiran_page(texts)
    portrait = (pytest.approx(paper[0] * MM, abs=MM), pytest.approx(paper[1] * MM, abs=MM))  # LibreOffice rounds
    assert all(size == portrait for size in sizes[:lampiran])
    assert all(size == portrait[::-1] for size in sizes[lampiran:])
    labels = [footer(text) for text in texts]
    assert labels[1:3] == ["i", "ii"] and "BAB I PENDAHULUAN" in texts[3]
    assert labels[3:] == [str(n) for n in range(1, len(texts) - 2)]
    assert not labels[0].isdigit() and labels[0] not in ("i", "ii")
    for text in texts[lampiran:]:
        if "Makna Indikator" in text:
            assert "SASARAN" in text and "2021" in text and "SUMBER" in text, "table header on every page"
