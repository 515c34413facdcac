"""A Laporan Kinerja's figures, from its data: for every indicator the capaian of the report year, of every
earlier year it reports a realisasi for, and against the Renstra's end-of-period target; the averages and
predicates per sasaran and overall; the absorption of every program's budget and of the total. What the
checks warn of, the context prints and the comparison of two reports reads: computed once, here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..content.fields import Target
from ..iku.model import Sasaran, Tujuan
from .capaian import DEFAULT_SCALE, Capaian, absorption, average, capaian, predicate
from .loader import IndikatorLaporan, LaporanKinerja


@dataclass(frozen=True)
class TahunCapaian:
    tahun: str
    target: Target | None
    realisasi: Target | None
    capaian: Capaian


@dataclass(frozen=True)
class CapaianIndikator:
    baris: IndikatorLaporan
    tahun_ini: TahunCapaian
    riwayat: tuple[TahunCapaian, ...]  # the report's years compared (Angka.tahun), the report year last
    renstra: TahunCapaian  # the report year's realisasi against the target of the IKU period's last year
    predikat: str | None


@dataclass(frozen=True)
class CapaianSasaran:
    """A sasaran's indicators with their mean (or a tujuan's, when it has indicators of its own)."""

    nomor: int
    sasaran: Sasaran | Tujuan
    indikator: tuple[CapaianIndikator, ...]
    rata_rata: Capaian
    predikat: str | None

    @property
    def kelompok(self) -> str:
        """"Sasaran" or "Tujuan": how the report names the group ("Sasaran 2: ...")."""
        return "Tujuan" if isinstance(self.sasaran, Tujuan) else "Sasaran"

    @property
    def sebutan(self) -> str:
        """"Sasaran 2", "Tujuan 1": the group in captions."""
        return f"{self.kelompok} {self.nomor}"


@dataclass(frozen=True)
class SerapanProgram:
    nama: str
    anggaran: int
    realisasi: int
    persen: Decimal | None  # exact; None for a budget of 0


@dataclass(frozen=True)
class Angka:
    """All of a report's figures."""

    sasaran: tuple[CapaianSasaran, ...]
    rata_rata: Capaian
    predikat: str | None
    program: tuple[SerapanProgram, ...]
    jumlah: SerapanProgram | None  # the total row: None without programs
    tahun_renstra: str  # the last year of the IKU's period
    tahun: tuple[str, ...]  # the years compared, in order, the report year last


def scale(laporan: LaporanKinerja) -> tuple[tuple[Decimal, str], ...]:
    """The predicate scale: the content's, else the default."""
    own = laporan.konten.laporan.predikat
    return tuple((p.minimal, p.nama) for p in own) if own else DEFAULT_SCALE


def figures(laporan: LaporanKinerja) -> Angka:
    rules = laporan.konten.laporan
    levels = scale(laporan)
    last_year = str(laporan.iku.dokumen.periode.akhir)
    # The years compared: every year before the report's that any indicator has a target or a realisasi
    # for, the same columns for all (an indicator without a figure that year shows "-").
    earlier = sorted({year for row in laporan.indikator for year in (*row.indikator.target, *row.capaian.realisasi)
                      if year < laporan.tahun})
    groups: dict[int, list[CapaianIndikator]] = {}  # by the group itself: a tujuan and a sasaran may share a number
    for row in laporan.indikator:
        arah = row.indikator.arah
        now = _year(row, laporan.tahun, row.target, rules.rumus_turun)
        history = tuple(_year(row, year, row.indikator.target.get(year), rules.rumus_turun) for year in earlier)
        end = row.indikator.target.get(last_year)
        renstra = TahunCapaian(last_year, end, now.realisasi, capaian(end, now.realisasi, arah, rules.rumus_turun))
        groups.setdefault(id(row.sasaran), []).append(
            CapaianIndikator(row, now, (*history, now), renstra, predicate(now.capaian, levels)))
    sasaran = []
    for rows in groups.values():
        mean = average(row.tahun_ini.capaian for row in rows)
        first = rows[0].baris
        sasaran.append(CapaianSasaran(first.nomor_sasaran, first.sasaran, tuple(rows), mean, predicate(mean, levels)))
    overall = average(row.tahun_ini.capaian for group in sasaran for row in group.indikator)
    programs = tuple(SerapanProgram(p.nama, p.anggaran, p.realisasi, absorption(p.anggaran, p.realisasi))
                     for p in laporan.program)
    total = None
    if programs:
        budget, spent = sum(p.anggaran for p in programs), sum(p.realisasi for p in programs)
        total = SerapanProgram("JUMLAH", budget, spent, absorption(budget, spent))
    return Angka(tuple(sasaran), overall, predicate(overall, levels), programs, total, last_year,
                 (*earlier, laporan.tahun))


def _year(row: IndikatorLaporan, year: str, target: Target | None, rumus_turun) -> TahunCapaian:
    achieved = row.capaian.realisasi.get(year)
    return TahunCapaian(year, target, achieved, capaian(target, achieved, row.indikator.arah, rumus_turun))
