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


def toc_claims(texts: list[str]) -> list[tuple[str, str]]:
    """(title, page label) of every daftar isi entry, read from the page that holds DAFTAR ISI."""
    page = next(text for text in texts if re.search(r"^\s*DAFTAR ISI\s*$", text, re.MULTILINE))
    return [(m.group(1).strip(), m.group(2)) for m in
            re.finditer(r"^\s*(\S.*?)\s*\.{4,}\s*([ivxlc]+|\d+)\s*$", page, re.MULTILINE)]


def wrong_toc_pages(pdf: Path) -> list[str]:
    """Every daftar isi entry whose named page does not hold its heading, described; [] when all do."""
    texts = page_texts(pdf)
    labels = [footer(text) for text in texts]
    wrong = []
    claims = toc_claims(texts)
    for title, label in claims:
        if labels.count(label) != 1:
            wrong.append(f"{title}: no single page numbered {label}")
        elif title not in " ".join(texts[labels.index(label)].split()):
            wrong.append(f"{title}: not on page {label}")
    return wrong if claims else ["no daftar isi entries found"]
