"""Compare two Laporan Kinerja revisions (or the reports of two years) into the same Comparison as the
IKU's diff, in words: the report's year, date and rules, the texts, each indicator's realisasi and capaian
per year and its analysis, the budget's realisasi and absorption, and the overall capaian."""

from __future__ import annotations

from ..content.formatting import format_rupiah, format_target
from ..content.problems import format_key_path
from ..revisions.comparison import Collector, Comparison, Group
from ..revisions.parts import compare_chapters, compare_fields
from .capaian import Capaian
from .figures import Angka, CapaianIndikator, figures
from .loader import LaporanKinerja

REPORT = Group("laporan", "Laporan")
FOREWORD = Group("kata-pengantar", "Kata pengantar dan ikhtisar")
CAPAIAN = Group("capaian", "Realisasi dan capaian")
BUDGET = Group("anggaran", "Realisasi anggaran")


def compare_laporan(old: LaporanKinerja, new: LaporanKinerja, old_label: str, new_label: str) -> Comparison:
    """Everything that differs between two reports, in the order the document shows it."""
    out = Collector()
    compare_fields(out, REPORT, "laporan", old.konten.laporan, new.konten.laporan)
    out.text(FOREWORD, "Kata pengantar", "kata_pengantar.isi", old.konten.kata_pengantar.isi.sumber,
             new.konten.kata_pengantar.isi.sumber)
    out.text(FOREWORD, "Ikhtisar eksekutif", "ikhtisar.isi", old.konten.ikhtisar.isi.sumber,
             new.konten.ikhtisar.isi.sumber)
    compare_chapters(out, old.konten.bab, new.konten.bab)
    was, now = figures(old), figures(new)
    _compare_indicators(out, old, new, was, now)
    _compare_budget(out, was, now)
    return Comparison(old_label, new_label, out.finish(), (), (), "Laporan Kinerja")


def _by_indicator(angka: Angka) -> dict[str, CapaianIndikator]:
    return {row.baris.indikator.nama: row for group in angka.sasaran for row in group.indikator}


def _percent(value: Capaian) -> str:
    return f"{value.teks} %" if value.persen is not None else value.teks


def _compare_indicators(out: Collector, old: LaporanKinerja, new: LaporanKinerja, was: Angka, now: Angka) -> None:
    before, after = _by_indicator(was), _by_indicator(now)
    for name, row in after.items():
        key = format_key_path(row.baris.loc)
        earlier = before.get(name)
        if earlier is None:
            out.add(CAPAIAN, "tambah", f"Indikator dilaporkan, {name}", key, None, _percent(row.tahun_ini.capaian))
            continue
        indikator = row.baris.indikator
        years = {entry.tahun: entry for entry in earlier.riwayat}
        for entry in row.riwayat:
            old_entry = years.get(entry.tahun)
            old_value = _value(old_entry.realisasi, indikator) if old_entry else None
            out.value(CAPAIAN, f"Realisasi {entry.tahun}, {name}", f"{key}.realisasi.{entry.tahun}", old_value,
                      _value(entry.realisasi, indikator))
            out.value(CAPAIAN, f"Capaian {entry.tahun}, {name}", f"{key}.realisasi.{entry.tahun}",
                      _percent(old_entry.capaian) if old_entry else None, _percent(entry.capaian))
        out.value(CAPAIAN, f"Standar nasional, {name}", f"{key}.standar_nasional",
                  _value(earlier.baris.capaian.standar_nasional, indikator),
                  _value(row.baris.capaian.standar_nasional, indikator))
        out.text(CAPAIAN, f"Analisis, {name}", f"{key}.analisis", _source(earlier.baris.capaian.analisis),
                 _source(row.baris.capaian.analisis))
    for name, row in before.items():
        if name not in after:
            out.add(CAPAIAN, "hapus", f"Indikator tidak dilaporkan lagi, {name}", format_key_path(row.baris.loc),
                    _percent(row.tahun_ini.capaian), None)
    out.value(CAPAIAN, "Rata-rata capaian", "capaian", _percent(was.rata_rata), _percent(now.rata_rata))
    out.value(CAPAIAN, "Predikat", "capaian", was.predikat, now.predikat)


def _compare_budget(out: Collector, was: Angka, now: Angka) -> None:
    before = {p.nama: p for p in was.program}
    for n, program in enumerate(now.program):
        key = format_key_path(("anggaran", n))
        old = before.pop(program.nama, None)
        if old is None:
            out.add(BUDGET, "tambah", "Program ditambah", key, None, format_rupiah(program.realisasi))
            continue
        out.value(BUDGET, f"Anggaran, {program.nama}", f"{key}.anggaran", format_rupiah(old.anggaran),
                  format_rupiah(program.anggaran))
        out.value(BUDGET, f"Realisasi, {program.nama}", f"{key}.realisasi", format_rupiah(old.realisasi),
                  format_rupiah(program.realisasi))
    for name, program in before.items():
        out.add(BUDGET, "hapus", "Program dihapus", "anggaran", f"{name} ({format_rupiah(program.realisasi)})", None)
    if was.jumlah and now.jumlah:
        out.value(BUDGET, "Jumlah realisasi", "anggaran", format_rupiah(was.jumlah.realisasi),
                  format_rupiah(now.jumlah.realisasi))


def _value(value, indikator) -> str | None:
    return None if value is None else format_target(value, indikator)


def _source(text) -> str | None:
    return None if text is None else text.sumber
