"""Build the IKU table's part of the template context: its columns (as `[tabel] kolom` chooses them, or as
the data fills them), one cell per column in every row, the tujuan (when the file has them) above their
sasaran in the same column, merged and fitted to its landscape lampiran page by the table machinery every
kind shares (render.sasaran_table), and the plan the Word writer lays its table (style TabelIKU) out by.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content.formatting import format_target
from ..content.markup import Run, Runs
from ..render.page_setup import PageSetup
from ..render.rendering import WordTable
from ..render.sasaran_table import (
    CellPart,
    Placement,
    SasaranRows,
    SasaranTable,
    TableCell,
    TableColumn,
    TableRow,
    fitted,
    word_table,
)
from ..render.table_layout import SIGNATURE_HEIGHT
from ..render.word_template import TemplateLook
from .columns import COLUMNS, NO, REVISED_TARGET_TITLE, TUJUAN_TITLE, part_label, part_value, penjelasan_parts, shown
from .model import Indikator, Konten

#: The Word template's table style of the IKU table.
TABLE_STYLE = "TabelIKU"
#: The lampiran's signature block follows the table on its last page.
PLACEMENT = Placement(mendatar=True, sesudahnya=SIGNATURE_HEIGHT)


def iku_table(konten: Konten, runs: Callable[[Runs], Runs], look: TemplateLook, page: PageSetup
              ) -> tuple[SasaranTable, WordTable]:
    """The table of ``konten``, its texts' references resolved by ``runs``, fitted to ``page`` in the Word
    template's ``look`` (TableTooWide when it cannot fit), and how the Word writer lays it out."""
    columns = _columns(konten)
    parts = penjelasan_parts(konten)
    listed_by_group = any(column.nama == "sasaran" for column in columns)
    number = 0
    counted = {"sasaran": 0, "tujuan": 0}
    groups = []
    for loc, group in konten.groups():
        kind = loc[0]
        counted[kind] += 1
        rows = []
        for i, ind in enumerate(group.indikator):
            number += 1
            cells = tuple(_cell(column, group.nama, ind, runs, parts) for column in columns)
            rows.append(TableRow(number, ind.nama, cells, letak=(*loc, "indikator", i)))
        if not rows and listed_by_group:  # a tujuan without indicators: a row of its name
            rows.append(TableRow(None, "", tuple(_name_only(column, group.nama) for column in columns), letak=loc))
        if rows:
            groups.append(SasaranRows(counted[kind], group.nama, tuple(rows), jenis=kind))
    table = fitted(SasaranTable(NO.judul, columns, tuple(groups), tuple(konten.tabel.gabung), nama="tabel IKU",
                                pengaturan="[tabel] kolom"), look, page, PLACEMENT)
    return table, word_table(table, TABLE_STYLE)


def _columns(konten: Konten) -> tuple[TableColumn, ...]:
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
    if konten.tujuan and "sasaran" in names:
        titles["sasaran"] = TUJUAN_TITLE
    titles |= konten.tabel.judul
    # a kondisi awal is written { tahun, nilai }, not under its year
    return tuple(TableColumn.of(COLUMNS[name], titles[name], years.get(name, ()), kunci_tahun=name != "kondisi_awal")
                 for name in names)


def _cell(column: TableColumn, group: str, ind: Indikator, runs: Callable[[Runs], Runs],
          parts: tuple[str, ...]) -> TableCell:
    name = column.nama
    if name == "penjelasan":
        shown_parts = ((part_label(Indikator, field), part_value(ind, field)) for field in parts)
        return TableCell(name, bagian=tuple(CellPart(label, _runs(value, runs)) for label, value in shown_parts
                                            if value is not None))
    if name == "kondisi_akhir":
        return TableCell(name, nilai=(format_target(ind.kondisi_akhir, ind) if ind.kondisi_akhir else "",))
    if column.tahun:
        values = {"target": ind.target, "target_sebelum": ind.target_sebelum or {},
                  "kondisi_awal": {column.tahun[0]: ind.kondisi_awal.nilai} if ind.kondisi_awal else {}}[name]
        return TableCell(name, nilai=tuple(format_target(values[y], ind) if y in values else ""
                                           for y in column.tahun))
    value = {"sasaran": group, "indikator": ind.nama}.get(name) or getattr(ind, name, None)
    return TableCell(name, isi=_runs(value, runs) if value else ())


def _runs(value, runs: Callable[[Runs], Runs]) -> Runs:
    """A cell's text: a Markdown text's runs (its references resolved), or a plain text."""
    return runs(value.runs) if hasattr(value, "runs") else (Run(str(value)),)


def _name_only(column: TableColumn, tujuan: str) -> TableCell:
    """A cell of the row of a tujuan without indicators: its name in the sasaran column, the rest empty."""
    if column.tahun or column.nama == "kondisi_akhir":
        return TableCell(column.nama, nilai=("",) * (len(column.tahun) or 1))
    return TableCell(column.nama, isi=(Run(tujuan),) if column.nama == "sasaran" else ())
