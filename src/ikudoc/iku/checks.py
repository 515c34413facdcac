"""Check a validated IKU against the rules an evaluator of SAKIP documents applies to it.

Each rule yields problems with a code: errors stop ``ikudoc build``; warnings are shown by
``ikudoc check`` (and fail it with ``--strict``). The rules every kind shares are in content.rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..content.fields import texts
from ..content.formatting import format_number
from ..content.problems import Problem
from ..content.rules import (
    Report,
    acknowledged,
    anchor_only_where_it_is_signed,
    check_signatory,
    no_empty_chapter,
    no_phrase_typed_twice,
)
from ..content.source import TomlSource
from ..content.validate import strings
from .model import Konten


def check_content(konten: Konten, toml: TomlSource) -> list[Problem]:
    """Every rule below, on one document, in line order; the warnings the content acknowledges
    ([periksa] abaikan) marked as such."""
    report = Report(toml, WARNING_CODES)
    for rule in RULES:
        rule(konten, report)
    return acknowledged(konten.periksa, report)


def _cumulative_targets_do_not_decrease(konten: Konten, report: Report) -> None:
    for loc, _, ind in konten.indicators():
        cumulative = ind.kumulatif if ind.kumulatif is not None else bool(re.search(r"akumulasi|kumulatif",
                                                                                  ind.nama, re.IGNORECASE))
        if not cumulative:
            continue
        for key in ("target_sebelum", "target"):
            targets = getattr(ind, key) or {}
            numbers = [(year, target.angka) for year, target in sorted(targets.items()) if target.angka is not None]
            for (year_before, before), (year, value) in zip(numbers, numbers[1:], strict=False):
                if value < before:
                    report.error(
                        (*loc, key, year),
                        f"indikator kumulatif tidak boleh turun: target {year} ({format_number(value)}) lebih kecil "
                        f"dari target {year_before} ({format_number(before)})",
                        "kumulatif-turun",
                    )


def _targets_cover_the_period(konten: Konten, report: Report) -> None:
    periode = konten.dokumen.periode
    years = {int(year) for _, _, ind in konten.indicators() for year in ind.target}
    if not years:  # an IKU without targets
        return
    period = set(range(periode.awal, periode.akhir + 1))
    span = periode.teks
    if missing := sorted(period - years):
        report.warning(("dokumen", "periode"),
                       f"tahun {', '.join(map(str, missing))} dari periode {span} tidak punya target di tabel IKU",
                       "target-tahun-periode")
    if outside := sorted(years - period):
        report.warning(("dokumen", "periode"),
                       f"target tahun {', '.join(map(str, outside))} berada di luar periode {span}",
                       "target-tahun-periode")


def _signatory_is_valid(konten: Konten, report: Report) -> None:
    check_signatory(report, ("penandatangan",), konten.penandatangan, konten.dokumen.tanggal.tanggal)


def _anchor_only_where_it_is_signed(konten: Konten, report: Report) -> None:
    anchor_only_where_it_is_signed(report, konten.tte, strings(report.toml.data))


def _no_phrase_typed_twice(konten: Konten, report: Report) -> None:
    no_phrase_typed_twice(report, texts(konten))


def _no_empty_chapter(konten: Konten, report: Report) -> None:
    no_empty_chapter(report, konten.bab)


def _table_is_listed_in_the_text(konten: Konten, report: Report) -> None:
    used = {name for bab in konten.bab for text in (bab.isi, *(g.isi for g in bab.bagian)) if text
            for name in text.references()}
    for name, what in (("daftar_sasaran", "sasaran strategis"), ("daftar_iku", "indikator kinerja utama")):
        if name not in used:
            report.warning(("sasaran", 0), f"{what} dari tabel IKU tidak dicantumkan di bab mana pun; tulis "
                           f"{{{name}}} dalam satu paragraf di bab yang membahasnya", "tabel-tidak-dicantumkan")


#: The codes of the warnings below: the ones [periksa] abaikan may name.
WARNING_CODES = frozenset({"bab-kosong", "frasa-berulang", "nip-format", "tabel-tidak-dicantumkan",
                           "target-tahun-periode"})

RULES: list[Callable[[Konten, Report], None]] = [
    _cumulative_targets_do_not_decrease,
    _targets_cover_the_period,
    _signatory_is_valid,
    _no_phrase_typed_twice,
    _no_empty_chapter,
    _table_is_listed_in_the_text,
    _anchor_only_where_it_is_signed,
]
