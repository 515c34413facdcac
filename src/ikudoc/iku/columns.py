"""The IKU table's columns: their names (the words of `[tabel] kolom`), their default titles, what
kind of content they hold, and how the text columns share the table's width.

The NO column always comes first and is not named in `kolom`. Year columns ("tahun") are groups: one
grid column per year under a title that spans them, the years in a second header row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnName = Literal["sasaran", "indikator", "penjelasan", "satuan", "kondisi_awal", "target_sebelum", "target",
                     "sumber_data", "penanggung_jawab"]
#: Columns whose equal cells may be merged per sasaran ([tabel] gabung), as the sasaran cell is.
MergeableName = Literal["satuan", "sumber_data", "penanggung_jawab"]


@dataclass(frozen=True)
class Column:
    nama: str
    judul: str  # the default title
    jenis: Literal["teks", "sempit", "tahun"]  # a text sharing the width; a narrow text; a group of years
    bobot: int = 0  # a text column's share of the width (the proportions of the Word template's cells)
    huruf: int = 0  # a text column holds at least this many average characters per line


NO = Column("no", "NO", "sempit")
COLUMNS: dict[str, Column] = {column.nama: column for column in (
    Column("sasaran", "SASARAN STRATEGIS", "teks", 1400, 8),
    Column("indikator", "INDIKATOR KINERJA UTAMA", "teks", 1450, 8),
    Column("penjelasan", "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)", "teks", 4600,
           18),
    Column("kondisi_awal", "KONDISI AWAL", "tahun"),
    Column("target_sebelum", "TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)", "tahun"),
    Column("target", "TARGET IKU PADA TAHUN", "tahun"),
    Column("satuan", "SAT.", "sempit"),
    Column("sumber_data", "SUMBER DATA", "teks", 1300, 8),
    Column("penanggung_jawab", "PENANGGUNG JAWAB", "teks", 1300, 8),
)}
#: The title of the current targets when the document is a revision and shows the ones before it too.
REVISED_TARGET_TITLE = "TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)"
#: The columns of a table whose content has no [tabel] kolom, in this order, those the data fills.
DEFAULT_ORDER = ("sasaran", "indikator", "penjelasan", "kondisi_awal", "target_sebelum", "target", "satuan",
                 "sumber_data", "penanggung_jawab")


def filled(konten, name: str) -> bool:
    """Whether any indicator of ``konten`` (a Konten) has something for the column ``name``."""
    indicators = [ind for _, _, ind in konten.indicators()]
    if name in ("sasaran", "indikator", "satuan"):
        return True
    if name == "penjelasan":
        parts = [field for field, _ in type(indicators[0]).penjelasan_fields()]
        return any(getattr(ind, field) is not None for ind in indicators for field in parts)
    if name == "target":
        return any(ind.target for ind in indicators)
    return any(getattr(ind, name) is not None for ind in indicators)


def shown(konten) -> list[str]:
    """The columns of the IKU table of ``konten``, in order after NO: ``[tabel] kolom``, or the columns of
    DEFAULT_ORDER that the data fills."""
    return list(konten.tabel.kolom or [name for name in DEFAULT_ORDER if filled(konten, name)])
