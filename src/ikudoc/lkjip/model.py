"""The content model of a Laporan Kinerja (LKjIP) file: the report year, the IKU (and the year's Perjanjian
Kinerja) its indicators, targets and programs come from, the texts the agency writes (kata pengantar,
ikhtisar eksekutif, chapters, the analysis of each indicator), and the figures it reports: realisasi per
indicator and year, realisasi anggaran per program. Keys are the document's own terms."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..content.fields import (
    FIRST_YEAR,
    LAST_YEAR,
    Bab,
    KataPengantar,
    MarkdownText,
    Model,
    Penandatangan,
    Periksa,
    PlainText,
    RealisasiValue,
    SigningDate,
    TargetValue,
    Tte,
    Year,
)
from ..content.markup import Vocabulary
from ..content.placeholders import PLACEHOLDER_SCHEMA, is_unfilled, marked_number
from ..perjanjian.model import LARGEST_BUDGET

#: The generated parts a chapter's text places, each alone in its paragraph.
REFERENCES = Vocabulary(
    lists=(
        ("tabel_pk", "tabel target tahun ini (dari Perjanjian Kinerja, atau dari IKU)"),
        ("capaian_kinerja", "capaian kinerja organisasi: per sasaran dan indikator, dari [[capaian]]"),
        ("realisasi_anggaran", "realisasi anggaran per program, dari [[anggaran]]"),
    ),
    unknown="rujukan {rujukan} tidak dikenal di Laporan Kinerja; yang ada: {tabel_pk}, {capaian_kinerja}, "
            "{realisasi_anggaran}, masing-masing sendiri dalam satu paragraf",
)

#: Rupiah, a whole number; an example may be written "«contoh: 1250000000»", and one still to fill in
#: ("«realisasi 2025»") counts 0 until it is (check refuses it).
Rupiah = Annotated[int, BeforeValidator(lambda value: 0 if is_unfilled(value) else marked_number(value)),
                   Field(ge=0, le=LARGEST_BUDGET),
                   WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0, "maximum": LARGEST_BUDGET},
                                             PLACEHOLDER_SCHEMA]})]


#: A percentage typed whole (91) or with decimals (90.5), read exactly. Its schema is a number, as it is
#: written in TOML (pydantic's own schema for a Decimal changes between its versions).
Percent = Annotated[Decimal, Field(ge=-1000, le=1000), BeforeValidator(lambda v: Decimal(v) if type(v) is int else v),
                    WithJsonSchema({"type": "number", "minimum": -1000, "maximum": 1000})]


class Predikat(Model):
    minimal: Percent = Field(title="Capaian minimal")
    """Capaian terendah (%) yang mendapat predikat ini, misalnya 91."""
    nama: PlainText = Field(title="Predikat")
    """Nama predikat, misalnya "Sangat Baik"."""


class Laporan(Model):
    iku: PlainText = Field(title="IKU")
    """IKU yang indikator dan targetnya dilaporkan: berkas relatif terhadap berkas ini ("iku_2024.toml"), atau
    revisi git ("v2024-10:content/iku_2024.toml")."""
    pk: PlainText | None = Field(None, title="Perjanjian Kinerja")
    """Perjanjian Kinerja tahun ini (berkas atau revisi git): target dan program diambil darinya; tanpa ini,
    target dari IKU dan program dari [[anggaran]]."""
    tahun: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)] = Field(title="Tahun")
    """Tahun yang dilaporkan."""
    tempat: PlainText = Field(title="Tempat")
    """Tempat penandatanganan kata pengantar."""
    tanggal: SigningDate = Field(title="Tanggal")
    """Tanggal penandatanganan: 2025-02-14, atau "2025-02" bila hanya bulan dan tahun yang dicetak."""
    rumus_turun: Literal["2T-R", "T/R"] = Field("2T-R", title="Rumus capaian indikator turun")
    """Capaian indikator yang makin rendah makin baik (arah = "turun" di IKU): "2T-R" (bawaan,
    (2 x target - realisasi) / target x 100) atau "T/R" (target / realisasi x 100)."""
    grafik: bool = Field(True, title="Grafik")
    """Grafik target dan realisasi per indikator dari tahun ke tahun."""
    predikat: list[Predikat] | None = Field(None, min_length=1, title="Skala predikat")
    """Skala predikat capaian, menggantikan bawaan (>= 91 Sangat Baik, >= 76 Baik, >= 66 Cukup, >= 51 Kurang,
    di bawahnya Sangat Kurang): [ { minimal = 91, nama = "Sangat Baik" }, ... ]."""

    @model_validator(mode="after")
    def _scale_falls(self) -> Laporan:
        lows = [p.minimal for p in self.predikat or ()]
        if lows != sorted(lows, reverse=True) or len(set(lows)) != len(lows):
            raise PydanticCustomError(
                "predikat-urutan", "skala predikat ditulis dari capaian minimal tertinggi ke terendah, tanpa angka "
                "yang sama", {"kunci": "predikat"})
        return self


class Ikhtisar(Model):
    isi: MarkdownText
    """Ikhtisar eksekutif (Markdown): ringkasan capaian untuk pimpinan."""


class CapaianIndikator(Model):
    indikator: PlainText = Field(title="Indikator")
    """Indikator IKU yang dilaporkan, dengan namanya (atau kodenya, misalnya "IKU-2")."""
    realisasi: dict[Year, RealisasiValue] = Field(title="Realisasi")
    """Realisasi per tahun, satu baris per tahun, seperti target: angka (74.13), rentang ([139.83, 136.5]) atau
    teks ("N/A", "WTP"). Tahun-tahun sebelumnya dibandingkan dengan tahun laporan."""
    standar_nasional: TargetValue | None = Field(None, title="Standar nasional")
    """Standar atau capaian nasional bila ada: angka atau teks."""
    analisis: MarkdownText | None = Field(None, title="Analisis")
    """Analisis capaian (Markdown): penyebab keberhasilan atau kegagalan, solusi, efisiensi sumber daya,
    program yang mendukung."""


class AnggaranProgram(Model):
    program: PlainText = Field(title="Program")
    """Program, dengan namanya seperti di Perjanjian Kinerja (anggarannya diambil dari sana)."""
    anggaran: Rupiah | None = Field(None, title="Anggaran")
    """Anggaran (rupiah, bilangan bulat); wajib bila program ini tidak ada di Perjanjian Kinerja."""
    realisasi: Rupiah = Field(title="Realisasi anggaran")
    """Realisasi anggaran (rupiah, bilangan bulat tanpa titik)."""


class KontenLaporan(Model):
    """Satu Laporan Kinerja Instansi Pemerintah (LKjIP)."""

    laporan: Laporan
    """Tahun, IKU dan Perjanjian Kinerja sumber, tempat dan tanggal, aturan capaian."""
    penandatangan: Penandatangan | None = None
    """Yang menandatangani kata pengantar bila bukan [penandatangan] IKU."""
    kata_pengantar: KataPengantar
    """Kata pengantar."""
    ikhtisar: Ikhtisar
    """Ikhtisar eksekutif."""
    bab: list[Bab] = Field(min_length=1)
    """Bab-bab laporan, berurutan; {tabel_pk}, {capaian_kinerja} dan {realisasi_anggaran} menempatkan bagian
    yang dibuat dari data."""
    capaian: list[CapaianIndikator] = Field(min_length=1)
    """Realisasi dan analisis setiap indikator IKU."""
    anggaran: list[AnggaranProgram] = []
    """Realisasi anggaran per program."""
    tte: Tte | None = None
    """Tanda tangan elektronik: catatan kaki TTE dan jangkar kode QR di tanda tangan kata pengantar."""
    periksa: Periksa = Periksa()
    """Aturan 'ikudoc check' untuk berkas ini: peringatan yang diabaikan."""
