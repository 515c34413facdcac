"""Build the template context of a Perjanjian Kinerja: the heading, the two parties, the target table
taken from the IKU for the PK's year, the programs with their total, formatted the Indonesian way. The
templates (pk.docx, pk.html.j2) decide how it looks, the standard text of the agreement included."""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import format_rupiah, format_signing_date, format_target
from ..markup import Block
from ..page_setup import PageSetup
from .loader import PerjanjianKinerja


@dataclass(frozen=True)
class IndikatorPK:
    nama: str
    target: str  # "8,57 %": the year's target with its satuan
    pertama: bool  # the first indicator of its sasaran: the merged sasaran cells start here


@dataclass(frozen=True)
class SasaranPK:
    nomor: int
    nama: str
    indikator: tuple[IndikatorPK, ...]


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


def build_perjanjian_context(pk: PerjanjianKinerja, page: PageSetup) -> dict:
    """The variables the PK templates see."""
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
        "sasaran": _target_table(pk),
        "program": tuple(ProgramPK(n, p.nama, format_rupiah(p.anggaran), p.keterangan or "")
                         for n, p in enumerate(programs, 1)),
        "jumlah_anggaran": format_rupiah(sum(p.anggaran for p in programs)),
    }


def _statement(pk: PerjanjianKinerja) -> tuple[Block, ...] | None:
    """The content's own statement, or None: the template's standard text is used."""
    text = pk.konten.perjanjian.pernyataan
    return tuple(text.blok) if text else None


def _target_table(pk: PerjanjianKinerja) -> tuple[SasaranPK, ...]:
    rows: dict[int, tuple[str, list[IndikatorPK]]] = {}
    for row in pk.targets():
        value = format_target(row.target, row.indikator)
        unit = row.indikator.satuan
        shown = value if unit in ("-", "") else f"{value} {unit}"
        items = rows.setdefault(row.loc[1], (row.sasaran.nama, []))[1]
        items.append(IndikatorPK(row.indikator.nama, shown, not items))
    return tuple(SasaranPK(n, name, tuple(items)) for n, (name, items) in enumerate(rows.values(), 1))


def _metadata(pk: PerjanjianKinerja) -> dict[str, str]:
    instansi = pk.iku.instansi.nama_singkat
    return {
        "judul": f"Perjanjian Kinerja Tahun {pk.tahun} – {instansi}",
        "subjek": f"Perjanjian Kinerja Tahun {pk.tahun} {instansi}",
        "penulis": instansi,
        "tanggal": pk.konten.perjanjian.tanggal.tanggal.isoformat(),
    }

