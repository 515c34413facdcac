"""Check a validated Laporan Kinerja: what makes its figures wrong (a realisasi missing for the report
year, a text where a number is agreed) is an error; what looks mistyped (a capaian above 150 % or below
0, a budget overspent, an earlier year's realisasi that last year's report gave otherwise) is a warning."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from ..content.fields import Target, parse_target
from ..content.formatting import format_rupiah, format_target
from ..content.problems import Problem
from ..content.regular_file import NotARegularFile, read_regular
from ..content.revision_source import CONTENT_LIMIT
from ..content.rules import (
    Report,
    acknowledged,
    anchor_only_where_it_is_signed,
    check_signatory,
    no_empty_chapter,
    placeholders_replaced,
)
from ..content.scaffold import by_year
from ..content.source import TomlSource, content_text
from ..content.validate import strings
from ..perjanjian.checks import shown_in_the_agreement
from .capaian import is_missing
from .figures import figures
from .loader import LaporanKinerja

#: The codes of the warnings below: the ones [periksa] abaikan may name in an LKjIP.
WARNING_CODES = frozenset({"bab-kosong", "nip-format", "capaian-di-luar-kewajaran", "anggaran-lebih",
                           "realisasi-beda-laporan-lalu", "bagian-tidak-dicantumkan"})
#: A capaian beyond these is more likely a realisasi typed wrong than a year's work.
HIGHEST, LOWEST = Decimal(150), Decimal(0)


def check_laporan(laporan: LaporanKinerja, toml: TomlSource) -> list[Problem]:
    """Every rule below, in line order, acknowledged warnings marked ([periksa] abaikan)."""
    report = Report(toml, WARNING_CODES)
    konten = laporan.konten
    if konten.penandatangan is not None:
        check_signatory(report, ("penandatangan",), konten.penandatangan, konten.laporan.tanggal.tanggal)
    no_empty_chapter(report, konten.bab)
    iku = laporan.iku_source  # the agency, its signatory, sasaran and indicators are printed from the IKU
    anchor_only_where_it_is_signed(report, konten.tte, strings(toml.data), (
        (f"{iku.path}:{iku.line_of(loc)}", text) for loc, text in strings(iku.data) if shown_in_the_agreement(loc)))
    placeholders_replaced(report, strings(toml.data))
    _realisasi_usable(laporan, report)
    _capaian_plausible(laporan, report)
    _budget_not_overspent(laporan, report)
    _parts_placed(laporan, report)
    _same_as_last_year(laporan, report)
    return acknowledged(konten.periksa, report)


def _realisasi_usable(laporan: LaporanKinerja, report: Report) -> None:
    for row in laporan.indikator:
        at = (*row.loc, "realisasi")
        achieved = row.capaian.realisasi.get(laporan.tahun)
        if achieved is None:
            report.error(at, f"realisasi {laporan.tahun} \"{row.indikator.nama}\" belum ditulis; tulis {laporan.tahun} "
                         "= angkanya (atau \"N/A\" bila datanya belum ada)", "realisasi-tahun-laporan")
        for year, value in sorted(row.capaian.realisasi.items()):
            target = row.target if year == laporan.tahun else row.indikator.target.get(year)
            if isinstance(value.nilai, str) and not is_missing(value) and target is not None \
                    and not isinstance(target.nilai, str):
                report.error((*at, year), f"realisasi {year} berupa teks \"{value.nilai}\", padahal targetnya angka "
                             f"({format_target(target, row.indikator)}); tulis angkanya tanpa tanda kutip, atau "
                             "\"N/A\" bila datanya tidak ada", "realisasi-teks")


def _capaian_plausible(laporan: LaporanKinerja, report: Report) -> None:
    for group in figures(laporan).sasaran:
        for row in group.indikator:
            shown = row.tahun_ini.capaian.dibulatkan
            if shown is not None and not LOWEST <= shown <= HIGHEST:
                report.warning((*row.baris.loc, "realisasi", laporan.tahun),
                               f"capaian {laporan.tahun} \"{row.baris.indikator.nama}\" {row.tahun_ini.capaian.teks} "
                               f"%: di luar {LOWEST}–{HIGHEST} %; periksa realisasi dan satuannya",
                               "capaian-di-luar-kewajaran")


def _budget_not_overspent(laporan: LaporanKinerja, report: Report) -> None:
    for program in laporan.program:
        if program.realisasi > program.anggaran:
            report.warning((*program.loc, "realisasi"), f"realisasi anggaran \"{program.nama}\" melebihi "
                           f"anggarannya ({format_rupiah(program.realisasi)} > {format_rupiah(program.anggaran)})",
                           "anggaran-lebih")


def _parts_placed(laporan: LaporanKinerja, report: Report) -> None:
    """The capaian, the reason the report exists, is placed in a chapter; the budget too when given."""
    used = {name for bab in laporan.konten.bab for text in (bab.isi, *(g.isi for g in bab.bagian)) if text
            for name in text.references()}
    wanted = [("capaian_kinerja", "capaian kinerja")]
    if laporan.program:
        wanted.append(("realisasi_anggaran", "realisasi anggaran"))
    for name, what in wanted:
        if name not in used:
            report.warning(("bab",), f"{what} tidak dicantumkan di bab mana pun; tulis {{{name}}} sendiri dalam satu "
                           "paragraf di bab yang membahasnya (biasanya BAB III Akuntabilitas Kinerja)",
                           "bagian-tidak-dicantumkan")


def _same_as_last_year(laporan: LaporanKinerja, report: Report) -> None:
    """An earlier year's realisasi as last year's report (beside this file, [laporan] tahun one less) gave it."""
    previous = _last_years_report(Path(report.toml.path).parent, laporan.konten.laporan.tahun - 1)
    if previous is None:
        return
    path, data = previous
    earlier = {str(entry.get("indikator", "")).casefold(): entry.get("realisasi", {})
               for entry in data.get("capaian", []) if isinstance(entry, dict)}
    for row in laporan.indikator:
        old = earlier.get(row.capaian.indikator.casefold())
        if not isinstance(old, dict):
            continue
        for year, value in sorted(row.capaian.realisasi.items()):
            was = _target_or_none(old.get(year))
            if year < laporan.tahun and was is not None and was.nilai != value.nilai:
                now, then = format_target(value, row.indikator), format_target(was, row.indikator)
                report.warning((*row.loc, "realisasi", year), f"realisasi {year} \"{row.indikator.nama}\" {now} "
                               f"berbeda dengan laporan tahun lalu ({path.name}: {then}); samakan, atau jelaskan "
                               "perbaikannya di analisis", "realisasi-beda-laporan-lalu")


def _last_years_report(folder: Path, year: int) -> tuple[Path, dict] | None:
    path = by_year(folder, "laporan").get(year)
    if path is None:
        return None
    try:
        return path, tomllib.loads(content_text(read_regular(path, CONTENT_LIMIT)), parse_float=Decimal)
    except (OSError, NotARegularFile, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _target_or_none(value) -> Target | None:
    """A value of last year's file as a target is read; None when it is none or unreadable."""
    try:
        return None if value is None else parse_target(value)
    except (ValueError, TypeError):  # pydantic's error is a ValueError
        return None
