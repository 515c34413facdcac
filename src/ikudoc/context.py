"""Build the template context from a validated content model.

This is where facts written once become every place the document shows them: chapter and section
numbers, the sasaran and IKU lists derived from the indicator table, references such as {visi}
resolved, numbers and dates formatted the Indonesian way. The context is the same for every
renderer; the templates decide how it looks.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .formatting import format_number, format_signing_date, roman_numeral
from .markup import Block, InlineText, ListBlock, ListReference, Paragraph, Run, Runs, Text, merge_runs
from .model import Indikator, Konten, Target
from .page_setup import PageSetup
from .table_layout import TableLayout, fit_table
from .word_template import TemplateLook

#: The IKU table's column titles.
COLUMN_TITLES = {
    "no": "NO",
    "sasaran": "SASARAN STRATEGIS",
    "indikator": "INDIKATOR KINERJA UTAMA",
    "penjelasan": "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)",
    "target_sebelum": "TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)",
    "target": "TARGET IKU PADA TAHUN",
    "satuan": "SAT.",
    "sumber_data": "SUMBER DATA",
}
REVISED_TARGET_TITLE = "TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)"


@dataclass(frozen=True)
class SectionContext:
    nomor: str  # "2.3"
    judul: str
    jangkar: str  # an identifier for links and bookmarks: "bab-2-3"
    isi: tuple[Block, ...]


@dataclass(frozen=True)
class ChapterContext:
    nomor: str  # "II"
    judul: str
    jangkar: str
    isi: tuple[Block, ...]
    bagian: tuple[SectionContext, ...]


@dataclass(frozen=True)
class IndicatorContext:
    nomor: int
    nama: str
    makna: Runs
    alasan_pemilihan: Runs
    rumus_perhitungan: Runs
    satuan: str
    sumber_data: str
    target_sebelum: tuple[str, ...]  # formatted, in the order of IkuTableContext.tahun_sebelum; "" when none
    target: tuple[str, ...]
    alasan_perubahan: Runs | None
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
    tahun: tuple[str, ...]
    tahun_sebelum: tuple[str, ...]  # empty when the document is not a revision
    sasaran: tuple[SasaranContext, ...]
    judul: dict[str, str]  # column titles, by column: "no", "sasaran", ..., "target", "sumber_data"
    tata_letak: TableLayout | None = None  # type size and column widths, fitted to the page

    @property
    def kolom(self) -> tuple[str, ...]:
        """The table's columns, left to right, one per year: "no", "sasaran", ..., "target", "sumber_data"."""
        return ("no", "sasaran", "indikator", "penjelasan", *["target_sebelum"] * len(self.tahun_sebelum),
                *["target"] * len(self.tahun), "satuan", "sumber_data")


@dataclass(frozen=True)
class DocumentContext:
    judul: str
    singkatan: str
    perubahan: str | None
    periode: str
    keputusan: str | None  # the decree that set this revision
    tempat: str
    tanggal: str  # "Oktober 2024", or "15 Oktober 2024"
    lambang: Path | None


def build_context(konten: Konten, page: PageSetup, look: TemplateLook) -> dict:
    """The variables the templates see, the IKU table fitted to ``page`` in the Word template's ``look``
    (raises TableTooWide when it cannot fit)."""
    references = _References(konten)
    dokumen = konten.dokumen
    date = dokumen.tanggal
    return {
        "dokumen": DocumentContext(
            judul=dokumen.judul,
            singkatan=dokumen.singkatan,
            perubahan=dokumen.perubahan,
            periode=f"{dokumen.periode.awal}–{dokumen.periode.akhir}",
            keputusan=konten.revisi.keputusan if konten.revisi else None,
            tempat=dokumen.tempat,
            tanggal=format_signing_date(date.tanggal, date.hanya_bulan),
            lambang=dokumen.lambang,
        ),
        "kertas": page,
        "metadata": _metadata(konten),
        "instansi": konten.instansi,
        "penandatangan": konten.penandatangan,
        "kata_pengantar": references.blocks(konten.kata_pengantar.isi),
        "bab": tuple(_chapter(number, bab, references) for number, bab in enumerate(konten.bab, 1)),
        "organisasi": {
            "tugas": tuple(references.runs(item.runs) for item in konten.organisasi.tugas),
            "fungsi": tuple(references.runs(item.runs) for item in konten.organisasi.fungsi),
        },
        "iku": _fitted(_iku_table(konten, references), look, page),
    }


def _metadata(konten: Konten) -> dict[str, str]:
    """Document properties (Word's, the PDF's, the page's), from the content."""
    dokumen = konten.dokumen
    title = f"{dokumen.judul} ({dokumen.singkatan})" + (f" {dokumen.perubahan}" if dokumen.perubahan else "")
    return {
        "judul": f"{title} – {konten.instansi.nama_singkat}",
        "subjek": f"{dokumen.judul} {konten.instansi.nama_singkat}, periode {dokumen.periode.awal}–"
                  f"{dokumen.periode.akhir}",
        "penulis": konten.instansi.nama_singkat,
        "tanggal": dokumen.tanggal.tanggal.isoformat(),
    }


def _chapter(number: int, bab, references: _References) -> ChapterContext:
    anchor = f"bab-{number}"
    return ChapterContext(
        nomor=roman_numeral(number),
        judul=bab.judul,
        jangkar=anchor,
        isi=references.blocks(bab.isi) if bab.isi else (),
        bagian=tuple(
            SectionContext(f"{number}.{index}", bagian.judul, f"{anchor}-{index}", references.blocks(bagian.isi))
            for index, bagian in enumerate(bab.bagian, 1)
        ),
    )


def format_target(target: Target, indikator: Indikator) -> str:
    """A target as the document shows it: "8,57", "35,20" with desimal = 2, or its text."""
    return target.nilai if isinstance(target.nilai, str) else format_number(target.nilai, indikator.desimal)


def _iku_table(konten: Konten, references: _References) -> IkuTableContext:
    years = tuple(sorted(konten.sasaran[0].indikator[0].target))
    revised = any(ind.target_sebelum is not None for s in konten.sasaran for ind in s.indikator)
    number = 0
    groups = []
    for s_number, sasaran in enumerate(konten.sasaran, 1):
        rows = []
        for ind in sasaran.indikator:
            number += 1
            before = ind.target_sebelum or {}
            rows.append(IndicatorContext(
                nomor=number,
                nama=ind.nama,
                makna=references.runs(ind.makna.runs),
                alasan_pemilihan=references.runs(ind.alasan_pemilihan.runs),
                rumus_perhitungan=references.runs(ind.rumus_perhitungan.runs),
                satuan=ind.satuan,
                sumber_data=ind.sumber_data,
                target_sebelum=tuple(format_target(before[y], ind) if y in before else "" for y in years)
                if revised else (),
                target=tuple(format_target(ind.target[y], ind) for y in years),
                alasan_perubahan=references.runs(ind.alasan_perubahan.runs) if ind.alasan_perubahan else None,
            ))
        groups.append(SasaranContext(s_number, sasaran.nama, tuple(rows)))
    titles = COLUMN_TITLES | ({"target": REVISED_TARGET_TITLE} if revised else {})
    return IkuTableContext(years, years if revised else (), tuple(groups), titles)


def _fitted(table: IkuTableContext, look: TemplateLook, page: PageSetup) -> IkuTableContext:
    """The table with its layout, its rows' blocks and whether each stays whole on a page."""
    plan = fit_table(table, look, page)
    whole = iter(plan.rows_whole)
    groups = []
    for sasaran, together in zip(table.sasaran, plan.sasaran_together, strict=True):
        rows = tuple(dataclasses.replace(row, utuh=next(whole)) for row in sasaran.indikator)
        blocks = ((RowBlock(rows, all(row.utuh for row in rows)),) if together else
                  tuple(RowBlock((row,), row.utuh) for row in rows))
        groups.append(dataclasses.replace(sasaran, indikator=rows, blok=blocks))
    return dataclasses.replace(table, sasaran=tuple(groups), tata_letak=plan.layout)


class _References:
    """Resolves {visi}-style references and {daftar_...} lists against one content model."""

    def __init__(self, konten: Konten):
        rpjmd, renstra = konten.rpjmd, konten.renstra
        self.inline: dict[str, InlineText] = {"visi": rpjmd.visi, "tujuan": renstra.tujuan}
        if rpjmd.misi_pilihan is not None:
            self.inline["misi_pilihan"] = rpjmd.misi[rpjmd.misi_pilihan - 1]

        def plain(text: str) -> Runs:
            return (Run(text),)

        self.lists: dict[str, tuple[Runs, ...]] = {
            "daftar_misi": tuple(m.runs for m in rpjmd.misi),
            "daftar_sasaran": tuple(plain(s.nama) for s in konten.sasaran),
            "daftar_iku": tuple(plain(i.nama) for s in konten.sasaran for i in s.indikator),
            "daftar_strategi": tuple(s.runs for s in renstra.strategi),
            "daftar_kebijakan": tuple(k.runs for k in renstra.kebijakan),
        }

    def runs(self, runs: Runs) -> Runs:
        resolved: list[Run] = []
        for run in runs:
            if run.rujukan is None:
                resolved.append(run)
                continue
            if run.rujukan not in self.inline:
                raise KeyError(run.rujukan)  # prevented by validation: only known names parse
            for inner in self.inline[run.rujukan].runs:  # {visi} inside **...** is bold as a whole
                resolved.append(dataclasses.replace(inner, tebal=inner.tebal or run.tebal,
                                                    miring=inner.miring or run.miring))
        return merge_runs(resolved)

    def blocks(self, text: Text) -> tuple[Block, ...]:
        resolved: list[Block] = []
        for block in text.blok:
            if isinstance(block, ListReference):
                items = tuple(self.runs(item) for item in self.lists[block.nama])
                resolved.append(ListBlock("angka", items, asal=block.nama))
            elif isinstance(block, Paragraph):
                resolved.append(Paragraph(self.runs(block.runs)))
            else:
                resolved.append(ListBlock(block.jenis, tuple(self.runs(i) for i in block.butir), block.asal))
        return tuple(resolved)
