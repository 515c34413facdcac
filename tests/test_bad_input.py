"""Broken content ends in one Indonesian line per problem, naming file, line and key; exit status 1,
no traceback, and the outputs of the last good build untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ikudoc.cli import main
from support import SAMPLE
from support.content_variants import line_of, variant


def build(path: Path, out: Path, capsys) -> tuple[int, list[str]]:
    status = main(["build", str(path), "-o", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return status, captured.err.splitlines()


FIRST_UNIT = 'satuan = "%"\nsumber_data = "ODS'
SECOND_TARGET_2024 = "2024 = 5.71\n\n[sasaran.indikator.target]\n2021 = 2.16\n2022 = 3.29\n2023 = 4.47\n2024 = 8.57"


def test_toml_syntax_error(tmp_path, capsys):
    path = variant(tmp_path, (FIRST_UNIT, 'satuan = %\nsumber_data = "ODS'))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    assert err[0] == (f"{path}:{line_of(path, 'satuan = %')}: nilai tidak sah: teks harus di antara tanda kutip, "
                      "angka memakai titik desimal (8.57) (kolom 10) [sintaks-toml]")
    assert err[-1] == "gagal: 1 dari 1 berkas gagal dibangun."


def test_missing_key(tmp_path, capsys):
    path = variant(tmp_path, ('nama = "Meningkatnya Koperasi yang Berkualitas"', "# nama dihapus"))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    assert err[0] == (f"{path}:{line_of(path, '[[sasaran]]')}: sasaran[1].nama: wajib ada, tetapi tidak ditemukan "
                      "[wajib]")


def test_an_indicator_without_satuan_builds(tmp_path, capsys):
    """The unit may be in the indicator's name: the table then has no SATUAN column."""
    path = variant(tmp_path, (FIRST_UNIT, 'sumber_data = "ODS'))
    status, err = build(path, tmp_path / "out", capsys)
    assert (status, err) == (0, [])


def test_table_where_a_text_belongs(tmp_path, capsys):
    path = variant(tmp_path, ('pangkat = "Pembina Utama Madya"', 'pangkat = { golongan = "IV/d" }'))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    assert err[0] == (f"{path}:{line_of(path, 'pangkat =')}: penandatangan.pangkat: "
                      "harus berupa teks di antara tanda kutip, bukan tabel [harus-teks]")


def test_target_typed_as_text_with_a_decimal_comma(tmp_path, capsys):
    path = variant(tmp_path, ("2024 = 8.57", '2024 = "8,57"'))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    line = line_of(path, '2024 = "8,57"')
    assert err[0] == (f'{path}:{line}: sasaran[2].indikator[1].target.2024: '
                      'target "8,57" ditulis sebagai teks; tulis sebagai angka 8.57 (titik sebagai pemisah desimal, '
                      "tanpa tanda kutip) agar tampil 8,57 [target-teks-angka]")


def test_unequal_target_years(tmp_path, capsys):
    path = variant(tmp_path, (SECOND_TARGET_2024, SECOND_TARGET_2024.removesuffix("\n2024 = 8.57")))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    header = line_of(path, "[sasaran.indikator.target]", occurrence=2)
    assert f"{path}:{header}: sasaran[2].indikator[1].target: tahun target (2021, 2022, 2023) harus sama dengan " \
           "indikator pertama (2021, 2022, 2023, 2024): tidak ada tahun 2024 [tahun-target]" in err


def test_every_problem_is_reported_at_once_in_line_order(tmp_path, capsys):
    path = variant(
        tmp_path,
        ('pangkat = "Pembina Utama Madya"', "pangkat = 4"),
        (FIRST_UNIT, 'satuan = 5\nsumber_data = "ODS'),
        ("2024 = 8.57", '2024 = "8,57"'),
        ('judul = "PENUTUP"', 'judul = "  "'),
    )
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    problems = err[:-2]
    assert [p.split(": ")[1] for p in problems] == [
        "penandatangan.pangkat", "bab[4].judul", "sasaran[1].indikator[1].satuan", "sasaran[2].indikator[1].target.2024",
    ]
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)
    assert err[-2] == f"{path}: 4 masalah; dokumen tidak dibangun, hasil lama tidak diubah."


def test_unknown_key_suggests_the_right_one(tmp_path, capsys):
    path = variant(tmp_path, ('sumber_data = "ODS', 'sumberdata = "ODS'))
    _, err = build(path, tmp_path / "out", capsys)
    assert err[0].startswith(f"{path}:{line_of(path, 'sumberdata')}: sasaran[1].indikator[1].sumberdata: "
                             'kunci tidak dikenal; maksudnya "sumber_data"? Kunci yang boleh di sini: nama, kode, makna,')
    assert err[1] == f"{path}: 1 masalah; dokumen tidak dibangun, hasil lama tidak diubah.", "one typo, one line"


@pytest.mark.parametrize("edit, message", [
    (("judul = \"Latar Belakang\"\nisi = \"\"\"\n", "judul = \"Latar Belakang\"\nisi = \"\"\"\n# Judul\n\n"),
     "bab[1].bagian[1].isi: judul Markdown (#) tidak didukung di dalam teks dokumen [markdown]"),
    (("**{visi}**", "**{visii}**"),
     "bab[2].bagian[2].isi: rujukan {visii} tidak dikenal; yang tersedia: {visi}, {misi_pilihan}, {tujuan}, "
     "{daftar_misi}, {daftar_tujuan}, {daftar_sasaran}, {daftar_iku}, {daftar_strategi}, {daftar_kebijakan}; untuk kurung "
     "kurawal biasa, tulis \\\\{ (garis miring terbalik dua kali di dalam tanda kutip TOML) [markdown]"),
    (("misi_pilihan = 5", "misi_pilihan = 9"), "rpjmd.misi_pilihan: harus nomor salah satu misi, 1 sampai 6 [misi-pilihan]"),
    (("# lambang = ", "lambang = \"tidak_ada.png\" # "),
     'dokumen.lambang: berkas gambar "tidak_ada.png" tidak ditemukan'),
    (('tanggal = "2024-10"', 'tanggal = "Oktober 2024"'),
     'dokumen.tanggal: tanggal harus berupa tanggal TOML tanpa kutip (2024-10-15) atau bulan dalam kutip ("2024-10")'),
    (("2021 = 33.54\n2022 = 34.26\n2023 = 35.22\n2024 = 36.18\n\n[sasaran.indikator.target]",
      "2021 = 33.54\n2022 = 34.26\n2023 = 35.22\n2024 = true\n\n[sasaran.indikator.target]"),
     "sasaran[1].indikator[1].target_sebelum.2024: target harus berupa angka (8.57), rentang dua angka "
     "([143.33, 139.83]) atau teks (\"N/A\"), bukan benar/salah (true/false) [target-jenis]"),
])
def test_other_content_rules(tmp_path, capsys, edit, message):
    status, err = build(variant(tmp_path, edit), tmp_path / "out", capsys)
    assert status == 1
    assert any(message in line for line in err), err


def test_failed_build_leaves_previous_outputs_untouched(tmp_path, capsys):
    out = tmp_path / "out"
    good = variant(tmp_path, name="iku.toml")
    assert build(good, out, capsys)[0] == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    bad = variant(tmp_path, ("2024 = 8.57", '2024 = "8,57"'), name="iku.toml")
    assert build(bad, out, capsys)[0] == 1
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert after == before
    assert sorted(before) == ["iku.docx", "iku.html"]  # and no temporary file left behind


def test_non_utf8_file(tmp_path, capsys):
    path = tmp_path / "iku.toml"
    path.write_bytes(SAMPLE.read_bytes().replace("Rencana Strategik".encode(), "Rencana Strat\xe9gik".encode("latin-1")))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    line = next(n for n, text in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), 1) if "Rencana Strategik" in text)
    assert err[0] == f"{path}:{line}: berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 [bukan-utf8]"


def test_command_line_exit_status_and_no_traceback(tmp_path):
    path = variant(tmp_path, ("2024 = 8.57", '2024 = "8,57"'))
    result = subprocess.run([sys.executable, "-m", "ikudoc", "build", str(path), "-o", str(tmp_path / "out")],
                            capture_output=True, encoding="utf-8")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[target-teks-angka]" in result.stderr.splitlines()[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("edit, line_text, message", [
    (("periode = { awal = 2019, akhir = 2024 }", "periode = { awal = 2019, akhir = 2024"), "periode =",
     "tabel { ... } tidak ditutup: kurang '}' atau koma di antara pasangan (kolom 38)"),
    (("periode = { awal = 2019, akhir = 2024 }", "periode = { awal = 2019, awal = 2024 }"), "periode =",
     "kunci awal ditulis dua kali di dalam tabel { ... } (kolom 37)"),
    (("2024 = 8.57", "2024 = 8,57"), "2024 = 8,57", "angka memakai titik sebagai pemisah desimal: tulis 8.57, bukan 8,57"),
    # the same inside { ... }, as the LKjIP's realisasi are written (the comma before "2024 =" is no decimal)
    (("periode = { awal = 2019, akhir = 2024 }", "periode = { awal = 2019, akhir = 2024, batas = 8,57 }"),
     "periode =", "angka memakai titik sebagai pemisah desimal: tulis batas = 8.57, bukan batas = 8,57"),
    (("[penandatangan]\n", "[penandatangan]\n[penandatangan]\n"), "[penandatangan]",
     "tabel [penandatangan] sudah ditulis sebelumnya; setiap tabel hanya boleh ditulis sekali (kolom 15)"),
    (('nip = "19670418 199203 1003"', "nip = '19670418 199203 1003"), "nip =",
     'teks tidak ditutup sebelum akhir baris: tanda kutip penutup tidak ditemukan (teks beberapa baris ditulis di '
     'antara """ dan """) (kolom 28)'),
])
def test_toml_syntax_errors_in_indonesian(tmp_path, capsys, edit, line_text, message):
    path = variant(tmp_path, edit)
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    line = line_of(path, line_text, occurrence=path.read_text(encoding="utf-8").count("\n" + line_text))  # the last one
    assert err[0] == f"{path}:{line}: {message} [sintaks-toml]"


def test_a_long_text_never_closed_points_where_it_opened(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8")
    closing = 'Pemerintah Provinsi Lampung.\n"""\n'
    assert text.count(closing) == 1
    path = tmp_path / "iku.toml"
    path.write_text(text.replace(closing, 'Pemerintah Provinsi Lampung.\n'), encoding="utf-8")
    status, err = build(path, tmp_path / "out", capsys)
    opened = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == 'isi = """'][-1]
    assert status == 1
    assert err[0] == (f"{path}:{opened}: teks yang dibuka dengan tiga tanda kutip di baris ini tidak pernah ditutup; "
                      "tutup dengan tanda kutip yang sama di akhir teksnya [sintaks-toml]")


def test_a_text_closed_with_two_quotes_hints_at_the_text_above(tmp_path, capsys):
    path = variant(tmp_path, ('berdasarkan tolak ukur yang ditetapkan.\n"""', 'berdasarkan tolak ukur yang ditetapkan.\n""'))
    _, err = build(path, tmp_path / "out", capsys)
    assert "baris ini terbaca sebagai kunci: mungkin teks di atasnya belum ditutup" in err[0]


@pytest.mark.parametrize("edit, message", [
    (('2024 = 8.57', '2024 = "1.234"'),
     'target "1.234" ditulis sebagai teks; tulis angkanya tanpa tanda kutip, dengan titik hanya sebagai pemisah '
     "desimal dan tanpa pemisah ribuan (contoh: 1234 atau 8.57) [target-teks-angka]"),
    (("2024 = 8.57", "2024 = nan"), "target harus angka biasa, bukan nan [target-jenis]"),
    (("[sasaran.indikator.target_sebelum]\n2021 = 2.16\n2022 = 3.29\n2023 = 4.47\n2024 = 5.71\n\n", ""),
     "sasaran[2].indikator[1].target_sebelum: target sebelum perubahan belum ditulis, padahal indikator lain "
     "menuliskannya; tulis [sasaran.indikator.target_sebelum] (sama dengan target bila tidak berubah) "
     "[target-sebelum-kurang]"),
    (('perubahan = "Perubahan 2024"\n', ""),
     'dokumen.perubahan: dokumen ini memuat target sebelum perubahan, jadi harus diberi label perubahan, misalnya '
     'perubahan = "Perubahan 2024" [perubahan-tanpa-label]'),
    (('visi = "RAKYAT LAMPUNG BERJAYA"', 'visi = "RAKYAT {tujuan} BERJAYA"'),
     "rpjmd.visi: teks ini dirujuk dari teks lain, jadi tidak boleh memakai rujukan sendiri ({tujuan}) [rujukan]"),
])
def test_target_and_revision_rules(tmp_path, capsys, edit, message):
    status, err = build(variant(tmp_path, edit), tmp_path / "out", capsys)
    assert status == 1
    assert any(line.endswith(message) for line in err), err


def test_reference_problems_are_reported_with_the_others(tmp_path, capsys):
    path = variant(tmp_path, ("misi_pilihan = 5\n", ""), ('jabatan = "Kepala Dinas"\n', ""))
    _, err = build(path, tmp_path / "out", capsys)
    assert [line.split(": ", 2)[1] for line in err[:-2]] == ["penandatangan.jabatan", "bab[2].bagian[2].isi"]
    assert err[1].endswith("teks memakai {misi_pilihan}, tetapi [rpjmd] misi_pilihan belum diisi (nomor misi yang "
                           "didukung, 1 = misi pertama) [rujukan]")


def test_a_mistyped_table_name_is_one_problem_on_its_line(tmp_path, capsys):
    path = variant(tmp_path, ("[penandatangan]\n", "[penandatanganx]\n"))
    _, err = build(path, tmp_path / "out", capsys)
    assert err[0].startswith(f"{path}:{line_of(path, '[penandatanganx]')}: penandatanganx: kunci tidak dikenal; "
                             'maksudnya "penandatangan"?')
    assert len(err) == 3


def test_an_emblem_that_is_not_an_image(tmp_path, capsys):
    (tmp_path / "lambang.png").write_text("bukan gambar", encoding="utf-8")
    path = variant(tmp_path, ("# lambang = ", 'lambang = "lambang.png" # '))
    _, err = build(path, tmp_path / "out", capsys)
    assert err[0] == (f'{path}:{line_of(path, "lambang =")}: dokumen.lambang: berkas "lambang.png" bukan gambar PNG '
                      "atau JPEG yang utuh; simpan ulang gambarnya sebagai PNG [gambar-jenis]")
