"""Broken content ends in one Indonesian line per problem, naming file, line and key; exit status 1,
no traceback, and the outputs of the last good build untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE
from ikudoc.cli import main


def variant(tmp_path: Path, *edits: tuple[str, str], name: str = "iku_2024.toml") -> Path:
    """The sample content with each (old, new) edit applied; every ``old`` must occur exactly once."""
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(fragment)]
    return lines[occurrence - 1]


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
    path = variant(tmp_path, (FIRST_UNIT, 'sumber_data = "ODS'))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    assert err[0] == (f"{path}:{line_of(path, '[[sasaran.indikator]]')}: sasaran[1].indikator[1].satuan: "
                      "wajib ada, tetapi tidak ditemukan [missing]")


def test_table_where_a_text_belongs(tmp_path, capsys):
    path = variant(tmp_path, ('pangkat = "Pembina Utama Madya"', 'pangkat = { golongan = "IV/d" }'))
    status, err = build(path, tmp_path / "out", capsys)
    assert status == 1
    assert err[0] == (f"{path}:{line_of(path, 'pangkat =')}: penandatangan.pangkat: "
                      "harus berupa teks di antara tanda kutip, bukan tabel [string-type]")


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
        (FIRST_UNIT, 'sumber_data = "ODS'),
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
    assert err[1].startswith(f"{path}:{line_of(path, 'sumberdata')}: sasaran[1].indikator[1].sumberdata: "
                             'kunci tidak dikenal; maksudnya "sumber_data"? Kunci yang boleh di sini: nama, kode, makna,')
    assert err[0] == (f"{path}:{line_of(path, '[[sasaran.indikator]]')}: sasaran[1].indikator[1].sumber_data: "
                      "wajib ada, tetapi tidak ditemukan [missing]")


@pytest.mark.parametrize("edit, message", [
    (("judul = \"Latar Belakang\"\nisi = \"\"\"\n", "judul = \"Latar Belakang\"\nisi = \"\"\"\n# Judul\n\n"),
     "bab[1].bagian[1].isi: judul Markdown (#) tidak didukung di dalam teks dokumen [markdown]"),
    (("**{visi}**", "**{visii}**"),
     "bab[2].bagian[2].isi: rujukan {visii} tidak dikenal; yang tersedia: {visi}, {misi_pilihan}, {tujuan}, "
     "{daftar_misi}, {daftar_sasaran}, {daftar_iku}, {daftar_strategi}, {daftar_kebijakan} "
     "(tulis \\{ untuk kurung kurawal biasa) [markdown]"),
    (("misi_pilihan = 5", "misi_pilihan = 9"), "rpjmd.misi_pilihan: harus nomor salah satu misi, 1 sampai 6 [misi-pilihan]"),
    (("# lambang = ", "lambang = \"tidak_ada.png\" # "),
     'dokumen.lambang: berkas gambar "tidak_ada.png" tidak ditemukan'),
    (('tanggal = "2024-10"', 'tanggal = "Oktober 2024"'),
     'dokumen.tanggal: tanggal harus berupa tanggal TOML tanpa kutip (2024-10-15) atau bulan dalam kutip ("2024-10")'),
    (("2021 = 33.54\n2022 = 34.26\n2023 = 35.22\n2024 = 36.18\n\n[sasaran.indikator.target]",
      "2021 = 33.54\n2022 = 34.26\n2023 = 35.22\n2024 = true\n\n[sasaran.indikator.target]"),
     "sasaran[1].indikator[1].target_sebelum.2024: target harus berupa angka (8.57) atau teks (\"N/A\"), "
     "bukan benar/salah (true/false) [target-jenis]"),
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
    line = next(n for n, text in enumerate(SAMPLE.read_text().splitlines(), 1) if "Rencana Strategik" in text)
    assert err[0] == f"{path}:{line}: berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 [bukan-utf8]"


def test_command_line_exit_status_and_no_traceback(tmp_path):
    path = variant(tmp_path, ("2024 = 8.57", '2024 = "8,57"'))
    result = subprocess.run([sys.executable, "-m", "ikudoc", "build", str(path), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[target-teks-angka]" in result.stderr.splitlines()[0]
    assert not (tmp_path / "out").exists()
