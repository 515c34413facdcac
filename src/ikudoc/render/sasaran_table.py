"""A table of sasaran and their indicators, of any document kind (the IKU's table, the PK's targets, a
report's capaian): its columns as the kind specifies them, one cell per column in every row, the rows
of each sasaran in blocks under a merged sasaran cell, equal cells merged where asked, fitted to its
page (table_layout), and the plan the DOCX writer follows for it. A group may also be a tujuan (above
its sasaran, in the same column): its own indicators, or one row holding only its name, kept on the
page of the first rows after it. Without a sasaran column the table is a numbered list of rows.

The templates draw what this says: a column with years is a title over one grid column per year; a
cell marked "mulai" spans ``baris`` rows, one marked "lanjut" is covered by it; a row without a number
is a tujuan's name alone, its other cells empty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from ..content.markup import Runs
from .page_setup import PageSetup
from .rendering import WordTable
from .table_layout import TableLayout, fit_table
from .word_template import TemplateLook

ColumnKind = Literal["teks", "sempit", "tahun"]


@dataclass(frozen=True)
class ColumnSpec:
    """What a kind says of one of its table's columns."""

    nama: str  # "sasaran", "indikator", "target", ...: the column's key (and its cells' ``kolom``)
    judul: str  # its default title
    jenis: ColumnKind  # a text sharing the width; a narrow text as wide as its widest entry; a group of years
    bobot: int = 0  # a text column's share of the width (the proportions of the Word template's cells)
    huruf: int = 0  # a text column holds at least this many average characters per line


@dataclass(frozen=True)
class TableColumn:
    nama: str  # "sasaran", "penjelasan", "target", ...
    judul: str
    tahun: tuple[str, ...] = ()  # a column of years: its years, one grid column each
    jenis: ColumnKind = "teks"
    bobot: int = 0
    huruf: int = 0
    kunci_tahun: bool = True  # a year's value is written under its year in the content (a target's), not alone

    @classmethod
    def of(cls, spec: ColumnSpec, judul: str | None = None, tahun: tuple[str, ...] = (),
           kunci_tahun: bool = True) -> TableColumn:
        return cls(spec.nama, judul or spec.judul, tahun, spec.jenis, spec.bobot, spec.huruf, kunci_tahun)


@dataclass(frozen=True)
class CellPart:
    """One labelled part of a cell: "Makna Indikator : ..."."""

    label: str
    isi: Runs


@dataclass(frozen=True)
class TableCell:
    kolom: str
    isi: Runs = ()  # a text cell's text
    bagian: tuple[CellPart, ...] = ()  # a cell of labelled parts
    nilai: tuple[str, ...] | None = None  # a column of years: the value under each year, "" for none
    gabung: str = ""  # "mulai": the first cell of cells merged down; "lanjut": covered by the cell above
    baris: int = 1  # the rows a "mulai" cell spans


@dataclass(frozen=True)
class TableRow:
    nomor: int | None  # None: the row of a tujuan without indicators, which holds only its name
    nama: str
    sel: tuple[TableCell, ...]  # one per column, in the order of SasaranTable.kolom
    utuh: bool = True  # the row fits on a page and is never split across two
    letak: tuple = ()  # where the row's indicator is written in the content, for a message (a Loc)


@dataclass(frozen=True)
class RowBlock:
    """Rows of one sasaran that share one merged sasaran cell."""

    indikator: tuple[TableRow, ...]
    utuh: bool  # the rows stay together on one page


@dataclass(frozen=True)
class SasaranRows:
    nomor: int
    nama: str
    indikator: tuple[TableRow, ...]
    blok: tuple[RowBlock, ...] = ()  # the rows as the table merges them: one block, or one per row when they
    #                                  cannot fit on a page together (each row then names its sasaran)
    jenis: Literal["sasaran", "tujuan"] = "sasaran"  # a tujuan's rows come before the sasaran under it
    dengan_berikutnya: bool = False  # its last row is kept on the page of the next group's first rows


@dataclass(frozen=True)
class SasaranTable:
    judul_no: str
    kolom: tuple[TableColumn, ...]
    sasaran: tuple[SasaranRows, ...]
    gabung: tuple[str, ...] = ()  # columns whose equal cells are merged per sasaran, besides the sasaran
    tata_letak: TableLayout | None = None  # type size and column widths, fitted to the page
    nama: str = "tabel"  # how a message names it: "tabel IKU"
    pengaturan: str = ""  # where its columns are chosen, for a message: "[tabel] kolom"

    @property
    def dua_baris(self) -> bool:
        """The header has a second row, of years."""
        return any(column.tahun for column in self.kolom)

    @property
    def berkelompok(self) -> bool:
        """The rows are grouped under their sasaran (the table has a sasaran column); else a plain list."""
        return any(column.nama == "sasaran" for column in self.kolom)

    @property
    def grid(self) -> tuple[str, ...]:
        """The column of every grid column, left to right: "no", then each column once, years once each."""
        return ("no", *(column.nama for column in self.kolom for _ in (column.tahun or (None,))))


@dataclass(frozen=True)
class Placement:
    """Where a table is printed and what follows it, for fitting it to its page."""

    mendatar: bool = True  # on a landscape page (a lampiran's)
    sesudahnya: float = 0.0  # mm: what follows the table on its last page (a signature block)
    lebar: tuple[int, ...] | None = None  # the template's column widths (any unit), kept; None: fitted


def fitted(table: SasaranTable, look: TemplateLook, page: PageSetup, place: Placement = Placement()
           ) -> SasaranTable:
    """``table`` with its layout, its rows' blocks, their merged cells, and whether each stays whole
    (TableTooWide when it cannot fit its page)."""
    plan = fit_table(table, look, page, place.mendatar, place.sesudahnya, place.lebar)
    whole = iter(plan.rows_whole)
    groups = []
    for sasaran, together, with_next in zip(table.sasaran, plan.sasaran_together, plan.with_next, strict=True):
        rows = tuple(dataclasses.replace(row, utuh=next(whole)) for row in sasaran.indikator)
        blocks = [rows] if together and table.berkelompok else [(row,) for row in rows]
        blocks = [RowBlock(_merged(block, ("sasaran", *table.gabung)), all(row.utuh for row in block))
                  for block in blocks]
        groups.append(dataclasses.replace(sasaran, indikator=tuple(r for b in blocks for r in b.indikator),
                                          blok=tuple(blocks), dengan_berikutnya=with_next))
    return dataclasses.replace(table, sasaran=tuple(groups), tata_letak=plan.layout)


def _merged(rows: tuple[TableRow, ...], merging: tuple[str, ...]) -> tuple[TableRow, ...]:
    """``rows`` with the cells of the ``merging`` columns merged down where they are equal."""
    cells = [list(row.sel) for row in rows]
    for index, cell in enumerate(rows[0].sel):
        if cell.kolom not in merging:
            continue
        start = 0
        while start < len(rows):
            end = start + 1
            while end < len(rows) and cells[end][index].isi == cells[start][index].isi:
                end += 1
            if end - start > 1:
                cells[start][index] = dataclasses.replace(cells[start][index], gabung="mulai", baris=end - start)
                for covered in range(start + 1, end):
                    cells[covered][index] = dataclasses.replace(cells[covered][index], gabung="lanjut")
            start = end
    return tuple(dataclasses.replace(row, sel=tuple(row_cells)) for row, row_cells in zip(rows, cells, strict=True))


def word_table(table: SasaranTable, style: str, widths: bool = True) -> WordTable:
    """How the DOCX writer lays out a fitted ``table`` drawn in the Word table style ``style``: its column
    widths (unless ``widths`` is False: the template's are kept) and type size, and its rows' pagination: a
    row marked utuh is never split, the rows of a block marked utuh are kept on one page, and the last row
    of a group kept with the next (a tujuan) on the page of the row after it."""
    layout = table.tata_letak
    assert layout is not None, "fit the table first"
    return WordTable(style, layout.lebar if widths else None, layout.skala, layout.tinggi_judul,
                     tuple((row.utuh, (block.utuh and n < len(block.indikator) - 1)
                            or (sasaran.dengan_berikutnya and block is sasaran.blok[-1]
                                and n == len(block.indikator) - 1))
                           for sasaran in table.sasaran for block in sasaran.blok
                           for n, row in enumerate(block.indikator)))
