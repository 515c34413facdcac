"""Build the template context from a validated content model.

This is where facts written once become every place the document shows them: chapter and section
numbers, the sasaran and IKU lists derived from the indicator table, references such as {visi}
resolved, numbers and dates formatted the Indonesian way, the IKU table (iku_table). The context is
the same for every renderer; the templates decide how it looks.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..content.formatting import format_signing_date, roman_numeral
from ..content.markup import Block, InlineText, ListBlock, ListReference, Paragraph, Run, Runs, Text, merge_runs
from ..render.page_setup import PageSetup
from ..render.word_template import TemplateLook
from .model import Konten
from .table import iku_table


@dataclass(frozen=True)
class BagianContext:
    nomor: str  # "2.3"
    judul: str
    jangkar: str  # an identifier for links and bookmarks: "bab-2-3"
    isi: tuple[Block, ...]


@dataclass(frozen=True)
class BabContext:
    nomor: str  # "II"
    judul: str
    jangkar: str
    isi: tuple[Block, ...]
    bagian: tuple[BagianContext, ...]


@dataclass(frozen=True)
class DokumenContext:
    judul: str
    singkatan: str
    perubahan: str | None
    periode: str
    keputusan: str | None  # the decree that set this revision
    tempat: str
    tanggal: str  # "Oktober 2024", or "15 Oktober 2024"
    lambang: Path | None
    judul_lampiran: tuple[str, ...]  # the lines under "LAMPIRAN"


def build_context(konten: Konten, page: PageSetup, look: TemplateLook) -> dict:
    """The variables the templates see, the IKU table fitted to ``page`` in the Word template's ``look``
    (raises TableTooWide when it cannot fit)."""
    references = _References(konten)
    dokumen = konten.dokumen
    date = dokumen.tanggal
    return {
        "dokumen": DokumenContext(
            judul=dokumen.judul,
            singkatan=dokumen.singkatan,
            perubahan=dokumen.perubahan,
            periode=dokumen.periode.teks,
            keputusan=konten.revisi.keputusan if konten.revisi else None,
            tempat=dokumen.tempat,
            tanggal=format_signing_date(date.tanggal, date.hanya_bulan),
            lambang=dokumen.lambang,
            judul_lampiran=tuple(dokumen.judul_lampiran),
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
        "iku": iku_table(konten, references.runs, look, page),
    }


def _metadata(konten: Konten) -> dict[str, str]:
    """Document properties (Word's, the PDF's, the page's), from the content."""
    dokumen = konten.dokumen
    title = f"{dokumen.judul} ({dokumen.singkatan})" + (f" {dokumen.perubahan}" if dokumen.perubahan else "")
    return {
        "judul": f"{title} – {konten.instansi.nama_singkat}",
        "subjek": f"{dokumen.judul} {konten.instansi.nama_singkat}, periode {dokumen.periode.teks}",
        "penulis": konten.instansi.nama_singkat,
        "tanggal": dokumen.tanggal.tanggal.isoformat(),
    }


def _chapter(number: int, bab, references: _References) -> BabContext:
    anchor = f"bab-{number}"
    return BabContext(
        nomor=roman_numeral(number),
        judul=bab.judul,
        jangkar=anchor,
        isi=references.blocks(bab.isi) if bab.isi else (),
        bagian=tuple(
            BagianContext(f"{number}.{index}", bagian.judul, f"{anchor}-{index}", references.blocks(bagian.isi))
            for index, bagian in enumerate(bab.bagian, 1)
        ),
    )


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
