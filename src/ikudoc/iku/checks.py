"""Check a validated IKU against the rules an evaluator of SAKIP documents applies to it.

Each rule yields problems with a code: errors stop ``ikudoc build``; warnings are shown by
``ikudoc check`` (and fail it with ``--strict``). The rules every kind shares are in content.rules.
"""

from __future__ import annotations

import difflib
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
from .model import Indikator, Konten, Target


def check_content(konten: Konten, toml: TomlSource) -> list[Problem]:
    """Every rule below, on one document, in line order; the warnings the content acknowledges
    ([periksa] abaikan) marked as such."""
    report = Report(toml, WARNING_CODES)
    for rule in RULES:
        rule(konten, report)
    return acknowledged(konten.periksa, report)


def _bounds(target: Target) -> tuple | None:
    """The lowest and highest value a target allows: a number twice, a band's bounds; None for a text."""
    if band := target.rentang:
        return band.bawah, band.atas
    return None if target.angka is None else (target.angka, target.angka)


def _said(target: Target) -> str:
    """A number or band of a message: "8,57", "143,33 - 139,83"."""
    band = target.rentang
    return " - ".join(map(format_number, (band.awal, band.akhir))) if band else format_number(target.angka)


def _cumulative_targets_go_one_way(konten: Konten, report: Report) -> None:
    """The targets of a cumulative indicator never go back: they do not fall (arah "naik"), or do not rise
    (arah "turun"). A band goes back when neither bound goes on and one goes back."""
    for loc, _, ind in konten.indicators():
        if not ind.is_cumulative():
            continue
        rising = ind.arah == "naik"
        for key in ("target_sebelum", "target"):
            targets = [(year, target, bounds) for year, target in sorted((getattr(ind, key) or {}).items())
                       if (bounds := _bounds(target)) is not None]
            for (year_before, before, low_high_before), (year, target, low_high) in zip(targets, targets[1:],
                                                                                         strict=False):
                ahead = [now - was if rising else was - now for was, now in zip(low_high_before, low_high, strict=True)]
                if max(ahead) > 0 or min(ahead) == 0:
                    continue
                if rising:
                    report.error((*loc, key, year), f"indikator kumulatif tidak boleh turun: target {year} "
                                 f"({_said(target)}) lebih kecil dari target {year_before} ({_said(before)})",
                                 "kumulatif-turun")
                else:
                    report.error((*loc, key, year), f"indikator kumulatif dengan arah \"turun\" tidak boleh naik: "
                                 f"target {year} ({_said(target)}) lebih besar dari target {year_before} "
                                 f"({_said(before)})", "kumulatif-naik")


def _values(ind: Indikator) -> Iterator[tuple[tuple, str, str, Target]]:
    """Every value of an indicator, with its key under the indicator, how a message names it, and its year."""
    for key in ("target_sebelum", "target"):
        for year, target in sorted((getattr(ind, key) or {}).items()):
            yield (key, year), "target sebelum perubahan" if key == "target_sebelum" else "target", year, target
    if ind.kondisi_awal:
        yield ("kondisi_awal",), "kondisi awal", "", ind.kondisi_awal.nilai
    if ind.kondisi_akhir:
        yield ("kondisi_akhir",), "kondisi akhir", "", ind.kondisi_akhir


def _named(values: list[tuple[str, str]]) -> str:
    """("target", "2025"), ("target", "2026"), ("kondisi akhir", "") -> "target 2025, 2026, kondisi akhir"."""
    parts: dict[str, list[str]] = {}
    for name, year in values:
        parts.setdefault(name, []).append(year)
    return ", ".join(f"{name} {', '.join(years)}".strip() for name, years in parts.items())


def _bands_typed_the_way_they_go(konten: Konten, report: Report) -> None:
    """A band is typed from where the indicator starts toward where it is better: the lower bound first
    when higher is better ("70 - 75"), the upper bound first when lower is better ("143,33 - 139,83"): a
    band typed the other way round is printed so, and is probably the other way round by mistake."""
    for loc, _, ind in konten.indicators():
        wrong = [(at, name, year, target) for at, name, year, target in _values(ind) if (band := target.rentang)
                 and (band.awal > band.akhir if ind.arah == "naik" else band.awal < band.akhir)]
        if not wrong:
            continue
        at, _, _, target = wrong[0]
        band = target.rentang
        if ind.arah == "naik":
            how = "dari angka besar ke kecil", "naik (makin tinggi makin baik)", "dari batas bawah ke batas atas"
        else:
            how = "dari angka kecil ke besar", "turun (makin rendah makin baik)", "dari batas atas ke batas bawah"
        report.warning((*loc, *at), f"rentang {_named([(name, year) for _, name, year, _ in wrong])} ditulis "
                       f"{how[0]} ({_said(target)}), padahal arah indikator ini {how[1]}: tulis rentangnya {how[2]}, "
                       f"[{band.akhir}, {band.awal}], atau periksa arah", "rentang-arah")


def _bands_have_width(konten: Konten, report: Report) -> None:
    """A band whose bounds are equal ([5, 5]) is one number typed as a band."""
    for loc, _, ind in konten.indicators():
        for at, name, year, target in _values(ind):
            if (band := target.rentang) and band.awal == band.akhir:
                report.warning((*loc, *at), f"rentang {_named([(name, year)])} [{band.awal}, {band.akhir}] tidak punya "
                               f"lebar: kedua batasnya sama; tulis satu angka ({band.awal}), atau batas yang berbeda",
                               "rentang-sama")


def _tujuan_hold_something(konten: Konten, report: Report) -> None:
    for t, tujuan in enumerate(konten.tujuan):
        if not tujuan.indikator and not any(konten.tujuan_of(s) == t for s in konten.sasaran):
            report.warning(("tujuan", t), f"tujuan \"{tujuan.nama}\" tidak punya indikator dan tidak ada sasaran di "
                           "bawahnya: tabel mencetaknya sendirian; tulis tujuan = \"...\" pada sasarannya",
                           "tujuan-kosong")


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


def _lampiran_titled_for_its_agency(konten: Konten, report: Report) -> None:
    """A government's own IKU (instansi nama = pemerintah) under the default lampiran title of an OPD's."""
    instansi = konten.instansi
    titles = konten.dokumen.judul_lampiran
    if instansi.nama.casefold() == instansi.pemerintah.casefold() and any(
            "PERANGKAT DAERAH" in title.upper() or "IKU-OPD" in title.upper() for title in titles):
        report.warning(("dokumen", "judul_lampiran"), "judul lampiran menyebut perangkat daerah (IKU-OPD), padahal "
                       "dokumen ini IKU pemerintah daerah (instansi nama = pemerintah); tulis [dokumen] "
                       f"judul_lampiran, misalnya [\"INDIKATOR KINERJA UTAMA (IKU)\", \"INDIKATOR KINERJA UTAMA "
                       f"{instansi.pemerintah.upper()}\"]", "judul-lampiran-opd")


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
            ("daftar_iku", "indikator kinerja utama", [i.nama for _, _, i in konten.indicators()])):
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
WARNING_CODES = frozenset({"bab-kosong", "frasa-berulang", "judul-lampiran-opd", "nip-format", "rentang-arah",
                           "rentang-sama", "tabel-tidak-dicantumkan", "target-tahun-periode", "tujuan-kosong"})


RULES: list[Callable[[Konten, Report], None]] = [
    _import_guesses_checked,
    _cumulative_targets_go_one_way,
    _bands_typed_the_way_they_go,
    _bands_have_width,
    _tujuan_hold_something,
    _targets_cover_the_period,
    _lampiran_titled_for_its_agency,
    _signatory_is_valid,
    _no_phrase_typed_twice,
    _no_empty_chapter,
    _table_is_listed_in_the_text,
    _anchor_only_where_it_is_signed,
    _placeholders_replaced,
]
