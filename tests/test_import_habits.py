"""``ikudoc import`` of the cover, the signature and the lampiran as office typists make them (issue 22,
part 1): each habit is a Word file made here with python-docx (never with ikudoc's own writer), and for
each the cover, signature and lampiran fields are exact after import and again in the rebuilt DOCX, and
where the importer guesses it says so with a PERIKSA note; a guess about who signs or which agency it
is ("# PERIKSA WAJIB") keeps check and build from passing until it is looked at."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.commands.check import check_file
from ikudoc.iku.loader import load
from ikudoc.importer import import_word
from support import require_tool
from support.document_text import docx_blocks, missing_in_order
from support.word_fixtures import TypedDocument, add_text_box
from test_import import SIGNATURE, five_year_document, reviewed

TUGAS = "Melaksanakan urusan pemerintahan bidang kesehatan."
FUNGSI = ["Perumusan kebijakan teknis bidang kesehatan;", "Pelaksanaan pelayanan kesehatan; dan",
          "Pelaksanaan tugas lain dari Bupati."]


@dataclass
class Expected:
    """The cover, signature and lampiran fields a habit's file must give, as the content file holds them."""

    judul: str = "Indikator Kinerja Utama"
    singkatan: str = "IKU"
    perubahan: str | None = None
    periode: tuple[int, int] = (2025, 2029)
    periode_sampul: str | bool = False  # False: the cover prints no period
    pemerintah: str = "Pemerintah Kabupaten Contoh"
    nama: str = "Dinas Kesehatan"
    nama_singkat: str = "Dinas Kesehatan Kabupaten Contoh"
    tempat: str = "Bandar Lampung"
    tanggal: str | datetime.date = "2024-10"
    jabatan: str = "Kepala Dinas"
    penanda: str = "dr. ANI WIJAYA, M.Kes."
    pangkat: str | None = "Pembina Utama Muda"
    nip: str | None = "19700101 199503 2 001"
    tugas: list[str] = field(default_factory=lambda: [TUGAS])
    fungsi: list[str] = field(default_factory=lambda: list(FUNGSI))
    judul_lampiran: list[str] = field(default_factory=lambda: [
        "INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH (IKU-OPD)"])


def fields(konten) -> Expected:
    dokumen, instansi, signer = konten.dokumen, konten.instansi, konten.penandatangan
    tanggal = dokumen.tanggal
    return Expected(
        dokumen.judul, dokumen.singkatan, dokumen.perubahan, (dokumen.periode.awal, dokumen.periode.akhir),
        dokumen.periode_sampul, instansi.pemerintah, instansi.nama, instansi.nama_singkat, dokumen.tempat,
        tanggal.tanggal.strftime("%Y-%m") if tanggal.hanya_bulan else tanggal.tanggal, signer.jabatan, signer.nama,
        signer.pangkat, signer.nip, [t.sumber for t in konten.organisasi.tugas],
        [f.sumber for f in konten.organisasi.fungsi], list(dokumen.judul_lampiran))


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def printed(expected: Expected) -> tuple[list[str], list[str], list[str]]:
    """What the rebuilt DOCX shows of them, in order: the cover, the kata pengantar's signature, the lampiran
    down to its signature (ikudoc's own layout: its numbers and labels, names in capitals)."""
    tanggal = expected.tanggal
    shown = (f"{tanggal.day} {MONTHS[tanggal.month - 1]} {tanggal.year}" if isinstance(tanggal, datetime.date)
             else f"{MONTHS[int(tanggal[5:]) - 1]} {tanggal[:4]}")
    cover = [expected.judul.upper(), f"({expected.singkatan})"]
    cover += [expected.perubahan.upper()] if expected.perubahan else []
    cover += [f"{expected.periode_sampul.upper()} {expected.periode[0]}–{expected.periode[1]}"] \
        if expected.periode_sampul else []
    cover += [expected.pemerintah.upper(), expected.nama.upper()]
    signer = [f"{expected.jabatan.upper()},", expected.penanda] + ([expected.pangkat] if expected.pangkat else []) \
        + ([f"NIP. {expected.nip}"] if expected.nip else [])
    lampiran = ["LAMPIRAN", *expected.judul_lampiran, f"1. NAMA ORGANISASI : {expected.nama_singkat.upper()}",
                "2. TUGAS :", *expected.tugas, "3. FUNGSI :", *expected.fungsi]
    return cover, [f"{expected.tempat},", shown, *signer], lampiran + [f"{expected.tempat}, {shown}", *signer]


def round_trip(tmp_path: Path, document: TypedDocument | Path, expected: Expected, required: set[str] = frozenset(),
               noted: set[str] = frozenset()) -> tuple[object, list[str]]:
    """Import, compare the fields, check the notes (``required``: the keys of its PERIKSA WAJIB notes, and
    check refuses the file until they are deleted; ``noted``: keys that get a note), rebuild, and find
    every field in the rebuilt DOCX in order."""
    source = document if isinstance(document, Path) else document.save(tmp_path / "kebiasaan.docx")
    result = import_word(source, "kebiasaan.toml")
    content = tmp_path / "kebiasaan.toml"
    content.write_text(result.text, encoding="utf-8")
    konten = load(content)
    assert fields(konten) == expected
    from ikudoc.content.problems import format_key_path

    wajib = {format_key_path(loc) for loc, _ in result.periksa.required}
    assert wajib == set(required)
    notes = {format_key_path(loc) for loc in result.periksa.notes}
    assert set(noted) <= notes, notes
    if required:
        refused = [p for p in check_file(content).problems if p.is_error]
        assert {p.code for p in refused} == {"periksa-wajib"} and len(refused) == len(result.periksa.required)
        draft = build_file(content, tmp_path / "build", Options(("docx",), fill_toc=False))
        assert [p.code for p in draft.unfilled] == ["periksa-wajib"] * len(refused)  # a draft, said to be one
        reviewed(content)
    built = docx_blocks(build_file(content, tmp_path / "build", Options(("docx",), fill_toc=False)).outputs[0])
    cover, signature, lampiran = printed(expected)
    assert missing_in_order(cover + ["KATA PENGANTAR"], built) == []
    assert missing_in_order(signature + ["DAFTAR ISI"], built) == []
    assert missing_in_order(lampiran, built) == []
    return konten, built


def with_cover(cover: list[str], document: TypedDocument | None = None) -> TypedDocument:
    document = document or five_year_document()
    document.cover = cover
    document.body = [line.replace("2025 - 2029", "2021 - 2026") for line in document.body] + [
        "Renstra ini mengacu pada RPJMD 2021 - 2026.", "Periode RPJMD 2021 - 2026 menjadi acuan."]
    return document


# The period line of the cover: read from the cover (not guessed from the text, not taken for the agency).
@pytest.mark.parametrize("cover, word", [
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN", "TAHUN 2025 – 2029"],
     "Tahun"),
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "PERIODE 2025-2029", "PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN"],
     "Periode"),
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN TAHUN 2025 S.D. 2029"],
     "Tahun"),
], ids=["below-the-agency", "above-the-government", "after-the-agency"])
def test_the_period_line_of_the_cover(tmp_path, cover, word):
    _, built = round_trip(tmp_path, with_cover(cover), Expected(periode_sampul=word))
    assert not [block for block in built if "2025 – 2029" in block or "TAHUN 2025" in block and "DINAS" in block]


# "(IKU)" printed once, when the title line holds it.
def test_the_abbreviation_at_the_end_of_the_title_line(tmp_path):
    cover = ["INDIKATOR KINERJA UTAMA (IKU)", "PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN"]
    _, built = round_trip(tmp_path, with_cover(cover), Expected(periode=(2021, 2026)), noted={"dokumen.periode"})
    cover = built[:built.index("KATA PENGANTAR")]
    assert cover.count("(IKU)") == 1 and cover[:2] == ["INDIKATOR KINERJA UTAMA", "(IKU)"]


# The signature in a text box, beside the kata pengantar's last paragraph.
def test_the_signature_in_a_text_box(tmp_path):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.signature, document.closing = [], [""]
    source = add_text_box(document.save(tmp_path / "kotak_teks.docx"), "Kami mengucapkan terima kasih", SIGNATURE)
    konten, _ = round_trip(tmp_path, source, Expected(periode_sampul="Tahun"))
    assert konten.kata_pengantar.isi.sumber.endswith("Kami mengucapkan terima kasih kepada semua pihak.")


# An elected head signs only under the lampiran, without pangkat and NIP.
def test_an_elected_head_signing_only_under_the_lampiran(tmp_path):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.signature = []
    document.closing = ["Bandar Lampung, Oktober 2024", "BUPATI CONTOH,", "H. AHMAD SUJADI, S.H."]
    konten, _ = round_trip(tmp_path, document, Expected(
        periode_sampul="Tahun", jabatan="Bupati Contoh", penanda="H. AHMAD SUJADI, S.H.", pangkat=None, nip=None),
        noted={"kata_pengantar.isi", "penandatangan.jabatan"})
    assert konten.kata_pengantar.isi.sumber.endswith("Kami mengucapkan terima kasih kepada semua pihak.")


def test_two_different_signatories_are_a_required_check(tmp_path):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.closing = ["Bandar Lampung, Oktober 2024", "BUPATI CONTOH,", "H. AHMAD SUJADI, S.H."]
    round_trip(tmp_path, document, Expected(periode_sampul="Tahun"), required={"penandatangan"})


# A cover without "PEMERINTAH ...", or with the agency above the region.
@pytest.mark.parametrize("cover, expected, noted", [
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "DINAS KESEHATAN", "KABUPATEN CONTOH", "TAHUN 2025 – 2029"],
     Expected(periode_sampul="Tahun"), {"instansi.pemerintah"}),
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "DINAS KESEHATAN", "PEMERINTAH KABUPATEN CONTOH", "TAHUN 2025-2029"],
     Expected(periode_sampul="Tahun"), set()),
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "DINAS KESEHATAN KABUPATEN CONTOH", "TAHUN 2025-2029"],
     Expected(periode_sampul="Tahun", nama="Dinas Kesehatan Kabupaten Contoh"), {"instansi.pemerintah"}),
], ids=["agency-above-region", "agency-above-government", "region-in-the-agency-name"])
def test_a_cover_without_the_government_line_first(tmp_path, cover, expected, noted):
    konten, _ = round_trip(tmp_path, with_cover(cover), expected, noted=noted)
    assert konten.dokumen.judul == "Indikator Kinerja Utama"


def test_a_cover_without_government_or_agency_takes_them_from_the_lampiran_as_a_required_check(tmp_path):
    cover = ["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029"]
    round_trip(tmp_path, with_cover(cover), Expected(periode_sampul="Tahun", nama="Dinas Kesehatan Kabupaten Contoh"),
               required={"instansi.nama", "instansi.pemerintah"})


# Lampiran labels as typists write them.
def lampiran_document(labels: list[str]) -> TypedDocument:
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.lampiran = labels
    return document


def test_tugas_pokok(tmp_path):
    labels = ["INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH (IKU-OPD)",
              "1. NAMA ORGANISASI : DINAS KESEHATAN KABUPATEN CONTOH", "2. TUGAS POKOK :", TUGAS, "3. FUNGSI :",
              *(f"{n}. {text}" for n, text in enumerate(FUNGSI, 1)), "4. INDIKATOR KINERJA UTAMA"]
    round_trip(tmp_path, lampiran_document(labels), Expected(periode_sampul="Tahun"))


def test_lettered_lampiran_labels(tmp_path):
    labels = ["INDIKATOR KINERJA UTAMA (IKU)", "A. NAMA ORGANISASI : DINAS KESEHATAN KABUPATEN CONTOH",
              "B. TUGAS :", TUGAS, "C. FUNGSI :", *(f"{n}. {text}" for n, text in enumerate(FUNGSI, 1)),
              "D. INDIKATOR KINERJA UTAMA"]
    round_trip(tmp_path, lampiran_document(labels), Expected(periode_sampul="Tahun",
                                                            judul_lampiran=["INDIKATOR KINERJA UTAMA (IKU)"]))


# The table: sasaran as full-width rows, no SATUAN column.
def table_document(rows: list[list[str]]) -> TypedDocument:
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.plain_table = rows
    return document


def test_sasaran_as_full_width_rows_stay_in_the_rebuilt_table(tmp_path):
    rows = [["NO", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET 2025"], ["SASARAN 1: Meningkatnya Mutu Layanan"],
            ["1.", "Indeks Kepuasan", "indeks", "80"], ["2.", "Cakupan Layanan", "%", "90"],
            ["SASARAN 2: Meningkatnya Akses Layanan"], ["3.", "Rasio Puskesmas", "rasio", "1,2"]]
    konten, built = round_trip(tmp_path, table_document(rows), Expected(periode_sampul="Tahun"), noted={"sasaran"})
    assert [(s.nama, [i.nama for i in s.indikator]) for s in konten.sasaran] == [
        ("Meningkatnya Mutu Layanan", ["Indeks Kepuasan", "Cakupan Layanan"]),
        ("Meningkatnya Akses Layanan", ["Rasio Puskesmas"])]
    assert missing_in_order(["SASARAN STRATEGIS", "Meningkatnya Mutu Layanan", "Indeks Kepuasan", "Cakupan Layanan",
                             "Meningkatnya Akses Layanan", "Rasio Puskesmas"], built) == []


def test_a_table_without_satuan_is_rebuilt_without_it(tmp_path):
    rows = [["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "TARGET 2025", "TARGET 2026"],
            ["1.", "Meningkatnya Mutu Layanan", "Indeks Kepuasan", "80", "81"],
            ["2.", "Meningkatnya Mutu Layanan", "Cakupan Layanan", "90", "92"]]
    konten, built = round_trip(tmp_path, table_document(rows), Expected(periode_sampul="Tahun"), noted={"sasaran"})
    assert [i.satuan for i in konten.sasaran[0].indikator] == [None, None]
    assert "SAT." not in built and "SATUAN" not in built
    table = built[built.index("INDIKATOR KINERJA UTAMA", built.index("LAMPIRAN") + 4):]
    assert "-" not in table[:table.index(f"{'Bandar Lampung'}, Oktober 2024")]


# "Ditetapkan di : ... / Pada tanggal : ...".
@pytest.mark.parametrize("lines", [
    ["Ditetapkan di : Bandar Lampung", "Pada tanggal : 15 Oktober 2024"],
    ["Ditetapkan di\t: Bandar Lampung", "Pada tanggal\t: 15 Oktober 2024", "__________________________"],
    ["Ditetapkan di Bandar Lampung\nPada Tanggal 15 Oktober 2024"],
], ids=["colons", "tabs-and-a-rule", "one-paragraph"])
def test_ditetapkan_di_pada_tanggal(tmp_path, lines):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.signature = [*lines, "KEPALA DINAS,", *SIGNATURE[2:]]
    round_trip(tmp_path, document, Expected(periode_sampul="Tahun", tanggal=datetime.date(2024, 10, 15)))


# "I. PENDAHULUAN" headings under a typed daftar isi that says "BAB I ...".
def test_roman_chapters_under_a_daftar_isi_that_says_bab(tmp_path, monkeypatch, capsys):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029", "PEMERINTAH KABUPATEN CONTOH",
                           "DINAS KESEHATAN"])
    document.heading_styles = False
    document.toc = ["BAB I PENDAHULUAN ........ 1", "1.1 Latar Belakang ........ 1", "BAB II PENUTUP ........ 3"]
    document.body = ["#I. PENDAHULUAN", "##1.1 Latar Belakang", "Teks latar belakang.", "#II. PENUTUP", "Demikian."]
    konten, _ = round_trip(tmp_path, document, Expected(periode_sampul="Tahun"))
    assert [b.judul for b in konten.bab] == ["PENDAHULUAN", "PENUTUP"]
    assert (konten.bab[0].bagian[0].isi.sumber, konten.bab[1].isi.sumber) == ("Teks latar belakang.", "Demikian.")
    source = document.save(tmp_path / "romawi.docx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "  - daftar isi: 3 baris, dilewati (ikudoc membuat daftar isinya sendiri)" in out
    assert "  - 2 bab, 1 subbab, 0 daftar" in out and "PERIKSA" not in out.split("Perlu diperiksa")[0]


# An e-SAKIP export: HTML named .doc, the table with its title lines above it.
def test_an_esakip_export_keeps_the_agency_of_its_title_lines(tmp_path):
    require_tool("soffice")
    export = tmp_path / "ekspor_esakip.doc"
    export.write_text(
        "<html><body><p><b>INDIKATOR KINERJA UTAMA (IKU)</b></p><p><b>DINAS SOSIAL KABUPATEN CONTOH</b></p>"
        "<p><b>TAHUN 2025 - 2029</b></p><table border='1'><tr><td>NO</td><td>SASARAN STRATEGIS</td>"
        "<td>INDIKATOR KINERJA</td><td>SATUAN</td><td>TARGET 2025</td></tr><tr><td>1</td>"
        "<td>Meningkatnya Layanan Sosial</td><td>Indeks Layanan</td><td>indeks</td><td>7,5</td></tr></table>"
        "</body></html>", encoding="utf-8")
    result = import_word(export, "ekspor.toml")
    content = tmp_path / "ekspor.toml"
    content.write_text(result.text, encoding="utf-8")
    konten = load(content)
    assert (konten.dokumen.judul, konten.dokumen.singkatan, konten.dokumen.periode_sampul) == (
        "Indikator Kinerja Utama", "IKU", "Tahun")
    assert (konten.dokumen.periode.awal, konten.dokumen.periode.akhir) == (2025, 2029)
    assert (konten.instansi.pemerintah, konten.instansi.nama, konten.instansi.nama_singkat) == (
        "Pemerintah Kabupaten Contoh", "Dinas Sosial Kabupaten Contoh", "Dinas Sosial Kabupaten Contoh")
    assert "# PERIKSA WAJIB: blok tanda tangan" in result.text
    built = docx_blocks(build_file(reviewed(content), tmp_path / "build", Options(("docx",), fill_toc=False))
                        .outputs[0])
    assert missing_in_order(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025–2029", "PEMERINTAH KABUPATEN CONTOH",
                             "DINAS SOSIAL KABUPATEN CONTOH"], built) == []


# check refuses a file with a guess left unchecked, naming the comment's line and the key under it.
def test_check_names_each_required_check_left(tmp_path, capsys):
    document = with_cover(["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2025-2029"])
    content = tmp_path / "tebakan.toml"
    content.write_text(import_word(document.save(tmp_path / "tebakan.docx"), "tebakan.toml").text, encoding="utf-8")
    lines = content.read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1) if line.startswith("# PERIKSA WAJIB:")]
    assert main(["check", str(content)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.endswith("[periksa-wajib]")] == [
        f"{content}:{marked[0]}: instansi.pemerintah: tebakan ikudoc import belum diperiksa (\"nama pemerintah daerah "
        "tidak tertulis di sampul; ditebak dari nama organisasi lampiran\"); periksa nilainya, lalu hapus baris "
        "komentar \"# PERIKSA WAJIB\" ini [periksa-wajib]",
        f"{content}:{marked[1]}: instansi.nama: tebakan ikudoc import belum diperiksa (\"nama instansi tidak tertulis "
        "di sampul; diambil dari nama organisasi di lampiran\"); periksa nilainya, lalu hapus baris komentar "
        "\"# PERIKSA WAJIB\" ini [periksa-wajib]"]
    content.write_text("\n".join(line for line in lines if not line.startswith("# PERIKSA WAJIB")) + "\n",
                       encoding="utf-8")
    assert main(["check", str(content)]) == 0


@pytest.mark.parametrize("lines, expected", [
    (["INDIKATOR KINERJA UTAMA OPD", "(IKU OPD)", "PERUBAHAN 2024", "PEMERINTAH PROVINSI LAMPUNG",
      "DINAS KOPERASI, USAHA KECIL DAN", "MENENGAH"],
     dict(judul=["INDIKATOR KINERJA UTAMA OPD"], singkatan="IKU OPD", perubahan="PERUBAHAN 2024",
          pemerintah="PEMERINTAH PROVINSI LAMPUNG", instansi=["DINAS KOPERASI, USAHA KECIL DAN", "MENENGAH"])),
    (["INDIKATOR KINERJA UTAMA", "PERANGKAT DAERAH", "(IKU-PD)", "DINAS KESEHATAN KABUPATEN CONTOH", "PERIODE 2021-2026"],
     dict(judul=["INDIKATOR KINERJA UTAMA", "PERANGKAT DAERAH"], singkatan="IKU-PD", periode=(2021, 2026),
          kata_periode="PERIODE", pemerintah="PEMERINTAH KABUPATEN CONTOH", pemerintah_dari="nama",
          instansi=["DINAS KESEHATAN KABUPATEN CONTOH"])),
    (["INDIKATOR KINERJA UTAMA (IKU) DINAS SOSIAL KABUPATEN CONTOH TAHUN 2025 S.D. 2029"],
     dict(judul=["INDIKATOR KINERJA UTAMA"], singkatan="IKU", periode=(2025, 2029), kata_periode="TAHUN",
          pemerintah="PEMERINTAH KABUPATEN CONTOH", pemerintah_dari="nama", instansi=["DINAS SOSIAL KABUPATEN CONTOH"])),
    (["PEMERINTAH KOTA CONTOH", "BAPPEDA", "INDIKATOR KINERJA UTAMA", "Periode : 2025 – 2029"],
     dict(judul=["INDIKATOR KINERJA UTAMA"], periode=(2025, 2029), kata_periode="Periode",
          pemerintah="PEMERINTAH KOTA CONTOH", instansi=["BAPPEDA"])),
    (["INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2024", "PEMERINTAH KOTA CONTOH", "BADAN PERENCANAAN PEMBANGUNAN",
      "DAERAH", "KOTA CONTOH, 2024"],
     dict(judul=["INDIKATOR KINERJA UTAMA"], singkatan="IKU", pemerintah="PEMERINTAH KOTA CONTOH",
          instansi=["BADAN PERENCANAAN PEMBANGUNAN", "DAERAH"], dilewati=["TAHUN 2024", "KOTA CONTOH, 2024"])),
    (["INDIKATOR KINERJA UTAMA", "2025 - 2029", "Keputusan Nomor : 050/12/2025", "SEKRETARIAT DPRD", "KOTA CONTOH"],
     dict(judul=["INDIKATOR KINERJA UTAMA"], periode=(2025, 2029), kata_periode="", keputusan="050/12/2025",
          pemerintah="PEMERINTAH KOTA CONTOH", pemerintah_dari="wilayah", instansi=["SEKRETARIAT DPRD"])),
], ids=["ikudoc-and-the-reference", "title-on-two-lines", "all-on-one-line", "government-and-agency-above",
        "years-that-are-no-period", "decree-and-bare-years"])
def test_each_cover_line_is_read_for_what_it_says(lines, expected):
    from ikudoc.importer.cover import Cover, read_cover

    assert read_cover(lines) == Cover(**expected)
