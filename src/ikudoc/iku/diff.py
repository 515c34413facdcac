"""Compare two revisions of an IKU into the changes a reader looks for, grouped in the order the document
shows them: the cover, the kata pengantar, the signatory, the chapters, the RPJMD and Renstra, the
lampiran, the sasaran and indicators, and their targets (before and after the revision). The models
are compared, not the documents: a changed {visi} is one change, not one per paragraph that shows it.
"""

from __future__ import annotations

from ..content.formatting import format_target
from ..content.problems import format_key_path
from ..revisions.collector_pause import cycle_collector_paused
from ..revisions.comparison import (
    Change,
    Collector,
    Comparison,
    Group,
    TargetCell,
    TargetRow,
    TextUnit,
    marked_text,
    text_units,
    word_diff,
)
from ..revisions.parts import compare_chapters, compare_fields
from .model import Indikator, KondisiAwal, Konten, Target
from .revisions import pair_indicators

SAMPUL = Group("sampul", "Sampul dan identitas")
KATA_PENGANTAR = Group("kata-pengantar", "Kata pengantar")
PENANDATANGAN = Group("penandatangan", "Penandatangan")
RPJMD_RENSTRA = Group("rpjmd-renstra", "Visi, misi, tujuan, strategi dan kebijakan")
LAMPIRAN = Group("lampiran", "Lampiran: tugas dan fungsi")
INDIKATOR = Group("indikator", "Sasaran dan indikator")
TARGET = Group("target", "Target")
TARGET_SEBELUM = Group("target-sebelum", "Target sebelum perubahan")
#: Which way an indicator is better, in words.
ARAH = {"naik": "naik (makin tinggi makin baik)", "turun": "turun (makin rendah makin baik)"}


def _shown(value, indikator: Indikator) -> str | None:
    """An indicator field's value as the document (or the reader) says it: "2024: 9,55", "143,33 - 139,83",
    "ya"."""
    if isinstance(value, KondisiAwal):
        return f"{value.tahun}: {format_target(value.nilai, indikator)}"
    if isinstance(value, Target):
        return format_target(value, indikator)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return None if value is None else str(value)


def _target_summary(indikator: Indikator) -> str:
    targets = "; ".join(f"{year}: {format_target(t, indikator)}" for year, t in sorted(indikator.target.items()))
    unit = f"satuan {indikator.satuan}; " if indikator.satuan else ""
    return f"{indikator.nama} ({unit}target {targets})"


def _shown_targets(targets: dict[str, Target] | None, indikator: Indikator) -> dict[str, str]:
    """Targets by year as the document prints them."""
    return {year: format_target(target, indikator) for year, target in (targets or {}).items()}


def _target_changes(key_prefix: str, label: str, group: Group, was: Indikator, now: Indikator,
                    years: tuple[str, ...], old_targets: dict[str, str], new_targets: dict[str, str]) -> list[Change]:
    changes = []
    for year in years:
        old_value, new_value = old_targets.get(year), new_targets.get(year)
        if old_value != new_value:
            kind = "tambah" if old_value is None else "hapus" if new_value is None else "ubah"
            changes.append(Change(  # (a target without a unit has the unit "": a target's change has one)
                group.label, kind, f"{label} {year}, {now.nama}", f"{key_prefix}.{year}", old_value, new_value,
                satuan=now.satuan or "", satuan_lama=(was.satuan or "") if was.satuan != now.satuan else None,
                bagian=group.id,
            ))
    return changes


def _compare_indicators(out: Collector, old: Konten, new: Konten) -> tuple[tuple[str, ...], tuple[TargetRow, ...]]:
    group = INDIKATOR
    old_sasaran = {id(ind): s.nama for _, s, ind in old.indicators()}
    new_sasaran = {id(ind): s.nama for _, s, ind in new.indicators()}
    out.units(group, "Tujuan", "tujuan", *[[TextUnit(f"butir {n}", t.nama) for n, t in enumerate(k.tujuan, 1)]
                                           for k in (old, new)])
    out.units(group, "Sasaran strategis", "sasaran", *[[TextUnit(f"butir {n}", s.nama)
                                                        for n, s in enumerate(k.sasaran, 1)] for k in (old, new)])
    _compare_tujuan_of_sasaran(out, old, new)
    years = tuple(sorted({y for k in (old, new) for _, _, i in k.indicators() for y in i.target}))
    rows, target_changes, before_changes = [], [], []
    for pair in pair_indicators(old, new):
        if pair.baru is None:
            loc, ind = pair.lama
            out.add(group, "hapus", "Indikator dihapus", format_key_path(loc), _target_summary(ind), None)
            shown = _shown_targets(ind.target, ind)
            rows.append(TargetRow(ind.nama, None, "hapus", ind.satuan or "",
                                  tuple(TargetCell(shown.get(y), None) for y in years)))
            continue
        loc, ind = pair.baru
        key = format_key_path(loc)
        if pair.lama is None:
            out.add(group, "tambah", "Indikator ditambah", key, None, _target_summary(ind))
            shown = _shown_targets(ind.target, ind)
            rows.append(TargetRow(ind.nama, None, "tambah", ind.satuan or "",
                                  tuple(TargetCell(None, shown.get(y)) for y in years)))
            continue
        was = pair.lama[1]
        status = "tetap"
        if was.nama != ind.nama:
            status = "ganti-nama"
            how = "" if pair.dikenali_dari == "kode" else " (dianggap indikator yang sama karena namanya mirip)"
            out.add(group, "ganti-nama", f"Nama indikator {was.nama}{how}", f"{key}.nama", was.nama, ind.nama,
                    kata=word_diff(was.nama, ind.nama))
        # Under a sasaran that existed before, but not its old one: it moved. (Under a sasaran name that
        # is new, the sasaran was renamed or added, which the sasaran list above reports.)
        if old_sasaran[id(was)] != new_sasaran[id(ind)] and new_sasaran[id(ind)] in old_sasaran.values():
            out.add(group, "pindah", f"Sasaran dari indikator {ind.nama}", key, old_sasaran[id(was)],
                    new_sasaran[id(ind)], asal=old_sasaran[id(was)])
        # every field the model describes but these, compared above and below
        compare_fields(out, group, key, was, ind, f", {ind.nama}", ("nama", "arah", "target", "target_sebelum"),
                       lambda value, was=was: _shown(value, was), lambda value, ind=ind: _shown(value, ind))
        out.value(group, f"Arah, {ind.nama}", f"{key}.arah", ARAH[was.arah], ARAH[ind.arah])
        old_targets, new_targets = _shown_targets(was.target, was), _shown_targets(ind.target, ind)
        target_changes += _target_changes(f"{key}.target", "Target", TARGET, was, ind, years, old_targets,
                                          new_targets)
        before_changes += _target_changes(
            f"{key}.target_sebelum", "Target sebelum perubahan", TARGET_SEBELUM, was, ind, years,
            _shown_targets(was.target_sebelum, was), _shown_targets(ind.target_sebelum, ind))
        cells = tuple(TargetCell(old_targets.get(y), new_targets.get(y)) for y in years)
        rows.append(TargetRow(ind.nama, was.nama if status == "ganti-nama" else None, status, ind.satuan or "",
                              cells))
    out.changes.extend(target_changes)
    out.changes.extend(before_changes)
    return years, tuple(rows)


def _compare_tujuan_of_sasaran(out: Collector, old: Konten, new: Konten) -> None:
    """A sasaran (by its name) now under another tujuan."""
    before = {s.nama: old.tujuan[t].nama for s in old.sasaran if (t := old.tujuan_of(s)) is not None}
    for index, sasaran in enumerate(new.sasaran):
        t = new.tujuan_of(sasaran)
        if t is not None and sasaran.nama in before and before[sasaran.nama] != new.tujuan[t].nama:
            out.value(INDIKATOR, f"Tujuan dari sasaran {sasaran.nama}", format_key_path(("sasaran", index, "tujuan")),
                      before[sasaran.nama], new.tujuan[t].nama)


def compare(old: Konten, new: Konten, old_label: str, new_label: str) -> Comparison:
    """Everything that differs between two revisions, grouped in the order the document shows it."""
    with cycle_collector_paused():  # a third of the time for 3,000 indicators
        return _compare(old, new, old_label, new_label)


def _compare(old: Konten, new: Konten, old_label: str, new_label: str) -> Comparison:
    out = Collector()
    for key in ("dokumen", "instansi", "revisi"):
        compare_fields(out, SAMPUL, key, getattr(old, key), getattr(new, key))
    out.units(KATA_PENGANTAR, "", "kata_pengantar.isi", text_units(old.kata_pengantar.isi),
              text_units(new.kata_pengantar.isi))
    compare_fields(out, PENANDATANGAN, "penandatangan", old.penandatangan, new.penandatangan)
    compare_chapters(out, old.bab, new.bab)
    for key in ("rpjmd", "renstra"):
        compare_fields(out, RPJMD_RENSTRA, key, getattr(old, key), getattr(new, key))
    compare_fields(out, LAMPIRAN, "organisasi", old.organisasi, new.organisasi)
    years, rows = _compare_indicators(out, old, new)
    return Comparison(old_label, new_label, out.finish(), years, rows)


def summarize_revision(konten: Konten, label: str) -> Comparison:
    """What one revision changed, from its own "sebelum" and "setelah" targets."""
    years = konten.tahun_target()
    changes, rows = [], []
    for loc, _, ind in konten.indicators():
        key = format_key_path(loc)
        revised = ind.target_sebelum is not None
        before, after = _shown_targets(ind.target_sebelum, ind), _shown_targets(ind.target, ind)
        if revised:
            found = _target_changes(f"{key}.target", "Target", TARGET, ind, ind, years, before, after)
            changes += found
            if ind.alasan_perubahan and found:
                changes.append(Change(TARGET.label, "ubah", f"Alasan perubahan, {ind.nama}",
                                      f"{key}.alasan_perubahan", None, marked_text(ind.alasan_perubahan.runs),
                                      bagian=TARGET.id))
        cells = tuple(TargetCell(before.get(y) if revised else None, after.get(y)) for y in years)
        rows.append(TargetRow(ind.nama, None, "tetap" if revised else "tambah", ind.satuan or "", cells))
    perubahan = konten.dokumen.perubahan or "setelah perubahan"
    return Comparison(f"{label} (sebelum perubahan)", f"{label} ({perubahan})", tuple(changes), years, tuple(rows))
