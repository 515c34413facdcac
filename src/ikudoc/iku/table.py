"""Build the IKU table's part of the template context: its columns (as `[tabel] kolom` chooses them, or as
the data fills them), one cell per column in every row, merged and fitted to its landscape lampiran page
by the table machinery every kind shares (render.sasaran_table), and the plan the Word writer lays its
table (style TabelIKU) out by.
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
from .columns import COLUMNS, NO, REVISED_TARGET_TITLE, shown
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
    number = 0
    groups = []
    for s_number, sasaran in enumerate(konten.sasaran, 1):
        rows = []
        for ind in sasaran.indikator:
            number += 1
            cells = tuple(_cell(column, sasaran.nama, ind, runs) for column in columns)
            rows.append(TableRow(number, ind.nama, cells))
        groups.append(SasaranRows(s_number, sasaran.nama, tuple(rows)))
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
    titles |= konten.tabel.judul
    # a kondisi awal is written { tahun, nilai }, not under its year
    return tuple(TableColumn.of(COLUMNS[name], titles[name], years.get(name, ()), kunci_tahun=name != "kondisi_awal")
                 for name in names)


def _cell(column: TableColumn, sasaran: str, ind: Indikator, runs: Callable[[Runs], Runs]) -> TableCell:
    name = column.nama
    if name == "penjelasan":
        parts = ((label, getattr(ind, field)) for field, label in Indikator.penjelasan_fields())
        return TableCell(name, bagian=tuple(CellPart(label, runs(text.runs)) for label, text in parts if text))
    if column.tahun:
        values = {"target": ind.target, "target_sebelum": ind.target_sebelum or {},
                  "kondisi_awal": {column.tahun[0]: ind.kondisi_awal.nilai} if ind.kondisi_awal else {}}[name]
        return TableCell(name, nilai=tuple(format_target(values[y], ind) if y in values else ""
                                           for y in column.tahun))
    text = {"sasaran": sasaran, "indikator": ind.nama}.get(name) or getattr(ind, name, None) or ""
    return TableCell(name, isi=(Run(text),) if text else ())
