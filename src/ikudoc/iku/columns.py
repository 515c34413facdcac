"""The IKU table's columns: their names (the words of `[tabel] kolom`), their default titles, what
kind of content they hold, and how the text columns share the table's width; and what the penjelasan
cell holds (`[tabel] penjelasan`).

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
    ColumnSpec("makna", "DEFINISI OPERASIONAL", "teks", 2300, 12),
    ColumnSpec("alasan_pemilihan", "ALASAN PEMILIHAN INDIKATOR", "teks", 2000, 12),
    ColumnSpec("rumus_perhitungan", "FORMULA PERHITUNGAN", "teks", 2000, 12),
    ColumnSpec("kondisi_awal", "KONDISI AWAL", "tahun"),
    ColumnSpec("target_sebelum", "TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)", "tahun"),
    ColumnSpec("target", "TARGET IKU PADA TAHUN", "tahun"),
    ColumnSpec("kondisi_akhir", "KONDISI AKHIR PERIODE", "sempit"),
    ColumnSpec("satuan", "SAT.", "sempit"),
    ColumnSpec("sumber_data", "SUMBER DATA", "teks", 1300, 8),
    ColumnSpec("penanggung_jawab", "PENANGGUNG JAWAB", "teks", 1300, 8),
)}
#: The title of the current targets when the document is a revision and shows the ones before it too.
REVISED_TARGET_TITLE = "TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)"
#: The sasaran column's title when the table has tujuan rows above their sasaran.
TUJUAN_TITLE = "TUJUAN/SASARAN"
#: The columns of a table whose content has no [tabel] kolom, in this order, those the data fills.
DEFAULT_ORDER = ("sasaran", "indikator", "penjelasan", "kondisi_awal", "target_sebelum", "target", "kondisi_akhir",
                 "satuan", "sumber_data", "penanggung_jawab")
#: The labels of the penjelasan cell's parts that are not their field's title.
PART_LABELS = {"kumulatif": "Tipe Perhitungan"}


def filled(konten, name: str) -> bool:
    """Whether any indicator of ``konten`` (a Konten) has something for the column ``name``."""
    indicators = [ind for _, _, ind in konten.indicators()]
    if name in ("sasaran", "indikator"):
        return True
    if name == "penjelasan":
        return any(part_value(ind, field) is not None for ind in indicators for field in penjelasan_parts(konten))
    if name == "target":
        return any(ind.target for ind in indicators)
    return any(getattr(ind, name) is not None for ind in indicators)


def penjelasan_parts(konten) -> tuple[str, ...]:
    """The indicator fields the penjelasan cell holds, in order: ``[tabel] penjelasan``, or the penjelasan
    fields of the model (makna, alasan pemilihan, rumus, alasan perubahan) that have no column of their own."""
    if konten.tabel.penjelasan:
        return tuple(konten.tabel.penjelasan)
    own = set(konten.tabel.kolom or ())
    return tuple(field for field, _ in type(next(konten.indicators())[2]).penjelasan_fields() if field not in own)


def part_label(indikator_type, field: str) -> str:
    """The label of a part of the penjelasan cell: its field's title ("Makna Indikator"), or PART_LABELS'."""
    return PART_LABELS.get(field) or indikator_type.model_fields[field].title or field


def part_value(indikator, field: str):
    """What the penjelasan cell shows of ``field`` of ``indikator``: its text, "Kumulatif" or "Non
    Kumulatif" for kumulatif (when said, or when the name says so), None for nothing."""
    if field == "kumulatif":
        cumulative = indikator.is_cumulative()
        return None if cumulative is None else ("Kumulatif" if cumulative else "Non Kumulatif")
    return getattr(indikator, field)


def shown(konten) -> list[str]:
    """The columns of the IKU table of ``konten``, in order after NO: ``[tabel] kolom``, or the columns of
    DEFAULT_ORDER that the data fills (less those the penjelasan cell holds)."""
    if konten.tabel.kolom:
        return list(konten.tabel.kolom)
    in_cell = set(konten.tabel.penjelasan or ())
    return [name for name in DEFAULT_ORDER if name not in in_cell and filled(konten, name)]
