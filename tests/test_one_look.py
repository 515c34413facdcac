"""The Word file and the PDF are one document to the eye: the same lampiran layout, the same type sizes
and the same column proportions, as LibreOffice prints the Word file and as ikudoc prints its PDF."""

from __future__ import annotations

import re
import subprocess

import pypdf
import pytest

from ikudoc.commands.build import Options, build_file
from support import SAMPLE, require_tool, require_weasyprint

TOLERANCE = 2 * 72 / 25.4  # 2 mm, in points


@pytest.fixture(scope="module")
def both(office, tmp_path_factory):
    """{"docx": LibreOffice's print of the Word file, "pdf": ikudoc's PDF}."""
    require_weasyprint()
    folder = tmp_path_factory.mktemp("satu-rupa")
    result = build_file(SAMPLE, folder, Options(("docx", "pdf"), fill_toc=True), office)
    printed = folder / "docx-dicetak.pdf"
    printed.write_bytes(office.to_pdf(result.data["docx"]))
    return {"docx": printed, "pdf": result.outputs[1]}


def page_of(pdf, text: str) -> int:
    return next(n for n, page in enumerate(pypdf.PdfReader(pdf).pages) if text in page.extract_text())


def type_sizes(pdf, page: int) -> dict[str, float]:
    """Text shown on the page -> its type size in points (the first word of each text run)."""
    sizes = {}

    def visit(text, cm, tm, _font, size):
        if text.strip():
            sizes.setdefault(text.split()[0], round(size * abs(tm[3]) * abs(cm[3]), 1))

    pypdf.PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return sizes


def word_positions(pdf, page: int) -> dict[str, float]:
    """Word -> the left edge (points) of its first occurrence on the page."""
    bbox = subprocess.run([require_tool("pdftotext"), "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(pdf),
                           "-"], check=True, capture_output=True, encoding="utf-8").stdout
    positions = {}
    for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox):
        positions.setdefault(word, float(x))
    return positions


def test_lampiran_items_and_lists_are_one_size_and_where_the_word_file_has_them(both):
    lampiran = {kind: page_of(pdf, "NAMA ORGANISASI") for kind, pdf in both.items()}
    for kind, pdf in both.items():
        sizes = type_sizes(pdf, lampiran[kind])
        assert sizes["NAMA"] == sizes["TUGAS"] == sizes["Melaksanakan"] == sizes["Perumusan"] == 11.0, kind
    docx, pdf = (word_positions(both[kind], lampiran[kind]) for kind in ("docx", "pdf"))
    for word in ("NAMA", "TUGAS", ":", "DINAS", "Melaksanakan", "Perumusan"):
        assert abs(docx[word] - pdf[word]) < TOLERANCE, word


def test_table_figures_are_as_large_as_its_text_and_its_columns_where_the_word_file_has_them(both):
    table = {kind: page_of(pdf, "Makna Indikator") for kind, pdf in both.items()}
    for kind, pdf in both.items():
        sizes = type_sizes(pdf, table[kind])
        figures = [size for text, size in sizes.items() if re.fullmatch(r"\d+,\d+", text)]
        assert figures and set(figures) == {sizes["Makna"]} == {9.0}, kind
    docx, pdf = (word_positions(both[kind], table[kind]) for kind in ("docx", "pdf"))
    for header in ("NO", "SASARAN", "INDIKATOR", "PENJELASAN", "2021", "SAT.", "SUMBER"):
        assert abs(docx[header] - pdf[header]) < TOLERANCE, header
