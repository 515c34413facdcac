"""The PDF is print-ready: paged as the Word layout intends, a daftar isi whose page numbers are true,
fonts embedded, metadata from the content, reproducible, in A4 or F4; and LibreOffice can fill the
Word file's daftar isi so that it shows page numbers without Word."""

from __future__ import annotations

import datetime
import io
import subprocess
import time
import zipfile

import pypdf
import pytest
from lxml import etree
from PIL import Image

from conftest import SAMPLE, docx_to_pdf, require_libreoffice_python, require_tool, require_weasyprint
from document_text import normalise
from ikudoc import libreoffice
from ikudoc.build import Options, build_file
from ikudoc.cli import main
from ikudoc.libreoffice import toc_entries
from pdf_pages import footer, page_sizes, page_texts, toc_claims, wrong_toc_pages

MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _weasyprint():
    require_weasyprint()


@pytest.fixture(scope="session")
def weasy_pdf(tmp_path_factory):
    return build_file(SAMPLE, tmp_path_factory.mktemp("pdf"), Options(("pdf",))).outputs[0]


@pytest.fixture(scope="session")
def filled_docx(tmp_path_factory):
    require_libreoffice_python()
    result = build_file(SAMPLE, tmp_path_factory.mktemp("filled"), Options(("docx",), fill_toc=True))
    assert result.catatan == ()
    return result.outputs[0]


@pytest.fixture(scope="session")
def filled_docx_pdf(filled_docx, tmp_path_factory):
    return docx_to_pdf(filled_docx, tmp_path_factory.mktemp("filled-pdf"))


def first_lampiran_page(texts):
    return next(i for i, text in enumerate(texts) if "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH" in text)


def assert_paged_like_the_word_layout(pdf, paper=(210, 297)):
    sizes, texts = page_sizes(pdf), page_texts(pdf)
    assert 8 <= len(sizes) <= 14
    lampiran = first_lampiran_page(texts)
    portrait = (pytest.approx(paper[0] * MM, abs=0.5), pytest.approx(paper[1] * MM, abs=0.5))
    assert all(size == portrait for size in sizes[:lampiran])
    assert all(size == portrait[::-1] for size in sizes[lampiran:])
    labels = [footer(text) for text in texts]
    assert labels[1:3] == ["i", "ii"] and "BAB I PENDAHULUAN" in texts[3]
    assert labels[3:] == [str(n) for n in range(1, len(texts) - 2)]
    assert not labels[0].isdigit() and labels[0] not in ("i", "ii")
    for text in texts[lampiran:]:
        if "Makna Indikator" in text:
            assert "SASARAN" in text and "2021" in text and "SUMBER" in text, "table header on every page"


def test_weasyprint_pdf_is_paged_like_the_word_layout(weasy_pdf):
    assert_paged_like_the_word_layout(weasy_pdf)


def test_weasyprint_daftar_isi_names_the_true_pages(weasy_pdf):
    claims = toc_claims(page_texts(weasy_pdf))
    assert [title for title, _ in claims][:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]
    assert len(claims) == 13 and claims[0][1] == "i" and claims[2][1] == "1"
    assert wrong_toc_pages(weasy_pdf) == []


def test_page_checker_notices_a_wrong_page(weasy_pdf, tmp_path, monkeypatch):
    import pdf_pages

    texts = page_texts(weasy_pdf)
    toc = next(i for i, t in enumerate(texts) if "Halaman" in t)
    texts[toc] = texts[toc].replace("BAB IV PENUTUP", "BAB III PENETAPAN INDIKATOR KINERJA UTAMA", 1)
    monkeypatch.setattr(pdf_pages, "page_texts", lambda _pdf: texts)
    assert pdf_pages.wrong_toc_pages(weasy_pdf) == ["BAB III PENETAPAN INDIKATOR KINERJA UTAMA: not on page 8"]


def test_merged_sasaran_stays_whole_in_the_pdf(tmp_path):
    from conftest import FIXTURES

    pdf = build_file(FIXTURES / "enam_tahun.toml", tmp_path, Options(("pdf",))).outputs[0]
    texts = [normalise(text) for text in page_texts(pdf)]
    rows = [n for n, text in enumerate(texts) for row in ("Makna dua.", "Makna tiga.") if row in text]
    assert len(rows) == 2 and rows[0] == rows[1], "the two rows under one merged sasaran share a page"


def test_fonts_are_embedded(weasy_pdf):
    listing = subprocess.run([require_tool("pdffonts"), str(weasy_pdf)], capture_output=True, text=True).stdout
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
    assert wrong_toc_pages(pdf_file) == []
    with zipfile.ZipFile(docx_file) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    sizes = [(s.get(f"{W}w"), s.get(f"{W}h"), s.get(f"{W}orient")) for s in document.iter(f"{W}pgSz")]
    assert sizes == [("12189", "18709", None)] * 3 + [("18709", "12189", "landscape")]
    table_width = document.find(f".//{W}tbl/{W}tblPr/{W}tblW")
    assert table_width.get(f"{W}w") == str(18709 - 2 * 1134)
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


def test_filled_docx_has_every_entry_with_its_page(filled_docx):
    entries = toc_entries(filled_docx.read_bytes())
    assert [title for title, _ in entries] == [
        "KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "1.1 Latar Belakang", "1.2 Maksud dan Tujuan",
        "BAB II PENGERTIAN INDIKATOR KINERJA UTAMA", "2.1 PENGERTIAN INDIKATOR KINERJA UTAMA", "2.2 VISI DAN MISI",
        "2.3 TUJUAN DAN SASARAN", "2.4 STRATEGI DAN KEBIJAKAN", "BAB III PENETAPAN INDIKATOR KINERJA UTAMA",
        "BAB IV PENUTUP", "LAMPIRAN",
    ]
    assert entries[0][1] == "i" and entries[2][1] == "1" and all(page for _, page in entries)


def test_filled_docx_pages_match_the_pdf_libreoffice_prints_from_it(filled_docx, filled_docx_pdf):
    assert_paged_like_the_word_layout(filled_docx_pdf)
    texts = page_texts(filled_docx_pdf)
    labels = [footer(text) for text in texts]
    for title, page in toc_entries(filled_docx.read_bytes()):
        assert title in normalise(texts[labels.index(page)]), f"{title} is not on page {page}"
    assert wrong_toc_pages(filled_docx_pdf) == []


def test_fill_toc_without_libreoffice_says_so_and_keeps_the_docx(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "a"), "--format", "docx", "--fill-toc"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (f"{SAMPLE}: catatan: LibreOffice tidak ditemukan, daftar isi tidak diisi; DOCX dibiarkan "
                            "seperti dibangun (Word mengisinya saat berkas dibuka)\n")
    plain = build_file(SAMPLE, tmp_path / "b", Options(("docx",))).outputs[0]
    assert (tmp_path / "a" / "iku_2024.docx").read_bytes() == plain.read_bytes()


def test_preview_writes_page_thumbnails_and_a_contact_sheet(tmp_path, capsys, weasy_pdf):
    (tmp_path / "pratinjau" / "iku_2024").mkdir(parents=True)
    (tmp_path / "pratinjau" / "iku_2024" / "halaman-99.png").write_bytes(b"lama")
    assert main(["preview", str(SAMPLE), "-o", str(tmp_path)]) == 0
    folder = tmp_path / "pratinjau" / "iku_2024"
    pages = len(page_sizes(weasy_pdf))
    assert capsys.readouterr().out == f"ditulis {folder / 'ringkasan.png'} ({pages} halaman di {folder})\n"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"halaman-{n:02d}.png" for n in range(1, pages + 1)] + ["ringkasan.png"]
    first, lampiran, sheet = (Image.open(io.BytesIO((folder / name).read_bytes())) for name in
                              ("halaman-01.png", f"halaman-{pages:02d}.png", "ringkasan.png"))
    assert first.height > first.width and lampiran.width > lampiran.height
    assert sheet.width > 4 * first.width


def test_filled_docx_is_reproducible(filled_docx, tmp_path):
    time.sleep(1.1)
    again = build_file(SAMPLE, tmp_path, Options(("docx",), fill_toc=True)).outputs[0]
    assert again.read_bytes() == filled_docx.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert b"__RefHeading" not in archive.read("word/document.xml")
        assert b"2024-10-01T00:00:00Z" in archive.read("docProps/core.xml")


@pytest.mark.parametrize("args, message", [
    (["--pdf-variant", "pdf/a-3b"], "gagal: '--pdf-variant': butuh PDF: tambahkan pdf ke --format, misalnya "
                                    "--format docx,html,pdf. Lihat 'ikudoc --help'.\n"),
    (["--fill-toc", "--format", "html"], "gagal: '--fill-toc': mengisi daftar isi DOCX: tambahkan docx ke --format. "
                                         "Lihat 'ikudoc --help'.\n"),
])
def test_options_that_need_a_format(capsys, args, message):
    assert main(["build", str(SAMPLE), *args]) == 2
    assert capsys.readouterr().err == message
