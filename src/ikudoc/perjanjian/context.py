"""Build the template context of a Perjanjian Kinerja: the heading, the two parties, the target table
taken from the IKU for the PK's year, the programs with their total, formatted the Indonesian way. The
templates (pk.docx, pk.html.j2) decide how it looks, the standard text of the agreement included."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.formatting import format_rupiah, format_signing_date, format_target
from ..content.markup import Block
from ..render.page_setup import PageSetup
from ..render.table_layout import CELL_PADDING_V, LINE_HEIGHT, PT_PER_MM, SAFETY, TextMeasure
from ..render.word_template import TemplateLook
from .loader import PerjanjianKinerja


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


def build_perjanjian_context(pk: PerjanjianKinerja, page: PageSetup, look: TemplateLook,
                             columns: tuple[int, ...]) -> dict:
    """The variables the PK templates see, the target table paged for ``page`` in the Word template's
    ``look`` and its target table's ``columns`` (widths)."""
    perjanjian = pk.konten.perjanjian
    date = perjanjian.tanggal
    programs = pk.konten.program
    return {
        "dokumen": DokumenPK(pk.tahun, perjanjian.tempat, format_signing_date(date.tanggal, date.hanya_bulan)),
        "kertas": page,
        "metadata": _metadata(pk),
        "instansi": pk.iku.instansi,
        "lambang": pk.iku.dokumen.lambang,
        "pihak_pertama": pk.pihak_pertama,
        "pihak_kedua": pk.konten.pihak_kedua,
        "pernyataan": _statement(pk),
        "sasaran": _target_table(pk, page, look, columns),
        "program": tuple(ProgramPK(n, p.nama, format_rupiah(p.anggaran), p.keterangan or "")
                         for n, p in enumerate(programs, 1)),
        "jumlah_anggaran": format_rupiah(sum(p.anggaran for p in programs)),
    }


def _statement(pk: PerjanjianKinerja) -> tuple[Block, ...] | None:
    """The content's own statement, or None: the template's standard text is used."""
    text = pk.konten.perjanjian.pernyataan
    return tuple(text.blok) if text else None


def _target_table(pk: PerjanjianKinerja, page: PageSetup, look: TemplateLook, columns: tuple[int, ...]
                  ) -> tuple[SasaranPK, ...]:
    """The target table's rows by sasaran. A sasaran whose rows fit on a page is one merged cell over
    them, kept on one page; a longer one is written in each of its rows, so every page names it."""
    groups: dict[int, tuple[str, list[tuple[str, str]]]] = {}
    for row in pk.targets():
        value = format_target(row.target, row.indikator)
        unit = row.indikator.satuan
        shown = value if unit in ("-", "") else f"{value} {unit}"
        groups.setdefault(row.loc[1], (row.sasaran.nama, []))[1].append((row.indikator.nama, shown))
    room = _room(page, look, columns)
    table = []
    for number, (name, rows) in enumerate(groups.values(), 1):
        whole = room(name, [indicator for indicator, _ in rows])
        table.append(SasaranPK(number, name, tuple(
            IndikatorPK(indicator, target, not whole or n == 0, len(rows) if whole else 1)
            for n, (indicator, target) in enumerate(rows)), whole))
    return tuple(table)


def _room(page: PageSetup, look: TemplateLook, columns: tuple[int, ...]):
    """Whether a sasaran named ``name`` with indicators ``names`` fits on one page of the table: an
    estimate from the font's widths, the table's columns (template widths, scaled to the page) and the
    page's text height under the table's header."""
    margins = page.margin or look.lampiran_margins
    width, height = page.lebar - margins.kiri - margins.kanan, page.tinggi - margins.atas - margins.bawah
    measure, size = TextMeasure(look.font), look.table_size
    scale = width / sum(columns) if columns else 0
    inner = [(w * scale - 2 * look.cell_margin) * PT_PER_MM for w in columns]

    def tall(text: str, column: int) -> float:
        lines = measure.lines(text, inner[column], size) if len(inner) > column else 1
        return lines * LINE_HEIGHT * size / PT_PER_MM + 2 * CELL_PADDING_V

    header = tall("INDIKATOR KINERJA", 2)

    def fits(name: str, names: list[str]) -> bool:
        return max(tall(name, 1), sum(tall(text, 2) for text in names)) <= (height - header) * SAFETY

    return fits


def _metadata(pk: PerjanjianKinerja) -> dict[str, str]:
    instansi = pk.iku.instansi.nama_singkat
    return {
        "judul": f"Perjanjian Kinerja Tahun {pk.tahun} – {instansi}",
        "subjek": f"Perjanjian Kinerja Tahun {pk.tahun} {instansi}",
        "penulis": instansi,
        "tanggal": pk.konten.perjanjian.tanggal.tanggal.isoformat(),
    }

