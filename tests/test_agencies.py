"""Any agency's IKU: the table's columns chosen, ordered and titled in [tabel], optional indicator
fields shown only when given, a table without targets, a kondisi awal column, sumber data merged per
sasaran, a head of region who has no pangkat or NIP. Each shape is built to DOCX, HTML and PDF and
read back cell by cell; the sample renders as before."""

from __future__ import annotations

import pytest

from ikudoc.commands.build import Options, build_file
from support import FIXTURES
from support.document_text import normalise
from support.page_checker import read_pages
from support.table_grid import docx_grid, html_grid

PEMDA = [
    ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "DEFINISI OPERASIONAL/FORMULASI", "SAT.",
     "TARGET IKU PADA TAHUN", "<", "<", "<", "<", "PERANGKAT DAERAH PENANGGUNG JAWAB"],
    ["^", "^", "^", "^", "^", "2025", "2026", "2027", "2028", "2029", "^"],
    ["1.", "Meningkatnya Kualitas Sumber Daya Manusia", "Indeks Pembangunan Manusia",
     "Makna Indikator : Rata-rata capaian umur panjang, pengetahuan dan standar hidup layak.", "Indeks",
     "72,45", "72,80", "73,15", "73,50", "73,85", "BAPPEDA, DISDIK, DINKES"],
    ["2.", "Meningkatnya Stabilitas Daerah", "Indeks Kerukunan Umat Beragama",
     "Rumus Perhitungan : Rata-rata nilai toleransi, kesetaraan dan kerja sama.", "Indeks",
     "75", "76", "77", "78", "79", "BAKESBANGPOL"],
]
TANPA_TARGET = [
    ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA",
     "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)", "SAT.", "SUMBER DATA"],
    ["1.", "Meningkatnya Derajat Kesehatan Masyarakat", "Angka Kematian Ibu",
     "Makna Indikator : Kematian ibu karena kehamilan, persalinan dan nifas. Rumus Perhitungan : Jumlah kematian "
     "ibu dibagi jumlah kelahiran hidup dikali 100.000.", "per 100.000 KH", "Profil Kesehatan Kabupaten"],
    ["2.", "^", "Angka Kematian Bayi",
     "Rumus Perhitungan : Jumlah kematian bayi dibagi jumlah kelahiran hidup dikali 1.000.", "per 1.000 KH", "^"],
    ["3.", "^", "Prevalensi Stunting",
     "Rumus Perhitungan : Jumlah balita pendek dibagi jumlah balita diukur dikali 100.", "%", "^"],
]
KONDISI_AWAL = [
    ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA",
     "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)", "KONDISI AWAL",
     "TARGET IKU PADA TAHUN", "<", "<", "<", "<", "<", "SAT.", "SUMBER DATA"],
    ["^", "^", "^", "^", "2024", "2025", "2026", "2027", "2028", "2029", "2030", "^", "^"],
    ["1.", "Meningkatnya Mutu Pendidikan", "Rata-rata Lama Sekolah",
     "Makna Indikator : Rata-rata jumlah tahun belajar penduduk usia 25 tahun ke atas. Alasan Pemilihan : Mengukur "
     "capaian pendidikan. Rumus Perhitungan : Jumlah tahun sekolah dibagi jumlah penduduk usia 25 tahun ke atas.",
     "9,55", "9,60", "9,65", "9,70", "9,75", "9,80", "9,85", "Tahun", "BPS"],
    ["2.", "^", "Angka Partisipasi Kasar SMA",
     "Makna Indikator : Perbandingan siswa SMA dengan penduduk usia 16 sampai 18 tahun.", "N/A", "90", "91", "92",
     "93", "94", "95", "%", "Dapodik"],
]
SHAPES = {"pemda_lima_tahun": PEMDA, "tanpa_target": TANPA_TARGET, "kondisi_awal": KONDISI_AWAL}


@pytest.fixture(scope="module", params=SHAPES)
def built(request, tmp_path_factory, office):
    result = build_file(FIXTURES / f"{request.param}.toml", tmp_path_factory.mktemp(request.param),
                        Options(("docx", "html", "pdf")), office)
    return request.param, dict(zip(("docx", "html", "pdf"), result.outputs, strict=True))


def test_word_and_html_tables_hold_every_cell_where_expected(built):
    shape, files = built
    assert docx_grid(files["docx"]) == SHAPES[shape]
    assert html_grid(files["html"]) == SHAPES[shape]


def test_the_pdf_shows_every_cell_and_no_label_without_its_text(built):
    shape, files = built
    pages = read_pages(files["pdf"])
    table = " ".join(page.text for page in pages if "INDIKATOR KINERJA UTAMA" in page.text and "1." in page.text)
    cells = {cell for row in SHAPES[shape] for cell in row if cell not in ("^", "<")}
    assert {cell for cell in cells if normalise(cell) not in table} == set()
    for label in ("Makna Indikator", "Alasan Pemilihan", "Rumus Perhitungan"):
        shown = sum(cell.count(f"{label} :") for row in SHAPES[shape] for cell in row)
        assert table.count(f"{label} :") == shown, label


def test_a_head_of_region_signs_without_pangkat_or_nip(tmp_path):
    from support.document_text import docx_blocks

    word, html = build_file(FIXTURES / "pemda_lima_tahun.toml", tmp_path, Options(("docx", "html"))).outputs
    blocks = docx_blocks(word)
    assert blocks.count("GUBERNUR UJI,") == 2 and blocks.count("NAMA GUBERNUR") == 2
    assert not any(block.startswith("NIP.") for block in blocks)
    assert blocks[blocks.index("NAMA GUBERNUR") + 1] == "DAFTAR ISI"  # nothing printed after the name
    text = html.read_text(encoding="utf-8")
    assert text.count("<p>GUBERNUR UJI,</p>") + text.count('<p class="jabatan">GUBERNUR UJI,</p>') == 2
    assert "NIP." not in text and "Pembina" not in text
    assert text.count('<p class="nama">NAMA GUBERNUR</p>') == 2
    assert '<p class="subjudul terakhir">PEMERINTAH PROVINSI UJI</p>' in text


def fixture_variant(tmp_path, name: str, *edits: tuple[str, str]):
    text = (FIXTURES / f"{name}.toml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_holding(path, fragment: str, occurrence: int = 1) -> int:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line][
        occurrence - 1]


@pytest.mark.parametrize("name, edits, holding, message", [
    ("kondisi_awal", (("target = { 2025 = 90, 2026 = 91, 2027 = 92, 2028 = 93, 2029 = 94, 2030 = 95 }\n", ""),),
     ("[[sasaran.indikator]]", 2),
     "sasaran[1].indikator[2].target: indikator ini tidak punya target, padahal indikator lain punya; tulis "
     "[sasaran.indikator.target] untuk setiap indikator, atau hapus target dari semua indikator (tabel tanpa kolom "
     "target) [target-sebagian]"),
    ("tanpa_target", (("gabung = [\"sumber_data\"]", 'kolom = ["sasaran", "indikatorr"]'),),
     ("kolom = [", 1),
     "tabel.kolom[2]: harus salah satu dari: 'sasaran', 'indikator', 'penjelasan', 'makna', 'alasan_pemilihan', "
     "'rumus_perhitungan', 'satuan', 'kondisi_awal', 'target_sebelum', 'target', 'kondisi_akhir', 'sumber_data' atau "
     "'penanggung_jawab' [pilihan-tidak-dikenal]"),
    ("tanpa_target", (("gabung = [\"sumber_data\"]", 'kolom = ["sasaran", "indikator", "penanggung_jawab"]'),),
     ("kolom = [", 1),
     "tabel.kolom[3]: kolom \"penanggung_jawab\" dipilih, tetapi tidak ada indikator yang mengisinya; isi "
     "penanggung_jawab pada indikatornya, atau hapus kolom ini dari [tabel] kolom [kolom-kosong]"),
    ("pemda_lima_tahun", (('kolom = ["sasaran", "indikator", "penjelasan", "satuan", "target"',
                           'kolom = ["sasaran", "indikator", "penjelasan", "satuan", "target_sebelum", "target"'),),
     ("kolom = [", 1),
     "tabel.kolom[5]: kolom \"target_sebelum\" hanya untuk dokumen perubahan, tetapi tidak ada indikator yang punya "
     "target sebelum perubahan [kolom-kosong]"),
    ("tanpa_target", (("gabung = [\"sumber_data\"]", 'gabung = ["penanggung_jawab"]'),),
     ("gabung = [", 1),
     "tabel.gabung[1]: kolom \"penanggung_jawab\" tidak ada di tabel, jadi tidak bisa digabung; kolom tabel: "
     "sasaran, indikator, penjelasan, satuan, sumber_data [gabung-tanpa-kolom]"),
    ("kondisi_awal", (('kondisi_awal = { tahun = 2024, nilai = "N/A" }', 'kondisi_awal = { tahun = 2023, nilai = 88 }'),),
     ("tahun = 2023", 1),
     "sasaran[1].indikator[2].kondisi_awal: tahun kondisi awal (2023) harus sama dengan indikator pertama yang punya "
     "kondisi awal (2024): tabel menampilkan satu tahun [kondisi-awal-tahun]"),
    ("kondisi_awal", (('kondisi_awal = { tahun = 2024, nilai = "N/A" }', 'kondisi_awal = 9.55'),),
     ("kondisi_awal = 9.55", 1),
     "sasaran[1].indikator[2].kondisi_awal: kondisi awal ditulis { tahun = 2024, nilai = 9.55 }: tahun 4 angka, nilai "
     "angka atau teks seperti target, bukan 9.55 [kondisi-awal]"),
])
def test_each_table_rule_is_one_line_with_its_place(tmp_path, capsys, name, edits, holding, message):
    from ikudoc.cli import main

    path = fixture_variant(tmp_path, name, *edits)
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--no-fill-toc"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}:{line_holding(path, *holding)}: {message}"
    assert err[1:] == [f"{path}: 1 masalah; dokumen tidak dibangun, hasil lama tidak diubah.",
                       "gagal: 1 dari 1 berkas gagal dibangun."]
    assert not (tmp_path / "out").exists()


def test_diff_reports_penanggung_jawab_and_kondisi_awal_with_no_code_of_its_own(tmp_path, capsys):
    from ikudoc.cli import main

    (tmp_path / "lama").mkdir()
    old = fixture_variant(tmp_path / "lama", "kondisi_awal", ('sumber_data = "Dapodik"',
                                                             'sumber_data = "Dapodik"\npenanggung_jawab = "BIDANG SMA"'))
    new = fixture_variant(tmp_path, "kondisi_awal", ('sumber_data = "Dapodik"',
                                                     'sumber_data = "Dapodik"\npenanggung_jawab = "BIDANG SMA DAN SMK"'),
                          ("kondisi_awal = { tahun = 2024, nilai = 9.55 }", "kondisi_awal = { tahun = 2024, nilai = 9.60 }"))
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "Kondisi Awal, Rata-rata Lama Sekolah: 2024: 9,55 -> 2024: 9,60" in out
    assert "Penanggung Jawab, Angka Partisipasi Kasar SMA: BIDANG SMA -> BIDANG SMA DAN SMK" in out
