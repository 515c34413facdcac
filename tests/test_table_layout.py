"""The IKU table fits its landscape page whatever its shape: narrow columns as wide as their widest
entry, text columns sharing the rest, the type shrunk down to 7 pt when needed, long words broken;
a table that cannot fit stops the build with one Indonesian line naming the widest target; rows and
sasaran that fit on a page are kept on one."""

from __future__ import annotations

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.content.problems import ContentError
from ikudoc.render.page_setup import PageSetup
from ikudoc.render.table_layout import MIN_SIZE, TextMeasure, page_text_size
from ikudoc.render.template_files import shipped_templates
from ikudoc.render.word_template import read_look
from support import SAMPLE, rendering
from support.page_checker import faults, parts_of
from support.shapes import shaped_content, spread

LOOK = read_look(shipped_templates() / "iku.docx", "TabelIKU")
PT_PER_MM = 72 / 25.4


def table_of(content, **options):
    return rendering(content, **options).variables["iku"]


def widths_mm(table, paper="A4"):
    width, _ = page_text_size(PageSetup(paper), LOOK)
    return dict(enumerate(w * width / 100 for w in table.tata_letak.lebar))


def test_sample_keeps_the_templates_type_and_fills_the_width():
    table = table_of(SAMPLE)
    assert table.tata_letak.ukuran == LOOK.table_size == 9.0 and table.tata_letak.skala == 1
    assert sum(table.tata_letak.lebar) == pytest.approx(100, abs=0.01)
    widths = dict(zip(table.grid, table.tata_letak.lebar, strict=False))
    years = [w for kind, w in zip(table.grid, table.tata_letak.lebar, strict=True) if kind.startswith("target")]
    assert len(set(years)) == 1 and len(years) == 8
    assert widths["penjelasan"] == max(table.tata_letak.lebar)
    assert widths["sasaran"] > years[0] and widths["sumber_data"] > years[0]


def test_every_target_figure_fits_its_column_whole(tmp_path):
    content = shaped_content(tmp_path, spread(3), years=range(2021, 2031))
    table = table_of(content)
    measure = TextMeasure(LOOK.font)
    size = table.tata_letak.ukuran
    widths = widths_mm(table)
    padding = 2 * LOOK.cell_margin * size / LOOK.table_size
    for column, kind in enumerate(table.grid):
        if kind.startswith("target"):
            year = column - table.grid.index(kind)
            cells = [next(cell for cell in r.sel if cell.kolom == kind) for s in table.sasaran for r in s.indikator]
            widest = max(measure.width(cell.nilai[year], size) for cell in cells) / PT_PER_MM
            assert widest + padding <= widths[column]


def test_ten_years_in_a_revision_shrink_the_type_but_not_below_seven_points(tmp_path):
    table = table_of(shaped_content(tmp_path, spread(3), years=range(2021, 2031)))
    assert table.grid.count("target_sebelum") == table.grid.count("target") == 10
    assert MIN_SIZE <= table.tata_letak.ukuran < LOOK.table_size
    assert table.tata_letak.skala == table.tata_letak.ukuran / LOOK.table_size


def test_twelve_years_in_a_revision_fit_f4_but_not_a4(tmp_path):
    content = shaped_content(tmp_path, spread(3), years=range(2021, 2033))
    assert table_of(content, kertas="F4").tata_letak.ukuran >= MIN_SIZE
    with pytest.raises(ContentError) as raised:
        table_of(content)
    (problem,) = raised.value.problems
    assert problem.code == "tabel-terlalu-lebar"
    assert problem.loc == ("sasaran", 0, "indikator", 0, "target_sebelum", "2021")
    assert problem.line == content.read_text(encoding="utf-8").splitlines().index("2021 = 11.00") + 1
    assert problem.message == (
        "tabel IKU tidak muat di kertas A4 mendatar (lebar teks 257 mm), walaupun hurufnya sudah diperkecil sampai "
        "7 pt: 26 kolom sempit (24 di antaranya kolom tahun; isi terlebar \"11,00\") memerlukan 213 mm, dan kolom "
        "teks paling sedikit 69 mm. Kurangi jumlah tahun atau kolom ([tabel] kolom), persingkat isi terlebar itu, "
        "pakai kertas F4 (kertas = \"F4\" di [dokumen], atau --kertas F4), atau perkecil margin kiri dan kanan")


def test_a_table_too_wide_stops_build_and_check_with_one_line_and_writes_nothing(tmp_path, capsys):
    content = shaped_content(tmp_path, spread(3), years=range(2021, 2033))
    assert main(["build", str(content), "-o", str(tmp_path / "out"), "--no-fill-toc"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{content}:") and err[0].endswith("[tabel-terlalu-lebar]")
    assert ": sasaran[1].indikator[1].target_sebelum.2021: tabel IKU tidak muat di kertas A4" in err[0]
    assert err[1:] == [f"{content}: 1 masalah; dokumen tidak dibangun, hasil lama tidak diubah.",
                       "gagal: 1 dari 1 berkas gagal dibangun."]
    assert not (tmp_path / "out").exists()
    assert main(["check", str(content)]) == 1
    assert "[tabel-terlalu-lebar]" in capsys.readouterr().err
    assert main(["check", str(content), "--kertas", "F4"]) == 0  # check judges the paper the build will use
    assert "tabel-terlalu-lebar" not in capsys.readouterr().err
    assert main(["build", str(content), "-o", str(tmp_path / "out"), "--no-fill-toc", "--kertas", "F4"]) == 0


def test_long_words_and_long_names_are_broken_within_their_column(tmp_path, office):
    content = shaped_content(tmp_path, [2, 1])
    text = content.read_text(encoding="utf-8")
    long_word = "https://ods.dinaskoperasi.lampungprov.go.id/laporan/capaian-koperasi-berkualitas-tahunan"
    text = text.replace('sumber_data = "Dinas Uji Provinsi"', f'sumber_data = "Portal {long_word}"', 1)
    text = text.replace("Sasaran Uji 01 Meningkatnya Mutu Layanan Daerah",
                        "Sasaran Uji 01 " + "Meningkatnya Mutu Layanan Koperasi dan Usaha Kecil Menengah " * 4, 1)
    content.write_text(text, encoding="utf-8")
    assert table_of(content).tata_letak.ukuran == LOOK.table_size  # a long word does not widen its column
    result = build_file(content, tmp_path / "out", Options(("docx", "pdf"), fill_toc=True), office)
    assert faults(result.outputs[1], parts_of(content)) == []


def test_rows_taller_than_a_page_may_split_and_a_sasaran_too_tall_names_each_row(tmp_path):
    table = table_of(shaped_content(tmp_path, [2, 1, 1], sentences=12))
    tall, short, last = table.sasaran
    assert [row.utuh for row in tall.indikator] == [False, False]  # taller than a page: split where needed
    assert [len(block.indikator) for block in tall.blok] == [1, 1]  # each row under its own sasaran cell
    assert not any(block.utuh for block in tall.blok)
    table = table_of(shaped_content(tmp_path, [2, 1], sentences=1))
    together, _ = table.sasaran
    assert [len(block.indikator) for block in together.blok] == [2] and together.blok[0].utuh


def test_the_last_row_shares_its_page_with_the_signature(tmp_path):
    """The last sasaran is kept together only with room for the signature below it."""
    table = table_of(shaped_content(tmp_path, [1, 2], sentences=2))
    assert [len(block.indikator) for block in table.sasaran[-1].blok] == [1, 1]
    assert table.sasaran[-1].indikator[-1].utuh
