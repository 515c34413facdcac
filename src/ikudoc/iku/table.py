"""Build the IKU table's part of the template context: its columns (as `[tabel]` chooses them, or as
the data fills them), one cell per column in every row, the rows of each sasaran in blocks under a
merged sasaran cell, equal cells merged where `[tabel] gabung` asks, fitted to its page.

The templates draw what this says: a column with years (targets, kondisi awal) is a title over one
grid column per year; a cell marked "mulai" spans `baris` rows, one marked "lanjut" is covered by it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ..content.formatting import format_target
from ..content.markup import Run, Runs
from ..render.page_setup import PageSetup
from ..render.table_layout import TableLayout, fit_table
from ..render.word_template import TemplateLook
from .columns import COLUMNS, NO, REVISED_TARGET_TITLE, shown
from .model import Indikator, Konten


@dataclass(frozen=True)
class ColumnContext:
    nama: str  # "sasaran", "penjelasan", "target", ...
    judul: str
    tahun: tuple[str, ...] = ()  # a column of years: its years, one grid column each


@dataclass(frozen=True)
class PartContext:
    """One part of a penjelasan cell: "Makna Indikator : ..."."""

    label: str
    isi: Runs


@dataclass(frozen=True)
class CellContext:
    kolom: str
    isi: Runs = ()  # a text cell's text
    bagian: tuple[PartContext, ...] = ()  # a penjelasan cell's parts
    nilai: tuple[str, ...] | None = None  # a column of years: the value under each year, "" for none
    gabung: str = ""  # "mulai": the first cell of cells merged down; "lanjut": covered by the cell above
    baris: int = 1  # the rows a "mulai" cell spans


@dataclass(frozen=True)
class IndicatorContext:
    nomor: int
    nama: str
    sel: tuple[CellContext, ...]  # one per column, in the order of IkuTableContext.kolom
    utuh: bool = True  # the row fits on a page and is never split across two


@dataclass(frozen=True)
class RowBlock:
    """Rows of one sasaran that share one merged sasaran cell."""

    indikator: tuple[IndicatorContext, ...]
    utuh: bool  # the rows stay together on one page


@dataclass(frozen=True)
class SasaranContext:
    nomor: int
    nama: str
    indikator: tuple[IndicatorContext, ...]
    blok: tuple[RowBlock, ...] = ()  # the rows as the table merges them: one block, or one per row when they
    #                                  cannot fit on a page together (each row then names its sasaran)


@dataclass(frozen=True)
class IkuTableContext:
    judul_no: str
    kolom: tuple[ColumnContext, ...]
    sasaran: tuple[SasaranContext, ...]
    gabung: tuple[str, ...] = ()  # columns whose equal cells are merged per sasaran, besides the sasaran
    tata_letak: TableLayout | None = None  # type size and column widths, fitted to the page

    @property
    def dua_baris(self) -> bool:
        """The header has a second row, of years."""
        return any(column.tahun for column in self.kolom)

    @property
    def grid(self) -> tuple[str, ...]:
        """The column of every grid column, left to right: "no", then each column once, years once each."""
        return ("no", *(column.nama for column in self.kolom for _ in (column.tahun or (None,))))


def iku_table(konten: Konten, runs: Callable[[Runs], Runs], look: TemplateLook, page: PageSetup) -> IkuTableContext:
    """The table of ``konten``, its texts' references resolved by ``runs``, fitted to ``page`` in the Word
    template's ``look`` (TableTooWide when it cannot fit)."""
    columns = _columns(konten)
    number = 0
    groups = []
    for s_number, sasaran in enumerate(konten.sasaran, 1):
        rows = []
        for ind in sasaran.indikator:
            number += 1
            cells = tuple(_cell(column, sasaran.nama, ind, runs) for column in columns)
            rows.append(IndicatorContext(number, ind.nama, cells))
        groups.append(SasaranContext(s_number, sasaran.nama, tuple(rows)))
    table = IkuTableContext(NO.judul, columns, tuple(groups), tuple(konten.tabel.gabung))
    return _fitted(table, look, page)


def _columns(konten: Konten) -> tuple[ColumnContext, ...]:
    names = shown(konten)
    baseline = next((ind.kondisi_awal.tahun for _, _, ind in konten.indicators() if ind.kondisi_awal), None)
    years = {
        "target": konten.tahun_target(),
        "target_sebelum": konten.tahun_target(),
        "kondisi_awal": (str(baseline),) if baseline is not None else (),
    }
    titles = {name: COLUMNS[name].judul for name in names}
    if "target_sebelum" in names:
        titles["target"] = REVISED_TARGET_TITLE
    titles |= konten.tabel.judul
    return tuple(ColumnContext(name, titles[name], years.get(name, ())) for name in names)


def _cell(column: ColumnContext, sasaran: str, ind: Indikator, runs: Callable[[Runs], Runs]) -> CellContext:
    name = column.nama
    if name == "penjelasan":
        parts = ((label, getattr(ind, field)) for field, label in Indikator.penjelasan_fields())
        return CellContext(name, bagian=tuple(PartContext(label, runs(text.runs)) for label, text in parts if text))
    if column.tahun:
        values = {"target": ind.target, "target_sebelum": ind.target_sebelum or {},
                  "kondisi_awal": {column.tahun[0]: ind.kondisi_awal.nilai} if ind.kondisi_awal else {}}[name]
        return CellContext(name, nilai=tuple(format_target(values[y], ind) if y in values else ""
                                             for y in column.tahun))
    text = {"sasaran": sasaran, "indikator": ind.nama}.get(name) or getattr(ind, name, None) or ""
    return CellContext(name, isi=(Run(text),) if text else ())


def _fitted(table: IkuTableContext, look: TemplateLook, page: PageSetup) -> IkuTableContext:
    """The table with its layout, its rows' blocks, their merged cells, and whether each stays whole."""
    plan = fit_table(table, look, page)
    whole = iter(plan.rows_whole)
    groups = []
    for sasaran, together in zip(table.sasaran, plan.sasaran_together, strict=True):
        rows = tuple(dataclasses.replace(row, utuh=next(whole)) for row in sasaran.indikator)
        blocks = [rows] if together else [(row,) for row in rows]
        blocks = [RowBlock(_merged(block, ("sasaran", *table.gabung)), all(row.utuh for row in block))
                  for block in blocks]
        groups.append(dataclasses.replace(sasaran, indikator=tuple(r for b in blocks for r in b.indikator),
                                          blok=tuple(blocks)))
    return dataclasses.replace(table, sasaran=tuple(groups), tata_letak=plan.layout)


def _merged(rows: tuple[IndicatorContext, ...], merging: tuple[str, ...]) -> tuple[IndicatorContext, ...]:
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
