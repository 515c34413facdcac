"""The IKU table's columns: their names (the words of `[tabel] kolom`), their default titles, what
kind of content they hold, and how the text columns share the table's width.

The NO column always comes first and is not named in `kolom`. Year columns ("tahun") are groups: one
grid column per year under a title that spans them, the years in a second header row.
"""

from __future__ import annotations

from ..render.sasaran_table import ColumnSpec

NO = ColumnSpec("no", "NO", "sempit")
COLUMNS: dict[str, ColumnSpec] = {column.nama: column for column in (
    ColumnSpec("sasaran", "SASARAN STRATEGIS", "teks", 1400, 8),
    ColumnSpec("indikator", "INDIKATOR KINERJA UTAMA", "teks", 1450, 8),
    ColumnSpec("penjelasan", "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)", "teks",
               4600, 18),
    ColumnSpec("kondisi_awal", "KONDISI AWAL", "tahun"),
    ColumnSpec("target_sebelum", "TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)", "tahun"),
    ColumnSpec("target", "TARGET IKU PADA TAHUN", "tahun"),
    ColumnSpec("satuan", "SAT.", "sempit"),
    ColumnSpec("sumber_data", "SUMBER DATA", "teks", 1300, 8),
    ColumnSpec("penanggung_jawab", "PENANGGUNG JAWAB", "teks", 1300, 8),
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
