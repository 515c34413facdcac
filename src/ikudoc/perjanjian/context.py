"""Build the template context of a Perjanjian Kinerja: the heading, the two parties, the target table
taken from the IKU for the PK's year, the programs with their total, formatted the Indonesian way. The
templates (pk.docx, pk.html.j2) decide how it looks, the standard text of the agreement included."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.formatting import format_rupiah, format_with_unit
from ..content.markup import Block, Run
from ..iku.columns import TUJUAN_TITLE
from ..iku.model import Indikator, Sasaran, Tujuan
from ..render.page_setup import PageSetup
from ..render.rendering import Layout, Metadata, Rendering, WordTable
from ..render.sasaran_table import (
    ColumnSpec,
    Placement,
    SasaranRows,
    SasaranTable,
    TableCell,
    TableColumn,
    TableRow,
    fitted,
    word_table,
)
from ..render.word_template import header_widths
from .loader import PerjanjianKinerja

#: The Word template's table styles of the target table and the program table (templates/pk.docx).
TARGET_TABLE_STYLE = "TabelSasaranPK"
PROGRAM_TABLE_STYLE = "TabelProgramPK"
#: The target table's columns after NO, as the template titles them (and shares their width, when the
#: template's own table gives none).
COLUMNS = (ColumnSpec("sasaran", "SASARAN STRATEGIS", "teks", 1, 8), ColumnSpec("indikator", "INDIKATOR KINERJA",
                                                                                  "teks", 1, 8),
           ColumnSpec("target", "TARGET", "sempit"))


def group_title(groups: Iterable[Sasaran | Tujuan]) -> str:
    """The title of the column that names each row's group: TUJUAN/SASARAN, as in the IKU's table, when a
    tujuan's own indicators are among the rows; else SASARAN STRATEGIS."""
    return TUJUAN_TITLE if any(isinstance(group, Tujuan) for group in groups) else COLUMNS[0].judul


@dataclass(frozen=True)
class IndikatorPK:
    nama: str
    target: str  # "8,57 %": the year's target with its satuan
    pertama: bool  # a sasaran cell starts in this row (the first of its sasaran, or every row, see SasaranPK)
    baris: int  # the rows that cell spans: all of its sasaran's, or 1


@dataclass(frozen=True)
class SasaranPK:
    nomor: int
    nama: str
    indikator: tuple[IndikatorPK, ...]
    utuh: bool  # its rows fit on one page and are kept there under one merged cell; else each row names it
    tujuan: bool = False  # a tujuan's own indicators: its name stands out (bold), as in the IKU's table


@dataclass(frozen=True)
class ProgramPK:
    nomor: int
    nama: str
    anggaran: str  # "Rp 1.250.000.000"
    keterangan: str


@dataclass(frozen=True)
class DokumenPK:
    tahun: str
    tempat: str
    tanggal: str  # "15 Januari 2024", or "Januari 2024"


def build_perjanjian_context(pk: PerjanjianKinerja, layout: Layout) -> Rendering:
    """What the PK templates see and the writers follow, the target table paged for the page (a PK is
    printed on its IKU's paper) in the Word template's look."""
    perjanjian = pk.konten.perjanjian
    programs = pk.konten.program
    page = layout.page(pk.iku.dokumen.kertas, pk.iku.dokumen.margin)
    table = _target_table(pk, layout, page)
    variables = {
        "dokumen": DokumenPK(pk.tahun, perjanjian.tempat, perjanjian.tanggal.teks),
        "instansi": pk.iku.instansi,
        "lambang": pk.iku.dokumen.lambang,
        "pihak_pertama": pk.pihak_pertama,
        "pihak_kedua": pk.konten.pihak_kedua,
        "pernyataan": _statement(pk),
        "judul_sasaran": table.kolom[0].judul,
        "sasaran": _agreement_rows(table),
        "program": tuple(ProgramPK(n, p.nama, format_rupiah(p.anggaran), p.keterangan or "")
                         for n, p in enumerate(programs, 1)),
        "jumlah_anggaran": format_rupiah(sum(p.anggaran for p in programs)),
        "tte": pk.konten.tte,  # signed electronically: the footnote and the anchor of each party's signature
    }
    # the total row stays on the page of the last program
    program_rows = tuple((True, n == len(programs) - 1) for n in range(len(programs) + 1))
    return Rendering(variables, page, _metadata(pk), (
        word_table(table, TARGET_TABLE_STYLE, widths=False), WordTable(PROGRAM_TABLE_STYLE, baris=program_rows)))


def _statement(pk: PerjanjianKinerja) -> tuple[Block, ...] | None:
    """The content's own statement, or None: the template's standard text is used."""
    text = pk.konten.perjanjian.pernyataan
    return tuple(text.blok) if text else None


def _target_table(pk: PerjanjianKinerja, layout: Layout, page: PageSetup) -> SasaranTable:
    return target_table(((row.sasaran, row.indikator, format_with_unit(row.target, row.indikator))
                         for row in pk.targets()), layout, page, TARGET_TABLE_STYLE, "tabel target Perjanjian Kinerja")


def target_table(rows: Iterable[tuple[Sasaran | Tujuan, Indikator, str]], layout: Layout, page: PageSetup,
                 style: str, name: str, widths: tuple[int, ...] = ()) -> SasaranTable:
    """A table of targets by sasaran (or tujuan): each indicator with its group and its target as shown,
    fitted to the portrait page in the column widths of the Word template's table of ``style`` (or in
    ``widths``' proportions, when the template's table is a generic one): a sasaran whose rows fit on a
    page is one merged cell over them, kept on one page; a longer one is written in each of its rows, so
    every page names it. The PK's table, and the LKjIP's."""
    rows = tuple(rows)
    columns = (TableColumn.of(COLUMNS[0], group_title(group for group, _, _ in rows)),
               *(TableColumn.of(spec) for spec in COLUMNS[1:]))
    groups: dict[int, tuple[Sasaran | Tujuan, list[TableRow]]] = {}  # by the sasaran (or tujuan) of the IKU
    for number, (group, indikator, target) in enumerate(rows, 1):
        cells = tuple(TableCell(column, isi=(Run(text),)) for column, text in (
            ("sasaran", group.nama), ("indikator", indikator.nama), ("target", target)))
        groups.setdefault(id(group), (group, []))[1].append(TableRow(number, indikator.nama, cells))
    table = SasaranTable("NO", columns, tuple(
        SasaranRows(n, group.nama, tuple(group_rows), jenis="tujuan" if isinstance(group, Tujuan) else "sasaran")
        for n, (group, group_rows) in enumerate(groups.values(), 1)), nama=name)
    widths = header_widths(layout.word_template, style) or widths
    return fitted(table, layout.look(style), page, Placement(mendatar=False, lebar=widths or None))


def _agreement_rows(table: SasaranTable) -> tuple[SasaranPK, ...]:
    """The fitted table as the PK templates draw it."""
    rows = []
    for sasaran in table.sasaran:
        whole = len(sasaran.blok) == 1
        rows.append(SasaranPK(sasaran.nomor, sasaran.nama, tuple(
            IndikatorPK(row.nama, row.sel[2].isi[0].teks, not whole or n == 0,
                        len(sasaran.indikator) if whole else 1)
            for n, row in enumerate(sasaran.indikator)), whole, sasaran.jenis == "tujuan"))
    return tuple(rows)


def _metadata(pk: PerjanjianKinerja) -> Metadata:
    instansi = pk.iku.instansi.nama_singkat
    return Metadata(
        judul=f"Perjanjian Kinerja Tahun {pk.tahun} – {instansi}",
        subjek=f"Perjanjian Kinerja Tahun {pk.tahun} {instansi}",
        penulis=instansi,
        tanggal=pk.konten.perjanjian.tanggal.tanggal,
    )
