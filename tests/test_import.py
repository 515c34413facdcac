"""``ikudoc import``: a Word IKU as typists make it becomes a content file that builds into the same text."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.commands.check import check_file
from ikudoc.iku.loader import load
from ikudoc.importer import NotAnIku, import_word
from ikudoc.importer.periksa import Periksa
from ikudoc.importer.table import _split_penjelasan, parse_number
from ikudoc.importer.toml_writer import basic_string, multiline_string
from support import REFERENCE, ROOT, SAMPLE, require_soffice, shown
from support.document_text import docx_blocks, missing_in_order
from support.word_fixtures import (
    Row,
    TableSpec,
    TypedDocument,
    add_footnote,
    number_headings_like_word,
    ole_file,
    reference_as_typed,
    word97_fib,
)
from test_fidelity import expected_blocks

SIGNATURE = ["Bandar Lampung, Oktober 2024", "KEPALA DINAS,", "dr. ANI WIJAYA, M.Kes.", "Pembina Utama Muda",
             "NIP. 19700101 199503 2 001"]

PENJELASAN = ["Makna Indikator : Persalinan yang ditolong tenaga kesehatan di fasilitas kesehatan.",
              "Alasan Pemilihan : Menurunkan risiko kematian ibu.",
              "Rumus Perhitungan : Persalinan di fasilitas dibagi seluruh persalinan dikali 100 persen"]


def revision_document() -> TypedDocument:
    """A revised IKU, 4 years before and after, typed in Normal paragraphs with bold headings."""
    return TypedDocument(
        cover=["INDIKATOR KINERJA UTAMA OPD", "(IKU OPD)", "PERUBAHAN 2024", "PEMERINTAH KABUPATEN CONTOH",
               "DINAS KESEHATAN"],
        pengantar=["Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa. Dokumen ini disusun "
                   "sebagai acuan kinerja Dinas Kesehatan Kabupaten Contoh.",
                   "Kami mengucapkan terima kasih kepada semua pihak."],
        signature=SIGNATURE,
        toc=["Halaman", "KATA PENGANTAR\ti", "DAFTAR ISI\tii", "BAB. I. PENDAHULUAN\t1", "I. 1. Latar Belakang\t1",
             "BAB.II. GAMBARAN UMUM\t2", "2. 1. Visi dan Misi\t2", "BAB. III PENUTUP.....\t5", "LAMPIRAN\t"],
        body=[
            "#BAB. I. PENDAHULUAN",
            "##I. 1. Latar Belakang",
            "Indikator Kinerja Utama adalah ukuran keberhasilan (*Key Performance Indicators*) Dinas Kesehatan "
            "Kabupaten Contoh. Pemerintah Kabupaten Contoh menetapkan **IKU** setiap periode Renstra 2021 - 2026.",
            "Tujuan penetapan IKU adalah :",
            "1. Memperoleh informasi kinerja yang penting;",
            "2. Memperoleh ukuran keberhasilan organisasi.",
            "#BAB II",
            "#GAMBARAN UMUM",
            "##2.1 VISI DAN MISI",
            "Visi Kabupaten Contoh tahun 2021 - 2026 adalah “**CONTOH MAJU DAN SEJAHTERA**”. Untuk mewujudkannya "
            "dirumuskan misi sebagai berikut :",
            "1. Misi-1: Meningkatkan kualitas sumber daya manusia yang sehat dan cerdas.",
            "2. Misi-2: Mewujudkan tata kelola pemerintahan yang baik.",
            "Dinas Kesehatan mendukung misi pertama, yaitu Meningkatkan kualitas sumber daya manusia yang sehat "
            "dan cerdas.",
            "##2.2 TUJUAN DAN SASARAN",
            "Tujuan Dinas Kesehatan adalah **“Meningkatnya Derajat Kesehatan Masyarakat”** dengan sasaran :",
            "1. Meningkatnya Pelayanan Kesehatan Ibu",
            "2. Meningkatnya Mutu Layanan Kesehatan",
            "##2.3 STRATEGI DAN KEBIJAKAN",
            "Strategi yang dijalankan adalah sebagai berikut :",
            "- a. Memperluas jangkauan layanan kesehatan dasar",
            "- b. Meningkatkan mutu tenaga kesehatan",
            "Kebijakan yang ditempuh adalah sebagai berikut :",
            "1. Pemerataan fasilitas kesehatan",
            "2. Peningkatan kompetensi tenaga kesehatan",
            "#BAB. III PENUTUP",
            "Dinas Kesehatan menetapkan indikator kinerja utama sebagai berikut :",
            "1. Persentase Persalinan di Fasilitas Kesehatan",
            "2. Indeks Kepuasan Masyarakat",
            "3. Jumlah Puskesmas Terakreditasi",
            "4. Rasio Dokter per Penduduk",
            "Demikian IKU ini disusun untuk dipergunakan sebagaimana mestinya.",
        ],
        lampiran=["INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH (IKU-OPD)",
                  "1. NAMA ORGANISASI : DINAS KESEHATAN KABUPATEN CONTOH", "2. TUGAS :",
                  "Melaksanakan urusan pemerintahan bidang kesehatan.", "3. FUNGSI :",
                  "1. Perumusan kebijakan teknis bidang kesehatan;", "2. Pelaksanaan pelayanan kesehatan; dan",
                  "3. Pelaksanaan tugas lain dari Bupati.", "4. INDIKATOR KINERJA UTAMA"],
        table=TableSpec(
            years=["2023", "2024", "2025", "2026"],
            groups=["TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)", "TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)"],
            rows=[
                Row("Meningkatnya Pelayanan Kesehatan Ibu", "Persentase Persalinan di Fasilitas Kesehatan",
                    PENJELASAN, ["33,54", "34,26", "35,22", "36,18", "33,54", "34,26", "35,22", "8,57"]),
                Row("Meningkatnya Mutu Layanan Kesehatan", "Indeks Kepuasan Masyarakat",
                    ["Makna Indikator : Kepuasan warga atas layanan."], ["80", "81", "82", "83"] * 2, "indeks"),
                Row(None, "Jumlah Puskesmas Terakreditasi", ["Makna Indikator : Puskesmas yang terakreditasi."],
                    ["N/A", "12", "14", "16", "N/A", "12", "15", "18"], "unit"),
                Row(None, "Rasio Dokter per Penduduk", ["Makna Indikator : Dokter per 100.000 penduduk."],
                    ["1.234,5", "-", "1.300", "1.350", "1.234,5", "-", "1.300", "1.400"], "rasio"),
            ]),
    )


def five_year_document() -> TypedDocument:
    """An IKU with Word's heading styles and numbered lists, one target group of five years, and the
    sasaran typed again in each row."""
    document = revision_document()
    document.cover = ["INDIKATOR KINERJA UTAMA", "(IKU)", "PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN"]
    document.heading_styles = True
    document.body = [
        "#BAB I PENDAHULUAN",
        "##1.1 Latar Belakang",
        "IKU Dinas Kesehatan disusun untuk periode 2025 - 2029. Ini adalah tolok ukur kinerja.",
        "Manfaatnya adalah :",
        "@Perencanaan jangka menengah",
        "@Pelaporan kinerja",
        "#BAB II PENUTUP",
        "Demikian dokumen ini dibuat.",
    ]
    document.table = TableSpec(
        years=["2025", "2026", "2027", "2028", "2029"], groups=["TARGET KINERJA TAHUN"], repeat_sasaran=True,
        rows=[Row("Meningkatnya Pelayanan Kesehatan", "Persentase Balita Gizi Baik", PENJELASAN,
                  ["90", "91", "92,5", "93", "95"]),
              Row("Meningkatnya Pelayanan Kesehatan", "Angka Harapan Hidup", ["Makna Indikator : Usia harapan."],
                  ["70,1", "70,2", "70,3", "70,4", "70,5"], "tahun"),
              Row("Meningkatnya Pelayanan Kesehatan", "Cakupan Imunisasi", ["Makna Indikator : Imunisasi dasar."],
                  ["95", "95", "96", "97", "98"])])
    return document


def typed_blocks(path: Path, document: TypedDocument) -> list[str]:
    """The text of a typed fixture as ikudoc prints it: the typed daftar isi left out (ikudoc makes its
    own), typed heading and list numbers left out (ikudoc's are generated), "BAB II" above its title too."""
    blocks = docx_blocks(path)
    start = blocks.index("DAFTAR ISI") + 1
    end = start + len(document.toc)
    expected = []
    for block in blocks[:start] + blocks[end:]:
        if re.fullmatch(r"BAB\.?\s*[IVX]+\.?", block):
            continue
        block = re.sub(r"^BAB\.?\s*[IVX]+\.?\s*", "", block)
        block = re.sub(r"^(?:[IVX]+|\d)\.\s*\d\.?\s+|^\d\.\d\s+", "", block)
        block = re.sub(r"^(?:- )?(?:\d{1,2}|[a-z])\.\s+", "", block)
        expected.append(block)
    return expected


def imported(tmp_path: Path, document: TypedDocument, name: str = "iku_contoh"):
    source = document.save(tmp_path / f"{name}.docx")
    result = import_word(source, f"content/{name}.toml")
    content = tmp_path / f"{name}.toml"
    content.write_text(result.text, encoding="utf-8")
    return source, content, result


def reviewed(content: Path) -> Path:
    """``content`` after its user checked every required guess and deleted its "# PERIKSA WAJIB" comment."""
    lines = content.read_text(encoding="utf-8").splitlines(keepends=True)
    content.write_text("".join(line for line in lines if not line.startswith("# PERIKSA WAJIB")), encoding="utf-8")
    return content


def built_docx(content: Path, out: Path) -> Path:
    return build_file(content, out, Options(("docx",))).outputs[0]


def test_a_typed_revision_imports_builds_and_keeps_every_text_in_order(tmp_path):
    document = revision_document()
    source, content, _ = imported(tmp_path, document)
    built = built_docx(content, tmp_path / "build")
    assert missing_in_order(typed_blocks(source, document), docx_blocks(built)) == []


def test_the_table_data_is_exact(tmp_path):
    _, content, _ = imported(tmp_path, revision_document())
    konten = load(content)
    assert [s.nama for s in konten.sasaran] == ["Meningkatnya Pelayanan Kesehatan Ibu",
                                                "Meningkatnya Mutu Layanan Kesehatan"]
    assert [len(s.indikator) for s in konten.sasaran] == [1, 3]
    first = konten.sasaran[0].indikator[0]
    assert {y: t.nilai for y, t in first.target.items()} == {
        "2023": Decimal("33.54"), "2024": Decimal("34.26"), "2025": Decimal("35.22"), "2026": Decimal("8.57")}
    assert first.target_sebelum["2026"].nilai == Decimal("36.18")
    assert (first.makna.sumber, first.alasan_pemilihan.sumber, first.rumus_perhitungan.sumber) == (
        "Persalinan yang ditolong tenaga kesehatan di fasilitas kesehatan.", "Menurunkan risiko kematian ibu.",
        "Persalinan di fasilitas dibagi seluruh persalinan dikali 100 persen")
    puskesmas, rasio = konten.sasaran[1].indikator[1:]
    assert [t.nilai for t in puskesmas.target.values()] == ["N/A", 12, 15, 18]
    assert [t.nilai for t in rasio.target.values()] == [Decimal("1234.5"), "-", 1300, 1400]
    assert (rasio.satuan, rasio.sumber_data) == ("rasio", "Dinas")


def test_front_matter_and_facts_are_recognised(tmp_path):
    _, content, result = imported(tmp_path, revision_document())
    konten = load(content)
    assert (konten.dokumen.judul, konten.dokumen.singkatan, konten.dokumen.perubahan) == (
        "Indikator Kinerja Utama OPD", "IKU OPD", "Perubahan 2024")
    assert (konten.dokumen.periode.awal, konten.dokumen.periode.akhir) == (2021, 2026)
    assert (konten.dokumen.tempat, str(konten.dokumen.tanggal.tanggal)) == ("Bandar Lampung", "2024-10-01")
    assert (konten.instansi.pemerintah, konten.instansi.nama_singkat) == (
        "Pemerintah Kabupaten Contoh", "Dinas Kesehatan Kabupaten Contoh")
    signer = konten.penandatangan
    assert (signer.jabatan, signer.nama, signer.pangkat, signer.nip) == (
        "Kepala Dinas", "dr. ANI WIJAYA, M.Kes.", "Pembina Utama Muda", "19700101 199503 2 001")
    assert konten.rpjmd.visi.sumber == "CONTOH MAJU DAN SEJAHTERA"
    assert [m.sumber for m in konten.rpjmd.misi] == [
        "Meningkatkan kualitas sumber daya manusia yang sehat dan cerdas.",
        "Mewujudkan tata kelola pemerintahan yang baik."]
    assert konten.rpjmd.misi_pilihan == 1
    assert konten.renstra.tujuan.sumber == "Meningkatnya Derajat Kesehatan Masyarakat"
    assert [s.sumber for s in konten.renstra.strategi] == ["Memperluas jangkauan layanan kesehatan dasar",
                                                          "Meningkatkan mutu tenaga kesehatan"]
    assert len(konten.renstra.kebijakan) == 2
    assert [t.sumber for t in konten.organisasi.tugas] == ["Melaksanakan urusan pemerintahan bidang kesehatan."]
    assert len(konten.organisasi.fungsi) == 3
    text = content.read_text(encoding="utf-8")
    for reference in ("{visi}", "{daftar_misi}", "{misi_pilihan}", "{tujuan}", "{daftar_sasaran}",
                      "{daftar_strategi}", "{daftar_kebijakan}", "{daftar_iku}"):
        assert reference in text
    assert "Dinas Kesehatan mendukung misi pertama, yaitu {misi_pilihan}" in text


def test_headings_lose_their_typed_numbers_and_text_keeps_its_look(tmp_path):
    _, content, _ = imported(tmp_path, revision_document())
    konten = load(content)
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "GAMBARAN UMUM", "PENUTUP"]
    assert [g.judul for g in konten.bab[1].bagian] == ["VISI DAN MISI", "TUJUAN DAN SASARAN",
                                                       "STRATEGI DAN KEBIJAKAN"]
    isi = konten.bab[0].bagian[0].isi.sumber
    assert isi.splitlines()[:2] == [
        "Indikator Kinerja Utama adalah ukuran keberhasilan (*Key Performance Indicators*) Dinas Kesehatan "
        "Kabupaten Contoh.",
        "Pemerintah Kabupaten Contoh menetapkan **IKU** setiap periode Renstra 2021 - 2026."]
    assert "\n\n1. Memperoleh informasi kinerja yang penting;\n2. Memperoleh" in isi


def test_a_letter_list_becomes_a_reference_with_a_note(tmp_path):
    _, content, result = imported(tmp_path, revision_document())
    text = content.read_text(encoding="utf-8")
    assert "# PERIKSA: daftar strategi ditulis dengan huruf/butir" in text
    assert len(result.periksa) == sum(line.startswith("# PERIKSA: ") for line in text.splitlines())


def test_five_years_in_one_target_group_with_word_lists_and_heading_styles(tmp_path):
    document = five_year_document()
    source, content, _ = imported(tmp_path, document)
    konten = load(content)
    assert konten.tahun_target() == ("2025", "2026", "2027", "2028", "2029")
    assert len(konten.sasaran) == 1 and len(konten.sasaran[0].indikator) == 3
    assert konten.sasaran[0].indikator[0].target_sebelum is None
    assert konten.dokumen.perubahan is None
    assert konten.tabel.judul == {"target": "TARGET KINERJA TAHUN"}  # the document's own title is kept
    assert "\n\n1. Perencanaan jangka menengah\n2. Pelaporan kinerja" in konten.bab[0].bagian[0].isi.sumber
    built = built_docx(content, tmp_path / "build")
    # the sasaran typed again in each row is printed once, in a cell merged over its indicators
    expected = typed_blocks(source, document)
    first = expected.index("Meningkatnya Pelayanan Kesehatan")
    expected = expected[:first + 1] + [b for b in expected[first + 1:] if b != "Meningkatnya Pelayanan Kesehatan"]
    assert missing_in_order(expected, docx_blocks(built)) == []


def test_a_document_saved_by_libreoffice_from_html_imports(tmp_path):
    soffice = require_soffice()
    rows = "".join(
        f"<tr><td>{n}.</td><td>Meningkatnya Mutu Layanan</td><td>{name}</td>"
        f"<td><p>Makna Indikator : {name} di daerah.</p></td><td>{a}</td><td>{b}</td><td>%</td><td>BPS</td></tr>"
        for n, name, a, b in ((1, "Indeks Kepuasan", "80,5", "81"), (2, "Cakupan Layanan", "90", "N/A")))
    html = f"""<html><body>
<p><b>INDIKATOR KINERJA UTAMA</b></p><p><b>(IKU)</b></p><p><b>PEMERINTAH KOTA CONTOH</b></p>
<p><b>DINAS SOSIAL</b></p><p><b>KATA PENGANTAR</b></p><p>Dokumen ini disusun untuk periode 2025 - 2026.</p>
<p>Kota Contoh, Maret 2025</p><p>KEPALA DINAS,</p><p>BUDI</p><p>Pembina</p><p>NIP. 19700101 199503 1 001</p>
<p><b>BAB I PENDAHULUAN</b></p><p>Visi Kota Contoh adalah “<b>KOTA SEJAHTERA</b>”. Misi sebagai berikut :</p>
<ol><li>Meningkatkan layanan sosial.</li><li>Meningkatkan kesejahteraan warga.</li></ol>
<p><b>BAB II PENUTUP</b></p><p>Demikian.</p><p><b>LAMPIRAN</b></p>
<p>1. NAMA ORGANISASI : DINAS SOSIAL</p><p>2. TUGAS :</p><p>Urusan sosial.</p><p>3. FUNGSI :</p>
<p>1. Pelayanan sosial.</p><p>4. INDIKATOR KINERJA UTAMA</p>
<table border="1"><tr><td rowspan="2">NO</td><td rowspan="2">SASARAN STRATEGIS</td>
<td rowspan="2">INDIKATOR KINERJA UTAMA</td><td rowspan="2">PENJELASAN</td>
<td colspan="2">TARGET IKU PADA TAHUN</td><td rowspan="2">SAT.</td><td rowspan="2">SUMBER DATA</td></tr>
<tr><td>2025</td><td>2026</td></tr>{rows}</table></body></html>"""
    page = tmp_path / "iku_html.html"
    page.write_text(html, encoding="utf-8")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(page)],
                   check=True, capture_output=True, timeout=180)
    result = import_word(tmp_path / "iku_html.docx", "content/iku_html.toml")
    content = tmp_path / "iku_html.toml"
    content.write_text(result.text, encoding="utf-8")
    konten = load(content)
    assert [i.nama for i in konten.sasaran[0].indikator] == ["Indeks Kepuasan", "Cakupan Layanan"]
    assert [t.nilai for t in konten.sasaran[0].indikator[0].target.values()] == [Decimal("80.5"), 81]
    assert [m.sumber for m in konten.rpjmd.misi] == ["Meningkatkan layanan sosial.",
                                                     "Meningkatkan kesejahteraan warga."]
    assert konten.rpjmd.visi.sumber == "KOTA SEJAHTERA"
    assert konten.tabel.judul == {"penjelasan": "PENJELASAN"}
    assert missing_in_order(["Dokumen ini disusun untuk periode 2025 - 2026.", "PENJELASAN", "Indeks Kepuasan", "80,5", "N/A"],
                            docx_blocks(built_docx(content, tmp_path / "build"))) == []


def test_the_sample_comes_back_as_the_same_model(sample_build, tmp_path):
    """Build -> import -> the content of content/iku_2024.toml. Only [periksa] is not in the document:
    it lists the 'ikudoc check' warnings the sample acknowledges."""
    result = import_word(sample_build["docx"], "content/iku_2024.toml")
    content = tmp_path / "iku_2024.toml"
    content.write_text(result.text, encoding="utf-8")
    sample = load(SAMPLE)
    assert load(content).model_copy(update={"periksa": sample.periksa}) == sample


def test_importing_twice_gives_the_same_bytes(tmp_path):
    source = revision_document().save(tmp_path / "iku.docx")
    assert import_word(source, "a.toml").text == import_word(source, "a.toml").text


def test_the_command_writes_the_file_and_prints_what_it_found(tmp_path, monkeypatch, capsys):
    source = revision_document().save(tmp_path / "iku_2024.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"ditulis {shown('content/iku_2024.toml')} dari {source}"
    assert "  - tabel IKU: 2 sasaran, 4 indikator, tahun 2023–2026, target sebelum dan sesudah perubahan" in out
    assert "  - 3 bab, 4 subbab, 6 daftar" in out
    assert load(tmp_path / "content" / "iku_2024.toml").sasaran[1].indikator[2].nama == "Rasio Dokter per Penduduk"
    assert main(["import", str(source)]) == 1
    assert capsys.readouterr().err.strip() == (f"gagal: {shown('content/iku_2024.toml')} sudah ada; pakai --timpa "
                                               "untuk menimpanya, atau -o untuk nama lain")
    assert main(["import", str(source), "--timpa", "-o", "lain/iku.toml"]) == 0
    assert load(tmp_path / "lain" / "iku.toml") == load(tmp_path / "content" / "iku_2024.toml")


def _not_a_table_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("KATA PENGANTAR")
    document.add_paragraph("Surat biasa tanpa tabel.")
    document.save(str(path))
    return path


def _xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _cut_docx(path: Path) -> Path:
    revision_document().save(path)
    path.write_bytes(path.read_bytes()[:3000])
    return path


@pytest.mark.parametrize("make, message", [
    (lambda p: p.with_suffix(".docx").write_text("bukan word", encoding="utf-8") and p.with_suffix(".docx"),
     "bukan berkas Word (.docx); yang diharapkan dokumen IKU yang disimpan dari Word, WPS atau LibreOffice sebagai "
     ".docx"),
    (lambda p: _cut_docx(p.with_suffix(".docx")), "rusak (arsip .docx tidak utuh, mungkin terpotong saat disalin); "
                                                  "simpan ulang dari Word sebagai .docx"),
    (lambda p: _xlsx(p.with_suffix(".xlsx")), "adalah lembar kerja Excel, bukan dokumen Word; yang diharapkan "
                                              "dokumen IKU dalam .docx"),
    (lambda p: _not_a_table_docx(p.with_suffix(".docx")), "tidak memuat tabel IKU (tabel dengan judul kolom "
                                                          "SASARAN, INDIKATOR dan TARGET)"),
    (lambda p: p.with_suffix(".docx"), "tidak bisa dibaca (tidak ada)"),
])
def test_what_is_not_a_word_iku_fails_in_one_indonesian_line(tmp_path, capsys, make, message):
    path = make(tmp_path / "berkas")
    assert main(["import", str(path), "-o", str(tmp_path / "hasil.toml")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"gagal: {path} ") and message in err[0]
    assert not (tmp_path / "hasil.toml").exists()


def test_a_word97_file_without_libreoffice_says_how_to_save_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    path = tmp_path / "lama.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert main(["import", str(path), "-o", str(tmp_path / "hasil.toml")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"gagal: {path} berformat Word 97-2003 (.doc); buka di Word atau WPS lalu simpan sebagai .docx (atau pasang "
        "LibreOffice agar ikudoc bisa mengubahnya sendiri)")


def test_a_word97_file_is_read_through_libreoffice(tmp_path):
    soffice = require_soffice()
    source = revision_document().save(tmp_path / "iku.docx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "lama"), str(source)],
                   check=True, capture_output=True, timeout=180)
    result = import_word(tmp_path / "lama" / "iku.doc", "iku.toml")
    assert "Rasio Dokter per Penduduk" in result.text


@pytest.mark.parametrize("typed, number", [
    ("33,54", Decimal("33.54")), ("8,57", Decimal("8.57")), ("1.234,5", Decimal("1234.5")), ("1.300", 1300),
    ("100", 100), ("7,20", Decimal("7.20")), ("N/A", "N/A"), ("-", "-"), ("60 kali", "60 kali"),
])
def test_targets_are_read_the_indonesian_way(typed, number):
    value, note = parse_number(typed)
    assert (value, type(value), note) == (number, type(number), None)


def test_a_target_with_a_decimal_point_is_read_but_noted():
    assert parse_number("77.74") == (Decimal("77.74"), "target \"77.74\" memakai titik; dibaca sebagai desimal "
                                                       "77.74 (cara Indonesia: koma)")


def test_the_penjelasan_cell_is_split_by_its_labels_bold_or_not():
    parts, labelled = _split_penjelasan("**Definisi Operasional :** Satu.\n**Alasan Pemilihan Indikator**: Dua.\n"
                                        "Formulasi : Tiga\nlanjut.")
    assert labelled and parts == {"makna": "Satu.", "alasan_pemilihan": "Dua.", "rumus_perhitungan": "Tiga lanjut."}
    assert _split_penjelasan("Hanya makna.") == ({"makna": "Hanya makna."}, False)


@pytest.mark.parametrize("text", ['tiga """ kutip', 'akhir "', "garis \\ miring \\n", "tab\tdan \x01 kendali",
                                  "'tunggal' dan \"ganda\"", '""""'])
def test_any_text_is_written_as_toml_that_reads_back_the_same(text):
    assert tomllib.loads(f"a = {basic_string(text)}")["a"] == text
    assert tomllib.loads(f"a = {multiline_string(text)}")["a"] == text + "\n"  # the model strips the last line end


def test_typed_markup_characters_stay_text(tmp_path):
    document = revision_document()
    document.body[2] = "Biaya *tidak* boleh {visi} atau [tautan](x) dan 2*3 = 6_7 \\ selesai."
    _, content, _ = imported(tmp_path, document)
    built = built_docx(content, tmp_path / "build")
    assert "Biaya tidak boleh {visi} atau [tautan](x) dan 2*3 = 6_7 \\ selesai." in docx_blocks(built)


def test_periksa_counts_every_note():
    periksa = Periksa()
    periksa.add(("a",), "satu")
    periksa.add(("a",), "satu")
    periksa.add(("b", 0), "dua")
    assert len(periksa) == 2


def test_not_an_iku_is_an_ikudoc_error():
    from ikudoc.content.problems import IkudocError

    assert issubclass(NotAnIku, IkudocError)


@pytest.fixture(autouse=True)
def _no_leftovers(tmp_path):
    yield
    shutil.rmtree(tmp_path / "profil", ignore_errors=True)


def test_a_signature_typed_in_one_paragraph_with_line_breaks(tmp_path):
    document = revision_document()
    document.signature = ["Bandar Lampung,\n15 Oktober 2024\nKEPALA DINAS,\n\ndr. ANI WIJAYA, M.Kes.\n"
                          "Pembina Utama Muda\nNIP. 19700101 199503 2 001"]
    _, content, _ = imported(tmp_path, document)
    konten = load(content)
    assert (konten.dokumen.tempat, str(konten.dokumen.tanggal.tanggal), konten.dokumen.tanggal.hanya_bulan) == (
        "Bandar Lampung", "2024-10-15", False)
    assert (konten.penandatangan.nama, konten.penandatangan.nip) == ("dr. ANI WIJAYA, M.Kes.", "19700101 199503 2 001")
    assert konten.kata_pengantar.isi.sumber.endswith("Kami mengucapkan terima kasih kepada semua pihak.")


def _table_of(konten):
    """The sasaran and indicators as the table shows them: kode is not printed, desimal only shapes numbers."""
    return [s.model_copy(update={"indikator": [i.model_copy(update={"kode": None, "desimal": None})
                                               for i in s.indikator]}) for s in konten.sasaran], konten.tabel


@pytest.mark.parametrize("name", ["enam_tahun", "kondisi_awal", "pemda_lima_tahun", "tanpa_target"])
def test_every_table_shape_ikudoc_builds_comes_back_the_same(tmp_path, name):
    """Six years, a baseline column, penanggung jawab with merged sumber data, no targets at all."""
    source = Path(__file__).parent / "fixtures" / f"{name}.toml"
    built = built_docx(source, tmp_path / "build")
    content = tmp_path / "kembali.toml"
    content.write_text(import_word(built, "kembali.toml").text, encoding="utf-8")
    konten, original = load(content), load(source)
    assert _table_of(konten) == _table_of(original)
    assert (konten.penandatangan, konten.dokumen.tanggal, konten.dokumen.periode) == (
        original.penandatangan, original.dokumen.tanggal, original.dokumen.periode)
    assert konten.bab == original.bab


def test_a_file_that_does_not_load_yet_is_written_with_its_problems_and_exit_1(tmp_path, monkeypatch, capsys):
    """Everything recognised is kept for the user to fix; a script does not go on to build it. (The
    importer escapes what Markdown would read; with its escaping switched off, a typed autolink stands
    for what it cannot foresee.)"""
    document = revision_document()
    document.body[2] = "Lihat <http://contoh.go.id> untuk rinciannya."
    source = document.save(tmp_path / "iku.docx")
    monkeypatch.setattr("ikudoc.importer.reading._SPECIAL", re.compile(r"(?!)"))
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{shown('content/iku.toml')}:86: bab[1].bagian[1].isi: tautan [..](..) tidak didukung di dalam "
                   "teks dokumen [markdown]",
                   f"gagal: {shown('content/iku.toml')} ditulis, tetapi belum bisa dibangun: 1 masalah di atas; "
                   f"perbaiki lalu jalankan ikudoc check {shown('content/iku.toml')}"]
    assert "Lihat <http://contoh.go.id> untuk rinciannya." in (tmp_path / "content" / "iku.toml").read_text("utf-8")


def test_a_table_continued_on_the_next_page_with_a_title_row_and_no_kata_pengantar(tmp_path):
    """Typists break a long table into a second table that repeats the header, put a title row above it,
    and some IKU have no kata pengantar: the data is the same as from the whole table."""
    (tmp_path / "utuh").mkdir()
    whole = load(imported(tmp_path / "utuh", revision_document())[1])
    document = revision_document()
    document.table.split_after = 2
    document.table.title_row = "TABEL INDIKATOR KINERJA UTAMA DINAS KESEHATAN"
    document.pengantar, document.signature = [], []
    document.closing = SIGNATURE
    split = load(imported(tmp_path, document)[1])
    assert split.sasaran == whole.sasaran
    assert split.penandatangan == whole.penandatangan
    assert split.kata_pengantar.isi.sumber == "-"


def test_the_official_reference_typed_in_word_imports_to_the_sample(tmp_path):
    """The reference text as its typist's Word file (typed numbers, "BAB II" above its title, a daftar isi
    whose chapter lines have no page number, a signature in one paragraph) gives the sample's content.
    Only paragraph breaks differ: the reference splits three paragraphs where its pages break."""
    source = reference_as_typed(REFERENCE, tmp_path / "referensi.docx")
    content = tmp_path / "referensi.toml"
    result = import_word(source, "referensi.toml")
    content.write_text(result.text, encoding="utf-8")
    konten, sample = load(content), load(SAMPLE)
    assert konten.model_copy(update={"periksa": sample.periksa, "bab": sample.bab}) == sample

    def words(bab):
        return [(b.judul, " ".join((b.isi.sumber if b.isi else "").split()),
                 [(g.judul, " ".join(g.isi.sumber.split())) for g in b.bagian]) for b in bab]

    assert words(konten.bab) == words(sample.bab)
    built = docx_blocks(built_docx(content, tmp_path / "build"))
    assert missing_in_order(expected_blocks(), built) == []


def test_the_decree_on_the_cover_becomes_revisi_keputusan(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "[kata_pengantar]", '[revisi]\nkeputusan = "G/61/V.15/HK/2024"\n\n[kata_pengantar]')
    source = tmp_path / "iku_2024.toml"
    source.write_text(text, encoding="utf-8")
    result = import_word(built_docx(source, tmp_path / "build"), "kembali.toml")
    (tmp_path / "kembali.toml").write_text(result.text, encoding="utf-8")
    konten = load(tmp_path / "kembali.toml")
    assert konten.revisi.keputusan == "G/61/V.15/HK/2024"
    assert konten.dokumen == load(SAMPLE).dokumen


def test_a_jabatan_over_two_lines_ends_at_its_comma(tmp_path):
    document = revision_document()
    document.signature = ["Bandar Lampung, Oktober 2024", "KEPALA DINAS KESEHATAN", "KABUPATEN CONTOH,",
                          "dr. ANI WIJAYA, M.Kes.", "Pembina Utama Muda", "NIP. 19700101 199503 2 001"]
    konten = load(imported(tmp_path, document)[1])
    assert (konten.penandatangan.jabatan, konten.penandatangan.nama, konten.penandatangan.pangkat) == (
        "Kepala Dinas Kesehatan Kabupaten Contoh", "dr. ANI WIJAYA, M.Kes.", "Pembina Utama Muda")


def test_typed_bullets_and_a_chapter_title_after_a_line_break(tmp_path):
    document = five_year_document()
    document.heading_styles = False
    document.body = ["#BAB I\nPENDAHULUAN", "##1.1 Latar Belakang", "Manfaatnya :", "• Perencanaan", "- Pelaporan",
                     "#BAB II PENUTUP", "Demikian."]
    konten = load(imported(tmp_path, document)[1])
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "PENUTUP"]
    assert konten.bab[0].bagian[0].isi.sumber == "Manfaatnya :\n\n- Perencanaan\n- Pelaporan"


def test_what_has_no_place_in_the_content_is_named_at_the_head_of_the_file(tmp_path):
    document = revision_document()
    document.lampiran.append("Tabel berikut memuat indikator dinas.")
    text = imported(tmp_path, document)[1].read_text(encoding="utf-8")
    assert "# PERIKSA (umum): teks lampiran dilewati: \"Tabel berikut memuat indikator dinas.\"" in text


def test_a_word_list_inside_another_is_flattened_with_a_note(tmp_path):
    document = five_year_document()
    source = document.save(tmp_path / "bertingkat.docx")
    import docx

    word = docx.Document(str(source))
    inner = next(p for p in word.paragraphs if p.text == "Pelaporan kinerja")
    inner._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1
    word.save(str(source))
    text = import_word(source, "bertingkat.toml").text
    assert "# PERIKSA: daftar bertingkat (butir di dalam butir) diratakan menjadi satu tingkat" in text
    assert "1. Perencanaan jangka menengah\n2. Pelaporan kinerja" in text


def test_a_table_only_export_saved_as_doc_starts_a_content_file(tmp_path, monkeypatch, capsys):
    """e-SAKIP applications export only the table, as HTML named .doc: read through LibreOffice, it
    gives the table's data and a content file that builds, the narrative marked to be written."""
    require_soffice()
    export = tmp_path / "iku_esakip.doc"
    export.write_text(
        "<html><body><p>INDIKATOR KINERJA UTAMA DINAS SOSIAL</p><table border='1'>"
        "<tr><td rowspan='2'>NO</td><td rowspan='2'>SASARAN</td><td rowspan='2'>INDIKATOR</td>"
        "<td rowspan='2'>SATUAN</td><td colspan='2'>TARGET</td></tr><tr><td>2025</td><td>2026</td></tr>"
        "<tr><td>1</td><td>Meningkatnya Layanan Sosial</td><td>Indeks Layanan</td><td>indeks</td>"
        "<td>7,5</td><td>8</td></tr></table></body></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(export)]) == 0
    out = capsys.readouterr().out
    assert "  - bab: dokumen tidak memuat BAB (hanya tabel IKU); tulis bab-babnya" in out
    assert "dilewati" not in out  # the line above the table is its title: judul and agency
    assert ("  - penandatangan (WAJIB): blok tanda tangan (tempat, tanggal, jabatan, nama, NIP) tidak ditemukan di "
            "bawah kata pengantar maupun lampiran; tulis penanda tangannya") in out
    konten = load(tmp_path / "content" / "iku_esakip.toml")
    assert (konten.dokumen.judul, konten.instansi.nama) == ("Indikator Kinerja Utama", "Dinas Sosial")
    indikator = konten.sasaran[0].indikator[0]
    assert (indikator.nama, indikator.satuan, [t.nilai for t in indikator.target.values()]) == (
        "Indeks Layanan", "indeks", [Decimal("7.5"), 8])
    assert konten.tabel.judul == {"sasaran": "SASARAN", "indikator": "INDIKATOR", "satuan": "SATUAN",
                                  "target": "TARGET"}
    assert konten.kata_pengantar.isi.sumber == "-"
    content = tmp_path / "content" / "iku_esakip.toml"
    assert {p.code for p in check_file(content).problems if p.is_error} == {"periksa-wajib"}  # who signs is a guess
    draft = build_file(content, tmp_path / "build", Options(("docx",)))  # a draft to look at, said to be one
    assert {problem.code for problem in draft.unfilled} == {"periksa-wajib"}
    assert build_file(reviewed(content), tmp_path / "build", Options(("docx",))).unfilled == ()


def test_a_row_shorter_than_the_table_is_read(tmp_path):
    """Hand-made tables have rows with fewer cells than the grid, which python-docx's row.cells refuses."""
    import docx

    source = revision_document().save(tmp_path / "pendek.docx")
    word = docx.Document(str(source))
    last_row = word.tables[0].rows[-1]._tr
    last_row.remove(last_row.tc_lst[-1])  # the sumber data cell of the last indicator
    word.save(str(source))
    content = tmp_path / "pendek.toml"
    content.write_text(import_word(source, "pendek.toml").text, encoding="utf-8")
    rasio = load(content).sasaran[1].indikator[2]
    assert (rasio.nama, rasio.satuan, rasio.sumber_data) == ("Rasio Dokter per Penduduk", "rasio", None)


def test_definisi_operasional_and_formula_columns_stay_two_columns_of_makna_and_rumus(tmp_path):
    document = five_year_document()
    document.table.titles = {"penjelasan": "DEFINISI OPERASIONAL", "sumber": "FORMULA"}
    for row in document.table.rows:
        row.penjelasan, row.sumber = ["Balita dengan berat badan normal."], "Balita gizi baik / balita x 100"
    _, content, result = imported(tmp_path, document)
    konten = load(content)
    indikator = konten.sasaran[0].indikator[0]
    assert (indikator.makna.sumber, indikator.rumus_perhitungan.sumber, indikator.sumber_data) == (
        "Balita dengan berat badan normal.", "Balita gizi baik / balita x 100", None)
    assert not [m for messages in result.periksa.notes.values() for m in messages if "tanpa label" in m]
    assert konten.tabel.kolom == ["sasaran", "indikator", "makna", "target", "satuan", "rumus_perhitungan"]
    assert konten.tabel.judul["rumus_perhitungan"] == "FORMULA"  # DEFINISI OPERASIONAL is makna's own title
    assert "makna" not in konten.tabel.judul and "penjelasan" not in konten.tabel.judul


def test_the_readme_shows_what_the_command_prints(tmp_path, monkeypatch, capsys):
    reference_as_typed(REFERENCE, tmp_path / "IKU_Perubahan_2024.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "IKU_Perubahan_2024.docx"]) == 0
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("$ ikudoc import IKU_Perubahan_2024.docx\n")[1].split("```")[0]
    written = "content/IKU_Perubahan_2024.toml"  # (on Windows printed content\IKU_Perubahan_2024.toml)
    assert capsys.readouterr().out == example.replace(written, shown(written))


def test_sections_typed_with_capital_letters(tmp_path):
    document = five_year_document()
    document.heading_styles = False
    document.body = ["#BAB I PENDAHULUAN", "##A. Latar Belakang", "Teks latar.", "##B. Maksud dan Tujuan",
                     "Teks maksud.", "1. Butir yang tidak tebal", "#BAB II PENUTUP", "Demikian."]
    konten = load(imported(tmp_path, document)[1])
    assert [g.judul for g in konten.bab[0].bagian] == ["Latar Belakang", "Maksud dan Tujuan"]
    assert konten.bab[0].bagian[1].isi.sumber == "Teks maksud.\n\n1. Butir yang tidak tebal"


def test_lampiran_lines_set_in_a_borderless_table(tmp_path):
    """Typists align "NAMA ORGANISASI : ..." with a table of one-line cells."""
    document = revision_document()
    source = document.save(tmp_path / "tabel_tata_letak.docx")
    import docx

    word = docx.Document(str(source))
    label = next(p for p in word.paragraphs if p.text.startswith("1. NAMA ORGANISASI"))
    layout = word.add_table(rows=1, cols=3)
    for cell, text in zip(layout.rows[0].cells, ("1.", "NAMA ORGANISASI", ": DINAS KESEHATAN KABUPATEN CONTOH"),
                          strict=True):
        cell.text = text
    label._p.addnext(layout._tbl)
    label._p.getparent().remove(label._p)
    word.save(str(source))
    text = import_word(source, "t.toml").text
    assert 'nama_singkat = "Dinas Kesehatan Kabupaten Contoh"' in text


def _notes(result) -> list[str]:
    return [m for messages in result.periksa.notes.values() for m in messages]


@pytest.mark.parametrize("on_paragraphs", [False, True], ids=["numbering-in-style", "numbering-on-paragraph"])
def test_chapters_numbered_by_word_heading_numbering_keep_their_text(tmp_path, on_paragraphs):
    """Heading 1 numbered "BAB %1" by Word: the paragraphs hold "PENDAHULUAN" alone, and are chapters."""
    document = five_year_document()
    document.toc = []
    document.body = ["#PENDAHULUAN", "##Latar Belakang", "Teks latar belakang yang penting.", "#PENUTUP",
                     "Demikian."]
    source = number_headings_like_word(document.save(tmp_path / "bab_bernomor.docx"), on_paragraphs)
    result = import_word(source, "b.toml")
    content = tmp_path / "b.toml"
    content.write_text(result.text, encoding="utf-8")
    konten = load(content)
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "PENUTUP"]
    assert (konten.bab[0].bagian[0].judul, konten.bab[0].bagian[0].isi.sumber) == (
        "Latar Belakang", "Teks latar belakang yang penting.")
    assert konten.bab[1].isi.sumber == "Demikian."
    assert konten.kata_pengantar.isi.sumber.startswith("Puji syukur")
    assert not [m for m in _notes(result) if "tidak memuat BAB" in m or "dilewati" in m]


def test_bold_normal_paragraphs_numbered_bab_by_a_word_list_are_chapters(tmp_path):
    document = five_year_document()
    document.heading_styles = False
    document.toc = []
    document.body = ["#PENDAHULUAN", "##1.1 Latar Belakang", "Teks latar.", "#PENUTUP", "Demikian."]
    source = number_headings_like_word(document.save(tmp_path / "bab_normal.docx"), style="Normal")
    content = tmp_path / "b.toml"
    content.write_text(import_word(source, "b.toml").text, encoding="utf-8")
    konten = load(content)
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "PENUTUP"]
    assert konten.bab[0].bagian[0].isi.sumber == "Teks latar."


def test_chapters_typed_with_roman_numbers_without_bab(tmp_path, monkeypatch, capsys):
    document = five_year_document()
    document.heading_styles = False
    document.toc = []
    document.body = ["#I. PENDAHULUAN", "##1.1 Latar Belakang", "Teks latar.", "#II. PENUTUP", "Demikian."]
    source = document.save(tmp_path / "romawi.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "  - 2 bab, 1 subbab, 0 daftar" in out
    assert "  - daftar isi: tidak ada" in out
    konten = load(tmp_path / "content" / "romawi.toml")
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "PENUTUP"]
    assert konten.bab[0].bagian[0].isi.sumber == "Teks latar."


def test_text_after_the_signature_is_never_dropped_silently(tmp_path, monkeypatch, capsys):
    """Headings that are not recognised at all: the text after the kata pengantar's signature is named
    and counted, and the file does not claim the document has only a table."""
    document = five_year_document()
    document.heading_styles = False
    document.toc = []
    document.body = ["Pendahuluan dokumen", "Teks yang tidak boleh hilang.", "Demikian."]
    source = document.save(tmp_path / "tanpa_judul.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "3 paragraf sesudah tanda tangan dilewati" in out
    assert ("  - umum: 3 paragraf sesudah tanda tangan kata pengantar dilewati (mulai \"Pendahuluan dokumen\"); "
            "judul BAB sesudahnya tidak dikenali: salin teksnya ke bab yang sesuai") in out
    assert "hanya tabel IKU" not in out


ONE_ROW_HEADER = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET 2025", "TARGET 2026"]
COLUMN_NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]


@pytest.mark.parametrize("years", [("TARGET 2025", "TARGET 2026"), ("Target Tahun 2025", "Target Tahun 2026")])
def test_a_one_row_header_with_the_year_in_each_target_title(tmp_path, years):
    document = five_year_document()
    document.plain_table = [ONE_ROW_HEADER[:4] + list(years), COLUMN_NUMBERS,
                            ["1.", "Meningkatnya Pelayanan Kesehatan", "Persentase Balita Gizi Baik", "%", "90", "91"],
                            ["2.", "Meningkatnya Pelayanan Kesehatan", "Angka Harapan Hidup", "tahun", "70,1", "70,2"]]
    document.body = [line for line in document.body if "2025 - 2029" not in line]  # no period in the text
    _, content, result = imported(tmp_path, document)
    konten = load(content)
    targets = {year: t.nilai for year, t in konten.sasaran[0].indikator[1].target.items()}
    assert targets == {"2025": Decimal("70.1"), "2026": Decimal("70.2")}
    assert (konten.dokumen.periode.awal, konten.dokumen.periode.akhir) == (2025, 2026)
    assert konten.tabel.judul["target"] == years[0][:-5]  # the years are drawn under it
    assert "tahun 2025–2026" in "\n".join(result.found)


def test_a_target_column_without_a_year_is_noted_not_a_crash(tmp_path):
    document = five_year_document()
    document.plain_table = [ONE_ROW_HEADER[:4] + ["TARGET"],
                            ["1.", "Meningkatnya Pelayanan Kesehatan", "Angka Harapan Hidup", "tahun", "70,1"]]
    document.body = [line for line in document.body if "2025 - 2029" not in line]
    _, content, result = imported(tmp_path, document)
    assert load(content).sasaran[0].indikator[0].target == {}
    assert "kolom target \"TARGET\" tidak menyebut satu tahun; targetnya tidak diimpor: tulis " \
           "[sasaran.indikator.target] sendiri" in result.periksa.at(("sasaran",))
    assert "tahun tanpa target" in "\n".join(result.found)


def test_target_before_a_revision_with_its_year_in_the_title(tmp_path):
    document = five_year_document()
    document.plain_table = [["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET SEBELUM PERUBAHAN 2024",
                             "TARGET SETELAH PERUBAHAN 2024"],
                            ["1.", "Meningkatnya Pelayanan Kesehatan", "Angka Harapan Hidup", "tahun", "70", "71"]]
    konten = load(imported(tmp_path, document)[1])
    indikator = konten.sasaran[0].indikator[0]
    assert (indikator.target_sebelum["2024"].nilai, indikator.target["2024"].nilai) == (70, 71)


def test_indikator_kinerja_sasaran_is_the_indicator_column(tmp_path):
    document = five_year_document()
    document.plain_table = [["Sasaran Strategis", "Indikator Kinerja Sasaran", "Satuan", "Target 2025"],
                            ["Meningkatnya A", "Persentase A", "%", "50"], ["Meningkatnya B", "Persentase B", "%", "60"]]
    konten = load(imported(tmp_path, document)[1])
    assert [(s.nama, [i.nama for i in s.indikator]) for s in konten.sasaran] == [
        ("Meningkatnya A", ["Persentase A"]), ("Meningkatnya B", ["Persentase B"])]


def test_of_indikator_tujuan_and_indikator_sasaran_the_sasaran_one_is_the_iku(tmp_path):
    document = five_year_document()
    document.plain_table = [["Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran", "Satuan", "Target 2025"],
                            ["Meningkatnya Derajat Kesehatan", "Usia Harapan Hidup", "Meningkatnya A", "Persentase A",
                             "%", "50"]]
    _, content, result = imported(tmp_path, document)
    sasaran = load(content).sasaran[0]
    assert (sasaran.nama, sasaran.indikator[0].nama) == ("Meningkatnya A", "Persentase A")
    assert "kolom tabel \"Indikator Tujuan\" tidak diimpor: IKU adalah indikator sasaran (kolom \"Indikator " \
           "Sasaran\")" in result.periksa.at(("sasaran",))


def test_sasaran_typed_as_rows_across_the_table_above_their_indicators(tmp_path):
    document = five_year_document()
    document.plain_table = [["NO", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET 2025"],
                            ["SASARAN 1: Meningkatnya A"], ["1.", "Persentase A", "%", "50"],
                            ["2.", "Indeks A", "indeks", "3"],
                            ["Sasaran Strategis 2. Meningkatnya B"], ["3.", "Persentase B", "%", "60"],
                            ["Keterangan: data sementara"]]
    _, content, result = imported(tmp_path, document)
    konten = load(content)
    assert [(s.nama, [i.nama for i in s.indikator]) for s in konten.sasaran] == [
        ("Meningkatnya A", ["Persentase A", "Indeks A"]), ("Meningkatnya B", ["Persentase B"])]
    assert not [m for m in _notes(result) if "sasaran" in m and ("kosong" in m or "tidak dikenali" in m)]
    assert "baris selebar tabel \"Keterangan: data sementara\" tanpa indikator di bawahnya tidak diimpor" in \
        result.periksa.at(("sasaran",))


def test_a_footnote_is_quoted_in_a_note_where_its_paragraph_is(tmp_path):
    document = five_year_document()
    source = add_footnote(document.save(tmp_path / "catatan_kaki.docx"), "IKU Dinas Kesehatan disusun",
                          "Permenpan RB Nomor 9 Tahun 2007 tentang Pedoman Umum IKU.")
    text = import_word(source, "c.toml").text
    assert ("# PERIKSA: catatan kaki tidak diimpor (isi ikudoc tidak memuat catatan kaki): \"Permenpan RB Nomor 9 "
            "Tahun 2007 tentang Pedoman Umum IKU.\"; tulis di teks bila perlu\nisi = \"\"\"\nIKU Dinas Kesehatan") in text


def _first_section_text(tmp_path, body: list[str]) -> tuple[str, list[str]]:
    document = five_year_document()
    document.body = ["#BAB I PENDAHULUAN", "##1.1 Latar Belakang", *body, "#BAB II PENUTUP", "Demikian."]
    _, content, result = imported(tmp_path, document)
    return load(content).bab[0].bagian[0].isi.sumber, _notes(result)


def test_a_word_list_item_with_its_number_also_typed_has_it_once(tmp_path):
    isi, _ = _first_section_text(tmp_path, ["Tujuannya:", "@1. Meningkatkan perencanaan;", "@2. Meningkatkan "
                                            "penganggaran."])
    assert isi == "Tujuannya:\n\n1. Meningkatkan perencanaan;\n2. Meningkatkan penganggaran."


def test_items_numbered_in_parentheses(tmp_path):
    isi, _ = _first_section_text(tmp_path, ["Dasar hukumnya:", "(1) Undang-Undang Nomor 17 Tahun 2003;",
                                            "(2) Undang-Undang Nomor 25 Tahun 2004."])
    assert isi == "Dasar hukumnya:\n\n1. Undang-Undang Nomor 17 Tahun 2003;\n2. Undang-Undang Nomor 25 Tahun 2004."


def test_a_roman_list_stays_one_numbered_list_with_a_note(tmp_path):
    isi, notes = _first_section_text(tmp_path, ["Ruang lingkup:", "i. perencanaan;", "ii. penganggaran;",
                                                "iii. pelaporan."])
    assert isi == "Ruang lingkup:\n\n1. perencanaan;\n2. penganggaran;\n3. pelaporan."
    assert any(note.startswith("daftar bernomor romawi (i., ii., iii.) ditulis bernomor 1., 2., 3.") for note in notes)


def test_the_letter_i_after_h_stays_a_letter(tmp_path):
    letters = [f"{letter}. Butir {letter};" for letter in "abcdefghij"]
    isi, notes = _first_section_text(tmp_path, ["Daftarnya:", *letters])
    assert isi.endswith("h. Butir h;\ni. Butir i;\nj. Butir j;")
    assert not [note for note in notes if "romawi" in note]


@pytest.mark.parametrize("heading", ["BAB I - PENDAHULUAN", "BAB I – PENDAHULUAN", "BAB I: PENDAHULUAN"])
def test_a_chapter_title_after_a_dash_or_colon(tmp_path, heading):
    document = five_year_document()
    document.heading_styles = False
    document.body = [f"#{heading}", "Teks.", "#BAB II — PENUTUP", "Demikian."]
    assert [b.judul for b in load(imported(tmp_path, document)[1]).bab] == ["PENDAHULUAN", "PENUTUP"]


def test_a_section_number_without_a_space_and_a_third_level_heading(tmp_path):
    document = five_year_document()
    document.heading_styles = False
    document.body = ["#BAB I PENDAHULUAN", "##1.1.Latar Belakang", "##1.1.1 Dasar Hukum", "Undang-Undang.",
                     "#BAB II PENUTUP", "Demikian."]
    _, content, result = imported(tmp_path, document)
    bagian = load(content).bab[0].bagian
    assert [(b.judul, b.isi.sumber) for b in bagian] == [("Latar Belakang", "**Dasar Hukum**\n\nUndang-Undang.")]
    assert ("subjudul tingkat tiga \"1.1.1 Dasar Hukum\" ditulis sebagai paragraf tebal tanpa nomornya (judul "
            "ikudoc hanya dua tingkat dan bernomor otomatis); tulis nomornya bila perlu") in _notes(result)


def test_a_no_break_space_is_kept_and_a_tab_or_soft_hyphen_noted(tmp_path):
    isi, notes = _first_section_text(tmp_path, ["Dinas\u00a0Kesehatan menyusun IKU\tdengan teliti.",
                                                "Dokumen ini ber\u00adisi indikator."])
    assert isi == "Dinas\u00a0Kesehatan menyusun IKU dengan teliti.\n\nDokumen ini ber\u00adisi indikator."
    assert "tab di tengah teks ditulis sebagai spasi (Markdown ikudoc tidak mencetak tab)" in notes
    assert any(note.startswith("teks memuat tanda pemenggalan tersembunyi (soft hyphen, U+00AD)") for note in notes)


def test_a_no_break_space_in_a_table_cell_is_kept(tmp_path):
    document = five_year_document()
    document.plain_table = [ONE_ROW_HEADER[:5],
                            ["1.", "Meningkatnya Pelayanan Kesehatan", "Angka Harapan\u00a0Hidup", "tahun", "70,1"]]
    assert load(imported(tmp_path, document)[1]).sasaran[0].indikator[0].nama == "Angka Harapan\u00a0Hidup"


def test_a_document_name_with_spaces_is_quoted_in_the_commands_to_copy(tmp_path, monkeypatch, capsys):
    source = five_year_document().save(tmp_path / "IKU Dinas Kesehatan 2025.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    written = shown("content/IKU Dinas Kesehatan 2025.toml")
    assert out[0] == f"ditulis {written} dari {source}"  # the name users know
    assert out[-1] == f'Langkah berikutnya: ikudoc check "{written}", lalu ikudoc build "{written}".'

    text = (tmp_path / "content" / "IKU Dinas Kesehatan 2025.toml").read_text(encoding="utf-8")
    assert 'lalu jalankan: ikudoc check "content/IKU Dinas Kesehatan 2025.toml" dan ikudoc build ' \
           '"content/IKU Dinas Kesehatan 2025.toml".' in text


PASSWORD = ("dilindungi kata sandi; buka di Word, hapus kata sandinya (File > Info > Protect Document), simpan ulang, "
            "lalu impor lagi")


@pytest.mark.parametrize("name, data", [
    ("iku.docx", ole_file("EncryptedPackage", b"\x08\0\0\0" + b"\x5a" * 600)),  # a .docx saved with a password
    ("iku.doc", ole_file("WordDocument", word97_fib(encrypted=True))),  # a Word 97 file with a password
])
def test_a_password_protected_file_says_to_remove_the_password(tmp_path, capsys, monkeypatch, name, data):
    monkeypatch.setattr("ikudoc.render.docx.libreoffice.find_soffice", lambda: pytest.fail("LibreOffice is not needed"))
    (tmp_path / name).write_bytes(data)
    assert main(["import", str(tmp_path / name)]) == 1
    assert capsys.readouterr().err.strip() == f"gagal: {tmp_path / name} {PASSWORD}"


def test_a_word97_file_without_a_password_is_not_called_protected(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ikudoc.render.docx.libreoffice.find_soffice", lambda: None)
    (tmp_path / "iku.doc").write_bytes(ole_file("WordDocument", word97_fib(encrypted=False)))
    assert main(["import", str(tmp_path / "iku.doc")]) == 1
    assert "berformat Word 97-2003 (.doc)" in capsys.readouterr().err


def test_a_typed_autolink_prints_as_typed(tmp_path):
    document = five_year_document()
    document.body[2] = "Lihat <http://contoh.go.id> atau surel <iku@contoh.go.id>, dengan 3 < 5 dan \\<tetap>."
    source, content, _ = imported(tmp_path, document)
    built = built_docx(content, tmp_path / "build")
    assert "Lihat <http://contoh.go.id> atau surel <iku@contoh.go.id>, dengan 3 < 5 dan \\<tetap>." in docx_blocks(built)


def test_the_same_doubt_in_several_years_is_one_note_per_indicator(tmp_path):
    document = five_year_document()
    document.plain_table = [ONE_ROW_HEADER[:4] + ["TARGET 2025", "TARGET 2026", "TARGET 2027"],
                            ["1.", "Meningkatnya Pelayanan Kesehatan", "Persentase Balita Gizi Baik", "%", "75%",
                             "80%", "85%"],
                            ["2.", "Meningkatnya Pelayanan Kesehatan", "Frekuensi Penyuluhan", "kali", "60 kali",
                             "65 kali", "70"]]
    _, content, result = imported(tmp_path, document)
    assert result.periksa.at(("sasaran", 0, "indikator", 0, "target")) == [
        'target ditulis dengan % (2025: "75%", 2026: "80%", 2027: "85%"); dibaca sebagai angka tanpa %']
    assert result.periksa.at(("sasaran", 0, "indikator", 1, "target")) == [
        "satuan 'kali' tertulis di target (2025: \"60 kali\", 2026: \"65 kali\"); tulis 60, 65?"]
    assert load(content).sasaran[0].indikator[0].target["2025"].nilai == 75


def test_the_period_on_the_cover_is_found(tmp_path):
    """The cover says the period: it is read from there, not guessed from the text, and printed again."""
    document = five_year_document()
    document.cover.insert(2, "TAHUN 2025-2029")
    document.body = [line for line in document.body if "2025 - 2029" not in line] + ["Renstra 2021 - 2026."] * 3
    _, content, result = imported(tmp_path, document)
    dokumen = load(content).dokumen
    assert (dokumen.periode.awal, dokumen.periode.akhir, dokumen.periode_sampul) == (2025, 2029, "Tahun")
    assert result.periksa.at(("dokumen", "periode")) == []


def test_a_footnote_whose_text_is_missing_is_still_noted(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    source = five_year_document().save(tmp_path / "rujukan_saja.docx")
    word = docx.Document(str(source))
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "7")
    next(p for p in word.paragraphs if p.text.startswith("IKU Dinas")).add_run()._r.append(reference)
    word.save(str(source))
    assert "# PERIKSA: catatan kaki tidak diimpor (isi ikudoc tidak memuat catatan kaki): teksnya tidak ditemukan di " \
           "berkas; tulis di teks bila perlu" in import_word(source, "r.toml").text


def test_a_no_break_space_in_a_heading_is_kept(tmp_path):
    document = five_year_document()
    document.heading_styles = False
    document.body = ["#BAB I RENCANA\u00a0STRATEGIS", "##1.1 Latar\u00a0Belakang", "Teks.", "#BAB II PENUTUP",
                     "Demikian."]
    bab = load(imported(tmp_path, document)[1]).bab[0]
    assert (bab.judul, bab.bagian[0].judul) == ("RENCANA\u00a0STRATEGIS", "Latar\u00a0Belakang")


def test_a_perjanjian_kinerja_is_told_apart_from_an_iku(tmp_path, capsys):
    """A PK has a table of sasaran, indicators and targets too: importing it as an IKU would write nonsense."""
    docx = build_file(ROOT / "content" / "pk_2024.toml", tmp_path, Options(("docx",))).outputs[0]
    assert main(["import", str(docx), "-o", str(tmp_path / "pk.toml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"gagal: {docx} adalah Perjanjian Kinerja, bukan dokumen IKU; ikudoc import membaca IKU. Perjanjian Kinerja "
        "ditulis sebagai berkas konten kecil dengan [perjanjian] yang merujuk IKU-nya (lihat README, bagian "
        "Perjanjian Kinerja)"]
    assert not (tmp_path / "pk.toml").exists()
