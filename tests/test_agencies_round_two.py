"""Any agency's IKU, round two: range targets of a lower-is-better index with a kondisi akhir column and no
SATUAN column; a tujuan with its own indicator above its sasaran, DEFINISI OPERASIONAL and FORMULA
PERHITUNGAN as two columns; a provincial IKU without targets whose PENJELASAN cell holds labelled parts
(alasan pemilihan, formulasi, tipe perhitungan, penanggung jawab, sumber data). Each shape is built to DOCX,
HTML and PDF and read back cell by cell, and imported back into the same keys; the checks each speak in one
line with the place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikudoc.commands.build import Options, build_file
from ikudoc.content.fields import Rentang
from support import FIXTURES
from support.content_variants import variant as content_variant
from support.document_text import docx_blocks, html_blocks, normalise
from support.page_checker import read_pages
from support.table_grid import docx_grid, html_grid, iku_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

RENTANG = [
    ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "KONDISI AWAL", "TARGET IKU PADA TAHUN", "<", "<", "<",
     "<", "KONDISI AKHIR PERIODE", "SUMBER DATA"],
    ["^", "^", "^", "2024", "2025", "2026", "2027", "2028", "2029", "^", "^"],
    ["1.", "Menurunnya Risiko Bencana", "Indeks Risiko Bencana (indeks)", "146,84", "143,33 - 139,83",
     "139,83 - 136,50", "136,50 - 133,17", "133,17 - 129,84", "129,84 - 126,51", "129,84 - 126,51", "BNPB (InaRISK)"],
    ["2.", "^", "Jumlah Korban Jiwa Akibat Bencana (jiwa)", "14", "12", "10", "8", "6", "4", "4", "BPBD"],
    ["3.", "Meningkatnya Ketangguhan Desa terhadap Bencana", "Persentase Desa Tangguh Bencana (%)", "20", "25", "30",
     "35", "40", "45", "45", "BPBD"],
]
TUJUAN = [
    ["NO", "TUJUAN/SASARAN", "INDIKATOR KINERJA UTAMA", "DEFINISI OPERASIONAL", "FORMULA PERHITUNGAN", "SAT.",
     "KONDISI AWAL", "TARGET IKU PADA TAHUN", "<", "<", "<", "<", "<"],
    ["^", "^", "^", "^", "^", "^", "2024", "2025", "2026", "2027", "2028", "2029", "2030"],
    ["1.", "Meningkatnya Kualitas Kesehatan Masyarakat", "Umur Harapan Hidup",
     "Rata-rata tahun hidup yang masih akan dijalani oleh bayi yang baru lahir.",
     "Dihitung BPS dari tabel kematian (life table) hasil sensus dan survei penduduk.", "tahun", "71,20", "71,35",
     "71,50", "71,65", "71,80", "71,95", "72,10"],
    ["2.", "Menurunnya Angka Kematian Ibu", "Angka Kematian Ibu",
     "Kematian ibu selama kehamilan, persalinan dan nifas per 100.000 kelahiran hidup.",
     "Jumlah kematian ibu dibagi jumlah kelahiran hidup dikali 100.000.", "per 100.000 KH", "98", "95", "92", "89",
     "86", "83", "80"],
    ["3.", "Menurunnya Angka Kematian Bayi", "Angka Kematian Bayi",
     "Kematian bayi sebelum usia satu tahun per 1.000 kelahiran hidup.",
     "Jumlah kematian bayi dibagi jumlah kelahiran hidup dikali 1.000.", "per 1.000 KH", "8,4", "8,2", "8,0", "7,8",
     "7,6", "7,4", "7,2"],
    ["4.", "Menurunnya Prevalensi Stunting", "Prevalensi Stunting",
     "Balita dengan tinggi badan menurut umur di bawah minus dua standar deviasi.",
     "Jumlah balita pendek dibagi jumlah balita yang diukur dikali 100.", "%", "18,5", "17", "15,5", "14", "12,5",
     "11", "10"],
    ["5.", "Meningkatnya Cakupan Jaminan Kesehatan", "Cakupan Kepesertaan Jaminan Kesehatan Nasional",
     "Penduduk yang terdaftar sebagai peserta JKN.", "Jumlah peserta JKN dibagi jumlah penduduk dikali 100.", "%",
     "95,1", "96", "97", "98", "98,5", "99", "99,5"],
]
PENJELASAN = [
    ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "PENJELASAN", "SAT."],
    ["1.", "Meningkatnya Pertumbuhan Ekonomi", "Laju Pertumbuhan Ekonomi",
     "Alasan Pemilihan : Menggambarkan kinerja perekonomian daerah secara menyeluruh. Rumus Perhitungan : (PDRB ADHK "
     "tahun berjalan dikurangi PDRB ADHK tahun sebelumnya) dibagi PDRB ADHK tahun sebelumnya dikali 100. Tipe "
     "Perhitungan : Non Kumulatif Penanggung Jawab : BAPPEDA Sumber Data : BPS Provinsi Uji", "%"],
    ["2.", "^", "Persentase Penduduk Miskin",
     "Alasan Pemilihan : Mengukur keberhasilan penanggulangan kemiskinan. Rumus Perhitungan : Jumlah penduduk di bawah "
     "garis kemiskinan dibagi jumlah penduduk dikali 100. Tipe Perhitungan : Non Kumulatif Penanggung Jawab : "
     "BAPPEDA, DINSOS Sumber Data : BPS Provinsi Uji", "%"],
    ["3.", "Meningkatnya Infrastruktur Jalan Provinsi", "Panjang Jalan Provinsi dalam Kondisi Mantap (Akumulasi)",
     "Alasan Pemilihan : Jalan mantap menopang arus barang dan jasa. Rumus Perhitungan : Jumlah panjang jalan provinsi "
     "berkondisi baik dan sedang sejak awal periode. Tipe Perhitungan : Kumulatif Penanggung Jawab : DINAS PUPR "
     "Sumber Data : Dinas PUPR Provinsi Uji", "km"],
]
SHAPES = {"rentang_turun": RENTANG, "tujuan_kesehatan": TUJUAN, "pemprov_penjelasan": PENJELASAN}


@pytest.fixture(scope="module", params=SHAPES)
def built(request, tmp_path_factory, office):
    result = build_file(FIXTURES / f"{request.param}.toml", tmp_path_factory.mktemp(request.param),
                        Options(("docx", "html", "pdf")), office)
    assert result.catatan == ()
    return request.param, dict(zip(("docx", "html", "pdf"), result.outputs, strict=True))


def variant(tmp_path, name: str, *edits: tuple[str, str]):
    """The fixture ``name`` with each (old, new) edit applied."""
    return content_variant(tmp_path, *edits, name=f"{name}.toml", source=FIXTURES / f"{name}.toml")


def line_holding(path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_word_and_html_tables_hold_every_cell_where_expected(built):
    shape, files = built
    assert docx_grid(files["docx"]) == SHAPES[shape]
    assert html_grid(files["html"]) == SHAPES[shape]


def test_the_pdf_shows_every_cell(built):
    shape, files = built
    pages = read_pages(files["pdf"])
    lampiran = next(n for n, page in enumerate(pages) if "LAMPIRAN" in page.lines)
    table = " ".join(page.text for page in pages[lampiran:])
    cells = {cell for row in SHAPES[shape] for cell in row if cell not in ("^", "<")}
    assert {cell for cell in cells if normalise(cell) not in table} == set()


def test_the_cover_names_the_period_of_a_document_that_is_no_revision(built):
    shape, files = built
    period = {"tujuan_kesehatan": "TAHUN 2025–2030"}.get(shape, "TAHUN 2025–2029")
    assert docx_blocks(files["docx"])[2] == period
    assert html_blocks(files["html"])[2] == period


def test_the_tujuan_stands_bold_above_its_sasaran_and_bab_lists_it(tmp_path):
    word, html = build_file(FIXTURES / "tujuan_kesehatan.toml", tmp_path, Options(("docx", "html"))).outputs
    first = iku_table(word).findall(f"{W}tr")[2].findall(f"{W}tc")[1]
    assert [run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") for run in first.iter(f"{W}r")] == ["Strong"]
    second = iku_table(word).findall(f"{W}tr")[3].findall(f"{W}tc")[1]
    assert all(run.find(f"{W}rPr/{W}rStyle") is None for run in second.iter(f"{W}r"))
    assert '<td class="sasaran tujuan">Meningkatnya Kualitas Kesehatan Masyarakat' in html.read_text(encoding="utf-8")
    blocks = html_blocks(html)
    assert blocks[blocks.index("Tujuan:"):][:3] == ["Tujuan:", "Meningkatnya Kualitas Kesehatan Masyarakat", "Sasaran:"]


def test_a_tujuan_without_indicators_is_a_row_of_its_name_kept_with_the_next(tmp_path):
    indicator = (FIXTURES / "tujuan_kesehatan.toml").read_text(encoding="utf-8").split("[[tujuan.indikator]]")[1]
    indicator = "[[tujuan.indikator]]" + indicator.split("\n\n")[0] + "\n"
    path = variant(tmp_path, "tujuan_kesehatan", (indicator, ""))
    word, html = build_file(path, tmp_path / "out", Options(("docx", "html"))).outputs
    grid = docx_grid(word)
    assert grid[2] == ["", "Meningkatnya Kualitas Kesehatan Masyarakat"] + [""] * 11
    assert [row[0] for row in grid[3:]] == ["1.", "2.", "3.", "4."]
    assert html_grid(html) == grid
    name_row = iku_table(word).findall(f"{W}tr")[2]
    assert name_row.find(f"{W}trPr/{W}cantSplit") is not None
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in name_row.iter(f"{W}p"))


def test_without_a_sasaran_column_the_table_is_a_numbered_list(tmp_path):
    path = variant(tmp_path, "rentang_turun", ("[[sasaran]]\nnama = \"Menurunnya",
                                               "[tabel]\nkolom = [\"indikator\", \"target\", \"kondisi_akhir\"]\n\n"
                                               "[[sasaran]]\nnama = \"Menurunnya"))
    word, html = build_file(path, tmp_path / "out", Options(("docx", "html"))).outputs
    assert docx_grid(word) == html_grid(html) == [
        ["NO", "INDIKATOR KINERJA UTAMA", "TARGET IKU PADA TAHUN", "<", "<", "<", "<", "KONDISI AKHIR PERIODE"],
        ["^", "^", "2025", "2026", "2027", "2028", "2029", "^"],
        [*RENTANG[2][:1], *RENTANG[2][2:3], *RENTANG[2][4:10]],
        [*RENTANG[3][:1], *RENTANG[3][2:3], *RENTANG[3][4:10]],
        [*RENTANG[4][:1], *RENTANG[4][2:3], *RENTANG[4][4:10]],
    ]


@pytest.mark.parametrize("name, edits, holding, message", [
    ("rentang_turun", (("2026 = [139.83, 136.50]", "2026 = [136.50, 139.83]"),), "2026 = [136.50",
     "peringatan: sasaran[1].indikator[1].target.2026: rentang target 2026 ditulis dari angka kecil ke besar "
     "(136,50 - 139,83), padahal arah indikator ini turun (makin rendah makin baik): tulis rentangnya dari batas atas "
     "ke batas bawah, [139.83, 136.50], atau periksa arah [rentang-arah]"),
    ("rentang_turun", (("kondisi_akhir = [129.84, 126.51]", "kondisi_akhir = [126.51, 126.51]"),), "kondisi_akhir = [",
     "peringatan: sasaran[1].indikator[1].kondisi_akhir: rentang kondisi akhir [126.51, 126.51] tidak punya lebar: "
     "kedua batasnya sama; tulis satu angka (126.51), atau batas yang berbeda [rentang-sama]"),
    ("rentang_turun", (("2027 = [136.50, 133.17]", "2027 = [140.10, 137.00]"), ('arah = "turun"\nsumber_data = "BNPB',
                                                                               'arah = "turun"\nkumulatif = true\n'
                                                                               'sumber_data = "BNPB')),
     "2027 = [140.10",
     "sasaran[1].indikator[1].target.2027: indikator kumulatif dengan arah \"turun\" tidak boleh naik: target 2027 "
     "(140,10 - 137,00) lebih besar dari target 2026 (139,83 - 136,50) [kumulatif-naik]"),
    ("tujuan_kesehatan", (('nama = "Menurunnya Angka Kematian Bayi"',
                           'nama = "Menurunnya Angka Kematian Bayi"\ntujuan = "Meningkatnya Kualitas Kesehatan"'),),
     'tujuan = "Meningkatnya Kualitas Kesehatan"',
     "sasaran[2].tujuan: tujuan \"Meningkatnya Kualitas Kesehatan\" tidak ada di [[tujuan]]; maksudnya "
     "\"Meningkatnya Kualitas Kesehatan Masyarakat\"? [tujuan-tidak-ada]"),
    ("pemprov_penjelasan", (('judul_lampiran = ["INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA PEMERINTAH '
                             'PROVINSI UJI"]\n', ""),), "[dokumen]",
     "peringatan: dokumen.judul_lampiran: judul lampiran menyebut perangkat daerah (IKU-OPD), padahal dokumen ini IKU "
     "pemerintah daerah (instansi nama = pemerintah); tulis [dokumen] judul_lampiran, misalnya [\"INDIKATOR KINERJA "
     "UTAMA (IKU)\", \"INDIKATOR KINERJA UTAMA PEMERINTAH PROVINSI UJI\"] [judul-lampiran-opd]"),
])
def test_each_check_of_the_new_shapes_is_one_line_with_its_place(tmp_path, capsys, name, edits, holding, message):
    from ikudoc.cli import main

    path = variant(tmp_path, name, *edits)
    status = main(["check", str(path)])
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}:{line_holding(path, holding)}: {message}"
    assert status == (0 if message.startswith("peringatan") else 1)


def test_a_falling_cumulative_target_is_expected_when_lower_is_better(tmp_path, capsys):
    from ikudoc.cli import main

    path = variant(tmp_path, "rentang_turun", ('arah = "turun"\nsumber_data = "BNPB',
                                               'arah = "turun"\nkumulatif = true\nsumber_data = "BNPB'))
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: 0 galat, 0 peringatan\n"


def test_diff_says_changed_bands_arah_and_kondisi_akhir_in_words(tmp_path, capsys):
    from ikudoc.cli import main

    (tmp_path / "lama").mkdir()
    old = variant(tmp_path / "lama", "rentang_turun")
    new = variant(tmp_path, "rentang_turun", ("2026 = [139.83, 136.50]", "2026 = [139.00, 136.00]"),
                  ("kondisi_akhir = [129.84, 126.51]", "kondisi_akhir = [130.00, 127.00]"),
                  ('nama = "Persentase Desa Tangguh Bencana (%)"\n',
                   'nama = "Persentase Desa Tangguh Bencana (%)"\narah = "turun"\n'),
                  ("2027 = 8,", "2027 = [8, 7],"))
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "Kondisi Akhir Periode, Indeks Risiko Bencana (indeks): 129,84 - 126,51 -> 130,00 - 127,00" in out
    assert ("Arah, Persentase Desa Tangguh Bencana (%): naik (makin tinggi makin baik) -> turun (makin rendah makin "
            "baik)") in out
    assert "Target 2026, Indeks Risiko Bencana (indeks): 139,83 - 136,50 -> 139,00 - 136,00" in out
    assert "Target 2027, Jumlah Korban Jiwa Akibat Bencana (jiwa): 8 -> 8 - 7" in out


def test_diff_says_which_tujuan_a_sasaran_moved_to(tmp_path, capsys):
    from ikudoc.cli import main

    (tmp_path / "lama").mkdir()
    old = variant(tmp_path / "lama", "tujuan_kesehatan")
    new = variant(tmp_path, "tujuan_kesehatan",
                  ("[[sasaran]]\nnama = \"Menurunnya Angka Kematian Ibu\"",
                   '[[tujuan]]\nnama = "Meningkatnya Perlindungan Kesehatan"\n\n'
                   "[[sasaran]]\nnama = \"Menurunnya Angka Kematian Ibu\""),
                  ('nama = "Meningkatnya Cakupan Jaminan Kesehatan"\n',
                   'nama = "Meningkatnya Cakupan Jaminan Kesehatan"\ntujuan = "Meningkatnya Perlindungan Kesehatan"\n'))
    new.write_text(new.read_text(encoding="utf-8").replace(
        '[[sasaran]]\nnama = "Menurunnya', '[[sasaran]]\ntujuan = "Meningkatnya Kualitas Kesehatan Masyarakat"\n'
                                          'nama = "Menurunnya'), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "Tujuan, butir 2: {+Meningkatnya Perlindungan Kesehatan+}" in out
    assert ("Tujuan dari sasaran Meningkatnya Cakupan Jaminan Kesehatan: Meningkatnya Kualitas Kesehatan Masyarakat -> "
            "Meningkatnya Perlindungan Kesehatan") in out


def table_of(konten) -> list[tuple]:
    """The table's groups as content: each tujuan or sasaran with the tujuan it names and its indicators' fields
    (all but arah and kumulatif, which these tables do not print)."""
    return [(loc[0], group.nama, getattr(group, "tujuan", None),
             [ind.model_dump(exclude={"arah", "kumulatif"}) for ind in group.indikator])
            for loc, group in konten.groups()]


@pytest.mark.parametrize("shape", SHAPES)
def test_import_reads_the_built_table_back_into_the_same_keys(shape, tmp_path):
    """The provincial PENJELASAN cell's labelled parts come back as their fields, its tipe perhitungan as
    kumulatif, and their order as [tabel] penjelasan."""
    from ikudoc.iku.columns import shown
    from ikudoc.iku.loader import load
    from ikudoc.importer import import_word

    word = build_file(FIXTURES / f"{shape}.toml", tmp_path, Options(("docx",), fill_toc=False)).outputs[0]
    content = tmp_path / "impor.toml"
    imported = import_word(word, "impor.toml")
    content.write_text(imported.text, encoding="utf-8")
    assert "# PERIKSA WAJIB" not in imported.text  # (a government's own IKU names itself once on its cover)
    konten, original = load(content), load(FIXTURES / f"{shape}.toml")
    assert table_of(konten) == table_of(original)
    assert shown(konten) == shown(original) and konten.tabel.judul == original.tabel.judul
    assert konten.tabel.penjelasan == original.tabel.penjelasan
    if "kumulatif" in (original.tabel.penjelasan or ()):  # (the other tables do not print it)
        assert [i.is_cumulative() for _, _, i in konten.indicators()] == [False, False, True]
        assert [i.is_cumulative() or False for _, _, i in original.indicators()] == [False, False, True]


def test_import_reads_tujuan_rows_bands_kondisi_akhir_and_two_explanation_columns_as_typed(tmp_path):
    from ikudoc.iku.loader import load
    from ikudoc.importer import import_word
    from support.word_fixtures import TypedDocument
    from test_import import five_year_document

    document: TypedDocument = five_year_document()
    document.table = None
    document.plain_table = [
        ["NO", "TUJUAN/SASARAN", "INDIKATOR KINERJA", "DEFINISI OPERASIONAL", "FORMULA PERHITUNGAN", "TARGET 2025",
         "TARGET 2026", "KONDISI KINERJA PADA AKHIR PERIODE RPJMD"],
        ["", "Tujuan 1: Menurunnya Risiko Bencana Daerah", "", "", "", "", "", ""],
        ["1.", "Meningkatnya Kesiapsiagaan", "Indeks Risiko Bencana", "Risiko bencana menurut BNPB.",
         "Bahaya x kerentanan / kapasitas", "143,33 - 139,83", "139,83 - 136,50", "136,50 - 133,17"],
        ["", "Tujuan 2: Meningkatnya Kualitas Kesehatan Masyarakat", "Umur Harapan Hidup", "Tahun hidup bayi.",
         "Tabel kematian BPS", "71,35", "71,50", "72,10"],
        ["2.", "Menurunnya Angka Kematian Ibu", "Angka Kematian Ibu", "Kematian ibu.", "Kematian / KH x 100.000",
         "95", "92", "80"],
    ]
    source = document.save(tmp_path / "kebiasaan.docx")
    content = tmp_path / "kebiasaan.toml"
    content.write_text(import_word(source, "kebiasaan.toml").text, encoding="utf-8")
    konten = load(content)
    assert [(t.nama, [i.nama for i in t.indikator]) for t in konten.tujuan] == [
        ("Menurunnya Risiko Bencana Daerah", []), ("Meningkatnya Kualitas Kesehatan Masyarakat", ["Umur Harapan Hidup"])]
    assert [(s.nama, s.tujuan) for s in konten.sasaran] == [
        ("Meningkatnya Kesiapsiagaan", "Menurunnya Risiko Bencana Daerah"),
        ("Menurunnya Angka Kematian Ibu", "Meningkatnya Kualitas Kesehatan Masyarakat")]
    risiko = konten.sasaran[0].indikator[0]
    assert (risiko.makna.sumber, risiko.rumus_perhitungan.sumber, risiko.satuan) == (
        "Risiko bencana menurut BNPB.", "Bahaya x kerentanan / kapasitas", None)
    assert {year: target.nilai for year, target in risiko.target.items()} == {
        "2025": Rentang(Decimal("143.33"), Decimal("139.83")), "2026": Rentang(Decimal("139.83"), Decimal("136.50"))}
    assert risiko.kondisi_akhir.nilai == Rentang(Decimal("136.50"), Decimal("133.17"))
    assert konten.tujuan[1].indikator[0].kondisi_akhir.nilai == Decimal("72.10")
    assert konten.tabel.kolom == ["sasaran", "indikator", "makna", "rumus_perhitungan", "target", "kondisi_akhir"]
    assert konten.tabel.judul == {"target": "TARGET", "kondisi_akhir": "KONDISI KINERJA PADA AKHIR PERIODE RPJMD",
                                  "indikator": "INDIKATOR KINERJA"}
    grid = docx_grid(build_file(content, tmp_path / "build", Options(("docx",), fill_toc=False)).outputs[0])
    assert grid[2:5] == [
        ["", "Menurunnya Risiko Bencana Daerah", "", "", "", "", "", ""],
        ["1.", "Meningkatnya Kesiapsiagaan", "Indeks Risiko Bencana", "Risiko bencana menurut BNPB.",
         "Bahaya x kerentanan / kapasitas", "143,33 - 139,83", "139,83 - 136,50", "136,50 - 133,17"],
        ["2.", "Meningkatnya Kualitas Kesehatan Masyarakat", "Umur Harapan Hidup", "Tahun hidup bayi.",
         "Tabel kematian BPS", "71,35", "71,50", "72,10"]]


def test_a_band_in_a_narrow_year_column_breaks_only_after_its_dash(tmp_path, office):
    pdf = build_file(FIXTURES / "rentang_turun.toml", tmp_path, Options(("docx", "pdf")), office).outputs[1]
    page = next(page for page in read_pages(pdf) if "LAMPIRAN" in page.lines)
    lines = [normalise(line) for line in page.raw.splitlines()]
    bands = [cell for cell in RENTANG[2] if " - " in cell]
    assert "-" not in lines
    for band in bands:  # "143,33 -" ends a line, "139,83" stands on the next
        start, end = band.split(" - ")
        assert any(line.endswith(f"{start} -") and after.startswith(end) for line, after in zip(lines, lines[1:],
                                                                                             strict=False)), band


def test_import_reads_a_typed_provincial_penjelasan_cell_into_its_fields(tmp_path):
    """Labels as a provincial typist writes them, one per line of the cell; a tipe perhitungan that is
    neither kumulatif nor non kumulatif is left for the user, with a note at its place."""
    from ikudoc.iku.loader import load
    from ikudoc.importer import import_word
    from support.word_fixtures import TypedDocument
    from test_import import five_year_document

    document: TypedDocument = five_year_document()
    document.table = None
    document.plain_table = [
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "PENJELASAN", "SAT."],
        ["1.", "Meningkatnya Pertumbuhan Ekonomi", "Laju Pertumbuhan Ekonomi",
         "Alasan Pemilihan : Kinerja perekonomian daerah.\nFormulasi : (PDRB t - PDRB t-1) / PDRB t-1 x 100\n"
         "Tipe Perhitungan : Non-Kumulatif\nPenanggung Jawab : BAPPEDA\nSumber Data : BPS", "%"],
        ["2.", "^", "Indeks Gini", "Alasan Pemilihan : Ketimpangan pendapatan.\nFormulasi : Dihitung BPS\n"
         "Tipe Perhitungan : Rata-rata\nPenanggung Jawab : BAPPEDA\nSumber Data : BPS", "indeks"],
    ]
    document.plain_table[2][1] = "Meningkatnya Pertumbuhan Ekonomi"
    source = document.save(tmp_path / "provinsi.docx")
    content = tmp_path / "provinsi.toml"
    text = import_word(source, "provinsi.toml").text
    content.write_text(text, encoding="utf-8")
    assert '# PERIKSA: tipe perhitungan "Rata-rata" tidak dikenali; tulis kumulatif = true atau false' in text
    konten = load(content)
    growth, gini = konten.sasaran[0].indikator
    assert (growth.alasan_pemilihan.sumber, growth.rumus_perhitungan.sumber, growth.kumulatif, growth.penanggung_jawab,
            growth.sumber_data) == ("Kinerja perekonomian daerah.", "(PDRB t - PDRB t-1) / PDRB t-1 x 100", False,
                                    "BAPPEDA", "BPS")
    assert (gini.kumulatif, gini.sumber_data) == (None, "BPS")
    assert konten.tabel.penjelasan == ["alasan_pemilihan", "rumus_perhitungan", "kumulatif", "penanggung_jawab",
                                       "sumber_data"]
    assert konten.tabel.judul == {"penjelasan": "PENJELASAN"}
