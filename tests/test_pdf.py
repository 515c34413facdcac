"""The PDF is print-ready: paged as the Word layout intends, a daftar isi whose page numbers are true,
page labels as printed, fonts embedded, metadata from the content, reproducible, in A4 or F4."""

from __future__ import annotations

import datetime
import io
import subprocess
import time
import zipfile

import pypdf
import pytest
from lxml import etree

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from support import SAMPLE, require_tool, require_weasyprint
from support.document_text import normalise
from support.page_checker import faults, parts_of, read_pages, toc_numbers
from support.pdf_pages import assert_paged_like_the_word_layout, page_texts

MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _weasyprint():
    require_weasyprint()


@pytest.fixture(scope="session")
def weasy_pdf(tmp_path_factory):
    return build_file(SAMPLE, tmp_path_factory.mktemp("pdf"), Options(("pdf",))).outputs[0]


def test_weasyprint_pdf_is_paged_like_the_word_layout(weasy_pdf):
    assert_paged_like_the_word_layout(weasy_pdf)


def test_weasyprint_daftar_isi_names_the_true_pages(weasy_pdf):
    numbers = toc_numbers(read_pages(weasy_pdf))
    assert list(numbers)[:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]
    assert len(numbers) == 13 and numbers["KATA PENGANTAR"] == "i" and numbers["BAB I PENDAHULUAN"] == "1"
    assert faults(weasy_pdf, parts_of(SAMPLE)) == []


def test_page_labels_are_the_printed_page_numbers(weasy_pdf):
    labels = pypdf.PdfReader(weasy_pdf).page_labels
    assert labels == ["Sampul", "i", "ii"] + [page.label for page in read_pages(weasy_pdf)][3:]
    assert labels[3:] == [str(n) for n in range(1, len(labels) - 2)]


def test_merged_sasaran_stays_whole_in_the_pdf(tmp_path):
    from conftest import FIXTURES

    pdf = build_file(FIXTURES / "enam_tahun.toml", tmp_path, Options(("pdf",))).outputs[0]
    texts = [normalise(text) for text in page_texts(pdf)]
    rows = [n for n, text in enumerate(texts) for row in ("Makna dua.", "Makna tiga.") if row in text]
    assert len(rows) == 2 and rows[0] == rows[1], "the two rows under one merged sasaran share a page"


def test_fonts_are_embedded(weasy_pdf):
    listing = subprocess.run([require_tool("pdffonts"), str(weasy_pdf)], capture_output=True, encoding="utf-8").stdout
    fonts = listing.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)
    assert all("Liberation-Sans" in line or "Arial" in line for line in fonts)


def test_metadata_comes_from_the_content(weasy_pdf):
    reader = pypdf.PdfReader(weasy_pdf)
    info = reader.metadata
    assert info.title == "Indikator Kinerja Utama OPD (IKU OPD) Perubahan 2024 – Dinas Koperasi dan UKM Provinsi Lampung"
    assert info.author == "Dinas Koperasi dan UKM Provinsi Lampung"
    assert info.subject.startswith("Indikator Kinerja Utama OPD Dinas Koperasi dan UKM Provinsi Lampung")
    assert info.creation_date == info.modification_date == datetime.datetime(2024, 10, 1)
    assert reader.trailer["/Root"]["/Lang"] == "id"


def test_pdf_is_reproducible(tmp_path, weasy_pdf):
    time.sleep(1.1)  # embedded fonts carry a time stamp: it must not be the clock's
    again = build_file(SAMPLE, tmp_path, Options(("pdf",))).outputs[0]
    assert again.read_bytes() == weasy_pdf.read_bytes()


def test_archival_variant(tmp_path):
    pdf = build_file(SAMPLE, tmp_path, Options(("pdf",), pdf_variant="pdf/a-3b")).outputs[0]
    description = pypdf.PdfReader(pdf).xmp_metadata.rdf_root.getElementsByTagName("rdf:Description")
    ids = {(d.getAttribute("pdfaid:part"), d.getAttribute("pdfaid:conformance")) for d in description}
    assert ("3", "B") in ids


def test_f4_paper_applies_to_pdf_docx_and_html(tmp_path):
    result = build_file(SAMPLE, tmp_path, Options(("docx", "html", "pdf"), kertas="F4"))
    docx_file, html_file, pdf_file = result.outputs
    assert_paged_like_the_word_layout(pdf_file, paper=(215, 330))
    assert faults(pdf_file, parts_of(SAMPLE)) == []
    with zipfile.ZipFile(docx_file) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    sizes = [(s.get(f"{W}w"), s.get(f"{W}h"), s.get(f"{W}orient")) for s in document.iter(f"{W}pgSz")]
    assert sizes == [("12189", "18709", None)] * 3 + [("18709", "12189", "landscape")]
    iku_table = document.find(f".//{W}tbl/{W}tblPr/{W}tblStyle[@{W}val='TabelIKU']/..")
    assert iku_table.find(f"{W}tblW").get(f"{W}w") == str(18709 - 2 * 1134)
    assert "@page { size: 215.0mm 330.0mm;" in html_file.read_text(encoding="utf-8")


def test_f4_from_the_content_and_margins_from_the_command_line(tmp_path, capsys):
    content = tmp_path / "iku.toml"
    content.write_text(SAMPLE.read_text(encoding="utf-8").replace('tempat = "Bandar Lampung"',
                                                                   'tempat = "Bandar Lampung"\nkertas = "F4"'),
                       encoding="utf-8")
    assert main(["build", str(content), "-o", str(tmp_path), "--margin", "30,20,25,40"]) == 0
    with zipfile.ZipFile(tmp_path / "iku.docx") as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    margins = {(m.get(f"{W}top"), m.get(f"{W}right"), m.get(f"{W}bottom"), m.get(f"{W}left"))
               for m in document.iter(f"{W}pgMar")}
    assert margins == {("1701", "1134", "1417", "2268")}
    assert {s.get(f"{W}h") for s in document.iter(f"{W}pgSz")} == {"18709", "12189"}
    assert "margin: 30.0mm 20.0mm 25.0mm 40.0mm;" in (tmp_path / "iku.html").read_text(encoding="utf-8")


def test_bad_margin_option(capsys):
    assert main(["build", "--margin", "25,20"]) == 2
    assert capsys.readouterr().err == ("gagal: '--margin': '25,20' bukan empat angka milimeter 5-60 dipisah koma, "
                                       "misalnya 25,20,25,30. Lihat 'ikudoc --help'.\n")


@pytest.mark.parametrize("args, message", [
    (["--pdf-variant", "pdf/a-3b"], "gagal: '--pdf-variant': butuh PDF: tambahkan pdf ke --format, misalnya "
                                    "--format docx,html,pdf. Lihat 'ikudoc --help'.\n"),
    (["--fill-toc", "--format", "html"], "gagal: '--fill-toc': mengisi daftar isi DOCX: tambahkan docx ke --format. "
                                         "Lihat 'ikudoc --help'.\n"),
])
def test_options_that_need_a_format(capsys, args, message):
    assert main(["build", str(SAMPLE), *args]) == 2
    assert capsys.readouterr().err == message


def test_a_cell_spanning_rows_that_a_page_break_splits_is_repeated_on_the_new_page():
    """WeasyPrint leaves a row-spanning cell empty on the page where its rows go on (its #833)."""
    from ikudoc.render.pdf import render_pdf

    tall = "Penjelasan yang cukup panjang untuk mengisi halaman. " * 18
    rows = "".join(f"<tr><td>{n}.</td><td>{tall}</td></tr>" for n in (2, 3))
    html = (f"<style>@page {{ size: A5 landscape; margin: 10mm }} td {{ border: 1px solid }} tr {{ break-inside: avoid }}"
            f"</style><table><thead><tr><th>NO</th><th>SASARAN</th><th>ISI</th></tr></thead><tbody><tr><td>1.</td>"
            f"<td rowspan=3>Sasaran Yang Berlanjut</td><td>{tall}</td></tr>{rows}</tbody></table>")
    pdf = render_pdf(html.encode(), datetime.date(2025, 1, 1))
    pages = [normalise(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 3 and all("Sasaran Yang Berlanjut" in page for page in pages)


def test_repeating_a_split_cell_keeps_the_table_grid():
    from ikudoc.render.pdf import repeat_spanning_cells

    html = ("<table><tr><td rowspan=3>S</td><td rowspan=2>A</td><td>1</td></tr><tr><td>2</td></tr>"
            "<tr><td>B</td><td>3</td></tr></table>")
    repeated = repeat_spanning_cells(html, [1])
    assert ('<tr><td rowspan="1">S</td><td rowspan="1">A</td><td>1</td></tr>'
            '<tr><td rowspan="2" class="lanjutan">S</td><td rowspan="1" class="lanjutan">A</td><td>2</td></tr>'
            '<tr><td>B</td><td>3</td></tr>') in repeated


def test_no_line_holds_one_stray_word_in_the_f4_pdf(tmp_path):
    """WeasyPrint broke "... tujuan yang / ingin / dicapai ..." before a bold run on F4 paper."""
    pdf = build_file(SAMPLE, tmp_path, Options(("pdf",), kertas="F4")).outputs[0]
    lines = [line.strip() for page in page_texts(pdf) for line in page.splitlines()]
    start = next(n for n, line in enumerate(lines) if line.startswith("Berdasarkan pernyataan visi dan misi"))
    assert lines[start + 1].startswith("ingin dicapai oleh Dinas Koperasi")
