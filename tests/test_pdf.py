"""The PDF is the signed Word file's pages: LibreOffice's print of the very DOCX ikudoc writes (the same
pages, words and daftar isi numbers, in A4 and F4, for every shape of table), with page labels as
printed, every font embedded, the document's own properties and date, reproducible to the byte, as a
PDF/A when asked; and without LibreOffice no PDF is written and one line says why."""

from __future__ import annotations

import subprocess
import time
import zipfile

import pikepdf
import pytest
from lxml import etree

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from support import FIXTURES, SAMPLE, require_tool
from support.document_text import normalise
from support.page_checker import faults, parts_of, read_pages, toc_numbers
from support.pdf_pages import assert_paged_like_the_word_layout, page_texts
from support.shapes import shaped_content, spread

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="session")
def signed_set(tmp_path_factory, office):
    """The sample built as it is signed: the DOCX, its daftar isi filled, and its PDF."""
    result = build_file(SAMPLE, tmp_path_factory.mktemp("pdf"), Options(("docx", "pdf"), fill_toc=True), office)
    return dict(zip(("docx", "pdf"), result.outputs, strict=True))


def words_per_page(pdf) -> list[list[str]]:
    return [normalise(text).split() for text in page_texts(pdf)]


SHAPES = {
    "contoh": lambda tmp_path: SAMPLE,
    "tabel-tujuh-indikator": lambda tmp_path: shaped_content(tmp_path, spread(7), years=range(2021, 2027)),
    "kolom-instansi-lain": lambda tmp_path: FIXTURES / "pemda_lima_tahun.toml",
}


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_pdf_is_the_docx_as_libreoffice_prints_it(shape, paper, office, tmp_path):
    content = SHAPES[shape](tmp_path)
    built = build_file(content, tmp_path / "build", Options(("docx", "pdf"), kertas=paper, fill_toc=True), office)
    docx, pdf = built.outputs
    printed = tmp_path / "dicetak-libreoffice.pdf"
    printed.write_bytes(office.to_pdf(docx.read_bytes()))  # LibreOffice's own print of the DOCX as written
    assert words_per_page(pdf) == words_per_page(printed), "the same words on the same pages"
    assert toc_numbers(read_pages(pdf)) == toc_numbers(read_pages(printed)) != {}
    assert faults(pdf, parts_of(content)) == []


def test_the_pdf_is_paged_like_the_word_layout_and_its_daftar_isi_is_true(signed_set):
    assert_paged_like_the_word_layout(signed_set["pdf"])
    numbers = toc_numbers(read_pages(signed_set["pdf"]))
    assert list(numbers)[:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]
    assert numbers["KATA PENGANTAR"] == "i" and numbers["BAB I PENDAHULUAN"] == "1" and len(numbers) == 13


def test_page_labels_are_the_printed_page_numbers(signed_set):
    with pikepdf.open(signed_set["pdf"]) as pdf:
        labels = [pikepdf.Page(page).label for page in pdf.pages]
    printed = [page.label for page in read_pages(signed_set["pdf"])]
    assert labels[:3] == ["Sampul", "i", "ii"] and labels[3:] == printed[3:] == [str(n) for n in
                                                                                  range(1, len(labels) - 2)]


def test_every_font_is_embedded(signed_set):
    listing = subprocess.run([require_tool("pdffonts"), str(signed_set["pdf"])], capture_output=True, encoding="utf-8")
    fonts = listing.stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


def test_properties_and_dates_are_the_documents_own(signed_set):
    with pikepdf.open(signed_set["pdf"]) as pdf:
        info = {key: str(value) for key, value in pdf.docinfo.items()}
        language = str(pdf.Root.Lang)
    assert info["/Title"] == ("Indikator Kinerja Utama OPD (IKU OPD) Perubahan 2024 – Dinas Koperasi dan UKM Provinsi "
                              "Lampung")
    assert info["/Author"] == "Dinas Koperasi dan UKM Provinsi Lampung"
    assert info["/Subject"].startswith("Indikator Kinerja Utama OPD Dinas Koperasi dan UKM Provinsi Lampung")
    assert info["/CreationDate"] == info["/ModDate"] == "D:20241001000000Z" and language == "id-ID"


def test_a_rebuild_gives_the_same_bytes(signed_set, office, tmp_path):
    time.sleep(1.1)  # LibreOffice stamps a PDF with the clock: the PDF must carry the document's date instead
    again = build_file(SAMPLE, tmp_path, Options(("docx", "pdf"), fill_toc=True), office).outputs
    assert [path.read_bytes() for path in again] == [signed_set[kind].read_bytes() for kind in ("docx", "pdf")]


@pytest.mark.parametrize("variant, part", [("pdf/a-2b", "2"), ("pdf/a-3b", "3")])
def test_archival_variants(tmp_path, office, variant, part):
    pdf = build_file(SAMPLE, tmp_path, Options(("pdf",), pdf_variant=variant), office).outputs[0]
    with pikepdf.open(pdf) as opened, opened.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == part and xmp["pdfaid:conformance"] == "B"
        assert xmp["dc:title"].startswith("Indikator Kinerja Utama OPD") and xmp["xmp:CreateDate"].startswith(
            "2024-10-01")


def test_a_pdf_alone_is_printed_from_the_filled_word_file(tmp_path, office):
    (pdf,) = build_file(SAMPLE, tmp_path, Options(("pdf",)), office).outputs
    assert toc_numbers(read_pages(pdf))["BAB IV PENUTUP"] == "8", "the daftar isi is numbered without --fill-toc"


def test_without_libreoffice_no_pdf_is_written_and_one_line_says_why(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("ikudoc.render.docx.libreoffice.find_soffice", lambda: None)
    assert main(["build", str(SAMPLE), "-o", str(tmp_path), "--format", "docx,pdf"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("gagal: PDF tidak dibuat: PDF adalah berkas Word seperti dicetak "
                                               "LibreOffice, dan LibreOffice belum bisa dijalankan; pasang LibreOffice")
    assert list(tmp_path.iterdir()) == []


def test_merged_sasaran_stays_whole_in_the_pdf(tmp_path, office):
    pdf = build_file(FIXTURES / "enam_tahun.toml", tmp_path, Options(("pdf",)), office).outputs[0]
    texts = [normalise(text) for text in page_texts(pdf)]
    rows = [n for n, text in enumerate(texts) for row in ("Makna dua.", "Makna tiga.") if row in text]
    assert len(rows) == 2 and rows[0] == rows[1], "the two rows under one merged sasaran share a page"


def test_f4_paper_applies_to_pdf_docx_and_html(tmp_path, office):
    result = build_file(SAMPLE, tmp_path, Options(("docx", "html", "pdf"), kertas="F4"), office)
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
    assert main(["build", str(content), "-o", str(tmp_path), "--margin", "30,20,25,40", "--no-fill-toc"]) == 0
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
                                       "misalnya 25,20,25,30. Lihat 'ikudoc build --help'.\n")


@pytest.mark.parametrize("args, message", [
    (["--pdf-variant", "pdf/a-3b"], "gagal: '--pdf-variant': butuh PDF: tambahkan pdf ke --format, misalnya "
                                    "--format docx,html,pdf. Lihat 'ikudoc build --help'.\n"),
    (["--fill-toc", "--format", "html"], "gagal: '--fill-toc': mengisi daftar isi DOCX: tambahkan docx ke --format. "
                                         "Lihat 'ikudoc build --help'.\n"),
])
def test_options_that_need_a_format(capsys, args, message):
    assert main(["build", str(SAMPLE), *args]) == 2
    assert capsys.readouterr().err == message


def test_page_labels_follow_the_numbers_at_the_foot_of_the_pages():
    from ikudoc.render.pdf import _likely

    assert _likely(set(), None) is None, "an unnumbered cover"
    assert _likely({("r", 1)}, None) == ("r", 1)
    assert _likely({("D", 5), ("D", 3)}, ("D", 2)) == ("D", 3), "a number in a table cell at the foot is not it"
    assert _likely({("D", 1), ("r", 3)}, ("r", 2)) == ("r", 3)
    assert _likely({("D", 1)}, ("r", 2)) == ("D", 1), "the body starts at 1 after the roman pages"
