"""Check a validated IKU against the rules an evaluator of SAKIP documents applies to it.

Each rule yields problems with a code: errors stop ``ikudoc build``; warnings are shown by
``ikudoc check`` (and fail it with ``--strict``). The rules every kind shares are in content.rules.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

from ..content.formatting import format_number
from ..content.markup import ListBlock, Text, plain_text
from ..content.problems import Loc, Problem
from ..content.rules import (
    Report,
    acknowledged,
    anchor_only_where_it_is_signed,
    check_signatory,
    no_empty_chapter,
    no_phrase_typed_twice,
    no_unchecked_guess,
    placeholders_replaced,
)
from ..content.source import TomlSource
from ..content.validate import strings
from ..content.walk import texts
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


def _placeholders_replaced(konten: Konten, report: Report) -> None:
    placeholders_replaced(report, strings(report.toml.data))


def _anchor_only_where_it_is_signed(konten: Konten, report: Report) -> None:
    anchor_only_where_it_is_signed(report, konten.tte, strings(report.toml.data))


def _no_phrase_typed_twice(konten: Konten, report: Report) -> None:
    no_phrase_typed_twice(report, texts(konten))


def _no_empty_chapter(konten: Konten, report: Report) -> None:
    no_empty_chapter(report, konten.bab)


def _chapter_texts(konten: Konten) -> Iterator[tuple[Loc, Text]]:
    for b, bab in enumerate(konten.bab):
        if bab.isi:
            yield ("bab", b, "isi"), bab.isi
        for g, bagian in enumerate(bab.bagian):
            if bagian.isi:
                yield ("bab", b, "bagian", g, "isi"), bagian.isi


def _table_is_listed_in_the_text(konten: Konten, report: Report) -> None:
    """The table's sasaran and indicators are listed in a chapter: by {daftar_sasaran} / {daftar_iku}, or
    typed, as an official text may spell them ("Yang Berkualitas" where the table has "yang"): a typed list
    counts when it names them all in order, capitals aside; one that resembles them but does not is a
    list that drifted from the table."""
    texts = list(_chapter_texts(konten))
    used = {name for _, text in texts for name in text.references()}
    typed = [(loc, [plain_text(item) for item in block.butir]) for loc, text in texts
             for block in text.blok if isinstance(block, ListBlock) and block.asal is None]
    for name, what, table in (
            ("daftar_sasaran", "sasaran strategis", [s.nama for s in konten.sasaran]),
            ("daftar_iku", "indikator kinerja utama", [i.nama for s in konten.sasaran for i in s.indikator])):
        if name in used or any(_same_names(items, table) for _, items in typed):
            continue
        drifted = [(loc, items) for loc, items in typed if _resembles(items, table)]
        known = {t.casefold() for t in table}
        for loc, items in drifted:
            unknown = [item for item in items if item.casefold() not in known]
            differs = f"\"{unknown[0]}\" tidak ada di tabel" if unknown else "butir atau urutannya lain"
            report.warning(loc, f"daftar {what} di teks ini tidak sama dengan tabel IKU ({differs}); samakan dengan "
                           f"tabel, atau tulis {{{name}}}", "tabel-tidak-dicantumkan")
        if not drifted:
            report.warning(("sasaran", 0), f"{what} dari tabel IKU tidak dicantumkan di bab mana pun; tulis "
                           f"{{{name}}} dalam satu paragraf di bab yang membahasnya", "tabel-tidak-dicantumkan")


def _same_names(items: list[str], table: list[str]) -> bool:
    return [item.casefold() for item in items] == [name.casefold() for name in table]


def _resembles(items: list[str], table: list[str]) -> bool:
    """Most of ``items`` are close to a name of ``table``: a list meant to be the table's."""
    names = [name.casefold() for name in table]
    close = sum(bool(difflib.get_close_matches(item.casefold(), names, n=1, cutoff=0.8)) for item in items)
    return close * 2 > len(items)


def _import_guesses_checked(_konten: Konten, report: Report) -> None:
    no_unchecked_guess(report)


#: The codes of the warnings below: the ones [periksa] abaikan may name.
WARNING_CODES = frozenset({"bab-kosong", "frasa-berulang", "nip-format", "tabel-tidak-dicantumkan",
                           "target-tahun-periode"})


RULES: list[Callable[[Konten, Report], None]] = [
    _import_guesses_checked,
    _cumulative_targets_do_not_decrease,
    _targets_cover_the_period,
    _signatory_is_valid,
    _no_phrase_typed_twice,
    _no_empty_chapter,
    _table_is_listed_in_the_text,
    _anchor_only_where_it_is_signed,
    _placeholders_replaced,
]
