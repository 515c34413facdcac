"""Blocks a kind generates among a text's paragraphs and lists (a report's tables, charts and the headings
over them), drawn by the templates' ``isi`` macro beside the blocks of a content's Markdown: a heading
(``jenis`` "judul"), a table of figures ("tabel") and a picture with its caption ("grafik"). They say
what is shown and what kind of value each cell holds; the templates say how it looks, and the table's
``gaya`` names the template's table style, whose column widths the kind plans (rendering.WordTable)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..content.markup import plain_text
from .rendering import Image
from .sasaran_table import SasaranTable


@dataclass(frozen=True)
class Heading:
    """A heading inside a chapter's text, not in the daftar isi: "Sasaran 1: ..."."""

    teks: str
    jenis: Literal["judul"] = "judul"


@dataclass(frozen=True)
class DataCell:
    teks: tuple[str, ...]  # its lines
    angka: bool = False  # a figure: centred in its column
    gabung: Literal["", "mulai", "lanjut"] = ""  # "mulai": merged down over ``baris`` rows; "lanjut": covered
    baris: int = 1
    tebal: bool = False  # stands out: a tujuan's name among sasaran


@dataclass(frozen=True)
class DataRow:
    sel: tuple[DataCell, ...]
    jumlah: bool = False  # a total row: bold
    dengan_berikutnya: bool = False  # kept on the page of the next row (the last row before a total)


@dataclass(frozen=True)
class DataTable:
    """A captioned table of figures; its header repeats on every page it spans."""

    judul: str  # the caption above it: "Tabel 3.1 ..."
    gaya: str  # the template's table style it is drawn in
    kolom: tuple[str, ...]  # the column titles
    baris: tuple[DataRow, ...]
    jenis: Literal["tabel"] = "tabel"

    @property
    def jangkar(self) -> str:
        return caption_anchor(self.judul)

    @property
    def utuh(self) -> bool:
        """Short enough to be kept on one page, its caption and header with it: not split after a row or
        two, the rest on the next page."""
        return len(self.baris) <= SHORT_TABLE_ROWS


#: A table of figures of at most these rows is kept on one page (rows of up to three lines still fit
#: beside its caption and header on A4 or F4).
SHORT_TABLE_ROWS = 12


@dataclass(frozen=True)
class Figure:
    """A picture (a chart) with its caption under it."""

    gambar: Image
    judul: str
    lebar: float  # mm
    jenis: Literal["grafik"] = "grafik"

    @property
    def jangkar(self) -> str:
        return caption_anchor(self.judul)


def caption_anchor(caption: str) -> str:
    """An identifier for links to a captioned block, from its caption's label: "Tabel 3.1 ..." -> "tabel-3-1"
    ("" without a caption)."""
    return "-".join(caption.split()[:2]).lower().replace(".", "-")


def cell(text: str | tuple[str, ...], angka: bool = False) -> DataCell:
    return DataCell(text if isinstance(text, tuple) else (text,), angka)


def totalled(rows: Sequence[DataRow], total: DataRow) -> tuple[DataRow, ...]:
    """``rows`` and their total (an average, a JUMLAH) under them, bold, never alone at the top of a page."""
    kept = (dataclasses.replace(rows[-1], dengan_berikutnya=True),) if rows else ()
    return (*rows[:-1], *kept, dataclasses.replace(total, jumlah=True))


def sasaran_rows(table: SasaranTable) -> tuple[DataRow, ...]:
    """A fitted table of sasaran (sasaran_table.fitted) as the rows of a DataTable: each group's number and
    name merged down over the rows the fitter keeps together, a tujuan's name in bold, a narrow column's
    cells as figures."""
    narrow = {column.nama for column in table.kolom if column.jenis == "sempit"}
    rows = []
    for group in table.sasaran:
        for block in group.blok:
            for row in block.indikator:
                named = next(c for c in row.sel if c.kolom == "sasaran")
                rows.append(DataRow((DataCell((f"{group.nomor}.",), True, named.gabung, named.baris),
                                     *(DataCell((plain_text(c.isi),), c.kolom in narrow, c.gabung, c.baris,
                                                c.kolom == "sasaran" and group.jenis == "tujuan")
                                       for c in row.sel))))
    return tuple(rows)
