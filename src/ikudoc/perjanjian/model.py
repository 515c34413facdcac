"""The content model of a Perjanjian Kinerja file: the year, the IKU it takes its sasaran, indicators
and targets from, the two parties, and the programs with their budget. Keys are the document's own
terms, validated as strictly as the IKU's (model.py)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..content.fields import (
    FIRST_YEAR,
    LAST_YEAR,
    MarkdownText,
    Model,
    Penandatangan,
    Periksa,
    PlainText,
    SigningDate,
    Tte,
)
from ..content.markup import Vocabulary

#: Rupiah: beyond 15 digits (a thousand trillion) a budget is a typo, and would not fit its column.
LARGEST_BUDGET = 10**15 - 1


#: A Perjanjian Kinerja's texts refer to nothing: its statement is written out.
REFERENCES = Vocabulary(unknown="rujukan {rujukan} hanya dikenal di IKU; di Perjanjian Kinerja tulis teksnya langsung")


class Perjanjian(Model):
    tahun: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)] = Field(title="Tahun")
    """Tahun perjanjian; targetnya diambil dari target IKU tahun ini."""
    iku: PlainText = Field(title="IKU sumber target")
    """IKU yang menjadi sumber sasaran, indikator, target dan pihak pertama: berkas relatif terhadap berkas
    ini ("iku_2024.toml"), atau revisi git seperti di [revisi] menggantikan ("v2024-01:content/iku_2024.toml")."""
    tempat: PlainText = Field(title="Tempat")
    """Tempat penandatanganan, misalnya "Bandar Lampung"."""
    tanggal: SigningDate = Field(title="Tanggal")
    """Tanggal penandatanganan: 2024-01-15, atau "2024-01" bila hanya bulan dan tahun yang dicetak."""
    pernyataan: MarkdownText | None = Field(None, title="Pernyataan")
    """Janji kedua pihak (paragraf sesudah identitas pihak kedua), menggantikan teks baku PermenPANRB 53/2014
    dalam templat (Markdown)."""


class PihakPertama(Model):
    """Pihak pertama bila tidak persis [penandatangan] IKU. Tanpa nama: penandatangan IKU, dengan kunci yang
    ditulis di sini menggantikan miliknya (misalnya jabatan lengkap). Dengan nama: orang lain, dengan kunci
    yang ditulis di sini saja."""

    jabatan: PlainText | None = None
    """Jabatan seperti dicetak di PK, misalnya "Kepala Dinas Koperasi dan UKM Provinsi Lampung"."""
    nama: PlainText | None = None
    """Nama lengkap dengan gelar, bila yang menandatangani bukan penandatangan IKU."""
    pangkat: PlainText | None = None
    """Pangkat, misalnya "Pembina Utama Madya"."""
    nip: PlainText | None = None
    """NIP seperti dicetak, misalnya "19670418 199203 1 003"."""

    @model_validator(mode="after")
    def _another_person_has_a_position(self) -> PihakPertama:
        if self.nama is not None and self.jabatan is None:
            raise PydanticCustomError(
                "pihak-pertama-jabatan", "pihak pertama yang bukan penandatangan IKU harus ditulis jabatannya juga",
                {"kunci": "jabatan"})
        return self


class Program(Model):
    nama: PlainText
    """Nama program, misalnya "Program Pengawasan dan Pemeriksaan Koperasi"."""
    anggaran: Annotated[int, Field(ge=1, le=LARGEST_BUDGET)]
    """Anggaran dalam rupiah, bilangan bulat tanpa titik dan tanpa kutip: 1250000000 (tampil Rp 1.250.000.000)."""
    keterangan: PlainText | None = None
    """Keterangan, misalnya sumber dana "APBD"."""


class KontenPerjanjian(Model):
    """Satu dokumen Perjanjian Kinerja."""

    perjanjian: Perjanjian
    """Tahun, IKU sumber target, tempat dan tanggal penandatanganan."""
    pihak_pertama: PihakPertama | None = None
    """Pihak pertama bila berbeda dari [penandatangan] IKU: hanya jabatan (misalnya jabatan lengkap), atau orang
    lain (jabatan, nama, pangkat, nip)."""
    pihak_kedua: Penandatangan
    """Pihak kedua, atasan pihak pertama (kepala daerah: tanpa pangkat dan NIP)."""
    program: list[Program] = Field(min_length=1)
    """Program dan anggarannya, berurutan."""
    tte: Tte | None = None
    """Tanda tangan elektronik: catatan kaki TTE di setiap halaman dan jangkar kode QR di blok tanda tangan kedua
    pihak."""
    periksa: Periksa = Periksa()
    """Aturan 'ikudoc check' untuk berkas ini: peringatan yang diabaikan."""
