"""Build the template context of a Laporan Kinerja: the cover, the signed kata pengantar, the ikhtisar, the
chapters with the parts generated from the data placed where the text names them ({tabel_pk},
{capaian_kinerja}, {realisasi_anggaran}), and the year's Perjanjian Kinerja as its lampiran. The figures
come from figures.py, formatted the Indonesian way; the templates (lkjip.docx, lkjip.html.j2) decide how
everything looks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..content.chapters import References, chapters
from ..content.fields import Penandatangan, Target
from ..content.formatting import format_rupiah, format_target, format_with_unit
from ..content.markup import ListReference
from ..iku.model import Indikator
from ..perjanjian.context import target_table
from ..render.blocks import DataRow, DataTable, Figure, Heading, cell, sasaran_rows, totalled
from ..render.rendering import Layout, Metadata, Rendering, WordTable
from ..render.sasaran_table import SasaranTable, word_table
from .capaian import shown_percent
from .chart import WIDTH_MM, chart
from .figures import Angka, CapaianIndikator, CapaianSasaran, figures
from .loader import LaporanKinerja

#: The Word template's table styles, one per kind of table, and their columns' shares of the width.
TARGET_STYLE, CAPAIAN_STYLE, RIWAYAT_STYLE = "TabelTargetLaporan", "TabelCapaianLaporan", "TabelRiwayatLaporan"
RENSTRA_STYLE, STANDAR_STYLE, ANGGARAN_STYLE = "TabelRenstraLaporan", "TabelStandarLaporan", "TabelAnggaranLaporan"
PROGRAM_STYLE = "TabelProgramLaporan"
#: The target table's shares (the PK template's); its rows are laid out by the fitter the PK's table goes
#: through, which merges a sasaran's cell over its indicators.
TARGET_WIDTHS = (6, 36, 40, 18)
WIDTHS = {
    CAPAIAN_STYLE: (6, 38, 14, 14, 14, 14),
    RENSTRA_STYLE: (6, 46, 16, 16, 16),
    STANDAR_STYLE: (6, 54, 20, 20),
    ANGGARAN_STYLE: (6, 40, 20, 20, 14),
    PROGRAM_STYLE: (6, 44, 28, 22),
}
#: The generated parts, in the order they are numbered when a chapter places several.
PARTS = ("tabel_pk", "capaian_kinerja", "realisasi_anggaran")


@dataclass(frozen=True)
class DokumenLaporan:
    tahun: str
    tempat: str
    tanggal: str  # "14 Februari 2025", or "Februari 2025"
    lambang: Path | None


@dataclass(frozen=True)
class LampiranPK:
    """The year's Perjanjian Kinerja, attached: its tables and who signed it, where and when."""

    tahun: str
    target: DataTable
    program: DataTable
    tempat: str
    tanggal: str
    pihak_pertama: Penandatangan
    pihak_kedua: Penandatangan


class _Numbers:
    """Captions numbered per chapter: Tabel 3.1, 3.2 ...; Grafik 3.1 ..."""

    def __init__(self, chapter: int):
        self.chapter = chapter
        self.counts = {"Tabel": 0, "Grafik": 0}

    def __call__(self, kind: str, title: str) -> str:
        self.counts[kind] += 1
        return f"{kind} {self.chapter}.{self.counts[kind]} {title}"


def build_laporan_context(laporan: LaporanKinerja, layout: Layout) -> Rendering:
    """What the LKjIP templates see and the writers follow (printed on its IKU's paper)."""
    konten = laporan.konten
    iku = laporan.iku
    page = layout.page(iku.dokumen.kertas, iku.dokumen.margin)
    angka = figures(laporan)
    targets = target_table(((row.sasaran, row.indikator, _with_unit(row.target, row.indikator))
                            for row in laporan.indikator), layout, page, TARGET_STYLE, "tabel target Laporan Kinerja",
                           TARGET_WIDTHS)
    parts = _parts(laporan, angka, targets)
    references = References({}, {}, parts)
    years = len(angka.tahun)
    numbered = chapters(konten.bab, references)
    variables = {
        "dokumen": DokumenLaporan(laporan.tahun, konten.laporan.tempat, konten.laporan.tanggal.teks,
                                  iku.dokumen.lambang),
        "instansi": iku.instansi,
        "penandatangan": laporan.penandatangan,
        "kata_pengantar": references.blocks(konten.kata_pengantar.isi),
        "ikhtisar": references.blocks(konten.ikhtisar.isi),
        "bab": numbered,
        # the daftar tabel and daftar grafik: every captioned table and chart of the chapters, in order
        "daftar_tabel": _captioned(numbered, DataTable),
        "daftar_grafik": _captioned(numbered, Figure),
        "lampiran": _attached_agreement(laporan, targets),
        "tte": konten.tte,
    }
    plans = tuple(WordTable(style, lebar=_percent(widths)) for style, widths in WIDTHS.items()) + (
        word_table(targets, TARGET_STYLE),)
    if years > 1:  # a column per year compared
        plans += (WordTable(RIWAYAT_STYLE, lebar=_percent((30, *([70 / years] * years)))),)
    return Rendering(variables, page, _metadata(laporan), plans)


def _captioned(numbered: tuple, kind: type) -> tuple:
    return tuple(block for bab in numbered for block in (*bab.isi, *(b for bagian in bab.bagian for b in bagian.isi))
                 if isinstance(block, kind) and block.judul)


def _percent(weights: tuple[float, ...]) -> tuple[float, ...]:
    total = sum(weights)
    return tuple(100 * w / total for w in weights)


def _parts(laporan: LaporanKinerja, angka: Angka, targets: SasaranTable) -> dict[str, tuple]:
    """The blocks each part name stands for, captions numbered by the chapter the text places it in."""
    placed: dict[str, int] = {}
    for number, bab in enumerate(laporan.konten.bab, 1):
        for text in (bab.isi, *(g.isi for g in bab.bagian)):
            for block in text.blok if text else ():
                if isinstance(block, ListReference) and block.nama in PARTS:
                    placed.setdefault(block.nama, number)
    counters: dict[int, _Numbers] = {}
    makers = {"tabel_pk": partial(_agreement_part, targets=targets), "capaian_kinerja": _capaian_part,
              "realisasi_anggaran": _budget_part}
    return {name: makers[name](laporan, angka, counters.setdefault(placed[name], _Numbers(placed[name])))
            for name in PARTS if name in placed}


def _shown(value: Target | None, indikator: Indikator) -> str:
    return "-" if value is None else format_target(value, indikator)


def _with_unit(value: Target | None, indikator: Indikator) -> str:
    return "-" if value is None else format_with_unit(value, indikator)


def _target_data(table: SasaranTable, caption: str = "") -> DataTable:
    """The fitted target table as the template's table of figures, its groups merged as the fitter says."""
    return DataTable(caption, TARGET_STYLE, ("NO", *(column.judul for column in table.kolom)), sasaran_rows(table))


def _agreement_part(laporan: LaporanKinerja, angka: Angka, caption: _Numbers, targets: SasaranTable) -> tuple:
    source = "Perjanjian Kinerja" if laporan.pk else "Indikator Kinerja Utama"
    return (_target_data(targets, caption("Tabel", f"Target Kinerja Tahun {laporan.tahun} ({source})")),)


def _capaian_part(laporan: LaporanKinerja, angka: Angka, caption: _Numbers) -> tuple:
    year = laporan.tahun
    blocks: list = []
    for group in angka.sasaran:
        blocks.append(Heading(f"{group.sebutan}: {group.sasaran.nama}"))
        blocks.extend(_this_year(group, year, caption))
        blocks.extend(_history(group, year, caption))
        blocks.extend(_renstra(group, year, angka.tahun_renstra, caption))
        blocks.extend(_national(group, year, caption))
        for n, row in enumerate(group.indikator, 1):
            blocks.extend(_indicator(laporan, group, n, row, caption))
    return tuple(blocks)


def _this_year(group: CapaianSasaran, year: str, caption: _Numbers) -> tuple:
    rows = [DataRow((cell(f"{n}.", True), cell(row.baris.indikator.nama), cell(_with_unit(row.tahun_ini.target,
                    row.baris.indikator), True), cell(_with_unit(row.tahun_ini.realisasi, row.baris.indikator), True),
                     cell(row.tahun_ini.capaian.teks, True), cell(row.predikat or "-", True)))
            for n, row in enumerate(group.indikator, 1)]
    average = DataRow((cell(""), cell(f"Rata-rata capaian {group.kelompok.lower()}"), cell(""), cell(""),
                       cell(group.rata_rata.teks, True), cell(group.predikat or "-", True)))
    return (DataTable(caption("Tabel", f"Target, Realisasi dan Capaian {group.sebutan} Tahun {year}"),
                      CAPAIAN_STYLE, ("NO", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT"),
                      totalled(rows, average)),)


def _history(group: CapaianSasaran, year: str, caption: _Numbers) -> tuple:
    years = [entry.tahun for entry in group.indikator[0].riwayat]  # the same for every indicator (Angka.tahun)
    if len(years) < 2:
        return ()
    rows = tuple(DataRow((cell(row.baris.indikator.nama), *(
        cell((_shown(entry.realisasi, row.baris.indikator), f"({entry.capaian.teks})"), True)
        for entry in row.riwayat))) for row in group.indikator)
    return (DataTable(caption("Tabel", f"Realisasi dan (Capaian %) {group.sebutan} Tahun {years[0]}–{year}"),
                      RIWAYAT_STYLE, ("INDIKATOR KINERJA", *years), rows),)


def _renstra(group: CapaianSasaran, year: str, last_year: str, caption: _Numbers) -> tuple:
    rows = tuple(DataRow((cell(f"{n}.", True), cell(row.baris.indikator.nama),
                          cell(_with_unit(row.renstra.target, row.baris.indikator), True),
                          cell(_with_unit(row.renstra.realisasi, row.baris.indikator), True),
                          cell(row.renstra.capaian.teks, True)))
                 for n, row in enumerate(group.indikator, 1))
    return (DataTable(caption("Tabel", f"Realisasi {year} terhadap Target Akhir Renstra ({last_year}) "
                                       f"{group.sebutan}"),
                      RENSTRA_STYLE, ("NO", "INDIKATOR KINERJA", f"TARGET {last_year}", f"REALISASI {year}",
                                      "CAPAIAN (%)"), rows),)


def _national(group: CapaianSasaran, year: str, caption: _Numbers) -> tuple:
    rows = tuple(DataRow((cell(f"{n}.", True), cell(row.baris.indikator.nama),
                          cell(_with_unit(row.tahun_ini.realisasi, row.baris.indikator), True),
                          cell(_with_unit(row.baris.capaian.standar_nasional, row.baris.indikator), True)))
                 for n, row in enumerate(group.indikator, 1) if row.baris.capaian.standar_nasional is not None)
    if not rows:
        return ()
    return (DataTable(caption("Tabel", f"Realisasi {year} dan Standar Nasional {group.sebutan}"), STANDAR_STYLE,
                      ("NO", "INDIKATOR KINERJA", f"REALISASI {year}", "STANDAR NASIONAL"), rows),)


def _indicator(laporan: LaporanKinerja, group: CapaianSasaran, n: int, row: CapaianIndikator, caption: _Numbers
               ) -> tuple:
    indikator = row.baris.indikator
    of_tujuan = "Tujuan " if group.kelompok == "Tujuan" else ""  # (tujuan 1 and sasaran 1 both have a 1.1)
    blocks: list = [Heading(f"Indikator {of_tujuan}{group.nomor}.{n}: {indikator.nama}")]
    picture = chart(row.riwayat, indikator.satuan, indikator.desimal) if laporan.konten.laporan.grafik else None
    if picture is not None:
        years = row.riwayat[0].tahun, row.riwayat[-1].tahun
        span = years[0] if years[0] == years[1] else f"{years[0]}–{years[1]}"
        blocks.append(Figure(picture, caption("Grafik", f"Target dan Realisasi {indikator.nama} Tahun {span}"),
                             WIDTH_MM))
    analysis = row.baris.capaian.analisis
    if analysis is not None:
        blocks.extend(analysis.blok)
    return tuple(blocks)


def _budget_part(laporan: LaporanKinerja, angka: Angka, caption: _Numbers) -> tuple:
    if not angka.program:
        return ()

    rows = [DataRow((cell(f"{n}.", True), cell(p.nama), cell(format_rupiah(p.anggaran), True),
                     cell(format_rupiah(p.realisasi), True), cell(shown_percent(p.persen), True)))
            for n, p in enumerate(angka.program, 1)]
    total = angka.jumlah
    total_row = DataRow((cell(""), cell("JUMLAH"), cell(format_rupiah(total.anggaran), True),
                         cell(format_rupiah(total.realisasi), True), cell(shown_percent(total.persen), True)))
    return (DataTable(caption("Tabel", f"Realisasi Anggaran per Program Tahun {laporan.tahun}"), ANGGARAN_STYLE,
                      ("NO", "PROGRAM", "ANGGARAN", "REALISASI", "SERAPAN (%)"), totalled(rows, total_row)),)


def _attached_agreement(laporan: LaporanKinerja, targets: SasaranTable) -> LampiranPK | None:
    pk = laporan.pk
    if pk is None:
        return None
    programs = tuple(DataRow((cell(f"{n}.", True), cell(p.nama), cell(format_rupiah(p.anggaran), True),
                              cell(p.keterangan or ""))) for n, p in enumerate(pk.konten.program, 1))
    total = DataRow((cell(""), cell("JUMLAH"), cell(format_rupiah(sum(p.anggaran for p in pk.konten.program)), True),
                     cell("")))
    return LampiranPK(
        pk.tahun,
        _target_data(targets),
        DataTable("", PROGRAM_STYLE, ("NO", "PROGRAM", "ANGGARAN", "KETERANGAN"), totalled(programs, total)),
        pk.konten.perjanjian.tempat, pk.konten.perjanjian.tanggal.teks, pk.pihak_pertama, pk.pihak_kedua)


def _metadata(laporan: LaporanKinerja) -> Metadata:
    instansi = laporan.iku.instansi.nama_singkat
    return Metadata(
        judul=f"Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {laporan.tahun} – {instansi}",
        subjek=f"Laporan Kinerja Tahun {laporan.tahun} {instansi}",
        penulis=instansi,
        tanggal=laporan.konten.laporan.tanggal.tanggal,
    )
