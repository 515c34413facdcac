"""Build the template context of an IKU from its validated model.

This is where facts written once become every place the document shows them: chapter and section
numbers, the sasaran and IKU lists derived from the indicator table, references such as {visi}
resolved, numbers and dates formatted the Indonesian way, the IKU table (iku.table). The context is
the same for every renderer; the templates decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.chapters import References, chapters
from ..content.markup import Run, Runs
from ..render.rendering import Layout, Metadata, Rendering
from .model import Konten
from .table import TABLE_STYLE, iku_table


@dataclass(frozen=True)
class DokumenContext:
    judul: str
    singkatan: str
    perubahan: str | None
    periode: str
    periode_sampul: str | None  # the word the cover prints before the period ("Tahun"); None: no period there
    keputusan: str | None  # the decree that set this revision
    tempat: str
    tanggal: str  # "Oktober 2024", or "15 Oktober 2024"
    lambang: Path | None
    judul_lampiran: tuple[str, ...]  # the lines under "LAMPIRAN"


def build_context(konten: Konten, layout: Layout) -> Rendering:
    """What the templates see and the writers follow, the IKU table fitted to the page in the Word
    template's look (TableTooWide when it cannot fit)."""
    references = _references(konten)
    dokumen = konten.dokumen
    page = layout.page(dokumen.kertas, dokumen.margin)
    table, word_table = iku_table(konten, references.runs, layout.look(TABLE_STYLE), page)
    variables = {
        "dokumen": DokumenContext(
            judul=dokumen.judul,
            singkatan=dokumen.singkatan,
            perubahan=dokumen.perubahan,
            periode=dokumen.periode.teks,
            periode_sampul=dokumen.periode_sampul or None,
            keputusan=konten.revisi.keputusan if konten.revisi else None,
            tempat=dokumen.tempat,
            tanggal=dokumen.tanggal.teks,
            lambang=dokumen.lambang,
            judul_lampiran=tuple(dokumen.judul_lampiran),
        ),
        "instansi": konten.instansi,
        "penandatangan": konten.penandatangan,
        "kata_pengantar": references.blocks(konten.kata_pengantar.isi),
        "bab": chapters(konten.bab, references),
        "organisasi": {
            "tugas": tuple(references.runs(item.runs) for item in konten.organisasi.tugas),
            "fungsi": tuple(references.runs(item.runs) for item in konten.organisasi.fungsi),
        },
        "iku": table,
        "tte": konten.tte,  # signed electronically: the footnote and the anchor of each signature
    }
    return Rendering(variables, page, _metadata(konten), (word_table,))


def _metadata(konten: Konten) -> Metadata:
    """Document properties (Word's, the PDF's, the page's), from the content."""
    dokumen = konten.dokumen
    title = f"{dokumen.judul} ({dokumen.singkatan})" + (f" {dokumen.perubahan}" if dokumen.perubahan else "")
    return Metadata(
        judul=f"{title} – {konten.instansi.nama_singkat}",
        subjek=f"{dokumen.judul} {konten.instansi.nama_singkat}, periode {dokumen.periode.teks}",
        penulis=konten.instansi.nama_singkat,
        tanggal=dokumen.tanggal.tanggal,
    )


def _references(konten: Konten) -> References:
    """What the IKU's references (model.REFERENCES) stand for."""
    rpjmd, renstra = konten.rpjmd, konten.renstra
    inline = {"visi": rpjmd.visi, "tujuan": renstra.tujuan}
    if rpjmd.misi_pilihan is not None:
        inline["misi_pilihan"] = rpjmd.misi[rpjmd.misi_pilihan - 1]

    def plain(text: str) -> Runs:
        return (Run(text),)

    return References(inline, {
        "daftar_misi": tuple(m.runs for m in rpjmd.misi),
        "daftar_tujuan": tuple(plain(t.nama) for t in konten.tujuan),
        "daftar_sasaran": tuple(plain(s.nama) for s in konten.sasaran),
        "daftar_iku": tuple(plain(i.nama) for _, _, i in konten.indicators()),
        "daftar_strategi": tuple(s.runs for s in renstra.strategi),
        "daftar_kebijakan": tuple(k.runs for k in renstra.kebijakan),
    })
